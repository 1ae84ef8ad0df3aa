/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-pdf-private.h"
#include "model/dossier-util.h"

/*
 * What on a page is not text, and how its pages are labelled:
 *
 * - furniture: running heads and feet, page numbers ("12", "Page 3 of 9",
 *   "- 4 -", "3/9"), the date and address a browser prints around the
 *   page, repeated cover pages and contents pages are not text; a
 *   sentence that recurs in the text where heads stand is;
 * - page labels: the numbers a document prints, when they differ from
 *   the pages' order (a cover and a preface before page 1).
 */

/* ---- furniture ------------------------------------------------------ */

static gboolean
is_roman (const char *text)
{
  gsize n = strlen (text);

  if (n == 0 || n > 8)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (strchr ("ivxlcdm", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* "12", "Page 12", "Page 12 of 40", "12 of 40", "12/40", "- 12 -", "xii",
 * "40쪽 중 12쪽" (of 40 pages, the 12th): returns the page number printed
 * (-1 for a roman numeral, -2 when not a page number at all). */
static int
page_number_of (const char *text)
{
  static GRegex *patterns = NULL;
  static GRegex *korean_of = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *lower = NULL;

  dossier_regex_once (&korean_of, "^(?:총|전체)?\\s*\\d{1,5}\\s*(?:쪽|페이지)\\s*중\\s*(\\d{1,5})\\s*(?:쪽|페이지)?$",
                      G_REGEX_OPTIMIZE);
  if (strlen (text) <= 40 && g_regex_match (korean_of, text, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      return atoi (number);
    }
  g_clear_pointer (&match, g_match_info_unref);

  dossier_regex_once (&patterns, "^(?:page|p\\.|pg\\.|페이지|쪽)?\\s*[-–—]?\\s*(\\d{1,5})\\s*[-–—]?\\s*"
                                 "(?:(?:of|/|\\||de|von)\\s*\\d{1,5}|쪽)?$",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  if (strlen (text) > 40)
    return -2;
  if (g_regex_match (patterns, text, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      return atoi (number);
    }

  lower = g_ascii_strdown (text, -1);
  g_strstrip (lower);
  if (g_str_has_prefix (lower, "page "))
    memmove (lower, lower + 5, strlen (lower + 5) + 1);
  return is_roman (lower) ? -1 : -2;
}

/* A line a browser prints around a page: the date and time of printing
 * ("4/12/24, 3:05 PM", "12/04/2024 15:05"), a file or web address. */
static gboolean
is_print_stamp (const char *text)
{
  static GRegex *date_time = NULL;

  dossier_regex_once (&date_time, "^\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4},?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[AaPp]\\.?[Mm]\\.?)?$"
                                  "|^\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[AaPp][Mm])?,?\\s+\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}$"
                                  "|^\\d{4}\\.\\s*\\d{1,2}\\.\\s*\\d{1,2}\\.\\s*(?:오전|오후)\\s*\\d{1,2}:\\d{2}$",
                                  G_REGEX_OPTIMIZE);

  if (strchr (text, ' ') == NULL &&
      (g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
       g_str_has_prefix (text, "file://") || g_str_has_prefix (text, "about:")))
    return TRUE;

  return g_regex_match (date_time, text, 0, NULL);
}

/* Digits stand for any number, so "Page 3 of 9" and "Page 4 of 9", or a
 * title with its page number, repeat. */
static char *
furniture_key (const char *text)
{
  GString *key = g_string_new (NULL);
  gboolean in_number = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!in_number)
            g_string_append_c (key, '#');
          in_number = TRUE;
          continue;
        }
      in_number = FALSE;
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

/* Where a line of text stands again and again, at one height. */
typedef struct {
  guint pages;               /* distinct pages it is on */
  guint last_page;
  float y0, y1;              /* where it first was */
  gboolean head;             /* above the text (else below it) */
  gboolean look_apart;       /* not in the running text's size */
  /* A running head's number is the same on every page ("2024") or runs
   * with the pages ("Page 3 of 9"); a heading or a paragraph that merely
   * looks alike ("Section 1", "Section 3") has numbers that do neither. */
  gint64 first_number;
  guint first_page;
  gboolean constant, with_pages;
  /* Pages where running text stands at its height instead. */
  guint text_pages;
} Repeat;

/* The places a line of one text (numbers aside) stands at. */
typedef struct {
  GPtrArray *places;         /* Repeat* */
  guint last_head_page, last_foot_page;
  gboolean head_and_foot;    /* above and below the text of one page */
  gint64 number;             /* the first number of the first, -1 if none */
  gboolean numbers_agree;    /* every one has that number (paragraphs differ) */
} Repeats;

static void
repeats_free (gpointer data)
{
  Repeats *repeats = data;

  g_ptr_array_unref (repeats->places);
  g_free (repeats);
}

/* The first number in @text, or -1. */
static gint64
first_number (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return g_ascii_strtoll (p, NULL, 10) % 100000000;
  return -1;
}

/* The band above and below the text where heads and feet stand. */
static gboolean
in_edge_band (PdfPage *page,
              PdfLine *line)
{
  return line->y1 < page->height * 0.14f || line->y0 > page->height * 0.86f;
}

/* The number standing alone at either end of a running head or foot:
 * "12 | Closing the Gap", "Closing the Gap 12". */
static int
number_at_edge (const char *text)
{
  const char *p = text;
  const char *end = text + strlen (text);
  const char *q = end;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p > text && p - text <= 5 && (p == end || *p == ' '))
    return atoi (text);

  while (q > text && g_ascii_isdigit (q[-1]))
    q--;
  if (q < end && end - q <= 5 && q > text && q[-1] == ' ')
    return atoi (q);

  return -1;
}

static void
mark_contents_pages (PdfImport *self)
{
  static GRegex *entry = NULL;
  gboolean in_contents = FALSE;

  /* "Introduction ........ 3", "2.1 Background 14", "Annex A  iv" */
  dossier_regex_once (&entry, "(?:\\.{3,}|…|\\s)\\s*(?:\\d{1,4}|[ivxlc]{1,6})$", G_REGEX_OPTIMIZE);

  /* Contents pages stand near the front; a book-length report may have
   * several. */
  for (guint p = 0; p < self->pages->len && p < 12; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      guint n = 0, entries = 0;
      gboolean heading = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          g_autofree char *lower = NULL;

          if (line->flags & (LINE_DROP | LINE_FURNITURE))
            continue;
          n++;
          lower = g_utf8_strdown (line->text, -1);
          g_strstrip (lower);
          if (g_str_equal (lower, "contents") || g_str_equal (lower, "table of contents") ||
              g_str_equal (lower, "목차") || g_str_equal (lower, "차례") || g_str_equal (lower, "in this report"))
            heading = TRUE;
          else if (g_regex_match (entry, line->text, 0, NULL))
            entries++;
        }

      if (n >= 3 && entries * 10 >= n * 6 && (heading || in_contents))
        {
          in_contents = TRUE;
          for (guint i = 0; i < page->lines->len; i++)
            ((PdfLine *) g_ptr_array_index (page->lines, i))->flags |= LINE_DROP;
        }
      else
        in_contents = FALSE;
    }
}

/* A page near the front that repeats an earlier one (a cover, then a
 * title page with the same lines) says nothing new. Its lines are
 * compared whole, numbers too: pages of numbered sections or notes look
 * alike without repeating anything. */
static void
mark_repeated_covers (PdfImport *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < self->pages->len && p < 6; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      guint n = 0, repeated = 0, words = 0;

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          g_autofree char *key = NULL;

          if (line->flags & (LINE_DROP | LINE_FURNITURE))
            continue;
          key = g_utf8_casefold (line->text, -1);
          n++;
          words += 1 + (strchr (line->text, ' ') != NULL);
          if (g_hash_table_contains (seen, key))
            repeated++;
        }

      if (p > 0 && n > 0 && repeated * 10 >= n * 8 && n <= 40)
        {
          for (guint i = 0; i < page->lines->len; i++)
            ((PdfLine *) g_ptr_array_index (page->lines, i))->flags |= LINE_DROP;
          continue;
        }

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);

          if (!(line->flags & (LINE_DROP | LINE_FURNITURE)))
            g_hash_table_add (seen, g_utf8_casefold (line->text, -1));
        }
    }
}

