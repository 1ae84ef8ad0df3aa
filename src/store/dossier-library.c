/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "formats/dossier-document-json.h"
#include "model/dossier-limits.h"
#include "model/dossier-util.h"
#include "dossier-library-private.h"
#include "dossier-search-result-private.h"

/**
 * DossierLibrary:
 *
 * The analyst's documents in one SQLite database (system libsqlite3, FTS5
 * for search, WAL journal). Every document is stored as real rows: metadata,
 * authors, paragraphs, footnotes and the URLs they cite, so "all documents
 * by this author" or "all documents citing this URL" are indexed queries,
 * and writing a stored document back out gives exactly the
 * `dossier-document` JSON it came from.
 *
 * The list of documents (dossier_library_get_documents()) holds lightweight
 * #DossierDocument objects (id, metadata and authors, no paragraphs) so
 * opening a library of 10,000 documents does not read their text.
 *
 * Data safety: a file that is not a Dossier library, a damaged (truncated)
 * one, one written by a newer Dossier, or one in a place that cannot be
 * written is refused with a #GError and left exactly as it was; nothing is
 * ever written to a database that did not pass those checks.
 * dossier_library_open_fresh_beside() moves such a file aside (never
 * deletes it) and starts a new library in its place.
 */

/* This file holds the GObject, statements and transactions, the list of
 * lightweight documents and opening; the other dossier-library-*.c files
 * share the rest through dossier-library-private.h. */

G_DEFINE_FINAL_TYPE (DossierLibrary, dossier_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (dossier-library-error-quark, dossier_library_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- errors ------------------------------------------------------------ */

static void
set_sqlite_error (DossierLibrary  *self,
                  int              rc,
                  GError         **error)
{
  /* SQLite may quote bytes from a damaged file: GError messages are UTF-8. */
  g_autofree char *message = g_utf8_make_valid (sqlite3_errmsg (self->db), -1);

  self->last_error = rc;
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("The library %s is damaged (%s)"), self->shown, message);
      break;
    case SQLITE_FULL:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("The disk is full; nothing was changed in the library"));
      break;
    case SQLITE_READONLY:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
                   _("The library %s is read-only; nothing was changed"), self->shown);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("The library %s is busy in another program"), self->shown);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not read or write the library %s (%s)"), self->shown, message);
      break;
    default:
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Library error: %s"), message);
    }
}

