/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "formats/dossier-document-json.h"
#include "importers/dossier-import.h"
#include "importers/dossier-reference-import.h"
#include "dossier-cli-commands.h"

typedef struct {
  GMainLoop *loop;
  DossierDocument *document;
  GError *error;
} WebImport;

static void
web_import_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WebImport *state = user_data;

  state->document = dossier_import_uri_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

/* Downloads and imports a web address, waiting for the result. */
static DossierDocument *
import_web_address (const char  *uri,
                    GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  WebImport state = { loop, NULL, NULL };

  g_main_context_push_thread_default (context);
  dossier_import_uri_async (uri, NULL, NULL, web_import_done_cb, &state);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);

  if (state.error != NULL)
    g_propagate_error (error, state.error);
  return state.document;
}

/* A reference manager's export of one entry is that entry; of several,
 * `import` (one document) cannot say which, and `library add` takes all. */
static DossierDocument *
import_reference (GFile       *file,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = dossier_reference_import_file (file, DOSSIER_REFERENCE_FORMAT_NONE, problems,
                                                                NULL, error);

  if (entries == NULL)
    return NULL;
  if (entries->len == 1 && problems->len == 0)
    return g_object_ref (((DossierReferenceEntry *) entries->pdata[0])->document);
  if (entries->len + problems->len > 1)
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_UNSUPPORTED,
                 _("The file holds %u references; add them all with “dossier-cli library add %s”"),
                 entries->len + problems->len, name);
  else
    g_propagate_error (error, g_error_copy (problems->pdata[0]));
  return NULL;
}

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
      N_("How to read FILE: auto, text, html, json or pdf (default: auto)"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE|URL — import an article (or a reference manager's export of one "
                                    "entry) and print it as JSON"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("import", error->message);

  if (argc != 2)
    return dossier_cli_usage ("import", _("import takes exactly one FILE"));

  if (format_name != NULL && !dossier_import_format_from_string (format_name, &format))
    return dossier_cli_usage ("import", _("--format must be auto, text, html, json or pdf"));

  if (dossier_fetch_is_web_address (argv[1]))
    document = import_web_address (argv[1], &error);
  else
    {
      file = g_file_new_for_commandline_arg (argv[1]);
      if (format == DOSSIER_IMPORT_FORMAT_AUTO &&
          dossier_reference_import_sniff (file) != DOSSIER_REFERENCE_FORMAT_NONE)
        document = import_reference (file, argv[1], &error);
      else
        document = dossier_import_file (file, format, NULL, &error);
    }
  if (document == NULL)
    return dossier_cli_fail (argv[1], error);

  json = dossier_document_to_json (document, &length);
  if (!dossier_cli_write_stdout (json, length, &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}
