/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-spell-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-spell-checker-private.h"

/*
 * Spell checking for a GtkTextView, with Enchant 2.
 *
 * libspelling, the GTK 4 spell checker GNOME apps now use, is not in
 * Debian 12, and gspell is GTK 3 only. Enchant is what both are built on;
 * it is packaged in Debian 12 (libenchant-2-2, with hunspell dictionaries)
 * and is part of the GNOME Flatpak runtime (WebKitGTK needs it), so this
 * small checker does the part of libspelling the memo editor needs.
 *
 * Misspelled words get the buffer's "misspelled" tag (a red wavy
 * underline). Changed text is marked with the hidden "spell-unchecked"
 * tag and checked shortly after, in idle chunks of a few milliseconds,
 * so a long memo never stalls typing. The word being typed is left
 * alone until the cursor leaves it. The memo's own markup is not spelled:
 * citation markers ([^id]), URLs and e-mail addresses, words with digits,
 * ALL-CAPS words (markings, "BLUF", acronyms), and Han and kana text.
 * Hangul is checked with the Korean dictionary, loaded when first needed.
 *
 * The view's context menu gets suggestions, "Add to Dictionary" (the
 * Enchant personal word list), "Ignore All" (for this session) and a
 * "Check Spelling" toggle, kept in GSettings ("memo-spell-check"):
 * dossier-spell-checker-menu.c shows it, suggestions first.
 */

#define SETTINGS_KEY "memo-spell-check"
#define MISSPELLED_TAG "misspelled"
#define UNCHECKED_TAG "spell-unchecked"
#define MAX_SUGGESTIONS 5
#define MAX_WORD_CHARS 64
#define TOKEN_REACH 256          /* how far an edit's token is looked for */
#define CHUNK_CHARS 2000         /* text checked at a time */
#define STEP_BUDGET_USEC 4000    /* per idle run */
#define DEBOUNCE_MSEC 80

