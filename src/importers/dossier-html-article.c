/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"
#include "model/dossier-util.h"

/* Boilerplate and the article's element: which elements are site
 * furniture (by tag, role, class and id, and what the page hides), and
 * which one holds the article. See docs/import.md. */

/* ---- boilerplate ------------------------------------------------------- */

static const char * const noise_tags[] = {
  "nav", "aside", "header", "footer", "form", "dialog", "menu", "figure", "figcaption", "label",
  "fieldset", "legend", NULL
};

static const char * const noise_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
  "menu", "menubar", "toolbar", "form", "tablist", "tooltip", NULL
};

/* Whether @figure holds a <blockquote> of its own. */
static gboolean
is_quote_figure (xmlNode *figure)
{
  for (xmlNode *child = figure->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && dossier_html_tag_is (child, "blockquote"))
      return TRUE;
  return FALSE;
}

/* "Sharing with a single developer" → "sharing-with-a-single-developer" */
static char *
slug_of (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_unichar (slug, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* Is @id made from the text of @node's own heading, as documentation and
 * CMSs name sections? Its words are the heading's, not a hint of what the
 * section is ("sharing-with-a-single-developer" shares nothing). */
static gboolean
id_is_heading_slug (Importer   *self,
                    xmlNode    *node,
                    const char *id)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (dossier_html_heading_level (child) > 0)
        {
          g_autofree char *text = dossier_html_node_text (self, child);
          g_autofree char *slug = text != NULL ? slug_of (text) : NULL;
          g_autofree char *lower = g_ascii_strdown (id, -1);

          return slug != NULL && *slug != '\0' && g_str_has_prefix (lower, slug) && strchr (slug, '-') != NULL;
        }
      return FALSE;
    }

  return FALSE;
}

/* The boilerplate rules on the element's class and id. */
static gboolean
noise_names_match (Importer *self,
                   xmlNode  *node)
{
  g_autofree char *klass = dossier_html_get_attr (node, "class");
  g_autofree char *id = dossier_html_get_attr (node, "id");
  g_autofree char *joined = NULL;
  g_autofree char *lower = NULL;

  if (id != NULL && id_is_heading_slug (self, node, id))
    g_clear_pointer (&id, g_free);
  if (klass == NULL && id == NULL)
    return FALSE;

  joined = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);
  lower = g_ascii_strdown (joined, -1);
  return g_regex_match (self->noise_class, lower, 0, NULL);
}

/* Why an element is boilerplate: what the page hides is never shown, so
 * it goes whatever it holds; what its tag, role or class says may be
 * wrong about a wrapper that holds the article. */
typedef enum {
  NOISE_NONE,
  NOISE_NAMED,
  NOISE_HIDDEN,
} NoiseKind;

static gboolean looks_like_noise (Importer *self,
                                  xmlNode  *node);

static NoiseKind
noise_kind (Importer *self,
            xmlNode  *node)
{
  g_autofree char *style = NULL;

  if (xmlHasProp (node, (const xmlChar *)"hidden"))
    return NOISE_HIDDEN;

  /* Hidden from screen readers: icons, duplicated labels, a background
   * stream, but not a drop cap, which is one letter of the first word. */
  if (dossier_html_attr_equals (node, "aria-hidden", "true"))
    {
      NodeInfo *info = dossier_html_info_of (self, node);

      if (info == NULL || info->text > 2 ||
          !dossier_html_tag_in (node, (const char * const[]) { "span", "i", "b", "em", "strong", "a", NULL }))
        return NOISE_HIDDEN;
    }

  style = dossier_html_get_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (style, -1);
      char *p;

      /* "display: none" with any spacing */
      for (p = lower; *p; p++)
        if (*p == ' ')
          memmove (p, p + 1, strlen (p));
      if (strstr (lower, "display:none") || strstr (lower, "visibility:hidden"))
        return NOISE_HIDDEN;
    }

  return looks_like_noise (self, node) ? NOISE_NAMED : NOISE_NONE;
}

static gboolean
looks_like_noise (Importer *self,
                  xmlNode  *node)
{
  g_autofree char *role = NULL;

  /* A <figure> is an image with its caption, boilerplate here, unless it
   * holds a quotation (<figure><blockquote>…</blockquote><figcaption>). */
  if (dossier_html_tag_in (node, noise_tags) && !(dossier_html_tag_is (node, "figure") && is_quote_figure (node)))
    return TRUE;

  /* A permalink mark after a heading ("Size limits¶"), as documentation
   * generators print in every heading: not a word of it. */
  if (dossier_html_tag_is (node, "a") && node->parent != NULL && dossier_html_heading_level (node->parent) > 0)
    {
      g_autofree char *href = dossier_html_get_attr (node, "href");
      xmlChar *content = href != NULL && href[0] == '#' ? xmlNodeGetContent (node) : NULL;
      gboolean mark = FALSE;

      if (content != NULL)
        {
          g_strstrip ((char *)content);
          mark = g_strv_contains ((const char * const[]) { "¶", "#", "§", "🔗", "", NULL }, (const char *)content);
        }
      xmlFree (content);
      if (mark)
        return TRUE;
    }

  role = dossier_html_get_attr (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);
      if (g_strv_contains (noise_roles, g_strstrip (lower)))
        return TRUE;
    }

  return noise_names_match (self, node);
}

