/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/dossier-document.h"
#include "dossier-alignment.h"
#include "dossier-compare-result.h"
#include "dossier-diff-chunk.h"

G_BEGIN_DECLS

#define DOSSIER_COMPARISON_FORMAT_VERSION 1

#define DOSSIER_TYPE_COMPARISON (dossier_comparison_get_type ())
G_DECLARE_FINAL_TYPE (DossierComparison, dossier_comparison, DOSSIER, COMPARISON, GObject)

DossierComparison          *dossier_comparison_new               (DossierDocument       *left,
                                                                  DossierDocument       *right);
DossierDocument            *dossier_comparison_get_left          (DossierComparison     *self);
void                        dossier_comparison_set_left          (DossierComparison     *self,
                                                                  DossierDocument       *left);
DossierDocument            *dossier_comparison_get_right         (DossierComparison     *self);
void                        dossier_comparison_set_right         (DossierComparison     *self,
                                                                  DossierDocument       *right);
GFile                      *dossier_comparison_get_left_file     (DossierComparison     *self);
void                        dossier_comparison_set_left_file     (DossierComparison     *self,
                                                                  GFile                 *file);
GFile                      *dossier_comparison_get_right_file    (DossierComparison     *self);
void                        dossier_comparison_set_right_file    (DossierComparison     *self,
                                                                  GFile                 *file);
DossierComparisonMode       dossier_comparison_get_mode          (DossierComparison     *self);
void                        dossier_comparison_set_mode          (DossierComparison     *self,
                                                                  DossierComparisonMode  mode);
DossierComparisonMode       dossier_comparison_get_effective_mode (DossierComparison    *self);
gboolean                    dossier_comparison_get_busy          (DossierComparison     *self);
guint                       dossier_comparison_get_change_count  (DossierComparison     *self);
GListModel                 *dossier_comparison_get_alignments    (DossierComparison     *self);
GListModel                 *dossier_comparison_get_chunks        (DossierComparison     *self);
GListModel                 *dossier_comparison_get_anchors       (DossierComparison     *self);
const DossierCompareResult *dossier_comparison_get_result        (DossierComparison     *self);

gboolean                    dossier_comparison_add_anchor        (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b);
gboolean                    dossier_comparison_remove_anchor     (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b);
gboolean                    dossier_comparison_has_anchor        (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b);
DossierLinkChoice           dossier_comparison_get_link_choice   (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b);
gboolean                    dossier_comparison_set_link_choice   (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b,
                                                                  DossierLinkChoice      choice);
guint                       dossier_comparison_clear_link_choices (DossierComparison    *self,
                                                                  DossierLinkChoice      choice);
const DossierLinkDecision  *dossier_comparison_get_link_choices  (DossierComparison     *self,
                                                                  guint                 *n_choices);
guint                       dossier_comparison_get_n_accepted    (DossierComparison     *self);
guint                       dossier_comparison_get_n_rejected    (DossierComparison     *self);
DossierAlignment           *dossier_comparison_find_link         (DossierComparison     *self,
                                                                  guint                  a,
                                                                  guint                  b,
                                                                  guint                 *position);
double                      dossier_comparison_get_link_strength (DossierComparison     *self,
                                                                  DossierAlignment      *link);
GArray                     *dossier_comparison_dup_links_for     (DossierComparison     *self,
                                                                  gboolean               left,
                                                                  guint                  paragraph);

gboolean                    dossier_comparison_recompute         (DossierComparison     *self,
                                                                  GError               **error);
void                        dossier_comparison_recompute_async   (DossierComparison     *self,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean                    dossier_comparison_recompute_finish  (DossierComparison     *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

char                       *dossier_comparison_to_json           (DossierComparison     *self,
                                                                  gsize                 *length);
gboolean                    dossier_comparison_save              (DossierComparison     *self,
                                                                  GFile                 *file,
                                                                  GCancellable          *cancellable,
                                                                  GError               **error);
DossierComparison          *dossier_comparison_load              (GFile                 *file,
                                                                  const char            *library_path,
                                                                  GCancellable          *cancellable,
                                                                  GError               **error);
void                        dossier_comparison_load_async        (GFile                 *file,
                                                                  const char            *library_path,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
DossierComparison          *dossier_comparison_load_finish       (GAsyncResult          *result,
                                                                  GError               **error);

G_END_DECLS
