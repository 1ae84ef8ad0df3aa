/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <math.h>

#include "model/dossier-util.h"
#include "dossier-reader-view.h"

/*
 * The reader is one read-only GtkTextView holding the whole article: the
 * head (title, subtitle, byline), the key points, the body with its pull
 * quotes, the notes and the author bios. One buffer gives continuous
 * selection, find across everything and a single accessible text; the
 * footnote markers are GtkMenuButtons anchored in the text so they are
 * focusable, announced ("Footnote 3") and open their note in a popover.
 *
 * The text column is centred by setting the view's margins from the width
 * of an average character, so the measure stays near 68 characters at any
 * window size, zoom level or system text scale.
 */

#define MEASURE_CHARS 68
#define WORD_JOINER "\xe2\x81\xa0"  /* U+2060 */

/* Markers take buffer positions (a word joiner and the anchor) that are not
 * part of the document's text. */
static gboolean
is_marker_position (const GtkTextIter *iter)
{
  return gtk_text_iter_get_child_anchor (iter) != NULL || gtk_text_iter_get_char (iter) == 0x2060;
}
#define MAX_FIND_MATCHES 10000
/* Each marker is a widget; more than this many would make showing the
 * article slow (real articles have well under a hundred notes). */
#define MAX_MARKER_WIDGETS 400

/* Boxes drawn behind the text: the key points, author cards, a rule
 * beside pull quotes and a quieter one beside block quotations. Text tags
 * cannot pad or round a background, so the text view draws these itself,
 * below the text. */
typedef enum {
  BOX_KEY_POINTS,
  BOX_CARD,
  BOX_QUOTE_RULE,
  BOX_BLOCK_QUOTE_RULE,
} BoxKind;

typedef struct
{
  guint start;
  guint end;
  BoxKind kind;
} Box;

#define DOSSIER_TYPE_READER_TEXT (dossier_reader_text_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderText, dossier_reader_text, DOSSIER, READER_TEXT, GtkTextView)

struct _DossierReaderText
{
  GtkTextView parent_instance;

  GArray *boxes;         /* Box */
  GPtrArray *markers;    /* borrowed from the view, in reading order */
  GdkRGBA key_points_bg;
  GdkRGBA card_bg;
  GdkRGBA accent;
  GdkRGBA rule;
  int pad;
};

G_DEFINE_FINAL_TYPE (DossierReaderText, dossier_reader_text, GTK_TYPE_TEXT_VIEW)

static void
dossier_reader_text_snapshot_layer (GtkTextView      *text_view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  int width = gtk_widget_get_width (GTK_WIDGET (text_view));
  int left = gtk_text_view_get_left_margin (text_view);
  int right = gtk_text_view_get_right_margin (text_view);

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);

  for (guint i = 0; i < self->boxes->len; i++)
    {
      const Box *box = &g_array_index (self->boxes, Box, i);
      GtkTextIter start, end;
      int y1, h1, y2, h2;
      GskRoundedRect rounded;
      graphene_rect_t rect;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, box->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, box->end);
      /* The box ends with its last line, not the next paragraph's. */
      if (gtk_text_iter_get_line_offset (&end) == 0 && !gtk_text_iter_equal (&start, &end))
        gtk_text_iter_backward_char (&end);
      gtk_text_view_get_line_yrange (text_view, &start, &y1, &h1);
      gtk_text_view_get_line_yrange (text_view, &end, &y2, &h2);

      if (y2 + h2 < visible.y || y1 > visible.y + visible.height)
        continue;

      if (box->kind == BOX_QUOTE_RULE)
        {
          int quote_left = 0;
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "pull-quote");

          g_object_get (tag, "left-margin", &quote_left, NULL);
          rect = GRAPHENE_RECT_INIT (quote_left - self->pad, y1 + h1 * 0.15, 4, (y2 + h2) - y1 - h1 * 0.15 - self->pad);
          gsk_rounded_rect_init_from_rect (&rounded, &rect, 2);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &self->accent, &rect);
          gtk_snapshot_pop (snapshot);
          continue;
        }

      if (box->kind == BOX_BLOCK_QUOTE_RULE)
        {
          int quote_left = 0, below = 0;
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "block-quote");

          /* From the top of the first line to the bottom of the last one's
           * text, not through the space below the quotation. */
          g_object_get (tag, "left-margin", &quote_left, "pixels-below-lines", &below, NULL);
          rect = GRAPHENE_RECT_INIT (quote_left - self->pad, y1, 3, MAX (h1, (y2 + h2) - y1 - below));
          gsk_rounded_rect_init_from_rect (&rounded, &rect, 1.5);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &self->rule, &rect);
          gtk_snapshot_pop (snapshot);
          continue;
        }

      rect = GRAPHENE_RECT_INIT (left - self->pad, y1, width - left - right + 2 * self->pad, (y2 + h2) - y1);
      gsk_rounded_rect_init_from_rect (&rounded, &rect, 12);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, box->kind == BOX_KEY_POINTS ? &self->key_points_bg : &self->card_bg, &rect);
      gtk_snapshot_pop (snapshot);
    }
}

/* Tab and Shift+Tab walk the footnote markers in reading order. GTK's
 * default sorts children by position, and markers in lines the text view
 * has not laid out yet have no position, so they would come first. */
static gboolean
dossier_reader_text_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  gboolean on_text = gtk_widget_is_focus (widget);
  int current = -1;
  int next;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || self->markers == NULL)
    return GTK_WIDGET_CLASS (dossier_reader_text_parent_class)->focus (widget, direction);

  for (guint i = 0; focus != NULL && i < self->markers->len; i++)
    if (focus == self->markers->pdata[i] || gtk_widget_is_ancestor (focus, self->markers->pdata[i]))
      current = i;

  /* Coming in from outside: the text itself takes the focus first. */
  if (!on_text && current < 0)
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  if (on_text)
    next = forward ? 0 : -1;
  else
    next = forward ? current + 1 : current - 1;

  if (!forward && !on_text && next < 0)
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  if (next < 0 || next >= (int) self->markers->len)
    return FALSE;

  gtk_widget_grab_focus (self->markers->pdata[next]);
  return TRUE;
}

static void
dossier_reader_text_finalize (GObject *object)
{
  DossierReaderText *self = DOSSIER_READER_TEXT (object);

  g_clear_pointer (&self->boxes, g_array_unref);
  G_OBJECT_CLASS (dossier_reader_text_parent_class)->finalize (object);
}

static void
dossier_reader_text_class_init (DossierReaderTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_reader_text_finalize;
  GTK_WIDGET_CLASS (klass)->focus = dossier_reader_text_focus;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_reader_text_snapshot_layer;
}

static void
dossier_reader_text_init (DossierReaderText *self)
{
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->pad = 16;
}

static void
add_box (GtkTextView *text_view,
         guint        start,
         guint        end,
         BoxKind      kind)
{
  Box box = { start, end, kind };
  g_array_append_val (DOSSIER_READER_TEXT (text_view)->boxes, box);
}

typedef struct
{
  gint64 id;
  guint  paragraph;
  guint  start;
  guint  end;
} Highlight;

typedef struct
{
  guint start;   /* buffer offsets */
  guint end;
} Range;

struct _DossierReaderView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkCssProvider *css;

  DossierDocument *document;
  double zoom;
  gboolean serif;

  /* Buffer offsets of each document paragraph, indexed like the model. */
  GArray *paragraphs;           /* Range */
  GPtrArray *markers;           /* GtkWidget, owned by the text view */
  GPtrArray *link_tags;         /* GtkTextTag, one per link, in the tag table */
  GArray *highlights;           /* Highlight */
  GArray *matches;              /* Range */
  guint current_match;          /* 1-based, 0 = none */
  char *find_text;

  GSimpleActionGroup *actions;
  GMenu *selection_menu;

  int last_width;
  guint layout_idle;
  int pending_scroll;           /* buffer offset, -1 = none */
  guint pending_scroll_timeout;
  gulong dark_handler;
  gulong contrast_handler;
};

G_DEFINE_FINAL_TYPE (DossierReaderView, dossier_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SERIF,
  PROP_MATCH_COUNT,
  PROP_CURRENT_MATCH,
  N_PROPS
};

