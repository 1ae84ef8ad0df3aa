/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-matrix-page.h"
#include "dossier-metadata-dialog.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-templates.h"
#include "widgets/dossier-document-row.h"

/*
 * The library list as the analyst uses it: one click opens a row at
 * every width, the open article stays selected through a search, an edit
 * and an import made while a search hides it, a right click only shows
 * the menu, changes another program makes appear by themselves, and a
 * read-only library says so. Runs under Xvfb with a memory GSettings
 * backend and a temporary XDG_DATA_HOME (set in main()).
 *
 * Clicks are the list's own gestures' signals, at the row's place in
 * the list; every wait is for a condition, never for a time.
 */

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;
static char *ids[3];

static const char * const titles[] = {
  "Tidal Energy and the Estuary Councils",
  "Ferry Subsidies in Island Communities",
  "Salt Marsh Restoration After the Floods",
};

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds (a stuck condition fails the
 * test after a minute, which no passing run comes near). */
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

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwLeaflet *
leaflet (void)
{
  return ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
}

static GtkWidget *
list_view (void)
{
  return find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
}

static GListModel *
shown (void)
{
  return G_LIST_MODEL (dossier_window_get_selection (window));
}

static const char *
open_id (void)
{
  DossierDocument *open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));

  return open != NULL ? dossier_document_get_id (open) : NULL;
}

static DossierDocument *
make_article (const char *title,
              guint       i)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new (i % 2 ? "Maren Holt" : "Joseph Adeyemi");
  g_autofree char *url = g_strdup_printf ("https://example.org/library-test/%u", i);
  g_autofree char *date = g_strdup_printf ("2025-0%u-15", i % 9 + 1);

  dossier_document_set_title (document, title);
  dossier_document_set_publisher (document, "Coastal Policy Review");
  dossier_document_set_published (document, date);
  dossier_document_set_source_url (document, url);
  dossier_document_add_author (document, author);
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of “%s”: councils, operators and residents "
                                               "weigh the costs of the crossing.", p + 1, title);
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

      dossier_document_add_paragraph (document, paragraph);
    }
  return document;
}

static gboolean
window_drawn (gpointer data)
{
  GtkWidget *list = list_view ();

  return list != NULL && gtk_widget_get_mapped (list) && gtk_widget_get_width (list) > 0 &&
         find_widget (list, DOSSIER_TYPE_DOCUMENT_ROW) != NULL &&
         gtk_widget_get_width (find_widget (list, DOSSIER_TYPE_DOCUMENT_ROW)) > 0;
}

static gboolean
folded_is (gpointer data)
{
  return adw_leaflet_get_folded (leaflet ()) == GPOINTER_TO_INT (data);
}

static DossierWindow *
create_window (int width)
{
  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_drawn, NULL);
  spin_until (folded_is, GINT_TO_POINTER (width < 800));
  return window;
}

static void
destroy_window (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  dossier_test_gui_spin (20);
}

static void
test_setup (void)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *path = dossier_library_dup_default_path ();
  g_autoptr(GError) error = NULL;

  library = dossier_library_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(DossierDocument) document = make_article (titles[i], i);

      ids[i] = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
    }
}

/* The row that shows @id (bound now, the list being short). */
static GtkWidget *
row_for (const char *id)
{
  GtkWidget *list = list_view ();
  GtkWidget *stack[64] = { list };
  guint depth = 1;

  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];

      if (DOSSIER_IS_DOCUMENT_ROW (widget))
        {
          DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (widget));

          if (document != NULL && g_strcmp0 (dossier_document_get_id (document), id) == 0)
            return widget;
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[depth++] = child;
    }
  return NULL;
}

/* The list's click gesture for @button in @phase. */
static GtkGesture *
list_gesture (guint               button,
              GtkPropagationPhase phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list_view ());

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button &&
          gtk_event_controller_get_propagation_phase (controller) == phase)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* A click of @button on the middle of @id's row, as the list's gesture
 * sees it. */
