/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "memo/dossier-memo-check.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-library.h"
#include "memo/dossier-memo-notes.h"
#include "memo/dossier-memo-templates.h"

typedef struct {
  char *tmpdir;
  char *path;
  DossierLibrary *library;
  DossierMemo *memo;
} Fixture;

static DossierDocument *
make_document (const char         *title,
               const char         *author,
               const char         *url,
               const char * const *paragraphs)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) person = dossier_author_new (author);

  dossier_document_set_title (document, title);
  dossier_document_set_source_url (document, url);
  dossier_document_add_author (document, person);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(DossierParagraph) paragraph = dossier_paragraph_new (paragraphs[i]);
      dossier_document_add_paragraph (document, paragraph);
    }

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *whitcombe[] = {
    "Talks have stalled since 2019, and neither side has offered a path back.",
    /* Straight quotes, a line break and double spaces: the memo's quote uses
     * curly quotes and single spaces, and must still match. */
    "Interim steps remain possible,  but only if both sides accept\nthat they are fragile.",
    "Seoul has been clear. \"A freeze is not a reward; it is a floor,\" the minister said.",
    "Washington\u2014for its part\u2014has said little.",
    NULL
  };
  const char *kim[] = {
    "Sequencing matters more than the destination: a freeze first, then reductions.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) doc1 = NULL;
  g_autoptr(DossierDocument) doc2 = NULL;
  g_autofree char *memo_path = NULL;
  g_autoptr(GFile) memo_file = NULL;
  g_autofree char *id = NULL;

  fixture->tmpdir = g_dir_make_tmp ("dossier-memo-check-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "library.db", NULL);
  fixture->library = dossier_library_open (fixture->path, &error);
  g_assert_no_error (error);

  doc1 = make_document ("Quiet Diplomacy on the Peninsula", "Daniel Whitcombe",
                        "https://meridian.example.org/quiet-diplomacy", whitcombe);
  id = dossier_library_add (fixture->library, doc1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, g_free);

  /* Found by title and author: the memo's copy has no URL. */
  doc2 = make_document ("Freeze First: Sequencing Denuclearization", "Kim Seo-yeon", NULL, kim);
  id = dossier_library_add (fixture->library, doc2, &error);
  g_assert_no_error (error);

  memo_path = g_test_build_filename (G_TEST_DIST, "memo", "data", "briefing.dossier-memo", NULL);
  memo_file = g_file_new_for_path (memo_path);
  fixture->memo = dossier_memo_load_file (memo_file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->memo);
  g_assert_finalize_object (fixture->library);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

static GListModel *
check (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *issues = dossier_memo_check (fixture->memo, dossier_memo_library_find_source,
                                           fixture->library, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (issues);
  return issues;
}

static guint
count_kind (GListModel           *issues,
            DossierMemoIssueKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

      if (dossier_memo_issue_get_kind (issue) == kind)
        count++;
    }

  return count;
}

static DossierMemoIssue *
find_kind (GListModel           *issues,
           DossierMemoIssueKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

      if (dossier_memo_issue_get_kind (issue) == kind)
        return g_steal_pointer (&issue);
    }

  return NULL;
}

static void
dump (GListModel *issues)
{
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);
      g_test_message ("%s: %s", dossier_memo_issue_get_code (issue), dossier_memo_issue_get_message (issue));
    }
}

static void
test_check_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) issues = check (fixture);

  dump (issues);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
}

static void
test_check_quote_edited (Fixture       *fixture,
                         gconstpointer  data)
{
  DossierCitation *citation = dossier_memo_lookup_citation (fixture->memo, "whitcombe");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(DossierMemoIssue) issue = NULL;

  /* The analyst "improved" the quote: it no longer says what the source says. */
  dossier_citation_set_quote (citation,
                              "Interim steps remain possible, but only if both sides accept that they are permanent.");
  issues = check (fixture);
  dump (issues);

  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = find_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH);
  g_assert_nonnull (issue);
  g_assert_true (dossier_memo_issue_is_error (issue));
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (issue), ==, "whitcombe");
  g_assert_cmpstr (dossier_memo_issue_get_closest_passage (issue), ==,
                   "Interim steps remain possible,  but only if both sides accept\nthat they are fragile.");
  g_assert_cmpfloat (dossier_memo_issue_get_similarity (issue), >, 0.9);
  g_assert_cmpfloat (dossier_memo_issue_get_similarity (issue), <, 1.0);
}

