/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-tag-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "store/dossier-library-collections.h"
#include "dossier-library-monitor.h"
#include "dossier-tag-bar.h"

/*
 * The open article's tags, under the reader's header: a pill per tag with
 * a remove button, and an "Add Tag" entry that offers the library's
 * existing tags in a popover list filtered as the analyst types (Up and
 * Down choose, Enter adds, Escape closes). GtkEntryCompletion is
 * deprecated, so the list is our own.
 *
 * The tags are read from the store again whenever the database changes
 * on disk, so a tag added by dossier-cli or another window shows here.
 * What the store refuses (an empty or too long tag, a read-only library)
 * is said through ::message, which the reader page shows as a toast.
 */

/* The completion list stops there: more is noise, typing narrows it. */
#define MAX_COMPLETIONS 50

struct _DossierTagBar
{
  GtkWidget parent_instance;

  GtkFlowBox *flow_box;
  GtkEntry *entry;
  GtkPopover *completion;
  GtkListBox *completion_list;
  GtkScrolledWindow *completion_scroll;

  DossierLibrary *library;
  char *document_id;
  char **tags;       /* the document's, as shown */
  char **all_tags;   /* the library's, for completion */

  DossierLibraryMonitor *library_monitor;
};

G_DEFINE_FINAL_TYPE (DossierTagBar, dossier_tag_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_completion (DossierTagBar *self);

static void
say (DossierTagBar *self,
     const char    *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static gboolean
has_tag (DossierTagBar *self,
         const char    *tag)
{
  /* The store compares tags without regard to ASCII case. */
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->tags[i], tag) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_writable (DossierTagBar *self)
{
  return self->library != NULL && !dossier_library_is_read_only (self->library);
}

static void
remove_clicked_cb (GtkButton     *button,
                   DossierTagBar *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GError) error = NULL;

  if (self->library == NULL || self->document_id == NULL)
    return;
  if (!dossier_library_remove_tag (self->library, self->document_id, tag, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not remove the tag: %s"), error->message);

      say (self, message);
    }
  dossier_tag_bar_reload (self);
}

static GtkWidget *
create_pill (DossierTagBar *self,
             const char    *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_widget_set_tooltip_text (label, tag);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "tag-pill");

  if (is_writable (self))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *description = g_strdup_printf (_("Remove Tag “%s”"), tag);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  else
    gtk_widget_add_css_class (box, "read-only");
  return box;
}

static void
show_tags (DossierTagBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    {
      GtkWidget *pill = create_pill (self, self->tags[i]);

      gtk_flow_box_append (self->flow_box, pill);
      /* Pills are not choices: only their buttons take the focus. */
      gtk_widget_set_focusable (gtk_widget_get_parent (pill), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), self->tags != NULL && self->tags[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->entry), is_writable (self));
}

/**
 * dossier_tag_bar_reload:
 *
 * Reads the document's tags and the library's from the store again.
 */
void
dossier_tag_bar_reload (DossierTagBar *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (DOSSIER_IS_TAG_BAR (self));

  g_clear_pointer (&self->all_tags, g_strfreev);
  if (self->library != NULL && self->document_id != NULL)
    {
      tags = dossier_library_dup_tags (self->library, self->document_id, &error);
      /* Gone from the library (moved to the Trash meanwhile): no tags. */
      if (error != NULL)
        g_debug ("Cannot read the tags of %s: %s", self->document_id, error->message);
      g_clear_error (&error);
      self->all_tags = dossier_library_dup_all_tags (self->library, &error);
      if (error != NULL)
        g_debug ("Cannot read the library's tags: %s", error->message);
    }

  /* Rebuilding the pills would take the focus from a remove button for
   * nothing when a write elsewhere left the tags as they were. */
  if (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *) self->tags,
                                                          (const char * const *) tags))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->entry), is_writable (self));
      update_completion (self);
      return;
    }
  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&tags);
  show_tags (self);
  update_completion (self);
}

/* --- completion --------------------------------------------------------- */

