/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "importers/dossier-html-importer.h"
#include "importers/dossier-import.h"
#include "model/dossier-limits.h"

/*
 * Nothing is cut silently: the web page and text importers keep every
 * paragraph, however many, and every character of one, however long; what
 * they set aside (notes, key points, pull quotes, bios, authors) is whole
 * too. A limit that stays is an error naming it. Large inputs cost time
 * in proportion to their size, so each test also bounds its time.
 */

/* CPU seconds: far above what these inputs take (a second or two, ASan
 * included), far below what the quadratic versions took (a minute and
 * more). CPU time, as a loaded machine stretches wall time. */
#define SECONDS 20

static gint64
cpu_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static DossierDocument *
import (const char          *data,
        gsize                length,
        DossierImportFormat  format)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  gint64 start = cpu_time_us ();
  DossierDocument *document = dossier_import_bytes (bytes, format,
                                                    format == DOSSIER_IMPORT_FORMAT_HTML ? "page.html" : "page.txt",
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (cpu_time_us () - start, <, SECONDS * G_USEC_PER_SEC);
  return document;
}

/* Past a limit of the document model the import is refused, naming the
 * part and the numbers, and still within the time. */
static void
import_refused (const char          *data,
                gsize                length,
                DossierImportFormat  format,
                gint                 code,
                const char          *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  gint64 start = cpu_time_us ();
  g_autoptr(DossierDocument) document = dossier_import_bytes (bytes, format,
                                                              format == DOSSIER_IMPORT_FORMAT_HTML ? "page.html" : "page.txt",
                                                              &error);

  g_assert_null (document);
  g_assert_error (error, DOSSIER_LIMIT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (cpu_time_us () - start, <, SECONDS * G_USEC_PER_SEC);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static const char *
paragraph_text (DossierDocument *document,
                guint            index)
{
  g_autoptr(DossierParagraph) p = g_list_model_get_item (dossier_document_get_paragraphs (document), index);

  return dossier_paragraph_get_text (p);
}

static DossierFootnote *
footnote (DossierDocument *document,
          guint            index)
{
  g_autoptr(DossierFootnote) f = g_list_model_get_item (dossier_document_get_footnotes (document), index);
  return f;
}

static DossierAuthor *
author (DossierDocument *document,
        guint            index)
{
  g_autoptr(DossierAuthor) a = g_list_model_get_item (dossier_document_get_authors (document), index);
  return a;
}

static GString *
many_blocks_page (guint words)
{
  GString *html = g_string_new ("<html><head><title>A Long Report</title></head><body><article>");

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (html, "<p>Paragraph %u of the report, with enough words to be text.</p>\n", i);
  g_string_append (html, "<p>");
  for (guint i = 0; i < words / 2; i++)
    g_string_append (html, "word word ");
  g_string_append (html, "end.</p></article></body></html>");
  return html;
}

/* 30,000 paragraphs and one of a million characters: the importer kept
 * the first 20,000 blocks and 1 MiB of each. One of 1.5 million is past
 * the model's paragraph limit (1 MiB): refused with the numbers, not cut. */
static void
test_html_many_blocks (void)
{
  g_autoptr(GString) html = many_blocks_page (200000);
  g_autoptr(GString) too_long = many_blocks_page (300000);
  g_autoptr(DossierDocument) document = NULL;
  const char *big;

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 30001);
  g_assert_cmpstr (paragraph_text (document, 29999), ==, "Paragraph 29999 of the report, with enough words to be text.");
  big = paragraph_text (document, 30000);
  g_assert_cmpuint (strlen (big), ==, 100000 * 10 + strlen ("end."));
  g_assert_true (g_str_has_suffix (big, "word word end."));

  import_refused (too_long->str, too_long->len, DOSSIER_IMPORT_FORMAT_HTML, DOSSIER_LIMIT_ERROR_TOO_LONG,
                  "paragraph 30001 is 1,500,004 bytes; at most 1 MiB is allowed");
}

static GString *
many_markers_page (guint markers)
{
  GString *html = g_string_new ("<html><body><article><p>Text");

  for (guint i = 0; i < markers; i++)
    g_string_append_printf (html, "[%u]", i % 9999 + 1);
  g_string_append (html, " and more text after the markers.</p><h2>Notes</h2>");
  for (guint i = 1; i <= 9999; i++)
    g_string_append_printf (html, "<p>[%u] Note number %u.</p>", i, i);
  g_string_append (html, "</article></body></html>");
  return html;
}

/* One paragraph with 300,000 markers of 9,999 notes: each marker cost a
 * scan of the notes and a move of the rest of the text (minutes). */
static void
test_html_many_markers (void)
{
  g_autoptr(GString) html = many_markers_page (4000);
  g_autoptr(GString) too_many = many_markers_page (300000);
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierParagraph) p = NULL;
  const DossierFootnoteRef *refs;
  guint n_refs;

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 1);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 9999);
  p = g_list_model_get_item (dossier_document_get_paragraphs (document), 0);
  g_assert_cmpstr (dossier_paragraph_get_text (p), ==, "Text and more text after the markers.");
  refs = dossier_paragraph_get_refs (p, &n_refs);
  g_assert_cmpuint (n_refs, ==, 4000);
  g_assert_cmpuint (refs[0].number, ==, 1);
  g_assert_cmpuint (refs[n_refs - 1].number, ==, 4000);
  for (guint i = 0; i < n_refs; i++)
    g_assert_cmpuint (refs[i].offset, ==, 4);
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 9998)), ==, "Note number 9999.");

  /* Past the model's 4,096 markers a paragraph: refused, within the time. */
  import_refused (too_many->str, too_many->len, DOSSIER_IMPORT_FORMAT_HTML, DOSSIER_LIMIT_ERROR_TOO_MANY,
                  "there are 300,000 footnote markers in paragraph 1; at most 4,096 are allowed");
}

