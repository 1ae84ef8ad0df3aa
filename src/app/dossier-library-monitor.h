/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_MONITOR (dossier_library_monitor_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryMonitor, dossier_library_monitor, DOSSIER, LIBRARY_MONITOR, GObject)

DossierLibraryMonitor *dossier_library_monitor_new (const char *path);

G_END_DECLS
