/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/dossier-util.h"
#include "dossier-window-private.h"

/*
 * The main window: the library in a sidebar, and a stack of content pages
 * beside it ("empty", "welcome", "reader"; comparison and memo pages are
 * added to the same stack). It sits on the DossierLibrary store.
 *
 * The class is split around dossier-window-private.h: this file holds the
 * GObject, its construction and the window-wide state; the library list
 * and imports are in dossier-window-library.c, comparisons and the matrix
 * in dossier-window-compare.c, the memo in dossier-window-memo.c and the
 * win.* action handlers in dossier-window-actions.c.
 */

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SORT_ORDER,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * dossier_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast after the ones already showing. Messages without a button
 * stay briefly so that an Undo toast behind them comes up soon. (Toasts
 * are never dismissed early or given high priority here: libadwaita 1.2
 * crashes when a toast is pushed back or skipped mid-animation.)
 */
void
dossier_window_add_toast (DossierWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (adw_toast_get_button_label (toast) == NULL)
    adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _dossier_window_toast_message:
 * @message: the message
 * @short_message: (nullable): what the toast says when @message is too
 *   long for it
 * @heading: (nullable): the heading of the details dialog
 * @details: (nullable): what the details dialog says, else @message
 *
 * A toast that says @message in full, or, when it would be cut, says
 * @short_message with a Details button that shows the whole in a dialog.
 * None of them is markup.
 */
void
_dossier_window_toast_message (DossierWindow *self,
                               const char    *message,
                               const char    *short_message,
                               const char    *heading,
                               const char    *details)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (short_message == NULL || g_utf8_strlen (message, -1) <= DOSSIER_TOAST_MAX_CHARS)
    {
      escaped = g_markup_escape_text (message, -1);
      dossier_window_add_toast (self, adw_toast_new (escaped));
      return;
    }

  escaped = g_markup_escape_text (short_message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-details");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", heading ?: short_message, details ?: message));
  dossier_window_add_toast (self, toast);
}

/* Messages of the form "Could not do this: why" that are too long for a
 * toast show the part before the colon, and all of it under Details. */
void
_dossier_window_toast_printf (DossierWindow *self,
                              const char    *format,
                              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *short_message = NULL;
  const char *colon;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Not a colon inside a quoted title. */
  for (colon = strstr (message, ": "); colon != NULL; colon = strstr (colon + 2, ": "))
    {
      guint open = 0, close = 0;

      for (const char *p = message; p < colon; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          open += c == 0x201C;
          close += c == 0x201D;
        }
      if (open == close)
        {
          short_message = g_strndup (message, colon - message);
          break;
        }
    }
  _dossier_window_toast_message (self, message, short_message, short_message, NULL);
}

/* A modal file chooser for one kind of Dossier file (@mime_type, or
 * names matching @pattern); the caller connects "response" and shows it. */
GtkFileChooserNative *
_dossier_window_new_file_chooser (DossierWindow        *self,
                                  const char           *title,
                                  GtkFileChooserAction  action,
                                  const char           *accept_label,
                                  const char           *filter_name,
                                  const char           *mime_type,
                                  const char           *pattern)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  return dialog;
}

/* For a chooser's "response": the file chosen, or %NULL when cancelled.
 * The chooser is dropped. */
GFile *
_dossier_window_chooser_take_file (GtkNativeDialog *dialog,
                                   int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  return file;
}

