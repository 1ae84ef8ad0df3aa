/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include "dossier-reader-text.h"

/*
 * The reader's text view: a read-only GtkTextView that draws boxes behind
 * ranges of its text (the key points, author cards, a rule beside pull
 * quotes and a quieter one beside block quotations; text tags cannot pad
 * or round a background), and whose Tab walks the footnote markers
 * anchored in it in reading order. DossierReaderView fills it.
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

static void
dossier_reader_text_finalize (GObject *object)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  g_clear_pointer (&self->boxes, g_array_unref);
  G_OBJECT_CLASS (dossier_reader_text_parent_class)->finalize (object);
}

static void
dossier_reader_text_class_init (DossierReaderTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_reader_text_finalize;
  GTK_WIDGET_CLASS (klass)->focus = dossier_reader_text_focus;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_reader_text_snapshot_layer;
}

static void
dossier_reader_text_init (DossierReaderText *self)
{
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->pad = 16;
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
