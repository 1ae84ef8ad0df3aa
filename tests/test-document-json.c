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

  /* Pages: 1-based, a label or breaks only with a page, breaks in order,
   * inside the text and on later pages. */
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"page\":0}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"page_label\":\"ii\"}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_label");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcd\",\"page\":2,"
                  "\"page_breaks\":[{\"offset\":2,\"page\":2}]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_breaks[0].page");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcd\",\"page\":2,"
                  "\"page_breaks\":[{\"offset\":5,\"page\":3}]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_breaks[0].offset");
  /* Each break is bounded by the one before it, not only by the first. */
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcdef\",\"page\":2,"
                  "\"page_breaks\":[{\"offset\":3,\"page\":4},{\"offset\":5,\"page\":4}]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_breaks[1].page");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcdef\",\"page\":2,"
                  "\"page_breaks\":[{\"offset\":3,\"page\":3},{\"offset\":3,\"page\":4}]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_breaks[1].offset");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcd\",\"page\":2,"
                  "\"page_breaks\":[{\"offset\":2,\"page\":3},7]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].page_breaks[1]");
  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\",\"footnote_refs\":[{\"number\":1,\"offset\":1},[]]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[0].footnote_refs[1]");
}

static void
test_pages (void)
{
  static const char json[] = HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"abcd\",\"page\":2,"
                             "\"page_label\":\"ii\",\"page_breaks\":[{\"offset\":2,\"page\":3,\"page_label\":\"iii\"}]},"
                             "{\"text\":\"no pages\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (json, -1, &error);
  g_autoptr(DossierParagraph) first = NULL;
  g_autoptr(DossierParagraph) second = NULL;
  g_autoptr(DossierDocument) again = NULL;
  g_autofree char *written = NULL;
  const char *label = NULL;

  g_assert_no_error (error);
  first = g_list_model_get_item (dossier_document_get_paragraphs (document), 0);
  second = g_list_model_get_item (dossier_document_get_paragraphs (document), 1);
  g_assert_cmpuint (dossier_paragraph_get_page_at (first, 1, &label), ==, 2);
  g_assert_cmpstr (label, ==, "ii");
  g_assert_cmpuint (dossier_paragraph_get_page_at (first, 3, &label), ==, 3);
  g_assert_cmpstr (label, ==, "iii");
  g_assert_cmpuint (dossier_paragraph_get_page (second), ==, 0);

  /* Written back the same; a paragraph without a page writes none. */
  written = dossier_document_to_json (document, NULL);
  g_assert_nonnull (strstr (written, "\"page_label\" : \"iii\""));
  {
    g_auto(GStrv) parts = g_strsplit (written, "\"page\" :", -1);

    /* the first paragraph's page and its break's page, none for the second */
    g_assert_cmpuint (g_strv_length (parts), ==, 3);
  }
  again = dossier_document_from_json (written, -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *twice = dossier_document_to_json (again, NULL);

    g_assert_cmpstr (twice, ==, written);
  }
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

/* What a reference manager keeps survives the document format; a
 * document without it is written as before (test_old_file), and a
 * reference without text is a valid document. */
static void
test_citation_fields (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierAuthor) person = dossier_author_new ("Ludwig van Beethoven Jr.");
  g_autoptr(DossierAuthor) org = dossier_author_new ("Korea Institute for National Unification");
  g_autoptr(DossierDocument) again = NULL;
  g_autoptr(DossierAuthor) read_person = NULL;
  g_autoptr(DossierAuthor) read_org = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  dossier_document_set_title (document, "Reference Only");
  dossier_document_set_issued (document, "2019-11");
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    {
      const char *value = f == DOSSIER_FIELD_ITEM_TYPE ? "article-journal"
                          : f == DOSSIER_FIELD_ACCESSED ? "2024-05-02" : dossier_document_field_get_key (f);
      g_assert_true (dossier_document_set_field (document, f, value));
    }
  dossier_author_set_family (person, "Beethoven");
  dossier_author_set_given (person, "Ludwig");
  dossier_author_set_particle (person, "van");
  dossier_author_set_suffix (person, "Jr.");
  dossier_author_set_organisation (org, TRUE);
  dossier_document_add_author (document, person);
  dossier_document_add_author (document, org);

  first = dossier_document_to_json (document, NULL);
  g_assert_nonnull (strstr (first, "\"issued\" : \"2019-11\""));
  g_assert_nonnull (strstr (first, "\"published\" : null"));
  g_assert_nonnull (strstr (first, "\"organisation\" : true"));
  again = dossier_document_from_json (first, -1, &error);
  g_assert_no_error (error);
  second = dossier_document_to_json (again, NULL);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpstr (dossier_document_get_issued (again), ==, "2019-11");
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    g_assert_cmpstr (dossier_document_get_field (again, f), ==, dossier_document_get_field (document, f));
  read_person = g_list_model_get_item (dossier_document_get_authors (again), 0);
  read_org = g_list_model_get_item (dossier_document_get_authors (again), 1);
  g_assert_true (dossier_author_equal (read_person, person));
  g_assert_true (dossier_author_equal (read_org, org));
  g_assert_false (dossier_document_has_text (again));

  /* A whole day is "published", never "issued" too. */
  dossier_document_set_issued (document, "2019-11-04");
  g_clear_pointer (&first, g_free);
  first = dossier_document_to_json (document, NULL);
  g_assert_null (strstr (first, "\"issued\""));
  g_assert_nonnull (strstr (first, "\"published\" : \"2019-11-04\""));
}

