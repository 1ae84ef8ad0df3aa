/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-text-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "dossier-memo-text-view.h"
#include "dossier-text-view-fit.h"

/*
 * The text view of a memo section. The buffer holds the memo's own
 * markup, citation markers included ("…as agreed.[^klingner]"), because
 * that is what undo, copy and paste, and the memo file must see. What
 * the analyst sees in place of a marker is its footnote number, raised,
 * as in the PDF: "…as agreed.¹".
 *
 * GTK 4.8's text view cannot show replacement text, so each marker is
 * drawn over: "[^id" is invisible, and the closing "]" is kept as a
 * transparent slot, letter-spaced to the width of the number, which
 * the view then draws on top of it. The cursor steps over a marker as
 * over one character, typing never lands inside one, and deleting any
 * part of a marker deletes all of it, so a marker is never half broken.
 */

#define MARKER_PATTERN "\\[\\^[A-Za-z0-9_.:-]{1,64}\\]"
#define NUMBER_SCALE 0.75
#define MAX_DIGITS 4

struct _DossierMemoTextView
{
  GtkTextView parent_instance;

  GtkTextBuffer *buffer;      /* the one whose signals are connected */
  GRegex *marker_regex;
  GArray *numbers;            /* guint per marker, in buffer order; 0 = no such source */
  guint n_markers;
  int last_cursor;            /* cursor offset before its last move */
  gboolean snapping;
  guint snap_source;
  gboolean widths_known;
  GdkRGBA number_color;       /* the style's accent, as links are drawn */
  DossierTextViewFit *fit;    /* a section is as tall as its text */
};

G_DEFINE_FINAL_TYPE (DossierMemoTextView, dossier_memo_text_view, GTK_TYPE_TEXT_VIEW)

/* ---- Markers ------------------------------------------------------------ */

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  return tag;
}