G_DEFINE_FINAL_TYPE (DossierSpellChecker, dossier_spell_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_LANGUAGE,
  PROP_DICTIONARY,
  PROP_ENABLED,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- One broker per process ------------------------------------------------ */

/* Loading a dictionary takes a while and its session word list (Ignore
 * All) should hold for every section of the memo: one broker, and one
 * dictionary per language, shared by every checker for the life of the
 * process. */
static EnchantBroker *broker;
static GHashTable *dictionaries;   /* tag → EnchantDict, or NULL when missing */
static GList *checkers;            /* live checkers, to recheck after Add/Ignore */

static EnchantBroker *
get_broker (void)
{
  if (broker == NULL)
    {
      broker = enchant_broker_init ();
      dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return broker;
}

/* Words of the trade that the hunspell English dictionaries lack (checked
 * against Debian 12's en_US): a memo on North Korea should not open with
 * "denuclearization" underlined. Accepted for the session, never written
 * to the analyst's personal word list. */
static const char * const policy_words[] = {
  "denuclearization", "denuclearize", "counterterrorism", "counterinsurgency",
  "counterproliferation", "cyber", "cyberattack", "cyberattacks", "cybersecurity",
  "escalatory", "interagency", "minilateral", "minilateralism", "onshoring", "reshoring",
  "nearshoring", "friendshoring", "derisking", "Indo", "Kyiv", "Jinping", "Jong", "Yoon",
  "Suk", "Yeol", "Zelensky", "Zelenskyy", "Netanyahu", "Modi", "Erdogan", "Kishida",
  "Houthi", "Houthis", "Uyghur", "Uyghurs", "Rohingya", "Tigray", "Zaporizhzhia",
};

static EnchantDict *
lookup_dictionary (const char *tag)
{
  EnchantDict *dict = NULL;
  gpointer cached;

  if (get_broker () == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (dictionaries, tag, NULL, &cached))
    return cached;

  if (enchant_broker_dict_exists (broker, tag) == 1)
    dict = enchant_broker_request_dict (broker, tag);
  if (dict != NULL && g_str_has_prefix (tag, "en"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (policy_words); i++)
        enchant_dict_add_to_session (dict, policy_words[i], -1);
    }
  g_hash_table_insert (dictionaries, g_strdup (tag), dict);
  return dict;
}

/* "en_US.UTF-8@euro" → "en_US"; NULL for C and POSIX, and for names that
 * are no language tag. */
static char *
normalise_tag (const char *name)
{
  g_autofree char *tag = g_strndup (name, strcspn (name, ".@"));

  if (*tag == '\0' || strlen (tag) > 32 || g_str_equal (tag, "C") || g_str_equal (tag, "POSIX"))
    return NULL;
  for (char *p = tag; *p; p++)
    {
      if (*p == '-')
        *p = '_';
      else if (!g_ascii_isalnum (*p) && *p != '_')
        return NULL;
    }
  return g_steal_pointer (&tag);
}

/* The first dictionary whose tag starts with @prefix ("en", "ko"). */
typedef struct {
  const char *prefix;
  char *found;
} FindDictionary;

static void
find_dictionary_cb (const char * const lang_tag,
                    const char * const provider_name,
                    const char * const provider_desc,
                    const char * const provider_file,
                    void              *user_data)
{
  FindDictionary *find = user_data;

  if (find->found == NULL && g_str_has_prefix (lang_tag, find->prefix))
    find->found = g_strdup (lang_tag);
}

/* ---- The Korean dictionary ------------------------------------------------ */

/* Hangul is checked with a Korean dictionary whatever the memo's language:
 * a Latin dictionary cannot judge it, and an analyst writing in Korean
 * still quotes English names and terms, which the main dictionary checks.
 * hunspell-ko takes about a second and 55 MB to load (an 11 MB affix
 * file), so it is loaded only once Hangul is met, on a worker thread
 * with an Enchant broker of its own; the broker and the dictionary pass
 * to the main thread when loaded and are only used there after that. */
typedef enum {
  KOREAN_NOT_LOADED,
  KOREAN_LOADING,
  KOREAN_LOADED,
  KOREAN_MISSING,
} KoreanState;

static KoreanState korean_state;
static EnchantBroker *korean_broker;
static EnchantDict *korean_dict;

typedef struct {
  EnchantBroker *broker;
  EnchantDict *dict;
} KoreanLoad;

static void
load_korean_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  KoreanLoad *load = g_new0 (KoreanLoad, 1);
  g_autofree char *tag = NULL;

  load->broker = enchant_broker_init ();
  if (enchant_broker_dict_exists (load->broker, "ko_KR") == 1)
    tag = g_strdup ("ko_KR");
  else
    {
      FindDictionary find = { "ko", NULL };

      enchant_broker_list_dicts (load->broker, find_dictionary_cb, &find);
      tag = find.found;
    }
  if (tag != NULL)
    load->dict = enchant_broker_request_dict (load->broker, tag);
  g_task_return_pointer (task, load, NULL);
}

static void invalidate_all (DossierSpellChecker *self);

static void
korean_loaded_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KoreanLoad *load = g_task_propagate_pointer (G_TASK (result), NULL);

  korean_broker = load->broker;
  korean_dict = load->dict;
  korean_state = korean_dict != NULL ? KOREAN_LOADED : KOREAN_MISSING;
  g_free (load);
  if (korean_dict == NULL)
    return;
  for (GList *l = checkers; l != NULL; l = l->next)
    invalidate_all (l->data);
}

/* The Korean dictionary if it is loaded; starts loading it otherwise. */
static EnchantDict *
get_korean_dictionary (void)
{
  if (korean_state == KOREAN_NOT_LOADED)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, korean_loaded_cb, NULL);

      korean_state = KOREAN_LOADING;
      g_task_set_source_tag (task, get_korean_dictionary);
      g_task_run_in_thread (task, load_korean_thread);
    }
  return korean_dict;
}

/* ---- Words ----------------------------------------------------------------- */

/* Han, kana and bopomofo are left alone: no dictionary we ship or the
 * runtime carries judges them, and Chinese or Japanese names in a memo
 * are not misspellings. Hangul goes to the Korean dictionary. */
static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum {
  WORD_UNCHECKED,
  WORD_LATIN,    /* and any other script the main dictionary is for */
  WORD_HANGUL,
} WordKind;

/* Which dictionary judges a word, if any: not a number or a code ("G7",
 * "2024"), not an acronym or marking ("BLUF", "CUI", "NATO"), not Han or
 * kana; a word of Hangul letters is Korean, a word mixing Hangul with
 * other letters ("K팝") is left alone, as neither dictionary has it. */
