/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files that make up DossierWindow (as GNOME Text Editor
 * splits its window): dossier-window.c (GObject, construction, state),
 * dossier-window-library.c (library list, imports, downloads),
 * dossier-window-compare.c (comparison and matrix pages),
 * dossier-window-memo.c (the open memo, recent memos, recovery),
 * dossier-window-collections.c (the views and collections pane, and what
 * the list shows of them) and dossier-window-actions.c (the win.* action
 * handlers).
 */

#include "comparison/dossier-matrix.h"
#include "comparison/dossier-text-snapshot.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-templates.h"
#include "dossier-collections-sidebar.h"
#include "dossier-compare-page.h"
#include "dossier-matrix-page.h"
#include "dossier-metadata-dialog.h"
#include "dossier-reader-page.h"
#include "dossier-trash-page.h"
#include "dossier-window.h"
#include "dossier-library-monitor.h"
#include "widgets/dossier-document-row.h"

G_BEGIN_DECLS

/* About what a toast shows at 700 px without cutting it. */
#define DOSSIER_TOAST_MAX_CHARS 56

/* See dossier-window.c for what the window holds. */
struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  DossierCollectionsSidebar *collections_sidebar;
  GtkWidget *sidebar;
  AdwHeaderBar *library_header;
  AdwWindowTitle *library_title;
  GtkWidget *collections_back_button;
  GtkWidget *sidebar_button;
  GtkLabel *view_empty_label;
  GtkWidget *collection_items_box;
  GtkListBox *collection_items_list;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *list_view;
  GtkStack *main_stack;
  AdwStatusPage *welcome_status;
  GtkWidget *recent_label;
  GtkListBox *recent_list;
  /* The main menu's Recent Memos: the same memos, reachable folded. */
  GMenu *recent_memos_section;
  GMenu *recent_memos_menu;
  AdwStatusPage *error_status;
  DossierReaderPage *reader_page;
  GtkRevealer *downloads_revealer;
  GtkBox *downloads_box;
  DossierTrashPage *trash_page;
  GtkInfoBar *read_only_bar;

  GSettings *settings;
  DossierLibrary *library;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GMenu *library_menu;
  GMenu *collection_menu;    /* Add to Collection, for the list's menu */
  GMenu *reader_collection_menu; /* the same for the reader's menu */
  GtkWidget *library_popover;
  GHashTable *search_ids;    /* id → snippet of the full-text match */
  GHashTable *bound_rows;    /* DossierDocumentRow shown in the list */
  GHashTable *selected_ids;  /* ids of the selected documents, kept while
                              * the list is filtered, sorted or refreshed */
  gboolean restoring_selection;
  char *menu_target_id;      /* the row the context menu acts on, when it
                              * was opened on a row outside the selection */
  GtkWidget *menu_target_row;
  guint menu_target_idle;
  DossierLibraryMonitor *library_monitor; /* changes another program makes */
  guint refresh_timeout;           /* a reread tried again after a failure */
  guint refresh_retries;           /* rereads that failed in a row */
  GHashTable *view_ids;      /* ids of the articles in the view; NULL for all */
  gboolean show_sidebar;
  char *search_casefold;
  char *sort_order;
  GCancellable *cancellable;

  AdwToast *undo_toast;      /* the toast whose Undo is current */
  guint pending_imports;
  GList *downloads;          /* ImportData of the web downloads under way */
  guint imported;
  char *last_imported_id;
  GError *open_error;

  /* The comparison shown (compare_box is the page, as added to the stack). */
  GtkWidget *compare_box;
  DossierComparePage *compare_page;
  GtkWidget *matrix_page;
  GtkWidget *matrix_back_button;   /* in the reader's header bar; weak */
  gboolean matrix_busy;

  /* The open memo. */
  DossierMemoPage *memo_page;
  DossierMemoAutosave *memo_autosave;
  GFile *restored_from;      /* the recovery copy it came from */
  int pending;               /* what to do once unsaved changes are settled */
  DossierMemoKind pending_kind;
  GFile *pending_file;
  guint saving;
  gboolean close_confirmed;
};

/* What to do once the open memo's unsaved changes are settled. */
enum {
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_FILE,
  PENDING_OPEN_CHOOSER,
  PENDING_CLOSE_MEMO,
};

/* dossier-window.c */
void           _dossier_window_toast_printf        (DossierWindow  *self,
                                                    const char     *format,
                                                    ...) G_GNUC_PRINTF (2, 3);
