/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <string.h>

#include "dossier-names.h"
#include "dossier-text-analysis.h"

/*
 * A small, documented extractor of people and organisations
 * (docs/comparison.md): runs of capitalised words, cut at punctuation;
 * honorifics ("President", "Ambassador") mark a person and are dropped;
 * a run holding an organisation word ("Institute", "Agency", "Council",
 * "Ministry", "Foundation" …) is an organisation; a run of two to four
 * name-shaped words with no place or common capitalised word in it is a
 * person. Korean names match in either order.
 */

static const char * const honorifics[] = {
  "President", "Vice", "Prime", "Minister", "Secretary", "Senator", "Sen.", "Rep.",
  "Representative", "Congressman", "Congresswoman", "Speaker", "Ambassador", "Chairman",
  "Chairwoman", "Chair", "General", "Gen.", "Admiral", "Adm.", "Commander", "Deputy",
  "Dr.", "Mr.", "Mrs.", "Ms.", "Professor", "Prof.", "Director", "Envoy", "Special",
  "Leader", "Chancellor", "Governor", "Mayor", "Former", "Assistant", "Senior", "Chief",
  "Congressman", "Analyst", "Spokesman", "Spokeswoman", "Spokesperson",
  "Official", "Candidate", "Lieutenant", "Colonel", "Judge", "Justice", "Sir", "Lord",
  "Lt.", "Col.", "Gov.",
};

static const char * const org_words[] = {
  "Institute", "Institution", "Agency", "Council", "Ministry", "Foundation", "Center",
  "Centre", "Committee", "Commission", "Party", "Assembly", "Department", "University",
  "College", "Forum", "Network", "Academy", "Organization", "Organisation", "Association",
  "Corporation", "Bank", "Fund", "Command", "Congress", "Parliament", "Administration",
  "Office", "Bureau", "Service", "Group", "Program", "Programme", "Nations", "Court",
  "Senate", "House", "Times", "Post", "Journal", "News", "Society", "Initiative",
  "Alliance", "Coalition", "Company", "Board", "Club", "Panel", "Secretariat", "Programme",
  "Shinmun", "Ilbo", "Sinmun", "Institute", "Command", "UNICEF", "Cross", "Crescent",
  "Talks",
};

/* Capitalised words that are not names: places, calendar words and the
 * furniture of titles ("Peace … Act", "Six Party Talks"). */
static const char * const common_words[] = {
  "North", "South", "East", "West", "Northeast", "Southeast", "Korea", "Korean", "Koreans",
  "United", "States", "America", "American", "Americans", "China", "Chinese", "Japan",
  "Japanese", "Russia", "Russian", "Iran", "Iranian", "Indonesia", "Washington", "Pyongyang",
  "Beijing", "Seoul", "Tokyo", "Moscow", "Europe", "European", "Asia", "Asian", "Pacific",
  "Soviet", "Union", "Republic", "People", "Democratic", "Kingdom", "British", "French",
  "Britain", "France", "Germany", "India", "Taiwan", "Ukraine", "Hanoi", "Singapore",
  "Afghanistan", "Tehran", "Oceania", "Indo-Pacific", "Peninsula", "Yongbyon", "Panmunjom",
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
  "Saturday", "Sunday", "War", "Cold", "Peace", "Summit", "Act", "Deal", "Accords", "Talks",
  "Framework", "Declaration", "Agreement", "Agreed", "Climate", "Nuclear", "Covid", "COVID",
  "Article", "Articles", "First", "Second", "Third", "Eighth", "Political", "Foreign",
  "Affairs", "Relations", "Studies", "Experts", "Defense", "Defence", "State", "Security",
  "International", "National", "Strategic", "Combined", "Forces", "Central", "Six", "Interim",
  "Steps", "Policy", "Representatives", "Workers", "Workers'", "Program", "Plan", "Strategy",
  "Review", "Report", "Resolution", "Treaty", "Initiative", "Day", "Year", "Dear",
  "Western", "Eastern", "Northern", "Southern", "Global", "Great", "New", "River", "Sea",
  "Strait", "Island", "Islands", "Ocean", "Bay", "Lake", "Province", "City", "Valley",
  "Mount", "Mountain", "Mountains", "Sunshine", "Nordpolitik", "Vaccine", "Vaccines",
};

