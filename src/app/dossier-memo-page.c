/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "export/dossier-page-layout.h"
#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-notes.h"
#include "memo/dossier-memo-templates.h"
#include "widgets/dossier-memo-markup.h"
#include "dossier-memo-page-private.h"
#include "dossier-memo-section-editor.h"
#include "dossier-memo-source-row.h"
#include "dossier-spell-checker.h"

/*
 * The memo editor page: the header form, one DossierMemoSectionEditor
 * per section, the numbered notes, the sources and the check's findings,
 * which refresh shortly after each change. Sections move with Alt+Up/Down,
 * the rows' buttons, or by dragging their handle.
 *
 * Beside the editor, a live print preview (toggled with Ctrl+Shift+P and
 * remembered) draws the pages as the PDF export and printing will; the
 * page count lint reads its layout. Export and printing are in
 * dossier-memo-page-export.c.
 *
 * Spelling is checked with Enchant (DossierSpellChecker): libspelling,
 * the maintained GTK 4 spell checker, is not in Debian 12.
 */

G_DEFINE_FINAL_TYPE (DossierMemoPage, dossier_memo_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEMO,
  PROP_SHOW_PREVIEW,
  PROP_PAPER,
  PROP_JUSTIFY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define REFRESH_DELAY_MS 250
#define REFRESH_MAX_WAIT_US (1500 * 1000)

static void schedule_refresh (DossierMemoPage *self);
static void preview_updated_cb (DossierMemoPage *self);
static gboolean first_layout_cb (gpointer data);

/* ---- Sections ------------------------------------------------------------ */

/* The rows of the sections list are in the sections' order. */
DossierMemoSectionEditor *
_dossier_memo_page_editor_at (DossierMemoPage *self,
                              guint            position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sections_list, position);

  return DOSSIER_IS_MEMO_SECTION_EDITOR (row) ? DOSSIER_MEMO_SECTION_EDITOR (row) : NULL;
}

gboolean
_dossier_memo_page_find_section (DossierMemoPage    *self,
                                 DossierMemoSection *section,
                                 guint              *position)
{
  return g_list_store_find (G_LIST_STORE (dossier_memo_get_sections (self->memo)), section, position);
}

DossierMemoSectionEditor *
_dossier_memo_page_find_editor (DossierMemoPage    *self,
                                DossierMemoSection *section)
{
  guint position;
  DossierMemoSectionEditor *editor;

  if (section == NULL || !_dossier_memo_page_find_section (self, section, &position))
    return NULL;
  editor = _dossier_memo_page_editor_at (self, position);
  return editor != NULL && dossier_memo_section_editor_get_section (editor) == section ? editor : NULL;
}

static void
move_section_by (DossierMemoPage    *self,
                 DossierMemoSection *section,
                 int                 delta)
{
  GtkListBoxRow *moved;
  guint from, n;
  int to;

  if (section == NULL || !_dossier_memo_page_find_section (self, section, &from))
    return;

  n = dossier_memo_get_n_sections (self->memo);
  to = (int)from + delta;
  if (to < 0 || to >= (int)n)
    return;

  dossier_memo_move_section (self->memo, from, to);

  /* The row was recreated: put the focus back into it. */
  moved = gtk_list_box_get_row_at_index (self->sections_list, to);
  if (moved != NULL)
    gtk_widget_child_focus (GTK_WIDGET (moved), GTK_DIR_TAB_FORWARD);
  g_set_weak_pointer (&self->current, section);
}

static void
section_entered_cb (DossierMemoPage          *self,
                    DossierMemoSectionEditor *editor)
{
  g_set_weak_pointer (&self->current, dossier_memo_section_editor_get_section (editor));
}

static void
section_move_cb (DossierMemoPage          *self,
                 int                       delta,
                 DossierMemoSectionEditor *editor)
{
  move_section_by (self, dossier_memo_section_editor_get_section (editor), delta);
}

/* A section goes at once, its text with it: the toast can bring it back. */
static void
section_remove_cb (DossierMemoPage          *self,
                   DossierMemoSectionEditor *editor)
{
  DossierMemoSection *section = dossier_memo_section_editor_get_section (editor);
  const char *title;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (!_dossier_memo_page_find_section (self, section, &position))
    return;

  g_set_object (&self->removed_section, section);
  self->removed_position = position;
  title = dossier_memo_section_get_title (section);
  escaped = g_markup_escape_text (title && *title ? title : _("Untitled Section"), -1);
  message = g_strdup_printf (_("Removed “%s”"), escaped);
  dossier_memo_remove_section (self->memo, position);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "memo.undo-remove-section");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _dossier_memo_page_show_toast (self, toast);
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

