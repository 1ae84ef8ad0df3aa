/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-document-json.h"
#include "dossier-json-scan.h"

/*
 * One pass over untrusted JSON text before json-glib parses it, for what
 * json-glib 1.6 gets wrong or cannot bound:
 *
 * - it parses recursively, so a file of a million '[' would exhaust the
 *   stack (real files nest four levels deep);
 * - it keeps 80 to 300 bytes per value, so a 64 MiB file of "{}," would
 *   take 7 GB: the values are counted first;
 * - it silently ends a string at "\u0000", and turns a lone "\ud800" into
 *   bytes that are not UTF-8, which would then be stored in the library;
 * - it wraps integers past 2⁶⁴ to -1 and gives 1e29 as a double, so a
 *   message could not say which number was wrong: numbers it cannot give
 *   exactly are kept as written, by the path of their member.
 *
 * The pass keeps the path of where it stands ("paragraphs[3].text", as
 * DossierJsonReader names members) so each error says where. It runs
 * before json-glib, so a file broken before the offending escape gets a
 * path as far as its structure can be followed.
 */

#define MAX_JSON_DEPTH 256

/* Member names longer than this are shortened in messages. */
#define MAX_SHOWN_NAME 200

/* Numbers are kept only at paths a reader asks for: the longest,
 * "paragraphs[99999].footnote_refs[4095].offset", has 44 bytes. This
 * bounds what a file of a million odd numbers can make the scan keep. */
#define MAX_NUMBER_PATH 128

/* Numbers longer than this are shown by their start and length. */
#define MAX_SHOWN_NUMBER 40

typedef struct {
  gboolean is_object;
  gboolean expect_name;  /* objects: the next string is a member name */
  guint index;           /* arrays: the element being read */
  const char *name;      /* objects: the current member's name, as written */
  gsize name_length;
} Level;

typedef struct {
  const char *data;
  gsize length;
  Level levels[MAX_JSON_DEPTH];
  guint depth;
  guint64 values;
  GHashTable *numbers;   /* path → DossierJsonNumber, or NULL */
} Scan;

/* A kept number in one block (a file may have a million): the path it is
 * kept under, then the number as written. */
typedef struct {
  DossierJsonNumber number;
  char text[];
} Kept;

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of the "\uXXXX" at @p, or -1 when it is not one. */
static int
escaped_unit (const char *p,
              const char *end)
{
  int unit = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

/* A member name as json-glib gives it, so paths match the reader's. */
static void
append_unescaped (GString    *out,
                  const char *name,
                  gsize       length)
{
  const char *end = name + length;

  for (const char *p = name; p < end; )
    {
      int unit = escaped_unit (p, end);

      if (unit >= 0)
        {
          gunichar c = unit;

          p += 6;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escaped_unit (p, end);

              /* Pairs are checked before any path is built. */
              if (low >= 0xDC00 && low <= 0xDFFF)
                {
                  c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                  p += 6;
                }
            }
          g_string_append_unichar (out, c);
        }
      else if (*p == '\\' && p + 1 < end)
        {
          switch (p[1])
            {
            case 'b': g_string_append_c (out, '\b'); break;
            case 'f': g_string_append_c (out, '\f'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            default: g_string_append_c (out, p[1]); break;
            }
          p += 2;
        }
      else
        g_string_append_c (out, *p++);
    }
}

/*
 * The path of the value being read. @in_name: the scan is inside a
 * member name, which is not part of the path yet. Unless @shorten, NULL
 * when the path is longer than any a reader asks for.
 */
static char *
dup_path (Scan     *scan,
          gboolean  in_name,
          gboolean  shorten)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint k = 0; k < scan->depth; k++)
    {
      Level *level = &scan->levels[k];

      if (!shorten && path->len > MAX_NUMBER_PATH)
        return NULL;

      if (!level->is_object)
        {
          g_string_append_printf (path, "[%u]", level->index);
          continue;
        }

      if ((in_name && k == scan->depth - 1) || level->name == NULL)
        break;

      if (path->len > 0)
        g_string_append_c (path, '.');

      if (level->name_length <= MAX_SHOWN_NAME)
        append_unescaped (path, level->name, level->name_length);
      else if (!shorten)
        return NULL;
      else
        {
          const char *cut = g_utf8_find_prev_char (level->name, level->name + MAX_SHOWN_NAME);

          append_unescaped (path, level->name, cut - level->name);
          g_string_append (path, "…");
        }
    }

  if (!shorten && path->len > MAX_NUMBER_PATH)
    return NULL;

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static gboolean
fail_escape (Scan        *scan,
             gboolean     in_name,
             const char  *escape,
             GError     **error)
{
  g_autofree char *path = dup_path (scan, in_name, TRUE);
  const char *where = *path != '\0' ? path : _("the file");

  if (escaped_unit (escape, scan->data + scan->length) == 0)
    {
      if (in_name)
        /* Translators: "paragraphs[3]: a member name contains a NUL character (\u0000)" */
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                     _("%s: a member name contains a NUL character (\\u0000)"), where);
      else
        /* Translators: "paragraphs[3].text: contains a NUL character (\u0000)" */
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                     _("%s: contains a NUL character (\\u0000)"), where);
    }
  else
    {
      g_autofree char *written = g_strndup (escape, 6);

      if (in_name)
        /* Translators: "paragraphs[3]: a member name contains an unpaired surrogate \ud800" */
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                     _("%s: a member name contains an unpaired surrogate %s"), where, written);
      else
        /* Translators: "paragraphs[3].text: contains an unpaired surrogate \ud800"; a
         * surrogate is half of a character that JSON writes as two escapes */
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                     _("%s: contains an unpaired surrogate %s"), where, written);
    }

  return FALSE;
}