DossierStmt *
_dossier_library_prepare (DossierLibrary  *self,
                          const char      *sql,
                          GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_dossier_library_exec (DossierLibrary  *self,
                       const char      *sql,
                       GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dossier_library_step_row (DossierLibrary  *self,
                           DossierStmt     *stmt,
                           gboolean        *have_row,
                           GError         **error)
{
  int rc = sqlite3_step (stmt);

  *have_row = (rc == SQLITE_ROW);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a prepared statement whose rows, if any, are not wanted. */
gboolean
_dossier_library_step_done (DossierLibrary  *self,
                            DossierStmt     *stmt,
                            GError         **error)
{
  gboolean have_row;

  return _dossier_library_step_row (self, stmt, &have_row, error);
}

void
_dossier_library_bind_text (DossierStmt *stmt,
                            int          index,
                            const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_dossier_library_column_text (DossierStmt *stmt,
                              int          column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* --- transactions ------------------------------------------------------ */

/* Every change runs between _dossier_library_begin() and _dossier_library_commit()/_dossier_library_rollback(). The outermost
 * level is a real IMMEDIATE transaction (so a second writer waits instead
 * of failing half-way); inner levels are savepoints — except inside a
 * batch: FTS5 writes out its pending index at every savepoint, which made
 * a bulk import write one tiny index segment per document. There a change
 * that fails before writing anything (a duplicate) leaves the batch as it
 * was, and one that fails half-way marks the batch failed: end_batch()
 * then stores none of it. */
gboolean
_dossier_library_begin (DossierLibrary  *self,
                        GError         **error)
{
  /* A change inside a read transaction would need it upgraded, which can
   * fail half-way: reads never contain changes. */
  g_return_val_if_fail (self->read_depth == 0 || self->depth > 0, FALSE);

  if (self->read_only)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
                   _("The library %s is read-only; nothing was changed"), self->shown);
      return FALSE;
    }

  if (self->in_batch && self->batch_failed)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("An earlier change in this batch failed; nothing more is stored"));
      return FALSE;
    }

  if (self->depth == 0)
    {
      if (!_dossier_library_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else if (!self->in_batch && !_dossier_library_exec (self, "SAVEPOINT dossier", error))
    return FALSE;

  if (self->depth < G_N_ELEMENTS (self->changes_at))
    self->changes_at[self->depth] = sqlite3_total_changes64 (self->db);
  self->depth++;
  return TRUE;
}

void
_dossier_library_rollback (DossierLibrary *self)
{
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->in_batch = FALSE;
    }
  else if (self->in_batch)
    {
      if (self->depth >= G_N_ELEMENTS (self->changes_at) ||
          sqlite3_total_changes64 (self->db) != self->changes_at[self->depth])
        self->batch_failed = TRUE;
    }
  else
    sqlite3_exec (self->db, "ROLLBACK TO dossier; RELEASE dossier", NULL, NULL, NULL);
}

gboolean
_dossier_library_commit (DossierLibrary  *self,
                         GError         **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!_dossier_library_exec (self, "COMMIT", error))
        {
          _dossier_library_rollback (self);
          return FALSE;
        }
      self->in_batch = FALSE;
    }
  else if (!self->in_batch && !_dossier_library_exec (self, "RELEASE dossier", error))
    {
      _dossier_library_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

/* Reads of several statements (a whole document, the list, a search with
 * its snippets) run in one read transaction, so they see one state of the
 * library. In WAL mode a reader neither waits for a writer nor holds one
 * up; inside a change the change's own transaction is used. */
gboolean
_dossier_library_begin_read (DossierLibrary  *self,
                             GError         **error)
{
  if (self->depth == 0 && self->read_depth == 0 && !_dossier_library_exec (self, "BEGIN", error))
    return FALSE;
  self->read_depth++;
  return TRUE;
}

void
_dossier_library_end_read (DossierLibrary *self)
{
  g_return_if_fail (self->read_depth > 0);

  self->read_depth--;
  if (self->depth == 0 && self->read_depth == 0)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

/* dossier_snippet_budget(): true for the first rows a search returns. */
static void
snippet_budget_func (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  DossierLibrary *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->snippet_budget > 0);
  if (self->snippet_budget > 0)
    self->snippet_budget--;
}

/* dossier_words(text): _dossier_library_dup_words_key() for SQL, so filters compare names
 * the way people read them, beyond ASCII. */
static void
words_func (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *key = text && g_utf8_validate (text, -1, NULL) ? _dossier_library_dup_words_key (text) : NULL;

  if (key == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, key, -1, g_free);
}


/* --- lightweight documents -------------------------------------------- */

/*
 * A library written by another program may hold a value of any size, or
 * not UTF-8. The list never takes in one over its limit (dossier-limits.h):
 * it shows a note saying how long the value is, so the document can be
 * seen and removed, and loading it in full reports the field
 * (_dossier_library_load_rowid()). Text that is not UTF-8 shows U+FFFD
 * where its bytes are wrong.
 */
static char *
dup_column_shown (DossierStmt *stmt,
                  int          column,
                  gsize        limit)
{
  const char *text = _dossier_library_column_text (stmt, column);
  gsize bytes = sqlite3_column_bytes (stmt, column);

  if (text == NULL)
    return NULL;
  if (bytes > limit)
    return dossier_limit_dup_not_shown (bytes);
  return g_utf8_make_valid (text, bytes);
}

void
_dossier_library_fill_metadata (DossierDocument *document,
                                DossierStmt     *stmt,
                                int              first_column)
{
  g_autofree char *title = dup_column_shown (stmt, first_column + 1, DOSSIER_LIMIT_TITLE);
  g_autofree char *subtitle = dup_column_shown (stmt, first_column + 2, DOSSIER_LIMIT_SUBTITLE);
  g_autofree char *publisher = dup_column_shown (stmt, first_column + 3, DOSSIER_LIMIT_PUBLISHER);
  g_autofree char *published = dup_column_shown (stmt, first_column + 4, DOSSIER_LIMIT_PUBLISHER);
  g_autofree char *source_url = dup_column_shown (stmt, first_column + 5, DOSSIER_LIMIT_URL);

  /* Columns: DOSSIER_LIBRARY_META_COLUMNS. "published" holds a date
   * known only to the year or month too. */
  dossier_document_set_id (document, _dossier_library_column_text (stmt, first_column));
  dossier_document_set_title (document, title);
  dossier_document_set_subtitle (document, subtitle);
  dossier_document_set_publisher (document, publisher);
  dossier_document_set_issued (document, published);
  dossier_document_set_source_url (document, source_url);
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    {
      g_autofree char *value = dup_column_shown (stmt, first_column + 6 + f, dossier_document_field_get_limit (f));

      /* Another program's value that is no item type or date is dropped,
       * as a wrong "published" is. */
      dossier_document_set_field (document, f, value);
    }
  dossier_document_set_reference_only (document, sqlite3_column_int (stmt, first_column + 6 + DOSSIER_N_FIELDS) == 0);
}

DossierAuthor *
_dossier_library_author_from_row (DossierStmt *stmt,
                                  int          first_column)
{
  g_autofree char *name = dup_column_shown (stmt, first_column, DOSSIER_LIMIT_AUTHOR_NAME);
  g_autofree char *position = dup_column_shown (stmt, first_column + 1, DOSSIER_LIMIT_AUTHOR_POSITION);
  g_autofree char *affiliation = dup_column_shown (stmt, first_column + 2, DOSSIER_LIMIT_AUTHOR_AFFILIATION);
  g_autofree char *bio = dup_column_shown (stmt, first_column + 3, DOSSIER_LIMIT_AUTHOR_BIO);
  g_autofree char *family = dup_column_shown (stmt, first_column + 4, DOSSIER_LIMIT_AUTHOR_NAME);
  g_autofree char *given = dup_column_shown (stmt, first_column + 5, DOSSIER_LIMIT_AUTHOR_NAME);
  g_autofree char *particle = dup_column_shown (stmt, first_column + 6, DOSSIER_LIMIT_AUTHOR_NAME);
  g_autofree char *suffix = dup_column_shown (stmt, first_column + 7, DOSSIER_LIMIT_AUTHOR_NAME);
  DossierAuthor *author = dossier_author_new (name);

  dossier_author_set_position (author, position);
  dossier_author_set_affiliation (author, affiliation);
  dossier_author_set_bio (author, bio);
  dossier_author_set_family (author, family);
  dossier_author_set_given (author, given);
  dossier_author_set_particle (author, particle);
  dossier_author_set_suffix (author, suffix);
  dossier_author_set_organisation (author, sqlite3_column_int (stmt, first_column + 8) != 0);
  return author;
}

void
_dossier_library_index_document (DossierLibrary  *self,
                                 gint64           rowid,
                                 DossierDocument *document)
{
  gint64 *key = g_new (gint64, 1);
  gint64 *value = g_new (gint64, 1);

  *key = *value = rowid;
  g_hash_table_insert (self->by_rowid, key, document);
  g_hash_table_insert (self->rowid_by_id, g_strdup (dossier_document_get_id (document)), value);
}

/* Reads the list of documents (metadata and authors, never the text)
 * inside one read transaction, reusing the objects already in the list
 * for documents that are still there so views keep their rows. */
gboolean
_dossier_library_load_document_list (DossierLibrary  *self,
                                     GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(DossierStmt) docs = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  gboolean have_row, ok = TRUE;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n_old; i++)
    {
      DossierDocument *document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      g_hash_table_insert (old, g_strdup (dossier_document_get_id (document)), document);
    }

  if (!_dossier_library_begin_read (self, error))
    return FALSE;

  g_hash_table_remove_all (self->by_rowid);
  g_hash_table_remove_all (self->rowid_by_id);

  /* Newest first: row keys grow with every insertion, so key order is
   * the order of adding and the table is read straight through rather
   * than looked up row by row through an index on "added". */
  docs = _dossier_library_prepare (self,
                                   "SELECT doc, " DOSSIER_LIBRARY_META_COLUMNS
                                   " FROM documents WHERE trashed IS NULL ORDER BY doc DESC", error);
  if (docs == NULL)
    goto fail;

  while ((ok = _dossier_library_step_row (self, docs, &have_row, error)) && have_row)
    {
      DossierDocument *document = g_hash_table_lookup (old, _dossier_library_column_text (docs, 1));

      if (document != NULL)
        {
          g_object_ref (document);
          dossier_document_remove_all_authors (document);
        }
      else
        document = dossier_document_new ();

      _dossier_library_fill_metadata (document, docs, 1);
      g_ptr_array_add (items, document);
      _dossier_library_index_document (self, sqlite3_column_int64 (docs, 0), document);
    }
  if (!ok)
    goto fail;

  /* A document's authors are always written together, first to last, so
   * row order is their order; reading the table straight through spares a
   * lookup per row through the (doc, ord) index. */
  authors = _dossier_library_prepare (self,
                                      "SELECT doc, " DOSSIER_LIBRARY_AUTHOR_COLUMNS " FROM document_authors"
                                      " ORDER BY rowid", error);
  if (authors == NULL)
    goto fail;

  while ((ok = _dossier_library_step_row (self, authors, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (authors, 0);
      DossierDocument *document = g_hash_table_lookup (self->by_rowid, &rowid);
      g_autoptr(DossierAuthor) author = NULL;
      guint n_authors;

      if (document == NULL)
        continue;
      /* Past the limit (another program's library), one row says so. */
      n_authors = g_list_model_get_n_items (dossier_document_get_authors (document));
      if (n_authors > DOSSIER_LIMIT_AUTHORS)
        continue;
      if (n_authors == DOSSIER_LIMIT_AUTHORS)
        author = dossier_author_new (_("(more authors not shown)"));
      else
        author = _dossier_library_author_from_row (authors, 1);
      dossier_document_add_author (document, author);
    }
  if (!ok)
    goto fail;

  g_clear_pointer (&docs, stmt_reset);
  g_clear_pointer (&authors, stmt_reset);
  _dossier_library_end_read (self);

  g_list_store_splice (self->documents, 0, n_old, items->pdata, items->len);
  return TRUE;

fail:
  if (docs != NULL)
    g_clear_pointer (&docs, stmt_reset);
  if (authors != NULL)
    g_clear_pointer (&authors, stmt_reset);
  _dossier_library_end_read (self);
  return FALSE;
}

static gint64
query_data_version (DossierLibrary *self)
{
  gint64 version = -1;

  if (!_dossier_library_query_int (self, "PRAGMA data_version", &version, NULL))
    return -1;
  return version;
}

/* The row of the document @id (not in the Trash): from the list when it is
 * read, else through the index on ids. */
gboolean
_dossier_library_find_rowid (DossierLibrary  *self,
                             const char      *id,
                             gint64          *rowid,
                             GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;

  if (self->list_loaded)
    {
      if (_dossier_library_lookup_light (self, id, rowid) != NULL)
        return TRUE;
      _dossier_library_set_not_found (error, id);
      return FALSE;
    }

  stmt = _dossier_library_prepare (self, "SELECT doc FROM documents WHERE id = ? AND trashed IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  _dossier_library_bind_text (stmt, 1, id);
  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return FALSE;
  if (!have_row)
    {
      _dossier_library_set_not_found (error, id);
      return FALSE;
    }
  *rowid = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* One lightweight document (metadata and authors, as in the list) read
 * on its own, for a library whose list is not read: what a search prints
 * costs its own rows, not the whole list's. */
DossierDocument *
_dossier_library_load_light_rowid (DossierLibrary  *self,
                                   gint64           rowid,
                                   GError         **error)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierStmt) meta = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  gboolean have_row, ok = TRUE;
  guint n_authors = 0;

  meta = _dossier_library_prepare (self,
                                   "SELECT " DOSSIER_LIBRARY_META_COLUMNS
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
  _dossier_library_fill_metadata (document, meta, 0);

  authors = _dossier_library_prepare (self,
                                      "SELECT " DOSSIER_LIBRARY_AUTHOR_COLUMNS " FROM document_authors"
                                      " WHERE doc = ? ORDER BY ord", error);
  if (authors == NULL)
    return NULL;
  sqlite3_bind_int64 (authors, 1, rowid);
  /* Past the limit (another program's library), one row says so, as in the list. */
  while (n_authors <= DOSSIER_LIMIT_AUTHORS &&
         (ok = _dossier_library_step_row (self, authors, &have_row, error)) && have_row)
    {
      g_autoptr(DossierAuthor) author = NULL;

      if (n_authors == DOSSIER_LIMIT_AUTHORS)
        author = dossier_author_new (_("(more authors not shown)"));
      else
        author = _dossier_library_author_from_row (authors, 0);
      dossier_document_add_author (document, author);
      n_authors++;
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&document);
}

/* Reads the list (documents and Trash) when a library opened with
 * DOSSIER_LIBRARY_OPEN_LAZY first needs it. */
gboolean
_dossier_library_ensure_list (DossierLibrary  *self,
                              GError         **error)
{
  if (self->list_loaded)
    return TRUE;
  if (!_dossier_library_load_document_list (self, error) || !_dossier_library_load_trash (self, error))
    return FALSE;
  self->data_version = query_data_version (self);
  self->list_loaded = TRUE;
  return TRUE;
}

/* For the getters that cannot report an error: the list stays empty, and
 * the failure (a damaged or vanished file) is logged. */
static void
ensure_list_or_warn (DossierLibrary *self)
{
  g_autoptr(GError) error = NULL;

  if (!_dossier_library_ensure_list (self, &error))
    g_warning ("Could not read the list of documents: %s", error->message);
}

DossierDocument *
_dossier_library_lookup_light (DossierLibrary *self,
                               const char     *id,
                               gint64         *rowid)
{
  gint64 *value;

  ensure_list_or_warn (self);
  value = id ? g_hash_table_lookup (self->rowid_by_id, id) : NULL;

  if (value == NULL)
    return NULL;
  if (rowid != NULL)
    *rowid = *value;
  return g_hash_table_lookup (self->by_rowid, value);
}

gboolean
_dossier_library_find_position (DossierLibrary  *self,
                                DossierDocument *document,
                                guint           *position)
{
  return g_list_store_find (self->documents, document, position);
}

/* --- GObject ----------------------------------------------------------- */

static void
dossier_library_finalize (GObject *object)
{
  DossierLibrary *self = DOSSIER_LIBRARY (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* The last connection to close checkpoints the WAL into the main
       * file and removes it. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_object (&self->documents);
  g_clear_object (&self->trash);
  g_clear_pointer (&self->by_rowid, g_hash_table_unref);
  g_clear_pointer (&self->rowid_by_id, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (dossier_library_parent_class)->finalize (object);
}

static void
dossier_library_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierLibrary *self = DOSSIER_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_library_class_init (DossierLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_library_finalize;
  object_class->get_property = dossier_library_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_library_init (DossierLibrary *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->documents = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  self->trash = g_list_store_new (DOSSIER_TYPE_TRASH_ITEM);
  self->by_rowid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rowid_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* --- opening ----------------------------------------------------------- */

/**
 * dossier_library_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/dossier/library.db`
 */
char *
dossier_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "library.db", NULL);
}

/* The SQLite URI that opens @path read-only. A library in a folder nobody
 * may write to has no -shm file and cannot get one, which SQLite needs to
 * read a WAL database: then it is read as "immutable" (nobody else can be
 * writing it either, since a writer needs that folder too). */
static char *
dup_read_only_uri (DossierLibrary  *self,
                   GError         **error)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  if (uri == NULL)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not open the library %s: the path is not valid"), self->shown);
      return NULL;
    }

  if (g_access (dir, W_OK) == 0 || g_file_test (shm, G_FILE_TEST_EXISTS))
    return g_strconcat (uri, "?mode=ro", NULL);

  /* Changes still in the log cannot be read without its -shm file. */
  if (_dossier_library_file_is_nonempty (wal))
    {
      g_autofree char *dir_shown = g_filename_display_name (dir);

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not read the library %s: it holds changes that were not written out, "
                     "which needs the folder %s to be writable"), self->shown, dir_shown);
      return NULL;
    }
  return g_strconcat (uri, "?mode=ro&immutable=1", NULL);
}

/* Whether we may write the library: the file and its folder (for the
 * write-ahead log) are writable. */
static gboolean
library_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Opens the library's database; read-only (self->read_only) is what the
 * caller asked for or what the file allows (@writable). A library we may
 * write but only read this time is opened for writing with SQLite's
 * query_only switch, which refuses every change: a connection opened
 * read-only would leave an empty -wal and -shm file beside it, since only
 * a writer may remove them. */
static gboolean
open_database (DossierLibrary  *self,
               gboolean         writable,
               GError         **error)
{
  gint64 app_id = 0, version = 0, n_tables = 0;
  g_autofree char *uri = NULL;
  int rc;

  if (!writable)
    {
      uri = dup_read_only_uri (self, error);
      if (uri == NULL)
        return FALSE;
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not open the library %s: %s"), self->shown,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  /* Not deterministic: it must be called once per row. */
  sqlite3_create_function_v2 (self->db, "dossier_snippet_budget", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                              self, snippet_budget_func, NULL, NULL, NULL);
  sqlite3_create_function_v2 (self->db, "dossier_words", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, words_func, NULL, NULL, NULL);
  if (!_dossier_library_register_snippet (self, error))
    return FALSE;

  /* A file system mounted read-only, which access() may not have told. */
  if (writable && sqlite3_db_readonly (self->db, "main") == 1)
    {
      self->last_error = SQLITE_READONLY;
      return FALSE;
    }

  if (!_dossier_library_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_dossier_library_query_int (self, "PRAGMA application_id", &app_id, error) ||
      !_dossier_library_query_int (self, "PRAGMA user_version", &version, error) ||
      !_dossier_library_query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return FALSE;

  if (app_id == 0 && version == 0)
    {
      if (n_tables != 0)
        {
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                       _("%s is a database, but not a Dossier library; it was left untouched"),
                       self->shown);
          return FALSE;
        }
      if (self->read_only)
        {
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("The library %s is empty and read-only"), self->shown);
          return FALSE;
        }
      /* A file with no schema at all (create_library_file() normally
       * leaves none such): create it while still in rollback journal mode,
       * so the application id is in the main file from the start and the
       * header check sees it even after a crash. */
      if (!_dossier_library_exec (self, "PRAGMA page_size = 65536", error) ||
          !_dossier_library_migrate (self, 0, error))
        return FALSE;
      version = DOSSIER_LIBRARY_SCHEMA_VERSION;
    }
  else if (app_id != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("%s is a database, but not a Dossier library; it was left untouched"),
                   self->shown);
      return FALSE;
    }
  else if (version > DOSSIER_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_TOO_NEW,
                   _("The library %s was written by a newer version of Dossier (schema %d, this version reads up to %d)"),
                   self->shown, (int) version, DOSSIER_LIBRARY_SCHEMA_VERSION);
      return FALSE;
    }

  if (self->read_only)
    {
      /* query_only refuses even the temporary schema's changes: after it. */
      if (!_dossier_library_read_older_schema (self, version, error) ||
          (writable && !_dossier_library_exec (self, "PRAGMA query_only = ON", error)))
        return FALSE;
    }
  else
    {
      g_autofree char *journal_mode = NULL;

      /* WAL is persistent: set when the library was made (or by an older
       * Dossier), so this is a query; switching needs the file to
       * itself, once. */
      {
        g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self, "PRAGMA journal_mode", error);
        gboolean have_row;

        if (stmt == NULL || !_dossier_library_step_row (self, stmt, &have_row, error))
          return FALSE;
        journal_mode = g_strdup (have_row ? _dossier_library_column_text (stmt, 0) : NULL);
      }
      if (g_strcmp0 (journal_mode, "wal") != 0)
        {
          g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self, "PRAGMA journal_mode = WAL", error);
          gboolean have_row;

          if (stmt == NULL || !_dossier_library_step_row (self, stmt, &have_row, error))
            return FALSE;
          if (!have_row || g_strcmp0 (_dossier_library_column_text (stmt, 0), "wal") != 0)
            {
              g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                           _("Could not open the library %s for writing"), self->shown);
              return FALSE;
            }
        }

      /* FULL: a _dossier_library_commit is on disk when it returns, even across a power cut. */
      if (!_dossier_library_exec (self, "PRAGMA synchronous = FULL", error))
        return FALSE;

      if (version < DOSSIER_LIBRARY_SCHEMA_VERSION && !_dossier_library_migrate (self, version, error))
        return FALSE;

      if (!_dossier_library_tidy (self, error))
        return FALSE;
    }

  /* 16 MB of page cache: a bulk import touches the same index pages over
   * and over, and the default 2 MB makes it spill. A lazy read-only open
   * is a command that reads what it prints once (dossier-cli library
   * search, list, export) and keeps SQLite's 2 MB: a search for a common word
   * reads its whole doclist (12–15 MB at 10,000 documents) page by page,
   * and with 16 MB every page read went into fresh memory, whose page
   * faults cost more than the reads (CLI search 84 → 39 ms of CPU;
   * bench/RESULTS.md). */
  if (!_dossier_library_exec (self, self->lazy && self->read_only ? "PRAGMA cache_size = -2048"
                                                                : "PRAGMA cache_size = -16384",
                              error))
    return FALSE;

  /* Lazily, the list is read when first needed (_dossier_library_ensure_list()). */
  if (!self->lazy && !_dossier_library_ensure_list (self, error))
    return FALSE;
  return TRUE;
}

