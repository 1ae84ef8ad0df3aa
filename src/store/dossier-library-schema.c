/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-library-private.h"

/*
 * The schema of a DossierLibrary database, its migrations, and the checks
 * of an existing file's header before SQLite is let near it.
 */

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

/* Version 2: who a block quotation (paragraph kind 2) is credited to. */
static const char schema_v2[] =
  "ALTER TABLE paragraphs ADD COLUMN attribution TEXT;";

/* Version 3: the Trash. A removed document keeps its rows and is marked
 * with when it was removed (and loses its search row). Before, removing
 * deleted the rows and left highlights and reading positions for an undo
 * until the next open: what was left then goes now. */
static const char schema_v3[] =
  "ALTER TABLE documents ADD COLUMN trashed INTEGER;"
  "CREATE INDEX documents_trashed ON documents (trashed) WHERE trashed IS NOT NULL;"
  "DELETE FROM highlights WHERE document NOT IN (SELECT id FROM documents);"
  "DELETE FROM reading_positions WHERE document NOT IN (SELECT id FROM documents);";

/* Version 4: where a paragraph from a PDF lies: its first page (1-based,
 * NULL for sources without pages), that page's printed label when it is
 * not its number, and where later pages begin inside it (a JSON array of
 * [offset, page, label or null]). */
static const char schema_v4[] =
  "ALTER TABLE paragraphs ADD COLUMN page INTEGER;"
  "ALTER TABLE paragraphs ADD COLUMN page_label TEXT;"
  "ALTER TABLE paragraphs ADD COLUMN page_breaks TEXT;";

/* Version 5: what reference managers keep. The publication date is still
 * "published", which may now be YYYY or YYYY-MM; the other fields are
 * named as in the dossier-document format; an author's name parts and
 * whether the "author" is an organisation (0 or 1). */
static const char schema_v5[] =
  "ALTER TABLE documents ADD COLUMN item_type TEXT;"
  "ALTER TABLE documents ADD COLUMN container_title TEXT;"
  "ALTER TABLE documents ADD COLUMN accessed TEXT;"
  "ALTER TABLE documents ADD COLUMN doi TEXT;"
  "ALTER TABLE documents ADD COLUMN volume TEXT;"
  "ALTER TABLE documents ADD COLUMN issue TEXT;"
  "ALTER TABLE documents ADD COLUMN pages TEXT;"
  "ALTER TABLE documents ADD COLUMN edition TEXT;"
  "ALTER TABLE documents ADD COLUMN place TEXT;"
  "ALTER TABLE document_authors ADD COLUMN family TEXT;"
  "ALTER TABLE document_authors ADD COLUMN given TEXT;"
  "ALTER TABLE document_authors ADD COLUMN particle TEXT;"
  "ALTER TABLE document_authors ADD COLUMN suffix TEXT;"
  "ALTER TABLE document_authors ADD COLUMN organisation INTEGER NOT NULL DEFAULT 0;";

/* Version 6: what the analyst adds to the articles. Collections (a
 * deleted one stays, marked, in the Trash; names are unique among the
 * others), the articles in them by row (they go with the article when it
 * is deleted for good, and stay while it is in the Trash), the memos and
 * comparisons that belong to them by URI, tags, and a note per article.
 * The search table gets a `notes` column (an article's note and its
 * highlights' notes): FTS5 cannot add a column, so the table is made
 * again from its own stored text, with the highlight notes there are. */
