/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "importers/dossier-import.h"
#include "model/dossier-util.h"
#include "widgets/dossier-document-row.h"
#include <glib/gstdio.h>
#include <string.h>

#include "comparison/dossier-matrix.h"
#include "comparison/dossier-text-snapshot.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-templates.h"
#include "dossier-compare-page.h"
#include "dossier-matrix-page.h"
#include "dossier-metadata-dialog.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"

/*
 * The main window: the library in a sidebar, and a stack of content pages
 * beside it ("empty", "welcome", "reader"; comparison and memo pages are
 * added to the same stack). It sits on the DossierLibrary store.
 */
struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *list_view;
  GtkStack *main_stack;
  AdwStatusPage *welcome_status;
  GtkWidget *recent_label;
  GtkListBox *recent_list;
  AdwStatusPage *error_status;
  DossierReaderPage *reader_page;
  GtkRevealer *downloads_revealer;
  GtkBox *downloads_box;

  GSettings *settings;
  DossierLibrary *library;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GMenu *library_menu;
  GtkWidget *library_popover;
  GHashTable *search_ids;    /* id → snippet of the full-text match */
  GHashTable *bound_rows;    /* DossierDocumentRow shown in the list */
  char *search_casefold;
  char *sort_order;
  GCancellable *cancellable;

  AdwToast *undo_toast;      /* the toast whose Undo is current */
  guint pending_imports;
  GList *downloads;          /* ImportData of the web downloads under way */
  guint imported;
  char *last_imported_id;
  GError *open_error;

  /* The comparison shown, with the header bar around it. */
  GtkWidget *compare_box;
  DossierComparePage *compare_page;
  AdwWindowTitle *compare_title;
  GtkWidget *matrix_page;
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

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_state (DossierWindow *self);
static char *comparison_title (DossierComparison *comparison);
static char *memo_display_name (DossierWindow *self);
static gboolean memo_is_dirty (DossierWindow *self);
static guint count_selected (DossierWindow *self);

/**
 * dossier_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast after the ones already showing. Messages without a button
 * stay briefly so that an Undo toast behind them comes up soon. (Toasts
 * are never dismissed early or given high priority here: libadwaita 1.2
 * crashes when a toast is pushed back or skipped mid-animation.)
 */
void
dossier_window_add_toast (DossierWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (adw_toast_get_button_label (toast) == NULL)
    adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_printf (DossierWindow *self,
              const char    *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
toast_printf (DossierWindow *self,
              const char    *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Toast titles are markup; titles come from documents. */
  escaped = g_markup_escape_text (message, -1);
  dossier_window_add_toast (self, adw_toast_new (escaped));
}

/* ------------------------------------------------------------------------ */
/* Library list: filter and sort                                              */

static char *
first_author_key (DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  g_autoptr(DossierAuthor) author = NULL;
  const char *name, *last;

  if (g_list_model_get_n_items (authors) == 0)
    return NULL;
  author = g_list_model_get_item (authors, 0);
  name = dossier_author_get_name (author);
  if (name == NULL)
    return NULL;

  /* Surname first for Western names; Korean names already lead with it. */
  last = strrchr (name, ' ');
  if (last != NULL && g_unichar_isalpha (g_utf8_get_char (name)) && g_utf8_get_char (name) < 0x1100)
    {
      g_autofree char *key = g_strconcat (last + 1, " ", name, NULL);
      return g_utf8_collate_key (key, -1);
    }
  return g_utf8_collate_key (name, -1);
}

static int
compare_titles (DossierDocument *a,
                DossierDocument *b)
{
  g_autofree char *ka = g_utf8_collate_key (dossier_document_get_title (a) ?: "", -1);
  g_autofree char *kb = g_utf8_collate_key (dossier_document_get_title (b) ?: "", -1);

  return strcmp (ka, kb);
}

static int
sort_documents (gconstpointer item_a,
                gconstpointer item_b,
                gpointer      user_data)
{
  DossierWindow *self = user_data;
  DossierDocument *a = DOSSIER_DOCUMENT ((gpointer) item_a);
  DossierDocument *b = DOSSIER_DOCUMENT ((gpointer) item_b);
  int result = 0;

  if (g_strcmp0 (self->sort_order, "title") == 0)
    result = compare_titles (a, b);
  else if (g_strcmp0 (self->sort_order, "author") == 0)
    {
      g_autofree char *ka = first_author_key (a);
      g_autofree char *kb = first_author_key (b);

      /* Documents without authors go last. */
      if (ka == NULL || kb == NULL)
        result = (ka == NULL) - (kb == NULL);
      else
        result = strcmp (ka, kb);
    }
  else
    {
      const char *da = dossier_document_get_published (a);
      const char *db = dossier_document_get_published (b);

      /* Newest first, undated last. */
      if (da == NULL || db == NULL)
        result = (da == NULL) - (db == NULL);
      else
        result = -strcmp (da, db);
    }

  if (result == 0)
    result = compare_titles (a, b);
  return result < 0 ? GTK_ORDERING_SMALLER : (result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL);
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static void
update_row_snippet (DossierWindow      *self,
                    DossierDocumentRow *row)
{
  DossierDocument *document = dossier_document_row_get_document (row);
  const char *snippet = NULL;

  if (document != NULL && self->search_casefold != NULL)
    snippet = g_hash_table_lookup (self->search_ids, dossier_document_get_id (document) ?: "");
  dossier_document_row_set_snippet (row, snippet, DOSSIER_SNIPPET_MARK_START, DOSSIER_SNIPPET_MARK_END);
}

static gboolean
filter_document (gpointer item,
                 gpointer user_data)
{
  DossierWindow *self = user_data;
  DossierDocument *document = item;
  g_autofree char *authors = NULL;

  if (self->search_casefold == NULL)
    return TRUE;
  if (g_hash_table_contains (self->search_ids, dossier_document_get_id (document) ?: ""))
    return TRUE;

  /* Partial words as the user types ("sanct") match titles and names too. */
  authors = dossier_document_dup_author_names (document);
  return contains_casefold (dossier_document_get_title (document), self->search_casefold) ||
         contains_casefold (authors, self->search_casefold) ||
         contains_casefold (dossier_document_get_publisher (document), self->search_casefold);
}

static void
search_changed_cb (DossierWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text ?: ""));

  g_hash_table_remove_all (self->search_ids);
  g_clear_pointer (&self->search_casefold, g_free);

  if (*stripped != '\0')
    {
      self->search_casefold = g_utf8_casefold (stripped, -1);
      if (self->library != NULL)
        {
          /* The store's full-text search finds words in the articles' text. */
          g_autoptr(GListModel) results = dossier_library_search (self->library, stripped, 1000, NULL);

          for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
            {
              g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);
              DossierDocument *document = dossier_search_result_get_document (result);

              g_hash_table_insert (self->search_ids, g_strdup (dossier_document_get_id (document)),
                                   g_strdup (dossier_search_result_get_snippet (result)));
            }
        }
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Rows that stay in the list show the new snippets too. */
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, self->bound_rows);
    while (g_hash_table_iter_next (&iter, &row, NULL))
      update_row_snippet (self, row);
  }
  update_state (self);
}

