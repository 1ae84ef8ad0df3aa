/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-test-cli.h"

/* `dossier-cli library …` as a user runs it: exit codes, output, one-line errors. */

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "samples", name, NULL);
}

static char *
first_field (const char *line)
{
  const char *tab = strchr (line, '\t');

  g_assert_nonnull (tab);
  return g_strndup (line, tab - line);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_cli_library (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *gap = sample ("closing-the-sanctions-gap.txt");
  g_autofree char *talking = sample ("talking-before-it-is-too-late.txt");
  g_autofree char *korean = sample ("hanbando-dangyejeok-jeopgeun.txt");
  g_autofree char *exported_path = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *gap_id = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *short_id = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;
  char **lines;

  g_assert_no_error (error);

  if (!g_file_test (gap, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/samples is missing");
      return;
    }

  /* add */
  dossier_test_cli_run (&run, "library", "--library", db, "add", gap, talking, korean, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 3);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  gap_id = first_field (lines[0]);
  g_assert_nonnull (strstr (lines[0], "Closing the Sanctions Gap"));

  /* compare and matrix take the same shortened ids as library export,
   * and the same -L option */
  {
    g_autofree char *talking_id = first_field (lines[1]);
    g_autofree char *korean_id = first_field (lines[2]);
    g_autofree char *a = g_strndup (gap_id, 4);
    g_autofree char *b = g_strndup (talking_id, 6);
    g_autofree char *c = g_strndup (korean_id, 5);

    dossier_test_cli_run (&run, "compare", "-L", db, a, b, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    dossier_test_cli_run (&run, "compare", "--library", db, "--json", gap_id, b, NULL);
    g_assert_cmpint (run.status, ==, 0);
    dossier_test_cli_run (&run, "matrix", "-L", db, a, b, c, NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);

    dossier_test_cli_run (&run, "compare", "-L", db, "ab", b, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "IDs need at least 4 characters"));
    dossier_test_cli_run (&run, "matrix", "-L", db, a, "abc", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "IDs need at least 4 characters"));
    dossier_test_cli_run (&run, "library", "-L", db, "export", "abc", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "IDs need at least 4 characters"));
  }
  g_strfreev (lines);

  /* A duplicate is reported and skipped, but is not a failure. */
  dossier_test_cli_run (&run, "library", "add", "--library", db, gap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "already in the library"));

  /* A file that cannot be read fails with one line; the others still go in. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
    g_autofree char *garbage = g_build_filename (dir, "garbage.bin", NULL);

    g_file_set_contents (garbage, "\x01\x02\x03\x00\xff binary", 12, NULL);
    dossier_test_cli_run (&run, "library", "--library", db, "add", missing, garbage, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "dossier-cli: "));
  }

  /* list */
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 3);

  dossier_test_cli_run (&run, "library", "--library", db, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  g_clear_pointer (&root, json_node_unref);

  /* search */
  dossier_test_cli_run (&run, "library", "--library", db, "search", "sanctions", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, gap_id);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "snippet"), "\xee\x80\x80"));
  g_clear_pointer (&root, json_node_unref);

  dossier_test_cli_run (&run, "library", "--library", db, "search", "north", "korea", "--limit", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "["));

  dossier_test_cli_run (&run, "library", "--library", db, "search", "zzzzqqqq", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  /* export gives what import printed, byte for byte. */
  dossier_test_cli_run (&run, "import", gap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  imported = g_strdup (run.out);

  dossier_test_cli_run (&run, "library", "--library", db, "export", gap_id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, imported);

  short_id = g_strndup (gap_id, 8);
  dossier_test_cli_run (&run, "library", "--library", db, "export", short_id, "-o", exported_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (exported_path, &exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, imported);

  dossier_test_cli_run (&run, "library", "--library", db, "export", "no-such-id", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);

  /* remove, then add back from the exported JSON. */
  dossier_test_cli_run (&run, "library", "--library", db, "remove", gap_id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Removed “Closing the Sanctions Gap"));
  dossier_test_cli_run (&run, "library", "--library", db, "remove", gap_id, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);

  dossier_test_cli_run (&run, "library", "--library", db, "add", exported_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 3);

  /* A saved web page goes in like the rest, and comes out as import printed it. */
  {
    g_autofree char *html = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "store", "data",
                                              "harbour-insurance.html", NULL);
    g_autofree char *html_json = NULL;
    g_autofree char *html_id = NULL;

    dossier_test_cli_run (&run, "import", html, NULL);
    g_assert_cmpint (run.status, ==, 0);
    html_json = g_strdup (run.out);

    dossier_test_cli_run (&run, "library", "--library", db, "add", html, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
    html_id = first_field (run.out);

    dossier_test_cli_run (&run, "library", "--library", db, "search", "reinsurance", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, html_id));

    dossier_test_cli_run (&run, "library", "--library", db, "export", html_id, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, html_json);
  }

  /* Filters. */
  dossier_test_cli_run (&run, "library", "--library", db, "search", "--author", "whitcombe", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "Closing the Sanctions Gap"));
  dossier_test_cli_run (&run, "library", "--library", db, "search", "korea", "--author", "nobody-at-all", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  dossier_test_cli_run (&run, "library", "--library", db, "search", "--from", "2024-05-01", "--to", "2024-05-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "Harbour"));
  dossier_test_cli_run (&run, "library", "--library", db, "search", "--from", "May 2024", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Usage errors exit 2. */
  dossier_test_cli_run (&run, "library", "--library", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "export", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "add", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "search", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "search"));

  g_unlink (exported_path);
  {
    g_autofree char *garbage = g_build_filename (dir, "garbage.bin", NULL);
    g_unlink (garbage);
  }
  g_unlink (db);
  g_rmdir (dir);
}

static void
test_cli_damaged_library (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *after = NULL;
  const char *garbage = "not a library at all, just words\n";

  g_file_set_contents (db, garbage, -1, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Dossier library"));

  dossier_test_cli_run (&run, "library", "--library", db, "add", "/dev/null", NULL);
  g_assert_cmpint (run.status, ==, 1);

  g_file_get_contents (db, &after, NULL, &error);
  g_assert_cmpstr (after, ==, garbage);

  g_unlink (db);
  g_rmdir (dir);
}

static void
test_cli_default_path (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "dossier", "library.db", NULL);
  g_autofree char *gap = sample ("closing-the-sanctions-gap.txt");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (!g_file_test (gap, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/samples is missing");
      return;
    }

  /* Without --library the CLI uses $XDG_DATA_HOME/dossier/library.db, as the app does. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_ptr_array_add (args, "library");
  g_ptr_array_add (args, "add");
  g_ptr_array_add (args, gap);
  g_ptr_array_add (args, NULL);
  dossier_test_cli_runv (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  g_unlink (db);
  {
    g_autofree char *sub = g_path_get_dirname (db);
    g_rmdir (sub);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/store/cli/library", test_cli_library);
  g_test_add_func ("/dossier/store/cli/damaged-library", test_cli_damaged_library);
  g_test_add_func ("/dossier/store/cli/default-path", test_cli_default_path);

  return g_test_run ();
}
