/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "model/dossier-document.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_author_properties (void)
{
  g_autoptr(DossierAuthor) author = dossier_author_new ("Jane Roe");
  guint notifications = 0;

  g_signal_connect (author, "notify", G_CALLBACK (count_notify_cb), &notifications);

  dossier_author_set_position (author, "senior fellow");
  dossier_author_set_position (author, "senior fellow");  /* unchanged: no notify */
  dossier_author_set_affiliation (author, "Example Institute");
  dossier_author_set_bio (author, "");  /* empty means unknown */

  g_assert_cmpstr (dossier_author_get_name (author), ==, "Jane Roe");
  g_assert_cmpstr (dossier_author_get_position (author), ==, "senior fellow");
  g_assert_cmpstr (dossier_author_get_affiliation (author), ==, "Example Institute");
  g_assert_null (dossier_author_get_bio (author));
  g_assert_cmpuint (notifications, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&author));
}

static void
test_footnote_urls (void)
{
  g_autoptr(DossierFootnote) note =
    dossier_footnote_new (3, "A. Writer, “Title,” Outlet, March 6, 2024, https://example.org/a/b-c.html. "
                             "See also (http://example.com/x) and https://example.org/a/b-c.html again.");
  const char * const *urls = dossier_footnote_get_urls (note);

  g_assert_cmpuint (dossier_footnote_get_number (note), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **)urls), ==, 2);
  g_assert_cmpstr (urls[0], ==, "https://example.org/a/b-c.html");
  g_assert_cmpstr (urls[1], ==, "http://example.com/x");

  g_assert_finalize_object (g_steal_pointer (&note));
}

static void
test_footnote_no_urls (void)
{
  g_auto(GStrv) urls = dossier_footnote_extract_urls ("Interview with the author, May 2024. http:// alone");

  g_assert_cmpuint (g_strv_length (urls), ==, 0);
}

/* Linear in the text: both took minutes on a few megabytes. */
static void
test_footnote_urls_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("See http://x");
  g_auto(GStrv) urls = NULL;
  g_auto(GStrv) many = NULL;

  for (guint i = 0; i < 3000000; i++)
    g_string_append_c (text, ')');
  urls = dossier_footnote_extract_urls (text->str);
  g_assert_cmpuint (g_strv_length (urls), ==, 0);

  g_string_assign (text, "");
  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (text, "http://a%u.example https ", i % 3);
  many = dossier_footnote_extract_urls (text->str);
  g_assert_cmpuint (g_strv_length (many), ==, 3);
  g_assert_cmpstr (many[2], ==, "http://a2.example");
}

static void
test_paragraph_refs (void)
{
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("One. Two.");
  const DossierFootnoteRef *refs;
  guint n_refs;

  dossier_paragraph_add_ref (paragraph, 1, 4);
  dossier_paragraph_add_ref (paragraph, 2, 9);

  refs = dossier_paragraph_get_refs (paragraph, &n_refs);
  g_assert_cmpuint (n_refs, ==, 2);
  g_assert_cmpuint (refs[1].number, ==, 2);
  g_assert_cmpuint (refs[1].offset, ==, 9);
  g_assert_true (dossier_paragraph_references (paragraph, 1));
  g_assert_false (dossier_paragraph_references (paragraph, 3));
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph), ==, DOSSIER_PARAGRAPH_BODY);

  g_assert_finalize_object (g_steal_pointer (&paragraph));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_paragraph_quote (void)
{
  g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Words someone said.");
  guint notified = 0;

  g_assert_null (dossier_paragraph_get_attribution (paragraph));
  g_signal_connect (paragraph, "notify::attribution", G_CALLBACK (count_notify), &notified);
  dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_QUOTE);
  dossier_paragraph_set_attribution (paragraph, "Ilse Varga");
  dossier_paragraph_set_attribution (paragraph, "Ilse Varga");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (dossier_paragraph_get_attribution (paragraph), ==, "Ilse Varga");
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph), ==, DOSSIER_PARAGRAPH_QUOTE);
  /* Empty means none. */
  dossier_paragraph_set_attribution (paragraph, "");
  g_assert_null (dossier_paragraph_get_attribution (paragraph));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&paragraph));
}

