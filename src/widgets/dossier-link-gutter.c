/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-link-gutter"

#include "config.h"

#include <math.h>

#include "dossier-link-gutter.h"

/*
 * The strip between the two panes of a comparison, drawn as Meld draws its
 * link map: each link is a translucent band whose ends span the two
 * paragraphs' full height, joined by bezier curves, its edges stroked. In
 * perspectives mode the bands are the links, in the accent colour, more
 * opaque the stronger the link; in versions mode they are the changes
 * (changed pairs in the accent colour, removed paragraphs red, added ones
 * green). The selected paragraph's links are brought forward and the
 * current one is emphasised; anchors have dashed edges, accepted links
 * solid full ones. A band whose other end is scrolled out of view is
 * drawn as a tab on the visible side only, as Meld culls them, so the
 * gutter is not crossed by long diagonals. It renders the comparison
 * model and computes nothing.
 */
struct _DossierLinkGutter
{
  GtkWidget parent_instance;

  GtkListBox *left;       /* weak: the page owns both lists */
  GtkListBox *right;
  DossierComparison *comparison;
  int left_selected;
  int right_selected;
};

G_DEFINE_FINAL_TYPE (DossierLinkGutter, dossier_link_gutter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  BAND_LINK,
  BAND_CHANGE,
  BAND_INSERT,
  BAND_DELETE,
} BandKind;

typedef struct {
  double l0, l1;        /* the left end, top and bottom */
  double r0, r1;        /* the right end */
  BandKind kind;
  double strength;      /* 0–1, links only */
  gboolean anchored;
  gboolean accepted;
  gboolean related;     /* touches the selected paragraph */
  gboolean current;     /* the selected link or change itself */
  int a, b;
} Band;

/* Row extents are inset so that the bands of neighbouring paragraphs do
 * not run into one another. */
#define INSET 3.0

/* A row's top and bottom in the gutter's coordinates. */
static gboolean
row_extent (DossierLinkGutter *self,
            GtkListBox        *list,
            int                index,
            double            *top,
            double            *bottom)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (list, index) : NULL;
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  if (row == NULL || !gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self), &in, &out))
    return FALSE;
  *top = out.y;
  *bottom = out.y + gtk_widget_get_height (GTK_WIDGET (row));
  return TRUE;
}

/* Where a paragraph missing on one side would be: below the last one
 * before it, or at the top of the list. */
static double
gap_after (DossierLinkGutter *self,
           GtkListBox        *list,
           int                index)
{
  double top, bottom;
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  if (row_extent (self, list, index, &top, &bottom))
    return bottom;
  if (gtk_widget_compute_point (GTK_WIDGET (list), GTK_WIDGET (self), &in, &out))
    return out.y;
  return 0.0;
}

static void
add_link_bands (DossierLinkGutter *self,
                GArray            *bands)
{
  GListModel *links = dossier_comparison_get_alignments (self->comparison);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DossierAlignment) link = g_list_model_get_item (links, i);
      Band band = { 0, };

      band.a = dossier_alignment_get_a (link);
      band.b = dossier_alignment_get_b (link);
      if (!row_extent (self, self->left, band.a, &band.l0, &band.l1) ||
          !row_extent (self, self->right, band.b, &band.r0, &band.r1))
        continue;
      band.kind = BAND_LINK;
      band.strength = dossier_comparison_get_link_strength (self->comparison, link);
      band.anchored = dossier_alignment_get_anchored (link);
      band.accepted = dossier_alignment_get_accepted (link);
      band.related = band.a == self->left_selected || band.b == self->right_selected;
      band.current = band.a == self->left_selected && band.b == self->right_selected;
      g_array_append_val (bands, band);
    }
}

/* Versions: one band per changed pair of paragraphs, and a wedge for each
 * paragraph only one side has, pointing where it would be on the other. */
