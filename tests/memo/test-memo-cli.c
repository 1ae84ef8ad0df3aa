/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "memo/dossier-memo-json.h"
#include "store/dossier-library.h"
#include "dossier-test-cli.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "memo", "data", "briefing.dossier-memo", NULL);
}

static void
test_new (void)
{
  const char *templates[] = { "information", "decision", "policy-brief" };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.dossier-memo", templates[i]);
      g_autofree char *path = tmp_path (name);
      g_autofree char *option = g_strdup_printf ("--template=%s", templates[i]);
      g_autofree char *contents = NULL;
      g_autoptr(DossierMemo) memo = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(DossierTestCliRun) run = { 0 };
      g_auto(DossierTestCliRun) again = { 0 };
      g_auto(DossierTestCliRun) check = { 0 };

      dossier_test_cli_run (&run, "memo", "new", option, "-o", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      memo = dossier_memo_from_json (contents, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dossier_memo_kind_to_string (dossier_memo_get_kind (memo)), ==, templates[i]);

      /* A fresh template is a valid memo, but not a finished one: its
       * placeholders are warnings, which fail only --strict. */
      dossier_test_cli_run (&check, "memo", "check", path, NULL);
      g_assert_cmpint (check.status, ==, 0);
      g_assert_nonnull (strstr (check.out, "placeholder"));
      {
        g_auto(DossierTestCliRun) strict = { 0 };

        dossier_test_cli_run (&strict, "memo", "check", "--strict", path, NULL);
        g_assert_cmpint (strict.status, ==, 1);
      }

      /* An existing memo is never overwritten by accident. */
      dossier_test_cli_run (&again, "memo", "new", option, "-o", path, NULL);
      g_assert_cmpint (again.status, ==, 1);
      g_assert_cmpuint (dossier_test_cli_count_lines (again.err), ==, 1);
      g_assert_nonnull (strstr (again.err, "--force"));

      g_unlink (path);
    }
}

static void
test_usage (void)
{
  g_auto(DossierTestCliRun) bad_template = { 0 };
  g_auto(DossierTestCliRun) no_command = { 0 };
  g_auto(DossierTestCliRun) two_memos = { 0 };

  dossier_test_cli_run (&bad_template, "memo", "new", "--template=sonnet", NULL);
  g_assert_cmpint (bad_template.status, ==, 2);
  dossier_test_cli_run (&no_command, "memo", NULL);
  g_assert_cmpint (no_command.status, ==, 2);
  dossier_test_cli_run (&two_memos, "memo", "check", "a", "b", NULL);
  g_assert_cmpint (two_memos.status, ==, 2);
}

static void
test_show (void)
{
  g_autofree char *fixture = fixture_path ();
  g_auto(DossierTestCliRun) run = { 0 };

  dossier_test_cli_run (&run, "memo", "show", fixture, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "UNCLASSIFIED\n\nACTION MEMO FOR The Deputy Secretary\n"));
  g_assert_nonnull (strstr (run.out, "DATE: May 2, 2024\n"));
  g_assert_nonnull (strstr (run.out, "fragile.[1]"));
  g_assert_nonnull (strstr (run.out, "\n7. Choi Min-jun, “Remarks at the Jeju Peace Forum,” Ministry of Unification, March 5, 2024, quoted in"));
}

static void
test_invalid (void)
{
  g_autofree char *path = tmp_path ("broken.dossier-memo");
  g_autoptr(GError) error = NULL;
  g_auto(DossierTestCliRun) run = { 0 };
  g_auto(DossierTestCliRun) missing = { 0 };

  g_file_set_contents (path, "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"to\":1}}", -1, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&run, "memo", "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "header.to: expected a string"));

  dossier_test_cli_run (&missing, "memo", "check", "--library", path, path, NULL);
  g_assert_cmpint (missing.status, ==, 1);

  /* A file cut short: where, in words, without json-glib's "<data>". */
  {
    g_auto(DossierTestCliRun) cut = { 0 };

    g_file_set_contents (path, "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"to\":\"Sec", -1, &error);
    g_assert_no_error (error);
    dossier_test_cli_run (&cut, "memo", "check", path, NULL);
    g_assert_cmpint (cut.status, ==, 1);
    g_assert_cmpuint (dossier_test_cli_count_lines (cut.err), ==, 1);
    g_assert_nonnull (strstr (cut.err, "line 1, column"));
    g_assert_null (strstr (cut.err, "<data>"));
  }
  g_unlink (path);
}

static char *
make_library (void)
{
  const char *texts[] = {
    "Interim steps remain possible, but only if both sides accept that they are fragile.",
    "Seoul has been clear. “A freeze is not a reward; it is a floor,” the minister said.",
  };
  char *path = tmp_path ("library.db");
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  library = dossier_library_open (path, &error);
  g_assert_no_error (error);

  dossier_document_set_title (document, "Quiet Diplomacy on the Peninsula");
  dossier_document_set_source_url (document, "https://meridian.example.org/quiet-diplomacy");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (texts[i]);
      dossier_document_add_paragraph (document, paragraph);
    }
  id = dossier_library_add (library, document, &error);
  g_assert_no_error (error);

  return path;
}

