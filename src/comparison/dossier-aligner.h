/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-text-analysis.h"
#include "dossier-text-snapshot.h"

G_BEGIN_DECLS

/**
 * DossierAnchor:
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * A user's statement that two paragraphs correspond (Meld's
 * synchronisation point).
 */
typedef struct {
  guint a;
  guint b;
} DossierAnchor;

/**
 * DossierLink:
 * @a: a paragraph of the left document (0-based, as imported)
 * @b: a paragraph of the right document
 * @score: cosine similarity of their TF-IDF vectors (0–1); a link may also
 *   rest on the background model's similarity, which this does not show
 * @anchored: %TRUE when the user declared the link
 * @shared_terms: (array zero-terminated=1): the terms that weigh most in
 *   both, as written in the documents
 */
typedef struct {
  guint a;
  guint b;
  double score;
  gboolean anchored;
  char **shared_terms;
} DossierLink;

void dossier_link_clear (gpointer link);

/**
 * DossierAlignParams:
 * @link_z: a pair is linked when its score stands this many standard
 *   deviations above the mean score of all pairs of the two documents
 * @mutual_z: the same, lower, for two paragraphs that are each other's
 *   best match
 * @relative_z: a link more than this many standard deviations below the
 *   best of both its paragraphs is a stray and dropped (one-to-many links
 *   survive when the link is strong for one end)
 * @semantic_weight: weight of the background model's similarity (stems
 *   used in the same contexts: "talks", "negotiations") beside the shared
 *   words; 0 compares words only
 * @phrase_weight: weight of two-word phrases relative to single words
 * @anchor_bonus: factor on the scores of an anchor's neighbours
 * @private_weight: factor on the weight of terms only one document uses
 * @min_evidence: a link needs at least this many shared topical words, or
 *   a quarter of the shorter paragraph's, unless the background model's
 *   similarity alone puts it above @link_z
 * @proper_weight: factor on the weight of words always written with a
 *   capital (places, people: "Washington", "China")
 * @story_damping: how much terms both documents use throughout lose
 *   (0: none, 1: a term in every paragraph of both weighs nothing)
 * @attribution_weight: factor on words of attribution ("officials",
 *   "told reporters"): who said it, not what
 * @neighbour_weight: share of the best score of a pair's neighbours in the
 *   same row or column (the paragraph just before or after, on either
 *   side) added to its own: a point often runs over two paragraphs
 *
 * The tuned values are dossier_align_params_init()'s; docs/comparison.md
 * explains them.
 */
typedef struct {
  double link_z;
  double mutual_z;
  double relative_z;
  double semantic_weight;
  double phrase_weight;
  double anchor_bonus;
  double private_weight;
  guint min_evidence;
  double proper_weight;
  double story_damping;
  double attribution_weight;
  double neighbour_weight;
} DossierAlignParams;

void dossier_align_params_init (DossierAlignParams *params);

/**
 * DossierTopicTerm:
 * @display: the term as written ("Chinese banks")
 * @key: the stemmed term ("chines bank")
 * @weight_a: its weight in the left document (0 when absent)
 * @weight_b: its weight in the right document
 * @a_paragraphs: (element-type guint): left paragraphs using it
 * @b_paragraphs: (element-type guint): right paragraphs using it
 */
typedef struct {
  char *display;
  char *key;
  double weight_a;
  double weight_b;
  GArray *a_paragraphs;
  GArray *b_paragraphs;
} DossierTopicTerm;

void dossier_topic_term_free (gpointer term);

typedef struct _DossierAligner DossierAligner;

DossierAligner   *dossier_aligner_new            (DossierTextSnapshot * const *documents,
                                                  guint                        n_documents,
                                                  const DossierAlignParams    *params);
void              dossier_aligner_free           (DossierAligner              *self);
DossierTermIndex *dossier_aligner_get_index      (DossierAligner              *self);
guint             dossier_aligner_get_n_paragraphs (DossierAligner            *self,
                                                  guint                        doc);
double           *dossier_aligner_similarities   (DossierAligner              *self,
                                                  guint                        doc_a,
                                                  guint                        doc_b);
GArray           *dossier_aligner_align          (DossierAligner              *self,
                                                  guint                        doc_a,
                                                  guint                        doc_b,
                                                  const double                *similarities,
                                                  const DossierAnchor         *anchors,
                                                  guint                        n_anchors);
char            **dossier_aligner_shared_terms   (DossierAligner              *self,
                                                  guint                        doc_a,
                                                  guint                        par_a,
                                                  guint                        doc_b,
                                                  guint                        par_b,
                                                  guint                        max_terms);
GPtrArray        *dossier_aligner_topic_strip    (DossierAligner              *self,
                                                  guint                        doc_a,
                                                  guint                        doc_b,
                                                  guint                        max_terms,
                                                  GPtrArray                  **only_a,
                                                  GPtrArray                  **only_b);
char            **dossier_aligner_top_terms      (DossierAligner              *self,
                                                  const guint                 *docs,
                                                  const guint                 *paragraphs,
                                                  guint                        n_members,
                                                  guint                        max_terms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAligner, dossier_aligner_free)

G_END_DECLS