/* An embedded post (a tweet, an Instagram or Mastodon post) quoted in the
 * article sits in a wrapper whose class says "social" or "embed-social":
 * the wrapper is the quotation, not a share bar, when the post is most of
 * what it holds. */
static gboolean
wraps_embedded_post (Importer *self,
                     xmlNode  *node,
                     NodeInfo *info)
{
  static GRegex *embed = NULL;
  xmlXPathObjectPtr result;
  gboolean found = FALSE;

  dossier_regex_once (&embed, "(?:^|\\s)(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|"
                              "threads-post|fb-xfbml-parse-ignore|reddit-card)(?=$|\\s)",
                              G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  if (info->text == 0 || info->text > MAX_PULL_QUOTE_CHARS * 2)
    return FALSE;

  self->xpath->node = node;
  result = dossier_html_xpath (self, "descendant-or-self::blockquote[@class]");
  self->xpath->node = NULL;
  for (guint i = 0; i < dossier_html_nodeset_len (result) && i < 4 && !found; i++)
    {
      xmlNode *quote = dossier_html_nodeset_item (result, i);
      g_autofree char *klass = dossier_html_get_attr (quote, "class");
      NodeInfo *quoted = dossier_html_info_of (self, quote);

      found = klass != NULL && g_regex_match (embed, klass, 0, NULL) && quoted != NULL &&
              quoted->text * 2 >= info->text;
    }
  xmlXPathFreeObject (result);

  return found;
}

typedef struct {
  Importer *self;
  guint page_text;
  guint page_para;
} NoiseState;

static gboolean
noise_enter (xmlNode  *node,
             gpointer  data)
{
  NoiseState *state = data;
  Importer *self = state->self;
  NodeInfo *info;
  NodeInfo *parent;
  NoiseKind kind;

  if (node->type != XML_ELEMENT_NODE || (info = dossier_html_info_of (self, node)) == NULL)
    return FALSE;

  parent = dossier_html_info_of (self, node->parent);
  if (parent != NULL && (parent->flags & FLAG_NOISE))
    info->flags |= FLAG_NOISE;
  else if (node != self->body && !dossier_html_tag_is (node, "html") &&
           (kind = noise_kind (self, node)) != NOISE_NONE)
    {
      /* Never the element that holds most of the article: a "has-sidebar"
       * or "page-header" class on a wrapper must not empty the page. But
       * hidden text is not the article however much of it there is, and
       * neither is a list of links (a gallery of fifty other stories). */
      gboolean holds_article = (state->page_para > 200 && info->para * 10 >= state->page_para * 4) ||
                               (info->text * 10 >= state->page_text * 6 && state->page_text > 200);

      if ((kind == NOISE_HIDDEN || !holds_article || info->links * 2 >= info->text) &&
          !(kind == NOISE_NAMED && wraps_embedded_post (self, node, info)))
        info->flags |= FLAG_NOISE;
    }

  if (dossier_html_class_matches (node, self->notes_class))
    info->flags |= FLAG_NOTES;

  return !(info->flags & FLAG_INVISIBLE);
}

/* Readability's idea: paragraphs vote for their parent (fully) and
 * grandparent (half); the element with the most votes holds the article.
 * A paragraph votes with its characters outside links, and only if it has
 * at least 25 of them; text directly inside a <div> counts as a paragraph
 * of that div (old pages separate paragraphs with <br><br>). */
static void
noise_leave (xmlNode  *node,
             gpointer  data)
{
  NoiseState *state = data;
  Importer *self = state->self;
  NodeInfo *info = dossier_html_info_of (self, node);
  xmlNode *parent, *grandparent;
  NodeInfo *parent_info, *grandparent_info;
  double vote = 0;

  if (info == NULL || (info->flags & (FLAG_NOISE | FLAG_INVISIBLE)))
    return;

  parent = node->parent;
  grandparent = parent ? parent->parent : NULL;
  parent_info = dossier_html_info_of (self, parent);
  grandparent_info = dossier_html_info_of (self, grandparent);

  if (dossier_html_tag_is (node, "p") || dossier_html_tag_is (node, "pre") || dossier_html_tag_is (node, "blockquote"))
    {
      if (info->text >= 25)
        vote = (double)info->text - info->links;
    }
  if (info->direct >= 25 && !dossier_html_tag_is (node, "p"))
    {
      info->score += info->direct;
      if (parent_info != NULL)
        parent_info->score += info->direct / 2.0;
    }

  if (vote > 0)
    {
      if (parent_info != NULL)
        parent_info->score += vote;
      if (grandparent_info != NULL)
        grandparent_info->score += vote / 2.0;
    }
}

/* ---- the article's element ---------------------------------------------- */

guint
dossier_html_useful_text (Importer *self,
                          xmlNode  *node)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  if (info == NULL || (info->flags & FLAG_NOISE))
    return 0;
  return info->text - MIN (info->links, info->text);
}

