/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "formats/dossier-bibtex.h"
#include "formats/dossier-csl-json.h"
#include "formats/dossier-document-json.h"
#include "formats/dossier-latex.h"
#include "formats/dossier-reference.h"
#include "formats/dossier-ris.h"
#include "importers/dossier-reference-import.h"
#include "model/dossier-limits.h"

/* Reference managers' exports (CSL-JSON, RIS) read into documents and
 * written back. The fixtures are written in the shapes Zotero, pandoc and
 * EndNote produce, with text of our own. */

static GPtrArray *
read_fixture (const char *name,
              GPtrArray  *problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "references", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = dossier_reference_import_file (file, DOSSIER_REFERENCE_FORMAT_NONE, problems, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static DossierDocument *
entry_document (GPtrArray *entries,
                guint      i)
{
  return ((DossierReferenceEntry *) entries->pdata[i])->document;
}

static DossierAuthor *
author_at (DossierDocument *document,
           guint            i)
{
  g_autoptr(DossierAuthor) author = g_list_model_get_item (dossier_document_get_authors (document), i);
  return author;  /* the document holds a reference */
}

static GPtrArray *
documents_of (GPtrArray *entries)
{
  GPtrArray *documents = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (documents, entry_document (entries, i));
  return documents;
}

static void
test_guess_format (void)
{
  static const struct { const char *name; const char *data; DossierReferenceFormat format; } cases[] = {
    { "refs.bib", "", DOSSIER_REFERENCE_FORMAT_BIBTEX },
    { "EXPORT.RIS", "", DOSSIER_REFERENCE_FORMAT_RIS },
    { NULL, "\xef\xbb\xbfTY  - JOUR\r\n", DOSSIER_REFERENCE_FORMAT_RIS },
    { "a.json", "[\n  {\"id\": \"x\", \"type\": \"book\"}]", DOSSIER_REFERENCE_FORMAT_CSL_JSON },
    { "a.json", "[]", DOSSIER_REFERENCE_FORMAT_CSL_JSON },
    { "a.json", "{\"id\": \"x\", \"type\": \"book\", \"title\": \"T\"}", DOSSIER_REFERENCE_FORMAT_CSL_JSON },
    /* Dossier's own document: a "format" member. */
    { "a.json", "{\"format\": \"dossier-document\", \"version\": 1, \"title\": \"T\", \"type\": \"x\"}",
      DOSSIER_REFERENCE_FORMAT_NONE },
    { "a.txt", "% JabRef\n\n@Article{key,\n title={T}}", DOSSIER_REFERENCE_FORMAT_BIBTEX },
    { "a.txt", "Write to me @home{ soon", DOSSIER_REFERENCE_FORMAT_NONE },
    { "a.html", "<!DOCTYPE html><p>TY  - not at the start</p>", DOSSIER_REFERENCE_FORMAT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (dossier_reference_guess_format (cases[i].name, cases[i].data, strlen (cases[i].data)), ==,
                     cases[i].format);
}

static void
test_csl_json_zotero (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("zotero.json", problems);
  DossierDocument *report, *article;
  DossierAuthor *author;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  report = entry_document (entries, 0);
  g_assert_cmpstr (dossier_document_get_title (report), ==, "Interim Steps with North Korea: A Freeze for a Floor");
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ITEM_TYPE), ==, "report");
  g_assert_cmpstr (dossier_document_get_issued (report), ==, "2023-11");
  g_assert_null (dossier_document_get_published (report));
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ACCESSED), ==, "2024-05-02");
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_PLACE), ==, "Seoul");
  g_assert_cmpstr (dossier_document_get_publisher (report), ==, "Asan Institute for Policy Studies");
  g_assert_false (dossier_document_has_text (report));

  /* A Korean name is said family first, without a space. */
  author = author_at (report, 0);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "김민준");
  g_assert_cmpstr (dossier_author_get_family (author), ==, "김");
  author = author_at (report, 1);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "Ludwig van Beethoven");
  g_assert_cmpstr (dossier_author_get_particle (author), ==, "van");
  author = author_at (report, 2);
  g_assert_true (dossier_author_get_organisation (author));
  g_assert_cmpstr (dossier_author_get_name (author), ==, "Korea Institute for National Unification");

  article = entry_document (entries, 1);
  g_assert_cmpstr (dossier_document_get_issued (article), ==, "2023");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_CONTAINER_TITLE), ==, "Asian Survey");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_DOI), ==, "10.1525/as.2023.63.4.612");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_PAGES), ==, "612-640");
  author = author_at (article, 0);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "Martin Luther King Jr.");
  g_assert_cmpstr (dossier_author_get_suffix (author), ==, "Jr.");
  g_assert_cmpstr (dossier_author_get_name (author_at (article, 1)), ==, "Zoë Müller-Lüdenscheidt");
}

