/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-memo-language.h"
#include "dossier-memo-notes.h"

/**
 * DossierMemoNotes:
 *
 * The footnotes of a memo, resolved: a snapshot taken when it is created
 * (make a new one after the memo changes). Every `[^ID]` marker, and the
 * citation of each quote block (which follows the quote's text), is one
 * footnote, numbered continuously in reading order as Chicago notes
 * style does. The first reference to a work gets the full note (two excerpts of
 * one article are two citations of one work: see work_key()),
 * later ones the shortened note.
 *
 * The editor and the PDF layout draw text with
 * dossier_memo_notes_dup_runs(), whose citation runs carry their numbers.
 * Markers whose id names no citation are "dangling": they get no number
 * (note_number 0) and dossier_memo_check() reports them.
 */
struct _DossierMemoNotes
{
  GObject parent_instance;

  DossierMemo *memo;
  GArray *notes;               /* DossierMemoNote, index = number - 1 */
  GHashTable *first_numbers;   /* citation id → first number (GUINT_TO_POINTER) */
  GHashTable *ref_counts;      /* citation id → number of references */
  GHashTable *works_cited;     /* work_key() of the works with a full note already */
  GHashTable *block_starts;    /* DossierMemoBlock* → GArray of guint: first number per item */
  GPtrArray *dangling;         /* ids of markers naming no citation, in order, once each */
  GHashTable *citations;       /* id → DossierCitation, while resolving (long memos) */
};

G_DEFINE_FINAL_TYPE (DossierMemoNotes, dossier_memo_notes, G_TYPE_OBJECT)

static void
clear_note (gpointer data)
{
  DossierMemoNote *note = data;

  g_clear_pointer (&note->text, g_free);
}

static void
dossier_memo_notes_finalize (GObject *object)
{
  DossierMemoNotes *self = (DossierMemoNotes *)object;

  g_clear_pointer (&self->notes, g_array_unref);
  g_clear_pointer (&self->first_numbers, g_hash_table_unref);
  g_clear_pointer (&self->ref_counts, g_hash_table_unref);
  g_clear_pointer (&self->works_cited, g_hash_table_unref);
  g_clear_pointer (&self->block_starts, g_hash_table_unref);
  g_clear_pointer (&self->dangling, g_ptr_array_unref);
  g_clear_object (&self->memo);

  G_OBJECT_CLASS (dossier_memo_notes_parent_class)->finalize (object);
}

static void
dossier_memo_notes_class_init (DossierMemoNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_memo_notes_finalize;
}

static void
dossier_memo_notes_init (DossierMemoNotes *self)
{
  self->notes = g_array_new (FALSE, TRUE, sizeof (DossierMemoNote));
  g_array_set_clear_func (self->notes, clear_note);
  self->first_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ref_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->works_cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->block_starts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  self->dangling = g_ptr_array_new_with_free_func (g_free);
}

/* The work a citation cites, whatever its id: two excerpts from one
 * article are two citations (each keeps its quote and locator) of one
 * work, and Chicago gives a work one full note, then short ones. */
static char *
work_key (DossierCitation *citation)
{
  const char * const *authors = dossier_citation_get_authors (citation);
  g_autofree char *joined = authors ? g_strjoinv ("\x1f", (char **) authors) : g_strdup ("");
  g_autofree char *key = g_strjoin ("\x1e",
                                    dossier_citation_get_title (citation) ?: "",
                                    joined,
                                    dossier_citation_get_publisher (citation) ?: "",
                                    dossier_citation_get_published (citation) ?: "",
                                    dossier_citation_get_source_url (citation) ?: "",
                                    dossier_citation_get_via_text (citation) ?: "",
                                    NULL);

  return g_utf8_casefold (key, -1);
}

