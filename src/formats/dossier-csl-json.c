/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-csl-json.h"
#include "dossier-document-json.h"
#include "dossier-json-writer.h"

/*
 * CSL-JSON: the Citation Style Language's data format, what Zotero's "CSL
 * JSON" export, pandoc and citeproc read and write. A file is an array of
 * items (pandoc also accepts one item); names are objects of parts or a
 * "literal"; dates are {"date-parts": [[year, month, day]]}, any of the
 * month and day may be missing, or {"raw": "…"} / {"literal": "…"}.
 */

static gboolean
fail (GError     **error,
      const char  *member,
      const char  *message)
{
  g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID, "%s: %s", member, message);
  return FALSE;
}

/* A string, or a whole number written as one ("volume": 12). */
static gboolean
read_text (JsonObject  *item,
           const char  *member,
           char       **value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (item, member);
  GType type;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fail (error, member, _("expected a string"));

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (node)));

      *value = *copy != '\0' ? g_steal_pointer (&copy) : NULL;
    }
  else if (type == G_TYPE_INT64)
    *value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    return fail (error, member, _("expected a string"));
  return TRUE;
}

static gboolean
date_part (JsonArray *parts,
           guint      index,
           gint64    *value)
{
  JsonNode *node = json_array_get_element (parts, index);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  /* citeproc-js writes numbers; Zotero and some tools strings of digits. */
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end;

      if (text[0] == '\0' || strlen (text) > 4)
        return FALSE;
      *value = g_ascii_strtoll (text, &end, 10);
      if (*end != '\0')
        return FALSE;
    }
  else
    return FALSE;
  return TRUE;
}

/* "2019-11-04", "2019-11", "2019" from a raw date a tool could not parse
 * into parts; anything else (a season, "n.d.") is not a date Dossier can
 * keep, and is dropped with the rest of the date. */
static char *
date_from_raw (const char *raw)
{
  static const gsize lengths[] = { 10, 7, 4 };
  g_autofree char *copy = g_strstrip (g_strdup (raw));
  gsize n = strlen (copy);

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *prefix = NULL;

      if (n < lengths[i] || (n > lengths[i] && g_ascii_isdigit (copy[lengths[i]])))
        continue;
      prefix = g_strndup (copy, lengths[i]);
      if (dossier_is_valid_partial_date (prefix))
        return g_steal_pointer (&prefix);
    }
  return NULL;
}

static gboolean
read_date (JsonObject  *item,
           const char  *member,
           char       **value,
           GError     **error)
{
  JsonNode *node = json_object_get_member (item, member);
  JsonObject *date;
  JsonNode *parts_node;
  JsonArray *first;
  gint64 year = 0, month = 0, day = 0;
  guint n;

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *value = date_from_raw (json_node_get_string (node));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, member, _("expected a date object"));

  date = json_node_get_object (node);
  parts_node = json_object_get_member (date, "date-parts");
  if (parts_node == NULL)
    {
      g_autofree char *raw = NULL;

      if (!read_text (date, "raw", &raw, error))
        return FALSE;
      if (raw == NULL && !read_text (date, "literal", &raw, error))
        return FALSE;
      if (raw != NULL)
        *value = date_from_raw (raw);
      return TRUE;
    }

  /* The first of a range is the date; a range's end is lost. */
  if (!JSON_NODE_HOLDS_ARRAY (parts_node) || json_array_get_length (json_node_get_array (parts_node)) == 0 ||
      !JSON_NODE_HOLDS_ARRAY (json_array_get_element (json_node_get_array (parts_node), 0)))
    return fail (error, member, _("expected \"date-parts\": [[year, month, day]]"));

  first = json_array_get_array_element (json_node_get_array (parts_node), 0);
  n = json_array_get_length (first);
  if (n == 0)
    return TRUE;
  if (n > 3 || !date_part (first, 0, &year) || (n > 1 && !date_part (first, 1, &month)) ||
      (n > 2 && !date_part (first, 2, &day)))
    return fail (error, member, _("expected \"date-parts\": [[year, month, day]]"));

  if (n == 3)
    *value = g_strdup_printf ("%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT, year, month, day);
  else if (n == 2)
    *value = g_strdup_printf ("%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT, year, month);
  else
    *value = g_strdup_printf ("%04" G_GINT64_FORMAT, year);

  if (year < 1 || year > 9999 || !dossier_is_valid_partial_date (*value))
    {
      g_autofree char *shown = g_steal_pointer (value);
      g_autofree char *message = g_strdup_printf (_("%s is not a calendar date"), shown);
      return fail (error, member, message);
    }
  return TRUE;
}

static gboolean
read_names (JsonObject       *item,
            const char       *member,
            DossierDocument  *document,
            GError          **error)
{
  JsonNode *node = json_object_get_member (item, member);
  JsonArray *names;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, member, _("expected an array of names"));

  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *element = json_array_get_element (names, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autofree char *literal = NULL, *family = NULL, *given = NULL;
      g_autofree char *dropping = NULL, *non_dropping = NULL, *suffix = NULL;
      g_autofree char *particle = NULL;
      g_autoptr(DossierAuthor) author = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *name;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, path, _("expected a name object"));
      name = json_node_get_object (element);

      if (!read_text (name, "literal", &literal, &local_error) ||
          !read_text (name, "family", &family, &local_error) ||
          !read_text (name, "given", &given, &local_error) ||
          !read_text (name, "dropping-particle", &dropping, &local_error) ||
          !read_text (name, "non-dropping-particle", &non_dropping, &local_error) ||
          !read_text (name, "suffix", &suffix, &local_error))
        return fail (error, path, local_error->message);

      /* Dossier keeps one particle: "van" (dropping) and "de" (not) are
       * both printed before the family name. */
      if (dropping != NULL && non_dropping != NULL)
        particle = g_strconcat (dropping, " ", non_dropping, NULL);
      else
        particle = g_strdup (dropping ?: non_dropping);

      if (literal != NULL)
        author = dossier_reference_organisation_new (literal);
      else
        author = dossier_reference_author_new (given, particle, family, suffix);
      if (author == NULL)
        continue;
      dossier_document_add_author (document, author);
    }
  return TRUE;
}

