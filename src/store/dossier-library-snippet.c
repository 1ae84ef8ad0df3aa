/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-library-private.h"

/*
 * Search snippets: dossier_snippet(), an FTS5 auxiliary function that
 * makes the snippet of one result from a bounded window around its first
 * matches.
 *
 * FTS5's own highlight() marks every match of the whole column and grows
 * its result by copying it once per match, so it costs the square of the
 * matches in a document: a search that found a document with 100,000
 * short matching paragraphs took 6.3 s, one with a million more than two
 * minutes. snippet() scores every match against every other. This
 * function looks at no more than SNIPPET_MATCHES matches per phrase (read
 * from FTS5's position lists, which are read lazily) and tokenizes the
 * column only as far as the window it shows: what a snippet costs does not
 * depend on how many matches the document has.
 */

#define SNIPPET_WORDS 24      /* tokens shown */
#define SNIPPET_MATCHES 64    /* matches per phrase the window is chosen among */
#define SNIPPET_LEAD 3        /* tokens shown before the first match of a window */

/* Search columns, in the order to look for a match: the body first. The
 * notes (5) are missing from a library older than version 5 read
 * read-only: no match is ever found there. */
static const int column_order[] = { 3, 2, 4, 5, 0, 1 };
#define N_COLUMNS 6

typedef struct {
  int offset;   /* first token */
  int end;      /* token after the last */
} Match;

typedef struct {
  int start;      /* bytes */
  int end;
  int paragraph;  /* lines (paragraphs) before it */
} Token;

typedef struct {
  DossierLibrary *library;
  const char *text;
  int length;
  int wanted;       /* tokens to read; reading stops there */
  int last_end;
  int paragraph;
  GArray *tokens;   /* Token */
} Tokens;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  return (ma->offset > mb->offset) - (ma->offset < mb->offset);
}

static int
token_cb (void       *data,
          int         flags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  Tokens *tokens = data;
  Token t;

  /* Synonyms share their token's position. */
  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  if ((int) tokens->tokens->len >= tokens->wanted)
    return SQLITE_DONE;

  start = CLAMP (start, tokens->last_end, tokens->length);
  end = CLAMP (end, start, tokens->length);
  if (memchr (tokens->text + tokens->last_end, '\n', start - tokens->last_end) != NULL)
    tokens->paragraph++;

  t.start = start;
  t.end = end;
  t.paragraph = tokens->paragraph;
  g_array_append_val (tokens->tokens, t);
  tokens->last_end = end;
  tokens->library->snippet_tokens++;
  return SQLITE_OK;
}

/* The first matches of every phrase in @column, in token order; no more
 * than SNIPPET_MATCHES per phrase, and with @from/@to (token offsets, -1
 * for none) only those that start in that range. */
static GArray *
collect_matches (const Fts5ExtensionApi *api,
                 Fts5Context            *fts,
                 int                     column,
                 int                     from,
                 int                     to)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));
  int n_phrases = api->xPhraseCount (fts);

  for (int phrase = 0; phrase < n_phrases; phrase++)
    {
      Fts5PhraseIter iter;
      int col, offset, size = MAX (api->xPhraseSize (fts, phrase), 1);
      guint n = 0;

      if (api->xPhraseFirst (fts, phrase, &iter, &col, &offset) != SQLITE_OK)
        continue;
      for (; col >= 0; api->xPhraseNext (fts, &iter, &col, &offset))
        {
          Match match = { offset, offset + size };

          if (col < column || (from >= 0 && offset < from))
            continue;
          if (col > column || (to >= 0 && offset >= to) || (to < 0 && n >= SNIPPET_MATCHES))
            break;
          g_array_append_val (matches, match);
          n++;
        }
    }

  g_array_sort (matches, compare_matches);
  return matches;
}

/* The first column, in column_order, that has a match. Position lists are
 * ordered by column; the body's can be long, so a phrase is followed only
 * until it reaches the body. */
