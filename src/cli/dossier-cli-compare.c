/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "comparison/dossier-comparison.h"
#include "importers/dossier-import.h"
#include "comparison/dossier-json-print.h"
#include "dossier-cli-commands.h"
#include "dossier-cli-documents.h"
#include "store/dossier-library.h"
#include "comparison/dossier-document-loader.h"
#include "comparison/dossier-text-snapshot.h"

static void
print_terms (GString    *out,
             const char *label,
             GPtrArray  *terms)
{
  g_string_append_printf (out, "  %s:", label);
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (out, "%s %s", i > 0 ? "," : "",
                            ((DossierTopicTerm *) g_ptr_array_index (terms, i))->display);
  g_string_append_c (out, '\n');
}

static char *
first_words (const char *text,
             guint       n_words)
{
  g_auto(GStrv) words = g_strsplit (text, " ", n_words + 1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (g_strv_length (words) > n_words)
    g_string_append (out, " …");
  return g_strdup (out->str);
}

static void
print_names (GString              *out,
             DossierCompareResult *result,
             gboolean              left)
{
  GPtrArray *names = left ? result->names_a : result->names_b;

  for (guint i = 0; i < names->len; i++)
    {
      DossierNamedEntity *entity = g_ptr_array_index (names, i);

      g_string_append_printf (out, "    %s (%s, %u)%s\n", entity->name,
                              entity->kind == DOSSIER_NAME_PERSON ? _("person") : _("organisation"),
                              entity->mentions,
                              dossier_compare_result_name_is_shared (result, left, entity)
                              ? "" : _(" — this side only"));
    }
}

static char *
format_text (DossierCompareResult *result,
             DossierTextSnapshot  *a,
             DossierTextSnapshot  *b)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Mode: %s (%.0f%% of the words unchanged)\n"),
                          dossier_comparison_mode_to_string (result->mode), result->overlap * 100.0);
  g_string_append_printf (out, "A: %s\nB: %s\n\n", a->title, b->title);

  g_string_append_printf (out, "%s\n", _("Alignments:"));
  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);
      g_autofree char *wa = first_words (dossier_text_snapshot_get_paragraph (a, link->a), 6);
      g_autofree char *wb = first_words (dossier_text_snapshot_get_paragraph (b, link->b), 6);
      g_autofree char *terms = g_strjoinv (", ", link->shared_terms);

      g_string_append_printf (out, "  A%u ↔ B%u  %.2f%s  [%s]\n      A: %s\n      B: %s\n",
                              link->a, link->b, link->score, link->anchored ? _(" (anchor)") : "",
                              terms, wa, wb);
    }

  g_string_append_printf (out, "\n%s\n", _("Topics:"));
  print_terms (out, _("shared"), result->shared_terms);
  print_terms (out, _("only A"), result->only_a_terms);
  print_terms (out, _("only B"), result->only_b_terms);

  g_string_append_printf (out, "\n%s\n", _("Shared sources:"));
  for (guint i = 0; i < result->sources->len; i++)
    {
      DossierSharedSource *source = g_ptr_array_index (result->sources, i);
      g_string_append_printf (out, "  %s (%s)\n", source->display, source->kind);
    }

  g_string_append_printf (out, "\n%s\n", _("Names in A:"));
  print_names (out, result, TRUE);
  g_string_append_printf (out, "%s\n", _("Names in B:"));
  print_names (out, result, FALSE);

  if (result->mode == DOSSIER_COMPARISON_MODE_VERSIONS)
    {
      g_string_append_printf (out, "\n");
      g_string_append_printf (out, ngettext ("%u change:\n", "%u changes:\n", result->change_count),
                              result->change_count);
      for (guint i = 0; i < result->chunks->len; i++)
        {
          DossierChunkRecord *chunk = &g_array_index (result->chunks, DossierChunkRecord, i);

          if (chunk->op == DOSSIER_DIFF_EQUAL)
            continue;
          g_string_append_printf (out, "  #%d %s A%d B%d: %s\n", chunk->change + 1,
                                  chunk->op == DOSSIER_DIFF_DELETE ? "-" : "+",
                                  chunk->a_paragraph, chunk->b_paragraph, chunk->text);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
add_anchors (DossierComparison  *comparison,
             char              **specs,
             GError            **error)
{
  guint n_left = g_list_model_get_n_items (dossier_document_get_paragraphs (dossier_comparison_get_left (comparison)));
  guint n_right = g_list_model_get_n_items (dossier_document_get_paragraphs (dossier_comparison_get_right (comparison)));

  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], ":", 3);
      guint64 a, b;

      if (g_strv_length (parts) != 2 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 0, n_left > 0 ? n_left - 1 : 0, &a, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 0, n_right > 0 ? n_right - 1 : 0, &b, NULL) ||
          n_left == 0 || n_right == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--anchor “%s” must be A:B, paragraph numbers from 0 to %u and 0 to %u"),
                       specs[i], n_left > 0 ? n_left - 1 : 0, n_right > 0 ? n_right - 1 : 0);
          return FALSE;
        }
      dossier_comparison_add_anchor (comparison, a, b);
    }
  return TRUE;
}

