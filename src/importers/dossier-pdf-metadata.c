/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-pdf-private.h"
#include "dossier-text-importer.h"
#include "model/dossier-util.h"

/*
 * Title, subtitle, authors, date and publisher. The PDF's document
 * information and XMP metadata are often left over from a template or
 * name a file ("Microsoft Word - draft3.docx", "Untitled", "jsmith"), so
 * they are used when they look real; the first page is read like a
 * reader reads it: the largest text at the top is the title (a short
 * label above it in capitals, "POLICY BRIEF", is not), what follows in a
 * size between the title's and the text's is the subtitle, then bylines
 * ("By A and B", lines of names, "Name, Institute"), affiliations and a
 * dateline, down to the first paragraph of running text.
 */

#define MAX_XMP (1024 * 1024)

typedef struct {
  char *title;
  char *description;
  char *publisher;
  char *date;
  GPtrArray *creators;
} Xmp;

static void
xmp_clear (Xmp *xmp)
{
  g_free (xmp->title);
  g_free (xmp->description);
  g_free (xmp->publisher);
  g_free (xmp->date);
  g_clear_pointer (&xmp->creators, g_ptr_array_unref);
}

static char *
clean_value (const char *value)
{
  GString *out;
  gboolean space = FALSE;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = value; *p != '\0' && out->len < 2000; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c < 0x20)
        {
          space = out->len > 0;
          continue;
        }
      if (c == 0xFEFF || c == 0x200B || (c >= 0xE000 && c <= 0xF8FF))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Text of an XMP property: its own text, or that of its rdf:li items
 * (the x-default one of a language alternative first). */
static void
xmp_collect (xmlNode   *property,
             GPtrArray *values)
{
  xmlNode *container = NULL;

  for (xmlNode *child = property->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (xmlStrEqual (child->name, BAD_CAST "Alt") || xmlStrEqual (child->name, BAD_CAST "Seq") ||
         xmlStrEqual (child->name, BAD_CAST "Bag")))
      container = child;

  if (container == NULL)
    {
      xmlChar *content = xmlNodeGetContent (property);
      char *value = clean_value ((const char *) content);

      if (value != NULL)
        g_ptr_array_add (values, value);
      xmlFree (content);
      return;
    }

  for (xmlNode *item = container->children; item != NULL && values->len < 64; item = item->next)
    {
      xmlChar *content, *lang;
      char *value;

      if (item->type != XML_ELEMENT_NODE || !xmlStrEqual (item->name, BAD_CAST "li"))
        continue;
      content = xmlNodeGetContent (item);
      value = clean_value ((const char *) content);
      lang = xmlGetProp (item, BAD_CAST "lang");
      if (value != NULL)
        {
          if (lang != NULL && xmlStrEqual (lang, BAD_CAST "x-default"))
            g_ptr_array_insert (values, 0, value);
          else
            g_ptr_array_add (values, value);
        }
      xmlFree (lang);
      xmlFree (content);
    }
}

static char *
first_of (GPtrArray *values)
{
  return values->len > 0 ? g_strdup (g_ptr_array_index (values, 0)) : NULL;
}

