/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comparison/dossier-comparison.h"
#include "importers/dossier-import.h"

/*
 * The analyst's choices about links, in the comparison model: a rejected
 * link goes at once and never comes back on recompute, an accepted one is
 * marked and always stays, and both are saved with the comparison.
 */

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

static DossierComparison *
computed_comparison (const char *left_name,
                     const char *right_name)
{
  g_autoptr(DossierDocument) left = load_document (left_name);
  g_autoptr(DossierDocument) right = load_document (right_name);
  DossierComparison *comparison = dossier_comparison_new (left, right);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_comparison_recompute (comparison, &error));
  g_assert_no_error (error);
  return comparison;
}

static gboolean
has_link (DossierComparison *comparison,
          guint              a,
          guint              b)
{
  g_autoptr(DossierAlignment) link = dossier_comparison_find_link (comparison, a, b, NULL);

  return link != NULL;
}

static gboolean
link_accepted (DossierComparison *comparison,
               guint              a,
               guint              b)
{
  g_autoptr(DossierAlignment) link = dossier_comparison_find_link (comparison, a, b, NULL);

  g_assert_nonnull (link);
  return dossier_alignment_get_accepted (link);
}

static void
first_link (DossierComparison *comparison,
            guint             *a,
            guint             *b)
{
  g_autoptr(DossierAlignment) link = g_list_model_get_item (dossier_comparison_get_alignments (comparison), 0);

  g_assert_nonnull (link);
  *a = dossier_alignment_get_a (link);
  *b = dossier_alignment_get_b (link);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
recompute (DossierComparison *comparison)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_comparison_recompute (comparison, &error));
  g_assert_no_error (error);
}

static void
test_reject (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  GListModel *alignments = dossier_comparison_get_alignments (comparison);
  guint n_links = g_list_model_get_n_items (alignments);
  guint a, b, notifies = 0;

  g_assert_cmpuint (n_links, >=, 2);
  first_link (comparison, &a, &b);
  g_assert_cmpint (dossier_comparison_get_link_choice (comparison, a, b), ==, DOSSIER_LINK_CHOICE_NONE);
  g_signal_connect (comparison, "notify::n-rejected", G_CALLBACK (count_notify_cb), &notifies);

  /* gone at once, without computing */
  g_assert_true (dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED));
  g_assert_false (dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (dossier_comparison_get_n_rejected (comparison), ==, 1);
  g_assert_false (has_link (comparison, a, b));
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links - 1);

  /* and a new computation does not make it again */
  recompute (comparison);
  g_assert_false (has_link (comparison, a, b));
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links - 1);

  /* withdrawing the rejection brings it back, again without computing */
  g_assert_true (dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_NONE));
  g_assert_true (has_link (comparison, a, b));
  g_assert_false (link_accepted (comparison, a, b));
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links);
  g_assert_cmpuint (notifies, ==, 2);

  /* Restore Rejected Links: every rejection withdrawn in one go */
  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED);
  {
    g_autoptr(DossierAlignment) last = g_list_model_get_item (alignments, g_list_model_get_n_items (alignments) - 1);
    dossier_comparison_set_link_choice (comparison, dossier_alignment_get_a (last), dossier_alignment_get_b (last),
                                        DOSSIER_LINK_CHOICE_REJECTED);
  }
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links - 2);
  g_assert_cmpuint (dossier_comparison_clear_link_choices (comparison, DOSSIER_LINK_CHOICE_REJECTED), ==, 2);
  g_assert_cmpuint (dossier_comparison_get_n_rejected (comparison), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links);

  g_assert_finalize_object (comparison);
}

static void
test_accept (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  GListModel *alignments = dossier_comparison_get_alignments (comparison);
  guint n_links = g_list_model_get_n_items (alignments);
  guint a, b, notifies = 0;
  double score;

  first_link (comparison, &a, &b);
  {
    g_autoptr(DossierAlignment) link = dossier_comparison_find_link (comparison, a, b, NULL);
    score = dossier_alignment_get_score (link);
  }
  g_signal_connect (comparison, "notify::n-accepted", G_CALLBACK (count_notify_cb), &notifies);

  g_assert_true (dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_ACCEPTED));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (link_accepted (comparison, a, b));
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n_links);

  /* an anchor on paragraph a replaces every computed link of a; the
   * accepted one stays, with its score and terms */
  {
    GListModel *paragraphs = dossier_document_get_paragraphs (dossier_comparison_get_right (comparison));
    guint other = (b + 1) % g_list_model_get_n_items (paragraphs);
    g_autoptr(DossierAlignment) kept = NULL;

    g_assert_true (dossier_comparison_add_anchor (comparison, a, other));
    recompute (comparison);
    g_assert_true (has_link (comparison, a, other));
    kept = dossier_comparison_find_link (comparison, a, b, NULL);
    g_assert_nonnull (kept);
    g_assert_true (dossier_alignment_get_accepted (kept));
    g_assert_cmpfloat_with_epsilon (dossier_alignment_get_score (kept), score, 1e-9);
    g_assert_nonnull (dossier_alignment_get_shared_terms (kept)[0]);

    /* the command line's JSON says which links were accepted */
    {
      const DossierCompareResult *result = dossier_comparison_get_result (comparison);
      g_autoptr(DossierTextSnapshot) sa = dossier_text_snapshot_new (dossier_comparison_get_left (comparison));
      g_autoptr(DossierTextSnapshot) sb = dossier_text_snapshot_new (dossier_comparison_get_right (comparison));
      g_autoptr(JsonNode) node = dossier_compare_result_to_json ((DossierCompareResult *) result, sa, sb);
      JsonArray *links = json_object_get_array_member (json_node_get_object (node), "alignments");
      guint n_accepted = 0;

      for (guint i = 0; i < json_array_get_length (links); i++)
        {
          JsonObject *link = json_array_get_object_element (links, i);

          if (json_object_get_boolean_member (link, "accepted"))
            {
              g_assert_cmpint (json_object_get_int_member (link, "a"), ==, a);
              g_assert_cmpint (json_object_get_int_member (link, "b"), ==, b);
              n_accepted++;
            }
        }
      g_assert_cmpuint (n_accepted, ==, 1);
    }

    /* no longer accepted: the computation did not make it, so it goes */
    g_assert_true (dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_NONE));
    g_assert_false (has_link (comparison, a, b));
    g_assert_cmpuint (notifies, ==, 2);
  }

  g_assert_finalize_object (comparison);
}

