/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include "dossier-export-task.h"
#include "dossier-paper.h"

typedef struct {
  DossierLayoutDocument *document;
  GFile *file;
  gpointer options;
  GDestroyNotify options_free;
  DossierExportFunc func;
  DossierExportBusyFunc busy_func;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->document);
  g_clear_object (&export->file);
  if (export->options_free != NULL)
    g_clear_pointer (&export->options, export->options_free);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (export->func (source_object, export->document, export->file, export->options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *export = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  export->busy_func (source, FALSE, written);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_export_task_run:
 * @exporter: the exporter, the source of the result
 * @source_tag: its export_async() function
 * @document: the document to export; a copy is taken, so the caller may
 *   go on editing it
 * @file: the file to write
 * @options: (nullable): for @func: what it needs of the exporter's
 *   settings, taken now
 * @options_free: (nullable): frees @options
 * @func: writes the file, on a worker thread
 * @busy_func: called as the export starts and ends, in the caller's context
 * @cancellable: (nullable): a cancellable
 * @callback: called when the file is written or has failed
 * @user_data: data for @callback
 */
void
dossier_export_task_run (gpointer                exporter,
                         gpointer                source_tag,
                         DossierLayoutDocument  *document,
                         GFile                  *file,
                         gpointer                options,
                         GDestroyNotify          options_free,
                         DossierExportFunc       func,
                         DossierExportBusyFunc   busy_func,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (exporter, cancellable, callback, user_data);
  g_autoptr(GTask) thread_task = NULL;
  ExportData *export = g_new0 (ExportData, 1);

  g_task_set_source_tag (task, source_tag);
  export->document = dossier_layout_document_copy (document);
  export->file = g_object_ref (file);
  export->options = options;
  export->options_free = options_free;
  export->func = func;
  export->busy_func = busy_func;

  busy_func (exporter, TRUE, FALSE);
  thread_task = g_task_new (exporter, cancellable, export_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, export_thread);
  g_task_set_task_data (thread_task, export, export_data_free);
  g_task_run_in_thread (thread_task, export_thread);
}

/**
 * dossier_export_task_finish:
 * @exporter: the exporter
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was written
 */
gboolean
dossier_export_task_finish (gpointer       exporter,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, exporter), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dossier_export_count_busy:
 * @busy: an exporter's count of exports under way
 * @started: %TRUE as one starts, %FALSE as one ends
 *
 * Returns: whether the exporter went from idle to busy or back, and so
 *   its busy property has to be notified
 */
gboolean
dossier_export_count_busy (guint    *busy,
                           gboolean  started)
{
  gboolean was_busy = *busy > 0;

  if (started)
    (*busy)++;
  else if (*busy > 0)
    (*busy)--;
  return was_busy != (*busy > 0);
}

/**
 * dossier_export_paper_pspec:
 *
 * Returns: (transfer floating): the "paper" property: a #DossierPaper
 */
GParamSpec *
dossier_export_paper_pspec (void)
{
  return g_param_spec_enum ("paper", NULL, NULL, DOSSIER_TYPE_PAPER, DOSSIER_PAPER_A4,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/**
 * dossier_export_justify_pspec:
 *
 * Returns: (transfer floating): the "justify" property: justified body
 *   text rather than ragged right
 */
GParamSpec *
dossier_export_justify_pspec (void)
{
  return g_param_spec_boolean ("justify", NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/**
 * dossier_export_busy_pspec:
 *
 * Returns: (transfer floating): an exporter's read-only "busy" property:
 *   whether an asynchronous export is under way
 */
GParamSpec *
dossier_export_busy_pspec (void)
{
  return g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}
