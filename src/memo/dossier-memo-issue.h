/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DossierMemoIssueKind:
 * @DOSSIER_MEMO_ISSUE_DANGLING_MARKER: a `[^ID]` marker names no citation (error)
 * @DOSSIER_MEMO_ISSUE_UNUSED_CITATION: a citation no marker refers to (error)
 * @DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG: a block holds more text than a memo can lay out (error)
 * @DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH: a quoted excerpt is not in its source (error)
 * @DOSSIER_MEMO_ISSUE_UNVERIFIED: a quote whose source is not in the library (warning)
 * @DOSSIER_MEMO_ISSUE_BLUF_LENGTH: the bottom line up front is over four lines (warning)
 * @DOSSIER_MEMO_ISSUE_APPROVE_LINES: a decision memo without Approve/Disapprove lines (warning)
 * @DOSSIER_MEMO_ISSUE_PAGE_COUNT: an action memo over two pages (warning)
 * @DOSSIER_MEMO_ISSUE_MARKING: handling marks disagree between header and sections (warning)
 * @DOSSIER_MEMO_ISSUE_PLACEHOLDER: a template's placeholder is still in the memo (warning)
 * @DOSSIER_MEMO_ISSUE_THIN_SOURCE: a source with only an author and a title (warning)
 * @DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT: a block quotation without a portion mark in a portion-marked memo (warning)
 */
typedef enum {
  DOSSIER_MEMO_ISSUE_DANGLING_MARKER,
  DOSSIER_MEMO_ISSUE_UNUSED_CITATION,
  DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG,
  DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH,
  DOSSIER_MEMO_ISSUE_UNVERIFIED,
  DOSSIER_MEMO_ISSUE_BLUF_LENGTH,
  DOSSIER_MEMO_ISSUE_APPROVE_LINES,
  DOSSIER_MEMO_ISSUE_PAGE_COUNT,
  DOSSIER_MEMO_ISSUE_MARKING,
  DOSSIER_MEMO_ISSUE_PLACEHOLDER,
  DOSSIER_MEMO_ISSUE_THIN_SOURCE,
  DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT,
} DossierMemoIssueKind;

#define DOSSIER_TYPE_MEMO_ISSUE (dossier_memo_issue_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoIssue, dossier_memo_issue, DOSSIER, MEMO_ISSUE, GObject)

DossierMemoIssue     *dossier_memo_issue_new                 (DossierMemoIssueKind  kind,
                                                              const char           *message);
DossierMemoIssueKind  dossier_memo_issue_get_kind            (DossierMemoIssue     *self);
gboolean              dossier_memo_issue_is_error            (DossierMemoIssue     *self);
const char           *dossier_memo_issue_get_code            (DossierMemoIssue     *self);
const char           *dossier_memo_issue_get_message         (DossierMemoIssue     *self);
const char           *dossier_memo_issue_get_citation_id     (DossierMemoIssue     *self);
void                  dossier_memo_issue_set_citation_id     (DossierMemoIssue     *self,
                                                              const char           *citation_id);
int                   dossier_memo_issue_get_section         (DossierMemoIssue     *self);
void                  dossier_memo_issue_set_section         (DossierMemoIssue     *self,
                                                              int                   section);
const char           *dossier_memo_issue_get_closest_passage (DossierMemoIssue     *self);
double                dossier_memo_issue_get_similarity      (DossierMemoIssue     *self);
void                  dossier_memo_issue_set_closest_passage (DossierMemoIssue     *self,
                                                              const char           *passage,
                                                              double                similarity);

G_END_DECLS
