/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader-select"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>
#include <string.h>

#include "widgets/dossier-reader-view.h"

/* Selecting in the reader as a reader does: a context menu without the
 * editing commands a read-only text cannot use, a triple click that takes
 * the whole paragraph however many lines it wraps to, and a dragged
 * selection that takes in the words it cuts into. Clicks are the text
 * view's gestures' signals at a place in the text; every wait is for a
 * condition. */

#define LONG_PARAGRAPH "Coastal councils have argued for a decade that the ferry subsidy formula " \
                       "rewards the operators with the longest routes rather than the communities " \
                       "with the fewest alternatives, and the review published this spring agrees " \
                       "with them on almost every count."

typedef struct {
  GtkWindow *window;
  DossierReaderView *view;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  DossierDocument *document;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static void
spin_until (Condition condition,
            gpointer  data)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (condition (data));
}

static gboolean
laid_out (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->text_view)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->text_view)) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierParagraph) first = dossier_paragraph_new ("A short opening paragraph.");
  g_autoptr(DossierParagraph) second = dossier_paragraph_new (LONG_PARAGRAPH);
  g_autoptr(DossierParagraph) third = dossier_paragraph_new ("A short closing paragraph.");

  fixture->document = dossier_document_new ();
  dossier_document_set_title (fixture->document, "Ferry Subsidies Reviewed");
  dossier_document_add_paragraph (fixture->document, first);
  dossier_document_add_paragraph (fixture->document, second);
  dossier_document_add_paragraph (fixture->document, third);

  fixture->view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  fixture->text_view = dossier_reader_view_get_text_view (fixture->view);
  fixture->buffer = gtk_text_view_get_buffer (fixture->text_view);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  /* Narrow: the long paragraph wraps to several lines. */
  gtk_window_set_default_size (fixture->window, GPOINTER_TO_INT (data), 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  dossier_reader_view_set_document (fixture->view, fixture->document);
  gtk_window_present (fixture->window);
  spin_until (laid_out, fixture);
  dossier_test_gui_spin (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  dossier_test_gui_spin (50);
  g_assert_finalize_object (fixture->document);
}

/* The text view's gesture of @type for @button in the capture phase. */
static GtkEventController *
capture_gesture (Fixture *fixture,
                 GType    type,
                 guint    button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->text_view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

/* Where the text view shows buffer offset @offset, in its coordinates. */
static void
point_at (Fixture *fixture,
          int      offset,
          double  *x,
          double  *y)
{
  GtkTextIter iter;
  GdkRectangle location;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, offset);
  gtk_text_view_get_iter_location (fixture->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (fixture->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

static int
offset_of (Fixture    *fixture,
           const char *text)
{
  GtkTextIter start, end, match;

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match, NULL, NULL));
  return gtk_text_iter_get_offset (&match);
}

static char *
selected_text (Fixture *fixture)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (fixture->buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (fixture->buffer, &start, &end, FALSE);
}

/* The labels of @model's items, its sections' included, "|" between. */
static void
collect_labels (GMenuModel *model,
                GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (out, "%s|", label);
      if (section != NULL)
        collect_labels (section, out);
    }
}

static GtkWidget *
shown_menu (GtkWidget *widget)
{
  if (GTK_IS_POPOVER_MENU (widget))
    return gtk_widget_get_visible (widget) ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = shown_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_shown (gpointer data)
{
  return shown_menu (data) != NULL;
}

static char *
shown_menu_labels (Fixture *fixture)
{
  GtkWidget *menu = shown_menu (GTK_WIDGET (fixture->text_view));
  GString *out = g_string_new (NULL);

  g_assert_nonnull (menu);
  collect_labels (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), out);
  return g_string_free (out, FALSE);
}

/* The menu from the keyboard (Shift+F10) and from a right click on the
 * selection: Copy, Select All and the reader's own items, none of the
 * editing commands GtkTextView shows greyed out; the selection stays. */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkEventController *right = capture_gesture (fixture, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_SECONDARY);
  int offset = offset_of (fixture, "ferry subsidy");
  g_autofree char *labels = NULL;
  g_autofree char *selected = NULL;
  GtkTextIter start, end;
  double x, y;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->text_view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->text_view), "menu.popup", NULL);
  spin_until (menu_shown, fixture->text_view);
  labels = shown_menu_labels (fixture);
  g_test_message ("menu: %s", labels);
  g_assert_null (strstr (labels, "Cu_t"));
  g_assert_null (strstr (labels, "_Paste"));
  g_assert_null (strstr (labels, "_Delete"));
  g_assert_null (strstr (labels, "_Undo"));
  g_assert_null (strstr (labels, "Emoji"));
  g_assert_nonnull (strstr (labels, "_Copy|Select _All|"));
  g_assert_nonnull (strstr (labels, "_Highlight|"));
  gtk_popover_popdown (GTK_POPOVER (shown_menu (GTK_WIDGET (fixture->text_view))));
  dossier_test_gui_spin (20);

  g_assert_nonnull (right);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, offset + strlen ("ferry subsidy"));
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  point_at (fixture, offset + 3, &x, &y);
  g_signal_emit_by_name (right, "pressed", 1, x, y);
  spin_until (menu_shown, fixture->text_view);
  g_free (labels);
  labels = shown_menu_labels (fixture);
  g_assert_null (strstr (labels, "Cu_t"));
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, "ferry subsidy");
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      dossier_test_gui_spin (300);
      dossier_test_gui_screenshot (GTK_WIDGET (fixture->window), "reader-context-menu.png");
    }
  gtk_popover_popdown (GTK_POPOVER (shown_menu (GTK_WIDGET (fixture->text_view))));
}

