/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF importer on page layouts written here as plain PDF content
 * streams, where every line stands exactly where a word processor would
 * put it: sentences repeated in the body where running heads stand, and
 * label and value columns on one baseline. */
#define G_LOG_DOMAIN "test-pdf-layouts"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export/dossier-layout-document.h"
#include "export/dossier-pdf-exporter.h"
#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "model/dossier-author.h"
#include "model/dossier-footnote.h"
#include "model/dossier-paragraph.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-pdf-layouts-XXXXXX", &error);
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

/* A Letter-size PDF of @n_pages content streams, with Helvetica as /F1
 * and Helvetica-Bold as /F2. */
static void
write_plain_pdf (const char *path,
                 GPtrArray  *pages)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  for (guint p = 0; p < pages->len; p++)
    g_string_append_printf (kids, "%u 0 R ", 5 + 2 * p);
  g_ptr_array_add (objects, g_strdup ("<</Type/Catalog/Pages 2 0 R>>"));
  g_ptr_array_add (objects, g_strdup_printf ("<</Type/Pages/Kids[%s]/Count %u>>", kids->str, pages->len));
  g_ptr_array_add (objects, g_strdup ("<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"));
  g_ptr_array_add (objects, g_strdup ("<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold>>"));
  for (guint p = 0; p < pages->len; p++)
    {
      const char *content = g_ptr_array_index (pages, p);

      g_ptr_array_add (objects, g_strdup_printf ("<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents %u 0 R"
                                                 "/Resources<</Font<</F1 3 0 R/F2 4 0 R>>>>>>", 6 + 2 * p));
      g_ptr_array_add (objects, g_strdup_printf ("<</Length %zu>>stream\n%sendstream", strlen (content), content));
    }

  for (guint i = 0; i < objects->len; i++)
    {
      gsize offset = pdf->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, (char *) g_ptr_array_index (objects, i));
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<</Size %u/Root 1 0 R>>\nstartxref\n%zu\n%%%%EOF\n", objects->len + 1, xref);
  g_assert_true (g_file_set_contents (path, pdf->str, pdf->len, NULL));
}

static void
show (GString    *page,
      const char *font,
      double      size,
      double      x,
      double      y,
      const char *text)
{
  g_string_append_printf (page, "BT /%s %g Tf %g %g Td (%s) Tj ET\n", font, size, x, y, text);
}

static DossierDocument *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, error);

  if (document != NULL && g_test_verbose ())
    {
      g_autofree char *json = dossier_document_to_json (document, NULL);

      g_printerr ("%s\n", json);
    }
  return document;
}

/* How many paragraphs of @document say exactly @text. */
static guint
count_paragraphs (DossierDocument *document,
                  const char      *text)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      n += g_strcmp0 (dossier_paragraph_get_text (paragraph), text) == 0;
    }
  return n;
}

static DossierParagraph *
paragraph_at (DossierDocument *document,
              guint            i)
{
  g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (dossier_document_get_paragraphs (document), i);

  return paragraph;  /* the document keeps it */
}

