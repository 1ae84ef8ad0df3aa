/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-bibtex.h"
#include "dossier-document-json.h"
#include "dossier-latex.h"

/*
 * Reading BibTeX and BibLaTeX (JabRef, Zotero, Better BibTeX, biber): a
 * small parser of the file's structure (entries, @string macros, "#"
 * concatenation, braced and quoted values), BibTeX's rules for the parts
 * of a name, and LaTeX text to UTF-8 (dossier-latex.c).
 *
 * Not libbtparse, which was measured first: it reports errors only by
 * printing them (its handlers are static, not settable), keeps the parser
 * in process-wide globals (imports run on worker threads), parses one
 * entry per call from a string, and is built by Debian from a Perl
 * distribution's build system, which the Flatpak SDK lacks.
 *
 * Nothing recurses: braces are counted, at most MAX_DEPTH deep, so a file
 * of a million "{" is refused, not a stack overflow.
 */

#define MAX_DEPTH 64
#define MAX_MACROS 10000
#define MAX_VALUE (1024 * 1024)

typedef struct {
  const char *text;
  const char *p;
  guint line;
  GHashTable *macros;
} Parser;

static gboolean
parse_error (Parser      *parser,
             GError     **error,
             const char  *message)
{
  g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX, _("line %u: %s"), parser->line, message);
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (*parser->p != '\0' && g_ascii_isspace (*parser->p))
    {
      if (*parser->p == '\n')
        parser->line++;
      parser->p++;
    }
}

static gboolean
is_name_char (char c)
{
  /* BibTeX allows most printing characters in names and keys. */
  return c != '\0' && !g_ascii_isspace (c) && strchr ("{}()\",=#%'", c) == NULL;
}

static char *
read_name (Parser *parser)
{
  const char *start = parser->p;

  while (is_name_char (*parser->p))
    parser->p++;
  return g_strndup (start, parser->p - start);
}

/* "{…}" or "\"…\"": the text inside, braces within kept for the LaTeX
 * and name rules that follow. */
static gboolean
read_delimited (Parser   *parser,
                GString  *value,
                GError  **error)
{
  char close = *parser->p == '{' ? '}' : '"';
  guint depth = 0;
  guint start_line = parser->line;

  parser->p++;
  for (;; parser->p++)
    {
      char c = *parser->p;

      if (c == '\0')
        {
          parser->line = start_line;
          return parse_error (parser, error, _("a value is not closed before the end of the file"));
        }
      if (c == '\n')
        parser->line++;
      if (c == '\\' && parser->p[1] != '\0')
        {
          /* An escaped brace or quote does not count. */
          g_string_append_c (value, c);
          parser->p++;
          if (*parser->p == '\n')
            parser->line++;
          g_string_append_c (value, *parser->p);
          continue;
        }
      if (c == '{')
        {
          if (++depth > MAX_DEPTH)
            return parse_error (parser, error, _("braces are nested too deeply"));
        }
      else if (c == '}')
        {
          if (depth == 0)
            {
              if (close == '}')
                {
                  parser->p++;
                  return TRUE;
                }
              return parse_error (parser, error, _("a “}” closes nothing"));
            }
          depth--;
        }
      else if (c == '"' && close == '"' && depth == 0)
        {
          parser->p++;
          return TRUE;
        }
      if (value->len >= MAX_VALUE)
        return parse_error (parser, error, _("a value is longer than 1 MiB"));
      g_string_append_c (value, c);
    }
}

static const char *
month_macro (const char *name)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
  static const char * const numbers[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strcasecmp (name, months[i]) == 0)
      return numbers[i];
  return NULL;
}

/* value = part ("#" part)*: braced, quoted, a number or a macro. */
static gboolean
read_value (Parser   *parser,
            GString  *value,
            GError  **error)
{
  for (;;)
    {
      skip_space (parser);
      if (*parser->p == '{' || *parser->p == '"')
        {
          if (!read_delimited (parser, value, error))
            return FALSE;
        }
      else if (g_ascii_isdigit (*parser->p))
        {
          while (g_ascii_isdigit (*parser->p))
            g_string_append_c (value, *parser->p++);
        }
      else if (is_name_char (*parser->p))
        {
          g_autofree char *name = read_name (parser);
          g_autofree char *lower = g_ascii_strdown (name, -1);
          const char *text = g_hash_table_lookup (parser->macros, lower);

          /* An undefined macro is empty, as BibTeX has it (with a warning). */
          if (text == NULL)
            text = month_macro (lower);
          if (text != NULL)
            g_string_append (value, text);
          if (value->len > MAX_VALUE)
            return parse_error (parser, error, _("a value is longer than 1 MiB"));
        }
      else
        return parse_error (parser, error, _("expected a value"));

      skip_space (parser);
      if (*parser->p != '#')
        return TRUE;
      parser->p++;
    }
}

