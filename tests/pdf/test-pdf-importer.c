/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF importer on PDFs made here, at test time: a memo exported by
 * Dossier's own PDF exporter and read back, and a two-column report drawn
 * with cairo and Pango (running head and foot, a title and byline, notes
 * at the pages' feet linked to raised markers, words hyphenated at line
 * ends), with the exact text each should give; then the bad inputs. */
#define G_LOG_DOMAIN "test-pdf-importer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "export/dossier-layout-document.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-pdf-exporter.h"
#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "memo/dossier-citation.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-language.h"
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

  fixture->dir = g_dir_make_tmp ("dossier-pdf-import-XXXXXX", &error);
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

/* With --verbose, what each import gave, to see why a check fails. */
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

static DossierParagraph *
paragraph_at (DossierDocument *document,
              guint            i)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

  return paragraph;  /* the document keeps it */
}

static DossierFootnote *
footnote_numbered (DossierDocument *document,
                   guint            number)
{
  GListModel *notes = dossier_document_get_footnotes (document);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (notes, i);

      if (dossier_footnote_get_number (note) == number)
        return note;
    }
  return NULL;
}

/* Words of @text, for the body-text F1: lower case, punctuation kept. */
static void
add_words (GHashTable *bag,
           const char *text,
           int         sign)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int count;

      if (words[i][0] == '\0')
        continue;
      count = GPOINTER_TO_INT (g_hash_table_lookup (bag, words[i]));
      g_hash_table_insert (bag, g_strdup (words[i]), GINT_TO_POINTER (count + sign));
    }
}

/* The F1 of the words of @got against those of @expected (multisets). */
static double
word_f1 (const char *expected,
         const char *got)
{
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  double n_want = 0, n_have = 0, common = 0, precision, recall;

  add_words (want, expected, 1);
  add_words (have, got, 1);
  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      n_want += GPOINTER_TO_INT (value);
      common += MIN (GPOINTER_TO_INT (value), GPOINTER_TO_INT (g_hash_table_lookup (have, key)));
    }
  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, &value))
    n_have += GPOINTER_TO_INT (value);

  if (n_want == 0 || n_have == 0 || common == 0)
    return 0;
  precision = common / n_have;
  recall = common / n_want;
  return 2 * precision * recall / (precision + recall);
}

static char *
body_text (DossierDocument *document)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      DossierParagraph *paragraph = paragraph_at (document, i);

      if (dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_HEADING)
        continue;
      g_string_append (text, dossier_paragraph_get_text (paragraph));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Round trip through Dossier's own exporter                                */

#define N_SECTIONS 3
#define N_PER_SECTION 4

static char *
round_trip_paragraph (guint n)
{
  return g_strdup_printf ("Paragraph%02u: allies in the region have voiced concern about the pace of talks, and "
                          "several institutes propose frameworks that stress verification, the sequencing of "
                          "sanctions relief, and measures that build confidence between the parties.", n);
}

static char *
round_trip_note (guint n)
{
  return g_strdup_printf ("Source%02u, “An Interim Report,” Institute for Peace Studies, 2024.", n);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) memo = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "memo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;
  guint n = 0, i = 0, n_paragraphs;
  double f1;

  dossier_layout_document_set_marking (memo, "UNCLASSIFIED");
  dossier_layout_document_set_metadata (memo, "Interim Steps on the Peninsula", "Policy Planning Staff",
                                        "Interim Steps on the Peninsula");
  for (guint s = 1; s <= N_SECTIONS; s++)
    {
      g_autofree char *title = g_strdup_printf ("Section %u of the Memo", s);
      DossierLayoutBlock *block = dossier_layout_document_add_heading (memo, 1, FALSE);

      dossier_layout_block_add_text (block, title, DOSSIER_LAYOUT_STYLE_NONE);
      for (guint p = 0; p < N_PER_SECTION; p++)
        {
          g_autofree char *text = round_trip_paragraph (++n);

          block = dossier_layout_document_add_paragraph (memo);
          dossier_layout_block_add_text (block, text, DOSSIER_LAYOUT_STYLE_NONE);
          dossier_layout_block_add_note_ref (block, n);
          g_string_append_printf (expected, "%s\n", text);
        }
    }
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *text = round_trip_note (k);
      DossierLayoutBlock *block = dossier_layout_document_add_note (memo, k);

      dossier_layout_block_add_text (block, text, DOSSIER_LAYOUT_STYLE_NONE);
    }

  dossier_pdf_exporter_set_paper (exporter, DOSSIER_PAPER_LETTER);
  g_assert_true (dossier_pdf_exporter_export (exporter, memo, file, NULL, &error));
  g_assert_no_error (error);

  document = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Interim Steps on the Peninsula");

  /* Headings, then each paragraph whole, with its note's marker at its end. */
  n_paragraphs = g_list_model_get_n_items (dossier_document_get_paragraphs (document));
  g_assert_cmpuint (n_paragraphs, ==, N_SECTIONS * (N_PER_SECTION + 1));
  n = 0;
  for (guint s = 1; s <= N_SECTIONS; s++)
    {
      g_autofree char *title = g_strdup_printf ("Section %u of the Memo", s);
      DossierParagraph *heading = paragraph_at (document, i++);

      g_assert_cmpint (dossier_paragraph_get_kind (heading), ==, DOSSIER_PARAGRAPH_HEADING);
      g_assert_cmpstr (dossier_paragraph_get_text (heading), ==, title);
      g_assert_cmpuint (dossier_paragraph_get_page (heading), >=, 1);
      for (guint p = 0; p < N_PER_SECTION; p++)
        {
          g_autofree char *text = round_trip_paragraph (++n);
          DossierParagraph *paragraph = paragraph_at (document, i++);
          const DossierFootnoteRef *refs;
          guint n_refs;

          g_assert_cmpint (dossier_paragraph_get_kind (paragraph), ==, DOSSIER_PARAGRAPH_BODY);
          g_assert_cmpstr (dossier_paragraph_get_text (paragraph), ==, text);
          refs = dossier_paragraph_get_refs (paragraph, &n_refs);
          g_assert_cmpuint (n_refs, ==, 1);
          g_assert_cmpuint (refs[0].number, ==, n);
          g_assert_cmpuint (refs[0].offset, ==, g_utf8_strlen (text, -1));
          g_assert_cmpuint (dossier_paragraph_get_page (paragraph), >=, 1);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_footnotes (document)), ==, n);
  for (guint k = 1; k <= n; k++)
    {
      g_autofree char *text = round_trip_note (k);
      DossierFootnote *note = footnote_numbered (document, k);

      g_assert_nonnull (note);
      g_assert_cmpstr (dossier_footnote_get_text (note), ==, text);
    }

  got = body_text (document);
  f1 = word_f1 (expected->str, got);
  g_test_message ("round trip: body F1 %.4f", f1);
  g_assert_cmpfloat (f1, ==, 1.0);
}

/* The whole memo as the app exports it (dossier_memo_to_layout_document:
 * marking, the header's label and value rows, headings (numbered in a
 * policy brief, plain in an information memo), paragraphs with
 * citations, notes, the page foot), in English and in Korean: the header
 * comes back as the title, the date and one paragraph per row, never run
 * into the body, a heading is never taken for an author, the page foot is
 * not a note, and the body, headings and notes come back as written. */
