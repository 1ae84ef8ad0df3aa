/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-pdf-private.h"
#include "model/dossier-util.h"

/*
 * Notes: footnotes at the foot of a page (text smaller than the body
 * below the last line of running text in its column, the first line of
 * each note starting with its number, plain or raised) and endnote lists
 * (numbered entries under a "Notes" heading). A note that runs over onto
 * the next page's foot is joined. The raised numbers in the text are
 * linked to them later (dossier-pdf-text.c), by page first: numbering
 * may start again on every page or in every chapter.
 */

#define MAX_NOTE_NUMBER 99999

void
dossier_pdf_note_free (gpointer data)
{
  PdfNote *note = data;

  g_string_free (note->text, TRUE);
  g_ptr_array_unref (note->urls);
  g_free (note);
}

static PdfNote *
note_new (PdfImport *self,
          guint      number,
          guint      page,
          gboolean   endnote)
{
  PdfNote *note = g_new0 (PdfNote, 1);

  note->number = number;
  note->page = page;
  note->endnote = endnote;
  note->text = g_string_new (NULL);
  note->urls = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, note);
  return note;
}

/**
 * dossier_pdf_parse_number:
 * @text: digits, possibly after spaces
 * @length: bytes of @text to read
 *
 * Returns: %TRUE when @text is a number of one to five digits, alone
 */