/* Bare superscripts that are not notes go back into the text, 100,000 of
 * them in one paragraph (each was one move of the rest of the text). */
static void
test_html_many_superscripts (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><article><p>Squares");
  g_autoptr(GString) expected = g_string_new ("Squares");
  g_autoptr(DossierDocument) document = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_printf (html, " x<sup>%u</sup>", i % 10);
      g_string_append_printf (expected, " x%u", i % 10);
    }
  g_string_append (html, "</p></article></body></html>");

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpstr (paragraph_text (document, 0), ==, expected->str);
}

/* 30,000 sections, then 30,000 headings with nothing under them (dropped):
 * finding those looked at every later block for each (quadratic). */
static void
test_html_many_headings (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><article>");
  g_autoptr(DossierDocument) document = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (html, "<h2>Section %u</h2><p>The text of section %u, which is long enough.</p>\n", i, i);
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (html, "<h2>Empty %u</h2>\n", i);
  g_string_append (html, "</article></body></html>");

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 60000);
  g_assert_cmpstr (paragraph_text (document, 59998), ==, "Section 29999");
  g_assert_cmpstr (paragraph_text (document, 59999), ==, "The text of section 29999, which is long enough.");
}

static GString *
long_note_page (guint paragraphs)
{
  GString *html = g_string_new ("<html><body><article>"
                                "<p>The claim that needs a long note.[1] And more words here.</p>"
                                "<h2>Notes</h2><p>[1] The note begins here.</p>");

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (html, "<p>It goes on in paragraph %u.</p>\n", i);
  g_string_append (html, "</article></body></html>");
  return html;
}

/* A note running over 2,000 paragraphs: none of them dropped. Over 30,000
 * it is past the model's note limit (64 KiB) and refused with the numbers,
 * and within the time: the parts were joined once, not re-copied for each
 * (quadratic). */
static void
test_html_long_note (void)
{
  g_autoptr(GString) html = long_note_page (2000);
  g_autoptr(GString) too_long = long_note_page (30000);
  g_autoptr(DossierDocument) document = NULL;
  const char *text;

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 1);
  text = dossier_footnote_get_text (footnote (document, 0));
  g_assert_true (g_str_has_prefix (text, "The note begins here. It goes on in paragraph 0. "));
  g_assert_true (g_str_has_suffix (text, " It goes on in paragraph 1999."));

  import_refused (too_long->str, too_long->len, DOSSIER_IMPORT_FORMAT_HTML, DOSSIER_LIMIT_ERROR_TOO_LONG,
                  "footnote 1 is 918,911 bytes; at most 64 KiB is allowed");
}

