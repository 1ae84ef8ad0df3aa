/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/dossier-library-collections.h"
#include "dossier-window-private.h"
#include "widgets/dossier-document-row.h"

/*
 * The win.* action handlers of DossierWindow and their dialogs (import,
 * add from the web, delete to the Trash with undo, details, compare,
 * matrix, memo), and
 * the table that installs them with their shortcuts.
 */

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      dossier_window_import_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Articles and references (text, web pages, PDFs, Dossier documents, "
                                      "BibTeX, RIS, CSL-JSON)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "pdf");
  /* A reference manager's export; a .json one is told apart by its content. */
  gtk_file_filter_add_suffix (filter, "bib");
  gtk_file_filter_add_suffix (filter, "ris");
  gtk_file_filter_add_mime_type (filter, "text/x-bibtex");
  gtk_file_filter_add_mime_type (filter, "application/x-research-info-systems");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text == NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

static void
web_address_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", is_web_address (text));
}

static void
web_address_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DossierWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "add") == 0 && is_web_address (text))
    dossier_window_import_uri (self, text);
}

static void
web_address_activate_cb (GtkEntry         *entry,
                         AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_from_web_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add from Web Address"),
                                   _("Dossier downloads the page and imports the article in it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Web address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (web_address_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (web_address_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (web_address_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------------------ */
/* Delete (to the Trash) with undo                                          */

typedef struct
{
  DossierLibrary *library;
  GPtrArray *ids;          /* of the documents moved to the Trash */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->library);
  g_clear_pointer (&deleted->ids, g_ptr_array_unref);
  g_free (deleted);
}

static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         DossierWindow *self)
{
  if (self->undo_toast == toast)
    {
      g_clear_object (&self->undo_toast);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
    }
}

/* Undo goes through the "win.undo" action (the toast's button, Ctrl+Z),
 * so only the latest change can be undone, and only while its toast shows. */
void
_dossier_window_show_undo_toast (DossierWindow *self,
                                 AdwToast      *toast)
{
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  g_set_object (&self->undo_toast, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  dossier_window_add_toast (self, toast);
}

/* Takes the deleted documents out of the Trash, with their highlights,
 * notes and reading positions. */
static void
undo_delete_cb (AdwToast      *toast,
                DossierWindow *self)
{
  Deleted *deleted = g_object_get_data (G_OBJECT (toast), "dossier-deleted");
  const char *reopen = NULL;

  for (guint i = 0; i < deleted->ids->len; i++)
    {
      const char *id = deleted->ids->pdata[i];
      g_autoptr(GError) error = NULL;

      if (!dossier_library_restore (deleted->library, id, &error))
        {
          _dossier_window_toast_printf (self, _("Could not restore the article: %s"), error->message);
          continue;
        }
      reopen = id;
    }

  if (deleted->ids->len == 1 && reopen != NULL && deleted->library == self->library)
    dossier_window_open_document (self, reopen);
}

static void
delete_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GPtrArray) ids = NULL;
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  Deleted *deleted;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (self->library == NULL)
    return;

  ids = _dossier_window_dup_target_ids (self);

  deleted = g_new0 (Deleted, 1);
  deleted->library = g_object_ref (self->library);
  deleted->ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      DossierDocument *document = dossier_library_get_document (self->library, id);
      g_autofree char *document_title = g_strdup (document ? dossier_document_get_title (document) : NULL);
      g_autoptr(GError) error = NULL;

      if (document == NULL)
        continue;
      if (open != NULL && g_strcmp0 (dossier_document_get_id (open), id) == 0)
        {
          dossier_reader_page_close (self->reader_page);
          open = NULL;
        }
      if (!dossier_library_remove (self->library, id, &error))
        {
          _dossier_window_toast_printf (self, _("Could not delete “%s”: %s"), document_title ?: "", error->message);
          continue;
        }
      if (title == NULL)
        title = g_steal_pointer (&document_title);
      g_ptr_array_add (deleted->ids, g_strdup (id));
    }

  if (deleted->ids->len == 0)
    {
      deleted_free (deleted);
      _dossier_window_update_state (self);
      return;
    }

  if (deleted->ids->len == 1)
    {
      g_autofree char *escaped = g_markup_escape_text (title ?: "", -1);
      g_autofree char *message = g_strdup_printf (_("“%s” moved to the Trash"), escaped);
      toast = adw_toast_new (message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article moved to the Trash",
                                                               "%u articles moved to the Trash",
                                                               deleted->ids->len),
                                                  deleted->ids->len);
      toast = adw_toast_new (message);
    }
  g_object_set_data_full (G_OBJECT (toast), "dossier-deleted", deleted, deleted_free);
  _dossier_window_show_undo_toast (self, toast);
  _dossier_window_update_state (self);
}

