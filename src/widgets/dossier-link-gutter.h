/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LINK_GUTTER (dossier_link_gutter_get_type ())
G_DECLARE_FINAL_TYPE (DossierLinkGutter, dossier_link_gutter, DOSSIER, LINK_GUTTER, GtkWidget)

GtkWidget  *dossier_link_gutter_new            (void);
void        dossier_link_gutter_set_lists      (DossierLinkGutter *self,
                                                GtkListBox        *left,
                                                GtkListBox        *right);
GListModel *dossier_link_gutter_get_links      (DossierLinkGutter *self);
void        dossier_link_gutter_set_links      (DossierLinkGutter *self,
                                                GListModel        *links);
void        dossier_link_gutter_set_selection  (DossierLinkGutter *self,
                                                int                left_paragraph,
                                                int                right_paragraph);

G_END_DECLS
