/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/dossier-document.h"

G_BEGIN_DECLS

DossierDocument *dossier_text_importer_import  (const char  *text,
                                                const char  *name_hint,
                                                GError     **error);
char            *dossier_title_from_file_name  (const char  *name);
char            *dossier_parse_date            (const char  *text);
gboolean         dossier_is_name_suffix        (const char  *word);
gboolean         dossier_ends_with_name        (const char  *text);
void             dossier_text_importer_read_bios (DossierDocument    *document,
                                                  const char * const *paragraphs);

G_END_DECLS
