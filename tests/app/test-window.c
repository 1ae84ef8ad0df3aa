/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-metadata-dialog.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"
#include "widgets/dossier-reader-view.h"

/*
 * Drives the real window in-process: import a fixture, find it in the
 * library, read it, open a footnote, find text, edit its details, and keep a
 * highlight across closing and reopening the window. Runs under Xvfb with a
 * memory GSettings backend, a temporary XDG_DATA_HOME (set in main()) and
 * no session bus, even on a desktop that has one.
 */

#define FIXTURE_TITLE "Harbour Lights and Coastal Trade"

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;

static void
wait_for_imports (void)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 0);
  dossier_test_gui_spin (50);
}

static DossierReaderView *
current_view (void)
{
  return dossier_reader_page_get_view (dossier_window_get_reader_page (window));
}

static DossierWindow *
create_window (void)
{
  DossierWindow *win = dossier_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (win), 1024, 700);
  gtk_window_present (GTK_WINDOW (win));
  dossier_test_gui_spin (100);
  return win;
}

static void
test_empty_state (void)
{
  GtkStack *stack;

  window = create_window ();
  g_assert_nonnull (dossier_window_get_library (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");

  stack = dossier_window_get_content_stack (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_web_address_dialog (void)
{
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-from-web", NULL);
  dossier_test_gui_spin (100);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  /* Only http and https addresses with a host can be added. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (entry, "file:///etc/passwd");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (entry, "https://");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (entry, "  https://example.org/article  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  adw_message_dialog_response (dialog, "cancel");
  dossier_test_gui_spin (100);
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 0);
}

static void
test_import (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "harbour-lights.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkSelectionModel *selection = dossier_window_get_selection (window);
  g_autoptr(DossierDocument) listed = NULL;
  DossierDocument *open;

  dossier_window_import_files (window, &file, 1);
  wait_for_imports ();

  /* The sidebar lists it… */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  listed = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_cmpstr (dossier_document_get_title (listed), ==, FIXTURE_TITLE);

  /* …and a single import opens in the reader. */
  open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
  g_assert_nonnull (open);
  g_assert_cmpstr (dossier_document_get_title (open), ==, FIXTURE_TITLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, FIXTURE_TITLE " — Dossier");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "reader");

  /* Importing it again is refused as a duplicate, without a second copy. */
  dossier_window_import_files (window, &file, 1);
  wait_for_imports ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
}

static void
test_drop (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "lighthouse-keepers.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GSList *list = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  GListModel *shown = G_LIST_MODEL (dossier_window_get_selection (window));
  gboolean accepted = FALSE;
  g_autoptr(DossierDocument) dropped = NULL;
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* What a file manager's drop delivers. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (accepted);
  wait_for_imports ();

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n + 1);
  dropped = dossier_library_find_by_title (dossier_window_get_library (window), "Lighthouse Keepers", NULL, NULL);
  g_assert_nonnull (dropped);
  g_assert_cmpstr (dossier_document_get_title (dossier_reader_page_get_document (dossier_window_get_reader_page (window))),
                   ==, "Lighthouse Keepers");

  /* Removed behind the window's back: the reader lets go of it. */
  g_assert_true (dossier_library_remove (dossier_window_get_library (window), dossier_document_get_id (dropped), NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  g_assert_null (dossier_reader_page_get_document (dossier_window_get_reader_page (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "welcome");

  {
    g_autoptr(DossierDocument) harbour = g_list_model_get_item (shown, 0);
    g_assert_true (dossier_window_open_document (window, dossier_document_get_id (harbour)));
    dossier_test_gui_spin (100);
  }
}

static void
test_reader (void)
{
  DossierReaderView *view = current_view ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, FIXTURE_TITLE "\n"));
  g_assert_nonnull (strstr (text, "How Small Ports Keep Regional Commerce Afloat"));
  g_assert_nonnull (strstr (text, "Ingrid Halvorsen"));
  g_assert_nonnull (strstr (text, "Notes"));
  g_assert_cmpuint (dossier_reader_view_get_n_footnote_markers (view), ==, 3);
}

static void
test_footnote (void)
{
  DossierReaderView *view = current_view ();
  GtkWidget *marker = dossier_reader_view_get_footnote_marker (view, 1);
  GtkPopover *popover;
  GtkLabel *label;

  g_assert_true (GTK_IS_MENU_BUTTON (marker));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (marker)))), ==, "2");

  g_assert_true (gtk_widget_get_mapped (marker));
  gtk_menu_button_popup (GTK_MENU_BUTTON (marker));
  dossier_test_gui_spin (100);

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (marker));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  label = g_object_get_data (G_OBJECT (popover), "dossier-footnote-label");
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Deferred Maintenance Survey"));
  /* The note's address is a link. */
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<a href=\"https://example.org/hea/maintenance\">"));

  gtk_popover_popdown (popover);
  dossier_test_gui_spin (50);
}