/* What the memo prints is checked, not only the citation's own copy of
 * the excerpt: editing the quotation in the text is caught, in a block
 * quotation and in running text alike. */
static void
test_check_printed_quotation (Fixture       *fixture,
                              gconstpointer  data)
{
  DossierMemoSection *background = dossier_memo_find_section (fixture->memo, "Background");
  DossierMemoSection *bluf = dossier_memo_get_section (fixture->memo, 0);
  g_autoptr(DossierMemoBlock) block = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(DossierMemoIssue) issue = NULL;
  guint position = 0;

  g_assert_nonnull (background);
  g_assert_true (g_list_store_find (G_LIST_STORE (dossier_memo_get_sections (fixture->memo)), background, &position));

  /* A faithful quotation in running text, with its own punctuation. */
  dossier_memo_section_set_source_text (bluf, "As the source puts it, “interim steps remain possible,”[^whitcombe] for now.");
  issues = check (fixture);
  dump (issues);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH), ==, 0);
  g_clear_object (&issues);

  /* The same, "improved". */
  dossier_memo_section_set_source_text (bluf, "As the source puts it, “interim steps remain certain,”[^whitcombe] for now.");
  issues = check (fixture);
  dump (issues);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH), ==, 1);
  issue = find_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH);
  g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, 0);
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (issue), ==, "whitcombe");
  g_assert_nonnull (dossier_memo_issue_get_closest_passage (issue));
  g_clear_object (&issue);
  g_clear_object (&issues);
  dossier_memo_section_set_source_text (bluf, "Interim steps are possible.[^whitcombe]");

  /* A block quotation edited in place; its citation's stored excerpt is
   * untouched (the editor never changes it). */
  block = dossier_memo_block_new_quote ("“A freeze is not a reward; it is a ceiling,”", "minister");
  dossier_memo_section_append_block (background, block);
  issues = check (fixture);
  dump (issues);
  issue = find_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH);
  g_assert_nonnull (issue);
  g_assert_true (dossier_memo_issue_is_error (issue));
  g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, (int) position);
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (issue), ==, "minister");
}

static void
test_check_normalisation (Fixture       *fixture,
                          gconstpointer  data)
{
  DossierCitation *citation = dossier_memo_lookup_citation (fixture->memo, "whitcombe");
  g_autoptr(GListModel) issues = NULL;
  const char *fine[] = {
    "INTERIM STEPS remain possible … they are fragile",
    "Interim steps remain possible [...] that they are fragile.",
    "“Washington – for its part – has said little.”",
    "[Washington] for its part\u2014has said little",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(GListModel) found = NULL;

      dossier_citation_set_quote (citation, fine[i]);
      found = check (fixture);
      dump (found);
      g_assert_cmpuint (count_kind (found, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH), ==, 0);
    }

  /* Fragments must come in the source's order. */
  dossier_citation_set_quote (citation, "they are fragile … Interim steps remain possible");
  issues = check (fixture);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH), ==, 1);
}

