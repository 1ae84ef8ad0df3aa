/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-spell-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-spell-checker-private.h"

/*
 * The memo editor's context menu. GtkTextView puts the items of its extra
 * menu below its own (Cut, Copy, Paste, Delete, Undo, Redo, Select All,
 * Insert Emoji), so spelling suggestions, the items a writer wants first
 * on a misspelled word, would come last. The checker shows the view's
 * context menu itself instead: suggestions, "Add to Dictionary" and
 * "Ignore All" first, then the view's edit items (GtkTextView's own
 * actions, enabled as the view's state allows), the "Check Spelling"
 * toggle, and whatever extra menu the view already had.
 */

/* ---- Spelling items -------------------------------------------------------------------------- */

/* The menu's word, if it is still there unchanged. */
static gboolean
get_menu_word (DossierSpellChecker *self,
               GtkTextIter         *start,
               GtkTextIter         *end)
{
  g_autofree char *text = NULL;

  if (self->menu_word == NULL || self->buffer == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->menu_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->menu_end);
  text = gtk_text_iter_get_slice (start, end);
  return g_str_equal (text, self->menu_word);
}

static void
replace_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DossierSpellChecker *self = user_data;
  const char *replacement = g_variant_get_string (parameter, NULL);
  gboolean editable = self->view == NULL || gtk_text_view_get_editable (self->view);
  GtkTextIter start, end;

  if (!get_menu_word (self, &start, &end))
    return;

  /* One user action: a single Ctrl+Z brings the word back. */
  gtk_text_buffer_begin_user_action (self->buffer);
  if (gtk_text_buffer_delete_interactive (self->buffer, &start, &end, editable))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->menu_start);
      if (gtk_text_buffer_insert_interactive (self->buffer, &start, replacement, -1, editable))
        {
          /* The writer goes on after the word, where the view already is:
           * @start now stands after the inserted text. */
          gtk_text_buffer_place_cursor (self->buffer, &start);
        }
    }
  gtk_text_buffer_end_user_action (self->buffer);
  g_clear_pointer (&self->menu_word, g_free);
}

static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  DossierSpellChecker *self = user_data;
  GtkTextIter start, end;
  EnchantDict *dict;

  if (!get_menu_word (self, &start, &end) ||
      (dict = _dossier_spell_checker_dictionary_for_word (self, self->menu_word)) == NULL)
    return;
  enchant_dict_add (dict, self->menu_word, -1);
  _dossier_spell_checker_recheck_users (dict);
}

static void
ignore_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  DossierSpellChecker *self = user_data;
  GtkTextIter start, end;
  EnchantDict *dict;

  if (!get_menu_word (self, &start, &end) ||
      (dict = _dossier_spell_checker_dictionary_for_word (self, self->menu_word)) == NULL)
    return;
  enchant_dict_add_to_session (dict, self->menu_word, -1);
  _dossier_spell_checker_recheck_users (dict);
}

static void
enabled_change_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  dossier_spell_checker_set_enabled (user_data, g_variant_get_boolean (value));
}

static const GActionEntry action_entries[] = {
  { "replace", replace_action, "s", NULL, NULL, { 0 } },
  { "add", add_action, NULL, NULL, NULL, { 0 } },
  { "ignore", ignore_action, NULL, NULL, NULL, { 0 } },
  { "enabled", NULL, NULL, "true", enabled_change_state, { 0 } },
  { "none", NULL, NULL, NULL, NULL, { 0 } },
};

static void
append_disabled (GMenu      *menu,
                 const char *label)
{
  g_menu_append (menu, label, "spell.none");
}

/* Menu labels take "_" as the mark of a mnemonic: a word or a language
 * tag ("de_DE") shows its underscores only doubled. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/**
 * dossier_spell_checker_update_menu:
 * @self: a #DossierSpellChecker
 * @iter: where the context menu is opened
 *
 * Fills the spelling part of the view's context menu for the word at
 * @iter: its suggestions, "Add to Dictionary" and "Ignore All" when it
 * is misspelled, and the "Check Spelling" toggle. The view calls this
 * itself on a right click and on Shift+F10 or the Menu key.
 */
