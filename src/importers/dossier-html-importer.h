/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/dossier-document.h"

G_BEGIN_DECLS

/* Pages with more tags than this are refused before parsing: no article
 * needs them, and the parse tree of such a flood would take gigabytes. */
#define DOSSIER_HTML_MAX_TAGS 2000000

DossierDocument *dossier_html_importer_import (const char  *data,
                                               gsize        length,
                                               const char  *charset,
                                               const char  *source_url,
                                               const char  *name_hint,
                                               GError     **error);
char            *dossier_html_decode          (const char  *data,
                                               gsize        length,
                                               const char  *charset,
                                               GError     **error);

G_END_DECLS
