/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-pdf-private.h"
#include "model/dossier-util.h"

/*
 * Where the text of each page is, and in which order it is read (what
 * is not text, and the page labels, are in dossier-pdf-furniture.c):
 *
 * - columns: the gaps that no line of a page crosses; a section of the
 *   page between lines that span the columns is read column by column;
 *   table rows (three or more cells on one baseline) are read across;
 *   rows of a label and its value are one line each;
 * - blocks: lines of one column that belong together, split where the
 *   gap between lines grows, the size or weight of the text changes, a
 *   bullet starts a line, or a line is indented.
 */

/* ---- columns and reading order --------------------------------------- */

static gboolean
is_content (PdfLine *line)
{
  return !(line->flags & (LINE_DROP | LINE_FURNITURE));
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const PdfLine *x = *(PdfLine * const *) a;
  const PdfLine *y = *(PdfLine * const *) b;

  if (fabsf (x->base - y->base) > 0.5f)
    return x->base < y->base ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0 ? 1 : 0;
}

/* ---- tables ---------------------------------------------------------- */

/* One cell of a row: a line, or the part of one between wide gaps. */
typedef struct {
  float x0, x1;
  gboolean numeric;
} Cell;

typedef struct {
  guint start, end;          /* lines of the page's content on one baseline */
  guint first_cell, n_cells; /* into the page's cells */
  guint numeric;
  float base, size;
} Row;

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words;
}

static guint
count_words_before (const char *text,
                    guint       length)
{
  g_autofree char *head = g_strndup (text, length);

  return count_words (head);
}

/* Running text beside a table (the other column's line on the same
 * baseline) is never one of its cells: a line of many words with no wide
 * gap in it, or one across much of the page. Nor is a label's row. */
static gboolean
is_prose (PdfLine *line,
          float    text_width)
{
  if (line->flags & (LINE_LABEL | LINE_LABEL_MORE))
    return TRUE;
  return line->n_cuts == 0 && (count_words (line->text) >= 6 || line->x1 - line->x0 > 0.45f * text_width);
}

static void
add_cells (PdfLine *line,
           GArray  *cells)
{
  guint start = 0;
  float x0 = line->x0;

  for (guint c = 0; c <= line->n_cuts; c++)
    {
      guint end = c < line->n_cuts ? line->cuts[c].offset : (guint) strlen (line->text);
      Cell cell = { x0, c < line->n_cuts ? line->cuts[c].left : line->x1, FALSE };
      gboolean digits = FALSE, letters = FALSE;

      for (guint k = start; k < end; k++)
        {
          digits = digits || g_ascii_isdigit (line->text[k]);
          letters = letters || g_ascii_isalpha (line->text[k]) || (guchar) line->text[k] >= 0x80;
        }
      cell.numeric = digits && !letters;
      /* A stretch of running text is no cell to line up: the text of a
       * numbered item after its number ("1.   Freeze the …"). */
      if (count_words_before (line->text + start, end - start) < 6)
        g_array_append_val (cells, cell);
      if (c < line->n_cuts)
        {
          start = line->cuts[c].offset + 1;
          x0 = line->cuts[c].right;
        }
    }
}

/* Rows of one table line their cells up: two or more of a row's cells
 * start, end or are centred where one of the row above does, not
 * counting where the row itself starts and ends (the lines of a justified
 * column do that too). */
static gboolean
rows_align (GArray *cells,
            Row    *above,
            Row    *row)
{
  float tolerance = 0.6f * MAX (row->size, above->size);
  guint aligned = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      Cell *cell = &g_array_index (cells, Cell, row->first_cell + i);

      for (guint j = 0; j < above->n_cells; j++)
        {
          Cell *other = &g_array_index (cells, Cell, above->first_cell + j);

          if ((i > 0 && fabsf (cell->x0 - other->x0) < tolerance) ||
              (i + 1 < row->n_cells && fabsf (cell->x1 - other->x1) < tolerance) ||
              fabsf (cell->x0 + cell->x1 - other->x0 - other->x1) < 2 * tolerance)
            {
              aligned++;
              break;
            }
        }
    }
  return aligned >= 2;
}

/* Three or more cells on one baseline, or two with a number; at most 200
 * (no table is wider, and comparing rows is quadratic in their cells). */
static gboolean
may_be_row (Row *row)
{
  return row->n_cells <= 200 && (row->n_cells >= 3 || (row->n_cells == 2 && row->numeric >= 1));
}

/* A cell of a table row: its wide gaps are where cells meet, shown as
 * " | " once the row is read as one block. */
