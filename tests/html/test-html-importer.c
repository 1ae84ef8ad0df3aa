/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "importers/dossier-html-importer.h"
#include "importers/dossier-import.h"

static DossierDocument *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "html", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static DossierDocument *
import_string (const char  *html,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

  return dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_HTML, "page.html", error);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static DossierParagraph *
paragraph (DossierDocument *document,
           guint            index)
{
  g_autoptr(DossierParagraph) p = g_list_model_get_item (dossier_document_get_paragraphs (document), index);
  return p;
}

static DossierAuthor *
author (DossierDocument *document,
        guint            index)
{
  g_autoptr(DossierAuthor) a = g_list_model_get_item (dossier_document_get_authors (document), index);
  return a;
}

static DossierFootnote *
footnote (DossierDocument *document,
          guint            index)
{
  g_autoptr(DossierFootnote) f = g_list_model_get_item (dossier_document_get_footnotes (document), index);
  return f;
}

static guint
count_body (DossierDocument *document,
            guint           *headings)
{
  guint body = 0;

  *headings = 0;
  for (guint i = 0; i < n_items (dossier_document_get_paragraphs (document)); i++)
    if (dossier_paragraph_get_kind (paragraph (document, i)) == DOSSIER_PARAGRAPH_HEADING)
      (*headings)++;
    else
      body++;

  return body;
}

/* Every piece of text the document holds, for "nothing leaked" checks. */
static char *
all_text (DossierDocument *document)
{
  GString *out = g_string_new (NULL);
  const char * const *strv;

  g_string_append_printf (out, "%s\n%s\n", dossier_document_get_title (document),
                          dossier_document_get_subtitle (document) ?: "");
  for (strv = dossier_document_get_key_points (document); *strv; strv++)
    g_string_append_printf (out, "%s\n", *strv);
  for (strv = dossier_document_get_pull_quotes (document); *strv; strv++)
    g_string_append_printf (out, "%s\n", *strv);
  for (guint i = 0; i < n_items (dossier_document_get_paragraphs (document)); i++)
    g_string_append_printf (out, "%s\n", dossier_paragraph_get_text (paragraph (document, i)));
  for (guint i = 0; i < n_items (dossier_document_get_footnotes (document)); i++)
    g_string_append_printf (out, "%s\n", dossier_footnote_get_text (footnote (document, i)));

  return g_string_free (out, FALSE);
}

static void
assert_no_leaks (DossierDocument    *document,
                 const char * const *phrases)
{
  g_autofree char *text = all_text (document);

  for (guint i = 0; phrases[i] != NULL; i++)
    if (strstr (text, phrases[i]) != NULL)
      g_error ("boilerplate “%s” leaked into the document:\n%s", phrases[i], text);
}

static void
assert_ref (DossierDocument *document,
            guint            para,
            guint            ref_index,
            guint            number,
            const char      *text_before)
{
  DossierParagraph *p = paragraph (document, para);
  guint n_refs;
  const DossierFootnoteRef *refs = dossier_paragraph_get_refs (p, &n_refs);
  const char *text = dossier_paragraph_get_text (p);
  g_autofree char *prefix = NULL;

  g_assert_cmpuint (ref_index, <, n_refs);
  g_assert_cmpuint (refs[ref_index].number, ==, number);
  g_assert_cmpuint (refs[ref_index].offset, <=, g_utf8_strlen (text, -1));
  /* The marker stood right after @text_before. */
  prefix = g_utf8_substring (text, 0, refs[ref_index].offset);
  if (!g_str_has_suffix (prefix, text_before))
    g_error ("reference %u stands after “%s”, expected after “%s”", number, prefix, text_before);
}

static void
assert_urls (DossierFootnote *note,
             const char      *first_url)
{
  const char * const *urls = dossier_footnote_get_urls (note);

  if (first_url == NULL)
    g_assert_cmpuint (g_strv_length ((char **)urls), ==, 0);
  else
    {
      g_assert_cmpuint (g_strv_length ((char **)urls), >=, 1);
      g_assert_cmpstr (urls[0], ==, first_url);
    }
}

static void
test_wordpress (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("wordpress.html");
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const *pull_quotes = dossier_document_get_pull_quotes (document);
  const char * const leaks[] = {
    "cookies", "Skip to content", "Research", "Share this", "Twitter", "weekly briefing",
    "Subscribe", "Tagged", "Japan's Defense", "Most Popular", "All rights reserved", "tracking",
    "Asia\n", "↩", NULL
  };
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Rebuilding Deterrence in the Taiwan Strait");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==,
                   "Why the allies need a denial strategy before 2027, not after it");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-03-18");
  g_assert_cmpstr (dossier_document_get_publisher (document), ==, "Harbor Policy Institute");

  g_assert_cmpuint (g_strv_length ((char **)key_points), ==, 3);
  g_assert_cmpstr (key_points[0], ==, "Deterrence across the strait rests on denial, not punishment.");
  g_assert_cmpuint (g_strv_length ((char **)pull_quotes), ==, 1);
  g_assert_cmpstr (pull_quotes[0], ==, "Deterrence fails quietly, long before the first shot is fired.");

  g_assert_cmpuint (count_body (document, &headings), ==, 7);
  g_assert_cmpuint (headings, ==, 2);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 2)), ==, "A Strategy of Denial");
  /* Inline markup flattened. */
  g_assert_true (g_str_has_suffix (dossier_paragraph_get_text (paragraph (document, 3)),
                                   "three things: munitions, sensors, and the access to use them."));

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  assert_ref (document, 0, 0, 1, "never fully spelled out.");
  assert_ref (document, 1, 0, 2, "than any other navy,");
  assert_ref (document, 4, 0, 3, "in under a week.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==,
                   "Richard Bush, “Untying the Knot,” Brookings Institution Press, 2005.");
  assert_urls (footnote (document, 0), NULL);
  assert_urls (footnote (document, 1), "https://example.gov/china-military-power-2023.pdf");
  assert_urls (footnote (document, 2), "https://example.org/first-battle");

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Maria Lopez");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "senior fellow for Asian security");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Harbor Policy Institute");
  g_assert_nonnull (strstr (dossier_author_get_bio (author (document, 0)), "Department of Defense"));
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Daniel Okafor");
  g_assert_cmpstr (dossier_author_get_position (author (document, 1)), ==, "research associate");

  assert_no_leaks (document, leaks);
}

