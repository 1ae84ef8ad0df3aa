/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <libstemmer.h>
#include <string.h>

#include "dossier-text-analysis.h"

/* English function words, plus the verbs and adverbs every policy article
 * uses ("would", "also", "said") that say nothing about its topic. Topic
 * words of the genre ("Korea", "policy") are deliberately not here: the
 * IDF weight already makes a word that is in every paragraph worthless. */
static const char * const stop_words[] = {
  "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along",
  "already", "also", "although", "always", "am", "among", "an", "and", "another", "any",
  "anyone", "anything", "are", "around", "as", "at", "be", "became", "because", "become",
  "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot",
  "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either",
  "else", "enough", "even", "ever", "every", "few", "for", "from", "further", "get",
  "gets", "given", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
  "him", "himself", "his", "how", "however", "i", "if", "in", "including", "instead",
  "into", "is", "it", "its", "itself", "just", "least", "less", "like", "likely", "made",
  "make", "makes", "many", "may", "me", "meanwhile", "might", "more", "moreover", "most",
  "much", "must", "my", "myself", "neither", "never", "no", "nor", "not", "now", "of",
  "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our",
  "ours", "ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "really",
  "said", "same", "say", "says", "see", "seen", "several", "shall", "she", "should",
  "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
  "themselves", "then", "there", "therefore", "these", "they", "this", "those", "though",
  "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon",
  "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when", "whenever",
  "where", "whether", "which", "while", "who", "whoever", "whom", "whose", "why", "will",
  "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
  /* general words of little content, after the SMART list */
  "able", "according", "actually", "based", "came", "certain", "clear", "clearly", "come",
  "comes", "current", "currently", "day", "days", "despite", "different", "due", "early",
  "end", "especially", "example", "fact", "far", "following", "go", "going", "good", "got",
  "high", "important", "know", "known", "large", "last", "later", "long", "look", "lot",
  "mean", "means", "month", "months", "nearly", "need", "needed", "needs", "new", "next",
  "number", "old", "order", "part", "particularly", "past", "place", "point", "possible",
  "present", "put", "recent", "recently", "regarding", "result", "right", "seem", "seems",
  "set", "show", "side", "simply", "small", "sure", "take", "taken", "taking", "thing",
  "things", "think", "time", "times", "today", "took", "turn", "two", "three", "use", "used",
  "using", "various", "want", "way", "ways", "week", "weeks", "whole", "year", "years",
  "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred", "hundreds",
  "thousand", "thousands", "million", "millions", "billion", "billions", "percent",
  /* titles before a name ("Sen. Cotton"), never a topic */
  "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "jr", "sr", "st",
};

/* Words of attribution and reporting: who said what to whom. Two reports
 * of one story use them in every other paragraph ("a senior administration
 * official told reporters"), so they would link paragraphs on different
 * points; they still count for the topic strip and the versions mode. */
static const char * const attribution_words[] = {
  "official", "officials", "senior", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
  "statement", "statements", "told", "tell", "tells", "telling", "reporter", "reporters",
  "interview", "interviews", "asked", "ask", "asking", "added", "adding", "noted", "wrote",
  "tweet", "tweeted", "tweets", "remarks", "comment", "comments", "commented", "speaking",
  "spoke", "briefing", "press", "quoted", "insisted", "argued", "acknowledged",
};

/**
 * dossier_is_attribution_word:
 * @folded: a folded word
 *
 * Returns: whether @folded says who said something rather than what
 *   ("official", "told", "spokesman")
 */
gboolean
dossier_is_attribution_word (const char *folded)
{
  static GHashTable *table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (attribution_words); i++)
        g_hash_table_add (table, (gpointer) attribution_words[i]);
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_contains (table, folded);
}

