/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-compare-result.h"
#include "dossier-matrix.h"

/*
 * The perspectives matrix: topics are clusters of paragraphs that the
 * pairwise alignment links across documents. Links are merged strongest
 * first (union–find), but a merge is refused when it would put more than
 * MAX_PER_DOCUMENT paragraphs of one document into a topic, or when fewer
 * than half of the cross-document pairs of the merged topic are linked
 * (a density test, close to average linkage), so chains of weak links
 * cannot string unrelated passages into one row.
 */
#define MAX_PER_DOCUMENT 3

static void
topic_free (gpointer data)
{
  DossierMatrixTopic *topic = data;

  g_free (topic->label);
  g_strfreev (topic->terms);
  g_ptr_array_unref (topic->cells);
  g_free (topic);
}

void
dossier_matrix_free (DossierMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_ptr_array_unref (matrix->topics);
  g_free (matrix);
}

typedef struct {
  guint x;          /* global paragraph ids */
  guint y;
  double score;
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  if (x->x != y->x)
    return x->x < y->x ? -1 : 1;
  return (x->y > y->y) - (x->y < y->y);
}

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

static int
compare_topics (gconstpointer a,
                gconstpointer b)
{
  const DossierMatrixTopic *x = *(DossierMatrixTopic * const *) a;
  const DossierMatrixTopic *y = *(DossierMatrixTopic * const *) b;

  if (x->n_documents != y->n_documents)
    return x->n_documents > y->n_documents ? -1 : 1;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

/**
 * dossier_matrix_compute:
 * @documents: (array length=n_documents): two or more documents
 * @n_documents: how many
 * @params: (nullable): alignment parameters, %NULL for the tuned ones
 * @error: return location for an error
 *
 * Builds the perspectives matrix: rows are topics (clusters of aligned
 * paragraphs, labelled by their top shared terms), columns the documents,
 * and each cell the paragraphs in which that document addresses the topic.
 * An empty cell means the document never does.
 *
 * Returns: (transfer full): the matrix, or %NULL
 */
DossierMatrix *
dossier_matrix_compute (DossierTextSnapshot * const *documents,
                        guint                        n_documents,
                        const DossierAlignParams    *params,
                        GError                     **error)
{
  g_autoptr(DossierAligner) aligner = NULL;
  g_autofree guint *offsets = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *doc_of = NULL;
  g_autofree guint *counts = NULL;      /* per root: n_documents counters */
  g_autofree double *weights = NULL;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) linked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  DossierMatrix *matrix;
  guint total = 0;

  if (n_documents < 2 || n_documents > DOSSIER_MATRIX_MAX_DOCUMENTS)
    {
      g_set_error (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_INVALID,
                   _("A matrix needs between 2 and %d documents"), DOSSIER_MATRIX_MAX_DOCUMENTS);
      return NULL;
    }

  offsets = g_new0 (guint, n_documents + 1);
  for (guint d = 0; d < n_documents; d++)
    {
      offsets[d] = total;
      total += dossier_text_snapshot_get_n_paragraphs (documents[d]);
    }
  offsets[n_documents] = total;

  for (guint i = 0; i < n_documents; i++)
    for (guint j = i + 1; j < n_documents; j++)
      if ((guint64) (offsets[i + 1] - offsets[i]) * (offsets[j + 1] - offsets[j]) > DOSSIER_COMPARISON_MAX_CELLS)
        {
          g_set_error (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_TOO_LARGE,
                       _("The documents are too long to compare"));
          return NULL;
        }

  aligner = dossier_aligner_new (documents, n_documents, params);

  for (guint i = 0; i < n_documents; i++)
    for (guint j = i + 1; j < n_documents; j++)
      {
        g_autofree double *sim = dossier_aligner_similarities (aligner, i, j);
        g_autoptr(GArray) links = dossier_aligner_align (aligner, i, j, sim, NULL, 0);

        for (guint k = 0; k < links->len; k++)
          {
            const DossierLink *link = &g_array_index (links, DossierLink, k);
            Edge edge = { offsets[i] + link->a, offsets[j] + link->b, link->score };

            g_array_append_val (edges, edge);
          }
      }
  g_array_sort (edges, compare_edges);

  for (guint e = 0; e < edges->len; e++)
    {
      const Edge *edge = &g_array_index (edges, Edge, e);
      gint64 *key = g_new (gint64, 1);

      *key = (gint64) MIN (edge->x, edge->y) * total + MAX (edge->x, edge->y);
      g_hash_table_add (linked, key);
    }

  parent = g_new (guint, MAX (total, 1));
  doc_of = g_new (guint, MAX (total, 1));
  counts = g_new0 (guint, (gsize) MAX (total, 1) * n_documents);
  weights = g_new0 (double, MAX (total, 1));
  for (guint d = 0; d < n_documents; d++)
    for (guint p = offsets[d]; p < offsets[d + 1]; p++)
      {
        parent[p] = p;
        doc_of[p] = d;
        counts[(gsize) p * n_documents + d] = 1;
        g_ptr_array_add (members, g_array_new (FALSE, FALSE, sizeof (guint)));
        g_array_append_val (g_ptr_array_index (members, p), p);
      }

  for (guint e = 0; e < edges->len; e++)
    {
      const Edge *edge = &g_array_index (edges, Edge, e);
      guint rx = find_root (parent, edge->x), ry = find_root (parent, edge->y);
      gboolean fits = TRUE;

      if (rx == ry)
        {
          weights[rx] += edge->score;
          continue;
        }
      for (guint d = 0; d < n_documents && fits; d++)
        fits = counts[(gsize) rx * n_documents + d] + counts[(gsize) ry * n_documents + d] <= MAX_PER_DOCUMENT;
      if (!fits)
        continue;

      /* density: the new cross pairs must mostly be links */
      {
        GArray *mx = g_ptr_array_index (members, rx), *my = g_ptr_array_index (members, ry);
        guint n_pairs = 0, n_linked = 0;

        for (guint i = 0; i < mx->len; i++)
          for (guint j = 0; j < my->len; j++)
            {
              guint x = g_array_index (mx, guint, i), y = g_array_index (my, guint, j);
              gint64 key = (gint64) MIN (x, y) * total + MAX (x, y);

              if (doc_of[x] == doc_of[y])
                continue;
              n_pairs++;
              if (g_hash_table_contains (linked, &key))
                n_linked++;
            }
        if (2 * n_linked < n_pairs)
          continue;
        g_array_append_vals (mx, my->data, my->len);
        g_array_set_size (my, 0);
      }

      parent[ry] = rx;
      weights[rx] += weights[ry] + edge->score;
      for (guint d = 0; d < n_documents; d++)
        counts[(gsize) rx * n_documents + d] += counts[(gsize) ry * n_documents + d];
    }

  matrix = g_new0 (DossierMatrix, 1);
  matrix->n_documents = n_documents;
  matrix->topics = g_ptr_array_new_with_free_func (topic_free);

  /* paragraphs are visited in document order, so cells come out sorted
   * and members grouped by document */
  for (guint p = 0; p < total; p++)
    {
      guint root = find_root (parent, p);
      guint n_docs = 0;
      DossierMatrixTopic *topic;

      for (guint d = 0; d < n_documents; d++)
        if (counts[(gsize) root * n_documents + d] > 0)
          n_docs++;
      if (n_docs < 2)
        continue;

      topic = g_hash_table_lookup (rows, GUINT_TO_POINTER (root + 1));
      if (topic == NULL)
        {
          topic = g_new0 (DossierMatrixTopic, 1);
          topic->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
          for (guint d = 0; d < n_documents; d++)
            g_ptr_array_add (topic->cells, g_array_new (FALSE, FALSE, sizeof (guint)));
          topic->n_documents = n_docs;
          topic->weight = weights[root];
          g_hash_table_insert (rows, GUINT_TO_POINTER (root + 1), topic);
          g_ptr_array_add (matrix->topics, topic);
        }
      {
        guint local = p - offsets[doc_of[p]];
        g_array_append_val (g_ptr_array_index (topic->cells, doc_of[p]), local);
      }
    }

  for (guint t = 0; t < matrix->topics->len; t++)
    {
      DossierMatrixTopic *topic = g_ptr_array_index (matrix->topics, t);
      g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) pars = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint d = 0; d < n_documents; d++)
        {
          GArray *cell = g_ptr_array_index (topic->cells, d);

          for (guint k = 0; k < cell->len; k++)
            {
              g_array_append_val (docs, d);
              g_array_append_val (pars, g_array_index (cell, guint, k));
            }
        }
      topic->terms = dossier_aligner_top_terms (aligner, (const guint *) (gpointer) docs->data,
                                                (const guint *) (gpointer) pars->data, docs->len, 3);
      topic->label = g_strjoinv (", ", topic->terms);
    }

  g_ptr_array_sort (matrix->topics, compare_topics);
  return matrix;
}

