/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierJsonLdPerson:
 * @name: the person's name
 * @position: (nullable): `jobTitle`
 * @affiliation: (nullable): `affiliation` or `worksFor`
 * @bio: (nullable): `description`
 */
typedef struct {
  char *name;
  char *position;
  char *affiliation;
  char *bio;
} DossierJsonLdPerson;

/**
 * DossierJsonLd:
 *
 * What a page's schema.org JSON-LD says about its article. Each field is
 * %NULL when no block said it; the first article-like node wins.
 */
typedef struct {
  char *headline;
  char *alternative_headline;
  char *name;                 /* the article node's name, which may differ from its headline */
  char *date_published;       /* as written, e.g. "2024-04-12T09:00:00-04:00" */
  char *date_created;         /* the same of dateCreated, often in UTC */
  char *publisher;
  char *url;
  GPtrArray *authors;         /* of DossierJsonLdPerson */
  GHashTable *author_keys;    /* collation keys of their names, for duplicates */
  int rank;                   /* how article-like the node was that filled us */
} DossierJsonLd;

void     dossier_json_ld_init  (DossierJsonLd *self);
void     dossier_json_ld_clear (DossierJsonLd *self);
gboolean dossier_json_ld_parse (DossierJsonLd *self,
                                const char    *json,
                                gsize          length);

G_END_DECLS
