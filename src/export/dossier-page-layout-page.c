/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include "memo/dossier-memo-language.h"
#include "dossier-page-layout-private.h"

/*
 * One page: the header block on page 1 (built, measured and drawn here,
 * so that its three steps agree on its rows), the handling marking in the
 * top and bottom margins, "Page N of M", the footnote rule, and
 * dossier_page_layout_draw_page() that puts the page's slices of body and
 * notes in place. What is around the text, as against the text itself.
 */

void
_dossier_page_layout_build_header (DossierPageLayout *self)
{
  DossierLayoutDocument *doc = self->document;
  g_autoptr(PangoFontDescription) label_font = _dossier_page_layout_font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) value_font = _dossier_page_layout_font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) title_font = _dossier_page_layout_font_with (self->sans, 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  guint n_fields = dossier_layout_document_get_n_header_fields (doc);
  const char *heading_line = dossier_layout_document_get_heading_line (doc);
  double label_width = 0;
  PangoRectangle logical;

  g_ptr_array_set_size (self->header, 0);
  self->has_heading_line = heading_line != NULL;
  if (heading_line != NULL)
    {
      Shape *shape = _dossier_page_layout_shape_for_text (self, title_font, self->text_width, PANGO_ALIGN_LEFT,
                                                          heading_line, DOSSIER_LAYOUT_STYLE_NONE);

      g_ptr_array_add (self->header, shape);
    }

  /* Labels in a column as wide as the widest, up to HEADER_LABEL_MAX of
   * the line. */
  for (guint i = 0; i < n_fields; i++)
    {
      const char *label;
      Shape *shape;

      dossier_layout_document_get_header_field (doc, i, &label, NULL);
      shape = _dossier_page_layout_shape_for_text (self, label_font, self->text_width * HEADER_LABEL_MAX, PANGO_ALIGN_LEFT,
                                                   label, DOSSIER_LAYOUT_STYLE_NONE);
      _dossier_page_layout_realize_pending (self);
      pango_layout_get_extents (shape->layout, NULL, &logical);
      label_width = MAX (label_width, (double)logical.width / PANGO_SCALE);
    }
  self->header_label_width = MIN (label_width + 14.0, self->text_width * HEADER_LABEL_MAX + 14.0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label, *value;
      Shape *label_shape, *value_shape;

      dossier_layout_document_get_header_field (doc, i, &label, &value);
      label_shape = _dossier_page_layout_shape_for_text (self, label_font, self->text_width * HEADER_LABEL_MAX, PANGO_ALIGN_LEFT,
                                                         label, DOSSIER_LAYOUT_STYLE_NONE);
      value_shape = _dossier_page_layout_shape_for_text (self, value_font, self->text_width - self->header_label_width,
                                                         PANGO_ALIGN_LEFT, value, DOSSIER_LAYOUT_STYLE_NONE);
      g_ptr_array_add (self->header, label_shape);
      g_ptr_array_add (self->header, value_shape);
    }
}

/* The header's height, once its shapes are shaped. */
void
_dossier_page_layout_measure_header (DossierPageLayout *self)
{
  double y = 0;
  guint i = 0;

  if (self->header->len == 0)
    {
      self->header_height = 0;
      return;
    }

  if (self->has_heading_line)
    {
      Shape *shape = g_ptr_array_index (self->header, 0);

      y += shape->top[shape->n_lines] + 10.0;
      i = 1;
    }
  for (; i + 1 < self->header->len; i += 2)
    {
      Shape *label = g_ptr_array_index (self->header, i);
      Shape *value = g_ptr_array_index (self->header, i + 1);

      y += MAX (label->top[label->n_lines], value->top[value->n_lines]) + 8.0;
    }

  self->header_height = y + 4.0 + HEADER_GAP;
}

