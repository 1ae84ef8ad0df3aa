/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-metadata-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-metadata-dialog.h"
#include "widgets/dossier-wrapping-text-view.h"

/*
 * Importers guess titles, dates and authors; this dialog lets the user
 * correct them. It does not touch the library itself: "save" hands an
 * edited copy to the window, which stores it and offers to undo.
 */
typedef struct
{
  GtkWidget *name_row;
  GtkWidget *position_row;
  GtkWidget *affiliation_row;
  GtkWidget *remove_button;
  char *bio;
} AuthorRows;

struct _DossierMetadataDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *title_row;
  GtkWidget *subtitle_row;
  GtkTextView *title_view;
  GtkTextView *subtitle_view;
  AdwEntryRow *publisher_row;
  AdwEntryRow *date_row;
  GtkLabel *date_hint;
  AdwEntryRow *url_row;
  AdwPreferencesGroup *authors_group;
  AdwPreferencesGroup *key_points_group;
  AdwPreferencesGroup *pull_quotes_group;
  AdwPreferencesGroup *footnotes_group;

  DossierDocument *document;
  GPtrArray *authors;       /* AuthorRows */
  GPtrArray *key_points;    /* AdwEntryRow, in order */
  GPtrArray *pull_quotes;   /* AdwEntryRow, in order */
  GPtrArray *footnotes;     /* FootnoteRows */
};

typedef struct
{
  guint number;
  GtkWidget *text_row;
  GtkWidget *urls_row;
} FootnoteRows;

G_DEFINE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
author_rows_free (gpointer data)
{
  AuthorRows *rows = data;

  g_free (rows->bio);
  g_free (rows);
}

/**
 * dossier_document_copy_metadata:
 *
 * A new document with @document's id, bibliographic fields and authors
 * (not its text): what dossier_library_update_metadata() needs.
 *
 * Returns: (transfer full): the copy
 */
DossierDocument *
dossier_document_copy_metadata (DossierDocument *document)
{
  DossierDocument *copy = dossier_document_dup_metadata (document);
  GListModel *footnotes = dossier_document_get_footnotes (document);

  /* Edit Details corrects these too, so Undo must put them back. */
  dossier_document_set_key_points (copy, dossier_document_get_key_points (document));
  dossier_document_set_pull_quotes (copy, dossier_document_get_pull_quotes (document));
  for (guint i = 0; i < g_list_model_get_n_items (footnotes); i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      g_autoptr(DossierFootnote) note_copy = dossier_footnote_new (dossier_footnote_get_number (note),
                                                                   dossier_footnote_get_text (note));

      dossier_footnote_set_urls (note_copy, dossier_footnote_get_urls (note));
      dossier_document_add_footnote (copy, note_copy);
    }
  return copy;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A wrapping field's text on one line, as the entry rows give theirs: a
 * pasted line break is a space in a title. */
static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strdelimit (text, "\r\n", ' ');
  return g_steal_pointer (&text);
}

static char *
stripped_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ?: ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* An author whose name the analyst left alone keeps the parts of the name
 * a reference manager gave ("van", "Jr."); a renamed one has none, as
 * they may no longer be right. */
static DossierAuthor *
dup_author_named (DossierDocument *document,
                  const char      *name)
{
  GListModel *authors = dossier_document_get_authors (document);

  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      if (g_strcmp0 (dossier_author_get_name (author), name) == 0)
        return dossier_author_copy (author);
    }

  return dossier_author_new (name);
}

/* ---- Dates --------------------------------------------------------------- */

#define MAX_DATE_LENGTH 64

/* "May", "may.", "Sept" or "september": 1 to 12, or 0. */
static int
month_from_name (const char *name)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize length;

  if (g_str_has_suffix (lower, "."))
    lower[strlen (lower) - 1] = '\0';
  length = strlen (lower);
  if (length < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strncmp (months[i], lower, length) == 0)
      return i + 1;
  return 0;
}

