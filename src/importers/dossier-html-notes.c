/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-html-importer.h"
#include "dossier-html-private.h"
#include "dossier-import.h"
#include "dossier-jsonld.h"
#include "dossier-text-decode.h"
#include "dossier-text-importer.h"
#include "model/dossier-util.h"

/* Footnotes of a web page: linked markers and their notes, plain "[n]"
 * and superscript markers with a notes list. See docs/import.md. */

/* ---- footnotes linked by fragment -------------------------------------- */

gboolean
dossier_html_parse_marker_number (const char *text,
                                  guint      *number)
{
  const char *p = text;
  guint64 value;
  char *end;

  while (*p == ' ' || *p == '[' || *p == '(')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;

  value = g_ascii_strtoull (p, &end, 10);
  p = end;
  while (*p == ' ' || *p == ']' || *p == ')' || *p == '.')
    p++;

  if (*p != '\0' || value == 0 || value > 9999)
    return FALSE;

  *number = (guint)value;
  return TRUE;
}

static xmlNode *
block_ancestor (xmlNode *node)
{
  static const char * const blocks[] = {
    "li", "p", "div", "dd", "td", "section", "aside", "article", "blockquote", "body", NULL
  };

  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    if (dossier_html_tag_in (node, blocks))
      return node;

  return NULL;
}

void
dossier_html_note_free (gpointer data)
{
  Note *note = data;

  g_free (note->text);
  g_clear_pointer (&note->urls, g_ptr_array_unref);
  g_clear_pointer (&note->url_set, g_hash_table_unref);
  g_free (note);
}

/* Looked up for every marker of every block: by number, not by a scan. */
Note *
dossier_html_find_note (Importer *self,
                        guint     number)
{
  return g_hash_table_lookup (self->notes_by_number, GUINT_TO_POINTER (number));
}

/* Takes @note; the first note of a number is the one that counts. */
static void
add_note (Importer *self,
          Note     *note)
{
  g_ptr_array_add (self->notes, note);
  if (!g_hash_table_contains (self->notes_by_number, GUINT_TO_POINTER (note->number)))
    g_hash_table_insert (self->notes_by_number, GUINT_TO_POINTER (note->number), note);
}

static Note *
note_new (guint number)
{
  Note *note = g_new0 (Note, 1);

  note->number = number;
  note->urls = g_ptr_array_new_with_free_func (g_free);
  note->url_set = g_hash_table_new (g_str_hash, g_str_equal);
  return note;
}

/* Every address of a note, however long: whether it is too long for the
 * document is for the import to say (see dossier-import.c), not to drop here. */
static void
add_url (Note       *note,
         const char *url)
{
  g_autoptr(GString) collapsed = g_string_new (NULL);
  gboolean pending = FALSE;
  g_autofree char *clean = NULL;

  if (url == NULL || !g_utf8_validate (url, -1, NULL))
    return;
  dossier_html_append_collapsed (collapsed, &pending, url);
  clean = g_string_free (g_steal_pointer (&collapsed), FALSE);

  if (!(g_str_has_prefix (clean, "http://") || g_str_has_prefix (clean, "https://")) ||
      strlen (clean) <= strlen ("https://"))
    return;

  if (g_hash_table_contains (note->url_set, clean))
    return;
  g_hash_table_add (note->url_set, clean);
  g_ptr_array_add (note->urls, g_steal_pointer (&clean));
}

/* "1. ", "[1] ", "1 " at the start of a note, when it is the note's number. */
static const char *
skip_number_prefix (const char *text,
                    guint       number)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);
  const char *p = text;

  if (*p == '[' || *p == '(')
    p++;
  if (!g_str_has_prefix (p, digits))
    return text;
  p += strlen (digits);
  if (*p == ']' || *p == ')' || *p == '.')
    p++;
  if (*p != ' ' && *p != '\0')
    return text;
  while (*p == ' ')
    p++;

  return p;
}

