/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-test-files"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "dossier-test-files.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * dossier_test_list_dir:
 *
 * Returns: the names in @path, sorted and joined by spaces ("a.json
 *   b.json"), so a test sees at once what a save left behind
 */
char *
dossier_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

/**
 * dossier_test_remove_tree:
 *
 * Removes @path and everything in it; links, pipes and sockets are
 * removed, never followed or opened.
 */
void
dossier_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  GStatBuf st;
  const char *name;

  if (g_lstat (path, &st) != 0)
    return;
  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      dossier_test_remove_tree (child);
    }
  g_rmdir (path);
}

/**
 * dossier_test_limit_file_size:
 *
 * No file may grow past @size bytes in this process from now on: as
 * good as a full disk, for any user, without privileges. SIGXFSZ is
 * ignored, so write() fails with EFBIG instead of killing the test.
 * Call it in a subprocess (g_test_trap_subprocess()).
 */
void
dossier_test_limit_file_size (gsize size)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = size;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

/**
 * dossier_test_make_device:
 * @dir: a test folder
 *
 * A character device for a save to refuse. As root, a node of our own
 * in @dir (the null device's numbers), so that a regression replaces
 * that one, not the system's /dev/null; else /dev/null itself, which a
 * normal user cannot replace anyway (nor can root where mknod is denied).
 *
 * Returns: its path
 */
char *
dossier_test_make_device (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "null-node", NULL);

  if (geteuid () == 0 && mknod (path, S_IFCHR | 0666, makedev (1, 3)) == 0)
    return g_steal_pointer (&path);
  return g_strdup ("/dev/null");
}
