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

/* Tree helpers of the HTML importer: element tests, walks without
 * recursion, text with collapsed space, element selection. */

/* ---- small helpers ---------------------------------------------------- */

gboolean
dossier_html_is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         c == 0x2009 || c == 0x200A || c == 0x3000 || c == 0x2002 || c == 0x2003;
}

gboolean
dossier_html_is_invisible_char (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D || c == 0x00AD ||
         c == 0x2060 || (c < 0x20 && !g_unichar_isspace (c));
}

gboolean
dossier_html_tag_is (xmlNode    *node,
                     const char *name)
{
  /* The first letter first: this runs for every node of every walk. */
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_tolower (node->name[0]) == g_ascii_tolower (name[0]) &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

gboolean
dossier_html_tag_in (xmlNode            *node,
                     const char * const *names)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_tolower (node->name[0]) == g_ascii_tolower (names[i][0]) &&
        g_ascii_strcasecmp ((const char *)node->name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

int
dossier_html_heading_level (xmlNode *node)
{
  const char *name;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return 0;

  name = (const char *)node->name;
  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';

  return 0;
}

char *
dossier_html_get_attr (xmlNode    *node,
                       const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  value = xmlGetProp (node, (const xmlChar *)name);
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

gboolean
dossier_html_attr_equals (xmlNode    *node,
                          const char *name,
                          const char *value)
{
  g_autofree char *actual = dossier_html_get_attr (node, name);

  return actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
}

/* The class and id of an element, lower-cased, for token matching. */
char *
dossier_html_class_and_id (xmlNode *node)
{
  g_autofree char *klass = dossier_html_get_attr (node, "class");
  g_autofree char *id = dossier_html_get_attr (node, "id");
  g_autofree char *joined = NULL;

  if (klass == NULL && id == NULL)
    return NULL;

  joined = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);
  return g_ascii_strdown (joined, -1);
}

gboolean
dossier_html_class_matches (xmlNode *node,
                            GRegex  *regex)
{
  g_autofree char *names = dossier_html_class_and_id (node);

  return names != NULL && g_regex_match (regex, names, 0, NULL);
}

NodeInfo *
dossier_html_info_of (Importer *self,
                      xmlNode  *node)
{
  guint index;

  if (node == NULL || node->_private == NULL)
    return NULL;

  index = GPOINTER_TO_UINT (node->_private);
  if (index == 0 || index > self->info->len)
    return NULL;

  return &g_array_index (self->info, NodeInfo, index - 1);
}

/* Whether the measuring pass entered @node: every element outside the
 * invisible ones. What <noscript>, <svg>, <video>, <object> … hold is never
 * measured (nor shown), so it has no NodeInfo, though XPath still finds it. */
gboolean
dossier_html_is_measured (Importer *self,
                          xmlNode  *node)
{
  return dossier_html_info_of (self, node) != NULL;
}

/* Non-space characters inside @node, 0 for a node never measured. */
guint
dossier_html_text_of (Importer *self,
                      xmlNode  *node)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  return info != NULL ? info->text : 0;
}

guint
dossier_html_flags_of (Importer *self,
                       xmlNode  *node)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  return info ? info->flags : 0;
}

void
dossier_html_add_flags (Importer *self,
                        xmlNode  *node,
                        guint     flags)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  if (info != NULL)
    info->flags |= flags;
}

gboolean
dossier_html_is_ancestor (xmlNode *ancestor,
                          xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;

  return FALSE;
}

/* ---- traversal without recursion -------------------------------------- */


/* Visits @root and its descendants in document order. @enter returns
 * whether to visit the children; @leave runs for every node whose @enter
 * said yes, after its children. No recursion: nesting depth is unbounded
 * in hostile input. */
void
dossier_html_traverse (xmlNode   *root,
                       EnterFunc  enter,
                       LeaveFunc  leave,
                       gpointer   data)
{
  xmlNode *node = root;
  gboolean descend;

  if (root == NULL)
    return;

  descend = enter (node, data);
  for (;;)
    {
      if (descend && node->children != NULL &&
          (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
           node->type == XML_HTML_DOCUMENT_NODE))
        {
          node = node->children;
          descend = enter (node, data);
          continue;
        }

      for (;;)
        {
          if (descend && leave != NULL)
            leave (node, data);
          descend = TRUE;   /* every ancestor was entered with yes */

          if (node == root)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              descend = enter (node, data);
              break;
            }
          node = node->parent;
          if (node == NULL)
            return;
        }
    }
}

