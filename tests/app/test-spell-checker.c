/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-spell-checker"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <enchant.h>
#include <gtk/gtk.h>

#include "memo/dossier-memo-json.h"
#include "dossier-memo-page.h"
#include "dossier-spell-checker.h"
#include "widgets/dossier-memo-text-view.h"
#include "dossier-test-gui.h"

/* The spell checker on plain text views and on the memo's own view:
 * which words get the "misspelled" tag, edits, the context menu's
 * actions, and a language with no dictionary. Needs the en_US hunspell
 * dictionary (Debian: hunspell-en-us); skips without it. Korean needs
 * hunspell-ko. */

static char *config_dir;

static GtkTextView *
create_view (const char *text)
{
  GtkWidget *view = gtk_text_view_new ();

  g_object_ref_sink (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  return GTK_TEXT_VIEW (view);
}

static void
wait_checked (DossierSpellChecker *checker)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (dossier_spell_checker_get_busy (checker))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Attaches a US English checker; FALSE (and the test skipped) without
 * the dictionary. */
static DossierSpellChecker *
attach (GtkTextView *view)
{
  DossierSpellChecker *checker = dossier_spell_checker_attach (view);

  dossier_spell_checker_set_language (checker, "en_US");
  if (dossier_spell_checker_get_dictionary (checker) == NULL)
    {
      g_test_skip ("no en_US dictionary installed (Debian: hunspell-en-us)");
      return NULL;
    }
  g_assert_true (dossier_spell_checker_get_active (checker));
  wait_checked (checker);
  return checker;
}

static gboolean
find_word (GtkTextBuffer *buffer,
           const char    *word,
           GtkTextIter   *start,
           GtkTextIter   *end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_forward_search (&iter, word, GTK_TEXT_SEARCH_TEXT_ONLY, start, end, NULL);
}

/* Whether the whole first occurrence of @word is underlined (TRUE), or
 * none of it (FALSE). */
static gboolean
is_marked (GtkTextView *view,
           const char  *word)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelled");
  GtkTextIter start, end;
  guint tagged = 0, chars = 0;

  g_assert_nonnull (tag);
  g_assert_true (find_word (buffer, word, &start, &end));
  for (GtkTextIter iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    {
      chars++;
      tagged += gtk_text_iter_has_tag (&iter, tag);
    }
  if (tagged != 0 && tagged != chars)
    g_error ("“%s” is partly underlined (%u of %u)", word, tagged, chars);
  return tagged != 0;
}

static guint
count_marked (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelled");
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  n = gtk_text_iter_starts_tag (&iter, tag);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag) && !gtk_text_iter_is_end (&iter))
    {
      if (gtk_text_iter_starts_tag (&iter, tag))
        n++;
    }
  return n;
}

static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_label (section, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        return TRUE;
    }
  return FALSE;
}

/* Whether @model, shown as GTK shows a context menu, has an item that
 * reads @text (labels there take "_" as a mnemonic). */
static gboolean
menu_shows (GMenuModel *model,
            const char *text)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkPopover *popover;
  gboolean found;

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), model);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  for (guint waited = 0; !gtk_widget_get_mapped (GTK_WIDGET (popover)) && waited < 500; waited++)
    dossier_test_gui_spin (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  found = dossier_test_gui_find_label (GTK_WIDGET (popover), text) != NULL &&
          g_str_equal (gtk_label_get_text (dossier_test_gui_find_label (GTK_WIDGET (popover), text)), text);
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (20);
  return found;
}

static void
open_menu_on (DossierSpellChecker *checker,
              const char          *word)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_spell_checker_get_view (checker));
  GtkTextIter start, end;

  g_assert_true (find_word (buffer, word, &start, &end));
  gtk_text_iter_forward_char (&start);
  dossier_spell_checker_update_menu (checker, &start);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_iter_get_slice (&start, &end);
}

static void
test_misspelled (void)
{
  g_autoptr(GtkTextView) view = create_view ("The analsyt wrote a brefing memo for the minister "
                                             "on denuclearization and counterterrorism.");
  DossierSpellChecker *checker = attach (view);

  if (checker == NULL)
    return;
  g_assert_true (is_marked (view, "analsyt"));
  g_assert_true (is_marked (view, "brefing"));
  g_assert_false (is_marked (view, "The"));
  g_assert_false (is_marked (view, "memo"));
  g_assert_false (is_marked (view, "minister"));
  /* Policy words hunspell lacks. */
  g_assert_false (is_marked (view, "denuclearization"));
  g_assert_false (is_marked (view, "counterterrorism"));
  g_assert_cmpuint (count_marked (view), ==, 2);
}

