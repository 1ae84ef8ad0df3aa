/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "export/dossier-memo-layout.h"
#include "dossier-memo-preview.h"

/*
 * The live preview of a memo: its pages as the PDF will print them, one
 * GtkDrawingArea per page in a scrolled column, drawn by the same
 * DossierPageLayout as the export. Edits are laid out after a short pause
 * (the layout reshapes only edited blocks, so a relayout of a long memo
 * costs a few milliseconds) and only the pages that changed are redrawn.
 * While the preview is hidden it only notes that it is out of date;
 * dossier_memo_preview_flush() lays it out on demand (the memo lint asks
 * it for the page count).
 *
 * The pages fit the width of the preview unless zoomed (Ctrl+scroll, a
 * pinch, or dossier_memo_preview_set_zoom()), as in GNOME Papers; zooming
 * keeps the middle of the view where it was. The page at the top of the
 * view is the current page, and dossier_memo_preview_go_to_page() scrolls
 * to a page.
 */

struct _DossierMemoPreview
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkWidget *pages_box;
  GPtrArray *pages;              /* GtkDrawingArea*, children of pages_box */

  DossierMemo *memo;
  gulong changed_handler;
  DossierPageLayout *layout;
  DossierPaper paper;
  guint n_pages;

  guint relayout_source;
  gint64 pending_since;
  gboolean dirty;
  gboolean resize_all;

  double zoom;                   /* pixels per point, as drawn */
  double fit_zoom;               /* pixels per point that fill the width */
  gboolean fit_width;
  guint zoom_source;
  double anchor;                 /* the middle of the view, as a share of the pages, while zooming */
  gboolean keep_anchor;
  double gesture_zoom;           /* the zoom a pinch started from */
  guint page;                    /* the page at the top of the view */
};

G_DEFINE_FINAL_TYPE (DossierMemoPreview, dossier_memo_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMO,
  PROP_PAPER,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_PAGE,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pause after the last keystroke before laying out again, and the longest
 * a steady typist waits to see the pages catch up. */
#define RELAYOUT_DELAY_MS 300
#define RELAYOUT_MAX_WAIT_US (1000 * 1000)

/* Zoom, as shown to the analyst, is the share of the page's real size
 * (100 % is a point drawn as 96/72 pixels, as in Papers); inside, it is
 * pixels per point. The natural width asks for a Letter page at 428 px,
 * readable beside the editor. */
#define PIXELS_PER_POINT (96.0 / 72.0)
#define ZOOM_NATURAL 0.7
#define SCALE_MIN 0.2
#define SCALE_MAX 4.0
#define SHADOW 6
#define PAGE_SPACING (18 - 2 * SHADOW)
#define PAGE_MARGIN (18 - SHADOW)
#define SCROLLBAR_ROOM 16

static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

static void update_current_page (DossierMemoPreview *self);

static void
page_size_px (DossierMemoPreview *self,
              int                *width,
              int                *height)
{
  double w, h;

  dossier_paper_get_size (self->paper, &w, &h);
  *width = (int)(w * self->zoom + 0.5);
  *height = (int)(h * self->zoom + 0.5);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  DossierMemoPreview *self = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "dossier-page"));
  int pw, ph;

  if (page >= self->n_pages)
    return;

  page_size_px (self, &pw, &ph);

  /* A soft shadow (a few widening translucent frames, offset down) so the
   * white sheet reads as paper on a light background too. */
  for (int i = SHADOW; i >= 1; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.045);
      cairo_rectangle (cr, SHADOW - i, SHADOW - i + 2, pw + 2 * i, ph + 2 * i - 2);
      cairo_fill (cr);
    }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, SHADOW - 0.5, SHADOW - 0.5, pw + 1, ph + 1.5);
  cairo_fill (cr);

  /* Paper is white in the dark style too: this is what will print. */
  cairo_rectangle (cr, SHADOW, SHADOW, pw, ph);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  cairo_translate (cr, SHADOW, SHADOW);
  cairo_scale (cr, self->zoom, self->zoom);
  dossier_page_layout_draw_page (self->layout, cr, page);
}

static void
update_page_label (DossierMemoPreview *self,
                   GtkWidget          *area,
                   guint               page)
{
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);

  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_page (DossierMemoPreview *self,
             guint               page)
{
  GtkWidget *area = gtk_drawing_area_new ();
  int pw, ph;

  page_size_px (self, &pw, &ph);
  g_object_set_data (G_OBJECT (area), "dossier-page", GUINT_TO_POINTER (page));
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), pw + 2 * SHADOW);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), ph + 2 * SHADOW);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  return area;
}

