/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-reader-view-private.h"

/*
 * DossierReaderView's footnote markers and links. A marker is a
 * GtkMenuButton anchored in the text after a word joiner (so it stays on
 * the line of the word it follows), focusable and announced as
 * "Footnote 3"; its popover shows the note with its http(s) addresses as
 * links. The addresses in the notes at the end of the article are links
 * in the text itself.
 */

gboolean
_dossier_reader_view_is_web_url (const char *url)
{
  return url != NULL &&
         (g_ascii_strncasecmp (url, "https://", 8) == 0 || g_ascii_strncasecmp (url, "http://", 7) == 0);
}

void
_dossier_reader_view_insert_link (DossierReaderView *self,
                                  GtkTextIter       *iter,
                                  const char        *text,
                                  const char        *url)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  int start = gtk_text_iter_get_offset (iter);
  GtkTextIter s;

  g_object_set_data_full (G_OBJECT (tag), "dossier-url", g_strdup (url), g_free);
  g_ptr_array_add (self->link_tags, tag);
  gtk_text_buffer_insert (self->buffer, iter, text, -1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
  gtk_text_buffer_apply_tag (self->buffer, tag, &s, iter);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "link", &s, iter);
}

/* Inserts @text, turning the http(s) addresses in it into links. */
void
_dossier_reader_view_insert_with_links (DossierReaderView  *self,
                                        GtkTextIter        *iter,
                                        const char         *text,
                                        const char * const *urls)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = NULL;
      const char *url = NULL;

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        {
          const char *found;

          if (!_dossier_reader_view_is_web_url (urls[i]))
            continue;
          found = strstr (p, urls[i]);
          if (found != NULL && (next == NULL || found < next))
            {
              next = found;
              url = urls[i];
            }
        }

      if (next == NULL)
        {
          gtk_text_buffer_insert (self->buffer, iter, p, -1);
          break;
        }

      gtk_text_buffer_insert (self->buffer, iter, p, next - p);
      {
        GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
        int start = gtk_text_iter_get_offset (iter);

        g_object_set_data_full (G_OBJECT (tag), "dossier-url", g_strdup (url), g_free);
        g_ptr_array_add (self->link_tags, tag);
        gtk_text_buffer_insert (self->buffer, iter, url, -1);
        _dossier_reader_view_apply_tag_from (self, "link", start, iter);
        {
          GtkTextIter s;
          gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
          gtk_text_buffer_apply_tag (self->buffer, tag, &s, iter);
        }
      }
      p = next + strlen (url);
    }
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  /* Only web addresses leave the app; anything else in an article is inert. */
  if (_dossier_reader_view_is_web_url (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static char *
footnote_markup (DossierFootnote *footnote)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char * const *urls = dossier_footnote_get_urls (footnote);
  const char *p = dossier_footnote_get_text (footnote);

  if (p == NULL)
    return g_strdup ("");

  while (*p != '\0')
    {
      const char *next = NULL;
      const char *url = NULL;

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        {
          const char *found;

          if (!_dossier_reader_view_is_web_url (urls[i]))
            continue;
          found = strstr (p, urls[i]);
          if (found != NULL && (next == NULL || found < next))
            {
              next = found;
              url = urls[i];
            }
        }

      if (next == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (p, -1);
          g_string_append (markup, escaped);
          break;
        }
      else
        {
          g_autofree char *before = g_markup_escape_text (p, next - p);
          g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);

          g_string_append (markup, before);
          g_string_append (markup, link);
          p = next + strlen (url);
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
create_footnote_popover (DossierReaderView *self,
                         guint              number)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *heading_text = g_strdup_printf (_("Note %u"), number);
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkWidget *body = gtk_label_new (NULL);
  DossierFootnote *footnote = NULL;

  if (self->document != NULL)
    footnote = dossier_document_lookup_footnote (self->document, number);

  gtk_widget_add_css_class (popover, "footnote-popover");
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 48);
  gtk_label_set_width_chars (GTK_LABEL (body), 24);
  /* Not selectable: a selectable label would select all of itself when
   * the popover gives it focus. Its links still take the focus. */
  gtk_label_set_selectable (GTK_LABEL (body), FALSE);
  gtk_widget_add_css_class (body, "footnote-text");

  if (footnote != NULL)
    {
      g_autofree char *markup = footnote_markup (footnote);
      gtk_label_set_markup (GTK_LABEL (body), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (body), _("The article does not include the text of this note."));

  g_signal_connect (body, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_name (body, "footnote-text");
  g_object_set_data (G_OBJECT (popover), "dossier-footnote-label", body);

  return popover;
}

static void
marker_create_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  DossierReaderView *self = user_data;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dossier-footnote"));

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, create_footnote_popover (self, number));
}

static void
marker_focus_enter_cb (GtkWidget *button)
{
  GtkWidget *view = gtk_widget_get_ancestor (button, DOSSIER_TYPE_READER_VIEW);
  DossierReaderView *self = DOSSIER_READER_VIEW (view);
  GdkRectangle visible, location;
  GtkTextIter iter;
  guint offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "dossier-offset"));

  /* Keyboard users see the marker they moved to. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    _dossier_reader_view_scroll_to_offset (self, offset, 0.3);
}

void
_dossier_reader_view_insert_marker (DossierReaderView *self,
                                    GtkTextIter       *iter,
                                    guint              number)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = g_strdup_printf ("%u", number);
  g_autofree char *accessible = g_strdup_printf (_("Footnote %u"), number);
  GtkTextChildAnchor *anchor;
  GtkEventController *focus;

  /* A word joiner keeps the marker on the line of the word it follows. */
  gtk_text_buffer_insert (self->buffer, iter, WORD_JOINER, -1);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, iter);

  /* A label child rather than set_label(): no dropdown arrow. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), gtk_label_new (label));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "footnote-marker");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (button), "dossier-footnote", GUINT_TO_POINTER (number));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), marker_create_popup_cb, self, NULL);

  gtk_text_view_add_child_at_anchor (self->text_view, button, anchor);
  g_ptr_array_add (self->markers, button);

  g_object_set_data (G_OBJECT (button), "dossier-offset", GINT_TO_POINTER (gtk_text_iter_get_offset (iter) - 1));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (marker_focus_enter_cb), button);
  gtk_widget_add_controller (button, focus);
}


/* ------------------------------------------------------------------------ */
/* Links in the notes                                                         */

static const char *
url_at (DossierReaderView *self,
        double             x,
        double             y)
{
  GtkTextIter iter;
  int bx, by;
  g_autoptr(GSList) tags = NULL;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;

  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *url = g_object_get_data (l->data, "dossier-url");
      if (url != NULL)
        return url;
    }
  return NULL;
}

static void
click_released_cb (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   DossierReaderView *self)
{
  const char *url;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  url = url_at (self, x, y);
  if (_dossier_reader_view_is_web_url (url))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url, GDK_CURRENT_TIME);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DossierReaderView        *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), url_at (self, x, y) != NULL ? "pointer" : "text");
}

/* Called once by the view's init: a click on a link opens it, and the
 * pointer shows which text is one. */
void
_dossier_reader_view_init_links (DossierReaderView *self)
{
  GtkEventController *controller;

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
}
