/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-docx-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-docx-writer.h"
#include "dossier-office-walk.h"
#include "dossier-zip-writer.h"

/* A #DossierLayoutDocument as a Word file (Office Open XML, ISO/IEC
 * 29500 transitional, as Word 2013 and later write it): the same blocks
 * and notes the PDF lays out, in named styles a reviewer's template can
 * restyle, with real footnotes that Word numbers itself, the handling
 * marking in the page header and footer, and "Page N of M" as fields.
 *
 * Word reads what it is given strictly (a child element out of the
 * schema's order makes it call the file corrupt), so every element here
 * follows the order of its parent's type in the schema. */

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT     "application/vnd.openxmlformats-officedocument.wordprocessingml."

#define TWIPS(points) ((int)((points) * 20.0 + 0.5))
#define MARGIN        1440      /* 1 inch */
#define HEADER_LABEL_MAX 0.42   /* of the line, as in the PDF */
#define QUOTE_INDENT  600       /* 30 pt */
#define NOTE_INDENT   280       /* 14 pt */
#define BULLET_INDENT 360       /* 18 pt a level */
#define DECISION_TAB  180.0     /* points between the choices, as in the PDF */

/* Hyperlinks of one part: each target is one relationship. */
typedef struct {
  GHashTable *ids;          /* target → relationship id */
  GPtrArray *targets;       /* in order */
  const char *prefix;
} Links;

typedef struct {
  DossierLayoutDocument *document;
  const DossierOfficeOptions *options;
  char *language;           /* the document's language tag */
  gboolean korean;          /* the document is in Korean */
  GHashTable *notes;        /* note number → DossierLayoutBlock */
  GArray *footnotes;        /* note numbers, in the order of their footnotes */
  Links body_links;
  Links note_links;
} Docx;

static void
links_init (Links      *links,
            const char *prefix)
{
  links->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  links->targets = g_ptr_array_new ();
  links->prefix = prefix;
}

static void
links_clear (Links *links)
{
  g_clear_pointer (&links->targets, g_ptr_array_unref);
  g_clear_pointer (&links->ids, g_hash_table_unref);
}

static const char *
links_get_id (Links      *links,
              const char *target)
{
  char *id = g_hash_table_lookup (links->ids, target);

  if (id == NULL)
    {
      char *key = g_strdup (target);

      id = g_strdup_printf ("%s%u", links->prefix, links->targets->len + 1);
      g_hash_table_insert (links->ids, key, id);
      g_ptr_array_add (links->targets, key);
    }
  return id;
}

/* Runs ------------------------------------------------------------------ */

typedef enum {
  RUN_PLAIN,
  RUN_LINK,
  RUN_NOTE_REFERENCE,     /* superscript, for a number with no note */
} RunKind;

static void
write_run_properties (Docx               *docx,
                      DossierXml         *x,
                      const char         *character_style,
                      DossierLayoutStyle  style,
                      gboolean            korean)
{
  dossier_xml_start (x, "w:rPr");
  if (character_style != NULL)
    dossier_xml_empty (x, "w:rStyle", "w:val", character_style);
  if (korean)
    dossier_xml_empty (x, "w:rFonts", "w:hint", "eastAsia");
  if (style & DOSSIER_LAYOUT_STYLE_BOLD)
    {
      dossier_xml_empty (x, "w:b", NULL, NULL);
      dossier_xml_empty (x, "w:bCs", NULL, NULL);
    }
  if (style & DOSSIER_LAYOUT_STYLE_ITALIC)
    {
      dossier_xml_empty (x, "w:i", NULL, NULL);
      dossier_xml_empty (x, "w:iCs", NULL, NULL);
    }
  /* Korean runs are tagged ko-KR; in a Korean memo the Latin ones are
   * English (the notes are, whatever the memo's language). */
  if (korean)
    {
      dossier_xml_start_with (x, "w:lang", "w:val", "ko-KR", "w:eastAsia", "ko-KR", NULL);
      dossier_xml_end (x);
    }
  else if (docx->korean)
    dossier_xml_empty (x, "w:lang", "w:val", "en-US");
  dossier_xml_end (x);
}

/* The content of a run: text, tabs and line breaks. */
static void
write_run_content (DossierXml *x,
                   const char *text,
                   const char *end)
{
  while (text < end)
    {
      const char *stop = text;

      while (stop < end && *stop != '\t' && *stop != '\n')
        stop++;
      if (stop > text)
        {
          dossier_xml_start (x, "w:t");
          dossier_xml_attr (x, "xml:space", "preserve");
          dossier_xml_text (x, text, stop - text);
          dossier_xml_end (x);
        }
      if (stop < end)
        dossier_xml_empty (x, *stop == '\t' ? "w:tab" : "w:br", NULL, NULL);
      text = stop < end ? stop + 1 : stop;
    }
}

/* @text (clean) as runs, split where it changes between Korean and not. */
static void
write_text (Docx               *docx,
            DossierXml         *x,
            const char         *text,
            const char         *character_style,
            DossierLayoutStyle  style)
{
  const char *end = text + strlen (text);

  while (text < end)
    {
      gboolean korean;
      const char *stop = dossier_office_next_segment (text, end, &korean);

      dossier_xml_start (x, "w:r");
      if (character_style != NULL || style != DOSSIER_LAYOUT_STYLE_NONE || korean || docx->korean)
        write_run_properties (docx, x, character_style, style, korean);
      write_run_content (x, text, stop);
      dossier_xml_end (x);
      text = stop;
    }
}

