/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-header-form"

#include "config.h"

#include <glib/gi18n.h>

#include "memo/dossier-memo-language.h"
#include "widgets/dossier-memo-markup.h"
#include "dossier-memo-header-form.h"

/*
 * The memo's header as a form: its handling marking, To, From, date and
 * subject, the justification switch (the page's memo.justify) and the
 * language of its pages. The rows follow the memo and edit it.
 */

struct _DossierMemoHeaderForm
{
  GtkWidget parent_instance;

  AdwEntryRow *marking_row;
  AdwEntryRow *to_row;
  AdwEntryRow *from_row;
  AdwEntryRow *date_row;
  AdwEntryRow *subject_row;
  AdwComboRow *language_row;

  DossierMemo *memo;
  GPtrArray *bindings;
  gulong date_handler;
  gulong language_handler;
  gboolean language_setting;
  char *other_language;            /* listed after the supported ones, if the memo had it */
};

G_DEFINE_FINAL_TYPE (DossierMemoHeaderForm, dossier_memo_header_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

/* ---- Date --------------------------------------------------------------- */

static void
date_changed_cb (DossierMemoHeaderForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (self->memo == NULL)
    return;

  if (dossier_memo_set_date (self->memo, text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
memo_date_notify_cb (DossierMemoHeaderForm *self)
{
  const char *date = dossier_memo_get_date (self->memo);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
}

/* ---- Placeholders ------------------------------------------------------- */

static gboolean
select_header_placeholder_cb (gpointer data)
{
  g_autoptr(GtkWidget) entry = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  glong start, end, length = g_utf8_strlen (text, -1);

  /* Only when the placeholder is (nearly) the whole value, like
   * "(U) [Subject]": a real value with brackets in it is left alone. */
  if (gtk_widget_has_focus (entry) || gtk_widget_get_focus_child (entry) != NULL)
    for (glong offset = 0; offset < length; offset++)
      if (dossier_memo_markup_find_placeholder (text, offset, TRUE, &start, &end))
        {
          if (length - (end - start) <= 8)
            gtk_editable_select_region (GTK_EDITABLE (entry), start, end);
          break;
        }

  return G_SOURCE_REMOVE;
}

static void
header_focus_enter_cb (GtkEventControllerFocus *controller,
                       gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* After the entry's own select-on-focus. */
  g_idle_add (select_header_placeholder_cb, g_object_ref (entry));
}

/* ---- Language --------------------------------------------------------- */

/* The memo's language in the combo row: the languages Dossier prints
 * labels for, and after them the memo's own if it is another (from a
 * newer version), so that showing it never changes it. The row's list is
 * set once and only ever changed in place, and never while the row
 * handles a choice: replacing the model of an AdwComboRow from its own
 * "notify::selected" frees the selection model the row is still
 * notifying from (GLib warned "invalid uninstantiatable type"). */
static void
memo_language_notify_cb (DossierMemoHeaderForm *self)
{
  const char *language = self->memo ? dossier_memo_get_language (self->memo) : NULL;
  const char * const *languages = dossier_memo_languages ();
  guint n_languages = g_strv_length ((char **) languages);
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->language_row));
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; languages[i] != NULL && selected == GTK_INVALID_LIST_POSITION; i++)
    if (g_strcmp0 (languages[i], language) == 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION && language != NULL)
    {
      /* Set from code (a file, another version): the row can only pick
       * what it lists, so this never runs while it handles a choice. */
      if (g_strcmp0 (self->other_language, language) != 0)
        {
          const char * const additions[] = { language, NULL };
          guint n_removed = self->other_language != NULL ? 1 : 0;

          g_free (self->other_language);
          self->other_language = g_strdup (language);
          self->language_setting = TRUE;
          gtk_string_list_splice (names, n_languages, n_removed, additions);
          self->language_setting = FALSE;
        }
      selected = n_languages;
    }

  if (selected != GTK_INVALID_LIST_POSITION && adw_combo_row_get_selected (self->language_row) != selected)
    {
      self->language_setting = TRUE;
      adw_combo_row_set_selected (self->language_row, selected);
      self->language_setting = FALSE;
    }
}

static void
language_selected_cb (DossierMemoHeaderForm *self)
{
  const char * const *languages = dossier_memo_languages ();
  guint n_languages = g_strv_length ((char **) languages);
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->language_setting || self->memo == NULL)
    return;
  if (selected < n_languages)
    dossier_memo_set_language (self->memo, languages[selected]);
  else if (selected == n_languages && self->other_language != NULL)
    dossier_memo_set_language (self->memo, self->other_language);
}

