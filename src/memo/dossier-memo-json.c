/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/dossier-file-save.h"
#include "formats/dossier-json-reader.h"
#include "model/dossier-limits.h"
#include "formats/dossier-json-writer.h"
#include "dossier-memo-inline.h"
#include "dossier-memo-json.h"

/*
 * The `dossier-memo` file format, version 1 (docs/formats.md). Members are
 * written in a fixed order so that saving a loaded file gives the same
 * bytes. Members added after the format was pinned ("kind", "language", a
 * citation's "via") are optional on reading; unknown members are ignored.
 */

static void
add_header (JsonBuilder *builder,
            DossierMemo *memo)
{
  json_builder_set_member_name (builder, "header");
  json_builder_begin_object (builder);
  dossier_json_builder_add_nullable_string (builder, "marking", dossier_memo_get_marking (memo));
  dossier_json_builder_add_string (builder, "to", dossier_memo_get_to (memo));
  dossier_json_builder_add_string (builder, "from", dossier_memo_get_from (memo));
  dossier_json_builder_add_string (builder, "date", dossier_memo_get_date (memo));
  dossier_json_builder_add_string (builder, "subject", dossier_memo_get_subject (memo));
  json_builder_end_object (builder);
}

static void
add_block (JsonBuilder      *builder,
           DossierMemoBlock *block)
{
  DossierMemoBlockKind kind = dossier_memo_block_get_kind (block);

  json_builder_begin_object (builder);
  dossier_json_builder_add_string (builder, "type", dossier_memo_block_kind_to_string (kind));
  switch (kind)
    {
    case DOSSIER_MEMO_BLOCK_PARAGRAPH:
      dossier_json_builder_add_string (builder, "text", dossier_memo_block_get_text (block));
      break;
    case DOSSIER_MEMO_BLOCK_BULLETS:
      dossier_json_builder_add_string_array (builder, "items", dossier_memo_block_get_items (block));
      break;
    case DOSSIER_MEMO_BLOCK_QUOTE:
      dossier_json_builder_add_string (builder, "text", dossier_memo_block_get_text (block));
      dossier_json_builder_add_string (builder, "cite", dossier_memo_block_get_cite (block));
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);
}

static void
add_sections (JsonBuilder *builder,
              DossierMemo *memo)
{
  guint n = dossier_memo_get_n_sections (memo);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, i);
      guint n_blocks = dossier_memo_section_get_n_blocks (section);

      json_builder_begin_object (builder);
      dossier_json_builder_add_string (builder, "title", dossier_memo_section_get_title (section));
      json_builder_set_member_name (builder, "blocks");
      json_builder_begin_array (builder);
      for (guint b = 0; b < n_blocks; b++)
        add_block (builder, dossier_memo_section_get_block (section, b));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_citation (JsonBuilder *builder,
              gpointer     item)
{
  DossierCitation *citation = item;

  dossier_json_builder_add_string (builder, "id", dossier_citation_get_id (citation));
  dossier_json_builder_add_nullable_string (builder, "quote", dossier_citation_get_quote (citation));
  dossier_json_builder_add_nullable_string (builder, "locator", dossier_citation_get_locator (citation));
  dossier_json_builder_add_nullable_string (builder, "library_id", dossier_citation_get_library_id (citation));

  json_builder_set_member_name (builder, "document");
  json_builder_begin_object (builder);
  dossier_json_builder_add_string (builder, "title", dossier_citation_get_title (citation));
  dossier_json_builder_add_string_array (builder, "authors", dossier_citation_get_authors (citation));
  dossier_json_builder_add_nullable_string (builder, "publisher", dossier_citation_get_publisher (citation));
  dossier_json_builder_add_nullable_string (builder, "published", dossier_citation_get_published (citation));
  dossier_json_builder_add_nullable_string (builder, "source_url", dossier_citation_get_source_url (citation));
  json_builder_end_object (builder);

  /* Written only for "quoted in" citations, so others keep the pinned shape. */
  if (dossier_citation_is_quoted_in (citation))
    {
      json_builder_set_member_name (builder, "via");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "note");
      if (dossier_citation_get_via_note (citation) > 0)
        json_builder_add_int_value (builder, dossier_citation_get_via_note (citation));
      else
        json_builder_add_null_value (builder);
      dossier_json_builder_add_string (builder, "text", dossier_citation_get_via_text (citation));
      json_builder_end_object (builder);
    }
}