static void
test_check_unverified (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierCitation *citation = dossier_memo_lookup_citation (fixture->memo, "report");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) without = NULL;
  g_autoptr(DossierMemoIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  dossier_citation_set_quote (citation, "Deterrence held for another year.");
  issues = check (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = find_kind (issues, DOSSIER_MEMO_ISSUE_UNVERIFIED);
  g_assert_nonnull (issue);
  g_assert_false (dossier_memo_issue_is_error (issue));

  /* Without a library every quote is unverified. */
  without = dossier_memo_check (fixture->memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (without, DOSSIER_MEMO_ISSUE_UNVERIFIED), ==, 3);
}

static void
test_check_references (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierMemoSection *section = dossier_memo_get_section (fixture->memo, 2);
  DossierMemoBlock *block = dossier_memo_section_get_block (section, 0);
  const char *items[] = { "Talks stalled in 2019.[^reprot]", "A freeze would cap the arsenal.[^kim]", NULL };
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(DossierMemoIssue) dangling = NULL;
  g_autoptr(DossierMemoIssue) unused = NULL;

  /* A typo in a marker: it resolves to nothing, and "report" and "study" go unused. */
  dossier_memo_block_set_items (block, items);
  issues = check (fixture);
  dump (issues);

  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_DANGLING_MARKER), ==, 1);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_UNUSED_CITATION), ==, 2);
  dangling = find_kind (issues, DOSSIER_MEMO_ISSUE_DANGLING_MARKER);
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (dangling), ==, "reprot");
  g_assert_cmpint (dossier_memo_issue_get_section (dangling), ==, 2);
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (dangling), "(U) Background"));
  unused = find_kind (issues, DOSSIER_MEMO_ISSUE_UNUSED_CITATION);
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (unused), ==, "report");
}

static void
test_check_library_id (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierCitation *citation = dossier_memo_lookup_citation (fixture->memo, "whitcombe");
  g_autoptr(DossierDocument) found = NULL;
  g_autoptr(DossierDocument) by_id = NULL;
  g_autoptr(GError) error = NULL;

  /* By URL first (no library_id in the file)… */
  found = dossier_memo_library_find_source (citation, fixture->library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  /* …then by its id; an id from another machine falls back to the URL. */
  dossier_citation_set_library_id (citation, dossier_document_get_id (found));
  by_id = dossier_memo_library_find_source (citation, fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_id (by_id), ==, dossier_document_get_id (found));
  g_clear_object (&by_id);

  dossier_citation_set_library_id (citation, "no-such-id");
  by_id = dossier_memo_library_find_source (citation, fixture->library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_id);
}

/* ---- Lint ---------------------------------------------------------------- */

static GListModel *
lint (DossierMemo                  *memo,
      const DossierMemoLayoutHooks *hooks)
{
  GListStore *issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);

  dossier_memo_lint (memo, hooks, issues);
  return G_LIST_MODEL (issues);
}

static guint
three_pages (DossierMemo *memo,
             gpointer     user_data)
{
  return 3;
}

static guint
six_lines (DossierMemo        *memo,
           DossierMemoSection *section,
           gpointer            user_data)
{
  return 6;
}

/* A block longer than the PDF layout can print whole is an error of the
 * check, with its section, not a silent cut at export. */
static void
test_check_block_too_long (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("Annex");
  g_autoptr(GListStore) issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  g_autoptr(DossierMemoIssue) issue = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len <= DOSSIER_MEMO_MAX_BLOCK_TEXT)
    g_string_append (text, "Enforcement, not scope, is now the binding constraint. ");
  dossier_memo_append_section (memo, section);
  dossier_memo_section_set_source_text (section, text->str);

  dossier_memo_check_references (memo, issues);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 1);
  issue = g_list_model_get_item (G_LIST_MODEL (issues), 0);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "block-too-long");
  g_assert_true (dossier_memo_issue_is_error (issue));
  g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, 0);
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (issue), "Annex"));
}

static void
test_lint_templates (void)
{
  for (DossierMemoKind kind = DOSSIER_MEMO_KIND_INFORMATION; kind <= DOSSIER_MEMO_KIND_POLICY_BRIEF; kind++)
    {
      g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (kind);
      g_autoptr(GListModel) issues = NULL;
      g_autoptr(DossierMemo) again = NULL;
      g_autofree char *json = NULL;
      g_autofree char *json_again = NULL;
      g_autoptr(GError) error = NULL;

      /* A fresh template only lacks its filling in: every issue is a
       * placeholder left, one per field or section at most. */
      issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      dump (issues);
      g_assert_cmpuint (g_list_model_get_n_items (issues), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (issues), <=, dossier_memo_get_n_sections (memo) + 3);
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

          g_assert_cmpint (dossier_memo_issue_get_kind (issue), ==, DOSSIER_MEMO_ISSUE_PLACEHOLDER);
          g_assert_false (dossier_memo_issue_is_error (issue));
        }
      g_assert_nonnull (dossier_memo_find_bluf_section (memo));

      json = dossier_memo_to_json (memo, NULL);
      again = dossier_memo_from_json (json, -1, &error);
      g_assert_no_error (error);
      json_again = dossier_memo_to_json (again, NULL);
      g_assert_cmpstr (json, ==, json_again);
      g_assert_cmpint (dossier_memo_get_kind (again), ==, kind);
    }
}

