/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pango.h>
#include <string.h>

#include "memo/dossier-memo-autosave.h"
#include "memo/dossier-memo-json.h"
#include "memo/dossier-memo-notes.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "memo", "data", name, NULL);
}

static DossierMemo *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierMemo *memo = dossier_memo_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (memo);
  return memo;
}

static DossierCitation *
make_citation (const char         *id,
               const char         *title,
               const char * const *authors,
               const char         *publisher,
               const char         *published,
               const char         *url)
{
  DossierCitation *citation = dossier_citation_new (id);

  dossier_citation_set_title (citation, title);
  dossier_citation_set_authors (citation, authors);
  dossier_citation_set_publisher (citation, publisher);
  g_assert_true (dossier_citation_set_published (citation, published));
  dossier_citation_set_source_url (citation, url);
  return citation;
}

#define RUN(i) (&g_array_index (runs, DossierMemoRun, (i)))

static void
test_inline_parse (void)
{
  g_autoptr(GArray) runs = dossier_memo_parse_inline ("A **bold *both*** and *it* end.[^src-1] 2 * 3 \\*x\\* [^bad id] [^]");

  g_assert_cmpuint (runs->len, ==, 8);
  g_assert_cmpstr (RUN (0)->text, ==, "A ");
  g_assert_cmpint (RUN (0)->flags, ==, DOSSIER_MEMO_RUN_PLAIN);
  g_assert_cmpstr (RUN (1)->text, ==, "bold ");
  g_assert_cmpint (RUN (1)->flags, ==, DOSSIER_MEMO_RUN_BOLD);
  g_assert_cmpstr (RUN (2)->text, ==, "both");
  g_assert_cmpint (RUN (2)->flags, ==, DOSSIER_MEMO_RUN_BOLD | DOSSIER_MEMO_RUN_ITALIC);
  g_assert_cmpstr (RUN (3)->text, ==, " and ");
  g_assert_cmpint (RUN (3)->flags, ==, DOSSIER_MEMO_RUN_PLAIN);
  g_assert_cmpstr (RUN (4)->text, ==, "it");
  g_assert_cmpint (RUN (4)->flags, ==, DOSSIER_MEMO_RUN_ITALIC);
  g_assert_cmpstr (RUN (5)->text, ==, " end.");
  g_assert_cmpstr (RUN (6)->citation_id, ==, "src-1");
  g_assert_cmpstr (RUN (6)->text, ==, "");
  /* A lone star, escapes and malformed markers stay literal. */
  g_assert_cmpstr (RUN (7)->text, ==, " 2 * 3 *x* [^bad id] [^]");
  g_assert_null (RUN (7)->citation_id);
}

/* A note shown in a label: its bold and italic as Pango markup, the rest
 * as text, whatever it holds; a marker typed in a note is text too. */