enum {
  HIGHLIGHT_REQUESTED,
  HIGHLIGHT_REMOVAL_REQUESTED,
  POSITION_CHANGED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (DossierReaderView *self);
static void update_actions (DossierReaderView *self);

/* ------------------------------------------------------------------------ */
/* Appearance                                                                */

static void
set_tag_rgba (GtkTextBuffer *buffer,
              const char    *tag_name,
              const char    *property,
              const char    *color)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GdkRGBA rgba;

  if (tag == NULL || !gdk_rgba_parse (&rgba, color))
    return;
  g_object_set (tag, property, &rgba, NULL);
}

static void
update_colors (DossierReaderView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean hc = adw_style_manager_get_high_contrast (style);

  /* Text tags do not follow CSS, so their colours follow the style manager. */
  set_tag_rgba (self->buffer, "dim", "foreground-rgba",
                hc ? (dark ? "#ffffff" : "#000000") : (dark ? "rgba(255,255,255,0.68)" : "rgba(0,0,0,0.62)"));
  set_tag_rgba (self->buffer, "link", "foreground-rgba", dark ? "#99c1f1" : "#1a5fb4");
  set_tag_rgba (self->buffer, "pull-quote", "foreground-rgba", dark ? "#99c1f1" : "#1a5fb4");
  {
    DossierReaderText *text = DOSSIER_READER_TEXT (self->text_view);

    gdk_rgba_parse (&text->key_points_bg,
                    hc ? (dark ? "rgba(120,174,237,0.30)" : "rgba(28,113,216,0.18)")
                       : (dark ? "rgba(120,174,237,0.13)" : "rgba(28,113,216,0.07)"));
    gdk_rgba_parse (&text->card_bg,
                    hc ? (dark ? "rgba(255,255,255,0.20)" : "rgba(0,0,0,0.14)")
                       : (dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.045)"));
    gdk_rgba_parse (&text->accent, dark ? "#78aeed" : "#3584e4");
    gdk_rgba_parse (&text->rule,
                    hc ? (dark ? "#ffffff" : "#000000") : (dark ? "rgba(255,255,255,0.30)" : "rgba(0,0,0,0.22)"));
    gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
  }
  set_tag_rgba (self->buffer, "highlight", "background-rgba",
                dark ? "rgba(229,165,10,0.45)" : (hc ? "rgba(246,211,45,0.9)" : "rgba(249,240,107,0.85)"));
  set_tag_rgba (self->buffer, "find-match", "background-rgba",
                dark ? "rgba(198,70,0,0.55)" : "rgba(255,190,111,0.75)");
  set_tag_rgba (self->buffer, "find-current", "background-rgba",
                dark ? "rgba(255,120,0,0.95)" : "rgba(255,120,0,0.9)");
  set_tag_rgba (self->buffer, "find-current", "foreground-rgba", dark ? "#ffffff" : "#000000");
}

static void
update_css (DossierReaderView *self)
{
  g_autofree char *css = NULL;
  char zoom[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (zoom, sizeof zoom, "%.0f", self->zoom * 100.0);
  /* Source Serif is the GNOME runtime's reading face; Noto Serif CJK carries
   * the same Latin design and covers Hangul on Debian. */
  css = g_strdup_printf ("textview.dossier-reader { font-size: %s%%; %s }",
                         zoom,
                         self->serif ? "font-family: \"Source Serif 4\", \"Source Serif Pro\", \"Noto Serif\", "
                                       "\"Noto Serif CJK KR\", \"DejaVu Serif\", serif;" : "");
  gtk_css_provider_load_from_data (self->css, css, -1);
}

static void
set_margin_prop (GtkTextBuffer *buffer,
                 const char    *tag_name,
                 const char    *property,
                 int            value)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  int old = -1;

  g_object_get (tag, property, &old, NULL);
  if (old != value)
    g_object_set (tag, property, value, NULL);
}

static gboolean
update_layout_idle (gpointer data)
{
  DossierReaderView *self = data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics;
  int width = gtk_widget_get_width (GTK_WIDGET (self->text_view));
  double char_width, line_height;
  int margin, inset;

  self->layout_idle = 0;

  metrics = pango_context_get_metrics (context, pango_context_get_font_description (context), NULL);
  char_width = MAX (4.0, pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE);
  line_height = MAX (8.0, (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics)) / (double) PANGO_SCALE);
  pango_font_metrics_unref (metrics);

  self->last_width = width;
  margin = MAX ((int) (char_width * 2.5), (int) ((width - char_width * MEASURE_CHARS) / 2));
  inset = (int) (char_width * 1.5);

  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    gtk_text_view_set_left_margin (self->text_view, margin);
  if (gtk_text_view_get_right_margin (self->text_view) != margin)
    gtk_text_view_set_right_margin (self->text_view, margin);
  if (gtk_text_view_get_top_margin (self->text_view) != (int) (line_height * 2))
    gtk_text_view_set_top_margin (self->text_view, (int) (line_height * 2));
  if (gtk_text_view_get_bottom_margin (self->text_view) != (int) (line_height * 4))
    gtk_text_view_set_bottom_margin (self->text_view, (int) (line_height * 4));
  if (gtk_text_view_get_pixels_inside_wrap (self->text_view) != (int) (line_height * 0.3))
    gtk_text_view_set_pixels_inside_wrap (self->text_view, (int) (line_height * 0.3));

  /* Boxes (key points, author cards) reach a little into the margin so
   * their text lines up with the body's. */
  DOSSIER_READER_TEXT (self->text_view)->pad = (int) (char_width * 1.6);
  /* A negative indent hangs: Pango moves the lines after the first. */
  set_margin_prop (self->buffer, "key-points-item", "left-margin", margin);
  set_margin_prop (self->buffer, "key-points-item", "indent", - (int) (char_width * 1.4));
  set_margin_prop (self->buffer, "pull-quote", "left-margin", margin + 2 * inset);
  set_margin_prop (self->buffer, "pull-quote", "right-margin", margin + inset);
  /* Block quotations sit in from both sides, the rule in the gap. */
  set_margin_prop (self->buffer, "block-quote", "left-margin", margin + 2 * inset);
  set_margin_prop (self->buffer, "block-quote", "right-margin", margin + inset);
  set_margin_prop (self->buffer, "note", "left-margin", margin);
  set_margin_prop (self->buffer, "note", "indent", - (int) (char_width * 2.6));


  set_margin_prop (self->buffer, "body", "pixels-below-lines", (int) (line_height * 0.8));
  set_margin_prop (self->buffer, "heading", "pixels-above-lines", (int) (line_height * 1.2));
  set_margin_prop (self->buffer, "heading", "pixels-below-lines", (int) (line_height * 0.5));
  set_margin_prop (self->buffer, "section", "pixels-above-lines", (int) (line_height * 2));
  set_margin_prop (self->buffer, "section", "pixels-below-lines", (int) (line_height * 0.6));
  set_margin_prop (self->buffer, "pull-quote", "pixels-above-lines", (int) (line_height * 0.6));
  set_margin_prop (self->buffer, "block-quote", "pixels-below-lines", (int) (line_height * 0.8));
  set_margin_prop (self->buffer, "quote-first", "pixels-above-lines", (int) (line_height * 0.2));
  set_margin_prop (self->buffer, "quote-attribution", "pixels-below-lines", (int) (line_height * 1.0));
  set_margin_prop (self->buffer, "pull-quote", "pixels-below-lines", (int) (line_height * 1.4));
  set_margin_prop (self->buffer, "title", "pixels-below-lines", (int) (line_height * 0.4));
  set_margin_prop (self->buffer, "subtitle", "pixels-below-lines", (int) (line_height * 1.0));
  set_margin_prop (self->buffer, "meta", "pixels-below-lines", (int) (line_height * 0.2));
  set_margin_prop (self->buffer, "meta-last", "pixels-below-lines", (int) (line_height * 1.6));
  set_margin_prop (self->buffer, "box-top", "pixels-above-lines", (int) (line_height * 0.8));
  set_margin_prop (self->buffer, "box-bottom", "pixels-below-lines", (int) (line_height * 0.8));
  set_margin_prop (self->buffer, "box-item", "pixels-below-lines", (int) (line_height * 0.4));
  set_margin_prop (self->buffer, "after-box", "pixels-above-lines", (int) (line_height * 1.6));
  set_margin_prop (self->buffer, "note", "pixels-below-lines", (int) (line_height * 0.4));

  return G_SOURCE_REMOVE;
}

