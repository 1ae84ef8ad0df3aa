/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-citation"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/dossier-util.h"
#include "dossier-citation.h"

/**
 * DossierCitation:
 *
 * A source cited by a memo: the excerpt quoted from it (if any), a locator
 * ("p. 4", "sec. 2"), the id of the document in the library it came from,
 * and a copy of the document's bibliographic data so the memo stays valid
 * on another machine. A citation "via" a note is a work the article only
 * reports: an official quoted through the article's note 3 is cited as
 * the note's work, "quoted in" the article.
 */
struct _DossierCitation
{
  GObject parent_instance;

  char *id;
  char *quote;
  char *locator;
  char *library_id;
  char *title;
  char **authors;
  char *publisher;
  char *published;
  char *source_url;
  guint via_note;
  char *via_text;
};

G_DEFINE_FINAL_TYPE (DossierCitation, dossier_citation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUOTE,
  PROP_LOCATOR,
  PROP_LIBRARY_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_SOURCE_URL,
  PROP_VIA_TEXT,
  /* not plain strings: */
  PROP_AUTHORS,
  PROP_VIA_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (DossierCitation *self,
                guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_QUOTE: return &self->quote;
    case PROP_LOCATOR: return &self->locator;
    case PROP_LIBRARY_ID: return &self->library_id;
    case PROP_TITLE: return &self->title;
    case PROP_PUBLISHER: return &self->publisher;
    case PROP_PUBLISHED: return &self->published;
    case PROP_SOURCE_URL: return &self->source_url;
    case PROP_VIA_TEXT: return &self->via_text;
    default: return NULL;
    }
}

