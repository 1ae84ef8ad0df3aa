/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include <string.h>

#include "dossier-page-layout-private.h"

/*
 * Shaping: a block's text and runs, or a plain string, into Pango lines
 * with their tops, baselines and note references. Apart from the rest
 * because it is the only stage that knows Pango's item and break rules
 * (soft hyphens, zero-width spaces in URLs, items cut to a line's length),
 * and the only one that keeps anything between layouts: the cache of
 * shapes by content, which is what makes relaying out after an edit cheap.
 */

#define ITEM_BYTES    96    /* about a line's worth: see split_items() */
#define ZWSP          "\xe2\x80\x8b"

void
_dossier_page_layout_shape_free (gpointer data)
{
  Shape *shape = data;

  g_free (shape->key);
  g_clear_object (&shape->layout);
  g_free (shape->top);
  g_free (shape->baseline);
  g_free (shape->line_x);
  g_free (shape->note_start);
  g_array_unref (shape->notes);
  g_array_unref (shape->links);
  g_free (shape->text);
  g_clear_pointer (&shape->attrs, pango_attr_list_unref);
  g_clear_pointer (&shape->font, pango_font_description_free);
  g_free (shape);
}

static void
link_span_clear (gpointer data)
{
  LinkSpan *span = data;

  g_clear_pointer (&span->uri, g_free);
}

