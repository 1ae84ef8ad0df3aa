/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-reference.h"

G_BEGIN_DECLS

GPtrArray *dossier_ris_read  (const char  *text,
                              GPtrArray   *problems,
                              GError     **error);
char      *dossier_ris_write (GPtrArray   *documents,
                              gsize       *length);

G_END_DECLS
