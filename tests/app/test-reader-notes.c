/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader-notes"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "dossier-annotations-list.h"
#include "dossier-application.h"
#include "dossier-reader-page.h"
#include "dossier-tag-bar.h"
#include "dossier-window.h"
#include "memo/dossier-citation.h"
#include "memo/dossier-memo.h"
#include "store/dossier-library-collections.h"
#include "widgets/dossier-reader-view.h"

/*
 * Tags and notes in the reader: the open article's tags as pills under its
 * header, added from an entry that completes from the library's tags and
 * removed from the pills, following changes another program makes. Runs
 * under Xvfb with a memory GSettings backend and a temporary XDG_DATA_HOME
 * (set in main()); every wait is for a condition. With
 * DOSSIER_SCREENSHOT_DIR set it saves what the window shows at 1400 and
 * 700 px; run it with LANGUAGE=ko for the Korean ones.
 */

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;
static char *ids[2];

static const char * const titles[] = {
  "Shipping Lanes and Sanctions Enforcement",
  "동해 항만 접근과 에너지 안보",
};

static const char *
language (void)
{
  const char *value = g_getenv ("LANGUAGE");

  return value != NULL && g_str_has_prefix (value, "ko") ? "ko" : "en";
}

static void set_width (int width);

/* Shown again at @width first: what a window shows after a while without
 * being shown again does not always come out (an empty render node). */
static void
screenshot (const char *what,
            int         width)
{
  g_autofree char *name = g_strdup_printf ("reader-%s-%d-%s.png", what, width, language ());

  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") == NULL)
    return;
  set_width (width);
  dossier_test_gui_screenshot (GTK_WIDGET (window), name);
}

typedef gboolean (*Condition) (gpointer data);

static void
spin_until (Condition condition,
            gpointer  data)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (condition (data));
}

static DossierDocument *
make_article (guint i)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new (i == 0 ? "Marta Oyelaran" : "김서연");
  g_autofree char *url = g_strdup_printf ("https://example.org/notes-test/%u", i);

  dossier_document_set_title (document, titles[i]);
  dossier_document_set_publisher (document, i == 0 ? "Maritime Policy Review" : "해양정책연구소");
  dossier_document_set_published (document, "2026-03-14");
  dossier_document_set_source_url (document, url);
  dossier_document_add_author (document, author);
  for (guint p = 0; p < 4; p++)
    {
      g_autofree char *text =
        i == 0 ? g_strdup_printf ("Paragraph %u. Insurers, flag registries and port authorities each see a part "
                                  "of a sanctioned tanker's voyage, and none of them sees all of it.", p + 1)
               : g_strdup_printf ("%u번째 문단. 항만 당국과 보험사, 선박 등록처는 각각 제재 대상 유조선 항해의 "
                                  "일부만 보며, 누구도 전체를 보지 못한다.", p + 1);
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (text);

      dossier_document_add_paragraph (document, paragraph);
    }
  return document;
}

static DossierReaderPage *
reader (void)
{
  return dossier_window_get_reader_page (window);
}

static DossierTagBar *
tag_bar (void)
{
  return dossier_reader_page_get_tag_bar (reader ());
}

/* The pills' labels joined by "|", for comparisons. */
static char *
shown_tags (void)
{
  g_auto(GStrv) tags = dossier_tag_bar_dup_shown_tags (tag_bar ());

  return g_strjoinv ("|", tags);
}

static gboolean
toast_shown (void)
{
  GtkWidget *overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "toast") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
has_width (gpointer width)
{
  /* Less the frame's shadow, a few pixels. */
  return ABS (gtk_widget_get_width (GTK_WIDGET (window)) - GPOINTER_TO_INT (width)) <= 24;
}

static void
set_width (int width)
{
  /* A shown window keeps its size: shown again, it takes the new one. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 860);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (has_width, GINT_TO_POINTER (width));
  dossier_test_gui_spin (200);
  /* Folded, the reader is the leaflet's page after the library's. */
  {
    GtkWidget *leaflet = gtk_widget_get_ancestor (GTK_WIDGET (reader ()), ADW_TYPE_LEAFLET);

    if (leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
      {
        adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
        dossier_test_gui_spin (400);
      }
  }
}

static void
test_setup (void)
{
  DossierLibrary *library;
  g_autoptr(GError) error = NULL;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  library = dossier_window_get_library (window);
  g_assert_nonnull (library);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierDocument) document = make_article (i);

      ids[i] = dossier_library_add (library, document, &error);
      g_assert_no_error (error);
    }
  /* Tags already in use, for the completion. */
  g_assert_true (dossier_library_add_tag (library, ids[1], "Ports", &error));
  g_assert_true (dossier_library_add_tag (library, ids[1], "Energy security", &error));
  g_assert_true (dossier_library_add_tag (library, ids[1], "에너지 안보", &error));
  g_assert_no_error (error);

  g_assert_true (dossier_window_open_document (window, ids[0]));
  /* Shown again: only then do screenshots of the first size come out. */
  set_width (1400);
  spin_until (mapped, dossier_tag_bar_get_entry (tag_bar ()));
}