int
dossier_cli_compare (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode_name = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *comparison_path = NULL;
  g_autofree char *save_path = NULL;
  g_auto(GStrv) anchors = NULL;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(DossierTextSnapshot) a = NULL;
  g_autoptr(DossierTextSnapshot) b = NULL;
  DossierCompareResult *result;
  g_autofree char *output = NULL;
  DossierComparisonMode mode = DOSSIER_COMPARISON_MODE_AUTO;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_name,
      N_("auto, perspectives or versions (default: auto)"), N_("MODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_path,
      N_("Read documents given by id from this library"), N_("PATH") },
    { "anchor", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &anchors,
      N_("Declare that paragraph A of the first document and B of the second correspond (repeatable)"),
      N_("A:B") },
    { "comparison", 'c', 0, G_OPTION_ARG_FILENAME, &comparison_path,
      N_("Open a saved comparison instead of naming two documents"), N_("FILE") },
    { "save", 's', 0, G_OPTION_ARG_FILENAME, &save_path,
      N_("Save the comparison (documents, mode, anchors) to FILE"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("A B — compare two documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return dossier_cli_usage ("compare", error->message);

  if (comparison_path == NULL && argc != 3)
    return dossier_cli_usage ("compare", _("compare takes exactly two documents"));
  if (comparison_path != NULL && argc != 1)
    return dossier_cli_usage ("compare", _("--comparison takes no documents besides"));
  if (mode_name != NULL && !dossier_comparison_mode_from_string (mode_name, &mode))
    return dossier_cli_usage ("compare", _("--mode must be auto, perspectives or versions"));
  if (library_path == NULL)
    library_path = dossier_cli_default_library ();

  if (comparison_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (comparison_path);

      comparison = dossier_comparison_load (file, library_path, NULL, &error);
      if (comparison == NULL)
        return dossier_cli_fail (comparison_path, error);
    }
  else
    {
      g_autoptr(DossierLibrary) library = NULL;
      g_autoptr(DossierDocument) left = NULL;
      g_autoptr(DossierDocument) right = NULL;
      g_autofree char *left_spec = dossier_cli_resolve_spec (&library, library_path, argv[1], &error);
      g_autofree char *right_spec = NULL;

      if (left_spec == NULL)
        return dossier_cli_fail (argv[1], error);
      right_spec = dossier_cli_resolve_spec (&library, library_path, argv[2], &error);
      if (right_spec == NULL)
        return dossier_cli_fail (argv[2], error);

      left = dossier_comparison_load_document (left_spec, library_path, NULL, &error);
      if (left == NULL)
        return dossier_cli_fail (argv[1], error);
      right = dossier_comparison_load_document (right_spec, library_path, NULL, &error);
      if (right == NULL)
        return dossier_cli_fail (argv[2], error);

      comparison = dossier_comparison_new (left, right);
      /* files are recorded by path, library documents by their id */
      for (int i = 1; i <= 2; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

          if (!g_file_query_exists (file, NULL))
            continue;
          if (i == 1)
            dossier_comparison_set_left_file (comparison, file);
          else
            dossier_comparison_set_right_file (comparison, file);
        }
    }

  if (mode_name != NULL || comparison_path == NULL)
    dossier_comparison_set_mode (comparison, mode);
  if (!add_anchors (comparison, anchors, &error))
    return dossier_cli_usage ("compare", error->message);

  if (save_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (save_path);

      if (!dossier_comparison_save (comparison, file, NULL, &error))
        return dossier_cli_fail (save_path, error);
    }

  if (!dossier_comparison_recompute (comparison, &error))
    return dossier_cli_fail (NULL, error);
  result = (DossierCompareResult *) dossier_comparison_get_result (comparison);
  a = dossier_text_snapshot_new (dossier_comparison_get_left (comparison));
  b = dossier_text_snapshot_new (dossier_comparison_get_right (comparison));

  if (json)
    {
      g_autoptr(JsonNode) node = dossier_compare_result_to_json (result, a, b);
      output = dossier_json_print (node);
    }
  else
    output = format_text (result, a, b);

  if (!dossier_cli_write_stdout (output, strlen (output), &error))
    return dossier_cli_fail (NULL, error);

  return 0;
}