static void
mark_cells (PdfLine *line)
{
  g_autoptr(GString) text = NULL;
  guint added = 0;

  line->flags |= LINE_TABLE;
  if (line->n_cuts == 0)
    return;

  text = g_string_new (line->text);
  for (guint c = 0; c < line->n_cuts; c++)
    {
      guint at = line->cuts[c].offset + added + 1;

      g_string_insert (text, at, "| ");
      for (guint k = 0; k < line->n_spans; k++)
        {
          PdfSpan *span = &line->spans[k];

          if (span->start >= at)
            span->start += 2;
          if (span->end >= at)
            span->end += 2;
        }
      added += 2;
    }
  g_free (line->text);
  line->text = g_string_free (g_steal_pointer (&text), FALSE);
  /* The cuts have done their work; merging must not see them again. */
  g_clear_pointer (&line->cuts, g_free);
  line->n_cuts = 0;
}

/* Tables: two or more rows under each other, each with three or more
 * cells on one baseline (or two, one of them a number), whose cells line
 * up from row to row, ruled or not. Running text of another column on
 * the same baselines stays out of them. Each row's lines are marked
 * LINE_TABLE, with the extent of their row. */
static void
mark_table_rows (PdfImport *self,
                 GPtrArray *lines)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  float xmin = G_MAXFLOAT, xmax = -G_MAXFLOAT;

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);

      xmin = MIN (xmin, line->x0);
      xmax = MAX (xmax, line->x1);
    }

  for (guint i = 0; i < lines->len; )
    {
      PdfLine *first = g_ptr_array_index (lines, i);
      Row row = { i, i + 1, cells->len, 0, 0, first->base, first->size };

      while (row.end < lines->len &&
             fabsf (((PdfLine *) g_ptr_array_index (lines, row.end))->base - first->base) < 0.3f * first->size)
        row.end++;
      for (guint k = row.start; k < row.end; k++)
        {
          PdfLine *line = g_ptr_array_index (lines, k);

          if (!is_prose (line, xmax - xmin))
            add_cells (line, cells);
        }
      row.n_cells = cells->len - row.first_cell;
      for (guint c = 0; c < row.n_cells; c++)
        row.numeric += g_array_index (cells, Cell, row.first_cell + c).numeric;
      g_array_append_val (rows, row);
      i = row.end;
    }

  for (guint r = 0; r < rows->len; )
    {
      Row *row = &g_array_index (rows, Row, r);
      g_autoptr(GArray) table = NULL;

      if (!may_be_row (row))
        {
          r++;
          continue;
        }

      /* The rows under it that go with it; a baseline holding running
       * text only (the other column's, between two rows) does not end
       * the table. */
      table = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (table, r);
      for (guint n = r + 1; n < rows->len; n++)
        {
          Row *next = &g_array_index (rows, Row, n);
          Row *last = &g_array_index (rows, Row, g_array_index (table, guint, table->len - 1));

          if (next->n_cells == 0 && next->base - last->base < 3 * last->size)
            continue;
          if (next->base - last->base > 3 * MAX (last->size, next->size) ||
              !may_be_row (next) ||
              !rows_align (cells, last, next))
            break;
          g_array_append_val (table, n);
        }

      if (table->len >= 2)
        for (guint t = 0; t < table->len; t++)
          {
            Row *in = &g_array_index (rows, Row, g_array_index (table, guint, t));
            float x0 = G_MAXFLOAT, x1 = -G_MAXFLOAT;

            for (guint c = 0; c < in->n_cells; c++)
              {
                x0 = MIN (x0, g_array_index (cells, Cell, in->first_cell + c).x0);
                x1 = MAX (x1, g_array_index (cells, Cell, in->first_cell + c).x1);
              }
            for (guint k = in->start; k < in->end; k++)
              {
                PdfLine *line = g_ptr_array_index (lines, k);

                if (is_prose (line, xmax - xmin))
                  continue;
                mark_cells (line);
                line->row_x0 = x0;
                line->row_x1 = x1;
              }
          }
      r = g_array_index (table, guint, table->len - 1) + 1;
    }
}

/* The x positions between columns: runs of the page that no narrow line
 * covers, with several lines wholly on each side. */
