/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-pdf-private.h"

/*
 * From blocks to paragraphs: lines are joined with a space (none between
 * Chinese or Japanese characters, none inside a web address broken over
 * two lines), a hyphen at the end of a line is taken out when the word
 * it broke is one word (it appears whole elsewhere in the document, or
 * its two halves are not words of their own) and kept when it is a real
 * hyphen ("well-known"); raised numbers become links to their notes.
 * A paragraph that goes on in the next column or on the next page, or
 * past a figure, table or sidebar set into it, stays one paragraph; what
 * interrupted it follows it.
 */

/* ---- small text helpers -------------------------------------------- */

/**
 * dossier_pdf_ends_sentence:
 *
 * Whether @text ends like a sentence (or a clause that ends a paragraph:
 * a colon), after closing quotation marks and brackets.
 */
gboolean
dossier_pdf_ends_sentence (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x300D ||
          c == 0x300F || c == ' ')
        {
          end = prev;
          continue;
        }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x3002 || c == 0xFF0E || c == 0x2026 ||
             c == 0xFF01 || c == 0xFF1F;
    }

  return FALSE;
}

/**
 * dossier_pdf_is_bullet:
 * @length: (out): bytes of the bullet and the space after it
 *
 * Whether a line starts with a bullet glyph (or a dash used as one).
 */
gboolean
dossier_pdf_is_bullet (const char *text,
                       guint      *length)
{
  static const char * const glyphs[] = {
    "•", "▪", "●", "◦", "‣", "■", "□", "◆", "◇", "►", "▶", "➢", "➤", "✓", "✔", "○", "∙", "·", NULL
  };
  static const char * const dashes[] = { "- ", "– ", "— ", "* ", NULL };

  for (guint i = 0; glyphs[i] != NULL; i++)
    if (g_str_has_prefix (text, glyphs[i]))
      {
        *length = strlen (glyphs[i]);
        while (text[*length] == ' ')
          (*length)++;
        return text[*length] != '\0';
      }

  for (guint i = 0; dashes[i] != NULL; i++)
    if (g_str_has_prefix (text, dashes[i]))
      {
        *length = strlen (dashes[i]);
        return text[*length] != '\0';
      }

  return FALSE;
}

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60);
}

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

static char *
fold_word (const char *start,
           const char *end)
{
  g_autofree char *word = g_strndup (start, end - start);

  return g_utf8_strdown (word, -1);
}

/* Words of the document as they stand inside lines, for deciding about
 * hyphens at the ends of lines: "word" counts, and "left-right" for
 * words hyphenated inside a line. */
void
dossier_pdf_count_words (PdfImport *self)
{
  self->note_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          const char *p_text = line->text;
          const char *last_space = strrchr (line->text, ' ');

          if (line->flags & LINE_DROP)
            continue;

          while (*p_text != '\0')
            {
              const char *start, *q;

              while (*p_text != '\0' && !g_unichar_isalpha (g_utf8_get_char (p_text)))
                p_text = g_utf8_next_char (p_text);
              start = p_text;
              q = p_text;
              /* A word with its inner hyphens. */
              while (*q != '\0')
                {
                  gunichar c = g_utf8_get_char (q);
                  const char *next = g_utf8_next_char (q);

                  if (g_unichar_isalpha (c) || ((c == '-' || c == 0x2010) && *next != '\0' &&
                                               g_unichar_isalpha (g_utf8_get_char (next))))
                    q = next;
                  else
                    break;
                }
              if (q == start)
                break;
              /* The last word of a line that ends in a hyphen is half a word. */
              if (!(*q == '-' && q[1] == '\0') && !(last_space == NULL && *q == '\0' && start == line->text &&
                                                    FALSE))
                {
                  g_autofree char *word = fold_word (start, q);
                  char *hyphen;

                  g_hash_table_replace (self->note_words, g_strdup (word), GINT_TO_POINTER (1));
                  /* The parts of "left-right" are words too. */
                  while ((hyphen = strchr (word, '-')) != NULL)
                    {
                      *hyphen = '\0';
                      g_hash_table_replace (self->note_words, g_strdup (word), GINT_TO_POINTER (1));
                      memmove (word, hyphen + 1, strlen (hyphen + 1) + 1);
                    }
                  if (*word != '\0')
                    g_hash_table_replace (self->note_words, g_strdup (word), GINT_TO_POINTER (1));
                }
              p_text = q;
            }
        }
    }
}

