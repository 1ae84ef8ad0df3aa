/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/dossier-library-collections.h"

G_BEGIN_DECLS

/**
 * DossierNotesExportFormat:
 * @DOSSIER_NOTES_EXPORT_MARKDOWN: CommonMark
 * @DOSSIER_NOTES_EXPORT_HTML: a standalone HTML5 page
 *
 * How dossier_notes_export_collection() writes a collection's reading notes.
 */
typedef enum {
  DOSSIER_NOTES_EXPORT_MARKDOWN,
  DOSSIER_NOTES_EXPORT_HTML,
} DossierNotesExportFormat;

char *dossier_notes_export_collection (DossierLibrary           *library,
                                       DossierCollection        *collection,
                                       DossierNotesExportFormat  format,
                                       GError                  **error);

G_END_DECLS
