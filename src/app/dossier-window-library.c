/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "importers/dossier-import.h"
#include "widgets/dossier-document-row.h"
#include "dossier-window-private.h"

/*
 * DossierWindow's library sidebar: the filtered and sorted list, search,
 * selection, context menu, the imports and web downloads that fill it, and
 * the way to the Trash.
 */

/* ------------------------------------------------------------------------ */
/* Library list: filter and sort                                            */

/* A collation key kept on the document with the text it was made from:
 * sorting 10,000 documents compares each many times, and making two keys
 * per comparison was a third of the app's start. */
typedef struct {
  char *source;
  char *key;
} CollateKey;

static void
collate_key_free (gpointer data)
{
  CollateKey *cached = data;

  g_free (cached->source);
  g_free (cached->key);
  g_free (cached);
}

/* Surname first for Western names; Korean names already lead with it. */
static char *
dup_name_key (const char *name)
{
  const char *last = strrchr (name, ' ');

  if (last != NULL && g_unichar_isalpha (g_utf8_get_char (name)) && g_utf8_get_char (name) < 0x1100)
    {
      g_autofree char *key = g_strconcat (last + 1, " ", name, NULL);
      return g_utf8_collate_key (key, -1);
    }
  return g_utf8_collate_key (name, -1);
}

static const char *
cached_collate_key (DossierDocument *document,
                    GQuark           quark,
                    const char      *source,
                    gboolean         is_name)
{
  CollateKey *cached = g_object_get_qdata (G_OBJECT (document), quark);

  if (cached == NULL || strcmp (cached->source, source) != 0)
    {
      cached = g_new0 (CollateKey, 1);
      cached->source = g_strdup (source);
      cached->key = is_name ? dup_name_key (source) : g_utf8_collate_key (source, -1);
      g_object_set_qdata_full (G_OBJECT (document), quark, cached, collate_key_free);
    }
  return cached->key;
}

static const char *
first_author_key (DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  g_autoptr(DossierAuthor) author = NULL;
  const char *name;

  if (g_list_model_get_n_items (authors) == 0)
    return NULL;
  author = g_list_model_get_item (authors, 0);
  name = dossier_author_get_name (author);
  if (name == NULL)
    return NULL;
  return cached_collate_key (document, g_quark_from_static_string ("dossier-author-key"), name, TRUE);
}

static int
compare_titles (DossierDocument *a,
                DossierDocument *b)
{
  GQuark quark = g_quark_from_static_string ("dossier-title-key");

  return strcmp (cached_collate_key (a, quark, dossier_document_get_title (a) ?: "", FALSE),
                 cached_collate_key (b, quark, dossier_document_get_title (b) ?: "", FALSE));
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
      const char *ka = first_author_key (a);
      const char *kb = first_author_key (b);

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

  if (!_dossier_window_view_includes (self, dossier_document_get_id (document)))
    return FALSE;
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
              const char *snippet = dossier_search_result_get_snippet (result);
              guint page = dossier_search_result_get_page (result);

              /* In a PDF, the page the match is on, as a citation gives it. */
              g_hash_table_insert (self->search_ids, g_strdup (dossier_document_get_id (document)),
                                   page > 0 && snippet != NULL ? g_strdup_printf (_("p. %u: %s"), page, snippet)
                                                               : g_strdup (snippet));
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
  _dossier_window_update_state (self);
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
      _dossier_window_toast_printf (self, _("Could not open the article: %s"), error->message);
      return FALSE;
    }
  g_settings_set_string (self->settings, "last-document", document_id);
  _dossier_window_mark_read (self, document_id);

  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->reader_page));
  position = find_position (self, document_id);
  /* An article the search leaves out (one just imported, or opened from
   * a comparison) is shown all the same, as Zotero does: the search goes,
   * and the list shows the article selected. */
  if (position == GTK_INVALID_LIST_POSITION && self->search_casefold != NULL &&
      dossier_library_get_document (self->library, document_id) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      position = find_position (self, document_id);
    }
  if (position != GTK_INVALID_LIST_POSITION &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
  _dossier_window_update_state (self);
  return TRUE;
}

