/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-compare-link-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-compare-link-bar.h"

/*
 * The bar below a comparison's panes: what the current link is (its
 * number, strength, whether the analyst accepted or made it, the terms
 * the two paragraphs share) or the current change, with the buttons that
 * act on it — Link/Unlink, Reject, Accept, Add to Memo. The buttons name
 * the page's actions (compare.*, win.add-to-memo); the page enables them.
 */
struct _DossierCompareLinkBar
{
  GtkWidget parent_instance;

  GtkSpinner *spinner;
  GtkLabel *label;
  GtkButton *anchor_button;
  GtkWidget *choice_box;
};

G_DEFINE_FINAL_TYPE (DossierCompareLinkBar, dossier_compare_link_bar, GTK_TYPE_WIDGET)

/* Strength is relative to the pair's strongest link (see
 * dossier_comparison_get_link_strength()). */
static const char *
strength_name (double strength)
{
  if (strength >= 0.75)
    return C_("link strength", "strong");
  if (strength >= 0.45)
    return C_("link strength", "moderate");
  return C_("link strength", "weak");
}

static char *
describe_link (DossierComparison *comparison,
               DossierAlignment  *link,
               guint              position)
{
  guint n = g_list_model_get_n_items (dossier_comparison_get_alignments (comparison));
  const char * const *terms = dossier_alignment_get_shared_terms (link);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *state = NULL;

  /* Translators: the current link's number among all links */
  g_string_printf (text, _("Link %u of %u"), position + 1, n);
  g_string_append (text, " · ");
  g_string_append (text, strength_name (dossier_comparison_get_link_strength (comparison, link)));
  if (dossier_alignment_get_anchored (link))
    state = _("linked by you");
  else if (dossier_alignment_get_accepted (link))
    state = _("accepted");
  if (state != NULL)
    g_string_append_printf (text, ", %s", state);
  for (guint t = 0; terms != NULL && terms[t] != NULL && t < 4; t++)
    g_string_append_printf (text, t == 0 ? " · %s" : ", %s", terms[t]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe (DossierComparison *comparison,
          int                left,
          int                right,
          int                change)
{
  guint n_links = g_list_model_get_n_items (dossier_comparison_get_alignments (comparison));
  guint n_changes = dossier_comparison_get_change_count (comparison);
  g_autoptr(DossierAlignment) link = NULL;
  guint position = 0;

  if (dossier_comparison_get_busy (comparison))
    return g_strdup (_("Comparing…"));
  if (dossier_comparison_get_result (comparison) == NULL)
    return g_strdup ("");

  if (dossier_comparison_get_effective_mode (comparison) == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      if (change >= 0)
        /* Translators: the current change's number among all changes */
        return g_strdup_printf (_("Change %d of %u"), change + 1, n_changes);
      if (n_changes == 0)
        return g_strdup (_("The two versions are the same"));
      return g_strdup_printf (ngettext ("%u change: Alt+Down steps through it",
                                        "%u changes: Alt+Down steps through them", n_changes), n_changes);
    }

  if (left >= 0 && right >= 0)
    link = dossier_comparison_find_link (comparison, left, right, &position);
  if (link != NULL)
    return describe_link (comparison, link, position);
  if (left >= 0 && right >= 0)
    return g_strdup (_("The two chosen paragraphs are not linked"));
  if (left >= 0 || right >= 0)
    return g_strdup (_("This paragraph has no link; choose one on the other side to link them"));
  if (n_links == 0)
    return g_strdup (_("No paragraphs are linked; choose one on each side to link them"));
  return g_strdup_printf (ngettext ("%u link: choose a paragraph, or step through it with Alt+Down",
                                    "%u links: choose a paragraph, or step through them with Alt+Down", n_links),
                          n_links);
}

/**
 * dossier_compare_link_bar_show:
 * @self: a bar
 * @comparison: the comparison shown
 * @left_paragraph: the paragraph chosen on the left, or -1
 * @right_paragraph: the one chosen on the right, or -1
 * @change: the current change in versions mode, or -1
 */
void
dossier_compare_link_bar_show (DossierCompareLinkBar *self,
                               DossierComparison     *comparison,
                               int                    left_paragraph,
                               int                    right_paragraph,
                               int                    change)
{
  g_autofree char *text = NULL;
  gboolean busy, versions, anchored;

  g_return_if_fail (DOSSIER_IS_COMPARE_LINK_BAR (self));
  g_return_if_fail (DOSSIER_IS_COMPARISON (comparison));

  text = describe (comparison, left_paragraph, right_paragraph, change);
  busy = dossier_comparison_get_busy (comparison);
  versions = dossier_comparison_get_result (comparison) != NULL &&
             dossier_comparison_get_effective_mode (comparison) == DOSSIER_COMPARISON_MODE_VERSIONS;
  anchored = left_paragraph >= 0 && right_paragraph >= 0 &&
             dossier_comparison_has_anchor (comparison, left_paragraph, right_paragraph);

  gtk_label_set_text (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), *text ? text : NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  /* accepting and rejecting are for the links of two articles; versions
   * are corrected with links (anchors) alone */
  gtk_widget_set_visible (self->choice_box, !versions);
  gtk_button_set_label (self->anchor_button, anchored ? _("Unlink") : _("Link"));
}

/**
 * dossier_compare_link_bar_get_text:
 * @self: a bar
 *
 * Returns: what the bar says (for tests)
 */
const char *
dossier_compare_link_bar_get_text (DossierCompareLinkBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_LINK_BAR (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
dossier_compare_link_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_COMPARE_LINK_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_compare_link_bar_parent_class)->dispose (object);
}

static void
dossier_compare_link_bar_class_init (DossierCompareLinkBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_compare_link_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-compare-link-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierCompareLinkBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierCompareLinkBar, label);
  gtk_widget_class_bind_template_child (widget_class, DossierCompareLinkBar, anchor_button);
  gtk_widget_class_bind_template_child (widget_class, DossierCompareLinkBar, choice_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiercomparelinkbar");
}

static void
dossier_compare_link_bar_init (DossierCompareLinkBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
