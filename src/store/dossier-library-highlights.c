/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/dossier-limits.h"
#include "dossier-library-private.h"

/*
 * A DossierLibrary's highlights, reading positions and read state.
 */

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

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    {
      _dossier_library_set_not_found (error, document_id);
      return NULL;
    }

  stmt = _dossier_library_prepare (self,
                                   "SELECT highlight, paragraph, start, end, text, note FROM highlights"
                                   " WHERE document = ? ORDER BY paragraph, start, highlight", error);
  if (stmt == NULL)
    return NULL;
  _dossier_library_bind_text (stmt, 1, document_id);
  while ((ok = _dossier_library_step_row (self, stmt, &have_row, error)) && have_row)
    {
      g_autoptr(DossierHighlight) highlight = NULL;

      /* Another program's library may hold anything: measured before a copy. */
      if (sqlite3_column_bytes (stmt, 4) > DOSSIER_LIMIT_HIGHLIGHT ||
          sqlite3_column_bytes (stmt, 5) > DOSSIER_LIMIT_HIGHLIGHT_NOTE)
        {
          gboolean is_text = sqlite3_column_bytes (stmt, 4) > DOSSIER_LIMIT_HIGHLIGHT;
          g_autofree char *message = dossier_limit_dup_too_long (is_text ? _("highlight") : _("note"),
                                                                 sqlite3_column_bytes (stmt, is_text ? 4 : 5),
                                                                 is_text ? DOSSIER_LIMIT_HIGHLIGHT
                                                                         : DOSSIER_LIMIT_HIGHLIGHT_NOTE);

          g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CORRUPT,
                       _("A stored highlight cannot be read: %s"), message);
          return NULL;
        }

      highlight = dossier_highlight_new (sqlite3_column_int64 (stmt, 0), document_id,
                                         CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT),
                                         CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT),
                                         CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT),
                                         _dossier_library_column_text (stmt, 4), _dossier_library_column_text (stmt, 5));
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

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    {
      _dossier_library_set_not_found (error, document_id);
      return 0;
    }
  if (end < start)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_FAILED,
                   _("A highlight cannot end before it starts"));
      return 0;
    }
  if (!dossier_limit_check_text (_("highlight"), text, DOSSIER_LIMIT_HIGHLIGHT, error))
    return 0;

  if (!_dossier_library_begin (self, error))
    return 0;

  stmt = _dossier_library_prepare (self,
                                   "INSERT INTO highlights (document, paragraph, start, end, text, created)"
                                   " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  _dossier_library_bind_text (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, paragraph);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  _dossier_library_bind_text (stmt, 5, text ?: "");
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!_dossier_library_commit (self, error))
    return 0;
  return id;

fail:
  _dossier_library_rollback (self);
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
  gint64 rowid = 0;

  if (!_dossier_library_begin (self, error))
    return FALSE;

  /* Highlight notes are searched with the document: its row is indexed
   * again after the change. */
  if (!_dossier_library_highlight_rowid (self, highlight_id, &rowid, error))
    goto fail;

  stmt = _dossier_library_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    _dossier_library_bind_text (stmt, 2, nonempty (note));
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The highlight no longer exists"));
      goto fail;
    }
  if (rowid != 0 && !_dossier_library_index_notes (self, rowid, error))
    goto fail;

  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
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

  if (!dossier_limit_check_text (_("note"), note, DOSSIER_LIMIT_HIGHLIGHT_NOTE, error))
    return FALSE;

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

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    {
      _dossier_library_set_not_found (error, document_id);
      return FALSE;
    }

  if (!_dossier_library_begin (self, error))
    return FALSE;

  stmt = _dossier_library_prepare (self,
                                   "INSERT INTO reading_positions (document, paragraph, updated) VALUES (?1, ?2, ?3)"
                                   " ON CONFLICT (document) DO UPDATE SET paragraph = ?2, updated = ?3"
                                   /* Unchanged: nothing to write (and nothing to sync). */
                                   " WHERE paragraph != ?2", error);
  if (stmt == NULL)
    goto fail;
  _dossier_library_bind_text (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, paragraph);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;

  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
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

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    return 0;

  stmt = _dossier_library_prepare (self, "SELECT paragraph FROM reading_positions WHERE document = ?", NULL);
  if (stmt == NULL)
    return 0;
  _dossier_library_bind_text (stmt, 1, document_id);
  if (!_dossier_library_step_row (self, stmt, &have_row, NULL) || !have_row)
    return 0;
  return CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
}

/* --- read and unread --------------------------------------------------- */

/**
 * dossier_library_set_read:
 * @document_id: a document outside the Trash
 * @read: %TRUE once the article has been opened; %FALSE to mark it unread
 * @error: return location for an error
 *
 * An article is read from the first time it is opened in the reader; the
 * time it was is kept (a second opening does not change it).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_library_set_read (DossierLibrary  *self,
                          const char      *document_id,
                          gboolean         read,
                          GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    {
      _dossier_library_set_not_found (error, document_id);
      return FALSE;
    }

  if (!_dossier_library_begin (self, error))
    return FALSE;

  /* Unchanged: nothing to write (and nothing to sync). */
  stmt = _dossier_library_prepare (self,
                                   read ? "UPDATE documents SET opened = ?2 WHERE doc = ?1 AND opened IS NULL"
                                        : "UPDATE documents SET opened = NULL WHERE doc = ?1 AND opened IS NOT NULL",
                                   error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (read)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!_dossier_library_step_done (self, stmt, error))
    goto fail;

  return _dossier_library_commit (self, error);

fail:
  _dossier_library_rollback (self);
  return FALSE;
}

/**
 * dossier_library_get_read:
 * @document_id: a document id
 *
 * Returns: whether the article has been opened (and not marked unread
 *   since); %FALSE for an unknown id
 */
gboolean
dossier_library_get_read (DossierLibrary *self,
                          const char     *document_id)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean have_row;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  if (_dossier_library_lookup_light (self, document_id, &rowid) == NULL)
    return FALSE;

  stmt = _dossier_library_prepare (self, "SELECT opened IS NOT NULL FROM documents WHERE doc = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!_dossier_library_step_row (self, stmt, &have_row, NULL) || !have_row)
    return FALSE;
  return sqlite3_column_int64 (stmt, 0) != 0;
}

static GListModel *
list_where (DossierLibrary  *self,
            const char      *sql,
            gint64           value,
            GError         **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  GListModel *documents = NULL;

  if (!_dossier_library_begin_read (self, error))
    return NULL;
  stmt = _dossier_library_prepare (self, sql, error);
  if (stmt != NULL)
    {
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, value);
      documents = _dossier_library_collect_light_rows (self, stmt, error);
    }
  _dossier_library_end_read (self);
  return documents;
}

/**
 * dossier_library_list_unread:
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new #GListModel of the documents
 *   outside the Trash never opened (or marked unread), newest first
 */
GListModel *
dossier_library_list_unread (DossierLibrary  *self,
                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return list_where (self,
                     "SELECT doc FROM documents WHERE opened IS NULL AND trashed IS NULL"
                     " ORDER BY added DESC, doc DESC",
                     0, error);
}

/**
 * dossier_library_list_added_since:
 * @since: a time, in seconds since the epoch
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new #GListModel of the documents
 *   outside the Trash added to the library at @since or later, newest first
 */
GListModel *
dossier_library_list_added_since (DossierLibrary  *self,
                                  gint64           since,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return list_where (self,
                     "SELECT doc FROM documents WHERE added >= ?1 AND trashed IS NULL"
                     " ORDER BY added DESC, doc DESC",
                     since, error);
}
