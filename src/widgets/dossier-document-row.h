/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_ROW (dossier_document_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER, DOCUMENT_ROW, GtkWidget)

GtkWidget       *dossier_document_row_new          (void);
DossierDocument *dossier_document_row_get_document (DossierDocumentRow *self);
void             dossier_document_row_set_document (DossierDocumentRow *self,
                                                    DossierDocument    *document);
void             dossier_document_row_set_full     (DossierDocumentRow *self,
                                                    gboolean            full);
void             dossier_document_row_set_snippet  (DossierDocumentRow *self,
                                                    const char         *snippet,
                                                    const char         *mark_start,
                                                    const char         *mark_end);

G_END_DECLS
