/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-library-collections.h"
#include "dossier-library-private.h"

/*
 * What the analyst adds to the articles of a DossierLibrary: collections
 * (one per briefing; an article may be in several, and memos and saved
 * comparisons belong to one by their URI), tags, and a note per article.
 * The notes of an article and of its highlights are in the search index
 * (the `notes` column); a deleted collection goes to the Trash.
 */

#define SECONDS_PER_DAY (24 * 60 * 60)
#define URI_MAX 4096

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A name the user typed: valid, bounded, one line, trimmed, not empty.
 * @what names it in messages ("collection name", "tag"). */
static char *
dup_clean_name (const char  *what,
                const char  *name,
                gsize        limit,
                GError     **error)
{
  g_autofree char *copy = NULL;

  if (!dossier_limit_check_text (what, name, limit, error))
    return NULL;

  copy = g_strstrip (g_strdup (name));
  if (*copy == '\0')
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("The %s is empty"), what);
      return NULL;
    }
  for (const char *p = copy; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        /* Not quoted: the message would not be one line. */
        g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                     _("The %s holds a line break, a tab or another control character"), what);
        return NULL;
      }
  return g_steal_pointer (&copy);
}

static void
set_collection_gone (GError **error)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
               _("The collection no longer exists"));
}

/* Runs @stmt to its end in a write transaction of its own (or the
 * caller's); @n_changed, when given, gets the rows it changed. */
