/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "export/dossier-export-format.h"
#include "export/dossier-memo-layout.h"
#include "export/dossier-office-exporter.h"
#include "export/dossier-page-layout.h"
#include "dossier-memo-page-private.h"

/*
 * DossierMemoPage's way out: Export to PDF, Word or OpenDocument (a worker thread, with a
 * progress bar and a toast that opens the file), Print (GtkPrintOperation
 * drawing the same pages as the preview), and the file names and folders
 * their choosers suggest.
 */

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

  if (DOSSIER_IS_PDF_EXPORTER (source)
      ? !dossier_pdf_exporter_export_finish (DOSSIER_PDF_EXPORTER (source), result, &error)
      : !dossier_office_exporter_export_finish (DOSSIER_OFFICE_EXPORTER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Toast titles are markup; the message may quote a file name. */
          escaped = g_markup_escape_text (error->message, -1);
          title = g_strdup_printf (_("Could not export the memo: %s"), escaped);
          toast = adw_toast_new (title);
          adw_toast_set_timeout (toast, 0);
          _dossier_memo_page_show_toast (self, toast);
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
  _dossier_memo_page_show_toast (self, toast);

  g_task_return_boolean (task, TRUE);
}

/**
 * dossier_memo_page_export_to_file:
 * @file: where to write the PDF, DOCX or ODT (by its extension; PDF
 *   for any other name)
 * @paper: the paper size
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the file is written
 * @user_data: data for @callback
 *
 * Exports the memo as it stands to @file in a worker thread, with a
 * toast ("Exported …" with an Open button, or the error) and, for a
 * PDF, the progress bar, as Export does once a file is chosen.
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
  {
    g_autofree char *basename = g_file_get_basename (file);
    DossierExportFormat format = DOSSIER_EXPORT_FORMAT_PDF;

    if (basename != NULL && dossier_export_format_for_path (basename, &format) &&
        format != DOSSIER_EXPORT_FORMAT_PDF)
      {
        /* Word and OpenDocument files take milliseconds: no progress. */
        dossier_office_exporter_set_format (self->office_exporter, format);
        dossier_office_exporter_set_paper (self->office_exporter, paper);
        dossier_office_exporter_set_justify (self->office_exporter, self->justify);
        dossier_office_exporter_export_async (self->office_exporter, document, file, cancellable,
                                              export_done_cb, task);
        return;
      }
  }
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
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);   /* borrowed */
      g_autoptr(GFile) parent = file ? g_file_get_parent (file) : NULL;
      g_autofree char *basename = file ? g_file_get_basename (file) : NULL;
      DossierExportFormat suggested = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "dossier-format"));
      DossierExportFormat chosen = suggested;
      DossierExportFormat format;

      if (filter != NULL)
        chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "dossier-format"));

      /* The name may lack the filter's extension, or still carry the
       * suggested one after another filter was chosen. */
      if (basename != NULL && parent != NULL)
        {
          g_autofree char *name = dossier_export_format_choose_name (basename, suggested, chosen, &format);

          g_set_object (&file, g_file_get_child (parent, name));
          self->export_format = format;
          dossier_memo_page_export_to_file (self, file, self->paper, NULL, NULL, NULL);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
add_format_filter (GtkFileChooser      *chooser,
                   DossierExportFormat  format,
                   const char          *name,
                   gboolean             current)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, dossier_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, dossier_export_format_get_extension (format) + 1);
  g_object_set_data (G_OBJECT (filter), "dossier-format", GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  if (current)
    gtk_file_chooser_set_filter (chooser, filter);
}

/* One chooser for the three formats: the filter chosen (or the
 * extension typed) decides, and the last format is offered again. */
static void
choose_export_file (DossierMemoPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  DossierExportFormat format = self->export_format;
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) suggested = dossier_memo_page_suggest_file (self, dossier_export_format_get_extension (format));
  g_autoptr(GFile) folder = g_file_get_parent (suggested);
  g_autofree char *name = g_file_get_basename (suggested);

  chooser = gtk_file_chooser_native_new (_("Export Memo"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "dossier-format", GINT_TO_POINTER (format));
  add_format_filter (GTK_FILE_CHOOSER (chooser), DOSSIER_EXPORT_FORMAT_PDF, _("PDF Document (.pdf)"),
                     format == DOSSIER_EXPORT_FORMAT_PDF);
  add_format_filter (GTK_FILE_CHOOSER (chooser), DOSSIER_EXPORT_FORMAT_DOCX, _("Word Document (.docx)"),
                     format == DOSSIER_EXPORT_FORMAT_DOCX);
  add_format_filter (GTK_FILE_CHOOSER (chooser), DOSSIER_EXPORT_FORMAT_ODT, _("OpenDocument Text (.odt)"),
                     format == DOSSIER_EXPORT_FORMAT_ODT);
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
      _dossier_memo_page_show_toast (self, toast);
    }
}

