/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* What a page sets apart from its text: key points ("Key Takeaways"
 * boxes and lists) and pull quotes. See docs/import.md. */

xmlNode *
dossier_html_next_element (xmlNode *node)
{
  for (node = node ? node->next : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;

  return NULL;
}

/* Key points, bios: read from an element dossier_html_is_small() allowed,
 * each item whole (ItemState in dossier-html-private.h). */

gboolean
dossier_html_list_items_enter (xmlNode  *node,
                               gpointer  data)
{
  ItemState *state = data;

  if (node->type != XML_ELEMENT_NODE || dossier_html_tag_in (node, dossier_html_invisible_tags))
    return FALSE;

  if (dossier_html_tag_is (node, "li"))
    {
      g_autofree char *text = dossier_html_node_text_whole (state->self, node, NULL);

      if (*text != '\0')
        g_ptr_array_add (state->items, g_steal_pointer (&text));
      return FALSE;
    }

  return TRUE;
}

gboolean
dossier_html_paragraphs_enter (xmlNode  *node,
                               gpointer  data)
{
  ItemState *state = data;

  if (node->type != XML_ELEMENT_NODE || dossier_html_tag_in (node, dossier_html_invisible_tags) || dossier_html_heading_level (node) > 0)
    return FALSE;

  if (dossier_html_tag_is (node, "p"))
    {
      g_autofree char *text = dossier_html_node_text_whole (state->self, node, NULL);

      if (dossier_html_count_words (text) >= 3 &&
          !g_regex_match (state->self->key_points_heading, text, 0, NULL))
        g_ptr_array_add (state->items, g_steal_pointer (&text));
      return FALSE;
    }

  return TRUE;
}

gboolean
dossier_html_is_label_element (Importer *self,
                               xmlNode  *node,
                               GRegex   *regex)
{
  g_autofree char *text = NULL;
  NodeInfo *info = dossier_html_info_of (self, node);

  if (info == NULL || info->text > 60 ||
      !(dossier_html_heading_level (node) > 0 || dossier_html_tag_in (node, (const char * const[]) { "p", "div", "strong", "b", "span", "dt", "summary", NULL })))
    return FALSE;

  /* A wrapper around a single element with the same text: that element
   * is the label, and reading the text at every level of a deep chain of
   * wrappers would be quadratic. */
  {
    xmlNode *only = NULL;
    guint elements = 0;

    for (xmlNode *child = node->children; child != NULL && elements < 2; child = child->next)
      if (child->type == XML_ELEMENT_NODE)
        {
          only = child;
          elements++;
        }
    if (elements == 1 && !dossier_html_tag_in (only, (const char * const[]) { "strong", "b", "span", "em", "i", "a", NULL }))
      {
        NodeInfo *only_info = dossier_html_info_of (self, only);
        if (only_info != NULL && only_info->text == info->text)
          return FALSE;
      }
  }

  text = dossier_html_node_text (self, node);
  return g_regex_match (regex, text, 0, NULL);
}

void
dossier_html_find_key_points (Importer *self)
{
  guint examined = 0;
  xmlXPathObjectPtr result = dossier_html_select_elements (self, dossier_html_filter_classed);

  /* A box whose class names it: "key-takeaways", "highlights" … */
  for (guint i = 0; i < dossier_html_nodeset_len (result) && self->key_points->len == 0; i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      ItemState state = { self, self->key_points };

      /* Key points often sit in the article's <header>, which is boilerplate otherwise. */
      if ((dossier_html_flags_of (self, node) & FLAG_SKIP) || !dossier_html_class_matches (node, self->key_points_class))
        continue;
      if (++examined > MAX_CANDIDATES)
        break;
      if (!dossier_html_is_small (self, node, MAX_KEY_POINTS_CHARS) ||
          (dossier_html_is_ancestor (node, self->root) && node != self->root) ||
          dossier_html_in_site_chrome (self, node))
        continue;

      dossier_html_traverse (node, dossier_html_list_items_enter, NULL, &state);
      if (self->key_points->len == 0)
        dossier_html_traverse (node, dossier_html_paragraphs_enter, NULL, &state);
      if (self->key_points->len > 0)
        dossier_html_add_flags (self, node, FLAG_SKIP);
    }
  xmlXPathFreeObject (result);

  if (self->key_points->len > 0)
    return;

  /* A "Key Takeaways" label followed by a list. */
  result = dossier_html_select_elements (self, dossier_html_filter_labels);
  for (guint i = 0; i < dossier_html_nodeset_len (result) && self->key_points->len == 0; i++)
    {
      xmlNode *label = dossier_html_nodeset_item (result, i);
      xmlNode *anchor = label, *list = NULL;
      ItemState state = { self, self->key_points };

      if ((dossier_html_flags_of (self, label) & FLAG_SKIP) || !dossier_html_is_label_element (self, label, self->key_points_heading) ||
          dossier_html_in_site_chrome (self, label))
        continue;

      /* <p><strong>Key Points</strong></p><ul>: climb out of the wrapper. */
      for (guint up = 0; up < 3 && anchor != NULL; up++, anchor = anchor->parent)
        {
          list = dossier_html_next_element (anchor);
          if (list != NULL)
            break;
        }

      if (list == NULL || !(dossier_html_tag_is (list, "ul") || dossier_html_tag_is (list, "ol") || dossier_html_tag_is (list, "div")) ||
          !dossier_html_is_small (self, list, MAX_KEY_POINTS_CHARS))
        continue;

      dossier_html_traverse (list, dossier_html_list_items_enter, NULL, &state);
      if (self->key_points->len > 0)
        {
          dossier_html_add_flags (self, list, FLAG_SKIP);
          dossier_html_add_flags (self, anchor ? anchor : label, FLAG_SKIP);
          dossier_html_add_flags (self, label, FLAG_SKIP);
        }
    }
  xmlXPathFreeObject (result);
}

/* The quotation of a pull quote, without its <cite> or attribution. */
static char *
quote_text (Importer *self,
            xmlNode  *node)
{
  xmlXPathObjectPtr result;
  xmlNode *cite = NULL;
  g_autofree char *text = NULL;

  self->xpath->node = node;
  result = dossier_html_xpath (self, ".//cite | .//footer | .//figcaption");
  if (dossier_html_nodeset_len (result) > 0)
    cite = dossier_html_nodeset_item (result, 0);
  xmlXPathFreeObject (result);
  self->xpath->node = NULL;

  text = dossier_html_node_text_whole (self, node, cite);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
dossier_html_find_pull_quotes (Importer *self)
{
  xmlXPathObjectPtr result = dossier_html_select_elements (self, dossier_html_filter_quotes);

  guint asides = 0;
  guint examined = 0;

  for (guint i = 0; i < dossier_html_nodeset_len (result) && self->pull_quotes->len < 20; i++)
    {
      xmlNode *node = dossier_html_nodeset_item (result, i);
      gboolean pull = FALSE;
      g_autofree char *text = NULL;

      if (dossier_html_flags_of (self, node) & FLAG_SKIP)
        continue;
      /* Each aside costs a query of its subtree: bound them. */
      if (dossier_html_tag_is (node, "aside") && ++asides > 200)
        continue;

      if (dossier_html_class_matches (node, self->pull_quote_class))
        pull = TRUE;
      else if (dossier_html_tag_is (node, "aside"))
        {
          /* An aside is a pull quote when it quotes: a <blockquote>, <q> or a "quote" class. */
          g_autofree char *names = dossier_html_class_and_id (node);
          pull = dossier_html_first_matching (self, node, ".//blockquote | .//q") != NULL ||
                 (names != NULL && strstr (names, "quote") != NULL);
        }
      else if (dossier_html_tag_is (node, "blockquote") && dossier_html_tag_is (node->parent, "aside"))
        pull = TRUE;

      if (pull && ++examined > MAX_CANDIDATES)
        break;

      /* Pull quotes inside the article or the boxes around it only. */
      if (!pull || !dossier_html_is_small (self, node, MAX_PULL_QUOTE_CHARS) || dossier_html_in_site_chrome (self, node) ||
          (!dossier_html_is_ancestor (self->root, node) && !dossier_html_tag_is (node, "aside") && (dossier_html_flags_of (self, node) & FLAG_NOISE)))
        continue;

      text = quote_text (self, node);
      if (text == NULL || dossier_html_count_words (text) < 4)
        continue;

      /* Nested matches (an aside around a blockquote.pullquote) and a quote
       * printed twice count once; either way the element is set aside. */
      if (!g_ptr_array_find_with_equal_func (self->pull_quotes, text, g_str_equal, NULL))
        g_ptr_array_add (self->pull_quotes, g_steal_pointer (&text));
      dossier_html_add_flags (self, node, FLAG_SKIP);
    }

  xmlXPathFreeObject (result);
}