static void
test_document_collections (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierAuthor) a = dossier_author_new ("Kim Min-jun");
  g_autoptr(DossierAuthor) b = dossier_author_new ("Jane Roe");
  g_autoptr(DossierAuthor) c = dossier_author_new ("John Doe");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (7, "Note seven.");
  g_autofree char *names = NULL;
  guint notifications = 0;

  g_signal_connect (document, "notify::author-names", G_CALLBACK (count_notify_cb), &notifications);

  g_assert_null (dossier_document_dup_author_names (document));
  dossier_document_add_author (document, a);
  dossier_document_add_author (document, b);
  dossier_document_add_author (document, c);
  names = dossier_document_dup_author_names (document);
  g_assert_cmpstr (names, ==, "Kim Min-jun, Jane Roe and John Doe");
  g_assert_cmpuint (notifications, ==, 3);

  dossier_document_add_footnote (document, note);
  g_assert_true (dossier_document_lookup_footnote (document, 7) == note);
  g_assert_null (dossier_document_lookup_footnote (document, 8));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 3);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  g_clear_object (&note);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_document_dates (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GDate) date = NULL;

  g_assert_true (dossier_document_set_published (document, "2024-04-12"));
  g_assert_false (dossier_document_set_published (document, "2024-02-30"));
  g_assert_false (dossier_document_set_published (document, "April 2024"));
  g_assert_false (dossier_document_set_published (document, "2024-4-12"));
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-04-12");

  date = dossier_document_dup_published_date (document);
  g_assert_cmpint (g_date_get_month (date), ==, G_DATE_APRIL);

  g_assert_true (dossier_document_set_published (document, NULL));
  g_assert_null (dossier_document_get_published (document));
  g_assert_true (dossier_is_valid_iso_date ("2024-02-29"));
  g_assert_false (dossier_is_valid_iso_date ("2023-02-29"));
}

/* A reference manager's date may be a year or a month: "issued" keeps it,
 * "published" stays a whole day or NULL so its readers never see less. */
static void
test_document_partial_dates (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  guint published_notes = 0, issued_notes = 0;

  g_signal_connect (document, "notify::published", G_CALLBACK (count_notify_cb), &published_notes);
  g_signal_connect (document, "notify::issued", G_CALLBACK (count_notify_cb), &issued_notes);

  g_assert_true (dossier_is_valid_partial_date ("2019"));
  g_assert_true (dossier_is_valid_partial_date ("2019-11"));
  g_assert_true (dossier_is_valid_partial_date ("2019-11-30"));
  g_assert_false (dossier_is_valid_partial_date ("2019-13"));
  g_assert_false (dossier_is_valid_partial_date ("2019-00"));
  g_assert_false (dossier_is_valid_partial_date ("0000"));
  g_assert_false (dossier_is_valid_partial_date ("19"));
  g_assert_false (dossier_is_valid_partial_date ("2019-1"));
  g_assert_false (dossier_is_valid_partial_date ("2019-11-31"));
  g_assert_false (dossier_is_valid_partial_date ("Spring 2019"));

  g_assert_true (dossier_document_set_issued (document, "2019"));
  g_assert_cmpstr (dossier_document_get_issued (document), ==, "2019");
  g_assert_null (dossier_document_get_published (document));
  g_assert_null (dossier_document_dup_published_date (document));
  g_assert_cmpuint (issued_notes, ==, 1);
  g_assert_cmpuint (published_notes, ==, 0);

  g_assert_true (dossier_document_set_issued (document, "2019-11-30"));
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2019-11-30");
  g_assert_cmpuint (published_notes, ==, 1);

  g_assert_false (dossier_document_set_published (document, "2019-11"));
  g_assert_true (dossier_document_set_issued (document, "2019-11"));
  g_assert_null (dossier_document_get_published (document));
  g_assert_cmpuint (published_notes, ==, 2);
  g_assert_false (dossier_document_set_issued (document, "late 2019"));
  g_assert_cmpstr (dossier_document_get_issued (document), ==, "2019-11");
}

