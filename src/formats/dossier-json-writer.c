/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <string.h>

#include "dossier-json-writer.h"

/**
 * dossier_json_builder_add_string:
 * @value: (nullable): the string; %NULL writes `""`, for members that
 *   are always a string
 */
void
dossier_json_builder_add_string (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/**
 * dossier_json_builder_add_nullable_string:
 * @value: (nullable): the string, or %NULL to write `null`
 */
void
dossier_json_builder_add_nullable_string (JsonBuilder *builder,
                                          const char  *name,
                                          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * dossier_json_builder_add_string_array:
 * @values: (nullable): a %NULL-terminated array; %NULL writes `[]`
 */
void
dossier_json_builder_add_string_array (JsonBuilder        *builder,
                                       const char         *name,
                                       const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/**
 * dossier_json_builder_add_objects:
 * @model: the items, written in order
 * @add_members: writes the members of one item's object
 *
 * Writes @name as an array with an object for each item of @model.
 */
void
dossier_json_builder_add_objects (JsonBuilder        *builder,
                                  const char         *name,
                                  GListModel         *model,
                                  DossierJsonAddFunc  add_members)
{
  guint n = g_list_model_get_n_items (model);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_builder_begin_object (builder);
      add_members (builder, item);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * dossier_json_to_text:
 * @length: (out) (optional): the length of the returned text
 *
 * Returns: (transfer full): @root as JSON indented by two spaces, ending in
 *   a newline, as all Dossier files are written
 */
char *
dossier_json_to_text (JsonNode *root,
                      gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  char *result;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  result = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);

  return result;
}
