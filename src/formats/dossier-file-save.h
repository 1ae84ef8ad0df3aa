/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILE_SAVE (dossier_file_save_get_type ())
G_DECLARE_FINAL_TYPE (DossierFileSave, dossier_file_save, DOSSIER, FILE_SAVE, GOutputStream)

DossierFileSave *dossier_file_save_new             (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
GFile           *dossier_file_save_get_file        (DossierFileSave      *self);
gboolean         dossier_file_save_commit          (DossierFileSave      *self,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

gboolean         dossier_file_save_check_target    (GFile                *file,
                                                    GError              **error);

gboolean         dossier_file_save_contents        (GFile                *file,
                                                    const char           *data,
                                                    gsize                 length,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void             dossier_file_save_contents_async  (GFile                *file,
                                                    GBytes               *contents,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         dossier_file_save_contents_finish (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
