/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-layout-document.h"
#include "dossier-office-xml.h"

G_BEGIN_DECLS

GBytes *dossier_odt_write (DossierLayoutDocument      *document,
                            const DossierOfficeOptions *options,
                            GCancellable               *cancellable,
                            GError                    **error);

G_END_DECLS
