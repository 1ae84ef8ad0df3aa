/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "formats/dossier-reference.h"
#include "dossier-cli-commands.h"

/**
 * dossier_cli_write_citations:
 * @documents: (element-type DossierDocument): what to write, in order
 * @format_name: (nullable): "csl-json" (the default), "bibtex" or "ris"
 * @output: (nullable): a file to write, or %NULL / "-" for standard output
 * @command: the command, for a usage error
 *
 * Returns: the exit status
 */
int
dossier_cli_write_citations (GPtrArray  *documents,
                             const char *format_name,
                             const char *output,
                             const char *command)
{
  DossierReferenceFormat format = DOSSIER_REFERENCE_FORMAT_CSL_JSON;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (format_name != NULL && !dossier_reference_format_from_string (format_name, &format))
    return dossier_cli_usage (command, _("--format must be csl-json, bibtex or ris"));

  text = dossier_reference_write (format, documents, &length);
  if (output != NULL && !dossier_cli_is_stdout (output))
    {
      if (!dossier_cli_write_file (output, text, length, &error))
        return dossier_cli_fail (output, error);
    }
  else if (!dossier_cli_write_stdout (text, length, &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}