static void
read_xmp (PdfImport *self,
          Xmp       *xmp)
{
  g_autofree char *data = poppler_document_get_metadata (self->doc);
  xmlDoc *doc;
  xmlNode *node;
  guint visited = 0;

  xmp->creators = g_ptr_array_new_with_free_func (g_free);
  if (data == NULL || strlen (data) > MAX_XMP)
    return;

  /* No network, no entities, no DTD: the metadata is as hostile as the rest. */
  doc = xmlReadMemory (data, strlen (data), NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    return;

  /* Walked without recursion, and not forever. */
  node = xmlDocGetRootElement (doc);
  while (node != NULL && visited++ < 100000)
    {
      if (node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL)
        {
          const char *ns = (const char *) node->ns->href;
          const char *name = (const char *) node->name;
          g_autoptr(GPtrArray) values = NULL;

          if (g_str_equal (ns, "http://purl.org/dc/elements/1.1/"))
            {
              values = g_ptr_array_new_with_free_func (g_free);
              xmp_collect (node, values);
              if (g_str_equal (name, "title") && xmp->title == NULL)
                xmp->title = first_of (values);
              else if (g_str_equal (name, "description") && xmp->description == NULL)
                xmp->description = first_of (values);
              else if (g_str_equal (name, "publisher") && xmp->publisher == NULL)
                xmp->publisher = first_of (values);
              else if (g_str_equal (name, "creator") && xmp->creators->len == 0)
                for (guint i = 0; i < values->len; i++)
                  g_ptr_array_add (xmp->creators, g_strdup (g_ptr_array_index (values, i)));
            }
          else if (g_str_has_prefix (ns, "http://prismstandard.org/namespaces/") &&
                   (g_str_equal (name, "publicationDate") || g_str_equal (name, "coverDate")) &&
                   xmp->date == NULL)
            {
              values = g_ptr_array_new_with_free_func (g_free);
              xmp_collect (node, values);
              xmp->date = first_of (values);
            }
        }

      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }

  xmlFreeDoc (doc);
}

/* ---- what looks real ---------------------------------------------- */

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ';

      words += !space && !in_word;
      in_word = !space;
    }
  return words;
}

/* Metadata titles that name a file or a template, not the work. */
static gboolean
is_real_title (const char *title)
{
  static GRegex *junk = NULL;

  dossier_regex_once (&junk, "^(?:microsoft (?:word|powerpoint|excel)\\s*-|untitled|document\\d*$|title$|"
                             "no title|slide \\d|page \\d|pdf$|print$|printing|about:blank|https?://|file:|"
                             "[a-z]:\\\\|/)|\\.(?:docx?|pdf|rtf|odt|indd|qxp|qxd|pptx?|xlsx?|txt|html?|tex|dvi|ps|eps|pages|key|wpd)\\b",
                             G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  if (title == NULL || strlen (title) < 3 || strlen (title) > 600)
    return FALSE;
  if (g_regex_match (junk, title, 0, NULL))
    return FALSE;
  /* "report_final_v2", "GAO-24-106143": a file name or a code, not a title. */
  if (strchr (title, ' ') == NULL && (strchr (title, '_') || strpbrk (title, "0123456789")))
    return FALSE;
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_organization (const char *text)
{
  static GRegex *words = NULL;

  dossier_regex_once (&words, "\\b(?:Foundation|Institute|Institution|Center|Centre|Council|University|College|"
                              "School|Press|Staff|Team|Editors?|Editorial|Board|Association|Society|Program|"
                              "Programme|Office|Department|Division|Directorate|Secretariat|Ministry|Agency|Group|"
                              "Forum|Project|Initiative|News|Media|Service|Services|Corporation|Company|Inc|Ltd|LLC|"
                              "Committee|Commission|"
                              "Bureau|Administration|Congress|Senate|Government|Bank|Fund|Organization|"
                              "Organisation|Laboratory|Lab|Network|Alliance|Partnership|Trust|Academy|"
                              "Administrator|Admin|User|Owner|Microsoft|Windows|Customer)\\b"
                              "|연구원|연구소|대학교|재단|위원회|센터|정부|부처|신문|방송|일보",
                              G_REGEX_OPTIMIZE);

  return g_regex_match (words, text, 0, NULL);
}

static gboolean
has_position_word (const char *text)
{
  static GRegex *titles = NULL;

  dossier_regex_once (&titles, "\\b(?:Fellow|Director|Professor|President|Chair|Chairman|Senior|Analyst|Editor|"
                               "Researcher|Associate|Scholar|Advis[eo]r|Manager|Officer|Chief|Deputy|Vice|"
                               "Ambassador|Secretary|Minister|Contributor|Correspondent|Reporter|Specialist|"
                               "Coordinator|Lecturer|Consultant|Head|Lead|Principal|Partner|Member|Candidate)\\b",
                               G_REGEX_OPTIMIZE);

  return g_regex_match (titles, text, 0, NULL);
}

/* A Korean name is two to four syllables ("김민준", "남궁민수"), written
 * as one word or with the surname apart ("김 민준"); an office's name
 * ("정책기획실 지역안보팀") is longer. */
static gboolean
is_hangul_name (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n_words = 0, syllables = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (words[i], -1);

      if (n == 0)
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0xAC00 || c > 0xD7A3)
            return FALSE;
        }
      if (++n_words > 2 || (n_words == 2 && syllables > 2))
        return FALSE;
      syllables += n;
    }
  return syllables >= 2 && syllables <= 4;
}