static gboolean
rename_into_place (const char  *tmp,
                   const char  *path,
                   const char  *shown,
                   GError     **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not create the library %s: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Makes a new, complete library at @path without anyone ever seeing it
 * half made: the schema is written to a temporary file beside it, which
 * then appears under its name at once. When another program (the CLI and
 * the app on first start) got there first, its library is used and ours
 * dropped. */
static gboolean
create_library_file (const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.new-XXXXXX", path);
  g_autofree char *shown = g_filename_display_name (path);
  g_autoptr(DossierLibrary) builder = NULL;
  GStatBuf st;
  int fd, rc;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not create the library %s: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  builder = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);
  builder->path = g_strdup (tmp);
  builder->shown = g_strdup (shown);
  rc = sqlite3_open_v2 (tmp, &builder->db, SQLITE_OPEN_READWRITE, NULL);
  /* 64 KiB pages: bulk imports interleave the small documents table with
   * the big text tables, and with 4 KiB pages reading the list from a cold
   * disk cache costs a seek per 15 documents (245 ms for 10,000 documents
   * against 115 ms; see bench/RESULTS.md). It also keeps a whole article's
   * FTS content row on one page. */
  /* The schema goes in in rollback journal mode, so it is in the main
   * file; then the library is switched to WAL for good (the setting is
   * kept in the file), so no later open has to. */
  if (rc != SQLITE_OK ||
      !_dossier_library_exec (builder, "PRAGMA page_size = 65536", error) ||
      !_dossier_library_migrate (builder, 0, error) ||
      !_dossier_library_exec (builder, "PRAGMA journal_mode = WAL", error))
    {
      if (rc != SQLITE_OK)
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                     _("Could not create the library %s: %s"), shown, sqlite3_errstr (rc));
      g_clear_object (&builder);
      g_unlink (tmp);
      return FALSE;
    }
  g_clear_object (&builder);

  /* An empty file in its place held nothing: the new library replaces it. */
  if (g_stat (path, &st) == 0 && st.st_size == 0)
    return rename_into_place (tmp, path, shown, error);

  if (link (tmp, path) == 0 || errno == EEXIST)
    {
      /* Ours, or one another program made first. */
      g_unlink (tmp);
      return TRUE;
    }

  /* A file system without hard links. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_unlink (tmp);
      return TRUE;
    }
  return rename_into_place (tmp, path, shown, error);
}

/**
 * dossier_library_open:
 * @path: the database file; created (with its folder) when missing
 * @error: return location for an error
 *
 * dossier_library_open_with_flags() with %DOSSIER_LIBRARY_OPEN_DEFAULT.
 *
 * Returns: (transfer full) (nullable): the library, or %NULL on error
 */
