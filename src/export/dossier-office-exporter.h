/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-export-format.h"
#include "dossier-layout-document.h"
#include "dossier-paper.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_OFFICE_EXPORTER (dossier_office_exporter_get_type ())
G_DECLARE_FINAL_TYPE (DossierOfficeExporter, dossier_office_exporter, DOSSIER, OFFICE_EXPORTER, GObject)

DossierOfficeExporter *dossier_office_exporter_new             (DossierExportFormat     format);
DossierExportFormat    dossier_office_exporter_get_format      (DossierOfficeExporter  *self);
void                   dossier_office_exporter_set_format      (DossierOfficeExporter  *self,
                                                                DossierExportFormat     format);
DossierPaper           dossier_office_exporter_get_paper       (DossierOfficeExporter  *self);
void                   dossier_office_exporter_set_paper       (DossierOfficeExporter  *self,
                                                                DossierPaper            paper);
gboolean               dossier_office_exporter_get_justify     (DossierOfficeExporter  *self);
void                   dossier_office_exporter_set_justify     (DossierOfficeExporter  *self,
                                                                gboolean                justify);
gboolean               dossier_office_exporter_get_busy        (DossierOfficeExporter  *self);

GBytes                *dossier_office_exporter_export_to_bytes (DossierOfficeExporter  *self,
                                                                DossierLayoutDocument  *document,
                                                                GCancellable           *cancellable,
                                                                GError                **error);
gboolean               dossier_office_exporter_export          (DossierOfficeExporter  *self,
                                                                DossierLayoutDocument  *document,
                                                                GFile                  *file,
                                                                GCancellable           *cancellable,
                                                                GError                **error);
void                   dossier_office_exporter_export_async    (DossierOfficeExporter  *self,
                                                                DossierLayoutDocument  *document,
                                                                GFile                  *file,
                                                                GCancellable           *cancellable,
                                                                GAsyncReadyCallback     callback,
                                                                gpointer                user_data);
gboolean               dossier_office_exporter_export_finish   (DossierOfficeExporter  *self,
                                                                GAsyncResult           *result,
                                                                GError                **error);

G_END_DECLS