static GArray *
find_gutters (PdfImport *self,
              GPtrArray *lines)
{
  GArray *gutters = g_array_new (FALSE, FALSE, sizeof (float));
  g_autofree guint *coverage = NULL;
  float xmin = G_MAXFLOAT, xmax = -G_MAXFLOAT, width;
  guint n_narrow = 0, n_bins, limit;
  const float bin = 2.0f;

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);

      if (line->flags & LINE_TABLE)
        continue;
      xmin = MIN (xmin, line->x0);
      xmax = MAX (xmax, line->x1);
    }
  width = xmax - xmin;
  if (width < 10 * self->body_size || width > 20000)
    return gutters;

  n_bins = (guint) (width / bin) + 1;
  coverage = g_new0 (guint, n_bins);
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);

      if ((line->flags & LINE_TABLE) || line->x1 - line->x0 > 0.6f * width)
        continue;
      n_narrow++;
      for (guint b = (guint) ((line->x0 - xmin) / bin); b < n_bins && xmin + b * bin < line->x1; b++)
        coverage[b]++;
    }
  if (n_narrow < 6)
    return gutters;

  limit = MAX (1, n_narrow / 25);
  for (guint b = 0; b < n_bins; )
    {
      guint e = b;
      float start, end, centre;
      guint left = 0, right = 0;

      if (coverage[b] > limit)
        {
          b++;
          continue;
        }
      while (e < n_bins && coverage[e] <= limit)
        e++;
      start = xmin + b * bin;
      end = xmin + e * bin;
      centre = (start + end) / 2;
      b = e;

      if (end - start < MAX (6.0f, 0.5f * self->body_size) || start <= xmin + 0.1f * width ||
          end >= xmax - 0.1f * width)
        continue;

      for (guint i = 0; i < lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (lines, i);

          if ((line->flags & LINE_TABLE) || line->x1 - line->x0 > 0.6f * width)
            continue;
          left += line->x1 <= centre;
          right += line->x0 >= centre;
        }
      if (left >= 3 && right >= 3 && left * 10 >= n_narrow && right * 10 >= n_narrow)
        g_array_append_val (gutters, centre);
    }

  return gutters;
}

/* Joins @b into @a: two parts of one line that Poppler (or the gap
 * splitting) kept apart, such as a raised note marker. */
static void
merge_lines (PdfLine *a,
             PdfLine *b)
{
  PdfLine *left = a->x0 <= b->x0 ? a : b;
  PdfLine *right = left == a ? b : a;
  /* In one size, the longer part gives the line its look ("FROM:" in
   * bold before its value does not make a bold line). */
  PdfLine *main = fabsf (a->size - b->size) > 0.1f ? (a->size > b->size ? a : b)
                                                   : (strlen (a->text) >= strlen (b->text) ? a : b);
  PdfLine *minor = main == a ? b : a;
  gboolean raised = minor->size <= main->size * 0.86f && main->base - minor->base > main->size * 0.15f;
  gboolean space = right->x0 - left->x1 > 0.15f * main->size && !raised;
  g_autofree char *text = g_strconcat (left->text, space ? " " : "", right->text, NULL);
  guint shift = strlen (left->text) + (space ? 1 : 0);
  PdfSpan *spans = g_new (PdfSpan, left->n_spans + right->n_spans + 1);
  guint n = 0;

  for (guint i = 0; i < left->n_spans; i++)
    spans[n++] = left->spans[i];
  if (space && n > 0)
    spans[n - 1].end++;
  for (guint i = 0; i < right->n_spans; i++)
    {
      spans[n] = right->spans[i];
      spans[n].start += shift;
      spans[n].end += shift;
      if (right == minor && raised)
        spans[n].flags |= SPAN_RAISED;
      n++;
    }
  if (left == minor && raised)
    for (guint i = 0; i < left->n_spans; i++)
      spans[i].flags |= SPAN_RAISED;

  {
    PdfCut *cuts = g_new (PdfCut, left->n_cuts + right->n_cuts + 1);
    guint n_cuts = 0;

    for (guint i = 0; i < left->n_cuts; i++)
      cuts[n_cuts++] = left->cuts[i];
    if (space && right->x0 - left->x1 > PDF_CELL_GAP * main->size)
      cuts[n_cuts++] = (PdfCut) { shift - 1, left->x1, right->x0 };
    for (guint i = 0; i < right->n_cuts; i++)
      {
        cuts[n_cuts] = right->cuts[i];
        cuts[n_cuts++].offset += shift;
      }
    g_free (a->cuts);
    a->cuts = cuts;
    a->n_cuts = n_cuts;
  }

  a->x0 = MIN (a->x0, b->x0);
  a->x1 = MAX (a->x1, b->x1);
  a->y0 = MIN (a->y0, b->y0);
  a->y1 = MAX (a->y1, b->y1);
  a->base = main->base;
  a->font = main->font;
  a->style = main->style;
  a->size = main->size;
  g_free (a->spans);
  a->spans = spans;
  a->n_spans = n;
  g_free (a->text);
  a->text = g_steal_pointer (&text);
}

static gboolean
same_row (PdfLine *a,
          PdfLine *b)
{
  float overlap = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);
  float smaller = MIN (a->y1 - a->y0, b->y1 - b->y0);

  return smaller > 0 && overlap > 0.5f * smaller &&
         (b->x0 >= a->x1 - 0.5f || a->x0 >= b->x1 - 0.5f) &&
         MAX (b->x0 - a->x1, a->x0 - b->x1) < 3 * MAX (a->size, b->size);
}