static void
search_stop_cb (DossierWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_activate_cb (DossierWindow *self)
{
  /* Enter in the search field opens the first result. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
    }
}

static void
update_title (DossierWindow *self)
{
  DossierDocument *document = dossier_reader_page_get_document (self->reader_page);
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);

  if (document != NULL && g_strcmp0 (visible, "reader") == 0)
    {
      /* Translators: the window title while an article is open */
      g_autofree char *title = g_strdup_printf (_("%s — Dossier"), dossier_document_get_title (document) ?: _("Untitled"));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else if (self->compare_page != NULL && g_strcmp0 (visible, "compare") == 0)
    {
      g_autofree char *pair = comparison_title (dossier_compare_page_get_comparison (self->compare_page));
      /* Translators: the window title while two articles are compared */
      g_autofree char *title = g_strdup_printf (_("%s — Dossier"), pair);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else if (self->matrix_page != NULL && g_strcmp0 (visible, "matrix") == 0)
    {
      /* Translators: the window title while the perspectives matrix shows */
      gtk_window_set_title (GTK_WINDOW (self), _("Perspectives Matrix — Dossier"));
    }
  else if (self->memo_page != NULL && g_strcmp0 (visible, "memo") == 0)
    {
      g_autofree char *name = memo_display_name (self);
      /* Translators: the window title while a memo is open; the first %s
       * marks unsaved changes */
      g_autofree char *title = g_strdup_printf (_("%s%s — Dossier"), memo_is_dirty (self) ? "• " : "", name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Dossier"));
}

static void
update_state (DossierWindow *self)
{
  guint total = self->library ? g_list_model_get_n_items (dossier_library_get_documents (self->library)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gboolean have_document = dossier_reader_page_get_document (self->reader_page) != NULL;
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");

  /* Only switch among our own pages; a compare or memo page stays. */
  if (g_strcmp0 (visible, "empty") == 0 || g_strcmp0 (visible, "welcome") == 0 ||
      g_strcmp0 (visible, "reader") == 0 || g_strcmp0 (visible, "error") == 0 || visible == NULL)
    {
      if (self->library == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "error");
      else if (have_document)
        gtk_stack_set_visible_child_name (self->main_stack, "reader");
      else if (total == 0)
        gtk_stack_set_visible_child_name (self->main_stack, "empty");
      else
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  if (total > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article in your library", "%u articles in your library", total), total);
      adw_status_page_set_description (self->welcome_status, description);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-from-web", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-metadata", have_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-citation", have_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", self->library != NULL && count_selected (self) == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", have_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.matrix", self->library != NULL && count_selected (self) >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.insert-perspectives",
                                 self->library != NULL && count_selected (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-document",
                                 have_document || !gtk_bitset_is_empty (gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection))));
  update_title (self);
}

static guint
find_position (DossierWindow *self,
               const char    *id)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (model, i);
      if (g_strcmp0 (dossier_document_get_id (document), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * dossier_window_open_document:
 *
 * Shows the document in the reader and selects it in the library.
 */
gboolean
dossier_window_open_document (DossierWindow *self,
                              const char    *document_id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (self->library == NULL)
    return FALSE;

  if (!dossier_reader_page_open (self->reader_page, document_id, &error))
    {
      toast_printf (self, _("Could not open the article: %s"), error->message);
      return FALSE;
    }
  g_settings_set_string (self->settings, "last-document", document_id);

  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->reader_page));
  position = find_position (self, document_id);
  if (position != GTK_INVALID_LIST_POSITION &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
  update_state (self);
  return TRUE;
}

static void
selection_changed_cb (DossierWindow *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  /* One selected document is open in the reader; several are a selection
   * for commands such as comparing. */
  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr(DossierDocument) document =
        g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));

      dossier_window_open_document (self, dossier_document_get_id (document));
    }
  gtk_bitset_unref (selected);
  update_state (self);
}

static void
list_activate_cb (DossierWindow *self,
                  guint          position)
{
  g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (document == NULL || !dossier_window_open_document (self, dossier_document_get_id (document)))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
}

static void
popup_library_menu (DossierWindow *self,
                    double         x,
                    double         y)
{
  GdkRectangle rect;
  double sx = x, sy = y;

  /* Parented to the sidebar box rather than the list view, which does not
   * present popovers again when they grow (the menu's last row came out
   * cut off). */
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), self->sidebar, x, y, &sx, &sy))
    sx = x, sy = y;
  rect = (GdkRectangle) { (int) sx, (int) sy, 1, 1 };

  if (self->library_popover == NULL)
    {
      self->library_popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->library_menu));
      gtk_widget_set_parent (self->library_popover, self->sidebar);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->library_popover), FALSE);
      gtk_widget_set_halign (self->library_popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->library_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->library_popover));
}

static void
list_right_click_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     DossierWindow   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, DOSSIER_TYPE_DOCUMENT_ROW) : NULL;

  /* The menu acts on the selection; a click outside it selects the row. */
  if (row != NULL)
    {
      DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (row));
      guint position = document ? find_position (self, dossier_document_get_id (document)) : GTK_INVALID_LIST_POSITION;

      if (position != GTK_INVALID_LIST_POSITION &&
          !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
    }
  popup_library_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
library_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (8, 8, 0, 0);

  /* Shift+F10 or the Menu key: open the menu at the focused row. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      if (!gtk_widget_compute_bounds (focus, GTK_WIDGET (self->list_view), &bounds))
        bounds = GRAPHENE_RECT_INIT (8, 8, 0, 0);
    }
  popup_library_menu (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height / 2);
}

/**
 * dossier_window_get_library_menu:
 *
 * The context menu of the library list (right click, Shift+F10). Its
 * commands act on the selected documents; other features append their own
 * sections, e.g. "Compare".
 *
 * Returns: (transfer none): the menu
 */
GMenu *
dossier_window_get_library_menu (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->library_menu;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, dossier_document_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierWindow            *self)
{
  DossierDocumentRow *row = DOSSIER_DOCUMENT_ROW (gtk_list_item_get_child (item));

  dossier_document_row_set_document (row, gtk_list_item_get_item (item));
  update_row_snippet (self, row);
  g_hash_table_add (self->bound_rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DossierWindow            *self)
{
  DossierDocumentRow *row = DOSSIER_DOCUMENT_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_rows, row);
  dossier_document_row_set_document (row, NULL);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                     */

typedef struct
{
  DossierWindow *self;
  char *name;        /* file name or web address, for messages */
  gboolean web;

  /* A web download has its own downloader and GCancellable, so that its
   * row shows its own progress and its Cancel stops only it. */
  DossierFetch *fetch;
  GCancellable *cancellable;
  gulong cancel_id;          /* on the window's cancellable */
  GtkWidget *row;            /* in downloads_box, owned by it */
  GtkProgressBar *bar;
  guint pulse_id;
  gboolean user_cancelled;
} ImportData;

static void download_remove_row (ImportData *data);
static void import_ready_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
import_data_free (ImportData *data)
{
  if (data->fetch != NULL)
    g_signal_handlers_disconnect_by_data (data->fetch, data);
  if (data->cancel_id != 0 && data->self->cancellable != NULL)
    g_cancellable_disconnect (data->self->cancellable, data->cancel_id);
  download_remove_row (data);
  g_clear_object (&data->fetch);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->self);
  g_clear_pointer (&data->name, g_free);
  g_free (data);
}

/* ------------------------------------------------------------------------ */
/* The rows of the web downloads under way                                  */

static void
download_remove_row (ImportData *data)
{
  DossierWindow *self = data->self;

  g_clear_handle_id (&data->pulse_id, g_source_remove);
  if (!g_list_find (self->downloads, data))
    return;

  self->downloads = g_list_remove (self->downloads, data);
  if (data->row != NULL && self->downloads_box != NULL)
    gtk_box_remove (self->downloads_box, data->row);
  data->row = NULL;
  data->bar = NULL;
  if (self->downloads_revealer != NULL)
    gtk_revealer_set_reveal_child (self->downloads_revealer, self->downloads != NULL);
}

static gboolean
download_pulse_cb (gpointer user_data)
{
  ImportData *data = user_data;

  if (data->bar != NULL)
    gtk_progress_bar_pulse (data->bar);
  return G_SOURCE_CONTINUE;
}

/* The downloader reports -1 while the size is unknown (no Content-Length):
 * then the bar pulses instead of showing a fraction. */
static void
download_progress_cb (DossierFetch *fetch,
                      GParamSpec   *pspec,
                      ImportData   *data)
{
  double progress = dossier_fetch_get_progress (fetch);

  if (data->bar == NULL)
    return;

  if (progress < 0.0)
    {
      if (data->pulse_id == 0)
        {
          gtk_progress_bar_pulse (data->bar);
          data->pulse_id = g_timeout_add (120, download_pulse_cb, data);
        }
    }
  else
    {
      g_clear_handle_id (&data->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (data->bar, progress);
    }
}

static void
download_cancel_clicked_cb (GtkButton  *button,
                            ImportData *data)
{
  data->user_cancelled = TRUE;
  g_cancellable_cancel (data->cancellable);
}

/* Closing the window stops its downloads too. */
static void
window_cancelled_cb (GCancellable *window_cancellable,
                     ImportData   *data)
{
  g_cancellable_cancel (data->cancellable);
}

static void
download_add_row (ImportData *data,
                  const char *uri)
{
  DossierWindow *self = data->self;
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *host = parsed != NULL && g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : uri;
  g_autofree char *text = g_strdup_printf (_("Downloading %s…"), host);
  g_autofree char *cancel_label = g_strdup_printf (_("Cancel Download of %s"), host);
  GtkWidget *box, *label, *button;

  data->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (data->row, "download-row");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (data->row), box);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (label, uri);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  data->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_pulse_step (data->bar, 0.1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->bar));

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, _("Cancel Download"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cancel_label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (download_cancel_clicked_cb), data);
  gtk_box_append (GTK_BOX (data->row), button);

  gtk_box_append (self->downloads_box, data->row);
  self->downloads = g_list_append (self->downloads, data);
  gtk_revealer_set_reveal_child (self->downloads_revealer, TRUE);

  g_signal_connect (data->fetch, "notify::progress", G_CALLBACK (download_progress_cb), data);
}

