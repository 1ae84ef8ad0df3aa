/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "comparison/dossier-compare-result.h"
#include "comparison/dossier-matrix.h"
#include "comparison/dossier-text-analysis.h"
#include "importers/dossier-import.h"

/*
 * Quality of the perspectives alignment, measured against a hand-made gold
 * alignment (tests/comparison/data/aid-gold.txt), and the links an analyst
 * expects between the seed articles. Plus the topic strip, names and
 * shared sources on the same fixtures.
 */

static DossierTextSnapshot *
load_snapshot (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return dossier_text_snapshot_new (document);
}

static DossierTextSnapshot *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);

  return load_snapshot (path);
}

static DossierCompareResult *
compare (DossierTextSnapshot   *a,
         DossierTextSnapshot   *b,
         DossierComparisonMode  mode)
{
  g_autoptr(GError) error = NULL;
  DossierCompareResult *result = dossier_compare_run (a, b, mode, NULL, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
has_link (DossierCompareResult *result,
          guint                 a,
          guint                 b)
{
  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);

      if (link->a == a && link->b == b)
        return TRUE;
    }
  return FALSE;
}

static GArray *
read_gold (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "comparison", "data", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GArray *gold = g_array_new (FALSE, FALSE, sizeof (DossierAnchor));

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      DossierAnchor pair;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      g_assert_cmpint (sscanf (lines[i], "%u %u", &pair.a, &pair.b), ==, 2);
      g_array_append_val (gold, pair);
    }
  return gold;
}

static void
test_fixture_precision_recall (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("aid-pressure.txt");
  g_autoptr(DossierCompareResult) result = compare (a, b, DOSSIER_COMPARISON_MODE_AUTO);
  g_autoptr(GArray) gold = read_gold ("aid-gold.txt");
  guint true_positives = 0;
  double precision, recall;

  /* two different articles: auto must pick perspectives */
  g_assert_cmpint (result->mode, ==, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_assert_cmpuint (result->chunks->len, ==, 0);

  for (guint i = 0; i < gold->len; i++)
    if (has_link (result, g_array_index (gold, DossierAnchor, i).a, g_array_index (gold, DossierAnchor, i).b))
      true_positives++;

  precision = result->links->len > 0 ? (double) true_positives / result->links->len : 0.0;
  recall = (double) true_positives / gold->len;
  g_test_message ("alignment on the aid fixtures: %u links, %u of %u gold pairs; P = %.2f, R = %.2f",
                  result->links->len, true_positives, gold->len, precision, recall);

  /* measured: P = 1.00, R = 0.64 (docs/comparison.md); before the
   * neighbour bonus 0.91 and 0.71: the two introductions (0–0) now fall
   * below the threshold, one wrong link too, while the judged pairs of
   * real articles gain (tests/comparison/test-alignment-dev.c) */
  g_assert_cmpfloat (precision, >=, 0.9);
  g_assert_cmpfloat (recall, >=, 0.6);

  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);

      g_assert_false (link->anchored);
      g_assert_cmpfloat (link->score, >, 0.0);
      g_assert_cmpfloat (link->score, <=, 1.0);
      g_assert_nonnull (link->shared_terms);
      g_assert_nonnull (link->shared_terms[0]);
    }
}

static gboolean
links_any (DossierCompareResult *result,
           const guint          *as,
           guint                 n_as,
           const guint          *bs,
           guint                 n_bs)
{
  for (guint i = 0; i < n_as; i++)
    for (guint j = 0; j < n_bs; j++)
      if (has_link (result, as[i], bs[j]))
        return TRUE;
  return FALSE;
}

static char *
first_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", 7);

  if (g_strv_length (words) == 7)
    g_clear_pointer (&words[6], g_free);
  return g_strjoinv (" ", words);
}