/* The line's distance from the edge of the page it stands nearest, in
 * whole points, for counting the pages with text at that height. */
#define EDGE_DEPTHS 512

static guint
edge_depth (PdfPage *page,
            PdfLine *line,
            gboolean head)
{
  float middle = (line->y0 + line->y1) / 2;
  float depth = head ? middle : page->height - middle;

  return (guint) CLAMP (depth, 0, EDGE_DEPTHS - 1);
}

static gboolean
is_head (PdfPage *page,
         PdfLine *line)
{
  return line->y1 < page->height * 0.14f;
}

static Repeat *
find_place (Repeats  *repeats,
            PdfLine  *line,
            gboolean  head)
{
  if (repeats == NULL)
    return NULL;
  for (guint i = 0; i < repeats->places->len; i++)
    {
      Repeat *place = g_ptr_array_index (repeats->places, i);

      if (place->head == head && fabsf (place->y0 - line->y0) < 8)
        return place;
    }
  return NULL;
}

/* Whether the line is a running head or foot for standing at the same
 * height, saying the same, on several pages. A sentence that recurs in
 * the text (a refrain, a label, a quoted line) can fall there too, so the
 * place must be one where running text does not stand on more of the
 * other pages, and on fewer than three pages it must look apart from the
 * text (unless the document has only two). */
