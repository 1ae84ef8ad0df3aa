/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-document-json.h"
#include "dossier-json-reader.h"
#include "dossier-json-writer.h"

G_DEFINE_QUARK (dossier-format-error-quark, dossier_format_error)

/* json-glib parses recursively; a file of a million '[' would exhaust the
 * stack. Real documents nest four levels deep. */
#define MAX_JSON_DEPTH 256

static gboolean
check_nesting_depth (const char  *data,
                     gsize        length,
                     GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            {
              g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_DEEP,
                           _("The file is nested more than %d levels deep"), MAX_JSON_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * dossier_json_parse:
 * @data: JSON text
 * @length: its length, or -1 if nul-terminated
 *
 * Parses untrusted JSON text with a bound on nesting.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
dossier_json_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                           _("The file is not UTF-8 text"));
      return NULL;
    }

  if (!check_nesting_depth (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:1:36: Parse error: unexpected …": say
       * where in words, without its placeholder for a file name. */
      g_autoptr(GRegex) regex = g_regex_new ("^<data>:(\\d+):(\\d+): (?:Parse error: )?(.*)$", G_REGEX_DOTALL, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, local_error->message, 0, &match))
        {
          g_autofree char *line = g_match_info_fetch (match, 1);
          g_autofree char *column = g_match_info_fetch (match, 2);
          g_autofree char *what = g_match_info_fetch (match, 3);

          /* TRANSLATORS: line and column numbers, then json-glib's reason */
          g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                       _("The file is not valid JSON (damaged or cut short?) at line %s, column %s: %s"),
                       line, column, what);
        }
      else
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                     _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                           _("The file is empty"));
      return NULL;
    }

  return json_node_copy (root);
}

static void
add_paragraphs (JsonBuilder     *builder,
                DossierDocument *document)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  guint n = g_list_model_get_n_items (paragraphs);

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      const DossierFootnoteRef *refs;
      guint n_refs;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, dossier_paragraph_get_text (paragraph));

      /* Written only for headings and quotes so body paragraphs look
       * exactly as in the first version of the format; "attribution" only
       * when set, so files without quotes do not change at all. */
      switch (dossier_paragraph_get_kind (paragraph))
        {
        case DOSSIER_PARAGRAPH_HEADING:
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, "heading");
          break;
        case DOSSIER_PARAGRAPH_QUOTE:
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, "quote");
          break;
        case DOSSIER_PARAGRAPH_BODY:
        default:
          break;
        }
      if (dossier_paragraph_get_attribution (paragraph) != NULL)
        {
          json_builder_set_member_name (builder, "attribution");
          json_builder_add_string_value (builder, dossier_paragraph_get_attribution (paragraph));
        }

      refs = dossier_paragraph_get_refs (paragraph, &n_refs);
      json_builder_set_member_name (builder, "footnote_refs");
      json_builder_begin_array (builder);
      for (guint r = 0; r < n_refs; r++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, refs[r].number);
          json_builder_set_member_name (builder, "offset");
          json_builder_add_int_value (builder, refs[r].offset);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_footnotes (JsonBuilder     *builder,
               DossierDocument *document)
{
  GListModel *footnotes = dossier_document_get_footnotes (document);
  guint n = g_list_model_get_n_items (footnotes);

  json_builder_set_member_name (builder, "footnotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, dossier_footnote_get_number (note));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, dossier_footnote_get_text (note) ?: "");
      dossier_json_builder_add_string_array (builder, "urls", dossier_footnote_get_urls (note));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_authors (JsonBuilder     *builder,
             DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, dossier_author_get_name (author) ?: "");
      dossier_json_builder_add_nullable_string (builder, "position", dossier_author_get_position (author));
      dossier_json_builder_add_nullable_string (builder, "affiliation", dossier_author_get_affiliation (author));
      dossier_json_builder_add_nullable_string (builder, "bio", dossier_author_get_bio (author));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * dossier_document_to_json_node:
 *
 * Returns: (transfer full): @document in the `dossier-document` format
 */
JsonNode *
dossier_document_to_json_node (DossierDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "dossier-document");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOSSIER_DOCUMENT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, dossier_document_get_title (document) ?: "");
  dossier_json_builder_add_nullable_string (builder, "subtitle", dossier_document_get_subtitle (document));
  dossier_json_builder_add_nullable_string (builder, "publisher", dossier_document_get_publisher (document));
  dossier_json_builder_add_nullable_string (builder, "published", dossier_document_get_published (document));
  dossier_json_builder_add_nullable_string (builder, "source_url", dossier_document_get_source_url (document));
  dossier_json_builder_add_string_array (builder, "key_points", dossier_document_get_key_points (document));
  dossier_json_builder_add_string_array (builder, "pull_quotes", dossier_document_get_pull_quotes (document));
  add_paragraphs (builder, document);
  add_footnotes (builder, document);
  add_authors (builder, document);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * dossier_document_to_json:
 * @length: (out) (optional): the length of the returned text
 *
 * Returns: (transfer full): @document as indented JSON text ending in a newline
 */
char *
dossier_document_to_json (DossierDocument *document,
                          gsize           *length)
{
  g_autoptr(JsonNode) root = dossier_document_to_json_node (document);

  return dossier_json_to_text (root, length);
}

static gboolean
read_paragraph (DossierJsonReader  *reader,
                gpointer            user_data,
                GError            **error)
{
  DossierDocument *document = user_data;
  g_autoptr(DossierParagraph) paragraph = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *attribution = NULL;
  guint n_refs;
  glong text_length;

  if (!dossier_json_reader_read_string (reader, "text", FALSE, &text, error) ||
      !dossier_json_reader_read_string (reader, "kind", TRUE, &kind, error) ||
      !dossier_json_reader_read_string (reader, "attribution", TRUE, &attribution, error))
    return FALSE;

  paragraph = dossier_paragraph_new (text);
  text_length = g_utf8_strlen (text, -1);

  if (kind == NULL || g_str_equal (kind, "body"))
    dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_BODY);
  else if (g_str_equal (kind, "heading"))
    dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_HEADING);
  else if (g_str_equal (kind, "quote"))
    dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_QUOTE);
  else
    return dossier_json_reader_fail (reader, "kind", error,
                                     _("expected \"body\", \"heading\" or \"quote\""));
  dossier_paragraph_set_attribution (paragraph, attribution);

  if (!dossier_json_reader_begin_array (reader, "footnote_refs", TRUE, &n_refs, error))
    return FALSE;

  for (guint r = 0; r < n_refs; r++)
    {
      gint64 number, offset;

      if (!dossier_json_reader_begin_object_element (reader, r, error) ||
          !dossier_json_reader_read_int (reader, "number", 0, G_MAXINT, &number, error) ||
          !dossier_json_reader_read_int (reader, "offset", 0, text_length, &offset, error))
        return FALSE;

      dossier_paragraph_add_ref (paragraph, number, offset);
      dossier_json_reader_end (reader);
    }
  dossier_json_reader_end (reader);

  dossier_document_add_paragraph (document, paragraph);
  return TRUE;
}

