/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "model/dossier-limits.h"
#include "model/dossier-util.h"
#include "dossier-library-private.h"

/*
 * Storing documents in a DossierLibrary: adding (with the duplicate
 * checks), loading in full, updating metadata; batches. Removing is moving
 * to the Trash: dossier-library-trash.c.
 */

/* --- adding ------------------------------------------------------------ */

/* The words of @text, compared the way people read them: compatibility
 * forms unified, accents and case ignored, punctuation and spacing reduced
 * to single spaces. "Closing the “Sanctions” Gap." and "closing the
 * sanctions gap" give the same key. */
static void
append_word_char (GString   *words,
                  gunichar   c,
                  gboolean  *space)
{
  if (g_unichar_ismark (c))
    return;
  if (g_unichar_isalnum (c))
    {
      if (*space && words->len > 0)
        g_string_append_c (words, ' ');
      g_string_append_unichar (words, c);
      *space = FALSE;
    }
  else
    *space = TRUE;
}

char *
_dossier_library_dup_words_key (const char *text)
{
  GString *words;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  words = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; )
    {
      /* ASCII, nearly all of an English article, without the cost of
       * normalising and case folding the whole text. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            {
              if (space && words->len > 0)
                g_string_append_c (words, ' ');
              g_string_append_c (words, g_ascii_tolower (*p));
              space = FALSE;
            }
          else
            space = TRUE;
          p++;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, NULL);
          gsize length = next ? (gsize) (next - p) : strlen (p);
          g_autofree char *normal = g_utf8_normalize (p, length, G_NORMALIZE_ALL);
          g_autofree char *folded = normal ? g_utf8_casefold (normal, -1) : NULL;

          if (folded != NULL)
            for (const char *q = folded; *q; q = g_utf8_next_char (q))
              append_word_char (words, g_utf8_get_char (q), &space);
          else
            space = TRUE;
          p += length;
        }
    }

  if (words->len == 0)
    {
      g_string_free (words, TRUE);
      return NULL;
    }
  return g_string_free (words, FALSE);
}

/* "Same text" means the same words (_dossier_library_dup_words_key()), so the same article
 * pasted from the web page and saved as HTML is recognised. */
static char *
dup_text_hash (DossierDocument *document)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  guint n = g_list_model_get_n_items (paragraphs);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *words = _dossier_library_dup_words_key (dossier_paragraph_get_text (paragraph));

      if (words == NULL)
        continue;
      if (any)
        g_checksum_update (checksum, (const guchar *) " ", 1);
      g_checksum_update (checksum, (const guchar *) words, strlen (words));
      any = TRUE;
    }

  return any ? g_strdup (g_checksum_get_string (checksum)) : NULL;
}

/* The same page reached as http or https, with or without "www.", a
 * trailing slash or a #fragment is the same source. */
char *
_dossier_library_dup_url_key (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GString) key = NULL;
  const char *path;

  if (url == NULL || *url == '\0')
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strstrip (g_strdup (url));

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  key = g_string_new (g_str_has_prefix (host, "www.") ? host + 4 : host);
  path = g_uri_get_path (uri);
  g_string_append (key, path);
  while (key->len > 0 && key->str[key->len - 1] == '/')
    g_string_truncate (key, key->len - 1);
  if (g_uri_get_query (uri) != NULL)
    {
      g_string_append_c (key, '?');
      g_string_append (key, g_uri_get_query (uri));
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char **
strv_from_json (const char *json)
{
  g_autoptr(GPtrArray) strv = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (json == NULL)
    return NULL;

  /* Bounded like any JSON from outside: another program may have written it. */
  root = dossier_json_parse (json, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  strv = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);

      if (s != NULL)
        g_ptr_array_add (strv, g_strdup (s));
    }
  g_ptr_array_add (strv, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strv), FALSE);
}

static char *
dup_refs (DossierParagraph *paragraph)
{
  guint n_refs;
  const DossierFootnoteRef *refs = dossier_paragraph_get_refs (paragraph, &n_refs);
  GString *out;

  if (n_refs == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < n_refs; i++)
    g_string_append_printf (out, "%s%u:%u", i ? "," : "", refs[i].number, refs[i].offset);
  return g_string_free (out, FALSE);
}

static void
parse_refs (DossierParagraph *paragraph,
            const char       *refs)
{
  g_auto(GStrv) parts = NULL;

  if (refs == NULL || *refs == '\0')
    return;

  parts = g_strsplit (refs, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 number, offset;
      char *end;

      number = g_ascii_strtoull (parts[i], &end, 10);
      if (*end != ':')
        continue;
      offset = g_ascii_strtoull (end + 1, NULL, 10);
      if (number <= G_MAXUINT && offset <= G_MAXUINT)
        dossier_paragraph_add_ref (paragraph, (guint) number, (guint) offset);
    }
}

