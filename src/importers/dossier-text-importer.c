/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-import.h"
#include "dossier-repeats.h"
#include "dossier-text-importer.h"
#include "model/dossier-util.h"

/*
 * The plain-text importer reads articles copied out of think-tank web pages.
 * Such text has no markup, so the structure is recovered from conventions
 * that the genre shares (see docs/import.md for the full list):
 *
 *  - blocks are separated by blank lines, or lines holding only (non-breaking)
 *    spaces; bullets (►, •, -, *) and "[n]" notes start blocks of their own;
 *  - a short first line without a full stop is the title, a second one the
 *    subtitle; a "By …" line names authors, a lone date is the publication date;
 *  - bullets at the top, or paragraphs that the page repeats at the start of
 *    the body, are the key points (kept once, not twice);
 *  - a block starting with an editorial bracket ("[G]iven …"), or one repeated
 *    verbatim inside a longer paragraph, is a pull quote;
 *  - "[n]" markers in the body become footnote references, "[n] text" blocks
 *    at the end (optionally under "Notes") the footnotes;
 *  - everything after an "Author(s)" / "About the Author" heading is the
 *    author section, whose bios open "NAME is a POSITION at AFFILIATION";
 *  - lines starting with "> " are a block quotation (as in e-mail and
 *    Markdown), a closing "> — Name" line its attribution.
 */

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_BULLET,
  BLOCK_FOOTNOTE,
  BLOCK_AUTHOR_HEADING,
  BLOCK_NOTES_HEADING,
  BLOCK_KEY_POINTS_HEADING,
  BLOCK_QUOTE,
} BlockKind;

typedef enum {
  ROLE_NONE,
  ROLE_TITLE,
  ROLE_SUBTITLE,
  ROLE_META,
  ROLE_KEY_POINT,
  ROLE_PULL_QUOTE,
  ROLE_BODY,
  ROLE_FOOTNOTE,
  ROLE_AUTHORS,
} BlockRole;

typedef struct {
  char *text;
  BlockKind kind;
  BlockRole role;
  guint note_number;
  char *folded;  /* lower-cased, brackets and quotes removed, for comparisons */
  char *attribution;  /* of a BLOCK_QUOTE, or NULL */
} Block;

typedef struct {
  GPtrArray *blocks;
  DossierDocument *document;
  GRegex *footnote_line;
  GRegex *numbered_note;
  GRegex *marker;
  GRegex *bio_subject;
  GRegex *author_heading;
  GRegex *notes_heading;
  GRegex *key_points_heading;
} Importer;

/* Summaries stand at the top; only this many lead blocks are compared
 * with the body when looking for repeated summary paragraphs. */
#define MAX_LEAD_BLOCKS 12

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->folded);
  g_free (block->attribution);
  g_free (block);
}

static gboolean
is_space_char (gunichar c)
{
  /* NBSP, figure, narrow and thin spaces come with pasted web text. */
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         c == 0x2009 || c == 0x200A || c == 0x3000;
}

static gboolean
is_invisible_char (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D || c == 0x00AD;
}

/* Collapses all kinds of space to single ASCII spaces and trims. */
static char *
clean_line (const char *line)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_char (c))
        continue;

      if (is_space_char (c) || (c < 0x20))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static const char *
strip_bullet (const char *line)
{
  static const char * const glyphs[] = { "►", "•", "▪", "◦", "‣", "●", "■", "◆", "➢", "✓", "→", NULL };
  static const char * const ascii[] = { "- ", "* ", "– ", "— ", "· ", NULL };

  for (guint i = 0; glyphs[i] != NULL; i++)
    if (g_str_has_prefix (line, glyphs[i]))
      return line + strlen (glyphs[i]) + (line[strlen (glyphs[i])] == ' ' ? 1 : 0);

  for (guint i = 0; ascii[i] != NULL; i++)
    if (g_str_has_prefix (line, ascii[i]))
      return line + strlen (ascii[i]);

  return NULL;
}