static void
test_seeds (void)
{
  const char *seeds = g_getenv ("DOSSIER_SEEDS");
  g_autofree char *dt_path = NULL;
  g_autofree char *is_path = NULL;
  g_autoptr(DossierTextSnapshot) dt = NULL;
  g_autoptr(DossierTextSnapshot) is = NULL;
  g_autoptr(DossierCompareResult) result = NULL;
  /* Dangerous Territory (Lee) ↔ Interim Steps (Klingner), paragraphs as
   * `dossier-cli import` numbers them */
  const guint dt_sanctions[] = { 6 }, is_sanctions[] = { 7, 9, 10, 13 };
  const guint dt_refusal[] = { 3 }, is_refusal[] = { 6 };
  const guint dt_biden[] = { 1, 2 }, is_biden[] = { 0, 2, 7 };
  const guint dt_seoul[] = { 1, 4 }, is_seoul[] = { 12, 13, 14, 15 };

  if (seeds == NULL)
    {
      g_test_skip ("DOSSIER_SEEDS is not set");
      return;
    }
  dt_path = g_build_filename (seeds, "dangerous-territory.txt", NULL);
  is_path = g_build_filename (seeds, "interim-steps.txt", NULL);
  if (!g_file_test (dt_path, G_FILE_TEST_EXISTS) || !g_file_test (is_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the seed articles are not there");
      return;
    }

  dt = load_snapshot (dt_path);
  is = load_snapshot (is_path);
  result = compare (dt, is, DOSSIER_COMPARISON_MODE_AUTO);
  g_assert_cmpint (result->mode, ==, DOSSIER_COMPARISON_MODE_PERSPECTIVES);

  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);
      g_autofree char *wa = first_words (dossier_text_snapshot_get_paragraph (dt, link->a));
      g_autofree char *wb = first_words (dossier_text_snapshot_get_paragraph (is, link->b));
      g_autofree char *terms = g_strjoinv (", ", link->shared_terms);

      g_test_message ("seeds: DT%u ↔ IS%u %.3f [%s] “%s…” ↔ “%s…”", link->a, link->b, link->score, terms, wa, wb);
    }

  g_assert_true (links_any (result, dt_sanctions, G_N_ELEMENTS (dt_sanctions), is_sanctions, G_N_ELEMENTS (is_sanctions)));
  g_assert_true (links_any (result, dt_refusal, G_N_ELEMENTS (dt_refusal), is_refusal, G_N_ELEMENTS (is_refusal)));
  g_assert_true (links_any (result, dt_biden, G_N_ELEMENTS (dt_biden), is_biden, G_N_ELEMENTS (is_biden)));
  g_assert_true (links_any (result, dt_seoul, G_N_ELEMENTS (dt_seoul), is_seoul, G_N_ELEMENTS (is_seoul)));

  /* 17 links measured (docs/comparison.md): besides the four topics, some
   * second-best pairs of these two long commentaries on one subject */
  g_assert_cmpuint (result->links->len, <=, 20);
}

static void
test_anchors (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("aid-pressure.txt");
  g_autoptr(GError) error = NULL;
  /* the user says A0 (introduction) and B10 (conclusion) correspond */
  const DossierAnchor anchors[] = { { 0, 10 } };
  g_autoptr(DossierCompareResult) result =
    dossier_compare_run (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES, anchors, 1, NULL, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < result->links->len; i++)
    {
      DossierLink *link = &g_array_index (result->links, DossierLink, i);

      if (link->a == 0 && link->b == 10)
        {
          g_assert_true (link->anchored);
          found = TRUE;
        }
      else
        {
          /* an anchor replaces every other link of its two paragraphs */
          g_assert_cmpuint (link->a, !=, 0);
          g_assert_cmpuint (link->b, !=, 10);
        }
    }
  g_assert_true (found);

  /* anchors out of range are ignored, not a crash */
  {
    const DossierAnchor bad[] = { { 999, 0 }, { 0, 999 } };
    g_autoptr(DossierCompareResult) r2 =
      dossier_compare_run (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES, bad, 2, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (r2);
  }
}

static gboolean
terms_contain (GPtrArray  *terms,
               const char *display)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_str_equal (((DossierTopicTerm *) g_ptr_array_index (terms, i))->display, display))
      return TRUE;
  return FALSE;
}

/* A point that runs over two paragraphs: own03's condition of the
 * sanctions relief (a2: "renewed only if the government sets a date for
 * elections") against b4 ("unless Port Alcina commits to a monitored
 * vote"), whose neighbour b5 is about the election date too. Judged strong
 * before the tool was run; found only with the neighbour bonus. */
