/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

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

  /* remove (to the Trash, then for good), then add back from the exported JSON. */
  dossier_test_cli_run (&run, "library", "--library", db, "remove", gap_id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Moved “Closing the Sanctions Gap"));
  dossier_test_cli_run (&run, "library", "--library", db, "remove", gap_id, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "trash", "empty", NULL);
  g_assert_cmpint (run.status, ==, 0);

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

/* The library and what SQLite may keep beside it. */
static void
remove_library (const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_unlink (path);
    }
}

/* Writes @n small articles of their own (distinct titles and text) into
 * @dir as text files named brief-NNN.txt from @first on; appends their
 * paths to @paths. */
static void
write_briefs (const char *dir,
              guint       first,
              guint       n,
              GPtrArray  *paths)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("brief-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("Harbour Tolls and Ferry Fares, Note %u\n\n"
                                               "The toll board met on day %u to weigh fares for route %u.\n\n"
                                               "Ferry operators on route %u asked for a cap of %u crowns.\n",
                                               i, i, i, i * 7, i * 13);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* The IDs in the first column of `library add` output. */
static GHashTable *
printed_ids (const char *out)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_hash_table_add (ids, first_field (lines[i]));
  return ids;
}

/* The IDs `library list` prints. */
static GHashTable *
stored_ids (const char *db)
{
  g_auto(DossierTestCliRun) run = { 0 };

  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return printed_ids (run.out);
}

static void
assert_subset (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (b, id))
      g_error ("%s was printed but is not in the library", (char *) id);
}

static void
drop_to_nobody (gpointer user_data)
{
  /* In the child, before exec: only async-signal-safe calls. */
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    _exit (77);
}

/* Runs dossier-cli like dossier_test_cli_runv(), with one more variable in
 * its environment (set in the launcher: setenv() in a test process that
 * has threads is not safe), or, with @as_nobody and when the tests run as
 * root, as the "nobody" user, to whom file permissions apply. */
static void
run_cli_full (DossierTestCliRun  *run,
              const char         *variable,
              const char         *value,
              gboolean            as_nobody,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  dossier_test_cli_run_clear (run);
  g_ptr_array_add (argv, (gpointer) g_getenv ("DOSSIER_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (variable != NULL)
    g_subprocess_launcher_setenv (launcher, variable, value, TRUE);
  if (as_nobody && getuid () == 0)
    g_subprocess_launcher_set_child_setup (launcher, drop_to_nobody, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  /* Empty output may come without data: g_strndup (NULL) is NULL. */
  run->out = g_strndup (g_bytes_get_size (out) > 0 ? g_bytes_get_data (out, NULL) : "", g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "", g_bytes_get_size (err));
}

/* A page that crashes the importer half-way through a long `library add`
 * (simulated: the CLI kills itself when it reaches that file) must leave
 * in the library exactly the articles whose IDs were printed. */
static void
test_cli_add_crash (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) printed = NULL;
  g_autoptr(GHashTable) stored = NULL;
  guint crasher;

  g_assert_no_error (error);
  g_ptr_array_add (args, g_strdup ("library"));
  g_ptr_array_add (args, g_strdup ("--library"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("add"));
  write_briefs (dir, 0, 100, args);
  crasher = args->len;
  write_briefs (dir, 100, 1, args);
  write_briefs (dir, 101, 20, args);
  g_ptr_array_add (args, NULL);

  run_cli_full (&run, "DOSSIER_CLI_TEST_CRASH_ON", args->pdata[crasher], FALSE, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, -1);

  printed = printed_ids (run.out);
  stored = stored_ids (db);
  g_test_message ("%u printed, %u stored", g_hash_table_size (printed), g_hash_table_size (stored));
  g_assert_cmpuint (g_hash_table_size (printed), >, 0);
  g_assert_cmpuint (g_hash_table_size (printed), ==, g_hash_table_size (stored));
  assert_subset (printed, stored);

  /* Running it again (without the crash) adds the rest and skips the others. */
  dossier_test_cli_runv (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&stored, g_hash_table_unref);
  stored = stored_ids (db);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 121);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out) + g_hash_table_size (printed), ==, 121);

  for (guint i = 4; i < args->len - 1; i++)
    g_unlink (args->pdata[i]);
  remove_library (db);
  g_rmdir (dir);
}

/* kill -9 from outside while `library add` runs: every ID it printed is
 * stored (a kill between a commit and its printing can only leave stored
 * articles unannounced, never the other way round). */