static void
test_csl_json_pandoc (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("pandoc.json", problems);
  DossierDocument *page, *editorial;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  page = entry_document (entries, 0);
  g_assert_cmpstr (((DossierReferenceEntry *) entries->pdata[0])->key, ==, "cha2024interim");
  g_assert_cmpstr (dossier_document_get_published (page), ==, "2024-02-29");
  g_assert_cmpstr (dossier_document_get_field (page, DOSSIER_FIELD_ACCESSED), ==, "2024-03");
  g_assert_cmpstr (dossier_document_get_field (page, DOSSIER_FIELD_EDITION), ==, "2");
  g_assert_cmpstr (dossier_document_get_source_url (page), ==, "https://example.net/ledger?id=4&ref=rss");
  g_assert_cmpstr (dossier_author_get_name (author_at (page, 0)), ==, "Charlotte de Gaulle");
  g_assert_cmpstr (dossier_author_get_family (author_at (page, 1)), ==, "Lloyd George");

  editorial = entry_document (entries, 1);
  /* A raw date, and a page written as a number. */
  g_assert_cmpstr (dossier_document_get_published (editorial), ==, "2022-07-15");
  g_assert_cmpstr (dossier_document_get_field (editorial, DOSSIER_FIELD_PAGES), ==, "7");
  g_assert_true (dossier_author_get_organisation (author_at (editorial, 0)));
}