static void
test_drupal (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("drupal.html");
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const *pull_quotes = dossier_document_get_pull_quotes (document);
  const char * const leaks[] = {
    "cookies", "Main navigation", "Home", "Commentary\n", "Share on X", "Email", "Topics",
    "Another article", "newsletter", "Stay informed", "More from", NULL
  };
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Sanctions Fatigue: Why Pressure on Pyongyang Is Fading");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==, "Enforcement gaps, not new resolutions, are the problem");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2023-11-07");
  g_assert_cmpstr (dossier_document_get_publisher (document), ==, "Center for Northeast Asian Studies");
  g_assert_cmpstr (dossier_document_get_source_url (document), ==, "https://example.org/analysis/sanctions-fatigue");

  g_assert_cmpuint (g_strv_length ((char **)key_points), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)pull_quotes), ==, 1);
  g_assert_cmpstr (pull_quotes[0], ==, "Enforcement, not new resolutions, is what pressure now depends on.");

  g_assert_cmpuint (count_body (document, &headings), ==, 5);
  g_assert_cmpuint (headings, ==, 1);

  /* Bare <sup>n</sup> markers with a "Notes" list. */
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  assert_ref (document, 0, 0, 1, "a long-range missile.");
  assert_ref (document, 1, 0, 2, "has weakened.");
  assert_ref (document, 3, 0, 3, "flags of convenience.");
  assert_urls (footnote (document, 0), "https://example.un.org/res/2397");
  assert_urls (footnote (document, 1), NULL);
  assert_urls (footnote (document, 2), "https://example.org/ais-data");

  /* citation_author "Last, First", completed by the bios. */
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ji-won Park");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "fellow");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Center for Northeast Asian Studies");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Thomas Hartley");
  g_assert_cmpstr (dossier_author_get_position (author (document, 1)), ==, "director of the Korea program");

  assert_no_leaks (document, leaks);
}

static void
test_json_ld (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("jsonld-only.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Grain, Ports and War: The Black Sea Corridor After Two Years");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==, "How Ukraine kept exporting despite the blockade");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-02-24");
  g_assert_cmpstr (dossier_document_get_publisher (document), ==, "Lakeside Forum for Global Affairs");
  g_assert_cmpstr (dossier_document_get_source_url (document), ==, "https://example.net/grain/");

  /* An author by @id reference, and one inline with entities in the name. */
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Olena Kravets");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "Senior Fellow");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Lakeside Forum");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Tomasz Wróbel");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 1)), ==, "Lakeside Forum for Global Affairs");

  /* No <article> or <main>: the text density finds the body. */
  g_assert_cmpuint (count_body (document, &headings), ==, 3);
  g_assert_cmpuint (headings, ==, 0);
  assert_no_leaks (document, (const char * const[]) { "Home", "About", NULL });
}

static void
test_korean (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("korean.html");
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const leaks[] = { "보고서\n", "연구진", "페이스북", "URL 복사", "관련 보고서", "다른 보고서", "대표전화", NULL };
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "북한 핵 위협과 한미 확장억제의 과제");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==, "워싱턴 선언 이후 핵협의그룹의 실효성을 높이는 방안");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-05-13");
  g_assert_cmpstr (dossier_document_get_publisher (document), ==, "한반도정책연구원");
  g_assert_cmpuint (g_strv_length ((char **)key_points), ==, 2);
  g_assert_cmpstr (key_points[1], ==, "핵협의그룹은 정례화되었으나 실행력을 높일 후속 조치가 필요하다.");

  g_assert_cmpuint (count_body (document, &headings), ==, 3);
  g_assert_cmpuint (headings, ==, 1);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  /* Offsets count code points, not bytes. */
  assert_ref (document, 0, 0, 1, "공식화하였다.");
  assert_ref (document, 1, 0, 2, "신설하였다.");
  assert_urls (footnote (document, 1), "https://example.gov/washington-declaration");

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "김민준");
  assert_no_leaks (document, leaks);
  g_clear_object (&document);

  /* A news page's closing reporter line and copyright notice. */
  {
    g_autoptr(GError) error = NULL;

    document = import_string ("<html><body><article><h1>기사 제목입니다</h1>"
                              "<p>북한은 올해 들어 미사일 발사를 계속하며 긴장을 높이고 있다는 분석이 나왔다.</p>"
                              "<p>전문가들은 외교적 해법과 억제력 강화를 병행해야 한다고 지적한다.</p>"
                              "<p>홍길동 기자 hong@example.co.kr</p><p>Copyright ⓒ 예시일보 무단전재 및 재배포 금지</p>"
                              "</article></body></html>", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
    g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "홍길동");
  }
}

static void
test_messy_legacy (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("messy-windows-1252.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "The Café Diplomacy of the 1990s");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Renée Dupont");

  /* Unclosed <P>s, and <BR><BR> splitting a paragraph. */
  g_assert_cmpuint (count_body (document, &headings), ==, 5);
  g_assert_cmpuint (headings, ==, 0);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 4)), ==,
                   "The lesson for today’s negotiators is simple: keep the café, but take better notes.");
  g_assert_nonnull (strstr (dossier_paragraph_get_text (paragraph (document, 1)), "lost — a problem"));
  g_assert_nonnull (strstr (dossier_paragraph_get_text (paragraph (document, 2)), "the naïve formalists"));
  assert_no_leaks (document, (const char * const[]) { "Home", "Contact", "Copyright", "Occasional Paper", NULL });
}

/* A body split into several CMS blocks around a figure, people cards with
 * titles, a kicker above the title, footnotes in the last block. */
static void
test_block_layout (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("block-layout.html");
  const char * const leaks[] = {
    "Skip to", "Topics", "Commentary", "Share", "Print", "Cape Canaveral", "Related", "Another piece",
    "A dek of another", "Somewhere Ave", "Back to top", "Footnotes", NULL
  };
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "How to Think About Deterrence in Space");
  g_assert_null (dossier_document_get_subtitle (document));
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-03-01");
  g_assert_cmpuint (count_body (document, &headings), ==, 4);
  g_assert_cmpuint (headings, ==, 1);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  assert_ref (document, 0, 0, 1, "easy to disrupt.");
  assert_ref (document, 3, 0, 2, "calculation.");
  assert_urls (footnote (document, 0), "https://example.edu/space-threats");
  assert_urls (footnote (document, 1), "https://example.org/constellations");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Jane Doe");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "Senior Fellow - Foreign Policy");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "John Roe");
  g_assert_cmpstr (dossier_author_get_position (author (document, 1)), ==, "Nonresident Fellow");
  assert_no_leaks (document, leaks);
}