gboolean
dossier_is_stop_word (const char *folded)
{
  static GHashTable *table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (table, (gpointer) stop_words[i]);
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_contains (table, folded);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/**
 * dossier_tokenize_words:
 * @text: UTF-8 text
 * @max_tokens: stop after this many words (a bound for hostile input)
 *
 * Splits @text into words: runs of letters and digits, with inner
 * apostrophes ("Korea’s") and dotted initialisms ("U.S.") kept whole;
 * hyphenated compounds give one word per part.
 *
 * Returns: (transfer full) (element-type DossierWordToken): the words
 */
GArray *
dossier_tokenize_words (const char *text,
                        guint       max_tokens)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (DossierWordToken));
  const char *p = text;
  guint char_index = 0;
  gboolean joined = FALSE;

  g_return_val_if_fail (text != NULL, tokens);

  while (*p != '\0' && tokens->len < max_tokens)
    {
      gunichar c = g_utf8_get_char (p);
      DossierWordToken token;
      guint n_letters = 0;
      gboolean initialism = FALSE;

      if (!is_word_char (c))
        {
          if (!g_unichar_isspace (c) && !is_hyphen (c))
            joined = FALSE;
          p = g_utf8_next_char (p);
          char_index++;
          continue;
        }

      token.start = p - text;
      token.char_start = char_index;
      token.joined = joined && tokens->len > 0;

      while (*p != '\0')
        {
          c = g_utf8_get_char (p);
          if (is_word_char (c))
            {
              n_letters++;
              p = g_utf8_next_char (p);
              char_index++;
              continue;
            }

          /* "Korea’s", "don't": an apostrophe between letters. */
          if (is_apostrophe (c))
            {
              const char *next = g_utf8_next_char (p);

              if (*next != '\0' && is_word_char (g_utf8_get_char (next)))
                {
                  p = next;
                  char_index++;
                  continue;
                }
            }

          /* "U.S.", "U.N.": single letters separated by dots. */
          if (c == '.' && (n_letters == 1 || initialism))
            {
              const char *next = p + 1;
              gunichar after = g_utf8_get_char (next);

              if (g_unichar_isalpha (after))
                {
                  const char *after_next = g_utf8_next_char (next);

                  if (*after_next == '.' || !is_word_char (g_utf8_get_char (after_next)))
                    {
                      initialism = TRUE;
                      n_letters = 0;
                      p = next;
                      char_index++;
                      continue;
                    }
                }
              else if (initialism)
                {
                  /* the closing dot of "U.S." */
                  p++;
                  char_index++;
                }
            }
          break;
        }

      token.end = p - text;
      token.char_end = char_index;
      g_array_append_val (tokens, token);
      joined = TRUE;
    }

  return tokens;
}

/**
 * dossier_fold_word:
 * @word: a word as written
 * @length: its length in bytes, or -1
 *
 * Folds a word for matching: compatibility-normalised, lower case, typographic
 * apostrophes made plain, and a possessive "’s" dropped.
 *
 * Returns: (transfer full): the folded word
 */
char *
dossier_fold_word (const char *word,
                   gssize      length)
{
  g_autofree char *normal = NULL;
  gboolean ascii = TRUE;
  gsize n;

  if (length < 0)
    length = strlen (word);

  /* most words of English prose are plain ASCII: no normalisation needed */
  for (gssize i = 0; i < length && ascii; i++)
    ascii = (guchar) word[i] < 0x80;
  if (ascii)
    {
      char *out = g_ascii_strdown (word, length);

      n = strlen (out);
      if (n > 2 && out[n - 2] == '\'' && out[n - 1] == 's')
        out[n - 2] = '\0';
      return out;
    }

  normal = g_utf8_normalize (word, length, G_NORMALIZE_NFKC);
  g_autofree char *lower = NULL;
  GString *out;
  gsize len;

  if (normal == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (normal, -1);
  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  len = out->len;
  if (len > 2 && out->str[len - 2] == '\'' && out->str[len - 1] == 's')
    g_string_truncate (out, len - 2);

  return g_string_free (out, FALSE);
}

/* Surface form for display: as written, without the possessive. */
static char *
surface_form (const char *word,
              gsize       length)
{
  GString *out = g_string_new_len (word, length);
  char *found;

  while ((found = strstr (out->str, "\xe2\x80\x99")) != NULL)
    {
      gssize pos = found - out->str;

      g_string_erase (out, pos, 3);
      g_string_insert_c (out, pos, '\'');
    }

  if (out->len > 2 && out->str[out->len - 2] == '\'' &&
      (out->str[out->len - 1] == 's' || out->str[out->len - 1] == 'S'))
    g_string_truncate (out, out->len - 2);

  return g_string_free (out, FALSE);
}

typedef struct {
  char *key;
  DossierTermKind kind;
  guint df;
  guint last_paragraph;      /* for counting df once per paragraph */
  guint total;               /* occurrences */
  guint capitalised;         /* occurrences written with a capital */
  guint attribution;         /* occurrences of an attribution word, or a phrase of them */
  guint in_name;             /* occurrences inside a run of capitalised words, or
                              * before a hyphen: not meaningful alone */
  GHashTable *forms;         /* surface form → count */
  char *display;
} Term;

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->key);
  g_clear_pointer (&term->forms, g_hash_table_unref);
  g_free (term->display);
  g_free (term);
}

