/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATIONS_LIST (dossier_annotations_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierAnnotationsList, dossier_annotations_list, DOSSIER, ANNOTATIONS_LIST, GtkWidget)

GtkWidget  *dossier_annotations_list_new            (void);
void        dossier_annotations_list_set_highlights (DossierAnnotationsList *self,
                                                     GListModel             *highlights);
GListModel *dossier_annotations_list_get_highlights (DossierAnnotationsList *self);
GtkListBox *dossier_annotations_list_get_list_box   (DossierAnnotationsList *self);
void        dossier_annotations_list_set_document   (DossierAnnotationsList *self,
                                                     DossierLibrary         *library,
                                                     const char             *document_id);
gboolean    dossier_annotations_list_save_note      (DossierAnnotationsList *self);
GtkTextView *dossier_annotations_list_get_note_view (DossierAnnotationsList *self);
char        *dossier_annotations_list_dup_note      (DossierAnnotationsList *self);

G_END_DECLS
