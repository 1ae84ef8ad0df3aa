/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-annotations-list"

#include "config.h"

#include <glib/gi18n.h>

#include "store/dossier-highlight.h"
#include "dossier-annotations-list.h"

/*
 * The highlights and notes of the article being read, in reading order,
 * as Foliate's annotations sidebar lists them: each passage quoted, its
 * note under it. Activating one emits ::highlight-activated for the
 * reader page to show the passage.
 */
struct _DossierAnnotationsList
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkListBox *list_box;

  GListModel *highlights;
};

G_DEFINE_FINAL_TYPE (DossierAnnotationsList, dossier_annotations_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HIGHLIGHT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DossierHighlight *highlight = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), dossier_highlight_get_text (highlight) ?: "");
  const char *note = dossier_highlight_get_note (highlight);
  GtkWidget *text = gtk_label_new (quoted);
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  /* A long passage is shown whole in the text, a click away. */
  gtk_label_set_lines (GTK_LABEL (text), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_widget_add_css_class (text, "annotation-text");
  gtk_box_append (GTK_BOX (box), text);

  if (note != NULL && *note != '\0')
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (note_label), 36);
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (box), note_label);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_highlight_get_text (highlight) ?: "", -1);
  return row;
}

static void
row_activated_cb (DossierAnnotationsList *self,
                  GtkListBoxRow          *row)
{
  g_autoptr(DossierHighlight) highlight = NULL;

  if (self->highlights == NULL)
    return;
  highlight = g_list_model_get_item (self->highlights, (guint) gtk_list_box_row_get_index (row));
  if (highlight != NULL)
    g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, highlight);
}

static void
update_stack (DossierAnnotationsList *self)
{
  gboolean any = self->highlights != NULL && g_list_model_get_n_items (self->highlights) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
dossier_annotations_list_dispose (GObject *object)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->highlights);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATIONS_LIST);
  G_OBJECT_CLASS (dossier_annotations_list_parent_class)->dispose (object);
}

static void
dossier_annotations_list_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTS:
      g_value_set_object (value, self->highlights);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_list_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierAnnotationsList *self = DOSSIER_ANNOTATIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTS:
      dossier_annotations_list_set_highlights (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_list_class_init (DossierAnnotationsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_annotations_list_dispose;
  object_class->get_property = dossier_annotations_list_get_property;
  object_class->set_property = dossier_annotations_list_set_property;

  properties[PROP_HIGHLIGHTS] =
    g_param_spec_object ("highlights", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierAnnotationsList::highlight-activated:
   * @highlight: the DossierHighlight clicked or activated
   */
  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_HIGHLIGHT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-annotations-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationsList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossierannotationslist");
}

static void
dossier_annotations_list_init (DossierAnnotationsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_stack (self);
}

GtkWidget *
dossier_annotations_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATIONS_LIST, NULL);
}

/**
 * dossier_annotations_list_set_highlights:
 * @highlights: (nullable): the article's DossierHighlights in reading order
 */
void
dossier_annotations_list_set_highlights (DossierAnnotationsList *self,
                                         GListModel             *highlights)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self));
  g_return_if_fail (highlights == NULL || G_IS_LIST_MODEL (highlights));

  if (!g_set_object (&self->highlights, highlights))
    return;
  gtk_list_box_bind_model (self->list_box, highlights, create_row, NULL, NULL);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTS]);
}

/**
 * dossier_annotations_list_get_highlights:
 *
 * Returns: (transfer none) (nullable): the highlights listed
 */
GListModel *
dossier_annotations_list_get_highlights (DossierAnnotationsList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);
  return self->highlights;
}

/**
 * dossier_annotations_list_get_list_box:
 *
 * Returns: (transfer none): the list's rows (for tests)
 */
GtkListBox *
dossier_annotations_list_get_list_box (DossierAnnotationsList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS_LIST (self), NULL);
  return self->list_box;
}
