/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <string.h>

#include "model/dossier-document.h"
#include "model/dossier-util.h"
#include "dossier-memo-inline.h"
#include "dossier-memo.h"

/**
 * DossierMemo:
 *
 * A briefing memo: the header (handling marking, recipient, sender, date,
 * subject), the template kind, the sections and the citations they refer
 * to with `[^ID]` markers. Sections and citations are #GListModel<!-- -->s.
 *
 * #DossierMemo::changed is emitted after any change anywhere in the memo
 * (header, sections, blocks, citations), for autosave and live preview.
 */
struct _DossierMemo
{
  GObject parent_instance;

  DossierMemoKind kind;
  char *marking;
  char *language;
  char *to;
  char *from;
  char *date;
  char *subject;

  GListStore *sections;
  GListStore *citations;
  GHashTable *citation_index;  /* id → citation (borrowed); NULL when stale */
};

G_DEFINE_FINAL_TYPE (DossierMemo, dossier_memo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_MARKING,
  PROP_TO,
  PROP_FROM,
  PROP_DATE,
  PROP_SUBJECT,
  PROP_SECTIONS,
  PROP_CITATIONS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void watch_list (DossierMemo *self,
                        GListModel  *list);

static void
emit_changed (DossierMemo *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
child_notify_cb (DossierMemo *self)
{
  emit_changed (self);
}

static void
watch_object (DossierMemo *self,
              GObject     *object)
{
  /* A moved item is removed and inserted again: connect only once. */
  if (g_signal_handler_find (object, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, child_notify_cb, self) != 0)
    return;

  g_signal_connect_object (object, "notify", G_CALLBACK (child_notify_cb), self, G_CONNECT_SWAPPED);

  if (DOSSIER_IS_MEMO_SECTION (object))
    watch_list (self, dossier_memo_section_get_blocks (DOSSIER_MEMO_SECTION (object)));
}

static void
list_items_changed_cb (GListModel  *list,
                       guint        position,
                       guint        removed,
                       guint        added,
                       DossierMemo *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      watch_object (self, item);
    }

  emit_changed (self);
}

static void
watch_list (DossierMemo *self,
            GListModel  *list)
{
  guint n = g_list_model_get_n_items (list);

  g_signal_connect_object (list, "items-changed", G_CALLBACK (list_items_changed_cb), self, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      watch_object (self, item);
    }
}

static void
citation_id_notify_cb (DossierMemo *self)
{
  g_clear_pointer (&self->citation_index, g_hash_table_unref);
}

/* Long memos cite hundreds of sources: keep an index for lookups, updated
 * as citations are appended and dropped when anything else changes. */
static void
citations_changed_cb (DossierMemo *self,
                      guint        position,
                      guint        removed,
                      guint        added)
{
  if (removed > 0)
    g_clear_pointer (&self->citation_index, g_hash_table_unref);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (G_LIST_MODEL (self->citations), i);
      const char *id = dossier_citation_get_id (citation);

      if (g_signal_handler_find (citation, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, citation_id_notify_cb, self) == 0)
        g_signal_connect_object (citation, "notify::id", G_CALLBACK (citation_id_notify_cb),
                                 self, G_CONNECT_SWAPPED);

      /* An insertion before the end changes which of two equal ids comes first. */
      if (self->citation_index != NULL && i + 1 < g_list_model_get_n_items (G_LIST_MODEL (self->citations)))
        g_clear_pointer (&self->citation_index, g_hash_table_unref);
      else if (self->citation_index != NULL && id != NULL && !g_hash_table_contains (self->citation_index, id))
        g_hash_table_insert (self->citation_index, g_strdup (id), citation);
    }
}

static char **
field_for_prop (DossierMemo *self,
                guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_MARKING: return &self->marking;
    case PROP_TO: return &self->to;
    case PROP_FROM: return &self->from;
    case PROP_DATE: return &self->date;
    case PROP_SUBJECT: return &self->subject;
    default: g_assert_not_reached ();
    }
}