static void
test_skipped (void)
{
  const char *text =
    "BLUF: the NATO summit[^klingnr2024] matters.[^xyzzyq] See https://exmaple.org/wrods/teh and "
    "www.exmaple.com or mail brefings@exmaple.org. Codes G7 and F35A and 2024th. "
    "대북 정책 브리핑 메모와 北朝鮮 and ひらがな. **Bold** and *italic* text.";
  g_autoptr(GtkTextView) view = create_view (text);
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkWidget *memo_view;
  DossierSpellChecker *checker = attach (view);

  if (checker == NULL)
    return;
  g_assert_cmpuint (count_marked (view), ==, 0);

  /* The memo's own view hides markers behind their numbers ("citation"). */
  gtk_text_buffer_set_text (buffer, "As agreed.[^qwzlk] A wrnog word.", -1);
  memo_view = g_object_ref_sink (dossier_memo_text_view_new (buffer));
  dossier_memo_text_view_update_markers (DOSSIER_MEMO_TEXT_VIEW (memo_view));
  checker = attach (GTK_TEXT_VIEW (memo_view));
  g_assert_false (is_marked (GTK_TEXT_VIEW (memo_view), "qwzlk"));
  g_assert_true (is_marked (GTK_TEXT_VIEW (memo_view), "wrnog"));
  g_assert_cmpuint (count_marked (GTK_TEXT_VIEW (memo_view)), ==, 1);
  g_object_unref (memo_view);
}

static void
test_edit (void)
{
  g_autoptr(GtkTextView) view = create_view ("A quikc test of the checker.");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  DossierSpellChecker *checker = attach (view);
  GtkTextIter start, end;

  if (checker == NULL)
    return;
  g_assert_true (is_marked (view, "quikc"));

  /* Fixing the word clears the underline. */
  g_assert_true (find_word (buffer, "quikc", &start, &end));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "quick", -1);
  wait_checked (checker);
  g_assert_false (is_marked (view, "quick"));

  /* Breaking one sets it. */
  g_assert_true (find_word (buffer, "test", &start, &end));
  gtk_text_iter_forward_chars (&start, 2);
  gtk_text_buffer_insert (buffer, &start, "zq", -1);
  wait_checked (checker);
  g_assert_true (is_marked (view, "tezqst"));

  /* Joining two words judges the joined word. */
  g_assert_true (find_word (buffer, "of the", &start, &end));
  gtk_text_iter_forward_chars (&start, 2);
  end = start;
  gtk_text_iter_forward_char (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  wait_checked (checker);
  g_assert_true (is_marked (view, "ofthe"));
  g_assert_cmpuint (count_marked (view), ==, 2);
}

static void
test_typing (void)
{
  g_autoptr(GtkTextView) view = create_view ("Words ");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  DossierSpellChecker *checker = attach (view);
  GtkTextIter iter;

  if (checker == NULL)
    return;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  for (const char *p = "teh"; *p; p++)
    {
      char key[2] = { *p, 0 };

      gtk_text_buffer_insert_interactive_at_cursor (buffer, key, -1, TRUE);
      wait_checked (checker);
      /* Half a word is not a misspelling yet. */
      g_assert_cmpuint (count_marked (view), ==, 0);
    }
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " ", -1, TRUE);
  wait_checked (checker);
  g_assert_true (is_marked (view, "teh"));

  /* Leaving a word by moving the cursor also judges it. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "a", -1, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "n", -1, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "d", -1, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "q", -1, TRUE);
  wait_checked (checker);
  g_assert_false (is_marked (view, "andq"));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  wait_checked (checker);
  g_assert_true (is_marked (view, "andq"));
}

static void
test_replace_undo (void)
{
  g_autoptr(GtkTextView) view = create_view ("We recieve memos daily.");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  DossierSpellChecker *checker = attach (view);
  g_autofree char *text = NULL;
  g_autofree char *undone = NULL;
  g_auto(GStrv) suggestions = NULL;

  if (checker == NULL)
    return;

  suggestions = dossier_spell_checker_dup_suggestions (checker, "recieve");
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "receive"));

  open_menu_on (checker, "recieve");
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "receive"));
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Add to Dictionary"));
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Ignore All"));
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Check Spelling"));
  /* The checker shows the view's menu itself: GtkTextView's would put
   * the suggestions after its own items. */
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Cu_t"));
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Insert _Emoji"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.replace", "s", "receive"));
  text = get_text (view);
  g_assert_cmpstr (text, ==, "We receive memos daily.");
  wait_checked (checker);
  g_assert_cmpuint (count_marked (view), ==, 0);

  /* One Ctrl+Z brings the word back. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  undone = get_text (view);
  g_assert_cmpstr (undone, ==, "We recieve memos daily.");
  wait_checked (checker);
  g_assert_true (is_marked (view, "recieve"));

  /* A word that is fine has no suggestions in the menu. */
  open_menu_on (checker, "memos");
  g_assert_false (menu_has_label (dossier_spell_checker_get_menu (checker), "Ignore All"));
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "Check Spelling"));
}

