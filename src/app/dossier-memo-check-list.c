/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-check-list"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-memo-check-list.h"

/*
 * The findings of the memo's check and lint, one row each: an error or
 * warning icon and the message. A finding that has a place in the memo
 * is activatable and emits ::issue-activated, for the page to go there.
 */

struct _DossierMemoCheckList
{
  GtkWidget parent_instance;

  GtkListBox *list;

  GListModel *issues;
};

G_DEFINE_FINAL_TYPE (DossierMemoCheckList, dossier_memo_check_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ISSUES,
  N_PROPS
};

enum {
  ISSUE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The check's messages start in lower case, for the command line's
 * "file: message"; a row of their own starts with a capital. */
static char *
capitalize_first (const char *message)
{
  gunichar first;

  if (message == NULL || *message == '\0')
    return g_strdup ("");
  first = g_utf8_get_char (message);
  if (!g_unichar_islower (first))
    return g_strdup (message);
  {
    char upper[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), upper);
    return g_strconcat (upper, g_utf8_next_char (message), NULL);
  }
}

/* What kind of finding it is, in words, under the message (the command
 * line's codes are for scripts). */
static const char *
kind_title (DossierMemoIssueKind kind)
{
  switch (kind)
    {
    case DOSSIER_MEMO_ISSUE_DANGLING_MARKER:
      return _("Note without a source");
    case DOSSIER_MEMO_ISSUE_UNUSED_CITATION:
      return _("Source never cited");
    case DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG:
      return _("Too long to print");
    case DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH:
      return _("Quotation not in its source");
    case DOSSIER_MEMO_ISSUE_UNVERIFIED:
      return _("Quotation not checked");
    case DOSSIER_MEMO_ISSUE_BLUF_LENGTH:
      return _("Bottom line too long");
    case DOSSIER_MEMO_ISSUE_APPROVE_LINES:
      return _("Approval lines missing");
    case DOSSIER_MEMO_ISSUE_PAGE_COUNT:
      return _("Too many pages");
    case DOSSIER_MEMO_ISSUE_MARKING:
      return _("Handling marks");
    case DOSSIER_MEMO_ISSUE_PLACEHOLDER:
      return _("Unfinished");
    case DOSSIER_MEMO_ISSUE_THIN_SOURCE:
      return _("Incomplete source");
    case DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT:
      return _("Portion mark missing");
    default:
      return "";
    }
}

static GtkWidget *
create_issue_row (gpointer item,
                  gpointer user_data)
{
  DossierMemoIssue *issue = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *closest = dossier_memo_issue_get_closest_passage (issue);
  g_autofree char *message = capitalize_first (dossier_memo_issue_get_message (issue));

  /* Messages quote the analyst's text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  g_object_set_data_full (G_OBJECT (row), "dossier-issue", g_object_ref (issue), g_object_unref);
  /* A finding with a place takes you there: its section, its source or
   * the header. */
  if (dossier_memo_issue_get_section (issue) >= 0 || dossier_memo_issue_get_citation_id (issue) != NULL ||
      dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_PLACEHOLDER)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Set while hidden: on a shown widget GTK 4.8 starts a tooltip
       * query at once, and the rows are made anew on every refresh. */
      gtk_widget_set_visible (row, FALSE);
      gtk_widget_set_tooltip_text (row, _("Show in the Memo"));
      gtk_widget_set_visible (row, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), closest ? closest : kind_title (dossier_memo_issue_get_kind (issue)));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name (dossier_memo_issue_is_error (issue)
                                       ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, dossier_memo_issue_is_error (issue) ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_memo_issue_is_error (issue) ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
row_activated_cb (DossierMemoCheckList *self,
                  GtkListBoxRow        *row)
{
  DossierMemoIssue *issue = g_object_get_data (G_OBJECT (row), "dossier-issue");

  if (issue != NULL && gtk_list_box_row_get_activatable (row))
    g_signal_emit (self, signals[ISSUE_ACTIVATED], 0, issue);
}

/* ---- GObject ------------------------------------------------------------ */

static void
dossier_memo_check_list_dispose (GObject *object)
{
  GtkWidget *child;
  DossierMemoCheckList *self = (DossierMemoCheckList *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_CHECK_LIST);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->issues);

  G_OBJECT_CLASS (dossier_memo_check_list_parent_class)->dispose (object);
}

static void
dossier_memo_check_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierMemoCheckList *self = DOSSIER_MEMO_CHECK_LIST (object);

  switch (prop_id)
    {
    case PROP_ISSUES:
      g_value_set_object (value, self->issues);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_check_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierMemoCheckList *self = DOSSIER_MEMO_CHECK_LIST (object);

  switch (prop_id)
    {
    case PROP_ISSUES:
      dossier_memo_check_list_set_issues (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_check_list_class_init (DossierMemoCheckListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_memo_check_list_dispose;
  object_class->get_property = dossier_memo_check_list_get_property;
  object_class->set_property = dossier_memo_check_list_set_property;

  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierMemoCheckList::issue-activated:
   * @issue: the #DossierMemoIssue whose row was activated
   *
   * A finding with a place in the memo was clicked (or Enter pressed).
   */
  signals[ISSUE_ACTIVATED] = g_signal_new ("issue-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_MEMO_ISSUE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-check-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoCheckList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_memo_check_list_init (DossierMemoCheckList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dossier_memo_check_list_get_issues:
 *
 * Returns: (transfer none) (nullable): the findings shown
 */
GListModel *
dossier_memo_check_list_get_issues (DossierMemoCheckList *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_CHECK_LIST (self), NULL);
  return self->issues;
}

/**
 * dossier_memo_check_list_set_issues:
 * @issues: (nullable): a #GListModel of #DossierMemoIssue
 */
void
dossier_memo_check_list_set_issues (DossierMemoCheckList *self,
                                    GListModel           *issues)
{
  g_return_if_fail (DOSSIER_IS_MEMO_CHECK_LIST (self));
  g_return_if_fail (issues == NULL || G_IS_LIST_MODEL (issues));

  if (!g_set_object (&self->issues, issues))
    return;
  gtk_list_box_bind_model (self->list, issues, issues ? create_issue_row : NULL, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
}