static void
write_footnote_reference (Docx       *docx,
                          DossierXml *x,
                          guint       number)
{
  dossier_xml_start (x, "w:r");
  dossier_xml_start (x, "w:rPr");
  dossier_xml_empty (x, "w:rStyle", "w:val", "FootnoteReference");
  dossier_xml_end (x);
  dossier_xml_start (x, "w:footnoteReference");
  /* Ids are the footnotes' order; Word numbers them by their place. */
  g_array_append_val (docx->footnotes, number);
  dossier_xml_attr_printf (x, "w:id", "%u", docx->footnotes->len);
  dossier_xml_end (x);
  dossier_xml_end (x);
}

/* A part being written: its XML, and where its hyperlinks go. */
typedef struct {
  Docx *docx;
  DossierXml *x;
  Links *links;
} Part;

static void
write_run (const DossierOfficeRun *run,
           gpointer                user_data)
{
  Part *part = user_data;

  switch (run->kind)
    {
    case DOSSIER_OFFICE_RUN_LINK:
      dossier_xml_start_with (part->x, "w:hyperlink", "r:id", links_get_id (part->links, run->target), NULL);
      write_text (part->docx, part->x, run->clean, "Hyperlink", run->style);
      dossier_xml_end (part->x);
      break;
    case DOSSIER_OFFICE_RUN_NOTE:
      write_footnote_reference (part->docx, part->x, dossier_layout_block_get_number (run->note));
      break;
    case DOSSIER_OFFICE_RUN_RAISED_NUMBER:
      write_text (part->docx, part->x, run->clean, "FootnoteReference", run->style);
      break;
    case DOSSIER_OFFICE_RUN_TEXT:
    default:
      write_text (part->docx, part->x, run->clean, NULL, run->style);
      break;
    }
}

/* Paragraphs --------------------------------------------------------- */

