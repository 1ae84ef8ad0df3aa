/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include <string.h>

#include "dossier-page-layout-private.h"

/*
 * Drawing shaped lines onto a cairo context: glyphs batched by font and
 * colour, and the PDF link annotations over them. Apart from the page
 * (dossier-page-layout-page.c) because this is where cairo's PDF output
 * costs and quirks are handled, for any shape on any page.
 */

static char *
escape_attribute (const char *value)
{
  GString *escaped = g_string_new (NULL);

  /* Cairo's tag attributes quote strings with ' and escape with \. */
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* A URI longer than this is written once, where its link starts; on the
 * pages the link continues onto it links to that place instead (cairo
 * 1.16 cannot share one annotation between pages). Real URLs are far
 * shorter and open from every page they are on. */
#define MAX_REPEATED_URI 2048

typedef struct {
  double left, top, right, bottom;
  gboolean whole;       /* the link fills the line */
} LinkArea;

/* The areas of a link on consecutive lines as cairo's rect=[x y w h …]:
 * lines the link fills are one area, so a URL over a page of lines
 * needs three (its first line, the lines in between, its last line). */
static char *
format_areas (GArray *areas)
{
  GString *rects = g_string_new (NULL);

  for (guint i = 0; i < areas->len; i++)
    {
      LinkArea area = g_array_index (areas, LinkArea, i);

      while (area.whole && i + 1 < areas->len && g_array_index (areas, LinkArea, i + 1).whole)
        {
          const LinkArea *next = &g_array_index (areas, LinkArea, ++i);

          area.left = MIN (area.left, next->left);
          area.right = MAX (area.right, next->right);
          area.bottom = next->bottom;
        }
      g_string_append_printf (rects, "%s%.2f %.2f %.2f %.2f", rects->len > 0 ? " " : "",
                              area.left, area.top, area.right - area.left, area.bottom - area.top);
    }
  return g_string_free (rects, FALSE);
}

/* The link annotations of lines [first, end) of @shape, whose line
 * @first has its top at @origin + top[first]: one per link, with areas
 * over the lines it is on (several rect=[…], which cairo writes as one
 * annotation with /QuadPoints), so a URL is written once, not once per
 * line it wraps onto (a 100 KB URL over 1,200 lines made a 104 MB PDF).
 * @anchor names the block ("b3", "n12") in destinations of links that
 * continue onto the next page; NULL where none do (header, banners). */
static void
draw_links (DossierPageLayout *self,
            cairo_t           *cr,
            const Shape       *shape,
            guint              first,
            guint              end,
            double             x,
            double             origin,
            const char        *anchor)
{
  const char *text = pango_layout_get_text (shape->layout);
  PangoLayoutLine *last = pango_layout_get_line_readonly (shape->layout, end - 1);
  guint first_index = pango_layout_get_line_readonly (shape->layout, first)->start_index;
  guint end_index = last->start_index + last->length;

  /* Links over several lines first: where areas overlap, viewers pick
   * the annotation written last, the smaller one. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < shape->links->len; i++)
      {
        const LinkSpan *span = &g_array_index (shape->links, LinkSpan, i);
        g_autoptr(GArray) areas = NULL;
        g_autofree char *rects = NULL;
        g_autofree char *attributes = NULL;
        g_autofree char *dest = NULL;
        gboolean once;

        if (span->end <= first_index || span->start >= end_index)
          continue;
        if (span->uri == NULL && _dossier_page_layout_lookup_note (self, span->note) == NULL)
          continue;

        areas = g_array_new (FALSE, FALSE, sizeof (LinkArea));
        for (guint l = first; l < end; l++)
          {
            PangoLayoutLine *line = pango_layout_get_line_readonly (shape->layout, l);
            guint line_end = line->start_index + line->length;
            guint start = MAX (span->start, (guint)line->start_index);
            guint stop = MIN (span->end, line_end);
            LinkArea area;
            int x0, x1;

            if (start >= stop)
              continue;
            pango_layout_line_index_to_x (line, start, FALSE, &x0);
            pango_layout_line_index_to_x (line, g_utf8_prev_char (text + stop) - text, TRUE, &x1);
            area.left = x + shape->line_x[l] + (double)MIN (x0, x1) / PANGO_SCALE;
            area.right = x + shape->line_x[l] + (double)MAX (x0, x1) / PANGO_SCALE;
            area.top = origin + shape->top[l];
            area.bottom = origin + shape->top[l + 1];
            area.whole = start == (guint)line->start_index && stop == line_end;
            if (area.right - area.left < 4.0)
              {
                /* Superscript digits are small targets. */
                area.left -= 1.5;
                area.right += 1.5;
              }
            g_array_append_val (areas, area);
          }
        if (areas->len == 0 || (pass == 0) != (areas->len > 1))
          continue;
        rects = format_areas (areas);

        once = span->uri != NULL && anchor != NULL && strlen (span->uri) > MAX_REPEATED_URI;
        if (once)
          dest = g_strdup_printf ("link-%s-%u", anchor, i);

        if (span->uri == NULL)
          attributes = g_strdup_printf ("dest='note-%u' rect=[%s]", span->note, rects);
        else if (once && span->start < first_index)
          attributes = g_strdup_printf ("dest='%s' rect=[%s]", dest, rects);
        else
          {
            g_autofree char *target = escape_attribute (span->uri);

            attributes = g_strdup_printf ("uri='%s' rect=[%s]", target, rects);
            if (once && span->end > end_index)
              {
                const LinkArea *start = &g_array_index (areas, LinkArea, 0);
                g_autofree char *name = g_strdup_printf ("name='%s' x=%.2f y=%.2f", dest, start->left, start->top);

                cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
                cairo_tag_end (cr, CAIRO_TAG_DEST);
              }
          }

        cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
}

