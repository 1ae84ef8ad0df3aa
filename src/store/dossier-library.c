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
#include "model/dossier-util.h"
#include "dossier-library.h"
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

/* "DOSS" in PRAGMA application_id: tells our databases from other SQLite files. */
#define DOSSIER_APPLICATION_ID 0x444f5353

#define DEFAULT_SEARCH_LIMIT 100
#define MAX_SEARCH_LIMIT 10000
/* Bounds on what a user can type into the search entry. */
#define MAX_QUERY_LENGTH 1024
#define MAX_QUERY_TERMS 32

struct _DossierLibrary
{
  GObject parent_instance;

  char *path;
  char *shown;              /* path for messages: always UTF-8 */
  sqlite3 *db;
  GHashTable *statements;   /* static SQL string → sqlite3_stmt */
  guint depth;              /* nesting of begin()/commit() */
  gint64 data_version;      /* PRAGMA data_version when the list was read */
  int snippet_budget;       /* rows left that get their snippet in the search query */
  gboolean in_batch;        /* between begin_batch() and end_batch() */
  gboolean batch_failed;    /* a change in the batch failed half-way */
  gint64 changes_at[8];     /* sqlite3_total_changes64() when each level began */

  GListStore *documents;    /* lightweight DossierDocument, newest first */
  GHashTable *by_rowid;     /* gint64* → DossierDocument (borrowed from the store) */
  GHashTable *rowid_by_id;  /* id string → gint64* */
};