/* Lines of one column, top to bottom, with the parts of a line joined. */
static void
order_column (GPtrArray *column,
              GPtrArray *dead)
{
  g_ptr_array_sort (column, compare_top);

  for (guint i = 0; i + 1 < column->len; )
    {
      PdfLine *a = g_ptr_array_index (column, i);
      gboolean merged = FALSE;

      /* The next two lines may be the one it goes with (a marker sorts
       * above its line). */
      for (guint j = i + 1; j < column->len && j <= i + 2; j++)
        {
          PdfLine *b = g_ptr_array_index (column, j);

          /* The cells of a table row stay apart (one block, read across). */
          if (same_row (a, b) && !((a->flags & LINE_TABLE) && (b->flags & LINE_TABLE)))
            {
              merge_lines (a, b);
              g_ptr_array_add (dead, g_ptr_array_steal_index (column, j));
              merged = TRUE;
              break;
            }
        }
      if (!merged)
        i++;
    }
}

/* A label a form or a memo's header prints in a column of its own, its
 * value further right on the same baseline: "FROM:", "Prepared by". */
static gboolean
is_label (PdfLine *label,
          PdfLine *value)
{
  guint words = 1;

  if (strlen (label->text) > 40 || value->x0 - label->x1 < label->size ||
      fabsf (value->base - label->base) > 0.3f * label->size)
    return FALSE;
  for (const char *p = label->text; *p != '\0'; p++)
    words += *p == ' ';
  return words <= 5;
}

static gboolean
looks_like_label (PdfLine *label)
{
  gsize n = strlen (label->text);
  gboolean lower = FALSE;

  if (n > 0 && (label->text[n - 1] == ':' || (label->style & SPAN_BOLD)))
    return TRUE;
  for (const char *p = label->text; *p != '\0'; p++)
    lower = lower || g_ascii_islower (*p);
  return !lower;
}

/* The part of @line after its cut @c, as a line of its own; @line keeps
 * what stands before the cut. */
static PdfLine *
split_line (PdfLine *line,
            guint    c)
{
  PdfLine *right = g_new0 (PdfLine, 1);
  guint at = line->cuts[c].offset, from = at + 1;
  guint n_left = 0, n_right = 0;
  PdfSpan *left_spans = g_new (PdfSpan, line->n_spans + 1);
  PdfSpan *right_spans = g_new (PdfSpan, line->n_spans + 1);
  gboolean left_bold = TRUE, right_bold = TRUE;

  *right = *line;
  right->text = g_strdup (line->text + from);
  right->x0 = line->cuts[c].right;
  right->n_cuts = line->n_cuts - c - 1;
  right->cuts = right->n_cuts > 0 ? g_new (PdfCut, right->n_cuts) : NULL;
  for (guint k = 0; k < right->n_cuts; k++)
    {
      right->cuts[k] = line->cuts[c + 1 + k];
      right->cuts[k].offset -= from;
    }

  for (guint k = 0; k < line->n_spans; k++)
    {
      PdfSpan span = line->spans[k];

      if (span.start < at)
        {
          PdfSpan part = span;

          part.end = MIN (part.end, at);
          left_spans[n_left++] = part;
          left_bold = left_bold && (part.flags & SPAN_BOLD);
        }
      if (span.end > from)
        {
          PdfSpan part = span;

          part.start = MAX (part.start, from) - from;
          part.end -= from;
          right_spans[n_right++] = part;
          right_bold = right_bold && (part.flags & SPAN_BOLD);
        }
    }
  right->spans = right_spans;
  right->n_spans = n_right;
  if (!right_bold)
    right->style &= ~SPAN_BOLD;

  line->text[at] = '\0';
  line->x1 = line->cuts[c].left;
  g_free (line->spans);
  line->spans = left_spans;
  line->n_spans = n_left;
  g_clear_pointer (&line->cuts, g_free);
  line->n_cuts = 0;
  if (!left_bold)
    line->style &= ~SPAN_BOLD;
  return right;
}

/* A label and its value that stand close enough for Poppler to make one
 * line of them ("메모 수신:   차관") are split at the gap between them, so
 * that the rows of a header are found alike, however far apart they
 * stand. */
static void
split_label_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);
      guint at;

      if (line->n_cuts == 0 || (line->flags & LINE_LABEL))
        continue;
      at = line->cuts[0].offset;
      if (at == 0 || at > 40 || line->text[at - 1] != ':' || count_words_before (line->text, at) > 5)
        continue;
      g_ptr_array_insert (lines, i + 1, split_line (line, 0));
    }
}

/* Rows of a label and its value, two or more under each other with the
 * labels and the values aligned, are each one line: read as columns,
 * every label would come apart from its value. Labels end with a colon,
 * are bold or in capitals, or differ in length where the lines of a
 * column of text would all be alike. */
