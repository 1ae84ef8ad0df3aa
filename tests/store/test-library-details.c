/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store/dossier-library.h"

/*
 * Edit Details corrects the key points, pull quotes and footnotes an
 * import got wrong: dossier_library_update_details() stores them with the
 * rest of the metadata, the search finds the new words and no longer the
 * old ones, and values over the limits are refused naming the field.
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

  fixture->dir = g_dir_make_tmp ("dossier-details-XXXXXX", &error);
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

static DossierDocument *
make_document (void)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Ferry crossings rose over the winter.");
  g_autoptr(DossierFootnote) first = dossier_footnote_new (1, "Harbour ledger, https://example.org/ledger.");
  g_autoptr(DossierFootnote) second = dossier_footnote_new (2, "Interview with a pilot.");
  const char *urls[] = { "https://example.org/ledger", NULL };
  const char *points[] = { "Crossings doubled", "Fares held steady", NULL };
  const char *quotes[] = { "We ran every boat we had.", NULL };

  dossier_document_set_title (document, "Winter Ferries");
  dossier_document_set_source_url (document, "https://example.org/ferries");
  dossier_paragraph_add_ref (paragraph, 1, 16);
  dossier_paragraph_add_ref (paragraph, 2, 40);
  dossier_document_add_paragraph (document, paragraph);
  dossier_footnote_set_urls (first, urls);
  dossier_document_add_footnote (document, first);
  dossier_document_add_footnote (document, second);
  dossier_document_set_key_points (document, points);
  dossier_document_set_pull_quotes (document, quotes);
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

static guint
count_hits (DossierLibrary *library,
            const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = dossier_library_search (library, query, 10, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

static DossierFootnote *
footnote_at (DossierDocument *document,
             guint            position)
{
  return g_list_model_get_item (dossier_document_get_footnotes (document), position);
}

static void
test_saved_and_searchable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DossierDocument) document = make_document ();
  g_autofree char *id = NULL;

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) loaded = NULL;
    g_autoptr(GError) error = NULL;
    const char *points[] = { "Fares held steady", "Crossings tripled", NULL };
    const char *urls[] = { "https://example.org/pilots", "https://example.org/ledger-2", NULL };

    id = dossier_library_add (library, document, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_hits (library, "doubled"), ==, 1);

    loaded = dossier_library_load (library, id, &error);
    g_assert_no_error (error);
    /* Reordered and corrected; the pull quote removed (the copy has
     * none); footnote 2 rewritten with two addresses; footnote 1 left
     * out, so kept. */
    {
      g_autoptr(DossierDocument) edited = dossier_document_dup_metadata (loaded);
      g_autoptr(DossierFootnote) copy = dossier_footnote_new (2, "Interview with a harbour pilot, March.");

      dossier_footnote_set_urls (copy, urls);
      dossier_document_add_footnote (edited, copy);
      dossier_document_set_key_points (edited, points);
      g_assert_true (dossier_library_update_details (library, edited, &error));
      g_assert_no_error (error);
    }

    g_assert_cmpuint (count_hits (library, "tripled"), ==, 1);
    g_assert_cmpuint (count_hits (library, "doubled"), ==, 0);
    g_assert_cmpuint (count_hits (library, "March"), ==, 1);
  }

  /* Reopened: what was saved is what loads. */
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierDocument) loaded = dossier_library_load (library, id, &error);
    g_autoptr(DossierFootnote) first = NULL;
    g_autoptr(DossierFootnote) second = NULL;
    const char * const *points;
    const char * const *urls;

    g_assert_no_error (error);
    points = dossier_document_get_key_points (loaded);
    g_assert_nonnull (points);
    g_assert_cmpstr (points[0], ==, "Fares held steady");
    g_assert_cmpstr (points[1], ==, "Crossings tripled");
    g_assert_null (points[2]);
    g_assert_true (dossier_document_get_pull_quotes (loaded) == NULL ||
                   dossier_document_get_pull_quotes (loaded)[0] == NULL);

    g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_footnotes (loaded)), ==, 2);
    first = footnote_at (loaded, 0);
    g_assert_cmpuint (dossier_footnote_get_number (first), ==, 1);
    g_assert_cmpstr (dossier_footnote_get_text (first), ==, "Harbour ledger, https://example.org/ledger.");
    g_assert_cmpstr (dossier_footnote_get_urls (first)[0], ==, "https://example.org/ledger");
    second = footnote_at (loaded, 1);
    g_assert_cmpuint (dossier_footnote_get_number (second), ==, 2);
    g_assert_cmpstr (dossier_footnote_get_text (second), ==, "Interview with a harbour pilot, March.");
    urls = dossier_footnote_get_urls (second);
    g_assert_cmpstr (urls[0], ==, "https://example.org/pilots");
    g_assert_cmpstr (urls[1], ==, "https://example.org/ledger-2");
    g_assert_null (urls[2]);
    /* The body's markers still point at both notes. */
    g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (loaded)), ==, 1);
    g_assert_cmpuint (count_hits (library, "tripled"), ==, 1);

    /* The plain metadata update leaves them alone. */
    dossier_document_set_title (loaded, "Winter Ferries, Revised");
    g_assert_true (dossier_library_update_metadata (library, loaded, &error));
    g_assert_no_error (error);
    g_clear_object (&loaded);
    loaded = dossier_library_load (library, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_document_get_key_points (loaded)[1], ==, "Crossings tripled");
  }
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) document = make_document ();
  g_autoptr(DossierDocument) loaded = NULL;
  g_autoptr(DossierDocument) edited = NULL;
  g_autoptr(DossierFootnote) stray = dossier_footnote_new (7, "A note the body never marks.");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *long_point = g_malloc (16 * 1024 + 2);
  const char *points[] = { "Crossings doubled", long_point, NULL };

  memset (long_point, 'k', 16 * 1024 + 1);
  long_point[16 * 1024 + 1] = '\0';

  id = dossier_library_add (library, document, &error);
  g_assert_no_error (error);
  loaded = dossier_library_load (library, id, &error);
  g_assert_no_error (error);

  edited = dossier_document_dup_metadata (loaded);
  dossier_document_set_title (edited, "Winter Ferries, Edited");
  dossier_document_set_key_points (edited, points);
  g_assert_false (dossier_library_update_details (library, edited, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "key point 2"));
  g_clear_error (&error);

  /* A footnote the article does not have is not added, and nothing of
   * the edit is stored: one transaction. */
  dossier_document_set_key_points (edited, NULL);
  dossier_document_add_footnote (edited, stray);
  g_assert_false (dossier_library_update_details (library, edited, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "footnote 7"));
  g_clear_error (&error);

  g_clear_object (&loaded);
  loaded = dossier_library_load (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (loaded), ==, "Winter Ferries");
  g_assert_cmpstr (dossier_document_get_key_points (loaded)[0], ==, "Crossings doubled");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_footnotes (loaded)), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/details/saved-searchable", Fixture, NULL, fixture_setup, test_saved_and_searchable,
              fixture_teardown);
  g_test_add ("/dossier/store/details/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  return g_test_run ();
}
