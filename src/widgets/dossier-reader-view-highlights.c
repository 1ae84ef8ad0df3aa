/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include "dossier-reader-view-private.h"

/*
 * Positions in DossierReaderView: the document counts (paragraph index,
 * code point offset), the buffer counts its own offsets, with footnote
 * markers and their word joiners in between that the document does not
 * have. The highlights are drawn at document positions.
 */

/* ------------------------------------------------------------------------ */
/* Mapping between the buffer and (paragraph, code point) positions           */

gboolean
_dossier_reader_view_iter_at_paragraph_offset (DossierReaderView *self,
                                               guint              paragraph,
                                               guint              offset,
                                               gboolean           is_end,
                                               GtkTextIter       *iter)
{
  const Range *range;
  guint counted = 0;

  if (paragraph >= self->paragraphs->len)
    return FALSE;

  range = &g_array_index (self->paragraphs, Range, paragraph);
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, range->start);

  /* Markers take one buffer position each but are not part of the text. */
  while ((guint) gtk_text_iter_get_offset (iter) < range->end)
    {
      gboolean is_anchor = _dossier_reader_view_is_marker_position (iter);

      if (!is_anchor && counted == offset)
        break;
      if (is_anchor && is_end && counted == offset)
        break;
      if (!is_anchor)
        counted++;
      gtk_text_iter_forward_char (iter);
    }

  return counted == offset;
}

guint
_dossier_reader_view_paragraph_at_offset (DossierReaderView *self,
                                          guint              offset,
                                          gboolean          *inside)
{
  guint lo = 0, hi = self->paragraphs->len;

  /* Last paragraph starting at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->paragraphs, Range, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  if (inside != NULL)
    *inside = self->paragraphs->len > 0 &&
              g_array_index (self->paragraphs, Range, lo).start <= offset &&
              offset <= g_array_index (self->paragraphs, Range, lo).end;
  return lo;
}

static guint
text_offset_in_paragraph (DossierReaderView *self,
                          guint              paragraph,
                          guint              buffer_offset)
{
  const Range *range = &g_array_index (self->paragraphs, Range, paragraph);
  GtkTextIter iter;
  guint counted = 0;

  buffer_offset = CLAMP (buffer_offset, range->start, range->end);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, range->start);
  while ((guint) gtk_text_iter_get_offset (&iter) < buffer_offset)
    {
      if (!_dossier_reader_view_is_marker_position (&iter))
        counted++;
      gtk_text_iter_forward_char (&iter);
    }
  return counted;
}

/* Splits the selection into per-paragraph segments of document text. */
GArray *
_dossier_reader_view_selection_segments (DossierReaderView *self)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  GtkTextIter start, end;
  guint s, e;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) || self->paragraphs->len == 0)
    return segments;

  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);
  for (guint i = _dossier_reader_view_paragraph_at_offset (self, s, NULL); i < self->paragraphs->len; i++)
    {
      const Range *range = &g_array_index (self->paragraphs, Range, i);
      Segment segment;

      if (range->start >= e)
        break;
      if (range->end <= s)
        continue;

      segment.paragraph = i;
      segment.start = text_offset_in_paragraph (self, i, MAX (s, range->start));
      segment.end = text_offset_in_paragraph (self, i, MIN (e, range->end));
      if (segment.end > segment.start)
        g_array_append_val (segments, segment);
    }

  return segments;
}

/* ------------------------------------------------------------------------ */
/* Highlights                                                                 */

static void
apply_highlight (DossierReaderView *self,
                 const Highlight   *highlight,
                 const char        *tag_name)
{
  GtkTextIter start, end;

  if (!_dossier_reader_view_iter_at_paragraph_offset (self, highlight->paragraph, highlight->start, FALSE, &start) ||
      !_dossier_reader_view_iter_at_paragraph_offset (self, highlight->paragraph, highlight->end, TRUE, &end))
    return;
  if (tag_name != NULL)
    gtk_text_buffer_apply_tag_by_name (self->buffer, tag_name, &start, &end);
  else
    gtk_text_buffer_remove_tag_by_name (self->buffer, "highlight", &start, &end);
}

