/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-collection.h"
#include "dossier-library.h"

G_BEGIN_DECLS

/**
 * DossierCollectionItemKind:
 * @DOSSIER_COLLECTION_ITEM_MEMO: a briefing memo file
 * @DOSSIER_COLLECTION_ITEM_COMPARISON: a saved comparison file
 *
 * What a file that belongs to a collection is.
 */
typedef enum {
  DOSSIER_COLLECTION_ITEM_MEMO,
  DOSSIER_COLLECTION_ITEM_COMPARISON,
} DossierCollectionItemKind;

/* Longest collection name and tag, in bytes; a note on an article. */
#define DOSSIER_LIBRARY_COLLECTION_NAME_MAX 256
#define DOSSIER_LIBRARY_TAG_MAX 128
#define DOSSIER_LIBRARY_NOTE_MAX (1024 * 1024)

GListModel        *dossier_library_list_collections          (DossierLibrary  *self,
                                                              GError         **error);
GListModel        *dossier_library_list_trashed_collections  (DossierLibrary  *self,
                                                              GError         **error);
DossierCollection *dossier_library_find_collection           (DossierLibrary  *self,
                                                              const char      *name,
                                                              GError         **error);
DossierCollection *dossier_library_create_collection         (DossierLibrary  *self,
                                                              const char      *name,
                                                              GError         **error);
gboolean           dossier_library_rename_collection         (DossierLibrary  *self,
                                                              gint64           collection,
                                                              const char      *name,
                                                              GError         **error);
gboolean           dossier_library_delete_collection         (DossierLibrary  *self,
                                                              gint64           collection,
                                                              GError         **error);
gboolean           dossier_library_restore_collection        (DossierLibrary  *self,
                                                              gint64           collection,
                                                              GError         **error);
gboolean           dossier_library_add_to_collection         (DossierLibrary  *self,
                                                              gint64           collection,
                                                              const char      *document_id,
                                                              GError         **error);
gboolean           dossier_library_remove_from_collection    (DossierLibrary  *self,
                                                              gint64           collection,
                                                              const char      *document_id,
                                                              GError         **error);
GListModel        *dossier_library_list_collection_documents (DossierLibrary  *self,
                                                              gint64           collection,
                                                              GError         **error);
char             **dossier_library_dup_document_collections  (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              GError         **error);
gboolean           dossier_library_add_collection_item       (DossierLibrary  *self,
                                                              gint64           collection,
                                                              DossierCollectionItemKind kind,
                                                              const char      *uri,
                                                              GError         **error);
gboolean           dossier_library_remove_collection_item    (DossierLibrary  *self,
                                                              gint64           collection,
                                                              const char      *uri,
                                                              GError         **error);
char             **dossier_library_dup_collection_items      (DossierLibrary  *self,
                                                              gint64           collection,
                                                              DossierCollectionItemKind kind,
                                                              GError         **error);

gboolean           dossier_library_add_tag                   (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              const char      *tag,
                                                              GError         **error);
gboolean           dossier_library_remove_tag                (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              const char      *tag,
                                                              GError         **error);
char             **dossier_library_dup_tags                  (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              GError         **error);
char             **dossier_library_dup_all_tags              (DossierLibrary  *self,
                                                              GError         **error);
GListModel        *dossier_library_list_tagged_documents     (DossierLibrary  *self,
                                                              const char      *tag,
                                                              GError         **error);

gboolean           dossier_library_set_note                  (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              const char      *text,
                                                              GError         **error);
char              *dossier_library_dup_note                  (DossierLibrary  *self,
                                                              const char      *document_id,
                                                              GError         **error);

G_END_DECLS