/* Chrome's "Webpage, Single File": MIME, quoted-printable, address in the part. */
static void
test_mhtml (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("saved-page.mhtml");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) saved = NULL;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Fisheries and the Coast Guard");
  g_assert_cmpstr (dossier_document_get_source_url (document), ==, "https://example.org/fisheries");
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Rosa Martínez");
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  assert_no_leaks (document, (const char * const[]) { "=3D", "=\r", "color: black", "Sea Lanes Review", NULL });

  /* Chrome's "saved from url" comment on a plain saved page. */
  saved = import_string ("<!-- saved from url=(0030)https://example.org/a-page -->\n<html><body>"
                         "<p>Some article text that is long enough to be a paragraph here.</p></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_source_url (saved), ==, "https://example.org/a-page");
}

/* The title, dek, byline and date in a header block that is boilerplate by
 * class, all paragraphs short, ads and a newsletter box inside the body. */
static void
test_header_block (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("header-block.html");
  const char * const leaks[] = {
    "Expert Brief", "Advertisement", "Daily Brief", "every weekday", "More From", "Greenland", "©",
    "Regions", "Senior Fellow for Europe", NULL
  };
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Why the Arctic Council Still Matters");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==,
                   "Cooperation on science and search and rescue survives the freeze in relations.");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2023-09-14");
  g_assert_cmpuint (count_body (document, &headings), ==, 4);
  g_assert_cmpuint (headings, ==, 1);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Erik Lindqvist");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "senior fellow for Europe");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Global Affairs Council");
  assert_no_leaks (document, leaks);
}

/* A report: sections with numbered headings, a table of contents, a quote,
 * a data table, endnotes with "↑" links back. */
static void
test_report_sections (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("report-sections.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Securing Undersea Cables");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2022-11-30");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Claire Moreau");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Kenji Ito");
  g_assert_cmpuint (count_body (document, &headings), ==, 6);
  g_assert_cmpuint (headings, ==, 2);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==, "1. Introduction");
  /* A table row is one paragraph. */
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 6)), ==, "Year | Incidents");
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  assert_ref (document, 1, 0, 1, "on the seabed.");
  assert_ref (document, 4, 0, 2, "than accidents.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==, "TeleGeography, Submarine Cable Map, https://example.com/map.");
  assert_no_leaks (document, (const char * const[]) { "Contents", "Home", "Reports", "↑", "Endnotes", NULL });
}

/* A list of author cards under "About the Authors", outside the article. */
static void
test_author_cards (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("author-cards.html");

  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ana Lee");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "Fellow, Asia Program");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Harbor Institute");
  g_assert_cmpstr (dossier_author_get_bio (author (document, 0)), ==,
                   "Ana Lee is a fellow in the Asia Program at the Harbor Institute. She writes on trade.");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Ben Cho");
  g_assert_cmpstr (dossier_author_get_position (author (document, 1)), ==, "Research Assistant");
  g_assert_cmpstr (dossier_author_get_bio (author (document, 1)), ==, "Ben Cho is a research assistant at the Harbor Institute.");
}

/* An author card holding <noscript>, <video>, <object> and <svg>, each with
 * another "author-bio" element inside: those are never measured, as
 * invisible, and once crashed the card search. Nothing inside them shows. */
static void
test_author_card_embedded (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("author-card-embedded.html");
  g_autofree char *text = all_text (document);

  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Mira Okafor");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "Senior Fellow, Maritime Program");
  g_assert_cmpstr (dossier_author_get_bio (author (document, 0)), ==,
                   "Mira Okafor is a senior fellow in the Maritime Program at the Lantern Institute, "
                   "where she studies port finance.");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Tomas Lind");
  g_assert_cmpstr (dossier_author_get_position (author (document, 1)), ==, "Research Associate");
  g_assert_cmpstr (dossier_author_get_bio (author (document, 1)), ==,
                   "Tomas Lind is a research associate at the Lantern Institute who tracks shipping "
                   "costs in northern Europe.");
  for (guint i = 0; i < 2; i++)
    {
      const char *bio = dossier_author_get_bio (author (document, i));

      g_assert_null (strstr (bio, "Enable scripts"));
      g_assert_null (strstr (bio, "cannot play"));
      g_assert_null (strstr (bio, "as a PDF"));
      g_assert_null (strstr (bio, "badge"));
    }
  assert_no_leaks (document, (const char * const[]) { "Enable scripts", "cannot play", "as a PDF", "badge", NULL });
}

/* Three pull quotes, the first and the third the same: kept once each,
 * and none of them in the text (the duplicate once crashed the search). */
static void
test_pull_quotes_repeated (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("pullquote-repeated.html");
  const char * const *pull = dossier_document_get_pull_quotes (document);
  guint n = n_items (dossier_document_get_paragraphs (document));

  g_assert_cmpuint (g_strv_length ((char **) pull), ==, 2);
  g_assert_cmpstr (pull[0], ==, "Each renewal becomes a new occasion to ask for something in return.");
  g_assert_cmpstr (pull[1], ==, "Insurers price the uncertainty into every voyage.");
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      const char *text = dossier_paragraph_get_text (paragraph (document, i));

      g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, i)), ==, DOSSIER_PARAGRAPH_BODY);
      g_assert_false (g_str_equal (text, pull[0]));
      g_assert_false (g_str_equal (text, pull[1]));
    }
}

static void
test_korean_euc_kr (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("korean-euc-kr.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "한반도 정세 전망");
  g_assert_cmpuint (count_body (document, &headings), ==, 2);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 1)), ==,
                   "전문가들은 외교적 해법과 억제력 강화를 병행해야 한다고 지적한다. 특히 중국의 역할이 중요하다.");
  assert_no_leaks (document, (const char * const[]) { "홈", NULL });
}

static void
test_footnotes_word (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("footnotes-word.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Energy Security After the Winter");
  g_assert_cmpuint (count_body (document, &headings), ==, 3);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  assert_ref (document, 0, 0, 1, "a year earlier.");
  assert_ref (document, 1, 0, 2, "pre-war average,");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==,
                   "European Commission, “Gas storage report,” November 2022, https://example.eu/storage.");
  assert_urls (footnote (document, 0), "https://example.eu/storage");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 1)), ==, "Interview with a trader, Rotterdam, December 2022.");
  assert_no_leaks (document, (const char * const[]) { "[1]", "[2]", NULL });
}