static char *
format_partial_date (int year,
                     int month,
                     int day)
{
  g_autofree char *date = NULL;

  if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || (day > 0 && month == 0))
    return NULL;
  if (day > 0 && !g_date_valid_dmy (day, month, year))
    return NULL;

  if (day > 0)
    date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    date = g_strdup_printf ("%04d-%02d", year, month);
  else
    date = g_strdup_printf ("%04d", year);
  return dossier_is_valid_partial_date (date) ? g_steal_pointer (&date) : NULL;
}

/**
 * dossier_metadata_dialog_parse_date:
 * @text: a date as a user types it: a year ("2024"), a month ("2024-05",
 *   "May 2024", "2024년 5월") or a day ("2024-05-17", "17 May 2024",
 *   "May 17, 2024", "2024/5/17", "2024년 5월 17일")
 *
 * Returns: (transfer full) (nullable): the date as the store keeps a
 *   partial date (YYYY, YYYY-MM or YYYY-MM-DD), or %NULL when @text is
 *   not one of these or not a real date
 */
char *
dossier_metadata_dialog_parse_date (const char *text)
{
  static GRegex *numeric, *korean, *month_year, *day_month_year, *month_day_year;
  static gsize initialised = 0;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *stripped = NULL;

  if (g_once_init_enter (&initialised))
    {
      numeric = g_regex_new ("^(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?$", 0, 0, NULL);
      korean = g_regex_new ("^(\\d{4})\\s*년(?:\\s*(\\d{1,2})\\s*월(?:\\s*(\\d{1,2})\\s*일)?)?$", 0, 0, NULL);
      month_year = g_regex_new ("^([A-Za-z]{3,9}\\.?),?\\s+(\\d{4})$", 0, 0, NULL);
      day_month_year = g_regex_new ("^(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9}\\.?),?\\s+(\\d{4})$",
                                    G_REGEX_CASELESS, 0, NULL);
      month_day_year = g_regex_new ("^([A-Za-z]{3,9}\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$",
                                    G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  /* Longer is not a date; the limit also keeps pasted text from the
   * regular expressions. */
  if (text == NULL || strlen (text) > MAX_DATE_LENGTH || !g_utf8_validate (text, -1, NULL))
    return NULL;
  stripped = g_strstrip (g_strdup (text));

  /* A match info is made even when there is no match. */
  if (!g_regex_match (numeric, stripped, 0, &match))
    {
      g_clear_pointer (&match, g_match_info_free);
      g_regex_match (korean, stripped, 0, &match);
    }
  if (g_match_info_matches (match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *day = g_match_info_fetch (match, 3);

      /* A month or day that is there must be one ("2024-00" is not 2024). */
      if ((month != NULL && *month != '\0' && atoi (month) < 1) || (day != NULL && *day != '\0' && atoi (day) < 1))
        return NULL;
      return format_partial_date (atoi (year), month ? atoi (month) : 0, day ? atoi (day) : 0);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (month_year, stripped, 0, &match))
    {
      g_autofree char *month = g_match_info_fetch (match, 1);
      g_autofree char *year = g_match_info_fetch (match, 2);
      int number = month_from_name (month);

      return number > 0 ? format_partial_date (atoi (year), number, 0) : NULL;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (day_month_year, stripped, 0, &match))
    {
      g_autofree char *day = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *year = g_match_info_fetch (match, 3);
      int number = month_from_name (month);

      return number > 0 ? format_partial_date (atoi (year), number, atoi (day)) : NULL;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (month_day_year, stripped, 0, &match))
    {
      g_autofree char *month = g_match_info_fetch (match, 1);
      g_autofree char *day = g_match_info_fetch (match, 2);
      g_autofree char *year = g_match_info_fetch (match, 3);
      int number = month_from_name (month);

      return number > 0 ? format_partial_date (atoi (year), number, atoi (day)) : NULL;
    }
  return NULL;
}

/* Under the field: what it takes, or why what was typed is refused. */
static gboolean
validate_date (DossierMetadataDialog *self,
               const char            *date)
{
  g_autofree char *parsed = date != NULL ? dossier_metadata_dialog_parse_date (date) : NULL;

  if (date == NULL || parsed != NULL)
    {
      gtk_label_set_text (self->date_hint,
                          _("A year, a month or a day, such as 2024, May 2024 or 17 May 2024"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_hint), "dim-label");
      return TRUE;
    }
  else
    {
      g_autofree char *message = NULL;

      if (g_utf8_strlen (date, -1) > 40)
        /* Translators: the text typed in the date field is too long to repeat. */
        message = g_strdup (_("Not a date: type a year, a month or a day, such as 2024, May 2024 or 17 May 2024"));
      else
        /* Translators: %s is what was typed in the date field. */
        message = g_strdup_printf (_("“%s” is not a date: type a year, a month or a day, such as 2024, May 2024 or 17 May 2024"),
                                   date);
      gtk_label_set_text (self->date_hint, message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_hint), "error");
      return FALSE;
    }
}

static gboolean
is_web_address (const char *url)
{
  return url == NULL || g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://");
}

/* A footnote's web addresses as typed in one row: separated by spaces. */
static GStrv
split_urls (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ?: "", " \t\r\n", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv urls;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  urls = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return urls;
}

static gboolean
validate (DossierMetadataDialog *self)
{
  g_autofree char *title_text = view_text (self->title_view);
  g_autofree char *title = stripped_or_null (title_text);
  g_autofree char *date = stripped_or_null (row_text (self->date_row));
  g_autofree char *url = stripped_or_null (row_text (self->url_row));
  gboolean title_ok = title != NULL;
  gboolean date_ok = validate_date (self, date);
  gboolean url_ok = is_web_address (url);
  gboolean notes_ok = TRUE;

#define SET_ERROR(row, ok) \
  G_STMT_START { if (ok) gtk_widget_remove_css_class (GTK_WIDGET (row), "error"); \
                 else gtk_widget_add_css_class (GTK_WIDGET (row), "error"); } G_STMT_END
  SET_ERROR (self->title_row, title_ok);
  SET_ERROR (self->date_row, date_ok);
  SET_ERROR (self->url_row, url_ok);
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      FootnoteRows *rows = self->footnotes->pdata[i];
      g_auto(GStrv) urls = split_urls (gtk_editable_get_text (GTK_EDITABLE (rows->urls_row)));
      gboolean ok = TRUE;

      for (guint j = 0; urls[j] != NULL; j++)
        ok = ok && is_web_address (urls[j]);
      SET_ERROR (rows->urls_row, ok);
      notes_ok = notes_ok && ok;
    }
#undef SET_ERROR

  gtk_widget_set_sensitive (self->save_button, title_ok && date_ok && url_ok && notes_ok);
  return title_ok && date_ok && url_ok && notes_ok;
}

static void
remove_author_cb (GtkButton             *button,
                  DossierMetadataDialog *self)
{
  for (guint i = 0; i < self->authors->len; i++)
    {
      AuthorRows *rows = self->authors->pdata[i];

      if (rows->remove_button == GTK_WIDGET (button))
        {
          adw_preferences_group_remove (self->authors_group, rows->name_row);
          adw_preferences_group_remove (self->authors_group, rows->position_row);
          adw_preferences_group_remove (self->authors_group, rows->affiliation_row);
          g_ptr_array_remove_index (self->authors, i);
          break;
        }
    }
}

static AuthorRows *
append_author (DossierMetadataDialog *self,
               DossierAuthor         *author)
{
  AuthorRows *rows = g_new0 (AuthorRows, 1);
  guint number = self->authors->len + 1;
  g_autofree char *name_title = g_strdup_printf (_("Author %u"), number);
  g_autofree char *remove_label = g_strdup_printf (_("Remove Author %u"), number);

  rows->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row), name_title);
  /* As the reader shows it: "Ingrid Halvorsen (senior fellow, Northern
   * Maritime Institute)". */
  rows->position_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->position_row), _("Position"));
  rows->affiliation_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->affiliation_row), _("Affiliation"));
  rows->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (rows->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rows->remove_button, "flat");
  gtk_widget_set_tooltip_text (rows->remove_button, remove_label);
  g_signal_connect (rows->remove_button, "clicked", G_CALLBACK (remove_author_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (rows->name_row), rows->remove_button);

  if (author != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows->name_row), dossier_author_get_name (author) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (rows->position_row), dossier_author_get_position (author) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (rows->affiliation_row), dossier_author_get_affiliation (author) ?: "");
      rows->bio = g_strdup (dossier_author_get_bio (author));
    }

  adw_preferences_group_add (self->authors_group, rows->name_row);
  adw_preferences_group_add (self->authors_group, rows->position_row);
  adw_preferences_group_add (self->authors_group, rows->affiliation_row);
  g_ptr_array_add (self->authors, rows);
  return rows;
}

