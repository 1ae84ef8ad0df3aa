/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-zip-writer"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <zip.h>

#include "dossier-zip-writer.h"

/**
 * DossierZipWriter:
 *
 * The ZIP container of a DOCX or ODT file, made in memory with libzip:
 * entries in the order they are added, each stored or deflated, with no
 * extra fields and no data descriptors. ODF asks exactly that of its
 * first entry, `mimetype` (stored, no extra field), so that the type can
 * be read at a fixed offset; libarchive, the other maintained choice,
 * always writes extra fields.
 *
 * Errors of adding are kept and reported by dossier_zip_writer_finish().
 */
struct _DossierZipWriter
{
  zip_source_t *buffer;     /* where the archive is written */
  zip_t *archive;
  GPtrArray *contents;      /* GBytes: libzip reads them at zip_close() */
  char *error;              /* the first failure */
};

DossierZipWriter *
dossier_zip_writer_new (void)
{
  DossierZipWriter *self = g_new0 (DossierZipWriter, 1);
  zip_error_t error;

  self->contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  zip_error_init (&error);
  self->buffer = zip_source_buffer_create (NULL, 0, 0, &error);
  if (self->buffer != NULL)
    {
      /* Kept past zip_close(), which would free it, to read it back. */
      zip_source_keep (self->buffer);
      self->archive = zip_open_from_source (self->buffer, ZIP_CREATE | ZIP_TRUNCATE, &error);
    }
  if (self->archive == NULL)
    self->error = g_strdup (zip_error_strerror (&error));
  zip_error_fini (&error);

  return self;
}

void
dossier_zip_writer_free (DossierZipWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->archive, zip_discard);
  g_clear_pointer (&self->buffer, zip_source_free);
  g_ptr_array_unref (self->contents);
  g_free (self->error);
  g_free (self);
}

/**
 * dossier_zip_writer_add:
 * @self: a ZIP writer
 * @name: the entry's path in the archive
 * @contents: its bytes (referenced until the archive is finished)
 * @compress: deflate it, or store it as it is
 */
void
dossier_zip_writer_add (DossierZipWriter *self,
                        const char       *name,
                        GBytes           *contents,
                        gboolean          compress)
{
  zip_source_t *source;
  zip_int64_t index;
  gsize size;
  gconstpointer data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (contents != NULL);

  if (self->error != NULL)
    return;

  data = g_bytes_get_data (contents, &size);
  g_ptr_array_add (self->contents, g_bytes_ref (contents));
  source = zip_source_buffer (self->archive, data, size, 0);
  if (source == NULL)
    {
      self->error = g_strdup (zip_strerror (self->archive));
      return;
    }
  index = zip_file_add (self->archive, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      self->error = g_strdup (zip_strerror (self->archive));
      return;
    }
  /* An ordinary file to unzip (rw-r--r--), not libzip's rw-rw-rw-. */
  if (zip_set_file_compression (self->archive, index, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0 ||
      zip_file_set_external_attributes (self->archive, index, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
    self->error = g_strdup (zip_strerror (self->archive));
}

/**
 * dossier_zip_writer_finish:
 * @self: a ZIP writer
 * @error: return location for an error
 *
 * Writes the archive. No entry can be added afterwards.
 *
 * Returns: (transfer full): the archive's bytes, or %NULL on an error
 */
GBytes *
dossier_zip_writer_finish (DossierZipWriter  *self,
                           GError           **error)
{
  g_autofree char *data = NULL;
  zip_int64_t size = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->archive != NULL || self->error != NULL, NULL);

  if (self->error == NULL && zip_close (self->archive) < 0)
    self->error = g_strdup (zip_strerror (self->archive));
  else if (self->error == NULL)
    self->archive = NULL;   /* closed and freed */

  if (self->error == NULL)
    {
      if (zip_source_open (self->buffer) < 0 ||
          zip_source_seek (self->buffer, 0, SEEK_END) < 0 ||
          (size = zip_source_tell (self->buffer)) < 0 ||
          zip_source_seek (self->buffer, 0, SEEK_SET) < 0)
        self->error = g_strdup (zip_error_strerror (zip_source_error (self->buffer)));
      else
        {
          data = g_malloc (MAX (size, 1));
          if (zip_source_read (self->buffer, data, size) != size)
            self->error = g_strdup (zip_error_strerror (zip_source_error (self->buffer)));
          zip_source_close (self->buffer);
        }
    }

  if (self->error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: %s is libzip's own message */
                   _("Could not make the ZIP container: %s"), self->error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), size);
}