/* Skips what follows a broken entry up to the next "@" that begins a line. */
static void
skip_to_next_entry (Parser *parser)
{
  while (*parser->p != '\0')
    {
      if (*parser->p == '\n')
        {
          parser->line++;
          parser->p++;
          while (*parser->p == ' ' || *parser->p == '\t')
            parser->p++;
          if (*parser->p == '@')
            return;
          continue;
        }
      parser->p++;
    }
}

/* --- names ------------------------------------------------------------- */

/* Splits @text at depth-0 occurrences of @separator (" and ", ","),
 * case-insensitively for words. */
static GPtrArray *
split_top (const char *text,
           const char *separator,
           gboolean    word)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gsize sep_length = strlen (separator);
  const char *start = text;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == '{')
        depth++;
      else if (*p == '}' && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_strncasecmp (p, separator, sep_length) == 0 &&
               (!word || (p > text && g_ascii_isspace (p[-1]) && g_ascii_isspace (p[sep_length]))))
        {
          g_ptr_array_add (parts, g_strstrip (g_strndup (start, p - start)));
          p += sep_length - 1;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, g_strstrip (g_strdup (start)));
  return parts;
}

/* BibTeX's "von" test: a word whose first letter at brace depth 0 is
 * lower case ("van", "de", "d'"); "{Van}" is not. */
static gboolean
is_von_word (const char *word)
{
  guint depth = 0;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '{')
        {
          /* "{\'e}mile" is a word whose first letter is special: BibTeX
           * looks at the command's letter. */
          if (depth == 0 && p[1] == '\\')
            {
              const char *q = p + 2;

              while (*q != '\0' && *q != '}' && !g_ascii_isalpha (*q))
                q++;
              return g_ascii_islower (*q);
            }
          depth++;
        }
      else if (*p == '}' && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_isalpha (*p))
        return g_ascii_islower (*p);
      else if (depth == 0 && (guchar) *p >= 0x80)
        return g_unichar_islower (g_utf8_get_char (p));
    }
  return FALSE;
}

static char *
join_words (GPtrArray *words,
            guint      from,
            guint      to)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *plain = NULL;

  for (guint i = from; i < to; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words->pdata[i]);
    }
  if (out->len == 0)
    return NULL;
  plain = dossier_latex_to_utf8 (out->str);
  return *plain != '\0' ? g_steal_pointer (&plain) : NULL;
}

static DossierAuthor *
parse_name (const char *name)
{
  g_autoptr(GPtrArray) commas = split_top (name, ",", FALSE);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *given = NULL, *von = NULL, *last = NULL, *jr = NULL;
  const char *head = commas->pdata[0];
  gsize length = strlen (name);
  guint n, von_start, von_end;

  /* "{World Bank}": one braced whole is a name not to be split. */
  if (length >= 2 && name[0] == '{' && name[length - 1] == '}' && commas->len == 1)
    {
      g_autoptr(GPtrArray) inner = split_top (name, " ", FALSE);

      if (inner->len == 1)
        {
          g_autofree char *plain = dossier_latex_to_utf8 (name);
          return dossier_reference_organisation_new (plain);
        }
    }

  words = split_top (head, " ", FALSE);
  for (guint i = words->len; i > 0; i--)
    if (*(char *) words->pdata[i - 1] == '\0')
      g_ptr_array_remove_index (words, i - 1);
  n = words->len;
  if (n == 0)
    return NULL;

  if (commas->len == 1)
    {
      /* "First von Last": von runs from the first lower-case word to the
       * last lower-case word before the final word. */
      von_start = n - 1;
      for (guint i = 0; i + 1 < n; i++)
        if (is_von_word (words->pdata[i]))
          {
            von_start = i;
            break;
          }
      von_end = von_start;
      for (guint i = von_start; i + 1 < n; i++)
        if (is_von_word (words->pdata[i]))
          von_end = i + 1;
      given = join_words (words, 0, von_start);
      von = join_words (words, von_start, von_end);
      last = join_words (words, von_end, n);
    }
  else
    {
      /* "von Last, First" or "von Last, Jr, First". */
      von_end = 0;
      for (guint i = 0; i + 1 < n; i++)
        if (is_von_word (words->pdata[i]))
          von_end = i + 1;
      von = join_words (words, 0, von_end);
      last = join_words (words, von_end, n);
      if (commas->len == 2)
        given = dossier_latex_to_utf8 (commas->pdata[1]);
      else
        {
          jr = dossier_latex_to_utf8 (commas->pdata[1]);
          given = dossier_latex_to_utf8 (commas->pdata[2]);
        }
    }

  return dossier_reference_author_new (given, von, last, jr);
}

