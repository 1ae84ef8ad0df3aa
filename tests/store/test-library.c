/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "store/dossier-library.h"
/* For the count of tokens read to make snippets: the work a search did. */
#include "store/dossier-library-private.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;


/* Takes a library back to before version 5 (citation fields), for the
 * tests of migrations from older versions. */
#define UNDO_VERSION_5 \
  "ALTER TABLE documents DROP COLUMN item_type; ALTER TABLE documents DROP COLUMN container_title;" \
  " ALTER TABLE documents DROP COLUMN accessed; ALTER TABLE documents DROP COLUMN doi;" \
  " ALTER TABLE documents DROP COLUMN volume; ALTER TABLE documents DROP COLUMN issue;" \
  " ALTER TABLE documents DROP COLUMN pages; ALTER TABLE documents DROP COLUMN edition;" \
  " ALTER TABLE documents DROP COLUMN place; ALTER TABLE document_authors DROP COLUMN family;" \
  " ALTER TABLE document_authors DROP COLUMN given; ALTER TABLE document_authors DROP COLUMN particle;" \
  " ALTER TABLE document_authors DROP COLUMN suffix; ALTER TABLE document_authors DROP COLUMN organisation; "

/* Takes a library back to version 6 (before the read state), for the
 * tests that make an older one from a new one. */
#define UNDO_V7 "ALTER TABLE documents DROP COLUMN opened; "

/* Takes a library back to version 5 (before collections, tags and notes),
 * for the tests that make an older one from a new one. */