/*
 * Steps over the string that starts at *@i, refusing "\u0000" and
 * surrogates that are not a high one followed by a low one. Leaves *@i
 * after the closing quote; other mistakes are json-glib's to report.
 */
static gboolean
scan_string (Scan      *scan,
             gsize     *i,
             gboolean   in_name,
             GError   **error)
{
  const char *data = scan->data;
  const char *end = data + scan->length;
  gsize j = *i + 1;

  while (j < scan->length)
    {
      char c = data[j];

      if (c == '"')
        {
          *i = j + 1;
          return TRUE;
        }

      if (c != '\\')
        {
          j++;
          continue;
        }

      if (j + 1 < scan->length && data[j + 1] == 'u')
        {
          int unit = escaped_unit (data + j, end);

          if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
            return fail_escape (scan, in_name, data + j, error);

          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escaped_unit (data + j + 6, end);

              if (low < 0xDC00 || low > 0xDFFF)
                return fail_escape (scan, in_name, data + j, error);
              j += 12;
              continue;
            }

          if (unit > 0)
            {
              j += 6;
              continue;
            }
        }

      j += 2;
    }

  *i = scan->length;
  return TRUE;
}

static char *
dup_written (const char *literal,
             gsize       length)
{
  g_autofree char *start = NULL;
  g_autofree char *count = NULL;

  if (length <= MAX_SHOWN_NUMBER)
    return g_strndup (literal, length);

  start = g_strndup (literal, MAX_SHOWN_NUMBER / 2);
  count = dossier_limit_format_count (length);
  /* Translators: the start of a very long number in a file, then its length */
  return g_strdup_printf (_("%s… (%s characters)"), start, count);
}

/*
 * What the number @literal is, exactly: its digits times a power of ten,
 * without trailing zeros, decide whether it is whole and how large,
 * however long the literal or its exponent.
 */
