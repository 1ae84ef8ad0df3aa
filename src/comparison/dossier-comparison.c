/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "formats/dossier-document-json.h"
#include "formats/dossier-file-save.h"
#include "formats/dossier-json-reader.h"
#include "dossier-comparison.h"
#include "dossier-document-loader.h"

/**
 * DossierComparison:
 *
 * The model of a side-by-side comparison (Meld's differ, as data): two
 * documents, the mode, the user's anchors, the links the analyst accepted
 * or rejected, and what the comparison found —
 * a #GListModel of #DossierAlignment links, a #GListModel of
 * #DossierDiffChunk records for versions, and the plain
 * #DossierCompareResult with the topic strip, shared sources and names.
 * Views only render these and never compute.
 *
 * The comparison runs on a #GTask thread (dossier_comparison_recompute_async())
 * on snapshots of the documents, so the documents may be read by views
 * meanwhile; results land on the main thread in one batch.
 */
struct _DossierComparison
{
  GObject parent_instance;

  DossierDocument *left;
  DossierDocument *right;
  GFile *left_file;
  GFile *right_file;
  DossierComparisonMode mode;

  GListStore *alignments;
  GListStore *chunks;
  GListStore *anchors;
  GArray *choices;    /* DossierLinkDecision, by left then right paragraph */
  DossierCompareResult *result;
  double max_score;   /* of the links shown, for their relative strength */

  guint generation;   /* bumped by every recompute; stale results are dropped */
  guint n_running;
};

G_DEFINE_FINAL_TYPE (DossierComparison, dossier_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEFT,
  PROP_RIGHT,
  PROP_LEFT_FILE,
  PROP_RIGHT_FILE,
  PROP_MODE,
  PROP_EFFECTIVE_MODE,
  PROP_BUSY,
  PROP_CHANGE_COUNT,
  PROP_ALIGNMENTS,
  PROP_CHUNKS,
  PROP_ANCHORS,
  PROP_N_ACCEPTED,
  PROP_N_REJECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_comparison_dispose (GObject *object)
{
  DossierComparison *self = DOSSIER_COMPARISON (object);

  g_clear_object (&self->left);
  g_clear_object (&self->right);
  g_clear_object (&self->left_file);
  g_clear_object (&self->right_file);

  G_OBJECT_CLASS (dossier_comparison_parent_class)->dispose (object);
}

static void
dossier_comparison_finalize (GObject *object)
{
  DossierComparison *self = DOSSIER_COMPARISON (object);

  g_clear_object (&self->alignments);
  g_clear_object (&self->chunks);
  g_clear_object (&self->anchors);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->result, dossier_compare_result_free);

  G_OBJECT_CLASS (dossier_comparison_parent_class)->finalize (object);
}

