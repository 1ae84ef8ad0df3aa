/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-trash-item"

#include "config.h"

#include "dossier-library.h"
#include "dossier-trash-item.h"

/**
 * DossierTrashItem:
 *
 * A document in the library's Trash (dossier_library_get_trash()): the
 * lightweight document (metadata and authors) and when it was moved
 * there. It is removed for good DOSSIER_LIBRARY_TRASH_DAYS later, or when
 * the Trash is emptied; until then dossier_library_restore() brings it
 * back with its highlights, notes and reading position.
 */
struct _DossierTrashItem
{
  GObject parent_instance;

  DossierDocument *document;
  gint64 trashed;
};

G_DEFINE_FINAL_TYPE (DossierTrashItem, dossier_trash_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TRASHED,
  PROP_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_trash_item_finalize (GObject *object)
{
  DossierTrashItem *self = DOSSIER_TRASH_ITEM (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (dossier_trash_item_parent_class)->finalize (object);
}

static void
dossier_trash_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierTrashItem *self = DOSSIER_TRASH_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TRASHED:
      g_value_set_int64 (value, self->trashed);
      break;
    case PROP_EXPIRES:
      g_value_set_int64 (value, dossier_trash_item_get_expires (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_trash_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierTrashItem *self = DOSSIER_TRASH_ITEM (object);

  /* Construct-only: an item is a snapshot of one removal. */
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      break;
    case PROP_TRASHED:
      self->trashed = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_trash_item_class_init (DossierTrashItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_trash_item_finalize;
  object_class->get_property = dossier_trash_item_get_property;
  object_class->set_property = dossier_trash_item_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRASHED] =
    g_param_spec_int64 ("trashed", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRES] =
    g_param_spec_int64 ("expires", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_trash_item_init (DossierTrashItem *self)
{
}

/**
 * dossier_trash_item_new:
 * @document: the lightweight document
 * @trashed: when it was moved to the Trash (seconds since the epoch)
 *
 * Returns: (transfer full): a new item
 */
DossierTrashItem *
dossier_trash_item_new (DossierDocument *document,
                        gint64           trashed)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  return g_object_new (DOSSIER_TYPE_TRASH_ITEM, "document", document, "trashed", MAX (trashed, 0), NULL);
}

/**
 * dossier_trash_item_get_document:
 *
 * Returns: (transfer none): the document (metadata and authors only)
 */
DossierDocument *
dossier_trash_item_get_document (DossierTrashItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_ITEM (self), NULL);
  return self->document;
}

/**
 * dossier_trash_item_get_trashed:
 *
 * Returns: when the document was moved to the Trash, in seconds since the
 *   epoch
 */
gint64
dossier_trash_item_get_trashed (DossierTrashItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_ITEM (self), 0);
  return self->trashed;
}

/**
 * dossier_trash_item_get_expires:
 *
 * Returns: when the document is removed for good (seconds since the
 *   epoch): DOSSIER_LIBRARY_TRASH_DAYS after it was moved to the Trash
 */
gint64
dossier_trash_item_get_expires (DossierTrashItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_TRASH_ITEM (self), 0);
  return self->trashed + (gint64) DOSSIER_LIBRARY_TRASH_DAYS * 24 * 60 * 60;
}