/* What is set aside is whole: 60 key points (50 were kept, the box set
 * aside), a note of 3,000 Hangul syllables (cut at 5,000 bytes), a pull
 * quote of 1,800 (cut at 4,000 bytes), 40 authors (32 were kept) and a
 * note's 3,000-character address (dropped). Their text is in many elements,
 * as reading stopped between elements. A "pull quote" too long to be one
 * stays in the text, whole. */
static void
test_html_set_aside_whole (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><title>Whole Parts</title>");
  g_autoptr(GString) hangul = g_string_new (NULL);
  g_autoptr(GString) url = g_string_new ("https://example.org/");
  g_autoptr(GString) link = g_string_new (NULL);
  g_autoptr(GString) quote = g_string_new (NULL);
  g_autoptr(GString) quote_html = g_string_new (NULL);
  g_autoptr(DossierDocument) document = NULL;
  const char * const *key_points;
  const char * const *pull_quotes;
  const char * const *urls;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (html, "<meta name='citation_author' content='Mira Q. %c%cson'>",
                            'A' + i / 26, 'a' + i % 26);
  g_string_append (html, "</head><body><div class='key-takeaways'><ul>");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (html, "<li>Key point number %u of the report.</li>", i);
  g_string_append (html, "</ul></div><article>"
                         "<p>The first paragraph of the article makes a claim that needs a note.<sup><a href='#fn1'>1</a></sup></p>"
                         "<blockquote class='pullquote'><p>");
  for (guint i = 0; i < 450; i++)
    {
      g_string_append (quote, "인용문 ");
      g_string_append (quote_html, "<em>인용문</em> ");
    }
  g_string_append (quote, "끝.");
  g_string_append (quote_html, "끝.");
  g_string_append (html, quote_html->str);
  g_string_append (html, "</p></blockquote><blockquote class='pullquote'><p>A quotation that links <a href='#x'>");
  for (guint i = 0; i < 600; i++)
    g_string_append (link, "linked words ");
  g_string_append (html, link->str);
  g_string_append (html, "end</a> at length.</p></blockquote>"
                         "<p>The second paragraph of the article is long enough to be text as well.</p>"
                         "<ol class='footnotes'><li id='fn1'>");
  for (guint i = 0; i < 3000; i++)
    {
      g_string_append (hangul, "가");
      g_string_append (html, "<b>가</b>");
    }
  for (guint i = 0; i < 3000; i++)
    g_string_append_c (url, 'a' + i % 26);
  g_string_append_printf (html, " <a href='%s'>source</a></li></ol></article></body></html>", url->str);

  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);

  key_points = dossier_document_get_key_points (document);
  g_assert_cmpuint (g_strv_length ((char **) key_points), ==, 60);
  g_assert_cmpstr (key_points[59], ==, "Key point number 59 of the report.");

  pull_quotes = dossier_document_get_pull_quotes (document);
  g_assert_cmpuint (g_strv_length ((char **) pull_quotes), ==, 1);
  g_assert_cmpstr (pull_quotes[0], ==, quote->str);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 3);
  g_assert_true (g_str_has_prefix (paragraph_text (document, 1), "A quotation that links linked words"));
  g_assert_true (g_str_has_suffix (paragraph_text (document, 1), "linked words end at length."));

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 1);
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==,
                   (g_string_append (hangul, " source"))->str);
  urls = dossier_footnote_get_urls (footnote (document, 0));
  g_assert_cmpuint (g_strv_length ((char **) urls), ==, 1);
  g_assert_cmpstr (urls[0], ==, url->str);

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 40);
  g_assert_cmpstr (dossier_author_get_name (author (document, 39)), ==, "Mira Q. Bnson");
}

/* JSON-LD with 100 authors (64 were read) and a byline of 20 names (the
 * list was cut into 16 parts). */
