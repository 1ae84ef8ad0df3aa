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

/* library search shows the page of a match in a PDF, as a citation
 * gives it: a memo of several pages, a word only in its last paragraph. */
static void
test_search_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-pdf-cli-XXXXXX", NULL);
  g_autofree char *memo = g_build_filename (dir, "long.dossier-memo", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\":\"dossier-memo\",\"version\":1,\"kind\":\"decision\","
                                          "\"header\":{\"marking\":\"UNCLASSIFIED\",\"subject\":\"(U) Port Security in Three Regions\","
                                          "\"to\":\"The Director\",\"from\":\"Analysis Unit\","
                                          "\"date\":\"2025-03-04\"},\"sections\":[");
  g_auto(DossierTestCliRun) run = { 0, };
  const char *page_field;
  guint page;

  for (guint s = 0; s < 8; s++)
    {
      g_string_append_printf (json, "%s{\"title\":\"(U) Region %u\",\"blocks\":[", s ? "," : "", s + 1);
      for (guint p = 0; p < 6; p++)
        {
          /* Text that differs from paragraph to paragraph (repeated lines
           * would be running heads). */
          static const char * const words[] = { "harbour", "insurer", "vessel", "anchorage", "premium",
                                                "inspection", "cargo", "convoy", "corridor", "pilot", "berth" };
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint w = 0; w < 60; w++)
            g_string_append_printf (text, "%s%s", w ? " " : "", words[(w * (s * 6 + p + 3) + w / 7) % G_N_ELEMENTS (words)]);
          if (s == 7 && p == 5)
            g_string_append (text, " as the wombat survey showed");
          g_string_append_printf (json, "%s{\"type\":\"paragraph\",\"text\":\"Port %u.%u: %s.\"}",
                                  p ? "," : "", s + 1, p + 1, text->str);
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "],\"citations\":[]}");
  g_assert_true (g_file_set_contents (memo, json->str, -1, NULL));

  dossier_test_cli_run (&run, "export-pdf", "-o", pdf, memo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "import", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* The page the importer gives the paragraph: the last one but one. */
  page_field = strstr (run.out, "wombat survey");
  g_assert_nonnull (page_field);
  page_field = strstr (page_field, "\"page\" : ");
  g_assert_nonnull (page_field);
  page = (guint) g_ascii_strtoull (page_field + strlen ("\"page\" : "), NULL, 10);
  g_assert_cmpuint (page, >=, 2);

  dossier_test_cli_run (&run, "library", "--library", db, "add", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "--library", db, "search", "wombat", NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("\tp. %u: ", page);
  g_assert_nonnull (strstr (run.out, expected));
  g_assert_nonnull (strstr (run.out, "[wombat]"));
  dossier_test_cli_run (&run, "library", "--library", db, "search", "--json", "wombat", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("\"page\" : %u", page);
  g_assert_nonnull (strstr (run.out, expected));

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-cli/import-and-add", test_import_and_add);
  g_test_add_func ("/pdf-cli/search-page", test_search_page);

  return g_test_run ();
}