void           _dossier_window_toast_message       (DossierWindow  *self,
                                                    const char     *message,
                                                    const char     *short_message,
                                                    const char     *heading,
                                                    const char     *details);
GtkFileChooserNative *_dossier_window_new_file_chooser (DossierWindow        *self,
                                                       const char           *title,
                                                       GtkFileChooserAction  action,
                                                       const char           *accept_label,
                                                       const char           *filter_name,
                                                       const char           *mime_type,
                                                       const char           *pattern);
GFile         *_dossier_window_chooser_take_file   (GtkNativeDialog *dialog,
                                                    int              response);
void           _dossier_window_update_title        (DossierWindow  *self);
void           _dossier_window_update_state        (DossierWindow  *self);

/* dossier-window-library.c */
void           _dossier_window_library_class_init  (GtkWidgetClass *widget_class);
void           _dossier_window_import_finished     (DossierWindow  *self);
void           _dossier_window_library_init        (DossierWindow  *self);
void           _dossier_window_dispose_downloads   (DossierWindow  *self);
void           _dossier_window_library_dispose     (DossierWindow  *self);
void           _dossier_window_cancel_downloads    (DossierWindow  *self);
void           _dossier_window_popup_library_menu  (DossierWindow  *self,
                                                    double          x,
                                                    double          y);
void           _dossier_window_set_menu_target     (DossierWindow      *self,
                                                    DossierDocumentRow *row);
guint          _dossier_window_count_selected      (DossierWindow  *self);
GListStore    *_dossier_window_load_selected       (DossierWindow  *self,
                                                    GError        **error);
void           _dossier_window_library_changed     (DossierWindow  *self,
                                                    DossierLibrary *old_library);
GPtrArray     *_dossier_window_dup_target_ids      (DossierWindow  *self);
void           _dossier_window_restore_selection   (DossierWindow  *self);
void           _dossier_window_trash_changed       (DossierWindow  *self);

/* dossier-window-compare.c */
char          *_dossier_window_comparison_title    (DossierComparison *comparison);
void           _dossier_window_close_compare_page  (DossierWindow  *self);
void           _dossier_window_close_matrix_page   (DossierWindow  *self);
void           _dossier_window_compute_matrix      (DossierWindow  *self,
                                                    GListStore     *documents);

/* dossier-window-memo.c */
void           _dossier_window_memo_class_init     (GtkWidgetClass *widget_class);
void           _dossier_window_memo_init           (DossierWindow  *self);
gboolean       _dossier_window_memo_is_dirty       (DossierWindow  *self);
char          *_dossier_window_memo_display_name   (DossierWindow  *self);
void           _dossier_window_update_memo_actions (DossierWindow  *self);
void           _dossier_window_after_memo_confirmed (DossierWindow *self,
                                                    int             pending);
void           _dossier_window_save_memo           (DossierWindow  *self);
void           _dossier_window_save_memo_as        (DossierWindow  *self);
gboolean       _dossier_window_ensure_memo         (DossierWindow  *self);
void           _dossier_window_toast_added         (DossierWindow  *self,
                                                    gboolean        started);
gboolean       _dossier_window_add_compare_paragraph_to_memo (DossierWindow *self);

/* dossier-window-references.c */
void           _dossier_window_references_class_init (GtkWidgetClass *widget_class);
gboolean       _dossier_window_import_references   (DossierWindow  *self,
                                                    GFile          *file);

/* dossier-window-collections.c */
void           _dossier_window_collections_class_init (GtkWidgetClass *widget_class);
void           _dossier_window_collections_init    (DossierWindow  *self);
void           _dossier_window_collections_library_changed (DossierWindow *self);
void           _dossier_window_collections_documents_changed (DossierWindow *self);
void           _dossier_window_set_show_sidebar    (DossierWindow  *self,
                                                    gboolean        show);
gboolean       _dossier_window_view_includes       (DossierWindow  *self,
                                                    const char     *document_id);
void           _dossier_window_mark_read           (DossierWindow  *self,
                                                    const char     *document_id);
void           _dossier_window_collections_changed (DossierWindow  *self);
void           _dossier_window_update_collection_actions (DossierWindow *self);
void           _dossier_window_undo_delete_collection (DossierWindow *self,
                                                    AdwToast       *toast);

/* dossier-window-actions.c */
void           _dossier_window_class_actions_init  (GtkWidgetClass *widget_class);
void           _dossier_window_show_undo_toast     (DossierWindow  *self,
                                                    AdwToast       *toast);

G_END_DECLS