static char *
fold_text (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[' || c == ']' || c == '"' || c == 0x201C || c == 0x201D || c == 0x2026)
        continue;
      if (c == 0x2018 || c == 0x2019)
        c = '\'';
      g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static Block *
block_new (const char *text,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->text = g_strdup (text);
  block->kind = kind;
  return block;
}

static void
flush (GPtrArray  *blocks,
       GString    *current,
       BlockKind  *kind)
{
  if (current->len > 0)
    g_ptr_array_add (blocks, block_new (current->str, *kind));

  g_string_truncate (current, 0);
  *kind = BLOCK_PARAGRAPH;
}

static guint count_words (const char *text);

/* The quoted text of a "> …" line (maybe empty), or NULL for other lines. */
static const char *
strip_quote_mark (const char *line)
{
  if (line[0] != '>')
    return NULL;
  if (line[1] == '\0')
    return line + 1;
  return line[1] == ' ' ? line + 2 : NULL;
}

/* "— Name", "– Name" or "-- Name": the name, or NULL. */
static const char *
strip_attribution_dash (const char *text)
{
  const char *p = NULL;

  if (g_str_has_prefix (text, "—") || g_str_has_prefix (text, "–") || g_str_has_prefix (text, "―"))
    p = g_utf8_next_char (text);
  else if (g_str_has_prefix (text, "--"))
    p = text + 2;
  if (p == NULL)
    return NULL;
  while (*p == ' ')
    p++;
  return *p != '\0' ? p : NULL;
}

static GPtrArray *
split_blocks (Importer   *self,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) current = g_string_new (NULL);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  BlockKind kind = BLOCK_PARAGRAPH;
  guint quote_start = 0;   /* first block of the quotation being read */

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = clean_line (lines[i]);
      const char *bullet_text;
      const char *quoted;

      if (*line == '\0')
        {
          flush (blocks, current, &kind);
          continue;
        }

      /* "> " lines: one quote paragraph per run of them, a lone ">"
       * separates paragraphs of one quotation. */
      if ((quoted = strip_quote_mark (line)) != NULL)
        {
          const char *name = strip_attribution_dash (quoted);

          if (kind != BLOCK_QUOTE)
            {
              flush (blocks, current, &kind);
              kind = BLOCK_QUOTE;
              quote_start = blocks->len;
            }
          if (*quoted == '\0' || (name != NULL && (current->len > 0 || blocks->len > quote_start)))
            {
              flush (blocks, current, &kind);
              kind = BLOCK_QUOTE;
            }
          if (name != NULL && blocks->len > quote_start && count_words (name) <= 25)
            {
              for (guint q = quote_start; q < blocks->len; q++)
                {
                  Block *block = g_ptr_array_index (blocks, q);

                  g_free (block->attribution);
                  block->attribution = g_strdup (name);
                }
              continue;
            }
          if (current->len > 0 && *quoted != '\0')
            g_string_append_c (current, ' ');
          g_string_append (current, quoted);
          continue;
        }
      if (kind == BLOCK_QUOTE)
        flush (blocks, current, &kind);

      if ((bullet_text = strip_bullet (line)) != NULL && *bullet_text != '\0')
        {
          flush (blocks, current, &kind);
          kind = BLOCK_BULLET;
          g_string_append (current, bullet_text);
          continue;
        }

      if (g_regex_match (self->footnote_line, line, 0, NULL))
        {
          flush (blocks, current, &kind);
          kind = BLOCK_FOOTNOTE;
          g_string_append (current, line);
          continue;
        }

      /* Wrapped text: consecutive lines belong to one paragraph. */
      if (current->len > 0)
        g_string_append_c (current, ' ');
      g_string_append (current, line);
    }

  flush (blocks, current, &kind);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      block->folded = fold_text (block->text);

      if (block->kind != BLOCK_PARAGRAPH)
        continue;
      if (g_regex_match (self->author_heading, block->text, 0, NULL))
        block->kind = BLOCK_AUTHOR_HEADING;
      else if (g_regex_match (self->notes_heading, block->text, 0, NULL))
        block->kind = BLOCK_NOTES_HEADING;
      else if (g_regex_match (self->key_points_heading, block->text, 0, NULL))
        block->kind = BLOCK_KEY_POINTS_HEADING;
    }

  return blocks;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);
  const char *last;

  if (len == 0)
    return FALSE;

  /* "…review.[3]": the sentence ends before the footnote marker. */
  while (len > 0 && text[len - 1] == ']')
    {
      const char *open = g_strrstr_len (text, len, "[");
      if (open == NULL)
        break;
      len = open - text;
    }
  if (len == 0)
    return FALSE;

  last = g_utf8_find_prev_char (text, text + len);
  /* A closing quote after the full stop still ends a sentence. */
  if (last != NULL && (g_utf8_get_char (last) == 0x201D || *last == '"') && last > text)
    last = g_utf8_find_prev_char (text, last);

  return last != NULL && (*last == '.' || *last == ';' || *last == ':' || *last == ',');
}

/**
 * dossier_is_name_suffix:
 * "Jr.", "Sr.", "III": what ends a name, with or without its full stop.
 */
gboolean
dossier_is_name_suffix (const char *word)
{
  static const char * const suffixes[] = { "Jr.", "Jr", "Sr.", "Sr", "Jnr.", "Snr.", "II", "III", "IV", NULL };

  return word != NULL && g_strv_contains (suffixes, word);
}

/**
 * dossier_ends_with_name:
 * Does @text end with a name's suffix or initial ("… Hale Jr.", "… John
 * Q.") rather than a sentence's full stop? A byline may.
 */
gboolean
dossier_ends_with_name (const char *text)
{
  const char *space = text != NULL ? strrchr (text, ' ') : NULL;
  const char *word = space != NULL ? space + 1 : text;

  if (word == NULL)
    return FALSE;
  return dossier_is_name_suffix (word) ||
         (strlen (word) == 2 && g_ascii_isupper (word[0]) && word[1] == '.');
}

static gboolean
looks_like_heading_line (Block *block,
                         guint  max_words)
{
  return block->kind == BLOCK_PARAGRAPH &&
         strlen (block->text) <= 300 &&
         count_words (block->text) <= max_words &&
         !ends_sentence (block->text);
}

static Block *
block_at (Importer *self,
          guint     index)
{
  return g_ptr_array_index (self->blocks, index);
}

/* ---- dates ---------------------------------------------------------- */

static int
month_from_name (const char *name)
{
  static const char * const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (strlen (lower) < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (lower, months[i]))
      return i + 1;

  return 0;
}

