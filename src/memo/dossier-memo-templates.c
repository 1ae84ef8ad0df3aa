/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-memo-inline.h"
#include "dossier-memo-language.h"
#include "dossier-memo-templates.h"

/*
 * Templates are built in code rather than read from files: they are
 * small, need the date of the day, and must never be missing from an
 * installation. Their prompts are bracketed so they stand out until the
 * analyst replaces them.
 */

static DossierMemoSection *
add_section (DossierMemo *memo,
             const char  *title)
{
  g_autoptr(DossierMemoSection) section = dossier_memo_section_new (title);

  dossier_memo_append_section (memo, section);
  return section; /* the memo keeps it */
}

static void
add_paragraph (DossierMemoSection *section,
               const char         *text)
{
  g_autoptr(DossierMemoBlock) block = dossier_memo_block_new_paragraph (text);

  dossier_memo_section_append_block (section, block);
}

static void
add_bullets (DossierMemoSection *section,
             const char         *first,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(DossierMemoBlock) block = NULL;
  g_auto(GStrv) items = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *item = first; item != NULL; item = va_arg (ap, const char *))
    g_strv_builder_add (builder, item);
  va_end (ap);

  items = g_strv_builder_end (builder);
  block = dossier_memo_block_new_bullets ((const char * const *)items);
  dossier_memo_section_append_block (section, block);
}

/* Where a template's words come from: the interface's language, or one
 * language's catalogue (msgid → translation), or none (as written). The
 * check looks for the prompts of all of them: a memo made in one
 * language is checked in another. */
typedef struct
{
  gboolean session;
  GHashTable *catalogue;
} Words;

static const char *
tr (const Words *words,
    const char  *text)
{
  const char *translated;

  if (words->session)
    return _(text);
  translated = words->catalogue != NULL ? g_hash_table_lookup (words->catalogue, text) : NULL;
  return translated != NULL ? translated : text;
}

static void
build_information (DossierMemo *memo,
                   const Words *words)
{
  DossierMemoSection *section;

  dossier_memo_set_marking (memo, "UNCLASSIFIED");
  dossier_memo_set_subject (memo, tr (words, N_("(U) [Subject]")));

  section = add_section (memo, tr (words, N_("(U) Summary")));
  add_paragraph (section, tr (words, N_("(U) [The bottom line up front: what the reader needs to know, in at most four lines.]")));

  section = add_section (memo, tr (words, N_("(U) Discussion")));
  add_paragraph (section, tr (words, N_("(U) [The facts and the analysis, in active voice. Cite sources with excerpts.]")));
}

static void
build_decision (DossierMemo *memo,
                const Words *words)
{
  DossierMemoSection *section;

  dossier_memo_set_marking (memo, "UNCLASSIFIED");
  dossier_memo_set_subject (memo, tr (words, N_("(U) [Subject]")));

  section = add_section (memo, tr (words, N_("(U) Bottom Line Up Front")));
  add_paragraph (section, tr (words, N_("(U) [The decision needed and the recommendation, in at most four lines.]")));

  section = add_section (memo, tr (words, N_("(U) Recommendation")));
  add_paragraph (section, tr (words, N_("(U) That you [approve the recommended option].")));
  add_paragraph (section, "Approve ____  Disapprove ____");

  section = add_section (memo, tr (words, N_("(U) Options")));
  add_bullets (section,
               tr (words, N_("(U) **Option 1:** [what it is]. Pros: [...]. Cons: [...].")),
               tr (words, N_("(U) **Option 2:** [what it is]. Pros: [...]. Cons: [...].")),
               NULL);

  section = add_section (memo, tr (words, N_("(U) Background")));
  add_paragraph (section, tr (words, N_("(U) [What happened, who is involved, and the implications of each option, in active voice.]")));
}

