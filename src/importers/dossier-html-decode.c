/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-html-importer.h"
#include "dossier-html-private.h"
#include "dossier-import.h"
#include "dossier-jsonld.h"
#include "dossier-text-decode.h"
#include "dossier-text-importer.h"

/* Bytes to UTF-8 for the HTML importer: charsets, and pages saved as MHTML. */

/* ---- decoding --------------------------------------------------------- */

/* <meta charset="…"> or <meta http-equiv content="…; charset=…"> near the top. */
static char *
sniff_meta_charset (const char *data,
                    gsize       length)
{
  gsize limit = MIN (length, 32 * 1024);
  g_autofree char *head = g_ascii_strdown (data, limit);
  const char *p = head;
  const char *end = head + strlen (head);

  while ((p = strstr (p, "charset")) != NULL)
    {
      const char *tag = g_strrstr_len (head, p - head, "<");
      const char *q = p + strlen ("charset");
      GString *name;

      p = q;
      if (tag == NULL || !g_str_has_prefix (tag, "<meta") || p - tag > 512)
        continue;

      while (q < end && (*q == ' ' || *q == '\t'))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && (*q == ' ' || *q == '"' || *q == '\''))
        q++;

      name = g_string_new (NULL);
      while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == ':' || *q == '.') &&
             name->len < 40)
        g_string_append_c (name, *q++);

      if (name->len > 0)
        return g_string_free (name, FALSE);
      g_string_free (name, TRUE);
    }

  return NULL;
}

static gboolean
is_latin1_family (const char *charset)
{
  static const char * const names[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "latin-1", "l1", "us-ascii", "ascii", "iso-8859-15", "iso8859-15", "ansi_x3.4-1968", NULL
  };

  return g_strv_contains (names, charset);
}

/**
 * dossier_html_decode:
 * @data: the page as downloaded or saved (untrusted)
 * @charset: (nullable): the charset from the HTTP Content-Type, which wins
 *   over the page's own declaration
 *
 * Decodes a page to UTF-8. A byte order mark wins; otherwise the HTTP or
 * `<meta>` charset is used, except that text which is valid UTF-8 with
 * non-ASCII in it is read as UTF-8 whatever it claims (pages saved by a
 * browser keep their original declaration), and Latin-1 is read as its
 * superset Windows-1252, as browsers do.
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with @error set
 */
char *
dossier_html_decode (const char  *data,
                     gsize        length,
                     const char  *charset,
                     GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *converted = NULL;

  if (length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE || (guchar)data[0] == 0xEF))
    return dossier_decode_text (data, length, error);

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY,
                           _("The file is not a web page (it contains binary data)"));
      return NULL;
    }

  declared = charset != NULL ? g_ascii_strdown (charset, -1) : sniff_meta_charset (data, length);
  if (declared != NULL)
    g_strstrip (declared);

  if (declared == NULL || *declared == '\0' || g_str_equal (declared, "utf-8") ||
      g_str_equal (declared, "utf8") || is_latin1_family (declared) ||
      g_utf8_validate (data, length, NULL))
    return dossier_decode_text (data, length, error);

  /* EUC-KR, Shift_JIS, KOI8-R …: trust the declaration if iconv knows it. */
  if (g_str_equal (declared, "euc-kr") || g_str_equal (declared, "ks_c_5601-1987"))
    {
      g_free (declared);
      declared = g_strdup ("CP949");
    }
  converted = g_convert (data, length, "UTF-8", declared, NULL, NULL, NULL);
  if (converted != NULL)
    return dossier_decode_text (converted, strlen (converted), error);

  return dossier_decode_text (data, length, error);
}

/* ---- MHTML ("Webpage, Single File") --------------------------------------- */

static const char *
find_header (const char *headers,
             gsize       length,
             const char *name)
{
  gsize n = strlen (name);

  for (const char *p = headers; p + n < headers + length; p++)
    if ((p == headers || p[-1] == '\n') && g_ascii_strncasecmp (p, name, n) == 0)
      return p + n;

  return NULL;
}

/* The value of a header line, up to the end of the line, with folded
 * continuation lines joined. */
static char *
header_value (const char *headers,
              gsize       length,
              const char *name)
{
  const char *start = find_header (headers, length, name);
  const char *end = headers + length;
  GString *value;

  if (start == NULL)
    return NULL;

  value = g_string_new (NULL);
  for (const char *p = start; p < end && value->len < 2048; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          if (p + 1 < end && (p[1] == ' ' || p[1] == '\t'))
            continue;
          break;
        }
      g_string_append_c (value, *p);
    }

  g_strstrip (value->str);
  value->len = strlen (value->str);
  return g_string_free (value, FALSE);
}