void
dossier_spell_checker_update_menu (DossierSpellChecker *self,
                                   const GtkTextIter   *iter)
{
  GtkTextIter start, end;
  g_auto(GStrv) suggestions = NULL;

  g_return_if_fail (DOSSIER_IS_SPELL_CHECKER (self));
  g_return_if_fail (iter != NULL);

  g_menu_remove_all (self->word_section);
  g_menu_remove_all (self->fix_section);
  g_clear_pointer (&self->menu_word, g_free);

  if (!self->enabled || self->buffer == NULL)
    return;

  if (self->dict == NULL)
    {
      g_autofree char *label = NULL;
      g_autofree char *language = escape_mnemonics (self->missing ? self->missing : "en_US");

      /* Translators: %s is a language code such as “en_US” */
      label = g_strdup_printf (_("No Spelling Dictionary for “%s”"), language);
      append_disabled (self->word_section, label);
      return;
    }

  start = end = *iter;
  if (!gtk_text_iter_has_tag (&start, self->misspelled_tag))
    {
      /* Just after the word counts as on it. */
      if (!gtk_text_iter_backward_char (&start) || !gtk_text_iter_has_tag (&start, self->misspelled_tag))
        return;
      end = start;
    }
  if (!gtk_text_iter_starts_tag (&start, self->misspelled_tag))
    gtk_text_iter_backward_to_tag_toggle (&start, self->misspelled_tag);
  gtk_text_iter_forward_to_tag_toggle (&end, self->misspelled_tag);

  self->menu_word = gtk_text_iter_get_slice (&start, &end);
  gtk_text_buffer_move_mark (self->buffer, self->menu_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->menu_end, &end);

  suggestions = dossier_spell_checker_dup_suggestions (self, self->menu_word);
  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
    {
      g_autofree char *label = escape_mnemonics (suggestions[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "spell.replace", g_variant_new_string (suggestions[i]));
      g_menu_append_item (self->word_section, item);
    }
  if (suggestions == NULL || suggestions[0] == NULL)
    append_disabled (self->word_section, _("No Suggestions"));

  g_menu_append (self->fix_section, _("Add to Dictionary"), "spell.add");
  g_menu_append (self->fix_section, _("Ignore All"), "spell.ignore");
}


/* ---- The context menu ------------------------------------------------------------- */

/* GtkTextView's own items, in its order. GtkTextView enables its actions
 * when it shows its own menu; this menu sets them the same way. */
static GMenuModel *
new_edit_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) history = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  g_autoptr(GMenuItem) emoji = NULL;

  g_menu_append (clipboard, _("Cu_t"), "clipboard.cut");
  g_menu_append (clipboard, _("_Copy"), "clipboard.copy");
  g_menu_append (clipboard, _("_Paste"), "clipboard.paste");
  g_menu_append (clipboard, _("_Delete"), "selection.delete");
  g_menu_append (history, _("_Undo"), "text.undo");
  g_menu_append (history, _("_Redo"), "text.redo");
  g_menu_append (other, _("Select _All"), "selection.select-all");
  emoji = g_menu_item_new (_("Insert _Emoji"), "misc.insert-emoji");
  g_menu_item_set_attribute (emoji, "hidden-when", "s", "action-disabled");
  g_menu_append_item (other, emoji);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  return G_MENU_MODEL (menu);
}

static void
update_edit_actions (DossierSpellChecker *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  gboolean editable = gtk_text_view_get_editable (self->view);
  gboolean selected = gtk_text_buffer_get_has_selection (buffer);
  gboolean emoji = editable && !(gtk_text_view_get_input_hints (self->view) & GTK_INPUT_HINT_NO_EMOJI);

  gtk_widget_action_set_enabled (view, "clipboard.cut", editable && selected);
  gtk_widget_action_set_enabled (view, "clipboard.copy", selected);
  gtk_widget_action_set_enabled (view, "clipboard.paste", editable);
  gtk_widget_action_set_enabled (view, "selection.delete", editable && selected);
  gtk_widget_action_set_enabled (view, "text.undo", editable && gtk_text_buffer_get_can_undo (buffer));
  gtk_widget_action_set_enabled (view, "text.redo", editable && gtk_text_buffer_get_can_redo (buffer));
  gtk_widget_action_set_enabled (view, "selection.select-all", gtk_text_buffer_get_char_count (buffer) > 0);
  gtk_widget_action_set_enabled (view, "misc.insert-emoji", emoji);
}

static gboolean
restore_scroll_to_focus_cb (gpointer data)
{
  g_autoptr(GtkViewport) viewport = data;

  gtk_viewport_set_scroll_to_focus (viewport, TRUE);
  return G_SOURCE_REMOVE;
}

/* When the menu closes, the focus goes back to the view, and a viewport
 * around it (the memo page's) scrolls to show the focused widget: for a
 * section taller than the window, its top, away from the word just
 * corrected. The view had the focus before the menu, so nothing needs
 * bringing into view: the viewport leaves it alone until the focus is
 * back. */