/* The entry's key controller (capture phase), as the keyboard reaches it. */
static gboolean
press_key (guint keyval)
{
  GtkWidget *entry = GTK_WIDGET (dossier_tag_bar_get_entry (tag_bar ()));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_text (GtkListBox *list,
          guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row)));
}

/* The remove button of the pill of @label, a tag. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "tag"), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Typing completes from the library's tags, without those the article
 * has; Down chooses, Enter adds, Escape closes; a new tag is added as
 * typed; a tag the store refuses stays in the entry with a toast. */
static void
test_add_with_completion (void)
{
  GtkEditable *entry = dossier_tag_bar_get_entry (tag_bar ());
  GtkPopover *popover = dossier_tag_bar_get_completion (tag_bar ());
  GtkListBox *list = dossier_tag_bar_get_completion_list (tag_bar ());
  g_autofree char *tags = NULL;
  g_autofree char *long_tag = NULL;

  tags = shown_tags ();
  g_assert_cmpstr (tags, ==, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "ENER");
  dossier_test_gui_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (row_text (list, 0), ==, "Energy security");

  /* Escape closes the list and keeps the text. */
  g_assert_true (press_key (GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "ENER");
  /* Escape again is the window's. */
  g_assert_false (press_key (GDK_KEY_Escape));

  /* Down opens it again and chooses the first; Enter adds that. */
  g_assert_true (press_key (GDK_KEY_Down));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (gtk_list_box_get_selected_row (list));
  {
    g_autofree char *name = g_strdup_printf ("reader-tag-completion-%s.png", language ());

    /* A popover is a surface of its own. */
    dossier_test_gui_spin (200);
    dossier_test_gui_screenshot (GTK_WIDGET (popover), name);
  }
  g_signal_emit_by_name (entry, "activate");
  dossier_test_gui_spin (50);
  tags = (g_free (tags), shown_tags ());
  g_assert_cmpstr (tags, ==, "Energy security");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Hangul matches too; a tag the article has is not offered again. */
  gtk_editable_set_text (entry, "에너지");
  dossier_test_gui_spin (50);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (row_text (list, 0), ==, "에너지 안보");
  gtk_editable_set_text (entry, "energy");
  dossier_test_gui_spin (50);
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* A new tag, as typed (without selecting anything in the list). */
  gtk_editable_set_text (entry, "  Korea desk ");
  dossier_test_gui_spin (50);
  g_signal_emit_by_name (entry, "activate");
  dossier_test_gui_spin (50);
  tags = (g_free (tags), shown_tags ());
  g_assert_cmpstr (tags, ==, "Energy security|Korea desk");

  /* Past the store's limit: refused with a toast, kept to be corrected. */
  long_tag = g_strnfill (DOSSIER_LIBRARY_TAG_MAX + 1, 'x');
  gtk_editable_set_text (entry, long_tag);
  g_signal_emit_by_name (entry, "activate");
  dossier_test_gui_spin (50);
  g_assert_true (toast_shown ());
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, long_tag);
  tags = (g_free (tags), shown_tags ());
  g_assert_cmpstr (tags, ==, "Energy security|Korea desk");
  gtk_editable_set_text (entry, "");
}

static gboolean
shows_tags (gpointer expected)
{
  g_autofree char *tags = shown_tags ();

  if (g_strcmp0 (tags, expected) != 0)
    g_test_message ("tags shown: %s", tags);
  return g_strcmp0 (tags, expected) == 0;
}

/* A pill's button removes its tag; a tag added or removed by another
 * program (here another connection to the same library, as dossier-cli
 * is) shows without reopening the article. */
static void
test_remove_and_live (void)
{
  const char *path = dossier_library_get_path (dossier_window_get_library (window));
  g_autoptr(DossierLibrary) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  button = find_button (GTK_WIDGET (tag_bar ()), "Korea desk");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin_until (shows_tags, "Energy security");

  other = dossier_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_add_tag (other, ids[0], "외교부 브리핑", &error));
  g_assert_no_error (error);
  spin_until (shows_tags, "Energy security|외교부 브리핑");
  g_assert_true (dossier_library_add_tag (other, ids[0], "Sanctions", &error));
  g_assert_true (dossier_library_add_tag (other, ids[0], "해운", &error));
  g_assert_no_error (error);
  spin_until (shows_tags, "Energy security|Sanctions|외교부 브리핑|해운");

  screenshot ("tags", 1400);
  screenshot ("tags", 700);
  set_width (1400);
}

