/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-document-json.h"
#include "dossier-json-reader.h"
#include "dossier-json-scan.h"
#include "dossier-json-writer.h"

G_DEFINE_QUARK (dossier-format-error-quark, dossier_format_error)

/**
 * dossier_json_parse:
 * @data: JSON text
 * @length: its length, or -1 if nul-terminated
 *
 * Parses untrusted JSON text with bounds on nesting and size (see
 * dossier_json_parse_text()).
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
dossier_json_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  return dossier_json_parse_text (data, length, NULL, error);
}

static void
add_page (JsonBuilder      *builder,
          DossierParagraph *paragraph)
{
  const DossierPageBreak *breaks;
  guint n_breaks;

  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, dossier_paragraph_get_page (paragraph));
  if (dossier_paragraph_get_page_label (paragraph) != NULL)
    {
      json_builder_set_member_name (builder, "page_label");
      json_builder_add_string_value (builder, dossier_paragraph_get_page_label (paragraph));
    }

  breaks = dossier_paragraph_get_page_breaks (paragraph, &n_breaks);
  if (n_breaks == 0)
    return;

  json_builder_set_member_name (builder, "page_breaks");
  json_builder_begin_array (builder);
  for (guint b = 0; b < n_breaks; b++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, breaks[b].offset);
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, breaks[b].page);
      if (breaks[b].label != NULL)
        {
          json_builder_set_member_name (builder, "page_label");
          json_builder_add_string_value (builder, breaks[b].label);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_paragraph (JsonBuilder *builder,
               gpointer     item)
{
  DossierParagraph *paragraph = item;
  const DossierFootnoteRef *refs;
  guint n_refs;

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

  /* Only paragraphs from a paginated source (PDF) have pages, so
   * documents from other sources are written exactly as before. */
  if (dossier_paragraph_get_page (paragraph) > 0)
    add_page (builder, paragraph);

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
}

static void
add_footnote (JsonBuilder *builder,
              gpointer     item)
{
  DossierFootnote *note = item;

  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, dossier_footnote_get_number (note));
  dossier_json_builder_add_string (builder, "text", dossier_footnote_get_text (note));
  dossier_json_builder_add_string_array (builder, "urls", dossier_footnote_get_urls (note));
}

