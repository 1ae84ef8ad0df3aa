/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "memo/dossier-memo.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_HEADER_FORM (dossier_memo_header_form_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoHeaderForm, dossier_memo_header_form, DOSSIER, MEMO_HEADER_FORM, GtkWidget)

DossierMemo *dossier_memo_header_form_get_memo (DossierMemoHeaderForm *self);
void         dossier_memo_header_form_set_memo (DossierMemoHeaderForm *self,
                                                DossierMemo           *memo);

G_END_DECLS