static void
join_label_rows (GPtrArray *lines,
                 GPtrArray *dead)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i + 1 < lines->len; )
    {
      PdfLine *first = g_ptr_array_index (lines, i);
      PdfLine *first_value = g_ptr_array_index (lines, i + 1);
      guint end = i, marked = 0;
      float shortest = G_MAXFLOAT, longest = 0;

      /* The rows from @i: a label and a value each, in the same places,
       * and the lines a value wraps onto under it. */
      g_array_set_size (rows, 0);
      while (end + 1 < lines->len)
        {
          PdfLine *label = g_ptr_array_index (lines, end);
          PdfLine *value = g_ptr_array_index (lines, end + 1);
          PdfLine *after = end + 2 < lines->len ? g_ptr_array_index (lines, end + 2) : NULL;

          if (!is_label (label, value) || fabsf (label->x0 - first->x0) > 2 ||
              fabsf (value->x0 - first_value->x0) > 2 ||
              (after != NULL && fabsf (after->base - value->base) < 0.3f * value->size))
            break;
          g_array_append_val (rows, end);
          marked += looks_like_label (label);
          shortest = MIN (shortest, label->x1 - label->x0);
          longest = MAX (longest, label->x1 - label->x0);
          end += 2;

          while (end < lines->len)
            {
              PdfLine *more = g_ptr_array_index (lines, end);
              PdfLine *next = end + 1 < lines->len ? g_ptr_array_index (lines, end + 1) : NULL;
              PdfLine *above = g_ptr_array_index (lines, end - 1);

              if (fabsf (more->x0 - first_value->x0) > 2 || more->base - above->base > 2 * more->size ||
                  (next != NULL && fabsf (next->base - more->base) < 0.3f * more->size))
                break;
              end++;
            }
        }

      if (rows->len < 2 || (marked < rows->len && longest - shortest < 2 * first->size))
        {
          i = MAX (end, i + 1);
          continue;
        }

      /* From the last row up, so that the indices hold. */
      for (guint r = rows->len; r-- > 0; )
        {
          guint at = g_array_index (rows, guint, r);
          guint next_row = r + 1 < rows->len ? g_array_index (rows, guint, r + 1) : end;
          PdfLine *label = g_ptr_array_index (lines, at);

          for (guint k = at + 2; k < next_row; k++)
            ((PdfLine *) g_ptr_array_index (lines, k))->flags |= LINE_LABEL_MORE;
          label->label_length = strlen (label->text);
          merge_lines (label, g_ptr_array_index (lines, at + 1));
          label->flags |= LINE_LABEL;
          g_ptr_array_add (dead, g_ptr_array_steal_index (lines, at + 1));
        }
      i = end - rows->len;
    }
}

/* A short line under a section in columns, over text across the page: a
 * heading of the text below ("Background" after a two-column summary),
 * not the foot of one column, which would put it before the next. */
static gboolean
crosses_gutter (PdfLine *line,
                GArray  *gutters)
{
  for (guint g = 0; g < gutters->len; g++)
    {
      float x = g_array_index (gutters, float, g);

      if (line->x0 < x - 0.5f * line->size && line->x1 > x + 0.5f * line->size)
        return TRUE;
    }
  return FALSE;
}

static gboolean
opens_full_width (GPtrArray *content,
                  guint      i,
                  GArray    *gutters,
                  GPtrArray *columns,
                  int        column)
{
  PdfLine *line = g_ptr_array_index (content, i);
  PdfLine *next = i + 1 < content->len ? g_ptr_array_index (content, i + 1) : NULL;
  gboolean others = FALSE;

  if (next == NULL || next->base <= line->base || next->base - line->base > 3 * line->size ||
      (next->flags & LINE_TABLE) || !crosses_gutter (next, gutters))
    return FALSE;
  for (guint c = 0; c < columns->len; c++)
    {
      GPtrArray *lines = g_ptr_array_index (columns, c);

      if ((int) c == column)
        continue;
      for (guint k = 0; k < lines->len; k++)
        {
          PdfLine *other = g_ptr_array_index (lines, k);

          if (other->y1 > line->y0)
            return FALSE;
          others = TRUE;
        }
    }
  return others;
}

/**
 * dossier_pdf_lay_out_page:
 *
 * Puts the page's lines in reading order: its content first (sections
 * between spanning lines, each read column by column), then the rest.
 * Sets each line's column (-1 for lines across the columns and table
 * rows).
 */
