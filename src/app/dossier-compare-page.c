/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <string.h>

#include "widgets/dossier-link-gutter.h"
#include "dossier-compare-page.h"

/*
 * The side-by-side comparison page: a topic strip, two panes of paragraphs
 * with the link gutter between them, and an action bar (mode, anchors,
 * change navigation, synchronised scrolling). Everything shown comes from
 * the DossierComparison model, computed off the main thread; the page only
 * renders it. Row i of each pane is paragraph i of its document, so the
 * model's paragraph indices address rows directly.
 */
struct _DossierComparePage
{
  GtkWidget parent_instance;

  GtkBox *topic_box;
  GtkListBox *left_list;
  GtkListBox *right_list;
  GtkScrolledWindow *left_scroller;
  GtkScrolledWindow *right_scroller;
  DossierLinkGutter *gutter;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GSettings *settings;

  DossierComparison *comparison;
  GCancellable *cancellable;
  gboolean sync_scrolling;
  gboolean syncing;
  int left_focus;          /* the paragraph the user chose on each side, or -1 */
  int right_focus;
  int current_change;
};

G_DEFINE_FINAL_TYPE (DossierComparePage, dossier_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_SYNC_SCROLLING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- rendering paragraphs ---- */

typedef enum {
  MARK_TERM,
  MARK_DELETE,
  MARK_INSERT,
} MarkKind;

typedef struct {
  guint start;   /* code points */
  guint end;
  MarkKind kind;
} Mark;

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

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

  g_array_sort (marks, compare_marks);
  for (guint i = 0; i <= marks->len; i++)
    {
      const Mark *mark = i < marks->len ? &g_array_index (marks, Mark, i) : NULL;
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
            case MARK_TERM:
              g_string_append_printf (out, "<b><u>%s</u></b>", escaped);
              break;
            /* translucent tints over the label's own colour, so the text
             * keeps the style's foreground and reads in light and dark */
            case MARK_DELETE:
              g_string_append_printf (out, "<span background=\"#e01b24\" bgalpha=\"22%%\" strikethrough=\"true\">%s</span>", escaped);
              break;
            case MARK_INSERT:
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

/* Where the shared terms occur in a paragraph, case-insensitively (the
 * terms are shown as the documents write them, so they are found as is). */
static void
add_term_marks (GArray             *marks,
                const char         *text,
                const char * const *terms)
{
  for (guint t = 0; terms != NULL && terms[t] != NULL; t++)
    {
      gsize term_len = strlen (terms[t]);

      if (term_len < 2)
        continue;
      for (const char *p = text; *p != '\0'; p++)
        {
          gboolean word_start = p == text || !g_ascii_isalnum (p[-1]);

          if (word_start && g_ascii_strncasecmp (p, terms[t], term_len) == 0)
            {
              /* the whole word: "designated" for the term "designate" */
              const char *end = p + term_len;
              Mark mark;

              while (g_ascii_isalnum (*end))
                end++;
              mark.start = g_utf8_pointer_to_offset (text, p);
              mark.end = g_utf8_pointer_to_offset (text, end);
              mark.kind = MARK_TERM;
              g_array_append_val (marks, mark);
              p = end - 1;
            }
        }
    }
}

static GtkListBox *
list_for (DossierComparePage *self,
          gboolean            left)
{
  return left ? self->left_list : self->right_list;
}

static DossierDocument *
document_for (DossierComparePage *self,
              gboolean            left)
{
  return left ? dossier_comparison_get_left (self->comparison) : dossier_comparison_get_right (self->comparison);
}

static GtkLabel *
row_label (GtkListBoxRow *row)
{
  return GTK_LABEL (gtk_list_box_row_get_child (row));
}

/* The terms to mark in a paragraph: those of its links to the paragraph
 * the user chose on the other side (or all its links when it is the one
 * chosen). */
static void
collect_terms (DossierComparePage *self,
               gboolean            left,
               guint               paragraph,
               GPtrArray          *terms)
{
  GListModel *alignments = dossier_comparison_get_alignments (self->comparison);
  int mine_focus = left ? self->left_focus : self->right_focus;
  int other_focus = left ? self->right_focus : self->left_focus;

  for (guint i = 0; i < g_list_model_get_n_items (alignments); i++)
    {
      g_autoptr(DossierAlignment) link = g_list_model_get_item (alignments, i);
      guint mine = left ? dossier_alignment_get_a (link) : dossier_alignment_get_b (link);
      guint other = left ? dossier_alignment_get_b (link) : dossier_alignment_get_a (link);
      const char * const *shared = dossier_alignment_get_shared_terms (link);

      if (mine != paragraph)
        continue;
      if ((int) mine != mine_focus && (int) other != other_focus)
        continue;
      for (guint t = 0; shared != NULL && shared[t] != NULL; t++)
        g_ptr_array_add (terms, (gpointer) shared[t]);
    }
}

static void
render_row (DossierComparePage *self,
            gboolean            left,
            guint               paragraph)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_for (self, left), paragraph);
  g_autoptr(DossierParagraph) par = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autofree char *markup = NULL;
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);
  const char *text;

  if (row == NULL)
    return;
  par = g_list_model_get_item (dossier_document_get_paragraphs (document_for (self, left)), paragraph);
  text = dossier_paragraph_get_text (par);

  if (dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
        {
          g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
          DossierDiffOp op = dossier_diff_chunk_get_op (chunk);
          Mark mark = { 0, 0, op == DOSSIER_DIFF_DELETE ? MARK_DELETE : MARK_INSERT };

          if (left && op == DOSSIER_DIFF_DELETE && dossier_diff_chunk_get_a_paragraph (chunk) == (int) paragraph)
            dossier_diff_chunk_get_a_chars (chunk, &mark.start, &mark.end);
          else if (!left && op == DOSSIER_DIFF_INSERT && dossier_diff_chunk_get_b_paragraph (chunk) == (int) paragraph)
            dossier_diff_chunk_get_b_chars (chunk, &mark.start, &mark.end);
          else
            continue;
          g_array_append_val (marks, mark);
        }
    }
  else
    {
      collect_terms (self, left, paragraph, terms);
      g_ptr_array_add (terms, NULL);
      add_term_marks (marks, text, (const char * const *) terms->pdata);
    }

  markup = build_markup (text, marks);
  gtk_label_set_markup (row_label (row), markup);
}

