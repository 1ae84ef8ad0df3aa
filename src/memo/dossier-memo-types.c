/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include "dossier-memo-types.h"

/* The names double as the file format's strings, so they never change. */
static const GEnumValue memo_kind_values[] = {
  { DOSSIER_MEMO_KIND_INFORMATION, "DOSSIER_MEMO_KIND_INFORMATION", "information" },
  { DOSSIER_MEMO_KIND_DECISION, "DOSSIER_MEMO_KIND_DECISION", "decision" },
  { DOSSIER_MEMO_KIND_POLICY_BRIEF, "DOSSIER_MEMO_KIND_POLICY_BRIEF", "policy-brief" },
  { 0, NULL, NULL }
};

static const GEnumValue block_kind_values[] = {
  { DOSSIER_MEMO_BLOCK_PARAGRAPH, "DOSSIER_MEMO_BLOCK_PARAGRAPH", "paragraph" },
  { DOSSIER_MEMO_BLOCK_BULLETS, "DOSSIER_MEMO_BLOCK_BULLETS", "bullets" },
  { DOSSIER_MEMO_BLOCK_QUOTE, "DOSSIER_MEMO_BLOCK_QUOTE", "quote" },
  { 0, NULL, NULL }
};

GType
dossier_memo_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DossierMemoKind", memo_kind_values));

  return type_id;
}

GType
dossier_memo_block_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DossierMemoBlockKind", block_kind_values));

  return type_id;
}

static const char *
value_to_nick (const GEnumValue *values,
               int               value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (values[i].value == value)
      return values[i].value_nick;

  g_return_val_if_reached (NULL);
}

static gboolean
nick_to_value (const GEnumValue *values,
               const char       *nick,
               int              *value)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (g_str_equal (values[i].value_nick, nick))
      {
        *value = values[i].value;
        return TRUE;
      }

  return FALSE;
}

/**
 * dossier_memo_kind_to_string:
 *
 * Returns: the name used in files and on the command line ("decision")
 */
const char *
dossier_memo_kind_to_string (DossierMemoKind kind)
{
  return value_to_nick (memo_kind_values, kind);
}

gboolean
dossier_memo_kind_from_string (const char      *name,
                               DossierMemoKind *kind)
{
  int value;

  if (!nick_to_value (memo_kind_values, name, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
dossier_memo_block_kind_to_string (DossierMemoBlockKind kind)
{
  return value_to_nick (block_kind_values, kind);
}

gboolean
dossier_memo_block_kind_from_string (const char           *name,
                                     DossierMemoBlockKind *kind)
{
  int value;

  if (!nick_to_value (block_kind_values, name, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}
