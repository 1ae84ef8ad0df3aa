/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/dossier-document.h"

G_BEGIN_DECLS

/*
 * What the three reference-manager formats (CSL-JSON, BibTeX, RIS) share:
 * telling them apart by their content, a name as a reader says it from its
 * parts, the checks every entry read ends with, and citation keys.
 */

/**
 * DossierReferenceFormat:
 * @DOSSIER_REFERENCE_FORMAT_NONE: not a reference manager's file
 * @DOSSIER_REFERENCE_FORMAT_CSL_JSON: CSL-JSON (Zotero, pandoc, Mendeley)
 * @DOSSIER_REFERENCE_FORMAT_BIBTEX: BibTeX or BibLaTeX
 * @DOSSIER_REFERENCE_FORMAT_RIS: RIS (Zotero, EndNote, most databases)
 */
typedef enum {
  DOSSIER_REFERENCE_FORMAT_NONE,
  DOSSIER_REFERENCE_FORMAT_CSL_JSON,
  DOSSIER_REFERENCE_FORMAT_BIBTEX,
  DOSSIER_REFERENCE_FORMAT_RIS,
} DossierReferenceFormat;

/**
 * DossierReferenceEntry:
 * @document: the entry's metadata as a document without text
 * @position: where the entry is in the file, from 0 (for messages)
 * @key: (nullable): the entry's citation key or id in the file
 * @files: (nullable): files the entry points at (Zotero's "Export Files":
 *   snapshots and PDFs), as the file writes them: relative to the file's
 *   folder, or absolute
 *
 * One entry read from a reference manager's file.
 */
typedef struct {
  DossierDocument *document;
  guint position;
  char *key;
  char **files;
} DossierReferenceEntry;

DossierReferenceEntry *dossier_reference_entry_new  (DossierDocument       *document);
void                   dossier_reference_entry_free (DossierReferenceEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierReferenceEntry, dossier_reference_entry_free)

GError                *dossier_reference_entry_error (guint                 index,
                                                      const char           *key,
                                                      const GError         *cause);

/* A reference manager's library export may hold tens of thousands of
 * entries; past this a file is refused rather than half read. */
#define DOSSIER_REFERENCE_MAX_ENTRIES 100000

DossierReferenceFormat  dossier_reference_guess_format     (const char             *name_hint,
                                                            const char             *data,
                                                            gsize                   length);
gboolean                dossier_reference_format_from_string (const char           *name,
                                                              DossierReferenceFormat *format);
char                   *dossier_reference_display_name     (const char             *given,
                                                            const char             *particle,
                                                            const char             *family,
                                                            const char             *suffix);
DossierAuthor          *dossier_reference_author_new       (const char             *given,
                                                            const char             *particle,
                                                            const char             *family,
                                                            const char             *suffix);
DossierAuthor          *dossier_reference_organisation_new (const char             *name);
gboolean                dossier_reference_check_entry      (DossierDocument        *document,
                                                            GError                **error);
char                   *dossier_reference_make_key         (DossierDocument        *document,
                                                            GHashTable             *used);
char                   *dossier_reference_write            (DossierReferenceFormat  format,
                                                            GPtrArray              *documents,
                                                            gsize                  *length);
const char             *dossier_reference_default_type     (DossierDocument        *document);

G_END_DECLS
