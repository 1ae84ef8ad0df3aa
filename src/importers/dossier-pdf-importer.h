/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-import.h"

G_BEGIN_DECLS

/* More pages than any report; a bound on the work a hostile file can ask for. */
#define DOSSIER_PDF_MAX_PAGES 10000

gboolean         dossier_pdf_is_pdf            (const char                *data,
                                                gsize                      length);
DossierDocument *dossier_pdf_importer_import   (GBytes                    *bytes,
                                                const char                *name_hint,
                                                GCancellable              *cancellable,
                                                DossierImportProgressFunc  progress,
                                                gpointer                   progress_data,
                                                GError                   **error);

G_END_DECLS
