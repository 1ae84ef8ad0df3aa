/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHT (dossier_highlight_get_type ())
G_DECLARE_FINAL_TYPE (DossierHighlight, dossier_highlight, DOSSIER, HIGHLIGHT, GObject)

DossierHighlight *dossier_highlight_new             (gint64            id,
                                                     const char       *document_id,
                                                     guint             paragraph,
                                                     guint             start,
                                                     guint             end,
                                                     const char       *text,
                                                     const char       *note);
gint64            dossier_highlight_get_id          (DossierHighlight *self);
const char       *dossier_highlight_get_document_id (DossierHighlight *self);
guint             dossier_highlight_get_paragraph   (DossierHighlight *self);
guint             dossier_highlight_get_start       (DossierHighlight *self);
guint             dossier_highlight_get_end         (DossierHighlight *self);
const char       *dossier_highlight_get_text        (DossierHighlight *self);
const char       *dossier_highlight_get_note        (DossierHighlight *self);
void              dossier_highlight_set_note        (DossierHighlight *self,
                                                     const char       *note);

G_END_DECLS