/* Capitals that are units, degrees or diseases, not organisations. */
static const char * const not_acronyms[] = {
  "COVID", "MW", "GW", "KW", "KM", "GDP", "AM", "PM", "BA", "MA", "PHD", "LLC", "OK", "TV",
  "II", "III", "IV", "VI", "USD", "EU", "HR", "US", "UK", "DPRK", "ROK", "PRC",
};

/* Korean surnames, romanised in the common ways, for matching names in
 * either order ("Kim Jong Un" / "Jong Un Kim"). */
static const char * const korean_surnames[] = {
  "kim", "gim", "lee", "yi", "rhee", "ri", "park", "pak", "bak", "choi", "choe", "jung",
  "jeong", "chung", "kang", "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "leem",
  "han", "oh", "seo", "suh", "shin", "sin", "kwon", "hwang", "ahn", "an", "song", "ryu",
  "yoo", "yu", "hong", "ko", "go", "moon", "mun", "yang", "son", "bae", "baek", "paik",
  "heo", "ho", "huh", "nam", "noh", "roh", "chun", "jeon", "ha", "kwak", "sung", "seong",
};

/* First syllables of Korean surnames in Hangul. */
static const char * const hangul_surnames[] = {
  "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
  "권", "황", "안", "송", "류", "유", "홍", "전", "고", "문", "양", "손", "배", "백",
  "허", "남", "노", "하", "곽", "성", "차", "주", "우", "구", "민", "나", "진", "지",
};

static GHashTable *
word_set (const char * const *words,
          guint               n_words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

typedef struct {
  GHashTable *honorifics;
  GHashTable *org_words;
  GHashTable *common_words;
  GHashTable *korean_surnames;
  GHashTable *hangul_surnames;
  GHashTable *not_acronyms;
} Lexicon;

static const Lexicon *
lexicon (void)
{
  static Lexicon lex;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      lex.honorifics = word_set (honorifics, G_N_ELEMENTS (honorifics));
      lex.org_words = word_set (org_words, G_N_ELEMENTS (org_words));
      lex.common_words = word_set (common_words, G_N_ELEMENTS (common_words));
      lex.korean_surnames = word_set (korean_surnames, G_N_ELEMENTS (korean_surnames));
      lex.hangul_surnames = word_set (hangul_surnames, G_N_ELEMENTS (hangul_surnames));
      lex.not_acronyms = word_set (not_acronyms, G_N_ELEMENTS (not_acronyms));
      g_once_init_leave (&initialized, 1);
    }

  return &lex;
}

const char *
dossier_name_kind_to_string (DossierNameKind kind)
{
  return kind == DOSSIER_NAME_PERSON ? "person" : "organization";
}

void
dossier_named_entity_free (gpointer data)
{
  DossierNamedEntity *entity = data;

  if (entity == NULL)
    return;
  g_free (entity->name);
  g_free (entity->key);
  g_free (entity->alias);
  g_clear_pointer (&entity->paragraphs, g_array_unref);
  g_free (entity);
}

static gboolean
is_hangul_syllable (gunichar c)
{
  return c >= 0xAC00 && c <= 0xD7A3;
}

static gboolean
is_hangul_word (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_hangul_syllable (g_utf8_get_char (p)))
      return FALSE;
  return *word != '\0';
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * dossier_name_key:
 * @name: a name as written
 *
 * Returns: (transfer full): the key names are matched by: lower case, dots
 *   dropped; when a word is a Korean surname, hyphens split the given name
 *   and the words are sorted, so the order does not matter
 */
