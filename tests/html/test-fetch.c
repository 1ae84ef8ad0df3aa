/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "importers/dossier-fetch.h"
#include "importers/dossier-import.h"
#include "test-server.h"

typedef struct {
  SoupServer *server;
  char *base;
  DossierFetch *fetch;
  guint progress_notifications;
} Fixture;

typedef struct {
  gboolean done;
  DossierDocument *document;
  GError *error;
} Result;

static void
progress_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Fixture *fixture = user_data;

  fixture->progress_notifications++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = test_server_new (&fixture->base);
  fixture->fetch = dossier_fetch_new ();
  g_signal_connect (fixture->fetch, "notify::progress", G_CALLBACK (progress_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_false (dossier_fetch_get_busy (fixture->fetch));
  /* A worker thread may drop its last reference a moment after the callback. */
  g_object_add_weak_pointer (G_OBJECT (fixture->fetch), (gpointer *)&fixture->fetch);
  g_object_unref (fixture->fetch);
  while (fixture->fetch != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->base);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->document = dossier_import_uri_finish (result, &r->error);
  r->done = TRUE;
}

static void
run_import (Fixture      *fixture,
            const char   *path,
            GCancellable *cancellable,
            Result       *r)
{
  g_autofree char *uri = g_str_has_prefix (path, "/") ? g_strconcat (fixture->base, path, NULL) : g_strdup (path);
  gint64 start = g_get_monotonic_time ();

  memset (r, 0, sizeof *r);
  dossier_import_uri_async (uri, fixture->fetch, cancellable, import_done_cb, r);
  while (!r->done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
    }
  /* Let the finished task release the downloader. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
result_clear (Result *r)
{
  g_clear_object (&r->document);
  g_clear_error (&r->error);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  Result r;
  g_autofree char *expected = g_strconcat (fixture->base, "/article", NULL);

  run_import (fixture, "/article", NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (dossier_document_get_title (r.document), ==, "Ports and Power");
  g_assert_cmpstr (dossier_document_get_source_url (r.document), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (r.document)), ==, 2);
  g_assert_cmpfloat (dossier_fetch_get_progress (fixture->fetch), ==, 1.0);
  g_assert_cmpuint (dossier_fetch_get_received (fixture->fetch), ==, strlen (TEST_PAGE));
  g_assert_cmpuint (fixture->progress_notifications, >=, 1);
  result_clear (&r);
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  Result r;
  g_autofree char *expected = g_strconcat (fixture->base, "/notes.txt", NULL);

  /* text/plain goes to the text importer, still with its address. */
  run_import (fixture, "/notes.txt", NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (dossier_document_get_title (r.document), ==, "Harbour Notes");
  g_assert_cmpstr (dossier_document_get_source_url (r.document), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_paragraphs (r.document)), ==, 2);
  result_clear (&r);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  Result r;
  g_autofree char *expected = g_strconcat (fixture->base, "/report.pdf", NULL);
  g_autoptr(DossierParagraph) paragraph = NULL;

  /* application/pdf goes to the PDF importer, with its address. */
  run_import (fixture, "/report.pdf", NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (dossier_document_get_title (r.document), ==, "Harbour Report");
  g_assert_cmpstr (dossier_document_get_source_url (r.document), ==, expected);
  paragraph = g_list_model_get_item (dossier_document_get_paragraphs (r.document), 0);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph), ==, "Ports have become instruments of influence.");
  g_assert_cmpuint (dossier_paragraph_get_page (paragraph), ==, 1);
  result_clear (&r);
}

static void
test_http_charset (Fixture       *fixture,
                   gconstpointer  data)
{
  Result r;
  g_autoptr(DossierParagraph) paragraph = NULL;

  run_import (fixture, "/latin1", NULL, &r);
  g_assert_no_error (r.error);
  paragraph = g_list_model_get_item (dossier_document_get_paragraphs (r.document), 0);
  g_assert_cmpstr (dossier_paragraph_get_text (paragraph), ==, "Le délégué est arrivé à la réunion de Genève hier.");
  result_clear (&r);
}