/* A read-only library shows the tags without the means to change them. */
static void
test_read_only (void)
{
  const char *path = dossier_library_get_path (dossier_window_get_library (window));
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bar = dossier_tag_bar_new ();
  g_auto(GStrv) tags = NULL;

  library = dossier_library_open_with_flags (path, DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_object_ref_sink (bar);
  dossier_tag_bar_set_document (DOSSIER_TAG_BAR (bar), library, ids[0]);
  tags = dossier_tag_bar_dup_shown_tags (DOSSIER_TAG_BAR (bar));
  g_assert_cmpuint (g_strv_length (tags), ==, 4);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dossier_tag_bar_get_entry (DOSSIER_TAG_BAR (bar)))));
  g_assert_null (find_button (bar, "Sanctions"));
  dossier_tag_bar_set_document (DOSSIER_TAG_BAR (bar), NULL, NULL);
  g_assert_finalize_object (bar);
}

/* --- the article's note ------------------------------------------------ */

static char *
stored_note (DossierLibrary *library,
             const char     *id)
{
  g_autoptr(GError) error = NULL;
  char *note = dossier_library_dup_note (library, id, &error);

  g_assert_no_error (error);
  return note;
}

static gboolean
note_stored (gpointer expected)
{
  g_autofree char *note = stored_note (dossier_window_get_library (window), ids[0]);

  return g_strcmp0 (note, expected) == 0;
}

