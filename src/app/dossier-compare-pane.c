/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-pane"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-compare-pane.h"

/*
 * One side of a comparison: a header naming the article (title, author,
 * outlet and date, as Meld names its files above each pane; "Older" or
 * "Newer" when comparing versions), the overview strip along its outer
 * edge, and the paragraphs, one list row each (row i is paragraph i, so
 * the model's indices address rows directly). The page decides what to
 * mark and select; the pane renders it and reports activations.
 */
struct _DossierComparePane
{
  GtkWidget parent_instance;

  GtkLabel *role_label;
  GtkLabel *title_label;
  GtkLabel *byline_label;
  GtkBox *body;
  DossierOverviewStrip *strip;
  GtkScrolledWindow *scroller;
  GtkListBox *list;

  DossierDocument *document;
  gboolean left;
  gboolean keep_other;      /* Ctrl was held when the row was activated */
};

G_DEFINE_FINAL_TYPE (DossierComparePane, dossier_compare_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PARAGRAPH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the header ---- */

static char *
format_date (const char *iso)
{
  guint year, month, day;
  g_autoptr(GDateTime) date = NULL;
  int n;

  if (iso == NULL)
    return NULL;
  n = sscanf (iso, "%4u-%2u-%2u", &year, &month, &day);
  if (n == 1)
    return g_strdup_printf ("%u", year);
  if (n != 3)
    return NULL;
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;
  /* Translators: an article's date above a comparison pane, see
   * strftime(3): "Apr 12, 2024" */
  return g_date_time_format (date, _("%b %-d, %Y"));
}

static void
update_header (DossierComparePane *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *byline = NULL;
  g_autofree char *accessible = NULL;
  const char *title = NULL, *publisher = NULL;
  char *authors = NULL, *date = NULL;

  if (self->document != NULL)
    {
      title = dossier_document_get_title (self->document);
      publisher = dossier_document_get_publisher (self->document);
      authors = dossier_document_dup_author_names (self->document);
      date = format_date (dossier_document_get_published (self->document));
    }
  if (title == NULL || *title == '\0')
    title = _("Untitled");

  if (authors != NULL && *authors != '\0')
    g_ptr_array_add (parts, authors);
  else
    g_free (authors);
  if (publisher != NULL && *publisher != '\0')
    g_ptr_array_add (parts, g_strdup (publisher));
  if (date != NULL)
    g_ptr_array_add (parts, date);
  g_ptr_array_add (parts, NULL);
  byline = g_strjoinv (" · ", (char **) parts->pdata);

  /* plain text labels: titles may hold markup characters */
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_text (self->byline_label, byline);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->byline_label), *byline ? byline : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), *byline != '\0');

  accessible = *byline ? g_strdup_printf ("%s, %s", title, byline) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- paragraphs ---- */

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const DossierPaneMark *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Document text goes into Pango markup escaped, with the marks around it. */
static char *
build_markup (const char *text,
              GArray     *marks)
{
  GString *out = g_string_new (NULL);
  glong length = g_utf8_strlen (text, -1);
  guint pos = 0;

  if (marks != NULL)
    g_array_sort (marks, compare_marks);
  for (guint i = 0; i <= (marks != NULL ? marks->len : 0); i++)
    {
      const DossierPaneMark *mark = marks != NULL && i < marks->len ? &g_array_index (marks, DossierPaneMark, i) : NULL;
      guint start = mark != NULL ? MIN (mark->start, (guint) length) : (guint) length;
      guint end = mark != NULL ? MIN (mark->end, (guint) length) : (guint) length;

      if (start < pos)   /* overlapping marks: the first wins */
        continue;
      if (start > pos)
        {
          g_autofree char *plain = g_utf8_substring (text, pos, start);
          g_autofree char *escaped = g_markup_escape_text (plain, -1);
          g_string_append (out, escaped);
        }
      if (mark != NULL && end > start)
        {
          g_autofree char *inner = g_utf8_substring (text, start, end);
          g_autofree char *escaped = g_markup_escape_text (inner, -1);

          switch (mark->kind)
            {
            case DOSSIER_PANE_MARK_TERM:
              g_string_append_printf (out, "<b><u>%s</u></b>", escaped);
              break;
            /* translucent tints over the label's own colour, so the text
             * keeps the style's foreground and reads in light and dark */
            case DOSSIER_PANE_MARK_DELETE:
              g_string_append_printf (out, "<span background=\"#e01b24\" bgalpha=\"22%%\" strikethrough=\"true\">%s</span>", escaped);
              break;
            case DOSSIER_PANE_MARK_INSERT:
              g_string_append_printf (out, "<span background=\"#2ec27e\" bgalpha=\"25%%\">%s</span>", escaped);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      pos = MAX (pos, end);
    }

  return g_string_free (out, FALSE);
}

static GtkLabel *
row_label (GtkListBoxRow *row)
{
  return GTK_LABEL (gtk_list_box_row_get_child (row));
}

static void
fill_list (DossierComparePane *self)
{
  GtkWidget *row;
  GListModel *paragraphs;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0))) != NULL)
    gtk_list_box_remove (self->list, row);
  if (self->document == NULL)
    return;

  paragraphs = dossier_document_get_paragraphs (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) par = g_list_model_get_item (paragraphs, i);
      GtkWidget *label = gtk_label_new (dossier_paragraph_get_text (par));

      row = gtk_list_box_row_new ();
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_add_css_class (label, "compare-paragraph");
      if (dossier_paragraph_get_kind (par) == DOSSIER_PARAGRAPH_HEADING)
        gtk_widget_add_css_class (label, "heading");
      else if (dossier_paragraph_get_kind (par) == DOSSIER_PARAGRAPH_QUOTE)
        gtk_widget_add_css_class (label, "quote");   /* set in, as in the reader */
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_append (self->list, row);
    }
}

