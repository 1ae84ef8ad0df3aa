/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-collections"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-collections-sidebar.h"
#include "dossier-compare-page.h"
#include "dossier-reader-page.h"
#include "dossier-trash-page.h"
#include "dossier-window.h"
#include "widgets/dossier-document-row.h"
#include "comparison/dossier-comparison.h"
#include "store/dossier-library-collections.h"

/*
 * The views and collections pane: All Articles, Recently Added, Unread,
 * the Trash and the collections; the article list shows the chosen view
 * (and the search narrows it); the view and whether the pane shows are
 * remembered; folded at 700 px, every pane has a way back. Runs under
 * Xvfb with a memory GSettings backend and a temporary XDG_DATA_HOME and
 * XDG_STATE_HOME (set in main()). With DOSSIER_SCREENSHOT_DIR set, it saves the pane at
 * 1400 and 700 px, named after $LANGUAGE (run it with LANGUAGE=ko too).
 */

#define HANGUL_COLLECTION "한반도 정책 브리핑"

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;
static char *localedir;
static char *ids[3];
static gint64 brief_id;

static const char * const titles[] = {
  "Fisheries Enforcement in the North Atlantic",
  "Grain Corridors After the Ceasefire",
  "Port Access and the Insurance Gap",
};

static DossierDocument *
make_article (guint i)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new (i == 0 ? "Ingrid Solberg" : i == 1 ? "Kofi Mensah" : "Lena Varga");
  g_autofree char *url = g_strdup_printf ("https://example.org/collections-test/%u", i);

  dossier_document_set_title (document, titles[i]);
  dossier_document_set_publisher (document, "Institute for Testing");
  dossier_document_set_published (document, i == 0 ? "2025-01-10" : i == 1 ? "2025-02-20" : "2025-03-30");
  dossier_document_set_source_url (document, url);
  dossier_document_add_author (document, author);
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraph %u of “%s”: inspectors, insurers and port "
                                               "authorities each hold part of the answer.", p + 1, titles[i]);
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

      dossier_document_add_paragraph (document, paragraph);
    }
  return document;
}

static GListModel *
shown (void)
{
  return G_LIST_MODEL (dossier_window_get_selection (window));
}

static DossierCollectionsSidebar *
sidebar (void)
{
  return dossier_window_get_collections_sidebar (window);
}

static gboolean
is_shown (const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_id (document), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Runs the main loop until @done holds, for at most ten seconds. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
n_shown_is (gpointer data)
{
  return g_list_model_get_n_items (shown ()) == GPOINTER_TO_UINT (data);
}

/* The search entry reports a change after a pause. */
static void
search_for (const char *text,
            guint       n_expected)
{
  gtk_editable_set_text (GTK_EDITABLE (dossier_window_get_search_entry (window)), text);
  if (!wait_for (n_shown_is, GUINT_TO_POINTER (n_expected)))
    g_error ("The search “%s” shows %u articles, not %u", text, g_list_model_get_n_items (shown ()), n_expected);
  dossier_test_gui_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, n_expected);
}

static GtkWidget *
leaflet (void)
{
  GtkWidget *overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *child = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

  g_assert_true (ADW_IS_LEAFLET (child));
  return child;
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet ())) == GPOINTER_TO_INT (data);
}

static gboolean
visible_child_is (gpointer data)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet ())) == data;
}

/* The leaflet's pane that holds the article list. */
static GtkWidget *
list_pane (void)
{
  GtkWidget *pane = dossier_window_get_search_entry (window);

  while (gtk_widget_get_parent (pane) != leaflet ())
    pane = gtk_widget_get_parent (pane);
  return pane;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
list_stack_page (void)
{
  GtkWidget *pane = list_pane ();

  for (GtkWidget *child = gtk_widget_get_first_child (pane); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_STACK (child))
      return gtk_stack_get_visible_child_name (GTK_STACK (child));
  g_assert_not_reached ();
}

static GtkListBoxRow *
row_for_view (const char *view)
{
  GtkListBox *list = dossier_collections_sidebar_get_list (sidebar ());
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "dossier-view"), view) == 0)
      return row;
  return NULL;
}

/* Chooses a view as a click on its row does. */
static void
choose_view (const char *view)
{
  GtkListBoxRow *row = row_for_view (view);

  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  dossier_test_gui_spin (20);
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, view);
}

static char *
collection_view (gint64 id)
{
  return g_strdup_printf (DOSSIER_VIEW_COLLECTION_PREFIX "%" G_GINT64_FORMAT, id);
}

static void
present_window (int width)
{
  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 820);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (is_folded, GINT_TO_POINTER (width < 1000)));
  dossier_test_gui_spin (50);
}

static void
close_window (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
  window = NULL;
}

