/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "export/dossier-export-format.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-office-exporter.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-export-common.h"

/* dossier-cli export MEMO -o OUT.{pdf,docx,odt}: the memo as the PDF
 * export-pdf writes, or as a Word or OpenDocument file for clearance.
 * The format comes from --format, else from OUT's extension. */

static int
export_office (DossierLayoutDocument         *document,
               DossierExportFormat            format,
               const DossierCliExportOptions *options,
               const char                    *output)
{
  g_autoptr(DossierOfficeExporter) exporter = dossier_office_exporter_new (format);
  g_autoptr(GError) error = NULL;

  dossier_office_exporter_set_paper (exporter, options->paper);
  dossier_office_exporter_set_justify (exporter, options->justify);

  if (dossier_cli_is_stdout (output))
    {
      g_autoptr(GBytes) bytes = dossier_office_exporter_export_to_bytes (exporter, document, NULL, &error);
      gsize size;
      gconstpointer data;

      if (bytes == NULL)
        return dossier_cli_fail (NULL, error);
      data = g_bytes_get_data (bytes, &size);
      if (!dossier_cli_write_stdout (data, size, &error))
        return dossier_cli_fail (NULL, error);
      return 0;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!dossier_office_exporter_export (exporter, document, file, NULL, &error))
      return dossier_cli_fail (output, error);
  }
  if (!options->quiet)
    /* TRANSLATORS: %s is a file name */
    printf (_("Wrote %s\n"), output);
  return 0;
}

int
dossier_cli_export (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLayoutDocument) document = NULL;
  g_autoptr(GFile) memo_file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_auto(DossierCliExportOptions) options = { 0 };
  gboolean to_stdout;
  DossierExportFormat format = DOSSIER_EXPORT_FORMAT_PDF;
  DossierExportFormat named;
  gboolean has_format, has_named;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT.pdf, OUT.docx or OUT.odt, the format by the extension (- is standard output, with --format)"),
      N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, docx or odt (default: from OUT's extension, else pdf)"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — export a briefing memo to PDF, Word (DOCX) or OpenDocument (ODT)"));
  g_option_context_set_description (context,
    _("DOCX and ODT keep the header block, the banners, the page numbers (as fields), the "
      "headings, lists, quotations and decision lines in named styles, and every note as a "
      "real footnote; the word processor lays out the pages."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dossier_cli_export_add_options (context, &options);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("export", error->message);

  if (argc != 2)
    return dossier_cli_usage ("export", _("export takes exactly one MEMO"));
  if (!dossier_cli_export_read_paper (&options))
    return dossier_cli_usage ("export", _("--paper must be letter or a4"));

  has_format = format_name != NULL;
  if (has_format && !dossier_export_format_from_string (format_name, &format))
    return dossier_cli_usage ("export", _("--format must be pdf, docx or odt"));

  to_stdout = dossier_cli_is_stdout (output);
  has_named = output != NULL && !to_stdout && dossier_export_format_for_path (output, &named);
  if (to_stdout && !has_format)
    return dossier_cli_usage ("export", _("-o - (standard output) needs --format=pdf, docx or odt"));
  if (has_format && has_named && named != format)
    {
      g_autofree char *message =
        g_strdup_printf (_("--format=%s does not match the name %s"), dossier_export_format_to_string (format), output);

      return dossier_cli_usage ("export", message);
    }
  if (!has_format && output != NULL && !to_stdout)
    {
      g_autofree char *message = NULL;

      if (!has_named)
        {
          message = g_strdup_printf (_("cannot tell the format of %s: name it .pdf, .docx or .odt, or give --format"),
                                     output);
          return dossier_cli_usage ("export", message);
        }
      format = named;
    }

  memo = dossier_cli_export_load_memo (argv[1], &memo_file, &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);

  if (output == NULL)
    output = dossier_cli_export_default_output (argv[1], format);
  if (!to_stdout)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      /* TRANSLATORS: %s is a format: PDF, DOCX or ODT */
      g_autofree char *is_other = g_strdup_printf (_("exists and is not a %s file; it was left untouched (remove it or choose another name)"),
                                                   format == DOSSIER_EXPORT_FORMAT_PDF ? "PDF" :
                                                   format == DOSSIER_EXPORT_FORMAT_DOCX ? "DOCX" : "ODT");

      if (!dossier_cli_export_check_output (memo_file, file, format,
                                            _("that is the memo itself; give the export another name with -o"),
                                            is_other, &error))
        return dossier_cli_fail (output, error);
    }

  document = dossier_memo_to_layout_document (memo);
  if (format == DOSSIER_EXPORT_FORMAT_PDF)
    return dossier_cli_export_write_pdf (document, &options, output);
  return export_office (document, format, &options, output);
}