static void
test_keyboard_markers (void)
{
  DossierReaderView *view = current_view ();
  GtkWidget *text = GTK_WIDGET (dossier_reader_view_get_text_view (view));
  GtkRoot *root = gtk_widget_get_root (text);
  GtkWidget *focus;

  /* From the text, Tab reaches the first footnote marker. */
  gtk_widget_grab_focus (text);
  g_assert_true (gtk_widget_child_focus (text, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, dossier_reader_view_get_footnote_marker (view, 0)) ||
                 focus == dossier_reader_view_get_footnote_marker (view, 0));

  /* The next Tab goes to the second marker, in reading order. */
  g_assert_true (gtk_widget_child_focus (text, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (root);
  g_assert_true (gtk_widget_is_ancestor (focus, dossier_reader_view_get_footnote_marker (view, 1)) ||
                 focus == dossier_reader_view_get_footnote_marker (view, 1));
}

static void
test_zoom (void)
{
  DossierReaderPage *page = dossier_window_get_reader_page (window);
  DossierReaderView *view = current_view ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dossier.Dossier");

  gtk_widget_activate_action (GTK_WIDGET (page), "reader.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (view), 1.2, 0.001);
  /* Kept in GSettings for the next article and the next start. */
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-zoom"), 1.2, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-zoom"), 1.1, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (view), 1.0, 0.001);

  /* The serif preference is a toggle in the reader menu. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.reader-serif", NULL);
  g_assert_false (dossier_reader_view_get_serif (view));
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.reader-serif", NULL);
  g_assert_true (dossier_reader_view_get_serif (view));
  dossier_test_gui_spin (50);
}

static void
test_find (void)
{
  DossierReaderPage *page = dossier_window_get_reader_page (window);
  DossierReaderView *view = current_view ();
  GtkWidget *entry = dossier_reader_page_get_find_entry (page);

  gtk_widget_activate_action (GTK_WIDGET (page), "reader.find", NULL);
  dossier_test_gui_spin (50);
  g_assert_true (gtk_widget_get_mapped (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "CORMORANT");
  /* GtkSearchEntry waits a moment before it reports a change. */
  dossier_test_gui_spin (400);
  g_assert_cmpuint (dossier_reader_view_get_match_count (view), ==, 3);
  g_assert_cmpuint (dossier_reader_view_get_current_match (view), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (dossier_reader_page_get_match_label (page)), ==, "1 of 3");

  gtk_widget_activate_action (GTK_WIDGET (page), "reader.find-next", NULL);
  g_assert_cmpuint (dossier_reader_view_get_current_match (view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.find-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.find-previous", NULL);
  g_assert_cmpuint (dossier_reader_view_get_current_match (view), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words here");
  dossier_test_gui_spin (400);
  g_assert_cmpuint (dossier_reader_view_get_match_count (view), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (dossier_reader_page_get_match_label (page)), ==, "No matches");

  gtk_widget_activate_action (GTK_WIDGET (page), "reader.close-find", NULL);
  dossier_test_gui_spin (50);
}

static void
test_library_search (void)
{
  GtkWidget *entry = dossier_window_get_search_entry (window);
  GListModel *shown = G_LIST_MODEL (dossier_window_get_selection (window));

  /* A word from the text (full-text search), then a partial title. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "breakwaters");
  dossier_test_gui_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "harb");
  dossier_test_gui_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "zeppelin");
  dossier_test_gui_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  dossier_test_gui_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

static DossierDocument *
make_document (const char *title,
               const char *author,
               const char *date)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) person = dossier_author_new (author);
  g_autofree char *text = g_strdup_printf ("A paragraph about %s, written for the sort test.", title);
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

  dossier_document_set_title (document, title);
  dossier_document_set_published (document, date);
  dossier_document_add_author (document, person);
  dossier_document_add_paragraph (document, paragraph);
  return document;
}

static char *
titles_in_order (void)
{
  GListModel *shown = G_LIST_MODEL (dossier_window_get_selection (window));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown, i);
      g_string_append_printf (out, "%s%c", dossier_document_get_title (document), i + 1 < g_list_model_get_n_items (shown) ? '|' : '\0');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_sort (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  g_autoptr(DossierDocument) a = make_document ("Zebra Crossings", "Anna Adams", "2020-01-01");
  g_autoptr(DossierDocument) b = make_document ("Alpine Passes", "Zoe Young", "2026-01-01");
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *order = NULL;

  id_a = dossier_library_add (library, a, NULL);
  id_b = dossier_library_add (library, b, NULL);
  g_assert_nonnull (id_a);
  g_assert_nonnull (id_b);
  dossier_test_gui_spin (50);

  /* Newest first by default. */
  order = titles_in_order ();
  g_assert_cmpstr (order, ==, "Alpine Passes|Harbour Lights and Coastal Trade|Zebra Crossings");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "title");
  g_free (order);
  order = titles_in_order ();
  g_assert_cmpstr (order, ==, "Alpine Passes|Harbour Lights and Coastal Trade|Zebra Crossings");

  /* By surname: Adams, Halvorsen, Young. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "author");
  g_free (order);
  order = titles_in_order ();
  g_assert_cmpstr (order, ==, "Zebra Crossings|Harbour Lights and Coastal Trade|Alpine Passes");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "date");
  g_assert_true (dossier_library_remove (library, id_a, NULL));
  g_assert_true (dossier_library_remove (library, id_b, NULL));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dossier_window_get_selection (window))), ==, 1);
}

static void
test_metadata (void)
{
  DossierMetadataDialog *dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  DossierDocument *open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
  g_autoptr(DossierDocument) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  dossier_test_gui_spin (50);

  /* What is not a date cannot be saved, and the field says why. */
  gtk_editable_set_text (dossier_metadata_dialog_get_field (dialog, "date"), "Spring 2025");
  g_assert_false (dossier_metadata_dialog_save (dialog));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dialog),
                                                 "“Spring 2025” is not a date: type a year, a month or a day, "
                                                 "such as 2024, May 2024 or 17 May 2024"));

  gtk_editable_set_text (dossier_metadata_dialog_get_field (dialog, "date"), "2025-04-04");
  gtk_text_buffer_set_text (dossier_metadata_dialog_get_text_field (dialog, "title"), "Harbour Lights, Revised", -1);
  gtk_editable_set_text (dossier_metadata_dialog_get_field (dialog, "publisher"), "Northern Maritime Institute");
  dossier_metadata_dialog_add_author (dialog, "Tomas Lindqvist", "Coastal Freight Council");
  g_assert_true (dossier_metadata_dialog_save (dialog));
  dossier_test_gui_spin (100);
  g_assert_null (dialog);

  stored = dossier_library_load (dossier_window_get_library (window), dossier_document_get_id (open), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (stored), ==, "Harbour Lights, Revised");
  g_assert_cmpstr (dossier_document_get_publisher (stored), ==, "Northern Maritime Institute");
  g_assert_cmpstr (dossier_document_get_published (stored), ==, "2025-04-04");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (stored)), ==, 2);

  /* The open reader and the window title follow. */
  g_assert_cmpstr (dossier_document_get_title (open), ==, "Harbour Lights, Revised");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Harbour Lights, Revised — Dossier");

  /* Undo (the toast's button) restores the previous details… */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_clear_object (&stored);
  stored = dossier_library_load (dossier_window_get_library (window), dossier_document_get_id (open), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (stored), ==, FIXTURE_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (stored)), ==, 1);
  g_assert_cmpstr (dossier_document_get_title (open), ==, FIXTURE_TITLE);

  /* …and saving again keeps the edit for the tests that follow. */
  dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  gtk_text_buffer_set_text (dossier_metadata_dialog_get_text_field (dialog, "title"), "Harbour Lights, Revised", -1);
  g_assert_true (dossier_metadata_dialog_save (dialog));
  dossier_test_gui_spin (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Harbour Lights, Revised — Dossier");
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
dup_reader_text (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (current_view ()));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_footnote_markup (guint position)
{
  GtkWidget *marker = dossier_reader_view_get_footnote_marker (current_view (), position);
  GtkPopover *popover;
  GtkLabel *label;
  char *markup;

  gtk_menu_button_popup (GTK_MENU_BUTTON (marker));
  dossier_test_gui_spin (50);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (marker));
  label = g_object_get_data (G_OBJECT (popover), "dossier-footnote-label");
  markup = g_strdup (gtk_label_get_label (label));
  gtk_popover_popdown (popover);
  dossier_test_gui_spin (50);
  return markup;
}

