/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-page"

#include "config.h"

#include <glib/gi18n.h>

#include "memo/dossier-memo-inline.h"
#include "memo/dossier-memo-notes.h"
#include "widgets/dossier-memo-text-view.h"
#include "dossier-memo-page-private.h"
#include "dossier-memo-section-editor.h"
#include "dossier-memo-source-row.h"

/*
 * DossierMemoPage's notes: every citation marker in the editor shows
 * the number its note will have in the PDF, and a click on one (or
 * Alt+Return beside it) opens a popover with the note.
 */

/* ---- Citation popover ---------------------------------------------------- */

/* Finds the "[^id]" marker around @offset in @buffer: its bounds in
 * characters, its id, and how many markers of the same id come before
 * it in the buffer (to tell its note from earlier references). */
static gboolean
find_marker_at (GtkTextBuffer  *buffer,
                int             offset,
                int            *marker_start,
                int            *marker_end,
                char          **id,
                guint          *n_before)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\[\\^([A-Za-z0-9_.:-]{1,64})\\]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *found = g_match_info_fetch (match, 1);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, found));
      int start_pos, end_pos, first, last;

      g_match_info_fetch_pos (match, 0, &start_pos, &end_pos);
      first = g_utf8_pointer_to_offset (text, text + start_pos);
      last = g_utf8_pointer_to_offset (text, text + end_pos);
      if (offset >= first && offset < last)
        {
          *marker_start = first;
          *marker_end = last;
          *n_before = count;
          *id = g_steal_pointer (&found);
          return TRUE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&found), GUINT_TO_POINTER (count + 1));
      g_match_info_next (match, NULL);
    }

  return FALSE;
}

/* The footnote number of the (@n_before + 1)th reference to @id in the
 * section at @section, as the preview and the PDF number it. */
static guint
note_number (DossierMemo *memo,
             guint        section,
             const char  *id,
             guint        n_before)
{
  g_autoptr(DossierMemoNotes) notes = dossier_memo_notes_new (memo);
  guint n = dossier_memo_notes_get_n_notes (notes);

  for (guint i = 1; i <= n; i++)
    {
      const DossierMemoNote *note = dossier_memo_notes_get_note (notes, i);

      if (note->section == section && g_strcmp0 (note->citation_id, id) == 0 && n_before-- == 0)
        return note->number;
    }

  return dossier_memo_notes_get_first_number (notes, id);
}

static void
edit_source_clicked_cb (GtkButton       *button,
                        DossierMemoPage *self)
{
  DossierCitation *citation = g_object_get_data (G_OBJECT (button), "dossier-citation");
  GtkWidget *child;

  if (self->citation_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->citation_popover));

  /* The Sources list is where citations are edited: open its row. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->citations_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DOSSIER_IS_MEMO_SOURCE_ROW (child) &&
          dossier_memo_source_row_get_citation (DOSSIER_MEMO_SOURCE_ROW (child)) == citation)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
          gtk_widget_grab_focus (child);
          _dossier_memo_page_scroll_into_view (self, child, FALSE);
          break;
        }
    }
}

/**
 * dossier_memo_page_show_citation_popover:
 * @section: position of the section
 * @char_offset: a character offset in the section's text
 *
 * Pops up, over the citation marker at @char_offset, its note number,
 * its full note and a button to edit the source (what a click on a
 * marker does).
 *
 * Returns: (transfer none) (nullable): the popover, or %NULL when no
 *   marker is there
 */
