/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "importers/dossier-import.h"
#include "importers/dossier-text-importer.h"

static DossierDocument *
import_string (const char *text,
               const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_TEXT, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
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
  return p;  /* the document keeps it alive */
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

static const char article[] =
  "Rethinking Deterrence on the Peninsula\n"
  "\n"
  "Why Allied Planning Must Change Before the Next Crisis\n"
  "\xc2\xa0\n"
  "Allied planners still assume a long warning time before any attack, an assumption that no longer holds.\n"
  "\n"
  "The alliance should rehearse short-notice scenarios every year.\n"
  "\n"
  "\xc2\xa0[T]he warning time the alliance counts on has already disappeared.\n"
  "\n"
  "Allied planners still assume a long warning time before any attack, an assumption that no longer holds. Exercises reflect that.\n"
  "\xc2\xa0\xc2\xa0\n"
  "The alliance should rehearse short-notice scenarios every year.\n"
  "\n"
  "Officials told reporters in May that plans were under review.[1] A second review followed.[2]\n"
  "\n"
  "Yet the warning time the alliance counts on has already disappeared, according to two former commanders.[3]\n"
  "\n"
  "[1] Jane Roe, “Plans Under Review,” Example Times, May 2, 2024, https://example.org/plans.\n"
  "\n"
  "[2] Interview with a defence official, June 2024.\n"
  "\n"
  "[3] John Doe, “Commanders Speak,” Example Post, https://example.com/commanders (accessed June 3, 2024).\n"
  "\n"
  "About the Authors\n"
  "\n"
  "Jane Q. Public is a senior fellow for Asian security at the Example Institute, where she leads the deterrence project.\n"
  "\n"
  "Jane previously served at the Department of Defense.\n"
  "\n"
  "Park Ji-hoon is the director of the Korea program at the Center for Alliance Studies.\n";

static void
test_structure (void)
{
  g_autoptr(DossierDocument) document = import_string (article, "rethinking.txt");
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const *pull_quotes = dossier_document_get_pull_quotes (document);

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Rethinking Deterrence on the Peninsula");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==, "Why Allied Planning Must Change Before the Next Crisis");

  g_assert_cmpuint (g_strv_length ((char **)key_points), ==, 2);
  g_assert_true (g_str_has_prefix (key_points[0], "Allied planners still assume"));
  g_assert_cmpuint (g_strv_length ((char **)pull_quotes), ==, 1);
  g_assert_cmpstr (pull_quotes[0], ==, "[T]he warning time the alliance counts on has already disappeared.");

  /* The repeated summary appears once in the body, in its longer form. */
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 4);
  g_assert_true (g_str_has_suffix (dossier_paragraph_get_text (paragraph (document, 0)), "Exercises reflect that."));
}

static void
test_footnote_markers (void)
{
  g_autoptr(DossierDocument) document = import_string (article, "rethinking.txt");
  DossierParagraph *p = paragraph (document, 2);
  const DossierFootnoteRef *refs;
  guint n_refs;
  const char *text = dossier_paragraph_get_text (p);

  g_assert_cmpstr (text, ==, "Officials told reporters in May that plans were under review. A second review followed.");
  refs = dossier_paragraph_get_refs (p, &n_refs);
  g_assert_cmpuint (n_refs, ==, 2);
  g_assert_cmpuint (refs[0].number, ==, 1);
  g_assert_cmpuint (refs[0].offset, ==, g_utf8_strlen ("Officials told reporters in May that plans were under review.", -1));
  g_assert_cmpuint (refs[1].number, ==, 2);
  g_assert_cmpuint (refs[1].offset, ==, g_utf8_strlen (text, -1));

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  g_assert_cmpuint (dossier_footnote_get_number (footnote (document, 2)), ==, 3);
  g_assert_cmpstr (dossier_footnote_get_urls (footnote (document, 0))[0], ==, "https://example.org/plans");
  g_assert_null (dossier_footnote_get_urls (footnote (document, 1))[0]);
  g_assert_cmpstr (dossier_footnote_get_urls (footnote (document, 2))[0], ==, "https://example.com/commanders");
  g_assert_true (g_str_has_prefix (dossier_footnote_get_text (footnote (document, 0)), "Jane Roe, “Plans"));
}

