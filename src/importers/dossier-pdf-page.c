/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-pdf-private.h"

/*
 * Reading one page: Poppler's text layer (its characters, their boxes and
 * their fonts) becomes lines of text with their boxes, the size and font
 * most of their characters have, and runs of characters that differ
 * (bold, italic, raised note markers). Nothing of Poppler's is kept once a
 * page is read, so a long document costs only its text.
 */

typedef struct {
  gunichar c;
  float x0, y0, x1, y1;
  float size;
  guint16 font;
  guint16 style;
} Glyph;

/* A gap wider than this many times the font size between two words of one
 * Poppler line separates two columns (or a running head's left and right
 * parts); the columns' lines are laid out apart and joined again when
 * they turn out to be one. */
#define COLUMN_GAP 1.4f

void
dossier_pdf_line_free (gpointer data)
{
  PdfLine *line = data;

  g_free (line->spans);
  g_free (line->cuts);
  g_free (line->text);
  g_free (line);
}

void
dossier_pdf_page_free (gpointer data)
{
  PdfPage *page = data;

  g_clear_pointer (&page->lines, g_ptr_array_unref);
  if (page->links != NULL)
    {
      for (guint i = 0; i < page->links->len; i++)
        g_free (g_array_index (page->links, PdfLink, i).uri);
      g_array_unref (page->links);
    }
  g_free (page->label);
  g_free (page);
}

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;

  return FALSE;
}

gboolean
dossier_pdf_font_is_bold (const char *name)
{
  static const char * const words[] = {
    "bold", "black", "heavy", "semibold", "demi", ",b", "-bd", "bdit", "-b.", "gothic-b", NULL
  };
  gsize n = strlen (name);

  for (guint i = 0; words[i] != NULL; i++)
    if (contains_nocase (name, words[i]))
      return TRUE;

  /* "Arial-B", "Times-BI" */
  return (n > 2 && g_ascii_strcasecmp (name + n - 2, "-b") == 0) ||
         (n > 3 && g_ascii_strcasecmp (name + n - 3, "-bi") == 0);
}

gboolean
dossier_pdf_font_is_italic (const char *name)
{
  static const char * const words[] = { "italic", "oblique", "-it", "bdit", ",it", "kursiv", NULL };
  gsize n = strlen (name);

  for (guint i = 0; words[i] != NULL; i++)
    if (contains_nocase (name, words[i]))
      return TRUE;

  return (n > 2 && g_ascii_strcasecmp (name + n - 2, "-i") == 0) ||
         (n > 3 && g_ascii_strcasecmp (name + n - 3, "-bi") == 0);
}

/* Fonts are named by their index in PdfImport.fonts, without the subset
 * prefix ("ABCDEF+") that makes one font many. */
guint16
dossier_pdf_intern_font (PdfImport  *self,
                         const char *name)
{
  g_autofree char *base = NULL;
  gpointer found;

  if (name == NULL)
    name = "";
  if (strlen (name) > 7 && name[6] == '+')
    {
      gboolean prefix = TRUE;

      for (guint i = 0; i < 6; i++)
        prefix = prefix && g_ascii_isupper (name[i]);
      if (prefix)
        name += 7;
    }

  found = g_hash_table_lookup (self->font_ids, name);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  /* A hostile file may name a font for every character. */
  if (self->fonts->len >= G_MAXUINT16 - 1)
    return 0;

  base = g_strndup (name, 200);
  g_ptr_array_add (self->fonts, g_strdup (base));
  g_hash_table_insert (self->font_ids, g_steal_pointer (&base), GUINT_TO_POINTER (self->fonts->len));
  return self->fonts->len - 1;
}

/* Characters as text: ligatures spelled out, every kind of space a space,
 * invisible and private characters (a broken font's code points) left
 * out. Returns 0 for nothing. */
static gunichar
clean_char (gunichar  c,
            const char **expansion)
{
  static const char * const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

  *expansion = NULL;
  if (c >= 0xFB00 && c <= 0xFB06)
    {
      *expansion = ligatures[c - 0xFB00];
      return c;
    }
  if (c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x205F || c == 0x3000 || c == '\t' ||
      (c >= 0x2000 && c <= 0x200A))
    return ' ';
  if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200B || c == 0x200C || c == 0x200D ||
      c == 0x2060 || c == 0xFEFF || c == 0xFFFD || c == 0xFFFC ||
      (c >= 0xE000 && c <= 0xF8FF) || !g_unichar_validate (c))
    return 0;
  return c;
}

