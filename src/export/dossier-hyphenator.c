/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-hyphenator"

#include "config.h"

#include <hyphen.h>
#include <string.h>

#include "dossier-hyphenator.h"

/**
 * DossierHyphenator:
 *
 * Marks the places where words may be hyphenated, with soft hyphens
 * (U+00AD), from a libhyphen dictionary (the TeX patterns LibreOffice
 * uses). Pango then breaks a line there and draws a hyphen, and draws
 * nothing at the soft hyphens where it does not break.
 *
 * Only ordinary words are touched: words of six letters or more, in the
 * Latin script, that are not all capitals (acronyms) or capitalised
 * inside (names such as McAllister), in a token without digits, "/",
 * "@", "www." or "://" (numbers, URLs, addresses). Hangul, CJK and other
 * scripts are left to Pango's own line breaking.
 *
 * A hyphenator without a dictionary (none installed) returns the text
 * unchanged: hyphenation is an improvement, never a reason to fail.
 *
 * Hyphenated words are cached, since a memo repeats its vocabulary. A
 * hyphenator may be used from several threads at once.
 */

#define MIN_WORD_CHARS  6     /* shorter words are never hyphenated */
#define MAX_WORD_BYTES  64    /* nor longer "words" (chemistry, hostile input) */
#define LEFT_MIN        2     /* letters before a break, at least */
#define RIGHT_MIN       3     /* letters after a break, at least */
#define MAX_CACHE       20000 /* words; the cache is emptied past this */
#define SOFT_HYPHEN     "\xc2\xad"

struct _DossierHyphenator
{
  GObject parent_instance;

  char *path;
  HyphenDict *dict;
  GMutex lock;          /* guards dict (libhyphen is not reentrant) and cache */
  GHashTable *cache;    /* lowercased word → break mask ('1' after char i) */
};

G_DEFINE_FINAL_TYPE (DossierHyphenator, dossier_hyphenator, G_TYPE_OBJECT)

static void
dossier_hyphenator_finalize (GObject *object)
{
  DossierHyphenator *self = (DossierHyphenator *)object;

  g_clear_pointer (&self->dict, hnj_hyphen_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dossier_hyphenator_parent_class)->finalize (object);
}

static void
dossier_hyphenator_class_init (DossierHyphenatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_hyphenator_finalize;
}

static void
dossier_hyphenator_init (DossierHyphenator *self)
{
  g_mutex_init (&self->lock);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * dossier_hyphenator_new:
 * @path: (nullable): a libhyphen dictionary (`hyph_*.dic`)
 *
 * Loads the dictionary at @path. If there is none, or it does not load,
 * the hyphenator leaves text unchanged (see dossier_hyphenator_is_loaded()).
 *
 * Returns: (transfer full): a new hyphenator
 */
DossierHyphenator *
dossier_hyphenator_new (const char *path)
{
  DossierHyphenator *self = g_object_new (DOSSIER_TYPE_HYPHENATOR, NULL);

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      self->path = g_strdup (path);
      self->dict = hnj_hyphen_load (path);
      /* Words are handed over in UTF-8; a dictionary in a legacy 8-bit
       * charset would see garbage, so it is not used. */
      if (self->dict != NULL && !self->dict->utf8)
        {
          g_debug ("%s is not a UTF-8 dictionary; no hyphenation", path);
          g_clear_pointer (&self->dict, hnj_hyphen_free);
        }
    }

  return self;
}

static GPtrArray *
dictionary_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *override = g_getenv ("DOSSIER_HYPHEN_DIR");
  const char * const *data_dirs;

  /* For tests (and users with their own patterns). */
  if (override != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (override, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
      return dirs;
    }

  /* /app/share in the Flatpak, then the system's (Debian: hyphen-en-us). */
  g_ptr_array_add (dirs, g_strdup ("/app/share/hyphen"));
  data_dirs = g_get_system_data_dirs ();
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_build_filename (data_dirs[i], "hyphen", NULL));
  g_ptr_array_add (dirs, g_strdup ("/usr/share/hyphen"));
  return dirs;
}

/* "en-US", "en_US.UTF-8@euro" → "en_US"; NULL for C and POSIX. */
static char *
normalize_language (const char *language)
{
  GString *name;

  if (language == NULL || *language == '\0' ||
      g_str_equal (language, "C") || g_str_equal (language, "POSIX") ||
      g_str_has_prefix (language, "C."))
    return NULL;

  name = g_string_new (NULL);
  for (const char *p = language; *p != '\0' && *p != '.' && *p != '@'; p++)
    {
      if (*p == '-')
        g_string_append_c (name, '_');
      else if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (name, *p);
      else
        break;
    }
  if (name->len == 0 || name->len > 16)
    {
      g_string_free (name, TRUE);
      return NULL;
    }
  return g_string_free (name, FALSE);
}