struct _DossierTermIndex {
  struct sb_stemmer *stemmer;
  GHashTable *ids;          /* key → id + 1 */
  GPtrArray *terms;         /* Term */
  GPtrArray *paragraphs;    /* GArray of DossierTermCount, sorted by term */
  GHashTable *stems;        /* folded word → stem */
};

/**
 * dossier_term_index_new:
 *
 * Creates an empty index with an English Snowball stemmer.
 *
 * Returns: (transfer full): the index
 */
DossierTermIndex *
dossier_term_index_new (void)
{
  DossierTermIndex *index = g_new0 (DossierTermIndex, 1);

  index->stemmer = sb_stemmer_new ("english", NULL);
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  index->terms = g_ptr_array_new_with_free_func (term_free);
  index->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  index->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return index;
}

void
dossier_term_index_free (DossierTermIndex *index)
{
  if (index == NULL)
    return;

  if (index->stemmer != NULL)
    sb_stemmer_delete (index->stemmer);
  g_hash_table_unref (index->ids);
  g_ptr_array_unref (index->terms);
  g_ptr_array_unref (index->paragraphs);
  g_hash_table_unref (index->stems);
  g_free (index);
}

/* "we'll", "they're", "didn't": function words with an apostrophe */
static gboolean
is_contraction (const char *folded)
{
  const char *apostrophe = strrchr (folded, '\'');
  static const char * const endings[] = { "ll", "re", "ve", "d", "m", "t" };

  if (apostrophe == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_equal (apostrophe + 1, endings[i]))
      return TRUE;
  return FALSE;
}

/* Words worth indexing: two letters or more, not a number, not a stop word. */
static gboolean
is_content_word (const char *folded)
{
  gboolean has_letter = FALSE;

  if (g_utf8_strlen (folded, -1) < 2)
    return FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      {
        has_letter = TRUE;
        break;
      }

  return has_letter && !dossier_is_stop_word (folded) && !is_contraction (folded);
}

/* Demonyms and their countries are one topic: "South Korean sanctions"
 * and "sanctions on South Korea" should meet. Keyed by Snowball stem. */
static const char * const demonyms[][2] = {
  { "korean", "korea" }, { "chines", "china" }, { "japanes", "japan" },
  { "american", "america" }, { "russian", "russia" }, { "iranian", "iran" },
  { "ukrainian", "ukrain" }, { "taiwanes", "taiwan" }, { "indian", "india" },
  { "european", "europ" }, { "syrian", "syria" }, { "israeli", "israel" },
  { "vietnames", "vietnam" }, { "german", "germani" }, { "british", "britain" },
};

static char *stem_word_uncached (DossierTermIndex *index,
                                 const char       *folded);

/* Stemming the same word again and again is the bulk of indexing. */
static char *
stem_word (DossierTermIndex *index,
           const char       *folded)
{
  const char *cached = g_hash_table_lookup (index->stems, folded);
  char *stem;

  if (cached != NULL)
    return g_strdup (cached);

  stem = stem_word_uncached (index, folded);
  if (g_hash_table_size (index->stems) < 200000)
    g_hash_table_insert (index->stems, g_strdup (folded), g_strdup (stem));
  return stem;
}

static char *
stem_word_uncached (DossierTermIndex *index,
                    const char       *folded)
{
  const sb_symbol *stem;
  char *result;

  /* Initialisms ("u.s.") and words with digits are kept as they are. */
  if (index->stemmer == NULL || strchr (folded, '.') != NULL || strpbrk (folded, "0123456789") != NULL)
    return g_strdup (folded);

  stem = sb_stemmer_stem (index->stemmer, (const sb_symbol *) folded, strlen (folded));
  if (stem == NULL)
    return g_strdup (folded);

  result = g_strndup ((const char *) stem, sb_stemmer_length (index->stemmer));
  for (guint i = 0; i < G_N_ELEMENTS (demonyms); i++)
    if (g_str_equal (result, demonyms[i][0]))
      {
        g_free (result);
        return g_strdup (demonyms[i][1]);
      }
  return result;
}

