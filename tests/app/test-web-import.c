/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-web-import"

#include "config.h"

#include "dossier-test-gui.h"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <string.h>

#include "dossier-application.h"
#include "dossier-window.h"

/*
 * "Add from Web Address…" in the real window, against a local HTTP server on
 * 127.0.0.1 that sends its pages slowly: the download row shows progress,
 * its Cancel stops only that download, and a normal download still adds the
 * article. Runs under Xvfb (memory GSettings backend, temporary
 * XDG_DATA_HOME set in main()). With DOSSIER_SCREENSHOT_DIR set, keeps a
 * screenshot of the row while a download runs.
 */

#define SLOW_CHUNKS 16
#define CHUNK_DELAY_MS 150

static DossierApplication *app;
static DossierWindow *window;
static char *data_home;
static SoupServer *server;
static char *base;

static const char page_head[] =
  "<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s | Test Institute</title></head>"
  "<body><article><h1>%s</h1>"
  "<p>Harbours have become instruments of influence, and governments now treat them as such.</p>"
  "<p>Control of a port gives leverage over trade, data and, in a crisis, military logistics.</p>"
  "</article>\n";

/* ------------------------------------------------------------------------ */
/* The slow server                                                            */

typedef struct
{
  SoupServerMessage *msg;
  GPtrArray *chunks;
  guint next;
  gboolean gone;
} Slow;

static void
slow_gone_cb (SoupServerMessage *msg,
              Slow              *slow)
{
  slow->gone = TRUE;
}

