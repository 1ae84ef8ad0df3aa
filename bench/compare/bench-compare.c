/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the comparison core on two documents, excluding the import:
 *   bench-compare RUNS A B
 * prints one line per mode: "<mode> <median ms> <min ms> <median CPU ms> <links> <changes>".
 * Built and run by bench/compare/run.py. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "comparison/dossier-compare-result.h"
#include "comparison/dossier-matrix.h"
#include "importers/dossier-import.h"

static DossierTextSnapshot *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  if (document == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  return dossier_text_snapshot_new (document);
}

/* CPU time of this thread, in ms: steadier than wall time on a busy machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  DossierTextSnapshot *docs[2];
  const DossierComparisonMode modes[] = { DOSSIER_COMPARISON_MODE_AUTO, DOSSIER_COMPARISON_MODE_PERSPECTIVES,
                                          DOSSIER_COMPARISON_MODE_VERSIONS };
  int runs;

  if (argc != 4)
    {
      fprintf (stderr, "usage: bench-compare RUNS A B\n");
      return 2;
    }
  runs = MAX (1, atoi (argv[1]));
  docs[0] = load (argv[2]);
  docs[1] = load (argv[3]);
  printf ("paragraphs %u %u\n", dossier_text_snapshot_get_n_paragraphs (docs[0]),
          dossier_text_snapshot_get_n_paragraphs (docs[1]));

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree double *times = g_new (double, runs);
      g_autofree double *cpu = g_new (double, runs);
      guint links = 0, changes = 0;
      DossierComparisonMode used = modes[m];

      for (int r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();
          g_autoptr(GError) error = NULL;
          DossierCompareResult *result = dossier_compare_run (docs[0], docs[1], modes[m], NULL, 0, NULL, &error);

          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[r] = cpu_ms () - cpu_start;
          if (result == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          links = result->links->len;
          changes = result->change_count;
          used = result->mode;
          dossier_compare_result_free (result);
        }
      qsort (times, runs, sizeof (double), compare_doubles);
      qsort (cpu, runs, sizeof (double), compare_doubles);
      printf ("%s→%s %.1f %.1f %.1f %u %u\n", dossier_comparison_mode_to_string (modes[m]),
              dossier_comparison_mode_to_string (used), times[runs / 2], times[0], cpu[runs / 2], links, changes);
    }

  {
    g_autofree double *times = g_new (double, runs);
    g_autofree double *cpu = g_new (double, runs);
    guint topics = 0;

    for (int r = 0; r < runs; r++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = cpu_ms ();
        g_autoptr(GError) error = NULL;
        DossierMatrix *matrix = dossier_matrix_compute (docs, 2, NULL, &error);

        times[r] = (g_get_monotonic_time () - start) / 1000.0;
        cpu[r] = cpu_ms () - cpu_start;
        topics = matrix->topics->len;
        dossier_matrix_free (matrix);
      }
    qsort (times, runs, sizeof (double), compare_doubles);
    qsort (cpu, runs, sizeof (double), compare_doubles);
    printf ("matrix %.1f %.1f %.1f %u 0\n", times[runs / 2], times[0], cpu[runs / 2], topics);
  }

  dossier_text_snapshot_free (docs[0]);
  dossier_text_snapshot_free (docs[1]);
  return 0;
}
