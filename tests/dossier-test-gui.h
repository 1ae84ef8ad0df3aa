/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * What the GUI tests share: letting the main loop run for a while, and
 * saving what a widget shows as a PNG for the README and the docs.
 */
void dossier_test_gui_spin        (guint       ms);
void dossier_test_gui_screenshot  (GtkWidget  *widget,
                                   const char *name);

G_END_DECLS
