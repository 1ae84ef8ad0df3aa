/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-notes-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-citation.h"
#include "dossier-memo-inline.h"
#include "dossier-notes-export.h"

/*
 * A collection's reading notes as Markdown or HTML: for each article (the
 * most recently added first) its full citation, its note, and each
 * highlight (in reading order) quoted with its own note and the short
 * citation of the excerpt (with the page for a PDF). Notes are the memo's
 * inline markup (**bold**, *italic*), written as the format's own; the
 * article text and the names are escaped, so nothing in them can become
 * markup.
 */

typedef struct {
  DossierNotesExportFormat format;
  GString *out;
} Writer;

/* Markdown: a backslash before every ASCII punctuation character that
 * could start or end markup; a line that would start a list or heading is
 * safe too, since its first character is escaped when it is one. */
static void
append_md_text (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("\\`*_{}[]<>()#+-.!|~&", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* A single line of plain text (a title, a citation). */
static void
append_text (Writer     *writer,
             const char *text)
{
  g_autofree char *line = g_strdup (text);

  g_strstrip (g_strdelimit (line, "\r\n\t", ' '));
  if (writer->format == DOSSIER_NOTES_EXPORT_MARKDOWN)
    append_md_text (writer->out, line);
  else
    append_html_text (writer->out, line);
}

/* One line of a note in the memo's inline markup, as the format's. */
static void
append_inline_line (Writer     *writer,
                    const char *line)
{
  g_autoptr(GArray) runs = dossier_memo_parse_inline (line);
  gboolean md = writer->format == DOSSIER_NOTES_EXPORT_MARKDOWN;

  for (guint i = 0; i < runs->len; i++)
    {
      DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);
      gboolean bold = (run->flags & DOSSIER_MEMO_RUN_BOLD) != 0;
      gboolean italic = (run->flags & DOSSIER_MEMO_RUN_ITALIC) != 0;
      g_autofree char *marker = NULL;
      const char *text = run->text;

      /* A citation marker means nothing outside a memo: kept as typed. */
      if (run->citation_id != NULL)
        text = marker = g_strdup_printf ("[^%s]", run->citation_id);
      if (*text == '\0')
        continue;

      if (bold)
        g_string_append (writer->out, md ? "**" : "<strong>");
      if (italic)
        g_string_append (writer->out, md ? "*" : "<em>");
      if (md)
        append_md_text (writer->out, text);
      else
        append_html_text (writer->out, text);
      if (italic)
        g_string_append (writer->out, md ? "*" : "</em>");
      if (bold)
        g_string_append (writer->out, md ? "**" : "</strong>");
    }
}

/* A note: paragraphs at blank lines, line breaks kept. */
static void
append_note (Writer     *writer,
             const char *note,
             const char *html_class)
{
  g_auto(GStrv) lines = g_strsplit (note, "\n", -1);
  gboolean md = writer->format == DOSSIER_NOTES_EXPORT_MARKDOWN;
  gboolean open = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        {
          if (open)
            g_string_append (writer->out, md ? "\n\n" : "</p>\n");
          open = FALSE;
          continue;
        }
      if (!open)
        {
          if (!md)
            g_string_append_printf (writer->out, "<p class=\"%s\">", html_class);
        }
      else
        g_string_append (writer->out, md ? "\\\n" : "<br>\n");
      open = TRUE;
      append_inline_line (writer, lines[i]);
    }
  if (open)
    g_string_append (writer->out, md ? "\n\n" : "</p>\n");
}