/* --- entries ----------------------------------------------------------- */

static char *
field_text (GHashTable *fields,
            const char *name)
{
  const char *raw = g_hash_table_lookup (fields, name);
  g_autofree char *plain = NULL;

  if (raw == NULL)
    return NULL;
  plain = dossier_latex_to_utf8 (raw);
  return *plain != '\0' ? g_steal_pointer (&plain) : NULL;
}

/* The first of fields that has a value. */
static char *
first_field (GHashTable         *fields,
             const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *value = field_text (fields, names[i]);

      if (value != NULL)
        return value;
    }
  return NULL;
}

static char *
read_issued (GHashTable *fields)
{
  g_autofree char *date = field_text (fields, "date");
  g_autofree char *year = field_text (fields, "year");
  g_autofree char *month = field_text (fields, "month");
  g_autofree char *day = field_text (fields, "day");
  guint m = 0, d = 0;

  /* BibLaTeX's ISO date (a range's start), else BibTeX's year, month, day. */
  if (date != NULL)
    {
      static const gsize lengths[] = { 10, 7, 4 };
      gsize n = strlen (date);

      for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
        {
          g_autofree char *prefix = NULL;

          if (n < lengths[i] || (n > lengths[i] && g_ascii_isdigit (date[lengths[i]])))
            continue;
          prefix = g_strndup (date, lengths[i]);
          if (dossier_is_valid_partial_date (prefix))
            return g_steal_pointer (&prefix);
        }
    }
  if (year == NULL || strlen (year) != 4 || !dossier_is_valid_partial_date (year))
    return NULL;
  if (month != NULL)
    {
      m = (guint) g_ascii_strtoull (month, NULL, 10);
      if (m == 0 && month_macro (month) == NULL && strlen (month) >= 3)
        {
          g_autofree char *abbreviation = g_ascii_strdown (month, 3);
          const char *number = month_macro (abbreviation);

          m = number != NULL ? (guint) g_ascii_strtoull (number, NULL, 10) : 0;
        }
    }
  if (day != NULL)
    d = (guint) g_ascii_strtoull (day, NULL, 10);
  if (m >= 1 && m <= 12)
    {
      g_autofree char *full = g_strdup_printf ("%s-%02u-%02u", year, m, d);

      if (d >= 1 && dossier_is_valid_partial_date (full))
        return g_steal_pointer (&full);
      return g_strdup_printf ("%s-%02u", year, m);
    }
  return g_steal_pointer (&year);
}

/* Zotero: "Snapshot:files/12/page.html:text/html;Full Text PDF:…";
 * JabRef: ":papers/x.pdf:PDF". The path is the middle part. */