static int
compare_floats (gconstpointer a,
                gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Of the gaps between the words of a line, keeps those that may part the
 * cells of a table: wider than 0.6 em and half as wide again as the
 * line's narrowest, where it has spaces of the ordinary kind. A line
 * whose every gap is wide is a row of short cells ("District  Meters
 * Leaks") when it has at most five words, or else text set loosely
 * (justified in a narrow column), which has no cells. */
static void
keep_cell_gaps (GArray *cuts,
                float   size)
{
  float narrowest = G_MAXFLOAT, wide = PDF_CELL_GAP * MAX (size, 1.0f);
  guint kept = 0;

  for (guint i = 0; i < cuts->len; i++)
    {
      PdfCut *cut = &g_array_index (cuts, PdfCut, i);

      narrowest = MIN (narrowest, cut->right - cut->left);
    }
  if (narrowest >= wide && cuts->len > 4)
    {
      g_array_set_size (cuts, 0);
      return;
    }
  for (guint i = 0; i < cuts->len; i++)
    {
      PdfCut *cut = &g_array_index (cuts, PdfCut, i);
      float gap = cut->right - cut->left;

      if (gap >= wide && (narrowest >= wide || gap >= 1.5f * narrowest))
        g_array_index (cuts, PdfCut, kept++) = *cut;
    }
  g_array_set_size (cuts, kept);
}

/* Makes a line of glyphs[start, end), which holds at least one that is
 * not a space. */
static PdfLine *
make_line (PdfImport   *self,
           const Glyph *glyphs,
           guint        start,
           guint        end,
           guint        page)
{
  PdfLine *line = g_new0 (PdfLine, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (PdfSpan));
  g_autoptr(GHashTable) sizes = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (PdfCut));
  guint best_count = 0, n_glyphs = 0, n_bold = 0, n_italic = 0;
  guint font_votes[8] = { 0 };
  guint16 fonts[8] = { 0 };
  guint n_fonts = 0;
  int main_key = 0;
  PdfSpan *span = NULL;
  const Glyph *prev = NULL;

  line->page = page;
  line->column = -1;
  line->x0 = line->y0 = G_MAXFLOAT;
  line->x1 = line->y1 = -G_MAXFLOAT;

  /* The size most characters have (half points), its font and baseline. */
  for (guint i = start; i < end; i++)
    {
      const Glyph *g = &glyphs[i];
      int key = (int) lroundf (g->size * 2);
      guint count;

      if (g->c == ' ')
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, GINT_TO_POINTER (key))) + 1;
      g_hash_table_insert (sizes, GINT_TO_POINTER (key), GUINT_TO_POINTER (count));
      if (count > best_count || (count == best_count && key > main_key))
        {
          best_count = count;
          main_key = key;
        }
      n_glyphs++;
      n_bold += (g->style & SPAN_BOLD) != 0;
      n_italic += (g->style & SPAN_ITALIC) != 0;
      line->x0 = MIN (line->x0, g->x0);
      line->y0 = MIN (line->y0, g->y0);
      line->x1 = MAX (line->x1, g->x1);
      line->y1 = MAX (line->y1, g->y1);
    }
  line->size = main_key / 2.0f;

  for (guint i = start; i < end; i++)
    {
      const Glyph *g = &glyphs[i];
      guint f;

      if (g->c == ' ' || (int) lroundf (g->size * 2) != main_key)
        continue;
      g_array_append_val (bottoms, g->y1);
      for (f = 0; f < n_fonts && fonts[f] != g->font; f++)
        ;
      if (f == n_fonts && n_fonts < G_N_ELEMENTS (fonts))
        fonts[n_fonts++] = g->font;
      if (f < n_fonts)
        font_votes[f]++;
    }
  g_array_sort (bottoms, compare_floats);
  line->base = bottoms->len > 0 ? g_array_index (bottoms, float, bottoms->len / 2) : line->y1;
  for (guint f = 0, best = 0; f < n_fonts; f++)
    if (font_votes[f] > best)
      {
        best = font_votes[f];
        line->font = fonts[f];
      }
  if (n_bold * 10 >= n_glyphs * 6)
    line->style |= SPAN_BOLD;
  if (n_italic * 10 >= n_glyphs * 6)
    line->style |= SPAN_ITALIC;

  /* The text, in runs of one look; a space never opens a run and never
   * belongs to a raised one. */
  for (guint i = start; i < end; i++)
    {
      const Glyph *g = &glyphs[i];
      const char *expansion;
      gunichar c = clean_char (g->c, &expansion);
      guint16 flags;

      if (c == 0)
        continue;
      if (c == ' ')
        {
          if (text->len == 0 || text->str[text->len - 1] == ' ')
            continue;
          if (span != NULL && (span->flags & SPAN_RAISED))
            span = NULL;
          if (span == NULL)
            {
              PdfSpan plain = { text->len, text->len, line->size, line->style, line->font };

              g_array_append_val (spans, plain);
              span = &g_array_index (spans, PdfSpan, spans->len - 1);
            }
          g_string_append_c (text, ' ');
          span->end = text->len;
          continue;
        }

      flags = g->style;
      if (g->size <= line->size * 0.86f && line->base - g->y1 > line->size * 0.15f)
        flags |= SPAN_RAISED;

      /* Words set apart by position alone ("MEMO FOR    The Secretary"
       * in a memo's header) are words apart. */
      if (prev != NULL && !(flags & SPAN_RAISED) && text->len > 0 && text->str[text->len - 1] != ' ' &&
          g->x0 - prev->x1 > 0.3f * MAX (g->size, 1.0f))
        {
          PdfSpan plain = { text->len, text->len + 1, line->size, line->style, line->font };

          g_array_append_val (spans, plain);
          g_string_append_c (text, ' ');
          span = NULL;
        }
      /* Every gap between words, for the cells of a table. */
      if (prev != NULL && !(flags & SPAN_RAISED) && text->len > 0 && text->str[text->len - 1] == ' ' &&
          cuts->len < 1000)
        {
          PdfCut cut = { text->len - 1, prev->x1, g->x0 };

          g_array_append_val (cuts, cut);
        }
      prev = g;

      if (span == NULL || span->flags != flags || span->font != g->font ||
          fabsf (span->size - g->size) > 0.1f)
        {
          PdfSpan next = { text->len, text->len, g->size, flags, g->font };

          g_array_append_val (spans, next);
          span = &g_array_index (spans, PdfSpan, spans->len - 1);
        }
      if (expansion != NULL)
        g_string_append (text, expansion);
      else
        g_string_append_unichar (text, c);
      span->end = text->len;
    }

  /* No trailing space. */
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    {
      g_string_truncate (text, text->len - 1);
      while (spans->len > 0)
        {
          PdfSpan *last = &g_array_index (spans, PdfSpan, spans->len - 1);

          last->end = MIN (last->end, text->len);
          if (last->end > last->start)
            break;
          g_array_set_size (spans, spans->len - 1);
        }
    }

  /* Cuts stand before text, so none is at the trailing space. */
  while (cuts->len > 0 && g_array_index (cuts, PdfCut, cuts->len - 1).offset >= text->len)
    g_array_set_size (cuts, cuts->len - 1);
  keep_cell_gaps (cuts, line->size);
  line->n_cuts = cuts->len;
  line->cuts = cuts->len > 0 ? (PdfCut *) (gpointer) g_array_free (g_steal_pointer (&cuts), FALSE) : NULL;
  line->n_spans = spans->len;
  line->spans = (PdfSpan *) (gpointer) g_array_free (g_steal_pointer (&spans), FALSE);
  line->text = g_string_free (g_steal_pointer (&text), FALSE);
  return line;
}