static void
add_string_if_set (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_author (JsonBuilder *builder,
            gpointer     item)
{
  DossierAuthor *author = item;

  dossier_json_builder_add_string (builder, "name", dossier_author_get_name (author));
  dossier_json_builder_add_nullable_string (builder, "position", dossier_author_get_position (author));
  dossier_json_builder_add_nullable_string (builder, "affiliation", dossier_author_get_affiliation (author));
  dossier_json_builder_add_nullable_string (builder, "bio", dossier_author_get_bio (author));
  /* The parts of a name, written only when known, so authors from
   * articles are written as before. */
  add_string_if_set (builder, "family", dossier_author_get_family (author));
  add_string_if_set (builder, "given", dossier_author_get_given (author));
  add_string_if_set (builder, "particle", dossier_author_get_particle (author));
  add_string_if_set (builder, "suffix", dossier_author_get_suffix (author));
  if (dossier_author_get_organisation (author))
    {
      json_builder_set_member_name (builder, "organisation");
      json_builder_add_boolean_value (builder, TRUE);
    }
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
  dossier_json_builder_add_string (builder, "title", dossier_document_get_title (document));
  dossier_json_builder_add_nullable_string (builder, "subtitle", dossier_document_get_subtitle (document));
  dossier_json_builder_add_nullable_string (builder, "publisher", dossier_document_get_publisher (document));
  dossier_json_builder_add_nullable_string (builder, "published", dossier_document_get_published (document));
  dossier_json_builder_add_nullable_string (builder, "source_url", dossier_document_get_source_url (document));
  dossier_json_builder_add_string_array (builder, "key_points", dossier_document_get_key_points (document));
  dossier_json_builder_add_string_array (builder, "pull_quotes", dossier_document_get_pull_quotes (document));
  /* A date known only to the year or month, and what reference managers
   * keep: written only when known, so articles are written as before (and
   * older versions, which ignore them, still read the file). */
  if (dossier_document_get_published (document) == NULL)
    add_string_if_set (builder, "issued", dossier_document_get_issued (document));
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    add_string_if_set (builder, dossier_document_field_get_key (f), dossier_document_get_field (document, f));
  dossier_json_builder_add_objects (builder, "paragraphs", dossier_document_get_paragraphs (document),
                                    add_paragraph);
  dossier_json_builder_add_objects (builder, "footnotes", dossier_document_get_footnotes (document),
                                    add_footnote);
  dossier_json_builder_add_objects (builder, "authors", dossier_document_get_authors (document), add_author);
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

/* Where a paragraph is being read: its page breaks and note references
 * are bounded by its text, and each break by the one before. */
typedef struct {
  DossierParagraph *paragraph;
  glong text_length;
  gint64 last_offset;
  gint64 page;
} ParagraphState;

static gboolean
read_page_break (DossierJsonReader  *reader,
                 gpointer            user_data,
                 GError            **error)
{
  ParagraphState *state = user_data;
  g_autofree char *break_label = NULL;
  gint64 offset, break_page;

  if (!dossier_json_reader_read_int (reader, "offset", state->last_offset + 1, state->text_length,
                                     &offset, error) ||
      !dossier_json_reader_read_int (reader, "page", state->page + 1, DOSSIER_LIMIT_PAGE, &break_page, error) ||
      !dossier_json_reader_read_string_max (reader, "page_label", TRUE, DOSSIER_LIMIT_PAGE_LABEL,
                                            &break_label, error))
    return FALSE;

  dossier_paragraph_add_page_break (state->paragraph, offset, break_page, break_label);
  state->last_offset = offset;
  state->page = break_page;
  return TRUE;
}

/* "page", "page_label" and "page_breaks": where a paragraph from a PDF
 * lies. Each break starts a later page further into the text. */
static gboolean
read_page (DossierJsonReader  *reader,
           ParagraphState     *state,
           GError            **error)
{
  g_autofree char *label = NULL;

  if (!dossier_json_reader_has_member (reader, "page"))
    {
      if (dossier_json_reader_has_member (reader, "page_label"))
        return dossier_json_reader_fail (reader, "page_label", error, _("needs a \"page\""));
      if (dossier_json_reader_has_member (reader, "page_breaks"))
        return dossier_json_reader_fail (reader, "page_breaks", error, _("needs a \"page\""));
      return TRUE;
    }

  if (!dossier_json_reader_read_int (reader, "page", 1, DOSSIER_LIMIT_PAGE, &state->page, error) ||
      !dossier_json_reader_read_string_max (reader, "page_label", TRUE, DOSSIER_LIMIT_PAGE_LABEL, &label, error))
    return FALSE;

  dossier_paragraph_set_page (state->paragraph, state->page);
  dossier_paragraph_set_page_label (state->paragraph, label);

  return dossier_json_reader_read_object_array_max (reader, "page_breaks", TRUE, DOSSIER_LIMIT_PAGE_BREAKS,
                                                    read_page_break, state, error);
}

static gboolean
read_ref (DossierJsonReader  *reader,
          gpointer            user_data,
          GError            **error)
{
  ParagraphState *state = user_data;
  gint64 number, offset;

  if (!dossier_json_reader_read_int (reader, "number", 0, G_MAXINT, &number, error) ||
      !dossier_json_reader_read_int (reader, "offset", 0, state->text_length, &offset, error))
    return FALSE;

  dossier_paragraph_add_ref (state->paragraph, number, offset);
  return TRUE;
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
  ParagraphState state = { 0 };

  if (!dossier_json_reader_read_string_max (reader, "text", FALSE, DOSSIER_LIMIT_PARAGRAPH, &text, error) ||
      !dossier_json_reader_read_string_max (reader, "kind", TRUE, 16, &kind, error) ||
      !dossier_json_reader_read_string_max (reader, "attribution", TRUE, DOSSIER_LIMIT_ATTRIBUTION,
                                            &attribution, error))
    return FALSE;

  paragraph = dossier_paragraph_new (text);
  state.paragraph = paragraph;
  state.text_length = g_utf8_strlen (text, -1);

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

  if (!read_page (reader, &state, error) ||
      !dossier_json_reader_read_object_array_max (reader, "footnote_refs", TRUE, DOSSIER_LIMIT_FOOTNOTE_REFS,
                                                  read_ref, &state, error))
    return FALSE;

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
      !dossier_json_reader_read_string_max (reader, "text", FALSE, DOSSIER_LIMIT_FOOTNOTE, &text, error) ||
      !dossier_json_reader_read_string_array_max (reader, "urls", TRUE, DOSSIER_LIMIT_FOOTNOTE_URLS,
                                                  DOSSIER_LIMIT_URL, &urls, error))
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
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *particle = NULL;
  g_autofree char *suffix = NULL;
  gboolean organisation;

  if (!dossier_json_reader_read_string_max (reader, "name", FALSE, DOSSIER_LIMIT_AUTHOR_NAME, &name, error) ||
      !dossier_json_reader_read_string_max (reader, "family", TRUE, DOSSIER_LIMIT_AUTHOR_NAME, &family, error) ||
      !dossier_json_reader_read_string_max (reader, "given", TRUE, DOSSIER_LIMIT_AUTHOR_NAME, &given, error) ||
      !dossier_json_reader_read_string_max (reader, "particle", TRUE, DOSSIER_LIMIT_AUTHOR_NAME,
                                            &particle, error) ||
      !dossier_json_reader_read_string_max (reader, "suffix", TRUE, DOSSIER_LIMIT_AUTHOR_NAME, &suffix, error) ||
      !dossier_json_reader_read_boolean (reader, "organisation", &organisation, error) ||
      !dossier_json_reader_read_string_max (reader, "position", TRUE, DOSSIER_LIMIT_AUTHOR_POSITION,
                                            &position, error) ||
      !dossier_json_reader_read_string_max (reader, "affiliation", TRUE, DOSSIER_LIMIT_AUTHOR_AFFILIATION,
                                            &affiliation, error) ||
      !dossier_json_reader_read_string_max (reader, "bio", TRUE, DOSSIER_LIMIT_AUTHOR_BIO, &bio, error))
    return FALSE;

  author = dossier_author_new (name);
  dossier_author_set_position (author, position);
  dossier_author_set_affiliation (author, affiliation);
  dossier_author_set_bio (author, bio);
  dossier_author_set_family (author, family);
  dossier_author_set_given (author, given);
  dossier_author_set_particle (author, particle);
  dossier_author_set_suffix (author, suffix);
  dossier_author_set_organisation (author, organisation);

  dossier_document_add_author (document, author);
  return TRUE;
}

static gboolean
read_citation_fields (DossierJsonReader  *reader,
                      DossierDocument    *document,
                      gboolean            read_issued,
                      GError            **error)
{
  g_autofree char *issued = NULL;

  /* "issued" says no more than "published" where both are given. */
  if (read_issued)
    {
      if (!dossier_json_reader_read_string_max (reader, "issued", TRUE, 64, &issued, error))
        return FALSE;
      if (issued != NULL && !dossier_document_set_issued (document, issued))
        return dossier_json_reader_fail_date (reader, "issued", TRUE, error);
    }

  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    {
      const char *key = dossier_document_field_get_key (f);
      g_autofree char *value = NULL;

      if (!dossier_json_reader_read_string_max (reader, key, TRUE, dossier_document_field_get_limit (f),
                                                &value, error))
        return FALSE;
      if (dossier_document_set_field (document, f, value))
        continue;
      if (f == DOSSIER_FIELD_ITEM_TYPE)
        return dossier_json_reader_fail (reader, key, error,
                                         _("expected a CSL item type such as \"report\" or \"webpage\""));
      return dossier_json_reader_fail_date (reader, key, TRUE, error);
    }

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

  /* "published" is a date: 10 bytes; anything longer is not one either. */
  if (!dossier_json_reader_read_string_max (reader, "title", FALSE, DOSSIER_LIMIT_TITLE, &title, error) ||
      !dossier_json_reader_read_string_max (reader, "subtitle", TRUE, DOSSIER_LIMIT_SUBTITLE, &subtitle, error) ||
      !dossier_json_reader_read_string_max (reader, "publisher", TRUE, DOSSIER_LIMIT_PUBLISHER, &publisher, error) ||
      !dossier_json_reader_read_string_max (reader, "published", TRUE, 64, &published, error) ||
      !dossier_json_reader_read_string_max (reader, "source_url", TRUE, DOSSIER_LIMIT_URL, &source_url, error) ||
      !dossier_json_reader_read_string_array_max (reader, "key_points", TRUE, DOSSIER_LIMIT_KEY_POINTS,
                                                  DOSSIER_LIMIT_KEY_POINT, &key_points, error) ||
      !dossier_json_reader_read_string_array_max (reader, "pull_quotes", TRUE, DOSSIER_LIMIT_PULL_QUOTES,
                                                  DOSSIER_LIMIT_PULL_QUOTE, &pull_quotes, error))
    return FALSE;

  if (published != NULL && !dossier_document_set_published (document, published))
    return dossier_json_reader_fail_date (reader, "published", FALSE, error);

  if (!read_citation_fields (reader, document, published == NULL, error))
    return FALSE;

  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, subtitle);
  dossier_document_set_publisher (document, publisher);
  dossier_document_set_source_url (document, source_url);
  dossier_document_set_key_points (document, (const char * const *)key_points);
  dossier_document_set_pull_quotes (document, (const char * const *)pull_quotes);

  return TRUE;
}

