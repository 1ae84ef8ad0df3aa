/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dossier_decode_text (const char  *data,
                           gsize        length,
                           GError     **error);

G_END_DECLS