/* ------------------------------------------------------------------------ */
/* The Trash                                                                */

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->library == NULL)
    return;
  /* Nothing selected, so that picking any article goes back to the reader. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->trash_page));
  /* From the collections pane too, folded. */
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
}

static void
restore_document_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  DossierDocument *document;

  if (self->library == NULL)
    return;
  if (!dossier_library_restore (self->library, id, &error))
    {
      _dossier_window_toast_printf (self, _("Could not restore the article: %s"), error->message);
      return;
    }

  /* Back in the list, where it was. */
  document = dossier_library_get_document (self->library, id);
  _dossier_window_toast_printf (self, _("“%s” restored"),
                                document && dossier_document_get_title (document) ? dossier_document_get_title (document)
                                                                                  : _("Untitled"));
  _dossier_window_update_state (self);
}

static void
empty_trash_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DossierWindow    *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (g_strcmp0 (response, "empty") != 0 || self->library == NULL)
    return;
  if (!dossier_library_empty_trash (self->library, &n, &error))
    {
      _dossier_window_toast_printf (self, _("Could not empty the Trash: %s"), error->message);
      return;
    }
  _dossier_window_collections_changed (self);
  if (n > 0)
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article deleted for good",
                                                             "%u articles deleted for good", n), n);
    dossier_window_add_toast (self, adw_toast_new (message));
  }
}

/* Deleting for good is asked first, as the Files app does. */
static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  guint n = self->library != NULL ? g_list_model_get_n_items (dossier_library_get_trash (self->library)) : 0;
  g_autoptr(GListModel) collections = self->library != NULL ?
                                      dossier_library_list_trashed_collections (self->library, NULL) : NULL;
  guint n_collections = collections != NULL ? g_list_model_get_n_items (collections) : 0;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0 && n_collections == 0)
    return;

  /* What goes, what stays, and that it is final, as the Files app says
   * it ("permanently deleted"). Memo and comparison files are never in
   * the Trash: a collection only lists them. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    if (n > 0)
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u article in the Trash will be permanently deleted, with its "
                                                 "highlights and notes.",
                                                 "%u articles in the Trash will be permanently deleted, with their "
                                                 "highlights and notes.",
                                                 n), n);
    if (n_collections > 0)
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u collection in the Trash will be permanently deleted; its "
                                                   "articles, memos and comparisons stay where they are.",
                                                   "%u collections in the Trash will be permanently deleted; their "
                                                   "articles, memos and comparisons stay where they are.",
                                                   n_collections), n_collections);
      }
    g_string_append_c (text, ' ');
    g_string_append (text, _("This cannot be undone."));
    body = g_string_free (g_steal_pointer (&text), FALSE);
  }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Empty Trash?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_trash_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Metadata                                                                 */

static void
apply_metadata (DossierDocument *target,
                DossierDocument *source)
{
  GListModel *authors = dossier_document_get_authors (source);
  GListModel *notes = dossier_document_get_footnotes (source);

  g_object_freeze_notify (G_OBJECT (target));
  dossier_document_set_title (target, dossier_document_get_title (source));
  dossier_document_set_subtitle (target, dossier_document_get_subtitle (source));
  dossier_document_set_publisher (target, dossier_document_get_publisher (source));
  dossier_document_set_published (target, dossier_document_get_published (source));
  dossier_document_set_source_url (target, dossier_document_get_source_url (source));
  dossier_document_remove_all_authors (target);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      g_autoptr(DossierAuthor) copy = dossier_author_new (dossier_author_get_name (author));

      dossier_author_set_position (copy, dossier_author_get_position (author));
      dossier_author_set_affiliation (copy, dossier_author_get_affiliation (author));
      dossier_author_set_bio (copy, dossier_author_get_bio (author));
      dossier_document_add_author (target, copy);
    }
  dossier_document_set_key_points (target, dossier_document_get_key_points (source));
  dossier_document_set_pull_quotes (target, dossier_document_get_pull_quotes (source));
  /* By number, as the store matched them: the body's markers point there. */
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (notes, i);
      DossierFootnote *shown = dossier_document_lookup_footnote (target, dossier_footnote_get_number (note));

      if (shown == NULL)
        continue;
      dossier_footnote_set_text (shown, dossier_footnote_get_text (note));
      dossier_footnote_set_urls (shown, dossier_footnote_get_urls (note));
    }
  g_object_thaw_notify (G_OBJECT (target));
}