static gboolean
is_backlink_text (const char *text)
{
  static const char * const backlinks[] = {
    "↩", "↩︎", "↑", "^", "back", "return", "return to text", "back to text", "top", "⤴", "↵", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  return g_strv_contains (backlinks, lower) || g_str_has_prefix (lower, "back to") ||
         g_str_has_prefix (lower, "return to") || g_str_has_prefix (lower, "jump up");
}

typedef struct {
  Importer *self;
  GHashTable *backlinks;   /* xmlNode of <a> to leave out of the note */
  Note *note;
} NoteLinks;

static gboolean
note_links_enter (xmlNode  *node,
                  gpointer  data)
{
  NoteLinks *state = data;

  if (dossier_html_tag_is (node, "a"))
    {
      g_autofree char *href = dossier_html_get_attr (node, "href");
      g_autofree char *text = dossier_html_node_text_whole (state->self, node, NULL);

      if (href != NULL && href[0] == '#')
        {
          /* Links back to the text, or the note's own number. */
          guint number;
          if (is_backlink_text (text) || dossier_html_parse_marker_number (text, &number) || *text == '\0')
            g_hash_table_add (state->backlinks, node);
        }
      else if (href != NULL)
        add_url (state->note, href);
    }

  return node->type == XML_ELEMENT_NODE;
}

static void
read_note (Importer *self,
           xmlNode  *element,
           guint     number)
{
  g_autoptr(GHashTable) backlinks = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  Note *note = note_new (number);
  NoteLinks state = { self, backlinks, note };
  g_auto(GStrv) found = NULL;

  dossier_html_traverse (element, note_links_enter, NULL, &state);

  /* The note's text without the links back to the body: mark them, and
   * collect text leaving marked elements out (the note itself is not yet
   * marked; notes are set aside only after all have been read). */
  {
    GHashTableIter iter;
    gpointer key;
    /* Notes often sit in a <footer> or <aside>: boilerplate by tag, but
     * here only the backlinks are left out. */
    TextCollector collector = { self, text, FALSE, NULL, FLAG_SKIP | FLAG_INVISIBLE, TRUE, G_MAXSIZE, TRUE };
    NodeInfo *info = dossier_html_info_of (self, element);
    guint saved = info ? info->flags : 0;

    g_hash_table_iter_init (&iter, backlinks);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      dossier_html_add_flags (self, key, FLAG_SKIP);

    if (info != NULL)
      info->flags &= ~(FLAG_SKIP | FLAG_NOISE);
    dossier_html_traverse (element, dossier_html_collect_enter, dossier_html_collect_leave, &collector);
    if (info != NULL)
      info->flags = saved;
  }

  note->text = g_strdup (skip_number_prefix (g_strstrip (text->str), number));

  /* Plus addresses written out in the text, not linked. */
  found = dossier_footnote_extract_urls (note->text);
  for (guint i = 0; found[i] != NULL; i++)
    add_url (note, found[i]);

  if (*note->text == '\0')
    {
      dossier_html_note_free (note);
      return;
    }

  add_note (self, note);
}

/* Which element of the page is the note an in-text link points to? */
static xmlNode *
note_element_for (Importer *self,
                  xmlNode  *link,
                  xmlNode  *target)
{
  xmlNode *element = target;

  /* Word: <p><a name="_ftn1" href="#_ftnref1">[1]</a> Citation</p>;
   * others point at an empty <span id> or <a id> inside the note. */
  if (!dossier_html_tag_in (target, (const char * const[]) { "li", "p", "div", "dd", "td", "section", "aside", "tr", "dt", NULL }))
    element = block_ancestor (target);

  if (element == NULL || dossier_html_is_ancestor (element, link) || dossier_html_tag_is (element, "body") ||
      dossier_html_tag_is (element, "article"))
    return NULL;

  /* <dt id="fn1">1</dt><dd>text</dd> */
  if (dossier_html_tag_is (element, "dt"))
    {
      xmlNode *next = element->next;
      while (next != NULL && next->type != XML_ELEMENT_NODE)
        next = next->next;
      if (dossier_html_tag_is (next, "dd"))
        element = next;
    }

  /* A note is read whole; a larger element is text, not a note. */
  if (!dossier_html_is_small (self, element, MAX_NOTE_CHARS))
    return NULL;

  return element;
}

typedef struct {
  xmlNode *marker;
  xmlNode *element;
  guint number;
} LinkedRef;

void
dossier_html_find_linked_notes (Importer *self)
{
  static GRegex *fragment_hint = NULL;
  xmlXPathObjectPtr result;
  g_autoptr(GHashTable) note_elements = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);   /* note element → first number */
  g_autoptr(GHashTable) shared = g_hash_table_new (NULL, NULL);    /* elements several numbers link to */
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (LinkedRef));

  dossier_regex_once (&fragment_hint, "fn|foot|note|ftn|edn|cite|ref|ann", G_REGEX_CASELESS | G_REGEX_OPTIMIZE);

  xmlXPathOrderDocElems (self->doc);
  result = dossier_html_xpath (self, "//a[starts-with(@href, '#')]");

  for (guint i = 0; i < dossier_html_nodeset_len (result); i++)
    {
      xmlNode *link = dossier_html_nodeset_item (result, i);
      g_autofree char *href = dossier_html_get_attr (link, "href");
      g_autofree char *text = dossier_html_node_text (self, link);
      g_autofree char *role = dossier_html_get_attr (link, "role");
      xmlNode *target, *element, *marker;
      gboolean in_sup;
      guint number;

      /* Links inside <noscript>, <template> … were never measured: not text. */
      if (href == NULL || href[1] == '\0' || !dossier_html_is_measured (self, link) ||
          (dossier_html_flags_of (self, link) & FLAG_SKIP))
        continue;

      if (!dossier_html_parse_marker_number (text, &number))
        {
          /* <sup>[<a href="#fn1">1</a>]</sup>: the number may sit outside the link */
          continue;
        }

      /* <sup><a>1</a></sup>, <sup><span><a>1</a></span></sup> or <a><sup>1</sup></a> */
      in_sup = dossier_html_tag_is (link->parent, "sup") ||
               dossier_html_tag_is (link->parent ? link->parent->parent : NULL, "sup") ||
               dossier_html_tag_is (link->children, "sup");
      if (!in_sup && !g_regex_match (fragment_hint, href + 1, 0, NULL) &&
          !(role != NULL && strstr (role, "noteref") != NULL) && text[0] != '[')
        continue;

      target = g_hash_table_lookup (self->ids, href + 1);
      if (target == NULL)
        {
          /* "#fn%3A1" for id="fn:1" */
          g_autofree char *unescaped = g_uri_unescape_string (href + 1, NULL);
          if (unescaped != NULL)
            target = g_hash_table_lookup (self->ids, unescaped);
        }
      if (target == NULL || target == link)
        continue;

      /* A link back from the note to the text points backwards. */
      if (xmlXPathCmpNodes (link, target) != 1)
        continue;

      element = note_element_for (self, link, target);
      if (element == NULL)
        continue;

      /* The marker is the <sup> around the link when it holds nothing else. */
      marker = link;
      if (dossier_html_tag_is (link->parent, "sup"))
        {
          g_autofree char *sup_text = dossier_html_node_text (self, link->parent);
          guint sup_number;

          if (dossier_html_parse_marker_number (sup_text, &sup_number) && sup_number == number)
            marker = link->parent;
        }

      if (!dossier_html_is_measured (self, marker))
        continue;

      {
        LinkedRef ref = { marker, element, number };
        g_array_append_val (refs, ref);
      }
      if (g_hash_table_lookup (numbers, element) == NULL)
        g_hash_table_insert (numbers, element, GUINT_TO_POINTER (number));
      else if (GPOINTER_TO_UINT (g_hash_table_lookup (numbers, element)) != number)
        g_hash_table_add (shared, element);
    }

  for (guint i = 0; i < refs->len; i++)
    {
      LinkedRef *ref = &g_array_index (refs, LinkedRef, i);
      /* Every marker was measured (see above). */
      NodeInfo *info = dossier_html_info_of (self, ref->marker);

      info->ref_number = ref->number;

      /* Markers that all link to one "Notes" section, not to a note each:
       * plain markers, numbered by the list they point at. */
      if (g_hash_table_contains (shared, ref->element))
        {
          info->flags |= FLAG_TENTATIVE;
          continue;
        }

      info->flags |= FLAG_REF;
      if (!g_hash_table_contains (note_elements, ref->element) && dossier_html_find_note (self, ref->number) == NULL)
        {
          g_hash_table_add (note_elements, ref->element);
          read_note (self, ref->element, ref->number);
        }
    }

  xmlXPathFreeObject (result);

  /* Set the notes aside only now: a note may hold links to the next one. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, note_elements);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        xmlNode *element = key;

        dossier_html_add_flags (self, element, FLAG_SKIP);
        /* <dd> notes leave their <dt> numbers behind. */
        if (dossier_html_tag_is (element, "dd"))
          for (xmlNode *prev = element->prev; prev != NULL; prev = prev->prev)
            if (prev->type == XML_ELEMENT_NODE)
              {
                if (dossier_html_tag_is (prev, "dt"))
                  dossier_html_add_flags (self, prev, FLAG_SKIP);
                break;
              }
      }
  }

  self->linked_notes = self->notes->len > 0;
}

