/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-compare-page-private.h"

/*
 * The side-by-side comparison, after Meld: a header bar (mode toggle,
 * previous/next, the terms panel, the page menu), the terms panel, two
 * panes (DossierComparePane) with the link gutter between them, and a bar
 * for the current link (its strength and shared terms; Accept, Reject,
 * Link). Everything shown comes from the DossierComparison model,
 * computed off the main thread; the page keeps only the view state — the
 * paragraph chosen on each side (the pair of which is the current link)
 * and the current change — and asks the model to record the analyst's
 * choices.
 */

G_DEFINE_FINAL_TYPE (DossierComparePage, dossier_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_SYNC_SCROLLING,
  PROP_SHOW_TERMS,
  PROP_MODE,
  PROP_AUTOMATIC_MODE,
  PROP_LINK_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The properties that follow the model and the choice (the mode shown,
 * automatic or not, the current link accepted or not) notify when they
 * change, not whenever something they depend on does. */
static gboolean get_link_accepted (DossierComparePage *self);
static DossierComparisonMode shown_mode (DossierComparePage *self);

static void
update_derived (DossierComparePage *self)
{
  gboolean accepted = get_link_accepted (self);
  DossierComparisonMode mode = shown_mode (self);
  gboolean automatic = dossier_comparison_get_mode (self->comparison) == DOSSIER_COMPARISON_MODE_AUTO;

  if (accepted != self->shown_accepted)
    {
      self->shown_accepted = accepted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK_ACCEPTED]);
    }
  if (mode != self->shown_mode)
    {
      self->shown_mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  if (automatic != self->shown_automatic)
    {
      self->shown_automatic = automatic;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOMATIC_MODE]);
    }
}

DossierComparePane *
_dossier_compare_page_get_pane (DossierComparePage *self,
          gboolean            left)
{
  return left ? self->left_pane : self->right_pane;
}

gboolean
_dossier_compare_page_versions_mode (DossierComparePage *self)
{
  return dossier_comparison_get_effective_mode (self->comparison) == DOSSIER_COMPARISON_MODE_VERSIONS;
}

/* ---- rendering paragraphs ---- */

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
              DossierPaneMark mark;

              while (g_ascii_isalnum (*end))
                end++;
              mark.start = g_utf8_pointer_to_offset (text, p);
              mark.end = g_utf8_pointer_to_offset (text, end);
              mark.kind = DOSSIER_PANE_MARK_TERM;
              g_array_append_val (marks, mark);
              p = end - 1;
            }
        }
    }
}

