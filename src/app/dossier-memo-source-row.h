/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "memo/dossier-citation.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_SOURCE_ROW (dossier_memo_source_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoSourceRow, dossier_memo_source_row, DOSSIER, MEMO_SOURCE_ROW, AdwExpanderRow)

GtkWidget       *dossier_memo_source_row_new           (DossierCitation      *citation);
DossierCitation *dossier_memo_source_row_get_citation  (DossierMemoSourceRow *self);
void             dossier_memo_source_row_set_removable (DossierMemoSourceRow *self,
                                                        gboolean              removable);

G_END_DECLS
