/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TRASH_ITEM (dossier_trash_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierTrashItem, dossier_trash_item, DOSSIER, TRASH_ITEM, GObject)

DossierTrashItem *dossier_trash_item_new          (DossierDocument  *document,
                                                   gint64            trashed);
DossierDocument  *dossier_trash_item_get_document (DossierTrashItem *self);
gint64            dossier_trash_item_get_trashed  (DossierTrashItem *self);
gint64            dossier_trash_item_get_expires  (DossierTrashItem *self);

G_END_DECLS