static void
test_inline_pango (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Ask the **insurers** about *hulls*.", "Ask the <b>insurers</b> about <i>hulls</i>." },
    { "A **bold *both*** end", "A <b>bold </b><b><i>both</i></b> end" },
    { "<b>not bold</b> & <i>", "&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;i&gt;" },
    { "**<span foreground=\"red\">**", "<b>&lt;span foreground=&quot;red&quot;&gt;</b>" },
    { "2 * 3 \\*x\\* stays", "2 * 3 *x* stays" },
    { "See [^kim-2024] &amp;", "See [^kim-2024] &amp;amp;" },
    { "line one\n- **선박** 등록", "line one\n- <b>선박</b> 등록" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = dossier_memo_inline_to_pango (cases[i].in);

      g_assert_cmpstr (markup, ==, cases[i].out);
      /* And Pango takes it. */
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
    }
  {
    /* Long, unbalanced and broken input stays text, and valid. */
    g_autoptr(GString) hostile = g_string_new (NULL);
    g_autofree char *markup = NULL;

    for (guint i = 0; i < 5000; i++)
      g_string_append (hostile, i % 3 ? "**<&" : "*\\");
    g_string_append_len (hostile, "\xff\xfe", 2);
    markup = dossier_memo_inline_to_pango (hostile->str);
    g_assert_true (g_utf8_validate (markup, -1, NULL));
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }
  {
    g_autofree char *empty = dossier_memo_inline_to_pango (NULL);

    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_inline_plain (void)
{
  g_autofree char *plain = dossier_memo_inline_to_plain ("**Seoul** *prefers* a freeze.[^kim]");
  g_autofree char *escaped = dossier_memo_escape_inline ("a*b [^c] \\");
  g_autofree char *back = dossier_memo_inline_to_plain (escaped);
  g_autoptr(GPtrArray) ids = dossier_memo_inline_citation_ids ("x[^a] y[^b] z[^a]");

  g_assert_cmpstr (plain, ==, "Seoul prefers a freeze.");
  g_assert_cmpstr (back, ==, "a*b [^c] \\");
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (ids, 2), ==, "a");
  g_assert_false (dossier_memo_is_valid_citation_id (""));
  g_assert_false (dossier_memo_is_valid_citation_id ("a b"));
  g_assert_true (dossier_memo_is_valid_citation_id ("kim2024:p4"));
}

static void
test_notes_numbering (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  g_autoptr(DossierMemoNotes) notes = dossier_memo_notes_new (memo);
  const char *expected[] = { "whitcombe", "kim", "whitcombe", "report", "kim", "study", "minister" };
  DossierMemoSection *section;
  DossierMemoBlock *block;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) quote_runs = NULL;

  g_assert_cmpuint (dossier_memo_notes_get_n_notes (notes), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DossierMemoNote *note = dossier_memo_notes_get_note (notes, i + 1);

      g_assert_cmpuint (note->number, ==, i + 1);
      g_assert_cmpstr (note->citation_id, ==, expected[i]);
    }

  g_assert_true (dossier_memo_notes_get_note (notes, 1)->first);
  g_assert_false (dossier_memo_notes_get_note (notes, 3)->first);
  g_assert_cmpstr (dossier_memo_notes_get_note (notes, 1)->url, ==, "https://meridian.example.org/quiet-diplomacy");
  g_assert_null (dossier_memo_notes_get_note (notes, 3)->url);
  g_assert_cmpuint (dossier_memo_notes_get_first_number (notes, "kim"), ==, 2);
  g_assert_cmpuint (dossier_memo_notes_count_references (notes, "kim"), ==, 2);
  g_assert_cmpuint (dossier_memo_notes_get_first_number (notes, "nothing"), ==, 0);

  /* Runs carry the numbers: the second bullet holds notes 5 and 6. */
  section = dossier_memo_get_section (memo, 2);
  block = dossier_memo_section_get_block (section, 0);
  runs = dossier_memo_notes_dup_runs (notes, block, 1);
  g_assert_cmpuint (runs->len, ==, 6);
  g_assert_cmpuint (RUN (1)->note_number, ==, 5);
  g_assert_cmpstr (RUN (3)->text, ==, "the joint study");
  g_assert_cmpint (RUN (3)->flags, ==, DOSSIER_MEMO_RUN_ITALIC);
  g_assert_cmpuint (RUN (5)->note_number, ==, 6);
  g_assert_cmpuint (dossier_memo_notes_get_note (notes, 6)->section, ==, 2);
  g_assert_cmpuint (dossier_memo_notes_get_note (notes, 6)->item, ==, 1);

  /* A quote block's attribution is its last run. */
  block = dossier_memo_section_get_block (section, 1);
  quote_runs = dossier_memo_notes_dup_runs (notes, block, 0);
  g_assert_cmpuint (quote_runs->len, ==, 2);
  g_assert_cmpstr (g_array_index (quote_runs, DossierMemoRun, 1).citation_id, ==, "minister");
  g_assert_cmpuint (g_array_index (quote_runs, DossierMemoRun, 1).note_number, ==, 7);

  g_assert_finalize_object (g_steal_pointer (&notes));
  g_assert_finalize_object (g_steal_pointer (&memo));
}

/* Two excerpts from one article are two citations (each with its own
 * quote and page) of one work: Chicago gives the work one full note. */
static void
test_notes_same_work (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("Background");
  g_autoptr(DossierMemoNotes) notes = NULL;
  const char *authors[] = { "Daniel Whitcombe", NULL };
  const char *ids[] = { "whitcombe", "whitcombe-2", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierCitation) citation = dossier_citation_new (ids[i]);

      dossier_citation_set_title (citation, i < 2 ? "Quiet Diplomacy on the Peninsula" : "Another Article");
      dossier_citation_set_authors (citation, authors);
      dossier_citation_set_publisher (citation, "The Meridian Institute");
      dossier_citation_set_quote (citation, i == 0 ? "Talks have stalled." : "Seoul has been clear.");
      dossier_citation_set_locator (citation, i == 1 ? "p. 4" : NULL);
      g_assert_true (dossier_memo_add_citation (memo, citation));
    }
  dossier_memo_append_section (memo, section);
  dossier_memo_section_set_source_text (section, "One.[^whitcombe] Two.[^whitcombe-2] Three.[^other]");

  notes = dossier_memo_notes_new (memo);
  g_assert_cmpuint (dossier_memo_notes_get_n_notes (notes), ==, 3);
  g_assert_true (dossier_memo_notes_get_note (notes, 1)->first);
  g_assert_false (dossier_memo_notes_get_note (notes, 2)->first);
  g_assert_true (g_str_has_prefix (dossier_memo_notes_get_note (notes, 2)->text, "Whitcombe, “Quiet Diplomacy"));
  g_assert_nonnull (strstr (dossier_memo_notes_get_note (notes, 2)->text, "4"));
  /* Another work by the same author gets its own full note. */
  g_assert_true (dossier_memo_notes_get_note (notes, 3)->first);
  /* Each citation keeps its own first number and count. */
  g_assert_cmpuint (dossier_memo_notes_get_first_number (notes, "whitcombe-2"), ==, 2);
  g_assert_cmpuint (dossier_memo_notes_count_references (notes, "whitcombe-2"), ==, 1);
}

