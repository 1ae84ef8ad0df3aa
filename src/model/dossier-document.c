/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-document.h"
#include "dossier-limits.h"
#include "dossier-util.h"

/**
 * DossierDocument:
 *
 * An article in the analyst's library: bibliographic data, the summary
 * furniture think-tank pages carry (key points, pull quotes), the body as
 * paragraphs, the numbered footnotes and the authors. Collections are
 * #GListModel<!-- -->s so views bind to them directly.
 */
struct _DossierDocument
{
  GObject parent_instance;

  char *id;
  char *title;
  char *subtitle;
  char *publisher;
  /* YYYY, YYYY-MM or YYYY-MM-DD: "published" is it when it is a whole day. */
  char *issued;
  char *source_url;
  char *fields[DOSSIER_N_FIELDS];
  char **key_points;
  char **pull_quotes;
  gboolean reference_only;

  GListStore *paragraphs;
  GListStore *footnotes;
  GListStore *authors;
};

G_DEFINE_FINAL_TYPE (DossierDocument, dossier_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PUBLISHER,
  PROP_PUBLISHED,
  PROP_SOURCE_URL,
  PROP_KEY_POINTS,
  PROP_PULL_QUOTES,
  PROP_PARAGRAPHS,
  PROP_FOOTNOTES,
  PROP_AUTHORS,
  PROP_AUTHOR_NAMES,
  PROP_ISSUED,
  PROP_REFERENCE_ONLY,
  PROP_ITEM_TYPE,
  PROP_CONTAINER_TITLE,
  PROP_ACCESSED,
  PROP_DOI,
  PROP_VOLUME,
  PROP_ISSUE,
  PROP_PAGES,
  PROP_EDITION,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PROP_FOR_FIELD(field) (PROP_ITEM_TYPE + (field))
G_STATIC_ASSERT (PROP_PLACE - PROP_ITEM_TYPE + 1 == DOSSIER_N_FIELDS);

static const struct {
  const char *key;     /* the property, with '_' for '-': JSON member and library column */
  const char *label;   /* in words, for errors */
  gsize limit;
} field_info[DOSSIER_N_FIELDS] = {
  [DOSSIER_FIELD_ITEM_TYPE] = { "item_type", N_("item type"), DOSSIER_LIMIT_ITEM_TYPE },
  [DOSSIER_FIELD_CONTAINER_TITLE] = { "container_title", N_("container title"), DOSSIER_LIMIT_TITLE },
  [DOSSIER_FIELD_ACCESSED] = { "accessed", N_("accessed date"), DOSSIER_LIMIT_DATE },
  [DOSSIER_FIELD_DOI] = { "doi", N_("DOI"), DOSSIER_LIMIT_DOI },
  [DOSSIER_FIELD_VOLUME] = { "volume", N_("volume"), DOSSIER_LIMIT_NUMBERING },
  [DOSSIER_FIELD_ISSUE] = { "issue", N_("issue"), DOSSIER_LIMIT_NUMBERING },
  [DOSSIER_FIELD_PAGES] = { "pages", N_("pages"), DOSSIER_LIMIT_NUMBERING },
  [DOSSIER_FIELD_EDITION] = { "edition", N_("edition"), DOSSIER_LIMIT_NUMBERING },
  [DOSSIER_FIELD_PLACE] = { "place", N_("place of publication"), DOSSIER_LIMIT_PUBLISHER },
};

/* CSL 1.0.2's item types, so every writer can map the value it finds. */
static const char * const item_types[] = {
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
  "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
  "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
  "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
  "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
  "personal_communication", "post", "post-weblog", "regulation", "report", "review",
  "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
};

/**
 * dossier_is_valid_item_type:
 * @type: a CSL item type such as "report"
 *
 * Returns: whether @type is one of CSL's item types
 */
gboolean
dossier_is_valid_item_type (const char *type)
{
  if (type == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    if (g_str_equal (type, item_types[i]))
      return TRUE;
  return FALSE;
}

static void
set_string (DossierDocument  *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  /* Unknown metadata is NULL, never "", so "is it set?" has one answer. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (dossier_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
authors_changed_cb (DossierDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_NAMES]);
}

static void
dossier_document_dispose (GObject *object)
{
  DossierDocument *self = (DossierDocument *)object;

  g_clear_object (&self->paragraphs);
  g_clear_object (&self->footnotes);
  g_clear_object (&self->authors);

  G_OBJECT_CLASS (dossier_document_parent_class)->dispose (object);
}

static void
dossier_document_finalize (GObject *object)
{
  DossierDocument *self = (DossierDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->issued, g_free);
  for (guint i = 0; i < DOSSIER_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->key_points, g_strfreev);
  g_clear_pointer (&self->pull_quotes, g_strfreev);

  G_OBJECT_CLASS (dossier_document_parent_class)->finalize (object);
}

static void
dossier_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, dossier_document_get_published (self));
      break;
    case PROP_ISSUED:
      g_value_set_string (value, self->issued);
      break;
    case PROP_REFERENCE_ONLY:
      g_value_set_boolean (value, self->reference_only);
      break;
    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;
    case PROP_KEY_POINTS:
      g_value_set_boxed (value, self->key_points);
      break;
    case PROP_PULL_QUOTES:
      g_value_set_boxed (value, self->pull_quotes);
      break;
    case PROP_PARAGRAPHS:
      g_value_set_object (value, self->paragraphs);
      break;
    case PROP_FOOTNOTES:
      g_value_set_object (value, self->footnotes);
      break;
    case PROP_AUTHORS:
      g_value_set_object (value, self->authors);
      break;
    case PROP_AUTHOR_NAMES:
      g_value_take_string (value, dossier_document_dup_author_names (self));
      break;
    default:
      if (prop_id >= PROP_ITEM_TYPE && prop_id <= PROP_PLACE)
        g_value_set_string (value, self->fields[prop_id - PROP_ITEM_TYPE]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      dossier_document_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      dossier_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      dossier_document_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHER:
      dossier_document_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      dossier_document_set_published (self, g_value_get_string (value));
      break;
    case PROP_ISSUED:
      dossier_document_set_issued (self, g_value_get_string (value));
      break;
    case PROP_REFERENCE_ONLY:
      dossier_document_set_reference_only (self, g_value_get_boolean (value));
      break;

    case PROP_SOURCE_URL:
      dossier_document_set_source_url (self, g_value_get_string (value));
      break;
    case PROP_KEY_POINTS:
      dossier_document_set_key_points (self, g_value_get_boxed (value));
      break;
    case PROP_PULL_QUOTES:
      dossier_document_set_pull_quotes (self, g_value_get_boxed (value));
      break;
    default:
      if (prop_id >= PROP_ITEM_TYPE && prop_id <= PROP_PLACE)
        dossier_document_set_field (self, prop_id - PROP_ITEM_TYPE, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_class_init (DossierDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dossier_document_dispose;
  object_class->finalize = dossier_document_finalize;
  object_class->get_property = dossier_document_get_property;
  object_class->set_property = dossier_document_set_property;

  /* The library's identifier once the document is stored, else NULL. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, rw);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, rw);
  /* An ISO 8601 calendar date, YYYY-MM-DD, or NULL when unknown. */
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE_URL] = g_param_spec_string ("source-url", NULL, NULL, NULL, rw);
  properties[PROP_KEY_POINTS] = g_param_spec_boxed ("key-points", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PULL_QUOTES] = g_param_spec_boxed ("pull-quotes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PARAGRAPHS] = g_param_spec_object ("paragraphs", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_FOOTNOTES] = g_param_spec_object ("footnotes", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_AUTHORS] = g_param_spec_object ("authors", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_AUTHOR_NAMES] = g_param_spec_string ("author-names", NULL, NULL, NULL, ro);
  /* The publication date as precisely as the source gives it: YYYY,
   * YYYY-MM or YYYY-MM-DD ("published" is only ever a whole day). */
  properties[PROP_ISSUED] = g_param_spec_string ("issued", NULL, NULL, NULL, rw);
  /* See dossier_document_get_reference_only(). */
  properties[PROP_REFERENCE_ONLY] = g_param_spec_boolean ("reference-only", NULL, NULL, FALSE, rw);
  for (guint i = 0; i < DOSSIER_N_FIELDS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (field_info[i].key), "_", '-');

      properties[PROP_FOR_FIELD (i)] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                                            rw);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_document_init (DossierDocument *self)
{
  self->key_points = g_new0 (char *, 1);
  self->pull_quotes = g_new0 (char *, 1);
  self->paragraphs = g_list_store_new (DOSSIER_TYPE_PARAGRAPH);
  self->footnotes = g_list_store_new (DOSSIER_TYPE_FOOTNOTE);
  self->authors = g_list_store_new (DOSSIER_TYPE_AUTHOR);

  g_signal_connect_object (self->authors, "items-changed",
                           G_CALLBACK (authors_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

DossierDocument *
dossier_document_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT, NULL);
}

const char *
dossier_document_get_id (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->id;
}

void
dossier_document_set_id (DossierDocument *self,
                         const char      *id)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  set_string (self, &self->id, id, PROP_ID);
}

const char *
dossier_document_get_title (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
dossier_document_set_title (DossierDocument *self,
                            const char      *title)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
dossier_document_get_subtitle (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->subtitle;
}

void
dossier_document_set_subtitle (DossierDocument *self,
                               const char      *subtitle)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  set_string (self, &self->subtitle, subtitle, PROP_SUBTITLE);
}

const char *
dossier_document_get_publisher (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->publisher;
}

void
dossier_document_set_publisher (DossierDocument *self,
                                const char      *publisher)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  set_string (self, &self->publisher, publisher, PROP_PUBLISHER);
}

/**
 * dossier_is_valid_iso_date:
 * @iso_date: a string such as "2024-04-12"
 *
 * Returns: whether @iso_date is exactly YYYY-MM-DD and a real calendar day
 */
gboolean
dossier_is_valid_iso_date (const char *iso_date)
{
  guint year, month, day;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

  if (sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

/**
 * dossier_is_valid_partial_date:
 * @date: a string such as "2024", "2024-04" or "2024-04-12"
 *
 * Reference managers keep dates a source gives only to the year or the
 * month ("Spring 2019" is 2019); a year before 1000 is written with four
 * digits as ISO 8601 does.
 *
 * Returns: whether @date is YYYY, YYYY-MM (a real month) or a valid YYYY-MM-DD
 */
gboolean
dossier_is_valid_partial_date (const char *date)
{
  gsize length;

  if (date == NULL)
    return FALSE;

  length = strlen (date);
  if (length == 10)
    return dossier_is_valid_iso_date (date);
  if (length != 4 && length != 7)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (date[i]))
      return FALSE;
  if (g_str_has_prefix (date, "0000"))
    return FALSE;
  if (length == 4)
    return TRUE;

  return date[4] == '-' && g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]) &&
         (date[5] - '0') * 10 + (date[6] - '0') >= 1 && (date[5] - '0') * 10 + (date[6] - '0') <= 12;
}

