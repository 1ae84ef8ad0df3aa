/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * DossierJsonReader walks an untrusted JSON tree and validates it as it
 * goes, keeping the path of where it stands ("sections[2].blocks[0].text")
 * so every error tells the user what is wrong and where. Shared by the
 * document and memo formats.
 */
typedef struct _DossierJsonReader DossierJsonReader;

DossierJsonReader *dossier_json_reader_new                   (JsonNode           *root);
DossierJsonReader *dossier_json_reader_new_for_data          (const char         *data,
                                                              gssize              length,
                                                              GError            **error);
void               dossier_json_reader_free                  (DossierJsonReader  *reader);
gboolean           dossier_json_reader_check_format          (DossierJsonReader  *reader,
                                                              const char         *format,
                                                              gint64              max_version,
                                                              GError            **error);
gboolean           dossier_json_reader_has_member            (DossierJsonReader  *reader,
                                                              const char         *member);
gboolean           dossier_json_reader_read_boolean          (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean           *value,
                                                              GError            **error);
gboolean           dossier_json_reader_read_string           (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            nullable,
                                                              char              **value,
                                                              GError            **error);
gboolean           dossier_json_reader_read_string_max       (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            nullable,
                                                              gsize               max_bytes,
                                                              char              **value,
                                                              GError            **error);
gboolean           dossier_json_reader_read_int              (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gint64              min,
                                                              gint64              max,
                                                              gint64             *value,
                                                              GError            **error);
gboolean           dossier_json_reader_read_string_array     (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            optional,
                                                              char             ***value,
                                                              GError            **error);
gboolean           dossier_json_reader_read_string_array_max (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            optional,
                                                              guint               max_elements,
                                                              gsize               max_bytes,
                                                              char             ***value,
                                                              GError            **error);
gboolean           dossier_json_reader_begin_object          (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              GError            **error);
gboolean           dossier_json_reader_begin_array           (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            optional,
                                                              guint              *n_elements,
                                                              GError            **error);
gboolean           dossier_json_reader_begin_array_max       (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            optional,
                                                              guint               max_elements,
                                                              guint              *n_elements,
                                                              GError            **error);
gboolean           dossier_json_reader_begin_object_element  (DossierJsonReader  *reader,
                                                              guint               index,
                                                              GError            **error);
void               dossier_json_reader_end                   (DossierJsonReader  *reader);

/* Reads one element of an array of objects; the reader stands in it. */
typedef gboolean (*DossierJsonElementFunc) (DossierJsonReader  *reader,
                                            gpointer            user_data,
                                            GError            **error);

gboolean           dossier_json_reader_read_object_array     (DossierJsonReader      *reader,
                                                              const char             *member,
                                                              gboolean                optional,
                                                              DossierJsonElementFunc  read_element,
                                                              gpointer                user_data,
                                                              GError                **error);
gboolean           dossier_json_reader_read_object_array_max (DossierJsonReader      *reader,
                                                              const char             *member,
                                                              gboolean                optional,
                                                              guint                   max_elements,
                                                              DossierJsonElementFunc  read_element,
                                                              gpointer                user_data,
                                                              GError                **error);
gboolean           dossier_json_reader_fail                  (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              GError            **error,
                                                              const char         *message);

gboolean           dossier_json_reader_fail_date             (DossierJsonReader  *reader,
                                                              const char         *member,
                                                              gboolean            partial,
                                                              GError            **error);

/* Reads a whole file's root object; the reader stands in it. */
typedef gpointer (*DossierJsonReadFunc) (DossierJsonReader  *reader,
                                         GError            **error);

gpointer           dossier_json_read_node                    (JsonNode            *node,
                                                              DossierJsonReadFunc  read,
                                                              GError             **error);
gpointer           dossier_json_read_data                    (const char          *data,
                                                              gssize               length,
                                                              DossierJsonReadFunc  read,
                                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierJsonReader, dossier_json_reader_free)

G_END_DECLS