static gboolean
read_footnote (DossierJsonReader  *reader,
               gpointer            user_data,
               GError            **error)
{
  DossierDocument *document = user_data;
  g_autoptr(DossierFootnote) note = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) urls = NULL;
  gint64 number;

  if (!dossier_json_reader_read_int (reader, "number", 0, G_MAXINT, &number, error) ||
      !dossier_json_reader_read_string (reader, "text", FALSE, &text, error) ||
      !dossier_json_reader_read_string_array (reader, "urls", TRUE, &urls, error))
    return FALSE;

  note = dossier_footnote_new (number, text);
  if (urls != NULL)
    dossier_footnote_set_urls (note, (const char * const *)urls);

  dossier_document_add_footnote (document, note);
  return TRUE;
}

static gboolean
read_author (DossierJsonReader  *reader,
             gpointer            user_data,
             GError            **error)
{
  DossierDocument *document = user_data;
  g_autoptr(DossierAuthor) author = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *bio = NULL;

  if (!dossier_json_reader_read_string (reader, "name", FALSE, &name, error) ||
      !dossier_json_reader_read_string (reader, "position", TRUE, &position, error) ||
      !dossier_json_reader_read_string (reader, "affiliation", TRUE, &affiliation, error) ||
      !dossier_json_reader_read_string (reader, "bio", TRUE, &bio, error))
    return FALSE;

  author = dossier_author_new (name);
  dossier_author_set_position (author, position);
  dossier_author_set_affiliation (author, affiliation);
  dossier_author_set_bio (author, bio);

  dossier_document_add_author (document, author);
  return TRUE;
}

static gboolean
read_metadata (DossierJsonReader *reader,
               DossierDocument   *document,
               GError           **error)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *published = NULL;
  g_autofree char *source_url = NULL;
  g_auto(GStrv) key_points = NULL;
  g_auto(GStrv) pull_quotes = NULL;

  if (!dossier_json_reader_read_string (reader, "title", FALSE, &title, error) ||
      !dossier_json_reader_read_string (reader, "subtitle", TRUE, &subtitle, error) ||
      !dossier_json_reader_read_string (reader, "publisher", TRUE, &publisher, error) ||
      !dossier_json_reader_read_string (reader, "published", TRUE, &published, error) ||
      !dossier_json_reader_read_string (reader, "source_url", TRUE, &source_url, error) ||
      !dossier_json_reader_read_string_array (reader, "key_points", TRUE, &key_points, error) ||
      !dossier_json_reader_read_string_array (reader, "pull_quotes", TRUE, &pull_quotes, error))
    return FALSE;

  if (published != NULL && !dossier_document_set_published (document, published))
    return dossier_json_reader_fail (reader, "published", error,
                                     _("expected a date written YYYY-MM-DD"));

  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, subtitle);
  dossier_document_set_publisher (document, publisher);
  dossier_document_set_source_url (document, source_url);
  dossier_document_set_key_points (document, (const char * const *)key_points);
  dossier_document_set_pull_quotes (document, (const char * const *)pull_quotes);

  return TRUE;
}

/**
 * dossier_document_from_json_node:
 * @node: a parsed `dossier-document` file
 *
 * Validates @node and builds the document. The error names the offending
 * member by its path, e.g. `paragraphs[3].footnote_refs[0].offset`.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_document_from_json_node (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(DossierJsonReader) reader = NULL;
  g_autoptr(DossierDocument) document = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  reader = dossier_json_reader_new (node);
  if (!dossier_json_reader_check_format (reader, "dossier-document",
                                         DOSSIER_DOCUMENT_FORMAT_VERSION, error))
    return NULL;

  document = dossier_document_new ();
  if (!read_metadata (reader, document, error) ||
      !dossier_json_reader_read_object_array (reader, "paragraphs", TRUE, read_paragraph, document, error) ||
      !dossier_json_reader_read_object_array (reader, "footnotes", TRUE, read_footnote, document, error) ||
      !dossier_json_reader_read_object_array (reader, "authors", TRUE, read_author, document, error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * dossier_document_from_json:
 * @data: the text of a `dossier-document` file (untrusted)
 * @length: its length, or -1 if nul-terminated
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_document_from_json (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonNode) root = dossier_json_parse (data, length, error);

  if (root == NULL)
    return NULL;

  return dossier_document_from_json_node (root, error);
}
