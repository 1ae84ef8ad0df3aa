/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "formats/dossier-file-save.h"
#include "dossier-time-label.h"
#include "dossier-window-private.h"

/*
 * DossierWindow's memo page: starting, opening, saving and closing the
 * memo (asking about unsaved changes), adding passages, recent memos on
 * the welcome page and recovery after a crash.
 */

/* ------------------------------------------------------------------------ */
/* Memos                                                                    */

static void run_pending (DossierWindow *self);

gboolean
_dossier_window_memo_is_dirty (DossierWindow *self)
{
  if (self->memo_autosave == NULL)
    return FALSE;
  /* A memo restored from a recovery copy is unsaved until saved. */
  return dossier_memo_autosave_get_dirty (self->memo_autosave) || self->restored_from != NULL;
}

char *
_dossier_window_memo_display_name (DossierWindow *self)
{
  GFile *file = self->memo_autosave ? dossier_memo_autosave_get_file (self->memo_autosave) : NULL;

  if (self->memo_page != NULL)
    return dossier_memo_page_dup_title (self->memo_page);
  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (_("Unsaved Memo"));
}

void
_dossier_window_update_memo_actions (DossierWindow *self)
{
  gboolean have_memo = self->memo_page != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-memo", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-memo-as", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-memo", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-memo", have_memo);
  if (have_memo)
    dossier_memo_page_set_modified (self->memo_page, _dossier_window_memo_is_dirty (self));
  _dossier_window_update_title (self);
  /* A memo saved, opened or closed: a collection's Add Current Memo. */
  _dossier_window_update_collection_actions (self);
}

static void
forget_restored (DossierWindow *self)
{
  g_autoptr(GFile) restored = g_steal_pointer (&self->restored_from);
  g_autofree char *path = NULL;

  if (restored == NULL)
    return;
  path = g_file_get_path (restored);
  g_file_delete (restored, NULL, NULL);
  if (path != NULL && g_str_has_suffix (path, ".dossier-memo"))
    {
      g_autofree char *origin = NULL;

      path[strlen (path) - strlen (".dossier-memo")] = '\0';
      origin = g_strconcat (path, ".origin", NULL);
      g_unlink (origin);
    }
}

/* Recent Memos name each by its subject, kept with the entry. */
static void
add_recent (DossierWindow *self,
            GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = self->memo_page ? dossier_memo_page_dup_title (self->memo_page) : NULL;
  GtkRecentData data = {
    .display_name = title,
    .description = NULL,
    .mime_type = (char *) "application/x-dossier-memo",
    .app_name = (char *) "Dossier",
    .app_exec = (char *) "dossier %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* @show brings the memo to the front; a memo started for a passage
 * leaves the page the passage came from in front, rather than show the
 * memo and switch back within one frame (GTK then drew the reader page
 * before it had its size: "Trying to snapshot … without a current
 * allocation", a fatal warning in tests). */
static void
set_memo (DossierWindow *self,
          DossierMemo   *memo,
          GFile         *file,
          GFile         *restored_from,
          gboolean       show)
{
  GtkWidget *page;

  if (self->memo_autosave != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->memo_autosave, self);
      dossier_memo_autosave_discard (self->memo_autosave);
      g_clear_object (&self->memo_autosave);
    }
  forget_restored (self);
  if (self->memo_page != NULL)
    {
      GtkWidget *old = GTK_WIDGET (g_steal_pointer (&self->memo_page));
      gtk_stack_remove (self->main_stack, old);
    }
  if (memo == NULL)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "memo") == 0 ||
          gtk_stack_get_visible_child (self->main_stack) == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      _dossier_window_update_state (self);
      _dossier_window_update_memo_actions (self);
      return;
    }

  page = dossier_memo_page_new (memo);
  self->memo_page = DOSSIER_MEMO_PAGE (page);
  /* Folded, the memo's header has a way back to the library. */
  g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->main_stack, page, "memo");
  if (show)
    {
      gtk_stack_set_visible_child (self->main_stack, page);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
    }

  self->memo_autosave = dossier_memo_autosave_new (memo, file, NULL);
  /* The page's file choosers start from the memo's file. */
  g_object_bind_property (self->memo_autosave, "file", page, "file", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->memo_autosave, "notify::dirty", G_CALLBACK (_dossier_window_update_memo_actions), self);
  g_set_object (&self->restored_from, restored_from);
  if (file != NULL)
    add_recent (self, file);
  _dossier_window_update_state (self);
  _dossier_window_update_memo_actions (self);
}