static xmlNode *
largest (Importer   *self,
         const char *expression,
         guint       minimum)
{
  xmlXPathObjectPtr result = dossier_html_xpath (self, expression);
  xmlNode *best = NULL;
  guint best_text = minimum;

  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      guint text = dossier_html_useful_text (self, node);

      if (text > best_text)
        {
          best = node;
          best_text = text;
        }
    }

  xmlXPathFreeObject (result);
  return best;
}

/* A list of other stories: three or more headings that are nothing but
 * a link ("More reading": six teasers with their excerpts), or <article>s
 * inside it. */
static gboolean
is_teaser_list (Importer *self,
                xmlNode  *article)
{
  xmlXPathObjectPtr result;
  guint linked = 0, nested = 0;

  self->xpath->node = article;
  result = dossier_html_xpath (self, ".//h2 | .//h3 | .//h4 | .//article");
  self->xpath->node = NULL;
  for (guint i = 0; i < dossier_html_nodeset_len (result) && i < 200; i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      NodeInfo *info = dossier_html_info_of (self, node);

      if (dossier_html_tag_is (node, "article"))
        nested++;
      else if (info != NULL && info->text > 0 && info->links >= info->text)
        linked++;
    }
  xmlXPathFreeObject (result);

  return linked >= 3 || nested >= 2;
}

static xmlNode *
largest_article (Importer *self,
                 guint     page)
{
  xmlXPathObjectPtr result = dossier_html_xpath (self, "//article");
  xmlNode *best = NULL;
  guint best_text = 0;
  guint lists = 0;

  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      guint text = dossier_html_useful_text (self, node);

      if (text == 0)
        continue;
      if (i < MAX_CANDIDATES && is_teaser_list (self, node))
        {
          lists += text;
          continue;
        }
      if (text > best_text)
        {
          best = node;
          best_text = text;
        }
    }
  xmlXPathFreeObject (result);

  page -= MIN (lists, page);
  return best != NULL && best_text > MIN (page / 5, 400) ? best : NULL;
}

static gboolean
find_body_class_enter (xmlNode  *node,
                       gpointer  data)
{
  gpointer *state = data;
  Importer *self = state[0];
  GPtrArray *found = state[1];

  if (node->type != XML_ELEMENT_NODE || (dossier_html_flags_of (self, node) & (FLAG_NOISE | FLAG_INVISIBLE)))
    return FALSE;

  if (dossier_html_class_matches (node, self->body_class) && dossier_html_useful_text (self, node) >= 100 && found->len < 200)
    g_ptr_array_add (found, node);

  return TRUE;
}

static xmlNode *
common_ancestor (xmlNode *a,
                 xmlNode *b)
{
  g_autoptr(GHashTable) ancestors = g_hash_table_new (NULL, NULL);

  for (xmlNode *node = a; node != NULL; node = node->parent)
    g_hash_table_add (ancestors, node);
  for (xmlNode *node = b; node != NULL; node = node->parent)
    if (g_hash_table_contains (ancestors, node))
      return node;

  return NULL;
}

/* CMSs that build articles from blocks (Drupal paragraphs, Gutenberg
 * groups) split the body into several containers with the same class,
 * with images or quotes between them: take the element holding them all. */
static xmlNode *
join_body_parts (Importer  *self,
                 GPtrArray *parts,
                 xmlNode   *best)
{
  xmlNode *joined = best;
  xmlNode *landmark = NULL;
  guint depth = 0;

  /* Parts of one body stand in the same <article> (or <main>): boxes in a
   * sidebar with the same class must not widen it to the whole page. */
  for (xmlNode *up = best->parent; up != NULL && up->type == XML_ELEMENT_NODE && depth < 400 && landmark == NULL;
       up = up->parent, depth++)
    if (dossier_html_tag_is (up, "article") || dossier_html_tag_is (up, "main") ||
        dossier_html_attr_equals (up, "role", "main"))
      landmark = up;

  for (guint i = 0; i < parts->len; i++)
    {
      xmlNode *part = g_ptr_array_index (parts, i);
      xmlNode *ancestor;

      if (dossier_html_is_ancestor (joined, part) || dossier_html_is_ancestor (part, joined))
        continue;
      if (landmark != NULL && !dossier_html_is_ancestor (landmark, part))
        continue;
      ancestor = common_ancestor (joined, part);
      if (ancestor == NULL || ancestor->type != XML_ELEMENT_NODE || dossier_html_tag_is (ancestor, "html"))
        continue;
      joined = ancestor;
    }

  return joined;
}