static void
add_lines (PdfImport   *self,
           PdfPage     *page,
           const Glyph *glyphs,
           guint        n)
{
  guint start = 0;

  while (start < n)
    {
      guint end = start, i;
      gboolean any = FALSE;

      /* Up to a wide gap (two columns, or a head's two parts) or a jump back. */
      for (i = start; i < n; i++)
        {
          const Glyph *g = &glyphs[i];

          if (g->c != ' ')
            {
              if (any && i > start)
                {
                  const Glyph *prev = &glyphs[i - 1];
                  float size = MAX (g->size, 1.0f);

                  if (prev->c == ' ' && i >= 2)
                    prev = &glyphs[i - 2];
                  if (g->x0 - prev->x1 > COLUMN_GAP * size || g->x1 < prev->x0 - size)
                    break;
                }
              any = TRUE;
            }
          end = i + 1;
        }

      if (any)
        {
          PdfLine *line = make_line (self, glyphs, start, end, page->number);

          if (line->text[0] == '\0' ||
              line->x1 < 0 || line->y1 < 0 || line->x0 > page->width || line->y0 > page->height ||
              (line->y1 - line->y0 > 2.5f * line->size && line->y1 - line->y0 > line->x1 - line->x0))
            line->flags |= LINE_DROP;
          g_ptr_array_add (page->lines, line);
        }
      start = MAX (end, start + 1);
    }
}