static void
set_string_prop (DossierMemo *self,
                 guint        prop_id,
                 const char  *value)
{
  /* Only the marking is optional; the other header fields are strings. */
  if (prop_id == PROP_MARKING && value != NULL && *value == '\0')
    value = NULL;
  else if (prop_id != PROP_MARKING && value == NULL)
    value = "";

  if (dossier_set_str (field_for_prop (self, prop_id), value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      emit_changed (self);
    }
}

static void
dossier_memo_dispose (GObject *object)
{
  DossierMemo *self = (DossierMemo *)object;

  g_clear_pointer (&self->citation_index, g_hash_table_unref);
  g_clear_object (&self->sections);
  g_clear_object (&self->citations);

  G_OBJECT_CLASS (dossier_memo_parent_class)->dispose (object);
}

static void
dossier_memo_finalize (GObject *object)
{
  DossierMemo *self = (DossierMemo *)object;

  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (dossier_memo_parent_class)->finalize (object);
}

static void
dossier_memo_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierMemo *self = DOSSIER_MEMO (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_MARKING:
    case PROP_TO:
    case PROP_FROM:
    case PROP_DATE:
    case PROP_SUBJECT:
      g_value_set_string (value, *field_for_prop (self, prop_id));
      break;
    case PROP_SECTIONS:
      g_value_set_object (value, self->sections);
      break;
    case PROP_CITATIONS:
      g_value_set_object (value, self->citations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DossierMemo *self = DOSSIER_MEMO (object);

  switch (prop_id)
    {
    case PROP_KIND:
      dossier_memo_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_LANGUAGE:
      dossier_memo_set_language (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      dossier_memo_set_date (self, g_value_get_string (value));
      break;
    case PROP_MARKING:
    case PROP_TO:
    case PROP_FROM:
    case PROP_SUBJECT:
      set_string_prop (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_class_init (DossierMemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dossier_memo_dispose;
  object_class->finalize = dossier_memo_finalize;
  object_class->get_property = dossier_memo_get_property;
  object_class->set_property = dossier_memo_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DOSSIER_TYPE_MEMO_KIND,
                                             DOSSIER_MEMO_KIND_INFORMATION, flags);
  /**
   * DossierMemo:language:
   *
   * The language the memo is written in, as a language tag ("en", "ko"):
   * its PDF prints its labels and dates in it. "en" by default.
   */
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "en", flags);
  properties[PROP_MARKING] = g_param_spec_string ("marking", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, "", flags);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, "", flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, "", flags);
  properties[PROP_SECTIONS] = g_param_spec_object ("sections", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATIONS] = g_param_spec_object ("citations", NULL, NULL, G_TYPE_LIST_MODEL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierMemo::changed:
   *
   * Something in the memo changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_memo_init (DossierMemo *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->language = g_strdup ("en");
  self->to = g_strdup ("");
  self->from = g_strdup ("");
  self->subject = g_strdup ("");
  self->date = g_date_time_format (now, "%Y-%m-%d");
  self->sections = g_list_store_new (DOSSIER_TYPE_MEMO_SECTION);
  self->citations = g_list_store_new (DOSSIER_TYPE_CITATION);

  watch_list (self, G_LIST_MODEL (self->sections));
  watch_list (self, G_LIST_MODEL (self->citations));
  g_signal_connect_object (self->citations, "items-changed", G_CALLBACK (citations_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * dossier_memo_new:
 *
 * Returns: (transfer full): an empty information memo dated today
 */
DossierMemo *
dossier_memo_new (void)
{
  return g_object_new (DOSSIER_TYPE_MEMO, NULL);
}

DossierMemoKind
dossier_memo_get_kind (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), DOSSIER_MEMO_KIND_INFORMATION);
  return self->kind;
}

void
dossier_memo_set_kind (DossierMemo     *self,
                       DossierMemoKind  kind)
{
  g_return_if_fail (DOSSIER_IS_MEMO (self));
  g_return_if_fail (kind <= DOSSIER_MEMO_KIND_POLICY_BRIEF);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  emit_changed (self);
}

/**
 * dossier_memo_get_language:
 *
 * Returns: the language tag of the memo's language ("en", "ko")
 */
const char *
dossier_memo_get_language (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), "en");
  return self->language;
}

/* "en", "ko", "pt-BR", "zh-Hant": a language, then subtags. */
static gboolean
is_language_tag (const char *tag)
{
  static GRegex *regex = NULL;

  dossier_regex_once (&regex, "^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$", 0);
  return tag != NULL && g_regex_match (regex, tag, 0, NULL);
}

/**
 * dossier_memo_set_language:
 * @language: a language tag ("en", "ko"); a language Dossier has no labels
 *   for is kept, and prints English labels
 *
 * Returns: %FALSE, leaving the language unchanged, if @language is not a
 *   language tag
 */
gboolean
dossier_memo_set_language (DossierMemo *self,
                           const char  *language)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), FALSE);

  if (!is_language_tag (language))
    return FALSE;
  if (dossier_set_str (&self->language, language))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
      emit_changed (self);
    }
  return TRUE;
}