static void
test_html_many_authors (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><script type='application/ld+json'>"
                                          "{\"@type\": \"Report\", \"headline\": \"Many Hands\", \"author\": [");
  g_autoptr(DossierDocument) document = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (html, "%s{\"@type\": \"Person\", \"name\": \"Tomas %c%cberg\"}",
                            i > 0 ? ", " : "", 'A' + i / 26, 'a' + i % 26);
  g_string_append (html, "]}</script></head><body><article>"
                         "<p>A paragraph long enough to be the text of this report, written by many.</p>"
                         "</article></body></html>");
  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 100);
  g_assert_cmpstr (dossier_author_get_name (author (document, 99)), ==, "Tomas Dvberg");
  g_clear_object (&document);

  g_string_assign (html, "<html><head><meta name='author' content='");
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (html, "%sIna %cardottir", i > 0 ? ", " : "", 'A' + i);
  g_string_append (html, "'></head><body><article>"
                         "<p>A paragraph long enough to be the text of this report, written by many.</p>"
                         "</article></body></html>");
  document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 20);
  g_assert_cmpstr (dossier_author_get_name (author (document, 19)), ==, "Ina Tardottir");
}

/* The one limit that stays says so, with the numbers. */
static void
test_html_tag_limit_message (void)
{
  gsize length = (DOSSIER_HTML_MAX_TAGS + 10) * 3;
  g_autofree char *flood = g_malloc (length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *found = g_strdup_printf ("%u tags", DOSSIER_HTML_MAX_TAGS + 10);
  g_autofree char *limit = g_strdup_printf ("%u", DOSSIER_HTML_MAX_TAGS);

  for (gsize i = 0; i < length; i += 3)
    memcpy (flood + i, "<b>", 3);
  bytes = g_bytes_new_take (g_steal_pointer (&flood), length);
  document = dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_HTML, "page.html", &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, found));
  g_assert_nonnull (strstr (error->message, limit));
}

/* The text importer had no cap on paragraphs or their length; this keeps
 * it so. A long paragraph among the first twelve was measured again for
 * every later block (8 MB × 6,000 blocks: 32 s; 1 MB, the model's
 * paragraph limit, × 6,000 still shows it). There are fewer
 * blocks than in the web page tests: under AddressSanitizer, whose strstr()
 * measures the whole rest of the text, splitting it into lines costs
 * lines × length. */
static void
test_text_large (void)
{
  g_autoptr(GString) text = g_string_new ("A Long Report\n\n");
  g_autoptr(DossierDocument) document = NULL;
  const char *big;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "word ");
  g_string_append (text, "end.\n\n");
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (text, "Paragraph %u of the report, with enough words to be text.\n\n", i);

  document = import (text->str, text->len, DOSSIER_IMPORT_FORMAT_TEXT);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 6001);
  big = paragraph_text (document, 0);
  g_assert_cmpuint (strlen (big), ==, 200000 * 5 + strlen ("end."));
  g_assert_cmpstr (paragraph_text (document, 6000), ==, "Paragraph 5999 of the report, with enough words to be text.");
}

/* A page of 10,000 paragraphs with a pull quote (a sentence of paragraph
 * 9,500 printed again on its own) near the end. Finding it compared every
 * block with every other, so past 3,000 blocks the search was skipped and
 * the quote stayed in the text as a paragraph. Now every block is looked
 * at, in time linear in the page. */
#define QUOTE_PARAGRAPHS 10000
#define QUOTED 9500
/* CPU seconds for the whole import: about 0.4 s, and 7 s for the text
 * under AddressSanitizer on a loaded machine (its strstr() makes splitting
 * the text into lines slow, see test_text_large()). Comparing every block
 * with every other took 2.7 s for 2,990 blocks, so about 30 s for these. */
#define QUOTE_SECONDS 15

static GString *
quoted_report (gboolean html)
{
  GString *out = g_string_new (html ? "<html><head><title>A Long Report</title></head><body><article>"
                                    : "A Long Report\n\n");

  for (guint i = 0; i < QUOTE_PARAGRAPHS; i++)
    {
      g_string_append_printf (out, html ? "<p>" : "");
      g_string_append_printf (out, "Paragraph %u weighs the harbor dues and finds them fair. "
                              "The ministry answered question %u in writing within a week.", i, i);
      g_string_append (out, html ? "</p>\n" : "\n\n");
      if (i == QUOTED + 100)
        g_string_append_printf (out, html ? "<p>The ministry answered question %u in writing within a week.</p>\n"
                                          : "The ministry answered question %u in writing within a week.\n\n",
                                QUOTED);
    }
  if (html)
    g_string_append (out, "</article></body></html>");
  return out;
}

