/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "export/dossier-memo-layout.h"
#include "export/dossier-page-layout.h"
#include "export/dossier-pdf-exporter.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-inline.h"
#include "memo/dossier-memo-language.h"
#include "memo/dossier-memo-notes.h"
#include "memo/dossier-memo-templates.h"
#include "widgets/dossier-memo-preview.h"
#include "widgets/dossier-memo-text-view.h"
#include "dossier-memo-page.h"
#include "dossier-spell-checker.h"

/*
 * The memo editor page: the header fields, one row per section (title,
 * and the section's blocks edited as one text: blank lines between
 * blocks, "- " bullets, "> " quotations), the numbered notes and the
 * check's findings, which refresh shortly after each change. Text
 * formatting is inline markup, shown with text tags; undo and redo are
 * GtkTextBuffer's. Sections move with Alt+Up/Down, the row buttons, or by
 * dragging the handle.
 *
 * Beside the editor, a live print preview (toggled with Ctrl+Shift+P and
 * remembered) draws the pages as the PDF export and printing will; the
 * page count lint reads its layout.
 *
 * Spelling is checked with Enchant (DossierSpellChecker): libspelling,
 * the maintained GTK 4 spell checker, is not in Debian 12.
 */

typedef struct _SectionRow SectionRow;

struct _DossierMemoPage
{
  GtkWidget parent_instance;

  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  AdwEntryRow *marking_row;
  AdwEntryRow *to_row;
  AdwEntryRow *from_row;
  AdwEntryRow *date_row;
  AdwEntryRow *subject_row;
  AdwComboRow *language_row;
  GtkListBox *sections_list;
  GtkLabel *notes_label;
  GtkListBox *citations_list;
  GtkListBox *issues_list;
  AdwToastOverlay *toast_overlay;
  GtkProgressBar *export_progress;
  GtkRevealer *preview_revealer;
  DossierMemoPreview *preview;
  GtkScrolledWindow *editor_scroller;
  GtkPaned *paned;

  DossierMemo *memo;
  GFile *file;                     /* the memo's file, when it has one */
  GSettings *settings;
  DossierPdfExporter *exporter;
  DossierPaper paper;
  gboolean justify;
  gboolean show_preview;
  gboolean layout_ready;           /* the preview has laid the memo out once */
  gboolean pages_estimated;        /* the last lint had to estimate the pages */
  guint first_layout_source;
  GListStore *issues;
  GPtrArray *rows;                 /* SectionRow*, owned by their list rows */
  DossierMemoSection *current;     /* weak */
  guint refresh_source;
  gint64 refresh_since;
  gulong changed_handler;
  gulong date_handler;
  gulong language_handler;
  GtkWidget *scroll_target;        /* weak: brought into view on the next frames */
  GtkWidget *citation_popover;     /* weak: the open marker popover, a child of the page */
  gboolean scroll_to_bottom;
  guint scroll_tick;
  guint scroll_frames;
  gboolean paned_moved;            /* the analyst dragged the divider */
  gboolean paned_setting;
  guint resize_source;
  char *marker_signature;          /* the markers and sources the views were numbered for */
  guint numbers_source;
  gboolean language_setting;
  char *other_language;            /* listed after the supported ones, if the memo had it */
  DossierMemoSection *removed_section;  /* the last one removed, for Undo */
  guint removed_position;
};

struct _SectionRow
{
  DossierMemoPage *page;
  DossierMemoSection *section;
  GtkWidget *row;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkWidget *title_entry;
  gboolean syncing;
  gboolean selecting;
};

G_DEFINE_FINAL_TYPE (DossierMemoPage, dossier_memo_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMO,
  PROP_SHOW_PREVIEW,
  PROP_PAPER,
  PROP_JUSTIFY,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define REFRESH_DELAY_MS 250
#define REFRESH_MAX_WAIT_US (1500 * 1000)

/* ---- Formatting tags --------------------------------------------------- */

/* The tags mirror how the memo is parsed, so that what looks bold, a
 * bullet or a quotation in the editor is what the PDF prints:
 * dossier_memo_section_set_source_text() cuts the text into blocks at
 * blank (or blank-looking) lines; a block is a bullet list only when
 * every line starts with "- " (or is "-"), a quotation only when every
 * line starts with ">", else a paragraph; dossier_memo_parse_inline()
 * then reads each paragraph, bullet item or quotation as one text, where
 * a run of stars is "**" tokens then a "*", escaped stars are text, and
 * delimiters of one kind pair in order (an odd one out stays literal). */

typedef struct {
  int start;          /* code points, in the buffer */
  int end;
  gsize byte_start;   /* bytes, in the text */
  gsize byte_end;
} TagLine;

typedef struct {
  int start;
  int end;
  gboolean strong;
  gboolean paired;
  guint segment;
} TagToken;

#define QUOTE_CITE_LINE_PREFIX "> \xe2\x80\x94 [^"

static void
tag_range (GtkTextBuffer *buffer,
           const char    *tag,
           int            start,
           int            end)
{
  GtkTextIter a, b;

  if (end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

/* Tags the inline markup of one text the parser reads as a whole (a
 * paragraph, a bullet item, a quotation), given as @n_segments lines of
 * @text from code point / byte @segments[i] to the line's end. */
static void
tag_inline (GtkTextBuffer *buffer,
            const char    *text,
            const TagLine *segments,
            guint          n_segments)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (TagToken));
  gboolean bold = FALSE, italic = FALSE;
  guint t = 0;

  for (guint i = 0; i < n_segments; i++)
    {
      const char *p = text + segments[i].byte_start;
      const char *end = text + segments[i].byte_end;
      int offset = segments[i].start;

      while (p < end)
        {
          if (p[0] == '\\' && p + 1 < end && (p[1] == '*' || p[1] == '[' || p[1] == '\\'))
            {
              p += 2;
              offset += 2;
            }
          else if (p[0] == '*')
            {
              TagToken token = { offset, 0, p + 1 < end && p[1] == '*', FALSE, i };

              token.end = offset + (token.strong ? 2 : 1);
              p += token.strong ? 2 : 1;
              offset = token.end;
              g_array_append_val (tokens, token);
            }
          else
            {
              p = g_utf8_next_char (p);
              offset++;
            }
        }
    }

  /* Pairs each kind in order, as dossier-memo-inline.c does. */
  for (int strong = 0; strong <= 1; strong++)
    {
      int open = -1;

      for (guint i = 0; i < tokens->len; i++)
        {
          TagToken *token = &g_array_index (tokens, TagToken, i);

          if (token->strong != strong)
            continue;
          if (open < 0)
            open = i;
          else
            {
              g_array_index (tokens, TagToken, open).paired = TRUE;
              token->paired = TRUE;
              open = -1;
            }
        }
    }

  for (guint i = 0; i < n_segments; i++)
    {
      int position = segments[i].start;

      for (;; t++)
        {
          TagToken *token = t < tokens->len ? &g_array_index (tokens, TagToken, t) : NULL;
          int until = token != NULL && token->segment == i ? token->start : segments[i].end;

          if (bold)
            tag_range (buffer, "bold", position, until);
          if (italic)
            tag_range (buffer, "italic", position, until);
          if (token == NULL || token->segment != i)
            break;
          position = token->end;
          if (!token->paired)
            {
              /* Literal stars wear the formatting around them. */
              if (bold)
                tag_range (buffer, "bold", token->start, token->end);
              if (italic)
                tag_range (buffer, "italic", token->start, token->end);
              continue;
            }
          if (token->strong)
            bold = !bold;
          else
            italic = !italic;
          tag_range (buffer, "markup", token->start, token->end);
        }
    }
}

static void
tag_block (GtkTextBuffer *buffer,
           const char    *text,
           const TagLine *lines,
           guint          n_lines)
{
  gboolean all_bullets = TRUE, all_quote = TRUE;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = text + lines[i].byte_start;
      gsize length = lines[i].byte_end - lines[i].byte_start;

      all_bullets = all_bullets && ((length >= 2 && line[0] == '-' && line[1] == ' ') ||
                                    (length == 1 && line[0] == '-'));
      all_quote = all_quote && line[0] == '>';
    }

  if (all_bullets)
    {
      for (guint i = 0; i < n_lines; i++)
        {
          TagLine item = lines[i];
          int prefix = MIN (2, item.end - item.start);

          tag_range (buffer, "bullet", lines[i].start, lines[i].end);
          tag_range (buffer, "markup", lines[i].start, lines[i].start + prefix);
          item.start += prefix;
          item.byte_start += prefix;
          tag_inline (buffer, text, &item, 1);
        }
    }
  else if (all_quote)
    {
      g_autofree TagLine *content = g_new (TagLine, n_lines);
      guint n = n_lines;
      const TagLine *last = &lines[n_lines - 1];
      gsize last_length = last->byte_end - last->byte_start;

      /* A last "> — [^id]" line is the quotation's attribution. */
      if (n > 1 && last_length > strlen (QUOTE_CITE_LINE_PREFIX) &&
          strncmp (text + last->byte_start, QUOTE_CITE_LINE_PREFIX, strlen (QUOTE_CITE_LINE_PREFIX)) == 0 &&
          text[last->byte_end - 1] == ']')
        {
          g_autofree char *id = g_strndup (text + last->byte_start + strlen (QUOTE_CITE_LINE_PREFIX),
                                           last_length - strlen (QUOTE_CITE_LINE_PREFIX) - 1);

          if (dossier_memo_is_valid_citation_id (id))
            {
              n--;
              tag_range (buffer, "quote", last->start, last->end);
              tag_range (buffer, "markup", last->start, last->start + 4);
            }
        }

      for (guint i = 0; i < n; i++)
        {
          int prefix = 1;

          if (lines[i].byte_start + 1 < lines[i].byte_end && text[lines[i].byte_start + 1] == ' ')
            prefix = 2;
          tag_range (buffer, "quote", lines[i].start, lines[i].end);
          tag_range (buffer, "markup", lines[i].start, lines[i].start + prefix);
          content[i] = lines[i];
          content[i].start += prefix;
          content[i].byte_start += prefix;
        }
      tag_inline (buffer, text, content, n);
    }
  else
    tag_inline (buffer, text, lines, n_lines);
}

