/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-footnote"

#include "dossier-footnote.h"
#include "dossier-util.h"

#include <string.h>

/**
 * DossierFootnote:
 *
 * One numbered note of a document: the citation text as the article gave it
 * and the web addresses found in it, so views can offer them as links and the
 * comparison can match sources by URL.
 */
struct _DossierFootnote
{
  GObject parent_instance;

  guint number;
  char *text;
  char **urls;
};

G_DEFINE_FINAL_TYPE (DossierFootnote, dossier_footnote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TEXT,
  PROP_URLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_footnote_finalize (GObject *object)
{
  DossierFootnote *self = (DossierFootnote *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->urls, g_strfreev);

  G_OBJECT_CLASS (dossier_footnote_parent_class)->finalize (object);
}

static void
dossier_footnote_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierFootnote *self = DOSSIER_FOOTNOTE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_URLS:
      g_value_set_boxed (value, self->urls);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_footnote_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierFootnote *self = DOSSIER_FOOTNOTE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      dossier_footnote_set_number (self, g_value_get_uint (value));
      break;
    case PROP_TEXT:
      dossier_footnote_set_text (self, g_value_get_string (value));
      break;
    case PROP_URLS:
      dossier_footnote_set_urls (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_footnote_class_init (DossierFootnoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_footnote_finalize;
  object_class->get_property = dossier_footnote_get_property;
  object_class->set_property = dossier_footnote_set_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_URLS] = g_param_spec_boxed ("urls", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_footnote_init (DossierFootnote *self)
{
  self->urls = g_new0 (char *, 1);
}

/**
 * dossier_footnote_new:
 * @number: the note's number as printed in the article
 * @text: the citation
 *
 * Creates a note whose URLs are those found in @text.
 */
DossierFootnote *
dossier_footnote_new (guint       number,
                      const char *text)
{
  g_auto(GStrv) urls = dossier_footnote_extract_urls (text);

  return g_object_new (DOSSIER_TYPE_FOOTNOTE,
                       "number", number,
                       "text", text,
                       "urls", urls,
                       NULL);
}

guint
dossier_footnote_get_number (DossierFootnote *self)
{
  g_return_val_if_fail (DOSSIER_IS_FOOTNOTE (self), 0);
  return self->number;
}

void
dossier_footnote_set_number (DossierFootnote *self,
                             guint            number)
{
  g_return_if_fail (DOSSIER_IS_FOOTNOTE (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
dossier_footnote_get_text (DossierFootnote *self)
{
  g_return_val_if_fail (DOSSIER_IS_FOOTNOTE (self), NULL);
  return self->text;
}

void
dossier_footnote_set_text (DossierFootnote *self,
                           const char      *text)
{
  g_return_if_fail (DOSSIER_IS_FOOTNOTE (self));

  if (dossier_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * dossier_footnote_get_urls:
 *
 * Returns: (transfer none): the note's web addresses, never %NULL
 */
const char * const *
dossier_footnote_get_urls (DossierFootnote *self)
{
  g_return_val_if_fail (DOSSIER_IS_FOOTNOTE (self), NULL);
  return (const char * const *)self->urls;
}

void
dossier_footnote_set_urls (DossierFootnote    *self,
                           const char * const *urls)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DOSSIER_IS_FOOTNOTE (self));

  if (urls == NULL)
    urls = empty;

  if (dossier_set_strv (&self->urls, urls))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URLS]);
}

static gboolean
is_url_char (gunichar c)
{
  return !g_unichar_isspace (c) && c != '<' && c != '>' && c != '"' &&
         c != 0x201C && c != 0x201D && c != 0x2018 && c != 0x2019;
}

/* Citations end their URL with the sentence's full stop or a closing
 * bracket that belongs to the prose, not to the address. Only closing
 * characters are cut, so whether the address opens a bracket is looked up
 * once: per character, a million ")" took minutes. */
static void
trim_url_tail (GString *url)
{
  gboolean has_paren = strchr (url->str, '(') != NULL;
  gboolean has_bracket = strchr (url->str, '[') != NULL;

  while (url->len > 0)
    {
      char last = url->str[url->len - 1];

      if (strchr (".,;:!?'", last) != NULL)
        g_string_truncate (url, url->len - 1);
      else if (last == ')' && !has_paren)
        g_string_truncate (url, url->len - 1);
      else if (last == ']' && !has_bracket)
        g_string_truncate (url, url->len - 1);
      else
        break;
    }
}

/**
 * dossier_footnote_extract_urls:
 * @text: (nullable): citation text
 *
 * Finds the http and https addresses in @text, in order, without duplicates.
 *
 * Returns: (transfer full): a %NULL-terminated array, possibly empty
 */
char **
dossier_footnote_extract_urls (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;
  const char *end = text != NULL ? text + strlen (text) : NULL;

  /* Each search reads only up to the next "h": searching for "http://"
   * and "https://" apart read the rest of the text twice per address,
   * and strstr() measures the whole rest under AddressSanitizer. */
  while (p != NULL && p < end && (p = memchr (p, 'h', end - p)) != NULL)
    {
      const char *start = p;

      if (!((end - p >= 7 && memcmp (p, "http://", 7) == 0) ||
            (end - p >= 8 && memcmp (p, "https://", 8) == 0)))
        {
          p++;
          continue;
        }

      {
        g_autoptr(GString) url = g_string_new (NULL);
        const char *q = start;

        while (q < end && is_url_char (g_utf8_get_char (q)))
          {
            const char *next = g_utf8_next_char (q);
            g_string_append_len (url, q, next - q);
            q = next;
          }

        trim_url_tail (url);

        if (url->len > strlen ("https://") && !g_hash_table_contains (seen, url->str))
          {
            g_hash_table_add (seen, g_strdup (url->str));
            g_strv_builder_add (builder, url->str);
          }

        p = q;
      }
    }

  return g_strv_builder_end (builder);
}
