/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "export/dossier-paper.h"
#include "memo/dossier-memo.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_PAGE (dossier_memo_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoPage, dossier_memo_page, DOSSIER, MEMO_PAGE, GtkWidget)

GtkWidget          *dossier_memo_page_new                 (DossierMemo     *memo);
DossierMemo        *dossier_memo_page_get_memo            (DossierMemoPage *self);
void                dossier_memo_page_set_file            (DossierMemoPage *self,
                                                           GFile           *file);
GFile              *dossier_memo_page_get_file            (DossierMemoPage *self);
GFile              *dossier_memo_page_suggest_file        (DossierMemoPage *self,
                                                           const char      *extension);
DossierMemoSection *dossier_memo_page_get_current_section (DossierMemoPage *self);
DossierCitation    *dossier_memo_page_add_excerpt         (DossierMemoPage *self,
                                                           DossierDocument *document,
                                                           guint            paragraph,
                                                           guint            start,
                                                           guint            end);
DossierCitation    *dossier_memo_page_quote_excerpt       (DossierMemoPage *self,
                                                           DossierDocument *document,
                                                           guint            paragraph,
                                                           guint            start,
                                                           guint            end);
DossierCitation    *dossier_memo_page_add_note            (DossierMemoPage *self,
                                                           DossierDocument *document,
                                                           const char      *note,
                                                           const char      *locator);
DossierMemoSection *dossier_memo_page_insert_perspectives (DossierMemoPage *self,
                                                           GListModel      *documents);
GtkTextView        *dossier_memo_page_get_section_view    (DossierMemoPage *self,
                                                           guint            position);
GListModel         *dossier_memo_page_get_issues          (DossierMemoPage *self);
void                dossier_memo_page_refresh             (DossierMemoPage *self);
GListModel         *dossier_memo_page_dup_unfinished      (DossierMemoPage *self);
gboolean            dossier_memo_page_get_modified        (DossierMemoPage *self);
void                dossier_memo_page_set_modified        (DossierMemoPage *self,
                                                           gboolean         modified);
char               *dossier_memo_page_dup_title           (DossierMemoPage *self);
GtkWidget          *dossier_memo_page_get_preview         (DossierMemoPage *self);
GtkWidget          *dossier_memo_page_show_citation_popover (DossierMemoPage *self,
                                                             guint            section,
                                                             int              char_offset);
void                dossier_memo_page_export_to_file      (DossierMemoPage     *self,
                                                           GFile               *file,
                                                           DossierPaper         paper,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            dossier_memo_page_export_to_file_finish (DossierMemoPage  *self,
                                                             GAsyncResult     *result,
                                                             GError          **error);
gboolean            dossier_memo_page_print_to_file       (DossierMemoPage  *self,
                                                           const char       *filename,
                                                           GError          **error);

G_END_DECLS