static int
layout_width (DossierMemoTextView *self,
              const char          *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_scale_new (NUMBER_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_size (layout, &width, NULL);
  return width;
}

/* The slot tags: "citation-width-N" makes the "]" as wide as an N-digit
 * number, from the font the view uses. */
static void
ensure_tags (DossierMemoTextView *self)
{
  GtkTextBuffer *buffer = self->buffer;

  /* No visible text: the number is drawn over the marker's room. The
   * marker is shrunk to nothing rather than made invisible, as GTK 4.8
   * misplaces iterators after invisible text on a line. */
  ensure_tag (buffer, "citation");
  g_object_set (ensure_tag (buffer, "citation-hidden"), "size", PANGO_SCALE / 100, NULL);
  ensure_tag (buffer, "citation-slot");

  if (self->widths_known)
    return;

  for (guint digits = 1; digits <= MAX_DIGITS; digits++)
    {
      g_autofree char *name = g_strdup_printf ("citation-width-%u", digits);
      g_autofree char *sample = g_strnfill (digits, '8');
      /* A point of air on each side keeps "word¹²" legible. */
      int spacing = layout_width (self, sample) + 2 * PANGO_SCALE;

      g_object_set (ensure_tag (buffer, name), "letter-spacing", spacing, NULL);
    }
  self->widths_known = TRUE;
}

static guint
count_digits (guint number)
{
  guint digits = 1;

  while (number >= 10 && digits < MAX_DIGITS)
    {
      number /= 10;
      digits++;
    }
  return digits;
}

static void
remove_marker_tags (DossierMemoTextView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  const char *names[] = { "citation", "citation-hidden", "citation-slot" };
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_text_buffer_remove_tag_by_name (self->buffer, names[i], &start, &end);
  for (guint digits = 1; digits <= MAX_DIGITS; digits++)
    {
      g_autofree char *name = g_strdup_printf ("citation-width-%u", digits);

      if (gtk_text_tag_table_lookup (table, name) != NULL)
        gtk_text_buffer_remove_tag_by_name (self->buffer, name, &start, &end);
    }
}

/**
 * dossier_memo_text_view_update_markers:
 *
 * Finds the citation markers in the buffer and shows each as its note
 * number. Call after every change of the text (the owner already
 * re-applies its formatting then).
 */
void
dossier_memo_text_view_update_markers (DossierMemoTextView *self)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint marker = 0;

  g_return_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self));

  if (self->buffer == NULL)
    return;

  ensure_tags (self);
  remove_marker_tags (self);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  g_regex_match (self->marker_regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *width_tag = NULL;
      GtkTextIter slot;
      int start_pos, end_pos;

      g_match_info_fetch_pos (match, 0, &start_pos, &end_pos);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, g_utf8_pointer_to_offset (text, text + start_pos));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, g_utf8_pointer_to_offset (text, text + end_pos));
      slot = end;
      gtk_text_iter_backward_char (&slot);

      width_tag = g_strdup_printf ("citation-width-%u",
                                   count_digits (dossier_memo_text_view_get_note_number (self, marker)));
      gtk_text_buffer_apply_tag_by_name (self->buffer, "citation", &start, &end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "citation-hidden", &start, &end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "citation-slot", &slot, &end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, width_tag, &slot, &end);

      marker++;
      g_match_info_next (match, NULL);
    }

  self->n_markers = marker;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_memo_text_view_set_note_numbers:
 * @numbers: (array length=n_numbers): the note number of each marker in
 *   the buffer, in order; 0 for a marker whose source does not exist
 *
 * Sets the numbers the markers show (the memo numbers its notes across
 * all sections, which one section's view cannot know).
 */
void
dossier_memo_text_view_set_note_numbers (DossierMemoTextView *self,
                                         const guint         *numbers,
                                         guint                n_numbers)
{
  g_return_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self));
  g_return_if_fail (numbers != NULL || n_numbers == 0);

  if (self->numbers->len == n_numbers &&
      (n_numbers == 0 || memcmp (self->numbers->data, numbers, n_numbers * sizeof (guint)) == 0))
    return;

  g_array_set_size (self->numbers, 0);
  g_array_append_vals (self->numbers, numbers, n_numbers);
  /* The slots' widths follow the numbers' digits. */
  dossier_memo_text_view_update_markers (self);
}

/**
 * dossier_memo_text_view_get_note_number:
 * @marker: index of a marker in the buffer
 *
 * Returns: the note number shown for @marker, or 0 when it has none
 */
guint
dossier_memo_text_view_get_note_number (DossierMemoTextView *self,
                                        guint                marker)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self), 0);

  return marker < self->numbers->len ? g_array_index (self->numbers, guint, marker) : 0;
}

/**
 * dossier_memo_text_view_get_n_markers:
 *
 * Returns: the number of citation markers found by the last update
 */
guint
dossier_memo_text_view_get_n_markers (DossierMemoTextView *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self), 0);

  return self->n_markers;
}

/**
 * dossier_memo_text_view_find_marker:
 * @iter: a position in the buffer
 * @touching: whether a marker that ends or starts at @iter counts
 * @start: (out): where the marker starts
 * @end: (out): where it ends
 *
 * Finds the marker @iter is inside of (or, with @touching, next to).
 * Reads the buffer itself, so the answer is right even in the middle
 * of a change.
 *
 * Returns: whether there is one
 */
gboolean
dossier_memo_text_view_find_marker (DossierMemoTextView *self,
                                    const GtkTextIter   *iter,
                                    gboolean             touching,
                                    GtkTextIter         *start,
                                    GtkTextIter         *end)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *line = NULL;
  GtkTextIter line_start, line_end;
  int offset = gtk_text_iter_get_line_offset (iter);
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self), FALSE);

  line_start = *iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_iter_get_text (&line_start, &line_end);

  g_regex_match (self->marker_regex, line, 0, &match);
  while (!found && g_match_info_matches (match))
    {
      int start_pos, end_pos, first, last;

      g_match_info_fetch_pos (match, 0, &start_pos, &end_pos);
      first = g_utf8_pointer_to_offset (line, line + start_pos);
      last = g_utf8_pointer_to_offset (line, line + end_pos);
      if (touching ? (offset >= first && offset <= last) : (offset > first && offset < last))
        {
          *start = *end = line_start;
          gtk_text_iter_set_line_offset (start, first);
          gtk_text_iter_set_line_offset (end, last);
          found = TRUE;
        }
      g_match_info_next (match, NULL);
    }

  return found;
}

