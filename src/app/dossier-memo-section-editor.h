/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "memo/dossier-memo-section.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_SECTION_EDITOR (dossier_memo_section_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoSectionEditor, dossier_memo_section_editor, DOSSIER, MEMO_SECTION_EDITOR, GtkListBoxRow)

GtkWidget          *dossier_memo_section_editor_new             (DossierMemoSection       *section);
DossierMemoSection *dossier_memo_section_editor_get_section     (DossierMemoSectionEditor *self);
GtkTextView        *dossier_memo_section_editor_get_view        (DossierMemoSectionEditor *self);
GtkWidget          *dossier_memo_section_editor_get_title_entry (DossierMemoSectionEditor *self);
void                dossier_memo_section_editor_sync            (DossierMemoSectionEditor *self);

G_END_DECLS
