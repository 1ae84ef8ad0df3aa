/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <string.h>

#include "dossier-repeats.h"

/*
 * Comparing every block with every other (strstr) made importing a page
 * quadratic in its paragraphs: 1,000 paragraphs took 0.32 s, 3,000 took
 * 2.7 s, so the search used to stop past 3,000 blocks. Instead the
 * excerpts go into a trie of their words, and every text is walked once
 * from each of its words: a walk stops at the first word no excerpt
 * continues with, so it costs one lookup per word of an ordinary text
 * and at most an excerpt's length (the importers' excerpts have at most
 * 80 words) on a hostile one.
 *
 * Texts are compared as sequences of words (runs of bytes other than
 * ' '): an excerpt must start on a word boundary of the text it is found
 * in and end on one or before the punctuation ending a word, and the
 * spaces between words do not matter.
 */

typedef struct {
  const char *start;
  gsize length;
  guint hash;
} Word;

typedef struct _Node Node;
struct _Node {
  GHashTable *children;   /* Word* (the first excerpt's bytes) → Node* */
  gsize longest;          /* bytes of the longest text found to contain this path */
};

typedef struct {
  Node *node;             /* where the excerpt ends in the trie */
  gsize length;           /* its bytes */
} Excerpt;

struct _DossierRepeats {
  Node *root;
  GPtrArray *keys;        /* Word*, owned: the keys of every children table */
  GArray *excerpts;       /* Excerpt */
  GArray *words;          /* Word, scratch for dossier_repeats_scan() */
};

static guint
word_hash (gconstpointer key)
{
  return ((const Word *) key)->hash;
}

static gboolean
word_equal (gconstpointer a,
            gconstpointer b)
{
  const Word *x = a, *y = b;

  return x->length == y->length && memcmp (x->start, y->start, x->length) == 0;
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_clear_pointer (&node->children, g_hash_table_unref);
  g_free (node);
}

static Node *
node_new (void)
{
  return g_new0 (Node, 1);
}

/* Splits @text into words (hashed) in @words. */
static void
split_words (const char *text,
             GArray     *words)
{
  g_array_set_size (words, 0);
  for (const char *p = text; *p != '\0';)
    {
      Word word = { p, 0, 5381 };

      if (*p == ' ')
        {
          p++;
          continue;
        }
      while (*p != '\0' && *p != ' ')
        word.hash = word.hash * 33 + (guchar) *p++;
      word.length = p - word.start;
      g_array_append_val (words, word);
    }
}

/* @word without the punctuation it ends with, in @bare; FALSE when it
 * ends with none or is nothing else. */
static gboolean
without_punctuation (const Word *word,
                     Word       *bare)
{
  const char *end = word->start + word->length;

  while (end > word->start)
    {
      const char *prev = g_utf8_find_prev_char (word->start, end);

      if (prev == NULL || !g_unichar_ispunct (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (end == word->start + word->length || end == word->start)
    return FALSE;

  bare->start = word->start;
  bare->length = end - word->start;
  bare->hash = 5381;
  for (const char *p = bare->start; p < end; p++)
    bare->hash = bare->hash * 33 + (guchar) *p;
  return TRUE;
}

DossierRepeats *
dossier_repeats_new (void)
{
  DossierRepeats *self = g_new0 (DossierRepeats, 1);

  self->root = node_new ();
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->excerpts = g_array_new (FALSE, FALSE, sizeof (Excerpt));
  self->words = g_array_new (FALSE, FALSE, sizeof (Word));
  return self;
}

void
dossier_repeats_free (DossierRepeats *self)
{
  if (self == NULL)
    return;
  node_free (self->root);
  g_ptr_array_unref (self->keys);
  g_array_unref (self->excerpts);
  g_array_unref (self->words);
  g_free (self);
}

/**
 * dossier_repeats_add_excerpt:
 * @text: a text that may be repeated inside a longer one; it must stay
 *   alive and unchanged as long as @self
 *
 * Returns: the excerpt's number, for dossier_repeats_is_repeated()
 */
guint
dossier_repeats_add_excerpt (DossierRepeats *self,
                             const char     *text)
{
  Node *node = self->root;
  Excerpt excerpt;

  split_words (text, self->words);
  for (guint i = 0; i < self->words->len; i++)
    {
      Word *word = &g_array_index (self->words, Word, i);
      Node *child;

      if (node->children == NULL)
        node->children = g_hash_table_new_full (word_hash, word_equal, NULL, node_free);
      child = g_hash_table_lookup (node->children, word);
      if (child == NULL)
        {
          Word *key = g_memdup2 (word, sizeof *word);

          child = node_new ();
          g_ptr_array_add (self->keys, key);
          g_hash_table_insert (node->children, key, child);
        }
      node = child;
    }

  excerpt.node = node;
  excerpt.length = strlen (text);
  g_array_append_val (self->excerpts, excerpt);
  return self->excerpts->len - 1;
}

/**
 * dossier_repeats_scan:
 * @text: a text that may contain excerpts
 *
 * Notes every excerpt @text contains. Excerpts are all added first.
 */
void
dossier_repeats_scan (DossierRepeats *self,
                      const char     *text)
{
  gsize length = strlen (text);

  if (self->root->children == NULL)
    return;

  split_words (text, self->words);
  for (guint i = 0; i < self->words->len; i++)
    {
      Node *node = self->root;

      for (guint k = i; k < self->words->len && node->children != NULL; k++)
        {
          Word *word = &g_array_index (self->words, Word, k);
          Word bare;
          Node *end;

          /* An excerpt may end where a word of the text goes on with
           * punctuation: "credit tightens" in "… credit tightens." */
          if (without_punctuation (word, &bare) &&
              (end = g_hash_table_lookup (node->children, &bare)) != NULL)
            end->longest = MAX (end->longest, length);

          node = g_hash_table_lookup (node->children, word);
          if (node == NULL)
            break;
          node->longest = MAX (node->longest, length);
        }
    }
}

/**
 * dossier_repeats_is_repeated:
 * @excerpt: a number from dossier_repeats_add_excerpt()
 *
 * Returns: whether a text scanned so far, longer than the excerpt,
 *   contains it
 */
gboolean
dossier_repeats_is_repeated (DossierRepeats *self,
                             guint           excerpt)
{
  Excerpt *e;

  g_return_val_if_fail (excerpt < self->excerpts->len, FALSE);

  e = &g_array_index (self->excerpts, Excerpt, excerpt);
  return e->node != self->root && e->node->longest > e->length;
}