/* "gov-" + "ernment" → one word; "well-" + "known" → "well-known". */
static gboolean
rejoin_hyphenated (PdfImport  *self,
                   const char *left_start,
                   const char *left_end,
                   const char *right)
{
  const char *right_end = right;
  g_autofree char *left_word = NULL;
  g_autofree char *right_word = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *hyphenated = NULL;

  while (*right_end != '\0' && g_unichar_isalpha (g_utf8_get_char (right_end)))
    right_end = g_utf8_next_char (right_end);
  if (right_end == right || left_end == left_start)
    return FALSE;

  /* "Anti-" + "American", "COVID-" + "19": real hyphens. */
  if (!g_unichar_islower (g_utf8_get_char (right)))
    return FALSE;

  if (self->note_words == NULL)
    return TRUE;

  left_word = fold_word (left_start, left_end);
  right_word = fold_word (right, right_end);
  joined = g_strconcat (left_word, right_word, NULL);
  hyphenated = g_strconcat (left_word, "-", right_word, NULL);

  if (g_hash_table_contains (self->note_words, hyphenated))
    return FALSE;
  if (g_hash_table_contains (self->note_words, joined))
    return TRUE;
  /* Two words of their own, each longer than a syllable: a compound. */
  if (g_utf8_strlen (left_word, -1) >= 3 && g_utf8_strlen (right_word, -1) >= 3 &&
      g_hash_table_contains (self->note_words, left_word) && g_hash_table_contains (self->note_words, right_word))
    return FALSE;
  return TRUE;
}

/* Is the end of @out a web address that a line break cut? */
static gboolean
continues_address (const char *out,
                   const char *line)
{
  const char *token = strrchr (out, ' ');
  const char *end = out + strlen (out);
  const char *line_end = line;
  char last;

  token = token ? token + 1 : out;
  if (strstr (token, "://") == NULL && !g_str_has_prefix (token, "www."))
    return FALSE;
  while (*line_end != '\0' && *line_end != ' ')
    line_end++;
  if (end == token)
    return FALSE;

  last = end[-1];
  if (strchr ("/-_.=?&#%~:+", last) != NULL)
    return TRUE;
  if (strchr ("/?#&=._-", line[0]) != NULL)
    return TRUE;
  /* "…/2024/report" + "s/index.html": the rest has no capital and holds
   * a path character. */
  return (g_ascii_islower (line[0]) || g_ascii_isdigit (line[0])) &&
         (memchr (line, '/', line_end - line) != NULL || memchr (line, '.', line_end - line - 1) != NULL ||
          memchr (line, '=', line_end - line) != NULL) &&
         !dossier_pdf_ends_sentence (out);
}

/* Appends @line to @out; @in_word when the line break was inside a word
 * (Korean set syllable by syllable), which joins Hangul without a space. */
static void
append_line (PdfImport  *self,
             GString    *out,
             const char *line,
             gboolean    in_word)
{
  const char *end, *prev;
  gunichar last, first;

  while (*line == ' ')
    line++;
  if (*line == '\0')
    return;
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_append (out, line);
      return;
    }

  end = out->str + out->len;
  prev = g_utf8_prev_char (end);
  last = g_utf8_get_char (prev);
  first = g_utf8_get_char (line);

  /* A soft hyphen, or the hyphen Pango draws at a break (U+2010), is a
   * break inside a word. */
  if (last == 0x00AD || (last == 0x2010 && g_unichar_isalpha (first)))
    {
      g_string_truncate (out, prev - out->str);
      g_string_append (out, line);
      return;
    }

  if (last == '-' && prev > out->str && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (prev))) &&
      g_unichar_isalpha (first) && !continues_address (out->str, line))
    {
      const char *word = prev;

      while (word > out->str && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (word))))
        word = g_utf8_prev_char (word);
      /* "state-of-the-" keeps its hyphens. */
      if (!(word > out->str && (word[-1] == '-' || g_utf8_get_char (g_utf8_prev_char (word)) == 0x2010)) &&
          rejoin_hyphenated (self, word, prev, line))
        {
          g_string_truncate (out, prev - out->str);
          g_string_append (out, line);
          return;
        }
      g_string_append (out, line);
      return;
    }

  if ((last == '-' || last == 0x2010 || last == '/') && g_unichar_isalnum (first))
    {
      /* "2019-" + "2020", "and/" + "or": no space after a dash or slash. */
      g_string_append (out, line);
      return;
    }

  if (continues_address (out->str, line))
    {
      g_string_append (out, line);
      return;
    }

  if ((is_cjk (last) && is_cjk (first)) || (in_word && is_hangul (last) && is_hangul (first)))
    {
      g_string_append (out, line);
      return;
    }

  g_string_append_c (out, ' ');
  g_string_append (out, line);
}

/**
 * dossier_pdf_append_line:
 *
 * Appends the text of a line to @out the way a reader joins them.
 */
void
dossier_pdf_append_line (PdfImport  *self,
                         GString    *out,
                         const char *line)
{
  append_line (self, out, line, FALSE);
}