static gboolean
store_metadata (DossierWindow   *self,
                DossierDocument *edited)
{
  g_autoptr(GError) error = NULL;
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);

  if (!dossier_library_update_details (self->library, edited, &error))
    {
      _dossier_window_toast_printf (self, _("Could not save the details: %s"), error->message);
      return FALSE;
    }

  if (open != NULL && g_strcmp0 (dossier_document_get_id (open), dossier_document_get_id (edited)) == 0)
    {
      apply_metadata (open, edited);
      /* Same document object: the view redraws its head in place. */
      dossier_reader_view_set_document (dossier_reader_page_get_view (self->reader_page), open);
    }
  _dossier_window_update_state (self);
  return TRUE;
}

static void
undo_metadata_cb (AdwToast      *toast,
                  DossierWindow *self)
{
  DossierDocument *previous = g_object_get_data (G_OBJECT (toast), "dossier-previous");

  store_metadata (self, previous);
}

static void
metadata_save_cb (DossierMetadataDialog *dialog,
                  DossierDocument       *edited,
                  DossierWindow         *self)
{
  g_autoptr(DossierDocument) previous = NULL;
  AdwToast *toast;

  if (self->library == NULL)
    return;

  previous = dossier_document_copy_metadata (dossier_metadata_dialog_get_document (dialog));
  if (!store_metadata (self, edited))
    return;

  toast = adw_toast_new (_("Details saved"));
  g_object_set_data_full (G_OBJECT (toast), "dossier-previous", g_steal_pointer (&previous), g_object_unref);
  _dossier_window_show_undo_toast (self, toast);
}

/* The article Edit Details and Copy Citation are for: the row the context
 * menu was opened on, else the open one. */
static char *
dup_single_target (DossierWindow *self)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);

  if (self->menu_target_id != NULL)
    return g_strdup (self->menu_target_id);
  return open != NULL ? g_strdup (dossier_document_get_id (open)) : NULL;
}

static GtkWidget *
edit_details (DossierWindow *self,
              const char    *id)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (id == NULL || self->library == NULL)
    return NULL;
  if (open != NULL && g_strcmp0 (dossier_document_get_id (open), id) == 0)
    document = g_object_ref (open);
  else if ((document = dossier_library_load (self->library, id, &error)) == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the article: %s"), error->message);
      return NULL;
    }

  dialog = dossier_metadata_dialog_new (GTK_WINDOW (self), document);
  g_signal_connect_object (dialog, "save", G_CALLBACK (metadata_save_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * dossier_window_edit_metadata:
 *
 * Opens the details dialog for the open document.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
dossier_window_edit_metadata (DossierWindow *self)
{
  DossierDocument *open;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  open = dossier_reader_page_get_document (self->reader_page);
  return open != NULL ? edit_details (self, dossier_document_get_id (open)) : NULL;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  if (toast == NULL)
    return;

  if (g_object_get_data (G_OBJECT (toast), "dossier-deleted") != NULL)
    undo_delete_cb (toast, self);
  else if (g_object_get_data (G_OBJECT (toast), "dossier-previous") != NULL)
    undo_metadata_cb (toast, self);
  else if (g_object_get_data (G_OBJECT (toast), "dossier-deleted-collection") != NULL)
    _dossier_window_undo_delete_collection (self, toast);
  /* Not dismissed here: its button already dismisses it, and a second
   * dismissal mid-animation crashes libadwaita 1.2. With the action
   * disabled its button does nothing more. */
}

static void
edit_metadata_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *id = dup_single_target (self);

  edit_details (self, id);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *id = dup_single_target (self);
  DossierDocument *document = id && self->library ? dossier_library_get_document (self->library, id) : NULL;
  g_autofree char *citation = NULL;

  if (document == NULL)
    return;
  citation = dossier_format_citation (document);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  dossier_window_add_toast (self, adw_toast_new (_("Citation copied")));
}

/* ------------------------------------------------------------------------ */
/* Library                                                                  */

static void
library_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (8, 8, 0, 0);

  /* Shift+F10 or the Menu key: open the menu at the focused row, for that
   * row, as a right click on it does (it was for the selection, or the
   * open article, even with the focus on another row). */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, DOSSIER_TYPE_DOCUMENT_ROW);

      if (row == NULL && DOSSIER_IS_DOCUMENT_ROW (gtk_widget_get_first_child (focus)))
        row = gtk_widget_get_first_child (focus);
      _dossier_window_set_menu_target (self, row != NULL ? DOSSIER_DOCUMENT_ROW (row) : NULL);
      if (!gtk_widget_compute_bounds (focus, GTK_WIDGET (self->list_view), &bounds))
        bounds = GRAPHENE_RECT_INIT (8, 8, 0, 0);
    }
  _dossier_window_popup_library_menu (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height / 2);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------ */
