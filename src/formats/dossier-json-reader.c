/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-document-json.h"
#include "dossier-json-reader.h"

typedef struct {
  JsonNode *node;  /* borrowed from the tree */
  char *path;
} Frame;

struct _DossierJsonReader
{
  JsonNode *root;
  GArray *stack;
};

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->path, g_free);
}

DossierJsonReader *
dossier_json_reader_new (JsonNode *root)
{
  DossierJsonReader *reader = g_new0 (DossierJsonReader, 1);
  Frame frame;

  reader->root = json_node_ref (root);
  reader->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (reader->stack, clear_frame);

  frame.node = root;
  frame.path = g_strdup ("");
  g_array_append_val (reader->stack, frame);

  return reader;
}

void
dossier_json_reader_free (DossierJsonReader *reader)
{
  g_clear_pointer (&reader->stack, g_array_unref);
  g_clear_pointer (&reader->root, json_node_unref);
  g_free (reader);
}

static Frame *
top (DossierJsonReader *reader)
{
  return &g_array_index (reader->stack, Frame, reader->stack->len - 1);
}

static char *
member_path (DossierJsonReader *reader,
             const char        *member)
{
  const char *path = top (reader)->path;

  if (member == NULL)
    return g_strdup (*path ? path : _("the file"));
  if (*path == '\0')
    return g_strdup (member);

  return g_strdup_printf ("%s.%s", path, member);
}

gboolean
dossier_json_reader_fail (DossierJsonReader  *reader,
                          const char         *member,
                          GError            **error,
                          const char         *message)
{
  g_autofree char *path = member_path (reader, member);

  /* Translators: "paragraphs[2].text: expected a string" */
  g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
               _("%s: %s"), path, message);
  return FALSE;
}

static JsonObject *
current_object (DossierJsonReader *reader)
{
  JsonNode *node = top (reader)->node;

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
lookup (DossierJsonReader *reader,
        const char        *member)
{
  JsonObject *object = current_object (reader);

  return object != NULL ? json_object_get_member (object, member) : NULL;
}

gboolean
dossier_json_reader_has_member (DossierJsonReader *reader,
                                const char        *member)
{
  return lookup (reader, member) != NULL;
}

gboolean
dossier_json_reader_check_format (DossierJsonReader  *reader,
                                  const char         *format,
                                  gint64              max_version,
                                  GError            **error)
{
  g_autofree char *found = NULL;
  gint64 version;

  if (current_object (reader) == NULL)
    return dossier_json_reader_fail (reader, NULL, error, _("expected a JSON object"));

  if (!dossier_json_reader_read_string (reader, "format", FALSE, &found, error))
    return FALSE;

  if (!g_str_equal (found, format))
    {
      g_autofree char *message = g_strdup_printf (_("expected \"%s\", found \"%s\""), format, found);
      return dossier_json_reader_fail (reader, "format", error, message);
    }

  if (!dossier_json_reader_read_int (reader, "version", 1, G_MAXINT, &version, error))
    return FALSE;

  if (version > max_version)
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_VERSION,
                   _("The file was written by a newer version of Dossier (format version %d)"),
                   (int)version);
      return FALSE;
    }

  return TRUE;
}