static void
set_string_prop (DossierCitation *self,
                 guint            prop_id,
                 const char      *value)
{
  char **field = field_for_prop (self, prop_id);

  g_assert (field != NULL);

  /* The title and id are always strings in the file; the other members
   * are null when unknown, and an empty string means unknown too. */
  if (value != NULL && *value == '\0' && prop_id != PROP_TITLE && prop_id != PROP_ID)
    value = NULL;

  if (dossier_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
dossier_citation_finalize (GObject *object)
{
  DossierCitation *self = (DossierCitation *)object;

  for (guint prop_id = PROP_ID; prop_id <= PROP_VIA_TEXT; prop_id++)
    g_clear_pointer (field_for_prop (self, prop_id), g_free);
  g_clear_pointer (&self->authors, g_strfreev);

  G_OBJECT_CLASS (dossier_citation_parent_class)->finalize (object);
}

static void
dossier_citation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierCitation *self = DOSSIER_CITATION (object);

  switch (prop_id)
    {
    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;
    case PROP_VIA_NOTE:
      g_value_set_uint (value, self->via_note);
      break;
    default:
      if (prop_id > PROP_0 && prop_id < PROP_AUTHORS)
        g_value_set_string (value, *field_for_prop (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_citation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierCitation *self = DOSSIER_CITATION (object);

  switch (prop_id)
    {
    case PROP_AUTHORS:
      dossier_citation_set_authors (self, g_value_get_boxed (value));
      break;
    case PROP_VIA_NOTE:
      dossier_citation_set_via (self, g_value_get_uint (value), self->via_text);
      break;
    case PROP_PUBLISHED:
      dossier_citation_set_published (self, g_value_get_string (value));
      break;
    default:
      if (prop_id > PROP_0 && prop_id < PROP_AUTHORS)
        set_string_prop (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_citation_class_init (DossierCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_citation_finalize;
  object_class->get_property = dossier_citation_get_property;
  object_class->set_property = dossier_citation_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_LOCATOR] = g_param_spec_string ("locator", NULL, NULL, NULL, flags);
  properties[PROP_LIBRARY_ID] = g_param_spec_string ("library-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_URL] = g_param_spec_string ("source-url", NULL, NULL, NULL, flags);
  properties[PROP_VIA_TEXT] = g_param_spec_string ("via-text", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_VIA_NOTE] = g_param_spec_uint ("via-note", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_citation_init (DossierCitation *self)
{
  self->title = g_strdup ("");
}

DossierCitation *
dossier_citation_new (const char *id)
{
  return g_object_new (DOSSIER_TYPE_CITATION, "id", id, NULL);
}

/**
 * dossier_citation_copy:
 *
 * Returns: (transfer full): a new citation with the same values
 */
DossierCitation *
dossier_citation_copy (DossierCitation *self)
{
  DossierCitation *copy;

  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);

  copy = g_object_new (DOSSIER_TYPE_CITATION, NULL);
  for (guint prop_id = PROP_ID; prop_id <= PROP_VIA_TEXT; prop_id++)
    {
      char **field = field_for_prop (copy, prop_id);

      g_free (*field);
      *field = g_strdup (*field_for_prop (self, prop_id));
    }
  copy->authors = g_strdupv (self->authors);
  copy->via_note = self->via_note;

  return copy;
}

/**
 * dossier_citation_set_document:
 *
 * Copies @document's bibliographic data (title, authors, publisher, date,
 * source URL) and its library id into the citation.
 */
void
dossier_citation_set_document (DossierCitation *self,
                               DossierDocument *document)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) authors = NULL;
  GListModel *list;

  g_return_if_fail (DOSSIER_IS_CITATION (self));
  g_return_if_fail (DOSSIER_IS_DOCUMENT (document));

  list = dossier_document_get_authors (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (list, i);
      const char *name = dossier_author_get_name (author);

      if (name != NULL && *name != '\0')
        g_strv_builder_add (builder, name);
    }
  authors = g_strv_builder_end (builder);

  g_object_freeze_notify (G_OBJECT (self));
  dossier_citation_set_title (self, dossier_document_get_title (document) ?: "");
  dossier_citation_set_authors (self, (const char * const *)authors);
  dossier_citation_set_publisher (self, dossier_document_get_publisher (document));
  dossier_citation_set_published (self, dossier_document_get_issued (document));
  dossier_citation_set_source_url (self, dossier_document_get_source_url (document));
  dossier_citation_set_library_id (self, dossier_document_get_id (document));
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * dossier_citation_new_for_document:
 * @id: the citation id used in `[^ID]` markers
 *
 * Returns: (transfer full): a citation of the whole of @document (no quote)
 */
DossierCitation *
dossier_citation_new_for_document (const char      *id,
                                   DossierDocument *document)
{
  DossierCitation *self = dossier_citation_new (id);

  dossier_citation_set_document (self, document);
  return self;
}

static gboolean
has_quotation_mark (const char *text)
{
  return strstr (text, "\"") != NULL || strstr (text, "\xe2\x80\x9c") != NULL ||
         strstr (text, "\xe2\x80\x9d") != NULL;
}

/* How far past the excerpt the article's marker may stand: the end of the
 * sentence the excerpt ends in ("…,” the minister said.[3]"), but no more
 * than this many code points. */
#define MAX_MARKER_DISTANCE 200

static guint
sentence_end (const char *text,
              guint       end)
{
  const char *p = g_utf8_offset_to_pointer (text, end > 0 ? end - 1 : 0);
  guint offset = end > 0 ? end - 1 : 0;

  for (; *p != '\0' && offset < end + MAX_MARKER_DISTANCE; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      /* A full stop inside the excerpt's last quotation ends nothing. */
      if ((c == '.' || c == '?' || c == '!') && offset + 1 >= end)
        {
          const char *q = g_utf8_next_char (p);

          offset++;
          while (*q != '\0' && (g_utf8_get_char (q) == 0x201D || *q == '"' || g_utf8_get_char (q) == 0x2019))
            {
              q = g_utf8_next_char (q);
              offset++;
            }
          return offset;
        }
    }

  return offset;
}

/**
 * dossier_format_page_locator:
 * @first_page: the physical page (1-based) the cited text starts on, 0 for none
 * @first_label: (nullable): its printed label, %NULL when it is its number
 * @last_page: the page the cited text ends on
 * @last_label: (nullable): its printed label
 *
 * A Chicago page locator: "p. 12", "pp. 12–13" (an en dash), with the
 * page numbers the document prints where it prints its own.
 *
 * Returns: (transfer full) (nullable): the locator, or %NULL without a page
 */
char *
dossier_format_page_locator (guint       first_page,
                             const char *first_label,
                             guint       last_page,
                             const char *last_label)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (first_page == 0)
    return NULL;

  first = first_label != NULL ? g_strdup (first_label) : g_strdup_printf ("%u", first_page);
  if (last_page <= first_page)
    return g_strdup_printf ("p. %s", first);

  last = last_label != NULL ? g_strdup (last_label) : g_strdup_printf ("%u", last_page);
  if (g_str_equal (first, last))
    return g_strdup_printf ("p. %s", first);
  return g_strdup_printf ("pp. %s\xe2\x80\x93%s", first, last);
}

/* The pages the text from @start to @end (code points) lies on, as a
 * locator; leading and trailing space are not part of the quotation. */
static char *
dup_excerpt_locator (DossierParagraph *paragraph,
                     const char       *text,
                     guint             start,
                     guint             end)
{
  const char *first_label, *last_label;
  guint first, last;

  while (start < end && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, start))))
    start++;
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, end - 1))))
    end--;

  first = dossier_paragraph_get_page_at (paragraph, start, &first_label);
  last = dossier_paragraph_get_page_at (paragraph, end > start ? end - 1 : start, &last_label);
  return dossier_format_page_locator (first, first_label, last, last_label);
}

