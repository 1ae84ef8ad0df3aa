/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-office-export"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <zip.h>

#include "export/dossier-export-format.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-office-exporter.h"
#include "export/dossier-office-walk.h"
#include "memo/dossier-memo-json.h"
#include "dossier-test-files.h"

/* The DOCX and ODT files taken apart with libzip and libxml2, not with
 * the code that wrote them: the package's structure, the parts parsed
 * strictly, and the things a reviewer's word processor relies on (real
 * footnotes, fields, the banner, Korean tagged ko-KR) found by XPath.
 * tests/export/read-office.py reads them with python-docx and odfpy. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define KOREAN "서울의 한 연구자는"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-office-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dossier_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static DossierLayoutDocument *
load_decision_memo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = dossier_memo_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dossier_memo_to_layout_document (memo);
}

static GBytes *
export_bytes (DossierLayoutDocument *doc,
              DossierExportFormat    format,
              DossierPaper           paper)
{
  g_autoptr(DossierOfficeExporter) exporter = dossier_office_exporter_new (format);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  dossier_office_exporter_set_paper (exporter, paper);
  bytes = dossier_office_exporter_export_to_bytes (exporter, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_finalize_object (g_steal_pointer (&exporter));
  return bytes;
}

/* The archive's entry names in order, checked by libzip's own
 * consistency check. */
static zip_t *
open_zip (GBytes *bytes)
{
  zip_error_t error;
  zip_source_t *source;
  zip_t *archive;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  zip_error_init (&error);
  source = zip_source_buffer_create (data, size, 0, &error);
  g_assert_nonnull (source);
  archive = zip_open_from_source (source, ZIP_CHECKCONS | ZIP_RDONLY, &error);
  if (archive == NULL)
    g_error ("not a ZIP archive: %s", zip_error_strerror (&error));
  zip_error_fini (&error);
  return archive;
}

static char *
read_entry (zip_t      *archive,
            const char *name)
{
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  if (zip_stat (archive, name, 0, &stat) < 0)
    return NULL;
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  data = g_malloc0 (stat.size + 1);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t)stat.size);
  zip_fclose (file);
  return data;
}

/* Parsed strictly: any error (not well-formed, an undeclared prefix)
 * fails, and nothing is fetched. */
static xmlDoc *
parse_entry (zip_t      *archive,
             const char *name)
{
  g_autofree char *text = read_entry (archive, name);
  xmlDoc *doc;

  g_assert_nonnull (text);
  doc = xmlReadMemory (text, strlen (text), name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", name);
  return doc;
}

static xmlXPathContext *
xpath_context (xmlDoc *doc)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);

  xmlXPathRegisterNs (context, BAD_CAST "w", BAD_CAST NS_W);
  xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "style", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "fo", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "office", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs (context, BAD_CAST "cp", BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xmlXPathRegisterNs (context, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
  return context;
}

static double
xpath_number (xmlDoc     *doc,
              const char *expression)
{
  g_autoptr(xmlXPathContext) context = xpath_context (doc);
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expression, context);

  g_assert_nonnull (result);
  return xmlXPathCastToNumber (result);
}

