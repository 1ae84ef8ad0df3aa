/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"

static DossierDocument *
make_document (void)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierParagraph) heading = dossier_paragraph_new ("한반도 정세");
  g_autoptr(DossierParagraph) body = dossier_paragraph_new ("Café talks resumed.");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (1, "See https://example.org/x.");
  g_autoptr(DossierAuthor) author = dossier_author_new ("Kim Seo-yeon");
  const char *points[] = { "First point", "둘째 요점", NULL };

  dossier_document_set_title (document, "A “Quoted” Title");
  dossier_document_set_subtitle (document, "Sub\ntitle with \\ and \"");
  dossier_document_set_published (document, "2024-03-06");
  dossier_document_set_source_url (document, "https://example.org/article");
  dossier_document_set_key_points (document, points);
  dossier_paragraph_set_kind (heading, DOSSIER_PARAGRAPH_HEADING);
  dossier_paragraph_add_ref (body, 1, 19);
  dossier_document_add_paragraph (document, heading);
  dossier_document_add_paragraph (document, body);
  dossier_document_add_footnote (document, note);
  dossier_author_set_affiliation (author, "Seoul Institute");
  dossier_document_add_author (document, author);

  return document;
}

static void
test_round_trip (void)
{
  g_autoptr(DossierDocument) document = make_document ();
  g_autoptr(DossierDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = dossier_document_to_json (document, NULL);
  g_autofree char *second = NULL;
  g_autoptr(DossierParagraph) heading = NULL;

  again = dossier_document_from_json (first, -1, &error);
  g_assert_no_error (error);
  second = dossier_document_to_json (again, NULL);
  g_assert_cmpstr (first, ==, second);

  heading = g_list_model_get_item (dossier_document_get_paragraphs (again), 0);
  g_assert_cmpint (dossier_paragraph_get_kind (heading), ==, DOSSIER_PARAGRAPH_HEADING);
  g_assert_cmpstr (dossier_document_get_subtitle (again), ==, "Sub\ntitle with \\ and \"");
  g_assert_nonnull (strstr (first, "\"format\" : \"dossier-document\""));
}

static void
test_round_trip_samples (void)
{
  const char *names[] = { "closing-the-sanctions-gap.txt", "talking-before-it-is-too-late.txt",
                          "hanbando-dangyejeok-jeopgeun.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);
      g_autoptr(DossierDocument) again = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      g_assert_no_error (error);
      first = dossier_document_to_json (document, NULL);
      again = dossier_document_from_json (first, -1, &error);
      g_assert_no_error (error);
      second = dossier_document_to_json (again, NULL);
      g_assert_cmpstr (first, ==, second);
    }
}

static void
assert_invalid (const char *json,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (json, -1, &error);

  g_assert_null (document);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);
}

#define HEAD "{\"format\":\"dossier-document\",\"version\":1,"

static void
test_validation (void)
{
  assert_invalid ("", DOSSIER_FORMAT_ERROR_SYNTAX, NULL);
  assert_invalid ("{\"format\":", DOSSIER_FORMAT_ERROR_SYNTAX, NULL);
  assert_invalid ("[1,2]", DOSSIER_FORMAT_ERROR_INVALID, "object");
  assert_invalid ("{\"format\":\"dossier-memo\",\"version\":1}", DOSSIER_FORMAT_ERROR_INVALID, "format");
  assert_invalid ("{\"format\":\"dossier-document\",\"version\":99,\"title\":\"x\"}",
                  DOSSIER_FORMAT_ERROR_VERSION, "newer");
  assert_invalid (HEAD "\"paragraphs\":[]}", DOSSIER_FORMAT_ERROR_INVALID, "title: is missing");
  assert_invalid (HEAD "\"title\":7}", DOSSIER_FORMAT_ERROR_INVALID, "title: expected a string");
  assert_invalid (HEAD "\"title\":\"t\",\"published\":\"March 2024\"}", DOSSIER_FORMAT_ERROR_INVALID, "published");
  assert_invalid (HEAD "\"title\":\"t\",\"key_points\":[\"a\",3]}", DOSSIER_FORMAT_ERROR_INVALID, "key_points[1]");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"footnote_refs\":[{\"number\":1,\"offset\":3}]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].footnote_refs[0].offset");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"kind\":\"table\"}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].kind: expected \"body\", \"heading\" or \"quote\"");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"kind\":\"quote\",\"attribution\":3}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].attribution");
  assert_invalid (HEAD "\"title\":\"t\",\"footnotes\":[{\"number\":-1,\"text\":\"x\"}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "footnotes[0].number");
  assert_invalid (HEAD "\"title\":\"t\",\"authors\":[\"Jane\"]}", DOSSIER_FORMAT_ERROR_INVALID, "authors[0]");
  assert_invalid (HEAD "\"title\":\"t\",\"authors\":[{\"name\":null}]}", DOSSIER_FORMAT_ERROR_INVALID, "authors[0].name");
}

