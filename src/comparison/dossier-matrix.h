/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-aligner.h"
#include "dossier-text-snapshot.h"

G_BEGIN_DECLS

/* More documents than an analyst reads side by side; a bound on the
 * pairwise work. */
#define DOSSIER_MATRIX_MAX_DOCUMENTS 32

/**
 * DossierMatrixTopic:
 * @label: the topic's name: its top shared terms, comma-separated
 * @terms: (array zero-terminated=1): those terms
 * @cells: (element-type GArray): for each document, the paragraphs
 *   (#guint) in which it addresses the topic; empty when it never does
 * @n_documents: how many documents address it
 * @weight: the summed similarity of the links that formed the topic
 */
typedef struct {
  char *label;
  char **terms;
  GPtrArray *cells;
  guint n_documents;
  double weight;
} DossierMatrixTopic;

/**
 * DossierMatrix:
 * @n_documents: the number of documents (columns)
 * @topics: (element-type DossierMatrixTopic): the rows, most widely
 *   discussed first
 */
typedef struct {
  guint n_documents;
  GPtrArray *topics;
} DossierMatrix;

DossierMatrix *dossier_matrix_compute (DossierTextSnapshot * const *documents,
                                       guint                        n_documents,
                                       const DossierAlignParams    *params,
                                       GError                     **error);
void           dossier_matrix_free    (DossierMatrix               *matrix);
JsonNode      *dossier_matrix_to_json (DossierMatrix               *matrix,
                                       DossierTextSnapshot * const *documents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMatrix, dossier_matrix_free)

G_END_DECLS