/**
 * dossier_window_get_memo_page:
 *
 * Returns: (transfer none) (nullable): the open memo's page
 */
DossierMemoPage *
dossier_window_get_memo_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_page;
}

/**
 * dossier_window_get_memo_file:
 *
 * Returns: (transfer none) (nullable): where the open memo is saved
 */
GFile *
dossier_window_get_memo_file (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_autosave ? dossier_memo_autosave_get_file (self->memo_autosave) : NULL;
}

/**
 * dossier_window_get_memo_autosave:
 *
 * Returns: (transfer none) (nullable): the open memo's autosaver
 */
DossierMemoAutosave *
dossier_window_get_memo_autosave (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_autosave;
}

typedef struct
{
  DossierWindow *self;
  GFile *file;
  DossierMemo *memo;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->memo);
  g_free (data);
}

static void
memo_saved_to_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!dossier_file_save_contents_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast_printf (self, _("Could not save the memo: %s"), error->message);
      self->pending = PENDING_NONE;
      save_data_free (data);
      return;
    }
  if (self->memo_autosave != NULL &&
      dossier_memo_autosave_get_memo (self->memo_autosave) == data->memo)
    {
      dossier_memo_autosave_set_file (self->memo_autosave, data->file);
      dossier_memo_autosave_mark_saved (self->memo_autosave);
      add_recent (self, data->file);
      forget_restored (self);
    }
  _dossier_window_update_memo_actions (self);
  save_data_free (data);
  run_pending (self);
}

/**
 * dossier_window_save_memo_to:
 * @file: where to save the open memo
 *
 * Saves the open memo to @file (atomically, off the main thread); it is
 * then the memo's file. If it cannot be written (a full disk, a folder
 * or a device chosen as @file) a toast says why and the old file stays.
 */
void
dossier_window_save_memo_to (DossierWindow *self,
                             GFile         *file)
{
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  char *json;
  gsize length;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->memo_autosave == NULL)
    return;
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->memo = g_object_ref (dossier_memo_autosave_get_memo (self->memo_autosave));
  /* Serialised now, so later edits do not race the write; written
   * atomically without blocking. */
  json = dossier_memo_to_json (data->memo, &length);
  bytes = g_bytes_new_take (json, length);
  self->saving++;
  dossier_file_save_contents_async (file, bytes, self->cancellable, memo_saved_to_cb, data);
}

/**
 * dossier_window_get_n_pending_saves:
 *
 * Returns: how many memo saves are under way (for tests)
 */
guint
dossier_window_get_n_pending_saves (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);
  return self->saving;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DossierWindow   *self)
{
  g_autoptr(GFile) file = _dossier_window_chooser_take_file (dialog, response);

  if (file == NULL)
    {
      self->pending = PENDING_NONE;
      return;
    }
  if (!g_str_has_suffix (g_file_peek_path (file) ?: "", ".dossier-memo"))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *with_suffix = g_strconcat (uri, ".dossier-memo", NULL);

      g_set_object (&file, NULL);
      file = g_file_new_for_uri (with_suffix);
    }
  dossier_window_save_memo_to (self, file);
}