/* Draws every highlight again, after the text was set anew. */
void
_dossier_reader_view_apply_highlights (DossierReaderView *self)
{
  for (guint i = 0; i < self->highlights->len; i++)
    apply_highlight (self, &g_array_index (self->highlights, Highlight, i), "highlight");
}

/**
 * dossier_reader_view_add_highlight:
 * @id: the store's id of the highlight, used to remove it later
 * @paragraph: index of the paragraph in the document
 * @start: first code point of the highlighted text
 * @end: code point after the highlighted text
 *
 * Shows a highlight. Ranges outside the document are ignored, so stale
 * highlights of an edited document cannot break the view.
 */
void
dossier_reader_view_add_highlight (DossierReaderView *self,
                                   gint64             id,
                                   guint              paragraph,
                                   guint              start,
                                   guint              end)
{
  Highlight highlight = { id, paragraph, start, end, FALSE };

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (end <= start)
    return;
  g_array_append_val (self->highlights, highlight);
  apply_highlight (self, &highlight, "highlight");
  _dossier_reader_view_update_actions (self);
}

void
dossier_reader_view_remove_highlight (DossierReaderView *self,
                                      gint64             id)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *highlight = &g_array_index (self->highlights, Highlight, i);

      if (highlight->id == id)
        {
          apply_highlight (self, highlight, NULL);
          g_array_remove_index (self->highlights, i);
          break;
        }
    }

  /* Overlapping highlights lost their tag with the removed one. */
  _dossier_reader_view_apply_highlights (self);
  _dossier_reader_view_update_actions (self);
}

void
dossier_reader_view_clear_highlights (DossierReaderView *self)
{
  GtkTextIter start, end;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  g_array_set_size (self->highlights, 0);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "highlight", &start, &end);
}

guint
dossier_reader_view_get_n_highlights (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);
  return self->highlights->len;
}

gint64
_dossier_reader_view_highlight_at_cursor (DossierReaderView *self)
{
  GtkTextIter start, end;
  guint s, e;

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *highlight = &g_array_index (self->highlights, Highlight, i);
      GtkTextIter hs, he;

      if (!_dossier_reader_view_iter_at_paragraph_offset (self, highlight->paragraph, highlight->start, FALSE, &hs) ||
          !_dossier_reader_view_iter_at_paragraph_offset (self, highlight->paragraph, highlight->end, TRUE, &he))
        continue;
      if ((guint) gtk_text_iter_get_offset (&hs) <= e && s <= (guint) gtk_text_iter_get_offset (&he))
        return highlight->id;
    }
  return -1;
}

Highlight *
_dossier_reader_view_find_highlight (DossierReaderView *self,
                                     gint64             id)
{
  for (guint i = 0; i < self->highlights->len; i++)
    if (g_array_index (self->highlights, Highlight, i).id == id)
      return &g_array_index (self->highlights, Highlight, i);
  return NULL;
}

/**
 * dossier_reader_view_set_highlight_noted:
 * @id: a highlight shown
 * @noted: whether it has a note
 *
 * Whether the highlight's context menu offers "Add Note…" or "Edit Note…".
 */
void
dossier_reader_view_set_highlight_noted (DossierReaderView *self,
                                         gint64             id,
                                         gboolean           noted)
{
  Highlight *highlight;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  highlight = _dossier_reader_view_find_highlight (self, id);
  if (highlight == NULL)
    return;
  highlight->noted = !!noted;
  _dossier_reader_view_update_actions (self);
}

/**
 * dossier_reader_view_get_highlight_at_cursor:
 *
 * Returns: the id of the highlight under the cursor (or the selection's
 *   start), or -1
 */
gint64
dossier_reader_view_get_highlight_at_cursor (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), -1);
  return self->highlights->len > 0 ? _dossier_reader_view_highlight_at_cursor (self) : -1;
}

/**
 * dossier_reader_view_set_notes_read_only:
 * @read_only: whether highlight notes cannot be changed (a read-only library)
 */
void
dossier_reader_view_set_notes_read_only (DossierReaderView *self,
                                         gboolean           read_only)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  self->notes_read_only = !!read_only;
  _dossier_reader_view_update_actions (self);
}
