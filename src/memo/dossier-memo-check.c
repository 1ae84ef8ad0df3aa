/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-memo-check.h"
#include "dossier-memo-inline.h"
#include "dossier-memo-notes.h"
#include "dossier-memo-prompts.h"
#include "dossier-memo-templates.h"
#include "model/dossier-util.h"

/*
 * The memo check: do the citation markers resolve, is every citation used,
 * do the quoted excerpts still say what the sources say; and the format
 * lint (length of the bottom line, Approve/Disapprove lines, page count,
 * handling marks). Errors mean the memo is wrong; warnings are advice.
 */

static DossierMemoLayoutHooks default_hooks;

/**
 * dossier_memo_set_default_layout_hooks:
 * @hooks: (nullable): functions giving real line and page counts
 *
 * Registers the layout engine's counts for dossier_memo_lint() calls that
 * pass no hooks of their own. The hooks are copied.
 */
void
dossier_memo_set_default_layout_hooks (const DossierMemoLayoutHooks *hooks)
{
  if (hooks != NULL)
    default_hooks = *hooks;
  else
    memset (&default_hooks, 0, sizeof default_hooks);
}

static void
report (GListStore           *issues,
        DossierMemoIssueKind  kind,
        const char           *citation_id,
        int                   section,
        const char           *message)
{
  g_autoptr(DossierMemoIssue) issue = dossier_memo_issue_new (kind, message);

  dossier_memo_issue_set_citation_id (issue, citation_id);
  dossier_memo_issue_set_section (issue, section);
  g_list_store_append (issues, issue);
}

/* ---- References -------------------------------------------------------- */

#define MAX_LOCATED_MARKERS 100

/**
 * dossier_memo_check_references:
 * @issues: (element-type DossierMemoIssue): where findings are appended
 *
 * Reports markers naming no citation and citations no marker (or quote
 * attribution) refers to.
 */
void
dossier_memo_check_references (DossierMemo *memo,
                               GListStore  *issues)
{
  g_autoptr(DossierMemoNotes) notes = NULL;
  g_autoptr(GPtrArray) dangling = NULL;
  GListModel *citations;
  guint n_sections;

  g_return_if_fail (DOSSIER_IS_MEMO (memo));
  g_return_if_fail (G_IS_LIST_STORE (issues));

  notes = dossier_memo_notes_new (memo);
  dangling = dossier_memo_notes_dup_dangling_ids (notes);
  n_sections = dossier_memo_get_n_sections (memo);

  /* Say where each dangling marker first stands, so it can be found. */
  for (guint d = 0; d < dangling->len; d++)
    {
      const char *id = g_ptr_array_index (dangling, d);
      int where = -1;
      g_autofree char *message = NULL;

      /* Locating costs a scan of the memo; a file full of bogus markers
       * gets locations for the first ones only. */
      for (guint s = 0; s < n_sections && where < 0 && d < MAX_LOCATED_MARKERS; s++)
        {
          DossierMemoSection *section = dossier_memo_get_section (memo, s);
          guint n_blocks = dossier_memo_section_get_n_blocks (section);

          for (guint b = 0; b < n_blocks && where < 0; b++)
            {
              DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
              g_autofree char *marker = g_strdup_printf ("[^%s]", id);
              const char * const *items = dossier_memo_block_get_items (block);

              if (strstr (dossier_memo_block_get_text (block), marker) != NULL ||
                  g_strcmp0 (dossier_memo_block_get_cite (block), id) == 0)
                where = s;
              for (guint i = 0; items[i] != NULL && where < 0; i++)
                if (strstr (items[i], marker) != NULL)
                  where = s;
            }
        }

      if (where >= 0)
        message = g_strdup_printf (_("“[^%s]” in section %d (“%s”) refers to no citation"),
                                   id, where + 1,
                                   dossier_memo_section_get_title (dossier_memo_get_section (memo, where)));
      else
        message = g_strdup_printf (_("“[^%s]” refers to no citation"), id);

      report (issues, DOSSIER_MEMO_ISSUE_DANGLING_MARKER, id, where, message);
    }

  /* A block beyond what the PDF layout takes (it would be cut short). */
  for (guint s = 0; s < n_sections; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);

      for (guint b = 0; b < dossier_memo_section_get_n_blocks (section); b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
          const char * const *items = dossier_memo_block_get_items (block);
          gsize length = strlen (dossier_memo_block_get_text (block));

          for (guint i = 0; items != NULL && items[i] != NULL; i++)
            length += strlen (items[i]) + 1;
          if (length > DOSSIER_MEMO_MAX_BLOCK_TEXT)
            {
              g_autofree char *size = g_format_size (length);
              g_autofree char *limit = g_format_size_full (DOSSIER_MEMO_MAX_BLOCK_TEXT, G_FORMAT_SIZE_IEC_UNITS);
              /* TRANSLATORS: a size ("6.0 MB"), a section number and title, the limit ("256.0 KiB") */
              g_autofree char *message = g_strdup_printf (_("a block of %s in section %u (“%s”) is longer than a memo can print (%s)"),
                                                          size, s + 1, dossier_memo_section_get_title (section), limit);

              report (issues, DOSSIER_MEMO_ISSUE_BLOCK_TOO_LONG, NULL, s, message);
            }
        }
    }

  citations = dossier_memo_get_citations (memo);
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      const char *id = dossier_citation_get_id (citation);

      if (dossier_memo_notes_count_references (notes, id) == 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("citation “%s” (“%s”) is never referred to"),
                             id, dossier_citation_get_title (citation));
          report (issues, DOSSIER_MEMO_ISSUE_UNUSED_CITATION, id, -1, message);
        }
    }
}