static void
test_ignore_all (void)
{
  g_autoptr(GtkTextView) view = create_view ("Zorblaxian envoys met Zorblaxian staff.");
  g_autoptr(GtkTextView) other = create_view ("A Zorblaxian note.");
  DossierSpellChecker *checker = attach (view);
  DossierSpellChecker *other_checker;

  if (checker == NULL)
    return;
  other_checker = attach (other);
  g_assert_cmpuint (count_marked (view), ==, 2);
  g_assert_true (is_marked (other, "Zorblaxian"));

  open_menu_on (checker, "Zorblaxian");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.ignore", NULL));
  wait_checked (checker);
  wait_checked (other_checker);
  /* Everywhere, in every section. */
  g_assert_cmpuint (count_marked (view), ==, 0);
  g_assert_cmpuint (count_marked (other), ==, 0);
}

static void
test_add_to_dictionary (void)
{
  g_autoptr(GtkTextView) view = create_view ("The Qorvathi delegation.");
  DossierSpellChecker *checker = attach (view);
  g_autofree char *path = NULL;
  g_autofree char *words = NULL;

  if (checker == NULL)
    return;
  g_assert_true (is_marked (view, "Qorvathi"));
  open_menu_on (checker, "Qorvathi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.add", NULL));
  wait_checked (checker);
  g_assert_false (is_marked (view, "Qorvathi"));

  /* Kept in the personal word list (here in the test's config dir). */
  path = g_build_filename (config_dir, "enchant", "en_US.dic", NULL);
  g_assert_true (g_file_get_contents (path, &words, NULL, NULL));
  g_assert_nonnull (strstr (words, "Qorvathi"));
}

static void
test_known_words (void)
{
  g_autoptr(GtkTextView) view = create_view ("Klingner and Kim Seo-yeon disagree with Qwertz.");
  g_autoptr(GtkTextView) other = create_view ("Klingner wrote it.");
  const char * const names[] = { "Bruce Klingner", "Kim Seo-yeon", NULL };
  DossierSpellChecker *checker = attach (view);
  DossierSpellChecker *other_checker;

  if (checker == NULL)
    return;
  other_checker = attach (other);
  g_assert_true (is_marked (view, "Klingner"));
  g_assert_true (is_marked (view, "yeon"));

  dossier_spell_checker_set_known_words (checker, names);
  wait_checked (checker);
  g_assert_false (is_marked (view, "Klingner"));
  g_assert_false (is_marked (view, "yeon"));
  g_assert_true (is_marked (view, "Qwertz"));
  /* This memo's names only. */
  wait_checked (other_checker);
  g_assert_true (is_marked (other, "Klingner"));

  dossier_spell_checker_set_known_words (checker, NULL);
  wait_checked (checker);
  g_assert_true (is_marked (view, "Klingner"));
}