/* Once filled in, a template lints clean; only the templates' own
 * placeholders count, not brackets an analyst writes. */
static void
test_lint_placeholders (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_POLICY_BRIEF);
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(DossierMemoIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  dossier_memo_set_subject (memo, "Sanctions Enforcement After the Panel");
  dossier_memo_set_to (memo, "The Director of Policy Planning");
  dossier_memo_set_from (memo, "Northeast Asia Desk");
  for (guint i = 0; i < dossier_memo_get_n_sections (memo); i++)
    dossier_memo_section_set_source_text (dossier_memo_get_section (memo, i),
                                          "The panel’s mandate lapsed [sic] in April; its reports [...] stopped.");
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump (issues);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
  g_clear_object (&issues);

  /* An empty header line prints as a bare label: a warning too. */
  dossier_memo_set_from (memo, "  ");
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = g_list_model_get_item (issues, 0);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "placeholder");
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (issue), "empty"));
  g_clear_object (&issue);
  g_clear_object (&issues);
  dossier_memo_set_from (memo, "Northeast Asia Desk");

  /* One placeholder left in one section: one warning, for that section. */
  dossier_memo_section_set_source_text (dossier_memo_get_section (memo, 1),
                                        "Known so far: [what it is] and more.");
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = g_list_model_get_item (issues, 0);
  g_assert_cmpint (dossier_memo_issue_get_kind (issue), ==, DOSSIER_MEMO_ISSUE_PLACEHOLDER);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "placeholder");
  g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, 1);
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (issue), "[what it is]"));
}

/* Before an export: a source that names only an author and a title, and
 * in a portion-marked memo a block quotation without its mark. */
static DossierMemo *
finished_memo (gboolean marked)
{
  DossierMemo *memo = dossier_memo_new ();
  const char *authors[] = { "Min-ji Park", NULL };
  g_autoptr(DossierCitation) citation = dossier_citation_new ("park");
  g_autoptr(DossierMemoSection) summary = dossier_memo_section_new (marked ? "(U) Summary" : "Summary");
  g_autoptr(DossierMemoSection) evidence = dossier_memo_section_new (marked ? "(U) Evidence" : "Evidence");
  g_autoptr(DossierMemoBlock) quote = dossier_memo_block_new_quote ("Talks must come before the deadline.", "park");

  dossier_memo_set_marking (memo, marked ? "UNCLASSIFIED" : NULL);
  dossier_memo_set_to (memo, "The Director");
  dossier_memo_set_from (memo, "Northeast Asia Desk");
  dossier_memo_set_subject (memo, "Talks Before the Deadline");
  dossier_citation_set_authors (citation, authors);
  dossier_citation_set_title (citation, "Talking Before It Is Too Late");
  dossier_memo_add_citation (memo, citation);
  dossier_memo_section_set_source_text (summary, "Seoul wants talks first.");
  dossier_memo_append_section (memo, summary);
  dossier_memo_section_append_block (evidence, quote);
  dossier_memo_append_section (memo, evidence);
  return memo;
}

