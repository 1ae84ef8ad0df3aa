/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-html-importer.h"
#include "dossier-html-private.h"
#include "dossier-repeats.h"
#include "dossier-import.h"
#include "dossier-text-importer.h"

/* From the article's blocks to the document: which blocks are notes, bios,
 * boilerplate lines, headings or pull quotes, and the DossierDocument made
 * of what is left (see dossier-html-importer.c for the steps before). */

/* ---- sorting the blocks --------------------------------------------------- */

Block *
dossier_html_block_at (Importer *self,
                       guint     i)
{
  return g_ptr_array_index (self->blocks, i);
}

gboolean
dossier_html_is_heading_block (Block *block)
{
  return block->heading_level > 0;
}

static gboolean
text_equal_folded (const char *a,
                   const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  return g_str_equal (x, y);
}

/* An e-mail address somewhere in @text. */
static gboolean
has_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at > text && at[-1] != ' ' && strchr (at, '.') != NULL && at[1] != ' ' && at[1] != '\0';
}

gboolean
dossier_html_is_byline_text (const char *text)
{
  /* "By Robert E. Hale Jr." ends with a full stop that ends no sentence. */
  return (g_ascii_strncasecmp (text, "by ", 3) == 0 || g_ascii_strncasecmp (text, "written by ", 11) == 0 ||
          g_str_has_prefix (text, "Par ")) &&
         dossier_html_count_words (text) <= 20 &&
         (!dossier_html_ends_sentence (text) || dossier_ends_with_name (text));
}

/* "[button link=…]Buy[/button]", "[vc_row]": a page builder's markup
 * printed as text. Footnote markers ("[12]") and editorial brackets
 * ("[T]he") are not shortcodes. */
static gboolean
is_only_shortcodes (Importer   *self,
                    const char *text)
{
  g_autofree char *rest = NULL;

  if (strchr (text, '[') == NULL || strlen (text) > 2000)
    return FALSE;

  rest = g_regex_replace_literal (self->shortcode, text, -1, 0, "", 0, NULL);
  if (rest == NULL || strcmp (rest, text) == 0)
    return FALSE;
  /* Nothing but shortcodes, or a button: a label between two of them. */
  return dossier_html_count_words (g_strstrip (rest)) <= (text[0] == '[' && g_str_has_suffix (text, "]") ? 6 : 2);
}

static gboolean
is_author_heading (Importer *self,
                   Block    *block)
{
  return (dossier_html_is_heading_block (block) ||
          (dossier_html_count_words (block->text->str) <= 4 && block->strong_chars >= block->n_chars / 2)) &&
         g_regex_match (self->author_heading, block->text->str, 0, NULL);
}

