/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/dossier-document.h"
#include "dossier-highlight.h"
#include "dossier-search-result.h"
#include "dossier-trash-item.h"

G_BEGIN_DECLS

#define DOSSIER_LIBRARY_ERROR (dossier_library_error_quark ())

/**
 * DossierLibraryError:
 * @DOSSIER_LIBRARY_ERROR_CORRUPT: not a Dossier library, or damaged; the file is kept untouched
 * @DOSSIER_LIBRARY_ERROR_TOO_NEW: the schema is newer than this build understands
 * @DOSSIER_LIBRARY_ERROR_DUPLICATE: same normalised text or same source URL as a stored
 *   document; the message names the existing title
 * @DOSSIER_LIBRARY_ERROR_NOT_FOUND: no document or highlight with that id
 * @DOSSIER_LIBRARY_ERROR_FAILED: I/O error, disk full…; the message says which
 * @DOSSIER_LIBRARY_ERROR_READ_ONLY: a change to a library that was opened
 *   read-only (or could only be opened so: a read-only file or folder)
 */
typedef enum {
  DOSSIER_LIBRARY_ERROR_CORRUPT,
  DOSSIER_LIBRARY_ERROR_TOO_NEW,
  DOSSIER_LIBRARY_ERROR_DUPLICATE,
  DOSSIER_LIBRARY_ERROR_NOT_FOUND,
  DOSSIER_LIBRARY_ERROR_FAILED,
  DOSSIER_LIBRARY_ERROR_READ_ONLY,
} DossierLibraryError;

/**
 * DossierLibraryOpenFlags:
 * @DOSSIER_LIBRARY_OPEN_DEFAULT: read and write; create the library when
 *   missing, bring an older one up to date. A library whose file or folder
 *   cannot be written is opened read-only instead.
 * @DOSSIER_LIBRARY_OPEN_READ_ONLY: never write anything (no creation, no
 *   update, no clean-up): for commands that only read
 * @DOSSIER_LIBRARY_OPEN_LAZY: do not read the list of documents at open;
 *   it is read the first time something needs it. Searching, loading or
 *   exporting one document and dossier_library_foreach_document() never
 *   need it: for commands that print a few documents, so they do not pay
 *   for building all of them (10,000 documents with their authors); a
 *   lazy read-only library keeps a smaller page cache too
 *
 * How dossier_library_open_with_flags() opens a library.
 */
typedef enum {
  DOSSIER_LIBRARY_OPEN_DEFAULT   = 0,
  DOSSIER_LIBRARY_OPEN_READ_ONLY = 1 << 0,
  DOSSIER_LIBRARY_OPEN_LAZY      = 1 << 1,
} DossierLibraryOpenFlags;

/**
 * DossierLibraryForeachFunc:
 * @document: a lightweight document (metadata and authors), valid only
 *   during the call
 * @user_data: the data given to dossier_library_foreach_document()
 *
 * Returns: %TRUE to go on, %FALSE to stop
 */
typedef gboolean (*DossierLibraryForeachFunc) (DossierDocument *document,
                                               gpointer         user_data);

/**
 * DossierLibraryQuery:
 * @text: FTS words as the user typed them (may be %NULL or empty: filters only)
 * @author: only documents with an author whose name contains this (case-insensitive), or %NULL
 * @publisher: only documents whose publisher contains this (case-insensitive), or %NULL
 * @published_from: "YYYY-MM-DD" lower bound (inclusive), or %NULL
 * @published_to: "YYYY-MM-DD" upper bound (inclusive), or %NULL
 * @limit: at most this many results; 0 means a default of 100
 * @tag: only documents with this tag (without regard to ASCII case), or %NULL
 * @collection: only documents in the collection of this name, or %NULL
 *
 * A search with filters, for dossier_library_search_query(). @text may
 * hold the filters too, as `tag:NAME` and `collection:NAME` (NAME one
 * word or "in quotes"); @tag and @collection, when set, win over them.
 */
typedef struct {
  const char *text;
  const char *author;
  const char *publisher;
  const char *published_from;
  const char *published_to;
  guint       limit;
  const char *tag;
  const char *collection;
} DossierLibraryQuery;

/* Highlight markers in search snippets (private-use code points). */
#define DOSSIER_SNIPPET_MARK_START "\xee\x80\x80"  /* U+E000 */
#define DOSSIER_SNIPPET_MARK_END   "\xee\x80\x81"  /* U+E001 */

/* The schema version this build writes (PRAGMA user_version). */
#define DOSSIER_LIBRARY_SCHEMA_VERSION 7

/* Days a removed document stays in the Trash before it is deleted for good. */
#define DOSSIER_LIBRARY_TRASH_DAYS 30

#define DOSSIER_TYPE_LIBRARY (dossier_library_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibrary, dossier_library, DOSSIER, LIBRARY, GObject)

GQuark           dossier_library_error_quark          (void);

char            *dossier_library_dup_default_path     (void);
DossierLibrary  *dossier_library_open                 (const char       *path,
                                                       GError          **error);