static gboolean
any_paragraph_has (DossierDocument *document,
                   const char      *text)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (strstr (dossier_paragraph_get_text (paragraph), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Sentences repeated in the body                                           */

#define BODY_SIZE 11
#define BODY_PITCH 14
#define PAGE_TOP_Y 700     /* the first baseline of a page's text */
#define PAGE_LINES 46      /* down to the baseline at 70, in the foot band */

/* The lines of ordinary paragraph @n, each distinct. */
static void
paragraph_lines (guint  n,
                 char  *lines[3])
{
  lines[0] = g_strdup_printf ("Post %u logged the lorries that crossed before noon, and the", n);
  lines[1] = g_strdup_printf ("officers checked each load against its manifest, which took %u", 20 + n);
  lines[2] = g_strdup_printf ("minutes on the days when the queue reached the bridge at post %u.", n);
}

static char *
paragraph_text (guint n)
{
  char *lines[3];
  char *text;

  paragraph_lines (n, lines);
  text = g_strjoin (" ", lines[0], lines[1], lines[2], NULL);
  for (guint i = 0; i < 3; i++)
    g_free (lines[i]);
  return text;
}

typedef struct {
  const char *text;     /* a paragraph that repeats, NULL when none */
  const char *head;     /* the running head of every page but the first */
  double head_size;
  double head_y;
} RepeatLayout;

/* Pages of paragraphs with a first-line indent and no space between
 * them, where a one-line paragraph (a refrain, a label that recurs, a
 * quoted line) repeats where a running head or foot would stand: first
 * on some pages, last on others. @pages says what each page holds ("/"
 * between pages): "15P" fifteen paragraphs of three lines, "R" the
 * repeated one; 46 lines fill a page. It must stay every time, the
 * running head and page numbers never. */
static void
check_repeats (const char         *path,
               const RepeatLayout *layout,
               const char         *spec)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_auto(GStrv) page_specs = g_strsplit (spec, "/", -1);
  guint n_paragraphs = 0, n_repeats = 0;

  for (guint p = 0; page_specs[p] != NULL; p++)
    {
      GString *page = g_string_new (NULL);
      g_autofree char *folio = g_strdup_printf ("%u", p + 1);
      double y = PAGE_TOP_Y;
      guint count = 0;

      if (p == 0)
        show (page, "F2", 18, 72, 740, "Crossings at Dawn");
      else if (layout->head != NULL)
        show (page, "F1", layout->head_size, 72, layout->head_y, layout->head);
      show (page, "F1", 9, 300, 40, folio);

      for (const char *c = page_specs[p]; *c != '\0'; c++)
        {
          if (g_ascii_isdigit (*c))
            {
              count = count * 10 + (*c - '0');
              continue;
            }
          for (guint k = 0; k < MAX (count, 1); k++)
            {
              if (*c == 'P')
                {
                  char *lines[3];

                  paragraph_lines (n_paragraphs++, lines);
                  for (guint i = 0; i < 3; i++)
                    {
                      show (page, "F1", BODY_SIZE, i == 0 ? 90 : 72, y, lines[i]);
                      y -= BODY_PITCH;
                      g_free (lines[i]);
                    }
                }
              else
                {
                  g_assert_true (*c == 'R');
                  show (page, "F1", BODY_SIZE, 90, y, layout->text);
                  y -= BODY_PITCH;
                  n_repeats++;
                }
            }
          count = 0;
        }
      g_assert_cmpfloat (y, >=, PAGE_TOP_Y - PAGE_LINES * BODY_PITCH);
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }

  write_plain_pdf (path, pages);
  document = import_path (path, &error);
  g_assert_no_error (error);

  if (layout->text != NULL)
    g_assert_cmpuint (count_paragraphs (document, layout->text), ==, n_repeats);
  for (guint n = 0; n < n_paragraphs; n++)
    {
      g_autofree char *text = paragraph_text (n);

      g_assert_cmpuint (count_paragraphs (document, text), ==, 1);
    }
  if (layout->head != NULL)
    g_assert_false (any_paragraph_has (document, layout->head));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==,
                    n_paragraphs + n_repeats);
}