/**
 * dossier_parse_date:
 * @text: a date as pages print it: "April 12, 2024", "Apr. 12, 2024",
 *   "12 April 2024" or "2024-04-12", optionally after "Published" or "Updated"
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
dossier_parse_date (const char *text)
{
#define DATE_PREFIX "^(?:(?:published|updated|posted|date)\\s*:?\\s*)?(?:\\w+day,?\\s+)?"
  static GRegex *patterns[3];
  g_autoptr(GMatchInfo) match = NULL;

  dossier_regex_once (&patterns[0], DATE_PREFIX "(?<month>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})$",
                      G_REGEX_CASELESS);
  dossier_regex_once (&patterns[1], DATE_PREFIX "(?<day>\\d{1,2})\\s+(?<month>[A-Za-z]{3,9})\\.?,?\\s+(?<year>\\d{4})$",
                      G_REGEX_CASELESS);
  dossier_regex_once (&patterns[2], DATE_PREFIX "(?<year>\\d{4})-(?<nmonth>\\d{2})-(?<day>\\d{2})(?:T[0-9:.+Z-]*)?$",
                      G_REGEX_CASELESS);
#undef DATE_PREFIX

  if (text == NULL || strlen (text) > 64)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *month_name = NULL;
      g_autofree char *month_number = NULL;
      g_autofree char *day = NULL;
      g_autofree char *year = NULL;
      int month;

      g_clear_pointer (&match, g_match_info_free);
      if (!g_regex_match (patterns[i], text, 0, &match))
        continue;

      month_name = g_match_info_fetch_named (match, "month");
      month_number = g_match_info_fetch_named (match, "nmonth");
      day = g_match_info_fetch_named (match, "day");
      year = g_match_info_fetch_named (match, "year");
      month = month_number && *month_number ? atoi (month_number) : month_from_name (month_name);

      if (month >= 1 && month <= 12 &&
          g_date_valid_dmy (atoi (day), month, atoi (year)))
        return g_strdup_printf ("%04d-%02d-%02d", atoi (year), month, atoi (day));
    }

  return NULL;
}

/* ---- title from the file name ---------------------------------------- */

static gboolean
is_minor_word (const char *word)
{
  static const char * const minor[] = {
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to",
    "vs", "with", NULL
  };

  return g_strv_contains (minor, word);
}

/**
 * dossier_title_from_file_name:
 * @name: a file name such as "dangerous-territory.txt"
 *
 * Returns: (transfer full): a title for a document that has none of its own
 *   ("Dangerous Territory")
 */
char *
dossier_title_from_file_name (const char *name)
{
  g_autofree char *base = NULL;
  g_auto(GStrv) words = NULL;
  GString *title = g_string_new (NULL);
  char *dot;

  if (name == NULL || *name == '\0')
    {
      g_string_free (title, TRUE);
      return g_strdup (_("Untitled Document"));
    }

  base = g_path_get_basename (name);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';

  g_strdelimit (base, "-_.+", ' ');
  words = g_strsplit (base, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_make_valid (words[i], -1);

      if (*word == '\0')
        continue;

      if (title->len > 0)
        g_string_append_c (title, ' ');

      if (title->len > 0 && is_minor_word (word))
        g_string_append (title, word);
      else
        {
          gunichar first = g_utf8_get_char (word);
          g_string_append_unichar (title, g_unichar_totitle (first));
          g_string_append (title, g_utf8_next_char (word));
        }
    }

  if (title->len == 0)
    g_string_append (title, _("Untitled Document"));

  return g_string_free (title, FALSE);
}

/* ---- footnote markers ------------------------------------------------ */

/* Removes "[n]" markers, recording where each stood in code points. */
static DossierParagraph *
paragraph_from_text (Importer   *self,
                     const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));
  DossierParagraph *paragraph;
  const char *copied_to = text;

  g_regex_match (self->marker, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *number = g_match_info_fetch (match, 1);
      DossierFootnoteRef ref;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (clean, copied_to, text + start - copied_to);

      /* "talks. [3] Next" should read "talks. Next", not "talks.  Next". */
      if (clean->len > 0 && clean->str[clean->len - 1] == ' ' &&
          (text[end] == ' ' || text[end] == '\0'))
        g_string_truncate (clean, clean->len - 1);

      ref.number = (guint)g_ascii_strtoull (number, NULL, 10);
      ref.offset = g_utf8_strlen (clean->str, clean->len);
      g_array_append_val (refs, ref);

      copied_to = text + end;
      g_match_info_next (match, NULL);
    }
  g_string_append (clean, copied_to);

  paragraph = dossier_paragraph_new (clean->str);
  for (guint i = 0; i < refs->len; i++)
    {
      DossierFootnoteRef *ref = &g_array_index (refs, DossierFootnoteRef, i);
      dossier_paragraph_add_ref (paragraph, ref->number, ref->offset);
    }

  return paragraph;
}

static char *
strip_markers (Importer   *self,
               const char *text)
{
  g_autoptr(DossierParagraph) paragraph = paragraph_from_text (self, text);

  return g_strdup (dossier_paragraph_get_text (paragraph));
}

/* ---- structure ------------------------------------------------------- */

static guint
find_author_section (Importer *self)
{
  for (guint i = self->blocks->len; i > 0; i--)
    if (block_at (self, i - 1)->kind == BLOCK_AUTHOR_HEADING)
      return i - 1;

  return self->blocks->len;
}

