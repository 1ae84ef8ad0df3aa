/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-app"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-reference-details.h"

/**
 * DossierReferenceDetails:
 *
 * What the reader shows for a reference without text (an entry from a
 * reference manager whose export held no snapshot): that there is no text
 * to read, and the entry's metadata, so the page is never blank.
 */
struct _DossierReferenceDetails
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *title;
  GtkLabel *description;
  AdwPreferencesGroup *group;
  GPtrArray *rows;
  DossierDocument *document;
};

G_DEFINE_FINAL_TYPE (DossierReferenceDetails, dossier_reference_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_row (DossierReferenceDetails *self,
         const char              *label,
         const char              *value)
{
  GtkWidget *row;
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  /* Rows take markup: the value is the file's text. */
  escaped = g_markup_escape_text (value, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
rebuild (DossierReferenceDetails *self)
{
  g_autofree char *authors = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  if (self->document == NULL)
    return;

  gtk_label_set_text (self->title, dossier_document_get_title (self->document) ?: "");
  gtk_label_set_text (self->description,
                      _("This entry is a reference without the article’s text. Import the article itself "
                        "(a web page or a PDF) to read and quote it."));

  authors = dossier_document_dup_author_names (self->document);
  add_row (self, _("Authors"), authors);
  add_row (self, _("Subtitle"), dossier_document_get_subtitle (self->document));
  add_row (self, _("Published"), dossier_document_get_issued (self->document));
  add_row (self, _("In"), dossier_document_get_field (self->document, DOSSIER_FIELD_CONTAINER_TITLE));
  add_row (self, _("Publisher"), dossier_document_get_publisher (self->document));
  add_row (self, _("Place"), dossier_document_get_field (self->document, DOSSIER_FIELD_PLACE));
  add_row (self, _("Volume"), dossier_document_get_field (self->document, DOSSIER_FIELD_VOLUME));
  add_row (self, _("Issue"), dossier_document_get_field (self->document, DOSSIER_FIELD_ISSUE));
  add_row (self, _("Pages"), dossier_document_get_field (self->document, DOSSIER_FIELD_PAGES));
  add_row (self, _("Edition"), dossier_document_get_field (self->document, DOSSIER_FIELD_EDITION));
  add_row (self, _("DOI"), dossier_document_get_field (self->document, DOSSIER_FIELD_DOI));
  add_row (self, _("Web Address"), dossier_document_get_source_url (self->document));
  add_row (self, _("Accessed"), dossier_document_get_field (self->document, DOSSIER_FIELD_ACCESSED));
  gtk_widget_set_visible (GTK_WIDGET (self->group), self->rows->len > 0);
}

static void
dossier_reference_details_dispose (GObject *object)
{
  DossierReferenceDetails *self = DOSSIER_REFERENCE_DETAILS (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_reference_details_parent_class)->dispose (object);
}

static void
dossier_reference_details_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DossierReferenceDetails *self = DOSSIER_REFERENCE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reference_details_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DossierReferenceDetails *self = DOSSIER_REFERENCE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_reference_details_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reference_details_class_init (DossierReferenceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reference_details_dispose;
  object_class->get_property = dossier_reference_details_get_property;
  object_class->set_property = dossier_reference_details_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_reference_details_init (DossierReferenceDetails *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->rows = g_ptr_array_new ();
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  /* As an AdwStatusPage lays it out; that widget scrolls by itself and
   * shows only its icon inside this page's scroller. */
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-address-book-symbolic");

    gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
    gtk_widget_add_css_class (icon, "dim-label");
    gtk_widget_set_margin_top (icon, 36);
    gtk_widget_set_margin_bottom (icon, 24);
    gtk_box_append (GTK_BOX (box), icon);
  }
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_justify (self->title, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-1");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->title), 12);
  self->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->description, TRUE);
  gtk_label_set_justify (self->description, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->description), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->description), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->title), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->title), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->description), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->description), 12);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->group), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->group), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->description));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
}

GtkWidget *
dossier_reference_details_new (void)
{
  return g_object_new (DOSSIER_TYPE_REFERENCE_DETAILS, NULL);
}

DossierDocument *
dossier_reference_details_get_document (DossierReferenceDetails *self)
{
  g_return_val_if_fail (DOSSIER_IS_REFERENCE_DETAILS (self), NULL);
  return self->document;
}

void
dossier_reference_details_set_document (DossierReferenceDetails *self,
                                        DossierDocument         *document)
{
  g_return_if_fail (DOSSIER_IS_REFERENCE_DETAILS (self));
  g_return_if_fail (document == NULL || DOSSIER_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
