/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the phases of a PDF export in one process: loading the memo,
 * the first layout (cold font caches), a relayout, drawing the PDF. */
#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>

#include "export/dossier-memo-layout.h"
#include "export/dossier-page-layout.h"
#include "export/dossier-pdf-exporter.h"
#include "memo/dossier-memo-json.h"

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLayoutDocument) doc = NULL;
  g_autoptr(DossierPageLayout) layout = NULL;
  g_autoptr(DossierPdfExporter) exporter = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 t0, t1, t2, t3, t4, t5, t6;
  double width, height;
  guint n_pages;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("usage: bench-export MEMO OUT.pdf\n");
      return 2;
    }

  t0 = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  memo = dossier_memo_load_file (file, NULL, &error);
  if (memo == NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  doc = dossier_memo_to_layout_document (memo);
  t2 = g_get_monotonic_time ();
  layout = dossier_page_layout_new (DOSSIER_PAPER_LETTER);
  dossier_page_layout_set_document (layout, doc);
  t3 = g_get_monotonic_time ();
  dossier_page_layout_set_document (layout, doc);
  t4 = g_get_monotonic_time ();

  n_pages = dossier_page_layout_get_n_pages (layout);
  dossier_page_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      dossier_page_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  t5 = g_get_monotonic_time ();

  /* The whole export as the app runs it, font caches warm. */
  exporter = dossier_pdf_exporter_new ();
  dossier_pdf_exporter_set_paper (exporter, DOSSIER_PAPER_LETTER);
  out = g_file_new_for_commandline_arg (argv[2]);
  if (!dossier_pdf_exporter_export (exporter, doc, out, NULL, &error))
    g_error ("%s", error->message);
  t6 = g_get_monotonic_time ();

  g_print ("pages %u\n", n_pages);
  g_print ("load_ms %.1f\n", (t1 - t0) / 1000.0);
  g_print ("adapt_ms %.1f\n", (t2 - t1) / 1000.0);
  g_print ("layout_cold_ms %.1f\n", (t3 - t2) / 1000.0);
  g_print ("relayout_ms %.1f\n", (t4 - t3) / 1000.0);
  g_print ("draw_pdf_ms %.1f\n", (t5 - t4) / 1000.0);
  g_print ("export_warm_ms %.1f\n", (t6 - t5) / 1000.0);
  return 0;
}