/* "Hana Seo", "Robert J. Caldwell", "김민준": a person's name. */
static gboolean
looks_like_name (const char *text)
{
  guint words;
  gsize length;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  /* (The curly quotes by strstr: strpbrk would match the bytes they share
   * with Hangul syllables, "김" among them.) */
  if (length < 2 || length > 80 || strpbrk (text, "@/|:;()[]0123456789\"") != NULL || strstr (text, "http") ||
      strstr (text, "“") != NULL || strstr (text, "”") != NULL)
    return FALSE;

  words = count_words (text);
  if (has_hangul (text))
    return is_hangul_name (text) && !is_organization (text);

  if (words < 2 || words > 5)
    return FALSE;

  /* Every word capitalised (or a particle: "de", "van", "bin"). */
  {
    g_auto(GStrv) parts = g_strsplit (text, " ", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        gunichar c = g_utf8_get_char (parts[i]);

        if (*parts[i] == '\0')
          continue;
        if (!g_unichar_isupper (c) && !(i > 0 && (g_str_equal (parts[i], "de") || g_str_equal (parts[i], "van") ||
                                                   g_str_equal (parts[i], "von") || g_str_equal (parts[i], "bin") ||
                                                   g_str_equal (parts[i], "da") || g_str_equal (parts[i], "del") ||
                                                   g_str_equal (parts[i], "la") || g_str_equal (parts[i], "der"))))
          return FALSE;
      }
  }

  return !has_position_word (text) && !is_organization (text);
}