gboolean
dossier_pdf_parse_number (const char *text,
                          guint       length,
                          guint      *number)
{
  guint value = 0, digits = 0;

  for (guint i = 0; i < length; i++)
    {
      if (text[i] == ' ')
        continue;
      if (!g_ascii_isdigit (text[i]) || ++digits > 5)
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  if (digits == 0 || value == 0 || value > MAX_NOTE_NUMBER)
    return FALSE;
  *number = value;
  return TRUE;
}

/**
 * dossier_pdf_add_urls:
 *
 * Adds the http(s) addresses in @text that @urls does not have yet,
 * without the sentence's punctuation after them.
 */
void
dossier_pdf_add_urls (GPtrArray  *urls,
                      const char *text)
{
  for (const char *p = text; (p = strstr (p, "http")) != NULL; )
    {
      const char *start = p;
      const char *end;
      g_autofree char *url = NULL;
      gboolean known = FALSE;

      if (!g_str_has_prefix (p, "http://") && !g_str_has_prefix (p, "https://"))
        {
          p += 4;
          continue;
        }
      if (start > text && g_ascii_isalnum (start[-1]))
        {
          p += 4;
          continue;
        }
      end = start;
      while (*end != '\0' && *end != ' ' && *end != '"' && *end != '<' && *end != '>' &&
             !g_str_has_prefix (end, "\xe2\x80\x9d") && !g_str_has_prefix (end, "\xe2\x80\x9c"))
        end++;
      p = end;
      while (end > start && strchr (".,;:)]'!?", end[-1]) != NULL)
        {
          /* A closing parenthesis that the address opened is its own. */
          if (end[-1] == ')' && memchr (start, '(', end - start) != NULL)
            break;
          end--;
        }
      if (end - start <= 8 || end - start > 8192)
        continue;

      url = g_strndup (start, end - start);
      for (guint i = 0; i < urls->len && !known; i++)
        known = g_str_equal (g_ptr_array_index (urls, i), url);
      if (!known && urls->len < 256)
        g_ptr_array_add (urls, g_steal_pointer (&url));
    }
}

static void
add_link_urls (PdfPage  *page,
               PdfLine  *line,
               PdfNote  *note)
{
  for (guint i = 0; i < page->links->len; i++)
    {
      PdfLink *link = &g_array_index (page->links, PdfLink, i);
      float w = MIN (link->x1, line->x1) - MAX (link->x0, line->x0);
      float h = MIN (link->y1, line->y1) - MAX (link->y0, line->y0);
      gboolean known = FALSE;

      if (w <= 0 || h <= 0.3f * (line->y1 - line->y0))
        continue;
      for (guint u = 0; u < note->urls->len && !known; u++)
        known = g_str_equal (g_ptr_array_index (note->urls, u), link->uri);
      if (!known && note->urls->len < 256)
        g_ptr_array_add (note->urls, g_strdup (link->uri));
    }
}

/* LibreOffice sets a note's number in the note's own size and font, with
 * no space after it: "4The rules…", "2A draw…". A capitalised word or "A"
 * follows; "3D printers", "4G networks" and "5Gy" are no note numbers. */
static gboolean
starts_word_after_number (const char *p)
{
  if ((*p == 'A' || *p == 'I') && p[1] == ' ')
    return TRUE;
  return g_ascii_isupper (p[0]) && g_ascii_islower (p[1]) && g_ascii_islower (p[2]);
}

/* The number a note line starts with: raised digits, "12 ", "12. ",
 * "12) ", "[12] ", "12The". Sets @skip to the bytes the number takes. */
static gboolean
leading_number (PdfLine *line,
                guint   *number,
                guint   *skip)
{
  const char *text = line->text;
  const char *p = text;
  guint value = 0, digits = 0;
  gboolean bracket = FALSE;

  if (line->n_spans > 0 && (line->spans[0].flags & SPAN_RAISED) && line->spans[0].start == 0 &&
      dossier_pdf_parse_number (text, line->spans[0].end, number))
    {
      *skip = line->spans[0].end;
      while (text[*skip] == ' ' || text[*skip] == '.')
        (*skip)++;
      return text[*skip] != '\0';
    }

  /* Unicode superscript digits. */
  {
    static const gunichar supers[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };
    const char *q = text;

    while (*q != '\0')
      {
        gunichar c = g_utf8_get_char (q);
        guint d;

        for (d = 0; d < G_N_ELEMENTS (supers) && supers[d] != c; d++)
          ;
        if (d == G_N_ELEMENTS (supers) || ++digits > 5)
          break;
        value = value * 10 + d;
        q = g_utf8_next_char (q);
      }
    if (digits > 0 && value > 0 && *q != '\0')
      {
        *number = value;
        *skip = q - text;
        while (text[*skip] == ' ')
          (*skip)++;
        return TRUE;
      }
    value = digits = 0;
  }

  if (*p == '[')
    {
      bracket = TRUE;
      p++;
    }
  while (g_ascii_isdigit (*p))
    {
      value = value * 10 + (*p - '0');
      if (++digits > 5 || value > MAX_NOTE_NUMBER)
        return FALSE;
      p++;
    }
  if (digits == 0 || value == 0)
    return FALSE;
  if (bracket)
    {
      if (*p != ']')
        return FALSE;
      p++;
    }
  else if (*p == '.' || *p == ')')
    p++;
  if (*p != ' ' && !(p > text && g_unichar_isalpha (g_utf8_get_char (p)) && g_ascii_isdigit (p[-1]) &&
                     ((line->n_spans > 1 && line->spans[0].end <= (guint) (p - text)) || starts_word_after_number (p))))
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return FALSE;

  *number = value;
  *skip = p - text;
  return TRUE;
}

static gboolean
note_follows (PdfNote *last,
              guint    number)
{
  if (last == NULL)
    return number <= 999;
  /* The next one, one a little further on (a note the layout moved), or
   * numbering starting again (per page, per chapter). */
  return (number > last->number && number <= last->number + 3) || number == 1;
}

static void
append_note_line (PdfImport  *self,
                  PdfPage    *page,
                  PdfNote    *note,
                  PdfLine    *line,
                  const char *text)
{
  dossier_pdf_append_line (self, note->text, text);
  add_link_urls (page, line, note);
  line->flags |= LINE_NOTE;
}

/**
 * dossier_pdf_find_footnotes:
 *
 * Finds the notes at the foot of each page and marks their lines.
 */
void
dossier_pdf_find_footnotes (PdfImport *self)
{
  PdfNote *last = NULL;
  float note_size = 0;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      g_autoptr(GHashTable) body_bottom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      float spanning_bottom = -1, any_bottom = -1;
      PdfNote *current = NULL;
      gboolean first_candidate = TRUE;

      /* The lowest running text of each column (keys: column + 2). */
      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          float *bottom;

          if ((line->flags & (LINE_DROP | LINE_FURNITURE)) || line->size < self->body_size - 0.6f)
            continue;
          any_bottom = MAX (any_bottom, line->base);
          if (line->column < 0)
            {
              spanning_bottom = MAX (spanning_bottom, line->base);
              continue;
            }
          bottom = g_hash_table_lookup (body_bottom, GINT_TO_POINTER (line->column + 2));
          if (bottom == NULL)
            {
              bottom = g_new (float, 1);
              *bottom = line->base;
              g_hash_table_insert (body_bottom, GINT_TO_POINTER (line->column + 2), bottom);
            }
          *bottom = MAX (*bottom, line->base);
        }

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          float *column_bottom;
          float above;
          guint number, skip;

          if ((line->flags & (LINE_DROP | LINE_FURNITURE)) || line->size > self->body_size * 0.93f ||
              line->size < 3)
            continue;

          column_bottom = line->column >= 0 ? g_hash_table_lookup (body_bottom, GINT_TO_POINTER (line->column + 2)) : NULL;
          above = line->column >= 0 ? MAX (spanning_bottom, column_bottom ? *column_bottom : -1) : any_bottom;
          if (line->base <= above)
            continue;

          if (leading_number (line, &number, &skip) && note_follows (current ? current : last, number))
            {
              current = note_new (self, number, p, FALSE);
              note_size = line->size;
              append_note_line (self, page, current, line, line->text + skip);
            }
          else if (current != NULL && fabsf (line->size - note_size) < 0.6f)
            append_note_line (self, page, current, line, line->text);
          else if (first_candidate && current == NULL && last != NULL && !last->endnote &&
                   last->page + 1 == p && fabsf (line->size - note_size) < 0.6f &&
                   !dossier_pdf_ends_sentence (last->text->str))
            {
              /* The end of the last page's last note. */
              current = last;
              append_note_line (self, page, current, line, line->text);
            }
          first_candidate = FALSE;
        }

      if (current != NULL)
        last = current;
    }

  for (guint i = 0; i < self->notes->len; i++)
    {
      PdfNote *note = g_ptr_array_index (self->notes, i);

      dossier_pdf_add_urls (note->urls, note->text->str);
    }
}