/* Marks the notes at the end of the main text and returns where they begin. */
static guint
find_notes (Importer *self,
            guint     end)
{
  guint start = end;

  /* Notes under a "Notes" heading may be numbered "1." instead of "[1]".
   * Nothing there is dropped: unnumbered paragraphs after a note continue
   * it (see add_footnotes()); a heading over no numbered note at all (a
   * bibliography) is text, and so are paragraphs before the first note. */
  for (guint i = end; i > 0; i--)
    {
      Block *block = block_at (self, i - 1);
      guint first = end;

      if (block->kind != BLOCK_NOTES_HEADING)
        continue;

      for (guint j = i; j < end; j++)
        {
          Block *note = block_at (self, j);

          if (note->kind == BLOCK_FOOTNOTE || g_regex_match (self->numbered_note, note->text, 0, NULL))
            {
              note->kind = BLOCK_FOOTNOTE;
              first = MIN (first, j);
            }
        }

      if (first < end)
        start = first == i ? i - 1 : first;
      break;
    }

  /* Otherwise the trailing run of "[n] …" blocks. */
  if (start == end)
    while (start > 0 && block_at (self, start - 1)->kind == BLOCK_FOOTNOTE)
      start--;

  for (guint i = start; i < end; i++)
    block_at (self, i)->role = ROLE_FOOTNOTE;

  return start;
}

/* "By David Smith | June 22, 2022": what follows a separator is a date
 * (kept when the document has none yet) or a section, not a name. */
static void
cut_byline_rest (Importer *self,
                 char     *list)
{
  static const char * const separators[] = { " | ", " • ", " · ", " — ", " – ", NULL };
  g_autoptr(GString) rest = NULL;
  g_auto(GStrv) parts = NULL;
  char *first = NULL;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      char *cut = strstr (list, separators[i]);

      if (cut != NULL && (first == NULL || cut < first))
        first = cut;
    }
  if (first == NULL)
    return;

  rest = g_string_new (first);
  *first = '\0';
  for (guint i = 0; separators[i] != NULL; i++)
    g_string_replace (rest, separators[i], "\n", 0);
  parts = g_strsplit (rest->str, "\n", -1);
  for (guint i = 0; parts[i] != NULL && dossier_document_get_published (self->document) == NULL; i++)
    {
      g_autofree char *date = dossier_parse_date (g_strstrip (parts[i]));

      if (date != NULL)
        dossier_document_set_published (self->document, date);
    }
}

static void
add_byline_authors (Importer   *self,
                    const char *names)
{
  g_autofree char *list = g_strdup (names);
  g_auto(GStrv) parts = NULL;
  char *and;

  cut_byline_rest (self, list);
  while ((and = strstr (list, " and ")) != NULL)
    memcpy (and, " ,   ", 5);
  g_strdelimit (list, "&", ',');

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(DossierAuthor) author = NULL;
      g_autofree char *name = NULL;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;

      /* "Robert Hale, Jr.": the suffix is part of the name before it. */
      if (parts[i + 1] != NULL && dossier_is_name_suffix (g_strstrip (parts[i + 1])))
        {
          name = g_strconcat (parts[i], " ", parts[i + 1], NULL);
          i++;
        }
      author = dossier_author_new (name != NULL ? name : parts[i]);
      dossier_document_add_author (self->document, author);
    }
}

/* Title, subtitle, byline and date at the top; returns the first block after. */
static guint
read_head (Importer *self,
           guint     end)
{
  guint i = 0;

  if (end >= 2 && looks_like_heading_line (block_at (self, 0), 30))
    {
      block_at (self, 0)->role = ROLE_TITLE;
      dossier_document_set_title (self->document, block_at (self, 0)->text);
      i = 1;

      if (i + 1 < end && looks_like_heading_line (block_at (self, i), 40))
        {
          Block *block = block_at (self, i);
          g_autofree char *date = dossier_parse_date (block->text);

          if (date == NULL && !g_str_has_prefix (block->text, "By "))
            {
              block->role = ROLE_SUBTITLE;
              dossier_document_set_subtitle (self->document, block->text);
              i++;
            }
        }
    }

  for (; i < end; i++)
    {
      Block *block = block_at (self, i);
      g_autofree char *date = NULL;

      if (block->kind != BLOCK_PARAGRAPH || count_words (block->text) > 12)
        break;

      if ((date = dossier_parse_date (block->text)) != NULL)
        dossier_document_set_published (self->document, date);
      else if (g_str_has_prefix (block->text, "By ") &&
               (!ends_sentence (block->text) || dossier_ends_with_name (block->text)))
        add_byline_authors (self, block->text + 3);
      else
        break;

      block->role = ROLE_META;
    }

  return i;
}

/* Does @later open with the text of @earlier (@length bytes folded)? Pages
 * repeat their summary paragraphs at the start of the body, sometimes
 * extended by a sentence. */
static gboolean
repeats (Block *earlier,
         gsize  length,
         Block *later)
{
  return earlier->kind != BLOCK_FOOTNOTE && later->kind != BLOCK_FOOTNOTE &&
         strncmp (later->folded, earlier->folded, length) == 0;
}

static gboolean
has_editorial_bracket (const char *text)
{
  /* "[G]iven …" or "“[T]he …": a quotation whose first letter was altered. */
  if (g_str_has_prefix (text, "“"))
    text += strlen ("“");
  else if (*text == '"')
    text++;

  return text[0] == '[' && g_ascii_isalpha (text[1]) && text[2] == ']';
}

