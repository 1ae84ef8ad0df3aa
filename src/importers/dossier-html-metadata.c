/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-html-importer.h"
#include "dossier-html-private.h"
#include "dossier-import.h"
#include "dossier-jsonld.h"
#include "dossier-text-decode.h"
#include "dossier-text-importer.h"
#include "model/dossier-util.h"

/* Metadata of a web page: JSON-LD, meta tags, the visible byline, dek and
 * date, author cards, key points and pull quotes. See docs/import.md. */


/* Collapses space in an attribute value; NULL when nothing is left. */
char *
dossier_html_clean_value (const char *value)
{
  GString *out;
  gboolean pending = FALSE;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  dossier_html_append_collapsed (out, &pending, value);
  if (out->len == 0 || out->len > 2000)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* The content of <meta name|property="…">, case-insensitively. */
static GPtrArray *
meta_values (Importer   *self,
             const char *name)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  xmlXPathObjectPtr result = dossier_html_select_elements (self, dossier_html_filter_meta);
  g_autofree char *wanted = g_ascii_strdown (name, -1);

  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *meta = dossier_html_nodeset_item (result, i);
      g_autofree char *key = dossier_html_get_attr (meta, "name");
      g_autofree char *property = dossier_html_get_attr (meta, "property");
      g_autofree char *itemprop = dossier_html_get_attr (meta, "itemprop");

      if ((key != NULL && g_ascii_strcasecmp (g_strstrip (key), wanted) == 0) ||
          (property != NULL && g_ascii_strcasecmp (g_strstrip (property), wanted) == 0) ||
          (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), wanted) == 0))
        {
          g_autofree char *content = dossier_html_get_attr (meta, "content");
          char *value = dossier_html_clean_value (content);

          if (value != NULL)
            g_ptr_array_add (values, value);
        }
    }

  xmlXPathFreeObject (result);
  return g_steal_pointer (&values);
}

static char *
meta_value (Importer   *self,
            const char *name)
{
  g_autoptr(GPtrArray) values = meta_values (self, name);

  return values->len > 0 ? g_strdup (g_ptr_array_index (values, 0)) : NULL;
}

/**
 * dossier_html_normalize_date:
 * Accepts ISO dates and date-times, "2024/04/12", "2024.04.12",
 * "2024년 4월 12일" and whatever dossier_parse_date() reads.
 */
char *
dossier_html_normalize_date (const char *text)
{
  static GRegex *numeric = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *clean = NULL;

  dossier_regex_once (&numeric, "(\\d{4})\\s*(?:[-/.]|년)\\s*(\\d{1,2})\\s*(?:[-/.]|월)\\s*(\\d{1,2})",
                                G_REGEX_OPTIMIZE);

  if (text == NULL)
    return NULL;

  clean = dossier_html_clean_value (text);
  if (clean == NULL || strlen (clean) > 120)
    return NULL;

  if (g_regex_match (numeric, clean, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", atoi (y), atoi (m), atoi (d));

      if (dossier_is_valid_iso_date (iso))
        return g_steal_pointer (&iso);
    }

  {
    g_autofree char *parsed = dossier_parse_date (clean);

    if (parsed != NULL)
      return g_steal_pointer (&parsed);
  }

  /* "Published on April 12, 2024 at 9:00", "April 12, 2024 | Commentary" */
  {
    static GRegex *embedded = NULL;
    g_autoptr(GMatchInfo) embedded_match = NULL;

    dossier_regex_once (&embedded, "(?:\\b[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\b\\d{1,2}\\s+[A-Z][a-z]{2,8}\\.?,?\\s+\\d{4})",
                                   G_REGEX_OPTIMIZE);

    if (g_regex_match (embedded, clean, 0, &embedded_match))
      {
        g_autofree char *found = g_match_info_fetch (embedded_match, 0);
        return dossier_parse_date (found);
      }
  }

  return NULL;
}

static gboolean
has_title_word (const char *text)
{
  static GRegex *titles = NULL;

  dossier_regex_once (&titles, "\\b(?:Fellow|Director|Professor|President|Chair|Chairman|Senior|Analyst|Editor|"
                               "Researcher|Associate|Scholar|Advis[eo]r|Manager|Officer|Chief|Deputy|Vice|"
                               "Ambassador|Secretary|Minister|Contributor|Correspondent|Reporter|Staff|Intern|"
                               "Program|Research|Share|Print|Email|Comments?|Subscribe|Menu|Search)\\b",
                               G_REGEX_OPTIMIZE);

  return g_regex_match (titles, text, 0, NULL);
}

/* "王晓明", "欧阳丽华": two to four Han characters, as Chinese names are
 * written (a transliterated foreign name joins its parts with "·"). */
static gboolean
is_chinese_name (const char *text)
{
  guint han = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        han++;
      else if (c != 0x00B7 && c != 0x30FB)
        return FALSE;
    }

  return han >= 2 && (han <= 4 || (strstr (text, "·") != NULL && han <= 12));
}

gboolean
dossier_html_looks_like_name (const char *text)
{
  guint words;
  gsize len;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len < 2 || len > 80 || strstr (text, "http") || strchr (text, '@') || strchr (text, '/') ||
      strchr (text, '|') || strchr (text, ':'))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;

  words = dossier_html_count_words (text);
  if (dossier_html_has_hangul (text))
    return words <= 3 && g_utf8_strlen (text, -1) <= 12;
  if (is_chinese_name (text))
    return TRUE;

  if (words < 2 || words > 6 || !g_unichar_isupper (g_utf8_get_char (text)))
    return FALSE;

  /* "View my complete profile", "About this blog": a name's words are
   * capitalised, but for particles ("de", "van", "bin") and "d'", "al-". */
  {
    g_auto(GStrv) parts = g_strsplit (text, " ", -1);
    static const char * const particles[] = {
      "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "ten",
      "la", "le", "y", "e", "bin", "binti", "bint", "ibn", "al", "el", "zu", "af", "av", "und", NULL
    };

    for (guint i = 0; parts[i] != NULL; i++)
      {
        gunichar first = g_utf8_get_char (parts[i]);

        if (*parts[i] == '\0' || !g_unichar_islower (first))
          continue;
        if (!g_strv_contains (particles, parts[i]) && !g_str_has_prefix (parts[i], "d'") &&
            !g_str_has_prefix (parts[i], "d’") && !g_str_has_prefix (parts[i], "al-") &&
            !g_str_has_prefix (parts[i], "el-"))
          return FALSE;
      }
  }

  /* "Senior Fellow", "Research Director": a title, printed next to a name. */
  return !has_title_word (text);
}

