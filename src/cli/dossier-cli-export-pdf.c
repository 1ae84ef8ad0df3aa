/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "export/dossier-memo-layout.h"
#include "export/dossier-pdf-exporter.h"
#include "formats/dossier-file-save.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-json.h"
#include "dossier-cli-commands.h"

/* MEMO.dossier-memo → MEMO.pdf next to it. */
static char *
default_output (const char *memo_path)
{
  g_autofree char *stem = NULL;

  if (g_str_has_suffix (memo_path, ".dossier-memo"))
    stem = g_strndup (memo_path, strlen (memo_path) - strlen (".dossier-memo"));
  else if (g_str_has_suffix (memo_path, ".json"))
    stem = g_strndup (memo_path, strlen (memo_path) - strlen (".json"));
  else
    stem = g_strdup (memo_path);

  return g_strconcat (stem, ".pdf", NULL);
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

/* An existing file that is not a PDF is someone's work (a memo, a
 * document): -o pointing at it is a slip, not a wish to lose it. */
static gboolean
is_other_existing_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char magic[5] = { 0 };
  gsize n_read = 0;

  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read, NULL, NULL))
    return TRUE;
  return n_read > 0 && !(n_read == sizeof magic && memcmp (magic, "%PDF-", sizeof magic) == 0);
}

/* "-o -": the PDF goes to standard output, whole or not at all (it is
 * made in memory first), and nothing else does. */
static int
export_to_stdout (DossierPdfExporter    *exporter,
                  DossierLayoutDocument *document)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!dossier_pdf_exporter_export_to_stream (exporter, document, memory, NULL, &error) ||
      !g_output_stream_close (memory, NULL, &error))
    return dossier_cli_fail (NULL, error);

  if (!dossier_cli_write_stdout (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                 g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                 &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}

int
dossier_cli_export_pdf (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLayoutDocument) document = NULL;
  g_autoptr(DossierPdfExporter) exporter = NULL;
  g_autoptr(GFile) memo_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  gboolean justify = FALSE;
  gboolean quiet = FALSE;
  DossierPaper paper = dossier_paper_get_default ();
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT.pdf (default: the memo's name with .pdf; - is standard output)"), N_("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Paper size: letter or a4 (default: from the locale)"), N_("PAPER") },
    { "justify", 0, 0, G_OPTION_ARG_NONE, &justify,
      N_("Justify the text instead of ragged right"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not print the file written"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — export a briefing memo to PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("export-pdf", error->message);

  if (argc != 2)
    return dossier_cli_usage ("export-pdf", _("export-pdf takes exactly one MEMO"));
  if (paper_name != NULL && !dossier_paper_from_string (paper_name, &paper))
    return dossier_cli_usage ("export-pdf", _("--paper must be letter or a4"));

  memo_file = g_file_new_for_commandline_arg (argv[1]);
  memo = dossier_memo_load_file (memo_file, NULL, &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);

  /* Never a PDF with text silently missing. */
  {
    g_autoptr(GListStore) issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);

    dossier_memo_check_references (memo, issues);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (issues)); i++)
      {
        g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (G_LIST_MODEL (issues), i);

        if (dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG)
          {
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 dossier_memo_issue_get_message (issue));
            return dossier_cli_fail (argv[1], error);
          }
      }
  }

  document = dossier_memo_to_layout_document (memo);
  exporter = dossier_pdf_exporter_new ();
  dossier_pdf_exporter_set_paper (exporter, paper);
  dossier_pdf_exporter_set_justify (exporter, justify);

  if (dossier_cli_is_stdout (output))
    return export_to_stdout (exporter, document);

  if (output == NULL)
    output = default_output (argv[1]);
  pdf_file = g_file_new_for_commandline_arg (output);
  /* Before anything is read from it: a named pipe would hang the read. */
  if (!dossier_file_save_check_target (pdf_file, &error))
    return dossier_cli_fail (output, error);
  if (same_file (memo_file, pdf_file))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("that is the memo itself; give the PDF another name with -o"));
      return dossier_cli_fail (output, error);
    }
  if (is_other_existing_file (pdf_file))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("exists and is not a PDF; it was left untouched (remove it or choose another name)"));
      return dossier_cli_fail (output, error);
    }

  if (!dossier_pdf_exporter_export (exporter, document, pdf_file, NULL, &error))
    return dossier_cli_fail (output, error);

  if (!quiet)
    {
      guint n_pages = dossier_pdf_exporter_get_n_pages (exporter);

      /* TRANSLATORS: %s is a file name, %u a number of pages. */
      printf (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), output, n_pages);
    }

  return 0;
}
