/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-overview-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-overview-strip.h"

/*
 * A narrow strip beside a comparison pane showing its whole length at
 * once, as Meld's chunk map does: a mark for each linked paragraph (more
 * opaque the stronger its best link; in versions mode, changed paragraphs
 * in the accent colour, removed ones red and added ones green), the
 * current paragraph emphasised, and the part of the pane in view outlined.
 * Clicking or dragging scrolls the pane there. It renders the comparison
 * model and the pane's scroll position; it computes nothing.
 */
struct _DossierOverviewStrip
{
  GtkWidget parent_instance;

  GtkListBox *list;             /* weak: the pane owns it */
  GtkAdjustment *adjustment;
  gboolean left;
  DossierComparison *comparison;
  int current;
};

G_DEFINE_FINAL_TYPE (DossierOverviewStrip, dossier_overview_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  MARK_LINK,
  MARK_CHANGE,
  MARK_INSERT,
  MARK_DELETE,
} MarkKind;

typedef struct {
  int paragraph;
  MarkKind kind;
  double strength;
} Mark;

/* A paragraph's extent as a share of the pane's whole height. */
static gboolean
paragraph_span (DossierOverviewStrip *self,
                int                   paragraph,
                double               *from,
                double               *to)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, paragraph);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;
  double upper = gtk_adjustment_get_upper (self->adjustment);

  if (row == NULL || upper <= 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self->list), &in, &out))
    return FALSE;
  /* the list's top margin is inside the scrolled area */
  out.y += gtk_widget_get_margin_top (GTK_WIDGET (self->list));
  *from = out.y / upper;
  *to = (out.y + gtk_widget_get_height (GTK_WIDGET (row))) / upper;
  return TRUE;
}

static void
add_mark (GArray   *marks,
          int       paragraph,
          MarkKind  kind,
          double    strength)
{
  Mark mark = { paragraph, kind, strength };

  /* one mark per paragraph, the strongest (or the change) wins */
  for (guint i = 0; i < marks->len; i++)
    {
      Mark *other = &g_array_index (marks, Mark, i);

      if (other->paragraph == paragraph)
        {
          if (kind != MARK_LINK || strength > other->strength)
            *other = mark;
          return;
        }
    }
  g_array_append_val (marks, mark);
}

static GArray *
collect_marks (DossierOverviewStrip *self)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));

  if (self->comparison == NULL)
    return marks;

  if (dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      GListModel *chunks = dossier_comparison_get_chunks (self->comparison);

      for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
        {
          g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
          int a = dossier_diff_chunk_get_a_paragraph (chunk), b = dossier_diff_chunk_get_b_paragraph (chunk);
          int mine = self->left ? a : b, other = self->left ? b : a;

          if (dossier_diff_chunk_get_change (chunk) < 0 || mine < 0)
            continue;
          add_mark (marks, mine, other >= 0 ? MARK_CHANGE : self->left ? MARK_DELETE : MARK_INSERT, 1.0);
        }
    }
  else
    {
      GListModel *links = dossier_comparison_get_alignments (self->comparison);

      for (guint i = 0; i < g_list_model_get_n_items (links); i++)
        {
          g_autoptr(DossierAlignment) link = g_list_model_get_item (links, i);

          add_mark (marks, self->left ? dossier_alignment_get_a (link) : dossier_alignment_get_b (link),
                    MARK_LINK, dossier_comparison_get_link_strength (self->comparison, link));
        }
    }
  return marks;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
dossier_overview_strip_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierOverviewStrip *self = DOSSIER_OVERVIEW_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent = { 0.21f, 0.52f, 0.89f, 1.0f };
  GdkRGBA success = { 0.18f, 0.76f, 0.49f, 1.0f }, error = { 0.88f, 0.11f, 0.14f, 1.0f };
  g_autoptr(GArray) marks = NULL;
  double upper, top, bottom;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->list == NULL || self->adjustment == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "success_color", &success);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "error_color", &error);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* the track */
  rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 4);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.05);
  cairo_fill (cr);

  marks = collect_marks (self);
  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *mark = &g_array_index (marks, Mark, i);
      const GdkRGBA *color = mark->kind == MARK_INSERT ? &success : mark->kind == MARK_DELETE ? &error : &accent;
      double from, to, alpha;

      if (!paragraph_span (self, mark->paragraph, &from, &to))
        continue;
      alpha = mark->kind == MARK_LINK ? 0.3 + 0.55 * mark->strength : 0.75;
      if (mark->paragraph == self->current)
        alpha = 1.0;
      top = from * height;
      bottom = MAX (to * height - 1.0, top + 3.0);
      rounded_rect (cr, 2, top, width - 4, bottom - top, 2);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
      cairo_fill (cr);
    }

  /* the part in view */
  upper = gtk_adjustment_get_upper (self->adjustment);
  if (upper > 0 && gtk_adjustment_get_page_size (self->adjustment) < upper)
    {
      top = gtk_adjustment_get_value (self->adjustment) / upper * height;
      bottom = (gtk_adjustment_get_value (self->adjustment) + gtk_adjustment_get_page_size (self->adjustment)) / upper * height;
      rounded_rect (cr, 0.5, top + 0.5, width - 1, MAX (bottom - top - 1, 4), 4);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/**
 * dossier_overview_strip_jump_to:
 * @self: a strip
 * @y: a height in the strip
 *
 * Scrolls the pane so that the part the strip shows at @y is in the
 * middle of the view, as a click there does.
 */
void
dossier_overview_strip_jump_to (DossierOverviewStrip *self,
                                double                y)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper, page, value;

  g_return_if_fail (DOSSIER_IS_OVERVIEW_STRIP (self));

  if (self->adjustment == NULL || height <= 0)
    return;
  upper = gtk_adjustment_get_upper (self->adjustment);
  page = gtk_adjustment_get_page_size (self->adjustment);
  value = y / height * upper - page / 2.0;
  gtk_adjustment_set_value (self->adjustment, CLAMP (value, gtk_adjustment_get_lower (self->adjustment), upper - page));
}