static void
test_neighbours (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("own03-a.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("own03-b.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCompareResult) with = compare (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  g_autoptr(DossierCompareResult) without = NULL;
  DossierAlignParams params;

  dossier_align_params_init (&params);
  g_assert_cmpfloat (params.neighbour_weight, >, 0.0);
  g_assert_true (has_link (with, 1, 3));

  params.neighbour_weight = 0.0;
  without = dossier_compare_run (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES, NULL, 0, &params, &error);
  g_assert_no_error (error);
  g_assert_false (has_link (without, 1, 3));
}

static void
test_topic_strip (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("aid-pressure.txt");
  g_autoptr(DossierCompareResult) result = compare (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES);

  /* two-word phrases, shown as written (not "chines bank") */
  g_assert_true (terms_contain (result->only_b_terms, "Chinese banks"));
  g_assert_true (terms_contain (result->only_b_terms, "front companies"));
  g_assert_true (terms_contain (result->shared_terms, "humanitarian channel"));
  g_assert_true (terms_contain (result->only_a_terms, "weapons program"));

  for (guint i = 0; i < result->shared_terms->len; i++)
    {
      DossierTopicTerm *term = g_ptr_array_index (result->shared_terms, i);

      g_assert_cmpfloat (term->weight_a, >, 0.0);
      g_assert_cmpfloat (term->weight_b, >, 0.0);
      g_assert_cmpuint (term->a_paragraphs->len, >, 0);
      g_assert_cmpuint (term->b_paragraphs->len, >, 0);
    }
  for (guint i = 0; i < result->only_b_terms->len; i++)
    {
      DossierTopicTerm *term = g_ptr_array_index (result->only_b_terms, i);

      g_assert_cmpfloat (term->weight_a, ==, 0.0);
      g_assert_cmpuint (term->a_paragraphs->len, ==, 0);
      g_assert_cmpuint (term->b_paragraphs->len, >, 0);
    }
}

static void
test_tokenize (void)
{
  const char *text = "The U.S.-led sanctions hit North Korea’s banks; inter-Korean ties.";
  g_autoptr(GArray) tokens = dossier_tokenize_words (text, 100);
  const char *expected[] = { "The", "U.S.", "led", "sanctions", "hit", "North", "Korea’s", "banks",
                             "inter", "Korean", "ties" };
  g_autoptr(DossierTermIndex) index = dossier_term_index_new ();
  g_autofree char *key = NULL;
  g_autofree char *folded = dossier_fold_word ("Korea’s", -1);

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tokens->len; i++)
    {
      DossierWordToken *token = &g_array_index (tokens, DossierWordToken, i);
      g_autofree char *word = g_strndup (text + token->start, token->end - token->start);

      g_assert_cmpstr (word, ==, expected[i]);
    }
  /* "banks" follows "Korea’s" directly; "inter" follows a semicolon */
  g_assert_true (g_array_index (tokens, DossierWordToken, 7).joined);
  g_assert_false (g_array_index (tokens, DossierWordToken, 8).joined);

  g_assert_cmpstr (folded, ==, "korea");
  g_assert_true (dossier_is_stop_word ("the"));
  g_assert_false (dossier_is_stop_word ("sanctions"));

  /* Snowball stems, and a demonym meets its country */
  key = dossier_term_index_stem_phrase (index, "Chinese banks");
  g_assert_cmpstr (key, ==, "china bank");
  g_clear_pointer (&key, g_free);
  key = dossier_term_index_stem_phrase (index, "the denuclearization");
  g_assert_cmpstr (key, ==, "denuclear");
}

static void
test_hostile_text (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(DossierTextSnapshot) a = NULL;
  g_autoptr(DossierTextSnapshot) b = NULL;
  g_autoptr(DossierCompareResult) result = NULL;
  const char *empty[] = { "", "   ", "’’’", "-", NULL };

  for (guint i = 0; i < 30000; i++)
    g_string_append (big, "word ");

  {
    const char *pa[] = { big->str, "\xe2\x80\x99s", "U.S.U.S.U.S.", NULL };
    a = dossier_text_snapshot_new_from_text ("A", pa);
  }
  b = dossier_text_snapshot_new_from_text ("B", empty);
  result = compare (a, b, DOSSIER_COMPARISON_MODE_AUTO);
  g_assert_nonnull (result);
}

