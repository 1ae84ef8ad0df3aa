/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comparison/dossier-comparison.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPARE_LINK_BAR (dossier_compare_link_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierCompareLinkBar, dossier_compare_link_bar, DOSSIER, COMPARE_LINK_BAR, GtkWidget)

void        dossier_compare_link_bar_show     (DossierCompareLinkBar *self,
                                               DossierComparison     *comparison,
                                               int                    left_paragraph,
                                               int                    right_paragraph,
                                               int                    change);
const char *dossier_compare_link_bar_get_text (DossierCompareLinkBar *self);

G_END_DECLS
