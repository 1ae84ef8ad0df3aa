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
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
      _dossier_window_toast_printf (self, _("Could not open the comparison: %s"), error->message);
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

  if (page != NULL)
    gtk_stack_remove (self->main_stack, page);
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
  /* Stay in the matrix (a new memo would come to the front). */
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (page));
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
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
