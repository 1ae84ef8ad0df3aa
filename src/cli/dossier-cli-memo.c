/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "export/dossier-memo-layout.h"
#include "formats/dossier-file-save.h"
#include "export/dossier-page-layout.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-library.h"
#include "memo/dossier-memo-notes.h"
#include "memo/dossier-memo-templates.h"
#include "dossier-cli-commands.h"

static int
memo_new (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  gboolean force = FALSE;
  DossierMemoKind kind = DOSSIER_MEMO_KIND_INFORMATION;
  gsize length;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_name,
      N_("information, decision or policy-brief (default: information)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the memo to FILE instead of standard output (- is standard output)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Overwrite FILE if it exists"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— start a briefing memo from a template"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("memo new", error->message);

  if (argc != 1)
    return dossier_cli_usage ("memo new", _("memo new takes no arguments; use -o FILE"));

  if (template_name != NULL && !dossier_memo_kind_from_string (template_name, &kind))
    return dossier_cli_usage ("memo new", _("--template must be information, decision or policy-brief"));

  memo = dossier_memo_new_from_template (kind);
  json = dossier_memo_to_json (memo, &length);

  if (output == NULL || dossier_cli_is_stdout (output))
    {
      if (!dossier_cli_write_stdout (json, length, &error))
        return dossier_cli_fail (NULL, error);
      return 0;
    }

  /* A pipe, a device or a folder is refused before --force is asked for. */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!dossier_file_save_check_target (file, &error))
      return dossier_cli_fail (output, error);
  }

  /* Never clobber a memo by accident: it is the analyst's work. */
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The file exists already; use --force to replace it"));
      return dossier_cli_fail (output, error);
    }

  if (!dossier_cli_write_file (output, json, length, &error))
    return dossier_cli_fail (output, error);

  return 0;
}

static DossierMemo *
load_memo (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return dossier_memo_load_file (file, NULL, error);
}

/* Lint gets the real page count from the PDF layout engine. */
static guint
count_pages (DossierMemo *memo,
             gpointer     user_data)
{
  g_autoptr(DossierLayoutDocument) document = dossier_memo_to_layout_document (memo);
  g_autoptr(DossierPageLayout) layout = dossier_page_layout_new (dossier_paper_get_default ());

  dossier_page_layout_set_document (layout, document);
  return dossier_page_layout_get_n_pages (layout);
}

