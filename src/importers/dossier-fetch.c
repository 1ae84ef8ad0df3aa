/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-fetch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "dossier-fetch.h"
#include "model/dossier-util.h"

/*
 * DossierFetch downloads one web page at a time for "Add from Web Address".
 * libsoup follows redirects; the whole download (not only each read) is
 * bounded by a timeout, and the body by a size cap checked both against
 * Content-Length and while reading, so neither a slow nor an endless
 * server can hold the app. "busy", "progress" and "received" are properties
 * a progress bar can bind to; cancelling the GCancellable stops everything.
 */

#define CHUNK_SIZE (64 * 1024)

struct _DossierFetch
{
  GObject parent_instance;

  SoupSession *session;
  guint timeout;
  guint64 max_size;
  double progress;
  guint64 received;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (DossierFetch, dossier_fetch, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-fetch-error-quark, dossier_fetch_error)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  PROP_PROGRESS,
  PROP_RECEIVED,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *body;
  GCancellable *cancellable;     /* ours: cancelled by the caller's or the timeout */
  GCancellable *caller_cancellable;
  gulong caller_handler;
  GSource *timeout_source;
  gboolean timed_out;
  goffset expected;
  char *final_uri;
  char *content_type;
  char *charset;
} Download;

static void
stop_timeout (Download *download)
{
  if (download->timeout_source != NULL)
    {
      g_source_destroy (download->timeout_source);
      g_clear_pointer (&download->timeout_source, g_source_unref);
    }
}

static void
download_free (gpointer data)
{
  Download *download = data;

  stop_timeout (download);
  if (download->caller_cancellable != NULL && download->caller_handler != 0)
    g_cancellable_disconnect (download->caller_cancellable, download->caller_handler);
  g_clear_object (&download->caller_cancellable);
  g_clear_object (&download->message);
  g_clear_object (&download->stream);
  g_clear_pointer (&download->body, g_byte_array_unref);
  g_clear_object (&download->cancellable);
  g_free (download->final_uri);
  g_free (download->content_type);
  g_free (download->charset);
  g_free (download);
}

static void
set_progress (DossierFetch *self,
              double        progress,
              guint64       received)
{
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (self->received != received)
    {
      self->received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
    }
}