static void
add_change_bands (DossierLinkGutter *self,
                  GArray            *bands)
{
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);
  int last_a = -1, last_b = -1, band_a = -2, band_b = -2;

  for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
    {
      g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
      int a = dossier_diff_chunk_get_a_paragraph (chunk);
      int b = dossier_diff_chunk_get_b_paragraph (chunk);
      Band band = { 0, };

      if (dossier_diff_chunk_get_change (chunk) >= 0 && (a != band_a || b != band_b))
        {
          gboolean ok;

          band.a = a;
          band.b = b;
          if (a >= 0 && b >= 0)
            {
              band.kind = BAND_CHANGE;
              ok = row_extent (self, self->left, a, &band.l0, &band.l1) &&
                   row_extent (self, self->right, b, &band.r0, &band.r1);
            }
          else if (a >= 0)
            {
              band.kind = BAND_DELETE;
              ok = row_extent (self, self->left, a, &band.l0, &band.l1);
              band.r0 = band.r1 = gap_after (self, self->right, last_b);
            }
          else
            {
              band.kind = BAND_INSERT;
              ok = row_extent (self, self->right, b, &band.r0, &band.r1);
              band.l0 = band.l1 = gap_after (self, self->left, last_a);
            }
          band.current = (a >= 0 && a == self->left_selected) || (b >= 0 && b == self->right_selected);
          band.related = band.current;
          band_a = a;
          band_b = b;
          if (ok)
            g_array_append_val (bands, band);
        }
      if (a >= 0)
        last_a = a;
      if (b >= 0)
        last_b = b;
    }
}

static GArray *
collect_bands (DossierLinkGutter *self)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));

  if (self->comparison == NULL || self->left == NULL || self->right == NULL)
    return bands;
  if (dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    add_change_bands (self, bands);
  else
    add_link_bands (self, bands);
  return bands;
}

static void
inset (double *top,
       double *bottom)
{
  if (*bottom - *top > 4 * INSET)
    {
      *top += INSET;
      *bottom -= INSET;
    }
}

/* The band's outline. Returns FALSE when neither end is in view (between
 * @top and @bottom). */
static gboolean
band_path (cairo_t    *cr,
           const Band *band,
           double      width,
           double      top_edge,
           double      bottom_edge)
{
  double l0 = band->l0, l1 = band->l1, r0 = band->r0, r1 = band->r1;
  gboolean left_out = l1 < top_edge || l0 > bottom_edge;
  gboolean right_out = r1 < top_edge || r0 > bottom_edge;
  double q1 = width / 3.0, q2 = 2.0 * width / 3.0;
  double radius = 6.0;

  inset (&l0, &l1);
  inset (&r0, &r1);
  cairo_new_path (cr);

  if (left_out && right_out)
    return FALSE;

  /* one end out of view: a tab on the side that shows, as Meld culls */
  if (left_out || right_out)
    {
      double top = left_out ? r0 : l0, bottom = left_out ? r1 : l1;
      double x = left_out ? width : 0.0;
      double depth = MIN (width / 3.0, 10.0);

      if (bottom - top < 2 * radius)
        {
          double middle = (top + bottom) / 2.0;
          top = middle - radius;
          bottom = middle + radius;
        }
      if (left_out)
        {
          cairo_move_to (cr, x, top);
          cairo_arc_negative (cr, x - depth + radius, top + radius, radius, -G_PI / 2, -G_PI);
          cairo_line_to (cr, x - depth, bottom - radius);
          cairo_arc_negative (cr, x - depth + radius, bottom - radius, radius, G_PI, G_PI / 2);
        }
      else
        {
          cairo_move_to (cr, x, top);
          cairo_arc (cr, x + depth - radius, top + radius, radius, -G_PI / 2, 0);
          cairo_line_to (cr, x + depth, bottom - radius);
          cairo_arc (cr, x + depth - radius, bottom - radius, radius, 0, G_PI / 2);
        }
      cairo_close_path (cr);
      return TRUE;
    }

  cairo_move_to (cr, 0, l0);
  cairo_curve_to (cr, q1, l0, q2, r0, width, r0);
  cairo_line_to (cr, width, r1);
  cairo_curve_to (cr, q2, r1, q1, l1, 0, l1);
  cairo_close_path (cr);
  return TRUE;
}

typedef struct {
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA error;
  gboolean dark;
} Palette;

