/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <string.h>

#include "dossier-memo-inline.h"

/*
 * Inline memo text is a deliberately small markup: `**bold**`, `*italic*`,
 * `[^ID]` citation markers and backslash escapes (`\*`, `\[`, `\\`). An
 * unmatched `*` or `**` stays literal text, so a stray asterisk typed by
 * the analyst never swallows the rest of a paragraph.
 */

typedef enum {
  TOKEN_TEXT,
  TOKEN_STRONG,   /* "**" */
  TOKEN_EMPHASIS, /* "*" */
  TOKEN_CITE,
} TokenKind;

typedef struct {
  TokenKind kind;
  GString *text;     /* TOKEN_TEXT; TOKEN_CITE: the id */
  gboolean paired;   /* delimiters: has a partner */
} Token;

static void
clear_token (gpointer data)
{
  Token *token = data;

  if (token->text != NULL)
    g_string_free (token->text, TRUE);
}

static void
clear_run (gpointer data)
{
  DossierMemoRun *run = data;

  g_clear_pointer (&run->text, g_free);
  g_clear_pointer (&run->citation_id, g_free);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':';
}

/* Length of a valid `[^ID]` marker at @p, or 0. */
static gsize
marker_length (const char *p)
{
  gsize n = 0;

  if (p[0] != '[' || p[1] != '^')
    return 0;

  while (is_id_char (p[2 + n]) && n <= DOSSIER_MEMO_MAX_CITATION_ID)
    n++;

  if (n == 0 || n > DOSSIER_MEMO_MAX_CITATION_ID || p[2 + n] != ']')
    return 0;

  return n + 3;
}

/**
 * dossier_memo_is_valid_citation_id:
 *
 * Returns: whether @id may appear in a `[^ID]` marker: 1–64 of ASCII
 *   letters, digits, `_`, `-`, `.` and `:`
 */
gboolean
dossier_memo_is_valid_citation_id (const char *id)
{
  gsize n;

  if (id == NULL)
    return FALSE;

  n = strlen (id);
  if (n == 0 || n > DOSSIER_MEMO_MAX_CITATION_ID)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (!is_id_char (id[i]))
      return FALSE;

  return TRUE;
}

static Token *
text_token (GArray *tokens)
{
  Token *last = tokens->len ? &g_array_index (tokens, Token, tokens->len - 1) : NULL;
  Token token = { TOKEN_TEXT, NULL, FALSE };

  if (last != NULL && last->kind == TOKEN_TEXT)
    return last;

  token.text = g_string_new (NULL);
  g_array_append_val (tokens, token);
  return &g_array_index (tokens, Token, tokens->len - 1);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, clear_token);

  while (*p != '\0')
    {
      gsize marker;

      if (p[0] == '\\' && (p[1] == '*' || p[1] == '[' || p[1] == '\\'))
        {
          g_string_append_c (text_token (tokens)->text, p[1]);
          p += 2;
        }
      else if (p[0] == '*')
        {
          Token token = { p[1] == '*' ? TOKEN_STRONG : TOKEN_EMPHASIS, NULL, FALSE };

          g_array_append_val (tokens, token);
          p += token.kind == TOKEN_STRONG ? 2 : 1;
        }
      else if ((marker = marker_length (p)) != 0)
        {
          Token token = { TOKEN_CITE, g_string_new_len (p + 2, marker - 3), FALSE };

          g_array_append_val (tokens, token);
          p += marker;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (text_token (tokens)->text, p, next - p);
          p = next;
        }
    }

  return tokens;
}

/* Pairs delimiters of one kind in order; a last odd one stays literal. */
static void
pair_delimiters (GArray    *tokens,
                 TokenKind  kind)
{
  int open = -1;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->kind != kind)
        continue;

      if (open < 0)
        open = i;
      else
        {
          g_array_index (tokens, Token, open).paired = TRUE;
          token->paired = TRUE;
          open = -1;
        }
    }
}

static void
append_run (GArray              *runs,
            const char          *text,
            DossierMemoRunFlags  flags,
            const char          *citation_id)
{
  DossierMemoRun *last = runs->len ? &g_array_index (runs, DossierMemoRun, runs->len - 1) : NULL;
  DossierMemoRun run = { NULL, flags, NULL, 0 };

  if (citation_id == NULL && *text == '\0')
    return;

  /* Merge adjacent text of equal formatting ("a" "*" "b" with a literal star). */
  if (citation_id == NULL && last != NULL && last->citation_id == NULL && last->flags == flags)
    {
      char *merged = g_strconcat (last->text, text, NULL);
      g_free (last->text);
      last->text = merged;
      return;
    }

  run.text = g_strdup (citation_id ? "" : text);
  run.citation_id = g_strdup (citation_id);
  g_array_append_val (runs, run);
}

