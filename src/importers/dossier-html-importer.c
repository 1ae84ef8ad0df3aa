/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "dossier-html-importer.h"
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
 */

/* Per-element facts, stored in xmlNode._private as an index + 1. */
enum {
  FLAG_NOISE      = 1 << 0,   /* boilerplate, inherited by descendants */
  FLAG_SKIP       = 1 << 1,   /* consumed elsewhere (note, key points …) */
  FLAG_REF        = 1 << 2,   /* a footnote reference, see ref_number */
  FLAG_NOTES      = 1 << 3,   /* a notes container ("footnotes" class) */
  FLAG_INVISIBLE  = 1 << 4,   /* script, style and the like */
  FLAG_IN_BODY    = 1 << 5,   /* <body> or inside it */
};

typedef struct {
  guint text;        /* non-space characters inside */
  guint links;       /* of which inside <a> */
  guint para;        /* of which inside <p> */
  guint direct;      /* in text nodes that are direct children */
  double score;      /* paragraph density, for finding the article */
  guint flags;
  guint ref_number;
} NodeInfo;

typedef struct {
  GString *text;
  guint n_chars;
  gboolean pending_space;
  gboolean last_was_br;
  GArray *refs;          /* DossierFootnoteRef, from links */
  GArray *tentative;     /* DossierFootnoteRef, from bare <sup>n</sup> */
  GPtrArray *hrefs;
  guint link_chars;
  guint strong_chars;
  guint heading_level;   /* 1–6 for <hN>, 0 otherwise */
  int list_number;       /* number of an <ol> item, 0 otherwise */
  gboolean list_item;
  gboolean in_notes;
  gboolean in_quote;
  gboolean before_title;  /* above the <h1> inside the article: kickers, breadcrumbs */
  gboolean outside_root;  /* from a notes list outside the article, never body text */
} Block;

typedef struct {
  guint number;
  char *text;
  GPtrArray *urls;
} Note;

typedef struct {
  htmlDocPtr doc;
  xmlXPathContextPtr xpath;
  xmlNode *body;
  xmlNode *root;
  xmlNode *root_saved;
  GArray *info;               /* NodeInfo */
  GHashTable *ids;            /* id or a@name → xmlNode */
  GPtrArray *elements;        /* every measured element, in document order */
  guint n_elements;

  /* metadata, each from the most trusted source that had it */
  char *title;
  char *h1;
  xmlNode *h1_node;
  gboolean title_pending;     /* walking the article and not yet past its <h1> */
  gboolean walking_notes;     /* walking a notes list outside the article */
  char *subtitle;
  char *date;
  char *publisher;
  char *source_url;
  char *site_name;
  GPtrArray *author_names;    /* char*, in byline order */
  GPtrArray *bio_authors;     /* DossierAuthor from JSON-LD and author cards */
  GPtrArray *bio_paragraphs;  /* char*, from "About the author" sections */
  GPtrArray *key_points;
  GPtrArray *pull_quotes;
  GPtrArray *notes;           /* Note */
  gboolean linked_notes;

  GPtrArray *blocks;          /* Block */
  Block *current;
  GArray *lists;              /* int: next number of the open <ol>, or -1 for <ul> */
  guint link_depth;
  guint strong_depth;
  guint quote_depth;
  guint notes_depth;

  GRegex *noise_class;
  GRegex *notes_heading;
  GRegex *author_heading;
  GRegex *key_points_heading;
  GRegex *skip_heading;
  GRegex *boilerplate_text;
  GRegex *pull_quote_class;
  GRegex *key_points_class;
  GRegex *dek_class;
  GRegex *author_card_class;
  GRegex *body_class;
  GRegex *notes_class;
  GRegex *byline_class;
  GRegex *date_class;
  GRegex *bracket_marker;
  GRegex *chrome_class;
  GRegex *related_prefix;
} Importer;

#define MAX_NOTE_CHARS 5000
#define MAX_BLOCKS_FOR_QUOTE_SEARCH 3000

static xmlNode *first_matching (Importer   *self,
                                xmlNode    *container,
                                const char *expression);

/* ---- small helpers ---------------------------------------------------- */

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         c == 0x2009 || c == 0x200A || c == 0x3000 || c == 0x2002 || c == 0x2003;
}

static gboolean
is_invisible_char (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D || c == 0x00AD ||
         c == 0x2060 || (c < 0x20 && !g_unichar_isspace (c));
}

static gboolean
tag_is (xmlNode    *node,
        const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
tag_in (xmlNode            *node,
        const char * const *names)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *)node->name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

static int
heading_level (xmlNode *node)
{
  const char *name;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return 0;

  name = (const char *)node->name;
  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';

  return 0;
}

static char *
get_attr (xmlNode    *node,
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

static gboolean
attr_equals (xmlNode    *node,
             const char *name,
             const char *value)
{
  g_autofree char *actual = get_attr (node, name);

  return actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
}

/* The class and id of an element, lower-cased, for token matching. */
static char *
class_and_id (xmlNode *node)
{
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *joined = NULL;

  if (klass == NULL && id == NULL)
    return NULL;

  joined = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);
  return g_ascii_strdown (joined, -1);
}

static gboolean
class_matches (xmlNode *node,
               GRegex  *regex)
{
  g_autofree char *names = class_and_id (node);

  return names != NULL && g_regex_match (regex, names, 0, NULL);
}

static NodeInfo *
info_of (Importer *self,
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

static guint
flags_of (Importer *self,
          xmlNode  *node)
{
  NodeInfo *info = info_of (self, node);

  return info ? info->flags : 0;
}

static void
add_flags (Importer *self,
           xmlNode  *node,
           guint     flags)
{
  NodeInfo *info = info_of (self, node);

  if (info != NULL)
    info->flags |= flags;
}

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;

  return FALSE;
}

/* ---- traversal without recursion -------------------------------------- */

typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

/* Visits @root and its descendants in document order. @enter returns
 * whether to visit the children; @leave runs for every node whose @enter
 * said yes, after its children. No recursion: nesting depth is unbounded
 * in hostile input. */
static void
traverse (xmlNode   *root,
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

static const char * const invisible_tags[] = {
  "script", "style", "noscript", "template", "svg", "math", "canvas", "object", "embed",
  "iframe", "frame", "frameset", "video", "audio", "picture", "img", "map", "head", "title",
  "select", "textarea", "button", "input", NULL
};

typedef struct {
  Importer *self;
  GString *out;
  gboolean pending_space;
  xmlNode *exclude;        /* a subtree left out, or NULL */
  guint skip_flags;        /* leave out elements with any of these flags */
  gboolean skip_refs;
  gsize limit;
} TextCollector;

static void
append_collapsed (GString    *out,
                  gboolean   *pending_space,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_char (c))
        continue;
      if (is_space_char (c))
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

static gboolean
collect_enter (xmlNode  *node,
               gpointer  data)
{
  TextCollector *tc = data;

  if (tc->out->len > tc->limit)
    return FALSE;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_collapsed (tc->out, &tc->pending_space, (const char *)node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (node == tc->exclude || tag_in (node, invisible_tags))
    return FALSE;

  if (tc->skip_refs && (flags_of (tc->self, node) & FLAG_REF))
    return FALSE;

  if (flags_of (tc->self, node) & tc->skip_flags)
    return FALSE;

  if (tag_is (node, "br") || tag_is (node, "p") || tag_is (node, "li") || tag_is (node, "div") ||
      heading_level (node) > 0 || tag_is (node, "td") || tag_is (node, "dd") || tag_is (node, "dt"))
    tc->pending_space = tc->out->len > 0;

  return TRUE;
}

static void
collect_leave (xmlNode  *node,
               gpointer  data)
{
  TextCollector *tc = data;

  if (tag_is (node, "p") || tag_is (node, "li") || tag_is (node, "div") || heading_level (node) > 0 ||
      tag_is (node, "td") || tag_is (node, "dd") || tag_is (node, "dt"))
    tc->pending_space = tc->out->len > 0;
}

/* The visible text of @node with all space collapsed, at most ~@limit bytes. */
static char *
node_text_full (Importer *self,
                xmlNode  *node,
                xmlNode  *exclude,
                gboolean  skip_flagged,
                gsize     limit)
{
  TextCollector tc = { self, g_string_new (NULL), FALSE, exclude,
                       skip_flagged ? FLAG_NOISE | FLAG_SKIP | FLAG_INVISIBLE : 0, FALSE, limit };

  traverse (node, collect_enter, collect_leave, &tc);
  return g_string_free (tc.out, FALSE);
}

static char *
node_text (Importer *self,
           xmlNode  *node)
{
  return node_text_full (self, node, NULL, FALSE, 100000);
}

static guint
count_words (const char *text)
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

static gboolean
ends_sentence (const char *text)
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

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HANGUL)
      return TRUE;

  return FALSE;
}

/* ---- decoding --------------------------------------------------------- */

/* <meta charset="…"> or <meta http-equiv content="…; charset=…"> near the top. */
static char *
sniff_meta_charset (const char *data,
                    gsize       length)
{
  gsize limit = MIN (length, 32 * 1024);
  g_autofree char *head = g_ascii_strdown (data, limit);
  const char *p = head;
  const char *end = head + strlen (head);

  while ((p = strstr (p, "charset")) != NULL)
    {
      const char *tag = g_strrstr_len (head, p - head, "<");
      const char *q = p + strlen ("charset");
      GString *name;

      p = q;
      if (tag == NULL || !g_str_has_prefix (tag, "<meta") || p - tag > 512)
        continue;

      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && (*q == ' ' || *q == '"' || *q == '\''))
        q++;

      name = g_string_new (NULL);
      while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == ':' || *q == '.') &&
             name->len < 40)
        g_string_append_c (name, *q++);

      if (name->len > 0)
        return g_string_free (name, FALSE);
      g_string_free (name, TRUE);
    }

  return NULL;
}

static gboolean
is_latin1_family (const char *charset)
{
  static const char * const names[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "latin-1", "l1", "us-ascii", "ascii", "iso-8859-15", "iso8859-15", "ansi_x3.4-1968", NULL
  };

  return g_strv_contains (names, charset);
}

/**
 * dossier_html_decode:
 * @data: the page as downloaded or saved (untrusted)
 * @charset: (nullable): the charset from the HTTP Content-Type, which wins
 *   over the page's own declaration
 *
 * Decodes a page to UTF-8. A byte order mark wins; otherwise the HTTP or
 * `<meta>` charset is used, except that text which is valid UTF-8 with
 * non-ASCII in it is read as UTF-8 whatever it claims (pages saved by a
 * browser keep their original declaration), and Latin-1 is read as its
 * superset Windows-1252, as browsers do.
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with @error set
 */
char *
dossier_html_decode (const char  *data,
                     gsize        length,
                     const char  *charset,
                     GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *converted = NULL;

  if (length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE || (guchar)data[0] == 0xEF))
    return dossier_decode_text (data, length, error);

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY,
                           _("The file is not a web page (it contains binary data)"));
      return NULL;
    }

  declared = charset != NULL ? g_ascii_strdown (charset, -1) : sniff_meta_charset (data, length);
  if (declared != NULL)
    g_strstrip (declared);

  if (declared == NULL || *declared == '\0' || g_str_equal (declared, "utf-8") ||
      g_str_equal (declared, "utf8") || is_latin1_family (declared) ||
      g_utf8_validate (data, length, NULL))
    return dossier_decode_text (data, length, error);

  /* EUC-KR, Shift_JIS, KOI8-R …: trust the declaration if iconv knows it. */
  if (g_str_equal (declared, "euc-kr") || g_str_equal (declared, "ks_c_5601-1987"))
    {
      g_free (declared);
      declared = g_strdup ("CP949");
    }
  converted = g_convert (data, length, "UTF-8", declared, NULL, NULL, NULL);
  if (converted != NULL)
    return dossier_decode_text (converted, strlen (converted), error);

  return dossier_decode_text (data, length, error);
}

/* ---- pass 1: measure and index ---------------------------------------- */

typedef struct {
  Importer *self;
  guint link_depth;
  guint para_depth;
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
      NodeInfo *parent = info_of (self, node->parent);
      guint chars = 0;

      if (parent == NULL || node->content == NULL || (parent->flags & FLAG_INVISIBLE))
        return FALSE;

      for (const char *p = (const char *)node->content; *p != '\0'; p = g_utf8_next_char (p))
        if (!is_space_char (g_utf8_get_char (p)))
          chars++;

      parent->text += chars;
      parent->direct += chars;
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  self->n_elements++;
  if (tag_in (node, invisible_tags))
    info.flags |= FLAG_INVISIBLE;
  {
    NodeInfo *parent = info_of (self, node->parent);
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

    if (tag_is (node, "a"))
      {
        xmlChar *name = xmlGetProp (node, (const xmlChar *)"name");

        if (name != NULL && *name != '\0' && !g_hash_table_contains (self->ids, name))
          g_hash_table_insert (self->ids, g_strdup ((const char *)name), node);
        xmlFree (name);
      }
  }

  /* <head> holds no text, but its <meta> and <script> elements are read. */
  return !(info.flags & FLAG_INVISIBLE) || tag_is (node, "head");
}

