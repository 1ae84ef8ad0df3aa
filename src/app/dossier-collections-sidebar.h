/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COLLECTIONS_SIDEBAR (dossier_collections_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DossierCollectionsSidebar, dossier_collections_sidebar, DOSSIER, COLLECTIONS_SIDEBAR, GtkWidget)

/* The built-in views; a collection's view is "collection:" and its id. */
#define DOSSIER_VIEW_ALL "all"
#define DOSSIER_VIEW_RECENT "recent"
#define DOSSIER_VIEW_UNREAD "unread"
#define DOSSIER_VIEW_COLLECTION_PREFIX "collection:"

/* Recently Added: the articles added in the last 30 days. */
#define DOSSIER_RECENT_DAYS 30

GtkWidget      *dossier_collections_sidebar_new         (void);
DossierLibrary *dossier_collections_sidebar_get_library (DossierCollectionsSidebar *self);
void            dossier_collections_sidebar_set_library (DossierCollectionsSidebar *self,
                                                         DossierLibrary            *library);
const char     *dossier_collections_sidebar_get_view    (DossierCollectionsSidebar *self);
void            dossier_collections_sidebar_set_view    (DossierCollectionsSidebar *self,
                                                         const char                *view);
char           *dossier_collections_sidebar_dup_view_title (DossierCollectionsSidebar *self);
void            dossier_collections_sidebar_reload      (DossierCollectionsSidebar *self);
GtkListBox     *dossier_collections_sidebar_get_list    (DossierCollectionsSidebar *self);
GtkListBoxRow  *dossier_collections_sidebar_get_row     (DossierCollectionsSidebar *self,
                                                         const char                *view);
GtkPopover     *dossier_collections_sidebar_popup_menu  (DossierCollectionsSidebar *self,
                                                         const char                *view);

G_END_DECLS
