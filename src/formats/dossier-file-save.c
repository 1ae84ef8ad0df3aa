/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-file-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dossier-file-save.h"

/**
 * DossierFileSave:
 *
 * Every file Dossier writes goes through here: memos, recovery copies,
 * comparisons, PDFs and the command line's `-o`. The bytes go to a
 * temporary file beside the target (`.NAME.1a2b3c4d.part`), which is
 * flushed to the disk and moved over the target only by
 * dossier_file_save_commit(), once every byte is written and the file
 * is closed without an error. Anything else (an error, a cancellation, a
 * save dropped without a commit) removes the temporary file and leaves
 * the target as it was.
 *
 * Not g_file_replace(): in GLib 2.74 closing its stream after a failed
 * write (or a cancelled one) still moves the partial file over the
 * target, so a memo saved on a full disk became 151 KB of broken JSON.
 *
 * Only a regular file or a new name is written. A symbolic link to a
 * regular file is written through, as text editors do: the file it
 * leads to is replaced, beside itself, and the link stays a link.
 * Devices, named pipes, sockets, folders and dangling links are refused;
 * a named pipe is never opened, so it cannot hang the save. A replaced
 * file keeps its permissions (and its owner, where the system allows).
 *
 * Write through the #GOutputStream API, then commit. Closing the stream
 * finishes the writing (and reports late errors: the flush to the disk)
 * but does not replace the target.
 */
struct _DossierFileSave
{
  GOutputStream parent_instance;

  GFile *file;          /* as the caller named it, for messages */
  char *target;         /* the path replaced: the file's, or where its link leads */
  char *folder;         /* the target's folder, where the temporary file is */
  char *temp;           /* the temporary file; NULL once moved or removed */
  int fd;
  GFile *target_file;   /* files without a path (GVfs): the same, through GIO */
  GFile *temp_file;
  GOutputStream *inner;
  GString *head;        /* the first bytes written, to recognise leftovers */
  gboolean exists;
  mode_t mode;
  uid_t uid;
  gid_t gid;
  GError *error;        /* the first write error: a commit fails with it */
  gboolean committed;
};

static void dossier_file_save_initable_init_iface (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierFileSave, dossier_file_save, G_TYPE_OUTPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      dossier_file_save_initable_init_iface))

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TEMP_SUFFIX ".part"
/* ".NAME." + 8 hex digits + ".part" must fit NAME_MAX (255 bytes). */
#define MAX_NAME_IN_TEMP 240
/* write() at most this much at once, so a cancellation is noticed soon. */
#define WRITE_CHUNK (1024 * 1024)
/* How much of the start of the file identifies its format. */
#define HEAD_SIZE 128
/* GLib's temporary files carry no lock; one untouched this long belongs
 * to no save under way. */
#define STALE_SECONDS (10 * 60)
/* A temporary file is created, then locked: not in between. */
#define FRESH_SECONDS 2
#define MAX_LINKS 40

/* Errors --------------------------------------------------------------- */

static void
set_reason (GError    **error,
            GFile      *file,
            int         code,
            const char *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* TRANSLATORS: %s is a file name, then why it cannot be written */
  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"), name, reason);
}

static int
code_from_errno (int errsv)
{
  /* GLib 2.74 has no code for these two. */
  if (errsv == EDQUOT)
    return G_IO_ERROR_NO_SPACE;
  return g_io_error_from_errno (errsv);
}

/* Why @file cannot be written, from an errno (@errsv) or a GIO error
 * (@gio_error), in words about its folder where it was the folder that
 * refused: GIO's own message would name the temporary file, which the
 * user never asked for. */
static void
set_io_error (GError       **error,
              GFile         *file,
              const char    *folder,
              int            errsv,
              const GError  *gio_error)
{
  g_autofree char *reason = NULL;
  int code;

  if (gio_error != NULL && g_error_matches (gio_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (gio_error));
      return;
    }

  if (gio_error != NULL)
    code = gio_error->domain == G_IO_ERROR ? gio_error->code : G_IO_ERROR_FAILED;
  else
    code = code_from_errno (errsv);

  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      /* Some file systems (/proc) say so of a folder that is there. */
      if (folder != NULL && !g_file_test (folder, G_FILE_TEST_IS_DIR))
        reason = g_strdup_printf (_("the folder %s does not exist"), folder);
      else if (folder != NULL)
        reason = g_strdup_printf (_("the folder %s cannot be written to"), folder);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      if (folder != NULL)
        reason = g_strdup_printf (_("%s is not a folder"), folder);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      if (folder != NULL)
        reason = g_strdup_printf (_("you may not write in the folder %s"), folder);
      break;
    case G_IO_ERROR_READ_ONLY:
      if (folder != NULL)
        reason = g_strdup_printf (_("the folder %s is on a read-only disk"), folder);
      break;
    case G_IO_ERROR_NO_SPACE:
      reason = g_strdup (_("the disk is full"));
      break;
    default:
      if (gio_error == NULL && errsv == EFBIG)
        reason = g_strdup (_("the file would be larger than the disk or the system allows"));
      break;
    }

  if (reason == NULL)
    reason = g_strdup (gio_error != NULL ? gio_error->message : g_strerror (errsv));
  set_reason (error, file, code, reason);
}

