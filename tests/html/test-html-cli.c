/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-server.h"

/* dossier-cli import with a web address, against a server in this process. */

typedef struct {
  gboolean done;
  int status;
  char *out;
  char *err;
} Run;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

static void
run_cli (const char *uri,
         Run        *run)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (cli);
  memset (run, 0, sizeof *run);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              cli, "import", uri, NULL);
  g_assert_no_error (error);

  /* The server answers from this main loop while the CLI waits. */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, run);
  while (!run->done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
    }
}

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
test_import_url (void)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = test_server_new (&base);
  g_autofree char *uri = g_strconcat (base, "/old", NULL);
  g_autofree char *source = g_strdup_printf ("\"source_url\" : \"%s/article\"", base);
  Run run;

  run_cli (uri, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"title\" : \"Ports and Power\""));
  g_assert_nonnull (strstr (run.out, source));
  run_clear (&run);
  soup_server_disconnect (server);
}

static void
test_import_url_errors (void)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = test_server_new (&base);
  g_autofree char *missing = g_strconcat (base, "/missing", NULL);
  g_autofree char *image = g_strconcat (base, "/image", NULL);
  Run run;

  run_cli (missing, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "404"));
  /* One line on stderr. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int)strlen (run.err) - 1);
  run_clear (&run);

  run_cli (image, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "image/png"));
  run_clear (&run);

  soup_server_disconnect (server);
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

  return g_test_run ();
}
