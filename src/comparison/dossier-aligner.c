/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-aligner.h"
#include "dossier-background-model.h"

/*
 * Paragraph alignment for the perspectives mode: every body paragraph of
 * every document becomes a TF-IDF vector over stemmed content words and
 * two-word phrases; two paragraphs talk about the same thing when the
 * cosine of their vectors is high. docs/comparison.md has the reasoning
 * behind the tuned constants.
 */

/**
 * dossier_align_params_init:
 * @params: (out): parameters to fill
 *
 * The values tuned on tests/comparison/data (see docs/comparison.md).
 */
void
dossier_align_params_init (DossierAlignParams *params)
{
  /* Chosen on the judged development pairs by leave-one-pair-out and
   * checked on the project's own pairs and the seeds; docs/comparison.md
   * has the table. All are relative to the two documents' own background
   * (standard scores), none is an absolute cosine. */
  params->link_z = 1.5;
  params->mutual_z = 1.0;
  params->relative_z = 2.0;
  params->semantic_weight = 0.5;
  params->phrase_weight = 1.0;
  params->anchor_bonus = 1.5;
  params->private_weight = 0.5;
  params->min_evidence = 2;
  params->proper_weight = 1.0;
  params->story_damping = 0.0;
  params->attribution_weight = 0.0;
  params->neighbour_weight = 0.35;
}

void
dossier_link_clear (gpointer data)
{
  DossierLink *link = data;

  g_clear_pointer (&link->shared_terms, g_strfreev);
}

void
dossier_topic_term_free (gpointer data)
{
  DossierTopicTerm *term = data;

  if (term == NULL)
    return;
  g_free (term->display);
  g_free (term->key);
  g_clear_pointer (&term->a_paragraphs, g_array_unref);
  g_clear_pointer (&term->b_paragraphs, g_array_unref);
  g_free (term);
}

typedef struct {
  guint term;
  float weight;
} Weight;

struct _DossierAligner {
  DossierAlignParams params;
  DossierTermIndex *index;
  guint n_documents;
  guint *offsets;              /* first global paragraph of each document; [n] = total */
  double *idf;                 /* per term */
  double *link_idf;            /* the same, reduced for terms of one document */
  GPtrArray *vectors;          /* per global paragraph: GArray of Weight, sorted, L2 = 1 */
  DossierBackgroundModel *model;  /* (nullable) */
  guint dims;
  float *embeddings;           /* per global paragraph: dims, the model's vectors of its words
                                * summed by their weight; NULL without a model */
  gboolean *embedded;          /* per global paragraph: has a known word */
  guint *n_topical;            /* per global paragraph: its topical words, once needed */
  float *commonness;           /* per term: share of news paragraphs using it (words the
                                * model knows; 0 otherwise); NULL without a model */
};

static GArray *
paragraph_vector (DossierAligner *self,
                  guint           paragraph)
{
  return g_ptr_array_index (self->vectors, paragraph);
}

/* How much each term is the story rather than a point: the geometric mean
 * over the documents of the share of their paragraphs that use it (1 for a
 * term in every paragraph of every document, 0 when one document never
 * uses it). */
static double *
story_spread (DossierAligner *self,
              guint           n_terms)
{
  double *spread = g_new (double, MAX (n_terms, 1));
  g_autofree guint *count = g_new0 (guint, MAX (n_terms, 1));

  for (guint t = 0; t < n_terms; t++)
    spread[t] = 1.0;
  for (guint d = 0; d < self->n_documents; d++)
    {
      guint n_nonempty = 0;

      memset (count, 0, sizeof (guint) * MAX (n_terms, 1));
      for (guint p = self->offsets[d]; p < self->offsets[d + 1]; p++)
        {
          guint n_counts;
          const DossierTermCount *counts = dossier_term_index_get_counts (self->index, p, &n_counts);

          if (n_counts > 0)
            n_nonempty++;
          for (guint i = 0; i < n_counts; i++)
            count[counts[i].term]++;
        }
      for (guint t = 0; t < n_terms; t++)
        spread[t] *= n_nonempty > 0 ? pow ((double) count[t] / n_nonempty, 1.0 / self->n_documents) : 0.0;
    }
  return spread;
}

/* How common each word is in news text at large ("deal", "call",
 * "president" are in 3–13 % of news paragraphs, "sanctions" in 0.9 %). */
static void
compute_commonness (DossierAligner *self)
{
  guint n_terms = dossier_term_index_get_n_terms (self->index);
  double n = dossier_background_model_get_n_paragraphs (self->model);

  self->commonness = g_new0 (float, MAX (n_terms, 1));
  for (guint t = 0; t < n_terms; t++)
    {
      guint w;

      if (dossier_term_index_get_kind (self->index, t) == DOSSIER_TERM_WORD &&
          dossier_background_model_lookup (self->model, dossier_term_index_get_key (self->index, t), &w))
        self->commonness[t] = dossier_background_model_get_df (self->model, w) / n;
    }
}

/* A paragraph's place in the background model's space: the vectors of its
 * words (not phrases: the model has stems only), each weighted as in the
 * paragraph's TF-IDF vector, so the same words that decide the cosine
 * decide the direction. */