static void
click_row (const char *id,
           guint       button,
           const char *signal)
{
  GtkWidget *row = row_for (id);
  GtkGesture *gesture = list_gesture (button, button == GDK_BUTTON_PRIMARY ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE);
  graphene_point_t point;

  g_assert_nonnull (row);
  g_assert_nonnull (gesture);
  g_assert_true (gtk_widget_compute_point (row, list_view (),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &point));
  g_signal_emit_by_name (gesture, signal, 1, (double) point.x, (double) point.y);
}

/* Whether Edit Details' title field says @expected. */
static gboolean
title_field_is (DossierMetadataDialog *dialog,
                const char            *expected)
{
  GtkTextBuffer *buffer = dossier_metadata_dialog_get_text_field (dialog, "title");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (text, expected) == 0;
}

/* For the screenshots (taken when DOSSIER_SCREENSHOT_DIR is set): after
 * the window has drawn what the test just did. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") == NULL)
    return;
  dossier_test_gui_spin (300);
  dossier_test_gui_screenshot (widget, name);
}

static gboolean
is_open (gpointer data)
{
  return g_strcmp0 (open_id (), data) == 0;
}

static gboolean
content_shown (gpointer data)
{
  /* The content pane (reader, comparison, memo) is in front, rather than
   * the article list or the collections pane before it. */
  return (adw_leaflet_get_visible_child (leaflet ()) == GTK_WIDGET (dossier_window_get_content_stack (window))) ==
         GPOINTER_TO_INT (data);
}

/* The selection holds exactly @id. */
static gboolean
only_selected (const char *id)
{
  GtkSelectionModel *selection = dossier_window_get_selection (window);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);
      gboolean mine = g_strcmp0 (dossier_document_get_id (document), id) == 0;

      if (gtk_selection_model_is_selected (selection, i) != mine)
        return FALSE;
      found |= mine;
    }
  return found;
}

/* At full width and folded at 700 px, one click on a row reads it; in
 * the folded window the reader comes to the front. (At 700 px a click
 * only selected the row before: the reader stayed behind the list.) */
static void
test_one_click_opens (void)
{
  create_window (1400);
  click_row (ids[1], GDK_BUTTON_PRIMARY, "released");
  spin_until (is_open, ids[1]);
  screenshot (GTK_WIDGET (window), "library-one-click-1400.png");
  destroy_window ();

  create_window (700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  spin_until (content_shown, GINT_TO_POINTER (FALSE));
  click_row (ids[2], GDK_BUTTON_PRIMARY, "released");
  spin_until (is_open, ids[2]);
  spin_until (content_shown, GINT_TO_POINTER (TRUE));
  screenshot (GTK_WIDGET (window), "library-one-click-700.png");

  /* Back in the list, the article read is the row selected. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  spin_until (content_shown, GINT_TO_POINTER (FALSE));
  g_assert_true (only_selected (ids[2]));
  destroy_window ();
}

static gboolean
selected_only (gpointer data)
{
  return only_selected (data);
}

static void
search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dossier_window_get_search_entry (window)), text);
  /* The search runs after a pause for typing: until the list follows. */
}

static gboolean
n_shown_is (gpointer data)
{
  return g_list_model_get_n_items (shown ()) == GPOINTER_TO_UINT (data);
}

/* The open article's row is selected again when a search that hid it is
 * cleared, and after Edit Details rewrote its row (both lost it). */
static void
test_selection_kept (void)
{
  DossierMetadataDialog *dialog;

  create_window (1400);
  g_assert_true (dossier_window_open_document (window, ids[0]));
  spin_until (selected_only, ids[0]);

  search ("Ferry");
  spin_until (n_shown_is, GUINT_TO_POINTER (1));
  search ("");
  spin_until (n_shown_is, GUINT_TO_POINTER (G_N_ELEMENTS (titles)));
  spin_until (selected_only, ids[0]);

  dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (dossier_metadata_dialog_get_text_field (dialog, "title"), "Tidal Energy and the Estuary Councils, Revised", -1);
  g_assert_true (dossier_metadata_dialog_save (dialog));
  dossier_test_gui_spin (20);
  spin_until (selected_only, ids[0]);
  destroy_window ();
}

static gboolean
no_imports_pending (gpointer data)
{
  return dossier_window_get_n_pending_imports (window) == 0;
}

/* An article imported while a search leaves it out is opened and shown
 * selected in the list: the search is cleared (the list said "No
 * Results" beside the new article before). */
static void
test_import_during_search (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "harbour-lights.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *imported;

  create_window (1400);
  search ("zeppelin");
  spin_until (n_shown_is, GUINT_TO_POINTER (0));

  dossier_window_import_files (window, &file, 1);
  spin_until (no_imports_pending, NULL);
  imported = open_id ();
  g_assert_nonnull (imported);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_window_get_search_entry (window))), ==, "");
  spin_until (n_shown_is, GUINT_TO_POINTER (G_N_ELEMENTS (titles) + 1));
  spin_until (selected_only, (gpointer) imported);
  destroy_window ();
}