/* A pair nobody would link, accepted through the API: it appears after
 * the next computation, scored. Pairs outside the documents are ignored. */
static void
test_accept_unlinked (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  guint n_right = g_list_model_get_n_items (dossier_document_get_paragraphs (dossier_comparison_get_right (comparison)));
  guint a = 0, b = G_MAXUINT;
  g_autoptr(DossierAlignment) link = NULL;

  for (guint j = 0; j < n_right && b == G_MAXUINT; j++)
    if (!has_link (comparison, a, j))
      b = j;
  g_assert_cmpuint (b, !=, G_MAXUINT);

  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_ACCEPTED);
  dossier_comparison_set_link_choice (comparison, 5000, 0, DOSSIER_LINK_CHOICE_ACCEPTED);
  g_assert_false (has_link (comparison, a, b));
  recompute (comparison);
  link = dossier_comparison_find_link (comparison, a, b, NULL);
  g_assert_nonnull (link);
  g_assert_true (dossier_alignment_get_accepted (link));
  g_assert_cmpfloat (dossier_alignment_get_score (link), >=, 0.0);
  g_assert_false (has_link (comparison, 5000, 0));

  g_assert_finalize_object (comparison);
}

static void
test_anchor_and_reject (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  guint a, b;

  first_link (comparison, &a, &b);

  /* rejecting an anchored pair takes the anchor away */
  dossier_comparison_add_anchor (comparison, a, b);
  recompute (comparison);
  g_assert_true (dossier_comparison_has_anchor (comparison, a, b));
  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED);
  g_assert_false (dossier_comparison_has_anchor (comparison, a, b));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_comparison_get_anchors (comparison)), ==, 0);
  g_assert_false (has_link (comparison, a, b));

  /* declaring a rejected pair corresponding withdraws the rejection */
  g_assert_true (dossier_comparison_add_anchor (comparison, a, b));
  g_assert_cmpint (dossier_comparison_get_link_choice (comparison, a, b), ==, DOSSIER_LINK_CHOICE_NONE);
  recompute (comparison);
  g_assert_true (has_link (comparison, a, b));

  g_assert_finalize_object (comparison);
}

/* Versions pair paragraphs in order for the word diff; choices do not
 * apply there (anchors correct that alignment). */
static void
test_versions_ignore_choices (void)
{
  DossierComparison *comparison = computed_comparison ("brief-v1.txt", "brief-v2.txt");
  guint n_links, a, b;

  g_assert_cmpint (dossier_comparison_get_effective_mode (comparison), ==, DOSSIER_COMPARISON_MODE_VERSIONS);
  n_links = g_list_model_get_n_items (dossier_comparison_get_alignments (comparison));
  first_link (comparison, &a, &b);
  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED);
  g_assert_true (has_link (comparison, a, b));
  recompute (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_comparison_get_alignments (comparison)), ==, n_links);
  /* the choice is still kept, for when the mode is perspectives */
  g_assert_cmpint (dossier_comparison_get_link_choice (comparison, a, b), ==, DOSSIER_LINK_CHOICE_REJECTED);

  g_assert_finalize_object (comparison);
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (dossier_comparison_recompute_finish (DOSSIER_COMPARISON (object), result, NULL));
  *done = TRUE;
}

/* A choice made while the comparison is computed holds in its result. */
static void
test_choice_during_computation (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  gboolean done = FALSE;
  guint a, b;

  first_link (comparison, &a, &b);
  dossier_comparison_recompute_async (comparison, NULL, recompute_done_cb, &done);
  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_REJECTED);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (has_link (comparison, a, b));

  for (guint i = 0; i < 5000 && G_OBJECT (comparison)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (comparison);
}

