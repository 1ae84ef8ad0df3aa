/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the PDF importer only; see dossier-pdf-importer.c. */

#include <poppler.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

/* A run of characters in one font, size and position. */
enum {
  SPAN_BOLD   = 1 << 0,
  SPAN_ITALIC = 1 << 1,
  SPAN_RAISED = 1 << 2,   /* smaller and above the baseline: a note marker, an exponent */
};

typedef struct {
  guint start;            /* bytes of PdfLine.text */
  guint end;
  float size;
  guint16 flags;
  guint16 font;           /* index into PdfImport.fonts */
} PdfSpan;

/* A gap inside a line wider than a space between words (from 0.6 em):
 * where one cell of a table row ends and the next begins, if the line
 * turns out to be one. */
#define PDF_CELL_GAP 0.6f

typedef struct {
  guint offset;           /* bytes of PdfLine.text: the space standing for the gap */
  float left;             /* where the text before the gap ends */
  float right;            /* where the text after it starts */
} PdfCut;

/* What a line turned out to be. */
enum {
  LINE_FURNITURE = 1 << 0,   /* running head or foot, page number, printed URL or date */
  LINE_NOTE      = 1 << 1,   /* part of a footnote or an endnote */
  LINE_META      = 1 << 2,   /* read as the title, subtitle, byline or date */
  LINE_DROP      = 1 << 3,   /* not text: rotated, outside the page, a contents page */
  LINE_SPANNING  = 1 << 4,   /* crosses the gap between columns */
  LINE_TABLE     = 1 << 5,   /* a cell of a table row */
  LINE_IN_WORD   = 1 << 6,   /* starts inside the word the line before it ends with */
  LINE_LABEL     = 1 << 7,   /* a label and its value ("FROM: …"), a paragraph of its own */
  LINE_LABEL_MORE = 1 << 8,  /* the rest of a label's value, wrapped under it */
};

typedef struct {
  float x0, y0, x1, y1;      /* points, from the top left of the page */
  float base;                /* bottom of the main text's glyph boxes */
  float size;                /* the size most characters have */
  guint16 font;              /* the font most characters have */
  guint16 style;             /* SPAN_BOLD, SPAN_ITALIC when most characters are */
  guint flags;               /* LINE_* */
  int column;                /* column of its section, left to right; -1 when spanning */
  guint page;                /* 0-based */
  guint n_spans;
  PdfSpan *spans;
  char *text;
  guint label_length;        /* bytes of text that are its label (LINE_LABEL) */
  guint n_cuts;
  PdfCut *cuts;              /* wide gaps inside the line, left to right */
  float row_x0, row_x1;      /* the extent of its table row (LINE_TABLE) */
} PdfLine;

typedef struct {
  float x0, y0, x1, y1;
  char *uri;
} PdfLink;

typedef struct {
  guint number;              /* 0-based */
  float width, height;
  char *label;               /* the page's printed label, NULL when it is its number */
  int printed;               /* the page number printed in its head or foot, -1 if none */
  GPtrArray *lines;          /* PdfLine*, in reading order once laid out */
  GArray *links;             /* PdfLink */
} PdfPage;

/* Blocks: lines that belong together (a paragraph, or the part of one in a
 * column), in reading order. */
typedef enum {
  BLOCK_BODY,
  BLOCK_HEADING,
  BLOCK_QUOTE,
  BLOCK_ITEM,                /* a list item */
  BLOCK_CAPTION,             /* "Figure 3: …", "Source: …" */
  BLOCK_TABLE,               /* one row of a table */
  BLOCK_OTHER,               /* text that is not running text: a sidebar, a chart's labels */
} PdfBlockKind;

typedef struct {
  PdfBlockKind kind;
  GPtrArray *lines;          /* PdfLine*, borrowed from the pages */
  guint page;
  float x0, y0, x1, y1;
  float column_x0, column_x1;  /* the column it stands in */
  float size;
  guint16 font;
  guint16 style;
  gboolean first_indented;   /* its first line starts further right than the others */
  gboolean column_end;       /* the last block of its column or page */
  gboolean column_start;     /* the first block of its column or page */
} PdfBlock;

