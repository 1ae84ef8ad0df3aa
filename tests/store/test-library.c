/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "store/dossier-library.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GError *error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "library.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          g_chmod (child, 0700);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A small but complete document written for these tests. */
static DossierDocument *
make_document (const char *title,
               const char *url,
               const char *body_word)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new ("Marta Quillfeather");
  g_autoptr(DossierAuthor) author2 = dossier_author_new ("Tobias Renk");
  g_autoptr(DossierParagraph) heading = dossier_paragraph_new ("Background");
  g_autofree char *text = NULL;
  g_autoptr(DossierParagraph) p1 = NULL;
  g_autoptr(DossierParagraph) p2 = NULL;
  g_autoptr(DossierFootnote) note = NULL;
  g_auto(GStrv) urls = NULL;
  const char *points[] = { "Grain corridors need monitoring", "Insurance caps matter", NULL };
  const char *quotes[] = { "A corridor is only as safe as its insurer.", NULL };

  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, "A test brief");
  dossier_document_set_publisher (document, "Institute for Testing");
  dossier_document_set_published (document, "2024-03-15");
  dossier_document_set_source_url (document, url);
  dossier_document_set_key_points (document, points);
  dossier_document_set_pull_quotes (document, quotes);

  dossier_author_set_position (author, "Senior fellow");
  dossier_author_set_affiliation (author, "Institute for Testing");
  dossier_author_set_bio (author, "Writes about maritime insurance.");
  dossier_document_add_author (document, author);
  dossier_document_add_author (document, author2);

  dossier_paragraph_set_kind (heading, DOSSIER_PARAGRAPH_HEADING);
  dossier_document_add_paragraph (document, heading);

  text = g_strdup_printf ("Shipping through the %s corridor resumed after insurers "
                          "returned, although premiums stayed high.", body_word);
  p1 = dossier_paragraph_new (text);
  dossier_paragraph_add_ref (p1, 1, 20);
  dossier_document_add_paragraph (document, p1);
  p2 = dossier_paragraph_new ("Ports in the region reported “steady” volumes — café owners too.");
  dossier_document_add_paragraph (document, p2);

  note = dossier_footnote_new (1, "Harbour Authority, Annual Report, https://example.org/report.pdf");
  urls = dossier_footnote_extract_urls (dossier_footnote_get_text (note));
  dossier_footnote_set_urls (note, (const char * const *) urls);
  dossier_document_add_footnote (document, note);

  return document;
}

static DossierLibrary *
open_ok (const char *path)
{
  GError *error = NULL;
  DossierLibrary *library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static void
test_add_load (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) document = make_document ("Black Sea Grain", "https://example.org/grain", "eastern");
  g_autoptr(DossierDocument) loaded = NULL;
  g_autoptr(DossierDocument) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  g_autofree char *exported = NULL;
  GListModel *documents;

  documents = dossier_library_get_documents (library);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_cmpstr (dossier_library_get_path (library), ==, fixture->path);

  json_before = dossier_document_to_json (document, NULL);
  id = dossier_library_add (library, document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpstr (dossier_document_get_id (document), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  /* The list item is lightweight: metadata and authors only. */
  item = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (dossier_document_get_id (item), ==, id);
  g_assert_cmpstr (dossier_document_get_title (item), ==, "Black Sea Grain");
  g_assert_cmpstr (dossier_document_get_published (item), ==, "2024-03-15");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (item)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (item)), ==, 0);

  loaded = dossier_library_load (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_id (loaded), ==, id);
  json_after = dossier_document_to_json (loaded, NULL);
  g_assert_cmpstr (json_after, ==, json_before);

  exported = dossier_library_dup_json (library, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, json_before);

  /* Reopening reads the same list back. */
  g_clear_object (&library);
  library = open_ok (fixture->path);
  documents = dossier_library_get_documents (library);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (dossier_document_get_id (item), ==, id);
  g_clear_pointer (&exported, g_free);
  exported = dossier_library_dup_json (library, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, json_before);

  g_assert_null (dossier_library_load (library, "no-such-id", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/add-load", Fixture, NULL, fixture_setup, test_add_load, fixture_teardown);

  return g_test_run ();
}