/* Comparing documents                                                      */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) left = NULL;
  g_autoptr(DossierDocument) right = NULL;

  if (_dossier_window_count_selected (self) != 2)
    return;
  documents = _dossier_window_load_selected (self, &error);
  if (documents == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  left = g_list_model_get_item (G_LIST_MODEL (documents), 0);
  right = g_list_model_get_item (G_LIST_MODEL (documents), 1);

  /* The list shows the newest first, but a reader expects the older text
   * on the left: versions then read as what changed, not as an undo. */
  if (dossier_document_get_published (left) != NULL && dossier_document_get_published (right) != NULL &&
      g_strcmp0 (dossier_document_get_published (left), dossier_document_get_published (right)) > 0)
    {
      DossierDocument *swap = left;
      left = right;
      right = swap;
    }

  dossier_window_compare (self, left, right);
}

static void
close_compare_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  /* Back to the article (or the welcome page); _dossier_window_update_state picks. */
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  _dossier_window_close_compare_page (self);
  _dossier_window_update_state (self);
}

static void
open_comparison_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             DossierWindow   *self)
{
  g_autoptr(GFile) file = _dossier_window_chooser_take_file (dialog, response);

  if (file != NULL)
    dossier_window_open_comparison (self, file);
}

static void
open_comparison_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = _dossier_window_new_file_chooser (self, _("Open Comparison"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                             _("Dossier Comparisons"), "application/x-dossier-comparison",
                                             "*.dossier-comparison");
  g_signal_connect (dialog, "response", G_CALLBACK (open_comparison_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* "Compare With…": the open article and one picked from a list. */
static void
compare_with_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          DossierWindow    *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "dossier-list");
  GtkListBoxRow *row = list ? gtk_list_box_get_selected_row (list) : NULL;
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  g_autoptr(DossierDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (g_strcmp0 (response, "compare") != 0 || row == NULL || open == NULL || self->library == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "dossier-id");
  other = dossier_library_load (self->library, id, &error);
  if (other == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the article: %s"), error->message);
      return;
    }
  dossier_window_compare (self, open, other);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  GListModel *documents;
  GtkWidget *dialog, *scroller, *list;

  if (open == NULL || self->library == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare With"),
                                   _("Choose the article to set beside the open one."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Articles"), -1);
  documents = dossier_library_get_documents (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (documents) && i < 2000; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      GtkWidget *row, *item;

      if (g_strcmp0 (dossier_document_get_id (document), dossier_document_get_id (open)) == 0)
        continue;
      /* Versions of one article differ at the end of the title, by author
       * or by date: all of it is shown, as in the library list. */
      item = dossier_document_row_new ();
      dossier_document_row_set_full (DOSSIER_DOCUMENT_ROW (item), TRUE);
      dossier_document_row_set_document (DOSSIER_DOCUMENT_ROW (item), document);
      gtk_widget_set_margin_start (item, 8);
      gtk_widget_set_margin_end (item, 8);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), item);
      g_object_set_data_full (G_OBJECT (row), "dossier-id", g_strdup (dossier_document_get_id (document)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data (G_OBJECT (dialog), "dossier-list", list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("_Compare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "compare",
                                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The first article is chosen to start with, so Compare is always
   * possible. (Enabling the response from "row-selected" crashes: the
   * list unselects while the dialog is finalised.) */
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (compare_with_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
matrix_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->matrix_busy || _dossier_window_count_selected (self) < 2)
    return;
  documents = _dossier_window_load_selected (self, &error);
  if (documents == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (documents));
  if (n > DOSSIER_MATRIX_MAX_DOCUMENTS)
    {
      _dossier_window_toast_printf (self, _("Choose at most %d articles for a matrix"), DOSSIER_MATRIX_MAX_DOCUMENTS);
      return;
    }

  _dossier_window_compute_matrix (self, documents);
}

static void
close_matrix_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  _dossier_window_close_matrix_page (self);
  _dossier_window_update_state (self);
}

/* ------------------------------------------------------------------------ */
/* Memos                                                                    */

static void
new_memo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierMemoKind kind = DOSSIER_MEMO_KIND_POLICY_BRIEF;

  if (parameter != NULL && !dossier_memo_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    kind = DOSSIER_MEMO_KIND_POLICY_BRIEF;
  dossier_window_new_memo (DOSSIER_WINDOW (widget), kind);
}

static void
open_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _dossier_window_after_memo_confirmed (DOSSIER_WINDOW (widget), PENDING_OPEN_CHOOSER);
}

static void
save_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _dossier_window_save_memo (DOSSIER_WINDOW (widget));
}

static void
save_memo_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dossier_window_save_memo_as (DOSSIER_WINDOW (widget));
}

static void
close_memo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->memo_page != NULL)
    _dossier_window_after_memo_confirmed (self, PENDING_CLOSE_MEMO);
}

static void
show_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->memo_page == NULL)
    return;
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->memo_page));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
}

