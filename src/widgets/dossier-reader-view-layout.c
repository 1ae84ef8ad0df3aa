/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-reader-view-private.h"

/*
 * DossierReaderView's text layout: the article set into one buffer (head,
 * key points, body with pull quotes and block quotations, notes, author
 * cards), the tags that style it, the colours that follow the style
 * manager, and the margins that keep the column near 68 characters wide
 * at any window size, zoom level or system text scale.
 */

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

void
_dossier_reader_view_update_colors (DossierReaderView *self)
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
    GdkRGBA key_points_bg, card_bg, accent, rule;

    gdk_rgba_parse (&key_points_bg,
                    hc ? (dark ? "rgba(120,174,237,0.30)" : "rgba(28,113,216,0.18)")
                       : (dark ? "rgba(120,174,237,0.13)" : "rgba(28,113,216,0.07)"));
    gdk_rgba_parse (&card_bg,
                    hc ? (dark ? "rgba(255,255,255,0.20)" : "rgba(0,0,0,0.14)")
                       : (dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.045)"));
    gdk_rgba_parse (&accent, dark ? "#78aeed" : "#3584e4");
    gdk_rgba_parse (&rule,
                    hc ? (dark ? "#ffffff" : "#000000") : (dark ? "rgba(255,255,255,0.30)" : "rgba(0,0,0,0.22)"));
    dossier_reader_text_set_colors (DOSSIER_READER_TEXT (self->text_view), &key_points_bg, &card_bg, &accent, &rule);
  }
  set_tag_rgba (self->buffer, "highlight", "background-rgba",
                dark ? "rgba(229,165,10,0.45)" : (hc ? "rgba(246,211,45,0.9)" : "rgba(249,240,107,0.85)"));
  set_tag_rgba (self->buffer, "find-match", "background-rgba",
                dark ? "rgba(198,70,0,0.55)" : "rgba(255,190,111,0.75)");
  set_tag_rgba (self->buffer, "find-current", "background-rgba",
                dark ? "rgba(255,120,0,0.95)" : "rgba(255,120,0,0.9)");
  set_tag_rgba (self->buffer, "find-current", "foreground-rgba", dark ? "#ffffff" : "#000000");
}

void
_dossier_reader_view_update_css (DossierReaderView *self)
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
  dossier_reader_text_set_pad (DOSSIER_READER_TEXT (self->text_view), (int) (char_width * 1.6));
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

void
_dossier_reader_view_queue_layout (DossierReaderView *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (update_layout_idle, self);
}


/* ------------------------------------------------------------------------ */
/* Building the text                                                          */

void
_dossier_reader_view_insert (DossierReaderView *self,
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

void
_dossier_reader_view_apply_tag_from (DossierReaderView *self,
                                     const char        *tag_name,
                                     int                start_offset,
                                     GtkTextIter       *end)
{
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_offset);
  gtk_text_buffer_apply_tag_by_name (self->buffer, tag_name, &start, end);
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
      _dossier_reader_view_insert_marker (self, iter, sorted[i].number);
    }
  gtk_text_buffer_insert (self->buffer, iter, p, -1);

  range.start = start_offset;
  range.end = gtk_text_iter_get_offset (iter);
  g_array_append_val (self->paragraphs, range);

  gtk_text_buffer_insert (self->buffer, iter, "\n", 1);
  _dossier_reader_view_apply_tag_from (self, heading ? "heading" : "body", start_offset, iter);
  if (dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_QUOTE)
    _dossier_reader_view_apply_tag_from (self, "block-quote", start_offset, iter);
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

      _dossier_reader_view_insert (self, iter, line, "block-quote", "quote-attribution", "dim", NULL);
      _dossier_reader_view_insert (self, iter, "\n", "block-quote", "quote-attribution", NULL);
    }
  dossier_reader_text_add_box (DOSSIER_READER_TEXT (self->text_view), run_start, gtk_text_iter_get_offset (iter), DOSSIER_READER_BOX_BLOCK_QUOTE_RULE);
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

