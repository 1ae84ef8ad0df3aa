/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the HTML importer on arbitrary bytes. See README.md. */
#include "config.h"

#include <stdint.h>

#include "importers/dossier-html-importer.h"
#include "importers/dossier-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;

  /* Real pages stay far below this; larger inputs only slow the fuzzer. */
  if (size > 1024 * 1024)
    return 0;

  document = dossier_html_importer_import ((const char *)data, size, NULL, NULL, "fuzz.html", &error);
  /* Exactly one of the two, always. */
  g_assert ((document == NULL) != (error == NULL));

  return 0;
}