static void
test_footnotes_plain (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("footnotes-plain.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Arctic Shipping Lanes");
  g_assert_cmpuint (count_body (document, &headings), ==, 3);
  g_assert_cmpuint (headings, ==, 0);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  assert_ref (document, 0, 0, 1, "bound for China.");
  /* "escorts for parts of the route. [2] The fleet": the spare space goes too. */
  assert_ref (document, 1, 0, 2, "parts of the route.");
  g_assert_nonnull (strstr (dossier_paragraph_get_text (paragraph (document, 1)), "route. The fleet"));
  assert_ref (document, 2, 0, 3, "do not answer.");
  assert_urls (footnote (document, 0), "https://example.no/nsr-2023");
  assert_urls (footnote (document, 2), "https://example.int/arctic-review");
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ingrid Solberg");
  assert_no_leaks (document, (const char * const[]) { "[1]", "Endnotes", "Archive", "©", NULL });
}

static void
test_footnotes_sup (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("footnotes-sup.html");
  guint headings;

  g_assert_cmpstr (dossier_document_get_published (document), ==, "2022-08-30");
  g_assert_cmpstr (dossier_document_get_publisher (document), ==, "Riverine Institute");
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Linh Tran");
  g_assert_cmpuint (count_body (document, &headings), ==, 4);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  assert_ref (document, 0, 0, 1, "recorded history.");
  assert_ref (document, 1, 0, 2, "not a member.");
  assert_ref (document, 3, 0, 3, "fund the stations.");
  /* A superscript that is not a note number stays text. */
  g_assert_nonnull (strstr (dossier_paragraph_get_text (paragraph (document, 2)), "the 21st century"));
  assert_urls (footnote (document, 2), "https://example.org/mekong-data");
}

/* Substack, easy-footnotes, Wikipedia-style and <dl> notes: the same rule. */
static void
test_footnotes_variants (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("footnotes-variants.html");
  guint headings;

  g_assert_cmpuint (count_body (document, &headings), ==, 4);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 4);
  assert_ref (document, 0, 0, 1, "long enough.");
  assert_ref (document, 1, 0, 2, "of the article");
  assert_ref (document, 2, 0, 3, "of the article.");
  assert_ref (document, 3, 0, 4, "fourth sentence.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==, "Substack note, https://example.com/one.");
  assert_urls (footnote (document, 0), "https://example.com/one");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 1)), ==, "Easy note with link.");
  assert_urls (footnote (document, 1), "https://example.com/two");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 2)), ==, "Wiki note text.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 3)), ==, "Definition note text.");
  assert_no_leaks (document, (const char * const[]) { "^", "[3]", NULL });
}

/* ---- rules on small pages -------------------------------------------------- */

static void
test_heading_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><body><article><h1>Title Here</h1>"
    "<p>First paragraph with enough words to be a real paragraph of the article body.</p>"
    "<p><strong>A Bold Label</strong></p>"
    "<p>Related: <a href='/other'>Another Article on a Different Subject Entirely</a></p>"
    "<p>Copyright ⓒ 한반도일보 무단전재 및 재배포 금지</p><p>© 2024 Example Institute. All rights reserved.</p>"
    "<p>Second paragraph with enough words to be a real paragraph of the article body.</p>"
    "<h2>Related Articles</h2><ul><li><a href='/x'>Other</a></li></ul>"
    "</article></body></html>", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 3);
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 1)), ==, DOSSIER_PARAGRAPH_HEADING);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 1)), ==, "A Bold Label");
}

/* What <noscript>, <svg> and the like hold is never shown: not the title,
 * not a byline name, not an author card's name. */
static void
test_invisible_elements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><title>Tariffs Without Borders</title></head><body>"
    "<noscript><h1>JavaScript is disabled in your browser</h1></noscript>"
    "<div class='byline'>By <svg class='icon'><g class='name'><text>Pencil Icon</text></g></svg>"
    "<span class='name'>Ines Moreau</span></div>"
    "<article><p>Tariffs no longer stop at the border: they reach into supply chains three or four steps away.</p>"
    "<p>Firms respond by moving the last step of assembly, which changes the label but not the dependence.</p></article>"
    "<div class='author-bio'><noscript><strong>Script Required Notice</strong></noscript>"
    "<p>Ines Moreau is a trade analyst at the Meridian Group who studies rules of origin.</p></div>"
    "</body></html>", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Tariffs Without Borders");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ines Moreau");
  g_assert_cmpstr (dossier_author_get_bio (author (document, 0)), ==,
                   "Ines Moreau is a trade analyst at the Meridian Group who studies rules of origin.");
  g_clear_object (&document);

  /* A drawing's <title> is not the page's. */
  document = import_string (
    "<html><body><article><p><svg><title>Download Icon</title></svg>"
    "A paragraph long enough to be the text of an article without any title of its own.</p>"
    "</article></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Page");
}

static void
test_logo_h1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><meta property='og:site_name' content='Policy Notes'><meta property='og:title' content='Grid Security in Winter'></head><body>"
    "<header><h1 class='site-title'><a href='/'>Policy Notes</a></h1><h2 class='site-description'>Ideas for a safer world and more</h2></header>"
    "<article><h2 class='entry-title'>Grid Security in Winter</h2>"
    "<p>Electric grids face their greatest stress during cold snaps, when demand peaks and supply falters.</p>"
    "<p>Operators have learned to plan for this, but attacks on substations add a new kind of risk.</p></article></body></html>", &error);

  g_assert_no_error (error);
  /* The site's logo is the <h1>: neither it nor the tagline under it is the article's. */
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Grid Security in Winter");
  g_assert_null (dossier_document_get_subtitle (document));
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_clear_object (&document);

  /* A JSON-LD headline cut short: the visible <h1> is whole. */
  document = import_string ("<html><head><script type='application/ld+json'>{\"@type\":\"Article\","
                            "\"headline\":\"A Very Long Title About Many Things That Was Cut...\"}</script></head>"
                            "<body><article><h1>A Very Long Title About Many Things That Was Cut Short by a CMS</h1>"
                            "<p>Some body text that is long enough to be a paragraph in this test.</p></article></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "A Very Long Title About Many Things That Was Cut Short by a CMS");
  g_clear_object (&document);

  /* JSON-LD wrapped in an HTML comment. */
  document = import_string ("<html><head><script type='application/ld+json'><!-- {\"@type\":\"NewsArticle\","
                            "\"headline\":\"Commented JSON Title\",\"datePublished\":\"2021-06-01\"} --></script></head>"
                            "<body><article><p>Some body text that is long enough to be a paragraph in this test.</p></article></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Commented JSON Title");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2021-06-01");
}

