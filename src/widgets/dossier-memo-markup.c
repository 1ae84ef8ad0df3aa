/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-markup"

#include "config.h"

#include <string.h>

#include "memo/dossier-memo-inline.h"
#include "dossier-memo-markup.h"
#include "dossier-memo-text-view.h"

/*
 * The memo's inline markup in a text buffer, as the section editor shows
 * and edits it: text tags that follow the parser's rules exactly, the
 * template placeholders that are typed over, and the Bold, Italic and
 * Bullets toggles.
 */

/* ---- Formatting tags --------------------------------------------------- */

/* The tags mirror how the memo is parsed, so that what looks bold, a
 * bullet or a quotation in the editor is what the PDF prints:
 * dossier_memo_section_set_source_text() cuts the text into blocks at
 * blank (or blank-looking) lines; a block is a bullet list only when
 * every line starts with "- " (or is "-"), a quotation only when every
 * line starts with ">", else a paragraph; dossier_memo_parse_inline()
 * then reads each paragraph, bullet item or quotation as one text, where
 * a run of stars is "**" tokens then a "*", escaped stars are text, and
 * delimiters of one kind pair in order (an odd one out stays literal). */

typedef struct {
  int start;          /* code points, in the buffer */
  int end;
  gsize byte_start;   /* bytes, in the text */
  gsize byte_end;
} TagLine;

typedef struct {
  int start;
  int end;
  gboolean strong;
  gboolean paired;
  guint segment;
} TagToken;

#define QUOTE_CITE_LINE_PREFIX "> \xe2\x80\x94 [^"

static void
tag_range (GtkTextBuffer *buffer,
           const char    *tag,
           int            start,
           int            end)
{
  GtkTextIter a, b;

  if (end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

/* Tags the inline markup of one text the parser reads as a whole (a
 * paragraph, a bullet item, a quotation), given as @n_segments lines of
 * @text from code point / byte @segments[i] to the line's end. */
static void
tag_inline (GtkTextBuffer *buffer,
            const char    *text,
            const TagLine *segments,
            guint          n_segments)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (TagToken));
  gboolean bold = FALSE, italic = FALSE;
  guint t = 0;

  for (guint i = 0; i < n_segments; i++)
    {
      const char *p = text + segments[i].byte_start;
      const char *end = text + segments[i].byte_end;
      int offset = segments[i].start;

      while (p < end)
        {
          if (p[0] == '\\' && p + 1 < end && (p[1] == '*' || p[1] == '[' || p[1] == '\\'))
            {
              p += 2;
              offset += 2;
            }
          else if (p[0] == '*')
            {
              TagToken token = { offset, 0, p + 1 < end && p[1] == '*', FALSE, i };

              token.end = offset + (token.strong ? 2 : 1);
              p += token.strong ? 2 : 1;
              offset = token.end;
              g_array_append_val (tokens, token);
            }
          else
            {
              p = g_utf8_next_char (p);
              offset++;
            }
        }
    }

  /* Pairs each kind in order, as dossier-memo-inline.c does. */
  for (int strong = 0; strong <= 1; strong++)
    {
      int open = -1;

      for (guint i = 0; i < tokens->len; i++)
        {
          TagToken *token = &g_array_index (tokens, TagToken, i);

          if (token->strong != strong)
            continue;
          if (open < 0)
            open = i;
          else
            {
              g_array_index (tokens, TagToken, open).paired = TRUE;
              token->paired = TRUE;
              open = -1;
            }
        }
    }

  for (guint i = 0; i < n_segments; i++)
    {
      int position = segments[i].start;

      for (;; t++)
        {
          TagToken *token = t < tokens->len ? &g_array_index (tokens, TagToken, t) : NULL;
          int until = token != NULL && token->segment == i ? token->start : segments[i].end;

          if (bold)
            tag_range (buffer, "bold", position, until);
          if (italic)
            tag_range (buffer, "italic", position, until);
          if (token == NULL || token->segment != i)
            break;
          position = token->end;
          if (!token->paired)
            {
              /* Literal stars wear the formatting around them. */
              if (bold)
                tag_range (buffer, "bold", token->start, token->end);
              if (italic)
                tag_range (buffer, "italic", token->start, token->end);
              continue;
            }
          if (token->strong)
            bold = !bold;
          else
            italic = !italic;
          tag_range (buffer, "markup", token->start, token->end);
        }
    }
}