static void
add_to_memo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->compare_page != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0)
    _dossier_window_add_compare_paragraph_to_memo (self);
  else
    dossier_window_add_selection_to_memo (self);
}

static void
quote_in_memo_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dossier_window_quote_selection_in_memo (DOSSIER_WINDOW (widget));
}

static void
insert_perspectives_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (_dossier_window_count_selected (self) == 0)
    return;
  documents = _dossier_window_load_selected (self, &error);
  if (documents == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  _dossier_window_ensure_memo (self);
  dossier_memo_page_insert_perspectives (self->memo_page, G_LIST_MODEL (documents));
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->memo_page));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
}

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */

/* A toast's Details button: the whole message, which the toast would cut. */
static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *heading = NULL, *body = NULL;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &heading, &body);
  dialog = adw_message_dialog_new (GTK_WINDOW (widget), NULL, body);
  /* Headings are markup in libadwaita 1.2; these quote titles and paths. */
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), heading);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The actions and their shortcuts                                            */

void
_dossier_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.add-from-web", NULL, add_from_web_action);
  gtk_widget_class_install_action (widget_class, "win.delete-document", NULL, delete_document_action);
  gtk_widget_class_install_action (widget_class, "win.edit-metadata", NULL, edit_metadata_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_action);
  gtk_widget_class_install_action (widget_class, "win.restore-document", "s", restore_document_action);
  gtk_widget_class_install_action (widget_class, "win.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "win.library-menu", NULL, library_menu_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.search-library", NULL, search_library_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort-order");
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.open-comparison", NULL, open_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.close-compare", NULL, close_compare_action);
  gtk_widget_class_install_action (widget_class, "win.matrix", NULL, matrix_action);
  gtk_widget_class_install_action (widget_class, "win.close-matrix", NULL, close_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.new-memo", "s", new_memo_action);
  gtk_widget_class_install_action (widget_class, "win.open-memo", NULL, open_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-memo", NULL, save_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-memo-as", NULL, save_memo_as_action);
  gtk_widget_class_install_action (widget_class, "win.show-memo", NULL, show_memo_action);
  gtk_widget_class_install_action (widget_class, "win.close-memo", NULL, close_memo_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-memo", NULL, add_to_memo_action);
  gtk_widget_class_install_action (widget_class, "win.quote-in-memo", NULL, quote_in_memo_action);
  gtk_widget_class_install_action (widget_class, "win.insert-perspectives", NULL, insert_perspectives_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", "(ss)", show_details_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-from-web", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-metadata", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-memo", "s", "policy-brief");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-memo-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-to-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.quote-in-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-memo", NULL);
}