DossierLibrary  *dossier_library_open_with_flags      (const char       *path,
                                                       DossierLibraryOpenFlags flags,
                                                       GError          **error);
void             dossier_library_open_async           (const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
DossierLibrary  *dossier_library_open_finish          (GAsyncResult     *result,
                                                       GError          **error);
DossierLibrary  *dossier_library_open_fresh_beside    (const char       *path,
                                                       char            **moved_to,
                                                       GError          **error);
const char      *dossier_library_get_path             (DossierLibrary   *self);
gboolean         dossier_library_is_read_only         (DossierLibrary   *self);

GListModel      *dossier_library_get_documents        (DossierLibrary   *self);
gboolean         dossier_library_foreach_document     (DossierLibrary   *self,
                                                       DossierLibraryForeachFunc func,
                                                       gpointer          user_data,
                                                       GError          **error);
DossierDocument *dossier_library_get_document         (DossierLibrary   *self,
                                                       const char       *id);
char            *dossier_library_resolve_id           (DossierLibrary   *self,
                                                       const char       *prefix,
                                                       GError          **error);
gboolean         dossier_library_refresh              (DossierLibrary   *self,
                                                       GError          **error);

char            *dossier_library_add                  (DossierLibrary   *self,
                                                       DossierDocument  *document,
                                                       GError          **error);
DossierDocument *dossier_library_load                 (DossierLibrary   *self,
                                                       const char       *id,
                                                       GError          **error);
char            *dossier_library_dup_json             (DossierLibrary   *self,
                                                       const char       *id,
                                                       gsize            *length,
                                                       GError          **error);
gboolean         dossier_library_update_metadata      (DossierLibrary   *self,
                                                       DossierDocument  *document,
                                                       GError          **error);
gboolean         dossier_library_update_details       (DossierLibrary   *self,
                                                       DossierDocument  *document,
                                                       GError          **error);
gboolean         dossier_library_remove               (DossierLibrary   *self,
                                                       const char       *id,
                                                       GError          **error);
GListModel      *dossier_library_get_trash            (DossierLibrary   *self);
char            *dossier_library_resolve_trashed_id   (DossierLibrary   *self,
                                                       const char       *prefix,
                                                       GError          **error);
gboolean         dossier_library_restore              (DossierLibrary   *self,
                                                       const char       *id,
                                                       GError          **error);
gboolean         dossier_library_empty_trash          (DossierLibrary   *self,
                                                       guint            *n_removed,
                                                       GError          **error);
gboolean         dossier_library_begin_batch          (DossierLibrary   *self,
                                                       GError          **error);
gboolean         dossier_library_end_batch            (DossierLibrary   *self,
                                                       GError          **error);
DossierDocument *dossier_library_find_by_source_url   (DossierLibrary   *self,
                                                       const char       *url,
                                                       GError          **error);
DossierDocument *dossier_library_find_by_title        (DossierLibrary   *self,
                                                       const char       *title,
                                                       const char       *author_name,
                                                       GError          **error);
GListModel      *dossier_library_find_by_author       (DossierLibrary   *self,
                                                       const char       *author_name,
                                                       GError          **error);
GListModel      *dossier_library_find_citing_url      (DossierLibrary   *self,
                                                       const char       *url,
                                                       GError          **error);

GListModel      *dossier_library_search               (DossierLibrary   *self,
                                                       const char       *query,
                                                       guint             limit,
                                                       GError          **error);
GListModel      *dossier_library_search_query         (DossierLibrary   *self,
                                                       const DossierLibraryQuery *query,
                                                       GError          **error);

GListModel      *dossier_library_list_highlights      (DossierLibrary   *self,
                                                       const char       *document_id,
                                                       GError          **error);
gint64           dossier_library_add_highlight        (DossierLibrary   *self,
                                                       const char       *document_id,
                                                       guint             paragraph,
                                                       guint             start,
                                                       guint             end,
                                                       const char       *text,
                                                       GError          **error);
gboolean         dossier_library_set_highlight_note   (DossierLibrary   *self,
                                                       gint64            highlight_id,
                                                       const char       *note,
                                                       GError          **error);
gboolean         dossier_library_remove_highlight     (DossierLibrary   *self,
                                                       gint64            highlight_id,
                                                       GError          **error);

gboolean         dossier_library_set_reading_position (DossierLibrary   *self,
                                                       const char       *document_id,
                                                       guint             paragraph,
                                                       GError          **error);
guint            dossier_library_get_reading_position (DossierLibrary   *self,
                                                       const char       *document_id);
gboolean         dossier_library_set_read             (DossierLibrary   *self,
                                                       const char       *document_id,
                                                       gboolean          read,
                                                       GError          **error);
gboolean         dossier_library_get_read             (DossierLibrary   *self,
                                                       const char       *document_id);
GListModel      *dossier_library_list_unread          (DossierLibrary   *self,
                                                       GError          **error);
GListModel      *dossier_library_list_added_since     (DossierLibrary   *self,
                                                       gint64            since,
                                                       GError          **error);

G_END_DECLS
