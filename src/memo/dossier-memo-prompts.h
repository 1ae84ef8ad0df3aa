/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *dossier_memo_find_template_prompt (const char  *text);
GHashTable *dossier_message_catalogue_load    (const char  *path,
                                               GError     **error);

G_END_DECLS
