/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/dossier-library.h"
#include "dossier-citation.h"

G_BEGIN_DECLS

DossierDocument *dossier_memo_library_find_source (DossierCitation  *citation,
                                                   gpointer          library,
                                                   GError          **error);

G_END_DECLS
