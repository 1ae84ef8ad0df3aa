/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-office-xml"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "memo/dossier-memo-language.h"
#include "dossier-office-xml.h"

/* XML parts ----------------------------------------------------------- */

struct _DossierXml
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean failed;          /* a writer call failed (out of memory) */
};

DossierXml *
dossier_xml_new (void)
{
  DossierXml *self = g_new0 (DossierXml, 1);

  self->buffer = xmlBufferCreate ();
  self->writer = self->buffer != NULL ? xmlNewTextWriterMemory (self->buffer, 0) : NULL;
  if (self->writer == NULL ||
      xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", "yes") < 0)
    self->failed = TRUE;
  return self;
}

void
dossier_xml_free (DossierXml *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_pointer (&self->buffer, xmlBufferFree);
  g_free (self);
}

static void
check (DossierXml *self,
       int         status)
{
  if (status < 0)
    self->failed = TRUE;
}

void
dossier_xml_start (DossierXml *self,
                   const char *name)
{
  if (!self->failed)
    check (self, xmlTextWriterStartElement (self->writer, BAD_CAST name));
}

/* @value must be text XML can hold: see dossier_office_clean_text(). */
void
dossier_xml_attr (DossierXml *self,
                  const char *name,
                  const char *value)
{
  if (!self->failed)
    check (self, xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value));
}

void
dossier_xml_attr_printf (DossierXml *self,
                         const char *name,
                         const char *format,
                         ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  dossier_xml_attr (self, name, value);
}

void
dossier_xml_end (DossierXml *self)
{
  if (!self->failed)
    check (self, xmlTextWriterEndElement (self->writer));
}

/* <name attr="value"/>, or <name/> when @attr is %NULL. */
void
dossier_xml_empty (DossierXml *self,
                   const char *name,
                   const char *attr,
                   const char *value)
{
  dossier_xml_start (self, name);
  if (attr != NULL)
    dossier_xml_attr (self, attr, value);
  dossier_xml_end (self);
}

/* @text must be text XML can hold: see dossier_office_clean_text(). */
void
dossier_xml_text (DossierXml *self,
                  const char *text,
                  gsize       length)
{
  if (self->failed || length == 0)
    return;

  /* xmlTextWriterWriteString() escapes <, > and &, and wants a
   * terminated string. */
  if (text[length] == '\0')
    check (self, xmlTextWriterWriteString (self->writer, BAD_CAST text));
  else
    {
      g_autofree char *copy = g_strndup (text, length);

      check (self, xmlTextWriterWriteString (self->writer, BAD_CAST copy));
    }
}

/* <name>text</name> */
void
dossier_xml_element (DossierXml *self,
                     const char *name,
                     const char *text)
{
  dossier_xml_start (self, name);
  dossier_xml_text (self, text, strlen (text));
  dossier_xml_end (self);
}

/* <name attr="value" …>, the attributes and values in pairs, then %NULL. */
void
dossier_xml_start_with (DossierXml *self,
                        const char *name,
                        const char *attr,
                        ...)
{
  va_list args;

  dossier_xml_start (self, name);
  va_start (args, attr);
  for (; attr != NULL; attr = va_arg (args, const char *))
    dossier_xml_attr (self, attr, va_arg (args, const char *));
  va_end (args);
}

/* <name>value</name> for a document property (title, author…) the user
 * typed: cleaned, and nothing when it is empty. */
void
dossier_xml_property (DossierXml *self,
                      const char *name,
                      const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || *value == '\0')
    return;
  clean = dossier_office_clean_text (value, -1);
  dossier_xml_element (self, name, clean);
}

/**
 * dossier_xml_finish:
 * @self: an XML part
 * @part: its name in the package, for an error message
 * @error: return location for an error
 *
 * Closes the elements still open and returns the part.
 *
 * Returns: (transfer full): the part's bytes, %NULL on an error
 */
GBytes *
dossier_xml_finish (DossierXml  *self,
                    const char  *part,
                    GError     **error)
{
  if (!self->failed)
    check (self, xmlTextWriterEndDocument (self->writer));
  if (!self->failed)
    check (self, xmlTextWriterFlush (self->writer));
  if (self->failed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: %s is a part of the document file, such as word/document.xml */
                   _("Could not write %s (out of memory?)"), part);
      return NULL;
    }

  return g_bytes_new (xmlBufferContent (self->buffer), xmlBufferLength (self->buffer));
}