/**
 * dossier_pdf_block_text:
 *
 * Returns: (transfer full): the block's lines joined, as plain text
 */
char *
dossier_pdf_block_text (PdfImport *self,
                        PdfBlock  *block)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < block->lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (block->lines, i);

      if (block->kind == BLOCK_TABLE && out->len > 0)
        g_string_append (out, " | ");
      append_line (self, out, line->text, (line->flags & LINE_IN_WORD) != 0);
    }

  return g_string_free (out, FALSE);
}

/* ---- paragraphs ----------------------------------------------------- */

typedef struct {
  guint number;
  guint offset;
} Marker;

typedef struct {
  GString *text;
  GArray *markers;           /* Marker: model note numbers */
  GArray *breaks;            /* offset, page pairs (guint[2]) */
  DossierParagraphKind kind;
  PdfBlockKind block_kind;
  guint page;                /* 0-based, of the first line */
  guint last_page;
  PdfBlock *last_block;
  float size;
  /* The characters in the first counted_bytes of text: a long paragraph
   * (a PDF whose every line continues the last, across 1,500 pages) was
   * counted from its start for each line it gained. Joining a line only
   * changes the text after the start of the line before it. */
  gsize counted_bytes;
  glong counted_chars;
} Para;

static glong
para_chars_before (Para  *para,
                   gsize  byte_offset)
{
  if (para->counted_bytes > byte_offset || para->counted_bytes > para->text->len)
    {
      para->counted_bytes = 0;
      para->counted_chars = 0;
    }
  return para->counted_chars +
         g_utf8_strlen (para->text->str + para->counted_bytes, byte_offset - para->counted_bytes);
}

static void
para_remember_count (Para  *para,
                     gsize  byte_offset,
                     glong  chars)
{
  para->counted_bytes = byte_offset;
  para->counted_chars = chars;
}

static Para *
para_new (PdfBlock *block)
{
  Para *para = g_new0 (Para, 1);

  para->text = g_string_new (NULL);
  para->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  para->breaks = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  para->page = block->page;
  para->last_page = block->page;
  para->block_kind = block->kind;
  para->size = block->size;
  switch (block->kind)
    {
    case BLOCK_HEADING:
      para->kind = DOSSIER_PARAGRAPH_HEADING;
      break;
    case BLOCK_QUOTE:
      para->kind = DOSSIER_PARAGRAPH_QUOTE;
      break;
    default:
      para->kind = DOSSIER_PARAGRAPH_BODY;
      break;
    }
  return para;
}

static void
para_free (Para *para)
{
  g_string_free (para->text, TRUE);
  g_array_unref (para->markers);
  g_array_unref (para->breaks);
  g_free (para);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Para, para_free)

/* The numbers of a raised run: "12", "3,4", "5–7". */
static guint
parse_marker_numbers (const char *text,
                      guint       length,
                      guint      *numbers,
                      guint       max)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  g_strdelimit (copy, ";", ',');
  parts = g_strsplit (copy, ",", 16);
  for (guint i = 0; parts[i] != NULL && n < max; i++)
    {
      char *dash = strstr (parts[i], "\xe2\x80\x93");
      guint from, to;

      if (dash == NULL)
        dash = strchr (parts[i], '-');
      if (dash != NULL)
        {
          const char *after = *dash == '-' ? dash + 1 : dash + 3;

          if (!dossier_pdf_parse_number (parts[i], dash - parts[i], &from) ||
              !dossier_pdf_parse_number (after, strlen (after), &to) || to < from || to - from > 10)
            return 0;
          for (guint k = from; k <= to && n < max; k++)
            numbers[n++] = k;
          continue;
        }
      if (!dossier_pdf_parse_number (parts[i], strlen (parts[i]), &from))
        return 0;
      numbers[n++] = from;
    }

  return n;
}

/* Appends a line, its raised note numbers as markers; @skip bytes at its
 * start are left out (a bullet). */