void
dossier_pdf_lay_out_page (PdfImport *self,
                          PdfPage   *page)
{
  g_autoptr(GPtrArray) content = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_full (page->lines->len, dossier_pdf_line_free);
  g_autoptr(GPtrArray) dead = g_ptr_array_new_with_free_func (dossier_pdf_line_free);
  g_autoptr(GArray) gutters = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  PdfLine *last_spanning = NULL;
  gboolean section_empty = TRUE;
  guint n_columns;

  for (guint i = 0; i < page->lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (page->lines, i);

      g_ptr_array_add (is_content (line) ? content : rest, line);
    }
  g_ptr_array_sort (content, compare_top);

  split_label_lines (content);
  join_label_rows (content, dead);
  mark_table_rows (self, content);
  gutters = find_gutters (self, content);
  n_columns = gutters->len + 1;
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (columns, g_ptr_array_new ());

  /* Sections: runs of column lines between lines that cross a gutter. */
  for (guint i = 0; i <= content->len; i++)
    {
      PdfLine *line = i < content->len ? g_ptr_array_index (content, i) : NULL;
      int column = 0;
      gboolean spanning = FALSE;

      if (line != NULL)
        {
          /* A table row goes where the whole row stands: across the
           * columns, or in one of them. */
          float x0 = (line->flags & LINE_TABLE) ? line->row_x0 : line->x0;
          float x1 = (line->flags & LINE_TABLE) ? line->row_x1 : line->x1;

          for (guint g = 0; g < gutters->len && !spanning; g++)
            {
              float x = g_array_index (gutters, float, g);
              float tolerance = 0.5f * line->size;

              if (x0 < x - tolerance && x1 > x + tolerance)
                spanning = TRUE;
              else if ((x0 + x1) / 2 > x)
                column = g + 1;
            }
          if (!spanning && n_columns > 1 && !(line->flags & LINE_TABLE) &&
              opens_full_width (content, i, gutters, columns, column))
            spanning = TRUE;
          /* The short last line of a paragraph across the page. */
          if (!spanning && n_columns > 1 && !(line->flags & LINE_TABLE) &&
              last_spanning != NULL && !(last_spanning->flags & LINE_TABLE) &&
              section_empty && fabsf (line->x0 - last_spanning->x0) < 2 && line->base > last_spanning->base &&
              line->base - last_spanning->base < 1.6f * line->size)
            spanning = TRUE;
        }

      if (line == NULL || spanning)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              GPtrArray *lines = g_ptr_array_index (columns, c);

              order_column (lines, dead);
              for (guint k = 0; k < lines->len; k++)
                {
                  PdfLine *l = g_ptr_array_index (lines, k);

                  l->column = n_columns > 1 ? (int) c : 0;
                  g_ptr_array_add (ordered, l);
                }
              g_ptr_array_set_size (lines, 0);
            }
          section_empty = TRUE;
          last_spanning = line;
          if (line != NULL)
            {
              /* A table row is read across, a spanning line as it is. */
              line->column = -1;
              line->flags |= LINE_SPANNING;
              g_ptr_array_add (ordered, line);
            }
          continue;
        }

      g_ptr_array_add (g_ptr_array_index (columns, column), line);
      section_empty = FALSE;
    }

  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (rest, i));

  /* The page now owns the ordered lines; the old array must not free them. */
  g_ptr_array_set_free_func (page->lines, NULL);
  g_ptr_array_unref (page->lines);
  page->lines = g_steal_pointer (&ordered);
}

/* ---- blocks --------------------------------------------------------- */

void
dossier_pdf_block_free (gpointer data)
{
  PdfBlock *block = data;

  g_ptr_array_unref (block->lines);
  g_free (block);
}

/* Where the text of a line starts after its first word (a bullet's
 * text, for hanging indents), or its start. */
static float
x_after_bullet (PdfLine *line)
{
  guint length;

  if (!dossier_pdf_is_bullet (line->text, &length))
    return line->x0;

  /* Roughly: the bullet and its space take about one em. */
  return line->x0 + line->size * 0.9f;
}

static PdfBlock *
block_new (PdfLine *line)
{
  PdfBlock *block = g_new0 (PdfBlock, 1);

  block->lines = g_ptr_array_new ();
  block->page = line->page;
  block->x0 = line->x0;
  block->y0 = line->y0;
  block->x1 = line->x1;
  block->y1 = line->y1;
  block->size = line->size;
  block->font = line->font;
  block->style = line->style;
  g_ptr_array_add (block->lines, line);
  return block;
}

static void
block_add (PdfBlock *block,
           PdfLine  *line)
{
  block->x0 = MIN (block->x0, line->x0);
  block->x1 = MAX (block->x1, line->x1);
  block->y0 = MIN (block->y0, line->y0);
  block->y1 = MAX (block->y1, line->y1);
  if (!(line->style & SPAN_BOLD))
    block->style &= ~SPAN_BOLD;
  if (!(line->style & SPAN_ITALIC))
    block->style &= ~SPAN_ITALIC;
  g_ptr_array_add (block->lines, line);
}

static gboolean
is_caption (const char *text)
{
  static GRegex *caption = NULL;

  dossier_regex_once (&caption, "^(?:(?:Figure|Fig\\.|Table|Chart|Exhibit|Graph|Map|Box|Graphic|Infographic|"
                                "그림|표|도표)\\s*[0-9IVX][0-9.\\-–]*[.:\\s]"
                                "|(?:Source|Sources|Note|Notes|자료|출처)\\s*:)",
                                G_REGEX_OPTIMIZE);

  return g_regex_match (caption, text, 0, NULL);
}

