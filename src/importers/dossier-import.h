/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/dossier-document.h"
#include "dossier-fetch.h"

G_BEGIN_DECLS

#define DOSSIER_IMPORT_ERROR (dossier_import_error_quark ())

/**
 * DossierImportError:
 * @DOSSIER_IMPORT_ERROR_EMPTY: nothing to import
 * @DOSSIER_IMPORT_ERROR_BINARY: not text
 * @DOSSIER_IMPORT_ERROR_TOO_LARGE: over %DOSSIER_IMPORT_MAX_SIZE
 * @DOSSIER_IMPORT_ERROR_NOT_REGULAR_FILE: a directory, device or socket
 * @DOSSIER_IMPORT_ERROR_ENCODING: text in an encoding that cannot be read
 * @DOSSIER_IMPORT_ERROR_UNSUPPORTED: a kind of file Dossier cannot import
 * @DOSSIER_IMPORT_ERROR_NO_CONTENT: readable, but holds no article
 * @DOSSIER_IMPORT_ERROR_PASSWORD: a PDF that needs a password to open
 * @DOSSIER_IMPORT_ERROR_DAMAGED: a file of a known kind that cannot be read
 *   (a PDF cut short or broken)
 */
typedef enum {
  DOSSIER_IMPORT_ERROR_EMPTY,
  DOSSIER_IMPORT_ERROR_BINARY,
  DOSSIER_IMPORT_ERROR_TOO_LARGE,
  DOSSIER_IMPORT_ERROR_NOT_REGULAR_FILE,
  DOSSIER_IMPORT_ERROR_ENCODING,
  DOSSIER_IMPORT_ERROR_UNSUPPORTED,
  DOSSIER_IMPORT_ERROR_NO_CONTENT,
  DOSSIER_IMPORT_ERROR_PASSWORD,
  DOSSIER_IMPORT_ERROR_DAMAGED,
} DossierImportError;

/**
 * DossierImportFormat:
 * @DOSSIER_IMPORT_FORMAT_AUTO: decide from the name and the content
 * @DOSSIER_IMPORT_FORMAT_TEXT: text pasted from a web page
 * @DOSSIER_IMPORT_FORMAT_HTML: a saved web page
 * @DOSSIER_IMPORT_FORMAT_JSON: a `dossier-document` file
 * @DOSSIER_IMPORT_FORMAT_PDF: a PDF
 */
typedef enum {
  DOSSIER_IMPORT_FORMAT_AUTO,
  DOSSIER_IMPORT_FORMAT_TEXT,
  DOSSIER_IMPORT_FORMAT_HTML,
  DOSSIER_IMPORT_FORMAT_JSON,
  DOSSIER_IMPORT_FORMAT_PDF,
} DossierImportFormat;

/**
 * DossierImportProgressFunc:
 * @done: pages read so far
 * @total: pages in the document
 *
 * Called from the importing thread after each page of a paginated file
 * (a PDF), so a long import can show how far it is.
 */
typedef void (*DossierImportProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* Larger than any article; a bound so hostile input cannot exhaust memory. */
#define DOSSIER_IMPORT_MAX_SIZE (64 * 1024 * 1024)

GQuark               dossier_import_error_quark    (void);
gboolean             dossier_import_format_from_string (const char          *name,
                                                        DossierImportFormat *format);
DossierImportFormat  dossier_import_guess_format   (const char          *name_hint,
                                                    const char          *data,
                                                    gsize                length);
DossierDocument     *dossier_import_bytes          (GBytes              *bytes,
                                                    DossierImportFormat  format,
                                                    const char          *name_hint,
                                                    GError             **error);
DossierDocument     *dossier_import_bytes_full     (GBytes                    *bytes,
                                                    DossierImportFormat        format,
                                                    const char                *name_hint,
                                                    GCancellable              *cancellable,
                                                    DossierImportProgressFunc  progress,
                                                    gpointer                   progress_data,
                                                    GError                   **error);
DossierDocument     *dossier_import_file           (GFile               *file,
                                                    DossierImportFormat  format,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
DossierDocument     *dossier_import_file_full      (GFile                     *file,
                                                    DossierImportFormat        format,
                                                    GCancellable              *cancellable,
                                                    DossierImportProgressFunc  progress,
                                                    gpointer                   progress_data,
                                                    GError                   **error);
void                 dossier_import_file_async     (GFile               *file,
                                                    DossierImportFormat  format,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void                 dossier_import_file_progress_async (GFile                     *file,
                                                         DossierImportFormat        format,
                                                         GCancellable              *cancellable,
                                                         DossierImportProgressFunc  progress,
                                                         gpointer                   progress_data,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
DossierDocument     *dossier_import_file_finish    (GAsyncResult        *result,
                                                    GError             **error);
DossierDocument     *dossier_import_web_page       (GBytes              *bytes,
                                                    const char          *uri,
                                                    const char          *content_type,
                                                    const char          *charset,
                                                    GError             **error);
void                 dossier_import_uri_async      (const char          *uri,
                                                    DossierFetch        *fetch,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
DossierDocument     *dossier_import_uri_finish     (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
