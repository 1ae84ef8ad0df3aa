/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-test-gui.h"
#include "dossier-test-files.h"

#include <stdlib.h>
#include <string.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* GUI tests never use a D-Bus session bus, so they run the same on a
 * desktop as on a build machine that has none: no settings portal (a
 * dark desktop would restyle them), no activation, and no bus started
 * by autolaunch where dbus-x11 happens to be installed. */
static void
disconnect_session_bus (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/dossier-gui-tests-have-no-session-bus", TRUE);
}

static char *private_state_home;

static void
remove_private_state_home (void)
{
  if (private_state_home != NULL)
    dossier_test_remove_tree (private_state_home);
  g_clear_pointer (&private_state_home, g_free);
}

/* Memo autosave and crash recovery live in $XDG_STATE_HOME: a recovery
 * file that the app, another test or a test running in parallel left in
 * the user's own folder made every window a test opened ask "Restore
 * Unsaved Memo?" and broke tests that had nothing to do with memos. Each
 * test process gets a folder of its own, removed when it exits. */
static void
use_private_state_home (void)
{
  if (private_state_home != NULL)
    return;
  private_state_home = g_dir_make_tmp ("dossier-gui-test-state-XXXXXX", NULL);
  g_assert_nonnull (private_state_home);
  g_setenv ("XDG_STATE_HOME", private_state_home, TRUE);
  atexit (remove_private_state_home);
}

/* Xvfb starts with the pointer in the middle of the screen, over the
 * widgets of the test windows: GTK 4.8 arms a tooltip timer for the widget
 * under it, and one that outlives the window a test destroys fires in the
 * next test (gdk_surface_get_device_position: assertion failed, fatal in
 * tests; about one run in three of the memo page test on a loaded
 * machine). Off every window it is worse (GTK then fails every run). X
 * places every test window and dialog at 0,0, so the pointer rests on their
 * top-left pixel: the corner of the window frame, where no widget has a
 * tooltip. */
static void
park_pointer (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL && GDK_IS_X11_DISPLAY (display))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);
      Screen *screen = DefaultScreenOfDisplay (xdisplay);

      XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0, 0, 0);
      XSync (xdisplay, False);
    }
#endif
}

/**
 * dossier_test_gui_init:
 * @argc: main()'s argument count
 * @argv: main()'s arguments
 *
 * Starts GTK for a test and libadwaita with it, as AdwApplication does in
 * the app, and without a session bus. Every GUI test's main() calls this
 * instead of gtk_test_init(): libadwaita widgets built without adw_init()
 * have no style manager and no stylesheet (and the memo page's first
 * frame once created them mid-snapshot, which crashed GTK 4.8: see
 * "Drawing and styles" in docs/app.md).
 */
void
dossier_test_gui_init (int    *argc,
                       char ***argv)
{
  disconnect_session_bus ();
  use_private_state_home ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  park_pointer ();
}

/**
 * dossier_test_gui_init_without_libadwaita:
 * @argc: main()'s argument count
 * @argv: main()'s arguments
 *
 * Starts GTK alone, as a plain GTK program does. Only for the child
 * process of a test that shows a widget does not depend on libadwaita
 * having been initialised (its main() picks this from an environment
 * variable the parent sets); every other test uses
 * dossier_test_gui_init().
 */
void
dossier_test_gui_init_without_libadwaita (int    *argc,
                                          char ***argv)
{
  disconnect_session_bus ();
  use_private_state_home ();
  gtk_test_init (argc, argv, NULL);
  park_pointer ();
}

/**
 * dossier_test_gui_spin:
 * @ms: how long, in milliseconds
 *
 * Runs the main loop for @ms, then until it has nothing left to do, so
 * that idles, timeouts and frames queued meanwhile have run.
 */
void
dossier_test_gui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * dossier_test_gui_screenshot:
 * @widget: a widget on screen
 * @name: the PNG's file name
 *
 * Saves what @widget shows to $DOSSIER_SCREENSHOT_DIR/@name, when that
 * variable is set (`make screenshots`-style runs); does nothing otherwise.
 */
void
dossier_test_gui_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("DOSSIER_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/**
 * dossier_test_gui_find_message_dialog:
 *
 * Returns: (transfer none) (nullable): the message dialog shown, if any
 */
AdwMessageDialog *
dossier_test_gui_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/**
 * dossier_test_gui_find_label:
 * @widget: where to look, with its descendants
 * @text: part of the text shown
 *
 * Returns: (transfer none) (nullable): the first drawable label under
 *   @widget whose text (as shown, markup applied) contains @text
 */
GtkLabel *
dossier_test_gui_find_label (GtkWidget  *widget,
                             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = dossier_test_gui_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
