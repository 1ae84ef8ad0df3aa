/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-memo-save"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memo/dossier-memo-autosave.h"
#include "memo/dossier-memo-json.h"
#include "dossier-test-files.h"

/* Saving memos on a full disk (a file size limit stands in for it: no
 * privileges needed) and to files that are not regular files. */

#define LIMIT (64 * 1024)

/* A memo whose JSON is about @size bytes. */
static DossierMemo *
make_memo (gsize size)
{
  DossierMemo *memo = dossier_memo_new ();
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("(U) Background");
  g_autofree char *json = NULL;

  dossier_memo_set_subject (memo, "(U) A memo too large for the disk");
  dossier_memo_append_section (memo, section);
  do
    {
      /* Serialised every hundred blocks: every block made it quadratic. */
      for (guint i = 0; i < 100; i++)
        {
          g_autoptr(DossierMemoBlock) block =
            dossier_memo_block_new_paragraph ("Analysts differ on whether relief should precede or follow "
                                              "verification; the literature splits along that line.");

          dossier_memo_section_append_block (section, block);
        }
      g_free (json);
      json = dossier_memo_to_json (memo, NULL);
    }
  while (strlen (json) < size);

  return memo;
}

/* Not g_assert_cmpstr(): it would print both files. */
static void
assert_same (const char *actual,
             const char *expected)
{
  g_assert_cmpuint (strlen (actual), ==, strlen (expected));
  g_assert_true (strcmp (actual, expected) == 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Only @expected (sorted names) is in @dir: no temporary file. */
static void
assert_dir_holds (const char *dir,
                  const char *expected)
{
  g_autofree char *names = dossier_test_list_dir (dir);

  g_assert_cmpstr (names, ==, expected);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A 1 MB memo saved over a small one on a full disk, synchronously
 * and not: an error, and the old memo is as it was (it became a
 * piece of the new one, broken JSON, with g_file_replace_contents()). */
static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DossierMemo) small = NULL;
  g_autoptr(DossierMemo) big = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *after = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("dossier-memo-save-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "briefing.dossier-memo", NULL);
  file = g_file_new_for_path (path);
  small = make_memo (8 * 1024);
  big = make_memo (1024 * 1024);
  g_assert_true (dossier_memo_save_file (small, file, NULL, &error));
  g_assert_no_error (error);
  old = read_file (path);

  dossier_test_limit_file_size (LIMIT);

  g_assert_false (dossier_memo_save_file (big, file, NULL, &error));
  g_assert_nonnull (error);
  after = read_file (path);
  assert_same (after, old);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  assert_dir_holds (dir, "briefing.dossier-memo");

  dossier_memo_save_async (big, file, NULL, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_memo_save_finish (result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = read_file (path);
  assert_same (after, old);
  assert_dir_holds (dir, "briefing.dossier-memo");

  dossier_test_remove_tree (dir);
}

static gboolean recovery_warned;

static gboolean
recovery_warning_cb (const char     *log_domain,
                     GLogLevelFlags  log_level,
                     const char     *message,
                     gpointer        user_data)
{
  if (strstr (message, "Could not write the recovery copy") == NULL)
    return TRUE;
  recovery_warned = TRUE;
  return FALSE;
}

/* The recovery copy, written a moment after a change and at once on
 * quitting: on a full disk the previous copy stays whole. */
static void
test_autosave_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *old = NULL;
  g_autofree char *after = NULL;
  g_autofree char *recovery_path = NULL;
  g_autofree char *origin_name = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierMemoAutosave) autosave = NULL;
  g_autoptr(GFile) own = NULL;
  g_autoptr(DossierMemoSection) section = NULL;
  g_autofree char *own_path = NULL;
  GFile *recovery;
  gint64 until;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = g_dir_make_tmp ("dossier-memo-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  own_path = g_build_filename (dir, "mine.dossier-memo", NULL);
  own = g_file_new_for_path (own_path);
  memo = make_memo (8 * 1024);
  autosave = dossier_memo_autosave_new (memo, own, dir);
  dossier_memo_autosave_set_delay (autosave, 10);
  recovery = dossier_memo_autosave_get_recovery_file (autosave);
  recovery_path = g_file_get_path (recovery);

  /* A first copy, while the disk has room. */
  dossier_memo_set_to (memo, "The Secretary");
  g_assert_true (dossier_memo_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  old = read_file (recovery_path);
  {
    g_autofree char *base = g_file_get_basename (recovery);

    base[strlen (base) - strlen (".dossier-memo")] = '\0';
    origin_name = g_strconcat (base, ".origin", NULL);
  }

  dossier_test_limit_file_size (LIMIT);

  /* A change that makes the memo far larger than the disk's room. */
  section = dossier_memo_section_new ("(U) More");
  for (guint i = 0; i < 8000; i++)
    {
      g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph ("More text that will not fit on the disk.");

      dossier_memo_section_append_block (section, block);
    }
  g_test_log_set_fatal_handler (recovery_warning_cb, NULL);
  dossier_memo_append_section (memo, section);

  /* In the background: the autosave says so in the log. */
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!recovery_warned && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (recovery_warned);
  after = read_file (recovery_path);
  assert_same (after, old);
  g_clear_pointer (&after, g_free);

  /* …and on quitting. */
  g_assert_false (dossier_memo_autosave_flush (autosave, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = read_file (recovery_path);
  assert_same (after, old);

  /* Only the copy and its origin: no temporary file. */
  {
    g_autofree char *base = g_file_get_basename (recovery);
    g_autofree char *listing = g_strcmp0 (origin_name, base) < 0
                               ? g_strdup_printf ("%s %s", origin_name, base)
                               : g_strdup_printf ("%s %s", base, origin_name);

    assert_dir_holds (dir, listing);
  }

  dossier_memo_autosave_discard (autosave);
  dossier_test_remove_tree (dir);
}

/* A memo is never written into a named pipe (that hung), a device or a
 * folder; through a link, the link stays. */
static void
test_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-memo-save-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.dossier-memo", NULL);
  g_autofree char *real = g_build_filename (dir, "real.dossier-memo", NULL);
  g_autofree char *link = g_build_filename (dir, "link.dossier-memo", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autofree char *device_path = dossier_test_make_device (dir);
  g_autoptr(GFile) device = g_file_new_for_path (device_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(DossierMemo) memo = make_memo (1024);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_assert_false (dossier_memo_save_file (memo, fifo_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  dossier_memo_save_async (memo, fifo_file, NULL, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_memo_save_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_false (dossier_memo_save_file (memo, device, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (lstat (device_path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_false (dossier_memo_save_file (memo, folder, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (real, "{}", -1, NULL));
  g_assert_cmpint (symlink ("real.dossier-memo", link), ==, 0);
  g_assert_true (dossier_memo_save_file (memo, link_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  saved = read_file (real);
  expected = dossier_memo_to_json (memo, NULL);
  g_assert_cmpstr (saved, ==, expected);

  assert_dir_holds (dir, g_str_equal (device_path, "/dev/null")
                         ? "link.dossier-memo pipe.dossier-memo real.dossier-memo"
                         : "link.dossier-memo null-node pipe.dossier-memo real.dossier-memo");
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/memo/save/full-disk", test_full_disk);
  g_test_add_func ("/dossier/memo/save/autosave-full-disk", test_autosave_full_disk);
  g_test_add_func ("/dossier/memo/save/special-files", test_special_files);

  return g_test_run ();
}
