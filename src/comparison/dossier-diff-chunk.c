/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include "dossier-diff-chunk.h"

/**
 * DossierDiffChunk:
 *
 * One record of a versions comparison's edit script, as Meld's chunks:
 * an operation and the spans it covers in the left and right paragraphs
 * (in diff words and in code points, so a view can tag the text without
 * re-tokenising). Immutable; views only read it.
 */
struct _DossierDiffChunk
{
  GObject parent_instance;

  DossierChunkRecord record;
};

G_DEFINE_FINAL_TYPE (DossierDiffChunk, dossier_diff_chunk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OP,
  PROP_A_PARAGRAPH,
  PROP_B_PARAGRAPH,
  PROP_CHANGE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_diff_chunk_finalize (GObject *object)
{
  DossierDiffChunk *self = DOSSIER_DIFF_CHUNK (object);

  g_free (self->record.text);

  G_OBJECT_CLASS (dossier_diff_chunk_parent_class)->finalize (object);
}

static void
dossier_diff_chunk_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierDiffChunk *self = DOSSIER_DIFF_CHUNK (object);

  switch (prop_id)
    {
    case PROP_OP:
      g_value_set_enum (value, self->record.op);
      break;
    case PROP_A_PARAGRAPH:
      g_value_set_int (value, self->record.a_paragraph);
      break;
    case PROP_B_PARAGRAPH:
      g_value_set_int (value, self->record.b_paragraph);
      break;
    case PROP_CHANGE:
      g_value_set_int (value, self->record.change);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->record.text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_diff_chunk_class_init (DossierDiffChunkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_diff_chunk_finalize;
  object_class->get_property = dossier_diff_chunk_get_property;

  properties[PROP_OP] =
    g_param_spec_enum ("op", NULL, NULL, DOSSIER_TYPE_DIFF_OP, DOSSIER_DIFF_EQUAL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_A_PARAGRAPH] =
    g_param_spec_int ("a-paragraph", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_B_PARAGRAPH] =
    g_param_spec_int ("b-paragraph", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGE] =
    g_param_spec_int ("change", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_diff_chunk_init (DossierDiffChunk *self)
{
  self->record.a_paragraph = -1;
  self->record.b_paragraph = -1;
  self->record.change = -1;
}

/**
 * dossier_diff_chunk_new:
 * @record: a record of the edit script
 *
 * Returns: (transfer full): a chunk holding a copy of @record
 */
DossierDiffChunk *
dossier_diff_chunk_new (const DossierChunkRecord *record)
{
  DossierDiffChunk *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_DIFF_CHUNK, NULL);
  self->record = *record;
  self->record.text = g_strdup (record->text);

  return self;
}

DossierDiffOp
dossier_diff_chunk_get_op (DossierDiffChunk *self)
{
  g_return_val_if_fail (DOSSIER_IS_DIFF_CHUNK (self), DOSSIER_DIFF_EQUAL);
  return self->record.op;
}

int
dossier_diff_chunk_get_a_paragraph (DossierDiffChunk *self)
{
  g_return_val_if_fail (DOSSIER_IS_DIFF_CHUNK (self), -1);
  return self->record.a_paragraph;
}

int
dossier_diff_chunk_get_b_paragraph (DossierDiffChunk *self)
{
  g_return_val_if_fail (DOSSIER_IS_DIFF_CHUNK (self), -1);
  return self->record.b_paragraph;
}

void
dossier_diff_chunk_get_a_words (DossierDiffChunk *self,
                                guint            *start,
                                guint            *end)
{
  g_return_if_fail (DOSSIER_IS_DIFF_CHUNK (self));
  *start = self->record.a_start;
  *end = self->record.a_end;
}

void
dossier_diff_chunk_get_b_words (DossierDiffChunk *self,
                                guint            *start,
                                guint            *end)
{
  g_return_if_fail (DOSSIER_IS_DIFF_CHUNK (self));
  *start = self->record.b_start;
  *end = self->record.b_end;
}

/**
 * dossier_diff_chunk_get_a_chars:
 * @self: a chunk
 * @start: (out): first code point of the span in the left paragraph
 * @end: (out): one past its last
 */
void
dossier_diff_chunk_get_a_chars (DossierDiffChunk *self,
                                guint            *start,
                                guint            *end)
{
  g_return_if_fail (DOSSIER_IS_DIFF_CHUNK (self));
  *start = self->record.a_char_start;
  *end = self->record.a_char_end;
}

void
dossier_diff_chunk_get_b_chars (DossierDiffChunk *self,
                                guint            *start,
                                guint            *end)
{
  g_return_if_fail (DOSSIER_IS_DIFF_CHUNK (self));
  *start = self->record.b_char_start;
  *end = self->record.b_char_end;
}

/**
 * dossier_diff_chunk_get_change:
 * @self: a chunk
 *
 * Returns: the 0-based number of the change the chunk belongs to (for
 *   next/previous change navigation), or -1 for unchanged text
 */
int
dossier_diff_chunk_get_change (DossierDiffChunk *self)
{
  g_return_val_if_fail (DOSSIER_IS_DIFF_CHUNK (self), -1);
  return self->record.change;
}

const char *
dossier_diff_chunk_get_text (DossierDiffChunk *self)
{
  g_return_val_if_fail (DOSSIER_IS_DIFF_CHUNK (self), NULL);
  return self->record.text;
}
