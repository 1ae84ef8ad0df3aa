/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-memo-inline.h"
#include "dossier-memo.h"

G_BEGIN_DECLS

/**
 * DossierMemoNote:
 * @number: the footnote number, from 1, in reading order
 * @citation_id: the id in the marker
 * @citation: the citation it refers to
 * @first: whether this is the first reference to the cited work (full note)
 * @text: the formatted note: full on the first reference, shortened after
 * @url: (nullable): the cited document's URL, which appears in @text of a
 *   full note (for a link annotation)
 * @section: index of the section holding the reference
 * @block: index of the block in the section
 * @item: index of the bullet item for a bullet list, else 0
 *
 * One footnote of a memo.
 */
typedef struct {
  guint            number;
  const char      *citation_id;
  DossierCitation *citation;
  gboolean         first;
  char            *text;
  const char      *url;
  guint            section;
  guint            block;
  guint            item;
} DossierMemoNote;

#define DOSSIER_TYPE_MEMO_NOTES (dossier_memo_notes_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoNotes, dossier_memo_notes, DOSSIER, MEMO_NOTES, GObject)

DossierMemoNotes      *dossier_memo_notes_new               (DossierMemo      *memo);
DossierMemo           *dossier_memo_notes_get_memo          (DossierMemoNotes *self);
guint                  dossier_memo_notes_get_n_notes       (DossierMemoNotes *self);
const DossierMemoNote *dossier_memo_notes_get_note          (DossierMemoNotes *self,
                                                             guint             number);
guint                  dossier_memo_notes_get_first_number  (DossierMemoNotes *self,
                                                             const char       *citation_id);
guint                  dossier_memo_notes_count_references  (DossierMemoNotes *self,
                                                             const char       *citation_id);
GArray                *dossier_memo_notes_dup_runs          (DossierMemoNotes *self,
                                                             DossierMemoBlock *block,
                                                             guint             item);
GPtrArray             *dossier_memo_notes_dup_dangling_ids  (DossierMemoNotes *self);

char                  *dossier_memo_render_text             (DossierMemo      *memo);

G_END_DECLS