static void
dossier_comparison_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierComparison *self = DOSSIER_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_LEFT:
      g_value_set_object (value, self->left);
      break;
    case PROP_RIGHT:
      g_value_set_object (value, self->right);
      break;
    case PROP_LEFT_FILE:
      g_value_set_object (value, self->left_file);
      break;
    case PROP_RIGHT_FILE:
      g_value_set_object (value, self->right_file);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_EFFECTIVE_MODE:
      g_value_set_enum (value, dossier_comparison_get_effective_mode (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;
    case PROP_CHANGE_COUNT:
      g_value_set_uint (value, dossier_comparison_get_change_count (self));
      break;
    case PROP_ALIGNMENTS:
      g_value_set_object (value, self->alignments);
      break;
    case PROP_CHUNKS:
      g_value_set_object (value, self->chunks);
      break;
    case PROP_ANCHORS:
      g_value_set_object (value, self->anchors);
      break;
    case PROP_N_ACCEPTED:
      g_value_set_uint (value, dossier_comparison_get_n_accepted (self));
      break;
    case PROP_N_REJECTED:
      g_value_set_uint (value, dossier_comparison_get_n_rejected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_comparison_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierComparison *self = DOSSIER_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_LEFT:
      dossier_comparison_set_left (self, g_value_get_object (value));
      break;
    case PROP_RIGHT:
      dossier_comparison_set_right (self, g_value_get_object (value));
      break;
    case PROP_LEFT_FILE:
      dossier_comparison_set_left_file (self, g_value_get_object (value));
      break;
    case PROP_RIGHT_FILE:
      dossier_comparison_set_right_file (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      dossier_comparison_set_mode (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_comparison_class_init (DossierComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_comparison_dispose;
  object_class->finalize = dossier_comparison_finalize;
  object_class->get_property = dossier_comparison_get_property;
  object_class->set_property = dossier_comparison_set_property;

  properties[PROP_LEFT] =
    g_param_spec_object ("left", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT] =
    g_param_spec_object ("right", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT_FILE] =
    g_param_spec_object ("left-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT_FILE] =
    g_param_spec_object ("right-file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, DOSSIER_TYPE_COMPARISON_MODE, DOSSIER_COMPARISON_MODE_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFECTIVE_MODE] =
    g_param_spec_enum ("effective-mode", NULL, NULL, DOSSIER_TYPE_COMPARISON_MODE,
                       DOSSIER_COMPARISON_MODE_AUTO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGE_COUNT] =
    g_param_spec_uint ("change-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALIGNMENTS] =
    g_param_spec_object ("alignments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHUNKS] =
    g_param_spec_object ("chunks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANCHORS] =
    g_param_spec_object ("anchors", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ACCEPTED] =
    g_param_spec_uint ("n-accepted", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REJECTED] =
    g_param_spec_uint ("n-rejected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_comparison_init (DossierComparison *self)
{
  self->alignments = g_list_store_new (DOSSIER_TYPE_ALIGNMENT);
  self->chunks = g_list_store_new (DOSSIER_TYPE_DIFF_CHUNK);
  self->anchors = g_list_store_new (DOSSIER_TYPE_ALIGNMENT);
  self->choices = g_array_new (FALSE, FALSE, sizeof (DossierLinkDecision));
}

/**
 * dossier_comparison_new:
 * @left: (nullable): the left (older) document
 * @right: (nullable): the right (newer) document
 *
 * Creates a comparison. Nothing is computed until
 * dossier_comparison_recompute_async() is called.
 *
 * Returns: (transfer full): the comparison
 */
DossierComparison *
dossier_comparison_new (DossierDocument *left,
                        DossierDocument *right)
{
  return g_object_new (DOSSIER_TYPE_COMPARISON, "left", left, "right", right, NULL);
}

DossierDocument *
dossier_comparison_get_left (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return self->left;
}

void
dossier_comparison_set_left (DossierComparison *self,
                             DossierDocument   *left)
{
  g_return_if_fail (DOSSIER_IS_COMPARISON (self));
  g_return_if_fail (left == NULL || DOSSIER_IS_DOCUMENT (left));

  if (g_set_object (&self->left, left))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT]);
}

DossierDocument *
dossier_comparison_get_right (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return self->right;
}

void
dossier_comparison_set_right (DossierComparison *self,
                              DossierDocument   *right)
{
  g_return_if_fail (DOSSIER_IS_COMPARISON (self));
  g_return_if_fail (right == NULL || DOSSIER_IS_DOCUMENT (right));

  if (g_set_object (&self->right, right))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT]);
}

/**
 * dossier_comparison_get_left_file:
 * @self: a comparison
 *
 * Returns: (transfer none) (nullable): the file the left document was
 *   imported from, recorded when the comparison is saved
 */
GFile *
dossier_comparison_get_left_file (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return self->left_file;
}

void
dossier_comparison_set_left_file (DossierComparison *self,
                                  GFile             *file)
{
  g_return_if_fail (DOSSIER_IS_COMPARISON (self));

  if (g_set_object (&self->left_file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_FILE]);
}

GFile *
dossier_comparison_get_right_file (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return self->right_file;
}

void
dossier_comparison_set_right_file (DossierComparison *self,
                                   GFile             *file)
{
  g_return_if_fail (DOSSIER_IS_COMPARISON (self));

  if (g_set_object (&self->right_file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT_FILE]);
}

/**
 * dossier_comparison_get_mode:
 * @self: a comparison
 *
 * Returns: the mode the user asked for (possibly auto)
 */
DossierComparisonMode
dossier_comparison_get_mode (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), DOSSIER_COMPARISON_MODE_AUTO);
  return self->mode;
}

void
dossier_comparison_set_mode (DossierComparison     *self,
                             DossierComparisonMode  mode)
{
  g_return_if_fail (DOSSIER_IS_COMPARISON (self));
  g_return_if_fail (mode <= DOSSIER_COMPARISON_MODE_VERSIONS);

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/**
 * dossier_comparison_get_effective_mode:
 * @self: a comparison
 *
 * Returns: the mode of the last computed result (auto resolved), or auto
 *   when nothing was computed yet
 */
DossierComparisonMode
dossier_comparison_get_effective_mode (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), DOSSIER_COMPARISON_MODE_AUTO);
  return self->result != NULL ? self->result->mode : DOSSIER_COMPARISON_MODE_AUTO;
}

gboolean
dossier_comparison_get_busy (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);
  return self->n_running > 0;
}

/**
 * dossier_comparison_get_change_count:
 * @self: a comparison
 *
 * Returns: the number of changes in the versions edit script (0 for
 *   perspectives)
 */
guint
dossier_comparison_get_change_count (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), 0);
  return self->result != NULL ? self->result->change_count : 0;
}

/**
 * dossier_comparison_get_alignments:
 * @self: a comparison
 *
 * Returns: (transfer none): the links (#DossierAlignment), by left then
 *   right paragraph
 */
GListModel *
dossier_comparison_get_alignments (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->alignments);
}

/**
 * dossier_comparison_get_chunks:
 * @self: a comparison
 *
 * Returns: (transfer none): the edit script (#DossierDiffChunk) of a
 *   versions comparison, empty for perspectives
 */
GListModel *
dossier_comparison_get_chunks (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->chunks);
}