static gboolean
run_change (DossierLibrary  *self,
            DossierStmt     *stmt,
            gint64          *n_changed,
            GError         **error)
{
  if (!_dossier_library_step_done (self, stmt, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = sqlite3_changes64 (self->db);
  return TRUE;
}

/* Ends the write transaction the caller began with @stmt (NULL when
 * preparing it failed) as its one change: committed when it changed the
 * collection's row, rolled back when the collection is gone or on error. */
static gboolean
commit_collection_change (DossierLibrary  *self,
                          DossierStmt     *stmt,
                          GError         **error)
{
  gint64 n = 0;

  if (stmt == NULL || !run_change (self, stmt, &n, error))
    goto fail;
  if (n == 0)
    {
      set_collection_gone (error);
      goto fail;
    }
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

static char **
collect_strings (DossierLibrary  *self,
                 DossierStmt     *stmt,
                 GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean have_row, ok;

  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    g_strv_builder_add (builder, _dossier_library_column_text (stmt, 0) ?: "");
  if (!ok)
    return NULL;
  return g_strv_builder_end (builder);
}

/* --- the search index of notes ----------------------------------------- */

/* Gives the document @rowid's search row the text of its note and of its
 * highlights' notes. A document in the Trash has no search row: nothing
 * to do (restoring it indexes them with the rest). */
gboolean
_dossier_library_index_notes (DossierLibrary  *self,
                              gint64           rowid,
                              GError         **error)
{
  g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self,
                                                          "UPDATE search SET notes = " DOSSIER_NOTES_TEXT_SQL ("?1")
                                                          " WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return _dossier_library_step_done (self, stmt, error);
}

/* The row of the document a highlight is on, or 0 when there is none. */
gboolean
_dossier_library_highlight_rowid (DossierLibrary  *self,
                                  gint64           highlight_id,
                                  gint64          *rowid,
                                  GError         **error)
{
  g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self,
                                                          "SELECT d.doc FROM highlights h JOIN documents d"
                                                          " ON d.id = h.document WHERE h.highlight = ?", error);
  gboolean have_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return FALSE;
  *rowid = have_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* --- collections ------------------------------------------------------- */

static GListModel *
list_collections (DossierLibrary  *self,
                  gboolean         trashed,
                  const char      *name,
                  GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_COLLECTION);
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row, ok = TRUE;

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self,
                                   "SELECT c.collection, c.name, c.trashed,"
                                   " (SELECT count(*) FROM collection_documents cd JOIN documents d ON d.doc = cd.doc"
                                   "   WHERE cd.collection = c.collection AND d.trashed IS NULL)"
                                   " FROM collections c WHERE (c.trashed IS NOT NULL) = ?1"
                                   " AND (?2 IS NULL OR c.name = ?2 COLLATE NOCASE)"
                                   " ORDER BY CASE WHEN ?1 THEN -c.trashed END, c.name COLLATE NOCASE, c.collection",
                                   error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
      _dossier_library_bind_text (stmt, 2, name);
      while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
        {
          g_autoptr(DossierCollection) collection =
            dossier_collection_new (sqlite3_column_int64 (stmt, 0), _dossier_library_column_text (stmt, 1) ?: "",
                                    (guint) MIN (sqlite3_column_int64 (stmt, 3), G_MAXUINT),
                                    sqlite3_column_int64 (stmt, 2));

          g_list_store_append (store, collection);
        }
      g_clear_pointer (&stmt, stmt_reset);
    }
  _dossier_library_end_read (self);
  if (!ok)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dossier_library_list_collections:
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new #GListModel of
 *   #DossierCollection, by name, without those in the Trash
 */
GListModel *
dossier_library_list_collections (DossierLibrary  *self,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  return list_collections (self, FALSE, NULL, error);
}

/**
 * dossier_library_list_trashed_collections:
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new #GListModel of the
 *   #DossierCollection in the Trash, most recently deleted first
 */
GListModel *
dossier_library_list_trashed_collections (DossierLibrary  *self,
                                          GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  return list_collections (self, TRUE, NULL, error);
}

/**
 * dossier_library_find_collection:
 * @name: the name, without regard to (ASCII) case or surrounding spaces
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the collection (not one in the
 *   Trash); %DOSSIER_LIBRARY_ERROR_NOT_FOUND when there is none
 */
DossierCollection *
dossier_library_find_collection (DossierLibrary  *self,
                                 const char      *name,
                                 GError         **error)
{
  g_autoptr(GListModel) found = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean = g_strstrip (g_strdup (name));
  found = list_collections (self, FALSE, clean, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("There is no collection named “%s”"), clean);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* Whether another collection outside the Trash has @name. */
static gboolean
name_taken (DossierLibrary  *self,
            const char      *name,
            gint64           except,
            gboolean        *taken,
            GError         **error)
{
  g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self,
                                                          "SELECT 1 FROM collections WHERE name = ?1 COLLATE NOCASE"
                                                          " AND trashed IS NULL AND collection != ?2", error);

  if (stmt == NULL)
    return FALSE;
  _dossier_library_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except);
  return _dossier_library_step_row (self, stmt, taken, error);
}

static void
set_name_taken (GError    **error,
                const char *name)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
               _("There is already a collection named “%s”"), name);
}

/**
 * dossier_library_create_collection:
 * @name: its name: one line, unique (without regard to ASCII case) among
 *   the collections outside the Trash
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the new, empty collection;
 *   %DOSSIER_LIBRARY_ERROR_DUPLICATE when the name is taken
 */