/* The popover menu shown in @widget, if any. */
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
popover_shown (gpointer data)
{
  return (shown_menu (GTK_WIDGET (window)) != NULL) == GPOINTER_TO_INT (data);
}

/* A right click on another row shows the menu for that row, leaving the
 * article read and the selection as they are (it opened the row before);
 * the menu's commands act on that row. */
static void
test_right_click (void)
{
  GtkWidget *popover;

  create_window (1400);
  g_assert_true (dossier_window_open_document (window, ids[0]));
  spin_until (selected_only, ids[0]);

  click_row (ids[2], GDK_BUTTON_SECONDARY, "pressed");
  spin_until (popover_shown, GINT_TO_POINTER (TRUE));
  dossier_test_gui_spin (20);
  g_assert_cmpstr (open_id (), ==, ids[0]);
  g_assert_true (only_selected (ids[0]));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row_for (ids[2])), "menu-target"));
  screenshot (GTK_WIDGET (window), "library-right-click.png");

  /* Edit Details from that menu edits the row clicked. */
  popover = shown_menu (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-metadata", NULL);
  gtk_popover_popdown (GTK_POPOVER (popover));
  dossier_test_gui_spin (20);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    DossierMetadataDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (DOSSIER_IS_METADATA_DIALOG (toplevel))
          dialog = DOSSIER_METADATA_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    g_assert_true (title_field_is (dialog, titles[2]));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (row_for (ids[2])), "menu-target"));
  g_assert_cmpstr (open_id (), ==, ids[0]);
  destroy_window ();
}

/* The menu from the keyboard is for the row with the focus, as a right
 * click on it is (it was for the open article). */
static void
test_keyboard_menu (void)
{
  GtkWidget *popover;
  GListModel *toplevels = gtk_window_get_toplevels ();
  DossierMetadataDialog *dialog = NULL;

  create_window (1400);
  g_assert_true (dossier_window_open_document (window, ids[0]));
  spin_until (selected_only, ids[0]);

  gtk_widget_grab_focus (gtk_widget_get_parent (row_for (ids[2])));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.library-menu", NULL);
  spin_until (popover_shown, GINT_TO_POINTER (TRUE));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row_for (ids[2])), "menu-target"));
  g_assert_cmpstr (open_id (), ==, ids[0]);

  popover = shown_menu (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-metadata", NULL);
  gtk_popover_popdown (GTK_POPOVER (popover));
  dossier_test_gui_spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_METADATA_DIALOG (toplevel))
        dialog = DOSSIER_METADATA_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (title_field_is (dialog, titles[2]));
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window ();
}

/* Clicks the dialog's button labelled @name, as the user does. */
static void
click_button (AdwMessageDialog *dialog,
              const char       *name)
{
  GtkLabel *label = dossier_test_gui_find_label (GTK_WIDGET (dialog), name);
  GtkWidget *button = label != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON) : NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
no_message_dialog (gpointer data)
{
  return dossier_test_gui_find_message_dialog () == NULL;
}