void
dossier_html_sort_blocks (Importer *self)
{
  guint n = self->blocks->len;
  g_autofree gboolean *is_note = g_new0 (gboolean, n + 1);
  g_autofree gboolean *drop = g_new0 (gboolean, n + 1);
  gboolean seen_body = FALSE;

  if (!self->linked_notes)
    dossier_html_find_plain_notes (self, is_note);

  g_ptr_array_sort (self->notes, dossier_html_compare_notes);

  for (guint i = 0; i < n; i++)
    {
      Block *block = dossier_html_block_at (self, i);
      const char *text = block->text->str;
      guint words = dossier_html_count_words (text);

      if (is_note[i] || block->outside_root)
        {
          drop[i] = TRUE;
          continue;
        }

      /* An "About the Author" section inside the article, up to the next
       * heading (or the next such label, which starts its own). */
      if (is_author_heading (self, block))
        {
          drop[i] = TRUE;
          for (guint j = i + 1;
               j < n && !dossier_html_is_heading_block (dossier_html_block_at (self, j)) && !is_note[j] &&
               !is_author_heading (self, dossier_html_block_at (self, j));
               j++)
            {
              g_ptr_array_add (self->bio_paragraphs, g_strdup (dossier_html_block_at (self, j)->text->str));
              drop[j] = TRUE;
            }
          continue;
        }
      if (drop[i])
        continue;

      dossier_html_settle_tentative_refs (self, block);
      if (self->notes->len > 0)
        dossier_html_convert_text_markers (self, block);
      text = block->text->str;
      if (block->n_chars == 0)
        {
          drop[i] = TRUE;
          continue;
        }

      /* Headings of sections set aside, and the title repeated. */
      if (dossier_html_is_heading_block (block) &&
          (g_regex_match (self->skip_heading, text, 0, NULL) ||
           text_equal_folded (text, self->title) || text_equal_folded (text, self->h1)))
        {
          drop[i] = TRUE;
          continue;
        }

      if (text_equal_folded (text, self->subtitle) || text_equal_folded (text, self->title))
        {
          drop[i] = TRUE;
          continue;
        }

      /* Kickers and breadcrumbs above the title ("Commentary", "Home / Asia"). */
      if (block->before_title && words < 25)
        {
          drop[i] = TRUE;
          continue;
        }

      /* Copyright lines that news sites print under the text
       * ("© 2024 …", "Copyright ⓒ … 무단전재 및 재배포 금지"). */
      if (words <= 25 && (g_str_has_prefix (text, "©") || g_str_has_prefix (text, "ⓒ") ||
                          g_ascii_strncasecmp (text, "copyright", 9) == 0 ||
                          (strstr (text, "무단") != NULL && strstr (text, "재배포") != NULL)))
        {
          drop[i] = TRUE;
          continue;
        }

      /* A reporter's line with an address ("홍길동 기자 hong@example.com",
       * "Contact: jane@example.org"): the byline, not text. */
      if (words <= 8 && has_email (text))
        {
          const char *reporter = strstr (text, " 기자");

          if (self->author_names->len == 0 && reporter != NULL)
            {
              g_autofree char *name = g_strndup (text, reporter - text);
              dossier_html_add_byline (self, name);
            }
          drop[i] = TRUE;
          continue;
        }

      /* "Share", "Advertisement", "Read more" … */
      if (words <= 6 && g_regex_match (self->boilerplate_text, text, 0, NULL))
        {
          drop[i] = TRUE;
          continue;
        }

      /* Furniture a little longer: "Tags: …" and "Filed under: …" lists
       * of links, the comment form's notices ("Your email address will not
       * be published"), a line of WordPress shortcodes left unrendered. */
      if ((words <= 30 && block->link_chars * 2 >= block->n_chars &&
           g_regex_match (self->tags_line, text, 0, NULL)) ||
          (words <= 40 && g_regex_match (self->furniture_text, text, 0, NULL)) ||
          is_only_shortcodes (self, text))
        {
          drop[i] = TRUE;
          continue;
        }

      /* "Related: <a>Another article</a>", "See also: …" between paragraphs. */
      if (words <= 30 && block->link_chars * 2 >= block->n_chars && block->refs->len == 0 &&
          g_regex_match (self->related_prefix, text, 0, NULL))
        {
          drop[i] = TRUE;
          continue;
        }

      /* A line that is only a link: "Download the PDF", a related article. */
      if (block->link_chars * 10 >= block->n_chars * 8 && block->refs->len == 0 && words <= 25)
        {
          drop[i] = TRUE;
          continue;
        }

      /* Byline and date lines above the first paragraph. */
      if (!seen_body && !dossier_html_is_heading_block (block) && words <= 20)
        {
          g_autofree char *date = dossier_html_normalize_date (text);

          if (dossier_html_is_byline_text (text))
            {
              if (self->author_names->len == 0)
                dossier_html_add_byline (self, text);
              drop[i] = TRUE;
              continue;
            }
          if (date != NULL && words <= 8)
            {
              if (self->date == NULL)
                self->date = g_steal_pointer (&date);
              drop[i] = TRUE;
              continue;
            }
        }

      /* <p><strong>A Short Label</strong></p> is a heading (but not in a quotation). */
      if (!dossier_html_is_heading_block (block) && words <= 12 && block->strong_chars * 10 >= block->n_chars * 9 &&
          !dossier_html_ends_sentence (text) && !block->list_item && !block->in_quote)
        block->heading_level = 4;

      if (!dossier_html_is_heading_block (block) && words >= 8)
        seen_body = TRUE;
    }

  /* A closing bio without a heading ("Jane Doe is a fellow at …", often in
   * italics): the last paragraphs, when they open with a byline name. */
  for (guint i = n, checked = 0; i > 0 && checked < 3; i--)
    {
      Block *block = dossier_html_block_at (self, i - 1);
      gboolean is_bio = FALSE;

      if (drop[i - 1] || dossier_html_is_heading_block (block))
        continue;
      checked++;
      for (guint k = 0; k < self->author_names->len && !is_bio; k++)
        {
          const char *name = g_ptr_array_index (self->author_names, k);
          const char *rest = block->text->str + strlen (name);

          is_bio = g_str_has_prefix (block->text->str, name) &&
                   (g_str_has_prefix (rest, " is ") || g_str_has_prefix (rest, " was ") ||
                    g_str_has_prefix (rest, ", ") || g_str_has_prefix (rest, " serves ") ||
                    g_str_has_prefix (rest, " has "));
        }
      if (!is_bio)
        break;
      g_ptr_array_insert (self->bio_paragraphs, 0, g_strdup (block->text->str));
      drop[i - 1] = TRUE;
    }

  /* Headings with nothing under them, at the end or before another heading
   * of the same rank, introduced something that was removed. @next is the
   * first block kept after the one looked at. */
  for (guint i = n, next = n; i > 0; i--)
    {
      Block *block = dossier_html_block_at (self, i - 1);

      if (!drop[i - 1] && dossier_html_is_heading_block (block) &&
          (next >= n || (dossier_html_is_heading_block (dossier_html_block_at (self, next)) &&
                         dossier_html_block_at (self, next)->heading_level <= block->heading_level)))
        drop[i - 1] = TRUE;
      if (!drop[i - 1])
        next = i - 1;
    }

  /* Pull quotes without markup: a short block repeated inside a longer one
   * (every block kept so far is looked in, in time linear in the page). */
  {
    g_autoptr(DossierRepeats) repeats = dossier_repeats_new ();
    g_autoptr(GArray) excerpt_of = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < n; i++)
      {
        Block *block = dossier_html_block_at (self, i);
        guint words = dossier_html_count_words (block->text->str);
        guint excerpt = G_MAXUINT;

        if (!drop[i] && !dossier_html_is_heading_block (block) && words >= 6 && words <= 80)
          excerpt = dossier_repeats_add_excerpt (repeats, block->text->str);
        g_array_append_val (excerpt_of, excerpt);
      }
    for (guint j = 0; j < n; j++)
      if (!drop[j])
        dossier_repeats_scan (repeats, dossier_html_block_at (self, j)->text->str);
    for (guint i = 0; i < n; i++)
      {
        guint excerpt = g_array_index (excerpt_of, guint, i);

        if (excerpt != G_MAXUINT && dossier_repeats_is_repeated (repeats, excerpt))
          {
            g_ptr_array_add (self->pull_quotes, g_strdup (dossier_html_block_at (self, i)->text->str));
            drop[i] = TRUE;
          }
      }
  }

  /* Keep only what is left. */
  {
    GPtrArray *kept = g_ptr_array_new_with_free_func (dossier_html_block_free);

    for (guint i = 0; i < n; i++)
      {
        Block *block = g_ptr_array_index (self->blocks, i);

        g_ptr_array_index (self->blocks, i) = NULL;
        if (drop[i])
          dossier_html_block_free (block);
        else
          g_ptr_array_add (kept, block);
      }
    g_ptr_array_set_free_func (self->blocks, NULL);
    g_ptr_array_unref (self->blocks);
    self->blocks = kept;
  }
}

