/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-office-exporter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "formats/dossier-file-save.h"

#include "dossier-docx-writer.h"
#include "dossier-export-task.h"
#include "dossier-odt-writer.h"
#include "dossier-office-exporter.h"

/**
 * DossierOfficeExporter:
 *
 * Writes a #DossierLayoutDocument, the same one the PDF is laid out
 * from, as a word processor's file for clearance: DOCX (Word) or ODT
 * (LibreOffice), with real footnotes, the marking as banners in the page
 * header and footer, page numbers as fields and named styles. The word
 * processor lays the pages out; #DossierOfficeExporter:paper and
 * #DossierOfficeExporter:justify say how.
 *
 * The file is made in memory and then written atomically through
 * #DossierFileSave, so a failed or cancelled export leaves the old file
 * as it was.
 */
struct _DossierOfficeExporter
{
  GObject parent_instance;

  DossierExportFormat format;
  DossierPaper paper;
  gboolean justify;
  guint busy;           /* asynchronous exports under way */
};

G_DEFINE_FINAL_TYPE (DossierOfficeExporter, dossier_office_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_PAPER,
  PROP_JUSTIFY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GBytes *
write_bytes (DossierExportFormat     format,
             DossierLayoutDocument  *document,
             DossierPaper            paper,
             gboolean                justify,
             GCancellable           *cancellable,
             GError                **error)
{
  DossierOfficeOptions options = { paper, justify };

  if (format == DOSSIER_EXPORT_FORMAT_ODT)
    return dossier_odt_write (document, &options, cancellable, error);
  return dossier_docx_write (document, &options, cancellable, error);
}

/* Atomic (#DossierFileSave): only a complete file replaces the old one,
 * and its errors already name the file. */
static gboolean
save_bytes (GBytes        *bytes,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  return dossier_file_save_contents (file, data, size, cancellable, error);
}

/* The settings an export uses: an asynchronous one takes them as it
 * starts. */
typedef struct {
  DossierExportFormat format;
  DossierPaper paper;
  gboolean justify;
} Settings;

static gboolean
export_file (gpointer                exporter,
             DossierLayoutDocument  *document,
             GFile                  *file,
             gpointer                options,
             GCancellable           *cancellable,
             GError                **error)
{
  Settings *settings = options;
  g_autoptr(GBytes) bytes = NULL;

  bytes = write_bytes (settings->format, document, settings->paper, settings->justify, cancellable, error);
  return bytes != NULL && save_bytes (bytes, file, cancellable, error);
}

/**
 * dossier_office_exporter_export_to_bytes:
 * @self: an exporter
 * @document: the document to export
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * The file's contents, made in memory (for standard output, or to hand
 * to a save of one's own).
 *
 * Returns: (transfer full): the bytes, or %NULL on an error
 */
GBytes *
dossier_office_exporter_export_to_bytes (DossierOfficeExporter  *self,
                                         DossierLayoutDocument  *document,
                                         GCancellable           *cancellable,
                                         GError                **error)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_bytes (self->format, document, self->paper, self->justify, cancellable, error);
}

/**
 * dossier_office_exporter_export:
 * @self: an exporter
 * @document: the document to export
 * @file: the file to write (replaced if it exists)
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @document to @file. Blocks: call it from a thread, or use
 * dossier_office_exporter_export_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
dossier_office_exporter_export (DossierOfficeExporter  *self,
                                DossierLayoutDocument  *document,
                                GFile                  *file,
                                GCancellable           *cancellable,
                                GError                **error)
{
  Settings settings;

  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  settings = (Settings) { self->format, self->paper, self->justify };
  return export_file (self, document, file, &settings, cancellable, error);
}

static void
set_busy (gpointer exporter,
          gboolean busy,
          gboolean written)
{
  DossierOfficeExporter *self = exporter;

  if (dossier_export_count_busy (&self->busy, busy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * dossier_office_exporter_export_async:
 * @self: an exporter
 * @document: the document to export; a copy is taken, so the caller may
 *   go on editing it
 * @file: the file to write
 * @cancellable: (nullable): a cancellable
 * @callback: called when the file is written or has failed
 * @user_data: data for @callback
 *
 * Exports on a worker thread, with the format, paper and justification
 * the exporter has now. Meanwhile #DossierOfficeExporter:busy is %TRUE.
 */
