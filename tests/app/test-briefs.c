/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-briefs"

#include "config.h"

#include "dossier-test-files.h"
#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>

#include "comparison/dossier-comparison.h"
#include "memo/dossier-memo-json.h"
#include "dossier-application.h"
#include "dossier-compare-page.h"
#include "dossier-matrix-page.h"
#include "dossier-memo-page.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"
#include "widgets/dossier-reader-view.h"

/*
 * The window's comparison and memo wiring, driven in-process under Xvfb:
 * compare two selected articles, save and reopen the comparison, start a
 * memo from a template, add a reader selection to it, insert perspectives,
 * save and reopen it (also through GApplication::open), the unsaved-changes
 * prompt, and the recovery copy offered after the window went away without
 * saving. XDG_DATA_HOME is temporary (set in main()), XDG_STATE_HOME too
 * (set for every GUI test by dossier_test_gui_init()).
 */

static DossierApplication *app;
static DossierWindow *window;
static char *tmp_home;

static void
wait_for (gboolean (*done) (void),
          guint      seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done () && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (done ());
  dossier_test_gui_spin (30);
}

static gboolean
imports_done (void)
{
  return dossier_window_get_n_pending_imports (window) == 0;
}

static gboolean
saves_done (void)
{
  return dossier_window_get_n_pending_saves (window) == 0;
}

static const char *
visible_page (void)
{
  return gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window));
}

static gboolean
compare_shown (void)
{
  return g_strcmp0 (visible_page (), "compare") == 0;
}

static DossierWindow *
create_window (void)
{
  DossierWindow *win = dossier_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 800);
  gtk_window_present (GTK_WINDOW (win));
  dossier_test_gui_spin (100);
  return win;
}

static DossierComparePage *
find_compare_page (void)
{
  GtkWidget *box = gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "compare");

  g_assert_nonnull (box);
  /* the page is the stack's child: it brings its own header bar */
  if (DOSSIER_IS_COMPARE_PAGE (box))
    return DOSSIER_COMPARE_PAGE (box);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (DOSSIER_IS_COMPARE_PAGE (child))
      return DOSSIER_COMPARE_PAGE (child);
  g_assert_not_reached ();
}

static DossierComparison *current_comparison;

static gboolean
comparison_done (void)
{
  return !dossier_comparison_get_busy (current_comparison);
}

static void
select_both (void)
{
  GtkSelectionModel *selection = dossier_window_get_selection (window);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  gtk_selection_model_select_all (selection);
  dossier_test_gui_spin (50);
}

