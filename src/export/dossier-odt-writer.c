/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-odt-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-odt-writer.h"
#include "dossier-office-walk.h"
#include "dossier-zip-writer.h"

/* A #DossierLayoutDocument as OpenDocument Text (ODF 1.2, which Word
 * 2010 and later and every LibreOffice read): the same blocks and notes
 * the PDF lays out, in named styles (LibreOffice's own names where it has
 * one, so its templates restyle the memo), real footnotes, the handling
 * marking in the page header and footer, and "Page N of M" as fields. */

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK  "http://www.w3.org/1999/xlink"
#define NS_META   "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC     "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define ODF_VERSION "1.2"
#define MIME_TYPE "application/vnd.oasis.opendocument.text"

#define HEADER_LABEL_MAX 0.42   /* of the line, as in the PDF */

/* Automatic text styles: T1 to T15 by these flags. */
enum {
  TEXT_BOLD    = 1 << 0,
  TEXT_ITALIC  = 1 << 1,
  TEXT_KOREAN  = 1 << 2,
  TEXT_ENGLISH = 1 << 3,    /* Latin text in a Korean memo */
};

typedef struct {
  DossierLayoutDocument *document;
  const DossierOfficeOptions *options;
  char *language;           /* the document's language tag */
  gboolean korean;
  gboolean numbered;        /* some heading is numbered */
  GHashTable *notes;        /* note number → DossierLayoutBlock */
  guint n_footnotes;
  guint list_depth;         /* text:list elements open */

  /* Inside a paragraph: ODF collapses runs of spaces and drops leading
   * ones, so a space after a space (or first) is written as <text:s/>. */
  gboolean after_space;
} Odt;

/* Text ------------------------------------------------------------------ */

static void
flush_spaces (DossierXml *x,
              guint      *spaces)
{
  if (*spaces == 0)
    return;
  dossier_xml_start (x, "text:s");
  if (*spaces > 1)
    dossier_xml_attr_printf (x, "text:c", "%u", *spaces);
  dossier_xml_end (x);
  *spaces = 0;
}

/* Clean text as paragraph content: spaces kept, tabs and line breaks
 * as their elements. */
static void
write_content (Odt        *odt,
               DossierXml *x,
               const char *text,
               const char *end)
{
  const char *literal = text;
  guint spaces = 0;

  for (const char *p = text; p < end; p++)
    {
      if (*p == ' ' && !odt->after_space)
        {
          odt->after_space = TRUE;
          continue;
        }
      if (*p != ' ' && *p != '\t' && *p != '\n')
        {
          if (spaces > 0)
            {
              flush_spaces (x, &spaces);
              literal = p;
            }
          odt->after_space = FALSE;
          continue;
        }

      dossier_xml_text (x, literal, p - literal);
      literal = p + 1;
      if (*p == ' ')
        spaces++;
      else
        {
          flush_spaces (x, &spaces);
          dossier_xml_empty (x, *p == '\t' ? "text:tab" : "text:line-break", NULL, NULL);
          odt->after_space = TRUE;
        }
    }
  flush_spaces (x, &spaces);
  dossier_xml_text (x, literal, end - literal);
}

/* @text (clean) in spans of the style flags, split where it changes
 * between Korean and not. */
static void
write_text (Odt                *odt,
            DossierXml         *x,
            const char         *text,
            DossierLayoutStyle  style)
{
  const char *end = text + strlen (text);

  while (text < end)
    {
      gboolean korean;
      const char *stop = dossier_office_next_segment (text, end, &korean);
      guint flags = 0;

      if (style & DOSSIER_LAYOUT_STYLE_BOLD)
        flags |= TEXT_BOLD;
      if (style & DOSSIER_LAYOUT_STYLE_ITALIC)
        flags |= TEXT_ITALIC;
      if (korean)
        flags |= TEXT_KOREAN;
      else if (odt->korean)
        flags |= TEXT_ENGLISH;

      if (flags != 0)
        {
          dossier_xml_start (x, "text:span");
          dossier_xml_attr_printf (x, "text:style-name", "T%u", flags);
        }
      write_content (odt, x, text, stop);
      if (flags != 0)
        dossier_xml_end (x);
      text = stop;
    }
}

/* A part being written: the writer's state and the part's XML. */
typedef struct {
  Odt *odt;
  DossierXml *x;
} Part;

static void write_run (const DossierOfficeRun *run, gpointer user_data);

static void
write_note (Part                     *part,
            const DossierLayoutBlock *note)
{
  Odt *odt = part->odt;
  DossierXml *x = part->x;
  gboolean after_space = odt->after_space;
  char citation[16];

  odt->n_footnotes++;
  g_snprintf (citation, sizeof citation, "%u", odt->n_footnotes);
  dossier_xml_start (x, "text:note");
  dossier_xml_attr_printf (x, "text:id", "ftn%u", odt->n_footnotes);
  dossier_xml_attr (x, "text:note-class", "footnote");
  /* LibreOffice numbers the notes itself; this is what it would say. */
  dossier_xml_element (x, "text:note-citation", citation);
  dossier_xml_start (x, "text:note-body");
  dossier_xml_start_with (x, "text:p", "text:style-name", "Footnote", NULL);
  odt->after_space = TRUE;
  dossier_office_walk_runs (note, odt->notes, TRUE, write_run, part);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);
  odt->after_space = after_space;
}

