/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-matrix-page"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>

#include "comparison/dossier-matrix.h"
#include "comparison/dossier-text-snapshot.h"
#include "dossier-matrix-page.h"
#include "importers/dossier-import.h"
#include "widgets/dossier-matrix-grid.h"

/*
 * The perspectives matrix page on its own (test-briefs drives it through
 * the window): three fixtures on North Korea policy, a topic renamed in
 * place and kept for the session, a cell's actions (each of its passages)
 * reported as signals, the columns fitting the width, and the topic column
 * and headings staying in view while the rest scrolls. Set
 * DOSSIER_SCREENSHOT_DIR to keep PNGs of the page.
 */

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GListStore *
load_fixtures (void)
{
  const char *names[][2] = {
    { "comparison", "aid-engagement.txt" },
    { "comparison", "aid-pressure.txt" },
    { "html", "drupal.html" },
  };
  GListStore *store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, names[i][0], "data", names[i][1], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

      g_assert_no_error (error);
      g_list_store_append (store, document);
    }
  return store;
}

static DossierMatrix *
compute (GListModel *documents)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_text_snapshot_free);
  g_autoptr(GError) error = NULL;
  DossierMatrix *matrix;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      g_ptr_array_add (snapshots, dossier_text_snapshot_new (document));
    }
  matrix = dossier_matrix_compute ((DossierTextSnapshot * const *) snapshots->pdata, snapshots->len, NULL, &error);
  g_assert_no_error (error);
  return matrix;
}

typedef struct {
  char *id;
  DossierDocument *document;
  guint paragraph;
  guint n_open;
  guint n_memo;
} Received;

static void
open_passage_cb (DossierMatrixPage *page,
                 const char        *id,
                 guint              paragraph,
                 Received          *received)
{
  g_free (received->id);
  received->id = g_strdup (id);
  received->paragraph = paragraph;
  received->n_open++;
}

static void
add_to_memo_cb (DossierMatrixPage *page,
                DossierDocument   *document,
                guint              paragraph,
                Received          *received)
{
  received->document = document;
  received->paragraph = paragraph;
  received->n_memo++;
}

