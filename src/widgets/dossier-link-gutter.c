/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-link-gutter"

#include "config.h"

#include "comparison/dossier-alignment.h"
#include "dossier-link-gutter.h"

/*
 * The thin strip between the two panes of a comparison, as Meld's link
 * map: a curve from each linked paragraph on the left to its match on the
 * right, at the rows' current positions. The links of the selected
 * paragraph are drawn in the accent colour. It only renders the
 * comparison's alignment model; it computes nothing.
 */
struct _DossierLinkGutter
{
  GtkWidget parent_instance;

  GtkListBox *left;       /* weak: the page owns both lists */
  GtkListBox *right;
  GListModel *links;
  int left_selected;
  int right_selected;
};

G_DEFINE_FINAL_TYPE (DossierLinkGutter, dossier_link_gutter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The vertical middle of a row, in the gutter's coordinates, clamped to
 * the gutter so links to rows scrolled away point up or down. */
static gboolean
row_middle (DossierLinkGutter *self,
            GtkListBox        *list,
            guint              index,
            float             *y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (row == NULL || !gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self), &in, &out))
    return FALSE;

  *y = CLAMP (out.y + gtk_widget_get_height (GTK_WIDGET (row)) / 2.0f, -4.0f, height + 4.0f);
  return TRUE;
}

static void
dossier_link_gutter_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color, accent = { 0.21f, 0.52f, 0.89f, 1.0f };
  cairo_t *cr;

  if (self->links == NULL || self->left == NULL || self->right == NULL || width <= 0 || height <= 0)
    return;

  /* the style's own accent, which libadwaita lightens in dark style */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* unselected links first, so the selected ones are drawn on top */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (self->links); i++)
      {
        g_autoptr(DossierAlignment) link = g_list_model_get_item (self->links, i);
        guint a = dossier_alignment_get_a (link), b = dossier_alignment_get_b (link);
        gboolean selected = (int) a == self->left_selected || (int) b == self->right_selected;
        float ya, yb;

        if (selected != (pass == 1))
          continue;
        if (!row_middle (self, self->left, a, &ya) || !row_middle (self, self->right, b, &yb))
          continue;
        if ((ya < 0 && yb < 0) || (ya > height && yb > height))
          continue;

        if (selected)
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1.0);
        else
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.3);
        cairo_set_line_width (cr, selected ? 2.5 : 1.5);
        if (dossier_alignment_get_anchored (link))
          {
            double dash[] = { 4.0, 3.0 };
            cairo_set_dash (cr, dash, 2, 0);
          }
        else
          cairo_set_dash (cr, NULL, 0, 0);

        cairo_move_to (cr, 0, ya);
        cairo_curve_to (cr, width / 2.0, ya, width / 2.0, yb, width, yb);
        cairo_stroke (cr);
      }

  cairo_destroy (cr);
}

static void
dossier_link_gutter_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 24 : 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 48 : 0;
}

static void
links_changed_cb (DossierLinkGutter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dossier_link_gutter_dispose (GObject *object)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (object);

  if (self->links != NULL)
    g_signal_handlers_disconnect_by_func (self->links, links_changed_cb, self);
  g_clear_object (&self->links);
  g_clear_weak_pointer (&self->left);
  g_clear_weak_pointer (&self->right);

  G_OBJECT_CLASS (dossier_link_gutter_parent_class)->dispose (object);
}

static void
dossier_link_gutter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (object);

  switch (prop_id)
    {
    case PROP_LINKS:
      g_value_set_object (value, self->links);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_link_gutter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (object);

  switch (prop_id)
    {
    case PROP_LINKS:
      dossier_link_gutter_set_links (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_link_gutter_class_init (DossierLinkGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_link_gutter_dispose;
  object_class->get_property = dossier_link_gutter_get_property;
  object_class->set_property = dossier_link_gutter_set_property;
  widget_class->snapshot = dossier_link_gutter_snapshot;
  widget_class->measure = dossier_link_gutter_measure;

  properties[PROP_LINKS] =
    g_param_spec_object ("links", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dossierlinkgutter");
  /* decorative: the same links are announced on the paragraphs */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dossier_link_gutter_init (DossierLinkGutter *self)
{
  self->left_selected = -1;
  self->right_selected = -1;
}

GtkWidget *
dossier_link_gutter_new (void)
{
  return g_object_new (DOSSIER_TYPE_LINK_GUTTER, NULL);
}

/**
 * dossier_link_gutter_set_lists:
 * @self: a gutter
 * @left: the left pane's paragraph list (row i = paragraph i)
 * @right: the right pane's paragraph list
 */
void
dossier_link_gutter_set_lists (DossierLinkGutter *self,
                               GtkListBox        *left,
                               GtkListBox        *right)
{
  g_return_if_fail (DOSSIER_IS_LINK_GUTTER (self));

  g_set_weak_pointer (&self->left, left);
  g_set_weak_pointer (&self->right, right);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GListModel *
dossier_link_gutter_get_links (DossierLinkGutter *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GUTTER (self), NULL);
  return self->links;
}

/**
 * dossier_link_gutter_set_links:
 * @self: a gutter
 * @links: (nullable): a #GListModel of #DossierAlignment
 */
void
dossier_link_gutter_set_links (DossierLinkGutter *self,
                               GListModel        *links)
{
  g_return_if_fail (DOSSIER_IS_LINK_GUTTER (self));

  if (self->links == links)
    return;

  if (self->links != NULL)
    g_signal_handlers_disconnect_by_func (self->links, links_changed_cb, self);
  g_set_object (&self->links, links);
  if (links != NULL)
    g_signal_connect_swapped (links, "items-changed", G_CALLBACK (links_changed_cb), self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKS]);
}

/**
 * dossier_link_gutter_set_selection:
 * @self: a gutter
 * @left_paragraph: the selected paragraph on the left, or -1
 * @right_paragraph: the selected paragraph on the right, or -1
 */
void
dossier_link_gutter_set_selection (DossierLinkGutter *self,
                                   int                left_paragraph,
                                   int                right_paragraph)
{
  g_return_if_fail (DOSSIER_IS_LINK_GUTTER (self));

  self->left_selected = left_paragraph;
  self->right_selected = right_paragraph;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
