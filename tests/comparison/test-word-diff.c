/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comparison/dossier-compare-result.h"
#include "importers/dossier-import.h"

/* Edit scripts written as "=the -cat +dog =sat on" for readable asserts. */
static char *
script_of (const char *a,
           const char *b)
{
  g_auto(GStrv) wa = g_strsplit (a, " ", -1);
  g_auto(GStrv) wb = g_strsplit (b, " ", -1);
  guint na = *a ? g_strv_length (wa) : 0, nb = *b ? g_strv_length (wb) : 0;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *ia = g_new0 (guint, MAX (na, 1));
  g_autofree guint *ib = g_new0 (guint, MAX (nb, 1));
  g_autoptr(GArray) runs = NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < na + nb; i++)
    {
      const char *w = i < na ? wa[i] : wb[i - na];
      gpointer id = g_hash_table_lookup (ids, w);

      if (id == NULL)
        g_hash_table_insert (ids, (gpointer) w, id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1));
      if (i < na)
        ia[i] = GPOINTER_TO_UINT (id);
      else
        ib[i - na] = GPOINTER_TO_UINT (id);
    }

  runs = dossier_myers_diff (ia, na, ib, nb);
  for (guint r = 0; r < runs->len; r++)
    {
      DossierDiffRun *run = &g_array_index (runs, DossierDiffRun, r);
      const char *mark = run->op == DOSSIER_DIFF_EQUAL ? "=" : run->op == DOSSIER_DIFF_DELETE ? "-" : "+";
      char **words = run->op == DOSSIER_DIFF_INSERT ? wb : wa;
      guint start = run->op == DOSSIER_DIFF_INSERT ? run->b_start : run->a_start;
      guint end = run->op == DOSSIER_DIFF_INSERT ? run->b_end : run->a_end;

      /* runs cover both sides contiguously */
      if (r > 0)
        {
          DossierDiffRun *prev = run - 1;
          g_assert_cmpuint (prev->a_end, ==, run->a_start);
          g_assert_cmpuint (prev->b_end, ==, run->b_start);
        }
      if (run->op == DOSSIER_DIFF_EQUAL)
        g_assert_cmpuint (run->a_end - run->a_start, ==, run->b_end - run->b_start);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, mark);
      for (guint i = start; i < end; i++)
        g_string_append_printf (out, "%s%s", i > start ? " " : "", words[i]);
    }
  if (runs->len > 0)
    {
      g_assert_cmpuint (g_array_index (runs, DossierDiffRun, runs->len - 1).a_end, ==, na);
      g_assert_cmpuint (g_array_index (runs, DossierDiffRun, runs->len - 1).b_end, ==, nb);
    }

  return g_string_free (out, FALSE);
}

static void
test_myers (void)
{
  const char *cases[][3] = {
    { "the cat sat on the mat", "the dog sat on a mat", "=the -cat +dog =sat on -the +a =mat" },
    { "a b c", "a b c", "=a b c" },
    { "", "a b", "+a b" },
    { "a b", "", "-a b" },
    { "", "", "" },
    { "a b c d", "a c d", "=a -b =c d" },
    { "a c d", "a b c d", "=a +b =c d" },
    { "x y z", "p q", "-x y z +p q" },
    { "a b c a b b a", "c b a b a c", "-a b =c +b =a b -b =a +c" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *script = script_of (cases[i][0], cases[i][1]);
      g_assert_cmpstr (script, ==, cases[i][2]);
    }
}

static void
test_myers_large (void)
{
  /* two long, entirely different texts: bounded, reported as a replacement */
  guint n = 20000;
  g_autofree guint *a = g_new (guint, n);
  g_autofree guint *b = g_new (guint, n);
  g_autoptr(GArray) runs = NULL;

  for (guint i = 0; i < n; i++)
    {
      a[i] = i;
      b[i] = n + i;
    }
  runs = dossier_myers_diff (a, n, b, n);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (g_array_index (runs, DossierDiffRun, 0).op, ==, DOSSIER_DIFF_DELETE);
  g_assert_cmpint (g_array_index (runs, DossierDiffRun, 1).op, ==, DOSSIER_DIFF_INSERT);
}

static DossierTextSnapshot *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return dossier_text_snapshot_new (document);
}

static char *
describe_chunks (DossierCompareResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < result->chunks->len; i++)
    {
      DossierChunkRecord *chunk = &g_array_index (result->chunks, DossierChunkRecord, i);

      g_string_append_printf (out, "%s %d %d [%u,%u) [%u,%u) #%d %s\n",
                              dossier_diff_op_to_string (chunk->op), chunk->a_paragraph, chunk->b_paragraph,
                              chunk->a_start, chunk->a_end, chunk->b_start, chunk->b_end, chunk->change,
                              chunk->op == DOSSIER_DIFF_EQUAL ? "…" : chunk->text);
    }
  return g_string_free (out, FALSE);
}

