/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-text-snapshot.h"

G_BEGIN_DECLS

/**
 * DossierNameKind:
 * @DOSSIER_NAME_PERSON: a person
 * @DOSSIER_NAME_ORGANIZATION: an organisation, agency or institution
 */
typedef enum {
  DOSSIER_NAME_PERSON,
  DOSSIER_NAME_ORGANIZATION,
} DossierNameKind;

/**
 * DossierNamedEntity:
 * @name: the fullest form the document uses ("Moon Jae-in")
 * @key: the matching key: lower case, and for Korean names the words
 *   sorted, so "Kim Jong Un", "Jong Un Kim" and "Kim Jong-un" agree
 * @kind: person or organisation
 * @mentions: how often the document names it (surname-only mentions of a
 *   person included)
 * @paragraphs: (element-type guint): the paragraphs naming it
 * @alias: (nullable): the key of the acronym the document also uses for
 *   it ("iaea"), merged into this entity
 */
typedef struct {
  char *name;
  char *key;
  DossierNameKind kind;
  guint mentions;
  GArray *paragraphs;
  char *alias;
} DossierNamedEntity;

void        dossier_named_entity_free    (gpointer                  entity);
GPtrArray  *dossier_extract_names        (DossierTextSnapshot      *document);
gboolean    dossier_named_entities_match (const DossierNamedEntity *a,
                                          const DossierNamedEntity *b);
char       *dossier_name_key             (const char               *name);
const char *dossier_name_kind_to_string  (DossierNameKind           kind);

G_END_DECLS