DossierCollection *
dossier_library_create_collection (DossierLibrary  *self,
                                   const char      *name,
                                   GError         **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean taken;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean = dup_clean_name (_("collection name"), name, DOSSIER_LIBRARY_COLLECTION_NAME_MAX, error);
  if (clean == NULL || !_dossier_library_begin (self, error))
    return NULL;

  if (!name_taken (self, clean, 0, &taken, error))
    goto fail;
  if (taken)
    {
      set_name_taken (error, clean);
      goto fail;
    }
  stmt = _dossier_library_prepare (self, "INSERT INTO collections (name, created) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  _dossier_library_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  if (!run_change (self, stmt, NULL, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (!_dossier_library_commit (self, error))
    return NULL;
  return dossier_collection_new (id, clean, 0, 0);

fail:
  _dossier_library_rollback (self);
  return NULL;
}

/**
 * dossier_library_rename_collection:
 * @collection: from dossier_collection_get_id()
 * @name: the new name (as for dossier_library_create_collection())
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_rename_collection (DossierLibrary  *self,
                                   gint64           collection,
                                   const char      *name,
                                   GError         **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean taken;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = dup_clean_name (_("collection name"), name, DOSSIER_LIBRARY_COLLECTION_NAME_MAX, error);
  if (clean == NULL || !_dossier_library_begin (self, error))
    return FALSE;

  if (!name_taken (self, clean, collection, &taken, error))
    goto fail;
  if (taken)
    {
      set_name_taken (error, clean);
      goto fail;
    }
  stmt = _dossier_library_prepare (self, "UPDATE collections SET name = ?2 WHERE collection = ?1 AND trashed IS NULL",
                                   error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, collection);
      _dossier_library_bind_text (stmt, 2, clean);
    }
  return commit_collection_change (self, stmt, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_delete_collection:
 * @collection: from dossier_collection_get_id()
 * @error: return location for an error
 *
 * Moves the collection to the Trash; its articles stay in the library.
 * dossier_library_restore_collection() brings it back with its articles,
 * memos and comparisons; emptying the Trash, or
 * DOSSIER_LIBRARY_TRASH_DAYS passing, deletes it for good.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_delete_collection (DossierLibrary  *self,
                                   gint64           collection,
                                   GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  if (!_dossier_library_begin (self, error))
    return FALSE;
  stmt = _dossier_library_prepare (self, "UPDATE collections SET trashed = ?2 WHERE collection = ?1 AND trashed IS NULL",
                                   error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, collection);
      sqlite3_bind_int64 (stmt, 2, now_seconds ());
    }
  return commit_collection_change (self, stmt, error);
}

/**
 * dossier_library_restore_collection:
 * @collection: the id of a collection in the Trash
 * @error: return location for an error
 *
 * Returns: %TRUE on success; %DOSSIER_LIBRARY_ERROR_DUPLICATE when another
 *   collection has its name now (rename that one first)
 */
gboolean
dossier_library_restore_collection (DossierLibrary  *self,
                                    gint64           collection,
                                    GError         **error)
{
  g_autoptr(DossierStmt) find = NULL;
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *name = NULL;
  gboolean have_row, taken;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  if (!_dossier_library_begin (self, error))
    return FALSE;
  find = _dossier_library_prepare (self, "SELECT name FROM collections WHERE collection = ? AND trashed IS NOT NULL",
                                   error);
  if (find == NULL)
    goto fail;
  sqlite3_bind_int64 (find, 1, collection);
  if (!_dossier_library_step_row (self, find, &have_row, error))
    goto fail;
  if (!have_row)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The collection is no longer in the Trash"));
      goto fail;
    }
  name = g_strdup (_dossier_library_column_text (find, 0));
  g_clear_pointer (&find, stmt_reset);

  if (!name_taken (self, name, collection, &taken, error))
    goto fail;
  if (taken)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DUPLICATE,
                   _("Another collection is named “%s” now; rename it before restoring this one"), name);
      goto fail;
    }

  stmt = _dossier_library_prepare (self, "UPDATE collections SET trashed = NULL WHERE collection = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, collection);
  if (!run_change (self, stmt, NULL, error))
    goto fail;
  return _dossier_library_commit (self, error);

fail:
  if (find != NULL)
    g_clear_pointer (&find, stmt_reset);
  _dossier_library_rollback (self);
  return FALSE;
}

/* Whether @collection exists outside the Trash, inside the caller's
 * transaction. */