/* Random text from a hostile alphabet: no crash, no hang, sane output. */
static void
test_fuzz (void)
{
  static const char * const pieces[] = {
    "U.S.", "’s", "'", "-", "—", "“", "”", "\"", ".", " ", "  ", "\n", "Kim", "Jong-un", "of", "the",
    "Institute", "President", "김정은", "é", "\xcc\x81", "A.", "B.C.D.", "http://x.org/#a", "www.",
    "https://", "[1]", "sanctions", "Chinese banks", "and", "UN", "1718", "Council", "on", "#",
  };
  GRand *rand = g_rand_new_with_seed (20261124);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GPtrArray) pa = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) pb = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(DossierTextSnapshot) a = NULL;
      g_autoptr(DossierTextSnapshot) b = NULL;
      g_autoptr(DossierCompareResult) result = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint p = 0; p < n; p++)
        {
          GString *text = g_string_new (NULL);
          guint words = g_rand_int_range (rand, 0, 60);

          for (guint w = 0; w < words; w++)
            g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          g_ptr_array_add (g_rand_boolean (rand) ? pa : pb, g_string_free (text, FALSE));
        }
      g_ptr_array_add (pa, NULL);
      g_ptr_array_add (pb, NULL);
      a = dossier_text_snapshot_new_from_text ("A", (const char * const *) pa->pdata);
      b = dossier_text_snapshot_new_from_text ("B", (const char * const *) pb->pdata);

      for (DossierSnapshotNote *note = NULL; note == NULL && g_rand_boolean (rand);)
        {
          note = g_new0 (DossierSnapshotNote, 1);
          note->number = 1;
          note->text = g_strdup ("“Unclosed title, http://www.x.org/a/ and \"Another One Here\" “");
          note->urls = g_new0 (char *, 2);
          note->urls[0] = g_strdup ("http://www.x.org/a/");
          g_ptr_array_add (a->notes, note);
        }

      result = dossier_compare_run (a, b, g_rand_int_range (rand, 0, 3), NULL, 0, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < result->links->len; i++)
        {
          DossierLink *link = &g_array_index (result->links, DossierLink, i);

          g_assert_cmpuint (link->a, <, a->paragraphs->len);
          g_assert_cmpuint (link->b, <, b->paragraphs->len);
          g_assert_true (link->score >= 0.0 && link->score <= 1.0);
        }
      for (guint i = 0; i < result->chunks->len; i++)
        {
          DossierChunkRecord *chunk = &g_array_index (result->chunks, DossierChunkRecord, i);

          g_assert_true (g_utf8_validate (chunk->text, -1, NULL));
          g_assert_cmpint (chunk->a_paragraph, <, (int) a->paragraphs->len);
          g_assert_cmpint (chunk->b_paragraph, <, (int) b->paragraphs->len);
        }
      {
        g_autoptr(JsonNode) node = dossier_compare_result_to_json (result, a, b);
        g_assert_nonnull (node);
      }
    }

  g_rand_free (rand);
}

static DossierNamedEntity *
find_name (GPtrArray  *names,
           const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (((DossierNamedEntity *) g_ptr_array_index (names, i))->name, name))
      return g_ptr_array_index (names, i);
  return NULL;
}

static void
test_names (void)
{
  g_autofree char *k1 = dossier_name_key ("Kim Jong Un");
  g_autofree char *k2 = dossier_name_key ("Jong Un Kim");
  g_autofree char *k3 = dossier_name_key ("Kim Jong-un");
  g_autofree char *k4 = dossier_name_key ("Donald Trump");
  g_autofree char *k5 = dossier_name_key ("Trump Donald");
  const char *paragraphs[] = {
    "President Moon Jae-in met Jong Un Kim at Panmunjom. Moon later spoke to the Council on Foreign Relations.",
    "The Korea Institute for National Unification and the Ministry of Unification disagreed with 김정은 and Dr. Smith.",
    "However, Sue Mi Terry of the Center for Strategic and International Studies disagreed with the Biden Administration.",
    NULL
  };
  g_autoptr(DossierTextSnapshot) doc = dossier_text_snapshot_new_from_text ("T", paragraphs);
  g_autoptr(GPtrArray) names = dossier_extract_names (doc);
  DossierNamedEntity *entity;

  /* Korean names in either order, hyphenated or not, are one person */
  g_assert_cmpstr (k1, ==, k2);
  g_assert_cmpstr (k1, ==, k3);
  /* other names keep their order */
  g_assert_cmpstr (k4, !=, k5);

  entity = find_name (names, "Moon Jae-in");
  g_assert_nonnull (entity);
  g_assert_cmpint (entity->kind, ==, DOSSIER_NAME_PERSON);
  g_assert_cmpuint (entity->mentions, ==, 2);   /* "Moon" alone counts */
  g_assert_nonnull (find_name (names, "Jong Un Kim"));
  g_assert_nonnull (find_name (names, "김정은"));
  g_assert_nonnull (find_name (names, "Smith"));
  g_assert_nonnull (find_name (names, "Sue Mi Terry"));
  g_assert_nonnull (find_name (names, "Biden"));
  entity = find_name (names, "Council on Foreign Relations");
  g_assert_nonnull (entity);
  g_assert_cmpint (entity->kind, ==, DOSSIER_NAME_ORGANIZATION);
  g_assert_nonnull (find_name (names, "Korea Institute for National Unification"));
  g_assert_nonnull (find_name (names, "Ministry of Unification"));
  g_assert_nonnull (find_name (names, "Center for Strategic and International Studies"));
  /* sentence openers and places are not names */
  g_assert_null (find_name (names, "However"));
  g_assert_null (find_name (names, "Panmunjom"));
}

