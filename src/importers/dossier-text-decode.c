/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-import.h"
#include "dossier-text-decode.h"

/* Windows-1252 differs from Latin-1 only in 0x80–0x9F; five of those bytes
 * are unassigned and become U+FFFD rather than failing the whole file. We
 * keep our own table instead of iconv so the result does not depend on
 * which gconv modules a runtime ships. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static char *
decode_windows_1252 (const guchar *data,
                     gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar byte = data[i];

      if (byte < 0x80)
        g_string_append_c (out, byte);
      else if (byte < 0xA0)
        g_string_append_unichar (out, cp1252_high[byte - 0x80]);
      else
        g_string_append_unichar (out, byte);
    }

  return g_string_free (out, FALSE);
}

static char *
decode_utf16 (const char  *data,
              gsize        length,
              const char  *charset,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert (data, length, "UTF-8", charset, NULL, NULL, &local_error);

  if (text == NULL)
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                 _("The file says it is UTF-16 but is not: %s"), local_error->message);

  return text;
}

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }

  /* A stray control character happens in pasted text; many do not. */
  return controls > 8 && controls * 100 > length;
}

static void
normalise_line_endings (char *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    {
      if (in[0] == '\r')
        {
          *out++ = '\n';
          if (in[1] == '\n')
            in++;
        }
      else
        *out++ = *in;
    }

  *out = '\0';
}

/**
 * dossier_decode_text:
 * @data: raw bytes of a text file (untrusted)
 * @length: their number
 *
 * Turns the bytes into UTF-8 with LF line endings: UTF-8 with or without a
 * byte order mark, UTF-16 with one, and otherwise Windows-1252, which is
 * what text pasted out of Word is when it is not UTF-8.
 *
 * Returns: (transfer full): the text, or %NULL with @error set for empty or
 *   binary data
 */
char *
dossier_decode_text (const char  *data,
                     gsize        length,
                     GError     **error)
{
  char *text;

  if (length >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    text = decode_utf16 (data + 2, length - 2, "UTF-16LE", error);
  else if (length >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    text = decode_utf16 (data + 2, length - 2, "UTF-16BE", error);
  else
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          length -= 3;
        }

      if (looks_binary (data, length))
        {
          g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY,
                               _("The file is not text (it contains binary data)"));
          return NULL;
        }

      if (g_utf8_validate_len (data, length, NULL))
        text = g_strndup (data, length);
      else
        text = decode_windows_1252 ((const guchar *)data, length);
    }

  if (text == NULL)
    return NULL;

  if (strlen (text) == 0 || looks_binary (text, strlen (text)))
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY,
                           _("The file is not text (it contains binary data)"));
      g_free (text);
      return NULL;
    }

  normalise_line_endings (text);
  return text;
}
