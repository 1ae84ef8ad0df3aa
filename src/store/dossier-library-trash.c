/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-library-private.h"

/*
 * The Trash of a DossierLibrary. A removed document keeps all its rows,
 * with its highlights, notes and reading position, and is only marked
 * (documents.trashed, when it was removed) and taken out of the search
 * index, the list and every lookup. Restoring it clears the mark and
 * indexes it again; emptying the Trash, or DOSSIER_LIBRARY_TRASH_DAYS
 * passing (checked when the library is opened), deletes it for good.
 */

#define SECONDS_PER_DAY (24 * 60 * 60)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- the list of trashed documents ------------------------------------- */

static gboolean
find_trash_item (DossierLibrary *self,
                 const char     *id,
                 guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->trash));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTrashItem) item = g_list_model_get_item (G_LIST_MODEL (self->trash), i);

      if (g_strcmp0 (dossier_document_get_id (dossier_trash_item_get_document (item)), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads the Trash (metadata and authors of the trashed documents, most
 * recently removed first) into self->trash, in one read transaction. */
gboolean
_dossier_library_load_trash (DossierLibrary  *self,
                             GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_rowid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(DossierStmt) docs = NULL;
  g_autoptr(DossierStmt) authors = NULL;
  gboolean have_row, ok = TRUE;

  if (!_dossier_library_begin_read (self, error))
    return FALSE;

  docs = _dossier_library_prepare (self,
                                   "SELECT doc, " DOSSIER_LIBRARY_META_COLUMNS ", trashed"
                                   " FROM documents WHERE trashed IS NOT NULL ORDER BY trashed DESC, doc DESC",
                                   error);
  if (docs == NULL)
    goto out;
  while ((ok = _dossier_library_step_row (self, docs, &have_row, error)) && have_row)
    {
      g_autoptr(DossierDocument) document = dossier_document_new ();
      gint64 *rowid = g_new (gint64, 1);

      _dossier_library_fill_metadata (document, docs, 1);
      *rowid = sqlite3_column_int64 (docs, 0);
      g_hash_table_insert (by_rowid, rowid, document);
      g_ptr_array_add (items, dossier_trash_item_new (document, sqlite3_column_int64 (docs, 1 + DOSSIER_LIBRARY_N_META_COLUMNS)));
    }
  g_clear_pointer (&docs, stmt_reset);
  if (!ok)
    goto out;

  if (items->len > 0)
    {
      authors = _dossier_library_prepare (self,
                                          "SELECT doc, " DOSSIER_LIBRARY_AUTHOR_COLUMNS " FROM document_authors"
                                          " WHERE doc IN (SELECT doc FROM documents WHERE trashed IS NOT NULL)"
                                          " ORDER BY doc, ord", error);
      if (authors == NULL)
        {
          ok = FALSE;
          goto out;
        }
      while ((ok = _dossier_library_step_row (self, authors, &have_row, error)) && have_row)
        {
          gint64 rowid = sqlite3_column_int64 (authors, 0);
          DossierDocument *document = g_hash_table_lookup (by_rowid, &rowid);
          g_autoptr(DossierAuthor) author = NULL;

          if (document == NULL)
            continue;
          author = _dossier_library_author_from_row (authors, 1);
          dossier_document_add_author (document, author);
        }
      g_clear_pointer (&authors, stmt_reset);
    }

out:
  if (docs != NULL)
    g_clear_pointer (&docs, stmt_reset);
  _dossier_library_end_read (self);
  if (!ok || (error != NULL && *error != NULL))
    return FALSE;

  g_list_store_splice (self->trash, 0, g_list_model_get_n_items (G_LIST_MODEL (self->trash)),
                       items->pdata, items->len);
  return TRUE;
}

/**
 * dossier_library_get_trash:
 *
 * The documents in the Trash, most recently removed first, as
 * #DossierTrashItem (a lightweight document and when it was removed). The
 * model is kept up to date by remove, restore, emptying and
 * dossier_library_refresh().
 *
 * Returns: (transfer none): a #GListModel of #DossierTrashItem
 */
GListModel *
dossier_library_get_trash (DossierLibrary *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (!_dossier_library_ensure_list (self, &error))
    g_warning ("Could not read the Trash: %s", error->message);
  return G_LIST_MODEL (self->trash);
}

/* --- moving to the Trash and back -------------------------------------- */

/**
 * dossier_library_remove:
 * @id: a document id
 * @error: return location for an error
 *
 * Moves the document to the Trash: it leaves the documents list, the
 * search and every lookup, and keeps everything else (its text,
 * highlights, notes and reading position) until the Trash is emptied or
 * DOSSIER_LIBRARY_TRASH_DAYS have passed. dossier_library_restore() brings
 * it back.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_remove (DossierLibrary  *self,
                        const char      *id,
                        GError         **error)
{
  g_autoptr(DossierDocument) light = NULL;
  g_autoptr(DossierStmt) mark = NULL;
  g_autoptr(DossierStmt) unindex = NULL;
  gint64 rowid, now = now_seconds ();
  guint position;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (_dossier_library_lookup_light (self, id, &rowid) == NULL)
    {
      _dossier_library_set_not_found (error, id);
      return FALSE;
    }
  light = g_object_ref (_dossier_library_lookup_light (self, id, NULL));

  if (!_dossier_library_begin (self, error))
    return FALSE;

  mark = _dossier_library_prepare (self, "UPDATE documents SET trashed = ? WHERE doc = ?", error);
  if (mark == NULL)
    goto fail;
  sqlite3_bind_int64 (mark, 1, now);
  sqlite3_bind_int64 (mark, 2, rowid);
  if (!_dossier_library_step_done (self, mark, error))
    goto fail;

  /* Out of the index: searching never meets it, and FTS5 can stop after
   * `limit` rows without filtering. */
  unindex = _dossier_library_prepare (self, "DELETE FROM search WHERE rowid = ?", error);
  if (unindex == NULL)
    goto fail;
  sqlite3_bind_int64 (unindex, 1, rowid);
  if (!_dossier_library_step_done (self, unindex, error))
    goto fail;

  if (!_dossier_library_commit (self, error))
    return FALSE;

  g_hash_table_remove (self->by_rowid, &rowid);
  g_hash_table_remove (self->rowid_by_id, id);
  if (_dossier_library_find_position (self, light, &position))
    g_list_store_remove (self->documents, position);
  {
    g_autoptr(DossierTrashItem) item = dossier_trash_item_new (light, now);

    g_list_store_insert (self->trash, 0, item);
  }
  return TRUE;

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_restore:
 * @id: the id of a document in the Trash
 * @error: return location for an error
 *
 * Takes the document out of the Trash, with its highlights, notes and
 * reading position; it is searchable again and back in the documents list
 * where it was (the list is in the order of adding).
 *
 * Returns: %TRUE on success; %DOSSIER_LIBRARY_ERROR_NOT_FOUND when no
 *   document with @id is in the Trash
 */
gboolean
dossier_library_restore (DossierLibrary  *self,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(DossierStmt) find = NULL;
  g_autoptr(DossierStmt) unmark = NULL;
  g_autoptr(DossierDocument) full = NULL;
  g_autoptr(DossierDocument) light = NULL;
  GListModel *documents = G_LIST_MODEL (self->documents);
  gboolean have_row;
  gint64 rowid;
  guint position, n;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* The restored document goes back into the list where it was. */
  if (!_dossier_library_ensure_list (self, error) || !_dossier_library_begin (self, error))
    return FALSE;

  find = _dossier_library_prepare (self, "SELECT doc FROM documents WHERE id = ? AND trashed IS NOT NULL", error);
  if (find == NULL)
    goto fail;
  _dossier_library_bind_text (find, 1, id);
  if (!_dossier_library_step_row (self, find, &have_row, error))
    goto fail;
  if (!have_row)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("No document with the id %s in the Trash"), id);
      goto fail;
    }
  rowid = sqlite3_column_int64 (find, 0);
  g_clear_pointer (&find, stmt_reset);

  unmark = _dossier_library_prepare (self, "UPDATE documents SET trashed = NULL WHERE doc = ?", error);
  if (unmark == NULL)
    goto fail;
  sqlite3_bind_int64 (unmark, 1, rowid);
  if (!_dossier_library_step_done (self, unmark, error))
    goto fail;

  /* Indexed again from what is stored, as when it was added. */
  full = _dossier_library_load_rowid (self, rowid, error);
  if (full == NULL || !_dossier_library_store_search_row (self, rowid, full, FALSE, error))
    goto fail;

  if (!_dossier_library_commit (self, error))
    return FALSE;

  light = _dossier_library_make_light_copy (full, id);
  _dossier_library_index_document (self, rowid, light);
  /* Newest added first: before the first document added before it. */
  n = g_list_model_get_n_items (documents);
  for (position = 0; position < n; position++)
    {
      g_autoptr(DossierDocument) other = g_list_model_get_item (documents, position);
      gint64 other_rowid;

      if (_dossier_library_lookup_light (self, dossier_document_get_id (other), &other_rowid) != NULL &&
          other_rowid < rowid)
        break;
    }
  g_list_store_insert (self->documents, position, light);

  if (find_trash_item (self, id, &position))
    g_list_store_remove (self->trash, position);
  return TRUE;

fail:
  if (find != NULL)
    g_clear_pointer (&find, stmt_reset);
  _dossier_library_rollback (self);
  return FALSE;
}