static void
read_links (PdfPage     *page,
            PopplerPage *poppler_page)
{
  GList *mapping = poppler_page_get_link_mapping (poppler_page);

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      PdfLink entry;

      /* Only web addresses; launch and JavaScript actions are never read,
       * let alone run. */
      if (link->action == NULL || link->action->type != POPPLER_ACTION_URI ||
          link->action->uri.uri == NULL || strlen (link->action->uri.uri) > 8192 ||
          (g_ascii_strncasecmp (link->action->uri.uri, "http://", 7) != 0 &&
           g_ascii_strncasecmp (link->action->uri.uri, "https://", 8) != 0) ||
          !g_utf8_validate (link->action->uri.uri, -1, NULL) ||
          page->links->len >= 4096)
        continue;

      entry.x0 = MIN (link->area.x1, link->area.x2);
      entry.x1 = MAX (link->area.x1, link->area.x2);
      entry.y0 = page->height - MAX (link->area.y1, link->area.y2);
      entry.y1 = page->height - MIN (link->area.y1, link->area.y2);
      entry.uri = g_strdup (link->action->uri.uri);
      g_array_append_val (page->links, entry);
    }

  poppler_page_free_link_mapping (mapping);
}

/**
 * dossier_pdf_read_page:
 * @number: the page's index, 0-based
 *
 * Returns: (transfer full): the page's lines in Poppler's order, its links
 *   and its label
 */
PdfPage *
dossier_pdf_read_page (PdfImport   *self,
                       PopplerPage *poppler_page,
                       guint        number)
{
  PdfPage *page = g_new0 (PdfPage, 1);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GList *attributes = NULL, *a;
  guint n_rects = 0, k = 0;
  double width, height;
  guint16 font = 0, style = 0;
  float size = 0;
  PopplerTextAttributes *current = NULL;

  poppler_page_get_size (poppler_page, &width, &height);
  page->number = number;
  page->width = width;
  page->height = height;
  page->printed = -1;
  page->lines = g_ptr_array_new_with_free_func (dossier_pdf_line_free);
  page->links = g_array_new (FALSE, FALSE, sizeof (PdfLink));

  label = poppler_page_get_label (poppler_page);
  if (label != NULL && g_utf8_validate (label, -1, NULL) && *label != '\0' && strlen (label) <= 64)
    {
      g_autofree char *number_text = g_strdup_printf ("%u", number + 1);

      if (!g_str_equal (label, number_text))
        page->label = g_strdup (label);
    }

  read_links (page, poppler_page);

  text = poppler_page_get_text (poppler_page);
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL) ||
      !poppler_page_get_text_layout (poppler_page, &rects, &n_rects))
    return page;

  attributes = poppler_page_get_text_attributes (poppler_page);
  a = attributes;

  /* One box per character of the text, in the same order (Poppler makes
   * both from the same walk over its words); a text longer than its boxes
   * is cut there rather than misplaced. */
  for (const char *p = text; *p != '\0' && k < n_rects; p = g_utf8_next_char (p), k++)
    {
      gunichar c = g_utf8_get_char (p);
      PopplerRectangle *r = &rects[k];
      Glyph g;

      while (a != NULL && ((PopplerTextAttributes *) a->data)->end_index < (int) k)
        a = a->next;
      if (a != NULL && a->data != current && ((PopplerTextAttributes *) a->data)->start_index <= (int) k)
        {
          current = a->data;
          font = dossier_pdf_intern_font (self, current->font_name);
          size = current->font_size;
          style = 0;
          if (current->font_name != NULL && dossier_pdf_font_is_bold (current->font_name))
            style |= SPAN_BOLD;
          if (current->font_name != NULL && dossier_pdf_font_is_italic (current->font_name))
            style |= SPAN_ITALIC;
        }

      if (c == '\n')
        {
          add_lines (self, page, (Glyph *) (gpointer) glyphs->data, glyphs->len);
          g_array_set_size (glyphs, 0);
          continue;
        }

      /* A hostile file may put a line of a million characters. */
      if (glyphs->len >= 100000)
        continue;

      g.c = c;
      g.x0 = MIN (r->x1, r->x2);
      g.x1 = MAX (r->x1, r->x2);
      g.y0 = MIN (r->y1, r->y2);
      g.y1 = MAX (r->y1, r->y2);
      g.size = isfinite (size) && size > 0 && size < 2000 ? size : 10;
      g.font = font;
      g.style = style;
      if (!isfinite (g.x0) || !isfinite (g.x1) || !isfinite (g.y0) || !isfinite (g.y1))
        continue;
      g_array_append_val (glyphs, g);
    }
  add_lines (self, page, (Glyph *) (gpointer) glyphs->data, glyphs->len);

  poppler_page_free_text_attributes (attributes);
  return page;
}