/* Page breaks are stored as a JSON array of [offset, page, label or null]. */
static char *
dup_page_breaks (DossierParagraph *paragraph)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  const DossierPageBreak *breaks;
  guint n_breaks;

  breaks = dossier_paragraph_get_page_breaks (paragraph, &n_breaks);
  if (n_breaks == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_breaks; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, breaks[i].offset);
      json_builder_add_int_value (builder, breaks[i].page);
      if (breaks[i].label != NULL)
        json_builder_add_string_value (builder, breaks[i].label);
      else
        json_builder_add_null_value (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Another program may have written anything: breaks that are not in
 * order, on later pages and inside the text are left out. */
static void
parse_page_breaks (DossierParagraph *paragraph,
                   const char       *json)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint page = dossier_paragraph_get_page (paragraph);
  gint64 last_offset = 0;
  glong length;

  if (json == NULL || page == 0)
    return;

  root = dossier_json_parse (json, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;

  length = g_utf8_strlen (dossier_paragraph_get_text (paragraph), -1);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array) && i < DOSSIER_LIMIT_PAGE_BREAKS; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *entry;
      JsonNode *label;
      gint64 offset, next_page;

      if (!JSON_NODE_HOLDS_ARRAY (element) || json_array_get_length (json_node_get_array (element)) != 3)
        continue;
      entry = json_node_get_array (element);
      if (json_node_get_value_type (json_array_get_element (entry, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (entry, 1)) != G_TYPE_INT64)
        continue;
      offset = json_array_get_int_element (entry, 0);
      next_page = json_array_get_int_element (entry, 1);
      label = json_array_get_element (entry, 2);
      if (offset <= last_offset || offset > length || next_page <= page || next_page > DOSSIER_LIMIT_PAGE)
        continue;
      if (!JSON_NODE_HOLDS_NULL (label) && (json_node_get_value_type (label) != G_TYPE_STRING ||
                                             strlen (json_node_get_string (label)) > DOSSIER_LIMIT_PAGE_LABEL ||
                                             !g_utf8_validate (json_node_get_string (label), -1, NULL)))
        continue;

      dossier_paragraph_add_page_break (paragraph, offset, next_page,
                                        JSON_NODE_HOLDS_NULL (label) ? NULL : json_node_get_string (label));
      last_offset = offset;
      page = next_page;
    }
}

