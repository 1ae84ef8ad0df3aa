/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "dossier-test-cli.h"

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
assert_fails_cleanly (DossierTestCliRun *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (dossier_test_cli_count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "dossier-cli: "));
}

static void
test_version_and_help (void)
{
  g_auto(DossierTestCliRun) version = { 0 };
  g_auto(DossierTestCliRun) help = { 0 };
  g_auto(DossierTestCliRun) import_help = { 0 };
  g_auto(DossierTestCliRun) unknown = { 0 };
  g_auto(DossierTestCliRun) nothing = { 0 };

  dossier_test_cli_run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "dossier-cli " PACKAGE_VERSION "\n");

  dossier_test_cli_run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "import"));

  dossier_test_cli_run (&import_help, "import", "--help", NULL);
  g_assert_cmpint (import_help.status, ==, 0);
  g_assert_nonnull (strstr (import_help.out, "--format"));

  dossier_test_cli_run (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  dossier_test_cli_run (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
}

static void
test_import_sample (void)
{
  g_autofree char *path = sample_path ("closing-the-sanctions-gap.txt");
  g_auto(DossierTestCliRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  dossier_test_cli_run (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  document = dossier_document_from_json (run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Closing the Sanctions Gap on North Korea");
}

static void
test_import_json_round_trip (void)
{
  g_autofree char *path = sample_path ("hanbando-dangyejeok-jeopgeun.txt");
  g_autofree char *json_path = NULL;
  g_auto(DossierTestCliRun) first = { 0 };
  g_auto(DossierTestCliRun) second = { 0 };
  g_autoptr(GError) error = NULL;
  int fd;

  dossier_test_cli_run (&first, "import", "--format=text", path, NULL);
  g_assert_cmpint (first.status, ==, 0);

  fd = g_file_open_tmp ("dossier-XXXXXX.json", &json_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (json_path, first.out, -1, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&second, "import", json_path, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (first.out, ==, second.out);
  g_assert_nonnull (strstr (second.out, "한반도"));

  g_unlink (json_path);
}

static void
test_import_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *bad_json = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  const char junk[] = "\x7f" "ELF\0\0\0\x01\x02";
  const char *files[] = { empty, binary, bad_json, missing, dir };

  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (binary, junk, sizeof junk - 1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad_json, "{\"format\":\"dossier-document\",\"version\":1,\"title\":3}", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };

      dossier_test_cli_run (&run, "import", files[i], NULL);
      g_test_message ("%s → %s", files[i], run.err);
      assert_fails_cleanly (&run);
    }

  {
    g_auto(DossierTestCliRun) run = { 0 };
    dossier_test_cli_run (&run, "import", bad_json, NULL);
    g_assert_nonnull (strstr (run.err, "title: expected a string"));
  }

  {
    g_auto(DossierTestCliRun) run = { 0 };
    dossier_test_cli_run (&run, "import", "--format=docx", empty, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  g_unlink (empty);
  g_unlink (binary);
  g_unlink (bad_json);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DOSSIER_CLI") == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return g_test_run ();
    }

  g_test_add_func ("/dossier/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/dossier/cli/import/sample", test_import_sample);
  g_test_add_func ("/dossier/cli/import/json-round-trip", test_import_json_round_trip);
  g_test_add_func ("/dossier/cli/import/bad-input", test_import_bad_input);

  return g_test_run ();
}
