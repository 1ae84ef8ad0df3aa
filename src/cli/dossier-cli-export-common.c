/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "export/dossier-pdf-exporter.h"
#include "formats/dossier-file-save.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-json.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-export-common.h"

/* After the command's own options, so that --help lists them in the
 * same place for both commands. */
void
dossier_cli_export_add_options (GOptionContext          *context,
                                DossierCliExportOptions *options)
{
  const GOptionEntry entries[] = {
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper_name,
      N_("Paper size: letter or a4 (default: from the locale)"), N_("PAPER") },
    { "justify", 0, 0, G_OPTION_ARG_NONE, &options->justify,
      N_("Justify the text instead of ragged right"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet,
      N_("Do not print the file written"), NULL },
    { NULL }
  };

  options->paper = dossier_paper_get_default ();
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Returns: %FALSE if --paper names no paper */
gboolean
dossier_cli_export_read_paper (DossierCliExportOptions *options)
{
  return options->paper_name == NULL || dossier_paper_from_string (options->paper_name, &options->paper);
}

void
dossier_cli_export_options_clear (DossierCliExportOptions *options)
{
  g_clear_pointer (&options->paper_name, g_free);
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

/* The memo at @path, read and checked; its file in @file. */
DossierMemo *
dossier_cli_export_load_memo (const char  *path,
                              GFile      **file,
                              GError     **error)
{
  g_autoptr(DossierMemo) memo = NULL;

  *file = g_file_new_for_commandline_arg (path);
  memo = dossier_memo_load_file (*file, NULL, error);
  if (memo == NULL || !check_memo (memo, error))
    return NULL;
  return g_steal_pointer (&memo);
}

/* MEMO.dossier-memo → MEMO.pdf (or .docx, .odt) next to it. */
char *
dossier_cli_export_default_output (const char          *memo_path,
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

/* Whether @file may be written: it is no device or pipe (checked before
 * anything is read from it: a named pipe would hang the read), not the
 * memo itself (@is_memo says so), and not an existing file of another
 * kind (@is_other). */
gboolean
dossier_cli_export_check_output (GFile                *memo_file,
                                 GFile                *file,
                                 DossierExportFormat   format,
                                 const char           *is_memo,
                                 const char           *is_other,
                                 GError              **error)
{
  if (!dossier_file_save_check_target (file, error))
    return FALSE;
  if (same_file (memo_file, file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, is_memo);
      return FALSE;
    }
  if (is_other_existing_file (file, format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, is_other);
      return FALSE;
    }
  return TRUE;
}

/* Writes the PDF to @output, or to standard output for "-": whole or not
 * at all (it is made in memory first), and nothing else goes there. */
int
dossier_cli_export_write_pdf (DossierLayoutDocument         *document,
                              const DossierCliExportOptions *options,
                              const char                    *output)
{
  g_autoptr(DossierPdfExporter) exporter = dossier_pdf_exporter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_pages;

  dossier_pdf_exporter_set_paper (exporter, options->paper);
  dossier_pdf_exporter_set_justify (exporter, options->justify);

  if (dossier_cli_is_stdout (output))
    {
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

      if (!dossier_pdf_exporter_export_to_stream (exporter, document, memory, NULL, &error) ||
          !g_output_stream_close (memory, NULL, &error) ||
          !dossier_cli_write_stdout (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                     g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                     &error))
        return dossier_cli_fail (NULL, error);
      return 0;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!dossier_pdf_exporter_export (exporter, document, file, NULL, &error))
    return dossier_cli_fail (output, error);
  if (!options->quiet)
    {
      n_pages = dossier_pdf_exporter_get_n_pages (exporter);
      /* TRANSLATORS: %s is a file name, %u a number of pages. */
      printf (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), output, n_pages);
    }
  return 0;
}
