/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-memo-text-view"

#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>

#include "widgets/dossier-memo-text-view.h"

/* The memo text view shows citation markers as note numbers while the
 * buffer keeps the markers; a marker is edited as one character. */

typedef struct {
  GtkWindow *window;
  DossierMemoTextView *view;
  GtkTextBuffer *buffer;
} Fixture;

static void
changed_cb (GtkTextBuffer       *buffer,
            DossierMemoTextView *view)
{
  /* As the memo page does after every change. */
  dossier_memo_text_view_update_markers (view);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint numbers[] = { 1, 12 };

  fixture->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (fixture->buffer, TRUE);
  fixture->view = DOSSIER_MEMO_TEXT_VIEW (dossier_memo_text_view_new (fixture->buffer));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 300);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  gtk_text_buffer_begin_irreversible_action (fixture->buffer);
  gtk_text_buffer_set_text (fixture->buffer, "Agreed.[^alpha] Then[^beta] more.", -1);
  gtk_text_buffer_end_irreversible_action (fixture->buffer);
  g_signal_connect (fixture->buffer, "changed", G_CALLBACK (changed_cb), fixture->view);
  dossier_memo_text_view_set_note_numbers (fixture->view, numbers, G_N_ELEMENTS (numbers));
  dossier_memo_text_view_update_markers (fixture->view);
  dossier_test_gui_spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->buffer);
  dossier_test_gui_spin (50);
}

static char *
buffer_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  return gtk_text_buffer_get_text (fixture->buffer, &start, &end, TRUE);
}

static int
cursor_offset (Fixture *fixture)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
place_cursor (Fixture *fixture,
              int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
  dossier_test_gui_spin (20);
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  GdkRectangle one, twelve;
  GtkTextIter iter;

  g_assert_cmpuint (dossier_memo_text_view_get_n_markers (fixture->view), ==, 2);
  g_assert_cmpuint (dossier_memo_text_view_get_note_number (fixture->view, 0), ==, 1);
  g_assert_cmpuint (dossier_memo_text_view_get_note_number (fixture->view, 1), ==, 12);
  g_assert_cmpuint (dossier_memo_text_view_get_note_number (fixture->view, 2), ==, 0);

  /* Each marker takes the room of its number, not of "[^alpha]": a
   * two-digit number is wider than a one-digit one, and both are
   * narrower than a short word. */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 7);
  g_assert_true (dossier_memo_text_view_get_number_area (fixture->view, &iter, &one));
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 20);
  g_assert_true (dossier_memo_text_view_get_number_area (fixture->view, &iter, &twelve));
  g_assert_cmpint (one.width, >, 2);
  g_assert_cmpint (twelve.width, >, one.width);
  {
    GtkTextIter a, b;
    GdkRectangle ra, rb;

    /* "Then" is four characters; "[^alpha]" shown as "1" takes less. */
    gtk_text_buffer_get_iter_at_offset (fixture->buffer, &a, 16);
    gtk_text_buffer_get_iter_at_offset (fixture->buffer, &b, 20);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (fixture->view), &a, &ra);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (fixture->view), &b, &rb);
    g_assert_cmpint (one.width, <, rb.x - ra.x);
  }

  /* Markers renumber when the memo does. */
  {
    const guint renumbered[] = { 3, 4 };

    dossier_memo_text_view_set_note_numbers (fixture->view, renumbered, 2);
    g_assert_cmpuint (dossier_memo_text_view_get_note_number (fixture->view, 1), ==, 4);
  }
}

static void
test_cursor_steps_over_markers (Fixture       *fixture,
                                gconstpointer  data)
{
  /* "Agreed." is 7 characters; "[^alpha]" spans 7–15. Coming from the
   * left, the cursor lands after the marker; from the right, before. */
  place_cursor (fixture, 3);
  place_cursor (fixture, 10);
  g_assert_cmpint (cursor_offset (fixture), ==, 15);
  place_cursor (fixture, 14);
  g_assert_cmpint (cursor_offset (fixture), ==, 7);

  /* The same with the keyboard. */
  place_cursor (fixture, 7);
  g_signal_emit_by_name (fixture->view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, 1, FALSE);
  dossier_test_gui_spin (20);
  g_assert_cmpint (cursor_offset (fixture), ==, 15);
  g_signal_emit_by_name (fixture->view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, -1, FALSE);
  dossier_test_gui_spin (20);
  g_assert_cmpint (cursor_offset (fixture), ==, 7);
}

static void
test_typing_never_breaks_a_marker (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 10);
  gtk_text_buffer_insert (fixture->buffer, &iter, "x", -1);
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, "Agreed.[^alpha]x Then[^beta] more.");
}

static void
test_deleting_takes_the_whole_marker (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkTextIter iter;

  /* Backspace just after a marker deletes it whole… */
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, 15);
  g_assert_true (gtk_text_buffer_backspace (fixture->buffer, &iter, TRUE, TRUE));
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, "Agreed. Then[^beta] more.");
  g_clear_pointer (&text, g_free);

  /* …and undo brings it back whole. */
  gtk_text_buffer_undo (fixture->buffer);
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, "Agreed.[^alpha] Then[^beta] more.");
  g_clear_pointer (&text, g_free);

  /* A selection ending inside a marker takes the marker with it. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, 16);
    gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, 23);
    gtk_text_buffer_delete (fixture->buffer, &start, &end);
  }
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, "Agreed.[^alpha]  more.");
  g_assert_cmpuint (dossier_memo_text_view_get_n_markers (fixture->view), ==, 1);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_copy_keeps_markers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *copied = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &end, 15);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  dossier_test_gui_spin (20);
  g_signal_emit_by_name (fixture->view, "copy-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), NULL,
                                 read_text_cb, &copied);
  for (guint waited = 0; copied == NULL && waited < 100; waited++)
    dossier_test_gui_spin (10);
  g_assert_cmpstr (copied, ==, "Agreed.[^alpha]");
}

int
main (int    argc,
      char **argv)
{
  dossier_test_gui_init (&argc, &argv);

  g_test_add ("/dossier/app/memo-text-view/numbers", Fixture, NULL,
              fixture_set_up, test_numbers, fixture_tear_down);
  g_test_add ("/dossier/app/memo-text-view/cursor", Fixture, NULL,
              fixture_set_up, test_cursor_steps_over_markers, fixture_tear_down);
  g_test_add ("/dossier/app/memo-text-view/typing", Fixture, NULL,
              fixture_set_up, test_typing_never_breaks_a_marker, fixture_tear_down);
  g_test_add ("/dossier/app/memo-text-view/deleting", Fixture, NULL,
              fixture_set_up, test_deleting_takes_the_whole_marker, fixture_tear_down);
  g_test_add ("/dossier/app/memo-text-view/copy", Fixture, NULL,
              fixture_set_up, test_copy_keeps_markers, fixture_tear_down);

  return g_test_run ();
}
