/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-import.h"
#include "dossier-pdf-importer.h"
#include "dossier-pdf-private.h"
#include "dossier-text-importer.h"

/*
 * PDF reports (CRS and GAO reports, think-tank briefs, articles printed
 * from a browser) read with Poppler's text layer into the same
 * DossierDocument as the other importers:
 *
 *   dossier-pdf-page.c      a page's characters, boxes and fonts → lines
 *   dossier-pdf-furniture.c running heads and feet, page numbers, covers
 *                           and contents pages, page labels
 *   dossier-pdf-layout.c    columns and reading order, lines → blocks
 *   dossier-pdf-notes.c     footnotes at the foot of pages, endnotes
 *   dossier-pdf-metadata.c  title, subtitle, authors, date, publisher
 *   dossier-pdf-text.c      blocks → paragraphs, notes linked to markers
 *
 * Every paragraph records the page it starts on (and where later pages
 * begin inside it), so citations can give page numbers.
 *
 * Poppler runs no JavaScript and follows no actions by itself; the
 * importer reads only the text and the web addresses of link annotations.
 */

gboolean
dossier_pdf_is_pdf (const char *data,
                    gsize       length)
{
  gsize n = MIN (length, 1024);

  /* Readers accept the header anywhere in the first kilobyte. */
  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;

  return FALSE;
}

/* A complete PDF ends with "%%EOF" (and perhaps a line end); one that
 * does not was cut short, and Poppler would read what it could of it
 * without a word. */
static gboolean
ends_complete (const char *data,
               gsize       length)
{
  gsize tail = MIN (length, 1024);
  const char *start = data + length - tail;

  for (const char *p = data + length - 5; p >= start; p--)
    if (memcmp (p, "%%EOF", 5) == 0)
      return TRUE;

  return FALSE;
}

static void
import_clear (PdfImport *self)
{
  g_clear_object (&self->doc);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  g_clear_pointer (&self->font_ids, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_words, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfImport, import_clear)

static void
import_init (PdfImport *self)
{
  self->pages = g_ptr_array_new_with_free_func (dossier_pdf_page_free);
  self->fonts = g_ptr_array_new_with_free_func (g_free);
  self->font_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->blocks = g_ptr_array_new_with_free_func (dossier_pdf_block_free);
  self->notes = g_ptr_array_new_with_free_func (dossier_pdf_note_free);
  self->authors = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
open_document (PdfImport  *self,
               GBytes     *bytes,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL || !dossier_pdf_is_pdf (data, length))
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_UNSUPPORTED,
                           _("This is not a PDF file (it does not start with “%PDF-”)"));
      return FALSE;
    }

  if (!ends_complete (data, length))
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED,
                           _("The PDF is incomplete: the file was cut short"));
      return FALSE;
    }

  self->doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (self->doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PASSWORD,
                             _("The PDF is password-protected; Dossier cannot read it"));
      else
        g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED,
                             _("The PDF is damaged and cannot be read"));
      return FALSE;
    }

  self->n_pages = MAX (poppler_document_get_n_pages (self->doc), 0);
  if (self->n_pages == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED,
                           _("The PDF has no pages"));
      return FALSE;
    }
  if (self->n_pages > DOSSIER_PDF_MAX_PAGES)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("The PDF has %u pages; Dossier imports PDFs of up to %u pages"),
                   self->n_pages, (guint) DOSSIER_PDF_MAX_PAGES);
      return FALSE;
    }

  return TRUE;
}

/* Whether the first pages show pictures: a document without any text is
 * then a scan. */
static gboolean
has_images (PdfImport *self)
{
  for (guint p = 0; p < self->n_pages && p < 3; p++)
    {
      /* PopplerPage has no autoptr before poppler 23. */
      PopplerPage *page = poppler_document_get_page (self->doc, p);
      GList *images;
      gboolean any;

      if (page == NULL)
        continue;
      images = poppler_page_get_image_mapping (page);
      any = images != NULL;
      poppler_page_free_image_mapping (images);
      g_object_unref (page);
      if (any)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_pages (PdfImport                  *self,
            DossierImportProgressFunc   progress,
            gpointer                    progress_data,
            GError                    **error)
{
  guint n_lines = 0;

  for (guint p = 0; p < self->n_pages; p++)
    {
      PopplerPage *poppler_page;
      PdfPage *page;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      poppler_page = poppler_document_get_page (self->doc, p);
      if (poppler_page == NULL)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_DAMAGED,
                       _("The PDF is damaged: page %u cannot be read"), p + 1);
          return FALSE;
        }
      page = dossier_pdf_read_page (self, poppler_page, p);
      g_object_unref (poppler_page);
      g_ptr_array_add (self->pages, page);
      n_lines += page->lines->len;

      if (progress != NULL)
        progress (p + 1, self->n_pages, progress_data);
    }

  if (n_lines == 0)
    {
      if (has_images (self))
        g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                             _("The PDF has no text to import (it is a scanned image)"));
      else
        g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                             _("The PDF has no text to import"));
      return FALSE;
    }

  return TRUE;
}

