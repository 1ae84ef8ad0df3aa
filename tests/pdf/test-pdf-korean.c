/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF importer on Korean set syllable by syllable (the CSS and
 * LibreOffice default) by three engines, from the text of
 * bench/pdf-import/engines/ko (make.py, truth.json; made once, see its
 * README): the title, the author, the date and the paragraphs. */
#define G_LOG_DOMAIN "test-pdf-korean"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "model/dossier-author.h"
#include "model/dossier-paragraph.h"

typedef struct {
  const char *file;
  guint lost_spaces;         /* breaks read the wrong way, at most */
} Case;

/* Chromium and WeasyPrint leave no more room at a line that ends on a
 * space than at one that ends inside a word; their two breaks on a space
 * were both lost before, and one of their four breaks inside a word is
 * still read as a space ("연구 자들은"): one paragraph may be wrong by one
 * space. LibreOffice sets the date's digits apart from its Hangul
 * ("2025 년 3 월 4 일" in the text layer). */
static const Case cases[] = {
  { "chromium-ko-syllables.pdf", 1 },
  { "weasyprint-ko-syllables.pdf", 1 },
  { "libreoffice-ko-syllables.pdf", 0 },
};

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

static char *
without_spaces (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \n", -1);

  return g_strjoinv ("", parts);
}

static void
test_korean (gconstpointer data)
{
  const Case *test = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "bench", "pdf-import", "engines", "ko",
                                                 test->file, NULL);
  g_autofree char *truth_path = g_test_build_filename (G_TEST_DIST, "..", "bench", "pdf-import", "engines", "ko",
                                                       "truth.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierAuthor) author = NULL;
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *want_letters = NULL, *got_letters = NULL;
  GListModel *paragraphs;
  JsonObject *truth;
  JsonArray *want_paragraphs;
  guint exact = 0;

  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  truth = json_node_get_object (json_parser_get_root (parser));
  want_paragraphs = json_object_get_array_member (truth, "paragraphs");

  document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    {
      g_autofree char *json = dossier_document_to_json (document, NULL);

      g_printerr ("%s\n", json);
    }

  g_assert_cmpstr (dossier_document_get_title (document), ==, json_object_get_string_member (truth, "title"));
  g_assert_cmpstr (dossier_document_get_published (document), ==, json_object_get_string_member (truth, "published"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 1);
  author = g_list_model_get_item (dossier_document_get_authors (document), 0);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "김서연");

  paragraphs = dossier_document_get_paragraphs (document);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, json_array_get_length (want_paragraphs));
  for (guint i = 0; i < json_array_get_length (want_paragraphs); i++)
    {
      const char *text = json_object_get_string_member (json_array_get_object_element (want_paragraphs, i), "text");
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      exact += g_str_equal (dossier_paragraph_get_text (paragraph), text);
      g_string_append_printf (want, "%s\n", text);
      g_string_append_printf (got, "%s\n", dossier_paragraph_get_text (paragraph));
    }

  /* Every syllable, in order; the spaces right but for the breaks the
   * case allows. */
  want_letters = without_spaces (want->str);
  got_letters = without_spaces (got->str);
  g_assert_cmpstr (got_letters, ==, want_letters);
  g_assert_cmpuint (count_words (got->str) + test->lost_spaces, >=, count_words (want->str));
  g_assert_cmpuint (count_words (got->str), <=, count_words (want->str) + test->lost_spaces);
  g_assert_cmpuint (exact + test->lost_spaces, >=, json_array_get_length (want_paragraphs));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pdf-korean/%s", cases[i].file);

      g_test_add_data_func (name, &cases[i], test_korean);
    }

  return g_test_run ();
}
