/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf-export"
#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "export/dossier-hyphenator.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-page-layout.h"
#include "memo/dossier-memo-json.h"
#include "export/dossier-pdf-exporter.h"
#include "dossier-test-files.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
#ifndef POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDest, poppler_dest_free)
#endif

/* The tests read the PDF back with poppler and look for unique words
 * ("Body07", "NoteText07") rather than at positions, so they hold with
 * any font metrics: they assert the rules (same page, order, two lines
 * on each side), not where lines happen to break. */

#define KOREAN "한반도 비핵화를 위한 단계적 접근은 검증 가능성이 핵심이다."
#define N_NOTES 24

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static DossierLayoutDocument *
build_memo (void)
{
  DossierLayoutDocument *doc = dossier_layout_document_new ();
  DossierLayoutBlock *block;
  guint note = 0;

  dossier_layout_document_set_marking (doc, "UNCLASSIFIED");
  dossier_layout_document_set_metadata (doc, "Interim Steps with North Korea",
                                        "Policy Planning Staff", "Interim Steps with North Korea");
  dossier_layout_document_add_header_field (doc, "MEMORANDUM FOR", "The Secretary");
  dossier_layout_document_add_header_field (doc, "FROM:", "Policy Planning Staff");
  dossier_layout_document_add_header_field (doc, "DATE:", "March 4, 2025");
  dossier_layout_document_add_header_field (doc, "SUBJECT:", "Interim Steps with North Korea");

  for (guint s = 1; s <= 4; s++)
    {
      g_autofree char *title = g_strdup_printf ("Section%u", s);

      block = dossier_layout_document_add_heading (doc, 1, TRUE);
      dossier_layout_block_add_text (block, title, DOSSIER_LAYOUT_STYLE_NONE);

      if (s == 2)
        {
          block = dossier_layout_document_add_heading (doc, 2, TRUE);
          dossier_layout_block_add_text (block, "Subsection", DOSSIER_LAYOUT_STYLE_NONE);
        }

      for (guint p = 0; p < 6; p++)
        {
          g_autofree char *word = g_strdup_printf ("Body%02u", ++note);

          block = dossier_layout_document_add_paragraph (doc);
          dossier_layout_block_add_text (block,
                                         "Allies in the region have expressed concern about the pace of "
                                         "negotiations, and several research institutes have proposed "
                                         "frameworks that stress verification, the sequencing of sanctions "
                                         "relief, and measures that build confidence between the parties. ",
                                         DOSSIER_LAYOUT_STYLE_NONE);
          dossier_layout_block_add_text (block, "Bold words", DOSSIER_LAYOUT_STYLE_BOLD);
          dossier_layout_block_add_text (block, " and ", DOSSIER_LAYOUT_STYLE_NONE);
          dossier_layout_block_add_text (block, "italic words", DOSSIER_LAYOUT_STYLE_ITALIC);
          dossier_layout_block_add_text (block, " end with ", DOSSIER_LAYOUT_STYLE_NONE);
          dossier_layout_block_add_text (block, word, DOSSIER_LAYOUT_STYLE_NONE);
          dossier_layout_block_add_note_ref (block, note);
          dossier_layout_block_add_text (block, " and more text follows the reference.", DOSSIER_LAYOUT_STYLE_NONE);
        }

      block = dossier_layout_document_add_bullet (doc, 1);
      dossier_layout_block_add_text (block, "A bullet point.", DOSSIER_LAYOUT_STYLE_NONE);
      block = dossier_layout_document_add_quote (doc, "An Official");
      dossier_layout_block_add_text (block, "A quotation worth keeping.", DOSSIER_LAYOUT_STYLE_NONE);
    }

  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, KOREAN, DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "That you approve the interim approach.", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_document_add_decision (doc, NULL);

  for (guint n = 1; n <= N_NOTES; n++)
    {
      g_autofree char *text = g_strdup_printf ("NoteText%02u, “A Report,” Institute, 2024, ", n);
      g_autofree char *url = g_strdup_printf ("https://example.org/report/%u", n);

      block = dossier_layout_document_add_note (doc, n);
      dossier_layout_block_add_text (block, text, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_link (block, url, url, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_text (block, ".", DOSSIER_LAYOUT_STYLE_NONE);
    }

  return doc;
}

static char *
export_to (Fixture               *fixture,
           DossierLayoutDocument *doc,
           const char            *name,
           DossierPaper           paper)
{
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  dossier_pdf_exporter_set_paper (exporter, paper);
  g_assert_true (dossier_pdf_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&exporter));
  return g_steal_pointer (&path);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static char **
page_texts (PopplerDocument *pdf)
{
  int n = poppler_document_get_n_pages (pdf);
  char **texts = g_new0 (char *, n + 1);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);

      texts[i] = poppler_page_get_text (page);
    }
  return texts;
}

/* The page (from 0) whose text has @word, or -1. */
static int
find_page (char       **texts,
           const char  *word)
{
  for (int i = 0; texts[i] != NULL; i++)
    if (strstr (texts[i], word) != NULL)
      return i;
  return -1;
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    n++;
  return n;
}

