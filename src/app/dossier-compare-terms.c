/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-terms"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-compare-terms.h"

/*
 * The panel above a comparison's panes: the terms both articles weigh and
 * those only one uses, the sources both cite, and the people and
 * organisations only one names. Each is a chip; activating it reports the
 * paragraphs concerned on each side ("show-paragraphs"), which the page
 * selects. The chips hold their own copies of the paragraph lists, so a
 * recomputation freeing the result under them is harmless.
 */
struct _DossierCompareTerms
{
  GtkWidget parent_instance;

  GtkBox *box;
  guint n_chips;
};

G_DEFINE_FINAL_TYPE (DossierCompareTerms, dossier_compare_terms, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_PARAGRAPHS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chip_clicked_cb (GtkButton           *button,
                 DossierCompareTerms *self)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_PARAGRAPHS], 0,
                 g_object_get_data (G_OBJECT (button), "left"),
                 g_object_get_data (G_OBJECT (button), "right"));
}

/* One strip of the panel: a caption, then chips that wrap onto more lines
 * instead of running off the right edge unseen. */
static GtkWidget *
add_strip (DossierCompareTerms *self,
           const char          *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_size_request (label, 110, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 5);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (flow, "compare-strip");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 40);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 0);
  gtk_widget_set_hexpand (flow, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), flow);

  gtk_box_append (self->box, box);
  return flow;
}

static void
add_chip (DossierCompareTerms *self,
          GtkWidget           *flow,
          const char          *text,
          const char          *tooltip,
          GArray              *left,
          GArray              *right)
{
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_set_tooltip_text (button, tooltip);
  if (left != NULL)
    g_object_set_data_full (G_OBJECT (button), "left", g_array_ref (left), (GDestroyNotify) g_array_unref);
  if (right != NULL)
    g_object_set_data_full (G_OBJECT (button), "right", g_array_ref (right), (GDestroyNotify) g_array_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (chip_clicked_cb), self, 0);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
  /* the chip is the tab stop, not the flow box child around it */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  self->n_chips++;
}

static void
add_terms (DossierCompareTerms *self,
           const char          *title,
           GPtrArray           *terms)
{
  GtkWidget *flow;

  if (terms == NULL || terms->len == 0)
    return;
  flow = add_strip (self, title);
  for (guint i = 0; i < terms->len; i++)
    {
      DossierTopicTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *tooltip = g_strdup_printf (_("Show the paragraphs about “%s”"), term->display);

      add_chip (self, flow, term->display, tooltip, term->a_paragraphs, term->b_paragraphs);
    }
}

/* The paragraphs of a document that refer to any of the given notes. */
static GArray *
paragraphs_citing (DossierDocument *document,
                   GArray          *notes)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) par = g_list_model_get_item (paragraphs, i);

      for (guint n = 0; n < notes->len; n++)
        if (dossier_paragraph_references (par, g_array_index (notes, guint, n)))
          {
            g_array_append_val (out, i);
            break;
          }
    }
  return out;
}

/* A work cited by title and address is found twice (as a "work" and as a
 * "url"); list it once, by its title. */
static gboolean
same_notes (GArray *x,
            GArray *y)
{
  for (guint i = 0; i < x->len; i++)
    for (guint j = 0; j < y->len; j++)
      if (g_array_index (x, guint, i) == g_array_index (y, guint, j))
        return TRUE;
  return FALSE;
}

static gboolean
source_has_title (const DossierCompareResult *result,
                  DossierSharedSource        *source)
{
  if (g_strcmp0 (source->kind, "url") != 0)
    return FALSE;
  for (guint i = 0; i < result->sources->len; i++)
    {
      DossierSharedSource *other = g_ptr_array_index (result->sources, i);

      if (g_strcmp0 (other->kind, "work") == 0 &&
          same_notes (other->a_notes, source->a_notes) &&
          same_notes (other->b_notes, source->b_notes))
        return TRUE;
    }
  return FALSE;
}

static void
add_sources (DossierCompareTerms        *self,
             const DossierCompareResult *result,
             DossierDocument            *left,
             DossierDocument            *right)
{
  GtkWidget *flow;

  if (result->sources->len == 0)
    return;
  flow = add_strip (self, _("Shared sources"));
  for (guint i = 0; i < result->sources->len && i < 8; i++)
    {
      DossierSharedSource *source = g_ptr_array_index (result->sources, i);
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;
      g_autofree char *start = NULL;
      g_autofree char *label = NULL;

      if (source_has_title (result, source))
        continue;
      a = paragraphs_citing (left, source->a_notes);
      b = paragraphs_citing (right, source->b_notes);
      start = g_utf8_substring (source->display, 0, 47);
      label = g_utf8_strlen (source->display, -1) > 48 ? g_strconcat (start, "…", NULL) : g_strdup (source->display);
      add_chip (self, flow, label, source->display, a, b);
    }
}

/* Who is named on one side only ("Lee never names Yoon"). */
static void
add_names (DossierCompareTerms        *self,
           const DossierCompareResult *result,
           gboolean                    left)
{
  GPtrArray *names = left ? result->names_a : result->names_b;
  GtkWidget *flow = NULL;
  guint shown = 0;

  for (guint i = 0; i < names->len && shown < 10; i++)
    {
      DossierNamedEntity *entity = g_ptr_array_index (names, i);
      g_autofree char *tooltip = NULL;

      if (dossier_compare_result_name_is_shared ((DossierCompareResult *) result, left, entity))
        continue;
      if (flow == NULL)
        flow = add_strip (self, left ? _("Named only left") : _("Named only right"));
      tooltip = g_strdup_printf (ngettext ("Named %u time", "Named %u times", entity->mentions), entity->mentions);
      add_chip (self, flow, entity->name, tooltip, left ? entity->paragraphs : NULL, left ? NULL : entity->paragraphs);
      shown++;
    }
}

/**
 * dossier_compare_terms_show:
 * @self: a panel
 * @result: (nullable): what the comparison found, or %NULL to empty it
 * @left: the left document
 * @right: the right document
 */
void
dossier_compare_terms_show (DossierCompareTerms        *self,
                            const DossierCompareResult *result,
                            DossierDocument            *left,
                            DossierDocument            *right)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_COMPARE_TERMS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  self->n_chips = 0;
  if (result == NULL)
    return;

  add_terms (self, _("Both"), result->shared_terms);
  add_terms (self, _("Only left"), result->only_a_terms);
  add_terms (self, _("Only right"), result->only_b_terms);
  add_sources (self, result, left, right);
  add_names (self, result, TRUE);
  add_names (self, result, FALSE);
}

/**
 * dossier_compare_terms_get_n_chips:
 * @self: a panel
 *
 * Returns: how many terms, sources and names it shows
 */
guint
dossier_compare_terms_get_n_chips (DossierCompareTerms *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_TERMS (self), 0);
  return self->n_chips;
}

static void
dossier_compare_terms_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_COMPARE_TERMS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_compare_terms_parent_class)->dispose (object);
}

static void
dossier_compare_terms_class_init (DossierCompareTermsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_compare_terms_dispose;

  /**
   * DossierCompareTerms::show-paragraphs:
   * @left: (element-type guint) (nullable): the left paragraphs concerned
   * @right: (element-type guint) (nullable): the right ones
   *
   * A chip was activated.
   */
  signals[SIGNAL_SHOW_PARAGRAPHS] =
    g_signal_new ("show-paragraphs", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ARRAY, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-compare-terms.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierCompareTerms, box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiercompareterms");
}

static void
dossier_compare_terms_init (DossierCompareTerms *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