static char **
read_files (const char *raw)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (raw == NULL)
    return NULL;
  items = g_strsplit (raw, ";", 64);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 3);

      if (parts[0] != NULL && parts[1] != NULL)
        g_strv_builder_add (builder, g_strstrip (parts[1]));
      else if (parts[0] != NULL && *g_strstrip (parts[0]) != '\0')
        g_strv_builder_add (builder, parts[0]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
build_entry (const char             *type,
             GHashTable             *fields,
             DossierReferenceEntry  *entry,
             GError                **error)
{
  static const char * const containers[] = { "journal", "journaltitle", "booktitle", "maintitle", NULL };
  static const char * const publishers[] = { "publisher", "institution", "organization", "school", NULL };
  static const char * const places[] = { "address", "location", NULL };
  static const char * const issues[] = { "number", "issue", NULL };
  DossierDocument *document = entry->document;
  g_autofree char *title = field_text (fields, "title");
  g_autofree char *subtitle = field_text (fields, "subtitle");
  g_autofree char *container = first_field (fields, containers);
  g_autofree char *publisher = first_field (fields, publishers);
  g_autofree char *place = first_field (fields, places);
  g_autofree char *issue = first_field (fields, issues);
  g_autofree char *issued = read_issued (fields);
  g_autofree char *subtype = field_text (fields, "entrysubtype");
  g_autofree char *howpublished = field_text (fields, "howpublished");
  g_autofree char *url = field_text (fields, "url");
  g_autofree char *doi = field_text (fields, "doi");
  g_autofree char *urldate = field_text (fields, "urldate");
  const char *authors = g_hash_table_lookup (fields, "author");

  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, subtitle);
  dossier_document_set_publisher (document, publisher);
  /* A web address in "howpublished" (\url{…}) is the address, else the
   * name of where it was published. */
  if (howpublished != NULL && (g_str_has_prefix (howpublished, "http://") ||
                               g_str_has_prefix (howpublished, "https://") ||
                               g_str_has_prefix (howpublished, "url")))
    {
      if (url == NULL)
        url = g_strdup (g_str_has_prefix (howpublished, "url") ? howpublished + 3 : howpublished);
    }
  else if (container == NULL)
    container = g_strdup (howpublished);
  dossier_document_set_source_url (document, url);
  dossier_document_set_issued (document, issued);
  dossier_document_set_field (document, DOSSIER_FIELD_CONTAINER_TITLE, container);
  dossier_document_set_field (document, DOSSIER_FIELD_PLACE, place);
  dossier_document_set_field (document, DOSSIER_FIELD_ISSUE, issue);
  {
    g_autofree char *volume = field_text (fields, "volume");
    g_autofree char *pages = field_text (fields, "pages");
    g_autofree char *edition = field_text (fields, "edition");

    dossier_document_set_field (document, DOSSIER_FIELD_VOLUME, volume);
    dossier_document_set_field (document, DOSSIER_FIELD_PAGES, pages);
    dossier_document_set_field (document, DOSSIER_FIELD_EDITION, edition);
  }
  if (doi != NULL)
    {
      const char *bare = doi;

      if (g_str_has_prefix (bare, "https://doi.org/"))
        bare += strlen ("https://doi.org/");
      dossier_document_set_field (document, DOSSIER_FIELD_DOI, bare);
    }
  if (urldate != NULL && strlen (urldate) >= 4)
    {
      g_autofree char *date = g_strndup (urldate, strlen (urldate) >= 10 ? 10 : strlen (urldate) >= 7 ? 7 : 4);
      dossier_document_set_field (document, DOSSIER_FIELD_ACCESSED, date);
    }
  if (subtype == NULL || !dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, subtype))
    dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, dossier_bibtex_csl_type (type, url != NULL));

  if (authors != NULL)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (authors), "\r\n\t", ' ');
      g_autoptr(GPtrArray) names = split_top (flat, "and", TRUE);

      if (names->len > DOSSIER_LIMIT_AUTHORS + 1)
        {
          g_autofree char *message = dossier_limit_dup_too_many (_("authors"), names->len, DOSSIER_LIMIT_AUTHORS);
          g_set_error_literal (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_MANY, message);
          return FALSE;
        }
      for (guint i = 0; i < names->len; i++)
        {
          g_autoptr(DossierAuthor) author = NULL;

          /* "and others" is "et al.": the names not given are lost. */
          if (g_ascii_strcasecmp (names->pdata[i], "others") == 0)
            continue;
          author = parse_name (names->pdata[i]);
          if (author != NULL)
            dossier_document_add_author (document, author);
        }
    }

  entry->files = read_files (g_hash_table_lookup (fields, "file"));
  return dossier_reference_check_entry (document, error);
}

/* After "@type{": "key," then "name = value" pairs up to the closing
 * brace (or parenthesis). */
