/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "formats/dossier-file-save.h"
#include "memo/dossier-notes-export.h"
#include "store/dossier-library-collections.h"
#include "dossier-window-private.h"

/*
 * DossierWindow's views and collections pane (DossierCollectionsSidebar)
 * and what the article list shows of it: the articles of the selected
 * view, which the search then narrows. The view and whether the pane
 * shows are remembered in GSettings.
 */


static gint64 view_collection (DossierWindow *self);
static void update_collection_items (DossierWindow *self);

static void
add_ids_to_set (GHashTable *ids,
         GListModel *documents)
{
  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

      if (dossier_document_get_id (document) != NULL)
        g_hash_table_add (ids, g_strdup (dossier_document_get_id (document)));
    }
}

/* Reads the view's articles from the store again. An article opened in
 * the Unread view stays in the list until the view is read again (after
 * an import, say, or choosing the view again), as a mail client keeps
 * a message just read in its unread folder. */
static void
update_view_ids (DossierWindow *self)
{
  const char *view = dossier_collections_sidebar_get_view (self->collections_sidebar);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->view_ids, g_hash_table_unref);
  if (self->library == NULL || g_strcmp0 (view, DOSSIER_VIEW_ALL) == 0)
    return;

  if (g_strcmp0 (view, DOSSIER_VIEW_RECENT) == 0)
    documents = dossier_library_list_added_since (self->library,
                                                  g_get_real_time () / G_USEC_PER_SEC -
                                                  (gint64) DOSSIER_RECENT_DAYS * 24 * 60 * 60,
                                                  &error);
  else if (g_strcmp0 (view, DOSSIER_VIEW_UNREAD) == 0)
    documents = dossier_library_list_unread (self->library, &error);
  else if (g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX))
    documents = dossier_library_list_collection_documents (self->library,
                                                           g_ascii_strtoll (view + strlen (DOSSIER_VIEW_COLLECTION_PREFIX),
                                                                            NULL, 10),
                                                           &error);
  self->view_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (error != NULL)
    _dossier_window_toast_printf (self, _("Could not read the articles of this view: %s"), error->message);
  add_ids_to_set (self->view_ids, documents);
}

static void
update_view_empty_label (DossierWindow *self)
{
  const char *view = dossier_collections_sidebar_get_view (self->collections_sidebar);

  if (g_strcmp0 (view, DOSSIER_VIEW_RECENT) == 0)
    gtk_label_set_label (self->view_empty_label, _("No articles added in the last 30 days"));
  else if (g_strcmp0 (view, DOSSIER_VIEW_UNREAD) == 0)
    gtk_label_set_label (self->view_empty_label, _("No unread articles"));
  else
    gtk_label_set_label (self->view_empty_label,
                         _("No articles in this collection yet"));
}

/* The search names what it searches: the search stays within the view. */
static void
update_search_placeholder (DossierWindow *self,
                           const char    *title)
{
  const char *view = dossier_collections_sidebar_get_view (self->collections_sidebar);
  g_autofree char *placeholder = NULL;

  if (g_strcmp0 (view, DOSSIER_VIEW_RECENT) == 0)
    placeholder = g_strdup (_("Search Recently Added"));
  else if (g_strcmp0 (view, DOSSIER_VIEW_UNREAD) == 0)
    placeholder = g_strdup (_("Search Unread Articles"));
  else if (view != NULL && g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX) && title != NULL)
    /* Translators: the search field's placeholder in a collection's view; %s is its name */
    placeholder = g_strdup_printf (_("Search “%s”"), title);
  else
    placeholder = g_strdup (_("Search Library"));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
}

static void
refilter (DossierWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _dossier_window_update_state (self);
}