static WordKind
classify_word (const char *word,
               guint       n_chars)
{
  guint letters = 0, upper = 0, hangul = 0;

  if (n_chars < 2 || n_chars > MAX_WORD_CHARS)
    return WORD_UNCHECKED;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || is_cjk (c) || c == '_')
        return WORD_UNCHECKED;
      if (g_unichar_isalpha (c))
        {
          letters++;
          if (g_unichar_isupper (c))
            upper++;
          if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HANGUL)
            hangul++;
        }
    }
  if (letters == 0 || upper == letters)
    return WORD_UNCHECKED;
  if (hangul == 0)
    return WORD_LATIN;
  return hangul == letters ? WORD_HANGUL : WORD_UNCHECKED;
}

/* The dictionary that judges @word, or NULL when none does. */
static EnchantDict *
dictionary_for_word (DossierSpellChecker *self,
                     const char          *word,
                     guint                n_chars)
{
  switch (classify_word (word, n_chars))
    {
    case WORD_LATIN:
      return self->dict;
    case WORD_HANGUL:
      /* Only beside a main dictionary: a memo in a language with no
       * dictionary is not checked at all, rather than only in part. */
      return self->dict != NULL ? get_korean_dictionary () : NULL;
    case WORD_UNCHECKED:
    default:
      return NULL;
    }
}

/* Text that is not prose: a URL, a web or e-mail address. */
static gboolean
is_address (const char *token,
            gsize       length)
{
  return g_strstr_len (token, length, "://") != NULL ||
         g_strstr_len (token, length, "@") != NULL ||
         (length > 4 && g_ascii_strncasecmp (token, "www.", 4) == 0);
}

/* Marks in @skip the characters of @text that are not prose: whole
 * whitespace-separated tokens that are addresses, and citation markers. */
static void
find_skipped (const char *text,
              const int  *offsets,
              guint       n_chars,
              gboolean   *skip)
{
  guint i = 0;

  while (i < n_chars)
    {
      guint start, end;

      while (i < n_chars && g_unichar_isspace (g_utf8_get_char (text + offsets[i])))
        i++;
      start = i;
      while (i < n_chars && !g_unichar_isspace (g_utf8_get_char (text + offsets[i])))
        i++;
      end = i;
      if (end == start)
        continue;

      if (is_address (text + offsets[start], offsets[end] - offsets[start]))
        {
          for (guint k = start; k < end; k++)
            skip[k] = TRUE;
          continue;
        }

      /* "[^id]": the marker's id is no word, even where the view does not
       * hide it (or has not yet). */
      for (guint k = start; k + 1 < end; k++)
        {
          if (text[offsets[k]] == '[' && text[offsets[k + 1]] == '^')
            {
              guint close = k + 2;

              while (close < end && text[offsets[close]] != ']')
                close++;
              for (guint m = k; m < close && m < end; m++)
                skip[m] = TRUE;
              k = close;
            }
        }
    }
}

/* ---- Checking ---------------------------------------------------------------- */

static void
update_active (DossierSpellChecker *self)
{
  gboolean active = self->enabled && self->dict != NULL;

  if (active == self->active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
clear_all (DossierSpellChecker *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->buffer == NULL)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelled_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->unchecked_tag, &start, &end);
  self->has_deferred = FALSE;
}

static gboolean check_cb (gpointer data);

static void
schedule_check (DossierSpellChecker *self)
{
  if (self->check_source != 0 || !self->active)
    return;
  /* A short pause first, so that a burst of keys is checked once. */
  self->check_in_idle = FALSE;
  self->check_source = g_timeout_add_full (G_PRIORITY_LOW, DEBOUNCE_MSEC, check_cb, self, NULL);
}

/* Marks [@start, @end) to be checked, widened to whole tokens: an edit
 * can join or split words, and a URL or marker is judged as a whole. */
static void
invalidate (DossierSpellChecker *self,
            const GtkTextIter   *start,
            const GtkTextIter   *end)
{
  GtkTextIter from = *start, to = *end;

  if (!self->active)
    return;

  for (guint i = 0; i < TOKEN_REACH && !gtk_text_iter_is_start (&from); i++)
    {
      GtkTextIter previous = from;

      gtk_text_iter_backward_char (&previous);
      if (g_unichar_isspace (gtk_text_iter_get_char (&previous)))
        break;
      from = previous;
    }
  for (guint i = 0; i < TOKEN_REACH && !gtk_text_iter_is_end (&to); i++)
    {
      if (g_unichar_isspace (gtk_text_iter_get_char (&to)))
        break;
      gtk_text_iter_forward_char (&to);
    }

  gtk_text_buffer_apply_tag (self->buffer, self->unchecked_tag, &from, &to);
  schedule_check (self);
}