/* ---- Quotes ------------------------------------------------------------ */

static gboolean
is_quote_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case '`':
    case 0x00AB: case 0x00BB: case 0x00B4:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2032: case 0x2033: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0xFF02: case 0xFF07:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D;
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

/**
 * dossier_normalize_for_quote:
 *
 * Normalises text for comparing a quote with its source: compatibility
 * forms folded (NFKC), case folded, every quotation mark made `'`, every
 * dash `-` (without spaces around it), runs of white space one space,
 * invisible characters (soft hyphens, zero-width spaces) dropped.
 *
 * Returns: (transfer full): the normalised text
 */
char *
dossier_normalize_for_quote (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  gboolean after_dash = FALSE;

  if (text == NULL)
    return g_strdup ("");

  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0 && !after_dash;
          continue;
        }

      if (is_dash (c))
        {
          g_string_append_c (out, '-');
          pending_space = FALSE;
          after_dash = TRUE;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      after_dash = FALSE;

      if (is_quote_mark (c))
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The text a quote may come from: body, key points, pull quotes, notes. */
static GPtrArray *
collect_passages (DossierDocument *document)
{
  GPtrArray *passages = g_ptr_array_new ();
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  GListModel *footnotes = dossier_document_get_footnotes (document);
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const *pull_quotes = dossier_document_get_pull_quotes (document);

  /* Borrowed strings: the document's objects keep them alive. */
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      g_ptr_array_add (passages, (gpointer)dossier_paragraph_get_text (paragraph));
    }
  for (guint i = 0; key_points != NULL && key_points[i] != NULL; i++)
    g_ptr_array_add (passages, (gpointer)key_points[i]);
  for (guint i = 0; pull_quotes != NULL && pull_quotes[i] != NULL; i++)
    g_ptr_array_add (passages, (gpointer)pull_quotes[i]);
  for (guint i = 0; i < g_list_model_get_n_items (footnotes); i++)
    {
      g_autoptr(DossierFootnote) note = g_list_model_get_item (footnotes, i);
      if (dossier_footnote_get_text (note) != NULL)
        g_ptr_array_add (passages, (gpointer)dossier_footnote_get_text (note));
    }

  return passages;
}

/* A document's searchable text, normalised once per check however many
 * citations quote it. */
typedef struct {
  DossierDocument *document;
  GPtrArray *passages;    /* borrowed from the document */
  GPtrArray *normalised;  /* owned, one per passage */
  char *haystack;         /* all normalised passages, space-separated */
} SourceText;

static void
source_text_free (SourceText *text)
{
  g_clear_pointer (&text->passages, g_ptr_array_unref);
  g_clear_pointer (&text->normalised, g_ptr_array_unref);
  g_clear_pointer (&text->haystack, g_free);
  g_clear_object (&text->document);
  g_free (text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SourceText, source_text_free)

static SourceText *
source_text_new (DossierDocument *document)
{
  SourceText *text = g_new0 (SourceText, 1);
  GString *joined = g_string_new (NULL);

  text->document = g_object_ref (document);
  text->passages = collect_passages (document);
  text->normalised = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < text->passages->len; i++)
    {
      char *normalised = dossier_normalize_for_quote (g_ptr_array_index (text->passages, i));

      g_ptr_array_add (text->normalised, normalised);
      /* A space, as in the normalised text: a quote may run on into the next paragraph. */
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, normalised);
    }

  text->haystack = g_string_free (joined, FALSE);
  return text;
}

/* Splits a quote at omissions ("…", "...", "[…]") and editorial insertions
 * ("[the minister]"): each fragment must appear in the source, in order. */
static GPtrArray *
split_quote (const char *quote)
{
  GPtrArray *fragments = g_ptr_array_new_with_free_func (g_free);
  GString *current = g_string_new (NULL);
  const char *p = quote;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *close;
      gboolean gap = FALSE;

      if (c == 0x2026)
        {
          p = g_utf8_next_char (p);
          gap = TRUE;
        }
      else if (g_str_has_prefix (p, "..."))
        {
          p += 3;
          gap = TRUE;
        }
      else if (c == '[' && (close = strchr (p, ']')) != NULL && close - p < 120)
        {
          p = close + 1;
          gap = TRUE;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (current, p, next - p);
          p = next;
        }

      if (gap || *p == '\0')
        {
          g_autofree char *normalised = dossier_normalize_for_quote (current->str);
          const char *start = normalised;
          const char *end = normalised + strlen (normalised);

          /* Outer quotation marks and end punctuation are the analyst's. */
          while (*start != '\0' && strchr ("' .,;:", *start) != NULL)
            start++;
          while (end > start && strchr ("' .,;:", end[-1]) != NULL)
            end--;

          if (end > start)
            g_ptr_array_add (fragments, g_strndup (start, end - start));
          g_string_truncate (current, 0);
        }
    }

  g_string_free (current, TRUE);
  return fragments;
}

static gboolean
source_text_contains (SourceText *text,
                      const char *quote)
{
  g_autoptr(GPtrArray) fragments = split_quote (quote ? quote : "");
  const char *from = text->haystack;

  for (guint i = 0; i < fragments->len; i++)
    {
      const char *fragment = g_ptr_array_index (fragments, i);
      const char *found = strstr (from, fragment);

      if (found == NULL)
        return FALSE;
      from = found + strlen (fragment);
    }

  return TRUE;
}

/**
 * dossier_document_contains_quote:
 * @document: a full document
 * @quote: an excerpt, possibly with omissions marked "…" or "[…]"
 *
 * Whether @quote still appears in @document, comparing normalised text
 * (see dossier_normalize_for_quote()). Fragments between omissions must
 * appear in order. The body, key points, pull quotes and notes are
 * searched.
 */