/* Starts a web download with its own downloader, cancellable and row. */
static void
start_web_import (DossierWindow *self,
                  ImportData    *data,
                  const char    *uri)
{
  data->web = TRUE;
  data->fetch = dossier_fetch_new ();
  data->cancellable = g_cancellable_new ();
  data->cancel_id = g_cancellable_connect (self->cancellable, G_CALLBACK (window_cancelled_cb), data, NULL);
  download_add_row (data, uri);
  dossier_import_uri_async (uri, data->fetch, data->cancellable, import_ready_cb, data);
}

static void
import_finished (DossierWindow *self)
{
  if (self->pending_imports > 0)
    return;

  if (self->imported == 1 && self->last_imported_id != NULL)
    {
      g_autofree char *id = g_strdup (self->last_imported_id);

      if (dossier_window_open_document (self, id))
        {
          DossierDocument *document = dossier_reader_page_get_document (self->reader_page);
          toast_printf (self, _("Imported “%s”"), dossier_document_get_title (document) ?: "");
        }
    }
  else if (self->imported > 1)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u article", "Imported %u articles", self->imported),
                         self->imported);
      toast_printf (self, "%s", message);
    }

  self->imported = 0;
  g_clear_pointer (&self->last_imported_id, g_free);
}

static void
import_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImportData *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = data->name;
  g_autofree char *id = NULL;

  document = data->web ? dossier_import_uri_finish (result, &error) : dossier_import_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (!data->user_cancelled || self->toast_overlay == NULL))
    {
      /* The window is closing. */
      import_data_free (data);
      return;
    }

  self->pending_imports--;
  if (data->web)
    download_remove_row (data);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      dossier_window_add_toast (self, adw_toast_new (_("Download cancelled")));
      import_finished (self);
      import_data_free (data);
      return;
    }

  if (document != NULL && self->library != NULL)
    id = dossier_library_add (self->library, document, &error);

  if (id != NULL)
    {
      self->imported++;
      g_free (self->last_imported_id);
      self->last_imported_id = g_steal_pointer (&id);
    }
  else if (g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE))
    toast_printf (self, _("“%s” is already in the library (%s)"), name, error->message);
  else if (error != NULL)
    toast_printf (self, _("Could not import “%s”: %s"), name, error->message);

  import_finished (self);
  import_data_free (data);
}

/**
 * dossier_window_import_files:
 *
 * Imports files off the main thread and adds them to the library; one
 * imported article is opened, several are announced in a toast.
 */
void
dossier_window_import_files (DossierWindow  *self,
                             GFile         **files,
                             guint           n_files)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (self->library == NULL)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      ImportData *data = g_new0 (ImportData, 1);

      data->self = g_object_ref (self);
      self->pending_imports++;
      /* A web address given on the command line is downloaded. */
      if (g_file_has_uri_scheme (files[i], "http") || g_file_has_uri_scheme (files[i], "https"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          data->name = g_strdup (uri);
          start_web_import (self, data, uri);
        }
      else
        {
          data->name = g_file_get_basename (files[i]);
          dossier_import_file_async (files[i], DOSSIER_IMPORT_FORMAT_AUTO, self->cancellable, import_ready_cb, data);
        }
    }
}

/**
 * dossier_window_import_uri:
 * @uri: an http or https address
 *
 * Downloads and imports a web page, like dossier_window_import_files().
 */
void
dossier_window_import_uri (DossierWindow *self,
                           const char    *uri)
{
  ImportData *data;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  if (self->library == NULL)
    return;

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (uri);
  self->pending_imports++;
  /* The row in the sidebar shows the download, with its progress. */
  start_web_import (self, data, uri);
}

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text == NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

static void
web_address_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", is_web_address (text));
}

static void
web_address_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DossierWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "add") == 0 && is_web_address (text))
    dossier_window_import_uri (self, text);
}

static void
web_address_activate_cb (GtkEntry         *entry,
                         AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_from_web_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add from Web Address"),
                                   _("Dossier downloads the page and imports the article in it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Web address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (web_address_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (web_address_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (web_address_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

guint
dossier_window_get_n_pending_imports (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);
  return self->pending_imports;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      dossier_window_import_files (self, (GFile **) array->pdata, array->len);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Articles (text, web pages, Dossier documents)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  dossier_window_import_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

/* ------------------------------------------------------------------------ */
/* Delete with undo                                                           */

typedef struct
{
  DossierLibrary *library;
  GPtrArray *documents;    /* DossierDocument, fully loaded */
  GPtrArray *highlights;   /* GListModel of DossierHighlight, per document */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->library);
  g_clear_pointer (&deleted->documents, g_ptr_array_unref);
  g_clear_pointer (&deleted->highlights, g_ptr_array_unref);
  g_free (deleted);
}

static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         DossierWindow *self)
{
  if (self->undo_toast == toast)
    {
      g_clear_object (&self->undo_toast);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
    }
}

/* Undo goes through the "win.undo" action (the toast's button, Ctrl+Z),
 * so only the latest change can be undone, and only while its toast shows. */
static void
show_undo_toast (DossierWindow *self,
                 AdwToast      *toast)
{
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  g_set_object (&self->undo_toast, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  dossier_window_add_toast (self, toast);
}

static void
undo_delete_cb (AdwToast      *toast,
                DossierWindow *self)
{
  Deleted *deleted = g_object_get_data (G_OBJECT (toast), "dossier-deleted");
  const char *reopen = NULL;

  for (guint i = 0; i < deleted->documents->len; i++)
    {
      DossierDocument *document = deleted->documents->pdata[i];
      GListModel *highlights = deleted->highlights->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *id = dossier_library_add (deleted->library, document, &error);

      if (id == NULL)
        {
          toast_printf (self, _("Could not restore “%s”: %s"), dossier_document_get_title (document) ?: "", error->message);
          continue;
        }
      /* The store may have kept the highlights of a removed document. */
      {
        g_autoptr(GListModel) kept = dossier_library_list_highlights (deleted->library, id, NULL);
        if (kept != NULL && g_list_model_get_n_items (kept) > 0)
          highlights = NULL;
      }
      for (guint h = 0; highlights != NULL && h < g_list_model_get_n_items (highlights); h++)
        {
          g_autoptr(DossierHighlight) highlight = g_list_model_get_item (highlights, h);
          dossier_library_add_highlight (deleted->library, id,
                                         dossier_highlight_get_paragraph (highlight),
                                         dossier_highlight_get_start (highlight),
                                         dossier_highlight_get_end (highlight),
                                         dossier_highlight_get_text (highlight), NULL);
        }
      reopen = dossier_document_get_id (document);
    }

  if (deleted->documents->len == 1 && reopen != NULL && deleted->library == self->library)
    dossier_window_open_document (self, reopen);
}

static void
delete_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  Deleted *deleted;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (self->library == NULL)
    {
      gtk_bitset_unref (selected);
      return;
    }

  for (guint i = 0; i < gtk_bitset_get_size (selected); i++)
    {
      g_autoptr(DossierDocument) document =
        g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, i));
      g_ptr_array_add (ids, g_strdup (dossier_document_get_id (document)));
    }
  gtk_bitset_unref (selected);
  if (ids->len == 0 && open != NULL)
    g_ptr_array_add (ids, g_strdup (dossier_document_get_id (open)));

  deleted = g_new0 (Deleted, 1);
  deleted->library = g_object_ref (self->library);
  deleted->documents = g_ptr_array_new_with_free_func (g_object_unref);
  deleted->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      g_autoptr(GError) error = NULL;
      /* Keep the whole document so Undo can put it back as it was. */
      g_autoptr(DossierDocument) full = dossier_library_load (self->library, id, &error);
      g_autoptr(GListModel) highlights = NULL;

      if (full == NULL)
        continue;
      highlights = dossier_library_list_highlights (self->library, id, NULL);
      if (open != NULL && g_strcmp0 (dossier_document_get_id (open), id) == 0)
        {
          dossier_reader_page_close (self->reader_page);
          open = NULL;
        }
      if (!dossier_library_remove (self->library, id, &error))
        {
          toast_printf (self, _("Could not delete “%s”: %s"), dossier_document_get_title (full) ?: "", error->message);
          continue;
        }
      if (title == NULL)
        title = g_strdup (dossier_document_get_title (full));
      g_ptr_array_add (deleted->documents, g_steal_pointer (&full));
      g_ptr_array_add (deleted->highlights, highlights ? g_steal_pointer (&highlights) : G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT)));
    }

  if (deleted->documents->len == 0)
    {
      deleted_free (deleted);
      update_state (self);
      return;
    }

  if (deleted->documents->len == 1)
    {
      g_autofree char *escaped = g_markup_escape_text (title ?: "", -1);
      g_autofree char *message = g_strdup_printf (_("“%s” deleted"), escaped);
      toast = adw_toast_new (message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article deleted", "%u articles deleted",
                                                               deleted->documents->len),
                                                  deleted->documents->len);
      toast = adw_toast_new (message);
    }
  g_object_set_data_full (G_OBJECT (toast), "dossier-deleted", deleted, deleted_free);
  show_undo_toast (self, toast);
  update_state (self);
}