/**
 * dossier_document_get_published:
 *
 * Returns: (nullable): the publication date when the source gives the
 *   day, YYYY-MM-DD; %NULL when it is unknown or known only to the month
 *   or year (see dossier_document_get_issued())
 */
const char *
dossier_document_get_published (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->issued != NULL && strlen (self->issued) == 10 ? self->issued : NULL;
}

static void
take_issued (DossierDocument *self,
             const char      *date)
{
  const char *old_published = dossier_document_get_published (self);
  gboolean published_changed;

  if (date != NULL && *date == '\0')
    date = NULL;

  published_changed = g_strcmp0 (old_published, (date != NULL && strlen (date) == 10) ? date : NULL) != 0;
  if (!dossier_set_str (&self->issued, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUED]);
  if (published_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

/**
 * dossier_document_set_published:
 * @iso_date: (nullable): YYYY-MM-DD, or %NULL when unknown
 *
 * Returns: %FALSE, leaving the date unchanged, when @iso_date is not a valid
 *   calendar date
 */
gboolean
dossier_document_set_published (DossierDocument *self,
                                const char      *iso_date)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  if (iso_date != NULL && *iso_date != '\0' && !dossier_is_valid_iso_date (iso_date))
    return FALSE;

  take_issued (self, iso_date);
  return TRUE;
}

/**
 * dossier_document_get_issued:
 *
 * Returns: (nullable): the publication date as precisely as it is known:
 *   YYYY, YYYY-MM or YYYY-MM-DD
 */
const char *
dossier_document_get_issued (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->issued;
}

/**
 * dossier_document_set_issued:
 * @partial_date: (nullable): YYYY, YYYY-MM or YYYY-MM-DD, or %NULL
 *
 * Returns: %FALSE, leaving the date unchanged, when @partial_date is none
 *   of those
 */
gboolean
dossier_document_set_issued (DossierDocument *self,
                             const char      *partial_date)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);

  if (partial_date != NULL && *partial_date != '\0' && !dossier_is_valid_partial_date (partial_date))
    return FALSE;

  take_issued (self, partial_date);
  return TRUE;
}