/* Edit Details corrects key points and footnotes: the store, the open
 * reader and Undo all follow. */
static void
test_metadata_key_points_footnotes (void)
{
  DossierMetadataDialog *dialog = DOSSIER_METADATA_DIALOG (dossier_window_edit_metadata (window));
  DossierDocument *open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
  const char *new_note = "Harbour Engineers’ Association, “Deferred Maintenance Survey,” April 2024, "
                         "https://example.org/hea/maintenance-2024.";
  g_autoptr(DossierDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *add;
  guint n_points = g_strv_length ((char **) dossier_document_get_key_points (open));

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  dossier_test_gui_spin (50);

  /* The importer took the opening as a key point: add a second, and
   * move it to the top. */
  g_assert_cmpuint (n_points, ==, 1);
  add = find_by_tooltip (GTK_WIDGET (dialog), "Add Key Point");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  gtk_text_buffer_set_text (dossier_metadata_dialog_get_item_text (dialog, "key-points", 1), "Breakwater funds protect jobs", -1);
  g_signal_emit_by_name (find_by_tooltip (dossier_metadata_dialog_get_item (dialog, "key-points", 1),
                                          "Move Key Point Up"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_metadata_dialog_get_item (dialog, "footnote-urls", 1))), ==,
                   "https://example.org/hea/maintenance");
  gtk_text_buffer_set_text (dossier_metadata_dialog_get_item_text (dialog, "footnote-texts", 1), new_note, -1);
  /* What is not a web address is refused. */
  gtk_editable_set_text (GTK_EDITABLE (dossier_metadata_dialog_get_item (dialog, "footnote-urls", 1)), "example.org/hea");
  g_assert_false (dossier_metadata_dialog_save (dialog));
  gtk_editable_set_text (GTK_EDITABLE (dossier_metadata_dialog_get_item (dialog, "footnote-urls", 1)),
                         "https://example.org/hea/maintenance-2024");
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      /* The dialog at its own width and at its narrowest, scrolled to
       * the new groups. */
      for (guint i = 0; i < 2; i++)
        {
          gtk_window_set_default_size (GTK_WINDOW (dialog), i == 0 ? 520 : 360, 860);
          gtk_widget_grab_focus (dossier_metadata_dialog_get_item (dialog, "footnote-urls", 2));
          dossier_test_gui_spin (400);
          dossier_test_gui_screenshot (GTK_WIDGET (dialog), i == 0 ? "metadata-lists-wide.png"
                                                                   : "metadata-lists-narrow.png");
        }
    }
  g_assert_true (dossier_metadata_dialog_save (dialog));
  dossier_test_gui_spin (100);
  g_assert_null (dialog);

  stored = dossier_library_load (dossier_window_get_library (window), dossier_document_get_id (open), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_key_points (stored)[0], ==, "Breakwater funds protect jobs");
  g_assert_true (g_str_has_prefix (dossier_document_get_key_points (stored)[1], "Small harbours"));
  g_assert_cmpstr (dossier_footnote_get_text (dossier_document_lookup_footnote (stored, 2)), ==, new_note);
  g_assert_cmpstr (dossier_footnote_get_urls (dossier_document_lookup_footnote (stored, 2))[0], ==,
                   "https://example.org/hea/maintenance-2024");

  /* The open reader shows them. */
  text = dup_reader_text ();
  g_assert_nonnull (strstr (text, "Breakwater funds protect jobs"));
  g_assert_nonnull (strstr (text, "April 2024"));
  g_assert_cmpstr (dossier_footnote_get_urls (dossier_document_lookup_footnote (open, 2))[0], ==,
                   "https://example.org/hea/maintenance-2024");
  g_clear_pointer (&text, g_free);

  /* Undo puts back what the import gave. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_gui_spin (50);
  g_clear_object (&stored);
  stored = dossier_library_load (dossier_window_get_library (window), dossier_document_get_id (open), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) dossier_document_get_key_points (stored)), ==, 1);
  g_assert_true (g_str_has_prefix (dossier_document_get_key_points (stored)[0], "Small harbours"));
  g_assert_cmpstr (dossier_footnote_get_urls (dossier_document_lookup_footnote (stored, 2))[0], ==,
                   "https://example.org/hea/maintenance");
  text = dup_reader_text ();
  g_assert_null (strstr (text, "Breakwater funds protect jobs"));
  g_assert_null (strstr (text, "April 2024"));
  /* The marker's note links the restored address. */
  markup = dup_footnote_markup (1);
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/hea/maintenance\">"));
}