/* ------------------------------------------------------------------------ */
/* Metadata                                                                   */

static void
apply_metadata (DossierDocument *target,
                DossierDocument *source)
{
  GListModel *authors = dossier_document_get_authors (source);

  g_object_freeze_notify (G_OBJECT (target));
  dossier_document_set_title (target, dossier_document_get_title (source));
  dossier_document_set_subtitle (target, dossier_document_get_subtitle (source));
  dossier_document_set_publisher (target, dossier_document_get_publisher (source));
  dossier_document_set_published (target, dossier_document_get_published (source));
  dossier_document_set_source_url (target, dossier_document_get_source_url (source));
  dossier_document_remove_all_authors (target);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      g_autoptr(DossierAuthor) copy = dossier_author_new (dossier_author_get_name (author));

      dossier_author_set_position (copy, dossier_author_get_position (author));
      dossier_author_set_affiliation (copy, dossier_author_get_affiliation (author));
      dossier_author_set_bio (copy, dossier_author_get_bio (author));
      dossier_document_add_author (target, copy);
    }
  g_object_thaw_notify (G_OBJECT (target));
}

static gboolean
store_metadata (DossierWindow   *self,
                DossierDocument *edited)
{
  g_autoptr(GError) error = NULL;
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);

  if (!dossier_library_update_metadata (self->library, edited, &error))
    {
      toast_printf (self, _("Could not save the details: %s"), error->message);
      return FALSE;
    }

  if (open != NULL && g_strcmp0 (dossier_document_get_id (open), dossier_document_get_id (edited)) == 0)
    {
      apply_metadata (open, edited);
      /* Same document object: the view redraws its head in place. */
      dossier_reader_view_set_document (dossier_reader_page_get_view (self->reader_page), open);
    }
  update_state (self);
  return TRUE;
}

static void
undo_metadata_cb (AdwToast      *toast,
                  DossierWindow *self)
{
  DossierDocument *previous = g_object_get_data (G_OBJECT (toast), "dossier-previous");

  store_metadata (self, previous);
}

static void
metadata_save_cb (DossierMetadataDialog *dialog,
                  DossierDocument       *edited,
                  DossierWindow         *self)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  g_autoptr(DossierDocument) previous = NULL;
  AdwToast *toast;

  if (open == NULL || self->library == NULL)
    return;

  previous = dossier_document_copy_metadata (open);
  if (!store_metadata (self, edited))
    return;

  toast = adw_toast_new (_("Details saved"));
  g_object_set_data_full (G_OBJECT (toast), "dossier-previous", g_steal_pointer (&previous), g_object_unref);
  show_undo_toast (self, toast);
}

/**
 * dossier_window_edit_metadata:
 *
 * Opens the details dialog for the open document.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
dossier_window_edit_metadata (DossierWindow *self)
{
  DossierDocument *open;
  GtkWidget *dialog;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  open = dossier_reader_page_get_document (self->reader_page);
  if (open == NULL)
    return NULL;

  dialog = dossier_metadata_dialog_new (GTK_WINDOW (self), open);
  g_signal_connect_object (dialog, "save", G_CALLBACK (metadata_save_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  if (toast == NULL)
    return;

  if (g_object_get_data (G_OBJECT (toast), "dossier-deleted") != NULL)
    undo_delete_cb (toast, self);
  else if (g_object_get_data (G_OBJECT (toast), "dossier-previous") != NULL)
    undo_metadata_cb (toast, self);
  /* Not dismissed here: its button already dismisses it, and a second
   * dismissal mid-animation crashes libadwaita 1.2. With the action
   * disabled its button does nothing more. */
}

static void
edit_metadata_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dossier_window_edit_metadata (DOSSIER_WINDOW (widget));
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  g_autofree char *citation = NULL;

  if (open == NULL)
    return;
  citation = dossier_format_citation (open);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  dossier_window_add_toast (self, adw_toast_new (_("Citation copied")));
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------ */
/* Comparing documents                                                        */

static void
close_compare_page (DossierWindow *self)
{
  GtkWidget *box = g_steal_pointer (&self->compare_box);

  self->compare_page = NULL;
  self->compare_title = NULL;
  if (box != NULL)
    gtk_stack_remove (self->main_stack, box);
}

static void
close_compare_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  /* Back to the article (or the welcome page); update_state picks. */
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  close_compare_page (self);
  update_state (self);
}

static char *
comparison_title (DossierComparison *comparison)
{
  DossierDocument *left = dossier_comparison_get_left (comparison);
  DossierDocument *right = dossier_comparison_get_right (comparison);

  /* Translators: the two titles of the compared articles */
  return g_strdup_printf (_("%s ↔ %s"),
                          (left ? dossier_document_get_title (left) : NULL) ?: _("Untitled"),
                          (right ? dossier_document_get_title (right) : NULL) ?: _("Untitled"));
}

static void
show_compare_page (DossierWindow *self,
                   GtkWidget     *page)
{
  GtkWidget *box, *header, *back;
  g_autofree char *subtitle = NULL;

  close_compare_page (self);

  /* The compare page brings no header bar of its own. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Close the Comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Close the Comparison"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.close-compare");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  {
    GtkWidget *add = gtk_button_new_with_mnemonic (_("Add to _Memo"));

    gtk_widget_set_tooltip_text (add, _("Add the selected paragraph to the memo"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-to-memo");
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  }
  subtitle = comparison_title (dossier_compare_page_get_comparison (DOSSIER_COMPARE_PAGE (page)));
  self->compare_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Comparison"), subtitle));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->compare_title));
  g_object_bind_property (self->leaflet, "folded", header, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->compare_box = box;
  self->compare_page = DOSSIER_COMPARE_PAGE (page);
  gtk_stack_add_named (self->main_stack, box, "compare");
  gtk_stack_set_visible_child (self->main_stack, box);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_state (self);
}

static guint
count_selected (DossierWindow *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);

  gtk_bitset_unref (selected);
  return n;
}

/* The selected documents, loaded in full from the store (the list holds
 * only their headers). */
static GListStore *
load_selected (DossierWindow  *self,
               GError        **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;

  if (self->library == NULL)
    return NULL;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DossierDocument) header = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_autoptr(DossierDocument) full = dossier_library_load (self->library, dossier_document_get_id (header), error);

      if (full == NULL)
        {
          gtk_bitset_unref (selected);
          return NULL;
        }
      g_list_store_append (store, full);
    }
  gtk_bitset_unref (selected);
  return g_steal_pointer (&store);
}

/**
 * dossier_window_compare:
 * @left: the first document (in full)
 * @right: the second
 *
 * Shows the comparison of the two documents in the content stack.
 */
void
dossier_window_compare (DossierWindow   *self,
                        DossierDocument *left,
                        DossierDocument *right)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (DOSSIER_IS_DOCUMENT (left));
  g_return_if_fail (DOSSIER_IS_DOCUMENT (right));

  show_compare_page (self, dossier_compare_page_new (left, right));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) left = NULL;
  g_autoptr(DossierDocument) right = NULL;

  if (count_selected (self) != 2)
    return;
  documents = load_selected (self, &error);
  if (documents == NULL)
    {
      toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  left = g_list_model_get_item (G_LIST_MODEL (documents), 0);
  right = g_list_model_get_item (G_LIST_MODEL (documents), 1);

  /* The list shows the newest first, but a reader expects the older text
   * on the left: versions then read as what changed, not as an undo. */
  if (dossier_document_get_published (left) != NULL && dossier_document_get_published (right) != NULL &&
      g_strcmp0 (dossier_document_get_published (left), dossier_document_get_published (right)) > 0)
    {
      DossierDocument *swap = left;
      left = right;
      right = swap;
    }

  dossier_window_compare (self, left, right);
}

static void
comparison_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  comparison = dossier_comparison_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (comparison == NULL)
    {
      toast_printf (self, _("Could not open the comparison: %s"), error->message);
      return;
    }
  show_compare_page (self, dossier_compare_page_new_for_comparison (comparison));
}

/**
 * dossier_window_open_comparison:
 * @file: a `.dossier-comparison` file
 *
 * Loads a saved comparison (its documents come from the library, or from
 * the files it names) and shows it.
 */
void
dossier_window_open_comparison (DossierWindow *self,
                                GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  dossier_comparison_load_async (file, self->library ? dossier_library_get_path (self->library) : NULL,
                                 self->cancellable, comparison_loaded_cb, g_object_ref (self));
}

static GtkFileFilter *
filter_for (const char *name,
            const char *mime_type,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

static void
open_comparison_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        dossier_window_open_comparison (self, file);
    }
  g_object_unref (dialog);
}

