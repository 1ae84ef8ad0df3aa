/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-collections-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/dossier-library-collections.h"
#include "dossier-collections-sidebar.h"

/*
 * The window's left pane, as the Files places sidebar or Zotero's left
 * pane: the built-in views (All Articles, Recently Added, Unread), the
 * Trash, then the user's collections. Selecting a row sets :view, which
 * the window's article list follows; the Trash is a place, not a filter
 * of the list, so its row is activated (win.show-trash) and never stays
 * selected.
 */

struct _DossierCollectionsSidebar
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  GtkListBox *list_box;
  GtkWidget *trash_row;
  GtkImage *trash_icon;
  GtkLabel *trash_count;
  GtkWidget *menu_popover;   /* a row's context menu */

  DossierLibrary *library;
  char *view;
  gboolean folded;
  gboolean reloading;        /* rows change: the selection is not the user's */
  char *shown_collections;   /* what the rows show: id, name, count per line */
};

G_DEFINE_FINAL_TYPE (DossierCollectionsSidebar, dossier_collections_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_VIEW,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_view (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "dossier-view") : NULL;
}

static GtkWidget *
make_row (const char *view,
          const char *icon_name,
          const char *label,
          const char *count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *number = gtk_label_new (count);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_box_append (GTK_BOX (box), number);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Cut at the pane's width, the whole name is still in the tooltip. */
  gtk_widget_set_tooltip_text (row, label);
  g_object_set_data_full (G_OBJECT (row), "dossier-view", g_strdup (view), g_free);
  return row;
}

static GtkListBoxRow *
find_row (DossierCollectionsSidebar *self,
          const char                *view)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (g_strcmp0 (row_view (row), view) == 0)
      return row;
  return NULL;
}