/* The list's selection model forgets what was selected when the rows
 * change under it (a search, a sort, an edit, another program's change):
 * the window remembers it by id. */
static void
remember_selection (DossierWindow *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  g_hash_table_remove_all (self->selected_ids);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (dossier_document_get_id (document) != NULL)
        g_hash_table_add (self->selected_ids, g_strdup (dossier_document_get_id (document)));
    }
  gtk_bitset_unref (selected);
}

/**
 * _dossier_window_restore_selection:
 *
 * Selects again the remembered documents that the list shows, and
 * brings the first of them into view.
 */
void
_dossier_window_restore_selection (DossierWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  GtkBitset *current;
  gboolean same;

  if (g_hash_table_size (self->selected_ids) == 0 || self->restoring_selection)
    return;

  /* An article deleted (or moved to the Trash) is forgotten: restored, it
   * comes back unselected. A search only hides the others. */
  {
    GHashTableIter iter;
    const char *id;

    g_hash_table_iter_init (&iter, self->selected_ids);
    while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
      if (self->library == NULL || dossier_library_get_document (self->library, id) == NULL)
        g_hash_table_iter_remove (&iter);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (model, i);

      if (g_hash_table_contains (self->selected_ids, dossier_document_get_id (document) ?: ""))
        gtk_bitset_add (wanted, i);
    }

  current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  same = gtk_bitset_equals (current, wanted);
  gtk_bitset_unref (current);
  if (same || gtk_bitset_is_empty (wanted))
    return;

  all = gtk_bitset_new_range (0, n);
  self->restoring_selection = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, all);
  self->restoring_selection = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              gtk_bitset_get_minimum (wanted));
}

static void
sort_items_changed_cb (DossierWindow *self)
{
  _dossier_window_restore_selection (self);
  _dossier_window_update_state (self);
}

static void
selection_changed_cb (DossierWindow *self)
{
  GtkBitset *selected;

  if (self->restoring_selection)
    return;

  remember_selection (self);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  /* One selected document is open in the reader; several are a selection
   * for commands such as comparing. */
  if (gtk_bitset_get_size (selected) == 1)
    {
      g_autoptr(DossierDocument) document =
        g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));

      dossier_window_open_document (self, dossier_document_get_id (document));
    }
  gtk_bitset_unref (selected);
  _dossier_window_update_state (self);
}

static void
list_activate_cb (DossierWindow *self,
                  guint          position)
{
  g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (document == NULL || !dossier_window_open_document (self, dossier_document_get_id (document)))
    return;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
}

static DossierDocumentRow *
row_at (DossierWindow *self,
        double         x,
        double         y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, DOSSIER_TYPE_DOCUMENT_ROW) : NULL;

  return row != NULL ? DOSSIER_DOCUMENT_ROW (row) : NULL;
}

/* One click on a row opens its article at every width, as in Files: in
 * the folded window the reader comes to the front. (The list selects the
 * row on the same release, after this capture-phase handler; Ctrl and
 * Shift clicks only select, for Compare and the matrix.) */
static void
list_click_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        DossierWindow   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  DossierDocumentRow *row = row_at (self, x, y);
  DossierDocument *document = row ? dossier_document_row_get_document (row) : NULL;
  g_autofree char *id = NULL;

  if (n_press != 1 || document == NULL || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    return;

  id = g_strdup (dossier_document_get_id (document));
  if (id == NULL || !dossier_window_open_document (self, id))
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
      gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (self->reader_page))));
    }
}

/* ------------------------------------------------------------------------ */
/* The context menu                                                         */

static void
clear_menu_target (DossierWindow *self)
{
  g_clear_handle_id (&self->menu_target_idle, g_source_remove);
  if (self->menu_target_row != NULL)
    {
      gtk_widget_remove_css_class (self->menu_target_row, "menu-target");
      g_object_remove_weak_pointer (G_OBJECT (self->menu_target_row), (gpointer *) &self->menu_target_row);
      self->menu_target_row = NULL;
    }
  g_clear_pointer (&self->menu_target_id, g_free);
}