static void
test_entities_and_space (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><title>A &amp; B</title></head><body><article>"
    "<p>Caf&eacute; &#8220;quoted&#8221; &#x2014; and&nbsp;non&#160;breaking\n\n   spaces<br>after a break, "
    "<em>emphasis</em>,<span> spans</span> and soft hy&shy;phens.</p></article></body></html>", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "A & B");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==,
                   "Café “quoted” — and non breaking spaces after a break, emphasis, spans and soft hyphens.");
}

static void
test_hidden_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><body><article><h1>Drop</h1><p><span class='dropcap' aria-hidden='true'>T</span><span class='sr-only'>The</span>"
    "he first paragraph starts with a drop cap, as magazines like.<span aria-hidden='true' class='icon'>&#9654; Play audio</span></p>"
    "<p style='display: none'>Hidden paragraph that no reader sees on the page at all.</p>"
    "<p hidden>Another hidden paragraph that no reader sees on the page.</p>"
    "<p>Second paragraph with enough words to count as the text of the article.</p></article></body></html>", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==,
                   "The first paragraph starts with a drop cap, as magazines like.");
}

static void
test_charset_declared (void)
{
  /* Latin-1 bytes declared as ISO-8859-1; and UTF-8 bytes mislabelled as windows-1252. */
  const char latin1[] = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Un caf\xe9 cr\xe8me "
                        "pour le d\xe9l\xe9gu\xe9, s'il vous pla\xeet, avant la r\xe9union.</p></body></html>";
  const char mislabelled[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>Un café crème "
                             "pour le délégué, s'il vous plaît, avant la réunion.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) a = import_string (latin1, &error);
  g_autoptr(DossierDocument) b = NULL;

  g_assert_no_error (error);
  b = import_string (mislabelled, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (a, 0)), ==,
                   "Un café crème pour le délégué, s'il vous plaît, avant la réunion.");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (b, 0)), ==,
                   "Un café crème pour le délégué, s'il vous plaît, avant la réunion.");
}

static void
test_byline_and_bio_heading (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><body><main><h1>Trade Walls</h1><div class='byline'>By Ana Silva and Omar Haddad | May 2, 2024</div>"
    "<p>Tariffs rose again this year across most of the large economies of the world, said analysts.</p>"
    "<p>Supply chains adapted faster than most economists expected them to, at least for now.</p>"
    "<h3>About the Authors</h3>"
    "<p>Ana Silva is a senior economist at the Lisbon Trade Council.</p>"
    "<p>Omar Haddad is a fellow with the Gulf Research Forum, where he studies logistics.</p>"
    "</main></body></html>", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-05-02");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ana Silva");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "senior economist");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Lisbon Trade Council");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Omar Haddad");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 1)), ==, "Gulf Research Forum");
}

static void
test_notes_outside_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><title>Outside Notes</title></head><body><main>"
    "<div class='field--name-body'><h1>Outside Notes</h1>"
    "<p>The first claim in this article needs a source, which is given below the body.<sup>1</sup> More words follow here.</p>"
    "<p>The second claim also needs one, as careful readers will expect by now.<sup>2</sup> End of the body text.</p></div>"
    "<div class='field--name-field-endnotes'><h3>Endnotes</h3><p><sup>1</sup> First source, https://example.org/first.</p>"
    "<p><sup>2</sup> Second source.</p></div><div class='field--name-tags'><a href='/t'>Tag</a></div>"
    "</main></body></html>", &error);

  g_assert_no_error (error);
  /* Unlinked superscripts, their notes in a field after the body's. */
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  assert_ref (document, 0, 0, 1, "below the body.");
  assert_ref (document, 1, 0, 2, "by now.");
  assert_urls (footnote (document, 0), "https://example.org/first");
  g_clear_object (&document);

  /* Linked notes inside a <footer>, which is boilerplate by tag. */
  document = import_string (
    "<html><head><title>Footer Notes</title></head><body><article><h1>Footer Notes</h1>"
    "<p>A claim with a linked note in a footer that is boilerplate by tag.<sup><a href='#n1'>1</a></sup> More text.</p>"
    "<p>Another paragraph of body text that is long enough to be counted.</p>"
    "<footer><ol><li id='n1'><p>The note in the footer, <a href='https://example.org/f'>source</a>.</p></li></ol></footer>"
    "</article></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 1);
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==, "The note in the footer, source.");
  assert_urls (footnote (document, 0), "https://example.org/f");
  g_clear_object (&document);

  /* Every marker links to the "Notes" section, not to its own note. */
  document = import_string (
    "<html><head><title>Section Links</title></head><body><article><h1>Section Links</h1>"
    "<p>A claim whose marker links to the notes section as a whole.<sup><a href='#notes'>1</a></sup> More text here.</p>"
    "<p>A second claim, linking to the same section.<sup><a href='#notes'>2</a></sup> And the end of it.</p>"
    "<section id='notes'><h2>Notes</h2><ol><li>First note, https://example.org/one.</li><li>Second note.</li></ol></section>"
    "</article></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  assert_ref (document, 0, 0, 1, "as a whole.");
  assert_ref (document, 1, 0, 2, "same section.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 1)), ==, "Second note.");
}

static void
test_density_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><title>Columns</title></head><body><div class='wrap'><div class='top'><a href='/'>Home</a> <a href='/a'>About us</a></div>"
    "<div class='c1'><p>First column paragraph one, with enough words to count as article text.</p>"
    "<p>First column paragraph two, with enough words to count as article text.</p></div>"
    "<div class='c2'><p>Second column paragraph one, with enough words to count as article text.</p>"
    "<p>Second column paragraph two, with enough words to count as article text.</p></div></div>"
    "<div class='bottom'><p>Copyright line that is long enough to be a paragraph itself, sadly.</p></div></body></html>", &error);

  g_assert_no_error (error);
  /* No semantic markup: the densest element, with its well-scoring sibling. */
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 4);
  g_assert_true (g_str_has_prefix (dossier_paragraph_get_text (paragraph (document, 3)), "Second column paragraph two"));
  assert_no_leaks (document, (const char * const[]) { "Home", "Copyright", NULL });
}