static char *
xpath_string (xmlDoc     *doc,
              const char *expression)
{
  g_autoptr(xmlXPathContext) context = xpath_context (doc);
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlChar *value;
  char *copy;

  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static void
test_docx_package (void)
{
  g_autoptr(DossierLayoutDocument) doc = load_decision_memo ();
  g_autoptr(GBytes) bytes = export_bytes (doc, DOSSIER_EXPORT_FORMAT_DOCX, DOSSIER_PAPER_LETTER);
  zip_t *archive = open_zip (bytes);
  g_autoptr(xmlDoc) body = NULL;
  g_autoptr(xmlDoc) notes = NULL;
  g_autoptr(xmlDoc) header = NULL;
  g_autoptr(xmlDoc) footer = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) core = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  double n_refs;

  /* Every part is XML that parses strictly. */
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      g_autoptr(xmlDoc) part = parse_entry (archive, zip_get_name (archive, i, 0));
    }
  g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "[Content_Types].xml");

  body = parse_entry (archive, "word/document.xml");
  notes = parse_entry (archive, "word/footnotes.xml");
  header = parse_entry (archive, "word/header1.xml");
  footer = parse_entry (archive, "word/footer1.xml");
  styles = parse_entry (archive, "word/styles.xml");
  core = parse_entry (archive, "docProps/core.xml");

  /* Real footnotes: one per reference (Word numbers them), each with its
   * note's text; the nine references of the memo. */
  n_refs = xpath_number (body, "count(//w:footnoteReference)");
  g_assert_cmpfloat (n_refs, ==, 9);
  g_assert_cmpfloat (xpath_number (notes, "count(//w:footnote[not(@w:type)])"), ==, n_refs);
  text = xpath_string (notes, "string((//w:footnote[not(@w:type)])[1])");
  g_assert_nonnull (strstr (text, "Avery Stone, “Phased Relief and the Freeze,”"));
  g_clear_pointer (&text, g_free);
  /* The repeat is short, as in the PDF; the number is Word's own,
   * raised (w:footnoteRef), as LibreOffice draws it too. */
  text = xpath_string (notes, "string((//w:footnote[not(@w:type)])[3])");
  g_assert_cmpstr (text, ==, "Stone, “Phased Relief and the Freeze.”");
  g_clear_pointer (&text, g_free);
  text = xpath_string (notes, "string((//w:footnote[not(@w:type)])[3]/w:p/w:r[w:footnoteRef]/w:rPr/w:rStyle/@w:val)");
  g_assert_cmpstr (text, ==, "FootnoteReference");
  g_clear_pointer (&text, g_free);
  /* Clickable addresses. */
  g_assert_cmpfloat (xpath_number (notes, "count(//w:hyperlink)"), >=, 2);

  /* Banner above and below, "Page N of M" as fields. */
  text = xpath_string (header, "string(//w:t)");
  g_assert_cmpstr (text, ==, "SENSITIVE BUT UNCLASSIFIED");
  g_clear_pointer (&text, g_free);
  text = xpath_string (footer, "string(/*)");
  g_assert_nonnull (strstr (text, "SENSITIVE BUT UNCLASSIFIED"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (xpath_number (footer, "count(//w:instrText[normalize-space(.)='PAGE'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (footer, "count(//w:instrText[normalize-space(.)='NUMPAGES'])"), ==, 1);

  /* Named styles a template can restyle, used by the body. */
  for (const char *const *id = (const char *const[]){ "Normal", "Heading1", "Quote", "FootnoteText", "ListBullet", NULL }; *id; id++)
    {
      g_autofree char *expression = g_strdup_printf ("count(//w:style[@w:styleId='%s'])", *id);

      g_assert_cmpfloat (xpath_number (styles, expression), ==, 1);
    }
  g_assert_cmpfloat (xpath_number (body, "count(//w:pStyle[@w:val='Heading1'])"), ==, 3);
  g_assert_cmpfloat (xpath_number (body, "count(//w:pStyle[@w:val='Quote'])"), >=, 1);
  g_assert_cmpfloat (xpath_number (body, "count(//w:numPr)"), ==, 2);
  /* Times New Roman 12 pt. */
  text = xpath_string (styles, "string(//w:docDefaults//w:rFonts/@w:ascii)");
  g_assert_cmpstr (text, ==, "Times New Roman");
  g_clear_pointer (&text, g_free);
  text = xpath_string (styles, "string(//w:docDefaults//w:sz/@w:val)");
  g_assert_cmpstr (text, ==, "24");
  g_clear_pointer (&text, g_free);

  /* Letter, one-inch margins. */
  text = xpath_string (body, "concat(//w:sectPr/w:pgSz/@w:w, 'x', //w:sectPr/w:pgSz/@w:h, ' ', //w:sectPr/w:pgMar/@w:left)");
  g_assert_cmpstr (text, ==, "12240x15840 1440");
  g_clear_pointer (&text, g_free);

  /* Korean runs, and only they, tagged ko-KR. */
  text = xpath_string (body, "string(//w:r[w:rPr/w:lang/@w:eastAsia='ko-KR']/w:t)");
  g_assert_true (g_str_has_prefix (text, KOREAN));
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (xpath_number (body, "count(//w:r[w:rPr/w:lang/@w:val='ko-KR'][contains(w:t, 'freeze')])"), ==, 0);

  title = xpath_string (core, "string(//dc:title)");
  g_assert_cmpstr (title, ==, "(SBU) Sequencing Sanctions Relief for a Verified Freeze");

  zip_discard (archive);
}

static void
test_odt_package (void)
{
  g_autoptr(DossierLayoutDocument) doc = load_decision_memo ();
  g_autoptr(GBytes) bytes = export_bytes (doc, DOSSIER_EXPORT_FORMAT_ODT, DOSSIER_PAPER_A4);
  const char *mime = "application/vnd.oasis.opendocument.text";
  zip_t *archive = open_zip (bytes);
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) meta = NULL;
  g_autofree char *text = NULL;
  zip_stat_t stat;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  /* ODF 1.2 part 3, 3.3: "mimetype" first, stored, with no extra field,
   * so that its type is at offset 38 for a program that sniffs it. */
  g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "mimetype");
  g_assert_cmpint (zip_stat_index (archive, 0, 0, &stat), ==, 0);
  g_assert_cmpint (stat.comp_method, ==, ZIP_CM_STORE);
  g_assert_cmpuint (size, >, 38 + strlen (mime));
  g_assert_cmpint (data[28] | data[29] << 8, ==, 0);            /* extra field length */
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, strlen (mime), mime, strlen (mime));

  for (zip_int64_t i = 1; i < zip_get_num_entries (archive, 0); i++)
    {
      g_autoptr(xmlDoc) part = parse_entry (archive, zip_get_name (archive, i, 0));
    }

  content = parse_entry (archive, "content.xml");
  styles = parse_entry (archive, "styles.xml");
  meta = parse_entry (archive, "meta.xml");

  g_assert_cmpfloat (xpath_number (content, "count(//text:note[@text:note-class='footnote'])"), ==, 9);
  text = xpath_string (content, "string((//text:note)[3]/text:note-body)");
  g_assert_cmpstr (text, ==, "Stone, “Phased Relief and the Freeze.”");
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (xpath_number (content, "count(//text:note-body//text:a[starts-with(@xlink:href, 'https://')])"), >=, 2);
  g_assert_cmpfloat (xpath_number (content, "count(//text:h[@text:outline-level='1'])"), ==, 3);
  g_assert_cmpfloat (xpath_number (content, "count(//text:list/text:list-item)"), ==, 2);

  /* The banner in the master page's header and footer, with the page
   * number and count as fields. */
  text = xpath_string (styles, "string(//style:master-page/style:header)");
  g_assert_cmpstr (text, ==, "SENSITIVE BUT UNCLASSIFIED");
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (xpath_number (styles, "count(//style:master-page/style:footer//text:page-number)"), ==, 1);
  g_assert_cmpfloat (xpath_number (styles, "count(//style:master-page/style:footer//text:page-count)"), ==, 1);
  text = xpath_string (styles, "string(//style:page-layout-properties/@fo:page-width)");
  g_assert_cmpstr (text, ==, "595.28pt");   /* A4, 210 mm */
  g_clear_pointer (&text, g_free);

  /* The Korean run's style says Korean (ko-KR), for western and Asian
   * text alike; the English runs' styles do not. */
  text = xpath_string (content,
                       "concat(//style:style[@style:name = //text:span[starts-with(., '" KOREAN "')]/@text:style-name]"
                       "/style:text-properties/@fo:language, '-',"
                       "//style:style[@style:name = //text:span[starts-with(., '" KOREAN "')]/@text:style-name]"
                       "/style:text-properties/@style:country-asian)");
  g_assert_cmpstr (text, ==, "ko-KR");
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (xpath_number (content,
                                   "count(//style:style[@style:name = //text:span[. = 'achievable']/@text:style-name]"
                                   "/style:text-properties[@fo:language='ko'])"), ==, 0);

  text = xpath_string (meta, "string(//dc:title)");
  g_assert_cmpstr (text, ==, "(SBU) Sequencing Sanctions Relief for a Verified Freeze");

  zip_discard (archive);
}

/* Text XML 1.0 cannot hold (control characters) is left out rather than
 * making a file Word refuses; the rest of the paragraph stays. */
static void
test_hostile_text (gconstpointer data)
{
  DossierExportFormat format = GPOINTER_TO_INT (data);
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  DossierLayoutBlock *block;
  g_autoptr(GBytes) bytes = NULL;
  zip_t *archive;

  dossier_layout_document_set_marking (doc, "UNCLASSIFIED\x01<&>");
  dossier_layout_document_set_metadata (doc, "Title \x02 <&>", "Author\x1b", "Subject\x7f");
  dossier_layout_document_add_header_field (doc, "TO:\x0b", "<b>Someone</b>");
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "Before\x01\x08\x0c" "after ]]> <&> \xef\xbf\xbe end", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_link (block, "link", "javascript:alert(1)", DOSSIER_LAYOUT_STYLE_NONE);

  bytes = export_bytes (doc, format, DOSSIER_PAPER_A4);
  archive = open_zip (bytes);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      const char *name = zip_get_name (archive, i, 0);
      g_autofree char *text = read_entry (archive, name);

      if (g_strcmp0 (name, "mimetype") == 0)
        continue;
      g_autoptr(xmlDoc) part = parse_entry (archive, name);

      g_assert_null (strstr (text, "javascript:"));
      if (strstr (text, "Before") != NULL)
        g_assert_nonnull (strstr (text, "Beforeafter ]]&gt; &lt;&amp;&gt;"));
    }
  zip_discard (archive);
}

