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

/*
 * The HTML importer turns a saved article page into a DossierDocument.
 * docs/import.md describes the rules; in short:
 *
 *  1. decode (BOM, HTTP charset, <meta charset>, else UTF-8 with a
 *     Windows-1252 fallback) and parse with libxml2's forgiving HTML parser,
 *     never touching the network or loading DTDs;
 *  2. one pass over the tree measures every element (text, link text,
 *     paragraph text) and indexes ids, without recursion so that any
 *     nesting depth is safe;
 *  3. metadata comes from JSON-LD, citation_* / Dublin Core / OpenGraph meta
 *     tags and then the visible page, in that order of trust;
 *  4. boilerplate (navigation, banners, share and "related" boxes …) is
 *     marked by tag, role and class tokens, but never an element that holds
 *     most of the page's text;
 *  5. the article is the schema.org articleBody, a known CMS body class,
 *     the largest <article>, <main>, or else the element with the densest
 *     paragraph text;
 *  6. footnote links, key points, pull quotes and author cards are found
 *     on the whole page and set aside; the article is then walked into
 *     blocks whose inline markup is flattened, and the blocks are sorted
 *     into headings, body paragraphs, notes and bios.
 *
 * Files: dossier-html-decode.c (charsets, MHTML), dossier-html-dom.c (tree
 * helpers), dossier-html-metadata.c (steps 3 and 6 but notes),
 * dossier-html-notes.c (footnotes), dossier-html-title.c (the title among
 * the sources), dossier-html-article.c (steps 4 and 5),
 * dossier-html-document.c (the sorting and the document) and this one
 * (step 2, the walk and the order of the steps), sharing
 * dossier-html-private.h.
 */

/* ---- pass 1: measure and index ---------------------------------------- */

typedef struct {
  Importer *self;
} MeasureState;

static gboolean
measure_enter (xmlNode  *node,
               gpointer  data)
{
  MeasureState *state = data;
  Importer *self = state->self;
  NodeInfo info = { 0 };

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      NodeInfo *parent = dossier_html_info_of (self, node->parent);
      guint chars = 0;

      if (parent == NULL)
        return FALSE;
      parent->nodes++;
      if (node->content == NULL || (parent->flags & FLAG_INVISIBLE))
        return FALSE;

      for (const char *p = (const char *)node->content; *p != '\0'; p = g_utf8_next_char (p))
        if (!dossier_html_is_space_char (g_utf8_get_char (p)))
          chars++;

      parent->text += chars;
      parent->direct += chars;
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    {
      NodeInfo *parent = dossier_html_info_of (self, node->parent);

      if (parent != NULL)
        parent->nodes++;
      return FALSE;
    }

  self->n_elements++;
  if (dossier_html_tag_in (node, dossier_html_invisible_tags))
    info.flags |= FLAG_INVISIBLE;
  {
    NodeInfo *parent = dossier_html_info_of (self, node->parent);
    if (node == self->body || (parent != NULL && (parent->flags & FLAG_IN_BODY)))
      info.flags |= FLAG_IN_BODY;
  }
  g_array_append_val (self->info, info);
  g_ptr_array_add (self->elements, node);
  node->_private = GUINT_TO_POINTER (self->info->len);

  /* Footnote targets are addressed by id, or by <a name> in Word's HTML. */
  {
    xmlChar *id = xmlGetProp (node, (const xmlChar *)"id");

    if (id != NULL && *id != '\0' && !g_hash_table_contains (self->ids, id))
      g_hash_table_insert (self->ids, g_strdup ((const char *)id), node);
    xmlFree (id);

    if (dossier_html_tag_is (node, "a"))
      {
        xmlChar *name = xmlGetProp (node, (const xmlChar *)"name");

        if (name != NULL && *name != '\0' && !g_hash_table_contains (self->ids, name))
          g_hash_table_insert (self->ids, g_strdup ((const char *)name), node);
        xmlFree (name);
      }
  }

  /* <head> holds no text, but its <meta> and <script> elements are read. */
  if (!(info.flags & FLAG_INVISIBLE) || dossier_html_tag_is (node, "head"))
    return TRUE;

  /* Reading text stops here too: one node to visit. */
  {
    NodeInfo *parent = dossier_html_info_of (self, node->parent);

    if (parent != NULL)
      parent->nodes++;
  }
  return FALSE;
}

static void
measure_leave (xmlNode  *node,
               gpointer  data)
{
  MeasureState *state = data;
  Importer *self = state->self;
  NodeInfo *info = dossier_html_info_of (self, node);
  NodeInfo *parent;

  if (info == NULL)
    return;

  if (dossier_html_tag_is (node, "a"))
    info->links = info->text;
  if (dossier_html_tag_is (node, "p"))
    info->para = info->text;

  parent = dossier_html_info_of (self, node->parent);
  if (parent != NULL)
    {
      parent->text += info->text;
      parent->links += MIN (info->links, info->text);
      parent->para += info->para;
      parent->nodes += 1 + info->nodes;
    }
}