/**
 * dossier_citation_new_for_excerpt:
 * @id: the citation id
 * @document: a full document (paragraphs and footnotes loaded)
 * @paragraph: index of the paragraph the excerpt comes from
 * @start: first code point of the excerpt in the paragraph's text
 * @end: code point after the excerpt
 *
 * Makes the citation for "Add to Memo" on a selection, with the page(s)
 * it lies on as its locator when the document has pages (a PDF). When the excerpt
 * quotes someone (it contains quotation marks) and the article sources it
 * with its own footnote, inside the excerpt or before the end of the
 * sentence it ends in, the citation
 * is made "via" that note, so the memo cites the original work "quoted in"
 * the article. A block quotation (a quote paragraph) quotes by definition;
 * without such a note, its attribution is the work: "Name, quoted in …".
 *
 * Returns: (transfer full): the citation, with the excerpt as its quote
 */
DossierCitation *
dossier_citation_new_for_excerpt (const char      *id,
                                  DossierDocument *document,
                                  guint            paragraph,
                                  guint            start,
                                  guint            end)
{
  g_autoptr(DossierParagraph) para = NULL;
  g_autofree char *quote = NULL;
  DossierCitation *self;
  const DossierFootnoteRef *refs;
  const char *text;
  glong length;
  guint n_refs;
  guint limit;
  gboolean block_quote;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  self = dossier_citation_new_for_document (id, document);

  para = g_list_model_get_item (dossier_document_get_paragraphs (document), paragraph);
  if (para == NULL)
    return self;

  text = dossier_paragraph_get_text (para);
  length = g_utf8_strlen (text, -1);
  end = MIN (end, (guint)length);
  start = MIN (start, end);
  quote = g_utf8_substring (text, start, end);
  g_strstrip (quote);
  dossier_citation_set_quote (self, quote);

  /* An excerpt from a PDF is cited with its page(s). */
  {
    g_autofree char *locator = dup_excerpt_locator (para, text, start, end);

    dossier_citation_set_locator (self, locator);
  }

  block_quote = dossier_paragraph_get_kind (para) == DOSSIER_PARAGRAPH_QUOTE;
  if (!block_quote && !has_quotation_mark (quote))
    return self;

  limit = sentence_end (text, end);
  refs = dossier_paragraph_get_refs (para, &n_refs);
  for (guint i = 0; i < n_refs; i++)
    {
      if (refs[i].offset > start && refs[i].offset <= limit)
        {
          DossierFootnote *note = dossier_document_lookup_footnote (document, refs[i].number);

          if (note != NULL && dossier_footnote_get_text (note) != NULL)
            {
              dossier_citation_set_via (self, refs[i].number, dossier_footnote_get_text (note));
              break;
            }
        }
    }

  if (block_quote && !dossier_citation_is_quoted_in (self) && dossier_paragraph_get_attribution (para) != NULL)
    dossier_citation_set_via (self, 0, dossier_paragraph_get_attribution (para));

  return self;
}