/* The terms to mark in a paragraph: those of its links to the paragraph
 * chosen on the other side (or all its links when it is the one chosen). */
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
  DossierComparePane *pane = _dossier_compare_page_get_pane (self, left);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (DossierPaneMark));
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);

  if (paragraph >= dossier_compare_pane_get_n_paragraphs (pane))
    return;

  if (_dossier_compare_page_versions_mode (self))
    {
      for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
        {
          g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
          DossierDiffOp op = dossier_diff_chunk_get_op (chunk);
          DossierPaneMark mark = { 0, 0, op == DOSSIER_DIFF_DELETE ? DOSSIER_PANE_MARK_DELETE : DOSSIER_PANE_MARK_INSERT };

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
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();
      g_autoptr(DossierParagraph) par = g_list_model_get_item (dossier_document_get_paragraphs (dossier_compare_pane_get_document (pane)),
                                                               paragraph);

      collect_terms (self, left, paragraph, terms);
      g_ptr_array_add (terms, NULL);
      add_term_marks (marks, dossier_paragraph_get_text (par), (const char * const *) terms->pdata);
    }

  dossier_compare_pane_render (pane, paragraph, marks);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* What assistive technologies say after a paragraph's text: which
 * paragraphs of the other article it is linked to. */
static void
describe_rows (DossierComparePage *self)
{
  GListModel *alignments = dossier_comparison_get_alignments (self->comparison);
  gboolean versions = _dossier_compare_page_versions_mode (self);

  for (int side = 0; side < 2; side++)
    {
      DossierComparePane *pane = _dossier_compare_page_get_pane (self, side == 0);
      guint n = dossier_compare_pane_get_n_paragraphs (pane);
      g_autoptr(GPtrArray) others = g_ptr_array_new_full (n, free_string);

      for (guint p = 0; p < n; p++)
        g_ptr_array_add (others, g_string_new (NULL));
      for (guint i = 0; i < g_list_model_get_n_items (alignments); i++)
        {
          g_autoptr(DossierAlignment) link = g_list_model_get_item (alignments, i);
          guint mine = side == 0 ? dossier_alignment_get_a (link) : dossier_alignment_get_b (link);
          guint other = side == 0 ? dossier_alignment_get_b (link) : dossier_alignment_get_a (link);
          GString *list;

          if (mine >= n)
            continue;
          list = g_ptr_array_index (others, mine);
          g_string_append_printf (list, "%s%u", list->len > 0 ? ", " : "", other + 1);
        }
      for (guint p = 0; p < n; p++)
        {
          GString *list = g_ptr_array_index (others, p);
          g_autofree char *text = NULL;

          if (list->len > 0)
            text = g_strdup_printf (versions ? _("Paragraph %u; the same as paragraph %s of the other version")
                                             : _("Paragraph %u; linked to paragraph %s of the other article"),
                                    p + 1, list->str);
          else
            text = g_strdup_printf (_("Paragraph %u; not linked"), p + 1);
          dossier_compare_pane_describe (pane, p, text);
        }
    }
}

static void
render_all_rows (DossierComparePage *self)
{
  for (int side = 0; side < 2; side++)
    {
      guint n = dossier_compare_pane_get_n_paragraphs (_dossier_compare_page_get_pane (self, side == 0));

      for (guint p = 0; p < n; p++)
        render_row (self, side == 0, p);
    }
}

/* Re-renders the chosen paragraphs and everything linked to them. */
static void
render_focus_rows (DossierComparePage *self,
                   int                 left_focus,
                   int                 right_focus)
{
  if (_dossier_compare_page_versions_mode (self))
    return;   /* the diff marks do not depend on the choice */

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

/* ---- the chosen paragraphs ---- */

DossierAlignment *
_dossier_compare_page_dup_current_link (DossierComparePage *self)
{
  if (self->left_focus < 0 || self->right_focus < 0 || _dossier_compare_page_versions_mode (self))
    return NULL;
  return dossier_comparison_find_link (self->comparison, self->left_focus, self->right_focus, NULL);
}

static void
select_on (DossierComparePage *self,
           gboolean            left,
           int                 paragraph,
           GArray             *also)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (also != NULL)
    g_array_append_vals (rows, also->data, also->len);
  if (paragraph >= 0 && (also == NULL || also->len == 0))
    g_array_append_val (rows, paragraph);
  dossier_compare_pane_select (_dossier_compare_page_get_pane (self, left), (const guint *) (gpointer) rows->data, rows->len);
}

void
_dossier_compare_page_scroll_into_view (DossierComparePage *self,
                  gboolean            left,
                  int                 paragraph,
                  gboolean            always)
{
  DossierComparePane *pane = _dossier_compare_page_get_pane (self, left);

  if (paragraph < 0)
    return;
  if (always || !dossier_compare_pane_row_in_view (pane, paragraph))
    dossier_compare_pane_scroll_to (pane, paragraph);
}

/* Brings the chosen pair into view as Meld shows a chunk: the leading
 * side's paragraph where it is when it shows (else at the top), the other
 * side's at the same height, so that the band between them runs level.
 * The synchronised scrolling does not move them back. */
void
_dossier_compare_page_show_pair (DossierComparePage *self,
                                 gboolean            lead_left)
{
  int lead = lead_left ? self->left_focus : self->right_focus;
  int other = lead_left ? self->right_focus : self->left_focus;
  DossierComparePane *lead_pane = _dossier_compare_page_get_pane (self, lead_left);
  DossierComparePane *other_pane = _dossier_compare_page_get_pane (self, !lead_left);
  GtkAdjustment *lead_adj = dossier_compare_pane_get_vadjustment (lead_pane);
  GtkAdjustment *other_adj = dossier_compare_pane_get_vadjustment (other_pane);
  gboolean was_syncing = self->syncing;
  double height, target;

  self->syncing = TRUE;
  if (lead < 0)
    _dossier_compare_page_scroll_into_view (self, !lead_left, other, FALSE);
  else
    {
      _dossier_compare_page_scroll_into_view (self, lead_left, lead, FALSE);
      if (other >= 0)
        {
          height = dossier_compare_pane_get_row_y (lead_pane, lead) - gtk_adjustment_get_value (lead_adj);
          target = dossier_compare_pane_get_row_y (other_pane, other) - height;
          gtk_adjustment_set_value (other_adj,
                                    CLAMP (target, gtk_adjustment_get_lower (other_adj),
                                           gtk_adjustment_get_upper (other_adj) - gtk_adjustment_get_page_size (other_adj)));
        }
    }
  self->syncing = was_syncing;
}

/* Chooses a paragraph on each side (-1 for none), selects and marks them,
 * and brings them into view without the synchronised scrolling moving
 * them back. */
void
_dossier_compare_page_set_choice (DossierComparePage *self,
            int                 left,
            int                 right,
            ChoiceKind          kind,
            gboolean            scroll)
{
  int old_left = self->left_focus, old_right = self->right_focus;
  g_autoptr(GArray) left_links = NULL;
  g_autoptr(GArray) right_links = NULL;

  self->left_focus = left;
  self->right_focus = right;

  if (kind == CHOSE_LEFT && left >= 0)
    right_links = dossier_comparison_dup_links_for (self->comparison, TRUE, left);
  if (kind == CHOSE_RIGHT && right >= 0)
    left_links = dossier_comparison_dup_links_for (self->comparison, FALSE, right);
  select_on (self, TRUE, left, left_links);
  select_on (self, FALSE, right, right_links);

  /* only the rows around the old and the new choice change their marks */
  render_focus_rows (self, old_left, old_right);
  render_focus_rows (self, left, right);
  dossier_link_gutter_set_selection (self->gutter, left, right);
  dossier_overview_strip_set_current (dossier_compare_pane_get_strip (self->left_pane), left);
  dossier_overview_strip_set_current (dossier_compare_pane_get_strip (self->right_pane), right);

  if (scroll)
    _dossier_compare_page_show_pair (self, kind != CHOSE_RIGHT);

  _dossier_compare_page_update (self);
  update_derived (self);
}

/* A paragraph clicked or activated: its best match is chosen on the other
 * side, unless Ctrl was held, the paragraph there is already one of its
 * matches, or it has none (then the other side keeps its choice, so that
 * two unlinked paragraphs can be chosen and linked). */
static void
choose_paragraph (DossierComparePage *self,
                  gboolean            left,
                  guint               paragraph,
                  gboolean            keep_other)
{
  g_autoptr(GArray) links = dossier_comparison_dup_links_for (self->comparison, left, paragraph);
  int other = left ? self->right_focus : self->left_focus;
  gboolean other_linked = FALSE;

  for (guint i = 0; i < links->len; i++)
    other_linked |= (int) g_array_index (links, guint, i) == other;
  if (!keep_other && !other_linked && links->len > 0)
    other = g_array_index (links, guint, 0);

  if (_dossier_compare_page_versions_mode (self))
    self->current_change = -1;
  if (left)
    _dossier_compare_page_set_choice (self, paragraph, other, keep_other ? CHOSE_PAIR : CHOSE_LEFT, TRUE);
  else
    _dossier_compare_page_set_choice (self, other, paragraph, keep_other ? CHOSE_PAIR : CHOSE_RIGHT, TRUE);
}

static void
left_activated_cb (DossierComparePage *self,
                   guint               paragraph,
                   gboolean            keep_other)
{
  choose_paragraph (self, TRUE, paragraph, keep_other);
}

static void
right_activated_cb (DossierComparePage *self,
                    guint               paragraph,
                    gboolean            keep_other)
{
  choose_paragraph (self, FALSE, paragraph, keep_other);
}

/**
 * dossier_compare_page_select_paragraph:
 * @self: a page
 * @left: which side
 * @paragraph: a paragraph of that side's document
 *
 * Chooses a paragraph as a click would: its matches on the other side are
 * selected, their shared terms marked in both panes, and the best match
 * scrolled into view.
 */
void
dossier_compare_page_select_paragraph (DossierComparePage *self,
                                       gboolean            left,
                                       guint               paragraph)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  choose_paragraph (self, left, paragraph, FALSE);
}

