/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-memo.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MEMO_AUTOSAVE (dossier_memo_autosave_get_type ())
G_DECLARE_FINAL_TYPE (DossierMemoAutosave, dossier_memo_autosave, DOSSIER, MEMO_AUTOSAVE, GObject)

/* Seconds between a change and its recovery copy. */
#define DOSSIER_MEMO_AUTOSAVE_DELAY_MS 3000

char                *dossier_memo_autosave_dup_default_dir  (void);
DossierMemoAutosave *dossier_memo_autosave_new              (DossierMemo         *memo,
                                                             GFile               *file,
                                                             const char          *recovery_dir);
DossierMemo         *dossier_memo_autosave_get_memo         (DossierMemoAutosave *self);
GFile               *dossier_memo_autosave_get_file         (DossierMemoAutosave *self);
void                 dossier_memo_autosave_set_file         (DossierMemoAutosave *self,
                                                             GFile               *file);
GFile               *dossier_memo_autosave_get_recovery_file (DossierMemoAutosave *self);
gboolean             dossier_memo_autosave_get_dirty        (DossierMemoAutosave *self);
void                 dossier_memo_autosave_set_delay        (DossierMemoAutosave *self,
                                                             guint                delay_ms);
gboolean             dossier_memo_autosave_flush            (DossierMemoAutosave *self,
                                                             GError             **error);
void                 dossier_memo_autosave_mark_saved       (DossierMemoAutosave *self);
void                 dossier_memo_autosave_discard          (DossierMemoAutosave *self);

GPtrArray           *dossier_memo_autosave_list_recoverable (const char          *recovery_dir,
                                                             GError             **error);
GFile               *dossier_memo_autosave_dup_original     (GFile               *recovery_file);

G_END_DECLS