static void
test_notes_dangling (void)
{
  g_autoptr(DossierMemo) memo = dossier_memo_new ();
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new ("Summary");
  g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph ("One.[^gone] Two.[^real] Three.[^gone]");
  g_autoptr(DossierCitation) citation = dossier_citation_new ("real");
  g_autoptr(DossierMemoNotes) notes = NULL;
  g_autoptr(GPtrArray) dangling = NULL;
  g_autoptr(GArray) runs = NULL;

  dossier_citation_set_title (citation, "Real Source");
  dossier_memo_add_citation (memo, citation);
  dossier_memo_section_append_block (section, block);
  dossier_memo_append_section (memo, section);

  notes = dossier_memo_notes_new (memo);
  g_assert_cmpuint (dossier_memo_notes_get_n_notes (notes), ==, 1);
  dangling = dossier_memo_notes_dup_dangling_ids (notes);
  g_assert_cmpuint (dangling->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (dangling, 0), ==, "gone");

  runs = dossier_memo_notes_dup_runs (notes, block, 0);
  g_assert_cmpuint (RUN (1)->note_number, ==, 0);
  g_assert_cmpuint (RUN (3)->note_number, ==, 1);
}

static void
test_notes_full_short (void)
{
  const char *one[] = { "Daniel Whitcombe", NULL };
  const char *two[] = { "Daniel Whitcombe", "Ana Ruiz", NULL };
  const char *three[] = { "Daniel Whitcombe", "Ana Ruiz", "Kim Seo-yeon", NULL };
  const char *four[] = { "Maria Holm", "Park Ji-hoon", "Lena Ortiz", "Samuel Achebe", NULL };
  struct {
    const char * const *authors;
    const char *title;
    const char *publisher;
    const char *published;
    const char *url;
    const char *locator;
    const char *full;
    const char *short_form;
  } cases[] = {
    { one, "Quiet Diplomacy on the Peninsula", "The Meridian Institute", "2024-04-12",
      "https://meridian.example.org/q",  NULL,
      "Daniel Whitcombe, “Quiet Diplomacy on the Peninsula,” The Meridian Institute, April 12, 2024, https://meridian.example.org/q.",
      "Whitcombe, “Quiet Diplomacy on the Peninsula.”" },
    { two, "Freeze First: Sequencing Denuclearization", "Han River Policy Forum", "2023-01-05", NULL, NULL,
      "Daniel Whitcombe and Ana Ruiz, “Freeze First: Sequencing Denuclearization,” Han River Policy Forum, January 5, 2023.",
      "Whitcombe and Ruiz, “Freeze First.”" },
    { three, "Allies Apart", NULL, NULL, NULL, "p. 4",
      "Daniel Whitcombe, Ana Ruiz, and Kim Seo-yeon, “Allies Apart,” p. 4.",
      "Whitcombe, Ruiz, and Kim, “Allies Apart,” p. 4." },
    { four, "Verification without Trust?", NULL, "2022-09-30", NULL, NULL,
      "Maria Holm et al., “Verification without Trust?” September 30, 2022.",
      "Holm et al., “Verification without Trust?”" },
    /* No author: the note starts with the title. No date: left out. */
    { NULL, "Annual Review of “Peninsula” Security", "Center for Northeast Asian Studies", NULL,
      "https://cnas.example.org/2023", NULL,
      "“Annual Review of ‘Peninsula’ Security,” Center for Northeast Asian Studies, https://cnas.example.org/2023.",
      "“Annual Review of ‘Peninsula’ Security.”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierCitation) citation = make_citation ("c", cases[i].title, cases[i].authors,
                                                           cases[i].publisher, cases[i].published,
                                                           cases[i].url);
      g_autofree char *full = NULL;
      g_autofree char *short_form = NULL;

      dossier_citation_set_locator (citation, cases[i].locator);
      full = dossier_citation_format_full (citation);
      short_form = dossier_citation_format_short (citation);
      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (short_form, ==, cases[i].short_form);
    }
}

