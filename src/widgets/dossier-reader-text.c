/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-reader-text.h"

/*
 * The reader's text view: a read-only GtkTextView that draws boxes behind
 * ranges of its text (the key points, author cards, a rule beside pull
 * quotes and a quieter one beside block quotations; text tags cannot pad
 * or round a background), and whose Tab walks the footnote markers
 * anchored in it in reading order. DossierReaderView fills it.
 *
 * It selects as a reader does, not as an editor: its context menu holds
 * Copy, Select All and the view's own items (GtkTextView's would show
 * Cut, Paste, Delete, Undo and Emoji greyed out), a triple click selects
 * the paragraph (GTK's selects a line as displayed), and a selection
 * dragged with the pointer takes in the words it cuts into.
 */

typedef struct
{
  guint start;
  guint end;
  DossierReaderBoxKind kind;
} Box;

struct _DossierReaderText
{
  GtkTextView parent_instance;

  GArray *boxes;         /* Box */
  GPtrArray *markers;    /* borrowed from the view, in reading order */
  GdkRGBA key_points_bg;
  GdkRGBA card_bg;
  GdkRGBA accent;
  GdkRGBA rule;
  int pad;

  GtkWidget *menu;       /* the context menu, once shown */
  guint snap_idle;
};

G_DEFINE_FINAL_TYPE (DossierReaderText, dossier_reader_text, GTK_TYPE_TEXT_VIEW)

static void
dossier_reader_text_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  int width = gtk_widget_get_width (GTK_WIDGET (text_view));
  int left = gtk_text_view_get_left_margin (text_view);
  int right = gtk_text_view_get_right_margin (text_view);

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);

  for (guint i = 0; i < self->boxes->len; i++)
    {
      const Box *box = &g_array_index (self->boxes, Box, i);
      GtkTextIter start, end;
      int y1, h1, y2, h2;
      GskRoundedRect rounded;
      graphene_rect_t rect;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, box->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, box->end);
      /* The box ends with its last line, not the next paragraph's. */
      if (gtk_text_iter_get_line_offset (&end) == 0 && !gtk_text_iter_equal (&start, &end))
        gtk_text_iter_backward_char (&end);
      gtk_text_view_get_line_yrange (text_view, &start, &y1, &h1);
      gtk_text_view_get_line_yrange (text_view, &end, &y2, &h2);

      if (y2 + h2 < visible.y || y1 > visible.y + visible.height)
        continue;

      if (box->kind == DOSSIER_READER_BOX_QUOTE_RULE)
        {
          int quote_left = 0;
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "pull-quote");

          g_object_get (tag, "left-margin", &quote_left, NULL);
          rect = GRAPHENE_RECT_INIT (quote_left - self->pad, y1 + h1 * 0.15, 4, (y2 + h2) - y1 - h1 * 0.15 - self->pad);
          gsk_rounded_rect_init_from_rect (&rounded, &rect, 2);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &self->accent, &rect);
          gtk_snapshot_pop (snapshot);
          continue;
        }

      if (box->kind == DOSSIER_READER_BOX_BLOCK_QUOTE_RULE)
        {
          int quote_left = 0, below = 0;
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "block-quote");

          /* From the top of the first line to the bottom of the last one's
           * text, not through the space below the quotation. */
          g_object_get (tag, "left-margin", &quote_left, "pixels-below-lines", &below, NULL);
          rect = GRAPHENE_RECT_INIT (quote_left - self->pad, y1, 3, MAX (h1, (y2 + h2) - y1 - below));
          gsk_rounded_rect_init_from_rect (&rounded, &rect, 1.5);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &self->rule, &rect);
          gtk_snapshot_pop (snapshot);
          continue;
        }

      rect = GRAPHENE_RECT_INIT (left - self->pad, y1, width - left - right + 2 * self->pad, (y2 + h2) - y1);
      gsk_rounded_rect_init_from_rect (&rounded, &rect, 12);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, box->kind == DOSSIER_READER_BOX_KEY_POINTS ? &self->key_points_bg : &self->card_bg, &rect);
      gtk_snapshot_pop (snapshot);
    }
}