static void
para_append_line (PdfImport *self,
                  Para      *para,
                  PdfLine   *line,
                  guint      skip)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  glong before, start;

  for (guint s = 0; s < line->n_spans; s++)
    {
      PdfSpan *span = &line->spans[s];
      guint from = MAX (span->start, skip);
      guint numbers[16];
      guint n = 0;

      if (from >= span->end)
        continue;

      if (span->flags & SPAN_RAISED)
        n = parse_marker_numbers (line->text + from, span->end - from, numbers, G_N_ELEMENTS (numbers));
      if (n > 0)
        {
          g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Marker));

          for (guint k = 0; k < n; k++)
            {
              PdfNote *note = dossier_pdf_note_for_marker (self, numbers[k], line->page);

              if (note == NULL)
                break;
              g_array_append_vals (found, &(Marker) { note->model_number, 0 }, 1);
            }
          if (found->len == n)
            {
              /* Markers stand right after the word; a space before them goes. */
              while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
                g_string_truncate (clean, clean->len - 1);
              for (guint k = 0; k < found->len; k++)
                {
                  Marker marker = { g_array_index (found, Marker, k).number, clean->len };
                  g_array_append_val (markers, marker);
                }
              continue;
            }
        }

      g_string_append_len (clean, line->text + from, span->end - from);
    }

  /* Marker offsets are bytes of @clean for now. */
  before = para_chars_before (para, para->text->len);
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);
  {
    guint leading = 0;

    while (leading < clean->len && clean->str[leading] == ' ')
      leading++;
    if (leading > 0)
      {
        g_string_erase (clean, 0, leading);
        for (guint k = 0; k < markers->len; k++)
          g_array_index (markers, Marker, k).offset -= MIN (g_array_index (markers, Marker, k).offset, leading);
      }
  }
  if (clean->len == 0)
    {
      /* Only markers: they belong at the end of the text so far. */
      for (guint k = 0; k < markers->len; k++)
        {
          Marker marker = { g_array_index (markers, Marker, k).number, before };
          g_array_append_val (para->markers, marker);
        }
      return;
    }

  append_line (self, para->text, clean->str, (line->flags & LINE_IN_WORD) != 0);
  /* The line's text is now the tail of the paragraph; what came before
   * may have lost a hyphen or gained a space. */
  start = para_chars_before (para, para->text->len - clean->len);
  para_remember_count (para, para->text->len - clean->len, start);

  if (line->page > para->last_page)
    {
      guint entry[2] = { (guint) start, line->page };

      if (start > 0)
        g_array_append_val (para->breaks, entry);
      para->last_page = line->page;
    }

  for (guint k = 0; k < markers->len; k++)
    {
      Marker *m = &g_array_index (markers, Marker, k);
      Marker marker = { m->number, (guint) (start + g_utf8_strlen (clean->str, m->offset)) };

      g_array_append_val (para->markers, marker);
    }
}

static void
para_append_block (PdfImport *self,
                   Para      *para,
                   PdfBlock  *block)
{
  for (guint i = 0; i < block->lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (block->lines, i);
      guint skip = 0;

      if (i == 0 && block->kind == BLOCK_ITEM)
        dossier_pdf_is_bullet (line->text, &skip);
      if (block->kind == BLOCK_TABLE && para->text->len > 0)
        g_string_append (para->text, " |");
      para_append_line (self, para, line, skip);
    }
  para->last_block = block;
}

/* [12] in the text, and Unicode superscript digits, where those notes
 * exist: markers too. */
