/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-section-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/dossier-memo-markup.h"
#include "widgets/dossier-memo-text-view.h"
#include "dossier-memo-section-editor.h"
#include "dossier-spell-checker.h"

/*
 * One section of the memo editor, a row of its sections list: the
 * section's title, and its blocks edited as one text (blank lines
 * between blocks, "- " bullets, "> " quotations), kept in step with the
 * section both ways. The row can be dragged by its handle; its buttons
 * and a click on a citation number are signals for the page, which
 * knows the memo.
 */

struct _DossierMemoSectionEditor
{
  GtkListBoxRow parent_instance;

  GtkWidget *handle;
  GtkWidget *title_entry;
  GtkTextView *view;

  DossierMemoSection *section;
  GtkTextBuffer *buffer;           /* the view's, whose signals are connected */
  gboolean syncing;
  gboolean selecting;
};

G_DEFINE_FINAL_TYPE (DossierMemoSectionEditor, dossier_memo_section_editor, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

enum {
  ENTERED,
  MOVE,
  REMOVE,
  SECTION_DROPPED,
  MARKER_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- The text ------------------------------------------------------------ */

/**
 * dossier_memo_section_editor_sync:
 *
 * Brings the text up to date with a change made to the section
 * elsewhere (an excerpt added); that change is not the analyst's to undo
 * here.
 */
void
dossier_memo_section_editor_sync (DossierMemoSectionEditor *self)
{
  g_autofree char *source = NULL;
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  g_return_if_fail (DOSSIER_IS_MEMO_SECTION_EDITOR (self));

  if (self->syncing || self->section == NULL)
    return;

  source = dossier_memo_section_dup_source_text (self->section);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  current = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, source) == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, source, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  dossier_memo_markup_apply_tags (self->view);
  self->syncing = FALSE;
}

static void
buffer_changed_cb (DossierMemoSectionEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);

  self->syncing = TRUE;
  dossier_memo_section_set_source_text (self->section, text);
  dossier_memo_markup_apply_tags (self->view);
  self->syncing = FALSE;
}

/* Template placeholders ("[what it is]") are meant to be typed over:
 * entering one selects it. */
static void
select_placeholder (DossierMemoSectionEditor *self,
                    gboolean                  touching)
{
  GtkTextIter insert, bound, line_start, line_end;
  g_autofree char *line = NULL;
  glong start, end;

  if (self->syncing || self->selecting)
    return;
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &insert, &bound))
    return;

  line_start = insert;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_text (self->buffer, &line_start, &line_end, TRUE);
  if (!dossier_memo_markup_find_placeholder (line, gtk_text_iter_get_line_offset (&insert), touching,
                                             &start, &end))
    return;

  insert = bound = line_start;
  gtk_text_iter_forward_chars (&insert, end);
  gtk_text_iter_forward_chars (&bound, start);
  self->selecting = TRUE;
  gtk_text_buffer_select_range (self->buffer, &insert, &bound);
  self->selecting = FALSE;
}