/**
 * dossier_memo_to_json_node:
 *
 * Returns: (transfer full): @memo in the `dossier-memo` format
 */
JsonNode *
dossier_memo_to_json_node (DossierMemo *memo)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  json_builder_begin_object (builder);
  dossier_json_builder_add_string (builder, "format", "dossier-memo");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOSSIER_MEMO_FORMAT_VERSION);
  dossier_json_builder_add_string (builder, "kind", dossier_memo_kind_to_string (dossier_memo_get_kind (memo)));
  /* Only when not English, so that English memos keep their bytes. */
  if (g_strcmp0 (dossier_memo_get_language (memo), "en") != 0)
    dossier_json_builder_add_string (builder, "language", dossier_memo_get_language (memo));
  add_header (builder, memo);
  add_sections (builder, memo);

  dossier_json_builder_add_objects (builder, "citations", dossier_memo_get_citations (memo), add_citation);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * dossier_memo_to_json:
 * @length: (out) (optional): the length of the returned text
 *
 * Returns: (transfer full): @memo as indented JSON text ending in a newline
 */
char *
dossier_memo_to_json (DossierMemo *memo,
                      gsize       *length)
{
  g_autoptr(JsonNode) root = dossier_memo_to_json_node (memo);

  return dossier_json_to_text (root, length);
}

/* ---- Reading --------------------------------------------------------- */

/* Members that hold a keyword, a date or an id: a few bytes. */
#define SHORT_MEMBER 1024

static gboolean
read_header (DossierJsonReader *reader,
             DossierMemo       *memo,
             GError           **error)
{
  g_autofree char *marking = NULL;
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subject = NULL;

  if (!dossier_json_reader_begin_object (reader, "header", error))
    return FALSE;

  if (!dossier_json_reader_read_string_max (reader, "marking", TRUE, DOSSIER_LIMIT_MEMO_MARKING, &marking, error) ||
      !dossier_json_reader_read_string_max (reader, "to", FALSE, DOSSIER_LIMIT_MEMO_TO, &to, error) ||
      !dossier_json_reader_read_string_max (reader, "from", FALSE, DOSSIER_LIMIT_MEMO_FROM, &from, error) ||
      !dossier_json_reader_read_string_max (reader, "date", FALSE, SHORT_MEMBER, &date, error) ||
      !dossier_json_reader_read_string_max (reader, "subject", FALSE, DOSSIER_LIMIT_MEMO_SUBJECT, &subject, error))
    return FALSE;

  if (!dossier_memo_set_date (memo, date))
    return dossier_json_reader_fail_date (reader, "date", FALSE, error);

  dossier_memo_set_marking (memo, marking);
  dossier_memo_set_to (memo, to);
  dossier_memo_set_from (memo, from);
  dossier_memo_set_subject (memo, subject);

  dossier_json_reader_end (reader);
  return TRUE;
}

