/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotations-list.h"
#include "dossier-reader-page.h"
#include "dossier-reference-details.h"
#include "dossier-tag-bar.h"
#include "dossier-window.h"
#include "memo/dossier-citation.h"
#include "widgets/dossier-memo-markup.h"
#include "widgets/dossier-memo-text-view.h"

/*
 * The reader page: a header bar with the document's title and the
 * reader's menu, a find bar, and the DossierReaderView. It ties the view to
 * the library: highlights and the reading position are stored there.
 */
struct _DossierReaderPage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkMenuButton *menu_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *find_entry;
  GtkLabel *match_label;
  DossierReaderView *view;
  GtkStack *content_stack;
  DossierReferenceDetails *reference_details;
  AdwFlap *flap;
  DossierAnnotationsList *annotations;
  DossierTagBar *tag_bar;

  DossierLibrary *library;
  DossierDocument *document;
  GSettings *settings;
  guint position_timeout;
  gulong title_handler;
};

G_DEFINE_FINAL_TYPE (DossierReaderPage, dossier_reader_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Toast titles are markup; the store's errors name the library's path. */
static void
toast (DossierReaderPage *self,
       const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (DOSSIER_IS_WINDOW (root))
    dossier_window_add_toast (DOSSIER_WINDOW (root), adw_toast_new (escaped));
}

static void
update_title (DossierReaderPage *self)
{
  const char *title = self->document ? dossier_document_get_title (self->document) : NULL;
  const char *publisher = self->document ? dossier_document_get_publisher (self->document) : NULL;

  adw_window_title_set_title (self->window_title, title ?: "");
  adw_window_title_set_subtitle (self->window_title, publisher ?: "");
}

static void
update_match_label (DossierReaderPage *self)
{
  guint count = dossier_reader_view_get_match_count (self->view);
  guint current = dossier_reader_view_get_current_match (self->view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0')
    label = g_strdup ("");
  else if (count == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: find in document: "3 of 12" */
    label = g_strdup_printf (_("%u of %u"), current, count);

  gtk_label_set_text (self->match_label, label);
  if (text != NULL && *text != '\0' && count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
find_changed_cb (DossierReaderPage *self)
{
  dossier_reader_view_find (self->view, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  update_match_label (self);
}

static void
find_activate_cb (DossierReaderPage *self)
{
  dossier_reader_view_find_next (self->view);
}

static void
search_mode_changed_cb (DossierReaderPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      dossier_reader_view_find (self->view, NULL);
      update_match_label (self);
      gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (self->view)));
    }
}

/* Whether each highlight shown in the text has a note: its context menu
 * offers "Edit Note…" rather than "Add Note…". */
static void
mark_noted (DossierReaderPage *self,
            GListModel        *highlights)
{
  for (guint i = 0; highlights != NULL && i < g_list_model_get_n_items (highlights); i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (highlights, i);
      const char *note = dossier_highlight_get_note (highlight);

      dossier_reader_view_set_highlight_noted (self->view, dossier_highlight_get_id (highlight),
                                               note != NULL && *note != '\0');
    }
}

/* The highlights and notes list follows the store. */
static void
reload_annotations (DossierReaderPage *self)
{
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(GError) error = NULL;

  if (self->library != NULL && self->document != NULL)
    {
      highlights = dossier_library_list_highlights (self->library, dossier_document_get_id (self->document), &error);
      if (highlights == NULL)
        g_debug ("Cannot list the highlights: %s", error->message);
    }
  dossier_annotations_list_set_highlights (self->annotations, highlights);
  mark_noted (self, highlights);
}

static void
note_dialog_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         DossierReaderPage *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "highlight-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "save") != 0 || self->library == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!dossier_library_set_highlight_note (self->library, id, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the note: %s"), error->message);

      toast (self, message);
      return;
    }
  reload_annotations (self);
}

static void
note_changed_cb (GtkTextBuffer *buffer,
                 GtkTextView   *view)
{
  dossier_memo_markup_apply_tags (view);
}