static void
invalidate_all (DossierSpellChecker *self)
{
  GtkTextIter start, end;

  if (self->buffer == NULL)
    return;
  clear_all (self);
  if (!self->active)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->unchecked_tag, &start, &end);
  schedule_check (self);
}

static void
check_word (DossierSpellChecker *self,
            const char          *text,
            gsize                length,
            guint                n_chars,
            int                  start,
            int                  end,
            GtkTextTag          *citation,
            int                  cursor)
{
  g_autofree char *word = g_strndup (text, length);
  EnchantDict *dict = dictionary_for_word (self, word, n_chars);
  GtkTextIter word_start, word_end;

  if (dict == NULL)
    return;
  if (self->known_words != NULL && g_hash_table_contains (self->known_words, word))
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &word_start, start);
  if (citation != NULL && gtk_text_iter_has_tag (&word_start, citation))
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &word_end, end);

  /* The word being typed is judged once the cursor leaves it. */
  if (cursor > start && cursor <= end)
    {
      gtk_text_buffer_move_mark (self->buffer, self->deferred_start, &word_start);
      gtk_text_buffer_move_mark (self->buffer, self->deferred_end, &word_end);
      self->has_deferred = TRUE;
      return;
    }

  if (enchant_dict_check (dict, word, -1) > 0)
    gtk_text_buffer_apply_tag (self->buffer, self->misspelled_tag, &word_start, &word_end);
}

static void
check_range (DossierSpellChecker *self,
             const GtkTextIter   *start,
             const GtkTextIter   *end)
{
  GtkTextBuffer *buffer = self->buffer;
  GtkTextTag *citation = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "citation");
  g_autofree char *text = gtk_text_iter_get_slice (start, end);
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree int *offsets = NULL;
  g_autofree gboolean *skip = NULL;
  int base = gtk_text_iter_get_offset (start);
  int cursor = -1;
  guint n_chars, i;
  const char *p;

  gtk_text_buffer_remove_tag (buffer, self->unchecked_tag, start, end);
  gtk_text_buffer_remove_tag (buffer, self->misspelled_tag, start, end);

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars == 0)
    return;
  offsets = g_new (int, n_chars + 1);
  for (i = 0, p = text; i < n_chars; i++, p = g_utf8_next_char (p))
    offsets[i] = p - text;
  offsets[n_chars] = p - text;
  skip = g_new0 (gboolean, n_chars + 1);
  find_skipped (text, offsets, n_chars, skip);
  attrs = g_new (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, -1, -1, pango_language_get_default (), attrs, n_chars + 1);

  if (self->typing)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      cursor = gtk_text_iter_get_offset (&iter);
    }

  i = 0;
  while (i < n_chars)
    {
      guint j;

      if (!attrs[i].is_word_start)
        {
          i++;
          continue;
        }
      for (j = i + 1; j <= n_chars && !attrs[j].is_word_end; j++)
        ;
      if (j > n_chars)
        break;
      if (!skip[i])
        check_word (self, text + offsets[i], offsets[j] - offsets[i], j - i, base + i, base + j, citation, cursor);
      i = j;
    }
}

/* Checks the next stretch of unchecked text; FALSE when none is left. */
static gboolean
check_next (DossierSpellChecker *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  if (!gtk_text_iter_has_tag (&start, self->unchecked_tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&start, self->unchecked_tag))
    return FALSE;
  if (gtk_text_iter_is_end (&start))
    return FALSE;

  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, self->unchecked_tag);
  if (gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) > CHUNK_CHARS)
    {
      /* End the chunk between words (a token without spaces is cut). */
      end = start;
      gtk_text_iter_forward_chars (&end, CHUNK_CHARS);
      for (guint i = 0; i < TOKEN_REACH && !gtk_text_iter_is_end (&end); i++)
        {
          if (g_unichar_isspace (gtk_text_iter_get_char (&end)))
            break;
          gtk_text_iter_forward_char (&end);
        }
    }

  check_range (self, &start, &end);
  return TRUE;
}

