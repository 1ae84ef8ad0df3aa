/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_TEXT_VIEW (dossier_memo_text_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoTextView, dossier_memo_text_view, DOSSIER, MEMO_TEXT_VIEW, GtkTextView)

GtkWidget *dossier_memo_text_view_new                (GtkTextBuffer       *buffer);
void       dossier_memo_text_view_update_markers     (DossierMemoTextView *self);
void       dossier_memo_text_view_set_note_numbers   (DossierMemoTextView *self,
                                                      const guint         *numbers,
                                                      guint                n_numbers);
guint      dossier_memo_text_view_get_note_number    (DossierMemoTextView *self,
                                                      guint                marker);
guint      dossier_memo_text_view_get_n_markers      (DossierMemoTextView *self);
gboolean   dossier_memo_text_view_find_marker        (DossierMemoTextView *self,
                                                      const GtkTextIter   *iter,
                                                      gboolean             touching,
                                                      GtkTextIter         *start,
                                                      GtkTextIter         *end);
gboolean   dossier_memo_text_view_get_number_area    (DossierMemoTextView *self,
                                                      const GtkTextIter   *marker_start,
                                                      GdkRectangle        *area);

G_END_DECLS
