/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "model/dossier-limits.h"
#include "dossier-fetch.h"
#include "dossier-html-importer.h"
#include "dossier-import.h"
#include "dossier-pdf-importer.h"
#include "dossier-text-decode.h"
#include "dossier-text-importer.h"

G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)

gboolean
dossier_import_format_from_string (const char          *name,
                                   DossierImportFormat *format)
{
  static const struct { const char *name; DossierImportFormat format; } formats[] = {
    { "auto", DOSSIER_IMPORT_FORMAT_AUTO },
    { "text", DOSSIER_IMPORT_FORMAT_TEXT },
    { "html", DOSSIER_IMPORT_FORMAT_HTML },
    { "json", DOSSIER_IMPORT_FORMAT_JSON },
    { "pdf", DOSSIER_IMPORT_FORMAT_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  /* A UTF-8 byte order mark counts as space here. */
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *end,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize)(end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/**
 * dossier_import_guess_format:
 * @name_hint: (nullable): a file name or URL
 *
 * Decides by content first (a PDF, a `dossier-document` file, an HTML
 * page) and then by name, because saved pages are often misnamed.
 */
DossierImportFormat
dossier_import_guess_format (const char *name_hint,
                             const char *data,
                             gsize       length)
{
  const char *end = data + MIN (length, 4096);
  const char *p = skip_space (data, end);

  /* A PDF is known by its header, whatever its name. */
  if (dossier_pdf_is_pdf (data, length))
    return DOSSIER_IMPORT_FORMAT_PDF;

  if (p < end && *p == '{' && g_strstr_len (p, end - p, "\"dossier-document\"") != NULL)
    return DOSSIER_IMPORT_FORMAT_JSON;

  if (has_prefix_nocase (p, end, "<!doctype html") || has_prefix_nocase (p, end, "<html") ||
      (has_prefix_nocase (p, end, "<") &&
       (g_strstr_len (p, end - p, "<body") || g_strstr_len (p, end - p, "<BODY") ||
        g_strstr_len (p, end - p, "<p>") || g_strstr_len (p, end - p, "<head"))))
    return DOSSIER_IMPORT_FORMAT_HTML;

  if (name_hint != NULL &&
      (g_str_has_suffix (name_hint, ".json") || g_str_has_suffix (name_hint, ".dossier")))
    return DOSSIER_IMPORT_FORMAT_JSON;

  /* Named .pdf but without the header: the PDF importer says what is wrong. */
  if (name_hint != NULL && (g_str_has_suffix (name_hint, ".pdf") || g_str_has_suffix (name_hint, ".PDF")))
    return DOSSIER_IMPORT_FORMAT_PDF;

  if (name_hint != NULL &&
      (g_str_has_suffix (name_hint, ".html") || g_str_has_suffix (name_hint, ".htm") ||
       g_str_has_suffix (name_hint, ".xhtml") || g_str_has_suffix (name_hint, ".mhtml") ||
       g_str_has_suffix (name_hint, ".mht")))
    return DOSSIER_IMPORT_FORMAT_HTML;

  /* A page saved as one file (.mhtml): a MIME message around the HTML. */
  if ((has_prefix_nocase (p, end, "From:") || has_prefix_nocase (p, end, "MIME-Version:") ||
       has_prefix_nocase (p, end, "Snapshot-Content-Location:")) &&
      g_strstr_len (p, end - p, "multipart/related") != NULL)
    return DOSSIER_IMPORT_FORMAT_HTML;

  return DOSSIER_IMPORT_FORMAT_TEXT;
}

static DossierDocument *
import_json (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autofree char *text = NULL;

  /* Documents are UTF-8 by definition, but tolerate a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  return dossier_document_from_json (data, length, error);
}

static DossierDocument *
import_text (const char  *data,
             gsize        length,
             const char  *name_hint,
             GError     **error)
{
  g_autofree char *text = dossier_decode_text (data, length, error);

  if (text == NULL)
    return NULL;

  return dossier_text_importer_import (text, name_hint, error);
}

/* Every importer ends here, whatever it read: no field of what reaches
 * the library is over its limit (dossier-limits.h), and the message names
 * the field, the paragraph or the footnote. */
static DossierDocument *
check_limits (DossierDocument  *document,
              GError          **error)
{
  g_autoptr(DossierDocument) checked = document;

  if (checked == NULL || !dossier_document_check_limits (checked, error))
    return NULL;

  return g_steal_pointer (&checked);
}

/**
 * dossier_import_bytes:
 * @bytes: the content of a file or a download (untrusted)
 * @format: how to read it
 * @name_hint: (nullable): the file name or URL it came from, used to guess
 *   the format and as a last resort for the title
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
DossierDocument *
dossier_import_bytes (GBytes               *bytes,
                      DossierImportFormat   format,
                      const char           *name_hint,
                      GError              **error)
{
  return dossier_import_bytes_full (bytes, format, name_hint, NULL, NULL, NULL, error);
}

/**
 * dossier_import_bytes_full:
 * @cancellable: (nullable): stops a long import (a PDF, between pages)
 * @progress: (nullable) (scope call): told of each page of a PDF read
 *
 * dossier_import_bytes() for long files.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
DossierDocument *
dossier_import_bytes_full (GBytes                     *bytes,
                           DossierImportFormat         format,
                           const char                 *name_hint,
                           GCancellable               *cancellable,
                           DossierImportProgressFunc   progress,
                           gpointer                    progress_data,
                           GError                    **error)
{
  g_autoptr(DossierDocument) document = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || data == NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  if (length > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be an article (more than %d MiB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (format == DOSSIER_IMPORT_FORMAT_AUTO)
    format = dossier_import_guess_format (name_hint, data, length);

  switch (format)
    {
    case DOSSIER_IMPORT_FORMAT_JSON:
      document = import_json (data, length, error);
      break;

    case DOSSIER_IMPORT_FORMAT_HTML:
      document = dossier_html_importer_import (data, length, NULL, NULL, name_hint, error);
      break;

    case DOSSIER_IMPORT_FORMAT_PDF:
      document = dossier_pdf_importer_import (bytes, name_hint, cancellable, progress, progress_data, error);
      break;

    case DOSSIER_IMPORT_FORMAT_TEXT:
    case DOSSIER_IMPORT_FORMAT_AUTO:
    default:
      document = import_text (data, length, name_hint, error);
      break;
    }

  return check_limits (g_steal_pointer (&document), error);
}

/**
 * dossier_import_file:
 * @file: a local file
 *
 * Reads and imports @file, refusing directories, special files and files
 * over %DOSSIER_IMPORT_MAX_SIZE before reading them.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
DossierDocument *
dossier_import_file (GFile                *file,
                     DossierImportFormat   format,
                     GCancellable         *cancellable,
                     GError              **error)
{
  return dossier_import_file_full (file, format, cancellable, NULL, NULL, error);
}

/**
 * dossier_import_file_full:
 * @cancellable: (nullable): stops a paginated import between pages
 * @progress: (nullable): called from this thread after each page of a
 *   paginated file
 *
 * Like dossier_import_file(), reporting progress.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_import_file_full (GFile                      *file,
                          DossierImportFormat         format,
                          GCancellable               *cancellable,
                          DossierImportProgressFunc   progress,
                          gpointer                    progress_data,
                          GError                    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_REGULAR_FILE,
                           g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                             ? _("This is a folder, not a file")
                             : _("This is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be an article (more than %d MiB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  basename = g_file_get_basename (file);
  return dossier_import_bytes_full (bytes, format, basename, cancellable, progress, progress_data, error);
}

typedef struct {
  GFile *file;
  DossierImportFormat format;

  /* Progress, passed from the worker to the caller's main context: the
   * latest figures, and whether a delivery is already on its way (pages
   * come faster than a busy main loop takes them). */
  GMainContext *context;
  DossierImportProgressFunc progress;
  gpointer progress_data;
  GMutex lock;
  guint done;
  guint total;
  gboolean delivery_queued;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_mutex_clear (&data->lock);
  g_free (data);
}

/* In the caller's main context: the latest figures, unless the import
 * has ended (its callback may have freed what @progress_data points to). */
static gboolean
deliver_progress (gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  guint done, total;

  g_mutex_lock (&data->lock);
  done = data->done;
  total = data->total;
  data->delivery_queued = FALSE;
  g_mutex_unlock (&data->lock);

  if (!g_task_get_completed (task) && !g_task_had_error (task))
    data->progress (done, total, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
queue_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  gboolean queue;

  g_mutex_lock (&data->lock);
  data->done = done;
  data->total = total;
  queue = !data->delivery_queued;
  data->delivery_queued = TRUE;
  g_mutex_unlock (&data->lock);

  if (queue)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress,
                                g_object_ref (task), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  DossierDocument *document = dossier_import_file_full (data->file, data->format, cancellable,
                                                        data->progress != NULL ? queue_progress : NULL,
                                                        task, &error);

  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_import_file_async:
 *
 * Imports @file on a worker thread so the interface never waits on a
 * large or slow file.
 */
void
dossier_import_file_async (GFile               *file,
                           DossierImportFormat  format,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  dossier_import_file_progress_async (file, format, cancellable, NULL, NULL, callback, user_data);
}

/**
 * dossier_import_file_progress_async:
 * @progress: (nullable): called in the caller's thread-default main
 *   context as pages are read (the latest figures; some are skipped when
 *   pages come faster than the main loop runs), and never after @callback
 * @progress_data: for @progress; must live until @callback has run
 *
 * Like dossier_import_file_async(), telling how far a long paginated
 * import (a PDF) has come.
 */
void
dossier_import_file_progress_async (GFile                     *file,
                                    DossierImportFormat        format,
                                    GCancellable              *cancellable,
                                    DossierImportProgressFunc  progress,
                                    gpointer                   progress_data,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->format = format;
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  g_mutex_init (&data->lock);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * dossier_import_file_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_import_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dossier_import_web_page:
 * @bytes: a downloaded page (untrusted)
 * @uri: the address it came from, recorded as the document's source
 * @content_type: (nullable): the MIME type the server declared
 * @charset: (nullable): the charset the server declared
 *
 * Imports a download: a PDF as a PDF, plain text as text, anything else
 * as a web page.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
DossierDocument *
dossier_import_web_page (GBytes      *bytes,
                         const char  *uri,
                         const char  *content_type,
                         const char  *charset,
                         GError     **error)
{
  g_autoptr(DossierDocument) document = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || data == NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The page is empty"));
      return NULL;
    }

  if (length > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be an article (more than %d MiB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* A report linked from a web page is often a PDF, whatever the server
   * calls it. */
  if (g_strcmp0 (content_type, "application/pdf") == 0 || dossier_pdf_is_pdf (data, length))
    {
      g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
      g_autofree char *name = parsed ? g_path_get_basename (g_uri_get_path (parsed)) : NULL;

      document = dossier_pdf_importer_import (bytes, name, NULL, NULL, NULL, error);
    }
  else if (g_strcmp0 (content_type, "text/plain") == 0 &&
      dossier_import_guess_format (NULL, data, length) == DOSSIER_IMPORT_FORMAT_TEXT)
    {
      g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
      g_autofree char *name = parsed ? g_path_get_basename (g_uri_get_path (parsed)) : NULL;

      document = import_text (data, length, name, error);
    }
  else
    document = dossier_html_importer_import (data, length, charset, uri, NULL, error);

  if (document != NULL)
    dossier_document_set_source_url (document, uri);

  return check_limits (g_steal_pointer (&document), error);
}

typedef struct {
  char *uri;
  GBytes *bytes;
  char *content_type;
  char *charset;
} WebData;

static void
web_data_free (WebData *data)
{
  g_free (data->uri);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->content_type);
  g_free (data->charset);
  g_free (data);
}

static void
web_import_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  WebData *data = task_data;
  GError *error = NULL;
  DossierDocument *document = dossier_import_web_page (data->bytes, data->uri, data->content_type,
                                                       data->charset, &error);

  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
web_download_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WebData *data = g_task_get_task_data (task);
  g_autofree char *final_uri = NULL;
  GError *error = NULL;

  data->bytes = dossier_fetch_download_finish (DOSSIER_FETCH (source), result, &final_uri,
                                               &data->content_type, &data->charset, &error);
  if (data->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (final_uri != NULL)
    {
      g_free (data->uri);
      data->uri = g_steal_pointer (&final_uri);
    }

  /* Parsing a large page takes a moment: off the main thread. */
  g_task_run_in_thread (task, web_import_thread);
}

/**
 * dossier_import_uri_async:
 * @uri: an http or https address
 * @fetch: (nullable): the downloader to use, for its progress properties
 *   and limits; a default one is used when %NULL
 * @cancellable: (nullable): cancels the download and the import
 *
 * Downloads a web page and imports it, recording the address (after
 * redirects) as the document's source.
 */
void
dossier_import_uri_async (const char          *uri,
                          DossierFetch        *fetch,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(DossierFetch) owned = NULL;
  GTask *task;
  WebData *data;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (fetch == NULL || DOSSIER_IS_FETCH (fetch));

  if (fetch == NULL)
    fetch = owned = dossier_fetch_new ();

  data = g_new0 (WebData, 1);
  data->uri = g_strdup (uri);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_import_uri_async);
  g_task_set_task_data (task, data, (GDestroyNotify)web_data_free);
  /* The task keeps the downloader alive until the download ends. */
  g_object_set_data_full (G_OBJECT (task), "fetch", g_object_ref (fetch), g_object_unref);

  dossier_fetch_download_async (fetch, uri, cancellable, web_download_cb, task);
}

/**
 * dossier_import_uri_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_import_uri_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
