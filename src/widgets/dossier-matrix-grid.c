/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-matrix-grid"

#include "config.h"

#include "dossier-matrix-grid.h"

/*
 * The table of the perspectives matrix: a header row (one heading per
 * article), a topic column, and the cells. It scrolls itself (it is a
 * GtkScrollable, put straight into a GtkScrolledWindow) so that it can keep
 * the topic column in place while the articles scroll sideways and the
 * header row in place while the topics scroll up, as a spreadsheet freezes
 * its first row and column. The article columns share the width left by
 * the topic column, down to a readable minimum, past which the table
 * scrolls sideways.
 *
 * Children are attached at (row, column); row -1 is the header row and
 * column -1 the topic column.
 */

#define PADDING 18
#define COLUMN_SPACING 12
#define ROW_SPACING 8
#define MIN_COLUMN_WIDTH 200
#define MIN_TOPIC_WIDTH 150
#define MAX_TOPIC_WIDTH 240

typedef struct {
  GtkWidget *widget;
  int row;
  int column;
} Cell;

struct _DossierMatrixGrid
{
  GtkWidget parent_instance;

  GArray *cells;            /* Cell */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  /* the last layout, in content coordinates */
  int n_rows;               /* body rows */
  int n_columns;            /* article columns */
  int topic_width;
  int column_width;
  int content_width;
  int content_height;
  int header_height;
  GArray *row_tops;         /* int, per body row, from the top of the content */
  GArray *row_heights;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierMatrixGrid, dossier_matrix_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
count_grid (DossierMatrixGrid *self)
{
  self->n_rows = 0;
  self->n_columns = 0;
  for (guint i = 0; i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);

      self->n_rows = MAX (self->n_rows, cell->row + 1);
      self->n_columns = MAX (self->n_columns, cell->column + 1);
    }
}

/* The widths for a given width of the view. */
static void
compute_widths (DossierMatrixGrid *self,
                int                width,
                int               *topic_width,
                int               *column_width)
{
  int n = MAX (self->n_columns, 1);
  int available;

  *topic_width = CLAMP (width / 6, MIN_TOPIC_WIDTH, MAX_TOPIC_WIDTH);
  available = width - 2 * PADDING - *topic_width - n * COLUMN_SPACING;
  *column_width = MAX (MIN_COLUMN_WIDTH, available / n);
}

static int
cell_width (DossierMatrixGrid *self,
            const Cell        *cell)
{
  return cell->column < 0 ? self->topic_width : self->column_width;
}

static int
cell_height (DossierMatrixGrid *self,
             const Cell        *cell)
{
  int minimum, natural;

  if (!gtk_widget_should_layout (cell->widget))
    return 0;
  gtk_widget_measure (cell->widget, GTK_ORIENTATION_VERTICAL, cell_width (self, cell),
                      &minimum, &natural, NULL, NULL);
  return natural;
}

/* Row heights and totals for the widths chosen. */
static void
compute_rows (DossierMatrixGrid *self)
{
  int y;

  g_array_set_size (self->row_tops, self->n_rows);
  g_array_set_size (self->row_heights, self->n_rows);
  for (int r = 0; r < self->n_rows; r++)
    g_array_index (self->row_heights, int, r) = 0;
  self->header_height = 0;

  for (guint i = 0; i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);
      int height = cell_height (self, cell);

      if (cell->row < 0)
        self->header_height = MAX (self->header_height, height);
      else
        g_array_index (self->row_heights, int, cell->row) = MAX (g_array_index (self->row_heights, int, cell->row), height);
    }

  y = PADDING + self->header_height + ROW_SPACING * 2;
  for (int r = 0; r < self->n_rows; r++)
    {
      g_array_index (self->row_tops, int, r) = y;
      y += g_array_index (self->row_heights, int, r) + ROW_SPACING;
    }
  self->content_height = y - ROW_SPACING + PADDING;
  self->content_width = 2 * PADDING + self->topic_width +
                        self->n_columns * (self->column_width + COLUMN_SPACING);
}