/* ---- text of an element ----------------------------------------------- */

const char * const dossier_html_invisible_tags[] = {
  "script", "style", "noscript", "template", "svg", "math", "canvas", "object", "embed",
  "iframe", "frame", "frameset", "video", "audio", "picture", "img", "map", "head", "title",
  "select", "textarea", "button", "input", NULL
};


void
dossier_html_append_collapsed (GString    *out,
                               gboolean   *pending_space,
                               const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (dossier_html_is_invisible_char (c))
        continue;
      if (dossier_html_is_space_char (c))
        {
          *pending_space = out->len > 0;
          continue;
        }
      if (*pending_space)
        g_string_append_c (out, ' ');
      *pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
}

gboolean
dossier_html_collect_enter (xmlNode  *node,
                            gpointer  data)
{
  TextCollector *tc = data;

  if (!tc->whole && (tc->out->len > tc->limit || ++tc->self->text_visits > MAX_TEXT_VISITS))
    return FALSE;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        dossier_html_append_collapsed (tc->out, &tc->pending_space, (const char *)node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (node == tc->exclude || dossier_html_tag_in (node, dossier_html_invisible_tags))
    return FALSE;

  if (tc->skip_refs && (dossier_html_flags_of (tc->self, node) & FLAG_REF))
    return FALSE;

  if (dossier_html_flags_of (tc->self, node) & tc->skip_flags)
    return FALSE;

  if (dossier_html_tag_is (node, "br") || dossier_html_tag_is (node, "p") || dossier_html_tag_is (node, "li") || dossier_html_tag_is (node, "div") ||
      dossier_html_heading_level (node) > 0 || dossier_html_tag_is (node, "td") || dossier_html_tag_is (node, "dd") || dossier_html_tag_is (node, "dt"))
    tc->pending_space = tc->out->len > 0;

  return TRUE;
}

void
dossier_html_collect_leave (xmlNode  *node,
                            gpointer  data)
{
  TextCollector *tc = data;

  if (dossier_html_tag_is (node, "p") || dossier_html_tag_is (node, "li") || dossier_html_tag_is (node, "div") || dossier_html_heading_level (node) > 0 ||
      dossier_html_tag_is (node, "td") || dossier_html_tag_is (node, "dd") || dossier_html_tag_is (node, "dt"))
    tc->pending_space = tc->out->len > 0;
}

/* The visible text of @node with all space collapsed, for guessing
 * metadata (names, dates, labels): at most about 100 kB, and nothing once
 * the page's budget of MAX_TEXT_VISITS is spent. */
char *
dossier_html_node_text (Importer *self,
                        xmlNode  *node)
{
  TextCollector tc = { self, g_string_new (NULL), FALSE, NULL, 0, FALSE, 100000, FALSE };

  dossier_html_traverse (node, dossier_html_collect_enter, dossier_html_collect_leave, &tc);
  return g_string_free (tc.out, FALSE);
}

/* Whether @node holds at most @max_chars characters (not counting space)
 * and is cheap to read whole: see MAX_READ_NODES. */
gboolean
dossier_html_is_small (Importer *self,
                       xmlNode  *node,
                       guint     max_chars)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  return info != NULL && info->text <= max_chars && info->nodes <= MAX_READ_NODES;
}

/* All the text of @node (but @exclude), for what the document keeps: never
 * cut short, so only for an element that dossier_html_is_small() allowed. */
char *
dossier_html_node_text_whole (Importer *self,
                              xmlNode  *node,
                              xmlNode  *exclude)
{
  TextCollector tc = { self, g_string_new (NULL), FALSE, exclude, 0, FALSE, G_MAXSIZE, TRUE };

  dossier_html_traverse (node, dossier_html_collect_enter, dossier_html_collect_leave, &tc);
  return g_string_free (tc.out, FALSE);
}

guint
dossier_html_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