/* Text ---------------------------------------------------------------- */

static gboolean
is_xml_char (gunichar c)
{
  /* XML 1.0 § 2.2, less the C1 controls, which no memo means. */
  return c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * dossier_office_clean_text:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1
 *
 * @text as XML 1.0 can hold it: a carriage return (or CR LF) becomes a
 * newline; the other control characters, which draw nothing, and a byte
 * order mark are left out. A control character in an XML part makes the
 * whole file unreadable to Word and LibreOffice.
 *
 * Returns: (transfer full): the text
 */
char *
dossier_office_clean_text (const char *text,
                           gssize      length)
{
  const char *end;
  GString *clean;

  if (length < 0)
    length = strlen (text);
  end = text + length;
  clean = g_string_sized_new (length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p + 1 >= end || p[1] != '\n')
            g_string_append_c (clean, '\n');
        }
      else if (is_xml_char (c))
        g_string_append_len (clean, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (clean, FALSE);
}

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0x1100 && c <= 0x11ff) ||   /* Jamo */
         (c >= 0x3130 && c <= 0x318f) ||   /* compatibility Jamo */
         (c >= 0xa960 && c <= 0xa97f) ||   /* Jamo extended A */
         (c >= 0xac00 && c <= 0xd7ff);     /* syllables, Jamo extended B */
}

gboolean
dossier_office_has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_hangul (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * dossier_office_next_segment:
 * @text: where the segment starts
 * @end: the end of the text
 * @korean: (out): whether the segment is Korean
 *
 * Splits text into Korean and other runs, so that the Korean ones can be
 * tagged ko-KR (spelling, hyphenation, the East Asian font). Spaces,
 * digits and punctuation stay with the run they follow: "통일 정책 2024"
 * is one Korean run, "said 통일" two.
 *
 * Returns: the end of the segment
 */
const char *
dossier_office_next_segment (const char *text,
                             const char *end,
                             gboolean   *korean)
{
  gboolean segment_korean = FALSE;
  gboolean decided = FALSE;
  const char *p;

  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = g_unichar_isalpha (c);

      if (!letter)
        continue;
      if (!decided)
        {
          segment_korean = is_hangul (c);
          decided = TRUE;
        }
      else if (is_hangul (c) != segment_korean)
        break;
    }

  *korean = segment_korean;
  return p;
}

static void
page_part_clear (gpointer data)
{
  DossierOfficePagePart *part = data;

  g_clear_pointer (&part->text, g_free);
}

static void
add_page_text (GArray     *parts,
               const char *text,
               gsize       length)
{
  DossierOfficePagePart part = { DOSSIER_OFFICE_PAGE_TEXT, NULL };

  if (length == 0)
    return;
  part.text = g_strndup (text, length);
  g_array_append_val (parts, part);
}

/**
 * dossier_office_page_label_parts:
 * @language: (nullable): the memo's language
 *
 * The page footer of dossier_memo_language_format_page() as text and
 * two fields, the page number and the page count, in the order the
 * language puts them: a word processor fills the fields in, so the
 * numbers stay right after reviewers edit.
 *
 * Returns: (transfer full) (element-type DossierOfficePagePart): the parts
 */
GArray *
dossier_office_page_label_parts (const char *language)
{
  const char *format = dossier_memo_language_get_label (language, DOSSIER_MEMO_LABEL_PAGE_N_OF_M);
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (DossierOfficePagePart));
  const char *text = format;
  guint sequential = 0;

  g_array_set_clear_func (parts, page_part_clear);

  /* The formats are dossier-memo-language.c's own: "%u" in order, or
   * "%1$u" and "%2$u". */
  for (const char *p = format; *p != '\0'; p++)
    {
      DossierOfficePagePart part = { DOSSIER_OFFICE_PAGE_NUMBER, NULL };
      const char *after;

      if (*p != '%')
        continue;
      if (p[1] == 'u')
        {
          part.kind = sequential++ == 0 ? DOSSIER_OFFICE_PAGE_NUMBER : DOSSIER_OFFICE_PAGE_COUNT;
          after = p + 2;
        }
      else if ((p[1] == '1' || p[1] == '2') && p[2] == '$' && p[3] == 'u')
        {
          part.kind = p[1] == '1' ? DOSSIER_OFFICE_PAGE_NUMBER : DOSSIER_OFFICE_PAGE_COUNT;
          after = p + 4;
        }
      else if (p[1] == '%')
        {
          add_page_text (parts, text, p + 1 - text);
          text = p + 2;
          p++;
          continue;
        }
      else
        continue;

      add_page_text (parts, text, p - text);
      g_array_append_val (parts, part);
      text = after;
      p = after - 1;
    }
  add_page_text (parts, text, strlen (text));

  return parts;
}

