/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-collection"

#include "config.h"

#include "dossier-collection.h"

/**
 * DossierCollection:
 *
 * A collection of the library (dossier-library-collections.h): a named
 * set of articles, memos and comparisons for one briefing. An article may
 * be in several. The object is a snapshot of the row when it was read:
 * the library hands out new ones after a change.
 */
struct _DossierCollection
{
  GObject parent_instance;

  gint64 id;
  char *name;
  guint n_documents;
  gint64 trashed;
};

G_DEFINE_FINAL_TYPE (DossierCollection, dossier_collection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_DOCUMENTS,
  PROP_TRASHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_collection_finalize (GObject *object)
{
  DossierCollection *self = DOSSIER_COLLECTION (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (dossier_collection_parent_class)->finalize (object);
}

static void
dossier_collection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierCollection *self = DOSSIER_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    case PROP_TRASHED:
      g_value_set_int64 (value, self->trashed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_collection_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierCollection *self = DOSSIER_COLLECTION (object);

  /* Construct-only: a snapshot of the row. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_N_DOCUMENTS:
      self->n_documents = g_value_get_uint (value);
      break;
    case PROP_TRASHED:
      self->trashed = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_collection_class_init (DossierCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_collection_finalize;
  object_class->get_property = dossier_collection_get_property;
  object_class->set_property = dossier_collection_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRASHED] =
    g_param_spec_int64 ("trashed", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_collection_init (DossierCollection *self)
{
}

/**
 * dossier_collection_new:
 * @id: the row's key
 * @name: the name
 * @n_documents: how many articles (not in the Trash) it holds
 * @trashed: when it was moved to the Trash (seconds since the epoch), or 0
 *
 * Returns: (transfer full): a new collection
 */
DossierCollection *
dossier_collection_new (gint64      id,
                        const char *name,
                        guint       n_documents,
                        gint64      trashed)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (DOSSIER_TYPE_COLLECTION, "id", MAX (id, 0), "name", name,
                       "n-documents", n_documents, "trashed", MAX (trashed, 0), NULL);
}

gint64
dossier_collection_get_id (DossierCollection *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTION (self), 0);
  return self->id;
}

const char *
dossier_collection_get_name (DossierCollection *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTION (self), NULL);
  return self->name;
}

/**
 * dossier_collection_get_n_documents:
 *
 * Returns: how many articles outside the Trash it held when it was read
 */
guint
dossier_collection_get_n_documents (DossierCollection *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTION (self), 0);
  return self->n_documents;
}

/**
 * dossier_collection_get_trashed:
 *
 * Returns: when it was moved to the Trash (seconds since the epoch), or 0
 */
gint64
dossier_collection_get_trashed (DossierCollection *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLLECTION (self), 0);
  return self->trashed;
}
