/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-search-result.h"

G_BEGIN_DECLS

/* For DossierLibrary only: a snippet made when first asked for. A search
 * may return a thousand results of which a view shows twenty; making
 * every snippet up front would cost more than the search. */
typedef char *(*DossierSnippetLoader) (GObject    *owner,
                                       const char *match,
                                       gint64      rowid,
                                       guint      *page);

void dossier_search_result_set_snippet_loader (DossierSearchResult  *self,
                                               GObject              *owner,
                                               DossierSnippetLoader  loader,
                                               const char           *match,
                                               gint64                rowid);

void dossier_search_result_set_page           (DossierSearchResult  *self,
                                               guint                 page);

G_END_DECLS