/**
 * dossier_compare_pane_render:
 * @self: a pane
 * @paragraph: a paragraph
 * @marks: (element-type DossierPaneMark) (nullable): what to mark in it
 *   (sorted in place)
 */
void
dossier_compare_pane_render (DossierComparePane *self,
                             guint               paragraph,
                             GArray             *marks)
{
  GtkListBoxRow *row;
  g_autoptr(DossierParagraph) par = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  row = gtk_list_box_get_row_at_index (self->list, paragraph);
  if (row == NULL || self->document == NULL)
    return;
  par = g_list_model_get_item (dossier_document_get_paragraphs (self->document), paragraph);
  markup = build_markup (dossier_paragraph_get_text (par), marks);
  gtk_label_set_markup (row_label (row), markup);
}

/**
 * dossier_compare_pane_describe:
 * @self: a pane
 * @paragraph: a paragraph
 * @description: (nullable): what assistive technologies say about its
 *   links after its text
 */
void
dossier_compare_pane_describe (DossierComparePane *self,
                               guint               paragraph,
                               const char         *description)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  row = gtk_list_box_get_row_at_index (self->list, paragraph);
  if (row == NULL)
    return;
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * dossier_compare_pane_select:
 * @self: a pane
 * @paragraphs: (array length=n_paragraphs) (nullable): the paragraphs to
 *   select; every other is unselected
 * @n_paragraphs: how many
 */
void
dossier_compare_pane_select (DossierComparePane *self,
                             const guint        *paragraphs,
                             guint               n_paragraphs)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  gtk_list_box_unselect_all (self->list);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, paragraphs[i]);

      if (row != NULL)
        gtk_list_box_select_row (self->list, row);
    }
}

/* ---- positions ---- */

/**
 * dossier_compare_pane_get_row_y:
 * @self: a pane
 * @paragraph: a paragraph
 *
 * Returns: where the paragraph starts in the scrolled area (the scroll
 *   value that puts it at the top)
 */
double
dossier_compare_pane_get_row_y (DossierComparePane *self,
                                guint               paragraph)
{
  GtkListBoxRow *row;
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), 0.0);

  row = gtk_list_box_get_row_at_index (self->list, paragraph);
  if (row == NULL || !gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self->list), &in, &out))
    return 0.0;
  /* the list's own top margin is outside it; the scroller sees it */
  return out.y + gtk_widget_get_margin_top (GTK_WIDGET (self->list));
}

double
dossier_compare_pane_get_row_height (DossierComparePane *self,
                                     guint               paragraph)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), 0.0);

  row = gtk_list_box_get_row_at_index (self->list, paragraph);
  return row != NULL ? gtk_widget_get_height (GTK_WIDGET (row)) : 0.0;
}

/**
 * dossier_compare_pane_get_top_row:
 * @self: a pane
 *
 * Returns: the paragraph at the top of the view, or -1
 */
int
dossier_compare_pane_get_top_row (DossierComparePane *self)
{
  double value;
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), -1);

  value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  row = gtk_list_box_get_row_at_y (self->list, MAX (0, (int) (value - gtk_widget_get_margin_top (GTK_WIDGET (self->list)))));
  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

gboolean
dossier_compare_pane_row_in_view (DossierComparePane *self,
                                  guint               paragraph)
{
  GtkAdjustment *adjustment;
  double y, top;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), FALSE);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  y = dossier_compare_pane_get_row_y (self, paragraph);
  top = gtk_adjustment_get_value (adjustment);
  return y >= top &&
         y + dossier_compare_pane_get_row_height (self, paragraph) <= top + gtk_adjustment_get_page_size (adjustment);
}

/**
 * dossier_compare_pane_scroll_to:
 * @self: a pane
 * @paragraph: a paragraph
 *
 * Brings the paragraph to the top of the view, with a little room above.
 */
void
dossier_compare_pane_scroll_to (DossierComparePane *self,
                                guint               paragraph)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  if (gtk_list_box_get_row_at_index (self->list, paragraph) == NULL)
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                            dossier_compare_pane_get_row_y (self, paragraph) - 12.0);
}

/* ---- activation ---- */

/* Ctrl+click (or Ctrl+Enter) picks a paragraph on this side without
 * moving the other side's choice: how a pair that is not linked is chosen
 * to be linked. The state of a click is read when the press starts it. */