static void
test_lint_unfinished (void)
{
  g_autoptr(DossierMemo) memo = finished_memo (TRUE);
  g_autoptr(DossierMemo) unmarked = finished_memo (FALSE);
  DossierCitation *citation = DOSSIER_CITATION (g_list_model_get_object (dossier_memo_get_citations (memo), 0));
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(DossierMemoIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump (issues);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 2);
  issue = g_list_model_get_item (issues, 0);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "unmarked-excerpt");
  g_assert_false (dossier_memo_issue_is_error (issue));
  g_assert_cmpint (dossier_memo_issue_get_section (issue), ==, 1);
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (issue), "(U) Evidence"));
  g_clear_object (&issue);
  issue = g_list_model_get_item (issues, 1);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "thin-source");
  g_assert_false (dossier_memo_issue_is_error (issue));
  g_assert_cmpstr (dossier_memo_issue_get_citation_id (issue), ==, "park");
  g_assert_nonnull (strstr (dossier_memo_issue_get_message (issue), "Talking Before It Is Too Late"));
  g_clear_object (&issue);
  g_clear_object (&issues);

  /* Marked, and with where the source was published: clean. */
  dossier_memo_block_set_text (dossier_memo_section_get_block (dossier_memo_get_section (memo, 1), 0),
                               "(U) Talks must come before the deadline.");
  dossier_citation_set_publisher (citation, "Han River Policy Forum");
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump (issues);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
  g_clear_object (&issues);
  dossier_citation_set_publisher (citation, NULL);
  g_assert_true (dossier_citation_set_published (citation, "2025-02-20"));
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
  g_clear_object (&issues);
  g_object_unref (citation);

  /* A memo without portion marks needs none on its quotations. */
  issues = dossier_memo_check (unmarked, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  issue = g_list_model_get_item (issues, 0);
  g_assert_cmpstr (dossier_memo_issue_get_code (issue), ==, "thin-source");
}

/* Each template names the section excerpts go to before the analyst
 * has chosen one. */
static void
test_evidence_section (void)
{
  static const struct { DossierMemoKind kind; const char *title; } cases[] = {
    { DOSSIER_MEMO_KIND_INFORMATION, "(U) Discussion" },
    { DOSSIER_MEMO_KIND_DECISION, "(U) Background" },
    { DOSSIER_MEMO_KIND_POLICY_BRIEF, "Perspectives" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (cases[i].kind);
      DossierMemoSection *section = dossier_memo_find_evidence_section (memo);

      g_assert_nonnull (section);
      g_assert_cmpstr (dossier_memo_section_get_title (section), ==, cases[i].title);
    }
  {
    g_autoptr(DossierMemo) memo = dossier_memo_new ();

    g_assert_null (dossier_memo_find_evidence_section (memo));
  }
}

static void
test_lint_decision (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_DECISION);
  DossierMemoSection *recommendation = dossier_memo_find_section (memo, "Recommendation");
  DossierMemoSection *bluf = dossier_memo_find_bluf_section (memo);
  DossierMemoBlock *bluf_block = dossier_memo_section_get_block (bluf, 0);
  const DossierMemoLayoutHooks hooks = { three_pages, six_lines, NULL };
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) with_layout = NULL;
  g_autoptr(GListModel) long_memo = NULL;
  g_autoptr(GString) text = g_string_new ("(U) ");

  g_assert_nonnull (recommendation);
  dossier_memo_section_remove_block (recommendation, 1);

  /* 5 lines at 90 characters. */
  for (guint i = 0; i < 80; i++)
    g_string_append (text, "word ");
  dossier_memo_block_set_text (bluf_block, text->str);

  issues = lint (memo, NULL);
  dump (issues);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_APPROVE_LINES), ==, 1);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_BLUF_LENGTH), ==, 1);
  g_assert_cmpuint (count_kind (issues, DOSSIER_MEMO_ISSUE_PAGE_COUNT), ==, 0);

  /* The layout engine's counts replace the estimates. */
  dossier_memo_block_set_text (bluf_block, "(U) Short.");
  with_layout = lint (memo, &hooks);
  g_assert_cmpuint (count_kind (with_layout, DOSSIER_MEMO_ISSUE_PAGE_COUNT), ==, 1);
  g_assert_cmpuint (count_kind (with_layout, DOSSIER_MEMO_ISSUE_BLUF_LENGTH), ==, 1);

  /* Estimated pages: 60 paragraphs of two lines. */
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph (text->str);
      dossier_memo_section_append_block (recommendation, block);
    }
  g_assert_cmpuint (dossier_memo_estimate_pages (memo), >, 2);
  long_memo = lint (memo, NULL);
  g_assert_cmpuint (count_kind (long_memo, DOSSIER_MEMO_ISSUE_PAGE_COUNT), ==, 1);

  /* An information memo has no such rules. */
  dossier_memo_set_kind (memo, DOSSIER_MEMO_KIND_INFORMATION);
  g_clear_object (&long_memo);
  long_memo = lint (memo, NULL);
  g_assert_cmpuint (count_kind (long_memo, DOSSIER_MEMO_ISSUE_PAGE_COUNT), ==, 0);
  g_assert_cmpuint (count_kind (long_memo, DOSSIER_MEMO_ISSUE_APPROVE_LINES), ==, 0);
}

