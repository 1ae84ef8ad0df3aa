/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-test-cli.h"

/* `dossier-cli compare` and `dossier-cli matrix`, run as a user runs them. */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static guint
n_paragraphs (const char *path)
{
  g_auto(DossierTestCliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  dossier_test_cli_run (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, parser);
  return json_array_get_length (json_object_get_array_member (root, "paragraphs"));
}

static void
test_compare_json (void)
{
  g_autofree char *a = fixture ("aid-engagement.txt");
  g_autofree char *b = fixture ("aid-pressure.txt");
  g_auto(DossierTestCliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *topics, *names;
  JsonArray *alignments, *sources;
  guint na = n_paragraphs (a), nb = n_paragraphs (b);

  dossier_test_cli_run (&run, "compare", "--json", a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (run.out, parser);

  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "perspectives");
  alignments = json_object_get_array_member (root, "alignments");
  g_assert_cmpuint (json_array_get_length (alignments), >=, 8);
  for (guint i = 0; i < json_array_get_length (alignments); i++)
    {
      JsonObject *link = json_array_get_object_element (alignments, i);
      JsonArray *terms = json_object_get_array_member (link, "shared_terms");

      /* indices into the paragraphs `dossier-cli import` prints */
      g_assert_cmpint (json_object_get_int_member (link, "a"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (link, "a"), <, na);
      g_assert_cmpint (json_object_get_int_member (link, "b"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (link, "b"), <, nb);
      g_assert_cmpfloat (json_object_get_double_member (link, "score"), >, 0.0);
      g_assert_cmpuint (json_array_get_length (terms), >, 0);
      g_assert_nonnull (json_array_get_string_element (terms, 0));
    }

  topics = json_object_get_object_member (root, "topics");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topics, "shared")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topics, "left_only")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topics, "right_only")), >, 0);

  sources = json_object_get_array_member (root, "shared_sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 2);

  names = json_object_get_object_member (root, "names");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (names, "left")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (names, "right")), >, 0);

  g_assert_cmpint (json_object_get_int_member (root, "changes"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "edits")), ==, 0);
}

