/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-markup"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"
#include "widgets/dossier-reader-view.h"

/*
 * Text from the analyst's files and folders reaches labels that parse
 * Pango markup: toast titles, status page descriptions, row titles. The
 * library lives in a folder named FOLDER and the article's title is
 * TITLE; every message that names them shows them as they are. (An
 * unescaped "&" or "<" makes GTK log a markup warning, fatal in tests,
 * and the label stays empty.) The damaged-library page is in
 * test-corrupt.c, the spell checker's menu in test-spell-checker.c.
 */

#define FOLDER "R&D <x>"
#define TITLE "<b>Tom & Jerry</b>"

static DossierApplication *app;
static char *tmp_dir;

/* Spins until a label under @window shows @text, for up to 20 s: toasts
 * queue behind one another. */
static GtkLabel *
wait_for_label (DossierWindow *window,
                const char    *text)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkLabel *label;

  while ((label = dossier_test_gui_find_label (GTK_WIDGET (window), text)) == NULL &&
         g_get_monotonic_time () < deadline)
    dossier_test_gui_spin (20);
  return label;
}

static void
wait_for_imports (DossierWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 0);
}

static void
test_library_messages (void)
{
  g_autofree char *source_dir = g_build_filename (tmp_dir, FOLDER, NULL);
  g_autofree char *article_path = g_build_filename (source_dir, "Tom & Jerry.txt", NULL);
  g_autofree char *empty_path = g_build_filename (source_dir, FOLDER ".txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autofree char *library_path = dossier_library_dup_default_path ();
  DossierWindow *window;
  DossierReaderPage *page;
  DossierReaderView *view;
  GtkLabel *label;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (source_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (article_path,
                                      TITLE "\n\nBy Ada Brook\n\n"
                                      "Cats & mice <b>never</b> agree on the terms of a truce.\n\n"
                                      "The second paragraph says more about it.\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  g_assert_nonnull (dossier_window_get_library (window));

  /* Importing: the title in the toast, the file's name when it fails. */
  dossier_window_import_files (window, &article, 1);
  wait_for_imports (window);
  page = dossier_window_get_reader_page (window);
  g_assert_cmpstr (dossier_document_get_title (dossier_reader_page_get_document (page)), ==, TITLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, TITLE " — Dossier");
  dossier_window_import_files (window, &empty, 1);
  wait_for_imports (window);
  label = wait_for_label (window, "Could not import “" FOLDER ".txt”");
  g_assert_nonnull (label);

  /* A highlight the library cannot store, since another program holds
   * it: the reader's toast names the library's folder. */
  g_assert_cmpint (sqlite3_open (library_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  view = dossier_reader_page_get_view (page);
  g_assert_true (dossier_reader_view_select_range (view, 1, 0, 4));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reader.highlight", NULL));
  label = wait_for_label (window, "Could not save the highlight");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), FOLDER G_DIR_SEPARATOR_S "dossier"));
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Moving to the Trash: the title in the Undo toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-document", NULL));
  g_assert_nonnull (wait_for_label (window, "“" TITLE "” moved to the Trash"));

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
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
  g_autofree char *data_home = NULL;
  int status;

  /* Before GLib caches the user directories: the library goes to
   * FOLDER/dossier/library.db. */
  tmp_dir = g_dir_make_tmp ("dossier-test-markup-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, FOLDER, NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/markup/library-messages", test_library_messages);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
