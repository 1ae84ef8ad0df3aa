/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-cli-documents.h"

/* The app's library when there is one: ids then work without --library, as
 * README says. It is only read here, never created. */
char *
dossier_cli_default_library (void)
{
  g_autofree char *path = dossier_library_dup_default_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

/* Library ids may be shortened to their first four characters or more, as
 * `library export` accepts; files on disk are taken as they are. Without
 * --library, ids are looked up in the app's library
 * (dossier_cli_default_library()), opened in *@library the first time. */
char *
dossier_cli_resolve_spec (DossierLibrary **library,
                          const char      *library_path,
                          const char      *spec,
                          GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (spec);

  if (g_file_query_exists (file, NULL))
    return g_strdup (spec);
  if (library_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no such file, and no library to look the id up in"));
      return NULL;
    }
  if (*library == NULL)
    {
      *library = dossier_library_open (library_path, error);
      if (*library == NULL)
        return NULL;
    }
  return dossier_library_resolve_id (*library, spec, error);
}