static void
queue_layout (DossierReaderView *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (update_layout_idle, self);
}

static void
hadjustment_changed_cb (GtkAdjustment     *adjustment,
                        DossierReaderView *self)
{
  if ((int) gtk_adjustment_get_page_size (adjustment) != self->last_width)
    queue_layout (self);
}

static void
style_changed_cb (DossierReaderView *self)
{
  update_colors (self);
}

/* ------------------------------------------------------------------------ */
/* Building the text                                                          */

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_ascii_strncasecmp (url, "https://", 8) == 0 || g_ascii_strncasecmp (url, "http://", 7) == 0);
}

static void
insert (DossierReaderView *self,
        GtkTextIter       *iter,
        const char        *text,
        ...) G_GNUC_NULL_TERMINATED;

static void
insert (DossierReaderView *self,
        GtkTextIter       *iter,
        const char        *text,
        ...)
{
  va_list args;
  int start_offset = gtk_text_iter_get_offset (iter);
  GtkTextIter start;
  const char *tag_name;

  gtk_text_buffer_insert (self->buffer, iter, text, -1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_offset);

  va_start (args, text);
  while ((tag_name = va_arg (args, const char *)) != NULL)
    gtk_text_buffer_apply_tag_by_name (self->buffer, tag_name, &start, iter);
  va_end (args);
}

static void
apply_tag_from (DossierReaderView *self,
                const char        *tag_name,
                int                start_offset,
                GtkTextIter       *end)
{
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_offset);
  gtk_text_buffer_apply_tag_by_name (self->buffer, tag_name, &start, end);
}

static void
insert_link (DossierReaderView *self,
             GtkTextIter       *iter,
             const char        *text,
             const char        *url)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  int start = gtk_text_iter_get_offset (iter);
  GtkTextIter s;

  g_object_set_data_full (G_OBJECT (tag), "dossier-url", g_strdup (url), g_free);
  g_ptr_array_add (self->link_tags, tag);
  gtk_text_buffer_insert (self->buffer, iter, text, -1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
  gtk_text_buffer_apply_tag (self->buffer, tag, &s, iter);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "link", &s, iter);
}

/* Inserts @text, turning the http(s) addresses in it into links. */
static void
insert_with_links (DossierReaderView  *self,
                   GtkTextIter        *iter,
                   const char         *text,
                   const char * const *urls)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = NULL;
      const char *url = NULL;

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        {
          const char *found;

          if (!is_web_url (urls[i]))
            continue;
          found = strstr (p, urls[i]);
          if (found != NULL && (next == NULL || found < next))
            {
              next = found;
              url = urls[i];
            }
        }

      if (next == NULL)
        {
          gtk_text_buffer_insert (self->buffer, iter, p, -1);
          break;
        }

      gtk_text_buffer_insert (self->buffer, iter, p, next - p);
      {
        GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
        int start = gtk_text_iter_get_offset (iter);

        g_object_set_data_full (G_OBJECT (tag), "dossier-url", g_strdup (url), g_free);
        g_ptr_array_add (self->link_tags, tag);
        gtk_text_buffer_insert (self->buffer, iter, url, -1);
        apply_tag_from (self, "link", start, iter);
        {
          GtkTextIter s;
          gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
          gtk_text_buffer_apply_tag (self->buffer, tag, &s, iter);
        }
      }
      p = next + strlen (url);
    }
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  /* Only web addresses leave the app; anything else in an article is inert. */
  if (is_web_url (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static char *
footnote_markup (DossierFootnote *footnote)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char * const *urls = dossier_footnote_get_urls (footnote);
  const char *p = dossier_footnote_get_text (footnote);

  if (p == NULL)
    return g_strdup ("");

  while (*p != '\0')
    {
      const char *next = NULL;
      const char *url = NULL;

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        {
          const char *found;

          if (!is_web_url (urls[i]))
            continue;
          found = strstr (p, urls[i]);
          if (found != NULL && (next == NULL || found < next))
            {
              next = found;
              url = urls[i];
            }
        }

      if (next == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (p, -1);
          g_string_append (markup, escaped);
          break;
        }
      else
        {
          g_autofree char *before = g_markup_escape_text (p, next - p);
          g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);

          g_string_append (markup, before);
          g_string_append (markup, link);
          p = next + strlen (url);
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
create_footnote_popover (DossierReaderView *self,
                         guint              number)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *heading_text = g_strdup_printf (_("Note %u"), number);
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkWidget *body = gtk_label_new (NULL);
  DossierFootnote *footnote = NULL;

  if (self->document != NULL)
    footnote = dossier_document_lookup_footnote (self->document, number);

  gtk_widget_add_css_class (popover, "footnote-popover");
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 48);
  gtk_label_set_width_chars (GTK_LABEL (body), 24);
  /* Not selectable: a selectable label would select all of itself when
   * the popover gives it focus. Its links still take the focus. */
  gtk_label_set_selectable (GTK_LABEL (body), FALSE);
  gtk_widget_add_css_class (body, "footnote-text");

  if (footnote != NULL)
    {
      g_autofree char *markup = footnote_markup (footnote);
      gtk_label_set_markup (GTK_LABEL (body), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (body), _("The article does not include the text of this note."));

  g_signal_connect (body, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_name (body, "footnote-text");
  g_object_set_data (G_OBJECT (popover), "dossier-footnote-label", body);

  return popover;
}

static void
marker_create_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  DossierReaderView *self = user_data;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dossier-footnote"));

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, create_footnote_popover (self, number));
}

static void scroll_to_offset (DossierReaderView *self,
                              guint              offset,
                              double             within);

static void
marker_focus_enter_cb (GtkWidget *button)
{
  GtkWidget *view = gtk_widget_get_ancestor (button, DOSSIER_TYPE_READER_VIEW);
  DossierReaderView *self = DOSSIER_READER_VIEW (view);
  GdkRectangle visible, location;
  GtkTextIter iter;
  guint offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "dossier-offset"));

  /* Keyboard users see the marker they moved to. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    scroll_to_offset (self, offset, 0.3);
}

static void
insert_marker (DossierReaderView *self,
               GtkTextIter       *iter,
               guint              number)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = g_strdup_printf ("%u", number);
  g_autofree char *accessible = g_strdup_printf (_("Footnote %u"), number);
  GtkTextChildAnchor *anchor;
  GtkEventController *focus;

  /* A word joiner keeps the marker on the line of the word it follows. */
  gtk_text_buffer_insert (self->buffer, iter, WORD_JOINER, -1);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, iter);

  /* A label child rather than set_label(): no dropdown arrow. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), gtk_label_new (label));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "footnote-marker");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (button), "dossier-footnote", GUINT_TO_POINTER (number));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), marker_create_popup_cb, self, NULL);

  gtk_text_view_add_child_at_anchor (self->text_view, button, anchor);
  g_ptr_array_add (self->markers, button);

  g_object_set_data (G_OBJECT (button), "dossier-offset", GINT_TO_POINTER (gtk_text_iter_get_offset (iter) - 1));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (marker_focus_enter_cb), button);
  gtk_widget_add_controller (button, focus);
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const DossierFootnoteRef *ra = a, *rb = b;

  if (ra->offset != rb->offset)
    return ra->offset < rb->offset ? -1 : 1;
  return ra->number < rb->number ? -1 : (ra->number > rb->number);
}

static void
insert_paragraph (DossierReaderView *self,
                  GtkTextIter       *iter,
                  DossierParagraph  *paragraph)
{
  const char *text = dossier_paragraph_get_text (paragraph) ?: "";
  glong length = g_utf8_strlen (text, -1);
  guint n_refs = 0;
  const DossierFootnoteRef *refs = dossier_paragraph_get_refs (paragraph, &n_refs);
  g_autofree DossierFootnoteRef *sorted = g_memdup2 (refs, sizeof *refs * n_refs);
  gboolean heading = dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_HEADING;
  int start_offset = gtk_text_iter_get_offset (iter);
  Range range;
  const char *p = text;
  glong done = 0;

  if (n_refs > 0)
    qsort (sorted, n_refs, sizeof *sorted, compare_refs);

  /* Past the cap on marker widgets (hostile or odd input) the rest of the
   * paragraph goes in whole: the notes are still listed at the end. */
  for (guint i = 0; i < n_refs && self->markers->len < MAX_MARKER_WIDGETS; i++)
    {
      glong at = MIN ((glong) sorted[i].offset, length);
      const char *q;

      /* A marker hugs the word or punctuation it follows, as a superscript
       * does in print, even when the source put the reference after the
       * space ("engines. ¹Each" would read as a gap on both sides). */
      while (at > done && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (p, at - done - 1))))
        at--;
      q = g_utf8_offset_to_pointer (p, at - done);

      gtk_text_buffer_insert (self->buffer, iter, p, q - p);
      p = q;
      done = at;
      insert_marker (self, iter, sorted[i].number);
    }
  gtk_text_buffer_insert (self->buffer, iter, p, -1);

  range.start = start_offset;
  range.end = gtk_text_iter_get_offset (iter);
  g_array_append_val (self->paragraphs, range);

  gtk_text_buffer_insert (self->buffer, iter, "\n", 1);
  apply_tag_from (self, heading ? "heading" : "body", start_offset, iter);
  if (dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_QUOTE)
    apply_tag_from (self, "block-quote", start_offset, iter);
}

