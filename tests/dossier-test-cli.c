/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-test-cli"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

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
  dossier_test_cli_runv_with (run, NULL, args);
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* In the child, before exec: async-signal-safe calls only. */
static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (user_data);
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (125);
}

/**
 * dossier_test_cli_runv_with:
 * @options: (nullable): where stdout goes, the working directory, a
 *   file size limit
 *
 * Runs dossier-cli as dossier_test_cli_runv() does, with @options.
 */
void
dossier_test_cli_runv_with (DossierTestCliRun           *run,
                            const DossierTestCliOptions *options,
                            const char * const          *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  gint64 start = g_get_monotonic_time ();
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;
  Wait wait = { 0, };
  guint timeout;

  g_assert_nonnull (cli);
  dossier_test_cli_run_clear (run);

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (options == NULL || options->stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  if (options != NULL && options->stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, options->stdout_path);
  if (options != NULL && options->cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);
  if (options != NULL && options->file_size_limit > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb,
                                           GSIZE_TO_POINTER (options->file_size_limit), NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &wait);
  /* Woken up every second: a CLI that hangs silently (on a named pipe)
   * wakes nothing else. */
  timeout = g_timeout_add_seconds (1, wake_up_cb, NULL);
  while (!wait.done)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () - start >= RUN_TIMEOUT_SECONDS * G_USEC_PER_SEC)
        {
          g_subprocess_force_exit (process);
          g_error ("dossier-cli %s hung for %d s", args != NULL && args[0] != NULL ? args[0] : "",
                   RUN_TIMEOUT_SECONDS);
        }
    }
  g_source_remove (timeout);

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

/**
 * dossier_test_cli_run_with:
 * @options: (nullable): see dossier_test_cli_runv_with()
 * @first: the first argument after the program name, then the others,
 *   then %NULL
 */
void
dossier_test_cli_run_with (DossierTestCliRun           *run,
                           const DossierTestCliOptions *options,
                           const char                  *first,
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

  dossier_test_cli_runv_with (run, options, (const char * const *) args->pdata);
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