static void
render_all_rows (DossierComparePage *self)
{
  for (int side = 0; side < 2; side++)
    {
      guint n = g_list_model_get_n_items (dossier_document_get_paragraphs (document_for (self, side == 0)));

      for (guint p = 0; p < n; p++)
        render_row (self, side == 0, p);
    }
}

/* Re-renders the focused paragraphs and everything linked to them. */
static void
render_focus_rows (DossierComparePage *self,
                   int                 left_focus,
                   int                 right_focus)
{
  if (dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    return;   /* the diff marks do not depend on the selection */

  for (int side = 0; side < 2; side++)
    {
      int focus = side == 0 ? left_focus : right_focus;
      g_autoptr(GArray) links = NULL;

      if (focus < 0)
        continue;
      render_row (self, side == 0, focus);
      links = dossier_comparison_dup_links_for (self->comparison, side == 0, focus);
      for (guint i = 0; i < links->len; i++)
        render_row (self, side != 0, g_array_index (links, guint, i));
    }
}

static void
fill_list (DossierComparePage *self,
           gboolean            left)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document_for (self, left));
  GtkListBox *list = list_for (self, left);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) par = g_list_model_get_item (paragraphs, i);
      GtkWidget *label = gtk_label_new (dossier_paragraph_get_text (par));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_add_css_class (label, "compare-paragraph");
      if (dossier_paragraph_get_kind (par) == DOSSIER_PARAGRAPH_HEADING)
        gtk_widget_add_css_class (label, "heading");
      else if (dossier_paragraph_get_kind (par) == DOSSIER_PARAGRAPH_QUOTE)
        gtk_widget_add_css_class (label, "quote");   /* set in, as in the reader */
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_append (list, row);
    }
}