static void
lookup_palette (GtkWidget *widget,
                Palette   *palette)
{
  GtkStyleContext *context;
  GdkRGBA fg;

  /* libadwaita's own colours, which it lightens in the dark style */
  palette->accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
  palette->success = (GdkRGBA) { 0.18f, 0.76f, 0.49f, 1.0f };
  palette->error = (GdkRGBA) { 0.88f, 0.11f, 0.14f, 1.0f };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_lookup_color (context, "accent_color", &palette->accent);
  gtk_style_context_lookup_color (context, "success_color", &palette->success);
  gtk_style_context_lookup_color (context, "error_color", &palette->error);
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  palette->dark = fg.red + fg.green + fg.blue > 1.5f;
}

static void
draw_band (cairo_t       *cr,
           const Band    *band,
           const Palette *palette,
           gboolean       dimmed,
           double         width,
           double         top,
           double         bottom)
{
  const GdkRGBA *color;
  double fill, edge, line = 1.0;

  if (!band_path (cr, band, width, top, bottom))
    return;

  switch (band->kind)
    {
    case BAND_LINK:
      color = &palette->accent;
      fill = 0.07 + 0.23 * band->strength;
      edge = 0.25 + 0.45 * band->strength;
      break;
    case BAND_INSERT:
      color = &palette->success;
      fill = 0.22, edge = 0.7;
      break;
    case BAND_DELETE:
      color = &palette->error;
      fill = 0.18, edge = 0.7;
      break;
    case BAND_CHANGE:
    default:
      color = &palette->accent;
      fill = 0.18, edge = 0.6;
      break;
    }
  if (dimmed)
    fill *= 0.5, edge *= 0.5;
  if (band->accepted)
    edge = MAX (edge, 0.85), line = 1.5;
  if (band->related)
    fill += 0.08, edge = MAX (edge, 0.85);
  if (band->current)
    fill = MAX (fill, 0.42), edge = 1.0, line = 2.0;
  /* the dark style needs a little more to stand out from the background */
  if (palette->dark)
    fill *= 1.35;

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, MIN (fill, 0.62));
  cairo_fill_preserve (cr);

  cairo_set_line_width (cr, line);
  if (band->anchored)
    {
      double dash[] = { 4.0, 3.0 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, edge);
  cairo_stroke (cr);
}

/* The part of the gutter beside the panes' scrolled paragraphs (not
 * beside the articles' headers above them): bands are clipped to it. */
static void
view_extent (DossierLinkGutter *self,
             double            *top,
             double            *bottom)
{
  GtkWidget *scroller = self->left != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (self->left), GTK_TYPE_SCROLLED_WINDOW)
                                           : NULL;
  graphene_rect_t bounds;

  *top = 0;
  *bottom = gtk_widget_get_height (GTK_WIDGET (self));
  if (scroller != NULL && gtk_widget_compute_bounds (scroller, GTK_WIDGET (self), &bounds))
    {
      *top = MAX (*top, bounds.origin.y);
      *bottom = MIN (*bottom, bounds.origin.y + bounds.size.height);
    }
}

static void
dossier_link_gutter_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GArray) bands = NULL;
  gboolean any_selected = FALSE;
  double top, bottom;
  Palette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  bands = collect_bands (self);
  view_extent (self, &top, &bottom);
  if (bands->len == 0 || bottom <= top)
    return;

  lookup_palette (widget, &palette);
  for (guint i = 0; i < bands->len; i++)
    any_selected |= g_array_index (bands, Band, i).related;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, bottom - top));
  cairo_rectangle (cr, 0, top, width, bottom - top);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* the others first, then the selected paragraph's, then the current one
   * on top */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < bands->len; i++)
      {
        const Band *band = &g_array_index (bands, Band, i);
        int level = band->current ? 2 : band->related ? 1 : 0;

        if (level == pass)
          draw_band (cr, band, &palette, any_selected && level == 0 && band->kind == BAND_LINK, width, top, bottom);
      }
  cairo_destroy (cr);
}

/**
 * dossier_link_gutter_get_link_at:
 * @self: a gutter
 * @x: a point in the gutter
 * @y: its height
 * @a: (out): the left paragraph of the band there, or -1
 * @b: (out): the right paragraph, or -1
 *
 * Which link (or, in versions mode, which change) is drawn at a point;
 * the selected ones first, as they are drawn on top.
 *
 * Returns: whether there is one
 */