static gboolean
result_names (DossierCompareResult *result,
              gboolean              left,
              const char           *name,
              gboolean              shared)
{
  DossierNamedEntity *entity = find_name (left ? result->names_a : result->names_b, name);

  return entity != NULL && dossier_compare_result_name_is_shared (result, left, entity) == shared;
}

static void
test_names_fixture (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("aid-pressure.txt");
  g_autoptr(DossierCompareResult) result = compare (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES);

  g_assert_true (result_names (result, TRUE, "Kim Jong Un", TRUE));    /* B writes "Kim Jong-un" */
  g_assert_true (result_names (result, FALSE, "Kim Jong-un", TRUE));
  g_assert_true (result_names (result, TRUE, "Lee Jae-myung", TRUE));
  g_assert_true (result_names (result, TRUE, "Unification Ministry", TRUE));
  g_assert_true (result_names (result, TRUE, "State Department", FALSE));
  g_assert_true (result_names (result, FALSE, "COVAX", FALSE));
}

static void
test_shared_sources (void)
{
  const char *urls[][2] = {
    { "https://www.CSIS.org/analysis/x/", "csis.org/analysis/x" },
    { "http://csis.org/analysis/x#section", "csis.org/analysis/x" },
    { "https://example.org/A/B?q=1", "example.org/A/B?q=1" },
  };
  g_autoptr(DossierTextSnapshot) a = load_fixture ("aid-engagement.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("aid-pressure.txt");
  g_autoptr(GPtrArray) sources = dossier_find_shared_sources (a, b);
  g_auto(GStrv) titles = dossier_extract_quoted_titles ("Victor Cha, “Biden Administration's North Korea Policy,” CSIS, \"Another Long Title Here\".");
  gboolean url = FALSE, work = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *normal = dossier_normalize_url (urls[i][0]);
      g_assert_cmpstr (normal, ==, urls[i][1]);
    }

  g_assert_cmpuint (g_strv_length (titles), ==, 2);
  g_assert_cmpstr (titles[0], ==, "Biden Administration's North Korea Policy");

  /* the UN report by URL (written differently), Wertz's paper by title */
  for (guint i = 0; i < sources->len; i++)
    {
      DossierSharedSource *source = g_ptr_array_index (sources, i);

      if (g_str_equal (source->kind, "url"))
        {
          g_assert_cmpstr (source->key, ==, "un.org/securitycouncil/sanctions/1718/panel_experts/reports");
          g_assert_cmpuint (g_array_index (source->a_notes, guint, 0), ==, 3);
          g_assert_cmpuint (g_array_index (source->b_notes, guint, 0), ==, 1);
          url = TRUE;
        }
      else
        {
          g_assert_cmpstr (source->key, ==, "humanitarian exemptions and the 1718 committee");
          work = TRUE;
        }
    }
  g_assert_true (url);
  g_assert_true (work);
}

static void
test_matrix (void)
{
  DossierTextSnapshot *docs[3] = {
    load_fixture ("aid-engagement.txt"),
    load_fixture ("aid-pressure.txt"),
    load_fixture ("brief-v1.txt"),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMatrix) matrix = dossier_matrix_compute (docs, 3, NULL, &error);
  g_autoptr(JsonNode) node = NULL;
  gboolean seen_empty = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_documents, ==, 3);
  g_assert_cmpuint (matrix->topics->len, >=, 5);

  for (guint t = 0; t < matrix->topics->len; t++)
    {
      DossierMatrixTopic *topic = g_ptr_array_index (matrix->topics, t);
      guint filled = 0;

      g_assert_nonnull (topic->label);
      g_assert_cmpstr (topic->label, !=, "");
      g_assert_cmpuint (topic->cells->len, ==, 3);
      for (guint d = 0; d < 3; d++)
        {
          GArray *cell = g_ptr_array_index (topic->cells, d);

          if (cell->len > 0)
            filled++;
          else
            seen_empty = TRUE;
          /* no topic swallows an article */
          g_assert_cmpuint (cell->len, <=, 3);
        }
      g_assert_cmpuint (filled, >=, 2);
      g_assert_cmpuint (filled, ==, topic->n_documents);
    }
  /* the reunions brief does not discuss sanctions on banks: empty cells */
  g_assert_true (seen_empty);

  node = dossier_matrix_to_json (matrix, docs);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  {
    g_autoptr(DossierMatrix) one = dossier_matrix_compute (docs, 1, NULL, &error);
    g_assert_error (error, DOSSIER_COMPARISON_ERROR, DOSSIER_COMPARISON_ERROR_INVALID);
    g_assert_null (one);
  }

  for (guint d = 0; d < 3; d++)
    dossier_text_snapshot_free (docs[d]);
}

