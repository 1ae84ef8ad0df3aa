/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-file-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "formats/dossier-file-save.h"
#include "dossier-test-files.h"

/* Far more than the limits below: the disk fills up midway. */
#define BIG_SIZE (1024 * 1024)
#define LIMIT (64 * 1024)
#define MOUNTED "dossier-test: tmpfs mounted"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-file-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
make_text (gsize       size,
           const char *word)
{
  GString *text = g_string_new ("{\n  \"format\" : \"dossier-test\",\n");

  while (text->len < size)
    g_string_append (text, word);
  g_string_truncate (text, size);
  return g_string_free (text, FALSE);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_true (memcmp (contents, expected, length) == 0);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_async (GFile         *file,
            const char    *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GAsyncResult) result = NULL;

  dossier_file_save_contents_async (file, bytes, cancellable, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_file_save_contents_finish (result, error);
}

/* Every way of saving fails on a disk that fills up, and every time
 * the old file is as it was and no temporary file is left. */
static void
check_full_disk (const char *dir,
                 int         expected_code)
{
  g_autofree char *path = g_build_filename (dir, "memo.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *old = make_text (10 * 1024, "old text ");
  g_autofree char *big = make_text (BIG_SIZE, "new text ");
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  write_file (path, old, 0640);

  /* All at once. */
  g_assert_false (dossier_file_save_contents (file, big, strlen (big), NULL, &error));
  g_assert_error (error, G_IO_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strstr (error->message, ".part"));
  g_clear_error (&error);
  assert_contents (path, old);
  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "memo.json");
  g_clear_pointer (&names, g_free);

  /* As a stream, closed after the failed write: that close is what
   * made g_file_replace() move the partial file over the target. */
  {
    g_autoptr(DossierFileSave) save = dossier_file_save_new (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_false (g_output_stream_write_all (G_OUTPUT_STREAM (save), big, strlen (big), NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, expected_code);
    g_clear_error (&error);
    g_output_stream_close (G_OUTPUT_STREAM (save), NULL, NULL);
    g_assert_false (dossier_file_save_commit (save, NULL, &error));
    g_assert_error (error, G_IO_ERROR, expected_code);
    g_clear_error (&error);
  }
  assert_contents (path, old);
  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "memo.json");
  g_clear_pointer (&names, g_free);

  /* Through a buffered stream that is closed, then dropped. */
  {
    g_autoptr(DossierFileSave) save = dossier_file_save_new (file, NULL, &error);
    g_autoptr(GOutputStream) buffered = NULL;

    g_assert_no_error (error);
    buffered = g_buffered_output_stream_new (G_OUTPUT_STREAM (save));
    g_assert_false (g_output_stream_write_all (buffered, big, strlen (big), NULL, NULL, &error));
    g_clear_error (&error);
    g_output_stream_close (buffered, NULL, NULL);
  }
  assert_contents (path, old);
  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "memo.json");
  g_clear_pointer (&names, g_free);

  /* On a worker thread. */
  g_assert_false (save_async (file, big, NULL, &error));
  g_assert_error (error, G_IO_ERROR, expected_code);
  g_clear_error (&error);
  assert_contents (path, old);
  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "memo.json");

  /* And what fits is written, with the old permissions. */
  g_assert_true (dossier_file_save_contents (file, "{}\n", 3, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "{}\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_unlink (path);
}

/* A file size limit: as good as a full disk, for anyone, no privileges
 * needed. */
static void
test_full_disk_rlimit (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_dir ();

      dossier_test_limit_file_size (LIMIT);
      check_full_disk (dir, G_IO_ERROR_FAILED);
      dossier_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A really full disk: a tiny tmpfs, mounted in a user namespace of our
 * own (no root needed), or a mount namespace when we are root. */
static void
test_full_disk_tmpfs (void)
{
  const char *sh = "mount -t tmpfs -o size=64k dossier-test \"$1\" && echo " MOUNTED " && shift && exec \"$@\"";
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  gboolean passed = FALSE;

  if (g_test_subprocess ())
    {
      check_full_disk (g_getenv ("DOSSIER_TEST_TMPFS"), G_IO_ERROR_NO_SPACE);
      return;
    }

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is not installed");
      return;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self);
  dir = make_dir ();

  for (guint i = 0; i < 2 && !passed; i++)
    {
      const char *user_ns[] = { "--user", "--map-root-user", "--mount" };
      const char *mount_ns[] = { "--mount" };
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                           G_SUBPROCESS_FLAGS_STDERR_MERGE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      if (i == 1 && geteuid () != 0)
        break;
      g_ptr_array_add (argv, unshare);
      if (i == 0)
        for (guint j = 0; j < G_N_ELEMENTS (user_ns); j++)
          g_ptr_array_add (argv, (char *)user_ns[j]);
      else
        for (guint j = 0; j < G_N_ELEMENTS (mount_ns); j++)
          g_ptr_array_add (argv, (char *)mount_ns[j]);
      g_ptr_array_add (argv, "sh");
      g_ptr_array_add (argv, "-c");
      g_ptr_array_add (argv, (char *)sh);
      g_ptr_array_add (argv, "sh");
      g_ptr_array_add (argv, dir);
      g_ptr_array_add (argv, self);
      g_ptr_array_add (argv, "-p");
      g_ptr_array_add (argv, (char *)g_test_get_path ());
      g_ptr_array_add (argv, "--GTestSubprocess");
      g_ptr_array_add (argv, NULL);

      g_subprocess_launcher_setenv (launcher, "DOSSIER_TEST_TMPFS", dir, TRUE);
      process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0)
        passed = TRUE;
      else if (strstr (out, MOUNTED) != NULL)
        {
          /* Mounted, then failed: a real failure. */
          g_printerr ("%s", out);
          g_assert_not_reached ();
        }
      else
        g_test_message ("%s namespace: %s", i == 0 ? "user" : "mount", out);
    }

  dossier_test_remove_tree (dir);
  if (!passed)
    g_test_skip ("no tmpfs can be mounted here (no user or mount namespaces)");
}

static void
test_new_and_replace (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  mode_t mask = umask (022);
  struct stat st;

  umask (mask);

  g_assert_true (dossier_file_save_contents (file, "first", 5, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "first");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  /* Replaced: its permissions stay. */
  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_assert_true (dossier_file_save_contents (file, "second", 6, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "second");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);

  /* Empty is a content too. */
  g_assert_true (dossier_file_save_contents (file, "", 0, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "");

  g_assert_true (save_async (file, "third", NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "third");

  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "a.json");
  dossier_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  write_file (path, "old", 0644);

  /* Cancelled after everything was written, before the commit. */
  {
    g_autoptr(DossierFileSave) save = dossier_file_save_new (file, cancellable, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (save), "new", 3, NULL, cancellable, &error));
    g_assert_no_error (error);
    g_cancellable_cancel (cancellable);
    g_assert_false (dossier_file_save_commit (save, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  assert_contents (path, "old");

  /* A write cancelled halfway, then the stream closed (with
   * g_file_replace() that close replaced the file), then committed. */
  g_cancellable_reset (cancellable);
  {
    g_autoptr(DossierFileSave) save = dossier_file_save_new (file, cancellable, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (save), "ne", 2, NULL, cancellable, &error));
    g_cancellable_cancel (cancellable);
    g_assert_false (g_output_stream_write_all (G_OUTPUT_STREAM (save), "w", 1, NULL, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (save), NULL, NULL));
    g_assert_false (dossier_file_save_commit (save, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  assert_contents (path, "old");

  /* Cancelled before it began, and on a worker thread. */
  g_assert_false (dossier_file_save_contents (file, "new", 3, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (save_async (file, "new", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_contents (path, "old");

  /* Dropped without a commit. */
  {
    g_autoptr(DossierFileSave) save = dossier_file_save_new (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (save), "new", 3, NULL, NULL, &error));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (save), NULL, &error));
  }
  assert_contents (path, "old");

  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "a.json");
  dossier_test_remove_tree (dir);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierFileSave) save = NULL;

  g_assert_false (dossier_file_save_check_target (file, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_clear_error (&error);

  g_assert_false (dossier_file_save_contents (file, "x", 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);

  save = dossier_file_save_new (file, NULL, &error);
  g_assert_null (save);
  g_assert_error (error, G_IO_ERROR, code);
}

static void
test_special_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *device = dossier_test_make_device (dir);
  g_autofree char *names = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  struct stat st;
  int sock;

  /* A device: refused (run as root, the test proves it stays one). */
  assert_refused (device, G_IO_ERROR_NOT_REGULAR_FILE, "device");
  g_assert_cmpint (lstat (device, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A named pipe: refused at once, never opened (that would hang). */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, G_IO_ERROR_NOT_REGULAR_FILE, "named pipe");
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_strlcpy (address.sun_path, socket_path, sizeof address.sun_path);
  g_assert_cmpint (bind (sock, (struct sockaddr *)&address, sizeof address), ==, 0);
  assert_refused (socket_path, G_IO_ERROR_NOT_REGULAR_FILE, "socket");
  g_assert_cmpint (lstat (socket_path, &st), ==, 0);
  g_assert_true (S_ISSOCK (st.st_mode));
  close (sock);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (folder, G_IO_ERROR_IS_DIRECTORY, "folder");
  assert_refused ("/", G_IO_ERROR_IS_DIRECTORY, "folder");

  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, g_str_equal (device, "/dev/null") ? "fifo folder socket" : "fifo folder null-node socket");
  dossier_test_remove_tree (dir);
}

static void
test_symlinks (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *real = g_build_filename (other, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *to_device = g_build_filename (dir, "device.json", NULL);
  g_autofree char *device = NULL;
  g_autofree char *to_folder = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GFile) chain_file = g_file_new_for_path (chain);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *target = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  device = dossier_test_make_device (other);
  write_file (real, "old", 0600);
  /* Relative, as links usually are. */
  g_assert_cmpint (symlink ("other/real.json", link), ==, 0);
  g_assert_cmpint (symlink ("link.json", chain), ==, 0);

  /* Written through: the link stays a link to the same name, the file
   * it leads to has the new text and keeps its permissions, and the
   * temporary file was beside that file (nothing is left anywhere). */
  g_assert_true (dossier_file_save_contents (file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "other/real.json");
  assert_contents (real, "new");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A link to a link. */
  g_assert_true (save_async (chain_file, "newer", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (chain, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_contents (real, "newer");

  /* Dangling links, links to what is not a file, loops: refused. */
  g_assert_cmpint (symlink ("nowhere/none.json", dangling), ==, 0);
  assert_refused (dangling, G_IO_ERROR_NOT_FOUND, "nowhere/none.json");
  g_assert_cmpint (symlink (device, to_device), ==, 0);
  assert_refused (to_device, G_IO_ERROR_NOT_REGULAR_FILE, "device");
  g_assert_cmpint (lstat (device, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpint (symlink ("other", to_folder), ==, 0);
  assert_refused (to_folder, G_IO_ERROR_IS_DIRECTORY, "folder");
  g_assert_cmpint (symlink ("loop.json", loop), ==, 0);
  assert_refused (loop, G_IO_ERROR_TOO_MANY_LINKS, "circle");

  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "chain.json dangling.json device.json folder.json link.json loop.json other");
  g_clear_pointer (&names, g_free);
  names = dossier_test_list_dir (other);
  g_assert_cmpstr (names, ==, g_str_equal (device, "/dev/null") ? "real.json" : "null-node real.json");
  dossier_test_remove_tree (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "no", "such", "x.json", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *under_file = g_build_filename (plain, "x.json", NULL);
  g_autofree char *read_only = g_build_filename (dir, "read-only.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) under = g_file_new_for_path (under_file);
  g_autoptr(GFile) locked = g_file_new_for_path (read_only);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (missing);

  /* The target and why, in terms of the folder: never the temporary file. */
  g_assert_false (dossier_file_save_contents (file, "x", 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_null (strstr (error->message, ".part"));
  g_clear_error (&error);

  write_file (plain, "x", 0644);
  g_assert_false (dossier_file_save_contents (under, "x", 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "is not a folder"));
  g_clear_error (&error);

  /* A read-only file stays so; root may write anything and does. */
  write_file (read_only, "kept", 0444);
  if (geteuid () != 0)
    {
      g_assert_false (dossier_file_save_contents (locked, "x", 1, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      assert_contents (read_only, "kept");
    }
  else
    {
      struct stat st;

      g_assert_true (dossier_file_save_contents (locked, "x", 1, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (read_only, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0444);
    }

  dossier_test_remove_tree (dir);
}

static void
set_age (const char *path,
         int         seconds)
{
  struct timespec times[2];

  clock_gettime (CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds;
  times[1] = times[0];
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);
}

/* Temporary files of saves killed midway go at the next save; those of
 * saves under way, other files' and other programs' stay. */
static void
test_leftovers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "memo.json", NULL);
  g_autofree char *killed = g_build_filename (dir, ".memo.json.0badc0de.part", NULL);
  g_autofree char *other_part = g_build_filename (dir, ".notes.json.0badc0de.part", NULL);
  g_autofree char *not_hex = g_build_filename (dir, ".memo.json.zzzzzzzz.part", NULL);
  g_autofree char *glib_same = g_build_filename (dir, ".goutputstream-AB12CD", NULL);
  g_autofree char *glib_recent = g_build_filename (dir, ".goutputstream-EF34GH", NULL);
  g_autofree char *glib_other = g_build_filename (dir, ".goutputstream-IJ56KL", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierFileSave) running = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *contents = make_text (4096, "memo ");
  g_autofree char *partial = make_text (1000, "half ");

  write_file (path, "old", 0644);
  write_file (killed, "half a memo", 0644);
  set_age (killed, 60);
  write_file (other_part, "another file's", 0644);
  set_age (other_part, 60);
  write_file (not_hex, "not ours", 0644);
  set_age (not_hex, 60);
  /* What g_file_replace() left of a memo: begins as memos do. */
  write_file (glib_same, partial, 0644);
  set_age (glib_same, 3600);
  write_file (glib_recent, partial, 0644);
  write_file (glib_other, "{\n  \"format\" : \"something-else\",\n", 0644);
  set_age (glib_other, 3600);

  /* A save under way holds its temporary file. */
  running = dossier_file_save_new (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (running), "running", 7, NULL, NULL, &error));
  before = dossier_test_list_dir (dir);
  {
    g_auto(GStrv) parts = g_strsplit (before, " ", -1);
    guint n_temp = 0;

    for (guint i = 0; parts[i] != NULL; i++)
      if (g_str_has_prefix (parts[i], ".memo.json.") && !g_str_equal (parts[i], ".memo.json.0badc0de.part") &&
          !g_str_equal (parts[i], ".memo.json.zzzzzzzz.part"))
        {
          g_autofree char *temp = g_build_filename (dir, parts[i], NULL);

          set_age (temp, 60);
          n_temp++;
        }
    g_assert_cmpuint (n_temp, ==, 1);
  }
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));

  g_assert_true (dossier_file_save_contents (file, contents, strlen (contents), NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, contents);
  g_assert_false (g_file_test (glib_same, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_hex, G_FILE_TEST_EXISTS));

  /* The save under way was not disturbed. */
  g_assert_true (dossier_file_save_commit (running, NULL, &error));
  g_assert_no_error (error);
  assert_contents (path, "running");

  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, ".goutputstream-EF34GH .goutputstream-IJ56KL .memo.json.zzzzzzzz.part "
                              ".notes.json.0badc0de.part memo.json");
  dossier_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/file-save/new-and-replace", test_new_and_replace);
  g_test_add_func ("/dossier/file-save/full-disk/rlimit", test_full_disk_rlimit);
  g_test_add_func ("/dossier/file-save/full-disk/tmpfs", test_full_disk_tmpfs);
  g_test_add_func ("/dossier/file-save/cancel", test_cancel);
  g_test_add_func ("/dossier/file-save/special-files", test_special_files);
  g_test_add_func ("/dossier/file-save/symlinks", test_symlinks);
  g_test_add_func ("/dossier/file-save/errors", test_errors);
  g_test_add_func ("/dossier/file-save/leftovers", test_leftovers);

  return g_test_run ();
}