/* Does paragraph @i continue the quotation paragraph @i - 1 is part of:
 * a quote with the same attribution? */
static gboolean
continues_quote (GListModel *paragraphs,
                 guint       i)
{
  g_autoptr(DossierParagraph) previous = NULL;
  g_autoptr(DossierParagraph) next = NULL;

  if (i == 0 || i >= g_list_model_get_n_items (paragraphs))
    return FALSE;
  previous = g_list_model_get_item (paragraphs, i - 1);
  next = g_list_model_get_item (paragraphs, i);
  return dossier_paragraph_get_kind (previous) == DOSSIER_PARAGRAPH_QUOTE &&
         dossier_paragraph_get_kind (next) == DOSSIER_PARAGRAPH_QUOTE &&
         g_strcmp0 (dossier_paragraph_get_attribution (previous), dossier_paragraph_get_attribution (next)) == 0;
}

/* Ends a run of quote paragraphs: the attribution under it, then the rule
 * beside all of it. The attribution is not document text: selections and
 * highlights, which count in paragraphs, pass over it. */
static void
finish_quote (DossierReaderView *self,
              GtkTextIter       *iter,
              DossierParagraph  *last,
              int                run_start)
{
  const char *attribution = dossier_paragraph_get_attribution (last);

  if (attribution != NULL)
    {
      /* Translators: the attribution under a quotation, "— Name" */
      g_autofree char *line = g_strdup_printf (_("— %s"), attribution);

      insert (self, iter, line, "block-quote", "quote-attribution", "dim", NULL);
      insert (self, iter, "\n", "block-quote", "quote-attribution", NULL);
    }
  add_box (self->text_view, run_start, gtk_text_iter_get_offset (iter), BOX_BLOCK_QUOTE_RULE);
}

static char *
normalise_for_match (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  /* Pull quotes carry editorial brackets ("[T]he") and their own quote
   * marks; compare on letters and digits only. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_date (const char *iso)
{
  guint year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;
  /* Translators: a publication date, see strftime(3): "April 12, 2024" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

static void
insert_head (DossierReaderView *self,
             GtkTextIter       *iter)
{
  DossierDocument *doc = self->document;
  GListModel *authors = dossier_document_get_authors (doc);
  guint n_authors = g_list_model_get_n_items (authors);
  const char *subtitle = dossier_document_get_subtitle (doc);
  const char *publisher = dossier_document_get_publisher (doc);
  g_autofree char *date = format_date (dossier_document_get_published (doc));
  const char *url = dossier_document_get_source_url (doc);
  int start;

  insert (self, iter, dossier_document_get_title (doc) ?: _("Untitled"), "title", NULL);
  insert (self, iter, "\n", "title", NULL);

  if (subtitle != NULL && *subtitle != '\0')
    {
      insert (self, iter, subtitle, "subtitle", "dim", NULL);
      insert (self, iter, "\n", "subtitle", NULL);
    }

  if (n_authors > 0)
    {
      start = gtk_text_iter_get_offset (iter);
      insert (self, iter, _("By "), NULL);
      for (guint i = 0; i < n_authors; i++)
        {
          g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
          const char *affiliation = dossier_author_get_affiliation (author);

          if (i > 0 && i == n_authors - 1)
            insert (self, iter, _(" and "), NULL);
          else if (i > 0)
            insert (self, iter, ", ", NULL);
          insert (self, iter, dossier_author_get_name (author) ?: "", "strong", NULL);
          if (affiliation != NULL && *affiliation != '\0')
            {
              insert (self, iter, " (", "dim", NULL);
              insert (self, iter, affiliation, "dim", NULL);
              insert (self, iter, ")", "dim", NULL);
            }
        }
      insert (self, iter, "\n", NULL);
      apply_tag_from (self, "meta", start, iter);
    }

  start = gtk_text_iter_get_offset (iter);
  if (publisher != NULL && *publisher != '\0')
    insert (self, iter, publisher, NULL);
  if (date != NULL)
    {
      if (gtk_text_iter_get_offset (iter) > start)
        insert (self, iter, "  ·  ", NULL);
      insert (self, iter, date, NULL);
    }
  if (is_web_url (url))
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

      if (gtk_text_iter_get_offset (iter) > start)
        insert (self, iter, "  ·  ", NULL);
      /* The site's name stands for the address, which can be very long. */
      if (host != NULL && g_str_has_prefix (host, "www."))
        host += 4;
      insert_link (self, iter, host != NULL && *host != '\0' ? host : url, url);
    }
  if (gtk_text_iter_get_offset (iter) > start)
    {
      insert (self, iter, "\n", NULL);
      apply_tag_from (self, "meta", start, iter);
      apply_tag_from (self, "dim", start, iter);
      apply_tag_from (self, "small", start, iter);
    }
  else
    {
      /* Nothing below the byline: it ends the head. */
      GtkTextIter line_start = *iter;
      gtk_text_iter_backward_line (&line_start);
      start = gtk_text_iter_get_offset (&line_start);
    }
  apply_tag_from (self, "meta-last", start, iter);
}

static void
insert_key_points (DossierReaderView *self,
                   GtkTextIter       *iter)
{
  const char * const *points = dossier_document_get_key_points (self->document);
  guint n = points != NULL ? g_strv_length ((char **) points) : 0;
  int start;

  if (n == 0)
    return;

  start = gtk_text_iter_get_offset (iter);
  insert (self, iter, _("Key Points"), "box-heading", "box-top", NULL);
  insert (self, iter, "\n", "box-top", "box-item", NULL);
  for (guint i = 0; i < n; i++)
    {
      int item_start = gtk_text_iter_get_offset (iter);
      insert (self, iter, "•  ", "dim", NULL);
      insert (self, iter, points[i], NULL);
      insert (self, iter, "\n", NULL);
      apply_tag_from (self, "key-points-item", item_start, iter);
      apply_tag_from (self, i + 1 == n ? "box-bottom" : "box-item", item_start, iter);
    }
  apply_tag_from (self, "key-points", start, iter);
  add_box (self->text_view, start, gtk_text_iter_get_offset (iter), BOX_KEY_POINTS);
}

static void
insert_notes (DossierReaderView *self,
              GtkTextIter       *iter)
{
  GListModel *notes = dossier_document_get_footnotes (self->document);
  guint n = g_list_model_get_n_items (notes);

  if (n == 0)
    return;

  insert (self, iter, _("Notes"), "section", "heading", NULL);
  insert (self, iter, "\n", "section", "heading", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (notes, i);
      g_autofree char *number = g_strdup_printf ("%u.  ", dossier_footnote_get_number (note));
      int start = gtk_text_iter_get_offset (iter);
      GtkTextIter mark_iter;
      g_autofree char *mark_name = g_strdup_printf ("note-%u", dossier_footnote_get_number (note));

      gtk_text_buffer_get_iter_at_offset (self->buffer, &mark_iter, start);
      if (gtk_text_buffer_get_mark (self->buffer, mark_name) == NULL)
        gtk_text_buffer_create_mark (self->buffer, mark_name, &mark_iter, TRUE);

      insert (self, iter, number, "dim", NULL);
      insert_with_links (self, iter, dossier_footnote_get_text (note) ?: "", dossier_footnote_get_urls (note));
      insert (self, iter, "\n", NULL);
      apply_tag_from (self, "note", start, iter);
      apply_tag_from (self, "small", start, iter);
    }
}