G_DEFINE_FINAL_TYPE (DossierLibrary, dossier_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (dossier-library-error-quark, dossier_library_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef sqlite3_stmt DossierStmt;

static void
stmt_reset (DossierStmt *stmt)
{
  /* Statements are cached: a reset (not a finalize) makes them reusable
   * and releases the read lock they may hold. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStmt, stmt_reset)

/* --- errors ------------------------------------------------------------ */

static void
set_sqlite_error (DossierLibrary  *self,
                  int              rc,
                  GError         **error)
{
  /* SQLite may quote bytes from a damaged file: GError messages are UTF-8. */
  g_autofree char *message = g_utf8_make_valid (sqlite3_errmsg (self->db), -1);

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
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("The library %s is read-only"), self->shown);
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

static DossierStmt *
prepare (DossierLibrary  *self,
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

static gboolean
exec (DossierLibrary  *self,
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

static gboolean
step_row (DossierLibrary  *self,
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
static gboolean
step_done (DossierLibrary  *self,
           DossierStmt     *stmt,
           GError         **error)
{
  gboolean have_row;

  return step_row (self, stmt, &have_row, error);
}

static void
bind_text (DossierStmt *stmt,
           int          index,
           const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (DossierStmt *stmt,
             int          column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* --- transactions ------------------------------------------------------ */

/* Every change runs between begin() and commit()/rollback(). The outermost
 * level is a real IMMEDIATE transaction (so a second writer waits instead
 * of failing half-way); inner levels are savepoints — except inside a
 * batch: FTS5 writes out its pending index at every savepoint, which made
 * a bulk import write one tiny index segment per document. There a change
 * that fails before writing anything (a duplicate) leaves the batch as it
 * was, and one that fails half-way marks the batch failed: end_batch()
 * then stores none of it. */
static gboolean
begin (DossierLibrary  *self,
       GError         **error)
{
  if (self->in_batch && self->batch_failed)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("An earlier change in this batch failed; nothing more is stored"));
      return FALSE;
    }

  if (self->depth == 0)
    {
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else if (!self->in_batch && !exec (self, "SAVEPOINT dossier", error))
    return FALSE;

  if (self->depth < G_N_ELEMENTS (self->changes_at))
    self->changes_at[self->depth] = sqlite3_total_changes64 (self->db);
  self->depth++;
  return TRUE;
}

static void
rollback (DossierLibrary *self)
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

static gboolean
commit (DossierLibrary  *self,
        GError         **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!exec (self, "COMMIT", error))
        {
          rollback (self);
          return FALSE;
        }
      self->in_batch = FALSE;
    }
  else if (!self->in_batch && !exec (self, "RELEASE dossier", error))
    {
      rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
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

static char *dup_words_key (const char *text);

/* dossier_words(text): dup_words_key() for SQL, so filters compare names
 * the way people read them, beyond ASCII. */
static void
words_func (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *key = text && g_utf8_validate (text, -1, NULL) ? dup_words_key (text) : NULL;

  if (key == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, key, -1, g_free);
}

/* --- schema ------------------------------------------------------------ */

/* Version 1, the first released schema. Later versions add a step to
 * migrations[] below; a library is brought up to date one step at a time
 * inside one transaction, so a failed migration leaves it as it was. */
static const char schema_v1[] =
  "CREATE TABLE documents ("
  "  doc INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  title_key TEXT,"
  "  subtitle TEXT,"
  "  publisher TEXT,"
  "  published TEXT,"
  "  source_url TEXT,"
  "  url_key TEXT,"
  "  key_points TEXT,"
  "  pull_quotes TEXT,"
  "  text_hash TEXT,"
  "  added INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE INDEX documents_url_key ON documents (url_key);"
  "CREATE INDEX documents_text_hash ON documents (text_hash);"
  "CREATE INDEX documents_title_key ON documents (title_key);"
  "CREATE INDEX documents_published ON documents (published);"
  "CREATE INDEX documents_added ON documents (added);"
  "CREATE TABLE authors ("
  "  author INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ");"
  "CREATE TABLE document_authors ("
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  ord INTEGER NOT NULL,"
  "  author INTEGER NOT NULL REFERENCES authors,"
  "  name TEXT NOT NULL,"
  "  position TEXT,"
  "  affiliation TEXT,"
  "  bio TEXT,"
  "  PRIMARY KEY (doc, ord)"
  ");"
  "CREATE INDEX document_authors_author ON document_authors (author);"
  "CREATE TABLE paragraphs ("
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  ord INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL,"
  "  refs TEXT,"
  "  PRIMARY KEY (doc, ord)"
  ");"
  "CREATE TABLE footnotes ("
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  ord INTEGER NOT NULL,"
  "  number INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (doc, ord)"
  ");"
  "CREATE TABLE footnote_urls ("
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  footnote INTEGER NOT NULL,"
  "  ord INTEGER NOT NULL,"
  "  url TEXT NOT NULL,"
  "  PRIMARY KEY (doc, footnote, ord)"
  ");"
  "CREATE INDEX footnote_urls_url ON footnote_urls (url);"
  /* Highlights and reading positions hang off the public id, not the row:
   * removing a document leaves them, so adding it back (undo) brings them
   * back too; opening the library clears those left behind. */
  "CREATE TABLE highlights ("
  "  highlight INTEGER PRIMARY KEY,"
  "  document TEXT NOT NULL,"
  "  paragraph INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  note TEXT,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX highlights_document ON highlights (document);"
  "CREATE TABLE reading_positions ("
  "  document TEXT PRIMARY KEY,"
  "  paragraph INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  /* One row per document, rowid = documents.doc; the FTS table keeps its
   * own copy of the text so snippet() works. Porter stemming lets
   * "sanction" find "sanctions". */
  "CREATE VIRTUAL TABLE search USING fts5 ("
  "  title, authors, key_points, body, footnotes,"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  /* Weights: a word in the title counts ten times one in the body. */
  "INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 1.0, 0.5)');";

/* migrations[n] brings a library from version n to n + 1. */
static const char * const migrations[] = {
  schema_v1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_LIBRARY_SCHEMA_VERSION);

static gboolean
query_int (DossierLibrary  *self,
           const char      *sql,
           gint64          *value,
           GError         **error)
{
  g_autoptr(DossierStmt) stmt = prepare (self, sql, error);
  gboolean have_row;

  if (stmt == NULL || !step_row (self, stmt, &have_row, error))
    return FALSE;

  *value = have_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
migrate (DossierLibrary  *self,
         gint64           from_version,
         GError         **error)
{
  g_autofree char *set_version = NULL;
  gint64 current;

  if (!begin (self, error))
    return FALSE;

  /* Another program (the CLI and the app on first start) may have done it
   * while this one waited for the write lock. */
  if (!query_int (self, "PRAGMA user_version", &current, error))
    {
      rollback (self);
      return FALSE;
    }
  if (current > from_version)
    {
      from_version = current;
      if (from_version >= DOSSIER_LIBRARY_SCHEMA_VERSION)
        return commit (self, error);
    }

  for (gint64 v = from_version; v < DOSSIER_LIBRARY_SCHEMA_VERSION; v++)
    {
      if (!exec (self, migrations[v], error))
        {
          rollback (self);
          g_prefix_error (error, _("Could not update the library to version %d: "), (int) v + 1);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                 DOSSIER_APPLICATION_ID, DOSSIER_LIBRARY_SCHEMA_VERSION);
  if (!exec (self, set_version, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/* --- header checks before SQLite touches the file ---------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
file_is_nonempty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* Looks at the 100-byte SQLite header ourselves, so a garbage file, another
 * program's database, a truncated library or one from a newer Dossier is
 * refused before SQLite could write anything (such as a journal-mode
 * change) into it. Sets @is_new when there is nothing to lose: no file, or
 * an empty one. */
static gboolean
check_existing_file (const char  *path,
                     gboolean    *is_new,
                     GError     **error)
{
  GStatBuf st;
  guint8 header[100];
  ssize_t n_read;
  int fd;
  guint32 page_size, n_pages, app_id, user_version;
  g_autofree char *wal = NULL;
  g_autofree char *shown = g_filename_display_name (path);

  *is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not open the library %s: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not open the library %s: it is not a regular file"), shown);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not read the library %s: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);
  close (fd);

  if (n_read > 0 && n_read < (ssize_t) sizeof header &&
      memcmp (header, "SQLite format 3", MIN ((gsize) n_read, 16)) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("The library %s is damaged: the file is shorter than it should be (truncated); it was left untouched"),
                   shown);
      return FALSE;
    }

  if (n_read != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("%s is not a Dossier library (it is not a database at all); it was left untouched"),
                   shown);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  user_version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("The library %s is damaged (invalid header); it was left untouched"), shown);
      return FALSE;
    }

  if (app_id != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("%s is a database, but not a Dossier library; it was left untouched"), shown);
      return FALSE;
    }

  /* The page count in the header is trustworthy when its "valid for"
   * counter matches; a file shorter than that lost its end. With a
   * write-ahead log beside it the log may still hold the pages, so leave
   * that case to SQLite's own recovery. */
  wal = g_strconcat (path, "-wal", NULL);
  if (read_be32 (header + 24) == read_be32 (header + 92) && n_pages > 0 &&
      (guint64) st.st_size < (guint64) n_pages * page_size && !file_is_nonempty (wal))
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                   _("The library %s is damaged: the file is shorter than it should be (truncated); it was left untouched"),
                   shown);
      return FALSE;
    }

  if (user_version > DOSSIER_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_TOO_NEW,
                   _("The library %s was written by a newer version of Dossier (schema %u, this version reads up to %d)"),
                   shown, user_version, DOSSIER_LIBRARY_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* --- lightweight documents -------------------------------------------- */

static void
fill_metadata (DossierDocument *document,
               DossierStmt     *stmt,
               int              first_column)
{
  /* Columns: id, title, subtitle, publisher, published, source_url. */
  dossier_document_set_id (document, column_text (stmt, first_column));
  dossier_document_set_title (document, column_text (stmt, first_column + 1));
  dossier_document_set_subtitle (document, column_text (stmt, first_column + 2));
  dossier_document_set_publisher (document, column_text (stmt, first_column + 3));
  dossier_document_set_published (document, column_text (stmt, first_column + 4));
  dossier_document_set_source_url (document, column_text (stmt, first_column + 5));
}

static DossierAuthor *
author_from_row (DossierStmt *stmt,
                 int          first_column)
{
  DossierAuthor *author = dossier_author_new (column_text (stmt, first_column));

  dossier_author_set_position (author, column_text (stmt, first_column + 1));
  dossier_author_set_affiliation (author, column_text (stmt, first_column + 2));
  dossier_author_set_bio (author, column_text (stmt, first_column + 3));
  return author;
}

static void
index_document (DossierLibrary  *self,
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
static gboolean
load_document_list (DossierLibrary  *self,
                    GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(DossierStmt) docs = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  gboolean have_row, ok = TRUE;
  gboolean own_transaction = (self->depth == 0);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n_old; i++)
    {
      DossierDocument *document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      g_hash_table_insert (old, g_strdup (dossier_document_get_id (document)), document);
    }

  if (own_transaction && !exec (self, "BEGIN", error))
    return FALSE;

  g_hash_table_remove_all (self->by_rowid);
  g_hash_table_remove_all (self->rowid_by_id);

  /* Newest first: row keys grow with every insertion, so key order is
   * the order of adding and the table is read straight through rather
   * than looked up row by row through an index on "added". */
  docs = prepare (self,
                  "SELECT doc, id, title, subtitle, publisher, published, source_url"
                  " FROM documents ORDER BY doc DESC", error);
  if (docs == NULL)
    goto fail;

  while ((ok = step_row (self, docs, &have_row, error)) && have_row)
    {
      DossierDocument *document = g_hash_table_lookup (old, column_text (docs, 1));

      if (document != NULL)
        {
          g_object_ref (document);
          dossier_document_remove_all_authors (document);
        }
      else
        document = dossier_document_new ();

      fill_metadata (document, docs, 1);
      g_ptr_array_add (items, document);
      index_document (self, sqlite3_column_int64 (docs, 0), document);
    }
  if (!ok)
    goto fail;

  /* A document's authors are always written together, first to last, so
   * row order is their order; reading the table straight through spares a
   * lookup per row through the (doc, ord) index. */
  authors = prepare (self,
                     "SELECT doc, name, position, affiliation, bio FROM document_authors"
                     " ORDER BY rowid", error);
  if (authors == NULL)
    goto fail;

  while ((ok = step_row (self, authors, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (authors, 0);
      DossierDocument *document = g_hash_table_lookup (self->by_rowid, &rowid);
      g_autoptr(DossierAuthor) author = NULL;

      if (document == NULL)
        continue;
      author = author_from_row (authors, 1);
      dossier_document_add_author (document, author);
    }
  if (!ok)
    goto fail;

  g_clear_pointer (&docs, stmt_reset);
  g_clear_pointer (&authors, stmt_reset);
  if (own_transaction && !exec (self, "COMMIT", error))
    goto fail;

  g_list_store_splice (self->documents, 0, n_old, items->pdata, items->len);
  return TRUE;

fail:
  if (docs != NULL)
    g_clear_pointer (&docs, stmt_reset);
  if (authors != NULL)
    g_clear_pointer (&authors, stmt_reset);
  if (own_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gint64
query_data_version (DossierLibrary *self)
{
  gint64 version = -1;

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return -1;
  return version;
}

static DossierDocument *
lookup_light (DossierLibrary *self,
              const char     *id,
              gint64         *rowid)
{
  gint64 *value = id ? g_hash_table_lookup (self->rowid_by_id, id) : NULL;

  if (value == NULL)
    return NULL;
  if (rowid != NULL)
    *rowid = *value;
  return g_hash_table_lookup (self->by_rowid, value);
}

static gboolean
find_position (DossierLibrary  *self,
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

static gboolean
open_database (DossierLibrary  *self,
               gboolean         is_new,
               GError         **error)
{
  gint64 app_id = 0, version = 0, n_tables = 0;
  g_autofree char *journal_mode = NULL;
  int flags = SQLITE_OPEN_READWRITE | (is_new ? SQLITE_OPEN_CREATE : 0);
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_autofree char *dir_shown = g_filename_display_name (dir);

      if (g_access (dir, W_OK) != 0)
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                     _("Could not open the library %s: the folder %s is not writable"),
                     self->shown, dir_shown);
      else
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

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("The library %s is read-only"), self->shown);
      return FALSE;
    }

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    goto fail;

  if (app_id == 0 && version == 0)
    {
      if (n_tables != 0)
        {
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                       _("%s is a database, but not a Dossier library; it was left untouched"),
                       self->shown);
          return FALSE;
        }
      /* A file with no schema at all (create_library_file() normally
       * leaves none such): create it while still in rollback journal mode,
       * so the application id is in the main file from the start and the
       * header check sees it even after a crash. */
      if (!exec (self, "PRAGMA page_size = 65536", error) ||
          !migrate (self, 0, error))
        goto fail;
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

  {
    g_autoptr(DossierStmt) stmt = prepare (self, "PRAGMA journal_mode = WAL", error);
    gboolean have_row;

    if (stmt == NULL || !step_row (self, stmt, &have_row, error))
      goto fail;
    journal_mode = g_strdup (have_row ? column_text (stmt, 0) : NULL);
  }
  if (g_strcmp0 (journal_mode, "wal") != 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("Could not open the library %s for writing (is its folder read-only?)"),
                   self->shown);
      return FALSE;
    }

  /* FULL: a commit is on disk when it returns, even across a power cut. */
  if (!exec (self, "PRAGMA synchronous = FULL", error))
    goto fail;
  /* 16 MB of page cache: a bulk import touches the same index pages over
   * and over, and the default 2 MB makes it spill. */
  if (!exec (self, "PRAGMA cache_size = -16384", error))
    goto fail;

  if (version != 0 && version < DOSSIER_LIBRARY_SCHEMA_VERSION && !migrate (self, version, error))
    goto fail;

  /* Take the write lock once, so a library we could read but never save to
   * is reported now rather than at the first edit; and clear what removed
   * documents left behind for an undo in the last session. */
  if (!exec (self, "BEGIN IMMEDIATE;"
             " DELETE FROM highlights WHERE document NOT IN (SELECT id FROM documents);"
             " DELETE FROM reading_positions WHERE document NOT IN (SELECT id FROM documents);"
             " COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      goto fail;
    }

  if (!load_document_list (self, error))
    goto fail;
  self->data_version = query_data_version (self);
  return TRUE;

fail:
  if (error != NULL && *error != NULL && (*error)->code == DOSSIER_LIBRARY_ERROR_FAILED)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_autofree char *dir_shown = g_filename_display_name (dir);

      if (g_access (dir, W_OK) != 0)
        {
          g_clear_error (error);
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not open the library %s: the folder %s is not writable"),
                       self->shown, dir_shown);
        }
    }
  return FALSE;
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
  if (rc != SQLITE_OK ||
      !exec (builder, "PRAGMA page_size = 65536", error) ||
      !migrate (builder, 0, error))
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
 * Opens a library. A file that is not a Dossier library, is damaged, was
 * written by a newer Dossier or cannot be written is refused with
 * %DOSSIER_LIBRARY_ERROR_CORRUPT, %DOSSIER_LIBRARY_ERROR_TOO_NEW or
 * %DOSSIER_LIBRARY_ERROR_FAILED and left exactly as it was.
 *
 * Returns: (transfer full) (nullable): the library, or %NULL on error
 */
DossierLibrary *
dossier_library_open (const char  *path,
                      GError     **error)
{
  g_autoptr(DossierLibrary) self = NULL;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_existing_file (path, &is_new, error))
    return NULL;

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
      if (!create_library_file (path, error) || !check_existing_file (path, &is_new, error))
        return NULL;
      if (is_new)
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not create the library %s"), shown);
          return NULL;
        }
    }

  self = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  self->shown = g_filename_display_name (path);

  if (!open_database (self, FALSE, error))
    return NULL;

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
  return G_LIST_MODEL (self->documents);
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

  return lookup_light (self, id, NULL);
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
  GListModel *documents;
  g_autofree char *found = NULL;
  gsize length;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  documents = dossier_library_get_documents (self);
  n = g_list_model_get_n_items (documents);
  length = strlen (prefix);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
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

  if (self->depth > 0)
    return TRUE;

  version = query_data_version (self);
  if (version == self->data_version)
    return TRUE;

  if (!load_document_list (self, error))
    return FALSE;
  self->data_version = version;
  return TRUE;
}

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

static char *
dup_words_key (const char *text)
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

/* "Same text" means the same words (dup_words_key()), so the same article
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
      g_autofree char *words = dup_words_key (dossier_paragraph_get_text (paragraph));

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
static char *
dup_url_key (const char *url)
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
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) strv = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
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

  stmt = prepare (self,
                  "SELECT title, url_key = ?2, id = ?1 FROM documents"
                  " WHERE (id = ?1 OR url_key = ?2 OR text_hash = ?3) AND doc != ?4 LIMIT 1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, id);
  bind_text (stmt, 2, url_key);
  bind_text (stmt, 3, text_hash);
  sqlite3_bind_int64 (stmt, 4, except_rowid);

  if (!step_row (self, stmt, &have_row, error))
    return FALSE;

  if (have_row)
    {
      if (sqlite3_column_int (stmt, 2))
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” is already in the library"), column_text (stmt, 0));
      else if (sqlite3_column_int (stmt, 1))
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” from the same address is already in the library"),
                     column_text (stmt, 0));
      else
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                     _("“%s” with the same text is already in the library"),
                     column_text (stmt, 0));
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
      g_autoptr(DossierStmt) del = prepare (self, "DELETE FROM document_authors WHERE doc = ?", error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, rowid);
      if (!step_done (self, del, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      const char *name = dossier_author_get_name (author) ?: "";
      g_autoptr(DossierStmt) upsert = NULL;
      g_autoptr(DossierStmt) link = NULL;
      gboolean have_row;

      upsert = prepare (self,
                        "INSERT INTO authors (name) VALUES (?) ON CONFLICT (name)"
                        " DO UPDATE SET name = name RETURNING author", error);
      if (upsert == NULL)
        return FALSE;
      bind_text (upsert, 1, name);
      if (!step_row (self, upsert, &have_row, error))
        return FALSE;
      if (!have_row)
        {
          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                       _("Could not store the author %s"), name);
          return FALSE;
        }

      link = prepare (self,
                      "INSERT INTO document_authors (doc, ord, author, name, position, affiliation, bio)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, rowid);
      sqlite3_bind_int (link, 2, i);
      sqlite3_bind_int64 (link, 3, sqlite3_column_int64 (upsert, 0));
      bind_text (link, 4, name);
      bind_text (link, 5, dossier_author_get_position (author));
      bind_text (link, 6, dossier_author_get_affiliation (author));
      bind_text (link, 7, dossier_author_get_bio (author));
      /* RETURNING rows must be stepped to the end before the next write. */
      sqlite3_reset (upsert);
      if (!step_done (self, link, error))
        return FALSE;
    }

  /* Replacing a document's authors may leave people without documents;
   * adding a new document cannot, and scanning every author on each of
   * ten thousand adds would make a bulk import quadratic. */
  if (!replace)
    return TRUE;
  return exec (self,
               "DELETE FROM authors WHERE NOT EXISTS"
               " (SELECT 1 FROM document_authors da WHERE da.author = authors.author)",
               error);
}

static gboolean
store_search_row (DossierLibrary   *self,
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
      g_autoptr(DossierStmt) del = prepare (self, "DELETE FROM search WHERE rowid = ?", error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, rowid);
      if (!step_done (self, del, error))
        return FALSE;
    }

  stmt = prepare (self,
                  "INSERT INTO search (rowid, title, authors, key_points, body, footnotes)"
                  " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  bind_text (stmt, 2, dossier_document_get_title (document));
  bind_text (stmt, 3, authors);
  bind_text (stmt, 4, key_points);
  bind_text (stmt, 5, body);
  bind_text (stmt, 6, notes);
  return step_done (self, stmt, error);
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
      g_autoptr(DossierStmt) stmt = NULL;

      stmt = prepare (self, "INSERT INTO paragraphs (doc, ord, kind, text, refs) VALUES (?, ?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, dossier_paragraph_get_kind (paragraph));
      bind_text (stmt, 4, dossier_paragraph_get_text (paragraph) ?: "");
      bind_text (stmt, 5, refs);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (footnotes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      const char * const *urls = dossier_footnote_get_urls (note);
      g_autoptr(DossierStmt) stmt = NULL;

      stmt = prepare (self, "INSERT INTO footnotes (doc, ord, number, text) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, dossier_footnote_get_number (note));
      bind_text (stmt, 4, dossier_footnote_get_text (note) ?: "");
      if (!step_done (self, stmt, error))
        return FALSE;

      for (guint j = 0; urls != NULL && urls[j] != NULL; j++)
        {
          g_autoptr(DossierStmt) url = NULL;

          url = prepare (self, "INSERT INTO footnote_urls (doc, footnote, ord, url) VALUES (?, ?, ?, ?)",
                         error);
          if (url == NULL)
            return FALSE;
          sqlite3_bind_int64 (url, 1, rowid);
          sqlite3_bind_int (url, 2, i);
          sqlite3_bind_int (url, 3, j);
          bind_text (url, 4, urls[j]);
          if (!step_done (self, url, error))
            return FALSE;
        }
    }

  return TRUE;
}

static DossierDocument *
make_light_copy (DossierDocument *document,
                 const char      *id)
{
  DossierDocument *light = dossier_document_new ();
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  dossier_document_set_id (light, id);
  dossier_document_set_title (light, dossier_document_get_title (document));
  dossier_document_set_subtitle (light, dossier_document_get_subtitle (document));
  dossier_document_set_publisher (light, dossier_document_get_publisher (document));
  dossier_document_set_published (light, dossier_document_get_published (document));
  dossier_document_set_source_url (light, dossier_document_get_source_url (document));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) a = g_list_model_get_item (authors, i);
      g_autoptr(DossierAuthor) copy = dossier_author_new (dossier_author_get_name (a));

      dossier_author_set_position (copy, dossier_author_get_position (a));
      dossier_author_set_affiliation (copy, dossier_author_get_affiliation (a));
      dossier_author_set_bio (copy, dossier_author_get_bio (a));
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
 * names the stored title). A document whose id is already set (as when
 * undoing a removal) is stored under that id; otherwise a new id is made
 * and set on @document.
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

  id = g_strdup (dossier_document_get_id (document));
  if (id == NULL)
    id = g_uuid_string_random ();
  url_key = dup_url_key (dossier_document_get_source_url (document));
  text_hash = dup_text_hash (document);
  title_key = dup_words_key (dossier_document_get_title (document));
  key_points = strv_to_json (dossier_document_get_key_points (document));
  pull_quotes = strv_to_json (dossier_document_get_pull_quotes (document));
  now = g_get_real_time () / G_USEC_PER_SEC;

  if (!begin (self, error))
    return NULL;

  if (!check_duplicate (self, id, url_key, text_hash, -1, error))
    goto fail;

  stmt = prepare (self,
                  "INSERT INTO documents (id, title, subtitle, publisher, published, source_url,"
                  " url_key, key_points, pull_quotes, text_hash, added, modified, title_key)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, dossier_document_get_title (document) ?: "");
  bind_text (stmt, 3, dossier_document_get_subtitle (document));
  bind_text (stmt, 4, dossier_document_get_publisher (document));
  bind_text (stmt, 5, dossier_document_get_published (document));
  bind_text (stmt, 6, dossier_document_get_source_url (document));
  bind_text (stmt, 7, url_key);
  bind_text (stmt, 8, key_points);
  bind_text (stmt, 9, pull_quotes);
  bind_text (stmt, 10, text_hash);
  sqlite3_bind_int64 (stmt, 11, now);
  sqlite3_bind_int64 (stmt, 12, now);
  bind_text (stmt, 13, title_key);
  if (!step_done (self, stmt, error))
    goto fail;
  rowid = sqlite3_last_insert_rowid (self->db);

  if (!store_authors (self, rowid, document, FALSE, error) ||
      !store_body (self, rowid, document, error) ||
      !store_search_row (self, rowid, document, FALSE, error))
    goto fail;

  /* commit() rolls back by itself when it fails. */
  if (!commit (self, error))
    return NULL;

  dossier_document_set_id (document, id);
  light = make_light_copy (document, id);
  index_document (self, rowid, light);
  g_list_store_insert (self->documents, 0, light);
  g_object_unref (light);

  return g_steal_pointer (&id);

fail:
  rollback (self);
  return NULL;
}

/* --- loading ----------------------------------------------------------- */

static void
set_not_found (GError     **error,
               const char  *id)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
               _("No document with the id %s in the library"), id);
}

static DossierDocument *
load_rowid (DossierLibrary  *self,
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

  meta = prepare (self,
                  "SELECT id, title, subtitle, publisher, published, source_url, key_points, pull_quotes"
                  " FROM documents WHERE doc = ?", error);
  if (meta == NULL)
    return NULL;
  sqlite3_bind_int64 (meta, 1, rowid);
  if (!step_row (self, meta, &have_row, error))
    return NULL;
  if (!have_row)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The document is no longer in the library"));
      return NULL;
    }
  fill_metadata (document, meta, 0);
  {
    g_auto(GStrv) key_points = strv_from_json (column_text (meta, 6));
    g_auto(GStrv) pull_quotes = strv_from_json (column_text (meta, 7));

    dossier_document_set_key_points (document, (const char * const *) key_points);
    dossier_document_set_pull_quotes (document, (const char * const *) pull_quotes);
  }

  authors = prepare (self,
                     "SELECT name, position, affiliation, bio FROM document_authors"
                     " WHERE doc = ? ORDER BY ord", error);
  if (authors == NULL)
    return NULL;
  sqlite3_bind_int64 (authors, 1, rowid);
  while ((ok = step_row (self, authors, &have_row, error)) && have_row)
    {
      g_autoptr(DossierAuthor) author = author_from_row (authors, 0);
      dossier_document_add_author (document, author);
    }
  if (!ok)
    return NULL;

  paragraphs = prepare (self, "SELECT kind, text, refs FROM paragraphs WHERE doc = ? ORDER BY ord", error);
  if (paragraphs == NULL)
    return NULL;
  sqlite3_bind_int64 (paragraphs, 1, rowid);
  while ((ok = step_row (self, paragraphs, &have_row, error)) && have_row)
    {
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (column_text (paragraphs, 1));

      if (sqlite3_column_int (paragraphs, 0) == DOSSIER_PARAGRAPH_HEADING)
        dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_HEADING);
      parse_refs (paragraph, column_text (paragraphs, 2));
      dossier_document_add_paragraph (document, paragraph);
    }
  if (!ok)
    return NULL;

  footnotes = prepare (self, "SELECT number, text FROM footnotes WHERE doc = ? ORDER BY ord", error);
  if (footnotes == NULL)
    return NULL;
  sqlite3_bind_int64 (footnotes, 1, rowid);
  while ((ok = step_row (self, footnotes, &have_row, error)) && have_row)
    {
      gint64 number = sqlite3_column_int64 (footnotes, 0);

      g_ptr_array_add (notes, dossier_footnote_new (CLAMP (number, 0, G_MAXUINT),
                                                    column_text (footnotes, 1)));
      g_ptr_array_add (note_urls, g_ptr_array_new_with_free_func (g_free));
    }
  if (!ok)
    return NULL;

  urls = prepare (self, "SELECT footnote, url FROM footnote_urls WHERE doc = ? ORDER BY footnote, ord",
                  error);
  if (urls == NULL)
    return NULL;
  sqlite3_bind_int64 (urls, 1, rowid);
  while ((ok = step_row (self, urls, &have_row, error)) && have_row)
    {
      gint64 footnote = sqlite3_column_int64 (urls, 0);

      if (footnote >= 0 && footnote < notes->len)
        g_ptr_array_add (g_ptr_array_index (note_urls, footnote), g_strdup (column_text (urls, 1)));
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
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (lookup_light (self, id, &rowid) == NULL)
    {
      set_not_found (error, id);
      return NULL;
    }

  return load_rowid (self, rowid, error);
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

/* --- updating and removing -------------------------------------------- */

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

  id = dossier_document_get_id (document);
  light = lookup_light (self, id, &rowid);
  if (light == NULL)
    {
      set_not_found (error, id ? id : "(none)");
      return FALSE;
    }

  url_key = dup_url_key (dossier_document_get_source_url (document));
  title_key = dup_words_key (dossier_document_get_title (document));

  if (!begin (self, error))
    return FALSE;

  if (!check_duplicate (self, NULL, url_key, NULL, rowid, error))
    goto fail;

  stmt = prepare (self,
                  "UPDATE documents SET title = ?, subtitle = ?, publisher = ?, published = ?,"
                  " source_url = ?, url_key = ?, modified = ?, title_key = ?9 WHERE doc = ?8", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, dossier_document_get_title (document) ?: "");
  bind_text (stmt, 2, dossier_document_get_subtitle (document));
  bind_text (stmt, 3, dossier_document_get_publisher (document));
  bind_text (stmt, 4, dossier_document_get_published (document));
  bind_text (stmt, 5, dossier_document_get_source_url (document));
  bind_text (stmt, 6, url_key);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 8, rowid);
  bind_text (stmt, 9, title_key);
  if (!step_done (self, stmt, error))
    goto fail;

  if (!store_authors (self, rowid, document, TRUE, error))
    goto fail;

  /* The search row holds title and authors too; rebuild it from the
   * stored body so the index matches what is saved. */
  full = load_rowid (self, rowid, error);
  if (full == NULL || !store_search_row (self, rowid, full, TRUE, error))
    goto fail;

  if (!commit (self, error))
    return FALSE;

  if (light != document)
    {
      GListModel *authors = dossier_document_get_authors (document);
      guint n = g_list_model_get_n_items (authors);

      dossier_document_set_title (light, dossier_document_get_title (document));
      dossier_document_set_subtitle (light, dossier_document_get_subtitle (document));
      dossier_document_set_publisher (light, dossier_document_get_publisher (document));
      dossier_document_set_published (light, dossier_document_get_published (document));
      dossier_document_set_source_url (light, dossier_document_get_source_url (document));
      dossier_document_remove_all_authors (light);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierAuthor) a = g_list_model_get_item (authors, i);
          g_autoptr(DossierAuthor) copy = dossier_author_new (dossier_author_get_name (a));

          dossier_author_set_position (copy, dossier_author_get_position (a));
          dossier_author_set_affiliation (copy, dossier_author_get_affiliation (a));
          dossier_author_set_bio (copy, dossier_author_get_bio (a));
          dossier_document_add_author (light, copy);
        }
    }

  /* Same object, but sorted views and row widgets watch items-changed. */
  if (find_position (self, light, &position))
    {
      /* Removing the row drops the store's reference, which may be the
       * only one: hold it across the splice. */
      g_autoptr(DossierDocument) keep = g_object_ref (light);

      g_list_store_splice (self->documents, position, 1, (gpointer *) &keep, 1);
    }

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * dossier_library_remove:
 * @id: a document id
 * @error: return location for an error
 *
 * Deletes the document. To undo, dossier_library_add() the full document
 * again: it keeps its id, and its highlights and reading position come
 * back with it (they are kept until the library is next opened).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_remove (DossierLibrary  *self,
                        const char      *id,
                        GError         **error)
{
  DossierDocument *light;
  g_autoptr(DossierStmt) del_doc = NULL;
  g_autoptr(DossierStmt) del_search = NULL;
  gint64 rowid;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  light = lookup_light (self, id, &rowid);
  if (light == NULL)
    {
      set_not_found (error, id);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  del_doc = prepare (self, "DELETE FROM documents WHERE doc = ?", error);
  if (del_doc == NULL)
    goto fail;
  sqlite3_bind_int64 (del_doc, 1, rowid);
  if (!step_done (self, del_doc, error))
    goto fail;

  del_search = prepare (self, "DELETE FROM search WHERE rowid = ?", error);
  if (del_search == NULL)
    goto fail;
  sqlite3_bind_int64 (del_search, 1, rowid);
  if (!step_done (self, del_search, error))
    goto fail;

  if (!exec (self,
             "DELETE FROM authors WHERE NOT EXISTS"
             " (SELECT 1 FROM document_authors da WHERE da.author = authors.author)",
             error))
    goto fail;

  if (!commit (self, error))
    return FALSE;

  if (find_position (self, light, &position))
    {
      g_hash_table_remove (self->by_rowid, &rowid);
      g_hash_table_remove (self->rowid_by_id, id);
      g_list_store_remove (self->documents, position);
    }

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

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

  if (!begin (self, error))
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
      rollback (self);
      self->batch_failed = FALSE;
      load_document_list (self, NULL);
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("A change failed half-way, so nothing of this batch was stored"));
      return FALSE;
    }

  if (!commit (self, error))
    {
      load_document_list (self, NULL);
      return FALSE;
    }
  return TRUE;
}