/* Deletes for good the documents removed at or before @before (seconds
 * since the epoch), with their highlights and reading positions, inside
 * the caller's transaction. */
static gboolean
purge (DossierLibrary  *self,
       gint64           before,
       guint           *n_purged,
       GError         **error)
{
  g_autoptr(DossierStmt) marks = NULL;
  g_autoptr(DossierStmt) positions = NULL;
  g_autoptr(DossierStmt) docs = NULL;
  g_autoptr(DossierStmt) collections = NULL;

  marks = _dossier_library_prepare (self,
                                    "DELETE FROM highlights WHERE document IN"
                                    " (SELECT id FROM documents WHERE trashed IS NOT NULL AND trashed <= ?)", error);
  if (marks == NULL)
    return FALSE;
  sqlite3_bind_int64 (marks, 1, before);
  if (!_dossier_library_step_done (self, marks, error))
    return FALSE;

  positions = _dossier_library_prepare (self,
                                        "DELETE FROM reading_positions WHERE document IN"
                                        " (SELECT id FROM documents WHERE trashed IS NOT NULL AND trashed <= ?)", error);
  if (positions == NULL)
    return FALSE;
  sqlite3_bind_int64 (positions, 1, before);
  if (!_dossier_library_step_done (self, positions, error))
    return FALSE;

  /* Paragraphs, footnotes and authorships go with the rows (ON DELETE
   * CASCADE); the search rows went when they were trashed. */
  docs = _dossier_library_prepare (self, "DELETE FROM documents WHERE trashed IS NOT NULL AND trashed <= ?", error);
  if (docs == NULL)
    return FALSE;
  sqlite3_bind_int64 (docs, 1, before);
  if (!_dossier_library_step_done (self, docs, error))
    return FALSE;
  if (n_purged != NULL)
    *n_purged = (guint) MIN (sqlite3_changes64 (self->db), G_MAXUINT);

  /* Collections in the Trash go with the same deadline (their articles
   * stay in the library). */
  collections = _dossier_library_prepare (self, "DELETE FROM collections WHERE trashed IS NOT NULL AND trashed <= ?",
                                          error);
  if (collections == NULL)
    return FALSE;
  sqlite3_bind_int64 (collections, 1, before);
  if (!_dossier_library_step_done (self, collections, error))
    return FALSE;

  return _dossier_library_exec (self,
                                "DELETE FROM authors WHERE NOT EXISTS"
                                " (SELECT 1 FROM document_authors da WHERE da.author = authors.author)",
                                error);
}

