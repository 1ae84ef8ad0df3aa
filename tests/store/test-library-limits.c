/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store/dossier-library.h"

/*
 * The library stores nothing over the limits of dossier-limits.h, and a
 * library written by another program that holds such values still opens:
 * the list shows a note in place of a value too long to show, and loading
 * the document says which field is wrong.
 */

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-limits-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static DossierDocument *
make_document (const char *title)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new ("Ana Ruiz");
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Grain shipments resumed in the spring.");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (1, "Port records, https://example.org/ports.");
  const char *urls[] = { "https://example.org/ports", NULL };

  dossier_document_set_title (document, title);
  dossier_document_set_source_url (document, "https://example.org/grain");
  dossier_document_add_author (document, author);
  dossier_paragraph_add_ref (paragraph, 1, 10);
  dossier_document_add_paragraph (document, paragraph);
  dossier_footnote_set_urls (note, urls);
  dossier_document_add_footnote (document, note);
  return document;
}

static DossierLibrary *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

/* Borrowed: the store holds a reference for as long as the library is open. */
static DossierDocument *
first_document (DossierLibrary *library)
{
  GListModel *documents = dossier_library_get_documents (library);
  DossierDocument *document;

  g_assert_cmpuint (g_list_model_get_n_items (documents), >=, 1);
  document = g_list_model_get_item (documents, 0);
  g_object_unref (document);
  return document;
}

static void
assert_message (GError     *error,
                const char *message)
{
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message);
}

static void
test_add_and_update (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *huge = repeat ('x', 5 * 1024 * 1024);
  g_autofree char *long_url = repeat ('u', 1024 * 1024);
  g_autofree char *title = repeat ('t', 4096);
  g_autoptr(DossierDocument) document = make_document (huge);
  g_autoptr(DossierDocument) good = make_document ("Grain Corridors");
  g_autoptr(DossierDocument) at_limit = make_document (title);
  g_autoptr(DossierDocument) loaded = NULL;
  g_autoptr(DossierFootnote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *at_limit_id = NULL;
  const char *urls[] = { long_url, NULL };
  DossierDocument *light;

  /* A document made by any code, not only by an importer, is checked. */
  id = dossier_library_add (library, document, &error);
  g_assert_null (id);
  assert_message (error, "title is 5,242,880 bytes; at most 4 KiB is allowed");
  g_clear_error (&error);

  dossier_document_set_title (document, "Grain Corridors, Again");
  note = g_list_model_get_item (dossier_document_get_footnotes (document), 0);
  dossier_footnote_set_urls (note, urls);
  id = dossier_library_add (library, document, &error);
  g_assert_null (id);
  assert_message (error, "web address 1 of footnote 1 is 1,048,576 bytes; at most 8 KiB is allowed");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 0);

  /* Right at the limit is fine. */
  at_limit_id = dossier_library_add (library, at_limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_limit_id);
  {
    g_autoptr(DossierParagraph) other = dossier_paragraph_new ("Different words for a different text.");

    dossier_document_add_paragraph (good, other);
    dossier_document_set_source_url (good, "https://example.org/other");
  }
  id = dossier_library_add (library, good, &error);
  g_assert_no_error (error);

  /* Edits are checked too, and a refused one changes nothing. */
  light = first_document (library);
  dossier_document_set_publisher (light, huge);
  g_assert_false (dossier_library_update_metadata (library, light, &error));
  assert_message (error, "publisher is 5,242,880 bytes; at most 1 KiB is allowed");
  g_clear_error (&error);
  dossier_document_set_publisher (light, NULL);

  {
    g_autoptr(DossierLibrary) again = open_ok (fixture->path);

    loaded = dossier_library_load (again, id, &error);
    g_assert_no_error (error);
    g_assert_null (dossier_document_get_publisher (loaded));
  }
}