/* "Senior Fellow for Asia": what a byline prints after a name. */
static gboolean
looks_like_position (const char *text)
{
  guint words = dossier_html_count_words (text);

  return words >= 1 && words <= 12 && has_title_word (text) && !strchr (text, '@') && !strstr (text, "http");
}

/* "The Heritage Foundation" or "CSIS Staff" in an author field is not a person. */
static gboolean
looks_like_organization (Importer   *self,
                         const char *name)
{
  static GRegex *words = NULL;

  dossier_regex_once (&words, "\\b(?:Foundation|Institute|Institution|Center|Centre|Council|University|Press|"
                              "Staff|Team|Editors?|Editorial|Board|Association|Society|Program|Programme|"
                              "Office|Department|Ministry|Agency|Group|Forum|Project|Initiative|News|Media|"
                              "Developers|Engineers|Engineering|Writers|Reporters|Desk|Newsroom|Labs|Blog|Support|"
                              "Community|Admin|Administrator|Inc|Ltd|LLC|Corp|Corporation|Company|Wire|Services)\\b",
                              G_REGEX_OPTIMIZE);

  return g_regex_match (words, name, 0, NULL) ||
         (self->publisher != NULL && g_ascii_strcasecmp (name, self->publisher) == 0) ||
         (self->site_name != NULL && g_ascii_strcasecmp (name, self->site_name) == 0);
}

/* Every author, each once: a report may have hundreds. */
static void
add_author_name (Importer   *self,
                 const char *name)
{
  g_autofree char *clean = dossier_html_clean_value (name);

  if (clean == NULL)
    return;

  /* Korean bylines end in a title: "홍길동 기자" (reporter), "김민준 연구위원". */
  if (dossier_html_has_hangul (clean))
    {
      static const char * const titles[] = {
        " 기자", " 특파원", " 선임연구위원", " 수석연구위원", " 부연구위원", " 연구위원", " 책임연구원",
        " 연구원", " 교수", " 박사", " 위원", " 소장", " 원장", " 센터장", NULL
      };

      for (guint i = 0; titles[i] != NULL; i++)
        if (g_str_has_suffix (clean, titles[i]))
          {
            clean[strlen (clean) - strlen (titles[i])] = '\0';
            break;
          }
    }

  if (dossier_html_looks_like_name (clean) && !looks_like_organization (self, clean) &&
      g_hash_table_add (self->author_keys, g_utf8_collate_key (clean, -1)))
    g_ptr_array_add (self->author_names, g_steal_pointer (&clean));
}

/* "By Jane Doe, John Roe and Kim Lee" → three names. */
void
dossier_html_add_byline (Importer   *self,
                         const char *byline)
{
  static const char * const prefixes[] = {
    "written by ", "by: ", "by ", "authors: ", "author: ", "authors ", "author ", "posted by ",
    "par : ", "par ", "publié par ", "écrit par ",
    "글쓴이: ", "글쓴이 ", "작성자: ", "작성자 ", "필자: ", "글: ", "글 ",
    "作者：", "作者:", "作者 ", "记者：", "记者 ", "記者 ", "文／", "文/", "撰文：", NULL
  };
  g_autofree char *text = dossier_html_clean_value (byline);
  g_autofree char *list = NULL;
  g_auto(GStrv) parts = NULL;
  char *p, *cut;

  if (text == NULL || strlen (text) > 300)
    return;

  p = text;
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (p, prefixes[i], strlen (prefixes[i])) == 0)
      {
        p += strlen (prefixes[i]);
        break;
      }

  /* What follows a separator is a date (kept when the page gave none
   * yet: "By David Smith | June 22, 2022") or a section, not a name. */
  {
    static const char * const separators[] = { " | ", " • ", " · ", " — ", " – ", "\n", NULL };
    g_autoptr(GString) rest = NULL;
    char *first = NULL;

    for (guint i = 0; separators[i] != NULL; i++)
      if ((cut = strstr (p, separators[i])) != NULL && (first == NULL || cut < first))
        first = cut;
    if (first != NULL)
      {
        g_auto(GStrv) pieces = NULL;

        rest = g_string_new (first);
        *first = '\0';
        for (guint i = 0; separators[i] != NULL; i++)
          g_string_replace (rest, separators[i], "\n", 0);
        pieces = g_strsplit (rest->str, "\n", -1);
        for (guint i = 0; pieces[i] != NULL && self->date == NULL; i++)
          self->date = dossier_html_normalize_date (g_strstrip (pieces[i]));
      }
  }

  /* "A and B", French "A et B", "A avec B", Chinese "甲、乙" */
  {
    g_autoptr(GString) joined = g_string_new (p);

    g_string_replace (joined, " and ", " , ", 0);
    g_string_replace (joined, " & ", " , ", 0);
    g_string_replace (joined, " et ", " , ", 0);
    g_string_replace (joined, " avec ", " , ", 0);
    g_string_replace (joined, "、", ",", 0);
    g_string_replace (joined, "，", ",", 0);
    list = g_string_free (g_steal_pointer (&joined), FALSE);
  }
  g_strdelimit (list, ";", ',');

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint before = self->author_names->len;

      g_strstrip (parts[i]);
      /* "Robert Hale, Jr.": the suffix is part of the name before it. */
      if (parts[i + 1] != NULL && dossier_is_name_suffix (g_strstrip (parts[i + 1])))
        {
          char *whole = g_strconcat (parts[i], " ", parts[i + 1], NULL);

          g_free (parts[i]);
          parts[i] = whole;
          *parts[i + 1] = '\0';
        }
      add_author_name (self, parts[i]);

      /* "Jane Doe, Senior Fellow": the title belongs to the name before it. */
      if (self->author_names->len == before && i > 0 && before > 0 && looks_like_position (parts[i]) &&
          g_strcmp0 (g_ptr_array_index (self->author_names, before - 1), g_strstrip (parts[i - 1])) == 0)
        {
          g_autoptr(DossierAuthor) person = dossier_author_new (g_ptr_array_index (self->author_names, before - 1));

          dossier_author_set_position (person, parts[i]);
          g_ptr_array_add (self->bio_authors, g_steal_pointer (&person));
        }
    }
}

