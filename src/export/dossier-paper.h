/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierPaper:
 * @DOSSIER_PAPER_LETTER: US Letter, 8.5 × 11 in
 * @DOSSIER_PAPER_A4: ISO A4, 210 × 297 mm
 *
 * The paper sizes a memo is laid out on.
 */
typedef enum {
  DOSSIER_PAPER_LETTER,
  DOSSIER_PAPER_A4,
} DossierPaper;

#define DOSSIER_TYPE_PAPER (dossier_paper_get_type ())
GType         dossier_paper_get_type         (void) G_GNUC_CONST;

gboolean      dossier_paper_from_string      (const char   *name,
                                              DossierPaper *paper);
const char   *dossier_paper_to_string        (DossierPaper  paper);
DossierPaper  dossier_paper_for_locale       (const char   *locale);
DossierPaper  dossier_paper_get_default      (void);
void          dossier_paper_get_size         (DossierPaper  paper,
                                              double       *width,
                                              double       *height);

G_END_DECLS