/* --- lookups ----------------------------------------------------------- */

static DossierDocument *
load_first_match (DossierLibrary  *self,
                  DossierStmt     *stmt,
                  GError         **error)
{
  gboolean have_row;
  gint64 rowid;

  if (!step_row (self, stmt, &have_row, error) || !have_row)
    return NULL;

  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return load_rowid (self, rowid, error);
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
  g_autofree char *key = dup_url_key (url);
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (key == NULL)
    return NULL;

  stmt = prepare (self, "SELECT doc FROM documents WHERE url_key = ? ORDER BY added DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
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

  title_key = dup_words_key (title);
  author_key = dup_words_key (author_name);
  if (title_key == NULL)
    return NULL;

  stmt = prepare (self,
                  "SELECT doc FROM documents d WHERE title_key = ?1"
                  " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                  "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                  " ORDER BY added DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, title_key);
  bind_text (stmt, 2, author_key);
  return load_first_match (self, stmt, error);
}

static GListModel *
collect_light (DossierLibrary  *self,
               DossierStmt     *stmt,
               GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  gboolean have_row, ok = TRUE;

  while ((ok = step_row (self, stmt, &have_row, error)) && have_row)
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

  stmt = prepare (self,
                  "SELECT d.doc FROM authors a JOIN document_authors da ON da.author = a.author"
                  " JOIN documents d ON d.doc = da.doc WHERE a.name = ?"
                  " ORDER BY d.added DESC, d.doc DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, author_name);
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

  stmt = prepare (self,
                  "SELECT d.doc FROM documents d WHERE d.doc IN"
                  " (SELECT doc FROM footnote_urls WHERE url = ?)"
                  " ORDER BY d.added DESC, d.doc DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, url);
  return collect_light (self, stmt, error);
}

/* --- search ------------------------------------------------------------ */

/* Results that get their snippet inside the search query; a view shows
 * about this many before scrolling. */
#define EAGER_SNIPPETS 30

static char *dup_snippet (DossierLibrary *self, const char *match, gint64 rowid,
                          const char *body, GError **error);

static char *
load_snippet (GObject    *owner,
              const char *match,
              gint64      rowid)
{
  g_autoptr(GError) error = NULL;
  char *snippet = dup_snippet (DOSSIER_LIBRARY (owner), match, rowid, NULL, &error);

  if (snippet == NULL)
    g_debug ("No snippet for a search result: %s", error->message);
  return snippet;
}

/* Turns what the user typed into a safe FTS5 query: words (runs of
 * letters and digits) and "quoted phrases", all required; the last word
 * also matches as a prefix while the user is still typing it. FTS5 syntax
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
              /* Still being typed: match as a prefix too. */
              if (c == 0)
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

#define SNIPPET_WORDS 24
#define MARK_LENGTH 3   /* bytes of U+E000 or U+E001 in UTF-8 */

static guint
count_marks (const char *text,
             const char *end)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, DOSSIER_SNIPPET_MARK_START)) != NULL && p < end;
       p += MARK_LENGTH)
    n++;
  return n;
}