/* Refuses what is not a regular file; @link_target is where the link the
 * user named leads, or NULL if it was no link. */
static void
set_not_regular_error (GError     **error,
                       GFile       *file,
                       mode_t       mode,
                       const char  *link_target)
{
  g_autofree char *reason = NULL;
  int code = G_IO_ERROR_NOT_REGULAR_FILE;

  if (S_ISDIR (mode))
    {
      code = G_IO_ERROR_IS_DIRECTORY;
      reason = link_target != NULL
               ? g_strdup_printf (_("it is a link to “%s”, which is a folder"), link_target)
               : g_strdup (_("it is a folder"));
    }
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    reason = link_target != NULL
             ? g_strdup_printf (_("it is a link to “%s”, which is a device, not a file"), link_target)
             : g_strdup (_("it is a device, not a file"));
  else if (S_ISFIFO (mode))
    reason = link_target != NULL
             ? g_strdup_printf (_("it is a link to “%s”, which is a named pipe, not a file"), link_target)
             : g_strdup (_("it is a named pipe, not a file"));
  else if (S_ISSOCK (mode))
    reason = link_target != NULL
             ? g_strdup_printf (_("it is a link to “%s”, which is a socket, not a file"), link_target)
             : g_strdup (_("it is a socket, not a file"));
  else
    reason = link_target != NULL
             ? g_strdup_printf (_("it is a link to “%s”, which is not a regular file"), link_target)
             : g_strdup (_("it is not a regular file"));

  set_reason (error, file, code, reason);
}

/* The target ------------------------------------------------------------ */

typedef struct {
  char *target;
  gboolean exists;
  struct stat st;
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->target, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* What @path stands for: a new name, a regular file, or a link leading
 * to one (then the file it leads to). Never opens it. */
static gboolean
resolve_native (GFile       *file,
                const char  *path,
                Target      *target,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv != ENOENT)
        {
          set_io_error (error, file, folder, errsv, NULL);
          return FALSE;
        }
      target->target = g_strdup (path);
      target->exists = FALSE;
      return TRUE;
    }

  if (S_ISLNK (st.st_mode))
    {
      /* realpath() allocates with malloc(), which g_free() releases. */
      g_autofree char *real = realpath (path, NULL);

      if (real == NULL)
        {
          int errsv = errno;
          g_autofree char *content = g_file_read_link (path, NULL);
          g_autofree char *reason = NULL;

          if (errsv == ENOENT)
            {
              reason = g_strdup_printf (_("it is a link to “%s”, which does not exist"),
                                        content != NULL ? content : "?");
              set_reason (error, file, G_IO_ERROR_NOT_FOUND, reason);
            }
          else if (errsv == ELOOP)
            set_reason (error, file, G_IO_ERROR_TOO_MANY_LINKS, _("it is a link that leads in a circle"));
          else
            set_io_error (error, file, folder, errsv, NULL);
          return FALSE;
        }
      if (stat (real, &st) != 0)
        {
          set_io_error (error, file, folder, errno, NULL);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          set_not_regular_error (error, file, st.st_mode, real);
          return FALSE;
        }
      target->target = g_steal_pointer (&real);
    }
  else if (!S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, file, st.st_mode, NULL);
      return FALSE;
    }
  else
    target->target = g_strdup (path);

  /* A file made read-only is kept so: the folder alone would let the
   * rename replace it. */
  if (access (target->target, W_OK) != 0 && (errno == EACCES || errno == EPERM))
    {
      set_reason (error, file, G_IO_ERROR_PERMISSION_DENIED, _("the file is read-only"));
      return FALSE;
    }

  target->exists = TRUE;
  target->st = st;
  return TRUE;
}