static void
test_page (void)
{
  g_autoptr(GListStore) documents = load_fixtures ();
  DossierMatrix *matrix = compute (G_LIST_MODEL (documents));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DossierMatrixPage *page;
  Received received = { 0 };
  GtkWidget *cell = NULL, *add;
  guint topic = 0, column = 0;

  g_assert_cmpuint (matrix->topics->len, >, 0);
  page = DOSSIER_MATRIX_PAGE (dossier_matrix_page_new (matrix, G_LIST_MODEL (documents)));
  g_signal_connect (page, "open-passage", G_CALLBACK (open_passage_cb), &received);
  g_signal_connect (page, "add-to-memo", G_CALLBACK (add_to_memo_cb), &received);
  gtk_window_set_default_size (window, 1300, 820);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  dossier_test_gui_spin (300);

  /* Rename: kept, and the computed name restored when emptied. */
  dossier_matrix_page_set_topic_label (page, 0, "Conditionality");
  g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, "Conditionality");
  g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), !=,
                   ((DossierMatrixTopic *) g_ptr_array_index (matrix->topics, 0))->label);
  g_assert_null (dossier_matrix_page_get_topic_label (page, 999));

  for (topic = 0; topic < dossier_matrix_page_get_n_topics (page) && cell == NULL; topic++)
    for (column = 0; column < 3 && cell == NULL; column++)
      cell = dossier_matrix_page_get_cell (page, topic, column);
  g_assert_nonnull (cell);
  topic--;
  column--;
  g_assert_null (dossier_matrix_page_get_cell (page, 999, 0));

  g_signal_emit_by_name (cell, "clicked");
  g_assert_cmpuint (received.n_open, ==, 1);
  {
    g_autoptr(DossierDocument) expected = g_list_model_get_item (G_LIST_MODEL (documents), column);
    GArray *paragraphs = g_ptr_array_index (((DossierMatrixTopic *) g_ptr_array_index (matrix->topics, topic))->cells, column);

    g_assert_cmpstr (received.id, ==, dossier_document_get_id (expected));
    g_assert_cmpuint (received.paragraph, ==, g_array_index (paragraphs, guint, 0));

    add = g_object_get_data (G_OBJECT (cell), "dossier-add");
    g_assert_true (GTK_IS_BUTTON (add));
    g_signal_emit_by_name (add, "clicked");
    g_assert_cmpuint (received.n_memo, ==, 1);
    g_assert_true (received.document == expected);
  }

  /* Empty cells and out-of-range targets do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.add-to-memo", "(uu)", 999, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.open-passage", "(uu)", 0, 999);
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.rename-topic", "u", 999);
  g_assert_cmpuint (received.n_memo, ==, 1);
  g_assert_cmpuint (received.n_open, ==, 1);

  /* Renaming in place, through the row's button. */
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.rename-topic", "u", 1);
  dossier_test_gui_spin (100);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "matrix.png");
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.rename-topic", "u", 1);
  g_assert_null (find_entry (GTK_WIDGET (page)));

  /* Escape leaves the name as it was. */
  if (dossier_matrix_page_get_n_topics (page) > 2)
    {
      g_autofree char *before = g_strdup (dossier_matrix_page_get_topic_label (page, 2));
      g_autoptr(GListModel) controllers = NULL;
      GtkWidget *entry;
      gboolean handled = FALSE;

      gtk_widget_activate_action (GTK_WIDGET (page), "matrix.rename-topic", "u", 2);
      dossier_test_gui_spin (50);
      entry = find_entry (GTK_WIDGET (page));
      g_assert_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), "Not this");
      controllers = gtk_widget_observe_controllers (entry);
      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
        }
      g_assert_true (handled);
      dossier_test_gui_spin (50);
      g_assert_null (find_entry (GTK_WIDGET (page)));
      g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 2), ==, before);
    }

  dossier_matrix_page_set_topic_label (page, 0, "");
  g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==,
                   ((DossierMatrixTopic *) g_ptr_array_index (matrix->topics, 0))->label);

  g_free (received.id);
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
show_matrix (GListModel         *documents,
             int                 width,
             DossierMatrixPage **page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *page = DOSSIER_MATRIX_PAGE (dossier_matrix_page_new (compute (documents), documents));
  gtk_window_set_default_size (window, width, 820);
  gtk_window_set_child (window, GTK_WIDGET (*page));
  gtk_window_present (window);
  dossier_test_gui_spin (300);
  return window;
}

/* The cell of the topic row and the column, as the grid draws it. */
static graphene_rect_t
area_of (GtkWidget *grid,
         GtkWidget *widget)
{
  graphene_rect_t area;

  dossier_matrix_grid_get_child_area (DOSSIER_MATRIX_GRID (grid), widget, &area);
  return area;
}

/* Wide, the columns share the width and nothing scrolls sideways; at 700 px
 * they keep a readable width and scroll, while the topic column and the
 * headings stay where they are. */
