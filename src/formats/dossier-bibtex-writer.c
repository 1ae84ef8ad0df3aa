/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-bibtex.h"

/*
 * Writing BibTeX / BibLaTeX: UTF-8 text (biber, BibLaTeX and JabRef read
 * it; classic BibTeX passes it through), with LaTeX's special characters
 * escaped, capitals in titles protected by braces so styles that lowercase
 * titles keep "North Korea", and both BibTeX's year/month and BibLaTeX's
 * date, so either reads the date as precisely as it is known.
 */

static const struct { const char *csl; const char *bibtex; } types[] = {
  { "article-journal", "article" },
  { "article-magazine", "article" },
  { "article-newspaper", "article" },
  { "book", "book" },
  { "chapter", "incollection" },
  { "report", "techreport" },
  { "thesis", "phdthesis" },
  { "paper-conference", "inproceedings" },
  { "manuscript", "unpublished" },
  { "pamphlet", "booklet" },
};

static const char *
bibtex_type (const char *csl)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].csl, csl))
      return types[i].bibtex;
  return "misc";
}

/**
 * dossier_bibtex_csl_type:
 * @type: a BibTeX or BibLaTeX entry type, lower case
 * @has_url: whether the entry has a web address
 *
 * Returns: the CSL type an entry of @type is read as
 */
const char *
dossier_bibtex_csl_type (const char *type,
                         gboolean    has_url)
{
  static const struct { const char *bibtex; const char *csl; } more[] = {
    { "online", "webpage" }, { "www", "webpage" }, { "electronic", "webpage" },
    { "report", "report" }, { "thesis", "thesis" }, { "mastersthesis", "thesis" },
    { "conference", "paper-conference" }, { "inbook", "chapter" }, { "collection", "book" },
    { "proceedings", "book" }, { "periodical", "periodical" }, { "dataset", "dataset" },
    { "software", "software" }, { "patent", "patent" }, { "manual", "report" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].bibtex, type))
      return types[i].csl;
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    if (g_str_equal (more[i].bibtex, type))
      return more[i].csl;
  return has_url ? "webpage" : "document";
}

/**
 * dossier_bibtex_escape:
 * @protect_capitals: brace each word with a capital after the title's
 *   first letter ("The {Korean} {Peninsula}")
 *
 * Returns: (transfer full): @text for a braced BibTeX field: the ten
 *   characters LaTeX treats specially escaped, the rest as UTF-8
 */
char *
dossier_bibtex_escape (const char *text,
                       gboolean    protect_capitals)
{
  GString *out = g_string_new (NULL);
  gboolean first_letter_seen = FALSE;

  for (const char *word = text; word != NULL && *word != '\0';)
    {
      const char *end = word;
      gboolean protect = FALSE;
      gboolean is_space = g_unichar_isspace (g_utf8_get_char (word));

      /* One run of spaces or one word. */
      while (*end != '\0' && g_unichar_isspace (g_utf8_get_char (end)) == is_space)
        {
          gunichar c = g_utf8_get_char (end);

          if (!is_space && g_unichar_isupper (c) && first_letter_seen)
            protect = TRUE;
          if (!is_space && g_unichar_isalpha (c))
            first_letter_seen = TRUE;
          end = g_utf8_next_char (end);
        }

      protect = protect && protect_capitals;
      if (protect)
        g_string_append_c (out, '{');
      for (const char *p = word; p < end; p++)
        {
          switch (*p)
            {
            case '&': case '%': case '$': case '#': case '_': case '{': case '}':
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
              break;
            case '~':
              g_string_append (out, "\\textasciitilde{}");
              break;
            case '^':
              g_string_append (out, "\\textasciicircum{}");
              break;
            case '\\':
              g_string_append (out, "\\textbackslash{}");
              break;
            case '\n': case '\r': case '\t':
              g_string_append_c (out, ' ');
              break;
            default:
              g_string_append_c (out, *p);
            }
        }
      if (protect)
        g_string_append_c (out, '}');
      word = end;
    }

  return g_string_free (out, FALSE);
}

static void
add_field (GString    *out,
           const char *name,
           const char *value,
           gboolean    protect_capitals)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = dossier_bibtex_escape (value, protect_capitals);
  g_string_append_printf (out, ",\n  %s = {%s}", name, escaped);
}

/* A web address or DOI is written as it is (the url package reads it
 * verbatim); braces, which would end the field, are percent-encoded. */
static void
add_verbatim (GString    *out,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ",\n  %s = {", name);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '{')
        g_string_append (out, "%7B");
      else if (*p == '}')
        g_string_append (out, "%7D");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '}');
}

