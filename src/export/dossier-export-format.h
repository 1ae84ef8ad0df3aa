/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierExportFormat:
 * @DOSSIER_EXPORT_FORMAT_PDF: PDF, laid out by #DossierPageLayout
 * @DOSSIER_EXPORT_FORMAT_DOCX: Office Open XML text (Word)
 * @DOSSIER_EXPORT_FORMAT_ODT: OpenDocument Text (LibreOffice)
 *
 * The files a memo exports to.
 */
typedef enum {
  DOSSIER_EXPORT_FORMAT_PDF,
  DOSSIER_EXPORT_FORMAT_DOCX,
  DOSSIER_EXPORT_FORMAT_ODT,
} DossierExportFormat;

#define DOSSIER_TYPE_EXPORT_FORMAT (dossier_export_format_get_type ())
GType        dossier_export_format_get_type      (void) G_GNUC_CONST;

gboolean     dossier_export_format_from_string   (const char          *name,
                                                  DossierExportFormat *format);
gboolean     dossier_export_format_for_path      (const char          *path,
                                                  DossierExportFormat *format);
const char  *dossier_export_format_to_string     (DossierExportFormat  format);
const char  *dossier_export_format_get_extension (DossierExportFormat  format);
const char  *dossier_export_format_get_mime_type (DossierExportFormat  format);
char        *dossier_export_format_choose_name   (const char          *basename,
                                                  DossierExportFormat  suggested,
                                                  DossierExportFormat  chosen,
                                                  DossierExportFormat *format);

G_END_DECLS