/* A note's italics (a book's or a journal's title) and its link are
 * kept inside the footnote. */
static void
test_note_styles (void)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  DossierLayoutBlock *block;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(xmlDoc) notes = NULL;
  g_autoptr(xmlDoc) content = NULL;
  zip_t *archive;

  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "Cited here.", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_note_ref (block, 1);
  block = dossier_layout_document_add_note (doc, 1);
  dossier_layout_block_add_text (block, "Kim, ", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_text (block, "Journal of Peace", DOSSIER_LAYOUT_STYLE_ITALIC);
  dossier_layout_block_add_text (block, ", ", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_link (block, "https://example.org/a", "https://example.org/a", DOSSIER_LAYOUT_STYLE_NONE);

  docx = export_bytes (doc, DOSSIER_EXPORT_FORMAT_DOCX, DOSSIER_PAPER_A4);
  archive = open_zip (docx);
  notes = parse_entry (archive, "word/footnotes.xml");
  g_assert_cmpfloat (xpath_number (notes, "count(//w:footnote//w:r[w:rPr/w:i][w:t='Journal of Peace'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (notes, "count(//w:footnote//w:hyperlink[.='https://example.org/a'])"), ==, 1);
  zip_discard (archive);

  odt = export_bytes (doc, DOSSIER_EXPORT_FORMAT_ODT, DOSSIER_PAPER_A4);
  archive = open_zip (odt);
  content = parse_entry (archive, "content.xml");
  g_assert_cmpfloat (xpath_number (content,
                                   "count(//style:style[@style:name = //text:note-body//text:span[.='Journal of Peace']/@text:style-name]"
                                   "/style:text-properties[@fo:font-style='italic'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (content, "count(//text:note-body//text:a[@xlink:href='https://example.org/a'])"), ==, 1);
  zip_discard (archive);
}

static void
record_run (const DossierOfficeRun *run,
            gpointer                user_data)
{
  GString *seen = user_data;
  const char *kinds[] = { "text", "link", "note", "raised" };

  g_string_append_printf (seen, "%s:%s%s%s;", kinds[run->kind], run->clean,
                          run->target != NULL ? ">" : "", run->target != NULL ? run->target : "");
  if (run->kind == DOSSIER_OFFICE_RUN_NOTE)
    g_assert_nonnull (run->note);
}

static void
record_block (const DossierOfficeBlock *block,
              gpointer                  user_data)
{
  GString *seen = user_data;

  g_string_append_printf (seen, "%d/%u%s;", block->kind, block->level, block->keep_next ? "+" : "");
}

/* The walk both writers share: the first note of a number is the one a
 * reference means (none for 0), a number inside a note or without its
 * note is only raised, an unsafe link is text, a decision line keeps the
 * block above it, levels are 1 to 3, and at most six choices. */
static void
test_walk (void)
{
  g_autoptr(DossierLayoutDocument) doc = dossier_layout_document_new ();
  const char *choices[] = { "A", "B", "C", "D", "E", "F", "G", NULL };
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_autofree char *attribution = NULL;
  DossierLayoutBlock *block, *first_note;

  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "a\x01" "b", DOSSIER_LAYOUT_STYLE_BOLD);
  dossier_layout_block_add_note_ref (block, 1);
  dossier_layout_block_add_note_ref (block, 2);
  dossier_layout_block_add_link (block, "x", "javascript:alert(1)", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_block_add_link (block, "y", "https://example.org/", DOSSIER_LAYOUT_STYLE_NONE);
  dossier_layout_document_add_bullet (doc, 7);
  block = dossier_layout_document_add_quote (doc, "Kim");
  dossier_layout_document_add_decision (doc, choices);
  first_note = dossier_layout_document_add_note (doc, 1);
  dossier_layout_block_add_note_ref (first_note, 1);
  dossier_layout_document_add_note (doc, 1);
  dossier_layout_document_add_note (doc, 0);

  notes = dossier_office_collect_notes (doc);
  g_assert_cmpuint (g_hash_table_size (notes), ==, 1);
  g_assert_true (g_hash_table_lookup (notes, GUINT_TO_POINTER (1)) == first_note);

  dossier_office_walk_runs (dossier_layout_document_get_block (doc, 0), notes, FALSE, record_run, seen);
  g_assert_cmpstr (seen->str, ==, "text:ab;note:1;raised:2;text:x;link:y>https://example.org/;");
  g_string_truncate (seen, 0);
  dossier_office_walk_runs (first_note, notes, TRUE, record_run, seen);
  g_assert_cmpstr (seen->str, ==, "raised:1;");

  g_string_truncate (seen, 0);
  g_assert_true (dossier_office_walk_blocks (doc, record_block, seen, NULL, NULL));
  g_assert_cmpstr (seen->str, ==, "1/1;2/3;3/1+;4/1;");

  line = dossier_office_decision_line (dossier_layout_document_get_block (doc, 3));
  g_assert_cmpstr (line, ==, "A ____________\tB ____________\tC ____________\t"
                             "D ____________\tE ____________\tF ____________");
  attribution = dossier_office_attribution_line (block);
  g_assert_cmpstr (attribution, ==, "\u2014\u2009Kim");
  g_assert_null (dossier_office_attribution_line (dossier_layout_document_get_block (doc, 0)));
}

/* Written atomically: an existing file is replaced whole; a cancelled
 * export or a missing folder leaves the folder as it was. */
static void
test_atomic (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = load_decision_memo ();
  g_autoptr(DossierOfficeExporter) exporter = dossier_office_exporter_new (DOSSIER_EXPORT_FORMAT_DOCX);
  g_autofree char *path = g_build_filename (fixture->dir, "memo.docx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "memo.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (dossier_office_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK\003\004"));
  g_clear_pointer (&contents, g_free);

  g_assert_false (dossier_office_exporter_export (exporter, doc, bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-dir"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_office_exporter_export (exporter, doc, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  names = dossier_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "memo.docx");
}

static void
export_failed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (dossier_office_exporter_export_finish (DOSSIER_OFFICE_EXPORTER (source), result, error));
  g_assert_nonnull (*error);
}

/* On a full disk (a file size limit) the old ODT stays, with no
 * temporary file beside it, synchronous or not. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = NULL;
  g_autoptr(DossierOfficeExporter) exporter = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "memo.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  const char *old = "PK\003\004 an older export";

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  doc = load_decision_memo ();
  exporter = dossier_office_exporter_new (DOSSIER_EXPORT_FORMAT_ODT);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  dossier_test_limit_file_size (1024);

  g_assert_false (dossier_office_exporter_export (exporter, doc, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);
  g_clear_pointer (&contents, g_free);

  dossier_office_exporter_export_async (exporter, doc, file, NULL, export_failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);

  names = dossier_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "memo.odt");
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_office_exporter_export_finish (DOSSIER_OFFICE_EXPORTER (source), result, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_office_exporter_get_busy (DOSSIER_OFFICE_EXPORTER (source)));
  *done = TRUE;
}

static void
busy_notified_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

/* The thread has its own copy: the caller may go on editing. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierLayoutDocument) doc = load_decision_memo ();
  g_autoptr(DossierOfficeExporter) exporter = dossier_office_exporter_new (DOSSIER_EXPORT_FORMAT_ODT);
  g_autofree char *path = g_build_filename (fixture->dir, "memo.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content = NULL;
  gboolean done = FALSE;
  guint n_notified = 0;
  DossierLayoutBlock *block;
  gpointer weak = NULL;
  zip_t *archive;

  g_signal_connect (exporter, "notify::busy", G_CALLBACK (busy_notified_cb), &n_notified);
  dossier_office_exporter_export_async (exporter, doc, file, NULL, export_done_cb, &done);
  g_assert_true (dossier_office_exporter_get_busy (exporter));
  block = dossier_layout_document_add_paragraph (doc);
  dossier_layout_block_add_text (block, "AddedLater", DOSSIER_LAYOUT_STYLE_NONE);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_notified, ==, 2);

  {
    g_autofree char *data_ = NULL;
    gsize size;

    g_assert_true (g_file_get_contents (path, &data_, &size, NULL));
    bytes = g_bytes_new_take (g_steal_pointer (&data_), size);
  }
  archive = open_zip (bytes);
  content = read_entry (archive, "content.xml");
  g_assert_nonnull (strstr (content, "A verified freeze"));
  g_assert_null (strstr (content, "AddedLater"));
  zip_discard (archive);

  /* The worker thread drops its reference to the exporter just after
   * the result is handed over: wait for it. */
  g_signal_handlers_disconnect_by_data (exporter, &n_notified);
  g_object_add_weak_pointer (G_OBJECT (exporter), (gpointer *)&weak);
  g_clear_object (&exporter);
  while (g_atomic_pointer_get (&weak) != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_format_names (void)
{
  DossierExportFormat format = DOSSIER_EXPORT_FORMAT_PDF;

  g_assert_true (dossier_export_format_for_path ("/tmp/memo.DOCX", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_FORMAT_DOCX);
  g_assert_true (dossier_export_format_for_path ("memo.v2.odt", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_FORMAT_ODT);
  g_assert_false (dossier_export_format_for_path ("memo.doc", &format));
  g_assert_false (dossier_export_format_for_path ("dir.odt/memo", &format));
  g_assert_false (dossier_export_format_for_path ("memo", &format));
  g_assert_true (dossier_export_format_from_string ("PDF", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_FORMAT_PDF);
  g_assert_false (dossier_export_format_from_string ("rtf", &format));
  g_assert_cmpstr (dossier_export_format_get_extension (DOSSIER_EXPORT_FORMAT_ODT), ==, ".odt");

  /* A file chooser's answer: a typed extension wins, the suggested one
   * follows the filter, none gets the filter's. */
  {
    const struct {
      const char *name;
      DossierExportFormat chosen;
      const char *written;
      DossierExportFormat format;
    } answers[] = {
      { "Memo.pdf", DOSSIER_EXPORT_FORMAT_PDF, "Memo.pdf", DOSSIER_EXPORT_FORMAT_PDF },
      { "Memo.pdf", DOSSIER_EXPORT_FORMAT_DOCX, "Memo.docx", DOSSIER_EXPORT_FORMAT_DOCX },
      { "Memo.PDF", DOSSIER_EXPORT_FORMAT_ODT, "Memo.odt", DOSSIER_EXPORT_FORMAT_ODT },
      { "Memo.odt", DOSSIER_EXPORT_FORMAT_PDF, "Memo.odt", DOSSIER_EXPORT_FORMAT_ODT },
      { "Memo.odt", DOSSIER_EXPORT_FORMAT_DOCX, "Memo.odt", DOSSIER_EXPORT_FORMAT_ODT },
      { "Memo", DOSSIER_EXPORT_FORMAT_DOCX, "Memo.docx", DOSSIER_EXPORT_FORMAT_DOCX },
      { "Memo v2.txt", DOSSIER_EXPORT_FORMAT_PDF, "Memo v2.txt.pdf", DOSSIER_EXPORT_FORMAT_PDF },
      { ".pdf", DOSSIER_EXPORT_FORMAT_ODT, ".odt", DOSSIER_EXPORT_FORMAT_ODT },
    };

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        g_autofree char *written = dossier_export_format_choose_name (answers[i].name, DOSSIER_EXPORT_FORMAT_PDF,
                                                                      answers[i].chosen, &format);

        g_assert_cmpstr (written, ==, answers[i].written);
        g_assert_cmpint (format, ==, answers[i].format);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export/office/format-names", test_format_names);
  g_test_add_func ("/dossier/export/office/docx/package", test_docx_package);
  g_test_add_func ("/dossier/export/office/odt/package", test_odt_package);
  g_test_add_func ("/dossier/export/office/note-styles", test_note_styles);
  g_test_add_func ("/dossier/export/office/walk", test_walk);
  g_test_add_data_func ("/dossier/export/office/docx/hostile-text",
                        GINT_TO_POINTER (DOSSIER_EXPORT_FORMAT_DOCX), test_hostile_text);
  g_test_add_data_func ("/dossier/export/office/odt/hostile-text",
                        GINT_TO_POINTER (DOSSIER_EXPORT_FORMAT_ODT), test_hostile_text);
  g_test_add ("/dossier/export/office/atomic", Fixture, NULL, fixture_set_up, test_atomic, fixture_tear_down);
  g_test_add ("/dossier/export/office/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/dossier/export/office/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