/* ---- selection and scrolling ---- */

static double
row_y (GtkListBox    *list,
       GtkListBoxRow *row)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;

  if (!gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (list), &in, &out))
    return 0.0;
  /* the list's own top margin is outside it; the scroller sees it */
  return out.y + gtk_widget_get_margin_top (GTK_WIDGET (list));
}

static void
scroll_to_row (DossierComparePage *self,
               gboolean            left,
               guint               paragraph)
{
  GtkScrolledWindow *scroller = left ? self->left_scroller : self->right_scroller;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_for (self, left), paragraph);

  if (row == NULL)
    return;
  gtk_adjustment_set_value (adjustment, row_y (list_for (self, left), row) - 12.0);
}

static gboolean
row_in_view (DossierComparePage *self,
             gboolean            left,
             GtkListBoxRow      *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (left ? self->left_scroller : self->right_scroller);
  double y = row_y (list_for (self, left), row);
  double top = gtk_adjustment_get_value (adjustment);

  return y >= top && y + gtk_widget_get_height (GTK_WIDGET (row)) <= top + gtk_adjustment_get_page_size (adjustment);
}

static void
update_selection (DossierComparePage *self,
                  gboolean            chosen_left,
                  guint               paragraph)
{
  g_autoptr(GArray) links = dossier_comparison_dup_links_for (self->comparison, chosen_left, paragraph);
  GtkListBox *own = list_for (self, chosen_left);
  GtkListBox *other = list_for (self, !chosen_left);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (own, paragraph);
  gboolean was_syncing = self->syncing;
  int old_left = self->left_focus, old_right = self->right_focus;

  if (chosen_left)
    self->left_focus = paragraph, self->right_focus = links->len > 0 ? (int) g_array_index (links, guint, 0) : -1;
  else
    self->right_focus = paragraph, self->left_focus = links->len > 0 ? (int) g_array_index (links, guint, 0) : -1;

  gtk_list_box_unselect_all (own);
  if (row != NULL)
    gtk_list_box_select_row (own, row);
  gtk_list_box_unselect_all (other);
  for (guint i = 0; i < links->len; i++)
    {
      GtkListBoxRow *match = gtk_list_box_get_row_at_index (other, g_array_index (links, guint, i));

      if (match != NULL)
        gtk_list_box_select_row (other, match);
    }

  /* only the rows around the old and the new focus change their marks */
  render_focus_rows (self, old_left, old_right);
  render_focus_rows (self, self->left_focus, self->right_focus);
  dossier_link_gutter_set_selection (self->gutter, self->left_focus, self->right_focus);

  /* bring the chosen paragraph and its best match into view (without the
   * synchronised scrolling moving them back) */
  self->syncing = TRUE;
  if (row != NULL && !row_in_view (self, chosen_left, row))
    scroll_to_row (self, chosen_left, paragraph);
  if (links->len > 0)
    scroll_to_row (self, !chosen_left, g_array_index (links, guint, 0));
  self->syncing = was_syncing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.toggle-anchor",
                                 self->left_focus >= 0 && self->right_focus >= 0);
}

static void
left_row_activated_cb (DossierComparePage *self,
                       GtkListBoxRow      *row)
{
  update_selection (self, TRUE, gtk_list_box_row_get_index (row));
}

static void
right_row_activated_cb (DossierComparePage *self,
                        GtkListBoxRow      *row)
{
  update_selection (self, FALSE, gtk_list_box_row_get_index (row));
}

/**
 * dossier_compare_page_select_paragraph:
 * @self: a page
 * @left: which side
 * @paragraph: a paragraph of that side's document
 *
 * Selects a paragraph as a click would: its matches on the other side are
 * selected, their shared terms marked in both panes, and the best match
 * scrolled into view.
 */