/* ---- assembling the document ------------------------------------------------ */

/* The authors of the document as they are found, indexed for matching
 * names: pages may name hundreds of people. */
typedef struct {
  GPtrArray *authors;     /* DossierAuthor */
  GHashTable *by_name;    /* folded name → index + 1 of the first with it */
  GHashTable *by_last;    /* first letter and folded last name → index + 1 */
} AuthorList;

static char *
last_name_key (const char *name)
{
  const char *last = strrchr (name, ' ');
  g_autofree char *folded = g_utf8_casefold (last ? last + 1 : name, -1);

  return g_strdup_printf ("%u %s", (guint) g_utf8_get_char (name), folded);
}

static void
author_list_init (AuthorList *list)
{
  list->authors = g_ptr_array_new_with_free_func (g_object_unref);
  list->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list->by_last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
author_list_clear (AuthorList *list)
{
  g_clear_pointer (&list->authors, g_ptr_array_unref);
  g_clear_pointer (&list->by_name, g_hash_table_unref);
  g_clear_pointer (&list->by_last, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AuthorList, author_list_clear)

/* Takes @author. */
static void
author_list_add (AuthorList    *list,
                 DossierAuthor *author)
{
  const char *name = dossier_author_get_name (author);
  gpointer index = GUINT_TO_POINTER (list->authors->len + 1);
  char *key;

  g_ptr_array_add (list->authors, author);
  if (!g_hash_table_contains (list->by_name, (key = g_utf8_casefold (name, -1))))
    g_hash_table_insert (list->by_name, key, index);
  else
    g_free (key);
  if (!g_hash_table_contains (list->by_last, (key = last_name_key (name))))
    g_hash_table_insert (list->by_last, key, index);
  else
    g_free (key);
}

/* The first author with @name, or (for a name of two words or more) with
 * its initial and last name: "J. Doe" and "Jane Doe" are one person. */
static DossierAuthor *
author_list_match (AuthorList *list,
                   const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_name, folded));

  if (dossier_html_count_words (name) >= 2)
    {
      g_autofree char *key = last_name_key (name);
      guint by_last = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_last, key));

      if (by_last != 0 && (index == 0 || by_last < index))
        index = by_last;
    }

  return index > 0 ? g_ptr_array_index (list->authors, index - 1) : NULL;
}