static void
test_redirect (Fixture       *fixture,
               gconstpointer  data)
{
  Result r;
  g_autofree char *expected = g_strconcat (fixture->base, "/article", NULL);

  run_import (fixture, "/old", NULL, &r);
  g_assert_no_error (r.error);
  /* The address after the redirects is the source. */
  g_assert_cmpstr (dossier_document_get_source_url (r.document), ==, expected);
  result_clear (&r);

  run_import (fixture, "/loop", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NETWORK);
  result_clear (&r);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  Result r;

  run_import (fixture, "/missing", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_HTTP);
  g_assert_nonnull (strstr (r.error->message, "404"));
  g_assert_null (r.document);
  result_clear (&r);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  Result r;

  dossier_fetch_set_max_size (fixture->fetch, 100000);

  run_import (fixture, "/large", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TOO_LARGE);
  result_clear (&r);

  /* No Content-Length: the cap holds while reading. */
  run_import (fixture, "/large-chunked", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TOO_LARGE);
  result_clear (&r);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  Result r;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (dossier_fetch_get_timeout (fixture->fetch), ==, 20);
  dossier_fetch_set_timeout (fixture->fetch, 1);
  run_import (fixture, "/slow", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  result_clear (&r);
}

/* The command-line tool waits on a main context of its own: the timeout
 * must fire there too, not only on the global default context. */
static void
test_timeout_own_context (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(DossierFetch) fetch = NULL;
  g_autofree char *uri = g_strconcat (fixture->base, "/slow", NULL);
  gint64 start = g_get_monotonic_time ();
  Result r = { 0 };

  g_main_context_push_thread_default (context);
  fetch = dossier_fetch_new ();
  dossier_fetch_set_timeout (fetch, 1);
  dossier_import_uri_async (uri, fetch, NULL, import_done_cb, &r);
  while (!r.done)
    {
      /* The server lives on the default context; serve it in between. */
      g_main_context_iteration (context, FALSE);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }
  g_main_context_pop_thread_default (context);

  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TIMEOUT);
  result_clear (&r);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result r;

  g_timeout_add (100, cancel_cb, cancellable);
  run_import (fixture, "/slow", cancellable, &r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&r);
}

static void
test_not_a_page (Fixture       *fixture,
                 gconstpointer  data)
{
  Result r;

  run_import (fixture, "/image", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NOT_A_PAGE);
  g_assert_nonnull (strstr (r.error->message, "image/png"));
  result_clear (&r);
}

static void
test_bad_addresses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = NULL;
  guint16 port;
  Result r;

  run_import (fixture, "ftp://example.org/file", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_INVALID_ADDRESS);
  result_clear (&r);

  run_import (fixture, "file:///etc/passwd", NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_INVALID_ADDRESS);
  result_clear (&r);

  g_assert_false (dossier_fetch_is_web_address ("not a url"));
  g_assert_false (dossier_fetch_is_web_address ("https://"));
  g_assert_true (dossier_fetch_is_web_address ("https://example.org/a?b=c"));

  /* A port nobody listens on: take a free one, then close it. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  refused = g_strdup_printf ("http://127.0.0.1:%u/article", port);
  run_import (fixture, refused, NULL, &r);
  g_assert_error (r.error, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NETWORK);
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  /* The local server must be reached directly, whatever the machine's proxy. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/html/fetch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("success", test_success);
  ADD ("http-charset", test_http_charset);
  ADD ("plain-text", test_plain_text);
  ADD ("pdf", test_pdf);
  ADD ("redirect", test_redirect);
  ADD ("not-found", test_not_found);
  ADD ("too-large", test_too_large);
  ADD ("timeout", test_timeout);
  ADD ("timeout-own-context", test_timeout_own_context);
  ADD ("cancel", test_cancel);
  ADD ("not-a-page", test_not_a_page);
  ADD ("bad-addresses", test_bad_addresses);
#undef ADD

  return g_test_run ();
}
