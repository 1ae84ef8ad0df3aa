/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-layout-document.h"

G_BEGIN_DECLS

/* What the PDF and the office exporters do alike around an export: run
 * it on a worker thread on a copy of the document, count the exports
 * under way for their busy property, and hand the result back in the
 * caller's context. Each exporter says only how it writes the file. Also
 * the properties they and #DossierPageLayout have alike ("paper",
 * "justify", "busy"), so that they stay alike. */

/**
 * DossierExportFunc:
 * @exporter: the exporter
 * @document: the copy of the document taken when the export started
 * @file: the file to write
 * @options: what the exporter handed to dossier_export_task_run()
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @file, on the worker thread.
 *
 * Returns: %TRUE if the file was written
 */
typedef gboolean (*DossierExportFunc) (gpointer                exporter,
                                       DossierLayoutDocument  *document,
                                       GFile                  *file,
                                       gpointer                options,
                                       GCancellable           *cancellable,
                                       GError                **error);

/**
 * DossierExportBusyFunc:
 * @exporter: the exporter
 * @busy: %TRUE as an export starts, %FALSE as it ends
 * @written: when it ends, whether the file was written
 *
 * Called in the caller's context: as the export starts, and as it ends,
 * before the caller's callback, so that the callback sees the exporter
 * idle.
 */
typedef void (*DossierExportBusyFunc) (gpointer exporter,
                                       gboolean busy,
                                       gboolean written);

void        dossier_export_task_run    (gpointer                exporter,
                                        gpointer                source_tag,
                                        DossierLayoutDocument  *document,
                                        GFile                  *file,
                                        gpointer                options,
                                        GDestroyNotify          options_free,
                                        DossierExportFunc       func,
                                        DossierExportBusyFunc   busy_func,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean    dossier_export_task_finish (gpointer                exporter,
                                        GAsyncResult           *result,
                                        GError                **error);
gboolean    dossier_export_count_busy  (guint                  *busy,
                                        gboolean                started);
GParamSpec *dossier_export_paper_pspec   (void);
GParamSpec *dossier_export_justify_pspec (void);
GParamSpec *dossier_export_busy_pspec    (void);

G_END_DECLS
