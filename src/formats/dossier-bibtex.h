/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-reference.h"

G_BEGIN_DECLS

GPtrArray  *dossier_bibtex_read      (const char  *text,
                                     GPtrArray   *problems,
                                     GError     **error);
char *dossier_bibtex_write         (GPtrArray  *documents,
                                    gsize      *length);
const char *dossier_bibtex_csl_type (const char *type,
                                     gboolean    has_url);
char *dossier_bibtex_escape        (const char *text,
                                    gboolean    protect_capitals);

G_END_DECLS
