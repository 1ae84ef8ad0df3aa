/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-library-private.h"
#include "dossier-search-result-private.h"

/*
 * Finding documents in a DossierLibrary: indexed lookups by address,
 * title, author and cited URL, and the FTS5 full-text search with its
 * snippets.
 */

#define DEFAULT_SEARCH_LIMIT 100
#define MAX_SEARCH_LIMIT 10000
/* Bounds on what a user can type into the search entry. */
#define MAX_QUERY_LENGTH 1024
#define MAX_QUERY_TERMS 32

/* --- lookups ----------------------------------------------------------- */

static DossierDocument *
load_first_match (DossierLibrary  *self,
                  DossierStmt     *stmt,
                  GError         **error)
{
  DossierDocument *document = NULL;
  gboolean have_row;
  gint64 rowid;

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  if (_dossier_library_step_row (self, stmt, &have_row, error) && have_row)
    {
      rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      document = _dossier_library_load_rowid (self, rowid, error);
    }
  sqlite3_reset (stmt);
  _dossier_library_end_read (self);
  return document;
}

/**
 * dossier_library_find_by_source_url:
 * @url: an address; http/https, "www.", a trailing slash and the fragment
 *   do not matter
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the complete document from @url, or
 *   %NULL without error when there is none
 */
DossierDocument *
dossier_library_find_by_source_url (DossierLibrary  *self,
                                    const char      *url,
                                    GError         **error)
{
  g_autofree char *key = _dossier_library_dup_url_key (url);
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (key == NULL)
    return NULL;

  stmt = _dossier_library_prepare (self, "SELECT doc FROM documents WHERE url_key = ? AND trashed IS NULL"
                                   " ORDER BY added DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, key);
  return load_first_match (self, stmt, error);
}

/**
 * dossier_library_find_by_title:
 * @title: the title; compared by its words, so case, accents,
 *   punctuation and quotation marks do not matter
 * @author_name: (nullable): part of an author's name ("Cha" finds "Victor
 *   Cha"; compared the same way), or %NULL for any
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the newest complete document that
 *   matches, or %NULL without error when there is none
 */
DossierDocument *
dossier_library_find_by_title (DossierLibrary  *self,
                               const char      *title,
                               const char      *author_name,
                               GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *title_key = NULL;
  g_autofree char *author_key = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (title == NULL)
    return NULL;

  title_key = _dossier_library_dup_words_key (title);
  author_key = _dossier_library_dup_words_key (author_name);
  if (title_key == NULL)
    return NULL;

  stmt = _dossier_library_prepare (self,
                                   "SELECT doc FROM documents d WHERE title_key = ?1 AND trashed IS NULL"
                                   " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                                   "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                                   " ORDER BY added DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, title_key);
  _dossier_library_bind_text (stmt, 2, author_key);
  return load_first_match (self, stmt, error);
}

static GListModel *
collect_light (DossierLibrary  *self,
               DossierStmt     *stmt,
               GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  gboolean have_row, ok = TRUE;

  if (!_dossier_library_ensure_list (self, error))
    return NULL;
  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      DossierDocument *light = g_hash_table_lookup (self->by_rowid, &rowid);

      if (light != NULL)
        g_list_store_append (store, light);
    }
  if (!ok)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dossier_library_find_by_author:
 * @author_name: an author's full name, without regard to case
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the documents (lightweight, newest
 *   first) by that author
 */
GListModel *
dossier_library_find_by_author (DossierLibrary  *self,
                                const char      *author_name,
                                GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (author_name != NULL, NULL);

  stmt = _dossier_library_prepare (self,
                                   "SELECT d.doc FROM authors a JOIN document_authors da ON da.author = a.author"
                                   " JOIN documents d ON d.doc = da.doc WHERE a.name = ?"
                                   " ORDER BY d.added DESC, d.doc DESC", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, author_name);
  return collect_light (self, stmt, error);
}

/**
 * dossier_library_find_citing_url:
 * @url: an address exactly as it appears in footnotes
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the documents (lightweight, newest
 *   first) with a footnote citing @url
 */
GListModel *
dossier_library_find_citing_url (DossierLibrary  *self,
                                 const char      *url,
                                 GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  stmt = _dossier_library_prepare (self,
                                   "SELECT d.doc FROM documents d WHERE d.doc IN"
                                   " (SELECT doc FROM footnote_urls WHERE url = ?)"
                                   " ORDER BY d.added DESC, d.doc DESC", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, url);
  return collect_light (self, stmt, error);
}

/* --- search ------------------------------------------------------------ */

/* Results that get their snippet inside the search query; a view shows
 * about this many before scrolling. */
#define EAGER_SNIPPETS 30

static char *dup_snippet (DossierLibrary *self, const char *match, gint64 rowid,
                          const char *snippet, guint *page, GError **error);

static char *
load_snippet (GObject    *owner,
              const char *match,
              gint64      rowid,
              guint      *page)
{
  g_autoptr(GError) error = NULL;
  char *snippet = dup_snippet (DOSSIER_LIBRARY (owner), match, rowid, NULL, page, &error);

  if (snippet == NULL)
    g_debug ("No snippet for a search result: %s", error->message);
  return snippet;
}

static gboolean
has_hangul (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HANGUL)
      return TRUE;
  return FALSE;
}

/* Turns what the user typed into a safe FTS5 query: words (runs of
 * letters and digits) and "quoted phrases", all required; the last word
 * (and every Hangul word) also matches as a prefix while the user is
 * still typing it. FTS5 syntax
 * characters can never reach the parser, so no query is an error. */
static char *
dup_fts_query (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *bounded = NULL;
  gboolean in_phrase = FALSE;
  gboolean phrase_open = FALSE;
  guint n_terms = 0;
  const char *p;
  gsize length;

  if (text == NULL)
    return NULL;

  length = strlen (text);
  if (length > MAX_QUERY_LENGTH)
    {
      const char *end = g_utf8_find_prev_char (text, text + MAX_QUERY_LENGTH + 1);
      length = end ? (gsize) (end - text) : 0;
    }
  bounded = g_utf8_make_valid (text, length);

  for (p = bounded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && n_terms < MAX_QUERY_TERMS)
        {
          if (in_phrase)
            {
              g_string_append (out, phrase_open ? " " : (out->len ? " \"" : "\""));
              phrase_open = TRUE;
              g_string_append (out, word->str);
            }
          else
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_printf (out, "\"%s\"", word->str);
              /* Still being typed: match as a prefix too. A Korean word
               * is one token with its particle ("북한은", "북한의"), which
               * the tokenizer does not take off: every Hangul word is a
               * prefix, so "북한 비핵화" finds what each word alone finds. */
              if (c == 0 || has_hangul (word->str))
                g_string_append_c (out, '*');
            }
          n_terms++;
        }
      g_string_truncate (word, 0);

      if (c == '"')
        {
          if (in_phrase && phrase_open)
            g_string_append_c (out, '"');
          in_phrase = !in_phrase;
          phrase_open = FALSE;
        }

      if (c == 0)
        break;
    }

  if (in_phrase && phrase_open)
    g_string_append_c (out, '"');

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A snippet for one result: @snippet when the search query made it
 * already, else made now by dossier_snippet() (dossier-library-snippet.c)
 * from a bounded window around the first matches. */
