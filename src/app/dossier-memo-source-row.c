/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-source-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-memo-source-row.h"

/*
 * One source of the memo in its Sources list: the citation's id, its
 * full note as the subtitle, and when expanded the fields the note is
 * made of. A source nothing cites any more can be removed (the page's
 * memo.remove-source); a cited one cannot, or its markers would dangle.
 */

struct _DossierMemoSourceRow
{
  AdwExpanderRow parent_instance;

  GtkWidget *remove_button;
  AdwEntryRow *title_row;
  AdwEntryRow *authors_row;
  AdwEntryRow *publisher_row;
  AdwEntryRow *published_row;
  AdwEntryRow *address_row;
  AdwEntryRow *locator_row;
  AdwEntryRow *quote_row;

  DossierCitation *citation;
};

G_DEFINE_FINAL_TYPE (DossierMemoSourceRow, dossier_memo_source_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CITATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

static gboolean
authors_to_text (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char * const *authors = g_value_get_boxed (from);

  g_value_take_string (to, authors ? g_strjoinv ("; ", (char **)authors) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_authors (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_auto(GStrv) parts = g_strsplit (g_value_get_string (from) ?: "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* "A; B" — a semicolon, since names may hold commas ("Kim, Seo-yeon"). */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static void
published_changed_cb (DossierMemoSourceRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->published_row));

  if (self->citation == NULL)
    return;
  if (dossier_citation_set_published (self->citation, *text ? text : NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->published_row), "error");
}

static void
update_note (DossierMemoSourceRow *self)
{
  g_autofree char *note = dossier_citation_format_full (self->citation);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), note);
}

/* ---- GObject ------------------------------------------------------------ */

static void
dossier_memo_source_row_constructed (GObject *object)
{
  DossierMemoSourceRow *self = (DossierMemoSourceRow *)object;
  struct { const char *property; AdwEntryRow *row; } rows[] = {
    { "title", self->title_row },
    { "publisher", self->publisher_row },
    { "source-url", self->address_row },
    { "locator", self->locator_row },
    { "quote", self->quote_row },
  };

  G_OBJECT_CLASS (dossier_memo_source_row_parent_class)->constructed (object);
  g_return_if_fail (self->citation != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), dossier_citation_get_id (self->citation));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s",
                                    dossier_citation_get_id (self->citation));
  g_signal_connect_object (self->citation, "notify", G_CALLBACK (update_note), self, G_CONNECT_SWAPPED);
  update_note (self);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_object_bind_property_full (self->citation, rows[i].property, rows[i].row, "text",
                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                 null_to_empty, NULL, NULL, NULL);
  g_object_bind_property_full (self->citation, "authors", self->authors_row, "text",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               authors_to_text, text_to_authors, NULL, NULL);
  /* Not bound: a date being typed is invalid until it is complete. */
  gtk_editable_set_text (GTK_EDITABLE (self->published_row), dossier_citation_get_published (self->citation) ?: "");
}

static void
dossier_memo_source_row_dispose (GObject *object)
{
  DossierMemoSourceRow *self = (DossierMemoSourceRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_SOURCE_ROW);
  g_clear_object (&self->citation);

  G_OBJECT_CLASS (dossier_memo_source_row_parent_class)->dispose (object);
}

static void
dossier_memo_source_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierMemoSourceRow *self = DOSSIER_MEMO_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_CITATION:
      g_value_set_object (value, self->citation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_source_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierMemoSourceRow *self = DOSSIER_MEMO_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_CITATION:
      self->citation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_source_row_class_init (DossierMemoSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_memo_source_row_constructed;
  object_class->dispose = dossier_memo_source_row_dispose;
  object_class->get_property = dossier_memo_source_row_get_property;
  object_class->set_property = dossier_memo_source_row_set_property;

  properties[PROP_CITATION] =
    g_param_spec_object ("citation", NULL, NULL, DOSSIER_TYPE_CITATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, authors_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, published_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, address_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, locator_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoSourceRow, quote_row);
  gtk_widget_class_bind_template_callback (widget_class, published_changed_cb);
}

static void
dossier_memo_source_row_init (DossierMemoSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dossier_memo_source_row_new:
 * @citation: the source
 *
 * Returns: (transfer floating): a row showing and editing @citation
 */
GtkWidget *
dossier_memo_source_row_new (DossierCitation *citation)
{
  g_return_val_if_fail (DOSSIER_IS_CITATION (citation), NULL);

  return g_object_new (DOSSIER_TYPE_MEMO_SOURCE_ROW, "citation", citation, NULL);
}

/**
 * dossier_memo_source_row_get_citation:
 *
 * Returns: (transfer none): the source shown
 */
DossierCitation *
dossier_memo_source_row_get_citation (DossierMemoSourceRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_SOURCE_ROW (self), NULL);
  return self->citation;
}

/**
 * dossier_memo_source_row_set_removable:
 *
 * Shows the Remove button, for a source nothing cites.
 */
void
dossier_memo_source_row_set_removable (DossierMemoSourceRow *self,
                                       gboolean              removable)
{
  g_return_if_fail (DOSSIER_IS_MEMO_SOURCE_ROW (self));
  gtk_widget_set_visible (self->remove_button, removable);
}