static void
resize_pages (DossierMemoPreview *self)
{
  int pw, ph;

  page_size_px (self, &pw, &ph);
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *area = g_ptr_array_index (self->pages, i);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), pw + 2 * SHADOW);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), ph + 2 * SHADOW);
      gtk_widget_queue_draw (area);
    }
}

static void
relayout (DossierMemoPreview *self)
{
  g_autoptr(DossierLayoutDocument) document = NULL;
  guint n_pages, old_n_pages = self->n_pages;
  gint64 start = g_get_monotonic_time (), built;

  g_clear_handle_id (&self->relayout_source, g_source_remove);
  self->dirty = FALSE;

  if (self->memo != NULL)
    document = dossier_memo_to_layout_document (self->memo);
  built = g_get_monotonic_time ();
  dossier_page_layout_set_document (self->layout, document);
  n_pages = document != NULL ? dossier_page_layout_get_n_pages (self->layout) : 0;
  self->n_pages = n_pages;

  g_debug ("relayout: %u pages in %.1f ms (document %.1f ms, layout %.1f ms)", n_pages,
           (g_get_monotonic_time () - start) / 1000.0, (built - start) / 1000.0,
           (g_get_monotonic_time () - built) / 1000.0);

  while (self->pages->len < n_pages)
    {
      GtkWidget *area = create_page (self, self->pages->len);

      gtk_box_append (GTK_BOX (self->pages_box), area);
      g_ptr_array_add (self->pages, area);
    }
  while (self->pages->len > n_pages)
    {
      GtkWidget *area = g_ptr_array_steal_index (self->pages, self->pages->len - 1);

      gtk_box_remove (GTK_BOX (self->pages_box), area);
    }

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *area = g_ptr_array_index (self->pages, i);

      if (self->resize_all || i >= old_n_pages || dossier_page_layout_get_page_changed (self->layout, i))
        gtk_widget_queue_draw (area);
      if (n_pages != old_n_pages || i >= old_n_pages)
        update_page_label (self, area, i);
    }
  if (self->resize_all)
    resize_pages (self);
  self->resize_all = FALSE;

  if (n_pages != old_n_pages)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
      update_current_page (self);
    }
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
relayout_timeout_cb (gpointer data)
{
  DossierMemoPreview *self = data;

  self->relayout_source = 0;
  relayout (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_relayout (DossierMemoPreview *self)
{
  gint64 now = g_get_monotonic_time ();

  self->dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* Wait for a pause in the typing, but not forever. */
  if (self->relayout_source != 0)
    {
      if (now - self->pending_since >= RELAYOUT_MAX_WAIT_US)
        return;
      g_clear_handle_id (&self->relayout_source, g_source_remove);
    }
  else
    self->pending_since = now;

  self->relayout_source = g_timeout_add (RELAYOUT_DELAY_MS, relayout_timeout_cb, self);
}

static void
dossier_memo_preview_map (GtkWidget *widget)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (widget);

  GTK_WIDGET_CLASS (dossier_memo_preview_parent_class)->map (widget);

  /* Lay out pending edits right after this frame: showing the preview
   * (or the window) is not held up by a long memo's layout. */
  if (self->dirty && self->relayout_source == 0)
    {
      self->pending_since = g_get_monotonic_time ();
      self->relayout_source = g_idle_add_full (G_PRIORITY_LOW, relayout_timeout_cb, self, NULL);
    }
}

static void
dossier_memo_preview_unmap (GtkWidget *widget)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (widget);

  if (self->relayout_source != 0)
    {
      g_clear_handle_id (&self->relayout_source, g_source_remove);
      self->dirty = TRUE;
    }

  GTK_WIDGET_CLASS (dossier_memo_preview_parent_class)->unmap (widget);
}

/* ---- Zoom and pages --------------------------------------------------- */

static double
page_height_px (DossierMemoPreview *self)
{
  int pw, ph;

  page_size_px (self, &pw, &ph);
  return ph + 2 * SHADOW + PAGE_SPACING;
}

