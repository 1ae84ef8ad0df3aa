/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_RESULT (dossier_search_result_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchResult, dossier_search_result, DOSSIER, SEARCH_RESULT, GObject)

DossierSearchResult *dossier_search_result_new          (DossierDocument     *document,
                                                         const char          *snippet,
                                                         double               rank);
DossierDocument     *dossier_search_result_get_document (DossierSearchResult *self);
const char          *dossier_search_result_get_snippet  (DossierSearchResult *self);
double               dossier_search_result_get_rank     (DossierSearchResult *self);
guint                dossier_search_result_get_page     (DossierSearchResult *self);

G_END_DECLS
