/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "dossier-jsonld.h"

/*
 * schema.org JSON-LD is the most trustworthy metadata a page carries: the
 * publisher's CMS writes it for search engines from the same fields the
 * editors filled in. Pages put one object, an array of objects, or an
 * "@graph" of nodes that point at each other by "@id" (Yoast, Drupal's
 * schema_metatag) into one or several <script type="application/ld+json">.
 */

/* json-glib's parser recurses; hostile pages must not exhaust the stack. */
#define MAX_JSON_DEPTH 48
#define MAX_JSON_LENGTH (2 * 1024 * 1024)
#define MAX_NODES 2000

static void
person_free (gpointer data)
{
  DossierJsonLdPerson *person = data;

  g_free (person->name);
  g_free (person->position);
  g_free (person->affiliation);
  g_free (person->bio);
  g_free (person);
}

void
dossier_json_ld_init (DossierJsonLd *self)
{
  memset (self, 0, sizeof *self);
  self->authors = g_ptr_array_new_with_free_func (person_free);
  self->author_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
dossier_json_ld_clear (DossierJsonLd *self)
{
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->alternative_headline, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date_published, g_free);
  g_clear_pointer (&self->date_created, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->author_keys, g_hash_table_unref);
  self->rank = 0;
}

static gboolean
nesting_is_bounded (const char *json,
                    gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }

  return TRUE;
}

/* CMSs often put HTML-escaped text ("&#8217;", "&amp;") into JSON-LD. */
static char *
clean_string (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          if (semi != NULL && semi - p > 1 && semi - p < 12)
            {
              g_autofree char *name = g_strndup (p + 1, semi - p - 1);
              gunichar c = 0;

              if (name[0] == '#' && (name[1] == 'x' || name[1] == 'X'))
                c = (gunichar)g_ascii_strtoull (name + 2, NULL, 16);
              else if (name[0] == '#')
                c = (gunichar)g_ascii_strtoull (name + 1, NULL, 10);
              else
                {
                  const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *)name);
                  if (entity != NULL)
                    c = entity->value;
                }

              if (c != 0 && g_unichar_validate (c))
                {
                  g_string_append_unichar (out, c);
                  p = semi + 1;
                  continue;
                }
            }
        }

      if (g_ascii_isspace (*p) || *p == '<')
        {
          /* Collapse space; drop stray tags such as "<p>" in descriptions. */
          if (*p == '<')
            {
              const char *close = strchr (p, '>');
              if (close != NULL && close - p < 64)
                {
                  p = close + 1;
                  if (out->len > 0 && out->str[out->len - 1] != ' ')
                    g_string_append_c (out, ' ');
                  continue;
                }
            }
          else
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
              p++;
              continue;
            }
        }

      g_string_append_c (out, *p);
      p++;
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0 || !g_utf8_validate (out->str, out->len, NULL))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  /* {"@value": "…"} and ["…"] both occur. */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *inner = json_node_get_object (node);
      JsonNode *value = json_object_get_member (inner, "@value");

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_STRING)
        return json_node_get_string (value);
    }

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        return json_node_get_string (first);
    }

  return NULL;
}

static gboolean
type_is (JsonObject *object,
         gboolean  (*predicate) (const char *type))
{
  JsonNode *node = json_object_get_member (object, "@type");

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return predicate (json_node_get_string (node));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 16; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              predicate (json_node_get_string (element)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_article_type (const char *type)
{
  const char *name = strrchr (type, '/');

  name = name ? name + 1 : type;
  return g_str_has_suffix (name, "Article") || g_str_has_suffix (name, "Posting") ||
         g_str_equal (name, "Report") || g_str_equal (name, "Thesis") ||
         g_str_equal (name, "Chapter") || g_str_equal (name, "Book");
}

static gboolean
is_creative_work_type (const char *type)
{
  return g_str_has_suffix (type, "CreativeWork") || g_str_has_suffix (type, "Blog") ||
         g_str_has_suffix (type, "Review") || g_str_has_suffix (type, "Analysis");
}

static gboolean
is_web_page_type (const char *type)
{
  return g_str_has_suffix (type, "WebPage") || g_str_has_suffix (type, "ItemPage");
}

static gboolean
is_organization_type (const char *type)
{
  return g_str_has_suffix (type, "Organization") || g_str_has_suffix (type, "NewsMediaOrganization") ||
         g_str_has_suffix (type, "WebSite") || g_str_has_suffix (type, "Corporation") ||
         g_str_has_suffix (type, "ResearchOrganization") || g_str_has_suffix (type, "NGO");
}

static int
rank_node (JsonObject *object)
{
  if (type_is (object, is_article_type))
    return 3;
  if (type_is (object, is_creative_work_type))
    return 2;
  if (type_is (object, is_web_page_type))
    return 1;
  return 0;
}

typedef struct {
  GHashTable *by_id;   /* "@id" → JsonObject, borrowed from the parser */
  GPtrArray *nodes;    /* candidate JsonObject */
} Graph;

static void
collect_nodes (Graph    *graph,
               JsonNode *node,
               guint     depth)
{
  if (node == NULL || depth > 3 || graph->nodes->len >= MAX_NODES)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && graph->nodes->len < MAX_NODES; i++)
        collect_nodes (graph, json_array_get_element (array, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *id = member_string (object, "@id");

      g_ptr_array_add (graph->nodes, object);
      if (id != NULL && !g_hash_table_contains (graph->by_id, id))
        g_hash_table_insert (graph->by_id, (gpointer)id, object);

      if (json_object_has_member (object, "@graph"))
        collect_nodes (graph, json_object_get_member (object, "@graph"), depth + 1);
    }
}

/* {"@id": "…"} alone points at a node elsewhere in the graph. */
static JsonObject *
resolve (Graph      *graph,
         JsonObject *object)
{
  const char *id = member_string (object, "@id");

  if (id != NULL && json_object_get_size (object) <= 2 && !json_object_has_member (object, "name"))
    {
      JsonObject *target = g_hash_table_lookup (graph->by_id, id);
      if (target != NULL)
        return target;
    }

  return object;
}

/* A name, or the name of an object: publisher, affiliation, jobTitle. */
static char *
name_of (Graph    *graph,
         JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return clean_string (json_node_get_string (node));

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    return name_of (graph, json_array_get_element (json_node_get_array (node), 0));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = resolve (graph, json_node_get_object (node));
      return clean_string (member_string (object, "name"));
    }

  return NULL;
}

static void
add_person (DossierJsonLd *self,
            Graph         *graph,
            JsonNode      *node)
{
  DossierJsonLdPerson *person;
  JsonObject *object = NULL;
  char *name;
  char *key;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      object = resolve (graph, json_node_get_object (node));
      /* An organization as "author" is the publisher, not a person. */
      if (type_is (object, is_organization_type))
        return;
      name = clean_string (member_string (object, "name"));
      if (name == NULL)
        {
          const char *given = member_string (object, "givenName");
          const char *family = member_string (object, "familyName");

          if (given != NULL && family != NULL)
            {
              g_autofree char *joined = g_strconcat (given, " ", family, NULL);
              name = clean_string (joined);
            }
        }
    }
  else
    name = name_of (graph, node);

  if (name == NULL)
    return;

  /* Every author, each once: a report may have hundreds. */
  key = g_utf8_collate_key (name, -1);
  if (!g_hash_table_add (self->author_keys, key))
    {
      g_free (name);
      return;
    }

  person = g_new0 (DossierJsonLdPerson, 1);
  person->name = name;
  if (object != NULL)
    {
      person->position = name_of (graph, json_object_get_member (object, "jobTitle"));
      person->affiliation = name_of (graph, json_object_get_member (object, "affiliation"));
      if (person->affiliation == NULL)
        person->affiliation = name_of (graph, json_object_get_member (object, "worksFor"));
      person->bio = clean_string (member_string (object, "description"));
    }
  g_ptr_array_add (self->authors, person);
}

