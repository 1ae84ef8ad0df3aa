/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "memo/dossier-memo-language.h"
#include "dossier-hyphenator.h"
#include "dossier-page-layout.h"
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

#define MARGIN        72.0
#define BODY_SIZE     12
#define NOTE_SIZE     10
#define NOTE_SEP      16.0  /* space above the rule, the rule, space below */
#define NOTE_GAP      3.0   /* between two notes */
#define NOTE_INDENT   14.0
#define BULLET_INDENT 18.0
#define QUOTE_INDENT  30.0
#define HEADER_GAP    18.0  /* between the header block's rule and the body */
#define HEADER_LABEL_MAX 0.42 /* of the line: "INFORMATION MEMO FOR" fits on one */
#define MAX_PAGES     5000
#define EPSILON       0.01
#define LONG_NOTE_FIRST_LINES 3   /* lines of a long note on its reference's page, at least */
#define ITEM_BYTES    96    /* about a line's worth: see split_items() */
#define ZWSP          "\xe2\x80\x8b"

/* Times-metric faces first, as State Department and Army memos ask for
 * Times New Roman; Noto and DejaVu where Liberation is missing (the GNOME
 * runtime). Hangul: Nanum Myeongjo (TrueType), else Noto Serif CJK KR;
 * Nanum first also because cairo 1.16 leaks a little when it subsets a
 * CID-keyed CFF font such as Noto CJK. */
#define SERIF_FAMILIES "Liberation Serif, Tinos, Times New Roman, Noto Serif, DejaVu Serif, " \
                       "NanumMyeongjo, Noto Serif CJK KR, serif"
#define SANS_FAMILIES  "Liberation Sans, Arimo, Arial, Noto Sans, DejaVu Sans, " \
                       "NanumGothic, Noto Sans CJK KR, sans-serif"

typedef struct {
  guint start;
  guint end;
  char *uri;        /* NULL for a note reference */
  guint note;
} LinkSpan;

/* One shaped block. Cached by its key (the content and width), so an
 * edit reshapes only what changed. */
typedef struct {
  char *key;
  PangoLayout *layout;
  guint n_lines;
  double *top;          /* n_lines + 1: top of each line, then the bottom */
  double *baseline;
  double *line_x;
  guint *note_start;    /* n_lines + 1: index into notes of each line's first */
  GArray *notes;        /* guint: note numbers referenced, in text order */
  GArray *links;        /* LinkSpan */
  guint generation;

  /* Until shaped (shape_realize), what to shape: */
  char *text;
  PangoAttrList *attrs;
  PangoFontDescription *font;
  double width;
  PangoAlignment alignment;
  gboolean justify;
  double indent;
  double tab;
  double spacing;
} Shape;

typedef struct {
  DossierLayoutBlockKind kind;
  guint level;
  Shape *shape;         /* owned by the cache */
  double x;
  double gap_before;
  gboolean keep_with_next;
  gboolean splittable;
  char *title;          /* headings: the printed title, for the outline */
} Flow;

typedef struct {
  guint number;
  Shape *shape;
  gboolean placed;
  guint mark;
  int page;
} Note;

typedef struct {
  guint index;          /* into flows, or into notes */
  guint first;
  guint end;
  double y;             /* body: from the top of the text area; notes: from the rule */
} Slice;

typedef struct {
  GArray *body;         /* Slice */
  GArray *notes;        /* Slice */
  double notes_height;  /* with the separator */
  gboolean continued;   /* starts with the rest of a note from the page before */
  guint64 fingerprint;
  gboolean changed;
} Page;

typedef struct {
  guint note;
  guint line;
} Pending;

typedef struct {
  double y;
  double nh;
  gboolean fresh;
} State;

struct _DossierPageLayout
{
  GObject parent_instance;

  DossierPaper paper;
  gboolean justify;
  DossierLayoutDocument *document;

  PangoContext *context;
  DossierHyphenator *hyphenator;
  char *hyphenator_language;
  GPtrArray *unrealized;    /* Shape, waiting for shape_realize() */
  PangoFontDescription *serif;
  PangoFontDescription *sans;
  GHashTable *cache;        /* key → Shape */
  guint generation;
  guint mark;

  double page_width;
  double page_height;
  double text_width;
  double text_height;

  GPtrArray *header;        /* Shape, labels and values in turn; the heading line first if any */
  gboolean has_heading_line;
  double header_label_width;
  double header_height;
  Shape *marking;
  Shape *bullet;

  GPtrArray *flows;         /* Flow */
  GArray *notes;            /* Note */
  GHashTable *note_index;   /* number → index + 1 */
  GArray *pages;            /* Page */
  GArray *headings;         /* DossierLayoutHeading */
  GArray *pending;          /* Pending notes carried to the next page */
  State state;
};

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
shape_free (gpointer data)
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

