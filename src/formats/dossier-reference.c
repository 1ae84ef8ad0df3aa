/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-bibtex.h"
#include "dossier-csl-json.h"
#include "dossier-reference.h"
#include "dossier-ris.h"

DossierReferenceEntry *
dossier_reference_entry_new (DossierDocument *document)
{
  DossierReferenceEntry *entry = g_new0 (DossierReferenceEntry, 1);

  entry->document = g_object_ref (document);
  return entry;
}

void
dossier_reference_entry_free (DossierReferenceEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->document);
  g_free (entry->key);
  g_strfreev (entry->files);
  g_free (entry);
}

/**
 * dossier_reference_entry_error:
 * @index: the entry's position in the file, from 0
 * @key: (nullable): its citation key or id
 *
 * Returns: (transfer full): @cause, naming the entry: "entry 3
 *   (“kim2019”): it has no title"
 */
GError *
dossier_reference_entry_error (guint         index,
                               const char   *key,
                               const GError *cause)
{
  if (key != NULL)
    {
      /* A hostile file's key may be anything: a line of a message at most. */
      g_autofree char *valid = g_utf8_make_valid (key, -1);
      g_autofree char *shown = g_utf8_strlen (valid, -1) > 64 ? g_utf8_substring (valid, 0, 64) : g_strdup (valid);

      return g_error_new (cause->domain, cause->code, _("entry %u (“%s”): %s"), index + 1, shown,
                          cause->message);
    }
  return g_error_new (cause->domain, cause->code, _("entry %u: %s"), index + 1, cause->message);
}

static const char *
skip_blank (const char *p,
            const char *end)
{
  /* A byte order mark is how Windows tools (EndNote) begin UTF-8. */
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
looks_like_bibtex (const char *p,
                   const char *end)
{
  /* An entry begins a line with "@type{" or "@type(": BibTeX ignores
   * whatever stands between entries, so a file may begin with comments. */
  gboolean line_start = TRUE;

  for (; p < end; p++)
    {
      if (*p == '\n')
        {
          line_start = TRUE;
          continue;
        }
      if (line_start && *p == '@')
        {
          const char *q = p + 1;

          while (q < end && g_ascii_isalpha (*q))
            q++;
          while (q < end && (*q == ' ' || *q == '\t'))
            q++;
          if (q > p + 1 && q < end && (*q == '{' || *q == '('))
            return TRUE;
        }
      if (!g_ascii_isspace (*p))
        line_start = FALSE;
    }
  return FALSE;
}

/**
 * dossier_reference_guess_format:
 * @name_hint: (nullable): the file's name
 * @data: the file's first bytes (or all of it)
 *
 * Tells a reference manager's export from an article by its content:
 * RIS begins with a "TY  - " line, BibTeX has "@type{" entries, and
 * CSL-JSON is an array of items (or one item: an object with a "type" and
 * no "format", which Dossier's own documents have). A name ending in .bib
 * or .ris decides on its own; .json is looked into, as Dossier's own
 * documents are .json too.
 *
 * Returns: the format, or %DOSSIER_REFERENCE_FORMAT_NONE
 */
DossierReferenceFormat
dossier_reference_guess_format (const char *name_hint,
                                const char *data,
                                gsize       length)
{
  const char *end = data + length;
  const char *p;

  if (name_hint != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name_hint, -1);

      if (g_str_has_suffix (lower, ".bib") || g_str_has_suffix (lower, ".bibtex") ||
          g_str_has_suffix (lower, ".biblatex"))
        return DOSSIER_REFERENCE_FORMAT_BIBTEX;
      if (g_str_has_suffix (lower, ".ris"))
        return DOSSIER_REFERENCE_FORMAT_RIS;
    }

  if (data == NULL)
    return DOSSIER_REFERENCE_FORMAT_NONE;

  p = skip_blank (data, end);
  if (end - p >= 6 && memcmp (p, "TY  -", 5) == 0)
    return DOSSIER_REFERENCE_FORMAT_RIS;

  if (p < end && *p == '[')
    {
      /* An array of objects; "[]" is an empty export. */
      p = skip_blank (p + 1, end);
      if (p < end && (*p == '{' || *p == ']'))
        return DOSSIER_REFERENCE_FORMAT_CSL_JSON;
      return DOSSIER_REFERENCE_FORMAT_NONE;
    }

  if (p < end && *p == '{')
    {
      /* One item: a "type" member and no "format" (looked for as a member
       * name, in the first 64 KiB: enough for any item's metadata). */
      gsize window = MIN ((gsize) (end - p), 64 * 1024);
      g_autofree char *head = g_strndup (p, window);

      if (strstr (head, "\"format\"") == NULL && strstr (head, "\"type\"") != NULL &&
          (strstr (head, "\"title\"") != NULL || strstr (head, "\"author\"") != NULL))
        return DOSSIER_REFERENCE_FORMAT_CSL_JSON;
      return DOSSIER_REFERENCE_FORMAT_NONE;
    }

  if (looks_like_bibtex (p, p + MIN ((gsize) (end - p), 64 * 1024)))
    return DOSSIER_REFERENCE_FORMAT_BIBTEX;

  return DOSSIER_REFERENCE_FORMAT_NONE;
}