/* The room of a marker's number, from the shrunk marker to the next
 * character (letter spacing may fall on either side of the slot), and
 * the baseline of its line (where the shrunk slot sits). */
static void
number_room (DossierMemoTextView *self,
             const GtkTextIter   *slot,
             float               *left,
             float               *right,
             float               *baseline)
{
  GdkRectangle rect, after;
  GtkTextIter next = *slot;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), slot, &rect);
  gtk_text_iter_forward_char (&next);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &next, &after);
  *left = rect.x;
  *right = (after.y == rect.y && after.x > rect.x) ? after.x : rect.x + rect.width;
  *baseline = rect.y + rect.height;
}

/**
 * dossier_memo_text_view_get_number_area:
 * @marker_start: where a marker starts
 * @area: (out): the area of its number, in buffer coordinates
 *
 * Returns: whether @marker_start starts a marker
 */
gboolean
dossier_memo_text_view_get_number_area (DossierMemoTextView *self,
                                        const GtkTextIter   *marker_start,
                                        GdkRectangle        *area)
{
  GtkTextTag *slot_tag;
  GtkTextIter slot;
  float left, right, baseline;
  int line_top, line_height;

  g_return_val_if_fail (DOSSIER_IS_MEMO_TEXT_VIEW (self), FALSE);

  slot_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_iter_get_buffer (marker_start)),
                                        "citation-slot");
  slot = *marker_start;
  if (slot_tag == NULL || !gtk_text_iter_forward_to_tag_toggle (&slot, slot_tag) ||
      !gtk_text_iter_starts_tag (&slot, slot_tag))
    return FALSE;

  number_room (self, &slot, &left, &right, &baseline);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &slot, &line_top, &line_height);
  area->x = floorf (left);
  area->width = MAX (1, (int) ceilf (right - left));
  area->y = line_top;
  area->height = MAX (1, (int) ceilf (baseline) - line_top);
  return TRUE;
}

/* ---- Editing around markers --------------------------------------------- */

static void
insert_text_cb (GtkTextBuffer       *buffer,
                GtkTextIter         *location,
                const char          *text,
                int                  length,
                DossierMemoTextView *self)
{
  GtkTextIter start, end;

  /* Typing into "[^id]" would break it: it goes after the marker. */
  if (dossier_memo_text_view_find_marker (self, location, FALSE, &start, &end))
    *location = end;
}

static void
delete_range_cb (GtkTextBuffer       *buffer,
                 GtkTextIter         *range_start,
                 GtkTextIter         *range_end,
                 DossierMemoTextView *self)
{
  GtkTextIter start, end;

  /* Deleting any part of a marker deletes the whole marker (undo brings
   * it back whole too). The signal passes its own iters, so widening
   * them widens what is deleted. */
  if (dossier_memo_text_view_find_marker (self, range_start, FALSE, &start, &end))
    *range_start = start;
  if (dossier_memo_text_view_find_marker (self, range_end, FALSE, &start, &end))
    *range_end = end;
}

/* Moves @mark out of the marker it is inside of, to the marker's far side
 * in the direction it was going (@previous is where it was). */
static gboolean
snap_out_of_marker (DossierMemoTextView *self,
                    GtkTextMark         *mark,
                    int                  previous)
{
  GtkTextIter iter, start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, mark);
  if (!dossier_memo_text_view_find_marker (self, &iter, FALSE, &start, &end))
    return FALSE;

  iter = previous <= gtk_text_iter_get_offset (&start) ? end : start;
  gtk_text_buffer_move_mark (self->buffer, mark, &iter);
  return TRUE;
}

