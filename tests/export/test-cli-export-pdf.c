/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-export-pdf"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "dossier-test-cli.h"

#ifndef POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

static int
find_page (PopplerDocument *pdf,
           const char      *word)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, word) != NULL)
        return i;
    }
  return -1;
}

static void
test_export_memo (void)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autofree char *memo = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-pdf-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "memo.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  double width, height;
  GList *links;
  guint n_uris = 0;

  dossier_test_cli_run (&run, "export-pdf", memo, "-o", out, "--paper=letter", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "memo.pdf"));

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);

  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "ACTION MEMO FOR"));
  g_assert_nonnull (strstr (text, "The Under Secretary for Political Affairs"));
  g_assert_nonnull (strstr (text, "March 4, 2025"));
  g_assert_nonnull (strstr (text, "SENSITIVE BUT UNCLASSIFIED"));
  g_assert_nonnull (strstr (text, "Approve"));
  g_assert_nonnull (strstr (text, "Disapprove"));

  /* The memo's notes: full, then short, each on its reference's page. */
  g_assert_cmpint (find_page (pdf, "1. Avery Stone, “Phased Relief and the Freeze,”"), ==,
                   find_page (pdf, "achievable"));
  g_assert_cmpint (find_page (pdf, "3. Stone, “Phased Relief and the Freeze.”"), >=, 0);
  g_assert_cmpint (find_page (pdf, "서울의 한 연구자는"), >=, 0);

  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  g_assert_cmpstr (title, ==, "(SBU) Sequencing Sanctions Relief for a Verified Freeze");
  g_assert_cmpstr (author, ==, "Bureau of East Asian Affairs, Jordan Lee");

  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;

      if (mapping->action->type == POPPLER_ACTION_URI &&
          (g_str_equal (mapping->action->uri.uri, "https://harbor.example.org/phased-relief") ||
           g_str_equal (mapping->action->uri.uri, "https://ssf.example.kr/freeze-floor")))
        n_uris++;
    }
  poppler_page_free_link_mapping (links);
  g_assert_cmpuint (n_uris, >=, 2);

  g_remove (out);
  g_rmdir (dir);
}

/* Every exported PDF must be well formed for other readers than Poppler
 * (which repairs quietly): qpdf checks the cross-reference table and
 * every object it names. */
static void
test_qpdf_check (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *memo = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
  g_autofree char *dir = NULL;
  const char *exports[][3] = {
    { "export-pdf", "--paper=letter", "letter.pdf" },
    { "export-pdf", "--paper=a4", "a4.pdf" },
    { "export", "--format=pdf", "export.pdf" },
  };

  if (qpdf == NULL)
    {
      g_test_skip ("no qpdf to check the PDFs with (build-aux/install-deps.sh installs it)");
      return;
    }

  dir = g_dir_make_tmp ("dossier-cli-pdf-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autofree char *out = g_build_filename (dir, exports[i][2], NULL);
      g_autofree char *check_out = NULL;
      g_autofree char *check_err = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { qpdf, "--check", out, NULL };
      int status;

      dossier_test_cli_run (&run, exports[i][0], memo, exports[i][1], "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 0);

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &check_out, &check_err, &status, &error);
      g_assert_no_error (error);
      /* qpdf exits 3 on warnings, such as an object not where the
       * cross-reference table says. */
      if (!g_spawn_check_wait_status (status, NULL) || *check_err != '\0')
        g_error ("qpdf --check %s failed:\n%s%s", exports[i][2], check_out, check_err);
      g_assert_nonnull (strstr (check_out, "No syntax or stream encoding errors found"));
      g_remove (out);
    }
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-pdf-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.dossier-memo", NULL);
  g_autofree char *out = g_build_filename (dir, "bad.pdf", NULL);
  g_autofree char *memo = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);

  g_assert_true (g_file_set_contents (bad, "{\"format\":\"dossier-memo\",\"version\":1,\"header\":42}", -1, NULL));

  {
    g_auto(DossierTestCliRun) run = { 0 };

    /* An invalid memo: one line on stderr, exit 1, no PDF. */
    dossier_test_cli_run (&run, "export-pdf", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.dossier-memo"));
    g_assert_nonnull (strchr (run.err, '\n'));
    g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export-pdf", memo, "--paper=legal", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export-pdf", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };
    g_autofree char *missing = g_build_filename (dir, "none.dossier-memo", NULL);

    dossier_test_cli_run (&run, "export-pdf", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };
    g_autofree char *folder = g_build_filename (dir, "no", "such", NULL);
    g_autofree char *target = g_build_filename (folder, "x.pdf", NULL);
    g_autofree char *expected = NULL;

    /* An output folder that is not there: the target and the reason,
     * never the temporary file's name. */
    dossier_test_cli_run (&run, "export-pdf", memo, "-o", target, NULL);
    g_assert_cmpint (run.status, ==, 1);
    expected = g_strdup_printf ("dossier-cli: %s: ", target);
    g_assert_true (g_str_has_prefix (run.err, expected));
    g_assert_nonnull (strstr (run.err + strlen (expected), target));
    g_assert_nonnull (strstr (run.err, folder));
    g_assert_nonnull (strstr (run.err, "does not exist"));
    g_assert_null (strstr (run.err, ".part"));
    g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
  }

  g_remove (bad);
  g_rmdir (dir);
}

/* The output: next to the memo by default; never the memo itself nor
 * someone's other file, which are left untouched. */
static void
test_targets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-pdf-XXXXXX", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
  g_autofree char *memo = g_build_filename (dir, "m.dossier-memo", NULL);
  g_autofree char *pdf = g_build_filename (dir, "m.pdf", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.pdf", NULL);
  g_autofree char *json = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (source, &json, NULL, NULL));
  g_assert_true (g_file_set_contents (memo, json, -1, NULL));
  g_assert_true (g_file_set_contents (notes, "my notes", -1, NULL));
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export-pdf", memo, "-q", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export-pdf", memo, "-o", memo, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "that is the memo itself; give the PDF another name with -o"));
    g_assert_true (g_file_get_contents (memo, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, json);
    g_clear_pointer (&contents, g_free);
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run (&run, "export-pdf", memo, "-o", notes, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "exists and is not a PDF; it was left untouched"));
    g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "my notes");
  }

  g_remove (pdf);
  g_remove (notes);
  g_remove (memo);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export/cli/export-memo", test_export_memo);
  g_test_add_func ("/dossier/export/cli/errors", test_errors);
  g_test_add_func ("/dossier/export/cli/targets", test_targets);
  g_test_add_func ("/dossier/export/cli/qpdf-check", test_qpdf_check);

  return g_test_run ();
}