static void
compute_embeddings (DossierAligner *self,
                    guint           total)
{
  g_autofree gint *model_word = NULL;
  guint n_terms = dossier_term_index_get_n_terms (self->index);

  self->dims = dossier_background_model_get_dims (self->model);
  self->embeddings = g_new0 (float, (gsize) MAX (total, 1) * self->dims);
  self->embedded = g_new0 (gboolean, MAX (total, 1));

  model_word = g_new (gint, MAX (n_terms, 1));
  for (guint t = 0; t < n_terms; t++)
    {
      guint w;

      model_word[t] = -1;
      if (dossier_term_index_get_kind (self->index, t) == DOSSIER_TERM_WORD &&
          dossier_background_model_lookup (self->model, dossier_term_index_get_key (self->index, t), &w))
        model_word[t] = (gint) w;
    }

  for (guint p = 0; p < total; p++)
    {
      GArray *vector = g_ptr_array_index (self->vectors, p);
      float *e = self->embeddings + (gsize) p * self->dims;

      for (guint i = 0; i < vector->len; i++)
        {
          const Weight *w = &g_array_index (vector, Weight, i);
          const gint8 *v;

          if (model_word[w->term] < 0)
            continue;
          v = dossier_background_model_get_vector (self->model, model_word[w->term]);
          for (guint k = 0; k < self->dims; k++)
            e[k] += w->weight * (v[k] / 127.0f);
          self->embedded[p] = TRUE;
        }
    }
}

/**
 * dossier_aligner_new:
 * @documents: (array length=n_documents): the documents
 * @n_documents: how many
 * @params: (nullable): alignment parameters, or %NULL for the tuned ones
 *
 * Indexes the body paragraphs of all documents (headings are left out: they
 * are too short to compare) and weights their terms by TF-IDF, the IDF
 * being taken over the paragraphs of all documents together.
 *
 * Returns: (transfer full): the aligner
 */
DossierAligner *
dossier_aligner_new (DossierTextSnapshot * const *documents,
                     guint                        n_documents,
                     const DossierAlignParams    *params)
{
  DossierAligner *self = g_new0 (DossierAligner, 1);
  guint total = 0, n_nonempty = 0, n_terms;
  g_autofree guint *term_docs = NULL;
  g_autofree guint *term_last_doc = NULL;
  g_autofree double *story = NULL;

  if (params != NULL)
    self->params = *params;
  else
    dossier_align_params_init (&self->params);

  self->index = dossier_term_index_new ();
  self->n_documents = n_documents;
  self->offsets = g_new0 (guint, n_documents + 1);

  for (guint d = 0; d < n_documents; d++)
    {
      DossierTextSnapshot *doc = documents[d];

      self->offsets[d] = total;
      for (guint p = 0; p < dossier_text_snapshot_get_n_paragraphs (doc); p++)
        {
          gboolean heading = dossier_text_snapshot_is_heading (doc, p);
          guint n_counts;

          dossier_term_index_add_paragraph (self->index,
                                            heading ? "" : dossier_text_snapshot_get_paragraph (doc, p));
          dossier_term_index_get_counts (self->index, total, &n_counts);
          if (n_counts > 0)
            n_nonempty++;
          total++;
        }
    }
  self->offsets[n_documents] = total;

  /* idf = ln(N / df): a term in every paragraph says nothing about which
   * paragraphs belong together and weighs zero. */
  n_terms = dossier_term_index_get_n_terms (self->index);
  self->idf = g_new0 (double, MAX (n_terms, 1));
  self->link_idf = g_new0 (double, MAX (n_terms, 1));

  /* in how many documents each term occurs */
  term_docs = g_new0 (guint, MAX (n_terms, 1));
  term_last_doc = g_new0 (guint, MAX (n_terms, 1));
  for (guint d = 0; d < n_documents; d++)
    for (guint p = self->offsets[d]; p < self->offsets[d + 1]; p++)
      {
        guint n_counts;
        const DossierTermCount *counts = dossier_term_index_get_counts (self->index, p, &n_counts);

        for (guint i = 0; i < n_counts; i++)
          if (term_docs[counts[i].term] == 0 || term_last_doc[counts[i].term] != d)
            {
              term_docs[counts[i].term]++;
              term_last_doc[counts[i].term] = d;
            }
      }
  if (self->params.story_damping > 0.0 && n_documents > 1)
    story = story_spread (self, n_terms);
  for (guint t = 0; t < n_terms; t++)
    {
      guint df = dossier_term_index_get_df (self->index, t);
      double idf = df > 0 ? log ((double) MAX (n_nonempty, 1) / df) : 0.0;

      if (dossier_term_index_get_kind (self->index, t) == DOSSIER_TERM_PHRASE)
        idf *= self->params.phrase_weight;
      self->idf[t] = idf;
      /* A term of one document only can never link two documents, but it
       * would still dilute the cosine of every paragraph using it; it keeps
       * a reduced weight, so a paragraph mostly about other things still
       * scores lower than one about the shared topic. */
      self->link_idf[t] = n_documents > 1 && term_docs[t] < 2 ? idf * self->params.private_weight : idf;
      /* Names of places and people ("Washington", "China", "Biden") recur
       * in every article of the genre: weak evidence that two paragraphs
       * discuss the same matter. The names list shows them instead. */
      if (dossier_term_index_is_proper (self->index, t))
        self->link_idf[t] *= self->params.proper_weight;
      if (dossier_term_index_is_attribution (self->index, t))
        self->link_idf[t] *= self->params.attribution_weight;
      /* What every document says throughout is the story, not a point
       * ("tariffs", "the shutdown"): it links everything to everything. */
      if (story != NULL)
        self->link_idf[t] *= pow (MAX (0.0, 1.0 - story[t]), self->params.story_damping);
    }

  self->vectors = g_ptr_array_new_full (total, (GDestroyNotify) g_array_unref);
  for (guint p = 0; p < total; p++)
    {
      guint n_counts;
      const DossierTermCount *counts = dossier_term_index_get_counts (self->index, p, &n_counts);
      GArray *vector = g_array_sized_new (FALSE, FALSE, sizeof (Weight), n_counts);
      double norm = 0.0;

      for (guint i = 0; i < n_counts; i++)
        {
          Weight w = { counts[i].term, (1.0 + log (counts[i].count)) * self->link_idf[counts[i].term] };

          if (w.weight <= 0.0f)
            continue;
          norm += (double) w.weight * w.weight;
          g_array_append_val (vector, w);
        }
      norm = sqrt (norm);
      for (guint i = 0; i < vector->len && norm > 0.0; i++)
        g_array_index (vector, Weight, i).weight /= norm;
      g_ptr_array_add (self->vectors, vector);
    }

  self->model = dossier_background_model_get_default ();
  if (self->model != NULL)
    compute_commonness (self);

  return self;
}

