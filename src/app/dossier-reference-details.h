/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_REFERENCE_DETAILS (dossier_reference_details_get_type ())
G_DECLARE_FINAL_TYPE (DossierReferenceDetails, dossier_reference_details, DOSSIER, REFERENCE_DETAILS, GtkWidget)

GtkWidget       *dossier_reference_details_new          (void);
DossierDocument *dossier_reference_details_get_document (DossierReferenceDetails *self);
void             dossier_reference_details_set_document (DossierReferenceDetails *self,
                                                         DossierDocument         *document);

G_END_DECLS
