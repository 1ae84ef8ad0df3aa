/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-annotations-list.h"
#include "dossier-tag-bar.h"
#include "store/dossier-library.h"
#include "widgets/dossier-reader-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER_PAGE (dossier_reader_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderPage, dossier_reader_page, DOSSIER, READER_PAGE, GtkWidget)

GtkWidget         *dossier_reader_page_new              (void);
DossierLibrary    *dossier_reader_page_get_library      (DossierReaderPage *self);
void               dossier_reader_page_set_library      (DossierReaderPage *self,
                                                         DossierLibrary    *library);
gboolean           dossier_reader_page_open             (DossierReaderPage *self,
                                                         const char        *document_id,
                                                         GError           **error);
void               dossier_reader_page_close            (DossierReaderPage *self);
DossierDocument   *dossier_reader_page_get_document     (DossierReaderPage *self);
DossierReaderView *dossier_reader_page_get_view         (DossierReaderPage *self);
DossierAnnotationsList *dossier_reader_page_get_annotations (DossierReaderPage *self);
AdwFlap           *dossier_reader_page_get_annotations_flap (DossierReaderPage *self);
DossierTagBar     *dossier_reader_page_get_tag_bar      (DossierReaderPage *self);
GtkWidget         *dossier_reader_page_edit_highlight_note (DossierReaderPage *self,
                                                            gint64             id);
void               dossier_reader_page_show_find        (DossierReaderPage *self);
void               dossier_reader_page_save_position    (DossierReaderPage *self);
GtkWidget         *dossier_reader_page_get_find_entry   (DossierReaderPage *self);
GtkLabel          *dossier_reader_page_get_match_label  (DossierReaderPage *self);
AdwHeaderBar      *dossier_reader_page_get_header_bar   (DossierReaderPage *self);
GtkWidget         *dossier_reader_page_get_back_button  (DossierReaderPage *self);

G_END_DECLS
