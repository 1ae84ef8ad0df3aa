/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hyphenator"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/dossier-hyphenator.h"

#define SHY "\xc2\xad"

static DossierHyphenator *
english (void)
{
  g_autofree char *path = dossier_hyphenator_find_dictionary ("en_US");
  DossierHyphenator *hyphenator;

  if (path == NULL)
    return NULL;
  hyphenator = dossier_hyphenator_new (path);
  g_assert_true (dossier_hyphenator_is_loaded (hyphenator));
  g_assert_cmpstr (dossier_hyphenator_get_path (hyphenator), ==, path);
  return hyphenator;
}

/* Shows the soft hyphens as "-" for readable assertions. */
static char *
visible (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\xc2' && p[1] == '\xad')
        {
          g_string_append_c (out, '-');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
assert_hyphenates (DossierHyphenator *hyphenator,
                   const char        *text,
                   const char        *expected)
{
  g_autoptr(GArray) insertions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *result = dossier_hyphenator_hyphenate (hyphenator, text, -1, 0, insertions);
  g_autofree char *shown = visible (result);
  GString *rebuilt = g_string_new (NULL);
  guint last = 0;

  g_assert_cmpstr (shown, ==, expected);

  /* The insertions say exactly where the soft hyphens went. */
  g_assert_cmpuint (strlen (result), ==, strlen (text) + 2 * insertions->len);
  for (guint i = 0; i < insertions->len; i++)
    {
      guint offset = g_array_index (insertions, guint, i);

      g_assert_cmpuint (offset, >=, last);
      g_string_append_len (rebuilt, text + last, offset - last);
      g_string_append (rebuilt, SHY);
      last = offset;
    }
  g_string_append (rebuilt, text + last);
  g_assert_cmpstr (rebuilt->str, ==, result);
  g_string_free (rebuilt, TRUE);
}

static void
test_words (void)
{
  g_autoptr(DossierHyphenator) hyphenator = english ();

  if (hyphenator == NULL)
    {
      g_test_skip ("no English hyphenation dictionary (hyphen-en-us)");
      return;
    }

  assert_hyphenates (hyphenator, "international", "in-ter-na-tional");
  assert_hyphenates (hyphenator, "verification", "ver-i-fi-ca-tion");
  assert_hyphenates (hyphenator, "The negotiations on deterrence.",
                     "The ne-go-ti-a-tions on de-ter-rence.");
  /* Capitalised first letters hyphenate like the lowercase word. */
  assert_hyphenates (hyphenator, "Interoperability", "In-ter-op-er-abil-ity");
  /* Punctuation around and inside tokens stays put. */
  assert_hyphenates (hyphenator, "(organization), \u201cverification\u201d",
                     "(or-ga-ni-za-tion), \u201cver-i-fi-ca-tion\u201d");
  assert_hyphenates (hyphenator, "state-of-the-art", "state-of-the-art");
  /* A higher minimum (ragged text) leaves shorter words alone. */
  {
    g_autofree char *result = dossier_hyphenator_hyphenate (hyphenator, "alliance verification", -1, 9, NULL);
    g_autofree char *shown = visible (result);

    g_assert_cmpstr (shown, ==, "alliance ver-i-fi-ca-tion");
  }
  /* A word with accents: breaks are counted in characters. */
  assert_hyphenates (hyphenator, "d\u00e9tente international",
                     "d\u00e9-tente in-ter-na-tional");
}

static void
test_untouched (void)
{
  g_autoptr(DossierHyphenator) hyphenator = english ();
  const char *untouched[] = {
    "the talks were short",                           /* words under six letters */
    "NATO OECD UNCLASSIFIED",                         /* acronyms */
    "McAllister iPhone",                              /* capitals inside */
    "https://example.org/international/verification", /* URLs */
    "www.internationalorganization.org",
    "analyst@international.example",
    "COVID19 international2024 1990s",                /* digits */
    "\ud55c\ubc18\ub3c4 \ube44\ud575\ud654 \ud611\uc0c1\uacfc \uad6d\uc81c\uc0ac\ud68c\uc758 \uac80\uc99d", /* Hangul */
    "\u56fd\u9645\u5173\u7cfb\u548c\u5e73\u8c08\u5224",          /* CJK */
    "\u043c\u0435\u0436\u0434\u0443\u043d\u0430\u0440\u043e\u0434\u043d\u044b\u0439", /* Cyrillic, no Russian patterns */
    "inter" SHY "national",                           /* hyphenated by hand */
    "",
  };

  if (hyphenator == NULL)
    {
      g_test_skip ("no English hyphenation dictionary (hyphen-en-us)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (untouched); i++)
    {
      g_autoptr(GArray) insertions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *result = dossier_hyphenator_hyphenate (hyphenator, untouched[i], -1, 0, insertions);

      g_assert_cmpstr (result, ==, untouched[i]);
      g_assert_cmpuint (insertions->len, ==, 0);
    }

  /* A length shorter than the string; invalid UTF-8 is returned as is. */
  {
    g_autofree char *part = dossier_hyphenator_hyphenate (hyphenator, "international talks", 13, 0, NULL);
    g_autofree char *broken = dossier_hyphenator_hyphenate (hyphenator, "internation\xff" "al", -1, 0, NULL);
    g_autofree char *shown = visible (part);

    g_assert_cmpstr (shown, ==, "in-ter-na-tional");
    g_assert_cmpstr (broken, ==, "internation\xff" "al");
  }
}

static void
test_cache (void)
{
  g_autoptr(DossierHyphenator) hyphenator = english ();
  GString *text = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (hyphenator == NULL)
    {
      g_test_skip ("no English hyphenation dictionary (hyphen-en-us)");
      g_string_free (text, TRUE);
      return;
    }

  /* Many distinct words (the cache empties itself past its bound) and
   * repeats give the same result every time. */
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (text, "verification%c%c ", 'a' + i % 26, 'a' + (i / 26) % 26);
  first = dossier_hyphenator_hyphenate (hyphenator, text->str, text->len, 0, NULL);
  second = dossier_hyphenator_hyphenate (hyphenator, text->str, text->len, 0, NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_prefix (first, "ver" SHY "i" SHY "fi" SHY "ca" SHY "tion"));
  g_string_free (text, TRUE);
}

static void
test_missing (void)
{
  g_autoptr(DossierHyphenator) none = dossier_hyphenator_new (NULL);
  g_autoptr(DossierHyphenator) absent = dossier_hyphenator_new ("/nonexistent/hyph_xx.dic");
  g_autofree char *dir = g_dir_make_tmp ("dossier-hyphen-XXXXXX", NULL);
  g_autofree char *bogus_path = g_build_filename (dir, "hyph_en_US.dic", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *found = NULL;

  g_assert_false (dossier_hyphenator_is_loaded (none));
  g_assert_false (dossier_hyphenator_is_loaded (absent));
  g_assert_null (dossier_hyphenator_get_path (absent));
  a = dossier_hyphenator_hyphenate (none, "international verification", -1, 0, NULL);
  b = dossier_hyphenator_hyphenate (absent, "international verification", -1, 0, NULL);
  g_assert_cmpstr (a, ==, "international verification");
  g_assert_cmpstr (b, ==, "international verification");

  /* An empty folder: no dictionary for any language, not even the
   * fallback; then a garbage file is no error either. */
  g_setenv ("DOSSIER_HYPHEN_DIR", dir, TRUE);
  found = dossier_hyphenator_find_dictionary ("de_DE");
  g_assert_null (found);
  g_assert_true (g_file_set_contents (bogus_path, "not a\ndictionary \xff\n", -1, NULL));
  {
    g_autoptr(DossierHyphenator) bogus = dossier_hyphenator_new (bogus_path);
    g_autofree char *c = dossier_hyphenator_hyphenate (bogus, "international", -1, 0, NULL);

    g_assert_nonnull (c);
  }
  g_unsetenv ("DOSSIER_HYPHEN_DIR");
  g_unlink (bogus_path);
  g_rmdir (dir);
}

static void
test_language (void)
{
  g_autofree char *us = dossier_hyphenator_find_dictionary ("en-US");
  g_autofree char *fallback = dossier_hyphenator_find_dictionary ("xx_YY.UTF-8@euro");
  g_autoptr(DossierHyphenator) shared1 = dossier_hyphenator_get_for_language ("en-US");
  g_autoptr(DossierHyphenator) shared2 = dossier_hyphenator_get_for_language ("en-US");

  /* A language without patterns falls back to US English. */
  g_assert_cmpstr (us, ==, fallback);
  g_assert_true (shared1 == shared2);
  if (us == NULL)
    g_test_message ("no English hyphenation dictionary installed");
  else
    g_assert_true (g_str_has_suffix (us, ".dic"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export/hyphenator/words", test_words);
  g_test_add_func ("/dossier/export/hyphenator/untouched", test_untouched);
  g_test_add_func ("/dossier/export/hyphenator/cache", test_cache);
  g_test_add_func ("/dossier/export/hyphenator/missing", test_missing);
  g_test_add_func ("/dossier/export/hyphenator/language", test_language);

  return g_test_run ();
}