static void
test_fit_and_freeze (void)
{
  g_autoptr(GListStore) documents = load_fixtures ();
  DossierMatrixPage *page;
  GtkWindow *window = show_matrix (G_LIST_MODEL (documents), 1300, &page);
  GtkWidget *grid = find_type (GTK_WIDGET (page), DOSSIER_TYPE_MATRIX_GRID);
  GtkAdjustment *hadj, *vadj;
  int column_width, topic_width;

  g_assert_nonnull (grid);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  column_width = dossier_matrix_grid_get_column_width (DOSSIER_MATRIX_GRID (grid));
  topic_width = dossier_matrix_grid_get_topic_width (DOSSIER_MATRIX_GRID (grid));
  /* three columns and the topics fill the width */
  g_assert_cmpint (topic_width + 3 * column_width, >, gtk_widget_get_width (grid) - 120);
  g_assert_cmpint (topic_width + 3 * column_width, <=, gtk_widget_get_width (grid));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), <=, gtk_adjustment_get_page_size (hadj) + 0.5);
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);

  window = show_matrix (G_LIST_MODEL (documents), 700, &page);
  grid = find_type (GTK_WIDGET (page), DOSSIER_TYPE_MATRIX_GRID);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  g_assert_cmpint (dossier_matrix_grid_get_column_width (DOSSIER_MATRIX_GRID (grid)), >=, 200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj) + 100);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "matrix-narrow.png");
  {
    GtkWidget *topic = find_type (grid, GTK_TYPE_STACK);   /* the first topic's name */
    GtkWidget *cell = NULL;
    graphene_rect_t topic_before, topic_after, cell_before, cell_after;

    for (guint t = 0; t < dossier_matrix_page_get_n_topics (page) && cell == NULL; t++)
      cell = dossier_matrix_page_get_cell (page, t, 2);
    if (cell == NULL)
      cell = dossier_matrix_page_get_cell (page, 0, 1);
    g_assert_nonnull (cell);
    topic_before = area_of (grid, topic);
    cell_before = area_of (grid, cell);

    gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj));
    dossier_test_gui_spin (100);
    topic_after = area_of (grid, topic);
    cell_after = area_of (grid, cell);
    g_assert_cmpfloat (topic_after.origin.x, ==, topic_before.origin.x);
    g_assert_cmpfloat (cell_after.origin.x, <, cell_before.origin.x - 100);
    dossier_test_gui_screenshot (GTK_WIDGET (window), "matrix-scrolled.png");

    /* down: the topics move, the headings do not */
    if (gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj) + 50)
      {
        GtkWidget *heading = find_type (grid, GTK_TYPE_BOX);
        graphene_rect_t heading_before = area_of (grid, heading), heading_after;

        gtk_adjustment_set_value (vadj, 50);
        dossier_test_gui_spin (100);
        heading_after = area_of (grid, heading);
        g_assert_cmpfloat (heading_after.origin.y, ==, heading_before.origin.y);
        g_assert_cmpfloat (area_of (grid, topic).origin.y, <, topic_after.origin.y - 40);
      }

    /* a cell taking the focus is brought out from under the topic column */
    gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj));
    gtk_widget_grab_focus (dossier_matrix_page_get_cell (page, 0, 0));
    dossier_test_gui_spin (100);
    g_assert_cmpfloat (area_of (grid, dossier_matrix_page_get_cell (page, 0, 0)).origin.x, >=, topic_before.origin.x + 150);
  }
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);
}

/* Matrices are not saved: a name given to a topic lasts the session, for
 * the same topic of the same articles. */
static void
test_session_names (void)
{
  g_autoptr(GListStore) documents = load_fixtures ();
  g_autoptr(GListStore) two = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  DossierMatrixPage *page;
  GtkWindow *window = show_matrix (G_LIST_MODEL (documents), 1300, &page);
  g_autofree char *computed = g_strdup (dossier_matrix_page_get_topic_label (page, 0));

  dossier_matrix_page_set_topic_label (page, 0, "Food aid and leverage");
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);

  /* the matrix computed again: the name is back */
  window = show_matrix (G_LIST_MODEL (documents), 1300, &page);
  g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, "Food aid and leverage");
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);

  /* other articles, other topics */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (documents), i + 1);
      g_list_store_append (two, document);
    }
  window = show_matrix (G_LIST_MODEL (two), 1300, &page);
  for (guint t = 0; t < dossier_matrix_page_get_n_topics (page); t++)
    g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, t), !=, "Food aid and leverage");
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);

  /* emptied, the computed name comes back, for the session too */
  window = show_matrix (G_LIST_MODEL (documents), 1300, &page);
  dossier_matrix_page_set_topic_label (page, 0, "");
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);
  window = show_matrix (G_LIST_MODEL (documents), 1300, &page);
  g_assert_cmpstr (dossier_matrix_page_get_topic_label (page, 0), ==, computed);
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);
}

