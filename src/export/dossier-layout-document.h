/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierLayoutBlockKind:
 * @DOSSIER_LAYOUT_BLOCK_HEADING: a section heading, numbered or plain
 * @DOSSIER_LAYOUT_BLOCK_PARAGRAPH: a body paragraph
 * @DOSSIER_LAYOUT_BLOCK_BULLET: one item of a bullet list
 * @DOSSIER_LAYOUT_BLOCK_QUOTE: a block quotation with an optional attribution
 * @DOSSIER_LAYOUT_BLOCK_DECISION: an "Approve ____ Disapprove ____" line
 * @DOSSIER_LAYOUT_BLOCK_NOTE: a footnote (only in the document's notes)
 */
typedef enum {
  DOSSIER_LAYOUT_BLOCK_HEADING,
  DOSSIER_LAYOUT_BLOCK_PARAGRAPH,
  DOSSIER_LAYOUT_BLOCK_BULLET,
  DOSSIER_LAYOUT_BLOCK_QUOTE,
  DOSSIER_LAYOUT_BLOCK_DECISION,
  DOSSIER_LAYOUT_BLOCK_NOTE,
} DossierLayoutBlockKind;

typedef enum {
  DOSSIER_LAYOUT_STYLE_NONE   = 0,
  DOSSIER_LAYOUT_STYLE_BOLD   = 1 << 0,
  DOSSIER_LAYOUT_STYLE_ITALIC = 1 << 1,
} DossierLayoutStyle;

/**
 * DossierLayoutRun:
 * @start: byte offset of the run in the block's text
 * @end: byte offset just past the run
 * @style: bold and italic
 * @uri: (nullable): the link target, if the run is a link
 * @note: the footnote number if the run is a note reference, else 0
 *
 * A span of a block's text with one style.
 */
typedef struct {
  guint start;
  guint end;
  DossierLayoutStyle style;
  char *uri;
  guint note;
} DossierLayoutRun;

typedef struct _DossierLayoutBlock DossierLayoutBlock;

#define DOSSIER_TYPE_LAYOUT_DOCUMENT (dossier_layout_document_get_type ())
G_DECLARE_FINAL_TYPE (DossierLayoutDocument, dossier_layout_document, DOSSIER, LAYOUT_DOCUMENT, GObject)

DossierLayoutDocument *dossier_layout_document_new              (void);
DossierLayoutDocument *dossier_layout_document_copy             (DossierLayoutDocument *self);

void                dossier_layout_document_set_marking         (DossierLayoutDocument *self,
                                                                 const char            *marking);
const char         *dossier_layout_document_get_marking         (DossierLayoutDocument *self);
void                dossier_layout_document_set_language        (DossierLayoutDocument *self,
                                                                 const char            *language);
const char         *dossier_layout_document_get_language        (DossierLayoutDocument *self);
void                dossier_layout_document_set_metadata        (DossierLayoutDocument *self,
                                                                 const char            *title,
                                                                 const char            *author,
                                                                 const char            *subject);
const char         *dossier_layout_document_get_title           (DossierLayoutDocument *self);
const char         *dossier_layout_document_get_author          (DossierLayoutDocument *self);
const char         *dossier_layout_document_get_subject         (DossierLayoutDocument *self);

void                dossier_layout_document_set_heading_line    (DossierLayoutDocument *self,
                                                                 const char            *line);
const char         *dossier_layout_document_get_heading_line    (DossierLayoutDocument *self);
void                dossier_layout_document_add_header_field    (DossierLayoutDocument *self,
                                                                 const char            *label,
                                                                 const char            *value);
guint               dossier_layout_document_get_n_header_fields (DossierLayoutDocument *self);
void                dossier_layout_document_get_header_field    (DossierLayoutDocument *self,
                                                                 guint                  index,
                                                                 const char           **label,
                                                                 const char           **value);

DossierLayoutBlock *dossier_layout_document_add_heading         (DossierLayoutDocument *self,
                                                                 guint                  level,
                                                                 gboolean               numbered);
DossierLayoutBlock *dossier_layout_document_add_paragraph       (DossierLayoutDocument *self);
DossierLayoutBlock *dossier_layout_document_add_bullet          (DossierLayoutDocument *self,
                                                                 guint                  level);
DossierLayoutBlock *dossier_layout_document_add_quote           (DossierLayoutDocument *self,
                                                                 const char            *attribution);
DossierLayoutBlock *dossier_layout_document_add_decision        (DossierLayoutDocument *self,
                                                                 const char * const    *choices);
DossierLayoutBlock *dossier_layout_document_add_note            (DossierLayoutDocument *self,
                                                                 guint                  number);

guint               dossier_layout_document_get_n_blocks        (DossierLayoutDocument *self);
DossierLayoutBlock *dossier_layout_document_get_block           (DossierLayoutDocument *self,
                                                                 guint                  index);
guint               dossier_layout_document_get_n_notes         (DossierLayoutDocument *self);
DossierLayoutBlock *dossier_layout_document_get_note            (DossierLayoutDocument *self,
                                                                 guint                  index);

void                dossier_layout_block_add_text               (DossierLayoutBlock    *block,
                                                                 const char            *text,
                                                                 DossierLayoutStyle     style);
void                dossier_layout_block_add_link               (DossierLayoutBlock    *block,
                                                                 const char            *text,
                                                                 const char            *uri,
                                                                 DossierLayoutStyle     style);
void                dossier_layout_block_add_note_ref           (DossierLayoutBlock    *block,
                                                                 guint                  number);

DossierLayoutBlockKind  dossier_layout_block_get_kind           (const DossierLayoutBlock *block);
guint                   dossier_layout_block_get_level          (const DossierLayoutBlock *block);
gboolean                dossier_layout_block_get_numbered       (const DossierLayoutBlock *block);
guint                   dossier_layout_block_get_number         (const DossierLayoutBlock *block);
const char             *dossier_layout_block_get_text           (const DossierLayoutBlock *block);
const char             *dossier_layout_block_get_attribution    (const DossierLayoutBlock *block);
const char * const     *dossier_layout_block_get_choices        (const DossierLayoutBlock *block);
const DossierLayoutRun *dossier_layout_block_get_runs           (const DossierLayoutBlock *block,
                                                                 guint                    *n_runs);

G_END_DECLS
