/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files that make up DossierLibrary: dossier-library.c
 * (GObject, statements, transactions, the list of lightweight documents,
 * opening), dossier-library-schema.c (schema, migrations, header checks),
 * dossier-library-documents.c (adding, loading, updating, removing),
 * dossier-library-search.c (lookups and full-text search),
 * dossier-library-snippet.c (search snippets),
 * dossier-library-highlights.c (highlights and reading positions),
 * dossier-library-trash.c (the Trash, and tidying up at open) and
 * dossier-library-collections.c (collections, tags and notes).
 */

#include <sqlite3.h>

#include "dossier-library.h"

G_BEGIN_DECLS

/* "DOSS" in PRAGMA application_id: tells our databases from other SQLite files. */
#define DOSSIER_APPLICATION_ID 0x444f5353

struct _DossierLibrary
{
  GObject parent_instance;

  char *path;
  char *shown;              /* path for messages: always UTF-8 */
  sqlite3 *db;
  GHashTable *statements;   /* static SQL string → sqlite3_stmt */
  gboolean read_only;       /* opened read-only: every change is refused */
  gboolean lazy;            /* DOSSIER_LIBRARY_OPEN_LAZY */
  gboolean list_loaded;     /* documents, trash, by_rowid and rowid_by_id are read */
  guint depth;              /* nesting of begin()/commit() */
  guint read_depth;         /* nesting of begin_read()/end_read() */
  gint64 data_version;      /* PRAGMA data_version when the list was read */
  int snippet_budget;       /* rows left that get their snippet in the search query */
  guint64 snippet_tokens;   /* tokens read to make snippets, for tests */
  gboolean in_batch;        /* between begin_batch() and end_batch() */
  gboolean batch_failed;    /* a change in the batch failed half-way */
  gint64 changes_at[8];     /* sqlite3_total_changes64() when each level began */
  int last_error;           /* the SQLite result code of the last error reported */

  GListStore *documents;    /* lightweight DossierDocument, newest first */
  GListStore *trash;        /* DossierTrashItem, most recently removed first */
  GHashTable *by_rowid;     /* gint64* → DossierDocument (borrowed from the store) */
  GHashTable *rowid_by_id;  /* id string → gint64* */
};

typedef sqlite3_stmt DossierStmt;

/* The text of the search row's `notes` column for the document whose row
 * is @doc (an SQL expression): its note and its highlights' notes. */
#define DOSSIER_NOTES_TEXT_SQL(doc) \
  "(SELECT group_concat (t, char (10)) FROM" \
  " (SELECT text AS t FROM notes WHERE doc = " doc \
  "  UNION ALL SELECT h.note FROM highlights h WHERE h.note IS NOT NULL" \
  "  AND h.document = (SELECT id FROM documents WHERE doc = " doc ")))"

