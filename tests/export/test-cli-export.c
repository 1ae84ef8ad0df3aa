/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-export"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier-test-cli.h"
#include "dossier-test-files.h"

/* dossier-cli export MEMO -o OUT.{pdf,docx,odt}: the format by the
 * extension or --format, and what it refuses. What the files hold is
 * read back by test-office-export.c and read-office.py. */

typedef struct {
  char *dir;
  char *memo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->memo = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dossier_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->memo);
}

static char *
read_head (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_strndup (contents, MIN (length, 8));
}

static void
test_by_extension (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct {
    const char *name;
    const char *magic;
  } outputs[] = {
    { "memo.docx", "PK\003\004" },
    { "memo.ODT", "PK\003\004" },
    { "memo.pdf", "%PDF-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autofree char *out = g_build_filename (fixture->dir, outputs[i].name, NULL);
      g_autofree char *head = NULL;

      dossier_test_cli_run (&run, "export", fixture->memo, "-o", out, "--paper=letter", NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, outputs[i].name));
      head = read_head (out);
      g_assert_true (g_str_has_prefix (head, outputs[i].magic));
    }

  /* Replacing an earlier export of the same format is what -o is for. */
  {
    g_auto(DossierTestCliRun) run = { 0 };
    g_autofree char *out = g_build_filename (fixture->dir, "memo.docx", NULL);

    dossier_test_cli_run (&run, "export", fixture->memo, "-o", out, "-q", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
}

/* Without -o, the memo's name with the format's extension, beside it. */
static void
test_default_name (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autofree char *copy = g_build_filename (fixture->dir, "brief.dossier-memo", NULL);
  g_autofree char *expected = g_build_filename (fixture->dir, "brief.odt", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->memo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  dossier_test_cli_run (&run, "export", copy, "--format=odt", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

/* "-o -" with --format: the whole file on standard output. */
static void
test_stdout (Fixture       *fixture,
             gconstpointer  data)
{
  const char *formats[] = { "--format=docx", "--format=odt", "--format=pdf" };
  const char *magic[] = { "PK\003\004", "PK\003\004", "%PDF-" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autofree char *path = g_build_filename (fixture->dir, "stdout", NULL);
      DossierTestCliOptions options = { .stdout_path = path };
      g_autofree char *head = NULL;

      dossier_test_cli_run_with (&run, &options, "export", fixture->memo, "-o", "-", formats[i], NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      head = read_head (path);
      g_assert_true (g_str_has_prefix (head, magic[i]));
    }
}

/* Each mistake is named, and nothing is written. */
static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *txt = g_build_filename (fixture->dir, "memo.txt", NULL);
  g_autofree char *docx = g_build_filename (fixture->dir, "memo.docx", NULL);
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "-o", "-" }, "needs --format" },
    { { "-o", txt }, "cannot tell the format" },
    { { "-o", docx, "--format=odt" }, "--format=odt does not match" },
    { { "-o", docx, "--format=rtf" }, "--format must be pdf, docx or odt" },
    { { "-o", docx, "--paper=legal" }, "--paper must be letter or a4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *names = NULL;

      g_ptr_array_add (args, (gpointer)"export");
      g_ptr_array_add (args, fixture->memo);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer)cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      dossier_test_cli_runv (&run, (const char * const *)args->pdata);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      names = dossier_test_list_dir (fixture->dir);
      g_assert_cmpstr (names, ==, "");
    }
}

/* -o naming someone's work (a memo, a text) or the memo itself leaves
 * it untouched; a named pipe is refused without hanging. */
static void
test_refused_targets (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.docx", NULL);
  g_autofree char *memo = g_build_filename (fixture->dir, "memo.odt", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.docx", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (notes, "my notes", -1, NULL));
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export", fixture->memo, "-o", notes, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is not a DOCX file"));
    g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "my notes");
  }

  /* The memo, named as the output (an odd name, but its own). */
  {
    g_auto(DossierTestCliRun) run = { 0 };
    g_autofree char *memo_text = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (fixture->memo, &memo_text, &length, NULL));
    g_assert_true (g_file_set_contents (memo, memo_text, length, NULL));
    dossier_test_cli_run (&run, "export", memo, "-o", memo, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "the memo itself"));
  }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export", fixture->memo, "-o", fifo, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "named pipe"));
  }
}

/* A full disk: an error naming the file, and the old export kept. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "memo.docx", NULL);
  DossierTestCliOptions options = { .file_size_limit = 2048 };
  const char *old = "PK\003\004 an older export";
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (g_file_set_contents (out, old, -1, NULL));
  dossier_test_cli_run_with (&run, &options, "export", fixture->memo, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, out));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);
  names = dossier_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "memo.docx");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/cli/export/by-extension", Fixture, NULL, fixture_set_up, test_by_extension, fixture_tear_down);
  g_test_add ("/dossier/cli/export/default-name", Fixture, NULL, fixture_set_up, test_default_name, fixture_tear_down);
  g_test_add ("/dossier/cli/export/stdout", Fixture, NULL, fixture_set_up, test_stdout, fixture_tear_down);
  g_test_add ("/dossier/cli/export/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add ("/dossier/cli/export/refused-targets", Fixture, NULL, fixture_set_up, test_refused_targets, fixture_tear_down);
  g_test_add ("/dossier/cli/export/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);

  return g_test_run ();
}