static gpointer
read_document (DossierJsonReader  *reader,
               GError            **error)
{
  g_autoptr(DossierDocument) document = NULL;

  if (!dossier_json_reader_check_format (reader, "dossier-document",
                                         DOSSIER_DOCUMENT_FORMAT_VERSION, error))
    return NULL;

  document = dossier_document_new ();
  if (!read_metadata (reader, document, error) ||
      !dossier_json_reader_read_object_array_max (reader, "paragraphs", TRUE, DOSSIER_LIMIT_PARAGRAPHS,
                                                  read_paragraph, document, error) ||
      !dossier_json_reader_read_object_array_max (reader, "footnotes", TRUE, DOSSIER_LIMIT_FOOTNOTES,
                                                  read_footnote, document, error) ||
      !dossier_json_reader_read_object_array_max (reader, "authors", TRUE, DOSSIER_LIMIT_AUTHORS,
                                                  read_author, document, error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * dossier_document_from_json_node:
 * @node: a parsed `dossier-document` file
 *
 * Validates @node and builds the document. The error names the offending
 * member by its path, e.g. `paragraphs[3].footnote_refs[0].offset`, and
 * every member is bounded (dossier-limits.h).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_document_from_json_node (JsonNode  *node,
                                 GError   **error)
{
  return dossier_json_read_node (node, read_document, error);
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
  return dossier_json_read_data (data, length, read_document, error);
}