static void
test_authors_edge_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (
    "<html><head><meta name='author' content='The Heritage Foundation'>"
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Chips and Alliances\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Silva and Omar Haddad\"}}</script></head>"
    "<body><article><h1>Chips and Alliances</h1>"
    "<p>Export controls on advanced chips have reshaped supply chains across Asia in the past two years.</p>"
    "<p>Allies have followed Washington's lead, though not without friction over the scope of the rules.</p>"
    "<h2>References</h2><ul><li>Some book, 2020.</li><li>Another book, 2021.</li></ul>"
    "<p><em>Ana Silva is a senior economist at the Lisbon Trade Council.</em></p>"
    "</article></body></html>", &error);

  g_assert_no_error (error);
  /* Two people from one JSON-LD name; the organisation is not an author. */
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Ana Silva");
  /* The closing italic bio went to the author, not the body. */
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Lisbon Trade Council");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Omar Haddad");
  g_clear_object (&document);

  /* What follows a separator in a byline is its date, read when the page
   * gives no other. */
  document = import_string ("<html><body><article><h1>T One</h1>"
                            "<p>A standfirst long enough to end the look at what follows the title: it runs on for"
                            " well over twenty-five words, as the longer ones on policy sites do.</p>"
                            "<p class='byline'>By David Smith | June 22, 2022</p>"
                            "<p>Body paragraph with enough words to count as the article text here.</p></article></body></html>",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "David Smith");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2022-06-22");
  g_clear_object (&document);

  /* A title after the name is not a second author. */
  document = import_string ("<html><body><article><h1>T One</h1><p class='byline'>By Jane Doe, Senior Fellow</p>"
                            "<p>Body paragraph with enough words to count as the article text here.</p></article></body></html>",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Jane Doe");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "Senior Fellow");
  g_clear_object (&document);

  document = import_string (
    "<html><body><article><h1>Chips and Alliances</h1>"
    "<p>Export controls on advanced chips have reshaped supply chains across Asia in the past two years.</p>"
    "<p>Allies have followed Washington's lead, though not without friction over the scope of the rules.</p>"
    "<h2>References</h2><ul><li>Some book, 2020.</li><li>Another book, 2021.</li></ul>"
    "</article></body></html>", &error);
  g_assert_no_error (error);
  /* A bibliography under "References" is not a notes list: it stays. */
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 0);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 5);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 2)), ==, "References");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_import_file_finish (result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier_document_get_title (document));
  (*pending)--;
}

/* Imports run on worker threads, several at once. */
static void
test_threads (void)
{
  static const char * const names[] = {
    "wordpress.html", "drupal.html", "korean.html", "jsonld-only.html", "footnotes-word.html",
    "messy-windows-1252.html", "saved-page.mhtml", "block-layout.html",
  };
  guint pending = 0;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "html", "data", names[i], NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        dossier_import_file_async (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, import_done_cb, &pending);
        pending++;
      }

  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- hostile input ------------------------------------------------------------ */

/* CPU time of this process in microseconds: a quadratic parse shows up here
 * whatever else the machine runs, where wall time under a loaded CI (and
 * ASan) stretched a 2 s import past 10 s. Hangs are the meson timeout's. */
static gint64
cpu_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
assert_fails_quickly (const char *data,
                      gsize       length,
                      int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  gint64 start = cpu_time_us ();

  document = dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_HTML, "page.html", &error);
  g_assert_cmpint (cpu_time_us () - start, <, 10 * G_USEC_PER_SEC);
  if (code >= 0)
    {
      g_assert_error (error, DOSSIER_IMPORT_ERROR, code);
      g_assert_null (document);
    }
  else
    g_assert_true (document != NULL || error != NULL);
}

static void
test_deep_nesting (void)
{
  GString *html = g_string_new ("<html><body>");

  for (guint i = 0; i < 50000; i++)
    g_string_append (html, "<div><span>");
  g_string_append (html, "<p>Text deep inside, long enough to be a paragraph of text.</p>");
  assert_fails_quickly (html->str, html->len, -1);

  /* Many chains of wrappers, each as deep as the parser allows: every
   * element qualifies as a short label, which must not cost depth × n. */
  g_string_assign (html, "<html><body><main>");
  for (guint i = 0; i < 500; i++)
    {
      for (guint k = 0; k < 200; k++)
        g_string_append (html, "<div class='a b'>");
      g_string_append (html, "<p>Some words here in a paragraph of text.</p>");
      for (guint k = 0; k < 200; k++)
        g_string_append (html, "</div>");
    }
  assert_fails_quickly (html->str, html->len, -1);

  /* Thousands of nested bylines, deks, dates, author cards and quotes
   * inside navigation: each kind is examined a bounded number of times. */
  g_string_assign (html, "<html><body><main><p>Body text that is long enough to be the article, really it is.</p>");
  for (guint i = 0; i < 200; i++)
    {
      g_string_append (html, "<nav>");
      for (guint k = 0; k < 100; k++)
        g_string_append (html, "<aside class='byline deck date key-points author-bio pullquote'>");
      g_string_append (html, "<p>Jane Doe is a fellow at the Example Institute.</p>");
      for (guint k = 0; k < 100; k++)
        g_string_append (html, "</aside>");
      g_string_append (html, "</nav>");
    }
  assert_fails_quickly (html->str, html->len, -1);

  /* Unclosed inline elements, tens of thousands deep. */
  g_string_assign (html, "<html><body><p>Start");
  for (guint i = 0; i < 60000; i++)
    g_string_append (html, "<b><i><a href='#x'>");
  assert_fails_quickly (html->str, html->len, -1);

  g_string_free (html, TRUE);
}

static void
test_huge_page (void)
{
  GString *html = g_string_new ("<html><body><article>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  gint64 start = cpu_time_us ();

  while (html->len < 4 * 1024 * 1024)
    g_string_append (html, "<p>Many words in many paragraphs make a long page; this one is long indeed.<sup>1</sup></p>\n");
  bytes = g_string_free_to_bytes (html);
  document = dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_HTML, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), >, 1000);
  g_assert_cmpint (cpu_time_us () - start, <, 30 * G_USEC_PER_SEC);

  /* A flood of tags is refused before parsing. */
  {
    gsize length = (DOSSIER_HTML_MAX_TAGS + 10) * 3;
    g_autofree char *flood = g_malloc (length + 1);

    for (gsize i = 0; i < length; i += 3)
      memcpy (flood + i, "<b>", 3);
    flood[length] = '\0';
    assert_fails_quickly (flood, length, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  }
}