void
_dossier_window_update_title (DossierWindow *self)
{
  DossierDocument *document = dossier_reader_page_get_document (self->reader_page);
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);

  if (document != NULL && g_strcmp0 (visible, "reader") == 0)
    {
      /* Translators: the window title while an article is open */
      g_autofree char *title = g_strdup_printf (_("%s — Dossier"), dossier_document_get_title (document) ?: _("Untitled"));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else if (self->compare_page != NULL && g_strcmp0 (visible, "compare") == 0)
    {
      g_autofree char *pair = _dossier_window_comparison_title (dossier_compare_page_get_comparison (self->compare_page));
      /* Translators: the window title while two articles are compared */
      g_autofree char *title = g_strdup_printf (_("%s — Dossier"), pair);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else if (g_strcmp0 (visible, "trash") == 0)
    {
      /* Translators: the window title while the Trash shows */
      gtk_window_set_title (GTK_WINDOW (self), _("Trash — Dossier"));
    }
  else if (self->matrix_page != NULL && g_strcmp0 (visible, "matrix") == 0)
    {
      /* Translators: the window title while the perspectives matrix shows */
      gtk_window_set_title (GTK_WINDOW (self), _("Perspectives Matrix — Dossier"));
    }
  else if (self->memo_page != NULL && g_strcmp0 (visible, "memo") == 0)
    {
      g_autofree char *name = _dossier_window_memo_display_name (self);
      /* Translators: the window title while a memo is open; the first %s
       * marks unsaved changes */
      g_autofree char *title = g_strdup_printf (_("%s%s — Dossier"), _dossier_window_memo_is_dirty (self) ? "• " : "", name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Dossier"));
}

void
_dossier_window_update_state (DossierWindow *self)
{
  guint total = self->library ? g_list_model_get_n_items (dossier_library_get_documents (self->library)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gboolean have_document = dossier_reader_page_get_document (self->reader_page) != NULL;
  gboolean writable = self->library != NULL && !dossier_library_is_read_only (self->library);
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  else if (shown == 0 && self->search_casefold == NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "view-empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");

  /* Only switch among our own pages; a compare or memo page stays. */
  if (g_strcmp0 (visible, "empty") == 0 || g_strcmp0 (visible, "welcome") == 0 ||
      g_strcmp0 (visible, "reader") == 0 || g_strcmp0 (visible, "error") == 0 || visible == NULL)
    {
      if (self->library == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "error");
      else if (have_document)
        gtk_stack_set_visible_child_name (self->main_stack, "reader");
      else if (total == 0)
        gtk_stack_set_visible_child_name (self->main_stack, "empty");
      else
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  if (total > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article in your library", "%u articles in your library", total), total);
      adw_status_page_set_description (self->welcome_status, description);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-document", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-from-web", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-metadata",
                                 writable && (have_document || self->menu_target_id != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-citation", have_document || self->menu_target_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-bibtex",
                                 have_document || self->menu_target_id != NULL || _dossier_window_count_selected (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-csl-json",
                                 have_document || self->menu_target_id != NULL || _dossier_window_count_selected (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", self->library != NULL && _dossier_window_count_selected (self) == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", have_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.matrix", self->library != NULL && _dossier_window_count_selected (self) >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.insert-perspectives",
                                 self->library != NULL && _dossier_window_count_selected (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-document",
                                 writable && (have_document || _dossier_window_count_selected (self) > 0));
  _dossier_window_update_title (self);
}

/* ------------------------------------------------------------------------ */
/* Opening the library                                                      */

static void
documents_changed_cb (DossierWindow *self,
                      guint          position,
                      guint          removed,
                      guint          added)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);

  /* The open article was removed elsewhere (another window, the CLI's
   * library in the same process): stop showing it. */
  if (open != NULL && removed > 0 && self->library != NULL)
    {
      GListModel *documents = dossier_library_get_documents (self->library);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (documents) && !found; i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
          found = g_strcmp0 (dossier_document_get_id (document), dossier_document_get_id (open)) == 0;
        }
      if (!found)
        dossier_reader_page_close (self->reader_page);
    }
  _dossier_window_collections_documents_changed (self);
  _dossier_window_update_state (self);
}

static void
set_library (DossierWindow  *self,
             DossierLibrary *library)
{
  g_autoptr(DossierLibrary) old_library = self->library ? g_object_ref (self->library) : NULL;
  GListModel *documents;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_documents (self->library), documents_changed_cb, self);

  dossier_reader_page_set_library (self->reader_page, library);
  g_set_object (&self->library, library);
  _dossier_window_library_changed (self, old_library);

  documents = library != NULL ? dossier_library_get_documents (library) : NULL;
  _dossier_window_collections_library_changed (self);
  gtk_filter_list_model_set_model (self->filter_model, documents);
  if (documents != NULL)
    g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  _dossier_window_update_state (self);
}

/* Back at the window after using another program, maybe dossier-cli on
 * the same library: show what it added or removed (cheap when nothing
 * changed). */
static void
active_changed_cb (DossierWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->library == NULL)
    return;
  /* Not a warning: the list stays as it was until the next reread. */
  if (!dossier_library_refresh (self->library, &error))
    g_debug ("Could not reread the library: %s", error->message);
  /* Collections made or renamed there (dossier-cli library collection). */
  dossier_collections_sidebar_reload (self->collections_sidebar);
}

/* Status page descriptions are markup; library errors name the path. */
static void
set_error_description (DossierWindow *self,
                       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_status, escaped);
}

static void
fresh_library_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DossierWindow    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *path = NULL;
  g_autofree char *moved_to = NULL;

  if (g_strcmp0 (response, "fresh") != 0)
    return;

  path = dossier_library_dup_default_path ();
  library = dossier_library_open_fresh_beside (path, &moved_to, &error);
  if (library == NULL)
    {
      set_error_description (self, error->message);
      return;
    }
  set_library (self, library);
  if (moved_to != NULL)
    _dossier_window_toast_printf (self, _("Started a fresh library; the damaged one was kept as %s"), moved_to);
}

static void
show_open_error (DossierWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->open_error == NULL)
    return;

  set_error_description (self, self->open_error->message);

  if (g_error_matches (self->open_error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT))
    {
      body = g_strdup_printf (_("The library file is damaged or is not a Dossier library (%s). "
                                "Dossier can keep it untouched and start a fresh library beside it."),
                              self->open_error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Library Could Not Be Opened"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Not Now"),
                                        "fresh", _("_Start a Fresh Library"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fresh", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (fresh_library_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_error (&self->open_error);
}

static void
open_default_library (DossierWindow *self)
{
  g_autofree char *path = dossier_library_dup_default_path ();
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = dossier_library_open (path, &error);
  if (library != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-document");
      g_autoptr(DossierDocument) document = NULL;

      set_library (self, library);
      /* Back to the article the user was reading, if it is still there;
       * the keyboard starts in the article, or else in the list. */
      if (last[0] != '\0' && (document = dossier_library_load (library, last, NULL)) != NULL &&
          dossier_window_open_document (self, last))
        gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return;
    }

  g_debug ("Could not open %s: %s", path, error->message);
  set_library (self, NULL);
  self->open_error = g_steal_pointer (&error);
  /* The dialog needs a mapped parent. */
  g_signal_connect (self, "map", G_CALLBACK (show_open_error), NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  /* Quitting without settling the memo (the session ending, app.quit
   * from elsewhere): keep its recovery copy for next time. */
  if (self->memo_autosave != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (self->memo_autosave, self);
      if (!self->close_confirmed && _dossier_window_memo_is_dirty (self) &&
          !dossier_memo_autosave_flush (self->memo_autosave, &error))
        g_warning ("Could not keep a recovery copy of the memo: %s", error->message);
      g_clear_object (&self->memo_autosave);
    }
  g_clear_object (&self->restored_from);
  g_clear_object (&self->pending_file);
  self->memo_page = NULL;
  self->compare_page = NULL;
  self->compare_box = NULL;
  self->matrix_page = NULL;

  _dossier_window_dispose_downloads (self);
  _dossier_window_library_dispose (self);
  if (self->reader_page != NULL)
    dossier_reader_page_close (self->reader_page);

  g_clear_pointer (&self->library_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->library_menu);
  g_clear_object (&self->collection_menu);
  g_clear_object (&self->reader_collection_menu);
  g_clear_object (&self->recent_memos_menu);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->library);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

/* gtk_window_destroy() unrealizes the window but a download still holds a
 * reference to it: stop the downloads here, or they would run on (and add
 * their article) after the window has gone. */
static void
dossier_window_unrealize (GtkWidget *widget)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  _dossier_window_cancel_downloads (self);

  GTK_WIDGET_CLASS (dossier_window_parent_class)->unrealize (widget);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->search_casefold, g_free);
  g_clear_pointer (&self->view_ids, g_hash_table_unref);
  g_clear_pointer (&self->sort_order, g_free);
  g_clear_pointer (&self->last_imported_id, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      if (dossier_set_str (&self->sort_order, g_value_get_string (value)))
        {
          if (self->sorter != NULL)
            gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          _dossier_window_set_show_sidebar (self, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
main_page_changed_cb (DossierWindow *self)
{
  _dossier_window_update_title (self);
  /* A comparison shown or closed: a collection's Add Current Comparison. */
  _dossier_window_update_collection_actions (self);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;
  widget_class->unrealize = dossier_window_unrealize;
  object_class->get_property = dossier_window_get_property;
  object_class->set_property = dossier_window_set_property;

  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "date",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The views and collections pane (F9). */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_READER_PAGE);
  g_type_ensure (DOSSIER_TYPE_TRASH_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, collections_sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, library_header);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, collections_back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_empty_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, collection_items_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, collection_items_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_memos_section);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, downloads_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, downloads_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, trash_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, read_only_bar);
  gtk_widget_class_bind_template_callback (widget_class, main_page_changed_cb);
  _dossier_window_library_class_init (widget_class);
  _dossier_window_collections_class_init (widget_class);
  _dossier_window_memo_class_init (widget_class);

  _dossier_window_class_actions_init (widget_class);
  _dossier_window_references_class_init (widget_class);
}

static gboolean
folded_to_fold_policy (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO);
  return TRUE;
}

static void
dossier_window_init (DossierWindow *self)
{
  /* The sort menu in the template reads the "win.sort" state. */
  self->sort_order = g_strdup ("date");
  self->show_sidebar = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->search_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->selected_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_rows = g_hash_table_new (NULL, NULL);

  /* Window geometry is state the user expects us to remember. */
  self->settings = g_settings_new ("io.github.dossier.Dossier");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sort-order", self, "sort-order", G_SETTINGS_BIND_DEFAULT);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);

  _dossier_window_library_init (self);
  _dossier_window_collections_init (self);

  g_object_bind_property (self->leaflet, "folded",
                          dossier_reader_page_get_back_button (self->reader_page), "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded",
                          dossier_reader_page_get_header_bar (self->reader_page), "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  /* Narrow, the highlights list covers the text rather than squeezing it. */
  g_object_bind_property_full (self->leaflet, "folded",
                               dossier_reader_page_get_annotations_flap (self->reader_page), "fold-policy",
                               G_BINDING_SYNC_CREATE, folded_to_fold_policy, NULL, NULL, NULL);
  g_signal_connect_object (self->reader_page, "notify::document", G_CALLBACK (_dossier_window_update_state), self,
                           G_CONNECT_SWAPPED);

  /* The reader's selection menu: send the passage to the memo. */
  {
    GMenu *section = g_menu_new ();

    g_menu_append (section, _("Add to _Memo"), "win.add-to-memo");
    g_menu_append (section, _("_Quote in Memo at Cursor"), "win.quote-in-memo");
    g_menu_append_section (dossier_reader_view_get_selection_menu (dossier_reader_page_get_view (self->reader_page)),
                           NULL, G_MENU_MODEL (section));
    g_object_unref (section);
  }
  /* "Compare With…" in the reader's header bar. */
  {
    GtkWidget *button = gtk_button_new_from_icon_name ("view-dual-symbolic");

    gtk_widget_set_tooltip_text (button, _("Compare With…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Compare With…"), -1);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare-with");
    adw_header_bar_pack_end (dossier_reader_page_get_header_bar (self->reader_page), button);
  }
  _dossier_window_memo_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  _dossier_window_update_memo_actions (self);
  open_default_library (self);
}

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

DossierLibrary *
dossier_window_get_library (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->library;
}

/**
 * dossier_window_set_library:
 * @library: (nullable): the library to show instead of the default one
 *   (a read-only one shows the notice and its commands are off)
 */
void
dossier_window_set_library (DossierWindow  *self,
                            DossierLibrary *library)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  if (self->library == library)
    return;
  set_library (self, library);
}

DossierReaderPage *
dossier_window_get_reader_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->reader_page;
}

/**
 * dossier_window_get_content_stack:
 *
 * The stack of content pages beside the library ("empty", "welcome",
 * "reader"). Other views (comparison, memo) add their pages here; each page
 * brings its own header bar.
 *
 * Returns: (transfer none): the stack
 */
GtkStack *
dossier_window_get_content_stack (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->main_stack;
}

/**
 * dossier_window_get_collections_sidebar:
 *
 * Returns: (transfer none): the views and collections pane
 */
DossierCollectionsSidebar *
dossier_window_get_collections_sidebar (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->collections_sidebar;
}

/**
 * dossier_window_get_selection:
 *
 * Returns: (transfer none): the library list's selection (several
 *   documents can be selected, e.g. to compare them)
 */
GtkSelectionModel *
dossier_window_get_selection (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkWidget *
dossier_window_get_search_entry (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}
