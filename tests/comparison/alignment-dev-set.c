/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading judged alignment pairs (../shared/alignment-dev/alignment.json and
 * tests/comparison/data/alignment-own.json, one format) and scoring the
 * perspectives alignment against them. #included by test-alignment-dev.c
 * and bench/alignment/sweep.c, so the test and the tuning sweep count the
 * same way.
 *
 * Paragraph numbers of the judgements are body paragraphs numbered from 1
 * (headings skipped); the comparison's indices are mapped to them through
 * each paragraph's key, its first 8 whitespace-separated words.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "comparison/dossier-compare-result.h"
#include "importers/dossier-import.h"

typedef struct {
  char *name;
  DossierTextSnapshot *a;
  DossierTextSnapshot *b;
  GArray *body_a;          /* per paragraph index: body number, 0 when not judged */
  GArray *body_b;
  GHashTable *judged;      /* "a:b" → "strong" | "weak" */
  guint n_strong;
  guint n_listed;
} DevPair;

typedef struct {
  guint strong;
  guint listed;
  guint predicted;
  guint tp_strong;
  guint tp_listed;
} DevCounts;

static void
dev_pair_free (gpointer data)
{
  DevPair *pair = data;

  g_free (pair->name);
  g_clear_pointer (&pair->a, dossier_text_snapshot_free);
  g_clear_pointer (&pair->b, dossier_text_snapshot_free);
  g_clear_pointer (&pair->body_a, g_array_unref);
  g_clear_pointer (&pair->body_b, g_array_unref);
  g_clear_pointer (&pair->judged, g_hash_table_unref);
  g_free (pair);
}

static char *
dev_key (const char *text)
{
  GString *key = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        {
          if (words == 8)
            break;
          if (words > 0)
            g_string_append_c (key, ' ');
          words++;
          in_word = TRUE;
        }
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* body number of every paragraph index, through the keys */
static GArray *
dev_body_numbers (DossierTextSnapshot *doc,
                  JsonArray           *paragraphs,
                  GError             **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (guint));
  guint found = 0;

  for (guint k = 0; k < json_array_get_length (paragraphs); k++)
    {
      JsonObject *p = json_array_get_object_element (paragraphs, k);

      g_hash_table_insert (numbers, g_strdup (json_object_get_string_member (p, "key")),
                           GUINT_TO_POINTER ((guint) json_object_get_int_member (p, "n")));
    }
  for (guint i = 0; i < dossier_text_snapshot_get_n_paragraphs (doc); i++)
    {
      g_autofree char *key = dev_key (dossier_text_snapshot_get_paragraph (doc, i));
      guint n = dossier_text_snapshot_is_heading (doc, i) ? 0 : GPOINTER_TO_UINT (g_hash_table_lookup (numbers, key));

      if (n > 0)
        found++;
      g_array_append_val (out, n);
    }
  if (found != g_hash_table_size (numbers))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%u of %u judged paragraphs found by their keys", found, g_hash_table_size (numbers));
      g_array_unref (out);
      return NULL;
    }
  return out;
}

static DossierTextSnapshot *
dev_import (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, error);

  return document != NULL ? dossier_text_snapshot_new (document) : NULL;
}

/* Adds the pairs of one alignment.json to @pairs. */
static gboolean
dev_set_load (const char  *json_path,
              GPtrArray   *pairs,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = g_path_get_dirname (json_path);
  JsonArray *doc_pairs;

  if (!json_parser_load_from_file (parser, json_path, error))
    return FALSE;
  doc_pairs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "document_pairs");
  for (guint k = 0; k < json_array_get_length (doc_pairs); k++)
    {
      JsonObject *jp = json_array_get_object_element (doc_pairs, k);
      JsonObject *docs = json_object_get_object_member (jp, "documents");
      JsonObject *da = json_object_get_object_member (docs, "a");
      JsonObject *db = json_object_get_object_member (docs, "b");
      JsonArray *judged = json_object_get_array_member (jp, "judged_pairs");
      DevPair *pair = g_new0 (DevPair, 1);

      pair->name = g_strdup (json_object_get_string_member (jp, "pair"));
      g_ptr_array_add (pairs, pair);
      pair->a = dev_import (dir, json_object_get_string_member (da, "file"), error);
      if (pair->a == NULL)
        return FALSE;
      pair->b = dev_import (dir, json_object_get_string_member (db, "file"), error);
      if (pair->b == NULL)
        return FALSE;
      pair->body_a = dev_body_numbers (pair->a, json_object_get_array_member (da, "paragraphs"), error);
      if (pair->body_a == NULL)
        return FALSE;
      pair->body_b = dev_body_numbers (pair->b, json_object_get_array_member (db, "paragraphs"), error);
      if (pair->body_b == NULL)
        return FALSE;
      pair->judged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint j = 0; j < json_array_get_length (judged); j++)
        {
          JsonObject *link = json_array_get_object_element (judged, j);
          const char *strength = json_object_get_string_member (link, "strength");

          g_hash_table_insert (pair->judged,
                               g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                json_object_get_int_member (link, "a"),
                                                json_object_get_int_member (link, "b")),
                               g_strdup (strength));
          if (g_str_equal (strength, "strong"))
            pair->n_strong++;
          pair->n_listed++;
        }
    }
  return TRUE;
}

