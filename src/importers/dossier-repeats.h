/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Which short texts (excerpts) are printed again, word for word, inside
 * longer ones: how both importers tell a pull quote without markup from
 * the paragraph it repeats. Time and memory are linear in the text.
 */
typedef struct _DossierRepeats DossierRepeats;

DossierRepeats *dossier_repeats_new          (void);
void            dossier_repeats_free         (DossierRepeats *self);
guint           dossier_repeats_add_excerpt  (DossierRepeats *self,
                                              const char     *text);
void            dossier_repeats_scan         (DossierRepeats *self,
                                              const char     *text);
gboolean        dossier_repeats_is_repeated  (DossierRepeats *self,
                                              guint           excerpt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierRepeats, dossier_repeats_free)

G_END_DECLS