/**
 * dossier_reference_format_from_string:
 * @name: "csl-json", "bibtex" or "ris"
 *
 * Returns: whether @name is a format's name
 */
gboolean
dossier_reference_format_from_string (const char             *name,
                                      DossierReferenceFormat *format)
{
  if (g_strcmp0 (name, "csl-json") == 0)
    *format = DOSSIER_REFERENCE_FORMAT_CSL_JSON;
  else if (g_strcmp0 (name, "bibtex") == 0)
    *format = DOSSIER_REFERENCE_FORMAT_BIBTEX;
  else if (g_strcmp0 (name, "ris") == 0)
    *format = DOSSIER_REFERENCE_FORMAT_RIS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_east_asian (const char *text)
{
  GUnicodeScript script;

  if (text == NULL || *text == '\0')
    return FALSE;
  script = g_unichar_get_script (g_utf8_get_char (text));
  return script == G_UNICODE_SCRIPT_HANGUL || script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA;
}

/**
 * dossier_reference_display_name:
 *
 * The name as a reader says it: "Ludwig van Beethoven", "Martin Luther
 * King Jr."; a Korean, Chinese or Japanese name written in its own script
 * family name first without a space ("김민준"), as it is printed.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL when every part
 *   is empty
 */
char *
dossier_reference_display_name (const char *given,
                                const char *particle,
                                const char *family,
                                const char *suffix)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *parts[4] = { given, particle, family, suffix };

  if (is_east_asian (family) && (given == NULL || is_east_asian (given)) && particle == NULL)
    {
      g_string_append (name, family);
      if (given != NULL)
        g_string_append (name, given);
      if (suffix != NULL)
        g_string_append_printf (name, " %s", suffix);
      return g_string_free (g_steal_pointer (&name), FALSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }

  if (name->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/**
 * dossier_reference_author_new:
 *
 * Returns: (transfer full) (nullable): a person with those parts of a
 *   name, or %NULL when every part is empty
 */
DossierAuthor *
dossier_reference_author_new (const char *given,
                              const char *particle,
                              const char *family,
                              const char *suffix)
{
  g_autofree char *g = strip_or_null (given);
  g_autofree char *p = strip_or_null (particle);
  g_autofree char *f = strip_or_null (family);
  g_autofree char *s = strip_or_null (suffix);
  g_autofree char *name = dossier_reference_display_name (g, p, f, s);
  DossierAuthor *author;

  if (name == NULL)
    return NULL;

  author = dossier_author_new (name);
  dossier_author_set_given (author, g);
  dossier_author_set_particle (author, p);
  dossier_author_set_family (author, f);
  dossier_author_set_suffix (author, s);
  return author;
}

/**
 * dossier_reference_organisation_new:
 *
 * Returns: (transfer full) (nullable): an organisation as an author
 *   ("World Bank"), or %NULL when @name is empty
 */
DossierAuthor *
dossier_reference_organisation_new (const char *name)
{
  g_autofree char *n = strip_or_null (name);
  DossierAuthor *author;

  if (n == NULL)
    return NULL;
  author = dossier_author_new (n);
  dossier_author_set_organisation (author, TRUE);
  return author;
}

/**
 * dossier_reference_check_entry:
 *
 * What every entry read from a reference manager's file ends with: it
 * has a title (the library lists documents by it), and every field is
 * within its bound (dossier-limits.h).
 *
 * Returns: %FALSE with @error set
 */
gboolean
dossier_reference_check_entry (DossierDocument  *document,
                               GError          **error)
{
  if (dossier_document_get_title (document) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("it has no title"));
      return FALSE;
    }
  return dossier_document_check_limits (document, error);
}

/* Lowercase ASCII letters and digits of @text: "Müller" is "muller". */
static char *
key_part (const char *text,
          gsize       max_chars)
{
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  if (text != NULL)
    ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; p != NULL && *p != '\0' && out->len < max_chars; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

static char *
first_title_word (const char *title)
{
  static const char * const skip[] = { "the", "a", "an", "on", "of", "and", "for", "in", "to", NULL };
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return g_strdup ("");
  words = g_strsplit_set (title, " \t\n-–—:,.;/", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = key_part (words[i], 20);

      if (*word != '\0' && !g_strv_contains (skip, word))
        return g_steal_pointer (&word);
    }
  return g_strdup ("");
}

/**
 * dossier_reference_make_key:
 * @used: keys already given in this export; the new key is added
 *
 * A citation key built from the entry, so exporting the same entries
 * again gives the same keys: the first author's family name, the year and
 * the first word of the title that says something ("beethoven2019sonata"),
 * in ASCII as BibTeX needs. Two entries that would share a key get "a",
 * "b" … after the year's word, in the order they are exported.
 *
 * Returns: (transfer full): the key
 */
char *
dossier_reference_make_key (DossierDocument *document,
                            GHashTable      *used)
{
  GListModel *authors = dossier_document_get_authors (document);
  g_autofree char *who = NULL;
  g_autofree char *what = first_title_word (dossier_document_get_title (document));
  g_autofree char *year = NULL;
  g_autofree char *base = NULL;
  char *key;

  if (g_list_model_get_n_items (authors) > 0)
    {
      g_autoptr(DossierAuthor) first = g_list_model_get_item (authors, 0);
      const char *family = dossier_author_get_family (first);

      if (family != NULL)
        who = key_part (family, 24);
      else
        {
          /* A name never split: its last word (an organisation's first). */
          g_auto(GStrv) words = g_strsplit (dossier_author_get_name (first) ?: "", " ", -1);
          guint n = g_strv_length (words);

          if (n > 0)
            who = key_part (dossier_author_get_organisation (first) ? words[0] : words[n - 1], 24);
        }
    }
  if (who == NULL || *who == '\0')
    {
      g_free (who);
      who = g_strdup ("ref");
    }

  if (dossier_document_get_issued (document) != NULL)
    year = g_strndup (dossier_document_get_issued (document), 4);

  base = g_strconcat (who, year ?: "", what, NULL);
  key = g_strdup (base);
  for (guint i = 0; g_hash_table_contains (used, key); i++)
    {
      g_free (key);
      if (i < 26)
        key = g_strdup_printf ("%s%s%c%s", who, year ?: "", 'a' + i, what);
      else
        key = g_strdup_printf ("%s%u", base, i);
    }
  g_hash_table_add (used, g_strdup (key));
  return key;
}

/**
 * dossier_reference_default_type:
 *
 * Returns: the entry's CSL item type; one guessed when it has none (an
 *   article in a journal, a web page, or a report, which most policy
 *   papers are)
 */
const char *
dossier_reference_default_type (DossierDocument *document)
{
  const char *type = dossier_document_get_field (document, DOSSIER_FIELD_ITEM_TYPE);

  if (type != NULL)
    return type;
  if (dossier_document_get_field (document, DOSSIER_FIELD_CONTAINER_TITLE) != NULL)
    return "article-journal";
  if (dossier_document_get_source_url (document) != NULL)
    return "webpage";
  return "report";
}

/**
 * dossier_reference_write:
 * @format: the format to write (not %DOSSIER_REFERENCE_FORMAT_NONE)
 * @documents: (element-type DossierDocument): what to write, in order
 *
 * Returns: (transfer full): the file's text
 */
char *
dossier_reference_write (DossierReferenceFormat  format,
                         GPtrArray              *documents,
                         gsize                  *length)
{
  switch (format)
    {
    case DOSSIER_REFERENCE_FORMAT_BIBTEX:
      return dossier_bibtex_write (documents, length);
    case DOSSIER_REFERENCE_FORMAT_RIS:
      return dossier_ris_write (documents, length);
    case DOSSIER_REFERENCE_FORMAT_CSL_JSON:
      return dossier_csl_json_write (documents, length);
    case DOSSIER_REFERENCE_FORMAT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}
