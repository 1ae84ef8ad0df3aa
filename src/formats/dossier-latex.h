/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dossier_latex_to_utf8 (const char *latex);

G_END_DECLS
