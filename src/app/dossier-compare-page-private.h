/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the two files of DossierComparePage (as GNOME Text Editor
 * splits its window): dossier-compare-page.c (the object, rendering,
 * choosing paragraphs, synchronised scrolling, computing) and
 * dossier-compare-page-actions.c (the compare.* actions: stepping through
 * links and changes, linking, accepting, rejecting, saving).
 */

#include "widgets/dossier-link-gutter.h"
#include "dossier-compare-link-bar.h"
#include "dossier-compare-pane.h"
#include "dossier-compare-terms.h"
#include "dossier-compare-page.h"

G_BEGIN_DECLS

struct _DossierComparePage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkButton *previous_button;
  GtkButton *next_button;
  AdwToastOverlay *toast_overlay;
  GtkRevealer *terms_revealer;
  DossierCompareTerms *terms;
  DossierComparePane *left_pane;
  DossierComparePane *right_pane;
  DossierLinkGutter *gutter;
  DossierCompareLinkBar *link_bar;
  GSettings *settings;

  DossierComparison *comparison;
  GCancellable *cancellable;
  gboolean sync_scrolling;
  gboolean show_terms;
  gboolean syncing;
  int left_focus;          /* the paragraph chosen on each side, or -1 */
  int right_focus;
  int current_change;
  gboolean shown_accepted; /* the derived properties as last notified */
  DossierComparisonMode shown_mode;
  gboolean shown_automatic;
  AdwToast *reject_toast;  /* while shown, further rejections join it */
  GArray *rejected;        /* what its Undo restores: Rejection */
};

typedef struct {
  guint a;
  guint b;
  gboolean anchored;
} Rejection;

/* How the paragraphs came to be chosen, which decides what is selected
 * and scrolled. */
typedef enum {
  CHOSE_LEFT,     /* a paragraph on the left: all its matches selected */
  CHOSE_RIGHT,
  CHOSE_PAIR,     /* a link or change stepped to: the two rows only */
} ChoiceKind;

/* dossier-compare-page.c */
DossierComparePane *_dossier_compare_page_get_pane          (DossierComparePage *self,
                                                            gboolean            left);
gboolean            _dossier_compare_page_versions_mode     (DossierComparePage *self);
DossierAlignment   *_dossier_compare_page_dup_current_link  (DossierComparePage *self);
void                _dossier_compare_page_set_choice        (DossierComparePage *self,
                                                            int                 left,
                                                            int                 right,
                                                            ChoiceKind          kind,
                                                            gboolean            scroll);
void                _dossier_compare_page_scroll_into_view  (DossierComparePage *self,
                                                            gboolean            left,
                                                            int                 paragraph,
                                                            gboolean            always);
void                _dossier_compare_page_show_pair         (DossierComparePage *self,
                                                            gboolean            lead_left);
void                _dossier_compare_page_recompute         (DossierComparePage *self);
void                _dossier_compare_page_update            (DossierComparePage *self);

/* dossier-compare-page-actions.c */
void                _dossier_compare_page_class_init_actions (GtkWidgetClass    *widget_class);
void                _dossier_compare_page_update_actions    (DossierComparePage *self);
void                _dossier_compare_page_gutter_activate_cb (DossierComparePage *self,
                                                             int                 a,
                                                             int                 b);

G_END_DECLS