#define DEFINE_STRING_ACCESSORS(name, PROP)                              \
  const char *                                                           \
  dossier_citation_get_##name (DossierCitation *self)                    \
  {                                                                      \
    g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);             \
    return self->name;                                                   \
  }                                                                      \
  void                                                                   \
  dossier_citation_set_##name (DossierCitation *self,                    \
                               const char      *value)                   \
  {                                                                      \
    g_return_if_fail (DOSSIER_IS_CITATION (self));                       \
    set_string_prop (self, PROP, value);                                 \
  }

DEFINE_STRING_ACCESSORS (id, PROP_ID)
DEFINE_STRING_ACCESSORS (quote, PROP_QUOTE)
DEFINE_STRING_ACCESSORS (locator, PROP_LOCATOR)
DEFINE_STRING_ACCESSORS (library_id, PROP_LIBRARY_ID)
DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (publisher, PROP_PUBLISHER)
DEFINE_STRING_ACCESSORS (source_url, PROP_SOURCE_URL)

const char *
dossier_citation_get_published (DossierCitation *self)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);
  return self->published;
}

/**
 * dossier_citation_set_published:
 * @iso_date: (nullable): "YYYY-MM-DD" or %NULL
 *
 * Returns: %FALSE (and leaves the value) if @iso_date is not a real date
 */
gboolean
dossier_citation_set_published (DossierCitation *self,
                                const char      *iso_date)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), FALSE);

  /* A reference manager's entry may be dated only to the year or month. */
  if (iso_date != NULL && *iso_date != '\0' && !dossier_is_valid_partial_date (iso_date))
    return FALSE;

  set_string_prop (self, PROP_PUBLISHED, iso_date);
  return TRUE;
}

/**
 * dossier_citation_get_authors:
 *
 * Returns: (transfer none) (nullable): the authors' names as written
 */
const char * const *
dossier_citation_get_authors (DossierCitation *self)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);
  return (const char * const *)self->authors;
}

void
dossier_citation_set_authors (DossierCitation    *self,
                              const char * const *authors)
{
  g_return_if_fail (DOSSIER_IS_CITATION (self));

  if (authors != NULL && authors[0] == NULL)
    authors = NULL;

  if (dossier_set_strv (&self->authors, authors))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORS]);
}

guint
dossier_citation_get_via_note (DossierCitation *self)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), 0);
  return self->via_note;
}

const char *
dossier_citation_get_via_text (DossierCitation *self)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);
  return self->via_text;
}

/**
 * dossier_citation_set_via:
 * @note_number: the number of the article's own footnote, or 0
 * @note_text: (nullable): the text of that footnote (the original work);
 *   %NULL for a citation of the article itself
 */
void
dossier_citation_set_via (DossierCitation *self,
                          guint            note_number,
                          const char      *note_text)
{
  g_return_if_fail (DOSSIER_IS_CITATION (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->via_note != note_number)
    {
      self->via_note = note_number;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIA_NOTE]);
    }
  set_string_prop (self, PROP_VIA_TEXT, note_text);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * dossier_citation_is_quoted_in:
 *
 * Returns: whether the citation is of a work known only through the cited
 *   document ("X, quoted in Y")
 */
gboolean
dossier_citation_is_quoted_in (DossierCitation *self)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (self), FALSE);
  return self->via_text != NULL && *self->via_text != '\0';
}

/**
 * dossier_citation_dup_id_hint:
 *
 * Suggests an id for the citation: the family name of the first author
 * and the year ("whitcombe2024"); for a "quoted in" citation, the family
 * name of whoever the article's note names ("choi"), since that is whom
 * the memo cites. Pass it to dossier_memo_dup_new_citation_id().
 *
 * Returns: (transfer full): lower-case ASCII letters and digits
 */