static void
update_current_page (DossierMemoPreview *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  double page_h = page_height_px (self);
  guint page;

  /* The top of the memo is its first page and the end its last, however
   * many pages the view shows; in between, the page a third of the way
   * down the view (or of a page, zoomed out) is the one being read. */
  if (self->n_pages == 0 || value <= 0)
    page = 0;
  else if (upper > page_size && value >= upper - page_size - 1)
    page = self->n_pages - 1;
  else
    {
      double y = value + MIN (page_size, page_h) / 3 - PAGE_MARGIN;

      page = y > 0 ? MIN ((guint) (y / page_h), self->n_pages - 1) : 0;
    }
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

/* Once the resized pages are laid out, the middle of the view goes back
 * to where it was in the memo. */
static void
adjustment_changed_cb (DossierMemoPreview *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);

  if (self->keep_anchor && upper > 0)
    {
      self->keep_anchor = FALSE;
      gtk_adjustment_set_value (adjustment, self->anchor * upper - page_size / 2);
    }
  update_current_page (self);
}

static gboolean
zoom_changed_cb (gpointer data)
{
  DossierMemoPreview *self = data;

  self->zoom_source = 0;
  resize_pages (self);
  return G_SOURCE_REMOVE;
}

static void
apply_zoom (DossierMemoPreview *self,
            double              zoom)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper = gtk_adjustment_get_upper (adjustment);

  zoom = CLAMP (zoom, SCALE_MIN * PIXELS_PER_POINT, SCALE_MAX * PIXELS_PER_POINT);
  if (fabs (zoom - self->zoom) < 0.002)
    return;

  /* At the top, the view stays at the top. */
  if (upper > 0 && !self->keep_anchor && gtk_adjustment_get_value (adjustment) > 0)
    {
      self->anchor = (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2) / upper;
      self->keep_anchor = TRUE;
    }
  self->zoom = zoom;
  /* Resizing the pages inside an allocation would loop: do it after. */
  if (self->zoom_source == 0)
    self->zoom_source = g_idle_add (zoom_changed_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
dossier_memo_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);

  /* Ask for a whole page at a legible size, whatever the zoom now. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double w;

      dossier_paper_get_size (self->paper, &w, NULL);
      *natural = MAX (*minimum, (int)(w * ZOOM_NATURAL) + 2 * SHADOW + 2 * PAGE_MARGIN + SCROLLBAR_ROOM);
    }
}

static void
dossier_memo_preview_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (widget);
  double w;

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);

  /* The page fits the width (less the margins and a vertical scrollbar). */
  dossier_paper_get_size (self->paper, &w, NULL);
  self->fit_zoom = CLAMP ((width - 2 * SHADOW - 2 * PAGE_MARGIN - SCROLLBAR_ROOM) / w,
                          SCALE_MIN * PIXELS_PER_POINT, SCALE_MAX * PIXELS_PER_POINT);
  if (self->fit_width)
    apply_zoom (self, self->fit_zoom);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DossierMemoPreview       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Ctrl+scroll zooms, as in Papers; plain scrolling scrolls. */
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return GDK_EVENT_PROPAGATE;
  dossier_memo_preview_set_zoom (self, dossier_memo_preview_get_zoom (self) * (dy < 0 ? 1.1 : 1 / 1.1));
  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (DossierMemoPreview *self)
{
  self->gesture_zoom = dossier_memo_preview_get_zoom (self);
}

static void
pinch_scale_changed_cb (DossierMemoPreview *self,
                        double              scale)
{
  dossier_memo_preview_set_zoom (self, self->gesture_zoom * scale);
}

/* The pages lie on a desk a shade darker than the window (lighter in the
 * dark style), so white paper stands out in both. */
static const char preview_css[] =
  "dossiermemopreview { background-color: @window_bg_color; background-image: image(@shade_color); }";

static void
dossier_memo_preview_realize (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (g_object_get_data (G_OBJECT (display), "dossier-memo-preview-css") == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, preview_css, -1);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "dossier-memo-preview-css", provider, g_object_unref);
    }

  GTK_WIDGET_CLASS (dossier_memo_preview_parent_class)->realize (widget);
}

static void
dossier_memo_preview_dispose (GObject *object)
{
  DossierMemoPreview *self = (DossierMemoPreview *)object;

  g_clear_handle_id (&self->relayout_source, g_source_remove);
  g_clear_handle_id (&self->zoom_source, g_source_remove);
  if (self->memo != NULL)
    g_clear_signal_handler (&self->changed_handler, self->memo);
  g_clear_object (&self->memo);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (dossier_memo_preview_parent_class)->dispose (object);
}