static void
test_import (void)
{
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "app", "data", "harbour-lights.txt", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "app", "data", "lighthouse-keepers.txt", NULL);
  GFile *files[2];

  window = create_window ();
  /* Nothing to compare yet. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-memo", NULL) &&
                  dossier_window_get_memo_page (window) != NULL);

  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  dossier_window_import_files (window, files, 2);
  wait_for (imports_done, 20);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dossier_window_get_selection (window))), ==, 2);
}

static void
test_compare (void)
{
  g_autofree char *path = g_build_filename (tmp_home, "pair.dossier-comparison", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierComparePage *page;
  DossierComparison *comparison;
  const char *title;
  g_autofree char *left_title = NULL;
  g_autofree char *right_title = NULL;

  select_both ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "compare");

  page = find_compare_page ();
  comparison = dossier_compare_page_get_comparison (page);
  current_comparison = comparison;
  wait_for (comparison_done, 20);
  left_title = g_strdup (dossier_document_get_title (dossier_comparison_get_left (comparison)));
  right_title = g_strdup (dossier_document_get_title (dossier_comparison_get_right (comparison)));

  /* The title names both articles. */
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_nonnull (strstr (title, "Harbour Lights"));
  g_assert_nonnull (strstr (title, "Lighthouse Keepers"));
  g_assert_nonnull (strstr (title, "↔"));

  if (g_getenv ("DOSSIER_SCREENSHOT_PAUSE") != NULL)
    dossier_test_gui_spin (atoi (g_getenv ("DOSSIER_SCREENSHOT_PAUSE")));

  /* Save it, close it (back to the library), and open the file again. */
  g_assert_true (dossier_comparison_save (comparison, file, NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), !=, "compare");
  g_assert_null (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "compare"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "↔"));

  dossier_window_open_comparison (window, file);
  wait_for (compare_shown, 20);
  page = find_compare_page ();
  comparison = dossier_compare_page_get_comparison (page);
  g_assert_cmpstr (dossier_document_get_title (dossier_comparison_get_left (comparison)), ==, left_title);
  g_assert_cmpstr (dossier_document_get_title (dossier_comparison_get_right (comparison)), ==, right_title);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "↔"));
  current_comparison = comparison;
  wait_for (comparison_done, 20);

  /* Add to Memo with a paragraph selected in the left pane: a policy
   * brief is started and the comparison stays in front. */
  {
    GtkListBox *list = dossier_compare_page_get_list (page, TRUE);
    DossierMemo *memo;

    g_assert_null (dossier_window_get_memo_page (window));
    gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-memo", NULL);
    dossier_test_gui_spin (50);
    g_assert_cmpstr (visible_page (), ==, "compare");
    g_assert_nonnull (dossier_window_get_memo_page (window));
    memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
    g_assert_cmpuint (g_list_model_get_n_items (dossier_memo_get_citations (memo)), ==, 1);
    /* Close it (unsaved: asks; Discard): the next tests start without. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-memo", NULL);
    dossier_test_gui_spin (50);
    {
      AdwMessageDialog *dialog = dossier_test_gui_find_message_dialog ();

      g_assert_nonnull (dialog);
      adw_message_dialog_response (dialog, "discard");
      gtk_window_destroy (GTK_WINDOW (dialog));
      dossier_test_gui_spin (50);
    }
    g_assert_null (dossier_window_get_memo_page (window));
    g_assert_null (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "memo"));
  }

  /* Through the application, as `dossier --comparison FILE` does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (50);
  g_application_open (G_APPLICATION (app), &file, 1, "comparison");
  wait_for (compare_shown, 20);
  current_comparison = dossier_compare_page_get_comparison (find_compare_page ());
  wait_for (comparison_done, 20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (50);
}

static void
test_compare_with (void)
{
  GtkSelectionModel *selection = dossier_window_get_selection (window);
  AdwMessageDialog *dialog;
  GtkListBox *list;
  DossierComparison *comparison;

  gtk_selection_model_select_item (selection, 0, TRUE);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "reader");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", NULL);
  dossier_test_gui_spin (100);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  list = g_object_get_data (G_OBJECT (dialog), "dossier-list");
  g_assert_true (GTK_IS_LIST_BOX (list));
  /* Every other article (the focused first row may come selected). */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "compare"));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  adw_message_dialog_response (dialog, "compare");
  /* A response given in code does not close the dialog as its buttons do. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dossier_test_gui_spin (100);

  g_assert_cmpstr (visible_page (), ==, "compare");
  comparison = dossier_compare_page_get_comparison (find_compare_page ());
  g_assert_cmpstr (dossier_document_get_id (dossier_comparison_get_left (comparison)), ==,
                   dossier_document_get_id (dossier_reader_page_get_document (dossier_window_get_reader_page (window))));
  g_assert_cmpstr (dossier_document_get_id (dossier_comparison_get_left (comparison)), !=,
                   dossier_document_get_id (dossier_comparison_get_right (comparison)));
  current_comparison = comparison;
  wait_for (comparison_done, 20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "reader");
}

static gboolean
matrix_done (void)
{
  return !dossier_window_get_matrix_busy (window);
}

static DossierMatrixPage *
open_matrix (void)
{
  GtkWidget *page;

  select_both ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix", NULL);
  wait_for (matrix_done, 20);
  g_assert_cmpstr (visible_page (), ==, "matrix");
  page = gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "matrix");
  g_assert_true (DOSSIER_IS_MATRIX_PAGE (page));
  return DOSSIER_MATRIX_PAGE (page);
}

/* The first non-empty cell, and its column. */
static GtkWidget *
first_cell (DossierMatrixPage *page,
            guint             *column)
{
  for (guint t = 0; t < dossier_matrix_page_get_n_topics (page); t++)
    for (guint d = 0; d < 2; d++)
      {
        GtkWidget *cell = dossier_matrix_page_get_cell (page, t, d);
        if (cell != NULL)
          {
            *column = d;
            return cell;
          }
      }
  return NULL;
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
remember_id_cb (DossierMatrixPage *page,
                const char        *id,
                guint              paragraph,
                char             **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_matrix (void)
{
  DossierMatrixPage *page;
  GtkWidget *cell, *entry;
  guint column = 0;

  page = open_matrix ();
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Matrix"));

  /* Topics are renamed in place and keep the name; emptying it restores
   * the computed one. */
  if (dossier_matrix_page_get_n_topics (page) > 0)
    {
      g_autofree char *computed = g_strdup (dossier_matrix_page_get_topic_label (page, 0));

      g_assert_null (find_entry (GTK_WIDGET (page)));
      gtk_widget_activate_action (GTK_WIDGET (page), "matrix.rename-topic", "u", 0);
      dossier_test_gui_spin (20);
      entry = find_entry (GTK_WIDGET (page));
      g_assert_nonnull (entry);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, computed);
      gtk_editable_set_text (GTK_EDITABLE (entry), "  Energy security ");
      g_signal_emit_by_name (entry, "activate");
      dossier_test_gui_spin (20);
      g_assert_null (find_entry (GTK_WIDGET (page)));
      g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, "Energy security");
      dossier_matrix_page_set_topic_label (page, 0, "");
      g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, computed);
      dossier_matrix_page_set_topic_label (page, 0, "Trade");
    }

  /* A cell opens its passage in the reader. */
  cell = first_cell (page, &column);
  if (cell != NULL)
    {
      g_autofree char *expected = NULL;
      DossierDocument *open;

      g_signal_connect (page, "open-passage", G_CALLBACK (remember_id_cb), &expected);
      g_signal_emit_by_name (cell, "clicked");
      dossier_test_gui_spin (50);
      g_assert_cmpstr (visible_page (), ==, "reader");
      open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
      g_assert_nonnull (open);
      g_assert_nonnull (expected);
      g_assert_cmpstr (dossier_document_get_id (open), ==, expected);
      g_assert_true (dossier_reader_view_get_selection_range (dossier_reader_page_get_view (dossier_window_get_reader_page (window)),
                                                              NULL, NULL, NULL, NULL));
      /* The matrix stays, renamed topic included. */
      g_assert_true (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "matrix") == GTK_WIDGET (page));
      g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, "Trade");

      /* The reader offers the way back to the matrix, and it leads there. */
      {
        GtkWidget *back = dossier_window_get_matrix_back_button (window);

        g_assert_nonnull (back);
        g_assert_true (gtk_widget_get_visible (back));
        g_signal_emit_by_name (back, "clicked");
        dossier_test_gui_spin (50);
        g_assert_cmpstr (visible_page (), ==, "matrix");
        g_assert_false (gtk_widget_get_visible (back));
      }
    }
  else
    g_test_message ("the fixtures share no topic; no cell to click");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-matrix", NULL);
  dossier_test_gui_spin (50);
  g_assert_null (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "matrix"));
}