static void
test_setup (void)
{
  DossierLibrary *library;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCollection) brief = NULL;
  g_autoptr(DossierCollection) hangul = NULL;

  present_window (1400);
  library = dossier_window_get_library (window);
  g_assert_nonnull (library);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierDocument) document = make_article (i);

      ids[i] = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
    }
  brief = dossier_library_create_collection (library, "Black Sea Shipping", &error);
  g_assert_no_error (error);
  brief_id = dossier_collection_get_id (brief);
  hangul = dossier_library_create_collection (library, HANGUL_COLLECTION, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_add_to_collection (library, brief_id, ids[1], &error));
  g_assert_true (dossier_library_add_to_collection (library, brief_id, ids[2], &error));
  g_assert_no_error (error);

  /* As when another program made them: the pane reads them again. */
  dossier_collections_sidebar_reload (sidebar ());
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
  g_assert_nonnull (row_for_view (DOSSIER_VIEW_ALL));
  g_assert_nonnull (row_for_view (DOSSIER_VIEW_RECENT));
  g_assert_nonnull (row_for_view (DOSSIER_VIEW_UNREAD));
  {
    g_autofree char *view = collection_view (brief_id);

    g_assert_nonnull (row_for_view (view));
  }
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (sidebar ()), HANGUL_COLLECTION));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (sidebar ()), "Black Sea Shipping"));
}

/* Each view lists its articles; the search narrows the view, not the
 * library; an empty view says so. */
static void
test_views (void)
{
  g_autofree char *brief = collection_view (brief_id);
  DossierReaderPage *reader = dossier_window_get_reader_page (window);

  choose_view (DOSSIER_VIEW_UNREAD);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);

  /* Opened: read, though it stays in the list until the view is chosen again. */
  gtk_selection_model_select_item (dossier_window_get_selection (window), 0, TRUE);
  dossier_test_gui_spin (20);
  g_assert_nonnull (dossier_reader_page_get_document (reader));
  {
    const char *opened = dossier_document_get_id (dossier_reader_page_get_document (reader));

    g_assert_true (dossier_library_get_read (dossier_window_get_library (window), opened));
    g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
    choose_view (DOSSIER_VIEW_ALL);
    g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
    choose_view (DOSSIER_VIEW_UNREAD);
    g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);
    g_assert_false (is_shown (opened));
  }

  /* All three were added just now. */
  choose_view (DOSSIER_VIEW_RECENT);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);

  choose_view (brief);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);
  g_assert_false (is_shown (ids[0]));
  g_assert_true (is_shown (ids[1]));
  g_assert_true (is_shown (ids[2]));
  g_assert_cmpstr (list_stack_page (), ==, "list");

  /* The search looks within the collection. */
  search_for ("Fisheries", 0);
  g_assert_cmpstr (list_stack_page (), ==, "no-results");
  search_for ("Grain", 1);
  g_assert_true (is_shown (ids[1]));
  search_for ("", 2);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "collections-1400.png");

  /* A collection with nothing in it yet. */
  {
    g_autoptr(DossierCollection) hangul = dossier_library_find_collection (dossier_window_get_library (window),
                                                                           HANGUL_COLLECTION, NULL);
    g_autofree char *view = collection_view (dossier_collection_get_id (hangul));

    choose_view (view);
    g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 0);
    g_assert_cmpstr (list_stack_page (), ==, "view-empty");
    g_assert_nonnull (dossier_test_gui_find_label (list_pane (), HANGUL_COLLECTION));
  }

  /* Imported while a view shows: a new article is unread and recent. */
  choose_view (DOSSIER_VIEW_UNREAD);
  {
    g_autoptr(DossierDocument) document = dossier_document_new ();
    g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Convoys need insurers who stay.");
    g_autoptr(GError) error = NULL;
    g_autofree char *id = NULL;

    dossier_document_set_title (document, "Insurance Pools for Convoys");
    dossier_document_add_paragraph (document, paragraph);
    id = dossier_library_add (dossier_window_get_library (window), document, &error);
    g_assert_no_error (error);
    dossier_test_gui_spin (20);
    g_assert_true (is_shown (id));
    g_assert_true (dossier_library_remove (dossier_window_get_library (window), id, &error));
    g_assert_no_error (error);
    dossier_test_gui_spin (20);
    g_assert_false (is_shown (id));
  }

  /* The search names the view it searches. */
  {
    GtkWidget *entry = dossier_window_get_search_entry (window);
    g_autofree char *placeholder = NULL;

    choose_view (brief);
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Search “Black Sea Shipping”");
    g_clear_pointer (&placeholder, g_free);
    choose_view (DOSSIER_VIEW_RECENT);
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Search Recently Added");
    g_clear_pointer (&placeholder, g_free);
    choose_view (DOSSIER_VIEW_ALL);
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Search Library");
  }
  choose_view (brief);
}