static void
merge_author (DossierAuthor *into,
              DossierAuthor *from)
{
  if (dossier_author_get_position (into) == NULL)
    dossier_author_set_position (into, dossier_author_get_position (from));
  if (dossier_author_get_affiliation (into) == NULL)
    dossier_author_set_affiliation (into, dossier_author_get_affiliation (from));
  if (dossier_author_get_bio (into) == NULL)
    dossier_author_set_bio (into, dossier_author_get_bio (from));
}

static void
assemble_authors (Importer        *self,
                  DossierDocument *document)
{
  g_auto(AuthorList) authors = { 0 };
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_object_unref);

  author_list_init (&authors);

  /* Bios from "About the author" sections, read by the text rules. */
  if (self->bio_paragraphs->len > 0)
    {
      g_autoptr(DossierDocument) scratch = dossier_document_new ();
      GListModel *parsed;

      g_ptr_array_add (self->bio_paragraphs, NULL);
      dossier_text_importer_read_bios (scratch, (const char * const *)self->bio_paragraphs->pdata);
      g_ptr_array_remove_index (self->bio_paragraphs, self->bio_paragraphs->len - 1);
      parsed = dossier_document_get_authors (scratch);
      for (guint i = 0; i < g_list_model_get_n_items (parsed); i++)
        g_ptr_array_add (details, g_list_model_get_item (parsed, i));
    }
  for (guint i = 0; i < self->bio_authors->len; i++)
    g_ptr_array_add (details, g_object_ref (g_ptr_array_index (self->bio_authors, i)));

  for (guint i = 0; i < self->author_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->author_names, i);

      if (author_list_match (&authors, name) == NULL)
        author_list_add (&authors, dossier_author_new (name));
    }

  for (guint i = 0; i < details->len; i++)
    {
      DossierAuthor *detail = g_ptr_array_index (details, i);
      const char *name = dossier_author_get_name (detail);
      DossierAuthor *known;

      if (name == NULL || !dossier_html_looks_like_name (name))
        continue;

      known = author_list_match (&authors, name);
      if (known != NULL)
        merge_author (known, detail);
      else if (self->author_names->len == 0 || dossier_author_get_bio (detail) != NULL)
        author_list_add (&authors, g_object_ref (detail));
    }

  for (guint i = 0; i < authors.authors->len; i++)
    dossier_document_add_author (document, g_ptr_array_index (authors.authors, i));
}

