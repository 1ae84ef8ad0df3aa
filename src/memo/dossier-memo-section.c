/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <string.h>

#include "dossier-memo-inline.h"

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

/* ---- Source text --------------------------------------------------------- */

/*
 * A section's blocks as one editable text, for a plain text editor: blocks
 * are separated by a blank line; a bullet list is lines starting "- "; a
 * quote is lines starting "> ", its attribution a last line "> — [^ID]";
 * anything else is a paragraph (its line breaks kept).
 */

#define QUOTE_CITE_PREFIX "> \xe2\x80\x94 [^"

static void
append_prefixed_lines (GString    *out,
                       const char *prefix,
                       const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, prefix);
      g_string_append (out, lines[i]);
    }
}

/**
 * dossier_memo_section_dup_source_text:
 *
 * Returns: (transfer full): the section's blocks as one text (see
 *   dossier_memo_section_set_source_text())
 */
char *
dossier_memo_section_dup_source_text (DossierMemoSection *self)
{
  GString *out;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (self), NULL);

  out = g_string_new (NULL);
  n = dossier_memo_section_get_n_blocks (self);
  for (guint b = 0; b < n; b++)
    {
      DossierMemoBlock *block = dossier_memo_section_get_block (self, b);

      if (b > 0)
        g_string_append (out, "\n\n");

      switch (dossier_memo_block_get_kind (block))
        {
        case DOSSIER_MEMO_BLOCK_PARAGRAPH:
          g_string_append (out, dossier_memo_block_get_text (block));
          break;
        case DOSSIER_MEMO_BLOCK_BULLETS:
          {
            const char * const *items = dossier_memo_block_get_items (block);

            for (guint i = 0; items[i] != NULL; i++)
              {
                if (i > 0)
                  g_string_append_c (out, '\n');
                append_prefixed_lines (out, "- ", items[i]);
              }
          }
          break;
        case DOSSIER_MEMO_BLOCK_QUOTE:
          append_prefixed_lines (out, "> ", dossier_memo_block_get_text (block));
          if (dossier_memo_block_get_cite (block) != NULL)
            g_string_append_printf (out, "\n" QUOTE_CITE_PREFIX "%s]", dossier_memo_block_get_cite (block));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (out, FALSE);
}

static DossierMemoBlock *
parse_block (GPtrArray *lines)
{
  const char *first = g_ptr_array_index (lines, 0);
  gboolean all_bullets = TRUE, all_quote = TRUE;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      all_bullets = all_bullets && (g_str_has_prefix (line, "- ") || g_str_equal (line, "-"));
      all_quote = all_quote && line[0] == '>';
    }

  if (all_bullets)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;

      for (guint i = 0; i < lines->len; i++)
        g_strv_builder_add (builder, (const char *)g_ptr_array_index (lines, i) + MIN (2, strlen (g_ptr_array_index (lines, i))));
      items = g_strv_builder_end (builder);
      return dossier_memo_block_new_bullets ((const char * const *)items);
    }

  if (all_quote)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *cite = NULL;
      guint n = lines->len;
      const char *last = g_ptr_array_index (lines, n - 1);

      if (n > 1 && g_str_has_prefix (last, QUOTE_CITE_PREFIX) && g_str_has_suffix (last, "]"))
        {
          const char *id = last + strlen (QUOTE_CITE_PREFIX);
          g_autofree char *candidate = g_strndup (id, strlen (id) - 1);

          if (dossier_memo_is_valid_citation_id (candidate))
            {
              cite = g_steal_pointer (&candidate);
              n--;
            }
        }

      for (guint i = 0; i < n; i++)
        {
          const char *line = g_ptr_array_index (lines, i);

          line++;
          if (*line == ' ')
            line++;
          if (i > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }

      return dossier_memo_block_new_quote (text->str, cite);
    }

  {
    g_autoptr(GString) text = g_string_new (first);

    for (guint i = 1; i < lines->len; i++)
      {
        g_string_append_c (text, '\n');
        g_string_append (text, g_ptr_array_index (lines, i));
      }
    return dossier_memo_block_new_paragraph (text->str);
  }
}

/**
 * dossier_memo_section_set_source_text:
 * @text: the section's blocks as one text: blocks separated by blank
 *   lines; "- " starts a bullet, "> " a quote line, "> — [^ID]" a quote's
 *   attribution
 *
 * Replaces the section's blocks with those of @text. Blocks that keep
 * their kind and position are updated in place, so a change notifies
 * only what changed (and views keep their rows).
 */
void
dossier_memo_section_set_source_text (DossierMemoSection *self,
                                      const char         *text)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_auto(GStrv) all_lines = NULL;
  guint n_old;

  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (self));

  all_lines = g_strsplit (text ? text : "", "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = all_lines[i];
      gboolean blank = line == NULL;

      if (line != NULL)
        {
          g_autofree char *copy = g_strstrip (g_strdup (line));
          blank = *copy == '\0';
        }

      if (blank)
        {
          if (lines->len > 0)
            g_ptr_array_add (blocks, parse_block (lines));
          g_ptr_array_set_size (lines, 0);
        }
      else
        g_ptr_array_add (lines, (gpointer)line);

      if (line == NULL)
        break;
    }

  n_old = dossier_memo_section_get_n_blocks (self);
  for (guint b = 0; b < blocks->len; b++)
    {
      DossierMemoBlock *fresh = g_ptr_array_index (blocks, b);
      DossierMemoBlock *old = b < n_old ? dossier_memo_section_get_block (self, b) : NULL;

      if (old != NULL && dossier_memo_block_get_kind (old) == dossier_memo_block_get_kind (fresh))
        {
          g_object_freeze_notify (G_OBJECT (old));
          dossier_memo_block_set_text (old, dossier_memo_block_get_text (fresh));
          dossier_memo_block_set_items (old, dossier_memo_block_get_items (fresh));
          dossier_memo_block_set_cite (old, dossier_memo_block_get_cite (fresh));
          g_object_thaw_notify (G_OBJECT (old));
        }
      else if (old != NULL)
        g_list_store_splice (self->blocks, b, 1, (gpointer *)&fresh, 1);
      else
        g_list_store_append (self->blocks, fresh);
    }

  if (n_old > blocks->len)
    g_list_store_splice (self->blocks, blocks->len, n_old - blocks->len, NULL, 0);
}