/* The view and the pane's visibility (F9) outlast the window. */
static void
test_remembered (void)
{
  g_autofree char *brief = collection_view (brief_id);
  GSettings *settings = g_settings_new ("io.github.dossier.Dossier");

  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, brief);
  /* Read again unchanged (as when the window is focused): the same rows,
   * so the keyboard focus in them stays. */
  {
    GtkListBoxRow *before = row_for_view (brief);

    dossier_collections_sidebar_reload (sidebar ());
    g_assert_true (row_for_view (brief) == before);
  }
  close_window ();
  present_window (1400);
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, brief);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  dossier_test_gui_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_false (g_settings_get_boolean (settings, "show-sidebar"));
  /* The list is still the collection's. */
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);
  close_window ();

  present_window (1400);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  dossier_test_gui_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_true (g_settings_get_boolean (settings, "show-sidebar"));

  /* A collection that is gone leaves All Articles. */
  g_assert_true (dossier_library_delete_collection (dossier_window_get_library (window), brief_id, NULL));
  dossier_collections_sidebar_reload (sidebar ());
  dossier_test_gui_spin (20);
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, DOSSIER_VIEW_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
  g_assert_true (dossier_library_restore_collection (dossier_window_get_library (window), brief_id, NULL));
  dossier_collections_sidebar_reload (sidebar ());
  close_window ();
  g_object_unref (settings);
}

/* Folded at 700 px: one pane at a time, and a way back from each. */
static void
test_folded (void)
{
  g_autofree char *brief = collection_view (brief_id);
  GtkStack *stack;

  present_window (700);
  stack = dossier_window_get_content_stack (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-collections", NULL);
  g_assert_true (wait_for (visible_child_is, sidebar ()));
  dossier_test_gui_spin (300);  /* the leaflet's slide, for the picture only */
  dossier_test_gui_screenshot (GTK_WIDGET (window), "collections-700.png");

  /* Choosing a view goes on to its articles ... */
  choose_view (brief);
  g_assert_true (wait_for (visible_child_is, list_pane ()));
  dossier_test_gui_spin (300);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "collection-view-700.png");

  /* ... an article to the reader, and back, level by level. */
  gtk_widget_activate_action (find_list_view (list_pane ()), "list.activate-item", "u", 0);
  g_assert_true (wait_for (visible_child_is, stack));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  g_assert_true (wait_for (visible_child_is, list_pane ()));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-collections", NULL);
  g_assert_true (wait_for (visible_child_is, sidebar ()));

  /* The Trash opens from the pane itself. */
  gtk_widget_activate (GTK_WIDGET (row_for_view (NULL)));
  g_assert_true (wait_for (visible_child_is, stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "trash");
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, brief);

  /* Hidden (F9), the pane is no level to go back to. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-collections", NULL);
  dossier_test_gui_spin (20);
  g_assert_true (visible_child_is (list_pane ()));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  close_window ();
}

static gboolean
dialog_shown (gpointer data)
{
  return dossier_test_gui_find_message_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return dossier_test_gui_find_message_dialog () == NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  g_assert_true (wait_for (dialog_shown, NULL));
  dialog = dossier_test_gui_find_message_dialog ();
  g_test_message ("dialog: %s", adw_message_dialog_get_heading (dialog));
  return dialog;
}

static GtkEditable *
dialog_entry (AdwMessageDialog *dialog)
{
  return GTK_EDITABLE (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog)));
}

static GtkLabel *
dialog_message (AdwMessageDialog *dialog)
{
  return GTK_LABEL (gtk_widget_get_last_child (adw_message_dialog_get_extra_child (dialog)));
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  /* As its button does (the response, then the dialog closes). */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_for (dialog_gone, NULL));
  dossier_test_gui_spin (20);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static DossierTrashPage *
trash_page (void)
{
  return DOSSIER_TRASH_PAGE (gtk_stack_get_child_by_name (dossier_window_get_content_stack (window), "trash"));
}

/* New Collection… refuses an empty name and a taken one (whatever the
 * case) with a message, then shows the new collection; Rename… the same;
 * Delete moves it to the Trash with Undo, and the Trash restores it. */