static void
test_notes_korean_names (void)
{
  const struct {
    const char *name;
    const char *family;
  } names[] = {
    { "Kim Seo-yeon", "Kim" },
    { "Park Ji-hoon", "Park" },
    { "김서연", "김" },
    { "남궁민수", "남궁" },
    { "김 서연", "김" },
    { "KIM Jong Un", "Kim" },
    { "Moon, Jae-in", "Moon" },
    { "Victor Lee", "Lee" },
    { "Lee Ann Whitfield", "Whitfield" },
    { "Robert Carlin Jr.", "Carlin" },
    { "Plato", "Plato" },
  };
  const char *hangul[] = { "김서연", "박지훈", NULL };
  g_autoptr(DossierCitation) citation = NULL;
  g_autofree char *full = NULL;
  g_autofree char *short_form = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *family = dossier_dup_family_name (names[i].name);
      g_assert_cmpstr (family, ==, names[i].family);
    }

  citation = make_citation ("k", "한반도 평화 전략", hangul, "통일연구원", "2024-03-01", NULL);
  full = dossier_citation_format_full (citation);
  short_form = dossier_citation_format_short (citation);
  g_assert_cmpstr (full, ==, "김서연 and 박지훈, “한반도 평화 전략,” 통일연구원, March 1, 2024.");
  g_assert_cmpstr (short_form, ==, "김 and 박, “한반도 평화 전략.”");
}

/* A reference without text, dated only to the year or month, is cited
 * with the date as far as it is known (it printed no date before). */
static void
test_notes_partial_date (void)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new ("Zoë Müller");
  g_autoptr(DossierCitation) citation = dossier_citation_new ("mueller");
  g_autofree char *full = NULL;
  g_autofree char *month = NULL;

  dossier_document_set_title (document, "Coastal States");
  dossier_document_set_publisher (document, "Harbour Press");
  dossier_document_set_issued (document, "2019");
  dossier_document_add_author (document, author);
  dossier_citation_set_document (citation, document);
  g_assert_cmpstr (dossier_citation_get_published (citation), ==, "2019");
  full = dossier_citation_format_full (citation);
  g_assert_cmpstr (full, ==, "Zoë Müller, “Coastal States,” Harbour Press, 2019.");

  g_assert_true (dossier_citation_set_published (citation, "2019-11"));
  month = dossier_format_date_prose ("2019-11");
  g_assert_cmpstr (month, ==, "November 2019");
  g_assert_false (dossier_citation_set_published (citation, "2019-13"));
}

static void
test_notes_quoted_in (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  DossierCitation *citation = dossier_memo_lookup_citation (memo, "minister");
  g_autofree char *full = dossier_citation_format_full (citation);
  g_autofree char *short_form = dossier_citation_format_short (citation);

  g_assert_true (dossier_citation_is_quoted_in (citation));
  g_assert_cmpuint (dossier_citation_get_via_note (citation), ==, 3);
  g_assert_cmpstr (full, ==,
                   "Choi Min-jun, “Remarks at the Jeju Peace Forum,” Ministry of Unification, March 5, 2024, "
                   "quoted in Daniel Whitcombe, “Quiet Diplomacy on the Peninsula,” The Meridian Institute, "
                   "April 12, 2024, https://meridian.example.org/quiet-diplomacy.");
  g_assert_cmpstr (short_form, ==,
                   "Choi, “Remarks at the Jeju Peace Forum,” quoted in Whitcombe, “Quiet Diplomacy on the Peninsula.”");
}

static DossierDocument *
make_article (void)
{
  DossierDocument *document = dossier_document_new ();
  g_autoptr(DossierAuthor) author = dossier_author_new ("Daniel Whitcombe");
  g_autoptr(DossierParagraph) p0 = dossier_paragraph_new ("Talks have stalled since 2019.");
  g_autoptr(DossierParagraph) p1 =
    dossier_paragraph_new ("Seoul has been clear. “A freeze is not a reward; it is a floor,” the minister said.");
  g_autoptr(DossierFootnote) note = dossier_footnote_new (3, "Choi Min-jun, “Remarks at the Jeju Peace Forum,” Ministry of Unification, March 5, 2024.");

  dossier_document_set_id (document, "doc-1");
  dossier_document_set_title (document, "Quiet Diplomacy on the Peninsula");
  dossier_document_set_publisher (document, "The Meridian Institute");
  dossier_document_set_published (document, "2024-04-12");
  dossier_document_set_source_url (document, "https://meridian.example.org/quiet-diplomacy");
  dossier_document_add_author (document, author);
  dossier_paragraph_add_ref (p1, 3, g_utf8_strlen (dossier_paragraph_get_text (p1), -1));
  dossier_document_add_paragraph (document, p0);
  dossier_document_add_paragraph (document, p1);
  dossier_document_add_footnote (document, note);

  return document;
}

