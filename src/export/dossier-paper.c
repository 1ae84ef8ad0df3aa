/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-paper"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dossier-paper.h"

GType
dossier_paper_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { DOSSIER_PAPER_LETTER, "DOSSIER_PAPER_LETTER", "letter" },
        { DOSSIER_PAPER_A4, "DOSSIER_PAPER_A4", "a4" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static ("DossierPaper", values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/**
 * dossier_paper_from_string:
 * @name: "letter" or "a4", in any case
 * @paper: (out): where to store the paper
 *
 * Returns: %TRUE if @name names a paper size
 */
gboolean
dossier_paper_from_string (const char   *name,
                           DossierPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "letter") == 0 || g_ascii_strcasecmp (name, "us-letter") == 0)
    *paper = DOSSIER_PAPER_LETTER;
  else if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = DOSSIER_PAPER_A4;
  else
    return FALSE;

  return TRUE;
}

const char *
dossier_paper_to_string (DossierPaper paper)
{
  return paper == DOSSIER_PAPER_LETTER ? "letter" : "a4";
}

/**
 * dossier_paper_for_locale:
 * @locale: (nullable): a POSIX locale name such as "en_US.UTF-8"
 *
 * Letter is the norm in the Americas' letter countries and the
 * Philippines (the territories glibc's LC_PAPER data gives letter);
 * everyone else, and the C locale, uses A4.
 *
 * Returns: the paper for @locale
 */
DossierPaper
dossier_paper_for_locale (const char *locale)
{
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "PR", "SV", "VE",
  };
  const char *underscore;
  char territory[3] = { 0 };

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return DOSSIER_PAPER_A4;

  if (!g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]) ||
      g_ascii_isalpha (underscore[3]))
    return DOSSIER_PAPER_A4;

  territory[0] = g_ascii_toupper (underscore[1]);
  territory[1] = g_ascii_toupper (underscore[2]);
  for (guint i = 0; i < G_N_ELEMENTS (letter_territories); i++)
    if (strcmp (territory, letter_territories[i]) == 0)
      return DOSSIER_PAPER_LETTER;

  return DOSSIER_PAPER_A4;
}

/**
 * dossier_paper_get_default:
 *
 * The paper of the user's LC_PAPER locale category (as set by
 * setlocale()), else of the environment's LC_ALL, LC_PAPER or LANG.
 *
 * Returns: the default paper
 */
DossierPaper
dossier_paper_get_default (void)
{
  const char *locale = setlocale (LC_PAPER, NULL);

  /* A program that never called setlocale() reports "C"; fall back to
   * what the environment asks for. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    {
      const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };

      locale = NULL;
      for (guint i = 0; i < G_N_ELEMENTS (names) && locale == NULL; i++)
        {
          const char *value = g_getenv (names[i]);

          if (value != NULL && *value != '\0')
            locale = value;
        }
    }

  return dossier_paper_for_locale (locale);
}

/**
 * dossier_paper_get_size:
 * @paper: a paper
 * @width: (out) (optional): width in points
 * @height: (out) (optional): height in points
 */
void
dossier_paper_get_size (DossierPaper  paper,
                        double       *width,
                        double       *height)
{
  double w = paper == DOSSIER_PAPER_LETTER ? 612.0 : 210.0 / 25.4 * 72.0;
  double h = paper == DOSSIER_PAPER_LETTER ? 792.0 : 297.0 / 25.4 * 72.0;

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}