static guint
n_citations (void)
{
  DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));

  return g_list_model_get_n_items (dossier_memo_get_citations (memo));
}

static gboolean
memo_shown (void)
{
  return g_strcmp0 (visible_page (), "memo") == 0;
}

static void
test_add_to_memo (void)
{
  GtkSelectionModel *selection = dossier_window_get_selection (window);
  DossierReaderView *view;
  GMenuModel *menu;
  gboolean found = FALSE;

  /* The reader's selection menu offers it. */
  view = dossier_reader_page_get_view (dossier_window_get_reader_page (window));
  menu = G_MENU_MODEL (dossier_reader_view_get_selection_menu (view));
  for (int i = 0; i < g_menu_model_get_n_items (menu) && !found; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section) && !found; j++)
        {
          g_autofree char *action = NULL;
          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            found = g_strcmp0 (action, "win.add-to-memo") == 0;
        }
    }
  g_assert_true (found);

  gtk_selection_model_select_item (selection, 0, TRUE);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "reader");
  g_assert_null (dossier_window_get_memo_page (window));

  /* No memo open: a policy brief is started; the reader stays. */
  g_assert_true (dossier_reader_view_select_range (view, 0, 0, 10));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-memo", NULL);
  dossier_test_gui_spin (50);
  g_assert_nonnull (dossier_window_get_memo_page (window));
  g_assert_cmpint (dossier_memo_get_kind (dossier_memo_page_get_memo (dossier_window_get_memo_page (window))), ==,
                   DOSSIER_MEMO_KIND_POLICY_BRIEF);
  g_assert_cmpstr (visible_page (), ==, "reader");
  g_assert_cmpuint (n_citations (), ==, 1);

  /* A second passage, from another paragraph. */
  g_assert_true (dossier_reader_view_select_range (view, 1, 0, 12));
  g_assert_true (dossier_window_add_selection_to_memo (window));
  g_assert_cmpuint (n_citations (), >=, 1);

  /* Quote in Memo at Cursor: the passage goes into the running text of
   * the section being written, as a quotation with its marker. */
  {
    DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
    guint before = n_citations ();
    gboolean quoted = FALSE;

    g_assert_true (dossier_reader_view_select_range (view, 0, 0, 10));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.quote-in-memo", NULL);
    dossier_test_gui_spin (50);
    g_assert_cmpuint (n_citations (), ==, before + 1);
    for (guint i = 0; i < dossier_memo_get_n_sections (memo); i++)
      {
        g_autofree char *text = dossier_memo_section_dup_source_text (dossier_memo_get_section (memo, i));

        quoted |= g_regex_match_simple ("“[^”\\n]+”\\[\\^[^]]+\\]", text, 0, 0);
      }
    g_assert_true (quoted);
    g_assert_cmpstr (visible_page (), ==, "reader");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-memo", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "memo");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (dossier_memo_page_get_modified (dossier_window_get_memo_page (window)));
}