static void
test_offsets_count_code_points (void)
{
  g_autoptr(GError) error = NULL;
  /* "가나" is two code points but six bytes: offset 2 is the end. */
  g_autoptr(DossierDocument) document =
    dossier_document_from_json (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"가나\","
                                "\"footnote_refs\":[{\"number\":1,\"offset\":2}]}]}", -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  const char binary[] = "{\"format\":\"dossier-document\"\0\xff}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  assert_invalid (deep->str, DOSSIER_FORMAT_ERROR_TOO_DEEP, NULL);

  document = dossier_document_from_json (binary, sizeof binary - 1, &error);
  g_assert_null (document);
  g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX);
  g_clear_error (&error);

  assert_invalid ("{\"format\":\"dossier-document\",\"title\":\"\xc3\x28\"}", DOSSIER_FORMAT_ERROR_SYNTAX, "UTF-8");
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (HEAD "\"title\":\"Only a title\"}", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Only a title");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==, 0);
}

static void
test_quote_round_trip (void)
{
  g_autoptr(DossierDocument) document = make_document ();
  g_autoptr(DossierParagraph) quote = dossier_paragraph_new ("“We will not inspect every vessel.”");
  g_autoptr(DossierParagraph) plain = dossier_paragraph_new ("Unattributed words.");
  g_autoptr(DossierDocument) again = NULL;
  g_autoptr(DossierParagraph) read = NULL;
  g_autoptr(DossierParagraph) read_plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  dossier_paragraph_set_kind (quote, DOSSIER_PARAGRAPH_QUOTE);
  dossier_paragraph_set_attribution (quote, "Ilse Varga, Minister");
  dossier_paragraph_add_ref (quote, 1, 3);
  dossier_paragraph_set_kind (plain, DOSSIER_PARAGRAPH_QUOTE);
  dossier_document_add_paragraph (document, quote);
  dossier_document_add_paragraph (document, plain);

  first = dossier_document_to_json (document, NULL);
  g_assert_nonnull (strstr (first, "\"kind\" : \"quote\""));
  g_assert_nonnull (strstr (first, "\"attribution\" : \"Ilse Varga, Minister\""));
  /* Written once: only the attributed quote has the member. */
  g_assert_null (strstr (strstr (first, "\"attribution\"") + 1, "\"attribution\""));
  g_assert_nonnull (strstr (first, "\"version\" : 1"));

  again = dossier_document_from_json (first, -1, &error);
  g_assert_no_error (error);
  second = dossier_document_to_json (again, NULL);
  g_assert_cmpstr (first, ==, second);

  read = g_list_model_get_item (dossier_document_get_paragraphs (again), 2);
  g_assert_cmpint (dossier_paragraph_get_kind (read), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_cmpstr (dossier_paragraph_get_attribution (read), ==, "Ilse Varga, Minister");
  g_assert_true (dossier_paragraph_references (read, 1));
  read_plain = g_list_model_get_item (dossier_document_get_paragraphs (again), 3);
  g_assert_cmpint (dossier_paragraph_get_kind (read_plain), ==, DOSSIER_PARAGRAPH_QUOTE);
  g_assert_null (dossier_paragraph_get_attribution (read_plain));
}

/* A file from before quotes existed reads and writes back unchanged. */
static void
test_old_file (void)
{
  const char *old =
    "{\n"
    "  \"format\" : \"dossier-document\",\n"
    "  \"version\" : 1,\n"
    "  \"title\" : \"Older\",\n"
    "  \"subtitle\" : null,\n"
    "  \"publisher\" : null,\n"
    "  \"published\" : null,\n"
    "  \"source_url\" : null,\n"
    "  \"key_points\" : [],\n"
    "  \"pull_quotes\" : [],\n"
    "  \"paragraphs\" : [\n"
    "    {\n"
    "      \"text\" : \"Part one\",\n"
    "      \"kind\" : \"heading\",\n"
    "      \"footnote_refs\" : []\n"
    "    },\n"
    "    {\n"
    "      \"text\" : \"Body.\",\n"
    "      \"footnote_refs\" : [\n"
    "        {\n"
    "          \"number\" : 1,\n"
    "          \"offset\" : 5\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"footnotes\" : [\n"
    "    {\n"
    "      \"number\" : 1,\n"
    "      \"text\" : \"A note.\",\n"
    "      \"urls\" : []\n"
    "    }\n"
    "  ],\n"
    "  \"authors\" : []\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (old, -1, &error);
  g_autoptr(DossierParagraph) body = NULL;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  body = g_list_model_get_item (dossier_document_get_paragraphs (document), 1);
  g_assert_cmpint (dossier_paragraph_get_kind (body), ==, DOSSIER_PARAGRAPH_BODY);
  g_assert_null (dossier_paragraph_get_attribution (body));
  written = dossier_document_to_json (document, NULL);
  g_assert_cmpstr (written, ==, old);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/format/document/round-trip", test_round_trip);
  g_test_add_func ("/dossier/format/document/round-trip-samples", test_round_trip_samples);
  g_test_add_func ("/dossier/format/document/quote", test_quote_round_trip);
  g_test_add_func ("/dossier/format/document/old-file", test_old_file);
  g_test_add_func ("/dossier/format/document/validation", test_validation);
  g_test_add_func ("/dossier/format/document/offsets", test_offsets_count_code_points);
  g_test_add_func ("/dossier/format/document/hostile", test_hostile);
  g_test_add_func ("/dossier/format/document/minimal", test_minimal);

  return g_test_run ();
}