static void
insert_authors (DossierReaderView *self,
                GtkTextIter       *iter)
{
  GListModel *authors = dossier_document_get_authors (self->document);
  guint n = g_list_model_get_n_items (authors);
  gboolean any = FALSE;

  for (guint i = 0; i < n && !any; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      any = dossier_author_get_bio (author) != NULL || dossier_author_get_affiliation (author) != NULL ||
            dossier_author_get_position (author) != NULL;
    }
  if (!any)
    return;

  insert (self, iter, n == 1 ? _("About the Author") : _("About the Authors"), "section", "heading", NULL);
  insert (self, iter, "\n", "section", "heading", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      const char *position = dossier_author_get_position (author);
      const char *affiliation = dossier_author_get_affiliation (author);
      const char *bio = dossier_author_get_bio (author);
      int start = gtk_text_iter_get_offset (iter);
      int last_start;

      insert (self, iter, dossier_author_get_name (author) ?: "", "strong", "box-top", NULL);
      insert (self, iter, "\n", "box-top", NULL);
      last_start = gtk_text_iter_get_offset (iter);
      if (position != NULL || affiliation != NULL)
        {
          g_autofree char *line = NULL;

          if (position != NULL && affiliation != NULL)
            /* Translators: an author's position and affiliation: "Senior Fellow, CSIS" */
            line = g_strdup_printf (_("%s, %s"), position, affiliation);
          else
            line = g_strdup (position != NULL ? position : affiliation);
          last_start = gtk_text_iter_get_offset (iter);
          insert (self, iter, line, "dim", "small", NULL);
          insert (self, iter, "\n", "box-item", NULL);
        }
      if (bio != NULL && *bio != '\0')
        {
          last_start = gtk_text_iter_get_offset (iter);
          insert (self, iter, bio, "small", NULL);
          insert (self, iter, "\n", NULL);
        }
      {
        GtkTextIter s;
        gtk_text_buffer_get_iter_at_offset (self->buffer, &s, last_start);
        gtk_text_buffer_apply_tag_by_name (self->buffer, "box-bottom", &s, iter);
      }
      apply_tag_from (self, "card", start, iter);
      add_box (self->text_view, start, gtk_text_iter_get_offset (iter), BOX_CARD);
      if (i + 1 < n)
        insert (self, iter, "\n", "spacer", NULL);
    }
}

static void
apply_highlight (DossierReaderView *self,
                 const Highlight   *highlight,
                 const char        *tag_name);

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

/* Korean is set with breaks between words only (CSS "word-break:
 * keep-all"); by default Pango may break between any two syllables. */
static void
keep_hangul_words (DossierReaderView *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  int offset = 0, run_start = -1;
  gboolean run_has_hangul = FALSE;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  /* get_slice() keeps one character per anchor, so offsets line up. */
  text = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);

  for (const char *p = text;; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && !g_unichar_isspace (c) && c != 0xFFFC;

      if (word && run_start < 0)
        {
          run_start = offset;
          run_has_hangul = FALSE;
        }
      if (word && is_hangul (c))
        run_has_hangul = TRUE;
      if (!word && run_start >= 0)
        {
          if (run_has_hangul && offset - run_start > 1)
            {
              GtkTextIter s, e;
              gtk_text_buffer_get_iter_at_offset (self->buffer, &s, run_start);
              gtk_text_buffer_get_iter_at_offset (self->buffer, &e, offset);
              gtk_text_buffer_apply_tag_by_name (self->buffer, "keep-word", &s, &e);
            }
          run_start = -1;
        }
      if (c == 0)
        break;
    }
}

static void
rebuild (DossierReaderView *self)
{
  GtkTextIter iter;
  g_auto(GStrv) quotes_norm = NULL;
  g_autofree gboolean *quote_placed = NULL;
  const char * const *quotes = NULL;
  guint n_quotes = 0;
  GListModel *paragraphs;
  guint n_paragraphs;
  int block_quote_start = 0;

  g_ptr_array_set_size (self->markers, 0);
  g_array_set_size (self->paragraphs, 0);
  self->pending_scroll = -1;
  g_array_set_size (self->matches, 0);
  self->current_match = 0;

  /* Removing the text removes the anchored markers with it. */
  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_array_set_size (DOSSIER_READER_TEXT (self->text_view)->boxes, 0);
  /* Anonymous link tags stay in the table until removed. */
  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), self->link_tags->pdata[i]);
  g_ptr_array_set_size (self->link_tags, 0);

  if (self->document == NULL)
    return;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  insert_head (self, &iter);
  insert_key_points (self, &iter);

  quotes = dossier_document_get_pull_quotes (self->document);
  n_quotes = quotes != NULL ? g_strv_length ((char **) quotes) : 0;
  quotes_norm = g_new0 (char *, n_quotes + 1);
  quote_placed = g_new0 (gboolean, n_quotes + 1);
  for (guint i = 0; i < n_quotes; i++)
    quotes_norm[i] = normalise_for_match (quotes[i]);

  paragraphs = dossier_document_get_paragraphs (self->document);
  n_paragraphs = g_list_model_get_n_items (paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *norm = NULL;
      gboolean quote = dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_QUOTE;
      int start = gtk_text_iter_get_offset (&iter);

      if (quote && !continues_quote (paragraphs, i))
        block_quote_start = start;

      if (i == 0 && start > 0)
        {
          /* Space between the key-points box and the body. */
          insert_paragraph (self, &iter, paragraph);
          apply_tag_from (self, "after-box", start, &iter);
        }
      else
        insert_paragraph (self, &iter, paragraph);

      if (quote && block_quote_start == start)
        apply_tag_from (self, "quote-first", start, &iter);
      if (quote && !continues_quote (paragraphs, i + 1))
        finish_quote (self, &iter, paragraph, block_quote_start);

      /* A pull quote is set apart right after the paragraph it repeats
       * (pages print it there); one that repeats nothing goes after the
       * second paragraph. */
      if (n_quotes == 0)
        continue;
      norm = normalise_for_match (dossier_paragraph_get_text (paragraph) ?: "");
      for (guint q = 0; q < n_quotes; q++)
        {
          gboolean place = FALSE;

          if (quote_placed[q] || quotes_norm[q][0] == '\0')
            continue;
          if (strstr (norm, quotes_norm[q]) != NULL)
            place = TRUE;
          else if (i == MIN (1u, n_paragraphs - 1) && i + 1 < n_paragraphs)
            {
              /* Look ahead: does any later paragraph repeat it? */
              gboolean later = FALSE;
              for (guint j = i + 1; j < n_paragraphs && !later; j++)
                {
                  g_autoptr(DossierParagraph) other = g_list_model_get_item (paragraphs, j);
                  g_autofree char *other_norm = normalise_for_match (dossier_paragraph_get_text (other) ?: "");
                  later = strstr (other_norm, quotes_norm[q]) != NULL;
                }
              place = !later;
            }
          else if (i + 1 == n_paragraphs)
            place = TRUE;

          if (place)
            {
              g_autofree char *quoted = g_strdup_printf ("“%s”", quotes[q]);
              int quote_start = gtk_text_iter_get_offset (&iter);

              quote_placed[q] = TRUE;
              insert (self, &iter, quoted, "pull-quote", NULL);
              insert (self, &iter, "\n", "pull-quote", NULL);
              add_box (self->text_view, quote_start, gtk_text_iter_get_offset (&iter), BOX_QUOTE_RULE);
            }
        }
    }

  insert_notes (self, &iter);
  insert_authors (self, &iter);
  keep_hangul_words (self);

  for (guint i = 0; i < self->highlights->len; i++)
    apply_highlight (self, &g_array_index (self->highlights, Highlight, i), "highlight");

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  queue_layout (self);
}

/* ------------------------------------------------------------------------ */
/* Mapping between the buffer and (paragraph, code point) positions           */

