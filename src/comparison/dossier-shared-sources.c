/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <string.h>

#include "dossier-shared-sources.h"

void
dossier_shared_source_free (gpointer data)
{
  DossierSharedSource *source = data;

  if (source == NULL)
    return;
  g_free (source->key);
  g_free (source->display);
  g_clear_pointer (&source->a_notes, g_array_unref);
  g_clear_pointer (&source->b_notes, g_array_unref);
  g_free (source);
}

/**
 * dossier_normalize_url:
 * @url: an address as a footnote writes it
 *
 * Normalises an address so two citations of one page compare equal: the
 * scheme, a leading "www.", the fragment and a trailing slash are dropped
 * and the host is lower-cased ("https://www.CSIS.org/a/#x" → "csis.org/a").
 *
 * Returns: (transfer full): the normalised address
 */
char *
dossier_normalize_url (const char *url)
{
  g_autofree char *copy = g_strstrip (g_strdup (url));
  char *p = copy, *hash, *slash;
  GString *out;

  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    p += 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    p += 7;
  if (g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;

  if ((hash = strchr (p, '#')) != NULL)
    *hash = '\0';

  out = g_string_new (p);
  while (out->len > 0 && strchr ("/.,;:)", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  slash = strchr (out->str, '/');
  for (char *c = out->str; *c != '\0' && (slash == NULL || c < slash); c++)
    *c = g_ascii_tolower (*c);

  return g_string_free (out, FALSE);
}

/* A title's key: lower case, letters and digits only, single spaces. */
static char *
title_key (const char *title,
           gsize       length)
{
  g_autofree char *normal = g_utf8_normalize (title, length, G_NORMALIZE_NFKC);
  g_autofree char *lower = normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n_words = 0;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          if (space || out->len == 0)
            n_words++;
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else if (c != '\'' && c != 0x2019)
        space = TRUE;
    }

  /* "Ibid." or a quoted word is not a work */
  if (n_words < 3)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * dossier_extract_quoted_titles:
 * @note: a footnote's text
 *
 * Returns: (transfer full): the titles quoted in @note (in typographic or
 *   straight double quotes, three words or more), as written
 */
char **
dossier_extract_quoted_titles (const char *note)
{
  GPtrArray *titles = g_ptr_array_new ();
  const char *p = note;

  while (p != NULL && *p != '\0' && titles->len < 64)
    {
      const char *open_curly = strstr (p, "\xe2\x80\x9c");
      const char *open_straight = strchr (p, '"');
      const char *open, *close;
      gsize skip;

      if (open_curly == NULL && open_straight == NULL)
        break;
      if (open_curly != NULL && (open_straight == NULL || open_curly < open_straight))
        open = open_curly, skip = 3, close = strstr (open + 3, "\xe2\x80\x9d");
      else
        open = open_straight, skip = 1, close = strchr (open + 1, '"');
      if (close == NULL)
        break;

      {
        g_autofree char *title = g_strndup (open + skip, close - open - skip);
        g_strstrip (title);
        while (*title != '\0' && strchr (",.;:", title[strlen (title) - 1]) != NULL)
          title[strlen (title) - 1] = '\0';
        if (*title != '\0')
          g_ptr_array_add (titles, g_steal_pointer (&title));
      }
      p = close + (skip == 3 ? 3 : 1);
    }

  g_ptr_array_add (titles, NULL);
  return (char **) g_ptr_array_free (titles, FALSE);
}

typedef struct {
  char *display;
  GArray *notes;
} Citation;

static void
citation_free (gpointer data)
{
  Citation *citation = data;

  g_free (citation->display);
  g_array_unref (citation->notes);
  g_free (citation);
}

static void
cite (GHashTable *table,
      char       *key,
      const char *display,
      guint       number)
{
  Citation *citation = g_hash_table_lookup (table, key);

  if (citation == NULL)
    {
      citation = g_new0 (Citation, 1);
      citation->display = g_strdup (display);
      citation->notes = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, key, citation);
    }
  else
    g_free (key);

  if (citation->notes->len == 0 ||
      g_array_index (citation->notes, guint, citation->notes->len - 1) != number)
    g_array_append_val (citation->notes, number);
}

static void
collect (DossierTextSnapshot *doc,
         GHashTable          *urls,
         GHashTable          *works)
{
  for (guint i = 0; i < doc->notes->len; i++)
    {
      DossierSnapshotNote *note = g_ptr_array_index (doc->notes, i);
      g_auto(GStrv) titles = dossier_extract_quoted_titles (note->text);

      for (guint u = 0; note->urls != NULL && note->urls[u] != NULL; u++)
        cite (urls, dossier_normalize_url (note->urls[u]), note->urls[u], note->number);
      for (guint t = 0; titles[t] != NULL; t++)
        {
          char *key = title_key (titles[t], -1);

          if (key != NULL)
            cite (works, key, titles[t], note->number);
        }
    }
}

static void
intersect (GPtrArray  *out,
           const char *kind,
           GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Citation *ca = value, *cb = g_hash_table_lookup (b, key);
      DossierSharedSource *source;

      if (cb == NULL)
        continue;
      source = g_new0 (DossierSharedSource, 1);
      source->kind = kind;
      source->key = g_strdup (key);
      source->display = g_strdup (ca->display);
      source->a_notes = g_array_ref (ca->notes);
      source->b_notes = g_array_ref (cb->notes);
      g_ptr_array_add (out, source);
    }
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const DossierSharedSource *x = *(DossierSharedSource * const *) a;
  const DossierSharedSource *y = *(DossierSharedSource * const *) b;
  guint nx = g_array_index (x->a_notes, guint, 0), ny = g_array_index (y->a_notes, guint, 0);

  if (nx != ny)
    return nx < ny ? -1 : 1;
  return strcmp (x->kind, y->kind);
}

/**
 * dossier_find_shared_sources:
 * @a: the left document
 * @b: the right document
 *
 * Finds the sources both documents cite in their footnotes: the same
 * address (see dossier_normalize_url()) or a work of the same quoted title
 * (case and punctuation ignored).
 *
 * Returns: (transfer full) (element-type DossierSharedSource): the shared
 *   sources, in the order of the left document's notes
 */
GPtrArray *
dossier_find_shared_sources (DossierTextSnapshot *a,
                             DossierTextSnapshot *b)
{
  g_autoptr(GHashTable) urls_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, citation_free);
  g_autoptr(GHashTable) urls_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, citation_free);
  g_autoptr(GHashTable) works_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, citation_free);
  g_autoptr(GHashTable) works_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, citation_free);
  GPtrArray *out = g_ptr_array_new_with_free_func (dossier_shared_source_free);

  collect (a, urls_a, works_a);
  collect (b, urls_b, works_b);
  intersect (out, "url", urls_a, urls_b);
  intersect (out, "work", works_a, works_b);
  g_ptr_array_sort (out, compare_sources);

  return out;
}