/* Shaping ------------------------------------------------------------- */

typedef struct {
  PangoFontDescription *font;
  double width;
  PangoAlignment alignment;
  gboolean justify;
  double indent;            /* Pango indent: negative for a hanging one */
  double tab;               /* a tab stop, 0 for none */
  double spacing;           /* line spacing factor, 0 for the font's */
  const char *prefix;       /* unstyled text before the runs */
  const char *suffix;       /* unstyled text after the runs */
  DossierLayoutStyle suffix_style;
  guint hyphenate;          /* soft hyphens in the runs' words of this many
                             * letters or more; 0 for none */
} ShapeParams;

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

static Shape *
shape_get (DossierPageLayout        *self,
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

static Shape *
shape_for_text (DossierPageLayout    *self,
                PangoFontDescription *font,
                double                width,
                PangoAlignment        alignment,
                const char           *text,
                DossierLayoutStyle    style)
{
  ShapeParams params = { font, width, alignment, FALSE, 0, 0, 0, NULL, text, style };

  return shape_get (self, &params, NULL);
}

static PangoContext *
create_context (PangoFontMap *font_map)
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
static void
realize_pending (DossierPageLayout *self)
{
  for (guint i = 0; i < self->unrealized->len; i++)
    shape_realize (g_ptr_array_index (self->unrealized, i), self->context);
  g_ptr_array_set_size (self->unrealized, 0);
}

/* Building the flow --------------------------------------------------- */

static PangoFontDescription *
font_with (PangoFontDescription *base,
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

static double
gap_between (const Flow *previous,
             const Flow *flow)
{
  if (previous == NULL)
    return 0;
  if (previous->kind == DOSSIER_LAYOUT_BLOCK_HEADING)
    return flow->kind == DOSSIER_LAYOUT_BLOCK_HEADING ? 6.0 : 5.0;

  switch (flow->kind)
    {
    case DOSSIER_LAYOUT_BLOCK_HEADING:
      return flow->level == 1 ? 20.0 : 14.0;
    case DOSSIER_LAYOUT_BLOCK_BULLET:
      return previous->kind == DOSSIER_LAYOUT_BLOCK_BULLET ? 4.0 : 8.0;
    case DOSSIER_LAYOUT_BLOCK_DECISION:
      return 10.0;
    case DOSSIER_LAYOUT_BLOCK_QUOTE:
    case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
    case DOSSIER_LAYOUT_BLOCK_NOTE:
    default:
      return 10.0;
    }
}

static void
build_header (DossierPageLayout *self)
{
  DossierLayoutDocument *doc = self->document;
  g_autoptr(PangoFontDescription) label_font = font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) value_font = font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) title_font = font_with (self->sans, 14, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  guint n_fields = dossier_layout_document_get_n_header_fields (doc);
  const char *heading_line = dossier_layout_document_get_heading_line (doc);
  double label_width = 0;
  PangoRectangle logical;

  g_ptr_array_set_size (self->header, 0);
  self->has_heading_line = heading_line != NULL;
  if (heading_line != NULL)
    {
      Shape *shape = shape_for_text (self, title_font, self->text_width, PANGO_ALIGN_LEFT,
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
      shape = shape_for_text (self, label_font, self->text_width * HEADER_LABEL_MAX, PANGO_ALIGN_LEFT,
                              label, DOSSIER_LAYOUT_STYLE_NONE);
      realize_pending (self);
      pango_layout_get_extents (shape->layout, NULL, &logical);
      label_width = MAX (label_width, (double)logical.width / PANGO_SCALE);
    }
  self->header_label_width = MIN (label_width + 14.0, self->text_width * HEADER_LABEL_MAX + 14.0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label, *value;
      Shape *label_shape, *value_shape;

      dossier_layout_document_get_header_field (doc, i, &label, &value);
      label_shape = shape_for_text (self, label_font, self->text_width * HEADER_LABEL_MAX, PANGO_ALIGN_LEFT,
                                    label, DOSSIER_LAYOUT_STYLE_NONE);
      value_shape = shape_for_text (self, value_font, self->text_width - self->header_label_width,
                                    PANGO_ALIGN_LEFT, value, DOSSIER_LAYOUT_STYLE_NONE);
      g_ptr_array_add (self->header, label_shape);
      g_ptr_array_add (self->header, value_shape);
    }
}

/* The header's height, once its shapes are shaped. */
static void
measure_header (DossierPageLayout *self)
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

/* Justified lines spread their slack between the words, so every break
 * point counts: words of six letters or more are hyphenated. In ragged
 * text a wrapped word leaves a gap no wider than itself, so only long
 * words (nine letters or more) are: nearly as even a right edge, half
 * the hyphens (ragged style hyphenates sparingly), and each hyphenated
 * line costs Pango a reshaping (see split_items()). */
static guint
hyphenate_min_letters (gboolean justify)
{
  return justify ? 6 : 9;
}

static void
build_flows (DossierPageLayout *self)
{
  DossierLayoutDocument *doc = self->document;
  guint n_blocks = dossier_layout_document_get_n_blocks (doc);
  guint n_notes = dossier_layout_document_get_n_notes (doc);
  guint counters[3] = { 0, 0, 0 };
  g_autoptr(PangoFontDescription) body = font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) note_font = font_with (self->serif, NOTE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h1 = font_with (self->sans, 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h2 = font_with (self->sans, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h3 = font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC);
  Flow *previous = NULL;

  g_ptr_array_set_size (self->flows, 0);
  g_array_set_size (self->notes, 0);
  g_hash_table_remove_all (self->note_index);

  for (guint i = 0; i < n_blocks; i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_block (doc, i);
      ShapeParams params = { body, self->text_width, PANGO_ALIGN_LEFT, self->justify, 0, 0, 1.1, NULL, NULL, 0,
                             hyphenate_min_letters (self->justify) };
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      Flow *flow = g_new0 (Flow, 1);

      flow->kind = dossier_layout_block_get_kind (block);
      flow->level = dossier_layout_block_get_level (block);

      switch (flow->kind)
        {
        case DOSSIER_LAYOUT_BLOCK_HEADING:
          params.font = flow->level == 1 ? h1 : flow->level == 2 ? h2 : h3;
          params.justify = FALSE;
          params.hyphenate = 0;
          params.spacing = 0;
          if (dossier_layout_block_get_numbered (block))
            {
              guint level = CLAMP (flow->level, 1, 3);
              GString *number = g_string_new (NULL);

              counters[level - 1]++;
              for (guint l = level; l < 3; l++)
                counters[l] = 0;
              for (guint l = 0; l < level; l++)
                g_string_append_printf (number, "%u.", counters[l]);
              g_string_append (number, "\u2002");
              prefix = g_string_free (number, FALSE);
            }
          params.prefix = prefix;
          flow->keep_with_next = TRUE;
          flow->title = g_strconcat (prefix ? prefix : "", dossier_layout_block_get_text (block), NULL);
          g_strstrip (flow->title);
          break;

        case DOSSIER_LAYOUT_BLOCK_BULLET:
          flow->x = BULLET_INDENT * flow->level;
          params.width -= flow->x;
          break;

        case DOSSIER_LAYOUT_BLOCK_QUOTE:
          flow->x = QUOTE_INDENT;
          params.width -= 2 * QUOTE_INDENT;
          if (dossier_layout_block_get_attribution (block) != NULL)
            {
              suffix = g_strdup_printf ("\n\u2014\u2009%s", dossier_layout_block_get_attribution (block));
              params.suffix = suffix;
              params.suffix_style = DOSSIER_LAYOUT_STYLE_NONE;
            }
          break;

        case DOSSIER_LAYOUT_BLOCK_DECISION:
          {
            const char * const *choices = dossier_layout_block_get_choices (block);
            GString *line = g_string_new (NULL);

            for (guint c = 0; choices != NULL && choices[c] != NULL && c < 6; c++)
              g_string_append_printf (line, "%s%s ____________", c > 0 ? "\t" : "", choices[c]);
            suffix = g_string_free (line, FALSE);
            params.suffix = suffix;
            params.tab = 180.0;
            params.justify = FALSE;
            params.hyphenate = 0;
            flow->x = QUOTE_INDENT;
            params.width -= QUOTE_INDENT;
            /* The decision line stays with the recommendation above it. */
            if (previous != NULL)
              previous->keep_with_next = TRUE;
            block = NULL;
          }
          break;

        case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
        case DOSSIER_LAYOUT_BLOCK_NOTE:
        default:
          break;
        }

      flow->shape = shape_get (self, &params, block);
      flow->gap_before = gap_between (previous, flow);
      g_ptr_array_add (self->flows, flow);
      previous = flow;
    }

  for (guint i = 0; i < n_notes; i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_note (doc, i);
      /* "1. Text", wrapped lines indented: a space rather than a tab after
       * the number, so that text extraction and copying keep one line. */
      g_autofree char *prefix = g_strdup_printf ("%u. ", dossier_layout_block_get_number (block));
      /* Ragged right even under a justified body: notes are mostly
       * URLs and titles, whose long unbreakable parts leave justified
       * lines with wide gaps. */
      ShapeParams params = { note_font, self->text_width, PANGO_ALIGN_LEFT, FALSE,
                             -NOTE_INDENT, 0, 0, prefix, NULL, 0, hyphenate_min_letters (FALSE) };
      Note note = { 0 };

      note.number = dossier_layout_block_get_number (block);
      if (note.number == 0 || g_hash_table_contains (self->note_index, GUINT_TO_POINTER (note.number)))
        continue;
      note.shape = shape_get (self, &params, block);
      note.page = -1;
      g_array_append_val (self->notes, note);
      g_hash_table_insert (self->note_index, GUINT_TO_POINTER (note.number),
                           GUINT_TO_POINTER (self->notes->len));
    }
}

/* Paginating ---------------------------------------------------------- */

static Note *
lookup_note (DossierPageLayout *self,
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
      Note *note = lookup_note (self, g_array_index (shape->notes, guint, i));

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
      Note *note = lookup_note (self, g_array_index (shape->notes, guint, i));
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

static void
paginate (DossierPageLayout *self)
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
      g_autoptr(PangoFontDescription) body = font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

      banner = font_with (self->serif, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      if (marking != NULL)
        self->marking = shape_for_text (self, banner, self->text_width, PANGO_ALIGN_CENTER,
                                        marking, DOSSIER_LAYOUT_STYLE_NONE);
      self->bullet = shape_for_text (self, body, BULLET_INDENT, PANGO_ALIGN_LEFT, "\u2022",
                                     DOSSIER_LAYOUT_STYLE_NONE);
      build_header (self);
      build_flows (self);
      realize_pending (self);
      measure_header (self);

      /* Two lines at least on each side of a break: only blocks of four
       * lines or more can break. */
      for (guint i = 0; i < self->flows->len; i++)
        {
          Flow *flow = g_ptr_array_index (self->flows, i);

          flow->splittable = (flow->kind != DOSSIER_LAYOUT_BLOCK_HEADING &&
                              flow->kind != DOSSIER_LAYOUT_BLOCK_DECISION &&
                              flow->shape->n_lines >= 4);
        }
      paginate (self);
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

/* Drawing ------------------------------------------------------------- */

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
        if (span->uri == NULL && lookup_note (self, span->note) == NULL)
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

/* Draws @line with its baseline origin at (@x, @y), as glyphs only.
 *
 * pango_cairo_show_layout_line() hands cairo the text and its clusters
 * too, and cairo-pdf writes a /Span with an /ActualText for every cluster
 * without a glyph: one per soft hyphen where the line does not break,
 * which made the PDF 7 % larger and its writing a third slower. With
 * glyphs alone, cairo builds each font subset's ToUnicode map from the
 * font's own cmap, so the text still extracts and searches. Only what
 * the layout uses is drawn: glyphs, their colour and the baseline shift
 * of superscript note numbers. */
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
static void
draw_shape_lines (DossierPageLayout *self,
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

static void
draw_shape (DossierPageLayout *self,
            cairo_t           *cr,
            const Shape       *shape,
            double             x,
            double             y)
{
  draw_shape_lines (self, cr, shape, 0, shape->n_lines, x, y, NULL);
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
  g_autoptr(PangoFontDescription) font = font_with (self->serif, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
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
        draw_shape_lines (self, cr, self->bullet, 0, 1, x - 12.0,
                          y + flow->shape->baseline[0] - flow->shape->top[0] - self->bullet->baseline[0],
                          NULL);

      g_snprintf (anchor, sizeof anchor, "b%u", slice->index);
      draw_shape_lines (self, cr, flow->shape, slice->first, slice->end, x, y, anchor);
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
          draw_shape_lines (self, cr, note->shape, slice->first, slice->end, MARGIN, y, anchor);
        }
    }

  draw_footer (self, cr, page_index);
  cairo_tag_end (cr, "NonStruct");
  cairo_restore (cr);
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

  properties[PROP_PAPER] =
    g_param_spec_enum ("paper", NULL, NULL, DOSSIER_TYPE_PAPER, DOSSIER_PAPER_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JUSTIFY] =
    g_param_spec_boolean ("justify", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_page_layout_init (DossierPageLayout *self)
{
  self->paper = DOSSIER_PAPER_A4;
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shape_free);
  self->header = g_ptr_array_new ();
  self->flows = g_ptr_array_new_with_free_func (flow_free);
  self->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  self->note_index = g_hash_table_new (NULL, NULL);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->headings = g_array_new (FALSE, TRUE, sizeof (DossierLayoutHeading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  self->context = create_context (pango_cairo_font_map_get_default ());
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

  note = lookup_note (self, number);
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
