/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/dossier-reference.h"
#include "store/dossier-library.h"
#include "store/dossier-library-collections.h"
#include "formats/dossier-json-writer.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-library-private.h"

/* `dossier-cli library SUBCOMMAND`: the same library the app shows. */

typedef DossierCliLibraryOptions Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->library_path, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->author, g_free);
  g_clear_pointer (&options->publisher, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->collection, g_free);
  g_clear_pointer (&options->tag, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

typedef DossierCliOpenFor OpenFor;
#define OPEN_TO_READ DOSSIER_CLI_OPEN_TO_READ
#define OPEN_TO_CHANGE DOSSIER_CLI_OPEN_TO_CHANGE
#define OPEN_TO_ADD DOSSIER_CLI_OPEN_TO_ADD

/* Only `add` creates a library: a mistyped --library for list, search,
 * export or remove must say so rather than make an empty file. */
DossierLibrary *
dossier_cli_library_open (Options   *options,
                          OpenFor    open_for,
                          GError   **error)
{
  g_autofree char *path = options->library_path
    ? g_strdup (options->library_path)
    : dossier_library_dup_default_path ();
  g_autoptr(DossierLibrary) library = NULL;

  if (open_for != OPEN_TO_ADD && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no library at %s (add documents with “dossier-cli library add”)"), path);
      return NULL;
    }

  /* A command reads what it prints, not the whole list of documents;
   * `add` does not read it at all (it was read at every open, and each
   * document added was copied into it). */
  library = dossier_library_open_with_flags (path,
                                             open_for == OPEN_TO_READ
                                               ? DOSSIER_LIBRARY_OPEN_READ_ONLY | DOSSIER_LIBRARY_OPEN_LAZY
                                               : open_for == OPEN_TO_ADD ? DOSSIER_LIBRARY_OPEN_LAZY
                                               : DOSSIER_LIBRARY_OPEN_DEFAULT,
                                             error);
  if (library == NULL)
    return NULL;

  /* Said once, rather than once per file. */
  if (open_for != OPEN_TO_READ && dossier_library_is_read_only (library))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
                   _("The library %s is read-only; nothing was changed"), shown);
      return NULL;
    }
  return g_steal_pointer (&library);
}

int
dossier_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = dossier_json_to_text (root, &length);

  if (!dossier_cli_write_stdout (text, length, &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
dossier_cli_add_document_json (JsonBuilder     *builder,
                               DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);

  add_nullable (builder, "id", dossier_document_get_id (document));
  add_nullable (builder, "title", dossier_document_get_title (document));
  add_nullable (builder, "subtitle", dossier_document_get_subtitle (document));
  add_nullable (builder, "publisher", dossier_document_get_publisher (document));
  add_nullable (builder, "published", dossier_document_get_published (document));
  add_nullable (builder, "source_url", dossier_document_get_source_url (document));
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      json_builder_add_string_value (builder, dossier_author_get_name (author));
    }
  json_builder_end_array (builder);
}

/* A tab in a title would break the columns of the text output. */
char *
dossier_cli_one_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

static gboolean
list_json_row (DossierDocument *document,
               gpointer         user_data)
{
  JsonBuilder *builder = user_data;

  json_builder_begin_object (builder);
  dossier_cli_add_document_json (builder, document);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
list_text_row (DossierDocument *document,
               gpointer         user_data)
{
  GString *lines = user_data;
  g_autofree char *title = dossier_cli_one_line (dossier_document_get_title (document));
  g_autofree char *authors = dossier_document_dup_author_names (document);
  g_autofree char *authors_line = dossier_cli_one_line (authors);

  g_string_append_printf (lines, "%s\t%s\t%s\t%s\n", dossier_document_get_id (document),
                          dossier_document_get_issued (document) ?: "-", title, authors_line);
  return TRUE;
}

/* What `list` prints, for a list of documents already read. */
int
dossier_cli_print_documents (Options    *options,
                             GListModel *documents)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (documents);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

          list_json_row (document, builder);
        }
      json_builder_end_array (builder);
      return dossier_cli_print_json (builder);
    }

  {
    g_autoptr(GString) lines = g_string_new (NULL);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

        list_text_row (document, lines);
      }
    if (!dossier_cli_write_stdout (lines->str, lines->len, &error))
      return dossier_cli_fail (NULL, error);
  }
  return 0;
}

