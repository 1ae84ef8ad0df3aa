/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-compare-result.h"

G_DEFINE_QUARK (dossier-comparison-error-quark, dossier_comparison_error)

G_DEFINE_ENUM_TYPE (DossierComparisonMode, dossier_comparison_mode,
  G_DEFINE_ENUM_VALUE (DOSSIER_COMPARISON_MODE_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (DOSSIER_COMPARISON_MODE_PERSPECTIVES, "perspectives"),
  G_DEFINE_ENUM_VALUE (DOSSIER_COMPARISON_MODE_VERSIONS, "versions"))

const char *
dossier_comparison_mode_to_string (DossierComparisonMode mode)
{
  switch (mode)
    {
    case DOSSIER_COMPARISON_MODE_AUTO: return "auto";
    case DOSSIER_COMPARISON_MODE_PERSPECTIVES: return "perspectives";
    case DOSSIER_COMPARISON_MODE_VERSIONS: return "versions";
    default: g_return_val_if_reached ("auto");
    }
}

gboolean
dossier_comparison_mode_from_string (const char            *name,
                                     DossierComparisonMode *mode)
{
  if (g_strcmp0 (name, "auto") == 0)
    *mode = DOSSIER_COMPARISON_MODE_AUTO;
  else if (g_strcmp0 (name, "perspectives") == 0)
    *mode = DOSSIER_COMPARISON_MODE_PERSPECTIVES;
  else if (g_strcmp0 (name, "versions") == 0)
    *mode = DOSSIER_COMPARISON_MODE_VERSIONS;
  else
    return FALSE;
  return TRUE;
}

const char *
dossier_link_choice_to_string (DossierLinkChoice choice)
{
  switch (choice)
    {
    case DOSSIER_LINK_CHOICE_NONE: return "none";
    case DOSSIER_LINK_CHOICE_ACCEPTED: return "accepted";
    case DOSSIER_LINK_CHOICE_REJECTED: return "rejected";
    default: g_return_val_if_reached ("none");
    }
}

gboolean
dossier_link_choice_from_string (const char        *name,
                                 DossierLinkChoice *choice)
{
  if (g_strcmp0 (name, "none") == 0)
    *choice = DOSSIER_LINK_CHOICE_NONE;
  else if (g_strcmp0 (name, "accepted") == 0)
    *choice = DOSSIER_LINK_CHOICE_ACCEPTED;
  else if (g_strcmp0 (name, "rejected") == 0)
    *choice = DOSSIER_LINK_CHOICE_REJECTED;
  else
    return FALSE;
  return TRUE;
}

static void
chunk_record_clear (gpointer data)
{
  g_free (((DossierChunkRecord *) data)->text);
}

void
dossier_compare_result_free (DossierCompareResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->links, g_array_unref);
  g_clear_pointer (&result->shared_terms, g_ptr_array_unref);
  g_clear_pointer (&result->only_a_terms, g_ptr_array_unref);
  g_clear_pointer (&result->only_b_terms, g_ptr_array_unref);
  g_clear_pointer (&result->sources, g_ptr_array_unref);
  g_clear_pointer (&result->names_a, g_ptr_array_unref);
  g_clear_pointer (&result->names_b, g_ptr_array_unref);
  g_clear_pointer (&result->chunks, g_array_unref);
  g_clear_pointer (&result->computed, g_array_unref);
  g_clear_pointer (&result->kept, g_array_unref);
  g_clear_pointer (&result->choices, g_array_unref);
  g_free (result);
}

/* ---- versions: paragraph alignment, then words ---- */

/* Paragraphs of two versions correspond when they are the same text or
 * similar enough that a word diff is more useful than delete + insert. */
#define VERSIONS_MIN_SIMILARITY 0.5

