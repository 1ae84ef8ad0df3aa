/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli import and library add with a PDF, as a user runs them: the
 * PDF is a memo exported by dossier-cli export-pdf from the memo tests'
 * own briefing. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-test-cli.h"

static char *
first_field (const char *line)
{
  const char *end = line;

  while (*end != '\0' && *end != ' ' && *end != '\t')
    end++;
  return g_strndup (line, end - line);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_import_and_add (void)
{
  g_autofree char *memo = g_test_build_filename (G_TEST_DIST, "memo", "data", "briefing.dossier-memo", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dossier-pdf-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "briefing.pdf", NULL);
  g_autofree char *misnamed = g_build_filename (dir, "briefing.txt", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  g_auto(DossierTestCliRun) run = { 0, };
  gsize length;

  dossier_test_cli_run (&run, "export-pdf", "-o", pdf, memo, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* By content, by --format and whatever the name. */
  dossier_test_cli_run (&run, "import", pdf, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"title\" : \"(U) Options for Reopening Talks with Pyongyang\""));
  g_assert_nonnull (strstr (run.out, "\"page\" : 1"));
  g_assert_nonnull (strstr (run.out, "\"kind\" : \"heading\""));
  g_assert_null (strstr (run.out, "UNCLASSIFIED"));

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (misnamed, contents, length, NULL));
  dossier_test_cli_run (&run, "import", "--format=pdf", misnamed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"page\" : 1"));
  dossier_test_cli_run (&run, "import", misnamed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"page\" : 1"));

  /* --format=pdf on a text file: one line saying so. */
  g_assert_true (g_file_set_contents (text, "Just some notes.\n", -1, NULL));
  dossier_test_cli_run (&run, "import", "--format=pdf", text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "not a PDF"));
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);

  /* library add keeps the pages. */
  dossier_test_cli_run (&run, "library", "--library", db, "add", pdf, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  id = first_field (run.out);
  dossier_test_cli_run (&run, "library", "--library", db, "export", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"page\" : 1"));

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-cli/import-and-add", test_import_and_add);

  return g_test_run ();
}
