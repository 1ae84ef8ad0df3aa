/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-matrix-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comparison/dossier-text-snapshot.h"
#include "widgets/dossier-matrix-grid.h"
#include "dossier-matrix-page.h"

/*
 * The perspectives matrix: topics (rows) × documents (columns), each cell
 * the first passage in which a document addresses the topic, and the
 * others a click away. The matrix is computed off the main thread by the
 * window and handed over whole; the page renders it in a DossierMatrixGrid
 * (the topic column and the article headings stay in view while the rest
 * scrolls; the columns share the width), lets the analyst rename topics
 * and reports what the analyst wants done with a passage through the
 * "open-passage" and "add-to-memo" signals, so that it knows nothing of
 * the reader or the memo.
 *
 * Matrices are not saved, so renamed topics are kept for the session: until
 * Dossier quits, the same topic of the same articles (the same passages)
 * keeps its name when the matrix is closed and computed again. The
 * computed labels stay what the CLI prints.
 */

/* Enough rows to read; the CLI prints them all. */
#define MAX_ROWS 60

struct _DossierMatrixPage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkScrolledWindow *scroller;
  DossierMatrixGrid *grid;

  DossierMatrix *matrix;
  GListModel *documents;        /* DossierDocument, one per column */
  GPtrArray *snapshots;         /* DossierTextSnapshot, same order */
  GPtrArray *overrides;         /* char *, per shown topic; NULL = computed label */
  GPtrArray *keys;              /* char *, per shown topic: its key among the session's names */
  GPtrArray *labels;            /* GtkStack of label and entry, per shown topic */
  GPtrArray *cells;             /* GtkWidget or NULL, topic-major */
};

G_DEFINE_FINAL_TYPE (DossierMatrixPage, dossier_matrix_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_PASSAGE,
  SIGNAL_ADD_TO_MEMO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_shown_topics (DossierMatrixPage *self)
{
  return MIN (self->matrix->topics->len, MAX_ROWS);
}

static GtkWidget *
make_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* the grid gives each column its width: a small natural width lets it */
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* ---- topic labels ---- */

/* The analyst's topic names for this session, by topic key. Matrices are
 * not saved, so this is where a name lives until Dossier quits. */
static GHashTable *
session_names (void)
{
  static GHashTable *names;

  if (names == NULL)
    names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return names;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A topic is the same topic when the same articles address it in the same
 * paragraphs, whatever the order of the columns. */
static char *
topic_key (DossierMatrixPage *self,
           guint              topic_index)
{
  DossierMatrixTopic *topic = g_ptr_array_index (self->matrix->topics, topic_index);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < self->snapshots->len && d < topic->cells->len; d++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (self->documents, d);
      DossierTextSnapshot *snapshot = g_ptr_array_index (self->snapshots, d);
      GArray *cell = g_ptr_array_index (topic->cells, d);
      const char *id = document != NULL ? dossier_document_get_id (document) : NULL;
      GString *part = g_string_new (id != NULL ? id : snapshot->title);

      g_string_append_c (part, ':');
      for (guint i = 0; cell != NULL && i < cell->len; i++)
        g_string_append_printf (part, i > 0 ? ",%u" : "%u", g_array_index (cell, guint, i));
      g_ptr_array_add (parts, g_string_free (part, FALSE));
    }
  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("|", (char **) parts->pdata);
}

/* GtkEditableLabel is not used: in GTK 4.8 its delayed stop-editing fires
 * on a finalized focus controller when the page goes while a name is
 * being edited. A stack of a label and an entry does the same job. */

static void
topic_entry_activate_cb (GtkEntry          *entry,
                         DossierMatrixPage *self)
{
  guint topic = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "dossier-topic"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  /* An emptied name means "give me the computed one back". */
  dossier_matrix_page_set_topic_label (self, topic, text);
  gtk_stack_set_visible_child_name (g_ptr_array_index (self->labels, topic), "label");
}

/* Escape leaves the name as it was. */
static gboolean
topic_entry_key_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    DossierMatrixPage     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint topic = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "dossier-topic"));

  if (keyval != GDK_KEY_Escape || topic >= self->labels->len)
    return GDK_EVENT_PROPAGATE;
  gtk_stack_set_visible_child_name (g_ptr_array_index (self->labels, topic), "label");
  return GDK_EVENT_STOP;
}