static gboolean
read_item (JsonNode         *node,
           DossierDocument  *document,
           char            **key,
           GError          **error)
{
  static const struct { const char *member; DossierDocumentField field; } fields[] = {
    { "container-title", DOSSIER_FIELD_CONTAINER_TITLE },
    { "DOI", DOSSIER_FIELD_DOI },
    { "volume", DOSSIER_FIELD_VOLUME },
    { "issue", DOSSIER_FIELD_ISSUE },
    { "page", DOSSIER_FIELD_PAGES },
    { "edition", DOSSIER_FIELD_EDITION },
    { "publisher-place", DOSSIER_FIELD_PLACE },
  };
  g_autofree char *type = NULL, *title = NULL, *publisher = NULL, *url = NULL;
  g_autofree char *issued = NULL, *accessed = NULL;
  JsonObject *item;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _("item"), _("expected an object"));
  item = json_node_get_object (node);

  if (!read_text (item, "id", key, error) ||
      !read_text (item, "type", &type, error) ||
      !read_text (item, "title", &title, error) ||
      !read_text (item, "publisher", &publisher, error) ||
      !read_text (item, "URL", &url, error) ||
      !read_date (item, "issued", &issued, error) ||
      !read_date (item, "accessed", &accessed, error))
    return FALSE;

  dossier_document_set_title (document, title);
  dossier_document_set_publisher (document, publisher);
  dossier_document_set_source_url (document, url);
  dossier_document_set_issued (document, issued);
  dossier_document_set_field (document, DOSSIER_FIELD_ACCESSED, accessed);
  /* A type from a later CSL version is unknown, not wrong. */
  if (type != NULL)
    dossier_document_set_field (document, DOSSIER_FIELD_ITEM_TYPE, type);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      if (!read_text (item, fields[i].member, &value, error))
        return FALSE;
      dossier_document_set_field (document, fields[i].field, value);
    }

  /* Editors, translators and the rest are not authors: they are lost. */
  return read_names (item, "author", document, error);
}

/**
 * dossier_csl_json_read:
 * @data: a CSL-JSON file (untrusted)
 * @problems: an array of #GError to add to, one for each entry that could
 *   not be read (naming it); the other entries are read
 *
 * Returns: (transfer full) (element-type DossierReferenceEntry): the
 *   entries, or %NULL with @error set when the file is not CSL-JSON
 */
