/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parameter sweep behind dossier_align_params_init():
 *   sweep [SHARED_ALIGNMENT_JSON] [OWN_ALIGNMENT_JSON]
 * scores a grid of alignment parameters on every judged pair, prints the
 * best setting on all development pairs and the leave-one-pair-out figures
 * (for each pair, the setting best on the others, scored on it), and the
 * defaults. Built and run by bench/alignment/run.py. */
#include <stdio.h>
#include <stdlib.h>

#include "../../tests/comparison/alignment-dev-set.c"
#include "comparison/dossier-aligner.h"

typedef struct {
  DossierAlignParams params;
  DevCounts *counts;   /* per pair */
} Setting;

static void
run_setting (GPtrArray *pairs,
             Setting   *setting)
{
  setting->counts = g_new0 (DevCounts, pairs->len);
  for (guint k = 0; k < pairs->len; k++)
    {
      DevPair *pair = g_ptr_array_index (pairs, k);
      DossierTextSnapshot *docs[2] = { pair->a, pair->b };
      g_autoptr(DossierAligner) aligner = dossier_aligner_new (docs, 2, &setting->params);
      g_autofree double *sim = dossier_aligner_similarities (aligner, 0, 1);
      g_autoptr(GArray) links = dossier_aligner_align (aligner, 0, 1, sim, NULL, 0);

      dev_pair_score_links (pair, links, &setting->counts[k], NULL);
    }
}

static DevCounts
pool (Setting *s,
      guint    n,
      gint     leave_out,
      guint    n_dev)
{
  DevCounts sum = { 0, };

  for (guint k = 0; k < n_dev && k < n; k++)
    if ((gint) k != leave_out)
      dev_counts_add (&sum, &s->counts[k]);
  return sum;
}

