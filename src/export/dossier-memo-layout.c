/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "memo/dossier-citation.h"
#include "memo/dossier-memo-inline.h"
#include "memo/dossier-memo-language.h"
#include "memo/dossier-memo-notes.h"
#include "dossier-hyphenator.h"
#include "dossier-memo-layout.h"
#include "dossier-page-layout.h"
#include "model/dossier-util.h"

/* Turns a DossierMemo into the neutral layout document: the header block
 * the memo conventions ask for, sections as headings, the memo's inline
 * runs with their resolved footnote numbers, Chicago notes with their
 * URLs as links, and "Approve ____ Disapprove ____" paragraphs as
 * decision lines. */

static DossierLayoutStyle
style_for (DossierMemoRunFlags flags)
{
  DossierLayoutStyle style = DOSSIER_LAYOUT_STYLE_NONE;

  if (flags & DOSSIER_MEMO_RUN_BOLD)
    style |= DOSSIER_LAYOUT_STYLE_BOLD;
  if (flags & DOSSIER_MEMO_RUN_ITALIC)
    style |= DOSSIER_LAYOUT_STYLE_ITALIC;
  return style;
}

static void
add_runs (DossierLayoutBlock *block,
          GArray             *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const DossierMemoRun *run = &g_array_index (runs, DossierMemoRun, i);

      if (run->citation_id != NULL)
        {
          /* A marker naming no citation has no number; `memo check`
           * reports it, the PDF just leaves it out. */
          if (run->note_number > 0)
            dossier_layout_block_add_note_ref (block, run->note_number);
        }
      else
        dossier_layout_block_add_text (block, run->text, style_for (run->flags));
    }
}

/* Text with every web address in it as a link. */
static void
add_linked_text (DossierLayoutBlock *block,
                 const char         *text)
{
  static GRegex *url_regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize done = 0;

  dossier_regex_once (&url_regex, "https?://[^\\s<>\"“”]+", G_REGEX_OPTIMIZE);

  g_regex_match (url_regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *before = NULL;
      g_autofree char *url = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* Sentence punctuation after an address is not part of it. */
      while (end > start && strchr (".,;:)]’", text[end - 1]) != NULL)
        end--;
      before = g_strndup (text + done, start - done);
      url = g_strndup (text + start, end - start);
      dossier_layout_block_add_text (block, before, DOSSIER_LAYOUT_STYLE_NONE);
      dossier_layout_block_add_link (block, url, url, DOSSIER_LAYOUT_STYLE_NONE);
      done = end;
      g_match_info_next (match, NULL);
    }
  dossier_layout_block_add_text (block, text + done, DOSSIER_LAYOUT_STYLE_NONE);
}

/* "Approve ____  Disapprove ____" (any labels, two or more underscores
 * each) becomes a decision line with those labels. */
static char **
parse_decision (const char *plain)
{
  static GRegex *line_regex = NULL;
  static GRegex *label_regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  dossier_regex_once (&line_regex, "^\\s*(\\S[^_]*?\\s*_{2,}\\s*){2,4}$", G_REGEX_OPTIMIZE);
  dossier_regex_once (&label_regex, "(\\S[^_]*?)\\s*_{2,}", G_REGEX_OPTIMIZE);

  if (strlen (plain) > 200 || !g_regex_match (line_regex, plain, 0, NULL))
    return NULL;

  g_regex_match (label_regex, plain, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (labels, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  if (labels->len < 2)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&labels), FALSE);
}

static char *
dup_attribution (DossierCitation *citation)
{
  const char * const *authors;

  if (citation == NULL)
    return NULL;

  /* Quoted through the article: the speaker leads the original's note. */
  if (dossier_citation_is_quoted_in (citation) && dossier_citation_get_via_text (citation) != NULL)
    {
      const char *via = dossier_citation_get_via_text (citation);
      const char *comma = strstr (via, ", ");

      return comma != NULL ? g_strndup (via, comma - via) : g_strdup (via);
    }

  authors = dossier_citation_get_authors (citation);
  if (authors != NULL && authors[0] != NULL)
    return dossier_format_author_list (authors, FALSE);
  if (dossier_citation_get_publisher (citation) != NULL)
    return g_strdup (dossier_citation_get_publisher (citation));
  return g_strdup (dossier_citation_get_title (citation));
}

static DossierMemoLabel
recipient_label (DossierMemoKind kind)
{
  switch (kind)
    {
    case DOSSIER_MEMO_KIND_DECISION:
      return DOSSIER_MEMO_LABEL_ACTION_MEMO_FOR;
    case DOSSIER_MEMO_KIND_INFORMATION:
      return DOSSIER_MEMO_LABEL_INFORMATION_MEMO_FOR;
    case DOSSIER_MEMO_KIND_POLICY_BRIEF:
    default:
      return DOSSIER_MEMO_LABEL_MEMORANDUM_FOR;
    }
}

/* The layout document of @memo; with @wanted, the range of block
 * indices its body takes. */