void
dossier_compare_page_select_paragraph (DossierComparePage *self,
                                       gboolean            left,
                                       guint               paragraph)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  update_selection (self, left, paragraph);
}

/* Synchronised scrolling, as Meld's: the paragraph at the top of the
 * scrolled pane brings its match to the top of the other, keeping the
 * same offset into it. */
static void
sync_from (DossierComparePage *self,
           gboolean            left)
{
  GtkAdjustment *from = gtk_scrolled_window_get_vadjustment (left ? self->left_scroller : self->right_scroller);
  GtkAdjustment *to = gtk_scrolled_window_get_vadjustment (left ? self->right_scroller : self->left_scroller);
  GtkListBox *from_list = list_for (self, left);
  GtkListBox *to_list = list_for (self, !left);
  double value = gtk_adjustment_get_value (from);
  GtkListBoxRow *top = gtk_list_box_get_row_at_y (from_list, MAX (0, (int) (value - gtk_widget_get_margin_top (GTK_WIDGET (from_list)))));
  int index;

  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
  if (!self->sync_scrolling || self->syncing || top == NULL || self->comparison == NULL)
    return;

  /* the nearest paragraph at or above the top that has a match */
  for (index = gtk_list_box_row_get_index (top); index >= 0; index--)
    {
      g_autoptr(GArray) links = dossier_comparison_dup_links_for (self->comparison, left, index);
      GtkListBoxRow *from_row = gtk_list_box_get_row_at_index (from_list, index);
      GtkListBoxRow *to_row;
      double offset, height_from, height_to;

      if (links->len == 0)
        continue;
      to_row = gtk_list_box_get_row_at_index (to_list, g_array_index (links, guint, 0));
      if (to_row == NULL || from_row == NULL)
        return;

      height_from = MAX (1, gtk_widget_get_height (GTK_WIDGET (from_row)));
      height_to = MAX (1, gtk_widget_get_height (GTK_WIDGET (to_row)));
      offset = (value - row_y (from_list, from_row)) * height_to / height_from;

      self->syncing = TRUE;
      gtk_adjustment_set_value (to, row_y (to_list, to_row) + offset);
      self->syncing = FALSE;
      return;
    }

  /* nothing linked above: keep the same relative position */
  {
    double range_from = gtk_adjustment_get_upper (from) - gtk_adjustment_get_page_size (from);
    double range_to = gtk_adjustment_get_upper (to) - gtk_adjustment_get_page_size (to);

    self->syncing = TRUE;
    gtk_adjustment_set_value (to, range_from > 0 ? value / range_from * range_to : 0.0);
    self->syncing = FALSE;
  }
}

static void
left_scrolled_cb (DossierComparePage *self)
{
  sync_from (self, TRUE);
}

static void
right_scrolled_cb (DossierComparePage *self)
{
  sync_from (self, FALSE);
}

/* ---- the topic strip ---- */

static void
topic_clicked_cb (GtkButton          *button,
                  DossierComparePage *self)
{
  const DossierCompareResult *result = dossier_comparison_get_result (self->comparison);
  const DossierTopicTerm *term = g_object_get_data (G_OBJECT (button), "term");

  if (result == NULL || term == NULL)
    return;

  gtk_list_box_unselect_all (self->left_list);
  gtk_list_box_unselect_all (self->right_list);
  for (int side = 0; side < 2; side++)
    {
      GArray *pars = side == 0 ? term->a_paragraphs : term->b_paragraphs;

      for (guint i = 0; i < pars->len; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_for (self, side == 0), g_array_index (pars, guint, i));

          if (row != NULL)
            gtk_list_box_select_row (list_for (self, side == 0), row);
        }
      self->syncing = TRUE;
      if (pars->len > 0)
        scroll_to_row (self, side == 0, g_array_index (pars, guint, 0));
      self->syncing = FALSE;
    }
}