/* citation_author is often "Last, First". */
static void
add_citation_author (Importer   *self,
                     const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  if (g_strv_length (parts) == 2 && dossier_html_count_words (g_strstrip (parts[0])) <= 2 &&
      dossier_html_count_words (g_strstrip (parts[1])) <= 3)
    {
      g_autofree char *name = g_strconcat (parts[1], " ", parts[0], NULL);
      add_author_name (self, name);
    }
  else
    dossier_html_add_byline (self, value);
}

static void
take_if_unset (char **field,
               char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

/* "Title | Site", "Title - Site": the page's title without the site. */
static char *
strip_site_suffix (Importer   *self,
                   const char *title)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", NULL };
  g_autofree char *copy = dossier_html_clean_value (title);

  if (copy == NULL)
    return NULL;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      char *sep = g_strrstr (copy, separators[i]);
      const char *suffix;

      if (sep == NULL || sep == copy)
        continue;
      suffix = sep + strlen (separators[i]);

      /* Only cut what names the site, or a short tail after a pipe. */
      if ((self->site_name != NULL && g_ascii_strcasecmp (suffix, self->site_name) == 0) ||
          (self->publisher != NULL && g_ascii_strcasecmp (suffix, self->publisher) == 0) ||
          (i == 0 && dossier_html_count_words (suffix) <= 5))
        {
          *sep = '\0';
          g_strstrip (copy);
          break;
        }
    }

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* Fills a missing position and affiliation from the bio's first sentence,
 * "NAME is a POSITION at AFFILIATION", read by the text importer's rules. */
static void
complete_from_bio (DossierAuthor *author,
                   const char    *bio)
{
  g_autoptr(DossierDocument) scratch = NULL;
  g_autoptr(DossierAuthor) parsed = NULL;
  const char *paragraphs[] = { bio, NULL };

  if (bio == NULL || (dossier_author_get_position (author) != NULL &&
                      dossier_author_get_affiliation (author) != NULL))
    return;

  scratch = dossier_document_new ();
  dossier_text_importer_read_bios (scratch, paragraphs);
  if (g_list_model_get_n_items (dossier_document_get_authors (scratch)) == 0)
    return;

  parsed = g_list_model_get_item (dossier_document_get_authors (scratch), 0);
  if (dossier_author_get_position (author) == NULL)
    dossier_author_set_position (author, dossier_author_get_position (parsed));
  if (dossier_author_get_affiliation (author) == NULL)
    dossier_author_set_affiliation (author, dossier_author_get_affiliation (parsed));
}

void
dossier_html_read_json_ld (Importer *self)
{
  xmlXPathObjectPtr result = dossier_html_select_elements (self, dossier_html_filter_script);
  DossierJsonLd ld;

  dossier_json_ld_init (&ld);
  for (guint i = 0; i < dossier_html_nodeset_len (result) && i < 64; i++)
    {
      xmlNode *script = dossier_html_nodeset_item (result, i);
      g_autofree char *type = dossier_html_get_attr (script, "type");
      g_autofree char *lower = type ? g_ascii_strdown (type, -1) : NULL;
      xmlChar *content;

      if (lower == NULL || strstr (lower, "ld+json") == NULL)
        continue;

      content = xmlNodeGetContent (script);
      if (content != NULL)
        {
          /* Some CMSs wrap the JSON in an HTML comment or a CDATA section:
           * failing the whole, try from the first brace or bracket to the
           * last (the block may be a top-level array). */
          char *json = (char *)content;

          if (!dossier_json_ld_parse (&ld, json, strlen (json)))
            {
              char *cdata = strstr (json, "<![CDATA[");
              char *close, *start, *brace, *bracket, *end;

              if (cdata != NULL)
                json = cdata + strlen ("<![CDATA[");
              if ((close = g_strrstr (json, "]]>")) != NULL)
                *close = '\0';
              start = strpbrk (json, "{[");
              brace = strrchr (json, '}');
              bracket = strrchr (json, ']');
              end = bracket != NULL && (brace == NULL || bracket > brace) ? bracket : brace;
              if (start != NULL && end != NULL && end > start)
                dossier_json_ld_parse (&ld, start, end - start + 1);
            }
        }
      xmlFree (content);
    }
  xmlXPathFreeObject (result);

  /* The title is chosen later, among every source's (dossier-html-title.c). */
  dossier_html_add_title_candidate (self, TITLE_LD_HEADLINE, ld.headline, NULL, NULL);
  dossier_html_add_title_candidate (self, TITLE_LD_NAME, ld.name, NULL, NULL);
  take_if_unset (&self->subtitle, g_steal_pointer (&ld.alternative_headline));
  take_if_unset (&self->date, dossier_html_normalize_date (ld.date_published));
  /* dateCreated is often in UTC, a day off the local date the page's
   * article:published_time gives: it comes after the meta tags. */
  self->date_created = dossier_html_normalize_date (ld.date_created);
  take_if_unset (&self->publisher, g_steal_pointer (&ld.publisher));
  if (ld.url != NULL && (g_str_has_prefix (ld.url, "http://") || g_str_has_prefix (ld.url, "https://")))
    take_if_unset (&self->source_url, g_steal_pointer (&ld.url));

  for (guint i = 0; i < ld.authors->len; i++)
    {
      DossierJsonLdPerson *person = g_ptr_array_index (ld.authors, i);
      g_autoptr(DossierAuthor) author = NULL;

      /* "Jane Doe and John Roe" in one name field: two people, no details. */
      if (strchr (person->name, ',') != NULL || strstr (person->name, " and ") != NULL ||
          strchr (person->name, '&') != NULL)
        {
          dossier_html_add_byline (self, person->name);
          continue;
        }

      if (!dossier_html_looks_like_name (person->name) || looks_like_organization (self, person->name))
        continue;

      add_author_name (self, person->name);
      author = dossier_author_new (person->name);
      dossier_author_set_position (author, person->position);
      dossier_author_set_affiliation (author, person->affiliation);
      /* Profile descriptions are bios when they read like one. */
      if (person->bio != NULL && dossier_html_count_words (person->bio) >= 6)
        {
          dossier_author_set_bio (author, person->bio);
          complete_from_bio (author, person->bio);
        }
      g_ptr_array_add (self->bio_authors, g_steal_pointer (&author));
    }

  dossier_json_ld_clear (&ld);
}