/* Cuts a snippet out of a column as highlight() returns it (the whole text
 * with the matches marked): the paragraph with the most matches, and in it
 * the run of SNIPPET_WORDS words with the most, with "…" where text was
 * left out. FTS5's own snippet() does the same job but scores every
 * window of every column, which cost about 0.3 ms per result (most of a
 * search's time) against a few microseconds here. NULL when nothing in
 * @text is marked. */
static char *
crop_highlighted (const char *text)
{
  const char *best = NULL, *best_end = NULL;
  guint best_marks = 0;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) out = NULL;
  guint n_words, first = 0, best_count = 0;
  gboolean open_before = FALSE;

  if (text == NULL)
    return NULL;

  /* The paragraph (line) with the most matches. */
  for (const char *line = text; *line != '\0'; )
    {
      const char *line_end = strchr (line, '\n');
      guint marks;

      if (line_end == NULL)
        line_end = line + strlen (line);
      marks = count_marks (line, line_end);
      if (marks > best_marks)
        {
          best = line;
          best_end = line_end;
          best_marks = marks;
        }
      line = *line_end ? line_end + 1 : line_end;
    }
  if (best == NULL)
    return NULL;

  words = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = best; p < best_end; )
    {
      const char *w;

      while (p < best_end && g_ascii_isspace (*p))
        p++;
      w = p;
      while (p < best_end && !g_ascii_isspace (*p))
        p++;
      if (p > w)
        g_ptr_array_add (words, g_strndup (w, p - w));
    }
  n_words = words->len;

  if (n_words > SNIPPET_WORDS)
    {
      /* Windows start a few words before a match, so it reads as text. */
      for (guint i = 0; i < n_words; i++)
        {
          guint start, count = 0;

          if (strstr (words->pdata[i], DOSSIER_SNIPPET_MARK_START) == NULL)
            continue;
          start = i > 3 ? i - 3 : 0;
          start = MIN (start, n_words - SNIPPET_WORDS);
          for (guint j = start; j < start + SNIPPET_WORDS; j++)
            count += count_marks (words->pdata[j], (char *) words->pdata[j] + strlen (words->pdata[j]));
          if (count > best_count)
            {
              best_count = count;
              first = start;
            }
        }
      /* A marked phrase may begin before the window. */
      for (guint j = 0; j < first; j++)
        {
          const char *w = words->pdata[j];
          const char *s = g_strrstr (w, DOSSIER_SNIPPET_MARK_START);
          const char *e = g_strrstr (w, DOSSIER_SNIPPET_MARK_END);

          if (s != NULL && (e == NULL || e < s))
            open_before = TRUE;
          else if (e != NULL)
            open_before = FALSE;
        }
    }

  out = g_string_new (first > 0 ? "…" : NULL);
  if (open_before)
    g_string_append (out, DOSSIER_SNIPPET_MARK_START);
  {
    guint last = MIN (n_words, first + SNIPPET_WORDS);
    gboolean open = open_before;

    for (guint j = first; j < last; j++)
      {
        const char *w = words->pdata[j];
        const char *s = g_strrstr (w, DOSSIER_SNIPPET_MARK_START);
        const char *e = g_strrstr (w, DOSSIER_SNIPPET_MARK_END);

        if (j > first)
          g_string_append_c (out, ' ');
        g_string_append (out, w);
        if (s != NULL && (e == NULL || e < s))
          open = TRUE;
        else if (e != NULL)
          open = FALSE;
      }
    if (open)
      g_string_append (out, DOSSIER_SNIPPET_MARK_END);
    if (last < n_words)
      g_string_append (out, "…");
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A snippet for one result. @body is the highlighted body when the caller
 * already has it. A match only in the title, authors, key points or
 * footnotes is shown from there; with no marked match at all (it can
 * happen with prefixes), the start of the body. */
static char *
dup_snippet (DossierLibrary  *self,
             const char      *match,
             gint64           rowid,
             const char      *body,
             GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;
  char *snippet = crop_highlighted (body);
  /* Search columns, in the order to look for a match outside the body. */
  static const int columns[] = { 3, 2, 4, 0, 1 };

  if (snippet != NULL)
    return snippet;

  stmt = prepare (self,
                  "SELECT highlight (search, 0, ?2, ?3), highlight (search, 1, ?2, ?3),"
                  " highlight (search, 2, ?2, ?3), highlight (search, 3, ?2, ?3),"
                  " highlight (search, 4, ?2, ?3) FROM search"
                  " WHERE search MATCH ?1 AND rowid = ?4", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, match);
  bind_text (stmt, 2, DOSSIER_SNIPPET_MARK_START);
  bind_text (stmt, 3, DOSSIER_SNIPPET_MARK_END);
  sqlite3_bind_int64 (stmt, 4, rowid);
  if (!step_row (self, stmt, &have_row, error))
    return NULL;
  if (!have_row)
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      snippet = crop_highlighted (column_text (stmt, columns[i]));
      if (snippet != NULL)
        return snippet;
    }

  /* Nothing marked: the opening words of the body. */
  {
    const char *text = column_text (stmt, 3);
    g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \n", SNIPPET_WORDS + 1);
    guint n = g_strv_length (words);

    if (n > SNIPPET_WORDS)
      {
        g_free (words[SNIPPET_WORDS]);
        words[SNIPPET_WORDS] = g_strdup ("…");
      }
    return g_strjoinv (" ", words);
  }
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

/**
 * dossier_library_search_query:
 * @query: words and filters
 * @error: return location for an error
 *
 * Full-text search over titles, authors, key points, paragraphs and
 * footnotes, ranked by bm25 (title and author matches weigh most),
 * narrowed by the filters in @query. With no words, the filters alone
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
  g_autoptr(GListStore) results = g_list_store_new (DOSSIER_TYPE_SEARCH_RESULT);
  g_autofree char *match = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) snippets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *author_key = NULL;
  g_autofree char *publisher_key = NULL;
  gboolean with_snippets = FALSE;
  gboolean have_row, ok = TRUE;
  guint limit;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  limit = query->limit == 0 ? DEFAULT_SEARCH_LIMIT : MIN (query->limit, MAX_SEARCH_LIMIT);
  match = dup_fts_query (query->text);

  if (match == NULL)
    {
      if (nonempty (query->author) == NULL && nonempty (query->publisher) == NULL &&
          nonempty (query->published_from) == NULL && nonempty (query->published_to) == NULL)
        return G_LIST_MODEL (g_steal_pointer (&results));

      stmt = prepare (self,
                      "SELECT d.doc, 0.0 FROM documents d WHERE ?1 IS NULL"
                      " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                      "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                      " AND (?3 IS NULL OR instr (dossier_words (d.publisher), ?3) > 0)"
                      " AND (?4 IS NULL OR d.published >= ?4)"
                      " AND (?5 IS NULL OR d.published <= ?5)"
                      " ORDER BY d.published DESC, d.added DESC LIMIT ?6", error);
    }
  else if (nonempty (query->author) == NULL && nonempty (query->publisher) == NULL &&
           nonempty (query->published_from) == NULL && nonempty (query->published_to) == NULL)
    {
      /* The common case, kept to the FTS table alone: FTS5 then produces
       * rows in rank order itself, so the LIMIT stops it early and
       * highlight() runs only for the rows returned, and of those only for
       * the first EAGER_SNIPPETS (the others make theirs when asked). */
      stmt = prepare (self,
                      "SELECT rowid, rank,"
                      " CASE WHEN dossier_snippet_budget () THEN highlight (search, 3, ?7, ?8) END"
                      " FROM search"
                      " WHERE search MATCH ?1 AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL"
                      " ORDER BY rank LIMIT ?6", error);
      with_snippets = TRUE;
    }
  else
    {
      stmt = prepare (self,
                      "SELECT search.rowid, search.rank FROM search"
                      " JOIN documents d ON d.doc = search.rowid"
                      " WHERE search MATCH ?1"
                      " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM document_authors da"
                      "   WHERE da.doc = d.doc AND instr (dossier_words (da.name), ?2) > 0))"
                      " AND (?3 IS NULL OR instr (dossier_words (d.publisher), ?3) > 0)"
                      " AND (?4 IS NULL OR d.published >= ?4)"
                      " AND (?5 IS NULL OR d.published <= ?5)"
                      " ORDER BY search.rank LIMIT ?6", error);
    }
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, match);
  author_key = dup_words_key (nonempty (query->author));
  publisher_key = dup_words_key (nonempty (query->publisher));
  bind_text (stmt, 2, author_key);
  bind_text (stmt, 3, publisher_key);
  bind_text (stmt, 4, nonempty (query->published_from));
  bind_text (stmt, 5, nonempty (query->published_to));
  sqlite3_bind_int (stmt, 6, limit);
  if (with_snippets)
    {
      bind_text (stmt, 7, DOSSIER_SNIPPET_MARK_START);
      bind_text (stmt, 8, DOSSIER_SNIPPET_MARK_END);
    }

  self->snippet_budget = EAGER_SNIPPETS;
  while ((ok = step_row (self, stmt, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);
      char *snippet = with_snippets ? g_strdup (column_text (stmt, 2)) : NULL;

      g_array_append_val (rowids, rowid);
      g_array_append_val (ranks, rank);
      g_ptr_array_add (snippets, snippet);
    }
  if (!ok)
    return NULL;
  sqlite3_reset (stmt);

  /* Snippets for the first rows now (with filters, computing them inside
   * the joined, sorted query would highlight every matching document);
   * the rest when a view asks. */
  for (guint i = 0; i < rowids->len; i++)
    {
      gint64 rowid = g_array_index (rowids, gint64, i);
      DossierDocument *light = g_hash_table_lookup (self->by_rowid, &rowid);
      const char *body = with_snippets ? g_ptr_array_index (snippets, i) : NULL;
      g_autofree char *snippet = NULL;
      g_autoptr(DossierSearchResult) result = NULL;

      if (light == NULL)
        continue;
      if (match != NULL && (body != NULL || i < EAGER_SNIPPETS))
        {
          snippet = dup_snippet (self, match, rowid, body, error);
          if (snippet == NULL)
            return NULL;
        }
      result = dossier_search_result_new (light, snippet, g_array_index (ranks, double, i));
      if (match != NULL && snippet == NULL)
        dossier_search_result_set_snippet_loader (result, G_OBJECT (self), load_snippet, match, rowid);
      g_list_store_append (results, result);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/**
 * dossier_library_search:
 * @query: what the user typed: words (all required, the last also as a
 *   prefix) and "quoted phrases"
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

/* --- highlights and reading positions --------------------------------- */

/**
 * dossier_library_list_highlights:
 * @document_id: a document id
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a #GListModel of #DossierHighlight
 *   in reading order
 */
GListModel *
dossier_library_list_highlights (DossierLibrary  *self,
                                 const char      *document_id,
                                 GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_HIGHLIGHT);
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row, ok = TRUE;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (lookup_light (self, document_id, &rowid) == NULL)
    {
      set_not_found (error, document_id);
      return NULL;
    }

  stmt = prepare (self,
                  "SELECT highlight, paragraph, start, end, text, note FROM highlights"
                  " WHERE document = ? ORDER BY paragraph, start, highlight", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, document_id);
  while ((ok = step_row (self, stmt, &have_row, error)) && have_row)
    {
      g_autoptr(DossierHighlight) highlight = NULL;

      highlight = dossier_highlight_new (sqlite3_column_int64 (stmt, 0), document_id,
                                         CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT),
                                         CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT),
                                         CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT),
                                         column_text (stmt, 4), column_text (stmt, 5));
      g_list_store_append (store, highlight);
    }
  if (!ok)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dossier_library_add_highlight:
 * @document_id: a document id
 * @paragraph: index of the paragraph
 * @start: first code point of the passage within the paragraph's text
 * @end: code point after the passage; not before @start
 * @text: the passage itself
 * @error: return location for an error
 *
 * Returns: the new highlight's id (> 0), or 0 on error
 */
