/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CITATION (dossier_citation_get_type ())
G_DECLARE_FINAL_TYPE (DossierCitation, dossier_citation, DOSSIER, CITATION, GObject)

DossierCitation    *dossier_citation_new                 (const char      *id);
DossierCitation    *dossier_citation_new_for_document    (const char      *id,
                                                          DossierDocument *document);
DossierCitation    *dossier_citation_new_for_excerpt     (const char      *id,
                                                          DossierDocument *document,
                                                          guint            paragraph,
                                                          guint            start,
                                                          guint            end);
DossierCitation    *dossier_citation_copy                (DossierCitation *self);

const char         *dossier_citation_get_id              (DossierCitation *self);
void                dossier_citation_set_id              (DossierCitation *self,
                                                          const char      *id);
const char         *dossier_citation_get_quote           (DossierCitation *self);
void                dossier_citation_set_quote           (DossierCitation *self,
                                                          const char      *quote);
const char         *dossier_citation_get_locator         (DossierCitation *self);
void                dossier_citation_set_locator         (DossierCitation *self,
                                                          const char      *locator);
const char         *dossier_citation_get_library_id      (DossierCitation *self);
void                dossier_citation_set_library_id      (DossierCitation *self,
                                                          const char      *library_id);
const char         *dossier_citation_get_title           (DossierCitation *self);
void                dossier_citation_set_title           (DossierCitation *self,
                                                          const char      *title);
const char * const *dossier_citation_get_authors         (DossierCitation *self);
void                dossier_citation_set_authors         (DossierCitation *self,
                                                          const char * const *authors);
const char         *dossier_citation_get_publisher       (DossierCitation *self);
void                dossier_citation_set_publisher       (DossierCitation *self,
                                                          const char      *publisher);
const char         *dossier_citation_get_published       (DossierCitation *self);
gboolean            dossier_citation_set_published       (DossierCitation *self,
                                                          const char      *iso_date);
const char         *dossier_citation_get_source_url      (DossierCitation *self);
void                dossier_citation_set_source_url      (DossierCitation *self,
                                                          const char      *source_url);
guint               dossier_citation_get_via_note        (DossierCitation *self);
const char         *dossier_citation_get_via_text        (DossierCitation *self);
void                dossier_citation_set_via             (DossierCitation *self,
                                                          guint            note_number,
                                                          const char      *note_text);
gboolean            dossier_citation_is_quoted_in        (DossierCitation *self);

void                dossier_citation_set_document        (DossierCitation *self,
                                                          DossierDocument *document);

char               *dossier_citation_dup_id_hint         (DossierCitation *self);
char               *dossier_citation_format_full         (DossierCitation *self);
char               *dossier_citation_format_short        (DossierCitation *self);

char               *dossier_format_author_list           (const char * const *names,
                                                          gboolean         family_names_only);
char               *dossier_dup_family_name              (const char      *name);
char               *dossier_format_date_prose            (const char      *iso_date);
char               *dossier_format_page_locator          (guint            first_page,
                                                          const char      *first_label,
                                                          guint            last_page,
                                                          const char      *last_label);

G_END_DECLS