/* ---- walking the article into blocks --------------------------------------- */

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->text = g_string_new (NULL);
  block->refs = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));
  block->tentative = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));
  block->hrefs = g_ptr_array_new_with_free_func (g_free);
  return block;
}

void
dossier_html_block_free (gpointer data)
{
  Block *block = data;

  g_string_free (block->text, TRUE);
  g_array_unref (block->refs);
  g_array_unref (block->tentative);
  g_ptr_array_unref (block->hrefs);
  g_free (block->attribution);
  g_free (block);
}

static Block *
current_block (Importer *self)
{
  if (self->current == NULL)
    {
      self->current = block_new ();
      self->current->in_quote = self->quote_depth > 0;
      self->current->in_notes = self->notes_depth > 0;
      self->current->before_title = self->title_pending;
      self->current->outside_root = self->walking_notes;
    }

  return self->current;
}

static void
flush_block (Importer *self)
{
  Block *block = self->current;

  self->current = NULL;
  if (block == NULL)
    return;

  if (block->n_chars == 0)
    {
      dossier_html_block_free (block);
      return;
    }

  g_ptr_array_add (self->blocks, block);
}

static void
block_append (Importer   *self,
              const char *text)
{
  Block *block = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (dossier_html_is_invisible_char (c))
        continue;
      if (dossier_html_is_space_char (c))
        {
          if (self->current != NULL && self->current->n_chars > 0)
            self->current->pending_space = TRUE;
          continue;
        }

      if (block == NULL)
        block = current_block (self);

      if (block->pending_space)
        {
          g_string_append_c (block->text, ' ');
          block->n_chars++;
          if (self->link_depth > 0)
            block->link_chars++;
          if (self->strong_depth > 0)
            block->strong_chars++;
        }
      block->pending_space = FALSE;
      block->last_was_br = FALSE;
      g_string_append_unichar (block->text, c);
      block->n_chars++;
      if (self->link_depth > 0)
        block->link_chars++;
      if (self->strong_depth > 0)
        block->strong_chars++;
    }
}

static void
block_add_ref (Block *block,
               GArray *refs,
               guint  number)
{
  /* The marker stood here: offsets count code points of the text so far. */
  DossierFootnoteRef ref = { number, block->n_chars };

  g_array_append_val (refs, ref);
}

/* "— Name", "– Name", "-- Name", "- Name": the text after the dash, or NULL. */
static const char *
after_attribution_dash (const char *text)
{
  const char *p = text;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "―"))
    p = g_utf8_next_char (p);
  else if (g_str_has_prefix (p, "--"))
    p += 2;
  else if (g_str_has_prefix (p, "- "))
    p += 1;
  else
    return NULL;
  while (*p == ' ')
    p++;
  return *p != '\0' ? p : NULL;
}

/* Nothing but a dash so far ("— " before a <cite>). */
static gboolean
is_dash_only (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '-' && c != 0x2013 && c != 0x2014 && c != 0x2015)
        return FALSE;
    }
  return TRUE;
}

/* An attribution is a name and perhaps a title, not a sentence. */
static gboolean
is_attribution_text (const char *text)
{
  guint words = dossier_html_count_words (text);

  return words > 0 && words <= 25;
}

static void
set_quote_attribution (Importer   *self,
                       const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *name = after_attribution_dash (copy);

  if (name == NULL)
    name = copy;
  if (self->quote_attribution == NULL && g_utf8_validate (name, -1, NULL) && is_attribution_text (name))
    self->quote_attribution = g_strdup (name);
}

/* The outermost <blockquote> closed: its blocks are one quotation. Its
 * attribution is a <footer>, a block that opens with <cite>, or a last
 * line that starts with a dash ("<br>— Name"); nested quotes were
 * flattened into it. */
static void
finish_quote (Importer *self,
              xmlNode  *node)
{
  guint first = self->quote_first_block;
  guint end = self->blocks->len;
  g_autofree char *attribution = NULL;
  xmlNode *caption = NULL;

  /* <figure><blockquote>…</blockquote><figcaption>— Name</figcaption></figure>:
   * the caption follows the quotation; look a few elements ahead only, so
   * a figure of a thousand blockquotes stays linear. */
  if (self->quote_attribution == NULL && node->parent != NULL && dossier_html_tag_is (node->parent, "figure"))
    {
      guint seen = 0;

      for (xmlNode *next = node->next; next != NULL && caption == NULL && seen < 4; next = next->next)
        if (next->type == XML_ELEMENT_NODE)
          {
            seen++;
            if (dossier_html_tag_is (next, "figcaption"))
              caption = next;
          }
    }
  if (caption != NULL && !(dossier_html_flags_of (self, caption) & (FLAG_SKIP | FLAG_INVISIBLE)) &&
      dossier_html_is_small (self, caption, MAX_ATTRIBUTION_CHARS))
    {
      g_autofree char *text = dossier_html_node_text_whole (self, caption, NULL);
      set_quote_attribution (self, text);
    }
  attribution = g_steal_pointer (&self->quote_attribution);

  if (first >= end)
    return;

  if (attribution == NULL && end - first >= 2)
    {
      Block *last = dossier_html_block_at (self, end - 1);
      const char *name = after_attribution_dash (last->text->str);

      if (last->heading_level == 0 && name == NULL && last->quote_cite)
        name = last->text->str;
      if (name != NULL && is_attribution_text (name) && last->refs->len == 0)
        {
          attribution = g_strdup (name);
          g_ptr_array_remove_index (self->blocks, end - 1);
          end--;
        }
    }

  if (attribution == NULL)
    {
      Block *last = dossier_html_block_at (self, end - 1);
      const char *name = last->br_at > 0 ? after_attribution_dash (last->text->str + last->br_at) : NULL;

      if (name != NULL && is_attribution_text (name))
        {
          attribution = g_strdup (name);
          g_string_truncate (last->text, last->br_at);
          last->n_chars = g_utf8_strlen (last->text->str, -1);
        }
    }

  if (attribution == NULL)
    return;
  g_strstrip (attribution);
  for (guint i = first; i < end; i++)
    {
      Block *block = dossier_html_block_at (self, i);

      g_free (block->attribution);
      block->attribution = g_strdup (attribution);
    }
}

