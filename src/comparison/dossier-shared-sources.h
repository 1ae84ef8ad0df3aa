/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-text-snapshot.h"

G_BEGIN_DECLS

/**
 * DossierSharedSource:
 * @kind: "url" when both cite the same address, "work" when both cite a
 *   work of the same title
 * @key: the normalised address or title both share
 * @display: the address or title as the left document writes it
 * @a_notes: (element-type guint): footnote numbers citing it on the left
 * @b_notes: (element-type guint): the same on the right
 */
typedef struct {
  const char *kind;
  char *key;
  char *display;
  GArray *a_notes;
  GArray *b_notes;
} DossierSharedSource;

void       dossier_shared_source_free   (gpointer             source);
char      *dossier_normalize_url        (const char          *url);
char     **dossier_extract_quoted_titles (const char          *note);
GPtrArray *dossier_find_shared_sources  (DossierTextSnapshot *a,
                                         DossierTextSnapshot *b);

G_END_DECLS