/* A marker reads as one character: the cursor does not stop inside it.
 * Done once the move is over, as GTK moves the insertion point and the
 * selection bound one after the other (each with its own signal). */
static gboolean
snap_cursor_cb (gpointer data)
{
  DossierMemoTextView *self = data;
  GtkTextMark *insert, *bound;
  GtkTextIter iter;
  gboolean had_selection;

  self->snap_source = 0;
  if (self->buffer == NULL)
    return G_SOURCE_REMOVE;

  insert = gtk_text_buffer_get_insert (self->buffer);
  bound = gtk_text_buffer_get_selection_bound (self->buffer);
  had_selection = gtk_text_buffer_get_has_selection (self->buffer);

  self->snapping = TRUE;
  if (snap_out_of_marker (self, insert, self->last_cursor) && !had_selection)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
      gtk_text_buffer_place_cursor (self->buffer, &iter);
    }
  else if (had_selection)
    {
      /* A selection takes in a marker whole or not at all: the bound goes
       * away from the insertion point. */
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
      snap_out_of_marker (self, bound, gtk_text_iter_get_offset (&iter));
    }
  self->snapping = FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
  self->last_cursor = gtk_text_iter_get_offset (&iter);
  return G_SOURCE_REMOVE;
}

static void
mark_set_cb (GtkTextBuffer       *buffer,
             GtkTextIter         *location,
             GtkTextMark         *mark,
             DossierMemoTextView *self)
{
  if (self->snapping ||
      (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer)))
    return;

  /* Before the layout and the drawing of the frame. */
  if (self->snap_source == 0)
    self->snap_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, snap_cursor_cb, self, NULL);
}

/* Typing moves the cursor without a "mark-set": keep up with it. */
static void
changed_cb (GtkTextBuffer       *buffer,
            DossierMemoTextView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  self->last_cursor = gtk_text_iter_get_offset (&iter);
}

static void
connect_buffer (DossierMemoTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (buffer == self->buffer)
    return;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_set_object (&self->buffer, buffer);
  self->widths_known = FALSE;
  self->n_markers = 0;
  if (buffer == NULL)
    return;

  g_signal_connect (buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect (buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  g_signal_connect (buffer, "changed", G_CALLBACK (changed_cb), self);
}

/* ---- Copy and cut --------------------------------------------------------- */

/* The clipboard gets the markers as written ("[^id]"), hidden parts
 * included, so that a citation pasted elsewhere in the memo still cites. */
static void
copy_selection (DossierMemoTextView *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
dossier_memo_text_view_copy_clipboard (GtkTextView *view)
{
  copy_selection (DOSSIER_MEMO_TEXT_VIEW (view));
}

static void
dossier_memo_text_view_cut_clipboard (GtkTextView *view)
{
  DossierMemoTextView *self = DOSSIER_MEMO_TEXT_VIEW (view);

  copy_selection (self);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, gtk_text_view_get_editable (view));
}

/* ---- Drawing the numbers -------------------------------------------------- */

static void
draw_number (DossierMemoTextView *self,
             GtkSnapshot         *snapshot,
             const GtkTextIter   *slot,
             guint                number,
             const GdkRGBA       *color)
{
  g_autofree char *label = number > 0 ? g_strdup_printf ("%u", number) : g_strdup ("?");
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  float left, right, baseline, number_baseline;
  int width;

  pango_attr_list_insert (attrs, pango_attr_scale_new (NUMBER_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  number_baseline = pango_layout_get_baseline (layout) / (float) PANGO_SCALE;

  number_room (self, slot, &left, &right, &baseline);

  gtk_snapshot_save (snapshot);
  /* Centred in its room, raised by half its height: a superscript. */
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (left + MAX (0, right - left - width) / 2.0f,
                                                baseline - number_baseline * 1.45f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
dossier_memo_text_view_snapshot_layer (GtkTextView      *view,
                                       GtkTextViewLayer  layer,
                                       GtkSnapshot      *snapshot)
{
  DossierMemoTextView *self = DOSSIER_MEMO_TEXT_VIEW (view);
  GtkTextTag *slot_tag;
  GdkRectangle visible;
  GtkTextIter iter, last;
  guint marker = 0;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->buffer == NULL || self->n_markers == 0)
    return;

  slot_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), "citation-slot");
  if (slot_tag == NULL)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &last, visible.x + visible.width, visible.y + visible.height);
  gtk_text_iter_forward_line (&last);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, slot_tag) &&
         gtk_text_iter_compare (&iter, &last) <= 0)
    {
      if (gtk_text_iter_starts_tag (&iter, slot_tag))
        {
          draw_number (self, snapshot, &iter,
                       dossier_memo_text_view_get_note_number (self, marker), &self->number_color);
          marker++;
        }
    }
}

