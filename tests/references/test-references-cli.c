/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-test-cli.h"
#include "dossier-test-files.h"

/* `dossier-cli library add` of reference managers' exports and
 * `library export-citations`, as a user runs them. */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "references", name, NULL);
}

static void
test_add_and_export (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-references-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *zotero = fixture ("zotero.json");
  g_autofree char *ris = fixture ("zotero.ris");
  g_autofree char *out = g_build_filename (dir, "out.ris", NULL);
  g_autofree char *written = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *first_id = NULL;

  g_assert_no_error (error);

  /* Each entry is a library entry; the RIS file's report is the same
   * text as … nothing: the CSL-JSON entries have none, so both stay. */
  dossier_test_cli_run (&run, "library", "--library", db, "add", zotero, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  lines = g_strsplit (run.out, "\n", -1);
  first_id = g_strndup (lines[0], strcspn (lines[0], "\t"));

  /* The RIS report's address is the CSL-JSON report's: a duplicate,
   * skipped; the article is new (no address, no text). */
  dossier_test_cli_run (&run, "library", "--library", db, "add", ris, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.err, "skipped"));

  /* A year-and-month date is listed as it is known. */
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\t2023-11\tInterim Steps"));

  dossier_test_cli_run (&run, "library", "--library", db, "export-citations", "--format=bibtex", first_id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "@techreport{ref2023interim,\n"));
  g_assert_nonnull (strstr (run.out, "van Beethoven, Ludwig and {Korea Institute for National Unification}"));
  g_assert_cmpuint (strlen (run.out), ==, strlen (strstr (run.out, "@")));

  dossier_test_cli_run (&run, "library", "--library", db, "export-citations", "--format=ris", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  {
    guint records = 0;

    for (const char *p = strstr (written, "ER  - "); p != NULL; p = strstr (p + 1, "ER  - "))
      records++;
    g_assert_cmpuint (records, ==, 3);
  }

  dossier_test_cli_run (&run, "library", "--library", db, "export-citations", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "[\n"));

  dossier_test_cli_run (&run, "library", "--library", db, "export-citations", "--format=endnote", NULL);
  g_assert_cmpint (run.status, ==, 2);

  dossier_test_remove_tree (dir);
}

/* A bad entry is named on its own line; the rest are stored. */
static void
test_add_problems (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-references-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "[{\"id\": \"a\", \"title\": \"Kept\"}, {\"id\": \"b\"}]", -1, NULL));

  dossier_test_cli_run (&run, "library", "--library", db, "add", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 2 (“b”): it has no title"));
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);

  dossier_test_remove_tree (dir);
}

/* `import` prints one entry; an export of several is refused, saying
 * how to add them all. */
static void
test_import (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-references-cli-XXXXXX", &error);
  g_autofree char *one = g_build_filename (dir, "one.bib", NULL);
  g_autofree char *several = fixture ("jabref.bib");

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (one, "@book{k, title = {Caf\\'e Society}, year = 2019}\n", -1, NULL));

  dossier_test_cli_run (&run, "import", one, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"title\" : \"Café Society\""));
  g_assert_nonnull (strstr (run.out, "\"issued\" : \"2019\""));

  dossier_test_cli_run (&run, "import", several, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The file holds 2 references; add them all with"));

  dossier_test_remove_tree (dir);
}

/* A memo's sources, each work once, in the order first cited. */
static void
test_memo_sources (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-references-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *memo = g_test_build_filename (G_TEST_DIST, "memo", "data", "briefing.dossier-memo", NULL);
  g_autofree char *zotero = fixture ("zotero.json");
  const char *p;
  guint records = 0;

  g_assert_no_error (error);
  dossier_test_cli_run (&run, "library", "--library", db, "add", zotero, NULL);
  g_assert_cmpint (run.status, ==, 0);

  dossier_test_cli_run (&run, "memo", "sources", memo, "--format=ris", "--library", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  for (p = strstr (run.out, "TY  - "); p != NULL; p = strstr (p + 1, "TY  - "))
    records++;
  g_assert_cmpuint (records, ==, 4);
  g_assert_true (g_str_has_prefix (strstr (run.out, "TI  - "), "TI  - Quiet Diplomacy on the Peninsula\r\n"));
  /* Dated as the memo dates it. */
  g_assert_nonnull (strstr (run.out, "DA  - 2024/04/12/\r\n"));

  dossier_test_cli_run (&run, "memo", "sources", memo, "--format=word", "--library", db, NULL);
  g_assert_cmpint (run.status, ==, 2);

  dossier_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/references/cli/add-export", test_add_and_export);
  g_test_add_func ("/dossier/references/cli/add-problems", test_add_problems);
  g_test_add_func ("/dossier/references/cli/memo-sources", test_memo_sources);
  g_test_add_func ("/dossier/references/cli/import", test_import);

  return g_test_run ();
}