typedef struct {
  const char *language;
  const char *kind;
  DossierMemoLabel recipient;
  const char *marking;
  const char *to, *from, *subject;
  const char *headings[2];
  const char *paragraphs[2];   /* each with a citation at its end */
} MemoText;

static const MemoText memo_texts[] = {
  { "en", "policy-brief", DOSSIER_MEMO_LABEL_MEMORANDUM_FOR, "UNCLASSIFIED", "The Deputy Secretary", "Policy Planning Staff, Regional Security Team",
    "Options for an Interim Inspection Regime",
    { "Background", "Recommendation" },
    { "Three proposals for an interim inspection regime are on the table, and each pairs a narrow first "
      "stage with a review after six months, so that neither side pays for more than it has seen verified.",
      "We recommend the second proposal, because its first stage can be checked by the inspectors who are "
      "already in the region, and because its review date falls before the next round of talks." } },
  /* unmarked, headings not numbered, sent by an office of one word */
  { "ko", "information", DOSSIER_MEMO_LABEL_INFORMATION_MEMO_FOR, "", "차관", "정책기획실", "임시 사찰 체계 방안",
    { "배경", "건의" },
    { "임시 사찰 체계에 관한 세 가지 제안이 논의되고 있으며, 각 제안은 좁은 첫 단계와 여섯 달 뒤의 검토를 "
      "짝지어 어느 쪽도 검증된 것 이상을 치르지 않도록 한다.",
      "두 번째 제안을 건의한다. 그 첫 단계는 이미 지역에 있는 사찰관이 확인할 수 있고, 검토 시점이 다음 "
      "회담보다 앞서기 때문이다." } },
};

static void
test_round_trip_memo (Fixture       *fixture,
                      gconstpointer  data)
{
  const MemoText *text = data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLayoutDocument) layout = NULL;
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "memo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *to_row = NULL, *from_row = NULL, *subject_row = NULL;
  GListModel *paragraphs;
  guint i = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "dossier-memo");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, text->kind);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, text->language);
  json_builder_set_member_name (builder, "header");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "marking");
  json_builder_add_string_value (builder, text->marking);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, text->to);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, text->from);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, "2026-12-07");
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, text->subject);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *cited = g_strdup_printf ("%s[^source%u]", text->paragraphs[s], s + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, text->headings[s]);
      json_builder_set_member_name (builder, "blocks");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "paragraph");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, cited);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "citations");
  json_builder_begin_array (builder);
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *id = g_strdup_printf ("source%u", s + 1);
      g_autofree char *title = g_strdup_printf ("Interim Report %u", s + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "document");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "authors");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, s == 0 ? "Hana Seo" : "Ian Park");
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "publisher");
      json_builder_add_string_value (builder, "Institute for Peace Studies");
      json_builder_set_member_name (builder, "published");
      json_builder_add_string_value (builder, "2024-04-12");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  memo = dossier_memo_from_json_node (root, &error);
  g_assert_no_error (error);

  layout = dossier_memo_to_layout_document (memo);
  g_assert_true (dossier_pdf_exporter_export (exporter, layout, file, NULL, &error));
  g_assert_no_error (error);
  document = import_path (path, &error);
  g_assert_no_error (error);

  /* The header: the subject is the title, the date the document's, each
   * other row a paragraph of its own, label and value. */
  g_assert_cmpstr (dossier_document_get_title (document), ==, text->subject);
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2026-12-07");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 0);
  to_row = g_strdup_printf ("%s %s", dossier_memo_language_get_label (text->language, text->recipient), text->to);
  from_row = g_strdup_printf ("%s %s", dossier_memo_language_get_label (text->language, DOSSIER_MEMO_LABEL_FROM),
                              text->from);
  subject_row = g_strdup_printf ("%s %s", dossier_memo_language_get_label (text->language,
                                                                           DOSSIER_MEMO_LABEL_SUBJECT), text->subject);
  paragraphs = dossier_document_get_paragraphs (document);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 3 + 2 * 2);
  for (guint r = 0; r < 3; r++)
    {
      DossierParagraph *row = paragraph_at (document, i++);
      const char *want = r == 0 ? to_row : r == 1 ? from_row : subject_row;

      g_assert_cmpstr (dossier_paragraph_get_text (row), ==, want);
      g_assert_cmpint (dossier_paragraph_get_kind (row), ==, DOSSIER_PARAGRAPH_BODY);
    }

  /* The body: headings and paragraphs as written, each marker at the end
   * of its paragraph and linked to its note. */
  for (guint s = 0; s < 2; s++)
    {
      DossierParagraph *heading = paragraph_at (document, i++);
      DossierParagraph *paragraph = paragraph_at (document, i++);
      const DossierFootnoteRef *refs;
      guint n_refs;

      g_assert_cmpint (dossier_paragraph_get_kind (heading), ==, DOSSIER_PARAGRAPH_HEADING);
      g_assert_true (g_str_has_suffix (dossier_paragraph_get_text (heading), text->headings[s]));
      g_assert_cmpint (dossier_paragraph_get_kind (paragraph), ==, DOSSIER_PARAGRAPH_BODY);
      g_assert_cmpstr (dossier_paragraph_get_text (paragraph), ==, text->paragraphs[s]);
      refs = dossier_paragraph_get_refs (paragraph, &n_refs);
      g_assert_cmpuint (n_refs, ==, 1);
      g_assert_cmpuint (refs[0].offset, ==, g_utf8_strlen (text->paragraphs[s], -1));
      g_assert_nonnull (footnote_numbered (document, refs[0].number));
    }

  /* The notes, and nothing else (the page foot is not one). */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_footnotes (document)), ==,
                    dossier_layout_document_get_n_notes (layout));
  for (guint k = 0; k < dossier_layout_document_get_n_notes (layout); k++)
    {
      DossierLayoutBlock *note = dossier_layout_document_get_note (layout, k);
      DossierFootnote *got = footnote_numbered (document, dossier_layout_block_get_number (note));

      g_assert_nonnull (got);
      g_assert_cmpstr (dossier_footnote_get_text (got), ==, dossier_layout_block_get_text (note));
    }
}

/* A heading over a paragraph whose bold first sentence runs over two
 * lines: the heading stays a heading and the paragraph stays whole. */
static void
test_bold_lead_in (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char lead[] = "Verification must come before relief, because every earlier freeze that "
                             "paid first and inspected later was reversed within two years.";
  static const char rest[] = " The record of the last three agreements shows the same sequence: relief "
                             "granted on signature, inspectors admitted months later, and a dispute over "
                             "the first refused visit that ended the agreement. Each time the side that had "
                             "received relief argued that the inspections were a new demand, and each time "
                             "the other side could point to nothing in the text that settled the question, "
                             "because the text had left the timing of the first visit to a later protocol.";
  g_autoptr(DossierLayoutDocument) memo = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "lead-in.pdf", NULL);
  g_autofree char *whole = g_strconcat (lead, rest, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  DossierLayoutBlock *block;

  for (guint s = 1; s <= 2; s++)
    {
      g_autofree char *title = g_strdup_printf ("Sequencing Part %u", s);

      block = dossier_layout_document_add_heading (memo, 1, FALSE);
      dossier_layout_block_add_text (block, title, DOSSIER_LAYOUT_STYLE_NONE);
      block = dossier_layout_document_add_paragraph (memo);
      dossier_layout_block_add_text (block, lead, DOSSIER_LAYOUT_STYLE_BOLD);
      dossier_layout_block_add_text (block, rest, DOSSIER_LAYOUT_STYLE_NONE);
    }
  g_assert_true (dossier_pdf_exporter_export (exporter, memo, file, NULL, &error));
  g_assert_no_error (error);

  document = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==, 4);
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *title = g_strdup_printf ("Sequencing Part %u", s + 1);

      g_assert_cmpint (dossier_paragraph_get_kind (paragraph_at (document, 2 * s)), ==, DOSSIER_PARAGRAPH_HEADING);
      g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, 2 * s)), ==, title);
      g_assert_cmpint (dossier_paragraph_get_kind (paragraph_at (document, 2 * s + 1)), ==, DOSSIER_PARAGRAPH_BODY);
      g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, 2 * s + 1)), ==, whole);
    }
}

