/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-preview-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dossier-memo-preview-bar.h"

/*
 * The bar above the memo's print preview, as in GNOME Papers: the page
 * at the top of the view and the page count with buttons to the previous
 * and next page, and the zoom (out, the level with a menu of levels, in,
 * and fit width). Its actions are in the "preview" group.
 */

struct _DossierMemoPreviewBar
{
  GtkWidget parent_instance;

  GtkWidget *page_squeezer;
  GtkLabel *page_label;
  GtkLabel *page_short_label;
  GtkMenuButton *zoom_button;

  DossierMemoPreview *preview;
  gulong handlers[4];
  guint update_source;
};

G_DEFINE_FINAL_TYPE (DossierMemoPreviewBar, dossier_memo_preview_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PREVIEW,
  PROP_FIT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_pages (DossierMemoPreviewBar *self)
{
  guint n_pages = self->preview ? dossier_memo_preview_get_n_pages (self->preview) : 0;
  guint page = self->preview ? dossier_memo_preview_get_page (self->preview) : 0;
  g_autofree char *text = NULL;
  g_autofree char *short_text = NULL;

  if (n_pages > 0)
    {
      /* TRANSLATORS: the print preview's page, e.g. "Page 2 of 5" */
      text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
      /* TRANSLATORS: the print preview's page where "Page 2 of 5" does
       * not fit, e.g. "2 / 5" */
      short_text = g_strdup_printf (_("%u / %u"), page + 1, n_pages);
    }
  gtk_label_set_text (self->page_label, text ? text : "");
  gtk_label_set_text (self->page_short_label, short_text ? short_text : "");
  gtk_widget_set_tooltip_text (self->page_squeezer, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_short_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text ? text : "", -1);
}

static void
update_zoom (DossierMemoPreviewBar *self)
{
  double zoom = self->preview ? dossier_memo_preview_get_zoom (self->preview) : 1.0;
  g_autofree char *text = NULL;

  /* TRANSLATORS: the print preview's zoom, e.g. "75 %" */
  text = g_strdup_printf (_("%d %%"), (int) round (zoom * 100));
  gtk_menu_button_set_label (self->zoom_button, text);
}

static void
update_actions (DossierMemoPreviewBar *self)
{
  guint n_pages = self->preview ? dossier_memo_preview_get_n_pages (self->preview) : 0;
  guint page = self->preview ? dossier_memo_preview_get_page (self->preview) : 0;
  double zoom = self->preview ? dossier_memo_preview_get_zoom (self->preview) : 1.0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", n_pages > 0 && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", page + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->preview && zoom < 3.995);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->preview && zoom > 0.205);
}

/* The preview says its zoom and page while it is allocated: the labels
 * change after that, since resizing them then would leave the bar
 * unallocated for the frame. */
static gboolean
update_cb (gpointer data)
{
  DossierMemoPreviewBar *self = data;

  self->update_source = 0;
  update_pages (self);
  update_zoom (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (DossierMemoPreviewBar *self)
{
  update_actions (self);
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
fit_width_changed_cb (DossierMemoPreviewBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierMemoPreviewBar *self = DOSSIER_MEMO_PREVIEW_BAR (widget);
  guint page;

  if (self->preview == NULL)
    return;
  page = dossier_memo_preview_get_page (self->preview);
  if (g_str_equal (action_name, "preview.previous-page"))
    {
      if (page > 0)
        dossier_memo_preview_go_to_page (self->preview, page - 1);
    }
  else
    dossier_memo_preview_go_to_page (self->preview, page + 1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierMemoPreviewBar *self = DOSSIER_MEMO_PREVIEW_BAR (widget);

  if (self->preview == NULL)
    return;
  if (g_str_equal (action_name, "preview.zoom-in"))
    dossier_memo_preview_zoom_in (self->preview);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    dossier_memo_preview_zoom_out (self->preview);
  else
    dossier_memo_preview_set_zoom (self->preview, g_variant_get_int32 (parameter) / 100.0);
}

/* ---- GObject ------------------------------------------------------------ */

static void
dossier_memo_preview_bar_dispose (GObject *object)
{
  DossierMemoPreviewBar *self = (DossierMemoPreviewBar *)object;
  GtkWidget *child;

  dossier_memo_preview_bar_set_preview (self, NULL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_PREVIEW_BAR);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_memo_preview_bar_parent_class)->dispose (object);
}

static void
dossier_memo_preview_bar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierMemoPreviewBar *self = DOSSIER_MEMO_PREVIEW_BAR (object);

  switch (prop_id)
    {
    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->preview && dossier_memo_preview_get_fit_width (self->preview));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_preview_bar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierMemoPreviewBar *self = DOSSIER_MEMO_PREVIEW_BAR (object);

  switch (prop_id)
    {
    case PROP_PREVIEW:
      dossier_memo_preview_bar_set_preview (self, g_value_get_object (value));
      break;
    case PROP_FIT_WIDTH:
      if (self->preview != NULL)
        dossier_memo_preview_set_fit_width (self->preview, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_preview_bar_class_init (DossierMemoPreviewBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_memo_preview_bar_dispose;
  object_class->get_property = dossier_memo_preview_bar_get_property;
  object_class->set_property = dossier_memo_preview_bar_set_property;

  properties[PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL, DOSSIER_TYPE_MEMO_PREVIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPreviewBar:fit-width:
   *
   * The preview's #DossierMemoPreview:fit-width, for the toggle.
   */
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-preview-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPreviewBar, page_squeezer);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPreviewBar, page_label);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPreviewBar, page_short_label);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPreviewBar, zoom_button);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom", "i", zoom_action);
  gtk_widget_class_install_property_action (widget_class, "preview.fit-width", "fit-width");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiermemopreviewbar");
}

static void
dossier_memo_preview_bar_init (DossierMemoPreviewBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_pages (self);
  update_zoom (self);
  update_actions (self);
}

/**
 * dossier_memo_preview_bar_get_preview:
 *
 * Returns: (transfer none) (nullable): the preview the bar drives
 */
DossierMemoPreview *
dossier_memo_preview_bar_get_preview (DossierMemoPreviewBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW_BAR (self), NULL);
  return self->preview;
}

/**
 * dossier_memo_preview_bar_set_preview:
 * @preview: (nullable): the preview to show the pages and zoom of
 */
void
dossier_memo_preview_bar_set_preview (DossierMemoPreviewBar *self,
                                      DossierMemoPreview    *preview)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW_BAR (self));
  g_return_if_fail (preview == NULL || DOSSIER_IS_MEMO_PREVIEW (preview));

  if (self->preview == preview)
    return;
  if (self->preview != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
      g_clear_signal_handler (&self->handlers[i], self->preview);
  g_set_object (&self->preview, preview);
  if (preview != NULL)
    {
      self->handlers[0] = g_signal_connect_swapped (preview, "notify::n-pages", G_CALLBACK (queue_update), self);
      self->handlers[1] = g_signal_connect_swapped (preview, "notify::page", G_CALLBACK (queue_update), self);
      self->handlers[2] = g_signal_connect_swapped (preview, "notify::zoom", G_CALLBACK (queue_update), self);
      self->handlers[3] = g_signal_connect_swapped (preview, "notify::fit-width", G_CALLBACK (fit_width_changed_cb), self);
    }
  update_pages (self);
  update_zoom (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}
