/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "comparison/dossier-comparison.h"
#include "formats/dossier-document-json.h"
#include "memo/dossier-memo-json.h"

/* Memos and comparisons read through the same JSON reader as documents:
 * their header and sources are bounded, strings that json-glib would cut
 * or make invalid are refused, and numbers are quoted as written. */

#define MEMO_HEAD "{\"format\":\"dossier-memo\",\"version\":1,"
#define HEADER "\"header\":{\"marking\":null,\"to\":\"A\",\"from\":\"B\",\"date\":\"2024-02-03\",\"subject\":\"S\"},"

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static void
assert_memo_error (const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = dossier_memo_from_json (json, -1, &error);

  g_assert_null (memo);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
}

static void
assert_memo_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = dossier_memo_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (memo);
}

static char *
memo_with_subject (gsize length)
{
  g_autofree char *subject = repeat ('s', length);

  return g_strdup_printf (MEMO_HEAD "\"header\":{\"marking\":null,\"to\":\"A\",\"from\":\"B\",\"date\":\"2024-02-03\","
                          "\"subject\":\"%s\"},\"sections\":[],\"citations\":[]}", subject);
}

static char *
memo_with_citation (const char *citation)
{
  return g_strdup_printf (MEMO_HEAD HEADER "\"sections\":[],\"citations\":[{\"id\":\"c\",%s}]}", citation);
}

static void
test_memo_limits (void)
{
  g_autofree char *at = memo_with_subject (16 * 1024);
  g_autofree char *over = memo_with_subject (60 * 1024 * 1024);
  g_autofree char *title = repeat ('t', 4097);
  g_autofree char *url = repeat ('u', 8 * 1024 * 1024);
  g_autofree char *quote = repeat ('q', 1024 * 1024 + 1);
  g_autofree char *long_title = NULL;
  g_autofree char *long_url = NULL;
  g_autofree char *long_quote = NULL;
  g_autofree char *marking = repeat ('m', 4097);
  g_autofree char *long_marking = NULL;

  assert_memo_ok (at);
  assert_memo_error (over, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                     "header.subject is 62,914,560 bytes; at most 16 KiB is allowed");

  long_marking = g_strdup_printf (MEMO_HEAD "\"header\":{\"marking\":\"%s\",\"to\":\"A\",\"from\":\"B\","
                                  "\"date\":\"2024-02-03\",\"subject\":\"S\"},\"sections\":[],\"citations\":[]}",
                                  marking);
  assert_memo_error (long_marking, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                     "header.marking is 4,097 bytes; at most 4 KiB is allowed");

  {
    g_autofree char *document = g_strdup_printf ("\"document\":{\"title\":\"%s\",\"authors\":[]}", title);
    long_title = memo_with_citation (document);
  }
  assert_memo_error (long_title, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                     "citations[0].document.title is 4,097 bytes; at most 4 KiB is allowed");

  {
    g_autofree char *document = g_strdup_printf ("\"document\":{\"title\":\"T\",\"authors\":[],"
                                                 "\"source_url\":\"https://%s\"}", url);
    long_url = memo_with_citation (document);
  }
  assert_memo_error (long_url, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                     "citations[0].document.source_url is 8,388,616 bytes; at most 8 KiB is allowed");

  {
    g_autofree char *citation = g_strdup_printf ("\"quote\":\"%s\",\"document\":{\"title\":\"T\",\"authors\":[]}",
                                                 quote);
    long_quote = memo_with_citation (citation);
  }
  assert_memo_error (long_quote, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                     "citations[0].quote is 1,048,577 bytes; at most 1 MiB is allowed");
}

static void
test_memo_strings_and_numbers (void)
{
  assert_memo_error (MEMO_HEAD HEADER "\"sections\":[{\"title\":\"One\",\"blocks\":[{\"type\":\"paragraph\","
                     "\"text\":\"cut\\u0000here\"}]}],\"citations\":[]}",
                     DOSSIER_FORMAT_ERROR_INVALID, "sections[0].blocks[0].text: contains a NUL character (\\u0000)");
  assert_memo_error (MEMO_HEAD HEADER "\"sections\":[],\"citations\":[{\"id\":\"c\",\"quote\":\"x\\udbff\","
                     "\"document\":{\"title\":\"T\",\"authors\":[]}}]}",
                     DOSSIER_FORMAT_ERROR_INVALID, "citations[0].quote: contains an unpaired surrogate \\udbff");
  assert_memo_error (MEMO_HEAD HEADER "\"sections\":[],\"citations\":[{\"id\":\"c\",\"document\":{\"title\":\"T\","
                     "\"authors\":[]},\"via\":{\"note\":18446744073709551616,\"text\":\"n\"}}]}",
                     DOSSIER_FORMAT_ERROR_INVALID,
                     "citations[0].via.note: 18446744073709551616 is out of range (1–2147483647)");
  assert_memo_error ("{\"format\":\"dossier-memo\",\"version\":1e29}", DOSSIER_FORMAT_ERROR_INVALID,
                     "version: 1e29 is out of range (1–2147483647)");

  /* A note number written 3.0 is the number 3. */
  assert_memo_ok (MEMO_HEAD HEADER "\"sections\":[],\"citations\":[{\"id\":\"c\",\"document\":{\"title\":\"T\","
                  "\"authors\":[]},\"via\":{\"note\":3.0,\"text\":\"n\"}}]}");
}

static void
assert_comparison_error (const char *json,
                         const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-limits-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.dossier-comparison", NULL);
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "comparison", "data", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (json);
  g_autoptr(DossierComparison) comparison = NULL;

  g_assert_no_error (error);
  g_string_replace (text, "@DATA@", data_dir, 0);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));

  comparison = dossier_comparison_load (file, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_comparison (void)
{
  assert_comparison_error ("{\"format\":\"dossier-comparison\",\"version\":1,\"mode\":\"auto\","
                           "\"left\":{\"path\":\"@DATA@/aid-engagement.txt\",\"title\":\"a\\u0000b\"},"
                           "\"right\":{\"path\":\"@DATA@/aid-pressure.txt\"}}",
                           "left.title: contains a NUL character (\\u0000)");
  assert_comparison_error ("{\"format\":\"dossier-comparison\",\"version\":1,\"mode\":\"auto\","
                           "\"left\":{\"path\":\"@DATA@/aid-engagement.txt\"},"
                           "\"right\":{\"path\":\"@DATA@/aid-pressure.txt\"},"
                           "\"anchors\":[{\"a\":0,\"b\":0},{\"a\":18446744073709551616,\"b\":0}]}",
                           "anchors[1].a: 18446744073709551616 is out of range (0–");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/memo/limits/fields", test_memo_limits);
  g_test_add_func ("/dossier/memo/limits/strings-numbers", test_memo_strings_and_numbers);
  g_test_add_func ("/dossier/memo/limits/comparison", test_comparison);

  return g_test_run ();
}