DossierLibrary *
dossier_library_open (const char  *path,
                      GError     **error)
{
  return dossier_library_open_with_flags (path, DOSSIER_LIBRARY_OPEN_DEFAULT, error);
}

/**
 * dossier_library_open_with_flags:
 * @path: the database file
 * @flags: how to open it
 * @error: return location for an error
 *
 * Opens a library. A file that is not a Dossier library, is damaged or
 * was written by a newer Dossier is refused with
 * %DOSSIER_LIBRARY_ERROR_CORRUPT or %DOSSIER_LIBRARY_ERROR_TOO_NEW and
 * left exactly as it was.
 *
 * Opening never waits for another program that is writing the library
 * (only bringing a library from an older Dossier up to date does, once).
 * A library whose file or folder cannot be written, or any library opened
 * with %DOSSIER_LIBRARY_OPEN_READ_ONLY, can be listed, searched and read;
 * every change to it fails with %DOSSIER_LIBRARY_ERROR_READ_ONLY (see
 * dossier_library_is_read_only()).
 *
 * Returns: (transfer full) (nullable): the library, or %NULL on error
 */
DossierLibrary *
dossier_library_open_with_flags (const char               *path,
                                 DossierLibraryOpenFlags   flags,
                                 GError                  **error)
{
  g_autoptr(DossierLibrary) self = NULL;
  gboolean is_new, writable;
  gboolean read_only = (flags & DOSSIER_LIBRARY_OPEN_READ_ONLY) != 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_dossier_library_check_existing_file (path, &is_new, error))
    return NULL;

  if (is_new && read_only)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("There is no library at %s"), shown);
      return NULL;
    }

  if (is_new)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *dir_shown = g_filename_display_name (dir);

          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not create the folder %s for the library: %s"),
                       dir_shown, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (is_new)
    {
      if (!create_library_file (path, error) || !_dossier_library_check_existing_file (path, &is_new, error))
        return NULL;
      if (is_new)
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not create the library %s"), shown);
          return NULL;
        }
    }

  writable = library_is_writable (path);
  if (!writable)
    read_only = TRUE;

  /* Another program opening the same library at the same moment (the app
   * and dossier-cli, both creating it) can hold a lock that SQLite reports
   * as busy at once instead of waiting, as it does while a connection
   * recovers the log of one that crashed: try again for a few seconds. */
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      int code;

      self = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);
      self->path = g_strdup (path);
      self->shown = g_filename_display_name (path);
      self->read_only = read_only;
      self->lazy = (flags & DOSSIER_LIBRARY_OPEN_LAZY) != 0;

      if (open_database (self, writable, &local_error))
        break;

      code = self->last_error & 0xff;
      if (code == SQLITE_READONLY && writable && local_error == NULL)
        {
          /* Writable by its permissions, but not in fact (a read-only
           * file system): read it as such. */
          read_only = TRUE;
          writable = FALSE;
          g_clear_object (&self);
          continue;
        }
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || attempt >= 50)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_object (&self);
      g_usleep (100 * 1000);
    }

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  DossierLibrary *library = dossier_library_open (task_data, &error);

  if (library == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, library, g_object_unref);
}