/* One strip of the top area: a caption, then chips that wrap onto more
 * lines instead of running off the right edge unseen. */
static GtkWidget *
add_strip_row (DossierComparePage *self,
               const char         *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_size_request (label, 110, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
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

  gtk_box_append (self->topic_box, box);
  return flow;
}

/* The chip is the tab stop, not the flow box child around it. */
static void
strip_append (GtkWidget *flow,
              GtkWidget *button)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

static void
add_topic_row (DossierComparePage *self,
               const char         *title,
               GPtrArray          *terms)
{
  GtkWidget *flow = add_strip_row (self, title);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      DossierTopicTerm *term = g_ptr_array_index (terms, i);
      GtkWidget *button = gtk_button_new_with_label (term->display);
      g_autofree char *tooltip = g_strdup_printf (_("Show the paragraphs about “%s”"), term->display);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "caption");
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "term", term);
      g_signal_connect (button, "clicked", G_CALLBACK (topic_clicked_cb), self);
      strip_append (flow, button);
    }
}

/* A button that selects paragraphs on both sides, for names and sources. */
static void
paragraphs_clicked_cb (GtkButton          *button,
                       DossierComparePage *self)
{
  GArray *sides[2] = { g_object_get_data (G_OBJECT (button), "left"), g_object_get_data (G_OBJECT (button), "right") };

  gtk_list_box_unselect_all (self->left_list);
  gtk_list_box_unselect_all (self->right_list);
  for (int side = 0; side < 2; side++)
    {
      GArray *pars = sides[side];

      for (guint i = 0; pars != NULL && i < pars->len; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_for (self, side == 0), g_array_index (pars, guint, i));

          if (row != NULL)
            gtk_list_box_select_row (list_for (self, side == 0), row);
        }
      self->syncing = TRUE;
      if (pars != NULL && pars->len > 0)
        scroll_to_row (self, side == 0, g_array_index (pars, guint, 0));
      self->syncing = FALSE;
    }
}

static void
add_paragraphs_button (DossierComparePage *self,
                       GtkWidget          *box,
                       const char         *text,
                       const char         *tooltip,
                       GArray             *left,
                       GArray             *right)
{
  GtkWidget *button = gtk_button_new_with_label (text);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_set_tooltip_text (button, tooltip);
  if (left != NULL)
    g_object_set_data_full (G_OBJECT (button), "left", g_array_ref (left), (GDestroyNotify) g_array_unref);
  if (right != NULL)
    g_object_set_data_full (G_OBJECT (button), "right", g_array_ref (right), (GDestroyNotify) g_array_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (paragraphs_clicked_cb), self);
  strip_append (box, button);
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

/* Shared sources, and who is named on one side only ("Lee never names
 * Yoon"). */
static void
render_sources_and_names (DossierComparePage         *self,
                          const DossierCompareResult *result)
{
  if (result->sources->len > 0)
    {
      GtkWidget *box = add_strip_row (self, _("Shared sources"));

      for (guint i = 0; i < result->sources->len && i < 8; i++)
        {
          DossierSharedSource *source = g_ptr_array_index (result->sources, i);
          g_autoptr(GArray) left = NULL;
          g_autoptr(GArray) right = NULL;
          g_autofree char *start = NULL;
          g_autofree char *label = NULL;

          if (source_has_title (result, source))
            continue;
          left = paragraphs_citing (document_for (self, TRUE), source->a_notes);
          right = paragraphs_citing (document_for (self, FALSE), source->b_notes);
          start = g_utf8_substring (source->display, 0, 47);
          label = g_utf8_strlen (source->display, -1) > 48
                  ? g_strconcat (start, "…", NULL)
                  : g_strdup (source->display);

          add_paragraphs_button (self, box, label, source->display, left, right);
        }
    }

  for (int side = 0; side < 2; side++)
    {
      GPtrArray *names = side == 0 ? result->names_a : result->names_b;
      GtkWidget *box = NULL;
      guint shown = 0;

      for (guint i = 0; i < names->len && shown < 10; i++)
        {
          DossierNamedEntity *entity = g_ptr_array_index (names, i);
          g_autofree char *tooltip = NULL;

          if (dossier_compare_result_name_is_shared ((DossierCompareResult *) result, side == 0, entity))
            continue;
          if (box == NULL)
            box = add_strip_row (self, side == 0 ? _("Named only left") : _("Named only right"));
          tooltip = g_strdup_printf (ngettext ("Named %u time", "Named %u times", entity->mentions), entity->mentions);
          add_paragraphs_button (self, box, entity->name, tooltip,
                                 side == 0 ? entity->paragraphs : NULL, side == 0 ? NULL : entity->paragraphs);
          shown++;
        }
    }
}

static void
render_topics (DossierComparePage *self)
{
  const DossierCompareResult *result = dossier_comparison_get_result (self->comparison);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topic_box))) != NULL)
    gtk_box_remove (self->topic_box, child);
  if (result == NULL)
    return;

  add_topic_row (self, _("Both"), result->shared_terms);
  add_topic_row (self, _("Only left"), result->only_a_terms);
  add_topic_row (self, _("Only right"), result->only_b_terms);
  render_sources_and_names (self, result);
}