static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  /* As g_strstrip () sees it. */
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* The formatting this page shows (citation markers are the view's). */
static const char * const format_tags[] = { "bold", "italic", "bullet", "quote", "markup" };

static void
apply_tags (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GArray) block = g_array_new (FALSE, FALSE, sizeof (TagLine));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *p;
  int offset = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* Only its own tags: others (spelling) keep theirs. */
  for (guint i = 0; i < G_N_ELEMENTS (format_tags); i++)
    gtk_text_buffer_remove_tag_by_name (buffer, format_tags[i], &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  p = text;
  for (;;)
    {
      const char *newline = strchr (p, '\n');
      gsize length = newline ? (gsize)(newline - p) : strlen (p);
      TagLine line = { offset, offset + (int)g_utf8_strlen (p, length),
                       p - text, (p - text) + length };

      if (line_is_blank (p, length))
        {
          if (block->len > 0)
            tag_block (buffer, text, (TagLine *)(gpointer)block->data, block->len);
          g_array_set_size (block, 0);
        }
      else
        g_array_append_val (block, line);

      if (newline == NULL)
        break;
      offset = line.end + 1;
      p = newline + 1;
    }
  if (block->len > 0)
    tag_block (buffer, text, (TagLine *)(gpointer)block->data, block->len);

  dossier_memo_text_view_update_markers (DOSSIER_MEMO_TEXT_VIEW (view));
}

static GtkTextBuffer *
create_buffer (void)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);

  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "bullet", "left-margin", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "left-margin", 24, "style", PANGO_STYLE_ITALIC, NULL);
  /* Created last, so that its colour wins over the others'. */
  gtk_text_buffer_create_tag (buffer, "markup", "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.52, 0.8 }, NULL);

  return buffer;
}

/* ---- Section rows -------------------------------------------------------- */

static void view_click_released_cb (GtkGestureClick *gesture,
                                    int              n_press,
                                    double           x,
                                    double           y,
                                    SectionRow      *row);

static void schedule_refresh (DossierMemoPage *self);
static void queue_note_numbers (DossierMemoPage *self);
static void preview_updated_cb (DossierMemoPage *self);
static gboolean first_layout_cb (gpointer data);

static void
section_row_free (gpointer data)
{
  SectionRow *row = data;

  if (row->page->rows != NULL)
    g_ptr_array_remove (row->page->rows, row);
  g_clear_object (&row->section);
  g_signal_handlers_disconnect_by_data (row->buffer, row);
  g_clear_object (&row->buffer);
  g_free (row);
}

static void
sync_buffer_from_section (SectionRow *row)
{
  g_autofree char *source = dossier_memo_section_dup_source_text (row->section);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (row->syncing)
    return;

  gtk_text_buffer_get_bounds (row->buffer, &start, &end);
  current = gtk_text_buffer_get_text (row->buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, source) == 0)
    return;

  /* A change made elsewhere (an excerpt added): not the user's to undo here. */
  row->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (row->buffer);
  gtk_text_buffer_set_text (row->buffer, source, -1);
  gtk_text_buffer_end_irreversible_action (row->buffer);
  apply_tags (row->view);
  row->syncing = FALSE;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   SectionRow    *row)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (row->syncing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  row->syncing = TRUE;
  dossier_memo_section_set_source_text (row->section, text);
  apply_tags (row->view);
  row->syncing = FALSE;
}

/* Template placeholders ("[what it is]") are meant to be typed over:
 * finds the one around code point @offset of @text, as code point
 * offsets of its "[" and of the character after its "]". Citation
 * markers ("[^id]") are not placeholders. @touching also accepts
 * offsets just before the "[" or just after the "]". */
static gboolean
find_placeholder (const char *text,
                  glong       offset,
                  gboolean    touching,
                  glong      *start,
                  glong      *end)
{
  glong pos = 0, open = -1, n_inside = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[')
        {
          open = (p[1] == '^') ? -1 : pos;
          n_inside = 0;
        }
      else if (c == '\n')
        open = -1;
      else if (c == ']' && open >= 0)
        {
          if (n_inside >= 3 &&
              (touching ? (offset >= open && offset <= pos + 1) : (offset > open && offset <= pos)))
            {
              *start = open;
              *end = pos + 1;
              return TRUE;
            }
          open = -1;
        }
      else if (open >= 0)
        n_inside++;
    }

  return FALSE;
}

static void
select_placeholder (SectionRow *row,
                    gboolean    touching)
{
  GtkTextIter insert, bound, line_start, line_end;
  g_autofree char *line = NULL;
  glong start, end;

  if (row->syncing || row->selecting)
    return;
  if (gtk_text_buffer_get_selection_bounds (row->buffer, &insert, &bound))
    return;

  line_start = insert;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_text (row->buffer, &line_start, &line_end, TRUE);
  if (!find_placeholder (line, gtk_text_iter_get_line_offset (&insert), touching, &start, &end))
    return;

  insert = bound = line_start;
  gtk_text_iter_forward_chars (&insert, end);
  gtk_text_iter_forward_chars (&bound, start);
  row->selecting = TRUE;
  gtk_text_buffer_select_range (row->buffer, &insert, &bound);
  row->selecting = FALSE;
}

static void
mark_set_cb (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             SectionRow    *row)
{
  if (mark != gtk_text_buffer_get_insert (buffer) || row->syncing)
    return;

  /* Excerpts go where the analyst is working. */
  if (gtk_widget_has_focus (GTK_WIDGET (row->view)))
    g_set_weak_pointer (&row->page->current, row->section);
  select_placeholder (row, FALSE);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                SectionRow              *row)
{
  g_set_weak_pointer (&row->page->current, row->section);
}

static void
view_focus_enter_cb (GtkEventControllerFocus *controller,
                     SectionRow              *row)
{
  g_set_weak_pointer (&row->page->current, row->section);
  select_placeholder (row, TRUE);
}

static gboolean
find_section (DossierMemoPage    *self,
              DossierMemoSection *section,
              guint              *position)
{
  return g_list_store_find (G_LIST_STORE (dossier_memo_get_sections (self->memo)), section, position);
}

static void
move_section_by (DossierMemoPage    *self,
                 DossierMemoSection *section,
                 int                 delta)
{
  guint from, n;
  int to;

  if (section == NULL || !find_section (self, section, &from))
    return;

  n = dossier_memo_get_n_sections (self->memo);
  to = (int)from + delta;
  if (to < 0 || to >= (int)n)
    return;

  dossier_memo_move_section (self->memo, from, to);

  /* The row was recreated: put the focus back into it. */
  {
    GtkListBoxRow *moved = gtk_list_box_get_row_at_index (self->sections_list, to);
    if (moved != NULL)
      gtk_widget_child_focus (GTK_WIDGET (moved), GTK_DIR_TAB_FORWARD);
    g_set_weak_pointer (&self->current, section);
  }
}

static void
up_clicked_cb (GtkButton  *button,
               SectionRow *row)
{
  move_section_by (row->page, row->section, -1);
}

static void
down_clicked_cb (GtkButton  *button,
                 SectionRow *row)
{
  move_section_by (row->page, row->section, +1);
}

static void show_toast (DossierMemoPage *self,
                        AdwToast        *toast);

/* A section goes at once, its text with it: the toast can bring it back. */
static void
remove_clicked_cb (GtkButton  *button,
                   SectionRow *row)
{
  DossierMemoPage *self = row->page;
  const char *title;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (!find_section (self, row->section, &position))
    return;

  g_set_object (&self->removed_section, row->section);
  self->removed_position = position;
  title = dossier_memo_section_get_title (row->section);
  escaped = g_markup_escape_text (title && *title ? title : _("Untitled Section"), -1);
  message = g_strdup_printf (_("Removed “%s”"), escaped);
  dossier_memo_remove_section (self->memo, position);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "memo.undo-remove-section");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
undo_remove_section_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  g_autoptr(DossierMemoSection) section = g_steal_pointer (&self->removed_section);

  if (section != NULL)
    dossier_memo_insert_section (self->memo, self->removed_position, section);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 SectionRow    *row)
{
  return gdk_content_provider_new_typed (DOSSIER_TYPE_MEMO_SECTION, row->section);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SectionRow    *row)
{
  DossierMemoSection *dragged = g_value_get_object (value);
  guint from, to;

  if (dragged == NULL || dragged == row->section ||
      !find_section (row->page, dragged, &from) || !find_section (row->page, row->section, &to))
    return FALSE;

  dossier_memo_move_section (row->page->memo, from, to);
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static gboolean
title_tab_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SectionRow *row = user_data;

  return gtk_widget_grab_focus (GTK_WIDGET (row->view));
}

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  DossierMemoPage *self = user_data;
  DossierMemoSection *section = item;
  SectionRow *row = g_new0 (SectionRow, 1);
  GtkWidget *box, *header, *handle, *entry, *button, *view;
  GtkEventController *focus;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  g_autofree char *source = NULL;

  row->page = self;
  row->section = g_object_ref (section);
  row->buffer = create_buffer ();
  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  g_object_set_data_full (G_OBJECT (row->row), "dossier-section-row", row, section_row_free);
  g_ptr_array_add (self->rows, row);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), header);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_set_tooltip_text (handle, _("Drag to Move the Section"));
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (header), handle);
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (DOSSIER_TYPE_MEMO_SECTION, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row->row, GTK_EVENT_CONTROLLER (drop));

  entry = gtk_entry_new ();
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Section Title"));
  gtk_widget_add_css_class (entry, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Section title"), -1);
  g_object_bind_property (section, "title", entry, "text", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (header), entry);
  row->title_entry = entry;
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), row);
  gtk_widget_add_controller (entry, focus);

  /* Out of the Tab order, which goes from the title to the text: the
   * keyboard has Alt+Up and Alt+Down for these. */
  button = icon_button ("go-up-symbolic", _("Move Section Up (Alt+Up)"));
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (up_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), button);
  button = icon_button ("go-down-symbolic", _("Move Section Down (Alt+Down)"));
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect (button, "clicked", G_CALLBACK (down_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), button);
  button = icon_button ("user-trash-symbolic", _("Remove Section"));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), button);

  view = dossier_memo_text_view_new (row->buffer);
  row->view = GTK_TEXT_VIEW (view);
  dossier_spell_checker_attach (row->view);
  gtk_text_view_set_wrap_mode (row->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (row->view, 6);
  gtk_text_view_set_bottom_margin (row->view, 6);
  gtk_text_view_set_left_margin (row->view, 6);
  gtk_text_view_set_right_margin (row->view, 6);
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Section text"), -1);
  gtk_box_append (GTK_BOX (box), view);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (view_focus_enter_cb), row);
  gtk_widget_add_controller (view, focus);
  {
    /* Tab from the title goes on to the text, not to the Remove button
     * beside the title (which Tab order would reach first, being on the
     * same line; Ctrl+Shift+Tab from the text reaches it). */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Tab|KP_Tab"),
                                                            gtk_callback_action_new (title_tab_cb, row, NULL)));
    gtk_widget_add_controller (entry, shortcuts);
  }
  {
    /* Caught before the text view, which would take Alt+Return for a
     * new line. */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Return|<Alt>KP_Enter"),
                                                            gtk_named_action_new ("memo.show-note")));
    gtk_widget_add_controller (view, shortcuts);
  }
  {
    /* Not claimed: the click still places the cursor as usual. */
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "released", G_CALLBACK (view_click_released_cb), row);
    gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));
  }

  /* Fill before connecting: loading the text is not an edit to undo. */
  source = dossier_memo_section_dup_source_text (section);
  gtk_text_buffer_begin_irreversible_action (row->buffer);
  gtk_text_buffer_set_text (row->buffer, source, -1);
  gtk_text_buffer_end_irreversible_action (row->buffer);
  apply_tags (row->view);
  /* Tabbing in lands at the start, on a leading placeholder. */
  {
    GtkTextIter first;

    gtk_text_buffer_get_start_iter (row->buffer, &first);
    gtk_text_buffer_place_cursor (row->buffer, &first);
  }
  g_signal_connect (row->buffer, "changed", G_CALLBACK (buffer_changed_cb), row);
  g_signal_connect (row->buffer, "mark-set", G_CALLBACK (mark_set_cb), row);
  queue_note_numbers (self);

  return row->row;
}