static void
check_quoted_report (DossierDocument *document)
{
  const char * const *quotes = dossier_document_get_pull_quotes (document);

  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, QUOTE_PARAGRAPHS);
  g_assert_nonnull (quotes);
  g_assert_cmpstr (quotes[0], ==, "The ministry answered question 9500 in writing within a week.");
  g_assert_null (quotes[1]);
}

static void
test_html_pull_quote_many_blocks (void)
{
  g_autoptr(GString) html = quoted_report (TRUE);
  gint64 start = cpu_time_us ();
  g_autoptr(DossierDocument) document = import (html->str, html->len, DOSSIER_IMPORT_FORMAT_HTML);

  g_assert_cmpint (cpu_time_us () - start, <, QUOTE_SECONDS * G_USEC_PER_SEC);
  check_quoted_report (document);
}

static void
test_text_pull_quote_many_blocks (void)
{
  g_autoptr(GString) text = quoted_report (FALSE);
  gint64 start = cpu_time_us ();
  g_autoptr(DossierDocument) document = import (text->str, text->len, DOSSIER_IMPORT_FORMAT_TEXT);

  g_assert_cmpint (cpu_time_us () - start, <, QUOTE_SECONDS * G_USEC_PER_SEC);
  check_quoted_report (document);
}

/* Under a "Notes" heading, a paragraph that is not numbered continues the
 * note before it, and a "References" heading over a bibliography without
 * numbers is text: both were dropped. */
static void
test_text_notes_section (void)
{
  static const char notes[] =
    "Harbor Dues\n\n"
    "The dues rose fastest where ports had no rivals nearby.[1] Shippers paid.[2]\n\n"
    "Notes\n\n"
    "[1] Port authority annual reports, 2015 to 2024.\n\n"
    "The figures for 2020 exclude the months the port was closed.\n\n"
    "[2] Interviews with three shipping lines.\n";
  static const char bibliography[] =
    "Harbor Dues\n\n"
    "The dues rose fastest where ports had no rivals nearby, as several studies found.\n\n"
    "References\n\n"
    "Lind, T. (2021). Port Finance. Lantern Press.\n\n"
    "Okafor, M. (2023). Dues and Delay. Harbor Review.\n";
  g_autoptr(DossierDocument) document = import (notes, strlen (notes), DOSSIER_IMPORT_FORMAT_TEXT);

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 0)), ==,
                   "Port authority annual reports, 2015 to 2024. "
                   "The figures for 2020 exclude the months the port was closed.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 1)), ==, "Interviews with three shipping lines.");
  g_clear_object (&document);

  document = import (bibliography, strlen (bibliography), DOSSIER_IMPORT_FORMAT_TEXT);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 0);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 4);
  g_assert_cmpstr (paragraph_text (document, 1), ==, "References");
  g_assert_cmpstr (paragraph_text (document, 3), ==, "Okafor, M. (2023). Dues and Delay. Harbor Review.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/import/whole/html/many-blocks", test_html_many_blocks);
  g_test_add_func ("/dossier/import/whole/html/many-markers", test_html_many_markers);
  g_test_add_func ("/dossier/import/whole/html/many-superscripts", test_html_many_superscripts);
  g_test_add_func ("/dossier/import/whole/html/many-headings", test_html_many_headings);
  g_test_add_func ("/dossier/import/whole/html/long-note", test_html_long_note);
  g_test_add_func ("/dossier/import/whole/html/set-aside", test_html_set_aside_whole);
  g_test_add_func ("/dossier/import/whole/html/many-authors", test_html_many_authors);
  g_test_add_func ("/dossier/import/whole/html/tag-limit", test_html_tag_limit_message);
  g_test_add_func ("/dossier/import/whole/html/pull-quote-many-blocks", test_html_pull_quote_many_blocks);
  g_test_add_func ("/dossier/import/whole/text/large", test_text_large);
  g_test_add_func ("/dossier/import/whole/text/notes-section", test_text_notes_section);
  g_test_add_func ("/dossier/import/whole/text/pull-quote-many-blocks", test_text_pull_quote_many_blocks);

  return g_test_run ();
}
