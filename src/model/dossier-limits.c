/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-limits"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dossier-limits.h"

G_DEFINE_QUARK (dossier-limit-error-quark, dossier_limit_error)

/**
 * dossier_limit_format_count:
 *
 * Returns: (transfer full): @count with its digits grouped ("62,914,560"),
 *   so a size in an error message can be read at a glance
 */
char *
dossier_limit_format_count (guint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  const char *separator = localeconv ()->thousands_sep;
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  /* The C locale has no separator; a number of eight digits needs one. */
  if (separator == NULL || *separator == '\0')
    separator = ",";

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * dossier_limit_format_size:
 *
 * Returns: (transfer full): a limit as it is documented: "4 KiB", "1 MiB"
 */
char *
dossier_limit_format_size (guint64 bytes)
{
  g_autofree char *count = NULL;

  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    /* Translators: a size limit; MiB is 1,048,576 bytes */
    return g_strdup_printf (_("%u MiB"), (guint) (bytes / (1024 * 1024)));
  if (bytes >= 1024 && bytes % 1024 == 0)
    /* Translators: a size limit; KiB is 1,024 bytes */
    return g_strdup_printf (_("%u KiB"), (guint) (bytes / 1024));

  count = dossier_limit_format_count (bytes);
  return g_strdup_printf (_("%s bytes"), count);
}

/**
 * dossier_limit_dup_too_long:
 * @what: the field, as the message should name it ("title",
 *   "paragraphs[3].text")
 *
 * Returns: (transfer full): "title is 62,914,560 bytes; at most 4 KiB is
 *   allowed"
 */
char *
dossier_limit_dup_too_long (const char *what,
                            gsize       length,
                            gsize       limit)
{
  g_autofree char *found = dossier_limit_format_count (length);
  g_autofree char *allowed = dossier_limit_format_size (limit);

  /* Translators: "title is 62,914,560 bytes; at most 4 KiB is allowed" */
  return g_strdup_printf (_("%s is %s bytes; at most %s is allowed"), what, found, allowed);
}

/**
 * dossier_limit_dup_too_many:
 * @what: what there are too many of ("paragraphs", "footnote markers in
 *   paragraph 3")
 *
 * Returns: (transfer full): "there are 100,001 paragraphs; at most
 *   100,000 are allowed"
 */
char *
dossier_limit_dup_too_many (const char *what,
                            guint64     count,
                            guint64     limit)
{
  g_autofree char *found = dossier_limit_format_count (count);
  g_autofree char *allowed = dossier_limit_format_count (limit);

  /* Translators: "there are 100,001 paragraphs; at most 100,000 are allowed" */
  return g_strdup_printf (_("there are %s %s; at most %s are allowed"), found, what, allowed);
}

/**
 * dossier_limit_check_text:
 * @what: the field, for the message
 * @text: (nullable): its value; %NULL is always within limits
 * @limit: the most bytes allowed
 *
 * Checks the length of @text and that it is UTF-8, which text from
 * outside (another program's library, a web page's metadata) may not be.
 *
 * Returns: %FALSE with @error set when @text is too long or not UTF-8
 */
gboolean
dossier_limit_check_text (const char  *what,
                          const char  *text,
                          gsize        limit,
                          GError     **error)
{
  gsize length;

  if (text == NULL)
    return TRUE;

  length = strlen (text);
  if (length > limit)
    {
      g_autofree char *message = dossier_limit_dup_too_long (what, length, limit);

      g_set_error_literal (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_LONG, message);
      return FALSE;
    }

  if (!g_utf8_validate_len (text, length, NULL))
    {
      /* Translators: "title is not valid UTF-8 text" */
      g_set_error (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_NOT_UTF8,
                   _("%s is not valid UTF-8 text"), what);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_limit_check_count:
 * @what: what is counted, for the message ("paragraphs")
 *
 * Returns: %FALSE with @error set when @count is over @limit
 */
gboolean
dossier_limit_check_count (const char  *what,
                           guint64      count,
                           guint64      limit,
                           GError     **error)
{
  g_autofree char *message = NULL;

  if (count <= limit)
    return TRUE;

  message = dossier_limit_dup_too_many (what, count, limit);
  g_set_error_literal (error, DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_MANY, message);
  return FALSE;
}

/**
 * dossier_limit_dup_not_shown:
 * @length: the length of a stored value that is over its limit
 *
 * What a list shows in place of a value too long to show, written by
 * another program: saying so, rather than cutting it short in silence.
 *
 * Returns: (transfer full): "(too long to show: 62,914,560 bytes)"
 */
char *
dossier_limit_dup_not_shown (gsize length)
{
  g_autofree char *count = dossier_limit_format_count (length);

  /* Translators: shown instead of a stored title or name that is far too long */
  return g_strdup_printf (_("(too long to show: %s bytes)"), count);
}

static char *
describe_key_point (guint position)
{
  /* Translators: %u is the number of a key point in the list */
  return g_strdup_printf (_("key point %u"), position);
}

static char *
describe_pull_quote (guint position)
{
  return g_strdup_printf (_("pull quote %u"), position);
}

static gboolean
check_strv (const char * const  *strv,
            const char          *count_what,
            guint                max_items,
            char              *(*describe) (guint position),
            gsize                max_bytes,
            GError             **error)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

  if (!dossier_limit_check_count (count_what, n, max_items, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *what = describe (i + 1);

      if (!dossier_limit_check_text (what, strv[i], max_bytes, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_paragraph (DossierParagraph  *paragraph,
                 guint              position,
                 GError           **error)
{
  g_autofree char *what = g_strdup_printf (_("paragraph %u"), position);
  g_autofree char *attribution = g_strdup_printf (_("attribution of paragraph %u"), position);
  g_autofree char *refs = g_strdup_printf (_("footnote markers in paragraph %u"), position);
  g_autofree char *label = g_strdup_printf (_("page label of paragraph %u"), position);
  g_autofree char *breaks = g_strdup_printf (_("page breaks in paragraph %u"), position);
  const DossierPageBreak *page_breaks;
  guint n_refs, n_breaks;

  dossier_paragraph_get_refs (paragraph, &n_refs);
  page_breaks = dossier_paragraph_get_page_breaks (paragraph, &n_breaks);

  if (!dossier_limit_check_text (what, dossier_paragraph_get_text (paragraph), DOSSIER_LIMIT_PARAGRAPH, error) ||
      !dossier_limit_check_text (attribution, dossier_paragraph_get_attribution (paragraph),
                                 DOSSIER_LIMIT_ATTRIBUTION, error) ||
      !dossier_limit_check_count (refs, n_refs, DOSSIER_LIMIT_FOOTNOTE_REFS, error) ||
      !dossier_limit_check_text (label, dossier_paragraph_get_page_label (paragraph),
                                 DOSSIER_LIMIT_PAGE_LABEL, error) ||
      !dossier_limit_check_count (breaks, n_breaks, DOSSIER_LIMIT_PAGE_BREAKS, error))
    return FALSE;

  for (guint i = 0; i < n_breaks; i++)
    if (!dossier_limit_check_text (label, page_breaks[i].label, DOSSIER_LIMIT_PAGE_LABEL, error))
      return FALSE;

  return TRUE;
}

static gboolean
check_footnote (DossierFootnote  *note,
                GError          **error)
{
  guint number = dossier_footnote_get_number (note);
  const char * const *urls = dossier_footnote_get_urls (note);
  g_autofree char *what = g_strdup_printf (_("footnote %u"), number);
  g_autofree char *count_what = g_strdup_printf (_("web addresses in footnote %u"), number);
  guint n_urls = urls != NULL ? g_strv_length ((char **) urls) : 0;

  /* The addresses first: a note is usually too long because of one. */
  if (!dossier_limit_check_count (count_what, n_urls, DOSSIER_LIMIT_FOOTNOTE_URLS, error))
    return FALSE;
  for (guint i = 0; i < n_urls; i++)
    {
      g_autofree char *url_what = g_strdup_printf (_("web address %u of footnote %u"), i + 1, number);

      if (!dossier_limit_check_text (url_what, urls[i], DOSSIER_LIMIT_URL, error))
        return FALSE;
    }

  return dossier_limit_check_text (what, dossier_footnote_get_text (note), DOSSIER_LIMIT_FOOTNOTE, error);
}

static gboolean
check_author (DossierAuthor  *author,
              guint           position,
              GError        **error)
{
  g_autofree char *name = g_strdup_printf (_("name of author %u"), position);
  g_autofree char *job = g_strdup_printf (_("position of author %u"), position);
  g_autofree char *affiliation = g_strdup_printf (_("affiliation of author %u"), position);
  g_autofree char *bio = g_strdup_printf (_("bio of author %u"), position);
  g_autofree char *family = g_strdup_printf (_("family name of author %u"), position);
  g_autofree char *given = g_strdup_printf (_("given names of author %u"), position);
  g_autofree char *particle = g_strdup_printf (_("name particle of author %u"), position);
  g_autofree char *suffix = g_strdup_printf (_("name suffix of author %u"), position);

  return dossier_limit_check_text (name, dossier_author_get_name (author), DOSSIER_LIMIT_AUTHOR_NAME, error) &&
         dossier_limit_check_text (family, dossier_author_get_family (author), DOSSIER_LIMIT_AUTHOR_NAME, error) &&
         dossier_limit_check_text (given, dossier_author_get_given (author), DOSSIER_LIMIT_AUTHOR_NAME, error) &&
         dossier_limit_check_text (particle, dossier_author_get_particle (author),
                                   DOSSIER_LIMIT_AUTHOR_NAME, error) &&
         dossier_limit_check_text (suffix, dossier_author_get_suffix (author), DOSSIER_LIMIT_AUTHOR_NAME, error) &&
         dossier_limit_check_text (job, dossier_author_get_position (author), DOSSIER_LIMIT_AUTHOR_POSITION, error) &&
         dossier_limit_check_text (affiliation, dossier_author_get_affiliation (author),
                                   DOSSIER_LIMIT_AUTHOR_AFFILIATION, error) &&
         dossier_limit_check_text (bio, dossier_author_get_bio (author), DOSSIER_LIMIT_AUTHOR_BIO, error);
}

/**
 * dossier_document_check_limits:
 *
 * Checks every field of @document against its limit (dossier-limits.h)
 * and that all its text is UTF-8. Called at the end of every import and
 * before the library stores a document, whatever produced it.
 *
 * Returns: %FALSE with a %DOSSIER_LIMIT_ERROR naming the field (and the
 *   paragraph, footnote or author) that is over its limit
 */
gboolean
dossier_document_check_limits (DossierDocument  *document,
                               GError          **error)
{
  GListModel *paragraphs, *footnotes, *authors;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), FALSE);

  if (!dossier_limit_check_text (_("title"), dossier_document_get_title (document), DOSSIER_LIMIT_TITLE, error) ||
      !dossier_limit_check_text (_("subtitle"), dossier_document_get_subtitle (document),
                                 DOSSIER_LIMIT_SUBTITLE, error) ||
      !dossier_limit_check_text (_("publisher"), dossier_document_get_publisher (document),
                                 DOSSIER_LIMIT_PUBLISHER, error) ||
      !dossier_limit_check_text (_("source URL"), dossier_document_get_source_url (document),
                                 DOSSIER_LIMIT_URL, error) ||
      !check_strv (dossier_document_get_key_points (document), _("key points"), DOSSIER_LIMIT_KEY_POINTS,
                   describe_key_point, DOSSIER_LIMIT_KEY_POINT, error) ||
      !check_strv (dossier_document_get_pull_quotes (document), _("pull quotes"), DOSSIER_LIMIT_PULL_QUOTES,
                   describe_pull_quote, DOSSIER_LIMIT_PULL_QUOTE, error))
    return FALSE;

  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    if (!dossier_limit_check_text (dossier_document_field_get_label (f), dossier_document_get_field (document, f),
                                   dossier_document_field_get_limit (f), error))
      return FALSE;

  paragraphs = dossier_document_get_paragraphs (document);
  n = g_list_model_get_n_items (paragraphs);
  if (!dossier_limit_check_count (_("paragraphs"), n, DOSSIER_LIMIT_PARAGRAPHS, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (!check_paragraph (paragraph, i + 1, error))
        return FALSE;
    }

  footnotes = dossier_document_get_footnotes (document);
  n = g_list_model_get_n_items (footnotes);
  if (!dossier_limit_check_count (_("footnotes"), n, DOSSIER_LIMIT_FOOTNOTES, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);

      if (!check_footnote (note, error))
        return FALSE;
    }

  authors = dossier_document_get_authors (document);
  n = g_list_model_get_n_items (authors);
  if (!dossier_limit_check_count (_("authors"), n, DOSSIER_LIMIT_AUTHORS, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      if (!check_author (author, i + 1, error))
        return FALSE;
    }

  return TRUE;
}