void
dossier_html_read_meta_tags (Importer *self)
{
  static const char * const title_keys[] = { "citation_title", "dc.title", "dcterms.title", "og:title", "twitter:title", NULL };
  static const char * const date_keys[] = {
    "citation_publication_date", "citation_date", "citation_online_date", "dc.date", "dcterms.date",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "article:published_time",
    "og:article:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "pubdate",
    "publish-date", "date", NULL
  };
  static const char * const publisher_keys[] = {
    "citation_publisher", "dc.publisher", "dcterms.publisher", "citation_journal_title", "og:site_name", NULL
  };
  static const char * const author_keys[] = {
    "dc.creator", "dcterms.creator", "author", "article:author", "parsely-author", "sailthru.author", NULL
  };
  g_autoptr(GPtrArray) citation_authors = meta_values (self, "citation_author");

  self->site_name = meta_value (self, "og:site_name");

  for (guint i = 0; title_keys[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) values = meta_values (self, title_keys[i]);

      for (guint k = 0; k < values->len && k < 4; k++)
        {
          const char *value = g_ptr_array_index (values, k);

          if (g_str_has_prefix (title_keys[i], "og:") || g_str_has_prefix (title_keys[i], "twitter:"))
            {
              g_autofree char *stripped = strip_site_suffix (self, value);
              dossier_html_add_title_candidate (self, TITLE_OPEN_GRAPH, stripped, value, NULL);
            }
          else
            dossier_html_add_title_candidate (self, TITLE_CITATION, value, NULL, NULL);
        }
    }

  for (guint i = 0; date_keys[i] != NULL && self->date == NULL; i++)
    {
      g_autofree char *value = meta_value (self, date_keys[i]);
      self->date = dossier_html_normalize_date (value);
    }

  if (self->date == NULL)
    self->date = g_steal_pointer (&self->date_created);

  for (guint i = 0; publisher_keys[i] != NULL && self->publisher == NULL; i++)
    self->publisher = meta_value (self, publisher_keys[i]);

  if (self->author_names->len == 0)
    for (guint i = 0; i < citation_authors->len; i++)
      add_citation_author (self, g_ptr_array_index (citation_authors, i));

  for (guint k = 0; author_keys[k] != NULL && self->author_names->len == 0; k++)
    {
      g_autoptr(GPtrArray) values = meta_values (self, author_keys[k]);

      for (guint i = 0; i < values->len; i++)
        dossier_html_add_byline (self, g_ptr_array_index (values, i));
    }

  if (self->source_url == NULL)
    {
      xmlXPathObjectPtr result = dossier_html_xpath (self, "//link[@rel='canonical'][@href]");
      g_autofree char *href = dossier_html_nodeset_len (result) > 0 ? dossier_html_get_attr (dossier_html_nodeset_item (result, 0), "href") : NULL;
      g_autofree char *og_url = meta_value (self, "og:url");
      const char *url = href ? href : og_url;

      xmlXPathFreeObject (result);
      if (url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
        self->source_url = dossier_html_clean_value (url);
    }
}

/* Is @node part of the site around the article (navigation, footer,
 * "related" lists), where other articles' deks and quotes appear? */
gboolean
dossier_html_in_site_chrome (Importer *self,
                             xmlNode  *node)
{
  guint depth = 0;

  for (; node != NULL && node->type == XML_ELEMENT_NODE && depth < 400; node = node->parent, depth++)
    {
      g_autofree char *role = NULL;

      if (node == self->root)
        return FALSE;
      if (dossier_html_tag_is (node, "nav") || (dossier_html_tag_is (node, "footer") && !dossier_html_is_ancestor (node, self->root)))
        return TRUE;
      role = dossier_html_get_attr (node, "role");
      if (role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "contentinfo") == 0))
        return TRUE;
      if (dossier_html_class_matches (node, self->chrome_class) && !dossier_html_is_ancestor (node, self->root))
        return TRUE;
    }

  return FALSE;
}

xmlNode *
dossier_html_first_matching (Importer   *self,
                             xmlNode    *container,
                             const char *expression)
{
  xmlXPathObjectPtr result;
  xmlNode *found = NULL;

  self->xpath->node = container;
  result = dossier_html_xpath (self, expression);
  /* Not what <noscript>, <svg> … hold: never shown, never measured. */
  for (guint i = 0; i < dossier_html_nodeset_len (result) && found == NULL; i++)
    if (dossier_html_is_measured (self, dossier_html_nodeset_item (result, i)))
      found = dossier_html_nodeset_item (result, i);
  xmlXPathFreeObject (result);
  self->xpath->node = NULL;

  return found;
}