/**
 * dossier_metadata_dialog_add_author:
 *
 * Adds a pair of author rows, filled in when @name is given.
 */
void
dossier_metadata_dialog_add_author (DossierMetadataDialog *self,
                                    const char            *name,
                                    const char            *affiliation)
{
  AuthorRows *rows;

  g_return_if_fail (DOSSIER_IS_METADATA_DIALOG (self));

  rows = append_author (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (rows->name_row), name ?: "");
  gtk_editable_set_text (GTK_EDITABLE (rows->affiliation_row), affiliation ?: "");
  if (name == NULL)
    gtk_widget_grab_focus (rows->name_row);
}

static void
add_author_cb (DossierMetadataDialog *self)
{
  dossier_metadata_dialog_add_author (self, NULL, NULL);
}

/* ---- Rows that wrap ---------------------------------------------------------- */

/* Enter in a wrapping field saves, as in the entry rows (a title has
 * no line breaks); Shift+Enter too. */
static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     DossierMetadataDialog *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_widget_activate_default (GTK_WIDGET (self));
  return TRUE;
}

static void
add_enter_saves (DossierMetadataDialog *self,
                 GtkTextView           *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

/* A row like the title's for a value that runs to a paragraph (a key
 * point, a pull quote, a footnote): its caption above a text view that
 * wraps and is as tall as its lines, where an entry row would cut the
 * text at its edge. The view is the row's "dossier-view", the caption
 * its "dossier-caption"; @suffixes go at the end, centred. */
static GtkWidget *
wrapping_row_new (DossierMetadataDialog *self,
                  const char            *text,
                  GtkWidget            **suffixes,
                  guint                  n_suffixes)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *view = dossier_wrapping_text_view_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, n_suffixes > 0 ? 6 : 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (view, "metadata-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ?: "", -1);
  add_enter_saves (self, GTK_TEXT_VIEW (view));

  gtk_box_append (GTK_BOX (column), caption);
  gtk_box_append (GTK_BOX (column), view);
  gtk_box_append (GTK_BOX (box), column);
  for (guint i = 0; i < n_suffixes; i++)
    {
      gtk_widget_set_valign (suffixes[i], GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), suffixes[i]);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "dossier-view", view);
  g_object_set_data (G_OBJECT (row), "dossier-caption", caption);
  return row;
}