static void
test_new_rename_delete (void)
{
  DossierLibrary *library;
  AdwMessageDialog *dialog;
  g_autoptr(DossierCollection) created = NULL;
  g_autofree char *view = NULL;
  GtkPopover *menu;
  gint64 id;

  present_window (1400);
  library = dossier_window_get_library (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-collection", NULL);
  dialog = wait_for_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (dialog_entry (dialog), "black sea SHIPPING ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog_message (dialog))));
  g_assert_cmpstr (gtk_label_get_label (dialog_message (dialog)), ==,
                   "There is already a collection named “Black Sea Shipping”");
  dossier_test_gui_spin (200);
  dossier_test_gui_screenshot (GTK_WIDGET (dialog), "new-collection-taken.png");
  gtk_editable_set_text (dialog_entry (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_cmpstr (gtk_label_get_label (dialog_message (dialog)), ==, "A collection needs a name");
  gtk_editable_set_text (dialog_entry (dialog), "Sanctions <Enforcement> & Co");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog_message (dialog))));
  answer (dialog, "save");

  created = dossier_library_find_collection (library, "Sanctions <Enforcement> & Co", NULL);
  g_assert_nonnull (created);
  id = dossier_collection_get_id (created);
  view = collection_view (id);
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, view);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 0);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (sidebar ()), "Sanctions <Enforcement> & Co"));

  /* Its context menu holds Rename… and Delete. */
  menu = dossier_collections_sidebar_popup_menu (sidebar (), view);
  g_assert_nonnull (menu);
  dossier_test_gui_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Rename…"));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Delete"));
  gtk_popover_popdown (menu);

  /* Rename: its own name in another case is fine, another's is not. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-collection", "x", id);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog)), ==, "Sanctions <Enforcement> & Co");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (dialog_entry (dialog), HANGUL_COLLECTION);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (dialog_entry (dialog), "SANCTIONS <enforcement> & co");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (dialog_entry (dialog), "대북 제재 이행");
  answer (dialog, "save");
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (sidebar ()), "대북 제재 이행"));
  g_assert_null (dossier_test_gui_find_label (GTK_WIDGET (sidebar ()), "Sanctions <Enforcement> & Co"));
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, view);

  /* Delete: to the Trash with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-collection", "x", id);
  dossier_test_gui_spin (20);
  g_assert_null (row_for_view (view));
  g_assert_cmpstr (dossier_collections_sidebar_get_view (sidebar ()), ==, DOSSIER_VIEW_ALL);
  g_assert_cmpuint (n_rows (dossier_trash_page_get_collections_list (trash_page ())), ==, 1);
  g_assert_false (dossier_trash_page_get_empty (trash_page ()));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_gui_spin (20);
  g_assert_nonnull (row_for_view (view));
  g_assert_cmpuint (n_rows (dossier_trash_page_get_collections_list (trash_page ())), ==, 0);

  /* Deleted again, it comes back from the Trash view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-collection", "x", id);
  gtk_widget_activate (GTK_WIDGET (row_for_view (NULL)));
  dossier_test_gui_spin (300);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (trash_page ()), "대북 제재 이행"));
  dossier_test_gui_screenshot (GTK_WIDGET (window), "collections-trash.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-collection", "x", id);
  dossier_test_gui_spin (20);
  g_assert_nonnull (row_for_view (view));
  g_assert_cmpuint (n_rows (dossier_trash_page_get_collections_list (trash_page ())), ==, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (GTK_WIDGET (trash_page ()))));
  close_window ();
}

static GtkWidget *
find_row_widget (GtkWidget  *widget,
                 const char *id)
{
  if (DOSSIER_IS_DOCUMENT_ROW (widget))
    {
      DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (widget));

      return document != NULL && g_strcmp0 (dossier_document_get_id (document), id) == 0 ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

static guint
n_in_collection (gint64 id)
{
  g_autoptr(GListModel) documents = dossier_library_list_collection_documents (dossier_window_get_library (window), id, NULL);

  return documents != NULL ? g_list_model_get_n_items (documents) : 0;
}

static void
select_only (const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_id (document), id) == 0)
        {
          gtk_selection_model_select_item (dossier_window_get_selection (window), i, TRUE);
          dossier_test_gui_spin (20);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Drags the row of @id onto the row of @view as a pointer would: what the
 * row's drag source offers, given to the collection row's drop target. */
static guint
drag_to (const char *id,
         const char *view)
{
  GtkWidget *row = find_row_widget (GTK_WIDGET (window), id);
  GtkEventController *source;
  GtkEventController *target;
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean dropped = FALSE;
  guint n;

  g_assert_nonnull (row);
  source = find_controller (row, GTK_TYPE_DRAG_SOURCE);
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, GTK_TYPE_STRING_LIST);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (g_value_get_object (&value)));

  target = find_controller (GTK_WIDGET (dossier_collections_sidebar_get_row (sidebar (), view)), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", &value, 4.0, 4.0, &dropped);
  g_assert_true (dropped);
  dossier_test_gui_spin (20);
  return n;
}