static void
drag_begin_cb (GtkGestureDrag       *gesture,
               double                x,
               double                y,
               DossierOverviewStrip *self)
{
  dossier_overview_strip_jump_to (self, y);
}

static void
drag_update_cb (GtkGestureDrag       *gesture,
                double                dx,
                double                dy,
                DossierOverviewStrip *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    dossier_overview_strip_jump_to (self, y + dy);
}

static void
dossier_overview_strip_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 12 : 0;
}

static void
redraw_cb (DossierOverviewStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mode_changed_cb (DossierOverviewStrip *self)
{
  gboolean versions = self->comparison != NULL &&
                      dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), versions ? _("Where the changes are: click to go there")
                                                           : _("Where the links are: click to go there"));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_comparison (DossierOverviewStrip *self)
{
  if (self->comparison == NULL)
    return;
  g_signal_handlers_disconnect_by_func (dossier_comparison_get_alignments (self->comparison), redraw_cb, self);
  g_signal_handlers_disconnect_by_func (dossier_comparison_get_chunks (self->comparison), redraw_cb, self);
  g_signal_handlers_disconnect_by_func (self->comparison, mode_changed_cb, self);
}

static void
dossier_overview_strip_dispose (GObject *object)
{
  DossierOverviewStrip *self = DOSSIER_OVERVIEW_STRIP (object);

  disconnect_comparison (self);
  g_clear_object (&self->comparison);
  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->adjustment, redraw_cb, self);
  g_clear_object (&self->adjustment);
  g_clear_weak_pointer (&self->list);

  G_OBJECT_CLASS (dossier_overview_strip_parent_class)->dispose (object);
}

static void
dossier_overview_strip_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierOverviewStrip *self = DOSSIER_OVERVIEW_STRIP (object);

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
dossier_overview_strip_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierOverviewStrip *self = DOSSIER_OVERVIEW_STRIP (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      dossier_overview_strip_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_overview_strip_class_init (DossierOverviewStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_overview_strip_dispose;
  object_class->get_property = dossier_overview_strip_get_property;
  object_class->set_property = dossier_overview_strip_set_property;
  widget_class->snapshot = dossier_overview_strip_snapshot;
  widget_class->measure = dossier_overview_strip_measure;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, DOSSIER_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dossieroverviewstrip");
  /* a pointer shortcut: the keyboard steps through the same links with
   * Alt+Up and Alt+Down, and the scroll bar reads the position */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dossier_overview_strip_init (DossierOverviewStrip *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->current = -1;
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Where the links are: click to go there"));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
dossier_overview_strip_new (void)
{
  return g_object_new (DOSSIER_TYPE_OVERVIEW_STRIP, NULL);
}

/**
 * dossier_overview_strip_set_pane:
 * @self: a strip
 * @list: the pane's paragraph list (row i = paragraph i)
 * @adjustment: the pane's vertical scroll position
 * @left: whether the pane is the left (older) one
 */
void
dossier_overview_strip_set_pane (DossierOverviewStrip *self,
                                 GtkListBox           *list,
                                 GtkAdjustment        *adjustment,
                                 gboolean              left)
{
  g_return_if_fail (DOSSIER_IS_OVERVIEW_STRIP (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (GTK_IS_ADJUSTMENT (adjustment));

  g_set_weak_pointer (&self->list, list);
  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->adjustment, redraw_cb, self);
  g_set_object (&self->adjustment, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (redraw_cb), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (redraw_cb), self);
  self->left = left;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DossierComparison *
dossier_overview_strip_get_comparison (DossierOverviewStrip *self)
{
  g_return_val_if_fail (DOSSIER_IS_OVERVIEW_STRIP (self), NULL);
  return self->comparison;
}

void
dossier_overview_strip_set_comparison (DossierOverviewStrip *self,
                                       DossierComparison    *comparison)
{
  g_return_if_fail (DOSSIER_IS_OVERVIEW_STRIP (self));
  g_return_if_fail (comparison == NULL || DOSSIER_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;
  disconnect_comparison (self);
  g_set_object (&self->comparison, comparison);
  if (comparison != NULL)
    {
      g_signal_connect_swapped (dossier_comparison_get_alignments (comparison), "items-changed",
                                G_CALLBACK (redraw_cb), self);
      g_signal_connect_swapped (dossier_comparison_get_chunks (comparison), "items-changed",
                                G_CALLBACK (redraw_cb), self);
      g_signal_connect_swapped (comparison, "notify::effective-mode", G_CALLBACK (mode_changed_cb), self);
    }
  mode_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * dossier_overview_strip_set_current:
 * @self: a strip
 * @paragraph: the pane's current paragraph, or -1
 */
void
dossier_overview_strip_set_current (DossierOverviewStrip *self,
                                    int                   paragraph)
{
  g_return_if_fail (DOSSIER_IS_OVERVIEW_STRIP (self));

  if (self->current == paragraph)
    return;
  self->current = paragraph;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
