/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <string.h>

#include "model/dossier-util.h"
#include "dossier-memo-section.h"

/**
 * DossierMemoSection:
 *
 * A titled section of a memo ("Bottom Line Up Front", "Background") with
 * its blocks as a #GListModel of #DossierMemoBlock.
 */
struct _DossierMemoSection
{
  GObject parent_instance;

  char *title;
  GListStore *blocks;
};

G_DEFINE_FINAL_TYPE (DossierMemoSection, dossier_memo_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BLOCKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_memo_section_finalize (GObject *object)
{
  DossierMemoSection *self = (DossierMemoSection *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->blocks);

  G_OBJECT_CLASS (dossier_memo_section_parent_class)->finalize (object);
}

static void
dossier_memo_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierMemoSection *self = DOSSIER_MEMO_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BLOCKS:
      g_value_set_object (value, self->blocks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierMemoSection *self = DOSSIER_MEMO_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      dossier_memo_section_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_section_class_init (DossierMemoSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_memo_section_finalize;
  object_class->get_property = dossier_memo_section_get_property;
  object_class->set_property = dossier_memo_section_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKS] =
    g_param_spec_object ("blocks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_memo_section_init (DossierMemoSection *self)
{
  self->title = g_strdup ("");
  self->blocks = g_list_store_new (DOSSIER_TYPE_MEMO_BLOCK);
}

DossierMemoSection *
dossier_memo_section_new (const char *title)
{
  return g_object_new (DOSSIER_TYPE_MEMO_SECTION, "title", title, NULL);
}

/**
 * dossier_memo_section_copy:
 *
 * Returns: (transfer full): a deep copy (the blocks are copied too)
 */
DossierMemoSection *
dossier_memo_section_copy (DossierMemoSection *self)
{
  DossierMemoSection *copy;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);

  copy = dossier_memo_section_new (self->title);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierMemoBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
      g_autoptr(DossierMemoBlock) block_copy = dossier_memo_block_copy (block);

      g_list_store_append (copy->blocks, block_copy);
    }

  return copy;
}

const char *
dossier_memo_section_get_title (DossierMemoSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);
  return self->title;
}

void
dossier_memo_section_set_title (DossierMemoSection *self,
                                const char         *title)
{
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));

  if (dossier_set_str (&self->title, title ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * dossier_memo_section_get_blocks:
 *
 * Returns: (transfer none): a #GListModel of #DossierMemoBlock
 */
GListModel *
dossier_memo_section_get_blocks (DossierMemoSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);
  return G_LIST_MODEL (self->blocks);
}

guint
dossier_memo_section_get_n_blocks (DossierMemoSection *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
}

/**
 * dossier_memo_section_get_block:
 *
 * Returns: (transfer none) (nullable): the block at @position
 */
DossierMemoBlock *
dossier_memo_section_get_block (DossierMemoSection *self,
                                guint               position)
{
  g_autoptr(DossierMemoBlock) block = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);

  /* The store keeps its own reference. */
  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), position);
  return block;
}

void
dossier_memo_section_append_block (DossierMemoSection *self,
                                   DossierMemoBlock   *block)
{
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));
  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (block));

  g_list_store_append (self->blocks, block);
}

void
dossier_memo_section_insert_block (DossierMemoSection *self,
                                   guint               position,
                                   DossierMemoBlock   *block)
{
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));
  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (block));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->blocks)));
  g_list_store_insert (self->blocks, position, block);
}

void
dossier_memo_section_remove_block (DossierMemoSection *self,
                                   guint               position)
{
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->blocks)));

  g_list_store_remove (self->blocks, position);
}

/**
 * dossier_memo_section_move_block:
 * @from: the block's position
 * @to: its position after the move
 */
void
dossier_memo_section_move_block (DossierMemoSection *self,
                                 guint               from,
                                 guint               to)
{
  g_autoptr(DossierMemoBlock) block = NULL;
  guint n;

  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), from);
  g_list_store_remove (self->blocks, from);
  g_list_store_insert (self->blocks, to, block);
}

/**
 * dossier_memo_dup_leading_portion_mark:
 * @text: (nullable): a title or paragraph
 *
 * Returns: (transfer full) (nullable): the portion mark @text starts with,
 *   without parentheses ("U", "CUI", "SBU", "CUI//SP-PRVCY"), or %NULL
 */
char *
dossier_memo_dup_leading_portion_mark (const char *text)
{
  const char *p;
  gsize n = 0;

  if (text == NULL)
    return NULL;

  p = text;
  while (*p == ' ' || *p == '*')
    p++;

  if (*p != '(')
    return NULL;
  p++;

  while (p[n] != '\0' && p[n] != ')' && n < 40)
    {
      char c = p[n];

      /* Portion marks are capitals with "//" and "-" separators. */
      if (!(g_ascii_isupper (c) || g_ascii_isdigit (c) || c == '/' || c == '-'))
        return NULL;
      n++;
    }

  if (n == 0 || p[n] != ')')
    return NULL;

  return g_strndup (p, n);
}

/**
 * dossier_memo_section_dup_portion_mark:
 *
 * Portion marks stand at the start of a section: its title or, failing
 * that, its first block ("(U) The government…").
 *
 * Returns: (transfer full) (nullable): the mark without parentheses, or %NULL
 */
char *
dossier_memo_section_dup_portion_mark (DossierMemoSection *self)
{
  DossierMemoBlock *first;
  char *mark;

  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);

  mark = dossier_memo_dup_leading_portion_mark (self->title);
  if (mark != NULL)
    return mark;

  first = dossier_memo_section_get_block (self, 0);
  if (first == NULL)
    return NULL;

  if (dossier_memo_block_get_kind (first) == DOSSIER_MEMO_BLOCK_BULLETS)
    {
      const char * const *items = dossier_memo_block_get_items (first);
      return items[0] ? dossier_memo_dup_leading_portion_mark (items[0]) : NULL;
    }

  return dossier_memo_dup_leading_portion_mark (dossier_memo_block_get_text (first));
}
