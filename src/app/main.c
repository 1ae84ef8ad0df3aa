/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier"

#include "config.h"

#include "dossier-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DossierApplication) app = NULL;

  /* Honours DOSSIER_LOCALEDIR like dossier-cli, so the build tree's
   * catalogues can be tried (LANGUAGE=ko). */
  dossier_application_setup_i18n ();

  app = dossier_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