void
dossier_aligner_free (DossierAligner *self)
{
  if (self == NULL)
    return;

  dossier_term_index_free (self->index);
  g_free (self->offsets);
  g_free (self->idf);
  g_free (self->link_idf);
  g_ptr_array_unref (self->vectors);
  g_free (self->embeddings);
  g_free (self->embedded);
  g_free (self->commonness);
  g_free (self->n_topical);
  g_free (self);
}

DossierTermIndex *
dossier_aligner_get_index (DossierAligner *self)
{
  return self->index;
}

guint
dossier_aligner_get_n_paragraphs (DossierAligner *self,
                                  guint           doc)
{
  g_return_val_if_fail (doc < self->n_documents, 0);
  return self->offsets[doc + 1] - self->offsets[doc];
}

/**
 * dossier_aligner_similarities:
 * @self: the aligner
 * @doc_a: a document
 * @doc_b: another document
 *
 * Computes the cosine similarity of every paragraph of @doc_a with every
 * paragraph of @doc_b through an inverted index of @doc_b, so the cost
 * follows the shared terms rather than the product of the lengths.
 *
 * Returns: (transfer full): a row-major n_a × n_b matrix
 */
double *
dossier_aligner_similarities (DossierAligner *self,
                              guint           doc_a,
                              guint           doc_b)
{
  guint n_a = dossier_aligner_get_n_paragraphs (self, doc_a);
  guint n_b = dossier_aligner_get_n_paragraphs (self, doc_b);
  guint n_terms = dossier_term_index_get_n_terms (self->index);
  g_autofree guint *start = g_new0 (guint, n_terms + 2);
  g_autofree guint *fill = NULL;
  g_autofree guint *post_par = NULL;
  g_autofree float *post_weight = NULL;
  double *sim = g_new0 (double, (gsize) MAX (n_a, 1) * MAX (n_b, 1));
  guint n_postings = 0;

  for (guint j = 0; j < n_b; j++)
    {
      GArray *vector = paragraph_vector (self, self->offsets[doc_b] + j);

      for (guint i = 0; i < vector->len; i++)
        start[g_array_index (vector, Weight, i).term + 1]++;
      n_postings += vector->len;
    }
  for (guint t = 0; t < n_terms; t++)
    start[t + 1] += start[t];

  fill = g_memdup2 (start, sizeof (guint) * (n_terms + 1));
  post_par = g_new (guint, MAX (n_postings, 1));
  post_weight = g_new (float, MAX (n_postings, 1));
  for (guint j = 0; j < n_b; j++)
    {
      GArray *vector = paragraph_vector (self, self->offsets[doc_b] + j);

      for (guint i = 0; i < vector->len; i++)
        {
          const Weight *w = &g_array_index (vector, Weight, i);
          guint slot = fill[w->term]++;

          post_par[slot] = j;
          post_weight[slot] = w->weight;
        }
    }

  for (guint i = 0; i < n_a; i++)
    {
      GArray *vector = paragraph_vector (self, self->offsets[doc_a] + i);
      double *row = sim + (gsize) i * n_b;

      for (guint k = 0; k < vector->len; k++)
        {
          const Weight *w = &g_array_index (vector, Weight, k);

          for (guint slot = start[w->term]; slot < start[w->term + 1]; slot++)
            row[post_par[slot]] += (double) w->weight * post_weight[slot];
        }
      for (guint j = 0; j < n_b; j++)
        row[j] = CLAMP (row[j], 0.0, 1.0);
    }

  return sim;
}

typedef struct {
  guint term;
  double score;
} TermScore;

static int
compare_term_scores (gconstpointer a,
                     gconstpointer b)
{
  const TermScore *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->term > y->term) - (x->term < y->term);
}

/* Whether the words of a term are all part of an already chosen phrase:
 * after "Chinese banks", "banks" adds nothing. */
static gboolean
covered_by (DossierTermIndex *index,
            guint             term,
            GArray           *chosen)
{
  const char *key = dossier_term_index_get_key (index, term);
  g_auto(GStrv) words = g_strsplit (key, " ", -1);

  for (guint c = 0; c < chosen->len; c++)
    {
      guint other = g_array_index (chosen, guint, c);
      g_auto(GStrv) other_words = NULL;
      gboolean all = TRUE;

      if (other == term)
        return TRUE;
      other_words = g_strsplit (dossier_term_index_get_key (index, other), " ", -1);
      for (guint w = 0; words[w] != NULL && all; w++)
        all = g_strv_contains ((const char * const *) other_words, words[w]);
      if (all)
        return TRUE;
    }

  return FALSE;
}

/* Picks the best-scored terms, phrases first among equals, skipping words a
 * chosen phrase already shows. Sorts @scores. */