void
_dossier_window_save_memo_as (DossierWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->memo_autosave == NULL)
    return;
  file = dossier_memo_autosave_get_file (self->memo_autosave);

  dialog = _dossier_window_new_file_chooser (self, _("Save Memo"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                             _("Dossier Memos"), "application/x-dossier-memo", "*.dossier-memo");
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else if (self->memo_page != NULL)
    {
      /* Named after the subject (without portion mark or placeholders),
       * in Documents, not the working directory. */
      g_autoptr(GFile) suggested = dossier_memo_page_suggest_file (self->memo_page, ".dossier-memo");
      g_autoptr(GFile) folder = g_file_get_parent (suggested);

      name = g_file_get_basename (suggested);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_dossier_window_save_memo (DossierWindow *self)
{
  GFile *file;

  if (self->memo_autosave == NULL)
    return;
  file = dossier_memo_autosave_get_file (self->memo_autosave);
  if (file == NULL)
    _dossier_window_save_memo_as (self);
  else
    dossier_window_save_memo_to (self, file);
}

static void
memo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(GError) error = NULL;

  self->saving--;
  memo = dossier_memo_load_finish (result, &error);
  if (memo == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (data->file);
          _dossier_window_toast_printf (self, _("Could not open %s: %s"), name, error->message);
        }
    }
  else
    set_memo (self, memo, data->file, NULL, TRUE);
  save_data_free (data);
}

static void
load_memo_file (DossierWindow *self,
                GFile         *file)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  self->saving++;
  dossier_memo_load_async (file, self->cancellable, memo_loaded_cb, data);
}

static void
open_memo_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       DossierWindow   *self)
{
  g_autoptr(GFile) file = _dossier_window_chooser_take_file (dialog, response);

  if (file != NULL)
    load_memo_file (self, file);
}

