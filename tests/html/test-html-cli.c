/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-server.h"
#include "dossier-test-cli.h"

/* dossier-cli import with a web address, against a server in this process. */

static void
test_import_url (void)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = test_server_new (&base);
  g_autofree char *uri = g_strconcat (base, "/old", NULL);
  g_autofree char *source = g_strdup_printf ("\"source_url\" : \"%s/article\"", base);
  g_auto(DossierTestCliRun) run = { 0, };

  dossier_test_cli_run (&run, "import", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"title\" : \"Ports and Power\""));
  g_assert_nonnull (strstr (run.out, source));
  dossier_test_cli_run_clear (&run);
  soup_server_disconnect (server);
}

static void
test_import_url_errors (void)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = test_server_new (&base);
  g_autofree char *missing = g_strconcat (base, "/missing", NULL);
  g_autofree char *image = g_strconcat (base, "/image", NULL);
  g_auto(DossierTestCliRun) run = { 0, };

  dossier_test_cli_run (&run, "import", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "404"));
  /* One line on stderr. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int)strlen (run.err) - 1);
  dossier_test_cli_run_clear (&run);

  dossier_test_cli_run (&run, "import", image, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "image/png"));
  dossier_test_cli_run_clear (&run);

  soup_server_disconnect (server);
}

/* Pages that once crashed the importer, as a user imports them: each
 * prints its document and exits 0. */
static void
test_import_crashers (void)
{
  static const struct {
    const char *file;
    const char *title;
  } pages[] = {
    { "author-card-embedded.html", "Harbor Dues and the Price of Delay" },
    { "pullquote-repeated.html", "Why Grain Corridors Keep Closing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "html", "data", pages[i].file, NULL);
      g_autofree char *title = g_strdup_printf ("\"title\" : \"%s\"", pages[i].title);
      g_auto(DossierTestCliRun) run = { 0, };

      dossier_test_cli_run (&run, "import", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, title));
    }
}

/* A page of 25,000 paragraphs comes back whole, with exit status 0: the
 * importer kept 20,000 and said nothing. */
static void
test_import_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-html-cli-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GString) html = g_string_new ("<html><head><title>A Long Report</title></head><body><article>");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(DossierTestCliRun) run = { 0, };
  JsonArray *paragraphs;

  g_assert_no_error (error);
  path = g_build_filename (dir, "long.html", NULL);
  for (guint i = 0; i < 25000; i++)
    g_string_append_printf (html, "<p>Paragraph %u of the report, with enough words to be text.</p>\n", i);
  g_string_append (html, "</article></body></html>");
  g_file_set_contents (path, html->str, html->len, &error);
  g_assert_no_error (error);

  dossier_test_cli_run (&run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  paragraphs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "paragraphs");
  g_assert_cmpuint (json_array_get_length (paragraphs), ==, 25000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paragraphs, 24999), "text"), ==,
                   "Paragraph 24999 of the report, with enough words to be text.");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/html/cli/import-url", test_import_url);
  g_test_add_func ("/dossier/html/cli/import-url-errors", test_import_url_errors);
  g_test_add_func ("/dossier/html/cli/import-crashers", test_import_crashers);
  g_test_add_func ("/dossier/html/cli/import-whole", test_import_whole);

  return g_test_run ();
}