static void
exec_bound (const char *path,
            const char *sql,
            const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    g_assert_cmpint (sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static char *
add_one (const char *path,
         const char *title)
{
  g_autoptr(DossierLibrary) library = open_ok (path);
  g_autoptr(DossierDocument) document = make_document (title);
  g_autoptr(GError) error = NULL;
  char *id = dossier_library_add (library, document, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_load_fails (const char *path,
                   const char *id,
                   const char *message)
{
  g_autoptr(DossierLibrary) library = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_library_load (library, id, &error);
  g_autofree char *json = NULL;

  g_assert_null (document);
  assert_message (error, message);
  g_clear_error (&error);

  json = dossier_library_dup_json (library, id, NULL, &error);
  g_assert_null (json);
  assert_message (error, message);
}

/* Another program wrote 5 MB into fields of a document. */
static void
test_foreign_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *huge = repeat ('x', 5 * 1024 * 1024);
  g_autofree char *id = add_one (fixture->path, "Grain Corridors");

  exec_bound (fixture->path, "UPDATE documents SET title = ?1", huge);
  exec_bound (fixture->path, "UPDATE document_authors SET bio = ?1", huge);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    DossierDocument *light = first_document (library);
    g_autoptr(DossierAuthor) author = g_list_model_get_item (dossier_document_get_authors (light), 0);
    g_autoptr(GError) error = NULL;

    /* The list shows that the value is there, not the value. */
    g_assert_cmpstr (dossier_document_get_title (light), ==, "(too long to show: 5,242,880 bytes)");
    g_assert_cmpstr (dossier_author_get_name (author), ==, "Ana Ruiz");
    g_assert_cmpstr (dossier_author_get_bio (author), ==, "(too long to show: 5,242,880 bytes)");

    /* The document can still be given a title, and removed. */
    dossier_document_set_title (light, "Grain Corridors");
    dossier_author_set_bio (author, NULL);
    g_assert_true (dossier_library_update_metadata (library, light, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierDocument) document = dossier_library_load (library, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (dossier_document_get_title (document), ==, "Grain Corridors");
  }

  exec_bound (fixture->path, "UPDATE documents SET title = ?1", huge);
  assert_load_fails (fixture->path, id, "title is 5,242,880 bytes; at most 4 KiB is allowed");
  exec_bound (fixture->path, "UPDATE documents SET title = 'Grain Corridors'", NULL);

  exec_bound (fixture->path, "UPDATE paragraphs SET text = ?1", huge);
  assert_load_fails (fixture->path, id, "paragraph 1 is 5,242,880 bytes; at most 1 MiB is allowed");
  exec_bound (fixture->path, "UPDATE paragraphs SET text = 'Grain shipments resumed in the spring.'", NULL);

  exec_bound (fixture->path, "UPDATE footnote_urls SET url = ?1", huge);
  assert_load_fails (fixture->path, id, "web address 1 of footnote 1 is 5,242,880 bytes; at most 8 KiB is allowed");
  exec_bound (fixture->path, "UPDATE footnote_urls SET url = 'https://example.org/ports'", NULL);

  exec_bound (fixture->path, "UPDATE documents SET title = CAST(x'c328' AS TEXT)", NULL);
  assert_load_fails (fixture->path, id, "title is not valid UTF-8 text");
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    g_assert_cmpstr (dossier_document_get_title (first_document (library)), ==, "\xef\xbf\xbd(");
  }
  exec_bound (fixture->path, "UPDATE documents SET title = 'Grain Corridors'", NULL);

  {
    g_autoptr(GString) points = g_string_new ("[");

    for (guint i = 0; i < 300; i++)
      g_string_append (points, i > 0 ? ",\"p\"" : "\"p\"");
    g_string_append_c (points, ']');
    exec_bound (fixture->path, "UPDATE documents SET key_points = ?1", points->str);
    assert_load_fails (fixture->path, id, "there are 300 key points; at most 256 are allowed");
  }

  /* Removing it is always possible. */
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GError) error = NULL;

    g_assert_true (dossier_library_remove (library, id, &error));
    g_assert_no_error (error);
  }
}

/* A list never holds more than the limit of authors of a document. */
static void
test_foreign_authors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = add_one (fixture->path, "Grain Corridors");
  g_autoptr(DossierLibrary) library = NULL;
  DossierDocument *light;
  g_autoptr(DossierAuthor) last = NULL;
  GListModel *authors;

  exec_bound (fixture->path,
              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
              " INSERT INTO document_authors (doc, ord, author, name)"
              " SELECT doc, i, author, 'Someone ' || i FROM document_authors, n", NULL);

  library = open_ok (fixture->path);
  light = first_document (library);
  authors = dossier_document_get_authors (light);
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 201);
  last = g_list_model_get_item (authors, 200);
  g_assert_cmpstr (dossier_author_get_name (last), ==, "(more authors not shown)");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierDocument) document = dossier_library_load (library, id, &error);

    g_assert_null (document);
    assert_message (error, "there are 201 authors; at most 200 are allowed");
  }
}

static void
test_highlights (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = add_one (fixture->path, "Grain Corridors");
  g_autofree char *huge = repeat ('h', 2 * 1024 * 1024);
  g_autofree char *note = repeat ('n', 64 * 1024 + 1);
  gint64 highlight;

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (dossier_library_add_highlight (library, id, 0, 0, 5, huge, &error), ==, 0);
    assert_message (error, "highlight is 2,097,152 bytes; at most 1 MiB is allowed");
    g_clear_error (&error);

    highlight = dossier_library_add_highlight (library, id, 0, 0, 5, "Grain", &error);
    g_assert_no_error (error);
    g_assert_false (dossier_library_set_highlight_note (library, highlight, note, &error));
    assert_message (error, "note is 65,537 bytes; at most 64 KiB is allowed");
  }

  exec_bound (fixture->path, "UPDATE highlights SET note = ?1", huge);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) highlights = dossier_library_list_highlights (library, id, &error);

    g_assert_null (highlights);
    assert_message (error, "note is 2,097,152 bytes; at most 64 KiB is allowed");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/limits/add-update", Fixture, NULL, fixture_setup, test_add_and_update, fixture_teardown);
  g_test_add ("/dossier/store/limits/foreign-rows", Fixture, NULL, fixture_setup, test_foreign_rows, fixture_teardown);
  g_test_add ("/dossier/store/limits/foreign-authors", Fixture, NULL, fixture_setup, test_foreign_authors,
              fixture_teardown);
  g_test_add ("/dossier/store/limits/highlights", Fixture, NULL, fixture_setup, test_highlights, fixture_teardown);

  return g_test_run ();
}
