/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-compare-result.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DIFF_CHUNK (dossier_diff_chunk_get_type ())
G_DECLARE_FINAL_TYPE (DossierDiffChunk, dossier_diff_chunk, DOSSIER, DIFF_CHUNK, GObject)

DossierDiffChunk *dossier_diff_chunk_new             (const DossierChunkRecord *record);
DossierDiffOp     dossier_diff_chunk_get_op          (DossierDiffChunk         *self);
int               dossier_diff_chunk_get_a_paragraph (DossierDiffChunk         *self);
int               dossier_diff_chunk_get_b_paragraph (DossierDiffChunk         *self);
void              dossier_diff_chunk_get_a_words     (DossierDiffChunk         *self,
                                                      guint                    *start,
                                                      guint                    *end);
void              dossier_diff_chunk_get_b_words     (DossierDiffChunk         *self,
                                                      guint                    *start,
                                                      guint                    *end);
void              dossier_diff_chunk_get_a_chars     (DossierDiffChunk         *self,
                                                      guint                    *start,
                                                      guint                    *end);
void              dossier_diff_chunk_get_b_chars     (DossierDiffChunk         *self,
                                                      guint                    *start,
                                                      guint                    *end);
int               dossier_diff_chunk_get_change      (DossierDiffChunk         *self);
const char       *dossier_diff_chunk_get_text        (DossierDiffChunk         *self);

G_END_DECLS