static gboolean
read_entry (Parser                 *parser,
            const char             *type,
            char                    close,
            DossierReferenceEntry  *entry,
            GError                **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  skip_space (parser);
  entry->key = read_name (parser);
  if (*entry->key == '\0')
    g_clear_pointer (&entry->key, g_free);
  skip_space (parser);

  for (;;)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *name = NULL;

      if (*parser->p == ',')
        {
          parser->p++;
          skip_space (parser);
        }
      if (*parser->p == close)
        {
          parser->p++;
          break;
        }
      if (!is_name_char (*parser->p))
        return parse_error (parser, error, *parser->p == '\0' ? _("the entry is not closed before the end of the file")
                                                              : _("expected a field name"));
      name = read_name (parser);
      skip_space (parser);
      if (*parser->p != '=')
        return parse_error (parser, error, _("expected “=” after a field name"));
      parser->p++;
      if (!read_value (parser, value, error))
        return FALSE;
      if (g_hash_table_size (fields) > 1000)
        return parse_error (parser, error, _("the entry has more than 1,000 fields"));
      g_hash_table_replace (fields, g_ascii_strdown (name, -1), g_string_free (g_steal_pointer (&value), FALSE));
      skip_space (parser);
      if (*parser->p != ',' && *parser->p != close)
        return parse_error (parser, error, _("expected “,” between fields"));
    }

  return build_entry (type, fields, entry, error);
}

/**
 * dossier_bibtex_read:
 * @text: a BibTeX or BibLaTeX file, UTF-8 (untrusted)
 * @problems: an array of #GError to add to, one for each entry that could
 *   not be read (naming it); the other entries are read
 *
 * Returns: (transfer full) (element-type DossierReferenceEntry): the
 *   entries, or %NULL with @error set when the file holds none
 */
GPtrArray *
dossier_bibtex_read (const char  *text,
                     GPtrArray   *problems,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_reference_entry_free);
  g_autoptr(GHashTable) macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Parser parser = { text, text, 1, macros };
  guint index = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                           _("The BibTeX file is not UTF-8 text"));
      return NULL;
    }

  while (*parser.p != '\0')
    {
      g_autofree char *type = NULL;
      g_autoptr(GError) local_error = NULL;
      char close;

      /* Between entries anything is a comment. */
      if (*parser.p != '@')
        {
          if (*parser.p == '\n')
            parser.line++;
          parser.p++;
          continue;
        }
      parser.p++;
      skip_space (&parser);
      type = read_name (&parser);
      skip_space (&parser);
      if (*type == '\0' || (*parser.p != '{' && *parser.p != '('))
        continue;
      close = *parser.p == '{' ? '}' : ')';
      {
        g_autofree char *lower = g_ascii_strdown (type, -1);

        g_free (type);
        type = g_steal_pointer (&lower);
      }

      if (g_str_equal (type, "comment"))
        {
          g_autoptr(GString) ignored = g_string_new (NULL);

          if (close == '}' && !read_delimited (&parser, ignored, &local_error))
            skip_to_next_entry (&parser);
          continue;
        }

      parser.p++;
      if (g_str_equal (type, "preamble") || g_str_equal (type, "string"))
        {
          g_autoptr(GString) value = g_string_new (NULL);
          g_autofree char *name = NULL;

          skip_space (&parser);
          if (g_str_equal (type, "string"))
            {
              name = read_name (&parser);
              skip_space (&parser);
              if (*parser.p == '=')
                parser.p++;
            }
          if (!read_value (&parser, value, &local_error))
            {
              g_ptr_array_add (problems, g_error_copy (local_error));
              skip_to_next_entry (&parser);
              continue;
            }
          skip_space (&parser);
          if (*parser.p == close)
            parser.p++;
          if (name != NULL && *name != '\0' && g_hash_table_size (macros) < MAX_MACROS)
            g_hash_table_replace (macros, g_ascii_strdown (name, -1), g_string_free (g_steal_pointer (&value), FALSE));
          continue;
        }

      if (index >= DOSSIER_REFERENCE_MAX_ENTRIES)
        {
          g_autofree char *message = dossier_limit_dup_too_many (_("entries"), index + 1,
                                                                 DOSSIER_REFERENCE_MAX_ENTRIES);
          g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
          return NULL;
        }

      any = TRUE;
      {
        g_autoptr(DossierDocument) document = dossier_document_new ();
        DossierReferenceEntry *entry = dossier_reference_entry_new (document);

        entry->position = index;
        if (read_entry (&parser, type, close, entry, &local_error))
          g_ptr_array_add (entries, entry);
        else
          {
            g_ptr_array_add (problems, dossier_reference_entry_error (index, entry->key, local_error));
            dossier_reference_entry_free (entry);
            if (local_error->domain == DOSSIER_FORMAT_ERROR)
              skip_to_next_entry (&parser);
          }
      }
      index++;
    }

  if (!any)
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                           _("The file holds no BibTeX entries (“@type{key, …}”)"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}
