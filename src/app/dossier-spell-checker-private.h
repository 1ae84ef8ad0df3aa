/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the files that make up DossierSpellChecker:
 * dossier-spell-checker.c (the dictionaries, checking the text as it
 * changes, the GObject and its API) and dossier-spell-checker-menu.c (the
 * view's context menu: suggestions first, then the view's own edit items).
 */

#include <enchant.h>

#include "dossier-spell-checker.h"

G_BEGIN_DECLS

struct _DossierSpellChecker
{
  GObject parent_instance;

  GtkTextView *view;               /* weak: the view owns the checker */
  GtkTextBuffer *buffer;           /* the one whose signals are connected */
  GtkTextTag *misspelled_tag;
  GtkTextTag *unchecked_tag;
  GtkTextMark *deferred_start;     /* the word being typed, if any */
  GtkTextMark *deferred_end;
  GtkTextMark *menu_start;         /* the word the context menu is about */
  GtkTextMark *menu_end;
  char *menu_word;

  char *language;                  /* asked for; NULL follows the locale */
  char *dictionary;                /* the tag of the dictionary in use */
  char *missing;                   /* the tag that has no dictionary */
  EnchantDict *dict;               /* shared, owned by the cache */
  GHashTable *known_words;         /* this memo's names, accepted here only */

  GSettings *settings;
  GSimpleActionGroup *actions;
  GMenu *menu;                     /* the whole context menu */
  GMenu *word_section;
  GMenu *fix_section;
  GtkWidget *popover;              /* the context menu, once shown */

  guint check_source;
  gboolean check_in_idle;
  gboolean enabled;
  gboolean active;
  gboolean typing;
  gboolean has_deferred;
};

void _dossier_spell_checker_recheck_users (EnchantDict         *dict);
EnchantDict *_dossier_spell_checker_dictionary_for_word (DossierSpellChecker *self,
                                                         const char          *word);
void _dossier_spell_checker_menu_init     (DossierSpellChecker *self);
void _dossier_spell_checker_menu_dispose  (DossierSpellChecker *self);

G_END_DECLS
