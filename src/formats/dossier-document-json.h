/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

#define DOSSIER_FORMAT_ERROR (dossier_format_error_quark ())

/**
 * DossierFormatError:
 * @DOSSIER_FORMAT_ERROR_SYNTAX: the data is not well-formed JSON
 * @DOSSIER_FORMAT_ERROR_INVALID: well-formed, but not a valid file of the format
 * @DOSSIER_FORMAT_ERROR_VERSION: written by a newer Dossier
 * @DOSSIER_FORMAT_ERROR_TOO_DEEP: nested deeper than any real file is
 * @DOSSIER_FORMAT_ERROR_TOO_LARGE: a value, or the whole file, is larger
 *   than any real file's (dossier-limits.h)
 */
typedef enum {
  DOSSIER_FORMAT_ERROR_SYNTAX,
  DOSSIER_FORMAT_ERROR_INVALID,
  DOSSIER_FORMAT_ERROR_VERSION,
  DOSSIER_FORMAT_ERROR_TOO_DEEP,
  DOSSIER_FORMAT_ERROR_TOO_LARGE,
} DossierFormatError;

#define DOSSIER_DOCUMENT_FORMAT_VERSION 1

GQuark           dossier_format_error_quark        (void);

JsonNode        *dossier_document_to_json_node     (DossierDocument  *document);
char            *dossier_document_to_json          (DossierDocument  *document,
                                                    gsize            *length);
DossierDocument *dossier_document_from_json_node   (JsonNode         *node,
                                                    GError          **error);
DossierDocument *dossier_document_from_json        (const char       *data,
                                                    gssize            length,
                                                    GError          **error);

JsonNode        *dossier_json_parse                (const char       *data,
                                                    gssize            length,
                                                    GError          **error);

G_END_DECLS