static gboolean
is_superscript_digit (gunichar c,
                      guint   *digit)
{
  static const gunichar supers[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };

  for (guint i = 0; i < G_N_ELEMENTS (supers); i++)
    if (c == supers[i])
      {
        *digit = i;
        return TRUE;
      }

  return FALSE;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const DossierFootnoteRef *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return 0;
}

/* Rewriting a block's text in one pass, so that a block with many markers
 * costs its length, not its length times its markers: the references it
 * already has (sorted by offset) move with the text as it is copied. */
typedef struct {
  Block *block;
  GString *out;
  guint read;            /* characters of the old text passed */
  guint written;         /* characters of the new text */
  guint next_ref;        /* first of block->refs not yet moved */
  guint since_write;     /* first of block->refs moved since the last character written */
  GArray *found;         /* DossierFootnoteRef, new references */
  guint found_since_write;
} Rewrite;

/* References that stood at or before the read position stand here now. */
static void
rewrite_move_refs (Rewrite *rw)
{
  GArray *refs = rw->block->refs;

  for (; rw->next_ref < refs->len; rw->next_ref++)
    {
      DossierFootnoteRef *ref = &g_array_index (refs, DossierFootnoteRef, rw->next_ref);

      if (ref->offset > rw->read)
        break;
      ref->offset = rw->written;
    }
}

