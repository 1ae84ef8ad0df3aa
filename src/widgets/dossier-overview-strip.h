/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "comparison/dossier-comparison.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_OVERVIEW_STRIP (dossier_overview_strip_get_type ())
G_DECLARE_FINAL_TYPE (DossierOverviewStrip, dossier_overview_strip, DOSSIER, OVERVIEW_STRIP, GtkWidget)

GtkWidget         *dossier_overview_strip_new            (void);
void               dossier_overview_strip_set_pane       (DossierOverviewStrip *self,
                                                          GtkListBox           *list,
                                                          GtkAdjustment        *adjustment,
                                                          gboolean              left);
DossierComparison *dossier_overview_strip_get_comparison (DossierOverviewStrip *self);
void               dossier_overview_strip_set_comparison (DossierOverviewStrip *self,
                                                          DossierComparison    *comparison);
void               dossier_overview_strip_set_current    (DossierOverviewStrip *self,
                                                          int                   paragraph);
void               dossier_overview_strip_jump_to        (DossierOverviewStrip *self,
                                                          double                y);

G_END_DECLS
