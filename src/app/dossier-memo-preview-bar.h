/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "widgets/dossier-memo-preview.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_PREVIEW_BAR (dossier_memo_preview_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoPreviewBar, dossier_memo_preview_bar, DOSSIER, MEMO_PREVIEW_BAR, GtkWidget)

DossierMemoPreview *dossier_memo_preview_bar_get_preview (DossierMemoPreviewBar *self);
void                dossier_memo_preview_bar_set_preview (DossierMemoPreviewBar *self,
                                                          DossierMemoPreview    *preview);

G_END_DECLS