char *
dossier_name_key (const char *name)
{
  const Lexicon *lex = lexicon ();
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_auto(GStrv) words = g_strsplit (lower, " ", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean korean = FALSE;
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      GString *w = g_string_new (NULL);

      for (const char *p = words[i]; *p != '\0'; p++)
        if (*p != '.')
          g_string_append_c (w, *p);
      if (w->len == 0)
        {
          g_string_free (w, TRUE);
          continue;
        }
      if (g_hash_table_contains (lex->korean_surnames, w->str))
        korean = TRUE;
      g_ptr_array_add (parts, g_string_free (w, FALSE));
    }

  if (korean && parts->len >= 2 && parts->len <= 4)
    {
      g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < parts->len; i++)
        {
          g_auto(GStrv) pieces = g_strsplit (g_ptr_array_index (parts, i), "-", -1);

          for (guint j = 0; pieces[j] != NULL; j++)
            if (*pieces[j] != '\0')
              g_ptr_array_add (split, g_strdup (pieces[j]));
        }
      g_ptr_array_sort (split, compare_strings);
      g_ptr_array_unref (parts);
      parts = g_steal_pointer (&split);
    }

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_ptr_array_index (parts, i));
    }

  return g_string_free (key, FALSE);
}

typedef struct {
  char *text;              /* as written, possessive dropped */
  gboolean cap;            /* starts with a capital, or a Hangul word */
  gboolean joined;         /* only spaces since the previous word */
  gboolean sentence_start; /* first word of a sentence */
  gboolean possessive;     /* "Korea’s": a run ends after it */
  gboolean initialism;     /* "U.S.", "H.R.": never part of a person's name */
} NameToken;

static void
name_token_clear (gpointer data)
{
  g_free (((NameToken *) data)->text);
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_abbreviation (const char *word)
{
  static const char * const abbreviations[] = {
    "Dr", "Mr", "Mrs", "Ms", "Gen", "Sen", "Rep", "Prof", "Adm", "Lt", "Col", "Gov", "St",
  };

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (g_str_equal (word, abbreviations[i]))
      return TRUE;
  return FALSE;
}

/* Words for name finding: letters with inner hyphens and apostrophes
 * ("Rapp-Hooper", "Jae-in", "O'Brien") and initials with their dot ("J."). */
static GArray *
name_tokens (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (NameToken));
  const char *p = text;
  gboolean joined = FALSE, sentence_start = TRUE;

  g_array_set_clear_func (tokens, name_token_clear);

  while (*p != '\0' && tokens->len < 20000)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      GString *word;
      NameToken token = { NULL, FALSE, FALSE, FALSE, FALSE, FALSE };
      guint n_chars = 0;

      if (!is_name_char (c))
        {
          if (c == '.' || c == '?' || c == '!' || c == ':')
            sentence_start = TRUE;
          if (!g_unichar_isspace (c))
            joined = FALSE;
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0')
        {
          c = g_utf8_get_char (p);
          if (is_name_char (c))
            {
              n_chars++;
              p = g_utf8_next_char (p);
              continue;
            }
          if (c == '-' || c == '\'' || c == 0x2019 || c == 0x2010)
            {
              const char *next = g_utf8_next_char (p);

              if (*next != '\0' && is_name_char (g_utf8_get_char (next)))
                {
                  p = next;
                  continue;
                }
            }
          break;
        }

      word = g_string_new_len (start, p - start);
      /* a plural possessive inside a name: "Workers’ Party of Korea" */
      if (p > start && p[-1] == 's' && (g_str_has_prefix (p, "\xe2\x80\x99 ") || g_str_has_prefix (p, "' ")))
        {
          const char *after = p + (*p == '\'' ? 2 : 4);
          gunichar next = g_utf8_get_char (after);

          if (g_unichar_isupper (next))
            {
              g_string_append_len (word, p, after - 1 - p);
              p = after - 1;
            }
        }
      /* possessive "’s" / "'s" */
      if (word->len > 4 && g_str_has_suffix (word->str, "\xe2\x80\x99s"))
        g_string_truncate (word, word->len - 4), token.possessive = TRUE;
      else if (word->len > 2 && g_str_has_suffix (word->str, "'s"))
        g_string_truncate (word, word->len - 2), token.possessive = TRUE;
      /* an initial keeps its dot: "J."; "U.S." and "H.R." are one word */
      if (n_chars == 1 && *p == '.' && g_unichar_isupper (g_utf8_get_char (start)))
        {
          g_string_append_c (word, '.');
          p++;
          while (g_ascii_isalpha (p[0]) && p[1] == '.')
            {
              g_string_append_len (word, p, 2);
              p += 2;
              token.initialism = TRUE;
            }
        }

      /* "Dr." and "Gen.": the dot ends an abbreviation, not a sentence */
      if (*p == '.' && is_abbreviation (word->str))
        {
          g_string_append_c (word, '.');
          p++;
        }

      c = g_utf8_get_char (word->str);
      token.text = g_string_free (word, FALSE);
      token.cap = g_unichar_isupper (c) || g_unichar_istitle (c) || is_hangul_word (token.text);
      token.joined = joined;
      token.sentence_start = sentence_start;
      g_array_append_val (tokens, token);

      sentence_start = FALSE;
      joined = !token.possessive;
      /* "U.S." ends with a dot that is not a full stop */
      if (*p == '.' && n_chars == 1)
        sentence_start = FALSE;
    }

  return tokens;
}

