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

/* How to run it, for the tests of its output: NULL/0 for as usual. */
typedef struct
{
  const char *stdout_path;  /* stdout goes to this file ("/dev/full"), not run->out */
  const char *cwd;          /* the working directory */
  gsize file_size_limit;    /* RLIMIT_FSIZE, SIGXFSZ ignored: writes past it fail
                             * with EFBIG, as on a full disk */
} DossierTestCliOptions;

void  dossier_test_cli_run_clear    (DossierTestCliRun  *run);
void  dossier_test_cli_run          (DossierTestCliRun  *run,
                                     const char         *first,
                                     ...);
void  dossier_test_cli_runv         (DossierTestCliRun  *run,
                                     const char * const *args);
void  dossier_test_cli_run_with     (DossierTestCliRun           *run,
                                     const DossierTestCliOptions *options,
                                     const char                  *first,
                                     ...) G_GNUC_NULL_TERMINATED;
void  dossier_test_cli_runv_with    (DossierTestCliRun           *run,
                                     const DossierTestCliOptions *options,
                                     const char * const          *args);
guint dossier_test_cli_count_lines  (const char         *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierTestCliRun, dossier_test_cli_run_clear)

G_END_DECLS