static gboolean
section_dropped_cb (DossierMemoPage          *self,
                    DossierMemoSection       *dragged,
                    DossierMemoSectionEditor *editor)
{
  guint from, to;

  if (!_dossier_memo_page_find_section (self, dragged, &from) ||
      !_dossier_memo_page_find_section (self, dossier_memo_section_editor_get_section (editor), &to))
    return FALSE;

  dossier_memo_move_section (self->memo, from, to);
  return TRUE;
}

static void
section_marker_clicked_cb (DossierMemoPage          *self,
                           int                       offset,
                           DossierMemoSectionEditor *editor)
{
  guint position;

  if (_dossier_memo_page_find_section (self, dossier_memo_section_editor_get_section (editor), &position))
    dossier_memo_page_show_citation_popover (self, position, offset);
}

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  DossierMemoPage *self = user_data;
  GtkWidget *editor = dossier_memo_section_editor_new (item);

  g_signal_connect_object (editor, "entered", G_CALLBACK (section_entered_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "move", G_CALLBACK (section_move_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "remove", G_CALLBACK (section_remove_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "section-dropped", G_CALLBACK (section_dropped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "marker-clicked", G_CALLBACK (section_marker_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  _dossier_memo_page_queue_note_numbers (self);

  return editor;
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
void
_dossier_memo_page_scroll_into_view (DossierMemoPage *self,
                                     GtkWidget       *target,
                                     gboolean         bottom)
{
  g_set_weak_pointer (&self->scroll_target, target);
  self->scroll_to_bottom = bottom;
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* ---- Findings ------------------------------------------------------------ */

/* A finding's place: its section, its source in the Sources list, or
 * the header (an empty or template To, From or Subject). */
void
_dossier_memo_page_go_to_issue (DossierMemoPage  *self,
                                DossierMemoIssue *issue)
{
  const char *citation_id = dossier_memo_issue_get_citation_id (issue);

  if (dossier_memo_issue_get_section (issue) >= 0)
    {
      DossierMemoSectionEditor *editor = _dossier_memo_page_editor_at (self, dossier_memo_issue_get_section (issue));

      if (editor == NULL)
        return;
      gtk_widget_grab_focus (GTK_WIDGET (dossier_memo_section_editor_get_view (editor)));
      _dossier_memo_page_scroll_into_view (self, GTK_WIDGET (editor), FALSE);
      return;
    }

  if (citation_id != NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->citations_list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        if (DOSSIER_IS_MEMO_SOURCE_ROW (row) &&
            g_strcmp0 (dossier_citation_get_id (dossier_memo_source_row_get_citation (DOSSIER_MEMO_SOURCE_ROW (row))),
                       citation_id) == 0)
          {
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
            gtk_widget_grab_focus (row);
            _dossier_memo_page_scroll_into_view (self, row, FALSE);
            return;
          }
      return;
    }

  if (dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_PLACEHOLDER)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->header_form), GTK_DIR_TAB_FORWARD);
      _dossier_memo_page_scroll_into_view (self, GTK_WIDGET (self->header_form), FALSE);
    }
}

static void
issue_activated_cb (DossierMemoPage  *self,
                    DossierMemoIssue *issue)
{
  _dossier_memo_page_go_to_issue (self, issue);
}

/* ---- Sources ------------------------------------------------------------ */

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  return dossier_memo_source_row_new (item);
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
      DossierCitation *citation;

      if (!DOSSIER_IS_MEMO_SOURCE_ROW (child))
        continue;
      citation = dossier_memo_source_row_get_citation (DOSSIER_MEMO_SOURCE_ROW (child));
      dossier_memo_source_row_set_removable (DOSSIER_MEMO_SOURCE_ROW (child),
                                             dossier_memo_notes_count_references (notes, dossier_citation_get_id (citation)) == 0);
    }
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);

  dossier_memo_remove_citation (self->memo, g_variant_get_string (parameter, NULL));
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

  for (guint i = 0; _dossier_memo_page_editor_at (self, i) != NULL; i++)
    {
      GtkTextView *view = dossier_memo_section_editor_get_view (_dossier_memo_page_editor_at (self, i));
      DossierSpellChecker *checker = dossier_spell_checker_get_for_view (view);

      if (checker != NULL)
        dossier_spell_checker_set_known_words (checker, (const char * const *) phrases);
    }
}

/* The header names the memo by its subject, with a dot while it has
 * unsaved changes (as GNOME Text Editor marks them). */
static void
update_title (DossierMemoPage *self)
{
  g_autofree char *title = dossier_memo_page_dup_title (self);
  g_autofree char *shown = NULL;

  /* TRANSLATORS: the memo's title with unsaved changes */
  shown = self->modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);
  /* Said, not shown as a tooltip: setting one on every refresh would set
   * off GTK's tooltip query each time. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->window_title), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->modified ? _("Unsaved changes") : "", -1);
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
  guint n_found;

  g_return_if_fail (DOSSIER_IS_MEMO_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  update_title (self);
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

static void
memo_changed_cb (DossierMemoPage *self)
{
  /* Bring rows up to date with changes made outside them (cheap: memos are short). */
  for (guint i = 0; _dossier_memo_page_editor_at (self, i) != NULL; i++)
    dossier_memo_section_editor_sync (_dossier_memo_page_editor_at (self, i));

  _dossier_memo_page_update_note_numbers (self);
  schedule_refresh (self);
}

