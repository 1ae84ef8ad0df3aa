/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "comparison/dossier-comparison.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LINK_GUTTER (dossier_link_gutter_get_type ())
G_DECLARE_FINAL_TYPE (DossierLinkGutter, dossier_link_gutter, DOSSIER, LINK_GUTTER, GtkWidget)

GtkWidget         *dossier_link_gutter_new              (void);
void               dossier_link_gutter_set_lists        (DossierLinkGutter *self,
                                                         GtkListBox        *left,
                                                         GtkListBox        *right);
DossierComparison *dossier_link_gutter_get_comparison   (DossierLinkGutter *self);
void               dossier_link_gutter_set_comparison   (DossierLinkGutter *self,
                                                         DossierComparison *comparison);
void               dossier_link_gutter_set_selection    (DossierLinkGutter *self,
                                                         int                left_paragraph,
                                                         int                right_paragraph);
gboolean           dossier_link_gutter_get_link_at      (DossierLinkGutter *self,
                                                         double             x,
                                                         double             y,
                                                         int               *a,
                                                         int               *b);

G_END_DECLS