static gboolean
read_block (DossierJsonReader  *reader,
            gpointer            user_data,
            GError            **error)
{
  DossierMemoSection *section = user_data;
  g_autoptr(DossierMemoBlock) block = NULL;
  g_autofree char *type = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cite = NULL;
  g_auto(GStrv) items = NULL;
  DossierMemoBlockKind kind;

  if (!dossier_json_reader_read_string_max (reader, "type", FALSE, SHORT_MEMBER, &type, error))
    return FALSE;

  if (!dossier_memo_block_kind_from_string (type, &kind))
    return dossier_json_reader_fail (reader, "type", error,
                                     _("expected \"paragraph\", \"bullets\" or \"quote\""));

  switch (kind)
    {
    case DOSSIER_MEMO_BLOCK_PARAGRAPH:
      if (!dossier_json_reader_read_string (reader, "text", FALSE, &text, error))
        return FALSE;
      block = dossier_memo_block_new_paragraph (text);
      break;
    case DOSSIER_MEMO_BLOCK_BULLETS:
      if (!dossier_json_reader_read_string_array (reader, "items", FALSE, &items, error))
        return FALSE;
      block = dossier_memo_block_new_bullets ((const char * const *)items);
      break;
    case DOSSIER_MEMO_BLOCK_QUOTE:
      /* "cite" may be empty (or null, or absent) for an unattributed quote. */
      if (!dossier_json_reader_read_string (reader, "text", FALSE, &text, error) ||
          !dossier_json_reader_read_string_max (reader, "cite", TRUE, SHORT_MEMBER, &cite, error))
        return FALSE;
      if (cite != NULL && *cite != '\0' && !dossier_memo_is_valid_citation_id (cite))
        return dossier_json_reader_fail (reader, "cite", error,
                                         _("expected a citation id (letters, digits, “_”, “-”, “.”, “:”)"));
      block = dossier_memo_block_new_quote (text, cite);
      break;
    default:
      g_assert_not_reached ();
    }

  dossier_memo_section_append_block (section, block);
  return TRUE;
}

static gboolean
read_section (DossierJsonReader  *reader,
              gpointer            user_data,
              GError            **error)
{
  DossierMemo *memo = user_data;
  g_autoptr(DossierMemoSection) section = NULL;
  g_autofree char *title = NULL;

  if (!dossier_json_reader_read_string (reader, "title", FALSE, &title, error))
    return FALSE;

  section = dossier_memo_section_new (title);
  if (!dossier_json_reader_read_object_array (reader, "blocks", FALSE, read_block, section, error))
    return FALSE;

  dossier_memo_append_section (memo, section);
  return TRUE;
}

static gboolean
read_document (DossierJsonReader  *reader,
               DossierCitation    *citation,
               GError            **error)
{
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *published = NULL;
  g_autofree char *source_url = NULL;
  g_auto(GStrv) authors = NULL;

  if (!dossier_json_reader_begin_object (reader, "document", error))
    return FALSE;

  if (!dossier_json_reader_read_string_max (reader, "title", FALSE, DOSSIER_LIMIT_TITLE, &title, error) ||
      !dossier_json_reader_read_string_array_max (reader, "authors", FALSE, DOSSIER_LIMIT_AUTHORS,
                                                  DOSSIER_LIMIT_AUTHOR_NAME, &authors, error) ||
      !dossier_json_reader_read_string_max (reader, "publisher", TRUE, DOSSIER_LIMIT_PUBLISHER, &publisher, error) ||
      !dossier_json_reader_read_string_max (reader, "published", TRUE, SHORT_MEMBER, &published, error) ||
      !dossier_json_reader_read_string_max (reader, "source_url", TRUE, DOSSIER_LIMIT_URL, &source_url, error))
    return FALSE;

  if (!dossier_citation_set_published (citation, published))
    return dossier_json_reader_fail_date (reader, "published", TRUE, error);

  dossier_citation_set_title (citation, title);
  dossier_citation_set_authors (citation, (const char * const *)authors);
  dossier_citation_set_publisher (citation, publisher);
  dossier_citation_set_source_url (citation, source_url);

  dossier_json_reader_end (reader);
  return TRUE;
}

