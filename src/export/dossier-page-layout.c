/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dossier-export-task.h"
#include "dossier-page-layout-private.h"
#include "dossier-util.h"

/**
 * DossierPageLayout:
 *
 * Paginates a #DossierLayoutDocument with Pango and draws any page to any
 * cairo context, so the PDF exporter, GtkPrintOperation and a live preview
 * share one layout.
 *
 * All lengths are in points (1/72 in) on the page; a caller drawing at
 * another size scales its cairo context first. Laying out again after an
 * edit reshapes only the blocks whose content changed (shaped paragraphs
 * are cached by content), and dossier_page_layout_get_page_changed() tells
 * a preview which pages it has to redraw.
 *
 * The rules a memo is judged by are kept here: 1-inch margins; the
 * handling marking centred at the top and bottom of every page; "Page N of
 * M"; the header block on page 1; headings kept with the next paragraph
 * and decision lines with the paragraph before; no widow or orphan (two
 * lines at least on each side of a break); every footnote at the foot of
 * the page that references it, split across pages only when the note with
 * its reference line cannot fit on an empty page.
 *
 * A layout belongs to the thread that created it (it uses that thread's
 * Pango font map).
 */

/* Times-metric faces first, as State Department and Army memos ask for
 * Times New Roman; Noto and DejaVu where Liberation is missing (the GNOME
 * runtime). Hangul: Nanum Myeongjo (TrueType), else Noto Serif CJK KR;
 * Nanum first also because cairo 1.16 leaks a little when it subsets a
 * CID-keyed CFF font such as Noto CJK. */
#define SERIF_FAMILIES "Liberation Serif, Tinos, Times New Roman, Noto Serif, DejaVu Serif, " \
                       "NanumMyeongjo, Noto Serif CJK KR, serif"
#define SANS_FAMILIES  "Liberation Sans, Arimo, Arial, Noto Sans, DejaVu Sans, " \
                       "NanumGothic, Noto Sans CJK KR, sans-serif"

G_DEFINE_FINAL_TYPE (DossierPageLayout, dossier_page_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAPER,
  PROP_JUSTIFY,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void relayout (DossierPageLayout *self);

static void
flow_free (gpointer data)
{
  Flow *flow = data;

  g_free (flow->title);
  g_free (flow);
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->body, g_array_unref);
  g_clear_pointer (&page->notes, g_array_unref);
}

static void
heading_clear (gpointer data)
{
  DossierLayoutHeading *heading = data;

  g_clear_pointer ((char **)&heading->title, g_free);
}

static guint64
hash_mix (guint64 h,
          guint64 v)
{
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

static void
compute_fingerprints (DossierPageLayout *self,
                      GArray            *old_fingerprints)
{
  guint64 common = hash_mix (0, self->pages->len);

  if (self->document != NULL && dossier_layout_document_get_marking (self->document) != NULL)
    common = hash_mix (common, g_str_hash (dossier_layout_document_get_marking (self->document)));
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = &g_array_index (self->pages, Page, p);
      guint64 h = hash_mix (common, p);

      if (p == 0)
        for (guint i = 0; i < self->header->len; i++)
          h = hash_mix (h, g_str_hash (((Shape *)g_ptr_array_index (self->header, i))->key));
      for (guint i = 0; i < page->body->len; i++)
        {
          const Slice *slice = &g_array_index (page->body, Slice, i);
          const Flow *flow = g_ptr_array_index (self->flows, slice->index);

          h = hash_mix (h, g_str_hash (flow->shape->key));
          h = hash_mix (h, ((guint64)slice->first << 32) | slice->end);
          h = hash_mix (h, (guint64)(slice->y * 100) ^ ((guint64)(flow->x * 100) << 32));
        }
      for (guint i = 0; i < page->notes->len; i++)
        {
          const Slice *slice = &g_array_index (page->notes, Slice, i);
          const Note *note = &g_array_index (self->notes, Note, slice->index);

          h = hash_mix (h, g_str_hash (note->shape->key));
          h = hash_mix (h, ((guint64)slice->first << 32) | slice->end);
        }
      page->fingerprint = h;
      page->changed = old_fingerprints == NULL || p >= old_fingerprints->len ||
                      g_array_index (old_fingerprints, guint64, p) != h;
    }
}

static gboolean
drop_stale_shape (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  DossierPageLayout *self = user_data;
  Shape *shape = value;

  return shape->generation != self->generation;
}