gboolean
dossier_document_contains_quote (DossierDocument *document,
                                 const char      *quote)
{
  g_autoptr(SourceText) text = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), FALSE);

  text = source_text_new (document);
  return source_text_contains (text, quote);
}

typedef struct {
  gsize start;  /* bytes into the passage */
  gsize end;
  int key;      /* index of the word in the quote's vocabulary, or -1 */
} Word;

/* Longest quote considered for the fuzzy search; beyond it, the first
 * words decide. Keeps the search linear and bounded. */
#define MAX_QUOTE_WORDS 400

/* Splits @text into words (runs of letters and digits). With a
 * @vocabulary, each word gets its index there (@text must be normalised,
 * hence already case-folded); @extend adds new words. Without one, only
 * the offsets are wanted. */
static GArray *
split_words (const char *text,
             GHashTable *vocabulary,
             gboolean    extend)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr(GString) key = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      gpointer value;
      Word word;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word.start = start - text;
      word.end = p - text;
      word.key = -1;

      if (vocabulary != NULL)
        {
          g_string_truncate (key, 0);
          g_string_append_len (key, start, p - start);

          if (g_hash_table_lookup_extended (vocabulary, key->str, NULL, &value))
            word.key = GPOINTER_TO_INT (value);
          else if (extend && words->len < MAX_QUOTE_WORDS)
            {
              word.key = g_hash_table_size (vocabulary);
              g_hash_table_insert (vocabulary, g_strdup (key->str), GINT_TO_POINTER (word.key));
            }
        }

      if (extend && words->len >= MAX_QUOTE_WORDS)
        break;
      g_array_append_val (words, word);
    }

  return words;
}

static char *
source_text_find_closest (SourceText *source,
                          const char *quote,
                          double     *similarity)
{
  g_autoptr(GHashTable) vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) quote_words = NULL;
  g_autofree int *wanted = NULL;
  g_autofree int *have = NULL;
  g_autofree char *folded_quote = NULL;
  const char *best_text = NULL;
  gsize best_start = 0, best_end = 0;
  guint best_score = 0;
  guint n_keys, length;

  if (similarity != NULL)
    *similarity = 0;

  folded_quote = dossier_normalize_for_quote (quote);
  quote_words = split_words (folded_quote, vocabulary, TRUE);
  length = quote_words->len;
  if (length == 0)
    return NULL;

  n_keys = g_hash_table_size (vocabulary);
  wanted = g_new0 (int, n_keys);
  have = g_new0 (int, n_keys);
  for (guint i = 0; i < length; i++)
    wanted[g_array_index (quote_words, Word, i).key]++;

  for (guint p = 0; p < source->passages->len; p++)
    {
      const char *text = g_ptr_array_index (source->passages, p);
      const char *normalised = g_ptr_array_index (source->normalised, p);
      g_autoptr(GArray) words = NULL;
      g_autoptr(GArray) original = NULL;
      guint overlap = 0;

      /* Keys come from the normalised text, offsets from the original:
       * both split into the same words (normalising keeps letters and
       * digits in order) unless NFKC changed the count, in which case
       * the passage is shown whole. */
      words = split_words (normalised, vocabulary, FALSE);
      original = split_words (text, NULL, FALSE);
      if (words->len == 0)
        continue;

      memset (have, 0, n_keys * sizeof (int));
      for (guint i = 0; i < words->len; i++)
        {
          int key = g_array_index (words, Word, i).key;

          if (key >= 0 && have[key]++ < wanted[key])
            overlap++;

          if (i >= length)
            {
              int gone = g_array_index (words, Word, i - length).key;

              if (gone >= 0 && --have[gone] < wanted[gone])
                overlap--;
            }

          if (overlap > best_score)
            {
              guint first = i >= length ? i - length + 1 : 0;
              /* Show as many words as the quote has, even when the match
               * peaks early (the last words were the ones edited). */
              guint last = MIN (first + length - 1, words->len - 1);

              best_score = overlap;
              best_text = text;
              if (original->len == words->len)
                {
                  best_start = g_array_index (original, Word, first).start;
                  best_end = g_array_index (original, Word, last).end;
                }
              else
                {
                  best_start = 0;
                  best_end = strlen (text);
                }
            }
        }
    }

  if (best_text == NULL)
    return NULL;

  /* Take in the punctuation around the words: quotation marks before,
   * punctuation after, up to the next space. */
  while (best_start > 0 && best_text[best_start - 1] != ' ')
    best_start--;
  while (best_text[best_end] != '\0' && best_text[best_end] != ' ')
    best_end++;

  if (similarity != NULL)
    *similarity = (double)best_score / length;

  return g_strndup (best_text + best_start, best_end - best_start);
}

/**
 * dossier_document_find_closest_passage:
 * @document: a full document
 * @quote: the quote that was not found
 * @similarity: (out) (optional): the share of the quote's words the
 *   passage has, 0–1
 *
 * Slides a window as long as the quote over each paragraph and keeps the
 * one sharing most words with it (as a multiset, so reordered or edited
 * wording still scores). Linear in the document's length.
 *
 * Returns: (transfer full) (nullable): the passage as written in the
 *   source, or %NULL when nothing shares a word with the quote
 */

char *
dossier_document_find_closest_passage (DossierDocument *document,
                                       const char      *quote,
                                       double          *similarity)
{
  g_autoptr(SourceText) text = NULL;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);

  text = source_text_new (document);
  return source_text_find_closest (text, quote, similarity);
}