/* `memo check --strict` fails on what the app asks about before Export:
 * a source with only an author and a title, an unmarked quotation in a
 * portion-marked memo. */
static void
test_check_unfinished (void)
{
  g_autofree char *path = tmp_path ("unfinished.dossier-memo");
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  const char *authors[] = { "Min-ji Park", NULL };
  g_autoptr(DossierCitation) citation = dossier_citation_new ("park");
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("(U) Evidence");
  g_autoptr(DossierMemoBlock) quote = dossier_memo_block_new_quote ("Talks must come first.", "park");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DossierTestCliRun) check = { 0 };
  g_auto(DossierTestCliRun) strict = { 0 };

  dossier_memo_set_marking (memo, "UNCLASSIFIED");
  dossier_memo_set_to (memo, "The Director");
  dossier_memo_set_from (memo, "Northeast Asia Desk");
  dossier_memo_set_subject (memo, "Talks First");
  dossier_citation_set_authors (citation, authors);
  dossier_citation_set_title (citation, "Talking Before It Is Too Late");
  dossier_memo_add_citation (memo, citation);
  dossier_memo_section_append_block (section, quote);
  dossier_memo_append_section (memo, section);
  json = dossier_memo_to_json (memo, NULL);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&check, "memo", "check", "--no-library", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, ": warning: thin-source: source “Talking Before It Is Too Late” has only an author and a title"));
  g_assert_nonnull (strstr (check.out, ": warning: unmarked-excerpt: 1 quotation in section “(U) Evidence” has no portion mark"));
  dossier_test_cli_run (&strict, "memo", "check", "--strict", "--no-library", path, NULL);
  g_assert_cmpint (strict.status, ==, 1);
  g_unlink (path);
}

static void
test_check (void)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *library = make_library ();
  g_autofree char *edited = tmp_path ("edited.dossier-memo");
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DossierTestCliRun) clean = { 0 };
  g_auto(DossierTestCliRun) unverified = { 0 };
  g_auto(DossierTestCliRun) strict = { 0 };
  g_auto(DossierTestCliRun) mismatch = { 0 };

  dossier_test_cli_run (&clean, "memo", "check", "--library", library, fixture, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_true (g_str_has_suffix (clean.out, ": OK: 5 citations resolve, are used and match their sources\n"));

  /* Without a library the quotes are unverified: warnings, which fail only --strict. */
  dossier_test_cli_run (&unverified, "memo", "check", fixture, NULL);
  g_assert_cmpint (unverified.status, ==, 0);
  g_assert_nonnull (strstr (unverified.out, ": warning: unverified: "));
  g_assert_nonnull (strstr (unverified.out, ": 0 errors, 2 warnings\n"));
  dossier_test_cli_run (&strict, "memo", "check", "--strict", fixture, NULL);
  g_assert_cmpint (strict.status, ==, 1);

  /* A quote edited so it no longer matches its source. */
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, &error));
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "that they are fragile.", "that they are permanent.", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "Seoul prefers a freeze first.[^kim]", "Seoul prefers a freeze first.[^kimm]", 1), ==, 1);
  g_file_set_contents (edited, changed->str, changed->len, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&mismatch, "memo", "check", "--library", library, edited, NULL);
  g_test_message ("%s", mismatch.out);
  g_assert_cmpint (mismatch.status, ==, 1);
  g_assert_nonnull (strstr (mismatch.out, ": error: quote-mismatch: the quote of citation “whitcombe” is not in “Quiet Diplomacy on the Peninsula”\n"
                                          "    closest passage (93% of the words): “Interim steps remain possible, but only if both sides accept that they are fragile.”\n"));
  g_assert_nonnull (strstr (mismatch.out, ": error: dangling-marker: “[^kimm]” in section 1"));
  g_assert_nonnull (strstr (mismatch.out, ": 2 errors, 0 warnings\n"));

  g_unlink (edited);
}