/* ---- computing ---- */

static void
update_status (DossierComparePage *self)
{
  g_autofree char *text = NULL;
  guint n_links = g_list_model_get_n_items (dossier_comparison_get_alignments (self->comparison));

  if (dossier_comparison_get_busy (self->comparison))
    text = g_strdup (_("Comparing…"));
  else if (dossier_comparison_get_result (self->comparison) == NULL)
    text = g_strdup ("");
  else if (dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    text = g_strdup_printf (ngettext ("Versions: %u change", "Versions: %u changes",
                                      dossier_comparison_get_change_count (self->comparison)),
                            dossier_comparison_get_change_count (self->comparison));
  else
    text = g_strdup_printf (ngettext ("Perspectives: %u linked pair", "Perspectives: %u linked pairs", n_links),
                            n_links);

  gtk_label_set_text (self->status_label, text);
  gtk_spinner_set_spinning (self->spinner, dossier_comparison_get_busy (self->comparison));
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean versions;
  gboolean ok = dossier_comparison_recompute_finish (DOSSIER_COMPARISON (object), result, &error);

  /* the page was disposed while the comparison ran */
  if (self->comparison == NULL || self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!ok)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }

  versions = dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS;
  self->current_change = -1;
  render_topics (self);
  render_all_rows (self);
  update_status (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", versions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change", versions);
  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
}

static void
recompute (DossierComparePage *self)
{
  dossier_comparison_recompute_async (self->comparison, self->cancellable,
                                      recompute_done_cb, g_object_ref (self));
  update_status (self);
}

/* ---- actions ---- */

static void
go_to_change (DossierComparePage *self,
              int                 direction)
{
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);
  int n_changes = dossier_comparison_get_change_count (self->comparison);
  int target;

  if (n_changes == 0)
    return;
  target = self->current_change + direction;
  if (target < 0)
    target = n_changes - 1;
  if (target >= n_changes)
    target = 0;
  self->current_change = target;

  for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
    {
      g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
      int a = dossier_diff_chunk_get_a_paragraph (chunk), b = dossier_diff_chunk_get_b_paragraph (chunk);

      if (dossier_diff_chunk_get_change (chunk) != target)
        continue;

      gtk_list_box_unselect_all (self->left_list);
      gtk_list_box_unselect_all (self->right_list);
      self->syncing = TRUE;
      if (a >= 0)
        {
          gtk_list_box_select_row (self->left_list, gtk_list_box_get_row_at_index (self->left_list, a));
          scroll_to_row (self, TRUE, a);
        }
      if (b >= 0)
        {
          gtk_list_box_select_row (self->right_list, gtk_list_box_get_row_at_index (self->right_list, b));
          scroll_to_row (self, FALSE, b);
        }
      self->syncing = FALSE;
      return;
    }
}