gboolean
dossier_link_gutter_get_link_at (DossierLinkGutter *self,
                                 double             x,
                                 double             y,
                                 int               *a,
                                 int               *b)
{
  g_autoptr(GArray) bands = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double top, bottom;
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_LINK_GUTTER (self), FALSE);

  *a = *b = -1;
  view_extent (self, &top, &bottom);
  if (y < top || y > bottom)
    return FALSE;
  bands = collect_bands (self);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  for (int pass = 2; pass >= 0 && !found; pass--)
    for (guint i = 0; i < bands->len && !found; i++)
      {
        const Band *band = &g_array_index (bands, Band, i);
        int level = band->current ? 2 : band->related ? 1 : 0;

        if (level != pass || !band_path (cr, band, width, top, bottom))
          continue;
        if (cairo_in_fill (cr, x, y))
          {
            *a = band->a;
            *b = band->b;
            found = TRUE;
          }
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            DossierLinkGutter *self)
{
  int a, b;

  if (!dossier_link_gutter_get_link_at (self, x, y, &a, &b))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SIGNAL_ACTIVATE_LINK], 0, a, b);
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
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 28 : 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 56 : 0;
}

static void
model_changed_cb (DossierLinkGutter *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_comparison (DossierLinkGutter *self)
{
  if (self->comparison == NULL)
    return;
  g_signal_handlers_disconnect_by_func (dossier_comparison_get_alignments (self->comparison), model_changed_cb, self);
  g_signal_handlers_disconnect_by_func (dossier_comparison_get_chunks (self->comparison), model_changed_cb, self);
  g_signal_handlers_disconnect_by_func (self->comparison, model_changed_cb, self);
}

static void
dossier_link_gutter_dispose (GObject *object)
{
  DossierLinkGutter *self = DOSSIER_LINK_GUTTER (object);

  disconnect_comparison (self);
  g_clear_object (&self->comparison);
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
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
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
    case PROP_COMPARISON:
      dossier_link_gutter_set_comparison (self, g_value_get_object (value));
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

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, DOSSIER_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierLinkGutter::activate-link:
   * @a: the band's left paragraph, or -1 for a paragraph only on the right
   * @b: its right paragraph, or -1
   *
   * A band was clicked.
   */
  signals[SIGNAL_ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "dossierlinkgutter");
  /* decorative for assistive technologies: the same links are announced
   * on the paragraphs and stepped through with Alt+Up and Alt+Down */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dossier_link_gutter_init (DossierLinkGutter *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->left_selected = -1;
  self->right_selected = -1;
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
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

DossierComparison *
dossier_link_gutter_get_comparison (DossierLinkGutter *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_GUTTER (self), NULL);
  return self->comparison;
}

/**
 * dossier_link_gutter_set_comparison:
 * @self: a gutter
 * @comparison: (nullable): the comparison whose links (or changes) to draw
 */
void
dossier_link_gutter_set_comparison (DossierLinkGutter *self,
                                    DossierComparison *comparison)
{
  g_return_if_fail (DOSSIER_IS_LINK_GUTTER (self));
  g_return_if_fail (comparison == NULL || DOSSIER_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  disconnect_comparison (self);
  g_set_object (&self->comparison, comparison);
  if (comparison != NULL)
    {
      g_signal_connect_swapped (dossier_comparison_get_alignments (comparison), "items-changed",
                                G_CALLBACK (model_changed_cb), self);
      g_signal_connect_swapped (dossier_comparison_get_chunks (comparison), "items-changed",
                                G_CALLBACK (model_changed_cb), self);
      g_signal_connect_swapped (comparison, "notify::effective-mode", G_CALLBACK (model_changed_cb), self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * dossier_link_gutter_set_selection:
 * @self: a gutter
 * @left_paragraph: the selected paragraph on the left, or -1
 * @right_paragraph: the selected paragraph on the right, or -1
 *
 * The links of either are brought forward; the link between the two, if
 * there is one, is the current one.
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