static void
test_citation_from_excerpt (void)
{
  g_autoptr(DossierDocument) document = make_article ();
  g_autoptr(DossierCitation) plain = dossier_citation_new_for_excerpt ("a", document, 0, 0, 13);
  g_autoptr(DossierCitation) via = dossier_citation_new_for_excerpt ("b", document, 1, 21, 84);
  /* The excerpt stops before "the minister said.", where the article's marker stands. */
  g_autoptr(DossierCitation) short_via = dossier_citation_new_for_excerpt ("c", document, 1, 22, 64);
  g_autoptr(DossierCitation) other_sentence = dossier_citation_new_for_excerpt ("d", document, 1, 0, 21);
  const char * const *authors = dossier_citation_get_authors (plain);

  g_assert_cmpstr (dossier_citation_get_quote (plain), ==, "Talks have st");
  g_assert_false (dossier_citation_is_quoted_in (plain));
  g_assert_cmpstr (dossier_citation_get_library_id (plain), ==, "doc-1");
  g_assert_cmpstr (authors[0], ==, "Daniel Whitcombe");

  g_assert_true (dossier_citation_is_quoted_in (via));
  g_assert_cmpuint (dossier_citation_get_via_note (via), ==, 3);
  g_assert_true (g_str_has_prefix (dossier_citation_get_quote (via), "“A freeze"));
  g_assert_true (dossier_citation_is_quoted_in (short_via));
  g_assert_cmpstr (dossier_citation_get_quote (short_via), ==, "“A freeze is not a reward; it is a floor,”");
  g_assert_false (dossier_citation_is_quoted_in (other_sentence));
  {
    g_autofree char *plain_hint = dossier_citation_dup_id_hint (plain);
    g_autofree char *via_hint = dossier_citation_dup_id_hint (via);

    g_assert_cmpstr (plain_hint, ==, "whitcombe2024");
    g_assert_cmpstr (via_hint, ==, "choi");
  }
}

/* A block quotation with an attribution and no note of its own: the memo
 * cites the speaker "quoted in" the article; with a note, the note wins. */
static void
test_citation_from_block_quote (void)
{
  g_autoptr(DossierDocument) document = make_article ();
  g_autoptr(DossierParagraph) spoken = dossier_paragraph_new ("We will not inspect every vessel.");
  g_autoptr(DossierParagraph) sourced = dossier_paragraph_new ("A freeze is a floor.");
  g_autoptr(DossierParagraph) anonymous = dossier_paragraph_new ("Nobody expects a treaty this year.");
  g_autoptr(DossierCitation) by_name = NULL;
  g_autoptr(DossierCitation) by_note = NULL;
  g_autoptr(DossierCitation) unnamed = NULL;
  g_autofree char *full = NULL;
  g_autofree char *short_form = NULL;
  g_autofree char *hint = NULL;

  dossier_paragraph_set_kind (spoken, DOSSIER_PARAGRAPH_QUOTE);
  dossier_paragraph_set_attribution (spoken, "Ilse Varga, Minister of Maritime Affairs");
  dossier_paragraph_set_kind (sourced, DOSSIER_PARAGRAPH_QUOTE);
  dossier_paragraph_set_attribution (sourced, "Choi Min-jun");
  dossier_paragraph_add_ref (sourced, 3, 20);
  dossier_paragraph_set_kind (anonymous, DOSSIER_PARAGRAPH_QUOTE);
  dossier_document_add_paragraph (document, spoken);
  dossier_document_add_paragraph (document, sourced);
  dossier_document_add_paragraph (document, anonymous);

  by_name = dossier_citation_new_for_excerpt ("a", document, 2, 0, 32);
  g_assert_true (dossier_citation_is_quoted_in (by_name));
  g_assert_cmpuint (dossier_citation_get_via_note (by_name), ==, 0);
  full = dossier_citation_format_full (by_name);
  short_form = dossier_citation_format_short (by_name);
  g_assert_cmpstr (full, ==,
                   "Ilse Varga, Minister of Maritime Affairs, quoted in Daniel Whitcombe, “Quiet Diplomacy on the "
                   "Peninsula,” The Meridian Institute, April 12, 2024, https://meridian.example.org/quiet-diplomacy.");
  g_assert_cmpstr (short_form, ==, "Ilse Varga, quoted in Whitcombe, “Quiet Diplomacy on the Peninsula.”");
  hint = dossier_citation_dup_id_hint (by_name);
  g_assert_cmpstr (hint, ==, "varga");

  by_note = dossier_citation_new_for_excerpt ("b", document, 3, 0, 20);
  g_assert_cmpuint (dossier_citation_get_via_note (by_note), ==, 3);
  g_assert_true (g_str_has_prefix (dossier_citation_get_via_text (by_note), "Choi Min-jun, “Remarks"));

  unnamed = dossier_citation_new_for_excerpt ("c", document, 4, 0, 10);
  g_assert_false (dossier_citation_is_quoted_in (unnamed));
}

