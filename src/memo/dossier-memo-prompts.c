/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-memo-prompts.h"
#include "dossier-memo-templates.h"
#include "formats/dossier-document-json.h"
#include "model/dossier-util.h"

/*
 * The templates' prompts ("[Subject]", "[브리프 제목]"), which the check
 * reports as unfinished work. A memo keeps the language it was made in,
 * whatever the language of the session that checks it: the prompts are
 * those of every template in every language Dossier ships, taken from the
 * templates themselves as each language's catalogue gives them.
 */

/* An installed catalogue is a few hundred kilobytes. */
#define MAX_CATALOGUE_BYTES (64 * 1024 * 1024)

/* A 32-bit word of a .mo file, in the byte order its magic number says. */
static guint32
mo_word (const guchar *data,
         gsize         offset,
         gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string a .mo table entry points to, if it lies inside the file and
 * is NUL-terminated there, as msgfmt writes it. */
static const char *
mo_string (const guchar *data,
           gsize         size,
           gsize         entry,
           gboolean      swapped)
{
  guint64 length, offset;

  if (entry > size || size - entry < 8)
    return NULL;
  length = mo_word (data, entry, swapped);
  offset = mo_word (data, entry + 4, swapped);
  if (offset + length >= size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

/**
 * dossier_message_catalogue_load:
 * @path: a compiled message catalogue (a GNU .mo file)
 *
 * Reads the messages of one language without making it the process's:
 * gettext answers in the session's language only. Messages with a
 * context are left out, and a plural's first form stands for it.
 *
 * Returns: (transfer full): msgid → translation, or %NULL with @error set
 */
GHashTable *
dossier_message_catalogue_load (const char  *path,
                                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autofree char *name = NULL;
  const guchar *data;
  gsize size = 0;
  guint32 magic, n, originals, translations;
  gboolean swapped;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &size, error))
    return NULL;
  name = g_filename_display_name (path);
  data = (const guchar *) contents;
  if (size < 20 || size > MAX_CATALOGUE_BYTES)
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                   _("“%s” is not a message catalogue"), name);
      return NULL;
    }
  memcpy (&magic, data, sizeof magic);
  if (magic != 0x950412de && GUINT32_SWAP_LE_BE (magic) != 0x950412de)
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                   _("“%s” is not a message catalogue"), name);
      return NULL;
    }
  swapped = magic != 0x950412de;
  n = mo_word (data, 8, swapped);
  originals = mo_word (data, 12, swapped);
  translations = mo_word (data, 16, swapped);
  if ((guint64) n * 8 > size || originals > size - (guint64) n * 8 || translations > size - (guint64) n * 8)
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                   _("The message catalogue “%s” is cut short"), name);
      return NULL;
    }

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = mo_string (data, size, originals + (gsize) i * 8, swapped);
      const char *msgstr = mo_string (data, size, translations + (gsize) i * 8, swapped);

      if (msgid == NULL || msgstr == NULL)
        {
          g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                       _("The message catalogue “%s” is cut short"), name);
          return NULL;
        }
      /* The header (an empty msgid), messages with a context
       * ("context\004msgid"), and what is not UTF-8. */
      if (*msgid == '\0' || strchr (msgid, '\004') != NULL || *msgstr == '\0' ||
          !g_utf8_validate (msgid, -1, NULL) || !g_utf8_validate (msgstr, -1, NULL))
        continue;
      g_hash_table_replace (messages, g_strdup (msgid), g_strdup (msgstr));
    }
  return g_steal_pointer (&messages);
}

/* Adds to @found the template placeholders in @text: bracketed
 * instructions ("[Subject]", "[The problem, how it arose…]"), not
 * citation markers and not editorial brackets without letters ("[...]"). */