static void
mark_set_cb (DossierMemoSectionEditor *self,
             GtkTextIter              *location,
             GtkTextMark              *mark)
{
  if (mark != gtk_text_buffer_get_insert (self->buffer) || self->syncing)
    return;

  /* Excerpts go where the analyst is working. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->view)))
    g_signal_emit (self, signals[ENTERED], 0);
  select_placeholder (self, FALSE);
}

static void
title_focus_enter_cb (DossierMemoSectionEditor *self)
{
  g_signal_emit (self, signals[ENTERED], 0);
}

static void
view_focus_enter_cb (DossierMemoSectionEditor *self)
{
  g_signal_emit (self, signals[ENTERED], 0);
  select_placeholder (self, TRUE);
}

/* A click on a citation number (not beside it: there a click places
 * the cursor and nothing more). Not claimed, so the cursor moves too. */
static void
view_click_released_cb (GtkGestureClick          *gesture,
                        int                       n_press,
                        double                    x,
                        double                    y,
                        DossierMemoSectionEditor *self)
{
  GtkTextIter iter, start, end;
  GdkRectangle area;
  int bx, by;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (!dossier_memo_text_view_find_marker (DOSSIER_MEMO_TEXT_VIEW (self->view), &iter, TRUE, &start, &end) ||
      !dossier_memo_text_view_get_number_area (DOSSIER_MEMO_TEXT_VIEW (self->view), &start, &area) ||
      bx < area.x - 2 || bx > area.x + area.width + 2 || by < area.y || by > area.y + area.height)
    return;
  g_signal_emit (self, signals[MARKER_CLICKED], 0, gtk_text_iter_get_offset (&start));
}

/* ---- The row's controls -------------------------------------------------- */

static void
up_clicked_cb (DossierMemoSectionEditor *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (DossierMemoSectionEditor *self)
{
  g_signal_emit (self, signals[MOVE], 0, +1);
}

static void
remove_clicked_cb (DossierMemoSectionEditor *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static GdkContentProvider *
drag_prepare_cb (DossierMemoSectionEditor *self)
{
  return gdk_content_provider_new_typed (DOSSIER_TYPE_MEMO_SECTION, self->section);
}

static gboolean
drop_cb (GtkDropTarget            *target,
         const GValue             *value,
         double                    x,
         double                    y,
         DossierMemoSectionEditor *self)
{
  DossierMemoSection *dragged = g_value_get_object (value);
  gboolean moved = FALSE;

  if (dragged == NULL || dragged == self->section)
    return FALSE;
  g_signal_emit (self, signals[SECTION_DROPPED], 0, dragged, &moved);
  return moved;
}

/* Tab from the title goes on to the text, not to the Remove button
 * beside the title (which Tab order would reach first, being on the
 * same line; Ctrl+Shift+Tab from the text reaches it). */
static gboolean
title_tab_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  DossierMemoSectionEditor *self = user_data;

  return gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* ---- GObject -------------------------------------------------------------- */

static void
dossier_memo_section_editor_constructed (GObject *object)
{
  DossierMemoSectionEditor *self = (DossierMemoSectionEditor *)object;
  g_autofree char *source = NULL;
  GtkTextIter first;

  G_OBJECT_CLASS (dossier_memo_section_editor_parent_class)->constructed (object);
  g_return_if_fail (self->section != NULL);

  g_object_bind_property (self->section, "title", self->title_entry, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  /* Fill before connecting: loading the text is not an edit to undo. */
  source = dossier_memo_section_dup_source_text (self->section);
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, source, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  dossier_memo_markup_apply_tags (self->view);
  /* Tabbing in lands at the start, on a leading placeholder. */
  gtk_text_buffer_get_start_iter (self->buffer, &first);
  gtk_text_buffer_place_cursor (self->buffer, &first);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
}

static void
dossier_memo_section_editor_dispose (GObject *object)
{
  DossierMemoSectionEditor *self = (DossierMemoSectionEditor *)object;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_SECTION_EDITOR);
  g_clear_object (&self->buffer);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (dossier_memo_section_editor_parent_class)->dispose (object);
}

static void
dossier_memo_section_editor_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  DossierMemoSectionEditor *self = DOSSIER_MEMO_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_section_editor_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  DossierMemoSectionEditor *self = DOSSIER_MEMO_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_section_editor_class_init (DossierMemoSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_memo_section_editor_constructed;
  object_class->dispose = dossier_memo_section_editor_dispose;
  object_class->get_property = dossier_memo_section_editor_get_property;
  object_class->set_property = dossier_memo_section_editor_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, DOSSIER_TYPE_MEMO_SECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierMemoSectionEditor::entered:
   *
   * The focus came into the title or the text (or the cursor moved in
   * the focused text): this is the section the analyst works in.
   */
  signals[ENTERED] = g_signal_new ("entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DossierMemoSectionEditor::move:
   * @delta: -1 (up) or +1 (down)
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DossierMemoSectionEditor::section-dropped:
   * @section: the section dragged onto this one
   *
   * Returns: whether it was moved here
   */
  signals[SECTION_DROPPED] = g_signal_new ("section-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, g_signal_accumulator_true_handled, NULL, NULL,
                                           G_TYPE_BOOLEAN, 1, DOSSIER_TYPE_MEMO_SECTION);
  /**
   * DossierMemoSectionEditor::marker-clicked:
   * @offset: the character offset of the marker's "[" in the text
   */
  signals[MARKER_CLICKED] = g_signal_new ("marker-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (DOSSIER_TYPE_MEMO_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSectionEditor, handle);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSectionEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSectionEditor, view);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
dossier_memo_section_editor_init (DossierMemoSectionEditor *self)
{
  GtkEventController *controller;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->view));
  dossier_memo_markup_create_tags (self->buffer);
  dossier_spell_checker_attach (self->view);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));
  drop = gtk_drop_target_new (DOSSIER_TYPE_MEMO_SECTION, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (title_focus_enter_cb), self);
  gtk_widget_add_controller (self->title_entry, controller);
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Tab|KP_Tab"),
                                                          gtk_callback_action_new (title_tab_cb, self, NULL)));
  gtk_widget_add_controller (self->title_entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (view_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);
  /* Caught before the text view, which would take Alt+Return for a
   * new line. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Return|<Alt>KP_Enter"),
                                                          gtk_named_action_new ("memo.show-note")));
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (view_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
}

/**
 * dossier_memo_section_editor_new:
 * @section: the section to edit
 *
 * Returns: (transfer floating): a row editing @section
 */
GtkWidget *
dossier_memo_section_editor_new (DossierMemoSection *section)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (section), NULL);

  return g_object_new (DOSSIER_TYPE_MEMO_SECTION_EDITOR, "section", section, NULL);
}

/**
 * dossier_memo_section_editor_get_section:
 *
 * Returns: (transfer none): the section edited
 */
DossierMemoSection *
dossier_memo_section_editor_get_section (DossierMemoSectionEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION_EDITOR (self), NULL);
  return self->section;
}

/**
 * dossier_memo_section_editor_get_view:
 *
 * Returns: (transfer none): the text view (a #DossierMemoTextView)
 */
GtkTextView *
dossier_memo_section_editor_get_view (DossierMemoSectionEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION_EDITOR (self), NULL);
  return self->view;
}

/**
 * dossier_memo_section_editor_get_title_entry:
 *
 * Returns: (transfer none): the entry of the section's title
 */
GtkWidget *
dossier_memo_section_editor_get_title_entry (DossierMemoSectionEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION_EDITOR (self), NULL);
  return self->title_entry;
}
