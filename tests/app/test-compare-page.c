/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-compare-page"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>

#include "dossier-compare-page.h"
#include "importers/dossier-import.h"
#include "widgets/dossier-link-gutter.h"

/*
 * The comparison page on its own (the window wires it in elsewhere): open
 * the comparison of two fixtures, select a paragraph, and check that the
 * other pane scrolled to and highlighted its match. Set
 * DOSSIER_SCREENSHOT_DIR to keep PNG screenshots of the states tested.
 */

static DossierDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* the app's stylesheet, when its resources are linked in, so the
 * screenshots look as in the app */
static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  const char *path = "/io/github/dossier/Dossier/style.css";

  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, path);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* the same state in the dark style, for looking at the colours */
static void
screenshot_dark (GtkWidget  *widget,
                 const char *name)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") == NULL)
    return;
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  dossier_test_gui_spin (200);
  dossier_test_gui_screenshot (widget, name);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  dossier_test_gui_spin (200);
}

static GtkWidget *
find_gutter (GtkWidget *widget)
{
  if (DOSSIER_IS_LINK_GUTTER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_gutter (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEventController *
scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        return controller;
    }
  return NULL;
}

static GtkWindow *
show_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DossierComparison *comparison = dossier_compare_page_get_comparison (DOSSIER_COMPARE_PAGE (page));
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, 1300, 800);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  while ((dossier_comparison_get_busy (comparison) || dossier_comparison_get_result (comparison) == NULL) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dossier_comparison_get_result (comparison));
  dossier_test_gui_spin (300);

  return window;
}

static gboolean
row_selected (GtkListBox *list,
              guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL && gtk_list_box_row_is_selected (row);
}

static gboolean
row_visible (DossierComparePage *page,
             gboolean            left,
             guint               index)
{
  GtkListBox *list = dossier_compare_page_get_list (page, left);
  GtkAdjustment *adjustment = dossier_compare_page_get_vadjustment (page, left);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;
  double top = gtk_adjustment_get_value (adjustment);
  double bottom = top + gtk_adjustment_get_page_size (adjustment);

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (list), &in, &out));
  return out.y >= top - 1 && out.y < bottom;
}

static void
test_perspectives_selection (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  GtkWindow *window;
  GtkListBox *left_list, *right_list;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page (page);
  left_list = dossier_compare_page_get_list (compare, TRUE);
  right_list = dossier_compare_page_get_list (compare, FALSE);
  g_assert_cmpint (dossier_comparison_get_effective_mode (dossier_compare_page_get_comparison (compare)), ==,
                   DOSSIER_COMPARISON_MODE_PERSPECTIVES);

  /* the right pane starts at the top: its paragraph 9 is out of view */
  g_assert_false (row_visible (compare, FALSE, 9));

  /* the user clicks the recommendation on the left (A8) */
  g_signal_emit_by_name (left_list, "row-activated", gtk_list_box_get_row_at_index (left_list, 8));
  dossier_test_gui_spin (200);
  g_assert_true (row_selected (left_list, 8));
  g_assert_true (row_selected (right_list, 9));   /* its match: what Washington should do */
  g_assert_false (row_selected (right_list, 0));
  g_assert_true (row_visible (compare, FALSE, 9));
  dossier_test_gui_screenshot (GTK_WIDGET (window), "compare-perspectives.png");
  screenshot_dark (GTK_WIDGET (window), "compare-perspectives-dark.png");

  /* and from the right: the paragraph on Seoul (B7) leads to A6 */
  dossier_compare_page_select_paragraph (compare, FALSE, 7);
  dossier_test_gui_spin (200);
  g_assert_true (row_selected (left_list, 6));
  g_assert_true (row_visible (compare, TRUE, 6));
  g_assert_false (row_selected (left_list, 8));

  /* synchronised scrolling: the left pane back to the top brings the
   * right one with it, and not when turned off */
  {
    GtkAdjustment *left_adj = dossier_compare_page_get_vadjustment (compare, TRUE);
    GtkAdjustment *right_adj = dossier_compare_page_get_vadjustment (compare, FALSE);

    g_assert_true (dossier_compare_page_get_sync_scrolling (compare));
    g_assert_cmpfloat (gtk_adjustment_get_value (right_adj), >, 100.0);
    gtk_adjustment_set_value (left_adj, 0.0);
    dossier_test_gui_spin (100);
    g_assert_cmpfloat (gtk_adjustment_get_value (right_adj), <, 100.0);

    /* the wheel over the gutter between the panes scrolls them too */
    {
      GtkWidget *gutter = find_gutter (page);
      GtkEventController *controller;
      gboolean handled = FALSE;

      g_assert_nonnull (gutter);
      controller = scroll_controller (gutter);
      g_assert_nonnull (controller);
      g_signal_emit_by_name (controller, "scroll", 0.0, 3.0, &handled);
      dossier_test_gui_spin (100);
      g_assert_true (handled);
      g_assert_cmpfloat (gtk_adjustment_get_value (left_adj), >, 10.0);
      gtk_adjustment_set_value (left_adj, 0.0);
      dossier_test_gui_spin (100);
    }

    g_assert_true (gtk_widget_activate_action (page, "compare.sync-scrolling", NULL));
    g_assert_false (dossier_compare_page_get_sync_scrolling (compare));
    dossier_compare_page_select_paragraph (compare, FALSE, 9);
    dossier_test_gui_spin (100);
    g_assert_cmpfloat (gtk_adjustment_get_value (right_adj), >, 100.0);
    gtk_adjustment_set_value (left_adj, 0.0);
    dossier_test_gui_spin (100);
    g_assert_cmpfloat (gtk_adjustment_get_value (right_adj), >, 100.0);
  }

  /* an anchor from the current pair recomputes with it */
  g_assert_true (gtk_widget_activate_action (page, "compare.toggle-anchor", NULL));
  dossier_test_gui_spin (100);
  while (dossier_comparison_get_busy (dossier_compare_page_get_comparison (compare)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_comparison_get_anchors (dossier_compare_page_get_comparison (compare))), ==, 1);

  gtk_window_destroy (window);
  dossier_test_gui_spin (100);
  g_assert_null (page);
}