static int
run_list (Options *options)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (options->collection != NULL || options->tag != NULL)
    return dossier_cli_library_list_filtered (options);

  library = dossier_cli_library_open (options, OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      if (!dossier_library_foreach_document (library, list_json_row, builder, &error))
        return dossier_cli_fail (NULL, error);
      json_builder_end_array (builder);
      return dossier_cli_print_json (builder);
    }

  {
    g_autoptr(GString) lines = g_string_new (NULL);

    if (!dossier_library_foreach_document (library, list_text_row, lines, &error))
      return dossier_cli_fail (NULL, error);
    if (!dossier_cli_write_stdout (lines->str, lines->len, &error))
      return dossier_cli_fail (NULL, error);
  }
  return 0;
}

/* For a terminal: the private-use markers become [ ] and the snippet one line. */
static char *
plain_snippet (const char *snippet)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = snippet ? snippet : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xE000)
        g_string_append_c (out, '[');
      else if (c == 0xE001)
        g_string_append_c (out, ']');
      else if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
run_search (Options  *options,
            int       argc,
            char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  DossierLibraryQuery q = { 0 };
  gboolean filtered = options->author || options->publisher || options->from || options->to ||
                      options->collection || options->tag;
  guint n;

  if (argc < 1 && !filtered)
    return dossier_cli_usage ("library", _("library search needs a QUERY or a filter"));
  if (options->limit < 0)
    return dossier_cli_usage ("library", _("--limit must be a positive number"));
  if ((options->from && !dossier_is_valid_iso_date (options->from)) ||
      (options->to && !dossier_is_valid_iso_date (options->to)))
    return dossier_cli_usage ("library", _("--from and --to take a date as YYYY-MM-DD"));

  /* `library search north korea` means the same as `"north korea"` quoted by the shell. */
  query = g_strjoinv (" ", argv);

  library = dossier_cli_library_open (options, OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  q.text = query;
  q.author = options->author;
  q.publisher = options->publisher;
  q.published_from = options->from;
  q.published_to = options->to;
  q.tag = options->tag;
  q.collection = options->collection;
  /* A mistyped name says so rather than finding nothing. */
  if (options->collection != NULL)
    {
      g_autoptr(DossierCollection) collection = dossier_library_find_collection (library, options->collection, &error);

      if (collection == NULL)
        return dossier_cli_fail (NULL, error);
    }
  q.limit = options->limit > 0 ? (guint) options->limit : 20;
  results = dossier_library_search_query (library, &q, &error);
  if (results == NULL)
    return dossier_cli_fail (NULL, error);
  n = g_list_model_get_n_items (results);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);

          json_builder_begin_object (builder);
          dossier_cli_add_document_json (builder, dossier_search_result_get_document (result));
          add_nullable (builder, "snippet", dossier_search_result_get_snippet (result));
          if (dossier_search_result_get_page (result) > 0)
            {
              json_builder_set_member_name (builder, "page");
              json_builder_add_int_value (builder, dossier_search_result_get_page (result));
            }
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, dossier_search_result_get_rank (result));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return dossier_cli_print_json (builder);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSearchResult) result = g_list_model_get_item (results, i);
      DossierDocument *document = dossier_search_result_get_document (result);
      g_autofree char *title = dossier_cli_one_line (dossier_document_get_title (document));
      g_autofree char *snippet = plain_snippet (dossier_search_result_get_snippet (result));
      guint page = dossier_search_result_get_page (result);

      /* A PDF's page as a citation gives it. */
      if (page > 0)
        {
          g_autofree char *on_page = g_strdup_printf (_("p. %u"), page);

          g_print ("%s\t%s\t%s: %s\n", dossier_document_get_id (document), title, on_page, snippet);
        }
      else
        g_print ("%s\t%s\t%s\n", dossier_document_get_id (document), title, snippet);
    }
  return 0;
}