static SectionRow *
find_row (DossierMemoPage    *self,
          DossierMemoSection *section)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SectionRow *row = g_ptr_array_index (self->rows, i);

      if (row->section == section)
        return row;
    }

  return NULL;
}

/* ---- Scrolling into view ------------------------------------------------- */

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->editor_scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  graphene_rect_t bounds;
  double value, page_size, top, bottom;

  /* A new row is laid out a frame or two after it is added. */
  if (self->scroll_target == NULL || viewport == NULL || ++self->scroll_frames > 30)
    goto done;
  if (gtk_widget_get_height (self->scroll_target) <= 0 ||
      gtk_adjustment_get_upper (adjustment) <= 0 ||
      !gtk_widget_compute_bounds (self->scroll_target, viewport, &bounds))
    return G_SOURCE_CONTINUE;

  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - 12;
  bottom = bounds.origin.y + bounds.size.height + 12;
  if (self->scroll_to_bottom && bottom > page_size)
    value += bottom - page_size;
  else if (top < 0 || bottom > page_size)
    value += top;
  gtk_adjustment_set_value (adjustment, value);

done:
  self->scroll_tick = 0;
  self->scroll_frames = 0;
  g_clear_weak_pointer (&self->scroll_target);
  return G_SOURCE_REMOVE;
}

/* Brings @target (inside the editor) into view, its top, or its bottom
 * when @bottom (where an excerpt was added), once it is laid out. */
static void
scroll_into_view (DossierMemoPage *self,
                  GtkWidget       *target,
                  gboolean         bottom)
{
  g_set_weak_pointer (&self->scroll_target, target);
  self->scroll_to_bottom = bottom;
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* ---- Notes and findings -------------------------------------------------- */

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

static void
issue_activated_cb (DossierMemoPage *self,
                    GtkListBoxRow   *row)
{
  DossierMemoIssue *issue = g_object_get_data (G_OBJECT (row), "dossier-issue");
  GtkListBoxRow *target;
  SectionRow *section_row;

  if (issue == NULL || dossier_memo_issue_get_section (issue) < 0)
    return;
  target = gtk_list_box_get_row_at_index (self->sections_list, dossier_memo_issue_get_section (issue));
  section_row = target ? g_object_get_data (G_OBJECT (target), "dossier-section-row") : NULL;
  if (section_row == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (section_row->view));
  scroll_into_view (self, section_row->row, FALSE);
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
  /* A finding in a section takes you there. */
  if (dossier_memo_issue_get_section (issue) >= 0)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Go to the Section"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      g_object_set_data_full (G_OBJECT (row), "dossier-issue", g_object_ref (issue), g_object_unref);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), closest ? closest : dossier_memo_issue_get_code (issue));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  icon = gtk_image_new_from_icon_name (dossier_memo_issue_is_error (issue)
                                       ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, dossier_memo_issue_is_error (issue) ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_memo_issue_is_error (issue) ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* ---- Citation popover ---------------------------------------------------- */

/* Finds the "[^id]" marker around @offset in @buffer: its bounds in
 * characters, its id, and how many markers of the same id come before
 * it in the buffer (to tell its note from earlier references). */
static gboolean
find_marker_at (GtkTextBuffer  *buffer,
                int             offset,
                int            *marker_start,
                int            *marker_end,
                char          **id,
                guint          *n_before)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\[\\^([A-Za-z0-9_.:-]{1,64})\\]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *found = g_match_info_fetch (match, 1);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, found));
      int start_pos, end_pos, first, last;

      g_match_info_fetch_pos (match, 0, &start_pos, &end_pos);
      first = g_utf8_pointer_to_offset (text, text + start_pos);
      last = g_utf8_pointer_to_offset (text, text + end_pos);
      if (offset >= first && offset < last)
        {
          *marker_start = first;
          *marker_end = last;
          *n_before = count;
          *id = g_steal_pointer (&found);
          return TRUE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&found), GUINT_TO_POINTER (count + 1));
      g_match_info_next (match, NULL);
    }

  return FALSE;
}

/* The footnote number of the (@n_before + 1)th reference to @id in the
 * section at @section, as the preview and the PDF number it. */
static guint
note_number (DossierMemo *memo,
             guint        section,
             const char  *id,
             guint        n_before)
{
  g_autoptr(DossierMemoNotes) notes = dossier_memo_notes_new (memo);
  guint n = dossier_memo_notes_get_n_notes (notes);

  for (guint i = 1; i <= n; i++)
    {
      const DossierMemoNote *note = dossier_memo_notes_get_note (notes, i);

      if (note->section == section && g_strcmp0 (note->citation_id, id) == 0 && n_before-- == 0)
        return note->number;
    }

  return dossier_memo_notes_get_first_number (notes, id);
}

static void
edit_source_clicked_cb (GtkButton       *button,
                        DossierMemoPage *self)
{
  DossierCitation *citation = g_object_get_data (G_OBJECT (button), "dossier-citation");
  GtkWidget *child;

  if (self->citation_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->citation_popover));

  /* The Sources list is where citations are edited: open its row. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->citations_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child) &&
          g_object_get_data (G_OBJECT (child), "dossier-citation") == citation)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
          gtk_widget_grab_focus (child);
          scroll_into_view (self, child, FALSE);
          break;
        }
    }
}

/**
 * dossier_memo_page_show_citation_popover:
 * @section: position of the section
 * @char_offset: a character offset in the section's text
 *
 * Pops up, over the citation marker at @char_offset, its note number,
 * its full note and a button to edit the source (what a click on a
 * marker does).
 *
 * Returns: (transfer none) (nullable): the popover, or %NULL when no
 *   marker is there
 */