static void
write_run (const DossierOfficeRun *run,
           gpointer                user_data)
{
  Part *part = user_data;
  DossierXml *x = part->x;

  switch (run->kind)
    {
    case DOSSIER_OFFICE_RUN_LINK:
      dossier_xml_start_with (x, "text:a", "xlink:type", "simple", "xlink:href", run->target,
                              "text:style-name", "Internet_20_link",
                              "text:visited-style-name", "Visited_20_Internet_20_Link", NULL);
      write_text (part->odt, x, run->clean, run->style);
      dossier_xml_end (x);
      break;
    case DOSSIER_OFFICE_RUN_NOTE:
      write_note (part, run->note);
      break;
    case DOSSIER_OFFICE_RUN_RAISED_NUMBER:
      dossier_xml_start_with (x, "text:span", "text:style-name", "Footnote_20_anchor", NULL);
      write_content (part->odt, x, run->clean, run->clean + strlen (run->clean));
      dossier_xml_end (x);
      break;
    case DOSSIER_OFFICE_RUN_TEXT:
    default:
      write_text (part->odt, x, run->clean, run->style);
      break;
    }
}

/* Body ---------------------------------------------------------------- */

static void
start_paragraph (Odt        *odt,
                 DossierXml *x,
                 const char *element,
                 const char *style)
{
  dossier_xml_start (x, element);
  dossier_xml_attr (x, "text:style-name", style);
  odt->after_space = TRUE;
}

static void
write_plain_paragraph (Odt        *odt,
                       DossierXml *x,
                       const char *style,
                       const char *text)
{
  g_autofree char *clean = dossier_office_clean_text (text, -1);

  start_paragraph (odt, x, "text:p", style);
  write_text (odt, x, clean, DOSSIER_LAYOUT_STYLE_NONE);
  dossier_xml_end (x);
}