static void
test_json_round_trip (void)
{
  g_autofree char *path = fixture_path ("briefing.dossier-memo");
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMemo) memo = NULL;
  g_autoptr(DossierMemo) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *written = NULL;

  g_assert_true (g_file_get_contents (path, &original, NULL, &error));
  memo = dossier_memo_from_json (original, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (dossier_memo_get_kind (memo), ==, DOSSIER_MEMO_KIND_DECISION);
  g_assert_cmpstr (dossier_memo_get_marking (memo), ==, "UNCLASSIFIED");
  g_assert_cmpuint (dossier_memo_get_n_sections (memo), ==, 3);

  saved = dossier_memo_to_json (memo, NULL);
  g_assert_cmpstr (saved, ==, original);

  tmpdir = g_dir_make_tmp ("dossier-memo-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (tmpdir, "saved.dossier-memo", NULL);
  out = g_file_new_for_path (out_path);
  g_assert_true (dossier_memo_save_file (memo, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, original);

  again = dossier_memo_load_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_memo_get_citations (again)), ==, 5);

  g_unlink (out_path);
  g_rmdir (tmpdir);
}

static void
test_json_errors (void)
{
  const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "the file: expected a JSON object" },
    { "{\"format\":\"dossier-document\",\"version\":1}", "format: expected \"dossier-memo\", found \"dossier-document\"" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"sections\":[],\"citations\":[]}", "header: is missing" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"kind\":\"sonnet\"}", "kind: expected" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-30\",\"subject\":\"\"}}",
      "header.date: expected a date written YYYY-MM-DD" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[{\"title\":\"A\",\"blocks\":[]},{\"title\":\"B\",\"blocks\":[{\"type\":\"table\"}]}],\"citations\":[]}",
      "sections[1].blocks[0].type: expected \"paragraph\", \"bullets\" or \"quote\"" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[{\"title\":\"A\",\"blocks\":[{\"type\":\"bullets\",\"items\":[\"x\",3]}]}],\"citations\":[]}",
      "sections[0].blocks[0].items[1]: expected a string" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[{\"title\":\"A\",\"blocks\":[{\"type\":\"paragraph\",\"text\":\"x\"},\"y\"]}],\"citations\":[]}",
      "sections[0].blocks[1]: expected an object" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[],\"citations\":[{\"id\":\"a\",\"document\":{\"title\":\"T\",\"authors\":[]}},{\"id\":\"a\",\"document\":{\"title\":\"T\",\"authors\":[]}}]}",
      "citations[1].id: “a” is used by an earlier citation" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[],\"citations\":[{\"id\":\"a b\",\"document\":{\"title\":\"T\",\"authors\":[]}}]}",
      "citations[0].id: expected" },
    { "{\"format\":\"dossier-memo\",\"version\":1,\"header\":{\"marking\":null,\"to\":\"\",\"from\":\"\",\"date\":\"2024-02-03\",\"subject\":\"\"},"
      "\"sections\":[],\"citations\":[{\"id\":\"a\",\"document\":{\"title\":\"T\",\"authors\":[],\"published\":\"May 2024\"}}]}",
      "citations[0].document.published: expected a date written YYYY, YYYY-MM or YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierMemo) memo = dossier_memo_from_json (cases[i].json, -1, &error);

      g_assert_null (memo);
      g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierMemo) memo = dossier_memo_from_json ("{\"format\":\"dossier-memo\",\"version\":7}", -1, &error);

    g_assert_null (memo);
    g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_VERSION);
  }
}

/* Truncated and corrupted files give an error or a memo, never a crash. */
static void
test_json_hostile (void)
{
  g_autofree char *path = fixture_path ("briefing.dossier-memo");
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) stars = g_string_new (NULL);
  gsize length;
  GRand *rand = g_rand_new_with_seed (8);

  g_assert_true (g_file_get_contents (path, &original, &length, &error));

  for (gsize cut = 0; cut < length; cut += 5)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DossierMemo) memo = dossier_memo_from_json (original, cut, &local_error);

      g_assert_true ((memo == NULL) != (local_error == NULL));
    }

  for (guint round = 0; round < 500; round++)
    {
      g_autofree char *copy = g_strdup (original);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DossierMemo) memo = NULL;

      for (guint flips = 0; flips < 3; flips++)
        copy[g_rand_int_range (rand, 0, length)] = " \"{}[]:,0aZ"[g_rand_int_range (rand, 0, 12)];

      memo = dossier_memo_from_json (copy, length, &local_error);
      g_assert_true ((memo == NULL) != (local_error == NULL));
      if (memo != NULL)
        {
          g_autofree char *text = dossier_memo_render_text (memo);
          g_assert_nonnull (text);
        }
    }
  g_rand_free (rand);

  /* Nesting is refused before parsing. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(DossierMemo) memo = dossier_memo_from_json (deep->str, deep->len, &error);
    g_assert_null (memo);
    g_assert_error (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_DEEP);
    g_clear_error (&error);
  }

  /* Long runs of markup stay linear. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (stars, i % 3 ? "*" : "[^");
  {
    g_autoptr(GArray) runs = dossier_memo_parse_inline (stars->str);
    g_assert_cmpuint (runs->len, >, 0);
  }
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_memo_changed (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  DossierMemoSection *section = dossier_memo_get_section (memo, 0);
  DossierMemoBlock *block = dossier_memo_section_get_block (section, 0);
  guint count = 0;

  g_signal_connect (memo, "changed", G_CALLBACK (count_cb), &count);

  dossier_memo_block_set_text (block, dossier_memo_block_get_text (block));
  g_assert_cmpuint (count, ==, 0);
  dossier_memo_block_set_text (block, "Changed.");
  g_assert_cmpuint (count, ==, 1);
  dossier_memo_move_section (memo, 0, 2);
  g_assert_cmpuint (count, ==, 3); /* removed, inserted */
  dossier_memo_block_set_text (block, "Changed again.");
  g_assert_cmpuint (count, ==, 4);
  dossier_memo_set_subject (memo, "New subject");
  g_assert_cmpuint (count, ==, 5);
  g_assert_false (dossier_memo_set_date (memo, "2024-13-01"));
  g_assert_cmpuint (count, ==, 5);
}

