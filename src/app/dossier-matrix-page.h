/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comparison/dossier-matrix.h"
#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MATRIX_PAGE (dossier_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierMatrixPage, dossier_matrix_page, DOSSIER, MATRIX_PAGE, GtkWidget)

GtkWidget    *dossier_matrix_page_new             (DossierMatrix     *matrix,
                                                   GListModel        *documents);
guint         dossier_matrix_page_get_n_topics    (DossierMatrixPage *self);
const char   *dossier_matrix_page_get_topic_label (DossierMatrixPage *self,
                                                   guint              topic);
void          dossier_matrix_page_set_topic_label (DossierMatrixPage *self,
                                                   guint              topic,
                                                   const char        *label);
GtkWidget    *dossier_matrix_page_get_cell        (DossierMatrixPage *self,
                                                   guint              topic,
                                                   guint              document);
AdwHeaderBar *dossier_matrix_page_get_header_bar  (DossierMatrixPage *self);

G_END_DECLS