static gboolean
is_notes_heading (const char *text)
{
  static GRegex *heading = NULL;

  dossier_regex_once (&heading, "^(?:\\d+\\.?\\s*)?(?:notes|endnotes|end notes|footnotes|notes and sources|"
                                "sources and notes|references|주석|미주|각주)$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  return g_regex_match (heading, text, 0, NULL);
}

/**
 * dossier_pdf_find_endnotes:
 *
 * Reads numbered entries under a "Notes" heading as notes, and takes them
 * and the heading out of the blocks.
 */
void
dossier_pdf_find_endnotes (PdfImport *self)
{
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *heading = g_ptr_array_index (self->blocks, b);
      g_autofree char *text = NULL;
      PdfNote *current = NULL;
      guint end = b + 1, first_number, skip;

      if (heading->kind != BLOCK_HEADING)
        continue;
      text = dossier_pdf_block_text (self, heading);
      if (!is_notes_heading (text))
        continue;

      /* The list must start with a numbered entry. */
      if (end >= self->blocks->len ||
          !leading_number (g_ptr_array_index (((PdfBlock *) g_ptr_array_index (self->blocks, end))->lines, 0),
                           &first_number, &skip) ||
          first_number > 2)
        continue;

      for (; end < self->blocks->len; end++)
        {
          PdfBlock *block = g_ptr_array_index (self->blocks, end);
          PdfPage *page = g_ptr_array_index (self->pages, block->page);

          if (block->kind == BLOCK_HEADING && block->size >= heading->size - 0.5f)
            break;

          for (guint i = 0; i < block->lines->len; i++)
            {
              PdfLine *line = g_ptr_array_index (block->lines, i);
              guint number;

              if (leading_number (line, &number, &skip) && note_follows (current, number))
                {
                  current = note_new (self, number, block->page, TRUE);
                  append_note_line (self, page, current, line, line->text + skip);
                }
              else if (current != NULL)
                append_note_line (self, page, current, line, line->text);
            }
        }

      for (guint i = 0; i < self->notes->len; i++)
        {
          PdfNote *note = g_ptr_array_index (self->notes, i);

          if (note->endnote)
            dossier_pdf_add_urls (note->urls, note->text->str);
        }

      g_ptr_array_remove_range (self->blocks, b, end - b);
      b--;
    }
}

/**
 * dossier_pdf_note_for_marker:
 * @number: the number of a marker in the text
 * @page: the page the marker is on (0-based)
 *
 * Returns: (nullable): the note the marker points to: a footnote on its
 *   page (or the next, or the one before), else an endnote
 */
PdfNote *
dossier_pdf_note_for_marker (PdfImport *self,
                             guint      number,
                             guint      page)
{
  PdfNote *endnote = NULL;
  PdfNote *near[3] = { NULL, NULL, NULL };

  for (guint i = 0; i < self->notes->len; i++)
    {
      PdfNote *note = g_ptr_array_index (self->notes, i);

      if (note->number != number)
        continue;
      if (note->endnote)
        {
          if (endnote == NULL || (endnote->page < page && note->page >= page))
            endnote = note;
          continue;
        }
      if (note->page == page)
        near[0] = near[0] ? near[0] : note;
      else if (note->page == page + 1)
        near[1] = near[1] ? near[1] : note;
      else if (note->page + 1 == page)
        near[2] = near[2] ? near[2] : note;
    }

  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    if (near[i] != NULL)
      return near[i];
  return endnote;
}