#define DEFINE_HEADER_ACCESSORS(name, PROP)                              \
  const char *                                                           \
  dossier_memo_get_##name (DossierMemo *self)                            \
  {                                                                      \
    g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);                 \
    return self->name;                                                   \
  }                                                                      \
  void                                                                   \
  dossier_memo_set_##name (DossierMemo *self,                            \
                           const char  *value)                           \
  {                                                                      \
    g_return_if_fail (DOSSIER_IS_MEMO (self));                           \
    set_string_prop (self, PROP, value);                                 \
  }

/* The marking is %NULL when the memo carries none. */
DEFINE_HEADER_ACCESSORS (marking, PROP_MARKING)
DEFINE_HEADER_ACCESSORS (to, PROP_TO)
DEFINE_HEADER_ACCESSORS (from, PROP_FROM)
DEFINE_HEADER_ACCESSORS (subject, PROP_SUBJECT)

/**
 * dossier_memo_get_date:
 *
 * Returns: the memo's date, "YYYY-MM-DD"
 */
const char *
dossier_memo_get_date (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);
  return self->date;
}

/**
 * dossier_memo_set_date:
 * @iso_date: "YYYY-MM-DD"
 *
 * Returns: %FALSE, leaving the date unchanged, if @iso_date is not a real date
 */
gboolean
dossier_memo_set_date (DossierMemo *self,
                       const char  *iso_date)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), FALSE);

  if (iso_date == NULL || !dossier_is_valid_iso_date (iso_date))
    return FALSE;

  set_string_prop (self, PROP_DATE, iso_date);
  return TRUE;
}

/**
 * dossier_memo_get_sections:
 *
 * Returns: (transfer none): a #GListModel of #DossierMemoSection
 */
GListModel *
dossier_memo_get_sections (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);
  return G_LIST_MODEL (self->sections);
}

guint
dossier_memo_get_n_sections (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sections));
}

/**
 * dossier_memo_get_section:
 *
 * Returns: (transfer none) (nullable): the section at @position
 */
DossierMemoSection *
dossier_memo_get_section (DossierMemo *self,
                          guint        position)
{
  g_autoptr(DossierMemoSection) section = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);
  return section; /* the store keeps a reference */
}

void
dossier_memo_append_section (DossierMemo        *self,
                             DossierMemoSection *section)
{
  g_return_if_fail (DOSSIER_IS_MEMO (self));
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (section));

  g_list_store_append (self->sections, section);
}

void
dossier_memo_insert_section (DossierMemo        *self,
                             guint               position,
                             DossierMemoSection *section)
{
  g_return_if_fail (DOSSIER_IS_MEMO (self));
  g_return_if_fail (DOSSIER_IS_MEMO_SECTION (section));

  position = MIN (position, dossier_memo_get_n_sections (self));
  g_list_store_insert (self->sections, position, section);
}

void
dossier_memo_remove_section (DossierMemo *self,
                             guint        position)
{
  g_return_if_fail (DOSSIER_IS_MEMO (self));
  g_return_if_fail (position < dossier_memo_get_n_sections (self));

  g_list_store_remove (self->sections, position);
}

/**
 * dossier_memo_move_section:
 * @from: the section's position
 * @to: its position after the move
 */
void
dossier_memo_move_section (DossierMemo *self,
                           guint        from,
                           guint        to)
{
  g_autoptr(DossierMemoSection) section = NULL;
  guint n;

  g_return_if_fail (DOSSIER_IS_MEMO (self));

  n = dossier_memo_get_n_sections (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), from);
  g_list_store_remove (self->sections, from);
  g_list_store_insert (self->sections, to, section);
}

/**
 * dossier_memo_find_section:
 * @title_prefix: how the title starts, ignoring case and a portion mark
 *
 * Returns: (transfer none) (nullable): the first section whose title starts
 *   with @title_prefix
 */