static void
open_comparison_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = NULL;

  dialog = gtk_file_chooser_native_new (_("Open Comparison"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = filter_for (_("Dossier Comparisons"), "application/x-dossier-comparison", "*.dossier-comparison");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_comparison_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* "Compare With…": the open article and one picked from a list. */
static void
compare_with_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          DossierWindow    *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "dossier-list");
  GtkListBoxRow *row = list ? gtk_list_box_get_selected_row (list) : NULL;
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  g_autoptr(DossierDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (g_strcmp0 (response, "compare") != 0 || row == NULL || open == NULL || self->library == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "dossier-id");
  other = dossier_library_load (self->library, id, &error);
  if (other == NULL)
    {
      toast_printf (self, _("Could not open the article: %s"), error->message);
      return;
    }
  dossier_window_compare (self, open, other);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);
  GListModel *documents;
  GtkWidget *dialog, *scroller, *list;

  if (open == NULL || self->library == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Compare With"),
                                   _("Choose the article to set beside the open one."));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Articles"), -1);
  documents = dossier_library_get_documents (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (documents) && i < 2000; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      GtkWidget *row, *label;

      if (g_strcmp0 (dossier_document_get_id (document), dossier_document_get_id (open)) == 0)
        continue;
      label = gtk_label_new (dossier_document_get_title (document) ?: _("Untitled"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "dossier-id", g_strdup (dossier_document_get_id (document)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data (G_OBJECT (dialog), "dossier-list", list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "compare", _("_Compare"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "compare",
                                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The first article is chosen to start with, so Compare is always
   * possible. (Enabling the response from "row-selected" crashes: the
   * list unselects while the dialog is finalised.) */
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (compare_with_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Perspectives matrix                                                        */

/* Computed off the main thread from snapshots taken on it. */
typedef struct
{
  GPtrArray *snapshots;   /* DossierTextSnapshot */
  GListStore *documents;  /* DossierDocument, same order */
} MatrixInput;

static void
matrix_input_free (MatrixInput *input)
{
  g_ptr_array_unref (input->snapshots);
  g_object_unref (input->documents);
  g_free (input);
}

static void
matrix_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  MatrixInput *input = task_data;
  GError *error = NULL;
  DossierMatrix *matrix;

  matrix = dossier_matrix_compute ((DossierTextSnapshot * const *) input->snapshots->pdata,
                                   input->snapshots->len, NULL, &error);
  if (matrix == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, matrix, (GDestroyNotify) dossier_matrix_free);
}

static void
close_matrix_page (DossierWindow *self)
{
  GtkWidget *page = g_steal_pointer (&self->matrix_page);

  if (page != NULL)
    gtk_stack_remove (self->main_stack, page);
}

static void
close_matrix_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  close_matrix_page (self);
  update_state (self);
}

static void
matrix_open_passage_cb (DossierMatrixPage *page,
                        const char        *id,
                        guint              paragraph,
                        DossierWindow     *self)
{
  g_autofree char *keep = g_strdup (id);
  DossierReaderView *view;
  DossierDocument *document;
  g_autoptr(DossierParagraph) item = NULL;

  /* Opening an article switches the stack to the reader; the matrix
   * stays in the stack to come back to. */
  if (keep == NULL || !dossier_window_open_document (self, keep))
    return;
  view = dossier_reader_page_get_view (self->reader_page);
  document = dossier_reader_view_get_document (view);
  if (document != NULL)
    item = g_list_model_get_item (dossier_document_get_paragraphs (document), paragraph);
  if (item != NULL)
    dossier_reader_view_select_range (view, paragraph, 0,
                                      (guint) g_utf8_strlen (dossier_paragraph_get_text (item), -1));
}

static gboolean ensure_memo (DossierWindow *self);
static void toast_added (DossierWindow *self,
                         gboolean       started);

/* A cell's passage goes to the memo whole, as the comparison's do. */
static void
matrix_add_to_memo_cb (DossierMatrixPage *page,
                       DossierDocument   *document,
                       guint              paragraph,
                       DossierWindow     *self)
{
  g_autoptr(DossierParagraph) item = g_list_model_get_item (dossier_document_get_paragraphs (document), paragraph);
  guint length = item ? (guint) g_utf8_strlen (dossier_paragraph_get_text (item), -1) : 0;
  gboolean started;

  if (length == 0)
    return;
  started = ensure_memo (self);
  /* Stay in the matrix (a new memo would come to the front). */
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (page));
  if (dossier_memo_page_add_excerpt (self->memo_page, document, paragraph, 0, length) == NULL)
    {
      dossier_window_add_toast (self, adw_toast_new (_("Could not add the passage to the memo")));
      return;
    }
  toast_added (self, started);
  update_state (self);
}

static void
matrix_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierWindow *self = DOSSIER_WINDOW (source);
  g_autoptr(GError) error = NULL;
  DossierMatrix *matrix;
  MatrixInput *input = g_task_get_task_data (G_TASK (result));
  GtkWidget *page;

  matrix = g_task_propagate_pointer (G_TASK (result), &error);
  self->matrix_busy = FALSE;
  if (matrix == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_printf (self, _("Could not build the matrix: %s"), error->message);
      return;
    }

  close_matrix_page (self);
  page = dossier_matrix_page_new (matrix, G_LIST_MODEL (input->documents));
  g_object_bind_property (self->leaflet, "folded",
                          dossier_matrix_page_get_header_bar (DOSSIER_MATRIX_PAGE (page)), "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "open-passage", G_CALLBACK (matrix_open_passage_cb), self, 0);
  g_signal_connect_object (page, "add-to-memo", G_CALLBACK (matrix_add_to_memo_cb), self, 0);

  self->matrix_page = page;
  gtk_stack_add_named (self->main_stack, page, "matrix");
  gtk_stack_set_visible_child (self->main_stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_state (self);
}

/**
 * dossier_window_get_matrix_busy:
 *
 * Returns: whether a perspectives matrix is being computed (for tests)
 */
gboolean
dossier_window_get_matrix_busy (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  return self->matrix_busy;
}

static void
matrix_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  MatrixInput *input;
  guint n;

  if (self->matrix_busy || count_selected (self) < 2)
    return;
  documents = load_selected (self, &error);
  if (documents == NULL)
    {
      toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (documents));
  if (n > DOSSIER_MATRIX_MAX_DOCUMENTS)
    {
      toast_printf (self, _("Choose at most %d articles for a matrix"), DOSSIER_MATRIX_MAX_DOCUMENTS);
      return;
    }

  input = g_new0 (MatrixInput, 1);
  input->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_text_snapshot_free);
  input->documents = g_object_ref (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (documents), i);
      g_ptr_array_add (input->snapshots, dossier_text_snapshot_new (document));
    }

  self->matrix_busy = TRUE;
  task = g_task_new (self, self->cancellable, matrix_ready_cb, NULL);
  g_task_set_task_data (task, input, (GDestroyNotify) matrix_input_free);
  g_task_run_in_thread (task, matrix_thread);
}

/* ------------------------------------------------------------------------ */
/* Memos                                                                      */

enum {
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_FILE,
  PENDING_OPEN_CHOOSER,
  PENDING_CLOSE_MEMO,
};

static void run_pending (DossierWindow *self);
static void save_memo_as (DossierWindow *self);

static gboolean
memo_is_dirty (DossierWindow *self)
{
  if (self->memo_autosave == NULL)
    return FALSE;
  /* A memo restored from a recovery copy is unsaved until saved. */
  return dossier_memo_autosave_get_dirty (self->memo_autosave) || self->restored_from != NULL;
}

static char *
memo_display_name (DossierWindow *self)
{
  GFile *file = self->memo_autosave ? dossier_memo_autosave_get_file (self->memo_autosave) : NULL;

  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (_("Unsaved Memo"));
}

static void
update_memo_actions (DossierWindow *self)
{
  gboolean have_memo = self->memo_page != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-memo", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-memo-as", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-memo", have_memo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-memo", have_memo);
  update_title (self);
}

static void
forget_restored (DossierWindow *self)
{
  g_autoptr(GFile) restored = g_steal_pointer (&self->restored_from);
  g_autofree char *path = NULL;

  if (restored == NULL)
    return;
  path = g_file_get_path (restored);
  g_file_delete (restored, NULL, NULL);
  if (path != NULL && g_str_has_suffix (path, ".dossier-memo"))
    {
      g_autofree char *origin = NULL;

      path[strlen (path) - strlen (".dossier-memo")] = '\0';
      origin = g_strconcat (path, ".origin", NULL);
      g_unlink (origin);
    }
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-dossier-memo",
    .app_name = (char *) "Dossier",
    .app_exec = (char *) "dossier %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
set_memo (DossierWindow *self,
          DossierMemo   *memo,
          GFile         *file,
          GFile         *restored_from)
{
  GtkWidget *page;

  if (self->memo_autosave != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->memo_autosave, self);
      dossier_memo_autosave_discard (self->memo_autosave);
      g_clear_object (&self->memo_autosave);
    }
  forget_restored (self);
  if (self->memo_page != NULL)
    {
      GtkWidget *old = GTK_WIDGET (g_steal_pointer (&self->memo_page));
      gtk_stack_remove (self->main_stack, old);
    }
  if (memo == NULL)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "memo") == 0 ||
          gtk_stack_get_visible_child (self->main_stack) == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_state (self);
      update_memo_actions (self);
      return;
    }

  page = dossier_memo_page_new (memo);
  self->memo_page = DOSSIER_MEMO_PAGE (page);
  gtk_stack_add_named (self->main_stack, page, "memo");
  gtk_stack_set_visible_child (self->main_stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  self->memo_autosave = dossier_memo_autosave_new (memo, file, NULL);
  g_signal_connect_swapped (self->memo_autosave, "notify::dirty", G_CALLBACK (update_memo_actions), self);
  g_set_object (&self->restored_from, restored_from);
  if (file != NULL)
    add_recent (file);
  update_state (self);
  update_memo_actions (self);
}

/**
 * dossier_window_get_memo_page:
 *
 * Returns: (transfer none) (nullable): the open memo's page
 */
DossierMemoPage *
dossier_window_get_memo_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_page;
}