/* ------------------------------------------------------------------------ */
/* A two-column report drawn with cairo                                      */

#define PAGE_W 612.0
#define PAGE_H 792.0
#define MARGIN 54.0
#define COL_GAP 24.0
#define COL_W ((PAGE_W - 2 * MARGIN - COL_GAP) / 2)
#define FIRST_TOP 150.0
#define TOP 72.0
#define BOTTOM 690.0
#define PITCH 13.0
#define BODY_FONT "Liberation Serif 10"

#define REPORT_TITLE "Verification Regimes for Interim Agreements"
#define REPORT_HEAD "Interim Verification Report"

/* The report's text: "|" marks where a word may be hyphenated at a line's
 * end, "^N" a note marker after a word; headings start with "#". */
static const char * const report[] = {
  "#Background",
  "Negotiators have long argued that an interim agreement is only as good as the means to check it.^1 "
  "The record of earlier freezes shows that inspec|tions which arrive late, or which cover only declared "
  "sites, give neither side the confi|dence it needs to take the next step, and that a regime without "
  "agreed procedures for disputes invites each party to read ambiguity as bad faith.",
  "Three elements recur in every proposal reviewed for this report: continuous monitor|ing of the "
  "facilities that a freeze covers, a joint commission that meets on a fixed schedule, and a clear rule "
  "for what happens when an inspection is refused. Each of them has precedents in arms control, though "
  "none was designed for a partner that has already tested the weapons in question.",
  "#Options",
  "The first option keeps verifi|cation narrow: cameras and seals at the main reactor and the enrichment "
  "halls, with quarterly visits by a small team. It costs little and could begin within weeks, but it "
  "leaves undeclared sites outside the agreement, which critics in both capitals will point out at once.^2",
  "The second option widens the scope to every site named in earlier declarations and adds short-notice "
  "visits. Its implemen|tation would take months and require a standing presence that the other side has "
  "refused in the past, yet it is the option most likely to survive a change of government in any of the "
  "capitals concerned.",
  "A third option, favoured by several regional institutes, pairs the narrow regime with a timetable for "
  "widening it in stages, each stage tied to a measure of sanctions relief. The sequencing matters more "
  "than the details: relief that comes before verification is in place has rarely been recovered.",
  "#Recommendation",
  "We recommend the staged approach, with the narrow regime as its first stage and a review after six "
  "months. The joint commission should be established in the agreement itself rather than left to a later "
  "protocol, and its rules for disputes should be published so that both legislatures can judge them.",
  "The costs of the staged approach are modest compared with the alternatives, and its main risk, that "
  "the later stages never arrive, can be reduced by writing the review into the agreement and by keeping "
  "the partners informed at each step of the way.",
  "#Costs and Risks",
  "A standing inspection team of twelve people, rotated every three months, would cost less than a single "
  "week of the naval patrols now spent on interdiction. The larger cost is political: every visit that is "
  "delayed will be reported as a violation, whether or not it is one, and the joint commission must be able "
  "to answer such reports within days rather than months.",
  "The second risk is technical. Cameras fail, seals are broken by accident, and data links go down in "
  "winter. An agreement that treats every gap in the record as a breach will collapse within a year; one "
  "that ignores gaps invites abuse. The answer tried elsewhere is a short list of gaps that must be "
  "explained within a set time, with a visit as the remedy when the explanation does not satisfy.",
  "A third risk lies outside the agreement altogether. Partners who are not party to it may supply the "
  "equipment that a freeze is meant to stop, and no regime of cameras and seals can see a shipment that "
  "never reaches a declared site. Export controls and the cooperation of neighbouring states are therefore "
  "part of any verifi|cation plan, even if they cannot be written into the text itself.",
  "#Next Steps",
  "Within the next month, the working group should circulate a draft of the commission's rules, a list "
  "of the sites that the first stage would cover, and an estimate of the equipment needed. Each of these "
  "can be shared with the partners informally before any formal proposal is made.",
  "Within three months, a technical meeting of experts from each side could test the draft rules against "
  "the cases that caused trouble in earlier agreements: a refused visit, a broken seal, a disputed "
  "declaration, and a report from a third party that cannot be checked at once.",
  "Finally, the legislatures should be briefed before the first stage is agreed, not after it, so that the "
  "review written into the agreement has their support when it falls due.^3",
};

static const char * const report_notes[] = {
  "See the Joint Monitoring Commission, Annual Review 2025, https://example.org/jmc/2025.",
  "Both legislatures held hearings on the scope of declared sites in 2024.",
  "On briefing legislatures early, see the regional institutes' joint study of 2023.",
};

typedef struct {
  char *text;        /* as drawn, "-" at a hyphenated end, "^N" markers kept */
  gboolean heading;
  gboolean first;    /* first line of its paragraph */
} ReportLine;

static void
report_line_free (gpointer data)
{
  ReportLine *line = data;

  g_free (line->text);
  g_free (line);
}

