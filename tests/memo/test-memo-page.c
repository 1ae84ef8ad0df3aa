/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-test-gui.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-memo-page.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-issue.h"
#include "memo/dossier-memo-templates.h"
#include "widgets/dossier-memo-text-view.h"

/*
 * The memo editor page on its own: a decision memo from the template, an
 * excerpt added as a quote with its citation, footnote 1 shown, typing
 * and undo, bold, moving a section, save and reopen. Set
 * DOSSIER_SCREENSHOT_DIR to get a PNG of the page.
 */

#define WITHOUT_LIBADWAITA "DOSSIER_TEST_WITHOUT_LIBADWAITA"

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static DossierDocument *
make_article (void)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new ("Daniel Whitcombe");
  g_autoptr(DossierParagraph) p0 = dossier_paragraph_new ("Talks have stalled since 2019.");
  g_autoptr(DossierParagraph) p1 =
    dossier_paragraph_new ("Seoul has been clear. “A freeze is not a reward; it is a floor,” the minister said.");
  g_autoptr(DossierFootnote) note =
    dossier_footnote_new (3, "Choi Min-jun, “Remarks at the Jeju Peace Forum,” Ministry of Unification, March 5, 2024.");

  dossier_document_set_title (document, "Quiet Diplomacy on the Peninsula");
  dossier_document_set_publisher (document, "The Meridian Institute");
  dossier_document_set_published (document, "2024-04-12");
  dossier_document_add_author (document, author);
  dossier_paragraph_add_ref (p1, 3, g_utf8_strlen (dossier_paragraph_get_text (p1), -1));
  dossier_document_add_paragraph (document, p0);
  dossier_document_add_paragraph (document, p1);
  dossier_document_add_footnote (document, note);

  return document;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* As the user does it (set_text is not undoable). */
