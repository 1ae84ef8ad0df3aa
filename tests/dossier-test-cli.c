/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-test-cli"

#include "config.h"

#include "dossier-test-cli.h"

/* A hung CLI fails the test instead of waiting for meson's timeout. */
#define RUN_TIMEOUT_SECONDS 60

void
dossier_test_cli_run_clear (DossierTestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
dup_bytes (GBytes *bytes)
{
  gsize size = bytes != NULL ? g_bytes_get_size (bytes) : 0;

  return g_strndup (size > 0 ? g_bytes_get_data (bytes, NULL) : "", size);
}

typedef struct
{
  gboolean done;
  GBytes *out;
  GBytes *err;
} Wait;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &wait->out, &wait->err, &error);
  g_assert_no_error (error);
  wait->done = TRUE;
}

/**
 * dossier_test_cli_runv:
 * @run: where the result goes (its previous output is freed)
 * @args: the arguments after the program name, %NULL-terminated
 *
 * Runs dossier-cli and waits for it. The default main context keeps
 * running meanwhile, so a test's own server (the web import tests)
 * answers the CLI.
 */
void
dossier_test_cli_runv (DossierTestCliRun  *run,
                       const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0, };

  g_assert_nonnull (cli);
  dossier_test_cli_run_clear (run);

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &wait);
  while (!wait.done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, RUN_TIMEOUT_SECONDS * G_USEC_PER_SEC);
    }

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = dup_bytes (wait.out);
  run->err = dup_bytes (wait.err);
  g_clear_pointer (&wait.out, g_bytes_unref);
  g_clear_pointer (&wait.err, g_bytes_unref);
}

/**
 * dossier_test_cli_run:
 * @first: the first argument after the program name, then the others,
 *   then %NULL
 *
 * Runs dossier-cli with these arguments; see dossier_test_cli_runv().
 */
void
dossier_test_cli_run (DossierTestCliRun *run,
                      const char        *first,
                      ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  dossier_test_cli_runv (run, (const char * const *) args->pdata);
}

/* Error messages are one line: tests count the newlines of stderr. */
guint
dossier_test_cli_count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;
  return lines;
}