/* Tab and Shift+Tab walk the footnote markers in reading order. GTK's
 * default sorts children by position, and markers in lines the text view
 * has not laid out yet have no position, so they would come first. */
static gboolean
dossier_reader_text_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gboolean on_text = gtk_widget_is_focus (widget);
  int current = -1;
  int next;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || self->markers == NULL)
    return GTK_WIDGET_CLASS (dossier_reader_text_parent_class)->focus (widget, direction);

  for (guint i = 0; focus != NULL && i < self->markers->len; i++)
    if (focus == self->markers->pdata[i] || gtk_widget_is_ancestor (focus, self->markers->pdata[i]))
      current = i;

  /* Coming in from outside: the text itself takes the focus first. */
  if (!on_text && current < 0)
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  if (on_text)
    next = forward ? 0 : -1;
  else
    next = forward ? current + 1 : current - 1;

  if (!forward && !on_text && next < 0)
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  if (next < 0 || next >= (int) self->markers->len)
    return FALSE;

  gtk_widget_grab_focus (self->markers->pdata[next]);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Selecting as a reader                                                    */

static void
popup_menu_at (DossierReaderText *self,
               int                x,
               int                y)
{
  g_autoptr(GMenu) model = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (self));

  /* GtkTextView's own actions, enabled as the selection allows. */
  g_menu_append (section, _("_Copy"), "clipboard.copy");
  g_menu_append (section, _("Select _All"), "selection.select-all");
  g_menu_append_section (model, NULL, G_MENU_MODEL (section));
  if (extra != NULL)
    g_menu_append_section (model, NULL, extra);

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (model));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Shift+F10 and the Menu key: the menu at the cursor. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter cursor;
  GdkRectangle location;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (text_view, &cursor, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y + location.height, &x, &y);
  x = CLAMP (x, 0, gtk_widget_get_width (widget));
  y = CLAMP (y, 0, gtk_widget_get_height (widget));
  popup_menu_at (DOSSIER_READER_TEXT (widget), x, y);
}

static gboolean
iter_at_point (GtkTextView *text_view,
               double       x,
               double       y,
               GtkTextIter *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (text_view, iter, bx, by);
}

/* Right click: the menu, for the selection when the click is on it, else
 * with the cursor moved to the click as GtkTextView does. */
static void
secondary_pressed_cb (GtkGestureClick   *gesture,
                      int                n_press,
                      double             x,
                      double             y,
                      DossierReaderText *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter iter, start, end;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (iter_at_point (text_view, x, y, &iter) &&
      !(gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
        gtk_text_iter_in_range (&iter, &start, &end)))
    gtk_text_buffer_place_cursor (buffer, &iter);
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  popup_menu_at (self, (int) x, (int) y);
}

/* A triple click selects the paragraph (a line of the buffer), however
 * many lines it takes on screen. */
static void
primary_pressed_cb (GtkGestureClick   *gesture,
                    int                n_press,
                    double             x,
                    double             y,
                    DossierReaderText *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextIter start, end;

  if (n_press != 3 || !iter_at_point (text_view, x, y, &start))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (text_view), &end, &start);
}

/* Moves @iter out of the word it is inside of, backward or forward. */
static void
snap_to_word (GtkTextIter *iter,
              gboolean     backward)
{
  if (!gtk_text_iter_inside_word (iter) || gtk_text_iter_starts_word (iter))
    return;
  if (backward)
    gtk_text_iter_backward_word_start (iter);
  else
    gtk_text_iter_forward_word_end (iter);
}