static void
read_lead (Importer *self,
           guint     start,
           guint     end)
{
  guint body_start = start;
  guint lead_limit = MIN (end, start + MAX_LEAD_BLOCKS);
  gboolean repeated = FALSE;
  gssize lengths[MAX_LEAD_BLOCKS];

  /* Measured once: a long lead block must not cost its length again for
   * every later block. Blocks under six words are never repeats (-1). */
  for (guint k = start; k < lead_limit; k++)
    lengths[k - start] = count_words (block_at (self, k)->text) >= 6 ? (gssize) strlen (block_at (self, k)->folded) : -1;

  /* The first body block that repeats an earlier lead block ends the lead. */
  for (guint j = start + 1; j < end && !repeated; j++)
    for (guint k = start; k < MIN (j, lead_limit); k++)
      if (lengths[k - start] >= 0 && repeats (block_at (self, k), lengths[k - start], block_at (self, j)))
        {
          body_start = j;
          repeated = TRUE;
          break;
        }

  if (repeated)
    {
      for (guint i = start; i < body_start; i++)
        {
          Block *block = block_at (self, i);

          if (block->kind == BLOCK_KEY_POINTS_HEADING)
            block->role = ROLE_META;
          else if (has_editorial_bracket (block->text))
            block->role = ROLE_PULL_QUOTE;
          else
            block->role = ROLE_KEY_POINT;
        }
      return;
    }

  /* Without repetition, the key points are the bullets at the top. */
  for (guint i = start; i < end; i++)
    {
      Block *block = block_at (self, i);

      if (block->kind == BLOCK_KEY_POINTS_HEADING && i == start)
        block->role = ROLE_META;
      else if (block->kind == BLOCK_BULLET)
        block->role = ROLE_KEY_POINT;
      else
        break;
    }
}

static void
find_pull_quotes (Importer *self,
                  guint     start,
                  guint     end)
{
  g_autoptr(DossierRepeats) repeats = dossier_repeats_new ();
  g_autoptr(GArray) excerpt_of = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = start; i < end; i++)
    {
      Block *block = block_at (self, i);
      guint excerpt = G_MAXUINT;

      /* A "> " quotation is what its writer marked it to be, brackets and all. */
      if (block->role == ROLE_NONE && block->kind != BLOCK_FOOTNOTE && block->kind != BLOCK_QUOTE)
        {
          if (has_editorial_bracket (block->text))
            block->role = ROLE_PULL_QUOTE;
          else if (count_words (block->text) >= 6 && count_words (block->text) <= 80)
            excerpt = dossier_repeats_add_excerpt (repeats, block->folded);
        }
      g_array_append_val (excerpt_of, excerpt);
    }

  /* An excerpt printed again, verbatim, inside a longer paragraph (time
   * linear in the text, however many paragraphs there are). */
  for (guint j = start; j < end; j++)
    if (block_at (self, j)->role != ROLE_KEY_POINT)
      dossier_repeats_scan (repeats, block_at (self, j)->folded);

  for (guint i = start; i < end; i++)
    {
      guint excerpt = g_array_index (excerpt_of, guint, i - start);

      if (excerpt != G_MAXUINT && dossier_repeats_is_repeated (repeats, excerpt))
        block_at (self, i)->role = ROLE_PULL_QUOTE;
    }
}

static void
add_body (Importer *self,
          guint     start,
          guint     end)
{
  for (guint i = start; i < end; i++)
    {
      Block *block = block_at (self, i);
      g_autoptr(DossierParagraph) paragraph = NULL;

      if (block->role != ROLE_NONE)
        continue;

      block->role = ROLE_BODY;
      paragraph = paragraph_from_text (self, block->text);

      /* A short line without a full stop between paragraphs is a heading. */
      if (block->kind == BLOCK_QUOTE)
        {
          dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_QUOTE);
          dossier_paragraph_set_attribution (paragraph, block->attribution);
        }
      else if (i + 1 < end && block->kind != BLOCK_BULLET &&
               looks_like_heading_line (block, 12) &&
               (g_unichar_isupper (g_utf8_get_char (block->text)) ||
                /* "what the vote changes": a sub-heading in lower case, between a
                 * paragraph that ended its sentence and one that starts anew */
                (i > 0 && ends_sentence (block_at (self, i - 1)->text) &&
                 block_at (self, i - 1)->kind == BLOCK_PARAGRAPH &&
                 block_at (self, i + 1)->kind == BLOCK_PARAGRAPH &&
                 g_unichar_isupper (g_utf8_get_char (block_at (self, i + 1)->text)) &&
                 g_unichar_islower (g_utf8_get_char (block->text)))))
        dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_HEADING);

      dossier_document_add_paragraph (self->document, paragraph);
    }
}

static void
collect_role (Importer  *self,
              BlockRole  role,
              GPtrArray *into)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);

      if (block->role == role)
        g_ptr_array_add (into, strip_markers (self, block->text));
    }
  g_ptr_array_add (into, NULL);
}

static void
add_note (Importer   *self,
          guint       number,
          GString   **text)
{
  g_autoptr(DossierFootnote) note = NULL;

  if (*text == NULL)
    return;
  note = dossier_footnote_new (number, (*text)->str);
  dossier_document_add_footnote (self->document, note);
  g_string_free (g_steal_pointer (text), TRUE);
}