/* Documents from a library have ids; others are told apart by address. */
static char *
dup_source_key (DossierDocument *document)
{
  const char *id = dossier_document_get_id (document);

  return id != NULL ? g_strconcat ("id:", id, NULL) : g_strdup_printf ("at:%p", (void *)document);
}

static char *
dup_lookup_key (DossierCitation *citation)
{
  const char * const *authors = dossier_citation_get_authors (citation);

  return g_strjoin ("\x1f",
                    dossier_citation_get_library_id (citation) ?: "",
                    dossier_citation_get_source_url (citation) ?: "",
                    dossier_citation_get_title (citation) ?: "",
                    authors && authors[0] ? authors[0] : "",
                    NULL);
}

/* ---- Printed quotations --------------------------------------------------- */

/* A quotation as the memo prints it, and the citation it is attributed to. */
typedef struct {
  char *citation_id;
  char *text;          /* plain text, without its quotation marks */
  int section;
} PrintedQuotation;

static const char *skip_portion_mark (const char *title);

static void
printed_quotation_free (gpointer data)
{
  PrintedQuotation *quotation = data;

  g_free (quotation->citation_id);
  g_free (quotation->text);
  g_free (quotation);
}

static gboolean
is_quotation_edge (gunichar c)
{
  return is_quote_mark (c) || g_unichar_isspace (c) || c == ',' || c == '.' || c == ';' || c == ':';
}

/* The words of a quotation without the marks and punctuation around them
 * ("“A freeze is a floor,”" → "A freeze is a floor"): the source has
 * neither. */
static char *
dup_quotation_words (const char *markup)
{
  g_autofree char *plain = dossier_memo_inline_to_plain (markup);
  const char *start = plain;
  const char *end = plain + strlen (plain);

  while (*start != '\0' && is_quotation_edge (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_prev_char (end);

      if (!is_quotation_edge (g_utf8_get_char (last)))
        break;
      end = last;
    }
  return g_strndup (start, end - start);
}

static void
add_printed_quotation (GPtrArray  *quotations,
                       const char *citation_id,
                       const char *markup,
                       int         section)
{
  PrintedQuotation *quotation;
  g_autofree char *words = dup_quotation_words (markup);

  /* Too short to be a quotation worth checking ("yes"). */
  if (g_utf8_strlen (words, -1) < 8)
    return;

  quotation = g_new0 (PrintedQuotation, 1);
  quotation->citation_id = g_strdup (citation_id);
  quotation->text = g_steal_pointer (&words);
  quotation->section = section;
  g_ptr_array_add (quotations, quotation);
}

/* Quotations in running text: “…” right before a citation marker. */
static void
collect_inline_quotations (GPtrArray  *quotations,
                           const char *text,
                           int         section)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;
  dossier_regex_once (&regex, "“([^“”]{3,4000}?)”\\s{0,2}\\[\\^([A-Za-z0-9_.:-]{1,64})\\]",
                              G_REGEX_OPTIMIZE);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *quoted = g_match_info_fetch (match, 1);
      g_autofree char *id = g_match_info_fetch (match, 2);

      add_printed_quotation (quotations, id, quoted, section);
      g_match_info_next (match, NULL);
    }
}

/* What the memo prints as quoted: its block quotations with their source,
 * and the quotations in its running text followed by their marker. The
 * analyst edits these, not the citation's own copy of the excerpt, so
 * these are what must still match the sources. */
static GPtrArray *
collect_printed_quotations (DossierMemo *memo)
{
  GPtrArray *quotations = g_ptr_array_new_with_free_func (printed_quotation_free);

  for (guint s = 0; s < dossier_memo_get_n_sections (memo); s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);

      for (guint b = 0; b < dossier_memo_section_get_n_blocks (section); b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
          const char * const *items;

          switch (dossier_memo_block_get_kind (block))
            {
            case DOSSIER_MEMO_BLOCK_QUOTE:
              if (dossier_memo_block_get_cite (block) != NULL && *dossier_memo_block_get_cite (block) != '\0')
                /* A portion-marked memo marks its quotations too: "(U) …". */
                add_printed_quotation (quotations, dossier_memo_block_get_cite (block),
                                       skip_portion_mark (dossier_memo_block_get_text (block)), s);
              collect_inline_quotations (quotations, dossier_memo_block_get_text (block), s);
              break;
            case DOSSIER_MEMO_BLOCK_BULLETS:
              items = dossier_memo_block_get_items (block);
              for (guint i = 0; items != NULL && items[i] != NULL; i++)
                collect_inline_quotations (quotations, items[i], s);
              break;
            case DOSSIER_MEMO_BLOCK_PARAGRAPH:
            default:
              collect_inline_quotations (quotations, dossier_memo_block_get_text (block), s);
              break;
            }
        }
    }
  return quotations;
}

static gboolean
same_quotation (const char *a,
                const char *b)
{
  g_autofree char *na = dossier_normalize_for_quote (a);
  g_autofree char *nb = dossier_normalize_for_quote (b);

  return g_strcmp0 (na, nb) == 0;
}

/**
 * dossier_memo_check_quotes:
 * @find_source: (nullable): finds a citation's document; %NULL when no
 *   library is available (every quote is then unverified)
 * @issues: (element-type DossierMemoIssue): where findings are appended
 *
 * Checks each citation's quote against its source document.
 *
 * Returns: %FALSE if looking a source up failed (@error set)
 */
