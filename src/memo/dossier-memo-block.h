/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-memo-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_BLOCK (dossier_memo_block_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoBlock, dossier_memo_block, DOSSIER, MEMO_BLOCK, GObject)

DossierMemoBlock     *dossier_memo_block_new_paragraph (const char           *text);
DossierMemoBlock     *dossier_memo_block_new_bullets   (const char * const   *items);
DossierMemoBlock     *dossier_memo_block_new_quote     (const char           *text,
                                                        const char           *cite);
DossierMemoBlock     *dossier_memo_block_copy          (DossierMemoBlock     *self);

DossierMemoBlockKind  dossier_memo_block_get_kind      (DossierMemoBlock     *self);
void                  dossier_memo_block_set_kind      (DossierMemoBlock     *self,
                                                        DossierMemoBlockKind  kind);
const char           *dossier_memo_block_get_text      (DossierMemoBlock     *self);
void                  dossier_memo_block_set_text      (DossierMemoBlock     *self,
                                                        const char           *text);
const char * const   *dossier_memo_block_get_items     (DossierMemoBlock     *self);
void                  dossier_memo_block_set_items     (DossierMemoBlock     *self,
                                                        const char * const   *items);
guint                 dossier_memo_block_get_n_items   (DossierMemoBlock     *self);
const char           *dossier_memo_block_get_cite      (DossierMemoBlock     *self);
void                  dossier_memo_block_set_cite      (DossierMemoBlock     *self,
                                                        const char           *cite);
char                 *dossier_memo_block_dup_plain_text (DossierMemoBlock    *self);

G_END_DECLS