/* A cell's Add to Memo quotes the passage in the open memo; the matrix
 * stays in front. */
static void
test_matrix_add_to_memo (void)
{
  DossierMatrixPage *page = open_matrix ();
  DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  guint before = n_citations ();
  GtkWidget *cell, *add;
  guint column = 0;

  cell = first_cell (page, &column);
  if (cell == NULL)
    {
      g_test_skip ("the fixtures share no topic");
      return;
    }
  add = g_object_get_data (G_OBJECT (cell), "dossier-add");
  g_assert_true (GTK_IS_BUTTON (add));
  g_signal_emit_by_name (add, "clicked");
  dossier_test_gui_spin (50);
  g_assert_cmpuint (n_citations (), ==, before + 1);
  g_assert_true (dossier_memo_page_get_memo (dossier_window_get_memo_page (window)) == memo);
  g_assert_cmpstr (visible_page (), ==, "matrix");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-matrix", NULL);
  dossier_test_gui_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-memo", NULL);
  dossier_test_gui_spin (50);
}

static void
test_insert_perspectives (void)
{
  DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  guint before = dossier_memo_get_n_sections (memo);
  guint citations_before = n_citations ();

  select_both ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-perspectives", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpstr (visible_page (), ==, "memo");
  /* Either a new section or the template's perspectives section filled. */
  g_assert_cmpuint (dossier_memo_get_n_sections (memo) + n_citations (), >, before + citations_before);
}

static gboolean find_label (GtkWidget  *widget,
                            const char *words);

