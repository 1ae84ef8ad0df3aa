/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _DossierTextViewFit DossierTextViewFit;

DossierTextViewFit *dossier_text_view_fit_new       (GtkTextView        *view);
void                dossier_text_view_fit_allocated (DossierTextViewFit *self,
                                                     int                 width);
void                dossier_text_view_fit_free      (DossierTextViewFit *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTextViewFit, dossier_text_view_fit_free)

G_END_DECLS