const char *
dossier_document_get_field (DossierDocument      *self,
                            DossierDocumentField  field)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (field < DOSSIER_N_FIELDS, NULL);

  return self->fields[field];
}

/**
 * dossier_document_set_field:
 * @value: (nullable): the new value; %NULL or "" when unknown
 *
 * Returns: %FALSE, leaving the field unchanged, when @value is not a CSL
 *   item type (%DOSSIER_FIELD_ITEM_TYPE) or not a date
 *   (%DOSSIER_FIELD_ACCESSED, see dossier_is_valid_partial_date())
 */
gboolean
dossier_document_set_field (DossierDocument      *self,
                            DossierDocumentField  field,
                            const char           *value)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field < DOSSIER_N_FIELDS, FALSE);

  if (value != NULL && *value != '\0')
    {
      if (field == DOSSIER_FIELD_ITEM_TYPE && !dossier_is_valid_item_type (value))
        return FALSE;
      if (field == DOSSIER_FIELD_ACCESSED && !dossier_is_valid_partial_date (value))
        return FALSE;
    }

  set_string (self, &self->fields[field], value, PROP_FOR_FIELD (field));
  return TRUE;
}

/**
 * dossier_document_field_get_key:
 *
 * Returns: the field's name in the `dossier-document` format and the
 *   library ("container_title"); the property is the same with '-'
 */