static guint
intern_term (DossierTermIndex *index,
             const char       *key,
             DossierTermKind   kind)
{
  gpointer value;
  Term *term;

  if (g_hash_table_lookup_extended (index->ids, key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  term = g_new0 (Term, 1);
  term->key = g_strdup (key);
  term->kind = kind;
  term->last_paragraph = G_MAXUINT;
  term->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_ptr_array_add (index->terms, term);
  g_hash_table_insert (index->ids, term->key, GUINT_TO_POINTER (index->terms->len));

  return index->terms->len - 1;
}

static void
count_term (DossierTermIndex *index,
            GHashTable       *counts,
            guint             id,
            const char       *form,
            gboolean          in_name)
{
  Term *term = g_ptr_array_index (index->terms, id);

  term->total++;
  if (in_name)
    term->in_name++;
  if (g_unichar_isupper (g_utf8_get_char (form)))
    term->capitalised++;
  guint paragraph = index->paragraphs->len;
  gpointer old;

  old = g_hash_table_lookup (counts, GUINT_TO_POINTER (id + 1));
  g_hash_table_insert (counts, GUINT_TO_POINTER (id + 1), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));

  if (term->last_paragraph != paragraph)
    {
      term->last_paragraph = paragraph;
      term->df++;
    }

  /* A bounded sample of forms is enough to pick a display form. */
  {
    guint *n = g_hash_table_lookup (term->forms, form);

    if (n != NULL)
      (*n)++;
    else if (g_hash_table_size (term->forms) < 16)
      {
        n = g_new (guint, 1);
        *n = 1;
        g_hash_table_insert (term->forms, g_strdup (form), n);
      }
    g_clear_pointer (&term->display, g_free);
  }
}

static int
compare_term_counts (gconstpointer a,
                     gconstpointer b)
{
  const DossierTermCount *x = a, *y = b;

  return (x->term > y->term) - (x->term < y->term);
}

static gboolean
is_capitalised (const char             *text,
                const DossierWordToken *token)
{
  return g_unichar_isupper (g_utf8_get_char (text + token->start));
}

static gboolean
hyphen_before (const char             *text,
               const DossierWordToken *token)
{
  const DossierWordToken *prev = token - 1;

  return token->start > prev->end && (text[token->start - 1] == '-' ||
                                      (token->start >= prev->end + 3 &&
                                       strncmp (text + token->start - 3, "\xe2\x80\x90", 3) == 0));
}

/* Bound on words per paragraph: a pasted book in one block must not make
 * the comparison crawl. */
#define MAX_WORDS_PER_PARAGRAPH 20000

/**
 * dossier_term_index_add_paragraph:
 * @index: the index
 * @text: the paragraph's text
 *
 * Indexes a paragraph: its stemmed content words and its two-word phrases
 * (consecutive content words with no punctuation or stop word between them).
 *
 * Returns: the paragraph's number in the index
 */
guint
dossier_term_index_add_paragraph (DossierTermIndex *index,
                                  const char       *text)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autofree char *prev_stem = NULL;
  g_autofree char *prev_form = NULL;
  gboolean prev_attribution = FALSE;
  GArray *result;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (index != NULL, 0);

  tokens = dossier_tokenize_words (text != NULL ? text : "", MAX_WORDS_PER_PARAGRAPH);
  for (guint i = 0; i < tokens->len; i++)
    {
      const DossierWordToken *token = &g_array_index (tokens, DossierWordToken, i);
      g_autofree char *folded = dossier_fold_word (text + token->start, token->end - token->start);
      g_autofree char *form = NULL;
      g_autofree char *stem = NULL;
      gboolean possessive, attribution;

      if (!is_content_word (folded))
        {
          g_clear_pointer (&prev_stem, g_free);
          g_clear_pointer (&prev_form, g_free);
          continue;
        }

      form = surface_form (text + token->start, token->end - token->start);
      possessive = strlen (form) < token->end - token->start;
      stem = stem_word (index, folded);
      attribution = dossier_is_attribution_word (folded);
      if (attribution)
        ((Term *) g_ptr_array_index (index->terms, intern_term (index, stem, DOSSIER_TERM_WORD)))->attribution++;
      count_term (index, counts, intern_term (index, stem, DOSSIER_TERM_WORD), form,
                  (is_capitalised (text, token) &&
                   ((i > 0 && token->joined && is_capitalised (text, token - 1)) ||
                    (i + 1 < tokens->len && token[1].joined && is_capitalised (text, token + 1)))) ||
                  /* the given name of "Kim Jong-un", "Moon Jae-in" */
                  (i > 0 && token->joined && is_capitalised (text, token - 1) &&
                   hyphen_before (text, token)) ||
                  /* a prefix, "inter" of "inter-Korean": only the phrase
                   * means something */
                  (i + 1 < tokens->len && token[1].joined && hyphen_before (text, token + 1)));

      if (prev_stem != NULL && token->joined)
        {
          g_autofree char *phrase_key = g_strconcat (prev_stem, " ", stem, NULL);
          const DossierWordToken *prev = token - 1;
          g_autofree char *between = g_strndup (text + prev->end, token->start - prev->end);
          gboolean hyphen = strchr (between, '-') != NULL || strstr (between, "\xe2\x80\x90") != NULL;
          /* as written: "Inter-Korean", "Chinese banks" */
          g_autofree char *phrase_form = g_strconcat (prev_form, hyphen ? "-" : " ", form, NULL);

          /* a phrase inside a name ("World Food", "Jae-myung"), or cut
           * out of a longer unit: the tail of a name and a word after it
           * ("North Korean violations"), the tail of a compound ("U.S.-led
           * sanctions"), or a word whose compound goes on ("nuclear
           * arms-control" gives no "nuclear arms"): not a term to show */
          gboolean fragment =
            (i >= 2 && prev->joined && is_capitalised (text, prev) && is_capitalised (text, prev - 1) &&
             !is_capitalised (text, token)) ||
            (i >= 2 && prev->joined && hyphen_before (text, prev)) ||
            (i + 1 < tokens->len && token[1].joined && hyphen_before (text, token + 1)) ||
            /* a word and the head of a name: "stopped North [Korean]" */
            (i + 1 < tokens->len && token[1].joined && !is_capitalised (text, prev) &&
             is_capitalised (text, token) && is_capitalised (text, token + 1));

          /* "senior officials", "told reporters" */
          if (attribution || prev_attribution)
            ((Term *) g_ptr_array_index (index->terms, intern_term (index, phrase_key, DOSSIER_TERM_PHRASE)))->attribution++;
          count_term (index, counts, intern_term (index, phrase_key, DOSSIER_TERM_PHRASE), phrase_form,
                      (is_capitalised (text, prev) && (is_capitalised (text, token) || hyphen)) || fragment);
        }

      g_clear_pointer (&prev_stem, g_free);
      g_clear_pointer (&prev_form, g_free);
      /* "Korea’s nuclear" is not a phrase. */
      if (!possessive)
        {
          prev_stem = g_steal_pointer (&stem);
          prev_form = g_steal_pointer (&form);
          prev_attribution = attribution;
        }
    }

  result = g_array_sized_new (FALSE, FALSE, sizeof (DossierTermCount), g_hash_table_size (counts));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DossierTermCount count = { GPOINTER_TO_UINT (key) - 1, GPOINTER_TO_UINT (value) };
      g_array_append_val (result, count);
    }
  g_array_sort (result, compare_term_counts);
  g_ptr_array_add (index->paragraphs, result);

  return index->paragraphs->len - 1;
}