static void
test_authors (void)
{
  g_autoptr(DossierDocument) document = import_string (article, "rethinking.txt");
  DossierAuthor *first, *second;

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  first = author (document, 0);
  second = author (document, 1);

  g_assert_cmpstr (dossier_author_get_name (first), ==, "Jane Q. Public");
  g_assert_cmpstr (dossier_author_get_position (first), ==, "senior fellow for Asian security");
  g_assert_cmpstr (dossier_author_get_affiliation (first), ==, "Example Institute");
  g_assert_nonnull (strstr (dossier_author_get_bio (first), "\n\nJane previously served"));

  g_assert_cmpstr (dossier_author_get_name (second), ==, "Park Ji-hoon");
  g_assert_cmpstr (dossier_author_get_position (second), ==, "director of the Korea program");
  g_assert_cmpstr (dossier_author_get_affiliation (second), ==, "Center for Alliance Studies");
}

static void
test_bullets_and_file_name_title (void)
{
  const char *text =
    "\xe2\x80\xa2 First takeaway about the budget.\n"
    "- Second takeaway about the schedule.\n"
    "* Third takeaway about the people.\n"
    "\n"
    "The body begins here and goes on for a while with real sentences.\n"
    "It continues on a wrapped line.\n"
    "\n"
    "A second paragraph closes the piece.\n"
    "\n"
    "AUTHORS\n"
    "\n"
    "Sam Lee is an analyst at the Example Council.\n";
  g_autoptr(DossierDocument) document = import_string (text, "/tmp/budget-fight_in-congress.txt");
  const char * const *key_points = dossier_document_get_key_points (document);

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Budget Fight in Congress");
  g_assert_null (dossier_document_get_subtitle (document));
  g_assert_cmpuint (g_strv_length ((char **)key_points), ==, 3);
  g_assert_cmpstr (key_points[1], ==, "Second takeaway about the schedule.");
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==,
                   "The body begins here and goes on for a while with real sentences. It continues on a wrapped line.");
  g_assert_cmpstr (dossier_author_get_affiliation (author (document, 0)), ==, "Example Council");
  g_assert_cmpstr (dossier_author_get_position (author (document, 0)), ==, "analyst");
}

static void
test_byline_date_notes_heading (void)
{
  const char *text =
    "Budget Politics\n"
    "\n"
    "By Alex Kim and Robin Roe\n"
    "\n"
    "March 6, 2024\n"
    "\n"
    "Congress returned to the budget this week with little sign of agreement.[1]\n"
    "\n"
    "Where the Money Goes\n"
    "\n"
    "Most of the increase goes to readiness accounts, not new programs.[2]\n"
    "\n"
    "Notes\n"
    "\n"
    "1. Congressional Budget Office, https://www.cbo.gov/.\n"
    "\n"
    "2. Author’s calculation.\n";
  g_autoptr(DossierDocument) document = import_string (text, NULL);

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Budget Politics");
  g_assert_null (dossier_document_get_subtitle (document));
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-03-06");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Robin Roe");
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 3);
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 1)), ==, DOSSIER_PARAGRAPH_HEADING);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  g_assert_cmpstr (dossier_footnote_get_text (footnote (document, 1)), ==, "Author’s calculation.");
}

static void
test_repeated_excerpt_is_pull_quote (void)
{
  const char *text =
    "Trade Winds\n"
    "\n"
    "Exporters face a difficult year as demand slows across the region and credit tightens.\n"
    "\n"
    "demand slows across the region and credit tightens\n"
    "\n"
    "Ministers are expected to respond with targeted relief for small firms.\n";
  g_autoptr(DossierDocument) document = import_string (text, NULL);

  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_pull_quotes (document)), ==, 1);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
}

static DossierDocument *
import_raw (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_AUTO, "raw.txt", error);
}