GtkWidget *
dossier_memo_page_show_citation_popover (DossierMemoPage *self,
                                         guint            section,
                                         int              char_offset)
{
  DossierMemoSection *memo_section;
  DossierCitation *citation;
  g_autofree char *id = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *full = NULL;
  GtkWidget *popover, *box, *label, *button;
  GtkTextIter iter;
  GdkRectangle rect;
  graphene_point_t point;
  DossierMemoSectionEditor *editor;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  int marker_start, marker_end, x, y;
  guint n_before, number;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  memo_section = dossier_memo_get_section (self->memo, section);
  editor = memo_section ? _dossier_memo_page_find_editor (self, memo_section) : NULL;
  if (editor == NULL)
    return NULL;
  view = dossier_memo_section_editor_get_view (editor);
  buffer = gtk_text_view_get_buffer (view);
  if (!find_marker_at (buffer, char_offset, &marker_start, &marker_end, &id, &n_before))
    return NULL;

  citation = dossier_memo_lookup_citation (self->memo, id);
  number = note_number (self->memo, section, id, n_before);

  if (self->citation_popover != NULL)
    {
      gtk_widget_unparent (self->citation_popover);
      g_clear_weak_pointer (&self->citation_popover);
    }

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  if (number > 0)
    heading = g_strdup_printf (_("Note %u"), number);
  else
    heading = g_strdup (_("Note"));
  label = gtk_label_new (heading);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (citation != NULL)
    full = dossier_citation_format_full (citation);
  else
    full = g_strdup_printf (_("No source has the id “%s”."), id);
  label = gtk_label_new (full);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (citation != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Edit Source…"));
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      g_object_set_data_full (G_OBJECT (button), "dossier-citation", g_object_ref (citation), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (edit_source_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  /* Point at the marker's number, in the page's coordinates (the
   * popover's parent). */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, marker_start);
  if (!dossier_memo_text_view_get_number_area (DOSSIER_MEMO_TEXT_VIEW (view), &iter, &rect))
    gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  /* A marker scrolled out of sight: point at the nearest edge of the
   * page, as a popover must point inside its window. */
  rect.width = MAX (rect.width, 1);
  rect.height = MAX (rect.height, 1);
  rect.x = CLAMP ((int) point.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - rect.width));
  rect.y = CLAMP ((int) point.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - rect.height));

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  /* Kept (hidden) once closed until the next one replaces it, or the
   * page goes: its dispose unparents every child. */
  g_set_weak_pointer (&self->citation_popover, popover);
  gtk_popover_popup (GTK_POPOVER (popover));

  return popover;
}
/* Alt+Return: the note of the citation at the cursor, from the keyboard. */
static void
show_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);

  DossierMemoSectionEditor *editor;

  for (guint position = 0; (editor = _dossier_memo_page_editor_at (self, position)) != NULL; position++)
    {
      GtkTextView *view = dossier_memo_section_editor_get_view (editor);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter cursor, start, end;

      if (!gtk_widget_has_focus (GTK_WIDGET (view)))
        continue;
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      if (dossier_memo_text_view_find_marker (DOSSIER_MEMO_TEXT_VIEW (view), &cursor, TRUE, &start, &end))
        dossier_memo_page_show_citation_popover (self, position, gtk_text_iter_get_offset (&start));
      else
        gtk_widget_error_bell (widget);
      return;
    }
}


/* ---- Note numbers in the editor ------------------------------------------ */

/* What the numbers depend on: the markers of every section in order,
 * and which sources exist (a marker without one gets no number). */
static char *
marker_signature (DossierMemoPage *self)
{
  GListModel *citations = dossier_memo_get_citations (self->memo);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < dossier_memo_get_n_sections (self->memo); i++)
    {
      g_autofree char *text = dossier_memo_section_dup_source_text (dossier_memo_get_section (self->memo, i));
      g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids (text);

      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (signature, "%s ", (char *) g_ptr_array_index (ids, j));
      g_string_append_c (signature, '|');
    }
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);

      g_string_append_printf (signature, "%s ", dossier_citation_get_id (citation));
    }
  return g_string_free (signature, FALSE);
}

/* Shows every marker in the editor as the number its note will have in
 * the PDF (notes are numbered across sections, so one edit can renumber
 * the markers of every later section). */
void
_dossier_memo_page_update_note_numbers (DossierMemoPage *self)
{
  g_autofree char *signature = NULL;
  g_autoptr(DossierMemoNotes) notes = NULL;
  guint next_note = 1;

  if (self->memo == NULL)
    return;
  signature = marker_signature (self);
  if (g_strcmp0 (signature, self->marker_signature) == 0)
    return;
  g_free (self->marker_signature);
  self->marker_signature = g_steal_pointer (&signature);

  notes = dossier_memo_notes_new (self->memo);
  for (guint i = 0; i < dossier_memo_get_n_sections (self->memo); i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (self->memo, i);
      g_autofree char *text = dossier_memo_section_dup_source_text (section);
      g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids (text);
      g_autoptr(GArray) numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      DossierMemoSectionEditor *editor = _dossier_memo_page_find_editor (self, section);

      /* Notes come in reading order: this section's are the next ones. */
      while (next_note <= dossier_memo_notes_get_n_notes (notes) &&
             dossier_memo_notes_get_note (notes, next_note)->section < i)
        next_note++;
      for (guint j = 0; j < ids->len; j++)
        {
          const DossierMemoNote *note = dossier_memo_notes_get_note (notes, next_note);
          guint number = 0;

          if (note != NULL && note->section == i &&
              g_strcmp0 (note->citation_id, g_ptr_array_index (ids, j)) == 0)
            number = next_note++;
          g_array_append_val (numbers, number);
        }
      if (editor != NULL)
        dossier_memo_text_view_set_note_numbers (DOSSIER_MEMO_TEXT_VIEW (dossier_memo_section_editor_get_view (editor)),
                                                 (const guint *) numbers->data, numbers->len);
    }
}

static gboolean
update_note_numbers_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->numbers_source = 0;
  _dossier_memo_page_update_note_numbers (self);
  return G_SOURCE_REMOVE;
}

/* For a row just created: once the list has made all of them. */
void
_dossier_memo_page_queue_note_numbers (DossierMemoPage *self)
{
  g_clear_pointer (&self->marker_signature, g_free);
  if (self->numbers_source == 0)
    self->numbers_source = g_idle_add (update_note_numbers_cb, self);
}

void
_dossier_memo_page_class_init_notes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "memo.show-note", NULL, show_note_action);
}
