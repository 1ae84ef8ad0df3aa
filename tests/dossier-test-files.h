/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * For the tests of what Dossier writes: a folder's listing, removing a
 * test folder, a full disk without privileges, and a device to refuse.
 */
char *dossier_test_list_dir         (const char *path);
void  dossier_test_remove_tree      (const char *path);
void  dossier_test_limit_file_size  (gsize       size);
char *dossier_test_make_device      (const char *dir);

G_END_DECLS