static void
view_changed_cb (DossierWindow *self)
{
  g_autofree char *title = dossier_collections_sidebar_dup_view_title (self->collections_sidebar);

  g_settings_set_string (self->settings, "library-view", dossier_collections_sidebar_get_view (self->collections_sidebar));
  adw_window_title_set_title (self->library_title, title);
  update_search_placeholder (self, title);
  update_view_empty_label (self);
  update_view_ids (self);
  update_collection_items (self);
  refilter (self);
  _dossier_window_update_collection_actions (self);

  /* Folded, choosing a view goes on to its articles. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->collections_sidebar))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* The list's header bar has the window's buttons when it is the first
 * pane; folded, it has a way back to the views instead of the toggle. */
static void
update_headers (DossierWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  adw_header_bar_set_show_start_title_buttons (self->library_header, folded || !self->show_sidebar);
  gtk_widget_set_visible (self->collections_back_button, folded && self->show_sidebar);
  gtk_widget_set_visible (self->sidebar_button, !folded);
}

static void
collections_visible_cb (DossierWindow *self)
{
  update_headers (self);
}

void
_dossier_window_set_show_sidebar (DossierWindow *self,
                                  gboolean       show)
{
  self->show_sidebar = show;
  /* The leaflet leaves a hidden child out, folded or not. */
  if (!show && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->collections_sidebar))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_set_visible (GTK_WIDGET (self->collections_sidebar), show);
  update_headers (self);
}

static void
show_collections_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (!self->show_sidebar)
    return;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->collections_sidebar));
  gtk_widget_grab_focus (GTK_WIDGET (dossier_collections_sidebar_get_list (self->collections_sidebar)));
}

/**
 * _dossier_window_view_includes:
 *
 * Returns: whether the article belongs to the selected view (before the
 *   search narrows it)
 */
gboolean
_dossier_window_view_includes (DossierWindow *self,
                               const char    *document_id)
{
  return self->view_ids == NULL || g_hash_table_contains (self->view_ids, document_id ?: "");
}

/* An article opened in the reader is read (it stays in the Unread view's
 * list until the view is read again). */
void
_dossier_window_mark_read (DossierWindow *self,
                           const char    *document_id)
{
  g_autoptr(GError) error = NULL;

  if (self->library == NULL || dossier_library_is_read_only (self->library))
    return;
  /* Not worth a toast: the article opened; only the Unread view is off. */
  if (!dossier_library_set_read (self->library, document_id, TRUE, &error))
    g_debug ("Could not mark %s read: %s", document_id, error->message);
}

/* The library's documents changed (an import, a deletion, another
 * program): the views and the collections' counts follow. */
void
_dossier_window_collections_documents_changed (DossierWindow *self)
{
  dossier_collections_sidebar_reload (self->collections_sidebar);
  update_view_ids (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
_dossier_window_collections_library_changed (DossierWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "library-view");
  gboolean writable = self->library != NULL && !dossier_library_is_read_only (self->library);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-ids-to-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-new-collection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-collection-item", writable);
  dossier_collections_sidebar_set_library (self->collections_sidebar, self->library);
  /* The view the user left, when it still exists. */
  dossier_collections_sidebar_set_view (self->collections_sidebar, view);
  view_changed_cb (self);
}

/* ------------------------------------------------------------------------ */
/* New, rename, delete and restore                                          */

/* After a change to the collections: the pane, the Trash and the list. */
void
_dossier_window_collections_changed (DossierWindow *self)
{
  dossier_collections_sidebar_reload (self->collections_sidebar);
  dossier_trash_page_reload_collections (self->trash_page);
  _dossier_window_trash_changed (self);
  update_view_ids (self);
  update_collection_items (self);
  refilter (self);
  _dossier_window_update_collection_actions (self);
}

static DossierCollection *
find_collection_by_id (DossierWindow *self,
                       gint64         id)
{
  g_autoptr(GListModel) collections = self->library != NULL ? dossier_library_list_collections (self->library, NULL) : NULL;

  for (guint i = 0; collections != NULL && i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);

      if (dossier_collection_get_id (collection) == id)
        return g_steal_pointer (&collection);
    }
  return NULL;
}

/* Why @text cannot name the collection @id (0 for a new one), or %NULL
 * when it can; "" when it is empty (nothing typed yet). */
static char *
dup_name_problem (DossierWindow *self,
                  const char    *text,
                  gint64         id)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(DossierCollection) existing = NULL;

  if (*name == '\0')
    return g_strdup ("");
  if (strlen (name) > DOSSIER_LIBRARY_COLLECTION_NAME_MAX)
    return g_strdup_printf (_("The name is too long: at most %d bytes"), DOSSIER_LIBRARY_COLLECTION_NAME_MAX);
  existing = self->library != NULL ? dossier_library_find_collection (self->library, name, NULL) : NULL;
  if (existing != NULL && dossier_collection_get_id (existing) != id)
    return g_strdup_printf (_("There is already a collection named “%s”"), dossier_collection_get_name (existing));
  return NULL;
}