static const char *
rewrite_copy_char (Rewrite    *rw,
                   const char *p)
{
  const char *next = g_utf8_next_char (p);

  rewrite_move_refs (rw);
  g_string_append_len (rw->out, p, next - p);
  rw->read++;
  rw->written++;
  rw->since_write = rw->next_ref;
  rw->found_since_write = rw->found->len;
  return next;
}

/* The space before a removed marker goes too: what stood right after it
 * stands before it now. */
static void
rewrite_drop_space (Rewrite *rw)
{
  g_string_truncate (rw->out, rw->out->len - 1);
  rw->written--;
  for (guint i = rw->since_write; i < rw->next_ref; i++)
    g_array_index (rw->block->refs, DossierFootnoteRef, i).offset = rw->written;
  for (guint i = rw->found_since_write; i < rw->found->len; i++)
    g_array_index (rw->found, DossierFootnoteRef, i).offset = rw->written;
}

static void
rewrite_finish (Rewrite *rw)
{
  GArray *refs = rw->block->refs;

  /* Offsets past the end (there should be none) keep their distance to it. */
  for (; rw->next_ref < refs->len; rw->next_ref++)
    {
      DossierFootnoteRef *ref = &g_array_index (refs, DossierFootnoteRef, rw->next_ref);

      ref->offset = rw->written + (ref->offset > rw->read ? ref->offset - rw->read : 0);
    }
  g_array_append_vals (refs, rw->found->data, rw->found->len);
  g_array_sort (refs, compare_refs);

  g_string_free (rw->block->text, TRUE);
  rw->block->text = rw->out;
  rw->block->n_chars = rw->written;
  g_array_unref (rw->found);
}

/* "[3]" and "³" in the text become references when note 3 exists. Runs
 * after dossier_html_settle_tentative_refs(), which sorts the references. */
void
dossier_html_convert_text_markers (Importer *self,
                                   Block    *block)
{
  Rewrite rw = { block, g_string_sized_new (block->text->len), 0, 0, 0, 0,
                 g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef)), 0 };
  const char *p = block->text->str;

  g_return_if_fail (block->tentative->len == 0);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      guint number = 0, digit, length = 0;
      const char *q = p;

      if (c == '[')
        {
          q++;
          while (g_ascii_isdigit (*q) && length < 4)
            {
              number = number * 10 + (*q - '0');
              q++;
              length++;
            }
          if (length == 0 || *q != ']' || dossier_html_find_note (self, number) == NULL)
            {
              p = rewrite_copy_char (&rw, p);
              continue;
            }
          q++;
          length += 2;
        }
      else if (is_superscript_digit (c, &digit) && rw.written > 0)
        {
          while (is_superscript_digit (g_utf8_get_char (q), &digit) && length < 4)
            {
              number = number * 10 + digit;
              q = g_utf8_next_char (q);
              length++;
            }
          if (dossier_html_find_note (self, number) == NULL)
            {
              /* The digits are text; the next ones are read afresh. */
              while (p < q)
                p = rewrite_copy_char (&rw, p);
              continue;
            }
        }
      else
        {
          p = rewrite_copy_char (&rw, p);
          continue;
        }

      /* A marker: references before it stay before it. */
      rewrite_move_refs (&rw);
      {
        DossierFootnoteRef ref;

        /* "talks. [3] Next" reads "talks. Next". */
        if (rw.out->len > 0 && rw.out->str[rw.out->len - 1] == ' ' && (*q == ' ' || *q == '\0'))
          rewrite_drop_space (&rw);

        ref.number = number;
        ref.offset = rw.written;
        g_array_append_val (rw.found, ref);
      }
      rw.read += length;
      p = q;
    }

  rewrite_finish (&rw);
}

