/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-trash"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-reader-page.h"
#include "dossier-trash-page.h"
#include "dossier-window.h"
#include "widgets/dossier-reader-view.h"

/*
 * The Trash in the window: Delete moves the selected articles there with
 * an Undo toast (Ctrl+Z while it shows); once the toast is gone the Trash
 * view, reached from the sidebar, restores them with their highlights;
 * Empty Trash… asks first. Runs under Xvfb with a memory GSettings backend
 * and a temporary XDG_DATA_HOME (set in main()).
 */

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;
static char *ids[3];

static const char * const titles[] = {
  "Fisheries Enforcement in the North Atlantic",
  "Grain Corridors After the Ceasefire",
  "Port Access and the Insurance Gap",
};

static DossierDocument *
make_article (guint i)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new (i == 0 ? "Ingrid Solberg" : i == 1 ? "Kofi Mensah" : "Lena Varga");
  g_autofree char *url = g_strdup_printf ("https://example.org/trash-test/%u", i);

  dossier_document_set_title (document, titles[i]);
  dossier_document_set_publisher (document, "Institute for Testing");
  dossier_document_set_published (document, i == 0 ? "2025-01-10" : i == 1 ? "2025-02-20" : "2025-03-30");
  dossier_document_set_source_url (document, url);
  dossier_document_add_author (document, author);
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of “%s”: inspectors, insurers and port "
                                               "authorities each hold part of the answer.", p + 1, titles[i]);
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

      dossier_document_add_paragraph (document, paragraph);
    }
  return document;
}

static GListModel *
shown (void)
{
  return G_LIST_MODEL (dossier_window_get_selection (window));
}

static GListModel *
trash (void)
{
  return dossier_library_get_trash (dossier_window_get_library (window));
}

static DossierTrashPage *
trash_page (void)
{
  GtkWidget *page = gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "trash");

  g_assert_true (DOSSIER_IS_TRASH_PAGE (page));
  return DOSSIER_TRASH_PAGE (page);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
is_shown (DossierLibrary *library,
          const char     *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_id (document), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
select_article (const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_id (document), id) == 0)
        {
          gtk_selection_model_select_item (dossier_window_get_selection (window), i, TRUE);
          dossier_test_gui_spin (50);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Whether a toast shows: AdwToastOverlay's toast widgets (CSS name
 * "toast") are its children while they show. */
static gboolean
toast_shown (void)
{
  GtkWidget *overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  g_assert_true (ADW_IS_TOAST_OVERLAY (overlay));
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "toast") == 0)
      return TRUE;
  return FALSE;
}

static void
test_setup (void)
{
  DossierLibrary *library;
  g_autoptr(GError) error = NULL;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  library = dossier_window_get_library (window);
  g_assert_nonnull (library);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierDocument) document = make_article (i);

      ids[i] = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
    }
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 0);
}

/* Delete moves to the Trash; Undo (Ctrl+Z) while the toast shows brings
 * the article back, with its highlight, and opens it again. */
static void
test_delete_and_undo (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierReaderPage *reader = dossier_window_get_reader_page (window);
  g_autoptr(GError) error = NULL;

  select_article (ids[0]);
  g_assert_cmpstr (dossier_document_get_id (dossier_reader_page_get_document (reader)), ==, ids[0]);
  g_assert_cmpint (dossier_library_add_highlight (library, ids[0], 1, 0, 9, "Paragraph", &error), >, 0);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dossier_test_gui_spin (50);
  g_assert_false (is_shown (library, ids[0]));
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 1);
  g_assert_true (toast_shown ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_gui_spin (50);
  g_assert_true (is_shown (library, ids[0]));
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 0);
  g_assert_cmpstr (dossier_document_get_id (dossier_reader_page_get_document (reader)), ==, ids[0]);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (dossier_reader_page_get_view (reader)), ==, 1);
}

/* Once the toast is gone, Ctrl+Z does nothing more: the Trash view is the
 * way back, reached from the sidebar. */
static void
test_trash_view (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierTrashPage *page = trash_page ();
  GtkStack *stack = dossier_window_get_content_stack (window);
  gint64 until;

  select_article (ids[0]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dossier_test_gui_spin (50);
  select_article (ids[1]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 2);

  /* The toast times out (5 s in libadwaita); Ctrl+Z no longer undoes. */
  until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (toast_shown () && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (toast_shown ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-trash", NULL);
  dossier_test_gui_spin (200);
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Trash — Dossier");
  g_assert_false (dossier_trash_page_get_empty (page));
  g_assert_cmpuint (count_rows (dossier_trash_page_get_list (page)), ==, 2);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "trash.png");

  /* Narrow: the Trash fills the window, with a way back to the library. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 720);
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!adw_leaflet_get_folded (ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_LEAFLET))) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_gui_spin (300);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "trash-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  dossier_test_gui_spin (300);

  /* Restore: back in the library, out of the Trash view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-document", "s", ids[1]);
  dossier_test_gui_spin (100);
  g_assert_true (is_shown (library, ids[1]));
  g_assert_cmpuint (count_rows (dossier_trash_page_get_list (page)), ==, 1);
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));

  /* Choosing an article leaves the Trash for the reader. */
  select_article (ids[1]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "reader");
}

/* Empty Trash… asks first; Cancel keeps everything, Empty Trash deletes
 * for good. */
static void
test_empty_trash (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierTrashPage *page = trash_page ();
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-trash", NULL);
  dossier_test_gui_spin (100);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.empty-trash", NULL);
  dossier_test_gui_spin (200);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Empty Trash?");
  /* What goes, and that it is final, in plain words. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "1 article in the Trash will be permanently deleted, with its highlights and notes. "
                   "This cannot be undone.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "empty"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  dossier_test_gui_screenshot (GTK_WIDGET (dialog), "trash-empty-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  dossier_test_gui_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.empty-trash", NULL);
  dossier_test_gui_spin (200);
  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "empty");
  dossier_test_gui_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (trash ()), ==, 0);
  g_assert_true (dossier_trash_page_get_empty (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);
  g_assert_false (is_shown (library, ids[0]));
  g_assert_null (dossier_library_get_document (library, ids[0]));
  dossier_test_gui_screenshot (GTK_WIDGET (window), "trash-emptied.png");

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  window = NULL;
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

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("dossier-test-trash-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/trash/setup", test_setup);
  g_test_add_func ("/dossier/app/trash/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/dossier/app/trash/view", test_trash_view);
  g_test_add_func ("/dossier/app/trash/empty", test_empty_trash);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