static gboolean
menu_target_idle_cb (gpointer data)
{
  DossierWindow *self = data;

  self->menu_target_idle = 0;
  clear_menu_target (self);
  _dossier_window_update_state (self);
  return G_SOURCE_REMOVE;
}

/* A menu item's action runs after the menu has closed, in the same click:
 * the row it was for is forgotten only after that. */
static void
library_popover_closed_cb (DossierWindow *self)
{
  if (self->menu_target_id != NULL && self->menu_target_idle == 0)
    self->menu_target_idle = g_idle_add (menu_target_idle_cb, self);
}

/**
 * _dossier_window_dup_target_ids:
 *
 * What the library's commands act on: the row the context menu was
 * opened on when it is not selected, else the selected articles (in list
 * order), else the open one.
 *
 * Returns: (transfer full) (element-type utf8): the ids, maybe none
 */
GPtrArray *
_dossier_window_dup_target_ids (DossierWindow *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;
  DossierDocument *open;

  if (self->menu_target_id != NULL)
    {
      g_ptr_array_add (ids, g_strdup (self->menu_target_id));
      return ids;
    }

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      g_ptr_array_add (ids, g_strdup (dossier_document_get_id (document)));
    }
  gtk_bitset_unref (selected);

  open = dossier_reader_page_get_document (self->reader_page);
  if (ids->len == 0 && open != NULL)
    g_ptr_array_add (ids, g_strdup (dossier_document_get_id (open)));
  return ids;
}

void
_dossier_window_popup_library_menu (DossierWindow *self,
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
      g_signal_connect_object (self->library_popover, "closed", G_CALLBACK (library_popover_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  _dossier_window_update_state (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->library_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->library_popover));
}

/**
 * _dossier_window_set_menu_target:
 * @row: (nullable): the row the library's context menu is opened on
 *
 * The menu acts on @row alone when it is not selected (and marks it while
 * the menu is up), else on the selection.
 */
void
_dossier_window_set_menu_target (DossierWindow      *self,
                                 DossierDocumentRow *row)
{
  clear_menu_target (self);
  if (row != NULL && dossier_document_row_get_document (row) != NULL)
    {
      DossierDocument *document = dossier_document_row_get_document (row);
      guint position = find_position (self, dossier_document_get_id (document));

      if (position != GTK_INVALID_LIST_POSITION &&
          !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
        {
          self->menu_target_id = g_strdup (dossier_document_get_id (document));
          /* The list's own row widget, which draws the selection too. */
          self->menu_target_row = gtk_widget_get_parent (GTK_WIDGET (row));
          g_object_add_weak_pointer (G_OBJECT (self->menu_target_row), (gpointer *) &self->menu_target_row);
          gtk_widget_add_css_class (self->menu_target_row, "menu-target");
        }
    }
}

/* Right click shows the menu and nothing else: on a selected row it acts
 * on the selection, on another row on that row alone, which is marked
 * while the menu is up (opening it would replace the article being read
 * and undo a selection made for Compare). */
static void
list_right_click_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     DossierWindow   *self)
{
  _dossier_window_set_menu_target (self, row_at (self, x, y));
  _dossier_window_popup_library_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
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

/* Dragging a row: its article, or all the selected ones when it is
 * selected, as ids (a GtkStringList, which text fields do not take), for
 * the collections pane. */
static GdkContentProvider *
row_drag_prepare_cb (GtkDragSource *source,
                     double         x,
                     double         y,
                     DossierWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (row));
  g_autoptr(GtkStringList) ids = gtk_string_list_new (NULL);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;

  if (document == NULL || dossier_document_get_id (document) == NULL)
    return NULL;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DossierDocument) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      gtk_string_list_append (ids, dossier_document_get_id (item));
    }
  gtk_bitset_unref (selected);

  /* A row outside the selection goes alone. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ids)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (ids, i), dossier_document_get_id (document)) == 0)
      return gdk_content_provider_new_typed (GTK_TYPE_STRING_LIST, ids);
  g_clear_object (&ids);
  ids = gtk_string_list_new (NULL);
  gtk_string_list_append (ids, dossier_document_get_id (document));
  return gdk_content_provider_new_typed (GTK_TYPE_STRING_LIST, ids);
}

static void
row_drag_begin_cb (GtkDragSource *source,
                   GdkDrag       *drag,
                   DossierWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DossierWindow            *self)
{
  GtkWidget *row = dossier_document_row_new ();
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (row_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (row_drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  gtk_list_item_set_child (item, row);
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

/* How many articles the library's commands act on (see
 * _dossier_window_dup_target_ids()). */
