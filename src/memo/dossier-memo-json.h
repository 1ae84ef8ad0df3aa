/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "formats/dossier-document-json.h"
#include "dossier-memo.h"

G_BEGIN_DECLS

#define DOSSIER_MEMO_FORMAT_VERSION 1
/* A memo file larger than this is refused before it is read. */
#define DOSSIER_MEMO_MAX_FILE_SIZE (64 * 1024 * 1024)

JsonNode    *dossier_memo_to_json_node   (DossierMemo          *memo);
char        *dossier_memo_to_json        (DossierMemo          *memo,
                                          gsize                *length);
DossierMemo *dossier_memo_from_json_node (JsonNode             *node,
                                          GError              **error);
DossierMemo *dossier_memo_from_json      (const char           *data,
                                          gssize                length,
                                          GError              **error);

DossierMemo *dossier_memo_load_file      (GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean     dossier_memo_save_file      (DossierMemo          *memo,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);

void         dossier_memo_load_async     (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
DossierMemo *dossier_memo_load_finish    (GAsyncResult         *result,
                                          GError              **error);
void         dossier_memo_save_async     (DossierMemo          *memo,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     dossier_memo_save_finish    (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