static gboolean
iter_at_paragraph_offset (DossierReaderView *self,
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
      gboolean is_anchor = is_marker_position (iter);

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

static guint
paragraph_at_offset (DossierReaderView *self,
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
      if (!is_marker_position (&iter))
        counted++;
      gtk_text_iter_forward_char (&iter);
    }
  return counted;
}

/* Splits the selection into per-paragraph segments of document text. */
typedef struct
{
  guint paragraph;
  guint start;
  guint end;
} Segment;

static GArray *
selection_segments (DossierReaderView *self)
{
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  GtkTextIter start, end;
  guint s, e;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) || self->paragraphs->len == 0)
    return segments;

  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);
  for (guint i = paragraph_at_offset (self, s, NULL); i < self->paragraphs->len; i++)
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

  if (!iter_at_paragraph_offset (self, highlight->paragraph, highlight->start, FALSE, &start) ||
      !iter_at_paragraph_offset (self, highlight->paragraph, highlight->end, TRUE, &end))
    return;
  if (tag_name != NULL)
    gtk_text_buffer_apply_tag_by_name (self->buffer, tag_name, &start, &end);
  else
    gtk_text_buffer_remove_tag_by_name (self->buffer, "highlight", &start, &end);
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
  Highlight highlight = { id, paragraph, start, end };

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (end <= start)
    return;
  g_array_append_val (self->highlights, highlight);
  apply_highlight (self, &highlight, "highlight");
  update_actions (self);
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
  for (guint i = 0; i < self->highlights->len; i++)
    apply_highlight (self, &g_array_index (self->highlights, Highlight, i), "highlight");
  update_actions (self);
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

static gint64
highlight_at_cursor (DossierReaderView *self)
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

      if (!iter_at_paragraph_offset (self, highlight->paragraph, highlight->start, FALSE, &hs) ||
          !iter_at_paragraph_offset (self, highlight->paragraph, highlight->end, TRUE, &he))
        continue;
      if ((guint) gtk_text_iter_get_offset (&hs) <= e && s <= (guint) gtk_text_iter_get_offset (&he))
        return highlight->id;
    }
  return -1;
}

/* ------------------------------------------------------------------------ */
/* Find                                                                       */

static void
scroll_to_offset (DossierReaderView *self,
                  guint              offset,
                  double             within)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  GtkTextIter iter;
  GdkRectangle rect;
  double target, page;

  /* Set the adjustment directly rather than through scroll_to_mark(),
   * whose smooth scrolling makes GTK 4.8 warn when the view is unmapped
   * mid-animation (deleting the open article right after opening it). */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  page = gtk_adjustment_get_page_size (vadjustment);
  /* Buffer y to scroll position: the top margin is part of the scrolled
   * area, above buffer y = 0. */
  target = rect.y + gtk_text_view_get_top_margin (self->text_view) - page * within;
  target = CLAMP (target, gtk_adjustment_get_lower (vadjustment),
                  MAX (gtk_adjustment_get_lower (vadjustment), gtk_adjustment_get_upper (vadjustment) - page));
  gtk_adjustment_set_value (vadjustment, target);
}

static void
set_current_match (DossierReaderView *self,
                   guint              current)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "find-current", &start, &end);

  if (current > self->matches->len)
    current = 0;

  if (current > 0)
    {
      const Range *range = &g_array_index (self->matches, Range, current - 1);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "find-current", &start, &end);
      scroll_to_offset (self, range->start, 0.25);
    }

  if (self->current_match != current)
    {
      self->current_match = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
    }
}

/**
 * dossier_reader_view_find:
 * @text: (nullable): what to look for, ignoring case; %NULL or "" clears
 *
 * Marks every occurrence of @text and makes the first one at or after the
 * top of the view current.
 *
 * Returns: the number of matches
 */
guint
dossier_reader_view_find (DossierReaderView *self,
                          const char        *text)
{
  GtkTextIter iter, start, end, match_start, match_end;
  guint old_count;
  guint first = 0;
  GdkRectangle visible;
  GtkTextIter top;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);

  old_count = self->matches->len;
  g_array_set_size (self->matches, 0);
  dossier_set_str (&self->find_text, text);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "find-match", &start, &end);

  if (text != NULL && *text != '\0')
    {
      iter = start;
      while (self->matches->len < MAX_FIND_MATCHES &&
             gtk_text_iter_forward_search (&iter, text,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          Range range = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

          g_array_append_val (self->matches, range);
          gtk_text_buffer_apply_tag_by_name (self->buffer, "find-match", &match_start, &match_end);
          if (gtk_text_iter_equal (&match_end, &iter))
            break;
          iter = match_end;
        }
    }

  if (self->matches->len > 0)
    {
      gtk_text_view_get_visible_rect (self->text_view, &visible);
      gtk_text_view_get_iter_at_location (self->text_view, &top, visible.x, visible.y);
      first = 1;
      for (guint i = 0; i < self->matches->len; i++)
        if (g_array_index (self->matches, Range, i).start >= (guint) gtk_text_iter_get_offset (&top))
          {
            first = i + 1;
            break;
          }
    }

  if (old_count != self->matches->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_COUNT]);
  set_current_match (self, first);
  update_actions (self);

  return self->matches->len;
}

void
dossier_reader_view_find_next (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (self->matches->len == 0)
    return;
  set_current_match (self, self->current_match % self->matches->len + 1);
}

void
dossier_reader_view_find_previous (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (self->matches->len == 0)
    return;
  set_current_match (self, self->current_match <= 1 ? self->matches->len : self->current_match - 1);
}

guint
dossier_reader_view_get_match_count (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);
  return self->matches->len;
}

guint
dossier_reader_view_get_current_match (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);
  return self->current_match;
}

/* ------------------------------------------------------------------------ */
/* Selection, citation                                                        */

char *
dossier_reader_view_dup_selected_text (DossierReaderView *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return NULL;

  /* get_text() leaves out the anchored footnote markers; drop their word
   * joiners too. */
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  {
    char *out = text;
    for (const char *p = text; *p != '\0';)
      {
        if (g_str_has_prefix (p, WORD_JOINER))
          p += strlen (WORD_JOINER);
        else
          *out++ = *p++;
      }
    *out = '\0';
  }
  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/**
 * dossier_reader_view_get_selection_range:
 *
 * The selection as positions in the document's paragraphs (code points),
 * for citing it (the memo) or storing it (highlights). Text outside the
 * body (title, notes) is left out.
 *
 * Returns: %TRUE if the selection covers some body text
 */
gboolean
dossier_reader_view_get_selection_range (DossierReaderView *self,
                                         guint             *first_paragraph,
                                         guint             *first_offset,
                                         guint             *last_paragraph,
                                         guint             *last_offset)
{
  g_autoptr(GArray) segments = NULL;
  Segment *first, *last;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);

  segments = selection_segments (self);
  if (segments->len == 0)
    return FALSE;

  first = &g_array_index (segments, Segment, 0);
  last = &g_array_index (segments, Segment, segments->len - 1);
  if (first_paragraph) *first_paragraph = first->paragraph;
  if (first_offset) *first_offset = first->start;
  if (last_paragraph) *last_paragraph = last->paragraph;
  if (last_offset) *last_offset = last->end;
  return TRUE;
}

/**
 * dossier_reader_view_select_range:
 *
 * Selects code points [@start, @end) of a paragraph and scrolls to them.
 *
 * Returns: %FALSE if the range is not in the document
 */
gboolean
dossier_reader_view_select_range (DossierReaderView *self,
                                  guint              paragraph,
                                  guint              start,
                                  guint              end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);

  if (!iter_at_paragraph_offset (self, paragraph, start, FALSE, &s) ||
      !iter_at_paragraph_offset (self, paragraph, end, TRUE, &e))
    return FALSE;
  gtk_text_buffer_select_range (self->buffer, &s, &e);
  scroll_to_offset (self, gtk_text_iter_get_offset (&s), 0.25);
  return TRUE;
}

/**
 * dossier_format_citation:
 *
 * A note-style citation: `Author, “Title,” Publisher, Month D, YYYY, URL.`
 *
 * Returns: (transfer full): the citation
 */
