/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SPELL_CHECKER (dossier_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (DossierSpellChecker, dossier_spell_checker, DOSSIER, SPELL_CHECKER, GObject)

DossierSpellChecker *dossier_spell_checker_attach        (GtkTextView         *view);
DossierSpellChecker *dossier_spell_checker_get_for_view  (GtkTextView         *view);
GtkTextView         *dossier_spell_checker_get_view      (DossierSpellChecker *self);
const char          *dossier_spell_checker_get_language  (DossierSpellChecker *self);
void                 dossier_spell_checker_set_language  (DossierSpellChecker *self,
                                                          const char          *language);
const char          *dossier_spell_checker_get_dictionary (DossierSpellChecker *self);
void                 dossier_spell_checker_set_known_words (DossierSpellChecker *self,
                                                            const char * const  *phrases);
gboolean             dossier_spell_checker_get_enabled   (DossierSpellChecker *self);
void                 dossier_spell_checker_set_enabled   (DossierSpellChecker *self,
                                                          gboolean             enabled);
gboolean             dossier_spell_checker_get_active    (DossierSpellChecker *self);
gboolean             dossier_spell_checker_get_busy      (DossierSpellChecker *self);
GMenuModel          *dossier_spell_checker_get_menu      (DossierSpellChecker *self);
void                 dossier_spell_checker_update_menu   (DossierSpellChecker *self,
                                                          const GtkTextIter   *iter);
void                 dossier_spell_checker_popup_menu    (DossierSpellChecker *self,
                                                          const GtkTextIter   *iter);
GtkWidget           *dossier_spell_checker_get_popover   (DossierSpellChecker *self);
char               **dossier_spell_checker_dup_suggestions (DossierSpellChecker *self,
                                                            const char          *word);
gboolean             dossier_spell_checker_check_word    (DossierSpellChecker *self,
                                                          const char          *word);

G_END_DECLS