/* The row's title, read by screen readers, and its caption. */
static void
wrapping_row_set_title (GtkWidget  *row,
                        const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "dossier-caption"), title);
}

static GtkTextView *
wrapping_row_get_view (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "dossier-view");
}

/* ---- Key points and pull quotes -------------------------------------------- */

static GPtrArray *
list_of_button (DossierMetadataDialog *self,
                GtkWidget             *button,
                AdwPreferencesGroup  **group)
{
  gboolean key_points = g_object_get_data (G_OBJECT (button), "dossier-pull-quote") == NULL;

  *group = key_points ? self->key_points_group : self->pull_quotes_group;
  return key_points ? self->key_points : self->pull_quotes;
}

/* The rows' titles say their place ("Key Point 2"), and the first has
 * nowhere to move up to. */
static void
relayout (DossierMetadataDialog *self,
          GPtrArray             *list)
{
  gboolean pull_quotes = list == self->pull_quotes;
  AdwPreferencesGroup *group = pull_quotes ? self->pull_quotes_group : self->key_points_group;

  for (guint i = 0; i < list->len; i++)
    if (gtk_widget_get_parent (list->pdata[i]) != NULL)   /* a new row is not in yet */
      adw_preferences_group_remove (group, list->pdata[i]);
  for (guint i = 0; i < list->len; i++)
    {
      GtkWidget *row = list->pdata[i];
      GtkWidget *up = g_object_get_data (G_OBJECT (row), "dossier-up");
      g_autofree char *title = NULL;

      if (pull_quotes)
        /* Translators: %u is the place of a pull quote in the list */
        title = g_strdup_printf (_("Pull Quote %u"), i + 1);
      else
        /* Translators: %u is the place of a key point in the list */
        title = g_strdup_printf (_("Key Point %u"), i + 1);
      wrapping_row_set_title (row, title);
      gtk_widget_set_sensitive (up, i > 0);
      adw_preferences_group_add (group, row);
    }
}

