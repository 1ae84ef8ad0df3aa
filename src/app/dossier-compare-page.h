/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comparison/dossier-comparison.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPARE_PAGE (dossier_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierComparePage, dossier_compare_page, DOSSIER, COMPARE_PAGE, GtkWidget)

GtkWidget         *dossier_compare_page_new                (DossierDocument    *left,
                                                            DossierDocument    *right);
GtkWidget         *dossier_compare_page_new_for_comparison (DossierComparison  *comparison);
DossierComparison *dossier_compare_page_get_comparison     (DossierComparePage *self);
gboolean           dossier_compare_page_get_sync_scrolling (DossierComparePage *self);
void               dossier_compare_page_set_sync_scrolling (DossierComparePage *self,
                                                            gboolean            sync_scrolling);
gboolean           dossier_compare_page_get_show_terms     (DossierComparePage *self);
void               dossier_compare_page_set_show_terms     (DossierComparePage *self,
                                                            gboolean            show_terms);
void               dossier_compare_page_select_paragraph   (DossierComparePage *self,
                                                            gboolean            left,
                                                            guint               paragraph);
gboolean           dossier_compare_page_get_current_link   (DossierComparePage *self,
                                                            int                *left_paragraph,
                                                            int                *right_paragraph);
const char        *dossier_compare_page_get_link_text      (DossierComparePage *self);
GtkListBox        *dossier_compare_page_get_list           (DossierComparePage *self,
                                                            gboolean            left);
GtkAdjustment     *dossier_compare_page_get_vadjustment    (DossierComparePage *self,
                                                            gboolean            left);
AdwHeaderBar      *dossier_compare_page_get_header_bar     (DossierComparePage *self);

G_END_DECLS