static void
write_header_block (Odt        *odt,
                    DossierXml *x)
{
  DossierLayoutDocument *document = odt->document;
  guint n_fields = dossier_layout_document_get_n_header_fields (document);
  const char *heading_line = dossier_layout_document_get_heading_line (document);

  if (heading_line != NULL)
    write_plain_paragraph (odt, x, "Title", heading_line);
  if (n_fields == 0)
    return;

  /* A table, so a long subject wraps under its value's column. */
  dossier_xml_start (x, "table:table");
  dossier_xml_attr (x, "table:name", "Memo header");
  dossier_xml_attr (x, "table:style-name", "MemoHeader");
  dossier_xml_empty (x, "table:table-column", "table:style-name", "MemoHeader.A");
  dossier_xml_empty (x, "table:table-column", "table:style-name", "MemoHeader.B");
  for (guint i = 0; i < n_fields; i++)
    {
      const char *label, *value;

      dossier_layout_document_get_header_field (document, i, &label, &value);
      dossier_xml_start (x, "table:table-row");
      dossier_xml_attr (x, "table:style-name", "MemoHeader.Row");
      for (guint c = 0; c < 2; c++)
        {
          dossier_xml_start (x, "table:table-cell");
          /* The last row's cells draw the rule under the header block. */
          dossier_xml_attr (x, "table:style-name", i + 1 == n_fields ? "MemoHeader.Last" : "MemoHeader.Cell");
          dossier_xml_attr (x, "office:value-type", "string");
          write_plain_paragraph (odt, x, c == 0 ? "Memo_20_Header_20_Label" : "Memo_20_Header",
                                 c == 0 ? label : value);
          dossier_xml_end (x);
        }
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static void
close_lists (DossierXml *x,
             Odt        *odt)
{
  for (; odt->list_depth > 0; odt->list_depth--)
    {
      dossier_xml_end (x);    /* text:list-item */
      dossier_xml_end (x);    /* text:list */
    }
}

/* Consecutive bullets are one list; a deeper item is a list inside the
 * item before it. */
static void
start_list_item (DossierXml *x,
                 Odt        *odt,
                 guint       level)
{
  if (odt->list_depth >= level)
    {
      for (; odt->list_depth > level; odt->list_depth--)
        {
          dossier_xml_end (x);
          dossier_xml_end (x);
        }
      dossier_xml_end (x);
      dossier_xml_start (x, "text:list-item");
      return;
    }

  for (; odt->list_depth < level; odt->list_depth++)
    {
      dossier_xml_start (x, "text:list");
      if (odt->list_depth == 0)
        dossier_xml_attr (x, "text:style-name", "Memo_20_Bullets");
      dossier_xml_start (x, "text:list-item");
    }
}

static void
write_block (const DossierOfficeBlock *item,
             gpointer                  user_data)
{
  Part *part = user_data;
  Odt *odt = part->odt;
  DossierXml *x = part->x;

  if (item->kind != DOSSIER_LAYOUT_BLOCK_BULLET)
    close_lists (x, odt);

  switch (item->kind)
    {
    case DOSSIER_LAYOUT_BLOCK_HEADING:
      {
        g_autofree char *style = g_strdup_printf ("Heading_20_%u", item->level);

        start_paragraph (odt, x, "text:h", style);
        dossier_xml_attr_printf (x, "text:outline-level", "%u", item->level);
        /* Numbered by the outline ("2.", "2.1."), so the numbers follow
         * sections a reviewer adds or moves; a heading left unnumbered
         * in a numbered memo is a list header. */
        if (odt->numbered && !dossier_layout_block_get_numbered (item->block))
          dossier_xml_attr (x, "text:is-list-header", "true");
        dossier_office_walk_runs (item->block, part->odt->notes, FALSE, write_run, part);
        dossier_xml_end (x);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_BULLET:
      start_list_item (x, odt, item->level);
      start_paragraph (odt, x, "text:p", item->keep_next ? "KeepBullet" : "List_20_Bullet");
      dossier_office_walk_runs (item->block, part->odt->notes, FALSE, write_run, part);
      dossier_xml_end (x);
      break;

    case DOSSIER_LAYOUT_BLOCK_QUOTE:
      {
        g_autofree char *attribution = dossier_office_attribution_line (item->block);

        start_paragraph (odt, x, "text:p", item->keep_next || attribution != NULL ? "KeepQuote" : "Quotations");
        dossier_office_walk_runs (item->block, part->odt->notes, FALSE, write_run, part);
        dossier_xml_end (x);
        if (attribution != NULL)
          write_plain_paragraph (odt, x, item->keep_next ? "KeepAttribution" : "Quote_20_Attribution", attribution);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_DECISION:
      {
        g_autofree char *line = dossier_office_decision_line (item->block);

        write_plain_paragraph (odt, x, "Decision_20_Line", line);
      }
      break;

    case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
    case DOSSIER_LAYOUT_BLOCK_NOTE:
    default:
      start_paragraph (odt, x, "text:p", item->keep_next ? "KeepBody" : "Text_20_body");
      dossier_office_walk_runs (item->block, part->odt->notes, FALSE, write_run, part);
      dossier_xml_end (x);
      break;
    }
}

static gboolean
write_blocks (Odt           *odt,
              DossierXml    *x,
              GCancellable  *cancellable,
              GError       **error)
{
  Part part = { odt, x };

  if (!dossier_office_walk_blocks (odt->document, write_block, &part, cancellable, error))
    return FALSE;
  close_lists (x, odt);
  return TRUE;
}

/* Styles ----------------------------------------------------------------- */

static void
start_style (DossierXml *x,
             const char *name,
             const char *display_name,
             const char *family,
             const char *parent)
{
  dossier_xml_start (x, "style:style");
  dossier_xml_attr (x, "style:name", name);
  if (display_name != NULL)
    dossier_xml_attr (x, "style:display-name", display_name);
  dossier_xml_attr (x, "style:family", family);
  if (parent != NULL)
    dossier_xml_attr (x, "style:parent-style-name", parent);
}

static void
write_language (DossierXml *x,
                const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (tag, "-", 3);

  dossier_xml_attr (x, "fo:language", parts[0]);
  if (parts[1] != NULL && strlen (parts[1]) == 2)
    dossier_xml_attr (x, "fo:country", parts[1]);
}

/* Hangul is Korean: the language of the Asian script, in every style
 * that sets one. */
static void
write_korean_asian (DossierXml *x)
{
  dossier_xml_attr (x, "style:language-asian", "ko");
  dossier_xml_attr (x, "style:country-asian", "KR");
}

static void
write_text_style_properties (DossierXml *x,
                             guint       flags)
{
  const char *scripts[] = { "fo:font-weight", "style:font-weight-asian", "style:font-weight-complex" };
  const char *styles[] = { "fo:font-style", "style:font-style-asian", "style:font-style-complex" };

  dossier_xml_start (x, "style:text-properties");
  for (guint s = 0; s < 3; s++)
    {
      if (flags & TEXT_BOLD)
        dossier_xml_attr (x, scripts[s], "bold");
      if (flags & TEXT_ITALIC)
        dossier_xml_attr (x, styles[s], "italic");
    }
  if (flags & TEXT_KOREAN)
    {
      write_language (x, "ko-KR");
      write_korean_asian (x);
    }
  else if (flags & TEXT_ENGLISH)
    write_language (x, "en-US");
  dossier_xml_end (x);
}

/* T1 to T15, in each part that uses them (styles.xml's master page
 * cannot see content.xml's automatic styles). */
static void
write_text_styles (DossierXml *x)
{
  for (guint flags = 1; flags < 16; flags++)
    {
      if ((flags & TEXT_KOREAN) && (flags & TEXT_ENGLISH))
        continue;
      dossier_xml_start (x, "style:style");
      dossier_xml_attr_printf (x, "style:name", "T%u", flags);
      dossier_xml_attr (x, "style:family", "text");
      write_text_style_properties (x, flags);
      dossier_xml_end (x);
    }
}

static void
write_fonts (DossierXml *x,
             const char *latin,
             double      size)
{
  dossier_xml_attr (x, "style:font-name", latin);
  dossier_xml_attr_printf (x, "fo:font-size", "%gpt", size);
  dossier_xml_attr_printf (x, "style:font-size-asian", "%gpt", size);
  dossier_xml_attr (x, "style:font-name-complex", latin);
  dossier_xml_attr_printf (x, "style:font-size-complex", "%gpt", size);
}

/* fo:@property, and style:@property-asian and -complex for the other
 * scripts: "font-weight", "bold". */
static void
write_for_scripts (DossierXml *x,
                   const char *property,
                   const char *value)
{
  g_autofree char *latin = g_strconcat ("fo:", property, NULL);
  g_autofree char *asian = g_strconcat ("style:", property, "-asian", NULL);
  g_autofree char *complex = g_strconcat ("style:", property, "-complex", NULL);

  dossier_xml_attr (x, latin, value);
  dossier_xml_attr (x, asian, value);
  dossier_xml_attr (x, complex, value);
}

static void
write_bold (DossierXml *x)
{
  write_for_scripts (x, "font-weight", "bold");
}

/* A paragraph style: after @paragraph_properties (attribute, value… NULL),
 * the text properties' attributes and values, NULL-terminated. */
static void G_GNUC_NULL_TERMINATED
write_paragraph_style (DossierXml *x,
                       const char *name,
                       const char *display_name,
                       const char *parent,
                       const char *paragraph_properties,
                       ...)
{
  const char *attr;
  gboolean text_open = FALSE;
  va_list args;

  start_style (x, name, display_name, "paragraph", parent);
  dossier_xml_attr (x, "style:class", "text");
  dossier_xml_start (x, "style:paragraph-properties");
  va_start (args, paragraph_properties);
  for (attr = paragraph_properties; attr != NULL; attr = va_arg (args, const char *))
    dossier_xml_attr (x, attr, va_arg (args, const char *));
  dossier_xml_end (x);
  for (attr = va_arg (args, const char *); attr != NULL; attr = va_arg (args, const char *))
    {
      if (!text_open)
        dossier_xml_start (x, "style:text-properties");
      text_open = TRUE;
      dossier_xml_attr (x, attr, va_arg (args, const char *));
    }
  va_end (args);
  if (text_open)
    dossier_xml_end (x);
  dossier_xml_end (x);
}

static void
write_heading_style (DossierXml *x,
                     guint       level,
                     const char *before,
                     const char *font,
                     double      size,
                     gboolean    italic)
{
  g_autofree char *name = g_strdup_printf ("Heading_20_%u", level);
  g_autofree char *display_name = g_strdup_printf ("Heading %u", level);

  start_style (x, name, display_name, "paragraph", "Standard");
  dossier_xml_attr (x, "style:next-style-name", "Text_20_body");
  dossier_xml_attr_printf (x, "style:default-outline-level", "%u", level);
  dossier_xml_attr (x, "style:class", "text");
  dossier_xml_start_with (x, "style:paragraph-properties", "fo:margin-top", before, "fo:margin-bottom", "5pt",
                          "fo:keep-with-next", "always", "fo:keep-together", "always",
                          "fo:text-align", "start", NULL);
  dossier_xml_end (x);
  dossier_xml_start (x, "style:text-properties");
  write_fonts (x, font, size);
  write_bold (x);
  if (italic)
    write_for_scripts (x, "font-style", "italic");
  /* Headings are not hyphenated, as in the PDF. */
  dossier_xml_attr (x, "fo:hyphenate", "false");
  dossier_xml_end (x);
  dossier_xml_end (x);
}

static void
write_font_faces (DossierXml *x)
{
  const char *faces[][3] = {
    /* Times New Roman and Arial: Liberation Serif and Sans are their
     * metric twins, which fontconfig substitutes where they are missing. */
    { "Times New Roman", "'Times New Roman'", "roman" },
    { "Arial", "Arial", "swiss" },
    { "Batang", "Batang", "roman" },
  };

  dossier_xml_start (x, "office:font-face-decls");
  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      dossier_xml_start_with (x, "style:font-face", "style:name", faces[i][0], "svg:font-family", faces[i][1],
                              "style:font-family-generic", faces[i][2], "style:font-pitch", "variable", NULL);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static void
write_bullet_style (DossierXml *x)
{
  dossier_xml_start (x, "text:list-style");
  dossier_xml_attr (x, "style:name", "Memo_20_Bullets");
  dossier_xml_attr (x, "style:display-name", "Memo Bullets");
  for (guint level = 1; level <= 3; level++)
    {
      dossier_xml_start (x, "text:list-level-style-bullet");
      dossier_xml_attr_printf (x, "text:level", "%u", level);
      dossier_xml_attr (x, "text:bullet-char", "\u2022");
      dossier_xml_start (x, "style:list-level-properties");
      dossier_xml_attr (x, "text:list-level-position-and-space-mode", "label-alignment");
      dossier_xml_start (x, "style:list-level-label-alignment");
      /* 18 pt a level, the bullet hanging, as in the PDF. */
      dossier_xml_attr (x, "text:label-followed-by", "listtab");
      dossier_xml_attr_printf (x, "text:list-tab-stop-position", "%upt", 18 * level);
      dossier_xml_attr (x, "fo:text-indent", "-18pt");
      dossier_xml_attr_printf (x, "fo:margin-left", "%upt", 18 * level);
      dossier_xml_end (x);
      dossier_xml_end (x);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static void
write_outline_style (Odt        *odt,
                     DossierXml *x)
{
  dossier_xml_start (x, "text:outline-style");
  dossier_xml_attr (x, "style:name", "Outline");
  for (guint level = 1; level <= 3; level++)
    {
      dossier_xml_start (x, "text:outline-level-style");
      dossier_xml_attr_printf (x, "text:level", "%u", level);
      /* "2.", "2.1." for memos whose headings are numbered (policy
       * briefs), nothing for the others. */
      if (odt->numbered)
        {
          dossier_xml_attr (x, "style:num-suffix", ".");
          dossier_xml_attr (x, "style:num-format", "1");
          dossier_xml_attr_printf (x, "text:display-levels", "%u", level);
        }
      else
        dossier_xml_attr (x, "style:num-format", "");
      dossier_xml_start (x, "style:list-level-properties");
      dossier_xml_attr (x, "text:list-level-position-and-space-mode", "label-alignment");
      dossier_xml_start (x, "style:list-level-label-alignment");
      dossier_xml_attr (x, "text:label-followed-by", "space");
      dossier_xml_end (x);
      dossier_xml_end (x);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
}

static void
write_page_label (Odt        *odt,
                  DossierXml *x)
{
  g_autoptr(GArray) parts = dossier_office_page_label_parts (dossier_layout_document_get_language (odt->document));

  for (guint i = 0; i < parts->len; i++)
    {
      const DossierOfficePagePart *part = &g_array_index (parts, DossierOfficePagePart, i);

      switch (part->kind)
        {
        case DOSSIER_OFFICE_PAGE_TEXT:
          write_text (odt, x, part->text, DOSSIER_LAYOUT_STYLE_NONE);
          break;
        case DOSSIER_OFFICE_PAGE_NUMBER:
          dossier_xml_start (x, "text:page-number");
          dossier_xml_attr (x, "text:select-page", "current");
          dossier_xml_text (x, "1", 1);
          dossier_xml_end (x);
          odt->after_space = FALSE;
          break;
        case DOSSIER_OFFICE_PAGE_COUNT:
        default:
          dossier_xml_element (x, "text:page-count", "1");
          odt->after_space = FALSE;
          break;
        }
    }
}

/* The root of styles.xml or content.xml, with the namespaces both use and
 * @attr, the one that only @root's part does. */
static void
start_document (DossierXml *x,
                const char *root,
                const char *attr,
                const char *ns)
{
  dossier_xml_start_with (x, root, "xmlns:office", NS_OFFICE, "xmlns:style", NS_STYLE, "xmlns:text", NS_TEXT,
                          "xmlns:table", NS_TABLE, "xmlns:fo", NS_FO, attr, ns,
                          "office:version", ODF_VERSION, NULL);
}

static GBytes *
write_styles (Odt     *odt,
              GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  const char *marking = dossier_layout_document_get_marking (odt->document);
  const char *body_alignment = odt->options->justify ? "justify" : "start";
  double width, height;

  start_document (x, "office:document-styles", "xmlns:svg", NS_SVG);
  write_font_faces (x);

  dossier_xml_start (x, "office:styles");

  /* Times New Roman 12 pt, Batang for Hangul; hyphenated as the PDF is,
   * at least two letters before a break and three after. */
  dossier_xml_start (x, "style:default-style");
  dossier_xml_attr (x, "style:family", "paragraph");
  dossier_xml_start_with (x, "style:paragraph-properties", "fo:hyphenation-ladder-count", "no-limit",
                          "style:writing-mode", "page", NULL);
  dossier_xml_end (x);
  dossier_xml_start (x, "style:text-properties");
  write_fonts (x, "Times New Roman", 12);
  dossier_xml_attr (x, "style:font-name-asian", "Batang");
  write_language (x, odt->language);
  write_korean_asian (x);
  dossier_xml_attr (x, "fo:hyphenate", "true");
  dossier_xml_attr (x, "fo:hyphenation-remain-char-count", "2");
  dossier_xml_attr (x, "fo:hyphenation-push-char-count", "3");
  dossier_xml_end (x);
  dossier_xml_end (x);

  /* LibreOffice's own style names where it has the style, so that its
   * templates restyle the memo. */
  write_paragraph_style (x, "Standard", NULL, NULL,
                         "fo:orphans", "2", "fo:widows", "2", NULL, NULL);
  write_paragraph_style (x, "Text_20_body", "Text body", "Standard",
                         "fo:margin-top", "0pt", "fo:margin-bottom", "10pt", "fo:line-height", "110%",
                         "fo:text-align", body_alignment, NULL, NULL);
  write_paragraph_style (x, "Title", NULL, "Standard",
                         "fo:margin-bottom", "10pt", "fo:text-align", "start", NULL,
                         "style:font-name", "Arial", "fo:font-size", "14pt", "fo:font-weight", "bold",
                         "style:font-weight-asian", "bold", NULL);
  write_heading_style (x, 1, "20pt", "Arial", 12, FALSE);
  write_heading_style (x, 2, "14pt", "Arial", 11, FALSE);
  write_heading_style (x, 3, "14pt", "Times New Roman", 12, TRUE);
  write_paragraph_style (x, "List_20_Bullet", "List Bullet", "Text_20_body",
                         "fo:margin-bottom", "4pt", NULL, NULL);
  write_paragraph_style (x, "Quotations", NULL, "Text_20_body",
                         "fo:margin-left", "30pt", "fo:margin-right", "30pt", NULL, NULL);
  write_paragraph_style (x, "Quote_20_Attribution", "Quote Attribution", "Quotations",
                         "fo:text-align", "start", NULL, NULL);

  /* Tab stops 180 pt apart from the indent, as in the PDF. */
  start_style (x, "Decision_20_Line", "Decision Line", "paragraph", "Text_20_body");
  dossier_xml_attr (x, "style:class", "text");
  dossier_xml_start (x, "style:paragraph-properties");
  dossier_xml_attr (x, "fo:margin-left", "30pt");
  dossier_xml_attr (x, "fo:text-align", "start");
  dossier_xml_start (x, "style:tab-stops");
  for (guint n = 1; n <= 3; n++)
    {
      dossier_xml_start (x, "style:tab-stop");
      dossier_xml_attr_printf (x, "style:position", "%upt", 180 * n);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  write_paragraph_style (x, "Memo_20_Header", "Memo Header", "Standard",
                         "fo:margin-bottom", "8pt", "fo:text-align", "start", NULL, NULL);
  write_paragraph_style (x, "Memo_20_Header_20_Label", "Memo Header Label", "Memo_20_Header", NULL,
                         "fo:font-weight", "bold", "style:font-weight-asian", "bold",
                         "style:font-weight-complex", "bold", NULL);
  /* Notes: 10 pt, the number hanging, ragged right even under a
   * justified body, as in the PDF. */
  write_paragraph_style (x, "Footnote", NULL, "Standard",
                         "fo:margin-left", "14pt", "fo:text-indent", "-14pt", "fo:margin-bottom", "3pt",
                         "fo:text-align", "start", NULL,
                         "fo:font-size", "10pt", "style:font-size-asian", "10pt",
                         "style:font-size-complex", "10pt", NULL);
  write_paragraph_style (x, "Header", NULL, "Standard",
                         "fo:text-align", "center", NULL,
                         "fo:font-size", "10pt", "style:font-size-asian", "10pt", NULL);
  write_paragraph_style (x, "Footer", NULL, "Standard",
                         "fo:text-align", "center", "fo:margin-bottom", "4pt", NULL,
                         "fo:font-size", "10pt", "style:font-size-asian", "10pt", NULL);
  /* The handling marking at the top and bottom of every page. */
  write_paragraph_style (x, "Banner", NULL, "Header",
                         "fo:text-align", "center", NULL,
                         "fo:font-size", "11pt", "style:font-size-asian", "11pt",
                         "fo:font-weight", "bold", "style:font-weight-asian", "bold", NULL);

  /* The PDF's dark blue for links, which prints near-black. */
  start_style (x, "Internet_20_link", "Internet link", "text", NULL);
  dossier_xml_start_with (x, "style:text-properties", "fo:color", "#1a3c7a",
                          "style:text-underline-style", "none", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  start_style (x, "Visited_20_Internet_20_Link", "Visited Internet Link", "text", "Internet_20_link");
  dossier_xml_end (x);
  start_style (x, "Footnote_20_Symbol", "Footnote Symbol", "text", NULL);
  dossier_xml_end (x);
  start_style (x, "Footnote_20_anchor", "Footnote anchor", "text", NULL);
  dossier_xml_start (x, "style:text-properties");
  dossier_xml_attr (x, "style:text-position", "super 58%");
  dossier_xml_end (x);
  dossier_xml_end (x);

  write_bullet_style (x);
  write_outline_style (odt, x);

  /* "1. Text" in the notes as in the PDF, numbered through the document. */
  dossier_xml_start_with (x, "text:notes-configuration", "text:note-class", "footnote",
                          "text:citation-style-name", "Footnote_20_Symbol",
                          "text:citation-body-style-name", "Footnote_20_anchor", "style:num-suffix", ".",
                          "style:num-format", "1", "text:start-value", "0", "text:footnotes-position", "page",
                          "text:start-numbering-at", "document", NULL);
  dossier_xml_end (x);

  dossier_xml_end (x);    /* office:styles */

  /* The page: 1-inch margins around the body, the banners half an inch
   * from the edges (a header or footer in ODF sits inside the page's
   * margin, so the margin is half an inch and the header's height and
   * spacing make up the other half). */
  dossier_paper_get_size (odt->options->paper, &width, &height);
  dossier_xml_start (x, "office:automatic-styles");
  write_text_styles (x);
  dossier_xml_start (x, "style:page-layout");
  dossier_xml_attr (x, "style:name", "Page");
  dossier_xml_start (x, "style:page-layout-properties");
  dossier_xml_attr_printf (x, "fo:page-width", "%.2fpt", width);
  dossier_xml_attr_printf (x, "fo:page-height", "%.2fpt", height);
  dossier_xml_attr (x, "style:print-orientation", "portrait");
  dossier_xml_attr (x, "fo:margin-top", marking != NULL ? "0.5in" : "1in");
  dossier_xml_attr (x, "fo:margin-bottom", "0.5in");
  dossier_xml_attr (x, "fo:margin-left", "1in");
  dossier_xml_attr (x, "fo:margin-right", "1in");
  dossier_xml_start_with (x, "style:footnote-sep", "style:width", "0.5pt", "style:distance-before-sep", "6pt",
                          "style:distance-after-sep", "4pt", "style:line-style", "solid",
                          "style:adjustment", "left", "style:rel-width", "25%", "style:color", "#000000",
                          NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  if (marking != NULL)
    {
      dossier_xml_start (x, "style:header-style");
      dossier_xml_start_with (x, "style:header-footer-properties", "fo:min-height", "0.25in",
                              "fo:margin-bottom", "0.25in", "style:dynamic-spacing", "false", NULL);
      dossier_xml_end (x);
      dossier_xml_end (x);
    }
  dossier_xml_start (x, "style:footer-style");
  dossier_xml_start_with (x, "style:header-footer-properties", "fo:min-height", "0.4in",
                          "fo:margin-top", "0.1in", "style:dynamic-spacing", "false", NULL);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  dossier_xml_start (x, "office:master-styles");
  dossier_xml_start (x, "style:master-page");
  dossier_xml_attr (x, "style:name", "Standard");
  dossier_xml_attr (x, "style:page-layout-name", "Page");
  if (marking != NULL)
    {
      dossier_xml_start (x, "style:header");
      write_plain_paragraph (odt, x, "Banner", marking);
      dossier_xml_end (x);
    }
  dossier_xml_start (x, "style:footer");
  start_paragraph (odt, x, "text:p", "Footer");
  write_page_label (odt, x);
  dossier_xml_end (x);
  if (marking != NULL)
    write_plain_paragraph (odt, x, "Banner", marking);
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);

  dossier_xml_end (x);
  return dossier_xml_finish (x, "styles.xml", error);
}

static void
write_automatic_styles (Odt        *odt,
                        DossierXml *x)
{
  DossierLayoutDocument *document = odt->document;
  const struct { const char *name; const char *parent; } keeps[] = {
    { "KeepBody", "Text_20_body" },
    { "KeepBullet", "List_20_Bullet" },
    { "KeepQuote", "Quotations" },
    { "KeepAttribution", "Quote_20_Attribution" },
  };
  double page_width, text_width, label_width = 0;

  dossier_xml_start (x, "office:automatic-styles");
  write_text_styles (x);

  for (guint i = 0; i < G_N_ELEMENTS (keeps); i++)
    {
      start_style (x, keeps[i].name, NULL, "paragraph", keeps[i].parent);
      dossier_xml_empty (x, "style:paragraph-properties", "fo:keep-with-next", "always");
      dossier_xml_end (x);
    }

  /* The header block: labels in a column as wide as the widest. */
  dossier_paper_get_size (odt->options->paper, &page_width, NULL);
  text_width = page_width - 2 * 72.0;
  for (guint i = 0; i < dossier_layout_document_get_n_header_fields (document); i++)
    {
      const char *label;

      dossier_layout_document_get_header_field (document, i, &label, NULL);
      label_width = MAX (label_width, dossier_office_label_width (label));
    }
  label_width = MIN (label_width, text_width * HEADER_LABEL_MAX) + 14.0;

  start_style (x, "MemoHeader", NULL, "table", NULL);
  dossier_xml_start (x, "style:table-properties");
  dossier_xml_attr_printf (x, "style:width", "%.2fpt", text_width);
  dossier_xml_attr (x, "table:align", "left");
  dossier_xml_attr (x, "fo:margin-bottom", "4pt");
  dossier_xml_end (x);
  dossier_xml_end (x);
  start_style (x, "MemoHeader.A", NULL, "table-column", NULL);
  dossier_xml_start (x, "style:table-column-properties");
  dossier_xml_attr_printf (x, "style:column-width", "%.2fpt", label_width);
  dossier_xml_end (x);
  dossier_xml_end (x);
  start_style (x, "MemoHeader.B", NULL, "table-column", NULL);
  dossier_xml_start (x, "style:table-column-properties");
  dossier_xml_attr_printf (x, "style:column-width", "%.2fpt", text_width - label_width);
  dossier_xml_end (x);
  dossier_xml_end (x);
  start_style (x, "MemoHeader.Row", NULL, "table-row", NULL);
  dossier_xml_empty (x, "style:table-row-properties", "fo:keep-together", "always");
  dossier_xml_end (x);
  for (guint last = 0; last < 2; last++)
    {
      start_style (x, last ? "MemoHeader.Last" : "MemoHeader.Cell", NULL, "table-cell", NULL);
      dossier_xml_start (x, "style:table-cell-properties");
      dossier_xml_attr (x, "fo:padding", "0pt");
      dossier_xml_attr (x, "fo:border", "none");
      if (last)
        {
          dossier_xml_attr (x, "fo:border-bottom", "1pt solid #000000");
          dossier_xml_attr (x, "fo:padding-bottom", "2pt");
        }
      dossier_xml_end (x);
      dossier_xml_end (x);
    }

  dossier_xml_end (x);
}

static GBytes *
write_content_part (Odt           *odt,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();

  start_document (x, "office:document-content", "xmlns:xlink", NS_XLINK);
  write_automatic_styles (odt, x);
  dossier_xml_start (x, "office:body");
  dossier_xml_start (x, "office:text");
  write_header_block (odt, x);
  if (!write_blocks (odt, x, cancellable, error))
    return NULL;
  dossier_xml_end (x);
  dossier_xml_end (x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "content.xml", error);
}

static GBytes *
write_meta (Odt     *odt,
            GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  g_autofree char *now = dossier_office_timestamp ();
  DossierLayoutDocument *document = odt->document;

  dossier_xml_start (x, "office:document-meta");
  dossier_xml_attr (x, "xmlns:office", NS_OFFICE);
  dossier_xml_attr (x, "xmlns:meta", NS_META);
  dossier_xml_attr (x, "xmlns:dc", NS_DC);
  dossier_xml_attr (x, "office:version", ODF_VERSION);
  dossier_xml_start (x, "office:meta");
  dossier_xml_element (x, "meta:generator", "Dossier/" PACKAGE_VERSION);
  dossier_xml_property (x, "dc:title", dossier_layout_document_get_title (document));
  dossier_xml_property (x, "dc:subject", dossier_layout_document_get_subject (document));
  dossier_xml_property (x, "meta:initial-creator", dossier_layout_document_get_author (document));
  dossier_xml_property (x, "dc:creator", dossier_layout_document_get_author (document));
  dossier_xml_element (x, "meta:creation-date", now);
  dossier_xml_element (x, "dc:date", now);
  dossier_xml_element (x, "dc:language", odt->language);
  dossier_xml_end (x);
  dossier_xml_end (x);
  return dossier_xml_finish (x, "meta.xml", error);
}

static GBytes *
write_manifest (GError **error)
{
  g_autoptr(DossierXml) x = dossier_xml_new ();
  const char *parts[] = { "content.xml", "styles.xml", "meta.xml" };

  dossier_xml_start (x, "manifest:manifest");
  dossier_xml_attr (x, "xmlns:manifest", NS_MANIFEST);
  dossier_xml_attr (x, "manifest:version", ODF_VERSION);
  dossier_xml_start_with (x, "manifest:file-entry", "manifest:full-path", "/",
                          "manifest:version", ODF_VERSION, "manifest:media-type", MIME_TYPE, NULL);
  dossier_xml_end (x);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      dossier_xml_start_with (x, "manifest:file-entry", "manifest:full-path", parts[i],
                              "manifest:media-type", "text/xml", NULL);
      dossier_xml_end (x);
    }
  dossier_xml_end (x);
  return dossier_xml_finish (x, "META-INF/manifest.xml", error);
}

/**
 * dossier_odt_write:
 * @document: the document
 * @options: the page size and alignment
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @document as OpenDocument Text, in memory.
 *
 * Returns: (transfer full): the file's bytes, or %NULL on an error
 */
GBytes *
dossier_odt_write (DossierLayoutDocument       *document,
                   const DossierOfficeOptions  *options,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  g_autoptr(DossierZipWriter) zip = NULL;
  g_autoptr(GBytes) mime_type = NULL;
  GBytes *result = NULL;
  Odt odt = { 0 };
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  odt.document = document;
  odt.options = options;
  odt.language = dossier_office_language_tag (dossier_layout_document_get_language (document));
  odt.korean = g_str_has_prefix (odt.language, "ko");
  odt.notes = dossier_office_collect_notes (document);
  for (guint i = 0; i < dossier_layout_document_get_n_blocks (document); i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_block (document, i);

      if (dossier_layout_block_get_kind (block) == DOSSIER_LAYOUT_BLOCK_HEADING &&
          dossier_layout_block_get_numbered (block))
        odt.numbered = TRUE;
    }

  /* The package's type: first, stored, no extra field (ODF 1.2 part 3,
   * 3.3), so that it can be read at a fixed offset. */
  zip = dossier_zip_writer_new ();
  mime_type = g_bytes_new_static (MIME_TYPE, strlen (MIME_TYPE));
  dossier_zip_writer_add (zip, "mimetype", mime_type, FALSE);
  ok = dossier_office_add_part (zip, "content.xml", write_content_part (&odt, cancellable, error)) &&
       dossier_office_add_part (zip, "styles.xml", write_styles (&odt, error)) &&
       dossier_office_add_part (zip, "meta.xml", write_meta (&odt, error)) &&
       dossier_office_add_part (zip, "META-INF/manifest.xml", write_manifest (error));
  if (ok && !g_cancellable_set_error_if_cancelled (cancellable, error))
    result = dossier_zip_writer_finish (zip, error);

  g_hash_table_unref (odt.notes);
  g_free (odt.language);
  return result;
}