char *
_dossier_reader_view_format_date (const char *iso)
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
  g_autofree char *date = _dossier_reader_view_format_date (dossier_document_get_published (doc));
  const char *url = dossier_document_get_source_url (doc);
  int start;

  _dossier_reader_view_insert (self, iter, dossier_document_get_title (doc) ?: _("Untitled"), "title", NULL);
  _dossier_reader_view_insert (self, iter, "\n", "title", NULL);

  if (subtitle != NULL && *subtitle != '\0')
    {
      _dossier_reader_view_insert (self, iter, subtitle, "subtitle", "dim", NULL);
      _dossier_reader_view_insert (self, iter, "\n", "subtitle", NULL);
    }

  if (n_authors > 0)
    {
      start = gtk_text_iter_get_offset (iter);
      _dossier_reader_view_insert (self, iter, _("By "), NULL);
      for (guint i = 0; i < n_authors; i++)
        {
          g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
          const char *affiliation = dossier_author_get_affiliation (author);

          if (i > 0 && i == n_authors - 1)
            _dossier_reader_view_insert (self, iter, _(" and "), NULL);
          else if (i > 0)
            _dossier_reader_view_insert (self, iter, ", ", NULL);
          _dossier_reader_view_insert (self, iter, dossier_author_get_name (author) ?: "", "strong", NULL);
          if (affiliation != NULL && *affiliation != '\0')
            {
              _dossier_reader_view_insert (self, iter, " (", "dim", NULL);
              _dossier_reader_view_insert (self, iter, affiliation, "dim", NULL);
              _dossier_reader_view_insert (self, iter, ")", "dim", NULL);
            }
        }
      _dossier_reader_view_insert (self, iter, "\n", NULL);
      _dossier_reader_view_apply_tag_from (self, "meta", start, iter);
    }

  start = gtk_text_iter_get_offset (iter);
  if (publisher != NULL && *publisher != '\0')
    _dossier_reader_view_insert (self, iter, publisher, NULL);
  if (date != NULL)
    {
      if (gtk_text_iter_get_offset (iter) > start)
        _dossier_reader_view_insert (self, iter, "  ·  ", NULL);
      _dossier_reader_view_insert (self, iter, date, NULL);
    }
  if (_dossier_reader_view_is_web_url (url))
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

      if (gtk_text_iter_get_offset (iter) > start)
        _dossier_reader_view_insert (self, iter, "  ·  ", NULL);
      /* The site's name stands for the address, which can be very long. */
      if (host != NULL && g_str_has_prefix (host, "www."))
        host += 4;
      _dossier_reader_view_insert_link (self, iter, host != NULL && *host != '\0' ? host : url, url);
    }
  if (gtk_text_iter_get_offset (iter) > start)
    {
      _dossier_reader_view_insert (self, iter, "\n", NULL);
      _dossier_reader_view_apply_tag_from (self, "meta", start, iter);
      _dossier_reader_view_apply_tag_from (self, "dim", start, iter);
      _dossier_reader_view_apply_tag_from (self, "small", start, iter);
    }
  else
    {
      /* Nothing below the byline: it ends the head. */
      GtkTextIter line_start = *iter;
      gtk_text_iter_backward_line (&line_start);
      start = gtk_text_iter_get_offset (&line_start);
    }
  _dossier_reader_view_apply_tag_from (self, "meta-last", start, iter);
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
  _dossier_reader_view_insert (self, iter, _("Key Points"), "box-heading", "box-top", NULL);
  _dossier_reader_view_insert (self, iter, "\n", "box-top", "box-item", NULL);
  for (guint i = 0; i < n; i++)
    {
      int item_start = gtk_text_iter_get_offset (iter);
      _dossier_reader_view_insert (self, iter, "•  ", "dim", NULL);
      _dossier_reader_view_insert (self, iter, points[i], NULL);
      _dossier_reader_view_insert (self, iter, "\n", NULL);
      _dossier_reader_view_apply_tag_from (self, "key-points-item", item_start, iter);
      _dossier_reader_view_apply_tag_from (self, i + 1 == n ? "box-bottom" : "box-item", item_start, iter);
    }
  _dossier_reader_view_apply_tag_from (self, "key-points", start, iter);
  dossier_reader_text_add_box (DOSSIER_READER_TEXT (self->text_view), start, gtk_text_iter_get_offset (iter), DOSSIER_READER_BOX_KEY_POINTS);
}

static void
insert_notes (DossierReaderView *self,
              GtkTextIter       *iter)
{
  GListModel *notes = dossier_document_get_footnotes (self->document);
  guint n = g_list_model_get_n_items (notes);

  if (n == 0)
    return;

  _dossier_reader_view_insert (self, iter, _("Notes"), "section", "heading", NULL);
  _dossier_reader_view_insert (self, iter, "\n", "section", "heading", NULL);
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

      _dossier_reader_view_insert (self, iter, number, "dim", NULL);
      _dossier_reader_view_insert_with_links (self, iter, dossier_footnote_get_text (note) ?: "", dossier_footnote_get_urls (note));
      _dossier_reader_view_insert (self, iter, "\n", NULL);
      _dossier_reader_view_apply_tag_from (self, "note", start, iter);
      _dossier_reader_view_apply_tag_from (self, "small", start, iter);
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

  _dossier_reader_view_insert (self, iter, n == 1 ? _("About the Author") : _("About the Authors"), "section", "heading", NULL);
  _dossier_reader_view_insert (self, iter, "\n", "section", "heading", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      const char *position = dossier_author_get_position (author);
      const char *affiliation = dossier_author_get_affiliation (author);
      const char *bio = dossier_author_get_bio (author);
      int start = gtk_text_iter_get_offset (iter);
      int last_start;

      _dossier_reader_view_insert (self, iter, dossier_author_get_name (author) ?: "", "strong", "box-top", NULL);
      _dossier_reader_view_insert (self, iter, "\n", "box-top", NULL);
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
          _dossier_reader_view_insert (self, iter, line, "dim", "small", NULL);
          _dossier_reader_view_insert (self, iter, "\n", "box-item", NULL);
        }
      if (bio != NULL && *bio != '\0')
        {
          last_start = gtk_text_iter_get_offset (iter);
          _dossier_reader_view_insert (self, iter, bio, "small", NULL);
          _dossier_reader_view_insert (self, iter, "\n", NULL);
        }
      {
        GtkTextIter s;
        gtk_text_buffer_get_iter_at_offset (self->buffer, &s, last_start);
        gtk_text_buffer_apply_tag_by_name (self->buffer, "box-bottom", &s, iter);
      }
      _dossier_reader_view_apply_tag_from (self, "card", start, iter);
      dossier_reader_text_add_box (DOSSIER_READER_TEXT (self->text_view), start, gtk_text_iter_get_offset (iter), DOSSIER_READER_BOX_CARD);
      if (i + 1 < n)
        _dossier_reader_view_insert (self, iter, "\n", "spacer", NULL);
    }
}

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
/* The page a paragraph from a PDF ends on (0 without pages). */
static guint
last_page_of (DossierParagraph *paragraph)
{
  guint n_breaks;
  const DossierPageBreak *breaks = dossier_paragraph_get_page_breaks (paragraph, &n_breaks);

  return n_breaks > 0 ? breaks[n_breaks - 1].page : dossier_paragraph_get_page (paragraph);
}

