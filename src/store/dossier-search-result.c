/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-search-result"

#include "config.h"

#include "model/dossier-util.h"

#include "dossier-search-result-private.h"

/**
 * DossierSearchResult:
 *
 * One hit of a library search: the (lightweight) document, a plain-text
 * snippet with the matched words between U+E000 and U+E001 so a view can
 * escape the text first and highlight afterwards, the bm25 rank
 * (smaller is better, as SQLite reports it), and the page (of a PDF) the
 * snippet's paragraph starts on.
 */
struct _DossierSearchResult
{
  GObject parent_instance;

  DossierDocument *document;
  char *snippet;
  double rank;
  guint page;

  /* Set when the snippet is made on first use. */
  GWeakRef owner;
  DossierSnippetLoader loader;
  char *match;
  gint64 rowid;
};

G_DEFINE_FINAL_TYPE (DossierSearchResult, dossier_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SNIPPET,
  PROP_RANK,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_search_result_finalize (GObject *object)
{
  DossierSearchResult *self = DOSSIER_SEARCH_RESULT (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->match, g_free);
  g_weak_ref_clear (&self->owner);

  G_OBJECT_CLASS (dossier_search_result_parent_class)->finalize (object);
}

static void
dossier_search_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierSearchResult *self = DOSSIER_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, dossier_search_result_get_snippet (self));
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, dossier_search_result_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_result_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierSearchResult *self = DOSSIER_SEARCH_RESULT (object);

  /* All construct-only: a result is a snapshot. */
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;
    case PROP_SNIPPET:
      g_free (self->snippet);
      self->snippet = g_value_dup_string (value);
      break;
    case PROP_RANK:
      self->rank = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_result_class_init (DossierSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_search_result_finalize;
  object_class->get_property = dossier_search_result_get_property;
  object_class->set_property = dossier_search_result_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Known with the snippet, which may be made when first asked for. */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_search_result_init (DossierSearchResult *self)
{
  g_weak_ref_init (&self->owner, NULL);
}

/**
 * dossier_search_result_new:
 * @document: the lightweight document that matched
 * @snippet: (nullable): plain text with U+E000/U+E001 around matches
 * @rank: bm25 rank, smaller is better
 *
 * Returns: (transfer full): a new result
 */
DossierSearchResult *
dossier_search_result_new (DossierDocument *document,
                           const char      *snippet,
                           double           rank)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  return g_object_new (DOSSIER_TYPE_SEARCH_RESULT,
                       "document", document,
                       "snippet", snippet,
                       "rank", rank,
                       NULL);
}

/**
 * dossier_search_result_get_document:
 *
 * Returns: (transfer none): the document (metadata and authors only)
 */
DossierDocument *
dossier_search_result_get_document (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);
  return self->document;
}

/**
 * dossier_search_result_get_snippet:
 *
 * Returns: (nullable): the snippet, plain text with private-use markers
 */
const char *
dossier_search_result_get_snippet (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  if (self->loader != NULL)
    {
      g_autoptr(GObject) owner = g_weak_ref_get (&self->owner);
      DossierSnippetLoader loader = self->loader;

      /* Once only, whatever the outcome. */
      self->loader = NULL;
      if (owner != NULL)
        {
          guint page = 0;

          g_free (self->snippet);
          self->snippet = loader (owner, self->match, self->rowid, &page);
          dossier_search_result_set_page (self, page);
        }
      g_clear_pointer (&self->match, g_free);
    }

  return self->snippet;
}

void
dossier_search_result_set_snippet_loader (DossierSearchResult  *self,
                                          GObject              *owner,
                                          DossierSnippetLoader  loader,
                                          const char           *match,
                                          gint64                rowid)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_RESULT (self));

  g_weak_ref_set (&self->owner, owner);
  self->loader = loader;
  dossier_set_str (&self->match, match);
  self->rowid = rowid;
}

/**
 * dossier_search_result_get_rank:
 *
 * Returns: the bm25 rank; smaller means a better match
 */
double
dossier_search_result_get_rank (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), 0);
  return self->rank;
}

/**
 * dossier_search_result_get_page:
 *
 * Returns: the physical page (1-based) of a PDF on which the paragraph of
 *   the snippet starts, 0 when the snippet is not from a paragraph with a
 *   page. Makes the snippet if it was not made yet.
 */
guint
dossier_search_result_get_page (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), 0);

  dossier_search_result_get_snippet (self);
  return self->page;
}

void
dossier_search_result_set_page (DossierSearchResult *self,
                                guint                page)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_RESULT (self));

  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}