static void
rename_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierMatrixPage *self = DOSSIER_MATRIX_PAGE (widget);
  guint topic = g_variant_get_uint32 (parameter);
  GtkStack *stack;
  GtkWidget *entry;

  if (topic >= self->labels->len)
    return;
  stack = g_ptr_array_index (self->labels, topic);
  entry = gtk_stack_get_child_by_name (stack, "entry");
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "entry") == 0)
    {
      /* The button again: done editing. */
      topic_entry_activate_cb (GTK_ENTRY (entry), self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), dossier_matrix_page_get_topic_label (self, topic));
  gtk_stack_set_visible_child_name (stack, "entry");
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
build_topic_header (DossierMatrixPage *self,
                    guint              topic_index)
{
  DossierMatrixTopic *topic = g_ptr_array_index (self->matrix->topics, topic_index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *label = make_label (topic->label, TRUE);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkEventController *key;

  /* as narrow as the topic column, not the entry's own width */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_hexpand (stack, TRUE);
  gtk_widget_set_valign (stack, GTK_ALIGN_START);
  gtk_stack_set_hhomogeneous (GTK_STACK (stack), TRUE);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_stack_set_interpolate_size (GTK_STACK (stack), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic Name"), -1);
  g_object_set_data (G_OBJECT (entry), "dossier-topic", GUINT_TO_POINTER (topic_index));
  g_signal_connect_object (entry, "activate", G_CALLBACK (topic_entry_activate_cb), self, 0);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (topic_entry_key_cb), self, 0);
  gtk_widget_add_controller (entry, key);
  gtk_stack_add_named (GTK_STACK (stack), label, "label");
  gtk_stack_add_named (GTK_STACK (stack), entry, "entry");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "label");
  g_ptr_array_add (self->labels, stack);

  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (edit, "circular");
  gtk_widget_add_css_class (edit, "matrix-rename");
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (edit, _("Rename the Topic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rename the Topic"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "matrix.rename-topic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "u", topic_index);

  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), edit);
  return box;
}

/* ---- cells ---- */

static gboolean
cell_paragraph (DossierMatrixPage *self,
                guint              topic_index,
                guint              document,
                guint             *paragraph)
{
  DossierMatrixTopic *topic;
  GArray *cell;

  if (topic_index >= self->matrix->topics->len || document >= self->snapshots->len)
    return FALSE;
  topic = g_ptr_array_index (self->matrix->topics, topic_index);
  if (document >= topic->cells->len)
    return FALSE;
  cell = g_ptr_array_index (topic->cells, document);
  if (cell == NULL || cell->len == 0)
    return FALSE;
  *paragraph = g_array_index (cell, guint, 0);
  return TRUE;
}

static gboolean
cell_has_paragraph (DossierMatrixPage *self,
                    guint              topic_index,
                    guint              column,
                    guint              paragraph)
{
  DossierMatrixTopic *topic;
  GArray *cell;

  if (topic_index >= self->matrix->topics->len || column >= self->snapshots->len)
    return FALSE;
  topic = g_ptr_array_index (self->matrix->topics, topic_index);
  cell = column < topic->cells->len ? g_ptr_array_index (topic->cells, column) : NULL;
  for (guint i = 0; cell != NULL && i < cell->len; i++)
    if (g_array_index (cell, guint, i) == paragraph)
      return TRUE;
  return FALSE;
}

/* One of a cell's passages, by its paragraph: the "more passages" list. */
static void
open_paragraph_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierMatrixPage *self = DOSSIER_MATRIX_PAGE (widget);
  g_autoptr(DossierDocument) document = NULL;
  guint topic, column, paragraph;

  g_variant_get (parameter, "(uuu)", &topic, &column, &paragraph);
  if (!cell_has_paragraph (self, topic, column, paragraph))
    return;
  document = g_list_model_get_item (self->documents, column);
  if (document != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_PASSAGE], 0, dossier_document_get_id (document), paragraph);
}