/**
 * dossier_comparison_get_anchors:
 * @self: a comparison
 *
 * Returns: (transfer none): the user's anchors, as #DossierAlignment
 *   records with #DossierAlignment:anchored set
 */
GListModel *
dossier_comparison_get_anchors (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->anchors);
}

/**
 * dossier_comparison_get_result:
 * @self: a comparison
 *
 * Returns: (transfer none) (nullable): everything the last computation
 *   found (topic strip, shared sources, names), or %NULL before the first
 */
const DossierCompareResult *
dossier_comparison_get_result (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  return self->result;
}

static gboolean
find_anchor (DossierComparison *self,
             guint              a,
             guint              b,
             guint             *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->anchors)); i++)
    {
      g_autoptr(DossierAlignment) anchor = g_list_model_get_item (G_LIST_MODEL (self->anchors), i);

      if (dossier_alignment_get_a (anchor) == a && dossier_alignment_get_b (anchor) == b)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * dossier_comparison_add_anchor:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * Declares that @a and @b correspond. The next computation links them and
 * no other paragraph to either; in perspectives mode their neighbours are
 * pulled together, in versions mode nothing is aligned across the anchor.
 * A rejection of the pair is withdrawn.
 *
 * Returns: %TRUE if the anchor is new
 */
gboolean
dossier_comparison_add_anchor (DossierComparison *self,
                               guint              a,
                               guint              b)
{
  DossierLink link = { a, b, 0.0, TRUE, NULL };
  g_autoptr(DossierAlignment) anchor = NULL;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);

  if (find_anchor (self, a, b, &position))
    return FALSE;

  anchor = dossier_alignment_new (&link);
  g_list_store_append (self->anchors, anchor);
  if (dossier_comparison_get_link_choice (self, a, b) == DOSSIER_LINK_CHOICE_REJECTED)
    dossier_comparison_set_link_choice (self, a, b, DOSSIER_LINK_CHOICE_NONE);
  return TRUE;
}

/**
 * dossier_comparison_remove_anchor:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * Returns: %TRUE if there was such an anchor
 */
gboolean
dossier_comparison_remove_anchor (DossierComparison *self,
                                  guint              a,
                                  guint              b)
{
  guint position;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);

  if (!find_anchor (self, a, b, &position))
    return FALSE;

  g_list_store_remove (self->anchors, position);
  return TRUE;
}

/**
 * dossier_comparison_has_anchor:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * Returns: whether the user declared that @a and @b correspond
 */
gboolean
dossier_comparison_has_anchor (DossierComparison *self,
                               guint              a,
                               guint              b)
{
  guint position;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);
  return find_anchor (self, a, b, &position);
}