static void
test_lint_markings (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_INFORMATION);
  DossierMemoSection *discussion = dossier_memo_get_section (memo, 1);
  g_autoptr(GListModel) higher = NULL;
  g_autoptr(GListModel) partial = NULL;
  g_autoptr(GListModel) classified = NULL;
  g_autoptr(GListModel) no_header = NULL;
  g_autoptr(GListModel) fine = NULL;

  /* A CUI portion in an UNCLASSIFIED memo. */
  dossier_memo_section_set_title (discussion, "(CUI) Discussion");
  higher = lint (memo, NULL);
  dump (higher);
  g_assert_cmpuint (count_kind (higher, DOSSIER_MEMO_ISSUE_MARKING), ==, 1);

  dossier_memo_set_marking (memo, "CUI");
  fine = lint (memo, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (fine),
                    ==, count_kind (fine, DOSSIER_MEMO_ISSUE_PLACEHOLDER));

  /* All or none: the mark at the start of the first block counts too. */
  dossier_memo_section_set_title (discussion, "Discussion");
  dossier_memo_block_set_text (dossier_memo_section_get_block (discussion, 0), "No mark here.");
  partial = lint (memo, NULL);
  dump (partial);
  g_assert_cmpuint (count_kind (partial, DOSSIER_MEMO_ISSUE_MARKING), ==, 1);

  dossier_memo_section_set_title (discussion, "(S) Discussion");
  classified = lint (memo, NULL);
  g_assert_cmpuint (count_kind (classified, DOSSIER_MEMO_ISSUE_MARKING), >=, 1);

  dossier_memo_section_set_title (discussion, "(U) Discussion");
  dossier_memo_set_marking (memo, NULL);
  no_header = lint (memo, NULL);
  g_assert_cmpuint (count_kind (no_header, DOSSIER_MEMO_ISSUE_MARKING), ==, 1);
}

/* ---- Insert Perspectives ----------------------------------------------- */

