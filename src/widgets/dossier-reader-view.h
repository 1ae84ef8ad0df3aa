/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_READER_VIEW_MIN_ZOOM 0.5
#define DOSSIER_READER_VIEW_MAX_ZOOM 3.0

#define DOSSIER_TYPE_READER_VIEW (dossier_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderView, dossier_reader_view, DOSSIER, READER_VIEW, GtkWidget)

GtkWidget       *dossier_reader_view_new                     (void);
DossierDocument *dossier_reader_view_get_document            (DossierReaderView *self);
void             dossier_reader_view_set_document            (DossierReaderView *self,
                                                              DossierDocument   *document);
double           dossier_reader_view_get_zoom                (DossierReaderView *self);
void             dossier_reader_view_set_zoom                (DossierReaderView *self,
                                                              double             zoom);
gboolean         dossier_reader_view_get_serif               (DossierReaderView *self);
void             dossier_reader_view_set_serif               (DossierReaderView *self,
                                                              gboolean           serif);
GtkTextView     *dossier_reader_view_get_text_view           (DossierReaderView *self);
GActionGroup    *dossier_reader_view_get_action_group        (DossierReaderView *self);
GMenu           *dossier_reader_view_get_selection_menu      (DossierReaderView *self);

guint            dossier_reader_view_get_n_footnote_markers  (DossierReaderView *self);
GtkWidget       *dossier_reader_view_get_footnote_marker     (DossierReaderView *self,
                                                              guint              index);

guint            dossier_reader_view_find                    (DossierReaderView *self,
                                                              const char        *text);
void             dossier_reader_view_find_next               (DossierReaderView *self);
void             dossier_reader_view_find_previous           (DossierReaderView *self);
guint            dossier_reader_view_get_match_count         (DossierReaderView *self);
guint            dossier_reader_view_get_current_match       (DossierReaderView *self);

char            *dossier_reader_view_dup_selected_text       (DossierReaderView *self);
gboolean         dossier_reader_view_get_selection_range     (DossierReaderView *self,
                                                              guint             *first_paragraph,
                                                              guint             *first_offset,
                                                              guint             *last_paragraph,
                                                              guint             *last_offset);
gboolean         dossier_reader_view_select_range            (DossierReaderView *self,
                                                              guint              paragraph,
                                                              guint              start,
                                                              guint              end);
char            *dossier_reader_view_dup_citation            (DossierReaderView *self);

void             dossier_reader_view_add_highlight           (DossierReaderView *self,
                                                              gint64             id,
                                                              guint              paragraph,
                                                              guint              start,
                                                              guint              end);
void             dossier_reader_view_remove_highlight        (DossierReaderView *self,
                                                              gint64             id);
void             dossier_reader_view_clear_highlights        (DossierReaderView *self);
guint            dossier_reader_view_get_n_highlights        (DossierReaderView *self);

guint            dossier_reader_view_get_first_visible_paragraph (DossierReaderView *self);
void             dossier_reader_view_scroll_to_paragraph     (DossierReaderView *self,
                                                              guint              paragraph);

char            *dossier_format_citation                     (DossierDocument   *document);

void       dossier_reader_view_set_highlight_noted     (DossierReaderView *self,
                                                        gint64             id,
                                                        gboolean           noted);
gint64     dossier_reader_view_get_highlight_at_cursor (DossierReaderView *self);
void       dossier_reader_view_set_notes_read_only     (DossierReaderView *self,
                                                        gboolean           read_only);

G_END_DECLS
