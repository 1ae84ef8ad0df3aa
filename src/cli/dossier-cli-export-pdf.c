/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "export/dossier-memo-layout.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-export-common.h"

int
dossier_cli_export_pdf (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLayoutDocument) document = NULL;
  g_autoptr(GFile) memo_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autofree char *output = NULL;
  g_auto(DossierCliExportOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT.pdf (default: the memo's name with .pdf; - is standard output)"), N_("OUT.pdf") },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — export a briefing memo to PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dossier_cli_export_add_options (context, &options);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("export-pdf", error->message);

  if (argc != 2)
    return dossier_cli_usage ("export-pdf", _("export-pdf takes exactly one MEMO"));
  if (!dossier_cli_export_read_paper (&options))
    return dossier_cli_usage ("export-pdf", _("--paper must be letter or a4"));

  memo = dossier_cli_export_load_memo (argv[1], &memo_file, &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);
  document = dossier_memo_to_layout_document (memo);

  if (!dossier_cli_is_stdout (output))
    {
      if (output == NULL)
        output = dossier_cli_export_default_output (argv[1], DOSSIER_EXPORT_FORMAT_PDF);
      pdf_file = g_file_new_for_commandline_arg (output);
      if (!dossier_cli_export_check_output (memo_file, pdf_file, DOSSIER_EXPORT_FORMAT_PDF,
                                            _("that is the memo itself; give the PDF another name with -o"),
                                            _("exists and is not a PDF; it was left untouched (remove it or choose another name)"),
                                            &error))
        return dossier_cli_fail (output, error);
    }

  return dossier_cli_export_write_pdf (document, &options, output);
}
