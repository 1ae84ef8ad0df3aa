/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-matrix-page"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>

#include "comparison/dossier-matrix.h"
#include "comparison/dossier-text-snapshot.h"
#include "dossier-matrix-page.h"
#include "importers/dossier-import.h"

/*
 * The perspectives matrix page on its own (test-briefs drives it through
 * the window): three fixtures on North Korea policy, a topic renamed in place, and
 * a cell's two actions reported as signals. Set DOSSIER_SCREENSHOT_DIR to
 * keep a PNG of the page.
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

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);

  g_test_add_func ("/dossier/app/matrix/page", test_page);

  return g_test_run ();
}
