/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader-pages"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-reader-page.h"
#include "dossier-window.h"
#include "export/dossier-layout-document.h"
#include "export/dossier-pdf-exporter.h"
#include "importers/dossier-import.h"
#include "memo/dossier-citation.h"
#include "model/dossier-paragraph.h"
#include "widgets/dossier-reader-view.h"

/* A PDF imported as the Import dialog and drag and drop import files,
 * into the library and the reader: "Page N" where a page starts with a
 * paragraph, a line of its own that no selection or excerpt takes in, and
 * excerpts cited with their page. The PDF is a memo exported by Dossier
 * itself. */

static DossierApplication *app;
static char *tmp_dir;

static GFile *
export_two_page_memo (void)
{
  g_autoptr(DossierLayoutDocument) memo = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "strait.pdf", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  dossier_layout_document_set_metadata (memo, "Harbour Access in the Strait", "Policy Planning Staff", NULL);
  for (guint s = 1; s <= 5; s++)
    {
      g_autofree char *title = g_strdup_printf ("Part %u of the Memo", s);
      DossierLayoutBlock *block = dossier_layout_document_add_heading (memo, 1, FALSE);

      dossier_layout_block_add_text (block, title, DOSSIER_LAYOUT_STYLE_NONE);
      for (guint p = 0; p < 4; p++)
        {
          g_autofree char *text = g_strdup_printf ("Ports along the strait have become instruments of influence "
                                                   "(point %u.%u), and the governments that lease them weigh "
                                                   "access for trade against the leverage a foreign operator gains "
                                                   "over shipping, data and, in a crisis, the movement of naval "
                                                   "vessels through the narrows.", s, p + 1);

          block = dossier_layout_document_add_paragraph (memo);
          dossier_layout_block_add_text (block, text, DOSSIER_LAYOUT_STYLE_NONE);
        }
    }
  g_assert_true (dossier_pdf_exporter_export (exporter, memo, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static void
test_page_marks (void)
{
  g_autoptr(GFile) pdf = export_two_page_memo ();
  DossierWindow *window = dossier_window_new (app);
  DossierReaderView *view;
  DossierDocument *document;
  GtkTextBuffer *buffer;
  GListModel *paragraphs;
  GtkTextTag *mark_tag;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autofree char *all = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *citation = NULL;
  GtkTextIter start, end, found, found_end;
  guint first_on_2 = G_MAXUINT;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  dossier_window_import_files (window, &pdf, 1);
  while (dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 0);

  document = dossier_reader_page_get_document (dossier_window_get_reader_page (window));
  g_assert_nonnull (document);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Harbour Access in the Strait");
  view = dossier_reader_page_get_view (dossier_window_get_reader_page (window));
  buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (view));
  mark_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "page-mark");
  paragraphs = dossier_document_get_paragraphs (document);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs) && first_on_2 == G_MAXUINT; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (dossier_paragraph_get_page (paragraph) == 2)
        first_on_2 = i;
    }
  g_assert_cmpuint (first_on_2, !=, G_MAXUINT);

  dossier_test_gui_spin (300);

  /* One mark, for page 2, set as a page mark. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (all, "\nPage 2\n"));
  g_assert_null (strstr (all, "Page 1"));
  g_assert_true (gtk_text_iter_forward_search (&start, "Page 2", 0, &found, &found_end, NULL));
  g_assert_true (gtk_text_iter_has_tag (&found, mark_tag));

  /* A selection of the first paragraph on page 2 is that paragraph alone,
   * and its citation gives the page. */
  g_assert_true (dossier_reader_view_select_range (view, first_on_2, 0, 20));
  selected = dossier_reader_view_dup_selected_text (view);
  g_assert_cmpstr (selected, ==, "Ports along the stra");
  {
    g_autoptr(DossierCitation) excerpt = NULL;
    guint first, first_offset, last, last_offset;

    /* What Add to Memo makes of the selection. */
    g_assert_true (dossier_reader_view_get_selection_range (view, &first, &first_offset, &last, &last_offset));
    g_assert_cmpuint (first, ==, first_on_2);
    excerpt = dossier_citation_new_for_excerpt ("c", document, first, first_offset, last_offset);
    g_assert_cmpstr (dossier_citation_get_locator (excerpt), ==, "p. 2");
    citation = dossier_citation_format_full (excerpt);
    g_test_message ("note: %s", citation);
    g_assert_nonnull (strstr (citation, "p. 2"));
  }

  /* the paragraph before, so that the mark shows */
  dossier_reader_view_scroll_to_paragraph (view, first_on_2 - 1);
  dossier_test_gui_spin (300);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "reader-pdf-pages");

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
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
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before GLib caches the user directories: the library goes there. */
  tmp_dir = g_dir_make_tmp ("dossier-test-reader-pages-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/reader/pdf/page-marks", test_page_marks);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