static char *
find_in_dirs (GPtrArray  *dirs,
              const char *name)
{
  g_autofree char *file = g_strdup_printf ("hyph_%s.dic", name);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *path = g_build_filename (g_ptr_array_index (dirs, i), file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/**
 * dossier_hyphenator_find_dictionary:
 * @language: (nullable): a language tag ("en-US", "en_GB", "de") or %NULL
 *
 * Looks for a dictionary for @language, else for the user's locale
 * languages, else for US English, in `/app/share/hyphen` (Flatpak), the
 * system data folders' `hyphen/` and `/usr/share/hyphen`
 * (`$DOSSIER_HYPHEN_DIR` replaces them all).
 *
 * Returns: (transfer full) (nullable): the dictionary's path, %NULL if
 *   none is installed
 */
char *
dossier_hyphenator_find_dictionary (const char *language)
{
  g_autoptr(GPtrArray) dirs = dictionary_dirs ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const *locale_languages = g_get_language_names ();
  char *name;

  if ((name = normalize_language (language)) != NULL)
    g_ptr_array_add (names, name);
  for (guint i = 0; locale_languages[i] != NULL; i++)
    if ((name = normalize_language (locale_languages[i])) != NULL)
      g_ptr_array_add (names, name);
  g_ptr_array_add (names, g_strdup ("en_US"));

  for (guint i = 0; i < names->len; i++)
    {
      const char *candidate = g_ptr_array_index (names, i);
      char *path = find_in_dirs (dirs, candidate);

      /* "de_AT" falls back to "de" before the next language. */
      if (path == NULL && strchr (candidate, '_') != NULL)
        {
          g_autofree char *base = g_strndup (candidate, strchr (candidate, '_') - candidate);

          path = find_in_dirs (dirs, base);
        }
      if (path != NULL)
        return path;
    }
  return NULL;
}

static GMutex shared_lock;
static GHashTable *shared;   /* language → hyphenator, for the process's life */

/**
 * dossier_hyphenator_get_for_language:
 * @language: (nullable): a language tag, or %NULL for the locale's
 *
 * Returns the shared hyphenator for @language (see
 * dossier_hyphenator_find_dictionary()), loading its dictionary once per
 * process.
 *
 * Returns: (transfer full): a hyphenator, possibly without a dictionary
 */
DossierHyphenator *
dossier_hyphenator_get_for_language (const char *language)
{
  DossierHyphenator *hyphenator;
  const char *key = language != NULL ? language : "";

  g_mutex_lock (&shared_lock);
  if (shared == NULL)
    shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  hyphenator = g_hash_table_lookup (shared, key);
  if (hyphenator == NULL)
    {
      g_autofree char *path = dossier_hyphenator_find_dictionary (language);

      hyphenator = dossier_hyphenator_new (path);
      g_hash_table_insert (shared, g_strdup (key), hyphenator);
    }
  g_object_ref (hyphenator);
  g_mutex_unlock (&shared_lock);

  return hyphenator;
}

static gpointer
preload_thread (gpointer data)
{
  g_autofree char *language = data;

  g_object_unref (dossier_hyphenator_get_for_language (language));
  return NULL;
}

/**
 * dossier_hyphenator_preload:
 * @language: (nullable): a language tag, or %NULL for the locale's
 *
 * Starts loading the shared hyphenator for @language on another thread,
 * so that the dictionary (about 10 ms for US English) is parsed while
 * the caller prepares the document; dossier_hyphenator_get_for_language()
 * waits for it if it is not done.
 */
void
dossier_hyphenator_preload (const char *language)
{
  GThread *thread;
  gboolean loaded;

  /* Once loaded, there is nothing to wait for. */
  if (!g_mutex_trylock (&shared_lock))
    return;
  loaded = shared != NULL && g_hash_table_contains (shared, language != NULL ? language : "");
  g_mutex_unlock (&shared_lock);
  if (loaded)
    return;

  thread = g_thread_try_new ("dossier-hyphen", preload_thread, g_strdup (language), NULL);
  if (thread != NULL)
    g_thread_unref (thread);
}

/**
 * dossier_hyphenator_is_loaded:
 * @self: a hyphenator
 *
 * Returns: whether a dictionary is loaded (else text is left unchanged)
 */
gboolean
dossier_hyphenator_is_loaded (DossierHyphenator *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPHENATOR (self), FALSE);
  return self->dict != NULL;
}

/**
 * dossier_hyphenator_get_path:
 * @self: a hyphenator
 *
 * Returns: (nullable): the dictionary's path, %NULL if none is loaded
 */
const char *
dossier_hyphenator_get_path (DossierHyphenator *self)
{
  g_return_val_if_fail (DOSSIER_IS_HYPHENATOR (self), NULL);
  return self->dict != NULL ? self->path : NULL;
}

/* Whether a whitespace-separated token may hold hyphenable words: not a
 * URL, an e-mail address, a path or anything with digits in it, and not
 * already hyphenated by hand. */
static gboolean
token_is_wordlike (const char *token,
                   gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = token[i];

      if (g_ascii_isdigit (c) || c == '/' || c == '@' || c == '\\' || c == '_')
        return FALSE;
      if (c == '\xc2' && i + 1 < length && token[i + 1] == '\xad')
        return FALSE;
      if (c == ':' && i + 2 < length && token[i + 1] == '/' && token[i + 2] == '/')
        return FALSE;
      if ((c == 'w' || c == 'W') && i + 4 <= length && g_ascii_strncasecmp (token + i, "www.", 4) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Letters (and combining marks) make words; ASCII without a table lookup. */
static inline gboolean
is_word_char (const char *p)
{
  guchar c = *p;

  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p));
}

static inline gboolean
is_space (const char *p)
{
  guchar c = *p;

  if (c < 0x80)
    return g_ascii_isspace (c);
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Computes the break mask of @word (@n_chars characters): mask[i] is
 * '1' if the word may break after character i. The cache is keyed by
 * the word as written (no lowercasing just to look it up). Called with
 * the lock. */
static const char *
word_breaks (DossierHyphenator *self,
             const char        *word,
             gsize              length,
             glong              n_chars)
{
  char key[MAX_WORD_BYTES + 1];
  g_autofree char *lower = NULL;
  gsize lower_length;
  const char *mask;
  char *hyphens;
  char **rep = NULL;
  int *pos = NULL;
  int *cut = NULL;
  char *result;

  g_assert (length <= MAX_WORD_BYTES);
  memcpy (key, word, length);
  key[length] = '\0';
  mask = g_hash_table_lookup (self->cache, key);
  if (mask != NULL)
    return mask;

  result = g_malloc0 (n_chars + 1);
  memset (result, '0', n_chars);
  lower = g_utf8_strdown (word, length);
  lower_length = strlen (lower);

  /* Lowercasing may change the number of characters (İ → i̇): then the
   * breaks could not be mapped back, so the word is left alone. */
  if (g_utf8_strlen (lower, -1) == n_chars && lower_length <= MAX_WORD_BYTES)
    {
      hyphens = g_malloc0 (lower_length + 5);
      if (hnj_hyphen_hyphenate3 (self->dict, lower, (int)lower_length, hyphens, NULL,
                                 &rep, &pos, &cut, LEFT_MIN, RIGHT_MIN, LEFT_MIN, RIGHT_MIN) == 0)
        {
          /* With a UTF-8 dictionary the vector counts characters. Breaks
           * with a replacement (non-standard hyphenation, "Schiff-fahrt")
           * would need the spelling changed: skipped. */
          for (glong i = 0; i + 1 < n_chars; i++)
            if ((hyphens[i] & 1) && (rep == NULL || rep[i] == NULL))
              result[i] = '1';
        }
      if (rep != NULL)
        for (gsize i = 0; i < lower_length; i++)
          free (rep[i]);
      /* libhyphen allocates these with malloc. */
      free (rep);
      free (pos);
      free (cut);
      g_free (hyphens);
    }

  if (g_hash_table_size (self->cache) >= MAX_CACHE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_strdup (key), result);
  return result;
}

/* Appends @word (one run of letters) to @out with soft hyphens at its
 * break points, recording where they went. Called with the lock. */
static void
append_word (DossierHyphenator *self,
             GString           *out,
             const char        *text,
             const char        *word,
             gsize              length,
             guint              min_chars,
             GArray            *insertions)
{
  gboolean ascii = TRUE;
  glong n_chars = 0;
  guint n_upper = 0;
  gboolean first_upper = FALSE;
  const char *mask;
  const char *p;
  glong i;

  if (length < min_chars || length > MAX_WORD_BYTES)
    goto verbatim;

  for (p = word; p < word + length; p = g_utf8_next_char (p), n_chars++)
    {
      guchar b = *p;
      gboolean upper;

      if (b < 0x80)
        upper = g_ascii_isupper (b);
      else
        {
          gunichar c = g_utf8_get_char (p);
          GUnicodeScript script = g_unichar_get_script (c);

          ascii = FALSE;
          if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_INHERITED &&
              script != G_UNICODE_SCRIPT_COMMON)
            goto verbatim;
          upper = g_unichar_isupper (c) || g_unichar_istitle (c);
        }
      if (upper)
        {
          n_upper++;
          if (p == word)
            first_upper = TRUE;
        }
    }
  /* Acronyms (NATO, OECD) and names capitalised inside (McAllister,
   * iPhone): a capital anywhere but first. */
  if (n_chars < (glong)min_chars || n_upper > 1 || (n_upper == 1 && !first_upper))
    goto verbatim;

  mask = word_breaks (self, word, length, n_chars);
  if (ascii)
    {
      gsize from = 0;

      for (i = 0; i + 1 < n_chars; i++)
        if (mask[i] == '1')
          {
            guint offset = word + i + 1 - text;

            g_string_append_len (out, word + from, i + 1 - from);
            g_string_append_len (out, SOFT_HYPHEN, 2);
            if (insertions != NULL)
              g_array_append_val (insertions, offset);
            from = i + 1;
          }
      g_string_append_len (out, word + from, length - from);
      return;
    }

  for (p = word, i = 0; p < word + length; p = g_utf8_next_char (p), i++)
    {
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if (mask[i] == '1' && i + 1 < n_chars)
        {
          guint offset = g_utf8_next_char (p) - text;

          g_string_append_len (out, SOFT_HYPHEN, 2);
          if (insertions != NULL)
            g_array_append_val (insertions, offset);
        }
    }
  return;

verbatim:
  g_string_append_len (out, word, length);
}

/**
 * dossier_hyphenator_hyphenate:
 * @self: a hyphenator
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 * @min_letters: the shortest word to hyphenate, 0 for the default (6);
 *   never less than 6
 * @insertions: (nullable) (element-type guint): where to append the byte
 *   offsets in @text before which a soft hyphen was inserted, in order
 *
 * Inserts soft hyphens (U+00AD, two bytes in UTF-8) at the break points
 * of the hyphenable words of @text. A byte offset o into @text moves to
 * o + 2 × (insertions ≤ o) in the result; a soft hyphen thus stays with
 * the syllable before it.
 *
 * Returns: (transfer full): the hyphenated text (a copy of @text if
 *   there is no dictionary or nothing to hyphenate)
 */
char *
dossier_hyphenator_hyphenate (DossierHyphenator *self,
                              const char        *text,
                              gssize             length,
                              guint              min_letters,
                              GArray            *insertions)
{
  guint min_chars = MAX (min_letters, MIN_WORD_CHARS);
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (DOSSIER_IS_HYPHENATOR (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (self->dict == NULL || !g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);

  out = g_string_sized_new (length + length / 8);
  end = text + length;
  p = text;

  g_mutex_lock (&self->lock);
  while (p < end)
    {
      const char *token = p;
      const char *token_end;

      /* Whitespace verbatim. */
      while (p < end && is_space (p))
        p = g_utf8_next_char (p);
      g_string_append_len (out, token, p - token);
      if (p >= end)
        break;

      token = p;
      while (p < end && !is_space (p))
        p = g_utf8_next_char (p);
      token_end = p;

      if (!token_is_wordlike (token, token_end - token))
        {
          g_string_append_len (out, token, token_end - token);
          continue;
        }

      /* Runs of letters are words; punctuation between them verbatim
       * (so "state-of-the-art" hyphenates at its own hyphens only). */
      for (const char *q = token; q < token_end;)
        {
          const char *start = q;

          if (is_word_char (q))
            {
              while (q < token_end && is_word_char (q))
                q = g_utf8_next_char (q);
              append_word (self, out, text, start, q - start, min_chars, insertions);
            }
          else
            {
              while (q < token_end && !is_word_char (q))
                q = g_utf8_next_char (q);
              g_string_append_len (out, start, q - start);
            }
        }
    }
  g_mutex_unlock (&self->lock);

  return g_string_free (out, FALSE);
}
