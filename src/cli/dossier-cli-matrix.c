/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comparison/dossier-document-loader.h"
#include "comparison/dossier-matrix.h"
#include "comparison/dossier-json-print.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-documents.h"
#include "store/dossier-library.h"

static char *
format_text (DossierMatrix               *matrix,
             DossierTextSnapshot * const *docs)
{
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < matrix->n_documents; d++)
    g_string_append_printf (out, "%c: %s — %s%s%s\n", 'A' + d, docs[d]->title,
                            docs[d]->authors != NULL ? docs[d]->authors : _("unknown author"),
                            docs[d]->affiliations != NULL ? ", " : "",
                            docs[d]->affiliations != NULL ? docs[d]->affiliations : "");
  g_string_append_c (out, '\n');

  if (matrix->topics->len == 0)
    g_string_append_printf (out, "%s\n", _("No topic is shared by two of the documents."));

  for (guint t = 0; t < matrix->topics->len; t++)
    {
      DossierMatrixTopic *topic = g_ptr_array_index (matrix->topics, t);

      g_string_append_printf (out, "%s\n", topic->label);
      for (guint d = 0; d < matrix->n_documents; d++)
        {
          GArray *cell = g_ptr_array_index (topic->cells, d);

          g_string_append_printf (out, "  %c: ", 'A' + d);
          if (cell->len == 0)
            g_string_append (out, "—");
          for (guint k = 0; k < cell->len; k++)
            g_string_append_printf (out, "%s¶%u", k > 0 ? ", " : "", g_array_index (cell, guint, k));
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

int
dossier_cli_matrix (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library_path = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_text_snapshot_free);
  g_autoptr(DossierMatrix) matrix = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_path,
      N_("Read documents given by id from this library"), N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (_("A B [C…] — the perspectives matrix of several documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("matrix", error->message);

  if (argc < 3)
    return dossier_cli_usage ("matrix", _("matrix takes two documents or more"));
  if (argc - 1 > DOSSIER_MATRIX_MAX_DOCUMENTS)
    return dossier_cli_usage ("matrix", _("too many documents"));
  if (library_path == NULL)
    library_path = dossier_cli_default_library ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(DossierDocument) document = NULL;
      g_autofree char *spec = dossier_cli_resolve_spec (&library, library_path, argv[i], &error);

      if (spec == NULL)
        return dossier_cli_fail (argv[i], error);
      document = dossier_comparison_load_document (spec, library_path, NULL, &error);
      if (document == NULL)
        return dossier_cli_fail (argv[i], error);
      g_ptr_array_add (docs, dossier_text_snapshot_new (document));
    }

  matrix = dossier_matrix_compute ((DossierTextSnapshot * const *) docs->pdata, docs->len, NULL, &error);
  if (matrix == NULL)
    return dossier_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr(JsonNode) node = dossier_matrix_to_json (matrix, (DossierTextSnapshot * const *) docs->pdata);
      output = dossier_json_print (node);
    }
  else
    output = format_text (matrix, (DossierTextSnapshot * const *) docs->pdata);

  if (!dossier_cli_write_stdout (output, strlen (output), &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}