static void
free_topic (gpointer data)
{
  DossierMatrixTopic *topic = data;

  g_free (topic->label);
  g_strfreev (topic->terms);
  g_ptr_array_unref (topic->cells);
  g_free (topic);
}

/* A matrix made by hand, so the test does not depend on what the
 * computation groups: one topic the first article addresses in paragraphs
 * 1, 3 and 6, the second in 2, the third not at all. */
static DossierMatrix *
handmade_matrix (void)
{
  DossierMatrix *matrix = g_new0 (DossierMatrix, 1);
  DossierMatrixTopic *topic = g_new0 (DossierMatrixTopic, 1);
  const guint first[] = { 1, 3, 6 }, second[] = { 2 };
  GArray *cell;

  matrix->n_documents = 3;
  matrix->topics = g_ptr_array_new_with_free_func (free_topic);
  topic->label = g_strdup ("aid, monitoring");
  topic->terms = g_strsplit ("aid,monitoring", ",", -1);
  topic->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  cell = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (cell, first, G_N_ELEMENTS (first));
  g_ptr_array_add (topic->cells, cell);
  cell = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (cell, second, G_N_ELEMENTS (second));
  g_ptr_array_add (topic->cells, cell);
  g_ptr_array_add (topic->cells, g_array_new (FALSE, FALSE, sizeof (guint)));
  topic->n_documents = 2;
  g_ptr_array_add (matrix->topics, topic);
  return matrix;
}

/* A cell lists its other passages; each opens exactly its paragraph. */
static void
test_more_passages (void)
{
  g_autoptr(GListStore) documents = load_fixtures ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DossierMatrixPage *page = DOSSIER_MATRIX_PAGE (dossier_matrix_page_new (handmade_matrix (), G_LIST_MODEL (documents)));
  Received received = { 0 };
  GtkWidget *box, *more, *popover;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_signal_connect (page, "open-passage", G_CALLBACK (open_passage_cb), &received);
  gtk_window_set_default_size (window, 1300, 600);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  dossier_test_gui_spin (300);

  g_assert_nonnull (dossier_matrix_page_get_cell (page, 0, 0));
  g_assert_nonnull (dossier_matrix_page_get_cell (page, 0, 1));
  g_assert_null (dossier_matrix_page_get_cell (page, 0, 2));

  /* the first passage is the cell; "and 2 more passages" lists the rest */
  box = gtk_widget_get_parent (gtk_widget_get_parent (dossier_matrix_page_get_cell (page, 0, 0)));
  more = find_type (box, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (more);
  g_assert_null (find_type (gtk_widget_get_parent (gtk_widget_get_parent (dossier_matrix_page_get_cell (page, 0, 1))),
                            GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  dossier_test_gui_spin (100);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "matrix-more.png");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (buttons, child);
  g_assert_cmpuint (buttons->len, ==, 2);

  /* the third passage: paragraph 6, exactly */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  g_assert_cmpuint (received.n_open, ==, 1);
  g_assert_cmpuint (received.paragraph, ==, 6);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (more));

  /* the cell itself: the first */
  g_signal_emit_by_name (dossier_matrix_page_get_cell (page, 0, 0), "clicked");
  g_assert_cmpuint (received.n_open, ==, 2);
  g_assert_cmpuint (received.paragraph, ==, 1);

  /* a paragraph that is not in the cell, or no such topic: nothing */
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.open-paragraph", "(uuu)", 0, 0, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.open-paragraph", "(uuu)", 5, 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "matrix.open-paragraph", "(uuu)", 0, 7, 1);
  g_assert_cmpuint (received.n_open, ==, 2);

  g_free (received.id);
  gtk_window_destroy (window);
  dossier_test_gui_spin (50);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);

  g_test_add_func ("/dossier/app/matrix/page", test_page);
  g_test_add_func ("/dossier/app/matrix/fit-and-freeze", test_fit_and_freeze);
  g_test_add_func ("/dossier/app/matrix/session-names", test_session_names);
  g_test_add_func ("/dossier/app/matrix/more-passages", test_more_passages);

  return g_test_run ();
}
