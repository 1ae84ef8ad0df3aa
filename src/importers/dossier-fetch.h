/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_FETCH_ERROR (dossier_fetch_error_quark ())

/**
 * DossierFetchError:
 * @DOSSIER_FETCH_ERROR_INVALID_ADDRESS: not an http or https address
 * @DOSSIER_FETCH_ERROR_NETWORK: the server could not be reached
 * @DOSSIER_FETCH_ERROR_HTTP: the server answered with an error status
 * @DOSSIER_FETCH_ERROR_TOO_LARGE: the page is over the size limit
 * @DOSSIER_FETCH_ERROR_TIMEOUT: the download took too long
 * @DOSSIER_FETCH_ERROR_NOT_A_PAGE: the address holds something other than a web page
 */
typedef enum {
  DOSSIER_FETCH_ERROR_INVALID_ADDRESS,
  DOSSIER_FETCH_ERROR_NETWORK,
  DOSSIER_FETCH_ERROR_HTTP,
  DOSSIER_FETCH_ERROR_TOO_LARGE,
  DOSSIER_FETCH_ERROR_TIMEOUT,
  DOSSIER_FETCH_ERROR_NOT_A_PAGE,
} DossierFetchError;

#define DOSSIER_FETCH_DEFAULT_TIMEOUT 20
#define DOSSIER_FETCH_DEFAULT_MAX_SIZE (32 * 1024 * 1024)

#define DOSSIER_TYPE_FETCH (dossier_fetch_get_type ())
G_DECLARE_FINAL_TYPE (DossierFetch, dossier_fetch, DOSSIER, FETCH, GObject)

GQuark        dossier_fetch_error_quark      (void);
gboolean      dossier_fetch_is_web_address   (const char          *text);

DossierFetch *dossier_fetch_new              (void);
guint         dossier_fetch_get_timeout      (DossierFetch        *self);
void          dossier_fetch_set_timeout      (DossierFetch        *self,
                                              guint                seconds);
guint64       dossier_fetch_get_max_size     (DossierFetch        *self);
void          dossier_fetch_set_max_size     (DossierFetch        *self,
                                              guint64              max_size);
double        dossier_fetch_get_progress     (DossierFetch        *self);
guint64       dossier_fetch_get_received     (DossierFetch        *self);
gboolean      dossier_fetch_get_busy         (DossierFetch        *self);

void          dossier_fetch_download_async   (DossierFetch        *self,
                                              const char          *uri,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GBytes       *dossier_fetch_download_finish  (DossierFetch        *self,
                                              GAsyncResult        *result,
                                              char               **final_uri,
                                              char               **content_type,
                                              char               **charset,
                                              GError             **error);

G_END_DECLS