static void
test_binary_and_truncated (void)
{
  static const char binary[] = "<html>\0\x01\x02\x89PNG\r\n\x1a\n\0\0\0";
  static const char truncated[] = "<html><head><title>Cut</title></head><body><article><p>This page was cut off in the mid";
  static const char empty_body[] = "<html><body><nav><a href='/'>Home</a></nav></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  assert_fails_quickly (binary, sizeof binary - 1, DOSSIER_IMPORT_ERROR_BINARY);
  assert_fails_quickly (empty_body, strlen (empty_body), DOSSIER_IMPORT_ERROR_NO_CONTENT);
  assert_fails_quickly ("", 0, DOSSIER_IMPORT_ERROR_EMPTY);

  document = import_string (truncated, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Cut");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==, "This page was cut off in the mid");
}

static void
test_mislabelled_and_junk (void)
{
  GString *junk = g_string_new ("<html><meta charset='shift_jis'><body><p>");
  guint32 seed = 42;

  /* Random high bytes under a declared multibyte charset, then random
   * markup-ish junk: a clean result or a clear error, nothing else. */
  for (guint i = 0; i < 200000; i++)
    {
      seed = seed * 1103515245 + 12345;
      g_string_append_c (junk, (char)(0x80 | ((seed >> 16) & 0x7F)));
    }
  assert_fails_quickly (junk->str, junk->len, -1);

  g_string_assign (junk, "<");
  for (guint i = 0; i < 200000; i++)
    {
      static const char alphabet[] = "<>/=\"' abpdivsu&#;x1[]";
      seed = seed * 1103515245 + 12345;
      g_string_append_c (junk, alphabet[(seed >> 16) % (sizeof alphabet - 1)]);
    }
  assert_fails_quickly (junk->str, junk->len, -1);
  g_string_free (junk, TRUE);
}

/* The importer reads only the bytes it is given: each page here ends where
 * mapped memory ends, with no NUL after it, as a download may. The check
 * for a saved MHTML page read past the end of a page shorter than its
 * longest opening ("Snapshot-Content-Location:"). */
static void
test_unterminated (void)
{
  static const char * const pages[] = {
    "Snap", "Snapshot-Content-Loc", "From", "MIME-Ver", "Content-Ty", "Subj", "Dat",
    "<html><body><p>A page of one paragraph, long enough to be an article.</p>",
  };
  gsize page_size = (gsize) sysconf (_SC_PAGESIZE);
  char *map = mmap (NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  g_assert_true (map != MAP_FAILED);
  /* Reading past the first page faults. */
  g_assert_cmpint (mprotect (map + page_size, page_size, PROT_NONE), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gsize length = strlen (pages[i]);
      char *data = map + page_size - length;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = NULL;

      memcpy (data, pages[i], length);
      document = dossier_html_importer_import (data, length, NULL, NULL, "page.html", &error);
      g_assert_true ((document == NULL) != (error == NULL));
    }

  munmap (map, 2 * page_size);
}

static void
test_no_network_no_entities (void)
{
  /* An external entity and a remote DTD must not be fetched or expanded. */
  static const char page[] =
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://127.0.0.1:9/dtd\" "
    "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<html><body><p>Entity here: &xxe; and more text to make a paragraph.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (page, &error);

  g_assert_no_error (error);
  g_assert_null (strstr (dossier_paragraph_get_text (paragraph (document, 0)), "root:"));
}

static void
assert_quote (DossierDocument *document,
              guint            index,
              const char      *prefix,
              const char      *attribution)
{
  DossierParagraph *p = paragraph (document, index);

  g_assert_cmpint (dossier_paragraph_get_kind (p), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_true (g_str_has_prefix (dossier_paragraph_get_text (p), prefix));
  g_assert_cmpstr (dossier_paragraph_get_attribution (p), ==, attribution);
}

/* <blockquote> gives quote paragraphs, one per <p>, with the attribution
 * from a <footer>, a <cite>, or a closing "— Name" line. */
static void
test_blockquote_attribution (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("blockquote-attribution.html");
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  g_autofree char *text = all_text (document);

  g_assert_cmpuint (n_items (paragraphs), ==, 12);
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 1)), ==, DOSSIER_PARAGRAPH_BODY);
  assert_quote (document, 2, "We will not inspect every vessel", "Ilse Varga, Minister of Maritime Affairs");
  assert_quote (document, 3, "Inspection without cooperation is theater", "Ilse Varga, Minister of Maritime Affairs");
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 4)), ==, DOSSIER_PARAGRAPH_BODY);
  assert_quote (document, 5, "Our ports are open", "Deputy Minister Tomas Reinholt");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 5)), ==, "Our ports are open, but they are not blind.");
  assert_quote (document, 7, "Nobody should expect a new treaty this year.", "Harbor authority spokesperson");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 7)), ==, "Nobody should expect a new treaty this year.");
  /* Nested quotations are flattened once, without an attribution. */
  assert_quote (document, 9, "The outer quotation opens here", NULL);
  assert_quote (document, 10, "The inner quotation is a sentence", NULL);
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 11)), ==, DOSSIER_PARAGRAPH_BODY);

  /* The attributions are not body text as well. */
  g_assert_null (strstr (text, "Ilse Varga"));
  g_assert_null (strstr (text, "Tomas Reinholt"));
  g_assert_null (strstr (text, "spokesperson\n"));
  g_assert_cmpuint (g_strv_length ((char **) dossier_document_get_pull_quotes (document)), ==, 0);
}

/* Footnote markers inside a quotation stay where they stood. */
static void
test_blockquote_footnote (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("blockquote-footnote.html");
  DossierParagraph *quote = paragraph (document, 1);
  const DossierFootnoteRef *refs;
  g_autofree char *before = NULL;
  guint n_refs;

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  assert_quote (document, 1, "The corridor will remain open", "Chair's summary, Winter Talks");
  refs = dossier_paragraph_get_refs (quote, &n_refs);
  g_assert_cmpuint (n_refs, ==, 1);
  g_assert_cmpuint (refs[0].number, ==, 2);
  before = g_utf8_substring (dossier_paragraph_get_text (quote), 0, refs[0].offset);
  g_assert_true (g_str_has_suffix (before, "inspectors in place,"));
  g_assert_true (dossier_paragraph_references (paragraph (document, 0), 1));
  g_assert_true (dossier_paragraph_references (paragraph (document, 2), 3));
}