/* ---- The memo ------------------------------------------------------------ */

static void
bind_memo (DossierMemoPage *self)
{
  dossier_memo_header_form_set_memo (self->header_form, self->memo);
  gtk_list_box_bind_model (self->sections_list, dossier_memo_get_sections (self->memo),
                           create_section_row, self, NULL);
  gtk_list_box_bind_model (self->citations_list, dossier_memo_get_citations (self->memo),
                           create_citation_row, self, NULL);
  dossier_memo_check_list_set_issues (self->check_list, G_LIST_MODEL (self->issues));

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

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkTextView *view = focused_view (DOSSIER_MEMO_PAGE (widget));

  if (view != NULL)
    dossier_memo_markup_toggle (view, "**");
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkTextView *view = focused_view (DOSSIER_MEMO_PAGE (widget));

  if (view != NULL)
    dossier_memo_markup_toggle (view, "*");
}

static void
bullets_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkTextView *view = focused_view (DOSSIER_MEMO_PAGE (widget));

  if (view != NULL)
    dossier_memo_markup_toggle_bullets (view);
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("");
  g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph ("");
  DossierMemoSectionEditor *editor;

  dossier_memo_section_append_block (section, block);
  dossier_memo_append_section (self->memo, section);
  g_set_weak_pointer (&self->current, section);

  editor = _dossier_memo_page_find_editor (self, section);
  if (editor != NULL)
    {
      gtk_widget_grab_focus (dossier_memo_section_editor_get_title_entry (editor));
      _dossier_memo_page_scroll_into_view (self, GTK_WIDGET (editor), FALSE);
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

/* Side by side where there is room; in a narrow page the preview is a
 * view of its own, instead of the editor, while it is shown. */
static void
update_views (DossierMemoPage *self)
{
  gboolean show = self->show_preview;

  /* Hidden, the paned's divider goes too. */
  gtk_widget_set_visible (GTK_WIDGET (self->preview_revealer), show);
  gtk_revealer_set_reveal_child (self->preview_revealer, show);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_scroller), !(show && self->narrow));
  if (show && !self->narrow)
    place_divider (self);
}

static void set_show_preview (DossierMemoPage *self,
                              gboolean         show);

/* Narrow, the memo opens on the editor: the preview is a view the
 * analyst asks for, not where writing starts. Wide again, the preview is
 * as it was chosen side by side. */
static gboolean
narrow_changed_cb (gpointer data)
{
  DossierMemoPage *self = data;

  self->narrow_source = 0;
  set_show_preview (self, self->narrow ? FALSE : self->wide_show_preview);
  update_views (self);
  return G_SOURCE_REMOVE;
}

/* Below this width the editor (360 px at least) and a legible page do
 * not fit side by side. */
#define NARROW_WIDTH 720