/* export-pdf never writes over the memo it reads, nor over a file that
 * is not a PDF; an older PDF of the memo is replaced as expected. */
static void
test_export_guard (void)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *dir = g_dir_make_tmp ("dossier-memo-cli-XXXXXX", NULL);
  g_autofree char *memo = g_build_filename (dir, "memo.dossier-memo", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "memo.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other_after = NULL;
  g_auto(DossierTestCliRun) onto_memo = { 0 };
  g_auto(DossierTestCliRun) onto_other = { 0 };
  g_auto(DossierTestCliRun) first = { 0 };
  g_auto(DossierTestCliRun) again = { 0 };

  g_assert_true (g_file_get_contents (fixture, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (memo, before, -1, NULL));
  g_assert_true (g_file_set_contents (other, "my notes", -1, NULL));

  dossier_test_cli_run (&onto_memo, "export-pdf", memo, "-o", memo, NULL);
  g_assert_cmpint (onto_memo.status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (onto_memo.err), ==, 1);
  g_assert_nonnull (strstr (onto_memo.err, "the memo itself"));
  g_assert_true (g_file_get_contents (memo, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  dossier_test_cli_run (&onto_other, "export-pdf", memo, "-o", other, NULL);
  g_assert_cmpint (onto_other.status, ==, 1);
  g_assert_true (g_file_get_contents (other, &other_after, NULL, NULL));
  g_assert_cmpstr (other_after, ==, "my notes");

  dossier_test_cli_run (&first, "export-pdf", "-q", memo, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  dossier_test_cli_run (&again, "export-pdf", "-q", memo, "-o", pdf, NULL);
  g_assert_cmpint (again.status, ==, 0);

  /* A block too long to print whole: no PDF with text missing. */
  {
    g_autoptr(GString) huge = g_string_new ("{\"format\":\"dossier-memo\",\"version\":1,"
                                            "\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\","
                                            "\"date\":\"2025-03-04\",\"subject\":\"\"},"
                                            "\"sections\":[{\"title\":\"Annex\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"");
    g_autofree char *huge_path = g_build_filename (dir, "huge.dossier-memo", NULL);
    g_autofree char *huge_pdf = g_build_filename (dir, "huge.pdf", NULL);
    g_auto(DossierTestCliRun) refused = { 0 };

    for (guint i = 0; i < 30000; i++)
      g_string_append (huge, "policy    ");
    g_string_append (huge, "\"}]}],\"citations\":[]}");
    g_assert_true (g_file_set_contents (huge_path, huge->str, huge->len, NULL));
    dossier_test_cli_run (&refused, "export-pdf", huge_path, NULL);
    g_assert_cmpint (refused.status, ==, 1);
    g_assert_cmpuint (dossier_test_cli_count_lines (refused.err), ==, 1);
    g_assert_nonnull (strstr (refused.err, "Annex"));
    g_assert_false (g_file_test (huge_pdf, G_FILE_TEST_EXISTS));
    g_unlink (huge_path);
  }

  g_unlink (memo);
  g_unlink (other);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("dossier-memo-cli-XXXXXX", &error);
  g_assert_no_error (error);
  {
    /* Keep the user's own library out of the test (the CLI inherits it). */
    g_autofree char *data_home = g_build_filename (tmpdir, "data-home", NULL);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  g_test_add_func ("/dossier/memo/cli/new", test_new);
  g_test_add_func ("/dossier/memo/cli/usage", test_usage);
  g_test_add_func ("/dossier/memo/cli/show", test_show);
  g_test_add_func ("/dossier/memo/cli/invalid", test_invalid);
  g_test_add_func ("/dossier/memo/cli/check", test_check);
  g_test_add_func ("/dossier/memo/cli/check-unfinished", test_check_unfinished);
  g_test_add_func ("/dossier/memo/cli/export-guard", test_export_guard);

  status = g_test_run ();

  {
    /* The library leaves its -wal/-shm files; remove whatever is left. */
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = tmp_path (name);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);

  return status;
}