static gboolean
read_via (DossierJsonReader  *reader,
          DossierCitation    *citation,
          GError            **error)
{
  g_autofree char *text = NULL;
  gint64 note = 0;

  if (!dossier_json_reader_has_member (reader, "via"))
    return TRUE;

  if (!dossier_json_reader_begin_object (reader, "via", error))
    return FALSE;

  if (!dossier_json_reader_read_string_max (reader, "text", FALSE, DOSSIER_LIMIT_FOOTNOTE, &text, error))
    return FALSE;

  if (dossier_json_reader_has_member (reader, "note"))
    {
      g_autoptr(GError) local_error = NULL;

      /* null is allowed: the article's note number is not always known. */
      if (!dossier_json_reader_read_int (reader, "note", 1, G_MAXINT, &note, &local_error))
        {
          g_autofree char *ignored = NULL;

          if (!dossier_json_reader_read_string_max (reader, "note", TRUE, SHORT_MEMBER, &ignored, NULL) || ignored != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          note = 0;
        }
    }

  dossier_citation_set_via (citation, note, text);
  dossier_json_reader_end (reader);
  return TRUE;
}

static gboolean
read_citation (DossierJsonReader  *reader,
               gpointer            user_data,
               GError            **error)
{
  DossierMemo *memo = user_data;
  g_autoptr(DossierCitation) citation = NULL;
  g_autofree char *id = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *locator = NULL;
  g_autofree char *library_id = NULL;

  if (!dossier_json_reader_read_string_max (reader, "id", FALSE, SHORT_MEMBER, &id, error) ||
      !dossier_json_reader_read_string_max (reader, "quote", TRUE, DOSSIER_LIMIT_CITATION_QUOTE, &quote, error) ||
      !dossier_json_reader_read_string_max (reader, "locator", TRUE, DOSSIER_LIMIT_CITATION_LOCATOR,
                                            &locator, error) ||
      !dossier_json_reader_read_string_max (reader, "library_id", TRUE, DOSSIER_LIMIT_LIBRARY_ID,
                                            &library_id, error))
    return FALSE;

  if (!dossier_memo_is_valid_citation_id (id))
    return dossier_json_reader_fail (reader, "id", error,
                                     _("expected 1–64 letters, digits, “_”, “-”, “.” or “:”"));

  if (dossier_memo_lookup_citation (memo, id) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is used by an earlier citation"), id);
      return dossier_json_reader_fail (reader, "id", error, message);
    }

  citation = dossier_citation_new (id);
  dossier_citation_set_quote (citation, quote);
  dossier_citation_set_locator (citation, locator);
  dossier_citation_set_library_id (citation, library_id);

  if (!read_document (reader, citation, error) ||
      !read_via (reader, citation, error))
    return FALSE;

  dossier_memo_add_citation (memo, citation);
  return TRUE;
}

static gpointer
read_memo (DossierJsonReader  *reader,
           GError            **error)
{
  g_autoptr(DossierMemo) memo = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *language = NULL;
  DossierMemoKind kind = DOSSIER_MEMO_KIND_INFORMATION;

  if (!dossier_json_reader_check_format (reader, "dossier-memo", DOSSIER_MEMO_FORMAT_VERSION, error))
    return NULL;

  if (!dossier_json_reader_read_string_max (reader, "kind", TRUE, SHORT_MEMBER, &kind_name, error))
    return NULL;
  if (kind_name != NULL && !dossier_memo_kind_from_string (kind_name, &kind))
    {
      dossier_json_reader_fail (reader, "kind", error,
                                _("expected \"information\", \"decision\" or \"policy-brief\""));
      return NULL;
    }

  if (!dossier_json_reader_read_string_max (reader, "language", TRUE, SHORT_MEMBER, &language, error))
    return NULL;
  memo = dossier_memo_new ();
  dossier_memo_set_kind (memo, kind);
  if (language != NULL && !dossier_memo_set_language (memo, language))
    {
      dossier_json_reader_fail (reader, "language", error,
                                _("expected a language tag such as \"en\" or \"ko\""));
      return NULL;
    }

  if (!read_header (reader, memo, error) ||
      !dossier_json_reader_read_object_array (reader, "sections", FALSE, read_section, memo, error) ||
      !dossier_json_reader_read_object_array_max (reader, "citations", FALSE, DOSSIER_LIMIT_CITATIONS,
                                                  read_citation, memo, error))
    return NULL;

  return g_steal_pointer (&memo);
}

/**
 * dossier_memo_from_json_node:
 * @node: a parsed `dossier-memo` file
 *
 * Validates @node and builds the memo. The error names the offending member
 * by its path, e.g. `sections[1].blocks[0].type: expected "paragraph",
 * "bullets" or "quote"`. Citation markers that do not resolve are not an
 * error here: the memo must still open so the analyst can fix it
 * (dossier_memo_check() reports them). The header and the citations are
 * bounded (dossier-limits.h).
 *
 * Returns: (transfer full): the memo, or %NULL with @error set
 */
DossierMemo *
dossier_memo_from_json_node (JsonNode  *node,
                             GError   **error)
{
  return dossier_json_read_node (node, read_memo, error);
}

/**
 * dossier_memo_from_json:
 * @data: the text of a `dossier-memo` file (untrusted)
 * @length: its length, or -1 if nul-terminated
 *
 * Returns: (transfer full): the memo, or %NULL with @error set
 */
DossierMemo *
dossier_memo_from_json (const char  *data,
                        gssize       length,
                        GError     **error)
{
  return dossier_json_read_data (data, length, read_memo, error);
}

/**
 * dossier_memo_load_file:
 *
 * Reads and validates a `.dossier-memo` file. Blocks: use
 * dossier_memo_load_async() from the UI.
 *
 * Returns: (transfer full): the memo, or %NULL with @error set
 */
DossierMemo *
dossier_memo_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > DOSSIER_MEMO_MAX_FILE_SIZE)
    {
      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                   _("The file is larger than %d MB; memos are far smaller"),
                   DOSSIER_MEMO_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return dossier_memo_from_json (data, length, error);
}

