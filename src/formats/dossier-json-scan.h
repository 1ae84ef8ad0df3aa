/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * DossierJsonNumberKind:
 * @DOSSIER_JSON_NUMBER_WHOLE: a whole number that fits in a #gint64
 * @DOSSIER_JSON_NUMBER_TOO_LARGE: a whole number above %G_MAXINT64
 * @DOSSIER_JSON_NUMBER_TOO_SMALL: a whole number below %G_MININT64
 * @DOSSIER_JSON_NUMBER_FRACTION: not a whole number (1.5, 1e-999)
 */
typedef enum {
  DOSSIER_JSON_NUMBER_WHOLE,
  DOSSIER_JSON_NUMBER_TOO_LARGE,
  DOSSIER_JSON_NUMBER_TOO_SMALL,
  DOSSIER_JSON_NUMBER_FRACTION,
} DossierJsonNumberKind;

/*
 * A number as the file writes it, kept for the numbers json-glib cannot
 * give exactly: it wraps 2⁶⁴ to -1, 2⁶³ to -2⁶³, and gives 1e29, 2.0
 * and 1.5 as doubles.
 */
typedef struct {
  DossierJsonNumberKind kind;
  gint64 value;     /* for DOSSIER_JSON_NUMBER_WHOLE */
  const char *written;  /* as written, shortened when very long, for messages */
} DossierJsonNumber;

JsonNode *dossier_json_parse_text (const char   *data,
                                   gssize        length,
                                   GHashTable  **numbers,
                                   GError      **error);

G_END_DECLS