/**
 * dossier_window_get_memo_file:
 *
 * Returns: (transfer none) (nullable): where the open memo is saved
 */
GFile *
dossier_window_get_memo_file (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_autosave ? dossier_memo_autosave_get_file (self->memo_autosave) : NULL;
}

/**
 * dossier_window_get_memo_autosave:
 *
 * Returns: (transfer none) (nullable): the open memo's autosaver
 */
DossierMemoAutosave *
dossier_window_get_memo_autosave (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->memo_autosave;
}

typedef struct
{
  DossierWindow *self;
  GFile *file;
  DossierMemo *memo;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->memo);
  g_free (data);
}

static void
memo_saved_to_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_printf (self, _("Could not save the memo: %s"), error->message);
      self->pending = PENDING_NONE;
      save_data_free (data);
      return;
    }
  if (self->memo_autosave != NULL &&
      dossier_memo_autosave_get_memo (self->memo_autosave) == data->memo)
    {
      dossier_memo_autosave_set_file (self->memo_autosave, data->file);
      dossier_memo_autosave_mark_saved (self->memo_autosave);
      add_recent (data->file);
      forget_restored (self);
    }
  update_memo_actions (self);
  save_data_free (data);
  run_pending (self);
}

/**
 * dossier_window_save_memo_to:
 * @file: where to save the open memo
 *
 * Saves the open memo to @file (atomically, off the main thread); it is
 * then the memo's file.
 */
void
dossier_window_save_memo_to (DossierWindow *self,
                             GFile         *file)
{
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  char *json;
  gsize length;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->memo_autosave == NULL)
    return;
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->memo = g_object_ref (dossier_memo_autosave_get_memo (self->memo_autosave));
  /* Serialised now, so later edits do not race the write; written
   * atomically without blocking. */
  json = dossier_memo_to_json (data->memo, &length);
  bytes = g_bytes_new_take (json, length);
  self->saving++;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, memo_saved_to_cb, data);
}

/**
 * dossier_window_get_n_pending_saves:
 *
 * Returns: how many memo saves are under way (for tests)
 */
guint
dossier_window_get_n_pending_saves (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);
  return self->saving;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DossierWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL)
    {
      self->pending = PENDING_NONE;
      return;
    }
  if (!g_str_has_suffix (g_file_peek_path (file) ?: "", ".dossier-memo"))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *with_suffix = g_strconcat (uri, ".dossier-memo", NULL);

      g_set_object (&file, NULL);
      file = g_file_new_for_uri (with_suffix);
    }
  dossier_window_save_memo_to (self, file);
}

static void
save_memo_as (DossierWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = NULL;
  DossierMemo *memo;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->memo_autosave == NULL)
    return;
  memo = dossier_memo_autosave_get_memo (self->memo_autosave);
  file = dossier_memo_autosave_get_file (self->memo_autosave);

  dialog = gtk_file_chooser_native_new (_("Save Memo"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = filter_for (_("Dossier Memos"), "application/x-dossier-memo", "*.dossier-memo");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else
    {
      const char *subject = dossier_memo_get_subject (memo);

      /* Translators: the suggested file name of a memo without a subject */
      name = g_strdup_printf ("%s.dossier-memo", subject && *subject ? subject : _("Memo"));
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_memo (DossierWindow *self)
{
  GFile *file;

  if (self->memo_autosave == NULL)
    return;
  file = dossier_memo_autosave_get_file (self->memo_autosave);
  if (file == NULL)
    save_memo_as (self);
  else
    dossier_window_save_memo_to (self, file);
}

static void
save_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save_memo (DOSSIER_WINDOW (widget));
}

static void
save_memo_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  save_memo_as (DOSSIER_WINDOW (widget));
}

static void
memo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  DossierWindow *self = data->self;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(GError) error = NULL;

  self->saving--;
  memo = dossier_memo_load_finish (result, &error);
  if (memo == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (data->file);
          toast_printf (self, _("Could not open %s: %s"), name, error->message);
        }
    }
  else
    set_memo (self, memo, data->file, NULL);
  save_data_free (data);
}

static void
load_memo_file (DossierWindow *self,
                GFile         *file)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  self->saving++;
  dossier_memo_load_async (file, self->cancellable, memo_loaded_cb, data);
}

static void
open_memo_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       DossierWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    load_memo_file (self, file);
}

static void
show_open_memo_chooser (DossierWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = NULL;

  dialog = gtk_file_chooser_native_new (_("Open Memo"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = filter_for (_("Dossier Memos"), "application/x-dossier-memo", "*.dossier-memo");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_memo_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
run_pending (DossierWindow *self)
{
  int pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_CLOSE:
      if (self->memo_autosave != NULL)
        dossier_memo_autosave_discard (self->memo_autosave);
      forget_restored (self);
      self->close_confirmed = TRUE;
      /* Not from inside the dialog's response: the dialog still refers
       * to the window it is transient for. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb, g_object_ref (self), g_object_unref);
      break;
    case PENDING_NEW:
      {
        g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (self->pending_kind);
        set_memo (self, memo, NULL, NULL);
      }
      break;
    case PENDING_OPEN_FILE:
      if (file != NULL)
        load_memo_file (self, file);
      break;
    case PENDING_OPEN_CHOOSER:
      show_open_memo_chooser (self);
      break;
    case PENDING_CLOSE_MEMO:
      set_memo (self, NULL, NULL, NULL);
      break;
    default:
      break;
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DossierWindow    *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    run_pending (self);
  else if (g_strcmp0 (response, "save") == 0)
    save_memo (self);  /* runs the pending step once saved */
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* Runs @pending now if the open memo has no unsaved changes, else after
 * asking whether to save them. */
static void
after_memo_confirmed (DossierWindow *self,
                      int            pending)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  self->pending = pending;
  if (!memo_is_dirty (self))
    {
      run_pending (self);
      return;
    }

  name = memo_display_name (self);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The memo has changes that are not saved. "
                                     "If you do not save them, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * dossier_window_new_memo:
 * @kind: the template
 *
 * Starts a memo from a template (after asking about unsaved changes to
 * the open one).
 */
void
dossier_window_new_memo (DossierWindow   *self,
                         DossierMemoKind  kind)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  self->pending_kind = kind;
  after_memo_confirmed (self, PENDING_NEW);
}

/**
 * dossier_window_open_memo:
 * @file: a `.dossier-memo` file
 *
 * Opens the memo in the memo page (after asking about unsaved changes to
 * the open one).
 */
void
dossier_window_open_memo (DossierWindow *self,
                          GFile         *file)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->pending_file, file);
  after_memo_confirmed (self, PENDING_OPEN_FILE);
}

static void
new_memo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierMemoKind kind = DOSSIER_MEMO_KIND_POLICY_BRIEF;

  if (parameter != NULL && !dossier_memo_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    kind = DOSSIER_MEMO_KIND_POLICY_BRIEF;
  dossier_window_new_memo (DOSSIER_WINDOW (widget), kind);
}

static void
open_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  after_memo_confirmed (DOSSIER_WINDOW (widget), PENDING_OPEN_CHOOSER);
}

static void
close_memo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->memo_page != NULL)
    after_memo_confirmed (self, PENDING_CLOSE_MEMO);
}