static gboolean
check_cb (gpointer data)
{
  DossierSpellChecker *self = data;
  gint64 deadline = g_get_monotonic_time () + STEP_BUDGET_USEC;
  gboolean more;

  if (self->buffer == NULL || !self->active)
    {
      self->check_source = 0;
      return G_SOURCE_REMOVE;
    }

  do
    more = check_next (self);
  while (more && g_get_monotonic_time () < deadline);

  if (!more)
    {
      self->check_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->check_in_idle)
    return G_SOURCE_CONTINUE;

  /* A long text: go on between frames, without the pause. */
  self->check_in_idle = TRUE;
  self->check_source = g_idle_add_full (G_PRIORITY_LOW, check_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* ---- Buffer ------------------------------------------------------------------- */

/* A single character typed or deleted at the cursor is typing: the word
 * there is not underlined half-written. */
static void
note_typing (DossierSpellChecker *self,
             const GtkTextIter   *location,
             int                  n_chars)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  self->typing = n_chars == 1 && gtk_text_iter_equal (&cursor, location);
}

static void
insert_text_before_cb (GtkTextBuffer       *buffer,
                       GtkTextIter         *location,
                       const char          *text,
                       int                  length,
                       DossierSpellChecker *self)
{
  note_typing (self, location, g_utf8_strlen (text, length));
}

static void
insert_text_after_cb (GtkTextBuffer       *buffer,
                      GtkTextIter         *location,
                      const char          *text,
                      int                  length,
                      DossierSpellChecker *self)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  invalidate (self, &start, location);
}

static void
delete_range_before_cb (GtkTextBuffer       *buffer,
                        GtkTextIter         *start,
                        GtkTextIter         *end,
                        DossierSpellChecker *self)
{
  int n_chars = gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start);

  note_typing (self, start, n_chars);
  if (!self->typing)
    note_typing (self, end, n_chars);
}

static void
delete_range_after_cb (GtkTextBuffer       *buffer,
                       GtkTextIter         *start,
                       GtkTextIter         *end,
                       DossierSpellChecker *self)
{
  invalidate (self, start, end);
}

static void
mark_set_cb (GtkTextBuffer       *buffer,
             GtkTextIter         *location,
             GtkTextMark         *mark,
             DossierSpellChecker *self)
{
  GtkTextIter start, end;

  if (mark != gtk_text_buffer_get_insert (buffer))
    return;

  /* The cursor moved away: the word it was typing is done. */
  self->typing = FALSE;
  if (!self->has_deferred)
    return;
  self->has_deferred = FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->deferred_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->deferred_end);
  invalidate (self, &start, &end);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name, NULL);
  return tag;
}

static void
disconnect_buffer (DossierSpellChecker *self)
{
  GtkTextMark **marks[] = { &self->deferred_start, &self->deferred_end, &self->menu_start, &self->menu_end };

  if (self->buffer == NULL)
    return;

  clear_all (self);
  g_signal_handlers_disconnect_by_data (self->buffer, self);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      if (*marks[i] != NULL && !gtk_text_mark_get_deleted (*marks[i]))
        gtk_text_buffer_delete_mark (self->buffer, *marks[i]);
      g_clear_object (marks[i]);
    }
  self->misspelled_tag = NULL;
  self->unchecked_tag = NULL;
  g_clear_object (&self->buffer);
}

static void
connect_buffer (DossierSpellChecker *self)
{
  GtkTextBuffer *buffer = self->view != NULL ? gtk_text_view_get_buffer (self->view) : NULL;
  GtkTextMark **marks[] = { &self->deferred_start, &self->deferred_end, &self->menu_start, &self->menu_end };
  GtkTextIter start;

  if (buffer == self->buffer)
    return;
  disconnect_buffer (self);
  if (buffer == NULL)
    return;

  self->buffer = g_object_ref (buffer);
  self->misspelled_tag = ensure_tag (buffer, MISSPELLED_TAG);
  g_object_set (self->misspelled_tag,
                "underline", PANGO_UNDERLINE_ERROR,
                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                NULL);
  self->unchecked_tag = ensure_tag (buffer, UNCHECKED_TAG);

  gtk_text_buffer_get_start_iter (buffer, &start);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    *marks[i] = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, i % 2 == 0));

  g_signal_connect (buffer, "insert-text", G_CALLBACK (insert_text_before_cb), self);
  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect (buffer, "delete-range", G_CALLBACK (delete_range_before_cb), self);
  g_signal_connect_after (buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self);
  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);

  invalidate_all (self);
}

/* ---- Dictionary ------------------------------------------------------------------ */

/* Korean, Japanese and Chinese: languages whose own script the main
 * dictionary does not judge (Hangul has a dictionary of its own). */