/* With @whole, inside an element dossier_html_is_small() allowed. */
static char *
text_of_first (Importer   *self,
               xmlNode    *container,
               const char *expression,
               gboolean    whole)
{
  xmlNode *node = dossier_html_first_matching (self, container, expression);
  g_autofree char *text = NULL;

  if (node != NULL)
    text = whole ? dossier_html_node_text_whole (self, node, NULL) : dossier_html_node_text (self, node);

  return text != NULL && *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* An author card: name, title, affiliation and bio in marked-up parts, or a
 * bio paragraph in the text importer's "NAME is a POSITION at …" form. */
static void
read_author_card (Importer *self,
                  xmlNode  *card)
{
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *bio = NULL;
  g_autoptr(DossierAuthor) author = NULL;
  xmlNode *name_node;
  ItemState state = { self, g_ptr_array_new_with_free_func (g_free) };

  name_node = dossier_html_first_matching (self, card,
    ".//*[@itemprop='name' or contains(translate(@class, 'NAME', 'name'), 'name') or contains(@class, 'fn')]");
  if (name_node == NULL)
    name_node = dossier_html_first_matching (self, card, ".//h2 | .//h3 | .//h4 | .//h5 | .//strong | .//b | .//a[not(starts-with(@href, '#'))]");
  if (name_node != NULL)
    name = dossier_html_node_text_whole (self, name_node, NULL);

  position = text_of_first (self, card,
    ".//*[@itemprop='jobTitle' or contains(@class, 'job') or contains(@class, 'position') or "
    "contains(@class, 'role') or (contains(@class, 'title') and not(contains(@class, 'name')))]", TRUE);
  affiliation = text_of_first (self, card,
    ".//*[@itemprop='affiliation' or @itemprop='worksFor' or contains(@class, 'affiliation') or "
    "contains(@class, 'organization') or contains(@class, 'institution')]", TRUE);
  bio = text_of_first (self, card,
    ".//*[@itemprop='description' or contains(@class, 'bio') or contains(@class, 'description') or "
    "contains(@class, 'summary') or contains(@class, 'excerpt')][not(self::a)]", TRUE);

  if (bio == NULL)
    {
      dossier_html_traverse (card, dossier_html_paragraphs_enter, NULL, &state);
      /* The name and title printed as paragraphs of their own are not bio. */
      for (guint k = state.items->len; k > 0; k--)
        {
          const char *item = g_ptr_array_index (state.items, k - 1);

          if (g_strcmp0 (item, name) == 0 || g_strcmp0 (item, position) == 0 || g_strcmp0 (item, affiliation) == 0)
            g_ptr_array_remove_index (state.items, k - 1);
        }
      if (state.items->len > 0)
        {
          g_ptr_array_add (state.items, NULL);
          bio = g_strjoinv ("\n\n", (char **)state.items->pdata);
        }
    }
  g_ptr_array_unref (state.items);

  if (name != NULL && !dossier_html_looks_like_name (name))
    {
      /* "About Jane Doe" */
      if (g_str_has_prefix (name, "About "))
        memmove (name, name + 6, strlen (name + 6) + 1);
      if (!dossier_html_looks_like_name (name))
        g_clear_pointer (&name, g_free);
    }

  if (name == NULL)
    {
      /* The bio alone: let the text rules find the name. */
      if (bio != NULL)
        g_ptr_array_add (self->bio_paragraphs, g_steal_pointer (&bio));
      return;
    }

  author = dossier_author_new (name);
  if (position != NULL && g_strcmp0 (position, name) != 0 && dossier_html_count_words (position) <= 20)
    dossier_author_set_position (author, position);
  if (affiliation != NULL && dossier_html_count_words (affiliation) <= 12)
    dossier_author_set_affiliation (author, affiliation);
  if (bio != NULL && g_strcmp0 (bio, name) != 0 && dossier_html_count_words (bio) >= 4)
    dossier_author_set_bio (author, bio);

  complete_from_bio (author, bio);

  g_ptr_array_add (self->bio_authors, g_steal_pointer (&author));
}

/* Is @node, or an element around it, already set aside? */
static gboolean
inside_skipped (Importer *self,
                xmlNode  *node)
{
  for (guint depth = 0; node != NULL && node->type == XML_ELEMENT_NODE && depth < 400; node = node->parent, depth++)
    if (dossier_html_flags_of (self, node) & FLAG_SKIP)
      return TRUE;

  return FALSE;
}

void
dossier_html_find_author_cards (Importer *self)
{
  xmlXPathObjectPtr result = dossier_html_select_elements (self, dossier_html_filter_classed);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  guint examined = 0;

  for (guint i = 0; i < dossier_html_nodeset_len (result) && cards->len < 20 && examined < 200; i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      NodeInfo *info = dossier_html_info_of (self, node);
      gboolean nested = FALSE;

      if (info == NULL || (info->flags & FLAG_SKIP) || info->text < 20 ||
          !dossier_html_is_small (self, node, MAX_AUTHOR_CARD_CHARS) ||
          !dossier_html_class_matches (node, self->author_card_class))
        continue;
      if (dossier_html_is_ancestor (node, self->root))
        continue;

      for (guint j = 0; j < cards->len; j++)
        if (dossier_html_is_ancestor (g_ptr_array_index (cards, j), node))
          nested = TRUE;
      if (nested)
        continue;

      /* A list of cards: read each card, not the list. */
      examined++;
      {
        guint inner = 0;
        self->xpath->node = node;
        {
          xmlXPathObjectPtr children = dossier_html_xpath (self, ".//*[@class or @id]");
          for (guint k = 0; k < dossier_html_nodeset_len (children); k++)
            if (dossier_html_text_of (self, dossier_html_nodeset_item (children, k)) >= 20 &&
                dossier_html_class_matches (dossier_html_nodeset_item (children, k), self->author_card_class))
              inner++;
          xmlXPathFreeObject (children);
        }
        self->xpath->node = NULL;
        if (inner >= 2)
          continue;
      }

      g_ptr_array_add (cards, node);
    }
  xmlXPathFreeObject (result);

  for (guint i = 0; i < cards->len; i++)
    {
      read_author_card (self, g_ptr_array_index (cards, i));
      dossier_html_add_flags (self, g_ptr_array_index (cards, i), FLAG_SKIP);
    }

  /* "About the Author" headings followed by bio paragraphs. */
  result = dossier_html_select_elements (self, dossier_html_filter_labels);
  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *label = dossier_html_nodeset_item (result, i);
      xmlNode *anchor = label;
      xmlNode *sibling;

      if (!dossier_html_is_label_element (self, label, self->author_heading) || inside_skipped (self, label))
        continue;

      /* Climb out of <p><strong>…</strong></p> to the level of the bios. */
      while ((dossier_html_tag_is (anchor, "strong") || dossier_html_tag_is (anchor, "b")) && anchor->parent != NULL &&
             dossier_html_next_element (anchor) == NULL)
        anchor = anchor->parent;
      if (dossier_html_next_element (anchor) == NULL && anchor->parent != NULL && dossier_html_next_element (anchor->parent) != NULL)
        anchor = anchor->parent;

      dossier_html_add_flags (self, anchor, FLAG_SKIP);
      dossier_html_add_flags (self, label, FLAG_SKIP);
      for (sibling = dossier_html_next_element (anchor); sibling != NULL; sibling = dossier_html_next_element (sibling))
        {
          g_autofree char *text = NULL;
          ItemState state = { self, self->bio_paragraphs };

          if (dossier_html_heading_level (sibling) > 0 && dossier_html_heading_level (sibling) <= MAX (dossier_html_heading_level (label), 1))
            break;
          if (dossier_html_flags_of (self, sibling) & FLAG_SKIP)
            continue;
          /* Bios are read whole; what is larger than a bio is text, and so
           * is everything after it. */
          if (!dossier_html_is_small (self, sibling, MAX_BIO_CHARS))
            break;
          if (dossier_html_heading_level (sibling) > 0 || dossier_html_tag_is (sibling, "p") || dossier_html_tag_is (sibling, "li"))
            {
              text = dossier_html_node_text_whole (self, sibling, NULL);
              if (*text != '\0')
                g_ptr_array_add (self->bio_paragraphs, g_steal_pointer (&text));
            }
          else
            {
              guint before = self->bio_paragraphs->len;

              dossier_html_traverse (sibling, dossier_html_paragraphs_enter, NULL, &state);
              if (self->bio_paragraphs->len == before)
                {
                  text = dossier_html_node_text_whole (self, sibling, NULL);
                  if (dossier_html_count_words (text) >= 2)
                    g_ptr_array_add (self->bio_paragraphs, g_steal_pointer (&text));
                }
            }
          dossier_html_add_flags (self, sibling, FLAG_SKIP);
        }
    }
  xmlXPathFreeObject (result);
}

