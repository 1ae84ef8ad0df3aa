/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MATRIX_GRID (dossier_matrix_grid_get_type ())
G_DECLARE_FINAL_TYPE (DossierMatrixGrid, dossier_matrix_grid, DOSSIER, MATRIX_GRID, GtkWidget)

GtkWidget *dossier_matrix_grid_new              (void);
void       dossier_matrix_grid_attach           (DossierMatrixGrid *self,
                                                 GtkWidget         *child,
                                                 int                row,
                                                 int                column);
void       dossier_matrix_grid_remove_all       (DossierMatrixGrid *self);
int        dossier_matrix_grid_get_column_width (DossierMatrixGrid *self);
int        dossier_matrix_grid_get_topic_width  (DossierMatrixGrid *self);
void       dossier_matrix_grid_get_child_area   (DossierMatrixGrid *self,
                                                 GtkWidget         *child,
                                                 graphene_rect_t   *area);

G_END_DECLS