static gboolean
is_east_asian_tag (const char *tag)
{
  return g_str_has_prefix (tag, "ko") || g_str_has_prefix (tag, "ja") || g_str_has_prefix (tag, "zh");
}

/* The main dictionary, for every script but Hangul: the memo's language if
 * one is set (and then no other: English rules would mark every word of a
 * German memo); else the first of the locale's languages that has a
 * dictionary, else English. A Korean, Japanese or Chinese memo or locale
 * takes English, as the Latin words of such a memo are English; its Hangul
 * goes to the Korean dictionary. */
static void
choose_dictionary (DossierSpellChecker *self)
{
  EnchantDict *dict = NULL;
  g_autofree char *found = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *language = self->language != NULL ? normalise_tag (self->language) : NULL;

  if (self->language != NULL && (language == NULL || !is_east_asian_tag (language)))
    {
      g_autofree char *tag = g_steal_pointer (&language);

      if (tag != NULL)
        dict = lookup_dictionary (tag);
      if (dict != NULL)
        found = g_steal_pointer (&tag);
      else
        missing = g_strdup (self->language);
    }
  else
    {
      const char * const *names = g_get_language_names ();

      for (guint i = 0; names[i] != NULL && dict == NULL; i++)
        {
          g_autofree char *tag = normalise_tag (names[i]);

          if (tag == NULL || is_east_asian_tag (tag))
            continue;
          if ((dict = lookup_dictionary (tag)) != NULL)
            found = g_steal_pointer (&tag);
        }
      if (dict == NULL && (dict = lookup_dictionary ("en_US")) != NULL)
        found = g_strdup ("en_US");
      if (dict == NULL && get_broker () != NULL)
        {
          FindDictionary find = { "en", NULL };

          enchant_broker_list_dicts (broker, find_dictionary_cb, &find);
          found = find.found;
          if (found != NULL && (dict = lookup_dictionary (found)) == NULL)
            g_clear_pointer (&found, g_free);
        }
      if (dict == NULL)
        missing = g_strdup ("en_US");
    }

  self->dict = dict;
  if (g_strcmp0 (self->dictionary, found) != 0)
    {
      g_free (self->dictionary);
      self->dictionary = g_steal_pointer (&found);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DICTIONARY]);
    }
  g_free (self->missing);
  self->missing = g_steal_pointer (&missing);
  update_active (self);
  invalidate_all (self);
}

/* The dictionary that judges @word (valid UTF-8), if any. */
EnchantDict *
_dossier_spell_checker_dictionary_for_word (DossierSpellChecker *self,
                                            const char          *word)
{
  return dictionary_for_word (self, word, g_utf8_strlen (word, -1));
}

/* Add to Dictionary and Ignore All change what every checker using
 * @dict should mark. */
void
_dossier_spell_checker_recheck_users (EnchantDict *dict)
{
  for (GList *l = checkers; l != NULL; l = l->next)
    {
      DossierSpellChecker *checker = l->data;

      if (checker->dict == dict || (dict != NULL && dict == korean_dict))
        invalidate_all (checker);
    }
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
view_buffer_changed_cb (DossierSpellChecker *self)
{
  connect_buffer (self);
}

static void
dossier_spell_checker_constructed (GObject *object)
{
  DossierSpellChecker *self = DOSSIER_SPELL_CHECKER (object);

  G_OBJECT_CLASS (dossier_spell_checker_parent_class)->constructed (object);
  g_return_if_fail (self->view != NULL);

  checkers = g_list_prepend (checkers, self);

  _dossier_spell_checker_menu_init (self);

  g_signal_connect_object (self->view, "notify::buffer", G_CALLBACK (view_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->enabled = TRUE;
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema =
      source ? g_settings_schema_source_lookup (source, "io.github.dossier.Dossier", TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, SETTINGS_KEY))
      {
        self->settings = g_settings_new ("io.github.dossier.Dossier");
        g_settings_bind (self->settings, SETTINGS_KEY, self, "enabled", G_SETTINGS_BIND_DEFAULT);
      }
  }

  connect_buffer (self);
  choose_dictionary (self);
}

static void
dossier_spell_checker_dispose (GObject *object)
{
  DossierSpellChecker *self = DOSSIER_SPELL_CHECKER (object);

  checkers = g_list_remove (checkers, self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->settings != NULL)
    g_settings_unbind (self, "enabled");
  g_clear_object (&self->settings);

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      _dossier_spell_checker_menu_dispose (self);
    }
  /* Only the buffer's signals and marks: it may outlive the view. */
  disconnect_buffer (self);
  g_clear_weak_pointer (&self->view);

  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->word_section);
  g_clear_object (&self->fix_section);

  G_OBJECT_CLASS (dossier_spell_checker_parent_class)->dispose (object);
}