static int
compare_decisions (gconstpointer x,
                   gconstpointer y)
{
  const DossierLinkDecision *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

static gboolean
find_choice (DossierComparison *self,
             guint              a,
             guint              b,
             guint             *position)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      const DossierLinkDecision *decision = &g_array_index (self->choices, DossierLinkDecision, i);

      if (decision->a == a && decision->b == b)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
count_choices (DossierComparison *self,
               DossierLinkChoice  choice)
{
  guint n = 0;

  for (guint i = 0; i < self->choices->len; i++)
    if (g_array_index (self->choices, DossierLinkDecision, i).choice == choice)
      n++;
  return n;
}

/* The alignment list from the result's links, with the choices marked. */
static void
publish_alignments (DossierComparison *self)
{
  g_autoptr(GPtrArray) alignments = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->result == NULL)
    return;

  dossier_compare_result_publish (self->result, (const DossierLinkDecision *) (gpointer) self->choices->data,
                                  self->choices->len);
  self->max_score = 0.0;
  for (guint i = 0; i < self->result->links->len; i++)
    {
      const DossierLink *link = &g_array_index (self->result->links, DossierLink, i);
      gboolean accepted = dossier_compare_result_get_choice (self->result, link->a, link->b) == DOSSIER_LINK_CHOICE_ACCEPTED;

      g_ptr_array_add (alignments, dossier_alignment_new_full (link, accepted));
      self->max_score = MAX (self->max_score, link->score);
    }
  g_list_store_splice (self->alignments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->alignments)),
                       alignments->pdata, alignments->len);
}

/**
 * dossier_comparison_get_link_choice:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 *
 * Returns: what the analyst decided about linking @a and @b
 */
DossierLinkChoice
dossier_comparison_get_link_choice (DossierComparison *self,
                                    guint              a,
                                    guint              b)
{
  guint position;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), DOSSIER_LINK_CHOICE_NONE);

  if (!find_choice (self, a, b, &position))
    return DOSSIER_LINK_CHOICE_NONE;
  return g_array_index (self->choices, DossierLinkDecision, position).choice;
}

/**
 * dossier_comparison_set_link_choice:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 * @choice: accepted, rejected, or none to withdraw a choice
 *
 * Records the analyst's decision about a link and shows it in
 * #DossierComparison:alignments at once, without computing: a rejected
 * link goes (and an anchor on the pair with it), an accepted one is marked
 * and stays through every later computation, and withdrawing a rejection
 * brings the computed link back. Accepting a pair the last computation did
 * not link shows it after the next one. The choices are saved with the
 * comparison.
 *
 * Returns: %TRUE if the choice changed
 */
gboolean
dossier_comparison_set_link_choice (DossierComparison *self,
                                    guint              a,
                                    guint              b,
                                    DossierLinkChoice  choice)
{
  guint old_accepted, old_rejected, position;
  DossierLinkDecision decision = { a, b, choice };

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (choice <= DOSSIER_LINK_CHOICE_REJECTED, FALSE);

  if (dossier_comparison_get_link_choice (self, a, b) == choice)
    return FALSE;

  old_accepted = dossier_comparison_get_n_accepted (self);
  old_rejected = dossier_comparison_get_n_rejected (self);
  if (find_choice (self, a, b, &position))
    g_array_remove_index (self->choices, position);
  if (choice != DOSSIER_LINK_CHOICE_NONE)
    {
      g_array_append_val (self->choices, decision);
      g_array_sort (self->choices, compare_decisions);
    }
  /* a rejected pair cannot stay declared as corresponding */
  if (choice == DOSSIER_LINK_CHOICE_REJECTED && find_anchor (self, a, b, &position))
    g_list_store_remove (self->anchors, position);

  publish_alignments (self);

  if (old_accepted != dossier_comparison_get_n_accepted (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCEPTED]);
  if (old_rejected != dossier_comparison_get_n_rejected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REJECTED]);
  return TRUE;
}

/**
 * dossier_comparison_clear_link_choices:
 * @self: a comparison
 * @choice: which choices to withdraw (accepted or rejected)
 *
 * Withdraws every choice of one kind, e.g. to bring all rejected links
 * back.
 *
 * Returns: how many were withdrawn
 */
guint
dossier_comparison_clear_link_choices (DossierComparison *self,
                                       DossierLinkChoice  choice)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), 0);

  for (guint i = self->choices->len; i > 0; i--)
    if (g_array_index (self->choices, DossierLinkDecision, i - 1).choice == choice)
      {
        g_array_remove_index (self->choices, i - 1);
        n++;
      }
  if (n == 0)
    return 0;

  publish_alignments (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[choice == DOSSIER_LINK_CHOICE_ACCEPTED ? PROP_N_ACCEPTED : PROP_N_REJECTED]);
  return n;
}

/**
 * dossier_comparison_get_link_choices:
 * @self: a comparison
 * @n_choices: (out): how many
 *
 * Returns: (array length=n_choices) (transfer none): the analyst's choices,
 *   by left then right paragraph
 */
