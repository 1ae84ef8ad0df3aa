/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_BAR (dossier_tag_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagBar, dossier_tag_bar, DOSSIER, TAG_BAR, GtkWidget)

GtkWidget      *dossier_tag_bar_new              (void);
void            dossier_tag_bar_set_document     (DossierTagBar  *self,
                                                  DossierLibrary *library,
                                                  const char     *document_id);
const char     *dossier_tag_bar_get_document_id  (DossierTagBar  *self);
DossierLibrary *dossier_tag_bar_get_library      (DossierTagBar  *self);
void            dossier_tag_bar_reload           (DossierTagBar  *self);
gboolean        dossier_tag_bar_add_tag          (DossierTagBar  *self,
                                                  const char     *tag);
char          **dossier_tag_bar_dup_shown_tags   (DossierTagBar  *self);
GtkEditable    *dossier_tag_bar_get_entry        (DossierTagBar  *self);
GtkPopover     *dossier_tag_bar_get_completion   (DossierTagBar  *self);
GtkListBox     *dossier_tag_bar_get_completion_list (DossierTagBar *self);

G_END_DECLS