/* "Page 12" (or the page's printed label) above the first paragraph of a
 * PDF's page; it belongs to no paragraph, so highlights and excerpts never
 * take it in. */
static void
insert_page_mark (DossierReaderView *self,
                  GtkTextIter       *iter,
                  DossierParagraph  *paragraph)
{
  const char *label = dossier_paragraph_get_page_label (paragraph);
  g_autofree char *number = g_strdup_printf ("%u", dossier_paragraph_get_page (paragraph));
  /* Translators: where a page of a PDF starts in the reader; %s is its number or printed label ("xii") */
  g_autofree char *text = g_strdup_printf (_("Page %s"), label != NULL ? label : number);

  _dossier_reader_view_insert (self, iter, text, "page-mark", "dim", "small", NULL);
  _dossier_reader_view_insert (self, iter, "\n", "page-mark", NULL);
}

void
_dossier_reader_view_rebuild (DossierReaderView *self)
{
  GtkTextIter iter;
  g_auto(GStrv) quotes_norm = NULL;
  g_autofree gboolean *quote_placed = NULL;
  const char * const *quotes = NULL;
  guint n_quotes = 0;
  GListModel *paragraphs;
  guint n_paragraphs;
  int block_quote_start = 0;
  guint last_page = 0;

  g_ptr_array_set_size (self->markers, 0);
  g_array_set_size (self->paragraphs, 0);
  self->pending_scroll = -1;
  g_array_set_size (self->matches, 0);
  self->current_match = 0;

  /* Removing the text removes the anchored markers with it. */
  gtk_text_buffer_set_text (self->buffer, "", 0);
  dossier_reader_text_clear_boxes (DOSSIER_READER_TEXT (self->text_view));
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
      int start;

      /* A PDF's page boundaries, where a new page starts with a paragraph. */
      if (dossier_paragraph_get_page (paragraph) > 0 && last_page > 0 &&
          dossier_paragraph_get_page (paragraph) != last_page)
        insert_page_mark (self, &iter, paragraph);
      last_page = last_page_of (paragraph);
      start = gtk_text_iter_get_offset (&iter);

      if (quote && !continues_quote (paragraphs, i))
        block_quote_start = start;

      if (i == 0 && start > 0)
        {
          /* Space between the key-points box and the body. */
          insert_paragraph (self, &iter, paragraph);
          _dossier_reader_view_apply_tag_from (self, "after-box", start, &iter);
        }
      else
        insert_paragraph (self, &iter, paragraph);

      if (quote && block_quote_start == start)
        _dossier_reader_view_apply_tag_from (self, "quote-first", start, &iter);
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
              _dossier_reader_view_insert (self, &iter, quoted, "pull-quote", NULL);
              _dossier_reader_view_insert (self, &iter, "\n", "pull-quote", NULL);
              dossier_reader_text_add_box (DOSSIER_READER_TEXT (self->text_view), quote_start, gtk_text_iter_get_offset (&iter), DOSSIER_READER_BOX_QUOTE_RULE);
            }
        }
    }

  insert_notes (self, &iter);
  insert_authors (self, &iter);
  keep_hangul_words (self);

  _dossier_reader_view_apply_highlights (self);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  _dossier_reader_view_queue_layout (self);
}

/* ------------------------------------------------------------------------ */
/* Tags                                                                       */

void
_dossier_reader_view_create_tags (DossierReaderView *self)
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
  gtk_text_buffer_create_tag (b, "page-mark", "justification", GTK_JUSTIFY_RIGHT, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (b, "card", NULL);
  gtk_text_buffer_create_tag (b, "spacer", "scale", 0.5, NULL);
  gtk_text_buffer_create_tag (b, "note", "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (b, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (b, "keep-word", "allow-breaks", FALSE, NULL);
  gtk_text_buffer_create_tag (b, "highlight", NULL);
  gtk_text_buffer_create_tag (b, "find-match", NULL);
  gtk_text_buffer_create_tag (b, "find-current", NULL);
}