static double
versions_similarity (DossierTextSnapshot *a,
                     DossierTextSnapshot *b,
                     const double        *sim,
                     guint                i,
                     guint                j)
{
  guint n_b = dossier_text_snapshot_get_n_paragraphs (b);

  if (g_str_equal (dossier_text_snapshot_get_paragraph (a, i), dossier_text_snapshot_get_paragraph (b, j)))
    return 1.0;
  if (dossier_text_snapshot_is_heading (a, i) != dossier_text_snapshot_is_heading (b, j))
    return 0.0;
  return sim[(gsize) i * n_b + j];
}

/* Order-keeping alignment of paragraphs a_from…a_to and b_from…b_to: the
 * LCS whose matched pairs have the highest total similarity (a dynamic
 * program over the grid, like Meld's paragraph-level matcher). Appends the
 * matched pairs in order. */
static void
align_segment (DossierTextSnapshot *a,
               DossierTextSnapshot *b,
               const double        *sim,
               guint                a_from,
               guint                a_to,
               guint                b_from,
               guint                b_to,
               GArray              *pairs)
{
  guint n = a_to - a_from, m = b_to - b_from;
  g_autofree double *score = g_new0 (double, (gsize) (n + 1) * (m + 1));
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (DossierAnchor));
  guint i, j;

#define S(ii, jj) score[(gsize) (ii) * (m + 1) + (jj)]
  for (i = 1; i <= n; i++)
    for (j = 1; j <= m; j++)
      {
        double s = versions_similarity (a, b, sim, a_from + i - 1, b_from + j - 1);
        double best = MAX (S (i - 1, j), S (i, j - 1));

        if (s >= VERSIONS_MIN_SIMILARITY)
          best = MAX (best, S (i - 1, j - 1) + s);
        S (i, j) = best;
      }

  i = n, j = m;
  while (i > 0 && j > 0)
    {
      double s = versions_similarity (a, b, sim, a_from + i - 1, b_from + j - 1);

      if (s >= VERSIONS_MIN_SIMILARITY && S (i, j) == S (i - 1, j - 1) + s)
        {
          DossierAnchor pair = { a_from + i - 1, b_from + j - 1 };
          g_array_append_val (reversed, pair);
          i--, j--;
        }
      else if (S (i, j) == S (i - 1, j))
        i--;
      else
        j--;
    }
#undef S

  for (guint k = reversed->len; k > 0; k--)
    g_array_append_val (pairs, g_array_index (reversed, DossierAnchor, k - 1));
}

static int
compare_anchors (gconstpointer x,
                 gconstpointer y)
{
  const DossierAnchor *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/* Anchors are synchronisation points: the alignment is computed between
 * consecutive anchors only, so nothing crosses one. Anchors that cross each
 * other cannot all hold in one order; the later ones are ignored. */
static GArray *
align_versions (DossierTextSnapshot *a,
                DossierTextSnapshot *b,
                const double        *sim,
                const DossierAnchor *anchors,
                guint                n_anchors)
{
  guint n_a = dossier_text_snapshot_get_n_paragraphs (a);
  guint n_b = dossier_text_snapshot_get_n_paragraphs (b);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (DossierAnchor));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (DossierAnchor));
  guint a_from = 0, b_from = 0;

  for (guint k = 0; k < n_anchors; k++)
    if (anchors[k].a < n_a && anchors[k].b < n_b)
      g_array_append_val (sorted, anchors[k]);
  g_array_sort (sorted, compare_anchors);

  for (guint k = 0; k < sorted->len; k++)
    {
      DossierAnchor anchor = g_array_index (sorted, DossierAnchor, k);

      if (anchor.a < a_from || anchor.b < b_from)
        continue;
      align_segment (a, b, sim, a_from, anchor.a, b_from, anchor.b, pairs);
      g_array_append_val (pairs, anchor);
      a_from = anchor.a + 1;
      b_from = anchor.b + 1;
    }
  align_segment (a, b, sim, a_from, n_a, b_from, n_b, pairs);

  return pairs;
}

typedef struct {
  GHashTable *ids;       /* word → id + 1 */
  GArray *chunks;
  guint words_a;
  guint words_b;
  guint words_equal;
} DiffState;

#define MAX_DIFF_WORDS 50000