/* The titles of the toasts the window shows now. */
static char *
toast_titles (void)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GString) out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label;

      /* The toasts are the overlay's children after the content. */
      if (child == gtk_widget_get_first_child (overlay) || !gtk_widget_get_visible (child))
        continue;
      label = find_widget (child, GTK_TYPE_LABEL);
      if (label != NULL)
        g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The duplicate's toast says it once ("“…” is already in the library",
 * not that again in brackets) and, too long for a toast, it has a
 * Details button that shows all of it. */
static void
test_duplicate_toast (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "harbour-lights.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *toasts = NULL;
  AdwMessageDialog *details;

  /* In the library (if an earlier test has not put it there), then
   * again in a new window, whose only toast is the duplicate's. */
  create_window (1400);
  dossier_window_import_files (window, &file, 1);
  spin_until (no_imports_pending, NULL);
  destroy_window ();
  create_window (1400);
  dossier_window_import_files (window, &file, 1);
  spin_until (no_imports_pending, NULL);
  dossier_test_gui_spin (20);

  toasts = toast_titles ();
  g_test_message ("toasts: %s", toasts);
  g_assert_cmpstr (toasts, ==, "Already in the library|");
  screenshot (GTK_WIDGET (window), "library-duplicate-toast.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", "(ss)", "Already in the Library",
                              "“harbour-lights.txt” was not imported: “Harbour Lights and Coastal Trade” with the same text is already in the library.");
  dossier_test_gui_spin (20);
  details = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (details);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (details), "with the same text is already in the library."));
  click_button (details, "Close");
  spin_until (no_message_dialog, NULL);
  destroy_window ();
}

/* The Details button shows what the duplicate's toast could not say. */
static void
test_toast_details_button (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "harbour-lights.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *overlay, *button = NULL;
  AdwMessageDialog *details;

  create_window (1400);
  dossier_window_import_files (window, &file, 1);
  spin_until (no_imports_pending, NULL);
  dossier_test_gui_spin (20);

  overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  for (GtkWidget *child = gtk_widget_get_last_child (overlay); child != NULL && button == NULL;
       child = gtk_widget_get_prev_sibling (child))
    if (child != gtk_widget_get_first_child (overlay))
      button = find_widget (child, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Details");
  g_signal_emit_by_name (button, "clicked");
  dossier_test_gui_spin (20);
  details = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (details);
  g_assert_cmpstr (adw_message_dialog_get_heading (details), ==, "Already in the Library");
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (details), "“Harbour Lights and Coastal Trade” with the same text is already in the library"));
  screenshot (GTK_WIDGET (details), "library-duplicate-details.png");
  click_button (details, "Close");
  spin_until (no_message_dialog, NULL);
  destroy_window ();
}

/* Articles another program (dossier-cli) adds appear in the list while
 * the window is left alone: it watches the database. */
static void
test_watch_database (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "lighthouse-keepers.txt", NULL);
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "library", "add", path, NULL };
  int status = -1;
  guint before;

  if (cli == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }

  create_window (1400);
  before = g_list_model_get_n_items (shown ());
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  spin_until (n_shown_is, GUINT_TO_POINTER (before + 1));
  destroy_window ();
}

static gboolean
label_not_cut (GtkWidget  *widget,
               const char *text)
{
  GtkLabel *label = dossier_test_gui_find_label (widget, text);

  return label != NULL && gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE && gtk_label_get_lines (label) < 0;
}

/* Compare With… lists the other articles with their whole title, author,
 * publisher and date, so that two versions of one article can be told
 * apart (titles were cut before "(Updated)", with nothing else shown). */
static void
test_compare_with_titles (void)
{
  static const char *long_title = "Ferry Subsidies in Island Communities: What the Councils Asked For, "
                                  "What the Operators Offered, and What the Residents Got (Updated)";
  g_autoptr(DossierDocument) version = make_article (long_title, 8);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  create_window (700);
  id = dossier_library_add (dossier_window_get_library (window), version, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_window_open_document (window, ids[0]));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with", NULL);
  dossier_test_gui_spin (20);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);

  g_assert_true (label_not_cut (GTK_WIDGET (dialog), long_title));
  g_assert_true (label_not_cut (GTK_WIDGET (dialog), titles[1]));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dialog), "Joseph Adeyemi"));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dialog), "Maren Holt"));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dialog), "Coastal Policy Review · Feb 15, 2025"));
  screenshot (GTK_WIDGET (dialog), "library-compare-with.png");

  click_button (dialog, "Cancel");
  spin_until (no_message_dialog, NULL);
  g_assert_true (dossier_library_remove (dossier_window_get_library (window), id, NULL));
  destroy_window ();
}

