/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_HYPHENATOR (dossier_hyphenator_get_type ())
G_DECLARE_FINAL_TYPE (DossierHyphenator, dossier_hyphenator, DOSSIER, HYPHENATOR, GObject)

DossierHyphenator *dossier_hyphenator_new              (const char        *path);
DossierHyphenator *dossier_hyphenator_get_for_language (const char        *language);
void               dossier_hyphenator_preload          (const char        *language);
char              *dossier_hyphenator_find_dictionary  (const char        *language);
gboolean           dossier_hyphenator_is_loaded        (DossierHyphenator *self);
const char        *dossier_hyphenator_get_path         (DossierHyphenator *self);
char              *dossier_hyphenator_hyphenate        (DossierHyphenator *self,
                                                        const char        *text,
                                                        gssize             length,
                                                        guint              min_letters,
                                                        GArray            *insertions);

G_END_DECLS