gint64
dossier_library_add_highlight (DossierLibrary  *self,
                               const char      *document_id,
                               guint            paragraph,
                               guint            start,
                               guint            end,
                               const char      *text,
                               GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 rowid, id;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), 0);
  g_return_val_if_fail (document_id != NULL, 0);

  if (lookup_light (self, document_id, &rowid) == NULL)
    {
      set_not_found (error, document_id);
      return 0;
    }
  if (end < start)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("A highlight cannot end before it starts"));
      return 0;
    }

  if (!begin (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO highlights (document, paragraph, start, end, text, created)"
                  " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, paragraph);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  bind_text (stmt, 5, text ?: "");
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!commit (self, error))
    return 0;
  return id;

fail:
  rollback (self);
  return 0;
}

static gboolean
change_highlight (DossierLibrary  *self,
                  const char      *sql,
                  gint64           highlight_id,
                  const char      *note,
                  GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    bind_text (stmt, 2, nonempty (note));
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The highlight no longer exists"));
      goto fail;
    }

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * dossier_library_set_highlight_note:
 * @highlight_id: from dossier_highlight_get_id()
 * @note: (nullable): the note; %NULL or empty removes it
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_set_highlight_note (DossierLibrary  *self,
                                    gint64           highlight_id,
                                    const char      *note,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  return change_highlight (self, "UPDATE highlights SET note = ?2 WHERE highlight = ?1",
                           highlight_id, note, error);
}