GtkWidget *
dossier_memo_page_show_citation_popover (DossierMemoPage *self,
                                         guint            section,
                                         int              char_offset)
{
  DossierMemoSection *memo_section;
  DossierCitation *citation;
  g_autofree char *id = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *full = NULL;
  GtkWidget *popover, *box, *label, *button;
  GtkTextIter iter;
  GdkRectangle rect;
  graphene_point_t point;
  SectionRow *row;
  int marker_start, marker_end, x, y;
  guint n_before, number;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  memo_section = dossier_memo_get_section (self->memo, section);
  row = memo_section ? find_row (self, memo_section) : NULL;
  if (row == NULL ||
      !find_marker_at (row->buffer, char_offset, &marker_start, &marker_end, &id, &n_before))
    return NULL;

  citation = dossier_memo_lookup_citation (self->memo, id);
  number = note_number (self->memo, section, id, n_before);

  if (self->citation_popover != NULL)
    {
      gtk_widget_unparent (self->citation_popover);
      g_clear_weak_pointer (&self->citation_popover);
    }

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 280, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  if (number > 0)
    heading = g_strdup_printf (_("Note %u"), number);
  else
    heading = g_strdup (_("Note"));
  label = gtk_label_new (heading);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (citation != NULL)
    full = dossier_citation_format_full (citation);
  else
    full = g_strdup_printf (_("No source has the id “%s”."), id);
  label = gtk_label_new (full);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (citation != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Edit Source…"));
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      g_object_set_data_full (G_OBJECT (button), "dossier-citation", g_object_ref (citation), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (edit_source_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  /* Point at the marker's number, in the page's coordinates (the
   * popover's parent). */
  gtk_text_buffer_get_iter_at_offset (row->buffer, &iter, marker_start);
  if (!dossier_memo_text_view_get_number_area (DOSSIER_MEMO_TEXT_VIEW (row->view), &iter, &rect))
    gtk_text_view_get_iter_location (row->view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (row->view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (row->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  /* A marker scrolled out of sight: point at the nearest edge of the
   * page, as a popover must point inside its window. */
  rect.width = MAX (rect.width, 1);
  rect.height = MAX (rect.height, 1);
  rect.x = CLAMP ((int) point.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - rect.width));
  rect.y = CLAMP ((int) point.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - rect.height));

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  /* Kept (hidden) once closed until the next one replaces it, or the
   * page goes: its dispose unparents every child. */
  g_set_weak_pointer (&self->citation_popover, popover);
  gtk_popover_popup (GTK_POPOVER (popover));

  return popover;
}

static void
view_click_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SectionRow      *row)
{
  GtkTextIter iter, start, end;
  GdkRectangle area;
  guint position;
  int bx, by;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (row->buffer) ||
      !find_section (row->page, row->section, &position))
    return;

  /* Only a click on the number itself: next to it, a click places the
   * cursor and nothing more. */
  gtk_text_view_window_to_buffer_coords (row->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (row->view, &iter, bx, by);
  if (!dossier_memo_text_view_find_marker (DOSSIER_MEMO_TEXT_VIEW (row->view), &iter, TRUE, &start, &end) ||
      !dossier_memo_text_view_get_number_area (DOSSIER_MEMO_TEXT_VIEW (row->view), &start, &area) ||
      bx < area.x - 2 || bx > area.x + area.width + 2 || by < area.y || by > area.y + area.height)
    return;
  dossier_memo_page_show_citation_popover (row->page, position, gtk_text_iter_get_offset (&start));
}

/* Alt+Return: the note of the citation at the cursor, from the keyboard. */
static void
show_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SectionRow *row = g_ptr_array_index (self->rows, i);
      GtkTextIter cursor, start, end;
      guint position;

      if (!gtk_widget_has_focus (GTK_WIDGET (row->view)) ||
          !find_section (self, row->section, &position))
        continue;
      gtk_text_buffer_get_iter_at_mark (row->buffer, &cursor, gtk_text_buffer_get_insert (row->buffer));
      if (dossier_memo_text_view_find_marker (DOSSIER_MEMO_TEXT_VIEW (row->view), &cursor, TRUE, &start, &end))
        dossier_memo_page_show_citation_popover (self, position, gtk_text_iter_get_offset (&start));
      else
        gtk_widget_error_bell (widget);
      return;
    }
}

/* ---- Sources ------------------------------------------------------------ */

static gboolean null_to_empty (GBinding     *binding,
                               const GValue *from,
                               GValue       *to,
                               gpointer      user_data);

static gboolean
authors_to_text (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char * const *authors = g_value_get_boxed (from);

  g_value_take_string (to, authors ? g_strjoinv ("; ", (char **)authors) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_authors (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_auto(GStrv) parts = g_strsplit (g_value_get_string (from) ?: "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* "A; B" — a semicolon, since names may hold commas ("Kim, Seo-yeon"). */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static void
published_changed_cb (GtkEditable     *editable,
                      DossierCitation *citation)
{
  const char *text = gtk_editable_get_text (editable);

  if (dossier_citation_set_published (citation, *text ? text : NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
}

static GtkWidget *
add_entry (GtkWidget       *expander,
           const char      *title,
           DossierCitation *citation,
           const char      *property)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  if (property != NULL)
    g_object_bind_property_full (citation, property, entry, "text",
                                 G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                                 null_to_empty, NULL, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
  return entry;
}

static void
update_citation_row (GtkWidget *expander)
{
  DossierCitation *citation = g_object_get_data (G_OBJECT (expander), "dossier-citation");
  g_autofree char *note = dossier_citation_format_full (citation);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), note);
}

static void
remove_source_clicked_cb (GtkButton       *button,
                          DossierMemoPage *self)
{
  DossierCitation *citation = g_object_get_data (G_OBJECT (button), "dossier-citation");

  dossier_memo_remove_citation (self->memo, dossier_citation_get_id (citation));
}

/* A source can go once nothing cites it (an excerpt whose quotation
 * was deleted): removing a cited one would leave its markers dangling. */
static void
update_remove_buttons (DossierMemoPage  *self,
                       DossierMemoNotes *notes)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->citations_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (child), "dossier-remove-button");
      DossierCitation *citation = g_object_get_data (G_OBJECT (child), "dossier-citation");

      if (button != NULL && citation != NULL)
        gtk_widget_set_visible (button,
                                dossier_memo_notes_count_references (notes, dossier_citation_get_id (citation)) == 0);
    }
}

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  DossierMemoPage *self = user_data;
  DossierCitation *citation = item;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *entry, *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), dossier_citation_get_id (citation));
  g_object_set_data_full (G_OBJECT (expander), "dossier-citation", g_object_ref (citation), g_object_unref);
  g_signal_connect_object (citation, "notify", G_CALLBACK (update_citation_row), expander, G_CONNECT_SWAPPED);
  update_citation_row (expander);

  add_entry (expander, _("Title"), citation, "title");
  entry = add_entry (expander, _("Authors (separated by “;”)"), citation, NULL);
  g_object_bind_property_full (citation, "authors", entry, "text",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               authors_to_text, text_to_authors, NULL, NULL);
  add_entry (expander, _("Publisher"), citation, "publisher");
  entry = add_entry (expander, _("Published (YYYY-MM-DD)"), citation, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), dossier_citation_get_published (citation) ?: "");
  g_signal_connect_object (entry, "changed", G_CALLBACK (published_changed_cb), citation, 0);
  add_entry (expander, _("Address"), citation, "source-url");
  add_entry (expander, _("Locator (page, section)"), citation, "locator");
  add_entry (expander, _("Quoted Excerpt"), citation, "quote");

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Unused Source"));
  gtk_widget_set_visible (remove, FALSE);
  g_object_set_data_full (G_OBJECT (remove), "dossier-citation", g_object_ref (citation), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_source_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
  g_object_set_data (G_OBJECT (expander), "dossier-remove-button", remove);

  return expander;
}

static const char *
kind_label (DossierMemoKind kind)
{
  switch (kind)
    {
    case DOSSIER_MEMO_KIND_DECISION:
      return _("Decision Memo");
    case DOSSIER_MEMO_KIND_POLICY_BRIEF:
      return _("Policy Brief");
    case DOSSIER_MEMO_KIND_INFORMATION:
    default:
      return _("Information Memo");
    }
}

/* The page-count lint gets the real count from the preview's layout (a
 * decision memo is two pages), on the paper chosen for export: it is kept
 * up to date incrementally, so asking costs milliseconds even for a long
 * memo where a fresh layout would cost a noticeable pause. */
static guint
count_pages (DossierMemo *memo,
             gpointer     user_data)
{
  DossierMemoPage *self = user_data;

  /* Until the first layout (done after the window shows, see
   * first_layout_cb) the lint estimates, and runs again after it. */
  if (!self->layout_ready)
    {
      self->pages_estimated = TRUE;
      return 0;
    }

  dossier_memo_preview_flush (self->preview);
  return dossier_page_layout_get_n_pages (dossier_memo_preview_get_layout (self->preview));
}

/* The names the memo cites (authors, publishers) and its header's are
 * words the analyst means: the spell checker takes them as known. */
static void
update_known_words (DossierMemoPage *self)
{
  GListModel *citations = dossier_memo_get_citations (self->memo);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) phrases = NULL;

  g_strv_builder_add (builder, dossier_memo_get_to (self->memo));
  g_strv_builder_add (builder, dossier_memo_get_from (self->memo));
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      const char * const *authors = dossier_citation_get_authors (citation);
      const char *publisher = dossier_citation_get_publisher (citation);

      for (guint j = 0; authors != NULL && authors[j] != NULL; j++)
        g_strv_builder_add (builder, authors[j]);
      if (publisher != NULL)
        g_strv_builder_add (builder, publisher);
    }
  phrases = g_strv_builder_end (builder);

  for (guint i = 0; i < self->rows->len; i++)
    {
      SectionRow *row = g_ptr_array_index (self->rows, i);
      DossierSpellChecker *checker = dossier_spell_checker_get_for_view (row->view);

      if (checker != NULL)
        dossier_spell_checker_set_known_words (checker, (const char * const *) phrases);
    }
}

/**
 * dossier_memo_page_refresh:
 *
 * Renumbers the notes and re-runs the reference check and lint now
 * (normally done shortly after each change).
 */
void
dossier_memo_page_refresh (DossierMemoPage *self)
{
  g_autoptr(DossierMemoNotes) notes = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *subject;
  guint n_found;

  g_return_if_fail (DOSSIER_IS_MEMO_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  subject = dossier_memo_get_subject (self->memo);
  adw_window_title_set_title (self->window_title, subject && *subject ? subject : _("Untitled Memo"));
  adw_window_title_set_subtitle (self->window_title, kind_label (dossier_memo_get_kind (self->memo)));

  notes = dossier_memo_notes_new (self->memo);
  for (guint i = 1; i <= dossier_memo_notes_get_n_notes (notes); i++)
    {
      const DossierMemoNote *note = dossier_memo_notes_get_note (notes, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. %s", note->number, note->text);
    }
  gtk_label_set_text (self->notes_label, text->len ? text->str : _("No citations yet"));
  update_remove_buttons (self, notes);
  update_known_words (self);

  found = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  dossier_memo_check_references (self->memo, found);
  {
    const DossierMemoLayoutHooks hooks = { count_pages, NULL, self };
    dossier_memo_lint (self->memo, &hooks, found);
  }
  n_found = g_list_model_get_n_items (G_LIST_MODEL (found));
  {
    g_autofree gpointer *items = g_new0 (gpointer, n_found + 1);

    for (guint i = 0; i < n_found; i++)
      items[i] = g_list_model_get_item (G_LIST_MODEL (found), i);
    g_list_store_splice (self->issues, 0, g_list_model_get_n_items (G_LIST_MODEL (self->issues)),
                         items, n_found);
    for (guint i = 0; i < n_found; i++)
      g_object_unref (items[i]);
  }
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->refresh_source = 0;
  dossier_memo_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (DossierMemoPage *self)
{
  gint64 now = g_get_monotonic_time ();

  /* After a pause in the typing (in a long memo the refresh costs tens of
   * milliseconds, too much to repeat four times a second while typing),
   * but at least every REFRESH_MAX_WAIT_US. */
  if (self->refresh_source != 0)
    {
      if (now - self->refresh_since >= REFRESH_MAX_WAIT_US)
        return;
      g_clear_handle_id (&self->refresh_source, g_source_remove);
    }
  else
    self->refresh_since = now;

  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* ---- Note numbers in the editor ------------------------------------------ */

/* What the numbers depend on: the markers of every section in order,
 * and which sources exist (a marker without one gets no number). */
static char *
marker_signature (DossierMemoPage *self)
{
  GListModel *citations = dossier_memo_get_citations (self->memo);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < dossier_memo_get_n_sections (self->memo); i++)
    {
      g_autofree char *text = dossier_memo_section_dup_source_text (dossier_memo_get_section (self->memo, i));
      g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids (text);

      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (signature, "%s ", (char *) g_ptr_array_index (ids, j));
      g_string_append_c (signature, '|');
    }
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);

      g_string_append_printf (signature, "%s ", dossier_citation_get_id (citation));
    }
  return g_string_free (signature, FALSE);
}

/* Shows every marker in the editor as the number its note will have in
 * the PDF (notes are numbered across sections, so one edit can renumber
 * the markers of every later section). */
static void
update_note_numbers (DossierMemoPage *self)
{
  g_autofree char *signature = NULL;
  g_autoptr(DossierMemoNotes) notes = NULL;
  guint next_note = 1;

  if (self->memo == NULL)
    return;
  signature = marker_signature (self);
  if (g_strcmp0 (signature, self->marker_signature) == 0)
    return;
  g_free (self->marker_signature);
  self->marker_signature = g_steal_pointer (&signature);

  notes = dossier_memo_notes_new (self->memo);
  for (guint i = 0; i < dossier_memo_get_n_sections (self->memo); i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (self->memo, i);
      g_autofree char *text = dossier_memo_section_dup_source_text (section);
      g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids (text);
      g_autoptr(GArray) numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      SectionRow *row = find_row (self, section);

      /* Notes come in reading order: this section's are the next ones. */
      while (next_note <= dossier_memo_notes_get_n_notes (notes) &&
             dossier_memo_notes_get_note (notes, next_note)->section < i)
        next_note++;
      for (guint j = 0; j < ids->len; j++)
        {
          const DossierMemoNote *note = dossier_memo_notes_get_note (notes, next_note);
          guint number = 0;

          if (note != NULL && note->section == i &&
              g_strcmp0 (note->citation_id, g_ptr_array_index (ids, j)) == 0)
            number = next_note++;
          g_array_append_val (numbers, number);
        }
      if (row != NULL)
        dossier_memo_text_view_set_note_numbers (DOSSIER_MEMO_TEXT_VIEW (row->view),
                                                 (const guint *) numbers->data, numbers->len);
    }
}

static gboolean
update_note_numbers_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->numbers_source = 0;
  update_note_numbers (self);
  return G_SOURCE_REMOVE;
}