/* Pull quotes still go to pull-quotes, once; a real quotation next to
 * them is a quote paragraph, and neither is duplicated. */
static void
test_blockquote_and_pull_quote (void)
{
  g_autoptr(DossierDocument) document = import_fixture ("blockquote-pullquote.html");
  const char * const *pull = dossier_document_get_pull_quotes (document);
  guint n = n_items (dossier_document_get_paragraphs (document));
  guint quotes = 0;

  g_assert_cmpuint (g_strv_length ((char **) pull), ==, 2);
  g_assert_cmpstr (pull[0], ==, "Every patrol hour spent far offshore is an hour not spent near the harbor.");
  g_assert_cmpstr (pull[1], ==, "Patrol budgets grew by a third while the fleet shrank.");
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      DossierParagraph *p = paragraph (document, i);

      g_assert_false (g_str_equal (dossier_paragraph_get_text (p), pull[0]));
      g_assert_false (g_str_equal (dossier_paragraph_get_text (p), pull[1]));
      if (dossier_paragraph_get_kind (p) == DOSSIER_PARAGRAPH_QUOTE)
        quotes++;
    }
  g_assert_cmpuint (quotes, ==, 1);
  assert_quote (document, 3, "We have more money and fewer ships", NULL);
}

/* Attributions written as loose text after the paragraphs, as embedded
 * posts do, a dash that is part of the quoted text, and a quotation in a
 * <figure> credited by its caption (a figure with an image stays out). */
static void
test_blockquote_inline (void)
{
  const char *html =
    "<html><head><title>Quotes</title></head><body><article><h1>Quotes</h1>"
    "<p>An opening paragraph that is long enough to count as the body of this article, with words.</p>"
    "<blockquote><p>The first quoted paragraph of a post that someone wrote online.</p>"
    "&mdash; Ana Ruiz (@anaruiz) <a href=\"https://example.org/p/1\">May 3, 2025</a></blockquote>"
    "<blockquote><p>- a quoted line that starts with a hyphen but stands alone in its quote.</p></blockquote>"
    "<blockquote><p>A quotation whose speaker is named in a cite element that opens a line.</p>"
    "<p>&mdash; <cite>Juno Park</cite>, ambassador</p></blockquote>"
    "<figure><blockquote><p>A quotation set in a figure, with its speaker in the caption.</p></blockquote>"
    "<figcaption>&mdash; Lee Min-seo, <cite>Harbor Weekly</cite></figcaption></figure>"
    "<figure><img src=\"chart.png\" alt=\"\"><figcaption>Figure 1: a chart caption that is not text.</figcaption></figure>"
    "<p>A closing paragraph that is long enough to count as the body of this article, too.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_string (html, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 6);
  assert_quote (document, 1, "The first quoted paragraph", "Ana Ruiz (@anaruiz) May 3, 2025");
  assert_quote (document, 2, "- a quoted line", NULL);
  assert_quote (document, 3, "A quotation whose speaker", "Juno Park, ambassador");
  assert_quote (document, 4, "A quotation set in a figure", "Lee Min-seo, Harbor Weekly");
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 5)), ==, DOSSIER_PARAGRAPH_BODY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/html/wordpress", test_wordpress);
  g_test_add_func ("/dossier/html/drupal", test_drupal);
  g_test_add_func ("/dossier/html/json-ld", test_json_ld);
  g_test_add_func ("/dossier/html/korean", test_korean);
  g_test_add_func ("/dossier/html/messy-legacy-charset", test_messy_legacy);
  g_test_add_func ("/dossier/html/korean-euc-kr", test_korean_euc_kr);
  g_test_add_func ("/dossier/html/block-layout", test_block_layout);
  g_test_add_func ("/dossier/html/header-block", test_header_block);
  g_test_add_func ("/dossier/html/report-sections", test_report_sections);
  g_test_add_func ("/dossier/html/author-cards", test_author_cards);
  g_test_add_func ("/dossier/html/author-cards/embedded-media", test_author_card_embedded);
  g_test_add_func ("/dossier/html/mhtml", test_mhtml);
  g_test_add_func ("/dossier/html/footnotes/word", test_footnotes_word);
  g_test_add_func ("/dossier/html/footnotes/plain-brackets", test_footnotes_plain);
  g_test_add_func ("/dossier/html/footnotes/superscript", test_footnotes_sup);
  g_test_add_func ("/dossier/html/footnotes/variants", test_footnotes_variants);
  g_test_add_func ("/dossier/html/headings", test_heading_kinds);
  g_test_add_func ("/dossier/html/blockquote/attribution", test_blockquote_attribution);
  g_test_add_func ("/dossier/html/blockquote/footnote", test_blockquote_footnote);
  g_test_add_func ("/dossier/html/blockquote/pull-quote", test_blockquote_and_pull_quote);
  g_test_add_func ("/dossier/html/pull-quotes/repeated", test_pull_quotes_repeated);
  g_test_add_func ("/dossier/html/blockquote/inline", test_blockquote_inline);
  g_test_add_func ("/dossier/html/logo-h1", test_logo_h1);
  g_test_add_func ("/dossier/html/entities", test_entities_and_space);
  g_test_add_func ("/dossier/html/charset", test_charset_declared);
  g_test_add_func ("/dossier/html/hidden-text", test_hidden_text);
  g_test_add_func ("/dossier/html/invisible-elements", test_invisible_elements);
  g_test_add_func ("/dossier/html/byline-and-bios", test_byline_and_bio_heading);
  g_test_add_func ("/dossier/html/footnotes/outside-article", test_notes_outside_article);
  g_test_add_func ("/dossier/html/density-columns", test_density_columns);
  g_test_add_func ("/dossier/html/authors-edge-cases", test_authors_edge_cases);
  g_test_add_func ("/dossier/html/threads", test_threads);
  g_test_add_func ("/dossier/html/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/dossier/html/hostile/huge", test_huge_page);
  g_test_add_func ("/dossier/html/hostile/binary-truncated", test_binary_and_truncated);
  g_test_add_func ("/dossier/html/hostile/junk", test_mislabelled_and_junk);
  g_test_add_func ("/dossier/html/hostile/no-entities", test_no_network_no_entities);
  g_test_add_func ("/dossier/html/hostile/unterminated", test_unterminated);

  return g_test_run ();
}