static void
test_repeated_sentences (Fixture       *fixture,
                         gconstpointer  data)
{
  /* A refrain that ends pages 1 and 3 and starts pages 2 and 4, under a
   * running head in small type. */
  static const RepeatLayout refrain = { "The gate stayed shut.", "Border Crossing Notes", 9, 752 };
  /* A label that recurs at the foot of two pages (above a table on the
   * next, say). */
  static const RepeatLayout label = { "Crossings refused at the river posts", "Border Crossing Notes", 9, 752 };
  /* A quoted line at the top of two pages of five, no running head. */
  static const RepeatLayout quote = { "We will open the road when it is safe, she said.", NULL, 0, 0 };
  /* A running head in the text's size, one line above it: a word
   * processor's header with no spacing below it. */
  static const RepeatLayout glued = { NULL, "Border Crossing Notes", BODY_SIZE, PAGE_TOP_Y + BODY_PITCH };
  const struct { const RepeatLayout *layout; const char *pages; } cases[] = {
    { &refrain, "15PR/R15P/15PR/R15P/10P" },
    { &label, "15PR/15PR/15P/10P" },
    { &quote, "15P/R15P/15P/R15P/5P" },
    /* at the foot of one page and the top of the next */
    { &refrain, "15PR/R15P/5P" },
    { &glued, "15P/15P/15P/5P" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("repeats-%u.pdf", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_test_message ("layout %u: %s", i, cases[i].pages);
      check_repeats (path, cases[i].layout, cases[i].pages);
    }
}

/* ------------------------------------------------------------------------ */
/* Label and value columns                                                  */

/* Dossier's own memo, exported and read back: its header's labels and
 * values stand in two columns on shared baselines. */
static void
test_memo_header (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const fields[][2] = {
    { "MEMORANDUM FOR:", "The Deputy Secretary" },
    { "FROM:", "Policy Planning Staff, Regional Security Team" },
    { "DATE:", "December 7, 2026" },
    { "SUBJECT:", "Options for an Interim Inspection Regime" },
  };
  g_autoptr(DossierLayoutDocument) memo = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "memo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  DossierLayoutBlock *block;

  /* as dossier-memo-layout.c sets them */
  dossier_layout_document_set_metadata (memo, fields[3][1], fields[1][1], fields[3][1]);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    dossier_layout_document_add_header_field (memo, fields[i][0], fields[i][1]);
  block = dossier_layout_document_add_heading (memo, 1, FALSE);
  dossier_layout_block_add_text (block, "Background", DOSSIER_LAYOUT_STYLE_NONE);
  block = dossier_layout_document_add_paragraph (memo);
  dossier_layout_block_add_text (block, "Three proposals for an interim regime are on the table, and each "
                                 "pairs a narrow first stage with a review after six months.",
                                 DOSSIER_LAYOUT_STYLE_NONE);
  g_assert_true (dossier_pdf_exporter_export (exporter, memo, file, NULL, &error));
  g_assert_no_error (error);

  document = import_path (path, &error);
  g_assert_no_error (error);
  /* Each row one paragraph of body text, but the date, which is the
   * document's. */
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2026-12-07");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", fields[i][0], fields[i][1]);

      g_assert_cmpuint (count_paragraphs (document, line), ==, i == 2 ? 0 : 1);
      g_assert_false (any_paragraph_has (document, fields[i][0]) && count_paragraphs (document, line) == 0);
    }
  g_assert_cmpint (dossier_paragraph_get_kind (paragraph_at (document, 1)), ==, DOSSIER_PARAGRAPH_BODY);
}

/* A government memo typed with tab stops (labels in capitals with a
 * colon, a subject that wraps under its value), and a report's cover
 * page (labels in the text's weight, no colon), each over a page of
 * text: every row one paragraph, a wrapped value part of its row. */