/**
 * dossier_library_open_async:
 * @path: the database file; created (with its folder) when missing
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * dossier_library_open() in a worker thread, so a large library or a slow
 * disk does not block the window. The library is then used from the
 * thread that called this.
 */
void
dossier_library_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * dossier_library_open_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for an error, as from dossier_library_open()
 *
 * Returns: (transfer full) (nullable): the library
 */
DossierLibrary *
dossier_library_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dossier_library_open_fresh_beside:
 * @path: a library that dossier_library_open() refused
 * @moved_to: (out) (optional) (transfer full): where the old file now is,
 *   or %NULL when there was none
 * @error: return location for an error
 *
 * Renames the file at @path (and its `-wal`/`-shm` companions) to
 * `PATH.damaged-YYYYMMDD-HHMMSS` in the same folder, never deleting
 * anything, and opens a new, empty library at @path. This is what the app
 * offers when a library cannot be opened.
 *
 * Returns: (transfer full) (nullable): the new library
 */
DossierLibrary *
dossier_library_open_fresh_beside (const char  *path,
                                   char       **moved_to,
                                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  shown = g_filename_display_name (path);
  if (moved_to != NULL)
    *moved_to = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      static const char * const companions[] = { "-wal", "-shm", "-journal" };

      target = g_strdup_printf ("%s.damaged-%s", path, stamp);
      for (guint i = 1; g_file_test (target, G_FILE_TEST_EXISTS) && i < 1000; i++)
        {
          g_free (target);
          target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);
        }

      if (g_rename (path, target) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not move %s aside: %s"), shown, g_strerror (saved_errno));
          return NULL;
        }

      /* The companions belong to the old file: they move with it, so the
       * new library does not pick up a stranger's log. */
      for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
        {
          g_autofree char *from = g_strconcat (path, companions[i], NULL);
          g_autofree char *to = g_strconcat (target, companions[i], NULL);

          if (g_file_test (from, G_FILE_TEST_EXISTS))
            g_rename (from, to);
        }
    }

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&target);

  return dossier_library_open (path, error);
}

