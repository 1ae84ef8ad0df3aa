/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-memo"

#include "config.h"

#include "model/dossier-util.h"
#include "dossier-memo-issue.h"

/**
 * DossierMemoIssue:
 *
 * One finding of the memo check or lint: what kind, a message for the
 * user, where (citation id, section index), and for a quote that no longer
 * matches its source the closest passage found there and how similar it is.
 * Immutable once reported; the setters are for the checker.
 */
struct _DossierMemoIssue
{
  GObject parent_instance;

  DossierMemoIssueKind kind;
  char *message;
  char *citation_id;
  int section;
  char *closest_passage;
  double similarity;
};

G_DEFINE_FINAL_TYPE (DossierMemoIssue, dossier_memo_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ERROR,
  PROP_CODE,
  PROP_MESSAGE,
  PROP_CITATION_ID,
  PROP_SECTION,
  PROP_CLOSEST_PASSAGE,
  PROP_SIMILARITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable short names, printed by `dossier-cli memo check` for scripts. */
static const char * const codes[] = {
  "dangling-marker", "unused-citation", "block-too-long", "quote-mismatch", "unverified",
  "bluf-length", "approve-lines", "page-count", "marking", "placeholder", "thin-source", "unmarked-excerpt",
};

static void
dossier_memo_issue_finalize (GObject *object)
{
  DossierMemoIssue *self = (DossierMemoIssue *)object;

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->citation_id, g_free);
  g_clear_pointer (&self->closest_passage, g_free);

  G_OBJECT_CLASS (dossier_memo_issue_parent_class)->finalize (object);
}

static void
dossier_memo_issue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierMemoIssue *self = DOSSIER_MEMO_ISSUE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ERROR:
      g_value_set_boolean (value, dossier_memo_issue_is_error (self));
      break;
    case PROP_CODE:
      g_value_set_string (value, dossier_memo_issue_get_code (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_CITATION_ID:
      g_value_set_string (value, self->citation_id);
      break;
    case PROP_SECTION:
      g_value_set_int (value, self->section);
      break;
    case PROP_CLOSEST_PASSAGE:
      g_value_set_string (value, self->closest_passage);
      break;
    case PROP_SIMILARITY:
      g_value_set_double (value, self->similarity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_memo_issue_class_init (DossierMemoIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_memo_issue_finalize;
  object_class->get_property = dossier_memo_issue_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ERROR] = g_param_spec_boolean ("error", NULL, NULL, FALSE, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_CITATION_ID] = g_param_spec_string ("citation-id", NULL, NULL, NULL, flags);
  properties[PROP_SECTION] = g_param_spec_int ("section", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_CLOSEST_PASSAGE] = g_param_spec_string ("closest-passage", NULL, NULL, NULL, flags);
  properties[PROP_SIMILARITY] = g_param_spec_double ("similarity", NULL, NULL, 0, 1, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_memo_issue_init (DossierMemoIssue *self)
{
  self->section = -1;
}

DossierMemoIssue *
dossier_memo_issue_new (DossierMemoIssueKind  kind,
                        const char           *message)
{
  DossierMemoIssue *self;

  g_return_val_if_fail (kind < G_N_ELEMENTS (codes), NULL);

  self = g_object_new (DOSSIER_TYPE_MEMO_ISSUE, NULL);
  self->kind = kind;
  self->message = g_strdup (message);
  return self;
}

DossierMemoIssueKind
dossier_memo_issue_get_kind (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), 0);
  return self->kind;
}

/**
 * dossier_memo_issue_is_error:
 *
 * Returns: %TRUE for errors (the memo is wrong), %FALSE for warnings
 *   (unverified quotes and format lint)
 */
gboolean
dossier_memo_issue_is_error (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), FALSE);
  return self->kind <= DOSSIER_MEMO_ISSUE_QUOTE_MISMATCH;
}

const char *
dossier_memo_issue_get_code (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), NULL);
  return codes[self->kind];
}

const char *
dossier_memo_issue_get_message (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), NULL);
  return self->message;
}

const char *
dossier_memo_issue_get_citation_id (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), NULL);
  return self->citation_id;
}

void
dossier_memo_issue_set_citation_id (DossierMemoIssue *self,
                                    const char       *citation_id)
{
  g_return_if_fail (DOSSIER_IS_MEMO_ISSUE (self));

  if (dossier_set_str (&self->citation_id, citation_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION_ID]);
}

/**
 * dossier_memo_issue_get_section:
 *
 * Returns: the index of the section concerned, or -1
 */
int
dossier_memo_issue_get_section (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), -1);
  return self->section;
}

void
dossier_memo_issue_set_section (DossierMemoIssue *self,
                                int               section)
{
  g_return_if_fail (DOSSIER_IS_MEMO_ISSUE (self));

  if (self->section != section)
    {
      self->section = section;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }
}

/**
 * dossier_memo_issue_get_closest_passage:
 *
 * Returns: (nullable): for a quote mismatch, the source's passage most
 *   like the quote
 */
const char *
dossier_memo_issue_get_closest_passage (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), NULL);
  return self->closest_passage;
}

/**
 * dossier_memo_issue_get_similarity:
 *
 * Returns: how much of the quote's wording the closest passage shares, 0–1
 */
double
dossier_memo_issue_get_similarity (DossierMemoIssue *self)
{
  g_return_val_if_fail (DOSSIER_IS_MEMO_ISSUE (self), 0);
  return self->similarity;
}

void
dossier_memo_issue_set_closest_passage (DossierMemoIssue *self,
                                        const char       *passage,
                                        double            similarity)
{
  g_return_if_fail (DOSSIER_IS_MEMO_ISSUE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (dossier_set_str (&self->closest_passage, passage))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSEST_PASSAGE]);
  if (self->similarity != similarity)
    {
      self->similarity = similarity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMILARITY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