static char *
join_model_text (GListModel  *model,
                 const char *(*get_text) (gpointer item))
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *text = get_text (item);

      if (text == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
paragraph_text (gpointer item)
{
  return dossier_paragraph_get_text (item);
}

static const char *
footnote_text (gpointer item)
{
  return dossier_footnote_get_text (item);
}

static const char *
author_name (gpointer item)
{
  return dossier_author_get_name (item);
}

static gboolean
check_duplicate (DossierLibrary  *self,
                 const char      *id,
                 const char      *url_key,
                 const char      *text_hash,
                 gint64           except_rowid,
                 GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;

  /* Documents in the Trash count: the user would rather restore one. */
  stmt = _dossier_library_prepare (self,
                                   "SELECT title, url_key = ?2, id = ?1, trashed IS NOT NULL FROM documents"
                                   " WHERE (id = ?1 OR url_key = ?2 OR text_hash = ?3) AND doc != ?4 LIMIT 1",
                                   error);
  if (stmt == NULL)
    return FALSE;

  _dossier_library_bind_text (stmt, 1, id);
  _dossier_library_bind_text (stmt, 2, url_key);
  _dossier_library_bind_text (stmt, 3, text_hash);
  sqlite3_bind_int64 (stmt, 4, except_rowid);

  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return FALSE;

  if (have_row)
    {
      if (sqlite3_column_int (stmt, 3))
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” is in the Trash; restore it instead"), _dossier_library_column_text (stmt, 0));
      else if (sqlite3_column_int (stmt, 2))
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” is already in the library"), _dossier_library_column_text (stmt, 0));
      else if (sqlite3_column_int (stmt, 1))
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” from the same address is already in the library"),
                     _dossier_library_column_text (stmt, 0));
      else
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” with the same text is already in the library"),
                     _dossier_library_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_authors (DossierLibrary   *self,
               gint64            rowid,
               DossierDocument  *document,
               gboolean          replace,
               GError          **error)
{
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  if (replace)
    {
      g_autoptr(DossierStmt) del = _dossier_library_prepare (self, "DELETE FROM document_authors WHERE doc = ?", error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, rowid);
      if (!_dossier_library_step_done (self, del, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      const char *name = dossier_author_get_name (author) ?: "";
      g_autoptr(DossierStmt) find = NULL;
      g_autoptr(DossierStmt) link = NULL;
      gboolean have_row;
      gint64 author_id;

      /* A lookup, then a plain insert when the name is new: an upsert
       * (INSERT … ON CONFLICT … RETURNING) runs in a statement savepoint,
       * and at every savepoint FTS5 writes out the index it holds in
       * memory, so a bulk import wrote a tiny index segment per document
       * (15–22 % of its time). */
      find = _dossier_library_prepare (self, "SELECT author FROM authors WHERE name = ?", error);
      if (find == NULL)
        return FALSE;
      _dossier_library_bind_text (find, 1, name);
      if (!_dossier_library_step_row (self, find, &have_row, error))
        return FALSE;
      author_id = have_row ? sqlite3_column_int64 (find, 0) : 0;
      g_clear_pointer (&find, stmt_reset);
      if (!have_row)
        {
          g_autoptr(DossierStmt) insert = _dossier_library_prepare (self, "INSERT INTO authors (name) VALUES (?)", error);

          if (insert == NULL)
            return FALSE;
          _dossier_library_bind_text (insert, 1, name);
          if (!_dossier_library_step_done (self, insert, error))
            return FALSE;
          author_id = sqlite3_last_insert_rowid (self->db);
        }

      link = _dossier_library_prepare (self,
                                       "INSERT INTO document_authors (doc, ord, author, " DOSSIER_LIBRARY_AUTHOR_COLUMNS ")"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, rowid);
      sqlite3_bind_int (link, 2, i);
      sqlite3_bind_int64 (link, 3, author_id);
      _dossier_library_bind_text (link, 4, name);
      _dossier_library_bind_text (link, 5, dossier_author_get_position (author));
      _dossier_library_bind_text (link, 6, dossier_author_get_affiliation (author));
      _dossier_library_bind_text (link, 7, dossier_author_get_bio (author));
      _dossier_library_bind_text (link, 8, dossier_author_get_family (author));
      _dossier_library_bind_text (link, 9, dossier_author_get_given (author));
      _dossier_library_bind_text (link, 10, dossier_author_get_particle (author));
      _dossier_library_bind_text (link, 11, dossier_author_get_suffix (author));
      sqlite3_bind_int (link, 12, dossier_author_get_organisation (author));
      if (!_dossier_library_step_done (self, link, error))
        return FALSE;
    }

  /* Replacing a document's authors may leave people without documents;
   * adding a new document cannot, and scanning every author on each of
   * ten thousand adds would make a bulk import quadratic. */
  if (!replace)
    return TRUE;
  return _dossier_library_exec (self,
                                "DELETE FROM authors WHERE NOT EXISTS"
                                " (SELECT 1 FROM document_authors da WHERE da.author = authors.author)",
                                error);
}

/* What reference managers keep (item type, container, DOI …), one
 * column each, named as in the dossier-document format. */
static gboolean
store_citation_fields (DossierLibrary   *self,
                       gint64            rowid,
                       DossierDocument  *document,
                       GError          **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("UPDATE documents SET ");

  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    g_string_append_printf (sql, "%s%s = ?%u", f > 0 ? ", " : "", dossier_document_field_get_key (f), f + 1);
  g_string_append_printf (sql, " WHERE doc = ?%u", DOSSIER_N_FIELDS + 1);

  stmt = _dossier_library_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    _dossier_library_bind_text (stmt, f + 1, dossier_document_get_field (document, f));
  sqlite3_bind_int64 (stmt, DOSSIER_N_FIELDS + 1, rowid);
  return _dossier_library_step_done (self, stmt, error);
}

gboolean
_dossier_library_store_search_row (DossierLibrary   *self,
                  gint64            rowid,
                  DossierDocument  *document,
                  gboolean          replace,
                  GError          **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *authors = join_model_text (dossier_document_get_authors (document), author_name);
  g_autofree char *body = join_model_text (dossier_document_get_paragraphs (document), paragraph_text);
  g_autofree char *notes = join_model_text (dossier_document_get_footnotes (document), footnote_text);
  g_autofree char *key_points = NULL;
  const char * const *points = dossier_document_get_key_points (document);

  if (points != NULL)
    key_points = g_strjoinv ("\n", (char **) points);

  if (replace)
    {
      g_autoptr(DossierStmt) del = _dossier_library_prepare (self, "DELETE FROM search WHERE rowid = ?", error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, rowid);
      if (!_dossier_library_step_done (self, del, error))
        return FALSE;
    }

  stmt = _dossier_library_prepare (self,
                                   "INSERT INTO search (rowid, title, authors, key_points, body, footnotes, notes)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, " DOSSIER_NOTES_TEXT_SQL ("?1") ")", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  _dossier_library_bind_text (stmt, 2, dossier_document_get_title (document));
  _dossier_library_bind_text (stmt, 3, authors);
  _dossier_library_bind_text (stmt, 4, key_points);
  _dossier_library_bind_text (stmt, 5, body);
  _dossier_library_bind_text (stmt, 6, notes);
  return _dossier_library_step_done (self, stmt, error);
}

static gboolean
store_body (DossierLibrary   *self,
            gint64            rowid,
            DossierDocument  *document,
            GError          **error)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  GListModel *footnotes = dossier_document_get_footnotes (document);
  guint n;

  n = g_list_model_get_n_items (paragraphs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_autofree char *refs = dup_refs (paragraph);
      g_autofree char *page_breaks = dup_page_breaks (paragraph);
      g_autoptr(DossierStmt) stmt = NULL;

      stmt = _dossier_library_prepare (self, "INSERT INTO paragraphs (doc, ord, kind, text, refs, attribution,"
                                       " page, page_label, page_breaks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, dossier_paragraph_get_kind (paragraph));
      _dossier_library_bind_text (stmt, 4, dossier_paragraph_get_text (paragraph) ?: "");
      _dossier_library_bind_text (stmt, 5, refs);
      _dossier_library_bind_text (stmt, 6, dossier_paragraph_get_attribution (paragraph));
      if (dossier_paragraph_get_page (paragraph) > 0)
        sqlite3_bind_int64 (stmt, 7, dossier_paragraph_get_page (paragraph));
      _dossier_library_bind_text (stmt, 8, dossier_paragraph_get_page_label (paragraph));
      _dossier_library_bind_text (stmt, 9, page_breaks);
      if (!_dossier_library_step_done (self, stmt, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (footnotes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      const char * const *urls = dossier_footnote_get_urls (note);
      g_autoptr(DossierStmt) stmt = NULL;

      stmt = _dossier_library_prepare (self, "INSERT INTO footnotes (doc, ord, number, text) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, dossier_footnote_get_number (note));
      _dossier_library_bind_text (stmt, 4, dossier_footnote_get_text (note) ?: "");
      if (!_dossier_library_step_done (self, stmt, error))
        return FALSE;

      for (guint j = 0; urls != NULL && urls[j] != NULL; j++)
        {
          g_autoptr(DossierStmt) url = NULL;

          url = _dossier_library_prepare (self, "INSERT INTO footnote_urls (doc, footnote, ord, url) VALUES (?, ?, ?, ?)",
                                          error);
          if (url == NULL)
            return FALSE;
          sqlite3_bind_int64 (url, 1, rowid);
          sqlite3_bind_int (url, 2, i);
          sqlite3_bind_int (url, 3, j);
          _dossier_library_bind_text (url, 4, urls[j]);
          if (!_dossier_library_step_done (self, url, error))
            return FALSE;
        }
    }

  return TRUE;
}

DossierDocument *
_dossier_library_make_light_copy (DossierDocument *document,
                 const char      *id)
{
  DossierDocument *light = dossier_document_new ();
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  dossier_document_set_id (light, id);
  dossier_document_set_title (light, dossier_document_get_title (document));
  dossier_document_set_subtitle (light, dossier_document_get_subtitle (document));
  dossier_document_set_publisher (light, dossier_document_get_publisher (document));
  dossier_document_set_issued (light, dossier_document_get_issued (document));
  dossier_document_set_source_url (light, dossier_document_get_source_url (document));
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    dossier_document_set_field (light, f, dossier_document_get_field (document, f));
  dossier_document_set_reference_only (light, !dossier_document_has_text (document));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) a = g_list_model_get_item (authors, i);
      g_autoptr(DossierAuthor) copy = dossier_author_copy (a);

      dossier_document_add_author (light, copy);
    }
  return light;
}

/**
 * dossier_library_add:
 * @document: a complete document (paragraphs, footnotes, authors)
 * @error: return location for an error
 *
 * Stores @document in one transaction and adds it to the documents list.
 * A document with the same normalised text or the same source URL as a
 * stored one is refused with %DOSSIER_LIBRARY_ERROR_DUPLICATE (the message
 * names the stored title; one in the Trash is refused too, saying so). A
 * document whose id is already set (as from another program) is stored
 * under that id; otherwise a new id is made and set on @document.
 *
 * Returns: (transfer full) (nullable): the id, or %NULL on error
 */
char *
dossier_library_add (DossierLibrary   *self,
                     DossierDocument  *document,
                     GError          **error)
{
  g_autofree char *id = NULL;
  g_autofree char *url_key = NULL;
  g_autofree char *text_hash = NULL;
  g_autofree char *title_key = NULL;
  g_autofree char *key_points = NULL;
  g_autofree char *pull_quotes = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  DossierDocument *light;
  gint64 rowid, now;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dossier_document_check_limits (document, error))
    return NULL;

  id = g_strdup (dossier_document_get_id (document));
  if (id == NULL)
    id = g_uuid_string_random ();
  url_key = _dossier_library_dup_url_key (dossier_document_get_source_url (document));
  text_hash = dup_text_hash (document);
  title_key = _dossier_library_dup_words_key (dossier_document_get_title (document));
  key_points = strv_to_json (dossier_document_get_key_points (document));
  pull_quotes = strv_to_json (dossier_document_get_pull_quotes (document));
  now = g_get_real_time () / G_USEC_PER_SEC;

  if (!_dossier_library_begin (self, error))
    return NULL;

  if (!check_duplicate (self, id, url_key, text_hash, -1, error))
    goto fail;

  stmt = _dossier_library_prepare (self,
                                   "INSERT INTO documents (id, title, subtitle, publisher, published, source_url,"
                                   " url_key, key_points, pull_quotes, text_hash, added, modified, title_key)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  _dossier_library_bind_text (stmt, 1, id);
  _dossier_library_bind_text (stmt, 2, dossier_document_get_title (document) ?: "");
  _dossier_library_bind_text (stmt, 3, dossier_document_get_subtitle (document));
  _dossier_library_bind_text (stmt, 4, dossier_document_get_publisher (document));
  _dossier_library_bind_text (stmt, 5, dossier_document_get_issued (document));
  _dossier_library_bind_text (stmt, 6, dossier_document_get_source_url (document));
  _dossier_library_bind_text (stmt, 7, url_key);
  _dossier_library_bind_text (stmt, 8, key_points);
  _dossier_library_bind_text (stmt, 9, pull_quotes);
  _dossier_library_bind_text (stmt, 10, text_hash);
  sqlite3_bind_int64 (stmt, 11, now);
  sqlite3_bind_int64 (stmt, 12, now);
  _dossier_library_bind_text (stmt, 13, title_key);
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;
  rowid = sqlite3_last_insert_rowid (self->db);

  if (!store_citation_fields (self, rowid, document, error) ||
      !store_authors (self, rowid, document, FALSE, error) ||
      !store_body (self, rowid, document, error) ||
      !_dossier_library_store_search_row (self, rowid, document, FALSE, error))
    goto fail;

  /* _dossier_library_commit() rolls back by itself when it fails. */
  if (!_dossier_library_commit (self, error))
    return NULL;

  dossier_document_set_id (document, id);
  /* A list not read yet will be read with this document in it. */
  if (self->list_loaded)
    {
      light = _dossier_library_make_light_copy (document, id);
      _dossier_library_index_document (self, rowid, light);
      g_list_store_insert (self->documents, 0, light);
      g_object_unref (light);
    }

  return g_steal_pointer (&id);

fail:
  _dossier_library_rollback (self);
  return NULL;
}

/* --- loading ----------------------------------------------------------- */

void
_dossier_library_set_not_found (GError     **error,
                                const char  *id)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
               _("No document with the id %s in the library"), id);
}

/* A library written by another program may hold values of any size or
 * not UTF-8: a document with one is not loaded, and the message says
 * which field (the list shows such values as a note, see
 * dup_column_shown() in dossier-library.c). */
static gboolean
fail_stored (GError     **error,
             const char  *message)
{
  /* Translators: %s says which field, e.g. "title is 62,914,560 bytes; at most 4 KiB is allowed" */
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
               _("The stored document cannot be read: %s"), message);
  return FALSE;
}

static gboolean
check_stored (DossierStmt  *stmt,
              int           column,
              gsize         limit,
              const char   *what,
              GError      **error)
{
  const char *text = _dossier_library_column_text (stmt, column);
  gsize bytes = sqlite3_column_bytes (stmt, column);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || (bytes <= limit && g_utf8_validate_len (text, bytes, NULL)))
    return TRUE;

  /* Measures before any copy is made. */
  if (bytes > limit)
    {
      g_autofree char *message = dossier_limit_dup_too_long (what, bytes, limit);
      return fail_stored (error, message);
    }

  dossier_limit_check_text (what, text, limit, &local_error);
  return fail_stored (error, local_error->message);
}

static gboolean
check_stored_count (guint         count,
                    guint         limit,
                    const char   *what,
                    GError      **error)
{
  g_autofree char *message = NULL;

  if (count <= limit)
    return TRUE;

  message = dossier_limit_dup_too_many (what, count, limit);
  return fail_stored (error, message);
}

DossierDocument *
_dossier_library_load_rowid (DossierLibrary  *self,
                             gint64           rowid,
                             GError         **error)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierStmt) meta = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  g_autoptr(DossierStmt) paragraphs = NULL;
  g_autoptr(DossierStmt) footnotes = NULL;
  g_autoptr(DossierStmt) urls = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) note_urls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean have_row, ok = TRUE;

  meta = _dossier_library_prepare (self,
                                   "SELECT key_points, pull_quotes, " DOSSIER_LIBRARY_META_COLUMNS
                                   " FROM documents WHERE doc = ?", error);
  if (meta == NULL)
    return NULL;
  sqlite3_bind_int64 (meta, 1, rowid);
  if (!_dossier_library_step_row (self, meta, &have_row, error))
    return NULL;
  if (!have_row)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The document is no longer in the library"));
      return NULL;
    }
  /* Key points and pull quotes are stored as JSON arrays of strings. */
  if (!check_stored (meta, 3, DOSSIER_LIMIT_TITLE, _("title"), error) ||
      !check_stored (meta, 4, DOSSIER_LIMIT_SUBTITLE, _("subtitle"), error) ||
      !check_stored (meta, 5, DOSSIER_LIMIT_PUBLISHER, _("publisher"), error) ||
      !check_stored (meta, 6, DOSSIER_LIMIT_PUBLISHER, _("publication date"), error) ||
      !check_stored (meta, 7, DOSSIER_LIMIT_URL, _("source URL"), error) ||
      !check_stored (meta, 0, 2 * DOSSIER_LIMIT_KEY_POINTS * DOSSIER_LIMIT_KEY_POINT, _("key points"), error) ||
      !check_stored (meta, 1, 2 * DOSSIER_LIMIT_PULL_QUOTES * DOSSIER_LIMIT_PULL_QUOTE, _("pull quotes"), error))
    return NULL;
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    if (!check_stored (meta, 8 + f, dossier_document_field_get_limit (f), dossier_document_field_get_label (f),
                       error))
      return NULL;
  _dossier_library_fill_metadata (document, meta, 2);
  {
    g_auto(GStrv) key_points = strv_from_json (_dossier_library_column_text (meta, 0));
    g_auto(GStrv) pull_quotes = strv_from_json (_dossier_library_column_text (meta, 1));

    dossier_document_set_key_points (document, (const char * const *) key_points);
    dossier_document_set_pull_quotes (document, (const char * const *) pull_quotes);
  }

  authors = _dossier_library_prepare (self,
                                      "SELECT " DOSSIER_LIBRARY_AUTHOR_COLUMNS " FROM document_authors"
                                      " WHERE doc = ? ORDER BY ord", error);
  if (authors == NULL)
    return NULL;
  sqlite3_bind_int64 (authors, 1, rowid);
  while ((ok = _dossier_library_step_row (self, authors, &have_row, error)) && have_row)
    {
      g_autoptr(DossierAuthor) author = NULL;
      guint n = g_list_model_get_n_items (dossier_document_get_authors (document));

      if (!check_stored_count (n + 1, DOSSIER_LIMIT_AUTHORS, _("authors"), error) ||
          !check_stored (authors, 0, DOSSIER_LIMIT_AUTHOR_NAME, _("name of an author"), error) ||
          !check_stored (authors, 1, DOSSIER_LIMIT_AUTHOR_POSITION, _("position of an author"), error) ||
          !check_stored (authors, 2, DOSSIER_LIMIT_AUTHOR_AFFILIATION, _("affiliation of an author"), error) ||
          !check_stored (authors, 3, DOSSIER_LIMIT_AUTHOR_BIO, _("bio of an author"), error) ||
          !check_stored (authors, 4, DOSSIER_LIMIT_AUTHOR_NAME, _("family name of an author"), error) ||
          !check_stored (authors, 5, DOSSIER_LIMIT_AUTHOR_NAME, _("given names of an author"), error) ||
          !check_stored (authors, 6, DOSSIER_LIMIT_AUTHOR_NAME, _("name particle of an author"), error) ||
          !check_stored (authors, 7, DOSSIER_LIMIT_AUTHOR_NAME, _("name suffix of an author"), error))
        return NULL;
      author = _dossier_library_author_from_row (authors, 0);
      dossier_document_add_author (document, author);
    }
  if (!ok)
    return NULL;

  paragraphs = _dossier_library_prepare (self, "SELECT kind, text, refs, attribution, page, page_label, page_breaks"
                                         " FROM paragraphs WHERE doc = ? ORDER BY ord", error);
  if (paragraphs == NULL)
    return NULL;
  sqlite3_bind_int64 (paragraphs, 1, rowid);
  while ((ok = _dossier_library_step_row (self, paragraphs, &have_row, error)) && have_row)
    {
      g_autoptr(DossierParagraph) paragraph = NULL;
      guint n = g_list_model_get_n_items (dossier_document_get_paragraphs (document));
      g_autofree char *what = g_strdup_printf (_("paragraph %u"), n + 1);
      g_autofree char *attribution = g_strdup_printf (_("attribution of paragraph %u"), n + 1);
      g_autofree char *refs = g_strdup_printf (_("footnote markers in paragraph %u"), n + 1);
      g_autofree char *page_label = g_strdup_printf (_("page label of paragraph %u"), n + 1);
      g_autofree char *page_breaks = g_strdup_printf (_("page breaks in paragraph %u"), n + 1);
      int kind = sqlite3_column_int (paragraphs, 0);
      gint64 page = sqlite3_column_int64 (paragraphs, 4);

      /* A marker is stored as "number:offset," (at most 22 bytes); a page
       * break as [offset,page,"label"], its label escaped (6 bytes a byte
       * at most). */
      if (!check_stored_count (n + 1, DOSSIER_LIMIT_PARAGRAPHS, _("paragraphs"), error) ||
          !check_stored (paragraphs, 1, DOSSIER_LIMIT_PARAGRAPH, what, error) ||
          !check_stored (paragraphs, 2, 22 * DOSSIER_LIMIT_FOOTNOTE_REFS, refs, error) ||
          !check_stored (paragraphs, 3, DOSSIER_LIMIT_ATTRIBUTION, attribution, error) ||
          !check_stored (paragraphs, 5, DOSSIER_LIMIT_PAGE_LABEL, page_label, error) ||
          !check_stored (paragraphs, 6, (48 + 6 * DOSSIER_LIMIT_PAGE_LABEL) * DOSSIER_LIMIT_PAGE_BREAKS,
                         page_breaks, error))
        return NULL;
      paragraph = dossier_paragraph_new (_dossier_library_column_text (paragraphs, 1));

      /* Unknown kinds (a newer Dossier's) read as body text. */
      if (kind == DOSSIER_PARAGRAPH_HEADING || kind == DOSSIER_PARAGRAPH_QUOTE)
        dossier_paragraph_set_kind (paragraph, kind);
      parse_refs (paragraph, _dossier_library_column_text (paragraphs, 2));
      dossier_paragraph_set_attribution (paragraph, _dossier_library_column_text (paragraphs, 3));
      /* A page out of range (another program's) is no page. */
      if (page > 0 && page <= DOSSIER_LIMIT_PAGE)
        {
          dossier_paragraph_set_page (paragraph, page);
          dossier_paragraph_set_page_label (paragraph, _dossier_library_column_text (paragraphs, 5));
          parse_page_breaks (paragraph, _dossier_library_column_text (paragraphs, 6));
        }
      dossier_document_add_paragraph (document, paragraph);
    }
  if (!ok)
    return NULL;

  footnotes = _dossier_library_prepare (self, "SELECT number, text FROM footnotes WHERE doc = ? ORDER BY ord", error);
  if (footnotes == NULL)
    return NULL;
  sqlite3_bind_int64 (footnotes, 1, rowid);
  while ((ok = _dossier_library_step_row (self, footnotes, &have_row, error)) && have_row)
    {
      gint64 number = sqlite3_column_int64 (footnotes, 0);
      g_autofree char *what = g_strdup_printf (_("footnote %u"), (guint) CLAMP (number, 0, G_MAXUINT));

      if (!check_stored_count (notes->len + 1, DOSSIER_LIMIT_FOOTNOTES, _("footnotes"), error) ||
          !check_stored (footnotes, 1, DOSSIER_LIMIT_FOOTNOTE, what, error))
        return NULL;

      g_ptr_array_add (notes, dossier_footnote_new (CLAMP (number, 0, G_MAXUINT),
                                                    _dossier_library_column_text (footnotes, 1)));
      g_ptr_array_add (note_urls, g_ptr_array_new_with_free_func (g_free));
    }
  if (!ok)
    return NULL;

  urls = _dossier_library_prepare (self, "SELECT footnote, url FROM footnote_urls WHERE doc = ? ORDER BY footnote, ord",
                                   error);
  if (urls == NULL)
    return NULL;
  sqlite3_bind_int64 (urls, 1, rowid);
  while ((ok = _dossier_library_step_row (self, urls, &have_row, error)) && have_row)
    {
      gint64 footnote = sqlite3_column_int64 (urls, 0);

      if (footnote >= 0 && footnote < notes->len)
        {
          GPtrArray *list = g_ptr_array_index (note_urls, footnote);
          guint number = dossier_footnote_get_number (notes->pdata[footnote]);
          g_autofree char *what = g_strdup_printf (_("web address %u of footnote %u"), list->len + 1, number);
          g_autofree char *count_what = g_strdup_printf (_("web addresses in footnote %u"), number);

          if (!check_stored_count (list->len + 1, DOSSIER_LIMIT_FOOTNOTE_URLS, count_what, error) ||
              !check_stored (urls, 1, DOSSIER_LIMIT_URL, what, error))
            return NULL;
          g_ptr_array_add (list, g_strdup (_dossier_library_column_text (urls, 1)));
        }
    }
  if (!ok)
    return NULL;

  for (guint i = 0; i < notes->len; i++)
    {
      GPtrArray *list = g_ptr_array_index (note_urls, i);

      if (list->len > 0)
        {
          g_ptr_array_add (list, NULL);
          dossier_footnote_set_urls (notes->pdata[i], (const char * const *) list->pdata);
        }
      dossier_document_add_footnote (document, notes->pdata[i]);
    }

  /* What the rows alone do not bound: key points, pull quotes, markers. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!dossier_document_check_limits (document, &local_error))
      {
        fail_stored (error, local_error->message);
        return NULL;
      }
  }

  return g_steal_pointer (&document);
}

/**
 * dossier_library_load:
 * @id: a document id
 * @error: return location for an error
 *
 * Reads a complete document: metadata, key points, pull quotes,
 * paragraphs, footnotes and authors.
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL with
 *   %DOSSIER_LIBRARY_ERROR_NOT_FOUND or another error
 */
