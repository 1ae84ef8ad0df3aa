/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-test-cli.h"

/* `dossier-cli library collection|tag|note` and the --collection and
 * --tag filters, as a user runs them: exit codes, output, one-line
 * errors. */

typedef struct {
  char *dir;
  char *db;
  char *gap;       /* ids of two articles from data/samples */
  char *talking;
} Fixture;

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "samples", name, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *gap = sample ("closing-the-sanctions-gap.txt");
  g_autofree char *talking = sample ("talking-before-it-is-too-late.txt");
  g_auto(GStrv) lines = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-collections-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "library.db", NULL);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "add", gap, talking, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  fixture->gap = g_strndup (lines[0], strcspn (lines[0], "\t"));
  fixture->talking = g_strndup (lines[1], strcspn (lines[1], "\t"));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->gap);
  g_free (fixture->talking);
}

/* A failure: exit status 1 and one line on stderr that contains @part. */
static void
assert_fails (DossierTestCliRun *run,
              const char        *part)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run->err), ==, 1);
  g_assert_nonnull (strstr (run->err, part));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_collections (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gap_prefix = g_strndup (fixture->gap, 6);
  JsonArray *array;

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "Korea brief", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Korea brief"));
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "KOREA brief", NULL);
  assert_fails (&run, "already a collection named");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "", NULL);
  assert_fails (&run, "empty");

  /* Several IDs at once, a prefix among them; an unknown one changes nothing. */
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Korea brief", "zzzzzzzz",
                        fixture->talking, NULL);
  assert_fails (&run, "zzzzzzzz");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "list", NULL);
  g_assert_cmpstr (run.out, ==, "Korea brief\t0\n");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "korea brief", gap_prefix,
                        fixture->talking, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Nowhere", fixture->gap, NULL);
  assert_fails (&run, "no collection named “Nowhere”");

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "documents"), ==, 2);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", "--collection", "Korea brief", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "remove", "Korea brief", fixture->gap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", "--collection", "Korea brief", NULL);
  g_assert_true (g_str_has_prefix (run.out, fixture->talking));
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", "--collection", "Nowhere", NULL);
  assert_fails (&run, "Nowhere");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "--collection", "Nowhere", "korea", NULL);
  assert_fails (&run, "Nowhere");

  /* Rename; delete to the Trash (the articles stay); restore. */
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "rename", "Korea brief", "Peninsula", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "delete", "Peninsula", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Trash"));
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "list", NULL);
  g_assert_cmpstr (run.out, ==, "");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "restore", "peninsula", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "list", NULL);
  g_assert_cmpstr (run.out, ==, "Peninsula\t1\n");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "restore", "Peninsula", NULL);
  assert_fails (&run, "in the Trash");

  /* Usage errors: exit status 2. */
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "rename", "Peninsula", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Peninsula", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", fixture->gap, "sanctions", "North Korea", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", fixture->talking, "sanctions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "list", fixture->gap, NULL);
  g_assert_cmpstr (run.out, ==, "North Korea\nsanctions\n");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "list", NULL);
  g_assert_cmpstr (run.out, ==, "sanctions\nNorth Korea\n");

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", "--tag", "north korea", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, fixture->gap));
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "--tag", "sanctions", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "tag:\"North Korea\"", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);

  /* Both filters: the collection's articles with the tag. */
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "Brief", NULL);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Brief", fixture->gap,
                        fixture->talking, NULL);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "list", "--collection", "Brief", "--tag", "NORTH KOREA",
                        NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "--collection", "Brief", "--tag", "sanctions",
                        NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "remove", fixture->gap, "sanctions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "remove", fixture->gap, "sanctions", NULL);
  assert_fails (&run, "no tag “sanctions”");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", fixture->gap, "two\nlines", NULL);
  assert_fails (&run, "line break");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", "zzzz", "x", NULL);
  g_assert_cmpint (run.status, ==, 1);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", fixture->gap, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* dossier-cli with @input on its standard input. */