static void
dossier_memo_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      g_value_set_object (value, self->memo);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, dossier_memo_preview_get_zoom (self));
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierMemoPreview *self = DOSSIER_MEMO_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      dossier_memo_preview_set_memo (self, g_value_get_object (value));
      break;
    case PROP_PAPER:
      dossier_memo_preview_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_ZOOM:
      dossier_memo_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      dossier_memo_preview_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_PAGE:
      dossier_memo_preview_go_to_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_preview_class_init (DossierMemoPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_memo_preview_dispose;
  object_class->get_property = dossier_memo_preview_get_property;
  object_class->set_property = dossier_memo_preview_set_property;
  widget_class->realize = dossier_memo_preview_realize;
  widget_class->measure = dossier_memo_preview_measure;
  widget_class->size_allocate = dossier_memo_preview_size_allocate;
  widget_class->map = dossier_memo_preview_map;
  widget_class->unmap = dossier_memo_preview_unmap;

  properties[PROP_MEMO] =
    g_param_spec_object ("memo", NULL, NULL, DOSSIER_TYPE_MEMO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_enum ("paper", NULL, NULL, DOSSIER_TYPE_PAPER, DOSSIER_PAPER_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPreview:zoom:
   *
   * The size of the pages as a share of their real size (1.0 is 100 %);
   * setting it turns #DossierMemoPreview:fit-width off.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SCALE_MIN, SCALE_MAX, ZOOM_NATURAL / PIXELS_PER_POINT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPreview:fit-width:
   *
   * Whether the pages follow the width of the preview (the default).
   */
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPreview:page:
   *
   * The page at the top of the view, from 0; setting it scrolls there.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierMemoPreview::updated:
   *
   * Emitted after each relayout (the pages shown match the memo).
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "dossiermemopreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_memo_preview_init (DossierMemoPreview *self)
{
  GtkEventController *scroll;
  GtkGesture *pinch;
  GtkAdjustment *adjustment;

  self->paper = dossier_paper_get_default ();
  self->zoom = ZOOM_NATURAL;
  self->fit_zoom = ZOOM_NATURAL;
  self->fit_width = TRUE;
  self->layout = dossier_page_layout_new (self->paper);
  self->pages = g_ptr_array_new ();

  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_halign (self->pages_box, GTK_ALIGN_CENTER);

  self->scroller = gtk_scrolled_window_new ();
  /* Scroll sideways rather than hold a narrow window wide: the natural
   * width (a whole page) is what it gets whenever there is room. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (self->scroller), 160);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->pages_box);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_current_page), self, G_CONNECT_SWAPPED);

  /* Before the scrolled window, which would scroll on Ctrl+wheel. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (self->scroller, scroll);
  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (self->scroller, GTK_EVENT_CONTROLLER (pinch));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print Preview"), -1);
}

/**
 * dossier_memo_preview_new:
 *
 * Returns: (transfer floating): a new preview, showing no memo
 */
GtkWidget *
dossier_memo_preview_new (void)
{
  return g_object_new (DOSSIER_TYPE_MEMO_PREVIEW, NULL);
}

/**
 * dossier_memo_preview_get_memo:
 *
 * Returns: (transfer none) (nullable): the memo shown
 */
DossierMemo *
dossier_memo_preview_get_memo (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), NULL);
  return self->memo;
}

/**
 * dossier_memo_preview_set_memo:
 * @memo: (nullable): the memo to show
 *
 * Shows @memo and follows its edits.
 */
void
dossier_memo_preview_set_memo (DossierMemoPreview *self,
                               DossierMemo        *memo)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));
  g_return_if_fail (memo == NULL || DOSSIER_IS_MEMO (memo));

  if (self->memo == memo)
    return;

  if (self->memo != NULL)
    g_clear_signal_handler (&self->changed_handler, self->memo);
  g_set_object (&self->memo, memo);
  if (memo != NULL)
    self->changed_handler = g_signal_connect_object (memo, "changed", G_CALLBACK (schedule_relayout),
                                                     self, G_CONNECT_SWAPPED);

  schedule_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMO]);
}

DossierPaper
dossier_memo_preview_get_paper (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), DOSSIER_PAPER_A4);
  return self->paper;
}

/**
 * dossier_memo_preview_set_paper:
 * @paper: the paper the memo will be exported or printed on
 */
void
dossier_memo_preview_set_paper (DossierMemoPreview *self,
                                DossierPaper        paper)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  if (self->paper == paper)
    return;

  self->paper = paper;
  dossier_page_layout_set_paper (self->layout, paper);
  self->resize_all = TRUE;
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/**
 * dossier_memo_preview_get_justify:
 *
 * Returns: whether the pages are laid out justified
 */