DossierDocument *
dossier_library_load (DossierLibrary  *self,
                      const char      *id,
                      GError         **error)
{
  DossierDocument *document;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_dossier_library_find_rowid (self, id, &rowid, error))
    return NULL;

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  document = _dossier_library_load_rowid (self, rowid, error);
  _dossier_library_end_read (self);
  return document;
}

/**
 * dossier_library_dup_json:
 * @id: a document id
 * @length: (out) (optional): length of the result
 * @error: return location for an error
 *
 * The stored document as `dossier-document` JSON: the same bytes
 * `dossier-cli import` printed for it (plus any metadata edits).
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
char *
dossier_library_dup_json (DossierLibrary  *self,
                          const char      *id,
                          gsize           *length,
                          GError         **error)
{
  g_autoptr(DossierDocument) document = dossier_library_load (self, id, error);

  if (document == NULL)
    return NULL;
  return dossier_document_to_json (document, length);
}

/* --- updating --------------------------------------------------------- */

/* Footnotes are matched by number: the markers in the stored body point
 * at them, so an edit changes a note's text and web addresses, never which
 * notes there are. */
static gboolean
store_footnote_edits (DossierLibrary   *self,
                      gint64            rowid,
                      DossierDocument  *document,
                      GError          **error)
{
  GListModel *footnotes = dossier_document_get_footnotes (document);
  guint n = g_list_model_get_n_items (footnotes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      const char * const *urls = dossier_footnote_get_urls (note);
      g_autoptr(DossierStmt) find = NULL;
      g_autoptr(DossierStmt) update = NULL;
      g_autoptr(DossierStmt) clear = NULL;
      gboolean have_row = FALSE;
      gint64 ord;

      find = _dossier_library_prepare (self, "SELECT ord FROM footnotes WHERE doc = ? AND number = ?", error);
      if (find == NULL)
        return FALSE;
      sqlite3_bind_int64 (find, 1, rowid);
      sqlite3_bind_int64 (find, 2, dossier_footnote_get_number (note));
      if (!_dossier_library_step_row (self, find, &have_row, error))
        return FALSE;
      if (!have_row)
        {
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("The article has no footnote %u to correct"), dossier_footnote_get_number (note));
          return FALSE;
        }
      ord = sqlite3_column_int64 (find, 0);

      update = _dossier_library_prepare (self, "UPDATE footnotes SET text = ? WHERE doc = ? AND ord = ?", error);
      if (update == NULL)
        return FALSE;
      _dossier_library_bind_text (update, 1, dossier_footnote_get_text (note) ?: "");
      sqlite3_bind_int64 (update, 2, rowid);
      sqlite3_bind_int64 (update, 3, ord);
      if (!_dossier_library_step_done (self, update, error))
        return FALSE;

      clear = _dossier_library_prepare (self, "DELETE FROM footnote_urls WHERE doc = ? AND footnote = ?", error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, rowid);
      sqlite3_bind_int64 (clear, 2, ord);
      if (!_dossier_library_step_done (self, clear, error))
        return FALSE;

      for (guint j = 0; urls != NULL && urls[j] != NULL; j++)
        {
          g_autoptr(DossierStmt) url = NULL;

          url = _dossier_library_prepare (self, "INSERT INTO footnote_urls (doc, footnote, ord, url) VALUES (?, ?, ?, ?)",
                                          error);
          if (url == NULL)
            return FALSE;
          sqlite3_bind_int64 (url, 1, rowid);
          sqlite3_bind_int64 (url, 2, ord);
          sqlite3_bind_int (url, 3, j);
          _dossier_library_bind_text (url, 4, urls[j]);
          if (!_dossier_library_step_done (self, url, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
store_summary_edits (DossierLibrary   *self,
                            gint64            rowid,
                            DossierDocument  *document,
                            GError          **error)
{
  g_autofree char *key_points = strv_to_json (dossier_document_get_key_points (document));
  g_autofree char *pull_quotes = strv_to_json (dossier_document_get_pull_quotes (document));
  g_autoptr(DossierStmt) stmt = NULL;

  stmt = _dossier_library_prepare (self, "UPDATE documents SET key_points = ?, pull_quotes = ? WHERE doc = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dossier_library_bind_text (stmt, 1, key_points);
  _dossier_library_bind_text (stmt, 2, pull_quotes);
  sqlite3_bind_int64 (stmt, 3, rowid);
  return _dossier_library_step_done (self, stmt, error) &&
         store_footnote_edits (self, rowid, document, error);
}

static gboolean update_metadata (DossierLibrary   *self,
                                 DossierDocument  *document,
                                 gboolean          with_contents,
                                 GError          **error);

/**
 * dossier_library_update_metadata:
 * @document: a document with an id from this library
 * @error: return location for an error
 *
 * Saves the user's edits of title, subtitle, publisher, published date,
 * source URL and authors of @document (which may be the lightweight object
 * from the list or a loaded one), and updates the list and the search
 * index. Changing the source URL to that of another stored document fails
 * with %DOSSIER_LIBRARY_ERROR_DUPLICATE.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_update_metadata (DossierLibrary   *self,
                                 DossierDocument  *document,
                                 GError          **error)
{
  return update_metadata (self, document, FALSE, error);
}

/**
 * dossier_library_update_details:
 * @document: a loaded document with an id from this library
 * @error: return location for an error
 *
 * As dossier_library_update_metadata(), and in the same transaction also
 * saves @document's key points and pull quotes (all of them: an empty
 * list clears them) and the text and web addresses of each of its
 * footnotes, matched by number. A footnote number the stored article does
 * not have fails; stored footnotes @document lacks are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_update_details (DossierLibrary   *self,
                                DossierDocument  *document,
                                GError          **error)
{
  return update_metadata (self, document, TRUE, error);
}

static gboolean
update_metadata (DossierLibrary   *self,
                 DossierDocument  *document,
                 gboolean          with_contents,
                 GError          **error)
{
  const char *id;
  DossierDocument *light;
  g_autoptr(DossierDocument) full = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *url_key = NULL;
  g_autofree char *title_key = NULL;
  gint64 rowid;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), FALSE);

  if (!dossier_document_check_limits (document, error))
    return FALSE;

  id = dossier_document_get_id (document);
  light = _dossier_library_lookup_light (self, id, &rowid);
  if (light == NULL)
    {
      _dossier_library_set_not_found (error, id ? id : "(none)");
      return FALSE;
    }

  url_key = _dossier_library_dup_url_key (dossier_document_get_source_url (document));
  title_key = _dossier_library_dup_words_key (dossier_document_get_title (document));

  if (!_dossier_library_begin (self, error))
    return FALSE;

  if (!check_duplicate (self, NULL, url_key, NULL, rowid, error))
    goto fail;

  stmt = _dossier_library_prepare (self,
                                   "UPDATE documents SET title = ?, subtitle = ?, publisher = ?, published = ?,"
                                   " source_url = ?, url_key = ?, modified = ?, title_key = ?9 WHERE doc = ?8", error);
  if (stmt == NULL)
    goto fail;
  _dossier_library_bind_text (stmt, 1, dossier_document_get_title (document) ?: "");
  _dossier_library_bind_text (stmt, 2, dossier_document_get_subtitle (document));
  _dossier_library_bind_text (stmt, 3, dossier_document_get_publisher (document));
  _dossier_library_bind_text (stmt, 4, dossier_document_get_issued (document));
  _dossier_library_bind_text (stmt, 5, dossier_document_get_source_url (document));
  _dossier_library_bind_text (stmt, 6, url_key);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 8, rowid);
  _dossier_library_bind_text (stmt, 9, title_key);
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;

  if (!store_citation_fields (self, rowid, document, error) ||
      !store_authors (self, rowid, document, TRUE, error))
    goto fail;
  if (with_contents && !store_summary_edits (self, rowid, document, error))
    goto fail;

  /* The search row holds title and authors too; rebuild it from the
   * stored body so the index matches what is saved. */
  full = _dossier_library_load_rowid (self, rowid, error);
  if (full == NULL || !_dossier_library_store_search_row (self, rowid, full, TRUE, error))
    goto fail;

  if (!_dossier_library_commit (self, error))
    return FALSE;

  if (light != document)
    {
      GListModel *authors = dossier_document_get_authors (document);
      guint n = g_list_model_get_n_items (authors);

      dossier_document_set_title (light, dossier_document_get_title (document));
      dossier_document_set_subtitle (light, dossier_document_get_subtitle (document));
      dossier_document_set_publisher (light, dossier_document_get_publisher (document));
      dossier_document_set_issued (light, dossier_document_get_issued (document));
      dossier_document_set_source_url (light, dossier_document_get_source_url (document));
      for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
        dossier_document_set_field (light, f, dossier_document_get_field (document, f));
      dossier_document_remove_all_authors (light);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierAuthor) a = g_list_model_get_item (authors, i);
          g_autoptr(DossierAuthor) copy = dossier_author_copy (a);

          dossier_document_add_author (light, copy);
        }
    }

  /* Same object, but sorted views and row widgets watch items-changed. */
  if (_dossier_library_find_position (self, light, &position))
    {
      /* Removing the row drops the store's reference, which may be the
       * only one: hold it across the splice. */
      g_autoptr(DossierDocument) keep = g_object_ref (light);

      g_list_store_splice (self->documents, position, 1, (gpointer *) &keep, 1);
    }

  return TRUE;

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/* --- batches ---------------------------------------------------------- */

/**
 * dossier_library_begin_batch:
 * @error: return location for an error
 *
 * Groups many changes (a bulk import) into one transaction, which is far
 * faster than one per document. An add refused before anything is written
 * (a duplicate) does not affect the others; one that fails half-way (a
 * full disk) makes the whole batch fail at dossier_library_end_batch().
 * Nothing is on disk until then.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_begin_batch (DossierLibrary  *self,
                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!_dossier_library_begin (self, error))
    return FALSE;
  self->in_batch = TRUE;
  self->batch_failed = FALSE;
  return TRUE;
}

/**
 * dossier_library_end_batch:
 * @error: return location for an error
 *
 * Commits what was added since dossier_library_begin_batch(). If that
 * fails, or a change in the batch failed half-way, nothing of the batch is
 * stored and the documents list is read again from the database.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_end_batch (DossierLibrary  *self,
                           GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->in_batch && self->depth == 1, FALSE);

  if (self->batch_failed)
    {
      _dossier_library_rollback (self);
      self->batch_failed = FALSE;
      _dossier_library_load_document_list (self, NULL);
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("A change failed half-way, so nothing of this batch was stored"));
      return FALSE;
    }

  if (!_dossier_library_commit (self, error))
    {
      _dossier_library_load_document_list (self, NULL);
      return FALSE;
    }
  return TRUE;
}