/* ---- the bar of the current link, and the title ---- */

static gboolean
get_link_accepted (DossierComparePage *self)
{
  g_autoptr(DossierAlignment) link = _dossier_compare_page_dup_current_link (self);

  return link != NULL && dossier_alignment_get_accepted (link);
}

static void
set_link_accepted (DossierComparePage *self,
                   gboolean            accepted)
{
  if (self->left_focus < 0 || self->right_focus < 0 || get_link_accepted (self) == !!accepted)
    return;
  dossier_comparison_set_link_choice (self->comparison, self->left_focus, self->right_focus,
                                      accepted ? DOSSIER_LINK_CHOICE_ACCEPTED : DOSSIER_LINK_CHOICE_NONE);
  update_derived (self);
}

/* What the mode toggle shows: the mode computed when it was chosen
 * automatically, otherwise the one asked for. */
static DossierComparisonMode
shown_mode (DossierComparePage *self)
{
  DossierComparisonMode mode = dossier_comparison_get_mode (self->comparison);

  if (mode == DOSSIER_COMPARISON_MODE_AUTO && dossier_comparison_get_result (self->comparison) != NULL)
    return dossier_comparison_get_effective_mode (self->comparison);
  return mode;
}

static void
set_mode (DossierComparePage    *self,
          DossierComparisonMode  mode)
{
  if (mode == dossier_comparison_get_mode (self->comparison))
    return;
  dossier_comparison_set_mode (self->comparison, mode);
  update_derived (self);
  _dossier_compare_page_recompute (self);
}

