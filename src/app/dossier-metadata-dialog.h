/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_METADATA_DIALOG (dossier_metadata_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, DOSSIER, METADATA_DIALOG, AdwWindow)

GtkWidget       *dossier_metadata_dialog_new           (GtkWindow             *parent,
                                                        DossierDocument       *document);
DossierDocument *dossier_metadata_dialog_get_document  (DossierMetadataDialog *self);
GtkTextBuffer   *dossier_metadata_dialog_get_text_field (DossierMetadataDialog *self,
                                                        const char            *name);
GtkEditable     *dossier_metadata_dialog_get_field     (DossierMetadataDialog *self,
                                                        const char            *name);
void             dossier_metadata_dialog_add_author    (DossierMetadataDialog *self,
                                                        const char            *name,
                                                        const char            *affiliation);
GtkWidget       *dossier_metadata_dialog_get_item      (DossierMetadataDialog *self,
                                                        const char            *list,
                                                        guint                  position);
GtkTextBuffer   *dossier_metadata_dialog_get_item_text (DossierMetadataDialog *self,
                                                        const char            *list,
                                                        guint                  position);
gboolean         dossier_metadata_dialog_save          (DossierMetadataDialog *self);
DossierDocument *dossier_document_copy_metadata        (DossierDocument       *document);
char            *dossier_metadata_dialog_parse_date    (const char            *text);

G_END_DECLS
