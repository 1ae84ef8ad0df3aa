/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "memo/dossier-notes-export.h"
#include "store/dossier-library-collections.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-library-private.h"

/* `dossier-cli library collection|tag|note`, and `list` with
 * --collection and --tag. */

typedef DossierCliLibraryOptions Options;

/* Every ID of @argv resolved (a prefix allowed) before anything changes:
 * one that is unknown or ambiguous stops the command with nothing done. */
static GPtrArray *
resolve_ids (DossierLibrary  *library,
             int              argc,
             char           **argv,
             GError         **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < argc; i++)
    {
      char *id = dossier_library_resolve_id (library, argv[i], error);

      if (id == NULL)
        return NULL;
      g_ptr_array_add (ids, id);
    }
  return g_steal_pointer (&ids);
}

static const char *
title_of (DossierLibrary *library,
          const char     *id)
{
  DossierDocument *document = dossier_library_get_document (library, id);

  return document != NULL && dossier_document_get_title (document) != NULL ? dossier_document_get_title (document) : id;
}

/* The documents --collection and --tag choose (both: the collection's
 * documents that have the tag), in the library's order. */
GListModel *
dossier_cli_library_filtered_documents (DossierLibrary *library,
                                        Options        *options,
                                        GError        **error)
{
  g_autoptr(GListModel) documents = NULL;

  if (options->collection != NULL)
    {
      g_autoptr(DossierCollection) collection = dossier_library_find_collection (library, options->collection, error);

      if (collection == NULL)
        return NULL;
      documents = dossier_library_list_collection_documents (library, dossier_collection_get_id (collection), error);
    }
  else
    documents = dossier_library_list_tagged_documents (library, options->tag, error);
  if (documents == NULL)
    return NULL;

  if (options->collection != NULL && options->tag != NULL)
    {
      g_autoptr(GListStore) both = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
      g_autofree char *wanted = g_utf8_casefold (g_strstrip (options->tag), -1);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
          g_auto(GStrv) tags = dossier_library_dup_tags (library, dossier_document_get_id (document), error);

          if (tags == NULL)
            return NULL;
          for (guint t = 0; tags[t] != NULL; t++)
            {
              g_autofree char *folded = g_utf8_casefold (tags[t], -1);

              if (g_str_equal (folded, wanted))
                {
                  g_list_store_append (both, document);
                  break;
                }
            }
        }
      g_clear_object (&documents);
      documents = G_LIST_MODEL (g_steal_pointer (&both));
    }
  return g_steal_pointer (&documents);
}

int
dossier_cli_library_list_filtered (Options *options)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  documents = dossier_cli_library_filtered_documents (library, options, &error);
  if (documents == NULL)
    return dossier_cli_fail (NULL, error);
  return dossier_cli_print_documents (options, documents);
}

/* --- collection -------------------------------------------------------- */

static int
collection_list (Options *options)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GListModel) collections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n;

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);
  collections = dossier_library_list_collections (library, &error);
  if (collections == NULL)
    return dossier_cli_fail (NULL, error);
  n = g_list_model_get_n_items (collections);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, dossier_collection_get_name (collection));
          json_builder_set_member_name (builder, "documents");
          json_builder_add_int_value (builder, dossier_collection_get_n_documents (collection));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return dossier_cli_print_json (builder);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (collections, i);

      g_string_append_printf (lines, "%s\t%u\n", dossier_collection_get_name (collection),
                              dossier_collection_get_n_documents (collection));
    }
  if (!dossier_cli_write_stdout (lines->str, lines->len, &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}

/* The most recently deleted collection of that name in the Trash. */
static DossierCollection *
find_trashed (DossierLibrary  *library,
              const char      *name,
              GError         **error)
{
  g_autoptr(GListModel) trashed = dossier_library_list_trashed_collections (library, error);
  g_autofree char *wanted = NULL;

  if (trashed == NULL)
    return NULL;
  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < g_list_model_get_n_items (trashed); i++)
    {
      g_autoptr(DossierCollection) collection = g_list_model_get_item (trashed, i);
      g_autofree char *folded = g_utf8_casefold (dossier_collection_get_name (collection), -1);

      if (g_str_equal (folded, wanted))
        return g_steal_pointer (&collection);
    }
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
               _("There is no collection named “%s” in the Trash"), name);
  return NULL;
}

