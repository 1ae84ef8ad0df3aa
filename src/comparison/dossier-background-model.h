/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What the comparison knows about English news text before it sees the
 * two documents: for 20,000 stems, their document frequency in a corpus of
 * news paragraphs and a vector that places stems used in the same contexts
 * near each other ("talks", "negotiations"). Built by
 * build-aux/build-comparison-model.py, compiled into the core as a
 * GResource, read in place (docs/comparison.md).
 */

#define DOSSIER_BACKGROUND_MODEL_ERROR (dossier_background_model_error_quark ())

typedef enum {
  DOSSIER_BACKGROUND_MODEL_ERROR_INVALID,
} DossierBackgroundModelError;

GQuark dossier_background_model_error_quark (void);

typedef struct _DossierBackgroundModel DossierBackgroundModel;

DossierBackgroundModel *dossier_background_model_new          (GBytes                  *bytes,
                                                              GError                 **error);
void                    dossier_background_model_free         (DossierBackgroundModel  *model);
DossierBackgroundModel *dossier_background_model_get_default  (void);
guint                   dossier_background_model_get_n_words  (DossierBackgroundModel  *model);
guint                   dossier_background_model_get_dims     (DossierBackgroundModel  *model);
guint                   dossier_background_model_get_n_paragraphs (DossierBackgroundModel *model);
gboolean                dossier_background_model_lookup       (DossierBackgroundModel  *model,
                                                              const char              *stem,
                                                              guint                   *word);
guint                   dossier_background_model_get_df       (DossierBackgroundModel  *model,
                                                              guint                    word);
const gint8            *dossier_background_model_get_vector   (DossierBackgroundModel  *model,
                                                              guint                    word);
double                  dossier_background_model_similarity   (DossierBackgroundModel  *model,
                                                              const char              *stem_a,
                                                              const char              *stem_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBackgroundModel, dossier_background_model_free)

G_END_DECLS
