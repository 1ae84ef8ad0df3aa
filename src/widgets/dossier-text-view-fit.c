/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-text-view-fit"

#include "config.h"

#include "dossier-text-view-fit.h"

/*
 * Keeps a text view that does not scroll (a form's title field, a memo
 * section) as tall as its lines. GTK 4.8's text view lays its lines out
 * after it has been allocated and does not ask its parent for the height
 * that layout needs: a view allocated before its first layout stays
 * 0 px tall, one re-wrapped at a new width keeps the height of the old
 * wrapping (text cut off, or empty room below it), and one whose text
 * lost a line keeps that line's room. Its size request is cached until
 * a resize is queued, so it cannot be asked either: the height of its
 * laid-out lines is compared with the height it has, and a resize is
 * queued when they differ, once the layout is done after a new width,
 * an edit, or lines laid out beyond the bottom.
 */

struct _DossierTextViewFit
{
  GtkTextView *view;             /* the owner */
  GtkAdjustment *vadjustment;
  GtkTextBuffer *buffer;
  int last_width;
  guint check_source;
};

/* The height the view's lines take, margins included (buffer
 * coordinates start below the top margin). */
static int
lines_height (GtkTextView *view)
{
  GtkTextIter end;
  int y = 0, height = 0;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  return y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static gboolean
check_cb (gpointer data)
{
  DossierTextViewFit *self = data;
  GtkWidget *widget = GTK_WIDGET (self->view);

  self->check_source = 0;
  if (gtk_widget_get_width (widget) > 0 && lines_height (self->view) != gtk_widget_get_height (widget))
    gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

/* Not now: the layout follows in the view's own idle
 * (GDK_PRIORITY_REDRAW + 5), and inside an allocation a resize asked
 * for is dropped. */
static void
check_later (DossierTextViewFit *self)
{
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, check_cb, self, NULL);
}

static void
watch_vadjustment (DossierTextViewFit *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  /* Its upper bound grows as lines past the bottom are laid out. */
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (check_later), self);
}

static void
watch_buffer (DossierTextViewFit *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

  if (buffer == self->buffer)
    return;
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_set_object (&self->buffer, buffer);
  if (buffer != NULL)
    g_signal_connect_swapped (buffer, "changed", G_CALLBACK (check_later), self);
  check_later (self);
}

/**
 * dossier_text_view_fit_new:
 * @view: a text view that its parent does not scroll
 *
 * Keeps @view as tall as its text; the view calls
 * dossier_text_view_fit_allocated() from its size_allocate and frees
 * this in its dispose.
 */
DossierTextViewFit *
dossier_text_view_fit_new (GtkTextView *view)
{
  DossierTextViewFit *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_new0 (DossierTextViewFit, 1);
  self->view = view;
  watch_vadjustment (self);
  /* The buffer when it is set: asking for it now would make the view
   * create one before its owner is listening. */
  g_signal_connect_swapped (view, "notify::vadjustment", G_CALLBACK (watch_vadjustment), self);
  g_signal_connect_swapped (view, "notify::buffer", G_CALLBACK (watch_buffer), self);
  return self;
}

/**
 * dossier_text_view_fit_allocated:
 * @width: the width the view was given
 *
 * A new width re-wraps the lines: their height is checked once that is
 * done (the resize that follows has the same width and asks nothing).
 */
void
dossier_text_view_fit_allocated (DossierTextViewFit *self,
                                 int                 width)
{
  g_return_if_fail (self != NULL);

  if (width != self->last_width)
    check_later (self);
  self->last_width = width;
}

void
dossier_text_view_fit_free (DossierTextViewFit *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->view, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->buffer);
  g_free (self);
}