/* For a row just created: once the list has made all of them. */
static void
queue_note_numbers (DossierMemoPage *self)
{
  g_clear_pointer (&self->marker_signature, g_free);
  if (self->numbers_source == 0)
    self->numbers_source = g_idle_add (update_note_numbers_cb, self);
}

static void
memo_changed_cb (DossierMemoPage *self)
{
  /* Bring rows up to date with changes made outside them (cheap: memos are short). */
  for (guint i = 0; i < self->rows->len; i++)
    sync_buffer_from_section (g_ptr_array_index (self->rows, i));

  update_note_numbers (self);
  schedule_refresh (self);
}

/* ---- Header ------------------------------------------------------------- */

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

static void
date_changed_cb (DossierMemoPage *self)
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
memo_date_notify_cb (DossierMemoPage *self)
{
  const char *date = dossier_memo_get_date (self->memo);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
}

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
      if (find_placeholder (text, offset, TRUE, &start, &end))
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
memo_language_notify_cb (DossierMemoPage *self)
{
  const char *language = dossier_memo_get_language (self->memo);
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
language_selected_cb (DossierMemoPage *self)
{
  const char * const *languages = dossier_memo_languages ();
  guint n_languages = g_strv_length ((char **) languages);
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->language_setting)
    return;
  if (selected < n_languages)
    dossier_memo_set_language (self->memo, languages[selected]);
  else if (selected == n_languages && self->other_language != NULL)
    dossier_memo_set_language (self->memo, self->other_language);
}

static void
setup_language_row (DossierMemoPage *self)
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

static void
bind_memo (DossierMemoPage *self)
{
  g_object_bind_property_full (self->memo, "marking", self->marking_row, "text",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               null_to_empty, NULL, NULL, NULL);
  g_object_bind_property (self->memo, "to", self->to_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->memo, "from", self->from_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->memo, "subject", self->subject_row, "text",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->language_handler = g_signal_connect_object (self->memo, "notify::language",
                                                    G_CALLBACK (memo_language_notify_cb), self, G_CONNECT_SWAPPED);
  setup_language_row (self);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);

  self->date_handler = g_signal_connect_object (self->memo, "notify::date",
                                                G_CALLBACK (memo_date_notify_cb), self, G_CONNECT_SWAPPED);
  memo_date_notify_cb (self);

  gtk_list_box_bind_model (self->sections_list, dossier_memo_get_sections (self->memo),
                           create_section_row, self, NULL);
  gtk_list_box_bind_model (self->citations_list, dossier_memo_get_citations (self->memo),
                           create_citation_row, self, NULL);
  gtk_list_box_bind_model (self->issues_list, G_LIST_MODEL (self->issues),
                           create_issue_row, self, NULL);

  g_signal_connect_object (self->preview, "updated", G_CALLBACK (preview_updated_cb), self, G_CONNECT_SWAPPED);
  dossier_memo_preview_set_memo (self->preview, self->memo);
  self->first_layout_source = g_idle_add_full (G_PRIORITY_LOW, first_layout_cb, self, NULL);

  self->changed_handler = g_signal_connect_object (self->memo, "changed",
                                                   G_CALLBACK (memo_changed_cb), self, G_CONNECT_SWAPPED);
  dossier_memo_page_refresh (self);
}

/* ---- Actions ----------------------------------------------------------- */

static GtkTextView *
focused_view (DossierMemoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  while (focus != NULL && !GTK_IS_TEXT_VIEW (focus))
    focus = gtk_widget_get_parent (focus);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  return GTK_TEXT_VIEW (focus);
}

/* How many unescaped stars run from @iter forward (@forward) or back. */
static int
count_stars (const GtkTextIter *iter,
             gboolean           forward)
{
  GtkTextIter at = *iter;
  int n = 0;

  if (forward)
    {
      while (gtk_text_iter_get_char (&at) == '*' && n < 16)
        {
          n++;
          gtk_text_iter_forward_char (&at);
        }
      /* "\**" after a backslash just before @iter: the first is text. */
      at = *iter;
      if (n > 0 && gtk_text_iter_backward_char (&at) && gtk_text_iter_get_char (&at) == '\\')
        n--;
    }
  else
    {
      while (n < 16 && gtk_text_iter_backward_char (&at) && gtk_text_iter_get_char (&at) == '*')
        n++;
      if (gtk_text_iter_get_char (&at) != '*' && gtk_text_iter_get_char (&at) == '\\' && n > 0)
        n--;
    }
  return n;
}

/* A run of @n stars reads as n / 2 "**" then, when odd, one "*" (as
 * dossier-memo-inline.c tokenizes it): whether it holds @mark. */
static gboolean
run_has (int         n,
         const char *mark)
{
  return strlen (mark) == 2 ? n >= 2 : n % 2 == 1;
}

static void
delete_chars (GtkTextBuffer *buffer,
              GtkTextMark   *at,
              int            n)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, at);
  end = start;
  gtk_text_iter_forward_chars (&end, n);
  gtk_text_buffer_delete (buffer, &start, &end);
}

/* Ctrl+B and Ctrl+I toggle, as in Markdown editors: a selection is
 * wrapped in @mark, or unwrapped when already wrapped (the stars just
 * inside or just outside it); with no selection an empty pair is typed
 * with the cursor between, and pressing again steps over the closing
 * mark or, in an empty pair, takes the pair away. One undo step each. */
static void
toggle_markup (DossierMemoPage *self,
               const char      *mark)
{
  GtkTextView *view = focused_view (self);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkTextMark *start_mark, *end_mark;
  int m = strlen (mark);

  if (view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (view);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      GtkTextIter inner_start = start, inner_end = end;
      int start_run, end_run;

      /* The runs of stars at each end of the selection, inside and out. */
      while (gtk_text_iter_get_char (&inner_start) == '*' && gtk_text_iter_compare (&inner_start, &inner_end) < 0)
        gtk_text_iter_forward_char (&inner_start);
      while (gtk_text_iter_compare (&inner_start, &inner_end) < 0)
        {
          GtkTextIter before = inner_end;

          gtk_text_iter_backward_char (&before);
          if (gtk_text_iter_get_char (&before) != '*')
            break;
          inner_end = before;
        }
      start_run = count_stars (&inner_start, FALSE);
      end_run = count_stars (&inner_end, TRUE);

      gtk_text_buffer_begin_user_action (buffer);
      start_mark = gtk_text_buffer_create_mark (buffer, NULL, &inner_start, TRUE);
      end_mark = gtk_text_buffer_create_mark (buffer, NULL, &inner_end, FALSE);
      if (gtk_text_iter_compare (&inner_start, &inner_end) < 0 &&
          run_has (start_run, mark) && run_has (end_run, mark))
        {
          GtkTextIter at;

          /* Stars are all alike: take @mark's from the inner ends. */
          gtk_text_buffer_get_iter_at_mark (buffer, &at, start_mark);
          gtk_text_iter_backward_chars (&at, m);
          gtk_text_buffer_move_mark (buffer, start_mark, &at);
          delete_chars (buffer, start_mark, m);
          delete_chars (buffer, end_mark, m);
        }
      else
        {
          gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
          gtk_text_buffer_insert (buffer, &end, mark, -1);
          /* Keep the text selected, not the new stars. */
          gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
          gtk_text_iter_forward_chars (&start, m);
          gtk_text_buffer_move_mark (buffer, start_mark, &start);
          gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
          gtk_text_iter_backward_chars (&end, m);
          gtk_text_buffer_move_mark (buffer, end_mark, &end);
        }
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_buffer_delete_mark (buffer, start_mark);
      gtk_text_buffer_delete_mark (buffer, end_mark);
      gtk_text_buffer_end_user_action (buffer);
    }
  else
    {
      int before, after;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      before = count_stars (&start, FALSE);
      after = count_stars (&start, TRUE);

      if (before == 0 && run_has (after, mark))
        {
          /* Before the closing mark: step over it (only it, so that the
           * other formatting of a "***" goes on). */
          gtk_text_iter_forward_chars (&start, m);
          gtk_text_buffer_place_cursor (buffer, &start);
          return;
        }

      gtk_text_buffer_begin_user_action (buffer);
      if (run_has (before, mark) && run_has (after, mark))
        {
          /* In an empty pair: take it away. */
          end = start;
          gtk_text_iter_backward_chars (&start, m);
          gtk_text_iter_forward_chars (&end, m);
          gtk_text_buffer_delete (buffer, &start, &end);
        }
      else
        {
          /* Type between the marks. */
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          end_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
          gtk_text_buffer_insert (buffer, &start, mark, -1);
          gtk_text_buffer_get_iter_at_mark (buffer, &start, end_mark);
          gtk_text_buffer_place_cursor (buffer, &start);
          gtk_text_buffer_delete_mark (buffer, end_mark);
        }
      gtk_text_buffer_end_user_action (buffer);
    }
}

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  toggle_markup (DOSSIER_MEMO_PAGE (widget), "**");
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  toggle_markup (DOSSIER_MEMO_PAGE (widget), "*");
}