/* A how-to whose steps are blocks of their own beside the body's element
 * (<div class="article-body">intro</div><div class="step">…</div>…): a
 * sibling with paragraphs of a third of the body's text, not a list of
 * links, is more of the article, so the parent is. */
static xmlNode *
with_sibling_blocks (Importer *self,
                     xmlNode  *root)
{
  NodeInfo *info = dossier_html_info_of (self, root);
  xmlNode *parent = root->parent;

  if (info == NULL || parent == NULL || parent->type != XML_ELEMENT_NODE || root == self->body ||
      dossier_html_tag_is (parent, "html"))
    return root;

  for (xmlNode *sibling = parent->children; sibling != NULL; sibling = sibling->next)
    {
      NodeInfo *other = dossier_html_info_of (self, sibling);

      if (sibling == root || sibling->type != XML_ELEMENT_NODE || other == NULL ||
          (other->flags & (FLAG_NOISE | FLAG_INVISIBLE)))
        continue;
      if (other->para * 3 >= info->para && other->para > 0 && other->links * 10 < other->text * 3)
        return parent;
    }

  return root;
}

static gboolean
best_score_enter (xmlNode  *node,
                  gpointer  data)
{
  gpointer *state = data;
  Importer *self = state[0];
  xmlNode **best = state[1];
  NodeInfo *info = dossier_html_info_of (self, node);
  NodeInfo *best_info;

  if (node->type != XML_ELEMENT_NODE || info == NULL || (info->flags & (FLAG_NOISE | FLAG_INVISIBLE)))
    return FALSE;

  best_info = dossier_html_info_of (self, *best);
  if (info->score > 0 && (best_info == NULL || info->score > best_info->score))
    *best = node;

  return TRUE;
}

xmlNode *
dossier_html_find_root (Importer *self)
{
  xmlNode *node;
  xmlNode *best = NULL;
  gpointer state[2] = { self, &best };
  guint page = dossier_html_useful_text (self, self->body);
  guint needed = MIN (page / 5, 400);

  if ((node = largest (self, "//*[@itemprop='articleBody' or @itemprop='articlebody']", needed)) != NULL)
    return node;

  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();
    gpointer parts_state[2] = { self, parts };

    dossier_html_traverse (self->body, find_body_class_enter, NULL, parts_state);
    for (guint i = 0; i < parts->len; i++)
      {
        xmlNode *part = g_ptr_array_index (parts, i);
        if (best == NULL || dossier_html_useful_text (self, part) > dossier_html_useful_text (self, best))
          best = part;
      }
    if (best != NULL && dossier_html_useful_text (self, best) >= needed)
      return with_sibling_blocks (self, join_body_parts (self, parts, best));
    best = NULL;
  }

  /* The <article> with the most text, not a teaser card in a list, nor an
   * <article> that is itself a list of teasers (whose text is not the
   * page's own, so it does not count towards the share needed either). */
  if ((node = largest_article (self, page)) != NULL)
    return node;

  if ((node = largest (self, "//main | //*[@role='main']", needed)) != NULL)
    return node;

  best = NULL;
  dossier_html_traverse (self->body, best_score_enter, NULL, state);
  if (best == NULL)
    return self->body;

  /* Readability keeps siblings that score well too: an article split into
   * columns or sections is one article. Take the parent then. */
  if (best->parent != NULL && best->parent->type == XML_ELEMENT_NODE && best != self->body &&
      dossier_html_is_measured (self, best))
    {
      double best_score = dossier_html_info_of (self, best)->score;

      for (xmlNode *sibling = best->parent->children; sibling != NULL; sibling = sibling->next)
        {
          NodeInfo *info = dossier_html_info_of (self, sibling);

          if (sibling != best && info != NULL && !(info->flags & FLAG_NOISE) &&
              info->score >= best_score * 0.3)
            return best->parent;
        }
    }

  return best;
}

/* Marks boilerplate (FLAG_NOISE) and scores paragraph density, in one
 * pass over the body. */
void
dossier_html_mark_boilerplate (Importer *self)
{
  NoiseState noise;

  noise.self = self;
  noise.page_text = dossier_html_useful_text (self, self->body);
  noise.page_para = dossier_html_info_of (self, self->body) ? dossier_html_info_of (self, self->body)->para : 0;
  dossier_html_traverse (self->body, noise_enter, noise_leave, &noise);
}