static void
next_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  go_to_change (DOSSIER_COMPARE_PAGE (widget), 1);
}

static void
previous_change_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  go_to_change (DOSSIER_COMPARE_PAGE (widget), -1);
}

static void
toggle_anchor_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);

  if (self->left_focus < 0 || self->right_focus < 0)
    return;
  if (!dossier_comparison_remove_anchor (self->comparison, self->left_focus, self->right_focus))
    dossier_comparison_add_anchor (self->comparison, self->left_focus, self->right_focus);
  recompute (self);
}

static void
save_response_cb (GtkNativeDialog    *dialog,
                  int                 response,
                  DossierComparePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!dossier_comparison_save (self->comparison, file, NULL, &error))
        gtk_label_set_text (self->status_label, error->message);
      else
        gtk_label_set_text (self->status_label, _("Comparison saved"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Saves the two documents' references, the mode and the anchors; the
 * portal-aware native dialog keeps the sandbox minimal. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Comparison"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Comparison.dossier-comparison"));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
mode_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  DossierComparisonMode mode;

  if (!dossier_comparison_mode_from_string (g_variant_get_string (parameter, NULL), &mode))
    return;
  dossier_comparison_set_mode (self->comparison, mode);
  recompute (self);
}

/* ---- object ---- */

static void
dossier_compare_page_constructed (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  G_OBJECT_CLASS (dossier_compare_page_parent_class)->constructed (object);

  g_return_if_fail (self->comparison != NULL);

  fill_list (self, TRUE);
  fill_list (self, FALSE);
  dossier_link_gutter_set_lists (self->gutter, self->left_list, self->right_list);
  dossier_link_gutter_set_links (self->gutter, dossier_comparison_get_alignments (self->comparison));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->left_scroller), "value-changed",
                           G_CALLBACK (left_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->right_scroller), "value-changed",
                           G_CALLBACK (right_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::busy", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.toggle-anchor", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change", FALSE);

  recompute (self);
}

static void
dossier_compare_page_dispose (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COMPARE_PAGE);
  /* the template's children without an id are not cleared by it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_compare_page_parent_class)->dispose (object);
}

static void
dossier_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_SYNC_SCROLLING:
      g_value_set_boolean (value, self->sync_scrolling);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      self->comparison = g_value_dup_object (value);
      break;
    case PROP_SYNC_SCROLLING:
      dossier_compare_page_set_sync_scrolling (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_page_class_init (DossierComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_compare_page_constructed;
  object_class->dispose = dossier_compare_page_dispose;
  object_class->get_property = dossier_compare_page_get_property;
  object_class->set_property = dossier_compare_page_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, DOSSIER_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_SCROLLING] =
    g_param_spec_boolean ("sync-scrolling", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_LINK_GUTTER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, topic_box);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, left_list);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, right_list);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, left_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, right_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, gutter);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, left_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, right_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, next_change_action);
  gtk_widget_class_install_action (widget_class, "compare.previous-change", NULL, previous_change_action);
  gtk_widget_class_install_action (widget_class, "compare.toggle-anchor", NULL, toggle_anchor_action);
  gtk_widget_class_install_action (widget_class, "compare.mode", "s", mode_action);
  gtk_widget_class_install_action (widget_class, "compare.save", NULL, save_action);
  gtk_widget_class_install_property_action (widget_class, "compare.sync-scrolling", "sync-scrolling");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous-change", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiercomparepage");
}

/* Paragraphs are set in the reader's face, following its serif toggle,
 * so moving between reading and comparing does not change the type. */
static void
serif_changed_cb (GSettings          *settings,
                  const char         *key,
                  DossierComparePage *self)
{
  if (g_settings_get_boolean (settings, "reader-serif"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "serif");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "serif");
}