static gboolean
is_running_repeat (PdfImport *self,
                   Repeat    *place,
                   PdfLine   *line)
{
  return place != NULL && place->pages >= 2 && self->pages->len >= 2 && strlen (line->text) <= 300 &&
         (place->constant || place->with_pages) && place->pages > place->text_pages &&
         (place->pages >= 3 || self->pages->len <= 2 || place->look_apart);
}

/**
 * dossier_pdf_find_furniture:
 *
 * Marks running heads and feet, page numbers, what a browser prints
 * around a page, repeated covers and contents pages; records the page
 * numbers printed (for page labels) and a web address printed on every
 * page (the page a browser printed).
 */
void
dossier_pdf_find_furniture (PdfImport *self)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, repeats_free);
  g_autofree guint *text_pages = g_new0 (guint, 2 * EDGE_DEPTHS);
  g_autofree guint8 *on_page = g_new0 (guint8, 2 * EDGE_DEPTHS);
  g_autofree char *printed_url = NULL;
  gboolean url_everywhere = TRUE;

  /* Lines in the head and foot bands, by what they say but their numbers,
   * and where they stand. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          g_autofree char *key = NULL;
          gboolean head = is_head (page, line);
          Repeats *seen;
          Repeat *place;

          if ((line->flags & LINE_DROP) || !in_edge_band (page, line))
            continue;
          key = furniture_key (line->text);
          seen = g_hash_table_lookup (repeats, key);
          if (seen == NULL)
            {
              seen = g_new0 (Repeats, 1);
              seen->places = g_ptr_array_new_with_free_func (g_free);
              seen->last_head_page = seen->last_foot_page = G_MAXUINT;
              seen->number = first_number (line->text);
              seen->numbers_agree = TRUE;
              g_hash_table_insert (repeats, g_steal_pointer (&key), seen);
            }
          seen->numbers_agree = seen->numbers_agree && first_number (line->text) == seen->number;
          if (head)
            seen->last_head_page = p;
          else
            seen->last_foot_page = p;
          if (seen->last_head_page == p && seen->last_foot_page == p)
            seen->head_and_foot = TRUE;

          place = find_place (seen, line, head);
          if (place == NULL)
            {
              place = g_new0 (Repeat, 1);
              place->y0 = line->y0;
              place->y1 = line->y1;
              place->head = head;
              place->last_page = G_MAXUINT;
              place->first_number = first_number (line->text);
              place->first_page = p;
              place->constant = place->with_pages = TRUE;
              g_ptr_array_add (seen->places, place);
            }
          else if (place->first_number >= 0)
            {
              gint64 number = first_number (line->text);

              place->constant = place->constant && number == place->first_number;
              place->with_pages = place->with_pages &&
                                  number - place->first_number == (gint64) p - place->first_page;
            }
          if (fabsf (line->size - self->body_size) > 0.1f * self->body_size)
            place->look_apart = TRUE;
          if (place->last_page != p)
            {
              place->pages++;
              place->last_page = p;
            }
        }
    }

  /* On how many pages running text (in its size, said once) stands at
   * each height in the bands. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      memset (on_page, 0, 2 * EDGE_DEPTHS);
      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          gboolean head = is_head (page, line);
          g_autofree char *key = NULL;
          Repeat *place;
          float top, bottom;

          if ((line->flags & LINE_DROP) || !in_edge_band (page, line) ||
              fabsf (line->size - self->body_size) > 0.1f * self->body_size ||
              page_number_of (line->text) >= -1 || is_print_stamp (line->text))
            continue;
          key = furniture_key (line->text);
          place = find_place (g_hash_table_lookup (repeats, key), line, head);
          if (place != NULL && place->pages >= 2)
            continue;
          top = head ? line->y0 : page->height - line->y1;
          bottom = head ? line->y1 : page->height - line->y0;
          for (float d = MAX (top, 0); d <= bottom && d < EDGE_DEPTHS; d++)
            on_page[(head ? 0 : EDGE_DEPTHS) + (guint) d] = 1;
        }
      for (guint d = 0; d < 2 * EDGE_DEPTHS; d++)
        text_pages[d] += on_page[d];
    }

  /* A line standing again and again where the other pages have text. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          gboolean head = is_head (page, line);
          g_autofree char *key = NULL;
          Repeat *place;

          if ((line->flags & LINE_DROP) || !in_edge_band (page, line))
            continue;
          key = furniture_key (line->text);
          place = find_place (g_hash_table_lookup (repeats, key), line, head);
          if (place != NULL && place->pages >= 2)
            place->text_pages = text_pages[(head ? 0 : EDGE_DEPTHS) + edge_depth (page, line, head)];
        }
    }

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      gboolean page_has_url = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          g_autofree char *key = NULL;
          Repeats *seen;
          Repeat *place;
          int number;

          if ((line->flags & LINE_DROP) || !in_edge_band (page, line))
            continue;

          key = furniture_key (line->text);
          seen = g_hash_table_lookup (repeats, key);
          place = find_place (seen, line, is_head (page, line));
          number = page_number_of (line->text);

          if (number >= -1 || is_print_stamp (line->text) || is_running_repeat (self, place, line) ||
              /* a marking printed above and below the text of a page */
              (seen != NULL && seen->head_and_foot && seen->numbers_agree && strlen (line->text) <= 100))
            {
              line->flags |= LINE_FURNITURE;

              if (number >= 0 && page->printed < 0)
                page->printed = number;
              else if (number < -1 && page->printed < 0 && place != NULL && place->pages >= 2)
                page->printed = number_at_edge (line->text);

              if (g_str_has_prefix (line->text, "http://") || g_str_has_prefix (line->text, "https://"))
                {
                  page_has_url = TRUE;
                  if (printed_url == NULL)
                    printed_url = g_strdup (line->text);
                  else if (!g_str_equal (printed_url, line->text))
                    url_everywhere = FALSE;
                }
            }
        }

      if (!page_has_url)
        url_everywhere = FALSE;
    }

  /* A browser prints the page's address on every page. */
  if (printed_url != NULL && url_everywhere && self->source_url == NULL && strlen (printed_url) <= 8192)
    self->source_url = g_steal_pointer (&printed_url);

  mark_contents_pages (self);
  mark_repeated_covers (self);
}

