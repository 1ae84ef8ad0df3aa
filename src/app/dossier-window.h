/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-collections-sidebar.h"
#include "dossier-memo-page.h"
#include "dossier-reader-page.h"
#include "memo/dossier-memo-autosave.h"
#include "memo/dossier-notes-export.h"
#include "store/dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow     *dossier_window_new               (DossierApplication *application);
DossierLibrary    *dossier_window_get_library       (DossierWindow      *self);
void               dossier_window_set_library       (DossierWindow      *self,
                                                     DossierLibrary     *library);
void               dossier_window_import_files      (DossierWindow      *self,
                                                     GFile             **files,
                                                     guint               n_files);
void               dossier_window_import_uri        (DossierWindow      *self,
                                                     const char         *uri);
gboolean           dossier_window_open_document     (DossierWindow      *self,
                                                     const char         *document_id);
void               dossier_window_add_toast         (DossierWindow      *self,
                                                     AdwToast           *toast);
DossierReaderPage *dossier_window_get_reader_page   (DossierWindow      *self);
GtkStack          *dossier_window_get_content_stack (DossierWindow      *self);
DossierCollectionsSidebar *dossier_window_get_collections_sidebar (DossierWindow *self);
void               dossier_window_export_collection_notes (DossierWindow            *self,
                                                           gint64                    collection,
                                                           DossierNotesExportFormat  format,
                                                           GFile                    *file);
GtkSelectionModel *dossier_window_get_selection     (DossierWindow      *self);
GtkWidget         *dossier_window_get_search_entry  (DossierWindow      *self);
GMenu             *dossier_window_get_library_menu  (DossierWindow      *self);
guint              dossier_window_get_n_pending_imports (DossierWindow  *self);
GtkWidget         *dossier_window_edit_metadata     (DossierWindow      *self);

void               dossier_window_compare           (DossierWindow      *self,
                                                     DossierDocument    *left,
                                                     DossierDocument    *right);
void               dossier_window_open_comparison   (DossierWindow      *self,
                                                     GFile              *file);
void               dossier_window_new_memo          (DossierWindow      *self,
                                                     DossierMemoKind     kind);
void               dossier_window_open_memo         (DossierWindow      *self,
                                                     GFile              *file);
void               dossier_window_save_comparison_to_collection (DossierWindow *self,
                                                                 gint64         collection,
                                                                 GFile         *file);
void               dossier_window_save_memo_to      (DossierWindow      *self,
                                                     GFile              *file);
DossierMemoPage   *dossier_window_get_memo_page     (DossierWindow      *self);
GFile             *dossier_window_get_memo_file     (DossierWindow      *self);
DossierMemoAutosave *dossier_window_get_memo_autosave (DossierWindow    *self);
guint              dossier_window_get_n_pending_saves (DossierWindow    *self);
gboolean           dossier_window_add_selection_to_memo (DossierWindow  *self);
gboolean           dossier_window_add_note_to_memo (DossierWindow   *self,
                                                    DossierDocument *document,
                                                    const char      *note,
                                                    const char      *locator);
gboolean           dossier_window_quote_selection_in_memo (DossierWindow  *self);
GtkWidget         *dossier_window_offer_recovery    (DossierWindow      *self);
gboolean           dossier_window_get_matrix_busy   (DossierWindow      *self);
GtkWidget         *dossier_window_get_matrix_back_button (DossierWindow  *self);

G_END_DECLS
