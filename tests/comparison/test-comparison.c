/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comparison/dossier-comparison.h"
#include "importers/dossier-import.h"

static DossierDocument *
load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* A worker thread may drop its reference to a finished task a moment
 * after the main thread saw the result. */
static void
wait_for_last_ref (gpointer object)
{
  for (guint i = 0; i < 5000 && G_OBJECT (object)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_comparison_recompute_finish (DOSSIER_COMPARISON (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_recompute_async (void)
{
  g_autoptr(DossierDocument) left = load_document ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_document ("aid-pressure.txt");
  DossierComparison *comparison = dossier_comparison_new (left, right);
  GListModel *alignments = dossier_comparison_get_alignments (comparison);
  guint busy_notifies = 0, mode_notifies = 0, items_changed = 0;
  gboolean done = FALSE;
  g_autoptr(GArray) links = NULL;

  g_signal_connect (comparison, "notify::busy", G_CALLBACK (count_notify_cb), &busy_notifies);
  g_signal_connect (comparison, "notify::effective-mode", G_CALLBACK (count_notify_cb), &mode_notifies);
  g_signal_connect (alignments, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);

  g_assert_null (dossier_comparison_get_result (comparison));
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, 0);

  dossier_comparison_recompute_async (comparison, NULL, recompute_done_cb, &done);
  g_assert_true (dossier_comparison_get_busy (comparison));
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (dossier_comparison_get_busy (comparison));
  g_assert_cmpuint (busy_notifies, ==, 2);
  g_assert_cmpuint (mode_notifies, ==, 1);
  g_assert_cmpuint (items_changed, ==, 1);   /* one batch */
  g_assert_cmpint (dossier_comparison_get_effective_mode (comparison), ==, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), >=, 8);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_comparison_get_chunks (comparison)), ==, 0);

  /* the paragraph on the banking channel (A2) leads to B4 */
  links = dossier_comparison_dup_links_for (comparison, TRUE, 2);
  g_assert_cmpuint (links->len, >=, 1);
  g_assert_cmpuint (g_array_index (links, guint, 0), ==, 4);
  g_clear_pointer (&links, g_array_unref);
  links = dossier_comparison_dup_links_for (comparison, FALSE, 4);
  g_assert_cmpuint (g_array_index (links, guint, 0), ==, 2);

  {
    g_autoptr(DossierAlignment) first = g_list_model_get_item (alignments, 0);
    g_assert_true (DOSSIER_IS_ALIGNMENT (first));
    g_assert_nonnull (dossier_alignment_get_shared_terms (first));
  }

  wait_for_last_ref (comparison);
  g_assert_finalize_object (comparison);
}