static AdwActionRow *
find_recent_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_recent_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
test_save_and_reopen (void)
{
  g_autofree char *path = g_build_filename (tmp_home, "brief.dossier-memo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierMemo) loaded = NULL;
  g_autoptr(GError) error = NULL;
  DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  g_autofree char *uri = g_file_get_uri (file);
  guint sections = dossier_memo_get_n_sections (memo);
  guint citations = n_citations ();

  dossier_memo_set_subject (memo, "(U) Harbour policy");
  /* Unsaved changes show in the memo's header too. */
  g_assert_true (dossier_memo_page_get_modified (dossier_window_get_memo_page (window)));
  dossier_memo_page_refresh (dossier_window_get_memo_page (window));
  g_assert_true (find_label (GTK_WIDGET (dossier_window_get_memo_page (window)), "• Harbour policy"));
  dossier_window_save_memo_to (window, file);
  wait_for (saves_done, 20);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (dossier_memo_autosave_get_dirty (dossier_window_get_memo_autosave (window)));
  g_assert_false (dossier_memo_page_get_modified (dossier_window_get_memo_page (window)));
  g_assert_false (find_label (GTK_WIDGET (dossier_window_get_memo_page (window)), "• Harbour policy"));
  g_assert_true (g_file_equal (dossier_window_get_memo_file (window), file));
  /* Named by its subject, without the portion mark, not its file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Harbour policy — Dossier");

  loaded = dossier_memo_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_memo_get_subject (loaded), ==, "(U) Harbour policy");
  g_assert_cmpuint (dossier_memo_get_n_sections (loaded), ==, sections);

  /* It is a recent memo now. */
  dossier_test_gui_spin (100);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  {
    /* Recent Memos lists it by its subject. */
    GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);

    g_assert_nonnull (info);
    g_assert_cmpstr (gtk_recent_info_get_display_name (info), ==, "Harbour policy");
    gtk_recent_info_unref (info);
  }
  {
    /* The row says which folder the memo is in, not its whole path. */
    g_autofree char *folder = g_path_get_basename (tmp_home);
    AdwActionRow *row = NULL;

    /* The recent manager tells the window once it has written its list. */
    for (guint waited = 0; (row = find_recent_row (GTK_WIDGET (window), "Harbour policy")) == NULL && waited < 500; waited++)
      dossier_test_gui_spin (10);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, folder);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, path);
  }

  /* A new memo from another template, then the saved one through the
   * application (as the file manager opens it). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-memo", "s", "decision");
  dossier_test_gui_spin (50);
  g_assert_cmpint (dossier_memo_get_kind (dossier_memo_page_get_memo (dossier_window_get_memo_page (window))), ==,
                   DOSSIER_MEMO_KIND_DECISION);
  g_assert_null (dossier_window_get_memo_file (window));

  g_application_open (G_APPLICATION (app), &file, 1, "");
  wait_for (saves_done, 20);
  g_assert_true (memo_shown ());
  g_assert_true (g_file_equal (dossier_window_get_memo_file (window), file));
  memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  g_assert_cmpstr (dossier_memo_get_subject (memo), ==, "(U) Harbour policy");
  g_assert_cmpuint (n_citations (), ==, citations);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *words)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), words) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, words))
      return TRUE;
  return FALSE;
}

/* Dismisses the toast on show, so the next in the queue comes up: a toast
 * times out only while its window is active, which under Xvfb another
 * test's window may be. */