static gboolean
is_connector (const char *word)
{
  return g_str_equal (word, "of") || g_str_equal (word, "for") || g_str_equal (word, "on") ||
         g_str_equal (word, "and") || g_str_equal (word, "the");
}

static gboolean
is_acronym (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p++, n++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return n >= 2 && n <= 6;
}

typedef struct {
  GHashTable *by_key;      /* key → DossierNamedEntity */
  GPtrArray *entities;
  guint paragraph;
} Collector;

static void
add_entity (Collector       *collector,
            const char      *name,
            DossierNameKind  kind)
{
  g_autofree char *key = dossier_name_key (name);
  DossierNamedEntity *entity;

  if (*key == '\0')
    return;

  entity = g_hash_table_lookup (collector->by_key, key);
  if (entity == NULL)
    {
      entity = g_new0 (DossierNamedEntity, 1);
      entity->name = g_strdup (name);
      entity->key = g_strdup (key);
      entity->kind = kind;
      entity->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (collector->by_key, entity->key, entity);
      g_ptr_array_add (collector->entities, entity);
    }
  else if (strlen (name) > strlen (entity->name))
    {
      /* keep the fullest form for display */
      g_free (entity->name);
      entity->name = g_strdup (name);
    }

  entity->mentions++;
  if (entity->paragraphs->len == 0 ||
      g_array_index (entity->paragraphs, guint, entity->paragraphs->len - 1) != collector->paragraph)
    g_array_append_val (entity->paragraphs, collector->paragraph);
}

static char *
join_tokens (NameToken *tokens,
             guint      from,
             guint      to)
{
  GString *s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, tokens[i].text);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_stop (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return dossier_is_stop_word (lower);
}

/* A stop word that still opens a name: a number written with a capital
 * inside a sentence ("the Six Party Talks", "Group of Seven"). */
static gboolean
is_stop_token (const NameToken *token)
{
  static const char * const numbers[] = {
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
  };

  if (!token->sentence_start)
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      if (g_str_equal (token->text, numbers[i]))
        return FALSE;
  return is_stop (token->text);
}

/* "Party", and the last part of "Six-Party" */
static gboolean
is_org_word (const char *word)
{
  const char *hyphen = strrchr (word, '-');

  return g_hash_table_contains (lexicon ()->org_words, word) ||
         (hyphen != NULL && g_hash_table_contains (lexicon ()->org_words, hyphen + 1));
}

static gboolean
is_common (const NameToken *token)
{
  return token->initialism || g_hash_table_contains (lexicon ()->common_words, token->text);
}

static gboolean
is_honorific (const char *word)
{
  return g_hash_table_contains (lexicon ()->honorifics, word);
}