DossierMemoSection *
dossier_memo_find_section (DossierMemo *self,
                           const char  *title_prefix)
{
  g_autofree char *prefix = NULL;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);
  g_return_val_if_fail (title_prefix != NULL, NULL);

  prefix = g_utf8_casefold (title_prefix, -1);
  n = dossier_memo_get_n_sections (self);
  for (guint i = 0; i < n; i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (self, i);
      const char *title = dossier_memo_section_get_title (section);
      g_autofree char *mark = dossier_memo_dup_leading_portion_mark (title);
      g_autofree char *folded = NULL;

      if (mark != NULL)
        {
          title = strchr (title, ')') + 1;
          while (*title == ' ')
            title++;
        }

      folded = g_utf8_casefold (title, -1);
      if (g_str_has_prefix (folded, prefix))
        return section;
    }

  return NULL;
}

/**
 * dossier_memo_get_citations:
 *
 * Returns: (transfer none): a #GListModel of #DossierCitation, in the
 *   order of the file (not of the notes)
 */
GListModel *
dossier_memo_get_citations (DossierMemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);
  return G_LIST_MODEL (self->citations);
}

/**
 * dossier_memo_lookup_citation:
 *
 * Returns: (transfer none) (nullable): the citation with @id
 */
DossierCitation *
dossier_memo_lookup_citation (DossierMemo *self,
                              const char  *id)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);

  if (id == NULL || self->citations == NULL)
    return NULL;

  if (self->citation_index == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->citations));

      self->citation_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierCitation) citation = g_list_model_get_item (G_LIST_MODEL (self->citations), i);
          const char *citation_id = dossier_citation_get_id (citation);

          /* The first of equal ids wins. The store keeps the references. */
          if (citation_id != NULL && !g_hash_table_contains (self->citation_index, citation_id))
            g_hash_table_insert (self->citation_index, g_strdup (citation_id), citation);
        }
    }

  return g_hash_table_lookup (self->citation_index, id);
}

/**
 * dossier_memo_add_citation:
 *
 * Adds @citation unless one with the same id exists.
 *
 * Returns: whether it was added
 */
gboolean
dossier_memo_add_citation (DossierMemo     *self,
                           DossierCitation *citation)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_CITATION (citation), FALSE);
  g_return_val_if_fail (dossier_memo_is_valid_citation_id (dossier_citation_get_id (citation)), FALSE);

  if (dossier_memo_lookup_citation (self, dossier_citation_get_id (citation)) != NULL)
    return FALSE;

  g_list_store_append (self->citations, citation);
  return TRUE;
}

gboolean
dossier_memo_remove_citation (DossierMemo *self,
                              const char  *id)
{
  DossierCitation *citation;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_MEMO (self), FALSE);

  citation = dossier_memo_lookup_citation (self, id);
  if (citation == NULL || !g_list_store_find (self->citations, citation, &position))
    return FALSE;

  g_list_store_remove (self->citations, position);
  return TRUE;
}

/**
 * dossier_memo_dup_citation_id_hint:
 *
 * Returns: (transfer full): a readable id such as "klingner2024" made of
 *   the first author's family name (or the title's first word) and the year
 */
char *
dossier_memo_dup_citation_id_hint (const char * const *authors,
                                   const char         *title,
                                   const char         *published)
{
  g_autofree char *base = NULL;
  GString *id = g_string_new (NULL);

  if (authors != NULL && authors[0] != NULL)
    base = dossier_dup_family_name (authors[0]);
  else if (title != NULL)
    base = g_strdup (title);
  else
    base = g_strdup ("source");

  for (const char *p = base; *p != '\0' && id->len < 24; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (*p == ' ' && id->len > 0)
        break;
    }

  /* Hangul and other scripts leave nothing usable. */
  if (id->len == 0)
    g_string_append (id, "source");

  if (published != NULL && strlen (published) >= 4)
    g_string_append_len (id, published, 4);

  return g_string_free (id, FALSE);
}

/**
 * dossier_memo_dup_new_citation_id:
 * @hint: (nullable): the preferred id (see dossier_memo_dup_citation_id_hint())
 *
 * Returns: (transfer full): @hint, or @hint with a suffix ("-2", "-3"…),
 *   that no citation of the memo uses yet
 */
char *
dossier_memo_dup_new_citation_id (DossierMemo *self,
                                  const char  *hint)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO (self), NULL);

  base = g_strndup (dossier_memo_is_valid_citation_id (hint) ? hint : "source",
                    DOSSIER_MEMO_MAX_CITATION_ID - 8);

  if (dossier_memo_lookup_citation (self, base) == NULL)
    return g_steal_pointer (&base);

  for (guint i = 2; ; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, i);

      if (dossier_memo_lookup_citation (self, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
}