static void
update_completion (DossierTagBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *typed = NULL;
  g_autofree char *needle = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->completion_list))) != NULL)
    gtk_list_box_remove (self->completion_list, child);

  typed = g_strstrip (g_strdup (text));
  needle = g_utf8_casefold (typed, -1);
  for (guint i = 0; *needle != '\0' && self->all_tags != NULL && self->all_tags[i] != NULL && n < MAX_COMPLETIONS; i++)
    {
      g_autofree char *folded = g_utf8_casefold (self->all_tags[i], -1);
      GtkWidget *label;

      if (has_tag (self, self->all_tags[i]) || strstr (folded, needle) == NULL)
        continue;
      label = gtk_label_new (self->all_tags[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      g_object_set_data_full (G_OBJECT (label), "tag", g_strdup (self->all_tags[i]), g_free);
      gtk_list_box_append (self->completion_list, label);
      n++;
    }

  if (n > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->entry)))
    gtk_popover_popup (self->completion);
  else
    gtk_popover_popdown (self->completion);
}

static void
entry_changed_cb (DossierTagBar *self)
{
  update_completion (self);
}

static const char *
row_tag (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "tag");
}

/**
 * dossier_tag_bar_add_tag:
 * @tag: a tag as typed
 *
 * Gives the document the tag, as Enter in the entry does; what the store
 * refuses is said through ::message.
 *
 * Returns: %TRUE when the tag was added (or was there already)
 */
gboolean
dossier_tag_bar_add_tag (DossierTagBar *self,
                         const char    *tag)
{
  g_autoptr(GError) error = NULL;
  gboolean added;

  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  if (self->library == NULL || self->document_id == NULL)
    return FALSE;
  added = dossier_library_add_tag (self->library, self->document_id, tag, &error);
  if (!added)
    {
      g_autofree char *message = g_strdup_printf (_("Could not add the tag: %s"), error->message);

      say (self, message);
    }
  dossier_tag_bar_reload (self);
  return added;
}

static void
add_and_clear (DossierTagBar *self,
               const char    *tag)
{
  g_autofree char *copy = g_strdup (tag);

  /* Kept in the entry when refused, to be corrected. */
  if (dossier_tag_bar_add_tag (self, copy))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_popover_popdown (self->completion);
}

static void
entry_activate_cb (DossierTagBar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->completion_list);

  if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->completion)))
    add_and_clear (self, row_tag (row));
  else
    add_and_clear (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
completion_activated_cb (DossierTagBar *self,
                         GtkListBoxRow *row)
{
  add_and_clear (self, row_tag (row));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Up and Down move through the list while the focus stays in the entry,
 * as in a search provider's results. */
static void
move_selection (DossierTagBar *self,
                int            delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->completion_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + delta : (delta > 0 ? 0 : -1);
  GtkListBoxRow *next;

  if (index < 0)
    {
      gtk_list_box_unselect_all (self->completion_list);
      return;
    }
  next = gtk_list_box_get_row_at_index (self->completion_list, index);
  if (next != NULL)
    {
      GtkAdjustment *adjustment;
      graphene_rect_t bounds;

      gtk_list_box_select_row (self->completion_list, next);
      /* Keep it in view inside the scrolled list. */
      adjustment = gtk_scrolled_window_get_vadjustment (self->completion_scroll);
      if (adjustment != NULL &&
          gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (self->completion_list), &bounds))
        gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
    }
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DossierTagBar         *self)
{
  gboolean open = gtk_widget_get_visible (GTK_WIDGET (self->completion));

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!open)
        update_completion (self);
      if (gtk_widget_get_visible (GTK_WIDGET (self->completion)))
        move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (open)
        move_selection (self, -1);
      return open;
    case GDK_KEY_Escape:
      if (open)
        {
          gtk_popover_popdown (self->completion);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
entry_focus_leave_cb (DossierTagBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A click in the list moves no focus; anywhere else closes it. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->completion)))
    gtk_popover_popdown (self->completion);
}

/* --- changes made elsewhere --------------------------------------------- */

