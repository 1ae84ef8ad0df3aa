/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <math.h>

#include "model/dossier-util.h"
#include "dossier-reader-view-private.h"

/*
 * The reader is one read-only GtkTextView holding the whole article: the
 * head (title, subtitle, byline), the key points, the body with its pull
 * quotes, the notes and the author bios. One buffer gives continuous
 * selection, find across everything and a single accessible text; the
 * footnote markers are GtkMenuButtons anchored in the text so they are
 * focusable, announced ("Footnote 3") and open their note in a popover.
 *
 * This file holds the GObject, find, the selection and citations, the
 * reading position and the "reader" actions; see
 * dossier-reader-view-private.h for the others.
 */

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
  HIGHLIGHT_NOTE_REQUESTED,
  POSITION_CHANGED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


/* ------------------------------------------------------------------------ */
/* Find                                                                       */

void
_dossier_reader_view_scroll_to_offset (DossierReaderView *self,
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
      _dossier_reader_view_scroll_to_offset (self, range->start, 0.25);
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
  _dossier_reader_view_update_actions (self);

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

  segments = _dossier_reader_view_selection_segments (self);
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

  if (!_dossier_reader_view_iter_at_paragraph_offset (self, paragraph, start, FALSE, &s) ||
      !_dossier_reader_view_iter_at_paragraph_offset (self, paragraph, end, TRUE, &e))
    return FALSE;
  gtk_text_buffer_select_range (self->buffer, &s, &e);
  _dossier_reader_view_scroll_to_offset (self, gtk_text_iter_get_offset (&s), 0.25);
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
  date = _dossier_reader_view_format_date (dossier_document_get_published (document));

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
  return _dossier_reader_view_paragraph_at_offset (self, gtk_text_iter_get_offset (&iter), NULL);
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
    _dossier_reader_view_scroll_to_offset (self, self->pending_scroll, 0.0);
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
    _dossier_reader_view_scroll_to_offset (self, self->pending_scroll, 0.0);
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
  _dossier_reader_view_scroll_to_offset (self, self->pending_scroll, 0.0);
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

void
_dossier_reader_view_update_actions (DossierReaderView *self)
{
  gboolean has_selection = gtk_text_buffer_get_has_selection (self->buffer);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "highlight");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection && self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "copy-with-citation");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_selection && self->document != NULL);
  {
    gint64 id = self->highlights->len > 0 ? _dossier_reader_view_highlight_at_cursor (self) : -1;
    Highlight *highlight = id >= 0 ? _dossier_reader_view_find_highlight (self, id) : NULL;

    action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "remove-highlight");
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), id >= 0);
    /* One of the two shows in the menu (hidden when disabled). */
    action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "add-highlight-note");
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), highlight != NULL && !highlight->noted && !self->notes_read_only);
    action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit-highlight-note");
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), highlight != NULL && highlight->noted && !self->notes_read_only);
  }
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
  g_autoptr(GArray) segments = _dossier_reader_view_selection_segments (self);

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
  gint64 id = _dossier_reader_view_highlight_at_cursor (self);

  if (id >= 0)
    g_signal_emit (self, signals[HIGHLIGHT_REMOVAL_REQUESTED], 0, id);
}

static void
highlight_note_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DossierReaderView *self = user_data;
  gint64 id = _dossier_reader_view_highlight_at_cursor (self);

  if (id >= 0)
    g_signal_emit (self, signals[HIGHLIGHT_NOTE_REQUESTED], 0, id);
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
  { "add-highlight-note", highlight_note_action },
  { "edit-highlight-note", highlight_note_action },
  { "copy-with-citation", copy_with_citation_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
  { "find-next", find_next_action },
  { "find-previous", find_previous_action },
};

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
hadjustment_changed_cb (GtkAdjustment     *adjustment,
                        DossierReaderView *self)
{
  if ((int) gtk_adjustment_get_page_size (adjustment) != self->last_width)
    _dossier_reader_view_queue_layout (self);
}

static void
style_changed_cb (DossierReaderView *self)
{
  _dossier_reader_view_update_colors (self);
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
    dossier_reader_text_set_markers (DOSSIER_READER_TEXT (self->text_view), NULL);
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
  /* The user asked to add or edit the note of the highlight (by its id). */
  signals[HIGHLIGHT_NOTE_REQUESTED] =
    g_signal_new ("highlight-note-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
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
  _dossier_reader_view_create_tags (self);

  self->text_view = GTK_TEXT_VIEW (dossier_reader_text_new (self->buffer));
  dossier_reader_text_set_markers (DOSSIER_READER_TEXT (self->text_view), self->markers);
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
  _dossier_reader_view_update_css (self);

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
  g_signal_connect_swapped (self->buffer, "notify::has-selection", G_CALLBACK (_dossier_reader_view_update_actions), self);
  g_signal_connect_swapped (self->buffer, "mark-set", G_CALLBACK (_dossier_reader_view_update_actions), self);

  _dossier_reader_view_init_links (self);

  self->dark_handler = g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (style_changed_cb), self);
  self->contrast_handler = g_signal_connect_swapped (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  _dossier_reader_view_update_colors (self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), view_actions, G_N_ELEMENTS (view_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader", G_ACTION_GROUP (self->actions));

  /* The selection's context menu. Other features (the memo's "Add to Memo")
   * append their own sections to it. */
  self->selection_menu = g_menu_new ();
  section = g_menu_new ();
  g_menu_append (section, _("_Highlight"), "reader.highlight");
  g_menu_append (section, _("_Remove Highlight"), "reader.remove-highlight");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (i == 0 ? _("Add _Note…") : _("Edit _Note…"),
                                                   i == 0 ? "reader.add-highlight-note" : "reader.edit-highlight-note");

      g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
      g_menu_append_item (section, item);
    }
  g_menu_append (section, _("Copy with _Citation"), "reader.copy-with-citation");
  g_menu_append_section (self->selection_menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->selection_menu));

  _dossier_reader_view_update_actions (self);
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
          _dossier_reader_view_rebuild (self);
          dossier_reader_view_scroll_to_paragraph (self, paragraph);
        }
      return;
    }

  g_set_object (&self->document, document);
  g_array_set_size (self->highlights, 0);
  g_clear_pointer (&self->find_text, g_free);
  _dossier_reader_view_rebuild (self);
  _dossier_reader_view_update_actions (self);
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
  _dossier_reader_view_update_css (self);
  _dossier_reader_view_queue_layout (self);
  _dossier_reader_view_update_actions (self);
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
  _dossier_reader_view_update_css (self);
  _dossier_reader_view_queue_layout (self);
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
