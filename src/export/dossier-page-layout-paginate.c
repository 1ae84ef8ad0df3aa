/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include "dossier-page-layout-private.h"

/*
 * Paginating: the shaped flows onto pages, keeping headings with what
 * follows, with no widow or orphan, and each footnote at the foot of the
 * page that references it. Footnote placement is here and not in a file
 * of its own because it cannot be apart from breaking the body: how many
 * lines fit on a page depends on the notes those lines bring with them.
 */

Note *
_dossier_page_layout_lookup_note (DossierPageLayout *self,
                                  guint              number)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->note_index, GUINT_TO_POINTER (number)));

  return index > 0 ? &g_array_index (self->notes, Note, index - 1) : NULL;
}

static double
lines_height (const Shape *shape,
              guint        first,
              guint        end)
{
  return shape->top[end] - shape->top[first];
}

/* A note taller than a third of the page may be split: kept whole, it
 * would push its reference overleaf and leave most of a page blank. It
 * still starts on its reference's page. */
static gboolean
is_long_note (DossierPageLayout *self,
              const Note        *note)
{
  return note->shape->n_lines > LONG_NOTE_FIRST_LINES + 2 &&
         lines_height (note->shape, 0, note->shape->n_lines) > self->text_height / 3;
}

/* The height of the notes that lines [first, end) of @shape bring onto
 * the page and that are not there yet nor counted under @mark. */
static double
notes_cost (DossierPageLayout *self,
            const Shape       *shape,
            guint              first,
            guint              end,
            guint              mark,
            gboolean          *long_note)
{
  double cost = 0;

  for (guint i = shape->note_start[first]; i < shape->note_start[end]; i++)
    {
      Note *note = _dossier_page_layout_lookup_note (self, g_array_index (shape->notes, guint, i));

      if (note == NULL || note->placed || note->mark == mark)
        continue;
      note->mark = mark;
      if (is_long_note (self, note))
        {
          /* It may start here with a few lines and go on overleaf. */
          cost += lines_height (note->shape, 0, LONG_NOTE_FIRST_LINES) + NOTE_GAP;
          if (long_note != NULL)
            *long_note = TRUE;
        }
      else
        cost += lines_height (note->shape, 0, note->shape->n_lines) + NOTE_GAP;
    }

  return cost;
}

static gboolean
state_fits (DossierPageLayout *self,
            double             body,
            double             notes)
{
  double note_area = self->state.nh + notes;

  if (self->state.nh == 0 && notes > 0)
    note_area += NOTE_SEP - NOTE_GAP;
  return self->state.y + body + note_area <= self->text_height + EPSILON;
}

/* How many lines of @flow from @first on fit on the page, with their notes. */
static guint
count_fit (DossierPageLayout *self,
           const Flow        *flow,
           guint              first,
           double             gap)
{
  const Shape *shape = flow->shape;
  guint mark = ++self->mark;
  double notes = 0;
  guint k = 0;

  for (guint j = first; j < shape->n_lines; j++)
    {
      gboolean long_note = FALSE;

      notes += notes_cost (self, shape, j, j + 1, mark, &long_note);
      if (!state_fits (self, gap + lines_height (shape, first, j + 1), notes))
        break;
      k++;

      /* A long note takes the rest of the page: its line ends the page. */
      if (long_note)
        break;
    }

  return k;
}

/* Whether lines [first, first + count) of @flow and the first @next_count
 * lines of @next fit together. */
static gboolean
fits_with_next (DossierPageLayout *self,
                const Flow        *flow,
                guint              first,
                guint              count,
                double             gap,
                const Flow        *next,
                guint              next_count)
{
  guint mark = ++self->mark;
  double body, notes;

  body = gap + lines_height (flow->shape, first, first + count) +
         next->gap_before + lines_height (next->shape, 0, next_count);
  notes = notes_cost (self, flow->shape, first, first + count, mark, NULL) +
          notes_cost (self, next->shape, 0, next_count, mark, NULL);
  return state_fits (self, body, notes);
}