/* Takes the paragraph number off the front of dossier_snippet()'s @made
 * and looks up the page that paragraph starts on (0 for none). */
static char *
split_snippet (DossierLibrary  *self,
               gint64           rowid,
               const char      *made,
               guint           *page,
               GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  const char *end;
  gint64 ord;
  gboolean have_row;

  *page = 0;
  if (!g_str_has_prefix (made, DOSSIER_SNIPPET_PARAGRAPH_START) ||
      (end = strstr (made, DOSSIER_SNIPPET_PARAGRAPH_END)) == NULL)
    return g_strdup (made);
  made += strlen (DOSSIER_SNIPPET_PARAGRAPH_START);
  if (made == end)
    return g_strdup (end + strlen (DOSSIER_SNIPPET_PARAGRAPH_END));
  ord = g_ascii_strtoll (made, NULL, 10);

  stmt = _dossier_library_prepare (self, "SELECT page FROM paragraphs WHERE doc = ? AND ord = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int64 (stmt, 2, ord);
  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return NULL;
  if (have_row && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
    *page = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  return g_strdup (end + strlen (DOSSIER_SNIPPET_PARAGRAPH_END));
}

static char *
dup_snippet (DossierLibrary  *self,
             const char      *match,
             gint64           rowid,
             const char      *snippet,
             guint           *page,
             GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;

  *page = 0;
  if (snippet != NULL)
    return split_snippet (self, rowid, snippet, page, error);

  stmt = _dossier_library_prepare (self,
                                   "SELECT dossier_snippet (search, ?2, ?3) FROM search"
                                   " WHERE search MATCH ?1 AND rowid = ?4", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, match);
  _dossier_library_bind_text (stmt, 2, DOSSIER_SNIPPET_MARK_START);
  _dossier_library_bind_text (stmt, 3, DOSSIER_SNIPPET_MARK_END);
  sqlite3_bind_int64 (stmt, 4, rowid);
  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return NULL;
  if (!have_row)
    return g_strdup ("");
  {
    g_autofree char *made = g_strdup (_dossier_library_column_text (stmt, 0) ?: "");

    return split_snippet (self, rowid, made, page, error);
  }
}

/* The tag (?9) and collection (?10) filters, on documents d. */
#define FILTER_TAG_COLLECTION_SQL \
  " AND (?9 IS NULL OR EXISTS (SELECT 1 FROM tags t WHERE t.doc = d.doc AND t.tag = ?9))" \
  " AND (?10 IS NULL OR EXISTS (SELECT 1 FROM collection_documents cd JOIN collections c" \
  "   ON c.collection = cd.collection WHERE cd.doc = d.doc AND c.trashed IS NULL" \
  "   AND c.name = trim (?10) COLLATE NOCASE))"

static GListModel *
search_query (DossierLibrary             *self,
              const DossierLibraryQuery  *query,
              GError                    **error)
{
  g_autoptr(GListStore) results = g_list_store_new (DOSSIER_TYPE_SEARCH_RESULT);
  g_autofree char *match = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) snippets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *author_key = NULL;
  g_autofree char *publisher_key = NULL;
  g_autofree char *words = NULL;
  g_autofree char *typed_tag = NULL;
  g_autofree char *typed_collection = NULL;
  const char *tag, *collection;
  gboolean with_snippets = FALSE;
  gboolean filtered;
  gboolean have_row, ok = TRUE;
  guint limit;

  limit = query->limit == 0 ? DEFAULT_SEARCH_LIMIT : MIN (query->limit, MAX_SEARCH_LIMIT);
  _dossier_library_split_filters (query->text, &words, &typed_tag, &typed_collection);
  tag = nonempty (query->tag) ?: nonempty (typed_tag);
  collection = nonempty (query->collection) ?: nonempty (typed_collection);
  match = dup_fts_query (words);
  filtered = nonempty (query->author) != NULL || nonempty (query->publisher) != NULL ||
             nonempty (query->published_from) != NULL || nonempty (query->published_to) != NULL ||
             tag != NULL || collection != NULL;

  if (match == NULL)
    {
      if (!filtered)
        return G_LIST_MODEL (g_steal_pointer (&results));

      stmt = _dossier_library_prepare (self,
                                       "SELECT d.doc, 0.0 FROM documents d WHERE ?1 IS NULL AND d.trashed IS NULL"
                                       " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                                       "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                                       " AND (?3 IS NULL OR instr (dossier_words (d.publisher), ?3) > 0)"
                                       " AND (?4 IS NULL OR d.published >= ?4)"
                                       " AND (?5 IS NULL OR d.published <= ?5)"
                                       FILTER_TAG_COLLECTION_SQL
                                       " ORDER BY d.published DESC, d.added DESC LIMIT ?6", error);
    }
  else if (!filtered)
    {
      /* The common case, kept to the FTS table alone: FTS5 then produces
       * rows in rank order itself, so the LIMIT stops it early and
       * dossier_snippet() runs only for the rows returned, and of those
       * only for the first EAGER_SNIPPETS (the others make theirs when
       * asked). */
      stmt = _dossier_library_prepare (self,
                                       "SELECT rowid, rank,"
                                       " CASE WHEN dossier_snippet_budget () THEN dossier_snippet (search, ?7, ?8) END"
                                       " FROM search"
                                       " WHERE search MATCH ?1 AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL"
                                       " ORDER BY rank LIMIT ?6", error);
      with_snippets = TRUE;
    }
  else
    {
      stmt = _dossier_library_prepare (self,
                                       "SELECT search.rowid, search.rank FROM search"
                                       " JOIN documents d ON d.doc = search.rowid"
                                       " WHERE search MATCH ?1"
                                       " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                                       "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                                       " AND (?3 IS NULL OR instr (dossier_words (d.publisher), ?3) > 0)"
                                       " AND (?4 IS NULL OR d.published >= ?4)"
                                       " AND (?5 IS NULL OR d.published <= ?5)"
                                       FILTER_TAG_COLLECTION_SQL
                                       " ORDER BY search.rank LIMIT ?6", error);
    }
  if (stmt == NULL)
    return NULL;

  _dossier_library_bind_text (stmt, 1, match);
  author_key = _dossier_library_dup_words_key (nonempty (query->author));
  publisher_key = _dossier_library_dup_words_key (nonempty (query->publisher));
  _dossier_library_bind_text (stmt, 2, author_key);
  _dossier_library_bind_text (stmt, 3, publisher_key);
  _dossier_library_bind_text (stmt, 4, nonempty (query->published_from));
  _dossier_library_bind_text (stmt, 5, nonempty (query->published_to));
  sqlite3_bind_int (stmt, 6, limit);
  if (with_snippets)
    {
      _dossier_library_bind_text (stmt, 7, DOSSIER_SNIPPET_MARK_START);
      _dossier_library_bind_text (stmt, 8, DOSSIER_SNIPPET_MARK_END);
    }
  else
    {
      _dossier_library_bind_text (stmt, 9, tag);
      _dossier_library_bind_text (stmt, 10, collection);
    }

  self->snippet_budget = EAGER_SNIPPETS;
  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);
      char *snippet = with_snippets ? g_strdup (_dossier_library_column_text (stmt, 2)) : NULL;

      g_array_append_val (rowids, rowid);
      g_array_append_val (ranks, rank);
      g_ptr_array_add (snippets, snippet);
    }
  if (!ok)
    return NULL;
  sqlite3_reset (stmt);

  /* Snippets for the first rows now (with filters, computing them inside
   * the joined, sorted query would make one for every matching document);
   * the rest when a view asks. */
  for (guint i = 0; i < rowids->len; i++)
    {
      gint64 rowid = g_array_index (rowids, gint64, i);
      g_autoptr(DossierDocument) light = NULL;
      const char *made = with_snippets ? g_ptr_array_index (snippets, i) : NULL;
      g_autofree char *snippet = NULL;
      g_autoptr(DossierSearchResult) result = NULL;
      guint page = 0;

      /* The list's own object when the list is read (views share it);
       * else only the rows this result prints. */
      if (!self->list_loaded)
        {
          light = _dossier_library_load_light_rowid (self, rowid, error);
          if (light == NULL)
            return NULL;
        }
      else if ((light = g_hash_table_lookup (self->by_rowid, &rowid)) != NULL)
        g_object_ref (light);
      else
        continue;
      if (match != NULL && (made != NULL || i < EAGER_SNIPPETS))
        {
          snippet = dup_snippet (self, match, rowid, made, &page, error);
          if (snippet == NULL)
            return NULL;
        }
      result = dossier_search_result_new (light, snippet, g_array_index (ranks, double, i));
      dossier_search_result_set_page (result, page);
      if (match != NULL && snippet == NULL)
        dossier_search_result_set_snippet_loader (result, G_OBJECT (self), load_snippet, match, rowid);
      g_list_store_append (results, result);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/**
 * dossier_library_search_query:
 * @query: words and filters
 * @error: return location for an error
 *
 * Full-text search over titles, authors, key points, paragraphs,
 * footnotes and notes (the article's and its highlights'), ranked by bm25
 * (title and author matches weigh most), narrowed by the filters in
 * @query (`tag:` and `collection:` may be typed in its text). With no words, the filters alone
 * select documents, newest publication first, without snippets.
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #DossierSearchResult, best first
 */
GListModel *
dossier_library_search_query (DossierLibrary             *self,
                              const DossierLibraryQuery  *query,
                              GError                    **error)
{
  GListModel *results;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* The ranked rows and the first snippets from one state of the library. */
  if (!_dossier_library_begin_read (self, error))
    return NULL;
  results = search_query (self, query, error);
  _dossier_library_end_read (self);
  return results;
}

/**
 * dossier_library_search:
 * @query: what the user typed: words (all required, the last and every
 *   Hangul word also as a prefix) and "quoted phrases"
 * @limit: at most this many results; 0 for a default of 100
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #DossierSearchResult, best first; empty for an empty query
 */
GListModel *
dossier_library_search (DossierLibrary  *self,
                        const char      *query,
                        guint            limit,
                        GError         **error)
{
  DossierLibraryQuery q = { .text = query, .limit = limit };

  return dossier_library_search_query (self, &q, error);
}