static void
dossier_matrix_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (widget);

  count_grid (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* scrolled sideways below this; natural: every column at its least */
      *minimum = 2 * PADDING + MIN_TOPIC_WIDTH + COLUMN_SPACING + MIN_COLUMN_WIDTH;
      *natural = 2 * PADDING + MIN_TOPIC_WIDTH + MAX (self->n_columns, 1) * (MIN_COLUMN_WIDTH + COLUMN_SPACING);
    }
  else
    {
      compute_widths (self, for_size > 0 ? for_size : 1000, &self->topic_width, &self->column_width);
      compute_rows (self);
      *minimum = 0;
      *natural = self->content_height;
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         page,
                      double         upper)
{
  double value;

  if (adjustment == NULL)
    return;
  upper = MAX (upper, page);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page);
  gtk_adjustment_configure (adjustment, value, 0, upper, page * 0.1, page * 0.9, page);
}

static void
dossier_matrix_grid_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (widget);
  double dx, dy;

  count_grid (self);
  compute_widths (self, width, &self->topic_width, &self->column_width);
  compute_rows (self);
  configure_adjustment (self->hadjustment, width, self->content_width);
  configure_adjustment (self->vadjustment, height, self->content_height);
  dx = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  dy = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  for (guint i = 0; i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);
      GtkAllocation area;

      if (!gtk_widget_should_layout (cell->widget))
        continue;
      /* the topic column and the header row stay where they are */
      area.x = cell->column < 0 ? PADDING
                                : PADDING + self->topic_width + COLUMN_SPACING +
                                  cell->column * (self->column_width + COLUMN_SPACING) - (int) dx;
      area.y = cell->row < 0 ? PADDING : g_array_index (self->row_tops, int, cell->row) - (int) dy;
      area.width = cell_width (self, cell);
      area.height = cell->row < 0 ? self->header_height : g_array_index (self->row_heights, int, cell->row);
      gtk_widget_size_allocate (cell->widget, &area, -1);
    }
}

static int
layer (const Cell *cell)
{
  return (cell->row < 0 ? 2 : 0) + (cell->column < 0 ? 1 : 0);
}

/* The cells first; over them the frozen topic column, then the header
 * row, then their corner, each on the window's background so what scrolls
 * under them is hidden. */
static void
dossier_matrix_grid_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double dx = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double dy = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  int column_edge = PADDING + self->topic_width + COLUMN_SPACING / 2;
  int header_edge = PADDING + self->header_height + ROW_SPACING;
  GdkRGBA background = { 0.98f, 0.98f, 0.98f, 1.0f }, fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &background);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (int level = 0; level < 4; level++)
    {
      /* the frozen part's background and, once something scrolled under
       * it, a line along its edge */
      if (level == 1)
        {
          gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, column_edge, height));
          if (dx > 0)
            gtk_snapshot_append_color (snapshot, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.15f },
                                       &GRAPHENE_RECT_INIT (column_edge, 0, 1, height));
        }
      if (level == 2)
        {
          gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, header_edge));
          if (dy > 0)
            gtk_snapshot_append_color (snapshot, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.15f },
                                       &GRAPHENE_RECT_INIT (0, header_edge, width, 1));
        }
      if (level == 3)
        gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, column_edge, header_edge));
      for (guint i = 0; i < self->cells->len; i++)
        {
          const Cell *cell = &g_array_index (self->cells, Cell, i);

          if (layer (cell) == level)
            gtk_widget_snapshot_child (widget, cell->widget, snapshot);
        }
    }
  gtk_snapshot_pop (snapshot);
}

/* Brings a focused cell into view, out from under the frozen parts. */
static void
dossier_matrix_grid_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (widget);

  GTK_WIDGET_CLASS (dossier_matrix_grid_parent_class)->set_focus_child (widget, child);

  for (guint i = 0; child != NULL && i < self->cells->len; i++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, i);
      int x, y, w, h, view_w, view_h;
      double value;

      if (cell->widget != child)
        continue;
      view_w = gtk_widget_get_width (widget);
      view_h = gtk_widget_get_height (widget);
      if (cell->column >= 0 && self->hadjustment != NULL)
        {
          x = PADDING + self->topic_width + COLUMN_SPACING + cell->column * (self->column_width + COLUMN_SPACING);
          w = self->column_width;
          value = gtk_adjustment_get_value (self->hadjustment);
          /* visible between the topic column and the right edge */
          if (x - value < PADDING + self->topic_width + COLUMN_SPACING)
            gtk_adjustment_set_value (self->hadjustment, x - PADDING - self->topic_width - COLUMN_SPACING);
          else if (x + w - value > view_w)
            gtk_adjustment_set_value (self->hadjustment, x + w - view_w + PADDING);
        }
      if (cell->row >= 0 && self->vadjustment != NULL && cell->row < (int) self->row_tops->len)
        {
          y = g_array_index (self->row_tops, int, cell->row);
          h = g_array_index (self->row_heights, int, cell->row);
          value = gtk_adjustment_get_value (self->vadjustment);
          if (y - value < PADDING + self->header_height + 2 * ROW_SPACING)
            gtk_adjustment_set_value (self->vadjustment, y - PADDING - self->header_height - 2 * ROW_SPACING);
          else if (y + h - value > view_h)
            gtk_adjustment_set_value (self->vadjustment, y + h - view_h + PADDING);
        }
      return;
    }
}

