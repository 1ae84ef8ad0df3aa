/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* The title of a web page, chosen among what its sources say (JSON-LD,
 * meta tags, the visible <h1>, the <title>) by how many of them agree,
 * rather than by a fixed order: on pages nobody tuned for, any one source
 * may be wrong (a logo or section name in the <h1>, a description in the
 * JSON-LD headline), but the wrong one rarely agrees with the others.
 * See docs/import.md. */

typedef struct {
  char *text;        /* as it would be the title */
  char *key;         /* folded, letters and digits only */
  char *raw_key;     /* the same of the value before a " | Site" tail was cut */
  gboolean cut;      /* ended in "…": others may go on */
  TitleSource source;
  xmlNode *node;     /* the <h1>, for visible ones */
} TitleCandidate;

/* Sources that copy each other count once when they agree. */
static int
group_of (TitleSource source)
{
  switch (source)
    {
    case TITLE_LD_HEADLINE:
    case TITLE_LD_NAME:
      return 0;
    case TITLE_CITATION:
    case TITLE_OPEN_GRAPH:
      return 1;
    case TITLE_H1_HEADLINE:
    case TITLE_H1_ARTICLE:
    case TITLE_H1:
      return 2;
    case TITLE_HEADING:
      return 3;
    case TITLE_DOCUMENT:
    default:
      return 4;
    }
}

/* Ties between equally supported candidates go to the more trusted one. */
static int
trust_of (TitleSource source)
{
  switch (source)
    {
    case TITLE_LD_HEADLINE: return 7;
    case TITLE_CITATION: return 6;
    case TITLE_H1_HEADLINE: return 5;
    case TITLE_LD_NAME: return 4;
    case TITLE_OPEN_GRAPH: return 4;
    case TITLE_H1_ARTICLE: return 3;
    case TITLE_H1: return 2;
    case TITLE_DOCUMENT: return 1;
    case TITLE_HEADING:
    default:
      return 0;
    }
}

static void
candidate_free (gpointer data)
{
  TitleCandidate *candidate = data;

  g_free (candidate->text);
  g_free (candidate->key);
  g_free (candidate->raw_key);
  g_free (candidate);
}

/* Letters and digits, case folded: quotes, dashes and spacing differ
 * between a page's sources more often than words do. */
static char *
title_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* Without a trailing permalink mark ("Heading¶", "Heading #") that
 * documentation generators put in every heading. */
static char *
without_permalink (const char *text)
{
  static const char * const marks[] = { "¶", "#", "§", "🔗", NULL };
  char *copy = g_strdup (text);
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      g_strchomp (copy);
      for (guint i = 0; marks[i] != NULL; i++)
        if (g_str_has_suffix (copy, marks[i]) && strlen (copy) > strlen (marks[i]))
          {
            copy[strlen (copy) - strlen (marks[i])] = '\0';
            changed = TRUE;
          }
    }

  return copy;
}

void
dossier_html_add_title_candidate (Importer    *self,
                                  TitleSource  source,
                                  const char  *text,
                                  const char  *raw,
                                  xmlNode     *node)
{
  TitleCandidate *candidate;
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;

  if (text == NULL || self->title_candidates->len >= 64)
    return;

  clean = without_permalink (text);
  key = title_key (clean);
  if (*key == '\0' || strlen (clean) > 2000)
    return;

  candidate = g_new0 (TitleCandidate, 1);
  candidate->text = g_steal_pointer (&clean);
  candidate->key = g_steal_pointer (&key);
  candidate->raw_key = title_key (raw != NULL ? raw : candidate->text);
  candidate->cut = g_str_has_suffix (candidate->text, "…") || g_str_has_suffix (candidate->text, "...");
  candidate->source = source;
  candidate->node = node;
  g_ptr_array_add (self->title_candidates, candidate);
}

GPtrArray *
dossier_html_title_candidates_new (void)
{
  return g_ptr_array_new_with_free_func (candidate_free);
}

