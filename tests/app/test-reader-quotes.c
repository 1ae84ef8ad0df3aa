/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader-quotes"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>
#include <string.h>

#include "importers/dossier-import.h"
#include "widgets/dossier-reader-view.h"

/* Block quotations in the reader: set in with the quote style, credited
 * under the last paragraph, and otherwise paragraphs like any other —
 * selectable, findable, highlightable, with their footnote markers. */

typedef struct {
  GtkWindow *window;
  DossierReaderView *view;
  GtkTextBuffer *buffer;
  DossierDocument *document;
} Fixture;

static DossierDocument *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "html", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = import_fixture (data);
  fixture->view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  fixture->buffer = gtk_text_view_get_buffer (dossier_reader_view_get_text_view (fixture->view));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  dossier_reader_view_set_document (fixture->view, fixture->document);
  gtk_window_present (fixture->window);
  dossier_test_gui_spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  dossier_test_gui_spin (50);
  g_assert_finalize_object (fixture->document);
}

static GtkTextTag *
tag (Fixture    *fixture,
     const char *name)
{
  GtkTextTag *found = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (fixture->buffer), name);

  g_assert_nonnull (found);
  return found;
}

/* Whether code point @offset of @paragraph carries @name. */
static gboolean
paragraph_has_tag (Fixture    *fixture,
                   guint       paragraph,
                   const char *name)
{
  GtkTextIter start, end;

  g_assert_true (dossier_reader_view_select_range (fixture->view, paragraph, 2, 3));
  g_assert_true (gtk_text_buffer_get_selection_bounds (fixture->buffer, &start, &end));
  return gtk_text_iter_has_tag (&start, tag (fixture, name));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_quote_style (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextIter start, end;
  g_autofree char *all = NULL;
  const char *credit = "— Ilse Varga, Minister of Maritime Affairs";
  const char *at;

  g_assert_false (paragraph_has_tag (fixture, 1, "block-quote"));
  g_assert_true (paragraph_has_tag (fixture, 2, "block-quote"));
  g_assert_true (paragraph_has_tag (fixture, 3, "block-quote"));
  g_assert_false (paragraph_has_tag (fixture, 4, "block-quote"));
  g_assert_true (paragraph_has_tag (fixture, 5, "block-quote"));
  g_assert_true (paragraph_has_tag (fixture, 10, "block-quote"));
  g_assert_true (paragraph_has_tag (fixture, 11, "body"));

  /* One attribution under the quotation's last paragraph, dim. */
  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  all = gtk_text_buffer_get_text (fixture->buffer, &start, &end, FALSE);
  g_assert_cmpuint (count (all, credit), ==, 1);
  at = strstr (all, credit);
  g_assert_true (at > strstr (all, "Inspection without cooperation"));
  g_assert_true (at < strstr (all, "Two features of this passage"));
  g_assert_cmpuint (count (all, "— Deputy Minister Tomas Reinholt"), ==, 1);
  g_assert_cmpuint (count (all, "— Harbor authority spokesperson"), ==, 1);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, g_utf8_pointer_to_offset (all, at) + 3);
  g_assert_true (gtk_text_iter_has_tag (&start, tag (fixture, "quote-attribution")));
  g_assert_true (gtk_text_iter_has_tag (&start, tag (fixture, "dim")));
  g_assert_true (gtk_text_iter_has_tag (&start, tag (fixture, "block-quote")));

  /* Dark style recolours without complaint. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dossier_test_gui_spin (100);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  dossier_test_gui_spin (50);
}

static void
test_quote_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  guint first_paragraph, first_offset, last_paragraph, last_offset;
  g_autofree char *selected = NULL;
  GtkTextIter start, end;

  g_assert_true (dossier_reader_view_select_range (fixture->view, 3, 0, 10));
  selected = dossier_reader_view_dup_selected_text (fixture->view);
  g_assert_cmpstr (selected, ==, "Inspection");
  g_assert_true (dossier_reader_view_get_selection_range (fixture->view, &first_paragraph, &first_offset,
                                                          &last_paragraph, &last_offset));
  g_assert_cmpuint (first_paragraph, ==, 3);
  g_assert_cmpuint (first_offset, ==, 0);
  g_assert_cmpuint (last_paragraph, ==, 3);
  g_assert_cmpuint (last_offset, ==, 10);

  /* From inside the quotation over its attribution into the next
   * paragraph: the attribution is not document text. */
  g_assert_true (dossier_reader_view_select_range (fixture->view, 3, 5, 6));
  gtk_text_buffer_get_selection_bounds (fixture->buffer, &start, &end);
  g_assert_true (dossier_reader_view_select_range (fixture->view, 4, 0, 3));
  gtk_text_buffer_get_selection_bounds (fixture->buffer, &end, &end);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  g_assert_true (dossier_reader_view_get_selection_range (fixture->view, &first_paragraph, &first_offset,
                                                          &last_paragraph, &last_offset));
  g_assert_cmpuint (first_paragraph, ==, 3);
  g_assert_cmpuint (first_offset, ==, 5);
  g_assert_cmpuint (last_paragraph, ==, 4);
  g_assert_cmpuint (last_offset, ==, 3);

  /* Find and highlights reach into quotations. */
  g_assert_cmpuint (dossier_reader_view_find (fixture->view, "without inspection is hope"), ==, 1);
  g_assert_cmpuint (dossier_reader_view_find (fixture->view, "not blind"), ==, 1);
  dossier_reader_view_add_highlight (fixture->view, 1, 5, 0, 18);
  g_assert_cmpuint (dossier_reader_view_get_n_highlights (fixture->view), ==, 1);
  g_assert_true (paragraph_has_tag (fixture, 5, "highlight"));
}

static void
test_quote_footnote (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpuint (dossier_reader_view_get_n_footnote_markers (fixture->view), ==, 3);
  g_assert_true (paragraph_has_tag (fixture, 1, "block-quote"));
  /* The marker's position does not shift the paragraph's offsets. */
  g_assert_true (dossier_reader_view_select_range (fixture->view, 1, 82, 95));
  {
    g_autofree char *selected = dossier_reader_view_dup_selected_text (fixture->view);
    g_assert_cmpstr (selected, ==, "place, and no");
  }
}

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);

  g_test_add ("/dossier/reader/quote/style", Fixture, "blockquote-attribution.html",
              fixture_set_up, test_quote_style, fixture_tear_down);
  g_test_add ("/dossier/reader/quote/selection", Fixture, "blockquote-attribution.html",
              fixture_set_up, test_quote_selection, fixture_tear_down);
  g_test_add ("/dossier/reader/quote/footnote", Fixture, "blockquote-footnote.html",
              fixture_set_up, test_quote_footnote, fixture_tear_down);

  return g_test_run ();
}