static void
build_policy_brief (DossierMemo *memo,
                    const Words *words)
{
  DossierMemoSection *section;

  dossier_memo_set_subject (memo, tr (words, N_("[Title of the brief]")));

  section = add_section (memo, tr (words, N_("Key Message (BLUF)")));
  add_paragraph (section, tr (words, N_("[The bottom line up front, in at most four lines.]")));

  section = add_section (memo, tr (words, N_("Background")));
  add_paragraph (section, tr (words, N_("[The problem, how it arose, and why it matters now.]")));

  section = add_section (memo, tr (words, N_("Perspectives")));
  add_paragraph (section, tr (words, N_("[How analysts see the question. Use Insert Perspectives to draft this from the documents you chose.]")));

  section = add_section (memo, tr (words, N_("Options")));
  add_bullets (section,
               tr (words, N_("**Option 1:** [what it is]. Pros: [...]. Cons: [...].")),
               tr (words, N_("**Option 2:** [what it is]. Pros: [...]. Cons: [...].")),
               tr (words, N_("**Option 3:** [what it is]. Pros: [...]. Cons: [...].")),
               NULL);

  section = add_section (memo, tr (words, N_("Recommendations")));
  add_bullets (section, tr (words, N_("[Recommendation, and how to carry it out.]")), NULL);
}

/**
 * dossier_memo_find_evidence_section:
 *
 * The section a memo's template keeps for evidence, where excerpts go
 * until the analyst has chosen a place: an information memo's
 * "Discussion" (whose placeholder asks for excerpts), a decision memo's
 * "Background", a policy brief's "Perspectives". Titles are matched in
 * the language the template was made in or in English, ignoring a
 * portion mark.
 *
 * Returns: (transfer none) (nullable): the section, if the memo has it
 */
DossierMemoSection *
dossier_memo_find_evidence_section (DossierMemo *memo)
{
  const char *title;
  DossierMemoSection *section;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  switch (dossier_memo_get_kind (memo))
    {
    case DOSSIER_MEMO_KIND_INFORMATION:
      title = N_("Discussion");
      break;
    case DOSSIER_MEMO_KIND_DECISION:
      title = N_("Background");
      break;
    case DOSSIER_MEMO_KIND_POLICY_BRIEF:
      title = N_("Perspectives");
      break;
    default:
      return NULL;
    }
  section = dossier_memo_find_section (memo, _(title));
  return section != NULL ? section : dossier_memo_find_section (memo, title);
}

static DossierMemo *
new_from_template (DossierMemoKind kind,
                   const Words     *words)
{
  DossierMemo *memo = dossier_memo_new ();

  dossier_memo_set_kind (memo, kind);
  /* The template's words are in the user's language: so is the memo. */
  dossier_memo_set_language (memo, dossier_memo_language_for_locale ());

  switch (kind)
    {
    case DOSSIER_MEMO_KIND_INFORMATION:
      build_information (memo, words);
      break;
    case DOSSIER_MEMO_KIND_DECISION:
      build_decision (memo, words);
      break;
    case DOSSIER_MEMO_KIND_POLICY_BRIEF:
      build_policy_brief (memo, words);
      break;
    default:
      g_return_val_if_reached (memo);
    }

  return memo;
}

/**
 * dossier_memo_new_from_template:
 * @kind: the kind of memo
 *
 * Makes a new memo dated today with the sections conventions ask for:
 * an information memo (summary, discussion), a decision (action) memo
 * (bottom line up front, recommendation with Approve/Disapprove lines,
 * options, background), or a policy brief (key message, background,
 * perspectives, options, recommendations). The first two are marked
 * UNCLASSIFIED with (U) portion marks.
 *
 * Returns: (transfer full): the memo
 */
DossierMemo *
dossier_memo_new_from_template (DossierMemoKind kind)
{
  const Words words = { .session = TRUE };

  return new_from_template (kind, &words);
}

/**
 * dossier_memo_new_from_template_in:
 * @kind: the kind of memo
 * @catalogue: (nullable): one language's messages (msgid → translation);
 *   %NULL for the template as written, in English
 *
 * The template in a language other than the interface's, for the check
 * to know its prompts (its language setting is still the locale's).
 *
 * Returns: (transfer full): the memo
 */