char *
dossier_citation_dup_id_hint (DossierCitation *self)
{
  GString *id;
  g_autofree char *family = NULL;

  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);

  if (dossier_citation_is_quoted_in (self))
    {
      const char *comma = strchr (self->via_text, ',');
      g_autofree char *name = comma ? g_strndup (self->via_text, comma - self->via_text)
                                    : g_strdup (self->via_text);

      family = dossier_dup_family_name (name);
    }
  else if (self->authors != NULL && self->authors[0] != NULL)
    family = dossier_dup_family_name (self->authors[0]);
  else
    family = g_strdup (self->title ? self->title : "");

  id = g_string_new (NULL);
  for (const char *p = family; *p != '\0' && id->len < 24; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (*p == ' ' && id->len > 0)
        break;
    }

  /* Hangul and other scripts leave nothing usable. */
  if (id->len == 0)
    g_string_append (id, "source");

  if (!dossier_citation_is_quoted_in (self) && self->published != NULL)
    g_string_append_len (id, self->published, 4);

  return g_string_free (id, FALSE);
}

/* ---- Names ----------------------------------------------------------- */

/* Romanised Korean family names; a name starting with one of these and
 * followed by a hyphenated given name ("Kim Seo-yeon") is written family
 * name first. */
static const char * const korean_family_names[] = {
  "ahn", "an", "bae", "baek", "bang", "byun", "cha", "chae", "chang", "cheon", "cho", "choe",
  "choi", "chu", "chung", "do", "eom", "gang", "go", "gong", "ha", "ham", "han", "heo", "hong",
  "hwang", "hyun", "im", "jang", "kim", "jeon", "jeong", "jin", "jo", "joo", "jung", "kang", "ko",
  "kwak", "kwon", "lee", "lim", "min", "moon", "mun", "na", "nam", "noh", "oh", "paik", "pak",
  "park", "ra", "rhee", "roh", "ryu", "seo", "seok", "shin", "sin", "so", "son", "song", "suh",
  "sung", "won", "woo", "yang", "yeo", "yi", "yoo", "yoon", "yu", "yun",
  NULL
};

/* Two-syllable Korean family names, for names written in Hangul. */
static const char * const hangul_compound_family_names[] = {
  "남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", NULL
};

static const char * const name_suffixes[] = {
  "jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "phd", "ph.d.", NULL
};

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

static gboolean
all_hangul (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_hangul (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return g_strv_contains (list, lower);
}

static gboolean
is_upper_word (const char *word)
{
  gboolean letters = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        letters++;
    }

  return letters > 1;
}

/**
 * dossier_dup_family_name:
 * @name: a personal name as written ("Bruce Klingner", "Kim Seo-yeon",
 *   "김서연", "KIM Jong Un", "Klingner, Bruce")
 *
 * Finds the family name for a short note. Korean names put the family
 * name first: names written in Hangul, romanised names whose given name is
 * hyphenated after a Korean family name, and names whose first word is in
 * capitals. A comma separates "Family, Given". Otherwise the last word,
 * ignoring suffixes such as "Jr.", is the family name.
 *
 * Returns: (transfer full): the family name
 */
char *
dossier_dup_family_name (const char *name)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) words = NULL;
  const char *comma;
  guint n;

  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));

  comma = strchr (trimmed, ',');
  if (comma != NULL && comma != trimmed)
    {
      char *family = g_strndup (trimmed, comma - trimmed);
      return g_strstrip (family);
    }

  words = g_strsplit_set (trimmed, " \t\n", -1);
  /* Drop the empty strings that runs of spaces leave. */
  n = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    }
  words[n] = NULL;

  if (n == 0)
    return g_strdup ("");

  if (n == 1)
    {
      /* "김서연": one or two syllables of family name before the given name. */
      if (all_hangul (words[0]) && g_utf8_strlen (words[0], -1) >= 2)
        {
          g_autofree char *two = g_utf8_substring (words[0], 0, 2);

          if (g_utf8_strlen (words[0], -1) >= 4 && g_strv_contains (hangul_compound_family_names, two))
            return g_steal_pointer (&two);
          return g_utf8_substring (words[0], 0, 1);
        }
      return g_strdup (words[0]);
    }

  if (all_hangul (words[0]))
    return g_strdup (words[0]);

  if (is_upper_word (words[0]) && !is_upper_word (words[n - 1]))
    {
      /* "KIM Jong Un" marks the family name; cite it as "Kim". */
      g_autofree char *lower = g_utf8_strdown (words[0], -1);
      gunichar first = g_unichar_toupper (g_utf8_get_char (lower));
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (first, buffer);
      return g_strconcat (buffer, g_utf8_next_char (lower), NULL);
    }

  if (in_list (korean_family_names, words[0]) && strchr (words[1], '-') != NULL)
    return g_strdup (words[0]);

  while (n > 1 && in_list (name_suffixes, words[n - 1]))
    n--;

  return g_strdup (words[n - 1]);
}

