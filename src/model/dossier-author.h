/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_AUTHOR (dossier_author_get_type ())
G_DECLARE_FINAL_TYPE (DossierAuthor, dossier_author, DOSSIER, AUTHOR, GObject)

DossierAuthor *dossier_author_new             (const char    *name);
DossierAuthor *dossier_author_copy            (DossierAuthor *self);
const char    *dossier_author_get_name        (DossierAuthor *self);
void           dossier_author_set_name        (DossierAuthor *self,
                                               const char    *name);
const char    *dossier_author_get_position    (DossierAuthor *self);
void           dossier_author_set_position    (DossierAuthor *self,
                                               const char    *position);
const char    *dossier_author_get_affiliation (DossierAuthor *self);
void           dossier_author_set_affiliation (DossierAuthor *self,
                                               const char    *affiliation);
const char    *dossier_author_get_bio         (DossierAuthor *self);
void           dossier_author_set_bio         (DossierAuthor *self,
                                               const char    *bio);
const char    *dossier_author_get_family      (DossierAuthor *self);
void           dossier_author_set_family      (DossierAuthor *self,
                                               const char    *family);
const char    *dossier_author_get_given       (DossierAuthor *self);
void           dossier_author_set_given       (DossierAuthor *self,
                                               const char    *given);
const char    *dossier_author_get_particle    (DossierAuthor *self);
void           dossier_author_set_particle    (DossierAuthor *self,
                                               const char    *particle);
const char    *dossier_author_get_suffix      (DossierAuthor *self);
void           dossier_author_set_suffix      (DossierAuthor *self,
                                               const char    *suffix);
gboolean       dossier_author_get_organisation (DossierAuthor *self);
void           dossier_author_set_organisation (DossierAuthor *self,
                                                gboolean       organisation);
gboolean       dossier_author_has_parts       (DossierAuthor *self);
gboolean       dossier_author_equal           (DossierAuthor *a,
                                               DossierAuthor *b);

G_END_DECLS
