/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "export/dossier-page-layout.h"
#include "memo/dossier-memo.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_PREVIEW (dossier_memo_preview_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoPreview, dossier_memo_preview, DOSSIER, MEMO_PREVIEW, GtkWidget)

GtkWidget         *dossier_memo_preview_new        (void);
DossierMemo       *dossier_memo_preview_get_memo   (DossierMemoPreview *self);
void               dossier_memo_preview_set_memo   (DossierMemoPreview *self,
                                                    DossierMemo        *memo);
DossierPaper       dossier_memo_preview_get_paper  (DossierMemoPreview *self);
void               dossier_memo_preview_set_paper  (DossierMemoPreview *self,
                                                    DossierPaper        paper);
gboolean           dossier_memo_preview_get_justify (DossierMemoPreview *self);
void               dossier_memo_preview_set_justify (DossierMemoPreview *self,
                                                     gboolean            justify);
guint              dossier_memo_preview_get_n_pages (DossierMemoPreview *self);
double             dossier_memo_preview_get_zoom   (DossierMemoPreview *self);
void               dossier_memo_preview_set_zoom   (DossierMemoPreview *self,
                                                    double              zoom);
void               dossier_memo_preview_zoom_in    (DossierMemoPreview *self);
void               dossier_memo_preview_zoom_out   (DossierMemoPreview *self);
gboolean           dossier_memo_preview_get_fit_width (DossierMemoPreview *self);
void               dossier_memo_preview_set_fit_width (DossierMemoPreview *self,
                                                       gboolean            fit_width);
guint              dossier_memo_preview_get_page   (DossierMemoPreview *self);
void               dossier_memo_preview_go_to_page (DossierMemoPreview *self,
                                                    guint               page);
DossierPageLayout *dossier_memo_preview_get_layout (DossierMemoPreview *self);
void               dossier_memo_preview_flush      (DossierMemoPreview *self);

G_END_DECLS
