/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * What the GUI tests share: starting GTK and libadwaita as the app does,
 * letting the main loop run for a while,
 * saving what a widget shows as a PNG for the README and the docs,
 * finding the message dialog the app has up, and a label by its text.
 */
void              dossier_test_gui_init                    (int        *argc,
                                                            char     ***argv);
void              dossier_test_gui_init_without_libadwaita (int        *argc,
                                                            char     ***argv);
void              dossier_test_gui_spin                    (guint       ms);
void              dossier_test_gui_screenshot              (GtkWidget  *widget,
                                                            const char *name);
AdwMessageDialog *dossier_test_gui_find_message_dialog     (void);
GtkLabel         *dossier_test_gui_find_label              (GtkWidget  *widget,
                                                            const char *text);

G_END_DECLS