/* The text of @source as the reader should get it back. */
static char *
clean_report_text (const char *source)
{
  g_autoptr(GRegex) markers = g_regex_new ("\\^[0-9]+", 0, 0, NULL);
  g_autofree char *no_markers = g_regex_replace_literal (markers, source, -1, 0, "", 0, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = no_markers; *p != '\0'; p++)
    if (*p != '|' && *p != '#')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  g_autofree char *shown = clean_report_text (text);
  int width;

  pango_layout_set_text (layout, shown, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Greedy line breaking, hyphenating at "|" when that fills a line. */
static void
break_paragraph (PangoLayout *layout,
                 const char  *source,
                 gboolean     heading,
                 double       width,
                 GPtrArray   *lines,
                 guint       *n_hyphenated)
{
  g_auto(GStrv) words = g_strsplit (source, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                                 : g_strdup (words[i]);
      const char *bar = strchr (words[i], '|');

      if (text_width (layout, candidate) <= width)
        {
          g_string_assign (line, candidate);
          continue;
        }

      if (bar != NULL)
        {
          g_autofree char *head = g_strndup (words[i], bar - words[i]);
          g_autofree char *with_head = line->len > 0 ? g_strdup_printf ("%s %s-", line->str, head)
                                                     : g_strdup_printf ("%s-", head);

          if (text_width (layout, with_head) <= width)
            {
              ReportLine *l = g_new0 (ReportLine, 1);

              l->text = g_steal_pointer (&with_head);
              l->heading = heading;
              l->first = first;
              first = FALSE;
              g_ptr_array_add (lines, l);
              g_string_assign (line, bar + 1);
              (*n_hyphenated)++;
              continue;
            }
        }

      if (line->len > 0)
        {
          ReportLine *l = g_new0 (ReportLine, 1);

          l->text = g_strdup (line->str);
          l->heading = heading;
          l->first = first;
          first = FALSE;
          g_ptr_array_add (lines, l);
        }
      g_string_assign (line, words[i]);
    }

  if (line->len > 0)
    {
      ReportLine *l = g_new0 (ReportLine, 1);

      l->text = g_strdup (line->str);
      l->heading = heading;
      l->first = first;
      g_ptr_array_add (lines, l);
    }
}

/* Draws @text at the baseline @y, with "^N" raised and smaller, "|" out;
 * notes the markers it draws. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           const char  *text,
           GArray      *markers)
{
  g_auto(GStrv) parts = g_strsplit (text, "^", -1);
  PangoFontDescription *small = pango_font_description_from_string ("Liberation Serif 6");
  const PangoFontDescription *normal = pango_layout_get_font_description (layout);
  g_autoptr(PangoFontDescription) saved = pango_font_description_copy (normal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *rest = parts[i];
      double rise = 0;

      if (i > 0)
        {
          /* the marker's digits, then the rest at body size */
          g_autofree char *digits = NULL;
          guint n = 0;

          while (g_ascii_isdigit (rest[n]))
            n++;
          digits = g_strndup (rest, n);
          g_array_append_val (markers, (guint) { atoi (digits) });
          pango_layout_set_font_description (layout, small);
          rise = 3.5;
          cairo_move_to (cr, x, y - rise - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
          x += text_width (layout, digits);
          pango_layout_set_text (layout, digits, -1);
          pango_cairo_show_layout (cr, layout);
          pango_layout_set_font_description (layout, saved);
          rest += n;
        }
      if (*rest != '\0')
        {
          g_autofree char *shown = clean_report_text (rest);

          pango_layout_set_text (layout, shown, -1);
          cairo_move_to (cr, x, y - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
          x += text_width (layout, rest);
        }
    }
  pango_font_description_free (small);
}

static void
draw_centered (cairo_t    *cr,
               const char *font,
               double      y,
               const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int width;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, (PAGE_W - (double) width / PANGO_SCALE) / 2,
                 y - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

typedef struct {
  guint n_pages;
  guint n_hyphenated;
  guint paragraph_page[G_N_ELEMENTS (report)];   /* 1-based page each starts on */
  guint note_page[G_N_ELEMENTS (report_notes)];
} ReportFacts;

/* Flows the report's lines into two columns; draws them when @cr is set. */
static void
flow_report (cairo_t     *cr,
             PangoLayout *body,
             PangoLayout *heading,
             GPtrArray   *all_lines,
             GArray      *line_paragraph,
             ReportFacts *facts)
{
  guint page = 1, column = 0;
  double y = FIRST_TOP;
  g_autoptr(GArray) page_notes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < all_lines->len; i++)
    {
      ReportLine *line = g_ptr_array_index (all_lines, i);
      guint paragraph = g_array_index (line_paragraph, guint, i);
      double needed = line->heading ? 2.5 * PITCH : PITCH;
      double x;

      if (line->first && i > 0)
        y += line->heading ? 10 : 4;
      if (y + needed > BOTTOM)
        {
          if (column == 0)
            column = 1;
          else
            {
              if (cr != NULL)
                {
                  /* the notes of this page, under a short rule */
                  g_autoptr(PangoLayout) notes = pango_cairo_create_layout (cr);
                  PangoFontDescription *desc = pango_font_description_from_string ("Liberation Serif 8");
                  double note_y = BOTTOM + 28;

                  pango_layout_set_font_description (notes, desc);
                  pango_font_description_free (desc);
                  if (page_notes->len > 0)
                    {
                      cairo_move_to (cr, MARGIN, BOTTOM + 12);
                      cairo_line_to (cr, MARGIN + 144, BOTTOM + 12);
                      cairo_set_line_width (cr, 0.5);
                      cairo_stroke (cr);
                    }
                  for (guint n = 0; n < page_notes->len; n++)
                    {
                      guint number = g_array_index (page_notes, guint, n);
                      g_autofree char *text = g_strdup_printf ("%u %s", number, report_notes[number - 1]);

                      pango_layout_set_text (notes, text, -1);
                      cairo_move_to (cr, MARGIN, note_y - (double) pango_layout_get_baseline (notes) / PANGO_SCALE);
                      pango_cairo_show_layout (cr, notes);
                      note_y += 11;
                    }
                  g_array_set_size (page_notes, 0);
                  cairo_show_page (cr);
                }
              page++;
              column = 0;
            }
          y = page == 1 ? FIRST_TOP : TOP;
          if (cr != NULL && column == 0)
            {
              g_autofree char *foot = g_strdup_printf ("Page %u of %u", page, facts->n_pages);

              draw_centered (cr, "Liberation Sans Italic 8", 40, REPORT_HEAD);
              draw_centered (cr, "Liberation Sans 8", 770, foot);
            }
        }

      if (line->first)
        facts->paragraph_page[paragraph] = page;
      y += PITCH;
      x = MARGIN + column * (COL_W + COL_GAP) + (line->first && !line->heading ? 12 : 0);
      if (cr != NULL)
        {
          g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (guint));

          draw_text (cr, line->heading ? heading : body, x, y, line->text, markers);
          for (guint m = 0; m < markers->len; m++)
            {
              guint number = g_array_index (markers, guint, m);

              facts->note_page[number - 1] = page;
              g_array_append_val (page_notes, number);
            }
        }
    }

  if (cr != NULL)
    {
      g_autoptr(PangoLayout) notes = pango_cairo_create_layout (cr);
      PangoFontDescription *desc = pango_font_description_from_string ("Liberation Serif 8");
      double note_y = BOTTOM + 28;

      pango_layout_set_font_description (notes, desc);
      pango_font_description_free (desc);
      for (guint n = 0; n < page_notes->len; n++)
        {
          guint number = g_array_index (page_notes, guint, n);
          g_autofree char *text = g_strdup_printf ("%u %s", number, report_notes[number - 1]);

          pango_layout_set_text (notes, text, -1);
          cairo_move_to (cr, MARGIN, note_y - (double) pango_layout_get_baseline (notes) / PANGO_SCALE);
          pango_cairo_show_layout (cr, notes);
          note_y += 11;
        }
      cairo_show_page (cr);
    }
  facts->n_pages = page;
}

