/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/dossier-document.h"

G_BEGIN_DECLS

/**
 * DossierSnapshotNote:
 * @number: the footnote's number
 * @text: its text
 * @urls: (array zero-terminated=1): the addresses it cites
 */
typedef struct {
  guint number;
  char *text;
  char **urls;
} DossierSnapshotNote;

/**
 * DossierTextSnapshot:
 * @title: the document's title
 * @authors: the authors' names ("A and B"), or %NULL
 * @affiliations: the authors' affiliations, comma-separated, or %NULL
 * @paragraphs: (element-type utf8): the paragraphs' texts, in order
 * @headings: (element-type gboolean): whether each paragraph is a heading
 * @notes: (element-type DossierSnapshotNote): the footnotes
 *
 * A plain copy of what the comparison reads from a #DossierDocument, taken
 * on the main thread so the comparison can run on another one (GObjects
 * with list stores are not thread-safe).
 */
typedef struct {
  char *title;
  char *authors;
  char *affiliations;
  GPtrArray *paragraphs;
  GArray *headings;
  GPtrArray *notes;
} DossierTextSnapshot;

DossierTextSnapshot *dossier_text_snapshot_new           (DossierDocument     *document);
DossierTextSnapshot *dossier_text_snapshot_new_from_text (const char          *title,
                                                          const char * const  *paragraphs);
void                 dossier_text_snapshot_free          (DossierTextSnapshot *snapshot);
guint                dossier_text_snapshot_get_n_paragraphs (DossierTextSnapshot *snapshot);
const char          *dossier_text_snapshot_get_paragraph (DossierTextSnapshot *snapshot,
                                                          guint                index);
gboolean             dossier_text_snapshot_is_heading    (DossierTextSnapshot *snapshot,
                                                          guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTextSnapshot, dossier_text_snapshot_free)

G_END_DECLS