/* Entries that cannot be read are named; the others are read. */
static void
test_csl_json_problems (void)
{
  const char *json =
    "[{\"id\": \"ok\", \"title\": \"Fine\"},"
    " {\"id\": \"untitled\", \"type\": \"book\"},"
    " {\"id\": \"baddate\", \"title\": \"T\", \"issued\": {\"date-parts\": [[2023, 13]]}},"
    " {\"id\": \"badname\", \"title\": \"T\", \"author\": [\"Kim\"]},"
    " 7,"
    " {\"id\": \"newtype\", \"title\": \"Kept\", \"type\": \"hologram\"}]";
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = dossier_csl_json_read (json, strlen (json), problems, NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_null (dossier_document_get_field (entry_document (entries, 1), DOSSIER_FIELD_ITEM_TYPE));
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (((GError *) problems->pdata[0])->message, ==, "entry 2 (“untitled”): it has no title");
  g_assert_cmpstr (((GError *) problems->pdata[1])->message, ==,
                   "entry 3 (“baddate”): issued: 2023-13 is not a calendar date");
  g_assert_cmpstr (((GError *) problems->pdata[2])->message, ==,
                   "entry 4 (“badname”): author[0]: expected a name object");
  g_assert_cmpstr (((GError *) problems->pdata[3])->message, ==, "entry 5: item: expected an object");
}

static void
test_csl_json_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) long_title = g_string_new ("[{\"title\": \"");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* Nested past any real file: refused before json-glib recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  entries = dossier_csl_json_read (deep->str, deep->len, problems, &error);
  g_assert_null (entries);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Not UTF-8. */
  entries = dossier_csl_json_read ("[{\"title\": \"Caf\xe9\"}]", 19, problems, &error);
  g_assert_null (entries);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Cut short. */
  entries = dossier_csl_json_read ("[{\"title\": \"Half", 16, problems, &error);
  g_assert_null (entries);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX);
  g_clear_error (&error);

  /* A title past its bound: the entry is refused, naming the bound. */
  for (guint i = 0; i < DOSSIER_LIMIT_TITLE + 1; i++)
    g_string_append_c (long_title, 'x');
  g_string_append (long_title, "\"}]");
  entries = dossier_csl_json_read (long_title->str, long_title->len, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) problems->pdata[0])->message, "at most 4 KiB"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A year of five digits is no date. */
  g_ptr_array_set_size (problems, 0);
  {
    const char *five = "[{\"title\": \"T\", \"issued\": {\"date-parts\": [[\"20230\"]]}}]";
    entries = dossier_csl_json_read (five, strlen (five), problems, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_ris_zotero (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("zotero.ris", problems);
  DossierDocument *report, *article;
  g_autoptr(DossierParagraph) first = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  report = entry_document (entries, 0);
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ITEM_TYPE), ==, "report");
  g_assert_cmpstr (dossier_document_get_issued (report), ==, "2023-11");
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ACCESSED), ==, "2024-05-02");
  g_assert_cmpstr (dossier_author_get_name (author_at (report, 0)), ==, "김민준");
  g_assert_cmpstr (dossier_author_get_particle (author_at (report, 1)), ==, "van");
  g_assert_cmpstr (dossier_author_get_family (author_at (report, 1)), ==, "Beethoven");
  g_assert_true (dossier_author_get_organisation (author_at (report, 2)));

  /* Zotero's "Export Files": the snapshot beside the export is the text. */
  g_assert_true (dossier_document_has_text (report));
  first = g_list_model_get_item (dossier_document_get_paragraphs (report), 0);
  g_assert_true (g_str_has_prefix (dossier_paragraph_get_text (first), "A freeze on fissile production"));
  /* The export's title stands over the page's. */
  g_assert_cmpstr (dossier_document_get_title (report), ==, "Interim Steps with North Korea: A Freeze for a Floor");

  article = entry_document (entries, 1);
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_PAGES), ==, "612–640");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_CONTAINER_TITLE), ==, "Asian Survey");
  g_assert_cmpstr (dossier_author_get_suffix (author_at (article, 0)), ==, "Jr.");
  g_assert_cmpstr (dossier_author_get_given (author_at (article, 0)), ==, "Martin Luther");
  /* A file outside the export's folder is not read. */
  g_assert_false (dossier_document_has_text (article));
}

static void
test_ris_endnote (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("endnote.ris", problems);
  DossierDocument *book;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 1);
  book = entry_document (entries, 0);
  /* Windows-1252, CRLF, and a title wrapped onto a line of its own. */
  g_assert_cmpstr (dossier_document_get_title (book), ==, "Coastal States and the Law of the Sea: A Reader");
  g_assert_cmpstr (dossier_author_get_name (author_at (book, 0)), ==, "René Café");
  g_assert_cmpstr (dossier_document_get_issued (book), ==, "2019");
  g_assert_cmpstr (dossier_document_get_field (book, DOSSIER_FIELD_ITEM_TYPE), ==, "book");
  g_assert_cmpstr (dossier_document_get_field (book, DOSSIER_FIELD_EDITION), ==, "3rd");
  g_assert_cmpstr (dossier_document_get_field (book, DOSSIER_FIELD_PAGES), ==, "210–245");
  g_assert_cmpstr (dossier_document_get_field (book, DOSSIER_FIELD_PLACE), ==, "Busan");
}

