/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files that make up DossierReaderView:
 * dossier-reader-view.c (GObject, find, selection, citation, reading
 * position, actions), dossier-reader-view-layout.c (the text: building it
 * from the document, its tags, colours and margins),
 * dossier-reader-view-markers.c (footnote markers, their popovers and the
 * links in the notes) and dossier-reader-view-highlights.c (positions in
 * the document and the highlights drawn at them). The text view itself is
 * DossierReaderText.
 */

#include "dossier-reader-text.h"
#include "dossier-reader-view.h"

G_BEGIN_DECLS

#define MEASURE_CHARS 68
#define WORD_JOINER "\xe2\x81\xa0"  /* U+2060 */
#define MAX_FIND_MATCHES 10000
/* Each marker is a widget; more than this many would make showing the
 * article slow (real articles have well under a hundred notes). */
#define MAX_MARKER_WIDGETS 400

/* Markers take buffer positions (a word joiner and the anchor) that are not
 * part of the document's text. */
static inline gboolean
_dossier_reader_view_is_marker_position (const GtkTextIter *iter)
{
  return gtk_text_iter_get_child_anchor (iter) != NULL || gtk_text_iter_get_char (iter) == 0x2060;
}

typedef struct
{
  gint64 id;
  guint  paragraph;
  guint  start;
  guint  end;
  gboolean noted;   /* it has a note: "Edit Note…" rather than "Add Note…" */
} Highlight;

typedef struct
{
  guint start;   /* buffer offsets */
  guint end;
} Range;

/* A selection split into per-paragraph pieces of document text. */
typedef struct
{
  guint paragraph;
  guint start;
  guint end;
} Segment;

struct _DossierReaderView
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkTextView *text_view;       /* a DossierReaderText */
  GtkTextBuffer *buffer;
  GtkCssProvider *css;

  DossierDocument *document;
  double zoom;
  gboolean serif;

  /* Buffer offsets of each document paragraph, indexed like the model. */
  GArray *paragraphs;           /* Range */
  GPtrArray *markers;           /* GtkWidget, owned by the text view */
  GPtrArray *link_tags;         /* GtkTextTag, one per link, in the tag table */
  GArray *highlights;           /* Highlight */
  gboolean notes_read_only;     /* no Add Note… / Edit Note… */
  GArray *matches;              /* Range */
  guint current_match;          /* 1-based, 0 = none */
  char *find_text;

  GSimpleActionGroup *actions;
  GMenu *selection_menu;

  int last_width;
  guint layout_idle;
  int pending_scroll;           /* buffer offset, -1 = none */
  guint pending_scroll_timeout;
  gulong dark_handler;
  gulong contrast_handler;
};

/* dossier-reader-view.c */
void      _dossier_reader_view_update_actions      (DossierReaderView *self);
void      _dossier_reader_view_scroll_to_offset    (DossierReaderView *self,
                                                    guint              offset,
                                                    double             within);

/* dossier-reader-view-layout.c */
void      _dossier_reader_view_create_tags         (DossierReaderView *self);
void      _dossier_reader_view_update_colors       (DossierReaderView *self);
void      _dossier_reader_view_update_css          (DossierReaderView *self);
void      _dossier_reader_view_queue_layout        (DossierReaderView *self);
void      _dossier_reader_view_rebuild             (DossierReaderView *self);
void      _dossier_reader_view_insert              (DossierReaderView *self,
                                                    GtkTextIter       *iter,
                                                    const char        *text,
                                                    ...) G_GNUC_NULL_TERMINATED;
void      _dossier_reader_view_apply_tag_from      (DossierReaderView *self,
                                                    const char        *tag_name,
                                                    int                start_offset,
                                                    GtkTextIter       *end);
char     *_dossier_reader_view_format_date         (const char        *iso);

/* dossier-reader-view-markers.c */
gboolean  _dossier_reader_view_is_web_url          (const char        *url);
void      _dossier_reader_view_insert_marker       (DossierReaderView *self,
                                                    GtkTextIter       *iter,
                                                    guint              number);
void      _dossier_reader_view_insert_link         (DossierReaderView *self,
                                                    GtkTextIter       *iter,
                                                    const char        *text,
                                                    const char        *url);
void      _dossier_reader_view_insert_with_links   (DossierReaderView  *self,
                                                    GtkTextIter        *iter,
                                                    const char         *text,
                                                    const char * const *urls);
void      _dossier_reader_view_init_links          (DossierReaderView *self);

/* dossier-reader-view-highlights.c */
gboolean  _dossier_reader_view_iter_at_paragraph_offset (DossierReaderView *self,
                                                         guint              paragraph,
                                                         guint              offset,
                                                         gboolean           is_end,
                                                         GtkTextIter       *iter);
guint     _dossier_reader_view_paragraph_at_offset (DossierReaderView *self,
                                                    guint              offset,
                                                    gboolean          *inside);
GArray   *_dossier_reader_view_selection_segments  (DossierReaderView *self);
void      _dossier_reader_view_apply_highlights    (DossierReaderView *self);
gint64    _dossier_reader_view_highlight_at_cursor (DossierReaderView *self);
Highlight *_dossier_reader_view_find_highlight   (DossierReaderView *self,
                                                  gint64             id);

G_END_DECLS