static gboolean
visible_page_is (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), data) == 0;
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
matrix_done (gpointer data)
{
  return !dossier_window_get_matrix_busy (window);
}

/* Selects the rows of the articles titled @a and @b. */
static void
select_titled (const char *a,
               const char *b)
{
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, g_list_model_get_n_items (shown ()));

  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_title (document), a) == 0 ||
          g_strcmp0 (dossier_document_get_title (document), b) == 0)
        gtk_bitset_add (wanted, i);
    }
  g_assert_cmpuint (gtk_bitset_get_size (wanted), ==, 2);
  gtk_selection_model_set_selection (dossier_window_get_selection (window), wanted, all);
}

/* Folded at 700 px, a passage opened from a matrix cell shows the reader
 * with a visible way back to the matrix, which leads there. */
static void
test_matrix_way_back (void)
{
  DossierMatrixPage *page;
  GtkWidget *cell = NULL, *back;

  create_window (700);
  select_titled ("Harbour Lights and Coastal Trade", "Lighthouse Keepers");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix", NULL);
  spin_until (matrix_done, NULL);
  page = DOSSIER_MATRIX_PAGE (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "matrix"));
  g_assert_nonnull (page);
  spin_until (content_shown, GINT_TO_POINTER (TRUE));
  for (guint t = 0; t < dossier_matrix_page_get_n_topics (page) && cell == NULL; t++)
    for (guint d = 0; d < 2 && cell == NULL; d++)
      cell = dossier_matrix_page_get_cell (page, t, d);
  if (cell == NULL)
    {
      destroy_window ();
      g_test_skip ("the matrix of the two fixtures has no passage");
      return;
    }

  g_signal_emit_by_name (cell, "clicked");
  spin_until (visible_page_is, (gpointer) "reader");
  back = dossier_window_get_matrix_back_button (window);
  g_assert_nonnull (back);
  spin_until (mapped, back);
  screenshot (GTK_WIDGET (window), "library-matrix-back-700.png");
  g_signal_emit_by_name (back, "clicked");
  spin_until (visible_page_is, (gpointer) "matrix");
  spin_until (content_shown, GINT_TO_POINTER (TRUE));
  destroy_window ();
}

/* The first entry row titled @title under @widget. */
static GtkEditable *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Edit Details has a field for each author's position, which is saved
 * (it had none: a wrong position could not be corrected). */
static void
test_edit_author_position (void)
{
  DossierMetadataDialog *dialog;
  GtkEditable *position;
  g_autoptr(DossierDocument) stored = NULL;
  g_autoptr(DossierAuthor) author = NULL;
  g_autoptr(GError) error = NULL;

  create_window (700);
  g_assert_true (dossier_window_open_document (window, ids[1]));
  dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  g_assert_nonnull (dialog);
  dossier_test_gui_spin (20);
  position = find_row (GTK_WIDGET (dialog), "Position");
  g_assert_nonnull (position);
  g_assert_cmpstr (gtk_editable_get_text (position), ==, "");
  gtk_editable_set_text (position, " Senior Fellow ");
  screenshot (GTK_WIDGET (dialog), "library-edit-details.png");
  g_assert_true (dossier_metadata_dialog_save (dialog));
  dossier_test_gui_spin (20);

  stored = dossier_library_load (dossier_window_get_library (window), ids[1], &error);
  g_assert_no_error (error);
  author = g_list_model_get_item (dossier_document_get_authors (stored), 0);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "Maren Holt");
  g_assert_cmpstr (dossier_author_get_position (author), ==, "Senior Fellow");

  /* And it is shown filled in the next time. */
  dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  dossier_test_gui_spin (20);
  g_assert_cmpstr (gtk_editable_get_text (find_row (GTK_WIDGET (dialog), "Position")), ==, "Senior Fellow");
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window ();
}

