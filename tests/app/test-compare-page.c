/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-compare-page"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-compare-page.h"
#include "dossier-compare-pane.h"
#include "importers/dossier-import.h"
#include "widgets/dossier-link-gutter.h"
#include "widgets/dossier-overview-strip.h"

/*
 * The comparison page on its own (the window wires it in elsewhere): open
 * the comparison of two fixtures, select a paragraph, and check that the
 * other pane scrolled to and highlighted its match; step through links
 * and changes; accept, reject and add links; switch modes; fold the terms
 * panel; and the narrow width. Set DOSSIER_SCREENSHOT_DIR to keep PNG
 * screenshots of the states tested.
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

/* The widgets of a type below @widget, in tree order. */
static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static DossierComparePane *
find_pane (GtkWidget *page,
           gboolean   left)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();

  collect_widgets (page, DOSSIER_TYPE_COMPARE_PANE, panes);
  g_assert_cmpuint (panes->len, ==, 2);
  for (guint i = 0; i < panes->len; i++)
    if (dossier_compare_pane_get_left (g_ptr_array_index (panes, i)) == left)
      return g_ptr_array_index (panes, i);
  g_assert_not_reached ();
}

/* The button with this action, wherever the page puts it. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the page's class binds @accelerator to @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accelerator,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action) &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }
  return FALSE;
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

/* Until the comparison computed by the page is in. */
static void
wait_computed (DossierComparison *comparison)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  dossier_test_gui_spin (20);
  while ((dossier_comparison_get_busy (comparison) || dossier_comparison_get_result (comparison) == NULL) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_comparison_get_busy (comparison));
  dossier_test_gui_spin (100);
}

static GtkWindow *show_page_sized (GtkWidget *page,
                                   int        width);

static GtkWindow *
show_page (GtkWidget *page)
{
  return show_page_sized (page, 1300);
}

static GtkWindow *
show_page_sized (GtkWidget *page,
                 int        width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DossierComparison *comparison = dossier_compare_page_get_comparison (DOSSIER_COMPARE_PAGE (page));
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, 800);
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

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static DossierAlignment *
link_at (DossierComparison *comparison,
         guint              position)
{
  return g_list_model_get_item (dossier_comparison_get_alignments (comparison), position);
}

static void
assert_current (DossierComparePage *page,
                guint               a,
                guint               b)
{
  int left, right;

  g_assert_true (dossier_compare_page_get_current_link (page, &left, &right));
  g_assert_cmpint (left, ==, a);
  g_assert_cmpint (right, ==, b);
  g_assert_true (row_selected (dossier_compare_page_get_list (page, TRUE), a));
  g_assert_true (row_selected (dossier_compare_page_get_list (page, FALSE), b));
  g_assert_true (row_visible (page, TRUE, a));
  g_assert_true (row_visible (page, FALSE, b));
}

static double
row_middle_in (GtkWidget  *gutter,
               GtkListBox *list,
               guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row), gutter, &in, &out));
  return out.y + gtk_widget_get_height (GTK_WIDGET (row)) / 2.0;
}

typedef struct {
  guint a, b;
} Pair;

static int
compare_by_right (gconstpointer x,
                  gconstpointer y)
{
  const Pair *p = x, *q = y;

  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return (p->a > q->a) - (p->a < q->a);
}

/* Alt+Down and Alt+Up (and the header's arrows) step through the links in
 * the order of the pane being read, wrapping at the ends; the gutter's
 * bands and the overview strips lead there too. */
