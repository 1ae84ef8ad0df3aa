/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-citation.h"
#include "dossier-memo-block.h"
#include "dossier-memo-section.h"
#include "dossier-memo-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO (dossier_memo_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemo, dossier_memo, DOSSIER, MEMO, GObject)

DossierMemo        *dossier_memo_new                (void);

DossierMemoKind     dossier_memo_get_kind           (DossierMemo        *self);
void                dossier_memo_set_kind           (DossierMemo        *self,
                                                     DossierMemoKind     kind);
const char         *dossier_memo_get_language       (DossierMemo        *self);
gboolean            dossier_memo_set_language       (DossierMemo        *self,
                                                     const char         *language);
const char         *dossier_memo_get_marking        (DossierMemo        *self);
void                dossier_memo_set_marking        (DossierMemo        *self,
                                                     const char         *marking);
const char         *dossier_memo_get_to             (DossierMemo        *self);
void                dossier_memo_set_to             (DossierMemo        *self,
                                                     const char         *to);
const char         *dossier_memo_get_from           (DossierMemo        *self);
void                dossier_memo_set_from           (DossierMemo        *self,
                                                     const char         *from);
const char         *dossier_memo_get_date           (DossierMemo        *self);
gboolean            dossier_memo_set_date           (DossierMemo        *self,
                                                     const char         *iso_date);
const char         *dossier_memo_get_subject        (DossierMemo        *self);
void                dossier_memo_set_subject        (DossierMemo        *self,
                                                     const char         *subject);

GListModel         *dossier_memo_get_sections       (DossierMemo        *self);
guint               dossier_memo_get_n_sections     (DossierMemo        *self);
DossierMemoSection *dossier_memo_get_section        (DossierMemo        *self,
                                                     guint               position);
void                dossier_memo_append_section     (DossierMemo        *self,
                                                     DossierMemoSection *section);
void                dossier_memo_insert_section     (DossierMemo        *self,
                                                     guint               position,
                                                     DossierMemoSection *section);
void                dossier_memo_remove_section     (DossierMemo        *self,
                                                     guint               position);
void                dossier_memo_move_section       (DossierMemo        *self,
                                                     guint               from,
                                                     guint               to);
DossierMemoSection *dossier_memo_find_section       (DossierMemo        *self,
                                                     const char         *title_prefix);

GListModel         *dossier_memo_get_citations      (DossierMemo        *self);
DossierCitation    *dossier_memo_lookup_citation    (DossierMemo        *self,
                                                     const char         *id);
gboolean            dossier_memo_add_citation       (DossierMemo        *self,
                                                     DossierCitation    *citation);
gboolean            dossier_memo_remove_citation    (DossierMemo        *self,
                                                     const char         *id);
char               *dossier_memo_dup_new_citation_id (DossierMemo       *self,
                                                     const char         *hint);
char               *dossier_memo_dup_citation_id_hint (const char * const *authors,
                                                     const char         *title,
                                                     const char         *published);

G_END_DECLS
