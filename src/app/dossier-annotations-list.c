/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-annotations-list"

#include "config.h"

#include <glib/gi18n.h>

#include "memo/dossier-memo-inline.h"
#include "store/dossier-highlight.h"
#include "store/dossier-library-collections.h"
#include "widgets/dossier-memo-markup.h"
#include "widgets/dossier-memo-text-view.h"
#include "dossier-annotations-list.h"
#include "dossier-library-monitor.h"
#include "dossier-spell-checker.h"

/*
 * The highlights and notes of the article being read, in reading order,
 * as Foliate's annotations sidebar lists them: each passage quoted, its
 * note under it. Activating one emits ::highlight-activated for the
 * reader page to show the passage.
 *
 * Above them, the article's own note: plain text with the memo's inline
 * markup, shown as the memo's editor shows it. It is saved a moment after
 * the typing stops, when the editor loses the focus, and before another
 * article (or none) is shown or the list goes away, so closing the
 * article or the window never loses it. A note changed by another
 * program (dossier-cli library note) is read again, unless the analyst
 * is writing in it: then their text wins, and is saved as ever.
 */

/* The pause in the typing after which the note is saved. */
#define NOTE_SAVE_DELAY_MS 500
struct _DossierAnnotationsList
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkListBox *list_box;
  GtkWidget *note_box;
  GtkTextView *note_view;
  GtkTextBuffer *note_buffer;

  GListModel *highlights;
  DossierLibrary *library;
  char *document_id;
  DossierLibraryMonitor *library_monitor;
  guint note_save_source;
  gboolean note_dirty;
  gboolean loading_note;
};

G_DEFINE_FINAL_TYPE (DossierAnnotationsList, dossier_annotations_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HIGHLIGHT_ACTIVATED,
  HIGHLIGHT_NOTE_REQUESTED,
  HIGHLIGHT_TO_MEMO_REQUESTED,
  NOTE_TO_MEMO_REQUESTED,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_writable (DossierAnnotationsList *self)
{
  return self->library != NULL && !dossier_library_is_read_only (self->library);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DossierAnnotationsList *self = user_data;
  DossierHighlight *highlight = item;
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), dossier_highlight_get_text (highlight) ?: "");
  const char *note = dossier_highlight_get_note (highlight);
  GtkWidget *text = gtk_label_new (quoted);
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  /* A long passage is shown whole in the text, a click away. */
  gtk_label_set_lines (GTK_LABEL (text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_widget_add_css_class (text, "annotation-text");
  gtk_box_append (GTK_BOX (box), text);

  if (note != NULL && *note != '\0')
    {
      /* Its bold and italic as the memo will print them; the rest,
       * markup characters included, as typed. */
      g_autofree char *markup = dossier_memo_inline_to_pango (note);
      GtkWidget *note_label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (note_label), markup);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (note_label), 36);
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (box), note_label);
    }

  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (outer), box);
  {
    /* The highlight's own commands, as its context menu in the text has. */
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenuItem) memo_item = g_menu_item_new (_("Add to _Memo"), NULL);
    GtkWidget *button = gtk_menu_button_new ();

    g_menu_item_set_action_and_target_value (memo_item, "annotations.add-to-memo",
                                             g_variant_new_int64 (dossier_highlight_get_id (highlight)));
    g_menu_append_item (menu, memo_item);
    /* A note's own words, with the article's citation; a highlight
     * without one has nothing to add. */
    if (note != NULL && *note != '\0')
      {
        g_autoptr(GMenuItem) note_memo_item = g_menu_item_new (_("Add Note _to Memo"), NULL);

        g_menu_item_set_action_and_target_value (note_memo_item, "annotations.note-to-memo",
                                                 g_variant_new_int64 (dossier_highlight_get_id (highlight)));
        g_menu_append_item (menu, note_memo_item);
      }
    if (is_writable (self))
      {
        g_autoptr(GMenuItem) note_item =
          g_menu_item_new (note != NULL && *note != '\0' ? _("Edit _Note…") : _("Add _Note…"), NULL);

        g_menu_item_set_action_and_target_value (note_item, "annotations.edit-note",
                                                 g_variant_new_int64 (dossier_highlight_get_id (highlight)));
        g_menu_append_item (menu, note_item);
      }
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_set_valign (button, GTK_ALIGN_START);
    gtk_widget_set_tooltip_text (button, _("Highlight Menu"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Highlight Menu"), -1);
    gtk_box_append (GTK_BOX (outer), button);
  }

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 6);
  gtk_widget_set_margin_top (outer, 10);
  gtk_widget_set_margin_bottom (outer, 10);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_highlight_get_text (highlight) ?: "", -1);
  return row;
}