/**
 * dossier_reader_page_edit_highlight_note:
 * @id: a highlight of the open article
 *
 * Asks for the highlight's note, in a dialog that shows the passage.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
dossier_reader_page_edit_highlight_note (DossierReaderPage *self,
                                         gint64             id)
{
  g_autoptr(GListModel) highlights = NULL;
  g_autoptr(DossierHighlight) found = NULL;
  g_autofree char *quoted = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  const char *note;

  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);

  if (self->library == NULL || self->document == NULL)
    return NULL;
  highlights = dossier_library_list_highlights (self->library, dossier_document_get_id (self->document), NULL);
  for (guint i = 0; highlights != NULL && i < g_list_model_get_n_items (highlights) && found == NULL; i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (highlights, i);

      if (dossier_highlight_get_id (highlight) == id)
        found = g_steal_pointer (&highlight);
    }
  if (found == NULL)
    return NULL;

  note = dossier_highlight_get_note (found);
  quoted = g_strdup_printf (_("“%s”"), dossier_highlight_get_text (found) ?: "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       note != NULL && *note != '\0' ? _("Edit Note") : _("Add Note"),
                                                       quoted));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  view = dossier_memo_text_view_new (NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  dossier_memo_markup_create_tags (buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (note_changed_cb), view, 0);
  gtk_text_buffer_set_text (buffer, note ?: "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_object_set_data_full (G_OBJECT (dialog), "highlight-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
  return GTK_WIDGET (dialog);
}

static void
highlight_note_requested_cb (DossierReaderPage *self,
                             gint64             id)
{
  dossier_reader_page_edit_highlight_note (self, id);
}

static void
annotation_note_requested_cb (DossierReaderPage *self,
                              DossierHighlight  *highlight)
{
  dossier_reader_page_edit_highlight_note (self, dossier_highlight_get_id (highlight));
}

/* Through the window's Add to Memo, as for a passage selected by hand:
 * the excerpt and its citation (with the page, in a PDF) are made the
 * same way. */
static void
annotation_to_memo_requested_cb (DossierReaderPage *self,
                                 DossierHighlight  *highlight)
{
  if (!dossier_reader_view_select_range (self->view, dossier_highlight_get_paragraph (highlight),
                                         dossier_highlight_get_start (highlight),
                                         dossier_highlight_get_end (highlight)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-to-memo", NULL);
}

/* A note's own words to the memo, with the article's citation; a
 * highlight's with the page it is on, in a PDF. */
static void
note_to_memo_requested_cb (DossierReaderPage *self,
                           DossierHighlight  *highlight,
                           const char        *note)
{
  g_autoptr(DossierCitation) excerpt = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->document == NULL || !DOSSIER_IS_WINDOW (root))
    return;
  /* The page is worked out as for the highlight's passage, in one place. */
  if (highlight != NULL)
    excerpt = dossier_citation_new_for_excerpt ("page", self->document, dossier_highlight_get_paragraph (highlight),
                                                dossier_highlight_get_start (highlight),
                                                dossier_highlight_get_end (highlight));
  dossier_window_add_note_to_memo (DOSSIER_WINDOW (root), self->document, note,
                                   excerpt != NULL ? dossier_citation_get_locator (excerpt) : NULL);
}

/* A highlight chosen in the list: its passage, selected and in view (and,
 * over a narrow window, the list out of the way). */
static void
annotation_activated_cb (DossierReaderPage *self,
                         DossierHighlight  *highlight)
{
  dossier_reader_view_select_range (self->view, dossier_highlight_get_paragraph (highlight),
                                    dossier_highlight_get_start (highlight), dossier_highlight_get_end (highlight));
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_reader_view_get_text_view (self->view)));
}

static void
highlight_requested_cb (DossierReaderPage *self,
                        guint              paragraph,
                        guint              start,
                        guint              end,
                        const char        *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->library == NULL || self->document == NULL)
    return;

  id = dossier_library_add_highlight (self->library, dossier_document_get_id (self->document),
                                      paragraph, start, end, text, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the highlight: %s"), error->message);
      toast (self, message);
      return;
    }
  dossier_reader_view_add_highlight (self->view, id, paragraph, start, end);
  reload_annotations (self);
}

static void
highlight_removal_requested_cb (DossierReaderPage *self,
                                gint64             id)
{
  g_autoptr(GError) error = NULL;

  if (self->library == NULL)
    return;
  if (!dossier_library_remove_highlight (self->library, id, &error) &&
      !g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND))
    {
      g_autofree char *message = g_strdup_printf (_("Could not remove the highlight: %s"), error->message);
      toast (self, message);
      return;
    }
  dossier_reader_view_remove_highlight (self->view, id);
  reload_annotations (self);
}

/**
 * dossier_reader_page_save_position:
 *
 * Stores the first visible paragraph now (it is otherwise saved shortly
 * after scrolling stops).
 */
