/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-aligner.h"
#include "dossier-names.h"
#include "dossier-shared-sources.h"
#include "dossier-text-snapshot.h"
#include "dossier-word-diff.h"

G_BEGIN_DECLS

#define DOSSIER_COMPARISON_ERROR (dossier_comparison_error_quark ())

/**
 * DossierComparisonError:
 * @DOSSIER_COMPARISON_ERROR_TOO_LARGE: the documents have too many
 *   paragraphs to compare
 * @DOSSIER_COMPARISON_ERROR_INVALID: a comparison file that cannot be used
 */
typedef enum {
  DOSSIER_COMPARISON_ERROR_TOO_LARGE,
  DOSSIER_COMPARISON_ERROR_INVALID,
} DossierComparisonError;

/**
 * DossierComparisonMode:
 * @DOSSIER_COMPARISON_MODE_AUTO: versions when the texts are mostly the
 *   same, perspectives otherwise
 * @DOSSIER_COMPARISON_MODE_PERSPECTIVES: two articles on one topic
 * @DOSSIER_COMPARISON_MODE_VERSIONS: two versions of one text
 */
typedef enum {
  DOSSIER_COMPARISON_MODE_AUTO,
  DOSSIER_COMPARISON_MODE_PERSPECTIVES,
  DOSSIER_COMPARISON_MODE_VERSIONS,
} DossierComparisonMode;

/**
 * DossierLinkChoice:
 * @DOSSIER_LINK_CHOICE_NONE: proposed by the comparison, not judged yet
 * @DOSSIER_LINK_CHOICE_ACCEPTED: confirmed by the analyst: every later
 *   computation keeps it, whether or not it would make it itself
 * @DOSSIER_LINK_CHOICE_REJECTED: refused by the analyst: no later
 *   computation makes it again
 *
 * What the analyst decided about a link between two paragraphs
 * (perspectives mode; the paragraph pairs of versions mode are the diff's
 * and are corrected with anchors).
 */
typedef enum {
  DOSSIER_LINK_CHOICE_NONE,
  DOSSIER_LINK_CHOICE_ACCEPTED,
  DOSSIER_LINK_CHOICE_REJECTED,
} DossierLinkChoice;

const char *dossier_link_choice_to_string   (DossierLinkChoice  choice);
gboolean    dossier_link_choice_from_string (const char        *name,
                                             DossierLinkChoice *choice);

/**
 * DossierLinkDecision:
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 * @choice: accepted or rejected (never none: undecided pairs are not listed)
 *
 * One of the analyst's choices, as saved in a comparison file.
 */
typedef struct {
  guint a;
  guint b;
  DossierLinkChoice choice;
} DossierLinkDecision;

GType       dossier_comparison_mode_get_type    (void) G_GNUC_CONST;
#define DOSSIER_TYPE_COMPARISON_MODE (dossier_comparison_mode_get_type ())
const char *dossier_comparison_mode_to_string   (DossierComparisonMode  mode);
gboolean    dossier_comparison_mode_from_string (const char            *name,
                                                 DossierComparisonMode *mode);

/* Bound on the paragraph grid (n_left × n_right) a comparison computes:
 * two 2,000-paragraph documents, far beyond any article. */
#define DOSSIER_COMPARISON_MAX_CELLS (4u * 1000u * 1000u)

/* A versions comparison is chosen when at least this share of the words
 * is unchanged. */
#define DOSSIER_VERSIONS_MIN_OVERLAP 0.5

/**
 * DossierChunkRecord:
 * @op: equal, delete or insert
 * @a_paragraph: the left paragraph, or -1 for a paragraph only on the right
 * @b_paragraph: the right paragraph, or -1 for one only on the left
 * @a_start: first word on the left (words as dossier_split_diff_words())
 * @a_end: one past the last word on the left
 * @b_start: first word on the right
 * @b_end: one past the last word on the right
 * @a_char_start: the left span in code points of the paragraph's text
 * @a_char_end: its end
 * @b_char_start: the right span in code points
 * @b_char_end: its end
 * @change: the number of the change this chunk belongs to, -1 if equal
 * @text: the chunk's words (left text for equal and delete, right for insert)
 */