static void
type_note (const char *text)
{
  GtkTextView *view = dossier_annotations_list_get_note_view (dossier_reader_page_get_annotations (reader ()));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static char *
shown_note (void)
{
  GtkTextView *view = dossier_annotations_list_get_note_view (dossier_reader_page_get_annotations (reader ()));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The note at the top of the highlights and notes list is saved after a
 * pause in the typing, found by the search, and saved at once when
 * another article is opened, whatever the pause. */
static void
test_note (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  AdwFlap *flap = dossier_reader_page_get_annotations_flap (reader ());
  GtkTextView *view = dossier_annotations_list_get_note_view (dossier_reader_page_get_annotations (reader ()));
  g_autoptr(GListModel) found = NULL;
  g_autoptr(DossierSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter start, end;

  adw_flap_set_reveal_flap (flap, TRUE);
  spin_until (mapped, view);
  g_assert_true (gtk_text_view_get_editable (view));
  note = shown_note ();
  g_assert_cmpstr (note, ==, "");

  type_note ("Ask the **insurers** about the reflagged tankers; 김서연 has the port data.");
  spin_until (note_stored, "Ask the **insurers** about the reflagged tankers; 김서연 has the port data.");
  /* The memo's markup shows as it will print. */
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &start);
  gtk_text_iter_forward_chars (&start, 10);
  g_assert_nonnull (gtk_text_iter_get_tags (&start));

  found = dossier_library_search (library, "reflagged", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  result = g_list_model_get_item (found, 0);
  g_assert_cmpstr (dossier_document_get_id (dossier_search_result_get_document (result)), ==, ids[0]);

  dossier_library_add_highlight (library, ids[0], 1, 0, 36, "Paragraph 2. Insurers, flag registri", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_window_open_document (window, ids[1]));
  g_assert_true (dossier_window_open_document (window, ids[0]));
  dossier_test_gui_spin (100);
  for (guint i = 0; i < 2 && g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL; i++)
    {
      int width = i == 0 ? 1400 : 700;
      g_autofree char *name = g_strdup_printf ("reader-note-%d-%s.png", width, language ());

      set_width (width);
      adw_flap_set_reveal_flap (flap, TRUE);
      spin_until (mapped, view);
      dossier_test_gui_spin (300);
      dossier_test_gui_screenshot (GTK_WIDGET (window), name);
    }
  set_width (1400);
  adw_flap_set_reveal_flap (flap, TRUE);
  spin_until (mapped, view);

  /* Typed, then straight to another article: stored on the way. */
  type_note (" Then the registries.");
  g_assert_true (dossier_window_open_document (window, ids[1]));
  note = (g_free (note), stored_note (library, ids[0]));
  g_assert_cmpstr (note, ==, "Ask the **insurers** about the reflagged tankers; 김서연 has the port data. Then the registries.");
  note = (g_free (note), shown_note ());
  g_assert_cmpstr (note, ==, "");

  /* Emptied, the note is gone. */
  g_assert_true (dossier_window_open_document (window, ids[0]));
  note = (g_free (note), shown_note ());
  g_assert_cmpstr (note, ==, "Ask the **insurers** about the reflagged tankers; 김서연 has the port data. Then the registries.");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  gtk_text_buffer_delete_interactive (gtk_text_view_get_buffer (view), &start, &end, TRUE);
  spin_until (note_stored, NULL);
  type_note ("Kept.");
  spin_until (note_stored, "Kept.");
}

/* A read-only library shows the note, not to be edited. */
static void
test_note_read_only (void)
{
  const char *path = dossier_library_get_path (dossier_window_get_library (window));
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = dossier_annotations_list_new ();
  GtkTextView *view = dossier_annotations_list_get_note_view (DOSSIER_ANNOTATIONS_LIST (list));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  library = dossier_library_open_with_flags (path, DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_object_ref_sink (list);
  dossier_annotations_list_set_document (DOSSIER_ANNOTATIONS_LIST (list), library, ids[0]);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Kept.");
  g_assert_false (gtk_text_view_get_editable (view));
  dossier_annotations_list_set_document (DOSSIER_ANNOTATIONS_LIST (list), NULL, NULL);
  g_assert_finalize_object (list);
}

/* --- a note per highlight ---------------------------------------------- */

static void
shoot_window (const char *what)
{
  AdwFlap *flap = dossier_reader_page_get_annotations_flap (reader ());

  for (guint i = 0; i < 2 && g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL; i++)
    {
      int width = i == 0 ? 1400 : 700;
      g_autofree char *name = g_strdup_printf ("reader-%s-%d-%s.png", what, width, language ());

      /* Shown again with the list out, for AdwFlap to lay it out anew. */
      adw_flap_set_reveal_flap (flap, FALSE);
      dossier_test_gui_spin (300);
      set_width (width);
      adw_flap_set_reveal_flap (flap, TRUE);
      spin_until (mapped, dossier_annotations_list_get_list_box (dossier_reader_page_get_annotations (reader ())));
      dossier_test_gui_spin (300);
      dossier_test_gui_screenshot (GTK_WIDGET (window), name);
    }
  set_width (1400);
  adw_flap_set_reveal_flap (flap, TRUE);
  dossier_test_gui_spin (100);
}

static GtkTextBuffer *
dialog_buffer (AdwMessageDialog *dialog)
{
  GtkWidget *scrolled = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
no_dialog (gpointer data)
{
  return dossier_test_gui_find_message_dialog () == NULL;
}

static gboolean
a_dialog (gpointer data)
{
  return dossier_test_gui_find_message_dialog () != NULL;
}

#define HIGHLIGHT_NOTE "Lloyd's list has the **2023** reflagging figures; 선박 등록 자료 참조."

/* "Add Note…" in the highlight's context menu (only on a highlight, and
 * "Edit Note…" once it has one), and in its row's menu in the list: the
 * note shows under the highlight and is found by the search. */
static void
test_highlight_note (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierReaderView *view = dossier_reader_page_get_view (reader ());
  GActionGroup *actions = dossier_reader_view_get_action_group (view);
  DossierAnnotationsList *list = dossier_reader_page_get_annotations (reader ());
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  highlights = dossier_library_list_highlights (library, ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (highlights), ==, 1);
  highlight = g_list_model_get_item (highlights, 0);
  id = dossier_highlight_get_id (highlight);

  /* Outside any highlight: neither. */
  g_assert_true (dossier_reader_view_select_range (view, 3, 0, 4));
  g_assert_false (g_action_group_get_action_enabled (actions, "add-highlight-note"));
  g_assert_false (g_action_group_get_action_enabled (actions, "edit-highlight-note"));
  /* In it: Add Note…, unless the library is read-only. */
  g_assert_true (dossier_reader_view_select_range (view, 1, 2, 6));
  g_assert_cmpint (dossier_reader_view_get_highlight_at_cursor (view), ==, id);
  g_assert_true (g_action_group_get_action_enabled (actions, "add-highlight-note"));
  g_assert_false (g_action_group_get_action_enabled (actions, "edit-highlight-note"));
  dossier_reader_view_set_notes_read_only (view, TRUE);
  g_assert_false (g_action_group_get_action_enabled (actions, "add-highlight-note"));
  dossier_reader_view_set_notes_read_only (view, FALSE);

  g_action_group_activate_action (actions, "add-highlight-note", NULL);
  spin_until (a_dialog, NULL);
  dialog = dossier_test_gui_find_message_dialog ();
  gtk_text_buffer_set_text (dialog_buffer (dialog), HIGHLIGHT_NOTE, -1);
  {
    g_autofree char *name = g_strdup_printf ("reader-highlight-note-dialog-%s.png", language ());

    dossier_test_gui_spin (300);
    dossier_test_gui_screenshot (GTK_WIDGET (dialog), name);
  }
  adw_message_dialog_response (dialog, "save");
  /* A response given in code does not close the dialog as its buttons do. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin_until (no_dialog, NULL);

  g_clear_object (&highlights);
  g_clear_object (&highlight);
  highlights = dossier_library_list_highlights (library, ids[0], &error);
  highlight = g_list_model_get_item (highlights, 0);
  g_assert_cmpstr (dossier_highlight_get_note (highlight), ==, HIGHLIGHT_NOTE);
  /* Shown with its bold, not its asterisks. */
  {
    GtkLabel *label = dossier_test_gui_find_label (GTK_WIDGET (list), "Lloyd's list has the 2023 reflagging figures");

    g_assert_nonnull (label);
    g_assert_true (gtk_label_get_use_markup (label));
    g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>2023</b>"));
    g_assert_null (dossier_test_gui_find_label (GTK_WIDGET (list), "**"));
  }
  g_assert_false (g_action_group_get_action_enabled (actions, "add-highlight-note"));
  g_assert_true (g_action_group_get_action_enabled (actions, "edit-highlight-note"));

  found = dossier_library_search (library, "Lloyd", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  shoot_window ("highlight-note");

  /* From the row's menu: Edit Note… with the note to edit; Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (list), "annotations.edit-note", "x", id);
  spin_until (a_dialog, NULL);
  dialog = dossier_test_gui_find_message_dialog ();
  text = buffer_text (dialog_buffer (dialog));
  g_assert_cmpstr (text, ==, HIGHLIGHT_NOTE);
  gtk_text_buffer_set_text (dialog_buffer (dialog), "not this", -1);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin_until (no_dialog, NULL);
  g_clear_object (&highlights);
  g_clear_object (&highlight);
  highlights = dossier_library_list_highlights (library, ids[0], &error);
  highlight = g_list_model_get_item (highlights, 0);
  g_assert_cmpstr (dossier_highlight_get_note (highlight), ==, HIGHLIGHT_NOTE);
}

/* "Add to Memo" in a highlight's row menu: an excerpt of the highlighted
 * passage with its citation, made as Add to Memo makes one of a selection,
 * and the reader stays in front. */
static void
test_highlight_to_memo (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierAnnotationsList *list = dossier_reader_page_get_annotations (reader ());
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(DossierCitation) citation = NULL;
  g_autoptr(GError) error = NULL;
  DossierMemoPage *memo_page;
  GListModel *citations;

  highlights = dossier_library_list_highlights (library, ids[0], &error);
  g_assert_no_error (error);
  highlight = g_list_model_get_item (highlights, 0);

  gtk_widget_activate_action (GTK_WIDGET (list), "annotations.add-to-memo", "x", dossier_highlight_get_id (highlight));
  dossier_test_gui_spin (100);
  memo_page = dossier_window_get_memo_page (window);
  g_assert_nonnull (memo_page);
  citations = dossier_memo_get_citations (dossier_memo_page_get_memo (memo_page));
  g_assert_cmpuint (g_list_model_get_n_items (citations), ==, 1);
  citation = g_list_model_get_item (citations, 0);
  g_assert_cmpstr (dossier_citation_get_quote (citation), ==, dossier_highlight_get_text (highlight));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "reader");
}

/* The text of the memo's block that cites @id, or NULL. */
static const char *
memo_text_citing (DossierMemo *memo,
                  const char  *id)
{
  g_autofree char *marker = g_strdup_printf ("[^%s]", id);

  for (guint s = 0; s < dossier_memo_get_n_sections (memo); s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);

      for (guint b = 0; b < dossier_memo_section_get_n_blocks (section); b++)
        {
          const char *text = dossier_memo_block_get_text (dossier_memo_section_get_block (section, b));

          if (text != NULL && g_str_has_suffix (text, marker))
            return text;
        }
    }
  return NULL;
}

/* The citation added last, with its block's text in @text. */
static DossierCitation *
last_citation (DossierMemo  *memo,
               const char  **text)
{
  GListModel *citations = dossier_memo_get_citations (memo);
  DossierCitation *citation = g_list_model_get_item (citations, g_list_model_get_n_items (citations) - 1);

  *text = memo_text_citing (memo, dossier_citation_get_id (citation));
  return citation;
}

/* Whether the menu of the list's row @index offers @action. */
static gboolean
row_menu_offers (guint       index,
                 const char *action)
{
  GtkListBox *list_box = dossier_annotations_list_get_list_box (dossier_reader_page_get_annotations (reader ()));
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, index));
  GtkWidget *outer = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *button = gtk_widget_get_last_child (outer);
  GMenuModel *menu;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The button under @widget that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Add Note to Memo": a highlight's note (from its row's menu) and the
 * Article Note (from its menu) go into the memo as the analyst's own
 * paragraphs, their bold kept, a citation marker typed in them kept as
 * text, each ending with the citation of the article (with the page of a
 * highlight in a PDF), not as a quotation; an empty note offers nothing. */
static void
test_note_to_memo (void)
{
  DossierLibrary *library = dossier_window_get_library (window);
  DossierAnnotationsList *list = dossier_reader_page_get_annotations (reader ());
  GtkTextView *view = dossier_annotations_list_get_note_view (list);
  GtkWidget *button = find_action_button (GTK_WIDGET (list), "annotations.article-note-to-memo");
  g_autoptr(DossierDocument) paged = dossier_document_new ();
  g_autoptr(DossierCitation) citation = NULL;
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(DossierHighlight) highlight = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *paged_id = NULL;
  DossierMemoPage *memo_page = dossier_window_get_memo_page (window);
  DossierMemo *memo;
  const char *text = NULL;
  guint n_citations;
  gint64 id;
  GtkTextIter start, end;

  g_assert_nonnull (memo_page);
  memo = dossier_memo_page_get_memo (memo_page);
  n_citations = g_list_model_get_n_items (dossier_memo_get_citations (memo));
  highlights = dossier_library_list_highlights (library, ids[0], &error);
  g_assert_no_error (error);
  highlight = g_list_model_get_item (highlights, 0);
  g_assert_cmpstr (dossier_highlight_get_note (highlight), ==, HIGHLIGHT_NOTE);

  /* The highlight's note, from its row's menu. */
  g_assert_true (row_menu_offers (0, "annotations.note-to-memo"));
  gtk_widget_activate_action (GTK_WIDGET (list), "annotations.note-to-memo", "x", dossier_highlight_get_id (highlight));
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_memo_get_citations (memo)), ==, n_citations + 1);
  citation = last_citation (memo, &text);
  g_assert_null (dossier_citation_get_quote (citation));
  g_assert_null (dossier_citation_get_locator (citation));
  g_assert_cmpstr (dossier_citation_get_library_id (citation), ==, ids[0]);
  g_assert_cmpstr (dossier_citation_get_title (citation), ==, titles[0]);
  expected = g_strdup_printf ("%s[^%s]", HIGHLIGHT_NOTE, dossier_citation_get_id (citation));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dossier_window_get_content_stack (window)), ==, "reader");

  /* The Article Note, as typed (not yet stored): its markup kept, a marker
   * in it not taken for one of the memo's. */
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dossier_test_gui_spin (50);
  g_clear_object (&citation);
  citation = last_citation (memo, &text);
  expected = (g_free (expected), g_strdup_printf ("Kept.[^%s]", dossier_citation_get_id (citation)));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (dossier_citation_get_library_id (citation), ==, ids[0]);
  g_assert_null (dossier_citation_get_quote (citation));

  type_note (" Ask *Lloyd's* for [^1] the\n\n- 2024 figures\n- 선박 등록");
  g_signal_emit_by_name (button, "clicked");
  dossier_test_gui_spin (50);
  g_clear_object (&citation);
  citation = last_citation (memo, &text);
  g_assert_null (text); /* the marker ends a bullet, not a paragraph */
  {
    g_autofree char *last = g_strdup_printf ("선박 등록[^%s]", dossier_citation_get_id (citation));
    DossierMemoBlock *bullets = NULL, *paragraph = NULL;
    const char * const *items;

    /* The section it went to: where the bullets end with its marker. */
    for (guint s = 0; s < dossier_memo_get_n_sections (memo) && bullets == NULL; s++)
      {
        DossierMemoSection *section = dossier_memo_get_section (memo, s);

        for (guint b = 1; b < dossier_memo_section_get_n_blocks (section); b++)
          {
            DossierMemoBlock *block = dossier_memo_section_get_block (section, b);

            if (dossier_memo_block_get_kind (block) == DOSSIER_MEMO_BLOCK_BULLETS &&
                g_strv_contains (dossier_memo_block_get_items (block), last))
              {
                bullets = block;
                paragraph = dossier_memo_section_get_block (section, b - 1);
              }
          }
      }
    g_assert_nonnull (bullets);
    g_assert_cmpint (dossier_memo_block_get_kind (paragraph), ==, DOSSIER_MEMO_BLOCK_PARAGRAPH);
    g_assert_cmpstr (dossier_memo_block_get_text (paragraph), ==, "Kept. Ask *Lloyd's* for \\[^1] the");
    items = dossier_memo_block_get_items (bullets);
    g_assert_cmpuint (g_strv_length ((char **) items), ==, 2);
    g_assert_cmpstr (items[0], ==, "2024 figures");
    g_assert_cmpstr (items[1], ==, last);
  }

  /* Emptied (spaces only): nothing to add, and nothing added. */
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  gtk_text_buffer_delete_interactive (gtk_text_view_get_buffer (view), &start, &end, TRUE);
  type_note ("  \n ");
  n_citations = g_list_model_get_n_items (dossier_memo_get_citations (memo));
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_widget_activate_action (GTK_WIDGET (list), "annotations.article-note-to-memo", NULL);
  dossier_test_gui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_memo_get_citations (memo)), ==, n_citations);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  gtk_text_buffer_delete_interactive (gtk_text_view_get_buffer (view), &start, &end, TRUE);
  type_note ("Kept.");
  spin_until (note_stored, "Kept.");

  /* A highlight in a PDF: its note is cited with its page; one without a
   * note has no Add Note to Memo. */
  dossier_document_set_title (paged, "Reflagging and Port State Control");
  dossier_document_set_publisher (paged, "Maritime Policy Review");
  dossier_document_set_source_url (paged, "https://example.org/notes-test/paged.pdf");
  for (guint p = 0; p < 4; p++)
    {
      g_autofree char *page_text = g_strdup_printf ("Page %u. Port state control found the reflagged tankers' "
                                                    "certificates issued by registries that never saw them.", 11 + p);
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (page_text);

      /* One paragraph a page, as the PDF importer gives them. */
      dossier_paragraph_set_page (paragraph, 11 + p);
      dossier_document_add_paragraph (paged, paragraph);
    }
  paged_id = dossier_library_add (library, paged, &error);
  g_assert_no_error (error);
  id = dossier_library_add_highlight (library, paged_id, 2, 0, 8, "Page 13.", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_set_highlight_note (library, id, "Compare with the **2022** figures.", &error));
  dossier_library_add_highlight (library, paged_id, 3, 0, 8, "Page 14.", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_window_open_document (window, paged_id));
  dossier_test_gui_spin (50);
  g_assert_true (row_menu_offers (0, "annotations.note-to-memo"));
  g_assert_false (row_menu_offers (1, "annotations.note-to-memo"));
  g_assert_true (row_menu_offers (1, "annotations.add-to-memo"));
  /* The new article has no note: the button is off. */
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_widget_activate_action (GTK_WIDGET (list), "annotations.note-to-memo", "x", id);
  dossier_test_gui_spin (50);
  g_clear_object (&citation);
  citation = last_citation (memo, &text);
  g_assert_cmpstr (dossier_citation_get_library_id (citation), ==, paged_id);
  g_assert_cmpstr (dossier_citation_get_locator (citation), ==, "p. 13");
  expected = (g_free (expected), g_strdup_printf ("Compare with the **2022** figures.[^%s]",
                                                  dossier_citation_get_id (citation)));
  g_assert_cmpstr (text, ==, expected);

  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("reader-note-to-memo-%s.png", language ());
      g_autofree char *memo_name = g_strdup_printf ("reader-note-to-memo-memo-%s.png", language ());

      /* The notes list as it is (shown again at another width, the
       * window's snapshot comes out empty at times). */
      adw_flap_set_reveal_flap (dossier_reader_page_get_annotations_flap (reader ()), TRUE);
      spin_until (mapped, dossier_annotations_list_get_list_box (list));
      dossier_test_gui_spin (400);
      dossier_test_gui_screenshot (GTK_WIDGET (window), name);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-memo", NULL);
      dossier_test_gui_spin (400);
      dossier_test_gui_screenshot (GTK_WIDGET (window), memo_name);
    }
  g_assert_true (dossier_window_open_document (window, ids[0]));
  dossier_test_gui_spin (50);
}

