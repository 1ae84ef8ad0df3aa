/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * DossierReaderBoxKind:
 * @DOSSIER_READER_BOX_KEY_POINTS: the key points, a tinted rounded box
 * @DOSSIER_READER_BOX_CARD: an author card, a grey rounded box
 * @DOSSIER_READER_BOX_QUOTE_RULE: the accent rule beside a pull quote
 * @DOSSIER_READER_BOX_BLOCK_QUOTE_RULE: the quieter rule beside a block quotation
 *
 * What the reader's text view draws behind a range of its text.
 */
typedef enum {
  DOSSIER_READER_BOX_KEY_POINTS,
  DOSSIER_READER_BOX_CARD,
  DOSSIER_READER_BOX_QUOTE_RULE,
  DOSSIER_READER_BOX_BLOCK_QUOTE_RULE,
} DossierReaderBoxKind;

#define DOSSIER_TYPE_READER_TEXT (dossier_reader_text_get_type ())
G_DECLARE_FINAL_TYPE (DossierReaderText, dossier_reader_text, DOSSIER, READER_TEXT, GtkTextView)

GtkWidget *dossier_reader_text_new         (GtkTextBuffer        *buffer);
void       dossier_reader_text_add_box     (DossierReaderText    *self,
                                            guint                 start,
                                            guint                 end,
                                            DossierReaderBoxKind  kind);
void       dossier_reader_text_clear_boxes (DossierReaderText    *self);
void       dossier_reader_text_set_pad     (DossierReaderText    *self,
                                            int                   pad);
void       dossier_reader_text_set_colors  (DossierReaderText    *self,
                                            const GdkRGBA        *key_points_bg,
                                            const GdkRGBA        *card_bg,
                                            const GdkRGBA        *accent,
                                            const GdkRGBA        *rule);
void       dossier_reader_text_set_markers (DossierReaderText    *self,
                                            GPtrArray            *markers);

G_END_DECLS