const DossierLinkDecision *
dossier_comparison_get_link_choices (DossierComparison *self,
                                     guint             *n_choices)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_choices != NULL, NULL);

  *n_choices = self->choices->len;
  return (const DossierLinkDecision *) (gpointer) self->choices->data;
}

guint
dossier_comparison_get_n_accepted (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), 0);
  return count_choices (self, DOSSIER_LINK_CHOICE_ACCEPTED);
}

guint
dossier_comparison_get_n_rejected (DossierComparison *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), 0);
  return count_choices (self, DOSSIER_LINK_CHOICE_REJECTED);
}

/**
 * dossier_comparison_find_link:
 * @self: a comparison
 * @a: a paragraph of the left document
 * @b: a paragraph of the right document
 * @position: (out) (optional): its position in the alignments
 *
 * Returns: (transfer full) (nullable): the link between @a and @b, if the
 *   comparison shows one
 */
DossierAlignment *
dossier_comparison_find_link (DossierComparison *self,
                              guint              a,
                              guint              b,
                              guint             *position)
{
  GListModel *links;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);

  links = G_LIST_MODEL (self->alignments);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DossierAlignment) link = g_list_model_get_item (links, i);

      if (dossier_alignment_get_a (link) == a && dossier_alignment_get_b (link) == b)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&link);
        }
    }
  return NULL;
}

/**
 * dossier_comparison_get_link_strength:
 * @self: a comparison
 * @link: one of its links
 *
 * How strong a link is among this comparison's: its score over the
 * highest. Scores depend on the two articles' vocabularies (one pair's
 * strongest link can score below another pair's weakest), so views show
 * strength relative to the pair, not the raw cosine.
 *
 * Returns: 0–1
 */
double
dossier_comparison_get_link_strength (DossierComparison *self,
                                      DossierAlignment  *link)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), 0.0);
  g_return_val_if_fail (DOSSIER_IS_ALIGNMENT (link), 0.0);

  if (self->max_score <= 0.0)
    return 1.0;
  return CLAMP (dossier_alignment_get_score (link) / self->max_score, 0.0, 1.0);
}

/**
 * dossier_comparison_dup_links_for:
 * @self: a comparison
 * @left: whether @paragraph is on the left
 * @paragraph: a paragraph
 *
 * The paragraphs of the other side linked to @paragraph, best first — what
 * a view highlights and scrolls to when the user selects @paragraph.
 *
 * Returns: (transfer full) (element-type guint): the paragraphs
 */
GArray *
dossier_comparison_dup_links_for (DossierComparison *self,
                                  gboolean           left,
                                  guint              paragraph)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), out);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->alignments)); i++)
    {
      g_autoptr(DossierAlignment) link = g_list_model_get_item (G_LIST_MODEL (self->alignments), i);
      guint mine = left ? dossier_alignment_get_a (link) : dossier_alignment_get_b (link);
      guint other = left ? dossier_alignment_get_b (link) : dossier_alignment_get_a (link);
      double score = dossier_alignment_get_anchored (link) ? 2.0 : dossier_alignment_get_score (link);
      guint pos = 0;

      if (mine != paragraph)
        continue;
      while (pos < scores->len && g_array_index (scores, double, pos) >= score)
        pos++;
      g_array_insert_val (out, pos, other);
      g_array_insert_val (scores, pos, score);
    }

  return out;
}

typedef struct {
  DossierTextSnapshot *left;
  DossierTextSnapshot *right;
  DossierComparisonMode mode;
  GArray *anchors;
  GArray *choices;
  guint generation;
} RecomputeData;

static void
recompute_data_free (gpointer data)
{
  RecomputeData *rd = data;

  dossier_text_snapshot_free (rd->left);
  dossier_text_snapshot_free (rd->right);
  g_array_unref (rd->anchors);
  g_array_unref (rd->choices);
  g_free (rd);
}

static RecomputeData *
recompute_data_new (DossierComparison *self)
{
  RecomputeData *rd = g_new0 (RecomputeData, 1);

  rd->left = dossier_text_snapshot_new (self->left);
  rd->right = dossier_text_snapshot_new (self->right);
  rd->mode = self->mode;
  rd->generation = ++self->generation;
  rd->anchors = g_array_new (FALSE, FALSE, sizeof (DossierAnchor));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->anchors)); i++)
    {
      g_autoptr(DossierAlignment) anchor = g_list_model_get_item (G_LIST_MODEL (self->anchors), i);
      DossierAnchor pair = { dossier_alignment_get_a (anchor), dossier_alignment_get_b (anchor) };

      g_array_append_val (rd->anchors, pair);
    }
  rd->choices = g_array_copy (self->choices);

  return rd;
}