static void add_ids (DossierWindow      *self,
                     gint64              id,
                     const char * const *ids);

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  DossierWindow *self = DOSSIER_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkLabel *message = g_object_get_data (G_OBJECT (dialog), "dossier-message");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "dossier-collection");
  g_autofree char *problem = dup_name_problem (self, gtk_editable_get_text (entry), id);

  /* Emptied by the user: say why the button is off. */
  if (problem != NULL && *problem == '\0')
    {
      g_free (problem);
      problem = g_strdup (_("A collection needs a name"));
    }
  gtk_label_set_label (message, problem ?: "");
  gtk_widget_set_visible (GTK_WIDGET (message), problem != NULL);
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

static void
name_activate_cb (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    adw_message_dialog_response (dialog, "save");
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DossierWindow    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "dossier-entry");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "dossier-collection");
  g_autoptr(GError) error = NULL;
  g_autofree char *view = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->library == NULL)
    return;

  if (id == 0)
    {
      g_autoptr(DossierCollection) created = dossier_library_create_collection (self->library,
                                                                                gtk_editable_get_text (entry), &error);
      if (created != NULL)
        id = dossier_collection_get_id (created);
    }
  else
    dossier_library_rename_collection (self->library, id, gtk_editable_get_text (entry), &error);

  if (error != NULL)
    {
      _dossier_window_toast_printf (self, _("Could not save the collection: %s"), error->message);
      return;
    }
  _dossier_window_collections_changed (self);
  /* From Add to Collection › New Collection…: the articles go in; else the
   * new (or renamed) collection is shown, as Files shows a new folder. */
  if (g_object_get_data (G_OBJECT (dialog), "dossier-add-ids") != NULL)
    {
      add_ids (self, id, g_object_get_data (G_OBJECT (dialog), "dossier-add-ids"));
      return;
    }
  view = g_strdup_printf (DOSSIER_VIEW_COLLECTION_PREFIX "%" G_GINT64_FORMAT, id);
  dossier_collections_sidebar_set_view (self->collections_sidebar, view);
}

/* The New Collection and Rename dialog: a name, refused while it is empty
 * or another collection's. */
static GtkWidget *
ask_collection_name (DossierWindow     *self,
                     DossierCollection *collection)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = gtk_label_new (NULL);
  gint64 *id = g_new0 (gint64, 1);

  if (collection != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Rename “%s”"), dossier_collection_get_name (collection));

      *id = dossier_collection_get_id (collection);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
      /* Headings are markup in libadwaita 1.2; this one quotes the user's name. */
      adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), heading);
      gtk_editable_set_text (GTK_EDITABLE (entry), dossier_collection_get_name (collection));
    }
  else
    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Collection"),
                                     _("A collection gathers the articles, memos and comparisons of one briefing. "
                                       "An article may be in several."));

  gtk_entry_set_max_length (GTK_ENTRY (entry), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Collection name"), -1);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), message);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", collection != NULL ? _("_Rename") : _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", collection != NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "dossier-collection", id, g_free);
  g_object_set_data (G_OBJECT (dialog), "dossier-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "dossier-message", message);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

static void
new_collection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->library != NULL && !dossier_library_is_read_only (self->library))
    ask_collection_name (self, NULL);
}

static void
rename_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierCollection) collection = find_collection_by_id (self, g_variant_get_int64 (parameter));

  if (collection != NULL && !dossier_library_is_read_only (self->library))
    ask_collection_name (self, collection);
}

/* To the Trash, with Undo while the toast shows; the articles stay. */
static void
delete_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierCollection) collection = find_collection_by_id (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  gint64 *id;
  AdwToast *toast;

  if (collection == NULL)
    return;
  if (!dossier_library_delete_collection (self->library, dossier_collection_get_id (collection), &error))
    {
      _dossier_window_toast_printf (self, _("Could not delete the collection: %s"), error->message);
      return;
    }
  _dossier_window_collections_changed (self);

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (dossier_collection_get_name (collection), -1);
  message = g_strdup_printf (_("Collection “%s” moved to the Trash"), escaped);
  toast = adw_toast_new (message);
  id = g_new (gint64, 1);
  *id = dossier_collection_get_id (collection);
  g_object_set_data_full (G_OBJECT (toast), "dossier-deleted-collection", id, g_free);
  g_object_set_data_full (G_OBJECT (toast), "dossier-library", g_object_ref (self->library), g_object_unref);
  _dossier_window_show_undo_toast (self, toast);
}