/* The accent colour of the style in use. Kept up to date here, never
 * looked up while drawing: the first adw_style_manager_get_default() of
 * a process (libadwaita not yet initialised) adds the style sheets, and
 * GTK 4.8 then reads freed CSS styles of the widgets being drawn. */
static void
update_number_color (DossierMemoTextView *self)
{
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (&self->number_color, "#78aeed");
  else
    gdk_rgba_parse (&self->number_color, "#1c71d8");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Object ------------------------------------------------------------- */

static void
dossier_memo_text_view_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  DossierMemoTextView *self = DOSSIER_MEMO_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_memo_text_view_parent_class)->size_allocate (widget, width, height, baseline);
  dossier_text_view_fit_allocated (self->fit, width);
}

static void
dossier_memo_text_view_dispose (GObject *object)
{
  DossierMemoTextView *self = DOSSIER_MEMO_TEXT_VIEW (object);

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->buffer);
  g_clear_handle_id (&self->snap_source, g_source_remove);
  g_clear_pointer (&self->fit, dossier_text_view_fit_free);

  G_OBJECT_CLASS (dossier_memo_text_view_parent_class)->dispose (object);
}

static void
dossier_memo_text_view_finalize (GObject *object)
{
  DossierMemoTextView *self = DOSSIER_MEMO_TEXT_VIEW (object);

  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_pointer (&self->marker_regex, g_regex_unref);

  G_OBJECT_CLASS (dossier_memo_text_view_parent_class)->finalize (object);
}

static void
dossier_memo_text_view_class_init (DossierMemoTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = dossier_memo_text_view_dispose;
  object_class->finalize = dossier_memo_text_view_finalize;

  widget_class->size_allocate = dossier_memo_text_view_size_allocate;

  text_view_class->snapshot_layer = dossier_memo_text_view_snapshot_layer;
  text_view_class->copy_clipboard = dossier_memo_text_view_copy_clipboard;
  text_view_class->cut_clipboard = dossier_memo_text_view_cut_clipboard;
}

static void
dossier_memo_text_view_init (DossierMemoTextView *self)
{
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->marker_regex = g_regex_new (MARKER_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  self->fit = dossier_text_view_fit_new (GTK_TEXT_VIEW (self));
  g_signal_connect (self, "notify::buffer", G_CALLBACK (connect_buffer), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_number_color), self, G_CONNECT_SWAPPED);
  update_number_color (self);
}

/**
 * dossier_memo_text_view_new:
 * @buffer: (nullable): the buffer to show
 *
 * Returns: a new memo text view
 */
GtkWidget *
dossier_memo_text_view_new (GtkTextBuffer *buffer)
{
  GtkWidget *view = g_object_new (DOSSIER_TYPE_MEMO_TEXT_VIEW, NULL);

  if (buffer != NULL)
    gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), buffer);
  return view;
}