static void
relayout (DossierPageLayout *self)
{
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(PangoFontDescription) banner = NULL;
  g_autofree char *bullet = NULL;
  guint old_n_pages = self->pages->len;

  for (guint p = 0; p < self->pages->len; p++)
    g_array_append_val (old, g_array_index (self->pages, Page, p).fingerprint);

  g_array_set_size (self->pages, 0);
  g_array_set_size (self->headings, 0);
  g_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->flows, 0);
  self->marking = NULL;
  self->bullet = NULL;
  self->generation++;

  dossier_paper_get_size (self->paper, &self->page_width, &self->page_height);
  self->text_width = self->page_width - 2 * MARGIN;

  if (self->document != NULL)
    {
      const char *language = dossier_layout_document_get_language (self->document);

      /* Another language, another dictionary: no cached shape is valid. */
      if (self->hyphenator == NULL || g_strcmp0 (language, self->hyphenator_language) != 0)
        {
          g_clear_object (&self->hyphenator);
          self->hyphenator = dossier_hyphenator_get_for_language (language);
          dossier_set_str (&self->hyphenator_language, language);
          g_hash_table_remove_all (self->cache);
        }
    }
  self->text_height = self->page_height - 2 * MARGIN;

  if (self->document != NULL)
    {
      const char *marking = dossier_layout_document_get_marking (self->document);
      g_autoptr(PangoFontDescription) body = _dossier_page_layout_font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

      banner = _dossier_page_layout_font_with (self->serif, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      if (marking != NULL)
        self->marking = _dossier_page_layout_shape_for_text (self, banner, self->text_width, PANGO_ALIGN_CENTER,
                                                             marking, DOSSIER_LAYOUT_STYLE_NONE);
      self->bullet = _dossier_page_layout_shape_for_text (self, body, BULLET_INDENT, PANGO_ALIGN_LEFT, "\u2022",
                                                          DOSSIER_LAYOUT_STYLE_NONE);
      _dossier_page_layout_build_header (self);
      _dossier_page_layout_build_flows (self);
      _dossier_page_layout_realize_pending (self);
      _dossier_page_layout_measure_header (self);

      /* Two lines at least on each side of a break: only blocks of four
       * lines or more can break. */
      for (guint i = 0; i < self->flows->len; i++)
        {
          Flow *flow = g_ptr_array_index (self->flows, i);

          flow->splittable = (flow->kind != DOSSIER_LAYOUT_BLOCK_HEADING &&
                              flow->kind != DOSSIER_LAYOUT_BLOCK_DECISION &&
                              flow->shape->n_lines >= 4);
        }
      _dossier_page_layout_paginate (self);
    }
  else
    {
      g_ptr_array_set_size (self->header, 0);
      self->header_height = 0;
      g_array_set_size (self->notes, 0);
      g_hash_table_remove_all (self->note_index);
    }

  compute_fingerprints (self, old);
  g_hash_table_foreach_remove (self->cache, drop_stale_shape, self);

  if (old_n_pages != self->pages->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/* Object -------------------------------------------------------------- */

static void
dossier_page_layout_finalize (GObject *object)
{
  DossierPageLayout *self = (DossierPageLayout *)object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->note_index, g_hash_table_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->serif, pango_font_description_free);
  g_clear_pointer (&self->sans, pango_font_description_free);
  g_clear_pointer (&self->unrealized, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->hyphenator);
  g_free (self->hyphenator_language);

  G_OBJECT_CLASS (dossier_page_layout_parent_class)->finalize (object);
}

static void
dossier_page_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierPageLayout *self = DOSSIER_PAGE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_JUSTIFY:
      g_value_set_boolean (value, self->justify);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->pages->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_page_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierPageLayout *self = DOSSIER_PAGE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      dossier_page_layout_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_JUSTIFY:
      dossier_page_layout_set_justify (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_page_layout_class_init (DossierPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_page_layout_finalize;
  object_class->get_property = dossier_page_layout_get_property;
  object_class->set_property = dossier_page_layout_set_property;

  properties[PROP_PAPER] = dossier_export_paper_pspec ();
  properties[PROP_JUSTIFY] = dossier_export_justify_pspec ();
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_page_layout_init (DossierPageLayout *self)
{
  self->paper = DOSSIER_PAPER_A4;
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _dossier_page_layout_shape_free);
  self->header = g_ptr_array_new ();
  self->flows = g_ptr_array_new_with_free_func (flow_free);
  self->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  self->note_index = g_hash_table_new (NULL, NULL);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->headings = g_array_new (FALSE, TRUE, sizeof (DossierLayoutHeading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  self->context = _dossier_page_layout_create_context (pango_cairo_font_map_get_default ());
  self->unrealized = g_ptr_array_new ();

  self->serif = pango_font_description_from_string (SERIF_FAMILIES);
  self->sans = pango_font_description_from_string (SANS_FAMILIES);

  dossier_paper_get_size (self->paper, &self->page_width, &self->page_height);
}

/**
 * dossier_page_layout_new:
 * @paper: the paper to lay out on
 *
 * Returns: (transfer full): a new, empty page layout
 */
DossierPageLayout *
dossier_page_layout_new (DossierPaper paper)
{
  return g_object_new (DOSSIER_TYPE_PAGE_LAYOUT, "paper", paper, NULL);
}

DossierPaper
dossier_page_layout_get_paper (DossierPageLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), DOSSIER_PAPER_A4);
  return self->paper;
}

/**
 * dossier_page_layout_set_paper:
 * @self: a page layout
 * @paper: the paper
 *
 * Lays the document out again on @paper.
 */
void
dossier_page_layout_set_paper (DossierPageLayout *self,
                               DossierPaper       paper)
{
  g_return_if_fail (DOSSIER_IS_PAGE_LAYOUT (self));

  if (self->paper == paper)
    return;
  self->paper = paper;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

gboolean
dossier_page_layout_get_justify (DossierPageLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), FALSE);
  return self->justify;
}

/**
 * dossier_page_layout_set_justify:
 * @self: a page layout
 * @justify: %TRUE for justified text, %FALSE for ragged right
 */
void
dossier_page_layout_set_justify (DossierPageLayout *self,
                                 gboolean           justify)
{
  g_return_if_fail (DOSSIER_IS_PAGE_LAYOUT (self));

  justify = !!justify;
  if (self->justify == justify)
    return;
  self->justify = justify;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

/**
 * dossier_page_layout_set_document:
 * @self: a page layout
 * @document: (nullable): the document to lay out
 *
 * Lays @document out now. Call it again after each edit (with the same
 * or a rebuilt document): blocks whose content did not change keep their
 * shaping, so a relayout of a long memo costs little more than the
 * pagination, and dossier_page_layout_get_page_changed() then says which
 * pages differ from the previous layout.
 */
void
dossier_page_layout_set_document (DossierPageLayout     *self,
                                  DossierLayoutDocument *document)
{
  g_return_if_fail (DOSSIER_IS_PAGE_LAYOUT (self));
  g_return_if_fail (document == NULL || DOSSIER_IS_LAYOUT_DOCUMENT (document));

  g_set_object (&self->document, document);
  relayout (self);
}

/**
 * dossier_page_layout_get_document:
 * @self: a page layout
 *
 * Returns: (transfer none) (nullable): the document laid out
 */
DossierLayoutDocument *
dossier_page_layout_get_document (DossierPageLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), NULL);
  return self->document;
}