static void
set_busy (DossierFetch *self,
          gboolean      busy)
{
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/**
 * dossier_fetch_is_web_address:
 * @text: what the user typed or passed on the command line
 *
 * Returns: whether @text is an http or https address with a host
 */
gboolean
dossier_fetch_is_web_address (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static gboolean
is_page_type (const char *content_type)
{
  static const char * const accepted[] = {
    "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml", "application/pdf", NULL
  };

  /* No Content-Type: let the importer look at the bytes. */
  return content_type == NULL || g_strv_contains (accepted, content_type);
}

/* Finishes @task with the right error when our cancellable fired. */
static void
return_error (GTask  *task,
              GError *error)
{
  Download *download = g_task_get_task_data (task);
  DossierFetch *self = g_task_get_source_object (task);

  set_busy (self, FALSE);

  /* Our overall timeout cancels; libsoup's own I/O timeout may fire first. */
  if ((download->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_error_free (error);
      g_task_return_new_error (task, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TIMEOUT,
                               _("The server did not send the page within %u seconds"),
                               self->timeout);
      return;
    }

  if (error->domain != DOSSIER_FETCH_ERROR && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GError *wrapped = g_error_new (DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NETWORK,
                                     _("Could not download the page: %s"), error->message);
      g_error_free (error);
      error = wrapped;
    }

  g_task_return_error (task, error);
}

static void read_next (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  DossierFetch *self = g_task_get_source_object (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      GBytes *body = g_byte_array_free_to_bytes (g_steal_pointer (&download->body));

      stop_timeout (download);
      set_progress (self, 1.0, self->received);
      set_busy (self, FALSE);
      g_task_return_pointer (task, body, (GDestroyNotify)g_bytes_unref);
      return;
    }

  if (download->body->len + g_bytes_get_size (chunk) > self->max_size)
    {
      return_error (task, g_error_new (DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TOO_LARGE,
                                       _("The page is larger than %u MiB"),
                                       (guint) MIN (self->max_size / (1024 * 1024), G_MAXUINT)));
      return;
    }

  g_byte_array_append (download->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  set_progress (self,
                download->expected > 0 ? MIN (0.99, (double)download->body->len / download->expected) : -1.0,
                download->body->len);

  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   download->cancellable, read_cb, task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  DossierFetch *self = g_task_get_source_object (task);
  SoupMessageHeaders *headers;
  g_autoptr(GHashTable) params = NULL;
  const char *content_type;
  GError *error = NULL;
  SoupStatus status;

  download->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (download->stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (download->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (download->message);

      return_error (task, g_error_new (DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_HTTP,
                                       _("The server answered “%u %s”"), status,
                                       reason && *reason ? reason : soup_status_get_phrase (status)));
      return;
    }

  download->final_uri = g_uri_to_string (soup_message_get_uri (download->message));
  headers = soup_message_get_response_headers (download->message);
  content_type = soup_message_headers_get_content_type (headers, &params);
  if (content_type != NULL)
    download->content_type = g_ascii_strdown (content_type, -1);
  if (params != NULL && g_hash_table_lookup (params, "charset") != NULL)
    download->charset = g_strdup (g_hash_table_lookup (params, "charset"));

  if (!is_page_type (download->content_type))
    {
      return_error (task, g_error_new (DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_NOT_A_PAGE,
                                       _("The address holds a file of type “%s”, not a web page"),
                                       download->content_type));
      return;
    }

  download->expected = soup_message_headers_get_content_length (headers);
  if (download->expected > 0 && (guint64)download->expected > self->max_size)
    {
      return_error (task, g_error_new (DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_TOO_LARGE,
                                       _("The page is larger than %u MiB"),
                                       (guint) MIN (self->max_size / (1024 * 1024), G_MAXUINT)));
      return;
    }

  read_next (g_steal_pointer (&task));
}

static gboolean
timeout_cb (gpointer user_data)
{
  Download *download = user_data;

  download->timed_out = TRUE;
  g_cancellable_cancel (download->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *ours = user_data;

  g_cancellable_cancel (ours);
}

/**
 * dossier_fetch_download_async:
 * @uri: an http or https address
 * @cancellable: (nullable): cancels the download
 *
 * Downloads @uri, following redirects, within the timeout and size limit.
 * Progress is reported through the "progress" and "received" properties.
 */
void
dossier_fetch_download_async (DossierFetch        *self,
                              const char          *uri,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Download *download;

  g_return_if_fail (DOSSIER_IS_FETCH (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_fetch_download_async);
  /* Cancellation is reported through our own cancellable. */
  g_task_set_check_cancellable (task, FALSE);

  if (!dossier_fetch_is_web_address (uri))
    {
      g_task_return_new_error (task, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_INVALID_ADDRESS,
                               _("“%s” is not a web address (http:// or https://)"), uri);
      return;
    }

  download = g_new0 (Download, 1);
  download->body = g_byte_array_new ();
  download->cancellable = g_cancellable_new ();
  download->message = soup_message_new (SOUP_METHOD_GET, uri);
  g_task_set_task_data (task, download, download_free);

  if (download->message == NULL)
    {
      g_task_return_new_error (task, DOSSIER_FETCH_ERROR, DOSSIER_FETCH_ERROR_INVALID_ADDRESS,
                               _("“%s” is not a web address (http:// or https://)"), uri);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (download->message), "Accept",
                                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");

  if (cancellable != NULL)
    {
      download->caller_cancellable = g_object_ref (cancellable);
      download->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                        g_object_ref (download->cancellable),
                                                        g_object_unref);
    }

  /* On the caller's main context, like libsoup's own callbacks: the CLI
   * runs its own context, not the global default one. */
  {
    g_autoptr(GSource) source = g_timeout_source_new_seconds (MAX (self->timeout, 1));

    g_source_set_callback (source, timeout_cb, download, NULL);
    g_source_attach (source, g_main_context_get_thread_default ());
    download->timeout_source = g_source_ref (source);
  }
  set_progress (self, 0.0, 0);
  set_busy (self, TRUE);

  soup_session_send_async (self->session, download->message, G_PRIORITY_DEFAULT,
                           download->cancellable, send_cb, g_steal_pointer (&task));
}

/**
 * dossier_fetch_download_finish:
 * @final_uri: (out) (optional): the address after redirects
 * @content_type: (out) (optional) (nullable): the MIME type the server gave
 * @charset: (out) (optional) (nullable): the charset the server gave
 *
 * Returns: (transfer full): the page's bytes, or %NULL with @error set
 */
GBytes *
dossier_fetch_download_finish (DossierFetch  *self,
                               GAsyncResult  *result,
                               char         **final_uri,
                               char         **content_type,
                               char         **charset,
                               GError       **error)
{
  Download *download;
  GBytes *bytes;

  g_return_val_if_fail (DOSSIER_IS_FETCH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  download = g_task_get_task_data (G_TASK (result));

  if (bytes != NULL && download != NULL)
    {
      if (final_uri != NULL)
        *final_uri = g_strdup (download->final_uri);
      if (content_type != NULL)
        *content_type = g_strdup (download->content_type);
      if (charset != NULL)
        *charset = g_strdup (download->charset);
    }

  return bytes;
}

guint
dossier_fetch_get_timeout (DossierFetch *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCH (self), 0);
  return self->timeout;
}

void
dossier_fetch_set_timeout (DossierFetch *self,
                           guint         seconds)
{
  g_return_if_fail (DOSSIER_IS_FETCH (self));

  seconds = MAX (seconds, 1);
  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint64
dossier_fetch_get_max_size (DossierFetch *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCH (self), 0);
  return self->max_size;
}

void
dossier_fetch_set_max_size (DossierFetch *self,
                            guint64       max_size)
{
  g_return_if_fail (DOSSIER_IS_FETCH (self));

  if (self->max_size == max_size)
    return;

  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

/**
 * dossier_fetch_get_progress:
 *
 * Returns: the fraction downloaded, from 0 to 1, or -1 while the size is
 *   unknown (the server sent no Content-Length)
 */
double
dossier_fetch_get_progress (DossierFetch *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCH (self), 0);
  return self->progress;
}

guint64
dossier_fetch_get_received (DossierFetch *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCH (self), 0);
  return self->received;
}

gboolean
dossier_fetch_get_busy (DossierFetch *self)
{
  g_return_val_if_fail (DOSSIER_IS_FETCH (self), FALSE);
  return self->busy;
}

static void
dossier_fetch_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierFetch *self = DOSSIER_FETCH (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_RECEIVED:
      g_value_set_uint64 (value, self->received);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_fetch_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DossierFetch *self = DOSSIER_FETCH (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      dossier_fetch_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_SIZE:
      dossier_fetch_set_max_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_fetch_dispose (GObject *object)
{
  DossierFetch *self = DOSSIER_FETCH (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (dossier_fetch_parent_class)->dispose (object);
}

static void
dossier_fetch_class_init (DossierFetchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dossier_fetch_get_property;
  object_class->set_property = dossier_fetch_set_property;
  object_class->dispose = dossier_fetch_dispose;

  properties[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 1, 3600,
                                                DOSSIER_FETCH_DEFAULT_TIMEOUT, rw);
  properties[PROP_MAX_SIZE] = g_param_spec_uint64 ("max-size", NULL, NULL, 0, G_MAXUINT64,
                                                   DOSSIER_FETCH_DEFAULT_MAX_SIZE, rw);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, 0.0, ro);
  properties[PROP_RECEIVED] = g_param_spec_uint64 ("received", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_fetch_init (DossierFetch *self)
{
  self->timeout = DOSSIER_FETCH_DEFAULT_TIMEOUT;
  self->max_size = DOSSIER_FETCH_DEFAULT_MAX_SIZE;
  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "user-agent", "Dossier/" PACKAGE_VERSION " ",
                                                 NULL);
}

/**
 * dossier_fetch_new:
 *
 * Returns: (transfer full): a downloader with a 20 s timeout and a 32 MiB cap
 */
DossierFetch *
dossier_fetch_new (void)
{
  return g_object_new (DOSSIER_TYPE_FETCH, NULL);
}
