/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-trash-page"

#include "config.h"

#include <glib/gi18n.h>

#include "store/dossier-library-collections.h"
#include "dossier-trash-page.h"

/*
 * The Trash: the library's deleted articles (dossier_library_get_trash()),
 * most recently deleted first, each with when it was deleted, when it
 * goes for good and a Restore button; Empty Trash… in the header bar. The
 * commands are the window's actions (win.restore-document with the
 * article's id, win.empty-trash, which asks first), so the page only
 * shows the model. Deleted collections are listed below the articles
 * (win.restore-collection with the collection's id); the store tells
 * nobody when they change, so the window calls
 * dossier_trash_page_reload_collections() after it changes them.
 */

#define SECONDS_PER_DAY (24 * 60 * 60)

struct _DossierTrashPage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget *empty_button;
  GtkStack *stack;
  GtkListBox *list_box;
  GtkWidget *collections_heading;
  GtkListBox *collections_list;
  guint n_collections;

  DossierLibrary *library;
  gboolean folded;
};

G_DEFINE_FINAL_TYPE (DossierTrashPage, dossier_trash_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Deleted today · deleted for good in 30 days", as the Files app says it. */
static char *
dup_when (DossierTrashItem *item)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 days_ago = MAX (now - dossier_trash_item_get_trashed (item), 0) / SECONDS_PER_DAY;
  gint64 days_left = (dossier_trash_item_get_expires (item) - now + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
  g_autofree char *deleted = NULL;
  g_autofree char *left = NULL;

  if (days_ago == 0)
    deleted = g_strdup (_("Deleted today"));
  else if (days_ago == 1)
    deleted = g_strdup (_("Deleted yesterday"));
  else
    deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u day ago", "Deleted %u days ago",
                                            (gulong) MIN (days_ago, G_MAXUINT)),
                               (guint) MIN (days_ago, G_MAXUINT));

  if (days_left <= 1)
    left = g_strdup (_("deleted for good within a day"));
  else
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "deleted for good in %u day", "deleted for good in %u days",
                                         (gulong) MIN (days_left, G_MAXUINT)),
                            (guint) MIN (days_left, G_MAXUINT));

  /* Translators: when an article was deleted, and when it goes for good */
  return g_strdup_printf (_("%s · %s"), deleted, left);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  DossierTrashItem *trashed = DOSSIER_TRASH_ITEM (item);
  DossierDocument *document = dossier_trash_item_get_document (trashed);
  const char *title = dossier_document_get_title (document);
  g_autofree char *authors = dossier_document_dup_author_names (document);
  g_autofree char *when = dup_when (trashed);
  g_autofree char *subtitle = NULL;
  g_autofree char *restore_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (title == NULL || *title == '\0')
    title = _("Untitled");
  subtitle = authors != NULL && *authors != '\0' ? g_strdup_printf ("%s\n%s", authors, when) : g_steal_pointer (&when);

  /* Titles and names are the documents' text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-document");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", dossier_document_get_id (document));
  /* Translators: the accessible name of an article's Restore button in the Trash */
  restore_label = g_strdup_printf (_("Restore “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_collection_row (DossierCollection *collection)
{
  const char *name = dossier_collection_get_name (collection);
  guint n = dossier_collection_get_n_documents (collection);
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  g_autofree char *restore_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), articles);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("folder-symbolic"));

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-collection");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (dossier_collection_get_id (collection)));
  restore_label = g_strdup_printf (_("Restore “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
trash_changed_cb (DossierTrashPage *self)
{
  guint n = self->library != NULL ? g_list_model_get_n_items (dossier_library_get_trash (self->library)) : 0;
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, n + self->n_collections > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->empty_button, n + self->n_collections > 0);
  if (n > 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  adw_window_title_set_subtitle (self->window_title, count ? count : "");
}

/**
 * dossier_trash_page_reload_collections:
 *
 * Reads the deleted collections again.
 */
void
dossier_trash_page_reload_collections (DossierTrashPage *self)
{
  g_autoptr(GListModel) collections = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_return_if_fail (DOSSIER_IS_TRASH_PAGE (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->collections_list))) != NULL)
    gtk_list_box_remove (self->collections_list, row);
  if (self->library != NULL && (collections = dossier_library_list_trashed_collections (self->library, &error)) == NULL)
    g_debug ("Could not list the collections in the Trash: %s", error->message);
  self->n_collections = collections != NULL ? g_list_model_get_n_items (collections) : 0;
  for (guint i = 0; i < self->n_collections; i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);

      gtk_list_box_append (self->collections_list, create_collection_row (collection));
    }
  gtk_widget_set_visible (self->collections_heading, self->n_collections > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->collections_list), self->n_collections > 0);
  trash_changed_cb (self);
}

