/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF importer on tables, in PDFs made once by other engines from a
 * report written for Dossier (tests/pdf/data/tables: make.py, README.md):
 * a ruled LibreOffice table, an unruled WeasyPrint one, and the same in
 * the left column of a two-column page beside running text. Every row is
 * one paragraph, its cells joined with " | "; no cell stands alone and
 * none is read into a sentence. */
#define G_LOG_DOMAIN "test-pdf-tables"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "model/dossier-paragraph.h"

static void
test_table (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "pdf", "data", "tables", name, NULL);
  g_autofree char *truth_path = g_test_build_filename (G_TEST_DIST, "pdf", "data", "tables", "truth.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  GListModel *paragraphs;
  JsonArray *truth;
  guint n_truth;

  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  truth = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "paragraphs");
  n_truth = json_array_get_length (truth);

  document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    {
      g_autofree char *json = dossier_document_to_json (document, NULL);

      g_printerr ("%s\n", json);
    }
  paragraphs = dossier_document_get_paragraphs (document);

  /* The text's paragraphs, headings and table rows, exactly and in order,
   * and nothing else: no one-word paragraph of a cell. */
  for (guint i = 0; i < MIN (n_truth, g_list_model_get_n_items (paragraphs)); i++)
    {
      JsonObject *want = json_array_get_object_element (truth, i);
      g_autoptr(DossierParagraph) got = g_list_model_get_item (paragraphs, i);
      const char *kind = json_object_has_member (want, "kind") ? json_object_get_string_member (want, "kind") : "body";

      g_assert_cmpstr (dossier_paragraph_get_text (got), ==, json_object_get_string_member (want, "text"));
      g_assert_cmpint (dossier_paragraph_get_kind (got) == DOSSIER_PARAGRAPH_HEADING, ==,
                       g_str_equal (kind, "heading"));
      g_assert_cmpuint (dossier_paragraph_get_page (got), ==, 1);
    }
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, n_truth);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pdf-tables/libreoffice-ruled", "libreoffice-ruled.pdf", test_table);
  g_test_add_data_func ("/pdf-tables/weasyprint-unruled", "weasyprint-unruled.pdf", test_table);
  g_test_add_data_func ("/pdf-tables/weasyprint-columns", "weasyprint-columns.pdf", test_table);

  return g_test_run ();
}