static void
set_view (DossierCollectionsSidebar *self,
          const char                *view)
{
  if (g_strcmp0 (self->view, view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
select_view_row (DossierCollectionsSidebar *self)
{
  GtkListBoxRow *row = find_row (self, self->view);

  self->reloading = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->reloading = FALSE;
}

static void
row_selected_cb (DossierCollectionsSidebar *self,
                 GtkListBoxRow             *row)
{
  if (self->reloading || row == NULL || row_view (row) == NULL)
    return;
  set_view (self, row_view (row));
}

static void
row_activated_cb (DossierCollectionsSidebar *self,
                  GtkListBoxRow             *row)
{
  if (GTK_WIDGET (row) == self->trash_row)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-trash", NULL);
}

/* A row's context menu: a collection's commands (the window's actions,
 * with its id), and New Collection… on any row. */
static void
popup_menu (DossierCollectionsSidebar *self,
            GtkListBoxRow             *row,
            double                     x,
            double                     y)
{
  const char *view = row_view (row);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (view != NULL && g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX))
    {
      gint64 id = g_ascii_strtoll (view + strlen (DOSSIER_VIEW_COLLECTION_PREFIX), NULL, 10);
      g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
      g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

      g_menu_item_set_action_and_target_value (rename, "win.rename-collection", g_variant_new_int64 (id));
      g_menu_item_set_action_and_target_value (delete, "win.delete-collection", g_variant_new_int64 (id));
      g_menu_append_item (section, rename);
      g_menu_append_item (section, delete);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      /* Shown only while there is a saved memo, or a comparison (one not
       * saved yet is saved first), in front. */
      section = g_menu_new ();
      {
        g_autoptr(GMenuItem) memo = g_menu_item_new (_("Add Current _Memo"), NULL);
        g_autoptr(GMenuItem) comparison = g_menu_item_new (_("Add Current _Comparison"), NULL);

        g_menu_item_set_action_and_target_value (memo, "win.add-memo-to-collection", g_variant_new_int64 (id));
        g_menu_item_set_attribute (memo, "hidden-when", "s", "action-disabled");
        g_menu_item_set_action_and_target_value (comparison, "win.add-comparison-to-collection",
                                                 g_variant_new_int64 (id));
        g_menu_item_set_attribute (comparison, "hidden-when", "s", "action-disabled");
        g_menu_append_item (section, memo);
        g_menu_append_item (section, comparison);
      }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      section = g_menu_new ();
      {
        g_autoptr(GMenuItem) markdown = g_menu_item_new (_("Export Notes as Mar_kdown…"), NULL);
        g_autoptr(GMenuItem) html = g_menu_item_new (_("Export Notes as _HTML…"), NULL);

        g_menu_item_set_action_and_target_value (markdown, "win.export-collection-notes",
                                                 g_variant_new ("(xs)", id, "markdown"));
        g_menu_item_set_action_and_target_value (html, "win.export-collection-notes",
                                                 g_variant_new ("(xs)", id, "html"));
        g_menu_append_item (section, markdown);
        g_menu_append_item (section, html);
      }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      section = g_menu_new ();
    }
  g_menu_append (section, _("_New Collection…"), "win.new-collection");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu_popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
right_click_cb (GtkGestureClick           *gesture,
                int                        n_press,
                double                     x,
                double                     y,
                DossierCollectionsSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list_box, (int) y);

  if (row == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, row, x, y);
}

/* Shift+F10 or the Menu key: the focused row's menu. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DossierCollectionsSidebar *self = DOSSIER_COLLECTIONS_SIDEBAR (user_data);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  graphene_point_t point;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box) ||
      !gtk_widget_compute_point (row, GTK_WIDGET (self->list_box),
                                 &GRAPHENE_POINT_INIT (24, gtk_widget_get_height (row) / 2.f), &point))
    return FALSE;
  popup_menu (self, GTK_LIST_BOX_ROW (row), point.x, point.y);
  return TRUE;
}

/* "Collections" above the first collection. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *view = row_view (row);
  gboolean first = view != NULL && g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX) &&
                   (before == NULL || !g_str_has_prefix (row_view (before) ?: "", DOSSIER_VIEW_COLLECTION_PREFIX));

  if (first && gtk_list_box_row_get_header (row) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Collections"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_header (row, label);
    }
  else if (!first)
    gtk_list_box_row_set_header (row, NULL);
}

/* The Trash's count: articles and collections. */
static void
trash_changed_cb (DossierCollectionsSidebar *self)
{
  guint n = self->library != NULL ? g_list_model_get_n_items (dossier_library_get_trash (self->library)) : 0;
  g_autoptr(GListModel) collections = self->library != NULL ?
                                      dossier_library_list_trashed_collections (self->library, NULL) : NULL;
  g_autofree char *count = NULL;

  n += collections != NULL ? g_list_model_get_n_items (collections) : 0;
  count = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");

  gtk_image_set_from_icon_name (self->trash_icon, n > 0 ? "user-trash-full-symbolic" : "user-trash-symbolic");
  gtk_label_set_label (self->trash_count, count);
}

/* Articles dropped on a collection: the window adds them. */
static gboolean
drop_cb (GtkDropTarget             *target,
         const GValue              *value,
         double                     x,
         double                     y,
         DossierCollectionsSidebar *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *view = row_view (GTK_LIST_BOX_ROW (row));
  GtkStringList *ids = g_value_get_object (value);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (view == NULL || !g_str_has_prefix (view, DOSSIER_VIEW_COLLECTION_PREFIX) || ids == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ids)); i++)
    g_strv_builder_add (builder, gtk_string_list_get_string (ids, i));
  strv = g_strv_builder_end (builder);
  if (strv[0] == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.add-ids-to-collection", "(x^as)",
                                     g_ascii_strtoll (view + strlen (DOSSIER_VIEW_COLLECTION_PREFIX), NULL, 10),
                                     strv);
}

/**
 * dossier_collections_sidebar_reload:
 *
 * Reads the collections again (after a change here or by another
 * program). The view stays, unless its collection is gone: then All
 * Articles.
 */
