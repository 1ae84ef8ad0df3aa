/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-wrapping-text-view"

#include "config.h"

#include <math.h>

#include "dossier-wrapping-text-view.h"

/*
 * A text view that wraps a short value (a title) in a form row and is as
 * tall as its lines. GTK 4.8's text view lays its lines out after it has
 * been allocated and does not ask its parent for the height that layout
 * needs: a view allocated before its first layout stays 0 px tall, and
 * one re-wrapped at a new width keeps the height of the old wrapping.
 * So it asks: when its lines need more room than it has (the vertical
 * adjustment's upper bound passes the height), and once after each new
 * width, when the re-wrapping is done.
 */

struct _DossierWrappingTextView
{
  GtkTextView parent_instance;

  GtkAdjustment *vadjustment;   /* watched, not owned */
  int last_width;
  guint rewrap_source;
};

G_DEFINE_FINAL_TYPE (DossierWrappingTextView, dossier_wrapping_text_view, GTK_TYPE_TEXT_VIEW)

static gboolean
rewrapped_cb (gpointer data)
{
  DossierWrappingTextView *self = data;

  self->rewrap_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Not now: the adjustment changes inside the view's allocation, where a
 * resize asked for is dropped. */
static void
queue_resize_later (DossierWrappingTextView *self)
{
  if (self->rewrap_source == 0)
    self->rewrap_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, rewrapped_cb, self, NULL);
}

static void
adjustment_changed_cb (DossierWrappingTextView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
      (int) ceil (gtk_adjustment_get_upper (self->vadjustment)) > height)
    queue_resize_later (self);
}

static void
watch_vadjustment (DossierWrappingTextView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  self->vadjustment = adjustment;
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
dossier_wrapping_text_view_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  DossierWrappingTextView *self = DOSSIER_WRAPPING_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_wrapping_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* After the view's own layout idle (GDK_PRIORITY_REDRAW + 5); the
   * resize that follows has the same width and asks nothing more. */
  if (width != self->last_width)
    queue_resize_later (self);
  self->last_width = width;
}

static void
dossier_wrapping_text_view_dispose (GObject *object)
{
  DossierWrappingTextView *self = DOSSIER_WRAPPING_TEXT_VIEW (object);

  g_clear_handle_id (&self->rewrap_source, g_source_remove);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  self->vadjustment = NULL;

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
  watch_vadjustment (self);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (watch_vadjustment), NULL);
}

GtkWidget *
dossier_wrapping_text_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_WRAPPING_TEXT_VIEW, NULL);
}
