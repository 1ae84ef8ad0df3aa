/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include "dossier-alignment.h"

/**
 * DossierAlignment:
 *
 * A link between a paragraph of the left document and one of the right:
 * its score, whether the user anchored or accepted it, and the terms the
 * two share (for marking in both panes). Immutable.
 */
struct _DossierAlignment
{
  GObject parent_instance;

  guint a;
  guint b;
  double score;
  gboolean anchored;
  gboolean accepted;
  char **shared_terms;
};

G_DEFINE_FINAL_TYPE (DossierAlignment, dossier_alignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_A,
  PROP_B,
  PROP_SCORE,
  PROP_ANCHORED,
  PROP_ACCEPTED,
  PROP_SHARED_TERMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_alignment_finalize (GObject *object)
{
  DossierAlignment *self = DOSSIER_ALIGNMENT (object);

  g_strfreev (self->shared_terms);

  G_OBJECT_CLASS (dossier_alignment_parent_class)->finalize (object);
}

static void
dossier_alignment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierAlignment *self = DOSSIER_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_A:
      g_value_set_uint (value, self->a);
      break;
    case PROP_B:
      g_value_set_uint (value, self->b);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_ANCHORED:
      g_value_set_boolean (value, self->anchored);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    case PROP_SHARED_TERMS:
      g_value_set_boxed (value, self->shared_terms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_alignment_class_init (DossierAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_alignment_finalize;
  object_class->get_property = dossier_alignment_get_property;

  properties[PROP_A] =
    g_param_spec_uint ("a", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_B] =
    g_param_spec_uint ("b", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANCHORED] =
    g_param_spec_boolean ("anchored", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED_TERMS] =
    g_param_spec_boxed ("shared-terms", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_alignment_init (DossierAlignment *self)
{
}

/**
 * dossier_alignment_new:
 * @link: a link of the alignment
 *
 * Returns: (transfer full): an alignment record holding a copy of @link
 */
DossierAlignment *
dossier_alignment_new (const DossierLink *link)
{
  return dossier_alignment_new_full (link, FALSE);
}

/**
 * dossier_alignment_new_full:
 * @link: a link of the alignment
 * @accepted: whether the analyst accepted it
 *
 * Returns: (transfer full): an alignment record holding a copy of @link
 */
DossierAlignment *
dossier_alignment_new_full (const DossierLink *link,
                            gboolean           accepted)
{
  DossierAlignment *self;

  g_return_val_if_fail (link != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_ALIGNMENT, NULL);
  self->a = link->a;
  self->b = link->b;
  self->score = CLAMP (link->score, 0.0, 1.0);
  self->anchored = link->anchored;
  self->accepted = !!accepted;
  self->shared_terms = link->shared_terms != NULL ? g_strdupv (link->shared_terms) : g_new0 (char *, 1);

  return self;
}

guint
dossier_alignment_get_a (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), 0);
  return self->a;
}

guint
dossier_alignment_get_b (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), 0);
  return self->b;
}

double
dossier_alignment_get_score (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), 0.0);
  return self->score;
}

gboolean
dossier_alignment_get_anchored (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), FALSE);
  return self->anchored;
}

/**
 * dossier_alignment_get_accepted:
 * @self: an alignment
 *
 * Returns: whether the analyst accepted the link (it then stays through
 *   every later computation)
 */
gboolean
dossier_alignment_get_accepted (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), FALSE);
  return self->accepted;
}

/**
 * dossier_alignment_get_shared_terms:
 * @self: an alignment
 *
 * Returns: (transfer none): the terms the two paragraphs share, as written
 */
const char * const *
dossier_alignment_get_shared_terms (DossierAlignment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (self), NULL);
  return (const char * const *) self->shared_terms;
}