static void
test_citation_lookup (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  DossierCitation *kim = dossier_memo_lookup_citation (memo, "kim");
  g_autoptr(DossierCitation) extra = dossier_citation_new ("extra");
  g_autofree char *fresh = NULL;

  g_assert_nonnull (kim);
  g_assert_null (dossier_memo_lookup_citation (memo, "nobody"));

  /* The index follows renames, additions and removals. */
  dossier_citation_set_id (kim, "kim2023");
  g_assert_null (dossier_memo_lookup_citation (memo, "kim"));
  g_assert_true (dossier_memo_lookup_citation (memo, "kim2023") == kim);

  g_assert_true (dossier_memo_add_citation (memo, extra));
  g_assert_false (dossier_memo_add_citation (memo, extra));
  g_assert_true (dossier_memo_lookup_citation (memo, "extra") == extra);
  g_assert_true (dossier_memo_remove_citation (memo, "extra"));
  g_assert_null (dossier_memo_lookup_citation (memo, "extra"));

  fresh = dossier_memo_dup_new_citation_id (memo, "whitcombe");
  g_assert_cmpstr (fresh, ==, "whitcombe-2");
}

static void
test_render_text (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  g_autofree char *text = dossier_memo_render_text (memo);

  g_assert_nonnull (strstr (text, "Interim steps are possible but fragile.[1] Seoul prefers a freeze first.[2]"));
  g_assert_nonnull (strstr (text, "  • A freeze would cap the arsenal.[5] See also the joint study.[6]"));
  g_assert_nonnull (strstr (text, "3. Whitcombe, “Quiet Diplomacy on the Peninsula.”"));
  g_assert_true (g_str_has_prefix (text, "UNCLASSIFIED\n"));
}