static void
classify_number (const char        *literal,
                 gsize              length,
                 DossierJsonNumber *number)
{
  const char *p = literal, *end = literal + length;
  const char *int_start, *int_end, *frac_start, *frac_end;
  gboolean negative = FALSE;
  gint64 exponent = 0, shift;
  gsize n_digits, leading = 0, trailing = 0, significant;
  guint64 value = 0;

  if (p < end && (*p == '-' || *p == '+'))
    negative = (*p++ == '-');

  int_start = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  int_end = p;
  frac_start = frac_end = p;
  if (p < end && *p == '.')
    {
      frac_start = ++p;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      frac_end = p;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exponent_negative = FALSE;

      p++;
      if (p < end && (*p == '-' || *p == '+'))
        exponent_negative = (*p++ == '-');
      /* Saturates far beyond any length a file can have. */
      for (; p < end && g_ascii_isdigit (*p); p++)
        if (exponent < G_GINT64_CONSTANT (1000000000000))
          exponent = exponent * 10 + (*p - '0');
      if (exponent_negative)
        exponent = -exponent;
    }

  n_digits = (int_end - int_start) + (frac_end - frac_start);
#define DIGIT(k) ((k) < (gsize) (int_end - int_start) ? int_start[k] : frac_start[(k) - (int_end - int_start)])
  while (leading < n_digits && DIGIT (leading) == '0')
    leading++;
  while (trailing < n_digits - leading && DIGIT (n_digits - 1 - trailing) == '0')
    trailing++;
  significant = n_digits - leading - trailing;

  number->value = 0;

  if (significant == 0)
    {
      number->kind = DOSSIER_JSON_NUMBER_WHOLE;
      return;
    }

  /* value = significant digits × 10^shift */
  shift = exponent - (gint64) (frac_end - frac_start) + (gint64) trailing;
  if (shift < 0)
    {
      number->kind = DOSSIER_JSON_NUMBER_FRACTION;
      return;
    }

  /* 10¹⁹ ≤ the number: beyond any gint64. */
  if ((gint64) significant + shift > 19)
    {
      number->kind = negative ? DOSSIER_JSON_NUMBER_TOO_SMALL : DOSSIER_JSON_NUMBER_TOO_LARGE;
      return;
    }

  /* At most 19 digits: below 10¹⁹ < 2⁶⁴, so no overflow. */
  for (gsize k = leading; k < leading + significant; k++)
    value = value * 10 + (DIGIT (k) - '0');
  for (gint64 k = 0; k < shift; k++)
    value *= 10;
#undef DIGIT

  if (!negative && value > (guint64) G_MAXINT64)
    number->kind = DOSSIER_JSON_NUMBER_TOO_LARGE;
  else if (negative && value > (guint64) G_MAXINT64 + 1)
    number->kind = DOSSIER_JSON_NUMBER_TOO_SMALL;
  else
    {
      number->kind = DOSSIER_JSON_NUMBER_WHOLE;
      number->value = negative ? (gint64) (0 - value) : (gint64) value;
    }
}

/* Integers of up to 18 digits, written plainly: json-glib reads those
 * exactly, and they are all a Dossier file has. */
static gboolean
is_plain_integer (const char *literal,
                  gsize       length)
{
  const char *digits = literal;
  gsize n = length;

  if (n > 0 && *digits == '-')
    {
      digits++;
      n--;
    }

  if (n == 0 || n > 18 || (digits[0] == '0' && (n > 1 || digits != literal)))
    return FALSE;

  for (gsize k = 0; k < n; k++)
    if (!g_ascii_isdigit (digits[k]))
      return FALSE;

  return TRUE;
}

static void
keep_number (Scan       *scan,
             const char *literal,
             gsize       length)
{
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  gsize path_length, written_length;
  Kept *kept;

  if (scan->numbers == NULL || is_plain_integer (literal, length))
    return;

  path = dup_path (scan, FALSE, FALSE);
  if (path == NULL)
    return;

  written = dup_written (literal, length);
  path_length = strlen (path);
  written_length = strlen (written);
  kept = g_malloc (sizeof (Kept) + path_length + written_length + 2);
  classify_number (literal, length, &kept->number);
  memcpy (kept->text, path, path_length + 1);
  memcpy (kept->text + path_length + 1, written, written_length + 1);
  kept->number.written = kept->text + path_length + 1;
  g_hash_table_replace (scan->numbers, kept->text, kept);
}