gboolean
dossier_memo_check_quotes (DossierMemo            *memo,
                           DossierMemoSourceFunc   find_source,
                           gpointer                user_data,
                           GListStore             *issues,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)source_text_free);
  g_autoptr(GHashTable) lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) source_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) printed_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) printed = NULL;
  GListModel *citations;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (issues), FALSE);

  printed = collect_printed_quotations (memo);
  for (guint i = 0; i < printed->len; i++)
    g_hash_table_add (printed_ids, ((PrintedQuotation *) g_ptr_array_index (printed, i))->citation_id);

  citations = dossier_memo_get_citations (memo);
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      DossierDocument *document = NULL;
      SourceText *source;
      g_autofree char *key = NULL;
      gpointer cached;
      const char *quote = dossier_citation_get_quote (citation);
      const char *id = dossier_citation_get_id (citation);
      gboolean has_quote = quote != NULL && *quote != '\0';
      g_autofree char *message = NULL;

      if (!has_quote && !g_hash_table_contains (printed_ids, id))
        continue;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Citations of one source share its lookup and its normalised text. */
      key = dup_lookup_key (citation);
      if (g_hash_table_lookup_extended (lookups, key, NULL, &cached))
        document = cached;
      else if (find_source != NULL)
        {
          GError *local_error = NULL;
          DossierDocument *found = find_source (citation, user_data, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }

          g_autofree char *source_key = found ? dup_source_key (found) : NULL;

          if (found != NULL && (source = g_hash_table_lookup (sources, source_key)) != NULL)
            {
              /* The same document found another way: keep the first copy. */
              document = source->document;
              g_object_unref (found);
            }
          else if (found != NULL)
            {
              source = source_text_new (found);
              g_hash_table_insert (sources, g_steal_pointer (&source_key), source);
              document = source->document;
              g_object_unref (found);
            }
          g_hash_table_insert (lookups, g_steal_pointer (&key), document);
        }

      if (document == NULL && !has_quote)
        continue; /* nothing stored to vouch for: the printed one is unverified too, silently */
      if (document == NULL)
        {
          message = find_source != NULL
            ? g_strdup_printf (_("the quote of citation “%s” is unverified: “%s” is not in the library"),
                               id, dossier_citation_get_title (citation))
            : g_strdup_printf (_("the quote of citation “%s” is unverified: no library to check it against"), id);
          report (issues, DOSSIER_MEMO_ISSUE_UNVERIFIED, id, -1, message);
          continue;
        }

      {
        g_autofree char *source_key = dup_source_key (document);

        source = g_hash_table_lookup (sources, source_key);
        g_assert (source != NULL);
      }
      g_hash_table_insert (source_by_id, g_strdup (id), source);

      if (has_quote && !source_text_contains (source, quote))
        {
          g_autoptr(DossierMemoIssue) issue = NULL;
          g_autofree char *closest = NULL;
          double similarity = 0;

          message = g_strdup_printf (_("the quote of citation “%s” is not in “%s”"),
                                     id, dossier_document_get_title (document));
          issue = dossier_memo_issue_new (DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH, message);
          dossier_memo_issue_set_citation_id (issue, id);
          closest = source_text_find_closest (source, quote, &similarity);
          if (closest != NULL)
            dossier_memo_issue_set_closest_passage (issue, closest, similarity);
          g_list_store_append (issues, issue);
        }
    }

  /* The quotations as printed, where they differ from the stored excerpt
   * (already checked above). */
  for (guint i = 0; i < printed->len; i++)
    {
      PrintedQuotation *quotation = g_ptr_array_index (printed, i);
      SourceText *source = g_hash_table_lookup (source_by_id, quotation->citation_id);
      g_autoptr(DossierCitation) citation = NULL;
      const char *stored;

      if (source == NULL)
        continue;
      citation = g_object_ref (dossier_memo_lookup_citation (memo, quotation->citation_id));
      stored = dossier_citation_get_quote (citation);
      if (stored != NULL && same_quotation (stored, quotation->text))
        continue;

      if (!source_text_contains (source, quotation->text))
        {
          g_autoptr(DossierMemoIssue) issue = NULL;
          g_autofree char *closest = NULL;
          g_autofree char *message = NULL;
          double similarity = 0;

          message = g_strdup_printf (_("a quotation in section “%s” cited to “%s” is not in “%s”"),
                                     dossier_memo_section_get_title (dossier_memo_get_section (memo, quotation->section)),
                                     quotation->citation_id, dossier_document_get_title (source->document));
          issue = dossier_memo_issue_new (DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH, message);
          dossier_memo_issue_set_citation_id (issue, quotation->citation_id);
          dossier_memo_issue_set_section (issue, quotation->section);
          closest = source_text_find_closest (source, quotation->text, &similarity);
          if (closest != NULL)
            dossier_memo_issue_set_closest_passage (issue, closest, similarity);
          g_list_store_append (issues, issue);
        }
    }

  return TRUE;
}

/* ---- Lint -------------------------------------------------------------- */

static const char *
skip_portion_mark (const char *title)
{
  g_autofree char *mark = dossier_memo_dup_leading_portion_mark (title);

  if (mark == NULL)
    return title;

  title = strchr (title, ')') + 1;
  while (*title == ' ')
    title++;
  return title;
}

/**
 * dossier_memo_find_bluf_section:
 *
 * Returns: (transfer none) (nullable): the section holding the bottom line
 *   up front: titled "Bottom Line…", "BLUF", "Summary", "Executive
 *   Summary" or "Key Message"
 */
DossierMemoSection *
dossier_memo_find_bluf_section (DossierMemo *memo)
{
  static const char * const prefixes[] = {
    "bottom line", "bluf", "summary", "executive summary", "key message", NULL
  };
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  n = dossier_memo_get_n_sections (memo);
  for (guint s = 0; s < n; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      g_autofree char *title = g_utf8_casefold (skip_portion_mark (dossier_memo_section_get_title (section)), -1);

      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_str_has_prefix (title, prefixes[i]) || strstr (title, "(bluf)") != NULL)
          return section;
    }

  return NULL;
}

