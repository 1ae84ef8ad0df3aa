/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "model/dossier-document.h"
#include "store/dossier-library.h"

G_BEGIN_DECLS

/* Shared by dossier-cli-library.c (add, list, search, export, remove,
 * trash) and dossier-cli-library-collections.c (collection, tag, note). */

typedef struct {
  char *library_path;
  gboolean json;
  int limit;
  char *output;
  char *author;
  char *publisher;
  char *from;
  char *to;
  char *format;
  char *collection;
  char *tag;
} DossierCliLibraryOptions;

typedef enum {
  DOSSIER_CLI_OPEN_TO_READ,     /* list, search, export: never writes, never waits for a writer */
  DOSSIER_CLI_OPEN_TO_CHANGE,   /* remove, trash, collection, tag, note */
  DOSSIER_CLI_OPEN_TO_ADD,      /* add: creates the library when there is none */
} DossierCliOpenFor;

DossierLibrary *dossier_cli_library_open      (DossierCliLibraryOptions  *options,
                                               DossierCliOpenFor          open_for,
                                               GError                   **error);
char           *dossier_cli_one_line          (const char                *text);
int             dossier_cli_print_json        (JsonBuilder               *builder);
void            dossier_cli_add_document_json (JsonBuilder               *builder,
                                               DossierDocument           *document);
int             dossier_cli_print_documents   (DossierCliLibraryOptions  *options,
                                               GListModel                *documents);
int             dossier_cli_library_list_filtered (DossierCliLibraryOptions *options);
GListModel     *dossier_cli_library_filtered_documents (DossierLibrary           *library,
                                                        DossierCliLibraryOptions *options,
                                                        GError                  **error);
int             dossier_cli_library_add       (DossierCliLibraryOptions  *options,
                                               int                        argc,
                                               char                     **argv);
int             dossier_cli_library_collection (DossierCliLibraryOptions *options,
                                                int                       argc,
                                                char                    **argv);
int             dossier_cli_library_tag       (DossierCliLibraryOptions  *options,
                                               int                        argc,
                                               char                     **argv);
int             dossier_cli_library_note      (DossierCliLibraryOptions  *options,
                                               int                        argc,
                                               char                     **argv);

G_END_DECLS