static void
describe (const DossierAlignParams *p,
          char                     *out,
          gsize                     size)
{
  g_snprintf (out, size, "z %.2f mz %.2f rel %.1f sem %.2f ev %u story %.1f pw %.1f attr %.0f nb %.2f",
              p->link_z, p->mutual_z, p->relative_z, p->semantic_weight, p->min_evidence,
              p->story_damping, p->proper_weight, p->attribution_weight, p->neighbour_weight);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (dev_pair_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) settings = g_array_new (FALSE, FALSE, sizeof (Setting));
  const double zs[] = { 1.0, 1.25, 1.5, 1.75, 2.0, 2.5 };
  const double mzs[] = { 0.5, 1.0, 1.5 };
  const double rels[] = { 1.0, 2.0, 99.0 };
  const double sems[] = { 0.0, 0.25, 0.5, 0.75, 1.0 };
  const guint evs[] = { 0, 2, 5 };
  const double attrs[] = { 0.0, 1.0 };
  const double stories[] = { 0.0, 1.0 };
  const double pws[] = { 0.5, 1.0 };
  const double nbs[] = { 0.0, 0.35 };
  guint n_dev;
  DevCounts loo = { 0, };
  char buf[256];
  Setting defaults = { 0, };

  if (argc < 2)
    {
      fprintf (stderr, "usage: sweep SHARED_ALIGNMENT_JSON [OWN_ALIGNMENT_JSON]\n");
      return 2;
    }
  if (!dev_set_load (argv[1], pairs, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  n_dev = pairs->len;
  if (argc > 2 && !dev_set_load (argv[2], pairs, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[2], error->message);
      return 1;
    }

  for (guint a = 0; a < G_N_ELEMENTS (zs); a++)
    for (guint b = 0; b < G_N_ELEMENTS (mzs); b++)
      for (guint c = 0; c < G_N_ELEMENTS (rels); c++)
        for (guint d = 0; d < G_N_ELEMENTS (sems); d++)
          for (guint e = 0; e < G_N_ELEMENTS (evs); e++)
            for (guint f = 0; f < G_N_ELEMENTS (stories); f++)
              for (guint g = 0; g < G_N_ELEMENTS (pws); g++)
                for (guint h = 0; h < G_N_ELEMENTS (attrs); h++)
                for (guint m = 0; m < G_N_ELEMENTS (nbs); m++)
                {
                  Setting s = { 0, };

                  if (mzs[b] > zs[a])
                    continue;
                  dossier_align_params_init (&s.params);
                  s.params.link_z = zs[a];
                  s.params.mutual_z = mzs[b];
                  s.params.relative_z = rels[c];
                  s.params.semantic_weight = sems[d];
                  s.params.min_evidence = evs[e];
                  s.params.story_damping = stories[f];
                  s.params.proper_weight = pws[g];
                  s.params.attribution_weight = attrs[h];
                  s.params.neighbour_weight = nbs[m];
                  run_setting (pairs, &s);
                  g_array_append_val (settings, s);
                }

  /* best on all development pairs */
  {
    guint best = 0;
    double best_f = -1.0;

    for (guint i = 0; i < settings->len; i++)
      {
        DevCounts c = pool (&g_array_index (settings, Setting, i), pairs->len, -1, n_dev);

        if (dev_f1 (&c) > best_f)
          best_f = dev_f1 (&c), best = i;
      }
    {
      Setting *s = &g_array_index (settings, Setting, best);
      DevCounts c = pool (s, pairs->len, -1, n_dev);
      g_autofree char *row = dev_counts_row ("best on all dev pairs", &c);

      describe (&s->params, buf, sizeof buf);
      printf ("%s  [%s]\n", row, buf);
      for (guint k = n_dev; k < pairs->len; k++)
        {
          g_autofree char *own = dev_counts_row (((DevPair *) g_ptr_array_index (pairs, k))->name, &s->counts[k]);
          printf ("%s  (own pair, that setting)\n", own);
        }
    }
  }

  /* leave one pair out */
  for (guint k = 0; k < n_dev; k++)
    {
      guint best = 0;
      double best_f = -1.0;
      Setting *s;
      g_autofree char *row = NULL;

      for (guint i = 0; i < settings->len; i++)
        {
          DevCounts c = pool (&g_array_index (settings, Setting, i), pairs->len, k, n_dev);

          if (dev_f1 (&c) > best_f)
            best_f = dev_f1 (&c), best = i;
        }
      s = &g_array_index (settings, Setting, best);
      dev_counts_add (&loo, &s->counts[k]);
      describe (&s->params, buf, sizeof buf);
      row = dev_counts_row (((DevPair *) g_ptr_array_index (pairs, k))->name, &s->counts[k]);
      printf ("%s  held out; chosen on the others: [%s]\n", row, buf);
    }
  {
    g_autofree char *row = dev_counts_row ("leave-one-pair-out, pooled", &loo);
    printf ("%s\n", row);
  }

  /* the same over the development and own pairs together: more pairs
   * choose each held-out pair's setting, at the price of mixing texts
   * written for the project with real ones */
  {
    DevCounts all = { 0, };
    g_autofree char *row = NULL;

    for (guint k = 0; k < pairs->len; k++)
      {
        guint best = 0;
        double best_f = -1.0;

        for (guint i = 0; i < settings->len; i++)
          {
            DevCounts c = pool (&g_array_index (settings, Setting, i), pairs->len, k, pairs->len);

            if (dev_f1 (&c) > best_f)
              best_f = dev_f1 (&c), best = i;
          }
        dev_counts_add (&all, &g_array_index (settings, Setting, best).counts[k]);
      }
    row = dev_counts_row ("leave-one-pair-out over dev and own pairs, pooled", &all);
    printf ("%s\n", row);
  }

  /* each step of docs/comparison.md's table: leave-one-pair-out within
   * the settings that step allows */
  {
    static const struct { const char *name; double sem; gint ev; double story; double pw; double attr; double nb; } steps[] = {
      { "standard scores, mutual best, no cap (words only, evidence 5, names 0.5)", 0.0, 5, 0.0, 0.5, 1.0, 0.0 },
      { "+ names weigh fully", 0.0, 5, 0.0, 1.0, 1.0, 0.0 },
      { "+ evidence: 2 shared words", 0.0, 2, 0.0, 1.0, 1.0, 0.0 },
      { "+ attribution words ignored", 0.0, 2, 0.0, 1.0, 0.0, 0.0 },
      { "+ background model (semantic)", -1.0, 2, 0.0, 1.0, 0.0, 0.0 },
      { "+ background model, no evidence test", -1.0, 0, 0.0, 1.0, 0.0, 0.0 },
      { "+ story damping", -1.0, 2, 1.0, 1.0, 0.0, 0.0 },
      { "+ neighbours (chosen)", -1.0, 2, 0.0, 1.0, 0.0, 0.35 },
      { "everything free but neighbours", -1.0, -1, -1.0, -1.0, -1.0, 0.0 },
      { "everything free", -1.0, -1, -1.0, -1.0, -1.0, -1.0 },
    };

    for (guint st = 0; st < G_N_ELEMENTS (steps); st++)
      {
        DevCounts step_loo = { 0, };
        g_autofree char *row = NULL;

        for (guint k = 0; k < n_dev; k++)
          {
            gint best = -1;
            double best_f = -1.0;

            for (guint i = 0; i < settings->len; i++)
              {
                Setting *s = &g_array_index (settings, Setting, i);
                DevCounts c;

                if ((steps[st].sem >= 0.0 && s->params.semantic_weight != steps[st].sem) ||
                    (steps[st].sem < 0.0 && s->params.semantic_weight == 0.0) ||
                    (steps[st].ev >= 0 && s->params.min_evidence != (guint) steps[st].ev) ||
                    (steps[st].story >= 0.0 && s->params.story_damping != steps[st].story) ||
                    (steps[st].pw >= 0.0 && s->params.proper_weight != steps[st].pw) ||
                    (steps[st].attr >= 0.0 && s->params.attribution_weight != steps[st].attr) ||
                    (steps[st].nb >= 0.0 && s->params.neighbour_weight != steps[st].nb))
                  continue;
                c = pool (s, pairs->len, k, n_dev);
                if (dev_f1 (&c) > best_f)
                  best_f = dev_f1 (&c), best = i;
              }
            dev_counts_add (&step_loo, &g_array_index (settings, Setting, best).counts[k]);
          }
        row = dev_counts_row (steps[st].name, &step_loo);
        printf ("%s  (leave-one-pair-out)\n", row);
      }
  }

  dossier_align_params_init (&defaults.params);
  run_setting (pairs, &defaults);
  describe (&defaults.params, buf, sizeof buf);
  for (guint k = 0; k < pairs->len; k++)
    {
      g_autofree char *row = dev_counts_row (((DevPair *) g_ptr_array_index (pairs, k))->name, &defaults.counts[k]);
      printf ("%s  defaults\n", row);
    }
  {
    DevCounts c = pool (&defaults, pairs->len, -1, n_dev);
    g_autofree char *row = dev_counts_row ("defaults, dev pooled", &c);
    printf ("%s  [%s]\n", row, buf);
  }
  return 0;
}