static void
test_perspectives (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new_from_template (DOSSIER_MEMO_KIND_POLICY_BRIEF);
  g_autoptr(GListStore) documents = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  const char *paragraphs[] = { "Heading", "The first claim is bold. The second is not.", NULL };
  const char *points[] = { "Freeze first, then *reduce*.", "Verification needs [access].", NULL };
  g_autoptr(DossierDocument) a = make_document ("Quiet Diplomacy", "Daniel Whitcombe", NULL, paragraphs);
  g_autoptr(DossierDocument) b = make_document ("Freeze First", "Kim Seo-yeon", NULL, paragraphs);
  DossierAuthor *author;
  DossierMemoSection *section;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  dossier_document_set_published (a, "2024-04-12");
  {
    g_autoptr(DossierParagraph) heading = g_list_model_get_item (dossier_document_get_paragraphs (a), 0);
    dossier_paragraph_set_kind (heading, DOSSIER_PARAGRAPH_HEADING);
  }
  dossier_document_set_key_points (b, points);
  author = g_list_model_get_item (dossier_document_get_authors (a), 0);
  dossier_author_set_position (author, "Senior Fellow");
  dossier_author_set_affiliation (author, "The Meridian Institute");
  g_object_unref (author);
  g_list_store_append (documents, a);
  g_list_store_append (documents, b);

  section = dossier_memo_insert_perspectives (memo, G_LIST_MODEL (documents));
  g_assert_true (dossier_memo_get_section (memo, 2) == section);
  g_assert_cmpuint (dossier_memo_get_n_sections (memo), ==, 5);
  g_assert_cmpstr (dossier_memo_section_get_title (section), ==, "Perspectives");
  g_assert_cmpuint (dossier_memo_section_get_n_blocks (section), ==, 4);

  g_assert_cmpstr (dossier_memo_block_get_text (dossier_memo_section_get_block (section, 0)), ==,
                   "**Daniel Whitcombe** (Senior Fellow, The Meridian Institute), in “Quiet Diplomacy”:[^whitcombe2024]");
  g_assert_cmpstr (dossier_memo_block_get_items (dossier_memo_section_get_block (section, 1))[0], ==,
                   "The first claim is bold.");
  g_assert_cmpstr (dossier_memo_block_get_items (dossier_memo_section_get_block (section, 3))[0], ==,
                   "Freeze first, then \\*reduce\\*.");
  g_assert_nonnull (dossier_memo_lookup_citation (memo, "kim"));

  /* The perspectives themselves leave nothing to fix (the template's
   * other sections still wait to be written), and the analyst's own
   * brackets ("[access]") are not taken for placeholders. */
  issues = dossier_memo_check (memo, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump (issues);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(DossierMemoIssue) issue = g_list_model_get_item (issues, i);

      /* Kim's article names no publisher, date or address: its note
       * would be only an author and a title. */
      if (dossier_memo_issue_get_kind (issue) == DOSSIER_MEMO_ISSUE_THIN_SOURCE)
        {
          g_assert_cmpstr (dossier_memo_issue_get_citation_id (issue), ==, "kim");
          continue;
        }
      g_assert_cmpint (dossier_memo_issue_get_kind (issue), ==, DOSSIER_MEMO_ISSUE_PLACEHOLDER);
      g_assert_cmpint (dossier_memo_issue_get_section (issue), !=, 2);
    }

  text = dossier_memo_render_text (memo);
  g_assert_nonnull (strstr (text, "1. Daniel Whitcombe, “Quiet Diplomacy,” April 12, 2024."));
  g_assert_nonnull (strstr (text, "  • Verification needs [access].\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/memo/check/clean", Fixture, NULL, fixture_set_up, test_check_clean, fixture_tear_down);
  g_test_add ("/dossier/memo/check/quote-edited", Fixture, NULL, fixture_set_up, test_check_quote_edited, fixture_tear_down);
  g_test_add ("/dossier/memo/check/printed-quotation", Fixture, NULL, fixture_set_up, test_check_printed_quotation, fixture_tear_down);
  g_test_add ("/dossier/memo/check/normalisation", Fixture, NULL, fixture_set_up, test_check_normalisation, fixture_tear_down);
  g_test_add ("/dossier/memo/check/unverified", Fixture, NULL, fixture_set_up, test_check_unverified, fixture_tear_down);
  g_test_add ("/dossier/memo/check/references", Fixture, NULL, fixture_set_up, test_check_references, fixture_tear_down);
  g_test_add ("/dossier/memo/check/library-id", Fixture, NULL, fixture_set_up, test_check_library_id, fixture_tear_down);
  g_test_add_func ("/dossier/memo/check/block-too-long", test_check_block_too_long);
  g_test_add_func ("/dossier/memo/lint/templates", test_lint_templates);
  g_test_add_func ("/dossier/memo/templates/evidence-section", test_evidence_section);
  g_test_add_func ("/dossier/memo/lint/placeholders", test_lint_placeholders);
  g_test_add_func ("/dossier/memo/lint/unfinished", test_lint_unfinished);
  g_test_add_func ("/dossier/memo/lint/decision", test_lint_decision);
  g_test_add_func ("/dossier/memo/lint/markings", test_lint_markings);
  g_test_add_func ("/dossier/memo/perspectives", test_perspectives);

  return g_test_run ();
}