gboolean
dossier_json_reader_read_string (DossierJsonReader  *reader,
                                 const char         *member,
                                 gboolean            nullable,
                                 char              **value,
                                 GError            **error)
{
  JsonNode *node = lookup (reader, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return dossier_json_reader_fail (reader, member, error,
                                       node ? _("must not be null") : _("is missing"));
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return dossier_json_reader_fail (reader, member, error, _("expected a string"));

  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
dossier_json_reader_read_int (DossierJsonReader  *reader,
                              const char         *member,
                              gint64              min,
                              gint64              max,
                              gint64             *value,
                              GError            **error)
{
  JsonNode *node = lookup (reader, member);
  gint64 number;

  if (node == NULL)
    return dossier_json_reader_fail (reader, member, error, _("is missing"));

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return dossier_json_reader_fail (reader, member, error, _("expected a whole number"));

  number = json_node_get_int (node);
  if (number < min || number > max)
    {
      /* Numbers are formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: "812 is out of range (0–640)" */
      g_autofree char *message = g_strdup_printf (_("%s is out of range (%s–%s)"), found, low, high);
      return dossier_json_reader_fail (reader, member, error, message);
    }

  *value = number;
  return TRUE;
}

gboolean
dossier_json_reader_read_string_array (DossierJsonReader   *reader,
                                       const char          *member,
                                       gboolean             optional,
                                       char              ***value,
                                       GError             **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node = lookup (reader, member);
  JsonArray *array;
  guint n;

  *value = NULL;

  if (node == NULL && optional)
    return TRUE;
  if (node == NULL)
    return dossier_json_reader_fail (reader, member, error, _("is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return dossier_json_reader_fail (reader, member, error, _("expected an array of strings"));

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *indexed = g_strdup_printf ("%s[%u]", member, i);
          return dossier_json_reader_fail (reader, indexed, error, _("expected a string"));
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

static void
push (DossierJsonReader *reader,
      JsonNode          *node,
      char              *path)
{
  Frame frame = { node, path };

  g_array_append_val (reader->stack, frame);
}

gboolean
dossier_json_reader_begin_object (DossierJsonReader  *reader,
                                  const char         *member,
                                  GError            **error)
{
  JsonNode *node = lookup (reader, member);

  if (node == NULL)
    return dossier_json_reader_fail (reader, member, error, _("is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return dossier_json_reader_fail (reader, member, error, _("expected an object"));

  push (reader, node, member_path (reader, member));
  return TRUE;
}

/**
 * dossier_json_reader_begin_array:
 * @optional: whether a missing member counts as an empty array
 *
 * Enters the array @member; on success the caller must call
 * dossier_json_reader_end() after visiting the elements.
 */
gboolean
dossier_json_reader_begin_array (DossierJsonReader  *reader,
                                 const char         *member,
                                 gboolean            optional,
                                 guint              *n_elements,
                                 GError            **error)
{
  JsonNode *node = lookup (reader, member);

  *n_elements = 0;

  if (node == NULL && !optional)
    return dossier_json_reader_fail (reader, member, error, _("is missing"));
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return dossier_json_reader_fail (reader, member, error, _("expected an array"));

  if (node != NULL)
    *n_elements = json_array_get_length (json_node_get_array (node));

  /* A missing optional array is entered as a null node with no elements. */
  push (reader, node ? node : NULL, member_path (reader, member));
  return TRUE;
}

gboolean
dossier_json_reader_begin_object_element (DossierJsonReader  *reader,
                                          guint               index,
                                          GError            **error)
{
  Frame *frame = top (reader);
  JsonNode *element;
  char *path;

  g_assert (frame->node != NULL && JSON_NODE_HOLDS_ARRAY (frame->node));

  element = json_array_get_element (json_node_get_array (frame->node), index);
  path = g_strdup_printf ("%s[%u]", frame->path, index);

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                   _("%s: %s"), path, _("expected an object"));
      g_free (path);
      return FALSE;
    }

  push (reader, element, path);
  return TRUE;
}

void
dossier_json_reader_end (DossierJsonReader *reader)
{
  g_assert (reader->stack->len > 1);

  g_array_set_size (reader->stack, reader->stack->len - 1);
}

/**
 * dossier_json_reader_read_object_array:
 * @optional: whether a missing member counts as an empty array
 * @read_element: called once per element, with the reader inside it
 *
 * Walks the array of objects @member, so each format only says how one
 * element is read.
 */
gboolean
dossier_json_reader_read_object_array (DossierJsonReader       *reader,
                                       const char              *member,
                                       gboolean                 optional,
                                       DossierJsonElementFunc   read_element,
                                       gpointer                 user_data,
                                       GError                 **error)
{
  guint n;

  if (!dossier_json_reader_begin_array (reader, member, optional, &n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!dossier_json_reader_begin_object_element (reader, i, error) ||
          !read_element (reader, user_data, error))
        return FALSE;
      dossier_json_reader_end (reader);
    }

  dossier_json_reader_end (reader);
  return TRUE;
}
