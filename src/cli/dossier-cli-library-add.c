/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "importers/dossier-import.h"
#include "importers/dossier-reference-import.h"
#include "store/dossier-library.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-library-private.h"

/* `dossier-cli library add FILE…` */

/* Files are read and stored in small groups: a group is imported first
 * (no lock is held while pages are parsed), then stored in one
 * transaction, and its IDs are printed only once that is committed. A
 * crash or a kill loses at most the group in hand, none of which was
 * printed: every ID printed is in the library. A transaction per file
 * costs an fsync and an FTS5 index segment each, and made importing 1,000
 * documents 3.4× slower (17.9 s against 5.3 s with groups of 32; 4.3 s
 * with the transactions of 250 this replaced, which lost up to 250 printed
 * files in a crash; bench/RESULTS.md). */
#define GROUP_FILES 32
#define GROUP_USEC (G_USEC_PER_SEC / 4)

typedef struct {
  char *name;                 /* as given on the command line */
  DossierDocument *document;
} Imported;

static void
imported_free (gpointer data)
{
  Imported *imported = data;

  g_free (imported->name);
  g_clear_object (&imported->document);
  g_free (imported);
}

/* Stores one group in a transaction; prints the IDs once it is committed.
 * Returns FALSE when the group could not be committed (nothing of it is
 * stored then) or the output could not be written. */
static gboolean
store_group (DossierLibrary  *library,
             GPtrArray       *group,
             int             *status,
             GError         **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  if (group->len == 0)
    return TRUE;

  if (!dossier_library_begin_batch (library, error))
    return FALSE;

  for (guint i = 0; i < group->len; i++)
    {
      Imported *imported = group->pdata[i];
      g_autoptr(GError) local_error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;

      id = dossier_library_add (library, imported->document, &local_error);
      if (id == NULL)
        {
          if (g_error_matches (local_error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE))
            {
              /* Not a failure: the article is in the library. */
              g_printerr (_("dossier-cli: %s: skipped, %s\n"), imported->name, local_error->message);
              continue;
            }
          dossier_cli_fail (imported->name, local_error);
          *status = 1;
          continue;
        }

      title = dossier_cli_one_line (dossier_document_get_title (imported->document));
      g_string_append_printf (lines, "%s\t%s\n", id, title);
    }

  if (!dossier_library_end_batch (library, error))
    return FALSE;

  g_ptr_array_set_size (group, 0);
  return dossier_cli_write_stdout (lines->str, lines->len, error);
}

/* A reference manager's export: each entry is one document to store,
 * named by the file and the entry's key in messages. */
static void
add_references (GFile                  *file,
                const char             *name,
                DossierReferenceFormat  format,
                GPtrArray              *group,
                int                    *status)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = dossier_reference_import_file (file, format, problems, NULL, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      dossier_cli_fail (name, problems->pdata[i]);
      *status = 1;
    }
  if (entries == NULL)
    {
      dossier_cli_fail (name, error);
      *status = 1;
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      DossierReferenceEntry *entry = entries->pdata[i];
      Imported *imported = g_new0 (Imported, 1);

      imported->name = entry->key != NULL ? g_strdup_printf ("%s (%s)", name, entry->key)
                                          : g_strdup_printf (_("%s (entry %u)"), name, entry->position + 1);
      imported->document = g_object_ref (entry->document);
      g_ptr_array_add (group, imported);
    }
}

/* `library add` imports, so it links the importers (libxml2, Poppler,
 * libsoup): it is built into dossier-cli-full only (see dossier-cli.c). */
int
dossier_cli_library_add (DossierCliLibraryOptions  *options,
                         int                        argc,
                         char                     **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func (imported_free);
  const char *crash_on = g_getenv ("DOSSIER_CLI_TEST_CRASH_ON");
  gint64 group_started = 0;
  int status = 0;

  if (argc < 1)
    return dossier_cli_usage ("library", _("library add needs at least one FILE"));

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_ADD, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  for (int i = 0; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) local_error = NULL;
      DossierReferenceFormat reference_format;
      DossierDocument *document;
      Imported *imported;

      if (group->len == 0)
        group_started = g_get_monotonic_time ();

      /* For tests only: stands in for a page that crashes the importer. */
      if (G_UNLIKELY (crash_on != NULL) && g_str_equal (argv[i], crash_on))
        raise (SIGKILL);

      reference_format = dossier_reference_import_sniff (file);
      if (reference_format != DOSSIER_REFERENCE_FORMAT_NONE)
        {
          add_references (file, argv[i], reference_format, group, &status);
          if (!store_group (library, group, &status, &error))
            return dossier_cli_fail (NULL, error);
          continue;
        }

      document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &local_error);
      if (document == NULL)
        {
          dossier_cli_fail (argv[i], local_error);
          status = 1;
        }
      else
        {
          /* An id in an imported file belongs to some other library. */
          dossier_document_set_id (document, NULL);
          imported = g_new0 (Imported, 1);
          imported->name = g_strdup (argv[i]);
          imported->document = document;
          g_ptr_array_add (group, imported);
        }

      if ((group->len >= GROUP_FILES || g_get_monotonic_time () - group_started >= GROUP_USEC) &&
          !store_group (library, group, &status, &error))
        return dossier_cli_fail (NULL, error);
    }

  if (!store_group (library, group, &status, &error))
    return dossier_cli_fail (NULL, error);

  return status;
}