static gboolean
check_collection (DossierLibrary  *self,
                  gint64           collection,
                  GError         **error)
{
  g_autoptr(DossierStmt) stmt = _dossier_library_prepare (self,
                                                          "SELECT 1 FROM collections WHERE collection = ?"
                                                          " AND trashed IS NULL", error);
  gboolean have_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, collection);
  if (!_dossier_library_step_row (self, stmt, &have_row, error))
    return FALSE;
  if (!have_row)
    {
      set_collection_gone (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
change_membership (DossierLibrary  *self,
                   const char      *sql,
                   gint64           collection,
                   const char      *document_id,
                   GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 rowid, n = 0;

  if (!_dossier_library_begin (self, error))
    return FALSE;
  if (!check_collection (self, collection, error) ||
      !_dossier_library_find_rowid (self, document_id, &rowid, error))
    goto fail;
  stmt = _dossier_library_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, collection);
  sqlite3_bind_int64 (stmt, 2, rowid);
  if (sqlite3_bind_parameter_count (stmt) > 2)
    sqlite3_bind_int64 (stmt, 3, now_seconds ());
  if (!run_change (self, stmt, &n, error))
    goto fail;
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_add_to_collection:
 * @collection: from dossier_collection_get_id()
 * @document_id: a document outside the Trash
 * @error: return location for an error
 *
 * Adds the document to the collection; one already in it stays as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_add_to_collection (DossierLibrary  *self,
                                   gint64           collection,
                                   const char      *document_id,
                                   GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  return change_membership (self,
                            "INSERT OR IGNORE INTO collection_documents (collection, doc, added) VALUES (?1, ?2, ?3)",
                            collection, document_id, error);
}

/**
 * dossier_library_remove_from_collection:
 * @collection: from dossier_collection_get_id()
 * @document_id: a document outside the Trash
 * @error: return location for an error
 *
 * Takes the document out of the collection (not out of the library); one
 * not in it is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_remove_from_collection (DossierLibrary  *self,
                                        gint64           collection,
                                        const char      *document_id,
                                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  return change_membership (self, "DELETE FROM collection_documents WHERE collection = ?1 AND doc = ?2",
                            collection, document_id, error);
}

/* The lightweight documents of the rows @stmt returns: the list's own
 * objects when the list is read, else each read on its own. */
GListModel *
_dossier_library_collect_light_rows (DossierLibrary  *self,
                                     DossierStmt     *stmt,
                                     GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean have_row, ok;

  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return NULL;

  for (guint i = 0; i < rowids->len; i++)
    {
      gint64 rowid = g_array_index (rowids, gint64, i);

      if (self->list_loaded)
        {
          DossierDocument *light = g_hash_table_lookup (self->by_rowid, &rowid);

          if (light != NULL)
            g_list_store_append (store, light);
        }
      else
        {
          g_autoptr(DossierDocument) light = _dossier_library_load_light_rowid (self, rowid, error);

          if (light == NULL)
            return NULL;
          g_list_store_append (store, light);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dossier_library_list_collection_documents:
 * @collection: from dossier_collection_get_id()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the lightweight documents in the
 *   collection (not those in the Trash), the most recently added to the
 *   library first
 */
GListModel *
dossier_library_list_collection_documents (DossierLibrary  *self,
                                           gint64           collection,
                                           GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  GListModel *documents = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self,
                                   "SELECT d.doc FROM collection_documents cd JOIN documents d ON d.doc = cd.doc"
                                   " WHERE cd.collection = ? AND d.trashed IS NULL ORDER BY d.added DESC, d.doc DESC",
                                   error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, collection);
      documents = _dossier_library_collect_light_rows (self, stmt, error);
    }
  _dossier_library_end_read (self);
  return documents;
}

/**
 * dossier_library_dup_document_collections:
 * @document_id: a document outside the Trash
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the names of the collections the
 *   document is in, by name
 */
char **
dossier_library_dup_document_collections (DossierLibrary  *self,
                                          const char      *document_id,
                                          GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  char **names = NULL;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  if (_dossier_library_find_rowid (self, document_id, &rowid, error))
    {
      stmt = _dossier_library_prepare (self,
                                       "SELECT c.name FROM collection_documents cd JOIN collections c"
                                       " ON c.collection = cd.collection WHERE cd.doc = ? AND c.trashed IS NULL"
                                       " ORDER BY c.name COLLATE NOCASE", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, rowid);
          names = collect_strings (self, stmt, error);
        }
    }
  _dossier_library_end_read (self);
  return names;
}

/**
 * dossier_library_add_collection_item:
 * @collection: from dossier_collection_get_id()
 * @kind: a memo or a saved comparison
 * @uri: where the file is (a URI, as g_file_get_uri() gives it)
 * @error: return location for an error
 *
 * Makes the memo or comparison at @uri belong to the collection; the file
 * itself is not read or copied. One already there keeps its place and
 * takes @kind.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_add_collection_item (DossierLibrary             *self,
                                     gint64                      collection,
                                     DossierCollectionItemKind   kind,
                                     const char                 *uri,
                                     GError                    **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (kind == DOSSIER_COLLECTION_ITEM_MEMO || kind == DOSSIER_COLLECTION_ITEM_COMPARISON, FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!dossier_limit_check_text (_("file address"), uri, URI_MAX, error))
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("“%s” is not the address of a file (a URI such as file:///…)"), uri);
      return FALSE;
    }

  if (!_dossier_library_begin (self, error))
    return FALSE;
  if (!check_collection (self, collection, error))
    goto fail;
  stmt = _dossier_library_prepare (self,
                                   "INSERT INTO collection_items (collection, kind, uri, added) VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (collection, uri) DO UPDATE SET kind = excluded.kind", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, collection);
  sqlite3_bind_int (stmt, 2, kind);
  _dossier_library_bind_text (stmt, 3, uri);
  sqlite3_bind_int64 (stmt, 4, now_seconds ());
  if (!run_change (self, stmt, NULL, error))
    goto fail;
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_remove_collection_item:
 * @collection: from dossier_collection_get_id()
 * @uri: a memo's or comparison's address
 * @error: return location for an error
 *
 * The file no longer belongs to the collection (it is not deleted).
 *
 * Returns: %TRUE on success; %DOSSIER_LIBRARY_ERROR_NOT_FOUND when it did
 *   not belong to it
 */
gboolean
dossier_library_remove_collection_item (DossierLibrary  *self,
                                        gint64           collection,
                                        const char      *uri,
                                        GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 n = 0;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!_dossier_library_begin (self, error))
    return FALSE;
  if (!check_collection (self, collection, error))
    goto fail;
  stmt = _dossier_library_prepare (self, "DELETE FROM collection_items WHERE collection = ? AND uri = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, collection);
  _dossier_library_bind_text (stmt, 2, uri);
  if (!run_change (self, stmt, &n, error))
    goto fail;
  if (n == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("%s is not in the collection"), uri);
      goto fail;
    }
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_dup_collection_items:
 * @collection: from dossier_collection_get_id()
 * @kind: memos or comparisons
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the addresses of the collection's
 *   memos or comparisons, in the order they were added
 */
char **
dossier_library_dup_collection_items (DossierLibrary             *self,
                                      gint64                      collection,
                                      DossierCollectionItemKind   kind,
                                      GError                    **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  char **uris = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self,
                                   "SELECT uri FROM collection_items WHERE collection = ? AND kind = ?"
                                   " ORDER BY added, rowid", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, collection);
      sqlite3_bind_int (stmt, 2, kind);
      uris = collect_strings (self, stmt, error);
    }
  _dossier_library_end_read (self);
  return uris;
}

