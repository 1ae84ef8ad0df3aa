/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-paper.h"

G_BEGIN_DECLS

/* What the DOCX and ODT writers share: an XML part written to memory
 * through libxml2's xmlTextWriter, and the small decisions both formats
 * make the same way (text that XML can hold, Korean runs, the page
 * footer's fields, the header block's label column, safe links). */

typedef struct _DossierXml DossierXml;

/**
 * DossierOfficeOptions:
 * @paper: the page size
 * @justify: justified body text rather than ragged right
 *
 * How the DOCX and ODT writers lay a document out, as the PDF's
 * exporter's properties do.
 */
typedef struct {
  DossierPaper paper;
  gboolean justify;
} DossierOfficeOptions;

DossierXml *dossier_xml_new         (void);
void        dossier_xml_free        (DossierXml *self);
void        dossier_xml_start       (DossierXml *self,
                                     const char *name);
void        dossier_xml_attr        (DossierXml *self,
                                     const char *name,
                                     const char *value);
void        dossier_xml_attr_printf (DossierXml *self,
                                     const char *name,
                                     const char *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void        dossier_xml_end         (DossierXml *self);
void        dossier_xml_empty       (DossierXml *self,
                                     const char *name,
                                     const char *attr,
                                     const char *value);
void        dossier_xml_text        (DossierXml *self,
                                     const char *text,
                                     gsize       length);
void        dossier_xml_element     (DossierXml *self,
                                     const char *name,
                                     const char *text);
void        dossier_xml_start_with  (DossierXml *self,
                                     const char *name,
                                     const char *attr,
                                     ...) G_GNUC_NULL_TERMINATED;
void        dossier_xml_property    (DossierXml *self,
                                     const char *name,
                                     const char *value);
GBytes     *dossier_xml_finish      (DossierXml *self,
                                     const char *part,
                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierXml, dossier_xml_free)

/* Text --------------------------------------------------------------- */

char       *dossier_office_clean_text       (const char  *text,
                                             gssize       length);
const char *dossier_office_next_segment     (const char  *text,
                                             const char  *end,
                                             gboolean    *korean);
gboolean    dossier_office_has_hangul       (const char  *text);

/* The page footer ("Page 2 of 5", "5쪽 중 2쪽") as text and fields. */
typedef enum {
  DOSSIER_OFFICE_PAGE_TEXT,
  DOSSIER_OFFICE_PAGE_NUMBER,
  DOSSIER_OFFICE_PAGE_COUNT,
} DossierOfficePagePartKind;

typedef struct {
  DossierOfficePagePartKind kind;
  char *text;     /* the text of a TEXT part, else NULL */
} DossierOfficePagePart;

GArray     *dossier_office_page_label_parts (const char  *language);

/* Document-wide ------------------------------------------------------ */

char       *dossier_office_language_tag     (const char  *language);
double      dossier_office_label_width      (const char  *label);
char       *dossier_office_dup_link_target  (const char  *uri);
char       *dossier_office_timestamp        (void);
void        dossier_office_paper_twips      (DossierPaper paper,
                                             guint       *width,
                                             guint       *height);

G_END_DECLS