static GArray *
pick_terms (DossierTermIndex *index,
            GArray           *scores,
            guint             max_terms)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_sort (scores, compare_term_scores);
  for (guint i = 0; i < scores->len && chosen->len < max_terms; i++)
    {
      guint term = g_array_index (scores, TermScore, i).term;

      if (g_array_index (scores, TermScore, i).score <= 0.0)
        break;
      if (covered_by (index, term, chosen))
        continue;
      g_array_append_val (chosen, term);
    }

  /* a phrase chosen after its words makes them redundant */
  for (guint i = chosen->len; i > 0; i--)
    {
      guint term = g_array_index (chosen, guint, i - 1);
      g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (guint));

      if (dossier_term_index_get_kind (index, term) == DOSSIER_TERM_PHRASE)
        continue;
      for (guint j = 0; j < chosen->len; j++)
        if (j != i - 1 && dossier_term_index_get_kind (index, g_array_index (chosen, guint, j)) == DOSSIER_TERM_PHRASE)
          g_array_append_val (others, g_array_index (chosen, guint, j));
      if (covered_by (index, term, others))
        g_array_remove_index (chosen, i - 1);
    }

  return chosen;
}

static char **
display_terms (DossierTermIndex *index,
               GArray           *chosen)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < chosen->len; i++)
    g_ptr_array_add (out, g_strdup (dossier_term_index_get_display (index, g_array_index (chosen, guint, i))));
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (out, FALSE);
}

/**
 * dossier_aligner_shared_terms:
 * @self: the aligner
 * @doc_a: a document
 * @par_a: one of its paragraphs
 * @doc_b: another document
 * @par_b: one of its paragraphs
 * @max_terms: at most this many
 *
 * Returns: (transfer full): the terms that contribute most to the two
 *   paragraphs' similarity, as written
 */
char **
dossier_aligner_shared_terms (DossierAligner *self,
                              guint           doc_a,
                              guint           par_a,
                              guint           doc_b,
                              guint           par_b,
                              guint           max_terms)
{
  GArray *va = paragraph_vector (self, self->offsets[doc_a] + par_a);
  GArray *vb = paragraph_vector (self, self->offsets[doc_b] + par_b);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (TermScore));
  g_autoptr(GArray) chosen = NULL;
  guint i = 0, j = 0;

  while (i < va->len && j < vb->len)
    {
      const Weight *x = &g_array_index (va, Weight, i);
      const Weight *y = &g_array_index (vb, Weight, j);

      if (x->term < y->term)
        i++;
      else if (x->term > y->term)
        j++;
      else
        {
          TermScore s = { x->term, (double) x->weight * y->weight };
          g_array_append_val (scores, s);
          i++, j++;
        }
    }

  chosen = pick_terms (self->index, scores, max_terms);
  return display_terms (self->index, chosen);
}

static guint count_evidence (DossierAligner *self,
                             guint           doc_a,
                             guint           par_a,
                             guint           doc_b,
                             guint           par_b);

/* The distinct topical words two paragraphs share: words (not phrases)
 * used by at most half of all paragraphs. A link resting on one or two
 * such words ("senior officials") is a coincidence of wording more often
 * than a shared subject. */
static gboolean
is_topical_word (DossierAligner *self,
                 guint           term)
{
  return dossier_term_index_get_kind (self->index, term) == DOSSIER_TERM_WORD && self->idf[term] >= G_LN2;
}

static guint
count_topical_words (GArray         *vector,
                     DossierAligner *self)
{
  guint n = 0;

  for (guint i = 0; i < vector->len; i++)
    if (is_topical_word (self, g_array_index (vector, Weight, i).term))
      n++;
  return n;
}

/* Short paragraphs cannot share many words: the evidence asked for is at
 * most a quarter of the shorter paragraph's topical words. */
static gboolean
enough_evidence (DossierAligner *self,
                 guint           doc_a,
                 guint           par_a,
                 guint           doc_b,
                 guint           par_b)
{
  guint shorter;

  /* counted once per paragraph: the evidence test runs for every candidate */
  if (self->n_topical == NULL)
    {
      self->n_topical = g_new (guint, MAX (self->vectors->len, 1));
      for (guint p = 0; p < self->vectors->len; p++)
        self->n_topical[p] = count_topical_words (g_ptr_array_index (self->vectors, p), self);
    }
  shorter = MIN (self->n_topical[self->offsets[doc_a] + par_a], self->n_topical[self->offsets[doc_b] + par_b]);
  guint needed = MIN (self->params.min_evidence, MAX (1, shorter / 4));

  if (self->params.min_evidence == 0)
    return TRUE;

  return count_evidence (self, doc_a, par_a, doc_b, par_b) >= needed;
}

static guint
count_evidence (DossierAligner *self,
                guint           doc_a,
                guint           par_a,
                guint           doc_b,
                guint           par_b)
{
  GArray *va = paragraph_vector (self, self->offsets[doc_a] + par_a);
  GArray *vb = paragraph_vector (self, self->offsets[doc_b] + par_b);
  guint i = 0, j = 0, n = 0;

  while (i < va->len && j < vb->len)
    {
      guint x = g_array_index (va, Weight, i).term, y = g_array_index (vb, Weight, j).term;

      if (x < y)
        i++;
      else if (x > y)
        j++;
      else
        {
          if (is_topical_word (self, x))
            n++;
          i++, j++;
        }
    }
  return n;
}

