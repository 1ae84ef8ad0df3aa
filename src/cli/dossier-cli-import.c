/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "dossier-cli-commands.h"

int
dossier_cli_import (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *json = NULL;
  DossierImportFormat format = DOSSIER_IMPORT_FORMAT_AUTO;
  gsize length;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("How to read FILE: auto, text, html or json (default: auto)"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — import an article and print it as JSON"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("import", error->message);

  if (argc != 2)
    return dossier_cli_usage ("import", _("import takes exactly one FILE"));

  if (format_name != NULL && !dossier_import_format_from_string (format_name, &format))
    return dossier_cli_usage ("import", _("--format must be auto, text, html or json"));

  file = g_file_new_for_commandline_arg (argv[1]);
  document = dossier_import_file (file, format, NULL, &error);
  if (document == NULL)
    return dossier_cli_fail (argv[1], error);

  json = dossier_document_to_json (document, &length);
  if (!dossier_cli_write_stdout (json, length, &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}