static void
write_report (const char  *path,
              ReportFacts *facts)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) body = pango_cairo_create_layout (cr);
  g_autoptr(PangoLayout) heading = pango_cairo_create_layout (cr);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (report_line_free);
  g_autoptr(GArray) line_paragraph = g_array_new (FALSE, FALSE, sizeof (guint));
  PangoFontDescription *desc;

  desc = pango_font_description_from_string (BODY_FONT);
  pango_layout_set_font_description (body, desc);
  pango_font_description_free (desc);
  desc = pango_font_description_from_string ("Liberation Sans Bold 11");
  pango_layout_set_font_description (heading, desc);
  pango_font_description_free (desc);

  memset (facts, 0, sizeof *facts);
  for (guint p = 0; p < G_N_ELEMENTS (report); p++)
    {
      gboolean is_heading = report[p][0] == '#';
      guint before = lines->len;

      break_paragraph (is_heading ? heading : body, report[p] + (is_heading ? 1 : 0), is_heading,
                       COL_W - (is_heading ? 0 : 12), lines, &facts->n_hyphenated);
      for (guint i = before; i < lines->len; i++)
        g_array_append_val (line_paragraph, p);
    }

  /* Once to count the pages for "Page N of M", once to draw. */
  flow_report (NULL, body, heading, lines, line_paragraph, facts);
  draw_centered (cr, "Liberation Sans Italic 8", 40, REPORT_HEAD);
  draw_centered (cr, "Liberation Sans Bold 20", 96, REPORT_TITLE);
  draw_centered (cr, "Liberation Serif Italic 11", 122, "By Jane Example and Min-jun Park");
  {
    g_autofree char *foot = g_strdup_printf ("Page 1 of %u", facts->n_pages);

    draw_centered (cr, "Liberation Sans 8", 770, foot);
  }
  flow_report (cr, body, heading, lines, line_paragraph, facts);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_two_column_report (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *got = NULL;
  GListModel *authors;
  ReportFacts facts;
  guint n_fields = 0, n_right = 0, n_paragraphs, next = 0;
  double f1;

  write_report (path, &facts);
  g_test_message ("report: %u pages, %u words hyphenated at line ends", facts.n_pages, facts.n_hyphenated);
  g_assert_cmpuint (facts.n_pages, >=, 2);
  g_assert_cmpuint (facts.n_hyphenated, >=, 1);

  document = import_path (path, &error);
  g_assert_no_error (error);

  /* Fields: the title, each author, each heading, paragraph and note
   * exactly, each paragraph's page; the running head and foot nowhere. */
  n_fields++;
  n_right += g_strcmp0 (dossier_document_get_title (document), REPORT_TITLE) == 0;
  authors = dossier_document_get_authors (document);
  for (guint a = 0; a < 2; a++)
    {
      g_autoptr(DossierAuthor) author = a < g_list_model_get_n_items (authors) ? g_list_model_get_item (authors, a)
                                                                             : NULL;

      n_fields++;
      n_right += author != NULL &&
                 g_strcmp0 (dossier_author_get_name (author), a == 0 ? "Jane Example" : "Min-jun Park") == 0;
    }

  n_paragraphs = g_list_model_get_n_items (dossier_document_get_paragraphs (document));
  for (guint p = 0; p < G_N_ELEMENTS (report); p++)
    {
      g_autofree char *text = clean_report_text (report[p]);
      gboolean is_heading = report[p][0] == '#';
      gboolean found = FALSE;

      if (!is_heading)
        g_string_append_printf (expected, "%s\n", text);
      n_fields += 2;
      for (guint i = next; i < n_paragraphs && !found; i++)
        {
          DossierParagraph *paragraph = paragraph_at (document, i);

          if (g_strcmp0 (dossier_paragraph_get_text (paragraph), text) == 0 &&
              (dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_HEADING) == is_heading)
            {
              found = TRUE;
              next = i + 1;
              n_right++;
              n_right += dossier_paragraph_get_page (paragraph) == facts.paragraph_page[p];
            }
        }
      if (!found)
        g_test_message ("not found whole: %s", text);
    }

  for (guint n = 1; n <= G_N_ELEMENTS (report_notes); n++)
    {
      DossierFootnote *note = footnote_numbered (document, n);

      n_fields++;
      n_right += note != NULL && g_strcmp0 (dossier_footnote_get_text (note), report_notes[n - 1]) == 0;
    }

  got = body_text (document);
  f1 = word_f1 (expected->str, got);
  g_test_message ("two-column report: body F1 %.4f, fields %u of %u (%.0f %%)", f1, n_right, n_fields,
                  100.0 * n_right / n_fields);
  g_assert_null (strstr (got, REPORT_HEAD));
  g_assert_null (strstr (got, "Page 1 of"));

  /* The first paragraph, its marker linked to note 1 with its address. */
  {
    DossierFootnote *note = footnote_numbered (document, 1);

    g_assert_nonnull (note);
    g_assert_cmpstr (dossier_footnote_get_urls (note)[0], ==, "https://example.org/jmc/2025");
  }

  g_assert_cmpfloat (f1, >=, 0.98);
  g_assert_cmpuint (n_right * 10, >=, n_fields * 9);
}

/* ------------------------------------------------------------------------ */
/* Justified lines that end sentences                                       */

#define JUSTIFY_LEFT 90.0
#define JUSTIFY_WIDTH 430.0

/* Draws @words as one line from JUSTIFY_LEFT, spread over JUSTIFY_WIDTH
 * when @justify, with the baseline at @y. */
static void
draw_words (cairo_t    *cr,
            const char *font,
            double      y,
            const char *text,
            gboolean    justify)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  double natural = 0, space, x = JUSTIFY_LEFT;
  int width;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, " ", -1);
  pango_layout_get_size (layout, &width, NULL);
  space = (double) width / PANGO_SCALE;
  for (guint i = 0; i < n; i++)
    {
      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_size (layout, &width, NULL);
      natural += (double) width / PANGO_SCALE;
    }
  if (justify && n > 1)
    {
      /* The line must be full: its words with plain spaces fit. */
      g_assert_cmpfloat (natural + (n - 1) * space, <=, JUSTIFY_WIDTH);
      space = (JUSTIFY_WIDTH - natural) / (n - 1);
    }
  for (guint i = 0; i < n; i++)
    {
      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_size (layout, &width, NULL);
      cairo_move_to (cr, x, y - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
      x += (double) width / PANGO_SCALE + space;
    }
}

/* Justified text with space between paragraphs: a paragraph whose bold
 * first sentence ends a full line, one whose full last line on a page
 * ends a sentence and whose next page starts one, and paragraphs that do
 * end at a short line, on the same page or at its foot. */