/* The first submenu of @model's sections, and its items' labels. */
static GMenuModel *
find_submenu (GMenuModel *model,
              const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (submenu != NULL && g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        return g_steal_pointer (&submenu);
      if (section != NULL)
        {
          GMenuModel *found = find_submenu (section, label);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        return TRUE;
      if (section != NULL && menu_has_label (section, label))
        return TRUE;
    }
  return FALSE;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Add to Collection from the list's and the reader's menus, New
 * Collection… there, drag and drop onto a collection, and Remove from
 * Collection while one shows; an article may be in several. */
static void
test_add_articles (void)
{
  g_autoptr(GMenuModel) submenu = NULL;
  g_autoptr(GMenuModel) reader_submenu = NULL;
  g_autofree char *brief = collection_view (brief_id);
  g_autofree char *hangul_view = NULL;
  g_autoptr(DossierCollection) hangul = NULL;
  DossierReaderPage *reader;
  GtkMenuButton *reader_menu;
  gint64 hangul_id;

  present_window (1400);
  reader = dossier_window_get_reader_page (window);
  hangul = dossier_library_find_collection (dossier_window_get_library (window), HANGUL_COLLECTION, NULL);
  hangul_id = dossier_collection_get_id (hangul);
  hangul_view = collection_view (hangul_id);
  choose_view (DOSSIER_VIEW_ALL);
  g_assert_cmpuint (n_in_collection (brief_id), ==, 2);

  /* The list's menu lists the collections, then New Collection…. */
  submenu = find_submenu (G_MENU_MODEL (dossier_window_get_library_menu (window)), "Add to Co_llection");
  g_assert_nonnull (submenu);
  g_assert_true (menu_has_label (submenu, "Black Sea Shipping"));
  g_assert_true (menu_has_label (submenu, HANGUL_COLLECTION));
  g_assert_true (menu_has_label (submenu, "_New Collection…"));

  select_only (ids[0]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-collection", "x", brief_id);
  dossier_test_gui_spin (20);
  g_assert_cmpuint (n_in_collection (brief_id), ==, 3);

  /* Dragged onto the Hangul collection: in both now. */
  g_assert_cmpuint (drag_to (ids[0], hangul_view), ==, 1);
  g_assert_cmpuint (n_in_collection (hangul_id), ==, 1);
  g_assert_cmpuint (n_in_collection (brief_id), ==, 3);
  /* A selection goes together. */
  gtk_selection_model_select_all (dossier_window_get_selection (window));
  dossier_test_gui_spin (20);
  g_assert_cmpuint (drag_to (ids[1], hangul_view), ==, 3);
  g_assert_cmpuint (n_in_collection (hangul_id), ==, 3);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (dossier_collections_sidebar_get_row (sidebar (), hangul_view)),
                                                 "3"));

  /* Remove from Collection only while one shows. */
  select_only (ids[2]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-from-collection", NULL);
  dossier_test_gui_spin (20);
  g_assert_cmpuint (n_in_collection (hangul_id), ==, 3);
  choose_view (hangul_view);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 3);
  select_only (ids[2]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-from-collection", NULL);
  dossier_test_gui_spin (20);
  g_assert_cmpuint (n_in_collection (hangul_id), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown ()), ==, 2);
  g_assert_false (is_shown (ids[2]));
  g_assert_nonnull (dossier_library_get_document (dossier_window_get_library (window), ids[2]));

  /* The reader's menu: the open article. */
  reader_menu = find_menu_button (GTK_WIDGET (dossier_reader_page_get_header_bar (reader)));
  g_assert_nonnull (reader_menu);
  reader_submenu = find_submenu (gtk_menu_button_get_menu_model (reader_menu), "Add to Co_llection");
  g_assert_nonnull (reader_submenu);
  g_assert_true (menu_has_label (reader_submenu, HANGUL_COLLECTION));
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (reader_menu), "_Remove from Collection"));
  choose_view (DOSSIER_VIEW_ALL);
  select_only (ids[2]);
  g_assert_cmpstr (dossier_document_get_id (dossier_reader_page_get_document (reader)), ==, ids[2]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-open-to-collection", "x", hangul_id);
  dossier_test_gui_spin (20);
  g_assert_cmpuint (n_in_collection (hangul_id), ==, 3);

  /* New Collection… from the submenu takes the articles along. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-open-to-new-collection", NULL);
  {
    AdwMessageDialog *dialog = wait_for_dialog ();
    g_autoptr(DossierCollection) created = NULL;

    gtk_editable_set_text (dialog_entry (dialog), "Port Insurance");
    answer (dialog, "save");
    created = dossier_library_find_collection (dossier_window_get_library (window), "Port Insurance", NULL);
    g_assert_nonnull (created);
    g_assert_cmpuint (n_in_collection (dossier_collection_get_id (created)), ==, 1);
    g_assert_true (menu_has_label (submenu, "Port Insurance"));
    g_assert_true (dossier_library_delete_collection (dossier_window_get_library (window),
                                                      dossier_collection_get_id (created), NULL));
  }
  close_window ();
}

static gboolean
memo_saved (gpointer data)
{
  return dossier_window_get_memo_file (window) != NULL && dossier_window_get_n_pending_saves (window) == 0;
}

static gboolean
page_shown (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), data) == 0;
}

static GtkListBox *
items_list (void)
{
  GtkWidget *list = NULL;
  GtkWidget *label = GTK_WIDGET (dossier_test_gui_find_label (list_pane (), "Memos and Comparisons"));

  g_assert_nonnull (label);
  for (GtkWidget *sibling = gtk_widget_get_next_sibling (label); sibling != NULL && list == NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    list = gtk_widget_get_first_child (gtk_widget_get_first_child (sibling));
  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

/* A collection's memos and comparisons: added from the open one (the
 * collection's context menu), listed above its articles, opened with a
 * click, taken out again; and the search honours tag: and collection:. */
static void
test_collection_items (void)
{
  g_autofree char *brief = collection_view (brief_id);
  g_autofree char *memo_path = g_build_filename (data_home, "Corridor brief.dossier-memo", NULL);
  g_autofree char *comparison_path = g_build_filename (data_home, "Corridors vs ports.dossier-comparison", NULL);
  g_autoptr(GFile) memo_file = g_file_new_for_path (memo_path);
  g_autoptr(GFile) comparison_file = g_file_new_for_path (comparison_path);
  DossierLibrary *library;
  GtkStack *stack;
  g_autoptr(GError) error = NULL;

  present_window (1400);
  library = dossier_window_get_library (window);
  stack = dossier_window_get_content_stack (window);
  /* As the setup left it: the second and third articles. */
  g_assert_true (dossier_library_remove_from_collection (library, brief_id, ids[0], &error));
  g_assert_no_error (error);

  /* A memo saved to a file, then added. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-memo", "s", "policy-brief");
  g_assert_true (wait_for (page_shown, (gpointer) "memo"));
  dossier_window_save_memo_to (window, memo_file);
  g_assert_true (wait_for (memo_saved, NULL));
  dossier_test_gui_spin (20);
  {
    GtkPopover *menu = dossier_collections_sidebar_popup_menu (sidebar (), brief);

    dossier_test_gui_spin (50);
    g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Add Current Memo"));
    g_assert_null (dossier_test_gui_find_label (GTK_WIDGET (menu), "Add Current Comparison"));
    gtk_popover_popdown (menu);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-memo-to-collection", "x", brief_id);
  dossier_test_gui_spin (20);

  /* A saved comparison, opened from its file, then added. */
  {
    g_autoptr(DossierDocument) left = dossier_library_load (library, ids[1], &error);
    g_autoptr(DossierDocument) right = dossier_library_load (library, ids[2], &error);
    g_autoptr(DossierComparison) comparison = NULL;

    g_assert_no_error (error);
    comparison = dossier_comparison_new (left, right);
    g_assert_true (dossier_comparison_save (comparison, comparison_file, NULL, &error));
    g_assert_no_error (error);
  }
  dossier_window_open_comparison (window, comparison_file);
  g_assert_true (wait_for (page_shown, (gpointer) "compare"));
  dossier_test_gui_spin (20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-comparison-to-collection", "x", brief_id);
  dossier_test_gui_spin (20);
  {
    g_auto(GStrv) memos = dossier_library_dup_collection_items (library, brief_id, DOSSIER_COLLECTION_ITEM_MEMO, NULL);
    g_auto(GStrv) comparisons = dossier_library_dup_collection_items (library, brief_id,
                                                                      DOSSIER_COLLECTION_ITEM_COMPARISON, NULL);

    g_assert_cmpuint (g_strv_length (memos), ==, 1);
    g_assert_cmpuint (g_strv_length (comparisons), ==, 1);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (20);

  /* Listed above the collection's articles, and only there. */
  choose_view (DOSSIER_VIEW_ALL);
  g_assert_null (dossier_test_gui_find_label (list_pane (), "Corridor brief.dossier-memo"));
  choose_view (brief);
  g_assert_nonnull (dossier_test_gui_find_label (list_pane (), "Corridor brief.dossier-memo"));
  g_assert_nonnull (dossier_test_gui_find_label (list_pane (), "Corridors vs ports.dossier-comparison"));
  g_assert_cmpuint (n_rows (items_list ()), ==, 2);
  dossier_test_gui_spin (200);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "collection-view-1400.png");

  /* A click opens the comparison again. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (items_list (), 1)));
  g_assert_true (wait_for (page_shown, (gpointer) "compare"));
  g_assert_true (g_file_equal (comparison_file, g_object_get_data (G_OBJECT (gtk_stack_get_visible_child (stack)),
                                                                   "dossier-file")));

  /* Taken out of the collection: the file stays. */
  {
    g_autofree char *uri = g_file_get_uri (comparison_file);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-collection-item", "(xs)", brief_id, uri);
    dossier_test_gui_spin (20);
    g_assert_cmpuint (n_rows (items_list ()), ==, 1);
    g_assert_true (g_file_query_exists (comparison_file, NULL));
  }

  /* tag: and collection: in the search, within the view. */
  g_assert_true (dossier_library_add_tag (library, ids[1], "grain", &error));
  g_assert_no_error (error);
  search_for ("tag:grain", 1);
  g_assert_true (is_shown (ids[1]));
  search_for ("", 2);
  choose_view (DOSSIER_VIEW_ALL);
  search_for ("collection:\"Black Sea Shipping\"", 2);
  g_assert_false (is_shown (ids[0]));
  search_for ("collection:\"Black Sea Shipping\" ceasefire", 1);
  g_assert_true (is_shown (ids[1]));
  search_for ("collection:\"Black Sea Shipping\" fisheries", 0);
  search_for ("", 3);

  /* A comparison not saved yet: the item is there (it was hidden), and
   * saves it first (the file chooser's answer given here), then adds the
   * file. */
  {
    g_autofree char *unsaved_path = g_build_filename (data_home, "Fisheries vs grain.dossier-comparison", NULL);
    g_autoptr(GFile) unsaved_file = g_file_new_for_path (unsaved_path);
    g_autoptr(DossierDocument) left = dossier_library_load (library, ids[0], &error);
    g_autoptr(DossierDocument) right = dossier_library_load (library, ids[1], &error);
    g_auto(GStrv) comparisons = NULL;
    GtkPopover *menu;

    g_assert_no_error (error);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
    dossier_window_compare (window, left, right);
    g_assert_true (wait_for (page_shown, (gpointer) "compare"));
    dossier_test_gui_spin (20);
    menu = dossier_collections_sidebar_popup_menu (sidebar (), brief);
    dossier_test_gui_spin (50);
    g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Add Current Comparison"));
    gtk_popover_popdown (menu);
    dossier_window_save_comparison_to_collection (window, brief_id, unsaved_file);
    dossier_test_gui_spin (20);
    g_assert_true (g_file_query_exists (unsaved_file, NULL));
    comparisons = dossier_library_dup_collection_items (library, brief_id, DOSSIER_COLLECTION_ITEM_COMPARISON, NULL);
    g_assert_cmpuint (g_strv_length (comparisons), ==, 1);
    {
      g_autofree char *uri = g_file_get_uri (unsaved_file);

      g_assert_cmpstr (comparisons[0], ==, uri);
    }
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-memo", NULL);
  dossier_test_gui_spin (50);
  close_window ();
}

static gboolean
matrix_shown (gpointer data)
{
  return !dossier_window_get_matrix_busy (window) && page_shown ((gpointer) "matrix");
}

/* What each of the leaflet's panes asks for, in the test log. */
static void
log_min_widths (const char *when)
{
  for (GtkWidget *child = gtk_widget_get_first_child (leaflet ()); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (gtk_widget_get_visible (child))
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("%s: %s asks for %d px", when, G_OBJECT_TYPE_NAME (child), min);
    }
}

/* Opening the memo or the matrix at the default width (1,100 px, the
 * schema's window-width) keeps the three panes side by side; at 800 px the
 * window is folded already and shows the page; at 960 px the panes fit
 * until the memo's buttons widen the headers, and the window folds as the
 * page opens. None may draw a page without an allocation (GTK warns, and
 * warnings are fatal here). */
static void
test_page_widths (void)
{
  static const int widths[] = { 1100, 960, 800 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      /* (About 950 px holds the three panes.) */
      gboolean folded = widths[w] < 900;
      gboolean may_fold = widths[w] < 1000;
      GtkStack *stack;

      g_test_message ("window width %d", widths[w]);
      window = dossier_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 820);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (wait_for (is_folded, GINT_TO_POINTER (folded)));
      dossier_test_gui_spin (50);
      stack = dossier_window_get_content_stack (window);
      choose_view (DOSSIER_VIEW_ALL);

      gtk_widget_activate_action (find_list_view (list_pane ()), "list.activate-item", "u", 0);
      g_assert_true (wait_for (page_shown, (gpointer) "reader"));
      dossier_test_gui_spin (100);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-memo", "s", "policy-brief");
      g_assert_true (wait_for (page_shown, (gpointer) "memo"));
      dossier_test_gui_spin (300);
      log_min_widths ("memo");
      if (widths[w] == 1100)
        dossier_test_gui_screenshot (GTK_WIDGET (window), "memo-1100.png");
      g_assert_true (may_fold || is_folded (GINT_TO_POINTER (folded)));
      g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet ())) == GTK_WIDGET (stack));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stack)), >, 0);

      gtk_selection_model_select_all (dossier_window_get_selection (window));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix", NULL);
      g_assert_true (wait_for (matrix_shown, NULL));
      dossier_test_gui_spin (300);
      log_min_widths ("matrix");
      g_assert_true (may_fold || is_folded (GINT_TO_POINTER (folded)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stack)), >, 0);

      /* Back to the reader, the panes as they were. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close-matrix", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close-memo", NULL);
      dossier_test_gui_spin (300);
      /* (Folded, the headers' back and close buttons widen the panes: a
       * window folded at 960 px stays so until widened.) */
      g_assert_true (may_fold || is_folded (GINT_TO_POINTER (folded)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dossier_window_get_reader_page (window))), >, 0);
      gtk_selection_model_unselect_all (dossier_window_get_selection (window));
      close_window ();
    }
}

