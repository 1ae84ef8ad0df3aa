/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

gboolean         dossier_comparison_has_library_support (void);
DossierDocument *dossier_comparison_load_document       (const char    *spec,
                                                         const char    *library_path,
                                                         GCancellable  *cancellable,
                                                         GError       **error);

DossierDocument *dossier_comparison_load_library_document (const char    *id,
                                                          const char    *library_path,
                                                          GError       **error);

G_END_DECLS