static void
replace_text (GtkTextBuffer *buffer,
              const char    *text)
{
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
test_page (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_DECISION);
  g_autoptr(DossierDocument) article = make_article ();
  g_autoptr(DossierMemo) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *reloaded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *window, *page;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  DossierCitation *citation;
  DossierMemoSection *bluf;
  GtkLabel *note_label;
  const char *original;

  dossier_memo_set_to (memo, "The Deputy Secretary");
  dossier_memo_set_from (memo, "Office of Korean Affairs");
  dossier_memo_set_subject (memo, "(U) Options for Reopening Talks");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1900);
  page = dossier_memo_page_new (memo);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  g_assert_true (dossier_memo_page_get_memo (DOSSIER_MEMO_PAGE (page)) == memo);
  g_assert_nonnull (dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 3));
  g_assert_null (dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 4));

  /* Add to Memo: a quote block with its ("quoted in") citation, footnote 1. */
  citation = dossier_memo_page_add_excerpt (DOSSIER_MEMO_PAGE (page), article, 1, 22, 64);
  g_assert_cmpstr (dossier_citation_get_id (citation), ==, "choi");
  g_assert_true (dossier_citation_is_quoted_in (citation));
  dossier_test_gui_spin (400);
  text = buffer_text (dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 3));
  g_assert_true (g_str_has_suffix (text, "\n\n> “A freeze is not a reward; it is a floor,”\n> — [^choi]"));
  note_label = find_label (page, "1. Choi Min-jun");
  g_assert_nonnull (note_label);
  g_assert_nonnull (strstr (gtk_label_get_text (note_label), "quoted in Daniel Whitcombe"));
  /* The editor shows the marker as footnote 1. */
  {
    GtkTextView *excerpt_view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 3);

    g_assert_cmpuint (dossier_memo_text_view_get_n_markers (DOSSIER_MEMO_TEXT_VIEW (excerpt_view)), ==, 1);
    g_assert_cmpuint (dossier_memo_text_view_get_note_number (DOSSIER_MEMO_TEXT_VIEW (excerpt_view), 0), ==, 1);
  }
  /* Nothing wrong but the template's placeholders still to fill in, and
   * the excerpt's portion mark in this portion-marked memo. */
  {
    GListModel *issues = dossier_memo_page_get_issues (DOSSIER_MEMO_PAGE (page));
    guint unmarked = 0;

    for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
      {
        g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

        if (g_str_equal (dossier_memo_issue_get_code (issue), "unmarked-excerpt"))
          {
            g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, 3);
            unmarked++;
            continue;
          }
        g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "placeholder");
      }
    g_assert_cmpuint (unmarked, ==, 1);
  }
  dossier_test_gui_screenshot (window, "memo-page.png");

  /* Typing changes the memo; undo takes it back. */
  bluf = dossier_memo_get_section (memo, 0);
  view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 0);
  buffer = gtk_text_view_get_buffer (view);
  original = dossier_memo_block_get_text (dossier_memo_section_get_block (bluf, 0));
  g_assert_true (g_str_has_prefix (original, "(U) [The decision"));
  replace_text (buffer, "(U) Approve the phased approach.");
  g_assert_cmpstr (dossier_memo_block_get_text (dossier_memo_section_get_block (bluf, 0)), ==,
                   "(U) Approve the phased approach.");
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_true (g_str_has_prefix (dossier_memo_block_get_text (dossier_memo_section_get_block (bluf, 0)),
                                   "(U) [The decision"));
  gtk_text_buffer_redo (buffer);

  /* Ctrl+B's action wraps the selection. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 11);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (page, "memo.bold", NULL));
  g_assert_cmpstr (dossier_memo_block_get_text (dossier_memo_section_get_block (bluf, 0)), ==,
                   "(U) **Approve** the phased approach.");

  /* Alt+Down's action moves the section being edited. */
  g_assert_true (dossier_memo_page_get_current_section (DOSSIER_MEMO_PAGE (page)) == bluf);
  g_assert_true (gtk_widget_activate_action (page, "memo.move-section-down", NULL));
  dossier_test_gui_spin (50);
  g_assert_true (dossier_memo_get_section (memo, 1) == bluf);
  g_assert_cmpstr (dossier_memo_section_get_title (dossier_memo_get_section (memo, 0)), ==, "(U) Recommendation");

  /* Removing the Approve/Disapprove line shows up in the check. */
  view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 0);
  replace_text (gtk_text_view_get_buffer (view), "(U) That you approve.");
  dossier_test_gui_spin (400);
  {
    GListModel *issues = dossier_memo_page_get_issues (DOSSIER_MEMO_PAGE (page));
    guint n_approve = 0;

    for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
      {
        g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

        if (dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_APPROVE_LINES)
          n_approve++;
        else if (dossier_memo_issue_get_kind (issue) != DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT)
          g_assert_cmpint (dossier_memo_issue_get_kind (issue), ==, DOSSIER_MEMO_ISSUE_PLACEHOLDER);
      }
    g_assert_cmpuint (n_approve, ==, 1);
  }
  dossier_test_gui_screenshot (window, "memo-page-check.png");

  /* Save and reopen. */
  tmpdir = g_dir_make_tmp ("dossier-memo-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "memo.dossier-memo", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (dossier_memo_save_file (memo, file, NULL, &error));
  g_assert_no_error (error);
  reopened = dossier_memo_load_file (file, NULL, &error);
  g_assert_no_error (error);
  saved = dossier_memo_to_json (memo, NULL);
  reloaded = dossier_memo_to_json (reopened, NULL);
  g_assert_cmpstr (saved, ==, reloaded);
  g_unlink (path);
  g_rmdir (tmpdir);

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
  g_assert_finalize_object (g_steal_pointer (&memo));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Picks item @position of a combo row as the user does: opens the row's
 * list, points at the item and clicks it. */
static void
choose_in_combo_row (AdwComboRow *row,
                     guint        position)
{
  GtkWidget *list;
  GtkPopover *popover;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  popover = GTK_POPOVER (find_widget (GTK_WIDGET (row), GTK_TYPE_POPOVER));
  g_assert_nonnull (popover);
  for (guint waited = 0; !gtk_widget_get_mapped (GTK_WIDGET (popover)) && waited < 500; waited++)
    dossier_test_gui_spin (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  list = find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  /* The list selects the item under the pointer; the click activates it. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), position, TRUE);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
  for (guint waited = 0; gtk_widget_get_mapped (GTK_WIDGET (popover)) && waited < 500; waited++)
    dossier_test_gui_spin (10);
}

/* The Language row of the header changes the memo's language, back and
 * forth, as often as the analyst likes. (Replacing the row's list while
 * the row handled the choice warned "invalid uninstantiatable type" and
 * aborted under fatal warnings.) A language Dossier has no labels for,
 * from a newer version, is shown and kept until another is chosen. */
static void
test_language (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_INFORMATION);
  GtkWidget *window, *page;
  AdwComboRow *row;
  GListModel *names;

  dossier_memo_set_language (memo, "en");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  page = dossier_memo_page_new (memo);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  row = ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "English");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "한국어");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  choose_in_combo_row (row, 1);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "ko");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  choose_in_combo_row (row, 0);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "en");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  choose_in_combo_row (row, 1);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "ko");

  /* Set elsewhere (an opened file, undo): the row follows. */
  dossier_memo_set_language (memo, "en");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  dossier_memo_set_language (memo, "de");
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "de");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "de");

  /* Chosen away from and back to through the row. */
  choose_in_combo_row (row, 1);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "ko");
  choose_in_combo_row (row, 2);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "de");
  choose_in_combo_row (row, 0);
  g_assert_cmpstr (dossier_memo_get_language (memo), ==, "en");

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
  g_assert_finalize_object (g_steal_pointer (&memo));
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* Drawing the memo never changes the style in use. In a process where
 * libadwaita was not initialised yet, the first frame of a section
 * with a footnote number created libadwaita's style manager from inside
 * the snapshot; its style sheets replaced the CSS styles of widgets
 * being drawn and GTK 4.8 read a freed one (SIGSEGV in the spell
 * checker's memo page test). The child draws the page with GTK alone,
 * without adw_init(). */
static void
test_draw_without_libadwaita (void)
{
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierDocument) article = NULL;
  GtkWidget *window, *page;
  guint painted = 0;
  gint64 deadline;

  if (!g_test_subprocess ())
    {
      g_setenv (WITHOUT_LIBADWAITA, "1", TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv (WITHOUT_LIBADWAITA);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_false (adw_is_initialized ());
  memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_INFORMATION);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  page = dossier_memo_page_new (memo);
  article = make_article ();
  dossier_memo_page_add_excerpt (DOSSIER_MEMO_PAGE (page), article, 1, 22, 64);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &painted);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (painted < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), after_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The child of /dossier/memo/page/without-libadwaita. */
  if (g_getenv (WITHOUT_LIBADWAITA) != NULL)
    dossier_test_gui_init_without_libadwaita (&argc, &argv);
  else
    dossier_test_gui_init (&argc, &argv);

  g_test_add_func ("/dossier/memo/page", test_page);
  g_test_add_func ("/dossier/memo/page/language", test_language);
  g_test_add_func ("/dossier/memo/page/without-libadwaita", test_draw_without_libadwaita);

  return g_test_run ();
}