/* F9 as the keyboard delivers it: from @focus up to the window, the
 * first shortcut for F9 that takes it. */
static gboolean
press_f9 (GtkWidget *focus)
{
  g_autoptr(GtkShortcutTrigger) f9 = gtk_keyval_trigger_new (GDK_KEY_F9, 0);

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), f9) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* F9 shows or hides the sidebar of what is in front: the views and
 * collections in the library, the terms, sources and names while a
 * comparison is shown (wherever the focus is). */
static void
test_f9 (void)
{
  GtkWidget *list;
  DossierComparePage *compare;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) left = NULL;
  g_autoptr(DossierDocument) right = NULL;
  gboolean terms;

  present_window (1400);
  list = find_list_view (list_pane ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_true (press_f9 (list));
  dossier_test_gui_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_true (press_f9 (list));
  dossier_test_gui_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));

  left = dossier_library_load (dossier_window_get_library (window), ids[0], &error);
  g_assert_no_error (error);
  right = dossier_library_load (dossier_window_get_library (window), ids[1], &error);
  g_assert_no_error (error);
  dossier_window_compare (window, left, right);
  g_assert_true (wait_for (page_shown, (gpointer) "compare"));
  dossier_test_gui_spin (20);
  compare = DOSSIER_COMPARE_PAGE (gtk_stack_get_visible_child (dossier_window_get_content_stack (window)));
  terms = dossier_compare_page_get_show_terms (compare);

  /* From the article list beside it, and from within the page. */
  g_assert_true (press_f9 (list));
  dossier_test_gui_spin (20);
  g_assert_cmpint (dossier_compare_page_get_show_terms (compare), ==, !terms);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_true (press_f9 (GTK_WIDGET (dossier_compare_page_get_list (compare, TRUE))));
  dossier_test_gui_spin (20);
  g_assert_cmpint (dossier_compare_page_get_show_terms (compare), ==, terms);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));

  /* Back in the library, F9 is the views and collections' again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-compare", NULL);
  dossier_test_gui_spin (20);
  g_assert_true (press_f9 (list));
  dossier_test_gui_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar ())));
  g_assert_true (press_f9 (list));
  dossier_test_gui_spin (20);
  close_window ();
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static gboolean
toast_says (gpointer data)
{
  return dossier_test_gui_find_label (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                                      data) != NULL;
}

/* A collection's highlights and notes, as Markdown and HTML, through the
 * function `dossier-cli library collection export` uses; a file that
 * cannot be written says why. */