static void
restore_collection (DossierWindow  *self,
                    DossierLibrary *library,
                    gint64          id)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_library_restore_collection (library, id, &error))
    {
      _dossier_window_toast_printf (self, _("Could not restore the collection: %s"), error->message);
      return;
    }
  if (library == self->library)
    _dossier_window_collections_changed (self);
}

void
_dossier_window_undo_delete_collection (DossierWindow *self,
                                        AdwToast      *toast)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "dossier-deleted-collection");

  restore_collection (self, g_object_get_data (G_OBJECT (toast), "dossier-library"), *id);
}

static void
restore_collection_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->library != NULL)
    restore_collection (self, self->library, g_variant_get_int64 (parameter));
}

/* ------------------------------------------------------------------------ */
/* Adding articles                                                          */

/* A collection's name as a menu label: an underscore is not a mnemonic. */
static char *
dup_menu_label (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
fill_collection_menu (GMenu       *menu,
                      GListModel  *collections,
                      const char  *action,
                      const char  *new_action)
{
  g_autoptr(GMenu) names = g_menu_new ();
  g_autoptr(GMenu) create = g_menu_new ();

  g_menu_remove_all (menu);
  for (guint i = 0; collections != NULL && i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);
      g_autofree char *label = dup_menu_label (dossier_collection_get_name (collection));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (dossier_collection_get_id (collection)));
      g_menu_append_item (names, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (names));
  g_menu_append (create, _("_New Collection…"), new_action);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (create));
}

static void
collections_reloaded_cb (DossierWindow *self,
                         GListModel    *collections)
{
  fill_collection_menu (self->collection_menu, collections, "win.add-to-collection", "win.add-to-new-collection");
  fill_collection_menu (self->reader_collection_menu, collections, "win.add-open-to-collection",
                        "win.add-open-to-new-collection");
}

/* The reader's menu (its page's own GMenu) gets Add to Collection and
 * Remove from Collection before its last section, Move to Trash, as it
 * already holds the window's Edit Details… and Copy Citation. */
static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && G_IS_MENU (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget))))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
extend_reader_menu (DossierWindow *self)
{
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (dossier_reader_page_get_header_bar (self->reader_page)));
  GMenu *menu = button != NULL ? G_MENU (gtk_menu_button_get_menu_model (button)) : NULL;
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove from Collection"), "win.remove-open-from-collection");
  int n;

  self->reader_collection_menu = g_menu_new ();
  if (menu == NULL)
    return;
  g_menu_append_submenu (section, _("Add to Co_llection"), G_MENU_MODEL (self->reader_collection_menu));
  g_menu_item_set_attribute (remove, "hidden-when", "s", "action-disabled");
  g_menu_append_item (section, remove);
  n = g_menu_model_get_n_items (G_MENU_MODEL (menu));
  g_menu_insert_section (menu, MAX (n - 1, 0), NULL, G_MENU_MODEL (section));
}

static gint64
view_collection (DossierWindow *self)
{
  const char *view = dossier_collections_sidebar_get_view (self->collections_sidebar);

  if (!g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX))
    return 0;
  return g_ascii_strtoll (view + strlen (DOSSIER_VIEW_COLLECTION_PREFIX), NULL, 10);
}

/* The comparison in front, if any. */
static gboolean
comparison_shown (DossierWindow *self)
{
  return self->compare_page != NULL &&
         gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->compare_page);
}

/* The shown comparison's file, when it was opened from one or saved
 * for a collection. */
static GFile *
open_comparison_file (DossierWindow *self)
{
  if (!comparison_shown (self))
    return NULL;
  return g_object_get_data (G_OBJECT (self->compare_page), "dossier-file");
}