const char *
dossier_document_field_get_key (DossierDocumentField field)
{
  g_return_val_if_fail (field < DOSSIER_N_FIELDS, NULL);
  return field_info[field].key;
}

/**
 * dossier_document_field_get_label:
 *
 * Returns: the field's name in words, translated, for messages
 */
const char *
dossier_document_field_get_label (DossierDocumentField field)
{
  g_return_val_if_fail (field < DOSSIER_N_FIELDS, NULL);
  return _(field_info[field].label);
}

gsize
dossier_document_field_get_limit (DossierDocumentField field)
{
  g_return_val_if_fail (field < DOSSIER_N_FIELDS, 0);
  return field_info[field].limit;
}

/**
 * dossier_document_dup_metadata:
 *
 * Returns: (transfer full): a new document with @self's id, bibliographic
 *   fields and authors, without its text
 */
DossierDocument *
dossier_document_dup_metadata (DossierDocument *self)
{
  DossierDocument *copy;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  copy = dossier_document_new ();
  dossier_document_set_id (copy, self->id);
  dossier_document_set_title (copy, self->title);
  dossier_document_set_subtitle (copy, self->subtitle);
  dossier_document_set_publisher (copy, self->publisher);
  dossier_document_set_issued (copy, self->issued);
  dossier_document_set_source_url (copy, self->source_url);
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    dossier_document_set_field (copy, f, self->fields[f]);
  dossier_document_set_reference_only (copy, dossier_document_get_reference_only (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (G_LIST_MODEL (self->authors), i);
      g_autoptr(DossierAuthor) author_copy = dossier_author_copy (author);

      dossier_document_add_author (copy, author_copy);
    }
  return copy;
}

/**
 * dossier_document_get_reference_only:
 *
 * Whether the library holds no text for this entry: a reference imported
 * from a reference manager, which memos can cite. The library's list
 * holds lightweight copies without paragraphs, so the store says it on
 * every document it reads; a document not read from a library says
 * %FALSE (ask dossier_document_has_text() for one being imported).
 *
 * Returns: whether @self is known to be a reference without text
 */
gboolean
dossier_document_get_reference_only (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  return self->reference_only;
}

void
dossier_document_set_reference_only (DossierDocument *self,
                                     gboolean         reference_only)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  reference_only = !!reference_only;
  if (self->reference_only == reference_only)
    return;
  self->reference_only = reference_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_ONLY]);
}