static void
dossier_spell_checker_finalize (GObject *object)
{
  DossierSpellChecker *self = DOSSIER_SPELL_CHECKER (object);

  g_clear_pointer (&self->known_words, g_hash_table_unref);
  g_free (self->menu_word);
  g_free (self->language);
  g_free (self->dictionary);
  g_free (self->missing);

  G_OBJECT_CLASS (dossier_spell_checker_parent_class)->finalize (object);
}

static void
dossier_spell_checker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierSpellChecker *self = DOSSIER_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_DICTIONARY:
      g_value_set_string (value, self->dictionary);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_spell_checker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierSpellChecker *self = DOSSIER_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_set_weak_pointer (&self->view, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      dossier_spell_checker_set_language (self, g_value_get_string (value));
      break;
    case PROP_ENABLED:
      dossier_spell_checker_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_spell_checker_class_init (DossierSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dossier_spell_checker_constructed;
  object_class->dispose = dossier_spell_checker_dispose;
  object_class->finalize = dossier_spell_checker_finalize;
  object_class->get_property = dossier_spell_checker_get_property;
  object_class->set_property = dossier_spell_checker_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_TYPE_TEXT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DICTIONARY] =
    g_param_spec_string ("dictionary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_spell_checker_init (DossierSpellChecker *self)
{
}

/* ---- Public API ------------------------------------------------------------------- */

/**
 * dossier_spell_checker_attach:
 * @view: a #GtkTextView
 *
 * Checks the spelling of @view's text from now on, for as long as the
 * view lives, and adds the spelling items to its context menu. Attaching
 * twice returns the same checker.
 *
 * Returns: (transfer none): the checker, owned by @view
 */
DossierSpellChecker *
dossier_spell_checker_attach (GtkTextView *view)
{
  DossierSpellChecker *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = dossier_spell_checker_get_for_view (view);
  if (self != NULL)
    return self;

  self = g_object_new (DOSSIER_TYPE_SPELL_CHECKER, "view", view, NULL);
  g_object_set_data_full (G_OBJECT (view), "dossier-spell-checker", self, g_object_unref);
  return self;
}

/**
 * dossier_spell_checker_get_for_view:
 * @view: a #GtkTextView
 *
 * Returns: (transfer none) (nullable): the checker attached to @view
 */
DossierSpellChecker *
dossier_spell_checker_get_for_view (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), "dossier-spell-checker");
}

GtkTextView *
dossier_spell_checker_get_view (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);

  return self->view;
}

const char *
dossier_spell_checker_get_language (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

/**
 * dossier_spell_checker_set_language:
 * @self: a #DossierSpellChecker
 * @language: (nullable): a language tag such as "en_GB", or %NULL to
 *   follow the locale (falling back to US English)
 *
 * Sets the language to check. A language with no dictionary installed
 * turns the checker off; its menu then says so.
 */
void
dossier_spell_checker_set_language (DossierSpellChecker *self,
                                    const char          *language)
{
  g_return_if_fail (DOSSIER_IS_SPELL_CHECKER (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  if (self->view != NULL)
    choose_dictionary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * dossier_spell_checker_set_known_words:
 * @self: a #DossierSpellChecker
 * @phrases: (nullable) (array zero-terminated=1): names and terms, such as
 *   the authors and publishers a memo cites ("Kim Seo-yeon")
 *
 * Accepts every word of @phrases in this checker's text only (not in
 * other memos, and not written to the personal word list), replacing
 * the words given before.
 */
void
dossier_spell_checker_set_known_words (DossierSpellChecker *self,
                                       const char * const  *phrases)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean changed;

  g_return_if_fail (DOSSIER_IS_SPELL_CHECKER (self));

  for (guint i = 0; phrases != NULL && phrases[i] != NULL && i < 10000; i++)
    {
      const char *p = phrases[i];

      if (!g_utf8_validate (p, -1, NULL))
        continue;
      while (*p)
        {
          const char *start;

          while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          start = p;
          while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '\''))
            p = g_utf8_next_char (p);
          if (p > start && p - start <= MAX_WORD_CHARS * 4)
            g_hash_table_add (words, g_strndup (start, p - start));
        }
    }

  if (self->known_words == NULL)
    changed = g_hash_table_size (words) > 0;
  else if (g_hash_table_size (words) != g_hash_table_size (self->known_words))
    changed = TRUE;
  else
    {
      GHashTableIter iter;
      gpointer word;

      changed = FALSE;
      g_hash_table_iter_init (&iter, words);
      while (!changed && g_hash_table_iter_next (&iter, &word, NULL))
        changed = !g_hash_table_contains (self->known_words, word);
    }
  if (!changed)
    return;

  g_clear_pointer (&self->known_words, g_hash_table_unref);
  if (g_hash_table_size (words) > 0)
    self->known_words = g_steal_pointer (&words);
  invalidate_all (self);
}