void
dossier_office_exporter_export_async (DossierOfficeExporter  *self,
                                      DossierLayoutDocument  *document,
                                      GFile                  *file,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  Settings *settings;

  g_return_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self));
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  settings = g_new (Settings, 1);
  settings->format = self->format;
  settings->paper = self->paper;
  settings->justify = self->justify;
  dossier_export_task_run (self, dossier_office_exporter_export_async, document, file, settings, g_free,
                           export_file, set_busy, cancellable, callback, user_data);
}

/**
 * dossier_office_exporter_export_finish:
 * @self: an exporter
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was written
 */
gboolean
dossier_office_exporter_export_finish (DossierOfficeExporter  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), FALSE);

  return dossier_export_task_finish (self, result, error);
}

static void
dossier_office_exporter_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierOfficeExporter *self = DOSSIER_OFFICE_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_JUSTIFY:
      g_value_set_boolean (value, self->justify);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_office_exporter_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierOfficeExporter *self = DOSSIER_OFFICE_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      dossier_office_exporter_set_format (self, g_value_get_enum (value));
      break;
    case PROP_PAPER:
      dossier_office_exporter_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_JUSTIFY:
      dossier_office_exporter_set_justify (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_office_exporter_class_init (DossierOfficeExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dossier_office_exporter_get_property;
  object_class->set_property = dossier_office_exporter_set_property;

  /**
   * DossierOfficeExporter:format:
   *
   * %DOSSIER_EXPORT_FORMAT_DOCX or %DOSSIER_EXPORT_FORMAT_ODT.
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, DOSSIER_TYPE_EXPORT_FORMAT, DOSSIER_EXPORT_FORMAT_DOCX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] = dossier_export_paper_pspec ();
  properties[PROP_JUSTIFY] = dossier_export_justify_pspec ();
  /**
   * DossierOfficeExporter:busy:
   *
   * Whether an asynchronous export is under way.
   */
  properties[PROP_BUSY] = dossier_export_busy_pspec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_office_exporter_init (DossierOfficeExporter *self)
{
  self->format = DOSSIER_EXPORT_FORMAT_DOCX;
  self->paper = dossier_paper_get_default ();
}

/**
 * dossier_office_exporter_new:
 * @format: %DOSSIER_EXPORT_FORMAT_DOCX or %DOSSIER_EXPORT_FORMAT_ODT
 *
 * Returns: (transfer full): an exporter for the locale's default paper
 */
DossierOfficeExporter *
dossier_office_exporter_new (DossierExportFormat format)
{
  g_return_val_if_fail (format == DOSSIER_EXPORT_FORMAT_DOCX || format == DOSSIER_EXPORT_FORMAT_ODT, NULL);

  return g_object_new (DOSSIER_TYPE_OFFICE_EXPORTER, "format", format, NULL);
}

DossierExportFormat
dossier_office_exporter_get_format (DossierOfficeExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), DOSSIER_EXPORT_FORMAT_DOCX);
  return self->format;
}

void
dossier_office_exporter_set_format (DossierOfficeExporter *self,
                                    DossierExportFormat    format)
{
  g_return_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self));
  g_return_if_fail (format == DOSSIER_EXPORT_FORMAT_DOCX || format == DOSSIER_EXPORT_FORMAT_ODT);

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

DossierPaper
dossier_office_exporter_get_paper (DossierOfficeExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), DOSSIER_PAPER_A4);
  return self->paper;
}

void
dossier_office_exporter_set_paper (DossierOfficeExporter *self,
                                   DossierPaper           paper)
{
  g_return_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self));

  if (self->paper == paper)
    return;
  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

gboolean
dossier_office_exporter_get_justify (DossierOfficeExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), FALSE);
  return self->justify;
}

void
dossier_office_exporter_set_justify (DossierOfficeExporter *self,
                                     gboolean               justify)
{
  g_return_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self));

  justify = !!justify;
  if (self->justify == justify)
    return;
  self->justify = justify;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

gboolean
dossier_office_exporter_get_busy (DossierOfficeExporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_OFFICE_EXPORTER (self), FALSE);
  return self->busy > 0;
}