static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dd", "dt",
  "pre", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "address", "hr",
  "header", "footer", "center", "details", "summary", "caption", "tbody", "thead", NULL
};

/* The text of a MathML formula without its <annotation>s (TeX source,
 * which would repeat it), tokens joined as the formula prints ("T=2π√L/g").
 * Iterative and read once (the walk does not enter the formula), so the
 * work is linear in its size. */
static char *
math_symbols (xmlNode *math)
{
  GString *out = g_string_new (NULL);
  xmlNode *node = math->children;

  while (node != NULL && node != math)
    {
      gboolean skip = node->type == XML_ELEMENT_NODE &&
                      (dossier_html_tag_is (node, "annotation") || dossier_html_tag_is (node, "annotation-xml"));

      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *)node->content));
          g_string_append (out, text);
        }
      if (node->type == XML_ELEMENT_NODE && dossier_html_tag_is (node, "msqrt"))
        g_string_append (out, "√");
      if (!skip && node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != math && node->next == NULL)
        node = node->parent;
      if (node != NULL && node != math)
        node = node->next;
    }

  return g_string_free (out, FALSE);
}

static gboolean
walk_enter (xmlNode  *node,
            gpointer  data)
{
  Importer *self = data;
  NodeInfo *info;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        block_append (self, (const char *)node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE || (info = dossier_html_info_of (self, node)) == NULL)
    return FALSE;

  if (info->flags & (FLAG_REF | FLAG_TENTATIVE))
    {
      Block *block = current_block (self);
      block_add_ref (block, (info->flags & FLAG_REF) ? block->refs : block->tentative, info->ref_number);
      return FALSE;
    }

  if (node == self->h1_node)
    {
      flush_block (self);
      self->title_pending = FALSE;
    }

  /* A quotation's <footer> (boilerplate anywhere else) names the speaker;
   * one too long to be a name is boilerplate as elsewhere. */
  if (self->quote_depth > 0 && !self->walking_notes && dossier_html_tag_is (node, "footer") &&
      !(info->flags & (FLAG_SKIP | FLAG_INVISIBLE)))
    {
      flush_block (self);
      if (dossier_html_is_small (self, node, MAX_ATTRIBUTION_CHARS))
        {
          g_autofree char *text = dossier_html_node_text_whole (self, node, NULL);
          set_quote_attribution (self, text);
        }
      return FALSE;
    }

  /* A formula in MathML is part of its sentence: its spoken form
   * (alttext) or its symbols, never a break in the paragraph. */
  if (dossier_html_tag_is (node, "math") && !(info->flags & ((self->walking_notes ? 0 : FLAG_NOISE) | FLAG_SKIP)))
    {
      g_autofree char *alt = dossier_html_get_attr (node, "alttext");
      g_autofree char *symbols = alt == NULL ? math_symbols (node) : NULL;

      block_append (self, alt != NULL ? alt : symbols);
      return FALSE;
    }

  if (node != self->root &&
      (info->flags & ((self->walking_notes ? 0 : FLAG_NOISE) | FLAG_SKIP | FLAG_INVISIBLE)))
    {
      /* The title may sit in a skipped header: what follows is below it. */
      if (self->title_pending && dossier_html_is_ancestor (node, self->h1_node))
        {
          flush_block (self);
          self->title_pending = FALSE;
        }
      return FALSE;
    }

  if (dossier_html_tag_is (node, "br"))
    {
      Block *block = self->current;

      /* One <br> is a line break inside a paragraph, two end it. */
      if (block != NULL && block->last_was_br)
        flush_block (self);
      else if (block != NULL)
        {
          block->pending_space = block->n_chars > 0;
          block->last_was_br = TRUE;
          block->br_at = block->text->len;
        }
      return FALSE;
    }

  /* A bare <sup>12</sup> may be a footnote marker; decided once the notes are known. */
  if (dossier_html_tag_is (node, "sup") && info->text <= 6 && info->links == 0 && dossier_html_is_small (self, node, 6))
    {
      g_autofree char *text = dossier_html_node_text_whole (self, node, NULL);
      guint number;

      if (dossier_html_parse_marker_number (text, &number))
        {
          Block *block = current_block (self);
          block_add_ref (block, block->tentative, number);
          return FALSE;
        }
    }

  if (dossier_html_tag_in (node, block_tags))
    {
      flush_block (self);

      if (dossier_html_tag_is (node, "ol") || dossier_html_tag_is (node, "ul"))
        {
          g_autofree char *start = dossier_html_get_attr (node, "start");
          int next = dossier_html_tag_is (node, "ol") ? (start ? atoi (start) : 1) : -1;

          g_array_append_val (self->lists, next);
        }
      else if (dossier_html_tag_is (node, "li"))
        {
          Block *block = current_block (self);

          block->list_item = TRUE;
          if (self->lists->len > 0)
            {
              int *next = &g_array_index (self->lists, int, self->lists->len - 1);
              g_autofree char *value = dossier_html_get_attr (node, "value");

              if (*next >= 0)
                {
                  if (value != NULL && atoi (value) > 0)
                    *next = atoi (value);
                  block->list_number = (*next)++;
                }
            }
        }
      else if (dossier_html_heading_level (node) > 0)
        current_block (self)->heading_level = dossier_html_heading_level (node);
      else if (dossier_html_tag_is (node, "blockquote"))
        {
          if (self->quote_depth++ == 0)
            {
              self->quote_first_block = self->blocks->len;
              g_clear_pointer (&self->quote_attribution, g_free);
            }
        }

      if (info->flags & FLAG_NOTES)
        self->notes_depth++;
      if (self->current != NULL)
        {
          self->current->in_notes = self->notes_depth > 0;
          self->current->in_quote = self->quote_depth > 0;
        }
      return TRUE;
    }

  /* A table row is one paragraph, its cells separated by bars; cells that
   * hold paragraphs (layout tables) still give paragraphs of their own. */
  if ((dossier_html_tag_is (node, "td") || dossier_html_tag_is (node, "th")) &&
      self->current != NULL && self->current->n_chars > 0)
    {
      block_append (self, " | ");
      return TRUE;
    }

  if (dossier_html_tag_is (node, "a"))
    {
      g_autofree char *href = dossier_html_get_attr (node, "href");

      self->link_depth++;
      if (href != NULL && (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://")))
        g_ptr_array_add (current_block (self)->hrefs, g_strstrip (g_steal_pointer (&href)));
    }
  else if (dossier_html_tag_is (node, "strong") || dossier_html_tag_is (node, "b"))
    self->strong_depth++;
  else if (dossier_html_tag_is (node, "cite") && self->quote_depth > 0 &&
           (self->current == NULL || is_dash_only (self->current->text->str)))
    current_block (self)->quote_cite = TRUE;

  return TRUE;
}

static void
walk_leave (xmlNode  *node,
            gpointer  data)
{
  Importer *self = data;

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (dossier_html_tag_in (node, block_tags))
    {
      flush_block (self);
      if ((dossier_html_tag_is (node, "ol") || dossier_html_tag_is (node, "ul")) && self->lists->len > 0)
        g_array_set_size (self->lists, self->lists->len - 1);
      else if (dossier_html_tag_is (node, "blockquote") && self->quote_depth > 0)
        {
          if (--self->quote_depth == 0 && !self->walking_notes)
            finish_quote (self, node);
        }
      if ((dossier_html_flags_of (self, node) & FLAG_NOTES) && self->notes_depth > 0)
        self->notes_depth--;
    }
  else if (dossier_html_tag_is (node, "a") && self->link_depth > 0)
    self->link_depth--;
  else if ((dossier_html_tag_is (node, "strong") || dossier_html_tag_is (node, "b")) && self->strong_depth > 0)
    self->strong_depth--;
}

/* Notes without links may sit outside the article's element (a separate
 * "footnotes" field, a <footer>): walk such a list too. Its blocks only
 * ever become notes; whatever else is there is dropped. */
static void
walk_outside_notes (Importer *self)
{
  xmlNode *container = NULL;

  for (guint i = 0; i < self->elements->len && container == NULL; i++)
    {
      xmlNode *node = g_ptr_array_index (self->elements, i);

      if (!dossier_html_in_body (self, node) || dossier_html_is_ancestor (self->root, node) || dossier_html_is_ancestor (node, self->root) ||
          (dossier_html_flags_of (self, node) & (FLAG_SKIP | FLAG_INVISIBLE)) || dossier_html_in_site_chrome (self, node))
        continue;

      if (dossier_html_text_of (self, node) > 0 && dossier_html_class_matches (node, self->notes_class))
        container = node;
      else if (dossier_html_is_label_element (self, node, self->notes_heading) && node->parent != NULL &&
               !dossier_html_is_ancestor (node->parent, self->root))
        container = node->parent;
    }

  if (container == NULL)
    return;

  self->walking_notes = TRUE;
  self->title_pending = FALSE;
  self->notes_depth = 1;
  self->root_saved = self->root;
  self->root = container;
  dossier_html_traverse (container, walk_enter, walk_leave, self);
  flush_block (self);
  self->root = self->root_saved;
  self->notes_depth = 0;
  self->walking_notes = FALSE;
}

/* ---- set-up ------------------------------------------------------------------ */

typedef struct {
  GRegex *noise_class;
  GRegex *pull_quote_class;
  GRegex *key_points_class;
  GRegex *dek_class;
  GRegex *author_card_class;
  GRegex *body_class;
  GRegex *notes_class;
  GRegex *byline_class;
  GRegex *date_class;
  GRegex *notes_heading;
  GRegex *author_heading;
  GRegex *key_points_heading;
  GRegex *skip_heading;
  GRegex *boilerplate_text;
  GRegex *bracket_marker;
  GRegex *logo_class;
  GRegex *related_prefix;
  GRegex *chrome_class;
  GRegex *tags_line;
  GRegex *furniture_text;
  GRegex *shortcode;
} SharedRegexes;

/* Compiled once per process, not for every page: compiling them (PCRE2,
 * JIT) was a tenth of a bulk import's time. GRegex is immutable, so the
 * importers on worker threads share them. */
static gpointer
compile_regexes (gpointer data)
{
  SharedRegexes *shared = data;

  #define TOKEN_START "(?:^|[\\s_-])"
#define TOKEN_END "(?=$|[\\s_-])"
  /* Class and id tokens of boilerplate. Prefixes catch "sharedaddy",
   * "social-links", "newsletter-signup"; whole tokens avoid "commentary",
   * "address" or "header-image" … see docs/import.md. */
  shared->noise_class = g_regex_new (
    /* Prefixes open a class name or its second segment ("share-tools",
     * "post-share", "wp-block-social-links"), not a later one: "modal" in
     * "render-target-modal" names where a script renders, not a pop-up. */
    "(?:^|\\s)(?:[a-z0-9]+[-_])?(?:wp-block-)?(?:share|sharing|social|cookie|consent|gdpr|newsletter|subscri|signup|sign-up|"
    "advert|sponsor|related|recommend|promo|breadcrumb|outbrain|taboola|disqus|"
    /* the pop-up, not the name that opens it ("profile-popup-trigger") */
    "(?:popup|popover|modal|tooltip|hover-?card)(?![-_]?(?:trigger|toggle|link|open|anchor|wrap))|"
    "sidebar|widget|jetpack|addtoany|a2a|skip-link|screen-reader|sr-only|visually-?hidden|"
    "navbar|navigation|masthead|site-header|site-footer|donat|paywall|read-?next|more-from|"
    "most-popular|trending|you-may|also-read|further-reading)"
    "|" TOKEN_START "(?:nav|menu|header|footer|ads?|ad-slot|banner|comments?|tags?|tag-list|topics?|"
    "categories|pagination|pager|print|toc|meta|entry-meta|post-meta|byline|credits?|caption|"
    "login|search|cta|alert|notice|overlay|toolbar|hidden-print|no-print|utility|tools|"
    /* a video player's settings: quality, speed, subtitles */
    "settings|settings-panel|settings-menu|control-bar|controls|player-controls|"
    "author|authors|contributors?|pdf|download|keywords|series|issues|regions|eyebrow|kicker|overline)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->pull_quote_class = g_regex_new (
    TOKEN_START "(?:pull-?quote|pullquote|quote-pull|blockquote--pull|featured-quote|highlight-quote|"
    "quote-box|big-quote|callout-quote|inline-quote|pq)" TOKEN_END "|wp-block-pullquote",
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->key_points_class = g_regex_new (
    TOKEN_START "(?:key-?(?:points|takeaways|findings|judgments|judgements|messages)|takeaways|highlights|"
    "tldr|tl-dr|at-a-glance|in-brief|summary-box|summary-list|article-summary-list)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->dek_class = g_regex_new (
    TOKEN_START "(?:dek|deck|subtitle|sub-title|subheadline|sub-headline|subhead|standfirst|strapline|"
    "subheading|sub-heading|field--name-field-subtitle|field-subtitle|article-subtitle|entry-subtitle|page-subtitle|"
    "post-subtitle|article-dek|summary-dek|article-summary|entry-summary|post-summary|story-summary)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->author_card_class = g_regex_new (
    TOKEN_START "(?:author-?(?:bio|info|card|box|profile|details|block|about|description|biography)|"
    "about-(?:the-)?authors?|bio-?box|contributor-?(?:bio|card|info)|expert-?(?:card|bio)|"
    "person-?card|byline-?bio|c-author|authors?-bios?)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->body_class = g_regex_new (
    TOKEN_START "(?:entry-content|post-content|article-body|article__body|article-content|"
    "article__content|story-body|story-content|field--name-body|field-name-body|node__content|"
    "post-body|body-text|article-text|rich-text|c-article-body|wysiwyg|text-long|single-content|"
    "content-body|page-content|main-content|blog-post-content|td-post-content)"
    /* The whole name, or a BEM part of it: "main-content-left" is a column
     * of the layout, not the article's body. */
    "(?=$|\\s|__|--)",
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->notes_class = g_regex_new (
    TOKEN_START "(?:footnotes?|endnotes?|notes|fn-list|references|wp-block-footnotes|easy-footnotes-wrapper)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->byline_class = g_regex_new (
    TOKEN_START "(?:byline|by-line|author|authors|author-name|author-names|article-author|post-author|"
    "entry-author|contributors?|writer|writers|reporter|people|people-list|person|persons|author-list|"
    "authors-list|byline-list|contributor-list)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->date_class = g_regex_new (
    TOKEN_START "(?:date|published|pubdate|post-date|entry-date|publish-date|article-date|dateline|"
    "timestamp|posted-on|date-published)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
#undef TOKEN_START
#undef TOKEN_END

  shared->notes_heading = g_regex_new (
    "^(?:end\\s*notes|foot\\s*notes|notes|references|sources|citations|works cited|notes and references|"
    "주석|각주|참고\\s*문헌|미주)\\s*:?$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->author_heading = g_regex_new (
    "^(?:about\\s+)?(?:the\\s+)?(?:authors?|contributors?)(?:\\(s\\))?\\s*:?$|^저자\\s*소개$|^필자\\s*소개$",
    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->key_points_heading = g_regex_new (
    "^(?:key\\s+(?:points|takeaways|findings|judgments|judgements|messages|highlights)|takeaways|highlights|"
    "summary|executive\\s+summary|in\\s+brief|at\\s+a\\s+glance|main\\s+points|bottom\\s+line|"
    "핵심\\s*(?:요약|내용|포인트)|요약)\\s*:?$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->skip_heading = g_regex_new (
    "^(?:related(?:\\s+\\w+){0,3}|share(?:\\s+this)?(?:\\s+\\w+)?|more\\s+(?:from|on|by)\\b.*|"
    "recommended(?:\\s+\\w+)?|read\\s+more|tags|topics|comments?|sign\\s+up.*|subscribe.*|newsletter|"
    "you\\s+may\\s+also\\s+like|further\\s+reading|most\\s+popular|latest)\\s*:?$",
    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->boilerplate_text = g_regex_new (
    "^(?:advertisement|sponsored|share|share this(?:\\s+\\w+)?|tweet|email|print|facebook|twitter|"
    "linkedin|read more|continue reading|subscribe(?:\\s+.*)?|sign up(?:\\s+.*)?|download(?: the)? pdf|"
    "back to top|skip to (?:main )?content|accept(?: all)?(?: cookies)?|loading\\W*|photo:.*|"
    "image:.*|getty images|\\(?photo by .*|advert|ad|comments?|\\d+ comments?|no comments|"
    "leave a (?:comment|reply)|add a comment|view comments|show comments|don['’]?t miss(?:\\W.*)?|"
    "must read|editor['’]?s picks?)[\\s.:!]*$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->tags_line = g_regex_new ("^(?:tags|tagged(?: with)?|filed under|topics|categories|labels)\\s*[:|]",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->furniture_text = g_regex_new (
    "^(?:your email address will not be published|comments (?:are|will be) (?:moderated|closed|reviewed)|"
    "all comments are (?:moderated|reviewed)|comments are subject to moderation|"
    "we (?:moderate|review) (?:all )?comments|you must be logged in to post a comment|"
    "this site uses akismet to reduce spam)", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shared->shortcode = g_regex_new (
    "\\[/?[a-z][a-z0-9_-]+(?:\\s+[a-z_-]+=(?:\"[^\"\\]]*\"|'[^'\\]]*'|[^\\s\\]]+))*\\s*/?\\]",
    G_REGEX_OPTIMIZE, 0, NULL);
  shared->bracket_marker = g_regex_new ("\\[\\d{1,4}\\]", G_REGEX_OPTIMIZE, 0, NULL);
  shared->logo_class = g_regex_new ("(?:^|[\\s_-])(?:logo|brand|branding|site-title|site-name|sitename)(?=$|[\\s_-])",
                                  G_REGEX_OPTIMIZE, 0, NULL);
  shared->related_prefix = g_regex_new ("^(?:related|see also|read also|also read|read more|more on this|"
                                      "don['’]?t miss|must read|"
                                      "recommended|further reading|listen|watch)\\s*:", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* Site furniture other articles appear in: their deks, quotes and lists are not ours. */
  shared->chrome_class = g_regex_new (
    "(?:^|[\\s_-])(?:related|recommend|sidebar|widget|newsletter|promo|more-from|most-popular|trending|"
    "read-?next|teaser|carousel|latest|popular|site-header|site-footer)",
    G_REGEX_OPTIMIZE, 0, NULL);

  return shared;
}

static void
importer_init (Importer *self)
{
  memset (self, 0, sizeof *self);
  self->info = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->elements = g_ptr_array_new ();
  self->title_candidates = dossier_html_title_candidates_new ();
  self->author_names = g_ptr_array_new_with_free_func (g_free);
  self->author_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bio_authors = g_ptr_array_new_with_free_func (g_object_unref);
  self->bio_paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->key_points = g_ptr_array_new_with_free_func (g_free);
  self->pull_quotes = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (dossier_html_note_free);
  self->notes_by_number = g_hash_table_new (NULL, NULL);
  self->blocks = g_ptr_array_new_with_free_func (dossier_html_block_free);
  self->lists = g_array_new (FALSE, FALSE, sizeof (int));

  {
    static SharedRegexes regexes;
    static GOnce once = G_ONCE_INIT;
    SharedRegexes *shared = g_once (&once, compile_regexes, &regexes);

    self->noise_class = g_regex_ref (shared->noise_class);
    self->pull_quote_class = g_regex_ref (shared->pull_quote_class);
    self->key_points_class = g_regex_ref (shared->key_points_class);
    self->dek_class = g_regex_ref (shared->dek_class);
    self->author_card_class = g_regex_ref (shared->author_card_class);
    self->body_class = g_regex_ref (shared->body_class);
    self->notes_class = g_regex_ref (shared->notes_class);
    self->byline_class = g_regex_ref (shared->byline_class);
    self->date_class = g_regex_ref (shared->date_class);
    self->notes_heading = g_regex_ref (shared->notes_heading);
    self->author_heading = g_regex_ref (shared->author_heading);
    self->key_points_heading = g_regex_ref (shared->key_points_heading);
    self->skip_heading = g_regex_ref (shared->skip_heading);
    self->boilerplate_text = g_regex_ref (shared->boilerplate_text);
    self->bracket_marker = g_regex_ref (shared->bracket_marker);
    self->logo_class = g_regex_ref (shared->logo_class);
    self->tags_line = g_regex_ref (shared->tags_line);
    self->furniture_text = g_regex_ref (shared->furniture_text);
    self->shortcode = g_regex_ref (shared->shortcode);
    self->related_prefix = g_regex_ref (shared->related_prefix);
    self->chrome_class = g_regex_ref (shared->chrome_class);
  }
}

static void
importer_clear (Importer *self)
{
  g_clear_pointer (&self->xpath, xmlXPathFreeContext);
  g_clear_pointer (&self->doc, xmlFreeDoc);
  g_clear_pointer (&self->info, g_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->h1, g_free);
  g_clear_pointer (&self->title_candidates, g_ptr_array_unref);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->date_created, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->site_name, g_free);
  g_clear_pointer (&self->author_names, g_ptr_array_unref);
  g_clear_pointer (&self->author_keys, g_hash_table_unref);
  g_clear_pointer (&self->bio_authors, g_ptr_array_unref);
  g_clear_pointer (&self->bio_paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->key_points, g_ptr_array_unref);
  g_clear_pointer (&self->pull_quotes, g_ptr_array_unref);
  g_clear_pointer (&self->notes_by_number, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->quote_attribution, g_free);
  if (self->current != NULL)
    dossier_html_block_free (g_steal_pointer (&self->current));
  g_clear_pointer (&self->lists, g_array_unref);
  g_clear_pointer (&self->noise_class, g_regex_unref);
  g_clear_pointer (&self->notes_heading, g_regex_unref);
  g_clear_pointer (&self->author_heading, g_regex_unref);
  g_clear_pointer (&self->key_points_heading, g_regex_unref);
  g_clear_pointer (&self->skip_heading, g_regex_unref);
  g_clear_pointer (&self->boilerplate_text, g_regex_unref);
  g_clear_pointer (&self->pull_quote_class, g_regex_unref);
  g_clear_pointer (&self->key_points_class, g_regex_unref);
  g_clear_pointer (&self->dek_class, g_regex_unref);
  g_clear_pointer (&self->author_card_class, g_regex_unref);
  g_clear_pointer (&self->body_class, g_regex_unref);
  g_clear_pointer (&self->notes_class, g_regex_unref);
  g_clear_pointer (&self->byline_class, g_regex_unref);
  g_clear_pointer (&self->date_class, g_regex_unref);
  g_clear_pointer (&self->bracket_marker, g_regex_unref);
  g_clear_pointer (&self->chrome_class, g_regex_unref);
  g_clear_pointer (&self->related_prefix, g_regex_unref);
  g_clear_pointer (&self->logo_class, g_regex_unref);
  g_clear_pointer (&self->tags_line, g_regex_unref);
  g_clear_pointer (&self->furniture_text, g_regex_unref);
  g_clear_pointer (&self->shortcode, g_regex_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

static xmlNode *
find_body (htmlDocPtr doc)
{
  xmlNode *html = xmlDocGetRootElement (doc);

  if (html == NULL)
    return NULL;

  for (xmlNode *child = html->children; child != NULL; child = child->next)
    if (dossier_html_tag_is (child, "body"))
      return child;

  /* A fragment without <body>: the root itself. */
  return html;
}

static guint
count_tags (const char *text)
{
  guint tags = 0;

  for (const char *p = text; (p = strchr (p, '<')) != NULL; p++)
    tags++;

  return tags;
}

static gsize libxml_initialised = 0;

/**
 * dossier_html_importer_import:
 * @data: the page as saved or downloaded (untrusted, any encoding)
 * @length: its length in bytes
 * @charset: (nullable): the charset the server declared
 * @source_url: (nullable): where the page was downloaded from
 * @name_hint: (nullable): the file name, for a title when the page has none
 *
 * Reads a web page into a document. The parser never uses the network and
 * never loads DTDs or external entities; nesting depth is unbounded
 * because nothing here recurses over the tree.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_html_importer_import (const char  *data,
                              gsize        length,
                              const char  *charset,
                              const char  *source_url,
                              const char  *name_hint,
                              GError     **error)
{
  g_auto(Importer) self = { 0 };
  g_autofree char *text = NULL;
  DossierDocument *document;
  MeasureState measure;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* libxml2 must be initialised once before threads use it (imports run
   * on GTask worker threads). */
  if (g_once_init_enter (&libxml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&libxml_initialised, 1);
    }

  if (length == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  importer_init (&self);

  {
    g_autofree char *part_charset = NULL;
    g_autofree char *location = NULL;
    g_autoptr(GBytes) page = dossier_html_unwrap_mhtml (data, length, &part_charset, &location);

    if (page != NULL)
      {
        gsize page_length;
        const char *page_data = g_bytes_get_data (page, &page_length);

        if (page_length == 0 || page_data == NULL)
          {
            g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                                 _("The saved page holds no web page"));
            return NULL;
          }
        text = dossier_html_decode (page_data, page_length, charset ? charset : part_charset, error);
        if (source_url == NULL && location != NULL &&
            (g_str_has_prefix (location, "http://") || g_str_has_prefix (location, "https://")))
          self.source_url = g_steal_pointer (&location);
      }
    else
      text = dossier_html_decode (data, length, charset, error);
  }
  if (text == NULL)
    return NULL;

  if (self.source_url == NULL && source_url == NULL)
    self.source_url = dossier_html_saved_from_url (text);

  {
    guint tags = count_tags (text);

    if (tags > DOSSIER_HTML_MAX_TAGS)
      {
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The page has too much markup to be read as an article (%u tag; at most %u)",
                                  "The page has too much markup to be read as an article (%u tags; at most %u)",
                                  tags),
                     tags, (guint) DOSSIER_HTML_MAX_TAGS);
        return NULL;
      }
  }

  /* NONET: no network; no NOENT/DTDLOAD/HUGE: no entity expansion from
   * outside and libxml2's size limits stay on. The text is UTF-8 now, and an
   * explicit encoding keeps a <meta charset> from switching it again. */
  self.doc = htmlReadMemory (text, (int)MIN (strlen (text), (gsize)G_MAXINT), source_url, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  /* The tree holds the text now; a large page's copy need not stay. */
  g_clear_pointer (&text, g_free);
  if (self.doc == NULL || (self.body = find_body (self.doc)) == NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The page could not be read as HTML"));
      return NULL;
    }

  self.xpath = xmlXPathNewContext (self.doc);
  if (self.xpath == NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The page could not be read as HTML"));
      return NULL;
    }

  if (source_url != NULL)
    {
      g_free (self.source_url);
      self.source_url = g_strdup (source_url);
    }

  measure.self = &self;
  dossier_html_traverse (xmlDocGetRootElement (self.doc), measure_enter, measure_leave, &measure);

  dossier_html_read_json_ld (&self);
  dossier_html_read_meta_tags (&self);

  dossier_html_mark_boilerplate (&self);

  self.root = dossier_html_find_root (&self);
  dossier_html_find_linked_notes (&self);
  dossier_html_find_key_points (&self);
  dossier_html_find_pull_quotes (&self);
  dossier_html_find_author_cards (&self);
  dossier_html_find_visible_metadata (&self);

  self.title_pending = self.h1_node != NULL && dossier_html_is_ancestor (self.root, self.h1_node);
  dossier_html_traverse (self.root, walk_enter, walk_leave, &self);
  flush_block (&self);
  if (!self.linked_notes)
    walk_outside_notes (&self);
  dossier_html_sort_blocks (&self);

  /* The tree is read: give its memory back before the document takes its
   * own copy of the text (a large page's peak is the two together). */
  g_clear_pointer (&self.xpath, xmlXPathFreeContext);
  g_clear_pointer (&self.doc, xmlFreeDoc);
  self.body = self.root = self.root_saved = self.h1_node = NULL;

  document = dossier_html_assemble (&self, name_hint, error);

  /* libxml2 keeps _private; clear it so nothing dangles if the tree lives on. */
  return document;
}
