/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierMemoKind:
 * @DOSSIER_MEMO_KIND_INFORMATION: an information memo: summary and discussion, no decision asked
 * @DOSSIER_MEMO_KIND_DECISION: an action (decision) memo: recommendation with Approve/Disapprove lines
 * @DOSSIER_MEMO_KIND_POLICY_BRIEF: a think-tank style policy brief
 *
 * Which template a memo was made from; lint rules depend on it.
 */
typedef enum {
  DOSSIER_MEMO_KIND_INFORMATION,
  DOSSIER_MEMO_KIND_DECISION,
  DOSSIER_MEMO_KIND_POLICY_BRIEF,
} DossierMemoKind;

/**
 * DossierMemoBlockKind:
 * @DOSSIER_MEMO_BLOCK_PARAGRAPH: running text ("text")
 * @DOSSIER_MEMO_BLOCK_BULLETS: a bulleted list ("items")
 * @DOSSIER_MEMO_BLOCK_QUOTE: a block quotation ("text") attributed to a citation ("cite")
 */
typedef enum {
  DOSSIER_MEMO_BLOCK_PARAGRAPH,
  DOSSIER_MEMO_BLOCK_BULLETS,
  DOSSIER_MEMO_BLOCK_QUOTE,
} DossierMemoBlockKind;

/**
 * DossierMemoRunFlags:
 * @DOSSIER_MEMO_RUN_PLAIN: roman text
 * @DOSSIER_MEMO_RUN_BOLD: inside `**…**`
 * @DOSSIER_MEMO_RUN_ITALIC: inside `*…*`
 */
typedef enum {
  DOSSIER_MEMO_RUN_PLAIN  = 0,
  DOSSIER_MEMO_RUN_BOLD   = 1 << 0,
  DOSSIER_MEMO_RUN_ITALIC = 1 << 1,
} DossierMemoRunFlags;

#define DOSSIER_TYPE_MEMO_KIND (dossier_memo_kind_get_type ())
#define DOSSIER_TYPE_MEMO_BLOCK_KIND (dossier_memo_block_kind_get_type ())

GType        dossier_memo_kind_get_type          (void) G_GNUC_CONST;
GType        dossier_memo_block_kind_get_type    (void) G_GNUC_CONST;

const char  *dossier_memo_kind_to_string         (DossierMemoKind       kind);
gboolean     dossier_memo_kind_from_string       (const char           *name,
                                                  DossierMemoKind      *kind);
const char  *dossier_memo_block_kind_to_string   (DossierMemoBlockKind  kind);
gboolean     dossier_memo_block_kind_from_string (const char           *name,
                                                  DossierMemoBlockKind *kind);

G_END_DECLS