static int
find_column (const Fts5ExtensionApi *api,
             Fts5Context            *fts)
{
  gboolean found[N_COLUMNS] = { FALSE, };
  int n_phrases = api->xPhraseCount (fts);

  for (int phrase = 0; phrase < n_phrases; phrase++)
    {
      Fts5PhraseIter iter;
      int col, offset;

      if (api->xPhraseFirst (fts, phrase, &iter, &col, &offset) != SQLITE_OK)
        continue;
      for (; col >= 0; api->xPhraseNext (fts, &iter, &col, &offset))
        {
          if (col < N_COLUMNS)
            found[col] = TRUE;
          if (col >= 3)
            break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (column_order); i++)
    if (found[column_order[i]])
      return column_order[i];
  return -1;
}

/* The opening words of @text, for a result whose matches could not be
 * placed (none at all is marked). */
static char *
dup_opening_words (const char *text,
                   int         length)
{
  int words = 0, i = 0;
  gboolean in_word = FALSE;

  for (; i < length; i++)
    {
      gboolean space = g_ascii_isspace (text[i]);

      if (!space && !in_word && ++words > SNIPPET_WORDS)
        break;
      in_word = !space;
    }
  {
    g_autofree char *head = g_utf8_make_valid (text, i);

    g_strstrip (head);
    for (char *p = head; *p; p++)
      if (*p == '\n')
        *p = ' ';
    return i < length ? g_strconcat (head, "…", NULL) : g_steal_pointer (&head);
  }
}

/* Makes the snippet of @column: the window of SNIPPET_WORDS tokens in the
 * paragraph (line) with the most of the first matches, around the most of
 * them, starting a few tokens before one; matches marked with @mark_start
 * and @mark_end, "…" where text was left out. NULL when the column has no
 * match to place. */
static char *
dup_column_snippet (const Fts5ExtensionApi *api,
                    Fts5Context            *fts,
                    int                     column,
                    const char             *mark_start,
                    const char             *mark_end,
                    int                    *paragraph_out)
{
  g_autoptr(GArray) matches = collect_matches (api, fts, column, -1, -1);
  g_autoptr(GArray) marked = NULL;
  g_autoptr(GArray) token_array = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GString) out = NULL;
  Tokens tokens = { 0, };
  const Token *t;
  int n_tokens, n_candidates, best_paragraph = -1, best_count = 0;
  int p_first = -1, p_end = -1, ws = 0, we = 0, best_window = -1;
  int byte_start, byte_end;
  gboolean paragraph_ends, cut_before, cut_after;
  int rc;

  if (matches->len == 0)
    return NULL;

  /* The window is chosen among the first SNIPPET_MATCHES matches. */
  n_candidates = MIN ((int) matches->len, SNIPPET_MATCHES);

  if (api->xColumnText (fts, column, &tokens.text, &tokens.length) != SQLITE_OK || tokens.text == NULL)
    return NULL;
  tokens.library = api->xUserData (fts);
  tokens.tokens = token_array;
  /* Enough to see the whole of any window and whether its paragraph goes on. */
  tokens.wanted = g_array_index (matches, Match, n_candidates - 1).end + SNIPPET_WORDS + 1;
  rc = api->xTokenize (fts, tokens.text, tokens.length, &tokens, token_cb);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    return NULL;
  n_tokens = token_array->len;
  t = (const Token *) (gpointer) token_array->data;

  /* The paragraph with the most of the first matches. */
  for (int i = 0; i < n_candidates; i++)
    {
      int offset = g_array_index (matches, Match, i).offset;
      int paragraph, count = 0;

      if (offset >= n_tokens)
        break;
      paragraph = t[offset].paragraph;
      if (paragraph == best_paragraph)
        continue;
      for (int j = i; j < n_candidates; j++)
        {
          int o = g_array_index (matches, Match, j).offset;

          if (o < n_tokens && t[o].paragraph == paragraph)
            count++;
        }
      if (count > best_count)
        {
          best_count = count;
          best_paragraph = paragraph;
        }
    }
  if (best_paragraph < 0)
    return NULL;
  *paragraph_out = best_paragraph;

  /* Its tokens, as far as they were read. */
  for (int i = 0; i < n_tokens; i++)
    if (t[i].paragraph == best_paragraph)
      {
        if (p_first < 0)
          p_first = i;
        p_end = i + 1;
      }
  /* It ends in what was read when a later token belongs to another
   * paragraph, or the whole text was read. */
  paragraph_ends = p_end < n_tokens || n_tokens < tokens.wanted;

  /* In it, the window with the most matches. */
  for (int i = 0; i < n_candidates; i++)
    {
      int offset = g_array_index (matches, Match, i).offset;
      int start, end, count = 0;

      if (offset < p_first || offset >= p_end)
        continue;
      start = MAX (offset - SNIPPET_LEAD, p_first);
      end = MIN (start + SNIPPET_WORDS, p_end);
      start = MAX (p_first, end - SNIPPET_WORDS);
      for (int j = 0; j < n_candidates; j++)
        {
          int o = g_array_index (matches, Match, j).offset;

          if (o >= start && o < end)
            count++;
        }
      if (count > best_window)
        {
          best_window = count;
          ws = start;
          we = end;
        }
    }

  /* The text of the window, from the start of its paragraph or of the
   * word its first token is in, to the end of its paragraph or word. */
  cut_before = ws > p_first;
  cut_after = !(we == p_end && paragraph_ends);
  {
    int floor = ws > 0 ? t[ws - 1].end : 0;
    int ceiling = we < n_tokens ? t[we].start : tokens.length;

    byte_start = t[ws].start;
    while (byte_start > floor && tokens.text[byte_start - 1] != '\n' &&
           (!cut_before || !g_ascii_isspace (tokens.text[byte_start - 1])))
      byte_start--;
    byte_end = t[we - 1].end;
    while (byte_end < ceiling && tokens.text[byte_end] != '\n' &&
           (!cut_after || !g_ascii_isspace (tokens.text[byte_end])))
      byte_end++;
    /* A paragraph's trailing spaces are not text. */
    while (byte_end > t[we - 1].end && g_ascii_isspace (tokens.text[byte_end - 1]))
      byte_end--;
    while (byte_start < t[ws].start && g_ascii_isspace (tokens.text[byte_start]))
      byte_start++;
  }

  /* Every match in the window, not only the first ones; there are few. */
  marked = collect_matches (api, fts, column, MAX (0, ws - SNIPPET_WORDS), we);

  out = g_string_new (cut_before ? "…" : NULL);
  {
    int pos = byte_start;

    for (guint i = 0; i < marked->len; i++)
      {
        Match m = g_array_index (marked, Match, i);
        int first = MAX (m.offset, ws), last = MIN (m.end, we) - 1;
        int from, to;

        if (first > last || first >= n_tokens)
          continue;
        /* Overlapping matches (a word of a phrase matched alone too) merge. */
        while (i + 1 < marked->len && g_array_index (marked, Match, i + 1).offset <= last &&
               g_array_index (marked, Match, i + 1).offset < we)
          {
            i++;
            last = MAX (last, MIN (g_array_index (marked, Match, i).end, we) - 1);
          }
        last = MIN (last, n_tokens - 1);
        from = MAX (t[first].start, pos);
        to = MAX (t[last].end, from);
        g_string_append_len (out, tokens.text + pos, from - pos);
        g_string_append (out, mark_start);
        g_string_append_len (out, tokens.text + from, to - from);
        g_string_append (out, mark_end);
        pos = to;
      }
    if (byte_end > pos)
      g_string_append_len (out, tokens.text + pos, byte_end - pos);
  }
  if (cut_after)
    g_string_append (out, "…");

  /* A window cut in the middle of a character would not be UTF-8. */
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (out->str, out->len);
      g_string_assign (out, valid);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* dossier_snippet(search, mark_start, mark_end): the snippet of the
 * current row, from the body or else from the first other column with a
 * match (key points, footnotes, notes, title, authors); the body's opening
 * words when no match can be placed. It starts with the number of the
 * body's paragraph it comes from between DOSSIER_SNIPPET_PARAGRAPH_START
 * and _END (nothing between them when it is not from one). */
static void
snippet_function (const Fts5ExtensionApi  *api,
                  Fts5Context             *fts,
                  sqlite3_context         *context,
                  int                      argc,
                  sqlite3_value          **argv)
{
  const char *mark_start, *mark_end;
  char *snippet = NULL;
  int column, paragraph = -1;

  if (argc != 2)
    {
      sqlite3_result_error (context, "dossier_snippet() takes the two markers", -1);
      return;
    }
  mark_start = (const char *) sqlite3_value_text (argv[0]);
  mark_end = (const char *) sqlite3_value_text (argv[1]);

  column = find_column (api, fts);
  if (column >= 0)
    snippet = dup_column_snippet (api, fts, column, mark_start ?: "", mark_end ?: "", &paragraph);

  if (snippet == NULL)
    {
      const char *body = NULL;
      int length = 0;

      if (api->xColumnText (fts, 3, &body, &length) == SQLITE_OK && body != NULL)
        snippet = dup_opening_words (body, length);
    }

  /* The body's paragraph it is from (its ord), for its page: always in
   * front, so a document's own text can never pass for it. */
  {
    g_autofree char *body_snippet = snippet;
    char *result;

    if (column == 3 && paragraph >= 0)
      result = g_strdup_printf (DOSSIER_SNIPPET_PARAGRAPH_START "%d" DOSSIER_SNIPPET_PARAGRAPH_END "%s",
                                paragraph, body_snippet ?: "");
    else
      result = g_strconcat (DOSSIER_SNIPPET_PARAGRAPH_START DOSSIER_SNIPPET_PARAGRAPH_END, body_snippet, NULL);
    sqlite3_result_text (context, result, -1, g_free);
  }
}

/* Registers dossier_snippet() with the connection's FTS5. */
gboolean
_dossier_library_register_snippet (DossierLibrary  *self,
                                   GError         **error)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "dossier_snippet", self, snippet_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("This SQLite has no full-text search (FTS5), which the library needs"));
      return FALSE;
    }
  return TRUE;
}

/* Tokens read to make snippets since the library was opened: what tests
 * check to know a snippet's cost does not grow with the matches. */
guint64
_dossier_library_get_snippet_tokens (DossierLibrary *self)
{
  return self->snippet_tokens;
}