static gboolean
snap_idle_cb (gpointer data)
{
  DossierReaderText *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter insert, bound;
  gboolean forward;

  self->snap_idle = 0;
  if (!gtk_text_buffer_get_has_selection (buffer))
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  forward = gtk_text_iter_compare (&bound, &insert) < 0;
  snap_to_word (&insert, !forward);
  snap_to_word (&bound, forward);
  gtk_text_buffer_select_range (buffer, &insert, &bound);
  return G_SOURCE_REMOVE;
}

/* A selection dragged with the pointer takes in the words it cuts into,
 * once GtkTextView has finished it (after this capture-phase handler). */
static void
drag_end_cb (GtkGestureDrag    *gesture,
             double             offset_x,
             double             offset_y,
             DossierReaderText *self)
{
  if (self->snap_idle == 0)
    self->snap_idle = g_idle_add (snap_idle_cb, self);
}

static void
dossier_reader_text_finalize (GObject *object)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  g_clear_pointer (&self->boxes, g_array_unref);
  G_OBJECT_CLASS (dossier_reader_text_parent_class)->finalize (object);
}

static void
dossier_reader_text_dispose (GObject *object)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  g_clear_handle_id (&self->snap_idle, g_source_remove);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS (dossier_reader_text_parent_class)->dispose (object);
}

static void
dossier_reader_text_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (widget);

  GTK_WIDGET_CLASS (dossier_reader_text_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
dossier_reader_text_class_init (DossierReaderTextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_reader_text_dispose;
  G_OBJECT_CLASS (klass)->finalize = dossier_reader_text_finalize;
  widget_class->focus = dossier_reader_text_focus;
  widget_class->size_allocate = dossier_reader_text_size_allocate;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_reader_text_snapshot_layer;
  /* In place of GtkTextView's (Shift+F10, Menu). */
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_menu_action);
}

static void
dossier_reader_text_init (DossierReaderText *self)
{
  GtkGesture *gesture;

  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->pad = 16;

  /* Capture phase: ahead of GtkTextView's own gestures. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (primary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
dossier_reader_text_new (GtkTextBuffer *buffer)
{
  return g_object_new (DOSSIER_TYPE_READER_TEXT, "buffer", buffer, NULL);
}

/**
 * dossier_reader_text_add_box:
 * @start: buffer offset of the first character
 * @end: buffer offset after the last one
 *
 * Draws a box of @kind behind the lines from @start to @end, below the
 * text, until dossier_reader_text_clear_boxes().
 */
void
dossier_reader_text_add_box (DossierReaderText    *self,
                             guint                 start,
                             guint                 end,
                             DossierReaderBoxKind  kind)
{
  Box box = { start, end, kind };

  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));

  g_array_append_val (self->boxes, box);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_reader_text_clear_boxes (DossierReaderText *self)
{
  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));

  g_array_set_size (self->boxes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_reader_text_set_pad:
 * @pad: pixels the boxes reach into the margins
 *
 * Boxes reach a little into the margin so that their text lines up with
 * the body's.
 */
void
dossier_reader_text_set_pad (DossierReaderText *self,
                             int                pad)
{
  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));

  if (self->pad == pad)
    return;
  self->pad = pad;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Colours come from the style manager (see the view's update_colors()):
 * snapshots only read them. */
void
dossier_reader_text_set_colors (DossierReaderText *self,
                                const GdkRGBA     *key_points_bg,
                                const GdkRGBA     *card_bg,
                                const GdkRGBA     *accent,
                                const GdkRGBA     *rule)
{
  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));

  self->key_points_bg = *key_points_bg;
  self->card_bg = *card_bg;
  self->accent = *accent;
  self->rule = *rule;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_reader_text_set_markers:
 * @markers: (nullable): the footnote markers in reading order, owned by the
 *   caller, who keeps it alive or sets %NULL before dropping it
 */
void
dossier_reader_text_set_markers (DossierReaderText *self,
                                 GPtrArray         *markers)
{
  g_return_if_fail (DOSSIER_IS_READER_TEXT (self));
  self->markers = markers;
}