static void
cell_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierMatrixPage *self = DOSSIER_MATRIX_PAGE (widget);
  g_autoptr(DossierDocument) document = NULL;
  guint topic, column, paragraph;

  g_variant_get (parameter, "(uu)", &topic, &column);
  if (!cell_paragraph (self, topic, column, &paragraph))
    return;
  document = g_list_model_get_item (self->documents, column);
  if (document == NULL)
    return;
  if (g_str_equal (action_name, "matrix.open-passage"))
    g_signal_emit (self, signals[SIGNAL_OPEN_PASSAGE], 0, dossier_document_get_id (document), paragraph);
  else
    g_signal_emit (self, signals[SIGNAL_ADD_TO_MEMO], 0, document, paragraph);
}

/* A passage's first words, for the list of a cell's other passages. */
static GtkWidget *
passage_button (DossierMatrixPage *self,
                guint              topic_index,
                guint              column,
                guint              paragraph)
{
  DossierTextSnapshot *snapshot = g_ptr_array_index (self->snapshots, column);
  const char *text = dossier_text_snapshot_get_paragraph (snapshot, paragraph) ?: "";
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open the passage in the reader"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "matrix.open-paragraph");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(uuu)", topic_index, column, paragraph);
  return button;
}

/* "and 2 more passages": each of them, to open where it is. */
static GtkWidget *
build_more_passages (DossierMatrixPage *self,
                     guint              topic_index,
                     guint              column)
{
  DossierMatrixTopic *topic = g_ptr_array_index (self->matrix->topics, topic_index);
  GArray *cell = g_ptr_array_index (topic->cells, column);
  g_autofree char *more =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more passage", "and %u more passages", cell->len - 1),
                     cell->len - 1);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 1; i < cell->len; i++)
    gtk_box_append (GTK_BOX (list), passage_button (self, topic_index, column, g_array_index (cell, guint, i)));
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), more);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (button, 4);
  gtk_widget_set_margin_bottom (button, 4);
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_add_css_class (button, "matrix-more");
  gtk_widget_set_tooltip_text (button, _("The other passages on this topic"));
  return button;
}

static GtkWidget *
build_cell (DossierMatrixPage *self,
            guint              topic_index,
            guint              column)
{
  DossierMatrixTopic *topic = g_ptr_array_index (self->matrix->topics, topic_index);
  GArray *cell = g_ptr_array_index (topic->cells, column);
  DossierTextSnapshot *snapshot = g_ptr_array_index (self->snapshots, column);
  GtkWidget *box, *row, *open, *passage, *add;
  PangoAttrList *attrs;
  guint paragraph;
  const char *text;

  paragraph = g_array_index (cell, guint, 0);
  text = dossier_text_snapshot_get_paragraph (snapshot, paragraph) ?: "";
  passage = make_label (text, FALSE);
  attrs = pango_attr_list_new ();
  /* Button labels are bold; a passage is body text. */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (passage), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_lines (GTK_LABEL (passage), 4);
  gtk_label_set_ellipsize (GTK_LABEL (passage), PANGO_ELLIPSIZE_END);

  open = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (open), passage);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the passage in the reader"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "matrix.open-passage");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(uu)", topic_index, column);

  /* The secondary action sits beside the passage, so the cell reads as
   * one unit without a row of its own. */
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_add_css_class (add, "circular");
  gtk_widget_set_valign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 4);
  gtk_widget_set_margin_end (add, 4);
  gtk_widget_set_tooltip_text (add, _("Add to Memo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Memo"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "matrix.add-to-memo");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "(uu)", topic_index, column);
  g_object_set_data (G_OBJECT (open), "dossier-add", add);
  gtk_widget_set_hexpand (open, TRUE);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (row), open);
  gtk_box_append (GTK_BOX (row), add);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "matrix-cell");
  gtk_box_append (GTK_BOX (box), row);
  if (cell->len > 1)
    gtk_box_append (GTK_BOX (box), build_more_passages (self, topic_index, column));
  g_ptr_array_index (self->cells, topic_index * self->snapshots->len + column) = open;
  return box;
}

