/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/dossier-document.h"
#include "widgets/dossier-overview-strip.h"

G_BEGIN_DECLS

/**
 * DossierPaneMarkKind:
 * @DOSSIER_PANE_MARK_TERM: a term the paragraph shares with its match
 * @DOSSIER_PANE_MARK_DELETE: words the newer version removed
 * @DOSSIER_PANE_MARK_INSERT: words the newer version added
 */
typedef enum {
  DOSSIER_PANE_MARK_TERM,
  DOSSIER_PANE_MARK_DELETE,
  DOSSIER_PANE_MARK_INSERT,
} DossierPaneMarkKind;

/**
 * DossierPaneMark:
 * @start: first code point of the paragraph's text
 * @end: one past the last
 * @kind: how it is marked
 */
typedef struct {
  guint start;
  guint end;
  DossierPaneMarkKind kind;
} DossierPaneMark;

#define DOSSIER_TYPE_COMPARE_PANE (dossier_compare_pane_get_type ())
G_DECLARE_FINAL_TYPE (DossierComparePane, dossier_compare_pane, DOSSIER, COMPARE_PANE, GtkWidget)

DossierDocument      *dossier_compare_pane_get_document    (DossierComparePane *self);
void                  dossier_compare_pane_set_document    (DossierComparePane *self,
                                                            DossierDocument    *document);
gboolean              dossier_compare_pane_get_left        (DossierComparePane *self);
void                  dossier_compare_pane_set_versions    (DossierComparePane *self,
                                                            gboolean            versions);
GtkListBox           *dossier_compare_pane_get_list        (DossierComparePane *self);
GtkAdjustment        *dossier_compare_pane_get_vadjustment (DossierComparePane *self);
DossierOverviewStrip *dossier_compare_pane_get_strip       (DossierComparePane *self);
guint                 dossier_compare_pane_get_n_paragraphs (DossierComparePane *self);
void                  dossier_compare_pane_render          (DossierComparePane *self,
                                                            guint               paragraph,
                                                            GArray             *marks);
void                  dossier_compare_pane_describe        (DossierComparePane *self,
                                                            guint               paragraph,
                                                            const char         *description);
void                  dossier_compare_pane_select          (DossierComparePane *self,
                                                            const guint        *paragraphs,
                                                            guint               n_paragraphs);
double                dossier_compare_pane_get_row_y       (DossierComparePane *self,
                                                            guint               paragraph);
double                dossier_compare_pane_get_row_height  (DossierComparePane *self,
                                                            guint               paragraph);
int                   dossier_compare_pane_get_top_row     (DossierComparePane *self);
gboolean              dossier_compare_pane_row_in_view     (DossierComparePane *self,
                                                            guint               paragraph);
void                  dossier_compare_pane_scroll_to       (DossierComparePane *self,
                                                            guint               paragraph);

G_END_DECLS