static void
test_full_line_sentence_ends (Fixture       *fixture,
                              gconstpointer  data)
{
  /* (line, bold, full) by page; NULL ends a paragraph. */
  static const struct { const char *text; gboolean bold; gboolean full; } lines[2][12] = {
    {
      { "Relief must follow verification, because every freeze that paid first", TRUE, TRUE },
      { "and inspected later was reversed within two years of its signature.", TRUE, TRUE },
      { "The record of the last three agreements shows the same sequence of", FALSE, TRUE },
      { "events, one after another, and each ended in a dispute.", FALSE, FALSE },
      { NULL, FALSE, FALSE },
      { "Inspectors were admitted months after relief had been granted, and the", FALSE, TRUE },
      { "first refused visit led to a dispute that ended each of the agreements.", FALSE, TRUE },
      { NULL, FALSE, FALSE },
    },
    {
      { "Each time the side that had received relief argued that inspections were", FALSE, TRUE },
      { "a new demand, and the other side could point to nothing.", FALSE, FALSE },
      { NULL, FALSE, FALSE },
      { "A protocol fixing the first visit closes that gap.", FALSE, FALSE },
      { NULL, FALSE, FALSE },
    },
  };
  static const char * const expected[] = {
    "Relief must follow verification, because every freeze that paid first and inspected later was "
    "reversed within two years of its signature. The record of the last three agreements shows the same "
    "sequence of events, one after another, and each ended in a dispute.",
    "Inspectors were admitted months after relief had been granted, and the first refused visit led to "
    "a dispute that ended each of the agreements. Each time the side that had received relief argued "
    "that inspections were a new demand, and the other side could point to nothing.",
    "A protocol fixing the first visit closes that gap.",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "justified.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  for (guint p = 0; p < G_N_ELEMENTS (lines); p++)
    {
      double y = 120;

      if (p == 0)
        {
          draw_words (cr, "Liberation Sans Bold 16", 90, "Sequencing Relief", FALSE);
          /* Only enough room below for the first page's lines: the
           * second paragraph's last line there is at the text's foot. */
        }
      for (guint i = 0; i < G_N_ELEMENTS (lines[p]); i++)
        {
          if (lines[p][i].text == NULL)
            {
              if (i + 1 < G_N_ELEMENTS (lines[p]) && lines[p][i + 1].text != NULL)
                y += 8;
              continue;
            }
          draw_words (cr, lines[p][i].bold ? "Liberation Serif Bold 11" : "Liberation Serif 11", y,
                      lines[p][i].text, lines[p][i].full);
          y += 14;
        }
      draw_words (cr, "Liberation Serif 9", 740, p == 0 ? "1" : "2", FALSE);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  document = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==,
                    G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, i)), ==, expected[i]);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Sequencing Relief");
  g_assert_cmpuint (dossier_paragraph_get_page (paragraph_at (document, 1)), ==, 1);
  g_assert_cmpuint (dossier_paragraph_get_page (paragraph_at (document, 2)), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Korean lines broken between words and inside them                       */

static const char * const korean_paragraphs[] = {
  "국제사회의 대북 제재 완화 논의가 다시 제기되었다. 전문가들은 검증 가능한 동결이 먼저 이루어져야 "
  "한다고 주장하며, 단계적 접근이 필요하다는 의견을 내놓았다. 특히 한국과 일본의 연구자들은 제재 "
  "완화의 순서와 검증 절차의 시기를 둘러싼 논쟁이 협상의 성패를 좌우할 것이라고 보았다.",
  "이들은 과거 합의가 무너진 이유로 사찰의 지연과 해석의 차이를 들었으며, 앞으로의 합의문에는 첫 "
  "사찰의 날짜를 명시해야 한다고 제안하였다. 정부는 이러한 제안을 검토하고 있으며, 동맹국과의 "
  "협의를 거쳐 다음 회담에서 입장을 밝힐 예정이다.",
};

/* Draws the paragraphs ragged right in a column of @width points, each
 * line as Pango measures it: broken at spaces only (@by_word), or after
 * any syllable (punctuation stays with the syllable before it). */
static void
draw_korean (const char *path,
             double      width,
             gboolean    by_word,
             GPtrArray  *cut_words)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("NanumMyeongjo 11");
  double y = 100;
  guint n_breaks_in_words = 0;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  draw_words (cr, "Liberation Sans Bold 16", 50, "Sequencing Relief", FALSE);
  /* A bare name and a date in the text's size, as Korean reports print them. */
  pango_layout_set_text (layout, "김서연", -1);
  cairo_move_to (cr, 80, 66 - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_text (layout, "2025년 3월 4일", -1);
  cairo_move_to (cr, 80, 82 - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  for (guint i = 0; i < G_N_ELEMENTS (korean_paragraphs); i++)
    {
      const char *text = korean_paragraphs[i];

      while (*text != '\0')
        {
          const char *end = text, *fit = NULL;
          g_autofree char *shown = NULL;

          /* The longest piece that fits, ending where a break is allowed. */
          while (*end != '\0')
            {
              const char *next = g_utf8_next_char (end);
              gunichar after = g_utf8_get_char (next);
              gboolean allowed = by_word ? (*next == ' ' || *next == '\0')
                                         : (after != '.' && after != ',' && after != ' ');
              int w;

              if (allowed || *next == '\0')
                {
                  pango_layout_set_text (layout, text, next - text);
                  pango_layout_get_size (layout, &w, NULL);
                  if ((double) w / PANGO_SCALE > width)
                    break;
                  fit = next;
                }
              end = next;
            }
          g_assert_nonnull (fit);
          if (*fit != '\0' && *fit != ' ' && g_utf8_get_char (g_utf8_prev_char (fit)) != ' ')
            {
              /* the word the break cuts */
              const char *start = fit, *stop = fit;

              while (start > text && start[-1] != ' ')
                start--;
              while (*stop != '\0' && *stop != ' ')
                stop++;
              g_ptr_array_add (cut_words, g_strndup (start, stop - start));
              n_breaks_in_words++;
            }
          shown = g_strndup (text, fit - text);
          g_strchomp (shown);
          pango_layout_set_text (layout, shown, -1);
          cairo_move_to (cr, 80, y - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
          y += 18;
          text = fit;
          while (*text == ' ')
            text++;
        }
      y += 10;
    }
  /* The character-wise column does break inside words. */
  g_assert_true (by_word ? n_breaks_in_words == 0 : n_breaks_in_words >= 3);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Korean has spaces between words: a line break between two words is a
 * space, a break inside a word (a column filled syllable by syllable) is
 * none. Told apart by how far the lines reach. */
static void
test_korean_line_breaks (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint by_word = 0; by_word <= 1; by_word++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, by_word ? "ko-words.pdf" : "ko-syllables.pdf", NULL);
      g_autoptr(GPtrArray) cut_words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDocument) document = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      draw_korean (path, 260, by_word, cut_words);
      document = import_path (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==,
                        G_N_ELEMENTS (korean_paragraphs));
      g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 1);
      {
        g_autoptr(DossierAuthor) author = g_list_model_get_item (dossier_document_get_authors (document), 0);

        g_assert_cmpstr (dossier_author_get_name (author), ==, "김서연");
      }
      g_assert_cmpstr (dossier_document_get_published (document), ==, "2025-03-04");
      if (by_word)
        {
          /* Every break is a space. */
          for (guint i = 0; i < G_N_ELEMENTS (korean_paragraphs); i++)
            g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, i)), ==, korean_paragraphs[i]);
          continue;
        }

      /* Set syllable by syllable: no word cut by a break is split by a
       * space. (A break that fell on a space cannot be told from one
       * inside a word by where the lines end; it may lose its space.) */
      text = body_text (document);
      for (guint i = 0; i < cut_words->len; i++)
        if (strstr (text, g_ptr_array_index (cut_words, i)) == NULL)
          g_error ("“%s” is cut in “%s”", (char *) g_ptr_array_index (cut_words, i), text);
      expected = g_strconcat (korean_paragraphs[0], "\n", korean_paragraphs[1], "\n", NULL);
      g_assert_cmpfloat (word_f1 (expected, text), >=, 0.8);
      /* Of the breaks that fell on a space, where the room at the line's
       * end cannot tell, the syllables on either side find all but one
       * (two were lost when the room alone decided). */
      {
        g_auto(GStrv) want = g_strsplit_set (expected, " \n", -1);
        g_auto(GStrv) got = g_strsplit_set (text, " \n", -1);

        g_assert_cmpuint (g_strv_length (got) + 1, >=, g_strv_length (want));
      }
    }
}

/* ------------------------------------------------------------------------ */
/* A short paper written by hand in PDF's own operators                     */