static void
add_names (GString         *out,
           DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);

  if (n == 0)
    return;
  g_string_append (out, ",\n  author = {");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      if (i > 0)
        g_string_append (out, " and ");

      if (dossier_author_get_organisation (author) || !dossier_author_has_parts (author))
        {
          /* Braced whole: BibTeX then never splits "World Bank" into a
           * family name "Bank", nor a name it was never given the parts of. */
          g_autofree char *name = dossier_bibtex_escape (dossier_author_get_name (author), FALSE);
          g_string_append_printf (out, "{%s}", name);
        }
      else
        {
          /* "von Last, Jr, First": the form that keeps every part. */
          g_autofree char *particle = dossier_bibtex_escape (dossier_author_get_particle (author), FALSE);
          g_autofree char *family = dossier_bibtex_escape (dossier_author_get_family (author), FALSE);
          g_autofree char *suffix = dossier_bibtex_escape (dossier_author_get_suffix (author), FALSE);
          g_autofree char *given = dossier_bibtex_escape (dossier_author_get_given (author), FALSE);

          if (*particle != '\0')
            g_string_append_printf (out, "%s ", particle);
          /* A family name of several words ("Lloyd George") is one part. */
          if (strchr (family, ' ') != NULL)
            g_string_append_printf (out, "{%s}", family);
          else
            g_string_append (out, family);
          if (*suffix != '\0')
            g_string_append_printf (out, ", %s", suffix);
          if (*given != '\0' || *suffix != '\0')
            g_string_append_printf (out, ", %s", given);
        }
    }
  g_string_append_c (out, '}');
}

static void
add_date (GString    *out,
          const char *issued)
{
  static const char * const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
  guint year = 0, month = 0, day = 0;
  int n;

  if (issued == NULL)
    return;
  n = sscanf (issued, "%4u-%2u-%2u", &year, &month, &day);
  g_string_append_printf (out, ",\n  year = {%04u}", year);
  if (n >= 2 && month >= 1 && month <= 12)
    g_string_append_printf (out, ",\n  month = %s", months[month - 1]);
  g_string_append_printf (out, ",\n  date = {%s}", issued);
}

/**
 * dossier_bibtex_write:
 * @documents: (element-type DossierDocument): what to write
 *
 * Returns: (transfer full): the documents as a BibTeX file, UTF-8
 */
char *
dossier_bibtex_write (GPtrArray *documents,
                      gsize     *length)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = documents->pdata[i];
      g_autofree char *key = dossier_reference_make_key (document, keys);
      const char *csl = dossier_reference_default_type (document);
      const char *type = bibtex_type (csl);
      const char *container = dossier_document_get_field (document, DOSSIER_FIELD_CONTAINER_TITLE);
      const char *pages = dossier_document_get_field (document, DOSSIER_FIELD_PAGES);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "@%s{%s", type, key);
      add_field (out, "title", dossier_document_get_title (document), TRUE);
      add_field (out, "subtitle", dossier_document_get_subtitle (document), TRUE);
      add_names (out, document);
      if (g_str_equal (type, "article"))
        add_field (out, "journal", container, FALSE);
      else if (g_str_equal (type, "incollection") || g_str_equal (type, "inproceedings"))
        add_field (out, "booktitle", container, TRUE);
      else
        add_field (out, "howpublished", container, FALSE);
      /* BibTeX calls a report's publisher its institution. */
      add_field (out, g_str_equal (type, "techreport") ? "institution" : "publisher",
                 dossier_document_get_publisher (document), FALSE);
      add_field (out, "address", dossier_document_get_field (document, DOSSIER_FIELD_PLACE), FALSE);
      add_field (out, "edition", dossier_document_get_field (document, DOSSIER_FIELD_EDITION), FALSE);
      add_field (out, "volume", dossier_document_get_field (document, DOSSIER_FIELD_VOLUME), FALSE);
      add_field (out, "number", dossier_document_get_field (document, DOSSIER_FIELD_ISSUE), FALSE);
      if (pages != NULL)
        {
          g_autoptr(GString) dashed = g_string_new (pages);
          g_string_replace (dashed, "–", "--", 0);
          add_field (out, "pages", dashed->str, FALSE);
        }
      add_date (out, dossier_document_get_issued (document));
      add_verbatim (out, "doi", dossier_document_get_field (document, DOSSIER_FIELD_DOI));
      add_verbatim (out, "url", dossier_document_get_source_url (document));
      add_verbatim (out, "urldate", dossier_document_get_field (document, DOSSIER_FIELD_ACCESSED));
      /* The CSL type where BibTeX's few types cannot say it (a magazine
       * article, a blog post); Dossier reads it back, others ignore it. */
      if (!g_str_equal (csl, dossier_bibtex_csl_type (type, dossier_document_get_source_url (document) != NULL)))
        add_verbatim (out, "entrysubtype", csl);
      g_string_append (out, "\n}\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