static void
dossier_memo_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  int header_min = 0, header_nat = 0, body_min = 0, body_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->header_bar), orientation, -1, &header_min, &header_nat, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, -1, &body_min, &body_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = header_min + body_min;
      *natural = header_nat + body_nat;
    }
  else
    {
      int editor_min = 0;

      /* Side by side asks for the editor and the preview, but a page
       * given less goes narrow (one view at a time) rather than spill:
       * asking for both would fold the window's panes for a layout the
       * page gives up anyway (1,100 px windows folded when a memo
       * opened). */
      if (gtk_widget_get_visible (GTK_WIDGET (self->editor_scroller)))
        gtk_widget_measure (GTK_WIDGET (self->editor_scroller), orientation, -1, &editor_min, NULL, NULL, NULL);
      if (editor_min > 0)
        body_min = MIN (body_min, editor_min);
      *minimum = MAX (header_min, body_min);
      *natural = MAX (*minimum, MAX (header_nat, body_nat));
    }
}

static void
dossier_memo_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int header_height = 0;
  int body_min = 0;

  /* The header bar on top, the rest below (a vertical box, but with the
   * width at hand). */
  gtk_widget_measure (GTK_WIDGET (self->header_bar), GTK_ORIENTATION_VERTICAL, width, NULL, &header_height, NULL, NULL);
  header_height = MIN (header_height, height);
  gtk_widget_allocate (GTK_WIDGET (self->header_bar), width, header_height, -1, NULL);
  /* Until the narrow layout is in place (after this allocation), the
   * side-by-side one keeps its minimum, clipped by the page. */
  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), GTK_ORIENTATION_HORIZONTAL, -1, &body_min, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), MAX (width, body_min), height - header_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, header_height)));
  /* The note popover is the page's child: placed by its parent. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));

  /* Showing and hiding the views inside an allocation would loop: after. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_source == 0)
        self->narrow_source = g_idle_add (narrow_changed_cb, self);
    }
}

static void
set_show_preview (DossierMemoPage *self,
                  gboolean         show)
{
  show = !!show;
  if (self->show_preview == show)
    return;

  self->show_preview = show;
  /* Only the side-by-side choice is remembered: a narrow page's preview
   * view is a passing look. */
  if (!self->narrow)
    {
      self->wide_show_preview = show;
      if (self->settings != NULL)
        g_settings_set_boolean (self->settings, "memo-preview", show);
    }
  update_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 zoom the preview wherever the focus
 * is on the page, as in Papers (the editor has no use for them). */
static gboolean
zoom_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  DossierMemoPage *self = DOSSIER_MEMO_PAGE (widget);
  int direction = g_variant_get_int32 (args);

  if (!self->show_preview)
    return FALSE;
  if (direction > 0)
    dossier_memo_preview_zoom_in (self->preview);
  else if (direction < 0)
    dossier_memo_preview_zoom_out (self->preview);
  else
    dossier_memo_preview_set_fit_width (self->preview, TRUE);
  return TRUE;
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

void
_dossier_memo_page_show_toast (DossierMemoPage *self,
                               AdwToast        *toast)
{
  /* An export may finish after the page was closed. */
  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);
}

/* ---- GObject -------------------------------------------------------------- */