static int
compare_links (gconstpointer x,
               gconstpointer y)
{
  const DossierLink *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/* The background model's similarity of every pair: the cosine of the two
 * paragraphs' places in its space, centred on the mean place of the two
 * documents' paragraphs. Two reports of one story sit in one corner of
 * the space; centring measures what a paragraph says beyond the story. */
static double *
semantic_similarities (DossierAligner *self,
                       guint           doc_a,
                       guint           doc_b)
{
  guint n_a = dossier_aligner_get_n_paragraphs (self, doc_a);
  guint n_b = dossier_aligner_get_n_paragraphs (self, doc_b);
  guint dims;
  double *sem = g_new0 (double, (gsize) MAX (n_a, 1) * MAX (n_b, 1));
  g_autofree double *mean = NULL;
  g_autofree float *ca = NULL;
  g_autofree float *cb = NULL;
  guint n = 0;

  /* only the perspectives mode needs them */
  if (self->embeddings == NULL && self->model != NULL && self->params.semantic_weight > 0.0)
    compute_embeddings (self, self->offsets[self->n_documents]);
  if (self->embeddings == NULL)
    return sem;
  dims = self->dims;

  mean = g_new0 (double, dims);
  for (guint d = 0; d < 2; d++)
    {
      guint doc = d == 0 ? doc_a : doc_b;

      for (guint p = self->offsets[doc]; p < self->offsets[doc + 1]; p++)
        {
          if (!self->embedded[p])
            continue;
          for (guint k = 0; k < dims; k++)
            mean[k] += self->embeddings[(gsize) p * dims + k];
          n++;
        }
    }
  if (n == 0)
    return sem;
  for (guint k = 0; k < dims; k++)
    mean[k] /= n;

  ca = g_new0 (float, (gsize) MAX (n_a, 1) * dims);
  cb = g_new0 (float, (gsize) MAX (n_b, 1) * dims);
  for (guint d = 0; d < 2; d++)
    {
      guint doc = d == 0 ? doc_a : doc_b;
      float *out = d == 0 ? ca : cb;

      for (guint p = self->offsets[doc]; p < self->offsets[doc + 1]; p++)
        {
          float *c = out + (gsize) (p - self->offsets[doc]) * dims;
          double norm = 0.0;

          if (!self->embedded[p])
            continue;
          for (guint k = 0; k < dims; k++)
            {
              c[k] = self->embeddings[(gsize) p * dims + k] - mean[k];
              norm += (double) c[k] * c[k];
            }
          norm = sqrt (norm);
          for (guint k = 0; k < dims && norm > 0.0; k++)
            c[k] /= norm;
        }
    }

  for (guint i = 0; i < n_a; i++)
    {
      const float *x = ca + (gsize) i * dims;

      if (!self->embedded[self->offsets[doc_a] + i])
        continue;
      for (guint j = 0; j < n_b; j++)
        {
          const float *y = cb + (gsize) j * dims;
          float d0 = 0.0f, d1 = 0.0f, d2 = 0.0f, d3 = 0.0f;
          guint k = 0;

          if (!self->embedded[self->offsets[doc_b] + j])
            continue;
          /* four sums, so the additions need not wait for each other */
          for (; k + 4 <= dims; k += 4)
            {
              d0 += x[k] * y[k];
              d1 += x[k + 1] * y[k + 1];
              d2 += x[k + 2] * y[k + 2];
              d3 += x[k + 3] * y[k + 3];
            }
          for (; k < dims; k++)
            d0 += x[k] * y[k];
          sem[(gsize) i * n_b + j] = (d0 + d1) + (d2 + d3);
        }
    }

  return sem;
}

typedef struct {
  DossierLink link;
  double z;
} Candidate;

/* strongest first; ties in paragraph order, so the result is stable */
static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->z != b->z)
    return a->z < b->z ? 1 : -1;
  return compare_links (&a->link, &b->link);
}

/* Standard scores over the cells that compare two non-empty paragraphs:
 * how far each pair stands out from these two documents' background. */
static void
standardise (double         *m,
             const gboolean *valid,
             gsize           n_cells)
{
  double sum = 0.0, sum2 = 0.0, n = 0.0, mean, sd;

  for (gsize c = 0; c < n_cells; c++)
    if (valid[c])
      {
        sum += m[c];
        sum2 += m[c] * m[c];
        n += 1.0;
      }
  mean = n > 0.0 ? sum / n : 0.0;
  sd = n > 0.0 ? sqrt (MAX (sum2 / n - mean * mean, 0.0)) : 0.0;
  for (gsize c = 0; c < n_cells; c++)
    m[c] = valid[c] && sd > 1e-12 ? (m[c] - mean) / sd : 0.0;
}

/* A point often runs over two consecutive paragraphs (a claim, then the
 * quotation that carries it; a figure, then its context), and the judged
 * pairs link both: each pair gains @weight times the best standard score
 * of its four neighbours in the same row or column (a−1 or a+1 with b,
 * a with b−1 or b+1; outside the documents or empty counts as 0, the
 * mean). Diagonal neighbours (a−1, b−1) were measured and do not help:
 * two articles seldom take their points in the same order. */
static void
add_neighbours (double         *z,
                const gboolean *valid,
                guint           n_a,
                guint           n_b,
                double          weight)
{
  g_autofree double *orig = g_memdup2 (z, sizeof (double) * n_a * n_b);

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        gsize c = (gsize) i * n_b + j;
        double up = i > 0 && valid[c - n_b] ? orig[c - n_b] : 0.0;
        double down = i + 1 < n_a && valid[c + n_b] ? orig[c + n_b] : 0.0;
        double left = j > 0 && valid[c - 1] ? orig[c - 1] : 0.0;
        double right = j + 1 < n_b && valid[c + 1] ? orig[c + 1] : 0.0;

        if (valid[c])
          z[c] += weight * MAX (MAX (up, down), MAX (left, right));
      }
}

/* Two paragraphs whose words mostly coincide are linked whatever the
 * background (a quotation both report, a paragraph taken over). */
#define SURE_COSINE 0.5