static void
show_open_memo_chooser (DossierWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = _dossier_window_new_file_chooser (self, _("Open Memo"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                             _("Dossier Memos"), "application/x-dossier-memo", "*.dossier-memo");
  g_signal_connect (dialog, "response", G_CALLBACK (open_memo_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
run_pending (DossierWindow *self)
{
  int pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_CLOSE:
      if (self->memo_autosave != NULL)
        dossier_memo_autosave_discard (self->memo_autosave);
      forget_restored (self);
      self->close_confirmed = TRUE;
      /* Not from inside the dialog's response: the dialog still refers
       * to the window it is transient for. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb, g_object_ref (self), g_object_unref);
      break;
    case PENDING_NEW:
      {
        g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (self->pending_kind);
        set_memo (self, memo, NULL, NULL, TRUE);
      }
      break;
    case PENDING_OPEN_FILE:
      if (file != NULL)
        load_memo_file (self, file);
      break;
    case PENDING_OPEN_CHOOSER:
      show_open_memo_chooser (self);
      break;
    case PENDING_CLOSE_MEMO:
      set_memo (self, NULL, NULL, NULL, TRUE);
      break;
    default:
      break;
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DossierWindow    *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    run_pending (self);
  else if (g_strcmp0 (response, "save") == 0)
    _dossier_window_save_memo (self);  /* runs the pending step once saved */
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* Runs @pending now if the open memo has no unsaved changes, else after
 * asking whether to save them. */
void
_dossier_window_after_memo_confirmed (DossierWindow *self,
                                      int            pending)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  self->pending = pending;
  if (!_dossier_window_memo_is_dirty (self))
    {
      run_pending (self);
      return;
    }

  name = _dossier_window_memo_display_name (self);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The memo has changes that are not saved. "
                                     "If you do not save them, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * dossier_window_new_memo:
 * @kind: the template
 *
 * Starts a memo from a template (after asking about unsaved changes to
 * the open one).
 */
void
dossier_window_new_memo (DossierWindow   *self,
                         DossierMemoKind  kind)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  self->pending_kind = kind;
  _dossier_window_after_memo_confirmed (self, PENDING_NEW);
}

/**
 * dossier_window_open_memo:
 * @file: a `.dossier-memo` file
 *
 * Opens the memo in the memo page (after asking about unsaved changes to
 * the open one).
 */
void
dossier_window_open_memo (DossierWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->pending_file, file);
  _dossier_window_after_memo_confirmed (self, PENDING_OPEN_FILE);
}

/* Returns whether a memo had to be started (behind the page in front). */
gboolean
_dossier_window_ensure_memo (DossierWindow *self)
{
  g_autoptr(DossierMemo) memo = NULL;

  if (self->memo_page != NULL)
    return FALSE;
  memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_POLICY_BRIEF);
  set_memo (self, memo, NULL, NULL, FALSE);
  return TRUE;
}

/* One message for both: a memo started and the passage added. */
void
_dossier_window_toast_added (DossierWindow *self,
                             gboolean       started)
{
  AdwToast *toast = adw_toast_new (started ? _("Started a policy brief with the passage")
                                           : _("Added to the memo"));

  adw_toast_set_button_label (toast, _("_Show Memo"));
  adw_toast_set_action_name (toast, "win.show-memo");
  dossier_window_add_toast (self, toast);
}

/* Adds the reader's selection with its citation to the memo: as a quote
 * block, or (@in_text) as a quotation at the memo's cursor. */
static gboolean
add_selection_to_memo (DossierWindow *self,
                       gboolean       in_text)
{
  DossierCitation *added;
  DossierReaderView *view;
  DossierDocument *document;
  guint first_paragraph, first_offset, last_paragraph, last_offset, end;
  const char *visible;
  gboolean started;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  view = dossier_reader_page_get_view (self->reader_page);
  document = dossier_reader_view_get_document (view);
  if (document == NULL ||
      !dossier_reader_view_get_selection_range (view, &first_paragraph, &first_offset, &last_paragraph, &last_offset))
    {
      dossier_window_add_toast (self, adw_toast_new (_("Select a passage to add it to the memo")));
      return FALSE;
    }

  /* An excerpt is one paragraph: a selection running on is cut at the end
   * of its first paragraph. */
  if (last_paragraph == first_paragraph)
    end = last_offset;
  else
    {
      g_autoptr(DossierParagraph) paragraph =
        g_list_model_get_item (dossier_document_get_paragraphs (document), first_paragraph);
      end = paragraph ? (guint) g_utf8_strlen (dossier_paragraph_get_text (paragraph), -1) : first_offset;
    }
  if (end <= first_offset)
    return FALSE;

  visible = gtk_stack_get_visible_child_name (self->main_stack);
  started = _dossier_window_ensure_memo (self);
  if (in_text)
    added = dossier_memo_page_quote_excerpt (self->memo_page, document, first_paragraph, first_offset, end);
  else
    added = dossier_memo_page_add_excerpt (self->memo_page, document, first_paragraph, first_offset, end);
  if (added == NULL)
    {
      dossier_window_add_toast (self, adw_toast_new (_("Could not add the passage to the memo")));
      return FALSE;
    }
  /* Stay in the article: the analyst usually collects several passages. */
  if (g_strcmp0 (visible, "reader") != 0)
    {
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->memo_page));
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
    }
  _dossier_window_toast_added (self, started);
  return TRUE;
}

/**
 * dossier_window_add_selection_to_memo:
 *
 * Adds the reader's selection with its citation to the open memo, as a
 * quote block, starting a policy brief if none is open.
 *
 * Returns: whether something was added
 */
gboolean
dossier_window_add_selection_to_memo (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return add_selection_to_memo (self, FALSE);
}

/**
 * dossier_window_quote_selection_in_memo:
 *
 * Puts the reader's selection in the memo's running text, as a quotation
 * with its note at the memo's cursor (see dossier_memo_page_quote_excerpt()),
 * starting a policy brief if none is open.
 *
 * Returns: whether something was added
 */
gboolean
dossier_window_quote_selection_in_memo (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return add_selection_to_memo (self, TRUE);
}

/**
 * dossier_window_add_note_to_memo:
 * @document: the article the note is about
 * @note: the analyst's note (an article's or a highlight's)
 * @locator: (nullable): the page of a highlight in a PDF
 *
 * Adds @note with the citation of @document to the open memo (see
 * dossier_memo_page_add_note()), starting a policy brief if none is open.
 * A blank note adds nothing and starts no memo.
 *
 * Returns: whether something was added
 */
