/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include "model/dossier-util.h"
#include "dossier-memo-block.h"
#include "dossier-memo-inline.h"

/**
 * DossierMemoBlock:
 *
 * One block of a memo section: a paragraph ("text"), a bulleted list
 * ("items") or a block quotation ("text" plus the id of the citation it
 * is attributed to, "cite"). Texts are inline memo markup (see
 * dossier_memo_parse_inline()). A block keeps the members of the other
 * kinds when its kind changes, so switching back and forth loses nothing;
 * only those of its kind are saved.
 */
struct _DossierMemoBlock
{
  GObject parent_instance;

  DossierMemoBlockKind kind;
  char *text;
  char **items;
  char *cite;
};

G_DEFINE_FINAL_TYPE (DossierMemoBlock, dossier_memo_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  PROP_ITEMS,
  PROP_CITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_memo_block_finalize (GObject *object)
{
  DossierMemoBlock *self = (DossierMemoBlock *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->items, g_strfreev);
  g_clear_pointer (&self->cite, g_free);

  G_OBJECT_CLASS (dossier_memo_block_parent_class)->finalize (object);
}

static void
dossier_memo_block_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierMemoBlock *self = DOSSIER_MEMO_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ITEMS:
      g_value_set_boxed (value, self->items);
      break;
    case PROP_CITE:
      g_value_set_string (value, self->cite);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_block_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierMemoBlock *self = DOSSIER_MEMO_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      dossier_memo_block_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      dossier_memo_block_set_text (self, g_value_get_string (value));
      break;
    case PROP_ITEMS:
      dossier_memo_block_set_items (self, g_value_get_boxed (value));
      break;
    case PROP_CITE:
      dossier_memo_block_set_cite (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_block_class_init (DossierMemoBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_memo_block_finalize;
  object_class->get_property = dossier_memo_block_get_property;
  object_class->set_property = dossier_memo_block_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DOSSIER_TYPE_MEMO_BLOCK_KIND,
                                             DOSSIER_MEMO_BLOCK_PARAGRAPH, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_ITEMS] = g_param_spec_boxed ("items", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CITE] = g_param_spec_string ("cite", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_memo_block_init (DossierMemoBlock *self)
{
  self->text = g_strdup ("");
  self->items = g_new0 (char *, 1);
}

DossierMemoBlock *
dossier_memo_block_new_paragraph (const char *text)
{
  return g_object_new (DOSSIER_TYPE_MEMO_BLOCK,
                       "kind", DOSSIER_MEMO_BLOCK_PARAGRAPH,
                       "text", text,
                       NULL);
}

DossierMemoBlock *
dossier_memo_block_new_bullets (const char * const *items)
{
  return g_object_new (DOSSIER_TYPE_MEMO_BLOCK,
                       "kind", DOSSIER_MEMO_BLOCK_BULLETS,
                       "items", items,
                       NULL);
}

/**
 * dossier_memo_block_new_quote:
 * @text: the quotation (inline markup)
 * @cite: (nullable): the id of the citation it is attributed to
 */
DossierMemoBlock *
dossier_memo_block_new_quote (const char *text,
                              const char *cite)
{
  return g_object_new (DOSSIER_TYPE_MEMO_BLOCK,
                       "kind", DOSSIER_MEMO_BLOCK_QUOTE,
                       "text", text,
                       "cite", cite,
                       NULL);
}

/**
 * dossier_memo_block_copy:
 *
 * Returns: (transfer full): a new block with the same values
 */
DossierMemoBlock *
dossier_memo_block_copy (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), NULL);

  return g_object_new (DOSSIER_TYPE_MEMO_BLOCK,
                       "kind", self->kind,
                       "text", self->text,
                       "items", self->items,
                       "cite", self->cite,
                       NULL);
}

DossierMemoBlockKind
dossier_memo_block_get_kind (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), DOSSIER_MEMO_BLOCK_PARAGRAPH);
  return self->kind;
}

void
dossier_memo_block_set_kind (DossierMemoBlock     *self,
                             DossierMemoBlockKind  kind)
{
  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (self));
  g_return_if_fail (kind <= DOSSIER_MEMO_BLOCK_QUOTE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * dossier_memo_block_get_text:
 *
 * Returns: the text of a paragraph or quote, never %NULL
 */
const char *
dossier_memo_block_get_text (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), NULL);
  return self->text;
}

void
dossier_memo_block_set_text (DossierMemoBlock *self,
                             const char       *text)
{
  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (self));

  if (dossier_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * dossier_memo_block_get_items:
 *
 * Returns: (transfer none): the bullet items, never %NULL
 */
const char * const *
dossier_memo_block_get_items (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), NULL);
  return (const char * const *)self->items;
}

void
dossier_memo_block_set_items (DossierMemoBlock   *self,
                              const char * const *items)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (self));

  if (dossier_set_strv (&self->items, items ? items : none))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}

guint
dossier_memo_block_get_n_items (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), 0);
  return g_strv_length (self->items);
}

/**
 * dossier_memo_block_get_cite:
 *
 * Returns: (nullable): the citation id of a quote block
 */
const char *
dossier_memo_block_get_cite (DossierMemoBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), NULL);
  return self->cite;
}

void
dossier_memo_block_set_cite (DossierMemoBlock *self,
                             const char       *cite)
{
  g_return_if_fail (DOSSIER_IS_MEMO_BLOCK (self));

  if (cite != NULL && *cite == '\0')
    cite = NULL;

  if (dossier_set_str (&self->cite, cite))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITE]);
}

/**
 * dossier_memo_block_dup_plain_text:
 *
 * Returns: (transfer full): the block's text without markup; bullet items
 *   one per line
 */
char *
dossier_memo_block_dup_plain_text (DossierMemoBlock *self)
{
  GString *plain;

  g_return_val_if_fail (DOSSIER_IS_MEMO_BLOCK (self), NULL);

  if (self->kind != DOSSIER_MEMO_BLOCK_BULLETS)
    return dossier_memo_inline_to_plain (self->text);

  plain = g_string_new (NULL);
  for (guint i = 0; self->items[i] != NULL; i++)
    {
      g_autofree char *item = dossier_memo_inline_to_plain (self->items[i]);

      if (i > 0)
        g_string_append_c (plain, '\n');
      g_string_append (plain, item);
    }

  return g_string_free (plain, FALSE);
}