static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            DossierComparePane *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->keep_other = (state & GDK_CONTROL_MASK) != 0;
}

/* The list activates its rows on Enter and Space without modifiers only;
 * with Ctrl they choose the focused row keeping the other side. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierComparePane    *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  gboolean activate = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
                      keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space;

  self->keep_other = FALSE;
  if (!activate || (state & GDK_CONTROL_MASK) == 0 || row == NULL ||
      gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return GDK_EVENT_PROPAGATE;

  g_signal_emit (self, signals[SIGNAL_PARAGRAPH_ACTIVATED], 0,
                 (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), TRUE);
  return GDK_EVENT_STOP;
}

static void
row_activated_cb (DossierComparePane *self,
                  GtkListBoxRow      *row)
{
  gboolean keep_other = self->keep_other;

  self->keep_other = FALSE;
  g_signal_emit (self, signals[SIGNAL_PARAGRAPH_ACTIVATED], 0, (guint) gtk_list_box_row_get_index (row), keep_other);
}

/* ---- object ---- */

static void
dossier_compare_pane_dispose (GObject *object)
{
  DossierComparePane *self = DOSSIER_COMPARE_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COMPARE_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (dossier_compare_pane_parent_class)->dispose (object);
}

static void
dossier_compare_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierComparePane *self = DOSSIER_COMPARE_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LEFT:
      g_value_set_boolean (value, self->left);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierComparePane *self = DOSSIER_COMPARE_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_compare_pane_set_document (self, g_value_get_object (value));
      break;
    case PROP_LEFT:
      self->left = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_pane_constructed (GObject *object)
{
  DossierComparePane *self = DOSSIER_COMPARE_PANE (object);

  G_OBJECT_CLASS (dossier_compare_pane_parent_class)->constructed (object);

  /* the strip runs along the outer edge, the gutter along the inner one */
  if (self->left)
    {
      gtk_widget_set_margin_start (GTK_WIDGET (self->list), 6);
      gtk_widget_add_css_class (GTK_WIDGET (self), "left");
    }
  else
    {
      gtk_box_reorder_child_after (self->body, GTK_WIDGET (self->strip), GTK_WIDGET (self->scroller));
      gtk_widget_set_margin_end (GTK_WIDGET (self->list), 6);
      gtk_widget_add_css_class (GTK_WIDGET (self), "right");
    }
  dossier_overview_strip_set_pane (self->strip, self->list, gtk_scrolled_window_get_vadjustment (self->scroller),
                                   self->left);
  dossier_compare_pane_set_versions (self, FALSE);
}

static void
dossier_compare_pane_class_init (DossierComparePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_compare_pane_constructed;
  object_class->dispose = dossier_compare_pane_dispose;
  object_class->get_property = dossier_compare_pane_get_property;
  object_class->set_property = dossier_compare_pane_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEFT] =
    g_param_spec_boolean ("left", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierComparePane::paragraph-activated:
   * @paragraph: the paragraph clicked or activated with the keyboard
   * @keep_other: Ctrl was held: choose it without moving the other side
   */
  signals[SIGNAL_PARAGRAPH_ACTIVATED] =
    g_signal_new ("paragraph-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  g_type_ensure (DOSSIER_TYPE_OVERVIEW_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-compare-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, role_label);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, body);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, strip);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePane, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiercomparepane");
}

static void
dossier_compare_pane_init (DossierComparePane *self)
{
  GtkGesture *click;
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (click));
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), key);
}

DossierDocument *
dossier_compare_pane_get_document (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), NULL);
  return self->document;
}

/**
 * dossier_compare_pane_set_document:
 * @self: a pane
 * @document: (nullable): the article to show
 */
void
dossier_compare_pane_set_document (DossierComparePane *self,
                                   DossierDocument    *document)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  if (!g_set_object (&self->document, document))
    return;
  fill_list (self);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
dossier_compare_pane_get_left (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), FALSE);
  return self->left;
}

/**
 * dossier_compare_pane_set_versions:
 * @self: a pane
 * @versions: whether two versions are compared: the header then says
 *   which one this is
 */
void
dossier_compare_pane_set_versions (DossierComparePane *self,
                                   gboolean            versions)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PANE (self));

  gtk_label_set_text (self->role_label,
                      /* Translators: the left pane when comparing versions */
                      self->left ? C_("version", "Older")
                      /* Translators: the right pane when comparing versions */
                                 : C_("version", "Newer"));
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), versions);
}

GtkListBox *
dossier_compare_pane_get_list (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), NULL);
  return self->list;
}

GtkAdjustment *
dossier_compare_pane_get_vadjustment (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), NULL);
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

DossierOverviewStrip *
dossier_compare_pane_get_strip (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), NULL);
  return self->strip;
}

guint
dossier_compare_pane_get_n_paragraphs (DossierComparePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PANE (self), 0);
  return self->document != NULL ? g_list_model_get_n_items (dossier_document_get_paragraphs (self->document)) : 0;
}