/**
 * dossier_trash_page_get_collections_list:
 *
 * Returns: (transfer none): the list of the collections in the Trash (for
 *   tests)
 */
GtkListBox *
dossier_trash_page_get_collections_list (DossierTrashPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_PAGE (self), NULL);
  return self->collections_list;
}

/**
 * dossier_trash_page_set_library:
 * @library: (nullable): the library whose Trash to show
 */
void
dossier_trash_page_set_library (DossierTrashPage *self,
                                DossierLibrary   *library)
{
  g_return_if_fail (DOSSIER_IS_TRASH_PAGE (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_trash (self->library), trash_changed_cb, self);
  g_set_object (&self->library, library);

  gtk_list_box_bind_model (self->list_box,
                           library != NULL ? dossier_library_get_trash (library) : NULL,
                           library != NULL ? create_row_cb : NULL, self, NULL);
  if (library != NULL)
    g_signal_connect_object (dossier_library_get_trash (library), "items-changed",
                             G_CALLBACK (trash_changed_cb), self, G_CONNECT_SWAPPED);
  dossier_trash_page_reload_collections (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * dossier_trash_page_get_library:
 *
 * Returns: (transfer none) (nullable): the library shown
 */
DossierLibrary *
dossier_trash_page_get_library (DossierTrashPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_PAGE (self), NULL);
  return self->library;
}

/**
 * dossier_trash_page_get_list:
 *
 * Returns: (transfer none): the list of the articles in the Trash, one
 *   row each (for tests)
 */
GtkListBox *
dossier_trash_page_get_list (DossierTrashPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_PAGE (self), NULL);
  return self->list_box;
}

/**
 * dossier_trash_page_get_empty:
 *
 * Returns: whether the page shows that the Trash is empty
 */
gboolean
dossier_trash_page_get_empty (DossierTrashPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_PAGE (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

static void
dossier_trash_page_dispose (GObject *object)
{
  DossierTrashPage *self = DOSSIER_TRASH_PAGE (object);
  GtkWidget *child;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_trash (self->library), trash_changed_cb, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TRASH_PAGE);
  /* Only bound template children go with the template; the box too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_trash_page_parent_class)->dispose (object);
}

static void
dossier_trash_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierTrashPage *self = DOSSIER_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_trash_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierTrashPage *self = DOSSIER_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      dossier_trash_page_set_library (self, g_value_get_object (value));
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
dossier_trash_page_class_init (DossierTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_trash_page_dispose;
  object_class->get_property = dossier_trash_page_get_property;
  object_class->set_property = dossier_trash_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's leaflet: folded, the page shows a way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/ui/dossier-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, collections_heading);
  gtk_widget_class_bind_template_child (widget_class, DossierTrashPage, collections_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_trash_page_init (DossierTrashPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  trash_changed_cb (self);
}

/**
 * dossier_trash_page_new:
 *
 * Returns: (transfer floating): a new Trash page, showing no library yet
 */
GtkWidget *
dossier_trash_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_TRASH_PAGE, NULL);
}