static char *
describe_totals (DossierComparePage *self)
{
  guint n_links = g_list_model_get_n_items (dossier_comparison_get_alignments (self->comparison));
  guint n_accepted = dossier_comparison_get_n_accepted (self->comparison);
  guint n_rejected = dossier_comparison_get_n_rejected (self->comparison);
  guint n_changes = dossier_comparison_get_change_count (self->comparison);
  g_autoptr(GString) text = NULL;

  if (dossier_comparison_get_busy (self->comparison) || dossier_comparison_get_result (self->comparison) == NULL)
    return g_strdup (_("Comparing…"));
  if (_dossier_compare_page_versions_mode (self))
    return g_strdup_printf (ngettext ("%u change", "%u changes", n_changes), n_changes);

  text = g_string_new (NULL);
  g_string_printf (text, ngettext ("%u link", "%u links", n_links), n_links);
  if (n_accepted > 0)
    g_string_append_printf (text, ngettext (" · %u accepted", " · %u accepted", n_accepted), n_accepted);
  if (n_rejected > 0)
    g_string_append_printf (text, ngettext (" · %u rejected", " · %u rejected", n_rejected), n_rejected);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_dossier_compare_page_update (DossierComparePage *self)
{
  g_autofree char *totals = describe_totals (self);

  dossier_compare_link_bar_show (self->link_bar, self->comparison, self->left_focus, self->right_focus,
                                 self->current_change);
  adw_window_title_set_subtitle (self->window_title, totals);
  _dossier_compare_page_update_actions (self);
}

/* ---- synchronised scrolling ---- */

/* As Meld's: the paragraph at the top of the scrolled pane brings its
 * match to the top of the other, keeping the same offset into it. */
static void
sync_from (DossierComparePage *self,
           gboolean            left)
{
  DossierComparePane *from = _dossier_compare_page_get_pane (self, left);
  DossierComparePane *to = _dossier_compare_page_get_pane (self, !left);
  GtkAdjustment *from_adj = dossier_compare_pane_get_vadjustment (from);
  GtkAdjustment *to_adj = dossier_compare_pane_get_vadjustment (to);
  double value = gtk_adjustment_get_value (from_adj);
  int top = dossier_compare_pane_get_top_row (from);

  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
  if (!self->sync_scrolling || self->syncing || top < 0 || self->comparison == NULL)
    return;

  /* the nearest paragraph at or above the top that has a match */
  for (int index = top; index >= 0; index--)
    {
      g_autoptr(GArray) links = dossier_comparison_dup_links_for (self->comparison, left, index);
      guint match;
      double offset, height_from, height_to;

      if (links->len == 0)
        continue;
      match = g_array_index (links, guint, 0);
      height_from = MAX (1, dossier_compare_pane_get_row_height (from, index));
      height_to = MAX (1, dossier_compare_pane_get_row_height (to, match));
      offset = (value - dossier_compare_pane_get_row_y (from, index)) * height_to / height_from;

      self->syncing = TRUE;
      gtk_adjustment_set_value (to_adj, dossier_compare_pane_get_row_y (to, match) + offset);
      self->syncing = FALSE;
      return;
    }

  /* nothing linked above: keep the same relative position */
  {
    double range_from = gtk_adjustment_get_upper (from_adj) - gtk_adjustment_get_page_size (from_adj);
    double range_to = gtk_adjustment_get_upper (to_adj) - gtk_adjustment_get_page_size (to_adj);

    self->syncing = TRUE;
    gtk_adjustment_set_value (to_adj, range_from > 0 ? value / range_from * range_to : 0.0);
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
      adjustment = dossier_compare_pane_get_vadjustment (_dossier_compare_page_get_pane (self, side == 0));
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

/* ---- the terms panel ---- */

static void
show_paragraphs_cb (DossierComparePage *self,
                    GArray             *left,
                    GArray             *right)
{
  GArray *sides[2] = { left, right };

  for (int side = 0; side < 2; side++)
    {
      GArray *pars = sides[side];

      dossier_compare_pane_select (_dossier_compare_page_get_pane (self, side == 0), pars != NULL ? (const guint *) (gpointer) pars->data : NULL,
                                   pars != NULL ? pars->len : 0);
      self->syncing = TRUE;
      if (pars != NULL && pars->len > 0)
        dossier_compare_pane_scroll_to (_dossier_compare_page_get_pane (self, side == 0), g_array_index (pars, guint, 0));
      self->syncing = FALSE;
    }
}

/* ---- computing ---- */

static void
links_changed_cb (DossierComparePage *self)
{
  if (dossier_comparison_get_result (self->comparison) == NULL)
    return;
  render_all_rows (self);
  describe_rows (self);
  dossier_link_gutter_set_selection (self->gutter, self->left_focus, self->right_focus);
  _dossier_compare_page_update (self);
  update_derived (self);
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dossier_comparison_recompute_finish (DOSSIER_COMPARISON (object), result, &error);
  gboolean versions;

  /* the page was disposed while the comparison ran */
  if (self->comparison == NULL || self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!ok)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);  /* toast titles are markup */

      _dossier_compare_page_update (self);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }

  versions = _dossier_compare_page_versions_mode (self);
  dossier_compare_pane_set_versions (self->left_pane, versions);
  dossier_compare_pane_set_versions (self->right_pane, versions);
  dossier_compare_terms_show (self->terms, dossier_comparison_get_result (self->comparison),
                              dossier_comparison_get_left (self->comparison),
                              dossier_comparison_get_right (self->comparison));
  self->current_change = -1;
  links_changed_cb (self);
  /* the choice stays, its selection follows the new links */
  _dossier_compare_page_set_choice (self, self->left_focus, self->right_focus, CHOSE_PAIR, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
}

void
_dossier_compare_page_recompute (DossierComparePage *self)
{
  dossier_comparison_recompute_async (self->comparison, self->cancellable,
                                      recompute_done_cb, g_object_ref (self));
  _dossier_compare_page_update (self);
}

static void
busy_changed_cb (DossierComparePage *self)
{
  _dossier_compare_page_update (self);
}

static void
effective_mode_changed_cb (DossierComparePage *self)
{
  update_derived (self);
}

/* ---- the analyst's choices ---- */

/* ---- saving ---- */

/* ---- the mode ---- */

/* ---- object ---- */

static void
dossier_compare_page_constructed (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);
  GListModel *alignments;

  G_OBJECT_CLASS (dossier_compare_page_parent_class)->constructed (object);

  g_return_if_fail (self->comparison != NULL);

  dossier_compare_pane_set_document (self->left_pane, dossier_comparison_get_left (self->comparison));
  dossier_compare_pane_set_document (self->right_pane, dossier_comparison_get_right (self->comparison));
  dossier_link_gutter_set_lists (self->gutter, dossier_compare_pane_get_list (self->left_pane),
                                 dossier_compare_pane_get_list (self->right_pane));
  dossier_link_gutter_set_comparison (self->gutter, self->comparison);
  dossier_overview_strip_set_comparison (dossier_compare_pane_get_strip (self->left_pane), self->comparison);
  dossier_overview_strip_set_comparison (dossier_compare_pane_get_strip (self->right_pane), self->comparison);

  g_signal_connect_object (dossier_compare_pane_get_vadjustment (self->left_pane), "value-changed",
                           G_CALLBACK (left_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dossier_compare_pane_get_vadjustment (self->right_pane), "value-changed",
                           G_CALLBACK (right_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::busy", G_CALLBACK (busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::effective-mode", G_CALLBACK (effective_mode_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::n-rejected", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  alignments = dossier_comparison_get_alignments (self->comparison);
  g_signal_connect_object (alignments, "items-changed", G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);

  _dossier_compare_page_update (self);
  _dossier_compare_page_recompute (self);
}

static void
dossier_compare_page_dispose (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->reject_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->reject_toast, self);
  self->reject_toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COMPARE_PAGE);
  /* the template's children without an id are not cleared by it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rejected, g_array_unref);

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
    case PROP_SHOW_TERMS:
      g_value_set_boolean (value, self->show_terms);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->comparison != NULL ? shown_mode (self) : DOSSIER_COMPARISON_MODE_AUTO);
      break;
    case PROP_AUTOMATIC_MODE:
      g_value_set_boolean (value, self->comparison != NULL &&
                                  dossier_comparison_get_mode (self->comparison) == DOSSIER_COMPARISON_MODE_AUTO);
      break;
    case PROP_LINK_ACCEPTED:
      g_value_set_boolean (value, self->comparison != NULL && get_link_accepted (self));
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
    case PROP_SHOW_TERMS:
      dossier_compare_page_set_show_terms (self, g_value_get_boolean (value));
      break;
    case PROP_MODE:
      set_mode (self, g_value_get_enum (value));
      break;
    case PROP_AUTOMATIC_MODE:
      /* turned off, the mode shown now is kept */
      set_mode (self, g_value_get_boolean (value) ? DOSSIER_COMPARISON_MODE_AUTO : shown_mode (self));
      break;
    case PROP_LINK_ACCEPTED:
      set_link_accepted (self, g_value_get_boolean (value));
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
  properties[PROP_SHOW_TERMS] =
    g_param_spec_boolean ("show-terms", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the mode shown: the computed one while the mode is chosen automatically */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, DOSSIER_TYPE_COMPARISON_MODE, DOSSIER_COMPARISON_MODE_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOMATIC_MODE] =
    g_param_spec_boolean ("automatic-mode", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether the current link is accepted; setting it accepts or withdraws */
  properties[PROP_LINK_ACCEPTED] =
    g_param_spec_boolean ("link-accepted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_LINK_GUTTER);
  g_type_ensure (DOSSIER_TYPE_COMPARE_PANE);
  g_type_ensure (DOSSIER_TYPE_COMPARE_TERMS);
  g_type_ensure (DOSSIER_TYPE_COMPARE_LINK_BAR);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, terms_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, terms);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, left_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, right_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, gutter);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, link_bar);
  gtk_widget_class_bind_template_callback (widget_class, left_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, right_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "gutter_activate_cb",
                                               G_CALLBACK (_dossier_compare_page_gutter_activate_cb));
  gtk_widget_class_bind_template_callback (widget_class, show_paragraphs_cb);

  gtk_widget_class_install_property_action (widget_class, "compare.accept-link", "link-accepted");
  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "compare.automatic-mode", "automatic-mode");
  gtk_widget_class_install_property_action (widget_class, "compare.sync-scrolling", "sync-scrolling");
  gtk_widget_class_install_property_action (widget_class, "compare.show-terms", "show-terms");
  _dossier_compare_page_class_init_actions (widget_class);

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

static void
dossier_compare_page_init (DossierComparePage *self)
{
  GtkEventController *controller;

  self->left_focus = -1;
  self->right_focus = -1;
  self->current_change = -1;
  self->sync_scrolling = TRUE;
  self->show_terms = TRUE;
  self->shown_automatic = TRUE;
  self->cancellable = g_cancellable_new ();
  self->rejected = g_array_new (FALSE, FALSE, sizeof (Rejection));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_object_bind_property (self, "show-terms", self->terms_revealer, "reveal-child", G_BINDING_SYNC_CREATE);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (gutter_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->gutter), controller);

  self->settings = g_settings_new ("io.github.dossier.Dossier");
  g_signal_connect_object (self->settings, "changed::reader-serif", G_CALLBACK (serif_changed_cb), self, 0);
  serif_changed_cb (self->settings, "reader-serif", self);
  /* Whether the panel is wanted is a habit of the reader, not of one comparison. */
  g_settings_bind (self->settings, "compare-terms", self, "show-terms", G_SETTINGS_BIND_DEFAULT);
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

gboolean
dossier_compare_page_get_show_terms (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  return self->show_terms;
}

/**
 * dossier_compare_page_set_show_terms:
 * @self: a page
 * @show_terms: whether the panel of terms, sources and names is shown
 */
void
dossier_compare_page_set_show_terms (DossierComparePage *self,
                                     gboolean            show_terms)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  show_terms = !!show_terms;
  if (self->show_terms == show_terms)
    return;

  self->show_terms = show_terms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TERMS]);
}