/**
 * dossier_memo_parse_inline:
 * @text: (nullable): inline memo text
 *
 * Splits @text into runs of uniform formatting and citation markers. An
 * empty or %NULL text gives no runs.
 *
 * Returns: (transfer full) (element-type DossierMemoRun): the runs; freeing
 *   the array frees their strings
 */
GArray *
dossier_memo_parse_inline (const char *text)
{
  g_autoptr(GArray) tokens = NULL;
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (DossierMemoRun));
  DossierMemoRunFlags flags = DOSSIER_MEMO_RUN_PLAIN;

  g_array_set_clear_func (runs, clear_run);

  if (text == NULL || *text == '\0')
    return runs;

  tokens = tokenize (text);
  pair_delimiters (tokens, TOKEN_STRONG);
  pair_delimiters (tokens, TOKEN_EMPHASIS);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      switch (token->kind)
        {
        case TOKEN_TEXT:
          append_run (runs, token->text->str, flags, NULL);
          break;
        case TOKEN_CITE:
          append_run (runs, "", flags, token->text->str);
          break;
        case TOKEN_STRONG:
          if (token->paired)
            flags ^= DOSSIER_MEMO_RUN_BOLD;
          else
            append_run (runs, "**", flags, NULL);
          break;
        case TOKEN_EMPHASIS:
          if (token->paired)
            flags ^= DOSSIER_MEMO_RUN_ITALIC;
          else
            append_run (runs, "*", flags, NULL);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return runs;
}

/**
 * dossier_memo_inline_to_plain:
 *
 * Returns: (transfer full): @text without markup and citation markers
 */
char *
dossier_memo_inline_to_plain (const char *text)
{
  g_autoptr(GArray) runs = dossier_memo_parse_inline (text);
  GString *plain = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    g_string_append (plain, g_array_index (runs, DossierMemoRun, i).text);

  return g_string_free (plain, FALSE);
}

/**
 * dossier_memo_inline_to_pango:
 * @text: (nullable): inline memo text, such as a highlight's note
 *
 * The text as Pango markup for a label: bold and italic as `<b>` and
 * `<i>`, everything else escaped, so that a note holding `<b>` or `&`
 * shows them as typed. A citation marker shows as it was typed: a note's
 * marker cites nothing. Invalid UTF-8 is replaced, never passed on.
 *
 * Returns: (transfer full): valid Pango markup ("" for %NULL)
 */
char *
dossier_memo_inline_to_pango (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autoptr(GArray) runs = dossier_memo_parse_inline (valid);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);
      g_autofree char *marker = run->citation_id ? g_strdup_printf ("[^%s]", run->citation_id) : NULL;
      g_autofree char *escaped = g_markup_escape_text (marker ? marker : run->text, -1);

      if (*escaped == '\0')
        continue;
      if (run->flags & DOSSIER_MEMO_RUN_BOLD)
        g_string_append (markup, "<b>");
      if (run->flags & DOSSIER_MEMO_RUN_ITALIC)
        g_string_append (markup, "<i>");
      g_string_append (markup, escaped);
      if (run->flags & DOSSIER_MEMO_RUN_ITALIC)
        g_string_append (markup, "</i>");
      if (run->flags & DOSSIER_MEMO_RUN_BOLD)
        g_string_append (markup, "</b>");
    }

  return g_string_free (markup, FALSE);
}

/**
 * dossier_memo_inline_citation_ids:
 *
 * Returns: (transfer full) (element-type utf8): the ids of the citation
 *   markers in @text, in order, repeats included
 */
GPtrArray *
dossier_memo_inline_citation_ids (const char *text)
{
  g_autoptr(GArray) runs = dossier_memo_parse_inline (text);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < runs->len; i++)
    {
      DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);

      if (run->citation_id != NULL)
        g_ptr_array_add (ids, g_strdup (run->citation_id));
    }

  return ids;
}

/**
 * dossier_memo_escape_inline:
 *
 * Escapes plain text (an excerpt from an article, say) so it reads back as
 * the same text: `*`, `[` and `\` get a backslash.
 *
 * Returns: (transfer full): the escaped text
 */
char *
dossier_memo_escape_inline (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '*' || *p == '[' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}