guint
_dossier_window_count_selected (DossierWindow *self)
{
  GtkBitset *selected;
  guint n;

  if (self->menu_target_id != NULL)
    return 1;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
  gtk_bitset_unref (selected);
  return n;
}

/* The articles the library's commands act on, loaded in full from the
 * store (the list holds only their headers). */
GListStore *
_dossier_window_load_selected (DossierWindow  *self,
                               GError        **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  g_autoptr(GPtrArray) ids = NULL;

  if (self->library == NULL)
    return NULL;

  ids = _dossier_window_dup_target_ids (self);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DossierDocument) full = dossier_library_load (self->library, ids->pdata[i], error);

      if (full == NULL)
        return NULL;
      g_list_store_append (store, full);
    }
  return g_steal_pointer (&store);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

typedef struct
{
  DossierWindow *self;
  char *name;        /* file name or web address, for messages */
  gboolean web;

  /* A web download has its own downloader, and every import its own
   * GCancellable, so that a row shows its own progress (a download's, or
   * a long PDF's pages) and its Cancel stops only it. */
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

/* A row with @text over a progress bar, and a Cancel button. */
static void
progress_add_row (ImportData *data,
                  const char *text,
                  const char *tooltip,
                  const char *cancel_tooltip,
                  const char *cancel_label)
{
  DossierWindow *self = data->self;
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
  gtk_widget_set_tooltip_text (label, tooltip);
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
  gtk_widget_set_tooltip_text (button, cancel_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cancel_label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (download_cancel_clicked_cb), data);
  gtk_box_append (GTK_BOX (data->row), button);

  gtk_box_append (self->downloads_box, data->row);
  self->downloads = g_list_append (self->downloads, data);
  gtk_revealer_set_reveal_child (self->downloads_revealer, TRUE);
}

static void
download_add_row (ImportData *data,
                  const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *host = parsed != NULL && g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : uri;
  g_autofree char *text = g_strdup_printf (_("Downloading %s…"), host);
  g_autofree char *cancel_label = g_strdup_printf (_("Cancel Download of %s"), host);

  progress_add_row (data, text, uri, _("Cancel Download"), cancel_label);
  g_signal_connect (data->fetch, "notify::progress", G_CALLBACK (download_progress_cb), data);
}

/* A paginated file this long (a report, not an article) gets a row with
 * its progress and a Cancel button; a short one is in the library before
 * a row would be read. Decided by pages, not time, so it is the same on
 * every machine. */
#define LONG_IMPORT_PAGES 20

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportData *data = user_data;

  if (data->row == NULL && total >= LONG_IMPORT_PAGES)
    {
      g_autofree char *text = g_strdup_printf (_("Importing %s…"), data->name);
      g_autofree char *cancel_label = g_strdup_printf (_("Cancel Import of %s"), data->name);

      progress_add_row (data, text, data->name, _("Cancel Import"), cancel_label);
    }
  if (data->bar != NULL && total > 0)
    {
      g_autofree char *pages = g_strdup_printf (_("Page %u of %u"), done, total);

      gtk_progress_bar_set_fraction (data->bar, (double) done / total);
      gtk_widget_set_tooltip_text (GTK_WIDGET (data->bar), pages);
    }
}