static int
collection_members (Options    *options,
                    gboolean    add,
                    int         argc,
                    char      **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierCollection) collection = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);
  collection = dossier_library_find_collection (library, argv[0], &error);
  if (collection == NULL)
    return dossier_cli_fail (NULL, error);
  ids = resolve_ids (library, argc - 1, argv + 1, &error);
  if (ids == NULL)
    return dossier_cli_fail (NULL, error);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      g_autofree char *title = dossier_cli_one_line (title_of (library, id));
      gboolean ok = add
        ? dossier_library_add_to_collection (library, dossier_collection_get_id (collection), id, &error)
        : dossier_library_remove_from_collection (library, dossier_collection_get_id (collection), id, &error);

      if (!ok)
        return dossier_cli_fail (NULL, error);
      if (add)
        g_print (_("Added “%s” to “%s”\n"), title, dossier_collection_get_name (collection));
      else
        g_print (_("Took “%s” out of “%s”\n"), title, dossier_collection_get_name (collection));
    }
  return 0;
}

static int
collection_export (Options    *options,
                   const char *name)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DossierNotesExportFormat format;

  if (options->format == NULL || g_ascii_strcasecmp (options->format, "markdown") == 0 ||
      g_ascii_strcasecmp (options->format, "md") == 0)
    format = DOSSIER_NOTES_EXPORT_MARKDOWN;
  else if (g_ascii_strcasecmp (options->format, "html") == 0)
    format = DOSSIER_NOTES_EXPORT_HTML;
  else
    return dossier_cli_usage ("library", _("--format takes markdown or html"));

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_READ, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);
  collection = dossier_library_find_collection (library, name, &error);
  if (collection == NULL)
    return dossier_cli_fail (NULL, error);
  text = dossier_notes_export_collection (library, collection, format, &error);
  if (text == NULL)
    return dossier_cli_fail (NULL, error);

  if (options->output != NULL && !dossier_cli_is_stdout (options->output))
    {
      if (!dossier_cli_write_file (options->output, text, strlen (text), &error))
        return dossier_cli_fail (options->output, error);
    }
  else if (!dossier_cli_write_stdout (text, strlen (text), &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}

int
dossier_cli_library_collection (Options  *options,
                                int       argc,
                                char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;

  if (argc < 1)
    return dossier_cli_usage ("library", _("library collection needs a COMMAND: list, create, rename, delete, "
                                           "restore, add, remove or export"));
  command = argv[0];
  argc--;
  argv++;

  if (g_str_equal (command, "list"))
    {
      if (argc != 0)
        return dossier_cli_usage ("library", _("library collection list takes no arguments"));
      return collection_list (options);
    }
  if (g_str_equal (command, "export"))
    {
      if (argc != 1)
        return dossier_cli_usage ("library", _("library collection export takes one NAME"));
      return collection_export (options, argv[0]);
    }
  if (g_str_equal (command, "add") || g_str_equal (command, "remove"))
    {
      if (argc < 2)
        return dossier_cli_usage ("library", _("library collection add and remove take a NAME and at least one ID"));
      return collection_members (options, g_str_equal (command, "add"), argc, argv);
    }

  if (g_str_equal (command, "create") || g_str_equal (command, "delete") || g_str_equal (command, "restore"))
    {
      if (argc != 1)
        return dossier_cli_usage ("library", _("library collection create, delete and restore take one NAME"));
    }
  else if (g_str_equal (command, "rename"))
    {
      if (argc != 2)
        return dossier_cli_usage ("library", _("library collection rename takes the OLD and the NEW name"));
    }
  else
    return dossier_cli_usage ("library", _("unknown collection COMMAND; use list, create, rename, delete, restore, "
                                           "add, remove or export"));

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);

  if (g_str_equal (command, "create"))
    {
      collection = dossier_library_create_collection (library, argv[0], &error);
      if (collection == NULL)
        return dossier_cli_fail (NULL, error);
      g_print (_("Created the collection “%s”\n"), dossier_collection_get_name (collection));
      return 0;
    }

  if (g_str_equal (command, "restore"))
    {
      collection = find_trashed (library, argv[0], &error);
      if (collection == NULL ||
          !dossier_library_restore_collection (library, dossier_collection_get_id (collection), &error))
        return dossier_cli_fail (NULL, error);
      g_print (_("Restored the collection “%s”\n"), dossier_collection_get_name (collection));
      return 0;
    }

  collection = dossier_library_find_collection (library, argv[0], &error);
  if (collection == NULL)
    return dossier_cli_fail (NULL, error);

  if (g_str_equal (command, "rename"))
    {
      g_autofree char *new_name = g_strstrip (g_strdup (argv[1]));

      if (!dossier_library_rename_collection (library, dossier_collection_get_id (collection), argv[1], &error))
        return dossier_cli_fail (NULL, error);
      g_print (_("Renamed the collection “%s” to “%s”\n"), dossier_collection_get_name (collection), new_name);
      return 0;
    }

  if (!dossier_library_delete_collection (library, dossier_collection_get_id (collection), &error))
    return dossier_cli_fail (NULL, error);
  g_print (_("Moved the collection “%s” to the Trash; its articles stay in the library "
             "(restore it with “dossier-cli library collection restore NAME”)\n"),
           dossier_collection_get_name (collection));
  return 0;
}