/**
 * dossier_aligner_align:
 * @self: the aligner
 * @doc_a: the left document
 * @doc_b: the right document
 * @similarities: dossier_aligner_similarities() of the two
 * @anchors: (array length=n_anchors) (nullable): the user's anchors
 * @n_anchors: how many
 *
 * Links paragraphs that talk about the same thing. Each pair's score
 * blends the cosine of the shared words with the background model's
 * similarity, both as standard scores over all pairs of these two
 * documents, so the threshold follows each pair of documents' own
 * background rather than an absolute cosine. A pair is linked when its
 * score stands out (params' link_z), or a little less when the two are
 * each other's best match; a paragraph may link to several (one-to-many,
 * no cap), but a link far below the best of both its paragraphs is dropped
 * as a stray, and a link needs evidence beyond one or two shared words.
 *
 * Anchors force their link, and replace every automatic link of their two
 * paragraphs. They also pull their neighbours together: the pairs just
 * before and just after an anchor (a−1, b−1 and a+1, b+1) have their
 * cosines raised by the anchor bonus, since articles that agree on one
 * point tend to discuss its context next to it.
 *
 * Returns: (transfer full) (element-type DossierLink): the links, sorted by
 *   left then right paragraph
 */
GArray *
dossier_aligner_align (DossierAligner      *self,
                       guint                doc_a,
                       guint                doc_b,
                       const double        *similarities,
                       const DossierAnchor *anchors,
                       guint                n_anchors)
{
  guint n_a = dossier_aligner_get_n_paragraphs (self, doc_a);
  guint n_b = dossier_aligner_get_n_paragraphs (self, doc_b);
  gsize n_cells = (gsize) MAX (n_a, 1) * MAX (n_b, 1);
  const DossierAlignParams *params = &self->params;
  g_autofree double *lex = g_memdup2 (similarities, sizeof (double) * n_cells);
  g_autofree double *zl = NULL;
  g_autofree double *sem = semantic_similarities (self, doc_a, doc_b);
  g_autofree double *zs = NULL;
  g_autofree double *z = g_new0 (double, n_cells);
  g_autofree gboolean *valid = g_new0 (gboolean, n_cells);
  g_autofree gboolean *pinned_a = g_new0 (gboolean, MAX (n_a, 1));
  g_autofree gboolean *pinned_b = g_new0 (gboolean, MAX (n_b, 1));
  g_autofree double *best_a = g_new (double, MAX (n_a, 1));
  g_autofree double *best_b = g_new (double, MAX (n_b, 1));
  GArray *links = g_array_new (FALSE, FALSE, sizeof (DossierLink));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  double w = self->embeddings != NULL ? params->semantic_weight : 0.0;

  g_array_set_clear_func (links, dossier_link_clear);

  for (guint k = 0; k < n_anchors; k++)
    {
      if (anchors[k].a >= n_a || anchors[k].b >= n_b)
        continue;
      pinned_a[anchors[k].a] = TRUE;
      pinned_b[anchors[k].b] = TRUE;
    }
  for (guint k = 0; k < n_anchors; k++)
    {
      for (int d = -1; d <= 1; d += 2)
        {
          gint64 a = (gint64) anchors[k].a + d, b = (gint64) anchors[k].b + d;

          if (anchors[k].a >= n_a || anchors[k].b >= n_b || a < 0 || b < 0 || a >= n_a || b >= n_b)
            continue;
          lex[a * n_b + b] = MIN (1.0, similarities[a * n_b + b] * params->anchor_bonus);
        }
    }

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      valid[(gsize) i * n_b + j] = paragraph_vector (self, self->offsets[doc_a] + i)->len > 0 &&
                                   paragraph_vector (self, self->offsets[doc_b] + j)->len > 0;

  zl = g_memdup2 (lex, sizeof (double) * n_cells);
  standardise (zl, valid, n_cells);
  zs = g_memdup2 (sem, sizeof (double) * n_cells);
  standardise (zs, valid, n_cells);
  for (gsize c = 0; c < n_cells; c++)
    z[c] = zl[c] + w * zs[c];
  if (w > 0.0)
    standardise (z, valid, n_cells);
  if (params->neighbour_weight > 0.0)
    {
      add_neighbours (z, valid, n_a, n_b, params->neighbour_weight);
      standardise (z, valid, n_cells);
    }

  for (guint i = 0; i < n_a; i++)
    best_a[i] = -G_MAXDOUBLE;
  for (guint j = 0; j < n_b; j++)
    best_b[j] = -G_MAXDOUBLE;
  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        gsize c = (gsize) i * n_b + j;

        if (pinned_a[i] || pinned_b[j] || !valid[c])
          continue;
        best_a[i] = MAX (best_a[i], z[c]);
        best_b[j] = MAX (best_b[j], z[c]);
      }

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        gsize c = (gsize) i * n_b + j;
        gboolean mutual = z[c] == best_a[i] && z[c] == best_b[j];
        gboolean sure = lex[c] >= SURE_COSINE;
        DossierLink link = { i, j, 0.0, FALSE, NULL };

        if (pinned_a[i] || pinned_b[j] || !valid[c] || lex[c] <= 0.0)
          continue;
        if (!sure)
          {
            if (z[c] < params->link_z && !(mutual && z[c] >= params->mutual_z))
              continue;
            if (z[c] < best_a[i] - params->relative_z && z[c] < best_b[j] - params->relative_z)
              continue;
            /* one or two shared words ("senior officials") are a turn of
             * phrase more often than a shared subject, unless the
             * paragraphs' meaning is close on its own */
            if (!enough_evidence (self, doc_a, i, doc_b, j) && !(w > 0.0 && zs[c] >= params->link_z))
              continue;
          }
        /* the words' cosine, as for anchored and accepted links, so a score
         * means the same whichever way a link came about */
        link.score = similarities[c];
        {
          Candidate candidate = { link, sure ? G_MAXDOUBLE : z[c] };
          g_array_append_val (candidates, candidate);
        }
      }

  /* A guard, not a tuned value: documents whose every paragraph resembles
   * many others (generated or repetitive text) keep their strongest links,
   * at most two per paragraph on average; real article pairs stay far
   * below (the dev set: 0.7 per paragraph). */
  if (candidates->len > 2 * (n_a + n_b))
    {
      g_array_sort (candidates, compare_candidates);
      g_array_set_size (candidates, 2 * (n_a + n_b));
    }
  for (guint k = 0; k < candidates->len; k++)
    {
      DossierLink link = g_array_index (candidates, Candidate, k).link;

      link.shared_terms = dossier_aligner_shared_terms (self, doc_a, link.a, doc_b, link.b, 6);
      g_array_append_val (links, link);
    }

  for (guint k = 0; k < n_anchors; k++)
    {
      DossierLink link = { anchors[k].a, anchors[k].b, 0.0, TRUE, NULL };
      gboolean duplicate = FALSE;

      if (anchors[k].a >= n_a || anchors[k].b >= n_b)
        continue;
      for (guint l = 0; l < links->len && !duplicate; l++)
        duplicate = g_array_index (links, DossierLink, l).a == link.a &&
                    g_array_index (links, DossierLink, l).b == link.b;
      if (duplicate)
        continue;
      link.score = similarities[(gsize) link.a * n_b + link.b];
      link.shared_terms = dossier_aligner_shared_terms (self, doc_a, link.a, doc_b, link.b, 6);
      g_array_append_val (links, link);
    }

  g_array_sort (links, compare_links);
  return links;
}

