/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "memo/dossier-notes-export.h"
#include "store/dossier-library-collections.h"

/* Collections, tags and notes in the library, their search filters, the
 * Trash of collections, and bringing a library written before them (by
 * the Dossier of version 4, tests/store/data/library-v4.db.gz) up to date. */

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-collections-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static DossierLibrary *
open_ok (const char *path)
{
  GError *error = NULL;
  DossierLibrary *library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  return library;
}

static char *
add_document (DossierLibrary *library,
              const char     *title,
              const char     *body)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (body);
  g_autoptr(DossierAuthor) author = dossier_author_new ("Ilse Varga");
  g_autoptr(GError) error = NULL;
  char *id;

  dossier_document_set_title (document, title);
  dossier_document_add_author (document, author);
  dossier_document_add_paragraph (document, paragraph);
  id = dossier_library_add (library, document, &error);
  g_assert_no_error (error);
  return id;
}

static guint
n_results (DossierLibrary *library,
           const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = dossier_library_search (library, text, 50, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

static char *
first_result_id (DossierLibrary *library,
                 const char     *text)
{
  g_autoptr(GListModel) results = dossier_library_search (library, text, 50, NULL);
  g_autoptr(DossierSearchResult) result = NULL;

  g_assert_nonnull (results);
  if (g_list_model_get_n_items (results) == 0)
    return NULL;
  result = g_list_model_get_item (results, 0);
  return g_strdup (dossier_document_get_id (dossier_search_result_get_document (result)));
}

static guint
n_collections (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = dossier_library_list_collections (library, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static guint
n_in_collection (DossierLibrary *library,
                 gint64          collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = dossier_library_list_collection_documents (library, collection, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
test_collections (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *a = add_document (library, "Port State Control", "Inspections of tankers in the strait.");
  g_autofree char *b = add_document (library, "Grain Corridor Insurance", "Insurers priced the corridor risk.");
  g_autoptr(DossierCollection) sanctions = NULL;
  g_autoptr(DossierCollection) shipping = NULL;
  g_autoptr(DossierCollection) found = NULL;
  g_autoptr(DossierCollection) again = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) trashed = NULL;
  g_autoptr(DossierCollection) first = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  guint n_purged;

  sanctions = dossier_library_create_collection (library, "  Sanctions briefing ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_collection_get_name (sanctions), ==, "Sanctions briefing");
  shipping = dossier_library_create_collection (library, "Black Sea shipping", &error);
  g_assert_no_error (error);

  /* Names are one line, not empty, and unique without regard to case. */
  g_assert_null (dossier_library_create_collection (library, "SANCTIONS BRIEFING", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "SANCTIONS BRIEFING"));
  g_clear_error (&error);
  g_assert_null (dossier_library_create_collection (library, "   ", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (dossier_library_create_collection (library, "two\nlines", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (dossier_library_create_collection (library, "bad \xff utf-8", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* By name, without regard to case. */
  list = dossier_library_list_collections (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (dossier_collection_get_name (first), ==, "Black Sea shipping");
  found = dossier_library_find_collection (library, "sanctions BRIEFING", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_collection_get_id (found), ==, dossier_collection_get_id (sanctions));
  g_assert_null (dossier_library_find_collection (library, "Nothing", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An article may be in several; adding twice is no change. */
  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (sanctions), a, &error));
  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (sanctions), a, &error));
  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (sanctions), b, &error));
  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (shipping), a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (sanctions)), ==, 2);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (shipping)), ==, 1);
  g_assert_false (dossier_library_add_to_collection (library, dossier_collection_get_id (shipping), "no-such-id", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  names = dossier_library_dup_document_collections (library, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Black Sea shipping");
  g_assert_cmpstr (names[1], ==, "Sanctions briefing");
  g_clear_object (&found);
  found = dossier_library_find_collection (library, "Sanctions briefing", &error);
  g_assert_cmpuint (dossier_collection_get_n_documents (found), ==, 2);

  g_assert_true (dossier_library_remove_from_collection (library, dossier_collection_get_id (sanctions), b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (sanctions)), ==, 1);
  g_assert_nonnull (dossier_library_get_document (library, b));

  /* Renaming: to a free name only. */
  g_assert_false (dossier_library_rename_collection (library, dossier_collection_get_id (shipping), "sanctions briefing",
                                                     &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (dossier_library_rename_collection (library, dossier_collection_get_id (shipping), "Shipping", &error));
  g_assert_true (dossier_library_rename_collection (library, dossier_collection_get_id (shipping), "shipping", &error));
  g_assert_no_error (error);

  /* An article in the Trash leaves its collections until it is restored. */
  g_assert_true (dossier_library_remove (library, a, &error));
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (shipping)), ==, 0);
  g_assert_true (dossier_library_restore (library, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (shipping)), ==, 1);

  /* Deleting a collection moves it to the Trash; its articles stay. */
  g_assert_true (dossier_library_delete_collection (library, dossier_collection_get_id (shipping), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_collections (library), ==, 1);
  g_assert_nonnull (dossier_library_get_document (library, a));
  trashed = dossier_library_list_trashed_collections (library, &error);
  g_assert_cmpuint (g_list_model_get_n_items (trashed), ==, 1);
  g_assert_false (dossier_library_add_to_collection (library, dossier_collection_get_id (shipping), b, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_library_delete_collection (library, dossier_collection_get_id (shipping), &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Its name is free while it is in the Trash; restoring it then waits
   * for a rename. */
  again = dossier_library_create_collection (library, "Shipping", &error);
  g_assert_no_error (error);
  g_assert_false (dossier_library_restore_collection (library, dossier_collection_get_id (shipping), &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (dossier_library_rename_collection (library, dossier_collection_get_id (again), "Shipping 2", &error));
  g_assert_true (dossier_library_restore_collection (library, dossier_collection_get_id (shipping), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (shipping)), ==, 1);
  g_assert_cmpuint (n_collections (library), ==, 3);

  /* Emptying the Trash deletes collections in it for good. */
  g_assert_true (dossier_library_delete_collection (library, dossier_collection_get_id (again), &error));
  g_assert_true (dossier_library_empty_trash (library, &n_purged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_purged, ==, 0);
  g_clear_object (&trashed);
  trashed = dossier_library_list_trashed_collections (library, &error);
  g_assert_cmpuint (g_list_model_get_n_items (trashed), ==, 0);
  g_assert_false (dossier_library_restore_collection (library, dossier_collection_get_id (again), &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An article deleted for good leaves its collections with it. */
  g_assert_true (dossier_library_remove (library, a, &error));
  g_assert_true (dossier_library_empty_trash (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (shipping)), ==, 0);
  g_assert_cmpuint (n_in_collection (library, dossier_collection_get_id (sanctions)), ==, 0);
}

static void
test_collection_items (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierCollection) collection = dossier_library_create_collection (library, "Brief", NULL);
  gint64 id = dossier_collection_get_id (collection);
  g_auto(GStrv) memos = NULL;
  g_auto(GStrv) comparisons = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_add_collection_item (library, id, DOSSIER_COLLECTION_ITEM_MEMO,
                                                      "file:///home/analyst/brief.dossier-memo", &error));
  g_assert_true (dossier_library_add_collection_item (library, id, DOSSIER_COLLECTION_ITEM_COMPARISON,
                                                      "file:///home/analyst/a-vs-b.dossier-comparison", &error));
  g_assert_true (dossier_library_add_collection_item (library, id, DOSSIER_COLLECTION_ITEM_MEMO,
                                                      "file:///home/analyst/brief.dossier-memo", &error));
  g_assert_no_error (error);
  memos = dossier_library_dup_collection_items (library, id, DOSSIER_COLLECTION_ITEM_MEMO, &error);
  comparisons = dossier_library_dup_collection_items (library, id, DOSSIER_COLLECTION_ITEM_COMPARISON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (memos), ==, 1);
  g_assert_cmpstr (comparisons[0], ==, "file:///home/analyst/a-vs-b.dossier-comparison");

  g_assert_false (dossier_library_add_collection_item (library, id, DOSSIER_COLLECTION_ITEM_MEMO,
                                                       "just a name", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (dossier_library_remove_collection_item (library, id, "file:///home/analyst/brief.dossier-memo", &error));
  g_assert_false (dossier_library_remove_collection_item (library, id, "file:///home/analyst/brief.dossier-memo", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&memos, g_strfreev);
  memos = dossier_library_dup_collection_items (library, id, DOSSIER_COLLECTION_ITEM_MEMO, &error);
  g_assert_cmpuint (g_strv_length (memos), ==, 0);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *a = add_document (library, "Port State Control", "Inspections of tankers in the strait.");
  g_autofree char *b = add_document (library, "Grain Corridor Insurance", "Insurers priced the tanker risk.");
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) all = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibraryQuery query = { .text = "tanker" };
  g_autoptr(GListModel) results = NULL;

  g_assert_true (dossier_library_add_tag (library, a, "shipping", &error));
  g_assert_true (dossier_library_add_tag (library, a, " Shipping ", &error));
  g_assert_true (dossier_library_add_tag (library, a, "한반도", &error));
  g_assert_true (dossier_library_add_tag (library, b, "insurance", &error));
  g_assert_true (dossier_library_add_tag (library, b, "shipping", &error));
  g_assert_no_error (error);
  g_assert_false (dossier_library_add_tag (library, a, "", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);

  tags = dossier_library_dup_tags (library, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "shipping");
  all = dossier_library_dup_all_tags (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
  g_assert_cmpstr (all[0], ==, "shipping");

  /* Filters: in the query text or the query's fields, alone or with words. */
  g_assert_cmpuint (n_results (library, "tag:shipping"), ==, 2);
  {
    g_autoptr(GListModel) tagged = dossier_library_list_tagged_documents (library, "SHIPPING", &error);
    g_autoptr(DossierDocument) newest = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (tagged), ==, 2);
    newest = g_list_model_get_item (tagged, 0);
    g_assert_cmpstr (dossier_document_get_id (newest), ==, b);
  }
  g_assert_cmpuint (n_results (library, "TAG:insurance"), ==, 1);
  g_assert_cmpuint (n_results (library, "tag:한반도 inspections"), ==, 1);
  g_assert_cmpuint (n_results (library, "tag:insurance inspections"), ==, 0);
  g_assert_cmpuint (n_results (library, "tag:nothing"), ==, 0);
  query.tag = "INSURANCE";
  results = dossier_library_search_query (library, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  g_assert_true (dossier_library_remove_tag (library, a, "SHIPPING", &error));
  g_assert_no_error (error);
  g_assert_false (dossier_library_remove_tag (library, a, "shipping", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_results (library, "tag:shipping"), ==, 1);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *a = add_document (library, "Port State Control", "Inspections of tankers in the strait.");
  g_autofree char *b = add_document (library, "Grain Corridor Insurance", "Insurers priced the corridor risk.");
  g_autofree char *note = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(DossierSearchResult) result = NULL;
  gint64 highlight;

  g_assert_null (dossier_library_dup_note (library, a, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_library_set_note (library, a, "Ask about the **quokka** protocol.\nSecond line.", &error));
  g_assert_no_error (error);
  note = dossier_library_dup_note (library, a, &error);
  g_assert_cmpstr (note, ==, "Ask about the **quokka** protocol.\nSecond line.");

  /* Notes are searched, with a snippet from the note. */
  found = first_result_id (library, "quokka");
  g_assert_cmpstr (found, ==, a);
  results = dossier_library_search (library, "quokka", 10, &error);
  result = g_list_model_get_item (results, 0);
  g_assert_nonnull (strstr (dossier_search_result_get_snippet (result), "quokka"));

  /* A highlight's note too, until it is changed or the highlight goes. */
  highlight = dossier_library_add_highlight (library, b, 0, 0, 8, "Insurers", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_set_highlight_note (library, highlight, "Compare with the axolotl clause", &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, g_free);
  found = first_result_id (library, "axolotl");
  g_assert_cmpstr (found, ==, b);
  g_assert_cmpuint (n_results (library, "quokka"), ==, 1);
  g_assert_true (dossier_library_remove_highlight (library, highlight, &error));
  g_assert_cmpuint (n_results (library, "axolotl"), ==, 0);

  /* Through the Trash and back, and after an edit of the details. */
  g_assert_true (dossier_library_remove (library, a, &error));
  g_assert_cmpuint (n_results (library, "quokka"), ==, 0);
  g_assert_true (dossier_library_restore (library, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_results (library, "quokka"), ==, 1);
  {
    g_autoptr(DossierDocument) full = dossier_library_load (library, a, &error);

    dossier_document_set_title (full, "Port State Control, revised");
    g_assert_true (dossier_library_update_metadata (library, full, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_results (library, "quokka revised"), ==, 1);

  /* Only spaces: no note. */
  g_assert_true (dossier_library_set_note (library, a, "  \n", &error));
  g_assert_no_error (error);
  g_assert_null (dossier_library_dup_note (library, a, &error));
  g_assert_cmpuint (n_results (library, "quokka"), ==, 0);

  g_assert_false (dossier_library_set_note (library, "no-such-id", "text", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
}

static void
test_collection_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *a = add_document (library, "Port State Control", "Inspections of tankers in the strait.");
  g_autofree char *b = add_document (library, "Grain Corridor Insurance", "Insurers priced the tanker risk.");
  g_autoptr(DossierCollection) two_words = dossier_library_create_collection (library, "Black Sea", NULL);
  g_autoptr(DossierCollection) one = dossier_library_create_collection (library, "Straits", NULL);
  g_autoptr(GError) error = NULL;
  DossierLibraryQuery query = { .text = "tanker", .collection = "straits" };
  g_autoptr(GListModel) results = NULL;

  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (two_words), b, &error));
  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (one), a, &error));
  g_assert_true (dossier_library_add_tag (library, a, "ports", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_results (library, "tanker"), ==, 2);
  g_assert_cmpuint (n_results (library, "collection:\"black sea\""), ==, 1);
  g_assert_cmpuint (n_results (library, "tanker collection:\"Black Sea\""), ==, 1);
  g_assert_cmpuint (n_results (library, "collection:Straits tag:ports"), ==, 1);
  g_assert_cmpuint (n_results (library, "collection:Straits tag:ports insurers"), ==, 0);
  g_assert_cmpuint (n_results (library, "collection:Nowhere"), ==, 0);
  /* "tag:" inside a word is a word, and an empty filter is no filter. */
  g_assert_cmpuint (n_results (library, "tanker tag:"), ==, 2);
  results = dossier_library_search_query (library, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* A collection in the Trash filters nothing in. */
  g_assert_true (dossier_library_delete_collection (library, dossier_collection_get_id (one), &error));
  g_assert_cmpuint (n_results (library, "collection:Straits"), ==, 0);
}

static void
set_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_collection_expiry (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierCollection) old = dossier_library_create_collection (library, "Old", NULL);
    g_autoptr(DossierCollection) recent = dossier_library_create_collection (library, "Recent", NULL);

    g_assert_true (dossier_library_delete_collection (library, dossier_collection_get_id (old), &error));
    g_assert_true (dossier_library_delete_collection (library, dossier_collection_get_id (recent), &error));
    g_assert_no_error (error);
  }
  /* Deleted 31 days ago. */
  set_sql (fixture->path, "UPDATE collections SET trashed = trashed - 31 * 86400 WHERE name = 'Old'");
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GListModel) trashed = dossier_library_list_trashed_collections (library, &error);
    g_autoptr(DossierCollection) left = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (trashed), ==, 1);
    left = g_list_model_get_item (trashed, 0);
    g_assert_cmpstr (dossier_collection_get_name (left), ==, "Recent");
    g_assert_cmpint (dossier_collection_get_trashed (left), >, 0);
  }
}

/* Writes tests/store/data/@name to @path, unzipped. library-v4.db.gz was
 * made by `dossier-cli library add` of Dossier at schema version 4: three
 * articles from data/samples, the third in the Trash, and a highlight with
 * a note on the first. library-v6.db.gz by dossier-cli at version 6 (main
 * at b9a0bb9): the three samples, "Talking Before It Is Too Late" in the
 * Trash, the other two in the collection "Brief", the first tagged
 * "sanctions". */
static void
write_library (const char *name,
               const char *path)
{
  g_autofree char *gz = g_test_build_filename (G_TEST_DIST, "store", "data", name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (gz);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) unzipped = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  in = G_INPUT_STREAM (g_file_read (source, NULL, &error));
  g_assert_no_error (error);
  unzipped = g_converter_input_stream_new (in, G_CONVERTER (decompressor));
  out = G_OUTPUT_STREAM (g_file_replace (target, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_splice (out, unzipped, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);
}

#define FIXTURE_FIRST "e8dad7ed-d2e6-41a6-b4be-982e6eed9488"
#define FIXTURE_TRASHED "110d7e20-46f4-426a-a3c8-37c7f75e2887"

static void
test_migration_from_v4 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  write_library ("library-v4.db.gz", fixture->path);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 4);

  /* Read-only: read as it is, with no collections, tags or notes. */
  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path, DOSSIER_LIBRARY_OPEN_READ_ONLY,
                                                                        &error);
    g_autoptr(GListModel) collections = NULL;
    g_auto(GStrv) tags = NULL;
    g_autofree char *note = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (reader)), ==, 2);
    collections = dossier_library_list_collections (reader, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (collections), ==, 0);
    tags = dossier_library_dup_tags (reader, FIXTURE_FIRST, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (tags), ==, 0);
    note = dossier_library_dup_note (reader, FIXTURE_FIRST, &error);
    g_assert_no_error (error);
    g_assert_null (note);
    g_assert_cmpuint (n_results (reader, "sanctions"), >=, 1);
    g_assert_cmpuint (n_results (reader, "tag:x sanctions"), ==, 0);
    g_assert_null (dossier_library_create_collection (reader, "Brief", &error));
    g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 4);

  /* Opened to write: brought up to date, with nothing lost. */
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierCollection) brief = NULL;
    g_autofree char *found = NULL;
    g_autoptr(GListModel) highlights = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_trash (library)), ==, 1);
    highlights = dossier_library_list_highlights (library, FIXTURE_FIRST, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);

    /* The highlight note written before notes were searched is found. */
    found = first_result_id (library, "zanzibar");
    g_assert_cmpstr (found, ==, FIXTURE_FIRST);
    g_assert_cmpuint (n_results (library, "sanctions"), >=, 1);

    brief = dossier_library_create_collection (library, "Brief", &error);
    g_assert_no_error (error);
    g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (brief), FIXTURE_FIRST, &error));
    g_assert_true (dossier_library_set_note (library, FIXTURE_FIRST, "pangolin", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_results (library, "collection:Brief pangolin"), ==, 1);

    /* The document that was in the Trash comes back searchable. */
    g_assert_true (dossier_library_restore (library, FIXTURE_TRASHED, &error));
    g_assert_no_error (error);
    g_clear_pointer (&found, g_free);
    found = first_result_id (library, "\"Talking Before\"");
    g_assert_cmpstr (found, ==, FIXTURE_TRASHED);
  }
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM notes"), ==, 1);
}

#define V6_SANCTIONS "5ced0268-13ee-4006-be74-ce156c22991b"
#define V6_TRASHED "0c594866-b1f1-4e50-88bc-50e58f113388"
#define V6_KOREAN "3e527820-4936-4b93-be85-fc682e49a4ae"

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
n_unread (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) unread = dossier_library_list_unread (library, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (unread);
}

/* Version 7 adds the read state: an article read before (it has a reading
 * position or a highlight) counts as read, the others as unread; collections
 * and tags are kept. Read-only, an old library reads the same way. */
static void
test_migration_from_v6 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  write_library ("library-v6.db.gz", fixture->path);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 6);
  /* As the reader of version 6 left it after the first article was scrolled. */
  exec_sql (fixture->path, "INSERT INTO reading_positions (document, paragraph, updated)"
                           " VALUES ('" V6_SANCTIONS "', 3, 1700000000)");

  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path, DOSSIER_LIBRARY_OPEN_READ_ONLY,
                                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (reader)), ==, 2);
    g_assert_true (dossier_library_get_read (reader, V6_SANCTIONS));
    g_assert_false (dossier_library_get_read (reader, V6_KOREAN));
    g_assert_cmpuint (n_unread (reader), ==, 1);
    g_assert_false (dossier_library_set_read (reader, V6_KOREAN, TRUE, &error));
    g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 6);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierCollection) brief = NULL;
    g_autoptr(GListModel) in_brief = NULL;
    g_autoptr(GListModel) recent = NULL;
    g_autoptr(GListModel) unread = NULL;
    g_autoptr(DossierDocument) first = NULL;
    g_auto(GStrv) tags = NULL;

    brief = dossier_library_find_collection (library, "Brief", &error);
    g_assert_no_error (error);
    in_brief = dossier_library_list_collection_documents (library, dossier_collection_get_id (brief), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (in_brief), ==, 2);
    tags = dossier_library_dup_tags (library, V6_SANCTIONS, &error);
    g_assert_no_error (error);
    g_assert_cmpstrv (tags, ((const char * const[]) { "sanctions", NULL }));

    unread = dossier_library_list_unread (library, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (unread), ==, 1);
    first = g_list_model_get_item (unread, 0);
    g_assert_cmpstr (dossier_document_get_id (first), ==, V6_KOREAN);

    /* Opened: read, and it stays so; marked unread again. */
    g_assert_true (dossier_library_set_read (library, V6_KOREAN, TRUE, &error));
    g_assert_true (dossier_library_set_read (library, V6_KOREAN, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_unread (library), ==, 0);
    g_assert_true (dossier_library_set_read (library, V6_SANCTIONS, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_unread (library), ==, 1);
    g_assert_false (dossier_library_get_read (library, V6_SANCTIONS));
    g_assert_false (dossier_library_set_read (library, "no-such-article", TRUE, &error));
    g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* The one in the Trash is in no view until it is restored, unread. */
    g_assert_true (dossier_library_restore (library, V6_TRASHED, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_unread (library), ==, 2);

    recent = dossier_library_list_added_since (library, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 3);
    g_clear_object (&recent);
    recent = dossier_library_list_added_since (library, g_get_real_time () / G_USEC_PER_SEC + 3600, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 0);
  }
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM documents WHERE opened IS NULL"), ==, 2);
}

/* A collection's notes as Markdown and HTML: citations, the article's note
 * and its highlights in reading order with their notes; the memo's inline
 * markup becomes the format's, and everything else is escaped. */
static void
test_export_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autofree char *a = add_document (library, "Ports <and> Straits", "Inspections of *tankers* in the strait.");
  g_autoptr(DossierCollection) collection = dossier_library_create_collection (library, "Brief & <co>", NULL);
  g_autoptr(DossierCollection) empty = dossier_library_create_collection (library, "Empty", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *nothing = NULL;
  gint64 late, early;
  const char *p, *q;

  g_assert_true (dossier_library_add_to_collection (library, dossier_collection_get_id (collection), a, &error));
  g_assert_true (dossier_library_set_note (library, a, "Ask about **fees**.\n\n*Second* <b>para</b>", &error));
  late = dossier_library_add_highlight (library, a, 0, 15, 24, "*tankers*", &error);
  early = dossier_library_add_highlight (library, a, 0, 0, 11, "Inspections", &error);
  g_assert_true (dossier_library_set_highlight_note (library, late, "The _stars_ are the author's", &error));
  g_assert_no_error (error);
  g_assert_cmpint (early, >, 0);

  md = dossier_notes_export_collection (library, collection, DOSSIER_NOTES_EXPORT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (md, "# Brief \\& \\<co\\>\n\n## Ports \\<and\\> Straits\n\nIlse Varga, "));
  g_assert_nonnull (strstr (md, "\n\nAsk about **fees**\\.\n\n*Second* \\<b\\>para\\</b\\>\n\n"));
  p = strstr (md, "> Inspections\\\n> — Varga");
  q = strstr (md, "> \\*tankers\\*\\\n> — Varga");
  g_assert_nonnull (p);
  g_assert_nonnull (q);
  g_assert_true (p < q);
  g_assert_nonnull (strstr (md, "The \\_stars\\_ are the author's\n"));

  html = dossier_notes_export_collection (library, collection, DOSSIER_NOTES_EXPORT_HTML, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  g_assert_nonnull (strstr (html, "<title>Brief &amp; &lt;co&gt;</title>"));
  g_assert_nonnull (strstr (html, "<h2>Ports &lt;and&gt; Straits</h2>"));
  g_assert_nonnull (strstr (html, "<p class=\"note\">Ask about <strong>fees</strong>.</p>\n"
                                  "<p class=\"note\"><em>Second</em> &lt;b&gt;para&lt;/b&gt;</p>"));
  g_assert_nonnull (strstr (html, "<blockquote>\n<p>*tankers*</p>\n<footer>— Varga"));
  g_assert_true (g_str_has_suffix (html, "</body>\n</html>\n"));

  nothing = dossier_notes_export_collection (library, empty, DOSSIER_NOTES_EXPORT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nothing, ==, "# Empty\n\nNo articles in this collection\\.\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/collections/basics", Fixture, NULL, fixture_setup, test_collections, fixture_teardown);
  g_test_add ("/dossier/store/collections/items", Fixture, NULL, fixture_setup, test_collection_items, fixture_teardown);
  g_test_add ("/dossier/store/collections/filter", Fixture, NULL, fixture_setup, test_collection_filter, fixture_teardown);
  g_test_add ("/dossier/store/collections/expiry", Fixture, NULL, fixture_setup, test_collection_expiry, fixture_teardown);
  g_test_add ("/dossier/store/tags", Fixture, NULL, fixture_setup, test_tags, fixture_teardown);
  g_test_add ("/dossier/store/notes", Fixture, NULL, fixture_setup, test_notes, fixture_teardown);
  g_test_add ("/dossier/store/collections/export-notes", Fixture, NULL, fixture_setup, test_export_notes,
              fixture_teardown);
  g_test_add ("/dossier/store/collections/migration-from-v6", Fixture, NULL, fixture_setup, test_migration_from_v6,
              fixture_teardown);
  g_test_add ("/dossier/store/collections/migration-from-v4", Fixture, NULL, fixture_setup, test_migration_from_v4,
              fixture_teardown);

  return g_test_run ();
}