static void
take_string (char       **field,
             char        *value,
             gboolean     overwrite)
{
  if (value == NULL)
    return;
  if (*field == NULL || overwrite)
    {
      g_free (*field);
      *field = value;
    }
  else
    g_free (value);
}

static void
read_article (DossierJsonLd *self,
              Graph         *graph,
              JsonObject    *object,
              int            rank)
{
  gboolean overwrite = rank > self->rank;
  JsonNode *author;
  const char *headline = member_string (object, "headline");

  /* A web page's "name" is its <title>, often with the site's name in it;
   * only an article's name stands in for a missing headline. */
  if (headline == NULL && rank >= 2)
    headline = member_string (object, "name");

  take_string (&self->headline, clean_string (headline), overwrite);
  take_string (&self->name, clean_string (member_string (object, "name")), overwrite);
  take_string (&self->alternative_headline,
               clean_string (member_string (object, "alternativeHeadline")), overwrite);
  take_string (&self->date_published, clean_string (member_string (object, "datePublished")), overwrite);
  if (rank >= 2)
    take_string (&self->date_created, clean_string (member_string (object, "dateCreated")), overwrite);
  take_string (&self->publisher, name_of (graph, json_object_get_member (object, "publisher")), overwrite);
  take_string (&self->url, clean_string (member_string (object, "url")), overwrite);

  author = json_object_get_member (object, "author");
  if (author == NULL)
    author = json_object_get_member (object, "creator");
  if (author != NULL && (overwrite || self->authors->len == 0))
    {
      g_ptr_array_set_size (self->authors, 0);
      g_hash_table_remove_all (self->author_keys);
      if (JSON_NODE_HOLDS_ARRAY (author))
        {
          JsonArray *array = json_node_get_array (author);

          for (guint i = 0; i < json_array_get_length (array); i++)
            add_person (self, graph, json_array_get_element (array, i));
        }
      else
        add_person (self, graph, author);
    }

  if (overwrite)
    self->rank = rank;
}

/**
 * dossier_json_ld_parse:
 * @json: the text of one `<script type="application/ld+json">` (untrusted)
 *
 * Reads the most article-like node of the block into @self; a node of a
 * more article-like type than what @self holds replaces it, others only
 * fill gaps.
 *
 * Returns: %TRUE if the block was JSON and held an article-like node
 */
gboolean
dossier_json_ld_parse (DossierJsonLd *self,
                       const char    *json,
                       gsize          length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  Graph graph;
  JsonObject *best = NULL;
  int best_rank = 0;

  g_return_val_if_fail (self != NULL && self->authors != NULL, FALSE);

  if (json == NULL || length == 0 || length > MAX_JSON_LENGTH || !nesting_is_bounded (json, length))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, length, NULL))
    return FALSE;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  nodes = g_ptr_array_new ();
  graph.by_id = by_id;
  graph.nodes = nodes;
  collect_nodes (&graph, json_parser_get_root (parser), 0);

  for (guint i = 0; i < nodes->len; i++)
    {
      JsonObject *object = g_ptr_array_index (nodes, i);
      int rank = rank_node (object);

      if (rank > best_rank)
        {
          best = object;
          best_rank = rank;
        }
    }

  if (best == NULL)
    return FALSE;

  read_article (self, &graph, best, best_rank);
  return TRUE;
}