static gboolean
shows_note (gpointer expected)
{
  g_autofree char *note = shown_note ();

  return g_strcmp0 (note, expected) == 0;
}

/* The Article Note changed by another program (another connection to the
 * library, as dossier-cli library note is) shows without reopening the
 * article; while the analyst writes in it, their text wins and is saved,
 * and what came meanwhile shows once they leave it unchanged. */
static void
test_note_live (void)
{
  const char *path = dossier_library_get_path (dossier_window_get_library (window));
  GtkTextView *view = dossier_annotations_list_get_note_view (dossier_reader_page_get_annotations (reader ()));
  GtkWidget *text = GTK_WIDGET (dossier_reader_view_get_text_view (dossier_reader_page_get_view (reader ())));
  g_autoptr(DossierLibrary) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  adw_flap_set_reveal_flap (dossier_reader_page_get_annotations_flap (reader ()), TRUE);
  spin_until (mapped, view);
  note = shown_note ();
  g_assert_cmpstr (note, ==, "Kept.");
  gtk_widget_grab_focus (text);

  other = dossier_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_set_note (other, ids[0], "Kept. **Registries** asked on Monday.", &error));
  g_assert_no_error (error);
  spin_until (shows_note, "Kept. **Registries** asked on Monday.");

  /* Typing (not yet saved) when another change comes: the writer's text
   * stays and is saved over it. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  type_note (" 답변 대기.");
  g_assert_true (dossier_library_set_note (other, ids[0], "Overwritten by the CLI.", &error));
  g_assert_no_error (error);
  spin_until (note_stored, "Kept. **Registries** asked on Monday. 답변 대기.");
  note = (g_free (note), shown_note ());
  g_assert_cmpstr (note, ==, "Kept. **Registries** asked on Monday. 답변 대기.");

  /* Saved, the focus still in it: not under the cursor; once the focus
   * goes elsewhere, the stored note shows. */
  g_assert_true (dossier_library_set_note (other, ids[0], "Kept.", &error));
  g_assert_no_error (error);
  dossier_test_gui_spin (300);
  note = (g_free (note), shown_note ());
  g_assert_cmpstr (note, ==, "Kept. **Registries** asked on Monday. 답변 대기.");
  gtk_widget_grab_focus (text);
  spin_until (shows_note, "Kept.");
  dossier_test_gui_spin (100);
  g_assert_true (note_stored ("Kept."));
}

