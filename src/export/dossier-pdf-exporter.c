/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf-exporter"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "formats/dossier-file-save.h"
#include "dossier-export-task.h"
#include "dossier-page-layout.h"
#include "dossier-pdf-exporter.h"

/**
 * DossierPdfExporter:
 *
 * Writes a #DossierLayoutDocument to a PDF file: the pages of a
 * #DossierPageLayout, the link annotations, an outline of the sections
 * and the document metadata, fonts embedded and subset by cairo.
 *
 * The file is written atomically (#DossierFileSave): to a temporary
 * file in the same folder, moved over the target only when complete, so
 * a failed or cancelled export, or a full disk, never leaves half a PDF
 * behind and keeps the old one. Only a regular file (or a link to one)
 * is replaced: a device, a pipe or a folder is refused.
 */
struct _DossierPdfExporter
{
  GObject parent_instance;

  DossierPaper paper;
  gboolean justify;
  guint n_pages;        /* of the last export */
  guint busy;           /* asynchronous exports under way */
  double progress;
};

G_DEFINE_FINAL_TYPE (DossierPdfExporter, dossier_pdf_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAPER,
  PROP_JUSTIFY,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (write->stream, data, length, NULL, write->cancellable, &write->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  DossierPdfExporter *self;
  double progress;
} ProgressUpdate;

static void
set_progress (DossierPdfExporter *self,
              double              progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
apply_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  if (update->self->busy > 0)
    set_progress (update->self, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->self);
  g_free (update);
}

/* From the export thread to the caller's main context, where the
 * property is set and notified. */
static void
report_progress (DossierPdfExporter *self,
                 GMainContext       *context,
                 double              progress)
{
  ProgressUpdate *update;

  if (context == NULL)
    return;
  update = g_new0 (ProgressUpdate, 1);
  update->self = g_object_ref (self);
  update->progress = progress;
  g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, apply_progress_cb, update,
                              progress_update_free);
}

static void
add_outline (cairo_surface_t            *surface,
             const DossierLayoutHeading *headings,
             guint                       n_headings)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < n_headings; i++)
    {
      guint level = CLAMP (headings[i].level, 1, 3);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%.2f %.2f]",
                                               headings[i].page + 1, 0.0, headings[i].y);
      int id;

      /* A subsection without a section above it hangs from the root. */
      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], headings[i].title, link,
                                          CAIRO_PDF_OUTLINE_FLAG_OPEN);
      for (guint l = level; l < G_N_ELEMENTS (parents); l++)
        parents[l] = id;
    }
}