static void
dossier_memo_page_dispose (GObject *object)
{
  DossierMemoPage *self = (DossierMemoPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->first_layout_source, g_source_remove);
  g_clear_handle_id (&self->numbers_source, g_source_remove);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_clear_pointer (&self->marker_signature, g_free);
  g_clear_object (&self->removed_section);
  if (self->memo != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->memo);
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

  g_clear_object (&self->issues);
  g_clear_object (&self->memo);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->exporter);
  g_clear_object (&self->office_exporter);

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
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
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
    case PROP_MODIFIED:
      dossier_memo_page_set_modified (self, g_value_get_boolean (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
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
  widget_class->measure = dossier_memo_page_measure;
  widget_class->size_allocate = dossier_memo_page_size_allocate;

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
  /**
   * DossierMemoPage:modified:
   *
   * Whether the memo has changes not saved to its file (set by the
   * window, which saves it): the header marks them.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMemoPage:folded:
   *
   * Bound to the window's leaflet: folded, the header has a way back to
   * the library.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_MEMO_PREVIEW);
  g_type_ensure (DOSSIER_TYPE_MEMO_PREVIEW_BAR);
  g_type_ensure (DOSSIER_TYPE_MEMO_HEADER_FORM);
  g_type_ensure (DOSSIER_TYPE_MEMO_CHECK_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-memo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, header_form);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, sections_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, citations_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, check_list);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, preview_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, preview);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierMemoPage, paned);
  gtk_widget_class_bind_template_callback (widget_class, issue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_max_position_cb);

  gtk_widget_class_install_action (widget_class, "memo.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "memo.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "memo.bullets", NULL, bullets_action);
  _dossier_memo_page_class_init_notes (widget_class);
  gtk_widget_class_install_action (widget_class, "memo.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "memo.move-section-up", NULL, move_section_action);
  gtk_widget_class_install_action (widget_class, "memo.move-section-down", NULL, move_section_action);
  gtk_widget_class_install_property_action (widget_class, "memo.show-preview", "show-preview");
  gtk_widget_class_install_property_action (widget_class, "memo.paper", "paper");
  gtk_widget_class_install_property_action (widget_class, "memo.justify", "justify");
  gtk_widget_class_install_action (widget_class, "memo.remove-source", "s", remove_source_action);
  gtk_widget_class_install_action (widget_class, "memo.undo-remove-section", NULL, undo_remove_section_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "memo.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "memo.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.bullets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "memo.move-section-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "memo.move-section-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.show-preview", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, zoom_binding_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, zoom_binding_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, zoom_binding_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, zoom_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, zoom_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, zoom_binding_cb, "i", 0);
  _dossier_memo_page_class_init_export (widget_class);

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
  self->issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  /* Before the template: its menus read the memo.paper state as they are
   * built and then only follow notifications. */
  self->paper = dossier_paper_get_default ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* (The side-by-side layout outlasts a narrowing by one frame.) */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  dossier_memo_preview_set_paper (self->preview, self->paper);

  /* Progress for long exports: a thin bar over the top of the editor. */
  self->exporter = dossier_pdf_exporter_new ();
  self->office_exporter = dossier_office_exporter_new (DOSSIER_EXPORT_FORMAT_DOCX);
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
        /* Written by set_show_preview(), which knows the narrow view's
         * toggling from the analyst's choice. */
        g_settings_bind (self->settings, "memo-preview", self, "show-preview", G_SETTINGS_BIND_GET);
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
  update_title (self);
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
  DossierMemoSectionEditor *editor;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  section = dossier_memo_get_section (self->memo, position);
  editor = section ? _dossier_memo_page_find_editor (self, section) : NULL;
  return editor ? dossier_memo_section_editor_get_view (editor) : NULL;
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

/**
 * dossier_memo_page_get_modified:
 *
 * Returns: whether the header shows the memo as having unsaved changes
 */
gboolean
dossier_memo_page_get_modified (DossierMemoPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), FALSE);
  return self->modified;
}

/**
 * dossier_memo_page_set_modified:
 * @modified: whether the memo has unsaved changes
 */
void
dossier_memo_page_set_modified (DossierMemoPage *self,
                                gboolean         modified)
{
  g_return_if_fail (DOSSIER_IS_MEMO_PAGE (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * dossier_memo_page_dup_title:
 *
 * What the memo is called where it is named (the header, the window
 * title, the question about unsaved changes): its subject without the
 * portion mark, unless still the template's placeholder; else its file's
 * name without ".dossier-memo"; else "Untitled Memo".
 *
 * Returns: (transfer full): the memo's title
 */
char *
dossier_memo_page_dup_title (DossierMemoPage *self)
{
  const char *subject;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  subject = dossier_memo_get_subject (self->memo);
  stripped = g_strstrip (g_strdup (subject ? subject : ""));
  {
    g_autofree char *mark = dossier_memo_dup_leading_portion_mark (stripped);

    if (mark != NULL)
      {
        char *rest = strchr (stripped, ')') + 1;

        memmove (stripped, rest, strlen (rest) + 1);
        g_strstrip (stripped);
      }
  }
  /* "[Subject]": the template's, not a title. */
  if (*stripped != '\0' && !(stripped[0] == '[' && g_str_has_suffix (stripped, "]")))
    return g_steal_pointer (&stripped);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL && g_str_has_suffix (basename, ".dossier-memo") &&
          strlen (basename) > strlen (".dossier-memo"))
        basename[strlen (basename) - strlen (".dossier-memo")] = '\0';
      if (basename != NULL && *basename != '\0')
        return g_steal_pointer (&basename);
    }
  return g_strdup (_("Untitled Memo"));
}
