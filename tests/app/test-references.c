/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-references"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-reader-page.h"
#include "dossier-reference-details.h"
#include "dossier-window.h"
#include "widgets/dossier-document-row.h"

/*
 * Reference managers in the window: Import takes a Zotero export (each
 * entry a library entry, the snapshot beside it as the text), an entry
 * without text opens on its metadata, not on a blank page, and "Copy as
 * BibTeX" / "Copy as CSL-JSON" put the chosen entries on the clipboard.
 * Runs under Xvfb with a memory GSettings backend and a temporary
 * XDG_DATA_HOME (set in main()).
 */

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;

static GListModel *
shown (void)
{
  return G_LIST_MODEL (dossier_window_get_selection (window));
}

static DossierDocument *
find_shown (const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_title (document), title) == 0)
        return document;  /* the list holds it */
    }
  return NULL;
}

static void
select_title (const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown ()); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (shown (), i);

      if (g_strcmp0 (dossier_document_get_title (document), title) == 0)
        {
          gtk_selection_model_select_item (dossier_window_get_selection (window), i, TRUE);
          dossier_test_gui_spin (50);
          return;
        }
    }
  g_assert_not_reached ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The article list's row that shows @title. */
static DossierDocumentRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (DOSSIER_IS_DOCUMENT_ROW (root))
    {
      DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (root));

      return document != NULL && g_strcmp0 (dossier_document_get_title (document), title) == 0
             ? DOSSIER_DOCUMENT_ROW (root) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      DossierDocumentRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row's "Reference" label, when it shows. */
static GtkWidget *
shown_reference_label (DossierDocumentRow *row)
{
  GtkLabel *label = dossier_test_gui_find_label (GTK_WIDGET (row), "Reference");

  return label != NULL && gtk_widget_is_drawable (GTK_WIDGET (label)) ? GTK_WIDGET (label) : NULL;
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static char *
read_clipboard (void)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static void
test_import_and_read (void)
{
  g_autofree char *ris = g_test_build_filename (G_TEST_DIST, "references", "zotero.ris", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (ris);
  DossierReaderPage *reader;
  DossierDocument *article;
  GtkWidget *details;
  GtkWidget *stack;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  dossier_window_import_files (window, &file, 1);
  while (g_list_model_get_n_items (shown ()) < 2)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_gui_spin (100);

  /* The report has its snapshot's text; the article is a reference. */
  article = find_shown ("Sanctions and the Ship-to-Ship Trade");
  g_assert_nonnull (article);
  g_assert_cmpstr (dossier_document_get_field (article, DOSSIER_FIELD_DOI), ==, "10.1525/as.2023.63.4.612");

  /* The list says which is a reference without text, and why it matters. */
  {
    GtkWidget *list = gtk_widget_get_parent (dossier_window_get_search_entry (window));
    DossierDocumentRow *row = find_row (list, "Sanctions and the Ship-to-Ship Trade");
    GtkWidget *label;

    g_assert_nonnull (row);
    label = shown_reference_label (row);
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "No text: a reference that memos can cite");
    row = find_row (list, "Interim Steps with North Korea: A Freeze for a Floor");
    g_assert_nonnull (row);
    g_assert_null (shown_reference_label (row));
  }

  reader = dossier_window_get_reader_page (window);
  select_title ("Sanctions and the Ship-to-Ship Trade");
  g_assert_nonnull (dossier_reader_page_get_document (reader));
  g_assert_false (dossier_document_has_text (dossier_reader_page_get_document (reader)));

  details = find_widget (GTK_WIDGET (reader), DOSSIER_TYPE_REFERENCE_DETAILS);
  g_assert_nonnull (details);
  stack = gtk_widget_get_ancestor (details, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "reference");
  g_assert_true (gtk_widget_is_drawable (details));
  g_assert_nonnull (dossier_test_gui_find_label (details, "10.1525/as.2023.63.4.612"));
  g_assert_nonnull (dossier_test_gui_find_label (details, "Asian Survey"));
  g_assert_nonnull (dossier_test_gui_find_label (details, "Sanctions and the Ship-to-Ship Trade"));
  dossier_test_gui_spin (100);
  dossier_test_gui_screenshot (GTK_WIDGET (window), "reference-only.png");

  /* An article with text shows its text. */
  select_title ("Interim Steps with North Korea: A Freeze for a Floor");
  g_assert_true (dossier_document_has_text (dossier_reader_page_get_document (reader)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "text");
}

static gboolean
click_toast_details (GtkWidget *widget,
                     gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Details") == 0)
    {
      g_signal_emit_by_name (widget, "clicked");
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (click_toast_details (child, in_toast))
      return TRUE;
  return FALSE;
}

/* Entries left out of an import are named with why in the toast's
 * Details (they were only counted): one the reader refused, one already
 * in the library. */
static void
test_import_problems (void)
{
  const char *json =
    "[{\"id\": \"dues\", \"title\": \"Harbour Dues Explained\", \"URL\": \"https://example.org/harbour-dues\"},"
    " {\"id\": \"untitled\", \"type\": \"book\"},"
    " {\"id\": \"again\", \"title\": \"Harbour Dues Explained\", \"URL\": \"https://example.org/harbour-dues\"}]";
  g_autofree char *path = g_build_filename (data_home, "problems.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog = NULL;
  const char *body;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  dossier_window_import_files (window, &file, 1);
  while (dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_shown ("Harbour Dues Explained"));

  /* The toast may wait behind another: Details once it shows. */
  while (!click_toast_details (GTK_WIDGET (window), FALSE) && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while ((dialog = dossier_test_gui_find_message_dialog ()) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Entries of “problems.json” Not Imported");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "entry 2 (“untitled”): it has no title"));
  g_assert_nonnull (strstr (body, "entry 3 (“again”): "));
  dossier_test_gui_spin (200);
  dossier_test_gui_screenshot (GTK_WIDGET (dialog), "import-problems.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
}

static void
test_copy_as (void)
{
  g_autofree char *bibtex = NULL;
  g_autofree char *json = NULL;

  select_title ("Sanctions and the Ship-to-Ship Trade");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-bibtex", NULL));
  bibtex = read_clipboard ();
  g_assert_true (g_str_has_prefix (bibtex, "@article{king2023sanctions,\n"));
  g_assert_nonnull (strstr (bibtex, "author = {King, Jr., Martin Luther and Núñez, José}"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-csl-json", NULL));
  json = read_clipboard ();
  g_assert_true (g_str_has_prefix (json, "[\n"));
  g_assert_nonnull (strstr (json, "\"DOI\" : \"10.1525/as.2023.63.4.612\""));

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_gui_spin (50);
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
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("dossier-test-references-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/references/import-and-read", test_import_and_read);
  g_test_add_func ("/dossier/app/references/copy-as", test_copy_as);
  g_test_add_func ("/dossier/app/references/import-problems", test_import_problems);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