typedef struct {
  DossierDiffOp op;
  int a_paragraph;
  int b_paragraph;
  guint a_start, a_end;
  guint b_start, b_end;
  guint a_char_start, a_char_end;
  guint b_char_start, b_char_end;
  int change;
  char *text;
} DossierChunkRecord;

/**
 * DossierCompareResult:
 * @requested: the mode asked for
 * @mode: the mode used (never auto)
 * @overlap: share of words unchanged between the texts (0–1)
 * @links: (element-type DossierLink): the paragraph alignment, the
 *   analyst's choices applied (dossier_compare_result_apply_choices())
 * @shared_terms: (element-type DossierTopicTerm): the topic strip's shared terms
 * @only_a_terms: (element-type DossierTopicTerm): terms only the left uses
 * @only_b_terms: (element-type DossierTopicTerm): terms only the right uses
 * @sources: (element-type DossierSharedSource): sources both cite
 * @names_a: (element-type DossierNamedEntity): people and organisations on the left
 * @names_b: (element-type DossierNamedEntity): the same on the right
 * @chunks: (element-type DossierChunkRecord): the edit script (versions mode)
 * @change_count: how many changes the edit script has
 * @computed: (element-type DossierLink) (nullable): the links as computed,
 *   before the choices; %NULL until choices were applied
 * @kept: (element-type DossierLink) (nullable): accepted links the
 *   computation did not make itself, with their scores and terms
 * @choices: (element-type DossierLinkDecision) (nullable): the choices
 *   applied to @links, by left then right paragraph
 *
 * Everything a comparison computes, as plain data: the CLI prints it, the
 * #DossierComparison model exposes it to views.
 */
typedef struct {
  DossierComparisonMode requested;
  DossierComparisonMode mode;
  double overlap;
  GArray *links;
  GPtrArray *shared_terms;
  GPtrArray *only_a_terms;
  GPtrArray *only_b_terms;
  GPtrArray *sources;
  GPtrArray *names_a;
  GPtrArray *names_b;
  GArray *chunks;
  guint change_count;
  GArray *computed;
  GArray *kept;
  GArray *choices;
} DossierCompareResult;

GQuark                dossier_comparison_error_quark (void);
DossierCompareResult *dossier_compare_run            (DossierTextSnapshot        *a,
                                                      DossierTextSnapshot        *b,
                                                      DossierComparisonMode       mode,
                                                      const DossierAnchor        *anchors,
                                                      guint                       n_anchors,
                                                      const DossierAlignParams   *params,
                                                      GError                    **error);
void                  dossier_compare_result_free    (DossierCompareResult       *result);
gboolean              dossier_compare_result_name_is_shared (DossierCompareResult *result,
                                                      gboolean                    left,
                                                      const DossierNamedEntity   *entity);
void                  dossier_compare_result_apply_choices (DossierCompareResult  *result,
                                                      DossierTextSnapshot        *a,
                                                      DossierTextSnapshot        *b,
                                                      const DossierLinkDecision  *choices,
                                                      guint                       n_choices);
void                  dossier_compare_result_publish (DossierCompareResult       *result,
                                                      const DossierLinkDecision  *choices,
                                                      guint                       n_choices);
DossierLinkChoice     dossier_compare_result_get_choice (const DossierCompareResult *result,
                                                      guint                       a,
                                                      guint                       b);
JsonNode             *dossier_compare_result_to_json (DossierCompareResult       *result,
                                                      DossierTextSnapshot        *a,
                                                      DossierTextSnapshot        *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCompareResult, dossier_compare_result_free)

G_END_DECLS