static void
bullets_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkTextView *view = focused_view (DOSSIER_MEMO_PAGE (widget));
  GtkTextBuffer *buffer;
  GtkTextIter start, end, iter;
  int first, last;
  gboolean all_bullets = TRUE;

  if (view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);

  for (int line = first; line <= last; line++)
    {
      GtkTextIter line_end;
      g_autofree char *prefix = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      line_end = iter;
      gtk_text_iter_forward_chars (&line_end, 2);
      prefix = gtk_text_buffer_get_text (buffer, &iter, &line_end, TRUE);
      all_bullets = all_bullets && g_str_has_prefix (prefix, "- ");
    }

  /* One undo step toggles the whole selection. */
  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      if (all_bullets)
        {
          GtkTextIter prefix_end = iter;

          gtk_text_iter_forward_chars (&prefix_end, 2);
          gtk_text_buffer_delete (buffer, &iter, &prefix_end);
        }
      else
        {
          GtkTextIter prefix_end = iter;
          g_autofree char *prefix = NULL;

          gtk_text_iter_forward_chars (&prefix_end, 2);
          prefix = gtk_text_buffer_get_text (buffer, &iter, &prefix_end, TRUE);
          if (!g_str_has_prefix (prefix, "- "))
            gtk_text_buffer_insert (buffer, &iter, "- ", -1);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("");
  g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph ("");
  GtkListBoxRow *row;

  dossier_memo_section_append_block (section, block);
  dossier_memo_append_section (self->memo, section);
  g_set_weak_pointer (&self->current, section);

  row = gtk_list_box_get_row_at_index (self->sections_list, dossier_memo_get_n_sections (self->memo) - 1);
  if (row != NULL)
    {
      SectionRow *section_row = find_row (self, section);

      if (section_row != NULL)
        gtk_widget_grab_focus (section_row->title_entry);
      else
        gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
      scroll_into_view (self, GTK_WIDGET (row), FALSE);
    }
}

static void
move_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);

  move_section_by (self, self->current, g_str_equal (action_name, "memo.move-section-up") ? -1 : +1);
}

/* ---- Preview, export and printing --------------------------------------- */

static void
preview_updated_cb (DossierMemoPage *self)
{
  self->layout_ready = TRUE;
  if (self->pages_estimated)
    {
      self->pages_estimated = FALSE;
      schedule_refresh (self);
    }
}

/* Laying out a long memo the first time takes a moment (about 0.2 s for
 * 100 pages): done once the page is on screen rather than before, and
 * even while the preview is hidden, since the page-count lint uses it. */
static gboolean
first_layout_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->first_layout_source = 0;
  dossier_memo_preview_flush (self->preview);
  return G_SOURCE_REMOVE;
}

/* The preview gets about 40 % of a wide window (a page at a legible
 * zoom) until the analyst drags the divider; the editor keeps its
 * minimum width on narrow ones (the paned does not shrink it). */
#define PREVIEW_SHARE 0.4

static gboolean
resize_views_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->resize_source = 0;
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_queue_resize (GTK_WIDGET (((SectionRow *)g_ptr_array_index (self->rows, i))->view));
  return G_SOURCE_REMOVE;
}

static void
place_divider (DossierMemoPage *self)
{
  int max = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  g_object_get (self->paned, "max-position", &max, NULL);
  if (self->paned_moved || width <= 0 || max <= 0)
    return;

  self->paned_setting = TRUE;
  gtk_paned_set_position (self->paned, MIN (max, (int)(width * (1 - PREVIEW_SHARE))));
  self->paned_setting = FALSE;

  /* GTK 4.8's text views keep the height measured at the old width
   * (text clipped) until asked again once they have re-wrapped. */
  g_clear_handle_id (&self->resize_source, g_source_remove);
  self->resize_source = g_timeout_add (150, resize_views_cb, self);
}

static gboolean
place_divider_cb (gpointer data)
{
  g_autoptr(DossierMemoPage) self = data;

  if (self->paned != NULL)
    place_divider (self);
  return G_SOURCE_REMOVE;
}

static void
paned_max_position_cb (DossierMemoPage *self)
{
  /* Not from within the allocation that changed it. */
  if (!self->paned_moved)
    g_idle_add (place_divider_cb, g_object_ref (self));
}

