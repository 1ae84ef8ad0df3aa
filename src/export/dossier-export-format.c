/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-format"

#include "config.h"

#include <string.h>

#include "dossier-export-format.h"

static const struct {
  DossierExportFormat format;
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  { DOSSIER_EXPORT_FORMAT_PDF, "pdf", ".pdf", "application/pdf" },
  { DOSSIER_EXPORT_FORMAT_DOCX, "docx", ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { DOSSIER_EXPORT_FORMAT_ODT, "odt", ".odt", "application/vnd.oasis.opendocument.text" },
};

GType
dossier_export_format_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { DOSSIER_EXPORT_FORMAT_PDF, "DOSSIER_EXPORT_FORMAT_PDF", "pdf" },
        { DOSSIER_EXPORT_FORMAT_DOCX, "DOSSIER_EXPORT_FORMAT_DOCX", "docx" },
        { DOSSIER_EXPORT_FORMAT_ODT, "DOSSIER_EXPORT_FORMAT_ODT", "odt" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static ("DossierExportFormat", values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/**
 * dossier_export_format_from_string:
 * @name: "pdf", "docx" or "odt", in any case
 * @format: (out): where to store the format
 *
 * Returns: %TRUE if @name names a format
 */
gboolean
dossier_export_format_from_string (const char          *name,
                                   DossierExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * dossier_export_format_for_path:
 * @path: a file name or path
 * @format: (out): where to store the format
 *
 * The format a file name asks for by its extension (".pdf", ".DOCX", ".odt").
 *
 * Returns: %TRUE if the extension is one of the formats'
 */
gboolean
dossier_export_format_for_path (const char          *path,
                                DossierExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL)
    return FALSE;
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), "pdf");
  return formats[format].name;
}

/**
 * dossier_export_format_get_extension:
 * @format: a format
 *
 * Returns: the file name extension with its dot (".docx")
 */
const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), ".pdf");
  return formats[format].extension;
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), "application/pdf");
  return formats[format].mime_type;
}

/**
 * dossier_export_format_choose_name:
 * @basename: the file name given in a file chooser
 * @suggested: the format whose extension the suggested name had
 * @chosen: the format of the chooser's filter when it was accepted
 * @format: (out): the format to write
 *
 * Which format a file chooser's answer asks for, and the name to write.
 * An extension the user typed wins ("brief.odt" under the PDF filter is
 * an ODT); a name still ending in the suggested extension follows the
 * filter, since choosing "Word" and keeping "Memo.pdf" means a Word file
 * (GTK's chooser does not rename on a change of filter); a name without
 * a known extension gets the filter's.
 *
 * Returns: (transfer full): the file name to write
 */
char *
dossier_export_format_choose_name (const char          *basename,
                                   DossierExportFormat  suggested,
                                   DossierExportFormat  chosen,
                                   DossierExportFormat *format)
{
  DossierExportFormat named;

  g_return_val_if_fail (basename != NULL, NULL);
  g_return_val_if_fail (suggested < G_N_ELEMENTS (formats), NULL);
  g_return_val_if_fail (chosen < G_N_ELEMENTS (formats), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  *format = chosen;
  if (!dossier_export_format_for_path (basename, &named))
    return g_strconcat (basename, formats[chosen].extension, NULL);
  if (named != suggested || named == chosen)
    {
      *format = named;
      return g_strdup (basename);
    }
  {
    g_autofree char *stem = g_strndup (basename, strlen (basename) - strlen (formats[named].extension));

    return g_strconcat (stem, formats[chosen].extension, NULL);
  }
}