/**
 * dossier_library_get_path:
 *
 * Returns: the database file
 */
const char *
dossier_library_get_path (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  return self->path;
}

/**
 * dossier_library_is_read_only:
 *
 * Whether the library was opened read-only, because it was asked for
 * (%DOSSIER_LIBRARY_OPEN_READ_ONLY) or because its file or folder cannot
 * be written. Every change then fails with %DOSSIER_LIBRARY_ERROR_READ_ONLY.
 *
 * Returns: %TRUE when no change can be made
 */
gboolean
dossier_library_is_read_only (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), TRUE);
  return self->read_only;
}

/**
 * dossier_library_get_documents:
 *
 * All documents, newest first, as lightweight #DossierDocument objects:
 * id, title, subtitle, publisher, published, source URL and authors are
 * set; paragraphs, footnotes, key points and pull quotes are not (use
 * dossier_library_load()). The model is kept up to date by add, update and
 * remove.
 *
 * Returns: (transfer none): a #GListModel of #DossierDocument
 */
GListModel *
dossier_library_get_documents (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  ensure_list_or_warn (self);
  return G_LIST_MODEL (self->documents);
}

/* Adds the authors read for one document (@pending, last first) in their order. */
static void
add_pending_authors (DossierDocument *document,
                     GPtrArray       *pending)
{
  guint added = 0;

  dossier_document_remove_all_authors (document);
  for (guint i = pending->len; i > 0 && added <= DOSSIER_LIMIT_AUTHORS; i--, added++)
    {
      g_autoptr(DossierAuthor) note = NULL;

      /* Past the limit (another program's library), one row says so, as in the list. */
      if (added == DOSSIER_LIMIT_AUTHORS)
        {
          note = dossier_author_new (_("(more authors not shown)"));
          dossier_document_add_author (document, note);
        }
      else
        dossier_document_add_author (document, g_ptr_array_index (pending, i - 1));
    }
  g_ptr_array_set_size (pending, 0);
}

