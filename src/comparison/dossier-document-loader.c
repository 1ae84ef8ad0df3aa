/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "importers/dossier-import.h"
#include "dossier-document-loader.h"

/* The library lives in another part of the tree that may be built without
 * it; comparisons by library id need it, comparisons of files do not. */
#if defined(__has_include)
# if __has_include("store/dossier-library.h")
#  define HAVE_LIBRARY 1
#  include "store/dossier-library.h"
# endif
#endif

/**
 * dossier_comparison_has_library_support:
 *
 * Returns: whether documents can be named by library id
 */
gboolean
dossier_comparison_has_library_support (void)
{
#ifdef HAVE_LIBRARY
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * dossier_comparison_load_document:
 * @spec: a file, or a library document id when @library_path is set and
 *   @spec is not an existing file
 * @library_path: (nullable): the library to look ids up in
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Loads one side of a comparison, the way `dossier-cli compare` and
 * comparison files name documents.
 *
 * Returns: (transfer full): the document, or %NULL
 */
DossierDocument *
dossier_comparison_load_document (const char    *spec,
                                  const char    *library_path,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  file = g_file_new_for_commandline_arg (spec);
  if (library_path != NULL && !g_file_query_exists (file, cancellable))
    return dossier_comparison_load_library_document (spec, library_path, error);

  return dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, cancellable, error);
}

/**
 * dossier_comparison_load_library_document:
 * @id: a library document id
 * @library_path: (nullable): the library, or %NULL for the user's
 * @error: return location for an error
 *
 * Returns: (transfer full): the document, or %NULL
 */
DossierDocument *
dossier_comparison_load_library_document (const char  *id,
                                          const char  *library_path,
                                          GError     **error)
{
#ifdef HAVE_LIBRARY
  g_autofree char *default_path = library_path == NULL ? dossier_library_dup_default_path () : NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (library_path != NULL ? library_path : default_path,
                                                            error);

  if (library == NULL)
    return NULL;
  return dossier_library_load (library, id, error);
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("This build cannot read library documents (“%s”)"), id);
  return NULL;
#endif
}