static void
metadata_saved_cb (DossierMetadataDialog *dialog,
                   DossierDocument       *edited,
                   DossierDocument      **out)
{
  g_set_object (out, edited);
}

/* Edit Details takes a date as a user types it, to the year, the month
 * or the day, and stores it as the partial date the library keeps; the
 * field says what it takes, and refuses anything else with the reason. */
static void
test_metadata_dates (void)
{
  static const struct { const char *typed, *stored; } accepted[] = {
    { "2024", "2024" },
    { "2024-05", "2024-05" },
    { "2024-05-17", "2024-05-17" },
    { "May 2024", "2024-05" },
    { "may 2024", "2024-05" },
    { "Sept. 2023", "2023-09" },
    { "17 May 2024", "2024-05-17" },
    { "17th May, 2024", "2024-05-17" },
    { "May 17, 2024", "2024-05-17" },
    { "Feb 29 2024", "2024-02-29" },
    { "2024/5/17", "2024-05-17" },
    { "2024.05", "2024-05" },
    { "  2024-05-17  ", "2024-05-17" },
    { "2024년 5월", "2024-05" },
    { "2024년 5월 17일", "2024-05-17" },
    { "0999", "0999" },
  };
  static const char * const refused[] = {
    "Spring 2025", "2024-13", "2024-00", "31 April 2024", "Feb 29, 2023", "0000", "24", "May", "17 May",
    "2024-05-17T10:00", "May 2024 or so", "Ma 2024", "2024-5-17-1", "99999", "２０２４",
  };
  g_autoptr(DossierDocument) document = dossier_document_new ();

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *parsed = dossier_metadata_dialog_parse_date (accepted[i].typed);

      g_assert_cmpstr (parsed, ==, accepted[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *parsed = dossier_metadata_dialog_parse_date (refused[i]);

      if (parsed != NULL)
        g_error ("“%s” was taken as %s", refused[i], parsed);
    }
  {
    g_autofree char *pasted = g_strnfill (100000, '2');

    g_assert_null (dossier_metadata_dialog_parse_date (pasted));
  }

  dossier_document_set_id (document, "dates");
  dossier_document_set_title (document, "Harbour Lights");
  dossier_document_set_issued (document, "2024-05");

  /* Saved as the library keeps it. */
  for (guint i = 0; i < 2; i++)
    {
      const char *typed = i == 0 ? "May 17, 2024" : "2023";
      g_autoptr(DossierDocument) edited = NULL;
      GtkWindow *dialog = GTK_WINDOW (dossier_metadata_dialog_new (NULL, document));
      GtkEditable *field = dossier_metadata_dialog_get_field (DOSSIER_METADATA_DIALOG (dialog), "date");

      g_signal_connect (dialog, "save", G_CALLBACK (metadata_saved_cb), &edited);
      gtk_window_present (dialog);
      g_assert_cmpstr (gtk_editable_get_text (field), ==, "2024-05");
      g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dialog),
                                                     "A year, a month or a day, such as 2024, May 2024 or 17 May 2024"));
      gtk_editable_set_text (field, typed);
      g_assert_true (dossier_metadata_dialog_save (DOSSIER_METADATA_DIALOG (dialog)));
      g_assert_nonnull (edited);
      g_assert_cmpstr (dossier_document_get_issued (edited), ==, i == 0 ? "2024-05-17" : "2023");
      dossier_test_gui_spin (20);
    }

  /* Refused at the field, with what was typed and what would do. */
  {
    GtkWindow *dialog = GTK_WINDOW (dossier_metadata_dialog_new (NULL, document));
    GtkEditable *field = dossier_metadata_dialog_get_field (DOSSIER_METADATA_DIALOG (dialog), "date");
    GtkLabel *message;

    gtk_window_present (dialog);
    gtk_editable_set_text (field, "31 April 2024");
    message = dossier_test_gui_find_label (GTK_WIDGET (dialog),
                                           "“31 April 2024” is not a date: type a year, a month or a day, "
                                           "such as 2024, May 2024 or 17 May 2024");
    g_assert_nonnull (message);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
    g_assert_false (dossier_metadata_dialog_save (DOSSIER_METADATA_DIALOG (dialog)));
    if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
      {
        dossier_test_gui_spin (300);
        dossier_test_gui_screenshot (GTK_WIDGET (dialog), "metadata-date-refused.png");
      }
    /* Emptied, there is no date: that is allowed. */
    gtk_editable_set_text (field, "");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
    gtk_window_destroy (dialog);
    dossier_test_gui_spin (20);
  }
}