/* The first shortcuts group the window shows, in reading order. */
static GtkWidget *
first_shown_group (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    return gtk_widget_get_mapped (widget) ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_shown_group (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
shortcuts_shown (gpointer data)
{
  return shortcuts_window () != NULL && first_shown_group (GTK_WIDGET (shortcuts_window ())) != NULL;
}

/* Keyboard Shortcuts opens on the General group. */
static void
test_shortcuts_general_first (void)
{
  GtkWidget *group;
  g_autofree char *title = NULL;

  create_window (1400);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  spin_until (shortcuts_shown, NULL);
  group = first_shown_group (GTK_WIDGET (shortcuts_window ()));
  g_object_get (group, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "General");
  screenshot (GTK_WIDGET (shortcuts_window ()), "library-shortcuts.png");
  gtk_window_destroy (shortcuts_window ());
  destroy_window ();
}

static gboolean
flap_revealed (gpointer data)
{
  return adw_flap_get_reveal_progress (data) >= 1.0;
}

/* The highlights list beside the text: a highlight made in the reader is
 * listed at once, and a click on it selects its passage again. */
static void
test_annotations_list (void)
{
  DossierReaderPage *reader;
  DossierReaderView *view;
  DossierAnnotationsList *annotations;
  AdwFlap *flap;
  GtkListBox *list;
  guint paragraph = 0, start = 0, end = 0;

  create_window (1400);
  g_assert_true (dossier_window_open_document (window, ids[2]));
  reader = dossier_window_get_reader_page (window);
  view = dossier_reader_page_get_view (reader);
  annotations = dossier_reader_page_get_annotations (reader);
  flap = dossier_reader_page_get_annotations_flap (reader);
  list = dossier_annotations_list_get_list_box (annotations);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* "councils, operators and residents" in the second paragraph. */
  g_assert_true (dossier_reader_view_select_range (view, 1, 58, 91));
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.highlight", NULL);
  dossier_test_gui_spin (20);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  adw_flap_set_reveal_flap (flap, TRUE);
  spin_until (flap_revealed, flap);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (list), "“councils, operators and residents”"));
  screenshot (GTK_WIDGET (window), "library-annotations-1400.png");

  g_assert_true (dossier_reader_view_select_range (view, 0, 0, 4));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  dossier_test_gui_spin (20);
  g_assert_true (dossier_reader_view_get_selection_range (view, &paragraph, &start, NULL, &end));
  g_assert_cmpuint (paragraph, ==, 1);
  g_assert_cmpuint (start, ==, 58);
  g_assert_cmpuint (end, ==, 91);
  destroy_window ();

  /* Narrow, the list covers the text and steps aside for the passage. */
  create_window (700);
  g_assert_true (dossier_window_open_document (window, ids[2]));
  reader = dossier_window_get_reader_page (window);
  flap = dossier_reader_page_get_annotations_flap (reader);
  list = dossier_annotations_list_get_list_box (dossier_reader_page_get_annotations (reader));
  adw_leaflet_navigate (leaflet (), ADW_NAVIGATION_DIRECTION_FORWARD);
  spin_until (content_shown, GINT_TO_POINTER (TRUE));
  adw_flap_set_reveal_flap (flap, TRUE);
  spin_until (flap_revealed, flap);
  screenshot (GTK_WIDGET (window), "library-annotations-700.png");
  g_assert_true (adw_flap_get_folded (flap));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  dossier_test_gui_spin (20);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  destroy_window ();
}

static void
collect_actions (GMenuModel *model,
                 GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_string_append_printf (out, "%s|", action);
      if (section != NULL)
        collect_actions (section, out);
      if (submenu != NULL)
        collect_actions (submenu, out);
    }
}

static GtkMenuButton *
primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu holds what the application opens or starts and its own
 * windows; saving a memo, comparing and importing are in the pages'
 * menus (it held them all), and the Import button offers a web address. */