/* The same for a file without a local path (a GVfs location): links are
 * followed through GIO. Returns the file to replace. */
static GFile *
resolve_gio (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint depth = 0; depth < MAX_LINKS; depth++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (current);
      const char *link;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
      if (info == NULL)
        {
          g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              set_io_error (error, file, folder, 0, local_error);
              return NULL;
            }
          if (depth == 0)
            return g_steal_pointer (&current);
          {
            g_autofree char *name = g_file_get_parse_name (current);
            g_autofree char *reason = g_strdup_printf (_("it is a link to “%s”, which does not exist"), name);

            set_reason (error, file, G_IO_ERROR_NOT_FOUND, reason);
            return NULL;
          }
        }

      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_REGULAR:
          return g_steal_pointer (&current);
        case G_FILE_TYPE_SYMBOLIC_LINK:
          link = g_file_info_get_symlink_target (info);
          if (link == NULL || parent == NULL)
            break;
          {
            GFile *next = g_file_resolve_relative_path (parent, link);

            g_object_unref (current);
            current = next;
          }
          continue;
        case G_FILE_TYPE_DIRECTORY:
        case G_FILE_TYPE_MOUNTABLE:
          set_not_regular_error (error, file, S_IFDIR, NULL);
          return NULL;
        default:
          break;
        }
      set_not_regular_error (error, file, 0, NULL);
      return NULL;
    }

  set_reason (error, file, G_IO_ERROR_TOO_MANY_LINKS, _("it is a link that leads in a circle"));
  return NULL;
}

/* Leftovers ------------------------------------------------------------- */

static char *
temp_prefix (const char *basename)
{
  return g_strdup_printf (".%.*s.", (int)MIN (strlen (basename), MAX_NAME_IN_TEMP), basename);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  if (!g_str_has_prefix (name, prefix) || strlen (name) != prefix_length + 8 + strlen (TEMP_SUFFIX))
    return FALSE;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isxdigit (name[prefix_length + i]))
      return FALSE;
  return g_str_has_suffix (name, TEMP_SUFFIX);
}

static gboolean
is_gio_temp_name (const char *name)
{
  /* g_file_replace() names them ".goutputstream-" and six characters. */
  return g_str_has_prefix (name, ".goutputstream-") && strlen (name) == strlen (".goutputstream-") + 6;
}

/* Removes @name in @folder if no save is writing it: for our own
 * temporary files (@head NULL) nobody holds its lock; for GLib's, it was
 * left alone for STALE_SECONDS and begins with @head, the way the file
 * being saved begins (the same format: "{ "format" : "dossier-memo"…"). */
static void
remove_if_abandoned (const char *folder,
                     const char *name,
                     const char *head,
                     gsize       head_length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  struct stat st;
  time_t age;
  int fd;

  /* O_NONBLOCK: never wait on a named pipe that happens to have the name. */
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    goto out;
  age = time (NULL) - st.st_mtime;

  if (head == NULL)
    {
      if (age < FRESH_SECONDS)
        goto out;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && (errno == EWOULDBLOCK || age < STALE_SECONDS))
        goto out;
    }
  else
    {
      g_autofree char *start = g_malloc (head_length);
      gssize n_read;

      if (age < STALE_SECONDS)
        goto out;
      do
        n_read = read (fd, start, head_length);
      while (n_read < 0 && errno == EINTR);
      if (n_read != (gssize)head_length || memcmp (start, head, head_length) != 0)
        goto out;
    }

  if (unlink (path) == 0)
    g_debug ("Removed %s, left by an interrupted save", path);

out:
  close (fd);
}

/* Temporary files of saves of @basename that were killed. GLib's
 * (@head not NULL) are only recognised by how they begin. */
static void
remove_leftovers (const char *folder,
                  const char *basename,
                  const char *head,
                  gsize       head_length)
{
  g_autofree char *prefix = temp_prefix (basename);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_temp_name (name, prefix))
        remove_if_abandoned (folder, name, NULL, 0);
      else if (head != NULL && is_gio_temp_name (name))
        remove_if_abandoned (folder, name, head, head_length);
    }
}

/* The head of a file up to the end of its second line: the opening and
 * the format line of Dossier's JSON files. */
static gsize
signature_length (GString *head)
{
  const char *first = memchr (head->str, '\n', head->len);
  const char *second = first != NULL ? memchr (first + 1, '\n', head->len - (first + 1 - head->str)) : NULL;

  return second != NULL ? (gsize)(second + 1 - head->str) : 0;
}