/* Glyphs waiting to be shown in one cairo operation: see draw_line(). */
typedef struct {
  cairo_scaled_font_t *font;
  const PangoAttrColor *foreground;
  GArray *glyphs;       /* cairo_glyph_t */
} GlyphBatch;

static void
flush_glyphs (cairo_t    *cr,
              GlyphBatch *batch)
{
  if (batch->glyphs->len == 0)
    return;
  if (batch->foreground != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, batch->foreground->color.red / 65535.0,
                            batch->foreground->color.green / 65535.0,
                            batch->foreground->color.blue / 65535.0);
    }
  cairo_set_scaled_font (cr, batch->font);
  cairo_show_glyphs (cr, (cairo_glyph_t *)(gpointer)batch->glyphs->data, batch->glyphs->len);
  if (batch->foreground != NULL)
    cairo_restore (cr);
  g_array_set_size (batch->glyphs, 0);
}

static gboolean
same_colour (const PangoAttrColor *a,
             const PangoAttrColor *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->color.red == b->color.red && a->color.green == b->color.green && a->color.blue == b->color.blue;
}

/* Draws @line with its baseline origin at (@x, @y), as glyphs only.
 *
 * pango_cairo_show_layout_line() hands cairo the text and its clusters
 * too, and cairo-pdf writes a /Span with an /ActualText for every cluster
 * without a glyph: one per soft hyphen where the line does not break,
 * which made the PDF 7 % larger and its writing slower. With glyphs
 * alone, cairo builds each font subset's ToUnicode map from the font's
 * own cmap, so the text still extracts and searches (a hyphen at a line
 * end extracts as U+2010). Runs in the same font and colour go to cairo
 * as one operation, across the lines of a block: cairo's PDF output
 * costs per operation as much as per glyph (each one is recorded,
 * analysed, then written). Only what
 * the layout uses is drawn: glyphs, their colour and the baseline shift
 * of superscript note numbers. */
static void
draw_line (cairo_t         *cr,
           PangoLayoutLine *line,
           double           x,
           double           y,
           GlyphBatch      *batch)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      const PangoAttrColor *foreground = NULL;
      cairo_scaled_font_t *font = NULL;
      double run_y = y - (double)run->y_offset / PANGO_SCALE;
      int position = 0;

      for (GSList *a = run->item->analysis.extra_attrs; a != NULL; a = a->next)
        if (((PangoAttribute *)a->data)->klass->type == PANGO_ATTR_FOREGROUND)
          foreground = a->data;
      if (run->item->analysis.font != NULL)
        font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));

      if (font != batch->font || !same_colour (foreground, batch->foreground))
        {
          flush_glyphs (cr, batch);
          batch->font = font;
          batch->foreground = foreground;
        }

      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *info = &glyphs->glyphs[i];

          /* Empty glyphs (soft hyphens, zero-width spaces) and missing
           * ones (no font has the character) draw nothing. */
          if (font != NULL && info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              cairo_glyph_t glyph;

              glyph.index = info->glyph;
              glyph.x = x + (double)(position + info->geometry.x_offset) / PANGO_SCALE;
              glyph.y = run_y + (double)info->geometry.y_offset / PANGO_SCALE;
              g_array_append_val (batch->glyphs, glyph);
            }
          position += info->geometry.width;
        }
      x += (double)position / PANGO_SCALE;
    }
}

/* Draws lines [first, end) of @shape with the top of line @first at @y;
 * @anchor names the block for its links (see draw_links()). */
void
_dossier_page_layout_draw_shape_lines (DossierPageLayout *self,
                                       cairo_t           *cr,
                                       const Shape       *shape,
                                       guint              first,
                                       guint              end,
                                       double             x,
                                       double             y,
                                       const char        *anchor)
{
  double origin = y - shape->top[first];
  g_autoptr(GArray) glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 512);
  GlyphBatch batch = { NULL, NULL, glyphs };

  end = MIN (end, shape->n_lines);
  for (guint i = first; i < end; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (shape->layout, i);

      draw_line (cr, line, x + shape->line_x[i], origin + shape->baseline[i], &batch);
    }
  flush_glyphs (cr, &batch);
  if (shape->links->len > 0 && first < end)
    draw_links (self, cr, shape, first, end, x, origin, anchor);
}
