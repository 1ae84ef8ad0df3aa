/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-citation.h"
#include "dossier-memo-language.h"

/*
 * The language a memo is written in, and the fixed words its pages print
 * in that language ("ACTION MEMO FOR", "DATE:", "Page 1 of 2") with its
 * dates. These follow the memo, not the interface: an analyst working in
 * Korean may write a memo in English for a U.S. counterpart, and its PDF
 * must not carry Korean labels. That is why they come from this table and
 * not from the interface's translations (gettext serves one language per
 * process). The languages the memo conventions have been written for are
 * English (U.S. government style) and Korean; the rest of the memo — its
 * text, and the notes, which follow Chicago style — is the analyst's.
 */

typedef struct {
  const char *code;
  const char *name;                      /* in the language itself */
  const char *labels[DOSSIER_MEMO_LABEL_PAGE_N_OF_M + 1];
} Language;

static const Language languages[] = {
  { "en", "English",
    { "MEMORANDUM FOR", "ACTION MEMO FOR", "INFORMATION MEMO FOR",
      "FROM:", "DATE:", "SUBJECT:", "Page %u of %u" } },
  { "ko", "한국어",
    { "메모 수신:", "결정 메모 수신:", "정보 메모 수신:",
      "발신:", "일자:", "제목:", "%2$u쪽 중 %1$u쪽" } },
};

static const Language *
find_language (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];

  return &languages[0];
}

/**
 * dossier_memo_languages:
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes of the
 *   languages memos can be written in ("en", "ko")
 */
const char * const *
dossier_memo_languages (void)
{
  static const char * const codes[] = { "en", "ko", NULL };

  G_STATIC_ASSERT (G_N_ELEMENTS (codes) == G_N_ELEMENTS (languages) + 1);
  return codes;
}

/**
 * dossier_memo_language_is_supported:
 *
 * Returns: whether @language is one of dossier_memo_languages()
 */
gboolean
dossier_memo_language_is_supported (const char *language)
{
  return language != NULL && g_strv_contains (dossier_memo_languages (), language);
}

/**
 * dossier_memo_language_get_name:
 *
 * Returns: the name of @language in that language ("English", "한국어"),
 *   as language menus show it
 */
const char *
dossier_memo_language_get_name (const char *language)
{
  return find_language (language)->name;
}

/**
 * dossier_memo_language_for_locale:
 *
 * Returns: the memo language matching the user's language ("ko" for a
 *   Korean desktop), else "en"
 */
const char *
dossier_memo_language_for_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
        if (g_str_has_prefix (names[i], languages[j].code) &&
            (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.' || names[i][2] == '@'))
          return languages[j].code;
    }

  return "en";
}

/**
 * dossier_memo_language_get_label:
 *
 * Returns: @label in @language (English for a language without labels)
 */
const char *
dossier_memo_language_get_label (const char       *language,
                                 DossierMemoLabel  label)
{
  g_return_val_if_fail (label <= DOSSIER_MEMO_LABEL_PAGE_N_OF_M, "");

  return find_language (language)->labels[label];
}

/**
 * dossier_memo_language_format_date:
 * @iso_date: "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the date as the memo's prose writes
 *   it ("March 4, 2025", "2025년 3월 4일"), or %NULL if @iso_date is not
 *   a date
 */
char *
dossier_memo_language_format_date (const char *language,
                                   const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%u-%u-%u", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;

  if (g_str_equal (find_language (language)->code, "ko"))
    return g_strdup_printf ("%u년 %u월 %u일", year, month, day);

  return dossier_format_date_prose (iso_date);
}

/**
 * dossier_memo_language_format_page:
 *
 * Returns: (transfer full): the page footer ("Page 2 of 5", "5쪽 중 2쪽")
 */
char *
dossier_memo_language_format_page (const char *language,
                                   guint       page,
                                   guint       n_pages)
{
  /* The formats are this file's own, with positional arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_PAGE_N_OF_M),
                          page, n_pages);
#pragma GCC diagnostic pop
}