/* Bare superscripts that are not note numbers go back into the text, in
 * one pass over it (a block may hold thousands of them). */
void
dossier_html_settle_tentative_refs (Importer *self,
                                    Block    *block)
{
  GArray *tentative = block->tentative;
  g_autoptr(GArray) restored = NULL;   /* DossierFootnoteRef put back as digits */
  GString *out;
  const char *p;
  guint position = 0, inserted = 0, next = 0;

  if (tentative->len == 0)
    {
      g_array_sort (block->refs, compare_refs);
      return;
    }

  /* Markers were recorded in reading order; stable sorts keep it at equal offsets. */
  g_array_sort (tentative, compare_refs);
  g_array_sort (block->refs, compare_refs);
  restored = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));
  {
    g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));

    for (guint i = 0; i < tentative->len; i++)
      {
        DossierFootnoteRef ref = g_array_index (tentative, DossierFootnoteRef, i);

        g_array_append_val (dossier_html_find_note (self, ref.number) != NULL ? kept : restored, ref);
      }
    g_array_append_vals (block->refs, kept->data, kept->len);
    g_array_sort (block->refs, compare_refs);
    g_array_set_size (tentative, 0);
  }

  /* Digits put back at offset o move every reference after o (not at o). */
  {
    guint r = 0, shift = 0;

    for (guint i = 0; i < block->refs->len; i++)
      {
        DossierFootnoteRef *ref = &g_array_index (block->refs, DossierFootnoteRef, i);

        for (; r < restored->len && g_array_index (restored, DossierFootnoteRef, r).offset < ref->offset; r++)
          {
            char digits[16];
            shift += g_snprintf (digits, sizeof digits, "%u", g_array_index (restored, DossierFootnoteRef, r).number);
          }
        ref->offset += shift;
      }
  }

  out = g_string_sized_new (block->text->len + restored->len * 4);
  for (p = block->text->str; ; p = g_utf8_next_char (p), position++)
    {
      for (; next < restored->len && (g_array_index (restored, DossierFootnoteRef, next).offset <= position || *p == '\0'); next++)
        {
          guint before = out->len;

          g_string_append_printf (out, "%u", g_array_index (restored, DossierFootnoteRef, next).number);
          inserted += out->len - before;   /* ASCII digits: bytes are characters */
        }
      if (*p == '\0')
        break;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  g_string_free (block->text, TRUE);
  block->text = out;
  block->n_chars += inserted;
}

static void
add_plain_note (Importer   *self,
                guint       number,
                const char *text,
                GPtrArray  *hrefs)
{
  Note *note;
  g_auto(GStrv) found = NULL;

  if (dossier_html_find_note (self, number) != NULL || text == NULL || *text == '\0')
    return;

  note = note_new (number);
  note->text = g_strdup (text);
  for (guint i = 0; hrefs != NULL && i < hrefs->len; i++)
    add_url (note, g_ptr_array_index (hrefs, i));
  found = dossier_footnote_extract_urls (text);
  for (guint i = 0; found[i] != NULL; i++)
    add_url (note, found[i]);
  add_note (self, note);
}

/* Reads a block as a note: "[1] text", "1. text", an <ol> item, or a
 * paragraph opening with a bare superscript number. */
static gboolean
block_as_note (Importer *self,
               Block    *block,
               gboolean  allow_list_number)
{
  static GRegex *pattern = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  dossier_regex_once (&pattern, "^(?:\\[(\\d{1,4})\\]|(\\d{1,4})[.)]|\\((\\d{1,4})\\))\\s*(\\S.*)$",
                                G_REGEX_DOTALL | G_REGEX_OPTIMIZE);

  if (block->tentative->len > 0 && g_array_index (block->tentative, DossierFootnoteRef, 0).offset == 0)
    {
      guint number = g_array_index (block->tentative, DossierFootnoteRef, 0).number;
      g_array_remove_index (block->tentative, 0);
      add_plain_note (self, number, block->text->str, block->hrefs);
      return TRUE;
    }

  if (g_regex_match (pattern, block->text->str, 0, &match))
    {
      guint number = 0;

      for (int group = 1; group <= 3 && number == 0; group++)
        {
          g_autofree char *digits = g_match_info_fetch (match, group);
          if (digits != NULL && *digits != '\0')
            number = (guint)g_ascii_strtoull (digits, NULL, 10);
        }
      if (number > 0)
        {
          g_autofree char *text = g_match_info_fetch (match, 4);
          add_plain_note (self, number, text, block->hrefs);
          return TRUE;
        }
    }

  if (allow_list_number && block->list_number > 0)
    {
      add_plain_note (self, (guint)block->list_number, block->text->str, block->hrefs);
      return TRUE;
    }

  return FALSE;
}

