/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-bench"

/* Times the library API in-process, so process start-up does not hide the
 * figures. Built and run by bench/library/run.py, never by `make check`.
 *
 *   bench-library open PATH            cold open: open + walk the list
 *   bench-library search PATH QUERY…   per query: first run and median of 5
 *
 * Prints one JSON object on stdout.
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "store/dossier-library.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this process: on a machine shared with other builds the
 * wall clock says more about the neighbours than about the library. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  double start, start_cpu, opened, listed, listed_cpu;
  GListModel *documents;
  guint n, authors = 0;

  if (argc < 3)
    {
      g_printerr ("usage: bench-library open|search PATH [QUERY…]\n");
      return 2;
    }

  start = now_ms ();
  start_cpu = cpu_ms ();
  library = dossier_library_open (argv[2], &error);
  if (library == NULL)
    {
      g_printerr ("bench-library: %s\n", error->message);
      return 1;
    }
  opened = now_ms ();

  /* What the sidebar does: touch every row's title and authors. */
  documents = dossier_library_get_documents (library);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

      if (dossier_document_get_title (document) != NULL)
        authors += g_list_model_get_n_items (dossier_document_get_authors (document));
    }
  listed = now_ms ();
  listed_cpu = cpu_ms ();

  if (g_str_equal (argv[1], "open"))
    {
      printf ("{\"documents\": %u, \"authors\": %u, \"open_ms\": %.2f, \"open_and_list_ms\": %.2f,"
              " \"open_and_list_cpu_ms\": %.2f, \"max_rss_kib\": %ld}\n",
              n, authors, opened - start, listed - start, listed_cpu - start_cpu, max_rss_kib ());
      return 0;
    }

  if (g_str_equal (argv[1], "search"))
    {
      printf ("{\"documents\": %u, \"queries\": [", n);
      for (int q = 3; q < argc; q++)
        {
          double runs[5], cpu[5], wide[3], first = 0;
          guint hits = 0, wide_hits = 0;

          for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
            {
              g_autoptr(GListModel) results = NULL;
              double t0 = now_ms (), c0 = cpu_ms ();

              results = dossier_library_search (library, argv[q], 20, &error);
              if (results == NULL)
                {
                  g_printerr ("bench-library: %s\n", error->message);
                  return 1;
                }
              runs[r] = now_ms () - t0;
              cpu[r] = cpu_ms () - c0;
              if (r == 0)
                {
                  first = runs[0];
                  hits = g_list_model_get_n_items (results);
                }
            }
          /* What the window asks on every keystroke: up to 1000 ids. */
          for (guint r = 0; r < G_N_ELEMENTS (wide); r++)
            {
              g_autoptr(GListModel) results = NULL;
              double t0 = now_ms ();

              results = dossier_library_search (library, argv[q], 1000, &error);
              if (results == NULL)
                {
                  g_printerr ("bench-library: %s\n", error->message);
                  return 1;
                }
              wide[r] = now_ms () - t0;
              wide_hits = g_list_model_get_n_items (results);
            }
          qsort (wide, G_N_ELEMENTS (wide), sizeof wide[0], compare_double);
          qsort (runs, G_N_ELEMENTS (runs), sizeof runs[0], compare_double);
          qsort (cpu, G_N_ELEMENTS (cpu), sizeof cpu[0], compare_double);
          {
            g_autofree char *quoted = g_strescape (argv[q], NULL);
            printf ("%s{\"query\": \"%s\", \"hits\": %u, \"first_ms\": %.2f, \"median_ms\": %.2f,"
                    " \"median_cpu_ms\": %.2f, \"hits_1000\": %u, \"median_1000_ms\": %.2f}",
                    q > 3 ? ", " : "", quoted, hits, first, runs[2], cpu[2], wide_hits, wide[1]);
          }
        }
      printf ("], \"open_and_list_ms\": %.2f, \"max_rss_kib\": %ld}\n", listed - start, max_rss_kib ());
      return 0;
    }

  g_printerr ("bench-library: unknown mode %s\n", argv[1]);
  return 2;
}