DossierMemo *
dossier_memo_new_from_template_in (DossierMemoKind  kind,
                                   GHashTable      *catalogue)
{
  const Words words = { .session = FALSE, .catalogue = catalogue };

  return new_from_template (kind, &words);
}

/* Key points longer than this are cut at a word boundary. */
#define MAX_POINT_CHARS 400
#define MAX_POINTS 5

static char *
dup_first_sentence (const char *text)
{
  const char *end = NULL;

  /* A full stop followed by a space ends a sentence; good enough for a draft. */
  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
      {
        end = p + 1;
        break;
      }

  return end ? g_strndup (text, end - text) : g_strdup (text);
}

static char *
dup_point (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (g_utf8_strlen (trimmed, -1) > MAX_POINT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (trimmed, 0, MAX_POINT_CHARS);
      char *space = strrchr (cut, ' ');

      if (space != NULL)
        *space = '\0';
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&trimmed);
}

/* The document's key points, else its pull quotes, else the first
 * sentence of its first body paragraphs. */
static GPtrArray *
collect_points (DossierDocument *document)
{
  GPtrArray *points = g_ptr_array_new_with_free_func (g_free);
  const char * const *key_points = dossier_document_get_key_points (document);
  const char * const *pull_quotes = dossier_document_get_pull_quotes (document);
  const char * const *source = key_points && key_points[0] ? key_points : pull_quotes;

  for (guint i = 0; source != NULL && source[i] != NULL && points->len < MAX_POINTS; i++)
    g_ptr_array_add (points, dup_point (source[i]));

  if (points->len == 0)
    {
      GListModel *paragraphs = dossier_document_get_paragraphs (document);
      guint n = g_list_model_get_n_items (paragraphs);

      for (guint i = 0; i < n && points->len < 2; i++)
        {
          g_autoptr(DossierParagraph) paragraph = g_list_model_get_item (paragraphs, i);
          g_autofree char *sentence = NULL;

          if (dossier_paragraph_get_kind (paragraph) != DOSSIER_PARAGRAPH_BODY)
            continue;
          sentence = dup_first_sentence (dossier_paragraph_get_text (paragraph));
          if (*sentence != '\0')
            g_ptr_array_add (points, dup_point (sentence));
        }
    }

  return points;
}

static char *
dup_lead (DossierDocument *document,
          const char      *citation_id)
{
  GListModel *authors = dossier_document_get_authors (document);
  guint n = g_list_model_get_n_items (authors);
  g_autoptr(GString) lead = g_string_new (NULL);
  g_autofree char *title = dossier_memo_escape_inline (dossier_document_get_title (document));
  const char *publisher = dossier_document_get_publisher (document);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);
      g_autofree char *name = dossier_memo_escape_inline (dossier_author_get_name (author));
      const char *position = dossier_author_get_position (author);
      const char *affiliation = dossier_author_get_affiliation (author);

      if (i > 0)
        {
          /* Translators: joins the names of the last two of several authors
           * ("A, B, and C") in a memo's Perspectives section */
          const char *last_of_many = C_("authors", ", and ");
          /* Translators: joins the names of two authors ("A and B") */
          const char *last_of_two = C_("authors", " and ");
          /* Translators: separates the names of authors before the last ("A, B") */
          const char *between = C_("authors", ", ");

          g_string_append (lead, i == n - 1 ? (n > 2 ? last_of_many : last_of_two) : between);
        }

      g_string_append_printf (lead, "**%s**", name);

      /* "(senior fellow, The Meridian Institute)" */
      if (position != NULL || affiliation != NULL)
        {
          g_autofree char *escaped_position = dossier_memo_escape_inline (position);
          g_autofree char *escaped_affiliation = dossier_memo_escape_inline (affiliation);

          g_string_append (lead, " (");
          if (position != NULL)
            g_string_append (lead, escaped_position);
          if (position != NULL && affiliation != NULL)
            g_string_append (lead, ", ");
          if (affiliation != NULL)
            g_string_append (lead, escaped_affiliation);
          g_string_append_c (lead, ')');
        }
    }

  if (n == 0 && publisher != NULL)
    {
      g_autofree char *escaped = dossier_memo_escape_inline (publisher);
      g_string_append_printf (lead, "**%s**", escaped);
    }
  else if (n == 0)
    g_string_append (lead, _("An unsigned article"));

  /* Translators: "<authors> in “<title>”:" introducing their key points */
  g_string_append_printf (lead, _(", in “%s”:"), title);
  g_string_append_printf (lead, "[^%s]", citation_id);

  return g_string_free (g_steal_pointer (&lead), FALSE);
}