static void
test_file_round_trip (void)
{
  DossierComparison *comparison = computed_comparison ("aid-engagement.txt", "aid-pressure.txt");
  g_autofree char *dir = g_dir_make_tmp ("dossier-choices-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pair.dossier-comparison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) loaded = NULL;
  g_autofree char *text = NULL;
  const DossierLinkDecision *choices;
  guint n_choices, a, b, c, d;

  first_link (comparison, &a, &b);
  {
    GListModel *alignments = dossier_comparison_get_alignments (comparison);
    g_autoptr(DossierAlignment) last = g_list_model_get_item (alignments, g_list_model_get_n_items (alignments) - 1);

    c = dossier_alignment_get_a (last);
    d = dossier_alignment_get_b (last);
  }
  dossier_comparison_set_left_file (comparison, NULL);
  {
    g_autofree char *left = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-engagement.txt", NULL);
    g_autofree char *right = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-pressure.txt", NULL);
    g_autoptr(GFile) lf = g_file_new_for_path (left);
    g_autoptr(GFile) rf = g_file_new_for_path (right);

    dossier_comparison_set_left_file (comparison, lf);
    dossier_comparison_set_right_file (comparison, rf);
  }
  dossier_comparison_set_link_choice (comparison, c, d, DOSSIER_LINK_CHOICE_REJECTED);
  dossier_comparison_set_link_choice (comparison, a, b, DOSSIER_LINK_CHOICE_ACCEPTED);

  text = dossier_comparison_to_json (comparison, NULL);
  g_assert_nonnull (strstr (text, "\"choice\" : \"accepted\""));
  g_assert_nonnull (strstr (text, "\"choice\" : \"rejected\""));
  g_assert_true (dossier_comparison_save (comparison, file, NULL, &error));
  g_assert_no_error (error);

  loaded = dossier_comparison_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  choices = dossier_comparison_get_link_choices (loaded, &n_choices);
  g_assert_cmpuint (n_choices, ==, 2);
  /* kept by left then right paragraph */
  g_assert_cmpuint (choices[0].a, ==, a);
  g_assert_cmpuint (choices[0].b, ==, b);
  g_assert_cmpint (choices[0].choice, ==, DOSSIER_LINK_CHOICE_ACCEPTED);
  g_assert_cmpuint (choices[1].a, ==, c);
  g_assert_cmpint (choices[1].choice, ==, DOSSIER_LINK_CHOICE_REJECTED);

  recompute (loaded);
  g_assert_true (link_accepted (loaded, a, b));
  g_assert_false (has_link (loaded, c, d));

  /* written again, the same text */
  {
    g_autofree char *again = dossier_comparison_to_json (loaded, NULL);
    g_assert_cmpstr (again, ==, text);
  }

  g_unlink (path);
  g_rmdir (dir);
  g_assert_finalize_object (comparison);
}

static GError *
load_text (const char *json)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-choices-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.dossier-comparison", NULL);
  g_autofree char *left = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-engagement.txt", NULL);
  g_autofree char *right = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-pressure.txt", NULL);
  g_autofree char *left_json = g_strescape (left, NULL);
  g_autofree char *right_json = g_strescape (right, NULL);
  g_autofree char *text = g_strdup_printf ("{\"format\": \"dossier-comparison\", \"version\": 1, \"mode\": \"auto\","
                                           " \"left\": {\"path\": \"%s\"}, \"right\": {\"path\": \"%s\"}%s}",
                                           left_json, right_json, json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierComparison) comparison = NULL;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  comparison = dossier_comparison_load (file, NULL, NULL, &error);
  g_assert_true ((comparison == NULL) == (error != NULL));
  g_unlink (path);
  g_rmdir (dir);
  return error;
}

/* Files written before choices existed still open; bad choices are
 * refused with the member named. */
static void
test_file_compatibility (void)
{
  GError *error;

  g_assert_null (load_text (""));
  g_assert_null (load_text (", \"anchors\": [{\"a\": 1, \"b\": 2}]"));
  g_assert_null (load_text (", \"links\": []"));

  error = load_text (", \"links\": [{\"a\": 1, \"b\": 2, \"choice\": \"maybe\"}]");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "choice"));
  g_clear_error (&error);

  error = load_text (", \"links\": [{\"a\": 1, \"b\": 9999, \"choice\": \"accepted\"}]");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "links"));
  g_clear_error (&error);

  error = load_text (", \"links\": {\"a\": 1}");
  g_assert_nonnull (error);
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/choices/reject", test_reject);
  g_test_add_func ("/dossier/comparison/choices/accept", test_accept);
  g_test_add_func ("/dossier/comparison/choices/accept-unlinked", test_accept_unlinked);
  g_test_add_func ("/dossier/comparison/choices/anchor-and-reject", test_anchor_and_reject);
  g_test_add_func ("/dossier/comparison/choices/versions", test_versions_ignore_choices);
  g_test_add_func ("/dossier/comparison/choices/during-computation", test_choice_during_computation);
  g_test_add_func ("/dossier/comparison/choices/file", test_file_round_trip);
  g_test_add_func ("/dossier/comparison/choices/file-compatibility", test_file_compatibility);

  return g_test_run ();
}