static void
start_paragraph (DossierXml *x,
                 const char *style,
                 gboolean    keep_next,
                 int         num_id,
                 guint       level)
{
  dossier_xml_start (x, "w:p");
  if (style == NULL && !keep_next && num_id == 0)
    return;

  dossier_xml_start (x, "w:pPr");
  if (style != NULL)
    dossier_xml_empty (x, "w:pStyle", "w:val", style);
  if (keep_next)
    dossier_xml_empty (x, "w:keepNext", NULL, NULL);
  if (num_id > 0)
    {
      dossier_xml_start (x, "w:numPr");
      dossier_xml_start (x, "w:ilvl");
      dossier_xml_attr_printf (x, "w:val", "%u", level);
      dossier_xml_end (x);
      dossier_xml_start (x, "w:numId");
      dossier_xml_attr_printf (x, "w:val", "%d", num_id);
      dossier_xml_end (x);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

/* A paragraph of one plain @text, cleaned here. */
static void
write_plain_paragraph (Docx       *docx,
                       DossierXml *x,
                       const char *style,
                       gboolean    keep_next,
                       const char *text)
{
  g_autofree char *clean = dossier_office_clean_text (text, -1);

  start_paragraph (x, style, keep_next, 0, 0);
  write_text (docx, x, clean, NULL, DOSSIER_LAYOUT_STYLE_NONE);
  dossier_xml_end (x);
}

/* A width in twentieths of a point, as Word's tables take it. */
static void
write_twips (DossierXml *x,
             const char *element,
             int         twips)
{
  g_autofree char *width = g_strdup_printf ("%d", twips);

  dossier_xml_start_with (x, element, "w:w", width, "w:type", "dxa", NULL);
  dossier_xml_end (x);
}

static void
write_header_block (Docx       *docx,
                    DossierXml *x)
{
  DossierLayoutDocument *document = docx->document;
  guint n_fields = dossier_layout_document_get_n_header_fields (document);
  const char *heading_line = dossier_layout_document_get_heading_line (document);
  double page_width, text_width, label_width = 0;
  int label_twips, value_twips;

  dossier_paper_get_size (docx->options->paper, &page_width, NULL);
  text_width = page_width - 2 * 72.0;

  if (heading_line != NULL)
    write_plain_paragraph (docx, x, "Title", FALSE, heading_line);
  if (n_fields == 0)
    return;

  /* A table, so a long subject wraps under its value's column. */
  for (guint i = 0; i < n_fields; i++)
    {
      const char *label;

      dossier_layout_document_get_header_field (document, i, &label, NULL);
      label_width = MAX (label_width, dossier_office_label_width (label));
    }
  label_twips = TWIPS (MIN (label_width, text_width * HEADER_LABEL_MAX) + 14.0);
  value_twips = TWIPS (text_width) - label_twips;

  dossier_xml_start (x, "w:tbl");
  dossier_xml_start (x, "w:tblPr");
  write_twips (x, "w:tblW", label_twips + value_twips);
  write_twips (x, "w:tblInd", 0);
  /* The rule under the header block. */
  dossier_xml_start (x, "w:tblBorders");
  dossier_xml_start_with (x, "w:bottom", "w:val", "single", "w:sz", "8", "w:space", "0", "w:color", "000000", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_empty (x, "w:tblLayout", "w:type", "fixed");
  dossier_xml_start (x, "w:tblCellMar");
  write_twips (x, "w:left", 0);
  write_twips (x, "w:right", 0);
  dossier_xml_end (x);
  dossier_xml_end (x);

  dossier_xml_start (x, "w:tblGrid");
  dossier_xml_start (x, "w:gridCol");
  dossier_xml_attr_printf (x, "w:w", "%d", label_twips);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:gridCol");
  dossier_xml_attr_printf (x, "w:w", "%d", value_twips);
  dossier_xml_end (x);
  dossier_xml_end (x);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label, *value;
      const char *texts[2];
      const int widths[2] = { label_twips, value_twips };

      dossier_layout_document_get_header_field (document, i, &label, &value);
      texts[0] = label;
      texts[1] = value;

      dossier_xml_start (x, "w:tr");
      dossier_xml_start (x, "w:trPr");
      dossier_xml_empty (x, "w:cantSplit", NULL, NULL);
      dossier_xml_end (x);
      for (guint c = 0; c < 2; c++)
        {
          dossier_xml_start (x, "w:tc");
          dossier_xml_start (x, "w:tcPr");
          write_twips (x, "w:tcW", widths[c]);
          dossier_xml_end (x);
          write_plain_paragraph (docx, x, c == 0 ? "MemoHeaderLabel" : "MemoHeader", FALSE, texts[c]);
          dossier_xml_end (x);
        }
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static void
write_block (const DossierOfficeBlock *item,
             gpointer                  user_data)
{
  Part *part = user_data;
  DossierXml *x = part->x;

  switch (item->kind)
    {
    case DOSSIER_LAYOUT_BLOCK_HEADING:
      {
        const char *styles[] = { "Heading1", "Heading2", "Heading3" };

        /* Numbered by Word ("2.", "2.1."), so the numbers follow
         * sections a reviewer adds or moves. */
        start_paragraph (x, styles[item->level - 1], FALSE,
                         dossier_layout_block_get_numbered (item->block) ? 2 : 0, item->level - 1);
        dossier_office_walk_runs (item->block, part->docx->notes, FALSE, write_run, part);
        dossier_xml_end (x);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_BULLET:
      start_paragraph (x, "ListBullet", item->keep_next, 1, item->level - 1);
      dossier_office_walk_runs (item->block, part->docx->notes, FALSE, write_run, part);
      dossier_xml_end (x);
      break;

    case DOSSIER_LAYOUT_BLOCK_QUOTE:
      {
        g_autofree char *attribution = dossier_office_attribution_line (item->block);

        start_paragraph (x, "Quote", item->keep_next || attribution != NULL, 0, 0);
        dossier_office_walk_runs (item->block, part->docx->notes, FALSE, write_run, part);
        dossier_xml_end (x);
        if (attribution != NULL)
          write_plain_paragraph (part->docx, x, "QuoteAttribution", item->keep_next, attribution);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_DECISION:
      {
        g_autofree char *line = dossier_office_decision_line (item->block);

        write_plain_paragraph (part->docx, x, "DecisionLine", FALSE, line);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
    case DOSSIER_LAYOUT_BLOCK_NOTE:
    default:
      start_paragraph (x, NULL, item->keep_next, 0, 0);
      dossier_office_walk_runs (item->block, part->docx->notes, FALSE, write_run, part);
      dossier_xml_end (x);
      break;
    }
}

static gboolean
write_blocks (Docx          *docx,
              DossierXml    *x,
              GCancellable  *cancellable,
              GError       **error)
{
  Part part = { docx, x, &docx->body_links };

  if (!dossier_office_walk_blocks (docx->document, write_block, &part, cancellable, error))
    return FALSE;

  /* A body ends with a paragraph (never with the header's table). */
  if (dossier_layout_document_get_n_blocks (docx->document) == 0)
    {
      start_paragraph (x, NULL, FALSE, 0, 0);
      dossier_xml_end (x);
    }
  return TRUE;
}

/* Parts ------------------------------------------------------------ */

static GBytes *
write_document (Docx          *docx,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  guint width, height;

  dossier_xml_start (x, "w:document");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  dossier_xml_attr (x, "xmlns:r", NS_R);
  dossier_xml_start (x, "w:body");

  write_header_block (docx, x);
  if (!write_blocks (docx, x, cancellable, error))
    return NULL;

  dossier_xml_start (x, "w:sectPr");
  if (dossier_layout_document_get_marking (docx->document) != NULL)
    {
      dossier_xml_start_with (x, "w:headerReference", "w:type", "default", "r:id", "rIdHeader", NULL);
      dossier_xml_end (x);
    }
  dossier_xml_start_with (x, "w:footerReference", "w:type", "default", "r:id", "rIdFooter", NULL);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:footnotePr");
  dossier_xml_empty (x, "w:numFmt", "w:val", "decimal");
  dossier_xml_end (x);
  dossier_office_paper_twips (docx->options->paper, &width, &height);
  dossier_xml_start (x, "w:pgSz");
  dossier_xml_attr_printf (x, "w:w", "%u", width);
  dossier_xml_attr_printf (x, "w:h", "%u", height);
  dossier_xml_end (x);
  /* 1-inch margins; the banners sit in them, half an inch from the edge. */
  dossier_xml_start (x, "w:pgMar");
  dossier_xml_attr_printf (x, "w:top", "%d", MARGIN);
  dossier_xml_attr_printf (x, "w:right", "%d", MARGIN);
  dossier_xml_attr_printf (x, "w:bottom", "%d", MARGIN);
  dossier_xml_attr_printf (x, "w:left", "%d", MARGIN);
  dossier_xml_attr (x, "w:header", "720");
  dossier_xml_attr (x, "w:footer", "720");
  dossier_xml_attr (x, "w:gutter", "0");
  dossier_xml_end (x);
  dossier_xml_end (x);

  dossier_xml_end (x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/document.xml", error);
}

static void
write_separator (DossierXml *x,
                 const char *type,
                 const char *id,
                 const char *element)
{
  dossier_xml_start (x, "w:footnote");
  dossier_xml_attr (x, "w:type", type);
  dossier_xml_attr (x, "w:id", id);
  dossier_xml_start (x, "w:p");
  dossier_xml_start (x, "w:pPr");
  dossier_xml_start_with (x, "w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:r");
  dossier_xml_empty (x, element, NULL, NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);
}

/* Written after the document, which decides the footnotes' order. */
static GBytes *
write_footnotes (Docx    *docx,
                 GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  Part part = { docx, x, &docx->note_links };

  dossier_xml_start (x, "w:footnotes");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  dossier_xml_attr (x, "xmlns:r", NS_R);
  write_separator (x, "separator", "-1", "w:separator");
  write_separator (x, "continuationSeparator", "0", "w:continuationSeparator");

  for (guint i = 0; i < docx->footnotes->len; i++)
    {
      guint number = g_array_index (docx->footnotes, guint, i);
      const DossierLayoutBlock *note = g_hash_table_lookup (docx->notes, GUINT_TO_POINTER (number));

      dossier_xml_start (x, "w:footnote");
      dossier_xml_attr_printf (x, "w:id", "%u", i + 1);
      start_paragraph (x, "FootnoteText", FALSE, 0, 0);
      /* The number as Word writes it (raised, then a tab to the note's
       * indent), not the PDF's "1.": a footnote number has no suffix in
       * DOCX, and LibreOffice draws its own raised number in place of
       * w:footnoteRef, which left a "." stranded after it. */
      dossier_xml_start (x, "w:r");
      dossier_xml_start (x, "w:rPr");
      dossier_xml_empty (x, "w:rStyle", "w:val", "FootnoteReference");
      dossier_xml_end (x);
      dossier_xml_empty (x, "w:footnoteRef", NULL, NULL);
      dossier_xml_end (x);
      dossier_xml_start (x, "w:r");
      dossier_xml_empty (x, "w:tab", NULL, NULL);
      dossier_xml_end (x);
      dossier_office_walk_runs (note, docx->notes, TRUE, write_run, &part);
      dossier_xml_end (x);
      dossier_xml_end (x);
    }

  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/footnotes.xml", error);
}

static void
write_page_label (Docx       *docx,
                  DossierXml *x)
{
  g_autoptr(GArray) parts = dossier_office_page_label_parts (dossier_layout_document_get_language (docx->document));

  for (guint i = 0; i < parts->len; i++)
    {
      const DossierOfficePagePart *part = &g_array_index (parts, DossierOfficePagePart, i);
      const char *fields[] = { "w:fldChar", "w:instrText", "w:fldChar", "w:t", "w:fldChar" };

      if (part->kind == DOSSIER_OFFICE_PAGE_TEXT)
        {
          write_text (docx, x, part->text, NULL, DOSSIER_LAYOUT_STYLE_NONE);
          continue;
        }

      /* A complex field: begin, the instruction, the value shown until
       * Word updates it, end. */
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          dossier_xml_start (x, "w:r");
          dossier_xml_start (x, fields[f]);
          if (f == 0 || f == 2 || f == 4)
            dossier_xml_attr (x, "w:fldCharType", f == 0 ? "begin" : f == 2 ? "separate" : "end");
          else if (f == 1)
            {
              const char *instruction = part->kind == DOSSIER_OFFICE_PAGE_NUMBER ? " PAGE " : " NUMPAGES ";

              dossier_xml_attr (x, "xml:space", "preserve");
              dossier_xml_text (x, instruction, strlen (instruction));
            }
          else
            dossier_xml_text (x, "1", 1);
          dossier_xml_end (x);
          dossier_xml_end (x);
        }
    }
}

static void
write_banner (Docx       *docx,
              DossierXml *x)
{
  write_plain_paragraph (docx, x, "Banner", FALSE, dossier_layout_document_get_marking (docx->document));
}

static GBytes *
write_header_part (Docx    *docx,
                   GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "w:hdr");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  dossier_xml_attr (x, "xmlns:r", NS_R);
  write_banner (docx, x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/header1.xml", error);
}

static GBytes *
write_footer_part (Docx    *docx,
                   GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "w:ftr");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  dossier_xml_attr (x, "xmlns:r", NS_R);
  start_paragraph (x, "Footer", FALSE, 0, 0);
  write_page_label (docx, x);
  dossier_xml_end (x);
  if (dossier_layout_document_get_marking (docx->document) != NULL)
    write_banner (docx, x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/footer1.xml", error);
}

/* Styles ----------------------------------------------------------------- */

static void
start_style (DossierXml *x,
             const char *type,
             const char *id,
             const char *name,
             const char *based_on,
             const char *next,
             gboolean    is_default)
{
  dossier_xml_start (x, "w:style");
  dossier_xml_attr (x, "w:type", type);
  if (is_default)
    dossier_xml_attr (x, "w:default", "1");
  dossier_xml_attr (x, "w:styleId", id);
  dossier_xml_empty (x, "w:name", "w:val", name);
  if (based_on != NULL)
    dossier_xml_empty (x, "w:basedOn", "w:val", based_on);
  if (next != NULL)
    dossier_xml_empty (x, "w:next", "w:val", next);
  dossier_xml_empty (x, "w:qFormat", NULL, NULL);
}

static void
write_spacing (DossierXml *x,
               int         before,
               int         after,
               int         line)
{
  dossier_xml_start (x, "w:spacing");
  if (before >= 0)
    dossier_xml_attr_printf (x, "w:before", "%d", before);
  if (after >= 0)
    dossier_xml_attr_printf (x, "w:after", "%d", after);
  if (line > 0)
    {
      dossier_xml_attr_printf (x, "w:line", "%d", line);
      dossier_xml_attr (x, "w:lineRule", "auto");
    }
  dossier_xml_end (x);
}

static void
write_indent (DossierXml *x,
              int         left,
              int         right,
              int         hanging)
{
  dossier_xml_start (x, "w:ind");
  dossier_xml_attr_printf (x, "w:left", "%d", left);
  if (right > 0)
    dossier_xml_attr_printf (x, "w:right", "%d", right);
  if (hanging > 0)
    dossier_xml_attr_printf (x, "w:hanging", "%d", hanging);
  dossier_xml_end (x);
}

static void
write_fonts (DossierXml *x,
             const char *latin,
             const char *east_asian)
{
  dossier_xml_start (x, "w:rFonts");
  dossier_xml_attr (x, "w:ascii", latin);
  dossier_xml_attr (x, "w:hAnsi", latin);
  if (east_asian != NULL)
    dossier_xml_attr (x, "w:eastAsia", east_asian);
  dossier_xml_attr (x, "w:cs", latin);
  dossier_xml_end (x);
}

static void
write_size (DossierXml *x,
            guint       half_points)
{
  dossier_xml_start (x, "w:sz");
  dossier_xml_attr_printf (x, "w:val", "%u", half_points);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:szCs");
  dossier_xml_attr_printf (x, "w:val", "%u", half_points);
  dossier_xml_end (x);
}

static void
write_bold (DossierXml *x)
{
  dossier_xml_empty (x, "w:b", NULL, NULL);
  dossier_xml_empty (x, "w:bCs", NULL, NULL);
}

/* A centred paragraph style of the page's margins: the running header and
 * footer and the banner, which differ only in space after, weight and size. */
static void
write_centred_style (DossierXml *x,
                     const char *id,
                     const char *name,
                     const char *based_on,
                     int         after,
                     gboolean    bold,
                     int         half_points)
{
  start_style (x, "paragraph", id, name, based_on, NULL, FALSE);
  dossier_xml_start (x, "w:pPr");
  write_spacing (x, -1, after, 240);
  dossier_xml_empty (x, "w:jc", "w:val", "center");
  dossier_xml_end (x);
  dossier_xml_start (x, "w:rPr");
  if (bold)
    write_bold (x);
  write_size (x, half_points);
  dossier_xml_end (x);
  dossier_xml_end (x);
}

static void
write_heading_style (DossierXml *x,
                     guint       level,
                     int         before,
                     guint       half_points)
{
  g_autofree char *id = g_strdup_printf ("Heading%u", level);
  g_autofree char *name = g_strdup_printf ("heading %u", level);

  start_style (x, "paragraph", id, name, "Normal", "Normal", FALSE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_empty (x, "w:keepNext", NULL, NULL);
  dossier_xml_empty (x, "w:keepLines", NULL, NULL);
  write_spacing (x, before, 100, 240);
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_start (x, "w:outlineLvl");
  dossier_xml_attr_printf (x, "w:val", "%u", level - 1);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:rPr");
  /* Arial metrics (Liberation Sans), as the PDF's headings; the third
   * level is the body's serif in bold italics. */
  if (level < 3)
    write_fonts (x, "Arial", NULL);
  write_bold (x);
  if (level == 3)
    {
      dossier_xml_empty (x, "w:i", NULL, NULL);
      dossier_xml_empty (x, "w:iCs", NULL, NULL);
    }
  write_size (x, half_points);
  dossier_xml_end (x);
  dossier_xml_end (x);
}

static GBytes *
write_styles (Docx    *docx,
              GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  const char *body_alignment = docx->options->justify ? "both" : "left";
  guint n;

  dossier_xml_start (x, "w:styles");
  dossier_xml_attr (x, "xmlns:w", NS_W);

  /* Times New Roman 12 pt (Liberation Serif is its metric twin, see the
   * font table); Batang for Hangul, Word's Korean serif. */
  dossier_xml_start (x, "w:docDefaults");
  dossier_xml_start (x, "w:rPrDefault");
  dossier_xml_start (x, "w:rPr");
  write_fonts (x, "Times New Roman", "Batang");
  write_size (x, 24);
  dossier_xml_start_with (x, "w:lang", "w:val", docx->language, "w:eastAsia", "ko-KR", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_start (x, "w:pPrDefault");
  dossier_xml_start (x, "w:pPr");
  write_spacing (x, -1, 0, 240);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  /* Word's built-in names ("heading 1", "footnote text"), so that a
   * template's styles of those names take over. */
  start_style (x, "paragraph", "Normal", "Normal", NULL, NULL, TRUE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_empty (x, "w:widowControl", NULL, NULL);
  write_spacing (x, -1, 200, 264);
  dossier_xml_empty (x, "w:jc", "w:val", body_alignment);
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "character", "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL, TRUE);
  dossier_xml_end (x);

  start_style (x, "table", "TableNormal", "Normal Table", NULL, NULL, TRUE);
  dossier_xml_start (x, "w:tblPr");
  write_twips (x, "w:tblInd", 0);
  dossier_xml_start (x, "w:tblCellMar");
  write_twips (x, "w:left", 108);
  write_twips (x, "w:right", 108);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "Title", "Title", "Normal", "Normal", FALSE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_end (x);
  dossier_xml_start (x, "w:rPr");
  write_fonts (x, "Arial", NULL);
  write_bold (x);
  write_size (x, 28);
  dossier_xml_end (x);
  dossier_xml_end (x);

  write_heading_style (x, 1, 400, 24);
  write_heading_style (x, 2, 280, 22);
  write_heading_style (x, 3, 280, 24);

  start_style (x, "paragraph", "ListBullet", "List Bullet", "Normal", NULL, FALSE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_start (x, "w:numPr");
  dossier_xml_empty (x, "w:numId", "w:val", "1");
  dossier_xml_end (x);
  write_spacing (x, -1, 80, -1);
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "Quote", "Quote", "Normal", "Normal", FALSE);
  dossier_xml_start (x, "w:pPr");
  write_indent (x, QUOTE_INDENT, QUOTE_INDENT, 0);
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "QuoteAttribution", "Quote Attribution", "Quote", "Normal", FALSE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "DecisionLine", "Decision Line", "Normal", "Normal", FALSE);
  dossier_xml_start (x, "w:pPr");
  dossier_xml_start (x, "w:tabs");
  /* Word measures tab stops from the margin, the PDF from the indent. */
  for (n = 1; n <= 3; n++)
    {
      dossier_xml_start (x, "w:tab");
      dossier_xml_attr (x, "w:val", "left");
      dossier_xml_attr_printf (x, "w:pos", "%d", QUOTE_INDENT + TWIPS (DECISION_TAB * n));
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
  write_indent (x, QUOTE_INDENT, 0, 0);
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "MemoHeader", "Memo Header", "Normal", NULL, FALSE);
  dossier_xml_start (x, "w:pPr");
  write_spacing (x, -1, 160, 240);
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "paragraph", "MemoHeaderLabel", "Memo Header Label", "MemoHeader", NULL, FALSE);
  dossier_xml_start (x, "w:rPr");
  write_bold (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  /* Notes: 10 pt, "1." hanging, ragged right even under a justified
   * body, as in the PDF. */
  start_style (x, "paragraph", "FootnoteText", "footnote text", "Normal", NULL, FALSE);
  dossier_xml_start (x, "w:pPr");
  write_spacing (x, -1, 60, 240);
  write_indent (x, NOTE_INDENT, 0, NOTE_INDENT);
  dossier_xml_empty (x, "w:jc", "w:val", "left");
  dossier_xml_end (x);
  dossier_xml_start (x, "w:rPr");
  write_size (x, 20);
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "character", "FootnoteReference", "footnote reference", "DefaultParagraphFont", NULL, FALSE);
  dossier_xml_start (x, "w:rPr");
  dossier_xml_empty (x, "w:vertAlign", "w:val", "superscript");
  dossier_xml_end (x);
  dossier_xml_end (x);

  start_style (x, "character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", NULL, FALSE);
  dossier_xml_start (x, "w:rPr");
  /* The PDF's dark blue, which prints near-black. */
  dossier_xml_empty (x, "w:color", "w:val", "1A3C7A");
  dossier_xml_end (x);
  dossier_xml_end (x);

  write_centred_style (x, "Header", "header", "Normal", 0, FALSE, 20);
  write_centred_style (x, "Footer", "footer", "Normal", 80, FALSE, 20);
  /* The handling marking at the top and bottom of every page. */
  write_centred_style (x, "Banner", "Banner", "Header", 0, TRUE, 22);

  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/styles.xml", error);
}

static void
write_level (DossierXml *x,
             guint       level,
             const char *format,
             const char *text,
             int         indent)
{
  dossier_xml_start (x, "w:lvl");
  dossier_xml_attr_printf (x, "w:ilvl", "%u", level);
  dossier_xml_empty (x, "w:start", "w:val", "1");
  dossier_xml_empty (x, "w:numFmt", "w:val", format);
  if (indent == 0)
    dossier_xml_empty (x, "w:suff", "w:val", "space");
  dossier_xml_empty (x, "w:lvlText", "w:val", text);
  dossier_xml_empty (x, "w:lvlJc", "w:val", "left");
  if (indent > 0)
    {
      dossier_xml_start (x, "w:pPr");
      write_indent (x, indent, 0, BULLET_INDENT);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static GBytes *
write_numbering (GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  const char *heading_numbers[] = { "%1.", "%1.%2.", "%1.%2.%3." };

  dossier_xml_start (x, "w:numbering");
  dossier_xml_attr (x, "xmlns:w", NS_W);

  /* Bullets, 18 pt a level. */
  dossier_xml_start (x, "w:abstractNum");
  dossier_xml_attr (x, "w:abstractNumId", "0");
  dossier_xml_empty (x, "w:multiLevelType", "w:val", "hybridMultilevel");
  for (guint level = 0; level < 3; level++)
    write_level (x, level, "bullet", "\u2022", BULLET_INDENT * (level + 1));
  dossier_xml_end (x);

  /* Numbered headings: "2.", "2.1.". */
  dossier_xml_start (x, "w:abstractNum");
  dossier_xml_attr (x, "w:abstractNumId", "1");
  dossier_xml_empty (x, "w:multiLevelType", "w:val", "multilevel");
  for (guint level = 0; level < 3; level++)
    write_level (x, level, "decimal", heading_numbers[level], 0);
  dossier_xml_end (x);

  for (guint i = 0; i < 2; i++)
    {
      dossier_xml_start (x, "w:num");
      dossier_xml_attr_printf (x, "w:numId", "%u", i + 1);
      dossier_xml_empty (x, "w:abstractNumId", "w:val", i == 0 ? "0" : "1");
      dossier_xml_end (x);
    }

  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/numbering.xml", error);
}

static void
write_font (DossierXml *x,
            const char *name,
            const char *alternative,
            const char *family)
{
  dossier_xml_start (x, "w:font");
  dossier_xml_attr (x, "w:name", name);
  if (alternative != NULL)
    dossier_xml_empty (x, "w:altName", "w:val", alternative);
  dossier_xml_empty (x, "w:family", "w:val", family);
  dossier_xml_empty (x, "w:pitch", "w:val", "variable");
  dossier_xml_end (x);
}

static GBytes *
write_font_table (GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "w:fonts");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  write_font (x, "Times New Roman", "Liberation Serif", "roman");
  write_font (x, "Arial", "Liberation Sans", "swiss");
  write_font (x, "Batang", NULL, "roman");
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/fontTable.xml", error);
}

static GBytes *
write_settings (Docx    *docx,
                GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "w:settings");
  dossier_xml_attr (x, "xmlns:w", NS_W);
  dossier_xml_empty (x, "w:defaultTabStop", "w:val", "720");
  /* Hyphenated, as the PDF is; acronyms left alone. */
  dossier_xml_empty (x, "w:autoHyphenation", NULL, NULL);
  dossier_xml_empty (x, "w:doNotHyphenateCaps", NULL, NULL);
  dossier_xml_empty (x, "w:characterSpacingControl", "w:val", "doNotCompress");
  dossier_xml_start (x, "w:footnotePr");
  dossier_xml_empty (x, "w:footnote", "w:id", "-1");
  dossier_xml_empty (x, "w:footnote", "w:id", "0");
  dossier_xml_end (x);
  dossier_xml_start (x, "w:compat");
  dossier_xml_start_with (x, "w:compatSetting", "w:name", "compatibilityMode",
                          "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_start_with (x, "w:themeFontLang", "w:val", docx->language, "w:eastAsia", "ko-KR", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/settings.xml", error);
}

static void
write_relationship (DossierXml *x,
                    const char *id,
                    const char *type,
                    const char *target,
                    gboolean    external)
{
  dossier_xml_start (x, "Relationship");
  dossier_xml_attr (x, "Id", id);
  dossier_xml_attr (x, "Type", type);
  dossier_xml_attr (x, "Target", target);
  if (external)
    dossier_xml_attr (x, "TargetMode", "External");
  dossier_xml_end (x);
}

static void
write_link_relationships (DossierXml *x,
                          Links      *links)
{
  for (guint i = 0; i < links->targets->len; i++)
    {
      const char *target = g_ptr_array_index (links->targets, i);

      write_relationship (x, g_hash_table_lookup (links->ids, target), REL "hyperlink", target, TRUE);
    }
}

static GBytes *
write_document_relationships (Docx    *docx,
                              GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "Relationships");
  dossier_xml_attr (x, "xmlns", NS_REL);
  write_relationship (x, "rIdStyles", REL "styles", "styles.xml", FALSE);
  write_relationship (x, "rIdSettings", REL "settings", "settings.xml", FALSE);
  write_relationship (x, "rIdFonts", REL "fontTable", "fontTable.xml", FALSE);
  write_relationship (x, "rIdNumbering", REL "numbering", "numbering.xml", FALSE);
  write_relationship (x, "rIdFootnotes", REL "footnotes", "footnotes.xml", FALSE);
  if (dossier_layout_document_get_marking (docx->document) != NULL)
    write_relationship (x, "rIdHeader", REL "header", "header1.xml", FALSE);
  write_relationship (x, "rIdFooter", REL "footer", "footer1.xml", FALSE);
  write_link_relationships (x, &docx->body_links);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/_rels/document.xml.rels", error);
}

static GBytes *
write_footnote_relationships (Docx    *docx,
                              GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "Relationships");
  dossier_xml_attr (x, "xmlns", NS_REL);
  write_link_relationships (x, &docx->note_links);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "word/_rels/footnotes.xml.rels", error);
}

static GBytes *
write_package_relationships (GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "Relationships");
  dossier_xml_attr (x, "xmlns", NS_REL);
  write_relationship (x, "rId1", REL "officeDocument", "word/document.xml", FALSE);
  write_relationship (x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml", FALSE);
  write_relationship (x, "rId3", REL "extended-properties", "docProps/app.xml", FALSE);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "_rels/.rels", error);
}

static void
write_override (DossierXml *x,
                const char *part,
                const char *type)
{
  dossier_xml_start_with (x, "Override", "PartName", part, "ContentType", type, NULL);
  dossier_xml_end (x);
}

static GBytes *
write_content_types (Docx    *docx,
                     GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "Types");
  dossier_xml_attr (x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  dossier_xml_start_with (x, "Default", "Extension", "rels",
                          "ContentType", "application/vnd.openxmlformats-package.relationships+xml", NULL);
  dossier_xml_end (x);
  dossier_xml_start_with (x, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
  dossier_xml_end (x);
  write_override (x, "/word/document.xml", CT "document.main+xml");
  write_override (x, "/word/styles.xml", CT "styles+xml");
  write_override (x, "/word/settings.xml", CT "settings+xml");
  write_override (x, "/word/fontTable.xml", CT "fontTable+xml");
  write_override (x, "/word/numbering.xml", CT "numbering+xml");
  write_override (x, "/word/footnotes.xml", CT "footnotes+xml");
  if (dossier_layout_document_get_marking (docx->document) != NULL)
    write_override (x, "/word/header1.xml", CT "header+xml");
  write_override (x, "/word/footer1.xml", CT "footer+xml");
  write_override (x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  write_override (x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  dossier_xml_end (x);
  return dossier_xml_finish (x, "[Content_Types].xml", error);
}

static GBytes *
write_core_properties (Docx    *docx,
                       GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  g_autofree char *now = dossier_office_timestamp ();
  const char *dates[] = { "dcterms:created", "dcterms:modified" };

  dossier_xml_start (x, "cp:coreProperties");
  dossier_xml_attr (x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  dossier_xml_attr (x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  dossier_xml_attr (x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  dossier_xml_attr (x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  dossier_xml_property (x, "dc:title", dossier_layout_document_get_title (docx->document));
  dossier_xml_property (x, "dc:subject", dossier_layout_document_get_subject (docx->document));
  dossier_xml_property (x, "dc:creator", dossier_layout_document_get_author (docx->document));
  dossier_xml_property (x, "dc:language", docx->language);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      dossier_xml_start (x, dates[i]);
      dossier_xml_attr (x, "xsi:type", "dcterms:W3CDTF");
      dossier_xml_text (x, now, strlen (now));
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
  return dossier_xml_finish (x, "docProps/core.xml", error);
}

static GBytes *
write_app_properties (GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  dossier_xml_start (x, "Properties");
  dossier_xml_attr (x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  dossier_xml_element (x, "Application", "Dossier " PACKAGE_VERSION);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "docProps/app.xml", error);
}

/* The package --------------------------------------------------------- */

/**
 * dossier_docx_write:
 * @document: the document
 * @options: the page size and alignment
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @document as a Word file, in memory.
 *
 * Returns: (transfer full): the file's bytes, or %NULL on an error
 */
GBytes *
dossier_docx_write (DossierLayoutDocument       *document,
                    const DossierOfficeOptions  *options,
                    GCancellable                *cancellable,
                    GError                     **error)
{
  g_autoptr(DossierZipWriter) zip = NULL;
  GBytes *document_part = NULL;
  GBytes *result = NULL;
  Docx docx = { 0 };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  docx.document = document;
  docx.options = options;
  docx.language = dossier_office_language_tag (dossier_layout_document_get_language (document));
  docx.korean = g_str_has_prefix (docx.language, "ko");
  docx.notes = dossier_office_collect_notes (document);
  docx.footnotes = g_array_new (FALSE, FALSE, sizeof (guint));
  links_init (&docx.body_links, "rIdLink");
  links_init (&docx.note_links, "rIdLink");

  /* The document first: it decides the footnotes and the links. */
  document_part = write_document (&docx, cancellable, error);
  zip = dossier_zip_writer_new ();
  ok = document_part != NULL &&
       dossier_office_add_part (zip, "[Content_Types].xml", write_content_types (&docx, error)) &&
       dossier_office_add_part (zip, "_rels/.rels", write_package_relationships (error)) &&
       dossier_office_add_part (zip, "docProps/core.xml", write_core_properties (&docx, error)) &&
       dossier_office_add_part (zip, "docProps/app.xml", write_app_properties (error)) &&
       dossier_office_add_part (zip, "word/document.xml", g_steal_pointer (&document_part)) &&
       dossier_office_add_part (zip, "word/_rels/document.xml.rels", write_document_relationships (&docx, error)) &&
       dossier_office_add_part (zip, "word/styles.xml", write_styles (&docx, error)) &&
       dossier_office_add_part (zip, "word/settings.xml", write_settings (&docx, error)) &&
       dossier_office_add_part (zip, "word/fontTable.xml", write_font_table (error)) &&
       dossier_office_add_part (zip, "word/numbering.xml", write_numbering (error)) &&
       dossier_office_add_part (zip, "word/footnotes.xml", write_footnotes (&docx, error)) &&
       dossier_office_add_part (zip, "word/_rels/footnotes.xml.rels", write_footnote_relationships (&docx, error)) &&
       (dossier_layout_document_get_marking (document) == NULL ||
        dossier_office_add_part (zip, "word/header1.xml", write_header_part (&docx, error))) &&
       dossier_office_add_part (zip, "word/footer1.xml", write_footer_part (&docx, error));
  if (ok && !g_cancellable_set_error_if_cancelled (cancellable, error))
    result = dossier_zip_writer_finish (zip, error);

  g_clear_pointer (&document_part, g_bytes_unref);
  links_clear (&docx.body_links);
  links_clear (&docx.note_links);
  g_array_unref (docx.footnotes);
  g_hash_table_unref (docx.notes);
  g_free (docx.language);
  return result;
}