/**
 * dossier_library_foreach_document:
 * @func: called for each document, newest first
 * @user_data: data for @func
 * @error: return location for an error
 *
 * The documents of dossier_library_get_documents() one at a time, for a
 * command that prints the list once: when the list is not read (a library
 * opened with %DOSSIER_LIBRARY_OPEN_LAZY) it is not built either; the
 * document given to @func is then reused for the next one.
 *
 * Returns: %TRUE when every document was given to @func (or it stopped)
 */
gboolean
dossier_library_foreach_document (DossierLibrary             *self,
                                  DossierLibraryForeachFunc   func,
                                  gpointer                    user_data,
                                  GError                    **error)
{
  g_autoptr(DossierStmt) docs = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean have_row, have_author = FALSE, ok = TRUE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->list_loaded)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierDocument) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

          if (!func (item, user_data))
            break;
        }
      return TRUE;
    }

  if (!_dossier_library_begin_read (self, error))
    return FALSE;

  /* Both in the same order (newest document first), read side by side:
   * a document's authors come last first from the (doc, ord) index. */
  docs = _dossier_library_prepare (self,
                                   "SELECT doc, " DOSSIER_LIBRARY_META_COLUMNS
                                   " FROM documents WHERE trashed IS NULL ORDER BY doc DESC", error);
  authors = docs ? _dossier_library_prepare (self,
                                             "SELECT doc, " DOSSIER_LIBRARY_AUTHOR_COLUMNS " FROM document_authors"
                                             " ORDER BY doc DESC, ord DESC", error)
                 : NULL;
  if (authors == NULL)
    ok = FALSE;
  else
    ok = _dossier_library_step_row (self, authors, &have_author, error);

  document = dossier_document_new ();
  while (ok && (ok = _dossier_library_step_row (self, docs, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (docs, 0);

      /* Authors of documents in the Trash are passed over. */
      while (ok && have_author && sqlite3_column_int64 (authors, 0) >= rowid)
        {
          if (sqlite3_column_int64 (authors, 0) == rowid)
            g_ptr_array_add (pending, _dossier_library_author_from_row (authors, 1));
          ok = _dossier_library_step_row (self, authors, &have_author, error);
        }
      if (!ok)
        break;
      _dossier_library_fill_metadata (document, docs, 1);
      add_pending_authors (document, pending);
      if (!func (document, user_data))
        break;
    }

  if (docs != NULL)
    g_clear_pointer (&docs, stmt_reset);
  if (authors != NULL)
    g_clear_pointer (&authors, stmt_reset);
  _dossier_library_end_read (self);
  return ok;
}

/**
 * dossier_library_get_document:
 * @id: a document id
 *
 * The list's own lightweight object for @id (metadata and authors only).
 *
 * Returns: (transfer none) (nullable): the document, or %NULL
 */
DossierDocument *
dossier_library_get_document (DossierLibrary *self,
                              const char     *id)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return _dossier_library_lookup_light (self, id, NULL);
}

