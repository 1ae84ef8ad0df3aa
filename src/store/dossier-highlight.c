/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-highlight"

#include "config.h"

#include "model/dossier-util.h"
#include "dossier-highlight.h"

/**
 * DossierHighlight:
 *
 * A passage the analyst marked in a stored document: paragraph index and a
 * code-point range inside that paragraph's text, the text itself (so the
 * highlight survives even if the range no longer fits) and an optional note.
 */
struct _DossierHighlight
{
  GObject parent_instance;

  gint64 id;
  char *document_id;
  guint paragraph;
  guint start;
  guint end;
  char *text;
  char *note;
};

G_DEFINE_FINAL_TYPE (DossierHighlight, dossier_highlight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_PARAGRAPH,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_highlight_finalize (GObject *object)
{
  DossierHighlight *self = DOSSIER_HIGHLIGHT (object);

  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (dossier_highlight_parent_class)->finalize (object);
}

static void
dossier_highlight_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierHighlight *self = DOSSIER_HIGHLIGHT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_DOCUMENT_ID: g_value_set_string (value, self->document_id); break;
    case PROP_PARAGRAPH: g_value_set_uint (value, self->paragraph); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlight_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierHighlight *self = DOSSIER_HIGHLIGHT (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_DOCUMENT_ID: dossier_set_str (&self->document_id, g_value_get_string (value)); break;
    case PROP_PARAGRAPH: self->paragraph = g_value_get_uint (value); break;
    case PROP_START: self->start = g_value_get_uint (value); break;
    case PROP_END: self->end = g_value_get_uint (value); break;
    case PROP_TEXT: dossier_set_str (&self->text, g_value_get_string (value)); break;
    case PROP_NOTE: dossier_highlight_set_note (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlight_class_init (DossierHighlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_highlight_finalize;
  object_class->get_property = dossier_highlight_get_property;
  object_class->set_property = dossier_highlight_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, ro);
  properties[PROP_PARAGRAPH] = g_param_spec_uint ("paragraph", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_highlight_init (DossierHighlight *self)
{
}

/**
 * dossier_highlight_new:
 *
 * Returns: (transfer full): a highlight as stored in the library
 */
DossierHighlight *
dossier_highlight_new (gint64      id,
                       const char *document_id,
                       guint       paragraph,
                       guint       start,
                       guint       end,
                       const char *text,
                       const char *note)
{
  return g_object_new (DOSSIER_TYPE_HIGHLIGHT,
                       "id", id,
                       "document-id", document_id,
                       "paragraph", paragraph,
                       "start", start,
                       "end", end,
                       "text", text,
                       "note", note,
                       NULL);
}

gint64
dossier_highlight_get_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->id;
}

const char *
dossier_highlight_get_document_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->document_id;
}

guint
dossier_highlight_get_paragraph (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->paragraph;
}

guint
dossier_highlight_get_start (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->start;
}

guint
dossier_highlight_get_end (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->end;
}

const char *
dossier_highlight_get_text (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->text;
}

const char *
dossier_highlight_get_note (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->note;
}

/**
 * dossier_highlight_set_note:
 * @note: (nullable): the analyst's note; empty means none
 *
 * Changes the object only; dossier_library_set_highlight_note() stores it.
 */
void
dossier_highlight_set_note (DossierHighlight *self,
                            const char       *note)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (dossier_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