/**
 * dossier_spell_checker_get_dictionary:
 * @self: a #DossierSpellChecker
 *
 * Returns: (nullable): the language tag of the dictionary in use, or
 *   %NULL when none is installed for the language
 */
const char *
dossier_spell_checker_get_dictionary (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);

  return self->dictionary;
}

gboolean
dossier_spell_checker_get_enabled (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), FALSE);

  return self->enabled;
}

/**
 * dossier_spell_checker_set_enabled:
 * @self: a #DossierSpellChecker
 * @enabled: whether to check spelling
 *
 * Turns checking on or off (the "Check Spelling" menu item). Bound to
 * the "memo-spell-check" setting.
 */
void
dossier_spell_checker_set_enabled (DossierSpellChecker *self,
                                   gboolean             enabled)
{
  GAction *action;

  g_return_if_fail (DOSSIER_IS_SPELL_CHECKER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  if (self->actions != NULL && (action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "enabled")))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (enabled));
  update_active (self);
  invalidate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * dossier_spell_checker_get_active:
 * @self: a #DossierSpellChecker
 *
 * Returns: whether words are being checked: enabled, with a dictionary
 */
gboolean
dossier_spell_checker_get_active (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), FALSE);

  return self->active;
}

/**
 * dossier_spell_checker_get_busy:
 * @self: a #DossierSpellChecker
 *
 * Returns: whether text is waiting to be checked
 */
gboolean
dossier_spell_checker_get_busy (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), FALSE);

  return self->check_source != 0 || korean_state == KOREAN_LOADING;
}

/**
 * dossier_spell_checker_get_menu:
 * @self: a #DossierSpellChecker
 *
 * Returns: (transfer none): the view's context menu as the checker shows
 *   it: the spelling items for the word last asked about (see
 *   dossier_spell_checker_update_menu()) first, then the view's own
 */
GMenuModel *
dossier_spell_checker_get_menu (DossierSpellChecker *self)
{
  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);

  return G_MENU_MODEL (self->menu);
}

/**
 * dossier_spell_checker_check_word:
 * @self: a #DossierSpellChecker
 * @word: a word
 *
 * Returns: whether @word is spelled correctly (or cannot be judged)
 */
gboolean
dossier_spell_checker_check_word (DossierSpellChecker *self,
                                  const char          *word)
{
  EnchantDict *dict;

  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  if (!g_utf8_validate (word, -1, NULL))
    return TRUE;
  dict = dictionary_for_word (self, word, g_utf8_strlen (word, -1));
  return dict == NULL || enchant_dict_check (dict, word, -1) <= 0;
}

/**
 * dossier_spell_checker_dup_suggestions:
 * @self: a #DossierSpellChecker
 * @word: a misspelled word
 *
 * Returns: (transfer full) (nullable): up to five corrections, best first
 */
char **
dossier_spell_checker_dup_suggestions (DossierSpellChecker *self,
                                       const char          *word)
{
  EnchantDict *dict;
  GPtrArray *result;
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (DOSSIER_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (!g_utf8_validate (word, -1, NULL) ||
      (dict = _dossier_spell_checker_dictionary_for_word (self, word)) == NULL)
    return NULL;

  result = g_ptr_array_new ();
  suggestions = enchant_dict_suggest (dict, word, -1, &n);
  for (size_t i = 0; suggestions != NULL && i < n && result->len < MAX_SUGGESTIONS; i++)
    if (g_utf8_validate (suggestions[i], -1, NULL))
      g_ptr_array_add (result, g_strdup (suggestions[i]));
  if (suggestions != NULL)
    enchant_dict_free_string_list (dict, suggestions);
  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_free (result, FALSE);
}