gboolean
dossier_window_add_note_to_memo (DossierWindow   *self,
                                 DossierDocument *document,
                                 const char      *note,
                                 const char      *locator)
{
  g_autofree char *trimmed = NULL;
  const char *visible;
  AdwToast *toast;
  gboolean started;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), FALSE);

  trimmed = g_strstrip (g_strdup (note ? note : ""));
  if (*trimmed == '\0')
    return FALSE;

  visible = gtk_stack_get_visible_child_name (self->main_stack);
  started = _dossier_window_ensure_memo (self);
  if (dossier_memo_page_add_note (self->memo_page, document, note, locator) == NULL)
    return FALSE;
  /* Stay in the article, as Add to Memo does. */
  if (g_strcmp0 (visible, "reader") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "reader");
  toast = adw_toast_new (started ? _("Started a policy brief with the note") : _("Added to the memo"));
  adw_toast_set_button_label (toast, _("_Show Memo"));
  adw_toast_set_action_name (toast, "win.show-memo");
  dossier_window_add_toast (self, toast);
  return TRUE;
}

/* The paragraph selected in the comparison (the pane with the focus
 * first) goes to the memo whole. */
gboolean
_dossier_window_add_compare_paragraph_to_memo (DossierWindow *self)
{
  DossierComparison *comparison = dossier_compare_page_get_comparison (self->compare_page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean sides[2] = { TRUE, FALSE };
  gboolean started;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (dossier_compare_page_get_list (self->compare_page, FALSE))))
    {
      sides[0] = FALSE;
      sides[1] = TRUE;
    }

  for (guint i = 0; i < 2; i++)
    {
      GtkListBox *list = dossier_compare_page_get_list (self->compare_page, sides[i]);
      GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
      DossierDocument *document = sides[i] ? dossier_comparison_get_left (comparison) : dossier_comparison_get_right (comparison);
      g_autoptr(DossierParagraph) paragraph = NULL;
      guint index, length;

      if (row == NULL || document == NULL)
        continue;
      index = (guint) gtk_list_box_row_get_index (row);
      paragraph = g_list_model_get_item (dossier_document_get_paragraphs (document), index);
      length = paragraph ? (guint) g_utf8_strlen (dossier_paragraph_get_text (paragraph), -1) : 0;
      if (length == 0)
        continue;

      started = _dossier_window_ensure_memo (self);
      if (dossier_memo_page_add_excerpt (self->memo_page, document, index, 0, length) == NULL)
        break;
      _dossier_window_toast_added (self, started);
      return TRUE;
    }
  dossier_window_add_toast (self, adw_toast_new (_("Select a paragraph to add it to the memo")));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Recent memos and recovery                                                */

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *time_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (time_a, time_b);
}

#define MAX_RECENT_MEMOS 5

/* The folder a recent memo is in, by its name as Files shows it in its
 * sidebar ("Briefs", "Home"): the whole path is in the row's tooltip. */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *path = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);
  if (g_file_equal (parent, home))
    return g_strdup (_("Home"));
  path = g_file_get_path (parent);
  if (path == NULL)
    return g_file_get_parse_name (parent);
  return g_filename_display_basename (path);
}

static void
update_recent_memos (DossierWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_memos_menu);
  g_menu_remove_all (self->recent_memos_section);

  items = g_list_sort (items, compare_recent_newest_first);
  for (GList *l = items; l != NULL && shown < MAX_RECENT_MEMOS; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *where = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-dossier-memo") != 0 ||
          !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      /* The memo's subject when saved (the file's name before). */
      name = g_strdup (gtk_recent_info_get_display_name (info));
      /* Row titles are markup; file names are not. */
      escaped = g_markup_escape_text (name ?: "", -1);
      where = g_file_get_parse_name (file);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      g_free (escaped);
      folder = dup_folder_name (file);
      escaped = g_markup_escape_text (folder, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "dossier-file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      {
        /* Menu labels take "_" as a mnemonic: a subject's own is doubled. */
        g_auto(GStrv) parts = g_strsplit (name ?: "", "_", -1);
        g_autofree char *label = g_strjoinv ("__", parts);
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        g_menu_item_set_action_and_target_value (item, "win.open-recent-memo",
                                                 g_variant_new_string (gtk_recent_info_get_uri (info)));
        g_menu_append_item (self->recent_memos_menu, item);
      }
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (shown > 0)
    g_menu_append_submenu (self->recent_memos_section, _("_Recent Memos"), G_MENU_MODEL (self->recent_memos_menu));
  gtk_widget_set_visible (self->recent_label, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}

static void
recent_activated_cb (DossierWindow *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "dossier-file");

  if (file != NULL)
    dossier_window_open_memo (self, file);
}

