/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-memo.h"

G_BEGIN_DECLS

DossierMemo        *dossier_memo_new_from_template   (DossierMemoKind  kind);
DossierMemo        *dossier_memo_new_from_template_in (DossierMemoKind  kind,
                                                      GHashTable      *catalogue);
DossierMemoSection *dossier_memo_find_evidence_section (DossierMemo   *memo);
DossierMemoSection *dossier_memo_draft_perspectives  (DossierMemo     *memo,
                                                      GListModel      *documents,
                                                      const char      *title);
DossierMemoSection *dossier_memo_insert_perspectives (DossierMemo     *memo,
                                                      GListModel      *documents);

G_END_DECLS