static void
test_compare_versions_json (void)
{
  g_autofree char *a = fixture ("brief-v1.txt");
  g_autofree char *b = fixture ("brief-v2.txt");
  g_auto(DossierTestCliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *edit;
  JsonArray *edits;

  dossier_test_cli_run (&run, "compare", "--json", a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, parser);

  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "versions");
  g_assert_cmpint (json_object_get_int_member (root, "changes"), ==, 5);
  edits = json_object_get_array_member (root, "edits");
  g_assert_cmpuint (json_array_get_length (edits), ==, 13);

  edit = json_array_get_object_element (edits, 2);
  g_assert_cmpstr (json_object_get_string_member (edit, "op"), ==, "delete");
  g_assert_cmpint (json_object_get_int_member (edit, "a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (edit, "b"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (edit, "text"), ==, "three");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (edit, "a_words"), 0), ==, 10);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (edit, "a_words"), 1), ==, 11);

  /* a paragraph added whole has no left paragraph */
  edit = json_array_get_object_element (edits, 9);
  g_assert_cmpstr (json_object_get_string_member (edit, "op"), ==, "insert");
  g_assert_true (json_object_get_null_member (edit, "a"));
  g_assert_cmpint (json_object_get_int_member (edit, "b"), ==, 4);

  /* forcing perspectives on versions works too */
  {
    g_auto(DossierTestCliRun) forced = { 0, };
    g_autoptr(JsonParser) parser2 = json_parser_new ();

    dossier_test_cli_run (&forced, "compare", "--mode=perspectives", "--json", a, b, NULL);
    g_assert_cmpint (forced.status, ==, 0);
    g_assert_cmpstr (json_object_get_string_member (parse_object (forced.out, parser2), "mode"), ==, "perspectives");
  }
}

static void
test_compare_text (void)
{
  g_autofree char *a = fixture ("brief-v1.txt");
  g_autofree char *b = fixture ("brief-v2.txt");
  g_auto(DossierTestCliRun) run = { 0, };

  dossier_test_cli_run (&run, "compare", a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Mode: versions"));
  g_assert_nonnull (strstr (run.out, "5 changes:"));
  g_assert_nonnull (strstr (run.out, "- A1 B1: three"));
  g_assert_nonnull (strstr (run.out, "+ A1 B1: four"));
}

static void
test_compare_errors (void)
{
  g_autofree char *a = fixture ("brief-v1.txt");
  g_autofree char *missing = fixture ("no-such-file.txt");

  {
    g_auto(DossierTestCliRun) run = { 0, };
    dossier_test_cli_run (&run, "compare", a, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(DossierTestCliRun) run = { 0, };
    dossier_test_cli_run (&run, "compare", "--mode=sideways", a, a, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(DossierTestCliRun) run = { 0, };
    dossier_test_cli_run (&run, "compare", a, missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_str_has_prefix (run.err, "dossier-cli: "));
  }
  {
    g_auto(DossierTestCliRun) run = { 0, };
    dossier_test_cli_run (&run, "matrix", a, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_matrix_json (void)
{
  g_autofree char *a = fixture ("aid-engagement.txt");
  g_autofree char *b = fixture ("aid-pressure.txt");
  g_autofree char *c = fixture ("brief-v1.txt");
  g_auto(DossierTestCliRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *documents, *topics;

  dossier_test_cli_run (&run, "matrix", "--json", a, b, c, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, parser);

  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "authors"), ==,
                   "Hana Seo");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "affiliations"), ==,
                   "Asia Peace Institute");

  topics = json_object_get_array_member (root, "topics");
  g_assert_cmpuint (json_array_get_length (topics), >=, 5);
  for (guint t = 0; t < json_array_get_length (topics); t++)
    {
      JsonObject *topic = json_array_get_object_element (topics, t);

      g_assert_cmpstr (json_object_get_string_member (topic, "label"), !=, "");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topic, "cells")), ==, 3);
    }

  {
    g_auto(DossierTestCliRun) text = { 0, };

    dossier_test_cli_run (&text, "matrix", a, b, NULL);
    g_assert_cmpint (text.status, ==, 0);
    g_assert_nonnull (strstr (text.out, "A: Feeding the North"));
  }
}

static JsonObject *
find_link (JsonObject *root,
           gint64      a,
           gint64      b)
{
  JsonArray *alignments = json_object_get_array_member (root, "alignments");

  for (guint i = 0; i < json_array_get_length (alignments); i++)
    {
      JsonObject *link = json_array_get_object_element (alignments, i);

      if (json_object_get_int_member (link, "a") == a && json_object_get_int_member (link, "b") == b)
        return link;
    }
  return NULL;
}

/* Anchors on the command line, saved into a comparison file and reopened. */
static void
test_compare_anchor_save (void)
{
  g_autofree char *a = fixture ("aid-engagement.txt");
  g_autofree char *b = fixture ("aid-pressure.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-compare-cli-XXXXXX", &error);
  g_autofree char *saved = g_build_filename (dir, "saved.dossier-comparison", NULL);
  g_auto(DossierTestCliRun) run = { 0, };
  g_auto(DossierTestCliRun) reopened = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *link;

  dossier_test_cli_run (&run, "compare", "--json", "--anchor", "0:10", "--save", saved, a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  link = find_link (parse_object (run.out, parser), 0, 10);
  g_assert_nonnull (link);
  g_assert_true (json_object_get_boolean_member (link, "anchored"));

  dossier_test_cli_run (&reopened, "compare", "--json", "--comparison", saved, NULL);
  g_assert_cmpint (reopened.status, ==, 0);
  g_assert_cmpstr (reopened.out, ==, run.out);
  g_assert_nonnull (find_link (parse_object (reopened.out, parser2), 0, 10));

  {
    g_auto(DossierTestCliRun) bad = { 0, };
    dossier_test_cli_run (&bad, "compare", "--anchor", "0:99", a, b, NULL);
    g_assert_cmpint (bad.status, ==, 2);
  }
  {
    g_auto(DossierTestCliRun) bad = { 0, };
    dossier_test_cli_run (&bad, "compare", "--comparison", saved, a, NULL);
    g_assert_cmpint (bad.status, ==, 2);
  }

  g_remove (saved);
  g_rmdir (dir);
}

/* Library ids, when this build has a library (`dossier-cli library`). */
static void
test_compare_library_ids (void)
{
  g_autofree char *a = fixture ("brief-v1.txt");
  g_autofree char *b = fixture ("brief-v2.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-compare-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_auto(DossierTestCliRun) help = { 0, };
  g_auto(DossierTestCliRun) add = { 0, };
  g_auto(DossierTestCliRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;

  dossier_test_cli_run (&help, "--help", NULL);
  if (strstr (help.out, "library") == NULL)
    {
      g_test_skip ("this build has no library");
      return;
    }

  dossier_test_cli_run (&add, "library", "--library", db, "add", a, b, NULL);
  if (add.status != 0)
    {
      g_test_skip ("the library could not add the fixtures");
      return;
    }
  /* "ID<TAB>title" per document */
  lines = g_strsplit (add.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  id_a = g_strndup (lines[0], strcspn (lines[0], "\t"));
  id_b = g_strndup (lines[1], strcspn (lines[1], "\t"));

  dossier_test_cli_run (&run, "compare", "--library", db, "--json", id_a, id_b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (parse_object (run.out, parser), "mode"), ==, "versions");

  {
    g_auto(DossierTestCliRun) bad = { 0, };
    dossier_test_cli_run (&bad, "compare", "--library", db, id_a, "no-such-id", NULL);
    g_assert_cmpint (bad.status, ==, 1);
  }

  g_remove (db);
  g_rmdir (dir);
}

/* Without --library, ids are read from the app's library
 * ($XDG_DATA_HOME/dossier/library.db), as README says; they failed with
 * "Error when getting information for file". */
static void
test_default_library_ids (void)
{
  g_autofree char *a = fixture ("aid-engagement.txt");
  g_autofree char *b = fixture ("aid-pressure.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-compare-cli-XXXXXX", &error);
  g_autofree char *old_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_autofree char *db = g_build_filename (dir, "dossier", "library.db", NULL);
  g_autofree char *db_dir = g_path_get_dirname (db);
  g_auto(DossierTestCliRun) help = { 0, };
  g_auto(DossierTestCliRun) none = { 0, };
  g_auto(DossierTestCliRun) add = { 0, };
  g_auto(DossierTestCliRun) compare = { 0, };
  g_auto(DossierTestCliRun) matrix = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;

  g_assert_no_error (error);
  dossier_test_cli_run (&help, "--help", NULL);
  if (strstr (help.out, "library") == NULL)
    {
      g_test_skip ("this build has no library");
      return;
    }
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  /* no library yet: a clear message, and none is created */
  dossier_test_cli_run (&none, "compare", "0123456789abcdef", a, NULL);
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.err, "no library"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  dossier_test_cli_run (&add, "library", "add", a, b, NULL);
  g_assert_cmpint (add.status, ==, 0);
  lines = g_strsplit (add.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  id_a = g_strndup (lines[0], strcspn (lines[0], "\t"));
  id_b = g_strndup (lines[1], strcspn (lines[1], "\t"));

  dossier_test_cli_run (&compare, "compare", "--json", id_a, id_b, NULL);
  g_assert_cmpstr (compare.err, ==, "");
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (parse_object (compare.out, parser), "mode"), ==, "perspectives");

  /* a shortened id, a file and an id mixed */
  {
    g_autofree char *short_a = g_strndup (id_a, 6);

    dossier_test_cli_run (&matrix, "matrix", "--json", short_a, b, NULL);
    g_assert_cmpstr (matrix.err, ==, "");
    g_assert_cmpint (matrix.status, ==, 0);
  }

  if (old_data_home != NULL)
    g_setenv ("XDG_DATA_HOME", old_data_home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  for (const char *suffix = ""; suffix != NULL; suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (db, suffix, NULL);
      g_remove (path);
    }
  g_rmdir (db_dir);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/cli/compare-json", test_compare_json);
  g_test_add_func ("/dossier/comparison/cli/compare-versions-json", test_compare_versions_json);
  g_test_add_func ("/dossier/comparison/cli/compare-text", test_compare_text);
  g_test_add_func ("/dossier/comparison/cli/errors", test_compare_errors);
  g_test_add_func ("/dossier/comparison/cli/matrix-json", test_matrix_json);
  g_test_add_func ("/dossier/comparison/cli/library-ids", test_compare_library_ids);
  g_test_add_func ("/dossier/comparison/cli/default-library-ids", test_default_library_ids);
  g_test_add_func ("/dossier/comparison/cli/anchor-save", test_compare_anchor_save);

  return g_test_run ();
}