/**
 * dossier_library_remove_highlight:
 * @highlight_id: from dossier_highlight_get_id()
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_remove_highlight (DossierLibrary  *self,
                                  gint64           highlight_id,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  return change_highlight (self, "DELETE FROM highlights WHERE highlight = ?1",
                           highlight_id, NULL, error);
}

/**
 * dossier_library_set_reading_position:
 * @document_id: a document id
 * @paragraph: index of the first visible paragraph
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_set_reading_position (DossierLibrary  *self,
                                      const char      *document_id,
                                      guint            paragraph,
                                      GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  if (lookup_light (self, document_id, &rowid) == NULL)
    {
      set_not_found (error, document_id);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO reading_positions (document, paragraph, updated) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (document) DO UPDATE SET paragraph = ?2, updated = ?3"
                  /* Unchanged: nothing to write (and nothing to sync). */
                  " WHERE paragraph != ?2", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, paragraph);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    goto fail;

  return commit (self, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * dossier_library_get_reading_position:
 * @document_id: a document id
 *
 * Returns: the paragraph to show first; 0 when none was saved
 */
guint
dossier_library_get_reading_position (DossierLibrary *self,
                                      const char     *document_id)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), 0);
  g_return_val_if_fail (document_id != NULL, 0);

  if (lookup_light (self, document_id, &rowid) == NULL)
    return 0;

  stmt = prepare (self, "SELECT paragraph FROM reading_positions WHERE document = ?", NULL);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, document_id);
  if (!step_row (self, stmt, &have_row, NULL) || !have_row)
    return 0;
  return CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
}