static void
row_activated_cb (DossierAnnotationsList *self,
                  GtkListBoxRow          *row)
{
  g_autoptr(DossierHighlight) highlight = NULL;

  if (self->highlights == NULL)
    return;
  highlight = g_list_model_get_item (self->highlights, (guint) gtk_list_box_row_get_index (row));
  if (highlight != NULL)
    g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, highlight);
}

/* The row menus' actions: the highlight of the id given, to the owner. */
static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (widget);
  gint64 id = g_variant_get_int64 (parameter);
  guint signal = HIGHLIGHT_NOTE_REQUESTED;

  if (g_str_equal (action_name, "annotations.add-to-memo"))
    signal = HIGHLIGHT_TO_MEMO_REQUESTED;
  else if (g_str_equal (action_name, "annotations.note-to-memo"))
    signal = NOTE_TO_MEMO_REQUESTED;

  for (guint i = 0; self->highlights != NULL && i < g_list_model_get_n_items (self->highlights); i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (self->highlights, i);

      if (dossier_highlight_get_id (highlight) == id)
        {
          if (signal == NOTE_TO_MEMO_REQUESTED)
            g_signal_emit (self, signals[signal], 0, highlight, dossier_highlight_get_note (highlight));
          else
            g_signal_emit (self, signals[signal], 0, highlight);
          return;
        }
    }
}

static void
update_stack (DossierAnnotationsList *self)
{
  gboolean any = self->highlights != NULL && g_list_model_get_n_items (self->highlights) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

/* --- the article's note ------------------------------------------------- */

/**
 * dossier_annotations_list_save_note:
 *
 * Stores the article's note now if it changed since it was last stored
 * (it is otherwise stored shortly after the typing stops).
 *
 * Returns: %FALSE when the store refused it (said through ::message)
 */
gboolean
dossier_annotations_list_save_note (DossierAnnotationsList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), FALSE);

  g_clear_handle_id (&self->note_save_source, g_source_remove);
  if (!self->note_dirty || self->library == NULL || self->document_id == NULL)
    return TRUE;

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE);
  if (!dossier_library_set_note (self->library, self->document_id, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the article note: %s"), error->message);

      /* Still dirty: the next pause or focus change tries again. */
      g_signal_emit (self, signals[MESSAGE], 0, message);
      return FALSE;
    }
  self->note_dirty = FALSE;
  return TRUE;
}

/**
 * dossier_annotations_list_dup_note:
 *
 * Returns: (transfer full): the article's note as shown (and being typed)
 */
char *
dossier_annotations_list_dup_note (DossierAnnotationsList *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE);
}

/* Add Note to Memo is there for a note with something in it. */
static void
update_note_actions (DossierAnnotationsList *self)
{
  g_autofree char *text = dossier_annotations_list_dup_note (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annotations.article-note-to-memo",
                                 self->document_id != NULL && *g_strstrip (text) != '\0');
}

static void
article_note_to_memo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (widget);
  g_autofree char *text = dossier_annotations_list_dup_note (self);

  g_signal_emit (self, signals[NOTE_TO_MEMO_REQUESTED], 0, NULL, text);
}