gboolean
dossier_memo_preview_get_justify (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), FALSE);

  return dossier_page_layout_get_justify (self->layout);
}

/**
 * dossier_memo_preview_set_justify:
 *
 * Lays the pages out justified (with hyphenation) or ragged right, as
 * the export will.
 */
void
dossier_memo_preview_set_justify (DossierMemoPreview *self,
                                  gboolean            justify)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  if (dossier_page_layout_get_justify (self->layout) == !!justify)
    return;

  dossier_page_layout_set_justify (self->layout, justify);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    relayout (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_memo_preview_get_n_pages:
 *
 * Returns: the number of pages shown (as of the last layout)
 */
guint
dossier_memo_preview_get_n_pages (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), 0);
  return self->n_pages;
}

/**
 * dossier_memo_preview_get_layout:
 *
 * Returns: (transfer none): the layout drawn (call
 *   dossier_memo_preview_flush() first for one that matches the memo)
 */
DossierPageLayout *
dossier_memo_preview_get_layout (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), NULL);
  return self->layout;
}

/**
 * dossier_memo_preview_flush:
 *
 * Lays out pending edits now, even while the preview is hidden.
 */
void
dossier_memo_preview_flush (DossierMemoPreview *self)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  if (self->dirty || self->relayout_source != 0)
    relayout (self);
}

/**
 * dossier_memo_preview_get_zoom:
 *
 * Returns: the size of the pages as a share of their real size (1.0 is
 *   100 %)
 */
double
dossier_memo_preview_get_zoom (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), 1.0);
  return self->zoom / PIXELS_PER_POINT;
}

/**
 * dossier_memo_preview_set_zoom:
 * @zoom: the size of the pages as a share of their real size, from 0.2
 *   to 4.0 (clamped)
 *
 * Zooms the pages, keeping the middle of the view where it is; the pages
 * no longer follow the width of the preview.
 */
void
dossier_memo_preview_set_zoom (DossierMemoPreview *self,
                               double              zoom)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  dossier_memo_preview_set_fit_width (self, FALSE);
  apply_zoom (self, zoom * PIXELS_PER_POINT);
}

/* The next zoom level up (@direction 1) or down (-1) from the zoom now,
 * so that steps land on round figures even after a pinch. */
static double
next_zoom_level (double zoom,
                 int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom + 0.005)
          return zoom_levels[i];
      return SCALE_MAX;
    }
  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom - 0.005)
      return zoom_levels[i - 1];
  return SCALE_MIN;
}

/**
 * dossier_memo_preview_zoom_in:
 *
 * Zooms in to the next of the usual levels (… 75 %, 100 %, 125 % …).
 */
void
dossier_memo_preview_zoom_in (DossierMemoPreview *self)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));
  dossier_memo_preview_set_zoom (self, next_zoom_level (dossier_memo_preview_get_zoom (self), 1));
}

/**
 * dossier_memo_preview_zoom_out:
 *
 * Zooms out to the next of the usual levels.
 */
void
dossier_memo_preview_zoom_out (DossierMemoPreview *self)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));
  dossier_memo_preview_set_zoom (self, next_zoom_level (dossier_memo_preview_get_zoom (self), -1));
}

/**
 * dossier_memo_preview_get_fit_width:
 *
 * Returns: whether the pages follow the width of the preview
 */
gboolean
dossier_memo_preview_get_fit_width (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), FALSE);
  return self->fit_width;
}

/**
 * dossier_memo_preview_set_fit_width:
 *
 * Makes the pages as wide as the preview, now and as it is resized.
 */
void
dossier_memo_preview_set_fit_width (DossierMemoPreview *self,
                                    gboolean            fit_width)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  if (fit_width)
    apply_zoom (self, self->fit_zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

/**
 * dossier_memo_preview_get_page:
 *
 * Returns: the page at the top of the view (from 0)
 */
guint
dossier_memo_preview_get_page (DossierMemoPreview *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PREVIEW (self), 0);
  return self->page;
}

/**
 * dossier_memo_preview_go_to_page:
 * @page: a page, from 0 (clamped to the last)
 *
 * Scrolls the top of @page to the top of the view.
 */
void
dossier_memo_preview_go_to_page (DossierMemoPreview *self,
                                 guint               page)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (DOSSIER_IS_MEMO_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  self->keep_anchor = FALSE;
  gtk_adjustment_set_value (adjustment, page * page_height_px (self));
  /* Said at once, even where the last pages cannot scroll to the top. */
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}