static char *
undotted (const char *word)
{
  GString *out = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p++)
    if (*p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A run without organisation words: its parts between connectors may be
 * people. */
static void
classify_person_part (Collector *collector,
                      NameToken *tokens,
                      guint      from,
                      guint      to,
                      gboolean   honorific)
{
  const Lexicon *lex = lexicon ();
  guint n;

  /* "U.N." alone is the organisation "UN" ("U.S." is a country) */
  if (to - from == 1 && tokens[from].initialism)
    {
      g_autofree char *bare = undotted (tokens[from].text);

      if (is_acronym (bare) && !g_hash_table_contains (lex->not_acronyms, bare))
        add_entity (collector, bare, DOSSIER_NAME_ORGANIZATION);
      return;
    }

  /* "Indonesia Sung Kim": places before a name are not part of it */
  while (from < to && is_common (&tokens[from]))
    from++, honorific = FALSE;
  n = to - from;
  if (n == 0)
    return;

  for (guint i = from; i < to; i++)
    if (is_common (&tokens[i]) || is_honorific (tokens[i].text) ||
        (is_acronym (tokens[i].text) && n > 1))
      return;

  if (n == 1)
    {
      const char *word = tokens[from].text;

      if (is_hangul_word (word))
        {
          g_autofree char *first = g_utf8_substring (word, 0, 1);
          glong len = g_utf8_strlen (word, -1);

          if (len >= 2 && len <= 4 && g_hash_table_contains (lex->hangul_surnames, first))
            add_entity (collector, word, DOSSIER_NAME_PERSON);
        }
      else if (is_acronym (word) && !g_hash_table_contains (lex->not_acronyms, word))
        add_entity (collector, word, DOSSIER_NAME_ORGANIZATION);

      else if (honorific)
        add_entity (collector, word, DOSSIER_NAME_PERSON);
      return;
    }

  if (n <= 4)
    {
      g_autofree char *name = join_tokens (tokens, from, to);
      add_entity (collector, name, DOSSIER_NAME_PERSON);
    }
}

static void classify_run (Collector *collector,
                          NameToken *tokens,
                          guint      from,
                          guint      to);

/* A run with an organisation word: the organisation is the capitalised
 * words before the first organisation word (back to a connector or an
 * honorific) and what follows it through connectors ("Center for Strategic
 * and International Studies", "House of Representatives"); the rest of the
 * run is classified on its own ("Sue Mi Terry of the …", "… Vincent
 * Brooks"). */
static void
classify_organization (Collector *collector,
                       NameToken *tokens,
                       guint      from,
                       guint      to,
                       guint      first_org)
{
  guint start = first_org, end = first_org + 1;
  g_autofree char *name = NULL;

  while (start > from && tokens[start - 1].cap && !is_connector (tokens[start - 1].text) &&
         !is_honorific (tokens[start - 1].text) && !is_stop_token (&tokens[start - 1]))
    start--;

  while (end < to)
    {
      if (is_org_word (tokens[end].text) || is_common (&tokens[end]))
        end++;
      else if (is_connector (tokens[end].text) &&
               !(g_str_equal (tokens[end].text, "and") && is_org_word (tokens[end - 1].text)))
        {
          /* "Center for Strategic and International Studies", but not
           * "World Food Programme and UNICEF" */
          guint k = end, run_end, last_known = G_MAXUINT;

          while (k < to && is_connector (tokens[k].text))
            k++;
          if (k >= to || !tokens[k].cap || is_honorific (tokens[k].text))
            break;

          /* the capitalised words after the connector belong to the
           * organisation ("Ministry of Unification"), except two or more
           * name-like words after the last place or organisation word:
           * "House of Representatives Nancy Pelosi" */
          run_end = k;
          while (run_end < to && tokens[run_end].cap && !is_connector (tokens[run_end].text))
            {
              if (is_common (&tokens[run_end]) || is_org_word (tokens[run_end].text))
                last_known = run_end;
              run_end++;
            }
          /* "… and the Ministry of Unification" starts another one */
          {
            gboolean has_and = FALSE, has_org = FALSE;

            for (guint c = end; c < k; c++)
              has_and |= g_str_equal (tokens[c].text, "and");
            for (guint c = k; c < run_end; c++)
              has_org |= is_org_word (tokens[c].text);
            if (has_and && has_org)
              break;
          }
          if (last_known != G_MAXUINT && run_end - last_known - 1 >= 2)
            run_end = last_known + 1;
          else if (last_known == G_MAXUINT && run_end - k >= 2)
            break;
          end = run_end;
        }
      else
        break;
    }

  if (end - start == 2 && g_str_equal (tokens[start + 1].text, "Administration") &&
      !is_common (&tokens[start]))
    {
      /* "the Biden Administration" names a person too */
      add_entity (collector, tokens[start].text, DOSSIER_NAME_PERSON);
    }
  else if (end - start >= 2 || g_str_equal (tokens[start].text, "Congress") ||
           g_str_equal (tokens[start].text, "Senate") || g_str_equal (tokens[start].text, "Parliament"))
    {
      name = join_tokens (tokens, start, end);
      add_entity (collector, name, DOSSIER_NAME_ORGANIZATION);
    }

  if (start > from)
    classify_run (collector, tokens, from, start);
  if (end < to)
    classify_run (collector, tokens, end, to);
}

static void
classify_run (Collector *collector,
              NameToken *tokens,
              guint      from,
              guint      to)
{
  gboolean honorific;

  /* "The", "In", "Under" open sentences, not names */
  while (from < to && (is_stop_token (&tokens[from]) || is_connector (tokens[from].text)))
    from++;
  while (from < to && is_connector (tokens[to - 1].text))
    to--;
  if (from >= to)
    return;

  for (guint i = from; i < to; i++)
    if (is_org_word (tokens[i].text))
      {
        classify_organization (collector, tokens, from, to, i);
        return;
      }

  /* split at connectors; each part may be a person */
  for (guint i = from; i < to;)
    {
      guint j = i;

      honorific = FALSE;
      while (j < to && !is_connector (tokens[j].text))
        j++;

      while (i < j && is_honorific (tokens[i].text))
        i++, honorific = TRUE;
      /* "U.S. Ambassador Sung Kim", "Special Representative Kim" */
      if (i < j)
        {
          guint k = i;

          while (k < j && !is_honorific (tokens[k].text))
            k++;
          if (k < j)
            {
              classify_person_part (collector, tokens, i, k, honorific);
              i = k;
              while (i < j && is_honorific (tokens[i].text))
                i++;
              honorific = TRUE;
            }
          /* a capitalised word opening a sentence is usually not a name */
          if (i < j && tokens[i].sentence_start && !honorific && j - i == 1)
            {
              i = j + 1;
              continue;
            }
          classify_person_part (collector, tokens, i, j, honorific);
        }
      i = j + 1;
    }
}

static void
extract_paragraph (Collector  *collector,
                   const char *text)
{
  g_autoptr(GArray) array = name_tokens (text);
  NameToken *tokens = (NameToken *) (gpointer) array->data;
  guint n = array->len;

  for (guint i = 0; i < n;)
    {
      guint j;

      if (!tokens[i].cap)
        {
          i++;
          continue;
        }

      /* a run: capitalised words, and connectors between them, joined by
       * spaces only; a possessive ends it */
      j = i + 1;
      while (j < n && tokens[j].joined && !tokens[j - 1].possessive)
        {
          if (tokens[j].cap)
            j++;
          else if (is_connector (tokens[j].text) && j + 1 < n && tokens[j + 1].joined &&
                   (tokens[j + 1].cap || (is_connector (tokens[j + 1].text) && j + 2 < n && tokens[j + 2].cap)))
            j++;
          else
            break;
        }
      classify_run (collector, tokens, i, j);
      i = j;
    }
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const DossierNamedEntity *x = *(DossierNamedEntity * const *) a;
  const DossierNamedEntity *y = *(DossierNamedEntity * const *) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The word a person is called by alone: a Korean surname (first or last
 * word), else the last word. */
static const char *
surname_of (const DossierNamedEntity *entity,
            char                    **owned)
{
  const Lexicon *lex = lexicon ();
  g_auto(GStrv) words = g_strsplit (entity->name, " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *first = NULL;

  if (n < 2)
    return NULL;
  first = g_utf8_strdown (words[0], -1);
  if (g_hash_table_contains (lex->korean_surnames, first))
    *owned = g_strdup (words[0]);
  else
    *owned = g_strdup (words[n - 1]);
  return *owned;
}

/* "International Atomic Energy Agency": "iaea"; connectors are skipped,
 * each part of a hyphenated word counts */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " -", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || is_connector (words[i]))
        continue;
      if (!g_unichar_isupper (g_utf8_get_char (words[i])))
        {
          g_string_truncate (out, 0);
          break;
        }
      g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (words[i])));
    }
  return g_string_free (out, FALSE);
}