static void
show_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->memo_page == NULL)
    return;
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->memo_page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Returns whether a memo had to be started. */
static gboolean
ensure_memo (DossierWindow *self)
{
  g_autoptr(DossierMemo) memo = NULL;

  if (self->memo_page != NULL)
    return FALSE;
  memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_POLICY_BRIEF);
  set_memo (self, memo, NULL, NULL);
  return TRUE;
}

/* One message for both: a memo started and the passage added. */
static void
toast_added (DossierWindow *self,
             gboolean       started)
{
  AdwToast *toast = adw_toast_new (started ? _("Started a policy brief with the passage")
                                           : _("Added to the memo"));

  adw_toast_set_button_label (toast, _("_Show Memo"));
  adw_toast_set_action_name (toast, "win.show-memo");
  dossier_window_add_toast (self, toast);
}

/**
 * dossier_window_add_selection_to_memo:
 *
 * Adds the reader's selection with its citation to the open memo, starting
 * a policy brief if none is open.
 *
 * Returns: whether something was added
 */
gboolean
dossier_window_add_selection_to_memo (DossierWindow *self)
{
  DossierReaderView *view;
  DossierDocument *document;
  guint first_paragraph, first_offset, last_paragraph, last_offset, end;
  const char *visible;
  gboolean started;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  view = dossier_reader_page_get_view (self->reader_page);
  document = dossier_reader_view_get_document (view);
  if (document == NULL ||
      !dossier_reader_view_get_selection_range (view, &first_paragraph, &first_offset, &last_paragraph, &last_offset))
    {
      dossier_window_add_toast (self, adw_toast_new (_("Select a passage to add it to the memo")));
      return FALSE;
    }

  /* An excerpt is one paragraph: a selection running on is cut at the end
   * of its first paragraph. */
  if (last_paragraph == first_paragraph)
    end = last_offset;
  else
    {
      g_autoptr(DossierParagraph) paragraph =
        g_list_model_get_item (dossier_document_get_paragraphs (document), first_paragraph);
      end = paragraph ? (guint) g_utf8_strlen (dossier_paragraph_get_text (paragraph), -1) : first_offset;
    }
  if (end <= first_offset)
    return FALSE;

  visible = gtk_stack_get_visible_child_name (self->main_stack);
  started = ensure_memo (self);
  if (dossier_memo_page_add_excerpt (self->memo_page, document, first_paragraph, first_offset, end) == NULL)
    {
      dossier_window_add_toast (self, adw_toast_new (_("Could not add the passage to the memo")));
      return FALSE;
    }
  /* Stay in the article: the analyst usually collects several passages. */
  if (g_strcmp0 (visible, "reader") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "reader");
  toast_added (self, started);
  return TRUE;
}

static gboolean add_compare_paragraph_to_memo (DossierWindow *self);

static void
add_to_memo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->compare_page != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0)
    add_compare_paragraph_to_memo (self);
  else
    dossier_window_add_selection_to_memo (self);
}

/* The paragraph selected in the comparison (the pane with the focus
 * first) goes to the memo whole. */
static gboolean
add_compare_paragraph_to_memo (DossierWindow *self)
{
  DossierComparison *comparison = dossier_compare_page_get_comparison (self->compare_page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean sides[2] = { TRUE, FALSE };
  gboolean started;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (dossier_compare_page_get_list (self->compare_page, FALSE))))
    {
      sides[0] = FALSE;
      sides[1] = TRUE;
    }

  for (guint i = 0; i < 2; i++)
    {
      GtkListBox *list = dossier_compare_page_get_list (self->compare_page, sides[i]);
      GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
      DossierDocument *document = sides[i] ? dossier_comparison_get_left (comparison) : dossier_comparison_get_right (comparison);
      g_autoptr(DossierParagraph) paragraph = NULL;
      guint index, length;

      if (row == NULL || document == NULL)
        continue;
      index = (guint) gtk_list_box_row_get_index (row);
      paragraph = g_list_model_get_item (dossier_document_get_paragraphs (document), index);
      length = paragraph ? (guint) g_utf8_strlen (dossier_paragraph_get_text (paragraph), -1) : 0;
      if (length == 0)
        continue;

      started = ensure_memo (self);
      /* Stay in the comparison (a new memo would come to the front). */
      gtk_stack_set_visible_child (self->main_stack, self->compare_box);
      if (dossier_memo_page_add_excerpt (self->memo_page, document, index, 0, length) == NULL)
        break;
      toast_added (self, started);
      return TRUE;
    }
  dossier_window_add_toast (self, adw_toast_new (_("Select a paragraph to add it to the memo")));
  return FALSE;
}

static void
insert_perspectives_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GListStore) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (count_selected (self) == 0)
    return;
  documents = load_selected (self, &error);
  if (documents == NULL)
    {
      toast_printf (self, _("Could not open the articles: %s"), error ? error->message : "");
      return;
    }
  ensure_memo (self);
  dossier_memo_page_insert_perspectives (self->memo_page, G_LIST_MODEL (documents));
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->memo_page));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *time_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (time_a, time_b);
}

#define MAX_RECENT_MEMOS 5

static void
update_recent_memos (DossierWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent_newest_first);
  for (GList *l = items; l != NULL && shown < MAX_RECENT_MEMOS; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-dossier-memo") != 0 ||
          !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      name = g_file_get_basename (file);
      /* Row titles are markup; file names are not. */
      escaped = g_markup_escape_text (name ?: "", -1);
      where = g_file_get_parse_name (file);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      g_free (escaped);
      escaped = g_markup_escape_text (where, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "dossier-file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (self->recent_label, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}

static void
recent_activated_cb (DossierWindow *self,
                     GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "dossier-file");

  if (file != NULL)
    dossier_window_open_memo (self, file);
}

static gboolean
close_request_cb (DossierWindow *self)
{
  if (self->close_confirmed || !memo_is_dirty (self))
    return FALSE;
  after_memo_confirmed (self, PENDING_CLOSE);
  return TRUE;
}

/* After a crash: offer the recovery copies left behind. */
static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DossierWindow    *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "dossier-files");
  GFile *newest;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;

  if (files == NULL || files->len == 0)
    return;
  newest = g_ptr_array_index (files, 0);

  if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < files->len; i++)
        {
          g_set_object (&self->restored_from, g_ptr_array_index (files, i));
          forget_restored (self);
        }
      return;
    }
  if (g_strcmp0 (response, "restore") != 0)
    return;

  memo = dossier_memo_load_file (newest, NULL, &error);
  if (memo == NULL)
    {
      toast_printf (self, _("Could not restore the memo: %s"), error->message);
      return;
    }
  original = dossier_memo_autosave_dup_original (newest);
  set_memo (self, memo, original, newest);
  toast_printf (self, "%s", _("Memo restored; save it to keep it"));
}

/**
 * dossier_window_offer_recovery:
 *
 * If memos were left unsaved by a crash, asks whether to restore the most
 * recent one.
 *
 * Returns: (transfer none) (nullable): the dialog, if one is shown
 */
GtkWidget *
dossier_window_offer_recovery (DossierWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  files = dossier_memo_autosave_list_recoverable (NULL, &error);
  if (files == NULL || files->len == 0)
    return NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Memo?"),
                                   _("Dossier closed before a memo was saved. "
                                     "Its last version was kept and can be restored."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Closing the dialog keeps the copies for next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "dossier-files", g_steal_pointer (&files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
offer_recovery_on_map (DossierWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, offer_recovery_on_map, NULL);
  /* A damaged library's dialog comes first. */
  if (self->open_error == NULL)
    dossier_window_offer_recovery (self);
}

/* ------------------------------------------------------------------------ */
/* Opening the library                                                        */

static void
documents_changed_cb (DossierWindow *self,
                      guint          position,
                      guint          removed,
                      guint          added)
{
  DossierDocument *open = dossier_reader_page_get_document (self->reader_page);

  /* The open article was removed elsewhere (another window, the CLI's
   * library in the same process): stop showing it. */
  if (open != NULL && removed > 0 && self->library != NULL)
    {
      GListModel *documents = dossier_library_get_documents (self->library);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (documents) && !found; i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
          found = g_strcmp0 (dossier_document_get_id (document), dossier_document_get_id (open)) == 0;
        }
      if (!found)
        dossier_reader_page_close (self->reader_page);
    }
  update_state (self);
}

static void
set_library (DossierWindow  *self,
             DossierLibrary *library)
{
  GListModel *documents;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_documents (self->library), documents_changed_cb, self);

  dossier_reader_page_set_library (self->reader_page, library);
  g_set_object (&self->library, library);

  documents = library != NULL ? dossier_library_get_documents (library) : NULL;
  gtk_filter_list_model_set_model (self->filter_model, documents);
  if (documents != NULL)
    g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_state (self);
}