static void
draw_shape (DossierPageLayout *self,
            cairo_t           *cr,
            const Shape       *shape,
            double             x,
            double             y)
{
  _dossier_page_layout_draw_shape_lines (self, cr, shape, 0, shape->n_lines, x, y, NULL);
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   x1,
           double   y,
           double   width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_header (DossierPageLayout *self,
             cairo_t           *cr)
{
  double y = MARGIN;
  guint i = 0;

  if (self->header->len == 0)
    return;

  if (self->has_heading_line)
    {
      Shape *shape = g_ptr_array_index (self->header, 0);

      draw_shape (self, cr, shape, MARGIN, y);
      y += shape->top[shape->n_lines] + 10.0;
      i = 1;
    }

  for (; i + 1 < self->header->len; i += 2)
    {
      Shape *label = g_ptr_array_index (self->header, i);
      Shape *value = g_ptr_array_index (self->header, i + 1);

      draw_shape (self, cr, label, MARGIN, y);
      draw_shape (self, cr, value, MARGIN + self->header_label_width, y);
      y += MAX (label->top[label->n_lines], value->top[value->n_lines]) + 8.0;
    }

  draw_rule (cr, MARGIN, MARGIN + self->text_width, y + 2.0, 1.0);
}

static void
draw_footer (DossierPageLayout *self,
             cairo_t           *cr,
             guint              page)
{
  g_autoptr(PangoFontDescription) font = _dossier_page_layout_font_with (self->serif, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  /* In the memo's language, as its header is (not the interface's). */
  g_autofree char *text = dossier_memo_language_format_page (self->document ? dossier_layout_document_get_language (self->document) : NULL,
                                                             page + 1, self->pages->len);
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, (self->page_width - (double)logical.width / PANGO_SCALE) / 2,
                 self->page_height - MARGIN + 16.0);
  pango_cairo_show_layout (cr, layout);

  if (self->marking != NULL)
    {
      double height = self->marking->top[self->marking->n_lines];

      /* Centred in the top and bottom margins. */
      draw_shape (self, cr, self->marking, MARGIN, (MARGIN - height) / 2);
      draw_shape (self, cr, self->marking, MARGIN,
                  self->page_height - MARGIN / 2 + 4.0 - height / 2 + 6.0);
    }
}

/**
 * dossier_page_layout_draw_page:
 * @self: a page layout
 * @cr: a cairo context in points, the page's top left corner at the origin
 * @page: the page, counted from 0
 *
 * Draws one page: banners, header block, body, notes and footer. It
 * does not paint the paper. On a PDF surface it also emits the link
 * annotations and the destinations of the notes.
 */
void
dossier_page_layout_draw_page (DossierPageLayout *self,
                               cairo_t           *cr,
                               guint              page_index)
{
  const Page *page;
  double notes_top;
  char anchor[16];

  g_return_if_fail (DOSSIER_IS_PAGE_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (page_index >= self->pages->len)
    return;
  page = &g_array_index (self->pages, Page, page_index);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* cairo 1.16 gives every link annotation a structure element and
   * lists them in the page's parent tree, but writes the structure tree
   * only when a structure tag was used: with links alone the PDF's
   * cross-reference table points at objects that were never written
   * (qpdf: "file is damaged"). A structure element around the page
   * that claims nothing (NonStruct: the PDF is not marked as tagged)
   * makes cairo write the tree. Other surfaces ignore tags. */
  cairo_tag_begin (cr, "NonStruct", NULL);

  if (page_index == 0)
    draw_header (self, cr);

  for (guint i = 0; i < page->body->len; i++)
    {
      const Slice *slice = &g_array_index (page->body, Slice, i);
      const Flow *flow = g_ptr_array_index (self->flows, slice->index);
      double x = MARGIN + flow->x;
      double y = MARGIN + slice->y;

      if (flow->kind == DOSSIER_LAYOUT_BLOCK_HEADING && slice->first == 0)
        {
          g_autofree char *name = g_strdup_printf ("name='section-%u' x=%.2f y=%.2f",
                                                   slice->index, x, y);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
          cairo_tag_end (cr, CAIRO_TAG_DEST);
        }

      if (flow->kind == DOSSIER_LAYOUT_BLOCK_BULLET && slice->first == 0 && self->bullet != NULL)
        _dossier_page_layout_draw_shape_lines (self, cr, self->bullet, 0, 1, x - 12.0,
                                               y + flow->shape->baseline[0] - flow->shape->top[0] - self->bullet->baseline[0],
                                               NULL);

      g_snprintf (anchor, sizeof anchor, "b%u", slice->index);
      _dossier_page_layout_draw_shape_lines (self, cr, flow->shape, slice->first, slice->end, x, y, anchor);
    }

  if (page->notes->len > 0)
    {
      notes_top = MARGIN + self->text_height - page->notes_height;

      /* A short rule; a full one under a note continued from the page before. */
      draw_rule (cr, MARGIN, MARGIN + (page->continued ? self->text_width : 144.0),
                 notes_top + NOTE_SEP / 2 - 2.0, 0.5);

      for (guint i = 0; i < page->notes->len; i++)
        {
          const Slice *slice = &g_array_index (page->notes, Slice, i);
          const Note *note = &g_array_index (self->notes, Note, slice->index);
          double y = notes_top + slice->y;

          if (slice->first == 0)
            {
              g_autofree char *name = g_strdup_printf ("name='note-%u' x=%.2f y=%.2f",
                                                       note->number, MARGIN, y);

              cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
              cairo_tag_end (cr, CAIRO_TAG_DEST);
            }
          g_snprintf (anchor, sizeof anchor, "n%u", note->number);
          _dossier_page_layout_draw_shape_lines (self, cr, note->shape, slice->first, slice->end, MARGIN, y, anchor);
        }
    }

  draw_footer (self, cr, page_index);
  cairo_tag_end (cr, "NonStruct");
  cairo_restore (cr);
}