static const char schema_v6[] =
  "CREATE TABLE collections ("
  "  collection INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  trashed INTEGER"
  ");"
  "CREATE UNIQUE INDEX collections_name ON collections (name COLLATE NOCASE) WHERE trashed IS NULL;"
  "CREATE TABLE collection_documents ("
  "  collection INTEGER NOT NULL REFERENCES collections ON DELETE CASCADE,"
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  added INTEGER NOT NULL,"
  "  PRIMARY KEY (collection, doc)"
  ") WITHOUT ROWID;"
  "CREATE INDEX collection_documents_doc ON collection_documents (doc);"
  "CREATE TABLE collection_items ("
  "  collection INTEGER NOT NULL REFERENCES collections ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  uri TEXT NOT NULL,"
  "  added INTEGER NOT NULL,"
  "  UNIQUE (collection, uri)"
  ");"
  "CREATE TABLE tags ("
  "  doc INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,"
  "  tag TEXT NOT NULL COLLATE NOCASE,"
  "  PRIMARY KEY (doc, tag)"
  ") WITHOUT ROWID;"
  "CREATE INDEX tags_tag ON tags (tag);"
  "CREATE TABLE notes ("
  "  doc INTEGER PRIMARY KEY REFERENCES documents ON DELETE CASCADE,"
  "  text TEXT NOT NULL,"
  "  modified INTEGER NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE search_v6 USING fts5 ("
  "  title, authors, key_points, body, footnotes, notes,"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO search_v6 (rowid, title, authors, key_points, body, footnotes, notes)"
  "  SELECT s.rowid, s.title, s.authors, s.key_points, s.body, s.footnotes, " DOSSIER_NOTES_TEXT_SQL ("s.rowid")
  "  FROM search s;"
  "DROP TABLE search;"
  "ALTER TABLE search_v6 RENAME TO search;"
  /* A note weighs more than the body: the analyst wrote it. */
  "INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 1.0, 0.5, 2.0)');";

/* Version 7: whether an article has been read, for the Unread view: when
 * it was first opened in the reader, or NULL. An article with a reading
 * position or a highlight was opened before; the others count as unread. */
static const char schema_v7[] =
  "ALTER TABLE documents ADD COLUMN opened INTEGER;"
  "UPDATE documents SET opened = COALESCE("
  "  (SELECT r.updated FROM reading_positions r WHERE r.document = documents.id),"
  "  (SELECT min(h.created) FROM highlights h WHERE h.document = documents.id))"
  /* Only those rows: a large library is not rewritten. */
  " WHERE id IN (SELECT document FROM reading_positions UNION SELECT document FROM highlights);";

/* migrations[n] brings a library from version n to n + 1. */
static const char * const migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
  schema_v7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_LIBRARY_SCHEMA_VERSION);

gboolean
_dossier_library_query_int (DossierLibrary  *self,
                            const char      *sql,
                            gint64          *value,
                            GError         **error)
{
  g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self, sql, error);
  gboolean have_row;

  if (stmt == NULL || !_dossier_library_step_row (self, stmt, &have_row, error))
    return FALSE;

  *value = have_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
