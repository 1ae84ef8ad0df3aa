/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-memo-block.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_SECTION (dossier_memo_section_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoSection, dossier_memo_section, DOSSIER, MEMO_SECTION, GObject)

DossierMemoSection *dossier_memo_section_new             (const char         *title);
DossierMemoSection *dossier_memo_section_copy            (DossierMemoSection *self);
const char         *dossier_memo_section_get_title       (DossierMemoSection *self);
void                dossier_memo_section_set_title       (DossierMemoSection *self,
                                                          const char         *title);
GListModel         *dossier_memo_section_get_blocks      (DossierMemoSection *self);
guint               dossier_memo_section_get_n_blocks    (DossierMemoSection *self);
DossierMemoBlock   *dossier_memo_section_get_block       (DossierMemoSection *self,
                                                          guint               position);
void                dossier_memo_section_append_block    (DossierMemoSection *self,
                                                          DossierMemoBlock   *block);
void                dossier_memo_section_insert_block    (DossierMemoSection *self,
                                                          guint               position,
                                                          DossierMemoBlock   *block);
void                dossier_memo_section_remove_block    (DossierMemoSection *self,
                                                          guint               position);
void                dossier_memo_section_move_block      (DossierMemoSection *self,
                                                          guint               from,
                                                          guint               to);
char               *dossier_memo_section_dup_portion_mark (DossierMemoSection *self);
char               *dossier_memo_section_dup_source_text (DossierMemoSection *self);
void                dossier_memo_section_set_source_text (DossierMemoSection *self,
                                                          const char         *text);

char               *dossier_memo_dup_leading_portion_mark (const char        *text);

G_END_DECLS
