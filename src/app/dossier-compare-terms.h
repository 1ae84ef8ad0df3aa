/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comparison/dossier-comparison.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPARE_TERMS (dossier_compare_terms_get_type ())
G_DECLARE_FINAL_TYPE (DossierCompareTerms, dossier_compare_terms, DOSSIER, COMPARE_TERMS, GtkWidget)

void  dossier_compare_terms_show  (DossierCompareTerms        *self,
                                   const DossierCompareResult *result,
                                   DossierDocument            *left,
                                   DossierDocument            *right);
guint dossier_compare_terms_get_n_chips (DossierCompareTerms  *self);

G_END_DECLS
