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

G_END_DECLS