static void
tag_block (GtkTextBuffer *buffer,
           const char    *text,
           const TagLine *lines,
           guint          n_lines)
{
  gboolean all_bullets = TRUE, all_quote = TRUE;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = text + lines[i].byte_start;
      gsize length = lines[i].byte_end - lines[i].byte_start;

      all_bullets = all_bullets && ((length >= 2 && line[0] == '-' && line[1] == ' ') ||
                                    (length == 1 && line[0] == '-'));
      all_quote = all_quote && line[0] == '>';
    }

  if (all_bullets)
    {
      for (guint i = 0; i < n_lines; i++)
        {
          TagLine item = lines[i];
          int prefix = MIN (2, item.end - item.start);

          tag_range (buffer, "bullet", lines[i].start, lines[i].end);
          tag_range (buffer, "markup", lines[i].start, lines[i].start + prefix);
          item.start += prefix;
          item.byte_start += prefix;
          tag_inline (buffer, text, &item, 1);
        }
    }
  else if (all_quote)
    {
      g_autofree TagLine *content = g_new (TagLine, n_lines);
      guint n = n_lines;
      const TagLine *last = &lines[n_lines - 1];
      gsize last_length = last->byte_end - last->byte_start;

      /* A last "> — [^id]" line is the quotation's attribution. */
      if (n > 1 && last_length > strlen (QUOTE_CITE_LINE_PREFIX) &&
          strncmp (text + last->byte_start, QUOTE_CITE_LINE_PREFIX, strlen (QUOTE_CITE_LINE_PREFIX)) == 0 &&
          text[last->byte_end - 1] == ']')
        {
          g_autofree char *id = g_strndup (text + last->byte_start + strlen (QUOTE_CITE_LINE_PREFIX),
                                           last_length - strlen (QUOTE_CITE_LINE_PREFIX) - 1);

          if (dossier_memo_is_valid_citation_id (id))
            {
              n--;
              tag_range (buffer, "quote", last->start, last->end);
              tag_range (buffer, "markup", last->start, last->start + 4);
            }
        }

      for (guint i = 0; i < n; i++)
        {
          int prefix = 1;

          if (lines[i].byte_start + 1 < lines[i].byte_end && text[lines[i].byte_start + 1] == ' ')
            prefix = 2;
          tag_range (buffer, "quote", lines[i].start, lines[i].end);
          tag_range (buffer, "markup", lines[i].start, lines[i].start + prefix);
          content[i] = lines[i];
          content[i].start += prefix;
          content[i].byte_start += prefix;
        }
      tag_inline (buffer, text, content, n);
    }
  else
    tag_inline (buffer, text, lines, n_lines);
}

static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  /* As g_strstrip () sees it. */
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* The formatting shown here (citation markers are the view's). */
static const char * const format_tags[] = { "bold", "italic", "bullet", "quote", "markup" };

/**
 * dossier_memo_markup_apply_tags:
 * @view: a #DossierMemoTextView whose buffer has the tags of
 *   dossier_memo_markup_create_tags()
 *
 * Tags the formatting of the whole text anew (bold, italic, bullets,
 * quotations and the markup characters) and then the citation markers.
 */
void
dossier_memo_markup_apply_tags (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GArray) block = g_array_new (FALSE, FALSE, sizeof (TagLine));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *p;
  int offset = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* Only its own tags: others (spelling) keep theirs. */
  for (guint i = 0; i < G_N_ELEMENTS (format_tags); i++)
    gtk_text_buffer_remove_tag_by_name (buffer, format_tags[i], &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  p = text;
  for (;;)
    {
      const char *newline = strchr (p, '\n');
      gsize length = newline ? (gsize)(newline - p) : strlen (p);
      TagLine line = { offset, offset + (int)g_utf8_strlen (p, length),
                       p - text, (p - text) + length };

      if (line_is_blank (p, length))
        {
          if (block->len > 0)
            tag_block (buffer, text, (TagLine *)(gpointer)block->data, block->len);
          g_array_set_size (block, 0);
        }
      else
        g_array_append_val (block, line);

      if (newline == NULL)
        break;
      offset = line.end + 1;
      p = newline + 1;
    }
  if (block->len > 0)
    tag_block (buffer, text, (TagLine *)(gpointer)block->data, block->len);

  dossier_memo_text_view_update_markers (DOSSIER_MEMO_TEXT_VIEW (view));
}

/**
 * dossier_memo_markup_create_tags:
 *
 * Adds to @buffer the tags dossier_memo_markup_apply_tags() uses.
 */
void
dossier_memo_markup_create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "bullet", "left-margin", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "left-margin", 24, "style", PANGO_STYLE_ITALIC, NULL);
  /* Created last, so that its colour wins over the others'. */
  gtk_text_buffer_create_tag (buffer, "markup", "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.52, 0.8 }, NULL);
}