/* Document-wide --------------------------------------------------------- */

/**
 * dossier_office_language_tag:
 * @language: (nullable): a memo's language ("en", "ko", "en_GB.UTF-8")
 *
 * The BCP 47 tag with a region that word processors choose their
 * spelling and hyphenation by: "en-US", "ko-KR", "en-GB". No language
 * is English, as the memo conventions are.
 *
 * Returns: (transfer full): the tag
 */
char *
dossier_office_language_tag (const char *language)
{
  g_autofree char *tag = NULL;
  char *cut;

  if (language == NULL || *language == '\0' || g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return g_strdup ("en-US");

  tag = g_strdup (language);
  if ((cut = strpbrk (tag, ".@")) != NULL)
    *cut = '\0';
  g_strdelimit (tag, "_", '-');
  for (char *p = tag; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return g_strdup ("en-US");
  if (*tag == '\0' || strlen (tag) > 35)
    return g_strdup ("en-US");

  if (g_ascii_strcasecmp (tag, "en") == 0)
    return g_strdup ("en-US");
  if (g_ascii_strcasecmp (tag, "ko") == 0)
    return g_strdup ("ko-KR");
  return g_steal_pointer (&tag);
}

/* Advance widths of Times Bold (Times New Roman's and Liberation Serif's
 * metrics), in thousandths of the type size, for ' ' to 'z'. */
static const guint16 times_bold_widths[] = {
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278,   /*  !"#$%&'()*+,-./ */
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,    /* 0-9 :;<=>? */
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,    /* @A-O */
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,   /* P-Z [\]^_ */
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,    /* `a-o */
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,                             /* p-z */
};

/**
 * dossier_office_label_width:
 * @label: a header label ("INFORMATION MEMO FOR")
 *
 * How wide @label prints in 12 pt bold Times, in points: the header
 * block's label column is as wide as its widest label, as in the PDF.
 * An estimate from the font's metrics (Hangul and other wide scripts
 * as one em), so no font needs to be loaded.
 *
 * Returns: the width in points
 */
double
dossier_office_label_width (const char *label)
{
  double width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= ' ' && c < ' ' + G_N_ELEMENTS (times_bold_widths))
        width += times_bold_widths[c - ' '];
      else if (g_unichar_iswide (c))
        width += 1000;
      else
        width += 556;
    }

  return width * 12.0 / 1000.0;
}

/**
 * dossier_office_dup_link_target:
 * @uri: a link's address
 *
 * A link target both formats can hold: web and mail addresses only (a
 * reviewer's click on a `file:` or script link in a memo is a trap), with
 * spaces, non-ASCII characters and the like percent-encoded, since Word
 * refuses a document whose relationship targets are not URIs.
 *
 * Returns: (transfer full) (nullable): the target, or %NULL if @uri
 *   should be plain text
 */
char *
dossier_office_dup_link_target (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL || strlen (uri) > 8 * 1024)
    return NULL;
  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0 &&
       g_ascii_strcasecmp (scheme, "mailto") != 0))
    return NULL;

  /* The reserved characters and '%' stay, so a URI stays the same URI. */
  return g_uri_escape_string (uri, "!#$&'()*+,/:;=?@[]~%", FALSE);
}

/* Now, as W3C date and time in UTC, for document properties. */
char *
dossier_office_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * dossier_office_paper_twips:
 * @paper: a paper
 * @width: (out): its width in twentieths of a point
 * @height: (out): its height
 */
void
dossier_office_paper_twips (DossierPaper  paper,
                            guint        *width,
                            guint        *height)
{
  double w, h;

  dossier_paper_get_size (paper, &w, &h);
  *width = (guint)(w * 20.0 + 0.5);
  *height = (guint)(h * 20.0 + 0.5);
}