static void
build_grid (DossierMatrixPage *self)
{
  guint n_columns = self->snapshots->len;
  guint n_topics = n_shown_topics (self);
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", self->matrix->topics->len),
                     self->matrix->topics->len);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  g_ptr_array_set_size (self->overrides, n_topics);
  g_ptr_array_set_size (self->keys, n_topics);
  g_ptr_array_set_size (self->cells, n_topics * n_columns);

  dossier_matrix_grid_attach (self->grid, make_label (_("Topic"), TRUE), -1, -1);
  for (guint d = 0; d < n_columns; d++)
    {
      DossierTextSnapshot *snapshot = g_ptr_array_index (self->snapshots, d);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *byline = NULL;
      GtkWidget *label;

      if (snapshot->authors && *snapshot->authors && snapshot->affiliations && *snapshot->affiliations)
        byline = g_strdup_printf ("%s (%s)", snapshot->authors, snapshot->affiliations);
      else
        byline = g_strdup (snapshot->authors && *snapshot->authors ? snapshot->authors
                           : snapshot->affiliations ?: "");
      gtk_box_append (GTK_BOX (box), make_label (snapshot->title && *snapshot->title ? snapshot->title : _("Untitled"), TRUE));
      label = make_label (byline, FALSE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      dossier_matrix_grid_attach (self->grid, box, -1, (int) d);
    }

  for (guint t = 0; t < n_topics; t++)
    {
      DossierMatrixTopic *topic = g_ptr_array_index (self->matrix->topics, t);

      g_ptr_array_index (self->keys, t) = topic_key (self, t);
      dossier_matrix_grid_attach (self->grid, build_topic_header (self, t), (int) t, -1);
      for (guint d = 0; d < n_columns; d++)
        {
          GArray *cell = d < topic->cells->len ? g_ptr_array_index (topic->cells, d) : NULL;
          GtkWidget *widget;

          if (cell == NULL || cell->len == 0)
            {
              /* Not discussing a topic is itself information. */
              widget = make_label ("—", FALSE);
              gtk_widget_add_css_class (widget, "dim-label");
              gtk_widget_set_margin_top (widget, 8);
              gtk_widget_set_margin_start (widget, 10);
              gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Not discussed"), -1);
            }
          else
            widget = build_cell (self, t, d);
          gtk_widget_set_valign (widget, GTK_ALIGN_START);
          dossier_matrix_grid_attach (self->grid, widget, (int) t, (int) d);
        }
    }
  /* names given earlier in the session */
  for (guint t = 0; t < n_topics; t++)
    {
      const char *name = g_hash_table_lookup (session_names (), g_ptr_array_index (self->keys, t));

      if (name != NULL)
        {
          g_autofree char *copy = g_strdup (name);
          dossier_matrix_page_set_topic_label (self, t, copy);
        }
    }
  if (self->matrix->topics->len == 0)
    dossier_matrix_grid_attach (self->grid, make_label (_("The articles share no topics."), FALSE), 0, -1);
}

/* ---- public ---- */

/**
 * dossier_matrix_page_new:
 * @matrix: (transfer full): the computed matrix
 * @documents: (element-type DossierDocument): its columns, in the order the
 *   matrix was computed from
 *
 * Returns: (transfer floating): a page showing @matrix
 */
GtkWidget *
dossier_matrix_page_new (DossierMatrix *matrix,
                         GListModel    *documents)
{
  DossierMatrixPage *self;
  guint n;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  self = g_object_new (DOSSIER_TYPE_MATRIX_PAGE, NULL);
  self->matrix = matrix;
  self->documents = g_object_ref (documents);
  n = MIN (g_list_model_get_n_items (documents), matrix->n_documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      g_ptr_array_add (self->snapshots, dossier_text_snapshot_new (document));
    }
  build_grid (self);
  return GTK_WIDGET (self);
}

/**
 * dossier_matrix_page_get_n_topics:
 *
 * Returns: the number of topic rows shown
 */
guint
dossier_matrix_page_get_n_topics (DossierMatrixPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_PAGE (self), 0);
  return n_shown_topics (self);
}

/**
 * dossier_matrix_page_get_topic_label:
 * @topic: a row
 *
 * Returns: (nullable): the row's name: the analyst's if renamed, else the
 *   computed one
 */
const char *
dossier_matrix_page_get_topic_label (DossierMatrixPage *self,
                                     guint              topic)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_PAGE (self), NULL);

  if (topic >= n_shown_topics (self))
    return NULL;
  if (g_ptr_array_index (self->overrides, topic) != NULL)
    return g_ptr_array_index (self->overrides, topic);
  return ((DossierMatrixTopic *) g_ptr_array_index (self->matrix->topics, topic))->label;
}

/**
 * dossier_matrix_page_set_topic_label:
 * @topic: a row
 * @label: (nullable): its new name; %NULL or empty restores the computed one
 */
