/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The writing half shared by every Dossier file format, so documents,
 * memos and CLI output are written the same way. */
void  dossier_json_builder_add_string          (JsonBuilder        *builder,
                                                const char         *name,
                                                const char         *value);
void  dossier_json_builder_add_nullable_string (JsonBuilder        *builder,
                                                const char         *name,
                                                const char         *value);
void  dossier_json_builder_add_string_array    (JsonBuilder        *builder,
                                                const char         *name,
                                                const char * const *values);
/* Writes the members of one object of an array: @item is an element of
 * the model given to dossier_json_builder_add_objects(). */
typedef void (*DossierJsonAddFunc) (JsonBuilder *builder,
                                    gpointer     item);

void  dossier_json_builder_add_objects         (JsonBuilder        *builder,
                                                const char         *name,
                                                GListModel         *model,
                                                DossierJsonAddFunc  add_members);
char *dossier_json_to_text                     (JsonNode           *root,
                                                gsize              *length);

G_END_DECLS