static void
run_with_stdin (DossierTestCliRun *run,
                const char        *input,
                gsize              length,
                const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input, length);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DOSSIER_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);
  dossier_test_cli_run_clear (run);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  /* Empty bytes may have no data at all. */
  run->out = g_strndup ((const char *) g_bytes_get_data (out, NULL) ?: "", g_bytes_get_size (out));
  run->err = g_strndup ((const char *) g_bytes_get_data (err, NULL) ?: "", g_bytes_get_size (err));
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  const char *set_from_stdin[] = { "library", "-L", fixture->db, "note", "set", fixture->talking, NULL };
  static const char with_nul[] = "before\0after";

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", fixture->gap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "set", fixture->gap,
                        "Check the **tanker** numbers with the numbat team", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", fixture->gap, NULL);
  g_assert_cmpstr (run.out, ==, "Check the **tanker** numbers with the numbat team\n");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "numbat", NULL);
  g_assert_true (g_str_has_prefix (run.out, fixture->gap));
  g_assert_nonnull (strstr (run.out, "[numbat]"));

  run_with_stdin (&run, "First line\nsecond line about the quoll\n", strlen ("First line\nsecond line about the quoll\n"),
                  set_from_stdin);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", fixture->talking, NULL);
  g_assert_cmpstr (run.out, ==, "First line\nsecond line about the quoll\n");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "quoll", NULL);
  g_assert_true (g_str_has_prefix (run.out, fixture->talking));

  /* Not text: refused, not cut at the NUL. */
  run_with_stdin (&run, with_nul, sizeof with_nul - 1, set_from_stdin);
  assert_fails (&run, "NUL");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", fixture->talking, NULL);
  g_assert_cmpstr (run.out, ==, "First line\nsecond line about the quoll\n");

  /* Empty removes it. */
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "set", fixture->gap, "", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "search", "numbat", NULL);
  g_assert_cmpstr (run.out, ==, "");

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", "zzzz", NULL);
  g_assert_cmpint (run.status, ==, 1);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "show", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autofree char *html_path = g_build_filename (fixture->dir, "notes.html", NULL);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "Brief", NULL);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Brief", fixture->gap, NULL);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "note", "set", fixture->gap, "Check **this**", NULL);
  g_assert_cmpint (run.status, ==, 0);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "export", "brief", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "# Brief\n\n## Closing the Sanctions Gap on North Korea\n\n"));
  g_assert_nonnull (strstr (run.out, "\n\nCheck **this**\n"));

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "export", "Brief", "--format", "html",
                        "-o", html_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_file_get_contents (html_path, &html, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<p class=\"note\">Check <strong>this</strong></p>"));

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "export", "Brief", "--format", "pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "export", "Nowhere", NULL);
  assert_fails (&run, "Nowhere");
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* export-citations takes the documents --collection and --tag choose. */
static void
test_export_citations (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "create", "Sanctions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "collection", "add", "Sanctions", fixture->gap, NULL);
  g_assert_cmpint (run.status, ==, 0);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "export-citations", "--format=ris",
                        "--collection", "sanctions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_occurrences (run.out, "TY  - "), ==, 1);
  g_assert_nonnull (strstr (run.out, "Sanctions Gap"));

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "export-citations", "--format=ris", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_occurrences (run.out, "TY  - "), ==, 2);

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "tag", "add", fixture->talking, "talks", NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "export-citations", "--format=ris", "--tag", "talks", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_occurrences (run.out, "TY  - "), ==, 1);
  g_assert_null (strstr (run.out, "Sanctions Gap"));

  dossier_test_cli_run (&run, "library", "-L", fixture->db, "export-citations", "--collection", "Nowhere", NULL);
  assert_fails (&run, "Nowhere");
  dossier_test_cli_run (&run, "library", "-L", fixture->db, "export-citations", "--collection", "Sanctions",
                        fixture->gap, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/store/cli/collections", Fixture, NULL, fixture_setup, test_collections, fixture_teardown);
  g_test_add ("/dossier/store/cli/tags", Fixture, NULL, fixture_setup, test_tags, fixture_teardown);
  g_test_add ("/dossier/store/cli/notes", Fixture, NULL, fixture_setup, test_notes, fixture_teardown);
  g_test_add ("/dossier/store/cli/collection-export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/dossier/store/cli/export-citations", Fixture, NULL, fixture_setup, test_export_citations,
              fixture_teardown);

  return g_test_run ();
}