void
_dossier_window_update_collection_actions (DossierWindow *self)
{
  gboolean writable = self->library != NULL && !dossier_library_is_read_only (self->library);
  gboolean have_open = dossier_reader_page_get_document (self->reader_page) != NULL;
  gint64 shown = view_collection (self);
  gboolean open_in_view = FALSE;

  if (have_open && shown != 0 && self->view_ids != NULL)
    open_in_view = g_hash_table_contains (self->view_ids,
                                          dossier_document_get_id (dossier_reader_page_get_document (self->reader_page)) ?: "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-from-collection", writable && shown != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-open-from-collection", writable && open_in_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-open-to-collection", writable && have_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-open-to-new-collection", writable && have_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-memo-to-collection",
                                 writable && self->memo_page != NULL && dossier_window_get_memo_file (self) != NULL);
  /* (An unsaved comparison is saved first.) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-comparison-to-collection",
                                 writable && comparison_shown (self));
}

static const char *
document_title (DossierWindow *self,
                const char    *id)
{
  DossierDocument *document = dossier_library_get_document (self->library, id);
  const char *title = document != NULL ? dossier_document_get_title (document) : NULL;

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

/* Adds the articles and says so; an article already there stays once. */
static void
add_ids (DossierWindow      *self,
         gint64              id,
         const char * const *ids)
{
  g_autoptr(DossierCollection) collection = find_collection_by_id (self, id);
  g_autofree char *escaped_name = NULL;
  g_autofree char *message = NULL;
  const char *added = NULL;
  guint n = 0;

  if (collection == NULL || self->library == NULL)
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_library_add_to_collection (self->library, id, ids[i], &error))
        {
          _dossier_window_toast_printf (self, _("Could not add “%s” to the collection: %s"),
                                        document_title (self, ids[i]), error->message);
          continue;
        }
      added = ids[i];
      n++;
    }
  if (n == 0)
    return;
  _dossier_window_collections_changed (self);

  /* Toast titles are markup. */
  escaped_name = g_markup_escape_text (dossier_collection_get_name (collection), -1);
  if (n == 1)
    {
      g_autofree char *escaped_title = g_markup_escape_text (document_title (self, added), -1);

      message = g_strdup_printf (_("Added “%s” to “%s”"), escaped_title, escaped_name);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u article to “%s”", "Added %u articles to “%s”", n),
                               n, escaped_name);
  dossier_window_add_toast (self, adw_toast_new (message));
}

static GStrv
dup_target_strv (DossierWindow *self)
{
  g_autoptr(GPtrArray) ids = _dossier_window_dup_target_ids (self);

  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static GStrv
dup_open_strv (DossierWindow *self)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  const char *ids[] = { open != NULL ? dossier_document_get_id (open) : NULL, NULL };

  return g_strdupv ((char **) ids);
}

static void
add_to_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_auto(GStrv) ids = g_str_equal (action_name, "win.add-open-to-collection") ? dup_open_strv (self)
                                                                                : dup_target_strv (self);

  add_ids (self, g_variant_get_int64 (parameter), (const char * const *) ids);
}

static void
add_ids_to_collection_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gint64 id;
  g_autofree const char **ids = NULL;

  g_variant_get (parameter, "(x^a&s)", &id, &ids);
  if (self->library != NULL && !dossier_library_is_read_only (self->library))
    add_ids (self, id, ids);
}

static void
add_to_new_collection_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GStrv ids = g_str_equal (action_name, "win.add-open-to-new-collection") ? dup_open_strv (self)
                                                                           : dup_target_strv (self);
  GtkWidget *dialog;

  if (self->library == NULL || dossier_library_is_read_only (self->library) || ids[0] == NULL)
    {
      g_strfreev (ids);
      return;
    }
  dialog = ask_collection_name (self, NULL);
  g_object_set_data_full (G_OBJECT (dialog), "dossier-add-ids", ids, (GDestroyNotify) g_strfreev);
}

/* Takes the chosen articles out of the collection shown; they stay in the
 * library and in their other collections. */