static void
move_up_cb (GtkButton             *button,
            DossierMetadataDialog *self)
{
  AdwPreferencesGroup *group;
  GPtrArray *list = list_of_button (self, GTK_WIDGET (button), &group);
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "dossier-row");
  guint index;

  if (!g_ptr_array_find (list, row, &index) || index == 0)
    return;
  list->pdata[index] = list->pdata[index - 1];
  list->pdata[index - 1] = row;
  relayout (self, list);
  gtk_widget_grab_focus (GTK_WIDGET (wrapping_row_get_view (row)));
}

static void
remove_item_cb (GtkButton             *button,
                DossierMetadataDialog *self)
{
  AdwPreferencesGroup *group;
  GPtrArray *list = list_of_button (self, GTK_WIDGET (button), &group);
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "dossier-row");

  adw_preferences_group_remove (group, row);
  g_ptr_array_remove (list, row);
  relayout (self, list);
}

static GtkWidget *
append_item (DossierMetadataDialog *self,
             GPtrArray             *list,
             const char            *text)
{
  gboolean pull_quote = list == self->pull_quotes;
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *buttons[] = { up, remove };
  GtkWidget *row = wrapping_row_new (self, text, buttons, G_N_ELEMENTS (buttons));

  gtk_widget_set_tooltip_text (up, pull_quote ? _("Move Pull Quote Up") : _("Move Key Point Up"));
  gtk_widget_set_tooltip_text (remove, pull_quote ? _("Remove Pull Quote") : _("Remove Key Point"));
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_widget_add_css_class (buttons[i], "flat");
      g_object_set_data (G_OBJECT (buttons[i]), "dossier-row", row);
      if (pull_quote)
        g_object_set_data (G_OBJECT (buttons[i]), "dossier-pull-quote", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data (G_OBJECT (row), "dossier-up", up);

  g_ptr_array_add (list, g_object_ref_sink (row));
  relayout (self, list);
  return row;
}

static void
add_key_point_cb (DossierMetadataDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (wrapping_row_get_view (append_item (self, self->key_points, NULL))));
}

static void
add_pull_quote_cb (DossierMetadataDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (wrapping_row_get_view (append_item (self, self->pull_quotes, NULL))));
}

static GStrv
dup_list (GPtrArray *list)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv items;

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *typed = view_text (wrapping_row_get_view (list->pdata[i]));
      g_autofree char *text = stripped_or_null (typed);

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  items = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return items;
}