/* ---- Placeholders -------------------------------------------------------- */

/**
 * dossier_memo_markup_find_placeholder:
 * @text: one line of text
 * @offset: a code point offset in @text
 * @touching: whether offsets just before the "[" or just after the "]"
 *   count
 * @start: (out): the code point offset of the placeholder's "["
 * @end: (out): the offset of the character after its "]"
 *
 * Template placeholders ("[what it is]") are meant to be typed over:
 * finds the one around @offset. Citation markers ("[^id]") are not
 * placeholders.
 *
 * Returns: whether there is one
 */
gboolean
dossier_memo_markup_find_placeholder (const char *text,
                                      glong       offset,
                                      gboolean    touching,
                                      glong      *start,
                                      glong      *end)
{
  glong pos = 0, open = -1, n_inside = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[')
        {
          open = (p[1] == '^') ? -1 : pos;
          n_inside = 0;
        }
      else if (c == '\n')
        open = -1;
      else if (c == ']' && open >= 0)
        {
          if (n_inside >= 3 &&
              (touching ? (offset >= open && offset <= pos + 1) : (offset > open && offset <= pos)))
            {
              *start = open;
              *end = pos + 1;
              return TRUE;
            }
          open = -1;
        }
      else if (open >= 0)
        n_inside++;
    }

  return FALSE;
}

/* ---- Toggles ------------------------------------------------------------- */

static int
count_stars (const GtkTextIter *iter,
             gboolean           forward)
{
  GtkTextIter at = *iter;
  int n = 0;

  if (forward)
    {
      while (gtk_text_iter_get_char (&at) == '*' && n < 16)
        {
          n++;
          gtk_text_iter_forward_char (&at);
        }
      /* "\**" after a backslash just before @iter: the first is text. */
      at = *iter;
      if (n > 0 && gtk_text_iter_backward_char (&at) && gtk_text_iter_get_char (&at) == '\\')
        n--;
    }
  else
    {
      while (n < 16 && gtk_text_iter_backward_char (&at) && gtk_text_iter_get_char (&at) == '*')
        n++;
      if (gtk_text_iter_get_char (&at) != '*' && gtk_text_iter_get_char (&at) == '\\' && n > 0)
        n--;
    }
  return n;
}

/* A run of @n stars reads as n / 2 "**" then, when odd, one "*" (as
 * dossier-memo-inline.c tokenizes it): whether it holds @mark. */
static gboolean
run_has (int         n,
         const char *mark)
{
  return strlen (mark) == 2 ? n >= 2 : n % 2 == 1;
}

static void
delete_chars (GtkTextBuffer *buffer,
              GtkTextMark   *at,
              int            n)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, at);
  end = start;
  gtk_text_iter_forward_chars (&end, n);
  gtk_text_buffer_delete (buffer, &start, &end);
}

/**
 * dossier_memo_markup_toggle:
 * @mark: "**" (bold) or "*" (italic)
 *
 * Ctrl+B and Ctrl+I toggle, as in Markdown editors: a selection is
 * wrapped in @mark, or unwrapped when already wrapped (the stars just
 * inside or just outside it); with no selection an empty pair is typed
 * with the cursor between, and pressing again steps over the closing
 * mark or, in an empty pair, takes the pair away. One undo step each.
 */