static void
popover_closed_cb (DossierSpellChecker *self)
{
  GtkWidget *viewport = g_object_get_data (G_OBJECT (self->popover), "dossier-viewport");

  if (viewport == NULL)
    return;
  g_idle_add (restore_scroll_to_focus_cb, g_object_ref (viewport));
  g_object_set_data (G_OBJECT (self->popover), "dossier-viewport", NULL);
}

static void
popup_at (DossierSpellChecker *self,
          int                  x,
          int                  y)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_VIEWPORT);

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu));
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self->view));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
      g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
    }
  if (viewport != NULL && gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport)))
    {
      gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
      g_object_set_data_full (G_OBJECT (self->popover), "dossier-viewport", g_object_ref (viewport),
                              g_object_unref);
    }
  update_edit_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Right click: the menu for the word clicked, with the cursor moved there
 * as GtkTextView does, unless the click is on the selection. */
static void
secondary_pressed_cb (GtkGestureClick     *gesture,
                      int                  n_press,
                      double               x,
                      double               y,
                      DossierSpellChecker *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, start, end;
  int bx, by;

  if (self->view == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (!(gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && gtk_text_iter_in_range (&iter, &start, &end)))
    gtk_text_buffer_place_cursor (buffer, &iter);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  dossier_spell_checker_update_menu (self, &iter);
  popup_at (self, (int) x, (int) y);
}

/* Shift+F10 and the Menu key: the menu for the word at the cursor, below
 * it. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierSpellChecker   *self)
{
  GtkWidget *widget;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GdkRectangle location;
  int x, y;

  if (!((keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)) || keyval == GDK_KEY_Menu) || self->view == NULL)
    return GDK_EVENT_PROPAGATE;

  widget = GTK_WIDGET (self->view);
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  dossier_spell_checker_update_menu (self, &iter);
  gtk_text_view_get_iter_location (self->view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y + location.height, &x, &y);
  popup_at (self, CLAMP (x, 0, gtk_widget_get_width (widget)), CLAMP (y, 0, gtk_widget_get_height (widget)));
  return GDK_EVENT_STOP;
}

/* The popover is the view's child, one GtkTextView does not know of: it
 * goes when the view leaves the screen, before the view is disposed of
 * (GtkTextView warns about children it did not add). */
static void
view_unmap_cb (DossierSpellChecker *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
}

void
_dossier_spell_checker_menu_init (DossierSpellChecker *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GMenuModel *extra = gtk_text_view_get_extra_menu (self->view);
  g_autoptr(GMenuModel) edit = new_edit_menu ();
  g_autoptr(GMenu) toggle_section = g_menu_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")),
                               FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spell", G_ACTION_GROUP (self->actions));

  self->menu = g_menu_new ();
  self->word_section = g_menu_new ();
  self->fix_section = g_menu_new ();
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->word_section));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->fix_section));
  for (int i = 0; i < g_menu_model_get_n_items (edit); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (edit, i);

      g_menu_append_item (self->menu, item);
    }
  g_menu_append (toggle_section, _("Check Spelling"), "spell.enabled");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (toggle_section));
  /* Whatever the view offered before stays, last, as in its own menu. */
  if (extra != NULL)
    g_menu_append_section (self->menu, NULL, extra);

  /* Before the view's own gesture, which would open its menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  g_signal_connect_object (self->view, "unmap", G_CALLBACK (view_unmap_cb), self, G_CONNECT_SWAPPED);
}

void
_dossier_spell_checker_menu_dispose (DossierSpellChecker *self)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spell", NULL);
}

/**
 * dossier_spell_checker_popup_menu:
 * @self: a #DossierSpellChecker
 * @iter: where in the text
 *
 * Shows the context menu for the word at @iter, as a right click there
 * does (for tests, and for callers that open it another way).
 */
void
dossier_spell_checker_popup_menu (DossierSpellChecker *self,
                                  const GtkTextIter   *iter)
{
  GdkRectangle location;
  int x, y;

  g_return_if_fail (DOSSIER_IS_SPELL_CHECKER (self));
  g_return_if_fail (iter != NULL);
  g_return_if_fail (self->view != NULL);

  dossier_spell_checker_update_menu (self, iter);
  gtk_text_view_get_iter_location (self->view, iter, &location);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y + location.height, &x, &y);
  popup_at (self, x, y);
}

/**
 * dossier_spell_checker_get_popover:
 * @self: a #DossierSpellChecker
 *
 * Returns: (transfer none) (nullable): the context menu, once shown
 */
GtkWidget *
dossier_spell_checker_get_popover (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);

  return self->popover;
}