static void
test_pages_and_text (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autofree char *path = export_to (fixture, doc, "memo.pdf", DOSSIER_PAPER_LETTER);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (DOSSIER_PAPER_LETTER);
  g_auto(GStrv) texts = page_texts (pdf);
  g_autoptr(GString) all = g_string_new (NULL);
  int n_pages = poppler_document_get_n_pages (pdf);
  const char *order[] = { "MEMORANDUM FOR", "The Secretary", "FROM:", "Policy Planning Staff", "DATE:",
                          "March 4, 2025", "SUBJECT:", "Section1", "Body01", "Body06", "Section2",
                          "Subsection", "Body07", "Section3", "Section4", "Body24", "A quotation",
                          "An Official", KOREAN, "Approve", "Disapprove" };
  const char *cursor;
  double width, height;

  dossier_page_layout_set_document (layout, doc);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpint (n_pages, ==, dossier_page_layout_get_n_pages (layout));

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);

      /* The banner at the top and bottom of every page. */
      g_assert_cmpuint (count (texts[i], "UNCLASSIFIED"), ==, 2);
      g_assert_nonnull (strstr (texts[i], footer));
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 792, 0.5);

      /* Body text flows on, header fields only on page 1. */
      if (i > 0)
        g_assert_null (strstr (texts[i], "MEMORANDUM FOR"));
      g_string_append (all, texts[i]);
      g_string_append_c (all, '\n');
    }

  g_assert_cmpint (find_page (texts, "MEMORANDUM FOR"), ==, 0);
  g_assert_cmpint (find_page (texts, "SUBJECT:"), ==, 0);

  /* Header block, headings and body in order. */
  cursor = all->str;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (cursor, order[i]);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", order[i], all->str);
      cursor = found + strlen (order[i]);
    }

  /* Numbered headings. */
  g_assert_nonnull (strstr (all->str, "1. Section1") ?: strstr (all->str, "1.\u2002Section1"));
}

static void
test_footnotes_on_reference_page (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autofree char *path = export_to (fixture, doc, "notes.pdf", DOSSIER_PAPER_A4);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_auto(GStrv) texts = page_texts (pdf);
  int previous_page = 0;

  for (guint n = 1; n <= N_NOTES; n++)
    {
      g_autofree char *body = g_strdup_printf ("Body%02u", n);
      g_autofree char *note = g_strdup_printf ("NoteText%02u", n);
      g_autofree char *pattern = g_strdup_printf ("(^|\\n)%u\\.\\s*NoteText%02u", n, n);
      int body_page = find_page (texts, body);
      int note_page = find_page (texts, note);

      g_assert_cmpint (body_page, >=, 0);
      g_assert_cmpint (note_page, ==, body_page);
      g_assert_cmpint (note_page, >=, previous_page);
      previous_page = note_page;

      /* Printed with its number. */
      if (!g_regex_match_simple (pattern, texts[note_page], G_REGEX_MULTILINE, 0))
        g_error ("note %u not numbered on page %d:\n%s", n, note_page + 1, texts[note_page]);
    }

  /* On each page the notes come in increasing order. */
  for (int i = 0; texts[i] != NULL; i++)
    {
      const char *last = texts[i];

      for (guint n = 1; n <= N_NOTES; n++)
        {
          g_autofree char *note = g_strdup_printf ("NoteText%02u", n);
          const char *found = strstr (texts[i], note);

          if (found == NULL)
            continue;
          g_assert_true (found >= last);
          last = found;
        }
    }
}