gboolean
dossier_html_ends_sentence (const char *text)
{
  gsize len = strlen (text);
  const char *last;

  if (len == 0)
    return FALSE;

  last = g_utf8_find_prev_char (text, text + len);
  if (last != NULL && last > text &&
      (g_utf8_get_char (last) == 0x201D || *last == '"' || *last == ')'))
    last = g_utf8_find_prev_char (text, last);

  return last != NULL && (*last == '.' || *last == ';' || *last == ',' || *last == '?' ||
                          *last == '!' || g_utf8_get_char (last) == 0x3002);
}

gboolean
dossier_html_has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HANGUL)
      return TRUE;

  return FALSE;
}

/* ---- XPath and element selection -------------------------------------------- */

xmlXPathObjectPtr
dossier_html_xpath (Importer   *self,
                    const char *expression)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *)expression, self->xpath);

  if (result != NULL && (result->type != XPATH_NODESET || result->nodesetval == NULL))
    {
      xmlXPathFreeObject (result);
      return NULL;
    }

  return result;
}

guint
dossier_html_nodeset_len (xmlXPathObjectPtr result)
{
  return result != NULL && result->nodesetval != NULL ? (guint)result->nodesetval->nodeNr : 0;
}

xmlNode *
dossier_html_nodeset_item (xmlXPathObjectPtr result,
                           guint             i)
{
  return result->nodesetval->nodeTab[i];
}


/* Like an XPath query over the whole page, but from the element list the
 * measuring pass made: a descendant query over the body costs libxml2 a node set per
 * element, which dominates on large pages. */
xmlXPathObjectPtr
dossier_html_select_elements (Importer      *self,
                              ElementFilter  filter)
{
  xmlNodeSetPtr set = xmlXPathNodeSetCreate (NULL);

  for (guint i = 0; i < self->elements->len && set != NULL; i++)
    {
      xmlNode *node = g_ptr_array_index (self->elements, i);

      if (filter (self, node) && xmlXPathNodeSetAddUnique (set, node) < 0)
        break;
    }

  return xmlXPathWrapNodeSet (set);
}

gboolean
dossier_html_in_body (Importer *self,
                      xmlNode  *node)
{
  return (dossier_html_flags_of (self, node) & FLAG_IN_BODY) != 0;
}

gboolean
dossier_html_filter_meta (Importer *self,
                          xmlNode  *node)
{
  return dossier_html_tag_is (node, "meta") && xmlHasProp (node, (const xmlChar *)"content") != NULL;
}

gboolean
dossier_html_filter_script (Importer *self,
                            xmlNode  *node)
{
  return dossier_html_tag_is (node, "script") && xmlHasProp (node, (const xmlChar *)"type") != NULL;
}

gboolean
dossier_html_filter_classed (Importer *self,
                             xmlNode  *node)
{
  return dossier_html_in_body (self, node) && (xmlHasProp (node, (const xmlChar *)"class") != NULL ||
                                  xmlHasProp (node, (const xmlChar *)"id") != NULL);
}

gboolean
dossier_html_filter_labels (Importer *self,
                            xmlNode  *node)
{
  NodeInfo *info = dossier_html_info_of (self, node);

  return dossier_html_in_body (self, node) && info != NULL && info->text <= 60 && info->text > 0 &&
         (dossier_html_heading_level (node) >= 2 ||
          dossier_html_tag_in (node, (const char * const[]) { "p", "div", "strong", "b", "span", "dt", NULL }));
}

gboolean
dossier_html_filter_quotes (Importer *self,
                            xmlNode  *node)
{
  return dossier_html_in_body (self, node) && (dossier_html_tag_is (node, "aside") || dossier_html_tag_is (node, "blockquote") ||
                                  xmlHasProp (node, (const xmlChar *)"class") != NULL);
}

gboolean
dossier_html_filter_authors (Importer *self,
                             xmlNode  *node)
{
  return dossier_html_in_body (self, node) && ((dossier_html_tag_is (node, "a") && dossier_html_attr_equals (node, "rel", "author")) ||
                                  dossier_html_attr_equals (node, "itemprop", "author"));
}

gboolean
dossier_html_filter_dates (Importer *self,
                           xmlNode  *node)
{
  return dossier_html_in_body (self, node) && (dossier_html_tag_is (node, "time") || xmlHasProp (node, (const xmlChar *)"class") != NULL ||
                                  dossier_html_attr_equals (node, "itemprop", "datePublished"));
}