static void
add_style_attrs (PangoAttrList      *attrs,
                 DossierLayoutStyle  style,
                 guint               start,
                 guint               end)
{
  PangoAttribute *attr;

  if (style & DOSSIER_LAYOUT_STYLE_BOLD)
    {
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style & DOSSIER_LAYOUT_STYLE_ITALIC)
    {
      attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
}

static char *
make_key (const ShapeParams        *params,
          const DossierLayoutBlock *block)
{
  GString *key = g_string_new (NULL);
  g_autofree char *font = pango_font_description_to_string (params->font);

  g_string_append_printf (key, "%s|%.2f|%d|%d|%.2f|%.2f|%.2f|%s|%s|%d|%u|",
                          font, params->width, params->alignment, params->justify,
                          params->indent, params->tab, params->spacing,
                          params->prefix ? params->prefix : "", params->suffix ? params->suffix : "",
                          params->suffix_style, params->hyphenate);
  if (block != NULL)
    {
      const DossierLayoutRun *runs;
      guint n_runs;

      runs = dossier_layout_block_get_runs (block, &n_runs);
      for (guint i = 0; i < n_runs; i++)
        g_string_append_printf (key, "%u,%u,%d,%u,%s;", runs[i].start, runs[i].end,
                                runs[i].style, runs[i].note, runs[i].uri ? runs[i].uri : "");
      g_string_append_c (key, '|');
      g_string_append (key, dossier_layout_block_get_text (block));
    }

  return g_string_free (key, FALSE);
}

/* Prepares a shape: its text, attributes and settings, but no Pango
 * layout yet; shape_realize() shapes it, possibly on another thread. */
/* Where byte @o of a hyphenated segment went: soft hyphens (two bytes)
 * inserted before or at it come first. */
static guint
remap_offset (GArray *insertions,
              guint   o)
{
  guint n = 0;

  while (n < insertions->len && g_array_index (insertions, guint, n) <= o)
    n++;
  return o + 2 * n;
}

/* Appends the block's text to @text, with soft hyphens in the words of
 * its plain runs if @hyphenate (never in links, whose text may be a URL,
 * nor in note numbers), and gives each run's offsets in @text. Runs are
 * hyphenated together across style changes, so a word that is partly
 * bold still hyphenates as one word. */
static void
append_block_text (DossierPageLayout        *self,
                   GString                  *text,
                   const DossierLayoutBlock *block,
                   guint                     hyphenate,
                   guint                    *starts,
                   guint                    *ends)
{
  const char *block_text = dossier_layout_block_get_text (block);
  const DossierLayoutRun *runs;
  guint n_runs, i, offset = text->len;

  runs = dossier_layout_block_get_runs (block, &n_runs);
  if (hyphenate && (self->hyphenator == NULL || !dossier_hyphenator_is_loaded (self->hyphenator)))
    hyphenate = 0;
  /* The runs tile the text (dossier_layout_block_add_text() appends); if
   * they did not, offsets could not be remapped. */
  for (i = 0; hyphenate && i < n_runs; i++)
    if (runs[i].start != (i == 0 ? 0 : runs[i - 1].end))
      hyphenate = 0;
  if (hyphenate && n_runs > 0 && runs[n_runs - 1].end != strlen (block_text))
    hyphenate = 0;

  if (!hyphenate)
    {
      g_string_append (text, block_text);
      for (i = 0; i < n_runs; i++)
        {
          starts[i] = runs[i].start + offset;
          ends[i] = runs[i].end + offset;
        }
      return;
    }

  for (i = 0; i < n_runs;)
    {
      g_autoptr(GArray) insertions = NULL;
      g_autofree char *hyphenated = NULL;
      guint base, first, j;

      if (runs[i].uri != NULL || runs[i].note > 0)
        {
          starts[i] = text->len;
          g_string_append_len (text, block_text + runs[i].start, runs[i].end - runs[i].start);
          ends[i] = text->len;
          i++;
          continue;
        }

      for (j = i; j < n_runs && runs[j].uri == NULL && runs[j].note == 0; j++)
        ;
      first = runs[i].start;
      insertions = g_array_new (FALSE, FALSE, sizeof (guint));
      hyphenated = dossier_hyphenator_hyphenate (self->hyphenator, block_text + first,
                                                 runs[j - 1].end - first, hyphenate, insertions);
      base = text->len;
      g_string_append (text, hyphenated);
      for (; i < j; i++)
        {
          starts[i] = base + remap_offset (insertions, runs[i].start - first);
          ends[i] = base + remap_offset (insertions, runs[i].end - first);
        }
    }
}

/* Whether Pango may break a line after @c (or before it, for the
 * ideographic and Hangul classes): what resets add_breaks()'s count. */
static gboolean
is_break_char (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_SPACE:
    case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
    case G_UNICODE_BREAK_HYPHEN:
    case G_UNICODE_BREAK_AFTER:
    case G_UNICODE_BREAK_BEFORE:
    case G_UNICODE_BREAK_BEFORE_AND_AFTER:
    case G_UNICODE_BREAK_IDEOGRAPHIC:
    case G_UNICODE_BREAK_HANGUL_LV_SYLLABLE:
    case G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE:
    case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
    case G_UNICODE_BREAK_MANDATORY:
    case G_UNICODE_BREAK_CARRIAGE_RETURN:
    case G_UNICODE_BREAK_LINE_FEED:
    case G_UNICODE_BREAK_NEXT_LINE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether no line may start with @c: ")", "]", "!", "," and the like
 * after a URL ("(https://example.org/)"). */
static gboolean
is_closing (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_QUOTATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The length of the URL scheme ("https://") at @p if a URL starts there,
 * or of "www." for one without, -1 for no URL. */
static int
url_scheme_length (const char *p)
{
  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    return 8;
  if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    return 7;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    return 4;
  return -1;
}

/* Where byte @o of the text before add_breaks() went: the zero-width
 * spaces inserted before or at it (@insertions, ascending) come first. */
static guint
remap_breaks (GArray *insertions,
              guint   o)
{
  guint lo = 0, hi = insertions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (insertions, guint, mid) <= o)
        lo = mid + 1;
      else
        hi = mid;
    }
  return o + (sizeof ZWSP - 1) * lo;
}

/* Lets URLs wrap at their parts: a zero-width space (U+200B) after
 * "/", ".", "?", "&", "-", "_" and "=" inside each URL in @text from byte
 * @from on, except in its scheme, and an allow-breaks attribute in @attrs
 * over the scheme and the character after it, so that no line ends with
 * "https://". Pango alone breaks a URL after "/", "-" or "?" only (and
 * right after "https://"), or anywhere once a part is longer than the
 * line. The runs' offsets (@starts, @ends)
 * move past the inserted characters, as remap_offset() does for soft
 * hyphens. A zero-width space draws no glyph (see draw_line()), so it
 * neither shows nor extracts. */
static void
add_breaks (GString       *text,
            gsize          from,
            PangoAttrList *attrs,
            guint         *starts,
            guint         *ends,
            guint          n_runs)
{
  g_autofree char *old = NULL;
  g_autoptr(GArray) insertions = NULL;
  const char *p;
  const char *url_end = NULL;    /* the end of the URL p is in, or NULL */
  const char *scheme_end = NULL; /* no breaks before this in the URL */
  gunichar previous = ' ';

  /* Most blocks have no URL: nothing to copy. */
  if (strstr (text->str + from, "://") == NULL && strstr (text->str + from, "www.") == NULL)
    return;

  old = g_strdup (text->str + from);
  insertions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_string_truncate (text, from);
  for (p = old; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      int scheme;

      if (url_end != NULL && p >= url_end)
        url_end = NULL;
      if (url_end == NULL && (g_unichar_isspace (previous) || (previous < 128 && strchr ("(<[\"'", (int)previous) != NULL)) &&
          (scheme = url_scheme_length (p)) >= 0)
        {
          url_end = p;
          while (*url_end != '\0' && !g_ascii_isspace (*url_end))
            url_end++;
          scheme_end = p + scheme;
          if (scheme_end < url_end)
            {
              PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

              attr->start_index = text->len;
              attr->end_index = text->len + (g_utf8_next_char (scheme_end) - p);
              pango_attr_list_insert (attrs, attr);
            }
        }

      g_string_append_len (text, p, next - p);
      if (url_end != NULL && p >= scheme_end && c < 128 && strchr ("/.?&-_=", (int)c) != NULL &&
          next < url_end && !is_break_char (g_utf8_get_char (next)) && !is_closing (g_utf8_get_char (next)))
        {
          guint at = next - old;

          g_array_append_val (insertions, at);
          g_string_append (text, ZWSP);
        }
      previous = c;
      p = next;
    }

  for (guint i = 0; i < n_runs; i++)
    {
      if (starts[i] >= from)
        starts[i] = from + remap_breaks (insertions, starts[i] - from);
      if (ends[i] >= from)
        ends[i] = from + remap_breaks (insertions, ends[i] - from);
    }
}

/* Cuts a long paragraph into Pango items of a few words each.
 *
 * Pango 1.50 shapes an item whole, and when the item runs past the end
 * of a line it shapes it again from the line's start to each break
 * candidate near the end, then the rest again for the next line: a
 * paragraph that is one item costs its length times its number of lines
 * (soft hyphens, more candidates, more). Any attribute boundary starts a
 * new item, so a no-op one (a rise of 0) every few words, right after a
 * space, bounds each shaping to a few words: the text is shaped about
 * once. Nothing is lost at these boundaries: a space neither kerns nor
 * forms ligatures. */
static void
split_items (PangoAttrList *attrs,
             const char    *text,
             gsize          length)
{
  gsize start = 0;

  if (length < 2 * ITEM_BYTES)
    return;

  while (start + ITEM_BYTES < length)
    {
      const char *from = text + start + ITEM_BYTES;
      gsize window = MIN (ITEM_BYTES, length - start - ITEM_BYTES);
      const char *space = memchr (from, ' ', window);
      const char *zwsp = g_strstr_len (from, (space != NULL ? space : from + window) - from, ZWSP);
      gsize end;
      PangoAttribute *attr;

      if (zwsp != NULL)
        end = zwsp + strlen (ZWSP) - text;   /* a break in a URL: add_breaks() */
      else if (space != NULL)
        end = space + 1 - text;
      else
        {
          /* A long run without a space (a 20 KB "word", a pasted hash):
           * Pango 1.50 breaks it by shaping the item again from the
           * line's start for every character it tries, quadratic in the
           * item's length (4 s for 60 KB, and the live preview lays out
           * on the main thread). Cut anyway, between two characters and
           * not before a combining mark: a few letters lose their
           * kerning, lines still fill to the margin. */
          const char *cut = g_utf8_find_prev_char (text, from + 1);

          while (cut > text + start + 1 && (g_unichar_ismark (g_utf8_get_char (cut)) ||
                                            g_utf8_get_char (cut) == 0x200D))
            cut = g_utf8_find_prev_char (text, cut);
          end = cut - text;
        }
      if (end >= length)
        break;
      attr = pango_attr_rise_new (0);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
      start = end;
    }
}

static Shape *
shape_build (DossierPageLayout        *self,
             const ShapeParams        *params,
             const DossierLayoutBlock *block,
             char                     *key)
{
  Shape *shape = g_new0 (Shape, 1);
  PangoAttrList *attrs = pango_attr_list_new ();
  GString *text = g_string_new (params->prefix);
  guint offset = text->len;
  guint i;

  shape->key = key;
  shape->notes = g_array_new (FALSE, FALSE, sizeof (guint));
  shape->links = g_array_new (FALSE, TRUE, sizeof (LinkSpan));
  g_array_set_clear_func (shape->links, link_span_clear);
  shape->font = pango_font_description_copy (params->font);
  shape->width = params->width;
  shape->alignment = params->alignment;
  shape->justify = params->justify;
  shape->indent = params->indent;
  shape->tab = params->tab;
  shape->spacing = params->spacing;

  if (block != NULL)
    {
      const DossierLayoutRun *runs;
      g_autofree guint *starts = NULL;
      g_autofree guint *ends = NULL;
      guint n_runs;

      runs = dossier_layout_block_get_runs (block, &n_runs);
      starts = g_new (guint, MAX (n_runs, 1));
      ends = g_new (guint, MAX (n_runs, 1));
      append_block_text (self, text, block, params->hyphenate, starts, ends);
      add_breaks (text, offset, attrs, starts, ends, n_runs);
      for (i = 0; i < n_runs; i++)
        {
          guint start = starts[i];
          guint end = ends[i];

          add_style_attrs (attrs, runs[i].style, start, end);
          if (runs[i].note > 0)
            {
              PangoAttribute *attr = pango_attr_baseline_shift_new (PANGO_BASELINE_SHIFT_SUPERSCRIPT);

              attr->start_index = start;
              attr->end_index = end;
              pango_attr_list_insert (attrs, attr);
              attr = pango_attr_font_scale_new (PANGO_FONT_SCALE_SUPERSCRIPT);
              attr->start_index = start;
              attr->end_index = end;
              pango_attr_list_insert (attrs, attr);
              /* A note number never starts a line: no break between it
               * and the character before. */
              attr = pango_attr_allow_breaks_new (FALSE);
              attr->start_index = start > offset ? g_utf8_prev_char (text->str + start) - text->str : start;
              attr->end_index = end;
              pango_attr_list_insert (attrs, attr);
              g_array_append_val (shape->notes, runs[i].note);
            }
          if (runs[i].uri != NULL || runs[i].note > 0)
            {
              LinkSpan span = { start, end, g_strdup (runs[i].uri), runs[i].note };

              g_array_append_val (shape->links, span);
            }
          if (runs[i].uri != NULL)
            {
              /* A dark blue that prints as near-black on paper. */
              PangoAttribute *attr = pango_attr_foreground_new (0x1a1a, 0x3c3c, 0x7a7a);

              attr->start_index = start;
              attr->end_index = end;
              pango_attr_list_insert (attrs, attr);
            }
        }
    }

  if (params->suffix != NULL)
    {
      guint start = text->len;

      g_string_append (text, params->suffix);
      add_style_attrs (attrs, params->suffix_style, start, text->len);
    }

  split_items (attrs, text->str, text->len);
  shape->text = g_string_free (text, FALSE);
  shape->attrs = attrs;
  g_ptr_array_add (self->unrealized, shape);
  return shape;
}

/* Shapes with @context, which no other thread may use meanwhile. */
static void
shape_realize (Shape        *shape,
               PangoContext *context)
{
  PangoLayoutIter *iter;
  guint i, line;

  if (shape->layout != NULL)
    return;

  shape->layout = pango_layout_new (context);
  pango_layout_set_font_description (shape->layout, shape->font);
  pango_layout_set_width (shape->layout, (int)(shape->width * PANGO_SCALE));
  pango_layout_set_wrap (shape->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (shape->layout, shape->alignment);
  pango_layout_set_justify (shape->layout, shape->justify);
  if (shape->indent != 0)
    pango_layout_set_indent (shape->layout, (int)(shape->indent * PANGO_SCALE));
  if (shape->spacing > 0)
    pango_layout_set_line_spacing (shape->layout, shape->spacing);
  if (shape->tab > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                (int)(shape->tab * PANGO_SCALE));

      pango_layout_set_tabs (shape->layout, tabs);
      pango_tab_array_free (tabs);
    }
  pango_layout_set_text (shape->layout, shape->text, -1);
  pango_layout_set_attributes (shape->layout, shape->attrs);
  g_clear_pointer (&shape->text, g_free);
  g_clear_pointer (&shape->attrs, pango_attr_list_unref);
  g_clear_pointer (&shape->font, pango_font_description_free);

  shape->n_lines = MAX (pango_layout_get_line_count (shape->layout), 1);
  shape->top = g_new0 (double, shape->n_lines + 1);
  shape->baseline = g_new0 (double, shape->n_lines);
  shape->line_x = g_new0 (double, shape->n_lines);
  shape->note_start = g_new0 (guint, shape->n_lines + 1);

  iter = pango_layout_get_iter (shape->layout);
  i = 0;
  do
    {
      PangoRectangle logical;
      int y0, y1;

      if (i >= shape->n_lines)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      shape->top[i] = (double)y0 / PANGO_SCALE;
      shape->top[i + 1] = (double)y1 / PANGO_SCALE;
      shape->baseline[i] = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      shape->line_x[i] = (double)logical.x / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Which line each note reference fell on: note_start[l] counts the
   * references on the lines before l. */
  memset (shape->note_start, 0, sizeof (guint) * (shape->n_lines + 1));
  for (i = 0; i < shape->links->len; i++)
    {
      const LinkSpan *span = &g_array_index (shape->links, LinkSpan, i);
      int ref_line = 0, x;

      if (span->note == 0)
        continue;
      pango_layout_index_to_line_x (shape->layout, span->start, FALSE, &ref_line, &x);
      ref_line = CLAMP (ref_line, 0, (int)shape->n_lines - 1);
      shape->note_start[ref_line + 1]++;
    }
  for (line = 1; line <= shape->n_lines; line++)
    shape->note_start[line] += shape->note_start[line - 1];

}

Shape *
_dossier_page_layout_shape_get (DossierPageLayout        *self,
                                const ShapeParams        *params,
                                const DossierLayoutBlock *block)
{
  char *key = make_key (params, block);
  Shape *shape = g_hash_table_lookup (self->cache, key);

  if (shape != NULL)
    g_free (key);
  else
    {
      shape = shape_build (self, params, block, key);
      g_hash_table_insert (self->cache, shape->key, shape);
    }

  shape->generation = self->generation;
  return shape;
}

Shape *
_dossier_page_layout_shape_for_text (DossierPageLayout    *self,
                                     PangoFontDescription *font,
                                     double                width,
                                     PangoAlignment        alignment,
                                     const char           *text,
                                     DossierLayoutStyle    style)
{
  ShapeParams params = { font, width, alignment, FALSE, 0, 0, 0, NULL, text, style };

  return _dossier_page_layout_shape_get (self, &params, NULL);
}

PangoContext *
_dossier_page_layout_create_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options;

  /* Unhinted metrics at 72 dpi: a point is a unit, and the PDF, the
   * printout and a zoomed preview break lines in the same places. */
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("en"));
  return context;
}

/* Shapes every prepared shape. Preparing and shaping are apart so that
 * shaping, most of a layout's cost, could move to worker threads (each
 * would need a font map of its own). Tried twice: shaping half the
 * blocks on a second thread with its own font map gave the same text and
 * pages, but on these two shared vCPUs it was slower in the median (the
 * second font map's cold caches, and no idle core while others build),
 * so it is one thread. */
void
_dossier_page_layout_realize_pending (DossierPageLayout *self)
{
  for (guint i = 0; i < self->unrealized->len; i++)
    shape_realize (g_ptr_array_index (self->unrealized, i), self->context);
  g_ptr_array_set_size (self->unrealized, 0);
}

PangoFontDescription *
_dossier_page_layout_font_with (PangoFontDescription *base,
                                int                   size,
                                PangoWeight           weight,
                                PangoStyle            style)
{
  PangoFontDescription *font = pango_font_description_copy_static (base);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  return font;
}
