/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FOOTNOTE (dossier_footnote_get_type ())
G_DECLARE_FINAL_TYPE (DossierFootnote, dossier_footnote, DOSSIER, FOOTNOTE, GObject)

DossierFootnote    *dossier_footnote_new            (guint            number,
                                                     const char      *text);
guint               dossier_footnote_get_number     (DossierFootnote *self);
void                dossier_footnote_set_number     (DossierFootnote *self,
                                                     guint            number);
const char         *dossier_footnote_get_text       (DossierFootnote *self);
void                dossier_footnote_set_text       (DossierFootnote *self,
                                                     const char      *text);
const char * const *dossier_footnote_get_urls       (DossierFootnote *self);
void                dossier_footnote_set_urls       (DossierFootnote *self,
                                                     const char * const *urls);
char              **dossier_footnote_extract_urls   (const char      *text);

G_END_DECLS