static void
add_reference (DossierMemoNotes *self,
               const char       *id,
               guint             section,
               guint             block,
               guint             item)
{
  DossierCitation *citation = g_hash_table_lookup (self->citations, id);
  DossierMemoNote note = { 0 };
  g_autofree char *work = NULL;
  guint count;

  if (citation == NULL)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < self->dangling->len && !seen; i++)
        seen = g_str_equal (g_ptr_array_index (self->dangling, i), id);
      if (!seen)
        g_ptr_array_add (self->dangling, g_strdup (id));
      return;
    }

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->ref_counts, id));
  work = work_key (citation);

  note.number = self->notes->len + 1;
  note.citation_id = dossier_citation_get_id (citation);
  note.citation = citation;
  note.first = !g_hash_table_contains (self->works_cited, work);
  if (note.first)
    g_hash_table_add (self->works_cited, g_steal_pointer (&work));
  note.text = note.first ? dossier_citation_format_full (citation)
                         : dossier_citation_format_short (citation);
  note.url = note.first ? dossier_citation_get_source_url (citation) : NULL;
  note.section = section;
  note.block = block;
  note.item = item;
  g_array_append_val (self->notes, note);

  if (count == 0)
    g_hash_table_insert (self->first_numbers, g_strdup (id), GUINT_TO_POINTER (note.number));
  g_hash_table_insert (self->ref_counts, g_strdup (id), GUINT_TO_POINTER (count + 1));
}

static void
add_text_references (DossierMemoNotes *self,
                     const char       *text,
                     guint             section,
                     guint             block,
                     guint             item)
{
  g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids (text);

  for (guint i = 0; i < ids->len; i++)
    add_reference (self, g_ptr_array_index (ids, i), section, block, item);
}

static void
resolve (DossierMemoNotes *self)
{
  guint n_sections = dossier_memo_get_n_sections (self->memo);
  GListModel *citations = dossier_memo_get_citations (self->memo);
  guint n_citations = g_list_model_get_n_items (citations);

  /* Borrowed: the memo holds the citations. The first of a duplicated id wins, as in lookups. */
  self->citations = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_citations; i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      const char *id = dossier_citation_get_id (citation);

      if (id != NULL && !g_hash_table_contains (self->citations, id))
        g_hash_table_insert (self->citations, (gpointer)id, citation);
    }

  for (guint s = 0; s < n_sections; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (self->memo, s);
      guint n_blocks = dossier_memo_section_get_n_blocks (section);

      for (guint b = 0; b < n_blocks; b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
          GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
          guint start = self->notes->len + 1;

          switch (dossier_memo_block_get_kind (block))
            {
            case DOSSIER_MEMO_BLOCK_PARAGRAPH:
              g_array_append_val (starts, start);
              add_text_references (self, dossier_memo_block_get_text (block), s, b, 0);
              break;
            case DOSSIER_MEMO_BLOCK_QUOTE:
              g_array_append_val (starts, start);
              add_text_references (self, dossier_memo_block_get_text (block), s, b, 0);
              if (dossier_memo_block_get_cite (block) != NULL)
                add_reference (self, dossier_memo_block_get_cite (block), s, b, 0);
              break;
            case DOSSIER_MEMO_BLOCK_BULLETS:
              {
                const char * const *items = dossier_memo_block_get_items (block);

                for (guint i = 0; items[i] != NULL; i++)
                  {
                    start = self->notes->len + 1;
                    g_array_append_val (starts, start);
                    add_text_references (self, items[i], s, b, i);
                  }
              }
              break;
            default:
              g_assert_not_reached ();
            }

          g_hash_table_insert (self->block_starts, block, starts);
        }
    }

  g_clear_pointer (&self->citations, g_hash_table_unref);
}

/**
 * dossier_memo_notes_new:
 *
 * Numbers the footnotes of @memo as it is now.
 *
 * Returns: (transfer full): the resolved notes
 */
DossierMemoNotes *
dossier_memo_notes_new (DossierMemo *memo)
{
  DossierMemoNotes *self;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  self = g_object_new (DOSSIER_TYPE_MEMO_NOTES, NULL);
  self->memo = g_object_ref (memo);
  resolve (self);

  return self;
}

/**
 * dossier_memo_notes_get_memo:
 *
 * Returns: (transfer none): the memo
 */