static void
start_file_import (DossierWindow *self,
                   ImportData    *data,
                   GFile         *file)
{
  data->cancellable = g_cancellable_new ();
  data->cancel_id = g_cancellable_connect (self->cancellable, G_CALLBACK (window_cancelled_cb), data, NULL);
  dossier_import_file_progress_async (file, DOSSIER_IMPORT_FORMAT_AUTO, data->cancellable,
                                      import_progress_cb, data, import_ready_cb, data);
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

void
_dossier_window_import_finished (DossierWindow *self)
{
  if (self->pending_imports > 0)
    return;

  if (self->imported == 1 && self->last_imported_id != NULL)
    {
      g_autofree char *id = g_strdup (self->last_imported_id);

      if (dossier_window_open_document (self, id))
        {
          DossierDocument *document = dossier_reader_page_get_document (self->reader_page);
          g_autofree char *message = g_strdup_printf (_("Imported “%s”"), dossier_document_get_title (document) ?: "");

          /* A long title is in full in the reader, right under the toast. */
          _dossier_window_toast_message (self, g_utf8_strlen (message, -1) <= DOSSIER_TOAST_MAX_CHARS ? message : _("Article imported"),
                                         NULL, NULL, NULL);
        }
    }
  else if (self->imported > 1)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u article", "Imported %u articles", self->imported),
                         self->imported);
      _dossier_window_toast_printf (self, "%s", message);
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
  /* Cancel pressed after the import's last check, while its result was
   * on its way here: nothing is added, as the user asked. */
  if (data->user_cancelled && document != NULL)
    {
      g_clear_object (&document);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import cancelled"));
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (!data->user_cancelled || self->toast_overlay == NULL))
    {
      /* The window is closing. */
      import_data_free (data);
      return;
    }

  self->pending_imports--;
  download_remove_row (data);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      dossier_window_add_toast (self, adw_toast_new (data->web ? _("Download cancelled") : _("Import cancelled")));
      _dossier_window_import_finished (self);
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
    {
      /* The store's message names the article already there; said once. */
      g_autofree char *details = g_strdup_printf (_("“%s” was not imported: %s."), name, error->message);

      _dossier_window_toast_message (self, error->message, _("Already in the library"),
                                     _("Already in the Library"), details);
    }
  else if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);
      g_autofree char *short_message = g_strdup_printf (_("Could not import “%s”"), name);

      _dossier_window_toast_message (self, message, short_message, _("Could Not Import"), NULL);
    }

  _dossier_window_import_finished (self);
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

  if (self->library == NULL || n_files == 0)
    return;
  if (dossier_library_is_read_only (self->library))
    {
      dossier_window_add_toast (self, adw_toast_new (_("The library is read-only: nothing was imported")));
      return;
    }

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
      else if (_dossier_window_import_references (self, files[i]))
        {
          /* A reference manager's export: each entry is imported. */
          self->pending_imports--;
          import_data_free (data);
        }
      else
        {
          data->name = g_file_get_basename (files[i]);
          start_file_import (self, data, files[i]);
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

  if (self->library == NULL || dossier_library_is_read_only (self->library))
    return;

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (uri);
  self->pending_imports++;
  /* The row in the sidebar shows the download, with its progress. */
  start_web_import (self, data, uri);
}

guint
dossier_window_get_n_pending_imports (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);
  return self->pending_imports;
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
/* The Trash                                                                */

/* Empty Trash… only when there is something in it, articles or
 * collections (the collections pane shows how much). */
static void
trash_changed_cb (DossierWindow *self)
{
  /* The page has seen the change already: it connected first. */
  gboolean something = self->library != NULL && !dossier_trash_page_get_empty (self->trash_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.empty-trash",
                                 something && !dossier_library_is_read_only (self->library));
}

void
_dossier_window_trash_changed (DossierWindow *self)
{
  trash_changed_cb (self);
}

/* ------------------------------------------------------------------------ */
/* Another program's changes                                                */

static gboolean
refresh_timeout_cb (gpointer data)
{
  DossierWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->refresh_timeout = 0;
  if (self->library == NULL || dossier_library_refresh (self->library, &error))
    {
      self->refresh_retries = 0;
      return G_SOURCE_REMOVE;
    }

  /* Caught in the middle of another program's write, say: try again a
   * little later, a few times; the next change or visit to the window
   * tries again anyway. Not a warning: nothing is lost, the list waits. */
  g_debug ("Could not reread the library: %s", error->message);
  if (self->refresh_retries++ < 5)
    self->refresh_timeout = g_timeout_add (1000, refresh_timeout_cb, self);
  return G_SOURCE_REMOVE;
}