/**
 * dossier_memo_save_file:
 *
 * Writes @memo atomically (see #DossierFileSave): the old file stays
 * intact until the new one is complete on disk, and is kept as it was if
 * the disk fills up or the save is cancelled.
 */
gboolean
dossier_memo_save_file (DossierMemo   *memo,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *json = NULL;
  gsize length;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = dossier_memo_to_json (memo, &length);
  return dossier_file_save_contents (file, json, length, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  GError *error = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > DOSSIER_MEMO_MAX_FILE_SIZE)
    g_set_error (&error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                 _("The file is larger than %d MB; memos are far smaller"),
                 DOSSIER_MEMO_MAX_FILE_SIZE / (1024 * 1024));

  if (error == NULL)
    g_file_load_contents (file, cancellable, &data, &length, NULL, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    /* Parse on the main thread: the memo's objects belong there. */
    g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&data), length),
                           (GDestroyNotify)g_bytes_unref);
}

/**
 * dossier_memo_load_async:
 *
 * Reads @file in a worker thread; the memo is built in
 * dossier_memo_load_finish().
 */
void
dossier_memo_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_memo_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * dossier_memo_load_finish:
 *
 * Returns: (transfer full): the memo, or %NULL with @error set
 */
DossierMemo *
dossier_memo_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes == NULL)
    return NULL;

  return dossier_memo_from_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!dossier_file_save_contents_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * dossier_memo_save_async:
 *
 * Serialises @memo now (so later edits do not race the write) and writes
 * it atomically without blocking.
 */
void
dossier_memo_save_async (DossierMemo         *memo,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *json;
  gsize length;

  g_return_if_fail (DOSSIER_IS_MEMO (memo));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (memo, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_memo_save_async);

  json = dossier_memo_to_json (memo, &length);
  bytes = g_bytes_new_take (json, length);
  dossier_file_save_contents_async (file, bytes, cancellable, saved_cb, g_steal_pointer (&task));
}

gboolean
dossier_memo_save_finish (GAsyncResult  *result,
                          GError       **error)
{
  /* The task's source object is the memo (see dossier_memo_save_async). */
  g_return_val_if_fail (G_IS_TASK (result) &&
                        g_task_is_valid (result, g_task_get_source_object (G_TASK (result))), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
