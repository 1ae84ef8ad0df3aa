/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dossier-layout-document.h"
#include "dossier-paper.h"

G_BEGIN_DECLS

/**
 * DossierLayoutHeading:
 * @level: 1 for a section, 2 for a subsection…
 * @title: the heading as printed, with its number
 * @page: the page it starts on, counted from 0
 * @y: its top, in points from the top of the page
 *
 * Where a heading landed; the PDF outline and a preview's navigation use it.
 */
typedef struct {
  guint level;
  const char *title;
  guint page;
  double y;
} DossierLayoutHeading;

#define DOSSIER_TYPE_PAGE_LAYOUT (dossier_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (DossierPageLayout, dossier_page_layout, DOSSIER, PAGE_LAYOUT, GObject)

DossierPageLayout          *dossier_page_layout_new              (DossierPaper           paper);
DossierPaper                dossier_page_layout_get_paper        (DossierPageLayout     *self);
void                        dossier_page_layout_set_paper        (DossierPageLayout     *self,
                                                                  DossierPaper           paper);
gboolean                    dossier_page_layout_get_justify      (DossierPageLayout     *self);
void                        dossier_page_layout_set_justify      (DossierPageLayout     *self,
                                                                  gboolean               justify);
void                        dossier_page_layout_set_document     (DossierPageLayout     *self,
                                                                  DossierLayoutDocument *document);
DossierLayoutDocument      *dossier_page_layout_get_document     (DossierPageLayout     *self);
guint                       dossier_page_layout_get_n_pages      (DossierPageLayout     *self);
void                        dossier_page_layout_get_page_size    (DossierPageLayout     *self,
                                                                  double                *width,
                                                                  double                *height);
gboolean                    dossier_page_layout_get_page_changed (DossierPageLayout     *self,
                                                                  guint                  page);
void                        dossier_page_layout_draw_page        (DossierPageLayout     *self,
                                                                  cairo_t               *cr,
                                                                  guint                  page);
const DossierLayoutHeading *dossier_page_layout_get_headings     (DossierPageLayout     *self,
                                                                  guint                 *n_headings);
int                         dossier_page_layout_get_note_page    (DossierPageLayout     *self,
                                                                  guint                  number);
guint                       dossier_page_layout_get_block_n_lines (DossierPageLayout    *self,
                                                                  guint                  index);

G_END_DECLS