guint
dossier_page_layout_get_n_pages (DossierPageLayout *self)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

/**
 * dossier_page_layout_get_page_size:
 * @self: a page layout
 * @width: (out) (optional): the page width in points
 * @height: (out) (optional): the page height in points
 */
void
dossier_page_layout_get_page_size (DossierPageLayout *self,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (DOSSIER_IS_PAGE_LAYOUT (self));

  dossier_paper_get_size (self->paper, width, height);
}

/**
 * dossier_page_layout_get_page_changed:
 * @self: a page layout
 * @page: a page, counted from 0
 *
 * Returns: whether @page looks different from the same page before the
 *   last layout, i.e. whether a preview must redraw it
 */
gboolean
dossier_page_layout_get_page_changed (DossierPageLayout *self,
                                      guint              page)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), FALSE);

  if (page >= self->pages->len)
    return FALSE;
  return g_array_index (self->pages, Page, page).changed;
}

/**
 * dossier_page_layout_get_headings:
 * @self: a page layout
 * @n_headings: (out): the number of headings
 *
 * Returns: (array length=n_headings) (transfer none): the headings in
 *   document order, with the page each starts on
 */
const DossierLayoutHeading *
dossier_page_layout_get_headings (DossierPageLayout *self,
                                  guint             *n_headings)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (n_headings != NULL, NULL);

  *n_headings = self->headings->len;
  return (const DossierLayoutHeading *)(gpointer)self->headings->data;
}

/**
 * dossier_page_layout_get_note_page:
 * @self: a page layout
 * @number: a note number
 *
 * Returns: the page on which note @number starts, or -1 if it is not
 *   printed (no reference to it)
 */
int
dossier_page_layout_get_note_page (DossierPageLayout *self,
                                   guint              number)
{
  Note *note;

  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), -1);

  note = _dossier_page_layout_lookup_note (self, number);
  return note != NULL ? note->page : -1;
}

/**
 * dossier_page_layout_get_block_n_lines:
 * @self: a page layout
 * @index: the index of a block of the document
 *
 * Returns: how many lines block @index is printed on, 0 if there is no
 *   such block
 */
guint
dossier_page_layout_get_block_n_lines (DossierPageLayout *self,
                                       guint              index)
{
  g_return_val_if_fail (DOSSIER_IS_PAGE_LAYOUT (self), 0);

  if (index >= self->flows->len)
    return 0;
  return ((Flow *)g_ptr_array_index (self->flows, index))->shape->n_lines;
}