static void
measure_leave (xmlNode  *node,
               gpointer  data)
{
  MeasureState *state = data;
  Importer *self = state->self;
  NodeInfo *info = info_of (self, node);
  NodeInfo *parent;

  if (info == NULL)
    return;

  if (tag_is (node, "a"))
    info->links = info->text;
  if (tag_is (node, "p"))
    info->para = info->text;

  parent = info_of (self, node->parent);
  if (parent != NULL)
    {
      parent->text += info->text;
      parent->links += MIN (info->links, info->text);
      parent->para += info->para;
    }
}

/* ---- metadata ----------------------------------------------------------- */

static xmlXPathObjectPtr
xpath (Importer   *self,
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

static guint
nodeset_len (xmlXPathObjectPtr result)
{
  return result != NULL && result->nodesetval != NULL ? (guint)result->nodesetval->nodeNr : 0;
}

static xmlNode *
nodeset_item (xmlXPathObjectPtr result,
              guint             i)
{
  return result->nodesetval->nodeTab[i];
}

typedef gboolean (*ElementFilter) (Importer *self, xmlNode *node);

/* Like an XPath query over the whole page, but from the element list the
 * measuring pass made: a descendant query over the body costs libxml2 a node set per
 * element, which dominates on large pages. */
static xmlXPathObjectPtr
select_elements (Importer      *self,
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

static gboolean
in_body (Importer *self,
         xmlNode  *node)
{
  return (flags_of (self, node) & FLAG_IN_BODY) != 0;
}

static gboolean
filter_meta (Importer *self,
             xmlNode  *node)
{
  return tag_is (node, "meta") && xmlHasProp (node, (const xmlChar *)"content") != NULL;
}

static gboolean
filter_script (Importer *self,
               xmlNode  *node)
{
  return tag_is (node, "script") && xmlHasProp (node, (const xmlChar *)"type") != NULL;
}

static gboolean
filter_classed (Importer *self,
                xmlNode  *node)
{
  return in_body (self, node) && (xmlHasProp (node, (const xmlChar *)"class") != NULL ||
                                  xmlHasProp (node, (const xmlChar *)"id") != NULL);
}

static gboolean
filter_labels (Importer *self,
               xmlNode  *node)
{
  NodeInfo *info = info_of (self, node);

  return in_body (self, node) && info != NULL && info->text <= 60 && info->text > 0 &&
         (heading_level (node) >= 2 ||
          tag_in (node, (const char * const[]) { "p", "div", "strong", "b", "span", "dt", NULL }));
}

static gboolean
filter_quotes (Importer *self,
               xmlNode  *node)
{
  return in_body (self, node) && (tag_is (node, "aside") || tag_is (node, "blockquote") ||
                                  xmlHasProp (node, (const xmlChar *)"class") != NULL);
}

static gboolean
filter_authors (Importer *self,
                xmlNode  *node)
{
  return in_body (self, node) && ((tag_is (node, "a") && attr_equals (node, "rel", "author")) ||
                                  attr_equals (node, "itemprop", "author"));
}

static gboolean
filter_dates (Importer *self,
              xmlNode  *node)
{
  return in_body (self, node) && (tag_is (node, "time") || xmlHasProp (node, (const xmlChar *)"class") != NULL ||
                                  attr_equals (node, "itemprop", "datePublished"));
}

/* Collapses space in an attribute value; NULL when nothing is left. */
static char *
clean_value (const char *value)
{
  GString *out;
  gboolean pending = FALSE;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  append_collapsed (out, &pending, value);
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
  xmlXPathObjectPtr result = select_elements (self, filter_meta);
  g_autofree char *wanted = g_ascii_strdown (name, -1);

  for (guint i = 0; i < nodeset_len (result); i++)
    {
      xmlNode *meta = nodeset_item (result, i);
      g_autofree char *key = get_attr (meta, "name");
      g_autofree char *property = get_attr (meta, "property");
      g_autofree char *itemprop = get_attr (meta, "itemprop");

      if ((key != NULL && g_ascii_strcasecmp (g_strstrip (key), wanted) == 0) ||
          (property != NULL && g_ascii_strcasecmp (g_strstrip (property), wanted) == 0) ||
          (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), wanted) == 0))
        {
          g_autofree char *content = get_attr (meta, "content");
          char *value = clean_value (content);

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
 * normalize_date:
 * Accepts ISO dates and date-times, "2024/04/12", "2024.04.12",
 * "2024년 4월 12일" and whatever dossier_parse_date() reads.
 */
static char *
normalize_date (const char *text)
{
  static GRegex *numeric = NULL;
  static gsize initialised = 0;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *clean = NULL;

  if (g_once_init_enter (&initialised))
    {
      numeric = g_regex_new ("(\\d{4})\\s*(?:[-/.]|년)\\s*(\\d{1,2})\\s*(?:[-/.]|월)\\s*(\\d{1,2})",
                             G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  if (text == NULL)
    return NULL;

  clean = clean_value (text);
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
    static gsize embedded_initialised = 0;
    g_autoptr(GMatchInfo) embedded_match = NULL;

    if (g_once_init_enter (&embedded_initialised))
      {
        embedded = g_regex_new ("(?:\\b[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\b\\d{1,2}\\s+[A-Z][a-z]{2,8}\\.?,?\\s+\\d{4})",
                                G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave (&embedded_initialised, 1);
      }

    if (g_regex_match (embedded, clean, 0, &embedded_match))
      {
        g_autofree char *found = g_match_info_fetch (embedded_match, 0);
        return dossier_parse_date (found);
      }
  }

  return NULL;
}

static gboolean
looks_like_name (const char *text)
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

  words = count_words (text);
  if (has_hangul (text))
    return words <= 3 && g_utf8_strlen (text, -1) <= 12;

  if (words < 2 || words > 6 || !g_unichar_isupper (g_utf8_get_char (text)))
    return FALSE;

  /* "Senior Fellow", "Research Director": a title, printed next to a name. */
  {
    static GRegex *titles = NULL;
    static gsize initialised = 0;

    if (g_once_init_enter (&initialised))
      {
        titles = g_regex_new ("\\b(?:Fellow|Director|Professor|President|Chair|Chairman|Senior|Analyst|Editor|"
                              "Researcher|Associate|Scholar|Advis[eo]r|Manager|Officer|Chief|Deputy|Vice|"
                              "Ambassador|Secretary|Minister|Contributor|Correspondent|Reporter|Staff|Intern|"
                              "Program|Research|Share|Print|Email|Comments?|Subscribe|Menu|Search)\\b",
                              G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave (&initialised, 1);
      }

    return !g_regex_match (titles, text, 0, NULL);
  }
}

/* "The Heritage Foundation" or "CSIS Staff" in an author field is not a person. */
static gboolean
looks_like_organization (Importer   *self,
                         const char *name)
{
  static GRegex *words = NULL;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      words = g_regex_new ("\\b(?:Foundation|Institute|Institution|Center|Centre|Council|University|Press|"
                           "Staff|Team|Editors?|Editorial|Board|Association|Society|Program|Programme|"
                           "Office|Department|Ministry|Agency|Group|Forum|Project|Initiative|News|Media)\\b",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  return g_regex_match (words, name, 0, NULL) ||
         (self->publisher != NULL && g_ascii_strcasecmp (name, self->publisher) == 0) ||
         (self->site_name != NULL && g_ascii_strcasecmp (name, self->site_name) == 0);
}

static gboolean
has_author (Importer   *self,
            const char *name)
{
  for (guint i = 0; i < self->author_names->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->author_names, i), name) == 0)
      return TRUE;

  return FALSE;
}

static void
add_author_name (Importer   *self,
                 const char *name)
{
  g_autofree char *clean = clean_value (name);

  if (clean == NULL || self->author_names->len >= 32)
    return;

  /* Korean bylines end in a title: "홍길동 기자" (reporter), "김민준 연구위원". */
  if (has_hangul (clean))
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

  if (looks_like_name (clean) && !looks_like_organization (self, clean) && !has_author (self, clean))
    g_ptr_array_add (self->author_names, g_steal_pointer (&clean));
}

/* "By Jane Doe, John Roe and Kim Lee" → three names. */
static void
add_byline (Importer   *self,
            const char *byline)
{
  static const char * const prefixes[] = {
    "written by ", "by: ", "by ", "authors: ", "author: ", "authors ", "author ", "posted by ",
    "글쓴이: ", "글쓴이 ", "작성자: ", "작성자 ", "필자: ", "글: ", "글 ", NULL
  };
  g_autofree char *text = clean_value (byline);
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

  /* What follows a separator is a date or a section, not a name. */
  for (const char * const *sep = (const char * const[]) { " | ", " • ", " · ", " — ", " – ", "\n", NULL }; *sep; sep++)
    if ((cut = strstr (p, *sep)) != NULL)
      *cut = '\0';

  list = g_strdup (p);
  while ((cut = strstr (list, " and ")) != NULL)
    memcpy (cut, " ,   ", 5);
  while ((cut = strstr (list, " & ")) != NULL)
    memcpy (cut, " , ", 3);
  g_strdelimit (list, ";", ',');

  parts = g_strsplit (list, ",", 16);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      add_author_name (self, parts[i]);
    }
}

/* citation_author is often "Last, First". */
static void
add_citation_author (Importer   *self,
                     const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  if (g_strv_length (parts) == 2 && count_words (g_strstrip (parts[0])) <= 2 &&
      count_words (g_strstrip (parts[1])) <= 3)
    {
      g_autofree char *name = g_strconcat (parts[1], " ", parts[0], NULL);
      add_author_name (self, name);
    }
  else
    add_byline (self, value);
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
  g_autofree char *copy = clean_value (title);

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
          (i == 0 && count_words (suffix) <= 5))
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

static void
read_json_ld (Importer *self)
{
  xmlXPathObjectPtr result = select_elements (self, filter_script);
  DossierJsonLd ld;

  dossier_json_ld_init (&ld);
  for (guint i = 0; i < nodeset_len (result) && i < 64; i++)
    {
      xmlNode *script = nodeset_item (result, i);
      g_autofree char *type = get_attr (script, "type");
      g_autofree char *lower = type ? g_ascii_strdown (type, -1) : NULL;
      xmlChar *content;

      if (lower == NULL || strstr (lower, "ld+json") == NULL)
        continue;

      content = xmlNodeGetContent (script);
      if (content != NULL)
        dossier_json_ld_parse (&ld, (const char *)content, strlen ((const char *)content));
      xmlFree (content);
    }
  xmlXPathFreeObject (result);

  take_if_unset (&self->title, g_steal_pointer (&ld.headline));
  take_if_unset (&self->subtitle, g_steal_pointer (&ld.alternative_headline));
  take_if_unset (&self->date, normalize_date (ld.date_published));
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
          add_byline (self, person->name);
          continue;
        }

      if (!looks_like_name (person->name) || looks_like_organization (self, person->name))
        continue;

      add_author_name (self, person->name);
      author = dossier_author_new (person->name);
      dossier_author_set_position (author, person->position);
      dossier_author_set_affiliation (author, person->affiliation);
      /* Profile descriptions are bios when they read like one. */
      if (person->bio != NULL && count_words (person->bio) >= 6)
        {
          dossier_author_set_bio (author, person->bio);
          complete_from_bio (author, person->bio);
        }
      g_ptr_array_add (self->bio_authors, g_steal_pointer (&author));
    }

  dossier_json_ld_clear (&ld);
}

static void
read_meta_tags (Importer *self)
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

  for (guint i = 0; title_keys[i] != NULL && self->title == NULL; i++)
    {
      g_autofree char *value = meta_value (self, title_keys[i]);

      if (value != NULL)
        self->title = g_str_has_prefix (title_keys[i], "og:") || g_str_has_prefix (title_keys[i], "twitter:")
                        ? strip_site_suffix (self, value) : g_strdup (value);
    }

  for (guint i = 0; date_keys[i] != NULL && self->date == NULL; i++)
    {
      g_autofree char *value = meta_value (self, date_keys[i]);
      self->date = normalize_date (value);
    }

  for (guint i = 0; publisher_keys[i] != NULL && self->publisher == NULL; i++)
    self->publisher = meta_value (self, publisher_keys[i]);

  if (self->author_names->len == 0)
    for (guint i = 0; i < citation_authors->len; i++)
      add_citation_author (self, g_ptr_array_index (citation_authors, i));

  for (guint k = 0; author_keys[k] != NULL && self->author_names->len == 0; k++)
    {
      g_autoptr(GPtrArray) values = meta_values (self, author_keys[k]);

      for (guint i = 0; i < values->len; i++)
        add_byline (self, g_ptr_array_index (values, i));
    }

  if (self->source_url == NULL)
    {
      xmlXPathObjectPtr result = xpath (self, "//link[@rel='canonical'][@href]");
      g_autofree char *href = nodeset_len (result) > 0 ? get_attr (nodeset_item (result, 0), "href") : NULL;
      g_autofree char *og_url = meta_value (self, "og:url");
      const char *url = href ? href : og_url;

      xmlXPathFreeObject (result);
      if (url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
        self->source_url = clean_value (url);
    }
}

/* ---- boilerplate ------------------------------------------------------- */

static const char * const noise_tags[] = {
  "nav", "aside", "header", "footer", "form", "dialog", "menu", "figure", "figcaption", "label",
  "fieldset", "legend", NULL
};

static const char * const noise_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
  "menu", "menubar", "toolbar", "form", "tablist", NULL
};