/* Whether a line of @key has, below it on its page, a line of real text
 * (not a running foot) in a larger size. */
static gboolean
larger_text_below (PdfPage *page,
                   PdfLine *line,
                   int      key)
{
  for (guint i = 0; i < page->lines->len; i++)
    {
      PdfLine *other = g_ptr_array_index (page->lines, i);

      if (!(other->flags & LINE_DROP) && other->y0 > line->y1 &&
          (int) lroundf (other->size * 2) > key && strlen (other->text) >= 25)
        return TRUE;
    }
  return FALSE;
}

/* A short paper with long notes (a one-page memo) has more characters in
 * its notes' size than in its text's: when nearly all of the most common
 * size sits in the lower halves of the pages, under no larger text, it is
 * the notes' size, and the text's is the larger size with the most
 * characters. */
static int
skip_note_size (PdfImport  *self,
                GHashTable *sizes,
                int         key)
{
  GHashTableIter iter;
  gpointer k, v;
  guint total = 0, at_foot = 0, best = 0;
  int larger = 0;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);

          /* a running head is neither text nor notes */
          if ((line->flags & LINE_DROP) || (int) lroundf (line->size * 2) != key ||
              line->y1 < page->height * 0.1f)
            continue;
          total += strlen (line->text);
          if (line->y0 > page->height * 0.5f && !larger_text_below (page, line, key))
            at_foot += strlen (line->text);
        }
    }

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &k, &v))
    if (GPOINTER_TO_INT (k) > key && GPOINTER_TO_UINT (v) > best)
      {
        best = GPOINTER_TO_UINT (v);
        larger = GPOINTER_TO_INT (k);
      }

  if (total > 0 && at_foot * 10 >= total * 9 && larger > 0 && best * 4 >= total)
    return larger;
  return key;
}

/* The size and font of running text: those of most characters in the
 * document, and the distance between its lines. */
void
dossier_pdf_measure_body (PdfImport *self)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) fonts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pitches = g_hash_table_new (NULL, NULL);
  guint best = 0, best_font = 0, best_pitch = 0;
  int body_key = 20;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          int key = (int) lroundf (line->size * 2);
          guint count;

          if (line->flags & LINE_DROP)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, GINT_TO_POINTER (key))) + strlen (line->text);
          g_hash_table_insert (sizes, GINT_TO_POINTER (key), GUINT_TO_POINTER (count));
          if (count > best)
            {
              best = count;
              body_key = key;
            }
        }
    }
  body_key = skip_note_size (self, sizes, body_key);
  self->body_size = body_key / 2.0f;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      PdfLine *prev = NULL;

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          guint count;

          if ((line->flags & LINE_DROP) || (int) lroundf (line->size * 2) != body_key)
            {
              prev = NULL;
              continue;
            }
          count = GPOINTER_TO_UINT (g_hash_table_lookup (fonts, GUINT_TO_POINTER (line->font))) + strlen (line->text);
          g_hash_table_insert (fonts, GUINT_TO_POINTER (line->font), GUINT_TO_POINTER (count));
          if (count > best_font)
            {
              best_font = count;
              self->body_font = line->font;
            }

          /* Consecutive lines of one column: their baselines' distance. */
          if (prev != NULL && fabsf (prev->x0 - line->x0) < 2 * self->body_size &&
              line->base > prev->base && line->base - prev->base < 3 * self->body_size)
            {
              int pitch = (int) lroundf ((line->base - prev->base) * 4);

              count = GPOINTER_TO_UINT (g_hash_table_lookup (pitches, GINT_TO_POINTER (pitch))) + 1;
              g_hash_table_insert (pitches, GINT_TO_POINTER (pitch), GUINT_TO_POINTER (count));
              if (count > best_pitch)
                {
                  best_pitch = count;
                  self->pitch = pitch / 4.0f;
                }
            }
          prev = line;
        }
    }

  if (self->fonts->len > self->body_font)
    self->body_bold = dossier_pdf_font_is_bold (g_ptr_array_index (self->fonts, self->body_font));
  if (self->pitch < self->body_size)
    self->pitch = self->body_size * 1.2f;
}