/* A document's weight for each term: (1 + ln tf) · idf over the document's
 * body, normalised to unit length so long and short documents compare. */
static double *
document_weights (DossierAligner *self,
                  guint           doc,
                  gboolean        phrase_bonus)
{
  guint n_terms = dossier_term_index_get_n_terms (self->index);
  double *weights = g_new0 (double, MAX (n_terms, 1));
  double norm = 0.0;

  for (guint p = self->offsets[doc]; p < self->offsets[doc + 1]; p++)
    {
      guint n_counts;
      const DossierTermCount *counts = dossier_term_index_get_counts (self->index, p, &n_counts);

      for (guint i = 0; i < n_counts; i++)
        weights[counts[i].term] += counts[i].count;
    }

  for (guint t = 0; t < n_terms; t++)
    {
      double idf = self->idf[t];

      if (weights[t] <= 0.0)
        continue;
      /* Phrases name topics better than their words alone ("grand
       * bargain"): the strip prefers them among terms of equal weight. */
      if (phrase_bonus && dossier_term_index_get_kind (self->index, t) == DOSSIER_TERM_PHRASE)
        idf *= 1.5;
      /* A topic recurs; a phrase used once is more often a turn of
       * phrase ("grown louder") than a theme. */
      if (phrase_bonus && weights[t] < 2.0)
        idf *= 0.5;
      /* and a word common in all news ("deal", "talks") names a topic less
       * well than a rarer one: weighted by its news-wide IDF, relative */
      if (phrase_bonus && self->commonness != NULL && self->commonness[t] > 0.0f)
        idf *= MIN (1.0, log (1.0 / self->commonness[t]) / log (1000.0));
      weights[t] = (1.0 + log (weights[t])) * idf;
      norm += weights[t] * weights[t];
    }
  norm = sqrt (norm);
  for (guint t = 0; t < n_terms && norm > 0.0; t++)
    weights[t] /= norm;

  return weights;
}

static GArray *
paragraphs_with_term (DossierAligner *self,
                      guint           doc,
                      guint           term)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = self->offsets[doc]; p < self->offsets[doc + 1]; p++)
    {
      guint n_counts;
      const DossierTermCount *counts = dossier_term_index_get_counts (self->index, p, &n_counts);
      guint lo = 0, hi = n_counts;

      /* counts are sorted by term */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (counts[mid].term < term)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < n_counts && counts[lo].term == term)
        {
          guint local = p - self->offsets[doc];
          g_array_append_val (out, local);
        }
    }

  return out;
}

static GPtrArray *
make_topic_terms (DossierAligner *self,
                  GArray         *chosen,
                  guint           doc_a,
                  guint           doc_b,
                  const double   *wa,
                  const double   *wb)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (dossier_topic_term_free);

  for (guint i = 0; i < chosen->len; i++)
    {
      guint t = g_array_index (chosen, guint, i);
      DossierTopicTerm *term = g_new0 (DossierTopicTerm, 1);

      term->display = g_strdup (dossier_term_index_get_display (self->index, t));
      term->key = g_strdup (dossier_term_index_get_key (self->index, t));
      term->weight_a = wa[t];
      term->weight_b = wb[t];
      term->a_paragraphs = paragraphs_with_term (self, doc_a, t);
      term->b_paragraphs = paragraphs_with_term (self, doc_b, t);
      g_ptr_array_add (out, term);
    }

  return out;
}

/* Terms for the topic strip: not names (phrases written in capitals
 * throughout, like "World Food" or "Kim Jong", and words used only inside
 * such names, belong to the list of names) and not fragments of
 * initialisms ("U.S. foreign"). */
static gboolean
is_calendar_term (const char *key)
{
  /* Snowball stems of the days and months */
  static const char * const calendar[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "januari", "februari", "march", "april", "may", "june", "juli", "august", "septemb",
    "octob", "novemb", "decemb", "week", "weekend", "month", "today", "yesterday", "tomorrow",
  };
  g_auto(GStrv) words = g_strsplit (key, " ", 2);

  for (guint w = 0; words[w] != NULL; w++)
    for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
      if (g_str_equal (words[w], calendar[i]))
        return TRUE;
  return FALSE;
}

/* Words found in more news paragraphs than this are the furniture of the
 * genre ("call", "work", "deal", "officials", "president"), not topics;
 * "border" (2.5 %), "talks" (2.3 %) and rarer words stay. */
