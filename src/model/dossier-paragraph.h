/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-model-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PARAGRAPH (dossier_paragraph_get_type ())
G_DECLARE_FINAL_TYPE (DossierParagraph, dossier_paragraph, DOSSIER, PARAGRAPH, GObject)

DossierParagraph         *dossier_paragraph_new          (const char           *text);
const char               *dossier_paragraph_get_text     (DossierParagraph     *self);
void                      dossier_paragraph_set_text     (DossierParagraph     *self,
                                                          const char           *text);
DossierParagraphKind      dossier_paragraph_get_kind     (DossierParagraph     *self);
void                      dossier_paragraph_set_kind     (DossierParagraph     *self,
                                                          DossierParagraphKind  kind);
const char               *dossier_paragraph_get_attribution (DossierParagraph *self);
void                      dossier_paragraph_set_attribution (DossierParagraph *self,
                                                             const char       *attribution);
const DossierFootnoteRef *dossier_paragraph_get_refs     (DossierParagraph     *self,
                                                          guint                *n_refs);
void                      dossier_paragraph_add_ref      (DossierParagraph     *self,
                                                          guint                 number,
                                                          guint                 offset);
void                      dossier_paragraph_clear_refs   (DossierParagraph     *self);
gboolean                  dossier_paragraph_references   (DossierParagraph     *self,
                                                          guint                 number);
guint                     dossier_paragraph_get_page     (DossierParagraph     *self);
void                      dossier_paragraph_set_page     (DossierParagraph     *self,
                                                          guint                 page);
const char               *dossier_paragraph_get_page_label (DossierParagraph   *self);
void                      dossier_paragraph_set_page_label (DossierParagraph   *self,
                                                            const char         *label);
const DossierPageBreak   *dossier_paragraph_get_page_breaks (DossierParagraph  *self,
                                                             guint             *n_breaks);
void                      dossier_paragraph_add_page_break  (DossierParagraph  *self,
                                                             guint              offset,
                                                             guint              page,
                                                             const char        *label);
void                      dossier_paragraph_clear_page_breaks (DossierParagraph *self);
guint                     dossier_paragraph_get_page_at  (DossierParagraph     *self,
                                                          guint                 offset,
                                                          const char          **label);

G_END_DECLS