_dossier_library_migrate (DossierLibrary  *self,
                          gint64           from_version,
                          GError         **error)
{
  g_autofree char *set_version = NULL;
  gint64 current;

  if (!_dossier_library_begin (self, error))
    return FALSE;

  /* Another program (the CLI and the app on first start) may have done it
   * while this one waited for the write lock. */
  if (!_dossier_library_query_int (self, "PRAGMA user_version", &current, error))
    {
      _dossier_library_rollback (self);
      return FALSE;
    }
  if (current > from_version)
    {
      from_version = current;
      if (from_version >= DOSSIER_LIBRARY_SCHEMA_VERSION)
        return _dossier_library_commit (self, error);
    }

  for (gint64 v = from_version; v < DOSSIER_LIBRARY_SCHEMA_VERSION; v++)
    {
      if (!_dossier_library_exec (self, migrations[v], error))
        {
          _dossier_library_rollback (self);
          g_prefix_error (error, _("Could not update the library to version %d: "), (int) v + 1);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                 DOSSIER_APPLICATION_ID, DOSSIER_LIBRARY_SCHEMA_VERSION);
  if (!_dossier_library_exec (self, set_version, error))
    {
      _dossier_library_rollback (self);
      return FALSE;
    }

  return _dossier_library_commit (self, error);
}

/* A library opened read-only cannot be brought up to date: what this
 * build reads from a newer schema is made to appear in a temporary schema
 * of the connection, which shadows the file's own tables and is never
 * written to the file. */
gboolean
_dossier_library_read_older_schema (DossierLibrary  *self,
                                    gint64           version,
                                    GError         **error)
{
  if (version >= DOSSIER_LIBRARY_SCHEMA_VERSION)
    return TRUE;

  if (version >= 2 && version <= 6)
    {
      /* Version 2 had no Trash: nothing in it is trashed. Versions before
       * 5 had no citation fields and no name parts. Versions before 7 had
       * no read state: it reads as the migration to 7 would make it. */
      g_autofree char *documents =
        g_strdup_printf ("CREATE TEMP VIEW documents AS SELECT *%s%s, COALESCE("
                         "(SELECT r.updated FROM main.reading_positions r WHERE r.document = d.id),"
                         " (SELECT min(h.created) FROM main.highlights h WHERE h.document = d.id)) AS opened"
                         " FROM main.documents d",
                         version == 2 ? ", NULL AS trashed" : "",
                         version <= 4 ? ", NULL AS item_type, NULL AS container_title, NULL AS accessed,"
                                        " NULL AS doi, NULL AS volume, NULL AS issue, NULL AS pages,"
                                        " NULL AS edition, NULL AS place" : "");

      if (!_dossier_library_exec (self, documents, error))
        return FALSE;
    }

  if (version >= 2 && version <= 4 &&
      !_dossier_library_exec (self,
                              "CREATE TEMP VIEW document_authors AS SELECT *, NULL AS family, NULL AS given,"
                              " NULL AS particle, NULL AS suffix, 0 AS organisation"
                              " FROM main.document_authors",
                              error))
    return FALSE;

  /* Versions 2 and 3 had no pages: no paragraph has one. */
  if ((version == 2 || version == 3) &&
      !_dossier_library_exec (self,
                              "CREATE TEMP VIEW paragraphs AS SELECT *, NULL AS page, NULL AS page_label,"
                              " NULL AS page_breaks FROM main.paragraphs",
                              error))
    return FALSE;

  /* Versions 2 to 5 had no collections, tags or notes (their search table
   * has no notes column, which reading never names). */
  if (version >= 2 && version <= 5 &&
      !_dossier_library_exec (self,
                              "CREATE TEMP VIEW collections AS SELECT NULL AS collection, NULL AS name,"
                              " NULL AS created, NULL AS trashed WHERE 0;"
                              "CREATE TEMP VIEW collection_documents AS SELECT NULL AS collection, NULL AS doc,"
                              " NULL AS added WHERE 0;"
                              "CREATE TEMP VIEW collection_items AS SELECT NULL AS rowid, NULL AS collection,"
                              " NULL AS kind, NULL AS uri, NULL AS added WHERE 0;"
                              "CREATE TEMP VIEW tags AS SELECT NULL AS doc, NULL AS tag WHERE 0;"
                              "CREATE TEMP VIEW notes AS SELECT NULL AS doc, NULL AS text, NULL AS modified WHERE 0",
                              error))
    return FALSE;

  if (version >= 2 && version <= 6)
    return TRUE;

  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
               _("The library %s was written by an older version of Dossier and is read-only, "
                 "so it cannot be brought up to date (schema %d, this version needs %d)"),
               self->shown, (int) version, DOSSIER_LIBRARY_SCHEMA_VERSION);
  return FALSE;
}

/* --- header checks before SQLite touches the file ---------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
_dossier_library_file_is_nonempty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* Looks at the 100-byte SQLite header ourselves, so a garbage file, another
 * program's database, a truncated library or one from a newer Dossier is
 * refused before SQLite could write anything (such as a journal-mode
 * change) into it. Sets @is_new when there is nothing to lose: no file, or
 * an empty one. */
gboolean
_dossier_library_check_existing_file (const char  *path,
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
      (guint64) st.st_size < (guint64) n_pages * page_size && !_dossier_library_file_is_nonempty (wal))
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