GPtrArray *
dossier_csl_json_read (const char  *data,
                       gsize        length,
                       GPtrArray   *problems,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_reference_entry_free);
  g_autoptr(JsonArray) items = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  root = dossier_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      items = json_array_new ();
      json_array_add_element (items, json_node_copy (root));
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    items = json_array_ref (json_node_get_array (root));
  else
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                           _("A CSL-JSON file is an array of items"));
      return NULL;
    }

  if (json_array_get_length (items) > DOSSIER_REFERENCE_MAX_ENTRIES)
    {
      g_autofree char *message = dossier_limit_dup_too_many (_("entries"), json_array_get_length (items),
                                                             DOSSIER_REFERENCE_MAX_ENTRIES);
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(DossierDocument) document = dossier_document_new ();
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;

      if (!read_item (json_array_get_element (items, i), document, &key, &local_error) ||
          !dossier_reference_check_entry (document, &local_error))
        {
          g_ptr_array_add (problems, dossier_reference_entry_error (i, key, local_error));
          continue;
        }

      {
        DossierReferenceEntry *entry = dossier_reference_entry_new (document);

        entry->key = g_steal_pointer (&key);
        entry->position = i;
        g_ptr_array_add (entries, entry);
      }
    }

  return g_steal_pointer (&entries);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const char  *date)
{
  guint year = 0, month = 0, day = 0;
  int n;

  if (date == NULL)
    return;
  n = sscanf (date, "%4u-%2u-%2u", &year, &month, &day);
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date-parts");
  json_builder_begin_array (builder);
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, year);
  if (n >= 2)
    json_builder_add_int_value (builder, month);
  if (n >= 3)
    json_builder_add_int_value (builder, day);
  json_builder_end_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_authors (JsonBuilder     *builder,
             DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  if (n == 0)
    return;
  json_builder_set_member_name (builder, "author");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      json_builder_begin_object (builder);
      /* A name never split into parts is written whole, not guessed at. */
      if (dossier_author_get_organisation (author) || !dossier_author_has_parts (author))
        add_string (builder, "literal", dossier_author_get_name (author));
      else
        {
          add_string (builder, "family", dossier_author_get_family (author));
          add_string (builder, "given", dossier_author_get_given (author));
          add_string (builder, "non-dropping-particle", dossier_author_get_particle (author));
          add_string (builder, "suffix", dossier_author_get_suffix (author));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * dossier_csl_json_write:
 * @documents: (element-type DossierDocument): what to write
 *
 * Writes the documents as CSL-JSON, as Zotero does: an array of items,
 * each with an id (a citation key, see dossier_reference_make_key()).
 * A subtitle is written after the title and a colon, as CSL has no field
 * for it.
 *
 * Returns: (transfer full): the file's text, ending in a newline
 */
char *
dossier_csl_json_write (GPtrArray *documents,
                        gsize     *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = documents->pdata[i];
      g_autofree char *key = dossier_reference_make_key (document, keys);
      g_autofree char *title = NULL;

      if (dossier_document_get_subtitle (document) != NULL)
        title = g_strdup_printf ("%s: %s", dossier_document_get_title (document) ?: "",
                                 dossier_document_get_subtitle (document));
      else
        title = g_strdup (dossier_document_get_title (document));

      json_builder_begin_object (builder);
      add_string (builder, "id", key);
      add_string (builder, "type", dossier_reference_default_type (document));
      add_string (builder, "title", title);
      add_authors (builder, document);
      add_string (builder, "container-title", dossier_document_get_field (document, DOSSIER_FIELD_CONTAINER_TITLE));
      add_string (builder, "publisher", dossier_document_get_publisher (document));
      add_string (builder, "publisher-place", dossier_document_get_field (document, DOSSIER_FIELD_PLACE));
      add_string (builder, "volume", dossier_document_get_field (document, DOSSIER_FIELD_VOLUME));
      add_string (builder, "issue", dossier_document_get_field (document, DOSSIER_FIELD_ISSUE));
      add_string (builder, "page", dossier_document_get_field (document, DOSSIER_FIELD_PAGES));
      add_string (builder, "edition", dossier_document_get_field (document, DOSSIER_FIELD_EDITION));
      add_string (builder, "DOI", dossier_document_get_field (document, DOSSIER_FIELD_DOI));
      add_string (builder, "URL", dossier_document_get_source_url (document));
      add_date (builder, "issued", dossier_document_get_issued (document));
      add_date (builder, "accessed", dossier_document_get_field (document, DOSSIER_FIELD_ACCESSED));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return dossier_json_to_text (root, length);
}
