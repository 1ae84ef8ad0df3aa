/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "export/dossier-export-format.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-office-exporter.h"
#include "export/dossier-pdf-exporter.h"
#include "formats/dossier-file-save.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-json.h"
#include "dossier-cli-commands.h"

/* dossier-cli export MEMO -o OUT.{pdf,docx,odt}: the memo as the PDF
 * export-pdf writes, or as a Word or OpenDocument file for clearance.
 * The format comes from --format, else from OUT's extension. */

/* MEMO.dossier-memo → MEMO.docx next to it. */
static char *
default_output (const char          *memo_path,
                DossierExportFormat  format)
{
  g_autofree char *stem = NULL;

  if (g_str_has_suffix (memo_path, ".dossier-memo"))
    stem = g_strndup (memo_path, strlen (memo_path) - strlen (".dossier-memo"));
  else if (g_str_has_suffix (memo_path, ".json"))
    stem = g_strndup (memo_path, strlen (memo_path) - strlen (".json"));
  else
    stem = g_strdup (memo_path);

  return g_strconcat (stem, dossier_export_format_get_extension (format), NULL);
}

/* Same file, by identity rather than by name ("./m.dossier-memo", links). */
static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;

  if (g_file_equal (a, b))
    return TRUE;
  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info_a != NULL && info_b != NULL &&
         g_strcmp0 (g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE),
                    g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE)) == 0;
}

/* An existing file that is not of the format written (a memo, an
 * article) is someone's work: -o pointing at it is a slip, not a wish
 * to lose it. DOCX and ODT files are ZIP archives. */
static gboolean
is_other_existing_file (GFile               *file,
                        DossierExportFormat  format)
{
  g_autoptr(GFileInputStream) stream = NULL;
  const char *magic = format == DOSSIER_EXPORT_FORMAT_PDF ? "%PDF-" : "PK\003\004";
  gsize magic_length = strlen (magic);
  char head[8] = { 0 };
  gsize n_read = 0;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return FALSE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, magic_length, &n_read, NULL, NULL))
    return TRUE;
  return n_read > 0 && !(n_read == magic_length && memcmp (head, magic, magic_length) == 0);
}

/* Never a file with text silently missing. */
static gboolean
check_memo (DossierMemo  *memo,
            GError      **error)
{
  g_autoptr(GListStore) issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);

  dossier_memo_check_references (memo, issues);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (issues)); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (G_LIST_MODEL (issues), i);

      if (dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               dossier_memo_issue_get_message (issue));
          return FALSE;
        }
    }
  return TRUE;
}

static int
export_office (DossierLayoutDocument *document,
               DossierExportFormat    format,
               DossierPaper           paper,
               gboolean               justify,
               const char            *output,
               gboolean               quiet)
{
  g_autoptr(DossierOfficeExporter) exporter = dossier_office_exporter_new (format);
  g_autoptr(GError) error = NULL;

  dossier_office_exporter_set_paper (exporter, paper);
  dossier_office_exporter_set_justify (exporter, justify);

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
  if (!quiet)
    /* TRANSLATORS: %s is a file name */
    printf (_("Wrote %s\n"), output);
  return 0;
}

static int
export_pdf (DossierLayoutDocument *document,
            DossierPaper           paper,
            gboolean               justify,
            const char            *output,
            gboolean               quiet)
{
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autoptr(GError) error = NULL;
  guint n_pages;

  dossier_pdf_exporter_set_paper (exporter, paper);
  dossier_pdf_exporter_set_justify (exporter, justify);

  if (dossier_cli_is_stdout (output))
    {
      /* Whole or not at all: the PDF is made in memory first. */
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

      if (!dossier_pdf_exporter_export_to_stream (exporter, document, memory, NULL, &error) ||
          !g_output_stream_close (memory, NULL, &error) ||
          !dossier_cli_write_stdout (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                     g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                     &error))
        return dossier_cli_fail (NULL, error);
      return 0;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!dossier_pdf_exporter_export (exporter, document, file, NULL, &error))
      return dossier_cli_fail (output, error);
  }
  if (!quiet)
    {
      n_pages = dossier_pdf_exporter_get_n_pages (exporter);
      /* TRANSLATORS: %s is a file name, %u a number of pages. */
      printf (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), output, n_pages);
    }
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
  g_autofree char *paper_name = NULL;
  gboolean justify = FALSE;
  gboolean quiet = FALSE;
  gboolean to_stdout;
  DossierPaper paper = dossier_paper_get_default ();
  DossierExportFormat format = DOSSIER_EXPORT_FORMAT_PDF;
  DossierExportFormat named;
  gboolean has_format, has_named;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT.pdf, OUT.docx or OUT.odt, the format by the extension (- is standard output, with --format)"),
      N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, docx or odt (default: from OUT's extension, else pdf)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Paper size: letter or a4 (default: from the locale)"), N_("PAPER") },
    { "justify", 0, 0, G_OPTION_ARG_NONE, &justify,
      N_("Justify the text instead of ragged right"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not print the file written"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — export a briefing memo to PDF, Word (DOCX) or OpenDocument (ODT)"));
  g_option_context_set_description (context,
    _("DOCX and ODT keep the header block, the banners, the page numbers (as fields), the "
      "headings, lists, quotations and decision lines in named styles, and every note as a "
      "real footnote; the word processor lays out the pages."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("export", error->message);

  if (argc != 2)
    return dossier_cli_usage ("export", _("export takes exactly one MEMO"));
  if (paper_name != NULL && !dossier_paper_from_string (paper_name, &paper))
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

  memo_file = g_file_new_for_commandline_arg (argv[1]);
  memo = dossier_memo_load_file (memo_file, NULL, &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);
  if (!check_memo (memo, &error))
    return dossier_cli_fail (argv[1], error);

  if (output == NULL)
    output = default_output (argv[1], format);
  if (!to_stdout)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      /* Before anything is read from it: a named pipe would hang the read. */
      if (!dossier_file_save_check_target (file, &error))
        return dossier_cli_fail (output, error);
      if (same_file (memo_file, file))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("that is the memo itself; give the export another name with -o"));
          return dossier_cli_fail (output, error);
        }
      if (is_other_existing_file (file, format))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* TRANSLATORS: %s is a format: PDF, DOCX or ODT */
                       _("exists and is not a %s file; it was left untouched (remove it or choose another name)"),
                       format == DOSSIER_EXPORT_FORMAT_PDF ? "PDF" : format == DOSSIER_EXPORT_FORMAT_DOCX ? "DOCX" : "ODT");
          return dossier_cli_fail (output, error);
        }
    }

  document = dossier_memo_to_layout_document (memo);
  if (format == DOSSIER_EXPORT_FORMAT_PDF)
    return export_pdf (document, paper, justify, output, quiet);
  return export_office (document, format, paper, justify, output, quiet);
}
