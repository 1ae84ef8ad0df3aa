/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-compare-page-private.h"

/*
 * DossierComparePage's actions: stepping through links (perspectives) or
 * changes (versions) with Alt+Up and Alt+Down and the header's arrows;
 * linking two paragraphs (an anchor), accepting and rejecting a link (the
 * model records the choice; a rejection can be undone from its notice or
 * all at once from the menu); saving the comparison.
 */

/* ---- stepping through links and changes ---- */

typedef struct {
  guint key;      /* the paragraph on the side read, then the other */
  guint second;
  guint a, b;
} Stop;

static gboolean
right_has_focus (DossierComparePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->right_pane));
}

static int
compare_stops (gconstpointer x,
               gconstpointer y)
{
  const Stop *s = x, *t = y;

  if (s->key != t->key)
    return s->key < t->key ? -1 : 1;
  return (s->second > t->second) - (s->second < t->second);
}

/* Perspectives: the links in reading order of the pane being read (the
 * right one when it has the focus, as Meld follows the focused pane). */
static void
step_link (DossierComparePage *self,
           int                 direction)
{
  GListModel *alignments = dossier_comparison_get_alignments (self->comparison);
  guint n = g_list_model_get_n_items (alignments);
  gboolean by_right = right_has_focus (self);
  g_autoptr(GArray) stops = g_array_sized_new (FALSE, FALSE, sizeof (Stop), n);
  int target = -1;
  Stop here;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAlignment) link = g_list_model_get_item (alignments, i);
      Stop stop;

      stop.a = dossier_alignment_get_a (link);
      stop.b = dossier_alignment_get_b (link);
      stop.key = by_right ? stop.b : stop.a;
      stop.second = by_right ? stop.a : stop.b;
      g_array_append_val (stops, stop);
    }
  g_array_sort (stops, compare_stops);

  /* from the current link, or from where the reader's choice is */
  here.key = by_right ? self->right_focus : self->left_focus;
  here.second = by_right ? self->left_focus : self->right_focus;
  if ((int) here.key < 0)
    target = direction > 0 ? 0 : (int) n - 1;
  else if ((int) here.second < 0)
    here.second = direction > 0 ? G_MAXUINT : 0;

  for (guint i = 0; i < n && target < 0; i++)
    {
      guint k = direction > 0 ? i : n - 1 - i;
      int order = compare_stops (&g_array_index (stops, Stop, k), &here);

      if ((direction > 0 && order > 0) || (direction < 0 && order < 0))
        target = k;
    }
  if (target < 0)   /* past the last: wrap around */
    target = direction > 0 ? 0 : (int) n - 1;

  _dossier_compare_page_set_choice (self, g_array_index (stops, Stop, target).a, g_array_index (stops, Stop, target).b,
              CHOSE_PAIR, FALSE);
  _dossier_compare_page_show_pair (self, !by_right);
}

/* Versions: the changes of the edit script, in reading order. */
static void
select_change (DossierComparePage *self,
               int                 change)
{
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);

  for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
    {
      g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);
      int a = dossier_diff_chunk_get_a_paragraph (chunk), b = dossier_diff_chunk_get_b_paragraph (chunk);

      if (dossier_diff_chunk_get_change (chunk) != change)
        continue;

      self->current_change = change;
      _dossier_compare_page_set_choice (self, a, b, CHOSE_PAIR, FALSE);
      self->syncing = TRUE;
      if (a >= 0)
        dossier_compare_pane_scroll_to (self->left_pane, a);
      if (b >= 0)
        dossier_compare_pane_scroll_to (self->right_pane, b);
      self->syncing = FALSE;
      return;
    }
}

static void
go_to_change (DossierComparePage *self,
              int                 direction)
{
  int n_changes = dossier_comparison_get_change_count (self->comparison);
  int target;

  if (n_changes == 0)
    return;
  target = self->current_change + direction;
  if (self->current_change < 0 && direction < 0)
    target = n_changes - 1;
  if (target < 0)
    target = n_changes - 1;
  if (target >= n_changes)
    target = 0;
  select_change (self, target);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  int direction = g_str_equal (action_name, "compare.next") ? 1 : -1;

  if (dossier_comparison_get_result (self->comparison) == NULL)
    return;
  if (_dossier_compare_page_versions_mode (self))
    go_to_change (self, direction);
  else
    step_link (self, direction);
}

/* A band of the gutter was clicked: that link, or that change. */
void
_dossier_compare_page_gutter_activate_cb (DossierComparePage *self,
                                          int                 a,
                                          int                 b)
{
  GListModel *chunks = dossier_comparison_get_chunks (self->comparison);

  if (!_dossier_compare_page_versions_mode (self))
    {
      _dossier_compare_page_set_choice (self, a, b, CHOSE_PAIR, TRUE);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
    {
      g_autoptr(DossierDiffChunk) chunk = g_list_model_get_item (chunks, i);

      if (dossier_diff_chunk_get_change (chunk) >= 0 &&
          dossier_diff_chunk_get_a_paragraph (chunk) == a && dossier_diff_chunk_get_b_paragraph (chunk) == b)
        {
          select_change (self, dossier_diff_chunk_get_change (chunk));
          return;
        }
    }
}

/* ---- the analyst's choices ---- */

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
  _dossier_compare_page_recompute (self);
}