/* ---- Footnotes ------------------------------------------------------------- */

static void
append_footnote (DossierMetadataDialog *self,
                 DossierFootnote       *note)
{
  FootnoteRows *rows = g_new0 (FootnoteRows, 1);
  const char * const *urls = dossier_footnote_get_urls (note);
  g_autofree char *joined = urls != NULL ? g_strjoinv (" ", (char **) urls) : NULL;
  /* Translators: %u is a footnote's number, as its marker shows it */
  g_autofree char *title = g_strdup_printf (_("Footnote %u"), dossier_footnote_get_number (note));
  /* Translators: %u is a footnote's number */
  g_autofree char *urls_title = g_strdup_printf (_("Web Addresses of Footnote %u"), dossier_footnote_get_number (note));

  rows->number = dossier_footnote_get_number (note);
  rows->text_row = wrapping_row_new (self, dossier_footnote_get_text (note), NULL, 0);
  wrapping_row_set_title (rows->text_row, title);
  rows->urls_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->urls_row), urls_title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (rows->urls_row), GTK_INPUT_PURPOSE_URL);
  gtk_editable_set_text (GTK_EDITABLE (rows->urls_row), joined ?: "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (rows->urls_row), TRUE);
  g_signal_connect_swapped (rows->urls_row, "changed", G_CALLBACK (validate), self);

  adw_preferences_group_add (self->footnotes_group, rows->text_row);
  adw_preferences_group_add (self->footnotes_group, rows->urls_row);
  g_ptr_array_add (self->footnotes, rows);
}

/**
 * dossier_metadata_dialog_get_item:
 * @list: "key-points", "pull-quotes", "footnote-texts" or "footnote-urls"
 * @position: the row's place in that list
 *
 * Returns: (transfer none) (nullable): the row (an entry row for
 *   "footnote-urls"; the others wrap: see
 *   dossier_metadata_dialog_get_item_text())
 */
GtkWidget *
dossier_metadata_dialog_get_item (DossierMetadataDialog *self,
                                  const char            *list,
                                  guint                  position)
{
  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), NULL);

  if (g_str_equal (list, "key-points"))
    return position < self->key_points->len ? self->key_points->pdata[position] : NULL;
  if (g_str_equal (list, "pull-quotes"))
    return position < self->pull_quotes->len ? self->pull_quotes->pdata[position] : NULL;
  if (position >= self->footnotes->len)
    return NULL;
  if (g_str_equal (list, "footnote-texts"))
    return ((FootnoteRows *) self->footnotes->pdata[position])->text_row;
  if (g_str_equal (list, "footnote-urls"))
    return ((FootnoteRows *) self->footnotes->pdata[position])->urls_row;
  return NULL;
}

/**
 * dossier_metadata_dialog_get_item_text:
 * @list: "key-points", "pull-quotes" or "footnote-texts"
 * @position: the row's place in that list
 *
 * Returns: (transfer none) (nullable): the text of that row
 */
GtkTextBuffer *
dossier_metadata_dialog_get_item_text (DossierMetadataDialog *self,
                                       const char            *list,
                                       guint                  position)
{
  GtkWidget *row;

  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), NULL);

  if (g_str_equal (list, "footnote-urls"))
    return NULL;
  row = dossier_metadata_dialog_get_item (self, list, position);
  return row != NULL ? gtk_text_view_get_buffer (wrapping_row_get_view (row)) : NULL;
}

/**
 * dossier_metadata_dialog_save:
 *
 * Emits ::save with the edited copy and closes the dialog, if the fields
 * are valid.
 *
 * Returns: %FALSE if a field is invalid
 */