static void
fresh_library_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DossierWindow    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autofree char *path = NULL;
  g_autofree char *moved_to = NULL;

  if (g_strcmp0 (response, "fresh") != 0)
    return;

  path = dossier_library_dup_default_path ();
  library = dossier_library_open_fresh_beside (path, &moved_to, &error);
  if (library == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      return;
    }
  set_library (self, library);
  if (moved_to != NULL)
    toast_printf (self, _("Started a fresh library; the damaged one was kept as %s"), moved_to);
}

static void
show_open_error (DossierWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->open_error == NULL)
    return;

  adw_status_page_set_description (self->error_status, self->open_error->message);

  if (g_error_matches (self->open_error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT))
    {
      body = g_strdup_printf (_("The library file is damaged or is not a Dossier library (%s). "
                                "Dossier can keep it untouched and start a fresh library beside it."),
                              self->open_error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Library Could Not Be Opened"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Not Now"),
                                        "fresh", _("_Start a Fresh Library"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fresh", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (fresh_library_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_error (&self->open_error);
}

static void
open_default_library (DossierWindow *self)
{
  g_autofree char *path = dossier_library_dup_default_path ();
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = dossier_library_open (path, &error);
  if (library != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-document");
      g_autoptr(DossierDocument) document = NULL;

      set_library (self, library);
      /* Back to the article the user was reading, if it is still there;
       * the keyboard starts in the article, or else in the list. */
      if (last[0] != '\0' && (document = dossier_library_load (library, last, NULL)) != NULL &&
          dossier_window_open_document (self, last))
        gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return;
    }

  g_debug ("Could not open %s: %s", path, error->message);
  set_library (self, NULL);
  self->open_error = g_steal_pointer (&error);
  /* The dialog needs a mapped parent. */
  g_signal_connect (self, "map", G_CALLBACK (show_open_error), NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  /* Quitting without settling the memo (the session ending, app.quit
   * from elsewhere): keep its recovery copy for next time. */
  if (self->memo_autosave != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (self->memo_autosave, self);
      if (!self->close_confirmed && memo_is_dirty (self) &&
          !dossier_memo_autosave_flush (self->memo_autosave, &error))
        g_warning ("Could not keep a recovery copy of the memo: %s", error->message);
      g_clear_object (&self->memo_autosave);
    }
  g_clear_object (&self->restored_from);
  g_clear_object (&self->pending_file);
  self->memo_page = NULL;
  self->compare_page = NULL;
  self->compare_box = NULL;
  self->compare_title = NULL;
  self->matrix_page = NULL;

  /* Stops every download; their rows go with the template. */
  g_cancellable_cancel (self->cancellable);
  for (GList *l = self->downloads; l != NULL; l = l->next)
    {
      ImportData *data = l->data;

      g_cancellable_disconnect (self->cancellable, data->cancel_id);
      data->cancel_id = 0;
      g_clear_handle_id (&data->pulse_id, g_source_remove);
      data->row = NULL;
      data->bar = NULL;
    }
  g_clear_pointer (&self->downloads, g_list_free);
  if (self->reader_page != NULL)
    dossier_reader_page_close (self->reader_page);

  g_clear_pointer (&self->library_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->library_menu);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->library);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

/* gtk_window_destroy() unrealizes the window but a download still holds a
 * reference to it: stop the downloads here, or they would run on (and add
 * their article) after the window has gone. */
static void
dossier_window_unrealize (GtkWidget *widget)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  for (GList *l = self->downloads; l != NULL; l = l->next)
    {
      ImportData *data = l->data;

      data->user_cancelled = FALSE;
      g_cancellable_cancel (data->cancellable);
    }

  GTK_WIDGET_CLASS (dossier_window_parent_class)->unrealize (widget);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->search_casefold, g_free);
  g_clear_pointer (&self->sort_order, g_free);
  g_clear_pointer (&self->last_imported_id, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_ORDER:
      if (dossier_set_str (&self->sort_order, g_value_get_string (value)))
        {
          if (self->sorter != NULL)
            gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
main_page_changed_cb (DossierWindow *self)
{
  update_title (self);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;
  widget_class->unrealize = dossier_window_unrealize;
  object_class->get_property = dossier_window_get_property;
  object_class->set_property = dossier_window_set_property;

  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "date",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_READER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, downloads_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, downloads_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, main_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.add-from-web", NULL, add_from_web_action);
  gtk_widget_class_install_action (widget_class, "win.delete-document", NULL, delete_document_action);
  gtk_widget_class_install_action (widget_class, "win.edit-metadata", NULL, edit_metadata_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.library-menu", NULL, library_menu_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.search-library", NULL, search_library_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort-order");
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.open-comparison", NULL, open_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.close-compare", NULL, close_compare_action);
  gtk_widget_class_install_action (widget_class, "win.matrix", NULL, matrix_action);
  gtk_widget_class_install_action (widget_class, "win.close-matrix", NULL, close_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.new-memo", "s", new_memo_action);
  gtk_widget_class_install_action (widget_class, "win.open-memo", NULL, open_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-memo", NULL, save_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-memo-as", NULL, save_memo_as_action);
  gtk_widget_class_install_action (widget_class, "win.show-memo", NULL, show_memo_action);
  gtk_widget_class_install_action (widget_class, "win.close-memo", NULL, close_memo_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-memo", NULL, add_to_memo_action);
  gtk_widget_class_install_action (widget_class, "win.insert-perspectives", NULL, insert_perspectives_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-from-web", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-metadata", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-memo", "s", "policy-brief");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-memo-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-to-memo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-memo", NULL);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  GtkEventController *keys;

  /* The sort menu in the template reads the "win.sort" state. */
  self->sort_order = g_strdup ("date");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->search_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bound_rows = g_hash_table_new (NULL, NULL);

  /* Window geometry is state the user expects us to remember. */
  self->settings = g_settings_new ("io.github.dossier.Dossier");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sort-order", self, "sort-order", G_SETTINGS_BIND_DEFAULT);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* documents → search filter → sort → selection */
  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (sort_documents, self, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_state), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete in the list deletes the selected articles (with undo). */
  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                                                          gtk_named_action_new ("win.delete-document")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                          gtk_named_action_new ("win.library-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  /* The list's context menu: commands on the selected documents. */
  {
    GMenu *section = g_menu_new ();
    GtkGesture *click = gtk_gesture_click_new ();

    self->library_menu = g_menu_new ();
    g_menu_append (section, _("_Edit Details…"), "win.edit-metadata");
    g_menu_append (section, _("Copy _Citation"), "win.copy-citation");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
    section = g_menu_new ();
    g_menu_append (section, _("C_ompare"), "win.compare");
    g_menu_append (section, _("Perspectives _Matrix"), "win.matrix");
    g_menu_append (section, _("Insert _Perspectives in Memo"), "win.insert-perspectives");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
    section = g_menu_new ();
    g_menu_append (section, _("_Delete"), "win.delete-document");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (list_right_click_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_object_bind_property (self->leaflet, "folded",
                          dossier_reader_page_get_back_button (self->reader_page), "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded",
                          dossier_reader_page_get_header_bar (self->reader_page), "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->reader_page, "notify::document", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  /* The reader's selection menu: send the passage to the memo. */
  {
    GMenu *section = g_menu_new ();

    g_menu_append (section, _("Add to _Memo"), "win.add-to-memo");
    g_menu_append_section (dossier_reader_view_get_selection_menu (dossier_reader_page_get_view (self->reader_page)),
                           NULL, G_MENU_MODEL (section));
    g_object_unref (section);
  }
  /* "Compare With…" in the reader's header bar. */
  {
    GtkWidget *button = gtk_button_new_from_icon_name ("view-dual-symbolic");

    gtk_widget_set_tooltip_text (button, _("Compare With…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Compare With…"), -1);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare-with");
    adw_header_bar_pack_end (dossier_reader_page_get_header_bar (self->reader_page), button);
  }
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_memos), self, G_CONNECT_SWAPPED);
  update_recent_memos (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (offer_recovery_on_map), NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  update_memo_actions (self);
  open_default_library (self);
}

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

DossierLibrary *
dossier_window_get_library (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->library;
}

DossierReaderPage *
dossier_window_get_reader_page (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->reader_page;
}

/**
 * dossier_window_get_content_stack:
 *
 * The stack of content pages beside the library ("empty", "welcome",
 * "reader"). Other views (comparison, memo) add their pages here; each page
 * brings its own header bar.
 *
 * Returns: (transfer none): the stack
 */
GtkStack *
dossier_window_get_content_stack (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->main_stack;
}

/**
 * dossier_window_get_selection:
 *
 * Returns: (transfer none): the library list's selection (several
 *   documents can be selected, e.g. to compare them)
 */
GtkSelectionModel *
dossier_window_get_selection (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GtkWidget *
dossier_window_get_search_entry (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}