guint
dossier_term_index_get_n_paragraphs (DossierTermIndex *index)
{
  return index->paragraphs->len;
}

guint
dossier_term_index_get_n_terms (DossierTermIndex *index)
{
  return index->terms->len;
}

/**
 * dossier_term_index_get_counts:
 * @index: the index
 * @paragraph: a paragraph number
 * @n_counts: (out): the number of terms
 *
 * Returns: (transfer none) (array length=n_counts): the paragraph's terms,
 *   sorted by id
 */
const DossierTermCount *
dossier_term_index_get_counts (DossierTermIndex *index,
                               guint             paragraph,
                               guint            *n_counts)
{
  GArray *counts;

  g_return_val_if_fail (paragraph < index->paragraphs->len, NULL);

  counts = g_ptr_array_index (index->paragraphs, paragraph);
  *n_counts = counts->len;
  return (const DossierTermCount *) (gpointer) counts->data;
}

guint
dossier_term_index_get_df (DossierTermIndex *index,
                           guint             term)
{
  g_return_val_if_fail (term < index->terms->len, 0);
  return ((Term *) g_ptr_array_index (index->terms, term))->df;
}

DossierTermKind
dossier_term_index_get_kind (DossierTermIndex *index,
                             guint             term)
{
  g_return_val_if_fail (term < index->terms->len, DOSSIER_TERM_WORD);
  return ((Term *) g_ptr_array_index (index->terms, term))->kind;
}

