/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "model/dossier-limits.h"

/* The bounds of dossier-limits.h: checked on any document, and at the end
 * of every import whatever the importer. */

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static void
assert_over (DossierDocument *document,
             int              code,
             const char      *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_document_check_limits (document, &error));
  g_assert_error (error, DOSSIER_LIMIT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_within (DossierDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_document_check_limits (document, &error));
  g_assert_no_error (error);
}

static void
test_fields (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Body.");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (7, "A note.");
  g_autoptr(DossierAuthor) author = dossier_author_new ("Ana Ruiz");
  g_autofree char *title = repeat ('t', DOSSIER_LIMIT_TITLE);
  g_autofree char *long_title = repeat ('t', 62914560);
  g_autofree char *url = repeat ('u', DOSSIER_LIMIT_URL + 1);
  g_autofree char *bio = repeat ('b', DOSSIER_LIMIT_AUTHOR_BIO + 1);
  g_autofree char *text = repeat ('p', DOSSIER_LIMIT_PARAGRAPH + 1);
  const char *urls[] = { "https://example.org/a", url, NULL };

  dossier_document_add_paragraph (document, paragraph);
  dossier_document_add_footnote (document, note);
  dossier_document_add_author (document, author);

  /* Right at a limit is allowed. */
  dossier_document_set_title (document, title);
  assert_within (document);

  dossier_document_set_title (document, long_title);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_LONG, "title is 62,914,560 bytes; at most 4 KiB is allowed");
  dossier_document_set_title (document, "\xc3\x28 broken");
  assert_over (document, DOSSIER_LIMIT_ERROR_NOT_UTF8, "title is not valid UTF-8 text");
  dossier_document_set_title (document, "Title");

  dossier_footnote_set_urls (note, urls);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_LONG,
               "web address 2 of footnote 7 is 8,193 bytes; at most 8 KiB is allowed");
  dossier_footnote_set_urls (note, NULL);

  dossier_author_set_bio (author, bio);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_LONG, "bio of author 1 is 8,193 bytes; at most 8 KiB is allowed");
  dossier_author_set_bio (author, NULL);

  dossier_paragraph_set_text (paragraph, text);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_LONG,
               "paragraph 1 is 1,048,577 bytes; at most 1 MiB is allowed");
  dossier_paragraph_set_text (paragraph, "Body.");

  for (guint i = 0; i < DOSSIER_LIMIT_FOOTNOTE_REFS; i++)
    dossier_paragraph_add_ref (paragraph, 7, 0);
  assert_within (document);
  dossier_paragraph_add_ref (paragraph, 7, 0);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_MANY,
               "there are 4,097 footnote markers in paragraph 1; at most 4,096 are allowed");
  dossier_paragraph_clear_refs (paragraph);

  assert_within (document);
}

static void
test_counts (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) points = NULL;

  for (guint i = 0; i <= DOSSIER_LIMIT_KEY_POINTS; i++)
    g_strv_builder_add (builder, "A point.");
  points = g_strv_builder_end (builder);
  dossier_document_set_key_points (document, (const char * const *) points);
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_MANY, "there are 257 key points; at most 256 are allowed");
  dossier_document_set_key_points (document, NULL);

  for (guint i = 0; i <= DOSSIER_LIMIT_AUTHORS; i++)
    {
      g_autoptr(DossierAuthor) author = dossier_author_new ("Someone");
      dossier_document_add_author (document, author);
    }
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_MANY, "there are 201 authors; at most 200 are allowed");
  dossier_document_remove_all_authors (document);

  for (guint i = 0; i <= DOSSIER_LIMIT_PARAGRAPHS; i++)
    {
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("p");
      dossier_document_add_paragraph (document, paragraph);
    }
  assert_over (document, DOSSIER_LIMIT_ERROR_TOO_MANY, "there are 100,001 paragraphs; at most 100,000 are allowed");
}

static DossierDocument *
import_text (const char  *text,
             const char  *name,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_AUTO, name, error);
}

/* Every importer ends with the check: text, HTML and JSON. */
static void
test_import (void)
{
  g_autofree char *words = NULL;
  g_autofree char *long_url = repeat ('a', 1024 * 1024);
  g_autofree char *longish_url = repeat ('a', 100 * 1024);
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  for (guint i = 0; i < 300000; i++)
    g_string_append (many, "word ");
  text = g_strdup_printf ("Limits of Text\n\nBy Ana Ruiz\n\n%s\n\nAn ending.\n", many->str);
  document = import_text (text, "long.txt", &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "bytes; at most 1 MiB is allowed"));
  g_clear_error (&error);

  /* A note with a megabyte-long address: refused, naming the note. */
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Limits of Notes\n\nBy Ana Ruiz\n\nA claim.[1] Another claim.[2]\n\n"
                          "[1] First source, https://example.org/first.\n\n"
                          "[2] Second source, https://example.org/%s\n", long_url);
  document = import_text (text, "notes.txt", &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "web address 1 of footnote 2 is 1,048,596 bytes; at most 8 KiB is allowed");
  g_clear_error (&error);

  page = g_strdup_printf ("<!DOCTYPE html><html><head><title>Limits of Pages</title></head><body><article>"
                          "<h1>Limits of Pages</h1><p>A claim.<sup>1</sup> More words in the body.</p>"
                          "<section class=\"endnotes\"><h2>Notes</h2><ol><li>See https://example.org/%s.</li></ol>"
                          "</section></article></body></html>", longish_url);
  document = import_text (page, "page.html", &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "web address 1 of footnote 1 is 102,420 bytes"));
  g_clear_error (&error);

  /* A web page's address becomes its source URL. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("<html><body><article><h1>T</h1><p>Text of a page.</p></article></body></html>",
                                                 strlen ("<html><body><article><h1>T</h1><p>Text of a page.</p></article></body></html>"));
    g_autofree char *uri = g_strconcat ("https://example.org/", long_url, NULL);

    document = dossier_import_web_page (bytes, uri, "text/html", "utf-8", &error);
    g_assert_null (document);
    g_assert_error (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_LONG);
    g_assert_cmpstr (error->message, ==, "source URL is 1,048,596 bytes; at most 8 KiB is allowed");
    g_clear_error (&error);
  }

  json = g_strdup_printf ("{\"format\":\"dossier-document\",\"version\":1,\"title\":\"t\",\"footnotes\":"
                          "[{\"number\":3,\"text\":\"n\",\"urls\":[\"https://example.org/%s\"]}]}", long_url);
  document = import_text (json, "doc.json", &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "footnotes[0].urls[0] is 1,048,596 bytes; at most 8 KiB is allowed");
}

static void
test_format (void)
{
  g_autofree char *small = dossier_limit_format_size (100);
  g_autofree char *kib = dossier_limit_format_size (4096);
  g_autofree char *mib = dossier_limit_format_size (1024 * 1024);
  g_autofree char *count = dossier_limit_format_count (1234567);
  g_autofree char *three = dossier_limit_format_count (123);

  g_assert_cmpstr (small, ==, "100 bytes");
  g_assert_cmpstr (kib, ==, "4 KiB");
  g_assert_cmpstr (mib, ==, "1 MiB");
  g_assert_cmpstr (count, ==, "1,234,567");
  g_assert_cmpstr (three, ==, "123");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/limits/fields", test_fields);
  g_test_add_func ("/dossier/limits/counts", test_counts);
  g_test_add_func ("/dossier/limits/import", test_import);
  g_test_add_func ("/dossier/limits/format", test_format);

  return g_test_run ();
}
