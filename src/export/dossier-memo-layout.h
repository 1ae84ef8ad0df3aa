/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "memo/dossier-memo.h"
#include "dossier-layout-document.h"

G_BEGIN_DECLS

DossierLayoutDocument *dossier_memo_to_layout_document (DossierMemo *memo);

G_END_DECLS