/* --- tags -------------------------------------------------------------- */

static gboolean
change_tag (DossierLibrary  *self,
            const char      *sql,
            const char      *document_id,
            const char      *tag,
            gboolean         must_change,
            GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *clean = dup_clean_name (_("tag"), tag, DOSSIER_LIBRARY_TAG_MAX, error);
  gint64 rowid, n = 0;

  if (clean == NULL || !_dossier_library_begin (self, error))
    return FALSE;
  if (!_dossier_library_find_rowid (self, document_id, &rowid, error))
    goto fail;
  stmt = _dossier_library_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rowid);
  _dossier_library_bind_text (stmt, 2, clean);
  if (!run_change (self, stmt, &n, error))
    goto fail;
  if (must_change && n == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The document has no tag “%s”"), clean);
      goto fail;
    }
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_add_tag:
 * @document_id: a document outside the Trash
 * @tag: one line; a document has a tag once, without regard to ASCII case
 * @error: return location for an error
 *
 * Returns: %TRUE on success (also when the document had the tag)
 */
gboolean
dossier_library_add_tag (DossierLibrary  *self,
                         const char      *document_id,
                         const char      *tag,
                         GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL && tag != NULL, FALSE);

  return change_tag (self, "INSERT OR IGNORE INTO tags (doc, tag) VALUES (?1, ?2)", document_id, tag, FALSE, error);
}

