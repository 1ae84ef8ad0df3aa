/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DossierZipWriter DossierZipWriter;

DossierZipWriter *dossier_zip_writer_new    (void);
void              dossier_zip_writer_free   (DossierZipWriter *self);
void              dossier_zip_writer_add    (DossierZipWriter *self,
                                             const char       *name,
                                             GBytes           *contents,
                                             gboolean          compress);
GBytes           *dossier_zip_writer_finish (DossierZipWriter *self,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierZipWriter, dossier_zip_writer_free)

G_END_DECLS