static void
adjustment_changed_cb (DossierMatrixGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (DossierMatrixGrid  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
dossier_matrix_grid_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_matrix_grid_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_matrix_grid_dispose (GObject *object)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (object);

  dossier_matrix_grid_remove_all (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  G_OBJECT_CLASS (dossier_matrix_grid_parent_class)->dispose (object);
}

static void
dossier_matrix_grid_finalize (GObject *object)
{
  DossierMatrixGrid *self = DOSSIER_MATRIX_GRID (object);

  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->row_tops, g_array_unref);
  g_clear_pointer (&self->row_heights, g_array_unref);

  G_OBJECT_CLASS (dossier_matrix_grid_parent_class)->finalize (object);
}

static void
dossier_matrix_grid_class_init (DossierMatrixGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_matrix_grid_dispose;
  object_class->finalize = dossier_matrix_grid_finalize;
  object_class->get_property = dossier_matrix_grid_get_property;
  object_class->set_property = dossier_matrix_grid_set_property;
  widget_class->measure = dossier_matrix_grid_measure;
  widget_class->size_allocate = dossier_matrix_grid_size_allocate;
  widget_class->snapshot = dossier_matrix_grid_snapshot;
  widget_class->set_focus_child = dossier_matrix_grid_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "dossiermatrixgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_matrix_grid_init (DossierMatrixGrid *self)
{
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->row_tops = g_array_new (FALSE, TRUE, sizeof (int));
  self->row_heights = g_array_new (FALSE, TRUE, sizeof (int));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
dossier_matrix_grid_new (void)
{
  return g_object_new (DOSSIER_TYPE_MATRIX_GRID, NULL);
}

/* Tab order is the order of attaching: attach the header, then each
 * topic followed by its cells, and keyboard users read row by row. */
static void
insert_in_order (DossierMatrixGrid *self,
                 GtkWidget         *child)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self));

  gtk_widget_insert_after (child, GTK_WIDGET (self), last);
}

/**
 * dossier_matrix_grid_attach:
 * @self: a grid
 * @child: a widget
 * @row: its topic row, or -1 for the header row
 * @column: its article column, or -1 for the topic column
 */
void
dossier_matrix_grid_attach (DossierMatrixGrid *self,
                            GtkWidget         *child,
                            int                row,
                            int                column)
{
  Cell cell = { child, row, column };

  g_return_if_fail (DOSSIER_IS_MATRIX_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);
  g_return_if_fail (row >= -1 && column >= -1);

  g_array_append_val (self->cells, cell);
  insert_in_order (self, child);
}

void
dossier_matrix_grid_remove_all (DossierMatrixGrid *self)
{
  g_return_if_fail (DOSSIER_IS_MATRIX_GRID (self));

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_unparent (g_array_index (self->cells, Cell, i).widget);
  g_array_set_size (self->cells, 0);
}

/**
 * dossier_matrix_grid_get_column_width:
 * @self: a grid
 *
 * Returns: the width of each article column in the last layout
 */
int
dossier_matrix_grid_get_column_width (DossierMatrixGrid *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_GRID (self), 0);
  return self->column_width;
}

int
dossier_matrix_grid_get_topic_width (DossierMatrixGrid *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_GRID (self), 0);
  return self->topic_width;
}

/**
 * dossier_matrix_grid_get_child_area:
 * @self: a grid
 * @child: one of its children
 * @area: (out): where it is drawn, in the grid's coordinates
 */
void
dossier_matrix_grid_get_child_area (DossierMatrixGrid *self,
                                    GtkWidget         *child,
                                    graphene_rect_t   *area)
{
  g_return_if_fail (DOSSIER_IS_MATRIX_GRID (self));

  if (!gtk_widget_compute_bounds (child, GTK_WIDGET (self), area))
    graphene_rect_init (area, 0, 0, 0, 0);
}