/**
 * dossier_library_remove_tag:
 * @document_id: a document outside the Trash
 * @tag: one of its tags (without regard to ASCII case)
 * @error: return location for an error
 *
 * Returns: %TRUE on success; %DOSSIER_LIBRARY_ERROR_NOT_FOUND when the
 *   document did not have it
 */
gboolean
dossier_library_remove_tag (DossierLibrary  *self,
                            const char      *document_id,
                            const char      *tag,
                            GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL && tag != NULL, FALSE);

  return change_tag (self, "DELETE FROM tags WHERE doc = ?1 AND tag = ?2", document_id, tag, TRUE, error);
}

/**
 * dossier_library_dup_tags:
 * @document_id: a document outside the Trash
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): its tags, in alphabetical order
 */
char **
dossier_library_dup_tags (DossierLibrary  *self,
                          const char      *document_id,
                          GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  char **tags = NULL;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  if (_dossier_library_find_rowid (self, document_id, &rowid, error))
    {
      stmt = _dossier_library_prepare (self, "SELECT tag FROM tags WHERE doc = ? ORDER BY tag", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, rowid);
          tags = collect_strings (self, stmt, error);
        }
    }
  _dossier_library_end_read (self);
  return tags;
}

/**
 * dossier_library_dup_all_tags:
 * @error: return location for an error
 *
 * Every tag in use on a document outside the Trash, for completion.
 *
 * Returns: (transfer full) (nullable): the tags, most used first
 */
char **
dossier_library_dup_all_tags (DossierLibrary  *self,
                              GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  char **tags = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self,
                                   "SELECT min (t.tag) FROM tags t JOIN documents d ON d.doc = t.doc"
                                   " WHERE d.trashed IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag", error);
  if (stmt != NULL)
    tags = collect_strings (self, stmt, error);
  _dossier_library_end_read (self);
  return tags;
}

/**
 * dossier_library_list_tagged_documents:
 * @tag: a tag (without regard to ASCII case)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the lightweight documents outside
 *   the Trash with the tag, the most recently added first
 */
GListModel *
dossier_library_list_tagged_documents (DossierLibrary  *self,
                                       const char      *tag,
                                       GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  GListModel *documents = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  clean = g_strstrip (g_strdup (tag));
  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self,
                                   "SELECT d.doc FROM tags t JOIN documents d ON d.doc = t.doc"
                                   " WHERE t.tag = ? AND d.trashed IS NULL ORDER BY d.added DESC, d.doc DESC",
                                   error);
  if (stmt != NULL)
    {
      _dossier_library_bind_text (stmt, 1, clean);
      documents = _dossier_library_collect_light_rows (self, stmt, error);
    }
  _dossier_library_end_read (self);
  return documents;
}

/* --- notes ------------------------------------------------------------- */