static void
test_link_navigation (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  DossierComparison *comparison = dossier_compare_page_get_comparison (compare);
  GtkWindow *window;
  GtkWidget *next, *gutter;
  guint n;
  g_autofree char *expected = NULL;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page (page);
  n = g_list_model_get_n_items (dossier_comparison_get_alignments (comparison));
  g_assert_cmpuint (n, >=, 3);
  g_assert_false (dossier_compare_page_get_current_link (compare, NULL, NULL));

  g_assert_true (has_shortcut (page, "<Alt>Down", "compare.next"));
  g_assert_true (has_shortcut (page, "<Alt>Up", "compare.previous"));

  /* the header's down arrow: the first link */
  next = find_action_button (page, "compare.next");
  g_assert_nonnull (next);
  g_assert_true (gtk_widget_is_ancestor (next, GTK_WIDGET (dossier_compare_page_get_header_bar (compare))));
  g_signal_emit_by_name (next, "clicked");
  dossier_test_gui_spin (100);
  {
    g_autoptr(DossierAlignment) first = link_at (comparison, 0);

    assert_current (compare, dossier_alignment_get_a (first), dossier_alignment_get_b (first));
  }
  expected = g_strdup_printf ("Link 1 of %u", n);
  g_assert_true (g_str_has_prefix (dossier_compare_page_get_link_text (compare), expected));

  /* Alt+Down: the second */
  g_assert_true (gtk_widget_activate_action (page, "compare.next", NULL));
  dossier_test_gui_spin (100);
  {
    g_autoptr(DossierAlignment) second = link_at (comparison, 1);

    assert_current (compare, dossier_alignment_get_a (second), dossier_alignment_get_b (second));
  }

  /* Alt+Up twice: back to the first, then around to the last */
  gtk_widget_activate_action (page, "compare.previous", NULL);
  gtk_widget_activate_action (page, "compare.previous", NULL);
  dossier_test_gui_spin (100);
  {
    g_autoptr(DossierAlignment) last = link_at (comparison, n - 1);
    g_autofree char *last_text = g_strdup_printf ("Link %u of %u", n, n);

    assert_current (compare, dossier_alignment_get_a (last), dossier_alignment_get_b (last));
    g_assert_true (g_str_has_prefix (dossier_compare_page_get_link_text (compare), last_text));
    dossier_test_gui_screenshot (GTK_WIDGET (window), "compare-link.png");

    /* the gutter: the middle of the current band is that link */
    gutter = find_gutter (page);
    {
      double y = (row_middle_in (gutter, dossier_compare_page_get_list (compare, TRUE), dossier_alignment_get_a (last)) +
                  row_middle_in (gutter, dossier_compare_page_get_list (compare, FALSE), dossier_alignment_get_b (last))) / 2.0;
      int a, b;

      g_assert_true (dossier_link_gutter_get_link_at (DOSSIER_LINK_GUTTER (gutter), gtk_widget_get_width (gutter) / 2.0, y, &a, &b));
      g_assert_cmpint (a, ==, dossier_alignment_get_a (last));
      g_assert_cmpint (b, ==, dossier_alignment_get_b (last));
    }
  }

  /* a click on a band chooses its link */
  {
    g_autoptr(DossierAlignment) first = link_at (comparison, 0);

    g_signal_emit_by_name (gutter, "activate-link", (int) dossier_alignment_get_a (first), (int) dossier_alignment_get_b (first));
    dossier_test_gui_spin (100);
    assert_current (compare, dossier_alignment_get_a (first), dossier_alignment_get_b (first));
  }

  /* reading the right pane, the links come in its order */
  {
    g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
    GtkListBox *right_list = dossier_compare_page_get_list (compare, FALSE);
    int a, b;
    guint k;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(DossierAlignment) link = link_at (comparison, i);
        Pair pair = { dossier_alignment_get_a (link), dossier_alignment_get_b (link) };

        g_array_append_val (pairs, pair);
      }
    g_array_sort (pairs, compare_by_right);
    dossier_compare_page_get_current_link (compare, &a, &b);
    for (k = 0; k < n; k++)
      if ((int) g_array_index (pairs, Pair, k).a == a && (int) g_array_index (pairs, Pair, k).b == b)
        break;
    g_assert_cmpuint (k, <, n);
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (right_list, b)));
    gtk_widget_activate_action (page, "compare.next", NULL);
    dossier_test_gui_spin (100);
    k = (k + 1) % n;
    assert_current (compare, g_array_index (pairs, Pair, k).a, g_array_index (pairs, Pair, k).b);
  }

  /* the overview strip: a click near its bottom shows the end of the pane */
  {
    DossierComparePane *right_pane = find_pane (page, FALSE);
    DossierOverviewStrip *strip = dossier_compare_pane_get_strip (right_pane);
    GtkAdjustment *adjustment = dossier_compare_pane_get_vadjustment (right_pane);

    dossier_compare_page_set_sync_scrolling (compare, FALSE);
    gtk_adjustment_set_value (adjustment, 0.0);
    dossier_overview_strip_jump_to (strip, gtk_widget_get_height (GTK_WIDGET (strip)) - 1.0);
    dossier_test_gui_spin (50);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=,
                       gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1.0);
  }

  gtk_window_destroy (window);
  dossier_test_gui_spin (100);
  g_assert_null (page);
}

