/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-layout-document.h"
#include "dossier-paper.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PDF_EXPORTER (dossier_pdf_exporter_get_type ())
G_DECLARE_FINAL_TYPE (DossierPdfExporter, dossier_pdf_exporter, DOSSIER, PDF_EXPORTER, GObject)

DossierPdfExporter *dossier_pdf_exporter_new          (void);
DossierPaper        dossier_pdf_exporter_get_paper    (DossierPdfExporter    *self);
void                dossier_pdf_exporter_set_paper    (DossierPdfExporter    *self,
                                                       DossierPaper           paper);
gboolean            dossier_pdf_exporter_get_justify  (DossierPdfExporter    *self);
void                dossier_pdf_exporter_set_justify  (DossierPdfExporter    *self,
                                                       gboolean               justify);
guint               dossier_pdf_exporter_get_n_pages  (DossierPdfExporter    *self);

gboolean            dossier_pdf_exporter_export       (DossierPdfExporter    *self,
                                                       DossierLayoutDocument *document,
                                                       GFile                 *file,
                                                       GCancellable          *cancellable,
                                                       GError               **error);
gboolean            dossier_pdf_exporter_export_to_stream (DossierPdfExporter    *self,
                                                           DossierLayoutDocument *document,
                                                           GOutputStream         *stream,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
void                dossier_pdf_exporter_export_async (DossierPdfExporter    *self,
                                                       DossierLayoutDocument *document,
                                                       GFile                 *file,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean            dossier_pdf_exporter_export_finish (DossierPdfExporter   *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
