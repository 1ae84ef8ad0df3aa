/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files that make up DossierPageLayout, split along the
 * stages a layout goes through, each of which only reads what the one
 * before it made:
 *
 *   dossier-page-layout.c           the object, its properties, and
 *                                   relayout() that runs the stages;
 *   dossier-page-layout-shape.c     text into shaped lines (Pango,
 *                                   hyphens, break points, the cache);
 *   dossier-page-layout-flow.c      the document's blocks and notes into
 *                                   flows: fonts, indents, numbering, gaps;
 *   dossier-page-layout-paginate.c  flows onto pages, with each footnote
 *                                   on its reference's page;
 *   dossier-page-layout-draw.c      shaped lines onto cairo: glyphs and
 *                                   link annotations;
 *   dossier-page-layout-page.c      one page: the header block, banners,
 *                                   footer and note rule around the text.
 */

#include <pango/pangocairo.h>

#include "dossier-hyphenator.h"
#include "dossier-page-layout.h"

G_BEGIN_DECLS

#define MARGIN        72.0
#define BODY_SIZE     12
#define NOTE_SIZE     10
#define NOTE_SEP      16.0  /* space above the rule, the rule, space below */
#define NOTE_GAP      3.0   /* between two notes */
#define NOTE_INDENT   14.0
#define BULLET_INDENT 18.0
#define QUOTE_INDENT  30.0
#define HEADER_GAP    18.0  /* between the header block's rule and the body */
#define HEADER_LABEL_MAX 0.42 /* of the line: "INFORMATION MEMO FOR" fits on one */
#define MAX_PAGES     5000
#define EPSILON       0.01
#define LONG_NOTE_FIRST_LINES 3   /* lines of a long note on its reference's page, at least */

typedef struct {
  guint start;
  guint end;
  char *uri;        /* NULL for a note reference */
  guint note;
} LinkSpan;

/* One shaped block. Cached by its key (the content and width), so an
 * edit reshapes only what changed. */
typedef struct {
  char *key;
  PangoLayout *layout;
  guint n_lines;
  double *top;          /* n_lines + 1: top of each line, then the bottom */
  double *baseline;
  double *line_x;
  guint *note_start;    /* n_lines + 1: index into notes of each line's first */
  GArray *notes;        /* guint: note numbers referenced, in text order */
  GArray *links;        /* LinkSpan */
  guint generation;

  /* Until shaped (shape_realize), what to shape: */
  char *text;
  PangoAttrList *attrs;
  PangoFontDescription *font;
  double width;
  PangoAlignment alignment;
  gboolean justify;
  double indent;
  double tab;
  double spacing;
} Shape;

typedef struct {
  DossierLayoutBlockKind kind;
  guint level;
  Shape *shape;         /* owned by the cache */
  double x;
  double gap_before;
  gboolean keep_with_next;
  gboolean splittable;
  char *title;          /* headings: the printed title, for the outline */
} Flow;

typedef struct {
  guint number;
  Shape *shape;
  gboolean placed;
  guint mark;
  int page;
} Note;

typedef struct {
  guint index;          /* into flows, or into notes */
  guint first;
  guint end;
  double y;             /* body: from the top of the text area; notes: from the rule */
} Slice;

typedef struct {
  GArray *body;         /* Slice */
  GArray *notes;        /* Slice */
  double notes_height;  /* with the separator */
  gboolean continued;   /* starts with the rest of a note from the page before */
  guint64 fingerprint;
  gboolean changed;
} Page;

typedef struct {
  guint note;
  guint line;
} Pending;

typedef struct {
  double y;
  double nh;
  gboolean fresh;
} State;

struct _DossierPageLayout
{
  GObject parent_instance;

  DossierPaper paper;
  gboolean justify;
  DossierLayoutDocument *document;

  PangoContext *context;
  DossierHyphenator *hyphenator;
  char *hyphenator_language;
  GPtrArray *unrealized;    /* Shape, waiting for shape_realize() */
  PangoFontDescription *serif;
  PangoFontDescription *sans;
  GHashTable *cache;        /* key → Shape */
  guint generation;
  guint mark;

  double page_width;
  double page_height;
  double text_width;
  double text_height;

  GPtrArray *header;        /* Shape, labels and values in turn; the heading line first if any */
  gboolean has_heading_line;
  double header_label_width;
  double header_height;
  Shape *marking;
  Shape *bullet;

  GPtrArray *flows;         /* Flow */
  GArray *notes;            /* Note */
  GHashTable *note_index;   /* number → index + 1 */
  GArray *pages;            /* Page */
  GArray *headings;         /* DossierLayoutHeading */
  GArray *pending;          /* Pending notes carried to the next page */
  State state;
};

typedef struct {
  PangoFontDescription *font;
  double width;
  PangoAlignment alignment;
  gboolean justify;
  double indent;            /* Pango indent: negative for a hanging one */
  double tab;               /* a tab stop, 0 for none */
  double spacing;           /* line spacing factor, 0 for the font's */
  const char *prefix;       /* unstyled text before the runs */
  const char *suffix;       /* unstyled text after the runs */
  DossierLayoutStyle suffix_style;
  guint hyphenate;          /* soft hyphens in the runs' words of this many
                             * letters or more; 0 for none */
} ShapeParams;

void                  _dossier_page_layout_shape_free        (gpointer                  data);
Shape                *_dossier_page_layout_shape_get         (DossierPageLayout        *self,
                                                              const ShapeParams        *params,
                                                              const DossierLayoutBlock *block);
Shape                *_dossier_page_layout_shape_for_text    (DossierPageLayout        *self,
                                                              PangoFontDescription     *font,
                                                              double                    width,
                                                              PangoAlignment            alignment,
                                                              const char               *text,
                                                              DossierLayoutStyle        style);
void                  _dossier_page_layout_realize_pending   (DossierPageLayout        *self);
PangoFontDescription *_dossier_page_layout_font_with         (PangoFontDescription     *base,
                                                              int                       size,
                                                              PangoWeight               weight,
                                                              PangoStyle                style);
PangoContext         *_dossier_page_layout_create_context    (PangoFontMap             *font_map);
void                  _dossier_page_layout_build_flows       (DossierPageLayout        *self);
void                  _dossier_page_layout_build_header      (DossierPageLayout        *self);
void                  _dossier_page_layout_measure_header    (DossierPageLayout        *self);
Note                 *_dossier_page_layout_lookup_note       (DossierPageLayout        *self,
                                                              guint                     number);
void                  _dossier_page_layout_paginate          (DossierPageLayout        *self);
void                  _dossier_page_layout_draw_shape_lines  (DossierPageLayout        *self,
                                                              cairo_t                  *cr,
                                                              const Shape              *shape,
                                                              guint                     first,
                                                              guint                     end,
                                                              double                    x,
                                                              double                    y,
                                                              const char               *anchor);

G_END_DECLS