static void
test_label_columns (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const memo_rows[][2] = {
    { "TO:", "Regional Directors" },
    { "THROUGH:", "Office of the Under Secretary" },
    { "FROM:", "Harbour Security Division" },
    { "DATE:", "March 4, 2026" },
    { "SUBJECT:", "Revised inspection schedule for container terminals" },
  };
  static const char * const cover_rows[][2] = {
    { "Prepared for", "The Joint Committee on Ports" },
    { "Prepared by", "Ana Example and Ian Park" },
    { "Report number", "HSD-2026-14" },
    { "Status", "Final" },
  };
  static const char * const body[] = {
    "The division has reviewed the inspection schedule at each of the six container terminals and",
    "proposes to move the quarterly visits to a rolling schedule, so that no terminal can predict",
    "the week of its next inspection. The change needs no new staff and can start next month.",
  };
  g_autofree char *memo_path = g_build_filename (fixture->dir, "typed-memo.pdf", NULL);
  g_autofree char *cover_path = g_build_filename (fixture->dir, "cover.pdf", NULL);
  g_autofree char *body_text = g_strjoin (" ", body[0], body[1], body[2], NULL);
  g_autoptr(GPtrArray) memo_pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cover_pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) memo = NULL;
  g_autoptr(DossierDocument) cover = NULL;
  GString *page = g_string_new (NULL);
  double y = 700;

  show (page, "F2", 14, 72, 740, "MEMORANDUM");
  for (guint i = 0; i < G_N_ELEMENTS (memo_rows); i++)
    {
      show (page, "F2", BODY_SIZE, 72, y, memo_rows[i][0]);
      if (i == G_N_ELEMENTS (memo_rows) - 1)
        {
          /* wrapped under its value */
          show (page, "F1", BODY_SIZE, 162, y, "Revised inspection schedule for");
          y -= BODY_PITCH;
          show (page, "F1", BODY_SIZE, 162, y, "container terminals");
        }
      else
        show (page, "F1", BODY_SIZE, 162, y, memo_rows[i][1]);
      y -= 22;
    }
  y -= 20;
  for (guint i = 0; i < G_N_ELEMENTS (body); i++, y -= BODY_PITCH)
    show (page, "F1", BODY_SIZE, i == 0 ? 90 : 72, y, body[i]);
  g_ptr_array_add (memo_pages, g_string_free (page, FALSE));

  page = g_string_new (NULL);
  show (page, "F2", 24, 72, 600, "Harbour Inspections in Practice");
  y = 300;
  for (guint i = 0; i < G_N_ELEMENTS (cover_rows); i++, y -= 18)
    {
      show (page, "F1", BODY_SIZE, 72, y, cover_rows[i][0]);
      show (page, "F1", BODY_SIZE, 200, y, cover_rows[i][1]);
    }
  g_ptr_array_add (cover_pages, g_string_free (page, FALSE));
  page = g_string_new (NULL);
  y = 700;
  for (guint i = 0; i < G_N_ELEMENTS (body); i++, y -= BODY_PITCH)
    show (page, "F1", BODY_SIZE, i == 0 ? 90 : 72, y, body[i]);
  show (page, "F1", 9, 300, 40, "2");
  g_ptr_array_add (cover_pages, g_string_free (page, FALSE));

  write_plain_pdf (memo_path, memo_pages);
  memo = import_path (memo_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (memo_rows); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s %s", memo_rows[i][0], memo_rows[i][1]);

      /* the date is the document's */
      g_assert_cmpuint (count_paragraphs (memo, row), ==, i == 3 ? 0 : 1);
    }
  g_assert_cmpstr (dossier_document_get_published (memo), ==, "2026-03-04");
  g_assert_cmpuint (count_paragraphs (memo, body_text), ==, 1);

  write_plain_pdf (cover_path, cover_pages);
  cover = import_path (cover_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (cover), ==, "Harbour Inspections in Practice");
  for (guint i = 0; i < G_N_ELEMENTS (cover_rows); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s %s", cover_rows[i][0], cover_rows[i][1]);

      /* the authors are the document's */
      g_assert_cmpuint (count_paragraphs (cover, row), ==, i == 1 ? 0 : 1);
    }
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (cover)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (dossier_document_get_authors (cover), i);

      g_assert_cmpstr (dossier_author_get_name (author), ==, i == 0 ? "Ana Example" : "Ian Park");
    }
  g_assert_cmpuint (count_paragraphs (cover, body_text), ==, 1);
}

/* A report's cover: "Prepared by" names the authors, the office under
 * them is their affiliation, not a third author. */
static void
test_cover_byline (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char cover[] =
    "BT /F2 24 Tf 72 560 Td (Harbour Security at Container Terminals) Tj ET\n"
    "BT /F1 16 Tf 72 530 Td (Options for a Rolling Inspection Schedule) Tj ET\n"
    "BT /F1 12 Tf 72 420 Td (Prepared by Ana Example and Ian Park) Tj ET\n"
    "BT /F1 12 Tf 72 404 Td (Harbour Security Division) Tj ET\n"
    "BT /F1 12 Tf 72 388 Td (March 4, 2026) Tj ET\n";
  static const char text[] =
    "BT /F1 11 Tf 72 700 Td (Each terminal has been inspected four times a year since the rules were) Tj ET\n"
    "BT /F1 11 Tf 72 686 Td (last revised, always in the second week of the quarter, and operators) Tj ET\n"
    "BT /F1 11 Tf 72 672 Td (plan around those weeks so that the yards look their best when seen.) Tj ET\n";
  g_autofree char *path = g_build_filename (fixture->dir, "cover-byline.pdf", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  GListModel *authors;

  g_ptr_array_add (pages, g_strdup (cover));
  g_ptr_array_add (pages, g_strdup (text));
  write_plain_pdf (path, pages);
  document = import_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Harbour Security at Container Terminals");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2026-03-04");
  authors = dossier_document_get_authors (document);
  g_assert_cmpuint (g_list_model_get_n_items (authors), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      g_assert_cmpstr (dossier_author_get_name (author), ==, i == 0 ? "Ana Example" : "Ian Park");
      g_assert_cmpstr (dossier_author_get_affiliation (author), ==, "Harbour Security Division");
    }
  g_assert_false (any_paragraph_has (document, "Prepared by"));
  g_assert_false (any_paragraph_has (document, "Harbour Security Division"));
}