/* A write to the database or its log, by this window (which the refresh
 * finds unchanged at once) or by another program, such as dossier-cli
 * library add: the list follows a moment later. */
static void
library_file_changed_cb (DossierWindow *self)
{
  if (self->refresh_timeout != 0)
    return;
  refresh_timeout_cb (self);
}

static void
unwatch_library (DossierWindow *self)
{
  g_clear_handle_id (&self->refresh_timeout, g_source_remove);
  g_clear_object (&self->library_monitor);
}

static void
watch_library (DossierWindow *self)
{
  const char *path = self->library != NULL ? dossier_library_get_path (self->library) : NULL;

  unwatch_library (self);
  if (path == NULL)
    return;
  self->library_monitor = dossier_library_monitor_new (path);
  g_signal_connect_object (self->library_monitor, "changed",
                           G_CALLBACK (library_file_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* The library                                                              */

/* Called by set_library() when the window's library changes. */
void
_dossier_window_library_changed (DossierWindow  *self,
                                 DossierLibrary *old_library)
{
  gboolean read_only = self->library != NULL && dossier_library_is_read_only (self->library);

  if (old_library != NULL)
    g_signal_handlers_disconnect_by_func (dossier_library_get_trash (old_library), trash_changed_cb, self);
  dossier_trash_page_set_library (self->trash_page, self->library);
  if (self->library != NULL)
    g_signal_connect_object (dossier_library_get_trash (self->library), "items-changed",
                             G_CALLBACK (trash_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-trash", self->library != NULL);
  trash_changed_cb (self);
  gtk_info_bar_set_revealed (self->read_only_bar, read_only);
  watch_library (self);
}

void
_dossier_window_library_dispose (DossierWindow *self)
{
  clear_menu_target (self);
  unwatch_library (self);
}

/* ------------------------------------------------------------------------ */
/* Construction and teardown (called from dossier-window.c)                   */

void
_dossier_window_library_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

void
_dossier_window_library_init (DossierWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  GtkEventController *keys;

  /* documents → search filter → sort → selection */
  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (sort_documents, self, NULL);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (self->sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  /* After the selection model's own handler, which forgets the rows. */
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (sort_items_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete in the list moves the selected articles to the Trash (with undo). */
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
    self->collection_menu = g_menu_new ();
    g_menu_append (section, _("_Edit Details…"), "win.edit-metadata");
    g_menu_append (section, _("Copy _Citation"), "win.copy-citation");
    g_menu_append (section, _("Copy as _BibTeX"), "win.copy-bibtex");
    g_menu_append (section, _("Copy as CSL-_JSON"), "win.copy-csl-json");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
    /* Add to Collection (filled by dossier-window-collections.c), and
     * Remove from Collection while a collection shows. */
    section = g_menu_new ();
    g_menu_append_submenu (section, _("Add to Co_llection"), G_MENU_MODEL (self->collection_menu));
    {
      g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove from Collection"), "win.remove-from-collection");

      g_menu_item_set_attribute (remove, "hidden-when", "s", "action-disabled");
      g_menu_append_item (section, remove);
    }
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
    section = g_menu_new ();
    g_menu_append (section, _("C_ompare"), "win.compare");
    g_menu_append (section, _("Perspectives _Matrix"), "win.matrix");
    g_menu_append (section, _("Insert _Perspectives in Memo"), "win.insert-perspectives");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);
    section = g_menu_new ();
    g_menu_append (section, _("_Move to Trash"), "win.delete-document");
    g_menu_append_section (self->library_menu, NULL, G_MENU_MODEL (section));
    g_object_unref (section);

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (list_right_click_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }

  /* Capture phase: before the row's own gesture selects it and claims the click. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "released", G_CALLBACK (list_click_released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_dossier_window_dispose_downloads (DossierWindow *self)
{
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
}

/* On unrealize: see dossier_window_unrealize(). */
void
_dossier_window_cancel_downloads (DossierWindow *self)
{
  for (GList *l = self->downloads; l != NULL; l = l->next)
    {
      ImportData *data = l->data;

      data->user_cancelled = FALSE;
      g_cancellable_cancel (data->cancellable);
    }
}