static gboolean
count_value (Scan    *scan,
             GError **error)
{
  if (++scan->values > DOSSIER_LIMIT_JSON_VALUES)
    {
      g_autofree char *limit = dossier_limit_format_count (DOSSIER_LIMIT_JSON_VALUES);

      g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE,
                   _("The file holds more than %s values; no Dossier file has so many"), limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

static gboolean
scan_text (Scan    *scan,
           GError **error)
{
  const char *data = scan->data;
  gsize i = 0;

  while (i < scan->length)
    {
      Level *top = scan->depth > 0 ? &scan->levels[scan->depth - 1] : NULL;
      char c = data[i];

      if (c == '"')
        {
          gboolean in_name = top != NULL && top->is_object && top->expect_name;
          gsize start = i + 1;

          if ((!in_name && !count_value (scan, error)) ||
              !scan_string (scan, &i, in_name, error))
            return FALSE;
          if (in_name)
            {
              top->name = data + start;
              top->name_length = i > start ? i - 1 - start : 0;
            }
        }
      else if (c == '{' || c == '[')
        {
          Level *level;

          if (scan->depth == MAX_JSON_DEPTH)
            {
              g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_DEEP,
                           _("The file is nested more than %d levels deep"), MAX_JSON_DEPTH);
              return FALSE;
            }
          if (!count_value (scan, error))
            return FALSE;

          level = &scan->levels[scan->depth++];
          level->is_object = (c == '{');
          level->expect_name = TRUE;
          level->index = 0;
          level->name = NULL;
          level->name_length = 0;
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (scan->depth > 0)
            scan->depth--;
          i++;
        }
      else if (c == ':')
        {
          if (top != NULL && top->is_object)
            top->expect_name = FALSE;
          i++;
        }
      else if (c == ',')
        {
          if (top != NULL && top->is_object)
            top->expect_name = TRUE;
          else if (top != NULL)
            top->index++;
          i++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;

          while (i < scan->length && is_number_char (data[i]))
            i++;
          if (!count_value (scan, error))
            return FALSE;
          keep_number (scan, data + start, i - start);
        }
      else if (g_ascii_isalpha (c))
        {
          /* true, false, null */
          if (!count_value (scan, error))
            return FALSE;
          while (i < scan->length && g_ascii_isalpha (data[i]))
            i++;
        }
      else
        i++;
    }

  return TRUE;
}

/**
 * dossier_json_parse_text:
 * @data: JSON text (untrusted)
 * @length: its length, or -1 if nul-terminated
 * @numbers: (out) (optional) (transfer full): the numbers json-glib
 *   cannot give exactly, as #DossierJsonNumber by member path
 *
 * Parses untrusted JSON text with bounds on nesting and size, refusing
 * strings that json-glib would cut short or make invalid.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
dossier_json_parse_text (const char   *data,
                         gssize        length,
                         GHashTable  **numbers,
                         GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree Scan *scan = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                           _("The file is not UTF-8 text"));
      return NULL;
    }

  if (numbers != NULL)
    kept = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  scan = g_new0 (Scan, 1);
  scan->data = data;
  scan->length = length;
  scan->numbers = kept;
  if (!scan_text (scan, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:1:36: Parse error: unexpected …": say
       * where in words, without its placeholder for a file name. */
      g_autoptr(GRegex) regex = g_regex_new ("^<data>:(\\d+):(\\d+): (?:Parse error: )?(.*)$", G_REGEX_DOTALL, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, local_error->message, 0, &match))
        {
          g_autofree char *line = g_match_info_fetch (match, 1);
          g_autofree char *column = g_match_info_fetch (match, 2);
          g_autofree char *what = g_match_info_fetch (match, 3);

          /* TRANSLATORS: line and column numbers, then json-glib's reason */
          g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                       _("The file is not valid JSON (damaged or cut short?) at line %s, column %s: %s"),
                       line, column, what);
        }
      else
        g_set_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                     _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_SYNTAX,
                           _("The file is empty"));
      return NULL;
    }

  if (numbers != NULL)
    *numbers = g_steal_pointer (&kept);

  return json_node_copy (root);
}