static gboolean
slow_chunk_cb (gpointer user_data)
{
  Slow *slow = user_data;
  SoupMessageBody *body;

  if (slow->gone)
    goto done;

  body = soup_server_message_get_response_body (slow->msg);
  soup_message_body_append (body, SOUP_MEMORY_COPY, slow->chunks->pdata[slow->next],
                            strlen (slow->chunks->pdata[slow->next]));
  slow->next++;
  if (slow->next == slow->chunks->len)
    soup_message_body_complete (body);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  soup_server_message_unpause (slow->msg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (slow->next < slow->chunks->len)
    return G_SOURCE_CONTINUE;

done:
  g_signal_handlers_disconnect_by_data (slow->msg, slow);
  g_object_unref (slow->msg);
  g_ptr_array_unref (slow->chunks);
  g_free (slow);
  return G_SOURCE_REMOVE;
}

/* Sends a page in SLOW_CHUNKS pieces, CHUNK_DELAY_MS apart; with its size
 * announced (a fraction) or not (chunked: the bar pulses). */
static void
serve_slowly (SoupServerMessage *msg,
              const char        *title,
              guint              n_chunks,
              gboolean           sized)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  Slow *slow = g_new0 (Slow, 1);
  g_autofree char *padding = g_strnfill (1000, 'x');
  gsize total = 0;

  slow->msg = g_object_ref (msg);
  slow->chunks = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (slow->chunks, g_strdup_printf (page_head, title, title));
  for (guint i = 1; i < n_chunks - 1; i++)
    g_ptr_array_add (slow->chunks, g_strdup_printf ("<!-- %04u %s -->\n", i, padding));
  g_ptr_array_add (slow->chunks, g_strdup ("</body></html>\n"));
  for (guint i = 0; i < slow->chunks->len; i++)
    total += strlen (slow->chunks->pdata[i]);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/html", NULL);
  if (sized)
    soup_message_headers_set_content_length (headers, total);
  else
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  g_signal_connect (msg, "finished", G_CALLBACK (slow_gone_cb), slow);
  g_signal_connect (msg, "disconnected", G_CALLBACK (slow_gone_cb), slow);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  soup_server_message_pause (msg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_timeout_add (CHUNK_DELAY_MS, slow_chunk_cb, slow);
}

static void
server_cb (SoupServer        *srv,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_equal (path, "/slow-sized"))
    serve_slowly (msg, "Ports and Power", SLOW_CHUNKS, TRUE);
  else if (g_str_equal (path, "/slow-unsized"))
    serve_slowly (msg, "Never Finished", 200, FALSE);
  else if (g_str_equal (path, "/article"))
    {
      static const char full[] =
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Canals and Commerce</title></head>"
        "<body><article><h1>Canals and Commerce</h1>"
        "<p>Inland waterways carry a growing share of bulk freight across the continent.</p>"
        "<p>Locks built a century ago now limit the size of the barges that can use them.</p>"
        "</article></body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, full, strlen (full));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

static void
wait_for_imports (void)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 0);
  dossier_test_gui_spin (50);
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
wait_for_row (void)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *row;

  while ((row = find_by_class (GTK_WIDGET (window), "download-row")) == NULL &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (row);
  return row;
}

static guint
n_articles (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (dossier_window_get_selection (window)));
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                      */

static void
test_progress (void)
{
  g_autofree char *uri = g_strconcat (base, "/slow-sized", NULL);
  GtkWidget *row, *bar;
  GtkRevealer *revealer;
  double first, last = 0.0;
  gboolean rose = FALSE;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 640);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_gui_spin (100);
  g_assert_cmpuint (n_articles (), ==, 0);

  dossier_window_import_uri (window, uri);
  row = wait_for_row ();
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (row, GTK_TYPE_REVEALER));
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  bar = find_by_type (row, GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_nonnull (find_by_type (row, GTK_TYPE_BUTTON));
  g_object_ref (bar);

  first = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
  /* Watch the bar while the page trickles in. */
  while (dossier_window_get_n_pending_imports (window) > 0)
    {
      GtkWidget *current = find_by_class (GTK_WIDGET (window), "download-row");
      double fraction;

      g_main_context_iteration (NULL, TRUE);
      if (current != row)
        break;
      fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
      g_assert_cmpfloat (fraction, >=, last);
      last = fraction;
      if (fraction > first && fraction > 0.2 && fraction < 1.0)
        {
          if (!rose)
            {
              dossier_test_gui_spin (300);  /* let the reveal animation finish */
              dossier_test_gui_screenshot (GTK_WIDGET (window), "web-download.png");
            }
          rose = TRUE;
        }
    }
  g_assert_true (rose);
  g_object_unref (bar);

  wait_for_imports ();
  g_assert_cmpuint (n_articles (), ==, 1);
  g_assert_null (find_by_class (GTK_WIDGET (window), "download-row"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

static void
test_cancel (void)
{
  g_autofree char *uri = g_strconcat (base, "/slow-unsized", NULL);
  GtkWidget *row, *button;
  GtkRevealer *revealer;

  dossier_window_import_uri (window, uri);
  row = wait_for_row ();
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (row, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  dossier_test_gui_spin (500);
  /* Still running: the server sends 200 chunks. */
  g_assert_cmpuint (dossier_window_get_n_pending_imports (window), ==, 1);

  button = find_by_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));

  wait_for_imports ();
  g_assert_cmpuint (n_articles (), ==, 1);
  g_assert_null (find_by_class (GTK_WIDGET (window), "download-row"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

static void
test_normal (void)
{
  g_autofree char *uri = g_strconcat (base, "/article", NULL);
  g_autofree char *missing = g_strconcat (base, "/missing", NULL);

  dossier_window_import_uri (window, uri);
  wait_for_imports ();
  g_assert_cmpuint (n_articles (), ==, 2);
  g_assert_null (find_by_class (GTK_WIDGET (window), "download-row"));

  /* An error also takes the row away (its toast says what went wrong). */
  dossier_window_import_uri (window, missing);
  wait_for_imports ();
  g_assert_cmpuint (n_articles (), ==, 2);
  g_assert_null (find_by_class (GTK_WIDGET (window), "download-row"));
}

/* A long PDF: a row with its pages' progress and a Cancel that stops the
 * import between pages and adds nothing. (The same rows as downloads.)
 * Its 2,000 full pages of short paragraphs take seconds to read; the row
 * appears after 20 of them, and Cancel is pressed at once, so the import
 * is stopped with about 99 % of its pages still to read. (With 12 lines
 * to a page that ran into one paragraph, the importer once took 54 s and
 * the test waited out its deadline.) */
#define LONG_PDF_PAGES 2000

static GFile *
write_long_pdf (void)
{
  g_autofree char *path = g_build_filename (data_home, "long-report.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  for (guint page = 1; page <= LONG_PDF_PAGES; page++)
    {
      double y = 60;

      for (guint part = 1; part <= 8; part++)
        {
          for (guint line = 0; line < 6; line++)
            {
              g_autofree char *text = NULL;

              if (line < 5)
                text = g_strdup_printf ("Section %u, part %u: harbour pilots kept the night convoys moving "
                                        "through the long winter of the strike.", page, part);
              else
                text = g_strdup ("The convoys kept moving.");
              cairo_move_to (cr, 60, y);
              cairo_show_text (cr, text);
              y += 12;
            }
          y += 8;
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static void
test_pdf_cancel (void)
{
  g_autoptr(GFile) file = write_long_pdf ();
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint before = n_articles ();
  g_autoptr(GtkWidget) row = NULL;
  GtkWidget *found = NULL, *bar, *button;
  const char *tooltip;
  g_autofree char *of_pages = g_strdup_printf (" of %u", LONG_PDF_PAGES);

  dossier_window_import_files (window, &file, 1);
  while ((found = find_by_class (GTK_WIDGET (window), "download-row")) == NULL &&
         dossier_window_get_n_pending_imports (window) > 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (found);
  /* Held: the row goes away with the import. */
  row = g_object_ref_sink (found);
  button = find_by_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  /* "clicked" itself: a button's activation clicks 250 ms later. */
  g_signal_emit_by_name (button, "clicked");

  /* The row came with its first page count, which stays while it is shown. */
  bar = find_by_type (row, GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0.0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1.0);
  tooltip = gtk_widget_get_tooltip_text (bar);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_suffix (tooltip, of_pages));

  wait_for_imports ();
  g_assert_cmpuint (n_articles (), ==, before);
  g_assert_null (find_by_class (GTK_WIDGET (window), "download-row"));
}

/* Closing the window mid-download stops the download quietly. */
static void
test_close_while_downloading (void)
{
  g_autofree char *uri = g_strconcat (base, "/slow-unsized", NULL);

  dossier_window_import_uri (window, uri);
  wait_for_row ();
  dossier_test_gui_spin (300);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 2000 && window != NULL; i++)
    dossier_test_gui_spin (5);
  g_assert_null (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
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
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("dossier-test-web-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  dossier_test_gui_init (&argc, &argv);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  app = dossier_application_new ();
  /* Tests run in parallel: a unique app would find another test's
   * instance on the bus and turn into a remote for it. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/dossier/app/web-import/progress", test_progress);
  g_test_add_func ("/dossier/app/web-import/cancel", test_cancel);
  g_test_add_func ("/dossier/app/web-import/normal", test_normal);
  g_test_add_func ("/dossier/app/web-import/pdf-progress-cancel", test_pdf_cancel);
  g_test_add_func ("/dossier/app/web-import/close-while-downloading", test_close_while_downloading);

  status = g_test_run ();

  g_clear_object (&app);
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_free (base);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
