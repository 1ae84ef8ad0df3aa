/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-test-cli.h"

/* `dossier-cli import` and `library add` with hostile dossier-document
 * files: one line naming the file and the member, exit status 1, and
 * nothing of them in the library. */

typedef struct {
  const char *name;
  char *json;
  const char *message;
} Hostile;

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

#define HEAD "{\"format\":\"dossier-document\",\"version\":1,"

static char *
document (const char *title,
          const char *body,
          const char *rest)
{
  return g_strdup_printf (HEAD "\"title\":\"%s\",\"paragraphs\":[{\"text\":\"%s\",\"footnote_refs\":"
                          "[{\"number\":1,\"offset\":0}]}]%s}", title, body, rest);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_hostile_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-limits-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *huge = repeat ('x', 5 * 1024 * 1024);
  g_autofree char *url = repeat ('u', 1024 * 1024);
  g_autofree char *title = repeat ('t', 4096);
  g_autofree char *notes = g_strdup_printf (",\"footnotes\":[{\"number\":1,\"text\":\"A note.\","
                                            "\"urls\":[\"https://example.org/%s\"]}]", url);
  g_autofree char *good_json = document (title, "Words of a good document.", "");
  g_autofree char *good = write_file (dir, "good.json", good_json);
  Hostile hostile[] = {
    { "title.json", document (huge, "a", ""), "title is 5,242,880 bytes; at most 4 KiB is allowed\n" },
    { "url.json", document ("t", "b", notes),
      "footnotes[0].urls[0] is 1,048,596 bytes; at most 8 KiB is allowed\n" },
    { "nul.json", document ("t", "cut\\u0000here", ""),
      "paragraphs[0].text: contains a NUL character (\\u0000)\n" },
    { "surrogate.json", document ("t", "half \\ud800 a pair", ""),
      "paragraphs[0].text: contains an unpaired surrogate \\ud800\n" },
    { "offset.json", g_strdup (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"footnote_refs\":"
                               "[{\"number\":1,\"offset\":18446744073709551616}]}]}"),
      "paragraphs[0].footnote_refs[0].offset: 18446744073709551616 is out of range (0–2)\n" },
    { "version.json", g_strdup ("{\"format\":\"dossier-document\",\"version\":1e29,\"title\":\"t\"}"),
      "version: 1e29 is out of range (1–2147483647)\n" },
  };
  g_autoptr(GPtrArray) add_args = g_ptr_array_new_with_free_func (g_free);
  g_auto(DossierTestCliRun) add = { 0 };
  g_auto(DossierTestCliRun) list = { 0 };
  g_auto(DossierTestCliRun) search = { 0 };

  g_assert_no_error (error);

  g_ptr_array_add (add_args, g_strdup ("library"));
  g_ptr_array_add (add_args, g_strdup ("--library"));
  g_ptr_array_add (add_args, g_strdup (db));
  g_ptr_array_add (add_args, g_strdup ("add"));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = write_file (dir, hostile[i].name, hostile[i].json);
      g_autofree char *expected = g_strconcat ("dossier-cli: ", path, ": ", hostile[i].message, NULL);
      g_auto(DossierTestCliRun) run = { 0 };

      dossier_test_cli_run (&run, "import", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);

      g_ptr_array_add (add_args, g_steal_pointer (&path));
      g_free (hostile[i].json);
    }

  /* Right at the limits: added like any other. */
  g_ptr_array_add (add_args, g_strdup (good));
  g_ptr_array_add (add_args, NULL);
  dossier_test_cli_runv (&add, (const char * const *) add_args->pdata);
  g_assert_cmpint (add.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (add.err), ==, G_N_ELEMENTS (hostile));
  g_assert_nonnull (strstr (add.err, "title is 5,242,880 bytes; at most 4 KiB is allowed"));
  g_assert_nonnull (strstr (add.err, "contains a NUL character"));
  g_assert_cmpuint (dossier_test_cli_count_lines (add.out), ==, 1);
  g_assert_nonnull (strstr (add.out, title));

  dossier_test_cli_run (&list, "library", "--library", db, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (list.out), ==, 1);

  dossier_test_cli_run (&search, "library", "--library", db, "search", "good", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, title));

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/cli/limits/hostile-documents", test_hostile_documents);

  return g_test_run ();
}