/* The next node in document order; with @skip_children, after @node's subtree. */
static xmlNode *
next_in_order (xmlNode  *node,
               gboolean  skip_children)
{
  if (!skip_children && node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;

  while (node != NULL)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
      if (node != NULL && node->type != XML_ELEMENT_NODE)
        return NULL;
    }

  return NULL;
}


/* Is @node inside an <article> that is not the page's story: a teaser
 * card in a "more stories" list, which holds neither the article nor its
 * <h1>? */
static gboolean
in_other_story (Importer *self,
                xmlNode  *node)
{
  guint depth = 0;

  for (xmlNode *up = node->parent; up != NULL && up->type == XML_ELEMENT_NODE && depth < 400; up = up->parent, depth++)
    if (dossier_html_tag_is (up, "article") && !dossier_html_is_ancestor (up, self->root) &&
        (self->h1_node == NULL || !dossier_html_is_ancestor (up, self->h1_node)))
      return TRUE;

  return FALSE;
}

/* Do @a and @b open with the same words (case aside)? Titles from
 * metadata and the visible <h1> differ in punctuation or a cut tail. */
static gboolean
starts_alike (const char *a,
              const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  glong n;

  if (a == NULL || b == NULL)
    return FALSE;

  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  n = MIN (MIN (g_utf8_strlen (x, -1), g_utf8_strlen (y, -1)), 15);
  return n > 0 && strncmp (x, y, g_utf8_offset_to_pointer (x, n) - x) == 0;
}

/* "Updated March 3, 2024 at 4:05 p.m.", "2024-03-03 09:00": a date and
 * little else, not a dek that mentions one ("How the March 3, 2024 vote
 * changed the map"). */