static gboolean
view_wrapped (GtkTextView *view)
{
  GtkTextIter iter;
  int last_y, last_height;

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)) || gtk_widget_get_width (GTK_WIDGET (view)) <= 0)
    return FALSE;
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &iter);
  gtk_text_view_get_line_yrange (view, &iter, &last_y, &last_height);
  /* The view is as tall as its last line: nothing cut below (but a
   * pixel of rounding between the line heights and the view's). */
  if (last_y + last_height > gtk_widget_get_height (GTK_WIDGET (view)) + 1)
    return FALSE;
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  /* More than one display line: the text wraps instead of running out
   * of the row. */
  return gtk_text_view_forward_display_line (view, &iter) && !gtk_text_iter_is_end (&iter);
}

/* Edit Details shows a long title and subtitle whole, wrapped in their
 * rows (entry rows cut them at the dialog's edge); a line break pasted
 * into one is a space in what is saved. */
static void
test_metadata_long_values (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) edited = NULL;
  const char *title = "Harbour Lights and Coastal Trade: Pilotage, Port Dues and the Ferry Routes "
                      "That Bind the Northern Islands to the Mainland Economy";
  const char *subtitle = "A Survey of Operators, Councils and Residents on Both Sides of the Sound, "
                         "With Recommendations for the Next Funding Round";
  GtkWindow *dialog;
  GtkTextView *views[2];
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  dossier_document_set_id (document, "long-values");
  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, subtitle);
  dialog = GTK_WINDOW (dossier_metadata_dialog_new (NULL, document));
  g_signal_connect (dialog, "save", G_CALLBACK (metadata_saved_cb), &edited);
  gtk_window_present (dialog);

  for (guint i = 0; i < 2; i++)
    {
      GtkTextBuffer *buffer = dossier_metadata_dialog_get_text_field (DOSSIER_METADATA_DIALOG (dialog),
                                                                       i == 0 ? "title" : "subtitle");
      GtkWidget *found = NULL;

      /* The view showing that buffer. */
      for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL && found == NULL;)
        {
          if (GTK_IS_TEXT_VIEW (w) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)) == buffer)
            found = w;
          else if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w) == GTK_WIDGET (dialog) ? NULL : gtk_widget_get_parent (w);
              w = w ? gtk_widget_get_next_sibling (w) : NULL;
            }
        }
      g_assert_nonnull (found);
      views[i] = GTK_TEXT_VIEW (found);
      while (!view_wrapped (views[i]) && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      g_assert_true (view_wrapped (views[i]));
      /* Inside the dialog, not running past its edge. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (views[i])), <, gtk_widget_get_width (GTK_WIDGET (dialog)));
    }
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      dossier_test_gui_spin (300);
      dossier_test_gui_screenshot (GTK_WIDGET (dialog), "metadata-long-values.png");
    }

  /* Saved through the same path, one line each. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views[1]), "Operators and councils\non both sides", -1);
  g_assert_true (dossier_metadata_dialog_save (DOSSIER_METADATA_DIALOG (dialog)));
  g_assert_nonnull (edited);
  g_assert_cmpstr (dossier_document_get_title (edited), ==, title);
  g_assert_cmpstr (dossier_document_get_subtitle (edited), ==, "Operators and councils on both sides");
  dossier_test_gui_spin (20);
}

/* A text long enough to wrap to several lines at any width the dialog
 * takes: about 600 characters. */
static char *
long_text (const char *start)
{
  GString *text = g_string_new (start);

  while (text->len < 600)
    g_string_append (text, " The harbour board’s survey of the northern quays, read again after the storm season, "
                           "puts the repair bill above the figure the council was given.");
  return g_string_free (text, FALSE);
}

/* Whether @row is at least as tall as @text wrapped at the row's width:
 * an entry row is one line tall, whatever its text. */
static gboolean
row_holds_text (GtkWidget  *row,
                const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int text_height;

  if (!gtk_widget_get_mapped (row) || gtk_widget_get_width (row) <= 0)
    return FALSE;
  layout = gtk_widget_create_pango_layout (row, text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, gtk_widget_get_width (row) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  return gtk_widget_get_height (row) >= text_height;
}

/* The text view inside @widget, if there is one. */
static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Edit Details shows a 600-character key point, pull quote and footnote
 * whole, wrapped in rows as tall as their text, in a wide dialog and a
 * narrow one (entry rows cut them at the row's edge). */
static void
test_metadata_long_lists (void)
{
  static const char *lists[] = { "key-points", "pull-quotes", "footnote-texts" };
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) edited = NULL;
  g_autoptr(DossierFootnote) note = NULL;
  g_autofree char *point = long_text ("Small harbours lose their ferries first.");
  g_autofree char *quote = long_text ("“We were told the quay would last another decade.”");
  g_autofree char *note_text = long_text ("Harbour Board, Survey of the Northern Quays, 2024.");
  const char *texts[] = { point, quote, note_text };
  const char *points[] = { point, NULL };
  const char *quotes[] = { quote, NULL };
  GtkWindow *dialog;

  dossier_document_set_id (document, "long-lists");
  dossier_document_set_title (document, "Harbour Lights");
  dossier_document_set_key_points (document, points);
  dossier_document_set_pull_quotes (document, quotes);
  note = dossier_footnote_new (1, note_text);
  dossier_document_add_footnote (document, note);
  dialog = GTK_WINDOW (dossier_metadata_dialog_new (NULL, document));
  g_signal_connect (dialog, "save", G_CALLBACK (metadata_saved_cb), &edited);

  for (guint w = 0; w < 2; w++)
    {
      int width = w == 0 ? 1400 : 700;

      gtk_window_set_default_size (dialog, width, 860);
      gtk_window_present (dialog);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          GtkWidget *row = dossier_metadata_dialog_get_item (DOSSIER_METADATA_DIALOG (dialog), lists[i], 0);
          GtkTextView *view = NULL;
          gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

          g_assert_nonnull (row);
          /* Shown, to be laid out at the dialog's new width. */
          gtk_widget_grab_focus (row);
          /* (Within the screen's 1400 px, the window's shadow included.) */
          while (!(ABS (gtk_widget_get_width (GTK_WIDGET (dialog)) - width) <= 20 && row_holds_text (row, texts[i]) &&
                   (view = find_text_view (row)) != NULL && view_wrapped (view)) &&
                 g_get_monotonic_time () < until)
            g_main_context_iteration (NULL, FALSE);
          g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (dialog)) - width), <=, 20);
          g_assert_true (row_holds_text (row, texts[i]));
          g_assert_nonnull (view);
          g_assert_true (view_wrapped (view));
          g_assert_cmpint (gtk_widget_get_width (row), <, width);
        }
      if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
        {
          GtkWidget *row = dossier_metadata_dialog_get_item (DOSSIER_METADATA_DIALOG (dialog), "footnote-texts", 0);

          GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          /* Scrolled to the end: the footnote, the last of the three. */
          gtk_widget_grab_focus (GTK_WIDGET (find_text_view (row)));
          dossier_test_gui_spin (200);
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          dossier_test_gui_spin (200);
          dossier_test_gui_screenshot (GTK_WIDGET (dialog), w == 0 ? "metadata-long-lists-1400.png"
                                                                   : "metadata-long-lists-700.png");
        }
    }

  /* Saved as they were: the wrapping does not put line breaks in. */
  g_assert_true (dossier_metadata_dialog_save (DOSSIER_METADATA_DIALOG (dialog)));
  g_assert_nonnull (edited);
  g_assert_cmpstr (dossier_document_get_key_points (edited)[0], ==, point);
  g_assert_cmpstr (dossier_document_get_pull_quotes (edited)[0], ==, quote);
  g_assert_cmpstr (dossier_footnote_get_text (dossier_document_lookup_footnote (edited, 1)), ==, note_text);
  dossier_test_gui_spin (20);
}

