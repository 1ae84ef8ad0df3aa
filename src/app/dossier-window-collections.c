/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/dossier-library-collections.h"
#include "dossier-window-private.h"

/*
 * DossierWindow's views and collections pane (DossierCollectionsSidebar)
 * and what the article list shows of it: the articles of the selected
 * view, which the search then narrows. The view and whether the pane
 * shows are remembered in GSettings.
 */

static void
add_ids (GHashTable *ids,
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
  add_ids (self->view_ids, documents);
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
  update_view_empty_label (self);
  update_view_ids (self);
  refilter (self);

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

  dossier_collections_sidebar_set_library (self->collections_sidebar, self->library);
  /* The view the user left, when it still exists. */
  dossier_collections_sidebar_set_view (self->collections_sidebar, view);
  view_changed_cb (self);
}

void
_dossier_window_collections_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (DOSSIER_TYPE_COLLECTIONS_SIDEBAR);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, collections_visible_cb);
  gtk_widget_class_install_action (widget_class, "win.show-collections", NULL, show_collections_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}

void
_dossier_window_collections_init (DossierWindow *self)
{
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  update_headers (self);
}