static gboolean
note_save_timeout_cb (gpointer data)
{
  DossierAnnotationsList *self = data;

  self->note_save_source = 0;
  dossier_annotations_list_save_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (DossierAnnotationsList *self)
{
  dossier_memo_markup_apply_tags (self->note_view);
  update_note_actions (self);
  if (self->loading_note)
    return;
  self->note_dirty = TRUE;
  g_clear_handle_id (&self->note_save_source, g_source_remove);
  self->note_save_source = g_timeout_add (NOTE_SAVE_DELAY_MS, note_save_timeout_cb, self);
}

static void reread_note (DossierAnnotationsList *self);

static void
note_focus_leave_cb (DossierAnnotationsList *self)
{
  /* Saved when changed, else what another program wrote meanwhile. */
  if (self->note_dirty)
    dossier_annotations_list_save_note (self);
  else
    reread_note (self);
}

static void
load_note (DossierAnnotationsList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gboolean writable = self->library != NULL && !dossier_library_is_read_only (self->library);

  if (self->library != NULL && self->document_id != NULL)
    {
      note = dossier_library_dup_note (self->library, self->document_id, &error);
      if (error != NULL)
        g_debug ("Cannot read the note of %s: %s", self->document_id, error->message);
    }
  self->loading_note = TRUE;
  gtk_text_buffer_set_text (self->note_buffer, note ?: "", -1);
  self->loading_note = FALSE;
  self->note_dirty = FALSE;
  gtk_text_view_set_editable (self->note_view, writable);
  gtk_text_view_set_cursor_visible (self->note_view, writable);
  gtk_widget_set_visible (self->note_box, self->document_id != NULL);
  update_note_actions (self);
}

/* The stored note, when it differs from the one shown and the analyst is
 * not writing in it (unsaved text, or the focus in the editor). Our own
 * saves come back here too, and change nothing. */
static void
reread_note (DossierAnnotationsList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  if (self->library == NULL || self->document_id == NULL || self->note_dirty ||
      gtk_widget_has_focus (GTK_WIDGET (self->note_view)))
    return;
  stored = dossier_library_dup_note (self->library, self->document_id, &error);
  if (error != NULL)
    {
      g_debug ("Cannot read the note of %s again: %s", self->document_id, error->message);
      return;
    }
  shown = dossier_annotations_list_dup_note (self);
  if (g_strcmp0 (stored ? stored : "", shown) != 0)
    load_note (self);
}

static void
watch_library (DossierAnnotationsList *self)
{
  const char *path = self->library != NULL ? dossier_library_get_path (self->library) : NULL;

  g_clear_object (&self->library_monitor);
  if (path == NULL || self->document_id == NULL)
    return;
  self->library_monitor = dossier_library_monitor_new (path);
  g_signal_connect_object (self->library_monitor, "changed", G_CALLBACK (reread_note), self, G_CONNECT_SWAPPED);
}

static void
dossier_annotations_list_dispose (GObject *object)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  /* The window closing with the article open: the note goes to the store
   * first. */
  if (self->note_buffer != NULL)
    dossier_annotations_list_save_note (self);
  g_clear_handle_id (&self->note_save_source, g_source_remove);
  g_clear_object (&self->library_monitor);
  g_clear_object (&self->note_buffer);
  g_clear_object (&self->library);
  g_clear_pointer (&self->document_id, g_free);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->highlights);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATIONS_LIST);
  /* The template's outer box has no name, so no one else unparents it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (dossier_annotations_list_parent_class)->dispose (object);
}

static void
dossier_annotations_list_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTS:
      g_value_set_object (value, self->highlights);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_list_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTS:
      dossier_annotations_list_set_highlights (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_list_class_init (DossierAnnotationsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_annotations_list_dispose;
  object_class->get_property = dossier_annotations_list_get_property;
  object_class->set_property = dossier_annotations_list_set_property;

  properties[PROP_HIGHLIGHTS] =
    g_param_spec_object ("highlights", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierAnnotationsList::highlight-activated:
   * @highlight: the DossierHighlight clicked or activated
   */
  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_HIGHLIGHT);

  /**
   * DossierAnnotationsList::highlight-note-requested:
   * @highlight: the DossierHighlight whose note to add or edit
   */
  signals[HIGHLIGHT_NOTE_REQUESTED] =
    g_signal_new ("highlight-note-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_HIGHLIGHT);
  /**
   * DossierAnnotationsList::highlight-to-memo-requested:
   * @highlight: the DossierHighlight to add to the memo as an excerpt
   */
  signals[HIGHLIGHT_TO_MEMO_REQUESTED] =
    g_signal_new ("highlight-to-memo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_HIGHLIGHT);
  gtk_widget_class_install_action (widget_class, "annotations.edit-note", "x", highlight_action);
  gtk_widget_class_install_action (widget_class, "annotations.add-to-memo", "x", highlight_action);

  /**
   * DossierAnnotationsList::note-to-memo-requested:
   * @highlight: (nullable): the DossierHighlight whose note it is, %NULL
   *   for the article's note
   * @note: the note, never blank
   */
  signals[NOTE_TO_MEMO_REQUESTED] =
    g_signal_new ("note-to-memo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DOSSIER_TYPE_HIGHLIGHT, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "annotations.note-to-memo", "x", highlight_action);
  gtk_widget_class_install_action (widget_class, "annotations.article-note-to-memo", NULL,
                                   article_note_to_memo_action);

  /**
   * DossierAnnotationsList::message:
   * @message: what went wrong, for a toast
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (DOSSIER_TYPE_MEMO_TEXT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-annotations-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, list_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, note_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, note_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossierannotationslist");
}

static void
dossier_annotations_list_init (DossierAnnotationsList *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_stack (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annotations.article-note-to-memo", FALSE);

  self->note_buffer = g_object_ref (gtk_text_view_get_buffer (self->note_view));
  dossier_memo_markup_create_tags (self->note_buffer);
  dossier_spell_checker_attach (self->note_view);
  g_signal_connect_object (self->note_buffer, "changed", G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
}

GtkWidget *
dossier_annotations_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATIONS_LIST, NULL);
}

/**
 * dossier_annotations_list_set_highlights:
 * @highlights: (nullable): the article's DossierHighlights in reading order
 */
void
dossier_annotations_list_set_highlights (DossierAnnotationsList *self,
                                         GListModel             *highlights)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self));
  g_return_if_fail (highlights == NULL || G_IS_LIST_MODEL (highlights));

  if (!g_set_object (&self->highlights, highlights))
    return;
  gtk_list_box_bind_model (self->list_box, highlights, create_row, self, NULL);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTS]);
}