/**
 * dossier_pdf_find_page_labels:
 *
 * The PDF's own page labels win. Without them, page numbers printed in
 * the heads or feet label the pages when they run a steady distance from
 * the pages' order (a cover and a preface before page 1): every page
 * from the first so numbered to the last gets its printed number.
 */
void
dossier_pdf_find_page_labels (PdfImport *self)
{
  g_autoptr(GHashTable) offsets = g_hash_table_new (NULL, NULL);
  int best_offset = 0;
  guint best = 0, first = G_MAXUINT, last = 0;

  for (guint p = 0; p < self->pages->len; p++)
    if (((PdfPage *) g_ptr_array_index (self->pages, p))->label != NULL)
      return;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      int offset;
      guint count;

      if (page->printed < 0)
        continue;
      offset = page->printed - (int) (p + 1);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (offsets, GINT_TO_POINTER (offset))) + 1;
      g_hash_table_insert (offsets, GINT_TO_POINTER (offset), GUINT_TO_POINTER (count));
      if (count > best)
        {
          best = count;
          best_offset = offset;
        }
    }

  if (best < 2 || best_offset == 0)
    return;

  for (guint p = 0; p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      if (page->printed >= 0 && page->printed - (int) (p + 1) == best_offset)
        {
          first = MIN (first, p);
          last = MAX (last, p);
        }
    }

  for (guint p = first; p <= last && p < self->pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);
      int printed = (int) (p + 1) + best_offset;

      if (printed > 0)
        page->label = g_strdup_printf ("%d", printed);
    }
}
