/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "dossier-application.h"
#include "dossier-window.h"

static void
test_window_opens (void)
{
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/app/window-opens", test_window_opens);

  return g_test_run ();
}