static gboolean
has_author (PdfImport  *self,
            const char *name)
{
  for (guint i = 0; i < self->authors->len; i++)
    if (g_utf8_collate (dossier_author_get_name (g_ptr_array_index (self->authors, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static DossierAuthor *
add_author (PdfImport  *self,
            const char *name)
{
  DossierAuthor *author;

  if (self->authors->len >= 64 || has_author (self, name))
    return NULL;
  author = dossier_author_new (name);
  g_ptr_array_add (self->authors, author);
  return author;
}

/* Korean bylines end in a title: "홍길동 기자", "김민준 연구위원". */
static char *
strip_korean_title (const char *name)
{
  static const char * const titles[] = {
    " 기자", " 특파원", " 선임연구위원", " 수석연구위원", " 부연구위원", " 연구위원", " 책임연구원",
    " 연구원", " 교수", " 박사", " 위원", " 소장", " 원장", " 센터장", NULL
  };
  char *copy = g_strdup (name);

  for (guint i = 0; titles[i] != NULL; i++)
    if (g_str_has_suffix (copy, titles[i]))
      {
        copy[strlen (copy) - strlen (titles[i])] = '\0';
        break;
      }
  return copy;
}

/* Splits "A, B and C" (or "A & B", "A; B") into names; every part must
 * be a name, a "Name, Position" pair or a "Name, Affiliation" pair.
 * Returns the authors added (none when the line is not a byline). */
static guint
read_names (PdfImport  *self,
            const char *list,
            gboolean    byline)
{
  g_autofree char *copy = g_strdup (list);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_free);
  char *cut;
  guint added = 0;

  /* What follows a separator is a date or a section, not a name. */
  for (const char * const *sep = (const char * const[]) { " | ", " • ", " · ", " — ", " – ", NULL }; *sep; sep++)
    if ((cut = strstr (copy, *sep)) != NULL)
      *cut = '\0';
  while ((cut = strstr (copy, " and ")) != NULL)
    memcpy (cut, " ,   ", 5);
  while ((cut = strstr (copy, " & ")) != NULL)
    memcpy (cut, " , ", 3);
  while ((cut = strstr (copy, ", and ")) != NULL)
    memcpy (cut, " ,    ", 6);
  g_strdelimit (copy, ";", ',');

  parts = g_strsplit (copy, ",", 32);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      g_autofree char *name = has_hangul (part) ? strip_korean_title (part) : g_strdup (part);

      if (*part == '\0')
        continue;
      if (looks_like_name (name))
        {
          g_ptr_array_add (names, g_steal_pointer (&name));
          g_ptr_array_add (extras, NULL);
        }
      else if (names->len > 0 && g_ptr_array_index (extras, names->len - 1) == NULL &&
               (has_position_word (part) || is_organization (part)) && count_words (part) <= 12)
        /* "Hana Seo, Senior Fellow" or "Hana Seo, Asia Peace Institute" */
        g_ptr_array_index (extras, names->len - 1) = g_strdup (part);
      else if (!byline)
        return 0;
    }

  if (names->len == 0 || names->len > 12)
    return 0;

  for (guint i = 0; i < names->len; i++)
    {
      DossierAuthor *author = add_author (self, g_ptr_array_index (names, i));
      const char *extra = g_ptr_array_index (extras, i);

      if (author == NULL)
        continue;
      added++;
      if (extra != NULL)
        {
          if (is_organization (extra) && !has_position_word (extra))
            dossier_author_set_affiliation (author, extra);
          else
            dossier_author_set_position (author, extra);
        }
    }
  return added;
}

/* ---- dates ---------------------------------------------------------- */

static char *
find_date (const char *text)
{
  static GRegex *numeric = NULL, *embedded = NULL, *prefix = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *clean = NULL;
  char *date;

  dossier_regex_once (&numeric, "(?<![\\d/.])(\\d{4})\\s*(?:[-/.]|년)\\s*(\\d{1,2})\\s*(?:[-/.]|월)\\s*(\\d{1,2})(?:\\s*일|\\.)?(?![\\d/])",
                                G_REGEX_OPTIMIZE);
  dossier_regex_once (&embedded, "\\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
                                 "|\\d{1,2}\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?,?\\s+\\d{4})\\b",
                                 G_REGEX_OPTIMIZE | G_REGEX_CASELESS);
  dossier_regex_once (&prefix, "^(?:published|updated|posted|released|date|dated|issued|revised)\\b\\s*(?:on)?\\s*:?\\s*",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  if (text == NULL || strlen (text) > 200)
    return NULL;
  clean = g_regex_replace_literal (prefix, text, -1, 0, "", 0, NULL);
  if (clean == NULL)
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
  g_clear_pointer (&match, g_match_info_free);

  if ((date = dossier_parse_date (clean)) != NULL)
    return date;

  if (g_regex_match (embedded, clean, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_strdelimit (found, "\t\n", ' ');
      return dossier_parse_date (found);
    }

  return NULL;
}

/* ---- the first page ------------------------------------------------- */

static gboolean
is_label (const char *text)
{
  static GRegex *labels = NULL;

  dossier_regex_once (&labels, "^(?:commentary|analysis|report|brief|policy brief|issue brief|research brief|"
                               "policy memo|memo|memorandum|insight|insights|in focus|working paper|discussion paper|"
                               "occasional paper|special report|research report|fact sheet|backgrounder|testimony|"
                               "editorial|opinion|op-ed|perspective|perspectives|essay|article|feature|news|update|"
                               "crs report|crs insight|gao highlights|highlights|executive summary|summary|"
                               "briefing|briefing note|white paper|policy paper|research paper|data brief|"
                               "보고서|이슈브리프|이슈 브리프|정책브리프|정책 브리프|논평|칼럼|분석|연구보고서)$",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  return g_regex_match (labels, text, 0, NULL);
}

static gboolean
all_capitals (const char *text)
{
  gboolean letters = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters = letters || g_unichar_isupper (c);
    }
  return letters;
}

/* Words of a text, folded, for comparing a metadata title with a page. */
static char *
words_key (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && key->len > 0)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        space = TRUE;
    }
  return g_string_free (key, FALSE);
}

static GPtrArray *
first_page_lines (PdfImport *self,
                  guint     *page_number)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint p = 0; p < self->pages->len && p < 3; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);

          if (!(line->flags & (LINE_DROP | LINE_FURNITURE | LINE_NOTE)))
            g_ptr_array_add (lines, line);
        }
      if (lines->len > 0)
        {
          *page_number = p;
          return lines;
        }
    }
  return lines;
}