/* Accept and reject a proposed link, undo and restore a rejection, link two
 * paragraphs the comparison did not; the choices hold through a new
 * computation and are saved with the comparison. */
static void
test_accept_reject (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  DossierComparison *comparison = dossier_compare_page_get_comparison (compare);
  GListModel *alignments = dossier_comparison_get_alignments (comparison);
  GtkWindow *window;
  GtkWidget *accept;
  gboolean accepted;
  guint n;
  int a, b, c, d;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page (page);
  n = g_list_model_get_n_items (alignments);
  g_assert_true (has_shortcut (page, "<Alt>a", "compare.accept-link"));
  g_assert_true (has_shortcut (page, "<Alt>r", "compare.reject-link"));

  /* nothing chosen: nothing to accept */
  g_assert_false (gtk_widget_activate_action (page, "compare.accept-link", NULL) &&
                  dossier_comparison_get_n_accepted (comparison) > 0);

  gtk_widget_activate_action (page, "compare.next", NULL);
  dossier_test_gui_spin (50);
  g_assert_true (dossier_compare_page_get_current_link (compare, &a, &b));

  /* accept: marked in the model, the toggle pressed, the bar says so */
  g_assert_true (gtk_widget_activate_action (page, "compare.accept-link", NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpint (dossier_comparison_get_link_choice (comparison, a, b), ==, DOSSIER_LINK_CHOICE_ACCEPTED);
  g_object_get (page, "link-accepted", &accepted, NULL);
  g_assert_true (accepted);
  accept = find_action_button (page, "compare.accept-link");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (accept));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (accept)));
  g_assert_nonnull (strstr (dossier_compare_page_get_link_text (compare), "accepted"));
  dossier_test_gui_screenshot (GTK_WIDGET (window), "compare-accepted.png");

  /* the toggle again withdraws it; then accepted for good */
  gtk_widget_activate_action (page, "compare.accept-link", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpint (dossier_comparison_get_link_choice (comparison, a, b), ==, DOSSIER_LINK_CHOICE_NONE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (accept)));
  gtk_widget_activate_action (page, "compare.accept-link", NULL);

  /* reject the next one: gone at once; Undo brings it back. On the way,
   * link-accepted notifies when it changes, not at every step. */
  {
    guint notifies = 0;
    gulong handler = g_signal_connect (page, "notify::link-accepted", G_CALLBACK (count_notify_cb), &notifies);

    gtk_widget_activate_action (page, "compare.next", NULL);
    g_assert_cmpuint (notifies, ==, 1);
    gtk_widget_activate_action (page, "compare.next", NULL);
    gtk_widget_activate_action (page, "compare.previous", NULL);
    g_assert_cmpuint (notifies, ==, 1);
    g_signal_handler_disconnect (page, handler);
  }
  dossier_test_gui_spin (50);
  g_assert_true (dossier_compare_page_get_current_link (compare, &c, &d));
  g_assert_true (gtk_widget_activate_action (page, "compare.reject-link", NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n - 1);
  g_assert_false (dossier_compare_page_get_current_link (compare, NULL, NULL));
  g_assert_nonnull (strstr (dossier_compare_page_get_link_text (compare), "not linked"));
  g_assert_true (gtk_widget_activate_action (page, "compare.undo-reject", NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n);
  g_assert_true (dossier_compare_page_get_current_link (compare, NULL, NULL));

  /* rejected again, it stays away when the comparison is computed anew,
   * and the accepted one stays */
  gtk_widget_activate_action (page, "compare.reject-link", NULL);
  gtk_widget_activate_action (page, "compare.mode", "s", "perspectives");
  wait_computed (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n - 1);
  g_assert_false (dossier_compare_page_get_current_link (compare, NULL, NULL));
  {
    g_autoptr(DossierAlignment) kept = dossier_comparison_find_link (comparison, a, b, NULL);

    g_assert_nonnull (kept);
    g_assert_true (dossier_alignment_get_accepted (kept));
  }

  /* Restore Rejected Links, from the menu */
  g_assert_true (gtk_widget_activate_action (page, "compare.restore-rejected", NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (alignments), ==, n);
  g_assert_cmpuint (dossier_comparison_get_n_rejected (comparison), ==, 0);

  /* link two paragraphs the comparison did not: a paragraph without links
   * on the left, then one on the right chosen with Ctrl held */
  {
    guint n_left = g_list_model_get_n_items (dossier_document_get_paragraphs (left));
    guint p = n_left, q = 0;
    g_autoptr(DossierAlignment) made = NULL;

    for (guint i = 0; i < n_left && p == n_left; i++)
      {
        g_autoptr(GArray) links = dossier_comparison_dup_links_for (comparison, TRUE, i);
        if (links->len == 0)
          p = i;
      }
    g_assert_cmpuint (p, <, n_left);
    g_signal_emit_by_name (find_pane (page, TRUE), "paragraph-activated", p, FALSE);
    /* Ctrl+Enter on a row of the right pane */
    {
      GtkListBox *right_list = dossier_compare_page_get_list (compare, FALSE);
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (right_list));
      gboolean handled = FALSE;

      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (right_list, q)));
      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, GDK_CONTROL_MASK, &handled);
        }
      g_assert_true (handled);
    }
    dossier_test_gui_spin (50);
    g_assert_false (dossier_compare_page_get_current_link (compare, &c, &d));
    g_assert_cmpint (c, ==, p);
    g_assert_cmpint (d, ==, q);
    g_assert_true (gtk_widget_activate_action (page, "compare.toggle-anchor", NULL));
    wait_computed (comparison);
    made = dossier_comparison_find_link (comparison, p, q, NULL);
    g_assert_nonnull (made);
    g_assert_true (dossier_alignment_get_anchored (made));
    g_assert_true (dossier_compare_page_get_current_link (compare, NULL, NULL));
    g_assert_nonnull (strstr (dossier_compare_page_get_link_text (compare), "linked by you"));

    /* rejecting a link made by hand unmakes it */
    gtk_widget_activate_action (page, "compare.reject-link", NULL);
    wait_computed (comparison);
    g_assert_false (dossier_comparison_has_anchor (comparison, p, q));
    g_assert_false (dossier_compare_page_get_current_link (compare, NULL, NULL));
  }

  /* saved with the comparison, and shown again when reopened */
  {
    g_autofree char *dir = g_dir_make_tmp ("dossier-compare-page-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "pair.dossier-comparison", NULL);
    g_autofree char *left_path = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-engagement.txt", NULL);
    g_autofree char *right_path = g_test_build_filename (G_TEST_DIST, "comparison", "data", "aid-pressure.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) left_file = g_file_new_for_path (left_path);
    g_autoptr(GFile) right_file = g_file_new_for_path (right_path);
    g_autoptr(DossierComparison) loaded = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierAlignment) kept = NULL;
    GtkWidget *again;
    GtkWindow *window2;

    dossier_comparison_set_left_file (comparison, left_file);
    dossier_comparison_set_right_file (comparison, right_file);
    g_assert_true (dossier_comparison_save (comparison, file, NULL, &error));
    g_assert_no_error (error);
    loaded = dossier_comparison_load (file, NULL, NULL, &error);
    g_assert_no_error (error);
    again = dossier_compare_page_new_for_comparison (loaded);
    g_object_add_weak_pointer (G_OBJECT (again), (gpointer *) &again);
    window2 = show_page (again);
    kept = dossier_comparison_find_link (loaded, a, b, NULL);
    g_assert_nonnull (kept);
    g_assert_true (dossier_alignment_get_accepted (kept));
    g_assert_cmpuint (dossier_comparison_get_n_rejected (loaded), ==, 1);
    gtk_window_destroy (window2);
    dossier_test_gui_spin (100);
    g_assert_null (again);
    g_unlink (path);
    g_rmdir (dir);
  }

  gtk_window_destroy (window);
  dossier_test_gui_spin (100);
  g_assert_null (page);
}

