/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "memo/dossier-memo-issue.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_CHECK_LIST (dossier_memo_check_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoCheckList, dossier_memo_check_list, DOSSIER, MEMO_CHECK_LIST, GtkWidget)

GListModel *dossier_memo_check_list_get_issues (DossierMemoCheckList *self);
void        dossier_memo_check_list_set_issues (DossierMemoCheckList *self,
                                                GListModel           *issues);

G_END_DECLS