/* A PDF of @n_pages pages in Helvetica, each drawn by its content stream,
 * with a correct cross-reference table. */
static void
write_plain_pdf (const char         *path,
                 const char * const *pages,
                 guint               n_pages)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  for (guint p = 0; p < n_pages; p++)
    g_string_append_printf (kids, "%u 0 R ", 4 + 2 * p);
  g_ptr_array_add (objects, g_strdup ("<</Type/Catalog/Pages 2 0 R>>"));
  g_ptr_array_add (objects, g_strdup_printf ("<</Type/Pages/Kids[%s]/Count %u>>", kids->str, n_pages));
  g_ptr_array_add (objects, g_strdup ("<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"));
  for (guint p = 0; p < n_pages; p++)
    {
      g_ptr_array_add (objects, g_strdup_printf ("<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents %u 0 R"
                                                 "/Resources<</Font<</F1 3 0 R>>>>>>", 5 + 2 * p));
      g_ptr_array_add (objects, g_strdup_printf ("<</Length %zu>>stream\n%sendstream", strlen (pages[p]), pages[p]));
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

/* Two short pages: more characters in the notes and running lines than in
 * the text, a byline in the text's size right above it, raised markers
 * made with a text rise, a word hyphenated at a line's end. */
static void
test_short_paper (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const pages[] = {
    "BT /F1 8 Tf 250 760 Td (Harbour Report) Tj ET\n"
    "BT /F1 8 Tf 280 30 Td (Page 1 of 2) Tj ET\n"
    "BT /F1 18 Tf 72 700 Td (Ports and Power) Tj ET\n"
    "BT /F1 11 Tf 72 670 Td (By Ana Example) Tj ET\n"
    "BT /F1 11 Tf 72 640 Td (Harbours have become instruments of influ-) Tj ET\n"
    "BT /F1 11 Tf 72 626 Td (ence, and governments treat them as such.) Tj /F1 7 Tf 4 Ts (1) Tj ET\n"
    "BT /F1 8 Tf 72 80 Td (1 See the port authority's annual report, https://example.org/ports.) Tj ET\n",
    "BT /F1 8 Tf 250 760 Td (Harbour Report) Tj ET\n"
    "BT /F1 8 Tf 280 30 Td (Page 2 of 2) Tj ET\n"
    "BT /F1 11 Tf 72 700 Td (Control of a port gives leverage over trade and data.) Tj /F1 7 Tf 4 Ts (2) Tj ET\n"
    "BT /F1 8 Tf 72 80 Td (2 On data cables landing at ports, see the 2024 survey, which counts them all.) Tj ET\n",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "short.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierAuthor) author = NULL;
  DossierParagraph *first, *second;
  const DossierFootnoteRef *refs;
  guint n_refs;

  write_plain_pdf (path, pages, G_N_ELEMENTS (pages));
  document = import_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (dossier_document_get_title (document), ==, "Ports and Power");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_authors (document)), ==, 1);
  author = g_list_model_get_item (dossier_document_get_authors (document), 0);
  g_assert_cmpstr (dossier_author_get_name (author), ==, "Ana Example");

  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (document)), ==, 2);
  first = paragraph_at (document, 0);
  second = paragraph_at (document, 1);
  g_assert_cmpint (dossier_paragraph_get_kind (first), ==, DOSSIER_PARAGRAPH_BODY);
  g_assert_cmpstr (dossier_paragraph_get_text (first), ==,
                   "Harbours have become instruments of influence, and governments treat them as such.");
  g_assert_cmpuint (dossier_paragraph_get_page (first), ==, 1);
  refs = dossier_paragraph_get_refs (first, &n_refs);
  g_assert_cmpuint (n_refs, ==, 1);
  g_assert_cmpuint (refs[0].number, ==, 1);
  g_assert_cmpstr (dossier_paragraph_get_text (second), ==, "Control of a port gives leverage over trade and data.");
  g_assert_cmpuint (dossier_paragraph_get_page (second), ==, 2);
  refs = dossier_paragraph_get_refs (second, &n_refs);
  g_assert_cmpuint (n_refs, ==, 1);
  g_assert_cmpuint (refs[0].number, ==, 2);

  /* Helvetica's standard encoding makes ' a right quotation mark. */
  g_assert_cmpstr (dossier_footnote_get_text (footnote_numbered (document, 1)), ==,
                   "See the port authority\xe2\x80\x99s annual report, https://example.org/ports.");
  g_assert_cmpstr (dossier_footnote_get_text (footnote_numbered (document, 2)), ==,
                   "On data cables landing at ports, see the 2024 survey, which counts them all.");
}

/* Notes numbered past 9,999 (a long report: 30 notes a page over 334
 * pages), raised markers in the text and plain numbers at the foot: no
 * width is assumed for a number. */
#define LARGE_NOTES_PER_PAGE 30
#define LARGE_N_NOTES 10020

static void
test_large_note_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "large-numbers.pdf", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  GListModel *paragraphs;
  guint n_refs_found = 0;

  for (guint first = 1; first <= LARGE_N_NOTES; first += LARGE_NOTES_PER_PAGE)
    {
      GString *page = g_string_new (NULL);

      /* The first claim of a page is long: the others are short lines,
       * paragraphs of their own. */
      for (guint k = 0; k < LARGE_NOTES_PER_PAGE; k++)
        g_string_append_printf (page, "BT /F1 11 Tf 0 Ts 72 %u Td (Claim %u rests on its source%s.) Tj "
                                "/F1 7 Tf 4 Ts (%u) Tj ET\n", 740 - 16 * k, first + k,
                                k == 0 ? ", which the note at the foot of this page gives in full" : "",
                                first + k);
      for (guint k = 0; k < LARGE_NOTES_PER_PAGE; k++)
        g_string_append_printf (page, "BT /F1 6 Tf 0 Ts 72 %u Td (%u The source of claim %u.) Tj ET\n",
                                250 - 7 * k, first + k, first + k);
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }
  write_plain_pdf (path, (const char * const *) pages->pdata, pages->len);
  document = import_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_footnotes (document)), ==, LARGE_N_NOTES);
  for (guint number = 9998; number <= LARGE_N_NOTES; number++)
    {
      DossierFootnote *note = footnote_numbered (document, number);
      g_autofree char *expected = g_strdup_printf ("The source of claim %u.", number);

      g_assert_nonnull (note);
      g_assert_cmpstr (dossier_footnote_get_text (note), ==, expected);
    }

  /* Every marker taken out of the text and linked, the large ones too. */
  paragraphs = dossier_document_get_paragraphs (document);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      DossierParagraph *paragraph = paragraph_at (document, i);
      guint n_refs;
      const DossierFootnoteRef *refs = dossier_paragraph_get_refs (paragraph, &n_refs);

      g_assert_null (strstr (dossier_paragraph_get_text (paragraph), "source.1"));
      for (guint k = 0; k < n_refs; k++)
        g_assert_cmpuint (refs[k].number, ==, ++n_refs_found);
    }
  g_assert_cmpuint (n_refs_found, ==, LARGE_N_NOTES);
}