static guint
lines_for (const char *text,
           guint       width)
{
  glong chars = g_utf8_strlen (text, -1);

  return chars == 0 ? 0 : (chars + width - 1) / width;
}

/**
 * dossier_memo_estimate_lines:
 *
 * Estimates how many lines @section's body takes without a layout, at
 * %DOSSIER_MEMO_CHARS_PER_LINE characters per line (bullets and quotes
 * are indented, so narrower).
 */
guint
dossier_memo_estimate_lines (DossierMemoSection *section)
{
  guint n, lines = 0;

  g_return_val_if_fail (DOSSIER_IS_MEMO_SECTION (section), 0);

  n = dossier_memo_section_get_n_blocks (section);
  for (guint b = 0; b < n; b++)
    {
      DossierMemoBlock *block = dossier_memo_section_get_block (section, b);

      switch (dossier_memo_block_get_kind (block))
        {
        case DOSSIER_MEMO_BLOCK_PARAGRAPH:
          {
            g_autofree char *plain = dossier_memo_inline_to_plain (dossier_memo_block_get_text (block));
            lines += lines_for (plain, DOSSIER_MEMO_CHARS_PER_LINE);
          }
          break;
        case DOSSIER_MEMO_BLOCK_QUOTE:
          {
            g_autofree char *plain = dossier_memo_inline_to_plain (dossier_memo_block_get_text (block));
            lines += lines_for (plain, DOSSIER_MEMO_CHARS_PER_LINE - 10);
          }
          break;
        case DOSSIER_MEMO_BLOCK_BULLETS:
          {
            const char * const *items = dossier_memo_block_get_items (block);

            for (guint i = 0; items[i] != NULL; i++)
              {
                g_autofree char *plain = dossier_memo_inline_to_plain (items[i]);
                lines += MAX (1, lines_for (plain, DOSSIER_MEMO_CHARS_PER_LINE - 4));
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return lines;
}

/**
 * dossier_memo_estimate_pages:
 *
 * Estimates the page count without a layout: the header block, each
 * section's title and body with a blank line between blocks, and the
 * footnotes (in a smaller size), at %DOSSIER_MEMO_LINES_PER_PAGE lines a
 * page.
 */
guint
dossier_memo_estimate_pages (DossierMemo *memo)
{
  g_autoptr(DossierMemoNotes) notes = NULL;
  guint lines = 8; /* marking, memo-for, from, date, subject, rules, blanks */
  guint note_lines = 0;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), 0);

  n = dossier_memo_get_n_sections (memo);
  for (guint s = 0; s < n; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);

      lines += 2 + dossier_memo_estimate_lines (section) + dossier_memo_section_get_n_blocks (section);
    }

  notes = dossier_memo_notes_new (memo);
  for (guint i = 1; i <= dossier_memo_notes_get_n_notes (notes); i++)
    note_lines += lines_for (dossier_memo_notes_get_note (notes, i)->text, DOSSIER_MEMO_CHARS_PER_LINE + 20);
  /* Notes are set at 10 pt against 12 pt: about five note lines take four body lines. */
  lines += (note_lines * 4 + 4) / 5;

  return MAX (1, (lines + DOSSIER_MEMO_LINES_PER_PAGE - 1) / DOSSIER_MEMO_LINES_PER_PAGE);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static gboolean
has_approve_lines (DossierMemo *memo)
{
  guint n = dossier_memo_get_n_sections (memo);

  for (guint s = 0; s < n; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      guint n_blocks = dossier_memo_section_get_n_blocks (section);

      for (guint b = 0; b < n_blocks; b++)
        {
          g_autofree char *plain = dossier_memo_block_dup_plain_text (dossier_memo_section_get_block (section, b));
          g_autofree char *folded = g_utf8_casefold (plain, -1);
          guint disapprove = count_occurrences (folded, "disapprove");

          /* "Approve ____  Disapprove ____": an "approve" besides the one in "disapprove". */
          if (disapprove > 0 && count_occurrences (folded, "approve") > disapprove)
            return TRUE;
        }
    }

  return FALSE;
}

/* 0 unclassified, 1 controlled (CUI, SBU, FOUO…), 2+ classified. */
static int
marking_rank (const char *marking)
{
  g_autofree char *upper = NULL;

  if (marking == NULL)
    return -1;

  upper = g_ascii_strup (marking, -1);
  g_strstrip (upper);

  if (strstr (upper, "TOP SECRET") != NULL || g_str_equal (upper, "TS") || g_str_has_prefix (upper, "TS/"))
    return 4;
  if ((strstr (upper, "SECRET") != NULL && strstr (upper, "UNCLASSIFIED") == NULL) ||
      g_str_equal (upper, "S") || g_str_has_prefix (upper, "S/"))
    return 3;
  if (strstr (upper, "CONFIDENTIAL") != NULL || g_str_equal (upper, "C") || g_str_has_prefix (upper, "C/"))
    return 2;
  if (strstr (upper, "CUI") != NULL || strstr (upper, "SBU") != NULL || strstr (upper, "SENSITIVE") != NULL ||
      strstr (upper, "FOUO") != NULL || strstr (upper, "LIMITED") != NULL || strstr (upper, "CONTROLLED") != NULL)
    return 1;
  if (g_str_equal (upper, "U") || g_str_equal (upper, "UNCLASSIFIED"))
    return 0;

  /* An unknown label is some kind of handling restriction. */
  return 1;
}

static void
lint_markings (DossierMemo *memo,
               GListStore  *issues)
{
  const char *header = dossier_memo_get_marking (memo);
  int header_rank = marking_rank (header);
  g_autoptr(GString) unmarked = g_string_new (NULL);
  guint n = dossier_memo_get_n_sections (memo);
  guint n_marked = 0;
  int highest = -1;
  int highest_section = -1;
  g_autofree char *highest_mark = NULL;

  if (header_rank >= 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is a classified marking; Dossier is for unclassified and CUI work only"), header);
      report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, -1, message);
    }

  for (guint s = 0; s < n; s++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, s);
      g_autofree char *mark = dossier_memo_section_dup_portion_mark (section);
      int rank;

      if (mark == NULL)
        {
          if (unmarked->len > 0)
            g_string_append (unmarked, ", ");
          g_string_append_printf (unmarked, "“%s”", dossier_memo_section_get_title (section));
          continue;
        }

      n_marked++;
      rank = marking_rank (mark);
      if (rank >= 2)
        {
          g_autofree char *message =
            g_strdup_printf (_("section “%s” carries the classified portion mark (%s); Dossier is for unclassified and CUI work only"),
                             dossier_memo_section_get_title (section), mark);
          report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, s, message);
        }
      if (rank > highest)
        {
          highest = rank;
          highest_section = s;
          g_free (highest_mark);
          highest_mark = g_strdup (mark);
        }
    }

  if (n_marked == 0)
    return;

  /* Portion marks are all or none. */
  if (n_marked < n)
    {
      g_autofree char *message =
        g_strdup_printf (_("portion marks are all or none, but these sections have none: %s"), unmarked->str);
      report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, -1, message);
    }

  if (header == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("sections carry portion marks such as (%s) but the header has no marking"), highest_mark);
      report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, -1, message);
    }
  else if (highest > header_rank)
    {
      g_autofree char *message =
        g_strdup_printf (_("section “%s” is marked (%s), higher than the header’s “%s”"),
                         dossier_memo_section_get_title (dossier_memo_get_section (memo, highest_section)),
                         highest_mark, header);
      report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, highest_section, message);
    }
  else if (highest < header_rank && n_marked == n)
    {
      g_autofree char *message =
        g_strdup_printf (_("the header is marked “%s” but no section is marked that high (highest: (%s))"),
                         header, highest_mark);
      report (issues, DOSSIER_MEMO_ISSUE_MARKING, NULL, -1, message);
    }
}