static void
test_document_fields (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  guint notifications = 0;
  g_autofree char *doi = NULL;

  g_signal_connect (document, "notify::container-title", G_CALLBACK (count_notify_cb), &notifications);

  g_assert_true (dossier_document_set_field (document, DOSSIER_FIELD_CONTAINER_TITLE, "Asian Survey"));
  g_assert_true (dossier_document_set_field (document, DOSSIER_FIELD_CONTAINER_TITLE, "Asian Survey"));
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpstr (dossier_document_get_field (document, DOSSIER_FIELD_CONTAINER_TITLE), ==, "Asian Survey");

  g_assert_true (dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, "report"));
  g_assert_false (dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, "techreport"));
  g_assert_cmpstr (dossier_document_get_field (document, DOSSIER_FIELD_ITEM_TYPE), ==, "report");
  g_assert_false (dossier_document_set_field (document, DOSSIER_FIELD_ACCESSED, "yesterday"));
  g_assert_true (dossier_document_set_field (document, DOSSIER_FIELD_ACCESSED, "2024-05"));

  /* Each field is a property named after its key. */
  g_object_set (document, "doi", "10.1000/xyz", NULL);
  g_object_get (document, "doi", &doi, NULL);
  g_assert_cmpstr (doi, ==, "10.1000/xyz");
  g_assert_cmpstr (dossier_document_field_get_key (DOSSIER_FIELD_CONTAINER_TITLE), ==, "container_title");
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (document), "container-title"));

  /* "" is unknown, as for the other fields. */
  g_assert_true (dossier_document_set_field (document, DOSSIER_FIELD_DOI, ""));
  g_assert_null (dossier_document_get_field (document, DOSSIER_FIELD_DOI));

  g_assert_false (dossier_document_has_text (document));
  {
    g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new ("Text.");
    dossier_document_add_paragraph (document, paragraph);
  }
  g_assert_true (dossier_document_has_text (document));
}

static void
test_author_name_parts (void)
{
  g_autoptr(DossierAuthor) author = dossier_author_new ("Ludwig van Beethoven Jr.");
  g_autoptr(DossierAuthor) copy = NULL;
  g_autoptr(DossierAuthor) org = dossier_author_new ("World Bank");
  guint notifications = 0;

  g_signal_connect (org, "notify::organisation", G_CALLBACK (count_notify_cb), &notifications);
  g_assert_false (dossier_author_has_parts (author));
  dossier_author_set_family (author, "Beethoven");
  dossier_author_set_given (author, "Ludwig");
  dossier_author_set_particle (author, "van");
  dossier_author_set_suffix (author, "Jr.");
  g_assert_true (dossier_author_has_parts (author));

  copy = dossier_author_copy (author);
  g_assert_true (dossier_author_equal (author, copy));
  dossier_author_set_suffix (copy, NULL);
  g_assert_false (dossier_author_equal (author, copy));

  dossier_author_set_organisation (org, TRUE);
  dossier_author_set_organisation (org, TRUE);
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_true (dossier_author_get_organisation (org));
  g_assert_false (dossier_author_has_parts (org));
}

static void
test_document_strv (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  const char *points[] = { "One", "Two", NULL };
  guint notifications = 0;

  g_signal_connect (document, "notify::key-points", G_CALLBACK (count_notify_cb), &notifications);
  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_key_points (document)), ==, 0);

  dossier_document_set_key_points (document, points);
  dossier_document_set_key_points (document, points);
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpstr (dossier_document_get_key_points (document)[1], ==, "Two");

  dossier_document_set_key_points (document, NULL);
  g_assert_cmpuint (g_strv_length ((char **)dossier_document_get_key_points (document)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/model/author/properties", test_author_properties);
  g_test_add_func ("/dossier/model/footnote/urls", test_footnote_urls);
  g_test_add_func ("/dossier/model/footnote/no-urls", test_footnote_no_urls);
  g_test_add_func ("/dossier/model/footnote/urls-hostile", test_footnote_urls_hostile);
  g_test_add_func ("/dossier/model/paragraph/refs", test_paragraph_refs);
  g_test_add_func ("/dossier/model/paragraph/quote", test_paragraph_quote);
  g_test_add_func ("/dossier/model/document/collections", test_document_collections);
  g_test_add_func ("/dossier/model/document/dates", test_document_dates);
  g_test_add_func ("/dossier/model/document/strv", test_document_strv);
  g_test_add_func ("/dossier/model/document/partial-dates", test_document_partial_dates);
  g_test_add_func ("/dossier/model/document/fields", test_document_fields);
  g_test_add_func ("/dossier/model/author/name-parts", test_author_name_parts);

  return g_test_run ();
}