/* Scores @result's links; @log (nullable) gets one line per link and per
 * missed strong pair. */
static void
dev_pair_score_links (DevPair   *pair,
                      GArray    *links,
                      DevCounts *counts,
                      GString   *log)
{
  g_autoptr(GHashTable) predicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  memset (counts, 0, sizeof *counts);
  counts->strong = pair->n_strong;
  counts->listed = pair->n_listed;
  for (guint i = 0; i < links->len; i++)
    {
      DossierLink *link = &g_array_index (links, DossierLink, i);
      guint na = g_array_index (pair->body_a, guint, link->a);
      guint nb = g_array_index (pair->body_b, guint, link->b);
      g_autofree char *k = g_strdup_printf ("%u:%u", na, nb);
      const char *strength;

      counts->predicted++;
      /* a link to a heading or an unjudged paragraph is wrong */
      strength = na > 0 && nb > 0 ? g_hash_table_lookup (pair->judged, k) : NULL;
      if (strength != NULL)
        counts->tp_listed++;
      if (strength != NULL && g_str_equal (strength, "strong"))
        counts->tp_strong++;
      if (log != NULL)
        g_string_append_printf (log, "  %s %u–%u %.3f %s\n", pair->name, na, nb, link->score,
                                strength != NULL ? strength : "WRONG");
      g_hash_table_add (predicted, g_steal_pointer (&k));
    }
  g_hash_table_iter_init (&iter, pair->judged);
  while (g_hash_table_iter_next (&iter, &key, &value) && log != NULL)
    if (g_str_equal (value, "strong") && !g_hash_table_contains (predicted, key))
      g_string_append_printf (log, "  %s %s missed strong\n", pair->name, (const char *) key);
}

static void
dev_pair_score (DevPair                  *pair,
                const DossierAlignParams *params,
                DevCounts                *counts,
                GString                  *log)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCompareResult) result =
    dossier_compare_run (pair->a, pair->b, DOSSIER_COMPARISON_MODE_PERSPECTIVES, NULL, 0, params, &error);

  g_assert_no_error (error);
  dev_pair_score_links (pair, result->links, counts, log);
}

static void
dev_counts_add (DevCounts       *sum,
                const DevCounts *c)
{
  sum->strong += c->strong;
  sum->listed += c->listed;
  sum->predicted += c->predicted;
  sum->tp_strong += c->tp_strong;
  sum->tp_listed += c->tp_listed;
}

static double
dev_recall (const DevCounts *c)
{
  return c->strong > 0 ? (double) c->tp_strong / c->strong : 0.0;
}

static double
dev_recall_all (const DevCounts *c)
{
  return c->listed > 0 ? (double) c->tp_listed / c->listed : 0.0;
}

static double
dev_precision (const DevCounts *c)
{
  return c->predicted > 0 ? (double) c->tp_listed / c->predicted : 0.0;
}

static double
dev_f1 (const DevCounts *c)
{
  double p = dev_precision (c), r = dev_recall (c);

  return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}

static char *
dev_counts_row (const char      *name,
                const DevCounts *c)
{
  return g_strdup_printf ("| %s | %u | %u | %u | %.2f | %.2f | %.2f | %.2f |", name, c->strong, c->listed,
                          c->predicted, dev_recall (c), dev_recall_all (c), dev_precision (c), dev_f1 (c));
}

/* ../shared/alignment-dev, found as the seeds are (DOSSIER_SEEDS is
 * ../shared/seeds), or DOSSIER_ALIGNMENT_DEV */
static char *
dev_set_shared_path (void)
{
  const char *dir = g_getenv ("DOSSIER_ALIGNMENT_DEV");
  const char *seeds = g_getenv ("DOSSIER_SEEDS");
  g_autofree char *shared = NULL;

  if (dir != NULL)
    return g_build_filename (dir, "alignment.json", NULL);
  if (seeds == NULL)
    return NULL;
  shared = g_path_get_dirname (seeds);
  return g_build_filename (shared, "alignment-dev", "alignment.json", NULL);
}
