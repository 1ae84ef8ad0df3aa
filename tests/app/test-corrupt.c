/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-corrupt"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-window.h"

/*
 * A damaged library file: the window says so, keeps the file, and offers
 * to start a fresh library beside it. The library is in a folder whose
 * name is markup ("R&D <x>"): the messages that name it show it as it is.
 */

#define FOLDER "R&D <x>"

static char *tmp_dir;
static char *data_home;

static void
test_corrupt_library (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autofree char *dir = g_build_filename (data_home, "dossier", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GDir) listing = NULL;
  DossierWindow *window;
  AdwMessageDialog *dialog;
  guint n_files = 0;
  const char *name;

  for (guint i = 0; i < 200; i++)
    g_string_append (garbage, "This is not a Dossier library. ");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage->str, garbage->len, NULL));

  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (200);

  g_assert_null (dossier_window_get_library (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "error");
  /* The error page names the file (the status page's description is markup). */
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (window), FOLDER G_DIR_SEPARATOR_S "dossier"));
  dossier_test_gui_screenshot (gtk_window_get_child (GTK_WINDOW (window)), "library-error.png");

  dialog = dossier_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "fresh"));
  adw_message_dialog_response (dialog, "fresh");
  dossier_test_gui_spin (200);

  g_assert_nonnull (dossier_window_get_library (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "empty");
  /* So does the toast that says where the damaged file was kept. */
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (window), "the damaged one was kept as"));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (window), FOLDER G_DIR_SEPARATOR_S "dossier"));

  /* The damaged file was kept beside the new library. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "library"))
      n_files++;
  g_assert_cmpuint (n_files, >=, 2);

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
  int status;

  tmp_dir = g_dir_make_tmp ("dossier-test-corrupt-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, FOLDER, NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);
  g_test_add_func ("/dossier/app/corrupt-library", test_corrupt_library);
  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (data_home);
  g_free (tmp_dir);
  return status;
}