#define UNDO_V6 \
  "DROP TABLE collection_items; DROP TABLE collection_documents; DROP TABLE tags; DROP TABLE notes;" \
  " DROP TABLE collections;" \
  " CREATE VIRTUAL TABLE search_v4 USING fts5 (title, authors, key_points, body, footnotes," \
  "   tokenize = 'porter unicode61 remove_diacritics 2');" \
  " INSERT INTO search_v4 (rowid, title, authors, key_points, body, footnotes)" \
  "   SELECT rowid, title, authors, key_points, body, footnotes FROM search;" \
  " DROP TABLE search; ALTER TABLE search_v4 RENAME TO search;" \
  " INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 1.0, 0.5)'); "

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

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("Original", "https://www.example.org/a/", "eastern");
  g_autoptr(DossierDocument) same_url = make_document ("Other title", "http://example.org/a#top", "western");
  g_autoptr(DossierDocument) same_text = make_document ("Copy", NULL, "eastern");
  g_autoptr(DossierDocument) different = make_document ("Different", "https://example.org/b", "northern");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autoptr(DossierParagraph) p = NULL;

  id = dossier_library_add (library, a, &error);
  g_assert_no_error (error);

  g_assert_null (dossier_library_add (library, same_url, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Original"));
  g_clear_error (&error);

  /* Same words, different case and punctuation: still the same text. */
  p = g_list_model_get_item (dossier_document_get_paragraphs (same_text), 2);
  dossier_paragraph_set_text (p, "PORTS in the region reported \"steady\" volumes... cafe\u0301 owners, too!");
  g_assert_null (dossier_library_add (library, same_text, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_clear_error (&error);

  id2 = dossier_library_add (library, different, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 2);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
test_update_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("First", "https://example.org/1", "eastern");
  g_autoptr(DossierDocument) b = make_document ("Second", "https://example.org/2", "western");
  g_autoptr(DossierDocument) item = NULL;
  g_autoptr(DossierDocument) loaded = NULL;
  g_autoptr(DossierAuthor) author = dossier_author_new ("Ada Newname");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) by_author = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *json_a = NULL;
  g_autofree char *id_again = NULL;
  GListModel *documents;
  guint changes = 0;

  id_a = dossier_library_add (library, a, &error);
  g_assert_no_error (error);
  id_b = dossier_library_add (library, b, &error);
  g_assert_no_error (error);
  documents = dossier_library_get_documents (library);
  g_signal_connect (documents, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* Newest first. */
  item = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (dossier_document_get_id (item), ==, id_b);
  g_clear_object (&item);

  /* Edit the lightweight list object itself, as the app does. */
  item = g_list_model_get_item (documents, 1);
  g_assert_cmpstr (dossier_document_get_id (item), ==, id_a);
  dossier_document_set_title (item, "First, renamed");
  dossier_document_remove_all_authors (item);
  dossier_document_add_author (item, author);
  g_assert_true (dossier_library_update_metadata (library, item, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  loaded = dossier_library_load (library, id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (loaded), ==, "First, renamed");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (loaded)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (loaded)), ==, 1);

  results = dossier_library_search (library, "renamed", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = dossier_library_search (library, "Newname", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  by_author = dossier_library_find_by_author (library, "ada newname", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_author), ==, 1);
  g_clear_object (&by_author);
  by_author = dossier_library_find_by_author (library, "Tobias Renk", &error);
  g_assert_cmpuint (g_list_model_get_n_items (by_author), ==, 1);

  /* Moving to another document's address is refused. */
  dossier_document_set_source_url (item, "https://example.org/2");
  g_assert_false (dossier_library_update_metadata (library, item, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Remove (to the Trash), then restore. */
  g_clear_object (&loaded);
  loaded = dossier_library_load (library, id_a, &error);
  json_a = dossier_document_to_json (loaded, NULL);
  g_assert_true (dossier_library_remove (library, id_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_false (dossier_library_remove (library, id_a, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  results = dossier_library_search (library, "renamed", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Adding it again is refused: it is in the Trash. */
  id_again = dossier_library_add (library, loaded, &error);
  g_assert_null (id_again);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Trash"));
  g_clear_error (&error);
  g_assert_true (dossier_library_restore (library, id_a, &error));
  g_assert_no_error (error);
  /* A second restore finds nothing in the Trash. */
  g_assert_false (dossier_library_restore (library, id_a, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_signal_handlers_disconnect_by_func (documents, count_changes_cb, &changes);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_clear_object (&loaded);
  loaded = dossier_library_load (library, id_a, &error);
  {
    g_autofree char *json = dossier_document_to_json (loaded, NULL);
    g_assert_cmpstr (json, ==, json_a);
  }
}

/* A search result from a PDF's text carries the page its paragraph
 * starts on, whether its snippet was made with the search or later (past
 * the first results); a match elsewhere (the title, a paragraph without
 * a page) has none. */
static void
test_search_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n_with_page = 0;

  for (guint d = 0; d < 40; d++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/pdf/%u", d);
      g_autoptr(DossierDocument) document = make_document ("Grain and Insurance", url, "Danube");
      g_autofree char *title = g_strdup_printf ("Report %u", d);
      g_autofree char *survey = g_strdup_printf ("The wombat survey %u counted the ships at anchor.", d);
      g_autoptr(DossierParagraph) paged = dossier_paragraph_new (survey);
      g_autofree char *id = NULL;

      dossier_document_set_title (document, title);
      dossier_paragraph_set_page (paged, 12 + d);
      dossier_document_add_paragraph (document, paged);
      id = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
    }

  results = dossier_library_search (library, "wombat", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);
      const char *title = dossier_document_get_title (dossier_search_result_get_document (result));
      guint d = (guint) g_ascii_strtoull (title + strlen ("Report "), NULL, 10);

      g_assert_cmpuint (dossier_search_result_get_page (result), ==, 12 + d);
      g_assert_nonnull (strstr (dossier_search_result_get_snippet (result), "wombat"));
      g_assert_null (strstr (dossier_search_result_get_snippet (result), "\xee\x80\x82"));
      n_with_page++;
    }
  g_assert_cmpuint (n_with_page, ==, 40);
  g_clear_object (&results);

  /* In a paragraph without a page, and in the title. */
  results = dossier_library_search (library, "danube", 5, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);

      g_assert_cmpuint (dossier_search_result_get_page (result), ==, 0);
      g_assert_nonnull (strstr (dossier_search_result_get_snippet (result), "Danube"));
    }
  g_clear_object (&results);
  results = dossier_library_search (library, "\"Report 7\"", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  {
    g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, 0);

    g_assert_cmpuint (dossier_search_result_get_page (result), ==, 0);
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("Grain and Insurance", "https://example.org/1", "Danube");
  g_autoptr(DossierDocument) b = make_document ("Ports Under Pressure", "https://example.org/2", "Bosporus");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(DossierSearchResult) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  const char *hostile[] = { "\"", "AND", "OR OR", "NEAR(", "*", "a:b", "title:grain", "-x", "(((", "^",
                            "\"unbalanced phrase", "\xff\xfe broken utf8", "", "   ", NULL };
  DossierLibraryQuery query = { 0 };
  const char *snippet;

  dossier_document_set_publisher (b, "Harbour Watch");
  dossier_document_set_published (b, "2021-06-01");
  id_a = dossier_library_add (library, a, &error);
  g_assert_no_error (error);
  id_b = dossier_library_add (library, b, &error);
  g_assert_no_error (error);

  results = dossier_library_search (library, "danube", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (dossier_document_get_id (dossier_search_result_get_document (first)), ==, id_a);
  snippet = dossier_search_result_get_snippet (first);
  g_assert_nonnull (strstr (snippet, DOSSIER_SNIPPET_MARK_START "Danube" DOSSIER_SNIPPET_MARK_END));
  g_assert_cmpfloat (dossier_search_result_get_rank (first), <, 0);
  /* The result's document is the list's own object. */
  g_assert_true (dossier_search_result_get_document (first) ==
                 g_list_model_get_item (dossier_library_get_documents (library), 1));
  g_object_unref (dossier_search_result_get_document (first));
  g_clear_object (&first);
  g_clear_object (&results);

  /* Stemming, prefixes while typing, titles outrank bodies. */
  results = dossier_library_search (library, "insurer", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = dossier_library_search (library, "Bospo", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = dossier_library_search (library, "grain", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (dossier_document_get_id (dossier_search_result_get_document (first)), ==, id_a);
  g_clear_object (&first);
  g_clear_object (&results);

  /* Phrases, authors, footnotes, accents. */
  results = dossier_library_search (library, "\"premiums stayed high\"", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = dossier_library_search (library, "\"high premiums\"", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = dossier_library_search (library, "quillfeather", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = dossier_library_search (library, "harbour authority", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = dossier_library_search (library, "cafe", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = dossier_library_search (library, "grain", 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* Filters. */
  query.text = "insurers";
  query.publisher = "harbour";
  results = dossier_library_search_query (library, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  query.publisher = NULL;
  query.published_from = "2022-01-01";
  results = dossier_library_search_query (library, &query, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  query.published_from = NULL;
  query.published_to = "2022-01-01";
  query.text = NULL;
  results = dossier_library_search_query (library, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (dossier_document_get_id (dossier_search_result_get_document (first)), ==, id_b);
  g_assert_null (dossier_search_result_get_snippet (first));
  g_clear_object (&first);
  g_clear_object (&results);
  query.published_to = NULL;
  query.author = "renk";
  results = dossier_library_search_query (library, &query, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  query.author = "nobody";
  query.text = "grain";
  results = dossier_library_search_query (library, &query, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* A long paragraph: the snippet is a window around the matches, with
   * "…" where text was left out and every marker closed. */
  {
    g_autoptr(DossierDocument) c = make_document ("Long", "https://example.org/3", "Carpathian");
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(DossierParagraph) p = NULL;
    g_autofree char *id_c = NULL;
    guint starts = 0, ends = 0;

    for (guint i = 0; i < 60; i++)
      g_string_append_printf (text, "filler%u ", i);
    g_string_append (text, "the quarantined zebra convoy crossed ");
    for (guint i = 60; i < 120; i++)
      g_string_append_printf (text, "filler%u ", i);
    p = dossier_paragraph_new (text->str);
    dossier_document_add_paragraph (c, p);
    id_c = dossier_library_add (library, c, &error);
    g_assert_no_error (error);

    results = dossier_library_search (library, "\"zebra convoy\"", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    first = g_list_model_get_item (results, 0);
    snippet = dossier_search_result_get_snippet (first);
    g_test_message ("snippet: %s", snippet);
    g_assert_true (g_str_has_prefix (snippet, "…"));
    g_assert_true (g_str_has_suffix (snippet, "…"));
    g_assert_nonnull (strstr (snippet, DOSSIER_SNIPPET_MARK_START "zebra"));
    g_assert_nonnull (strstr (snippet, "convoy" DOSSIER_SNIPPET_MARK_END));
    for (const char *q = snippet; (q = strstr (q, DOSSIER_SNIPPET_MARK_START)) != NULL; q += 3)
      starts++;
    for (const char *q = snippet; (q = strstr (q, DOSSIER_SNIPPET_MARK_END)) != NULL; q += 3)
      ends++;
    g_assert_cmpuint (starts, ==, ends);
    g_assert_cmpuint (g_utf8_strlen (snippet, -1), <, 300);
    g_clear_object (&first);
    g_clear_object (&results);

    /* A match only in a footnote is shown from the footnote. */
    results = dossier_library_search (library, "harbour authority", 10, &error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
    first = g_list_model_get_item (results, 0);
    g_assert_nonnull (strstr (dossier_search_result_get_snippet (first), DOSSIER_SNIPPET_MARK_START "Harbour"));
    g_clear_object (&first);
    g_clear_object (&results);
  }

  /* Whatever is typed, no error and no crash. */
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      results = dossier_library_search (library, hostile[i], 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (results);
      g_clear_object (&results);
    }
  /* Random bytes and random FTS5 syntax: never an error. */
  {
    const char *pieces[] = { "\"", "*", "(", ")", ":", "^", "-", "+", "NEAR", "AND", "OR", "NOT",
                             "grain", "insur", "é", "북한", "\xff", " ", "{", "}", ",", "'", NULL };
    GRand *rand = g_rand_new_with_seed (42);

    for (guint i = 0; i < 500; i++)
      {
        g_autoptr(GString) q = g_string_new (NULL);
        guint n = g_rand_int_range (rand, 0, 12);

        for (guint j = 0; j < n; j++)
          g_string_append (q, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces) - 1)]);
        results = dossier_library_search (library, q->str, 5, &error);
        g_assert_no_error (error);
        g_assert_nonnull (results);
        g_clear_object (&results);
      }
    g_rand_free (rand);
  }
  {
    g_autofree char *long_query = g_strnfill (100000, 'a');
    results = dossier_library_search (library, long_query, 10, &error);
    g_assert_no_error (error);
    g_clear_object (&results);
  }
}

static DossierDocument *
make_korean_document (const char *title,
                      const char *text)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);
  g_autofree char *url = g_strdup_printf ("https://example.kr/%u", g_str_hash (title));

  dossier_document_set_title (document, title);
  dossier_document_set_source_url (document, url);
  dossier_document_add_paragraph (document, paragraph);
  return document;
}

static guint
count_results (DossierLibrary *library,
               const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = dossier_library_search (library, query, 50, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

/* A Korean word carries its particle in the same token ("북한은", "북한의"):
 * a one-word query found every form, since the last word is a prefix, but
 * in "북한 비핵화" the first word had to stand alone and found nothing. Every
 * Hangul word is a prefix now. (Sentences written for this test.) */
static void
test_search_hangul_words (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  const char *texts[][2] = {
    { "회담 결과", "북한은 비핵화를 끝내 거부했다고 정부가 밝혔다." },
    { "협상 전망", "북한의 비핵화 협상은 올해도 멈춰 있다." },
    { "미사일 시험", "북한이 동해로 미사일을 쏘았다." },
    { "장기 목표", "비핵화는 여전히 먼 목표로 남아 있다." },
    { "토론회", "북한과 비핵화에 관한 토론회가 서울에서 열렸다." },
    { "Grain talks", "Delegates discussed grain corridors and insurance." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierDocument) document = make_korean_document (texts[i][0], texts[i][1]);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = dossier_library_add (library, document, &error);

      g_assert_no_error (error);
    }

  g_assert_cmpuint (count_results (library, "북한"), ==, 4);
  g_assert_cmpuint (count_results (library, "비핵화"), ==, 4);
  g_assert_cmpuint (count_results (library, "북한 비핵화"), ==, 3);
  g_assert_cmpuint (count_results (library, "비핵화 북한"), ==, 3);
  g_assert_cmpuint (count_results (library, "북한 비핵화 토론회"), ==, 1);
  /* Other words keep their meaning: only the last is a prefix. */
  g_assert_cmpuint (count_results (library, "grain corr"), ==, 1);
  g_assert_cmpuint (count_results (library, "gra corridors"), ==, 0);
}

static void
test_lookups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("Grain and Insurance", "https://example.org/grain", "Danube");
  g_autoptr(DossierDocument) found = NULL;
  g_autoptr(GListModel) citing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = dossier_library_add (library, a, &error);
  g_assert_no_error (error);

  found = dossier_library_find_by_source_url (library, "http://www.example.org/grain/", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (dossier_document_get_id (found), ==, id);
  /* Complete, for quote checks. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (found)), ==, 3);
  g_clear_object (&found);

  g_assert_null (dossier_library_find_by_source_url (library, "https://example.org/other", &error));
  g_assert_no_error (error);

  found = dossier_library_find_by_title (library, "grain and insurance", "Quillfeather", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  found = dossier_library_find_by_title (library, "Grain and Insurance", NULL, &error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  /* As a memo quotes it: other quotation marks, punctuation, case, accents. */
  found = dossier_library_find_by_title (library, "“GRAIN and insurance.”", "QUILLFEATHER", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  found = dossier_library_find_by_title (library, "Gráin and Insurance", "Tobiás", &error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  g_assert_null (dossier_library_find_by_title (library, "Grain and Insurance, Part Two", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_library_find_by_title (library, "Grain and Insurance", "Someone Else", &error));
  g_assert_no_error (error);

  citing = dossier_library_find_citing_url (library, "https://example.org/report.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (citing), ==, 1);
}

static void
test_highlights_positions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("Grain", "https://example.org/grain", "Danube");
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 h1, h2;

  id = dossier_library_add (library, a, &error);
  g_assert_no_error (error);

  h2 = dossier_library_add_highlight (library, id, 2, 0, 5, "Ports", &error);
  g_assert_no_error (error);
  h1 = dossier_library_add_highlight (library, id, 1, 4, 12, "ping thr", &error);
  g_assert_no_error (error);
  g_assert_cmpint (h1, >, 0);
  g_assert_cmpint (h2, !=, h1);
  g_assert_true (dossier_library_set_highlight_note (library, h1, "check this", &error));
  g_assert_no_error (error);

  g_assert_cmpint (dossier_library_add_highlight (library, id, 1, 9, 3, "x", &error), ==, 0);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (dossier_library_add_highlight (library, "nope", 1, 0, 3, "x", &error), ==, 0);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&library);
  library = open_ok (fixture->path);

  highlights = dossier_library_list_highlights (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 2);
  h = g_list_model_get_item (highlights, 0);
  g_assert_cmpint (dossier_highlight_get_id (h), ==, h1);
  g_assert_cmpstr (dossier_highlight_get_document_id (h), ==, id);
  g_assert_cmpuint (dossier_highlight_get_paragraph (h), ==, 1);
  g_assert_cmpuint (dossier_highlight_get_start (h), ==, 4);
  g_assert_cmpuint (dossier_highlight_get_end (h), ==, 12);
  g_assert_cmpstr (dossier_highlight_get_text (h), ==, "ping thr");
  g_assert_cmpstr (dossier_highlight_get_note (h), ==, "check this");
  g_clear_object (&h);
  g_clear_object (&highlights);

  g_assert_true (dossier_library_remove_highlight (library, h1, &error));
  g_assert_false (dossier_library_remove_highlight (library, h1, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  highlights = dossier_library_list_highlights (library, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
  g_clear_object (&highlights);

  g_assert_cmpuint (dossier_library_get_reading_position (library, id), ==, 0);
  g_assert_true (dossier_library_set_reading_position (library, id, 7, &error));
  g_assert_true (dossier_library_set_reading_position (library, id, 2, &error));
  g_assert_true (dossier_library_set_reading_position (library, id, 2, &error));
  g_assert_no_error (error);
  g_clear_object (&library);
  library = open_ok (fixture->path);
  g_assert_cmpuint (dossier_library_get_reading_position (library, id), ==, 2);
  g_assert_cmpuint (dossier_library_get_reading_position (library, "nope"), ==, 0);

  /* Restoring from the Trash brings highlights and position back with the document. */
  {
    g_autoptr(DossierDocument) full = dossier_library_load (library, id, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_true (dossier_library_remove (library, id, &error));
    g_assert_null (dossier_library_list_highlights (library, id, &error));
    g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_true (dossier_library_restore (library, id, &error));
    g_assert_no_error (error);
    highlights = dossier_library_list_highlights (library, id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
    g_clear_object (&highlights);
    g_assert_cmpuint (dossier_library_get_reading_position (library, id), ==, 2);

    /* Deleted for good with the Trash: adding it again starts afresh. */
    g_assert_true (dossier_library_remove (library, id, &error));
    g_assert_true (dossier_library_empty_trash (library, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&library);
    library = open_ok (fixture->path);
    again = dossier_library_add (library, full, &error);
    g_assert_no_error (error);
    highlights = dossier_library_list_highlights (library, id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 0);
    g_assert_cmpuint (dossier_library_get_reading_position (library, id), ==, 0);
  }
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_begin_batch (library, &error));
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Brief %u", i);
      g_autofree char *url = g_strdup_printf ("https://example.org/%u", i % 10);
      g_autofree char *word = g_strdup_printf ("word%u", i % 10);
      g_autoptr(DossierDocument) d = make_document (title, url, word);
      g_autofree char *id = dossier_library_add (library, d, &error);

      /* The second ten are duplicates; they fail alone. */
      if (i < 10)
        g_assert_no_error (error);
      else
        g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE);
      g_clear_error (&error);
    }
  g_assert_true (dossier_library_end_batch (library, &error));
  g_assert_no_error (error);
  g_clear_object (&library);

  library = open_ok (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 10);
}

static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  const char *samples[] = { "closing-the-sanctions-gap.txt", "talking-before-it-is-too-late.txt",
                            "hanbando-dangyejeok-jeopgeun.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "samples",
                                                samples[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = NULL;
      g_autofree char *json = NULL;
      g_autofree char *exported = NULL;
      g_autofree char *id = NULL;

      if (!g_file_query_exists (file, NULL))
        continue;
      document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
      g_assert_no_error (error);
      json = dossier_document_to_json (document, NULL);
      id = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
      exported = dossier_library_dup_json (library, id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (exported, ==, json);
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  library = dossier_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  /* One line, for the CLI and a dialog alike. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("refused: %s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
make_library_with_documents (const char *path,
                             guint       n)
{
  g_autoptr(DossierLibrary) library = open_ok (path);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Brief %u", i);
      g_autofree char *url = g_strdup_printf ("https://example.org/%u", i);
      g_autofree char *word = g_strdup_printf ("word%u", i);
      g_autoptr(DossierDocument) d = make_document (title, url, word);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = dossier_library_add (library, d, &error);

      g_assert_no_error (error);
    }
}

static void
test_safety_garbage (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *moved_to = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (garbage, "This is not a database, it is a shopping list. ");
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fixture->path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);

  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_CORRUPT);

  /* Short garbage too. */
  g_file_set_contents (fixture->path, "SQLite", 6, &error);
  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_CORRUPT);
  g_file_set_contents (fixture->path, garbage->str, garbage->len, &error);

  /* What the app offers: keep the file, start afresh beside it. */
  library = dossier_library_open_fresh_beside (fixture->path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, fixture->path));
  moved = read_bytes (moved_to);
  g_assert_cmpuint (g_bytes_get_size (moved), ==, garbage->len);
  g_assert_cmpmem (g_bytes_get_data (moved, NULL), garbage->len, garbage->str, garbage->len);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 0);
}

static void
test_safety_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  make_library_with_documents (fixture->path, 40);
  whole = read_bytes (fixture->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 8192);

  /* Half the file. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), size / 2, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_CORRUPT);

  /* Only part of the header. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), 50, &error);
  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_CORRUPT);

  /* The intact file still opens. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), size, &error);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 40);
  }
}

static void
test_safety_damaged_pages (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  guint8 *copy;
  gsize size;

  make_library_with_documents (fixture->path, 40);
  whole = read_bytes (fixture->path);
  size = g_bytes_get_size (whole);
  copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);
  /* Scribble over everything after the first page. */
  for (gsize i = 4096; i < size; i++)
    copy[i] = (guint8) (i * 7);
  g_file_set_contents (fixture->path, (char *) copy, size, &error);
  g_free (copy);
  g_assert_no_error (error);

  /* Either refused as damaged, or every later call reports errors: never a crash. */
  library = dossier_library_open (fixture->path, &error);
  if (library == NULL)
    {
      g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("refused: %s", error->message);
    }
  else
    {
      g_autoptr(GListModel) results = dossier_library_search (library, "word1", 10, &error);

      if (error != NULL)
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }
}

static void
test_safety_foreign_and_new (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  sqlite3 *db = NULL;

  /* Another program's SQLite database. */
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_CORRUPT);
  g_unlink (fixture->path);

  /* A library from a newer Dossier. */
  make_library_with_documents (fixture->path, 2);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (fixture->path, DOSSIER_LIBRARY_ERROR_TOO_NEW);
  g_unlink (fixture->path);

  /* An empty file has nothing to lose: it becomes a library. */
  g_file_set_contents (fixture->path, "", 0, NULL);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  }
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  }
}

static void
test_safety_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *file_as_dir = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file_as_dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;

  /* A folder that cannot be created. */
  g_file_set_contents (file_as_dir, "x", 1, NULL);
  library = dossier_library_open (under_file, &error);
  g_assert_null (library);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);

  /* A directory in place of the file. */
  g_mkdir_with_parents (fixture->path, 0700);
  library = dossier_library_open (fixture->path, &error);
  g_assert_null (library);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_rmdir (fixture->path);

  /* A read-only folder or file is read, not refused: see /dossier/store/read-only. */
}

static void
test_safety_crash (Fixture       *fixture,
                   gconstpointer  data)
{
  pid_t pid;
  int status = 0;

  make_library_with_documents (fixture->path, 3);

  /* A process dies in the middle of a batch import: what was committed
   * before stays, nothing of the batch appears, the library opens. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      DossierLibrary *library = dossier_library_open (fixture->path, NULL);

      if (library == NULL || !dossier_library_begin_batch (library, NULL))
        _exit (3);
      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *title = g_strdup_printf ("Doomed %u", i);
          g_autofree char *url = g_strdup_printf ("https://example.org/doomed/%u", i);
          g_autofree char *word = g_strdup_printf ("doomed%u", i);
          g_autoptr(DossierDocument) d = make_document (title, url, word);
          g_autofree char *id = dossier_library_add (library, d, NULL);
        }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GListModel) results = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 3);
    results = dossier_library_search (library, "doomed1", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
}

static void
open_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierLibrary **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_library_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async_and_schema (Fixture       *fixture,
                            gconstpointer  data)
{
  DossierLibrary *library = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  make_library_with_documents (fixture->path, 4);

  dossier_library_open_async (fixture->path, NULL, open_async_cb, &library);
  while (library == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 4);
  g_object_unref (library);

  /* The schema version, the application id, WAL. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT application_id FROM pragma_application_id),"
                                           " (SELECT journal_mode FROM pragma_journal_mode)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0x444f5353);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_safety_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  GStatBuf st;
  pid_t pid;
  int status = 0;

  make_library_with_documents (fixture->path, 3);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);

  /* The child may not write any file past this size: as good as a full
   * disk for SQLite, and no privileges needed. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { st.st_size + 65536, st.st_size + 65536 };
      g_autoptr(DossierLibrary) library = NULL;
      g_autoptr(DossierDocument) big = make_document ("Too big", "https://example.org/big", "huge");
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (4);
      library = dossier_library_open (fixture->path, NULL);
      if (library == NULL)
        _exit (3);
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *text = g_strdup_printf ("Paragraph %u:", i);
          g_autoptr(GString) filler = g_string_new (text);
          g_autoptr(DossierParagraph) p = NULL;

          for (guint j = 0; j < 40; j++)
            g_string_append_printf (filler, " word%u-%u", i, j);
          p = dossier_paragraph_new (filler->str);
          dossier_document_add_paragraph (big, p);
        }
      id = dossier_library_add (library, big, &error);
      if (id != NULL)
        _exit (5);
      if (!g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED))
        _exit (6);
      /* The list is unchanged. */
      if (g_list_model_get_n_items (dossier_library_get_documents (library)) != 3)
        _exit (7);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GListModel) results = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 3);
    results = dossier_library_search (library, "word1", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  }

  /* The same inside a batch: the batch fails as a whole, nothing of it is stored. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { st.st_size + 65536, st.st_size + 65536 };
      g_autoptr(DossierLibrary) library = NULL;
      g_autoptr(DossierDocument) small = make_document ("Small", "https://example.org/small", "tiny");
      g_autoptr(DossierDocument) big = make_document ("Too big", "https://example.org/big", "huge");
      g_autofree char *id_small = NULL;
      g_autofree char *id_big = NULL;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (4);
      library = dossier_library_open (fixture->path, NULL);
      if (library == NULL || !dossier_library_begin_batch (library, NULL))
        _exit (3);
      for (guint i = 0; i < 3000; i++)
        {
          g_autoptr(GString) filler = g_string_new (NULL);
          g_autoptr(DossierParagraph) p = NULL;

          for (guint j = 0; j < 40; j++)
            g_string_append_printf (filler, " batchword%u-%u", i, j);
          p = dossier_paragraph_new (filler->str);
          dossier_document_add_paragraph (big, p);
        }
      id_small = dossier_library_add (library, small, NULL);
      if (id_small == NULL)
        _exit (5);
      id_big = dossier_library_add (library, big, NULL);
      if (dossier_library_end_batch (library, NULL))
        _exit (6);
      if (g_list_model_get_n_items (dossier_library_get_documents (library)) != 3)
        _exit (7);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 3);
  }
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierLibrary) app = NULL;
  g_autoptr(DossierLibrary) cli = NULL;
  g_autoptr(DossierDocument) a = make_document ("First", "https://example.org/1", "eastern");
  g_autoptr(DossierDocument) b = make_document ("Second", "https://example.org/2", "western");
  g_autoptr(DossierDocument) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  GListModel *documents;

  app = open_ok (fixture->path);
  id_a = dossier_library_add (app, a, &error);
  g_assert_no_error (error);
  documents = dossier_library_get_documents (app);
  kept = g_object_ref (dossier_library_get_document (app, id_a));
  g_assert_null (dossier_library_get_document (app, "nope"));

  /* Nothing changed: nothing happens. */
  g_assert_true (dossier_library_refresh (app, &error));
  g_assert_true (g_list_model_get_item (documents, 0) == kept);
  g_object_unref (kept);

  /* Another program adds one and renames the first. */
  cli = open_ok (fixture->path);
  id_b = dossier_library_add (cli, b, &error);
  g_assert_no_error (error);
  dossier_document_set_title (dossier_library_get_document (cli, id_a), "First, renamed elsewhere");
  g_assert_true (dossier_library_update_metadata (cli, dossier_library_get_document (cli, id_a), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_true (dossier_library_refresh (app, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  /* The same object, updated in place. */
  g_assert_true (dossier_library_get_document (app, id_a) == kept);
  g_assert_cmpstr (dossier_document_get_title (kept), ==, "First, renamed elsewhere");
  g_assert_nonnull (dossier_library_get_document (app, id_b));
}

static void
test_lazy_snippets (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *via_property = NULL;

  g_assert_true (dossier_library_begin_batch (library, &error));
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *title = g_strdup_printf ("Brief %u", i);
      g_autofree char *url = g_strdup_printf ("https://example.org/%u", i);
      g_autofree char *word = g_strdup_printf ("word%u", i);
      g_autoptr(DossierDocument) d = make_document (title, url, word);
      g_autofree char *id = dossier_library_add (library, d, &error);

      g_assert_no_error (error);
    }
  g_assert_true (dossier_library_end_batch (library, &error));

  /* Every result has its snippet, made now or when first asked for. */
  results = dossier_library_search (library, "premiums", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 45);
  for (guint i = 0; i < 45; i++)
    {
      g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);
      const char *snippet = dossier_search_result_get_snippet (result);

      g_assert_nonnull (snippet);
      g_assert_nonnull (strstr (snippet, DOSSIER_SNIPPET_MARK_START "premiums" DOSSIER_SNIPPET_MARK_END));
      /* Asked again: the same string. */
      g_assert_true (dossier_search_result_get_snippet (result) == snippet);
    }
  g_clear_object (&results);

  results = dossier_library_search (library, "premiums", 100, &error);
  {
    g_autoptr(DossierSearchResult) late = g_list_model_get_item (results, 40);
    g_autoptr(DossierSearchResult) later = g_list_model_get_item (results, 41);

    g_object_get (late, "snippet", &via_property, NULL);
    g_assert_nonnull (strstr (via_property, "premiums"));

    /* Without the library there is no snippet to make, and no crash. */
    g_clear_object (&library);
    g_assert_null (dossier_search_result_get_snippet (later));
  }
}

static void
test_concurrent_create (Fixture       *fixture,
                        gconstpointer  data)
{
  /* The app and the CLI starting at once on a new library: both open it. */
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/race-%u/library.db", fixture->dir, round);
      int status = 0;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          DossierLibrary *library = dossier_library_open (path, NULL);
          _exit (library != NULL ? 0 : 1);
        }
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DossierLibrary) library = dossier_library_open (path, &error);

        g_assert_no_error (error);
        g_assert_nonnull (library);
      }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
}

/* Block quotations keep their kind and attribution; a version 1 library
 * (before attributions) is brought up to date and still reads. */
static void
test_quotes_and_migration (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DossierDocument) document = make_document ("Harbor Speech", "https://example.org/harbor", "northern");
  g_autoptr(DossierParagraph) quote = dossier_paragraph_new ("We will inspect the right vessels.");
  g_autoptr(DossierDocument) loaded = NULL;
  g_autoptr(DossierParagraph) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  sqlite3 *db = NULL;

  /* A version 1 library: no attribution column yet. */
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) old = make_document ("Older Brief", "https://example.org/older", "southern");

    old_id = dossier_library_add (library, old, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, UNDO_V7 UNDO_V6 UNDO_VERSION_5 "ALTER TABLE paragraphs DROP COLUMN page; ALTER TABLE paragraphs DROP COLUMN page_label;"
                                 " ALTER TABLE paragraphs DROP COLUMN page_breaks; ALTER TABLE paragraphs DROP COLUMN attribution;"
                                 " DROP INDEX documents_trashed;"
                                 " ALTER TABLE documents DROP COLUMN trashed; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) old = dossier_library_load (library, old_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (old)), ==, 3);

    dossier_paragraph_set_kind (quote, DOSSIER_PARAGRAPH_QUOTE);
    dossier_paragraph_set_attribution (quote, "Ilse Varga, Minister");
    dossier_document_add_paragraph (document, quote);
    json_before = dossier_document_to_json (document, NULL);
    id = dossier_library_add (library, document, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    loaded = dossier_library_load (library, id, &error);
    g_assert_no_error (error);
  }
  json_after = dossier_document_to_json (loaded, NULL);
  g_assert_cmpstr (json_after, ==, json_before);
  read = g_list_model_get_item (dossier_document_get_paragraphs (loaded), 3);
  g_assert_cmpint (dossier_paragraph_get_kind (read), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_cmpstr (dossier_paragraph_get_attribution (read), ==, "Ilse Varga, Minister");
}

/* Runs @func (@path) in a child process and waits at most @seconds for it
 * to succeed, so that a test of something that must not block fails
 * instead of hanging. With @as_nobody, a child of root drops to the
 * "nobody" user first, so that file permissions apply to it. */
static gboolean
run_in_child (void      (*func) (const char *path),
              const char *path,
              gboolean    as_nobody,
              guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (as_nobody && getuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
        _exit (77);
      func (path);
      _exit (0);
    }

  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          g_test_message ("the child did not finish in %u s", seconds);
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_test_skip ("could not drop root privileges");
  return WIFEXITED (status) && (WEXITSTATUS (status) == 0 || WEXITSTATUS (status) == 77);
}

/* Another program in the middle of a change: a write transaction held
 * open, with a row not yet committed. */
static sqlite3 *
hold_write_transaction (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO authors (name) VALUES ('Uncommitted Writer')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* What reading a library of three documents made by
 * make_library_with_documents() needs: open, list, search, load, export. */
static void
read_three_documents (DossierLibrary *library)
{
  GListModel *documents = dossier_library_get_documents (library);
  g_autoptr(DossierDocument) first = g_list_model_get_item (documents, 0);
  g_autoptr(DossierDocument) full = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  results = dossier_library_search (library, "word1", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  full = dossier_library_load (library, dossier_document_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (full)), ==, 3);
  json = dossier_library_dup_json (library, dossier_document_get_id (first), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "dossier-document"));
}

static void
open_and_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (path, &error);
  g_autoptr(DossierLibrary) reader = NULL;

  g_assert_no_error (error);
  g_assert_false (dossier_library_is_read_only (library));
  read_three_documents (library);

  reader = dossier_library_open_with_flags (path, DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  read_three_documents (reader);
}

/* Opening, listing, searching and reading never wait for another program
 * that is writing the library (an import under way): the app's start and
 * `library list` waited for it, or gave up after seconds. */
static void
test_readers_never_wait (Fixture       *fixture,
                         gconstpointer  data)
{
  sqlite3 *writer;

  make_library_with_documents (fixture->path, 3);
  writer = hold_write_transaction (fixture->path);

  /* The library waits up to 5 s for a lock; reading must take none. */
  g_assert_true (run_in_child (open_and_read, fixture->path, FALSE, 4));

  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
}

static void
assert_read_only_error (GError     *error,
                        const char *path)
{
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
}

/* Every change to a read-only library fails with READ_ONLY, saying so. */
static void
assert_changes_refused (DossierLibrary *library,
                        const char     *path)
{
  GListModel *documents = dossier_library_get_documents (library);
  g_autoptr(DossierDocument) first = g_list_model_get_item (documents, 0);
  const char *id = dossier_document_get_id (first);
  g_autoptr(DossierDocument) extra = make_document ("Extra", "https://example.org/extra", "extra");
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;

  g_assert_true (dossier_library_is_read_only (library));

  added = dossier_library_add (library, extra, &error);
  g_assert_null (added);
  assert_read_only_error (error, path);
  g_clear_error (&error);
  g_assert_false (dossier_library_remove (library, id, &error));
  assert_read_only_error (error, path);
  g_clear_error (&error);
  dossier_document_set_title (first, "Renamed");
  g_assert_false (dossier_library_update_metadata (library, first, &error));
  assert_read_only_error (error, path);
  g_clear_error (&error);
  g_assert_cmpint (dossier_library_add_highlight (library, id, 1, 0, 4, "Ship", &error), ==, 0);
  assert_read_only_error (error, path);
  g_clear_error (&error);
  g_assert_false (dossier_library_set_reading_position (library, id, 2, &error));
  assert_read_only_error (error, path);
  g_clear_error (&error);
  g_assert_false (dossier_library_begin_batch (library, &error));
  assert_read_only_error (error, path);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
}

static void
open_read_only_folder (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  read_three_documents (library);
  assert_changes_refused (library, path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
open_read_only_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  read_three_documents (library);
  assert_changes_refused (library, path);
}

/* A library that may not be written is listed, searched and exported,
 * and every change is refused with a clear error: whether it was opened
 * read-only on purpose (what `library list` does), or its folder or file
 * is read-only (checked as the "nobody" user when the tests run as root,
 * to whom permissions do not apply). Nothing in the file changes. */
static char *
describe_document (DossierDocument *document)
{
  g_autofree char *authors = dossier_document_dup_author_names (document);

  return g_strdup_printf ("%s|%s|%s|%s|%s", dossier_document_get_id (document),
                          dossier_document_get_title (document), dossier_document_get_published (document),
                          dossier_document_get_publisher (document), authors);
}

static gboolean
describe_each (DossierDocument *document,
               gpointer         user_data)
{
  g_ptr_array_add (user_data, describe_document (document));
  return TRUE;
}

/* A library opened lazily (what `dossier-cli library search`, `list` and
 * `export` do) gives the same answers without reading the list of every
 * document: searching, resolving an id, exporting one and walking the list
 * once read only what they return. */
static void
test_lazy_open (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierLibrary) full = NULL;
  g_autoptr(DossierLibrary) lazy = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) walked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(DossierSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trashed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *json_full = NULL;
  g_autofree char *json_lazy = NULL;
  g_autofree char *described = NULL;
  GListModel *documents;

  make_library_with_documents (fixture->path, 4);
  full = open_ok (fixture->path);
  documents = dossier_library_get_documents (full);
  {
    g_autoptr(DossierDocument) last = g_list_model_get_item (documents, 3);

    trashed = g_strdup (dossier_document_get_id (last));
  }
  g_assert_true (dossier_library_remove (full, trashed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

      g_ptr_array_add (expected, describe_document (document));
    }

  lazy = dossier_library_open_with_flags (fixture->path, DOSSIER_LIBRARY_OPEN_READ_ONLY | DOSSIER_LIBRARY_OPEN_LAZY,
                                          &error);
  g_assert_no_error (error);

  results = dossier_library_search (lazy, "word1", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  described = describe_document (dossier_search_result_get_document (result));
  /* Newest first: Brief 3, Brief 2, Brief 1 (Brief 0 is in the Trash). */
  g_assert_cmpstr (described, ==, g_ptr_array_index (expected, 2));
  g_assert_nonnull (strstr (dossier_search_result_get_snippet (result), DOSSIER_SNIPPET_MARK_START "word1"));

  id = g_strdup (dossier_document_get_id (dossier_search_result_get_document (result)));
  prefix = g_strndup (id, 6);
  g_clear_pointer (&id, g_free);
  id = dossier_library_resolve_id (lazy, prefix, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (expected, 2), id));
  g_assert_null (dossier_library_resolve_id (lazy, "abc", &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* In the Trash: not found, as with the list read. */
  g_assert_null (dossier_library_resolve_id (lazy, trashed, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  json_full = dossier_library_dup_json (full, id, NULL, &error);
  g_assert_no_error (error);
  json_lazy = dossier_library_dup_json (lazy, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_lazy, ==, json_full);
  g_assert_null (dossier_library_dup_json (lazy, trashed, NULL, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dossier_library_foreach_document (lazy, describe_each, walked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (walked->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (walked, i), ==, g_ptr_array_index (expected, i));

  /* None of that read the list; asking for it does. */
  g_assert_false (lazy->list_loaded);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (lazy)), ==, 3);
  g_assert_true (lazy->list_loaded);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_trash (lazy)), ==, 1);

  /* With the list read, the walk gives the list's own objects. */
  g_ptr_array_set_size (walked, 0);
  g_assert_true (dossier_library_foreach_document (full, describe_each, walked, &error));
  g_assert_cmpuint (walked->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (walked, i), ==, g_ptr_array_index (expected, i));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  make_library_with_documents (fixture->path, 3);
  before = read_bytes (fixture->path);

  /* Opened read-only on purpose. */
  {
    g_autoptr(DossierLibrary) library = dossier_library_open_with_flags (fixture->path,
                                                                         DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    read_three_documents (library);
    assert_changes_refused (library, fixture->path);
  }
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* A read-only folder, and a read-only file in a writable one. */
  g_chmod (fixture->dir, 0755);
  g_chmod (dir, 0555);
  g_chmod (fixture->path, 0444);
  g_assert_true (run_in_child (open_read_only_folder, fixture->path, TRUE, 60));
  g_chmod (dir, 0777);
  g_assert_true (run_in_child (open_read_only_file, fixture->path, TRUE, 60));
  g_chmod (dir, 0700);
  g_chmod (fixture->path, 0600);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* Reading cannot bring a library from an older Dossier up to date. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, UNDO_V7 UNDO_V6 UNDO_VERSION_5 "ALTER TABLE paragraphs DROP COLUMN page; ALTER TABLE paragraphs DROP COLUMN page_label;"
                                 " ALTER TABLE paragraphs DROP COLUMN page_breaks; ALTER TABLE paragraphs DROP COLUMN attribution;"
                                 " DROP INDEX documents_trashed;"
                                 " ALTER TABLE documents DROP COLUMN trashed; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autoptr(DossierLibrary) library = dossier_library_open_with_flags (fixture->path,
                                                                         DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
    g_assert_null (library);
    assert_read_only_error (error, fixture->path);
    g_test_message ("refused: %s", error->message);
    g_clear_error (&error);
  }
}

/* One document of @n short paragraphs, each of which matches "keeper";
 * @needle, when given, only in the last. */
static DossierDocument *
make_logbook (guint       n,
              const char *needle)
{
  DossierDocument *document = dossier_document_new ();
  g_autofree char *url = g_strdup_printf ("https://example.org/logbook/%u/%s", n, needle ? needle : "");

  dossier_document_set_title (document, "Lighthouse Logbook");
  dossier_document_set_source_url (document, url);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Lamp %u lit at dusk by the keeper%s%s.", i,
                                               needle && i == n - 1 ? " and the " : "",
                                               needle && i == n - 1 ? needle : "");
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

      dossier_document_add_paragraph (document, paragraph);
    }
  return document;
}

static const char *
search_one (DossierLibrary *library,
            const char     *query,
            GListModel    **results)
{
  g_autoptr(DossierSearchResult) first = NULL;
  g_autoptr(GError) error = NULL;

  *results = dossier_library_search (library, query, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (*results), ==, 1);
  first = g_list_model_get_item (*results, 0);
  return dossier_search_result_get_snippet (first);
}

/* A search that finds a document with 100,000 short matching paragraphs
 * took 6.3 s (FTS5's highlight() over the whole body costs the square of
 * its matches). A snippet now reads a bounded window around the first
 * matches: the tokens it reads do not grow with the matches. */
static void
test_snippet_many_matches (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) logbook = make_logbook (100000, NULL);
  g_autoptr(DossierDocument) small = make_logbook (10, "lantern");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *small_id = NULL;
  const char *snippet;
  guint64 tokens;
  gint64 start, elapsed;

  id = dossier_library_add (library, logbook, &error);
  g_assert_no_error (error);

  tokens = _dossier_library_get_snippet_tokens (library);
  start = g_get_monotonic_time ();
  snippet = search_one (library, "keeper", &results);
  elapsed = g_get_monotonic_time () - start;
  tokens = _dossier_library_get_snippet_tokens (library) - tokens;
  g_test_message ("%.3f s, %" G_GUINT64_FORMAT " tokens read, snippet: %s", elapsed / 1e6, tokens, snippet);
  g_assert_cmpstr (snippet, ==, "Lamp 0 lit at dusk by the " DOSSIER_SNIPPET_MARK_START "keeper" DOSSIER_SNIPPET_MARK_END ".");
  /* The window and what is needed to choose it (the paragraphs of the
   * first 64 matches and 24 words after them), not the document's
   * 800,000 tokens. */
  g_assert_cmpuint (tokens, <, 2000);
  /* Generous: the same search took 6.3 s with highlight() (bench/RESULTS.md). */
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
  g_clear_object (&results);

  /* Two words, with a filter (the snippet is made after the query). */
  tokens = _dossier_library_get_snippet_tokens (library);
  {
    DossierLibraryQuery query = { .text = "keeper dusk", .author = NULL, .publisher = NULL,
                                  .published_from = NULL, .published_to = "2100-01-01", .limit = 5 };
    g_autoptr(DossierSearchResult) first = NULL;

    dossier_document_set_published (dossier_library_get_document (library, id), "2024-01-01");
    g_assert_true (dossier_library_update_metadata (library, dossier_library_get_document (library, id), &error));
    g_assert_no_error (error);
    results = dossier_library_search_query (library, &query, &error);
    g_assert_no_error (error);
    first = g_list_model_get_item (results, 0);
    snippet = dossier_search_result_get_snippet (first);
    g_assert_cmpstr (snippet, ==, "Lamp 0 lit at " DOSSIER_SNIPPET_MARK_START "dusk" DOSSIER_SNIPPET_MARK_END
                     " by the " DOSSIER_SNIPPET_MARK_START "keeper" DOSSIER_SNIPPET_MARK_END ".");
  }
  g_assert_cmpuint (_dossier_library_get_snippet_tokens (library) - tokens, <, 2000);
  g_clear_object (&results);

  /* A match only at the end is found there, after the text before it was
   * read once (linear, not quadratic); the window is still its paragraph. */
  small_id = dossier_library_add (library, small, &error);
  g_assert_no_error (error);
  snippet = search_one (library, "lantern", &results);
  g_assert_cmpstr (snippet, ==, "Lamp 9 lit at dusk by the keeper and the "
                   DOSSIER_SNIPPET_MARK_START "lantern" DOSSIER_SNIPPET_MARK_END ".");
  g_clear_object (&results);
}

static gint64
count_rows (const char *path,
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
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
search_count (DossierLibrary *library,
              const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = dossier_library_search (library, query, 10, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

/* A removed document goes to the Trash with its highlights, notes and
 * reading position, out of the list, the search and every lookup; it is
 * restored with all of them, and deleted for good only by emptying the
 * Trash or after DOSSIER_LIBRARY_TRASH_DAYS. */
static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierLibrary) library = open_ok (fixture->path);
  g_autoptr(DossierDocument) a = make_document ("Alpha Brief", "https://example.org/alpha", "alphaword");
  g_autoptr(DossierDocument) b = make_document ("Beta Brief", "https://example.org/beta", "betaword");
  g_autoptr(DossierDocument) c = make_document ("Gamma Brief", "https://example.org/gamma", "gammaword");
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(DossierDocument) none = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *id_c = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *resolved = NULL;
  GListModel *documents, *trash;
  gint64 highlight, now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = 0;

  id_a = dossier_library_add (library, a, &error);
  id_b = dossier_library_add (library, b, &error);
  id_c = dossier_library_add (library, c, &error);
  g_assert_no_error (error);
  highlight = dossier_library_add_highlight (library, id_a, 1, 0, 8, "Shipping", &error);
  g_assert_true (dossier_library_set_highlight_note (library, highlight, "ask the insurer", &error));
  g_assert_true (dossier_library_set_reading_position (library, id_a, 2, &error));
  g_assert_no_error (error);
  documents = dossier_library_get_documents (library);
  trash = dossier_library_get_trash (library);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);

  g_assert_true (dossier_library_remove (library, id_a, &error));
  g_assert_no_error (error);

  /* In the Trash… */
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  {
    g_autoptr(DossierTrashItem) item = g_list_model_get_item (trash, 0);
    DossierDocument *document = dossier_trash_item_get_document (item);

    g_assert_cmpstr (dossier_document_get_id (document), ==, id_a);
    g_assert_cmpstr (dossier_document_get_title (document), ==, "Alpha Brief");
    g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 2);
    g_assert_cmpint (dossier_trash_item_get_trashed (item), >=, now);
    g_assert_cmpint (dossier_trash_item_get_expires (item) - dossier_trash_item_get_trashed (item), ==,
                     30 * 24 * 60 * 60);
  }
  prefix = g_strndup (id_a, 6);
  resolved = dossier_library_resolve_trashed_id (library, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, id_a);

  /* …and nowhere else. */
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_assert_null (dossier_library_get_document (library, id_a));
  g_assert_null (dossier_library_resolve_id (library, prefix, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_library_load (library, id_a, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (search_count (library, "alphaword"), ==, 0);
  g_assert_cmpuint (search_count (library, "brief"), ==, 2);
  none = dossier_library_find_by_source_url (library, "https://example.org/alpha", &error);
  g_assert_no_error (error);
  g_assert_null (none);
  none = dossier_library_find_by_title (library, "Alpha Brief", NULL, &error);
  g_assert_null (none);
  found = dossier_library_find_by_author (library, "Marta Quillfeather", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  found = dossier_library_find_citing_url (library, "https://example.org/report.pdf", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  {
    DossierLibraryQuery query = { .publisher = "testing" };

    found = dossier_library_search_query (library, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
    g_clear_object (&found);
  }

  /* The Trash is kept in the file. */
  g_clear_object (&library);
  library = open_ok (fixture->path);
  documents = dossier_library_get_documents (library);
  trash = dossier_library_get_trash (library);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  /* What another program moves to the Trash shows after a refresh. */
  {
    g_autoptr(DossierLibrary) other = open_ok (fixture->path);

    g_assert_true (dossier_library_remove (other, id_c, &error));
    g_assert_true (dossier_library_refresh (library, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
    g_assert_true (dossier_library_restore (other, id_c, &error));
    g_assert_true (dossier_library_refresh (library, &error));
    g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  }

  /* Restored with everything, where it was in the list (oldest: last). */
  g_assert_true (dossier_library_restore (library, id_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  {
    g_autoptr(DossierDocument) last = g_list_model_get_item (documents, 2);

    g_assert_cmpstr (dossier_document_get_id (last), ==, id_a);
    g_assert_true (dossier_library_get_document (library, id_a) == last);
  }
  highlights = dossier_library_list_highlights (library, id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
  h = g_list_model_get_item (highlights, 0);
  g_assert_cmpstr (dossier_highlight_get_note (h), ==, "ask the insurer");
  g_clear_object (&highlights);
  g_assert_cmpuint (dossier_library_get_reading_position (library, id_a), ==, 2);
  g_assert_cmpuint (search_count (library, "alphaword"), ==, 1);

  /* Emptied: gone for good, with what hung off them. */
  g_assert_true (dossier_library_remove (library, id_a, &error));
  g_assert_true (dossier_library_remove (library, id_b, &error));
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  {
    g_autoptr(DossierTrashItem) newest = g_list_model_get_item (trash, 0);

    g_assert_cmpstr (dossier_document_get_id (dossier_trash_item_get_document (newest)), ==, id_b);
  }
  g_assert_true (dossier_library_empty_trash (library, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_clear_object (&library);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM paragraphs"), ==, 3);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM highlights"), ==, 0);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM reading_positions"), ==, 0);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM authors"), ==, 2);

  /* After 30 days: deleted when the library is next opened. Gamma went
   * 31 days ago, Delta 29 days ago. */
  {
    g_autoptr(DossierDocument) d = make_document ("Delta Brief", "https://example.org/delta", "deltaword");
    g_autofree char *id_d = NULL;

    library = open_ok (fixture->path);
    id_d = dossier_library_add (library, d, &error);
    g_assert_no_error (error);
    g_assert_true (dossier_library_remove (library, id_c, &error));
    g_assert_true (dossier_library_remove (library, id_d, &error));
    g_clear_object (&library);
  }
  exec_sql (fixture->path, "UPDATE documents SET trashed = trashed - 31 * 86400 WHERE title = 'Gamma Brief';"
                           " UPDATE documents SET trashed = trashed - 29 * 86400 WHERE title = 'Delta Brief'");
  library = open_ok (fixture->path);
  trash = dossier_library_get_trash (library);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  {
    g_autoptr(DossierTrashItem) item = g_list_model_get_item (trash, 0);

    g_assert_cmpstr (dossier_document_get_title (dossier_trash_item_get_document (item)), ==, "Delta Brief");
  }
  g_clear_object (&library);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
}

static void
open_without_waiting (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_trash (library)), ==, 1);
}

/* Deleting what expired is not worth waiting for another program's
 * write: the open goes on, and the next one deletes it. */
static void
test_trash_expiry_never_waits (Fixture       *fixture,
                               gconstpointer  data)
{
  sqlite3 *writer;

  make_library_with_documents (fixture->path, 2);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) first = g_list_model_get_item (dossier_library_get_documents (library), 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (dossier_library_remove (library, dossier_document_get_id (first), &error));
    g_assert_no_error (error);
  }
  exec_sql (fixture->path, "UPDATE documents SET trashed = trashed - 40 * 86400 WHERE trashed IS NOT NULL");

  writer = hold_write_transaction (fixture->path);
  g_assert_true (run_in_child (open_without_waiting, fixture->path, FALSE, 4));
  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_trash (library)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_documents (library)), ==, 1);
  }
}

/* A library written before the Trash (schema 2, as today's main writes
 * it, with what an undo left behind): read as it is when opened
 * read-only, brought up to date otherwise. */
static void
test_trash_migration (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  make_library_with_documents (fixture->path, 3);
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) first = g_list_model_get_item (dossier_library_get_documents (library), 0);

    id = g_strdup (dossier_document_get_id (first));
    g_assert_cmpint (dossier_library_add_highlight (library, id, 1, 0, 8, "Shipping", &error), >, 0);
    g_assert_no_error (error);
  }
  exec_sql (fixture->path,
            UNDO_V7 UNDO_V6 UNDO_VERSION_5 "DROP INDEX documents_trashed; ALTER TABLE documents DROP COLUMN trashed;"
            " ALTER TABLE paragraphs DROP COLUMN page; ALTER TABLE paragraphs DROP COLUMN page_label;"
            " ALTER TABLE paragraphs DROP COLUMN page_breaks;"
            " INSERT INTO highlights (document, paragraph, start, end, text, created)"
            "   VALUES ('removed-before-the-trash', 1, 0, 3, 'Old', 0);"
            " INSERT INTO reading_positions VALUES ('removed-before-the-trash', 4, 0);"
            " PRAGMA user_version = 2");

  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path,
                                                                        DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
    g_autoptr(GListModel) highlights = NULL;

    g_assert_no_error (error);
    read_three_documents (reader);
    g_assert_cmpuint (g_list_model_get_n_items (dossier_library_get_trash (reader)), ==, 0);
    highlights = dossier_library_list_highlights (reader, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
  }
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 2);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(GListModel) highlights = NULL;

    read_three_documents (library);
    g_assert_true (dossier_library_remove (library, id, &error));
    g_assert_true (dossier_library_restore (library, id, &error));
    g_assert_no_error (error);
    highlights = dossier_library_list_highlights (library, id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
  }
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM highlights"), ==, 1);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM reading_positions"), ==, 0);
}

static DossierDocument *
make_reference (const char *title,
                const char *doi)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) person = dossier_author_new ("Ludwig van Beethoven Jr.");
  g_autoptr(DossierAuthor) org = dossier_author_new ("World Bank");

  dossier_document_set_title (document, title);
  dossier_document_set_issued (document, "2019");
  dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, "article-journal");
  dossier_document_set_field (document, DOSSIER_FIELD_CONTAINER_TITLE, "Journal of Testing");
  dossier_document_set_field (document, DOSSIER_FIELD_ACCESSED, "2024-05");
  dossier_document_set_field (document, DOSSIER_FIELD_DOI, doi);
  dossier_document_set_field (document, DOSSIER_FIELD_VOLUME, "12");
  dossier_document_set_field (document, DOSSIER_FIELD_ISSUE, "3");
  dossier_document_set_field (document, DOSSIER_FIELD_PAGES, "45–67");
  dossier_document_set_field (document, DOSSIER_FIELD_EDITION, "2");
  dossier_document_set_field (document, DOSSIER_FIELD_PLACE, "Seoul");
  dossier_author_set_family (person, "Beethoven");
  dossier_author_set_given (person, "Ludwig");
  dossier_author_set_particle (person, "van");
  dossier_author_set_suffix (person, "Jr.");
  dossier_author_set_organisation (org, TRUE);
  dossier_document_add_author (document, person);
  dossier_document_add_author (document, org);
  return document;
}

static void
assert_same_reference (DossierDocument *a,
                       DossierDocument *b)
{
  GListModel *authors_a = dossier_document_get_authors (a);
  GListModel *authors_b = dossier_document_get_authors (b);

  g_assert_cmpstr (dossier_document_get_issued (a), ==, dossier_document_get_issued (b));
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    g_assert_cmpstr (dossier_document_get_field (a, f), ==, dossier_document_get_field (b, f));
  g_assert_cmpuint (g_list_model_get_n_items (authors_a), ==, g_list_model_get_n_items (authors_b));
  for (guint i = 0; i < g_list_model_get_n_items (authors_a); i++)
    {
      g_autoptr(DossierAuthor) x = g_list_model_get_item (authors_a, i);
      g_autoptr(DossierAuthor) y = g_list_model_get_item (authors_b, i);

      g_assert_true (dossier_author_equal (x, y));
    }
}

/* A reference manager's entry without text is stored, listed, loaded and
 * edited with every field it has; two of them are not "the same text". */
static void
test_reference_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierDocument) first = make_reference ("Sonata Report", "10.1000/one");
  g_autoptr(DossierDocument) second = make_reference ("Quartet Report", "10.1000/two");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    id = dossier_library_add (library, first, &error);
    g_assert_no_error (error);
    id2 = dossier_library_add (library, second, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    DossierDocument *listed = dossier_library_get_document (library, id);
    g_autoptr(DossierDocument) loaded = dossier_library_load (library, id, &error);
    g_autoptr(DossierDocument) reloaded = NULL;

    g_assert_no_error (error);
    g_assert_false (dossier_document_has_text (loaded));
    assert_same_reference (first, loaded);
    /* The list has them too: what the row and "Copy as" show. */
    assert_same_reference (first, listed);

    /* An edit of the title through the list object keeps the rest. */
    dossier_document_set_title (listed, "Sonata Report, Revised");
    g_assert_true (dossier_library_update_metadata (library, listed, &error));
    g_assert_no_error (error);
    reloaded = dossier_library_load (library, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_document_get_title (reloaded), ==, "Sonata Report, Revised");
    assert_same_reference (first, reloaded);
  }

  /* Read-only from a version 4 library: no fields, nothing fails. */
  exec_sql (fixture->path, UNDO_V7 UNDO_V6 UNDO_VERSION_5 "PRAGMA user_version = 4");
  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path,
                                                                        DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
    g_autoptr(DossierDocument) old = NULL;

    g_assert_no_error (error);
    old = dossier_library_load (reader, id2, &error);
    g_assert_no_error (error);
    g_assert_null (dossier_document_get_field (old, DOSSIER_FIELD_DOI));
    g_assert_cmpstr (dossier_document_get_issued (old), ==, "2019");
  }
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) again = make_reference ("Trio Report", "10.1000/three");
    g_autofree char *id3 = dossier_library_add (library, again, &error);
    g_autoptr(DossierDocument) loaded = NULL;

    g_assert_no_error (error);
    loaded = dossier_library_load (library, id3, &error);
    g_assert_no_error (error);
    assert_same_reference (again, loaded);
  }
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
}

/* The list's lightweight documents say which entries are references
 * without text (the row marks them) without reading any text: just
 * added, read from the file, restored from the Trash, and from a
 * read-only library. */
static void
test_reference_only_listed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DossierDocument) reference = make_reference ("Sonata Report", "10.1000/one");
  g_autoptr(DossierDocument) article = make_document ("Corridor Insurance", "https://example.org/listed", "cargo");
  g_autoptr(GError) error = NULL;
  g_autofree char *ref_id = NULL;
  g_autofree char *text_id = NULL;

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);

    ref_id = dossier_library_add (library, reference, &error);
    g_assert_no_error (error);
    text_id = dossier_library_add (library, article, &error);
    g_assert_no_error (error);
    g_assert_true (dossier_document_get_reference_only (dossier_library_get_document (library, ref_id)));
    g_assert_false (dossier_document_get_reference_only (dossier_library_get_document (library, text_id)));
    /* No text in the list's objects either way. */
    g_assert_false (dossier_document_has_text (dossier_library_get_document (library, text_id)));
  }

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) loaded = NULL;

    g_assert_true (dossier_document_get_reference_only (dossier_library_get_document (library, ref_id)));
    g_assert_false (dossier_document_get_reference_only (dossier_library_get_document (library, text_id)));
    loaded = dossier_library_load (library, ref_id, &error);
    g_assert_no_error (error);
    g_assert_true (dossier_document_get_reference_only (loaded));

    g_assert_true (dossier_library_remove (library, ref_id, &error));
    g_assert_no_error (error);
    g_assert_true (dossier_library_restore (library, ref_id, &error));
    g_assert_no_error (error);
    g_assert_true (dossier_document_get_reference_only (dossier_library_get_document (library, ref_id)));
  }

  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path,
                                                                        DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (dossier_document_get_reference_only (dossier_library_get_document (reader, ref_id)));
    g_assert_false (dossier_document_get_reference_only (dossier_library_get_document (reader, text_id)));
  }
}

/* Paragraphs from a PDF keep their page, page label and page breaks; a
 * version 3 library (before pages) reads with no pages when opened
 * read-only and is brought up to version 4 otherwise. */
static void
test_pages_and_migration (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DossierDocument) document = make_document ("Paged Report", "https://example.org/paged", "eastern");
  g_autoptr(GError) error = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *id = NULL;
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  g_autoptr(DossierParagraph) first = g_list_model_get_item (paragraphs, 0);
  g_autoptr(DossierParagraph) second = g_list_model_get_item (paragraphs, 1);

  dossier_paragraph_set_page (first, 3);
  dossier_paragraph_set_page_label (first, "iii");
  dossier_paragraph_set_page (second, 4);
  dossier_paragraph_add_page_break (second, 5, 5, NULL);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) old = make_document ("Before Pages", "https://example.org/before", "western");

    old_id = dossier_library_add (library, old, &error);
    g_assert_no_error (error);
  }
  exec_sql (fixture->path,
            UNDO_V7 UNDO_V6 UNDO_VERSION_5 "ALTER TABLE paragraphs DROP COLUMN page; ALTER TABLE paragraphs DROP COLUMN page_label;"
            " ALTER TABLE paragraphs DROP COLUMN page_breaks; PRAGMA user_version = 3");

  {
    g_autoptr(DossierLibrary) reader = dossier_library_open_with_flags (fixture->path,
                                                                        DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
    g_autoptr(DossierDocument) old = NULL;
    g_autoptr(DossierParagraph) paragraph = NULL;

    g_assert_no_error (error);
    old = dossier_library_load (reader, old_id, &error);
    g_assert_no_error (error);
    paragraph = g_list_model_get_item (dossier_document_get_paragraphs (old), 0);
    g_assert_cmpuint (dossier_paragraph_get_page (paragraph), ==, 0);
  }
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, 3);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) old = dossier_library_load (library, old_id, &error);
    g_autoptr(DossierParagraph) paragraph = NULL;

    g_assert_no_error (error);
    paragraph = g_list_model_get_item (dossier_document_get_paragraphs (old), 0);
    g_assert_cmpuint (dossier_paragraph_get_page (paragraph), ==, 0);
    id = dossier_library_add (library, document, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, DOSSIER_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (DOSSIER_LIBRARY_SCHEMA_VERSION, >=, 4);

  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) loaded = dossier_library_load (library, id, &error);
    g_autoptr(DossierParagraph) a = NULL;
    g_autoptr(DossierParagraph) b = NULL;
    g_autoptr(DossierParagraph) c = NULL;
    const DossierPageBreak *breaks;
    const char *label = NULL;
    guint n_breaks;

    g_assert_no_error (error);
    a = g_list_model_get_item (dossier_document_get_paragraphs (loaded), 0);
    b = g_list_model_get_item (dossier_document_get_paragraphs (loaded), 1);
    c = g_list_model_get_item (dossier_document_get_paragraphs (loaded), 2);
    g_assert_cmpuint (dossier_paragraph_get_page (a), ==, 3);
    g_assert_cmpstr (dossier_paragraph_get_page_label (a), ==, "iii");
    g_assert_cmpuint (dossier_paragraph_get_page (b), ==, 4);
    g_assert_null (dossier_paragraph_get_page_label (b));
    breaks = dossier_paragraph_get_page_breaks (b, &n_breaks);
    g_assert_cmpuint (n_breaks, ==, 1);
    g_assert_cmpuint (breaks[0].offset, ==, 5);
    g_assert_cmpuint (breaks[0].page, ==, 5);
    g_assert_cmpuint (dossier_paragraph_get_page_at (b, 4, &label), ==, 4);
    g_assert_cmpuint (dossier_paragraph_get_page_at (b, 5, &label), ==, 5);
    g_assert_cmpuint (dossier_paragraph_get_page (c), ==, 0);
  }

  /* Another program's nonsense in the page columns is no page. */
  exec_sql (fixture->path, "UPDATE paragraphs SET page = -7, page_breaks = '[[\"x\"]]' WHERE ord = 0");
  {
    g_autoptr(DossierLibrary) library = open_ok (fixture->path);
    g_autoptr(DossierDocument) loaded = dossier_library_load (library, id, &error);
    g_autoptr(DossierParagraph) a = NULL;

    g_assert_no_error (error);
    a = g_list_model_get_item (dossier_document_get_paragraphs (loaded), 0);
    g_assert_cmpuint (dossier_paragraph_get_page (a), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/add-load", Fixture, NULL, fixture_setup, test_add_load, fixture_teardown);
  g_test_add ("/dossier/store/reference-only", Fixture, NULL, fixture_setup, test_reference_only, fixture_teardown);
  g_test_add ("/dossier/store/reference-only-listed", Fixture, NULL, fixture_setup, test_reference_only_listed,
              fixture_teardown);
  g_test_add ("/dossier/store/duplicates", Fixture, NULL, fixture_setup, test_duplicates, fixture_teardown);
  g_test_add ("/dossier/store/update-remove", Fixture, NULL, fixture_setup, test_update_remove, fixture_teardown);
  g_test_add ("/dossier/store/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/dossier/store/search-page", Fixture, NULL, fixture_setup, test_search_page, fixture_teardown);
  g_test_add ("/dossier/store/search-hangul-words", Fixture, NULL, fixture_setup, test_search_hangul_words, fixture_teardown);
  g_test_add ("/dossier/store/lookups", Fixture, NULL, fixture_setup, test_lookups, fixture_teardown);
  g_test_add ("/dossier/store/highlights", Fixture, NULL, fixture_setup, test_highlights_positions, fixture_teardown);
  g_test_add ("/dossier/store/batch", Fixture, NULL, fixture_setup, test_batch, fixture_teardown);
  g_test_add ("/dossier/store/safety/garbage", Fixture, NULL, fixture_setup, test_safety_garbage, fixture_teardown);
  g_test_add ("/dossier/store/safety/truncated", Fixture, NULL, fixture_setup, test_safety_truncated, fixture_teardown);
  g_test_add ("/dossier/store/safety/damaged-pages", Fixture, NULL, fixture_setup, test_safety_damaged_pages, fixture_teardown);
  g_test_add ("/dossier/store/safety/foreign-and-new", Fixture, NULL, fixture_setup, test_safety_foreign_and_new, fixture_teardown);
  g_test_add ("/dossier/store/safety/unwritable", Fixture, NULL, fixture_setup, test_safety_unwritable, fixture_teardown);
  g_test_add ("/dossier/store/safety/crash", Fixture, NULL, fixture_setup, test_safety_crash, fixture_teardown);
  g_test_add ("/dossier/store/safety/disk-full", Fixture, NULL, fixture_setup, test_safety_disk_full, fixture_teardown);
  g_test_add ("/dossier/store/open-async", Fixture, NULL, fixture_setup, test_open_async_and_schema, fixture_teardown);
  g_test_add ("/dossier/store/quotes-migration", Fixture, NULL, fixture_setup, test_quotes_and_migration, fixture_teardown);
  g_test_add ("/dossier/store/refresh", Fixture, NULL, fixture_setup, test_refresh, fixture_teardown);
  g_test_add ("/dossier/store/lazy-snippets", Fixture, NULL, fixture_setup, test_lazy_snippets, fixture_teardown);
  g_test_add ("/dossier/store/concurrent-create", Fixture, NULL, fixture_setup, test_concurrent_create, fixture_teardown);
  g_test_add ("/dossier/store/samples", Fixture, NULL, fixture_setup, test_samples, fixture_teardown);
  g_test_add ("/dossier/store/readers-never-wait", Fixture, NULL, fixture_setup, test_readers_never_wait, fixture_teardown);
  g_test_add ("/dossier/store/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/dossier/store/lazy-open", Fixture, NULL, fixture_setup, test_lazy_open, fixture_teardown);
  g_test_add ("/dossier/store/snippet-many-matches", Fixture, NULL, fixture_setup, test_snippet_many_matches, fixture_teardown);
  g_test_add ("/dossier/store/trash", Fixture, NULL, fixture_setup, test_trash, fixture_teardown);
  g_test_add ("/dossier/store/trash/expiry-never-waits", Fixture, NULL, fixture_setup, test_trash_expiry_never_waits, fixture_teardown);
  g_test_add ("/dossier/store/trash/migration", Fixture, NULL, fixture_setup, test_trash_migration, fixture_teardown);
  g_test_add ("/dossier/store/pages-migration", Fixture, NULL, fixture_setup, test_pages_and_migration, fixture_teardown);

  return g_test_run ();
}
