/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-page-layout"

#include "config.h"

#include "dossier-page-layout-private.h"

/*
 * Building the flows: what each block and note of the document is to be
 * on paper (its font, width, indent, heading number, prefix and suffix,
 * the space above it, whether it stays with the next). The memo's
 * typographic rules live here; shaping them is dossier-page-layout-shape.c's
 * job, and breaking them into pages dossier-page-layout-paginate.c's.
 */

static double
gap_between (const Flow *previous,
             const Flow *flow)
{
  if (previous == NULL)
    return 0;
  if (previous->kind == DOSSIER_LAYOUT_BLOCK_HEADING)
    return flow->kind == DOSSIER_LAYOUT_BLOCK_HEADING ? 6.0 : 5.0;

  switch (flow->kind)
    {
    case DOSSIER_LAYOUT_BLOCK_HEADING:
      return flow->level == 1 ? 20.0 : 14.0;
    case DOSSIER_LAYOUT_BLOCK_BULLET:
      return previous->kind == DOSSIER_LAYOUT_BLOCK_BULLET ? 4.0 : 8.0;
    case DOSSIER_LAYOUT_BLOCK_DECISION:
      return 10.0;
    case DOSSIER_LAYOUT_BLOCK_QUOTE:
    case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
    case DOSSIER_LAYOUT_BLOCK_NOTE:
    default:
      return 10.0;
    }
}

/* Justified lines spread their slack between the words, so every break
 * point counts: words of six letters or more are hyphenated. In ragged
 * text a wrapped word leaves a gap no wider than itself, so only long
 * words (nine letters or more) are: nearly as even a right edge, half
 * the hyphens (ragged style hyphenates sparingly), and each hyphenated
 * line costs Pango a reshaping (see split_items()). */
static guint
hyphenate_min_letters (gboolean justify)
{
  return justify ? 6 : 9;
}

void
_dossier_page_layout_build_flows (DossierPageLayout *self)
{
  DossierLayoutDocument *doc = self->document;
  guint n_blocks = dossier_layout_document_get_n_blocks (doc);
  guint n_notes = dossier_layout_document_get_n_notes (doc);
  guint counters[3] = { 0, 0, 0 };
  g_autoptr(PangoFontDescription) body = _dossier_page_layout_font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) note_font = _dossier_page_layout_font_with (self->serif, NOTE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h1 = _dossier_page_layout_font_with (self->sans, 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h2 = _dossier_page_layout_font_with (self->sans, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) h3 = _dossier_page_layout_font_with (self->serif, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC);
  Flow *previous = NULL;

  g_ptr_array_set_size (self->flows, 0);
  g_array_set_size (self->notes, 0);
  g_hash_table_remove_all (self->note_index);

  for (guint i = 0; i < n_blocks; i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_block (doc, i);
      ShapeParams params = { body, self->text_width, PANGO_ALIGN_LEFT, self->justify, 0, 0, 1.1, NULL, NULL, 0,
                             hyphenate_min_letters (self->justify) };
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      Flow *flow = g_new0 (Flow, 1);

      flow->kind = dossier_layout_block_get_kind (block);
      flow->level = dossier_layout_block_get_level (block);

      switch (flow->kind)
        {
        case DOSSIER_LAYOUT_BLOCK_HEADING:
          params.font = flow->level == 1 ? h1 : flow->level == 2 ? h2 : h3;
          params.justify = FALSE;
          params.hyphenate = 0;
          params.spacing = 0;
          if (dossier_layout_block_get_numbered (block))
            {
              guint level = CLAMP (flow->level, 1, 3);
              GString *number = g_string_new (NULL);

              counters[level - 1]++;
              for (guint l = level; l < 3; l++)
                counters[l] = 0;
              for (guint l = 0; l < level; l++)
                g_string_append_printf (number, "%u.", counters[l]);
              g_string_append (number, "\u2002");
              prefix = g_string_free (number, FALSE);
            }
          params.prefix = prefix;
          flow->keep_with_next = TRUE;
          flow->title = g_strconcat (prefix ? prefix : "", dossier_layout_block_get_text (block), NULL);
          g_strstrip (flow->title);
          break;

        case DOSSIER_LAYOUT_BLOCK_BULLET:
          flow->x = BULLET_INDENT * flow->level;
          params.width -= flow->x;
          break;

        case DOSSIER_LAYOUT_BLOCK_QUOTE:
          flow->x = QUOTE_INDENT;
          params.width -= 2 * QUOTE_INDENT;
          if (dossier_layout_block_get_attribution (block) != NULL)
            {
              suffix = g_strdup_printf ("\n\u2014\u2009%s", dossier_layout_block_get_attribution (block));
              params.suffix = suffix;
              params.suffix_style = DOSSIER_LAYOUT_STYLE_NONE;
            }
          break;

        case DOSSIER_LAYOUT_BLOCK_DECISION:
          {
            const char * const *choices = dossier_layout_block_get_choices (block);
            GString *line = g_string_new (NULL);

            for (guint c = 0; choices != NULL && choices[c] != NULL && c < 6; c++)
              g_string_append_printf (line, "%s%s ____________", c > 0 ? "\t" : "", choices[c]);
            suffix = g_string_free (line, FALSE);
            params.suffix = suffix;
            params.tab = 180.0;
            params.justify = FALSE;
            params.hyphenate = 0;
            flow->x = QUOTE_INDENT;
            params.width -= QUOTE_INDENT;
            /* The decision line stays with the recommendation above it. */
            if (previous != NULL)
              previous->keep_with_next = TRUE;
            block = NULL;
          }
          break;

        case DOSSIER_LAYOUT_BLOCK_PARAGRAPH:
        case DOSSIER_LAYOUT_BLOCK_NOTE:
        default:
          break;
        }

      flow->shape = _dossier_page_layout_shape_get (self, &params, block);
      flow->gap_before = gap_between (previous, flow);
      g_ptr_array_add (self->flows, flow);
      previous = flow;
    }

  for (guint i = 0; i < n_notes; i++)
    {
      DossierLayoutBlock *block = dossier_layout_document_get_note (doc, i);
      /* "1. Text", wrapped lines indented: a space rather than a tab after
       * the number, so that text extraction and copying keep one line. */
      g_autofree char *prefix = g_strdup_printf ("%u. ", dossier_layout_block_get_number (block));
      /* Ragged right even under a justified body: notes are mostly
       * URLs and titles, whose long unbreakable parts leave justified
       * lines with wide gaps. */
      ShapeParams params = { note_font, self->text_width, PANGO_ALIGN_LEFT, FALSE,
                             -NOTE_INDENT, 0, 0, prefix, NULL, 0, hyphenate_min_letters (FALSE) };
      Note note = { 0 };

      note.number = dossier_layout_block_get_number (block);
      if (note.number == 0 || g_hash_table_contains (self->note_index, GUINT_TO_POINTER (note.number)))
        continue;
      note.shape = _dossier_page_layout_shape_get (self, &params, block);
      note.page = -1;
      g_array_append_val (self->notes, note);
      g_hash_table_insert (self->note_index, GUINT_TO_POINTER (note.number),
                           GUINT_TO_POINTER (self->notes->len));
    }
}