static void
test_no_dictionary (void)
{
  g_autoptr(GtkTextView) view = create_view ("Teh analsyt.");
  DossierSpellChecker *checker = dossier_spell_checker_attach (view);
  GtkTextIter iter;

  dossier_spell_checker_set_language (checker, "xx_YY");
  g_assert_false (dossier_spell_checker_get_active (checker));
  g_assert_null (dossier_spell_checker_get_dictionary (checker));
  g_assert_false (dossier_spell_checker_get_busy (checker));
  g_assert_cmpuint (count_marked (view), ==, 0);

  /* The menu says why (the tag as it is: "_" marks no mnemonic there),
   * and offers nothing to do. */
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  dossier_spell_checker_update_menu (checker, &iter);
  g_assert_true (menu_shows (dossier_spell_checker_get_menu (checker), "No Spelling Dictionary for “xx_YY”"));
  g_assert_false (menu_has_label (dossier_spell_checker_get_menu (checker), "Ignore All"));

  /* Typing on is fine. */
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), " Mroe text.", -1);
  g_assert_false (dossier_spell_checker_get_busy (checker));
  g_assert_cmpuint (count_marked (view), ==, 0);

  /* A hostile tag is no dictionary either. */
  dossier_spell_checker_set_language (checker, "../../etc/passwd");
  g_assert_false (dossier_spell_checker_get_active (checker));
}

static void
test_toggle (void)
{
  g_autoptr(GtkTextView) view = create_view ("A mispeled word.");
  DossierSpellChecker *checker = attach (view);
  g_autoptr(GSettings) settings = NULL;

  if (checker == NULL)
    return;
  g_assert_true (is_marked (view, "mispeled"));

  settings = g_settings_new ("io.github.dossier.Dossier");
  g_settings_set_boolean (settings, "memo-spell-check", FALSE);
  g_assert_false (dossier_spell_checker_get_enabled (checker));
  g_assert_false (dossier_spell_checker_get_active (checker));
  g_assert_cmpuint (count_marked (view), ==, 0);

  /* The menu item toggles the setting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.enabled", NULL));
  g_assert_true (g_settings_get_boolean (settings, "memo-spell-check"));
  wait_checked (checker);
  g_assert_true (is_marked (view, "mispeled"));
}

static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GtkTextView) view = NULL;
  DossierSpellChecker *checker;
  gint64 start, longest = 0, before;
  guint iterations = 0;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (text, i % 10 == 9 ? "wrodz" : "policy");
      g_string_append (text, i % 100 == 99 ? ".\n" : " ");
    }
  view = create_view (text->str);
  checker = dossier_spell_checker_attach (view);
  dossier_spell_checker_set_language (checker, "en_US");
  if (dossier_spell_checker_get_dictionary (checker) == NULL)
    {
      g_test_skip ("no en_US dictionary installed");
      return;
    }

  start = g_get_monotonic_time ();
  while (dossier_spell_checker_get_busy (checker))
    {
      before = g_get_monotonic_time ();
      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - before);
      iterations++;
    }
  g_test_message ("20,000 words checked in %.0f ms over %u main loop runs, longest run %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0, iterations, longest / 1000.0);
  g_assert_cmpuint (count_marked (view), ==, 2000);
  /* Chunks: the main loop ran between them. */
  g_assert_cmpuint (iterations, >, 3);
  /* Not a stall (generous for loaded CI machines and sanitizers). */
  g_assert_cmpint (longest, <, 250 * 1000);
}

/* The memo editor checks every section as the analyst writes it, and a
 * replacement reaches the memo. */