static Page *
current_page (DossierPageLayout *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
place_note_lines (DossierPageLayout *self,
                  guint              note_index,
                  guint              first,
                  guint              end)
{
  Page *page = current_page (self);
  Note *note = &g_array_index (self->notes, Note, note_index);
  Slice slice = { note_index, first, end, 0 };

  if (self->state.nh == 0)
    self->state.nh = NOTE_SEP - NOTE_GAP;
  slice.y = self->state.nh + NOTE_GAP;
  g_array_append_val (page->notes, slice);
  self->state.nh += lines_height (note->shape, first, end) + NOTE_GAP;
  page->notes_height = self->state.nh;
  if (first == 0)
    note->page = self->pages->len - 1;
}

/* Places what fits of a note's lines from @first; returns the line the
 * rest starts at (the note's line count when it all fit). */
static guint
place_note_part (DossierPageLayout *self,
                 guint              note_index,
                 guint              first)
{
  const Shape *shape = g_array_index (self->notes, Note, note_index).shape;
  double room = self->text_height - self->state.y - self->state.nh - NOTE_GAP;
  guint end = first;

  if (self->state.nh == 0)
    room -= NOTE_SEP - NOTE_GAP;
  while (end < shape->n_lines && lines_height (shape, first, end + 1) <= room + EPSILON)
    end++;

  /* A single line taller than the page: place it anyway, to progress. */
  if (end == first && self->state.y == 0 && self->state.nh == 0)
    end = first + 1;
  if (end > first)
    place_note_lines (self, note_index, first, end);
  return end;
}

static void
start_page (DossierPageLayout *self)
{
  while (self->pages->len < MAX_PAGES)
    {
      Page page = { 0 };
      gboolean full = FALSE;
      guint i;

      page.body = g_array_new (FALSE, FALSE, sizeof (Slice));
      page.notes = g_array_new (FALSE, FALSE, sizeof (Slice));
      page.continued = self->pending->len > 0 && g_array_index (self->pending, Pending, 0).line > 0;
      g_array_append_val (self->pages, page);

      self->state.y = self->pages->len == 1 ? self->header_height : 0;
      self->state.nh = 0;
      self->state.fresh = self->state.y == 0;

      /* The rest of a note from the page before comes first. */
      for (i = 0; i < self->pending->len && !full; i++)
        {
          Pending *pending = &g_array_index (self->pending, Pending, i);
          const Shape *shape = g_array_index (self->notes, Note, pending->note).shape;
          guint end = place_note_part (self, pending->note, pending->line);

          if (end < shape->n_lines)
            {
              pending->line = end;
              full = TRUE;
              break;
            }
        }
      g_array_remove_range (self->pending, 0, i);
      if (!full)
        return;
    }
}

static void
place_lines (DossierPageLayout *self,
             guint              flow_index,
             guint              first,
             guint              count,
             double             gap,
             gboolean           split_notes)
{
  Flow *flow = g_ptr_array_index (self->flows, flow_index);
  const Shape *shape = flow->shape;
  Page *page = current_page (self);
  Slice slice = { flow_index, first, first + count, self->state.y + gap };

  g_array_append_val (page->body, slice);
  self->state.y += gap + lines_height (shape, first, first + count);
  self->state.fresh = FALSE;

  if (flow->kind == DOSSIER_LAYOUT_BLOCK_HEADING && first == 0)
    {
      DossierLayoutHeading heading = { flow->level, g_strdup (flow->title),
                                       self->pages->len - 1, MARGIN + slice.y };

      g_array_append_val (self->headings, heading);
    }

  for (guint i = shape->note_start[first]; i < shape->note_start[first + count]; i++)
    {
      Note *note = _dossier_page_layout_lookup_note (self, g_array_index (shape->notes, guint, i));
      guint note_index;

      if (note == NULL || note->placed)
        continue;
      note->placed = TRUE;
      note_index = note - &g_array_index (self->notes, Note, 0);
      if (!split_notes && !is_long_note (self, note) && self->pending->len == 0)
        place_note_lines (self, note_index, 0, note->shape->n_lines);
      else
        {
          /* A long note, or one too long for any page: start it on its
           * reference's page and carry the rest over, and the notes after
           * it with it. */
          guint end = self->pending->len > 0 ? 0 : place_note_part (self, note_index, 0);

          if (end < note->shape->n_lines)
            {
              Pending pending = { note_index, end };

              g_array_append_val (self->pending, pending);
            }
        }
    }
}

void
_dossier_page_layout_paginate (DossierPageLayout *self)
{
  guint b = 0, l = 0;

  start_page (self);

  while (b < self->flows->len && self->pages->len < MAX_PAGES)
    {
      Flow *flow = g_ptr_array_index (self->flows, b);
      guint n = flow->shape->n_lines;
      guint remaining = n - l;
      gboolean page_empty = current_page (self)->body->len == 0;
      double gap = (page_empty || l > 0) ? 0 : flow->gap_before;
      guint k = count_fit (self, flow, l, gap);
      guint t = MIN (k, remaining);

      if (!flow->splittable)
        {
          if (t < remaining)
            t = 0;
        }
      else
        {
          if (t < remaining)
            t = remaining >= 2 ? MIN (t, remaining - 2) : 0;
          if (l == 0 && t < n && t < 2)
            t = 0;
        }

      if (t == remaining && t > 0 && flow->keep_with_next && b + 1 < self->flows->len)
        {
          Flow *next = g_ptr_array_index (self->flows, b + 1);
          guint next_count = next->splittable ? 2 : next->shape->n_lines;

          if (!fits_with_next (self, flow, l, t, gap, next, next_count))
            {
              /* Take the last two lines over with what follows. */
              if (flow->splittable && remaining >= 2 && (l > 0 ? remaining - 2 >= 1 : remaining - 2 >= 2))
                t = remaining - 2;
              else
                t = 0;
            }
        }

      if (t == 0)
        {
          if (!self->state.fresh)
            {
              start_page (self);
              continue;
            }

          /* Nothing placed on this page yet and the rules allow nothing:
           * break them rather than loop. */
          if (k == 0)
            {
              place_lines (self, b, l, 1, gap, TRUE);
              t = 1;
            }
          else
            {
              t = MIN (k, remaining);
              place_lines (self, b, l, t, gap, FALSE);
            }
        }
      else
        place_lines (self, b, l, t, gap, FALSE);

      if (l + t < n)
        {
          l += t;
          start_page (self);
        }
      else
        {
          b++;
          l = 0;
        }
    }

  /* Notes still owed (a note longer than the last page). */
  while (self->pending->len > 0 && self->pages->len < MAX_PAGES)
    start_page (self);
  g_array_set_size (self->pending, 0);
}
