/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

/*
 * DossierWindow's comparison page and perspectives matrix page.
 */

/* ------------------------------------------------------------------------ */
/* Comparing documents                                                      */

char *
_dossier_window_comparison_title (DossierComparison *comparison)
{
  DossierDocument *left = dossier_comparison_get_left (comparison);
  DossierDocument *right = dossier_comparison_get_right (comparison);

  /* Translators: the two titles of the compared articles */
  return g_strdup_printf (_("%s ↔ %s"),
                          (left ? dossier_document_get_title (left) : NULL) ?: _("Untitled"),
                          (right ? dossier_document_get_title (right) : NULL) ?: _("Untitled"));
}

void
_dossier_window_close_compare_page (DossierWindow *self)
{
  GtkWidget *box = g_steal_pointer (&self->compare_box);

  self->compare_page = NULL;
  if (box != NULL)
    gtk_stack_remove (self->main_stack, box);
}

static void
show_compare_page (DossierWindow *self,
                   GtkWidget     *page)
{
  _dossier_window_close_compare_page (self);

  /* The page brings its own header bar, as the matrix does. */
  g_object_bind_property (self->leaflet, "folded",
                          dossier_compare_page_get_header_bar (DOSSIER_COMPARE_PAGE (page)), "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  self->compare_box = page;
  self->compare_page = DOSSIER_COMPARE_PAGE (page);
  gtk_stack_add_named (self->main_stack, page, "compare");
  gtk_stack_set_visible_child (self->main_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  _dossier_window_update_state (self);
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

typedef struct
{
  DossierWindow *self;
  GFile *file;
} ComparisonLoad;

static void
comparison_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ComparisonLoad *load = user_data;
  g_autoptr(DossierWindow) self = load->self;
  g_autoptr(GFile) file = load->file;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_free (load);
  comparison = dossier_comparison_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (comparison == NULL)
    {
      _dossier_window_toast_printf (self, _("Could not open the comparison: %s"), error->message);
      return;
    }
  page = dossier_compare_page_new_for_comparison (comparison);
  /* Where it came from, for a collection's Add Current Comparison. */
  g_object_set_data_full (G_OBJECT (page), "dossier-file", g_steal_pointer (&file), g_object_unref);
  show_compare_page (self, page);
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
  ComparisonLoad *load;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (ComparisonLoad, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  dossier_comparison_load_async (file, self->library ? dossier_library_get_path (self->library) : NULL,
                                 self->cancellable, comparison_loaded_cb, load);
}

/* ------------------------------------------------------------------------ */
/* Perspectives matrix                                                      */

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

void
_dossier_window_close_matrix_page (DossierWindow *self)
{
  GtkWidget *page = g_steal_pointer (&self->matrix_page);

  if (self->matrix_back_button != NULL)
    gtk_widget_set_visible (self->matrix_back_button, FALSE);

  if (page != NULL)
    gtk_stack_remove (self->main_stack, page);
}

/* The way back from a passage opened in the matrix: a button in the
 * reader's header bar, there while that article is read and the matrix
 * is open. */
static void
matrix_back_clicked_cb (GtkButton     *button,
                        DossierWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
  if (self->matrix_page == NULL)
    return;
  gtk_stack_set_visible_child (self->main_stack, self->matrix_page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  _dossier_window_update_state (self);
}

static void
reader_document_changed_cb (DossierWindow *self)
{
  DossierDocument *document = dossier_reader_page_get_document (self->reader_page);
  const char *from = g_object_get_data (G_OBJECT (self->matrix_back_button), "dossier-id");

  if (document == NULL || g_strcmp0 (dossier_document_get_id (document), from) != 0)
    gtk_widget_set_visible (self->matrix_back_button, FALSE);
}

static void
show_matrix_back_button (DossierWindow *self,
                         const char    *id)
{
  if (self->matrix_back_button == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Back to Matrix"));

      gtk_widget_set_tooltip_text (button, _("Back to the Perspectives Matrix"));
      adw_header_bar_pack_start (dossier_reader_page_get_header_bar (self->reader_page), button);
      g_signal_connect_object (button, "clicked", G_CALLBACK (matrix_back_clicked_cb), self, 0);
      self->matrix_back_button = button;
      g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &self->matrix_back_button);
      g_signal_connect_object (self->reader_page, "notify::document", G_CALLBACK (reader_document_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_object_set_data_full (G_OBJECT (self->matrix_back_button), "dossier-id", g_strdup (id), g_free);
  gtk_widget_set_visible (self->matrix_back_button, TRUE);
}

/**
 * dossier_window_get_matrix_back_button:
 *
 * Returns: (transfer none) (nullable): the reader's button back to the
 *   matrix, once a passage was opened from it (for tests)
 */
GtkWidget *
dossier_window_get_matrix_back_button (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->matrix_back_button;
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
  show_matrix_back_button (self, keep);
}

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
  started = _dossier_window_ensure_memo (self);
  if (dossier_memo_page_add_excerpt (self->memo_page, document, paragraph, 0, length) == NULL)
    {
      dossier_window_add_toast (self, adw_toast_new (_("Could not add the passage to the memo")));
      return;
    }
  _dossier_window_toast_added (self, started);
  _dossier_window_update_state (self);
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
        _dossier_window_toast_printf (self, _("Could not build the matrix: %s"), error->message);
      return;
    }

  _dossier_window_close_matrix_page (self);
  page = dossier_matrix_page_new (matrix, G_LIST_MODEL (input->documents));
  g_object_bind_property (self->leaflet, "folded",
                          dossier_matrix_page_get_header_bar (DOSSIER_MATRIX_PAGE (page)), "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "open-passage", G_CALLBACK (matrix_open_passage_cb), self, 0);
  g_signal_connect_object (page, "add-to-memo", G_CALLBACK (matrix_add_to_memo_cb), self, 0);

  self->matrix_page = page;
  gtk_stack_add_named (self->main_stack, page, "matrix");
  gtk_stack_set_visible_child (self->main_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_stack));
  _dossier_window_update_state (self);
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

/* Computes the matrix of @documents off the main thread, then shows it. */
void
_dossier_window_compute_matrix (DossierWindow *self,
                                GListStore    *documents)
{
  g_autoptr(GTask) task = NULL;
  MatrixInput *input;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (documents));

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