void
dossier_memo_markup_toggle (GtkTextView *view,
                            const char  *mark)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkTextMark *start_mark, *end_mark;
  int m = strlen (mark);

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (g_strcmp0 (mark, "*") == 0 || g_strcmp0 (mark, "**") == 0);

  buffer = gtk_text_view_get_buffer (view);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      GtkTextIter inner_start = start, inner_end = end;
      int start_run, end_run;

      /* The runs of stars at each end of the selection, inside and out. */
      while (gtk_text_iter_get_char (&inner_start) == '*' && gtk_text_iter_compare (&inner_start, &inner_end) < 0)
        gtk_text_iter_forward_char (&inner_start);
      while (gtk_text_iter_compare (&inner_start, &inner_end) < 0)
        {
          GtkTextIter before = inner_end;

          gtk_text_iter_backward_char (&before);
          if (gtk_text_iter_get_char (&before) != '*')
            break;
          inner_end = before;
        }
      start_run = count_stars (&inner_start, FALSE);
      end_run = count_stars (&inner_end, TRUE);

      gtk_text_buffer_begin_user_action (buffer);
      start_mark = gtk_text_buffer_create_mark (buffer, NULL, &inner_start, TRUE);
      end_mark = gtk_text_buffer_create_mark (buffer, NULL, &inner_end, FALSE);
      if (gtk_text_iter_compare (&inner_start, &inner_end) < 0 &&
          run_has (start_run, mark) && run_has (end_run, mark))
        {
          GtkTextIter at;

          /* Stars are all alike: take @mark's from the inner ends. */
          gtk_text_buffer_get_iter_at_mark (buffer, &at, start_mark);
          gtk_text_iter_backward_chars (&at, m);
          gtk_text_buffer_move_mark (buffer, start_mark, &at);
          delete_chars (buffer, start_mark, m);
          delete_chars (buffer, end_mark, m);
        }
      else
        {
          gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
          gtk_text_buffer_insert (buffer, &end, mark, -1);
          /* Keep the text selected, not the new stars. */
          gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
          gtk_text_iter_forward_chars (&start, m);
          gtk_text_buffer_move_mark (buffer, start_mark, &start);
          gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
          gtk_text_iter_backward_chars (&end, m);
          gtk_text_buffer_move_mark (buffer, end_mark, &end);
        }
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_buffer_delete_mark (buffer, start_mark);
      gtk_text_buffer_delete_mark (buffer, end_mark);
      gtk_text_buffer_end_user_action (buffer);
    }
  else
    {
      int before, after;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      before = count_stars (&start, FALSE);
      after = count_stars (&start, TRUE);

      if (before == 0 && run_has (after, mark))
        {
          /* Before the closing mark: step over it (only it, so that the
           * other formatting of a "***" goes on). */
          gtk_text_iter_forward_chars (&start, m);
          gtk_text_buffer_place_cursor (buffer, &start);
          return;
        }

      gtk_text_buffer_begin_user_action (buffer);
      if (run_has (before, mark) && run_has (after, mark))
        {
          /* In an empty pair: take it away. */
          end = start;
          gtk_text_iter_backward_chars (&start, m);
          gtk_text_iter_forward_chars (&end, m);
          gtk_text_buffer_delete (buffer, &start, &end);
        }
      else
        {
          /* Type between the marks. */
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          end_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          gtk_text_buffer_get_iter_at_mark (buffer, &start, end_mark);
          gtk_text_buffer_place_cursor (buffer, &start);
          gtk_text_buffer_delete_mark (buffer, end_mark);
        }
      gtk_text_buffer_end_user_action (buffer);
    }
}

/**
 * dossier_memo_markup_toggle_bullets:
 *
 * Makes the lines of the selection (or the cursor's) bullets ("- "), or
 * plain lines again when all of them are bullets; one undo step.
 */
void
dossier_memo_markup_toggle_bullets (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, iter;
  int first, last;
  gboolean all_bullets = TRUE;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);

  for (int line = first; line <= last; line++)
    {
      GtkTextIter line_end;
      g_autofree char *prefix = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      line_end = iter;
      gtk_text_iter_forward_chars (&line_end, 2);
      prefix = gtk_text_buffer_get_text (buffer, &iter, &line_end, TRUE);
      all_bullets = all_bullets && g_str_has_prefix (prefix, "- ");
    }

  /* One undo step toggles the whole selection. */
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      if (all_bullets)
        {
          GtkTextIter prefix_end = iter;

          gtk_text_iter_forward_chars (&prefix_end, 2);
          gtk_text_buffer_delete (buffer, &iter, &prefix_end);
        }
      else
        {
          GtkTextIter prefix_end = iter;
          g_autofree char *prefix = NULL;

          gtk_text_iter_forward_chars (&prefix_end, 2);
          prefix = gtk_text_buffer_get_text (buffer, &iter, &prefix_end, TRUE);
          if (!g_str_has_prefix (prefix, "- "))
            gtk_text_buffer_insert (buffer, &iter, "- ", -1);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
}