/* Note numbers as printed when each is used once; numbering that starts
 * again (per page or chapter) is made continuous. */
static void
number_notes (PdfImport *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean unique = TRUE;

  for (guint i = 0; i < self->notes->len && unique; i++)
    {
      PdfNote *note = g_ptr_array_index (self->notes, i);

      unique = g_hash_table_add (seen, GUINT_TO_POINTER (note->number));
    }

  for (guint i = 0; i < self->notes->len; i++)
    {
      PdfNote *note = g_ptr_array_index (self->notes, i);

      note->model_number = unique ? note->number : i + 1;
    }
}

static DossierDocument *
make_document (PdfImport  *self,
               GError    **error)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();

  if (self->title == NULL)
    self->title = dossier_title_from_file_name (self->name_hint);
  dossier_document_set_title (document, self->title);
  dossier_document_set_subtitle (document, self->subtitle);
  dossier_document_set_publisher (document, self->publisher);
  if (self->published != NULL)
    dossier_document_set_published (document, self->published);
  dossier_document_set_source_url (document, self->source_url);
  for (guint i = 0; i < self->authors->len; i++)
    dossier_document_add_author (document, g_ptr_array_index (self->authors, i));

  dossier_pdf_find_word_breaks (self);
  dossier_pdf_build_paragraphs (self, document);

  for (guint i = 0; i < self->notes->len; i++)
    {
      PdfNote *note = g_ptr_array_index (self->notes, i);
      g_autoptr(DossierFootnote) footnote = NULL;

      if (note->text->len == 0)
        continue;
      footnote = dossier_footnote_new (note->model_number, note->text->str);
      g_ptr_array_add (note->urls, NULL);
      dossier_footnote_set_urls (footnote, (const char * const *) note->urls->pdata);
      g_ptr_array_set_size (note->urls, note->urls->len - 1);
      dossier_document_add_footnote (document, footnote);
    }

  if (g_list_model_get_n_items (dossier_document_get_paragraphs (document)) == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The PDF holds no article text"));
      return NULL;
    }

  return g_steal_pointer (&document);
}

/**
 * dossier_pdf_importer_import:
 * @bytes: the PDF (untrusted)
 * @name_hint: (nullable): its file name, the title of last resort
 * @cancellable: (nullable): stops the import between pages
 * @progress: (nullable) (scope call): called after each page
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DossierDocument *
dossier_pdf_importer_import (GBytes                     *bytes,
                             const char                 *name_hint,
                             GCancellable               *cancellable,
                             DossierImportProgressFunc   progress,
                             gpointer                    progress_data,
                             GError                    **error)
{
  g_auto(PdfImport) self = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);

  import_init (&self);
  self.cancellable = cancellable;
  self.name_hint = name_hint;

  if (!open_document (&self, bytes, error) ||
      !read_pages (&self, progress, progress_data, error))
    return NULL;

  /* Reading the pages is only part of a long PDF's import: Cancel is
   * honoured between the steps after it too (and between pages while
   * they are laid out), not only at the end. */
  dossier_pdf_measure_body (&self);
  dossier_pdf_find_furniture (&self);
  dossier_pdf_find_page_labels (&self);
  dossier_pdf_count_words (&self);
  for (guint p = 0; p < self.pages->len; p++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      dossier_pdf_lay_out_page (&self, g_ptr_array_index (self.pages, p));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dossier_pdf_find_footnotes (&self);
  dossier_pdf_read_metadata (&self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dossier_pdf_build_blocks (&self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dossier_pdf_find_endnotes (&self);
  number_notes (&self);

  return make_document (&self, error);
}