/**
 * dossier_library_set_note:
 * @document_id: a document outside the Trash
 * @text: (nullable): the note, plain text with the memo's inline markup;
 *   %NULL or only spaces removes it
 * @error: return location for an error
 *
 * Stores the article's note; it is found by the search.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_set_note (DossierLibrary  *self,
                          const char      *document_id,
                          const char      *text,
                          GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 rowid;
  gboolean empty = TRUE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  if (!dossier_limit_check_text (_("note"), text, DOSSIER_LIBRARY_NOTE_MAX, error))
    return FALSE;
  for (const char *p = text ? text : ""; *p && empty; p++)
    empty = g_ascii_isspace (*p);

  if (!_dossier_library_begin (self, error))
    return FALSE;
  if (!_dossier_library_find_rowid (self, document_id, &rowid, error))
    goto fail;
  if (empty)
    stmt = _dossier_library_prepare (self, "DELETE FROM notes WHERE doc = ?1", error);
  else
    stmt = _dossier_library_prepare (self,
                                     "INSERT INTO notes (doc, text, modified) VALUES (?1, ?2, ?3)"
                                     " ON CONFLICT (doc) DO UPDATE SET text = excluded.text, modified = excluded.modified",
                                     error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!empty)
    {
      _dossier_library_bind_text (stmt, 2, text);
      sqlite3_bind_int64 (stmt, 3, now_seconds ());
    }
  if (!run_change (self, stmt, NULL, error) || !_dossier_library_index_notes (self, rowid, error))
    goto fail;
  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_dup_note:
 * @document_id: a document outside the Trash
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the article's note; %NULL without
 *   error when it has none
 */
char *
dossier_library_dup_note (DossierLibrary  *self,
                          const char      *document_id,
                          GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  char *note = NULL;
  gint64 rowid;
  gboolean have_row;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  if (_dossier_library_find_rowid (self, document_id, &rowid, error))
    {
      stmt = _dossier_library_prepare (self, "SELECT text FROM notes WHERE doc = ?", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, rowid);
          if (_dossier_library_step_row (self, stmt, &have_row, error) && have_row)
            note = g_strdup (_dossier_library_column_text (stmt, 0));
        }
    }
  _dossier_library_end_read (self);
  return note;
}

/* --- search filters ---------------------------------------------------- */

/* Takes `tag:NAME` and `collection:NAME` (NAME a word, or "in quotes")
 * out of what the user typed: @words gets the rest. A filter given twice
 * keeps the last; one without a name is dropped. */
void
_dossier_library_split_filters (const char  *text,
                                char       **words,
                                char       **tag,
                                char       **collection)
{
  static const struct { const char *key; gsize length; } keys[] = {
    { "tag:", 4 },
    { "collection:", 11 },
  };
  g_autoptr(GString) rest = g_string_new (NULL);
  const char *p = text ? text : "";

  *words = NULL;
  *tag = NULL;
  *collection = NULL;

  while (*p != '\0')
    {
      gboolean at_word_start = p == text || g_ascii_isspace (p[-1]);
      gboolean matched = FALSE;

      for (guint k = 0; at_word_start && k < G_N_ELEMENTS (keys) && !matched; k++)
        {
          const char *value, *end;
          char **target = k == 0 ? tag : collection;

          if (g_ascii_strncasecmp (p, keys[k].key, keys[k].length) != 0)
            continue;
          value = p + keys[k].length;
          if (*value == '"')
            {
              value++;
              end = strchr (value, '"');
              if (end == NULL)
                end = value + strlen (value);
            }
          else
            {
              end = value;
              while (*end != '\0' && !g_ascii_isspace (*end))
                end++;
            }
          /* "tag:" alone is a filter still being typed: nothing yet. */
          if (end > value)
            {
              g_free (*target);
              *target = g_strstrip (g_strndup (value, end - value));
            }
          p = *end == '"' ? end + 1 : end;
          matched = TRUE;
        }
      if (!matched)
        g_string_append_c (rest, *p++);
    }
  *words = g_string_free (g_steal_pointer (&rest), FALSE);
}