/* ---- Template placeholders ---------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
lint_placeholders (DossierMemo *memo,
                   GListStore  *issues)
{
  struct { const char *text; const char *field; } header[] = {
    { dossier_memo_get_to (memo), N_("the “to” line") },
    { dossier_memo_get_from (memo), N_("the “from” line") },
    { dossier_memo_get_subject (memo), N_("the subject") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_autofree char *placeholder = header[i].text ? dossier_memo_find_template_prompt (header[i].text) : NULL;

      /* An empty line prints as a bare label ("FROM:"): unfinished too. */
      if (is_blank (header[i].text))
        {
          /* TRANSLATORS: %s is a header field ("the subject") */
          g_autofree char *message = g_strdup_printf (_("%s is empty; fill it in"), _(header[i].field));

          report (issues, DOSSIER_MEMO_ISSUE_PLACEHOLDER, NULL, -1, message);
          continue;
        }

      if (placeholder != NULL)
        {
          /* TRANSLATORS: the first %s is a header field ("the subject"), the second the template's text */
          g_autofree char *message = g_strdup_printf (_("%s still has the template’s “%s”; fill it in"),
                                                      _(header[i].field), placeholder);
          report (issues, DOSSIER_MEMO_ISSUE_PLACEHOLDER, NULL, -1, message);
        }
    }

  for (guint i = 0; i < dossier_memo_get_n_sections (memo); i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, i);
      g_autofree char *text = dossier_memo_section_dup_source_text (section);
      g_autofree char *in_title = dossier_memo_find_template_prompt (dossier_memo_section_get_title (section));
      g_autofree char *in_text = in_title ? NULL : dossier_memo_find_template_prompt (text);

      if (in_title != NULL || in_text != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("section “%s” still has the template’s “%s”; fill it in or remove it"),
                             dossier_memo_section_get_title (section), in_title ? in_title : in_text);
          report (issues, DOSSIER_MEMO_ISSUE_PLACEHOLDER, NULL, i, message);
        }
    }
}

/* A note that names only an author and a title ("Park, “Talking”.")
 * cannot be found again by a reader. */
static void
lint_thin_sources (DossierMemo *memo,
                   GListStore  *issues)
{
  GListModel *citations = dossier_memo_get_citations (memo);

  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(DossierCitation) citation = g_list_model_get_item (citations, i);
      const char * const *authors = dossier_citation_get_authors (citation);
      const char *title = dossier_citation_get_title (citation);

      if (authors == NULL || authors[0] == NULL || is_blank (title) ||
          !is_blank (dossier_citation_get_publisher (citation)) ||
          !is_blank (dossier_citation_get_published (citation)) ||
          !is_blank (dossier_citation_get_source_url (citation)))
        continue;

      {
        /* TRANSLATORS: %s is a source's title */
        g_autofree char *message =
          g_strdup_printf (_("source “%s” has only an author and a title; add its publisher, date or address"),
                           title);

        report (issues, DOSSIER_MEMO_ISSUE_THIN_SOURCE, dossier_citation_get_id (citation), -1, message);
      }
    }
}

/* In a memo whose sections carry portion marks, every portion is marked,
 * the block quotations that Add to Memo puts in too. */
