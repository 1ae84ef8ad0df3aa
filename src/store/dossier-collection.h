/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_COLLECTION (dossier_collection_get_type ())
G_DECLARE_FINAL_TYPE (DossierCollection, dossier_collection, DOSSIER, COLLECTION, GObject)

DossierCollection *dossier_collection_new             (gint64             id,
                                                       const char        *name,
                                                       guint              n_documents,
                                                       gint64             trashed);
gint64             dossier_collection_get_id          (DossierCollection *self);
const char        *dossier_collection_get_name        (DossierCollection *self);
guint              dossier_collection_get_n_documents (DossierCollection *self);
gint64             dossier_collection_get_trashed     (DossierCollection *self);

G_END_DECLS