static gint
compare_highlights (gconstpointer a,
                    gconstpointer b)
{
  DossierHighlight *ha = *(DossierHighlight **) a, *hb = *(DossierHighlight **) b;
  guint pa = dossier_highlight_get_paragraph (ha), pb = dossier_highlight_get_paragraph (hb);
  guint sa = dossier_highlight_get_start (ha), sb = dossier_highlight_get_start (hb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

static gboolean
append_document (Writer          *writer,
                 DossierLibrary  *library,
                 const char      *id,
                 GError         **error)
{
  g_autoptr(DossierDocument) document = dossier_library_load (library, id, error);
  g_autoptr(DossierCitation) citation = NULL;
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *full = NULL;
  g_autofree char *note = NULL;
  gboolean md = writer->format == DOSSIER_NOTES_EXPORT_MARKDOWN;

  if (document == NULL)
    return FALSE;
  note = dossier_library_dup_note (library, id, error);
  if (note == NULL && error != NULL && *error != NULL)
    return FALSE;
  highlights = dossier_library_list_highlights (library, id, error);
  if (highlights == NULL)
    return FALSE;

  citation = dossier_citation_new_for_document (NULL, document);
  full = dossier_citation_format_full (citation);

  g_string_append (writer->out, md ? "## " : "<article>\n<h2>");
  append_text (writer, dossier_document_get_title (document) ?: "");
  g_string_append (writer->out, md ? "\n\n" : "</h2>\n<p class=\"citation\">");
  append_text (writer, full);
  g_string_append (writer->out, md ? "\n\n" : "</p>\n");
  if (note != NULL)
    append_note (writer, note, "note");

  sorted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (highlights); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (highlights, i));
  g_ptr_array_sort (sorted, compare_highlights);

  for (guint i = 0; i < sorted->len; i++)
    {
      DossierHighlight *highlight = sorted->pdata[i];
      g_autoptr(DossierCitation) excerpt =
        dossier_citation_new_for_excerpt (NULL, document, dossier_highlight_get_paragraph (highlight),
                                          dossier_highlight_get_start (highlight),
                                          dossier_highlight_get_end (highlight));
      g_autofree char *short_form = dossier_citation_format_short (excerpt);

      g_string_append (writer->out, md ? "> " : "<blockquote>\n<p>");
      append_text (writer, dossier_highlight_get_text (highlight));
      g_string_append (writer->out, md ? "\\\n> — " : "</p>\n<footer>— ");
      append_text (writer, short_form);
      g_string_append (writer->out, md ? "\n\n" : "</footer>\n</blockquote>\n");
      if (dossier_highlight_get_note (highlight) != NULL)
        append_note (writer, dossier_highlight_get_note (highlight), "highlight-note");
    }

  if (!md)
    g_string_append (writer->out, "</article>\n");
  return TRUE;
}

/**
 * dossier_notes_export_collection:
 * @library: the library
 * @collection: one of its collections
 * @format: Markdown or HTML
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the collection's articles with their
 *   citations, notes, highlights and highlight notes, as UTF-8 text
 */
char *
dossier_notes_export_collection (DossierLibrary            *library,
                                 DossierCollection         *collection,
                                 DossierNotesExportFormat   format,
                                 GError                   **error)
{
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Writer writer = { format, out };
  guint n;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (DOSSIER_IS_COLLECTION (collection), NULL);

  documents = dossier_library_list_collection_documents (library, dossier_collection_get_id (collection), error);
  if (documents == NULL)
    return NULL;
  n = g_list_model_get_n_items (documents);

  if (format == DOSSIER_NOTES_EXPORT_HTML)
    {
      g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
      append_text (&writer, dossier_collection_get_name (collection));
      g_string_append (out, "</title>\n</head>\n<body>\n<h1>");
      append_text (&writer, dossier_collection_get_name (collection));
      g_string_append (out, "</h1>\n");
    }
  else
    {
      g_string_append (out, "# ");
      append_text (&writer, dossier_collection_get_name (collection));
      g_string_append (out, "\n\n");
    }

  if (n == 0)
    {
      g_string_append (out, format == DOSSIER_NOTES_EXPORT_HTML ? "<p>" : "");
      append_text (&writer, _("No articles in this collection."));
      g_string_append (out, format == DOSSIER_NOTES_EXPORT_HTML ? "</p>\n" : "\n");
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) light = g_list_model_get_item (documents, i);

      if (!append_document (&writer, library, dossier_document_get_id (light), error))
        return NULL;
    }

  if (format == DOSSIER_NOTES_EXPORT_HTML)
    g_string_append (out, "</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
