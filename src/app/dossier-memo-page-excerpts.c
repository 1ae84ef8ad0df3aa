/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "memo/dossier-memo-inline.h"
#include "memo/dossier-memo-templates.h"
#include "dossier-memo-page-private.h"
#include "dossier-memo-section-editor.h"

/*
 * DossierMemoPage's way in: passages from the reader and the comparison
 * (Add to Memo, Quote in Memo at Cursor) with their citations, the
 * analyst's own notes on an article (Add Note to Memo), and Insert
 * Perspectives.
 */

/* Whether @iter is on a line of a block quotation ("> …"). */
static gboolean
in_block_quotation (const GtkTextIter *iter)
{
  GtkTextIter line = *iter;

  gtk_text_iter_set_line_offset (&line, 0);
  return gtk_text_iter_get_char (&line) == '>';
}

/* The end of the last line of the block quotation @iter is in. */
static GtkTextIter
end_of_block_quotation (const GtkTextIter *iter)
{
  GtkTextIter end = *iter;

  for (;;)
    {
      GtkTextIter next = end;

      if (!gtk_text_iter_forward_line (&next) || !in_block_quotation (&next))
        break;
      end = next;
    }
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return end;
}

/* The citation of an excerpt, under an id new to the memo. */
static DossierCitation *
add_excerpt_citation (DossierMemoPage *self,
                      DossierDocument *document,
                      guint            paragraph,
                      guint            start,
                      guint            end)
{
  g_autoptr(DossierCitation) citation = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *id = NULL;

  citation = dossier_citation_new_for_excerpt ("excerpt", document, paragraph, start, end);
  hint = dossier_citation_dup_id_hint (citation);
  id = dossier_memo_dup_new_citation_id (self->memo, hint);
  dossier_citation_set_id (citation, id);
  dossier_memo_add_citation (self->memo, citation);

  return citation; /* the memo holds it */
}

/* Where excerpts go: the section the analyst was in last, else the one
 * the template keeps for evidence, else the last one, else a new
 * "Excerpts" section. */
static DossierMemoSection *
excerpt_section (DossierMemoPage *self)
{
  g_autoptr(DossierMemoSection) fresh = NULL;
  DossierMemoSection *evidence;
  guint n = dossier_memo_get_n_sections (self->memo);

  if (self->current != NULL)
    return self->current;
  evidence = dossier_memo_find_evidence_section (self->memo);
  if (evidence != NULL)
    return evidence;
  if (n > 0)
    return dossier_memo_get_section (self->memo, n - 1);

  fresh = dossier_memo_section_new (_("Excerpts"));
  dossier_memo_append_section (self->memo, fresh);
  return fresh; /* the memo holds it */
}

/* Shows where an excerpt went. */
static void
announce_excerpt (DossierMemoPage    *self,
                  DossierMemoSection *section)
{
  DossierMemoSectionEditor *editor = _dossier_memo_page_find_editor (self, section);

  if (editor != NULL)
    _dossier_memo_page_scroll_into_view (self, GTK_WIDGET (editor), TRUE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      const char *title = dossier_memo_section_get_title (section);
      g_autofree char *escaped = g_markup_escape_text (title && *title ? title : _("Untitled Section"), -1);
      g_autofree char *message = g_strdup_printf (_("Added to “%s”"), escaped);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 3);
      _dossier_memo_page_show_toast (self, toast);
    }
}

/**
 * dossier_memo_page_add_excerpt:
 * @document: the full document the excerpt comes from
 * @paragraph: its paragraph index
 * @start: first code point of the excerpt in the paragraph
 * @end: code point after it
 *
 * "Add to Memo": adds a citation of the excerpt (a "quoted in" citation
 * when the excerpt quotes someone the article sources with its own note)
 * and a quote block attributed to it, at the end of the section last
 * edited (or the last section; a new "Excerpts" section if there is none).
 *
 * Returns: (transfer none): the new citation
 */
DossierCitation *
dossier_memo_page_add_excerpt (DossierMemoPage *self,
                               DossierDocument *document,
                               guint            paragraph,
                               guint            start,
                               guint            end)
{
  g_autoptr(DossierMemoBlock) block = NULL;
  g_autofree char *text = NULL;
  DossierCitation *citation;
  DossierMemoSection *section;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  citation = add_excerpt_citation (self, document, paragraph, start, end);
  section = excerpt_section (self);
  text = dossier_memo_escape_inline (dossier_citation_get_quote (citation));
  block = dossier_memo_block_new_quote (text, dossier_citation_get_id (citation));
  dossier_memo_section_append_block (section, block);
  announce_excerpt (self, section);

  return citation; /* the memo holds it */
}

/**
 * dossier_memo_page_quote_excerpt:
 * @document: the full document the excerpt comes from
 * @paragraph: its paragraph index
 * @start: first code point of the excerpt in the paragraph
 * @end: code point after it
 *
 * "Quote in Memo": adds a citation of the excerpt, as
 * dossier_memo_page_add_excerpt() does, but puts the excerpt in the
 * running text, as a quotation with its note (“…”¹), at the cursor of
 * the section last edited — replacing the selection there, such as a
 * template's placeholder. Undo in that section takes the quotation out
 * again (the source stays in the Sources list until removed there).
 *
 * Returns: (transfer none): the new citation
 */