static void
test_highlight_survives_reopen (void)
{
  DossierReaderView *view = current_view ();
  DossierDocument *open = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
  g_autofree char *id = g_strdup (dossier_document_get_id (open));
  g_autofree char *selected = NULL;
  g_autoptr(GListModel) stored = NULL;
  guint first_paragraph, first_offset, last_paragraph, last_offset;

  /* "cormorant colony" in paragraph 1, past the first marker's paragraph. */
  g_assert_true (dossier_reader_view_select_range (view, 1, 70, 86));
  selected = dossier_reader_view_dup_selected_text (view);
  g_assert_cmpstr (selected, ==, "cormorant colony");
  g_assert_true (dossier_reader_view_get_selection_range (view, &first_paragraph, &first_offset,
                                                          &last_paragraph, &last_offset));
  g_assert_cmpuint (first_paragraph, ==, 1);
  g_assert_cmpuint (first_offset, ==, 70);
  g_assert_cmpuint (last_offset, ==, 86);

  gtk_widget_activate_action (GTK_WIDGET (view), "reader.highlight", NULL);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (view), ==, 1);

  /* A selection across a footnote marker maps to document offsets. */
  g_assert_true (dossier_reader_view_select_range (view, 3, 77, 90));
  g_free (selected);
  selected = dossier_reader_view_dup_selected_text (view);
  g_assert_cmpstr (selected, ==, "2023. Most of");
  g_assert_true (dossier_reader_view_get_selection_range (view, &first_paragraph, &first_offset,
                                                          &last_paragraph, &last_offset));
  g_assert_cmpuint (first_paragraph, ==, 3);
  g_assert_cmpuint (first_offset, ==, 77);
  g_assert_cmpuint (last_offset, ==, 90);
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.highlight", NULL);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (view), ==, 2);

  /* A third highlight, removed again from the context menu's action. */
  g_assert_true (dossier_reader_view_select_range (view, 4, 2, 14));
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.highlight", NULL);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (view), ==, 3);
  g_assert_true (dossier_reader_view_select_range (view, 4, 5, 6));
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.remove-highlight", NULL);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (view), ==, 2);

  stored = dossier_library_list_highlights (dossier_window_get_library (window), id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 2);

  /* Close the window, open a new one on the same library. */
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  window = create_window ();
  g_assert_true (dossier_window_open_document (window, id));
  dossier_test_gui_spin (100);
  view = current_view ();
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (view), ==, 2);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static void
test_copy_with_citation (void)
{
  DossierReaderView *view = current_view ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autofree char *text = NULL;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (dossier_reader_view_select_range (view, 1, 70, 86));
  gtk_widget_activate_action (GTK_WIDGET (view), "reader.copy-with-citation", NULL);
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_text_cb, &text);
  while (text == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  /* The quote, then a note-style citation with the current details. */
  g_assert_cmpstr (text, ==,
                   "“cormorant colony”\n\n"
                   "Ingrid Halvorsen, “Harbour Lights, Revised,” April 3, 2025.");
}