/**
 * dossier_compare_page_get_current_link:
 * @self: a page
 * @left_paragraph: (out) (optional): the paragraph chosen on the left, or -1
 * @right_paragraph: (out) (optional): the one chosen on the right, or -1
 *
 * Returns: whether the two chosen paragraphs are linked (in versions mode,
 *   aligned)
 */
gboolean
dossier_compare_page_get_current_link (DossierComparePage *self,
                                       int                *left_paragraph,
                                       int                *right_paragraph)
{
  g_autoptr(DossierAlignment) link = NULL;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);

  if (left_paragraph != NULL)
    *left_paragraph = self->left_focus;
  if (right_paragraph != NULL)
    *right_paragraph = self->right_focus;
  if (self->left_focus < 0 || self->right_focus < 0)
    return FALSE;
  link = dossier_comparison_find_link (self->comparison, self->left_focus, self->right_focus, NULL);
  return link != NULL;
}

/**
 * dossier_compare_page_get_link_text:
 * @self: a page
 *
 * Returns: what the bar below the panes says about the current link or
 *   change (for tests)
 */
const char *
dossier_compare_page_get_link_text (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return dossier_compare_link_bar_get_text (self->link_bar);
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
  return dossier_compare_pane_get_list (_dossier_compare_page_get_pane (self, left));
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
  return dossier_compare_pane_get_vadjustment (_dossier_compare_page_get_pane (self, left));
}

/**
 * dossier_compare_page_get_header_bar:
 * @self: a page
 *
 * Returns: (transfer none): the page's header bar (the window binds its
 *   title buttons to the leaflet)
 */
AdwHeaderBar *
dossier_compare_page_get_header_bar (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return self->header_bar;
}
