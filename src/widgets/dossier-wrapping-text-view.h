/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_WRAPPING_TEXT_VIEW (dossier_wrapping_text_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierWrappingTextView, dossier_wrapping_text_view, DOSSIER, WRAPPING_TEXT_VIEW, GtkTextView)

GtkWidget *dossier_wrapping_text_view_new (void);

G_END_DECLS