static void
collect_placeholders (const char *text,
                      GHashTable *found)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;
  /* Two characters at least: a Korean prompt can be one word ("[내용]"),
   * and only the templates' own count (see template_placeholders()). */
  dossier_regex_once (&regex, "\\[[^]^\\[\\n][^]\\[\\n]{1,}\\]", G_REGEX_OPTIMIZE);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *placeholder = g_match_info_fetch (match, 0);
      gboolean has_letter = FALSE;

      for (const char *p = placeholder; *p; p = g_utf8_next_char (p))
        has_letter |= g_unichar_isalpha (g_utf8_get_char (p));
      if (has_letter)
        g_hash_table_add (found, g_steal_pointer (&placeholder));
      g_match_info_next (match, NULL);
    }
}

static void
collect_memo_placeholders (DossierMemo *memo,
                           GHashTable  *found)
{
  collect_placeholders (dossier_memo_get_to (memo), found);
  collect_placeholders (dossier_memo_get_from (memo), found);
  collect_placeholders (dossier_memo_get_subject (memo), found);
  for (guint i = 0; i < dossier_memo_get_n_sections (memo); i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, i);
      g_autofree char *text = dossier_memo_section_dup_source_text (section);

      collect_placeholders (dossier_memo_section_get_title (section), found);
      collect_placeholders (text, found);
    }
}

static void
collect_template_placeholders (GHashTable *catalogue,
                               GHashTable *found)
{
  for (DossierMemoKind kind = DOSSIER_MEMO_KIND_INFORMATION; kind <= DOSSIER_MEMO_KIND_POLICY_BRIEF; kind++)
    {
      g_autoptr(DossierMemo) template = dossier_memo_new_from_template_in (kind, catalogue);

      collect_memo_placeholders (template, found);
    }
}

/* The languages Dossier ships (po/LINGUAS), in the catalogues' folder:
 * the one the program bound its messages to (the build tree's in tests
 * and `make run`), else the installed one. */
static void
collect_shipped_placeholders (GHashTable *found)
{
  g_auto(GStrv) languages = g_strsplit (DOSSIER_LINGUAS, " ", -1);
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GHashTable) catalogue = NULL;
      g_autoptr(GError) error = NULL;

      if (*languages[i] == '\0')
        continue;
      path = g_build_filename (localedir ? localedir : LOCALEDIR, languages[i], "LC_MESSAGES",
                               GETTEXT_PACKAGE ".mo", NULL);
      catalogue = dossier_message_catalogue_load (path, &error);
      /* A language left out of this installation has no prompts to find;
       * its memos are still checked for the others. */
      if (catalogue == NULL)
        {
          g_debug ("No template prompts in %s: %s", languages[i], error->message);
          continue;
        }
      collect_template_placeholders (catalogue, found);
    }
}

/* Every placeholder the templates have. Only these count: an analyst's
 * own brackets ("[sic]", "[emphasis added]") are not unfinished work. */
static GHashTable *
template_placeholders (void)
{
  static GHashTable *placeholders = NULL;

  if (g_once_init_enter (&placeholders))
    {
      GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* As written, in the session's language, and in every shipped one. */
      collect_template_placeholders (NULL, found);
      for (DossierMemoKind kind = DOSSIER_MEMO_KIND_INFORMATION; kind <= DOSSIER_MEMO_KIND_POLICY_BRIEF; kind++)
        {
          g_autoptr(DossierMemo) template = dossier_memo_new_from_template (kind);

          collect_memo_placeholders (template, found);
        }
      collect_shipped_placeholders (found);
      g_once_init_leave (&placeholders, found);
    }
  return placeholders;
}

/**
 * dossier_memo_find_template_prompt:
 * @text: (nullable): a header field, a section title or a section's text
 *
 * Returns: (transfer full) (nullable): the first template prompt left in
 *   @text, in whichever shipped language it is
 */
char *
dossier_memo_find_template_prompt (const char *text)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *templates = template_placeholders ();
  g_autofree char *first = NULL;
  const char *first_at = NULL;
  GHashTableIter iter;
  gpointer key;

  if (text == NULL)
    return NULL;
  collect_placeholders (text, found);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *at = strstr (text, key);

      if (g_hash_table_contains (templates, key) && (first_at == NULL || at < first_at))
        {
          first_at = at;
          g_free (first);
          first = g_strdup (key);
        }
    }
  return g_steal_pointer (&first);
}