static void
merge_paragraphs (DossierNamedEntity *into,
                  DossierNamedEntity *from)
{
  for (guint k = 0; k < from->paragraphs->len; k++)
    {
      guint par = g_array_index (from->paragraphs, guint, k);
      gboolean seen = FALSE;

      for (guint m = 0; m < into->paragraphs->len && !seen; m++)
        seen = g_array_index (into->paragraphs, guint, m) == par;
      if (!seen)
        g_array_append_val (into->paragraphs, par);
    }
  g_array_sort (into->paragraphs, compare_uints);
}

/* An organisation and its acronym are one: "International Atomic Energy
 * Agency" and "IAEA", "United Nations" and "UN" ("U.N."). The acronym is
 * kept as an alias, so a document that only writes "IAEA" still matches. */
static void
merge_acronyms (GPtrArray *entities)
{
  for (guint i = entities->len; i > 0; i--)
    {
      DossierNamedEntity *acronym = g_ptr_array_index (entities, i - 1);
      DossierNamedEntity *full = NULL;

      if (acronym->kind != DOSSIER_NAME_ORGANIZATION || strchr (acronym->name, ' ') != NULL ||
          strlen (acronym->key) < 2)
        continue;
      for (guint j = 0; j < entities->len && full == NULL; j++)
        {
          DossierNamedEntity *e = g_ptr_array_index (entities, j);
          g_autofree char *e_initials = NULL;

          if (e == acronym || e->kind != DOSSIER_NAME_ORGANIZATION || strchr (e->name, ' ') == NULL)
            continue;
          e_initials = initials (e->name);
          if (g_str_equal (e_initials, acronym->key))
            full = e;
        }
      if (full == NULL)
        continue;

      full->mentions += acronym->mentions;
      merge_paragraphs (full, acronym);
      g_free (full->alias);
      full->alias = g_strdup (acronym->key);
      {
        g_autofree char *name = g_strdup_printf ("%s (%s)", full->name, acronym->name);
        g_free (full->name);
        full->name = g_steal_pointer (&name);
      }
      g_ptr_array_remove_index (entities, i - 1);
    }
}