static void
add_footnotes (Importer *self)
{
  g_autoptr(GString) text = NULL;   /* of the note being read */
  guint number = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);
      g_autoptr(GMatchInfo) match = NULL;

      if (block->role != ROLE_FOOTNOTE || block->kind == BLOCK_NOTES_HEADING)
        continue;

      if (block->kind == BLOCK_FOOTNOTE && !g_regex_match (self->footnote_line, block->text, 0, &match))
        {
          g_clear_pointer (&match, g_match_info_free);
          g_regex_match (self->numbered_note, block->text, 0, &match);
        }

      if (block->kind == BLOCK_FOOTNOTE && g_match_info_matches (match))
        {
          g_autofree char *digits = g_match_info_fetch (match, 1);
          g_autofree char *first = g_match_info_fetch (match, 2);

          add_note (self, number, &text);
          number = (guint)g_ascii_strtoull (digits, NULL, 10);
          text = g_string_new (first);
        }
      else if (text != NULL)
        {
          /* A note running over several paragraphs. */
          g_string_append_c (text, ' ');
          g_string_append (text, block->text);
        }
    }
  add_note (self, number, &text);
}

/* ---- authors --------------------------------------------------------- */

static gboolean
is_abbreviation (const char *word_start,
                 const char *dot)
{
  static const char * const abbreviations[] = {
    "U.S", "U.K", "U.N", "E.U", "Jr", "Sr", "Dr", "Mr", "Ms", "Mrs", "St", "Inc", "Ltd", "Co",
    "No", "Gen", "Col", "Lt", "Amb", "Rep", "Sen", "Gov", "Prof", "Ph.D", "B.A", "M.A", "A.M",
    "Lt.Gen", "Adm", "Capt", "Maj", "Mt", "vs", NULL
  };
  g_autofree char *word = g_strndup (word_start, dot - word_start);

  if (g_utf8_strlen (word, -1) == 1)
    return TRUE;  /* an initial, "Jessica J. Lee" */

  return g_strv_contains (abbreviations, word);
}

/* Returns the length of the first sentence of @text. */
static gsize
first_sentence_length (const char *text)
{
  const char *word_start = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        word_start = p + 1;
      else if (*p == '.' && (p[1] == ' ' || p[1] == '\0') && !is_abbreviation (word_start, p))
        return p - text;
    }

  return strlen (text);
}

static char *
strip_article (const char *text)
{
  static const char * const articles[] = { "the ", "The ", "a ", "an ", NULL };

  for (guint i = 0; articles[i] != NULL; i++)
    if (g_str_has_prefix (text, articles[i]))
      return g_strdup (text + strlen (articles[i]));

  return g_strdup (text);
}

/* "senior research fellow for Northeast Asia at the Heritage Foundation" */
static void
parse_position (DossierAuthor *author,
                const char    *rest)
{
  static const char * const separators[] = { " at ", " with ", " of the ", NULL };
  g_autofree char *sentence = g_strndup (rest, first_sentence_length (rest));
  g_autofree char *described = strip_article (sentence);

  for (guint i = 0; separators[i] != NULL; i++)
    {
      char *sep = strstr (described, separators[i]);
      g_autofree char *affiliation = NULL;
      char *cut;

      if (sep == NULL)
        continue;

      affiliation = strip_article (sep + strlen (separators[i]));
      /* "…at the Quincy Institute, where she…" */
      if ((cut = strstr (affiliation, ", ")) != NULL)
        *cut = '\0';
      if ((cut = strstr (affiliation, "; ")) != NULL)
        *cut = '\0';
      if ((cut = strstr (affiliation, " where ")) != NULL)
        *cut = '\0';

      *sep = '\0';
      g_strstrip (described);
      g_strstrip (affiliation);

      if (*described != '\0' && *affiliation != '\0')
        {
          dossier_author_set_position (author, described);
          dossier_author_set_affiliation (author, affiliation);
        }
      return;
    }

  if (*described != '\0' && count_words (described) <= 12)
    dossier_author_set_position (author, described);
}

static DossierAuthor *
find_author_by_name (DossierDocument *document,
                     const char      *name)
{
  GListModel *authors = dossier_document_get_authors (document);
  const char *last_word = strrchr (name, ' ');

  last_word = last_word ? last_word + 1 : name;

  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      const char *known = dossier_author_get_name (author);

      if (g_strcmp0 (known, name) == 0 ||
          (known != NULL && g_str_has_suffix (known, last_word) &&
           dossier_author_get_bio (author) == NULL))
        return author;
    }

  return NULL;
}

static void
append_bio (DossierAuthor *author,
            const char    *text)
{
  const char *bio = dossier_author_get_bio (author);
  g_autofree char *joined = bio ? g_strconcat (bio, "\n\n", text, NULL) : g_strdup (text);

  dossier_author_set_bio (author, joined);
}

static gboolean
is_name_line (Block *block)
{
  guint words = count_words (block->text);

  return words >= 2 && words <= 5 && looks_like_heading_line (block, 5) &&
         g_unichar_isupper (g_utf8_get_char (block->text));
}

static void
read_authors (Importer *self,
              guint     start)
{
  DossierAuthor *current = NULL;

  for (guint i = start + 1; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);
      g_autoptr(GMatchInfo) match = NULL;

      block->role = ROLE_AUTHORS;

      if (g_regex_match (self->bio_subject, block->text, 0, &match))
        {
          g_autofree char *name = g_match_info_fetch_named (match, "name");
          g_autofree char *rest = g_match_info_fetch_named (match, "rest");
          gboolean continues = current != NULL && dossier_author_get_position (current) == NULL;

          if (!continues)
            {
              DossierAuthor *known = find_author_by_name (self->document, name);

              if (known == NULL)
                {
                  g_autoptr(DossierAuthor) author = dossier_author_new (name);
                  dossier_document_add_author (self->document, author);
                  known = author;
                }
              current = known;
              dossier_author_set_name (current, name);
            }

          if (dossier_author_get_position (current) == NULL)
            parse_position (current, rest);
          append_bio (current, block->text);
        }
      else if (is_name_line (block))
        {
          g_autoptr(DossierAuthor) author = dossier_author_new (block->text);

          dossier_document_add_author (self->document, author);
          current = author;
        }
      else if (current != NULL)
        {
          /* "He is a …", "She holds a …": the same person's bio goes on. */
          if (dossier_author_get_position (current) == NULL)
            {
              const char *is = strstr (block->text, " is ");
              if (is != NULL && is - block->text < 40)
                parse_position (current, is + 4);
            }
          append_bio (current, block->text);
        }
    }
}