/**
 * dossier_library_empty_trash:
 * @n_removed: (out) (optional): how many documents were deleted
 * @error: return location for an error
 *
 * Deletes every document in the Trash for good, with its highlights,
 * notes and reading position, and every collection in the Trash.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_empty_trash (DossierLibrary  *self,
                             guint           *n_removed,
                             GError         **error)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  if (!_dossier_library_begin (self, error))
    return FALSE;
  if (!purge (self, G_MAXINT64, &n, error))
    {
      _dossier_library_rollback (self);
      return FALSE;
    }
  if (!_dossier_library_commit (self, error))
    return FALSE;

  g_list_store_remove_all (self->trash);
  if (n_removed != NULL)
    *n_removed = n;
  return TRUE;
}

/* --- tidying up at open ------------------------------------------------ */

/* Deletes what has been in the Trash for DOSSIER_LIBRARY_TRASH_DAYS. The
 * check is one lookup in a small index; the deletion is not worth waiting
 * for another program that is writing the library, so it is done only
 * when the write lock is free at once, and the next open tries again. */
gboolean
_dossier_library_tidy (DossierLibrary  *self,
                       GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 before = now_seconds () - (gint64) DOSSIER_LIBRARY_TRASH_DAYS * SECONDS_PER_DAY;
  gboolean have_row, ok;
  guint n = 0;

  stmt = _dossier_library_prepare (self,
                                   "SELECT 1 FROM documents WHERE trashed IS NOT NULL AND trashed <= ?1"
                                   " UNION ALL SELECT 1 FROM collections WHERE trashed IS NOT NULL AND trashed <= ?1"
                                   " LIMIT 1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before);
  ok = _dossier_library_step_row (self, stmt, &have_row, error);
  g_clear_pointer (&stmt, stmt_reset);
  if (!ok)
    return FALSE;
  if (!have_row)
    return TRUE;

  sqlite3_busy_timeout (self->db, 0);
  ok = _dossier_library_begin (self, &local_error);
  sqlite3_busy_timeout (self->db, 5000);
  if (!ok)
    {
      g_debug ("Not emptying the old part of the Trash of %s now: %s", self->shown, local_error->message);
      return TRUE;
    }

  if (!purge (self, before, &n, &local_error))
    {
      _dossier_library_rollback (self);
      g_debug ("Could not empty the old part of the Trash of %s: %s", self->shown, local_error->message);
      return TRUE;
    }
  if (!_dossier_library_commit (self, &local_error))
    g_debug ("Could not empty the old part of the Trash of %s: %s", self->shown, local_error->message);
  else
    g_debug ("Deleted %u documents that were in the Trash of %s for %d days", n, self->shown,
             DOSSIER_LIBRARY_TRASH_DAYS);
  return TRUE;
}