void
dossier_collections_sidebar_reload (DossierCollectionsSidebar *self)
{
  g_autoptr(GListModel) collections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self));

  if (self->library != NULL)
    {
      collections = dossier_library_list_collections (self->library, &error);
      /* Not a warning: the built-in views still work; the next change reads again. */
      if (collections == NULL)
        g_debug ("Could not list the collections: %s", error->message);
    }
  for (guint i = 0; collections != NULL && i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);

      g_string_append_printf (shown, "%" G_GINT64_FORMAT "\t%s\t%u\n", dossier_collection_get_id (collection),
                              dossier_collection_get_name (collection), dossier_collection_get_n_documents (collection));
    }

  /* Unchanged (the window reads them whenever it is focused): the rows,
   * and the keyboard focus in them, stay. */
  if (g_strcmp0 (self->shown_collections, shown->str) == 0)
    {
      trash_changed_cb (self);
      return;
    }
  g_free (self->shown_collections);
  self->shown_collections = g_strdup (shown->str);

  self->reloading = TRUE;
  /* The collections follow the three views and the Trash. */
  while ((row = gtk_list_box_get_row_at_index (self->list_box, 4)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  self->reloading = FALSE;

  for (guint i = 0; collections != NULL && i < g_list_model_get_n_items (collections); i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);
      g_autofree char *view = g_strdup_printf (DOSSIER_VIEW_COLLECTION_PREFIX "%" G_GINT64_FORMAT,
                                               dossier_collection_get_id (collection));
      g_autofree char *count = g_strdup_printf ("%u", dossier_collection_get_n_documents (collection));
      GtkWidget *collection_row = make_row (view, "folder-symbolic", dossier_collection_get_name (collection), count);
      GtkDropTarget *drop = gtk_drop_target_new (GTK_TYPE_STRING_LIST, GDK_ACTION_COPY);

      /* Articles dragged from the list (the row shows :drop(active) meanwhile). */
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (collection_row, GTK_EVENT_CONTROLLER (drop));
      gtk_list_box_append (self->list_box, collection_row);
    }

  if (find_row (self, self->view) == NULL)
    set_view (self, DOSSIER_VIEW_ALL);
  select_view_row (self);
  trash_changed_cb (self);
  g_signal_emit (self, signals[RELOADED], 0, collections);
}

/**
 * dossier_collections_sidebar_dup_view_title:
 *
 * Returns: (transfer full): the name of the view, as its row shows it
 */
char *
dossier_collections_sidebar_dup_view_title (DossierCollectionsSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);

  row = find_row (self, self->view);
  return g_strdup (row != NULL ? gtk_widget_get_tooltip_text (GTK_WIDGET (row)) : _("All Articles"));
}

DossierLibrary *
dossier_collections_sidebar_get_library (DossierCollectionsSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);
  return self->library;
}

void
dossier_collections_sidebar_set_library (DossierCollectionsSidebar *self,
                                         DossierLibrary            *library)
{
  g_return_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_trash (self->library), trash_changed_cb, self);
  g_set_object (&self->library, library);
  g_clear_pointer (&self->shown_collections, g_free);
  if (library != NULL)
    g_signal_connect_object (dossier_library_get_trash (library), "items-changed",
                             G_CALLBACK (trash_changed_cb), self, G_CONNECT_SWAPPED);
  trash_changed_cb (self);
  dossier_collections_sidebar_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * dossier_collections_sidebar_get_view:
 *
 * Returns: the view shown: %DOSSIER_VIEW_ALL, %DOSSIER_VIEW_RECENT,
 *   %DOSSIER_VIEW_UNREAD or %DOSSIER_VIEW_COLLECTION_PREFIX and an id
 */
const char *
dossier_collections_sidebar_get_view (DossierCollectionsSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);
  return self->view;
}

/**
 * dossier_collections_sidebar_set_view:
 * @view: a view; one the sidebar does not list (a collection since
 *   deleted, say) is All Articles
 */
void
dossier_collections_sidebar_set_view (DossierCollectionsSidebar *self,
                                      const char                *view)
{
  g_return_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self));

  set_view (self, view != NULL && find_row (self, view) != NULL ? view : DOSSIER_VIEW_ALL);
  select_view_row (self);
}

GtkListBox *
dossier_collections_sidebar_get_list (DossierCollectionsSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);
  return self->list_box;
}

static void
dossier_collections_sidebar_dispose (GObject *object)
{
  DossierCollectionsSidebar *self = DOSSIER_COLLECTIONS_SIDEBAR (object);
  GtkWidget *child;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_trash (self->library), trash_changed_cb, self);
  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COLLECTIONS_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_collections_sidebar_parent_class)->dispose (object);
}

