/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand parses its own options and returns the exit status:
 * 0 on success, 1 when the input or the request was bad (one line on
 * stderr says why), 2 for a usage error. */
typedef int (*DossierCliCommandFunc) (int argc, char **argv);

int  dossier_cli_import     (int argc, char **argv);
int  dossier_cli_library    (int argc, char **argv);
int  dossier_cli_compare    (int argc, char **argv);
int  dossier_cli_matrix     (int argc, char **argv);
int  dossier_cli_memo       (int argc, char **argv);
int  dossier_cli_export_pdf (int argc, char **argv);
int  dossier_cli_export     (int argc, char **argv);

/* `library export-citations` and `memo sources` (dossier-cli-citations.c). */
int  dossier_cli_write_citations (GPtrArray *documents, const char *format_name, const char *output,
                                  const char *command);

/* Shared by the subcommands. */
/* Runs the same command line in dossier-cli-full: for the commands the
 * light dossier-cli does not link. Returns only when that fails. */
int  dossier_cli_run_full (void);

int  dossier_cli_fail     (const char *subject, const GError *error);
int  dossier_cli_usage    (const char *command, const char *message);
gboolean dossier_cli_write_stdout (const char *data, gsize length, GError **error);
gboolean dossier_cli_write_file (const char *path, const char *data, gsize length, GError **error);
gboolean dossier_cli_is_stdout (const char *output);

G_END_DECLS
