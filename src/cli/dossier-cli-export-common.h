/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "export/dossier-export-format.h"
#include "export/dossier-layout-document.h"
#include "export/dossier-paper.h"
#include "memo/dossier-memo.h"

G_BEGIN_DECLS

/* What `export` and `export-pdf` do alike: read and check the memo, name
 * the output, refuse an output that is the memo or someone's other file,
 * and write a PDF. Each says only its options and its messages. */

/* --paper, --justify and --quiet, the options both commands have. */
typedef struct {
  char *paper_name;
  DossierPaper paper;       /* from --paper, else the locale's */
  gboolean justify;
  gboolean quiet;
} DossierCliExportOptions;

void         dossier_cli_export_add_options    (GOptionContext          *context,
                                                DossierCliExportOptions *options);
gboolean     dossier_cli_export_read_paper     (DossierCliExportOptions *options);
void         dossier_cli_export_options_clear  (DossierCliExportOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierCliExportOptions, dossier_cli_export_options_clear)

DossierMemo *dossier_cli_export_load_memo      (const char             *path,
                                                GFile                 **file,
                                                GError                **error);
char        *dossier_cli_export_default_output (const char             *memo_path,
                                                DossierExportFormat     format);
gboolean     dossier_cli_export_check_output   (GFile                  *memo_file,
                                                GFile                  *file,
                                                DossierExportFormat     format,
                                                const char             *is_memo,
                                                const char             *is_other,
                                                GError                **error);
int          dossier_cli_export_write_pdf      (DossierLayoutDocument         *document,
                                                const DossierCliExportOptions *options,
                                                const char                    *output);

G_END_DECLS