static void
test_memo_page (void)
{
  const char *json =
    "{\"format\":\"dossier-memo\",\"version\":1,"
    "\"header\":{\"marking\":\"UNCLASSIFIED\",\"to\":\"Director\",\"from\":\"Desk\","
    "\"date\":\"2026-11-24\",\"subject\":\"Talks\"},"
    "\"sections\":[{\"title\":\"BLUF\",\"blocks\":[{\"type\":\"paragraph\","
    "\"text\":\"The new goverment in Seoul wants talks.[^klngr]\"}]},"
    "{\"title\":\"Background\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"Talks stalled in 2019.\"}]}],"
    "\"citations\":[{\"id\":\"klngr\",\"quote\":null,\"locator\":null,\"library_id\":null,"
    "\"document\":{\"title\":\"Interim Steps\",\"authors\":[\"Bruce Klingner\"],"
    "\"publisher\":null,\"published\":null,\"source_url\":null}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = dossier_memo_from_json (json, -1, &error);
  g_autoptr(DossierMemoSection) section = NULL;
  g_autofree char *source = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkTextView *view;
  DossierSpellChecker *checker;

  g_assert_no_error (error);
  page = dossier_memo_page_new (memo);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  for (guint i = 0; i < 2; i++)
    {
      view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), i);
      g_assert_nonnull (view);
      g_assert_nonnull (dossier_spell_checker_get_for_view (view));
    }

  view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 0);
  checker = dossier_spell_checker_get_for_view (view);
  dossier_spell_checker_set_language (checker, "en_US");
  if (dossier_spell_checker_get_dictionary (checker) == NULL)
    {
      gtk_window_destroy (window);
      g_test_skip ("no en_US dictionary installed");
      return;
    }
  wait_checked (checker);
  g_assert_true (is_marked (view, "goverment"));
  g_assert_false (is_marked (view, "klngr"));
  g_assert_cmpuint (count_marked (view), ==, 1);

  open_menu_on (checker, "goverment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.replace", "s", "government"));
  section = g_list_model_get_item (dossier_memo_get_sections (memo), 0);
  source = dossier_memo_section_dup_source_text (section);
  g_assert_cmpstr (source, ==, "The new government in Seoul wants talks.[^klngr]");

  gtk_window_destroy (window);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static int
label_index (GPtrArray  *labels,
             const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (labels->pdata[i], text))
      return i;
  return -1;
}

/* The context menu opens with the suggestions, above Cut, Copy and
 * Paste; choosing one leaves the caret after the new word and the page
 * where it was. */
