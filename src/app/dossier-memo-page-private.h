/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files of DossierMemoPage: dossier-memo-page.c (the
 * object, its sections, sources and findings), dossier-memo-page-notes.c
 * (note numbers and the citation popover), dossier-memo-page-excerpts.c
 * (Add to Memo, Quote in Memo, Insert Perspectives) and
 * dossier-memo-page-export.c (Export to PDF, Print, suggested files).
 * The parts with a UI of their own are widgets: DossierMemoHeaderForm,
 * DossierMemoSectionEditor, DossierMemoSourceRow, DossierMemoCheckList.
 */

#include "export/dossier-export-format.h"
#include "export/dossier-office-exporter.h"
#include "export/dossier-pdf-exporter.h"
#include "widgets/dossier-memo-preview.h"
#include "dossier-memo-check-list.h"
#include "dossier-memo-header-form.h"
#include "dossier-memo-page.h"
#include "dossier-memo-preview-bar.h"
#include "dossier-memo-section-editor.h"

G_BEGIN_DECLS

struct _DossierMemoPage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  DossierMemoHeaderForm *header_form;
  GtkListBox *sections_list;
  GtkLabel *notes_label;
  GtkListBox *citations_list;
  DossierMemoCheckList *check_list;
  AdwToastOverlay *toast_overlay;
  GtkProgressBar *export_progress;
  GtkRevealer *preview_revealer;
  DossierMemoPreview *preview;
  GtkScrolledWindow *editor_scroller;
  GtkPaned *paned;

  DossierMemo *memo;
  GFile *file;                     /* the memo's file, when it has one */
  GSettings *settings;
  DossierPdfExporter *exporter;
  DossierOfficeExporter *office_exporter;
  DossierExportFormat export_format;   /* the last one chosen in Export */
  DossierPaper paper;
  gboolean justify;
  gboolean modified;               /* unsaved changes, as the window says */
  gboolean folded;                 /* the window shows one page at a time */
  gboolean narrow;                 /* too narrow for the editor and the preview side by side */
  guint narrow_source;
  gboolean show_preview;
  gboolean wide_show_preview;       /* the analyst's choice side by side, kept while narrow */
  gboolean layout_ready;           /* the preview has laid the memo out once */
  gboolean pages_estimated;        /* the last lint had to estimate the pages */
  guint first_layout_source;
  GListStore *issues;
  DossierMemoSection *current;     /* weak */
  guint refresh_source;
  gint64 refresh_since;
  gulong changed_handler;
  GtkWidget *scroll_target;        /* weak: brought into view on the next frames */
  GtkWidget *citation_popover;     /* weak: the open marker popover, a child of the page */
  gboolean scroll_to_bottom;
  guint scroll_tick;
  guint scroll_frames;
  gboolean paned_moved;            /* the analyst dragged the divider */
  gboolean paned_setting;
  char *marker_signature;          /* the markers and sources the views were numbered for */
  guint numbers_source;
  DossierMemoSection *removed_section;  /* the last one removed, for Undo */
  guint removed_position;
};

/* dossier-memo-page.c */
DossierMemoSectionEditor *_dossier_memo_page_editor_at           (DossierMemoPage    *self,
                                                                  guint               position);
DossierMemoSectionEditor *_dossier_memo_page_find_editor         (DossierMemoPage    *self,
                                                                  DossierMemoSection *section);
gboolean                  _dossier_memo_page_find_section        (DossierMemoPage    *self,
                                                                  DossierMemoSection *section,
                                                                  guint              *position);
void                      _dossier_memo_page_scroll_into_view    (DossierMemoPage    *self,
                                                                  GtkWidget          *target,
                                                                  gboolean            bottom);
void                      _dossier_memo_page_show_toast          (DossierMemoPage    *self,
                                                                  AdwToast           *toast);
void                      _dossier_memo_page_go_to_issue         (DossierMemoPage    *self,
                                                                  DossierMemoIssue   *issue);

/* dossier-memo-page-notes.c */
void                      _dossier_memo_page_update_note_numbers (DossierMemoPage    *self);
void                      _dossier_memo_page_queue_note_numbers  (DossierMemoPage    *self);
void                      _dossier_memo_page_class_init_notes    (GtkWidgetClass     *widget_class);

/* dossier-memo-page-export.c */
void                      _dossier_memo_page_class_init_export   (GtkWidgetClass     *widget_class);

G_END_DECLS