static void
test_ris_hostile (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) many = g_string_new ("TY  - JOUR\nTI  - Crowded\n");
  g_autoptr(GError) error = NULL;

  /* Cut short: the last record is named, not kept half read. */
  entries = dossier_ris_read ("TY  - JOUR\nTI  - Whole\nER  - \nTY  - JOUR\nTI  - Half", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((GError *) problems->pdata[0])->message, ==,
                   "entry 2: the file ends before its “ER” line");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);

  /* No record at all. */
  entries = dossier_ris_read ("Just some text\n", problems, &error);
  g_assert_null (entries);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  /* More authors than the bound: refused, and not all kept in memory. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (many, "AU  - Writer, Number %u\n", i);
  g_string_append (many, "ER  - \n");
  entries = dossier_ris_read (many->str, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) problems->pdata[0])->message, "at most 200"));
}

static void
test_latex (void)
{
  static const struct { const char *latex; const char *text; } cases[] = {
    { "M\\\"{u}ller", "Müller" },
    { "{\\\"u}ber", "über" },
    { "Caf\\'e", "Café" },
    { "Jos\\'{e} N{\\'u}{\\~n}ez", "José Núñez" },
    { "{\\O}rsted S{\\o}ren", "Ørsted Søren" },
    { "Gau\\ss{} and \\c{C}elik", "Gauß and Çelik" },
    { "\\v{S}koda na\\\"{\\i}ve", "Škoda naïve" },
    { "1990--1995 --- {NATO}", "1990–1995 — NATO" },
    { "50\\% \\& \\$5 \\#1 a\\_b", "50% & $5 #1 a_b" },
    { "\\emph{Important} \\textbf{bold}", "Important bold" },
    { "``quoted''", "“quoted”" },
    { "a~b  c\n  d", "a b c d" },
    { "\\", "" },
    { "\\'", "\xcc\x81" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dossier_latex_to_utf8 (cases[i].latex);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_bibtex_jabref (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("jabref.bib", problems);
  DossierDocument *article, *book;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  article = entry_document (entries, 0);
  g_assert_cmpstr (((DossierReferenceEntry *) entries->pdata[0])->key, ==, "King2023");
  g_assert_cmpstr (dossier_document_get_title (article), ==, "Sanctions and the Ship-to-Ship Trade in the Yellow Sea");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_CONTAINER_TITLE), ==, "Asian Survey");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_ITEM_TYPE), ==, "article-journal");
  g_assert_cmpstr (dossier_document_get_issued (article), ==, "2023-11");
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_PAGES), ==, "612–640");
  /* "and others" names nobody. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (article)), ==, 3);
  g_assert_cmpstr (dossier_author_get_name (author_at (article, 0)), ==, "Martin Luther King Jr.");
  g_assert_cmpstr (dossier_author_get_suffix (author_at (article, 0)), ==, "Jr.");
  g_assert_cmpstr (dossier_author_get_family (author_at (article, 1)), ==, "Müller-Lüdenscheidt");
  g_assert_cmpstr (dossier_author_get_given (author_at (article, 1)), ==, "Zoë");
  g_assert_cmpstr (dossier_author_get_name (author_at (article, 2)), ==, "José Núñez");

  book = entry_document (entries, 1);
  g_assert_cmpstr (dossier_document_get_title (book), ==, "Coastal States & the Law of the Sea: 50% of a Reader");
  g_assert_cmpstr (dossier_document_get_issued (book), ==, "2019");
  g_assert_cmpstr (dossier_document_get_field (book, DOSSIER_FIELD_PLACE), ==, "Busan");
  g_assert_cmpstr (dossier_author_get_particle (author_at (book, 0)), ==, "van");
  g_assert_cmpstr (dossier_author_get_family (author_at (book, 0)), ==, "Beethoven");
  g_assert_cmpstr (dossier_author_get_given (author_at (book, 0)), ==, "Ludwig");
  g_assert_true (dossier_author_get_organisation (author_at (book, 1)));
  g_assert_cmpstr (dossier_author_get_name (author_at (book, 1)), ==, "World Bank");
  g_assert_cmpstr (dossier_author_get_name (author_at (book, 2)), ==, "Søren Ørsted");
}

static void
test_bibtex_zotero (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture ("zotero.bib", problems);
  DossierDocument *report, *page;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (entries->len, ==, 2);
  report = entry_document (entries, 0);
  g_assert_cmpstr (dossier_document_get_title (report), ==, "Interim Steps with North Korea: A Freeze for a Floor");
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ITEM_TYPE), ==, "report");
  g_assert_cmpstr (dossier_document_get_publisher (report), ==, "Asan Institute for Policy Studies");
  g_assert_cmpstr (dossier_document_get_field (report, DOSSIER_FIELD_ACCESSED), ==, "2024-05-02");
  g_assert_cmpstr (dossier_author_get_name (author_at (report, 0)), ==, "김민준");
  g_assert_true (dossier_author_get_organisation (author_at (report, 2)));
  /* The snapshot named by "file" is the text. */
  g_assert_true (dossier_document_has_text (report));

  page = entry_document (entries, 1);
  g_assert_cmpstr (dossier_document_get_field (page, DOSSIER_FIELD_ITEM_TYPE), ==, "webpage");
  g_assert_cmpstr (dossier_document_get_published (page), ==, "2024-02-29");
  g_assert_cmpstr (dossier_document_get_field (page, DOSSIER_FIELD_CONTAINER_TITLE), ==, "Peninsula Notes");
  g_assert_cmpstr (dossier_document_get_field (page, DOSSIER_FIELD_ACCESSED), ==, "2024-03");
  g_assert_cmpstr (dossier_author_get_particle (author_at (page, 0)), ==, "de");
  g_assert_cmpstr (dossier_author_get_family (author_at (page, 1)), ==, "Lloyd George");
}

