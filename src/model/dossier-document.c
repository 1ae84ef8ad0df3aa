/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-document.h"
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
  char *published;
  char *source_url;
  char **key_points;
  char **pull_quotes;

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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_clear_pointer (&self->published, g_free);
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
      g_value_set_string (value, self->published);
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

const char *
dossier_document_get_published (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->published;
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

  set_string (self, &self->published, iso_date, PROP_PUBLISHED);
  return TRUE;
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

  if (self->published == NULL ||
      sscanf (self->published, "%4u-%2u-%2u", &year, &month, &day) != 3)
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
