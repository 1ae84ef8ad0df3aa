/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-comparison-save"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "comparison/dossier-comparison.h"
#include "importers/dossier-import.h"
#include "dossier-test-files.h"

static DossierDocument *
load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return document;
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

/* A comparison saved over an older one on a full disk (a file size
 * limit, which needs no privileges): an error, and the old file is as
 * it was, with no temporary file beside it. */
static void
test_save_full_disk (void)
{
  g_autoptr(DossierDocument) left = NULL;
  g_autoptr(DossierDocument) right = NULL;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  left = load_document ("aid-engagement.txt");
  right = load_document ("aid-pressure.txt");
  comparison = dossier_comparison_new (left, right);
  dir = g_dir_make_tmp ("dossier-comparison-save-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "saved.dossier-comparison", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (dossier_comparison_save (comparison, file, NULL, &error));
  g_assert_no_error (error);
  old = read_file (path);

  /* Anchors enough to make the file far larger than the room left. */
  for (guint i = 0; i < 2000; i++)
    dossier_comparison_add_anchor (comparison, i, i + 1);

  dossier_test_limit_file_size (8 * 1024);

  g_assert_false (dossier_comparison_save (comparison, file, NULL, &error));
  g_assert_nonnull (error);
  after = read_file (path);
  assert_same (after, old);
  g_assert_nonnull (strstr (error->message, path));
  names = dossier_test_list_dir (dir);
  g_assert_cmpstr (names, ==, "saved.dossier-comparison");

  dossier_test_remove_tree (dir);
}

/* Nor into a named pipe (never opened: that would hang), or a device. */
static void
test_save_special_files (void)
{
  g_autoptr(DossierDocument) left = load_document ("aid-engagement.txt");
  g_autoptr(DossierDocument) right = load_document ("aid-pressure.txt");
  g_autoptr(DossierComparison) comparison = dossier_comparison_new (left, right);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-comparison-save-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.dossier-comparison", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autofree char *device_path = NULL;
  g_autoptr(GFile) device = NULL;
  struct stat st;

  g_assert_no_error (error);
  device_path = dossier_test_make_device (dir);
  device = g_file_new_for_path (device_path);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (dossier_comparison_save (comparison, fifo_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (dossier_comparison_save (comparison, device, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (lstat (device_path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  dossier_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/file/save-full-disk", test_save_full_disk);
  g_test_add_func ("/dossier/comparison/file/save-special-files", test_save_special_files);

  return g_test_run ();
}