static gboolean
looks_like_noise (Importer *self,
                  xmlNode  *node)
{
  g_autofree char *role = NULL;
  g_autofree char *style = NULL;

  if (tag_in (node, noise_tags))
    return TRUE;

  if (attr_equals (node, "aria-hidden", "true") || xmlHasProp (node, (const xmlChar *)"hidden"))
    return TRUE;

  role = get_attr (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);
      if (g_strv_contains (noise_roles, g_strstrip (lower)))
        return TRUE;
    }

  style = get_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (style, -1);
      char *p;

      /* "display: none" with any spacing */
      for (p = lower; *p; p++)
        if (*p == ' ')
          memmove (p, p + 1, strlen (p));
      if (strstr (lower, "display:none") || strstr (lower, "visibility:hidden"))
        return TRUE;
    }

  return class_matches (node, self->noise_class);
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

  if (node->type != XML_ELEMENT_NODE || (info = info_of (self, node)) == NULL)
    return FALSE;

  parent = info_of (self, node->parent);
  if (parent != NULL && (parent->flags & FLAG_NOISE))
    info->flags |= FLAG_NOISE;
  else if (node != self->body && !tag_is (node, "html") && looks_like_noise (self, node))
    {
      /* Never the element that holds most of the article: a "has-sidebar"
       * or "page-header" class on a wrapper must not empty the page. */
      gboolean holds_article = (state->page_para > 200 && info->para * 10 >= state->page_para * 4) ||
                               (info->text * 10 >= state->page_text * 6 && state->page_text > 200);

      if (!holds_article)
        info->flags |= FLAG_NOISE;
    }

  if (class_matches (node, self->notes_class))
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
  NodeInfo *info = info_of (self, node);
  xmlNode *parent, *grandparent;
  NodeInfo *parent_info, *grandparent_info;
  double vote = 0;

  if (info == NULL || (info->flags & (FLAG_NOISE | FLAG_INVISIBLE)))
    return;

  parent = node->parent;
  grandparent = parent ? parent->parent : NULL;
  parent_info = info_of (self, parent);
  grandparent_info = info_of (self, grandparent);

  if (tag_is (node, "p") || tag_is (node, "pre") || tag_is (node, "blockquote"))
    {
      if (info->text >= 25)
        vote = (double)info->text - info->links;
    }
  if (info->direct >= 25 && !tag_is (node, "p"))
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

static guint
useful_text (Importer *self,
             xmlNode  *node)
{
  NodeInfo *info = info_of (self, node);

  if (info == NULL || (info->flags & FLAG_NOISE))
    return 0;
  return info->text - MIN (info->links, info->text);
}

static xmlNode *
largest (Importer   *self,
         const char *expression,
         guint       minimum)
{
  xmlXPathObjectPtr result = xpath (self, expression);
  xmlNode *best = NULL;
  guint best_text = minimum;

  for (guint i = 0; i < nodeset_len (result); i++)
    {
      xmlNode *node = nodeset_item (result, i);
      guint text = useful_text (self, node);

      if (text > best_text)
        {
          best = node;
          best_text = text;
        }
    }

  xmlXPathFreeObject (result);
  return best;
}

static gboolean
find_body_class_enter (xmlNode  *node,
                       gpointer  data)
{
  gpointer *state = data;
  Importer *self = state[0];
  GPtrArray *found = state[1];

  if (node->type != XML_ELEMENT_NODE || (flags_of (self, node) & (FLAG_NOISE | FLAG_INVISIBLE)))
    return FALSE;

  if (class_matches (node, self->body_class) && useful_text (self, node) >= 100 && found->len < 200)
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

  for (guint i = 0; i < parts->len; i++)
    {
      xmlNode *part = g_ptr_array_index (parts, i);
      xmlNode *ancestor;

      if (is_ancestor (joined, part) || is_ancestor (part, joined))
        continue;
      ancestor = common_ancestor (joined, part);
      if (ancestor == NULL || ancestor->type != XML_ELEMENT_NODE || tag_is (ancestor, "html"))
        continue;
      joined = ancestor;
    }

  return joined;
}

static gboolean
best_score_enter (xmlNode  *node,
                  gpointer  data)
{
  gpointer *state = data;
  Importer *self = state[0];
  xmlNode **best = state[1];
  NodeInfo *info = info_of (self, node);
  NodeInfo *best_info;

  if (node->type != XML_ELEMENT_NODE || info == NULL || (info->flags & (FLAG_NOISE | FLAG_INVISIBLE)))
    return FALSE;

  best_info = info_of (self, *best);
  if (info->score > 0 && (best_info == NULL || info->score > best_info->score))
    *best = node;

  return TRUE;
}

static xmlNode *
find_root (Importer *self)
{
  xmlNode *node;
  xmlNode *best = NULL;
  gpointer state[2] = { self, &best };
  guint page = useful_text (self, self->body);
  guint needed = MIN (page / 5, 400);

  if ((node = largest (self, "//*[@itemprop='articleBody' or @itemprop='articlebody']", needed)) != NULL)
    return node;

  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();
    gpointer parts_state[2] = { self, parts };

    traverse (self->body, find_body_class_enter, NULL, parts_state);
    for (guint i = 0; i < parts->len; i++)
      {
        xmlNode *part = g_ptr_array_index (parts, i);
        if (best == NULL || useful_text (self, part) > useful_text (self, best))
          best = part;
      }
    if (best != NULL && useful_text (self, best) >= needed)
      return join_body_parts (self, parts, best);
    best = NULL;
  }

  /* The <article> with the most text, not a teaser card in a list. */
  if ((node = largest (self, "//article", needed)) != NULL)
    return node;

  if ((node = largest (self, "//main | //*[@role='main']", needed)) != NULL)
    return node;

  best = NULL;
  traverse (self->body, best_score_enter, NULL, state);
  if (best == NULL)
    return self->body;

  /* Readability keeps siblings that score well too: an article split into
   * columns or sections is one article. Take the parent then. */
  if (best->parent != NULL && best->parent->type == XML_ELEMENT_NODE && best != self->body)
    {
      double best_score = info_of (self, best)->score;

      for (xmlNode *sibling = best->parent->children; sibling != NULL; sibling = sibling->next)
        {
          NodeInfo *info = info_of (self, sibling);

          if (sibling != best && info != NULL && !(info->flags & FLAG_NOISE) &&
              info->score >= best_score * 0.3)
            return best->parent;
        }
    }

  return best;
}

/* ---- footnotes linked by fragment -------------------------------------- */

static gboolean
parse_marker_number (const char *text,
                     guint      *number)
{
  const char *p = text;
  guint64 value;
  char *end;

  while (*p == ' ' || *p == '[' || *p == '(')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;

  value = g_ascii_strtoull (p, &end, 10);
  p = end;
  while (*p == ' ' || *p == ']' || *p == ')' || *p == '.')
    p++;

  if (*p != '\0' || value == 0 || value > 9999)
    return FALSE;

  *number = (guint)value;
  return TRUE;
}

static xmlNode *
block_ancestor (xmlNode *node)
{
  static const char * const blocks[] = {
    "li", "p", "div", "dd", "td", "section", "aside", "article", "blockquote", "body", NULL
  };

  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    if (tag_in (node, blocks))
      return node;

  return NULL;
}

static void
note_free (gpointer data)
{
  Note *note = data;

  g_free (note->text);
  g_clear_pointer (&note->urls, g_ptr_array_unref);
  g_free (note);
}

static Note *
find_note (Importer *self,
           guint     number)
{
  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = g_ptr_array_index (self->notes, i);

      if (note->number == number)
        return note;
    }

  return NULL;
}

static void
add_url (GPtrArray  *urls,
         const char *url)
{
  g_autofree char *clean = clean_value (url);

  if (clean == NULL || !(g_str_has_prefix (clean, "http://") || g_str_has_prefix (clean, "https://")) ||
      strlen (clean) <= strlen ("https://"))
    return;

  for (guint i = 0; i < urls->len; i++)
    if (g_str_equal (g_ptr_array_index (urls, i), clean))
      return;

  g_ptr_array_add (urls, g_steal_pointer (&clean));
}

/* "1. ", "[1] ", "1 " at the start of a note, when it is the note's number. */
static const char *
skip_number_prefix (const char *text,
                    guint       number)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);
  const char *p = text;

  if (*p == '[' || *p == '(')
    p++;
  if (!g_str_has_prefix (p, digits))
    return text;
  p += strlen (digits);
  if (*p == ']' || *p == ')' || *p == '.')
    p++;
  if (*p != ' ' && *p != '\0')
    return text;
  while (*p == ' ')
    p++;

  return p;
}

static gboolean
is_backlink_text (const char *text)
{
  static const char * const backlinks[] = {
    "↩", "↩︎", "↑", "^", "back", "return", "return to text", "back to text", "top", "⤴", "↵", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  return g_strv_contains (backlinks, lower) || g_str_has_prefix (lower, "back to") ||
         g_str_has_prefix (lower, "return to") || g_str_has_prefix (lower, "jump up");
}

typedef struct {
  Importer *self;
  GHashTable *backlinks;   /* xmlNode of <a> to leave out of the note */
  GPtrArray *urls;
} NoteLinks;

static gboolean
note_links_enter (xmlNode  *node,
                  gpointer  data)
{
  NoteLinks *state = data;

  if (tag_is (node, "a"))
    {
      g_autofree char *href = get_attr (node, "href");
      g_autofree char *text = node_text (state->self, node);

      if (href != NULL && href[0] == '#')
        {
          /* Links back to the text, or the note's own number. */
          guint number;
          if (is_backlink_text (text) || parse_marker_number (text, &number) || *text == '\0')
            g_hash_table_add (state->backlinks, node);
        }
      else if (href != NULL)
        add_url (state->urls, href);
    }

  return node->type == XML_ELEMENT_NODE;
}

static void
read_note (Importer *self,
           xmlNode  *element,
           guint     number)
{
  g_autoptr(GHashTable) backlinks = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  NoteLinks state = { self, backlinks, g_ptr_array_new_with_free_func (g_free) };
  g_auto(GStrv) found = NULL;
  Note *note;

  traverse (element, note_links_enter, NULL, &state);

  /* The note's text without the links back to the body: mark them, and
   * collect text leaving marked elements out (the note itself is not yet
   * marked; notes are set aside only after all have been read). */
  {
    GHashTableIter iter;
    gpointer key;
    /* Notes often sit in a <footer> or <aside>: boilerplate by tag, but
     * here only the backlinks are left out. */
    TextCollector collector = { self, text, FALSE, NULL, FLAG_SKIP | FLAG_INVISIBLE, TRUE, MAX_NOTE_CHARS };
    NodeInfo *info = info_of (self, element);
    guint saved = info ? info->flags : 0;

    g_hash_table_iter_init (&iter, backlinks);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      add_flags (self, key, FLAG_SKIP);

    if (info != NULL)
      info->flags &= ~(FLAG_SKIP | FLAG_NOISE);
    traverse (element, collect_enter, collect_leave, &collector);
    if (info != NULL)
      info->flags = saved;
  }

  note = g_new0 (Note, 1);
  note->number = number;
  note->text = g_strdup (skip_number_prefix (g_strstrip (text->str), number));
  note->urls = state.urls;

  /* Plus addresses written out in the text, not linked. */
  found = dossier_footnote_extract_urls (note->text);
  for (guint i = 0; found[i] != NULL; i++)
    add_url (note->urls, found[i]);

  if (*note->text == '\0')
    {
      note_free (note);
      return;
    }

  g_ptr_array_add (self->notes, note);
}

/* Which element of the page is the note an in-text link points to? */
static xmlNode *
note_element_for (Importer *self,
                  xmlNode  *link,
                  xmlNode  *target)
{
  xmlNode *element = target;

  /* Word: <p><a name="_ftn1" href="#_ftnref1">[1]</a> Citation</p>;
   * others point at an empty <span id> or <a id> inside the note. */
  if (!tag_in (target, (const char * const[]) { "li", "p", "div", "dd", "td", "section", "aside", "tr", "dt", NULL }))
    element = block_ancestor (target);

  if (element == NULL || is_ancestor (element, link) || tag_is (element, "body") ||
      tag_is (element, "article"))
    return NULL;

  /* <dt id="fn1">1</dt><dd>text</dd> */
  if (tag_is (element, "dt"))
    {
      xmlNode *next = element->next;
      while (next != NULL && next->type != XML_ELEMENT_NODE)
        next = next->next;
      if (tag_is (next, "dd"))
        element = next;
    }

  {
    NodeInfo *info = info_of (self, element);

    if (info == NULL || info->text > MAX_NOTE_CHARS)
      return NULL;
  }

  return element;
}

static void
find_linked_notes (Importer *self)
{
  static GRegex *fragment_hint = NULL;
  static gsize initialised = 0;
  xmlXPathObjectPtr result;
  g_autoptr(GHashTable) note_elements = g_hash_table_new (NULL, NULL);

  if (g_once_init_enter (&initialised))
    {
      fragment_hint = g_regex_new ("fn|foot|note|ftn|edn|cite|ref|ann", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  xmlXPathOrderDocElems (self->doc);
  result = xpath (self, "//a[starts-with(@href, '#')]");

  for (guint i = 0; i < nodeset_len (result) && self->notes->len < 2000; i++)
    {
      xmlNode *link = nodeset_item (result, i);
      g_autofree char *href = get_attr (link, "href");
      g_autofree char *text = node_text (self, link);
      g_autofree char *role = get_attr (link, "role");
      xmlNode *target, *element, *marker;
      gboolean in_sup;
      guint number;

      if (href == NULL || href[1] == '\0' || (flags_of (self, link) & FLAG_SKIP))
        continue;

      if (!parse_marker_number (text, &number))
        {
          /* <sup>[<a href="#fn1">1</a>]</sup>: the number may sit outside the link */
          continue;
        }

      in_sup = tag_is (link->parent, "sup") || tag_is (link->parent ? link->parent->parent : NULL, "sup") ||
               xmlStrcasestr (link->children && link->children->type == XML_ELEMENT_NODE ? link->children->name : (const xmlChar *)"", (const xmlChar *)"sup") != NULL;
      if (!in_sup && !g_regex_match (fragment_hint, href + 1, 0, NULL) &&
          !(role != NULL && strstr (role, "noteref") != NULL) && text[0] != '[')
        continue;

      target = g_hash_table_lookup (self->ids, href + 1);
      if (target == NULL)
        {
          /* "#fn%3A1" for id="fn:1" */
          g_autofree char *unescaped = g_uri_unescape_string (href + 1, NULL);
          if (unescaped != NULL)
            target = g_hash_table_lookup (self->ids, unescaped);
        }
      if (target == NULL || target == link)
        continue;

      /* A link back from the note to the text points backwards. */
      if (xmlXPathCmpNodes (link, target) != 1)
        continue;

      element = note_element_for (self, link, target);
      if (element == NULL)
        continue;

      /* The marker is the <sup> around the link when it holds nothing else. */
      marker = link;
      if (tag_is (link->parent, "sup"))
        {
          g_autofree char *sup_text = node_text (self, link->parent);
          guint sup_number;

          if (parse_marker_number (sup_text, &sup_number) && sup_number == number)
            marker = link->parent;
        }

      /* Links inside <noscript>, <template> … were never measured: not text. */
      if (info_of (self, marker) == NULL)
        continue;
      add_flags (self, marker, FLAG_REF);
      info_of (self, marker)->ref_number = number;

      if (!g_hash_table_contains (note_elements, element) && find_note (self, number) == NULL)
        {
          g_hash_table_add (note_elements, element);
          read_note (self, element, number);
        }
    }

  xmlXPathFreeObject (result);

  /* Set the notes aside only now: a note may hold links to the next one. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, note_elements);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        xmlNode *element = key;

        add_flags (self, element, FLAG_SKIP);
        /* <dd> notes leave their <dt> numbers behind. */
        if (tag_is (element, "dd"))
          for (xmlNode *prev = element->prev; prev != NULL; prev = prev->prev)
            if (prev->type == XML_ELEMENT_NODE)
              {
                if (tag_is (prev, "dt"))
                  add_flags (self, prev, FLAG_SKIP);
                break;
              }
      }
  }

  self->linked_notes = self->notes->len > 0;
}

/* Is @node part of the site around the article (navigation, footer,
 * "related" lists), where other articles' deks and quotes appear? */
static gboolean
in_site_chrome (Importer *self,
                xmlNode  *node)
{
  guint depth = 0;

  for (; node != NULL && node->type == XML_ELEMENT_NODE && depth < 400; node = node->parent, depth++)
    {
      g_autofree char *role = NULL;

      if (node == self->root)
        return FALSE;
      if (tag_is (node, "nav") || (tag_is (node, "footer") && !is_ancestor (node, self->root)))
        return TRUE;
      role = get_attr (node, "role");
      if (role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "contentinfo") == 0))
        return TRUE;
      if (class_matches (node, self->chrome_class) && !is_ancestor (node, self->root))
        return TRUE;
    }

  return FALSE;
}