static void
test_citation_fields_invalid (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\"format\":\"dossier-document\",\"version\":1,\"title\":\"T\",\"issued\":\"Spring\"}",
      "issued: expected a date written YYYY, YYYY-MM or YYYY-MM-DD" },
    { "{\"format\":\"dossier-document\",\"version\":1,\"title\":\"T\",\"item_type\":\"techreport\"}",
      "item_type: expected a CSL item type such as \"report\" or \"webpage\"" },
    { "{\"format\":\"dossier-document\",\"version\":1,\"title\":\"T\",\"accessed\":\"2024-13\"}",
      "accessed: expected a date written YYYY, YYYY-MM or YYYY-MM-DD" },
    { "{\"format\":\"dossier-document\",\"version\":1,\"title\":\"T\",\"doi\":7}",
      "doi: expected a string" },
    { "{\"format\":\"dossier-document\",\"version\":1,\"title\":\"T\","
      "\"authors\":[{\"name\":\"N\",\"organisation\":\"yes\"}]}",
      "authors[0].organisation: expected true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = dossier_document_from_json (cases[i].json, -1, &error);

      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
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

/* A document with a title and @members ("name":value pairs). */
static char *
document_with (const char *members)
{
  return g_strdup_printf (HEAD "\"title\":\"t\",%s}", members);
}

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

/* @members has one "%s" where a string of "x" goes. */
static void
assert_member_bounded (const char *members,
                       gsize       limit,
                       const char *message)
{
  g_auto(GStrv) parts = g_strsplit (members, "%s", 2);
  g_autofree char *at = repeat ('x', limit);
  g_autofree char *over = repeat ('x', limit + 1);
  g_autofree char *members_at = g_strconcat (parts[0], at, parts[1], NULL);
  g_autofree char *members_over = g_strconcat (parts[0], over, parts[1], NULL);
  g_autofree char *json_at = document_with (members_at);
  g_autofree char *json_over = document_with (members_over);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (json_at, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  assert_invalid (json_over, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
}

static char *
array_of (const char *element,
          guint       n)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, element);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* @members has one "%s" where an array of @element goes. */
static void
assert_array_bounded (const char *members,
                      const char *element,
                      guint       limit,
                      const char *message)
{
  g_auto(GStrv) parts = g_strsplit (members, "%s", 2);
  g_autofree char *at = array_of (element, limit);
  g_autofree char *over = array_of (element, limit + 1);
  g_autofree char *members_at = g_strconcat (parts[0], at, parts[1], NULL);
  g_autofree char *members_over = g_strconcat (parts[0], over, parts[1], NULL);
  g_autofree char *json_at = document_with (members_at);
  g_autofree char *json_over = document_with (members_over);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (json_at, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  assert_invalid (json_over, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
}

/* Every member has a bound, with an error naming it and its limit. */
static void
test_limits (void)
{
  g_autofree char *huge = repeat ('x', 5 * 1024 * 1024);
  g_autofree char *huge_title = g_strdup_printf (HEAD "\"title\":\"%s\"}", huge);

  assert_invalid (huge_title, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                  "title is 5,242,880 bytes; at most 4 KiB is allowed");

  assert_member_bounded ("\"subtitle\":\"%s\"", 16 * 1024, "subtitle is 16,385 bytes; at most 16 KiB is allowed");
  assert_member_bounded ("\"publisher\":\"%s\"", 1024, "publisher is 1,025 bytes; at most 1 KiB is allowed");
  assert_member_bounded ("\"source_url\":\"%s\"", 8 * 1024, "source_url is 8,193 bytes; at most 8 KiB is allowed");
  assert_member_bounded ("\"key_points\":[\"a\",\"%s\"]", 16 * 1024, "key_points[1] is 16,385 bytes");
  assert_member_bounded ("\"pull_quotes\":[\"%s\"]", 16 * 1024, "pull_quotes[0] is 16,385 bytes");
  assert_member_bounded ("\"paragraphs\":[{\"text\":\"a\"},{\"text\":\"%s\"}]", 1024 * 1024,
                         "paragraphs[1].text is 1,048,577 bytes; at most 1 MiB is allowed");
  assert_member_bounded ("\"paragraphs\":[{\"text\":\"a\",\"kind\":\"quote\",\"attribution\":\"%s\"}]", 2 * 1024,
                         "paragraphs[0].attribution is 2,049 bytes");
  assert_member_bounded ("\"footnotes\":[{\"number\":1,\"text\":\"%s\"}]", 64 * 1024,
                         "footnotes[0].text is 65,537 bytes; at most 64 KiB is allowed");
  /* A URL of a megabyte in a note is refused, naming the note. */
  assert_member_bounded ("\"footnotes\":[{\"number\":1,\"text\":\"n\",\"urls\":[\"https://%s\"]}]", 8 * 1024 - 8,
                         "footnotes[0].urls[0] is 8,193 bytes; at most 8 KiB is allowed");
  assert_member_bounded ("\"authors\":[{\"name\":\"%s\"}]", 512, "authors[0].name is 513 bytes; at most 512 bytes is allowed");
  assert_member_bounded ("\"authors\":[{\"name\":\"a\",\"position\":\"%s\"}]", 1024, "authors[0].position is 1,025 bytes");
  assert_member_bounded ("\"authors\":[{\"name\":\"a\",\"affiliation\":\"%s\"}]", 1024,
                         "authors[0].affiliation is 1,025 bytes");
  assert_member_bounded ("\"authors\":[{\"name\":\"a\",\"bio\":\"%s\"}]", 8 * 1024, "authors[0].bio is 8,193 bytes");

  assert_array_bounded ("\"key_points\":%s", "\"k\"", 256, "key_points has 257 elements; at most 256 are allowed");
  assert_array_bounded ("\"pull_quotes\":%s", "\"q\"", 256, "pull_quotes has 257 elements");
  assert_array_bounded ("\"paragraphs\":%s", "{\"text\":\"p\"}", 100000,
                        "paragraphs has 100,001 elements; at most 100,000 are allowed");
  assert_array_bounded ("\"paragraphs\":[{\"text\":\"p\",\"footnote_refs\":%s}]", "{\"number\":1,\"offset\":0}", 4096,
                        "paragraphs[0].footnote_refs has 4,097 elements");
  assert_array_bounded ("\"footnotes\":%s", "{\"number\":1,\"text\":\"n\"}", 20000, "footnotes has 20,001 elements");
  assert_array_bounded ("\"footnotes\":[{\"number\":1,\"text\":\"n\",\"urls\":%s}]", "\"https://a.example\"", 256,
                        "footnotes[0].urls has 257 elements");
  assert_array_bounded ("\"authors\":%s", "{\"name\":\"a\"}", 200, "authors has 201 elements");
}

/* json-glib cuts a string at \u0000 and writes a lone surrogate as bytes
 * that are not UTF-8: both are refused, with the member's path. */
static void
test_string_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierParagraph) paragraph = NULL;
  g_autofree char *written = NULL;

  assert_invalid (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"},"
                  "{\"text\":\"cut \\u0000here\"}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "paragraphs[3].text: contains a NUL character (\\u0000)");
  assert_invalid (HEAD "\"title\":\"a\\ud800b\"}", DOSSIER_FORMAT_ERROR_INVALID,
                  "title: contains an unpaired surrogate \\ud800");
  assert_invalid (HEAD "\"title\":\"a\\uDC00\"}", DOSSIER_FORMAT_ERROR_INVALID,
                  "title: contains an unpaired surrogate \\uDC00");
  /* At the end of the string, and followed by another high one: json-glib
   * would call these "unterminated string" and "malformed pair". */
  assert_invalid (HEAD "\"title\":\"t\",\"subtitle\":\"x\\ud800\"}", DOSSIER_FORMAT_ERROR_INVALID,
                  "subtitle: contains an unpaired surrogate \\ud800");
  assert_invalid (HEAD "\"title\":\"t\",\"key_points\":[\"ok\",\"\\ud83d\\ud83d\"]}", DOSSIER_FORMAT_ERROR_INVALID,
                  "key_points[1]: contains an unpaired surrogate \\ud83d");
  assert_invalid (HEAD "\"title\":\"t\",\"footnotes\":[{\"number\":1,\"text\":\"n\",\"urls\":[\"https://a\\u0000\"]}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "footnotes[0].urls[0]: contains a NUL character");
  assert_invalid (HEAD "\"title\":\"t\",\"authors\":[{\"name\":\"a\",\"n\\u0000\":1}]}", DOSSIER_FORMAT_ERROR_INVALID,
                  "authors[0]: a member name contains a NUL character");
  assert_invalid ("\"\\u0000\"", DOSSIER_FORMAT_ERROR_INVALID, "the file: contains a NUL character");
  /* Escaped backslashes are not escapes. */
  document = dossier_document_from_json (HEAD "\"title\":\"\\\\u0000 and \\\\ud800\",\"paragraphs\":[{\"text\":"
                                         "\"\\ud83d\\ude00 \\u00e9\\u0041\"}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "\\u0000 and \\ud800");
  paragraph = g_list_model_get_item (dossier_document_get_paragraphs (document), 0);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph), ==, "😀 éA");

  /* What is written reads back. */
  written = dossier_document_to_json (document, NULL);
  g_clear_object (&document);
  document = dossier_document_from_json (written, -1, &error);
  g_assert_no_error (error);
}

static void
assert_offset (const char *number,
               const char *message)
{
  g_autofree char *json = g_strdup_printf (HEAD "\"title\":\"t\",\"paragraphs\":[{\"text\":\"ab\","
                                           "\"footnote_refs\":[{\"number\":1,\"offset\":%s}]}]}", number);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_document_from_json (json, -1, &error);

  if (message == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
      return;
    }

  assert_invalid (json, DOSSIER_FORMAT_ERROR_INVALID, message);
}

/* json-glib reads 2⁶⁴ as -1 and 2⁶³ as -2⁶³: errors quote the number as
 * the file writes it. */
static void
test_numbers (void)
{
  g_autofree char *long_number = repeat ('9', 5000);
  g_autofree char *long_message = NULL;

  assert_offset ("18446744073709551616",
                 "paragraphs[0].footnote_refs[0].offset: 18446744073709551616 is out of range (0–2)");
  assert_offset ("9223372036854775808", "offset: 9223372036854775808 is out of range (0–2)");
  assert_offset ("-9223372036854775809", "offset: -9223372036854775809 is out of range (0–2)");
  assert_offset ("99999999999999999999999999999999", "offset: 99999999999999999999999999999999 is out of range");
  assert_offset ("-1", "offset: -1 is out of range (0–2)");
  assert_offset ("3", "offset: 3 is out of range (0–2)");
  assert_offset ("1.5", "offset: 1.5 is not a whole number");
  assert_offset ("1e-999", "offset: 1e-999 is not a whole number");
  assert_offset ("1e999", "offset: 1e999 is out of range (0–2)");
  assert_offset ("1e99999999999999999999999", "offset: 1e99999999999999999999999 is out of range (0–2)");
  assert_offset ("-0.5e1", "offset: -0.5e1 is out of range (0–2)");
  assert_offset ("\"1\"", "offset: expected a whole number");
  assert_offset ("true", "offset: expected a whole number");
  long_message = g_strdup_printf ("offset: %.20s… (5,000 characters) is out of range", long_number);
  assert_offset (long_number, long_message);

  /* The same numbers written another way are the same numbers. */
  assert_offset ("2", NULL);
  assert_offset ("-0", NULL);
  assert_offset ("2.0", NULL);
  assert_offset ("0.2e1", NULL);
  assert_offset ("200e-2", NULL);
  assert_offset ("-0.0", NULL);

  assert_invalid ("{\"format\":\"dossier-document\",\"version\":1e29,\"title\":\"t\"}", DOSSIER_FORMAT_ERROR_INVALID,
                  "version: 1e29 is out of range (1–2147483647)");
  assert_invalid ("{\"format\":\"dossier-document\",\"version\":-0,\"title\":\"t\"}", DOSSIER_FORMAT_ERROR_INVALID,
                  "version: -0 is out of range (1–2147483647)");
  assert_invalid (HEAD "\"title\":\"t\",\"footnotes\":[{\"number\":4294967296,\"text\":\"x\"}]}",
                  DOSSIER_FORMAT_ERROR_INVALID, "footnotes[0].number: 4294967296 is out of range (0–2147483647)");
}

/* json-glib keeps 80 to 300 bytes per value: the count is bounded before
 * it parses. */
static void
test_value_count (void)
{
  g_autofree char *values = array_of ("{}", 1000001);
  g_autofree char *members = g_strdup_printf ("\"extra\":%s", values);
  g_autofree char *json = document_with (members);

  assert_invalid (json, DOSSIER_FORMAT_ERROR_TOO_LARGE, "more than 1,000,000 values");
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
  g_test_add_func ("/dossier/format/document/pages", test_pages);
  g_test_add_func ("/dossier/format/document/offsets", test_offsets_count_code_points);
  g_test_add_func ("/dossier/format/document/hostile", test_hostile);
  g_test_add_func ("/dossier/format/document/minimal", test_minimal);
  g_test_add_func ("/dossier/format/document/limits", test_limits);
  g_test_add_func ("/dossier/format/document/string-escapes", test_string_escapes);
  g_test_add_func ("/dossier/format/document/numbers", test_numbers);
  g_test_add_func ("/dossier/format/document/value-count", test_value_count);
  g_test_add_func ("/dossier/format/document/citation-fields", test_citation_fields);
  g_test_add_func ("/dossier/format/document/citation-fields-invalid", test_citation_fields_invalid);

  return g_test_run ();
}