static void
test_source_text (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  g_autofree char *before = dossier_memo_to_json (memo, NULL);
  g_autofree char *after = NULL;
  DossierMemoSection *background = dossier_memo_get_section (memo, 2);
  DossierMemoBlock *bullets = dossier_memo_section_get_block (background, 0);
  g_autofree char *source = dossier_memo_section_dup_source_text (background);
  guint count = 0;

  g_assert_cmpstr (source, ==,
                   "- Talks stalled in 2019.[^report]\n"
                   "- A freeze would cap the arsenal.[^kim] See also *the joint study*.[^study]\n"
                   "\n"
                   "> (U) A freeze is not a reward; it is a floor.\n"
                   "> — [^minister]");

  /* Reading its own text back changes nothing. */
  for (guint s = 0; s < dossier_memo_get_n_sections (memo); s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      g_autofree char *text = dossier_memo_section_dup_source_text (section);

      dossier_memo_section_set_source_text (section, text);
    }
  after = dossier_memo_to_json (memo, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Edits update blocks in place where the kind stays. */
  g_signal_connect (memo, "changed", G_CALLBACK (count_cb), &count);
  dossier_memo_section_set_source_text (background,
                                        "- Talks stalled.\n- Second.\n- Third.\n\n\n"
                                        "A new paragraph\nover two lines.\n\n"
                                        "> Unattributed.");
  g_assert_true (dossier_memo_section_get_block (background, 0) == bullets);
  g_assert_cmpuint (dossier_memo_block_get_n_items (bullets), ==, 3);
  g_assert_cmpuint (dossier_memo_section_get_n_blocks (background), ==, 3);
  g_assert_cmpint (dossier_memo_block_get_kind (dossier_memo_section_get_block (background, 1)), ==,
                   DOSSIER_MEMO_BLOCK_PARAGRAPH);
  g_assert_cmpstr (dossier_memo_block_get_text (dossier_memo_section_get_block (background, 1)), ==,
                   "A new paragraph\nover two lines.");
  g_assert_null (dossier_memo_block_get_cite (dossier_memo_section_get_block (background, 2)));
  g_assert_cmpuint (count, >, 0);

  dossier_memo_section_set_source_text (background, "");
  g_assert_cmpuint (dossier_memo_section_get_n_blocks (background), ==, 0);
}

static void
test_autosave (void)
{
  g_autoptr(DossierMemo) memo = load_fixture ("briefing.dossier-memo");
  g_autoptr(DossierMemoAutosave) autosave = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) after_save = NULL;
  g_autoptr(DossierMemo) recovered = NULL;
  g_autoptr(GFile) own = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-memo-recovery-XXXXXX", &error);
  g_autofree char *own_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  GFile *recovery;
  gint64 until;

  g_assert_no_error (error);
  autosave = dossier_memo_autosave_new (memo, NULL, dir);
  dossier_memo_autosave_set_delay (autosave, 20);
  recovery = dossier_memo_autosave_get_recovery_file (autosave);
  g_assert_false (dossier_memo_autosave_get_dirty (autosave));

  /* A change is copied a moment later, without blocking. */
  dossier_memo_set_subject (memo, "(U) Recovered subject");
  g_assert_true (dossier_memo_autosave_get_dirty (autosave));
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (recovered == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      /* A first copy is written in place: wait until it is complete. */
      if (g_file_query_exists (recovery, NULL))
        recovered = dossier_memo_load_file (recovery, NULL, NULL);
    }
  g_assert_nonnull (recovered);
  g_clear_object (&recovered);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  left = dossier_memo_autosave_list_recoverable (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_null (dossier_memo_autosave_dup_original (g_ptr_array_index (left, 0)));
  recovered = dossier_memo_load_file (g_ptr_array_index (left, 0), NULL, &error);
  g_assert_no_error (error);
  expected = dossier_memo_to_json (memo, NULL);
  actual = dossier_memo_to_json (recovered, NULL);
  g_assert_cmpstr (actual, ==, expected);

  /* On quit: written at once, with the memo's own file recorded. */
  own_path = g_build_filename (dir, "mine.dossier-memo", NULL);
  own = g_file_new_for_path (own_path);
  dossier_memo_autosave_set_file (autosave, own);
  dossier_memo_set_to (memo, "The Secretary");
  g_assert_true (dossier_memo_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  original = dossier_memo_autosave_dup_original (recovery);
  g_assert_nonnull (original);
  g_assert_true (g_file_equal (original, own));

  /* A clean save removes the copy. */
  dossier_memo_autosave_mark_saved (autosave);
  g_assert_false (dossier_memo_autosave_get_dirty (autosave));
  after_save = dossier_memo_autosave_list_recoverable (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_save->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&autosave));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/memo/inline/parse", test_inline_parse);
  g_test_add_func ("/dossier/memo/inline/plain", test_inline_plain);
  g_test_add_func ("/dossier/memo/inline/pango", test_inline_pango);
  g_test_add_func ("/dossier/memo/notes/numbering", test_notes_numbering);
  g_test_add_func ("/dossier/memo/notes/dangling", test_notes_dangling);
  g_test_add_func ("/dossier/memo/notes/same-work", test_notes_same_work);
  g_test_add_func ("/dossier/memo/notes/partial-date", test_notes_partial_date);
  g_test_add_func ("/dossier/memo/notes/full-short", test_notes_full_short);
  g_test_add_func ("/dossier/memo/notes/korean-names", test_notes_korean_names);
  g_test_add_func ("/dossier/memo/notes/quoted-in", test_notes_quoted_in);
  g_test_add_func ("/dossier/memo/citation/from-excerpt", test_citation_from_excerpt);
  g_test_add_func ("/dossier/memo/citation/from-block-quote", test_citation_from_block_quote);
  g_test_add_func ("/dossier/memo/json/round-trip", test_json_round_trip);
  g_test_add_func ("/dossier/memo/json/errors", test_json_errors);
  g_test_add_func ("/dossier/memo/json/hostile", test_json_hostile);
  g_test_add_func ("/dossier/memo/changed", test_memo_changed);
  g_test_add_func ("/dossier/memo/render-text", test_render_text);
  g_test_add_func ("/dossier/memo/citation-lookup", test_citation_lookup);
  g_test_add_func ("/dossier/memo/source-text", test_source_text);
  g_test_add_func ("/dossier/memo/autosave", test_autosave);

  return g_test_run ();
}