/* ---- entry point ----------------------------------------------------- */

static void
importer_clear (Importer *self)
{
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->footnote_line, g_regex_unref);
  g_clear_pointer (&self->numbered_note, g_regex_unref);
  g_clear_pointer (&self->marker, g_regex_unref);
  g_clear_pointer (&self->bio_subject, g_regex_unref);
  g_clear_pointer (&self->author_heading, g_regex_unref);
  g_clear_pointer (&self->notes_heading, g_regex_unref);
  g_clear_pointer (&self->key_points_heading, g_regex_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

static void
importer_init (Importer *self)
{
  /* A person's name: capitalised words and initials, or a Hangul name. */
  const char *name =
    "(?<name>(?:\\p{Lu}[\\p{L}'’-]*\\.?)(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?|de|van|von|der|da|al|bin|la|le)){1,5}"
    "|\\p{Hangul}{2,5}(?:\\s\\p{Hangul}{1,4})?)";
  g_autofree char *bio = g_strconcat ("^", name, ",?\\s+(?:is|was|serves as|has been)\\s+(?<rest>.+)$", NULL);

  memset (self, 0, sizeof *self);
  self->footnote_line = g_regex_new ("^\\[(\\d{1,4})\\]\\s*(\\S.*)$", G_REGEX_DOTALL, 0, NULL);
  self->numbered_note = g_regex_new ("^(\\d{1,4})[.)]\\s+(\\S.*)$", G_REGEX_DOTALL, 0, NULL);
  self->marker = g_regex_new ("\\[(\\d{1,4})\\]", 0, 0, NULL);
  self->bio_subject = g_regex_new (bio, G_REGEX_DOTALL, 0, NULL);
  self->author_heading = g_regex_new ("^(?:about\\s+)?(?:the\\s+)?authors?(?:\\(s\\))?\\s*:?$|^contributors?:?$",
                                      G_REGEX_CASELESS, 0, NULL);
  self->notes_heading = g_regex_new ("^(?:end\\s*notes|foot\\s*notes|notes|references|sources|citations)\\s*:?$",
                                     G_REGEX_CASELESS, 0, NULL);
  self->key_points_heading = g_regex_new ("^(?:key\\s+(?:points|takeaways|findings|judgments)|takeaways|highlights|"
                                          "summary|executive\\s+summary|in\\s+brief|at\\s+a\\s+glance)\\s*:?$",
                                          G_REGEX_CASELESS, 0, NULL);
  self->document = dossier_document_new ();
}

/**
 * dossier_text_importer_read_bios:
 * @document: the document to add authors to
 * @paragraphs: the paragraphs of an author section, without its heading
 *
 * Reads author bios ("NAME is a POSITION at AFFILIATION …") with the same
 * rules as the author section of a text article, so that other importers
 * (web pages) understand bios the same way. Authors already in @document
 * are completed rather than repeated.
 */
void
dossier_text_importer_read_bios (DossierDocument    *document,
                                 const char * const *paragraphs)
{
  g_auto(Importer) self = { 0 };

  g_return_if_fail (DOSSIER_IS_DOCUMENT (document));
  g_return_if_fail (paragraphs != NULL);

  importer_init (&self);
  g_set_object (&self.document, document);
  self.blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (self.blocks, block_new ("", BLOCK_AUTHOR_HEADING));
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *line = clean_line (paragraphs[i]);
      Block *block;

      if (*line == '\0')
        continue;
      block = block_new (line, BLOCK_PARAGRAPH);
      block->folded = fold_text (line);
      g_ptr_array_add (self.blocks, block);
    }

  read_authors (&self, 0);
}

/**
 * dossier_text_importer_import:
 * @text: the article as UTF-8 text with LF line endings
 * @name_hint: (nullable): the file name, for a title when the text has none
 *
 * Returns: (transfer full): the document, or %NULL with @error set when the
 *   text holds no article at all
 */
/* ---- other note markers ------------------------------------------------- */

static const char * const superscript_digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", NULL };

static guint
roman_value (const char *text)
{
  guint total = 0, previous = 0;

  for (const char *p = text + strlen (text); p > text; )
    {
      guint value;

      switch (g_ascii_tolower (*--p))
        {
        case 'i': value = 1; break;
        case 'v': value = 5; break;
        case 'x': value = 10; break;
        case 'l': value = 50; break;
        case 'c': value = 100; break;
        default: return 0;
        }
      total = value < previous ? total - MIN (total, value) : total + value;
      previous = MAX (previous, value);
    }

  return total <= 4999 ? total : 0;
}

static gboolean
roman_to_marker (const GMatchInfo *match,
                 GString          *out,
                 gpointer          data)
{
  g_autofree char *all = g_match_info_fetch (match, 0);
  g_autofree char *numeral = g_match_info_fetch (match, 1);
  guint value = roman_value (numeral);

  if (value > 0)
    g_string_append_printf (out, "[%u]", value);
  else
    g_string_append (out, all);
  return FALSE;
}

