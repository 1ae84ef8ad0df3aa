/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dossier_time_label_format     (GDateTime *when,
                                     GDateTime *now,
                                     gboolean   twelve_hour);
char *dossier_time_label_format_now (GDateTime *when);

G_END_DECLS
