/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small HTTP server on 127.0.0.1 for the download tests: never the internet. */

#include <libsoup/soup.h>
#include <string.h>

#define TEST_PAGE \
  "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ports and Power | Test Institute</title></head>" \
  "<body><nav><a href='/'>Home</a></nav><article><h1>Ports and Power</h1>" \
  "<p>Harbours have become instruments of influence, and governments now treat them as such.</p>" \
  "<p>Control of a port gives leverage over trade, data and, in a crisis, military logistics.</p>" \
  "</article></body></html>"

static void
test_server_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/article"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        TEST_PAGE, strlen (TEST_PAGE));
    }
  else if (g_str_equal (path, "/latin1"))
    {
      /* The HTTP charset wins over none declared in the page. */
      static const char page[] = "<html><body><p>Le d\xe9l\xe9gu\xe9 est arriv\xe9 \xe0 la r\xe9union de Gen\xe8ve hier.</p></body></html>";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=ISO-8859-1", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else if (g_str_equal (path, "/notes.txt"))
    {
      static const char text[] = "Harbour Notes\n\nPorts have become instruments of influence across the region.\n\n"
                                 "Control of a port gives leverage over trade and data.\n";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC, text, strlen (text));
    }
  else if (g_str_equal (path, "/old"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/moved");
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/article");
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/report.pdf"))
    {
      /* A one-page PDF in Helvetica, with a correct cross-reference table. */
      static const char * const objects[] = {
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        "<</Length 120>>stream\nBT /F1 18 Tf 72 700 Td (Harbour Report) Tj ET\n"
        "BT /F1 11 Tf 72 660 Td (Ports have become instruments of influence.) Tj ET\nendstream",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
      };
      GString *pdf = g_string_new ("%PDF-1.4\n");
      gsize offsets[G_N_ELEMENTS (objects)], xref;

      for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
        {
          offsets[i] = pdf->len;
          g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
        }
      xref = pdf->len;
      g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
      for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
        g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
      g_string_append_printf (pdf, "trailer\n<</Size %u/Root 1 0 R>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                              (guint) G_N_ELEMENTS (objects) + 1, xref);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY, pdf->str, pdf->len);
      g_string_free (pdf, TRUE);
    }
  else if (g_str_equal (path, "/image"))
    {
      static const char png[] = "\x89PNG\r\n\x1a\n";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, png, sizeof png - 1);
    }
  else if (g_str_equal (path, "/large"))
    {
      g_autofree char *body = g_strnfill (200000, 'x');
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else if (g_str_equal (path, "/large-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      g_autofree char *chunk = g_strnfill (10000, 'y');

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      for (guint i = 0; i < 20; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/slow"))
    {
      /* Never answers: the client's timeout or cancellation must end it. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      soup_server_message_pause (msg);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static SoupServer *
test_server_new (char **base_uri)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, test_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  *base_uri = g_uri_to_string (uris->data);
  if (g_str_has_suffix (*base_uri, "/"))
    (*base_uri)[strlen (*base_uri) - 1] = '\0';
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return server;
}