static void
convert_text_markers (PdfImport *self,
                      Para      *para)
{
  static const gunichar supers[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) removals = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p;
  glong offset = 0;
  gboolean changed = FALSE;

  if (self->notes->len == 0 || (strchr (para->text->str, '[') == NULL &&
                                strstr (para->text->str, "\xc2\xb9") == NULL && strstr (para->text->str, "\xc2\xb2") == NULL &&
                                strstr (para->text->str, "\xc2\xb3") == NULL && strstr (para->text->str, "\xe2\x81") == NULL))
    return;

  out = g_string_new (NULL);
  markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  for (p = para->text->str; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      guint number = 0, digits = 0, d;
      const char *q = p;

      /* Markers already found shift by what is taken out before them. */
      for (guint k = 0; k < para->markers->len; k++)
        {
          Marker *m = &g_array_index (para->markers, Marker, k);

          if (m->offset == (guint) offset && !(m->number & 0x80000000u))
            {
              Marker moved = { m->number, (guint) g_utf8_strlen (out->str, -1) };
              g_array_append_val (markers, moved);
              m->number |= 0x80000000u;
            }
        }

      if (c == '[')
        {
          q = p + 1;
          while (g_ascii_isdigit (*q) && digits < 5)
            {
              number = number * 10 + (*q - '0');
              digits++;
              q++;
            }
          if (digits > 0 && *q == ']')
            {
              PdfNote *note = dossier_pdf_note_for_marker (self, number, para->page);

              if (note != NULL)
                {
                  Marker marker = { note->model_number, 0 };
                  /* "text [12] more": one space stays. */
                  guint extra = out->len > 0 && out->str[out->len - 1] == ' ' && q[1] == ' ';
                  guint n_chars = g_utf8_strlen (p, q + 1 - p) + extra;

                  if (extra)
                    g_string_truncate (out, out->len - 1);
                  marker.offset = g_utf8_strlen (out->str, -1);
                  g_array_append_val (markers, marker);
                  if (extra)
                    g_string_append_c (out, ' ');
                  g_array_append_vals (removals, (guint[]) { (guint) offset, n_chars - extra }, 2);
                  offset += n_chars - extra;
                  p = q + 1 + extra;
                  offset += extra;
                  if (extra)
                    g_array_append_vals (removals, (guint[]) { (guint) offset - 1, 1 }, 2);
                  changed = TRUE;
                  continue;
                }
            }
        }
      else
        {
          for (d = 0; d < G_N_ELEMENTS (supers) && supers[d] != c; d++)
            ;
          if (d < G_N_ELEMENTS (supers))
            {
              glong n_chars = 0;

              q = p;
              number = 0;
              while (*q != '\0' && digits < 5)
                {
                  gunichar s = g_utf8_get_char (q);

                  for (d = 0; d < G_N_ELEMENTS (supers) && supers[d] != s; d++)
                    ;
                  if (d == G_N_ELEMENTS (supers))
                    break;
                  number = number * 10 + d;
                  digits++;
                  n_chars++;
                  q = g_utf8_next_char (q);
                }
              if (number > 0)
                {
                  PdfNote *note = dossier_pdf_note_for_marker (self, number, para->page);

                  if (note != NULL)
                    {
                      Marker marker = { note->model_number, (guint) g_utf8_strlen (out->str, -1) };

                      g_array_append_val (markers, marker);
                      g_array_append_vals (removals, (guint[]) { (guint) offset, (guint) n_chars }, 2);
                      offset += n_chars;
                      p = q;
                      changed = TRUE;
                      continue;
                    }
                }
            }
        }

      g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
      offset++;
    }

  for (guint k = 0; k < para->markers->len; k++)
    {
      Marker *m = &g_array_index (para->markers, Marker, k);

      if (!(m->number & 0x80000000u))
        {
          Marker moved = { m->number, (guint) g_utf8_strlen (out->str, -1) };
          g_array_append_val (markers, moved);
        }
      m->number &= ~0x80000000u;
    }

  if (!changed)
    return;

  /* Page breaks move back by what was taken out before them. */
  for (guint b = 0; b < para->breaks->len; b++)
    {
      guint *entry = &g_array_index (para->breaks, guint, b * 2);
      guint removed = 0;

      for (guint r = 0; r < removals->len; r += 2)
        if (g_array_index (removals, guint, r) < entry[0])
          removed += g_array_index (removals, guint, r + 1);
      entry[0] -= MIN (entry[0], removed);
    }

  g_string_assign (para->text, out->str);
  g_array_set_size (para->markers, 0);
  g_array_append_vals (para->markers, markers->data, markers->len);
}

static void
emit (PdfImport       *self,
      DossierDocument *document,
      Para            *para)
{
  g_autoptr(DossierParagraph) paragraph = NULL;
  PdfPage *page;
  glong length;

  convert_text_markers (self, para);
  g_strstrip (para->text->str);
  para->text->len = strlen (para->text->str);
  if (para->text->len == 0)
    return;

  length = g_utf8_strlen (para->text->str, -1);
  paragraph = dossier_paragraph_new (para->text->str);
  dossier_paragraph_set_kind (paragraph, para->kind);
  page = g_ptr_array_index (self->pages, para->page);
  dossier_paragraph_set_page (paragraph, para->page + 1);
  dossier_paragraph_set_page_label (paragraph, page->label);

  for (guint b = 0; b < para->breaks->len; b++)
    {
      guint *entry = &g_array_index (para->breaks, guint, b * 2);
      PdfPage *later = g_ptr_array_index (self->pages, entry[1]);

      if ((glong) entry[0] >= length || entry[0] == 0)
        continue;
      dossier_paragraph_add_page_break (paragraph, entry[0], entry[1] + 1, later->label);
    }

  for (guint k = 0; k < para->markers->len && k < 4096; k++)
    {
      Marker *m = &g_array_index (para->markers, Marker, k);

      dossier_paragraph_add_ref (paragraph, m->number, MIN ((glong) m->offset, length));
    }

  dossier_document_add_paragraph (document, paragraph);
}

static gboolean
starts_lower (PdfBlock *block)
{
  PdfLine *line = g_ptr_array_index (block->lines, 0);
  gunichar c = g_utf8_get_char (line->text);

  return g_unichar_islower (c) || c == ',' || c == ';' || c == ')' || c == 0x2014;
}

static gboolean
is_running (PdfBlockKind kind)
{
  return kind == BLOCK_BODY || kind == BLOCK_QUOTE || kind == BLOCK_ITEM;
}

/* How far below @line (at the foot of its column) the text could have
 * gone on: to the first note under it (@over_notes), else to the lowest
 * running text of any page. */
