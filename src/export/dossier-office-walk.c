/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-office"

#include "config.h"

#include "dossier-office-walk.h"
#include "dossier-office-xml.h"

/**
 * dossier_office_collect_notes:
 * @document: a document
 *
 * The notes a reference can point to: the first note of each number, as
 * the PDF layout takes them.
 *
 * Returns: (transfer full): note number → its #DossierLayoutBlock
 */
GHashTable *
dossier_office_collect_notes (DossierLayoutDocument *document)
{
  GHashTable *notes = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < dossier_layout_document_get_n_notes (document); i++)
    {
      DossierLayoutBlock *note = dossier_layout_document_get_note (document, i);
      guint number = dossier_layout_block_get_number (note);

      if (number > 0 && !g_hash_table_contains (notes, GUINT_TO_POINTER (number)))
        g_hash_table_insert (notes, GUINT_TO_POINTER (number), note);
    }
  return notes;
}

/**
 * dossier_office_walk_blocks:
 * @document: a document
 * @func: called for each block of the body, in order
 * @user_data: for @func
 * @cancellable: (nullable): checked every 64 blocks
 * @error: return location for an error
 *
 * Returns: %FALSE if @cancellable was cancelled
 */
gboolean
dossier_office_walk_blocks (DossierLayoutDocument   *document,
                            DossierOfficeBlockFunc   func,
                            gpointer                 user_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  guint n_blocks = dossier_layout_document_get_n_blocks (document);

  for (guint i = 0; i < n_blocks; i++)
    {
      DossierOfficeBlock item;

      if (i % 64 == 63 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      item.block = dossier_layout_document_get_block (document, i);
      item.kind = dossier_layout_block_get_kind (item.block);
      item.level = CLAMP (dossier_layout_block_get_level (item.block), 1, 3);
      /* The decision line stays with the recommendation above it. */
      item.keep_next = i + 1 < n_blocks &&
        dossier_layout_block_get_kind (dossier_layout_document_get_block (document, i + 1)) == DOSSIER_LAYOUT_BLOCK_DECISION;
      func (&item, user_data);
    }
  return TRUE;
}

/**
 * dossier_office_walk_runs:
 * @block: a block of the body, or a note (@in_note)
 * @notes: from dossier_office_collect_notes()
 * @in_note: @block is a note: a note number in it is no reference
 * @func: called for each run, in order
 * @user_data: for @func
 *
 * A reference to a note that exists is a real footnote (every reference
 * to it: a word processor has one reference per footnote, so a second
 * reference gets a copy); a number without its note prints as the PDF
 * prints it, a raised number. A link whose target is not safe to open is
 * plain text.
 */
void
dossier_office_walk_runs (const DossierLayoutBlock *block,
                          GHashTable               *notes,
                          gboolean                  in_note,
                          DossierOfficeRunFunc      func,
                          gpointer                  user_data)
{
  const char *text = dossier_layout_block_get_text (block);
  const DossierLayoutRun *runs;
  guint n_runs;

  runs = dossier_layout_block_get_runs (block, &n_runs);
  for (guint i = 0; i < n_runs; i++)
    {
      g_autofree char *clean = dossier_office_clean_text (text + runs[i].start, runs[i].end - runs[i].start);
      g_autofree char *target = NULL;
      DossierOfficeRun run = { DOSSIER_OFFICE_RUN_TEXT, clean, runs[i].style, NULL, NULL };

      if (runs[i].note > 0)
        {
          run.note = in_note ? NULL : g_hash_table_lookup (notes, GUINT_TO_POINTER (runs[i].note));
          run.kind = run.note != NULL ? DOSSIER_OFFICE_RUN_NOTE : DOSSIER_OFFICE_RUN_RAISED_NUMBER;
        }
      else if ((target = dossier_office_dup_link_target (runs[i].uri)) != NULL)
        {
          run.kind = DOSSIER_OFFICE_RUN_LINK;
          run.target = target;
        }
      func (&run, user_data);
    }
}

/**
 * dossier_office_decision_line:
 * @block: a decision block
 *
 * Returns: (transfer full): its line of choices as the PDF prints it
 *   ("Approve ____________", a tab between choices), not yet cleaned
 */
char *
dossier_office_decision_line (const DossierLayoutBlock *block)
{
  const char * const *choices = dossier_layout_block_get_choices (block);
  GString *line = g_string_new (NULL);

  for (guint c = 0; choices != NULL && choices[c] != NULL && c < 6; c++)
    g_string_append_printf (line, "%s%s ____________", c > 0 ? "\t" : "", choices[c]);
  return g_string_free (line, FALSE);
}

/**
 * dossier_office_attribution_line:
 * @block: a quotation
 *
 * Returns: (transfer full) (nullable): its attribution line ("— Name"),
 *   not yet cleaned, or %NULL if it has none
 */
char *
dossier_office_attribution_line (const DossierLayoutBlock *block)
{
  const char *attribution = dossier_layout_block_get_attribution (block);

  return attribution != NULL ? g_strconcat ("\u2014\u2009", attribution, NULL) : NULL;
}

/**
 * dossier_office_add_part:
 * @zip: the package
 * @name: the part's name in it
 * @part: (transfer full) (nullable): the part, %NULL if writing it failed
 *
 * Adds @part, compressed, so that a writer can chain its parts with &&.
 *
 * Returns: %FALSE if @part is %NULL
 */
gboolean
dossier_office_add_part (DossierZipWriter *zip,
                         const char       *name,
                         GBytes           *part)
{
  if (part == NULL)
    return FALSE;
  dossier_zip_writer_add (zip, name, part, TRUE);
  g_bytes_unref (part);
  return TRUE;
}