DossierCitation *
dossier_memo_page_quote_excerpt (DossierMemoPage *self,
                                 DossierDocument *document,
                                 guint            paragraph,
                                 guint            start,
                                 guint            end)
{
  g_autofree char *escaped = NULL;
  g_autofree char *quotation = NULL;
  DossierCitation *citation;
  DossierMemoSection *section;
  DossierMemoSectionEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  citation = add_excerpt_citation (self, document, paragraph, start, end);
  section = excerpt_section (self);
  editor = _dossier_memo_page_find_editor (self, section);
  escaped = dossier_memo_escape_inline (dossier_citation_get_quote (citation));

  /* Not shown (yet), or never written in (its cursor is where nobody
   * put it): a paragraph of its own at the end. */
  if (editor == NULL || self->current == NULL)
    {
      g_autoptr(DossierMemoBlock) block = NULL;

      quotation = g_strdup_printf ("“%s”[^%s]", escaped, dossier_citation_get_id (citation));
      block = dossier_memo_block_new_paragraph (quotation);
      dossier_memo_section_append_block (section, block);
      announce_excerpt (self, section);
      return citation;
    }

  buffer = gtk_text_view_get_buffer (dossier_memo_section_editor_get_view (editor));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &from, &to))
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));

  if (in_block_quotation (&from))
    {
      /* Not inside a block quotation, and never in its source line (where
       * the cursor is after Add to Memo): a paragraph after it. */
      GtkTextIter block_end = end_of_block_quotation (&from);

      quotation = g_strdup_printf ("\n\n“%s”[^%s]", escaped, dossier_citation_get_id (citation));
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert (buffer, &block_end, quotation, -1);
      gtk_text_buffer_place_cursor (buffer, &block_end);
      gtk_text_buffer_end_user_action (buffer);
      announce_excerpt (self, section);
      return citation;
    }

  {
    /* A word space before it, unless it starts a line or follows one. */
    GtkTextIter before = from;
    gboolean needs_space = gtk_text_iter_backward_char (&before) &&
                           !g_unichar_isspace (gtk_text_iter_get_char (&before)) &&
                           gtk_text_iter_get_char (&before) != '(';

    quotation = g_strdup_printf ("%s“%s”[^%s]", needs_space ? " " : "",
                                 escaped, dossier_citation_get_id (citation));
  }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, quotation, -1);
  gtk_text_buffer_end_user_action (buffer);
  announce_excerpt (self, section);

  return citation;
}

/* A note is the analyst's text, not the memo's: a citation marker typed
 * in it would point at whatever citation has that id in this memo, so it
 * comes in as the text it was. */
static char *
escape_citation_markers (const char *note)
{
  GString *out = g_string_sized_new (strlen (note) + 8);

  for (const char *p = note; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] != '\0')
        {
          g_string_append_len (out, p, 2);
          p++;
        }
      else if (p[0] == '\\')
        /* Last, it would escape the marker that follows the note. */
        g_string_append (out, "\\\\");
      else if (p[0] == '[' && p[1] == '^')
        g_string_append (out, "\\[");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * dossier_memo_page_add_note:
 * @document: the article the note is about
 * @note: the analyst's note, in the memo's inline markup
 * @locator: (nullable): where in @document the note is about ("p. 12")
 *
 * "Add Note to Memo": the analyst's own words, as the memo's paragraphs
 * (and bullets), with their bold and italic, where Add to Memo puts
 * excerpts; the last ends with the citation of the article, not of a
 * quotation from it.
 *
 * Returns: (transfer none) (nullable): the new citation; %NULL when
 *   @note is blank, and nothing is added
 */
DossierCitation *
dossier_memo_page_add_note (DossierMemoPage *self,
                            DossierDocument *document,
                            const char      *note,
                            const char      *locator)
{
  g_autoptr(DossierCitation) citation = NULL;
  g_autoptr(DossierMemoSection) parsed = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *source = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *id = NULL;
  DossierMemoSection *section;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  trimmed = g_strstrip (g_strdup (note ? note : ""));
  if (*trimmed == '\0')
    return NULL;

  citation = dossier_citation_new_for_document ("note", document);
  dossier_citation_set_locator (citation, locator);
  hint = dossier_citation_dup_id_hint (citation);
  id = dossier_memo_dup_new_citation_id (self->memo, hint);
  dossier_citation_set_id (citation, id);
  dossier_memo_add_citation (self->memo, citation);

  /* Read as a section's text is, so that its blank lines part paragraphs
   * and its "- " lines are bullets as they were in the note. */
  escaped = escape_citation_markers (trimmed);
  source = g_strdup_printf ("%s[^%s]", escaped, id);
  parsed = dossier_memo_section_new (NULL);
  dossier_memo_section_set_source_text (parsed, source);

  section = excerpt_section (self);
  for (guint i = 0; i < dossier_memo_section_get_n_blocks (parsed); i++)
    {
      g_autoptr(DossierMemoBlock) block = dossier_memo_block_copy (dossier_memo_section_get_block (parsed, i));

      dossier_memo_section_append_block (section, block);
    }
  announce_excerpt (self, section);

  return citation; /* the memo holds it */
}

/**
 * dossier_memo_page_insert_perspectives:
 * @documents: a #GListModel of #DossierDocument
 *
 * "Insert Perspectives": see dossier_memo_insert_perspectives().
 *
 * Returns: (transfer none): the drafted section
 */
DossierMemoSection *
dossier_memo_page_insert_perspectives (DossierMemoPage *self,
                                       GListModel      *documents)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  return dossier_memo_insert_perspectives (self->memo, documents);
}