/* Where running text starts on the first page: a line of body text in a
 * run of three, or a long one. The head is what comes before. */
/* A line that is only names: "김서연", "Hana Seo and Ian Park". */
static gboolean
is_name_list (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) parts = NULL;
  char *cut;
  guint n = 0;

  while ((cut = strstr (copy, " and ")) != NULL)
    memcpy (cut, " ,   ", 5);
  g_strdelimit (copy, ";", ',');
  parts = g_strsplit (copy, ",", 8);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      g_autofree char *name = has_hangul (part) ? strip_korean_title (part) : g_strdup (part);

      if (*part == '\0')
        continue;
      if (!looks_like_name (name))
        return FALSE;
      n++;
    }
  return n > 0;
}

/* The bytes of the words that start a byline: "By ", "Prepared by " (a
 * report's cover), "글:"; 0 when none does. */
static gsize
byline_prefix (const char *text)
{
  static const char * const prefixes[] = { "by ", "prepared by ", "written by ", "글:", "글 " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return strlen (prefixes[i]);
  return 0;
}

/* A label for the authors in a column of labels: "Prepared by", "Authors:". */
static gboolean
is_author_label (const char *text,
                 guint       length)
{
  static const char * const labels[] = { "by", "prepared by", "written by", "author", "authors", "저자", "작성자", NULL };
  g_autofree char *label = g_utf8_casefold (text, MIN (length, strlen (text)));

  g_strchomp (label);
  if (g_str_has_suffix (label, ":"))
    label[strlen (label) - 1] = '\0';
  g_strchomp (label);
  return g_strv_contains (labels, label);
}

/* A line that is only a date: "April 14, 2025", "2025년 3월 4일", also
 * as "2025 년 3 월 4 일": LibreOffice sets digits apart from Hangul (its
 * autospace), and Poppler reads the gap as a space. */
static gboolean
is_dateline (const char *text)
{
  static GRegex *unit = NULL;
  g_autofree char *date = find_date (text);
  g_autofree char *joined = NULL;

  if (date == NULL)
    return FALSE;
  dossier_regex_once (&unit, "(?<=\\d) (?=[년월일])", G_REGEX_OPTIMIZE);
  joined = g_regex_replace_literal (unit, text, -1, 0, "", 0, NULL);
  return joined != NULL && count_words (joined) <= 5;
}

static guint
find_head_end (PdfImport *self,
               GPtrArray *lines)
{
  float widest = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);

      widest = MAX (widest, line->x1 - line->x0);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);
      guint run = 0;

      if (fabsf (line->size - self->body_size) > 0.6f)
        continue;
      /* A byline in the text's size, right above it, is still the head,
       * and so is a bare name ("김서연", "Hana Seo and Ian Park") or a
       * dateline. */
      if (byline_prefix (line->text) > 0 && count_words (line->text) <= 12)
        continue;
      if (count_words (line->text) <= 8 && (is_name_list (line->text) || is_dateline (line->text)))
        continue;
      /* So is a memo's or a cover's "FROM:", "DATE:" rows. */
      if (line->flags & LINE_LABEL)
        continue;
      if (count_words (line->text) >= 16 && !(line->style & SPAN_BOLD))
        return i;
      for (guint j = i; j < lines->len && j < i + 3; j++)
        {
          PdfLine *next = g_ptr_array_index (lines, j);

          if (fabsf (next->size - self->body_size) > 0.6f || (next->style & SPAN_BOLD) || (next->flags & LINE_LABEL))
            break;
          run++;
        }
      /* Three lines of text, or two when the first fills the measure (a
       * short memo's paragraphs of two lines between headings). */
      if (run >= 3 || (run == 2 && line->x1 - line->x0 >= 0.8f * widest))
        return i;
    }
  return MIN (lines->len, 20);
}