static void
setup_language_row (DossierMemoHeaderForm *self)
{
  const char * const *languages = dossier_memo_languages ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (names, dossier_memo_language_get_name (languages[i]));
  self->language_setting = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  self->language_setting = FALSE;
  memo_language_notify_cb (self);
}

/* ---- The memo ----------------------------------------------------------- */

static void
unbind_memo (DossierMemoHeaderForm *self)
{
  if (self->memo == NULL)
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  g_clear_signal_handler (&self->date_handler, self->memo);
  g_clear_signal_handler (&self->language_handler, self->memo);
  g_clear_object (&self->memo);
}

/**
 * dossier_memo_header_form_set_memo:
 * @memo: (nullable): the memo whose header to edit
 */
void
dossier_memo_header_form_set_memo (DossierMemoHeaderForm *self,
                                   DossierMemo           *memo)
{
  struct { const char *property; AdwEntryRow *row; } rows[] = {
    { "marking", self->marking_row },
    { "to", self->to_row },
    { "from", self->from_row },
    { "subject", self->subject_row },
  };

  g_return_if_fail (DOSSIER_IS_MEMO_HEADER_FORM (self));
  g_return_if_fail (memo == NULL || DOSSIER_IS_MEMO (memo));

  if (self->memo == memo)
    return;

  unbind_memo (self);
  if (memo != NULL)
    {
      self->memo = g_object_ref (memo);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        g_ptr_array_add (self->bindings,
                         g_object_bind_property_full (memo, rows[i].property, rows[i].row, "text",
                                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                                      null_to_empty, NULL, NULL, NULL));
      self->language_handler = g_signal_connect_object (memo, "notify::language",
                                                        G_CALLBACK (memo_language_notify_cb), self,
                                                        G_CONNECT_SWAPPED);
      memo_language_notify_cb (self);
      self->date_handler = g_signal_connect_object (memo, "notify::date",
                                                    G_CALLBACK (memo_date_notify_cb), self, G_CONNECT_SWAPPED);
      memo_date_notify_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMO]);
}

/**
 * dossier_memo_header_form_get_memo:
 *
 * Returns: (transfer none) (nullable): the memo edited
 */
DossierMemo *
dossier_memo_header_form_get_memo (DossierMemoHeaderForm *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_HEADER_FORM (self), NULL);
  return self->memo;
}

/* ---- GObject ------------------------------------------------------------ */

static void
dossier_memo_header_form_dispose (GObject *object)
{
  GtkWidget *child;
  DossierMemoHeaderForm *self = (DossierMemoHeaderForm *)object;

  unbind_memo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_HEADER_FORM);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->other_language, g_free);

  G_OBJECT_CLASS (dossier_memo_header_form_parent_class)->dispose (object);
}

static void
dossier_memo_header_form_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierMemoHeaderForm *self = DOSSIER_MEMO_HEADER_FORM (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      g_value_set_object (value, self->memo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_header_form_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierMemoHeaderForm *self = DOSSIER_MEMO_HEADER_FORM (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      dossier_memo_header_form_set_memo (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_header_form_class_init (DossierMemoHeaderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_memo_header_form_dispose;
  object_class->get_property = dossier_memo_header_form_get_property;
  object_class->set_property = dossier_memo_header_form_set_property;

  properties[PROP_MEMO] =
    g_param_spec_object ("memo", NULL, NULL, DOSSIER_TYPE_MEMO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-header-form.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, marking_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, to_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, from_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, subject_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoHeaderForm, language_row);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_memo_header_form_init (DossierMemoHeaderForm *self)
{
  GtkWidget *placeholder_rows[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new ();
  setup_language_row (self);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);

  /* Header fields holding a template placeholder select it on focus. */
  placeholder_rows[0] = GTK_WIDGET (self->marking_row);
  placeholder_rows[1] = GTK_WIDGET (self->to_row);
  placeholder_rows[2] = GTK_WIDGET (self->from_row);
  placeholder_rows[3] = GTK_WIDGET (self->subject_row);
  for (guint i = 0; i < G_N_ELEMENTS (placeholder_rows); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "enter", G_CALLBACK (header_focus_enter_cb), NULL);
      gtk_widget_add_controller (placeholder_rows[i], focus);
    }
}