void
dossier_reader_page_save_position (DossierReaderPage *self)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  g_clear_handle_id (&self->position_timeout, g_source_remove);
  if (self->library == NULL || self->document == NULL)
    return;
  dossier_library_set_reading_position (self->library, dossier_document_get_id (self->document),
                                        dossier_reader_view_get_first_visible_paragraph (self->view), NULL);
}

static gboolean
position_timeout_cb (gpointer data)
{
  DossierReaderPage *self = data;

  self->position_timeout = 0;
  dossier_reader_page_save_position (self);
  return G_SOURCE_REMOVE;
}

static void
position_changed_cb (DossierReaderPage *self)
{
  /* Scrolling emits many changes; the store hears about where it ends. */
  g_clear_handle_id (&self->position_timeout, g_source_remove);
  if (self->document != NULL)
    self->position_timeout = g_timeout_add (600, position_timeout_cb, self);
}

static void
message_cb (DossierReaderPage *self,
            const char        *message)
{
  toast (self, message);
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  dossier_reader_page_show_find (user_data);
}

static void
close_find_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DossierReaderPage *self = user_data;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
zoom_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  /* Translators: the reader's zoom level, "120%" */
  g_value_take_string (to, g_strdup_printf (_("%.0f%%"), g_value_get_double (from) * 100.0));
  return TRUE;
}

static const GActionEntry page_actions[] = {
  { "find", find_action },
  { "close-find", close_find_action },
};

static void
dossier_reader_page_dispose (GObject *object)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  if (self->position_timeout != 0)
    dossier_reader_page_save_position (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->title_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER_PAGE);

  G_OBJECT_CLASS (dossier_reader_page_parent_class)->dispose (object);
}

static void
dossier_reader_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      dossier_reader_page_set_library (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

static void
dossier_reader_page_class_init (DossierReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_page_dispose;
  object_class->get_property = dossier_reader_page_get_property;
  object_class->set_property = dossier_reader_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_READER_VIEW);
  g_type_ensure (DOSSIER_TYPE_ANNOTATIONS_LIST);
  g_type_ensure (DOSSIER_TYPE_REFERENCE_DETAILS);
  g_type_ensure (DOSSIER_TYPE_TAG_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, find_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, match_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, view);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, reference_details);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, flap);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, annotations);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, tag_bar);
  gtk_widget_class_bind_template_callback (widget_class, annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, highlight_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, highlight_removal_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, highlight_note_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_note_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_to_memo_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_to_memo_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, position_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, message_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_match_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossierreaderpage");
}

static void
dossier_reader_page_init (DossierReaderPage *self)
{
  GActionGroup *group;
  GtkEventController *shortcuts;
  g_autoptr(GAction) serif = NULL;
  GtkWidget *popover;
  GtkBuilder *builder;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The view's "reader" actions, plus the page's own, reachable from the
   * header bar as well as from inside the view. */
  group = dossier_reader_view_get_action_group (self->view);
  g_action_map_add_action_entries (G_ACTION_MAP (group), page_actions, G_N_ELEMENTS (page_actions), self);
  self->settings = g_settings_new ("io.github.dossier.Dossier");
  serif = g_settings_create_action (self->settings, "reader-serif");
  g_action_map_add_action (G_ACTION_MAP (group), serif);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "reader", group);

  g_settings_bind (self->settings, "reader-zoom", self->view, "zoom", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reader-serif", self->view, "serif", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));

  /* Managed scope: the window runs these while the page is shown, wherever
   * the focus is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", "reader.find");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>g", "reader.find-next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>g", "reader.find-previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>plus|<Control>equal|<Control>KP_Add", "reader.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>minus|<Control>KP_Subtract", "reader.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>0|<Control>KP_0", "reader.zoom-reset");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>h", "reader.highlight");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>c", "reader.copy-with-citation");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* The zoom row of the reader menu, like GNOME Text Editor's. */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/dossier-zoom-box.ui");
  popover = GTK_WIDGET (gtk_menu_button_get_popover (self->menu_button));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover),
                              GTK_WIDGET (gtk_builder_get_object (builder, "zoom_box")), "zoom");
  g_object_bind_property_full (self->view, "zoom",
                               gtk_builder_get_object (builder, "zoom_label"), "label",
                               G_BINDING_SYNC_CREATE, zoom_to_label, NULL, NULL, NULL);
  g_object_unref (builder);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (dossier_reader_page_save_position), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
dossier_reader_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_READER_PAGE, NULL);
}

DossierLibrary *
dossier_reader_page_get_library (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->library;
}

void
dossier_reader_page_set_library (DossierReaderPage *self,
                                 DossierLibrary    *library)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (self->library == library)
    return;
  dossier_reader_page_close (self);
  g_set_object (&self->library, library);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