static gboolean
render (DossierPdfExporter    *self,
        DossierLayoutDocument *document,
        GOutputStream         *stream,
        GMainContext          *progress_context,
        GCancellable          *cancellable,
        GError               **error)
{
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (self->paper);
  WriteClosure closure = { stream, cancellable, NULL };
  const DossierLayoutHeading *headings;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages, n_headings;

  dossier_page_layout_set_justify (layout, self->justify);
  dossier_page_layout_set_document (layout, document);
  dossier_page_layout_get_page_size (layout, &width, &height);
  n_pages = dossier_page_layout_get_n_pages (layout);
  self->n_pages = n_pages;
  /* Laying out is about a third of the work, drawing the rest. */
  report_progress (self, progress_context, 0.3);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (dossier_layout_document_get_title (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    dossier_layout_document_get_title (document));
  if (dossier_layout_document_get_author (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    dossier_layout_document_get_author (document));
  if (dossier_layout_document_get_subject (document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    dossier_layout_document_get_subject (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dossier " PACKAGE_VERSION);

  headings = dossier_page_layout_get_headings (layout, &n_headings);
  add_outline (surface, headings, n_headings);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable) || closure.error != NULL)
        break;
      dossier_page_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      if (n_pages >= 20 && (page + 1) % (n_pages / 10) == 0)
        report_progress (self, progress_context, 0.3 + 0.65 * (page + 1) / n_pages);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Writes the PDF; progress goes to @progress_context (a #GMainContext)
 * when not %NULL. */
static gboolean
export_file (gpointer                exporter,
             DossierLayoutDocument  *document,
             GFile                  *file,
             gpointer                progress_context,
             GCancellable           *cancellable,
             GError                **error)
{
  DossierPdfExporter *self = exporter;
  g_autoptr(DossierFileSave) save = NULL;
  g_autoptr(GOutputStream) stream = NULL;

  save = dossier_file_save_new (file, cancellable, error);
  if (save == NULL)
    return FALSE;

  /* cairo writes in small pieces; buffer them. Closing the buffer
   * flushes it into the save; only the commit replaces the file, so a
   * failed or cancelled export leaves the old PDF as it was. */
  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (save), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (stream), FALSE);
  if (!render (self, document, stream, progress_context, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    return FALSE;

  return dossier_file_save_commit (save, cancellable, error);
}

/**
 * dossier_pdf_exporter_export:
 * @self: an exporter
 * @document: the document to export
 * @file: the PDF file to write (replaced if it exists)
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Lays @document out and writes it to @file. Blocks: call it from a
 * thread, or use dossier_pdf_exporter_export_async().
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
dossier_pdf_exporter_export (DossierPdfExporter    *self,
                             DossierLayoutDocument *document,
                             GFile                 *file,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_file (self, document, file, NULL, cancellable, error);
}

/**
 * dossier_pdf_exporter_export_to_stream:
 * @self: an exporter
 * @document: the document to export
 * @stream: where the PDF goes; it is not closed
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Lays @document out and writes it to @stream (standard output, for the
 * command line's `-o -`). Blocks. Files are better written with
 * dossier_pdf_exporter_export(), which keeps the old file on an error.
 *
 * Returns: %TRUE if the whole PDF was written
 */
gboolean
dossier_pdf_exporter_export_to_stream (DossierPdfExporter    *self,
                                       DossierLayoutDocument *document,
                                       GOutputStream         *stream,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  g_autoptr(GOutputStream) buffered = NULL;

  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  return render (self, document, buffered, NULL, cancellable, error) &&
         g_output_stream_close (buffered, cancellable, error);
}

/* The caller's callback sees the exporter idle and, on success, done. */
static void
set_busy (gpointer exporter,
          gboolean busy,
          gboolean written)
{
  DossierPdfExporter *self = exporter;

  if (!busy && written)
    set_progress (self, 1.0);
  if (dossier_export_count_busy (&self->busy, busy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (busy)
    set_progress (self, 0.0);
}

/**
 * dossier_pdf_exporter_export_async:
 * @self: an exporter
 * @document: the document to export; a copy is taken, so the caller may
 *   go on editing it
 * @file: the PDF file to write
 * @cancellable: (nullable): a cancellable
 * @callback: called when the PDF is written or has failed
 * @user_data: data for @callback
 *
 * Exports on a worker thread. Meanwhile #DossierPdfExporter:busy is
 * %TRUE and #DossierPdfExporter:progress goes from 0 to 1, notified in the
 * thread-default main context of the caller. Do not change the
 * exporter's paper or justification until @callback has run.
 */
void
dossier_pdf_exporter_export_async (DossierPdfExporter    *self,
                                   DossierLayoutDocument *document,
                                   GFile                 *file,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_return_if_fail (DOSSIER_IS_PDF_EXPORTER (self));
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  dossier_export_task_run (self, dossier_pdf_exporter_export_async, document, file,
                           g_main_context_ref_thread_default (), (GDestroyNotify) g_main_context_unref,
                           export_file, set_busy, cancellable, callback, user_data);
}

/**
 * dossier_pdf_exporter_export_finish:
 * @self: an exporter
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
dossier_pdf_exporter_export_finish (DossierPdfExporter  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), FALSE);

  return dossier_export_task_finish (self, result, error);
}

static void
dossier_pdf_exporter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierPdfExporter *self = DOSSIER_PDF_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_JUSTIFY:
      g_value_set_boolean (value, self->justify);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_pdf_exporter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierPdfExporter *self = DOSSIER_PDF_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      dossier_pdf_exporter_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_JUSTIFY:
      dossier_pdf_exporter_set_justify (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_pdf_exporter_class_init (DossierPdfExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dossier_pdf_exporter_get_property;
  object_class->set_property = dossier_pdf_exporter_set_property;

  properties[PROP_PAPER] = dossier_export_paper_pspec ();
  properties[PROP_JUSTIFY] = dossier_export_justify_pspec ();
  /**
   * DossierPdfExporter:busy:
   *
   * Whether an asynchronous export is under way.
   */
  properties[PROP_BUSY] = dossier_export_busy_pspec ();
  /**
   * DossierPdfExporter:progress:
   *
   * How far the asynchronous export is, from 0 to 1, for a progress bar.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_pdf_exporter_init (DossierPdfExporter *self)
{
  self->paper = dossier_paper_get_default ();
}

/**
 * dossier_pdf_exporter_new:
 *
 * Returns: (transfer full): an exporter for the locale's default paper
 */
DossierPdfExporter *
dossier_pdf_exporter_new (void)
{
  return g_object_new (DOSSIER_TYPE_PDF_EXPORTER, NULL);
}

DossierPaper
dossier_pdf_exporter_get_paper (DossierPdfExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), DOSSIER_PAPER_A4);
  return self->paper;
}

void
dossier_pdf_exporter_set_paper (DossierPdfExporter *self,
                                DossierPaper        paper)
{
  g_return_if_fail (DOSSIER_IS_PDF_EXPORTER (self));

  if (self->paper == paper)
    return;
  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

gboolean
dossier_pdf_exporter_get_justify (DossierPdfExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), FALSE);
  return self->justify;
}

void
dossier_pdf_exporter_set_justify (DossierPdfExporter *self,
                                  gboolean            justify)
{
  g_return_if_fail (DOSSIER_IS_PDF_EXPORTER (self));

  justify = !!justify;
  if (self->justify == justify)
    return;
  self->justify = justify;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

/**
 * dossier_pdf_exporter_get_n_pages:
 * @self: an exporter
 *
 * Returns: the number of pages of the last export
 */
guint
dossier_pdf_exporter_get_n_pages (DossierPdfExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_PDF_EXPORTER (self), 0);
  return self->n_pages;
}
