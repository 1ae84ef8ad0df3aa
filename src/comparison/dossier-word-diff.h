/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierDiffOp:
 * @DOSSIER_DIFF_EQUAL: the words are the same on both sides
 * @DOSSIER_DIFF_DELETE: words only in the left (older) text
 * @DOSSIER_DIFF_INSERT: words only in the right (newer) text
 */
typedef enum {
  DOSSIER_DIFF_EQUAL,
  DOSSIER_DIFF_DELETE,
  DOSSIER_DIFF_INSERT,
} DossierDiffOp;

GType        dossier_diff_op_get_type (void) G_GNUC_CONST;
#define DOSSIER_TYPE_DIFF_OP (dossier_diff_op_get_type ())
const char  *dossier_diff_op_to_string (DossierDiffOp op);

/**
 * DossierDiffRun:
 * @op: what happened
 * @a_start: first token on the left
 * @a_end: one past the last token on the left (== @a_start for an insertion)
 * @b_start: first token on the right
 * @b_end: one past the last token on the right (== @b_start for a deletion)
 *
 * A maximal run of one kind in an edit script. In a changed stretch the
 * deletion comes before the insertion.
 */
typedef struct {
  DossierDiffOp op;
  guint a_start;
  guint a_end;
  guint b_start;
  guint b_end;
} DossierDiffRun;

GArray *dossier_myers_diff (const guint *a,
                            guint        n_a,
                            const guint *b,
                            guint        n_b);

/**
 * DossierDiffWord:
 * @start: byte offset in the paragraph
 * @end: byte offset just past the word
 * @char_start: the same in code points
 * @char_end: the same in code points
 *
 * A word of the versions diff: a run of non-space characters, punctuation
 * included, as wdiff counts words.
 */
typedef struct {
  guint start;
  guint end;
  guint char_start;
  guint char_end;
} DossierDiffWord;

GArray *dossier_split_diff_words (const char *text,
                                  guint       max_words);

G_END_DECLS