static void
remove_from_collection_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gint64 id = view_collection (self);
  g_auto(GStrv) ids = g_str_equal (action_name, "win.remove-open-from-collection") ? dup_open_strv (self)
                                                                                   : dup_target_strv (self);
  g_autoptr(DossierCollection) collection = find_collection_by_id (self, id);
  g_autofree char *escaped_name = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (collection == NULL)
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (dossier_library_remove_from_collection (self->library, id, ids[i], &error))
        n++;
      else
        _dossier_window_toast_printf (self, _("Could not remove “%s” from the collection: %s"),
                                      document_title (self, ids[i]), error->message);
    }
  if (n == 0)
    return;
  _dossier_window_collections_changed (self);
  escaped_name = g_markup_escape_text (dossier_collection_get_name (collection), -1);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u article from “%s”",
                                          "Removed %u articles from “%s”", n),
                             n, escaped_name);
  dossier_window_add_toast (self, adw_toast_new (message));
}

/* ------------------------------------------------------------------------ */
/* A collection's memos and comparisons                                     */

static GtkWidget *
make_item_row (gint64                     collection,
               DossierCollectionItemKind  kind,
               const char                *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *where = g_file_get_parse_name (file);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (kind == DOSSIER_COLLECTION_ITEM_MEMO
                                                               ? "x-office-document-symbolic"
                                                               : "view-dual-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove from Collection"));
  /* Translators: the accessible name of a memo's or comparison's remove button */
  remove_label = g_strdup_printf (_("Remove “%s” from the Collection"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-collection-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new ("(xs)", collection, uri));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, where);
  g_object_set_data_full (G_OBJECT (row), "dossier-uri", g_strdup (uri), g_free);
  g_object_set_data (G_OBJECT (row), "dossier-kind", GINT_TO_POINTER (kind));
  return row;
}

/* The memos and comparisons of the collection shown, above its articles. */
static void
update_collection_items (DossierWindow *self)
{
  gint64 collection = view_collection (self);
  GtkWidget *row;
  guint n = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->collection_items_list))) != NULL)
    gtk_list_box_remove (self->collection_items_list, row);

  for (int kind = DOSSIER_COLLECTION_ITEM_MEMO; collection != 0 && self->library != NULL &&
       kind <= DOSSIER_COLLECTION_ITEM_COMPARISON; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) uris = dossier_library_dup_collection_items (self->library, collection, kind, &error);

      if (uris == NULL)
        {
          g_debug ("Could not list the collection's files: %s", error->message);
          continue;
        }
      for (guint i = 0; uris[i] != NULL; i++, n++)
        gtk_list_box_append (self->collection_items_list, make_item_row (collection, kind, uris[i]));
    }
  gtk_widget_set_visible (self->collection_items_box, n > 0);
}

static void
collection_item_activated_cb (DossierWindow *self,
                              GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "dossier-uri");
  g_autoptr(GFile) file = uri != NULL ? g_file_new_for_uri (uri) : NULL;

  if (file == NULL)
    return;
  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *where = g_file_get_parse_name (file);

      _dossier_window_toast_printf (self, _("%s no longer exists; remove it from the collection or put it back"),
                                    where);
      return;
    }
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "dossier-kind")) == DOSSIER_COLLECTION_ITEM_MEMO)
    dossier_window_open_memo (self, file);
  else
    dossier_window_open_comparison (self, file);
}

static void
add_file_to_collection (DossierWindow             *self,
                        gint64                     id,
                        DossierCollectionItemKind  kind,
                        GFile                     *file)
{
  g_autoptr(DossierCollection) collection = find_collection_by_id (self, id);
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_collection = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (collection == NULL || file == NULL)
    return;
  uri = g_file_get_uri (file);
  if (!dossier_library_add_collection_item (self->library, id, kind, uri, &error))
    {
      _dossier_window_toast_printf (self, _("Could not add it to the collection: %s"), error->message);
      return;
    }
  _dossier_window_collections_changed (self);
  name = g_file_get_basename (file);
  escaped_name = g_markup_escape_text (name, -1);
  escaped_collection = g_markup_escape_text (dossier_collection_get_name (collection), -1);
  message = g_strdup_printf (_("Added “%s” to “%s”"), escaped_name, escaped_collection);
  dossier_window_add_toast (self, adw_toast_new (message));
}

static void
add_memo_to_collection_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  add_file_to_collection (self, g_variant_get_int64 (parameter), DOSSIER_COLLECTION_ITEM_MEMO,
                          self->memo_page != NULL ? dossier_window_get_memo_file (self) : NULL);
}