static void
reject_toast_dismissed_cb (DossierComparePage *self)
{
  self->reject_toast = NULL;
  g_array_set_size (self->rejected, 0);
}

static void
reject_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  g_autoptr(DossierAlignment) link = _dossier_compare_page_dup_current_link (self);
  g_autofree char *title = NULL;
  Rejection rejection;

  if (link == NULL)
    return;
  rejection.a = dossier_alignment_get_a (link);
  rejection.b = dossier_alignment_get_b (link);
  rejection.anchored = dossier_alignment_get_anchored (link);
  dossier_comparison_set_link_choice (self->comparison, rejection.a, rejection.b, DOSSIER_LINK_CHOICE_REJECTED);
  /* the anchor went with it, and the pull on its neighbours */
  if (rejection.anchored)
    _dossier_compare_page_recompute (self);

  /* one notice for rejections in a row, whose Undo restores them all */
  g_array_append_val (self->rejected, rejection);
  title = g_strdup_printf (ngettext ("Link rejected", "%u links rejected", self->rejected->len), self->rejected->len);
  if (self->reject_toast != NULL)
    {
      adw_toast_set_title (self->reject_toast, title);
      return;
    }
  self->reject_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->reject_toast, _("_Undo"));
  adw_toast_set_action_name (self->reject_toast, "compare.undo-reject");
  g_signal_connect_object (self->reject_toast, "dismissed", G_CALLBACK (reject_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->reject_toast);
}

static void
undo_reject_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  gboolean anchors = FALSE;

  for (guint i = 0; i < self->rejected->len; i++)
    {
      const Rejection *rejection = &g_array_index (self->rejected, Rejection, i);

      if (rejection->anchored)
        anchors |= dossier_comparison_add_anchor (self->comparison, rejection->a, rejection->b);
      else
        dossier_comparison_set_link_choice (self->comparison, rejection->a, rejection->b, DOSSIER_LINK_CHOICE_NONE);
    }
  g_array_set_size (self->rejected, 0);
  if (anchors)
    _dossier_compare_page_recompute (self);
}

static void
restore_rejected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  guint n = dossier_comparison_clear_link_choices (self->comparison, DOSSIER_LINK_CHOICE_REJECTED);
  g_autofree char *title = NULL;

  if (n == 0)
    return;
  title = g_strdup_printf (ngettext ("%u link restored", "%u links restored", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- saving ---- */

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
        {
          g_autofree char *title = g_markup_printf_escaped (_("Could not save the comparison: %s"), error->message);
          AdwToast *toast = adw_toast_new (title);

          /* the reason stays readable until dismissed */
          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Comparison saved")));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Saves the two documents' references, the mode, the anchors and the
 * accepted and rejected links; the portal-aware native dialog keeps the
 * sandbox minimal. */
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



/* ---- which actions apply ---- */

void
_dossier_compare_page_update_actions (DossierComparePage *self)
{
  g_autoptr(DossierAlignment) link = _dossier_compare_page_dup_current_link (self);
  gboolean computed = dossier_comparison_get_result (self->comparison) != NULL;
  gboolean versions = computed && _dossier_compare_page_versions_mode (self);
  guint n_stops = versions ? dossier_comparison_get_change_count (self->comparison)
                           : g_list_model_get_n_items (dossier_comparison_get_alignments (self->comparison));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.accept-link",
                                 link != NULL && !dossier_alignment_get_anchored (link));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.reject-link", link != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.toggle-anchor",
                                 computed && self->left_focus >= 0 && self->right_focus >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next", computed && n_stops > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous", computed && n_stops > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.restore-rejected",
                                 dossier_comparison_get_n_rejected (self->comparison) > 0);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button),
                               versions ? _("Previous Change (Alt+Up)") : _("Previous Link (Alt+Up)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               versions ? _("Next Change (Alt+Down)") : _("Next Link (Alt+Down)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  versions ? _("Previous Change") : _("Previous Link"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  versions ? _("Next Change") : _("Next Link"), -1);
}

/* The property actions (mode, automatic mode, accept, synchronised
 * scrolling, terms panel) are installed with the properties. */
void
_dossier_compare_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "compare.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "compare.toggle-anchor", NULL, toggle_anchor_action);
  gtk_widget_class_install_action (widget_class, "compare.reject-link", NULL, reject_link_action);
  gtk_widget_class_install_action (widget_class, "compare.undo-reject", NULL, undo_reject_action);
  gtk_widget_class_install_action (widget_class, "compare.restore-rejected", NULL, restore_rejected_action);
  gtk_widget_class_install_action (widget_class, "compare.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "compare.accept-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "compare.reject-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_ALT_MASK, "compare.toggle-anchor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "compare.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "compare.show-terms", NULL);
}