static void
test_links_outline_metadata_fonts (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autofree char *path = export_to (fixture, doc, "links.pdf", DOSSIER_PAPER_LETTER);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_autoptr(GHashTable) uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PopplerFontInfo) fonts = NULL;
  g_auto(GStrv) texts = page_texts (pdf);
  PopplerFontsIter *iter = NULL;
  PopplerIndexIter *index;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL, *author = NULL, *subject = NULL, *creator = NULL;
  int n_pages = poppler_document_get_n_pages (pdf);
  guint n_fonts = 0;

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          if (mapping->action->type == POPPLER_ACTION_URI)
            g_hash_table_add (uris, g_strdup (mapping->action->uri.uri));
          else if (mapping->action->type == POPPLER_ACTION_GOTO_DEST &&
                   mapping->action->goto_dest.dest->type == POPPLER_DEST_NAMED)
            g_hash_table_add (dests, g_strdup (mapping->action->goto_dest.dest->named_dest));
        }
      poppler_page_free_link_mapping (links);
    }

  /* Every URL in the notes is a link; every reference jumps to its note. */
  for (guint n = 1; n <= N_NOTES; n++)
    {
      g_autofree char *url = g_strdup_printf ("https://example.org/report/%u", n);
      g_autofree char *dest = g_strdup_printf ("note-%u", n);
      g_autoptr(PopplerDest) named = NULL;

      g_assert_true (g_hash_table_contains (uris, url));
      g_assert_true (g_hash_table_contains (dests, dest));
      named = poppler_document_find_dest (pdf, dest);
      g_assert_nonnull (named);
    }

  /* The outline mirrors the sections, the subsection under its section. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (index);
      PopplerIndexIter *child = poppler_index_iter_get_child (index);

      g_ptr_array_add (titles, g_strdup (action->any.title));

      /* Each entry opens the page its section starts on. */
      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_cmpint (action->goto_dest.dest->type, ==, POPPLER_DEST_XYZ);
      {
        g_autofree char *word = g_strdup_printf ("Section%u", titles->len);

        g_assert_cmpint (action->goto_dest.dest->page_num - 1, ==, find_page (texts, word));
      }
      if (child != NULL)
        {
          PopplerAction *child_action = poppler_index_iter_get_action (child);

          g_assert_true (strstr (child_action->any.title, "Subsection") != NULL);
          g_assert_true (strstr (action->any.title, "Section2") != NULL);
          poppler_action_free (child_action);
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (index));
  poppler_index_iter_free (index);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (titles, 0), "Section1"));
  g_assert_nonnull (strstr (g_ptr_array_index (titles, 3), "Section4"));

  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  subject = poppler_document_get_subject (pdf);
  creator = poppler_document_get_creator (pdf);
  g_assert_cmpstr (title, ==, "Interim Steps with North Korea");
  g_assert_cmpstr (author, ==, "Policy Planning Staff");
  g_assert_cmpstr (subject, ==, "Interim Steps with North Korea");
  g_assert_cmpstr (creator, ==, "Dossier " PACKAGE_VERSION);

  /* Every font is embedded, Hangul's fallback too. */
  fonts = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (fonts, n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_test_message ("font %s embedded %d", poppler_fonts_iter_get_name (iter),
                          poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static void
test_korean (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autofree char *path = export_to (fixture, doc, "korean.pdf", DOSSIER_PAPER_A4);
  g_autoptr(PopplerDocument) pdf = open_pdf (path);
  g_auto(GStrv) texts = page_texts (pdf);

  /* The same Hangul comes back out, not boxes or question marks. */
  g_assert_cmpint (find_page (texts, KOREAN), >=, 0);
}

/* Removes the soft hyphens that end lines and joins the lines, so the
 * words come back whole; whitespace collapsed to single spaces. */
static char *
dehyphenate (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\xc2' && p[1] == '\xad')
        {
          /* Only at a line end: elsewhere Pango draws nothing. */
          g_assert_true (p[2] == '\n');
          p += 2;
          continue;
        }
      /* The hyphen Pango draws at a break is U+2010; it extracts as such
       * (cairo maps glyphs back through the font's cmap). */
      if (strncmp (p, "\xe2\x80\x90\n", 4) == 0)
        {
          p += 3;
          continue;
        }
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

#define LONG_WORDS "Internationalization requires interoperability between organizations, " \
                   "intergovernmental verification, comprehensive implementation, " \
                   "nonproliferation commitments and responsibilities. "

static void
test_hyphenation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "hyphen.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *dictionary = dossier_hyphenator_find_dictionary ("en-US");
  DossierLayoutBlock *block;
  GList *links;
  guint n_uri = 0;

  if (dictionary == NULL)
    {
      g_test_skip ("no English hyphenation dictionary (hyphen-en-us)");
      return;
    }

  /* A justified paragraph and a narrower quotation of long words, with
   * a bold word, a note reference and a link among them: the soft
   * hyphens shift every offset after them, so the styles, the note and
   * the link must still sit on their own words. */
  dossier_layout_document_set_language (doc, "en-US");
  block = dossier_layout_document_add_paragraph (doc);
  for (guint i = 0; i < 4; i++)
    dossier_layout_block_add_text (block, LONG_WORDS, DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_text (block, "Counter", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_text (block, "proliferation", DOSSIER_LAYOUT_STYLE_BOLD);
  dossier_layout_block_add_note_ref (block, 1);
  dossier_layout_block_add_text (block, " see the ", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_link (block, "implementation report", "https://example.org/implementation",
                                 DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_text (block, ". " LONG_WORDS LONG_WORDS, DOSSIER_LAYOUT_STYLE_ITALIC);
  block = dossier_layout_document_add_quote (doc, "Representative");
  for (guint i = 0; i < 3; i++)
    dossier_layout_block_add_text (block, LONG_WORDS, DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_note (doc, 1);
  dossier_layout_block_add_text (block, "NoteOne.", DOSSIER_LAYOUT_STYLE_NONE);

  dossier_pdf_exporter_set_paper (exporter, DOSSIER_PAPER_LETTER);
  dossier_pdf_exporter_set_justify (exporter, TRUE);
  g_assert_true (dossier_pdf_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_no_error (error);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);

  /* Some line ends with a hyphen: the glyph Pango draws at a break on a
   * soft hyphen, which extracts as U+2010 (glyphs are drawn without their
   * text; with it, as U+00AD). Joined up, the words are whole and in
   * order. */
  g_assert_true (strstr (text, "\xe2\x80\x90\n") != NULL || strstr (text, "\xc2\xad\n") != NULL);
  joined = dehyphenate (text);
  g_assert_nonnull (strstr (joined, "Internationalization requires interoperability between organizations"));
  g_assert_nonnull (strstr (joined, "Counterproliferation"));
  g_assert_nonnull (strstr (joined, "see the implementation report. Internationalization"));
  g_assert_nonnull (strstr (joined, "Representative"));
  g_assert_nonnull (strstr (joined, "NoteOne."));

  /* The link annotation still covers the link's words. */
  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;
      g_autofree char *covered = NULL;
      g_autofree char *covered_joined = NULL;
      PopplerRectangle area = mapping->area;
      double height, top;

      if (mapping->action->type != POPPLER_ACTION_URI)
        continue;
      g_assert_cmpstr (mapping->action->uri.uri, ==, "https://example.org/implementation");
      /* Link areas are in PDF space (from the bottom); text areas from the top. */
      poppler_page_get_size (page, NULL, &height);
      top = height - area.y2;
      area.y2 = height - area.y1;
      area.y1 = top;
      covered = poppler_page_get_text_for_area (page, &area);
      covered_joined = dehyphenate (covered);
      g_assert_true (strstr ("implementation report", covered_joined) != NULL ||
                     strstr (covered_joined, "implementation") != NULL ||
                     strstr (covered_joined, "report") != NULL);
      n_uri++;
    }
  poppler_page_free_link_mapping (links);
  g_assert_cmpuint (n_uri, >=, 1);
}

/* A paragraph of @n_lines forced lines, each "<tag>NN". */
static void
add_lines (DossierLayoutDocument *doc,
           const char            *tag,
           guint                  n_lines)
{
  DossierLayoutBlock *block = dossier_layout_document_add_paragraph (doc);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s%s%02u", i > 0 ? "\n" : "", tag, i);

      dossier_layout_block_add_text (block, line, DOSSIER_LAYOUT_STYLE_NONE);
    }
}

static void
test_widows_orphans_keep (Fixture       *fixture,
                          gconstpointer  data)
{
  gboolean split_seen = FALSE, heading_moved = FALSE;

  /* Shift the paragraph under test down line by line, so that the page
   * break falls at each of its lines in one variant or another. */
  for (guint filler = 30; filler < 60; filler++)
    {
      g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
      g_autofree char *name = g_strdup_printf ("widow-%u.pdf", filler);
      g_autofree char *path = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_auto(GStrv) texts = NULL;
      DossierLayoutBlock *heading;
      int heading_page, first_page;

      add_lines (doc, "Filler", filler);
      add_lines (doc, "Widow", 5);
      heading = dossier_layout_document_add_heading (doc, 1, FALSE);
      dossier_layout_block_add_text (heading, "KeepHeading", DOSSIER_LAYOUT_STYLE_NONE);
      add_lines (doc, "After", 6);

      path = export_to (fixture, doc, name, DOSSIER_PAPER_A4);
      pdf = open_pdf (path);
      texts = page_texts (pdf);

      for (int i = 0; texts[i] != NULL; i++)
        {
          guint widow = count (texts[i], "Widow");
          guint after = count (texts[i], "After");
          guint filled = count (texts[i], "Filler");

          /* Two lines at least on each side of a break, or none. */
          g_assert_true (widow == 0 || widow >= 2);
          g_assert_true (after == 0 || after >= 2);
          g_assert_true (filled == 0 || filled >= 2);
          if (widow > 0 && widow < 5)
            split_seen = TRUE;
        }

      /* The heading starts the page of the paragraph it heads. */
      heading_page = find_page (texts, "KeepHeading");
      first_page = find_page (texts, "After00");
      g_assert_cmpint (heading_page, ==, first_page);
      if (heading_page > find_page (texts, "Widow04"))
        heading_moved = TRUE;
    }

  g_assert_true (split_seen);
  g_assert_true (heading_moved);
}

static void
test_note_kept_with_reference (Fixture       *fixture,
                               gconstpointer  data)
{
  gboolean moved = FALSE;

  /* A ten-line note referenced from lines ever lower on the page: it
   * must land whole on its reference's page. */
  for (guint filler = 20; filler < 50; filler += 2)
    {
      g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
      g_autofree char *name = g_strdup_printf ("keep-%u.pdf", filler);
      g_autofree char *path = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_auto(GStrv) texts = NULL;
      DossierLayoutBlock *block;
      int ref_page;

      add_lines (doc, "Filler", filler);
      block = dossier_layout_document_add_paragraph (doc);
      dossier_layout_block_add_text (block, "RefLine", DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_note_ref (block, 1);
      add_lines (doc, "Tail", 8);
      block = dossier_layout_document_add_note (doc, 1);
      for (guint i = 0; i < 10; i++)
        {
          g_autofree char *line = g_strdup_printf ("%sNoteLine%02u", i > 0 ? "\n" : "", i);

          dossier_layout_block_add_text (block, line, DOSSIER_LAYOUT_STYLE_NONE);
        }

      path = export_to (fixture, doc, name, DOSSIER_PAPER_LETTER);
      pdf = open_pdf (path);
      texts = page_texts (pdf);
      ref_page = find_page (texts, "RefLine");
      g_assert_cmpint (ref_page, >=, 0);
      for (guint i = 0; i < 10; i++)
        {
          g_autofree char *line = g_strdup_printf ("NoteLine%02u", i);

          g_assert_cmpint (find_page (texts, line), ==, ref_page);
        }
      if (ref_page > 0)
        moved = TRUE;
    }

  g_assert_true (moved);
}

static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_auto(GStrv) texts = NULL;
  DossierLayoutBlock *block;
  int ref_page, last_page, previous = 0;

  add_lines (doc, "Filler", 10);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "LongRef", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_note_ref (block, 1);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "ShortRef", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_note_ref (block, 2);
  add_lines (doc, "Tail", 10);

  /* Longer than any page. */
  block = dossier_layout_document_add_note (doc, 1);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("%sLongLine%03u", i > 0 ? "\n" : "", i);

      dossier_layout_block_add_text (block, line, DOSSIER_LAYOUT_STYLE_NONE);
    }
  block = dossier_layout_document_add_note (doc, 2);
  dossier_layout_block_add_text (block, "ShortNote", DOSSIER_LAYOUT_STYLE_NONE);

  path = export_to (fixture, doc, "long.pdf", DOSSIER_PAPER_A4);
  pdf = open_pdf (path);
  texts = page_texts (pdf);

  /* It starts on its reference's page and goes on over the next ones,
   * every line once and in order. */
  ref_page = find_page (texts, "LongRef");
  g_assert_cmpint (find_page (texts, "LongLine000"), ==, ref_page);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("LongLine%03u", i);
      int page = find_page (texts, line);

      g_assert_cmpint (page, >=, previous);
      previous = page;
    }
  last_page = previous;
  g_assert_cmpint (last_page, >, ref_page);

  /* The note after it comes after it. */
  g_assert_cmpint (find_page (texts, "ShortNote"), >=, find_page (texts, "ShortRef"));
  g_assert_cmpint (find_page (texts, "Tail09"), >=, 0);
}

/* The text of all pages without white space, page footers ("Page 2 of
 * 9") and the hyphens Pango adds at line ends inside words. */
static char *
joined_text (char **texts)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; texts[i] != NULL; i++)
    for (const char *p = texts[i]; *p != '\0'; p++)
      {
        if ((p == texts[i] || p[-1] == '\n') && g_str_has_prefix (p, "Page "))
          p = strchr (p, '\n') != NULL ? strchr (p, '\n') : p + strlen (p) - 1;
        /* The hyphen Pango draws where it breaks inside a word. */
        else if (strncmp (p, "\xe2\x80\x90\n", 4) == 0)
          p += 3;
        else if (!g_ascii_isspace (*p))
          g_string_append_c (all, *p);
      }
  return g_string_free (all, FALSE);
}

/* A 250 KB paragraph without a space, and a 250 KB URL-like one (a
 * block holds 256 KiB at most): Pango alone took 30 s on the first
 * (quadratic line breaking). Both export,
 * every character of them, over many lines and a sane number of pages;
 * the zero-width spaces that let the URL wrap do not extract. The time
 * is measured in bench/pdf/longword.py, not here. */
static void
test_long_unbroken (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) url = g_string_new ("https://example.org/");
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_auto(GStrv) texts = NULL;
  DossierLayoutBlock *block;
  int n_pages;

  while (word->len < 250000)
    g_string_append (word, "Abcdefghij");
  for (guint i = 0; url->len < 250000; i++)
    g_string_append_printf (url, "segment%u.part_%u/?q=%u&x=y-", i, i, i);

  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "WordStart", DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, word->str, DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "UrlStart", DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_link (block, url->str, url->str, DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_text (block, " UrlEnd", DOSSIER_LAYOUT_STYLE_NONE);

  path = export_to (fixture, doc, "long-unbroken.pdf", DOSSIER_PAPER_A4);
  pdf = open_pdf (path);
  texts = page_texts (pdf);
  n_pages = poppler_document_get_n_pages (pdf);
  /* About 4,000 characters a page. */
  g_assert_cmpint (n_pages, >, 60);
  g_assert_cmpint (n_pages, <, 400);
  /* Split across full lines, not one per page. */
  g_assert_cmpuint (count (texts[1], "\n"), >, 30);

  all = joined_text (texts);
  g_assert_nonnull (strstr (all, word->str));
  g_assert_nonnull (strstr (all, url->str));
  g_assert_nonnull (strstr (all, "UrlEnd"));
  g_assert_null (strstr (all, "\u200b"));
}

/* A note with long URLs: it wraps only after "/", ".", "?", "&", "-",
 * "_" or "=", never right after "https://". */
static void
test_url_breaks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) lines = NULL;
  DossierLayoutBlock *block;
  guint url_lines = 0;

  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "Body text", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_note_ref (block, 1);
  block = dossier_layout_document_add_note (doc, 1);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://www.verylonghostnameforpolicyresearch%u.example.org/"
                                              "publications/2024/interim_steps-north_korea?session=%uabcdef&format=pdf",
                                              i, i * 7919);

      dossier_layout_block_add_text (block, i % 2 ? "See " : "And ", DOSSIER_LAYOUT_STYLE_NONE);
      if (i % 2)
        dossier_layout_block_add_link (block, url, url, DOSSIER_LAYOUT_STYLE_NONE);
      else
        dossier_layout_block_add_text (block, url, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_text (block, ". ", DOSSIER_LAYOUT_STYLE_NONE);
    }

  path = export_to (fixture, doc, "urls.pdf", DOSSIER_PAPER_A4);
  pdf = open_pdf (path);
  texts = page_texts (pdf);
  lines = g_strsplit (texts[0], "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);
      const char *last_space = strrchr (line, ' ');
      const char *tail = last_space ? last_space + 1 : line;

      g_assert_false (g_str_has_suffix (line, "https://"));
      g_assert_false (g_str_has_suffix (line, "https:/"));
      /* A line ending inside a URL ends after one of its separators. */
      if (len > 0 && (strstr (tail, "://") != NULL || strstr (tail, ".example.org") != NULL ||
                      strstr (tail, "publications") != NULL || strstr (tail, "session") != NULL) &&
          !g_str_has_suffix (line, "pdf."))
        {
          url_lines++;
          g_assert_nonnull (strchr ("/.?&-_=", line[len - 1]));
        }
    }
  g_assert_cmpuint (url_lines, >, 3);
  g_assert_null (strstr (texts[0], "\u200b"));
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* The numbers of the /QuadPoints of the link annotation whose URI is
 * @uri, read from the PDF's bytes (cairo writes annotations as plain
 * text): 8 per area that can be clicked. */