gboolean
dossier_metadata_dialog_save (DossierMetadataDialog *self)
{
  g_autoptr(DossierDocument) edited = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), FALSE);

  if (!validate (self))
    return FALSE;

  {
    g_autofree char *title_text = view_text (self->title_view);
    g_autofree char *subtitle_text = view_text (self->subtitle_view);

    title = stripped_or_null (title_text);
    subtitle = stripped_or_null (subtitle_text);
  }
  publisher = stripped_or_null (row_text (self->publisher_row));
  {
    g_autofree char *typed = stripped_or_null (row_text (self->date_row));

    /* As the store keeps it: "May 2024" is 2024-05. */
    date = typed != NULL ? dossier_metadata_dialog_parse_date (typed) : NULL;
  }
  url = stripped_or_null (row_text (self->url_row));

  edited = dossier_document_new ();
  dossier_document_set_id (edited, dossier_document_get_id (self->document));
  dossier_document_set_title (edited, title);
  dossier_document_set_subtitle (edited, subtitle);
  dossier_document_set_publisher (edited, publisher);
  dossier_document_set_issued (edited, date);
  dossier_document_set_source_url (edited, url);
  /* Fields the dialog does not show are kept as they are. */
  for (guint f = 0; f < DOSSIER_N_FIELDS; f++)
    dossier_document_set_field (edited, f, dossier_document_get_field (self->document, f));

  for (guint i = 0; i < self->authors->len; i++)
    {
      AuthorRows *rows = self->authors->pdata[i];
      g_autofree char *name = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (rows->name_row)));
      g_autofree char *position = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (rows->position_row)));
      g_autofree char *affiliation = stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (rows->affiliation_row)));
      g_autoptr(DossierAuthor) author = NULL;

      if (name == NULL)
        continue;
      author = dup_author_named (self->document, name);
      dossier_author_set_affiliation (author, affiliation);
      dossier_author_set_position (author, position);
      dossier_author_set_bio (author, rows->bio);
      dossier_document_add_author (edited, author);
    }

  {
    g_auto(GStrv) key_points = dup_list (self->key_points);
    g_auto(GStrv) pull_quotes = dup_list (self->pull_quotes);

    dossier_document_set_key_points (edited, (const char * const *) key_points);
    dossier_document_set_pull_quotes (edited, (const char * const *) pull_quotes);
  }
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      FootnoteRows *rows = self->footnotes->pdata[i];
      g_autofree char *text = g_strstrip (view_text (wrapping_row_get_view (rows->text_row)));
      g_auto(GStrv) urls = split_urls (gtk_editable_get_text (GTK_EDITABLE (rows->urls_row)));
      g_autoptr(DossierFootnote) note = dossier_footnote_new (rows->number, text);

      dossier_footnote_set_urls (note, (const char * const *) urls);
      dossier_document_add_footnote (edited, note);
    }

  g_signal_emit (self, signals[SAVE], 0, edited);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (DossierMetadataDialog *self)
{
  dossier_metadata_dialog_save (self);
}

static void
cancel_clicked_cb (DossierMetadataDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * dossier_metadata_dialog_get_text_field:
 * @name: "title" or "subtitle" (the fields that wrap)
 *
 * Returns: (transfer none) (nullable): the field's text
 */
GtkTextBuffer *
dossier_metadata_dialog_get_text_field (DossierMetadataDialog *self,
                                        const char            *name)
{
  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), NULL);

  if (g_str_equal (name, "title")) return gtk_text_view_get_buffer (self->title_view);
  if (g_str_equal (name, "subtitle")) return gtk_text_view_get_buffer (self->subtitle_view);
  return NULL;
}

/**
 * dossier_metadata_dialog_get_field:
 * @name: "publisher", "date" or "url" (the title and subtitle are
 *   dossier_metadata_dialog_get_text_field()'s)
 *
 * Returns: (transfer none) (nullable): the field's entry
 */