static float
room_below (PdfImport *self,
            PdfLine   *line,
            gboolean  *over_notes)
{
  PdfPage *page = g_ptr_array_index (self->pages, line->page);
  float bottom = self->text_bottom;

  *over_notes = FALSE;
  for (guint i = 0; i < page->lines->len; i++)
    {
      PdfLine *other = g_ptr_array_index (page->lines, i);

      if ((other->flags & LINE_NOTE) && other->y0 > line->base && (!*over_notes || other->y0 < bottom))
        {
          bottom = other->y0;
          *over_notes = TRUE;
        }
    }
  return MAX (bottom - line->base, 0);
}

/* The least room under the last line of a column, over notes and not:
 * what a full column leaves. */
static void
measure_feet (PdfImport *self)
{
  self->text_bottom = 0;
  self->foot_room[0] = self->foot_room[1] = G_MAXFLOAT;
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);

      if (is_running (block->kind))
        for (guint i = 0; i < block->lines->len; i++)
          self->text_bottom = MAX (self->text_bottom, ((PdfLine *) g_ptr_array_index (block->lines, i))->base);
    }
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);
      gboolean over_notes;
      float room;

      if (!is_running (block->kind) || !block->column_end)
        continue;
      room = room_below (self, g_ptr_array_index (block->lines, block->lines->len - 1), &over_notes);
      self->foot_room[over_notes] = MIN (self->foot_room[over_notes], room);
    }
}

/* Does @block go on with the paragraph @para (in the next column or page,
 * or after something set into it)? */
static gboolean
continues (PdfImport *self,
           Para      *para,
           PdfBlock  *block,
           gboolean   interrupted)
{
  PdfLine *last;
  gboolean over_notes;
  float right, room;
  guint bullet;

  if (para == NULL || !is_running (para->block_kind) || !is_running (block->kind) ||
      block->kind == BLOCK_ITEM || (para->block_kind == BLOCK_QUOTE) != (block->kind == BLOCK_QUOTE))
    return FALSE;
  if (!interrupted && !(para->last_block->column_end && block->column_start))
    return FALSE;
  if (fabsf (block->size - para->size) > 0.8f)
    return FALSE;
  if (dossier_pdf_is_bullet (((PdfLine *) g_ptr_array_index (block->lines, 0))->text, &bullet))
    return FALSE;

  if (starts_lower (block))
    return TRUE;
  if (block->first_indented)
    return FALSE;
  if (!dossier_pdf_ends_sentence (para->text->str))
    return TRUE;
  /* A sentence ends at the foot of the column: the paragraph goes on
   * when that line was full (the space that sets paragraphs apart is not
   * there to see at a page's end). The column's right edge is the
   * furthest a column like it reaches in the document: a page of two
   * lines does not show it. */
  last = g_ptr_array_index (para->last_block->lines, para->last_block->lines->len - 1);
  right = para->last_block->column_x1;
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *other = g_ptr_array_index (self->blocks, b);

      /* (Not the wide column of a page of one column over a narrow one.) */
      if (is_running (other->kind) && fabsf (other->column_x0 - para->last_block->column_x0) < other->size &&
          other->column_x1 - other->column_x0 < 1.25f * (para->last_block->column_x1 - para->last_block->column_x0))
        right = MAX (right, other->column_x1);
    }
  if (dossier_pdf_next_word_fits (last, g_ptr_array_index (block->lines, 0), right))
    return FALSE;
  /* Nor does a paragraph end with a full line that leaves room for more
   * lines under it than the fullest column does (a page breaks inside a
   * paragraph at the foot, or a line earlier to keep two together). */
  room = room_below (self, last, &over_notes);
  return room - self->foot_room[over_notes] < self->pitch;
}

/* Small text of short lines, mostly figures: a chart's labels. */
static gboolean
is_chart_text (PdfBlock *block)
{
  guint words = 0, digits = 0, letters = 0;

  for (guint i = 0; i < block->lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (block->lines, i);

      for (const char *p = line->text; *p != '\0'; p++)
        {
          digits += g_ascii_isdigit (*p);
          letters += g_ascii_isalpha (*p) || (guchar) *p >= 0x80;
          words += *p == ' ';
        }
      words++;
    }

  return digits >= letters || words < 3 * block->lines->len;
}

/* The first or last word of @text (without punctuation around it),
 * folded; NULL when it is not Hangul. */
static char *
edge_word (const char *text,
           gboolean    last)
{
  const char *start = text, *end = text + strlen (text);
  const char *space;

  if (last)
    {
      space = strrchr (text, ' ');
      start = space != NULL ? space + 1 : text;
    }
  else if ((space = strchr (text, ' ')) != NULL)
    end = space;
  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end || !is_hangul (g_utf8_get_char (start)))
    return NULL;
  return fold_word (start, end);
}

/* Words that stand inside a line (not first or last, where a break may
 * have cut them). */