static void
test_encodings (void)
{
  /* Windows-1252: curly quotes 0x93/0x94, an apostrophe 0x92, é 0xE9. */
  const char cp1252[] = "Caf\xe9 Diplomacy\r\n\r\nThe minister\x92s \x93quiet\x94 visit mattered.\r\n\r\nA second paragraph.\r\n";
  const char bom[] = "\xef\xbb\xbfTitle Here\n\nBody text of the article, long enough.\n";
  /* "Hi\n\nYes." in UTF-16LE with a byte order mark. */
  const char utf16[] = "\xff\xfeH\0i\0\n\0\n\0Y\0e\0s\0.\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) a = import_raw (cp1252, sizeof cp1252 - 1, &error);
  g_autoptr(DossierDocument) b = NULL;
  g_autoptr(DossierDocument) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (a), ==, "Café Diplomacy");
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (a, 0)), ==, "The minister’s “quiet” visit mattered.");

  b = import_raw (bom, sizeof bom - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (b), ==, "Title Here");

  c = import_raw (utf16, sizeof utf16 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (c), ==, "Hi");
}

static void
assert_import_error (const char *data,
                     gsize       length,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_raw (data, length, &error);

  g_assert_null (document);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_hostile_bytes (void)
{
  const char nul[] = "Title\n\nBody\0with a NUL byte.\n";
  g_autofree char *controls = g_strnfill (4096, '\x01');
  g_autoptr(GString) brackets = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  assert_import_error ("", 0, DOSSIER_IMPORT_ERROR_EMPTY);
  assert_import_error (" \n\xc2\xa0\n\t\n", 7, DOSSIER_IMPORT_ERROR_EMPTY);
  assert_import_error (nul, sizeof nul - 1, DOSSIER_IMPORT_ERROR_BINARY);
  assert_import_error (controls, 4096, DOSSIER_IMPORT_ERROR_BINARY);
  assert_import_error ("\xff\xfe\x00\xd8", 4, DOSSIER_IMPORT_ERROR_ENCODING);

  /* Pathological but text: must finish quickly with some result. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (brackets, "[1][2][[[ ] ►\n[9999] x\n");
  document = import_raw (brackets->str, brackets->len, &error);
  g_assert_true (document != NULL || error != NULL);
}

static void
test_large_input (void)
{
  g_autoptr(GString) text = g_string_new ("A Very Long Report\n\n");
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Five thousand short, similar paragraphs: the quadratic searches must
   * stay bounded. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "Paragraph %u says the same thing again in other words.[%u]\n\n", i, i % 50 + 1);

  document = import_raw (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 5000);
  /* A generous bound that only catches runaway behaviour, not speed. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

static void
test_hostile_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_autofree char *huge_path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing.txt");
  g_autoptr(DossierDocument) document = NULL;
  int fd;

  g_assert_no_error (error);

  document = dossier_import_file (folder, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* A sparse file: 65 MiB on paper, nothing on disk. */
  fd = g_open (huge_path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);
  document = dossier_import_file (huge, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  document = dossier_import_file (missing, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_unlink (huge_path);
  g_rmdir (dir);
}

static void
test_parse_date (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "April 12, 2024", "2024-04-12" },
    { "Apr. 2, 2024", "2024-04-02" },
    { "12 April 2024", "2024-04-12" },
    { "2024-04-12", "2024-04-12" },
    { "Published: March 6, 2024", "2024-03-06" },
    { "Friday, March 8, 2024", "2024-03-08" },
    { "February 30, 2024", NULL },
    { "Spring 2024", NULL },
    { "The talks began on March 6, 2024 in Hanoi", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = dossier_parse_date (cases[i].in);
      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

static void
test_samples (void)
{
  const struct {
    const char *name;
    guint key_points, pull_quotes, paragraphs, footnotes, authors;
    const char *title;
  } samples[] = {
    { "closing-the-sanctions-gap.txt", 2, 1, 9, 4, 1, "Closing the Sanctions Gap on North Korea" },
    { "talking-before-it-is-too-late.txt", 2, 0, 7, 2, 1, "Talking Before It Is Too Late" },
    { "hanbando-dangyejeok-jeopgeun.txt", 2, 0, 4, 1, 1, "한반도 긴장 완화를 위한 단계적 접근" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", samples[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

      g_test_message ("%s", samples[i].name);
      g_assert_no_error (error);
      g_assert_cmpstr (dossier_document_get_title (document), ==, samples[i].title);
      g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_key_points (document)), ==, samples[i].key_points);
      g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_pull_quotes (document)), ==, samples[i].pull_quotes);
      g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, samples[i].paragraphs);
      g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, samples[i].footnotes);
      g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, samples[i].authors);
      g_assert_nonnull (dossier_author_get_affiliation (author (document, 0)));
    }
}