static void
open_recent_memo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dossier_window_open_memo (DOSSIER_WINDOW (widget), file);
}

static gboolean
close_request_cb (DossierWindow *self)
{
  if (self->close_confirmed || !_dossier_window_memo_is_dirty (self))
    return FALSE;
  _dossier_window_after_memo_confirmed (self, PENDING_CLOSE);
  return TRUE;
}

/* After a crash: offer the recovery copies left behind. */
static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DossierWindow    *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "dossier-files");
  GFile *newest;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;

  if (files == NULL || files->len == 0)
    return;
  newest = g_ptr_array_index (files, 0);

  if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < files->len; i++)
        {
          g_set_object (&self->restored_from, g_ptr_array_index (files, i));
          forget_restored (self);
        }
      return;
    }
  if (g_strcmp0 (response, "restore") != 0)
    return;

  memo = dossier_memo_load_file (newest, NULL, &error);
  if (memo == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not restore the memo: %s"), error->message);
      return;
    }
  original = dossier_memo_autosave_dup_original (newest);
  set_memo (self, memo, original, newest, TRUE);
  _dossier_window_toast_printf (self, "%s", _("Memo restored; save it to keep it"));
}

/**
 * dossier_window_offer_recovery:
 *
 * If memos were left unsaved by a crash, asks whether to restore the most
 * recent one.
 *
 * Returns: (transfer none) (nullable): the dialog, if one is shown
 */
GtkWidget *
dossier_window_offer_recovery (DossierWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  files = dossier_memo_autosave_list_recoverable (NULL, &error);
  if (files == NULL || files->len == 0)
    return NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Memo?"), NULL);
  {
    /* Say which memo: its subject and when it was last changed. */
    GFile *newest = g_ptr_array_index (files, 0);
    g_autoptr(DossierMemo) memo = dossier_memo_load_file (newest, NULL, NULL);
    g_autoptr(GFileInfo) info = g_file_query_info (newest, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    g_autoptr(GDateTime) modified = info ? g_file_info_get_modification_date_time (info) : NULL;
    g_autoptr(GDateTime) local = modified ? g_date_time_to_local (modified) : NULL;
    g_autofree char *when = local ? dossier_time_label_format_now (local) : NULL;
    const char *subject = memo ? dossier_memo_get_subject (memo) : NULL;
    g_autofree char *body = NULL;

    if (subject != NULL && *subject != '\0' && when != NULL)
      /* TRANSLATORS: the memo's subject, then when it was last changed ("Today at 12:23") */
      body = g_strdup_printf (_("Dossier closed before the memo “%s” was saved. "
                                "Its last version was kept and can be restored.\n\nLast changed: %s"),
                              subject, when);
    else
      body = g_strdup (_("Dossier closed before a memo was saved. "
                         "Its last version was kept and can be restored."));
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Closing the dialog keeps the copies for next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "dossier-files", g_steal_pointer (&files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
offer_recovery_on_map (DossierWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, offer_recovery_on_map, NULL);
  /* A damaged library's dialog comes first. */
  if (self->open_error == NULL)
    dossier_window_offer_recovery (self);
}

void
_dossier_window_memo_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent-memo", "s", open_recent_memo_action);
}

void
_dossier_window_memo_init (DossierWindow *self)
{
  self->recent_memos_menu = g_menu_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_memos), self, G_CONNECT_SWAPPED);
  update_recent_memos (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (offer_recovery_on_map), NULL);
}
