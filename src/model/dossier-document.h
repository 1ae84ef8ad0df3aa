/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-author.h"
#include "dossier-footnote.h"
#include "dossier-paragraph.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT (dossier_document_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocument, dossier_document, DOSSIER, DOCUMENT, GObject)

DossierDocument    *dossier_document_new                 (void);

const char         *dossier_document_get_id              (DossierDocument  *self);
void                dossier_document_set_id              (DossierDocument  *self,
                                                          const char       *id);
const char         *dossier_document_get_title           (DossierDocument  *self);
void                dossier_document_set_title           (DossierDocument  *self,
                                                          const char       *title);
const char         *dossier_document_get_subtitle        (DossierDocument  *self);
void                dossier_document_set_subtitle        (DossierDocument  *self,
                                                          const char       *subtitle);
const char         *dossier_document_get_publisher       (DossierDocument  *self);
void                dossier_document_set_publisher       (DossierDocument  *self,
                                                          const char       *publisher);
const char         *dossier_document_get_published       (DossierDocument  *self);
gboolean            dossier_document_set_published       (DossierDocument  *self,
                                                          const char       *iso_date);
GDate              *dossier_document_dup_published_date  (DossierDocument  *self);
const char         *dossier_document_get_source_url      (DossierDocument  *self);
void                dossier_document_set_source_url      (DossierDocument  *self,
                                                          const char       *source_url);
const char * const *dossier_document_get_key_points      (DossierDocument  *self);
void                dossier_document_set_key_points      (DossierDocument  *self,
                                                          const char * const *key_points);
const char * const *dossier_document_get_pull_quotes     (DossierDocument  *self);
void                dossier_document_set_pull_quotes     (DossierDocument  *self,
                                                          const char * const *pull_quotes);

GListModel         *dossier_document_get_paragraphs      (DossierDocument  *self);
GListModel         *dossier_document_get_footnotes       (DossierDocument  *self);
GListModel         *dossier_document_get_authors         (DossierDocument  *self);
void                dossier_document_add_paragraph       (DossierDocument  *self,
                                                          DossierParagraph *paragraph);
void                dossier_document_add_footnote        (DossierDocument  *self,
                                                          DossierFootnote  *footnote);
void                dossier_document_add_author          (DossierDocument  *self,
                                                          DossierAuthor    *author);
void                dossier_document_remove_all_authors  (DossierDocument  *self);
DossierFootnote    *dossier_document_lookup_footnote     (DossierDocument  *self,
                                                          guint             number);
char               *dossier_document_dup_author_names    (DossierDocument  *self);

gboolean            dossier_is_valid_iso_date            (const char       *iso_date);

G_END_DECLS