/* ---- the seed articles (not part of the project; skipped when absent) -- */

static DossierDocument *
import_seed (const char *name)
{
  const char *seeds = g_getenv ("DOSSIER_SEEDS");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierDocument *document;

  if (seeds == NULL)
    return NULL;

  path = g_build_filename (seeds, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  file = g_file_new_for_path (path);
  document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static gboolean
paragraph_references (DossierDocument *document,
                      const char      *prefix,
                      guint            number)
{
  for (guint i = 0; i < n_items (dossier_document_get_paragraphs (document)); i++)
    {
      DossierParagraph *p = paragraph (document, i);

      if (g_str_has_prefix (dossier_paragraph_get_text (p), prefix))
        return dossier_paragraph_references (p, number);
    }

  return FALSE;
}

static void
test_seed_interim_steps (void)
{
  g_autoptr(DossierDocument) document = import_seed ("interim-steps.txt");
  const char * const *urls[3];
  DossierAuthor *klingner;
  guint body_mentions = 0;

  if (document == NULL)
    {
      g_test_skip ("../shared/seeds is not available");
      return;
    }

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Interim Steps with North Korea");
  g_assert_cmpstr (dossier_document_get_subtitle (document), ==,
                   "“Interim Steps” Does Not Reflect U.S. Policy Change on North Korea");
  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_key_points (document)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_pull_quotes (document)), ==, 1);
  g_assert_true (g_str_has_prefix (dossier_document_get_pull_quotes (document)[0],
                                   "[G]iven the South Korea’s president’s primacy"));

  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 16);
  g_assert_true (g_str_has_prefix (dossier_paragraph_get_text (paragraph (document, 0)),
                                   "Comments by two U.S. officials"));
  for (guint i = 0; i < 16; i++)
    if (g_str_has_prefix (dossier_paragraph_get_text (paragraph (document, i)), "Comments by two U.S. officials"))
      body_mentions++;
  g_assert_cmpuint (body_mentions, ==, 1);

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      urls[i] = dossier_footnote_get_urls (footnote (document, i));
      g_assert_nonnull (urls[i][0]);
    }
  g_assert_nonnull (strstr (urls[0][0], "csis.org"));
  g_assert_nonnull (strstr (urls[1][0], "en.yna.co.kr"));
  g_assert_nonnull (strstr (urls[2][0], "voanews.com"));

  g_assert_true (paragraph_references (document, "In March 2024", 1));
  g_assert_true (paragraph_references (document, "In March 2024", 2));
  g_assert_true (paragraph_references (document, "Pak subsequently", 3));

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  klingner = author (document, 0);
  g_assert_cmpstr (dossier_author_get_name (klingner), ==, "Bruce Klingner");
  g_assert_cmpstr (dossier_author_get_position (klingner), ==, "senior research fellow for Northeast Asia");
  g_assert_true (g_str_equal (dossier_author_get_affiliation (klingner), "The Heritage Foundation") ||
                 g_str_equal (dossier_author_get_affiliation (klingner), "Heritage Foundation"));
}

static void
test_seed_dangerous_territory (void)
{
  g_autoptr(DossierDocument) document = import_seed ("dangerous-territory.txt");
  DossierAuthor *lee;
  g_auto(GStrv) bio_paragraphs = NULL;

  if (document == NULL)
    {
      g_test_skip ("../shared/seeds is not available");
      return;
    }

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Dangerous Territory");
  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_key_points (document)), ==, 2);
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 10);
  g_assert_true (g_str_has_prefix (dossier_paragraph_get_text (paragraph (document, 0)),
                                   "According to the International Atomic Energy Agency"));
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 0);

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  lee = author (document, 0);
  g_assert_cmpstr (dossier_author_get_name (lee), ==, "Jessica J. Lee");
  g_assert_nonnull (strstr (dossier_author_get_affiliation (lee), "Quincy Institute"));
  bio_paragraphs = g_strsplit (dossier_author_get_bio (lee), "\n\n", -1);
  g_assert_cmpuint (g_strv_length (bio_paragraphs), ==, 2);
}

/* What follows a separator in a byline is its date, not a second author:
 * "By David Smith | June 22, 2022" gave the authors "David Smith | June
 * 22" and "2022", and no date. */