/**
 * dossier_window_save_comparison_to_collection:
 * @collection: a collection's id
 * @file: where to save the comparison in front
 *
 * What "Add Current Comparison" does for a comparison not saved yet, once
 * the analyst has chosen @file: saves it there (as the compare page's
 * Save does) and adds the file to the collection, which keeps files, not
 * comparisons. A comparison that cannot be saved is not added; a toast
 * says why.
 */
void
dossier_window_save_comparison_to_collection (DossierWindow *self,
                                              gint64         collection,
                                              GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!comparison_shown (self))
    return;
  if (!dossier_comparison_save (dossier_compare_page_get_comparison (self->compare_page), file, NULL, &error))
    {
      _dossier_window_toast_printf (self, _("Could not save the comparison: %s"), error->message);
      return;
    }
  /* From now on it is the comparison of that file, as if opened from it. */
  g_object_set_data_full (G_OBJECT (self->compare_page), "dossier-file", g_object_ref (file), g_object_unref);
  add_file_to_collection (self, collection, DOSSIER_COLLECTION_ITEM_COMPARISON, file);
}

static void
save_comparison_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             DossierWindow   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "dossier-collection");
  g_autoptr(GFile) file = _dossier_window_chooser_take_file (dialog, response);

  if (file != NULL)
    dossier_window_save_comparison_to_collection (self, id, file);
}

static void
add_comparison_to_collection_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(DossierCollection) collection = NULL;
  g_autofree char *title = NULL;
  GtkFileChooserNative *dialog;
  gint64 *data;

  if (open_comparison_file (self) != NULL || !comparison_shown (self))
    {
      add_file_to_collection (self, id, DOSSIER_COLLECTION_ITEM_COMPARISON, open_comparison_file (self));
      return;
    }

  /* Not saved yet: a collection holds files, so save it first. */
  collection = find_collection_by_id (self, id);
  if (collection == NULL)
    return;
  /* Translators: the title of the file chooser; %s is a collection's name */
  title = g_strdup_printf (_("Save the Comparison for “%s”"), dossier_collection_get_name (collection));
  dialog = _dossier_window_new_file_chooser (self, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save and Add"),
                                             _("Dossier Comparisons"), "application/x-dossier-comparison",
                                             "*.dossier-comparison");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Comparison.dossier-comparison"));
  data = g_new (gint64, 1);
  *data = id;
  g_object_set_data_full (G_OBJECT (dialog), "dossier-collection", data, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_comparison_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The file stays where it is; only the collection forgets it. */
static void
remove_collection_item_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *uri;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &uri);
  if (self->library == NULL)
    return;
  if (!dossier_library_remove_collection_item (self->library, id, uri, &error))
    {
      _dossier_window_toast_printf (self, _("Could not remove it from the collection: %s"), error->message);
      return;
    }
  _dossier_window_collections_changed (self);
}

/* ------------------------------------------------------------------------ */
/* Exporting a collection's highlights and notes                            */

typedef struct
{
  DossierWindow *self;
  GFile *file;
  char *name;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data->name);
  g_free (data);
}

static void
notes_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_file_get_parse_name (data->file);

  if (!dossier_file_save_contents_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast_printf (data->self, _("Could not export the notes to %s: %s"), where, error->message);
    }
  else
    _dossier_window_toast_printf (data->self, _("Exported the notes of “%s” to %s"), data->name, where);
  export_data_free (data);
}

/**
 * dossier_window_export_collection_notes:
 * @collection: a collection's id
 * @format: Markdown or HTML
 * @file: where to write
 *
 * Writes the collection's articles' citations, notes, highlights and
 * highlight notes to @file (as `dossier-cli library collection export`
 * does), atomically and off the main thread; a toast says where, or why
 * it could not.
 */