DossierMemo *
dossier_memo_notes_get_memo (DossierMemoNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), NULL);
  return self->memo;
}

guint
dossier_memo_notes_get_n_notes (DossierMemoNotes *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), 0);
  return self->notes->len;
}

/**
 * dossier_memo_notes_get_note:
 * @number: from 1 to dossier_memo_notes_get_n_notes()
 *
 * Returns: (transfer none) (nullable): the note, valid as long as @self
 */
const DossierMemoNote *
dossier_memo_notes_get_note (DossierMemoNotes *self,
                             guint             number)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), NULL);

  if (number == 0 || number > self->notes->len)
    return NULL;

  return &g_array_index (self->notes, DossierMemoNote, number - 1);
}

/**
 * dossier_memo_notes_get_first_number:
 *
 * Returns: the number of the first note citing @citation_id, or 0 when the
 *   citation is never referenced
 */
guint
dossier_memo_notes_get_first_number (DossierMemoNotes *self,
                                     const char       *citation_id)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), 0);
  g_return_val_if_fail (citation_id != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->first_numbers, citation_id));
}

/**
 * dossier_memo_notes_count_references:
 *
 * Returns: how many notes cite @citation_id
 */
guint
dossier_memo_notes_count_references (DossierMemoNotes *self,
                                     const char       *citation_id)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), 0);
  g_return_val_if_fail (citation_id != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ref_counts, citation_id));
}

/**
 * dossier_memo_notes_dup_runs:
 * @block: a block of the memo the notes were made from
 * @item: the bullet item (0 for paragraphs and quotes)
 *
 * The inline runs of a block's text with the footnote number of every
 * citation marker. For a quote block, the attribution (its "cite") is the
 * last run: a citation run with empty text.
 *
 * Returns: (transfer full) (element-type DossierMemoRun): the runs
 */
GArray *
dossier_memo_notes_dup_runs (DossierMemoNotes *self,
                             DossierMemoBlock *block,
                             guint             item)
{
  const char *text;
  GArray *starts;
  GArray *runs;
  guint number;

  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (block), NULL);

  if (dossier_memo_block_get_kind (block) == DOSSIER_MEMO_BLOCK_BULLETS)
    {
      const char * const *items = dossier_memo_block_get_items (block);

      g_return_val_if_fail (item < g_strv_length ((char **)items), NULL);
      text = items[item];
    }
  else
    {
      text = dossier_memo_block_get_text (block);
      item = 0;
    }

  runs = dossier_memo_parse_inline (text);

  if (dossier_memo_block_get_kind (block) == DOSSIER_MEMO_BLOCK_QUOTE &&
      dossier_memo_block_get_cite (block) != NULL)
    {
      DossierMemoRun run = { g_strdup (""), DOSSIER_MEMO_RUN_PLAIN,
                             g_strdup (dossier_memo_block_get_cite (block)), 0 };
      g_array_append_val (runs, run);
    }

  starts = g_hash_table_lookup (self->block_starts, block);
  if (starts == NULL || item >= starts->len)
    return runs; /* a block added after the snapshot: no numbers */

  number = g_array_index (starts, guint, item);
  for (guint i = 0; i < runs->len; i++)
    {
      DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);
      const DossierMemoNote *note;

      if (run->citation_id == NULL)
        continue;

      note = dossier_memo_notes_get_note (self, number);
      if (note != NULL && g_str_equal (note->citation_id, run->citation_id))
        run->note_number = number++;
    }

  return runs;
}

/**
 * dossier_memo_notes_dup_dangling_ids:
 *
 * Returns: (transfer full) (element-type utf8): ids used in markers that
 *   name no citation, each once, in reading order
 */
GPtrArray *
dossier_memo_notes_dup_dangling_ids (DossierMemoNotes *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (DOSSIER_IS_MEMO_NOTES (self), NULL);

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->dangling->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->dangling, i)));

  return ids;
}

/* ---- Plain text ------------------------------------------------------ */