static gboolean
toggle_active_for (GtkWidget  *page,
                   const char *target)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

  collect_widgets (page, GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    {
      GtkActionable *toggle = g_ptr_array_index (toggles, i);
      GVariant *value = gtk_actionable_get_action_target_value (toggle);

      if (g_strcmp0 (gtk_actionable_get_action_name (toggle), "compare.mode") == 0 &&
          value != NULL && g_str_equal (g_variant_get_string (value, NULL), target))
        return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
    }
  g_assert_not_reached ();
}

/* The Perspectives | Versions toggle shows the mode found and forces the
 * other; the menu gives the choice back; the terms panel folds away (F9). */
static void
test_mode_and_terms (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  DossierComparison *comparison = dossier_compare_page_get_comparison (compare);
  GtkWindow *window;
  gboolean automatic;
  GtkRevealer *revealer;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page (page);
  g_object_get (page, "automatic-mode", &automatic, NULL);
  g_assert_true (automatic);
  g_assert_true (toggle_active_for (page, "perspectives"));
  g_assert_false (toggle_active_for (page, "versions"));

  g_assert_true (gtk_widget_activate_action (page, "compare.mode", "s", "versions"));
  wait_computed (comparison);
  g_assert_cmpint (dossier_comparison_get_effective_mode (comparison), ==, DOSSIER_COMPARISON_MODE_VERSIONS);
  g_assert_true (toggle_active_for (page, "versions"));
  g_assert_false (toggle_active_for (page, "perspectives"));
  g_object_get (page, "automatic-mode", &automatic, NULL);
  g_assert_false (automatic);
  /* accepting and rejecting are for perspectives */
  gtk_widget_activate_action (page, "compare.next", NULL);
  dossier_test_gui_spin (50);
  g_assert_false (gtk_widget_is_visible (find_action_button (page, "compare.accept-link")));
  g_assert_true (g_str_has_prefix (dossier_compare_page_get_link_text (compare), "Change 1 of"));

  g_assert_true (gtk_widget_activate_action (page, "compare.automatic-mode", NULL));
  wait_computed (comparison);
  g_assert_cmpint (dossier_comparison_get_mode (comparison), ==, DOSSIER_COMPARISON_MODE_AUTO);
  g_assert_true (toggle_active_for (page, "perspectives"));

  /* the terms panel */
  {
    g_autoptr(GPtrArray) revealers = g_ptr_array_new ();

    collect_widgets (page, GTK_TYPE_REVEALER, revealers);
    g_assert_cmpuint (revealers->len, >=, 1);
    revealer = g_ptr_array_index (revealers, 0);
  }
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (has_shortcut (page, "F9", "compare.show-terms"));
  g_assert_true (gtk_widget_activate_action (page, "compare.show-terms", NULL));
  g_assert_false (dossier_compare_page_get_show_terms (compare));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  /* the choice is kept for the next comparison */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.dossier.Dossier");
    g_autoptr(GtkWidget) other = NULL;

    g_assert_false (g_settings_get_boolean (settings, "compare-terms"));
    other = g_object_ref_sink (dossier_compare_page_new (left, right));
    g_assert_false (dossier_compare_page_get_show_terms (DOSSIER_COMPARE_PAGE (other)));
  }
  gtk_widget_activate_action (page, "compare.show-terms", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (window);
  dossier_test_gui_spin (100);
  g_assert_null (page);
}

/* At 700 px the two panes stay side by side, each wide enough to read. */
static void
test_narrow (void)
{
  g_autoptr(DossierDocument) left = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_fixture ("aid-pressure.txt");
  GtkWidget *page = dossier_compare_page_new (left, right);
  DossierComparePage *compare = DOSSIER_COMPARE_PAGE (page);
  GtkWindow *window;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  window = show_page_sized (page, 700);
  gtk_widget_activate_action (page, "compare.next", NULL);
  dossier_test_gui_spin (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 720);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dossier_compare_page_get_list (compare, TRUE))), >=, 240);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dossier_compare_page_get_list (compare, FALSE))), >=, 240);
  g_assert_cmpint (gtk_widget_get_width (find_gutter (page)), >=, 24);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "compare-narrow.png");

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
  g_test_add_func ("/dossier/app/compare/link-navigation", test_link_navigation);
  g_test_add_func ("/dossier/app/compare/accept-reject", test_accept_reject);
  g_test_add_func ("/dossier/app/compare/mode-and-terms", test_mode_and_terms);
  g_test_add_func ("/dossier/app/compare/narrow", test_narrow);
  g_test_add_func ("/dossier/app/compare/destroy-while-computing", test_destroy_while_computing);

  return g_test_run ();
}