/**
 * dossier_extract_names:
 * @document: a document
 *
 * Finds the people and organisations named in the body of @document.
 * A person named once in full and then by surname alone ("Yoon Suk Yeol" …
 * "Yoon") is one entity; the surname-only mentions count.
 *
 * Returns: (transfer full) (element-type DossierNamedEntity): people first,
 *   then organisations, each by mentions
 */
GPtrArray *
dossier_extract_names (DossierTextSnapshot *document)
{
  Collector collector;
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collector.by_key = g_hash_table_new (g_str_hash, g_str_equal);
  collector.entities = g_ptr_array_new_with_free_func (dossier_named_entity_free);

  for (guint p = 0; p < dossier_text_snapshot_get_n_paragraphs (document); p++)
    {
      collector.paragraph = p;
      extract_paragraph (&collector, dossier_text_snapshot_get_paragraph (document, p));
    }

  /* fold single-word people ("Moon", "Biden") into the full name of the
   * same document when there is exactly one such name */
  for (guint i = 0; i < collector.entities->len; i++)
    {
      DossierNamedEntity *entity = g_ptr_array_index (collector.entities, i);
      g_autofree char *owned = NULL;
      const char *surname;

      if (entity->kind != DOSSIER_NAME_PERSON || (surname = surname_of (entity, &owned)) == NULL)
        continue;
      if (g_hash_table_contains (surnames, surname))
        g_hash_table_replace (surnames, g_strdup (surname), NULL);
      else
        g_hash_table_insert (surnames, g_strdup (surname), entity);
    }

  for (guint i = collector.entities->len; i > 0; i--)
    {
      DossierNamedEntity *single = g_ptr_array_index (collector.entities, i - 1);
      DossierNamedEntity *full;

      if (single->kind != DOSSIER_NAME_PERSON || strchr (single->name, ' ') != NULL)
        continue;
      full = g_hash_table_lookup (surnames, single->name);
      if (full == NULL)
        continue;

      full->mentions += single->mentions;
      for (guint k = 0; k < single->paragraphs->len; k++)
        {
          guint par = g_array_index (single->paragraphs, guint, k);
          gboolean seen = FALSE;

          for (guint m = 0; m < full->paragraphs->len && !seen; m++)
            seen = g_array_index (full->paragraphs, guint, m) == par;
          if (!seen)
            g_array_append_val (full->paragraphs, par);
        }
      g_hash_table_remove (collector.by_key, single->key);
      g_ptr_array_remove_index (collector.entities, i - 1);
    }

  /* count the mentions by surname alone ("Yoon has delivered …") */
  g_hash_table_remove_all (surnames);
  for (guint i = 0; i < collector.entities->len; i++)
    {
      DossierNamedEntity *entity = g_ptr_array_index (collector.entities, i);
      g_autofree char *owned = NULL;
      const char *surname;

      if (entity->kind != DOSSIER_NAME_PERSON)
        continue;
      surname = strchr (entity->name, ' ') == NULL ? entity->name : surname_of (entity, &owned);
      if (surname == NULL)
        continue;
      if (g_hash_table_contains (surnames, surname))
        g_hash_table_replace (surnames, g_strdup (surname), NULL);
      else
        g_hash_table_insert (surnames, g_strdup (surname), entity);
    }

  if (g_hash_table_size (surnames) > 0)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);

      for (guint p = 0; p < dossier_text_snapshot_get_n_paragraphs (document); p++)
        {
          g_autoptr(GArray) tokens = name_tokens (dossier_text_snapshot_get_paragraph (document, p));

          for (guint t = 0; t < tokens->len; t++)
            {
              DossierNamedEntity *entity = g_hash_table_lookup (surnames, g_array_index (tokens, NameToken, t).text);
              gboolean seen = FALSE;

              /* "Sung Kim" is not a mention of Kim Jong Un */
              if (entity == NULL ||
                  (t > 0 && g_array_index (tokens, NameToken, t).joined &&
                   g_array_index (tokens, NameToken, t - 1).cap &&
                   !is_honorific (g_array_index (tokens, NameToken, t - 1).text)))
                continue;
              g_hash_table_insert (counts, entity,
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, entity)) + 1));
              for (guint m = 0; m < entity->paragraphs->len && !seen; m++)
                seen = g_array_index (entity->paragraphs, guint, m) == p;
              if (!seen)
                g_array_append_val (entity->paragraphs, p);
            }
        }

      for (guint i = 0; i < collector.entities->len; i++)
        {
          DossierNamedEntity *entity = g_ptr_array_index (collector.entities, i);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, entity));

          entity->mentions = MAX (entity->mentions, n);
          g_array_sort (entity->paragraphs, compare_uints);
        }
    }

  merge_acronyms (collector.entities);
  g_hash_table_unref (collector.by_key);
  g_ptr_array_sort (collector.entities, compare_entities);

  return collector.entities;
}

