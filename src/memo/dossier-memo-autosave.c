/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/dossier-file-save.h"
#include "dossier-memo-autosave.h"
#include "dossier-memo-json.h"

/**
 * DossierMemoAutosave:
 *
 * Keeps a recovery copy of a memo being edited so no work is lost: a few
 * seconds after each change the memo is written (atomically, without
 * blocking) to `<recovery dir>/<id>.dossier-memo`, with the path of the
 * memo's own file beside it in `<id>.origin`. A clean save calls
 * dossier_memo_autosave_mark_saved(), which removes the copy; quitting
 * calls dossier_memo_autosave_flush(). After a crash,
 * dossier_memo_autosave_list_recoverable() finds what is left.
 */
struct _DossierMemoAutosave
{
  GObject parent_instance;

  DossierMemo *memo;
  GFile *file;
  GFile *recovery;
  GFile *origin;
  GCancellable *cancellable;
  guint delay_ms;
  guint timeout;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (DossierMemoAutosave, dossier_memo_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMO,
  PROP_FILE,
  PROP_RECOVERY_FILE,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * dossier_memo_autosave_dup_default_dir:
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/dossier/recovery`
 *   (`~/.local/state/…`; GLib 2.74 has no g_get_user_state_dir(), so the
 *   variable is read here)
 */
char *
dossier_memo_autosave_dup_default_dir (void)
{
  const char *state = g_getenv ("XDG_STATE_HOME");

  if (state != NULL && g_path_is_absolute (state))
    return g_build_filename (state, "dossier", "recovery", NULL);

  return g_build_filename (g_get_home_dir (), ".local", "state", "dossier", "recovery", NULL);
}

static void
set_dirty (DossierMemoAutosave *self,
           gboolean             dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
write_origin (DossierMemoAutosave *self)
{
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");
  g_autoptr(GError) error = NULL;

  if (!dossier_file_save_contents (self->origin, uri, strlen (uri), NULL, &error))
    g_warning ("Could not record where the memo belongs: %s", error->message);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A failed recovery copy is retried at the next change; say why in the log. */
  if (!dossier_memo_save_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the recovery copy: %s", error->message);
}

static void
ensure_dir (DossierMemoAutosave *self)
{
  g_autoptr(GFile) dir = g_file_get_parent (self->recovery);
  g_autofree char *path = g_file_get_path (dir);

  if (path != NULL)
    g_mkdir_with_parents (path, 0700);
}

static gboolean
timeout_cb (gpointer data)
{
  DossierMemoAutosave *self = data;

  self->timeout = 0;
  ensure_dir (self);
  write_origin (self);
  dossier_memo_save_async (self->memo, self->recovery, self->cancellable, saved_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
memo_changed_cb (DossierMemoAutosave *self)
{
  set_dirty (self, TRUE);

  if (self->timeout == 0)
    self->timeout = g_timeout_add (self->delay_ms, timeout_cb, self);
}

static void
dossier_memo_autosave_dispose (GObject *object)
{
  DossierMemoAutosave *self = (DossierMemoAutosave *)object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->memo != NULL)
    g_signal_handlers_disconnect_by_data (self->memo, self);

  G_OBJECT_CLASS (dossier_memo_autosave_parent_class)->dispose (object);
}

static void
dossier_memo_autosave_finalize (GObject *object)
{
  DossierMemoAutosave *self = (DossierMemoAutosave *)object;

  g_clear_object (&self->memo);
  g_clear_object (&self->file);
  g_clear_object (&self->recovery);
  g_clear_object (&self->origin);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (dossier_memo_autosave_parent_class)->finalize (object);
}

static void
dossier_memo_autosave_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierMemoAutosave *self = DOSSIER_MEMO_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      g_value_set_object (value, self->memo);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_RECOVERY_FILE:
      g_value_set_object (value, self->recovery);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_autosave_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierMemoAutosave *self = DOSSIER_MEMO_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      dossier_memo_autosave_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_autosave_class_init (DossierMemoAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_memo_autosave_dispose;
  object_class->finalize = dossier_memo_autosave_finalize;
  object_class->get_property = dossier_memo_autosave_get_property;
  object_class->set_property = dossier_memo_autosave_set_property;

  properties[PROP_MEMO] = g_param_spec_object ("memo", NULL, NULL, DOSSIER_TYPE_MEMO,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOVERY_FILE] = g_param_spec_object ("recovery-file", NULL, NULL, G_TYPE_FILE,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_memo_autosave_init (DossierMemoAutosave *self)
{
  self->cancellable = g_cancellable_new ();
  self->delay_ms = DOSSIER_MEMO_AUTOSAVE_DELAY_MS;
}

/**
 * dossier_memo_autosave_new:
 * @memo: the memo being edited
 * @file: (nullable): where the memo itself is saved, %NULL while untitled
 * @recovery_dir: (nullable): where recovery copies go; %NULL for
 *   dossier_memo_autosave_dup_default_dir()
 *
 * Returns: (transfer full): the autosaver, watching @memo from now on
 */
DossierMemoAutosave *
dossier_memo_autosave_new (DossierMemo *memo,
                           GFile       *file,
                           const char  *recovery_dir)
{
  DossierMemoAutosave *self;
  g_autofree char *dir = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = NULL;
  g_autofree char *origin_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  dir = recovery_dir ? g_strdup (recovery_dir) : dossier_memo_autosave_dup_default_dir ();
  name = g_strconcat (uuid, ".dossier-memo", NULL);
  origin_name = g_strconcat (uuid, ".origin", NULL);
  path = g_build_filename (dir, name, NULL);
  origin_path = g_build_filename (dir, origin_name, NULL);

  self = g_object_new (DOSSIER_TYPE_MEMO_AUTOSAVE, NULL);
  self->memo = g_object_ref (memo);
  self->file = file ? g_object_ref (file) : NULL;
  self->recovery = g_file_new_for_path (path);
  self->origin = g_file_new_for_path (origin_path);

  g_signal_connect_swapped (memo, "changed", G_CALLBACK (memo_changed_cb), self);

  return self;
}

/**
 * dossier_memo_autosave_get_memo:
 *
 * Returns: (transfer none): the memo
 */
DossierMemo *
dossier_memo_autosave_get_memo (DossierMemoAutosave *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self), NULL);
  return self->memo;
}

/**
 * dossier_memo_autosave_get_file:
 *
 * Returns: (transfer none) (nullable): the memo's own file
 */
GFile *
dossier_memo_autosave_get_file (DossierMemoAutosave *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self), NULL);
  return self->file;
}

/**
 * dossier_memo_autosave_set_file:
 * @file: (nullable): the memo's file after "Save As"
 */
void
dossier_memo_autosave_set_file (DossierMemoAutosave *self,
                                GFile               *file)
{
  g_return_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * dossier_memo_autosave_get_recovery_file:
 *
 * Returns: (transfer none): where the recovery copy is written
 */
GFile *
dossier_memo_autosave_get_recovery_file (DossierMemoAutosave *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self), NULL);
  return self->recovery;
}

/**
 * dossier_memo_autosave_get_dirty:
 *
 * Returns: whether the memo changed since it was last saved to its file
 */
gboolean
dossier_memo_autosave_get_dirty (DossierMemoAutosave *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self), FALSE);
  return self->dirty;
}

/**
 * dossier_memo_autosave_set_delay:
 * @delay_ms: how long after a change the copy is written
 */
void
dossier_memo_autosave_set_delay (DossierMemoAutosave *self,
                                 guint                delay_ms)
{
  g_return_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self));
  self->delay_ms = MAX (delay_ms, 1);
}

/**
 * dossier_memo_autosave_flush:
 *
 * Writes the recovery copy now, synchronously, if there are unsaved
 * changes: for quitting.
 */
gboolean
dossier_memo_autosave_flush (DossierMemoAutosave  *self,
                             GError              **error)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!self->dirty)
    return TRUE;

  ensure_dir (self);
  write_origin (self);
  return dossier_memo_save_file (self->memo, self->recovery, NULL, error);
}

static void
delete_quietly (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove %s: %s", g_file_peek_path (file), error->message);
}

/**
 * dossier_memo_autosave_discard:
 *
 * Removes the recovery copy (and cancels a pending one).
 */
void
dossier_memo_autosave_discard (DossierMemoAutosave *self)
{
  g_return_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  delete_quietly (self->recovery);
  delete_quietly (self->origin);
}

/**
 * dossier_memo_autosave_mark_saved:
 *
 * The memo was saved to its file: it is clean, and the recovery copy goes.
 */
void
dossier_memo_autosave_mark_saved (DossierMemoAutosave *self)
{
  g_return_if_fail (DOSSIER_IS_MEMO_AUTOSAVE (self));

  dossier_memo_autosave_discard (self);
  set_dirty (self, FALSE);
}

/**
 * dossier_memo_autosave_dup_original:
 * @recovery_file: a recovery copy
 *
 * Returns: (transfer full) (nullable): the file the memo was being saved
 *   to, or %NULL for a memo never saved
 */
GFile *
dossier_memo_autosave_dup_original (GFile *recovery_file)
{
  g_autofree char *path = g_file_get_path (recovery_file);
  g_autofree char *origin = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (recovery_file), NULL);

  if (path == NULL || !g_str_has_suffix (path, ".dossier-memo"))
    return NULL;

  path[strlen (path) - strlen (".dossier-memo")] = '\0';
  origin = g_strconcat (path, ".origin", NULL);
  if (!g_file_get_contents (origin, &uri, NULL, NULL) || *uri == '\0')
    return NULL;

  return g_file_new_for_uri (g_strstrip (uri));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GFileInfo *info_a = g_object_get_data (*(GObject **)a, "dossier-info");
  GFileInfo *info_b = g_object_get_data (*(GObject **)b, "dossier-info");
  guint64 time_a = g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint64 time_b = g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return time_a < time_b ? 1 : time_a > time_b ? -1 : 0;
}

/**
 * dossier_memo_autosave_list_recoverable:
 * @recovery_dir: (nullable): the recovery directory; %NULL for the default
 *
 * Lists recovery copies left behind (by a crash: clean sessions remove
 * theirs), newest first. Restore one with dossier_memo_load_file() and
 * dossier_memo_autosave_dup_original(); remove it with g_file_delete()
 * once restored or declined.
 *
 * Returns: (transfer full) (element-type GFile): the copies; empty when
 *   there are none
 */
GPtrArray *
dossier_memo_autosave_list_recoverable (const char  *recovery_dir,
                                        GError     **error)
{
  g_autofree char *dir_path = recovery_dir ? g_strdup (recovery_dir) : dossier_memo_autosave_dup_default_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&found);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while (TRUE)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      if (g_str_has_suffix (g_file_info_get_name (info), ".dossier-memo"))
        {
          g_object_set_data_full (G_OBJECT (child), "dossier-info", g_object_ref (info), g_object_unref);
          g_ptr_array_add (found, g_object_ref (child));
        }
    }

  g_ptr_array_sort (found, compare_newest_first);
  for (guint i = 0; i < found->len; i++)
    g_object_set_data (g_ptr_array_index (found, i), "dossier-info", NULL);

  return g_steal_pointer (&found);
}