/**
 * dossier_memo_draft_perspectives:
 * @memo: the memo the citations are added to
 * @documents: a #GListModel of #DossierDocument (full or lightweight)
 * @title: (nullable): the section title; "Perspectives" by default
 *
 * Drafts a "Perspectives" section for the analyst to edit: for each
 * document, a paragraph naming the authors with their positions and
 * affiliations and the title, cited, then its key points as bullets
 * (else its pull quotes, else the first sentences of its opening
 * paragraphs). A citation is added to @memo for each document; the
 * section itself is returned, not inserted.
 *
 * Returns: (transfer full): the new section
 */
DossierMemoSection *
dossier_memo_draft_perspectives (DossierMemo *memo,
                                 GListModel  *documents,
                                 const char  *title)
{
  DossierMemoSection *section;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  section = dossier_memo_section_new (title ? title : _("Perspectives"));
  n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      g_autoptr(DossierCitation) citation = dossier_citation_new (NULL);
      g_autoptr(GPtrArray) points = NULL;
      g_autofree char *hint = NULL;
      g_autofree char *id = NULL;
      g_autofree char *lead = NULL;
      g_autoptr(DossierMemoBlock) paragraph = NULL;

      if (!DOSSIER_IS_DOCUMENT (document))
        continue;

      dossier_citation_set_document (citation, document);
      hint = dossier_memo_dup_citation_id_hint (dossier_citation_get_authors (citation),
                                                dossier_citation_get_title (citation),
                                                dossier_citation_get_published (citation));
      id = dossier_memo_dup_new_citation_id (memo, hint);
      dossier_citation_set_id (citation, id);
      dossier_memo_add_citation (memo, citation);

      lead = dup_lead (document, id);
      paragraph = dossier_memo_block_new_paragraph (lead);
      dossier_memo_section_append_block (section, paragraph);

      points = collect_points (document);
      if (points->len > 0)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_autoptr(DossierMemoBlock) bullets = NULL;
          g_auto(GStrv) items = NULL;

          for (guint p = 0; p < points->len; p++)
            {
              g_autofree char *item = dossier_memo_escape_inline (g_ptr_array_index (points, p));
              g_strv_builder_add (builder, item);
            }
          items = g_strv_builder_end (builder);
          bullets = dossier_memo_block_new_bullets ((const char * const *)items);
          dossier_memo_section_append_block (section, bullets);
        }
    }

  return section;
}

/**
 * dossier_memo_insert_perspectives:
 *
 * "Insert Perspectives": drafts the section with
 * dossier_memo_draft_perspectives() and puts it in place of the memo's
 * "Perspectives" section if it has one (a policy brief's placeholder),
 * else after its last section.
 *
 * Returns: (transfer none): the inserted section
 */
DossierMemoSection *
dossier_memo_insert_perspectives (DossierMemo *memo,
                                  GListModel  *documents)
{
  g_autoptr(DossierMemoSection) section = NULL;
  DossierMemoSection *existing;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_MEMO (memo), NULL);

  existing = dossier_memo_find_section (memo, _("Perspectives"));
  section = dossier_memo_draft_perspectives (memo, documents,
                                             existing ? dossier_memo_section_get_title (existing) : NULL);

  if (existing != NULL &&
      g_list_store_find (G_LIST_STORE (dossier_memo_get_sections (memo)), existing, &position))
    {
      dossier_memo_remove_section (memo, position);
      dossier_memo_insert_section (memo, position, section);
    }
  else
    dossier_memo_append_section (memo, section);

  return section;
}