static void
append_runs (GString *out,
             GArray  *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);

      if (run->citation_id != NULL)
        {
          if (run->note_number > 0)
            g_string_append_printf (out, "[%u]", run->note_number);
          else
            g_string_append_printf (out, "[?%s]", run->citation_id);
        }
      else
        g_string_append (out, run->text);
    }
}

/**
 * dossier_memo_render_text:
 *
 * Renders @memo as plain text, for `dossier-cli memo show` and for
 * pasting: the marking, the header block, the sections with footnote
 * numbers in brackets, and the notes at the end.
 *
 * Returns: (transfer full): the text
 */
char *
dossier_memo_render_text (DossierMemo *memo)
{
  g_autoptr(DossierMemoNotes) notes = NULL;
  g_autofree char *date = NULL;
  GString *out;
  const char *marking;
  const char *language;
  DossierMemoLabel recipient;
  guint n_sections;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  notes = dossier_memo_notes_new (memo);
  out = g_string_new (NULL);
  marking = dossier_memo_get_marking (memo);

  if (marking != NULL)
    g_string_append_printf (out, "%s\n\n", marking);

  /* The header in the memo's language, as its PDF prints it. */
  language = dossier_memo_get_language (memo);
  switch (dossier_memo_get_kind (memo))
    {
    case DOSSIER_MEMO_KIND_DECISION:
      recipient = DOSSIER_MEMO_LABEL_ACTION_MEMO_FOR;
      break;
    case DOSSIER_MEMO_KIND_INFORMATION:
      recipient = DOSSIER_MEMO_LABEL_INFORMATION_MEMO_FOR;
      break;
    case DOSSIER_MEMO_KIND_POLICY_BRIEF:
    default:
      recipient = DOSSIER_MEMO_LABEL_MEMORANDUM_FOR;
      break;
    }
  date = dossier_memo_language_format_date (language, dossier_memo_get_date (memo));
  g_string_append_printf (out, "%s %s\n", dossier_memo_language_get_label (language, recipient),
                          dossier_memo_get_to (memo));
  g_string_append_printf (out, "%s %s\n", dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_FROM),
                          dossier_memo_get_from (memo));
  g_string_append_printf (out, "%s %s\n", dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_DATE),
                          date ? date : dossier_memo_get_date (memo));
  g_string_append_printf (out, "%s %s\n", dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_SUBJECT),
                          dossier_memo_get_subject (memo));

  n_sections = dossier_memo_get_n_sections (memo);
  for (guint s = 0; s < n_sections; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      guint n_blocks = dossier_memo_section_get_n_blocks (section);

      g_string_append_printf (out, "\n%s\n", dossier_memo_section_get_title (section));

      for (guint b = 0; b < n_blocks; b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);

          if (dossier_memo_block_get_kind (block) == DOSSIER_MEMO_BLOCK_BULLETS)
            {
              guint n_items = dossier_memo_block_get_n_items (block);

              g_string_append_c (out, '\n');
              for (guint i = 0; i < n_items; i++)
                {
                  g_autoptr(GArray) runs = dossier_memo_notes_dup_runs (notes, block, i);

                  g_string_append (out, "  • ");
                  append_runs (out, runs);
                  g_string_append_c (out, '\n');
                }
            }
          else
            {
              g_autoptr(GArray) runs = dossier_memo_notes_dup_runs (notes, block, 0);
              gboolean quote = dossier_memo_block_get_kind (block) == DOSSIER_MEMO_BLOCK_QUOTE;

              g_string_append (out, quote ? "\n    “" : "\n");
              append_runs (out, runs);
              g_string_append (out, quote ? "”\n" : "\n");
            }
        }
    }

  if (dossier_memo_notes_get_n_notes (notes) > 0)
    {
      g_string_append (out, "\n----\n");
      for (guint i = 1; i <= dossier_memo_notes_get_n_notes (notes); i++)
        {
          const DossierMemoNote *note = dossier_memo_notes_get_note (notes, i);
          g_string_append_printf (out, "%u. %s\n", note->number, note->text);
        }
    }

  if (marking != NULL)
    g_string_append_printf (out, "\n%s\n", marking);

  return g_string_free (out, FALSE);
}