GtkEditable *
dossier_metadata_dialog_get_field (DossierMetadataDialog *self,
                                   const char            *name)
{
  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), NULL);

  if (g_str_equal (name, "publisher")) return GTK_EDITABLE (self->publisher_row);
  if (g_str_equal (name, "date")) return GTK_EDITABLE (self->date_row);
  if (g_str_equal (name, "url")) return GTK_EDITABLE (self->url_row);
  return NULL;
}

/**
 * dossier_metadata_dialog_get_document:
 *
 * Returns: (transfer none): the document as it was before the edit
 */
DossierDocument *
dossier_metadata_dialog_get_document (DossierMetadataDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), NULL);
  return self->document;
}

static void
dossier_metadata_dialog_dispose (GObject *object)
{
  DossierMetadataDialog *self = DOSSIER_METADATA_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->key_points, g_ptr_array_unref);
  g_clear_pointer (&self->pull_quotes, g_ptr_array_unref);
  g_clear_pointer (&self->footnotes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_METADATA_DIALOG);

  G_OBJECT_CLASS (dossier_metadata_dialog_parent_class)->dispose (object);
}

static void
dossier_metadata_dialog_class_init (DossierMetadataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_metadata_dialog_dispose;

  /**
   * DossierMetadataDialog::save:
   * @edited: a #DossierDocument with the same id and the edited metadata
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_DOCUMENT);

  g_type_ensure (DOSSIER_TYPE_WRAPPING_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-metadata-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, title_view);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, subtitle_view);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, date_hint);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, authors_group);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, key_points_group);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, pull_quotes_group);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, footnotes_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_author_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_key_point_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_pull_quote_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
setup_text_field (DossierMetadataDialog *self,
                  GtkTextView           *view)
{
  add_enter_saves (self, view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (validate), self);
}

static void
dossier_metadata_dialog_init (DossierMetadataDialog *self)
{
  self->authors = g_ptr_array_new_with_free_func (author_rows_free);
  /* The lists hold the rows while a reorder takes them out of the group. */
  self->key_points = g_ptr_array_new_with_free_func (g_object_unref);
  self->pull_quotes = g_ptr_array_new_with_free_func (g_object_unref);
  self->footnotes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_text_field (self, self->title_view);
  setup_text_field (self, self->subtitle_view);
}

GtkWidget *
dossier_metadata_dialog_new (GtkWindow       *parent,
                             DossierDocument *document)
{
  DossierMetadataDialog *self;
  GListModel *authors;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  self = g_object_new (DOSSIER_TYPE_METADATA_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->document = g_object_ref (document);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->title_view), dossier_document_get_title (document) ?: "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->subtitle_view), dossier_document_get_subtitle (document) ?: "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->publisher_row), dossier_document_get_publisher (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), dossier_document_get_issued (document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), dossier_document_get_source_url (document) ?: "");

  authors = dossier_document_get_authors (document);
  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      append_author (self, author);
    }
  {
    const char * const *key_points = dossier_document_get_key_points (document);
    const char * const *pull_quotes = dossier_document_get_pull_quotes (document);
    GListModel *footnotes = dossier_document_get_footnotes (document);
    guint n_notes = g_list_model_get_n_items (footnotes);

    for (guint i = 0; key_points != NULL && key_points[i] != NULL; i++)
      append_item (self, self->key_points, key_points[i]);
    for (guint i = 0; pull_quotes != NULL && pull_quotes[i] != NULL; i++)
      append_item (self, self->pull_quotes, pull_quotes[i]);
    for (guint i = 0; i < n_notes; i++)
      {
        g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
        append_footnote (self, note);
      }
    /* Notes are corrected, not added: with none there is nothing to show. */
    gtk_widget_set_visible (GTK_WIDGET (self->footnotes_group), n_notes > 0);
  }

  validate (self);
  /* Enter saves; typing starts in the title. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  adw_entry_row_set_activates_default (self->publisher_row, TRUE);
  adw_entry_row_set_activates_default (self->date_row, TRUE);
  adw_entry_row_set_activates_default (self->url_row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_view));
  return GTK_WIDGET (self);
}