/**
 * dossier_document_has_text:
 *
 * A document imported from a reference manager may be a reference only:
 * its metadata, without the article's text. It is stored, listed and
 * cited as any other; the reader says that it has no text.
 *
 * Returns: whether @self has at least one paragraph
 */
gboolean
dossier_document_has_text (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), FALSE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs)) > 0;
}

/**
 * dossier_document_dup_published_date:
 *
 * Returns: (transfer full) (nullable): the publication date, for sorting and
 *   display in the user's locale
 */
GDate *
dossier_document_dup_published_date (DossierDocument *self)
{
  guint year, month, day;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  if (dossier_document_get_published (self) == NULL ||
      sscanf (self->issued, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  return g_date_new_dmy (day, month, year);
}

const char *
dossier_document_get_source_url (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->source_url;
}

void
dossier_document_set_source_url (DossierDocument *self,
                                 const char      *source_url)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  set_string (self, &self->source_url, source_url, PROP_SOURCE_URL);
}

const char * const *
dossier_document_get_key_points (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return (const char * const *)self->key_points;
}

void
dossier_document_set_key_points (DossierDocument    *self,
                                 const char * const *key_points)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (dossier_set_strv (&self->key_points, key_points ? key_points : empty))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_POINTS]);
}

const char * const *
dossier_document_get_pull_quotes (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return (const char * const *)self->pull_quotes;
}

void
dossier_document_set_pull_quotes (DossierDocument    *self,
                                  const char * const *pull_quotes)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (dossier_set_strv (&self->pull_quotes, pull_quotes ? pull_quotes : empty))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PULL_QUOTES]);
}

/**
 * dossier_document_get_paragraphs:
 *
 * Returns: (transfer none): a #GListModel of #DossierParagraph
 */
GListModel *
dossier_document_get_paragraphs (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->paragraphs);
}

/**
 * dossier_document_get_footnotes:
 *
 * Returns: (transfer none): a #GListModel of #DossierFootnote
 */
GListModel *
dossier_document_get_footnotes (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->footnotes);
}

/**
 * dossier_document_get_authors:
 *
 * Returns: (transfer none): a #GListModel of #DossierAuthor
 */
GListModel *
dossier_document_get_authors (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->authors);
}

void
dossier_document_add_paragraph (DossierDocument  *self,
                                DossierParagraph *paragraph)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (paragraph));

  g_list_store_append (self->paragraphs, paragraph);
}

void
dossier_document_add_footnote (DossierDocument *self,
                               DossierFootnote *footnote)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_FOOTNOTE (footnote));

  g_list_store_append (self->footnotes, footnote);
}

void
dossier_document_add_author (DossierDocument *self,
                             DossierAuthor   *author)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (DOSSIER_IS_AUTHOR (author));

  g_list_store_append (self->authors, author);
}

void
dossier_document_remove_all_authors (DossierDocument *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  g_list_store_remove_all (self->authors);
}

/**
 * dossier_document_lookup_footnote:
 * @number: a footnote number as printed
 *
 * Returns: (transfer none) (nullable): the note, or %NULL if there is none
 */
DossierFootnote *
dossier_document_lookup_footnote (DossierDocument *self,
                                  guint            number)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->footnotes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (G_LIST_MODEL (self->footnotes), i);

      if (dossier_footnote_get_number (note) == number)
        return note;  /* the store still holds a reference */
    }

  return NULL;
}

/**
 * dossier_document_dup_author_names:
 *
 * Returns: (transfer full) (nullable): the authors' names as a reader would
 *   say them ("A", "A and B", "A, B and C"), or %NULL when there are none
 */
char *
dossier_document_dup_author_names (DossierDocument *self)
{
  g_autoptr(GString) names = NULL;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  if (n == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (G_LIST_MODEL (self->authors), i);

      if (i > 0 && i == n - 1)
        /* Translators: joins the last two author names: "Lee and Klingner" */
        g_string_append (names, _(" and "));
      else if (i > 0)
        g_string_append (names, ", ");

      g_string_append (names, dossier_author_get_name (author) ?: "");
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