static DossierCompareResult *
recompute_run (RecomputeData  *rd,
               GError        **error)
{
  DossierCompareResult *result;

  result = dossier_compare_run (rd->left, rd->right, rd->mode,
                                (const DossierAnchor *) (gpointer) rd->anchors->data, rd->anchors->len,
                                NULL, error);
  if (result != NULL)
    dossier_compare_result_apply_choices (result, rd->left, rd->right,
                                          (const DossierLinkDecision *) (gpointer) rd->choices->data,
                                          rd->choices->len);
  return result;
}

/* Publishes a result on the main thread, all list models at once. */
static void
apply_result (DossierComparison    *self,
              DossierCompareResult *result)
{
  DossierComparisonMode old_mode = dossier_comparison_get_effective_mode (self);
  guint old_changes = dossier_comparison_get_change_count (self);
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < result->chunks->len; i++)
    g_ptr_array_add (chunks, dossier_diff_chunk_new (&g_array_index (result->chunks, DossierChunkRecord, i)));

  g_clear_pointer (&self->result, dossier_compare_result_free);
  self->result = result;

  /* the choices as they are now: the analyst may have made one while
   * this was computed */
  publish_alignments (self);
  g_list_store_splice (self->chunks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chunks)),
                       chunks->pdata, chunks->len);

  if (old_mode != result->mode)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_MODE]);
  if (old_changes != result->change_count)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_COUNT]);
}

static gboolean
check_documents (DossierComparison  *self,
                 GError            **error)
{
  if (self->left == NULL || self->right == NULL)
    {
      g_set_error_literal (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_INVALID,
                           _("A comparison needs two documents"));
      return FALSE;
    }
  return TRUE;
}

/**
 * dossier_comparison_recompute:
 * @self: a comparison
 * @error: return location for an error
 *
 * Computes the comparison on the calling thread (for the command line and
 * tests; views use dossier_comparison_recompute_async()).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_comparison_recompute (DossierComparison  *self,
                              GError            **error)
{
  RecomputeData *rd;
  DossierCompareResult *result;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);

  if (!check_documents (self, error))
    return FALSE;

  rd = recompute_data_new (self);
  result = recompute_run (rd, error);
  recompute_data_free (rd);
  if (result == NULL)
    return FALSE;

  apply_result (self, result);
  return TRUE;
}

static void
recompute_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  DossierCompareResult *result = recompute_run (task_data, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) dossier_compare_result_free);
}

static void
set_running (DossierComparison *self,
             gboolean           running)
{
  gboolean was_busy = self->n_running > 0;

  if (running)
    self->n_running++;
  else
    self->n_running--;

  if (was_busy != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  DossierComparison *self = DOSSIER_COMPARISON (object);
  g_autoptr(GTask) outer = user_data;
  RecomputeData *rd = g_task_get_task_data (G_TASK (res));
  GError *error = NULL;
  DossierCompareResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  set_running (self, FALSE);

  if (result == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  /* a newer computation was started meanwhile: its result wins */
  if (rd->generation == self->generation && !g_cancellable_is_cancelled (g_task_get_cancellable (outer)))
    apply_result (self, result);
  else
    dossier_compare_result_free (result);

  g_task_return_boolean (outer, TRUE);
}

/**
 * dossier_comparison_recompute_async:
 * @self: a comparison
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Computes the comparison on a worker thread from snapshots of the two
 * documents taken now, then replaces the alignments and chunks in one
 * batch. #DossierComparison:busy is %TRUE meanwhile. When several runs
 * overlap only the last one's result is published.
 */