static void
test_reading_position (void)
{
  DossierReaderPage *page = dossier_window_get_reader_page (window);
  DossierReaderView *view = current_view ();
  g_autofree char *id = g_strdup (dossier_document_get_id (dossier_reader_page_get_document (page)));
  guint position;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  dossier_test_gui_spin (200);
  dossier_reader_view_scroll_to_paragraph (view, 4);
  dossier_test_gui_spin (300);
  position = dossier_reader_view_get_first_visible_paragraph (view);
  g_assert_cmpuint (position, >, 0);
  dossier_reader_page_save_position (page);
  g_assert_cmpuint (dossier_library_get_reading_position (dossier_window_get_library (window), id), ==, position);

  /* Reopening returns there. */
  dossier_reader_page_close (page);
  g_assert_true (dossier_window_open_document (window, id));
  dossier_test_gui_spin (500);
  g_assert_cmpuint (dossier_reader_view_get_first_visible_paragraph (view), ==, position);
}

static void
test_delete (void)
{
  GListModel *shown = G_LIST_MODEL (dossier_window_get_selection (window));

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_null (dossier_reader_page_get_document (dossier_window_get_reader_page (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");

  /* Undo brings the article back from the Trash, with its highlights, and reopens it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (dossier_reader_page_get_document (dossier_window_get_reader_page (window)));
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (current_view ()), ==, 2);

  /* Delete again, and empty the Trash (with the articles earlier tests
   * removed) for the tests that add them again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (dossier_library_empty_trash (dossier_window_get_library (window), NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  window = NULL;
}

/* Back at the window, articles another program (dossier-cli) added to
 * the same library appear in the sidebar. */
static void
test_refresh_when_active (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "data", "lighthouse-keepers.txt", NULL);
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(GError) error = NULL;
  GListModel *shown;
  int status = -1;
  guint before;

  if (cli == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }

  window = create_window ();
  shown = G_LIST_MODEL (dossier_window_get_selection (window));
  before = g_list_model_get_n_items (shown);
  {
    const char *argv[] = { cli, "library", "add", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* As if the analyst came back from the terminal. */
  if (!gtk_window_is_active (GTK_WINDOW (window)))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      window = NULL;
      g_test_skip ("the window is not active on this display (no window manager)");
      return;
    }
  g_object_notify (G_OBJECT (window), "is-active");
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  window = NULL;
}

/* The reader view on its own, with a document built in code. */
static void
test_view_standalone (void)
{
  GtkWidget *toplevel = gtk_window_new ();
  DossierReaderView *view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("세계 평화를 위한 <b>대화</b> & 협력.");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (1, "참고 <자료>, https://example.org/a?b=1&c=2.");
  g_autofree char *citation = NULL;

  dossier_document_set_title (document, "한반도 <평화> & 대화");
  dossier_document_set_source_url (document, "https://www.example.org/research/2025/a-very-long-address?ref=feed");
  dossier_paragraph_add_ref (paragraph, 1, 5);
  dossier_document_add_paragraph (document, paragraph);
  dossier_document_add_footnote (document, note);

  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (toplevel), GTK_WIDGET (view));
  dossier_reader_view_set_document (view, document);
  gtk_window_set_default_size (GTK_WINDOW (toplevel), 600, 400);
  gtk_window_present (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (300);

  g_assert_cmpuint (dossier_reader_view_get_n_footnote_markers (view), ==, 1);
  /* Markup characters in document text are shown as text. */
  g_assert_cmpuint (dossier_reader_view_find (view, "<b>대화</b>"), ==, 1);
  g_assert_cmpuint (dossier_reader_view_find (view, "평화"), ==, 2);

  g_assert_true (gtk_widget_get_mapped (dossier_reader_view_get_footnote_marker (view, 0)));

  dossier_reader_view_set_zoom (view, 1.5);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (view), 1.5, 0.001);
  dossier_reader_view_set_zoom (view, 10.0);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (view), DOSSIER_READER_VIEW_MAX_ZOOM, 0.001);

  /* The head names the site; the long address is only the link. */
  g_assert_cmpuint (dossier_reader_view_find (view, "www.example.org"), ==, 0);
  g_assert_cmpuint (dossier_reader_view_find (view, "example.org"), ==, 2);  /* head and note */
  g_assert_cmpuint (dossier_reader_view_find (view, "a-very-long-address"), ==, 0);

  citation = dossier_format_citation (document);
  g_assert_cmpstr (citation, ==, "“한반도 <평화> & 대화,” https://www.example.org/research/2025/a-very-long-address?ref=feed.");

  gtk_window_destroy (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (50);
  g_assert_finalize_object (view);
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

/* Hostile input: thousands of markers in one paragraph stay quick (marker
 * widgets up to a cap) and keep the offset mapping right. */
static void
test_view_many_markers (void)
{
  GtkWidget *toplevel = gtk_window_new ();
  DossierReaderView *view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DossierParagraph) paragraph = NULL;
  guint first, first_offset, last, last_offset;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 2500; i++)
    g_string_append (text, "word ");
  paragraph = dossier_paragraph_new (text->str);
  for (guint i = 0; i < 2500; i++)
    dossier_paragraph_add_ref (paragraph, i + 1, i * 5 + 4);
  dossier_document_set_title (document, "Many Notes");
  dossier_document_add_paragraph (document, paragraph);

  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (toplevel), GTK_WIDGET (view));
  dossier_reader_view_set_document (view, document);
  gtk_window_present (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (100);
  g_test_message ("2500 markers shown in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (dossier_reader_view_get_n_footnote_markers (view), ==, 400);
  /* Past the cap: word 2400 is still at code point 12000. */
  g_assert_true (dossier_reader_view_select_range (view, 0, 12000, 12004));
  g_assert_true (dossier_reader_view_get_selection_range (view, &first, &first_offset, &last, &last_offset));
  g_assert_cmpuint (first_offset, ==, 12000);
  g_assert_cmpuint (last_offset, ==, 12004);

  gtk_window_destroy (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (50);
  g_assert_finalize_object (view);
}

/* A long article: 500 paragraphs of about 60 words with a note each. */
static void
test_view_long_article (void)
{
  GtkWidget *toplevel = gtk_window_new ();
  DossierReaderView *view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  g_autoptr(DossierDocument) document = dossier_document_new ();
  gint64 start;
  double ms;

  dossier_document_set_title (document, "A Long Article");
  for (guint p = 0; p < 500; p++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(DossierParagraph) paragraph = NULL;
      g_autoptr(DossierFootnote) note = NULL;
      g_autofree char *note_text = g_strdup_printf ("Source %u, https://example.org/%u.", p + 1, p + 1);

      for (guint w = 0; w < 60; w++)
        g_string_append (text, "analysis ");
      paragraph = dossier_paragraph_new (text->str);
      dossier_paragraph_add_ref (paragraph, p + 1, 200);
      dossier_document_add_paragraph (document, paragraph);
      note = dossier_footnote_new (p + 1, note_text);
      dossier_document_add_footnote (document, note);
    }

  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (toplevel), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (50);
  start = g_get_monotonic_time ();
  dossier_reader_view_set_document (view, document);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("500 paragraphs with 500 notes set in %.0f ms", ms);
  g_assert_cmpuint (dossier_reader_view_get_n_footnote_markers (view), ==, 400);
  start = g_get_monotonic_time ();
  g_assert_cmpuint (dossier_reader_view_find (view, "analysis"), ==, 10000);
  g_test_message ("find with 10000 matches in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  dossier_test_gui_spin (50);

  gtk_window_destroy (GTK_WINDOW (toplevel));
  dossier_test_gui_spin (50);
  g_assert_finalize_object (view);
}

/* The tests never reach the desktop's session bus (its settings portal
 * would restyle them, a running Dossier could take their files): the
 * application registered without one, and none can be had. */
static void
test_no_session_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;

  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));
  g_assert_null (g_application_get_dbus_connection (G_APPLICATION (app)));
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_null (bus);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("dossier-test-app-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/view-standalone", test_view_standalone);
  g_test_add_func ("/dossier/app/view-many-markers", test_view_many_markers);
  g_test_add_func ("/dossier/app/view-long-article", test_view_long_article);
  g_test_add_func ("/dossier/app/empty-state", test_empty_state);
  g_test_add_func ("/dossier/app/web-address-dialog", test_web_address_dialog);
  g_test_add_func ("/dossier/app/import", test_import);
  g_test_add_func ("/dossier/app/drop", test_drop);
  g_test_add_func ("/dossier/app/reader", test_reader);
  g_test_add_func ("/dossier/app/footnote", test_footnote);
  g_test_add_func ("/dossier/app/keyboard-markers", test_keyboard_markers);
  g_test_add_func ("/dossier/app/zoom", test_zoom);
  g_test_add_func ("/dossier/app/find", test_find);
  g_test_add_func ("/dossier/app/sort", test_sort);
  g_test_add_func ("/dossier/app/library-search", test_library_search);
  g_test_add_func ("/dossier/app/metadata", test_metadata);
  g_test_add_func ("/dossier/app/metadata-key-points-footnotes", test_metadata_key_points_footnotes);
  g_test_add_func ("/dossier/app/metadata-long-values", test_metadata_long_values);
  g_test_add_func ("/dossier/app/metadata-long-lists", test_metadata_long_lists);
  g_test_add_func ("/dossier/app/metadata-dates", test_metadata_dates);
  g_test_add_func ("/dossier/app/highlight-survives-reopen", test_highlight_survives_reopen);
  g_test_add_func ("/dossier/app/copy-with-citation", test_copy_with_citation);
  g_test_add_func ("/dossier/app/reading-position", test_reading_position);
  g_test_add_func ("/dossier/app/delete", test_delete);
  g_test_add_func ("/dossier/app/refresh-when-active", test_refresh_when_active);
  g_test_add_func ("/dossier/app/no-session-bus", test_no_session_bus);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