/* A summary in two columns, its middle paragraph running from the first
 * column into the second, then a heading and text across the page: the
 * heading follows the whole summary, and the short last line of the text
 * across the page ends its paragraph, at the page's foot too. */
static void
test_columns_then_heading (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char page_text[] =
    "BT /F2 22 Tf 72 750 Td (Harbour Inspections) Tj ET\n"
    "BT /F1 11 Tf 72 696 Td (Inspections follow a quarterly calendar) Tj ET\n"
    "BT /F1 11 Tf 72 682 Td (that every operator knows a year ahead.) Tj ET\n"
    "BT /F1 11 Tf 72 660 Td (The division recommends a schedule) Tj ET\n"
    "BT /F1 11 Tf 72 646 Td (drawn each month by lot, with two) Tj ET\n"
    "BT /F1 11 Tf 72 632 Td (short-notice visits a year at each) Tj ET\n"
    "BT /F1 11 Tf 320 696 Td (terminal and a review after a year.) Tj ET\n"
    "BT /F1 11 Tf 320 674 Td (The costs are small: the same staff,) Tj ET\n"
    "BT /F1 11 Tf 320 660 Td (the same equipment, more travel.) Tj ET\n"
    "BT /F2 14 Tf 72 596 Td (Background) Tj ET\n"
    "BT /F1 11 Tf 72 574 Td (Each terminal has been inspected four times a year since the rules were last) Tj ET\n"
    "BT /F1 11 Tf 72 560 Td (revised, always in the second week of the quarter, and operators know the) Tj ET\n"
    "BT /F1 11 Tf 72 546 Td (dates.) Tj ET\n";
  static const char next_page[] =
    "BT /F1 11 Tf 72 720 Td (Operators plan around those weeks, and the inspectors have noticed that the) Tj ET\n"
    "BT /F1 11 Tf 72 706 Td (yards they see are tidier than the ones they hear about from the crews.) Tj ET\n";
  static const char * const expected[] = {
    "Inspections follow a quarterly calendar that every operator knows a year ahead.",
    "The division recommends a schedule drawn each month by lot, with two short-notice visits a year at each "
    "terminal and a review after a year.",
    "The costs are small: the same staff, the same equipment, more travel.",
    "Background",
    "Each terminal has been inspected four times a year since the rules were last revised, always in the "
    "second week of the quarter, and operators know the dates.",
    "Operators plan around those weeks, and the inspectors have noticed that the yards they see are tidier than "
    "the ones they hear about from the crews.",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "columns-heading.pdf", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  g_ptr_array_add (pages, g_strdup (page_text));
  g_ptr_array_add (pages, g_strdup (next_page));
  write_plain_pdf (path, pages);
  document = import_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==,
                    G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, i)), ==, expected[i]);
}

/* ------------------------------------------------------------------------ */
/* Notes as LibreOffice sets them                                           */

/* LibreOffice prints a note's number in the note's size with no space
 * after it ("1The rules…", "2A draw…"); the notes must be found and
 * linked, and a note line that starts "3D" is no note 3. */
