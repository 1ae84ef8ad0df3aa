/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-app"

#include "config.h"

#include <glib/gi18n.h>

#include "formats/dossier-reference.h"
#include "importers/dossier-reference-import.h"
#include "dossier-window-private.h"

/*
 * The window and reference managers: importing a Zotero, JabRef or
 * EndNote export (every entry a library entry), and copying the chosen
 * articles' references as BibTeX or CSL-JSON. The importers read the
 * file; the window only stores what they made.
 */

typedef struct {
  DossierWindow *self;
  char *name;
  GPtrArray *problems;
} ReferenceImport;

static void
reference_import_free (ReferenceImport *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
reference_import_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  ReferenceImport *data = task_data;
  GError *error = NULL;
  GPtrArray *entries = dossier_reference_import_file (G_FILE (source_object), DOSSIER_REFERENCE_FORMAT_NONE,
                                                      data->problems, cancellable, &error);

  if (entries != NULL)
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/* The Details dialog lists this many entries at most; a hostile file may
 * have thousands of broken ones, and a dialog is not a log. */
#define MAX_LISTED 50

static void
list_entry (GString      *details,
            guint        *n_listed,
            const GError *error)
{
  if (*n_listed < MAX_LISTED)
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", error->message);
  (*n_listed)++;
}

/* One toast for what was left out, whose Details name each entry and why,
 * as the CLI does. */
static void
toast_left_out (DossierWindow *self,
                const char    *name,
                guint          failed,
                guint          skipped,
                GString       *details,
                guint          n_listed)
{
  g_autofree char *not_read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry could not be read",
                                                            "%u entries could not be read", failed), failed);
  g_autofree char *already = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was already in the library",
                                                           "%u were already in the library", skipped), skipped);
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  AdwToast *toast;

  if (failed > 0 && skipped > 0)
    summary = g_strdup_printf ("%s: %s; %s", name, not_read, already);
  else
    summary = g_strdup_printf ("%s: %s", name, failed > 0 ? not_read : already);

  if (n_listed > MAX_LISTED)
    {
      g_string_append_c (details, '\n');
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "…and %u more entry",
                                                    "…and %u more entries", n_listed - MAX_LISTED),
                              n_listed - MAX_LISTED);
    }

  escaped = g_markup_escape_text (summary, -1);
  toast = adw_toast_new (escaped);
  if (details->len > 0)
    {
      heading = g_strdup_printf (_("Entries of “%s” Not Imported"), name);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-details");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", heading, details->str));
    }
  dossier_window_add_toast (self, toast);
}

static void
reference_import_ready_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  ReferenceImport *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  guint skipped = 0, failed = data->problems->len, n_listed = 0;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The window is closing. */
      reference_import_free (data);
      return;
    }
  self->pending_imports--;
  for (guint i = 0; i < data->problems->len; i++)
    list_entry (details, &n_listed, data->problems->pdata[i]);

  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), data->name, error->message);
      g_autofree char *short_message = g_strdup_printf (_("Could not import “%s”"), data->name);

      _dossier_window_toast_message (self, message, short_message, _("Could Not Import"), NULL);
    }
  else if (self->library != NULL && dossier_library_begin_batch (self->library, &error))
    {
      for (guint i = 0; i < entries->len; i++)
        {
          DossierReferenceEntry *entry = entries->pdata[i];
          g_autoptr(GError) local_error = NULL;
          g_autofree char *id = dossier_library_add (self->library, entry->document, &local_error);

          if (id != NULL)
            {
              self->imported++;
              g_free (self->last_imported_id);
              self->last_imported_id = g_steal_pointer (&id);
            }
          else
            {
              g_autoptr(GError) entry_error = dossier_reference_entry_error (entry->position, entry->key,
                                                                             local_error);

              if (g_error_matches (local_error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE))
                skipped++;
              else
                failed++;
              list_entry (details, &n_listed, entry_error);
            }
        }
      if (!dossier_library_end_batch (self->library, &error))
        _dossier_window_toast_printf (self, _("Could not import “%s”: %s"), data->name, error->message);
    }
  else if (error != NULL)
    _dossier_window_toast_printf (self, _("Could not import “%s”: %s"), data->name, error->message);

  if (failed > 0 || skipped > 0)
    toast_left_out (self, data->name, failed, skipped, details, n_listed);

  _dossier_window_import_finished (self);
  reference_import_free (data);
}

/**
 * _dossier_window_import_references:
 *
 * Starts importing @file as a reference manager's export when it is one.
 *
 * Returns: whether it is one (and its import was started)
 */
gboolean
_dossier_window_import_references (DossierWindow *self,
                                   GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  ReferenceImport *data;

  if (!g_file_is_native (file) || dossier_reference_import_sniff (file) == DOSSIER_REFERENCE_FORMAT_NONE)
    return FALSE;

  data = g_new0 (ReferenceImport, 1);
  data->self = g_object_ref (self);
  data->name = g_file_get_basename (file);
  data->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->pending_imports++;

  task = g_task_new (file, self->cancellable, reference_import_ready_cb, data);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, reference_import_thread);
  return TRUE;
}

static void
copy_references (DossierWindow          *self,
                 DossierReferenceFormat  format,
                 const char             *done)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  if (self->library == NULL)
    return;
  ids = _dossier_window_dup_target_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      DossierDocument *document = dossier_library_get_document (self->library, ids->pdata[i]);

      if (document != NULL)
        g_ptr_array_add (documents, dossier_document_dup_metadata (document));
    }
  if (documents->len == 0)
    return;

  text = dossier_reference_write (format, documents, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  dossier_window_add_toast (self, adw_toast_new (done));
}

static void
copy_bibtex_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  copy_references (DOSSIER_WINDOW (widget), DOSSIER_REFERENCE_FORMAT_BIBTEX, _("BibTeX copied"));
}

static void
copy_csl_json_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy_references (DOSSIER_WINDOW (widget), DOSSIER_REFERENCE_FORMAT_CSL_JSON, _("CSL-JSON copied"));
}

void
_dossier_window_references_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-bibtex", NULL, copy_bibtex_action);
  gtk_widget_class_install_action (widget_class, "win.copy-csl-json", NULL, copy_csl_json_action);
}