/* A tag by dossier-cli, another window, or this one (then nothing changes
 * and nothing is rebuilt). */
static void
unwatch (DossierTagBar *self)
{
  g_clear_object (&self->library_monitor);
}

static void
watch (DossierTagBar *self)
{
  const char *path = self->library != NULL ? dossier_library_get_path (self->library) : NULL;

  unwatch (self);
  if (path == NULL || self->document_id == NULL)
    return;
  self->library_monitor = dossier_library_monitor_new (path);
  g_signal_connect_object (self->library_monitor, "changed",
                           G_CALLBACK (dossier_tag_bar_reload), self, G_CONNECT_SWAPPED);
}

/* --- object ------------------------------------------------------------- */

static void
dossier_tag_bar_dispose (GObject *object)
{
  DossierTagBar *self = DOSSIER_TAG_BAR (object);

  unwatch (self);
  if (self->completion != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->completion));
  self->completion = NULL;
  self->completion_list = NULL;
  self->completion_scroll = NULL;
  g_clear_object (&self->library);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->all_tags, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TAG_BAR);
  /* The template's outer box has no name, so no one else unparents it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (dossier_tag_bar_parent_class)->dispose (object);
}

static void
dossier_tag_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierTagBar *self = DOSSIER_TAG_BAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_bar_class_init (DossierTagBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_tag_bar_dispose;
  object_class->get_property = dossier_tag_bar_get_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTagBar::message:
   * @message: what went wrong, for a toast
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-tag-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagBar, flow_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTagBar, entry);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiertagbar");
}

static void
dossier_tag_bar_init (DossierTagBar *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkWidget *scrolled;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->completion_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->completion_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->completion_list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completion_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Existing Tags"), -1);
  g_signal_connect_object (self->completion_list, "row-activated", G_CALLBACK (completion_activated_cb), self,
                           G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->completion_list));
  self->completion_scroll = GTK_SCROLLED_WINDOW (scrolled);

  /* Not autohide: that would grab the keyboard from the entry. */
  self->completion = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->completion, FALSE);
  gtk_popover_set_has_arrow (self->completion, FALSE);
  gtk_popover_set_position (self->completion, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->completion), GTK_ALIGN_START);
  gtk_popover_set_child (self->completion, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->completion), GTK_WIDGET (self->entry));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);

  show_tags (self);
}

GtkWidget *
dossier_tag_bar_new (void)
{
  return g_object_new (DOSSIER_TYPE_TAG_BAR, NULL);
}

/**
 * dossier_tag_bar_set_document:
 * @library: (nullable): the library the document is in
 * @document_id: (nullable): the document whose tags to show
 */
void
dossier_tag_bar_set_document (DossierTagBar  *self,
                              DossierLibrary *library,
                              const char     *document_id)
{
  g_return_if_fail (DOSSIER_IS_TAG_BAR (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
  if (g_strcmp0 (self->document_id, document_id) != 0)
    {
      g_free (self->document_id);
      self->document_id = g_strdup (document_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_clear_pointer (&self->tags, g_strfreev);
  watch (self);
  dossier_tag_bar_reload (self);
  show_tags (self);
}

const char *
dossier_tag_bar_get_document_id (DossierTagBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);
  return self->document_id;
}

DossierLibrary *
dossier_tag_bar_get_library (DossierTagBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);
  return self->library;
}

/**
 * dossier_tag_bar_dup_shown_tags:
 *
 * Returns: (transfer full): the labels of the pills, in order
 */
char **
dossier_tag_bar_dup_shown_tags (DossierTagBar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *pill = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *label = gtk_widget_get_first_child (pill);

      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_strv_builder_end (builder);
}

GtkEditable *
dossier_tag_bar_get_entry (DossierTagBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);
  return GTK_EDITABLE (self->entry);
}

GtkPopover *
dossier_tag_bar_get_completion (DossierTagBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);
  return self->completion;
}

GtkListBox *
dossier_tag_bar_get_completion_list (DossierTagBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_BAR (self), NULL);
  return self->completion_list;
}