/* Is @key the whole of @longer but for a tail (" - Site", "| Section")?
 * Long enough to be a title, not a word of one. */
static gboolean
opens (const char *key,
       const char *longer)
{
  gsize length = strlen (key);

  return length >= 12 && length * 5 >= strlen (longer) * 2 && g_str_has_prefix (longer, key);
}

/* Do @a and @b say the same title? The same words; or one's value before
 * its tail was cut (a <title> whose site name the page never gave) opening
 * with the other's; or one cut short ("…") where the other goes on. */
static gboolean
agrees (const TitleCandidate *a,
        const TitleCandidate *b)
{
  return strcmp (a->key, b->key) == 0 ||
         opens (a->key, b->raw_key) || opens (b->key, a->raw_key) ||
         (a->cut && opens (a->key, b->key)) || (b->cut && opens (b->key, a->key));
}

/* An <h1> that is the site's logo: its text is the site's name, its class
 * says so, or all it holds is a link to the site's front page. */
static gboolean
is_logo_heading (Importer   *self,
                 xmlNode    *node,
                 const char *text)
{
  xmlXPathObjectPtr links;
  gboolean home = FALSE;

  if ((self->site_name != NULL && g_ascii_strcasecmp (text, self->site_name) == 0) ||
      (self->publisher != NULL && g_ascii_strcasecmp (text, self->publisher) == 0) ||
      dossier_html_class_matches (node, self->logo_class) ||
      (node->parent != NULL && dossier_html_class_matches (node->parent, self->logo_class)))
    return TRUE;

  self->xpath->node = node;
  links = dossier_html_xpath (self, "./a[@href] | ./*/a[@href]");
  self->xpath->node = NULL;
  if (dossier_html_nodeset_len (links) == 1)
    {
      xmlNode *link = dossier_html_nodeset_item (links, 0);
      g_autofree char *href = dossier_html_get_attr (link, "href");
      g_autofree char *link_text = dossier_html_node_text (self, link);
      const char *path = href != NULL ? g_strstrip (href) : NULL;

      /* "/", "./", "https://example.org/", "index.html" */
      if (path != NULL && (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://")))
        {
          const char *slash = strchr (strstr (path, "//") + 2, '/');
          path = slash != NULL ? slash : "/";
        }
      if (path != NULL && (g_strv_contains ((const char * const[]) { "/", "./", "", "index.html", "/index.html", "#", NULL }, path)) &&
          g_strcmp0 (link_text, text) == 0)
        home = TRUE;
    }
  xmlXPathFreeObject (links);

  return home;
}

static void
add_visible_candidates (Importer *self)
{
  xmlXPathObjectPtr result = dossier_html_xpath (self, "//h1 | //h2 | //h3");
  guint h1s = 0, others = 0;

  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      gboolean in_article = dossier_html_is_ancestor (self->root, node);
      gboolean is_h1 = dossier_html_heading_level (node) == 1;
      gboolean headline = dossier_html_attr_equals (node, "itemprop", "headline");
      g_autofree char *text = NULL;

      if (!dossier_html_is_measured (self, node))
        continue;
      /* Headings below the first level only confirm a title: the story's
       * own heading under a section name set in an <h1>. */
      if (!is_h1 && !headline && (others >= 8 || !in_article))
        continue;
      if (is_h1 ? h1s >= 16 : others >= 8)
        continue;
      if (dossier_html_flags_of (self, node) & FLAG_NOISE && !dossier_html_is_ancestor (node->parent, self->root))
        {
          /* An <h1> in a <header> is fine; one in the site's banner is not. */
          if (dossier_html_useful_text (self, node) == 0 && dossier_html_class_matches (node, self->noise_class))
            continue;
        }
      text = dossier_html_node_text (self, node);
      if (dossier_html_count_words (text) == 0 || strlen (text) > 400)
        continue;
      if (is_h1 && is_logo_heading (self, node, text))
        continue;

      if (is_h1 || headline)
        h1s++;
      else
        others++;
      dossier_html_add_title_candidate (self,
                                        headline ? TITLE_H1_HEADLINE :
                                        !is_h1 ? TITLE_HEADING :
                                        in_article ? TITLE_H1_ARTICLE : TITLE_H1,
                                        text, NULL, node);
    }
  xmlXPathFreeObject (result);
}

static guint
support_of (Importer             *self,
            const TitleCandidate *candidate)
{
  guint groups = 0;
  guint count = 0;

  for (guint i = 0; i < self->title_candidates->len; i++)
    {
      const TitleCandidate *other = g_ptr_array_index (self->title_candidates, i);
      int group = group_of (other->source);

      if (group != group_of (candidate->source) && !(groups & (1u << group)) && agrees (candidate, other))
        {
          groups |= 1u << group;
          count++;
        }
    }

  return count;
}

void
dossier_html_choose_title (Importer *self)
{
  TitleCandidate *best = NULL;
  guint best_support = 0;
  TitleCandidate *heading = NULL;

  add_visible_candidates (self);

  for (guint i = 0; i < self->title_candidates->len; i++)
    {
      TitleCandidate *candidate = g_ptr_array_index (self->title_candidates, i);
      guint support;

      if (candidate->source == TITLE_HEADING)
        continue;
      support = support_of (self, candidate);
      if (best == NULL || support > best_support ||
          (support == best_support && trust_of (candidate->source) > trust_of (best->source)))
        {
          best = candidate;
          best_support = support;
        }
    }

  /* The <h1> the title stands in: the chosen one, or one saying the same
   * (preferring one in the article); failing those, the first in the
   * article, whose kickers and dek are read around it. */
  for (guint i = 0; i < self->title_candidates->len; i++)
    {
      TitleCandidate *candidate = g_ptr_array_index (self->title_candidates, i);

      if (candidate->node == NULL)
        continue;
      if (best != NULL && (candidate == best || agrees (best, candidate) || agrees (candidate, best)) &&
          (heading == NULL || trust_of (candidate->source) > trust_of (heading->source)))
        heading = candidate;
    }
  if (heading == NULL)
    for (guint i = 0; i < self->title_candidates->len; i++)
      {
        TitleCandidate *candidate = g_ptr_array_index (self->title_candidates, i);

        if (candidate->node == NULL || candidate->source == TITLE_HEADING)
          continue;
        if (heading == NULL || (candidate->source != TITLE_H1 && heading->source == TITLE_H1))
          heading = candidate;
      }

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->h1, g_free);
  self->h1_node = heading != NULL ? heading->node : NULL;
  self->h1 = heading != NULL ? g_strdup (heading->text) : NULL;
  self->title = best != NULL ? g_strdup (best->text) : NULL;

  /* A title with a tail no rule could cut ("Story - Health Site", a
   * JSON-LD name copied from the <title>): the words another source gives
   * without it. */
  if (best != NULL)
    {
      TitleCandidate *shorter = NULL;

      for (guint i = 0; i < self->title_candidates->len; i++)
        {
          TitleCandidate *candidate = g_ptr_array_index (self->title_candidates, i);

          if (strlen (candidate->key) < strlen (best->key) && opens (candidate->key, best->key) &&
              !candidate->cut && (shorter == NULL || trust_of (candidate->source) > trust_of (shorter->source)))
            shorter = candidate;
        }
      if (shorter != NULL)
        {
          g_free (self->title);
          self->title = g_strdup (shorter->text);
        }
    }

  /* A headline cut short for search engines ("… in the Taiwan…"): the
   * page's own <h1> is whole. */
  if (self->title != NULL && heading != NULL && best->cut && g_str_has_prefix (heading->key, best->key) &&
      strlen (self->h1) + 3 > strlen (self->title))
    {
      g_free (self->title);
      self->title = g_strdup (self->h1);
    }
}