static GHashTable *
inner_words (PdfImport *self)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);

      for (guint i = 0; i < block->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (block->lines, i);
          g_auto(GStrv) tokens = g_strsplit (line->text, " ", -1);
          guint n = g_strv_length (tokens);

          for (guint k = 1; k + 1 < n; k++)
            {
              g_autofree char *word = edge_word (tokens[k], FALSE);

              if (word != NULL)
                g_hash_table_add (words, g_steal_pointer (&word));
            }
        }
    }
  return words;
}

typedef struct {
  PdfLine *before, *after;
  float room;               /* between the end of @before and the column's edge */
  float unit;               /* what a break after any syllable would have had to fit */
} HangulBreak;

/* How often each Hangul syllable ends a word or is followed by another
 * one, and starts a word or follows another one, inside the document's
 * lines (where the spaces are known). */
typedef struct {
  guint final, medial_before;  /* followed by a space or punctuation / by a syllable */
  guint initial, medial_after; /* after a space or punctuation / after a syllable */
} SyllableCounts;

typedef struct {
  GHashTable *counts;          /* gunichar → SyllableCounts */
  guint final, medial_before, initial, medial_after;
} SyllableStats;

static void
syllable_stats_clear (SyllableStats *stats)
{
  g_clear_pointer (&stats->counts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SyllableStats, syllable_stats_clear)

static SyllableCounts *
syllable_counts (SyllableStats *stats,
                 gunichar       c,
                 gboolean       add)
{
  SyllableCounts *counts = g_hash_table_lookup (stats->counts, GUINT_TO_POINTER (c));

  if (counts == NULL && add)
    {
      counts = g_new0 (SyllableCounts, 1);
      g_hash_table_insert (stats->counts, GUINT_TO_POINTER (c), counts);
    }
  return counts;
}

static void
count_syllables (PdfImport     *self,
                 SyllableStats *stats)
{
  stats->counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);

      for (guint i = 0; i < block->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (block->lines, i);
          gunichar prev = 0;

          for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);
              SyllableCounts *counts;

              if (!is_hangul (c))
                {
                  prev = c;
                  continue;
                }
              counts = syllable_counts (stats, c, TRUE);
              /* A line's first and last syllables say nothing: a break may
               * have cut their word. */
              if (p > line->text)
                {
                  if (is_hangul (prev))
                    counts->medial_after++, stats->medial_after++;
                  else
                    counts->initial++, stats->initial++;
                }
              if (*next != '\0')
                {
                  if (is_hangul (g_utf8_get_char (next)))
                    counts->medial_before++, stats->medial_before++;
                  else
                    counts->final++, stats->final++;
                }
              prev = c;
            }
        }
    }
}

/* Whether a line break between the syllables @left and @right more likely
 * stood for a space than not, by the document's own text: how often
 * @left ends a word and @right starts one inside its lines, against how
 * often each stands inside a word, and how often syllables are followed
 * by a space at all (naive Bayes, each count one more, so that a syllable
 * seen once or never decides nothing alone). A break where a space
 * would have needed room for the space too is a little less likely:
 * @in_word_share is the part of the room a break inside a word could
 * have left. */
static gboolean
space_likelier (SyllableStats *stats,
                gunichar       left,
                gunichar       right,
                double         in_word_share)
{
  SyllableCounts none = { 0 };
  SyllableCounts *l = syllable_counts (stats, left, FALSE);
  SyllableCounts *r = syllable_counts (stats, right, FALSE);
  double kinds = g_hash_table_size (stats->counts) + 1;
  double space, inside;

  if (l == NULL)
    l = &none;
  if (r == NULL)
    r = &none;
  space = (stats->final + 1.0) * (l->final + 1.0) / (stats->final + kinds) *
          (r->initial + 1.0) / (stats->initial + kinds) * in_word_share;
  inside = (stats->medial_before + 1.0) * (l->medial_before + 1.0) / (stats->medial_before + kinds) *
           (r->medial_after + 1.0) / (stats->medial_after + kinds);
  return space > inside;
}

/**
 * dossier_pdf_find_word_breaks:
 *
 * Korean is written with spaces between words, and set either word by
 * word or syllable by syllable: a line break between two Hangul
 * syllables may stand for a space or for none. A column set syllable by
 * syllable fills every line to within one syllable (and its
 * punctuation) of its edge, at varying distances; a column set word by
 * word leaves more room than that at some line ends, a justified column
 * none at any. Where the document's lines say it was set syllable by
 * syllable, a break is inside a word; otherwise (and to overrule that)
 * the document's own words decide: the joined word standing inside a
 * line elsewhere while its halves do not, or the other way round. Marks
 * the line after a break inside a word %LINE_IN_WORD.
 */
