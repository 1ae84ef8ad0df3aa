/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     dossier_memo_markup_create_tags      (GtkTextBuffer *buffer);
void     dossier_memo_markup_apply_tags       (GtkTextView   *view);
gboolean dossier_memo_markup_find_placeholder (const char    *text,
                                               glong          offset,
                                               gboolean       touching,
                                               glong         *start,
                                               glong         *end);
void     dossier_memo_markup_toggle           (GtkTextView   *view,
                                               const char    *mark);
void     dossier_memo_markup_toggle_bullets   (GtkTextView   *view);

G_END_DECLS
