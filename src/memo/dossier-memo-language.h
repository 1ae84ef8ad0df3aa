/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierMemoLabel:
 * @DOSSIER_MEMO_LABEL_MEMORANDUM_FOR: the recipient line of a memo or brief
 * @DOSSIER_MEMO_LABEL_ACTION_MEMO_FOR: the recipient line of an action memo
 * @DOSSIER_MEMO_LABEL_INFORMATION_MEMO_FOR: the recipient line of an information memo
 * @DOSSIER_MEMO_LABEL_FROM: the sender line
 * @DOSSIER_MEMO_LABEL_DATE: the date line
 * @DOSSIER_MEMO_LABEL_SUBJECT: the subject line
 * @DOSSIER_MEMO_LABEL_PAGE_N_OF_M: the page footer, a format taking the
 *   page number and the page count (both %u)
 *
 * The fixed words a memo prints, in the memo's language.
 */
typedef enum {
  DOSSIER_MEMO_LABEL_MEMORANDUM_FOR,
  DOSSIER_MEMO_LABEL_ACTION_MEMO_FOR,
  DOSSIER_MEMO_LABEL_INFORMATION_MEMO_FOR,
  DOSSIER_MEMO_LABEL_FROM,
  DOSSIER_MEMO_LABEL_DATE,
  DOSSIER_MEMO_LABEL_SUBJECT,
  DOSSIER_MEMO_LABEL_PAGE_N_OF_M,
} DossierMemoLabel;

const char * const *dossier_memo_languages                    (void);
gboolean            dossier_memo_language_is_supported        (const char       *language);
const char         *dossier_memo_language_get_name            (const char       *language);
const char         *dossier_memo_language_for_locale          (void);
const char         *dossier_memo_language_get_label           (const char       *language,
                                                               DossierMemoLabel  label);
char               *dossier_memo_language_format_date         (const char       *language,
                                                               const char       *iso_date);
char               *dossier_memo_language_format_page         (const char       *language,
                                                               guint             page,
                                                               guint             n_pages);

G_END_DECLS