static guint
count_quad_numbers (const char *pdf_path,
                    const char *uri)
{
  g_autofree char *data = NULL;
  g_autofree char *needle = g_strdup_printf ("/URI (%s)", uri);
  g_auto(GStrv) numbers = NULL;
  const char *found, *annot, *quads, *end;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_get_contents (pdf_path, &data, &length, NULL));
  /* Not g_strstr_len(): it stops at the first NUL of the binary parts. */
  found = memmem (data, length, needle, strlen (needle));
  g_assert_nonnull (found);
  annot = found;
  while (annot > data && strncmp (annot, "/Type /Annot", strlen ("/Type /Annot")) != 0)
    annot--;
  quads = memmem (annot, found - annot, "/QuadPoints [", strlen ("/QuadPoints ["));
  if (quads == NULL)
    return 0;
  quads += strlen ("/QuadPoints [");
  end = strchr (quads, ']');
  g_assert_nonnull (end);
  {
    g_autofree char *list = g_strndup (quads, end - quads);

    numbers = g_strsplit_set (g_strstrip (list), " \n", -1);
  }
  for (guint i = 0; numbers[i] != NULL; i++)
    if (*numbers[i] != '\0')
      n++;
  return n;
}

/* A URL is written into the PDF once per link, not once per line it
 * wraps onto: a note with a 100 KB URL made a 104 MB PDF (1 MB: 2.7 GB).
 * Each of its lines can still be clicked: where it starts, one link
 * annotation with an area per line; on the pages it continues onto, a
 * link to where it starts (cairo 1.16 writes no annotation that pages
 * could share). A link over two lines of one page is one annotation with
 * two areas. */