static void
test_versions_navigation (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("brief-v1.txt");
  g_autoptr(DossierDocument) right = load_fixture ("brief-v2.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  GtkWindow *window;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page (page);
  g_assert_cmpint (dossier_comparison_get_effective_mode (dossier_compare_page_get_comparison (compare)), ==,
                   DOSSIER_COMPARISON_MODE_VERSIONS);

  /* first change: "three" → "four" in paragraph 1 of both */
  g_assert_true (gtk_widget_activate_action (page, "compare.next", NULL));
  dossier_test_gui_spin (100);
  g_assert_true (row_selected (dossier_compare_page_get_list (compare, TRUE), 1));
  g_assert_true (row_selected (dossier_compare_page_get_list (compare, FALSE), 1));
  dossier_test_gui_screenshot (GTK_WIDGET (window), "compare-versions.png");
  screenshot_dark (GTK_WIDGET (window), "compare-versions-dark.png");

  /* backwards from the first wraps to the last: the end of paragraph 5 */
  g_assert_true (gtk_widget_activate_action (page, "compare.previous", NULL));
  dossier_test_gui_spin (100);
  g_assert_true (row_selected (dossier_compare_page_get_list (compare, TRUE), 5));
  g_assert_true (row_selected (dossier_compare_page_get_list (compare, FALSE), 5));

  /* and before it, the paragraph added whole: only on the right */
  g_assert_true (gtk_widget_activate_action (page, "compare.previous", NULL));
  dossier_test_gui_spin (100);
  g_assert_true (row_selected (dossier_compare_page_get_list (compare, FALSE), 4));
  g_assert_false (row_selected (dossier_compare_page_get_list (compare, TRUE), 5));

  gtk_window_destroy (window);
  dossier_test_gui_spin (100);
  g_assert_null (page);
}

/* Closing the page while the comparison still runs must not touch the
 * disposed page when the result arrives. */
static void
test_destroy_while_computing (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  g_autoptr(DossierComparison) comparison = g_object_ref (dossier_compare_page_get_comparison (DOSSIER_COMPARE_PAGE (page)));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  g_assert_true (dossier_comparison_get_busy (comparison));
  gtk_window_destroy (window);

  while (dossier_comparison_get_busy (comparison) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_gui_spin (100);
  g_assert_false (dossier_comparison_get_busy (comparison));
  g_assert_null (page);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);
  load_app_style ();

  g_test_add_func ("/dossier/app/compare/perspectives-selection", test_perspectives_selection);
  g_test_add_func ("/dossier/app/compare/versions-navigation", test_versions_navigation);
  g_test_add_func ("/dossier/app/compare/destroy-while-computing", test_destroy_while_computing);

  return g_test_run ();
}