/* --- tag --------------------------------------------------------------- */

static int
print_lines (char **lines)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  if (!dossier_cli_write_stdout (out->str, out->len, &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}

int
dossier_cli_library_tag (Options  *options,
                         int       argc,
                         char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *command;
  gboolean add;

  if (argc < 1)
    return dossier_cli_usage ("library", _("library tag needs a COMMAND: list, add or remove"));
  command = argv[0];
  argc--;
  argv++;

  if (g_str_equal (command, "list"))
    {
      g_auto(GStrv) tags = NULL;

      if (argc > 1)
        return dossier_cli_usage ("library", _("library tag list takes at most one ID"));
      library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_READ, &error);
      if (library == NULL)
        return dossier_cli_fail (NULL, error);
      if (argc == 1)
        {
          id = dossier_library_resolve_id (library, argv[0], &error);
          if (id == NULL)
            return dossier_cli_fail (NULL, error);
          tags = dossier_library_dup_tags (library, id, &error);
        }
      else
        tags = dossier_library_dup_all_tags (library, &error);
      if (tags == NULL)
        return dossier_cli_fail (NULL, error);
      return print_lines (tags);
    }

  if (!g_str_equal (command, "add") && !g_str_equal (command, "remove"))
    return dossier_cli_usage ("library", _("unknown tag COMMAND; use list, add or remove"));
  if (argc < 2)
    return dossier_cli_usage ("library", _("library tag add and remove take an ID and at least one TAG"));
  add = g_str_equal (command, "add");

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);
  id = dossier_library_resolve_id (library, argv[0], &error);
  if (id == NULL)
    return dossier_cli_fail (NULL, error);

  for (int i = 1; i < argc; i++)
    {
      gboolean ok = add ? dossier_library_add_tag (library, id, argv[i], &error)
                        : dossier_library_remove_tag (library, id, argv[i], &error);

      if (!ok)
        return dossier_cli_fail (NULL, error);
    }
  return 0;
}

/* --- note -------------------------------------------------------------- */

static char *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[8192];
  size_t n;

  /* One block past what a note may have is enough to refuse it (with the
   * library's own message) rather than cut it. */
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (bytes, buffer, n);
      if (bytes->len > DOSSIER_LIBRARY_NOTE_MAX)
        break;
    }
  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (memchr (bytes->data, '\0', bytes->len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the note holds a NUL byte; it is not text"));
      return NULL;
    }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

int
dossier_cli_library_note (Options  *options,
                          int       argc,
                          char    **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const char *command;

  if (argc < 1)
    return dossier_cli_usage ("library", _("library note needs a COMMAND: show or set"));
  command = argv[0];
  argc--;
  argv++;

  if (g_str_equal (command, "show"))
    {
      if (argc != 1)
        return dossier_cli_usage ("library", _("library note show takes one ID"));
      library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_READ, &error);
      if (library == NULL)
        return dossier_cli_fail (NULL, error);
      id = dossier_library_resolve_id (library, argv[0], &error);
      if (id == NULL)
        return dossier_cli_fail (NULL, error);
      text = dossier_library_dup_note (library, id, &error);
      if (text == NULL && error != NULL)
        return dossier_cli_fail (NULL, error);
      if (text != NULL && !g_str_has_suffix (text, "\n"))
        {
          char *line = g_strconcat (text, "\n", NULL);

          g_free (text);
          text = line;
        }
      if (text != NULL && !dossier_cli_write_stdout (text, strlen (text), &error))
        return dossier_cli_fail (NULL, error);
      return 0;
    }

  if (!g_str_equal (command, "set"))
    return dossier_cli_usage ("library", _("unknown note COMMAND; use show or set"));
  if (argc != 1 && argc != 2)
    return dossier_cli_usage ("library", _("library note set takes an ID and the TEXT (or reads it from standard input)"));

  if (argc == 2)
    text = g_strdup (argv[1]);
  else if ((text = read_stdin (&error)) == NULL)
    return dossier_cli_fail (_("standard input"), error);

  library = dossier_cli_library_open (options, DOSSIER_CLI_OPEN_TO_CHANGE, &error);
  if (library == NULL)
    return dossier_cli_fail (NULL, error);
  id = dossier_library_resolve_id (library, argv[0], &error);
  if (id == NULL)
    return dossier_cli_fail (NULL, error);
  if (!dossier_library_set_note (library, id, text, &error))
    return dossier_cli_fail (NULL, error);
  return 0;
}
