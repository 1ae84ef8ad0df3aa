/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The text side of the comparison: a tokeniser for English policy prose,
 * stop words, Snowball stems and a vocabulary of terms (stems and two-word
 * phrases) that remembers how each term was written so it can be shown
 * un-stemmed ("Chinese banks", not "chines bank").
 *
 * Nothing here touches GObject: a DossierTermIndex is built and used on
 * one thread (the comparison's GTask thread).
 */

/**
 * DossierWordToken:
 * @start: byte offset of the word in the text
 * @end: byte offset just past it
 * @char_start: the same in Unicode code points
 * @char_end: the same in Unicode code points
 * @joined: %TRUE when only spaces or a hyphen separate it from the previous
 *   word (no punctuation), so the two may form a phrase
 */
typedef struct {
  guint start;
  guint end;
  guint char_start;
  guint char_end;
  gboolean joined;
} DossierWordToken;

GArray   *dossier_tokenize_words      (const char  *text,
                                       guint        max_tokens);
char     *dossier_fold_word           (const char  *word,
                                       gssize       length);
gboolean  dossier_is_stop_word        (const char  *folded);
gboolean  dossier_is_attribution_word (const char  *folded);

/**
 * DossierTermKind:
 * @DOSSIER_TERM_WORD: a stemmed word
 * @DOSSIER_TERM_PHRASE: two consecutive content words, stemmed
 */
typedef enum {
  DOSSIER_TERM_WORD,
  DOSSIER_TERM_PHRASE,
} DossierTermKind;

/**
 * DossierTermCount:
 * @term: the term's id in the index
 * @count: how often it occurs in the paragraph
 */
typedef struct {
  guint term;
  guint count;
} DossierTermCount;

typedef struct _DossierTermIndex DossierTermIndex;

DossierTermIndex *dossier_term_index_new             (void);
void              dossier_term_index_free            (DossierTermIndex *index);
guint             dossier_term_index_add_paragraph   (DossierTermIndex *index,
                                                      const char       *text);
guint             dossier_term_index_get_n_paragraphs (DossierTermIndex *index);
guint             dossier_term_index_get_n_terms     (DossierTermIndex *index);
const DossierTermCount *dossier_term_index_get_counts (DossierTermIndex *index,
                                                      guint             paragraph,
                                                      guint            *n_counts);
guint             dossier_term_index_get_df          (DossierTermIndex *index,
                                                      guint             term);
DossierTermKind   dossier_term_index_get_kind        (DossierTermIndex *index,
                                                      guint             term);
const char       *dossier_term_index_get_key         (DossierTermIndex *index,
                                                      guint             term);
const char       *dossier_term_index_get_display     (DossierTermIndex *index,
                                                      guint             term);
gboolean          dossier_term_index_lookup          (DossierTermIndex *index,
                                                      const char       *key,
                                                      guint            *term);
gboolean          dossier_term_index_is_name_part    (DossierTermIndex *index,
                                                      guint             term);
gboolean          dossier_term_index_is_proper       (DossierTermIndex *index,
                                                      guint             term);
gboolean          dossier_term_index_is_attribution  (DossierTermIndex *index,
                                                      guint             term);
char             *dossier_term_index_stem_phrase     (DossierTermIndex *index,
                                                      const char       *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTermIndex, dossier_term_index_free)

G_END_DECLS