static inline void
stmt_reset (DossierStmt *stmt)
{
  /* Statements are cached: a reset (not a finalize) makes them reusable
   * and releases the read lock they may hold. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStmt, stmt_reset)

static inline const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

DossierStmt     *_dossier_library_prepare            (DossierLibrary  *self,
                                                      const char      *sql,
                                                      GError         **error);
gboolean         _dossier_library_step_row           (DossierLibrary  *self,
                                                      DossierStmt     *stmt,
                                                      gboolean        *have_row,
                                                      GError         **error);
gboolean         _dossier_library_step_done          (DossierLibrary  *self,
                                                      DossierStmt     *stmt,
                                                      GError         **error);
gboolean         _dossier_library_begin              (DossierLibrary  *self,
                                                      GError         **error);
void             _dossier_library_rollback           (DossierLibrary *self);
gboolean         _dossier_library_commit             (DossierLibrary  *self,
                                                      GError         **error);
gboolean         _dossier_library_begin_read         (DossierLibrary  *self,
                                                      GError         **error);
void             _dossier_library_end_read           (DossierLibrary  *self);
gboolean         _dossier_library_exec               (DossierLibrary  *self,
                                                      const char      *sql,
                                                      GError         **error);
void             _dossier_library_bind_text          (DossierStmt *stmt,
                                                      int          index,
                                                      const char  *text);
const char      *_dossier_library_column_text        (DossierStmt *stmt,
                                                      int          column);
void             _dossier_library_index_document     (DossierLibrary  *self,
                                                      gint64           rowid,
                                                      DossierDocument *document);
/* The columns _dossier_library_fill_metadata() and
 * _dossier_library_author_from_row() read, in their order. */
/* The last says whether the entry has text (a reference imported without
 * it has no paragraphs): one look-up in the paragraphs' (doc, ord) key,
 * no text read. The table must be named "documents" in the query. */
#define DOSSIER_LIBRARY_META_COLUMNS \
  "id, title, subtitle, publisher, published, source_url, item_type, container_title, accessed, doi," \
  " volume, issue, pages, edition, place," \
  " EXISTS (SELECT 1 FROM paragraphs WHERE paragraphs.doc = documents.doc)"
#define DOSSIER_LIBRARY_N_META_COLUMNS 16
#define DOSSIER_LIBRARY_AUTHOR_COLUMNS \
  "name, position, affiliation, bio, family, given, particle, suffix, organisation"

void             _dossier_library_fill_metadata      (DossierDocument *document,
                                                      DossierStmt     *stmt,
                                                      int              first_column);
DossierAuthor   *_dossier_library_author_from_row    (DossierStmt *stmt,
                                                      int          first_column);
gboolean         _dossier_library_ensure_list        (DossierLibrary  *self,
                                                      GError         **error);
gboolean         _dossier_library_find_rowid         (DossierLibrary  *self,
                                                      const char      *id,
                                                      gint64          *rowid,
                                                      GError         **error);
DossierDocument *_dossier_library_load_light_rowid   (DossierLibrary  *self,
                                                      gint64           rowid,
                                                      GError         **error);
DossierDocument *_dossier_library_lookup_light       (DossierLibrary *self,
                                                      const char     *id,
                                                      gint64         *rowid);
gboolean         _dossier_library_find_position      (DossierLibrary  *self,
                                                      DossierDocument *document,
                                                      guint           *position);
gboolean         _dossier_library_load_document_list (DossierLibrary  *self,
                                                      GError         **error);
gboolean         _dossier_library_query_int          (DossierLibrary  *self,
                                                      const char      *sql,
                                                      gint64          *value,
                                                      GError         **error);
gboolean         _dossier_library_migrate            (DossierLibrary  *self,
                                                      gint64           from_version,
                                                      GError         **error);
gboolean         _dossier_library_read_older_schema  (DossierLibrary  *self,
                                                      gint64           version,
                                                      GError         **error);
gboolean         _dossier_library_tidy               (DossierLibrary  *self,
                                                      GError         **error);
gboolean         _dossier_library_file_is_nonempty   (const char      *path);
gboolean         _dossier_library_check_existing_file (const char  *path,
                                                      gboolean    *is_new,
                                                      GError     **error);
char            *_dossier_library_dup_words_key      (const char *text);
char            *_dossier_library_dup_url_key        (const char *url);
DossierDocument *_dossier_library_load_rowid         (DossierLibrary  *self,
                                                      gint64           rowid,
                                                      GError         **error);
void             _dossier_library_set_not_found      (GError     **error,
                                                      const char  *id);
gboolean         _dossier_library_store_search_row   (DossierLibrary  *self,
                                                      gint64           rowid,
                                                      DossierDocument *document,
                                                      gboolean         replace,
                                                      GError         **error);
DossierDocument *_dossier_library_make_light_copy    (DossierDocument *document,
                                                      const char      *id);
gboolean         _dossier_library_load_trash         (DossierLibrary  *self,
                                                      GError         **error);
char            *_dossier_library_resolve_in         (GListModel      *documents,
                                                      gboolean         in_trash,
                                                      const char      *prefix,
                                                      GError         **error);
/* dossier_snippet()'s results start with the body paragraph they are from. */
#define DOSSIER_SNIPPET_PARAGRAPH_START "\xee\x80\x82"  /* U+E002 */
#define DOSSIER_SNIPPET_PARAGRAPH_END   "\xee\x80\x83"  /* U+E003 */

gboolean         _dossier_library_register_snippet   (DossierLibrary  *self,
                                                      GError         **error);
guint64          _dossier_library_get_snippet_tokens (DossierLibrary  *self);
gboolean         _dossier_library_index_notes        (DossierLibrary  *self,
                                                      gint64           rowid,
                                                      GError         **error);
gboolean         _dossier_library_highlight_rowid    (DossierLibrary  *self,
                                                      gint64           highlight_id,
                                                      gint64          *rowid,
                                                      GError         **error);
GListModel      *_dossier_library_collect_light_rows (DossierLibrary  *self,
                                                      DossierStmt     *stmt,
                                                      GError         **error);
void             _dossier_library_split_filters      (const char      *text,
                                                      char           **words,
                                                      char           **tag,
                                                      char           **collection);

G_END_DECLS