/**
 * dossier_format_author_list:
 * @names: (nullable): authors' names
 * @family_names_only: for a short note
 *
 * Chicago notes style: "A", "A and B", "A, B, and C", and "A et al." for
 * four or more.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL without authors
 */
char *
dossier_format_author_list (const char * const *names,
                            gboolean            family_names_only)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (*name == '\0')
        continue;

      g_ptr_array_add (shown, family_names_only ? dossier_dup_family_name (name) : g_steal_pointer (&name));
    }

  n = shown->len;
  switch (n)
    {
    case 0:
      return NULL;
    case 1:
      return g_strdup (g_ptr_array_index (shown, 0));
    case 2:
      return g_strdup_printf ("%s and %s", (char *)g_ptr_array_index (shown, 0),
                              (char *)g_ptr_array_index (shown, 1));
    case 3:
      return g_strdup_printf ("%s, %s, and %s", (char *)g_ptr_array_index (shown, 0),
                              (char *)g_ptr_array_index (shown, 1),
                              (char *)g_ptr_array_index (shown, 2));
    default:
      return g_strdup_printf ("%s et al.", (char *)g_ptr_array_index (shown, 0));
    }
}

/**
 * dossier_format_date_prose:
 * @iso_date: (nullable): "YYYY-MM-DD"
 *
 * Notes follow the English-language Chicago style whatever the user's
 * locale, so month names are not translated.
 *
 * Returns: (transfer full) (nullable): "April 12, 2024", or %NULL
 */
char *
dossier_format_date_prose (const char *iso_date)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
  };
  guint year, month, day;

  /* A date known only to the year or month is printed as far as it is
   * known: "2019", "November 2019". */
  if (iso_date != NULL && dossier_is_valid_partial_date (iso_date) && strlen (iso_date) == 4)
    return g_strdup (iso_date);
  if (iso_date != NULL && dossier_is_valid_partial_date (iso_date) && strlen (iso_date) == 7 &&
      sscanf (iso_date, "%u-%u", &year, &month) == 2)
    return g_strdup_printf ("%s %u", months[month - 1], year);

  if (iso_date == NULL || !dossier_is_valid_iso_date (iso_date))
    return NULL;

  if (sscanf (iso_date, "%u-%u-%u", &year, &month, &day) != 3 || month < 1 || month > 12)
    return NULL;

  return g_strdup_printf ("%s %u, %u", months[month - 1], day, year);
}

/* ---- Notes ------------------------------------------------------------ */

