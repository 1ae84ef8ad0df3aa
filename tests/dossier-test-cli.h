/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Runs dossier-cli ($DOSSIER_CLI) as a user runs it, for the CLI tests:
 * its exit status and everything it printed.
 */
typedef struct
{
  int status;    /* exit status, or -1 if it did not exit normally */
  char *out;     /* stdout, never NULL after a run */
  char *err;     /* stderr, never NULL after a run */
} DossierTestCliRun;

void  dossier_test_cli_run_clear    (DossierTestCliRun  *run);
void  dossier_test_cli_run          (DossierTestCliRun  *run,
                                     const char         *first,
                                     ...);
void  dossier_test_cli_runv         (DossierTestCliRun  *run,
                                     const char * const *args);
guint dossier_test_cli_count_lines  (const char         *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierTestCliRun, dossier_test_cli_run_clear)

G_END_DECLS
