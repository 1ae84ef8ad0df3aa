/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include "dossier-memo-library.h"

/**
 * dossier_memo_library_find_source:
 * @citation: a memo citation
 * @library: (type DossierLibrary): the library to look in
 *
 * A #DossierMemoSourceFunc over a #DossierLibrary: the citation's
 * `library_id` first; if it has none (or the document was removed), the
 * document with the same source URL; else the one with the same title and
 * an author with the same family name.
 *
 * Returns: (transfer full) (nullable): the full document, or %NULL when
 *   the library does not hold it
 */
DossierDocument *
dossier_memo_library_find_source (DossierCitation  *citation,
                                  gpointer          library,
                                  GError          **error)
{
  DossierLibrary *self = library;
  const char *library_id = dossier_citation_get_library_id (citation);
  const char *url = dossier_citation_get_source_url (citation);
  const char * const *authors = dossier_citation_get_authors (citation);
  g_autofree char *family = NULL;
  DossierDocument *document = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (DOSSIER_IS_CITATION (citation), NULL);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (library_id != NULL)
    {
      document = dossier_library_load (self, library_id, &local_error);
      if (document != NULL)
        return document;

      /* A memo from another machine: its ids mean nothing here. */
      if (!g_error_matches (local_error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (url != NULL)
    {
      document = dossier_library_find_by_source_url (self, url, error);
      if (document != NULL || (error != NULL && *error != NULL))
        return document;
    }

  if (authors != NULL && authors[0] != NULL)
    family = dossier_dup_family_name (authors[0]);

  return dossier_library_find_by_title (self, dossier_citation_get_title (citation), family, error);
}
