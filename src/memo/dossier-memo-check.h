/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/dossier-document.h"
#include "dossier-memo-issue.h"
#include "dossier-memo.h"

G_BEGIN_DECLS

/* The most text one block (paragraph, bullet list, quotation) can hold
 * and still be printed whole: what the PDF layout takes in one block
 * (MAX_BLOCK_TEXT in src/export/dossier-layout-document.c). Some forty
 * thousand words, far beyond any memo's paragraph; longer is an error of
 * dossier_memo_check_references(), not a silent cut. */
#define DOSSIER_MEMO_MAX_BLOCK_TEXT (256 * 1024)

/**
 * DossierMemoSourceFunc:
 * @citation: a citation with a quote
 * @user_data: closure
 * @error: set only when the lookup itself failed (library unreadable)
 *
 * Finds the full document (paragraphs loaded) a citation quotes from.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when it is
 *   not available (the quote is then reported as unverified)
 */
typedef DossierDocument *(*DossierMemoSourceFunc) (DossierCitation  *citation,
                                                   gpointer          user_data,
                                                   GError          **error);

/**
 * DossierMemoLayoutHooks:
 * @count_pages: returns the number of pages @memo lays out to, or 0 when unknown
 * @count_lines: returns how many lines @section's body takes when laid out, or 0
 * @user_data: passed to both
 *
 * Lets the PDF layout engine give lint real figures instead of estimates.
 */
typedef struct {
  guint    (*count_pages) (DossierMemo        *memo,
                           gpointer            user_data);
  guint    (*count_lines) (DossierMemo        *memo,
                           DossierMemoSection *section,
                           gpointer            user_data);
  gpointer   user_data;
} DossierMemoLayoutHooks;

/* Estimates used without a layout: characters per line of body text and
 * lines per page (12 pt Times on Letter with 1-inch margins). */
#define DOSSIER_MEMO_CHARS_PER_LINE 90
#define DOSSIER_MEMO_LINES_PER_PAGE 46

void        dossier_memo_set_default_layout_hooks (const DossierMemoLayoutHooks *hooks);

GListModel *dossier_memo_check                  (DossierMemo                  *memo,
                                                 DossierMemoSourceFunc         find_source,
                                                 gpointer                      user_data,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);
void        dossier_memo_check_references       (DossierMemo                  *memo,
                                                 GListStore                   *issues);
gboolean    dossier_memo_check_quotes           (DossierMemo                  *memo,
                                                 DossierMemoSourceFunc         find_source,
                                                 gpointer                      user_data,
                                                 GListStore                   *issues,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);
void        dossier_memo_lint                   (DossierMemo                  *memo,
                                                 const DossierMemoLayoutHooks *hooks,
                                                 GListStore                   *issues);
DossierMemoSection *dossier_memo_find_bluf_section (DossierMemo              *memo);
guint       dossier_memo_estimate_lines         (DossierMemoSection           *section);
guint       dossier_memo_estimate_pages         (DossierMemo                  *memo);

char       *dossier_normalize_for_quote         (const char                   *text);
gboolean    dossier_document_contains_quote     (DossierDocument              *document,
                                                 const char                   *quote);
char       *dossier_document_find_closest_passage (DossierDocument            *document,
                                                 const char                   *quote,
                                                 double                       *similarity);

G_END_DECLS