static void
test_long_url_once (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) url = g_string_new ("https://example.org/");
  const char *short_url = "https://www.policy-research.example.org/publications/2024/"
                          "interim-steps-on-the-peninsula-and-what-verification-can-achieve";
  g_autofree char *with_link = NULL;
  g_autofree char *as_text = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_auto(GStrv) texts = NULL;
  gsize link_size, text_size;
  int first_page = -1, last_page = -1;
  guint n_uri = 0;

  for (guint i = 0; url->len < 100 * 1024; i++)
    g_string_append_printf (url, "segment%u/", i);

  for (guint as_link = 0; as_link < 2; as_link++)
    {
      g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
      DossierLayoutBlock *block;

      block = dossier_layout_document_add_paragraph (doc);
      dossier_layout_block_add_text (block, "The short link ", DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_link (block, short_url, short_url, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_text (block, " wraps onto a second line, and the note", DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_note_ref (block, 1);
      dossier_layout_block_add_text (block, " has a long one.", DOSSIER_LAYOUT_STYLE_NONE);
      block = dossier_layout_document_add_note (doc, 1);
      dossier_layout_block_add_text (block, "See ", DOSSIER_LAYOUT_STYLE_NONE);
      if (as_link)
        dossier_layout_block_add_link (block, url->str, url->str, DOSSIER_LAYOUT_STYLE_NONE);
      else
        dossier_layout_block_add_text (block, url->str, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_text (block, " UrlEnd.", DOSSIER_LAYOUT_STYLE_NONE);

      if (as_link)
        with_link = export_to (fixture, doc, "long-url-link.pdf", DOSSIER_PAPER_A4);
      else
        as_text = export_to (fixture, doc, "long-url-text.pdf", DOSSIER_PAPER_A4);
    }

  /* The URL once, and a little for the areas and the links onward. */
  link_size = file_size (with_link);
  text_size = file_size (as_text);
  g_test_message ("%zu bytes with the link, %zu without", link_size, text_size);
  g_assert_cmpuint (link_size, >, text_size + url->len);
  g_assert_cmpuint (link_size, <, text_size + url->len + url->len / 4);

  pdf = open_pdf (with_link);
  texts = page_texts (pdf);
  for (int i = 0; texts[i] != NULL; i++)
    if (strstr (texts[i], "segment") != NULL)
      {
        if (first_page < 0)
          first_page = i;
        last_page = i;
      }
  g_assert_cmpint (first_page, >=, 0);
  /* A URL this long goes over pages. */
  g_assert_cmpint (last_page, >, first_page);

  for (int i = first_page; i <= last_page; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *links = poppler_page_get_link_mapping (page);
      guint n_on_page = 0;
      double height = 0;

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          if (mapping->action->type == POPPLER_ACTION_URI &&
              g_str_equal (mapping->action->uri.uri, url->str))
            {
              g_assert_cmpint (i, ==, first_page);
              n_uri++;
              n_on_page++;
              height = mapping->area.y2 - mapping->area.y1;
            }
          else if (mapping->action->type == POPPLER_ACTION_GOTO_DEST &&
                   mapping->action->goto_dest.dest->type == POPPLER_DEST_NAMED &&
                   g_str_has_prefix (mapping->action->goto_dest.dest->named_dest, "link-"))
            {
              g_autoptr(PopplerDest) dest = poppler_document_find_dest (pdf, mapping->action->goto_dest.dest->named_dest);

              /* To where the URL starts. */
              g_assert_nonnull (dest);
              g_assert_cmpint (dest->page_num, ==, first_page + 1);
              g_assert_cmpint (i, >, first_page);
              n_on_page++;
              height = mapping->area.y2 - mapping->area.y1;
            }
        }
      poppler_page_free_link_mapping (links);
      /* One link a page, over all its lines there. */
      g_assert_cmpuint (n_on_page, ==, 1);
      g_assert_cmpfloat (height, >, 50.0);
    }
  g_assert_cmpuint (n_uri, ==, 1);

  /* The short link: one annotation, an area on each of its two lines. */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
    GList *links = poppler_page_get_link_mapping (page);
    guint n_short = 0;

    for (GList *l = links; l != NULL; l = l->next)
      {
        PopplerLinkMapping *mapping = l->data;

        if (mapping->action->type == POPPLER_ACTION_URI && g_str_equal (mapping->action->uri.uri, short_url))
          {
            n_short++;
            g_assert_cmpfloat (mapping->area.y2 - mapping->area.y1, >, 20.0);
          }
      }
    poppler_page_free_link_mapping (links);
    g_assert_cmpuint (n_short, ==, 1);
    g_assert_cmpuint (count_quad_numbers (with_link, short_url), ==, 16);
  }
}

static void
test_paper_a4 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "a4.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_auto(GStrv) texts = NULL;
  double width, height;

  /* Justified, on A4. */
  dossier_pdf_exporter_set_paper (exporter, DOSSIER_PAPER_A4);
  dossier_pdf_exporter_set_justify (exporter, TRUE);
  g_assert_true (dossier_pdf_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&pdf);
  pdf = open_pdf (path);
  texts = page_texts (pdf);
  g_assert_cmpint (find_page (texts, "Body24"), ==, find_page (texts, "NoteText24"));
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.9, 0.5);
}