static void
test_glued_note_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char page_text[] =
    "BT /F1 11 Tf 72 700 Td (The rules were last revised in 2019, and every terminal is seen four) Tj ET\n"
    "BT /F1 11 Tf 72 686 Td (times a year.) Tj /F1 6.4 Tf 3.6 Ts (1) Tj 0 Ts ET\n"
    "BT /F1 11 Tf 72 664 Td (A draw by lot is already used at two inland depots.) Tj /F1 6.4 Tf 3.6 Ts (2) Tj 0 Ts ET\n"
    "BT /F1 9 Tf 72 110 Td (1The rules were revised after the audit of 2018, which found gaps in the records) Tj ET\n"
    "BT /F1 9 Tf 72 100 Td (3D scanners were not yet in use at the time.) Tj ET\n"
    "BT /F1 9 Tf 72 90 Td (2A draw by lot also sets the order of customs checks at the depots.) Tj ET\n"
    "BT /F1 9 Tf 300 40 Td (1) Tj ET\n";
  g_autofree char *path = g_build_filename (fixture->dir, "glued-notes.pdf", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  GListModel *notes;
  const DossierFootnoteRef *refs;
  guint n_refs;

  g_ptr_array_add (pages, g_strdup (page_text));
  write_plain_pdf (path, pages);
  document = import_path (path, &error);
  g_assert_no_error (error);

  notes = dossier_document_get_footnotes (document);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (notes, i);

      g_assert_cmpuint (dossier_footnote_get_number (note), ==, i + 1);
      g_assert_cmpstr (dossier_footnote_get_text (note), ==,
                       i == 0 ? "The rules were revised after the audit of 2018, which found gaps in the records "
                                "3D scanners were not yet in use at the time."
                              : "A draw by lot also sets the order of customs checks at the depots.");
    }
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      refs = dossier_paragraph_get_refs (paragraph_at (document, i), &n_refs);
      g_assert_cmpuint (n_refs, ==, 1);
      g_assert_cmpuint (refs[0].number, ==, i + 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Not tables                                                               */

/* A numbered list whose numbers stand apart from their text (a tab after
 * "1."), and notes at the foot set the same way: a number and a line of
 * text on each baseline, the numbers and the texts aligned from line to
 * line, like a table of two columns. Each is text, never a table row. */
static void
test_numbered_not_table (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const items[] = {
    "Freeze the enrichment of uranium at the declared sites first.",
    "Let inspectors back into the three sites named in the annex.",
    "Lift the sanctions on fuel imports once both are verified.",
  };
  static const char * const notes[] = {
    "See the inspection agreement of 2019, article four, for the sites.",
    "The annex lists the sites by their names and their coordinates.",
  };
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) page = g_string_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "list.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  double y = PAGE_TOP_Y;

  show (page, "F2", 18, 72, 740, "Three Steps Toward a Freeze");
  show (page, "F1", BODY_SIZE, 72, y, "The proposal sets out three steps, each verified before the next one begins, so");
  y -= BODY_PITCH;
  show (page, "F1", BODY_SIZE, 72, y, "that neither side pays for more than it has seen done by the other side first.");
  y -= 2 * BODY_PITCH;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++, y -= BODY_PITCH)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      show (page, "F1", BODY_SIZE, 72, y, number);
      show (page, "F1", BODY_SIZE, 88, y, items[i]);
    }
  y -= BODY_PITCH;
  show (page, "F1", BODY_SIZE, 72, y, "Each of the steps can be checked by the inspectors who are already in the region.");
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      show (page, "F1", 8, 72, 100 - 10 * i, number);
      show (page, "F1", 8, 80, 100 - 10 * i, notes[i]);
    }
  g_ptr_array_add (pages, g_string_free (g_steal_pointer (&page), FALSE));
  write_plain_pdf (path, pages);

  document = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_false (any_paragraph_has (document, " | "));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (any_paragraph_has (document, items[i]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf-layouts/repeated-sentences", Fixture, NULL, fixture_set_up, test_repeated_sentences,
              fixture_tear_down);

  g_test_add ("/pdf-layouts/memo-header", Fixture, NULL, fixture_set_up, test_memo_header, fixture_tear_down);
  g_test_add ("/pdf-layouts/cover-byline", Fixture, NULL, fixture_set_up, test_cover_byline, fixture_tear_down);
  g_test_add ("/pdf-layouts/columns-then-heading", Fixture, NULL, fixture_set_up, test_columns_then_heading,
              fixture_tear_down);
  g_test_add ("/pdf-layouts/glued-note-numbers", Fixture, NULL, fixture_set_up, test_glued_note_numbers,
              fixture_tear_down);
  g_test_add ("/pdf-layouts/label-columns", Fixture, NULL, fixture_set_up, test_label_columns, fixture_tear_down);
  g_test_add ("/pdf-layouts/numbered-not-table", Fixture, NULL, fixture_set_up, test_numbered_not_table,
              fixture_tear_down);

  return g_test_run ();
}