/* A triple click in the second line of a long paragraph selects all of
 * the paragraph (GTK selected only the line as displayed). */
static void
test_triple_click (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkEventController *click = capture_gesture (fixture, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
  int offset = offset_of (fixture, "fewest alternatives");
  g_autofree char *selected = NULL;
  GtkTextIter first, there;
  double x, y;

  /* The words are on a later display line than the paragraph's start. */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &first, offset_of (fixture, "Coastal councils"));
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &there, offset);
  {
    GdkRectangle a, b;

    gtk_text_view_get_iter_location (fixture->text_view, &first, &a);
    gtk_text_view_get_iter_location (fixture->text_view, &there, &b);
    g_assert_cmpint (b.y, >, a.y);
  }

  g_assert_nonnull (click);
  point_at (fixture, offset, &x, &y);
  g_signal_emit_by_name (click, "pressed", 3, x, y);
  dossier_test_gui_spin (20);
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, LONG_PARAGRAPH);
}

static gboolean
selection_is (gpointer data)
{
  gpointer *args = data;
  g_autofree char *selected = selected_text (args[0]);

  return g_strcmp0 (selected, args[1]) == 0;
}

/* A selection dragged from inside one word to inside another takes both
 * words in full, whichever way it was dragged. */
static void
test_snap_to_words (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkEventController *drag = capture_gesture (fixture, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
  int offset = offset_of (fixture, "operators with the longest");
  GtkTextIter a, b;
  gpointer args[2] = { fixture, (gpointer) "operators with the longest" };

  g_assert_nonnull (drag);

  /* "rators with the long" → "operators with the longest" */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &a, offset + 4);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &b, offset + strlen ("operators with the long"));
  gtk_text_buffer_select_range (fixture->buffer, &b, &a);
  g_signal_emit_by_name (drag, "drag-end", 10.0, 0.0);
  spin_until (selection_is, args);

  /* Dragged backwards, the same. */
  gtk_text_buffer_select_range (fixture->buffer, &a, &b);
  g_signal_emit_by_name (drag, "drag-end", -10.0, 0.0);
  spin_until (selection_is, args);

  /* Whole words stay as they are. */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &a, offset + strlen ("operators "));
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &b, offset + strlen ("operators with"));
  gtk_text_buffer_select_range (fixture->buffer, &b, &a);
  g_signal_emit_by_name (drag, "drag-end", 10.0, 0.0);
  dossier_test_gui_spin (20);
  args[1] = (gpointer) "with";
  g_assert_true (selection_is (args));
}

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);

  g_test_add ("/dossier/app/reader-select/context-menu", Fixture, GINT_TO_POINTER (700),
              fixture_set_up, test_context_menu, fixture_tear_down);
  g_test_add ("/dossier/app/reader-select/triple-click", Fixture, GINT_TO_POINTER (500),
              fixture_set_up, test_triple_click, fixture_tear_down);
  g_test_add ("/dossier/app/reader-select/snap-to-words", Fixture, GINT_TO_POINTER (700),
              fixture_set_up, test_snap_to_words, fixture_tear_down);

  return g_test_run ();
}