char *
dossier_format_citation (DossierDocument *document)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  const char *publisher, *url;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  authors = dossier_document_dup_author_names (document);
  publisher = dossier_document_get_publisher (document);
  url = dossier_document_get_source_url (document);
  date = format_date (dossier_document_get_published (document));

  if (publisher != NULL && *publisher != '\0')
    g_ptr_array_add (rest, (gpointer) publisher);
  if (date != NULL)
    g_ptr_array_add (rest, date);
  if (url != NULL && *url != '\0')
    g_ptr_array_add (rest, (gpointer) url);

  if (authors != NULL)
    g_string_append_printf (out, "%s, ", authors);
  g_string_append_printf (out, "“%s%s”", dossier_document_get_title (document) ?: _("Untitled"),
                          rest->len > 0 ? "," : ".");
  for (guint i = 0; i < rest->len; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? " " : ", ", (const char *) rest->pdata[i]);
  if (rest->len > 0)
    g_string_append_c (out, '.');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
dossier_reader_view_dup_citation (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  return dossier_format_citation (self->document);
}

/* ------------------------------------------------------------------------ */
/* Reading position                                                           */

guint
dossier_reader_view_get_first_visible_paragraph (DossierReaderView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);

  if (self->paragraphs->len == 0)
    return 0;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  /* A pixel down, so rounding cannot pick the paragraph above. */
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y + 1);
  if ((guint) gtk_text_iter_get_offset (&iter) < g_array_index (self->paragraphs, Range, 0).start)
    return 0;
  return paragraph_at_offset (self, gtk_text_iter_get_offset (&iter), NULL);
}

static gboolean
pending_scroll_done_cb (gpointer data)
{
  DossierReaderView *self = data;

  self->pending_scroll_timeout = 0;
  self->pending_scroll = -1;
  return G_SOURCE_REMOVE;
}

static gboolean
pending_scroll_timeout_cb (gpointer data)
{
  DossierReaderView *self = data;

  /* Low priority: runs once the text view's own idle layout of the new
   * text is done, when line positions are exact rather than estimated. */
  self->pending_scroll_timeout = 0;
  if (self->pending_scroll >= 0)
    scroll_to_offset (self, self->pending_scroll, 0.0);
  /* Keep aiming while the last size changes come in. */
  self->pending_scroll_timeout = g_timeout_add (300, pending_scroll_done_cb, self);
  return G_SOURCE_REMOVE;
}

static void
vadjustment_changed_cb (DossierReaderView *self)
{
  /* The text view lays out a new text in steps, and each step can move
   * the target; aim again until the layout settles. */
  if (self->pending_scroll >= 0)
    scroll_to_offset (self, self->pending_scroll, 0.0);
}

/**
 * dossier_reader_view_scroll_to_paragraph:
 *
 * Brings the paragraph to the top of the view, also right after a new
 * document was set (the reading position is restored this way).
 */
void
dossier_reader_view_scroll_to_paragraph (DossierReaderView *self,
                                         guint              paragraph)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (paragraph == 0 || paragraph >= self->paragraphs->len)
    return;
  self->pending_scroll = g_array_index (self->paragraphs, Range, paragraph).start;
  scroll_to_offset (self, self->pending_scroll, 0.0);
  g_clear_handle_id (&self->pending_scroll_timeout, g_source_remove);
  self->pending_scroll_timeout = g_idle_add_full (G_PRIORITY_LOW, pending_scroll_timeout_cb, self, NULL);
}

static void
vadjustment_value_changed_cb (DossierReaderView *self)
{
  g_signal_emit (self, signals[POSITION_CHANGED], 0);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                    */

static void
update_actions (DossierReaderView *self)
{
  gboolean has_selection = gtk_text_buffer_get_has_selection (self->buffer);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "highlight");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection && self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "copy-with-citation");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection && self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "remove-highlight");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->highlights->len > 0 && highlight_at_cursor (self) >= 0);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "find-next");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->matches->len > 0);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "find-previous");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->matches->len > 0);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "zoom-in");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->zoom < DOSSIER_READER_VIEW_MAX_ZOOM - 0.001);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "zoom-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->zoom > DOSSIER_READER_VIEW_MIN_ZOOM + 0.001);
}

static void
highlight_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DossierReaderView *self = user_data;
  g_autoptr(GArray) segments = selection_segments (self);

  if (segments->len == 0)
    {
      g_signal_emit (self, signals[MESSAGE], 0, _("Only the article’s text can be highlighted"));
      return;
    }

  for (guint i = 0; i < segments->len; i++)
    {
      Segment *segment = &g_array_index (segments, Segment, i);
      g_autoptr(DossierParagraph) paragraph =
        g_list_model_get_item (dossier_document_get_paragraphs (self->document), segment->paragraph);
      const char *text = dossier_paragraph_get_text (paragraph) ?: "";
      const char *s = g_utf8_offset_to_pointer (text, segment->start);
      const char *e = g_utf8_offset_to_pointer (text, segment->end);
      g_autofree char *quote = g_strndup (s, e - s);

      g_signal_emit (self, signals[HIGHLIGHT_REQUESTED], 0,
                     segment->paragraph, segment->start, segment->end, quote);
    }
}

static void
remove_highlight_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  DossierReaderView *self = user_data;
  gint64 id = highlight_at_cursor (self);

  if (id >= 0)
    g_signal_emit (self, signals[HIGHLIGHT_REMOVAL_REQUESTED], 0, id);
}

static void
copy_with_citation_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DossierReaderView *self = user_data;
  g_autofree char *quote = dossier_reader_view_dup_selected_text (self);
  g_autofree char *citation = NULL;
  g_autofree char *text = NULL;

  if (quote == NULL || self->document == NULL)
    return;

  citation = dossier_format_citation (self->document);
  text = g_strdup_printf ("“%s”\n\n%s", quote, citation);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[MESSAGE], 0, _("Copied with citation"));
}

static void
zoom_in_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DossierReaderView *self = user_data;
  dossier_reader_view_set_zoom (self, self->zoom + 0.1);
}

static void
zoom_out_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DossierReaderView *self = user_data;
  dossier_reader_view_set_zoom (self, self->zoom - 0.1);
}

static void
zoom_reset_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  dossier_reader_view_set_zoom (user_data, 1.0);
}

static void
find_next_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  dossier_reader_view_find_next (user_data);
}

static void
find_previous_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  dossier_reader_view_find_previous (user_data);
}

static const GActionEntry view_actions[] = {
  { "highlight", highlight_action },
  { "remove-highlight", remove_highlight_action },
  { "copy-with-citation", copy_with_citation_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
  { "find-next", find_next_action },
  { "find-previous", find_previous_action },
};

/* ------------------------------------------------------------------------ */
/* Links in the notes                                                         */

static const char *
url_at (DossierReaderView *self,
        double             x,
        double             y)
{
  GtkTextIter iter;
  int bx, by;
  g_autoptr(GSList) tags = NULL;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;

  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *url = g_object_get_data (l->data, "dossier-url");
      if (url != NULL)
        return url;
    }
  return NULL;
}

