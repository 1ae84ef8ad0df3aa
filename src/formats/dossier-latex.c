/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <string.h>

#include "dossier-latex.h"

/*
 * LaTeX text as BibTeX files hold it ("M\"{u}ller", "{\o}ster", "Caf\'e",
 * "1990--1995", "{NATO}") to plain UTF-8 ("Müller", "øster", "Café",
 * "1990–1995", "NATO"). Braces are dropped, accents become combining
 * marks composed with their letter, commands Dossier does not know keep
 * their argument (\emph{x} is x) and lose their name.
 */

static const struct { char command; gunichar mark; } accents[] = {
  { '\'', 0x0301 }, { '`', 0x0300 }, { '^', 0x0302 }, { '"', 0x0308 }, { '~', 0x0303 },
  { '=', 0x0304 }, { '.', 0x0307 }, { 'u', 0x0306 }, { 'v', 0x030C }, { 'H', 0x030B },
  { 'c', 0x0327 }, { 'k', 0x0328 }, { 'r', 0x030A }, { 'd', 0x0323 }, { 'b', 0x0331 },
};

static const struct { const char *command; const char *text; } symbols[] = {
  { "o", "ø" }, { "O", "Ø" }, { "ss", "ß" }, { "ae", "æ" }, { "AE", "Æ" }, { "oe", "œ" },
  { "OE", "Œ" }, { "aa", "å" }, { "AA", "Å" }, { "l", "ł" }, { "L", "Ł" }, { "i", "ı" },
  { "j", "ȷ" }, { "textendash", "–" }, { "textemdash", "—" }, { "textbackslash", "\\" },
  { "textasciitilde", "~" }, { "textasciicircum", "^" }, { "ldots", "…" }, { "dots", "…" },
  { "textquoteleft", "‘" }, { "textquoteright", "’" }, { "textquotedblleft", "“" },
  { "textquotedblright", "”" }, { "S", "§" }, { "P", "¶" }, { "copyright", "©" },
  { "textregistered", "®" }, { "texttrademark", "™" }, { "euro", "€" }, { "pounds", "£" },
  { "textunderscore", "_" }, { "textbar", "|" }, { "textless", "<" }, { "textgreater", ">" },
};

static gunichar
accent_mark (char command)
{
  for (guint i = 0; i < G_N_ELEMENTS (accents); i++)
    if (accents[i].command == command)
      return accents[i].mark;
  return 0;
}

static const char *
symbol_text (const char *command,
             gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strlen (symbols[i].command) == length && strncmp (symbols[i].command, command, length) == 0)
      return symbols[i].text;
  return NULL;
}

/* The letter an accent applies to: "e", "{e}", "{\i}", " e". */
static const char *
accent_base (const char  *p,
             GString     *out)
{
  gboolean braced = FALSE;

  while (*p == ' ')
    p++;
  if (*p == '{')
    {
      braced = TRUE;
      p++;
    }
  if (*p == '\\' && (p[1] == 'i' || p[1] == 'j') && !g_ascii_isalpha (p[2]))
    {
      /* A dotless i takes the accent as an i does. */
      g_string_append_c (out, p[1]);
      p += 2;
    }
  else if (*p != '\0' && *p != '}')
    {
      const char *next = g_utf8_find_next_char (p, NULL);

      g_string_append_len (out, p, next - p);
      p = next;
    }
  if (braced)
    {
      while (*p == ' ')
        p++;
      if (*p == '}')
        p++;
    }
  return p;
}

/**
 * dossier_latex_to_utf8:
 * @latex: a BibTeX field's text, UTF-8
 *
 * Returns: (transfer full): the text without LaTeX markup, NFC
 */
char *
dossier_latex_to_utf8 (const char *latex)
{
  GString *out = g_string_new (NULL);
  g_autofree char *normal = NULL;
  const char *p = latex;

  while (p != NULL && *p != '\0')
    {
      if (*p == '{' || *p == '}' || *p == '$')
        p++;
      else if (*p == '~')
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else if (g_str_has_prefix (p, "---"))
        {
          g_string_append (out, "—");
          p += 3;
        }
      else if (g_str_has_prefix (p, "--"))
        {
          g_string_append (out, "–");
          p += 2;
        }
      else if (g_str_has_prefix (p, "``"))
        {
          g_string_append (out, "“");
          p += 2;
        }
      else if (g_str_has_prefix (p, "''"))
        {
          g_string_append (out, "”");
          p += 2;
        }
      else if (*p == '\\')
        {
          const char *name = p + 1;
          gsize length = 0;
          gunichar mark;

          if (*name == '\0')
            break;
          if (!g_ascii_isalpha (*name))
            {
              mark = accent_mark (*name);
              if (mark != 0)
                {
                  /* The letter first, then its combining mark. */
                  p = accent_base (name + 1, out);
                  g_string_append_unichar (out, mark);
                }
              else
                {
                  /* \& \% \$ \# \_ \{ \} and "\ " stand for themselves. */
                  const char *next = g_utf8_find_next_char (name, NULL);
                  g_string_append_len (out, name, next - name);
                  p = next;
                }
              continue;
            }

          while (g_ascii_isalpha (name[length]))
            length++;
          mark = length == 1 ? accent_mark (*name) : 0;
          if (mark != 0 && symbol_text (name, length) == NULL)
            {
              p = accent_base (name + length, out);
              g_string_append_unichar (out, mark);
              continue;
            }
          if (symbol_text (name, length) != NULL)
            g_string_append (out, symbol_text (name, length));
          /* A command's argument is kept; its name and the space after
           * it are not ("\emph{x}" is "x", "\LaTeX\ is" is "LaTeX is"). */
          p = name + length;
          if (symbol_text (name, length) != NULL && *p == '{' && p[1] == '}')
            p += 2;
          else if (*p == ' ')
            p++;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, NULL);

          g_string_append_len (out, p, next != NULL ? next - p : (gssize) strlen (p));
          p = next;
        }
    }

  normal = g_utf8_normalize (out->str, out->len, G_NORMALIZE_NFC);
  g_string_free (out, TRUE);
  /* Runs of white space (a field broken over lines) are one space. */
  {
    GString *collapsed = g_string_new (NULL);
    gboolean space = FALSE;

    for (const char *q = normal ?: ""; *q != '\0'; q++)
      {
        if (g_ascii_isspace (*q))
          {
            space = collapsed->len > 0;
            continue;
          }
        if (space)
          g_string_append_c (collapsed, ' ');
        space = FALSE;
        g_string_append_c (collapsed, *q);
      }
    return g_string_free (collapsed, FALSE);
  }
}