static guint *
word_ids (DiffState  *state,
          const char *text,
          GArray     *words)
{
  guint *ids = g_new (guint, MAX (words->len, 1));

  for (guint i = 0; i < words->len; i++)
    {
      const DossierDiffWord *w = &g_array_index (words, DossierDiffWord, i);
      g_autofree char *word = g_strndup (text + w->start, w->end - w->start);
      gpointer id = g_hash_table_lookup (state->ids, word);

      if (id == NULL)
        {
          id = GUINT_TO_POINTER (g_hash_table_size (state->ids) + 1);
          g_hash_table_insert (state->ids, g_steal_pointer (&word), id);
        }
      ids[i] = GPOINTER_TO_UINT (id) - 1;
    }

  return ids;
}

static char *
span_text (const char *text,
           GArray     *words,
           guint       from,
           guint       to)
{
  if (from >= to)
    return g_strdup ("");
  return g_strndup (text + g_array_index (words, DossierDiffWord, from).start,
                    g_array_index (words, DossierDiffWord, to - 1).end -
                    g_array_index (words, DossierDiffWord, from).start);
}

static guint
char_at (GArray *words,
         guint   index,
         guint   fallback)
{
  if (index < words->len)
    return g_array_index (words, DossierDiffWord, index).char_start;
  return words->len > 0 ? g_array_index (words, DossierDiffWord, words->len - 1).char_end : fallback;
}

static guint
char_end_at (GArray *words,
             guint   from,
             guint   to)
{
  if (from >= to)
    return char_at (words, from, 0);
  return g_array_index (words, DossierDiffWord, to - 1).char_end;
}

static void
diff_pair (DiffState  *state,
           int         pa,
           const char *ta,
           int         pb,
           const char *tb)
{
  g_autoptr(GArray) wa = dossier_split_diff_words (ta != NULL ? ta : "", MAX_DIFF_WORDS);
  g_autoptr(GArray) wb = dossier_split_diff_words (tb != NULL ? tb : "", MAX_DIFF_WORDS);
  g_autofree guint *ia = word_ids (state, ta != NULL ? ta : "", wa);
  g_autofree guint *ib = word_ids (state, tb != NULL ? tb : "", wb);
  g_autoptr(GArray) runs = dossier_myers_diff (ia, wa->len, ib, wb->len);

  state->words_a += wa->len;
  state->words_b += wb->len;

  for (guint r = 0; r < runs->len; r++)
    {
      const DossierDiffRun *run = &g_array_index (runs, DossierDiffRun, r);
      DossierChunkRecord chunk = { 0, };

      chunk.op = run->op;
      chunk.a_paragraph = run->op == DOSSIER_DIFF_INSERT && ta == NULL ? -1 : pa;
      chunk.b_paragraph = run->op == DOSSIER_DIFF_DELETE && tb == NULL ? -1 : pb;
      chunk.a_start = run->a_start;
      chunk.a_end = run->a_end;
      chunk.b_start = run->b_start;
      chunk.b_end = run->b_end;
      chunk.a_char_start = char_at (wa, run->a_start, 0);
      chunk.a_char_end = char_end_at (wa, run->a_start, run->a_end);
      chunk.b_char_start = char_at (wb, run->b_start, 0);
      chunk.b_char_end = char_end_at (wb, run->b_start, run->b_end);
      chunk.change = -1;
      if (run->op == DOSSIER_DIFF_INSERT)
        chunk.text = span_text (tb, wb, run->b_start, run->b_end);
      else
        chunk.text = span_text (ta, wa, run->a_start, run->a_end);
      if (run->op == DOSSIER_DIFF_EQUAL)
        state->words_equal += run->a_end - run->a_start;
      g_array_append_val (state->chunks, chunk);
    }
}