void
dossier_pdf_find_word_breaks (PdfImport *self)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (HangulBreak));
  g_autoptr(GHashTable) words = NULL;
  g_auto(SyllableStats) stats = { NULL, 0, 0, 0, 0 };
  guint roomy = 0, spread = 0;
  gboolean by_syllable;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);

      for (guint i = 1; i < block->lines->len; i++)
        {
          HangulBreak hb = { g_ptr_array_index (block->lines, i - 1), g_ptr_array_index (block->lines, i), 0, 0 };
          const char *end = hb.before->text + strlen (hb.before->text);
          const char *second;

          while (end > hb.before->text && end[-1] == ' ')
            end--;
          if (end == hb.before->text || !is_hangul (g_utf8_get_char (g_utf8_prev_char (end))) ||
              !is_hangul (g_utf8_get_char (hb.after->text)))
            continue;
          /* A syllable is about an em wide; punctuation after it goes with it. */
          hb.room = block->column_x1 - hb.before->x1;
          hb.unit = 1.15f * hb.after->size;
          second = g_utf8_next_char (hb.after->text);
          if (*second != '\0' && g_unichar_ispunct (g_utf8_get_char (second)))
            hb.unit += 0.4f * hb.after->size;
          roomy += hb.room > hb.unit;
          spread += hb.room > 0.3f * hb.after->size;
          g_array_append_val (breaks, hb);
        }
    }
  if (breaks->len == 0)
    return;

  by_syllable = breaks->len >= 3 && roomy * 10 <= breaks->len && spread * 4 >= breaks->len;
  words = inner_words (self);
  count_syllables (self, &stats);
  for (guint i = 0; i < breaks->len; i++)
    {
      HangulBreak *hb = &g_array_index (breaks, HangulBreak, i);
      g_autofree char *left = edge_word (hb->before->text, TRUE);
      g_autofree char *right = edge_word (hb->after->text, FALSE);
      g_autofree char *joined = NULL;
      gboolean known_joined, known_halves, in_word;

      if (left == NULL || right == NULL)
        continue;
      joined = g_strconcat (left, right, NULL);
      known_joined = g_hash_table_contains (words, joined);
      known_halves = g_hash_table_contains (words, left) && g_hash_table_contains (words, right);
      if (known_joined != known_halves)
        in_word = known_joined;
      else if (!by_syllable || hb->room > hb->unit)
        in_word = FALSE;
      else
        {
          /* Set syllable by syllable, a break inside a word leaves less
           * than a syllable of room, one at a space less than a space
           * and a syllable: where the room says nothing, the syllables
           * on either side do. */
          const char *end = hb->before->text + strlen (hb->before->text);
          gunichar last, first = g_utf8_get_char (hb->after->text);

          while (end > hb->before->text && end[-1] == ' ')
            end--;
          last = g_utf8_get_char (g_utf8_prev_char (end));
          in_word = !space_likelier (&stats, last, first, hb->unit / (hb->unit + 0.3 * hb->after->size));
        }
      if (in_word)
        hb->after->flags |= LINE_IN_WORD;
    }
}

/**
 * dossier_pdf_build_paragraphs:
 *
 * Turns the blocks into the document's paragraphs.
 */
void
dossier_pdf_build_paragraphs (PdfImport       *self,
                              DossierDocument *document)
{
  g_autoptr(Para) para = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new ();

  measure_feet (self);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PdfBlock *block = g_ptr_array_index (self->blocks, b);

      if (block->kind == BLOCK_OTHER && is_chart_text (block))
        continue;

      if (is_running (block->kind) && continues (self, para, block, held->len > 0))
        {
          para_append_block (self, para, block);
          continue;
        }

      /* A figure, table or sidebar inside an unfinished paragraph waits. */
      if (!is_running (block->kind) && block->kind != BLOCK_HEADING && para != NULL &&
          is_running (para->block_kind) && !dossier_pdf_ends_sentence (para->text->str) && held->len < 40)
        {
          g_ptr_array_add (held, block);
          continue;
        }

      if (para != NULL)
        emit (self, document, para);
      g_clear_pointer (&para, para_free);
      for (guint h = 0; h < held->len; h++)
        {
          g_autoptr(Para) aside = para_new (g_ptr_array_index (held, h));

          para_append_block (self, aside, g_ptr_array_index (held, h));
          emit (self, document, aside);
        }
      g_ptr_array_set_size (held, 0);

      para = para_new (block);
      para_append_block (self, para, block);
    }

  if (para != NULL)
    emit (self, document, para);
  for (guint h = 0; h < held->len; h++)
    {
      g_autoptr(Para) aside = para_new (g_ptr_array_index (held, h));

      para_append_block (self, aside, g_ptr_array_index (held, h));
      emit (self, document, aside);
    }
}