static void
classify_block (PdfImport *self,
                PdfBlock  *block)
{
  PdfLine *first = g_ptr_array_index (block->lines, 0);
  guint n_lines = block->lines->len;
  g_autoptr(GString) text = g_string_new (NULL);
  guint words;
  float indent_left = G_MAXFLOAT, right_gap = G_MAXFLOAT;
  guint bullet_length;

  for (guint i = 0; i < n_lines; i++)
    {
      PdfLine *line = g_ptr_array_index (block->lines, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, line->text);
      indent_left = MIN (indent_left, line->x0 - block->column_x0);
      right_gap = MIN (right_gap, block->column_x1 - line->x1);
    }
  words = count_words (text->str);

  if (first->flags & LINE_TABLE)
    {
      block->kind = BLOCK_TABLE;
      return;
    }

  /* A header's row ("메모 수신: 차관") is text, also when its label is
   * bold and longer than its value. */
  if (first->flags & LINE_LABEL)
    {
      block->kind = BLOCK_BODY;
      return;
    }

  if (is_caption (first->text) && words <= 120)
    {
      block->kind = BLOCK_CAPTION;
      return;
    }

  if (dossier_pdf_is_bullet (first->text, &bullet_length))
    {
      block->kind = BLOCK_ITEM;
      return;
    }

  if (n_lines <= 4 && words <= 30 && !dossier_pdf_ends_sentence (text->str) &&
      (block->size >= self->body_size * 1.12f ||
       ((block->style & SPAN_BOLD) && !self->body_bold && block->size >= self->body_size - 0.6f && words <= 15)))
    {
      block->kind = BLOCK_HEADING;
      return;
    }

  /* Indented on both sides, over two lines or more (one indented line is
   * a paragraph's first line). */
  if (n_lines >= 2 && indent_left >= 1.5f * block->size && right_gap >= 1.0f * block->size &&
      fabsf (block->size - self->body_size) < 2.5f)
    {
      block->kind = BLOCK_QUOTE;
      return;
    }

  if (block->size < self->body_size * 0.8f && block->size > 0)
    {
      block->kind = BLOCK_OTHER;
      return;
    }

  block->kind = BLOCK_BODY;
}

/* Where a line's column runs: the widest extent of its lines. */
typedef struct {
  float x0, x1;
} Extent;

/**
 * dossier_pdf_next_word_fits:
 * @line: a line
 * @next: the line after it
 * @right: the right edge of the text they stand in
 *
 * A line breaker carries a word over only when it does not fit, so a line
 * with room at its end for the first word of the next line ended there
 * on purpose: the end of a paragraph. A full line (justified, or ragged
 * with no room for that word) says nothing, whatever it ends with. The
 * word's width is estimated from the next line's own characters.
 *
 * Returns: %TRUE when the next line's first word would have fit on @line
 */
gboolean
dossier_pdf_next_word_fits (PdfLine *line,
                            PdfLine *next,
                            float    right)
{
  glong n_chars = g_utf8_strlen (next->text, -1);
  const char *space = strchr (next->text, ' ');
  glong n_word = space != NULL ? g_utf8_pointer_to_offset (next->text, space) : n_chars;
  float advance;

  if (n_chars == 0 || next->x1 <= next->x0)
    return TRUE;
  advance = (next->x1 - next->x0) / n_chars;
  /* The word and the space before it. */
  return right - line->x1 >= (n_word + 1) * advance;
}

/**
 * dossier_pdf_build_blocks:
 *
 * Splits the content of every page (not furniture, notes or metadata)
 * into blocks, in reading order, and classifies them.
 */
