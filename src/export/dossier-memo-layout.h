/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "memo/dossier-memo.h"
#include "dossier-layout-document.h"
#include "dossier-paper.h"

G_BEGIN_DECLS

DossierLayoutDocument *dossier_memo_to_layout_document (DossierMemo        *memo);
guint                  dossier_memo_layout_count_pages (DossierMemo        *memo,
                                                        DossierPaper        paper);
guint                  dossier_memo_layout_count_lines (DossierMemo        *memo,
                                                        DossierMemoSection *section,
                                                        DossierPaper        paper);

G_END_DECLS