static void
test_versions_model (void)
{
  g_autoptr(DossierDocument) left = load_document ("brief-v1.txt");
  g_autoptr(DossierDocument) right = load_document ("brief-v2.txt");
  DossierComparison *comparison = dossier_comparison_new (left, right);
  g_autoptr(GError) error = NULL;
  GListModel *chunks;
  guint changes = 0;

  g_signal_connect (comparison, "notify::change-count", G_CALLBACK (count_notify_cb), &changes);
  g_assert_true (dossier_comparison_recompute (comparison, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (dossier_comparison_get_effective_mode (comparison), ==, DOSSIER_COMPARISON_MODE_VERSIONS);
  g_assert_cmpuint (dossier_comparison_get_change_count (comparison), ==, 5);

  chunks = dossier_comparison_get_chunks (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (chunks), ==, 13);
  {
    g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, 2);
    guint start, end;

    g_assert_cmpint (dossier_diff_chunk_get_op (chunk), ==, DOSSIER_DIFF_DELETE);
    g_assert_cmpstr (dossier_diff_chunk_get_text (chunk), ==, "three");
    g_assert_cmpint (dossier_diff_chunk_get_change (chunk), ==, 0);
    dossier_diff_chunk_get_a_words (chunk, &start, &end);
    g_assert_cmpuint (start, ==, 10);
    g_assert_cmpuint (end, ==, 11);
  }

  /* the user forces perspectives */
  dossier_comparison_set_mode (comparison, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_assert_true (dossier_comparison_recompute (comparison, &error));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (dossier_comparison_get_change_count (comparison), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (chunks), ==, 0);

  g_assert_finalize_object (comparison);
}

static void
test_save_load (void)
{
  g_autoptr(DossierDocument) left = load_document ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_document ("aid-pressure.txt");
  g_autofree char *left_path = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-engagement.txt", NULL);
  g_autofree char *right_path = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-pressure.txt", NULL);
  g_autoptr(GFile) left_file = g_file_new_for_path (left_path);
  g_autoptr(GFile) right_file = g_file_new_for_path (right_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-comparison-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.dossier-comparison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierComparison *comparison = dossier_comparison_new (left, right);
  DossierComparison *loaded;
  g_autofree char *text = NULL;
  g_autofree char *reloaded_text = NULL;

  g_assert_no_error (error);
  dossier_comparison_set_left_file (comparison, left_file);
  dossier_comparison_set_right_file (comparison, right_file);
  dossier_comparison_set_mode (comparison, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_assert_true (dossier_comparison_add_anchor (comparison, 0, 10));
  g_assert_false (dossier_comparison_add_anchor (comparison, 0, 10));
  g_assert_true (dossier_comparison_add_anchor (comparison, 3, 5));
  g_assert_true (dossier_comparison_add_anchor (comparison, 4, 4));
  g_assert_true (dossier_comparison_remove_anchor (comparison, 4, 4));
  g_assert_false (dossier_comparison_remove_anchor (comparison, 4, 4));

  g_assert_true (dossier_comparison_save (comparison, file, NULL, &error));
  g_assert_no_error (error);
  text = dossier_comparison_to_json (comparison, NULL);
  g_assert_nonnull (strstr (text, "\"format\" : \"dossier-comparison\""));

  loaded = dossier_comparison_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_comparison_get_mode (loaded), ==, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_comparison_get_anchors (loaded)), ==, 2);
  g_assert_cmpstr (dossier_document_get_title (dossier_comparison_get_left (loaded)), ==,
                   dossier_document_get_title (left));
  reloaded_text = dossier_comparison_to_json (loaded, NULL);
  g_assert_cmpstr (reloaded_text, ==, text);

  /* the anchor holds in the recomputed alignment */
  g_assert_true (dossier_comparison_recompute (loaded, &error));
  {
    g_autoptr(GArray) links = dossier_comparison_dup_links_for (loaded, TRUE, 0);
    g_assert_cmpuint (links->len, ==, 1);
    g_assert_cmpuint (g_array_index (links, guint, 0), ==, 10);
  }

  g_assert_finalize_object (loaded);
  g_assert_finalize_object (comparison);
  g_unlink (path);
  g_rmdir (dir);
}

static void
expect_load_error (const char *json,
                   const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-comparison-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "comparison", "data", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierComparison *comparison;
  GString *expanded = g_string_new (json);

  g_string_replace (expanded, "@DATA@", data_dir, 0);
  text = g_string_free (expanded, FALSE);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  comparison = dossier_comparison_load (file, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_nonnull (error);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_errors (void)
{
  expect_load_error ("{", "");
  expect_load_error ("{\"format\": \"dossier-document\", \"version\": 1}", "format");
  expect_load_error ("{\"format\": \"dossier-comparison\", \"version\": 99, \"mode\": \"auto\"}", "");
  expect_load_error ("{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"sideways\"}", "mode");
  expect_load_error ("{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"auto\","
                     " \"left\": {\"library_id\": null, \"path\": null}}", "left");
  expect_load_error ("{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"auto\","
                     " \"left\": {\"path\": \"@DATA@/aid-engagement.txt\"},"
                     " \"right\": {\"path\": \"@DATA@/aid-pressure.txt\"},"
                     " \"anchors\": [{\"a\": 0, \"b\": 99}]}", "anchors[0].b");
  expect_load_error ("{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"auto\","
                     " \"left\": {\"path\": \"@DATA@/no-such-file.txt\"},"
                     " \"right\": {\"path\": \"@DATA@/aid-pressure.txt\"}}", "");
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DossierComparison **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_comparison_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async_relative (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-comparison-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rel.json", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "comparison", "data", "brief-v1.txt", NULL);
  g_autofree char *copy = g_build_filename (dir, "brief-v1.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierComparison *comparison = NULL;

  /* a path relative to the comparison file */
  g_assert_true (g_file_get_contents (src, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (copy, contents, -1, &error));
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"versions\","
                                      " \"left\": {\"path\": \"brief-v1.txt\"}, \"right\": {\"path\": \"brief-v1.txt\"}}",
                                      -1, &error));

  dossier_comparison_load_async (file, NULL, NULL, load_done_cb, &comparison);
  while (comparison == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (dossier_comparison_get_mode (comparison), ==, DOSSIER_COMPARISON_MODE_VERSIONS);
  g_assert_true (dossier_comparison_recompute (comparison, &error));
  g_assert_cmpuint (dossier_comparison_get_change_count (comparison), ==, 0);

  wait_for_last_ref (comparison);
  g_assert_finalize_object (comparison);
  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/model/recompute-async", test_recompute_async);
  g_test_add_func ("/dossier/comparison/model/versions", test_versions_model);
  g_test_add_func ("/dossier/comparison/file/save-load", test_save_load);
  g_test_add_func ("/dossier/comparison/file/errors", test_load_errors);
  g_test_add_func ("/dossier/comparison/file/load-async-relative", test_load_async_relative);

  return g_test_run ();
}