const char *
dossier_term_index_get_key (DossierTermIndex *index,
                            guint             term)
{
  g_return_val_if_fail (term < index->terms->len, NULL);
  return ((Term *) g_ptr_array_index (index->terms, term))->key;
}

static gboolean
has_upper (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * dossier_term_index_get_display:
 * @index: the index
 * @term: a term id
 *
 * The term as the documents write it: the most frequent form, in lower case
 * when the documents ever write it so (a capital only at a sentence's start
 * does not count), otherwise as capitalised ("Chinese banks").
 *
 * Returns: (transfer none): the display form
 */
const char *
dossier_term_index_get_display (DossierTermIndex *index,
                                guint             term)
{
  Term *t;
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL, *best_lower = NULL;
  guint best_n = 0, best_lower_n = 0;

  g_return_val_if_fail (term < index->terms->len, NULL);

  t = g_ptr_array_index (index->terms, term);
  if (t->display != NULL)
    return t->display;

  g_hash_table_iter_init (&iter, t->forms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = *(guint *) value;

      if (n > best_n || (n == best_n && g_strcmp0 (key, best) < 0))
        best = key, best_n = n;
      if (!has_upper (key) &&
          (n > best_lower_n || (n == best_lower_n && g_strcmp0 (key, best_lower) < 0)))
        best_lower = key, best_lower_n = n;
    }

  if (best_lower != NULL)
    t->display = g_strdup (best_lower);
  else if (best != NULL && t->kind == DOSSIER_TERM_PHRASE)
    {
      /* "In Washington": keep capitals past the first word only when a
       * lower-case-initial form is missing; a phrase seen only at a
       * sentence's start still shows as written. */
      t->display = g_strdup (best);
    }
  else
    t->display = g_strdup (best != NULL ? best : t->key);

  return t->display;
}

/**
 * dossier_term_index_is_name_part:
 * @index: the index
 * @term: a word's id
 *
 * Returns: %TRUE when the word only ever occurs inside a run of capitalised
 *   words ("Programme" in "World Food Programme") or before a hyphen ("inter"
 *   in "inter-Korean"), so it means nothing on its own
 */
gboolean
dossier_term_index_is_name_part (DossierTermIndex *index,
                                 guint             term)
{
  Term *t;

  g_return_val_if_fail (term < index->terms->len, FALSE);
  t = g_ptr_array_index (index->terms, term);
  return t->total > 0 && t->in_name == t->total;
}

/**
 * dossier_term_index_is_proper:
 * @index: the index
 * @term: a term id
 *
 * Returns: %TRUE for a word always written with a capital: a name of a
 *   person, place or organisation ("Washington", "Iran")
 */
gboolean
dossier_term_index_is_proper (DossierTermIndex *index,
                              guint             term)
{
  Term *t;

  g_return_val_if_fail (term < index->terms->len, FALSE);
  t = g_ptr_array_index (index->terms, term);
  return t->kind == DOSSIER_TERM_WORD && t->total > 0 && t->capitalised == t->total;
}

/**
 * dossier_term_index_is_attribution:
 * @index: the index
 * @term: a term id
 *
 * Returns: %TRUE for a word of attribution ("officials", "told") written
 *   so at least half the time, or a phrase holding one ("senior officials")
 */
gboolean
dossier_term_index_is_attribution (DossierTermIndex *index,
                                   guint             term)
{
  Term *t;

  g_return_val_if_fail (term < index->terms->len, FALSE);
  t = g_ptr_array_index (index->terms, term);
  return t->total > 0 && 2 * t->attribution >= t->total;
}

gboolean
dossier_term_index_lookup (DossierTermIndex *index,
                           const char       *key,
                           guint            *term)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (index->ids, key, NULL, &value))
    return FALSE;

  *term = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/**
 * dossier_term_index_stem_phrase:
 * @index: the index
 * @words: one or two words as a user types them
 *
 * Returns: (transfer full): the term key the index uses for @words
 *   ("Chinese banks" → "chines bank")
 */
char *
dossier_term_index_stem_phrase (DossierTermIndex *index,
                                const char       *words)
{
  g_autoptr(GArray) tokens = dossier_tokenize_words (words, 16);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const DossierWordToken *token = &g_array_index (tokens, DossierWordToken, i);
      g_autofree char *folded = dossier_fold_word (words + token->start, token->end - token->start);
      g_autofree char *stem = NULL;

      if (!is_content_word (folded))
        continue;
      stem = stem_word (index, folded);
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, stem);
    }

  return g_string_free (key, FALSE);
}