#define MAX_TOPIC_COMMONNESS 0.025

static gboolean
topic_worthy (DossierAligner *self,
              guint           term)
{
  DossierTermIndex *index = self->index;
  const char *key = dossier_term_index_get_key (index, term);

  if (dossier_term_index_get_kind (index, term) == DOSSIER_TERM_PHRASE && strchr (key, '.') != NULL)
    return FALSE;
  /* two letters say little out of context ("un" is "UN" and "Jong-un") */
  if (g_utf8_strlen (key, -1) < 3)
    return FALSE;
  if (self->commonness != NULL && self->commonness[term] > MAX_TOPIC_COMMONNESS)
    return FALSE;
  /* who said it ("senior officials", "press secretary") and when
   * ("Thursday") are not what it is about */
  if (dossier_term_index_is_attribution (index, term) || is_calendar_term (key))
    return FALSE;

  return !dossier_term_index_is_name_part (index, term);
}

/**
 * dossier_aligner_topic_strip:
 * @self: the aligner
 * @doc_a: the left document
 * @doc_b: the right document
 * @max_terms: at most this many terms per list
 * @only_a: (out) (transfer full) (element-type DossierTopicTerm): the terms
 *   distinctive of the left document
 * @only_b: (out) (transfer full) (element-type DossierTopicTerm): the same
 *   for the right
 *
 * The terms both documents weigh heavily (ranked by the smaller of the two
 * weights, so a term must matter on both sides) and the heaviest terms each
 * document uses and the other never does.
 *
 * Returns: (transfer full) (element-type DossierTopicTerm): the shared terms
 */
GPtrArray *
dossier_aligner_topic_strip (DossierAligner  *self,
                             guint            doc_a,
                             guint            doc_b,
                             guint            max_terms,
                             GPtrArray      **only_a,
                             GPtrArray      **only_b)
{
  guint n_terms = dossier_term_index_get_n_terms (self->index);
  g_autofree double *wa = document_weights (self, doc_a, TRUE);
  g_autofree double *wb = document_weights (self, doc_b, TRUE);
  g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (TermScore));
  g_autoptr(GArray) side_a = g_array_new (FALSE, FALSE, sizeof (TermScore));
  g_autoptr(GArray) side_b = g_array_new (FALSE, FALSE, sizeof (TermScore));
  g_autoptr(GArray) chosen_shared = NULL;
  g_autoptr(GArray) chosen_a = NULL;
  g_autoptr(GArray) chosen_b = NULL;

  for (guint t = 0; t < n_terms; t++)
    {
      TermScore s = { t, 0.0 };

      if (!topic_worthy (self, t))
        continue;
      if (wa[t] > 0.0 && wb[t] > 0.0)
        {
          s.score = MIN (wa[t], wb[t]);
          g_array_append_val (shared, s);
        }
      else if (wa[t] > 0.0)
        {
          s.score = wa[t];
          g_array_append_val (side_a, s);
        }
      else if (wb[t] > 0.0)
        {
          s.score = wb[t];
          g_array_append_val (side_b, s);
        }
    }

  chosen_shared = pick_terms (self->index, shared, max_terms);
  chosen_a = pick_terms (self->index, side_a, max_terms);
  chosen_b = pick_terms (self->index, side_b, max_terms);

  if (only_a != NULL)
    *only_a = make_topic_terms (self, chosen_a, doc_a, doc_b, wa, wb);
  if (only_b != NULL)
    *only_b = make_topic_terms (self, chosen_b, doc_a, doc_b, wa, wb);

  return make_topic_terms (self, chosen_shared, doc_a, doc_b, wa, wb);
}

/**
 * dossier_aligner_top_terms:
 * @self: the aligner
 * @docs: (array length=n_members): each member's document
 * @paragraphs: (array length=n_members): each member's paragraph
 * @n_members: how many paragraphs, grouped by document
 * @max_terms: at most this many
 *
 * Labels a group of paragraphs from several documents: the terms with the
 * highest summed weight, counting only terms used by at least two of the
 * documents when there are such terms.
 *
 * Returns: (transfer full): the label terms, as written
 */
char **
dossier_aligner_top_terms (DossierAligner *self,
                           const guint    *docs,
                           const guint    *paragraphs,
                           guint           n_members,
                           guint           max_terms)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (TermScore));
  g_autoptr(GArray) chosen = NULL;
  GHashTableIter iter;
  gpointer key, value;

  typedef struct { double sum; guint last_doc; guint n_docs; } Acc;

  for (guint m = 0; m < n_members; m++)
    {
      GArray *vector = paragraph_vector (self, self->offsets[docs[m]] + paragraphs[m]);

      for (guint i = 0; i < vector->len; i++)
        {
          const Weight *w = &g_array_index (vector, Weight, i);
          Acc *acc = g_hash_table_lookup (sums, GUINT_TO_POINTER (w->term + 1));

          if (acc == NULL)
            {
              acc = g_new0 (Acc, 1);
              acc->last_doc = G_MAXUINT;
              g_hash_table_insert (sums, GUINT_TO_POINTER (w->term + 1), acc);
            }
          acc->sum += w->weight;
          if (acc->last_doc != docs[m])
            {
              acc->last_doc = docs[m];
              acc->n_docs++;
            }
        }
    }

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Acc *acc = value;

      if (!topic_worthy (self, GPOINTER_TO_UINT (key) - 1))
        continue;
      {
      /* terms of one document only rank after every shared term */
      TermScore s = { GPOINTER_TO_UINT (key) - 1, acc->n_docs >= 2 ? 1000.0 + acc->sum : acc->sum };

      g_array_append_val (scores, s);
      }
    }

  chosen = pick_terms (self->index, scores, max_terms);
  return display_terms (self->index, chosen);
}
