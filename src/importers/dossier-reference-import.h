/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "formats/dossier-reference.h"

G_BEGIN_DECLS

DossierReferenceFormat  dossier_reference_import_sniff (GFile                  *file);
GPtrArray              *dossier_reference_import_file  (GFile                  *file,
                                                        DossierReferenceFormat  format,
                                                        GPtrArray              *problems,
                                                        GCancellable           *cancellable,
                                                        GError                **error);
GPtrArray              *dossier_reference_import_bytes (GBytes                 *bytes,
                                                        DossierReferenceFormat  format,
                                                        GPtrArray              *problems,
                                                        GError                **error);

G_END_DECLS