static void
test_main_menu (void)
{
  GtkMenuButton *primary;
  GtkWidget *split;
  g_autoptr(GString) actions = g_string_new (NULL);
  g_autoptr(GString) import = g_string_new (NULL);

  create_window (1400);
  primary = primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (primary);
  collect_actions (gtk_menu_button_get_menu_model (primary), actions);
  g_assert_cmpstr (actions->str, ==,
                   "win.new-memo|win.new-memo|win.new-memo|win.open-memo|win.open-comparison|"
                   "win.show-help-overlay|app.about|");

  split = find_widget (GTK_WIDGET (window), ADW_TYPE_SPLIT_BUTTON);
  g_assert_nonnull (split);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (split)), ==, "win.import");
  collect_actions (adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (split)), import);
  g_assert_cmpstr (import->str, ==, "win.import|win.add-from-web|");
  destroy_window ();
}

static gboolean
label_shown (gpointer data)
{
  return dossier_test_gui_find_label (data, "Read-Only Library") != NULL;
}

/* A library Dossier cannot write shows a notice, and the commands that
 * would change it are off. */
static void
test_read_only_notice (void)
{
  g_autofree char *path = dossier_library_dup_default_path ();
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bar;

  create_window (1400);
  bar = find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR);
  g_assert_nonnull (bar);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  library = dossier_library_open_with_flags (path, DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  dossier_window_set_library (window, library);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  spin_until (label_shown, bar);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), >=, G_N_ELEMENTS (titles));
  g_assert_true (dossier_window_open_document (window, ids[1]));
  dossier_test_gui_spin (50);
  screenshot (GTK_WIDGET (window), "library-read-only.png");
  /* A button's sensitivity follows its action's state. */
  {
    const char *off[] = { "win.import", "win.add-from-web", "win.edit-metadata", "win.delete-document" };
    GtkWidget *probe = gtk_button_new ();

    gtk_info_bar_add_child (GTK_INFO_BAR (bar), probe);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.copy-citation");
    dossier_test_gui_spin (20);
    g_assert_true (gtk_widget_get_sensitive (probe));
    for (guint i = 0; i < G_N_ELEMENTS (off); i++)
      {
        gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), off[i]);
        dossier_test_gui_spin (20);
        g_test_message ("%s", off[i]);
        g_assert_false (gtk_widget_get_sensitive (probe));
      }
    gtk_info_bar_remove_child (GTK_INFO_BAR (bar), probe);
  }
  destroy_window ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A label under @widget whose text starts with @prefix. */
static GtkLabel *
label_starting (GtkWidget  *widget,
                const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_shows_page (gpointer data)
{
  GtkWidget *row = row_for (data);

  return row != NULL && label_starting (row, "p. 7: ") != NULL;
}

/* A search that matches a PDF's paragraph shows its page in the row,
 * before the snippet. */
static void
test_search_page (void)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *path = dossier_library_dup_default_path ();
  g_autoptr(DossierDocument) document = make_article ("Harbour Pilots and the Night Convoys", 0);
  g_autoptr(DossierParagraph) paged = dossier_paragraph_new ("The wombat count at the outer anchorage rose again.");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkLabel *label;

  dossier_document_set_source_url (document, "https://example.org/pilots.pdf");
  dossier_paragraph_set_page (paged, 7);
  dossier_document_add_paragraph (document, paged);
  library = dossier_library_open (path, &error);
  g_assert_no_error (error);
  id = dossier_library_add (library, document, &error);
  g_assert_no_error (error);

  create_window (1400);
  search ("wombat");
  spin_until (n_shown_is, GUINT_TO_POINTER (1));
  spin_until (row_shows_page, id);
  label = label_starting (row_for (id), "p. 7: ");
  g_assert_nonnull (strstr (gtk_label_get_text (label), "wombat"));
  screenshot (GTK_WIDGET (window), "library-search-page.png");
  search ("");
  destroy_window ();

  g_assert_true (dossier_library_remove (library, id, &error));
  g_assert_no_error (error);
}

/* The first item of the main menu's Recent Memos, its label and target
 * (the file's URI); FALSE while there is none. */
