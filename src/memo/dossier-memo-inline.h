/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-memo-types.h"

G_BEGIN_DECLS

/**
 * DossierMemoRun:
 * @text: the run's text without markup, never %NULL ("" for a citation marker)
 * @flags: bold and/or italic
 * @citation_id: for a citation marker `[^ID]`, the ID; otherwise %NULL
 * @note_number: for a citation marker, its footnote number once resolved by
 *   #DossierMemoNotes; 0 when not a marker or not resolved
 *
 * A stretch of inline memo text with uniform formatting, as the editor and
 * the PDF layout draw it.
 */
typedef struct {
  char               *text;
  DossierMemoRunFlags flags;
  char               *citation_id;
  guint               note_number;
} DossierMemoRun;

/* Longest citation id accepted in `[^ID]`. */
#define DOSSIER_MEMO_MAX_CITATION_ID 64

GArray    *dossier_memo_parse_inline         (const char *text);
char      *dossier_memo_inline_to_plain      (const char *text);
char      *dossier_memo_inline_to_pango      (const char *text);
GPtrArray *dossier_memo_inline_citation_ids  (const char *text);
gboolean   dossier_memo_is_valid_citation_id (const char *id);
char      *dossier_memo_escape_inline        (const char *text);

G_END_DECLS