static void
test_paper_locale (void)
{
  DossierPaper paper;

  g_assert_cmpint (dossier_paper_for_locale ("en_US.UTF-8"), ==, DOSSIER_PAPER_LETTER);
  g_assert_cmpint (dossier_paper_for_locale ("fr_CA"), ==, DOSSIER_PAPER_LETTER);
  g_assert_cmpint (dossier_paper_for_locale ("es_MX.UTF-8@euro"), ==, DOSSIER_PAPER_LETTER);
  g_assert_cmpint (dossier_paper_for_locale ("en_PH"), ==, DOSSIER_PAPER_LETTER);
  g_assert_cmpint (dossier_paper_for_locale ("en_GB.UTF-8"), ==, DOSSIER_PAPER_A4);
  g_assert_cmpint (dossier_paper_for_locale ("ko_KR.UTF-8"), ==, DOSSIER_PAPER_A4);
  g_assert_cmpint (dossier_paper_for_locale ("C.UTF-8"), ==, DOSSIER_PAPER_A4);
  g_assert_cmpint (dossier_paper_for_locale (NULL), ==, DOSSIER_PAPER_A4);
  g_assert_cmpint (dossier_paper_for_locale ("en_USA"), ==, DOSSIER_PAPER_A4);

  g_assert_true (dossier_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, DOSSIER_PAPER_LETTER);
  g_assert_true (dossier_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, DOSSIER_PAPER_A4);
  g_assert_false (dossier_paper_from_string ("legal", &paper));
}