/* The window closed a moment after typing: the note is in the store. */
static void
test_note_window_closed (void)
{
  g_autofree char *path = g_strdup (dossier_library_get_path (dossier_window_get_library (window)));
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  type_note (" Closing now.");
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  dossier_test_gui_spin (50);

  library = dossier_library_open (path, &error);
  g_assert_no_error (error);
  note = stored_note (library, ids[0]);
  g_assert_cmpstr (note, ==, "Kept. Closing now.");
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

int
main (int    argc,
      char **argv)
{
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  int status;

  /* Before GLib caches the user directories: the library goes there, and
   * the memo Add to Memo starts leaves its recovery copy in the state
   * folder, which must not be the user's (other tests would offer it). */
  data_home = g_dir_make_tmp ("dossier-test-reader-notes-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autofree char *state = g_build_filename (data_home, "state", NULL);

    g_mkdir_with_parents (state, 0700);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  /* The catalogue of the build tree, for a run with LANGUAGE=ko. */
  po = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "..", "po", NULL);
  mo = g_build_filename (po, "ko", "LC_MESSAGES", "dossier.mo", NULL);
  if (g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_autofree char *localedir = g_canonicalize_filename (po, NULL);

      g_setenv ("DOSSIER_LOCALEDIR", localedir, TRUE);
    }
  dossier_application_setup_i18n ();

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/reader-notes/setup", test_setup);
  g_test_add_func ("/dossier/app/reader-notes/tags/add", test_add_with_completion);
  g_test_add_func ("/dossier/app/reader-notes/tags/remove-and-live", test_remove_and_live);
  g_test_add_func ("/dossier/app/reader-notes/tags/read-only", test_read_only);
  g_test_add_func ("/dossier/app/reader-notes/note/edit", test_note);
  g_test_add_func ("/dossier/app/reader-notes/note/read-only", test_note_read_only);
  g_test_add_func ("/dossier/app/reader-notes/note/highlight", test_highlight_note);
  g_test_add_func ("/dossier/app/reader-notes/note/highlight-to-memo", test_highlight_to_memo);
  g_test_add_func ("/dossier/app/reader-notes/note/note-to-memo", test_note_to_memo);
  g_test_add_func ("/dossier/app/reader-notes/note/live", test_note_live);
  g_test_add_func ("/dossier/app/reader-notes/note/window-closed", test_note_window_closed);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