/* _dossier_library_resolve_in() for a list not read (yet): the ids that
 * start with @prefix, through the index on ids. */
static char *
resolve_in_database (DossierLibrary  *self,
                     const char      *prefix,
                     GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GListStore) found = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  gboolean have_row, ok = TRUE;

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  /* Two rows tell an ambiguous prefix; an exact id sorts first. */
  stmt = _dossier_library_prepare (self,
                                   "SELECT id FROM documents WHERE id >= ?1 AND id < ?1 || char (1114111)"
                                   " AND trashed IS NULL ORDER BY id LIMIT 2", error);
  if (stmt == NULL)
    {
      _dossier_library_end_read (self);
      return NULL;
    }
  _dossier_library_bind_text (stmt, 1, prefix);
  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    {
      g_autoptr(DossierDocument) document = dossier_document_new ();

      dossier_document_set_id (document, _dossier_library_column_text (stmt, 0));
      g_list_store_append (found, document);
    }
  g_clear_pointer (&stmt, stmt_reset);
  _dossier_library_end_read (self);
  if (!ok)
    return NULL;

  return _dossier_library_resolve_in (G_LIST_MODEL (found), FALSE, prefix, error);
}

/**
 * dossier_library_resolve_id:
 * @prefix: a whole document id, or its first four characters or more
 * @error: return location for an error
 *
 * Lets people type the start of an id, as with git hashes; every command
 * that takes ids uses this so they all accept the same spellings.
 *
 * Returns: (transfer full) (nullable): the whole id, or %NULL when
 *   @prefix is too short, matches nothing or more than one document
 */
char *
dossier_library_resolve_id (DossierLibrary  *self,
                            const char      *prefix,
                            GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  if (!self->list_loaded)
    return resolve_in_database (self, prefix, error);
  return _dossier_library_resolve_in (G_LIST_MODEL (self->documents), FALSE, prefix, error);
}

/**
 * dossier_library_resolve_trashed_id:
 * @prefix: a whole document id, or its first four characters or more
 * @error: return location for an error
 *
 * dossier_library_resolve_id() for the documents in the Trash.
 *
 * Returns: (transfer full) (nullable): the whole id, or %NULL
 */
char *
dossier_library_resolve_trashed_id (DossierLibrary  *self,
                                    const char      *prefix,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  if (!_dossier_library_ensure_list (self, error))
    return NULL;
  return _dossier_library_resolve_in (G_LIST_MODEL (self->trash), TRUE, prefix, error);
}

/* The id in @documents (of DossierDocument, or of DossierTrashItem when
 * @in_trash) that @prefix is, or is the unambiguous start of. */
char *
_dossier_library_resolve_in (GListModel  *documents,
                             gboolean     in_trash,
                             const char  *prefix,
                             GError     **error)
{
  g_autofree char *found = NULL;
  gsize length = strlen (prefix);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (documents, i);
      DossierDocument *document = in_trash ? dossier_trash_item_get_document (DOSSIER_TRASH_ITEM (item))
                                           : DOSSIER_DOCUMENT (item);
      const char *id = dossier_document_get_id (document);

      if (id == NULL)
        continue;
      if (g_str_equal (id, prefix))
        return g_strdup (id);
      if (length >= 4 && strncmp (id, prefix, length) == 0)
        {
          if (found != NULL)
            {
              g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                           _("%s is the start of more than one document id"), prefix);
              return NULL;
            }
          found = g_strdup (id);
        }
    }

  if (found == NULL && length < 4)
    g_set_error_literal (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                         _("IDs need at least 4 characters"));
  else if (found == NULL && in_trash)
    g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                 _("No document with the id %s in the Trash"), prefix);
  else if (found == NULL)
    g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                 _("No document with the id %s in the library"), prefix);
  return g_steal_pointer (&found);
}

/**
 * dossier_library_refresh:
 * @error: return location for an error
 *
 * Picks up changes another program made to the same library (such as
 * `dossier-cli library add` while the app is open): when the database
 * changed since the last look, the documents list is read again, keeping
 * the objects of documents that are still there. Cheap when nothing
 * changed, so the app can call it when its window gains focus.
 *
 * Returns: %TRUE on success (whether or not anything changed)
 */
gboolean
dossier_library_refresh (DossierLibrary  *self,
                         GError         **error)
{
  gint64 version;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  /* Nothing read yet: it will be read as it is when first needed. */
  if (self->depth > 0 || !self->list_loaded)
    return TRUE;

  version = query_data_version (self);
  if (version == self->data_version)
    return TRUE;

  if (!_dossier_library_load_document_list (self, error) || !_dossier_library_load_trash (self, error))
    return FALSE;
  self->data_version = version;
  return TRUE;
}

