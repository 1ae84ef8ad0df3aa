/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-layout-document.h"
#include "dossier-zip-writer.h"

G_BEGIN_DECLS

/* The walk of a #DossierLayoutDocument that the DOCX and ODT writers
 * share: which blocks there are and what stays with what, which runs are
 * text, links, footnote references or bare raised numbers, which note a
 * number means, and the lines the PDF prints that are not in the runs
 * (the decision line, a quotation's attribution). Each writer says only
 * how its format writes them. */

/**
 * DossierOfficeBlock:
 * @block: the block
 * @kind: its kind
 * @level: its level, clamped to 1…3
 * @keep_next: the next block is a decision line, which stays with this one
 *
 * A block of the body as dossier_office_walk_blocks() hands it over.
 */
typedef struct {
  const DossierLayoutBlock *block;
  DossierLayoutBlockKind kind;
  guint level;
  gboolean keep_next;
} DossierOfficeBlock;

typedef void (*DossierOfficeBlockFunc) (const DossierOfficeBlock *block,
                                        gpointer                  user_data);

typedef enum {
  DOSSIER_OFFICE_RUN_TEXT,
  DOSSIER_OFFICE_RUN_LINK,
  DOSSIER_OFFICE_RUN_NOTE,
  DOSSIER_OFFICE_RUN_RAISED_NUMBER,
} DossierOfficeRunKind;

/**
 * DossierOfficeRun:
 * @kind: %DOSSIER_OFFICE_RUN_TEXT, plain text; %DOSSIER_OFFICE_RUN_LINK, a
 *   link to @target; %DOSSIER_OFFICE_RUN_NOTE, a reference to @note, which
 *   exists (never inside a note); %DOSSIER_OFFICE_RUN_RAISED_NUMBER, a note
 *   number with no note, or one inside a note: it prints raised, as in the
 *   PDF, and is no reference
 * @clean: the run's text, as XML can hold it
 * @style: its bold and italics
 * @target: a link's target, safe to open; else %NULL
 * @note: the note a reference points to; else %NULL
 *
 * A run of a block as dossier_office_walk_runs() hands it over.
 */
typedef struct {
  DossierOfficeRunKind kind;
  const char *clean;
  DossierLayoutStyle style;
  const char *target;
  const DossierLayoutBlock *note;
} DossierOfficeRun;

typedef void (*DossierOfficeRunFunc) (const DossierOfficeRun *run,
                                      gpointer                user_data);

GHashTable *dossier_office_collect_notes   (DossierLayoutDocument        *document);
gboolean    dossier_office_walk_blocks     (DossierLayoutDocument        *document,
                                            DossierOfficeBlockFunc        func,
                                            gpointer                      user_data,
                                            GCancellable                 *cancellable,
                                            GError                      **error);
void        dossier_office_walk_runs       (const DossierLayoutBlock     *block,
                                            GHashTable                   *notes,
                                            gboolean                      in_note,
                                            DossierOfficeRunFunc          func,
                                            gpointer                      user_data);
char       *dossier_office_decision_line   (const DossierLayoutBlock     *block);
char       *dossier_office_attribution_line (const DossierLayoutBlock    *block);
gboolean    dossier_office_add_part        (DossierZipWriter             *zip,
                                            const char                   *name,
                                            GBytes                       *part);

G_END_DECLS
