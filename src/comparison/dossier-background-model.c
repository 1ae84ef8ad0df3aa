/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-background-model.h"
#include "comparison/dossier-comparison-resources.h"

#define MAGIC "DOSSBGM1"
#define HEADER_SIZE (8 + 4 * 4)
#define MAX_DIMS 1024

struct _DossierBackgroundModel {
  GBytes *bytes;
  guint n_paragraphs;
  guint n_words;
  guint dims;
  const guint8 *offsets;     /* uint32 LE per word, into strings */
  const guint8 *df;          /* uint32 LE per word */
  const gint8 *vectors;      /* n_words × dims */
  const char *strings;
  gsize strings_size;
};

G_DEFINE_QUARK (dossier-background-model-error-quark, dossier_background_model_error)

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static const char *
word_string (DossierBackgroundModel *model,
             guint                   word)
{
  return model->strings + read_u32 (model->offsets + 4 * (gsize) word);
}

/**
 * dossier_background_model_new:
 * @bytes: the model file's contents
 * @error: return location for an error
 *
 * Reads a model written by build-aux/build-comparison-model.py, in place:
 * @bytes is kept, nothing is copied. Every offset is checked, and the
 * stems must be NUL-terminated and sorted, so a damaged file is refused
 * rather than read out of bounds.
 *
 * Returns: (transfer full): the model, or %NULL
 */
DossierBackgroundModel *
dossier_background_model_new (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(DossierBackgroundModel) model = g_new0 (DossierBackgroundModel, 1);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint64 fixed;

  g_return_val_if_fail (bytes != NULL, NULL);

  model->bytes = g_bytes_ref (bytes);
  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    goto invalid;
  model->n_paragraphs = read_u32 (data + 8);
  model->n_words = read_u32 (data + 12);
  model->dims = read_u32 (data + 16);
  if (model->n_words == 0 || model->dims == 0 || model->dims > MAX_DIMS || model->n_paragraphs == 0)
    goto invalid;

  fixed = HEADER_SIZE + (guint64) model->n_words * (8 + model->dims);
  if (fixed >= size)
    goto invalid;
  model->offsets = data + HEADER_SIZE;
  model->df = model->offsets + 4 * (gsize) model->n_words;
  model->vectors = (const gint8 *) (model->df + 4 * (gsize) model->n_words);
  model->strings = (const char *) data + fixed;
  model->strings_size = size - fixed;
  if (model->strings[model->strings_size - 1] != '\0')
    goto invalid;

  for (guint w = 0; w < model->n_words; w++)
    {
      if (read_u32 (model->offsets + 4 * (gsize) w) >= model->strings_size)
        goto invalid;
      if (w > 0 && strcmp (word_string (model, w - 1), word_string (model, w)) >= 0)
        goto invalid;
    }

  return g_steal_pointer (&model);

invalid:
  g_set_error (error, DOSSIER_BACKGROUND_MODEL_ERROR, DOSSIER_BACKGROUND_MODEL_ERROR_INVALID,
               _("The comparison’s background model is damaged"));
  return NULL;
}

void
dossier_background_model_free (DossierBackgroundModel *model)
{
  if (model == NULL)
    return;
  g_clear_pointer (&model->bytes, g_bytes_unref);
  g_free (model);
}

/**
 * dossier_background_model_get_default:
 *
 * The model compiled into the core (src/comparison/data/background.model),
 * loaded once and kept for the life of the process; CLI and app find it
 * without being installed.
 *
 * Returns: (transfer none) (nullable): the model, or %NULL when it is
 *   damaged (a warning says so)
 */
DossierBackgroundModel *
dossier_background_model_get_default (void)
{
  static DossierBackgroundModel *model;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes =
        g_resource_lookup_data (dossier_comparison_get_resource (),
                                "/io/github/dossier/comparison/background.model",
                                G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      if (bytes != NULL)
        model = dossier_background_model_new (bytes, &error);
      if (model == NULL)
        g_critical ("background model: %s", error->message);
      g_once_init_leave (&initialized, 1);
    }

  return model;
}

guint
dossier_background_model_get_n_words (DossierBackgroundModel *model)
{
  return model->n_words;
}

guint
dossier_background_model_get_dims (DossierBackgroundModel *model)
{
  return model->dims;
}

guint
dossier_background_model_get_n_paragraphs (DossierBackgroundModel *model)
{
  return model->n_paragraphs;
}

/**
 * dossier_background_model_lookup:
 * @model: the model
 * @stem: a stem as dossier-text-analysis.c makes it ("negoti")
 * @word: (out): its number in the model
 *
 * Returns: whether the model knows @stem
 */
gboolean
dossier_background_model_lookup (DossierBackgroundModel *model,
                                 const char             *stem,
                                 guint                  *word)
{
  guint lo = 0, hi = model->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (word_string (model, mid), stem);

      if (c == 0)
        {
          *word = mid;
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

guint
dossier_background_model_get_df (DossierBackgroundModel *model,
                                 guint                   word)
{
  g_return_val_if_fail (word < model->n_words, 0);
  return read_u32 (model->df + 4 * (gsize) word);
}

/**
 * dossier_background_model_get_vector:
 * @model: the model
 * @word: a word's number
 *
 * Returns: (array) (transfer none): its dims components, each × 1/127,
 *   of unit length
 */
const gint8 *
dossier_background_model_get_vector (DossierBackgroundModel *model,
                                     guint                   word)
{
  g_return_val_if_fail (word < model->n_words, NULL);
  return model->vectors + (gsize) word * model->dims;
}

/**
 * dossier_background_model_similarity:
 * @model: the model
 * @stem_a: a stem
 * @stem_b: another
 *
 * Returns: the cosine of the two stems' vectors (−1–1), 0 when the model
 *   does not know one of them
 */
double
dossier_background_model_similarity (DossierBackgroundModel *model,
                                     const char             *stem_a,
                                     const char             *stem_b)
{
  guint a, b;
  const gint8 *va, *vb;
  gint64 dot = 0;

  if (!dossier_background_model_lookup (model, stem_a, &a) || !dossier_background_model_lookup (model, stem_b, &b))
    return 0.0;
  va = dossier_background_model_get_vector (model, a);
  vb = dossier_background_model_get_vector (model, b);
  for (guint i = 0; i < model->dims; i++)
    dot += (gint64) va[i] * vb[i];
  return (double) dot / (127.0 * 127.0);
}
