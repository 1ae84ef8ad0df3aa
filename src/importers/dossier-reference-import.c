/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/dossier-bibtex.h"
#include "formats/dossier-csl-json.h"
#include "formats/dossier-ris.h"
#include "dossier-import.h"
#include "dossier-reference-import.h"
#include "dossier-text-decode.h"

/*
 * Importing a reference manager's export (CSL-JSON, BibTeX, RIS): each entry is a
 * library entry with its metadata; one whose export holds its files
 * (Zotero's "Export Files": a snapshot, a PDF) gets that file's text
 * through the article importers.
 */

/**
 * dossier_reference_import_sniff:
 *
 * Looks at @file's name and first 64 KiB.
 *
 * Returns: the reference format @file is in, or
 *   %DOSSIER_REFERENCE_FORMAT_NONE (an article, or unreadable: the
 *   article importers then say why)
 */
DossierReferenceFormat
dossier_reference_import_sniff (GFile *file)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *basename = NULL;
  char buffer[64 * 1024];
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), DOSSIER_REFERENCE_FORMAT_NONE);

  basename = g_file_get_basename (file);
  if (dossier_reference_guess_format (basename, NULL, 0) != DOSSIER_REFERENCE_FORMAT_NONE)
    return dossier_reference_guess_format (basename, NULL, 0);

  /* Only regular files: a named pipe would block the read. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return DOSSIER_REFERENCE_FORMAT_NONE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &length, NULL, NULL))
    return DOSSIER_REFERENCE_FORMAT_NONE;

  return dossier_reference_guess_format (basename, buffer, length);
}

/**
 * dossier_reference_import_bytes:
 * @format: the file's format (not %DOSSIER_REFERENCE_FORMAT_NONE)
 * @problems: an array of #GError to add to, one for each entry that
 *   could not be read
 *
 * Returns: (transfer full) (element-type DossierReferenceEntry): the
 *   entries, or %NULL with @error set
 */
GPtrArray *
dossier_reference_import_bytes (GBytes                  *bytes,
                                DossierReferenceFormat   format,
                                GPtrArray               *problems,
                                GError                 **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = NULL;

  if (length == 0 || data == NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }
  if (length > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %d MiB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  switch (format)
    {
    case DOSSIER_REFERENCE_FORMAT_CSL_JSON:
      /* JSON is UTF-8 by definition; the reader refuses anything else. */
      return dossier_csl_json_read (data, length, problems, error);

    case DOSSIER_REFERENCE_FORMAT_RIS:
      /* EndNote on Windows writes Windows-1252 or UTF-16; decoded as the
       * text importer does. */
      text = dossier_decode_text (data, length, error);
      if (text == NULL)
        return NULL;
      return dossier_ris_read (text, problems, error);

    case DOSSIER_REFERENCE_FORMAT_BIBTEX:
      /* BibTeX predates UTF-8: an old file may be Latin-1 or Windows-1252. */
      text = dossier_decode_text (data, length, error);
      if (text == NULL)
        return NULL;
      return dossier_bibtex_read (text, problems, error);

    case DOSSIER_REFERENCE_FORMAT_NONE:
    default:
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_UNSUPPORTED,
                           _("Dossier reads reference files in CSL-JSON, BibTeX and RIS"));
      return NULL;
    }
}

/* A file an entry names, inside the export's folder: Zotero writes them
 * relative to it ("files/12/report.pdf"). An absolute path or one that
 * climbs out ("../") is not followed: an export from someone else must
 * not read the user's other files into the library. */
static GFile *
resolve_attachment (GFile      *folder,
                    const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || g_path_is_absolute (path) || strstr (path, "://") != NULL)
    return NULL;
  parts = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return NULL;
  return g_file_resolve_relative_path (folder, path);
}

static void
take_text (DossierDocument *entry,
           DossierDocument *imported)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (imported);
  GListModel *footnotes = dossier_document_get_footnotes (imported);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      dossier_document_add_paragraph (entry, paragraph);
    }
  for (guint i = 0; i < g_list_model_get_n_items (footnotes); i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      dossier_document_add_footnote (entry, note);
    }
  /* The export's metadata stands; what the page said fills gaps. */
  if (dossier_document_get_publisher (entry) == NULL)
    dossier_document_set_publisher (entry, dossier_document_get_publisher (imported));
  if (dossier_document_get_subtitle (entry) == NULL)
    dossier_document_set_subtitle (entry, dossier_document_get_subtitle (imported));
  dossier_document_set_key_points (entry, dossier_document_get_key_points (imported));
  dossier_document_set_pull_quotes (entry, dossier_document_get_pull_quotes (imported));
}

static void
import_attachments (DossierReferenceEntry *entry,
                    GFile                 *folder,
                    GPtrArray             *problems,
                    GCancellable          *cancellable)
{
  for (guint i = 0; entry->files != NULL && entry->files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = resolve_attachment (folder, entry->files[i]);
      g_autoptr(DossierDocument) imported = NULL;
      g_autoptr(GError) local_error = NULL;

      if (file == NULL)
        continue;
      if (!g_file_query_exists (file, cancellable))
        continue;

      imported = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, cancellable, &local_error);
      if (imported == NULL)
        {
          /* The entry is kept without text; the user hears why. */
          g_autoptr(GError) cause = g_error_new (local_error->domain, local_error->code,
                                                 _("its file “%s” was not imported: %s"),
                                                 entry->files[i], local_error->message);
          g_ptr_array_add (problems, dossier_reference_entry_error (entry->position, entry->key, cause));
          continue;
        }

      take_text (entry->document, imported);
      return;
    }
}

/**
 * dossier_reference_import_file:
 * @format: the file's format, or %DOSSIER_REFERENCE_FORMAT_NONE to tell it
 *   from the content
 * @problems: an array of #GError to add to, one for each entry that
 *   could not be read or whose file could not be imported
 *
 * Reads every entry of a reference manager's export. An entry whose
 * export holds its files gets the text of the first that imports (an
 * HTML snapshot, a PDF); the others are references without text.
 *
 * Returns: (transfer full) (element-type DossierReferenceEntry): the
 *   entries, or %NULL with @error set
 */
GPtrArray *
dossier_reference_import_file (GFile                   *file,
                               DossierReferenceFormat   format,
                               GPtrArray               *problems,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_REGULAR_FILE,
                           g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                             ? _("This is a folder, not a file")
                             : _("This is not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %d MiB)"),
                   DOSSIER_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  if (format == DOSSIER_REFERENCE_FORMAT_NONE)
    {
      g_autofree char *basename = g_file_get_basename (file);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      format = dossier_reference_guess_format (basename, data, length);
    }

  entries = dossier_reference_import_bytes (bytes, format, problems, error);
  if (entries == NULL)
    return NULL;

  folder = g_file_get_parent (file);
  for (guint i = 0; folder != NULL && i < entries->len; i++)
    {
      DossierReferenceEntry *entry = entries->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      import_attachments (entry, folder, problems, cancellable);
    }

  return g_steal_pointer (&entries);
}
