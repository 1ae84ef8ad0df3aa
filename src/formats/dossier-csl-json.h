/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-reference.h"

G_BEGIN_DECLS

GPtrArray *dossier_csl_json_read  (const char  *data,
                                   gsize        length,
                                   GPtrArray   *problems,
                                   GError     **error);
char      *dossier_csl_json_write (GPtrArray   *documents,
                                   gsize       *length);

G_END_DECLS