/* Joins consecutive lines of one look into text, marking them read. */
static char *
take_run (PdfImport *self,
          GPtrArray *lines,
          guint      start,
          guint      end)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);

      dossier_pdf_append_line (self, out, line->text);
      line->flags |= LINE_META;
    }
  return g_string_free (out, FALSE);
}

static char *
strip_site_suffix (const char *title,
                   char      **site)
{
  static const char * const separators[] = { " | ", " — ", " – ", " - ", " :: ", " · ", NULL };

  *site = NULL;
  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *cut = g_strrstr (title, separators[i]);

      if (cut != NULL && cut > title && count_words (cut + strlen (separators[i])) <= 6)
        {
          *site = g_strdup (cut + strlen (separators[i]));
          return g_strndup (title, cut - title);
        }
    }
  return g_strdup (title);
}

static void
read_head (PdfImport  *self,
           const char *info_title)
{
  guint first_page = 0;
  g_autoptr(GPtrArray) lines = first_page_lines (self, &first_page);
  guint head_end, title_start = G_MAXUINT, title_end = 0, i;
  float title_size = 0;
  DossierAuthor *last_author = NULL;
  guint last_author_count = 0;

  if (lines->len == 0)
    return;
  head_end = find_head_end (self, lines);

  /* The largest text of the head, unless that is a short label over a title. */
  for (int attempt = 0; attempt < 2 && title_start == G_MAXUINT; attempt++)
    {
      float best = self->body_size * 1.2f;

      for (i = 0; i < head_end; i++)
        {
          PdfLine *line = g_ptr_array_index (lines, i);

          if (line->size > best + 0.3f && !(attempt == 1 && fabsf (line->size - title_size) < 0.5f))
            best = line->size;
        }
      if (best <= self->body_size * 1.2f)
        break;

      for (i = 0; i < head_end && fabsf (((PdfLine *) g_ptr_array_index (lines, i))->size - best) >= 0.6f; i++)
        ;
      title_start = i;
      for (title_end = i; title_end < head_end && title_end < i + 6 &&
           fabsf (((PdfLine *) g_ptr_array_index (lines, title_end))->size - best) < 0.6f; title_end++)
        ;

      if (attempt == 0)
        {
          g_autofree char *text = NULL;
          GString *out = g_string_new (NULL);

          for (guint k = title_start; k < title_end; k++)
            dossier_pdf_append_line (self, out, ((PdfLine *) g_ptr_array_index (lines, k))->text);
          text = g_string_free (out, FALSE);
          if (count_words (text) <= 3 && (is_label (text) || all_capitals (text)) && title_end < head_end)
            {
              title_size = best;
              title_start = G_MAXUINT;
              continue;
            }
        }
      title_size = best;
    }

  if (title_start != G_MAXUINT)
    {
      g_free (self->title);
      self->title = take_run (self, lines, title_start, title_end);

      /* Short lines above the title are labels and kickers. */
      for (i = 0; i < title_start; i++)
        {
          PdfLine *line = g_ptr_array_index (lines, i);
          g_autofree char *date = find_date (line->text);

          if (date != NULL && self->published == NULL && count_words (line->text) <= 14)
            self->published = g_steal_pointer (&date);
          if (count_words (line->text) <= 10)
            line->flags |= LINE_META;
        }
      i = title_end;

      /* The subtitle: larger than the text, smaller than the title, or
       * italic at the text's size. */
      if (i < head_end)
        {
          PdfLine *line = g_ptr_array_index (lines, i);
          float size = line->size;
          guint end = i;
          gboolean italic = (line->style & SPAN_ITALIC) && fabsf (size - self->body_size) < 0.6f;

          if ((size > self->body_size * 1.04f && size < title_size - 0.4f) || italic)
            {
              while (end < head_end && end < i + 6 &&
                     fabsf (((PdfLine *) g_ptr_array_index (lines, end))->size - size) < 0.4f &&
                     (!italic || (((PdfLine *) g_ptr_array_index (lines, end))->style & SPAN_ITALIC)))
                end++;
              {
                g_autofree char *text = NULL;
                GString *out = g_string_new (NULL);
                g_autofree char *date = NULL;

                for (guint k = i; k < end; k++)
                  dossier_pdf_append_line (self, out, ((PdfLine *) g_ptr_array_index (lines, k))->text);
                text = g_string_free (out, FALSE);
                date = find_date (text);
                if (count_words (text) <= 60 && date == NULL && g_ascii_strncasecmp (text, "by ", 3) != 0 &&
                    read_names (self, text, FALSE) == 0)
                  {
                    self->subtitle = take_run (self, lines, i, end);
                    i = end;
                  }
              }
            }
        }
    }
  else
    i = 0;

  /* Bylines, affiliations and the date, down to the running text. */
  for (; i < head_end && i < lines->len; i++)
    {
      PdfLine *line = g_ptr_array_index (lines, i);
      g_autofree char *date = NULL;
      const char *text = line->text;
      guint words = count_words (text);
      guint added;

      if (line->flags & LINE_META)
        continue;

      if (words <= 14 && (date = find_date (text)) != NULL)
        {
          if (self->published == NULL)
            self->published = g_steal_pointer (&date);
          /* "By A and B | April 12, 2024" */
          if (g_ascii_strncasecmp (text, "by ", 3) == 0)
            read_names (self, text + 3, TRUE);
          line->flags |= LINE_META;
          continue;
        }

      /* A row of a cover's or a memo's labels: names only where the
       * label says so ("Prepared by", "Authors:"), never "Status Final". */
      if (line->flags & LINE_LABEL)
        {
          if (is_author_label (text, line->label_length) && text[line->label_length] != '\0')
            {
              added = read_names (self, text + line->label_length + 1, TRUE);
              last_author = added > 0 ? g_ptr_array_index (self->authors, self->authors->len - 1) : NULL;
              last_author_count = added;
              line->flags |= LINE_META;
            }
          else
            last_author = NULL;
          continue;
        }

      if (words <= 40 && byline_prefix (text) > 0)
        {
          const char *names = text + byline_prefix (text);
          guint before = self->authors->len;

          /* "By the Editorial Board" names no person, but is no text either. */
          added = read_names (self, names, TRUE);
          last_author = added > 0 ? g_ptr_array_index (self->authors, self->authors->len - 1) : NULL;
          last_author_count = self->authors->len - before;
          line->flags |= LINE_META;
          continue;
        }

      /* A short line that looks like a heading, right above the running
       * text, is its heading, even when it could be a name ("배경",
       * Background, is two syllables like many a Korean name). */
      if (i + 1 == head_end && words <= 3 &&
          (line->size >= self->body_size * 1.12f || ((line->style & SPAN_BOLD) && !self->body_bold)))
        continue;

      if (words <= 24 && !(last_author != NULL && is_organization (text)) &&
          (added = read_names (self, text, FALSE)) > 0)
        {
          last_author = g_ptr_array_index (self->authors, self->authors->len - 1);
          last_author_count = added;
          line->flags |= LINE_META;
          continue;
        }

      /* An affiliation under a name: "Asia Peace Institute". */
      if (last_author != NULL && words <= 12 && is_organization (text) && !dossier_pdf_ends_sentence (text))
        {
          for (guint k = self->authors->len - last_author_count; k < self->authors->len; k++)
            {
              DossierAuthor *author = g_ptr_array_index (self->authors, k);

              if (dossier_author_get_affiliation (author) == NULL)
                dossier_author_set_affiliation (author, text);
            }
          line->flags |= LINE_META;
          continue;
        }
      if (last_author != NULL && words <= 8 && has_position_word (text) && !dossier_pdf_ends_sentence (text) &&
          dossier_author_get_position (last_author) == NULL)
        {
          dossier_author_set_position (last_author, text);
          line->flags |= LINE_META;
          continue;
        }

      last_author = NULL;
    }

  /* No large title: the metadata's, when the page shows it. */
  if (self->title == NULL && is_real_title (info_title))
    {
      g_autofree char *wanted = words_key (info_title);

      for (i = 0; i < lines->len && i < 30; i++)
        {
          GString *out = g_string_new (NULL);
          g_autofree char *joined = NULL;
          g_autofree char *key = NULL;
          guint k;

          for (k = i; k < lines->len && k < i + 4; k++)
            {
              dossier_pdf_append_line (self, out, ((PdfLine *) g_ptr_array_index (lines, k))->text);
              g_free (key);
              key = words_key (out->str);
              if (g_str_equal (key, wanted) || strlen (key) >= strlen (wanted))
                break;
            }
          joined = g_string_free (out, FALSE);
          if (key != NULL && g_str_equal (key, wanted))
            {
              self->title = take_run (self, lines, i, MIN (k + 1, lines->len));
              break;
            }
        }
    }
}

