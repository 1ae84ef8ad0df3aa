/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/dossier-file-save.h"
#include "dossier-cli-commands.h"

typedef struct {
  const char *name;
  DossierCliCommandFunc run;
  const char *summary;
} Command;

/* dossier-cli is the light half (see meson.build): its own commands are
 * `library` but for `add`; the others are run by dossier-cli-full. */
#ifdef DOSSIER_CLI_LIGHT
static int run_full_command (int argc, char **argv);
#define FULL(run) run_full_command
#else
#define FULL(run) run
#endif

static const Command commands[] = {
  { "import", FULL (dossier_cli_import), N_("Import an article and print it as a dossier-document") },
#ifdef DOSSIER_CLI_HAVE_LIBRARY
  { "library", dossier_cli_library, N_("Add, list, search, export and remove library documents") },
#endif
#ifdef DOSSIER_CLI_HAVE_COMPARE
  { "compare", FULL (dossier_cli_compare), N_("Compare two documents: perspectives or versions") },
#endif
#ifdef DOSSIER_CLI_HAVE_MATRIX
  { "matrix", FULL (dossier_cli_matrix), N_("Print the perspectives matrix of several documents") },
#endif
#ifdef DOSSIER_CLI_HAVE_MEMO
  { "memo", FULL (dossier_cli_memo), N_("Create and check briefing memos") },
#endif
#ifdef DOSSIER_CLI_HAVE_EXPORT_PDF
  { "export-pdf", FULL (dossier_cli_export_pdf), N_("Export a briefing memo to PDF") },
#endif
#ifdef DOSSIER_CLI_HAVE_EXPORT
  { "export", FULL (dossier_cli_export), N_("Export a briefing memo to PDF, DOCX or ODT") },
#endif
};

#ifdef DOSSIER_CLI_LIGHT
/* The command line as given, for dossier_cli_run_full(); never freed. */
static char **main_argv;

/* Beside this program in a build tree, else where it is installed. */
static char *
find_full (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "dossier-cli-full", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (DOSSIER_LIBEXECDIR, "dossier-cli-full", NULL);
}

int
dossier_cli_run_full (void)
{
  g_autofree char *full = find_full ();
  int saved_errno;

  /* Nothing is written before a command runs, but its output must not
   * be duplicated or lost if it were. */
  fflush (stdout);
  execv (full, main_argv);
  saved_errno = errno;
  g_printerr (_("dossier-cli: could not run %s: %s\n"), full, g_strerror (saved_errno));
  return 1;
}

static int
run_full_command (G_GNUC_UNUSED int    argc,
                  G_GNUC_UNUSED char **argv)
{
  return dossier_cli_run_full ();
}
#endif

int
dossier_cli_fail (const char   *subject,
                  const GError *error)
{
  if (subject != NULL)
    g_printerr ("dossier-cli: %s: %s\n", subject, error->message);
  else
    g_printerr ("dossier-cli: %s\n", error->message);
  return 1;
}

int
dossier_cli_usage (const char *command,
                   const char *message)
{
  g_printerr ("dossier-cli %s: %s\n", command, message);
  g_printerr (_("Try “dossier-cli %s --help” for more information.\n"), command);
  return 2;
}

gboolean
dossier_cli_write_stdout (const char  *data,
                          gsize        length,
                          GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Atomic: an interrupted export or a full disk never leaves half a file
 * behind, and keeps the old one. Only regular files (or links to them)
 * and new names are written: a device, a pipe, a socket or a folder is
 * refused (see DossierFileSave). */
gboolean
dossier_cli_write_file (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return dossier_file_save_contents (file, data, length, NULL, error);
}

/* "-o -" means standard output, for the commands that write data. */
gboolean
dossier_cli_is_stdout (const char *output)
{
  return g_strcmp0 (output, "-") == 0;
}

/* Standard output is checked once, at exit, for every command: output
 * that could not be written (a full disk, "> /dev/full", a closed
 * stdout) is an error, not a success. */
static gboolean stdout_checked;
static int stdout_errno;

/* g_print()'s own handler, which ignores errors: keep the first one's cause. */
static void
print_cb (const char *string)
{
  g_autofree char *converted = NULL;
  const char *charset;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (string, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  if ((fputs (converted != NULL ? converted : string, stdout) == EOF || fflush (stdout) != 0) &&
      stdout_errno == 0)
    stdout_errno = errno;
}

static gboolean
close_stdout (gboolean report)
{
  gboolean failed;
  int saved_errno = 0;

  stdout_checked = TRUE;
  failed = ferror (stdout) != 0;
  errno = 0;
  if (fflush (stdout) != 0)
    {
      failed = TRUE;
      saved_errno = errno;
    }
  /* close() too: some file systems (NFS) report a failed write only then.
   * A stdout that was never open (EBADF) is no error if nothing went to it. */
  errno = 0;
  if (fclose (stdout) != 0 && (errno != EBADF || failed))
    {
      failed = TRUE;
      if (saved_errno == 0)
        saved_errno = errno;
    }
  if (!failed || !report)
    return !failed;

  if (stdout_errno != 0)
    saved_errno = stdout_errno;
  if (saved_errno != 0)
    {
      g_printerr ("dossier-cli: ");
      g_printerr (_("Could not write the output: %s"), g_strerror (saved_errno));
      g_printerr ("\n");
    }
  else
    g_printerr ("dossier-cli: %s\n", _("Could not write the output"));
  return FALSE;
}

/* GOptionContext prints --help and exits from inside the parser. */
static void
close_stdout_at_exit (void)
{
  if (!stdout_checked && !close_stdout (TRUE))
    _exit (1);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: dossier-cli COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "\n%s\n\n", _("Work with policy articles and briefing memos from the command line."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-14s %s\n", "-h, --help", _("Show this help"));
  fprintf (out, "  %-14s %s\n", "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("Run “dossier-cli COMMAND --help” for the options of a command."));
}

static int
run (int    argc,
     char **argv)
{
  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("dossier-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* GOptionContext prints the program name in "Usage:" lines. */
        g_autofree char *prgname = g_strdup_printf ("dossier-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("dossier-cli: unknown command “%s”\n"), argv[1]);
  g_printerr ("%s\n", _("Run “dossier-cli --help” to see the commands."));
  return 2;
}

/* A command that failed has said why already: one line, its status. */
static int
finish (int status)
{
  if (!close_stdout (status == 0) && status == 0)
    return 1;
  return status;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Tests and `make run` use the catalogues built in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("dossier-cli");
#ifdef DOSSIER_CLI_LIGHT
  /* A copy: GOptionContext takes the options it parsed out of argv. */
  main_argv = g_strdupv (argv);
#endif
  g_set_print_handler (print_cb);
  atexit (close_stdout_at_exit);

  return finish (run (argc, argv));
}