static void
paned_position_cb (DossierMemoPage *self)
{
  gboolean position_set = FALSE;
  int min = 0, max = 0, position = gtk_paned_get_position (self->paned);

  /* A position clamped to the limits by a resize is not the analyst's. */
  g_object_get (self->paned, "position-set", &position_set, "min-position", &min,
                "max-position", &max, NULL);
  if (!self->paned_setting && position_set && position > min && position < max &&
      gtk_widget_get_visible (GTK_WIDGET (self->preview_revealer)) &&
      gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    self->paned_moved = TRUE;
}

static void
set_show_preview (DossierMemoPage *self,
                  gboolean         show)
{
  show = !!show;
  if (self->show_preview == show)
    return;

  self->show_preview = show;
  /* Hidden, the paned's divider goes too. */
  gtk_widget_set_visible (GTK_WIDGET (self->preview_revealer), show);
  gtk_revealer_set_reveal_child (self->preview_revealer, show);
  if (show)
    place_divider (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

static void
set_justify (DossierMemoPage *self,
             gboolean         justify)
{
  justify = !!justify;
  if (self->justify == justify)
    return;

  self->justify = justify;
  dossier_memo_preview_set_justify (self->preview, justify);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

static void
set_paper (DossierMemoPage *self,
           DossierPaper     paper)
{
  if (self->paper == paper)
    return;

  self->paper = paper;
  dossier_memo_preview_set_paper (self->preview, paper);
  schedule_refresh (self);   /* the page count may change */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

static void
show_toast (DossierMemoPage *self,
            AdwToast        *toast)
{
  /* An export may finish after the page was closed. */
  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierMemoPage *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!dossier_pdf_exporter_export_finish (DOSSIER_PDF_EXPORTER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Toast titles are markup; the message may quote a file name. */
          escaped = g_markup_escape_text (error->message, -1);
          title = g_strdup_printf (_("Could not export the memo: %s"), escaped);
          toast = adw_toast_new (title);
          adw_toast_set_timeout (toast, 0);
          show_toast (self, toast);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  name = g_file_get_basename (file);
  escaped = g_markup_escape_text (name, -1);
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "memo.open-uri");
  {
    g_autofree char *uri = g_file_get_uri (file);
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  }
  show_toast (self, toast);

  g_task_return_boolean (task, TRUE);
}

/**
 * dossier_memo_page_export_to_file:
 * @file: where to write the PDF
 * @paper: the paper size
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the PDF is written
 * @user_data: data for @callback
 *
 * Exports the memo as it stands to @file in a worker thread, with the
 * progress bar and a toast ("Exported …" with an Open button, or the
 * error), as Export to PDF does once a file is chosen.
 */
void
dossier_memo_page_export_to_file (DossierMemoPage     *self,
                                  GFile               *file,
                                  DossierPaper         paper,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(DossierLayoutDocument) document = NULL;
  GTask *task;

  g_return_if_fail (DOSSIER_IS_MEMO_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_memo_page_export_to_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  document = dossier_memo_to_layout_document (self->memo);
  dossier_pdf_exporter_set_paper (self->exporter, paper);
  dossier_pdf_exporter_set_justify (self->exporter, self->justify);
  dossier_pdf_exporter_export_async (self->exporter, document, file, cancellable, export_done_cb, task);
}

/**
 * dossier_memo_page_export_to_file_finish:
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
dossier_memo_page_export_to_file_finish (DossierMemoPage  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Length of a portion mark such as "(U) " or "(S//NF) " at the start
 * of @text (with the spaces after it), or 0. */
static gsize
portion_mark_length (const char *text)
{
  gsize n = 1;

  if (text[0] != '(')
    return 0;
  while (n < 32 && (g_ascii_isupper (text[n]) || g_ascii_isdigit (text[n]) ||
                    text[n] == '/' || text[n] == '-' || text[n] == ' ' || text[n] == ','))
    n++;
  if (n == 1 || text[n] != ')')
    return 0;
  n++;
  while (text[n] == ' ')
    n++;
  return n;
}

/* A file name stem for the memo: its file's, else its subject without
 * the portion mark and template placeholders ("(U) [Title of the
 * brief]" suggests nothing), else "Memo". */
static char *
suggested_stem (DossierMemoPage *self)
{
  const char *subject = dossier_memo_get_subject (self->memo);
  g_autoptr(GString) name = g_string_new (NULL);
  const char *p;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      char *dot = basename ? strrchr (basename, '.') : NULL;

      if (dot != NULL && dot != basename)
        *dot = '\0';
      if (basename != NULL && *basename != '\0')
        return g_steal_pointer (&basename);
    }

  p = subject ? subject : "";
  while (*p == ' ')
    p++;
  p += portion_mark_length (p);

  /* The subject, minus placeholders and characters file systems or
   * shells trip on. */
  for (; *p != '\0' && name->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[' && p[1] != '^' && strchr (p, ']') != NULL)
        {
          p = strchr (p, ']');
          c = ' ';
        }
      else if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
               c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c))
        c = ' ';
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
    }
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, _("Memo"));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Where file choosers start: the memo's folder, else Documents, else
 * home; never the process's working directory. */
static GFile *
suggested_folder (DossierMemoPage *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GFile *parent = self->file ? g_file_get_parent (self->file) : NULL;

  if (parent != NULL)
    return parent;
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/**
 * dossier_memo_page_suggest_file:
 * @extension: what to end the name with, such as ".pdf"
 *
 * The file Export, Print to File and Save As suggest: named after the
 * memo's file or its subject (without portion mark or template
 * placeholders), else "Memo", in the memo's folder, else Documents.
 *
 * Returns: (transfer full): the suggested file
 */
GFile *
dossier_memo_page_suggest_file (DossierMemoPage *self,
                                const char      *extension)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  stem = suggested_stem (self);
  folder = suggested_folder (self);
  name = g_strconcat (stem, extension ? extension : "", NULL);
  return g_file_get_child (folder, name);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DossierMemoPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *basename = file ? g_file_get_basename (file) : NULL;

      /* Keep the .pdf the filter promised when the name was typed without it. */
      if (basename != NULL && !g_str_has_suffix (basename, ".pdf") && !g_str_has_suffix (basename, ".PDF"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *fixed = g_strconcat (basename, ".pdf", NULL);

          if (parent != NULL)
            g_set_object (&file, g_file_get_child (parent, fixed));
        }
      if (file != NULL)
        dossier_memo_page_export_to_file (self, file, self->paper, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) suggested = dossier_memo_page_suggest_file (self, ".pdf");
  g_autoptr(GFile) folder = g_file_get_parent (suggested);
  g_autofree char *name = g_file_get_basename (suggested);

  chooser = gtk_file_chooser_native_new (_("Export Memo to PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct {
  DossierPaper paper;
  gboolean justify;
  DossierPageLayout *layout;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_clear_object (&print->layout);
  g_free (print);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                DossierMemoPage   *self)
{
  PrintData *print = g_object_get_data (G_OBJECT (operation), "dossier-print");
  g_autoptr(DossierLayoutDocument) document = dossier_memo_to_layout_document (self->memo);
  double width = gtk_print_context_get_width (context);
  DossierPaper paper = print->paper;
  double letter_width, a4_width;

  /* The print dialog may have changed the paper: lay out for the one
   * printed on (the nearer of the two widths, in points). */
  dossier_paper_get_size (DOSSIER_PAPER_LETTER, &letter_width, NULL);
  dossier_paper_get_size (DOSSIER_PAPER_A4, &a4_width, NULL);
  if (width > 0)
    paper = fabs (width - letter_width) < fabs (width - a4_width) ? DOSSIER_PAPER_LETTER : DOSSIER_PAPER_A4;

  print->layout = dossier_page_layout_new (paper);
  dossier_page_layout_set_justify (print->layout, print->justify);
  dossier_page_layout_set_document (print->layout, document);
  gtk_print_operation_set_n_pages (operation, MAX (1, dossier_page_layout_get_n_pages (print->layout)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              DossierMemoPage   *self)
{
  PrintData *print = g_object_get_data (G_OBJECT (operation), "dossier-print");

  if (print->layout != NULL && page_nr >= 0 && (guint)page_nr < dossier_page_layout_get_n_pages (print->layout))
    dossier_page_layout_draw_page (print->layout, gtk_print_context_get_cairo_context (context), page_nr);
}

static GtkPrintOperation *
create_print_operation (DossierMemoPage *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (self->paper == DOSSIER_PAPER_LETTER
                                                     ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  PrintData *print = g_new0 (PrintData, 1);

  print->paper = self->paper;
  print->justify = self->justify;
  g_object_set_data_full (G_OBJECT (operation), "dossier-print", print, print_data_free);

  /* Print to File suggests the export's name and folder, not
   * "output.pdf" in the working directory. */
  {
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autoptr(GFile) folder = suggested_folder (self);
    g_autofree char *stem = suggested_stem (self);
    g_autofree char *folder_uri = g_file_get_uri (folder);

    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_uri);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, stem);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
    gtk_print_operation_set_print_settings (operation, settings);
  }

  /* Points from the sheet's corner: the layout draws its own margins. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  {
    g_autofree char *stem = suggested_stem (self);

    gtk_print_operation_set_job_name (operation, stem);
  }

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  return operation;
}

/**
 * dossier_memo_page_print_to_file:
 * @filename: the PDF to write
 *
 * Runs the print operation Print uses, exporting to @filename instead
 * of showing the print dialog (for tests and scripting).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_memo_page_print_to_file (DossierMemoPage  *self,
                                 const char       *filename,
                                 GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  operation = create_print_operation (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_print_operation_set_export_filename (operation, filename);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               DossierMemoPage         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *escaped = NULL;
      g_autofree char *title = NULL;
      AdwToast *toast;

      gtk_print_operation_get_error (operation, &error);
      escaped = g_markup_escape_text (error ? error->message : _("Unknown error"), -1);
      title = g_strdup_printf (_("Could not print the memo: %s"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      show_toast (self, toast);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = create_print_operation (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  /* Non-blocking: the dialog and the printing run from the main loop. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *title = g_strdup_printf (_("Could not print the memo: %s"), escaped);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      show_toast (self, toast);
    }
}

/* ---- GObject -------------------------------------------------------------- */

static void
dossier_memo_page_dispose (GObject *object)
{
  DossierMemoPage *self = (DossierMemoPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->first_layout_source, g_source_remove);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_handle_id (&self->numbers_source, g_source_remove);
  g_clear_pointer (&self->marker_signature, g_free);
  g_clear_pointer (&self->other_language, g_free);
  g_clear_object (&self->removed_section);
  if (self->memo != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->memo);
      g_clear_signal_handler (&self->date_handler, self->memo);
      g_clear_signal_handler (&self->language_handler, self->memo);
    }
  g_clear_weak_pointer (&self->current);
  g_clear_weak_pointer (&self->scroll_target);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MEMO_PAGE);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->issues);
  g_clear_object (&self->memo);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->exporter);

  G_OBJECT_CLASS (dossier_memo_page_parent_class)->dispose (object);
}

static void
dossier_memo_page_constructed (GObject *object)
{
  DossierMemoPage *self = (DossierMemoPage *)object;

  G_OBJECT_CLASS (dossier_memo_page_parent_class)->constructed (object);

  if (self->memo == NULL)
    self->memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_INFORMATION);

  bind_memo (self);
}

static void
dossier_memo_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      g_value_set_object (value, self->memo);
      break;
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_JUSTIFY:
      g_value_set_boolean (value, self->justify);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEMO:
      self->memo = g_value_dup_object (value);
      break;
    case PROP_SHOW_PREVIEW:
      set_show_preview (self, g_value_get_boolean (value));
      break;
    case PROP_PAPER:
      set_paper (self, g_value_get_enum (value));
      break;
    case PROP_JUSTIFY:
      set_justify (self, g_value_get_boolean (value));
      break;
    case PROP_FILE:
      dossier_memo_page_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_page_class_init (DossierMemoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_memo_page_dispose;
  object_class->constructed = dossier_memo_page_constructed;
  object_class->get_property = dossier_memo_page_get_property;
  object_class->set_property = dossier_memo_page_set_property;

  properties[PROP_MEMO] =
    g_param_spec_object ("memo", NULL, NULL, DOSSIER_TYPE_MEMO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_enum ("paper", NULL, NULL, DOSSIER_TYPE_PAPER, DOSSIER_PAPER_A4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPage:justify:
   *
   * Whether the memo is previewed, exported and printed justified (with
   * hyphenation) rather than ragged right.
   */
  properties[PROP_JUSTIFY] =
    g_param_spec_boolean ("justify", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPage:file:
   *
   * The memo's file, when it was opened from or saved to one: file
   * choosers start in its folder and suggest its name.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_MEMO_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, marking_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, subject_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, sections_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, citations_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, issues_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, preview_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, preview);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, paned);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_max_position_cb);

  gtk_widget_class_install_action (widget_class, "memo.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "memo.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "memo.bullets", NULL, bullets_action);
  gtk_widget_class_install_action (widget_class, "memo.show-note", NULL, show_note_action);
  gtk_widget_class_install_action (widget_class, "memo.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "memo.move-section-up", NULL, move_section_action);
  gtk_widget_class_install_action (widget_class, "memo.move-section-down", NULL, move_section_action);
  gtk_widget_class_install_property_action (widget_class, "memo.show-preview", "show-preview");
  gtk_widget_class_install_property_action (widget_class, "memo.paper", "paper");
  gtk_widget_class_install_property_action (widget_class, "memo.justify", "justify");
  gtk_widget_class_install_action (widget_class, "memo.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "memo.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "memo.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "memo.undo-remove-section", NULL, undo_remove_section_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "memo.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "memo.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.bullets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "memo.move-section-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "memo.move-section-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.show-preview", NULL);
  /* Shift: Ctrl+E is Edit Details in the reader. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "memo.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossiermemopage");
}

static gboolean
paper_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  DossierPaper paper;

  if (!dossier_paper_from_string (g_variant_get_string (variant, NULL), &paper))
    paper = dossier_paper_get_default ();   /* "auto" */
  g_value_set_enum (value, paper);
  return TRUE;
}

static GVariant *
paper_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (dossier_paper_to_string (g_value_get_enum (value)));
}

static void
dossier_memo_page_init (DossierMemoPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new ();
  self->issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  /* Before the template: its menus read the memo.paper state as they are
   * built and then only follow notifications. */
  self->paper = dossier_paper_get_default ();
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_memo_preview_set_paper (self->preview, self->paper);
  g_signal_connect_swapped (self->issues_list, "row-activated", G_CALLBACK (issue_activated_cb), self);

  {
    GtkWidget *header_rows[] = { GTK_WIDGET (self->marking_row), GTK_WIDGET (self->to_row),
                                 GTK_WIDGET (self->from_row), GTK_WIDGET (self->subject_row) };

    for (guint i = 0; i < G_N_ELEMENTS (header_rows); i++)
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect (focus, "enter", G_CALLBACK (header_focus_enter_cb), NULL);
        gtk_widget_add_controller (header_rows[i], focus);
      }
  }

  /* Progress for long exports: a thin bar over the top of the editor. */
  self->exporter = dossier_pdf_exporter_new ();
  g_object_bind_property (self->exporter, "busy", self->export_progress, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->exporter, "progress", self->export_progress, "fraction", G_BINDING_SYNC_CREATE);

  /* Remember whether the preview is shown (when the schema is installed:
   * the widget is also used outside the app, in tests). */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "io.github.dossier.Dossier", TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, "memo-preview"))
      {
        self->settings = g_settings_new ("io.github.dossier.Dossier");
        g_settings_bind (self->settings, "memo-preview", self, "show-preview", G_SETTINGS_BIND_DEFAULT);
        if (g_settings_schema_has_key (schema, "memo-paper"))
          g_settings_bind_with_mapping (self->settings, "memo-paper", self, "paper", G_SETTINGS_BIND_DEFAULT,
                                        paper_from_setting, paper_to_setting, NULL, NULL);
        if (g_settings_schema_has_key (schema, "memo-justify"))
          g_settings_bind (self->settings, "memo-justify", self, "justify", G_SETTINGS_BIND_DEFAULT);
      }
  }
}