static void
test_versions_fixture (void)
{
  g_autoptr(DossierTextSnapshot) v1 = load_fixture ("brief-v1.txt");
  g_autoptr(DossierTextSnapshot) v2 = load_fixture ("brief-v2.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCompareResult) result = dossier_compare_run (v1, v2, DOSSIER_COMPARISON_MODE_AUTO,
                                                                NULL, 0, NULL, &error);
  g_autofree char *chunks = NULL;
  const char *expected =
    "equal 0 0 [0,36) [0,36) #-1 …\n"
    "equal 1 1 [0,10) [0,10) #-1 …\n"
    "delete 1 1 [10,11) [10,10) #0 three\n"
    "insert 1 1 [11,11) [10,11) #0 four\n"
    "equal 1 1 [11,32) [11,32) #-1 …\n"
    "equal 2 2 [0,19) [0,19) #-1 …\n"
    "insert 2 2 [19,19) [19,27) #1 Humanitarian meetings should never be a bargaining chip.\n"
    "delete 3 -1 [0,25) [0,0) #2 The Red Cross societies of both Koreas have the experience to organise the meetings quickly. They have done so more than twenty times since 1985.\n"
    "equal 4 3 [0,17) [0,17) #-1 …\n"
    "insert -1 4 [0,0) [0,17) #3 Letters and video messages could be exchanged while the centre is built, as they were in 2005.\n"
    "equal 5 5 [0,13) [0,13) #-1 …\n"
    "delete 5 5 [13,15) [13,13) #4 of delay\n"
    "equal 5 5 [15,21) [13,19) #-1 …\n";

  g_assert_no_error (error);
  /* mostly the same text: auto picks versions */
  g_assert_cmpint (result->mode, ==, DOSSIER_COMPARISON_MODE_VERSIONS);
  g_assert_cmpfloat (result->overlap, >, 0.8);
  g_assert_cmpuint (result->change_count, ==, 5);

  chunks = describe_chunks (result);
  g_assert_cmpstr (chunks, ==, expected);

  /* the paragraphs aligned, in order: 3 was removed, 4 of v2 added */
  g_assert_cmpuint (result->links->len, ==, 5);
  g_assert_cmpuint (g_array_index (result->links, DossierLink, 3).a, ==, 4);
  g_assert_cmpuint (g_array_index (result->links, DossierLink, 3).b, ==, 3);

  /* the code-point span of "three" in paragraph 1 */
  {
    DossierChunkRecord *chunk = &g_array_index (result->chunks, DossierChunkRecord, 2);
    const char *text = dossier_text_snapshot_get_paragraph (v1, 1);
    g_autofree char *span = g_utf8_substring (text, chunk->a_char_start, chunk->a_char_end);

    g_assert_cmpstr (span, ==, "three");
  }
}

static void
test_versions_anchor (void)
{
  const char *a[] = { "Alpha one two three.", "Beta four five six.", "Gamma seven eight.", NULL };
  const char *b[] = { "Gamma seven eight.", "Alpha one two three.", "Beta four five six.", NULL };
  g_autoptr(DossierTextSnapshot) sa = dossier_text_snapshot_new_from_text ("A", a);
  g_autoptr(DossierTextSnapshot) sb = dossier_text_snapshot_new_from_text ("B", b);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCompareResult) plain = NULL;
  g_autoptr(DossierCompareResult) anchored = NULL;
  const DossierAnchor anchor = { 2, 0 };

  /* without an anchor the two moved paragraphs align, Gamma does not */
  plain = dossier_compare_run (sa, sb, DOSSIER_COMPARISON_MODE_VERSIONS, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plain->links->len, ==, 2);
  g_assert_cmpuint (g_array_index (plain->links, DossierLink, 0).a, ==, 0);
  g_assert_cmpuint (g_array_index (plain->links, DossierLink, 0).b, ==, 1);

  /* the user pins Gamma to Gamma: nothing may align across the anchor */
  anchored = dossier_compare_run (sa, sb, DOSSIER_COMPARISON_MODE_VERSIONS, &anchor, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anchored->links->len, ==, 1);
  g_assert_cmpuint (g_array_index (anchored->links, DossierLink, 0).a, ==, 2);
  g_assert_cmpuint (g_array_index (anchored->links, DossierLink, 0).b, ==, 0);
}

static void
test_too_large (void)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new ();
  g_autoptr(DossierTextSnapshot) a = NULL;
  g_autoptr(DossierCompareResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2100; i++)
    g_ptr_array_add (many, (gpointer) "x");
  g_ptr_array_add (many, NULL);
  a = dossier_text_snapshot_new_from_text ("A", (const char * const *) many->pdata);

  result = dossier_compare_run (a, a, DOSSIER_COMPARISON_MODE_AUTO, NULL, 0, NULL, &error);
  g_assert_error (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_TOO_LARGE);
  g_assert_null (result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/diff/myers", test_myers);
  g_test_add_func ("/dossier/comparison/diff/myers-large", test_myers_large);
  g_test_add_func ("/dossier/comparison/diff/versions-fixture", test_versions_fixture);
  g_test_add_func ("/dossier/comparison/diff/versions-anchor", test_versions_anchor);
  g_test_add_func ("/dossier/comparison/diff/too-large", test_too_large);

  return g_test_run ();
}