/**
 * dossier_named_entities_match:
 * @a: an entity of one document
 * @b: an entity of another
 *
 * Whether two documents name the same person or organisation: the same key,
 * or, for people, one named by surname alone and the other in full.
 *
 * Returns: %TRUE when they match
 */
gboolean
dossier_named_entities_match (const DossierNamedEntity *a,
                              const DossierNamedEntity *b)
{
  g_autofree char *owned = NULL;
  const char *surname;
  const DossierNamedEntity *single, *full;

  if (a->kind != b->kind)
    return FALSE;
  if (g_str_equal (a->key, b->key))
    return TRUE;
  /* "IAEA" on one side, "International Atomic Energy Agency (IAEA)" on
   * the other */
  if ((a->alias != NULL && (g_str_equal (a->alias, b->key) || g_strcmp0 (a->alias, b->alias) == 0)) ||
      (b->alias != NULL && g_str_equal (b->alias, a->key)))
    return TRUE;
  {
    g_autofree char *ia = initials (a->name);
    g_autofree char *ib = initials (b->name);

    if ((strchr (a->name, ' ') == NULL && g_str_equal (a->key, ib)) ||
        (strchr (b->name, ' ') == NULL && g_str_equal (b->key, ia)))
      return TRUE;
  }
  if (a->kind != DOSSIER_NAME_PERSON)
    return FALSE;

  single = strchr (a->name, ' ') == NULL ? a : b;
  full = single == a ? b : a;
  if (strchr (single->name, ' ') != NULL)
    return FALSE;
  surname = surname_of (full, &owned);

  return surname != NULL && g_utf8_collate (surname, single->name) == 0;
}
