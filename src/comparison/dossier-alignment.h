/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-aligner.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ALIGNMENT (dossier_alignment_get_type ())
G_DECLARE_FINAL_TYPE (DossierAlignment, dossier_alignment, DOSSIER, ALIGNMENT, GObject)

DossierAlignment   *dossier_alignment_new              (const DossierLink *link);
DossierAlignment   *dossier_alignment_new_full         (const DossierLink *link,
                                                        gboolean           accepted);
guint               dossier_alignment_get_a            (DossierAlignment  *self);
guint               dossier_alignment_get_b            (DossierAlignment  *self);
double              dossier_alignment_get_score        (DossierAlignment  *self);
gboolean            dossier_alignment_get_anchored     (DossierAlignment  *self);
gboolean            dossier_alignment_get_accepted     (DossierAlignment  *self);
const char * const *dossier_alignment_get_shared_terms (DossierAlignment  *self);

G_END_DECLS