static void
run_print_dialog (DossierMemoPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
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
      _dossier_memo_page_show_toast (self, toast);
    }
}


/* ---- The check before Export and Print ---------------------------------- */

/* What would embarrass the writer on paper: a template's placeholder or
 * an empty To, From or Subject, a source that names only an author and a
 * title, a quotation without the portion mark the rest of the memo has. */
static gboolean
is_unfinished (DossierMemoIssue *issue)
{
  switch (dossier_memo_issue_get_kind (issue))
    {
    case DOSSIER_MEMO_ISSUE_PLACEHOLDER:
    case DOSSIER_MEMO_ISSUE_THIN_SOURCE:
    case DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * dossier_memo_page_dup_unfinished:
 *
 * Checks the memo now and lists what Export and Print ask about first.
 *
 * Returns: (transfer full): a #GListModel of #DossierMemoIssue, perhaps empty
 */
GListModel *
dossier_memo_page_dup_unfinished (DossierMemoPage *self)
{
  GListStore *unfinished;

  g_return_val_if_fail (DOSSIER_IS_MEMO_PAGE (self), NULL);

  unfinished = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  dossier_memo_page_refresh (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->issues)); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->issues), i);

      if (is_unfinished (issue))
        g_list_store_append (unfinished, issue);
    }
  return G_LIST_MODEL (unfinished);
}

#define MAX_LISTED 6

static void
unfinished_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DossierMemoPage  *self)
{
  GListModel *unfinished = g_object_get_data (G_OBJECT (dialog), "dossier-unfinished");
  gboolean print = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "dossier-print"));

  if (g_str_equal (response, "anyway"))
    {
      if (print)
        run_print_dialog (self);
      else
        choose_export_file (self);
    }
  else if (g_str_equal (response, "show") && g_list_model_get_n_items (unfinished) > 0)
    {
      g_autoptr(DossierMemoIssue) first = g_list_model_get_item (unfinished, 0);

      _dossier_memo_page_go_to_issue (self, first);
    }
}

/* Export and Print go ahead at once on a finished memo; otherwise they
 * say what is unfinished, in the check's words, and offer to go there. */
static void
check_then (DossierMemoPage *self,
            gboolean         print)
{
  g_autoptr(GListModel) unfinished = dossier_memo_page_dup_unfinished (self);
  guint n = g_list_model_get_n_items (unfinished);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (n == 0)
    {
      if (print)
        run_print_dialog (self);
      else
        choose_export_file (self);
      return;
    }

  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (unfinished, i);
      const char *message = dossier_memo_issue_get_message (issue);
      gunichar first = g_utf8_get_char (message);
      char upper[8] = { 0 };

      /* The check's messages start in lower case, for the command line. */
      g_unichar_to_utf8 (g_unichar_totitle (first), upper);
      g_string_append_printf (body, "%s• %s%s", i > 0 ? "\n" : "", upper, g_utf8_next_char (message));
    }
  if (n > MAX_LISTED)
    {
      g_string_append_c (body, '\n');
      /* TRANSLATORS: after a list of the memo's unfinished places */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more, in the Check list",
                                                 "…and %u more, in the Check list", n - MAX_LISTED),
                              n - MAX_LISTED);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       print ? _("Print an Unfinished Memo?")
                                                             : _("Export an Unfinished Memo?"),
                                                       NULL));
  adw_message_dialog_set_body (dialog, _("These would print as they are:"));
  {
    /* A list reads from the left; the messages quote the memo: plain
     * text, never markup. */
    GtkWidget *list = gtk_label_new (body->str);

    gtk_label_set_xalign (GTK_LABEL (list), 0);
    gtk_label_set_wrap (GTK_LABEL (list), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (list), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_selectable (GTK_LABEL (list), TRUE);
    adw_message_dialog_set_extra_child (dialog, list);
  }
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "show", _("_Show First"),
                                    "anyway", print ? _("_Print Anyway") : _("_Export Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "show");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "dossier-unfinished", g_steal_pointer (&unfinished), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "dossier-print", GINT_TO_POINTER (print));
  g_signal_connect_object (dialog, "response", G_CALLBACK (unfinished_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  check_then (DOSSIER_MEMO_PAGE (widget), FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  check_then (DOSSIER_MEMO_PAGE (widget), TRUE);
}

void
_dossier_memo_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "memo.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "memo.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "memo.open-uri", "s", open_uri_action);

  /* Shift: Ctrl+E is Edit Details in the reader. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "memo.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "memo.print", NULL);
}