static void
test_menu_first (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *page, *popover, *item;
  GtkWindow *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  DossierSpellChecker *checker;
  GtkTextIter start, end, cursor;
  double value;
  int word_end;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "Talks resumed in the spring and stalled again by the autumn. ");
  g_string_append (text, "The goverment in Seoul wants talks. ");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "Talks resumed in the spring and stalled again by the autumn. ");
  g_string_printf (json,
                   "{\"format\":\"dossier-memo\",\"version\":1,"
                   "\"header\":{\"marking\":\"UNCLASSIFIED\",\"to\":\"Director\",\"from\":\"Desk\","
                   "\"date\":\"2026-11-24\",\"subject\":\"Talks\"},"
                   "\"sections\":[{\"title\":\"BLUF\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"%s\"}]}],"
                   "\"citations\":[]}", text->str);
  memo = dossier_memo_from_json (json->str, -1, &error);
  g_assert_no_error (error);
  page = dossier_memo_page_new (memo);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 600);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  view = dossier_memo_page_get_section_view (DOSSIER_MEMO_PAGE (page), 0);
  buffer = gtk_text_view_get_buffer (view);
  checker = dossier_spell_checker_get_for_view (view);
  dossier_spell_checker_set_language (checker, "en_US");
  if (dossier_spell_checker_get_dictionary (checker) == NULL)
    {
      gtk_window_destroy (window);
      g_test_skip ("no en_US dictionary installed");
      return;
    }
  wait_checked (checker);
  g_assert_true (is_marked (view, "goverment"));

  /* The word in the middle of the page, the cursor in it. */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  for (guint waited = 0; gtk_adjustment_get_upper (adjustment) < 2 * gtk_adjustment_get_page_size (adjustment) + 200 && waited < 500; waited++)
    dossier_test_gui_spin (10);
  g_assert_true (find_word (buffer, "goverment", &start, &end));
  gtk_text_iter_forward_chars (&start, 3);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  dossier_test_gui_spin (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2 - 150);
  dossier_test_gui_spin (100);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 100);

  dossier_spell_checker_popup_menu (checker, &start);
  popover = dossier_spell_checker_get_popover (checker);
  g_assert_nonnull (popover);
  for (guint waited = 0; !gtk_widget_get_mapped (popover) && waited < 500; waited++)
    dossier_test_gui_spin (10);
  g_assert_true (gtk_widget_get_mapped (popover));
  dossier_test_gui_screenshot (popover, "spell-menu.png");
  collect_labels (popover, labels);
  g_assert_cmpint (label_index (labels, "government"), ==, 0);
  g_assert_cmpint (label_index (labels, "Ignore All"), >, 0);
  g_assert_cmpint (label_index (labels, "Cut"), >, label_index (labels, "Ignore All"));
  g_assert_cmpint (label_index (labels, "Paste"), >, label_index (labels, "Cut"));
  g_assert_cmpint (label_index (labels, "Check Spelling"), >, label_index (labels, "Paste"));

  /* Chosen as a click does. */
  item = GTK_WIDGET (dossier_test_gui_find_label (popover, "government"));
  while (item != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (item), "GtkModelButton"))
    item = gtk_widget_get_parent (item);
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  for (guint waited = 0; gtk_widget_get_mapped (popover) && waited < 500; waited++)
    dossier_test_gui_spin (10);
  dossier_test_gui_spin (200);

  g_assert_true (find_word (buffer, "The government in Seoul", &start, &end));
  word_end = gtk_text_iter_get_offset (&start) + strlen ("The government");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, word_end);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - value), <, 1);

  gtk_window_destroy (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Hangul goes to the Korean dictionary, whatever the memo's language;
 * Latin words to the main one. Skips without hunspell-ko. */
static void
test_korean (void)
{
  g_autoptr(GtkTextView) view = create_view ("정부는 협상을 재개할 계회이다. The analsyt agreed. "
                                             "北朝鮮 and K팝 stay unchecked.");
  EnchantBroker *broker = enchant_broker_init ();
  gboolean have_korean = enchant_broker_dict_exists (broker, "ko_KR") == 1;
  DossierSpellChecker *checker;
  g_auto(GStrv) suggestions = NULL;

  enchant_broker_free (broker);
  if (!have_korean)
    {
      g_test_skip ("no ko_KR dictionary installed (Debian: hunspell-ko)");
      return;
    }
  if ((checker = attach (view)) == NULL)
    return;
  g_assert_true (is_marked (view, "계회이다"));
  g_assert_false (is_marked (view, "정부는"));
  g_assert_false (is_marked (view, "협상을"));
  g_assert_true (is_marked (view, "analsyt"));
  g_assert_cmpuint (count_marked (view), ==, 2);
  g_assert_false (dossier_spell_checker_check_word (checker, "졍부는"));
  g_assert_true (dossier_spell_checker_check_word (checker, "정부는"));

  suggestions = dossier_spell_checker_dup_suggestions (checker, "계회이다");
  g_assert_nonnull (suggestions);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "계획이다"));
  open_menu_on (checker, "계회이다");
  g_assert_true (menu_has_label (dossier_spell_checker_get_menu (checker), "계획이다"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.ignore", NULL));
  wait_checked (checker);
  g_assert_false (is_marked (view, "계회이다"));
  g_assert_true (is_marked (view, "analsyt"));

  /* A Korean memo: English still checks its Latin words. */
  dossier_spell_checker_set_language (checker, "ko");
  wait_checked (checker);
  g_assert_true (g_str_has_prefix (dossier_spell_checker_get_dictionary (checker), "en"));
  g_assert_true (is_marked (view, "analsyt"));
  g_assert_false (is_marked (view, "정부는"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The personal word list goes to $XDG_CONFIG_HOME/enchant: never the
   * user's own. */
  config_dir = g_dir_make_tmp ("dossier-spell-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);

  dossier_test_gui_init (&argc, &argv);

  g_test_add_func ("/dossier/app/spell/misspelled", test_misspelled);
  g_test_add_func ("/dossier/app/spell/skipped", test_skipped);
  g_test_add_func ("/dossier/app/spell/edit", test_edit);
  g_test_add_func ("/dossier/app/spell/typing", test_typing);
  g_test_add_func ("/dossier/app/spell/replace-undo", test_replace_undo);
  g_test_add_func ("/dossier/app/spell/ignore-all", test_ignore_all);
  g_test_add_func ("/dossier/app/spell/add-to-dictionary", test_add_to_dictionary);
  g_test_add_func ("/dossier/app/spell/known-words", test_known_words);
  g_test_add_func ("/dossier/app/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/dossier/app/spell/toggle", test_toggle);
  g_test_add_func ("/dossier/app/spell/long-text", test_long_text);
  g_test_add_func ("/dossier/app/spell/memo-page", test_memo_page);
  g_test_add_func ("/dossier/app/spell/menu-first", test_menu_first);
  g_test_add_func ("/dossier/app/spell/korean", test_korean);

  status = g_test_run ();
  remove_tree (config_dir);
  g_free (config_dir);
  return status;
}