static void
test_bibtex_hostile (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) deep = g_string_new ("@article{deep, title = ");
  g_autoptr(GError) error = NULL;

  /* A million braces: refused at 64, no recursion. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '{');
  g_string_append (deep, "\n@article{fine, title = {Fine}}\n");
  entries = dossier_bibtex_read (deep->str, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((GError *) problems->pdata[0])->message, ==,
                   "entry 1 (“deep”): line 1: braces are nested too deeply");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);

  /* Cut short. */
  entries = dossier_bibtex_read ("@book{half, title = {Half", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpstr (((GError *) problems->pdata[0])->message, ==,
                   "entry 1 (“half”): line 1: a value is not closed before the end of the file");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);

  /* A broken entry does not take the next one with it. */
  entries = dossier_bibtex_read ("@book{a, title = }\n@book{b, title = {B}}\n", problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);

  /* Not BibTeX at all. */
  entries = dossier_bibtex_read ("Dear colleague, see you @ noon.", problems, &error);
  g_assert_null (entries);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  /* Latin-1 through the importer, as an old file may be. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("@book{c, title = {Caf\xe9}}\n", 25);
    entries = dossier_reference_import_bytes (bytes, DOSSIER_REFERENCE_FORMAT_BIBTEX, problems, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_document_get_title (entry_document (entries, 0)), ==, "Café");
  }
}

static void
assert_same_metadata (DossierDocument *a,
                      DossierDocument *b,
                      gboolean         same_type)
{
  GListModel *authors_a = dossier_document_get_authors (a);
  GListModel *authors_b = dossier_document_get_authors (b);

  g_assert_cmpstr (dossier_document_get_title (a), ==, dossier_document_get_title (b));
  g_assert_cmpstr (dossier_document_get_publisher (a), ==, dossier_document_get_publisher (b));
  g_assert_cmpstr (dossier_document_get_issued (a), ==, dossier_document_get_issued (b));
  g_assert_cmpstr (dossier_document_get_source_url (a), ==, dossier_document_get_source_url (b));
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    if (f != DOSSIER_FIELD_ITEM_TYPE || same_type)
      g_assert_cmpstr (dossier_document_get_field (a, f), ==, dossier_document_get_field (b, f));
  g_assert_cmpuint (g_list_model_get_n_items (authors_a), ==, g_list_model_get_n_items (authors_b));
  for (guint i = 0; i < g_list_model_get_n_items (authors_a); i++)
    {
      g_autoptr(DossierAuthor) x = g_list_model_get_item (authors_a, i);
      g_autoptr(DossierAuthor) y = g_list_model_get_item (authors_b, i);

      g_assert_cmpstr (dossier_author_get_name (x), ==, dossier_author_get_name (y));
      g_assert_cmpstr (dossier_author_get_family (x), ==, dossier_author_get_family (y));
      g_assert_cmpstr (dossier_author_get_given (x), ==, dossier_author_get_given (y));
      g_assert_cmpstr (dossier_author_get_particle (x), ==, dossier_author_get_particle (y));
      g_assert_cmpstr (dossier_author_get_suffix (x), ==, dossier_author_get_suffix (y));
      g_assert_cmpint (dossier_author_get_organisation (x), ==, dossier_author_get_organisation (y));
    }
}

/* Written and read back, every field the format holds is the same; the
 * second writing is byte for byte the first (stable keys). */