/* ------------------------------------------------------------------------ */
/* Bad input                                                                 */

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_path (path, &error);

  g_assert_null (document);
  g_assert_error (error, domain, code);
  g_assert_null (strchr (error->message, '\n'));
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_scanned (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "scan.pdf", NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 800);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (image);

  /* A page of text as a picture, as a scanner makes it. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_centered (cr, "Liberation Serif 14", 100, "A scanned page has no text layer.");
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);

  assert_refused (path, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT, "scanned image");
}

static char *
write_memo_pdf (Fixture    *fixture,
                const char *name)
{
  g_autoptr(DossierLayoutDocument) memo = dossier_layout_document_new ();
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierLayoutBlock *block = dossier_layout_document_add_paragraph (memo);

  dossier_layout_block_add_text (block, "A short memo that is read back.", DOSSIER_LAYOUT_STYLE_NONE);
  g_assert_true (dossier_pdf_exporter_export (exporter, memo, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_bad_bytes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = write_memo_pdf (fixture, "good.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *random = NULL;
  gsize length;
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.pdf", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.pdf", NULL);
  g_autofree char *noise = g_build_filename (fixture->dir, "noise.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = import_path (good, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph_at (document, 0)), ==, "A short memo that is read back.");

  /* Cut in half: refused, not read in part. */
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  assert_refused (truncated, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED, "cut short");

  /* A PDF header followed by garbage, with an end marker. */
  random = g_malloc (4096);
  for (guint i = 0; i < 4096; i++)
    random[i] = g_rand_int_range (rand, 0, 256);
  memcpy (random, "%PDF-1.7\n", 9);
  memcpy (random + 4096 - 6, "%%EOF\n", 6);
  g_assert_true (g_file_set_contents (garbage, random, 4096, NULL));
  assert_refused (garbage, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED, "damaged");

  /* Random bytes named .pdf: not a PDF (no header). */
  random[0] = 'x';
  memset (random, 'q', 16);
  g_assert_true (g_file_set_contents (noise, random, 4096, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (noise);
    g_autoptr(DossierDocument) none = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_PDF, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_UNSUPPORTED);
    g_clear_error (&error);
  }

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY, NULL);
}

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *good = write_memo_pdf (fixture, "plain.pdf");
  g_autofree char *locked = g_build_filename (fixture->dir, "locked.pdf", NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (qpdf == NULL)
    {
      g_test_skip ("no qpdf to encrypt a PDF with (build-aux/install-deps.sh installs it)");
      return;
    }

  {
    const char *argv[] = { qpdf, "--encrypt", "secret", "owner", "256", "--", good, locked, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  assert_refused (locked, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PASSWORD, "password-protected");
}

/* ------------------------------------------------------------------------ */
/* Dispatch and pages                                                        */

static void
test_guess_format (void)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj";
  static const char html[] = "<!doctype html><title>x</title>";
  static const char text[] = "Notes for the briefing.";

  g_assert_cmpint (dossier_import_guess_format ("report.txt", pdf, sizeof pdf - 1), ==, DOSSIER_IMPORT_FORMAT_PDF);
  g_assert_cmpint (dossier_import_guess_format (NULL, pdf, sizeof pdf - 1), ==, DOSSIER_IMPORT_FORMAT_PDF);
  /* By content first: a saved page misnamed .pdf is a page; text named
   * .pdf goes to the PDF importer, which says it is no PDF. */
  g_assert_cmpint (dossier_import_guess_format ("page.pdf", html, sizeof html - 1), ==, DOSSIER_IMPORT_FORMAT_HTML);
  g_assert_cmpint (dossier_import_guess_format ("notes.pdf", text, sizeof text - 1), ==, DOSSIER_IMPORT_FORMAT_PDF);
  g_assert_cmpint (dossier_import_guess_format ("page.html", html, sizeof html - 1), ==, DOSSIER_IMPORT_FORMAT_HTML);
}

/* Pages reach the document JSON and back, and an excerpt's citation. */
static void
test_pages_json_and_citation (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierDocument) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(DossierCitation) citation = NULL;
  g_autofree char *locator = NULL;
  ReportFacts facts;
  gsize length;
  guint n;

  write_report (path, &facts);
  document = import_path (path, &error);
  g_assert_no_error (error);

  json = dossier_document_to_json (document, &length);
  g_assert_nonnull (strstr (json, "\"page\" : 1"));
  again = dossier_document_from_json (json, length, &error);
  g_assert_no_error (error);
  json_again = dossier_document_to_json (again, NULL);
  g_assert_cmpstr (json, ==, json_again);

  n = g_list_model_get_n_items (dossier_document_get_paragraphs (document));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (dossier_paragraph_get_page (paragraph_at (again, i)), ==,
                      dossier_paragraph_get_page (paragraph_at (document, i)));

  /* The last paragraph is on a later page than the first. */
  {
    DossierParagraph *last = paragraph_at (document, n - 1);

    g_assert_cmpuint (dossier_paragraph_get_page (last), ==, facts.n_pages);
    citation = dossier_citation_new_for_excerpt ("c1", document, n - 1, 0, 10);
    locator = g_strdup_printf ("p. %u", facts.n_pages);
    g_assert_cmpstr (dossier_citation_get_locator (citation), ==, locator);
  }

  {
    g_autofree char *range = dossier_format_page_locator (12, NULL, 13, NULL);
    g_autofree char *label = dossier_format_page_locator (3, "iii", 3, "iii");

    g_assert_cmpstr (range, ==, "pp. 12\xe2\x80\x93" "13");
    g_assert_cmpstr (label, ==, "p. iii");
    g_assert_null (dossier_format_page_locator (0, NULL, 0, NULL));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf-import/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/pdf-import/round-trip-memo/en", Fixture, &memo_texts[0], fixture_set_up, test_round_trip_memo,
              fixture_tear_down);
  g_test_add ("/pdf-import/round-trip-memo/ko", Fixture, &memo_texts[1], fixture_set_up, test_round_trip_memo,
              fixture_tear_down);
  g_test_add ("/pdf-import/bold-lead-in", Fixture, NULL, fixture_set_up, test_bold_lead_in, fixture_tear_down);
  g_test_add ("/pdf-import/two-column-report", Fixture, NULL, fixture_set_up, test_two_column_report,
              fixture_tear_down);
  g_test_add ("/pdf-import/pages-json-citation", Fixture, NULL, fixture_set_up, test_pages_json_and_citation,
              fixture_tear_down);
  g_test_add ("/pdf-import/full-line-sentence-ends", Fixture, NULL, fixture_set_up, test_full_line_sentence_ends,
              fixture_tear_down);
  g_test_add ("/pdf-import/korean-line-breaks", Fixture, NULL, fixture_set_up, test_korean_line_breaks,
              fixture_tear_down);
  g_test_add ("/pdf-import/short-paper", Fixture, NULL, fixture_set_up, test_short_paper, fixture_tear_down);
  g_test_add ("/pdf-import/large-note-numbers", Fixture, NULL, fixture_set_up, test_large_note_numbers,
              fixture_tear_down);
  g_test_add ("/pdf-import/scanned", Fixture, NULL, fixture_set_up, test_scanned, fixture_tear_down);
  g_test_add ("/pdf-import/bad-bytes", Fixture, NULL, fixture_set_up, test_bad_bytes, fixture_tear_down);
  g_test_add ("/pdf-import/encrypted", Fixture, NULL, fixture_set_up, test_encrypted, fixture_tear_down);
  g_test_add_func ("/pdf-import/guess-format", test_guess_format);

  return g_test_run ();
}