static gboolean
dismiss_toast (GtkWidget *widget,
               gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    {
      g_signal_emit_by_name (widget, "clicked");
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (dismiss_toast (child, in_toast))
      return TRUE;
  return FALSE;
}

/* Clicks the Details button of the toast on show. */
static gboolean
click_toast_details (GtkWidget *widget,
                     gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Details") == 0)
    {
      g_signal_emit_by_name (widget, "clicked");
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (click_toast_details (child, in_toast))
      return TRUE;
  return FALSE;
}

/* Saving over a named pipe (that hung the app), into a folder or onto a
 * device: a toast says so and its Details why, the memo stays unsaved and
 * its file as it was. */
static void
test_save_refused (void)
{
  g_autofree char *fifo = g_build_filename (tmp_home, "pipe.dossier-memo", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_home);
  g_autofree char *device_path = dossier_test_make_device (tmp_home);
  g_autoptr(GFile) device = g_file_new_for_path (device_path);
  g_autoptr(GFile) own = g_object_ref (dossier_window_get_memo_file (window));
  DossierMemo *memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;

  g_assert_true (g_file_load_contents (own, NULL, &before, NULL, NULL, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  dossier_memo_set_subject (memo, "Harbour policy, not saved");

  dossier_window_save_memo_to (window, fifo_file);
  wait_for (saves_done, 20);
  /* Toasts queue: earlier ones may still be up. */
  for (guint i = 0; i < 100 && !find_label (GTK_WIDGET (window), "Could not save the memo"); i++)
    {
      dismiss_toast (GTK_WIDGET (window), FALSE);
      dossier_test_gui_spin (100);
    }
  g_assert_true (find_label (GTK_WIDGET (window), "Could not save the memo"));
  dossier_test_gui_spin (500);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "save-refused-toast.png");
  /* Too long for the toast, the reason is under Details. */
  {
    AdwMessageDialog *details;

    g_assert_true (click_toast_details (GTK_WIDGET (window), FALSE));
    dossier_test_gui_spin (50);
    details = dossier_test_gui_find_message_dialog ();
    g_assert_nonnull (details);
    g_assert_true (find_label (GTK_WIDGET (details), "it is a named pipe, not a file"));
    gtk_window_destroy (GTK_WINDOW (details));
    dossier_test_gui_spin (50);
  }
  /* The way past a toast that does not time out works. */
  g_assert_true (dismiss_toast (GTK_WIDGET (window), FALSE));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  dossier_window_save_memo_to (window, folder);
  wait_for (saves_done, 20);
  dossier_window_save_memo_to (window, device);
  wait_for (saves_done, 20);
  g_assert_cmpint (g_lstat (device_path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* Still unsaved, still its own file, which was not touched. */
  g_assert_true (dossier_memo_autosave_get_dirty (dossier_window_get_memo_autosave (window)));
  g_assert_true (g_file_equal (dossier_window_get_memo_file (window), own));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (dossier_memo_page_get_modified (dossier_window_get_memo_page (window)));
  g_assert_true (g_file_load_contents (own, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Saved where it belongs, for the tests that follow. */
  dossier_memo_set_subject (memo, "Harbour policy");
  dossier_window_save_memo_to (window, own);
  wait_for (saves_done, 20);
  g_assert_false (dossier_memo_autosave_get_dirty (dossier_window_get_memo_autosave (window)));
  g_unlink (fifo);
  if (!g_str_equal (device_path, "/dev/null"))
    g_unlink (device_path);
}

static gboolean
recovery_written (void)
{
  DossierMemoAutosave *autosave = dossier_window_get_memo_autosave (window);

  return g_file_query_exists (dossier_memo_autosave_get_recovery_file (autosave), NULL);
}

static void
test_unsaved_and_recovery (void)
{
  DossierMemoAutosave *autosave = dossier_window_get_memo_autosave (window);
  DossierMemo *memo = dossier_memo_autosave_get_memo (autosave);
  g_autoptr(GFile) recovery = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *old_window;

  dossier_memo_autosave_set_delay (autosave, 50);
  dossier_memo_set_subject (memo, "Harbour policy, revised");
  g_assert_true (dossier_memo_autosave_get_dirty (autosave));
  wait_for (recovery_written, 10);
  recovery = g_object_ref (dossier_memo_autosave_get_recovery_file (autosave));

  /* Closing asks; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  /* It names the memo by its subject, not its file. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to “Harbour policy, revised”?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dossier_test_gui_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The window goes away without asking (a crash, the session ending):
   * the recovery copy stays… */
  old_window = GTK_WIDGET (window);
  gtk_window_destroy (GTK_WINDOW (old_window));
  dossier_test_gui_spin (100);
  g_assert_true (g_file_query_exists (recovery, NULL));

  /* …and the next window offers it. */
  window = create_window ();
  dossier_test_gui_spin (100);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  /* It says which memo it is. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Harbour policy, revised"));
  /* And when, as GNOME Files says it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Last changed: Today at "));
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dossier_test_gui_spin (100);
  g_assert_true (memo_shown ());
  memo = dossier_memo_page_get_memo (dossier_window_get_memo_page (window));
  g_assert_cmpstr (dossier_memo_get_subject (memo), ==, "Harbour policy, revised");
  /* Restored but not saved: still its file, still unsaved. */
  g_assert_nonnull (dossier_window_get_memo_file (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (dossier_memo_page_get_modified (dossier_window_get_memo_page (window)));

  /* Closing and discarding removes the recovery copy. */
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  dossier_test_gui_spin (200);
  g_assert_false (g_file_query_exists (recovery, NULL));
  window = NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = NULL;
  int status;

  /* Before GLib caches the user directories. */
  tmp_home = g_dir_make_tmp ("dossier-test-briefs-XXXXXX", NULL);
  data_dir = g_build_filename (tmp_home, "data", NULL);
  g_mkdir_with_parents (data_dir, 0700);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* GApplication::open goes through the window the app knows. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/dossier/app/briefs/import", test_import);
  g_test_add_func ("/dossier/app/briefs/compare", test_compare);
  g_test_add_func ("/dossier/app/briefs/compare-with", test_compare_with);
  g_test_add_func ("/dossier/app/briefs/matrix", test_matrix);
  g_test_add_func ("/dossier/app/briefs/add-to-memo", test_add_to_memo);
  g_test_add_func ("/dossier/app/briefs/matrix-add-to-memo", test_matrix_add_to_memo);
  g_test_add_func ("/dossier/app/briefs/insert-perspectives", test_insert_perspectives);
  g_test_add_func ("/dossier/app/briefs/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/dossier/app/briefs/save-refused", test_save_refused);
  g_test_add_func ("/dossier/app/briefs/unsaved-and-recovery", test_unsaved_and_recovery);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