static gboolean
find_recent_menu_item (GMenuModel  *model,
                       char       **label,
                       char       **uri)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_strcmp0 (action, "win.open-recent-memo") == 0)
        return g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", label) &&
               g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", uri);
      if ((section != NULL && find_recent_menu_item (section, label, uri)) ||
          (submenu != NULL && find_recent_menu_item (submenu, label, uri)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
recent_in_menu (gpointer data)
{
  g_autofree char *label = NULL;
  g_autofree char *uri = NULL;

  return find_recent_menu_item (gtk_menu_button_get_menu_model (data), &label, &uri);
}

static gboolean
memo_in_front (gpointer data)
{
  GtkWidget *page = GTK_WIDGET (dossier_window_get_memo_page (window));

  return page != NULL && gtk_widget_get_mapped (page);
}

/* Folded at 700 px the library covers the start page and its Recent
 * Memos: the main menu, in the library's header, lists them too, and
 * one opens in front of the library. (Folded, no way led to them.) */
static void
test_recent_memos_folded (void)
{
  g_autofree char *path = g_build_filename (data_home, "ferry.dossier-memo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *file_uri = g_file_get_uri (file);
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_INFORMATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uri = NULL;
  GtkMenuButton *primary;
  GtkRecentData data = {
    .display_name = (char *) "Ferry_fares review",
    .mime_type = (char *) "application/x-dossier-memo",
    .app_name = (char *) "test-library",
    .app_exec = (char *) "true %u",
  };

  dossier_memo_set_subject (memo, "Ferry_fares review");
  g_assert_true (dossier_memo_save_file (memo, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), file_uri, &data));

  create_window (700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  spin_until (content_shown, GINT_TO_POINTER (FALSE));
  primary = primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (primary);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (primary)));
  /* The recent manager tells the window once it has written its list. */
  spin_until (recent_in_menu, primary);
  g_assert_true (find_recent_menu_item (gtk_menu_button_get_menu_model (primary), &label, &uri));
  /* The subject's own underline is not taken as a mnemonic. */
  g_assert_cmpstr (label, ==, "Ferry__fares review");
  g_assert_cmpstr (uri, ==, file_uri);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent-memo", "s", uri);
  spin_until (memo_in_front, NULL);
  spin_until (content_shown, GINT_TO_POINTER (TRUE));
  g_assert_cmpstr (dossier_memo_get_subject (dossier_memo_page_get_memo (dossier_window_get_memo_page (window))), ==,
                   "Ferry_fares review");
  screenshot (GTK_WIDGET (window), "library-recent-memo-700.png");
  destroy_window ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("dossier-test-library-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/library/setup", test_setup);
  g_test_add_func ("/dossier/app/library/one-click-opens", test_one_click_opens);
  g_test_add_func ("/dossier/app/library/selection-kept", test_selection_kept);
  g_test_add_func ("/dossier/app/library/import-during-search", test_import_during_search);
  g_test_add_func ("/dossier/app/library/right-click", test_right_click);
  g_test_add_func ("/dossier/app/library/keyboard-menu", test_keyboard_menu);
  g_test_add_func ("/dossier/app/library/duplicate-toast", test_duplicate_toast);
  g_test_add_func ("/dossier/app/library/toast-details-button", test_toast_details_button);
  g_test_add_func ("/dossier/app/library/watch-database", test_watch_database);
  g_test_add_func ("/dossier/app/library/compare-with-titles", test_compare_with_titles);
  g_test_add_func ("/dossier/app/library/matrix-way-back", test_matrix_way_back);
  g_test_add_func ("/dossier/app/library/edit-author-position", test_edit_author_position);
  g_test_add_func ("/dossier/app/library/shortcuts-general-first", test_shortcuts_general_first);
  g_test_add_func ("/dossier/app/library/annotations-list", test_annotations_list);
  g_test_add_func ("/dossier/app/library/main-menu", test_main_menu);
  g_test_add_func ("/dossier/app/library/search-page", test_search_page);
  g_test_add_func ("/dossier/app/library/read-only-notice", test_read_only_notice);
  g_test_add_func ("/dossier/app/library/recent-memos-folded", test_recent_memos_folded);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