static void
take_joined_text (Note     *note,
                  GString **joined)
{
  if (*joined == NULL)
    return;
  g_free (note->text);
  note->text = g_string_free (g_steal_pointer (joined), FALSE);
}

static gboolean
body_has_bracket_marker (Importer *self,
                         guint     end)
{
  for (guint i = 0; i < end; i++)
    if (g_regex_match (self->bracket_marker, dossier_html_block_at (self, i)->text->str, 0, NULL))
      return TRUE;

  return FALSE;
}

/* Notes not linked to the text: a "Notes" heading, a footnotes container or
 * a trailing run of "[n] …" paragraphs. Returns the blocks they occupied. */
void
dossier_html_find_plain_notes (Importer  *self,
                               gboolean  *is_note)
{
  guint n = self->blocks->len;
  guint heading = n;

  for (guint i = n; i > 0; i--)
    {
      Block *block = dossier_html_block_at (self, i - 1);

      if ((dossier_html_is_heading_block (block) || (dossier_html_count_words (block->text->str) <= 3 && block->strong_chars >= block->n_chars / 2)) &&
          g_regex_match (self->notes_heading, block->text->str, 0, NULL))
        {
          heading = i - 1;
          break;
        }
    }

  if (heading < n)
    {
      Note *previous = NULL;
      g_autoptr(GString) joined = NULL;   /* previous's text, with the paragraphs running on */
      guint notes_before = self->notes->len;

      for (guint j = heading + 1; j < n; j++)
        {
          Block *block = dossier_html_block_at (self, j);
          guint before = self->notes->len;

          if (dossier_html_is_heading_block (block))
            break;
          if (block_as_note (self, block, TRUE))
            {
              is_note[j] = TRUE;
              if (self->notes->len > before)
                {
                  take_joined_text (previous, &joined);
                  previous = g_ptr_array_index (self->notes, self->notes->len - 1);
                }
            }
          else if (previous != NULL && block->n_chars < MAX_NOTE_CHARS)
            {
              /* A note running over two paragraphs (or many). */
              if (joined == NULL)
                joined = g_string_new (previous->text);
              g_string_append_c (joined, ' ');
              g_string_append (joined, block->text->str);
              is_note[j] = TRUE;
            }
          else
            break;
        }
      take_joined_text (previous, &joined);

      /* A "References" heading over a bibliography is not a notes list. */
      if (self->notes->len > notes_before)
        {
          is_note[heading] = TRUE;
          return;
        }
    }

  /* <ol class="footnotes"> with no heading. */
  for (guint j = 0; j < n; j++)
    {
      Block *block = dossier_html_block_at (self, j);

      if (block->in_notes && block_as_note (self, block, TRUE))
        is_note[j] = TRUE;
    }
  if (self->notes->len > 0)
    return;

  /* A trailing run of "[n] …" paragraphs, when the text has "[n]" markers. */
  {
    guint start = n;

    while (start > 0 && !dossier_html_is_heading_block (dossier_html_block_at (self, start - 1)) &&
           g_str_has_prefix (dossier_html_block_at (self, start - 1)->text->str, "[") &&
           g_regex_match (self->bracket_marker, dossier_html_block_at (self, start - 1)->text->str, G_REGEX_MATCH_ANCHORED, NULL))
      start--;

    if (start < n && body_has_bracket_marker (self, start))
      for (guint j = start; j < n; j++)
        if (block_as_note (self, dossier_html_block_at (self, j), FALSE))
          is_note[j] = TRUE;
  }
}

int
dossier_html_compare_notes (gconstpointer a,
                            gconstpointer b)
{
  const Note *x = *(const Note * const *)a;
  const Note *y = *(const Note * const *)b;

  return x->number < y->number ? -1 : x->number > y->number;
}