void
dossier_comparison_recompute_async (DossierComparison   *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_COMPARISON (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dossier_comparison_recompute_async);

  if (!check_documents (self, &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  inner = g_task_new (self, cancellable, recompute_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, recompute_data_new (self), recompute_data_free);
  set_running (self, TRUE);
  g_task_run_in_thread (inner, recompute_thread);
}

gboolean
dossier_comparison_recompute_finish (DossierComparison  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the comparison file ---- */

static void
add_side (JsonBuilder     *builder,
          const char      *member,
          DossierDocument *document,
          GFile           *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  const char *id = document != NULL ? dossier_document_get_id (document) : NULL;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "library_id");
  if (id != NULL)
    json_builder_add_string_value (builder, id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "path");
  if (path != NULL)
    json_builder_add_string_value (builder, path);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, document != NULL && dossier_document_get_title (document) != NULL
                                          ? dossier_document_get_title (document) : "");
  json_builder_end_object (builder);
}

/**
 * dossier_comparison_to_json:
 * @self: a comparison
 * @length: (out) (optional): the length of the text
 *
 * Writes the `dossier-comparison` file (docs/formats.md): how to find the
 * two documents again (library id and/or path), the mode, the anchors and
 * the links the analyst accepted or rejected.
 *
 * Returns: (transfer full): the JSON text
 */
char *
dossier_comparison_to_json (DossierComparison *self,
                            gsize             *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "dossier-comparison");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOSSIER_COMPARISON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, dossier_comparison_mode_to_string (self->mode));
  add_side (builder, "left", self->left, self->left_file);
  add_side (builder, "right", self->right, self->right_file);
  json_builder_set_member_name (builder, "anchors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->anchors)); i++)
    {
      g_autoptr(DossierAlignment) anchor = g_list_model_get_item (G_LIST_MODEL (self->anchors), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_int_value (builder, dossier_alignment_get_a (anchor));
      json_builder_set_member_name (builder, "b");
      json_builder_add_int_value (builder, dossier_alignment_get_b (anchor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* optional in version 1: older readers ignore it, older files lack it */
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->choices->len; i++)
    {
      const DossierLinkDecision *decision = &g_array_index (self->choices, DossierLinkDecision, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_int_value (builder, decision->a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_int_value (builder, decision->b);
      json_builder_set_member_name (builder, "choice");
      json_builder_add_string_value (builder, dossier_link_choice_to_string (decision->choice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  {
    char *with_newline = g_strconcat (text, "\n", NULL);
    g_free (text);
    text = with_newline;
  }
  if (length != NULL)
    *length = strlen (text);

  return text;
}

/**
 * dossier_comparison_save:
 * @self: a comparison
 * @file: where to save
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Saves the comparison file atomically (see #DossierFileSave): on any
 * error the old file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_comparison_save (DossierComparison  *self,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (DOSSIER_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = dossier_comparison_to_json (self, &length);
  return dossier_file_save_contents (file, text, length, cancellable, error);
}

/* Comparison files are tiny; anything larger is not one. */
#define MAX_COMPARISON_FILE_SIZE (1024 * 1024)
#define MAX_ANCHORS 10000
#define MAX_LINK_CHOICES 10000

static DossierDocument *
load_side (DossierJsonReader  *reader,
           const char         *member,
           GFile              *comparison_file,
           const char         *library_path,
           GFile             **document_file,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (comparison_file);
  g_autoptr(GFile) file = NULL;
  DossierDocument *document;

  if (!dossier_json_reader_begin_object (reader, member, error) ||
      !dossier_json_reader_read_string (reader, "library_id", TRUE, &id, error) ||
      !dossier_json_reader_read_string (reader, "path", TRUE, &path, error))
    return NULL;

  if (path == NULL && id == NULL)
    {
      dossier_json_reader_fail (reader, "path", error, _("names neither a file nor a library document"));
      return NULL;
    }

  /* a relative path is relative to the comparison file */
  if (path != NULL)
    file = parent != NULL ? g_file_resolve_relative_path (parent, path) : g_file_new_for_path (path);

  if (file != NULL && (id == NULL || g_file_query_exists (file, cancellable)))
    {
      g_autofree char *file_path = g_file_get_path (file);

      document = dossier_comparison_load_document (file_path != NULL ? file_path : path, NULL,
                                                   cancellable, error);
      if (document != NULL)
        *document_file = g_steal_pointer (&file);
    }
  else
    document = dossier_comparison_load_library_document (id, library_path, error);

  dossier_json_reader_end (reader);
  return document;
}

/**
 * dossier_comparison_load:
 * @file: a `dossier-comparison` file
 * @library_path: (nullable): the library that documents named by id are in
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reopens a saved comparison: loads both documents (by path, relative to
 * @file, or by library id) and restores the mode, the anchors and the
 * accepted and rejected links. Anchors and links must name existing
 * paragraphs. Blocking; see dossier_comparison_load_async().
 *
 * Returns: (transfer full): the comparison, not yet computed, or %NULL
 */
DossierComparison *
dossier_comparison_load (GFile         *file,
                         const char    *library_path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(DossierJsonReader) reader = NULL;
  g_autoptr(DossierDocument) left = NULL;
  g_autoptr(DossierDocument) right = NULL;
  g_autoptr(GFile) left_file = NULL;
  g_autoptr(GFile) right_file = NULL;
  g_autoptr(DossierComparison) self = NULL;
  g_autofree char *mode_name = NULL;
  DossierComparisonMode mode;
  guint n_anchors, n_links, n_left, n_right;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  if (length > MAX_COMPARISON_FILE_SIZE)
    {
      g_set_error_literal (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_INVALID,
                           _("The file is too large to be a comparison"));
      return NULL;
    }

  reader = dossier_json_reader_new_for_data (data, length, error);
  if (reader == NULL ||
      !dossier_json_reader_check_format (reader, "dossier-comparison",
                                         DOSSIER_COMPARISON_FORMAT_VERSION, error) ||
      !dossier_json_reader_read_string (reader, "mode", FALSE, &mode_name, error))
    return NULL;
  if (!dossier_comparison_mode_from_string (mode_name, &mode))
    {
      dossier_json_reader_fail (reader, "mode", error, _("expected \"auto\", \"perspectives\" or \"versions\""));
      return NULL;
    }

  left = load_side (reader, "left", file, library_path, &left_file, cancellable, error);
  if (left == NULL)
    return NULL;
  right = load_side (reader, "right", file, library_path, &right_file, cancellable, error);
  if (right == NULL)
    return NULL;

  self = dossier_comparison_new (left, right);
  dossier_comparison_set_mode (self, mode);
  dossier_comparison_set_left_file (self, left_file);
  dossier_comparison_set_right_file (self, right_file);

  n_left = g_list_model_get_n_items (dossier_document_get_paragraphs (left));
  n_right = g_list_model_get_n_items (dossier_document_get_paragraphs (right));
  if (!dossier_json_reader_begin_array (reader, "anchors", TRUE, &n_anchors, error))
    return NULL;
  for (guint i = 0; i < n_anchors && i < MAX_ANCHORS; i++)
    {
      gint64 a, b;

      if (!dossier_json_reader_begin_object_element (reader, i, error) ||
          !dossier_json_reader_read_int (reader, "a", 0, (gint64) n_left - 1, &a, error) ||
          !dossier_json_reader_read_int (reader, "b", 0, (gint64) n_right - 1, &b, error))
        return NULL;
      dossier_comparison_add_anchor (self, a, b);
      dossier_json_reader_end (reader);
    }
  dossier_json_reader_end (reader);

  if (!dossier_json_reader_begin_array (reader, "links", TRUE, &n_links, error))
    return NULL;
  for (guint i = 0; i < n_links && i < MAX_LINK_CHOICES; i++)
    {
      g_autofree char *choice_name = NULL;
      DossierLinkChoice choice;
      gint64 a, b;

      if (!dossier_json_reader_begin_object_element (reader, i, error) ||
          !dossier_json_reader_read_int (reader, "a", 0, (gint64) n_left - 1, &a, error) ||
          !dossier_json_reader_read_int (reader, "b", 0, (gint64) n_right - 1, &b, error) ||
          !dossier_json_reader_read_string (reader, "choice", FALSE, &choice_name, error))
        return NULL;
      if (!dossier_link_choice_from_string (choice_name, &choice))
        {
          dossier_json_reader_fail (reader, "choice", error, _("expected \"accepted\", \"rejected\" or \"none\""));
          return NULL;
        }
      dossier_comparison_set_link_choice (self, a, b, choice);
      dossier_json_reader_end (reader);
    }
  dossier_json_reader_end (reader);

  return g_steal_pointer (&self);
}

typedef struct {
  GFile *file;
  char *library_path;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_object_unref (ld->file);
  g_free (ld->library_path);
  g_free (ld);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;
  DossierComparison *comparison = dossier_comparison_load (ld->file, ld->library_path, cancellable, &error);

  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, g_object_unref);
}

/**
 * dossier_comparison_load_async:
 * @file: a `dossier-comparison` file
 * @library_path: (nullable): the library documents named by id are in
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Loads a comparison file and its two documents on a worker thread.
 */
void
dossier_comparison_load_async (GFile               *file,
                               const char          *library_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *ld = g_new0 (LoadData, 1);

  ld->file = g_object_ref (file);
  ld->library_path = g_strdup (library_path);
  g_task_set_source_tag (task, dossier_comparison_load_async);
  g_task_set_task_data (task, ld, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * dossier_comparison_load_finish:
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the comparison, or %NULL
 */
DossierComparison *
dossier_comparison_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