/* ---- key points, pull quotes, dek, authors ------------------------------ */

static xmlNode *
next_element (xmlNode *node)
{
  for (node = node ? node->next : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;

  return NULL;
}

typedef struct {
  Importer *self;
  GPtrArray *items;
} ItemState;

static gboolean
list_items_enter (xmlNode  *node,
                  gpointer  data)
{
  ItemState *state = data;

  if (node->type != XML_ELEMENT_NODE || tag_in (node, invisible_tags))
    return FALSE;

  if (tag_is (node, "li"))
    {
      g_autofree char *text = node_text (state->self, node);

      if (*text != '\0' && state->items->len < 50)
        g_ptr_array_add (state->items, g_steal_pointer (&text));
      return FALSE;
    }

  return TRUE;
}

static gboolean
paragraphs_enter (xmlNode  *node,
                  gpointer  data)
{
  ItemState *state = data;

  if (node->type != XML_ELEMENT_NODE || tag_in (node, invisible_tags) || heading_level (node) > 0)
    return FALSE;

  if (tag_is (node, "p"))
    {
      g_autofree char *text = node_text (state->self, node);

      if (count_words (text) >= 3 && state->items->len < 50 &&
          !g_regex_match (state->self->key_points_heading, text, 0, NULL))
        g_ptr_array_add (state->items, g_steal_pointer (&text));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_label_element (Importer *self,
                  xmlNode  *node,
                  GRegex   *regex)
{
  g_autofree char *text = NULL;
  NodeInfo *info = info_of (self, node);

  if (info == NULL || info->text > 60 ||
      !(heading_level (node) > 0 || tag_in (node, (const char * const[]) { "p", "div", "strong", "b", "span", "dt", "summary", NULL })))
    return FALSE;

  text = node_text (self, node);
  return g_regex_match (regex, text, 0, NULL);
}

static void
find_key_points (Importer *self)
{
  xmlXPathObjectPtr result = select_elements (self, filter_classed);

  /* A box whose class names it: "key-takeaways", "highlights" … */
  for (guint i = 0; i < nodeset_len (result) && self->key_points->len == 0; i++)
    {
      xmlNode *node = nodeset_item (result, i);
      ItemState state = { self, self->key_points };

      /* Key points often sit in the article's <header>, which is boilerplate otherwise. */
      if ((flags_of (self, node) & FLAG_SKIP) || !class_matches (node, self->key_points_class) ||
          useful_text (self, node) > 5000 || (is_ancestor (node, self->root) && node != self->root) ||
          in_site_chrome (self, node))
        continue;

      traverse (node, list_items_enter, NULL, &state);
      if (self->key_points->len == 0)
        traverse (node, paragraphs_enter, NULL, &state);
      if (self->key_points->len > 0)
        add_flags (self, node, FLAG_SKIP);
    }
  xmlXPathFreeObject (result);

  if (self->key_points->len > 0)
    return;

  /* A "Key Takeaways" label followed by a list. */
  result = select_elements (self, filter_labels);
  for (guint i = 0; i < nodeset_len (result) && self->key_points->len == 0; i++)
    {
      xmlNode *label = nodeset_item (result, i);
      xmlNode *anchor = label, *list = NULL;
      ItemState state = { self, self->key_points };

      if ((flags_of (self, label) & FLAG_SKIP) || !is_label_element (self, label, self->key_points_heading) ||
          in_site_chrome (self, label))
        continue;

      /* <p><strong>Key Points</strong></p><ul>: climb out of the wrapper. */
      for (guint up = 0; up < 3 && anchor != NULL; up++, anchor = anchor->parent)
        {
          list = next_element (anchor);
          if (list != NULL)
            break;
        }

      if (list == NULL || !(tag_is (list, "ul") || tag_is (list, "ol") || tag_is (list, "div")))
        continue;

      traverse (list, list_items_enter, NULL, &state);
      if (self->key_points->len > 0)
        {
          add_flags (self, list, FLAG_SKIP);
          add_flags (self, anchor ? anchor : label, FLAG_SKIP);
          add_flags (self, label, FLAG_SKIP);
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
  result = xpath (self, ".//cite | .//footer | .//figcaption");
  if (nodeset_len (result) > 0)
    cite = nodeset_item (result, 0);
  xmlXPathFreeObject (result);
  self->xpath->node = NULL;

  text = node_text_full (self, node, cite, FALSE, 4000);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
find_pull_quotes (Importer *self)
{
  xmlXPathObjectPtr result = select_elements (self, filter_quotes);

  for (guint i = 0; i < nodeset_len (result) && self->pull_quotes->len < 20; i++)
    {
      xmlNode *node = nodeset_item (result, i);
      gboolean pull = FALSE;
      char *text;

      if (flags_of (self, node) & FLAG_SKIP)
        continue;

      if (class_matches (node, self->pull_quote_class))
        pull = TRUE;
      else if (tag_is (node, "aside"))
        {
          /* An aside is a pull quote when it quotes: a <blockquote>, <q> or a "quote" class. */
          g_autofree char *names = class_and_id (node);
          pull = first_matching (self, node, ".//blockquote | .//q") != NULL ||
                 (names != NULL && strstr (names, "quote") != NULL);
        }
      else if (tag_is (node, "blockquote") && tag_is (node->parent, "aside"))
        pull = TRUE;

      /* Pull quotes inside the article or the boxes around it only. */
      if (!pull || useful_text (self, node) > 1500 || in_site_chrome (self, node) ||
          (!is_ancestor (self->root, node) && !tag_is (node, "aside") && (flags_of (self, node) & FLAG_NOISE)))
        continue;

      text = quote_text (self, node);
      if (text == NULL || count_words (text) < 4)
        {
          g_free (text);
          continue;
        }

      /* Nested matches (an aside around a blockquote.pullquote) count once. */
      for (guint j = 0; j < self->pull_quotes->len; j++)
        if (g_str_equal (g_ptr_array_index (self->pull_quotes, j), text))
          g_clear_pointer (&text, g_free);

      if (text != NULL)
        g_ptr_array_add (self->pull_quotes, text);
      add_flags (self, node, FLAG_SKIP);
    }

  xmlXPathFreeObject (result);
}

static xmlNode *
first_matching (Importer   *self,
                xmlNode    *container,
                const char *expression)
{
  xmlXPathObjectPtr result;
  xmlNode *found = NULL;

  self->xpath->node = container;
  result = xpath (self, expression);
  if (nodeset_len (result) > 0)
    found = nodeset_item (result, 0);
  xmlXPathFreeObject (result);
  self->xpath->node = NULL;

  return found;
}

static char *
text_of_first (Importer   *self,
               xmlNode    *container,
               const char *expression)
{
  xmlNode *node = first_matching (self, container, expression);
  g_autofree char *text = node ? node_text (self, node) : NULL;

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

  name_node = first_matching (self, card,
    ".//*[@itemprop='name' or contains(translate(@class, 'NAME', 'name'), 'name') or contains(@class, 'fn')]");
  if (name_node == NULL)
    name_node = first_matching (self, card, ".//h2 | .//h3 | .//h4 | .//h5 | .//strong | .//b | .//a[not(starts-with(@href, '#'))]");
  if (name_node != NULL)
    name = node_text (self, name_node);

  position = text_of_first (self, card,
    ".//*[@itemprop='jobTitle' or contains(@class, 'job') or contains(@class, 'position') or "
    "contains(@class, 'role') or (contains(@class, 'title') and not(contains(@class, 'name')))]");
  affiliation = text_of_first (self, card,
    ".//*[@itemprop='affiliation' or @itemprop='worksFor' or contains(@class, 'affiliation') or "
    "contains(@class, 'organization') or contains(@class, 'institution')]");
  bio = text_of_first (self, card,
    ".//*[@itemprop='description' or contains(@class, 'bio') or contains(@class, 'description') or "
    "contains(@class, 'summary') or contains(@class, 'excerpt')][not(self::a)]");

  if (bio == NULL)
    {
      traverse (card, paragraphs_enter, NULL, &state);
      if (state.items->len > 0)
        {
          g_ptr_array_add (state.items, NULL);
          bio = g_strjoinv ("\n\n", (char **)state.items->pdata);
        }
    }
  g_ptr_array_unref (state.items);

  if (name != NULL && !looks_like_name (name))
    {
      /* "About Jane Doe" */
      if (g_str_has_prefix (name, "About "))
        memmove (name, name + 6, strlen (name + 6) + 1);
      if (!looks_like_name (name))
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
  if (position != NULL && g_strcmp0 (position, name) != 0 && count_words (position) <= 20)
    dossier_author_set_position (author, position);
  if (affiliation != NULL && count_words (affiliation) <= 12)
    dossier_author_set_affiliation (author, affiliation);
  if (bio != NULL && g_strcmp0 (bio, name) != 0 && count_words (bio) >= 4)
    dossier_author_set_bio (author, bio);

  complete_from_bio (author, bio);

  g_ptr_array_add (self->bio_authors, g_steal_pointer (&author));
}

static void
find_author_cards (Importer *self)
{
  xmlXPathObjectPtr result = select_elements (self, filter_classed);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  for (guint i = 0; i < nodeset_len (result) && cards->len < 20; i++)
    {
      xmlNode *node = nodeset_item (result, i);
      NodeInfo *info = info_of (self, node);
      gboolean nested = FALSE;

      if (info == NULL || (info->flags & FLAG_SKIP) || info->text < 20 || info->text > 4000 ||
          !class_matches (node, self->author_card_class))
        continue;
      if (is_ancestor (node, self->root))
        continue;

      for (guint j = 0; j < cards->len; j++)
        if (is_ancestor (g_ptr_array_index (cards, j), node))
          nested = TRUE;
      if (nested)
        continue;

      /* A list of cards: read each card, not the list. */
      {
        guint inner = 0;
        self->xpath->node = node;
        {
          xmlXPathObjectPtr children = xpath (self, ".//*[@class or @id]");
          for (guint k = 0; k < nodeset_len (children); k++)
            if (class_matches (nodeset_item (children, k), self->author_card_class) &&
                useful_text (self, nodeset_item (children, k)) >= 20)
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
      add_flags (self, g_ptr_array_index (cards, i), FLAG_SKIP);
    }

  /* "About the Author" headings followed by bio paragraphs. */
  result = select_elements (self, filter_labels);
  for (guint i = 0; i < nodeset_len (result); i++)
    {
      xmlNode *label = nodeset_item (result, i);
      xmlNode *anchor = label;
      xmlNode *sibling;

      if ((flags_of (self, label) & FLAG_SKIP) || !is_label_element (self, label, self->author_heading))
        continue;

      /* Climb out of <p><strong>…</strong></p> to the level of the bios. */
      while ((tag_is (anchor, "strong") || tag_is (anchor, "b")) && anchor->parent != NULL &&
             next_element (anchor) == NULL)
        anchor = anchor->parent;
      if (next_element (anchor) == NULL && anchor->parent != NULL && next_element (anchor->parent) != NULL)
        anchor = anchor->parent;

      add_flags (self, anchor, FLAG_SKIP);
      add_flags (self, label, FLAG_SKIP);
      for (sibling = next_element (anchor); sibling != NULL; sibling = next_element (sibling))
        {
          g_autofree char *text = NULL;
          ItemState state = { self, self->bio_paragraphs };

          if (heading_level (sibling) > 0 && heading_level (sibling) <= MAX (heading_level (label), 1))
            break;
          if (flags_of (self, sibling) & FLAG_SKIP)
            continue;
          if (heading_level (sibling) > 0 || tag_is (sibling, "p") || tag_is (sibling, "li"))
            {
              text = node_text (self, sibling);
              if (*text != '\0')
                g_ptr_array_add (self->bio_paragraphs, g_steal_pointer (&text));
            }
          else
            {
              guint before = self->bio_paragraphs->len;

              traverse (sibling, paragraphs_enter, NULL, &state);
              if (self->bio_paragraphs->len == before)
                {
                  text = node_text (self, sibling);
                  if (count_words (text) >= 2)
                    g_ptr_array_add (self->bio_paragraphs, g_steal_pointer (&text));
                }
            }
          add_flags (self, sibling, FLAG_SKIP);
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

static gboolean is_byline_text (const char *text);

static void
find_visible_metadata (Importer *self)
{
  xmlXPathObjectPtr result;
  xmlNode *h1 = NULL;

  /* The first <h1> outside boilerplate, preferring one in the article. */
  result = xpath (self, "//h1");
  for (guint i = 0; i < nodeset_len (result); i++)
    {
      xmlNode *node = nodeset_item (result, i);
      g_autofree char *text = NULL;

      if (flags_of (self, node) & FLAG_NOISE && !is_ancestor (node->parent, self->root))
        {
          /* An <h1> in a <header> is fine; one in the site's banner is not. */
          if (useful_text (self, node) == 0 && class_matches (node, self->noise_class))
            continue;
        }
      text = node_text (self, node);
      if (count_words (text) == 0 || strlen (text) > 400)
        continue;
      if (h1 == NULL || is_ancestor (self->root, node))
        {
          h1 = node;
          g_free (self->h1);
          self->h1 = g_steal_pointer (&text);
          if (is_ancestor (self->root, node))
            break;
        }
    }
  xmlXPathFreeObject (result);

  self->h1_node = h1;
  if (self->title == NULL && self->h1 != NULL)
    self->title = g_strdup (self->h1);

  if (self->title == NULL)
    {
      result = xpath (self, "//title");
      if (nodeset_len (result) > 0)
        {
          g_autofree char *text = node_text (self, nodeset_item (result, 0));
          xmlNode *title = nodeset_item (result, 0);
          xmlChar *content = xmlNodeGetContent (title);

          self->title = strip_site_suffix (self, content ? (const char *)content : text);
          xmlFree (content);
        }
      xmlXPathFreeObject (result);
    }

  /* The dek: a class that says so, or a heading right below the <h1>. */
  if (self->subtitle == NULL)
    {
      result = select_elements (self, filter_classed);
      for (guint i = 0; i < nodeset_len (result); i++)
        {
          xmlNode *node = nodeset_item (result, i);
          g_autofree char *text = NULL;

          if (!class_matches (node, self->dek_class) || useful_text (self, node) > 600 ||
              (flags_of (self, node) & FLAG_SKIP) || in_site_chrome (self, node))
            continue;
          text = node_text (self, node);
          if (count_words (text) >= 2 && g_strcmp0 (text, self->title) != 0)
            {
              self->subtitle = g_steal_pointer (&text);
              add_flags (self, node, FLAG_SKIP);
              break;
            }
        }
      xmlXPathFreeObject (result);
    }

  if (self->subtitle == NULL && h1 != NULL)
    {
      xmlNode *next = next_element (h1);

      if (next != NULL && (heading_level (next) >= 2 ||
                           (tag_is (next, "p") && tag_is (h1->parent, "header"))))
        {
          g_autofree char *text = node_text (self, next);
          g_autofree char *date = normalize_date (text);

          if (count_words (text) >= 3 && count_words (text) <= 50 && date == NULL &&
              g_ascii_strncasecmp (text, "by ", 3) != 0 && !class_matches (next, self->byline_class) &&
              !g_regex_match (self->skip_heading, text, 0, NULL) &&
              !g_regex_match (self->key_points_heading, text, 0, NULL))
            {
              self->subtitle = g_steal_pointer (&text);
              add_flags (self, next, FLAG_SKIP);
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

          if (node->type != XML_ELEMENT_NODE || tag_in (node, invisible_tags))
            continue;
          seen++;
          if (!tag_in (node, (const char * const[]) { "p", "div", "span", "i", "em", "font", "td", "address", "small", NULL }))
            continue;

          text = node_text (self, node);
          words = count_words (text);
          if (words >= 25)
            break;
          if (words == 0 || words > 20)
            continue;

          if (self->author_names->len == 0 && is_byline_text (text))
            add_byline (self, text);
          if (self->date == NULL && words <= 12)
            self->date = normalize_date (text);
        }
    }

  /* Bylines: rel=author links, itemprop=author, "byline" classes. */
  if (self->author_names->len == 0)
    {
      result = select_elements (self, filter_authors);
      for (guint i = 0; i < nodeset_len (result); i++)
        {
          xmlNode *node = nodeset_item (result, i);
          g_autofree char *name = text_of_first (self, node, ".//*[@itemprop='name']");

          if (name == NULL)
            name = node_text (self, node);
          add_byline (self, name);
        }
      xmlXPathFreeObject (result);
    }

  if (self->author_names->len == 0)
    {
      result = select_elements (self, filter_classed);
      for (guint i = 0; i < nodeset_len (result) && self->author_names->len == 0; i++)
        {
          xmlNode *node = nodeset_item (result, i);
          g_autofree char *text = NULL;

          if (!class_matches (node, self->byline_class) || info_of (self, node)->text > 600 ||
              in_site_chrome (self, node))
            continue;

          /* Named parts, each with the title printed next to it:
           * <a class="person"><span class="name">…</span><span class="title">…</span></a> */
          self->xpath->node = node;
          {
            xmlXPathObjectPtr names = xpath (self, ".//*[@itemprop='name' or contains(translate(@class, 'NAME', 'name'), 'name')]");

            for (guint k = 0; k < nodeset_len (names); k++)
              {
                xmlNode *name_node = nodeset_item (names, k);
                g_autofree char *name = node_text (self, name_node);
                g_autofree char *position = NULL;
                guint before = self->author_names->len;

                add_author_name (self, name);
                if (self->author_names->len == before || name_node->parent == NULL)
                  continue;

                position = text_of_first (self, name_node->parent,
                  "./*[@itemprop='jobTitle' or contains(@class, 'title') or contains(@class, 'position') or "
                  "contains(@class, 'job') or contains(@class, 'role')][not(contains(translate(@class, 'NAME', 'name'), 'name'))]");
                self->xpath->node = node;
                if (position != NULL && count_words (position) <= 12 && g_strcmp0 (position, name) != 0)
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
            xmlXPathObjectPtr links = xpath (self, ".//a");
            for (guint k = 0; k < nodeset_len (links); k++)
              {
                g_autofree char *name = node_text (self, nodeset_item (links, k));
                add_author_name (self, name);
              }
            xmlXPathFreeObject (links);
          }
          self->xpath->node = NULL;

          if (self->author_names->len == 0)
            {
              text = node_text (self, node);
              add_byline (self, text);
            }
        }
      xmlXPathFreeObject (result);
    }

  if (self->date == NULL)
    {
      result = select_elements (self, filter_dates);
      for (guint i = 0; i < nodeset_len (result) && self->date == NULL; i++)
        {
          xmlNode *node = nodeset_item (result, i);
          g_autofree char *value = NULL;

          if (!tag_is (node, "time") && !attr_equals (node, "itemprop", "datePublished") &&
              !class_matches (node, self->date_class))
            continue;
          if (useful_text (self, node) > 200)
            continue;
          /* Dates in "related articles" lists belong to other articles. */
          if ((flags_of (self, node) & FLAG_NOISE) && !class_matches (node, self->date_class) &&
              !tag_is (node->parent, "header") && !attr_equals (node, "itemprop", "datePublished"))
            {
              xmlNode *up = node->parent;
              gboolean in_header = FALSE;
              for (guint k = 0; k < 6 && up != NULL; k++, up = up->parent)
                if (tag_is (up, "header"))
                  in_header = TRUE;
              if (!in_header)
                continue;
            }

          value = get_attr (node, "datetime");
          if (value == NULL)
            value = get_attr (node, "content");
          self->date = normalize_date (value);
          if (self->date == NULL)
            {
              g_autofree char *text = node_text (self, node);
              self->date = normalize_date (text);
            }
        }
      xmlXPathFreeObject (result);
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

static void
block_free (gpointer data)
{
  Block *block = data;

  g_string_free (block->text, TRUE);
  g_array_unref (block->refs);
  g_array_unref (block->tentative);
  g_ptr_array_unref (block->hrefs);
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

  if (block->n_chars == 0 || self->blocks->len >= 20000)
    {
      block_free (block);
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

      if (is_invisible_char (c))
        continue;
      if (is_space_char (c))
        {
          if (self->current != NULL && self->current->n_chars > 0)
            self->current->pending_space = TRUE;
          continue;
        }

      if (block == NULL)
        block = current_block (self);
      if (block->text->len > 1024 * 1024)
        return;

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
  DossierFootnoteRef ref = { number, block->n_chars };

  (void)block;
  g_array_append_val (refs, ref);
}

static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dd", "dt",
  "pre", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "address", "hr",
  "header", "footer", "center", "details", "summary", "caption", "tbody", "thead", NULL
};

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

  if (node->type != XML_ELEMENT_NODE || (info = info_of (self, node)) == NULL)
    return FALSE;

  if (info->flags & FLAG_REF)
    {
      Block *block = current_block (self);
      block_add_ref (block, block->refs, info->ref_number);
      return FALSE;
    }

  if (node == self->h1_node)
    {
      flush_block (self);
      self->title_pending = FALSE;
    }

  if (node != self->root &&
      (info->flags & ((self->walking_notes ? 0 : FLAG_NOISE) | FLAG_SKIP | FLAG_INVISIBLE)))
    return FALSE;

  if (tag_is (node, "br"))
    {
      Block *block = self->current;

      /* One <br> is a line break inside a paragraph, two end it. */
      if (block != NULL && block->last_was_br)
        flush_block (self);
      else if (block != NULL)
        {
          block->pending_space = block->n_chars > 0;
          block->last_was_br = TRUE;
        }
      return FALSE;
    }

  /* A bare <sup>12</sup> may be a footnote marker; decided once the notes are known. */
  if (tag_is (node, "sup") && info->text <= 6 && info->links == 0)
    {
      g_autofree char *text = node_text (self, node);
      guint number;

      if (parse_marker_number (text, &number))
        {
          Block *block = current_block (self);
          block_add_ref (block, block->tentative, number);
          return FALSE;
        }
    }

  if (tag_in (node, block_tags))
    {
      flush_block (self);

      if (tag_is (node, "ol") || tag_is (node, "ul"))
        {
          g_autofree char *start = get_attr (node, "start");
          int next = tag_is (node, "ol") ? (start ? atoi (start) : 1) : -1;

          g_array_append_val (self->lists, next);
        }
      else if (tag_is (node, "li"))
        {
          Block *block = current_block (self);

          block->list_item = TRUE;
          if (self->lists->len > 0)
            {
              int *next = &g_array_index (self->lists, int, self->lists->len - 1);
              g_autofree char *value = get_attr (node, "value");

              if (*next >= 0)
                {
                  if (value != NULL && atoi (value) > 0)
                    *next = atoi (value);
                  block->list_number = (*next)++;
                }
            }
        }
      else if (heading_level (node) > 0)
        current_block (self)->heading_level = heading_level (node);
      else if (tag_is (node, "blockquote"))
        self->quote_depth++;

      if (info->flags & FLAG_NOTES)
        self->notes_depth++;
      if (self->current != NULL)
        {
          self->current->in_notes = self->notes_depth > 0;
          self->current->in_quote = self->quote_depth > 0;
        }
      return TRUE;
    }

  if (tag_is (node, "a"))
    {
      g_autofree char *href = get_attr (node, "href");

      self->link_depth++;
      if (href != NULL && (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://")))
        g_ptr_array_add (current_block (self)->hrefs, g_strstrip (g_steal_pointer (&href)));
    }
  else if (tag_is (node, "strong") || tag_is (node, "b"))
    self->strong_depth++;

  return TRUE;
}

static void
walk_leave (xmlNode  *node,
            gpointer  data)
{
  Importer *self = data;

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (tag_in (node, block_tags))
    {
      flush_block (self);
      if ((tag_is (node, "ol") || tag_is (node, "ul")) && self->lists->len > 0)
        g_array_set_size (self->lists, self->lists->len - 1);
      else if (tag_is (node, "blockquote") && self->quote_depth > 0)
        self->quote_depth--;
      if ((flags_of (self, node) & FLAG_NOTES) && self->notes_depth > 0)
        self->notes_depth--;
    }
  else if (tag_is (node, "a") && self->link_depth > 0)
    self->link_depth--;
  else if ((tag_is (node, "strong") || tag_is (node, "b")) && self->strong_depth > 0)
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

      if (!in_body (self, node) || is_ancestor (self->root, node) || is_ancestor (node, self->root) ||
          (flags_of (self, node) & (FLAG_SKIP | FLAG_INVISIBLE)) || in_site_chrome (self, node))
        continue;

      if (class_matches (node, self->notes_class) && info_of (self, node)->text > 0)
        container = node;
      else if (is_label_element (self, node, self->notes_heading) && node->parent != NULL &&
               !is_ancestor (node->parent, self->root))
        container = node->parent;
    }

  if (container == NULL)
    return;

  self->walking_notes = TRUE;
  self->title_pending = FALSE;
  self->notes_depth = 1;
  self->root_saved = self->root;
  self->root = container;
  traverse (container, walk_enter, walk_leave, self);
  flush_block (self);
  self->root = self->root_saved;
  self->notes_depth = 0;
  self->walking_notes = FALSE;
}

/* ---- sorting the blocks --------------------------------------------------- */

static Block *
block_at (Importer *self,
          guint     i)
{
  return g_ptr_array_index (self->blocks, i);
}

static gboolean
is_heading_block (Block *block)
{
  return block->heading_level > 0;
}

/* Character offset → byte offset in @text. */
static gsize
byte_offset (const char *text,
             guint       chars)
{
  const char *p = text;

  for (guint i = 0; i < chars && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  return p - text;
}

/* Removes @length characters at @offset, moving later references. */
static void
block_remove_chars (Block *block,
                    guint  offset,
                    guint  length)
{
  gsize start = byte_offset (block->text->str, offset);
  gsize end = start + byte_offset (block->text->str + start, length);
  GArray *arrays[] = { block->refs, block->tentative };

  g_string_erase (block->text, start, end - start);
  block->n_chars -= length;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        DossierFootnoteRef *ref = &g_array_index (arrays[a], DossierFootnoteRef, i);

        if (ref->offset > offset + length)
          ref->offset -= length;
        else if (ref->offset > offset)
          ref->offset = offset;
      }
}

static void
block_insert_text (Block      *block,
                   guint       offset,
                   const char *text,
                   GArray     *skip)
{
  gsize position = byte_offset (block->text->str, offset);
  guint length = g_utf8_strlen (text, -1);
  GArray *arrays[] = { block->refs, block->tentative };

  g_string_insert (block->text, position, text);
  block->n_chars += length;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      if (arrays[a] == skip)
        continue;
      for (guint i = 0; i < arrays[a]->len; i++)
        {
          DossierFootnoteRef *ref = &g_array_index (arrays[a], DossierFootnoteRef, i);
          if (ref->offset > offset)
            ref->offset += length;
        }
    }
}

static gboolean
is_superscript_digit (gunichar c,
                      guint   *digit)
{
  static const gunichar supers[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };

  for (guint i = 0; i < G_N_ELEMENTS (supers); i++)
    if (c == supers[i])
      {
        *digit = i;
        return TRUE;
      }

  return FALSE;
}

/* "[3]" and "³" in the text become references when note 3 exists. */
static void
convert_text_markers (Importer *self,
                      Block    *block)
{
  guint position = 0;
  const char *p = block->text->str;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      guint number = 0, digit, length = 0;
      const char *q = p;

      if (c == '[')
        {
          q++;
          while (g_ascii_isdigit (*q) && length < 4)
            {
              number = number * 10 + (*q - '0');
              q++;
              length++;
            }
          if (length == 0 || *q != ']' || find_note (self, number) == NULL)
            {
              p = g_utf8_next_char (p);
              position++;
              continue;
            }
          length += 2;
        }
      else if (is_superscript_digit (c, &digit) && position > 0)
        {
          while (is_superscript_digit (g_utf8_get_char (q), &digit) && length < 4)
            {
              number = number * 10 + digit;
              q = g_utf8_next_char (q);
              length++;
            }
          if (find_note (self, number) == NULL)
            {
              p = q;
              position += length;
              continue;
            }
        }
      else
        {
          p = g_utf8_next_char (p);
          position++;
          continue;
        }

      {
        DossierFootnoteRef ref;
        gsize byte_position = p - block->text->str;
        gboolean space_before = position > 0 && block->text->str[byte_position - 1] == ' ';
        char after = block->text->str[byte_position + (c == '[' ? length : (gsize)(q - p))];

        /* "talks. [3] Next" reads "talks. Next". */
        if (space_before && (after == ' ' || after == '\0'))
          {
            block_remove_chars (block, position - 1, length + 1);
            position--;
          }
        else
          block_remove_chars (block, position, length);

        ref.number = number;
        ref.offset = position;
        g_array_append_val (block->refs, ref);
        p = block->text->str + byte_offset (block->text->str, position);
      }
    }
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const DossierFootnoteRef *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return 0;
}

/* Bare superscripts that are not note numbers go back into the text. */
static void
settle_tentative_refs (Importer *self,
                       Block    *block)
{
  for (guint i = block->tentative->len; i > 0; i--)
    {
      DossierFootnoteRef ref = g_array_index (block->tentative, DossierFootnoteRef, i - 1);

      if (find_note (self, ref.number) != NULL)
        g_array_append_val (block->refs, ref);
      else
        {
          g_autofree char *digits = g_strdup_printf ("%u", ref.number);
          block_insert_text (block, ref.offset, digits, block->tentative);
        }
    }
  g_array_set_size (block->tentative, 0);
  g_array_sort (block->refs, compare_refs);
}

static void
add_plain_note (Importer   *self,
                guint       number,
                const char *text,
                GPtrArray  *hrefs)
{
  Note *note;
  g_auto(GStrv) found = NULL;

  if (find_note (self, number) != NULL || text == NULL || *text == '\0')
    return;

  note = g_new0 (Note, 1);
  note->number = number;
  note->text = g_strdup (text);
  note->urls = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; hrefs != NULL && i < hrefs->len; i++)
    add_url (note->urls, g_ptr_array_index (hrefs, i));
  found = dossier_footnote_extract_urls (text);
  for (guint i = 0; found[i] != NULL; i++)
    add_url (note->urls, found[i]);
  g_ptr_array_add (self->notes, note);
}

/* Reads a block as a note: "[1] text", "1. text", an <ol> item, or a
 * paragraph opening with a bare superscript number. */
static gboolean
block_as_note (Importer *self,
               Block    *block,
               gboolean  allow_list_number)
{
  static GRegex *pattern = NULL;
  static gsize initialised = 0;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&initialised))
    {
      pattern = g_regex_new ("^(?:\\[(\\d{1,4})\\]|(\\d{1,4})[.)]|\\((\\d{1,4})\\))\\s*(\\S.*)$",
                             G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  if (block->tentative->len > 0 && g_array_index (block->tentative, DossierFootnoteRef, 0).offset == 0)
    {
      guint number = g_array_index (block->tentative, DossierFootnoteRef, 0).number;
      g_array_remove_index (block->tentative, 0);
      add_plain_note (self, number, block->text->str, block->hrefs);
      return TRUE;
    }

  if (g_regex_match (pattern, block->text->str, 0, &match))
    {
      guint number = 0;

      for (int group = 1; group <= 3 && number == 0; group++)
        {
          g_autofree char *digits = g_match_info_fetch (match, group);
          if (digits != NULL && *digits != '\0')
            number = (guint)g_ascii_strtoull (digits, NULL, 10);
        }
      if (number > 0)
        {
          g_autofree char *text = g_match_info_fetch (match, 4);
          add_plain_note (self, number, text, block->hrefs);
          return TRUE;
        }
    }

  if (allow_list_number && block->list_number > 0)
    {
      add_plain_note (self, (guint)block->list_number, block->text->str, block->hrefs);
      return TRUE;
    }

  return FALSE;
}

static gboolean
body_has_bracket_marker (Importer *self,
                         guint     end)
{
  for (guint i = 0; i < end; i++)
    if (g_regex_match (self->bracket_marker, block_at (self, i)->text->str, 0, NULL))
      return TRUE;

  return FALSE;
}

/* Notes not linked to the text: a "Notes" heading, a footnotes container or
 * a trailing run of "[n] …" paragraphs. Returns the blocks they occupied. */
static void
find_plain_notes (Importer  *self,
                  gboolean  *is_note)
{
  guint n = self->blocks->len;
  guint heading = n;

  for (guint i = n; i > 0; i--)
    {
      Block *block = block_at (self, i - 1);

      if ((is_heading_block (block) || (count_words (block->text->str) <= 3 && block->strong_chars >= block->n_chars / 2)) &&
          g_regex_match (self->notes_heading, block->text->str, 0, NULL))
        {
          heading = i - 1;
          break;
        }
    }

  if (heading < n)
    {
      Note *previous = NULL;
      guint notes_before = self->notes->len;

      for (guint j = heading + 1; j < n; j++)
        {
          Block *block = block_at (self, j);
          guint before = self->notes->len;

          if (is_heading_block (block))
            break;
          if (block_as_note (self, block, TRUE))
            {
              is_note[j] = TRUE;
              if (self->notes->len > before)
                previous = g_ptr_array_index (self->notes, self->notes->len - 1);
            }
          else if (previous != NULL && block->n_chars < MAX_NOTE_CHARS)
            {
              /* A note running over two paragraphs. */
              char *joined = g_strconcat (previous->text, " ", block->text->str, NULL);
              g_free (previous->text);
              previous->text = joined;
              is_note[j] = TRUE;
            }
          else
            break;
        }

      /* A "References" heading over a bibliography is not a notes list. */
      if (self->notes->len > notes_before)
        {
          is_note[heading] = TRUE;
          return;
        }
    }

  /* <ol class="footnotes"> with no heading. */
  for (guint j = 0; j < n; j++)
    {
      Block *block = block_at (self, j);

      if (block->in_notes && block_as_note (self, block, TRUE))
        is_note[j] = TRUE;
    }
  if (self->notes->len > 0)
    return;

  /* A trailing run of "[n] …" paragraphs, when the text has "[n]" markers. */
  {
    guint start = n;

    while (start > 0 && !is_heading_block (block_at (self, start - 1)) &&
           g_str_has_prefix (block_at (self, start - 1)->text->str, "[") &&
           g_regex_match (self->bracket_marker, block_at (self, start - 1)->text->str, G_REGEX_MATCH_ANCHORED, NULL))
      start--;

    if (start < n && body_has_bracket_marker (self, start))
      for (guint j = start; j < n; j++)
        if (block_as_note (self, block_at (self, j), FALSE))
          is_note[j] = TRUE;
  }
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Note *x = *(const Note * const *)a;
  const Note *y = *(const Note * const *)b;

  return x->number < y->number ? -1 : x->number > y->number;
}

static gboolean
text_equal_folded (const char *a,
                   const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  return g_str_equal (x, y);
}

static gboolean
is_byline_text (const char *text)
{
  return (g_ascii_strncasecmp (text, "by ", 3) == 0 || g_ascii_strncasecmp (text, "written by ", 11) == 0) &&
         count_words (text) <= 20 && !ends_sentence (text);
}

static void
sort_blocks (Importer *self)
{
  guint n = self->blocks->len;
  g_autofree gboolean *is_note = g_new0 (gboolean, n + 1);
  g_autofree gboolean *drop = g_new0 (gboolean, n + 1);
  gboolean seen_body = FALSE;

  if (!self->linked_notes)
    find_plain_notes (self, is_note);

  g_ptr_array_sort (self->notes, compare_notes);

  for (guint i = 0; i < n; i++)
    {
      Block *block = block_at (self, i);
      const char *text = block->text->str;
      guint words = count_words (text);

      if (is_note[i] || block->outside_root)
        {
          drop[i] = TRUE;
          continue;
        }

      /* An "About the Author" section inside the article. */
      if ((is_heading_block (block) || (words <= 4 && block->strong_chars >= block->n_chars / 2)) &&
          g_regex_match (self->author_heading, text, 0, NULL))
        {
          drop[i] = TRUE;
          for (guint j = i + 1; j < n && !is_heading_block (block_at (self, j)) && !is_note[j]; j++)
            {
              g_ptr_array_add (self->bio_paragraphs, g_strdup (block_at (self, j)->text->str));
              drop[j] = TRUE;
            }
          continue;
        }
      if (drop[i])
        continue;

      settle_tentative_refs (self, block);
      if (self->notes->len > 0)
        convert_text_markers (self, block);
      text = block->text->str;
      if (block->n_chars == 0)
        {
          drop[i] = TRUE;
          continue;
        }

      /* Headings of sections set aside, and the title repeated. */
      if (is_heading_block (block) &&
          (g_regex_match (self->skip_heading, text, 0, NULL) ||
           text_equal_folded (text, self->title) || text_equal_folded (text, self->h1)))
        {
          drop[i] = TRUE;
          continue;
        }

      if (text_equal_folded (text, self->subtitle) || text_equal_folded (text, self->title))
        {
          drop[i] = TRUE;
          continue;
        }

      /* Kickers and breadcrumbs above the title ("Commentary", "Home / Asia"). */
      if (block->before_title && words < 25)
        {
          drop[i] = TRUE;
          continue;
        }

      /* "Share", "Advertisement", "Read more" … */
      if (words <= 6 && g_regex_match (self->boilerplate_text, text, 0, NULL))
        {
          drop[i] = TRUE;
          continue;
        }

      /* "Related: <a>Another article</a>", "See also: …" between paragraphs. */
      if (words <= 30 && block->link_chars * 2 >= block->n_chars && block->refs->len == 0 &&
          g_regex_match (self->related_prefix, text, 0, NULL))
        {
          drop[i] = TRUE;
          continue;
        }

      /* A line that is only a link: "Download the PDF", a related article. */
      if (block->link_chars * 10 >= block->n_chars * 8 && block->refs->len == 0 && words <= 25)
        {
          drop[i] = TRUE;
          continue;
        }

      /* Byline and date lines above the first paragraph. */
      if (!seen_body && !is_heading_block (block) && words <= 20)
        {
          g_autofree char *date = normalize_date (text);

          if (is_byline_text (text))
            {
              if (self->author_names->len == 0)
                add_byline (self, text);
              drop[i] = TRUE;
              continue;
            }
          if (date != NULL && words <= 8)
            {
              if (self->date == NULL)
                self->date = g_steal_pointer (&date);
              drop[i] = TRUE;
              continue;
            }
        }

      /* <p><strong>A Short Label</strong></p> is a heading. */
      if (!is_heading_block (block) && words <= 12 && block->strong_chars * 10 >= block->n_chars * 9 &&
          !ends_sentence (text) && !block->list_item)
        block->heading_level = 4;

      if (!is_heading_block (block) && words >= 8)
        seen_body = TRUE;
    }

  /* A closing bio without a heading ("Jane Doe is a fellow at …", often in
   * italics): the last paragraphs, when they open with a byline name. */
  for (guint i = n, checked = 0; i > 0 && checked < 3; i--)
    {
      Block *block = block_at (self, i - 1);
      gboolean is_bio = FALSE;

      if (drop[i - 1] || is_heading_block (block))
        continue;
      checked++;
      for (guint k = 0; k < self->author_names->len && !is_bio; k++)
        {
          const char *name = g_ptr_array_index (self->author_names, k);
          const char *rest = block->text->str + strlen (name);

          is_bio = g_str_has_prefix (block->text->str, name) &&
                   (g_str_has_prefix (rest, " is ") || g_str_has_prefix (rest, " was ") ||
                    g_str_has_prefix (rest, ", ") || g_str_has_prefix (rest, " serves ") ||
                    g_str_has_prefix (rest, " has "));
        }
      if (!is_bio)
        break;
      g_ptr_array_insert (self->bio_paragraphs, 0, g_strdup (block->text->str));
      drop[i - 1] = TRUE;
    }

  /* Headings with nothing under them, at the end or before another heading
   * of the same rank, introduced something that was removed. */
  for (guint i = n; i > 0; i--)
    {
      Block *block = block_at (self, i - 1);
      guint next = i;

      if (drop[i - 1] || !is_heading_block (block))
        continue;
      while (next < n && drop[next])
        next++;
      if (next >= n || (is_heading_block (block_at (self, next)) &&
                        block_at (self, next)->heading_level <= block->heading_level))
        drop[i - 1] = TRUE;
    }

  /* Pull quotes without markup: a short block repeated inside a longer one. */
  if (n <= MAX_BLOCKS_FOR_QUOTE_SEARCH)
    for (guint i = 0; i < n; i++)
      {
        Block *block = block_at (self, i);
        guint words = count_words (block->text->str);

        if (drop[i] || is_heading_block (block) || words < 6 || words > 80)
          continue;

        for (guint j = 0; j < n; j++)
          if (j != i && !drop[j] && block_at (self, j)->n_chars > block->n_chars &&
              strstr (block_at (self, j)->text->str, block->text->str) != NULL)
            {
              g_ptr_array_add (self->pull_quotes, g_strdup (block->text->str));
              drop[i] = TRUE;
              break;
            }
      }

  /* Keep only what is left. */
  {
    GPtrArray *kept = g_ptr_array_new_with_free_func (block_free);

    for (guint i = 0; i < n; i++)
      {
        Block *block = g_ptr_array_index (self->blocks, i);

        g_ptr_array_index (self->blocks, i) = NULL;
        if (drop[i])
          block_free (block);
        else
          g_ptr_array_add (kept, block);
      }
    g_ptr_array_set_free_func (self->blocks, NULL);
    g_ptr_array_unref (self->blocks);
    self->blocks = kept;
  }
}

/* ---- assembling the document ------------------------------------------------ */

static DossierAuthor *
match_author (GPtrArray  *authors,
              const char *name)
{
  const char *last = strrchr (name, ' ');

  last = last ? last + 1 : name;
  for (guint i = 0; i < authors->len; i++)
    {
      DossierAuthor *author = g_ptr_array_index (authors, i);
      const char *known = dossier_author_get_name (author);
      const char *known_last = strrchr (known, ' ');

      known_last = known_last ? known_last + 1 : known;
      if (text_equal_folded (known, name) ||
          (count_words (name) >= 2 && text_equal_folded (known_last, last) &&
           g_utf8_get_char (known) == g_utf8_get_char (name)))
        return author;
    }

  return NULL;
}

static void
merge_author (DossierAuthor *into,
              DossierAuthor *from)
{
  if (dossier_author_get_position (into) == NULL)
    dossier_author_set_position (into, dossier_author_get_position (from));
  if (dossier_author_get_affiliation (into) == NULL)
    dossier_author_set_affiliation (into, dossier_author_get_affiliation (from));
  if (dossier_author_get_bio (into) == NULL)
    dossier_author_set_bio (into, dossier_author_get_bio (from));
}

static void
assemble_authors (Importer        *self,
                  DossierDocument *document)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_object_unref);

  /* Bios from "About the author" sections, read by the text rules. */
  if (self->bio_paragraphs->len > 0)
    {
      g_autoptr(DossierDocument) scratch = dossier_document_new ();
      GListModel *parsed;

      g_ptr_array_add (self->bio_paragraphs, NULL);
      dossier_text_importer_read_bios (scratch, (const char * const *)self->bio_paragraphs->pdata);
      g_ptr_array_remove_index (self->bio_paragraphs, self->bio_paragraphs->len - 1);
      parsed = dossier_document_get_authors (scratch);
      for (guint i = 0; i < g_list_model_get_n_items (parsed); i++)
        g_ptr_array_add (details, g_list_model_get_item (parsed, i));
    }
  for (guint i = 0; i < self->bio_authors->len; i++)
    g_ptr_array_add (details, g_object_ref (g_ptr_array_index (self->bio_authors, i)));

  for (guint i = 0; i < self->author_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->author_names, i);

      if (match_author (authors, name) == NULL)
        g_ptr_array_add (authors, dossier_author_new (name));
    }

  for (guint i = 0; i < details->len; i++)
    {
      DossierAuthor *detail = g_ptr_array_index (details, i);
      const char *name = dossier_author_get_name (detail);
      DossierAuthor *known;

      if (name == NULL || !looks_like_name (name))
        continue;

      known = match_author (authors, name);
      if (known != NULL)
        merge_author (known, detail);
      else if (self->author_names->len == 0 || dossier_author_get_bio (detail) != NULL)
        g_ptr_array_add (authors, g_object_ref (detail));
    }

  for (guint i = 0; i < authors->len; i++)
    dossier_document_add_author (document, g_ptr_array_index (authors, i));
}

static DossierDocument *
assemble (Importer    *self,
          const char  *name_hint,
          GError     **error)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  guint n_paragraphs = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);
      g_autoptr(DossierParagraph) paragraph = NULL;

      g_strchomp (block->text->str);
      block->text->len = strlen (block->text->str);
      block->n_chars = g_utf8_strlen (block->text->str, -1);
      if (!g_utf8_validate (block->text->str, block->text->len, NULL) || block->n_chars == 0)
        continue;

      paragraph = dossier_paragraph_new (block->text->str);
      if (is_heading_block (block))
        dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_HEADING);
      else
        n_paragraphs++;

      for (guint r = 0; r < block->refs->len; r++)
        {
          DossierFootnoteRef *ref = &g_array_index (block->refs, DossierFootnoteRef, r);

          if (find_note (self, ref->number) != NULL)
            dossier_paragraph_add_ref (paragraph, ref->number, MIN (ref->offset, block->n_chars));
        }
      dossier_document_add_paragraph (document, paragraph);
    }

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = g_ptr_array_index (self->notes, i);
      g_autoptr(DossierFootnote) footnote = NULL;

      if (!g_utf8_validate (note->text, -1, NULL))
        continue;
      footnote = dossier_footnote_new (note->number, note->text);
      g_ptr_array_add (note->urls, NULL);
      dossier_footnote_set_urls (footnote, (const char * const *)note->urls->pdata);
      g_ptr_array_remove_index (note->urls, note->urls->len - 1);
      dossier_document_add_footnote (document, footnote);
    }

  if (self->title == NULL)
    self->title = dossier_title_from_file_name (name_hint);
  dossier_document_set_title (document, self->title);
  if (self->subtitle != NULL && !text_equal_folded (self->subtitle, self->title))
    dossier_document_set_subtitle (document, self->subtitle);
  dossier_document_set_publisher (document, self->publisher);
  if (self->date != NULL)
    dossier_document_set_published (document, self->date);
  dossier_document_set_source_url (document, self->source_url);

  g_ptr_array_add (self->key_points, NULL);
  dossier_document_set_key_points (document, (const char * const *)self->key_points->pdata);
  g_ptr_array_remove_index (self->key_points, self->key_points->len - 1);
  g_ptr_array_add (self->pull_quotes, NULL);
  dossier_document_set_pull_quotes (document, (const char * const *)self->pull_quotes->pdata);
  g_ptr_array_remove_index (self->pull_quotes, self->pull_quotes->len - 1);

  assemble_authors (self, document);

  if (n_paragraphs == 0 && self->key_points->len == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The page holds no article text"));
      return NULL;
    }

  return g_steal_pointer (&document);
}

/* ---- set-up ------------------------------------------------------------------ */

static void
importer_init (Importer *self)
{
  memset (self, 0, sizeof *self);
  self->info = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->elements = g_ptr_array_new ();
  self->author_names = g_ptr_array_new_with_free_func (g_free);
  self->bio_authors = g_ptr_array_new_with_free_func (g_object_unref);
  self->bio_paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->key_points = g_ptr_array_new_with_free_func (g_free);
  self->pull_quotes = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (note_free);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->lists = g_array_new (FALSE, FALSE, sizeof (int));

#define TOKEN_START "(?:^|[\\s_-])"
#define TOKEN_END "(?=$|[\\s_-])"
  /* Class and id tokens of boilerplate. Prefixes catch "sharedaddy",
   * "social-links", "newsletter-signup"; whole tokens avoid "commentary",
   * "address" or "header-image" … see docs/import.md. */
  self->noise_class = g_regex_new (
    TOKEN_START "(?:share|sharing|social|cookie|consent|gdpr|newsletter|subscri|signup|sign-up|"
    "advert|sponsor|related|recommend|promo|breadcrumb|outbrain|taboola|disqus|popup|modal|"
    "sidebar|widget|jetpack|addtoany|a2a|skip-link|screen-reader|sr-only|visually-?hidden|"
    "navbar|navigation|masthead|site-header|site-footer|donat|paywall|read-?next|more-from|"
    "most-popular|trending|you-may|also-read|further-reading)"
    "|" TOKEN_START "(?:nav|menu|header|footer|ads?|ad-slot|banner|comments?|tags?|tag-list|topics?|"
    "categories|pagination|pager|print|toc|meta|entry-meta|post-meta|byline|credits?|caption|"
    "login|search|cta|alert|notice|overlay|toolbar|hidden-print|no-print|utility|tools|"
    "author|authors|contributors?|pdf|download|keywords|series|issues|regions|eyebrow|kicker|overline)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->pull_quote_class = g_regex_new (
    TOKEN_START "(?:pull-?quote|pullquote|quote-pull|blockquote--pull|featured-quote|highlight-quote|"
    "quote-box|big-quote|callout-quote|inline-quote|pq)" TOKEN_END "|wp-block-pullquote",
    G_REGEX_OPTIMIZE, 0, NULL);
  self->key_points_class = g_regex_new (
    TOKEN_START "(?:key-?(?:points|takeaways|findings|judgments|judgements|messages)|takeaways|highlights|"
    "tldr|tl-dr|at-a-glance|in-brief|summary-box|summary-list|article-summary-list)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->dek_class = g_regex_new (
    TOKEN_START "(?:dek|deck|subtitle|sub-title|subheadline|sub-headline|subhead|standfirst|strapline|"
    "subheading|sub-heading|field--name-field-subtitle|field-subtitle|article-subtitle|entry-subtitle|page-subtitle|"
    "post-subtitle|article-dek|summary-dek)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->author_card_class = g_regex_new (
    TOKEN_START "(?:author-?(?:bio|info|card|box|profile|details|block|about|description|biography)|"
    "about-(?:the-)?authors?|bio-?box|contributor-?(?:bio|card|info)|expert-?(?:card|bio)|"
    "person-?card|byline-?bio|c-author|authors?-bios?)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->body_class = g_regex_new (
    TOKEN_START "(?:entry-content|post-content|article-body|article__body|article-content|"
    "article__content|story-body|story-content|field--name-body|field-name-body|node__content|"
    "post-body|body-text|article-text|rich-text|c-article-body|wysiwyg|text-long|single-content|"
    "content-body|page-content|main-content|blog-post-content|td-post-content)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->notes_class = g_regex_new (
    TOKEN_START "(?:footnotes?|endnotes?|notes|fn-list|references|wp-block-footnotes|easy-footnotes-wrapper)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->byline_class = g_regex_new (
    TOKEN_START "(?:byline|by-line|author|authors|author-name|author-names|article-author|post-author|"
    "entry-author|contributors?|writer|writers|reporter|people|people-list|person|persons|author-list|"
    "authors-list|byline-list|contributor-list)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
  self->date_class = g_regex_new (
    TOKEN_START "(?:date|published|pubdate|post-date|entry-date|publish-date|article-date|dateline|"
    "timestamp|posted-on|date-published)" TOKEN_END,
    G_REGEX_OPTIMIZE, 0, NULL);
#undef TOKEN_START
#undef TOKEN_END

  self->notes_heading = g_regex_new (
    "^(?:end\\s*notes|foot\\s*notes|notes|references|sources|citations|works cited|notes and references|"
    "주석|각주|참고\\s*문헌|미주)\\s*:?$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  self->author_heading = g_regex_new (
    "^(?:about\\s+)?(?:the\\s+)?(?:authors?|contributors?)(?:\\(s\\))?\\s*:?$|^저자\\s*소개$|^필자\\s*소개$",
    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  self->key_points_heading = g_regex_new (
    "^(?:key\\s+(?:points|takeaways|findings|judgments|judgements|messages|highlights)|takeaways|highlights|"
    "summary|executive\\s+summary|in\\s+brief|at\\s+a\\s+glance|main\\s+points|bottom\\s+line|"
    "핵심\\s*(?:요약|내용|포인트)|요약)\\s*:?$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  self->skip_heading = g_regex_new (
    "^(?:related(?:\\s+\\w+){0,3}|share(?:\\s+this)?(?:\\s+\\w+)?|more\\s+(?:from|on|by)\\b.*|"
    "recommended(?:\\s+\\w+)?|read\\s+more|tags|topics|comments?|sign\\s+up.*|subscribe.*|newsletter|"
    "you\\s+may\\s+also\\s+like|further\\s+reading|most\\s+popular|latest)\\s*:?$",
    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  self->boilerplate_text = g_regex_new (
    "^(?:advertisement|sponsored|share|share this(?:\\s+\\w+)?|tweet|email|print|facebook|twitter|"
    "linkedin|read more|continue reading|subscribe(?:\\s+.*)?|sign up(?:\\s+.*)?|download(?: the)? pdf|"
    "back to top|skip to (?:main )?content|accept(?: all)?(?: cookies)?|loading\\W*|photo:.*|"
    "image:.*|getty images|\\(?photo by .*)[\\s.:!]*$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  self->bracket_marker = g_regex_new ("\\[\\d{1,4}\\]", G_REGEX_OPTIMIZE, 0, NULL);
  self->related_prefix = g_regex_new ("^(?:related|see also|read also|also read|read more|more on this|"
                                      "recommended|further reading|listen|watch)\\s*:", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* Site furniture other articles appear in: their deks, quotes and lists are not ours. */
  self->chrome_class = g_regex_new (
    "(?:^|[\\s_-])(?:related|recommend|sidebar|widget|newsletter|promo|more-from|most-popular|trending|"
    "read-?next|teaser|carousel|latest|popular|site-header|site-footer)",
    G_REGEX_OPTIMIZE, 0, NULL);
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
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->site_name, g_free);
  g_clear_pointer (&self->author_names, g_ptr_array_unref);
  g_clear_pointer (&self->bio_authors, g_ptr_array_unref);
  g_clear_pointer (&self->bio_paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->key_points, g_ptr_array_unref);
  g_clear_pointer (&self->pull_quotes, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  if (self->current != NULL)
    block_free (g_steal_pointer (&self->current));
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
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

/* ---- MHTML ("Webpage, Single File") --------------------------------------- */

static const char *
find_header (const char *headers,
             gsize       length,
             const char *name)
{
  gsize n = strlen (name);

  for (const char *p = headers; p + n < headers + length; p++)
    if ((p == headers || p[-1] == '\n') && g_ascii_strncasecmp (p, name, n) == 0)
      return p + n;

  return NULL;
}

/* The value of a header line, up to the end of the line, with folded
 * continuation lines joined. */
static char *
header_value (const char *headers,
              gsize       length,
              const char *name)
{
  const char *start = find_header (headers, length, name);
  const char *end = headers + length;
  GString *value;

  if (start == NULL)
    return NULL;

  value = g_string_new (NULL);
  for (const char *p = start; p < end && value->len < 2048; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          if (p + 1 < end && (p[1] == ' ' || p[1] == '\t'))
            continue;
          break;
        }
      g_string_append_c (value, *p);
    }

  g_strstrip (value->str);
  value->len = strlen (value->str);
  return g_string_free (value, FALSE);
}

/* A parameter of a header value: boundary="…", charset=… */
static char *
header_parameter (const char *value,
                  const char *name)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);
  g_autofree char *key = g_strconcat (name, "=", NULL);
  const char *p = strstr (lower, key);
  const char *q;
  GString *out;

  if (p == NULL)
    return NULL;

  q = value + (p - lower) + strlen (key);
  out = g_string_new (NULL);
  if (*q == '"')
    {
      q++;
      while (*q != '\0' && *q != '"')
        g_string_append_c (out, *q++);
    }
  else
    while (*q != '\0' && *q != ';' && !g_ascii_isspace (*q))
      g_string_append_c (out, *q++);

  return g_string_free (out, FALSE);
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       length)
{
  GByteArray *out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c == '=' && i + 1 < length && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* A soft line break. */
          i++;
          if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '=' && i + 2 < length && g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
        {
          c = g_ascii_xdigit_value (data[i + 1]) * 16 + g_ascii_xdigit_value (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }

  return g_byte_array_free_to_bytes (out);
}

/**
 * unwrap_mhtml:
 *
 * Chrome's "Webpage, Single File" (.mhtml) is a MIME message whose first
 * text/html part is the page, usually quoted-printable, with the page's
 * address in Content-Location. Returns %NULL when @data is not MHTML.
 */
static GBytes *
unwrap_mhtml (const char  *data,
              gsize        length,
              char       **charset,
              char       **location)
{
  gsize head_length = MIN (length, 16 * 1024);
  g_autofree char *content_type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  const char *p;
  const char *end = data + length;

  if (!(g_ascii_strncasecmp (data, "From:", 5) == 0 || g_ascii_strncasecmp (data, "MIME-Version:", 13) == 0 ||
        g_ascii_strncasecmp (data, "Content-Type:", 13) == 0 || g_ascii_strncasecmp (data, "Snapshot-Content-Location:", 26) == 0 ||
        g_ascii_strncasecmp (data, "Subject:", 8) == 0 || g_ascii_strncasecmp (data, "Date:", 5) == 0))
    return NULL;

  content_type = header_value (data, head_length, "Content-Type:");
  if (content_type == NULL || strstr (content_type, "multipart/") == NULL)
    return NULL;
  boundary = header_parameter (content_type, "boundary");
  if (boundary == NULL || *boundary == '\0')
    return NULL;

  delimiter = g_strconcat ("--", boundary, NULL);
  p = data;
  while ((p = g_strstr_len (p, end - p, delimiter)) != NULL)
    {
      const char *part = p + strlen (delimiter);
      const char *body, *next;
      g_autofree char *type = NULL;
      g_autofree char *encoding = NULL;
      gsize headers_length;

      if (part + 2 <= end && part[0] == '-' && part[1] == '-')
        break;   /* the closing delimiter */

      body = g_strstr_len (part, MIN ((gsize)(end - part), 16 * 1024), "\n\r\n");
      if (body == NULL)
        body = g_strstr_len (part, MIN ((gsize)(end - part), 16 * 1024), "\n\n");
      if (body == NULL)
        return NULL;
      headers_length = body - part;
      body += body[1] == '\r' ? 3 : 2;

      next = g_strstr_len (body, end - body, delimiter);
      if (next == NULL)
        next = end;

      type = header_value (part, headers_length, "Content-Type:");
      if (type != NULL && g_ascii_strncasecmp (type, "text/html", 9) == 0)
        {
          encoding = header_value (part, headers_length, "Content-Transfer-Encoding:");
          *charset = header_parameter (type, "charset");
          *location = header_value (part, headers_length, "Content-Location:");

          if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
            return decode_quoted_printable (body, next - body);
          if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
            {
              g_autofree char *copy = g_strndup (body, next - body);
              gsize decoded_length;
              guchar *decoded = g_base64_decode_inplace (copy, &decoded_length);

              return g_bytes_new (decoded, decoded_length);
            }
          return g_bytes_new (body, next - body);
        }

      p = next;
    }

  return NULL;
}

/* Chrome marks pages it saved: <!-- saved from url=(0042)https://… --> */
static char *
saved_from_url (const char *text)
{
  const char *p = g_strstr_len (text, MIN (strlen (text), 2048), "saved from url=(");
  const char *start, *q;

  if (p == NULL || (start = strchr (p, ')')) == NULL)
    return NULL;

  start++;
  for (q = start; *q != '\0' && !g_ascii_isspace (*q) && !(q[0] == '-' && q[1] == '-') && q - start < 2048; q++)
    ;
  if (!g_str_has_prefix (start, "http://") && !g_str_has_prefix (start, "https://"))
    return NULL;

  return g_strndup (start, q - start);
}

static xmlNode *
find_body (htmlDocPtr doc)
{
  xmlNode *html = xmlDocGetRootElement (doc);

  if (html == NULL)
    return NULL;

  for (xmlNode *child = html->children; child != NULL; child = child->next)
    if (tag_is (child, "body"))
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
  NoiseState noise;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

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
    g_autoptr(GBytes) page = unwrap_mhtml (data, length, &part_charset, &location);

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
    self.source_url = saved_from_url (text);

  if (count_tags (text) > DOSSIER_HTML_MAX_TAGS)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                           _("The page has too much markup to be an article"));
      return NULL;
    }

  /* NONET: no network; no NOENT/DTDLOAD/HUGE: no entity expansion from
   * outside and libxml2's size limits stay on. The text is UTF-8 now, and an
   * explicit encoding keeps a <meta charset> from switching it again. */
  self.doc = htmlReadMemory (text, (int)MIN (strlen (text), (gsize)G_MAXINT), source_url, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
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
  traverse (xmlDocGetRootElement (self.doc), measure_enter, measure_leave, &measure);

  read_json_ld (&self);
  read_meta_tags (&self);

  noise.self = &self;
  noise.page_text = useful_text (&self, self.body);
  noise.page_para = info_of (&self, self.body) ? info_of (&self, self.body)->para : 0;
  traverse (self.body, noise_enter, noise_leave, &noise);

  self.root = find_root (&self);
  find_linked_notes (&self);
  find_key_points (&self);
  find_pull_quotes (&self);
  find_author_cards (&self);
  find_visible_metadata (&self);

  self.title_pending = self.h1_node != NULL && is_ancestor (self.root, self.h1_node);
  traverse (self.root, walk_enter, walk_leave, &self);
  flush_block (&self);
  if (!self.linked_notes)
    walk_outside_notes (&self);
  sort_blocks (&self);

  document = assemble (&self, name_hint, error);

  /* libxml2 keeps _private; clear it so nothing dangles if the tree lives on. */
  return document;
}