static void
round_trip (const char             *fixture,
            DossierReferenceFormat  format)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = read_fixture (fixture, problems);
  g_autoptr(GPtrArray) documents = documents_of (entries);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) again_documents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = dossier_reference_write (format, documents, &length);
  bytes = g_bytes_new (first, length);
  again = dossier_reference_import_bytes (bytes, format, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (again->len, ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    assert_same_metadata (entry_document (entries, i), entry_document (again, i), TRUE);

  again_documents = documents_of (again);
  second = dossier_reference_write (format, again_documents, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_round_trip_csl_json (void)
{
  round_trip ("zotero.json", DOSSIER_REFERENCE_FORMAT_CSL_JSON);
  round_trip ("pandoc.json", DOSSIER_REFERENCE_FORMAT_CSL_JSON);
  round_trip ("zotero.ris", DOSSIER_REFERENCE_FORMAT_CSL_JSON);
}

static void
test_round_trip_bibtex (void)
{
  round_trip ("zotero.json", DOSSIER_REFERENCE_FORMAT_BIBTEX);
  round_trip ("pandoc.json", DOSSIER_REFERENCE_FORMAT_BIBTEX);
  round_trip ("jabref.bib", DOSSIER_REFERENCE_FORMAT_BIBTEX);
  round_trip ("zotero.bib", DOSSIER_REFERENCE_FORMAT_BIBTEX);
  round_trip ("endnote.ris", DOSSIER_REFERENCE_FORMAT_BIBTEX);
}

static void
test_round_trip_ris (void)
{
  round_trip ("zotero.ris", DOSSIER_REFERENCE_FORMAT_RIS);
  round_trip ("endnote.ris", DOSSIER_REFERENCE_FORMAT_RIS);
}

/* Keys are made from the entry and told apart within one export. */
static void
test_keys (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_reference_author_new ("René", NULL, "Müller", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  dossier_document_set_title (document, "The Ledger of Small Steps");
  dossier_document_set_issued (document, "2019-04");
  dossier_document_add_author (document, author);
  a = dossier_reference_make_key (document, used);
  b = dossier_reference_make_key (document, used);
  c = dossier_reference_make_key (document, used);
  g_assert_cmpstr (a, ==, "muller2019ledger");
  g_assert_cmpstr (b, ==, "muller2019aledger");
  g_assert_cmpstr (c, ==, "muller2019bledger");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/references/guess-format", test_guess_format);
  g_test_add_func ("/dossier/references/csl-json/zotero", test_csl_json_zotero);
  g_test_add_func ("/dossier/references/csl-json/pandoc", test_csl_json_pandoc);
  g_test_add_func ("/dossier/references/csl-json/problems", test_csl_json_problems);
  g_test_add_func ("/dossier/references/csl-json/hostile", test_csl_json_hostile);
  g_test_add_func ("/dossier/references/ris/zotero", test_ris_zotero);
  g_test_add_func ("/dossier/references/ris/endnote", test_ris_endnote);
  g_test_add_func ("/dossier/references/ris/hostile", test_ris_hostile);
  g_test_add_func ("/dossier/references/round-trip/csl-json", test_round_trip_csl_json);
  g_test_add_func ("/dossier/references/round-trip/ris", test_round_trip_ris);
  g_test_add_func ("/dossier/references/round-trip/bibtex", test_round_trip_bibtex);
  g_test_add_func ("/dossier/references/latex", test_latex);
  g_test_add_func ("/dossier/references/bibtex/jabref", test_bibtex_jabref);
  g_test_add_func ("/dossier/references/bibtex/zotero", test_bibtex_zotero);
  g_test_add_func ("/dossier/references/bibtex/hostile", test_bibtex_hostile);
  g_test_add_func ("/dossier/references/keys", test_keys);

  return g_test_run ();
}