static void
test_export_notes (void)
{
  g_autofree char *brief = collection_view (brief_id);
  g_autofree char *md_path = g_build_filename (data_home, "Black Sea notes.md", NULL);
  g_autofree char *html_path = g_build_filename (data_home, "Black Sea notes.html", NULL);
  g_autofree char *bad_path = g_build_filename (data_home, "no such folder", "notes.md", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) html = g_file_new_for_path (html_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibrary *library;
  GtkPopover *menu;
  gint64 highlight;

  present_window (1400);
  library = dossier_window_get_library (window);
  highlight = dossier_library_add_highlight (library, ids[1], 0, 0, 9, "Paragraph", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_set_highlight_note (library, highlight, "Check the <corridor> dates & tolls", &error));
  g_assert_no_error (error);

  menu = dossier_collections_sidebar_popup_menu (sidebar (), brief);
  dossier_test_gui_spin (50);
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Export Notes as Markdown…"));
  g_assert_nonnull (dossier_test_gui_find_label (GTK_WIDGET (menu), "Export Notes as HTML…"));
  gtk_popover_popdown (menu);

  dossier_window_export_collection_notes (window, brief_id, DOSSIER_NOTES_EXPORT_MARKDOWN, md);
  g_assert_true (wait_for (file_exists, md));
  g_assert_true (wait_for (toast_says, (gpointer) "Exported the notes of"));
  g_assert_true (g_file_load_contents (md, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Grain Corridors After the Ceasefire"));
  /* (Markdown escapes the note's angle brackets.) */
  g_assert_nonnull (strstr (text, "dates \\& tolls"));
  g_clear_pointer (&text, g_free);

  dossier_window_export_collection_notes (window, brief_id, DOSSIER_NOTES_EXPORT_HTML, html);
  g_assert_true (wait_for (file_exists, html));
  g_assert_true (g_file_load_contents (html, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "&lt;corridor&gt; dates &amp; tolls"));

  dossier_window_export_collection_notes (window, brief_id, DOSSIER_NOTES_EXPORT_MARKDOWN, bad);
  g_assert_true (wait_for (toast_says, (gpointer) "Could not export the notes to"));
  g_assert_false (g_file_query_exists (bad, NULL));
  close_window ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  int status;

  /* Before GLib caches the user directories; memo recovery copies go to
   * XDG_STATE_HOME, kept under the same temporary folder. */
  data_home = g_dir_make_tmp ("dossier-test-collections-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autofree char *state = g_build_filename (data_home, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  /* With LANGUAGE=ko, the build tree's Korean catalogue (for the screenshots). */
  po = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "..", "po", NULL);
  mo = g_build_filename (po, "ko", "LC_MESSAGES", "dossier.mo", NULL);
  if (g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      localedir = g_canonicalize_filename (po, NULL);
      g_setenv ("DOSSIER_LOCALEDIR", localedir, TRUE);
    }
  dossier_application_setup_i18n ();

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/collections/setup", test_setup);
  g_test_add_func ("/dossier/app/collections/views", test_views);
  g_test_add_func ("/dossier/app/collections/remembered", test_remembered);
  g_test_add_func ("/dossier/app/collections/folded", test_folded);
  g_test_add_func ("/dossier/app/collections/new-rename-delete", test_new_rename_delete);
  g_test_add_func ("/dossier/app/collections/add-articles", test_add_articles);
  g_test_add_func ("/dossier/app/collections/items-and-search", test_collection_items);
  g_test_add_func ("/dossier/app/collections/export-notes", test_export_notes);
  g_test_add_func ("/dossier/app/collections/page-widths", test_page_widths);
  g_test_add_func ("/dossier/app/collections/f9", test_f9);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  g_clear_object (&app);
  g_free (localedir);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
