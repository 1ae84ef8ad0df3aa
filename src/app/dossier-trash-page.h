/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TRASH_PAGE (dossier_trash_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierTrashPage, dossier_trash_page, DOSSIER, TRASH_PAGE, GtkWidget)

GtkWidget      *dossier_trash_page_new         (void);
DossierLibrary *dossier_trash_page_get_library (DossierTrashPage *self);
void            dossier_trash_page_set_library (DossierTrashPage *self,
                                                DossierLibrary   *library);
GtkListBox     *dossier_trash_page_get_list    (DossierTrashPage *self);
gboolean        dossier_trash_page_get_empty   (DossierTrashPage *self);
void            dossier_trash_page_reload_collections   (DossierTrashPage *self);
GtkListBox     *dossier_trash_page_get_collections_list (DossierTrashPage *self);

G_END_DECLS