static void
test_atomic_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *target = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  const char *name;
  gsize length;

  /* An existing file is replaced whole. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_true (dossier_pdf_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A folder that is not there: an error, and nothing written. */
  g_assert_false (dossier_pdf_exporter_export (exporter, doc, bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A cancelled export leaves the old file and no temporary file. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (dossier_pdf_exporter_export (exporter, doc, file, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "out.pdf");
}

static void
export_failed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (dossier_pdf_exporter_export_finish (DOSSIER_PDF_EXPORTER (source), result, error));
  g_assert_nonnull (*error);
}

/* On a full disk (a file size limit, no privileges needed) an export,
 * synchronous or not, fails and the old PDF stays as it was, with no
 * temporary file beside it. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = NULL;
  g_autoptr(DossierPdfExporter) exporter = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  const char *old = "%PDF-1.5\n% an older export\n";

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  doc = build_memo ();
  exporter = dossier_pdf_exporter_new ();
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  dossier_test_limit_file_size (16 * 1024);

  g_assert_false (dossier_pdf_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);
  g_clear_pointer (&contents, g_free);

  dossier_pdf_exporter_export_async (exporter, doc, file, NULL, export_failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);

  names = dossier_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "out.pdf");
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  gboolean busy;
  double progress;

  g_assert_true (dossier_pdf_exporter_export_finish (DOSSIER_PDF_EXPORTER (source), result, &error));
  g_assert_no_error (error);
  g_object_get (source, "busy", &busy, "progress", &progress, NULL);
  g_assert_false (busy);
  g_assert_cmpfloat (progress, ==, 1.0);
  *done = TRUE;
}

static void
progress_notified_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  double *last = user_data;
  double progress;

  /* Only ever forward, notified on this thread. */
  g_object_get (object, "progress", &progress, NULL);
  g_assert_cmpfloat (progress, >=, *last);
  *last = progress;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) pdf = NULL;
  DossierLayoutBlock *block;
  gboolean done = FALSE, busy = FALSE;
  double last = 0;
  guint i;

  /* Long enough to report progress along the way. */
  for (i = 0; i < 12; i++)
    {
      g_autofree char *word = g_strdup_printf ("Extra%02u", i);

      add_lines (doc, word, 40);
    }
  g_signal_connect (exporter, "notify::progress", G_CALLBACK (progress_notified_cb), &last);

  dossier_pdf_exporter_export_async (exporter, doc, file, NULL, export_done_cb, &done);
  g_object_get (exporter, "busy", &busy, NULL);
  g_assert_true (busy);

  /* The caller may edit its document meanwhile: the thread has a copy. */
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "AddedLater", DOSSIER_LAYOUT_STYLE_NONE);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 10);
  {
    g_auto(GStrv) texts = page_texts (pdf);

    g_assert_cmpint (find_page (texts, "AddedLater"), ==, -1);
  }
  g_assert_cmpfloat (last, ==, 1.0);
  g_signal_handlers_disconnect_by_data (exporter, &last);
  g_assert_finalize_object (g_steal_pointer (&exporter));
}

static void
test_incremental (void)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autoptr(DossierLayoutDocument) edited = build_memo ();
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (DOSSIER_PAPER_LETTER);
  DossierLayoutBlock *block;
  guint n_pages;

  dossier_page_layout_set_document (layout, doc);
  n_pages = dossier_page_layout_get_n_pages (layout);
  for (guint i = 0; i < n_pages; i++)
    g_assert_true (dossier_page_layout_get_page_changed (layout, i));

  /* The same content again: nothing to redraw. */
  dossier_page_layout_set_document (layout, edited);
  for (guint i = 0; i < n_pages; i++)
    g_assert_false (dossier_page_layout_get_page_changed (layout, i));

  /* A word added at the end changes only the last page. */
  block = dossier_layout_document_get_block (edited, dossier_layout_document_get_n_blocks (edited) - 2);
  dossier_layout_block_add_text (block, " Edited.", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_page_layout_set_document (layout, edited);
  g_assert_cmpuint (dossier_page_layout_get_n_pages (layout), ==, n_pages);
  g_assert_false (dossier_page_layout_get_page_changed (layout, 0));
  g_assert_true (dossier_page_layout_get_page_changed (layout, n_pages - 1));

  g_assert_cmpint (dossier_page_layout_get_note_page (layout, 1), ==, 0);
  g_assert_cmpint (dossier_page_layout_get_note_page (layout, 999), ==, -1);
}