static GArray *
versions_chunks (DossierTextSnapshot *a,
                 DossierTextSnapshot *b,
                 GArray              *pairs,
                 double              *overlap,
                 guint               *change_count)
{
  guint n_a = dossier_text_snapshot_get_n_paragraphs (a);
  guint n_b = dossier_text_snapshot_get_n_paragraphs (b);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DiffState state = { ids, g_array_new (FALSE, FALSE, sizeof (DossierChunkRecord)), 0, 0, 0 };
  guint i = 0, j = 0;
  int change = -1;
  gboolean in_change = FALSE;

  g_array_set_clear_func (state.chunks, chunk_record_clear);

  for (guint k = 0; k <= pairs->len; k++)
    {
      guint next_a = k < pairs->len ? g_array_index (pairs, DossierAnchor, k).a : n_a;
      guint next_b = k < pairs->len ? g_array_index (pairs, DossierAnchor, k).b : n_b;

      /* paragraphs only in the old version, then only in the new one */
      for (; i < next_a; i++)
        diff_pair (&state, i, dossier_text_snapshot_get_paragraph (a, i), -1, NULL);
      for (; j < next_b; j++)
        diff_pair (&state, -1, NULL, j, dossier_text_snapshot_get_paragraph (b, j));
      if (k < pairs->len)
        {
          diff_pair (&state, i, dossier_text_snapshot_get_paragraph (a, i), j,
                     dossier_text_snapshot_get_paragraph (b, j));
          i++, j++;
        }
    }

  /* number the changes: a change is a maximal stretch of non-equal chunks
   * within one pair of paragraphs (a paragraph added or removed whole is a
   * change of its own) */
  for (guint c = 0; c < state.chunks->len; c++)
    {
      DossierChunkRecord *chunk = &g_array_index (state.chunks, DossierChunkRecord, c);
      const DossierChunkRecord *prev = c > 0 ? chunk - 1 : NULL;

      if (chunk->op == DOSSIER_DIFF_EQUAL)
        {
          in_change = FALSE;
          continue;
        }
      if (!in_change || prev == NULL ||
          prev->a_paragraph != chunk->a_paragraph || prev->b_paragraph != chunk->b_paragraph)
        change++;
      in_change = TRUE;
      chunk->change = change;
    }

  *change_count = change + 1;
  *overlap = state.words_a + state.words_b > 0
             ? 2.0 * state.words_equal / (state.words_a + state.words_b)
             : 1.0;
  return state.chunks;
}

/* An estimate of the unchanged share without the word diff: the words of
 * paragraphs aligned as identical. */
static double
versions_overlap (DossierTextSnapshot *a,
                  DossierTextSnapshot *b,
                  GArray              *pairs)
{
  guint64 total = 0, same = 0;

  for (guint i = 0; i < dossier_text_snapshot_get_n_paragraphs (a); i++)
    total += strlen (dossier_text_snapshot_get_paragraph (a, i));
  for (guint j = 0; j < dossier_text_snapshot_get_n_paragraphs (b); j++)
    total += strlen (dossier_text_snapshot_get_paragraph (b, j));
  for (guint k = 0; k < pairs->len; k++)
    {
      const char *ta = dossier_text_snapshot_get_paragraph (a, g_array_index (pairs, DossierAnchor, k).a);

      if (g_str_equal (ta, dossier_text_snapshot_get_paragraph (b, g_array_index (pairs, DossierAnchor, k).b)))
        same += 2 * strlen (ta);
    }

  return total > 0 ? (double) same / total : 1.0;
}

/* ---- the whole comparison ---- */

static void
add_version_links (DossierAligner *aligner,
                   GArray         *links,
                   GArray         *pairs,
                   const double   *sim,
                   guint           n_b)
{
  for (guint k = 0; k < pairs->len; k++)
    {
      const DossierAnchor *pair = &g_array_index (pairs, DossierAnchor, k);
      DossierLink link = { pair->a, pair->b, sim[(gsize) pair->a * n_b + pair->b], FALSE, NULL };

      link.shared_terms = dossier_aligner_shared_terms (aligner, 0, pair->a, 1, pair->b, 6);
      g_array_append_val (links, link);
    }
}