void
dossier_window_export_collection_notes (DossierWindow            *self,
                                        gint64                    collection,
                                        DossierNotesExportFormat  format,
                                        GFile                    *file)
{
  g_autoptr(DossierCollection) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ExportData *data;
  char *text;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  found = find_collection_by_id (self, collection);
  if (found == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not export the notes: %s"), _("The collection no longer exists"));
      return;
    }
  text = dossier_notes_export_collection (self->library, found, format, &error);
  if (text == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not export the notes: %s"), error->message);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->name = g_strdup (dossier_collection_get_name (found));
  dossier_file_save_contents_async (file, bytes, self->cancellable, notes_saved_cb, data);
}

static void
export_chooser_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            DossierWindow   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "dossier-collection");
  DossierNotesExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "dossier-format"));
  g_autoptr(GFile) file = _dossier_window_chooser_take_file (dialog, response);

  if (file != NULL)
    dossier_window_export_collection_notes (self, id, format, file);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gint64 id;
  const char *format_name;
  gboolean html;
  g_autoptr(DossierCollection) collection = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *title = NULL;
  GtkFileChooserNative *dialog;
  gint64 *data;

  g_variant_get (parameter, "(x&s)", &id, &format_name);
  html = g_str_equal (format_name, "html");
  collection = find_collection_by_id (self, id);
  if (collection == NULL)
    return;

  /* Translators: the title of the file chooser; %s is a collection's name */
  title = g_strdup_printf (_("Export the Notes of “%s”"), dossier_collection_get_name (collection));
  dialog = _dossier_window_new_file_chooser (self, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                             html ? _("HTML") : _("Markdown"),
                                             html ? "text/html" : "text/markdown",
                                             html ? "*.html" : "*.md");
  /* A name a file system takes: the collection's, without slashes. */
  suggested = g_strdup_printf ("%s.%s", dossier_collection_get_name (collection), html ? "html" : "md");
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  data = g_new (gint64, 1);
  *data = id;
  g_object_set_data_full (G_OBJECT (dialog), "dossier-collection", data, g_free);
  g_object_set_data (G_OBJECT (dialog), "dossier-format",
                     GINT_TO_POINTER (html ? DOSSIER_NOTES_EXPORT_HTML : DOSSIER_NOTES_EXPORT_MARKDOWN));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* F9 shows or hides the sidebar of what is in front, as in GNOME apps:
 * the comparison's terms, sources and names while a comparison is shown
 * (whatever has the focus: the page's own F9 applies only within it),
 * else the views and collections. */
static gboolean
toggle_sidebar_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (comparison_shown (self))
    return gtk_widget_activate_action (GTK_WIDGET (self->compare_page), "compare.show-terms", NULL);
  return gtk_widget_activate_action (widget, "win.show-sidebar", NULL);
}

void
_dossier_window_collections_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (DOSSIER_TYPE_COLLECTIONS_SIDEBAR);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, collections_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, collection_item_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.add-memo-to-collection", "x", add_memo_to_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-comparison-to-collection", "x",
                                   add_comparison_to_collection_action);
  gtk_widget_class_install_action (widget_class, "win.remove-collection-item", "(xs)", remove_collection_item_action);
  gtk_widget_class_install_action (widget_class, "win.export-collection-notes", "(xs)", export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.show-collections", NULL, show_collections_action);
  gtk_widget_class_install_action (widget_class, "win.new-collection", NULL, new_collection_action);
  gtk_widget_class_install_action (widget_class, "win.rename-collection", "x", rename_collection_action);
  gtk_widget_class_install_action (widget_class, "win.delete-collection", "x", delete_collection_action);
  gtk_widget_class_install_action (widget_class, "win.restore-collection", "x", restore_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-collection", "x", add_to_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-open-to-collection", "x", add_to_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-ids-to-collection", "(xas)", add_ids_to_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-new-collection", NULL, add_to_new_collection_action);
  gtk_widget_class_install_action (widget_class, "win.add-open-to-new-collection", NULL, add_to_new_collection_action);
  gtk_widget_class_install_action (widget_class, "win.remove-from-collection", NULL, remove_from_collection_action);
  gtk_widget_class_install_action (widget_class, "win.remove-open-from-collection", NULL, remove_from_collection_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F9, 0, toggle_sidebar_cb, NULL);
}

void
_dossier_window_collections_init (DossierWindow *self)
{
  /* Narrow, the window opens on the article list, as before the pane
   * came first; the pane is one step back. */
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  update_headers (self);
  extend_reader_menu (self);
  g_signal_connect_object (self->collections_sidebar, "reloaded", G_CALLBACK (collections_reloaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_page, "notify::document", G_CALLBACK (_dossier_window_update_collection_actions), self,
                           G_CONNECT_SWAPPED);
  _dossier_window_update_collection_actions (self);
}
