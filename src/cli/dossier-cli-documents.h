/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/dossier-library.h"

G_BEGIN_DECLS

/* Documents named on the command line of `compare` and `matrix`: a file,
 * or the id of a document in a library. */

char *dossier_cli_default_library (void);
char *dossier_cli_resolve_spec    (DossierLibrary **library,
                                   const char      *library_path,
                                   const char      *spec,
                                   GError         **error);

G_END_DECLS
