/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-author.h"
#include "dossier-footnote.h"
#include "dossier-paragraph.h"

G_BEGIN_DECLS

/**
 * DossierDocumentField:
 *
 * The bibliographic fields a reference manager keeps beside the title,
 * authors, publisher, date and address: read and written together by the
 * JSON format, the library and the citation formats (CSL-JSON, BibTeX,
 * RIS), so they are reached through one pair of functions.
 */
typedef enum {
  DOSSIER_FIELD_ITEM_TYPE,        /* a CSL type: "report", "article-journal", "webpage" … */
  DOSSIER_FIELD_CONTAINER_TITLE,  /* the journal, the book, the site an item is part of */
  DOSSIER_FIELD_ACCESSED,         /* YYYY, YYYY-MM or YYYY-MM-DD */
  DOSSIER_FIELD_DOI,              /* "10.1234/abc", without "https://doi.org/" */
  DOSSIER_FIELD_VOLUME,
  DOSSIER_FIELD_ISSUE,
  DOSSIER_FIELD_PAGES,            /* "12–34", as the source prints them */
  DOSSIER_FIELD_EDITION,
  DOSSIER_FIELD_PLACE,            /* where it was published: "Seoul" */
  DOSSIER_N_FIELDS
} DossierDocumentField;

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

const char         *dossier_document_get_issued          (DossierDocument  *self);
gboolean            dossier_document_set_issued          (DossierDocument  *self,
                                                          const char       *partial_date);
const char         *dossier_document_get_field           (DossierDocument  *self,
                                                          DossierDocumentField field);
gboolean            dossier_document_set_field           (DossierDocument  *self,
                                                          DossierDocumentField field,
                                                          const char       *value);
gboolean            dossier_document_has_text            (DossierDocument  *self);
gboolean            dossier_document_get_reference_only  (DossierDocument  *self);
void                dossier_document_set_reference_only  (DossierDocument  *self,
                                                          gboolean          reference_only);

DossierDocument    *dossier_document_dup_metadata        (DossierDocument  *self);

const char         *dossier_document_field_get_key       (DossierDocumentField field);
const char         *dossier_document_field_get_label     (DossierDocumentField field);
gsize               dossier_document_field_get_limit     (DossierDocumentField field);

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
gboolean            dossier_is_valid_partial_date        (const char       *date);
gboolean            dossier_is_valid_item_type           (const char       *type);

G_END_DECLS
