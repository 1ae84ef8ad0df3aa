/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dumps, for every judged pair, the aligner's score matrices as JSON, so a
 * prototype of a new linking rule (bench/alignment/proto.py) can be
 * measured leave-one-pair-out without rebuilding the C code:
 *   dump SHARED_ALIGNMENT_JSON [OWN_ALIGNMENT_JSON] > matrices.json
 * Per pair: the word cosines, the background model's centred cosines, the
 * evidence test (2 shared topical words), each paragraph's topical word
 * count and text, and the judgement of every cell (2 strong, 1 weak, 0 not
 * linked, -1 a heading). Built and run by bench/alignment/run.py --dump. */
#include <stdio.h>
#include <stdlib.h>

#undef G_LOG_DOMAIN
#include "../../tests/comparison/alignment-dev-set.c"
#undef G_LOG_DOMAIN
/* the statics (semantic_similarities, enough_evidence) are what is dumped */
#include "../../src/comparison/dossier-aligner.c"

static void
print_matrix (const char   *name,
              const double *m,
              gsize         n)
{
  printf ("\"%s\":[", name);
  for (gsize c = 0; c < n; c++)
    printf ("%s%.6g", c > 0 ? "," : "", m[c]);
  printf ("],");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (dev_pair_free);
  g_autoptr(GError) error = NULL;
  DossierAlignParams params;

  if (argc < 2)
    {
      fprintf (stderr, "usage: dump SHARED_ALIGNMENT_JSON [OWN_ALIGNMENT_JSON]\n");
      return 2;
    }
  for (int k = 1; k < argc; k++)
    if (!dev_set_load (argv[k], pairs, &error))
      {
        fprintf (stderr, "%s: %s\n", argv[k], error->message);
        return 1;
      }
  dossier_align_params_init (&params);
  printf ("[");
  for (guint k = 0; k < pairs->len; k++)
    {
      DevPair *pair = g_ptr_array_index (pairs, k);
      DossierTextSnapshot *docs[2] = { pair->a, pair->b };
      g_autoptr(DossierAligner) aligner = dossier_aligner_new (docs, 2, &params);
      g_autofree double *sim = dossier_aligner_similarities (aligner, 0, 1);
      g_autofree double *sem = semantic_similarities (aligner, 0, 1);
      guint n_a = dossier_aligner_get_n_paragraphs (aligner, 0);
      guint n_b = dossier_aligner_get_n_paragraphs (aligner, 1);
      g_autofree double *ev = g_new0 (double, (gsize) n_a * n_b);
      g_autofree double *label = g_new0 (double, (gsize) n_a * n_b);
      g_autofree double *valid = g_new0 (double, (gsize) n_a * n_b);

      for (guint i = 0; i < n_a; i++)
        for (guint j = 0; j < n_b; j++)
          {
            gsize c = (gsize) i * n_b + j;
            guint na = g_array_index (pair->body_a, guint, i);
            guint nb = g_array_index (pair->body_b, guint, j);
            g_autofree char *key = g_strdup_printf ("%u:%u", na, nb);
            const char *s = g_hash_table_lookup (pair->judged, key);

            valid[c] = paragraph_vector (aligner, aligner->offsets[0] + i)->len > 0 &&
                       paragraph_vector (aligner, aligner->offsets[1] + j)->len > 0;
            ev[c] = valid[c] ? enough_evidence (aligner, 0, i, 1, j) : 0;
            label[c] = na == 0 || nb == 0 ? -1 : s == NULL ? 0 : g_str_equal (s, "strong") ? 2 : 1;
          }
      printf ("%s{\"name\":\"%s\",\"n_a\":%u,\"n_b\":%u,\"n_strong\":%u,\"n_listed\":%u,",
              k > 0 ? "," : "", pair->name, n_a, n_b, pair->n_strong, pair->n_listed);
      print_matrix ("lex", sim, (gsize) n_a * n_b);
      print_matrix ("sem", sem, (gsize) n_a * n_b);
      print_matrix ("ev", ev, (gsize) n_a * n_b);
      print_matrix ("valid", valid, (gsize) n_a * n_b);
      print_matrix ("label", label, (gsize) n_a * n_b);
      for (int d = 0; d < 2; d++)
        {
          JsonBuilder *b = json_builder_new ();
          g_autofree char *s = NULL;
          JsonGenerator *gen = json_generator_new ();

          json_builder_begin_array (b);
          for (guint p = 0; p < dossier_text_snapshot_get_n_paragraphs (docs[d]); p++)
            json_builder_add_string_value (b, dossier_text_snapshot_get_paragraph (docs[d], p));
          json_builder_end_array (b);
          json_generator_set_root (gen, json_builder_get_root (b));
          s = json_generator_to_data (gen, NULL);
          printf ("\"text_%c\":%s%s", d == 0 ? 'a' : 'b', s, d == 0 ? "," : "");
          g_object_unref (gen);
          g_object_unref (b);
        }
      printf ("}\n");
    }
  printf ("]\n");
  return 0;
}
