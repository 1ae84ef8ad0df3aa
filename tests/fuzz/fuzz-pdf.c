/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the PDF importer (Poppler's parse, then the layout,
 * notes and metadata rules) on arbitrary bytes. */
#include "config.h"

#include <stdint.h>

#include "importers/dossier-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  if (size > 1024 * 1024)
    return 0;

  bytes = g_bytes_new (data, size);
  document = dossier_import_bytes (bytes, DOSSIER_IMPORT_FORMAT_PDF, "fuzz.pdf", &error);
  g_assert ((document == NULL) != (error == NULL));

  return 0;
}