/* Double quotes inside a quoted title become single ones. */
static char *
dup_title_for_quotes (const char *title)
{
  GString *out = g_string_new (NULL);
  gboolean open = TRUE;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        {
          g_string_append (out, open ? "\xe2\x80\x98" : "\xe2\x80\x99");
          open = !open;
        }
      else if (c == 0x201C)
        g_string_append (out, "\xe2\x80\x98");
      else if (c == 0x201D)
        g_string_append (out, "\xe2\x80\x99");
      else
        g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static gboolean
ends_with_terminal (const char *text)
{
  gsize n = strlen (text);

  return n > 0 && (text[n - 1] == '?' || text[n - 1] == '!');
}

/* Joins note elements with ", ", putting the comma or final period inside
 * the closing quotation mark of a title, as Chicago does. */
static void
append_element (GString    *note,
                gboolean   *after_title,
                const char *element,
                gboolean    is_title)
{
  if (element == NULL || *element == '\0')
    return;

  if (note->len > 0)
    {
      if (*after_title)
        {
          /* Remove the closing ” to put the comma inside it. */
          g_string_truncate (note, note->len - strlen ("\xe2\x80\x9d"));
          if (!ends_with_terminal (note->str))
            g_string_append_c (note, ',');
          g_string_append (note, "\xe2\x80\x9d ");
        }
      else
        g_string_append (note, ", ");
    }

  if (is_title)
    {
      g_autofree char *title = dup_title_for_quotes (element);
      g_string_append_printf (note, "\xe2\x80\x9c%s\xe2\x80\x9d", title);
    }
  else
    g_string_append (note, element);

  *after_title = is_title;
}

static void
finish_note (GString  *note,
             gboolean  after_title)
{
  if (note->len == 0)
    return;

  if (after_title)
    {
      g_string_truncate (note, note->len - strlen ("\xe2\x80\x9d"));
      if (!ends_with_terminal (note->str))
        g_string_append_c (note, '.');
      g_string_append (note, "\xe2\x80\x9d");
    }
  else if (!g_str_has_suffix (note->str, ".") && !ends_with_terminal (note->str))
    g_string_append_c (note, '.');
}

static char *
dup_short_title (const char *title)
{
  const char *colon = strstr (title, ": ");

  /* Chicago shortens a title by dropping its subtitle. */
  if (colon != NULL && colon != title)
    return g_strndup (title, colon - title);

  return g_strdup (title);
}

/* Full note of the cited document itself, without the final period. */
static GString *
build_full (DossierCitation *self)
{
  g_autofree char *authors = dossier_format_author_list ((const char * const *)self->authors, FALSE);
  g_autofree char *date = dossier_format_date_prose (self->published);
  GString *note = g_string_new (NULL);
  gboolean after_title = FALSE;

  append_element (note, &after_title, authors, FALSE);
  append_element (note, &after_title, self->title, TRUE);
  append_element (note, &after_title, self->publisher, FALSE);
  append_element (note, &after_title, date, FALSE);
  /* In a "quoted in" note the locator is where the article quotes the
   * work (the page of a PDF), so it follows the article. */
  append_element (note, &after_title, self->locator, FALSE);
  append_element (note, &after_title, self->source_url, FALSE);
  finish_note (note, after_title);

  return note;
}

static GString *
build_short (DossierCitation *self)
{
  g_autofree char *authors = dossier_format_author_list ((const char * const *)self->authors, TRUE);
  g_autofree char *title = dup_short_title (self->title ? self->title : "");
  GString *note = g_string_new (NULL);
  gboolean after_title = FALSE;

  append_element (note, &after_title, authors, FALSE);
  append_element (note, &after_title, title, TRUE);
  append_element (note, &after_title, self->locator, FALSE);
  finish_note (note, after_title);

  return note;
}

static char *
strip_final_period (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  gsize n = strlen (copy);

  if (n > 0 && copy[n - 1] == '.')
    copy[n - 1] = '\0';

  return copy;
}

/* Removes the final period of a note, also inside a closing ”. */
static char *
dup_note_body (GString *note)
{
  const char *quote_end = "\xe2\x80\x9d";
  const char *period_quote = ".\xe2\x80\x9d";

  if (g_str_has_suffix (note->str, period_quote))
    {
      g_string_truncate (note, note->len - strlen (period_quote));
      g_string_append (note, quote_end);
      return g_strdup (note->str);
    }

  return strip_final_period (note->str);
}

/* The original work's note as the article gives it, shortened:
 * "Kim Min-jun, “Title,” …" becomes "Kim, “Title”". */
static char *
dup_via_short (const char *via_text)
{
  const char *open = strstr (via_text, "\xe2\x80\x9c");
  const char *comma = strchr (via_text, ',');
  g_autofree char *names = NULL;
  g_autofree char *authors = NULL;
  g_auto(GStrv) parts = NULL;

  if (open == NULL)
    {
      if (comma != NULL)
        return g_strstrip (g_strndup (via_text, comma - via_text));
      return strip_final_period (via_text);
    }

  {
    const char *title_start = open + strlen ("\xe2\x80\x9c");
    const char *close = strstr (title_start, "\xe2\x80\x9d");
    g_autofree char *title = NULL;
    g_autofree char *short_title = NULL;
    g_autofree char *names_part = NULL;
    GString *out;
    gsize len;

    if (close == NULL)
      return strip_final_period (via_text);

    title = g_strndup (title_start, close - title_start);
    len = strlen (title);
    while (len > 0 && (title[len - 1] == ',' || title[len - 1] == '.'))
      title[--len] = '\0';
    short_title = dup_short_title (title);

    names_part = g_strstrip (g_strndup (via_text, open - via_text));
    len = strlen (names_part);
    if (len > 0 && names_part[len - 1] == ',')
      names_part[--len] = '\0';

    if (*names_part != '\0')
      {
        g_autofree char *normalised = NULL;
        GRegex *separator = g_regex_new (",\\s*and\\s+|\\s+and\\s+|,\\s*", 0, 0, NULL);

        normalised = g_strstrip (g_strdup (names_part));
        parts = g_regex_split (separator, normalised, 0);
        g_regex_unref (separator);
        authors = dossier_format_author_list ((const char * const *)parts, TRUE);
      }

    out = g_string_new (NULL);
    if (authors != NULL)
      g_string_append_printf (out, "%s, ", authors);
    g_string_append_printf (out, "\xe2\x80\x9c%s\xe2\x80\x9d", short_title);
    return g_string_free (out, FALSE);
  }
}

/* Appends a comma or period, inside a closing quotation mark if the text
 * ends with one (American style, as Chicago uses). */
static void
append_punctuation (GString *out,
                    char     mark)
{
  const char *quote_end = "\xe2\x80\x9d";

  if (g_str_has_suffix (out->str, quote_end))
    {
      g_string_truncate (out, out->len - strlen (quote_end));
      if (!ends_with_terminal (out->str))
        g_string_append_c (out, mark);
      g_string_append (out, quote_end);
    }
  else if (!ends_with_terminal (out->str) || mark == ',')
    g_string_append_c (out, mark);
}

static char *
join_quoted_in (const char *original,
                const char *in)
{
  GString *out = g_string_new (original);

  append_punctuation (out, ',');
  g_string_append (out, " quoted in ");
  g_string_append (out, in);
  append_punctuation (out, '.');

  return g_string_free (out, FALSE);
}

/**
 * dossier_citation_format_full:
 *
 * The note for the first reference, Chicago notes-bibliography style:
 * `Bruce Klingner, “Interim Steps with North Korea,” The Heritage
 * Foundation, April 12, 2024, https://….` Missing authors, publisher, date
 * and URL are left out. A citation via the article's own note gives the
 * note's text "quoted in" the article's full note.
 *
 * Returns: (transfer full): the note text (plain text, no markup)
 */
char *
dossier_citation_format_full (DossierCitation *self)
{
  g_autoptr(GString) note = NULL;

  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);

  note = build_full (self);

  if (dossier_citation_is_quoted_in (self))
    {
      g_autofree char *via = strip_final_period (self->via_text);
      g_autofree char *in = dup_note_body (note);

      return join_quoted_in (via, in);
    }

  return g_strdup (note->str);
}

/**
 * dossier_citation_format_short:
 *
 * The note for later references: `Klingner, “Interim Steps with North
 * Korea.”` (family names, the title without its subtitle, the locator).
 *
 * Returns: (transfer full): the note text
 */
char *
dossier_citation_format_short (DossierCitation *self)
{
  g_autoptr(GString) note = NULL;

  g_return_val_if_fail (DOSSIER_IS_CITATION (self), NULL);

  note = build_short (self);

  if (dossier_citation_is_quoted_in (self))
    {
      g_autofree char *via = dup_via_short (self->via_text);
      g_autofree char *in = dup_note_body (note);

      return join_quoted_in (via, in);
    }

  return g_strdup (note->str);
}