static guint
superscript_value (const char *digits)
{
  guint value = 0;

  for (const char *p = digits; *p != '\0'; p = g_utf8_next_char (p))
    for (guint d = 0; superscript_digits[d] != NULL; d++)
      if (g_str_has_prefix (p, superscript_digits[d]))
        value = MIN (value * 10 + d, 100000);

  return value;
}

/* "³ Treaty text, art. 4": a note line's own number, then its text. */
static gboolean
superscript_line_to_marker (const GMatchInfo *match,
                            GString          *out,
                            gpointer          data)
{
  g_autofree char *lead = g_match_info_fetch (match, 1);
  g_autofree char *digits = g_match_info_fetch (match, 2);

  g_string_append_printf (out, "%s[%u] ", lead, superscript_value (digits));
  return FALSE;
}

static gboolean
superscript_to_marker (const GMatchInfo *match,
                       GString          *out,
                       gpointer          data)
{
  g_autofree char *digits = g_match_info_fetch (match, 1);

  g_string_append_printf (out, "[%u]", superscript_value (digits));
  return FALSE;
}

/* "[iv]" markers with a "Notes" list of "[iv] …" lines, and superscript
 * digits ("…the treaty.³") with an "Endnotes" list of "³ …" lines, are
 * written as "[4]" and "[3]", the markers the rest of the importer reads.
 * Only with such a list: "[i]n" (an editorial bracket) never, and a
 * superscript in a document without notes ("m²") stays. Returns NULL when
 * nothing changes. */
static char *
number_note_markers (const char *text)
{
  static GRegex *heading, *roman_note, *roman, *sup_note, *sup_line, *sup;
  g_autofree char *rewritten = NULL;

  dossier_regex_once (&heading, "^[ \\t]*(?:end\\s*notes|foot\\s*notes|notes|references|sources)[ \\t]*:?[ \\t]*$",
                                G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE);
  dossier_regex_once (&roman_note, "^[ \\t]*\\[[ivxlc]{1,7}\\][ \\t]+\\S",
                                   G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE);
  dossier_regex_once (&roman, "\\[([ivxlc]{1,7})\\](?![A-Za-z])", G_REGEX_CASELESS | G_REGEX_OPTIMIZE);
  dossier_regex_once (&sup_note, "^[ \\t]*[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}[ \\t]*\\S", G_REGEX_MULTILINE | G_REGEX_OPTIMIZE);
  dossier_regex_once (&sup_line, "^([ \\t]*)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})[ \\t]*", G_REGEX_MULTILINE | G_REGEX_OPTIMIZE);
  dossier_regex_once (&sup, "([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})", G_REGEX_OPTIMIZE);

  if (!g_regex_match (heading, text, 0, NULL))
    return NULL;

  if (g_regex_match (roman_note, text, 0, NULL))
    rewritten = g_regex_replace_eval (roman, text, -1, 0, 0, roman_to_marker, NULL, NULL);

  if (g_regex_match (sup_note, rewritten != NULL ? rewritten : text, 0, NULL))
    {
      g_autofree char *lines = g_regex_replace_eval (sup_line, rewritten != NULL ? rewritten : text, -1, 0, 0,
                                                     superscript_line_to_marker, NULL, NULL);
      g_free (rewritten);
      rewritten = lines != NULL ? g_regex_replace_eval (sup, lines, -1, 0, 0, superscript_to_marker, NULL, NULL) : NULL;
    }

  return g_steal_pointer (&rewritten);
}

DossierDocument *
dossier_text_importer_import (const char  *text,
                              const char  *name_hint,
                              GError     **error)
{
  g_auto(Importer) self = { 0 };
  g_autoptr(GPtrArray) key_points = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pull_quotes = g_ptr_array_new_with_free_func (g_free);
  guint authors_start, notes_start, lead_start;
  g_autofree char *numbered = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  importer_init (&self);
  numbered = number_note_markers (text);
  self.blocks = split_blocks (&self, numbered != NULL ? numbered : text);

  if (self.blocks->len == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The file holds no text"));
      return NULL;
    }

  authors_start = find_author_section (&self);
  notes_start = find_notes (&self, authors_start);
  lead_start = read_head (&self, notes_start);
  read_lead (&self, lead_start, notes_start);
  find_pull_quotes (&self, lead_start, notes_start);
  add_body (&self, lead_start, notes_start);
  add_footnotes (&self);
  if (authors_start < self.blocks->len)
    {
      block_at (&self, authors_start)->role = ROLE_META;
      read_authors (&self, authors_start);
    }

  collect_role (&self, ROLE_KEY_POINT, key_points);
  collect_role (&self, ROLE_PULL_QUOTE, pull_quotes);
  dossier_document_set_key_points (self.document, (const char * const *)key_points->pdata);
  dossier_document_set_pull_quotes (self.document, (const char * const *)pull_quotes->pdata);

  if (dossier_document_get_title (self.document) == NULL)
    {
      g_autofree char *title = dossier_title_from_file_name (name_hint);
      dossier_document_set_title (self.document, title);
    }

  if (g_list_model_get_n_items (dossier_document_get_paragraphs (self.document)) == 0 &&
      key_points->len <= 1)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The file holds no article text"));
      return NULL;
    }

  return g_steal_pointer (&self.document);
}