static int
memo_check (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GListStore) issues = NULL;
  g_autofree char *library_path = NULL;
  gboolean strict = FALSE;
  gboolean no_library = FALSE;
  guint n_errors = 0, n_warnings = 0, n;
  const DossierMemoLayoutHooks hooks = { count_pages, NULL, NULL };
  const char *path;
  const GOptionEntry entries[] = {
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_path,
      N_("Check quotes against this library (default: the user’s library, if any)"), N_("PATH") },
    { "no-library", 0, 0, G_OPTION_ARG_NONE, &no_library,
      N_("Do not check quotes against any library"), NULL },
    { "strict", 's', 0, G_OPTION_ARG_NONE, &strict, N_("Fail on warnings too"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — check citations, quotes and format of a memo"));
  g_option_context_set_summary (context,
    _("Exit status: 0 when the memo is sound, 1 when something is wrong (or, with --strict,\n"
      "when there are warnings), 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("memo check", error->message);

  if (argc != 2)
    return dossier_cli_usage ("memo check", _("memo check takes exactly one MEMO"));
  if (no_library && library_path != NULL)
    return dossier_cli_usage ("memo check", _("--library and --no-library exclude each other"));

  path = argv[1];
  memo = load_memo (path, &error);
  if (memo == NULL)
    return dossier_cli_fail (path, error);

  if (!no_library && library_path == NULL)
    {
      /* The default library is used only if it exists: a check must not create one. */
      g_autofree char *default_path = dossier_library_dup_default_path ();

      if (g_file_test (default_path, G_FILE_TEST_IS_REGULAR))
        library_path = g_steal_pointer (&default_path);
    }
  else if (library_path != NULL && !g_file_test (library_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no library here"));
      return dossier_cli_fail (library_path, error);
    }

  if (library_path != NULL)
    {
      library = dossier_library_open (library_path, &error);
      if (library == NULL)
        return dossier_cli_fail (library_path, error);
    }

  issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  dossier_memo_check_references (memo, issues);
  if (!dossier_memo_check_quotes (memo, library ? dossier_memo_library_find_source : NULL, library,
                                  issues, NULL, &error))
    return dossier_cli_fail (library_path, error);
  dossier_memo_lint (memo, &hooks, issues);

  n = g_list_model_get_n_items (G_LIST_MODEL (issues));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (G_LIST_MODEL (issues), i);
      gboolean is_error = dossier_memo_issue_is_error (issue);
      const char *closest = dossier_memo_issue_get_closest_passage (issue);

      if (is_error)
        n_errors++;
      else
        n_warnings++;

      /* "memo.dossier-memo: error: quote-mismatch: the quote of …" */
      g_print ("%s: %s: %s: %s\n", path, is_error ? _("error") : _("warning"),
               dossier_memo_issue_get_code (issue), dossier_memo_issue_get_message (issue));
      if (closest != NULL)
        /* Translators: the closest passage of the source to a quote that no longer matches */
        g_print (_("    closest passage (%d%% of the words): “%s”\n"),
                 (int)(dossier_memo_issue_get_similarity (issue) * 100 + 0.5), closest);
    }

  if (n_errors == 0 && n_warnings == 0)
    g_print (_("%s: OK: %u citations resolve, are used and match their sources\n"), path,
             g_list_model_get_n_items (dossier_memo_get_citations (memo)));
  else
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

      g_print ("%s: %s, %s\n", path, errors, warnings);
    }

  return n_errors > 0 || (strict && n_warnings > 0) ? 1 : 0;
}

static int
memo_show (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autofree char *text = NULL;

  context = g_option_context_new (_("MEMO — print a memo as plain text with its footnotes"));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("memo show", error->message);

  if (argc != 2)
    return dossier_cli_usage ("memo show", _("memo show takes exactly one MEMO"));

  memo = load_memo (argv[1], &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);

  text = dossier_memo_render_text (memo);
  if (!dossier_cli_write_stdout (text, strlen (text), &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}

/* A source as the memo knows it: the copy of the bibliographic data each
 * citation carries, its authors' names never split into parts. */
static DossierDocument *
document_from_citation (DossierCitation *citation)
{
  DossierDocument *document = dossier_document_new ();
  const char * const *authors = dossier_citation_get_authors (citation);

  dossier_document_set_title (document, dossier_citation_get_title (citation));
  dossier_document_set_publisher (document, dossier_citation_get_publisher (citation));
  dossier_document_set_issued (document, dossier_citation_get_published (citation));
  dossier_document_set_source_url (document, dossier_citation_get_source_url (citation));
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    {
      g_autoptr(DossierAuthor) author = dossier_author_new (authors[i]);
      dossier_document_add_author (document, author);
    }
  return document;
}

static int
memo_sources (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *library_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  GListModel *citations;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("csl-json (default), bibtex or ris"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output (- is standard output)"), N_("FILE") },
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_path,
      N_("Take the sources’ full references from this library (default: the user’s library, if any)"),
      N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (_("MEMO — the references of the sources a memo cites"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("memo sources", error->message);
  if (argc != 2)
    return dossier_cli_usage ("memo sources", _("memo sources takes exactly one MEMO"));

  memo = load_memo (argv[1], &error);
  if (memo == NULL)
    return dossier_cli_fail (argv[1], error);

  if (library_path == NULL)
    {
      g_autofree char *default_path = dossier_library_dup_default_path ();

      if (g_file_test (default_path, G_FILE_TEST_IS_REGULAR))
        library_path = g_steal_pointer (&default_path);
    }
  if (library_path != NULL)
    {
      library = dossier_library_open_with_flags (library_path, DOSSIER_LIBRARY_OPEN_READ_ONLY, &error);
      if (library == NULL)
        return dossier_cli_fail (library_path, error);
    }

  /* Each work once, in the order the memo first cites it; a source in
   * the library (for words "quoted in" an article, the article) is
   * written with everything the library knows of it (volume, DOI …), one
   * that is not from the memo's own copy. */
  citations = dossier_memo_get_citations (memo);
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      const char *library_id = dossier_citation_get_library_id (citation);
      DossierDocument *stored = library != NULL && library_id != NULL
                                  ? dossier_library_get_document (library, library_id) : NULL;
      g_autofree char *work = NULL;

      work = stored != NULL ? g_strdup (library_id)
                            : g_strconcat (dossier_citation_get_title (citation) ?: "", "\x1e",
                                           dossier_citation_get_source_url (citation) ?: "", NULL);
      if (!g_hash_table_add (seen, g_steal_pointer (&work)))
        continue;
      g_ptr_array_add (documents, stored != NULL ? dossier_document_dup_metadata (stored)
                                                 : document_from_citation (citation));
    }

  return dossier_cli_write_citations (documents, format, output, "memo sources");
}

int
dossier_cli_memo (int    argc,
                  char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "new"))
    return memo_new (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return memo_check (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return memo_show (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "sources"))
    return memo_sources (argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n\n", _("Usage: dossier-cli memo COMMAND [OPTION…]"));
      g_print ("  new [--template=information|decision|policy-brief] [-o FILE]   %s\n", _("Start a memo from a template"));
      g_print ("  check MEMO [--library PATH] [--strict]   %s\n", _("Check citations, quotes and format"));
      g_print ("  show MEMO   %s\n", _("Print the memo as plain text with its notes"));
      g_print ("  sources MEMO [--format=csl-json|bibtex|ris] [-o FILE] [--library PATH]   %s\n",
               _("The references of the sources the memo cites"));
      return 0;
    }

  return dossier_cli_usage ("memo", _("expected new, check, show or sources"));
}