static void
test_cli_add_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GString) printed_text = g_string_new (NULL);
  g_autoptr(GHashTable) printed = NULL;
  g_autoptr(GHashTable) stored = NULL;
  char *line;

  g_assert_no_error (error);
  g_ptr_array_add (args, g_strdup (g_getenv ("DOSSIER_CLI")));
  g_ptr_array_add (args, g_strdup ("library"));
  g_ptr_array_add (args, g_strdup ("--library"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("add"));
  write_briefs (dir, 0, 400, args);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Killed as soon as it says it stored something. */
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_force_exit (process);
  while (line != NULL)
    {
      g_string_append_printf (printed_text, "%s\n", line);
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  printed = printed_ids (printed_text->str);
  stored = stored_ids (db);
  g_test_message ("%u printed, %u stored", g_hash_table_size (printed), g_hash_table_size (stored));
  g_assert_cmpuint (g_hash_table_size (printed), >, 0);
  assert_subset (printed, stored);

  for (guint i = 5; i < args->len - 1; i++)
    g_unlink (args->pdata[i]);
  remove_library (db);
  g_rmdir (dir);
}

/* Two small articles in a new library at @db; returns the first one's id. */
static char *
make_small_library (const char *db,
                    const char *dir)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("library"));
  g_ptr_array_add (args, g_strdup ("--library"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("add"));
  write_briefs (dir, 0, 2, args);
  g_ptr_array_add (args, NULL);
  dossier_test_cli_runv (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  for (guint i = 4; i < args->len - 1; i++)
    g_unlink (args->pdata[i]);
  return first_field (run.out);
}

/* `library list`, `search` and `export` while another program holds a
 * write transaction open (an import under way): they used to wait for the
 * write lock and give up. */
static void
test_cli_read_during_write (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *id = make_small_library (db, dir);
  sqlite3 *writer = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open_v2 (db, &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; DELETE FROM search; DELETE FROM documents",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  dossier_test_cli_run (&run, "library", "--library", db, "list", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  /* What was committed, not the change under way. */
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "search", "ferry", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  dossier_test_cli_run (&run, "library", "--library", db, "export", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Harbour Tolls"));
  /* None of them waited for the lock: the writer holds it to the end, so
   * one that did would have given up with "database is locked" and failed
   * above. (A wall-clock bound here failed under an ASan build on a loaded
   * machine: speed belongs in bench/.) */
  g_test_message ("three commands in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  remove_library (db);
  g_rmdir (dir);
}

/* A library in a read-only folder, or a read-only file, is listed,
 * searched and exported; add and remove say it is read-only. As root the
 * CLI runs as "nobody", so the permissions mean something. */
static void
test_cli_read_only (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "shared", NULL);
  g_autofree char *db = g_build_filename (sub, "library.db", NULL);
  g_autofree char *extra = g_build_filename (dir, "extra.txt", NULL);
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_no_error (error);
  g_mkdir (sub, 0700);
  id = make_small_library (db, dir);
  g_file_set_contents (extra, "A Note on Lighthouses\n\nKeepers logged every ship that passed.\n", -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (db, &before, &before_length, &error);
  g_assert_no_error (error);

  g_chmod (dir, 0755);
  g_chmod (extra, 0644);
  g_chmod (db, 0444);
  for (guint round = 0; round < 2; round++)
    {
      /* First a read-only folder, then a read-only file in a writable one. */
      g_chmod (sub, round == 0 ? 0555 : 0777);

      run_cli_full (&run, NULL, NULL, TRUE, (const char *[]) { "library", "-L", db, "list", NULL });
      if (run.status == 77)
        {
          g_test_skip ("could not drop root privileges");
          break;
        }
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
      run_cli_full (&run, NULL, NULL, TRUE, (const char *[]) { "library", "-L", db, "search", "toll", NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
      run_cli_full (&run, NULL, NULL, TRUE, (const char *[]) { "library", "-L", db, "export", id, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Harbour Tolls"));

      run_cli_full (&run, NULL, NULL, TRUE, (const char *[]) { "library", "-L", db, "add", extra, NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "read-only"));
      g_assert_cmpstr (run.out, ==, "");
      run_cli_full (&run, NULL, NULL, TRUE, (const char *[]) { "library", "-L", db, "remove", id, NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "read-only"));
    }

  g_chmod (sub, 0700);
  g_chmod (db, 0600);
  g_file_get_contents (db, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_length, after, after_length);

  g_unlink (extra);
  remove_library (db);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* `library remove` moves to the Trash; `library trash list|restore|empty`. */
static void
test_cli_trash (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *short_a = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_ptr_array_add (args, g_strdup ("library"));
  g_ptr_array_add (args, g_strdup ("--library"));
  g_ptr_array_add (args, g_strdup (db));
  g_ptr_array_add (args, g_strdup ("add"));
  write_briefs (dir, 0, 3, args);
  g_ptr_array_add (args, NULL);
  dossier_test_cli_runv (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  id_a = first_field (lines[0]);
  id_b = first_field (lines[1]);
  short_a = g_strndup (id_a, 6);

  dossier_test_cli_run (&run, "library", "-L", db, "trash", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  dossier_test_cli_run (&run, "library", "-L", db, "remove", short_a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Moved “Harbour Tolls and Ferry Fares, Note 0” to the Trash"));
  dossier_test_cli_run (&run, "library", "-L", db, "remove", id_b, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Out of the list, the search and export; in the Trash, newest first. */
  dossier_test_cli_run (&run, "library", "-L", db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "-L", db, "search", "ferry", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  dossier_test_cli_run (&run, "library", "-L", db, "export", id_a, NULL);
  g_assert_cmpint (run.status, ==, 1);
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);
  g_assert_true (g_str_has_prefix (run.out, id_b));
  g_assert_nonnull (strstr (run.out, "\tHarbour Tolls and Ferry Fares, Note 0\t"));
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  object = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id_a);
  g_assert_nonnull (json_object_get_string_member (object, "trashed"));
  g_assert_nonnull (json_object_get_string_member (object, "expires"));

  /* Adding it again says where it is. */
  {
    const char *again[] = { "library", "-L", db, "add", args->pdata[4], NULL };

    dossier_test_cli_runv (&run, again);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "in the Trash"));
  }

  /* Restored by a prefix of its id. */
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "restore", short_a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Restored “Harbour Tolls and Ferry Fares, Note 0”\n");
  dossier_test_cli_run (&run, "library", "-L", db, "export", id_a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "restore", short_a, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "Trash"));

  /* Emptied for good. */
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "empty", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Deleted 1 article for good\n");
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "list", NULL);
  g_assert_cmpstr (run.out, ==, "");
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "restore", id_b, NULL);
  g_assert_cmpint (run.status, ==, 1);
  dossier_test_cli_run (&run, "library", "-L", db, "list", NULL);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 2);

  /* Usage errors exit 2. */
  dossier_test_cli_run (&run, "library", "-L", db, "trash", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "restore", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "shred", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "-L", db, "trash", "empty", "now", NULL);
  g_assert_cmpint (run.status, ==, 2);
  dossier_test_cli_run (&run, "library", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "trash restore ID"));

  for (guint i = 4; i < args->len - 1; i++)
    g_unlink (args->pdata[i]);
  remove_library (db);
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

/* dossier-cli itself loads only what the library commands use: a search
 * that loaded Poppler, Pango, cairo, libsoup and libxml2 with their 80
 * shared libraries spent 70 ms of CPU before it began (bench/RESULTS.md).
 * The other commands are run by dossier-cli-full with the command line as
 * given, options (which the library command parsed first) included. */
static void
test_cli_light (void)
{
  const char *heavy[] = { "libpoppler", "libpango", "libcairo", "libsoup", "libxml2", "libharfbuzz",
                          "libgtk", "libadwaita" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-store-cli-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *gap = sample ("closing-the-sanctions-gap.txt");
  g_autofree char *loaded = NULL;
  g_autofree char *old_home = NULL;
  g_autofree char *old_data_home = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *argv[] = { cli, "--version", NULL };
  g_auto(DossierTestCliRun) run = { 0 };
  int wait_status;

  g_assert_no_error (error);
  g_assert_nonnull (cli);

  /* What ld.so loads for it, as ldd shows (without running it). */
  env = g_environ_setenv (env, "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &loaded, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (loaded, "libsqlite3"));
  for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
    if (strstr (loaded, heavy[i]) != NULL)
      g_error ("dossier-cli loads %s:\n%s", heavy[i], loaded);

  if (!g_file_test (gap, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/samples is missing");
      return;
    }

  /* `add` and `import` run in dossier-cli-full, with every option; the
   * default library (under HOME) is never touched. */
  old_home = g_strdup (g_getenv ("HOME"));
  old_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  dossier_test_cli_run (&run, "library", "-L", db, "add", gap, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Closing the Sanctions Gap"));
  g_assert_false (g_file_test (home, G_FILE_TEST_EXISTS));
  dossier_test_cli_run (&run, "library", "--library", db, "search", "sanctions", "--limit", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (dossier_test_cli_count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "Closing the Sanctions Gap"));
  dossier_test_cli_run (&run, "import", "--format", "text", gap, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"dossier-document\""));
  if (old_home != NULL)
    g_setenv ("HOME", old_home, TRUE);
  else
    g_unsetenv ("HOME");
  if (old_data_home != NULL)
    g_setenv ("XDG_DATA_HOME", old_data_home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");

  g_unlink (db);
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
  g_test_add_func ("/dossier/store/cli/add-crash", test_cli_add_crash);
  g_test_add_func ("/dossier/store/cli/add-killed", test_cli_add_killed);
  g_test_add_func ("/dossier/store/cli/read-during-write", test_cli_read_during_write);
  g_test_add_func ("/dossier/store/cli/read-only", test_cli_read_only);
  g_test_add_func ("/dossier/store/cli/trash", test_cli_trash);
  g_test_add_func ("/dossier/store/cli/light", test_cli_light);

  return g_test_run ();
}