static void
dossier_collections_sidebar_finalize (GObject *object)
{
  DossierCollectionsSidebar *self = DOSSIER_COLLECTIONS_SIDEBAR (object);

  g_free (self->view);
  g_free (self->shown_collections);
  G_OBJECT_CLASS (dossier_collections_sidebar_parent_class)->finalize (object);
}

static void
dossier_collections_sidebar_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  DossierCollectionsSidebar *self = DOSSIER_COLLECTIONS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_collections_sidebar_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  DossierCollectionsSidebar *self = DOSSIER_COLLECTIONS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      dossier_collections_sidebar_set_library (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      dossier_collections_sidebar_set_view (self, g_value_get_string (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_collections_sidebar_class_init (DossierCollectionsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_collections_sidebar_dispose;
  object_class->finalize = dossier_collections_sidebar_finalize;
  object_class->get_property = dossier_collections_sidebar_get_property;
  object_class->set_property = dossier_collections_sidebar_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, DOSSIER_VIEW_ALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's leaflet: folded, the pane shows the window's
   * close button. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierCollectionsSidebar::reloaded:
   * @collections: (nullable): the #DossierCollection listed
   *
   * The collections were read again (menus that list them follow).
   */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossier/Dossier/ui/dossier-collections-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierCollectionsSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierCollectionsSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "collections-sidebar");
}

static void
dossier_collections_sidebar_init (DossierCollectionsSidebar *self)
{
  GtkWidget *box;

  self->view = g_strdup (DOSSIER_VIEW_ALL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);

  gtk_list_box_append (self->list_box, make_row (DOSSIER_VIEW_ALL, "folder-documents-symbolic", _("All Articles"), ""));
  /* Translators: a view of the articles added in the last 30 days */
  gtk_list_box_append (self->list_box, make_row (DOSSIER_VIEW_RECENT, "document-open-recent-symbolic",
                                                 _("Recently Added"), ""));
  /* Translators: a view of the articles never opened */
  gtk_list_box_append (self->list_box, make_row (DOSSIER_VIEW_UNREAD, "mail-unread-symbolic", _("Unread"), ""));

  self->trash_row = make_row (NULL, "user-trash-symbolic", _("Trash"), "");
  gtk_widget_set_tooltip_text (self->trash_row, _("Deleted articles, kept for 30 days"));
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->trash_row), FALSE);
  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->trash_row));
  self->trash_icon = GTK_IMAGE (gtk_widget_get_first_child (box));
  self->trash_count = GTK_LABEL (gtk_widget_get_last_child (box));
  gtk_list_box_append (self->list_box, self->trash_row);

  select_view_row (self);
  trash_changed_cb (self);

  self->menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
  gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self->list_box));
  {
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_box), GTK_EVENT_CONTROLLER (click));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                            gtk_callback_action_new (menu_key_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);
  }
}

/**
 * dossier_collections_sidebar_get_row:
 * @view: a view
 *
 * Returns: (transfer none) (nullable): its row (for tests)
 */
GtkListBoxRow *
dossier_collections_sidebar_get_row (DossierCollectionsSidebar *self,
                                     const char                *view)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);
  return find_row (self, view);
}

/**
 * dossier_collections_sidebar_popup_menu:
 * @view: the view whose row's context menu to show
 *
 * Shows the row's context menu, as a right click on it does (for tests).
 *
 * Returns: (transfer none) (nullable): the menu's popover
 */
GtkPopover *
dossier_collections_sidebar_popup_menu (DossierCollectionsSidebar *self,
                                        const char                *view)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_COLLECTIONS_SIDEBAR (self), NULL);

  row = find_row (self, view);
  if (row == NULL)
    return NULL;
  popup_menu (self, row, 24, 0);
  return GTK_POPOVER (self->menu_popover);
}

/**
 * dossier_collections_sidebar_new:
 *
 * Returns: (transfer floating): a new sidebar, showing no library yet
 */
GtkWidget *
dossier_collections_sidebar_new (void)
{
  return g_object_new (DOSSIER_TYPE_COLLECTIONS_SIDEBAR, NULL);
}