void
dossier_pdf_build_blocks (PdfImport *self)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();
      g_autoptr(GArray) extents = g_array_new (FALSE, FALSE, sizeof (Extent));
      PdfBlock *block = NULL;
      PdfLine *prev = NULL;
      float block_pitch = 0;
      guint first_block = self->blocks->len;

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);

          if (!(line->flags & (LINE_DROP | LINE_FURNITURE | LINE_NOTE | LINE_META)))
            g_ptr_array_add (lines, line);
        }

      /* Each run of lines of one column: its extent. */
      for (guint i = 0; i < lines->len; )
        {
          PdfLine *line = g_ptr_array_index (lines, i);
          Extent extent = { line->x0, line->x1 };
          guint j = i;

          while (j < lines->len && ((PdfLine *) g_ptr_array_index (lines, j))->column == line->column &&
                 (line->column >= 0 || j == i))
            {
              PdfLine *l = g_ptr_array_index (lines, j);

              if (!(l->flags & LINE_TABLE))
                {
                  extent.x0 = MIN (extent.x0, l->x0);
                  extent.x1 = MAX (extent.x1, l->x1);
                }
              j++;
            }
          for (guint k = i; k < j; k++)
            g_array_append_val (extents, extent);
          i = j;
        }

      for (guint i = 0; i < lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (lines, i);
          Extent *extent = &g_array_index (extents, Extent, i);
          gboolean new_block = FALSE, column_change = FALSE, table_cell = FALSE;

          if (prev == NULL || block == NULL)
            new_block = TRUE;
          else if ((line->flags | prev->flags) & LINE_TABLE)
            {
              /* A table row is one block: its cells, left to right. */
              table_cell = (line->flags & prev->flags & LINE_TABLE) && line->column == prev->column &&
                           fabsf (line->base - prev->base) < 0.3f * line->size;
              new_block = !table_cell;
              column_change = line->column != prev->column || line->base < prev->base - 0.5f * line->size;
            }
          else if (line->column != prev->column || (line->flags & LINE_SPANNING) || (prev->flags & LINE_SPANNING) ||
                   line->base < prev->base - 0.5f * line->size)
            {
              /* A new column, a spanning line (tables, headings across
               * columns), or back up the page. */
              new_block = TRUE;
              column_change = line->column != prev->column || line->base < prev->base - 0.5f * line->size;
              if ((line->flags & LINE_SPANNING) && (prev->flags & LINE_SPANNING) &&
                  !(line->flags & LINE_TABLE) && !(prev->flags & LINE_TABLE) &&
                  line->base > prev->base)
                {
                  /* Consecutive spanning lines are one column too. */
                  new_block = FALSE;
                  column_change = FALSE;
                }
            }

          if (table_cell)
            ;
          else if (!new_block && ((line->flags | prev->flags) & (LINE_LABEL | LINE_LABEL_MORE)))
            /* A label's row is a paragraph, with the rest of its value. */
            new_block = !(line->flags & LINE_LABEL_MORE);
          else if (!new_block)
            {
              float gap = line->base - prev->base;
              float expected = block_pitch > 0 ? block_pitch : self->pitch * line->size / MAX (self->body_size, 1);
              gboolean short_line = prev->x1 < extent->x1 - 0.25f * (extent->x1 - extent->x0);
              guint bullet_length;

              if (gap > expected + 0.35f * line->size || gap > 2.2f * line->size)
                new_block = TRUE;
              else if (fabsf (line->size - prev->size) > 0.9f)
                new_block = TRUE;
              else if ((line->style & SPAN_BOLD) != (prev->style & SPAN_BOLD) && !self->body_bold &&
                       (short_line ||
                        (dossier_pdf_ends_sentence (prev->text) &&
                         (!(prev->style & SPAN_BOLD) || dossier_pdf_next_word_fits (prev, line, extent->x1)))))
                /* A bold first sentence runs on into the rest of its
                 * paragraph, also when it ends a full line. */
                new_block = TRUE;
              else if (block->lines->len == 1 && line->font != prev->font && short_line &&
                       !dossier_pdf_ends_sentence (prev->text))
                /* A short line in a font of its own over a paragraph whose
                 * first words are bold: a heading, not a bold lead-in. */
                new_block = TRUE;
              else if (dossier_pdf_is_bullet (line->text, &bullet_length))
                new_block = TRUE;
              else if (line->x0 > prev->x0 + 0.8f * line->size)
                {
                  /* Indented: a new paragraph or quotation, unless it is
                   * the hanging indent of a bullet's text. */
                  float hang = x_after_bullet (prev);

                  if (!(hang > prev->x0 && fabsf (line->x0 - hang) < 1.2f * line->size &&
                        dossier_pdf_is_bullet (((PdfLine *) g_ptr_array_index (block->lines, 0))->text,
                                               &bullet_length)))
                    new_block = TRUE;
                }
              else if (line->x0 < prev->x0 - 0.8f * line->size)
                {
                  /* Back to the margin: fine after an indented first line. */
                  if (block->lines->len == 1)
                    block->first_indented = TRUE;
                  else
                    new_block = TRUE;
                }

              /* A short last line that ends a sentence ends the paragraph
               * (text with neither indents nor space between paragraphs). */
              if (!new_block && prev->x1 < extent->x1 - 0.2f * (extent->x1 - extent->x0) &&
                  dossier_pdf_ends_sentence (prev->text))
                {
                  gunichar c = g_utf8_get_char (line->text);

                  if (g_unichar_isupper (c) || g_unichar_isdigit (c) || c == 0x201C || c == '"' ||
                      !g_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_OTHER_LETTER)
                    new_block = TRUE;
                }

              if (!new_block && block->lines->len == 1)
                block_pitch = gap;
            }

          if (new_block)
            {
              if (block != NULL)
                {
                  block->column_end = column_change || block->column_end;
                  g_ptr_array_add (self->blocks, block);
                }
              block = block_new (line);
              block->column_x0 = extent->x0;
              block->column_x1 = extent->x1;
              block->column_start = prev == NULL || column_change;
              block_pitch = 0;
            }
          else
            block_add (block, line);
          prev = line;
        }

      if (block != NULL)
        {
          block->column_end = TRUE;
          g_ptr_array_add (self->blocks, block);
        }

      for (guint b = first_block; b < self->blocks->len; b++)
        classify_block (self, g_ptr_array_index (self->blocks, b));
    }
}