static DossierLayoutDocument *
build_document (DossierMemo        *memo,
                DossierMemoSection *wanted,
                guint              *wanted_first,
                guint              *wanted_end)
{
  g_autoptr(DossierMemoNotes) notes = NULL;
  g_autofree char *date = NULL;
  DossierLayoutDocument *doc;
  const char *language;
  DossierMemoKind kind;
  guint n_sections;

  notes = dossier_memo_notes_new (memo);
  kind = dossier_memo_get_kind (memo);
  doc = dossier_layout_document_new ();

  dossier_layout_document_set_marking (doc, dossier_memo_get_marking (memo));
  dossier_layout_document_set_metadata (doc, dossier_memo_get_subject (memo),
                                        dossier_memo_get_from (memo),
                                        dossier_memo_get_subject (memo));
  /* The memo's language, not the interface's: see dossier-memo-language.c. */
  language = dossier_memo_get_language (memo);
  dossier_layout_document_set_language (doc, language);
  date = dossier_memo_language_format_date (language, dossier_memo_get_date (memo));
  dossier_layout_document_add_header_field (doc, dossier_memo_language_get_label (language, recipient_label (kind)),
                                            dossier_memo_get_to (memo));
  dossier_layout_document_add_header_field (doc, dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_FROM),
                                            dossier_memo_get_from (memo));
  if (date != NULL)
    dossier_layout_document_add_header_field (doc, dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_DATE),
                                              date);
  dossier_layout_document_add_header_field (doc, dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_SUBJECT),
                                            dossier_memo_get_subject (memo));

  n_sections = dossier_memo_get_n_sections (memo);
  for (guint s = 0; s < n_sections; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      guint n_blocks = dossier_memo_section_get_n_blocks (section);
      const char *title = dossier_memo_section_get_title (section);

      if (title != NULL && *title != '\0')
        {
          /* Policy briefs number their parts; State Department memos do not. */
          DossierLayoutBlock *heading =
            dossier_layout_document_add_heading (doc, 1, kind == DOSSIER_MEMO_KIND_POLICY_BRIEF);

          dossier_layout_block_add_text (heading, title, DOSSIER_LAYOUT_STYLE_NONE);
        }
      if (section == wanted && wanted_first != NULL)
        *wanted_first = dossier_layout_document_get_n_blocks (doc);

      for (guint b = 0; b < n_blocks; b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
          DossierMemoBlockKind block_kind = dossier_memo_block_get_kind (block);

          if (block_kind == DOSSIER_MEMO_BLOCK_BULLETS)
            {
              guint n_items = dossier_memo_block_get_n_items (block);

              for (guint i = 0; i < n_items; i++)
                {
                  g_autoptr(GArray) runs = dossier_memo_notes_dup_runs (notes, block, i);

                  add_runs (dossier_layout_document_add_bullet (doc, 1), runs);
                }
            }
          else if (block_kind == DOSSIER_MEMO_BLOCK_QUOTE)
            {
              g_autoptr(GArray) runs = dossier_memo_notes_dup_runs (notes, block, 0);
              const char *cite = dossier_memo_block_get_cite (block);
              DossierCitation *citation = cite != NULL ? dossier_memo_lookup_citation (memo, cite) : NULL;
              g_autofree char *attribution = dup_attribution (citation);

              add_runs (dossier_layout_document_add_quote (doc, attribution), runs);
            }
          else
            {
              g_autofree char *plain = dossier_memo_block_dup_plain_text (block);
              g_auto(GStrv) choices = plain != NULL ? parse_decision (plain) : NULL;

              if (choices != NULL)
                dossier_layout_document_add_decision (doc, (const char * const *)choices);
              else
                {
                  g_autoptr(GArray) runs = dossier_memo_notes_dup_runs (notes, block, 0);

                  add_runs (dossier_layout_document_add_paragraph (doc), runs);
                }
            }
        }
      if (section == wanted && wanted_end != NULL)
        *wanted_end = dossier_layout_document_get_n_blocks (doc);
    }

  for (guint n = 1; n <= dossier_memo_notes_get_n_notes (notes); n++)
    {
      const DossierMemoNote *note = dossier_memo_notes_get_note (notes, n);

      if (note == NULL || note->text == NULL)
        continue;
      add_linked_text (dossier_layout_document_add_note (doc, note->number), note->text);
    }

  return doc;
}

/**
 * dossier_memo_to_layout_document:
 * @memo: a memo
 *
 * Builds what the PDF layout engine lays out from @memo, with its
 * footnotes numbered and formatted (full note on the first reference,
 * short after) by #DossierMemoNotes.
 *
 * Returns: (transfer full): the layout document
 */
DossierLayoutDocument *
dossier_memo_to_layout_document (DossierMemo *memo)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  /* The layout will hyphenate: its dictionary loads meanwhile. */
  dossier_hyphenator_preload (NULL);
  return build_document (memo, NULL, NULL, NULL);
}

/**
 * dossier_memo_layout_count_pages:
 * @memo: a memo
 * @paper: the paper
 *
 * For lint ("an action memo over two pages"): the real page count.
 *
 * Returns: the number of pages @memo lays out to
 */
guint
dossier_memo_layout_count_pages (DossierMemo  *memo,
                                 DossierPaper  paper)
{
  g_autoptr(DossierLayoutDocument) document = NULL;
  g_autoptr(DossierPageLayout) layout = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), 0);

  document = build_document (memo, NULL, NULL, NULL);
  layout = dossier_page_layout_new (paper);
  dossier_page_layout_set_document (layout, document);
  return dossier_page_layout_get_n_pages (layout);
}

/**
 * dossier_memo_layout_count_lines:
 * @memo: a memo
 * @section: one of its sections
 * @paper: the paper
 *
 * For lint ("a BLUF longer than four lines"): how many printed lines the
 * body of @section takes, its heading left out.
 *
 * Returns: the number of lines, 0 if @section is not in @memo
 */
guint
dossier_memo_layout_count_lines (DossierMemo        *memo,
                                 DossierMemoSection *section,
                                 DossierPaper        paper)
{
  g_autoptr(DossierLayoutDocument) document = NULL;
  g_autoptr(DossierPageLayout) layout = NULL;
  guint first = 0, end = 0, lines = 0;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), 0);
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (section), 0);

  document = build_document (memo, section, &first, &end);
  layout = dossier_page_layout_new (paper);
  dossier_page_layout_set_document (layout, document);
  for (guint i = first; i < end; i++)
    lines += dossier_page_layout_get_block_n_lines (layout, i);
  return lines;
}