static gboolean
is_dateline (const char *text)
{
  static GRegex *date_words = NULL;
  g_autofree char *rest = NULL;

  dossier_regex_once (&date_words, "\\b(?:updated|published|posted|last|modified|on|at|am|pm|a\\.m\\.|p\\.m\\.|"
                                   "utc|gmt|[A-Z]{2,4}T|jan\\w*|feb\\w*|mar\\w*|apr\\w*|may|jun\\w*|jul\\w*|"
                                   "aug\\w*|sep\\w*|oct\\w*|nov\\w*|dec\\w*|mon\\w*|tue\\w*|wed\\w*|thu\\w*|"
                                   "fri\\w*|sat\\w*|sun\\w*)(?!\\w)|[\\d:.,/|·–—-]+",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  rest = g_regex_replace_literal (date_words, text, -1, 0, " ", 0, NULL);
  return rest != NULL && dossier_html_count_words (g_strstrip (rest)) <= 1;
}

/* What a dek's place may hold instead of a summary: an offer ("Get The
 * Times. As low as $1.88 a week"), a button ("Read Article", "Free
 * Download"), a byline ("by Ellie Hall") or a dateline. A byline or a date
 * is read as such; all of them are set aside, not kept as text. */
static gboolean
not_a_dek (Importer   *self,
           xmlNode    *node,
           const char *text)
{
  static GRegex *offer = NULL;
  static GRegex *action = NULL;
  NodeInfo *info = dossier_html_info_of (self, node);
  g_autofree char *date = NULL;
  guint words = dossier_html_count_words (text);

  dossier_regex_once (&offer, "[$€£¥]\\s?\\d[\\d.,]*\\s*(?:/|a|an|per)\\s*(?:week|month|year|wk|mo)\\b|"
                              "\\b(?:subscribe|subscription|free trial|sign up|log in|newsletter|paywall)\\b",
                              G_REGEX_CASELESS | G_REGEX_OPTIMIZE);
  dossier_regex_once (&action, "^(?:read|download|free|listen|watch|buy|shop|get|view|see|click|learn|more|"
                               "continue|play|open|share|follow)\\b", G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  if (dossier_html_is_byline_text (text) || g_ascii_strncasecmp (text, "by ", 3) == 0)
    {
      if (self->author_names->len == 0)
        dossier_html_add_byline (self, text);
      return TRUE;
    }
  if (words <= 12 && (date = dossier_html_normalize_date (text)) != NULL && is_dateline (text))
    {
      if (self->date == NULL)
        self->date = g_steal_pointer (&date);
      return TRUE;
    }

  return g_regex_match (offer, text, 0, NULL) ||
         (info != NULL && info->text > 0 && info->links >= info->text) ||
         (words <= 4 && g_regex_match (action, text, 0, NULL));
}

void
dossier_html_find_visible_metadata (Importer *self)
{
  guint examined = 0;
  xmlXPathObjectPtr result;
  xmlNode *h1 = NULL;

  /* The page's <title>, not one of an <svg> drawing's. */
  {
    xmlNode *title = dossier_html_first_matching (self, self->body, "//title");
    xmlChar *content = title != NULL ? xmlNodeGetContent (title) : NULL;

    if (content != NULL)
      {
        g_autofree char *stripped = strip_site_suffix (self, (const char *)content);
        g_autofree char *raw = dossier_html_clean_value ((const char *)content);

        dossier_html_add_title_candidate (self, TITLE_DOCUMENT, stripped, raw, NULL);
      }
    xmlFree (content);
  }

  dossier_html_choose_title (self);
  h1 = self->h1_node;

  /* The dek: a class that says so, or a heading right below the <h1>. */
  if (self->subtitle == NULL)
    {
      result = dossier_html_select_elements (self, dossier_html_filter_classed);
      examined = 0;
      for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
        {
          xmlNode *node = dossier_html_nodeset_item (result, i);
          g_autofree char *text = NULL;

          if (!dossier_html_class_matches (node, self->dek_class) || !dossier_html_is_small (self, node, MAX_DEK_CHARS) ||
              (dossier_html_flags_of (self, node) & FLAG_SKIP))
            continue;
          if (++examined > MAX_CANDIDATES)
            break;
          if (dossier_html_in_site_chrome (self, node))
            continue;
          text = dossier_html_node_text_whole (self, node, NULL);
          if (dossier_html_count_words (text) >= 2 && not_a_dek (self, node, text))
            {
              dossier_html_add_flags (self, node, FLAG_SKIP);
              continue;
            }
          if (dossier_html_count_words (text) >= 2 && g_strcmp0 (text, self->title) != 0)
            {
              self->subtitle = g_steal_pointer (&text);
              dossier_html_add_flags (self, node, FLAG_SKIP);
              break;
            }
        }
      xmlXPathFreeObject (result);
    }

  /* A heading right below the <h1> is the dek only if the <h1> is the title. */
  if (self->subtitle == NULL && h1 != NULL && starts_alike (self->h1, self->title))
    {
      xmlNode *next = dossier_html_next_element (h1);

      if (next != NULL && dossier_html_is_small (self, next, MAX_DEK_CHARS) &&
          (dossier_html_heading_level (next) >= 2 ||
                           /* a paragraph, when the <h1> sits in a header of its own rather than
                            * at the top of the body, where the next paragraph is the text */
                           (dossier_html_tag_is (next, "p") && h1->parent != NULL &&
                            (dossier_html_tag_is (h1->parent, "header") ||
                             !dossier_html_is_ancestor (h1->parent, self->root)))))
        {
          g_autofree char *text = dossier_html_node_text_whole (self, next, NULL);
          g_autofree char *date = dossier_html_normalize_date (text);

          if (dossier_html_count_words (text) >= 3 && dossier_html_count_words (text) <= 50 && date == NULL &&
              g_ascii_strncasecmp (text, "by ", 3) != 0 && !dossier_html_class_matches (next, self->byline_class))
            {
              if (not_a_dek (self, next, text))
                dossier_html_add_flags (self, next, FLAG_SKIP);
            }
          if (dossier_html_count_words (text) >= 3 && dossier_html_count_words (text) <= 50 && date == NULL &&
              g_ascii_strncasecmp (text, "by ", 3) != 0 && !dossier_html_class_matches (next, self->byline_class) &&
              !(dossier_html_flags_of (self, next) & FLAG_SKIP) &&
              !g_regex_match (self->skip_heading, text, 0, NULL) &&
              !g_regex_match (self->key_points_heading, text, 0, NULL))
            {
              self->subtitle = g_steal_pointer (&text);
              dossier_html_add_flags (self, next, FLAG_SKIP);
            }
        }
    }

  /* "By …" and date lines just below the <h1>, on pages without classes. */
  if (h1 != NULL && (self->author_names->len == 0 || self->date == NULL))
    {
      xmlNode *node = h1;
      guint seen = 0;

      while ((node = next_in_order (node, TRUE)) != NULL && seen < 40)
        {
          g_autofree char *text = NULL;
          guint words;

          if (node->type != XML_ELEMENT_NODE || dossier_html_tag_in (node, dossier_html_invisible_tags))
            continue;
          seen++;
          if (!dossier_html_tag_in (node, (const char * const[]) { "p", "div", "span", "i", "em", "font", "td", "address", "small", NULL }))
            continue;

          text = dossier_html_node_text (self, node);
          words = dossier_html_count_words (text);
          if (words >= 25)
            break;
          if (words == 0 || words > 20)
            continue;

          if (self->author_names->len == 0 && dossier_html_is_byline_text (text))
            dossier_html_add_byline (self, text);
          if (self->date == NULL && words <= 12)
            self->date = dossier_html_normalize_date (text);
        }
    }

  /* Bylines: rel=author links, itemprop=author, "byline" classes. */
  if (self->author_names->len == 0)
    {
      result = dossier_html_select_elements (self, dossier_html_filter_authors);
      for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
        {
          xmlNode *node = dossier_html_nodeset_item (result, i);
          g_autofree char *name = NULL;

          if (i >= MAX_CANDIDATES)
            break;
          /* Teasers of other stories carry their own authors. */
          if (in_other_story (self, node) || dossier_html_in_site_chrome (self, node))
            continue;
          name = text_of_first (self, node, ".//*[@itemprop='name']", FALSE);

          if (name == NULL)
            name = dossier_html_node_text (self, node);
          dossier_html_add_byline (self, name);
        }
      xmlXPathFreeObject (result);
    }

  if (self->author_names->len == 0)
    {
      result = dossier_html_select_elements (self, dossier_html_filter_classed);
      examined = 0;
      for (guint i = 0; i < dossier_html_nodeset_len (result) && self->author_names->len == 0; i++)
        {
          xmlNode *node = dossier_html_nodeset_item (result, i);
          g_autofree char *text = NULL;

          if (!dossier_html_class_matches (node, self->byline_class) || dossier_html_text_of (self, node) > 600)
            continue;
          if (++examined > MAX_CANDIDATES)
            break;
          if (dossier_html_in_site_chrome (self, node))
            continue;

          /* Named parts, each with the title printed next to it:
           * <a class="person"><span class="name">…</span><span class="title">…</span></a> */
          self->xpath->node = node;
          {
            xmlXPathObjectPtr names = dossier_html_xpath (self, ".//*[@itemprop='name' or contains(translate(@class, 'NAME', 'name'), 'name')]");

            for (guint k = 0; k < dossier_html_nodeset_len (names); k++)
              {
                xmlNode *name_node = dossier_html_nodeset_item (names, k);
                g_autofree char *name = NULL;
                g_autofree char *position = NULL;
                guint before = self->author_names->len;

                if (!dossier_html_is_measured (self, name_node))
                  continue;
                name = dossier_html_node_text (self, name_node);
                add_author_name (self, name);
                if (self->author_names->len == before || name_node->parent == NULL)
                  continue;

                position = text_of_first (self, name_node->parent,
                  "./*[@itemprop='jobTitle' or contains(@class, 'title') or contains(@class, 'position') or "
                  "contains(@class, 'job') or contains(@class, 'role')][not(contains(translate(@class, 'NAME', 'name'), 'name'))]", FALSE);
                self->xpath->node = node;
                if (position != NULL && dossier_html_count_words (position) <= 12 && g_strcmp0 (position, name) != 0)
                  {
                    g_autoptr(DossierAuthor) person = dossier_author_new (g_ptr_array_index (self->author_names, before));
                    dossier_author_set_position (person, position);
                    g_ptr_array_add (self->bio_authors, g_steal_pointer (&person));
                  }
              }
            xmlXPathFreeObject (names);
          }

          /* Linked names, each its own author. */
          if (self->author_names->len == 0)
          {
            xmlXPathObjectPtr links = dossier_html_xpath (self, ".//a");
            for (guint k = 0; k < dossier_html_nodeset_len (links); k++)
              {
                g_autofree char *name = NULL;

                if (!dossier_html_is_measured (self, dossier_html_nodeset_item (links, k)))
                  continue;
                name = dossier_html_node_text (self, dossier_html_nodeset_item (links, k));
                add_author_name (self, name);
              }
            xmlXPathFreeObject (links);
          }
          self->xpath->node = NULL;

          if (self->author_names->len == 0)
            {
              text = dossier_html_node_text (self, node);
              dossier_html_add_byline (self, text);
            }
        }
      xmlXPathFreeObject (result);
    }

  if (self->date == NULL)
    {
      result = dossier_html_select_elements (self, dossier_html_filter_dates);
      examined = 0;
      for (guint i = 0; i < dossier_html_nodeset_len (result) && self->date == NULL; i++)
        {
          xmlNode *node = dossier_html_nodeset_item (result, i);
          g_autofree char *value = NULL;

          if (!dossier_html_tag_is (node, "time") && !dossier_html_attr_equals (node, "itemprop", "datePublished") &&
              !dossier_html_class_matches (node, self->date_class))
            continue;
          if (++examined > MAX_CANDIDATES)
            break;
          if (dossier_html_useful_text (self, node) > 200)
            continue;
          /* Dates in "related articles" lists belong to other articles. */
          if ((dossier_html_flags_of (self, node) & FLAG_NOISE) && !dossier_html_class_matches (node, self->date_class) &&
              !dossier_html_tag_is (node->parent, "header") && !dossier_html_attr_equals (node, "itemprop", "datePublished"))
            {
              xmlNode *up = node->parent;
              gboolean in_header = FALSE;
              for (guint k = 0; k < 6 && up != NULL; k++, up = up->parent)
                if (dossier_html_tag_is (up, "header"))
                  in_header = TRUE;
              if (!in_header)
                continue;
            }

          value = dossier_html_get_attr (node, "datetime");
          if (value == NULL)
            value = dossier_html_get_attr (node, "content");
          self->date = dossier_html_normalize_date (value);
          if (self->date == NULL)
            {
              g_autofree char *text = dossier_html_node_text (self, node);
              self->date = dossier_html_normalize_date (text);
            }
        }
      xmlXPathFreeObject (result);
    }
}