/* Topics are phrases a person would write and names are whole: the
 * fragments the issue listed (and their kin) must never be a topic or a
 * name, and one organisation written three ways is one name. */
static void
test_topic_fragments (void)
{
  g_autoptr(DossierTextSnapshot) a = load_fixture ("names-a.txt");
  g_autoptr(DossierTextSnapshot) b = load_fixture ("names-b.txt");
  g_autoptr(DossierCompareResult) result = compare (a, b, DOSSIER_COMPARISON_MODE_PERSPECTIVES);
  const char *never_topics[] = {
    "led sanctions", "U.S.-led", "Korean violations", "call", "work", "deal", "senior officials",
    "Senior officials", "officials", "Party Talks", "Thursday", "Friday", "we'll", "statement",
  };
  const char *never_names[] = { "Party Talks", "Party of Korea", "Korea", "Senior", "Thursday" };
  GPtrArray *lists[] = { result->shared_terms, result->only_a_terms, result->only_b_terms };
  const DossierNamedEntity *un, *iaea, *talks;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const char *display = ((DossierTopicTerm *) g_ptr_array_index (lists[l], i))->display;

        for (guint k = 0; k < G_N_ELEMENTS (never_topics); k++)
          if (g_ascii_strcasecmp (display, never_topics[k]) == 0)
            g_error ("“%s” is a topic", display);
      }
  for (guint k = 0; k < G_N_ELEMENTS (never_names); k++)
    {
      g_assert_null (find_name (result->names_a, never_names[k]));
      g_assert_null (find_name (result->names_b, never_names[k]));
    }

  /* whole names */
  g_assert_nonnull (find_name (result->names_a, "Workers’ Party of Korea"));
  talks = find_name (result->names_a, "Six-Party Talks");
  g_assert_nonnull (talks);
  g_assert_true (dossier_compare_result_name_is_shared (result, TRUE, talks));

  /* "United Nations", "UN" and "U.N." are one organisation */
  un = find_name (result->names_a, "United Nations (UN)");
  g_assert_nonnull (un);
  g_assert_cmpuint (un->mentions, ==, 3);
  for (guint i = 0; i < result->names_a->len; i++)
    {
      const DossierNamedEntity *e = g_ptr_array_index (result->names_a, i);

      g_assert_false (e != un && (g_str_equal (e->key, "un") || g_str_equal (e->key, "united nations")));
    }
  g_assert_true (dossier_compare_result_name_is_shared (result, TRUE, un));

  /* "IAEA" on one side is "International Atomic Energy Agency" on the other */
  iaea = find_name (result->names_a, "IAEA");
  g_assert_nonnull (iaea);
  g_assert_true (dossier_compare_result_name_is_shared (result, TRUE, iaea));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/comparison/alignment/fixture-precision-recall", test_fixture_precision_recall);
  g_test_add_func ("/dossier/comparison/alignment/seeds", test_seeds);
  g_test_add_func ("/dossier/comparison/alignment/anchors", test_anchors);
  g_test_add_func ("/dossier/comparison/alignment/neighbours", test_neighbours);
  g_test_add_func ("/dossier/comparison/topics/strip", test_topic_strip);
  g_test_add_func ("/dossier/comparison/topics/fragments", test_topic_fragments);
  g_test_add_func ("/dossier/comparison/text/tokenize", test_tokenize);
  g_test_add_func ("/dossier/comparison/text/hostile", test_hostile_text);
  g_test_add_func ("/dossier/comparison/text/fuzz", test_fuzz);
  g_test_add_func ("/dossier/comparison/names/extract", test_names);
  g_test_add_func ("/dossier/comparison/names/fixture", test_names_fixture);
  g_test_add_func ("/dossier/comparison/sources/shared", test_shared_sources);
  g_test_add_func ("/dossier/comparison/matrix/three", test_matrix);

  return g_test_run ();
}