/* "© 2024 Asia Peace Institute. All rights reserved." */
static char *
find_copyright_holder (PdfImport *self)
{
  static GRegex *copyright = NULL;

  dossier_regex_once (&copyright, "^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?,?\\s*)?(?:by\\s+)?"
                                  "([^.]{3,80}?)\\s*(?:\\.|,|$)",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  for (guint p = 0; p < self->pages->len && p < 3; p++)
    {
      PdfPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          PdfLine *line = g_ptr_array_index (page->lines, i);
          g_autoptr(GMatchInfo) match = NULL;

          if ((line->flags & LINE_DROP) || !g_regex_match (copyright, line->text, 0, &match))
            continue;
          {
            g_autofree char *holder = g_match_info_fetch (match, 1);

            g_strstrip (holder);
            if (count_words (holder) <= 8 && !looks_like_name (holder) &&
                g_ascii_strncasecmp (holder, "all rights", 10) != 0)
              return g_steal_pointer (&holder);
          }
        }
    }
  return NULL;
}

/**
 * dossier_pdf_read_metadata:
 *
 * Sets the import's title, subtitle, authors, date and publisher, and
 * marks the first page's lines that said them.
 */
void
dossier_pdf_read_metadata (PdfImport *self)
{
  g_autofree char *info_title_raw = poppler_document_get_title (self->doc);
  g_autofree char *info_title = clean_value (info_title_raw);
  g_autofree char *info_author = poppler_document_get_author (self->doc);
  g_autofree char *site = NULL;
  g_autofree char *bare_title = NULL;
  Xmp xmp = { 0 };

  read_xmp (self, &xmp);
  if (!is_real_title (info_title) && is_real_title (xmp.title))
    {
      g_free (info_title);
      info_title = g_strdup (xmp.title);
    }

  /* A browser names the PDF after the page's title: "Title | Site". */
  if (info_title != NULL)
    bare_title = strip_site_suffix (info_title, &site);

  read_head (self, bare_title != NULL && is_real_title (bare_title) ? bare_title : info_title);

  if (self->title == NULL && is_real_title (bare_title))
    self->title = g_strdup (bare_title);
  if (self->title != NULL && site != NULL && self->publisher == NULL && bare_title != NULL)
    {
      g_autofree char *a = words_key (self->title);
      g_autofree char *b = words_key (bare_title);

      if (g_str_equal (a, b) && count_words (site) <= 6 && !looks_like_name (site))
        self->publisher = g_strdup (site);
    }

  /* Authors from the metadata when the page names none. */
  if (self->authors->len == 0)
    {
      if (xmp.creators->len > 0)
        for (guint i = 0; i < xmp.creators->len; i++)
          {
            g_autofree char *clean = clean_value (g_ptr_array_index (xmp.creators, i));

            if (clean != NULL)
              read_names (self, clean, FALSE);
          }
      else if (info_author != NULL)
        {
          g_autofree char *clean = clean_value (info_author);

          if (clean != NULL)
            read_names (self, clean, FALSE);
        }
    }

  if (self->published == NULL && xmp.date != NULL)
    self->published = find_date (xmp.date);

  if (self->publisher == NULL && xmp.publisher != NULL && count_words (xmp.publisher) <= 10)
    self->publisher = g_strdup (xmp.publisher);
  if (self->publisher == NULL)
    self->publisher = find_copyright_holder (self);

  xmp_clear (&xmp);
}