static void
lint_unmarked_excerpts (DossierMemo *memo,
                        GListStore  *issues)
{
  gboolean marked = FALSE;

  for (guint i = 0; i < dossier_memo_get_n_sections (memo) && !marked; i++)
    {
      g_autofree char *mark = dossier_memo_section_dup_portion_mark (dossier_memo_get_section (memo, i));

      marked = mark != NULL;
    }
  if (!marked)
    return;

  for (guint i = 0; i < dossier_memo_get_n_sections (memo); i++)
    {
      DossierMemoSection *section = dossier_memo_get_section (memo, i);
      guint n_unmarked = 0;

      for (guint b = 0; b < dossier_memo_section_get_n_blocks (section); b++)
        {
          DossierMemoBlock *block = dossier_memo_section_get_block (section, b);
          g_autofree char *mark = NULL;

          if (dossier_memo_block_get_kind (block) != DOSSIER_MEMO_BLOCK_QUOTE)
            continue;
          mark = dossier_memo_dup_leading_portion_mark (dossier_memo_block_get_text (block));
          if (mark == NULL)
            n_unmarked++;
        }
      if (n_unmarked > 0)
        {
          /* TRANSLATORS: %u is a number of quotations, %s a section's title */
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u quotation in section “%s” has no portion mark such as (U)",
                                          "%u quotations in section “%s” have no portion mark such as (U)",
                                          n_unmarked),
                             n_unmarked, dossier_memo_section_get_title (section));

          report (issues, DOSSIER_MEMO_ISSUE_UNMARKED_EXCERPT, NULL, i, message);
        }
    }
}

/**
 * dossier_memo_lint:
 * @hooks: (nullable): real line and page counts from a layout; %NULL for
 *   the hooks registered with dossier_memo_set_default_layout_hooks(), or
 *   estimates
 * @issues: (element-type DossierMemoIssue): where warnings are appended
 *
 * Format advice from briefing-memo conventions: a bottom line up front
 * of at most four lines, Approve/Disapprove lines in a decision memo, at
 * most two pages for an action memo, handling marks that agree between
 * header and sections and mark every block quotation too, no template
 * placeholder or empty To, From or Subject, and sources with more than an
 * author and a title.
 */
void
dossier_memo_lint (DossierMemo                  *memo,
                   const DossierMemoLayoutHooks *hooks,
                   GListStore                   *issues)
{
  DossierMemoSection *bluf;

  g_return_if_fail (DOSSIER_IS_MEMO (memo));
  g_return_if_fail (G_IS_LIST_STORE (issues));

  if (hooks == NULL)
    hooks = &default_hooks;

  bluf = dossier_memo_find_bluf_section (memo);
  if (bluf != NULL)
    {
      guint lines = hooks->count_lines ? hooks->count_lines (memo, bluf, hooks->user_data) : 0;
      gboolean estimated = lines == 0;

      if (estimated)
        lines = dossier_memo_estimate_lines (bluf);

      if (lines > 4)
        {
          g_autofree char *message =
            estimated
            ? g_strdup_printf (_("the bottom line up front (“%s”) takes about %u lines; keep it to four"),
                               dossier_memo_section_get_title (bluf), lines)
            : g_strdup_printf (_("the bottom line up front (“%s”) takes %u lines; keep it to four"),
                               dossier_memo_section_get_title (bluf), lines);
          guint position = 0;

          g_list_store_find (G_LIST_STORE (dossier_memo_get_sections (memo)), bluf, &position);
          report (issues, DOSSIER_MEMO_ISSUE_BLUF_LENGTH, NULL, position, message);
        }
    }

  if (dossier_memo_get_kind (memo) == DOSSIER_MEMO_KIND_DECISION)
    {
      guint pages = hooks->count_pages ? hooks->count_pages (memo, hooks->user_data) : 0;
      gboolean estimated = pages == 0;

      if (!has_approve_lines (memo))
        report (issues, DOSSIER_MEMO_ISSUE_APPROVE_LINES, NULL, -1,
                _("a decision memo needs “Approve ____  Disapprove ____” lines under its recommendation"));

      if (estimated)
        pages = dossier_memo_estimate_pages (memo);

      if (pages > 2)
        {
          g_autofree char *message =
            estimated
            ? g_strdup_printf (_("the action memo runs to about %u pages; keep it to two"), pages)
            : g_strdup_printf (_("the action memo runs to %u pages; keep it to two"), pages);
          report (issues, DOSSIER_MEMO_ISSUE_PAGE_COUNT, NULL, -1, message);
        }
    }

  lint_markings (memo, issues);
  lint_unmarked_excerpts (memo, issues);
  lint_placeholders (memo, issues);
  lint_thin_sources (memo, issues);
}

/**
 * dossier_memo_check:
 * @find_source: (nullable): finds a citation's source document
 *
 * Runs every check: references, quotes, lint.
 *
 * Returns: (transfer full): a #GListModel of #DossierMemoIssue (errors
 *   first, in the order found), or %NULL if a source lookup failed
 */
GListModel *
dossier_memo_check (DossierMemo            *memo,
                    DossierMemoSourceFunc   find_source,
                    gpointer                user_data,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GListStore) issues = NULL;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  issues = g_list_store_new (DOSSIER_TYPE_MEMO_ISSUE);
  dossier_memo_check_references (memo, issues);
  if (!dossier_memo_check_quotes (memo, find_source, user_data, issues, cancellable, error))
    return NULL;
  dossier_memo_lint (memo, NULL, issues);

  return G_LIST_MODEL (g_steal_pointer (&issues));
}
