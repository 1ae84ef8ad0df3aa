/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-wrapping-text-view"

#include "config.h"

#include "dossier-text-view-fit.h"
#include "dossier-wrapping-text-view.h"

/* A text view that wraps a short value (a title) in a form row and is as
 * tall as its lines (which GTK 4.8's text view is not by itself: see
 * DossierTextViewFit). */

struct _DossierWrappingTextView
{
  GtkTextView parent_instance;

  DossierTextViewFit *fit;
};

G_DEFINE_FINAL_TYPE (DossierWrappingTextView, dossier_wrapping_text_view, GTK_TYPE_TEXT_VIEW)

static void
dossier_wrapping_text_view_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  DossierWrappingTextView *self = DOSSIER_WRAPPING_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_wrapping_text_view_parent_class)->size_allocate (widget, width, height, baseline);
  dossier_text_view_fit_allocated (self->fit, width);
}

static void
dossier_wrapping_text_view_dispose (GObject *object)
{
  DossierWrappingTextView *self = DOSSIER_WRAPPING_TEXT_VIEW (object);

  g_clear_pointer (&self->fit, dossier_text_view_fit_free);

  G_OBJECT_CLASS (dossier_wrapping_text_view_parent_class)->dispose (object);
}

static void
dossier_wrapping_text_view_class_init (DossierWrappingTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_wrapping_text_view_dispose;
  widget_class->size_allocate = dossier_wrapping_text_view_size_allocate;
}

static void
dossier_wrapping_text_view_init (DossierWrappingTextView *self)
{
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  self->fit = dossier_text_view_fit_new (GTK_TEXT_VIEW (self));
}

GtkWidget *
dossier_wrapping_text_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_WRAPPING_TEXT_VIEW, NULL);
}