static void
click_released_cb (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   DossierReaderView *self)
{
  const char *url;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  url = url_at (self, x, y);
  if (is_web_url (url))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url, GDK_CURRENT_TIME);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DossierReaderView        *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), url_at (self, x, y) != NULL ? "pointer" : "text");
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
create_tags (DossierReaderView *self)
{
  GtkTextBuffer *b = self->buffer;

  gtk_text_buffer_create_tag (b, "title", "scale", 2.0, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (b, "subtitle", "scale", 1.3, "pixels-below-lines", 16, NULL);
  gtk_text_buffer_create_tag (b, "meta", "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (b, "meta-last", "pixels-below-lines", 24, NULL);
  gtk_text_buffer_create_tag (b, "dim", NULL);
  gtk_text_buffer_create_tag (b, "small", "scale", 0.88, NULL);
  gtk_text_buffer_create_tag (b, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (b, "body", "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (b, "heading", "scale", 1.3, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (b, "section", "pixels-above-lines", 28, NULL);
  gtk_text_buffer_create_tag (b, "pull-quote", "scale", 1.3, "style", PANGO_STYLE_ITALIC,
                              "pixels-above-lines", 12, "pixels-below-lines", 20, NULL);
  /* After "body", so its margins and spacing win; the face stays the
   * reader's own. */
  gtk_text_buffer_create_tag (b, "block-quote", "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (b, "quote-first", "pixels-above-lines", 2, NULL);
  gtk_text_buffer_create_tag (b, "quote-attribution", "scale", 0.92, "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (b, "key-points", NULL);
  gtk_text_buffer_create_tag (b, "key-points-item", NULL);
  gtk_text_buffer_create_tag (b, "box-heading", "weight", PANGO_WEIGHT_BOLD, "scale", 0.85,
                              "letter-spacing", 1 * PANGO_SCALE, NULL);
  gtk_text_buffer_create_tag (b, "box-top", NULL);
  gtk_text_buffer_create_tag (b, "box-item", NULL);
  gtk_text_buffer_create_tag (b, "box-bottom", NULL);
  gtk_text_buffer_create_tag (b, "after-box", NULL);
  gtk_text_buffer_create_tag (b, "card", NULL);
  gtk_text_buffer_create_tag (b, "spacer", "scale", 0.5, NULL);
  gtk_text_buffer_create_tag (b, "note", "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (b, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (b, "keep-word", "allow-breaks", FALSE, NULL);
  gtk_text_buffer_create_tag (b, "highlight", NULL);
  gtk_text_buffer_create_tag (b, "find-match", NULL);
  gtk_text_buffer_create_tag (b, "find-current", NULL);
}

static void
dossier_reader_view_dispose (GObject *object)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->pending_scroll_timeout, g_source_remove);
  g_clear_signal_handler (&self->dark_handler, style);
  g_clear_signal_handler (&self->contrast_handler, style);
  if (self->text_view != NULL)
    DOSSIER_READER_TEXT (self->text_view)->markers = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->dispose (object);
}

static void
dossier_reader_view_finalize (GObject *object)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  g_clear_object (&self->buffer);
  g_clear_object (&self->css);
  g_clear_object (&self->actions);
  g_clear_object (&self->selection_menu);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->link_tags, g_ptr_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->find_text, g_free);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->finalize (object);
}

static void
dossier_reader_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SERIF:
      g_value_set_boolean (value, self->serif);
      break;
    case PROP_MATCH_COUNT:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_CURRENT_MATCH:
      g_value_set_uint (value, self->current_match);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_reader_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      dossier_reader_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SERIF:
      dossier_reader_view_set_serif (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_view_class_init (DossierReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_view_dispose;
  object_class->finalize = dossier_reader_view_finalize;
  object_class->get_property = dossier_reader_view_get_property;
  object_class->set_property = dossier_reader_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, DOSSIER_READER_VIEW_MIN_ZOOM, DOSSIER_READER_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIF] =
    g_param_spec_boolean ("serif", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH_COUNT] =
    g_param_spec_uint ("match-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_MATCH] =
    g_param_spec_uint ("current-match", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierReaderView::highlight-requested:
   * @paragraph: paragraph index; @start, @end: code points; @text: the highlighted text
   *
   * The user asked to highlight part of a paragraph; the owner stores it
   * and calls dossier_reader_view_add_highlight() with its id.
   */
  signals[HIGHLIGHT_REQUESTED] =
    g_signal_new ("highlight-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
  signals[HIGHLIGHT_REMOVAL_REQUESTED] =
    g_signal_new ("highlight-removal-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A short confirmation for a toast ("Copied with citation"). */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossierreaderview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_reader_view_init (DossierReaderView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkEventController *controller;
  GMenu *section;

  self->zoom = 1.0;
  self->serif = TRUE;
  self->pending_scroll = -1;
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (Range));
  self->markers = g_ptr_array_new ();
  self->link_tags = g_ptr_array_new ();
  self->highlights = g_array_new (FALSE, FALSE, sizeof (Highlight));
  self->matches = g_array_new (FALSE, FALSE, sizeof (Range));

  self->buffer = gtk_text_buffer_new (NULL);
  create_tags (self);

  self->text_view = g_object_new (DOSSIER_TYPE_READER_TEXT, "buffer", self->buffer, NULL);
  DOSSIER_READER_TEXT (self->text_view)->markers = self->markers;
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "dossier-reader");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);

  self->css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  G_GNUC_END_IGNORE_DEPRECATIONS
  update_css (self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  g_signal_connect (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->text_view)), "changed",
                    G_CALLBACK (hadjustment_changed_cb), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "value-changed",
                            G_CALLBACK (vadjustment_value_changed_cb), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "changed",
                            G_CALLBACK (vadjustment_changed_cb), self);
  g_signal_connect_swapped (self->buffer, "notify::has-selection", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->buffer, "mark-set", G_CALLBACK (update_actions), self);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  self->dark_handler = g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (style_changed_cb), self);
  self->contrast_handler = g_signal_connect_swapped (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  update_colors (self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), view_actions, G_N_ELEMENTS (view_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader", G_ACTION_GROUP (self->actions));

  /* The selection's context menu. Other features (the memo's "Add to Memo")
   * append their own sections to it. */
  self->selection_menu = g_menu_new ();
  section = g_menu_new ();
  g_menu_append (section, _("_Highlight"), "reader.highlight");
  g_menu_append (section, _("_Remove Highlight"), "reader.remove-highlight");
  g_menu_append (section, _("Copy with _Citation"), "reader.copy-with-citation");
  g_menu_append_section (self->selection_menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->selection_menu));

  update_actions (self);
}

GtkWidget *
dossier_reader_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_READER_VIEW, NULL);
}

DossierDocument *
dossier_reader_view_get_document (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return self->document;
}

/**
 * dossier_reader_view_set_document:
 * @document: (nullable): a fully loaded document (paragraphs and notes)
 *
 * Shows @document from its start, without highlights.
 */
void
dossier_reader_view_set_document (DossierReaderView *self,
                                  DossierDocument   *document)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  g_return_if_fail (document == NULL || DOSSIER_IS_DOCUMENT (document));

  if (self->document == document)
    {
      /* The same object with edited metadata: show the edit in place. */
      if (document != NULL)
        {
          guint paragraph = dossier_reader_view_get_first_visible_paragraph (self);
          rebuild (self);
          dossier_reader_view_scroll_to_paragraph (self, paragraph);
        }
      return;
    }

  g_set_object (&self->document, document);
  g_array_set_size (self->highlights, 0);
  g_clear_pointer (&self->find_text, g_free);
  rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_COUNT]);
}

double
dossier_reader_view_get_zoom (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 1.0);
  return self->zoom;
}

void
dossier_reader_view_set_zoom (DossierReaderView *self,
                              double             zoom)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  /* Steps of 10 % without drift from repeated additions. */
  zoom = CLAMP (round (zoom * 10.0) / 10.0, DOSSIER_READER_VIEW_MIN_ZOOM, DOSSIER_READER_VIEW_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  update_css (self);
  queue_layout (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gboolean
dossier_reader_view_get_serif (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), FALSE);
  return self->serif;
}

void
dossier_reader_view_set_serif (DossierReaderView *self,
                               gboolean           serif)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  serif = !!serif;
  if (self->serif == serif)
    return;

  self->serif = serif;
  update_css (self);
  queue_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIF]);
}

GtkTextView *
dossier_reader_view_get_text_view (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return self->text_view;
}

/**
 * dossier_reader_view_get_action_group:
 *
 * The "reader" actions (highlight, copy-with-citation, zoom-in…). The view
 * inserts them on itself; a page that shows the view under its own header
 * bar inserts them on itself too, so its buttons reach them.
 *
 * Returns: (transfer none): the actions
 */
GActionGroup *
dossier_reader_view_get_action_group (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

/**
 * dossier_reader_view_get_selection_menu:
 *
 * The extra items of the text's context menu. Append a section to add
 * commands on the selection, e.g. "Add to Memo".
 *
 * Returns: (transfer none): the menu
 */
GMenu *
dossier_reader_view_get_selection_menu (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  return self->selection_menu;
}

guint
dossier_reader_view_get_n_footnote_markers (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 0);
  return self->markers->len;
}

/**
 * dossier_reader_view_get_footnote_marker:
 *
 * Returns: (transfer none): the @index-th marker, a #GtkMenuButton
 */
GtkWidget *
dossier_reader_view_get_footnote_marker (DossierReaderView *self,
                                         guint              index)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);
  return self->markers->pdata[index];
}