/**
 * dossier_matrix_to_json:
 * @matrix: a matrix
 * @documents: (array): its documents, in column order
 *
 * Returns: (transfer full): the matrix as `dossier-cli matrix --json`
 *   prints it (docs/formats.md)
 */
JsonNode *
dossier_matrix_to_json (DossierMatrix               *matrix,
                        DossierTextSnapshot * const *documents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint d = 0; d < matrix->n_documents; d++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, documents[d]->title);
      json_builder_set_member_name (builder, "authors");
      if (documents[d]->authors != NULL)
        json_builder_add_string_value (builder, documents[d]->authors);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "affiliations");
      if (documents[d]->affiliations != NULL)
        json_builder_add_string_value (builder, documents[d]->affiliations);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "paragraphs");
      json_builder_add_int_value (builder, dossier_text_snapshot_get_n_paragraphs (documents[d]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint t = 0; t < matrix->topics->len; t++)
    {
      DossierMatrixTopic *topic = g_ptr_array_index (matrix->topics, t);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, topic->label);
      json_builder_set_member_name (builder, "terms");
      json_builder_begin_array (builder);
      for (guint i = 0; topic->terms[i] != NULL; i++)
        json_builder_add_string_value (builder, topic->terms[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "cells");
      json_builder_begin_array (builder);
      for (guint d = 0; d < matrix->n_documents; d++)
        {
          GArray *cell = g_ptr_array_index (topic->cells, d);

          json_builder_begin_array (builder);
          for (guint k = 0; k < cell->len; k++)
            json_builder_add_int_value (builder, g_array_index (cell, guint, k));
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