static void
test_byline_with_date (void)
{
  const char *text =
    "Harbor Dues After the Strike\n"
    "\n"
    "By Nadia Okafor | June 22, 2022\n"
    "\n"
    "The dues rose fastest where ports had no rivals nearby, as the shipping lines had warned.\n"
    "\n"
    "Shippers paid the difference for a year before the regulator looked at the contracts.\n";
  const char *two =
    "Harbor Dues After the Strike\n"
    "\n"
    "By Nadia Okafor and Lars Dahl · Trade · 3 March 2021\n"
    "\n"
    "The dues rose fastest where ports had no rivals nearby, as the shipping lines had warned.\n";
  g_autoptr(DossierDocument) document = import_string (text, "dues.txt");

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Nadia Okafor");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2022-06-22");
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_clear_object (&document);

  document = import_string (two, "dues.txt");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Nadia Okafor");
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Lars Dahl");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2021-03-03");
}

/* "By Robert E. Hale Jr." ends with a full stop like a sentence: it was
 * kept in the body and named no author. */
static void
test_byline_suffix (void)
{
  const char *text =
    "What the Rail Strike Means for Freight\n"
    "\n"
    "By Robert E. Hale Jr.\n"
    "\n"
    "Freight operators began diverting containers to road hauliers on Monday as the strike went on.\n"
    "\n"
    "Shippers say the extra lorries cost about a fifth more per container.\n";
  const char *comma =
    "What the Rail Strike Means for Freight\n"
    "\n"
    "By Ana Silva and Robert Hale, Jr.\n"
    "\n"
    "Freight operators began diverting containers to road hauliers on Monday as the strike went on.\n";
  g_autoptr(DossierDocument) document = import_string (text, "strike.txt");

  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 1);
  g_assert_cmpstr (dossier_author_get_name (author (document, 0)), ==, "Robert E. Hale Jr.");
  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 2);
  g_clear_object (&document);

  document = import_string (comma, "strike.txt");
  g_assert_cmpuint (n_items (dossier_document_get_authors (document)), ==, 2);
  g_assert_cmpstr (dossier_author_get_name (author (document, 1)), ==, "Robert Hale Jr.");
}

/* "[ii]" markers with a "Notes" list of "[ii] …" lines, and superscript
 * digits with an "Endnotes" list of "² …" lines, stayed in the text and
 * were linked to nothing; a sub-heading in lower case stayed a paragraph. */
static void
test_other_note_markers (void)
{
  const char *roman =
    "Ports After the Treaty\n"
    "\n"
    "The treaty cut harbour dues by a tenth.[i] Shippers passed little of it on.[ii]\n"
    "\n"
    "what the treaty changes\n"
    "\n"
    "Inspections now follow a shared list, which the [i]nspectors welcomed.\n"
    "\n"
    "Notes\n"
    "\n"
    "[i] Treaty on Port Charges, article 4.\n"
    "\n"
    "[ii] Survey of shipping lines, 2024.\n";
  const char *superscript =
    "Ports After the Treaty\n"
    "\n"
    "The treaty cut harbour dues by a tenth.¹ Shippers passed little of it on.²\n"
    "\n"
    "Inspections now follow a shared list.\n"
    "\n"
    "Endnotes\n"
    "\n"
    "¹ Treaty on Port Charges, article 4.\n"
    "\n"
    "² Survey of shipping lines, 2024.\n";
  g_autoptr(DossierDocument) document = import_string (roman, "ports.txt");
  DossierParagraph *first;

  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  first = paragraph (document, 0);
  g_assert_cmpstr (dossier_paragraph_get_text (first), ==,
                   "The treaty cut harbour dues by a tenth. Shippers passed little of it on.");
  g_assert_true (dossier_paragraph_references (first, 1));
  g_assert_true (dossier_paragraph_references (first, 2));
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 1)), ==, DOSSIER_PARAGRAPH_HEADING);
  /* An editorial bracket is no marker. */
  g_assert_nonnull (strstr (dossier_paragraph_get_text (paragraph (document, 2)), "[i]nspectors"));
  g_clear_object (&document);

  document = import_string (superscript, "ports.txt");
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 2);
  g_assert_true (dossier_paragraph_references (paragraph (document, 0), 2));
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 0)), ==,
                   "The treaty cut harbour dues by a tenth. Shippers passed little of it on.");
}

