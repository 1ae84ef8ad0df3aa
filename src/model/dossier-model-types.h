/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierParagraphKind:
 * @DOSSIER_PARAGRAPH_BODY: running text
 * @DOSSIER_PARAGRAPH_HEADING: a heading inside the body of an article
 * @DOSSIER_PARAGRAPH_QUOTE: a block quotation: someone else's words the
 *   article quotes at length (a `<blockquote>`), not a pull quote
 *
 * The values are stored in libraries: only ever append.
 */
typedef enum {
  DOSSIER_PARAGRAPH_BODY,
  DOSSIER_PARAGRAPH_HEADING,
  DOSSIER_PARAGRAPH_QUOTE,
} DossierParagraphKind;

/**
 * DossierFootnoteRef:
 * @number: the footnote's number
 * @offset: where the marker stood, in Unicode code points from the start of
 *   the paragraph's text (the marker itself is not part of the text)
 */
typedef struct {
  guint number;
  guint offset;
} DossierFootnoteRef;

/**
 * DossierPageBreak:
 * @offset: where the new page starts, in Unicode code points from the
 *   start of the paragraph's text
 * @page: the physical page (1-based) that starts there
 * @label: (nullable): the page's label as the document prints it ("xii",
 *   "A-3"), or %NULL when it is the page's number
 *
 * A paragraph from a paginated source (a PDF) that runs from one page onto
 * the next records where each further page begins, so a quotation from
 * its second half is cited with the right page.
 */
typedef struct {
  guint offset;
  guint page;
  char *label;
} DossierPageBreak;

G_END_DECLS