/* A parameter of a header value: boundary="…", charset=… */
static char *
header_parameter (const char *value,
                  const char *name)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);
  g_autofree char *key = g_strconcat (name, "=", NULL);
  const char *p = strstr (lower, key);
  const char *q;
  GString *out;

  if (p == NULL)
    return NULL;

  q = value + (p - lower) + strlen (key);
  out = g_string_new (NULL);
  if (*q == '"')
    {
      q++;
      while (*q != '\0' && *q != '"')
        g_string_append_c (out, *q++);
    }
  else
    while (*q != '\0' && *q != ';' && !g_ascii_isspace (*q))
      g_string_append_c (out, *q++);

  return g_string_free (out, FALSE);
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       length)
{
  GByteArray *out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c == '=' && i + 1 < length && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* A soft line break. */
          i++;
          if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '=' && i + 2 < length && g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
        {
          c = g_ascii_xdigit_value (data[i + 1]) * 16 + g_ascii_xdigit_value (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }

  return g_byte_array_free_to_bytes (out);
}

/**
 * dossier_html_unwrap_mhtml:
 *
 * Chrome's "Webpage, Single File" (.mhtml) is a MIME message whose first
 * text/html part is the page, usually quoted-printable, with the page's
 * address in Content-Location. Returns %NULL when @data is not MHTML.
 */
GBytes *
dossier_html_unwrap_mhtml (const char  *data,
                           gsize        length,
                           char       **charset,
                           char       **location)
{
  gsize head_length = MIN (length, 16 * 1024);
  g_autofree char *content_type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  const char *p;
  const char *end = data + length;

  {
    static const char * const openings[] = {
      "From:", "MIME-Version:", "Content-Type:", "Snapshot-Content-Location:", "Subject:", "Date:", NULL
    };
    gboolean mime = FALSE;

    /* @data ends at @length, with no NUL after it (a download): compare no further. */
    for (guint i = 0; openings[i] != NULL && !mime; i++)
      mime = length >= strlen (openings[i]) && g_ascii_strncasecmp (data, openings[i], strlen (openings[i])) == 0;
    if (!mime)
      return NULL;
  }

  content_type = header_value (data, head_length, "Content-Type:");
  if (content_type == NULL || strstr (content_type, "multipart/") == NULL)
    return NULL;
  boundary = header_parameter (content_type, "boundary");
  if (boundary == NULL || *boundary == '\0')
    return NULL;

  delimiter = g_strconcat ("--", boundary, NULL);
  p = data;
  while ((p = g_strstr_len (p, end - p, delimiter)) != NULL)
    {
      const char *part = p + strlen (delimiter);
      const char *body, *next;
      g_autofree char *type = NULL;
      g_autofree char *encoding = NULL;
      gsize headers_length;

      if (part + 2 <= end && part[0] == '-' && part[1] == '-')
        break;   /* the closing delimiter */

      body = g_strstr_len (part, MIN ((gsize)(end - part), 16 * 1024), "\n\r\n");
      if (body == NULL)
        body = g_strstr_len (part, MIN ((gsize)(end - part), 16 * 1024), "\n\n");
      if (body == NULL)
        return NULL;
      headers_length = body - part;
      body += body[1] == '\r' ? 3 : 2;

      next = g_strstr_len (body, end - body, delimiter);
      if (next == NULL)
        next = end;

      type = header_value (part, headers_length, "Content-Type:");
      if (type != NULL && g_ascii_strncasecmp (type, "text/html", 9) == 0)
        {
          encoding = header_value (part, headers_length, "Content-Transfer-Encoding:");
          *charset = header_parameter (type, "charset");
          *location = header_value (part, headers_length, "Content-Location:");

          if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
            return decode_quoted_printable (body, next - body);
          if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
            {
              g_autofree char *copy = g_strndup (body, next - body);
              gsize decoded_length;
              guchar *decoded = g_base64_decode_inplace (copy, &decoded_length);

              return g_bytes_new (decoded, decoded_length);
            }
          return g_bytes_new (body, next - body);
        }

      p = next;
    }

  return NULL;
}

/* Chrome marks pages it saved: <!-- saved from url=(0042)https://… --> */
char *
dossier_html_saved_from_url (const char *text)
{
  const char *p = g_strstr_len (text, MIN (strlen (text), 2048), "saved from url=(");
  const char *start, *q;

  if (p == NULL || (start = strchr (p, ')')) == NULL)
    return NULL;

  start++;
  for (q = start; *q != '\0' && !g_ascii_isspace (*q) && !(q[0] == '-' && q[1] == '-') && q - start < 2048; q++)
    ;
  if (!g_str_has_prefix (start, "http://") && !g_str_has_prefix (start, "https://"))
    return NULL;

  return g_strndup (start, q - start);
}