/* "> " lines are a block quotation; "> — Name" credits it; a lone ">"
 * separates its paragraphs; markers inside it still count. */
static void
test_quote_lines (void)
{
  const char *text =
    "Reading the Harbor Speech\n"
    "\n"
    "By Mara Lindqvist\n"
    "\n"
    "The minister set out the government's view of inspections in plain words that deserve a full quotation:\n"
    "\n"
    "> We will not inspect every vessel, and we do not pretend\n"
    "> that we could.[1]\n"
    ">\n"
    "> [W]hat we will do is inspect the right vessels.\n"
    "> — Ilse Varga, Minister of Maritime Affairs\n"
    "The passage rejects universal inspection, which the previous coalition had promised for years.\n"
    "\n"
    "> An unattributed line, quoted on its own.\n"
    "\n"
    "Neighbors will respond to emphasis more than to law, and they should prepare for it now.\n"
    "\n"
    "[1] Speech at the harbor conference, May 2025.\n";
  g_autoptr(DossierDocument) document = import_string (text, "harbor.txt");
  DossierParagraph *first;
  const DossierFootnoteRef *refs;
  guint n_refs;

  g_assert_cmpuint (n_items (dossier_document_get_paragraphs (document)), ==, 6);
  first = paragraph (document, 1);
  g_assert_cmpint (dossier_paragraph_get_kind (first), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_cmpstr (dossier_paragraph_get_text (first), ==,
                   "We will not inspect every vessel, and we do not pretend that we could.");
  g_assert_cmpstr (dossier_paragraph_get_attribution (first), ==, "Ilse Varga, Minister of Maritime Affairs");
  refs = dossier_paragraph_get_refs (first, &n_refs);
  g_assert_cmpuint (n_refs, ==, 1);
  g_assert_cmpuint (refs[0].offset, ==, g_utf8_strlen (dossier_paragraph_get_text (first), -1));

  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 2)), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph (document, 2)), ==,
                   "[W]hat we will do is inspect the right vessels.");
  g_assert_cmpstr (dossier_paragraph_get_attribution (paragraph (document, 2)), ==,
                   "Ilse Varga, Minister of Maritime Affairs");
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 3)), ==, DOSSIER_PARAGRAPH_BODY);
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 4)), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_null (dossier_paragraph_get_attribution (paragraph (document, 4)));
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph (document, 5)), ==, DOSSIER_PARAGRAPH_BODY);
  g_assert_cmpuint (g_strv_length ((char **) dossier_document_get_pull_quotes (document)), ==, 0);
  g_assert_cmpuint (n_items (dossier_document_get_footnotes (document)), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/importer/text/structure", test_structure);
  g_test_add_func ("/dossier/importer/text/footnote-markers", test_footnote_markers);
  g_test_add_func ("/dossier/importer/text/quote-lines", test_quote_lines);
  g_test_add_func ("/dossier/importer/text/authors", test_authors);
  g_test_add_func ("/dossier/importer/text/bullets-and-file-name", test_bullets_and_file_name_title);
  g_test_add_func ("/dossier/importer/text/byline-date-notes", test_byline_date_notes_heading);
  g_test_add_func ("/dossier/importer/text/byline-with-date", test_byline_with_date);
  g_test_add_func ("/dossier/importer/text/byline-suffix", test_byline_suffix);
  g_test_add_func ("/dossier/importer/text/other-note-markers", test_other_note_markers);
  g_test_add_func ("/dossier/importer/text/repeated-excerpt", test_repeated_excerpt_is_pull_quote);
  g_test_add_func ("/dossier/importer/text/encodings", test_encodings);
  g_test_add_func ("/dossier/importer/text/hostile-bytes", test_hostile_bytes);
  g_test_add_func ("/dossier/importer/text/large-input", test_large_input);
  g_test_add_func ("/dossier/importer/text/hostile-files", test_hostile_files);
  g_test_add_func ("/dossier/importer/text/parse-date", test_parse_date);
  g_test_add_func ("/dossier/importer/text/samples", test_samples);
  g_test_add_func ("/dossier/importer/text/seed/interim-steps", test_seed_interim_steps);
  g_test_add_func ("/dossier/importer/text/seed/dangerous-territory", test_seed_dangerous_territory);

  return g_test_run ();
}