void
dossier_matrix_page_set_topic_label (DossierMatrixPage *self,
                                     guint              topic,
                                     const char        *label)
{
  DossierMatrixTopic *computed;
  GtkStack *stack;
  const char *shown;

  g_return_if_fail (DOSSIER_IS_MATRIX_PAGE (self));

  if (topic >= n_shown_topics (self))
    return;
  computed = g_ptr_array_index (self->matrix->topics, topic);
  if (label != NULL && (*label == '\0' || g_strcmp0 (label, computed->label) == 0))
    label = NULL;
  g_free (g_ptr_array_index (self->overrides, topic));
  g_ptr_array_index (self->overrides, topic) = g_strdup (label);
  if (label != NULL)
    g_hash_table_replace (session_names (), g_strdup (g_ptr_array_index (self->keys, topic)), g_strdup (label));
  else
    g_hash_table_remove (session_names (), g_ptr_array_index (self->keys, topic));

  shown = dossier_matrix_page_get_topic_label (self, topic);
  stack = g_ptr_array_index (self->labels, topic);
  gtk_label_set_text (GTK_LABEL (gtk_stack_get_child_by_name (stack, "label")), shown);
}

/**
 * dossier_matrix_page_get_cell:
 * @topic: a row
 * @document: a column
 *
 * Returns: (transfer none) (nullable): the button opening the cell's
 *   passage, %NULL for an empty cell (for tests; its "dossier-add" data is
 *   the cell's Add to Memo button)
 */
GtkWidget *
dossier_matrix_page_get_cell (DossierMatrixPage *self,
                              guint              topic,
                              guint              document)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_PAGE (self), NULL);

  if (topic >= n_shown_topics (self) || document >= self->snapshots->len)
    return NULL;
  return g_ptr_array_index (self->cells, topic * self->snapshots->len + document);
}

/**
 * dossier_matrix_page_get_header_bar:
 *
 * Returns: (transfer none): the page's header bar (the window binds its
 *   title buttons to the leaflet)
 */
AdwHeaderBar *
dossier_matrix_page_get_header_bar (DossierMatrixPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX_PAGE (self), NULL);
  return self->header_bar;
}

/* ---- GObject ---- */

static void
dossier_matrix_page_dispose (GObject *object)
{
  DossierMatrixPage *self = DOSSIER_MATRIX_PAGE (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MATRIX_PAGE);
  /* Only bound template children go with the template; the scroller too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->documents);
  G_OBJECT_CLASS (dossier_matrix_page_parent_class)->dispose (object);
}

static void
dossier_matrix_page_finalize (GObject *object)
{
  DossierMatrixPage *self = DOSSIER_MATRIX_PAGE (object);

  g_clear_pointer (&self->matrix, dossier_matrix_free);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (dossier_matrix_page_parent_class)->finalize (object);
}

static void
dossier_matrix_page_class_init (DossierMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_matrix_page_dispose;
  object_class->finalize = dossier_matrix_page_finalize;

  /**
   * DossierMatrixPage::open-passage:
   * @id: the document's id
   * @paragraph: the passage's paragraph index
   *
   * The analyst wants to read the passage in its article.
   */
  signals[SIGNAL_OPEN_PASSAGE] =
    g_signal_new ("open-passage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  /**
   * DossierMatrixPage::add-to-memo:
   * @document: the passage's document
   * @paragraph: the passage's paragraph index
   *
   * The analyst wants the passage quoted in the memo.
   */
  signals[SIGNAL_ADD_TO_MEMO] =
    g_signal_new ("add-to-memo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DOSSIER_TYPE_DOCUMENT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "matrix.open-passage", "(uu)", cell_action);
  gtk_widget_class_install_action (widget_class, "matrix.open-paragraph", "(uuu)", open_paragraph_action);
  gtk_widget_class_install_action (widget_class, "matrix.add-to-memo", "(uu)", cell_action);
  gtk_widget_class_install_action (widget_class, "matrix.rename-topic", "u", rename_topic_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/ui/dossier-matrix-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMatrixPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierMatrixPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierMatrixPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierMatrixPage, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrixpage");
}

static void
dossier_matrix_page_init (DossierMatrixPage *self)
{
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  g_type_ensure (DOSSIER_TYPE_MATRIX_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_text_snapshot_free);
  self->overrides = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
}
