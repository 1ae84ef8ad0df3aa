/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-document-json.h"
#include "dossier-json-reader.h"
#include "dossier-json-scan.h"

typedef struct {
  JsonNode *node;  /* borrowed from the tree */
  char *path;
} Frame;

struct _DossierJsonReader
{
  JsonNode *root;
  GArray *stack;
  GHashTable *numbers;  /* path → DossierJsonNumber, when read from text */
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

/**
 * dossier_json_reader_new_for_data:
 * @data: JSON text (untrusted)
 * @length: its length, or -1 if nul-terminated
 *
 * Parses @data (dossier_json_parse_text()) and stands at its root. Unlike
 * a reader of a tree, it knows each number as the file writes it, so an
 * error can quote "18446744073709551616" where json-glib read -1.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
DossierJsonReader *
dossier_json_reader_new_for_data (const char  *data,
                                  gssize       length,
                                  GError     **error)
{
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(JsonNode) root = dossier_json_parse_text (data, length, &numbers, error);
  DossierJsonReader *reader;

  if (root == NULL)
    return NULL;

  reader = dossier_json_reader_new (root);
  reader->numbers = g_steal_pointer (&numbers);
  return reader;
}

void
dossier_json_reader_free (DossierJsonReader *reader)
{
  g_clear_pointer (&reader->numbers, g_hash_table_unref);
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

/**
 * dossier_json_reader_fail_date:
 * @reader: a reader
 * @member: the member whose value is not a date
 * @partial: a date known only to the year or the month is one too
 * @error: return location for an error
 *
 * Fails with the message every format gives for a date it cannot take,
 * so that they all say the same.
 *
 * Returns: %FALSE
 */
gboolean
dossier_json_reader_fail_date (DossierJsonReader  *reader,
                               const char         *member,
                               gboolean            partial,
                               GError            **error)
{
  return dossier_json_reader_fail (reader, member, error,
                                   partial ? _("expected a date written YYYY, YYYY-MM or YYYY-MM-DD")
                                           : _("expected a date written YYYY-MM-DD"));
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

static gboolean
fail_too_long (DossierJsonReader  *reader,
               const char         *member,
               gsize               length,
               gsize               max_bytes,
               GError            **error)
{
  g_autofree char *path = member_path (reader, member);
  g_autofree char *message = dossier_limit_dup_too_long (path, length, max_bytes);

  g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
  return FALSE;
}

static gboolean
check_count (DossierJsonReader  *reader,
             const char         *member,
             guint               n,
             guint               max_elements,
             GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  g_autofree char *allowed = NULL;

  if (n <= max_elements)
    return TRUE;

  path = member_path (reader, member);
  found = dossier_limit_format_count (n);
  allowed = dossier_limit_format_count (max_elements);
  /* Translators: "paragraphs has 100,001 elements; at most 100,000 are allowed" */
  g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE,
               _("%s has %s elements; at most %s are allowed"), path, found, allowed);
  return FALSE;
}

/**
 * dossier_json_reader_read_boolean:
 * @value: (out): the value; %FALSE when the member is missing or null
 *
 * Returns: %FALSE with @error set when @member is there and neither a
 *   boolean nor null
 */
gboolean
dossier_json_reader_read_boolean (DossierJsonReader  *reader,
                                  const char         *member,
                                  gboolean           *value,
                                  GError            **error)
{
  JsonNode *node = lookup (reader, member);

  *value = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return dossier_json_reader_fail (reader, member, error, _("expected true or false"));

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
dossier_json_reader_read_string (DossierJsonReader  *reader,
                                 const char         *member,
                                 gboolean            nullable,
                                 char              **value,
                                 GError            **error)
{
  return dossier_json_reader_read_string_max (reader, member, nullable, G_MAXSIZE, value, error);
}

/**
 * dossier_json_reader_read_string_max:
 * @nullable: whether null or a missing member is read as %NULL
 * @max_bytes: the longest value allowed, in bytes (dossier-limits.h)
 *
 * Returns: %FALSE with @error set when @member is missing (and not
 *   @nullable), not a string, or longer than @max_bytes
 */
gboolean
dossier_json_reader_read_string_max (DossierJsonReader  *reader,
                                     const char         *member,
                                     gboolean            nullable,
                                     gsize               max_bytes,
                                     char              **value,
                                     GError            **error)
{
  JsonNode *node = lookup (reader, member);
  const char *string;
  gsize length;

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

  string = json_node_get_string (node);
  length = strlen (string);
  if (length > max_bytes)
    return fail_too_long (reader, member, length, max_bytes, error);

  *value = g_strndup (string, length);
  return TRUE;
}

static gboolean
fail_number (DossierJsonReader  *reader,
             const char         *member,
             const char         *written,
             gboolean            whole,
             gint64              min,
             gint64              max,
             GError            **error)
{
  g_autofree char *message = NULL;

  if (!whole)
    /* Translators: "1.5 is not a whole number" */
    message = g_strdup_printf (_("%s is not a whole number"), written);
  else
    {
      /* Numbers are formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: "812 is out of range (0–640)" */
      message = g_strdup_printf (_("%s is out of range (%s–%s)"), written, low, high);
    }

  return dossier_json_reader_fail (reader, member, error, message);
}

/**
 * dossier_json_reader_read_int:
 * @min: the smallest value allowed
 * @max: the largest value allowed
 *
 * Reads a whole number, however it is written (2, 2.0 and 2e0 are the
 * same number). An error quotes the number as the file writes it when
 * the reader was made by dossier_json_reader_new_for_data().
 *
 * Returns: %FALSE with @error set when @member is missing, not a whole
 *   number or out of range
 */
gboolean
dossier_json_reader_read_int (DossierJsonReader  *reader,
                              const char         *member,
                              gint64              min,
                              gint64              max,
                              gint64             *value,
                              GError            **error)
{
  JsonNode *node = lookup (reader, member);
  DossierJsonNumber *written = NULL;
  g_autofree char *shown = NULL;
  GType type;
  gint64 number;

  if (node == NULL)
    return dossier_json_reader_fail (reader, member, error, _("is missing"));

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return dossier_json_reader_fail (reader, member, error, _("expected a whole number"));

  /* Empty unless the file writes a number oddly: no path to build. */
  if (reader->numbers != NULL && g_hash_table_size (reader->numbers) > 0)
    {
      g_autofree char *path = member_path (reader, member);
      written = g_hash_table_lookup (reader->numbers, path);
    }

  if (written != NULL)
    {
      /* json-glib's value may be wrapped around or rounded. */
      if (written->kind != DOSSIER_JSON_NUMBER_WHOLE)
        return fail_number (reader, member, written->written,
                            written->kind != DOSSIER_JSON_NUMBER_FRACTION, min, max, error);
      number = written->value;
    }
  else if (type == G_TYPE_DOUBLE)
    {
      /* A tree built in memory: the double is all there is. */
      double d = json_node_get_double (node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (buffer, sizeof buffer, d);
      if (isnan (d) || (isfinite (d) && floor (d) != d))
        return fail_number (reader, member, buffer, FALSE, min, max, error);
      if (!isfinite (d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
        return fail_number (reader, member, buffer, TRUE, min, max, error);
      number = (gint64) d;
    }
  else
    number = json_node_get_int (node);

  if (number < min || number > max)
    {
      shown = written != NULL ? g_strdup (written->written) : g_strdup_printf ("%" G_GINT64_FORMAT, number);
      return fail_number (reader, member, shown, TRUE, min, max, error);
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
  return dossier_json_reader_read_string_array_max (reader, member, optional, G_MAXUINT, G_MAXSIZE,
                                                    value, error);
}

/**
 * dossier_json_reader_read_string_array_max:
 * @optional: whether a missing member is read as %NULL
 * @max_elements: the most strings allowed
 * @max_bytes: the longest string allowed, in bytes
 *
 * Returns: %FALSE with @error set when @member is missing (and not
 *   @optional), not an array of strings, or over a limit
 */
gboolean
dossier_json_reader_read_string_array_max (DossierJsonReader   *reader,
                                           const char          *member,
                                           gboolean             optional,
                                           guint                max_elements,
                                           gsize                max_bytes,
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
  if (!check_count (reader, member, n, max_elements, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *indexed = NULL;
      const char *string;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          indexed = g_strdup_printf ("%s[%u]", member, i);
          return dossier_json_reader_fail (reader, indexed, error, _("expected a string"));
        }

      string = json_node_get_string (element);
      if (strlen (string) > max_bytes)
        {
          indexed = g_strdup_printf ("%s[%u]", member, i);
          return fail_too_long (reader, indexed, strlen (string), max_bytes, error);
        }

      g_strv_builder_add (builder, string);
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
  return dossier_json_reader_begin_array_max (reader, member, optional, G_MAXUINT, n_elements, error);
}

/**
 * dossier_json_reader_begin_array_max:
 * @max_elements: the most elements allowed
 *
 * As dossier_json_reader_begin_array(), refusing an array of more than
 * @max_elements before any of them is read.
 */
gboolean
dossier_json_reader_begin_array_max (DossierJsonReader  *reader,
                                     const char         *member,
                                     gboolean            optional,
                                     guint               max_elements,
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
  if (!check_count (reader, member, *n_elements, max_elements, error))
    {
      *n_elements = 0;
      return FALSE;
    }

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
  return dossier_json_reader_read_object_array_max (reader, member, optional, G_MAXUINT,
                                                    read_element, user_data, error);
}

/**
 * dossier_json_reader_read_object_array_max:
 * @max_elements: the most elements allowed
 *
 * As dossier_json_reader_read_object_array(), refusing an array of more
 * than @max_elements before any of them is read.
 */
gboolean
dossier_json_reader_read_object_array_max (DossierJsonReader       *reader,
                                           const char              *member,
                                           gboolean                 optional,
                                           guint                    max_elements,
                                           DossierJsonElementFunc   read_element,
                                           gpointer                 user_data,
                                           GError                 **error)
{
  guint n;

  if (!dossier_json_reader_begin_array_max (reader, member, optional, max_elements, &n, error))
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

/**
 * dossier_json_read_node:
 * @node: a parsed file
 * @read: reads its root object and returns what it built
 * @error: return location for an error
 *
 * Returns: (transfer full): what @read built, or %NULL with @error set
 */
gpointer
dossier_json_read_node (JsonNode             *node,
                        DossierJsonReadFunc   read,
                        GError              **error)
{
  g_autoptr(DossierJsonReader) reader = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  reader = dossier_json_reader_new (node);
  return read (reader, error);
}

/**
 * dossier_json_read_data:
 * @data: the text of a file (untrusted), parsed within the limits of
 *   dossier_json_parse_text()
 * @length: its length, or -1 if nul-terminated
 * @read: reads its root object and returns what it built
 * @error: return location for an error
 *
 * Returns: (transfer full): what @read built, or %NULL with @error set
 */
gpointer
dossier_json_read_data (const char           *data,
                        gssize                length,
                        DossierJsonReadFunc   read,
                        GError              **error)
{
  g_autoptr(DossierJsonReader) reader = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  reader = dossier_json_reader_new_for_data (data, length, error);
  if (reader == NULL)
    return NULL;
  return read (reader, error);
}