static int
run_export (Options  *options,
            int       argc,
            char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *json = NULL;
  gsize length;

  if (argc != 1)
    return dossier_cli_usage ("library", _("library export takes exactly one ID"));

  library = dossier_cli_library_open (options, OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  id = dossier_library_resolve_id (library, argv[0], &error);
  if (id == NULL)
    return dossier_cli_fail (NULL, error);

  json = dossier_library_dup_json (library, id, &length, &error);
  if (json == NULL)
    return dossier_cli_fail (NULL, error);

  if (options->output != NULL && !dossier_cli_is_stdout (options->output))
    {
      if (!dossier_cli_write_file (options->output, json, length, &error))
        return dossier_cli_fail (options->output, error);
    }
  else if (!dossier_cli_write_stdout (json, length, &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}

static gboolean
collect_document (DossierDocument *document,
                  gpointer         user_data)
{
  GPtrArray *documents = user_data;

  /* The document given may be reused for the next one. */
  g_ptr_array_add (documents, dossier_document_dup_metadata (document));
  return TRUE;
}

/* The entries' metadata as CSL-JSON, BibTeX or RIS: the IDs given, in
 * their order, those --collection and --tag choose, or every document,
 * newest first. */
static int
run_export_citations (Options  *options,
                      int       argc,
                      char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chosen = NULL;
  DossierReferenceFormat format;

  if (options->format != NULL && !dossier_reference_format_from_string (options->format, &format))
    return dossier_cli_usage ("library", _("--format must be csl-json, bibtex or ris"));

  library = dossier_cli_library_open (options, OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  if (options->collection != NULL || options->tag != NULL)
    {
      g_autoptr(GListModel) documents = NULL;

      if (argc > 0)
        return dossier_cli_usage ("library", _("export-citations takes IDs or --collection/--tag, not both"));
      documents = dossier_cli_library_filtered_documents (library, options, &error);
      if (documents == NULL)
        return dossier_cli_fail (NULL, error);
      chosen = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        g_ptr_array_add (chosen, g_list_model_get_item (documents, i));
      return dossier_cli_write_citations (chosen, options->format, options->output, "library");
    }

  if (!dossier_library_foreach_document (library, collect_document, all, &error))
    return dossier_cli_fail (NULL, error);

  if (argc == 0)
    chosen = g_ptr_array_ref (all);
  else
    {
      chosen = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 0; i < argc; i++)
        {
          g_autofree char *id = dossier_library_resolve_id (library, argv[i], &error);

          if (id == NULL)
            return dossier_cli_fail (NULL, error);
          for (guint j = 0; j < all->len; j++)
            if (g_strcmp0 (dossier_document_get_id (all->pdata[j]), id) == 0)
              {
                g_ptr_array_add (chosen, g_object_ref (all->pdata[j]));
                break;
              }
        }
    }

  return dossier_cli_write_citations (chosen, options->format, options->output, "library");
}

static int
run_remove (Options  *options,
            int       argc,
            char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  DossierDocument *document;

  if (argc != 1)
    return dossier_cli_usage ("library", _("library remove takes exactly one ID"));

  library = dossier_cli_library_open (options, OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  id = dossier_library_resolve_id (library, argv[0], &error);
  if (id == NULL)
    return dossier_cli_fail (NULL, error);

  /* Say what was removed, since a prefix may have matched something the
   * user did not expect. */
  document = dossier_library_get_document (library, id);
  if (document != NULL && dossier_document_get_title (document) != NULL)
    title = dossier_cli_one_line (dossier_document_get_title (document));
  else
    title = g_strdup (id);

  if (!dossier_library_remove (library, id, &error))
    return dossier_cli_fail (NULL, error);

  g_print (_("Moved “%s” to the Trash (restore it with “dossier-cli library trash restore %.8s”)\n"), title, id);
  return 0;
}

static char *
format_time (gint64 seconds,
             gboolean utc_iso)
{
  g_autoptr(GDateTime) time = utc_iso ? g_date_time_new_from_unix_utc (seconds)
                                      : g_date_time_new_from_unix_local (seconds);

  if (time == NULL)
    return g_strdup ("-");
  return utc_iso ? g_date_time_format_iso8601 (time) : g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static int
run_trash_list (Options *options)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *trash;
  guint n;

  library = dossier_cli_library_open (options, OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  trash = dossier_library_get_trash (library);
  n = g_list_model_get_n_items (trash);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierTrashItem) item = g_list_model_get_item (trash, i);
          g_autofree char *trashed = format_time (dossier_trash_item_get_trashed (item), TRUE);
          g_autofree char *expires = format_time (dossier_trash_item_get_expires (item), TRUE);

          json_builder_begin_object (builder);
          dossier_cli_add_document_json (builder, dossier_trash_item_get_document (item));
          add_nullable (builder, "trashed", trashed);
          add_nullable (builder, "expires", expires);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return dossier_cli_print_json (builder);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTrashItem) item = g_list_model_get_item (trash, i);
      DossierDocument *document = dossier_trash_item_get_document (item);
      g_autofree char *trashed = format_time (dossier_trash_item_get_trashed (item), FALSE);
      g_autofree char *title = dossier_cli_one_line (dossier_document_get_title (document));
      g_autofree char *authors = dossier_document_dup_author_names (document);
      g_autofree char *authors_line = dossier_cli_one_line (authors);

      g_print ("%s\t%s\t%s\t%s\n", dossier_document_get_id (document), trashed, title, authors_line);
    }
  return 0;
}

static int
run_trash_restore (Options  *options,
                   int       argc,
                   char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  if (argc != 1)
    return dossier_cli_usage ("library", _("library trash restore takes exactly one ID"));

  library = dossier_cli_library_open (options, OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  id = dossier_library_resolve_trashed_id (library, argv[0], &error);
  if (id == NULL)
    return dossier_cli_fail (NULL, error);

  if (!dossier_library_restore (library, id, &error))
    return dossier_cli_fail (NULL, error);

  title = dossier_cli_one_line (dossier_document_get_title (dossier_library_get_document (library, id)));
  g_print (_("Restored “%s”\n"), title);
  return 0;
}

static int
run_trash_empty (Options *options)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  library = dossier_cli_library_open (options, OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  if (!dossier_library_empty_trash (library, &n, &error))
    return dossier_cli_fail (NULL, error);

  if (n == 0)
    g_print (_("The Trash was empty\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Deleted %u article for good\n", "Deleted %u articles for good\n", n), n);
  return 0;
}

static int
run_trash (Options  *options,
           int       argc,
           char    **argv)
{
  const char *command;

  if (argc < 1)
    return dossier_cli_usage ("library", _("library trash needs a COMMAND: list, restore or empty"));

  command = argv[0];
  argc--;
  argv++;

  if (g_str_equal (command, "list"))
    {
      if (argc != 0)
        return dossier_cli_usage ("library", _("library trash list takes no arguments"));
      return run_trash_list (options);
    }
  if (g_str_equal (command, "restore"))
    return run_trash_restore (options, argc, argv);
  if (g_str_equal (command, "empty"))
    {
      if (argc != 0)
        return dossier_cli_usage ("library", _("library trash empty takes no arguments"));
      return run_trash_empty (options);
    }
  return dossier_cli_usage ("library", _("unknown trash COMMAND; use list, restore or empty"));
}

int
dossier_cli_library (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Options) options = { NULL, FALSE, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  const char *command;
  const GOptionEntry entries[] = {
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &options.library_path,
      N_("The library database (default: ~/.local/share/dossier/library.db)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("list, search, trash list: print JSON"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &options.limit,
      N_("search: at most N results (default: 20)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("export, export-citations, collection export: write to FILE instead of standard output (- is standard output)"), N_("FILE") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &options.author,
      N_("search: only documents by an author whose name contains NAME"), N_("NAME") },
    { "publisher", 0, 0, G_OPTION_ARG_STRING, &options.publisher,
      N_("search: only documents whose publisher contains NAME"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("search: only documents published on or after DATE"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("search: only documents published on or before DATE"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("export-citations: csl-json (default), bibtex or ris; collection export: markdown (default) or html"),
      N_("FORMAT") },
    { "collection", 'c', 0, G_OPTION_ARG_STRING, &options.collection,
      N_("list, search, export-citations: only documents in the collection NAME"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &options.tag,
      N_("list, search, export-citations: only documents with the tag TAG"), N_("TAG") },
    { NULL }
  };

  context = g_option_context_new (_("COMMAND [ARGUMENT…] — the document library"));
  g_option_context_set_summary (context,
                                _("Commands:\n"
                                  "  add FILE…      import articles (text, HTML, JSON, PDF) or a reference\n"
                                  "                 manager's export (CSL-JSON, BibTeX, RIS); prints ID and title\n"
                                  "  list           the documents, newest first\n"
                                  "  search QUERY   ranked full-text search with snippets (filters:\n"
                                  "                 --author, --publisher, --from, --to; QUERY may be\n"
                                  "                 left out when a filter is given)\n"
                                  "  export ID      the document as dossier-document JSON\n"
                                  "  export-citations [ID…] [--collection NAME] [--tag TAG]\n"
                                  "                 the documents' references (all when no ID is given)\n"
                                  "                 as --format csl-json, bibtex or ris\n"
                                  "  remove ID      move a document to the Trash (with its highlights\n"
                                  "                 and notes); it is deleted for good after 30 days\n"
                                  "  trash list     the documents in the Trash, most recently removed first\n"
                                  "  trash restore ID\n"
                                  "                 take a document out of the Trash\n"
                                  "  trash empty    delete everything in the Trash for good\n"
                                  "  collection list|create NAME|rename OLD NEW|delete NAME|restore NAME\n"
                                  "                 the collections (a deleted one goes to the Trash;\n"
                                  "                 its articles stay in the library)\n"
                                  "  collection add|remove NAME ID…\n"
                                  "                 put articles into a collection or take them out\n"
                                  "  collection export NAME [--format markdown|html] [-o FILE]\n"
                                  "                 its articles' citations, notes, highlights and\n"
                                  "                 highlight notes\n"
                                  "  tag list [ID]  the tags of an article, or all tags\n"
                                  "  tag add|remove ID TAG…\n"
                                  "                 tag an article, or take tags off\n"
                                  "  note show ID   an article's note\n"
                                  "  note set ID [TEXT]\n"
                                  "                 set it (from standard input without TEXT; empty\n"
                                  "                 removes it)\n"
                                  "list and search take --collection NAME and --tag TAG; a search\n"
                                  "QUERY may hold tag:NAME and collection:NAME (or collection:\"TWO WORDS\").\n"
                                  "An ID may be shortened to its first characters (at least 4)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("library", error->message);

  if (argc < 2)
    return dossier_cli_usage ("library", _("missing COMMAND: add, list, search, export, remove, trash, "
                                           "collection, tag or note"));

  command = argv[1];
  argc -= 2;
  argv += 2;

  if (g_str_equal (command, "add"))
#ifdef DOSSIER_CLI_LIGHT
    return dossier_cli_run_full ();
#else
    return dossier_cli_library_add (&options, argc, argv);
#endif
  if (g_str_equal (command, "list"))
    {
      if (argc != 0)
        return dossier_cli_usage ("library", _("library list takes no arguments"));
      return run_list (&options);
    }
  if (g_str_equal (command, "search"))
    return run_search (&options, argc, argv);
  if (g_str_equal (command, "export"))
    return run_export (&options, argc, argv);
  if (g_str_equal (command, "export-citations"))
    return run_export_citations (&options, argc, argv);
  if (g_str_equal (command, "remove"))
    return run_remove (&options, argc, argv);
  if (g_str_equal (command, "trash"))
    return run_trash (&options, argc, argv);
  if (g_str_equal (command, "collection"))
    return dossier_cli_library_collection (&options, argc, argv);
  if (g_str_equal (command, "tag"))
    return dossier_cli_library_tag (&options, argc, argv);
  if (g_str_equal (command, "note"))
    return dossier_cli_library_note (&options, argc, argv);

  return dossier_cli_usage ("library", _("unknown COMMAND; use add, list, search, export, remove, trash, "
                                         "collection, tag or note"));
}
