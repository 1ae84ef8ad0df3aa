/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-window.h"

/*
 * The window speaks Korean with LANGUAGE=ko: the catalogue comes from the
 * build tree (<builddir>/po/ko/LC_MESSAGES/dossier.mo) through
 * DOSSIER_LOCALEDIR, bound by the same dossier_application_setup_i18n()
 * main() calls. Skipped when the catalogue was not built.
 */

static char *localedir;

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_korean_window (void)
{
  g_autoptr(DossierApplication) app = NULL;
  DossierWindow *window;
  GtkStack *stack;
  AdwStatusPage *empty;
  g_autofree char *placeholder = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("the Korean catalogue is not built (<builddir>/po/ko/LC_MESSAGES/dossier.mo)");
      return;
    }

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  /* A fresh library: the empty state, in Korean. */
  stack = dossier_window_get_content_stack (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  empty = find_status_page (gtk_stack_get_visible_child (stack));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "자료실이 비어 있음");

  /* The library search field's placeholder comes from the template too. */
  g_object_get (dossier_window_get_search_entry (window), "placeholder-text", &placeholder, NULL);
  g_test_message ("search placeholder: %s", placeholder ? placeholder : "(none)");

  /* And a string from C code. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");
  g_assert_cmpstr (_("Select an Article"), ==, "글 선택");

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("dossier-test-locale-XXXXXX", NULL);
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* Before GTK (and gettext) start: G_TEST_BUILDDIR is <builddir>/tests. */
  po = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "..", "po", NULL);
  mo = g_build_filename (po, "ko", "LC_MESSAGES", "dossier.mo", NULL);
  if (g_file_test (mo, G_FILE_TEST_EXISTS))
    localedir = g_canonicalize_filename (po, NULL);
  g_setenv ("LANGUAGE", "ko", TRUE);
  if (localedir != NULL)
    g_setenv ("DOSSIER_LOCALEDIR", localedir, TRUE);
  dossier_application_setup_i18n ();

  dossier_test_gui_init (&argc, &argv);
  g_test_add_func ("/dossier/app/locale/korean-window", test_korean_window);
  status = g_test_run ();

  g_free (localedir);
  {
    g_autofree char *library = g_build_filename (data_home, "dossier", NULL);
    g_autoptr(GDir) dir = g_dir_open (library, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (library, name, NULL);
        g_unlink (path);
      }
    g_rmdir (library);
    g_rmdir (data_home);
  }
  return status;
}