/* The gutter sits between the panes; a wheel over it scrolls them as if
 * the pointer were over the left pane (the right one follows when
 * scrolling is synchronised, and is moved too when it is not). */
static gboolean
gutter_scroll_cb (GtkEventControllerScroll *controller,
                  double                    dx,
                  double                    dy,
                  DossierComparePage       *self)
{
  for (int side = 0; side < 2; side++)
    {
      GtkAdjustment *adjustment;
      double step, value;

      if (side == 1 && self->sync_scrolling)
        break;
      adjustment = gtk_scrolled_window_get_vadjustment (side == 0 ? self->left_scroller : self->right_scroller);
      if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
        step = 1.0;
      else
        step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
      value = gtk_adjustment_get_value (adjustment) + dy * step;
      gtk_adjustment_set_value (adjustment,
                                CLAMP (value, gtk_adjustment_get_lower (adjustment),
                                       gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
    }
  return GDK_EVENT_STOP;
}

static void
dossier_compare_page_init (DossierComparePage *self)
{
  GtkEventController *controller;

  self->left_focus = -1;
  self->right_focus = -1;
  self->current_change = -1;
  self->sync_scrolling = TRUE;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (gutter_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->gutter), controller);

  self->settings = g_settings_new ("io.github.dossier.Dossier");
  g_signal_connect_object (self->settings, "changed::reader-serif", G_CALLBACK (serif_changed_cb), self, 0);
  serif_changed_cb (self->settings, "reader-serif", self);
}

/**
 * dossier_compare_page_new:
 * @left: the left (older) document
 * @right: the right (newer) document
 *
 * Returns: (transfer full): a page comparing the two, computing at once
 */
GtkWidget *
dossier_compare_page_new (DossierDocument *left,
                          DossierDocument *right)
{
  g_autoptr(DossierComparison) comparison = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (left), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (right), NULL);

  comparison = dossier_comparison_new (left, right);
  return dossier_compare_page_new_for_comparison (comparison);
}

/**
 * dossier_compare_page_new_for_comparison:
 * @comparison: a comparison with both documents set (for example one
 *   reopened with dossier_comparison_load())
 *
 * Returns: (transfer full): a page showing @comparison
 */
GtkWidget *
dossier_compare_page_new_for_comparison (DossierComparison *comparison)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (dossier_comparison_get_left (comparison) != NULL, NULL);
  g_return_val_if_fail (dossier_comparison_get_right (comparison) != NULL, NULL);

  return g_object_new (DOSSIER_TYPE_COMPARE_PAGE, "comparison", comparison, NULL);
}

DossierComparison *
dossier_compare_page_get_comparison (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return self->comparison;
}

gboolean
dossier_compare_page_get_sync_scrolling (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  return self->sync_scrolling;
}

void
dossier_compare_page_set_sync_scrolling (DossierComparePage *self,
                                         gboolean            sync_scrolling)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  sync_scrolling = !!sync_scrolling;
  if (self->sync_scrolling == sync_scrolling)
    return;

  self->sync_scrolling = sync_scrolling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SCROLLING]);
}

/**
 * dossier_compare_page_get_list:
 * @self: a page
 * @left: which side
 *
 * Returns: (transfer none): the list of paragraphs of that side (row i is
 *   paragraph i)
 */
GtkListBox *
dossier_compare_page_get_list (DossierComparePage *self,
                               gboolean            left)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return list_for (self, left);
}

/**
 * dossier_compare_page_get_vadjustment:
 * @self: a page
 * @left: which side
 *
 * Returns: (transfer none): the vertical scroll position of that side
 */
GtkAdjustment *
dossier_compare_page_get_vadjustment (DossierComparePage *self,
                                      gboolean            left)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return gtk_scrolled_window_get_vadjustment (left ? self->left_scroller : self->right_scroller);
}
