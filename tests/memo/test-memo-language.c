/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-memo-language"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <poppler.h>

#include "export/dossier-memo-layout.h"
#include "export/dossier-pdf-exporter.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-language.h"
#include "memo/dossier-memo-section.h"
#include "memo/dossier-memo-templates.h"

/* Poppler 22 (Debian 12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* A memo is written in a language of its own, which its PDF prints its
 * labels and dates in, whatever the interface's language. */

static void
test_labels_and_dates (void)
{
  g_autofree char *en_date = dossier_memo_language_format_date ("en", "2025-03-04");
  g_autofree char *ko_date = dossier_memo_language_format_date ("ko", "2025-03-04");
  g_autofree char *other_date = dossier_memo_language_format_date ("de", "2025-03-04");
  g_autofree char *en_page = dossier_memo_language_format_page ("en", 2, 5);
  g_autofree char *ko_page = dossier_memo_language_format_page ("ko", 2, 5);

  g_assert_cmpstr (en_date, ==, "March 4, 2025");
  g_assert_cmpstr (ko_date, ==, "2025년 3월 4일");
  g_assert_cmpstr (other_date, ==, "March 4, 2025");
  g_assert_null (dossier_memo_language_format_date ("ko", "2025-13-01"));
  g_assert_null (dossier_memo_language_format_date ("ko", NULL));
  g_assert_cmpstr (en_page, ==, "Page 2 of 5");
  g_assert_cmpstr (ko_page, ==, "5쪽 중 2쪽");

  g_assert_cmpstr (dossier_memo_language_get_label ("ko", DOSSIER_MEMO_LABEL_SUBJECT), ==, "제목:");
  g_assert_cmpstr (dossier_memo_language_get_label ("en", DOSSIER_MEMO_LABEL_ACTION_MEMO_FOR), ==, "ACTION MEMO FOR");
  g_assert_cmpstr (dossier_memo_language_get_label ("fr", DOSSIER_MEMO_LABEL_FROM), ==, "FROM:");
  g_assert_cmpstr (dossier_memo_language_get_name ("ko"), ==, "한국어");
  g_assert_true (dossier_memo_language_is_supported ("en"));
  g_assert_false (dossier_memo_language_is_supported ("fr"));
}

static void
test_property_and_file (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  g_autoptr(DossierMemo) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *korean = NULL;
  g_autofree char *korean_again = NULL;
  g_autofree char *bad = NULL;

  /* English by default, and not written, so older files keep their bytes. */
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "en");
  english = dossier_memo_to_json (memo, NULL);
  g_assert_null (strstr (english, "\"language\""));

  g_assert_false (dossier_memo_set_language (memo, "Korean!"));
  g_assert_false (dossier_memo_set_language (memo, NULL));
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "en");
  g_assert_true (dossier_memo_set_language (memo, "ko"));

  korean = dossier_memo_to_json (memo, NULL);
  g_assert_nonnull (strstr (korean, "\"language\" : \"ko\""));
  again = dossier_memo_from_json (korean, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_memo_get_language (again), ==, "ko");
  korean_again = dossier_memo_to_json (again, NULL);
  g_assert_cmpstr (korean_again, ==, korean);
  g_clear_object (&again);

  /* A language Dossier has no labels for (from a newer version) is kept. */
  g_assert_true (dossier_memo_set_language (memo, "pt-BR"));
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "pt-BR");

  /* Not a language tag: the reader says where. */
  bad = g_strdup_printf ("{\"format\":\"dossier-memo\",\"version\":1,\"language\":\"!!\","
                         "\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2025-03-04\",\"subject\":\"\"},"
                         "\"sections\":[],\"citations\":[]}");
  again = dossier_memo_from_json (bad, -1, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "language"));
}

static char *
export_first_page_text (DossierMemo *memo)
{
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autoptr(DossierLayoutDocument) document = dossier_memo_to_layout_document (memo);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-memo-language-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "memo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  char *text;

  g_assert_true (dossier_pdf_exporter_export (exporter, document, file, NULL, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);

  g_unlink (path);
  g_rmdir (dir);
  return text;
}

static void
test_pdf_follows_the_memo (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("요약");
  g_autofree char *english = NULL;
  g_autofree char *korean = NULL;

  dossier_memo_set_kind (memo, DOSSIER_MEMO_KIND_DECISION);
  dossier_memo_set_to (memo, "차관");
  dossier_memo_set_from (memo, "동북아시아과");
  dossier_memo_set_subject (memo, "단계적 접근");
  g_assert_true (dossier_memo_set_date (memo, "2024-05-02"));
  dossier_memo_append_section (memo, section);
  dossier_memo_section_set_source_text (section, "단계적 접근이 가능하다.");

  english = export_first_page_text (memo);
  g_assert_nonnull (strstr (english, "ACTION MEMO FOR"));
  g_assert_nonnull (strstr (english, "May 2, 2024"));

  dossier_memo_set_language (memo, "ko");
  korean = export_first_page_text (memo);
  g_assert_nonnull (strstr (korean, "결정 메모 수신:"));
  g_assert_nonnull (strstr (korean, "일자:"));
  g_assert_nonnull (strstr (korean, "2024년 5월 2일"));
  g_assert_nonnull (strstr (korean, "1쪽 중 1쪽"));
  g_assert_nonnull (strstr (english, "Page 1 of 1"));
  g_assert_null (strstr (korean, "ACTION MEMO FOR"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/memo/language/labels-and-dates", test_labels_and_dates);
  g_test_add_func ("/dossier/memo/language/property-and-file", test_property_and_file);
  g_test_add_func ("/dossier/memo/language/pdf", test_pdf_follows_the_memo);

  return g_test_run ();
}