/**
 * dossier_compare_run:
 * @a: the left (older) document
 * @b: the right (newer) document
 * @mode: the mode; auto picks versions when at least
 *   %DOSSIER_VERSIONS_MIN_OVERLAP of the words are unchanged
 * @anchors: (array length=n_anchors) (nullable): the user's anchors
 * @n_anchors: how many
 * @params: (nullable): alignment parameters, %NULL for the tuned ones
 * @error: return location for an error
 *
 * Compares two documents. Safe to call from any thread: it reads only the
 * snapshots.
 *
 * Returns: (transfer full): the result, or %NULL when the documents are too
 *   large to compare
 */
DossierCompareResult *
dossier_compare_run (DossierTextSnapshot       *a,
                     DossierTextSnapshot       *b,
                     DossierComparisonMode      mode,
                     const DossierAnchor       *anchors,
                     guint                      n_anchors,
                     const DossierAlignParams  *params,
                     GError                   **error)
{
  DossierTextSnapshot *docs[2] = { a, b };
  guint n_a = dossier_text_snapshot_get_n_paragraphs (a);
  guint n_b = dossier_text_snapshot_get_n_paragraphs (b);
  g_autoptr(DossierAligner) aligner = NULL;
  g_autofree double *sim = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(DossierCompareResult) result = NULL;

  if ((guint64) n_a * n_b > DOSSIER_COMPARISON_MAX_CELLS)
    {
      g_set_error (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_TOO_LARGE,
                   _("The documents are too long to compare (%u and %u paragraphs)"), n_a, n_b);
      return NULL;
    }

  result = g_new0 (DossierCompareResult, 1);
  result->requested = mode;

  aligner = dossier_aligner_new (docs, 2, params);
  sim = dossier_aligner_similarities (aligner, 0, 1);

  pairs = align_versions (a, b, sim, anchors, n_anchors);
  if (mode == DOSSIER_COMPARISON_MODE_PERSPECTIVES)
    {
      /* the word diff is only needed to choose the mode or to show it */
      result->chunks = g_array_new (FALSE, FALSE, sizeof (DossierChunkRecord));
      g_array_set_clear_func (result->chunks, chunk_record_clear);
      result->overlap = versions_overlap (a, b, pairs);
    }
  else
    result->chunks = versions_chunks (a, b, pairs, &result->overlap, &result->change_count);

  if (mode == DOSSIER_COMPARISON_MODE_AUTO)
    mode = result->overlap >= DOSSIER_VERSIONS_MIN_OVERLAP
           ? DOSSIER_COMPARISON_MODE_VERSIONS
           : DOSSIER_COMPARISON_MODE_PERSPECTIVES;
  result->mode = mode;

  if (mode == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      result->links = g_array_new (FALSE, FALSE, sizeof (DossierLink));
      g_array_set_clear_func (result->links, dossier_link_clear);
      add_version_links (aligner, result->links, pairs, sim, n_b);
    }
  else
    {
      result->links = dossier_aligner_align (aligner, 0, 1, sim, anchors, n_anchors);
      /* the edit script of two different articles means nothing */
      g_array_set_size (result->chunks, 0);
      result->change_count = 0;
    }

  result->shared_terms = dossier_aligner_topic_strip (aligner, 0, 1, 12,
                                                      &result->only_a_terms,
                                                      &result->only_b_terms);
  result->sources = dossier_find_shared_sources (a, b);
  result->names_a = dossier_extract_names (a);
  result->names_b = dossier_extract_names (b);

  return g_steal_pointer (&result);
}

/**
 * dossier_compare_result_name_is_shared:
 * @result: a result
 * @left: whether @entity is from the left document
 * @entity: one of its names
 *
 * Returns: %TRUE when the other document names the same person or
 *   organisation
 */
gboolean
dossier_compare_result_name_is_shared (DossierCompareResult     *result,
                                       gboolean                  left,
                                       const DossierNamedEntity *entity)
{
  GPtrArray *other = left ? result->names_b : result->names_a;

  for (guint i = 0; i < other->len; i++)
    if (dossier_named_entities_match (entity, g_ptr_array_index (other, i)))
      return TRUE;
  return FALSE;
}