/**
 * dossier_memo_page_new:
 * @memo: (nullable): the memo to edit; %NULL for a new information memo
 */
GtkWidget *
dossier_memo_page_new (DossierMemo *memo)
{
  return g_object_new (DOSSIER_TYPE_MEMO_PAGE, "memo", memo, NULL);
}

/**
 * dossier_memo_page_get_memo:
 *
 * Returns: (transfer none): the memo being edited
 */
DossierMemo *
dossier_memo_page_get_memo (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  return self->memo;
}

/**
 * dossier_memo_page_set_file:
 * @file: (nullable): the memo's file
 *
 * Tells the page which file the memo was opened from or saved to.
 */
void
dossier_memo_page_set_file (DossierMemoPage *self,
                            GFile           *file)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * dossier_memo_page_get_file:
 *
 * Returns: (transfer none) (nullable): the memo's file
 */
GFile *
dossier_memo_page_get_file (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  return self->file;
}

/**
 * dossier_memo_page_get_current_section:
 *
 * Returns: (transfer none) (nullable): the section last edited, or %NULL
 */
DossierMemoSection *
dossier_memo_page_get_current_section (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  return self->current;
}

/* Whether @iter is on a line of a block quotation ("> …"). */
static gboolean
in_block_quotation (const GtkTextIter *iter)
{
  GtkTextIter line = *iter;

  gtk_text_iter_set_line_offset (&line, 0);
  return gtk_text_iter_get_char (&line) == '>';
}

/* The end of the last line of the block quotation @iter is in. */
static GtkTextIter
end_of_block_quotation (const GtkTextIter *iter)
{
  GtkTextIter end = *iter;

  for (;;)
    {
      GtkTextIter next = end;

      if (!gtk_text_iter_forward_line (&next) || !in_block_quotation (&next))
        break;
      end = next;
    }
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return end;
}

/* The citation of an excerpt, under an id new to the memo. */
static DossierCitation *
add_excerpt_citation (DossierMemoPage *self,
                      DossierDocument *document,
                      guint            paragraph,
                      guint            start,
                      guint            end)
{
  g_autoptr(DossierCitation) citation = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *id = NULL;

  citation = dossier_citation_new_for_excerpt ("excerpt", document, paragraph, start, end);
  hint = dossier_citation_dup_id_hint (citation);
  id = dossier_memo_dup_new_citation_id (self->memo, hint);
  dossier_citation_set_id (citation, id);
  dossier_memo_add_citation (self->memo, citation);

  return citation; /* the memo holds it */
}

/* Where excerpts go: the section last edited, else the last one, else a
 * new "Excerpts" section. */
static DossierMemoSection *
excerpt_section (DossierMemoPage *self)
{
  g_autoptr(DossierMemoSection) fresh = NULL;
  guint n = dossier_memo_get_n_sections (self->memo);

  if (self->current != NULL)
    return self->current;
  if (n > 0)
    return dossier_memo_get_section (self->memo, n - 1);

  fresh = dossier_memo_section_new (_("Excerpts"));
  dossier_memo_append_section (self->memo, fresh);
  return fresh; /* the memo holds it */
}

/* Shows where an excerpt went. */
static void
announce_excerpt (DossierMemoPage    *self,
                  DossierMemoSection *section)
{
  SectionRow *row = find_row (self, section);

  if (row != NULL)
    scroll_into_view (self, row->row, TRUE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      const char *title = dossier_memo_section_get_title (section);
      g_autofree char *escaped = g_markup_escape_text (title && *title ? title : _("Untitled Section"), -1);
      g_autofree char *message = g_strdup_printf (_("Added to “%s”"), escaped);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 3);
      show_toast (self, toast);
    }
}

/**
 * dossier_memo_page_add_excerpt:
 * @document: the full document the excerpt comes from
 * @paragraph: its paragraph index
 * @start: first code point of the excerpt in the paragraph
 * @end: code point after it
 *
 * "Add to Memo": adds a citation of the excerpt (a "quoted in" citation
 * when the excerpt quotes someone the article sources with its own note)
 * and a quote block attributed to it, at the end of the section last
 * edited (or the last section; a new "Excerpts" section if there is none).
 *
 * Returns: (transfer none): the new citation
 */
DossierCitation *
dossier_memo_page_add_excerpt (DossierMemoPage *self,
                               DossierDocument *document,
                               guint            paragraph,
                               guint            start,
                               guint            end)
{
  g_autoptr(DossierMemoBlock) block = NULL;
  g_autofree char *text = NULL;
  DossierCitation *citation;
  DossierMemoSection *section;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  citation = add_excerpt_citation (self, document, paragraph, start, end);
  section = excerpt_section (self);
  text = dossier_memo_escape_inline (dossier_citation_get_quote (citation));
  block = dossier_memo_block_new_quote (text, dossier_citation_get_id (citation));
  dossier_memo_section_append_block (section, block);
  announce_excerpt (self, section);

  return citation; /* the memo holds it */
}

/**
 * dossier_memo_page_quote_excerpt:
 * @document: the full document the excerpt comes from
 * @paragraph: its paragraph index
 * @start: first code point of the excerpt in the paragraph
 * @end: code point after it
 *
 * "Quote in Memo": adds a citation of the excerpt, as
 * dossier_memo_page_add_excerpt() does, but puts the excerpt in the
 * running text, as a quotation with its note (“…”¹), at the cursor of
 * the section last edited — replacing the selection there, such as a
 * template's placeholder. Undo in that section takes the quotation out
 * again (the source stays in the Sources list until removed there).
 *
 * Returns: (transfer none): the new citation
 */
DossierCitation *
dossier_memo_page_quote_excerpt (DossierMemoPage *self,
                                 DossierDocument *document,
                                 guint            paragraph,
                                 guint            start,
                                 guint            end)
{
  g_autofree char *escaped = NULL;
  g_autofree char *quotation = NULL;
  DossierCitation *citation;
  DossierMemoSection *section;
  SectionRow *row;
  GtkTextIter from, to;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  citation = add_excerpt_citation (self, document, paragraph, start, end);
  section = excerpt_section (self);
  row = find_row (self, section);
  escaped = dossier_memo_escape_inline (dossier_citation_get_quote (citation));

  if (row == NULL)
    {
      /* Not shown (yet): a paragraph of its own. */
      g_autoptr(DossierMemoBlock) block = NULL;

      quotation = g_strdup_printf ("“%s”[^%s]", escaped, dossier_citation_get_id (citation));
      block = dossier_memo_block_new_paragraph (quotation);
      dossier_memo_section_append_block (section, block);
      announce_excerpt (self, section);
      return citation;
    }

  if (!gtk_text_buffer_get_selection_bounds (row->buffer, &from, &to))
    gtk_text_buffer_get_iter_at_mark (row->buffer, &from, gtk_text_buffer_get_insert (row->buffer));

  if (in_block_quotation (&from))
    {
      /* Not inside a block quotation, and never in its source line (where
       * the cursor is after Add to Memo): a paragraph after it. */
      GtkTextIter block_end = end_of_block_quotation (&from);

      quotation = g_strdup_printf ("\n\n“%s”[^%s]", escaped, dossier_citation_get_id (citation));
      gtk_text_buffer_begin_user_action (row->buffer);
      gtk_text_buffer_insert (row->buffer, &block_end, quotation, -1);
      gtk_text_buffer_place_cursor (row->buffer, &block_end);
      gtk_text_buffer_end_user_action (row->buffer);
      announce_excerpt (self, section);
      return citation;
    }

  {
    /* A word space before it, unless it starts a line or follows one. */
    GtkTextIter before = from;
    gboolean needs_space = gtk_text_iter_backward_char (&before) &&
                           !g_unichar_isspace (gtk_text_iter_get_char (&before)) &&
                           gtk_text_iter_get_char (&before) != '(';

    quotation = g_strdup_printf ("%s“%s”[^%s]", needs_space ? " " : "",
                                 escaped, dossier_citation_get_id (citation));
  }

  gtk_text_buffer_begin_user_action (row->buffer);
  gtk_text_buffer_delete_selection (row->buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (row->buffer, quotation, -1);
  gtk_text_buffer_end_user_action (row->buffer);
  announce_excerpt (self, section);

  return citation;
}

/**
 * dossier_memo_page_insert_perspectives:
 * @documents: a #GListModel of #DossierDocument
 *
 * "Insert Perspectives": see dossier_memo_insert_perspectives().
 *
 * Returns: (transfer none): the drafted section
 */
DossierMemoSection *
dossier_memo_page_insert_perspectives (DossierMemoPage *self,
                                       GListModel      *documents)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  return dossier_memo_insert_perspectives (self->memo, documents);
}

/**
 * dossier_memo_page_get_section_view:
 *
 * Returns: (transfer none) (nullable): the text view of the section at
 *   @position
 */
GtkTextView *
dossier_memo_page_get_section_view (DossierMemoPage *self,
                                    guint            position)
{
  DossierMemoSection *section;
  SectionRow *row;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  section = dossier_memo_get_section (self->memo, position);
  row = section ? find_row (self, section) : NULL;
  return row ? row->view : NULL;
}

/**
 * dossier_memo_page_get_issues:
 *
 * Returns: (transfer none): the findings shown, a #GListModel of
 *   #DossierMemoIssue
 */
GListModel *
dossier_memo_page_get_issues (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  return G_LIST_MODEL (self->issues);
}

/**
 * dossier_memo_page_get_preview:
 *
 * Returns: (transfer none): the print preview (a #DossierMemoPreview),
 *   shown or not
 */
GtkWidget *
dossier_memo_page_get_preview (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);
  return GTK_WIDGET (self->preview);
}