static void
test_draw_to_image (void)
{
  g_autoptr(DossierLayoutDocument) doc = build_memo ();
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (DOSSIER_PAPER_A4);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  const DossierLayoutHeading *headings;
  guint n_headings;
  guint64 dark = 0;
  unsigned char *data;
  int stride;

  dossier_page_layout_set_document (layout, doc);
  dossier_page_layout_get_page_size (layout, &width, &height);

  /* A preview draws a page at its own scale on any surface. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(width / 2), (int)(height / 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  dossier_page_layout_draw_page (layout, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((((guint32 *)(gpointer)(data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 1000);
  cairo_surface_destroy (surface);

  headings = dossier_page_layout_get_headings (layout, &n_headings);
  g_assert_cmpuint (n_headings, ==, 5);
  g_assert_cmpuint (headings[0].page, ==, 0);
  g_assert_cmpuint (headings[2].level, ==, 2);
  g_assert_true (headings[4].page >= headings[0].page);
}

static void
test_memo_adapter (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = dossier_memo_load_file (file, NULL, &error);
  g_autoptr(DossierLayoutDocument) doc = NULL;
  const char *label, *value;
  const DossierLayoutRun *runs;
  gboolean decision = FALSE, quote = FALSE, link = FALSE;
  guint n_runs, refs = 0;

  g_assert_no_error (error);
  doc = dossier_memo_to_layout_document (memo);

  g_assert_cmpstr (dossier_layout_document_get_marking (doc), ==, "SENSITIVE BUT UNCLASSIFIED");
  g_assert_cmpstr (dossier_layout_document_get_title (doc), ==, "(SBU) Sequencing Sanctions Relief for a Verified Freeze");
  g_assert_cmpstr (dossier_layout_document_get_author (doc), ==, "Bureau of East Asian Affairs, Jordan Lee");
  g_assert_cmpuint (dossier_layout_document_get_n_header_fields (doc), ==, 4);
  dossier_layout_document_get_header_field (doc, 0, &label, &value);
  g_assert_cmpstr (label, ==, "ACTION MEMO FOR");
  g_assert_cmpstr (value, ==, "The Under Secretary for Political Affairs");
  dossier_layout_document_get_header_field (doc, 2, &label, &value);
  g_assert_cmpstr (value, ==, "March 4, 2025");

  for (guint i = 0; i < dossier_layout_document_get_n_blocks (doc); i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_block (doc, i);

      if (dossier_layout_block_get_kind (block) == DOSSIER_LAYOUT_BLOCK_DECISION)
        {
          const char * const *choices = dossier_layout_block_get_choices (block);

          g_assert_cmpstr (choices[0], ==, "Approve");
          g_assert_cmpstr (choices[1], ==, "Disapprove");
          g_assert_null (choices[2]);
          decision = TRUE;
        }
      if (dossier_layout_block_get_kind (block) == DOSSIER_LAYOUT_BLOCK_QUOTE)
        {
          g_assert_cmpstr (dossier_layout_block_get_attribution (block), ==, "Yoon Ha-eun");
          quote = TRUE;
        }
      runs = dossier_layout_block_get_runs (block, &n_runs);
      for (guint r = 0; r < n_runs; r++)
        if (runs[r].note > 0)
          g_assert_cmpuint (runs[r].note, ==, ++refs);
    }
  g_assert_true (decision);
  g_assert_true (quote);

  /* Notes numbered in reading order, one per reference, URLs as links. */
  g_assert_cmpuint (dossier_layout_document_get_n_notes (doc), ==, refs);
  g_assert_cmpuint (refs, ==, 9);
  runs = dossier_layout_block_get_runs (dossier_layout_document_get_note (doc, 0), &n_runs);
  for (guint r = 0; r < n_runs; r++)
    if (g_strcmp0 (runs[r].uri, "https://harbor.example.org/phased-relief") == 0)
      link = TRUE;
  g_assert_true (link);
  g_assert_true (g_str_has_prefix (dossier_layout_block_get_text (dossier_layout_document_get_note (doc, 2)),
                                   "Stone, “Phased Relief and the Freeze.”"));

  /* Real figures for lint: one page; the BLUF is one paragraph of a few
   * lines, the background three blocks and more. */
  g_assert_cmpuint (dossier_memo_layout_count_pages (memo, DOSSIER_PAPER_LETTER), ==, 1);
  g_assert_cmpuint (dossier_memo_layout_count_lines (memo, dossier_memo_get_section (memo, 0), DOSSIER_PAPER_LETTER), >=, 1);
  g_assert_cmpuint (dossier_memo_layout_count_lines (memo, dossier_memo_get_section (memo, 0), DOSSIER_PAPER_LETTER), <=, 4);
  g_assert_cmpuint (dossier_memo_layout_count_lines (memo, dossier_memo_get_section (memo, 2), DOSSIER_PAPER_LETTER), >=, 7);
}

static void
test_hostile (void)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (DOSSIER_PAPER_A4);
  g_autoptr(GString) huge = g_string_new (NULL);
  DossierLayoutBlock *block;

  /* Refs to notes that do not exist, a note referenced twice, a heading
   * as the last block, a huge unbreakable word, invalid UTF-8. */
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_note_ref (block, 7);
  dossier_layout_block_add_note_ref (block, 1);
  dossier_layout_block_add_note_ref (block, 1);
  dossier_layout_block_add_text (block, "bad \xff\xfe utf8", DOSSIER_LAYOUT_STYLE_NONE);
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (huge, 'x');
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, huge->str, DOSSIER_LAYOUT_STYLE_BOLD);
  block = dossier_layout_document_add_note (doc, 1);
  dossier_layout_block_add_text (block, huge->str, DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_document_add_note (doc, 1);
  block = dossier_layout_document_add_heading (doc, 9, TRUE);
  dossier_layout_block_add_text (block, "Last", DOSSIER_LAYOUT_STYLE_NONE);

  dossier_page_layout_set_document (layout, doc);
  g_assert_cmpuint (dossier_page_layout_get_n_pages (layout), >=, 1);
  g_assert_cmpuint (dossier_page_layout_get_n_pages (layout), <, 100);

  /* An empty document is one page. */
  g_clear_object (&doc);
  doc = dossier_layout_document_new ();
  dossier_page_layout_set_document (layout, doc);
  g_assert_cmpuint (dossier_page_layout_get_n_pages (layout), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export/paper/locale", test_paper_locale);
  g_test_add_func ("/dossier/export/layout/incremental", test_incremental);
  g_test_add_func ("/dossier/export/layout/draw-to-image", test_draw_to_image);
  g_test_add_func ("/dossier/export/layout/hostile", test_hostile);
  g_test_add_func ("/dossier/export/layout/memo-adapter", test_memo_adapter);
  g_test_add ("/dossier/export/pdf/pages-and-text", Fixture, NULL, fixture_set_up, test_pages_and_text, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/footnotes", Fixture, NULL, fixture_set_up, test_footnotes_on_reference_page, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/links-outline-metadata-fonts", Fixture, NULL, fixture_set_up, test_links_outline_metadata_fonts, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/korean", Fixture, NULL, fixture_set_up, test_korean, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/hyphenation", Fixture, NULL, fixture_set_up, test_hyphenation, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/widows-orphans-keep", Fixture, NULL, fixture_set_up, test_widows_orphans_keep, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/note-kept-with-reference", Fixture, NULL, fixture_set_up, test_note_kept_with_reference, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/long-note", Fixture, NULL, fixture_set_up, test_long_note, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/long-unbroken", Fixture, NULL, fixture_set_up, test_long_unbroken, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/long-url-once", Fixture, NULL, fixture_set_up, test_long_url_once, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/url-breaks", Fixture, NULL, fixture_set_up, test_url_breaks, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/a4", Fixture, NULL, fixture_set_up, test_paper_a4, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/atomic", Fixture, NULL, fixture_set_up, test_atomic_write, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/dossier/export/pdf/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