/* ---- the analyst's choices ---- */

static GArray *
new_link_array (void)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (DossierLink));

  g_array_set_clear_func (links, dossier_link_clear);
  return links;
}

static void
append_link_copy (GArray            *links,
                  const DossierLink *link)
{
  DossierLink copy = *link;

  copy.shared_terms = g_strdupv (link->shared_terms);
  g_array_append_val (links, copy);
}

static gboolean
links_contain (GArray *links,
               guint   a,
               guint   b)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    if (g_array_index (links, DossierLink, i).a == a && g_array_index (links, DossierLink, i).b == b)
      return TRUE;
  return FALSE;
}

static int
compare_links_by_paragraph (gconstpointer x,
                            gconstpointer y)
{
  const DossierLink *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

static int
compare_decisions (gconstpointer x,
                   gconstpointer y)
{
  const DossierLinkDecision *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/**
 * dossier_compare_result_get_choice:
 * @result: a result
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * Returns: the choice applied to the pair by the last
 *   dossier_compare_result_publish()
 */
DossierLinkChoice
dossier_compare_result_get_choice (const DossierCompareResult *result,
                                   guint                       a,
                                   guint                       b)
{
  g_return_val_if_fail (result != NULL, DOSSIER_LINK_CHOICE_NONE);

  for (guint i = 0; result->choices != NULL && i < result->choices->len; i++)
    {
      const DossierLinkDecision *decision = &g_array_index (result->choices, DossierLinkDecision, i);

      if (decision->a == a && decision->b == b)
        return decision->choice;
    }
  return DOSSIER_LINK_CHOICE_NONE;
}

/**
 * dossier_compare_result_publish:
 * @result: a result whose choices were applied once
 *   (dossier_compare_result_apply_choices())
 * @choices: (array length=n_choices) (nullable): the analyst's choices now
 * @n_choices: how many
 *
 * Rebuilds @result's links from what was computed and @choices, without
 * computing anything: rejected links are left out, accepted ones marked
 * and kept. This is how a view shows a choice at once; an accepted pair
 * the computation neither made nor kept appears only after the next one.
 */
void
dossier_compare_result_publish (DossierCompareResult      *result,
                                const DossierLinkDecision *choices,
                                guint                      n_choices)
{
  GArray *links = new_link_array ();

  g_return_if_fail (result != NULL);

  if (result->computed == NULL)
    result->computed = g_steal_pointer (&result->links);
  g_clear_pointer (&result->links, g_array_unref);

  g_clear_pointer (&result->choices, g_array_unref);
  result->choices = g_array_new (FALSE, FALSE, sizeof (DossierLinkDecision));
  for (guint i = 0; i < n_choices; i++)
    if (choices[i].choice != DOSSIER_LINK_CHOICE_NONE)
      g_array_append_val (result->choices, choices[i]);
  g_array_sort (result->choices, compare_decisions);

  /* versions: the pairs are the diff's, corrected with anchors only */
  if (result->mode == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      for (guint i = 0; result->computed != NULL && i < result->computed->len; i++)
        append_link_copy (links, &g_array_index (result->computed, DossierLink, i));
      result->links = links;
      return;
    }

  for (guint i = 0; result->computed != NULL && i < result->computed->len; i++)
    {
      const DossierLink *link = &g_array_index (result->computed, DossierLink, i);

      if (dossier_compare_result_get_choice (result, link->a, link->b) != DOSSIER_LINK_CHOICE_REJECTED)
        append_link_copy (links, link);
    }
  for (guint i = 0; result->kept != NULL && i < result->kept->len; i++)
    {
      const DossierLink *link = &g_array_index (result->kept, DossierLink, i);

      if (dossier_compare_result_get_choice (result, link->a, link->b) == DOSSIER_LINK_CHOICE_ACCEPTED &&
          !links_contain (links, link->a, link->b))
        append_link_copy (links, link);
    }
  g_array_sort (links, compare_links_by_paragraph);
  result->links = links;
}

/**
 * dossier_compare_result_apply_choices:
 * @result: a result fresh from dossier_compare_run()
 * @a: the left document it was computed from
 * @b: the right document
 * @choices: (array length=n_choices) (nullable): the analyst's choices
 * @n_choices: how many
 *
 * Makes the computed alignment respect the analyst: a rejected link is
 * taken out, an accepted one stays even when the computation would not
 * make it any more (its score and shared terms are computed for it). Safe
 * on any thread, like dossier_compare_run(). Choices naming paragraphs
 * that do not exist are ignored.
 */
void
dossier_compare_result_apply_choices (DossierCompareResult      *result,
                                      DossierTextSnapshot       *a,
                                      DossierTextSnapshot       *b,
                                      const DossierLinkDecision *choices,
                                      guint                      n_choices)
{
  guint n_a = dossier_text_snapshot_get_n_paragraphs (a);
  guint n_b = dossier_text_snapshot_get_n_paragraphs (b);
  g_autoptr(DossierAligner) aligner = NULL;
  g_autofree double *sim = NULL;

  g_return_if_fail (result != NULL);

  if (result->computed == NULL)
    result->computed = g_steal_pointer (&result->links);
  g_clear_pointer (&result->kept, g_array_unref);
  result->kept = new_link_array ();

  for (guint i = 0; result->mode != DOSSIER_COMPARISON_MODE_VERSIONS && i < n_choices; i++)
    {
      const DossierLinkDecision *choice = &choices[i];
      DossierLink link = { choice->a, choice->b, 0.0, FALSE, NULL };

      if (choice->choice != DOSSIER_LINK_CHOICE_ACCEPTED || choice->a >= n_a || choice->b >= n_b ||
          links_contain (result->computed, choice->a, choice->b) ||
          links_contain (result->kept, choice->a, choice->b))
        continue;

      /* rare (the computation changed, or the pair was accepted through the
       * API): only then is the model built a second time */
      if (aligner == NULL)
        {
          DossierTextSnapshot *docs[2] = { a, b };

          aligner = dossier_aligner_new (docs, 2, NULL);
          sim = dossier_aligner_similarities (aligner, 0, 1);
        }
      link.score = sim[(gsize) link.a * n_b + link.b];
      link.shared_terms = dossier_aligner_shared_terms (aligner, 0, link.a, 1, link.b, 6);
      g_array_append_val (result->kept, link);
    }

  dossier_compare_result_publish (result, choices, n_choices);
}

/* ---- JSON, for `dossier-cli compare --json` ---- */

static void
add_uint_array (JsonBuilder *builder,
                const char  *member,
                GArray      *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && i < values->len; i++)
    json_builder_add_int_value (builder, g_array_index (values, guint, i));
  json_builder_end_array (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static double
round3 (double value)
{
  return (double) (gint64) (value * 1000.0 + 0.5) / 1000.0;
}

static void
add_document (JsonBuilder         *builder,
              const char          *member,
              DossierTextSnapshot *doc)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", doc->title);
  add_string_or_null (builder, "authors", doc->authors);
  add_string_or_null (builder, "affiliations", doc->affiliations);
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_add_int_value (builder, doc->paragraphs->len);
  json_builder_end_object (builder);
}

static void
add_terms (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *terms)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < terms->len; i++)
    {
      DossierTopicTerm *term = g_ptr_array_index (terms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "term");
      json_builder_add_string_value (builder, term->display);
      json_builder_set_member_name (builder, "a_weight");
      json_builder_add_double_value (builder, round3 (term->weight_a));
      json_builder_set_member_name (builder, "b_weight");
      json_builder_add_double_value (builder, round3 (term->weight_b));
      add_uint_array (builder, "a_paragraphs", term->a_paragraphs);
      add_uint_array (builder, "b_paragraphs", term->b_paragraphs);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_names (JsonBuilder          *builder,
           const char           *member,
           DossierCompareResult *result,
           gboolean              left)
{
  GPtrArray *names = left ? result->names_a : result->names_b;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < names->len; i++)
    {
      DossierNamedEntity *entity = g_ptr_array_index (names, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, entity->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, dossier_name_kind_to_string (entity->kind));
      json_builder_set_member_name (builder, "mentions");
      json_builder_add_int_value (builder, entity->mentions);
      add_uint_array (builder, "paragraphs", entity->paragraphs);
      json_builder_set_member_name (builder, "shared");
      json_builder_add_boolean_value (builder, dossier_compare_result_name_is_shared (result, left, entity));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_paragraph_or_null (JsonBuilder *builder,
                       const char  *member,
                       int          paragraph)
{
  json_builder_set_member_name (builder, member);
  if (paragraph >= 0)
    json_builder_add_int_value (builder, paragraph);
  else
    json_builder_add_null_value (builder);
}

static void
add_range (JsonBuilder *builder,
           const char  *member,
           guint        start,
           guint        end)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, start);
  json_builder_add_int_value (builder, end);
  json_builder_end_array (builder);
}

/**
 * dossier_compare_result_to_json:
 * @result: a result
 * @a: the left document
 * @b: the right document
 *
 * Returns: (transfer full): the result as docs/formats.md describes
 *   (`dossier-cli compare --json`)
 */
JsonNode *
dossier_compare_result_to_json (DossierCompareResult *result,
                                DossierTextSnapshot  *a,
                                DossierTextSnapshot  *b)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, dossier_comparison_mode_to_string (result->mode));
  json_builder_set_member_name (builder, "requested_mode");
  json_builder_add_string_value (builder, dossier_comparison_mode_to_string (result->requested));
  json_builder_set_member_name (builder, "overlap");
  json_builder_add_double_value (builder, round3 (result->overlap));
  add_document (builder, "left", a);
  add_document (builder, "right", b);

  json_builder_set_member_name (builder, "alignments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_int_value (builder, link->a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_int_value (builder, link->b);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, round3 (link->score));
      json_builder_set_member_name (builder, "anchored");
      json_builder_add_boolean_value (builder, link->anchored);
      json_builder_set_member_name (builder, "accepted");
      json_builder_add_boolean_value (builder, dossier_compare_result_get_choice (result, link->a, link->b) ==
                                               DOSSIER_LINK_CHOICE_ACCEPTED);
      json_builder_set_member_name (builder, "shared_terms");
      json_builder_begin_array (builder);
      for (guint t = 0; link->shared_terms != NULL && link->shared_terms[t] != NULL; t++)
        json_builder_add_string_value (builder, link->shared_terms[t]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_object (builder);
  add_terms (builder, "shared", result->shared_terms);
  add_terms (builder, "left_only", result->only_a_terms);
  add_terms (builder, "right_only", result->only_b_terms);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "shared_sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->sources->len; i++)
    {
      DossierSharedSource *source = g_ptr_array_index (result->sources, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, source->kind);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source->display);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, source->key);
      add_uint_array (builder, "a_notes", source->a_notes);
      add_uint_array (builder, "b_notes", source->b_notes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "names");
  json_builder_begin_object (builder);
  add_names (builder, "left", result, TRUE);
  add_names (builder, "right", result, FALSE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "changes");
  json_builder_add_int_value (builder, result->change_count);
  json_builder_set_member_name (builder, "edits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->chunks->len; i++)
    {
      DossierChunkRecord *chunk = &g_array_index (result->chunks, DossierChunkRecord, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, dossier_diff_op_to_string (chunk->op));
      add_paragraph_or_null (builder, "a", chunk->a_paragraph);
      add_paragraph_or_null (builder, "b", chunk->b_paragraph);
      add_range (builder, "a_words", chunk->a_start, chunk->a_end);
      add_range (builder, "b_words", chunk->b_start, chunk->b_end);
      add_paragraph_or_null (builder, "change", chunk->change);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, chunk->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