/* Opening --------------------------------------------------------------- */

static gboolean
open_native (DossierFileSave  *self,
             const char       *path,
             GError          **error)
{
  g_auto(Target) target = { NULL, FALSE, { 0 } };
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  int errsv = 0;

  if (!resolve_native (self->file, path, &target, error))
    return FALSE;

  self->target = g_steal_pointer (&target.target);
  self->exists = target.exists;
  self->mode = target.st.st_mode;
  self->uid = target.st.st_uid;
  self->gid = target.st.st_gid;
  self->folder = g_path_get_dirname (self->target);
  basename = g_path_get_basename (self->target);
  prefix = temp_prefix (basename);

  /* Before writing: they may be what fills the disk. */
  remove_leftovers (self->folder, basename, NULL, 0);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s%08x%s", prefix, g_random_int (), TEMP_SUFFIX);

      g_free (self->temp);
      self->temp = g_build_filename (self->folder, name, NULL);
      self->fd = open (self->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      errsv = errno;
      if (self->fd >= 0 || errsv != EEXIST)
        break;
    }
  if (self->fd < 0)
    {
      g_clear_pointer (&self->temp, g_free);
      set_io_error (error, self->file, self->folder, errsv, NULL);
      return FALSE;
    }

  /* Tells a later save that this one is alive (see remove_if_abandoned). */
  if (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Cannot lock %s: %s", self->temp, g_strerror (errno));

  if (self->exists)
    {
      /* Best effort: only root may give a file away, and some file
       * systems (FAT) have no permissions to keep. The owner first, as
       * changing it clears the set-id bits. */
      if ((self->uid != geteuid () || self->gid != getegid ()) &&
          fchown (self->fd, self->uid, self->gid) != 0)
        g_debug ("Cannot keep the owner of %s: %s", self->target, g_strerror (errno));
      if (fchmod (self->fd, self->mode & 07777) != 0)
        g_debug ("Cannot keep the permissions of %s: %s", self->target, g_strerror (errno));
    }

  return TRUE;
}

static gboolean
open_gio (DossierFileSave  *self,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;

  self->target_file = resolve_gio (self->file, cancellable, error);
  if (self->target_file == NULL)
    return FALSE;
  parent = g_file_get_parent (self->target_file);
  basename = g_file_get_basename (self->target_file);
  if (parent == NULL || basename == NULL)
    {
      set_not_regular_error (error, self->file, S_IFDIR, NULL);
      return FALSE;
    }
  self->folder = g_file_get_parse_name (parent);
  prefix = temp_prefix (basename);

  for (guint attempt = 0; attempt < 100 && stream == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s%08x%s", prefix, g_random_int (), TEMP_SUFFIX);

      g_clear_error (&local_error);
      g_clear_object (&self->temp_file);
      self->temp_file = g_file_get_child (parent, name);
      stream = g_file_create (self->temp_file, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }
  if (stream == NULL)
    {
      g_clear_object (&self->temp_file);
      set_io_error (error, self->file, self->folder, 0, local_error);
      return FALSE;
    }

  self->inner = G_OUTPUT_STREAM (g_steal_pointer (&stream));
  return TRUE;
}

static gboolean
dossier_file_save_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  DossierFileSave *self = DOSSIER_FILE_SAVE (initable);
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (self->file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (self->file);
  if (path != NULL)
    return open_native (self, path, error);
  return open_gio (self, cancellable, error);
}

static void
dossier_file_save_initable_init_iface (GInitableIface *iface)
{
  iface->init = dossier_file_save_initable_init;
}

/* Writing --------------------------------------------------------------- */

static void
fail (DossierFileSave *self,
      GError          *error)
{
  if (self->error == NULL)
    self->error = g_error_copy (error);
}

static gssize
dossier_file_save_write_fn (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  DossierFileSave *self = DOSSIER_FILE_SAVE (stream);
  g_autoptr(GError) local_error = NULL;
  gssize written;

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto failed;

  count = MIN (count, WRITE_CHUNK);
  if (self->inner != NULL)
    {
      g_autoptr(GError) gio_error = NULL;

      written = g_output_stream_write (self->inner, buffer, count, cancellable, &gio_error);
      if (written < 0)
        {
          set_io_error (&local_error, self->file, NULL, 0, gio_error);
          goto failed;
        }
    }
  else
    {
      if (self->fd < 0)
        {
          set_reason (&local_error, self->file, G_IO_ERROR_CLOSED, _("the save was abandoned"));
          goto failed;
        }
      do
        written = write (self->fd, buffer, count);
      while (written < 0 && errno == EINTR);
      if (written < 0)
        {
          set_io_error (&local_error, self->file, NULL, errno, NULL);
          goto failed;
        }
    }

  if (self->head->len < HEAD_SIZE)
    g_string_append_len (self->head, buffer, MIN ((gsize)written, HEAD_SIZE - self->head->len));
  return written;

failed:
  fail (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

static gboolean
dossier_file_save_close_fn (GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  DossierFileSave *self = DOSSIER_FILE_SAVE (stream);
  g_autoptr(GError) local_error = NULL;

  if (self->inner != NULL)
    {
      g_autoptr(GError) gio_error = NULL;

      if (!g_output_stream_close (self->inner, cancellable, &gio_error))
        set_io_error (&local_error, self->file, self->folder, 0, gio_error);
    }
  else if (self->fd >= 0)
    {
      /* Flushed before the rename, or a crash soon after could leave an
       * empty file under the target's name (delayed allocation). Some
       * file systems (NFS) report a failed write only here. */
      if (self->error == NULL && !g_cancellable_set_error_if_cancelled (cancellable, &local_error) &&
          fsync (self->fd) != 0)
        set_io_error (&local_error, self->file, NULL, errno, NULL);
      if (close (self->fd) != 0 && local_error == NULL && self->error == NULL)
        set_io_error (&local_error, self->file, NULL, errno, NULL);
      self->fd = -1;
    }

  if (local_error != NULL)
    {
      fail (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Removes the temporary file: the target stays as it was. */
static void
discard (DossierFileSave *self)
{
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->temp != NULL)
    {
      if (unlink (self->temp) != 0 && errno != ENOENT)
        g_warning ("Could not remove the temporary file %s: %s", self->temp, g_strerror (errno));
      g_clear_pointer (&self->temp, g_free);
    }
  if (self->inner != NULL && !g_output_stream_is_closed (self->inner))
    g_output_stream_close (self->inner, NULL, NULL);
  if (self->temp_file != NULL)
    {
      g_file_delete (self->temp_file, NULL, NULL);
      g_clear_object (&self->temp_file);
    }
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* So the rename survives a crash too; not every file system can. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * dossier_file_save_commit:
 * @self: a save
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Closes the stream if it is still open (wrappers such as a
 * #GBufferedOutputStream must be flushed or closed first) and, if every
 * write succeeded and nothing was cancelled, moves the new file over the
 * target. Otherwise the temporary file is removed and the target is left
 * as it was; @error says why (the first write error, if there was one).
 *
 * Returns: %TRUE if the target now holds everything written
 */
gboolean
dossier_file_save_commit (DossierFileSave  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  GOutputStream *stream = G_OUTPUT_STREAM (self);
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (DOSSIER_IS_FILE_SAVE (self), FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_output_stream_is_closed (stream))
    g_output_stream_close (stream, cancellable, NULL);

  if (self->error != NULL)
    local_error = g_error_copy (self->error);
  else if (self->temp == NULL && self->temp_file == NULL)
    set_reason (&local_error, self->file, G_IO_ERROR_CLOSED, _("the save was abandoned"));
  else if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    ;
  else if (self->temp_file != NULL)
    {
      g_autoptr(GError) gio_error = NULL;

      if (!g_file_move (self->temp_file, self->target_file,
                        G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                        cancellable, NULL, NULL, &gio_error))
        set_io_error (&local_error, self->file, self->folder, 0, gio_error);
      else
        g_clear_object (&self->temp_file);
    }
  else if (rename (self->temp, self->target) != 0)
    set_io_error (&local_error, self->file, self->folder, errno, NULL);
  else
    g_clear_pointer (&self->temp, g_free);

  if (local_error != NULL)
    {
      discard (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->committed = TRUE;
  if (self->target != NULL)
    {
      g_autofree char *basename = g_path_get_basename (self->target);

      sync_folder (self->folder);
      /* Now that it is known how this kind of file begins. */
      length = signature_length (self->head);
      remove_leftovers (self->folder, basename, length > 0 ? self->head->str : NULL, length);
    }

  return TRUE;
}

/* Object ---------------------------------------------------------------- */

static void
dossier_file_save_dispose (GObject *object)
{
  DossierFileSave *self = (DossierFileSave *)object;

  /* Before GOutputStream closes the stream: a save dropped without a
   * commit is thrown away, never half kept. */
  if (!self->committed)
    discard (self);

  G_OBJECT_CLASS (dossier_file_save_parent_class)->dispose (object);
}

static void
dossier_file_save_finalize (GObject *object)
{
  DossierFileSave *self = (DossierFileSave *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->target_file);
  g_clear_object (&self->temp_file);
  g_clear_object (&self->inner);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->temp, g_free);
  g_clear_error (&self->error);
  g_string_free (self->head, TRUE);

  G_OBJECT_CLASS (dossier_file_save_parent_class)->finalize (object);
}

static void
dossier_file_save_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierFileSave *self = DOSSIER_FILE_SAVE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_file_save_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierFileSave *self = DOSSIER_FILE_SAVE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_file_save_class_init (DossierFileSaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->dispose = dossier_file_save_dispose;
  object_class->finalize = dossier_file_save_finalize;
  object_class->get_property = dossier_file_save_get_property;
  object_class->set_property = dossier_file_save_set_property;

  stream_class->write_fn = dossier_file_save_write_fn;
  stream_class->close_fn = dossier_file_save_close_fn;

  /**
   * DossierFileSave:file:
   *
   * The file being saved, as the caller named it.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_file_save_init (DossierFileSave *self)
{
  self->fd = -1;
  self->head = g_string_new (NULL);
}

/**
 * dossier_file_save_new:
 * @file: the file to write (replaced if it exists)
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Starts a save of @file: checks that it may be written (a regular
 * file, a link to one, or a new name) and creates the temporary file
 * beside it, removing those that killed saves of it left behind.
 *
 * Returns: (transfer full) (nullable): the save, a #GOutputStream to
 *   write to; %NULL with @error set
 */
DossierFileSave *
dossier_file_save_new (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (DOSSIER_TYPE_FILE_SAVE, cancellable, error, "file", file, NULL);
}

/**
 * dossier_file_save_get_file:
 *
 * Returns: (transfer none): the file being saved
 */
GFile *
dossier_file_save_get_file (DossierFileSave *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILE_SAVE (self), NULL);
  return self->file;
}

/**
 * dossier_file_save_check_target:
 * @file: a file about to be written
 * @error: return location for an error
 *
 * Checks, without opening anything, that @file may be saved: that it is
 * a regular file, a link to one, or a new name. For refusing a bad
 * target before slow work; dossier_file_save_new() checks again.
 *
 * Returns: %TRUE if @file may be written
 */
gboolean
dossier_file_save_check_target (GFile   *file,
                                GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      g_auto(Target) target = { NULL, FALSE, { 0 } };

      return resolve_native (file, path, &target, error);
    }
  else
    {
      g_autoptr(GFile) target = resolve_gio (file, NULL, error);

      return target != NULL;
    }
}

/**
 * dossier_file_save_contents:
 * @file: the file to write (replaced if it exists)
 * @data: what to write
 * @length: its length in bytes
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves @data as the whole of @file, atomically (see #DossierFileSave).
 * Blocks; dossier_file_save_contents_async() does not.
 *
 * Returns: %TRUE if @file now holds @data; else it is as it was
 */
gboolean
dossier_file_save_contents (GFile         *file,
                            const char    *data,
                            gsize          length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(DossierFileSave) save = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  save = dossier_file_save_new (file, cancellable, error);
  if (save == NULL)
    return FALSE;
  if (length > 0 &&
      !g_output_stream_write_all (G_OUTPUT_STREAM (save), data, length, NULL, cancellable, error))
    return FALSE;
  return dossier_file_save_commit (save, cancellable, error);
}

typedef struct {
  GFile *file;
  GBytes *contents;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->contents, g_bytes_unref);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (save->contents, &length);

  if (dossier_file_save_contents (save->file, data, length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_file_save_contents_async:
 * @file: the file to write
 * @contents: what to write
 * @cancellable: (nullable): a cancellable; cancelling keeps the file as it was
 * @callback: called when the file is saved or the save failed
 * @user_data: data for @callback
 *
 * Saves @contents as the whole of @file on a worker thread, atomically.
 */
void
dossier_file_save_contents_async (GFile               *file,
                                  GBytes              *contents,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_file_save_contents_async);
  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * dossier_file_save_contents_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was saved; else it is as it was
 */
gboolean
dossier_file_save_contents_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_file_save_contents_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
