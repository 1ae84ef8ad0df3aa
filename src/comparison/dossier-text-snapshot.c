/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include "dossier-text-snapshot.h"

static void
note_free (gpointer data)
{
  DossierSnapshotNote *note = data;

  g_free (note->text);
  g_strfreev (note->urls);
  g_free (note);
}

static DossierTextSnapshot *
snapshot_alloc (const char *title)
{
  DossierTextSnapshot *snapshot = g_new0 (DossierTextSnapshot, 1);

  snapshot->title = g_strdup (title != NULL ? title : "");
  snapshot->paragraphs = g_ptr_array_new_with_free_func (g_free);
  snapshot->headings = g_array_new (FALSE, FALSE, sizeof (gboolean));
  snapshot->notes = g_ptr_array_new_with_free_func (note_free);

  return snapshot;
}

/**
 * dossier_text_snapshot_new:
 * @document: a document
 *
 * Copies the text, footnotes and authors of @document. Call it on the
 * thread that owns @document.
 *
 * Returns: (transfer full): the snapshot
 */
DossierTextSnapshot *
dossier_text_snapshot_new (DossierDocument *document)
{
  DossierTextSnapshot *snapshot;
  GListModel *model;
  g_autoptr(GString) affiliations = g_string_new (NULL);

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  snapshot = snapshot_alloc (dossier_document_get_title (document));
  snapshot->authors = dossier_document_dup_author_names (document);

  model = dossier_document_get_authors (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (model, i);
      const char *affiliation = dossier_author_get_affiliation (author);

      if (affiliation == NULL || *affiliation == '\0')
        continue;
      if (affiliations->len > 0)
        g_string_append (affiliations, ", ");
      g_string_append (affiliations, affiliation);
    }
  if (affiliations->len > 0)
    snapshot->affiliations = g_strdup (affiliations->str);

  model = dossier_document_get_paragraphs (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (model, i);
      gboolean heading = dossier_paragraph_get_kind (paragraph) == DOSSIER_PARAGRAPH_HEADING;

      g_ptr_array_add (snapshot->paragraphs, g_strdup (dossier_paragraph_get_text (paragraph)));
      g_array_append_val (snapshot->headings, heading);
    }

  model = dossier_document_get_footnotes (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierFootnote) footnote = g_list_model_get_item (model, i);
      DossierSnapshotNote *note = g_new0 (DossierSnapshotNote, 1);
      const char * const *urls = dossier_footnote_get_urls (footnote);

      note->number = dossier_footnote_get_number (footnote);
      note->text = g_strdup (dossier_footnote_get_text (footnote));
      note->urls = urls != NULL ? g_strdupv ((char **) urls) : g_new0 (char *, 1);
      g_ptr_array_add (snapshot->notes, note);
    }

  return snapshot;
}

/**
 * dossier_text_snapshot_new_from_text:
 * @title: a title
 * @paragraphs: (array zero-terminated=1): body paragraphs
 *
 * A snapshot without a document, for benchmarks and tests.
 *
 * Returns: (transfer full): the snapshot
 */
DossierTextSnapshot *
dossier_text_snapshot_new_from_text (const char         *title,
                                     const char * const *paragraphs)
{
  DossierTextSnapshot *snapshot = snapshot_alloc (title);
  gboolean heading = FALSE;

  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      g_ptr_array_add (snapshot->paragraphs, g_strdup (paragraphs[i]));
      g_array_append_val (snapshot->headings, heading);
    }

  return snapshot;
}

void
dossier_text_snapshot_free (DossierTextSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->title);
  g_free (snapshot->authors);
  g_free (snapshot->affiliations);
  g_ptr_array_unref (snapshot->paragraphs);
  g_array_unref (snapshot->headings);
  g_ptr_array_unref (snapshot->notes);
  g_free (snapshot);
}

guint
dossier_text_snapshot_get_n_paragraphs (DossierTextSnapshot *snapshot)
{
  return snapshot->paragraphs->len;
}

const char *
dossier_text_snapshot_get_paragraph (DossierTextSnapshot *snapshot,
                                     guint                index)
{
  g_return_val_if_fail (index < snapshot->paragraphs->len, "");
  return g_ptr_array_index (snapshot->paragraphs, index);
}

gboolean
dossier_text_snapshot_is_heading (DossierTextSnapshot *snapshot,
                                  guint                index)
{
  g_return_val_if_fail (index < snapshot->headings->len, FALSE);
  return g_array_index (snapshot->headings, gboolean, index);
}
