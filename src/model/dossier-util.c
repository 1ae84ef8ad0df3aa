/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-util.h"

/**
 * dossier_regex_once:
 * @regex: a static `GRegex *`, %NULL until the first call
 * @pattern: the pattern, a constant
 * @compile_options: how to compile it
 *
 * Compiles @pattern into @regex the first time, once even when importers
 * run on several threads at once, and returns it; later calls only read
 * it. The patterns are the program's own: one that does not compile is a
 * programmer error.
 *
 * Returns: (transfer none): the compiled @regex, kept for the life of the process
 */
GRegex *
dossier_regex_once (GRegex             **regex,
                    const char          *pattern,
                    GRegexCompileFlags   compile_options)
{
  if (g_once_init_enter (regex))
    {
      g_autoptr(GError) error = NULL;
      GRegex *compiled = g_regex_new (pattern, compile_options, 0, &error);

      if (compiled == NULL)
        g_error ("Could not compile the pattern “%s”: %s", pattern, error->message);
      g_once_init_leave (regex, compiled);
    }
  return *regex;
}