typedef struct {
  guint number;              /* as printed */
  guint page;                /* 0-based page it starts on */
  GString *text;
  GPtrArray *urls;           /* char* */
  gboolean endnote;
  guint model_number;        /* the number in the document, unique */
} PdfNote;

typedef struct {
  PopplerDocument *doc;
  GCancellable *cancellable;
  const char *name_hint;

  GPtrArray *pages;          /* PdfPage* */
  GPtrArray *fonts;          /* char*: font names without subset prefix */
  GHashTable *font_ids;      /* name → index + 1 */
  guint n_pages;

  /* the body text's look, from every character of the document */
  float body_size;
  guint16 body_font;
  gboolean body_bold;        /* running text is set in a bold font */
  float pitch;               /* distance between the baselines of body lines */
  float foot_room[2];        /* the least room under a column's last line, without and over notes */
  float text_bottom;         /* the lowest baseline of running text on any page */

  GPtrArray *blocks;         /* PdfBlock*, the whole document in reading order */
  GPtrArray *notes;          /* PdfNote*, in the order found */
  GHashTable *note_words;    /* words of the document, for hyphens: word → count */

  /* metadata */
  char *title;
  char *subtitle;
  char *published;
  char *publisher;
  char *source_url;
  GPtrArray *authors;        /* DossierAuthor* */
} PdfImport;

/* dossier-pdf-page.c */
void      dossier_pdf_line_free        (gpointer     data);
void      dossier_pdf_page_free        (gpointer     data);
PdfPage  *dossier_pdf_read_page        (PdfImport   *self,
                                        PopplerPage *page,
                                        guint        number);
guint16   dossier_pdf_intern_font      (PdfImport   *self,
                                        const char  *name);
gboolean  dossier_pdf_font_is_bold     (const char  *name);
gboolean  dossier_pdf_font_is_italic   (const char  *name);
void      dossier_pdf_measure_body     (PdfImport   *self);

/* dossier-pdf-furniture.c */
void      dossier_pdf_find_furniture   (PdfImport   *self);
void      dossier_pdf_find_page_labels (PdfImport   *self);

/* dossier-pdf-layout.c */
void      dossier_pdf_lay_out_page     (PdfImport   *self,
                                        PdfPage     *page);
void      dossier_pdf_build_blocks     (PdfImport   *self);
void      dossier_pdf_block_free       (gpointer     data);
char     *dossier_pdf_block_text       (PdfImport   *self,
                                        PdfBlock    *block);
gboolean  dossier_pdf_next_word_fits   (PdfLine     *line,
                                        PdfLine     *next,
                                        float        right);

/* dossier-pdf-notes.c */
void      dossier_pdf_find_footnotes   (PdfImport   *self);
void      dossier_pdf_find_endnotes    (PdfImport   *self);
PdfNote  *dossier_pdf_note_for_marker  (PdfImport   *self,
                                        guint        number,
                                        guint        page);
void      dossier_pdf_note_free        (gpointer     data);
gboolean  dossier_pdf_parse_number     (const char  *text,
                                        guint        length,
                                        guint       *number);
void      dossier_pdf_add_urls         (GPtrArray   *urls,
                                        const char  *text);

/* dossier-pdf-metadata.c */
void      dossier_pdf_read_metadata    (PdfImport   *self);

/* dossier-pdf-text.c */
gboolean  dossier_pdf_ends_sentence    (const char  *text);
gboolean  dossier_pdf_is_bullet        (const char  *text,
                                        guint       *length);
void      dossier_pdf_append_line      (PdfImport   *self,
                                        GString     *out,
                                        const char  *line);
void      dossier_pdf_count_words      (PdfImport   *self);
void      dossier_pdf_find_word_breaks (PdfImport       *self);
void      dossier_pdf_build_paragraphs (PdfImport       *self,
                                        DossierDocument *document);

G_END_DECLS