/**
 * dossier_annotations_list_get_highlights:
 *
 * Returns: (transfer none) (nullable): the highlights listed
 */
GListModel *
dossier_annotations_list_get_highlights (DossierAnnotationsList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);
  return self->highlights;
}

/**
 * dossier_annotations_list_get_list_box:
 *
 * Returns: (transfer none): the list's rows (for tests)
 */
GtkListBox *
dossier_annotations_list_get_list_box (DossierAnnotationsList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);
  return self->list_box;
}

/**
 * dossier_annotations_list_set_document:
 * @library: (nullable): the library the article is in
 * @document_id: (nullable): the article whose note to show
 *
 * Stores the note being edited (if it changed), then shows the note of
 * @document_id, read-only when the library is.
 */
void
dossier_annotations_list_set_document (DossierAnnotationsList *self,
                                       DossierLibrary         *library,
                                       const char             *document_id)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self));
  g_return_if_fail (library == NULL || DOSSIER_IS_LIBRARY (library));

  dossier_annotations_list_save_note (self);
  g_set_object (&self->library, library);
  g_free (self->document_id);
  self->document_id = g_strdup (document_id);
  load_note (self);
  watch_library (self);
}

/**
 * dossier_annotations_list_get_note_view:
 *
 * Returns: (transfer none): the article note's editor
 */
GtkTextView *
dossier_annotations_list_get_note_view (DossierAnnotationsList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);
  return self->note_view;
}