static void
set_document (DossierReaderPage *self,
              DossierDocument   *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->title_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->title_handler = g_signal_connect_object (document, "notify", G_CALLBACK (update_title), self,
                                                   G_CONNECT_SWAPPED);
  update_title (self);
  dossier_tag_bar_set_document (self->tag_bar, document != NULL ? self->library : NULL,
                                document != NULL ? dossier_document_get_id (document) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_bar), document != NULL);
  dossier_annotations_list_set_document (self->annotations, document != NULL ? self->library : NULL,
                                         document != NULL ? dossier_document_get_id (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * dossier_reader_page_open:
 * @document_id: a library id
 *
 * Loads the whole document, shows it with its highlights, and returns to
 * where the user stopped reading.
 */
gboolean
dossier_reader_page_open (DossierReaderPage  *self,
                          const char         *document_id,
                          GError            **error)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GListModel) highlights = NULL;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);
  g_return_val_if_fail (self->library != NULL, FALSE);

  if (self->document != NULL && g_strcmp0 (dossier_document_get_id (self->document), document_id) == 0)
    return TRUE;

  document = dossier_library_load (self->library, document_id, error);
  if (document == NULL)
    return FALSE;

  dossier_reader_page_close (self);
  dossier_reader_view_set_document (self->view, document);
  dossier_reader_view_set_notes_read_only (self->view, dossier_library_is_read_only (self->library));
  set_document (self, document);
  dossier_reference_details_set_document (self->reference_details, document);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    dossier_document_has_text (document) ? "text" : "reference");

  highlights = dossier_library_list_highlights (self->library, document_id, NULL);
  for (guint i = 0; highlights != NULL && i < g_list_model_get_n_items (highlights); i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (highlights, i);
      dossier_reader_view_add_highlight (self->view,
                                         dossier_highlight_get_id (highlight),
                                         dossier_highlight_get_paragraph (highlight),
                                         dossier_highlight_get_start (highlight),
                                         dossier_highlight_get_end (highlight));
    }

  reload_annotations (self);

  position = dossier_library_get_reading_position (self->library, document_id);
  dossier_reader_view_scroll_to_paragraph (self->view, position);
  /* Scrolling there is not the user's reading. */
  g_clear_handle_id (&self->position_timeout, g_source_remove);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    find_changed_cb (self);

  return TRUE;
}

void
dossier_reader_page_close (DossierReaderPage *self)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (self->document == NULL)
    return;
  dossier_reader_page_save_position (self);
  dossier_reader_view_set_document (self->view, NULL);
  set_document (self, NULL);
  dossier_reference_details_set_document (self->reference_details, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "text");
  reload_annotations (self);
}

DossierDocument *
dossier_reader_page_get_document (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->document;
}

/**
 * dossier_reader_page_get_annotations:
 *
 * Returns: (transfer none): the highlights and notes list beside the text
 */
DossierAnnotationsList *
dossier_reader_page_get_annotations (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->annotations;
}

/**
 * dossier_reader_page_get_annotations_flap:
 *
 * Returns: (transfer none): the flap that shows the list (its
 *   reveal-flap is the header's toggle button)
 */
AdwFlap *
dossier_reader_page_get_annotations_flap (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->flap;
}

/**
 * dossier_reader_page_get_tag_bar:
 *
 * Returns: (transfer none): the open article's tags, under the header
 */
DossierTagBar *
dossier_reader_page_get_tag_bar (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->tag_bar;
}

DossierReaderView *
dossier_reader_page_get_view (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->view;
}

void
dossier_reader_page_show_find (DossierReaderPage *self)
{
  g_autofree char *selected = NULL;

  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  /* Start from the selection when it is a short phrase, like editors do. */
  selected = dossier_reader_view_dup_selected_text (self->view);
  if (selected != NULL && g_utf8_strlen (selected, -1) < 80 && strchr (selected, '\n') == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

GtkWidget *
dossier_reader_page_get_find_entry (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return GTK_WIDGET (self->find_entry);
}

GtkLabel *
dossier_reader_page_get_match_label (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->match_label;
}

/**
 * dossier_reader_page_get_header_bar:
 *
 * Returns: (transfer none): the page's header bar, whose window buttons the
 *   window shows or hides as its sidebar folds
 */
AdwHeaderBar *
dossier_reader_page_get_header_bar (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->header_bar;
}

GtkWidget *
dossier_reader_page_get_back_button (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);
  return self->back_button;
}