DossierDocument *
dossier_html_assemble (Importer    *self,
                       const char  *name_hint,
                       GError     **error)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  guint n_paragraphs = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = dossier_html_block_at (self, i);
      g_autoptr(DossierParagraph) paragraph = NULL;

      g_strchomp (block->text->str);
      block->text->len = strlen (block->text->str);
      block->n_chars = g_utf8_strlen (block->text->str, -1);
      if (!g_utf8_validate (block->text->str, block->text->len, NULL) || block->n_chars == 0)
        continue;

      paragraph = dossier_paragraph_new (block->text->str);
      if (dossier_html_is_heading_block (block))
        dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_HEADING);
      else
        n_paragraphs++;
      if (block->in_quote && !dossier_html_is_heading_block (block))
        {
          dossier_paragraph_set_kind (paragraph, DOSSIER_PARAGRAPH_QUOTE);
          if (block->attribution != NULL && g_utf8_validate (block->attribution, -1, NULL))
            dossier_paragraph_set_attribution (paragraph, block->attribution);
        }

      for (guint r = 0; r < block->refs->len; r++)
        {
          DossierFootnoteRef *ref = &g_array_index (block->refs, DossierFootnoteRef, r);

          if (dossier_html_find_note (self, ref->number) != NULL)
            dossier_paragraph_add_ref (paragraph, ref->number, MIN (ref->offset, block->n_chars));
        }
      dossier_document_add_paragraph (document, paragraph);
    }

  for (guint i = 0; i < self->notes->len; i++)
    {
      Note *note = g_ptr_array_index (self->notes, i);
      g_autoptr(DossierFootnote) footnote = NULL;

      if (!g_utf8_validate (note->text, -1, NULL))
        continue;
      footnote = dossier_footnote_new (note->number, note->text);
      g_ptr_array_add (note->urls, NULL);
      dossier_footnote_set_urls (footnote, (const char * const *)note->urls->pdata);
      g_ptr_array_remove_index (note->urls, note->urls->len - 1);
      dossier_document_add_footnote (document, footnote);
    }

  if (self->title == NULL)
    self->title = dossier_title_from_file_name (name_hint);
  dossier_document_set_title (document, self->title);
  if (self->subtitle != NULL && !text_equal_folded (self->subtitle, self->title))
    dossier_document_set_subtitle (document, self->subtitle);
  dossier_document_set_publisher (document, self->publisher);
  if (self->date != NULL)
    dossier_document_set_published (document, self->date);
  dossier_document_set_source_url (document, self->source_url);

  g_ptr_array_add (self->key_points, NULL);
  dossier_document_set_key_points (document, (const char * const *)self->key_points->pdata);
  g_ptr_array_remove_index (self->key_points, self->key_points->len - 1);
  g_ptr_array_add (self->pull_quotes, NULL);
  dossier_document_set_pull_quotes (document, (const char * const *)self->pull_quotes->pdata);
  g_ptr_array_remove_index (self->pull_quotes, self->pull_quotes->len - 1);

  assemble_authors (self, document);

  if (n_paragraphs == 0 && self->key_points->len == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NO_CONTENT,
                           _("The page holds no article text"));
      return NULL;
    }

  return g_steal_pointer (&document);
}
