/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-author"

#include "dossier-author.h"
#include "dossier-util.h"

/**
 * DossierAuthor:
 *
 * A person who wrote a document: a name plus what an author section says
 * about them ("senior research fellow for Northeast Asia" at "The Heritage
 * Foundation"), and the bio text itself.
 *
 * Reference managers also keep a name's parts, so a citation can print
 * "Beethoven, Ludwig van" or "King, Martin Luther, Jr.": the family name,
 * the given names, a particle ("van", "de la") and a suffix ("Jr.", "III").
 * Where they are known, "name" is still the name as a reader says it. An
 * organisation ("World Bank") has a name and no parts; the flag tells it
 * from a person whose name was never split, so a writer does not invent
 * a family name "Bank".
 */
struct _DossierAuthor
{
  GObject parent_instance;

  char *name;
  char *position;
  char *affiliation;
  char *bio;
  char *family;
  char *given;
  char *particle;
  char *suffix;
  gboolean organisation;
};

G_DEFINE_FINAL_TYPE (DossierAuthor, dossier_author, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POSITION,
  PROP_AFFILIATION,
  PROP_BIO,
  PROP_FAMILY,
  PROP_GIVEN,
  PROP_PARTICLE,
  PROP_SUFFIX,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (DossierAuthor *self,
                guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_POSITION: return &self->position;
    case PROP_AFFILIATION: return &self->affiliation;
    case PROP_BIO: return &self->bio;
    case PROP_FAMILY: return &self->family;
    case PROP_GIVEN: return &self->given;
    case PROP_PARTICLE: return &self->particle;
    case PROP_SUFFIX: return &self->suffix;
    default: g_assert_not_reached ();
    }
}

static void
set_string_prop (DossierAuthor *self,
                 guint          prop_id,
                 const char    *value)
{
  char **field = field_for_prop (self, prop_id);

  /* An empty string means "unknown", the same as NULL. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (dossier_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
dossier_author_finalize (GObject *object)
{
  DossierAuthor *self = (DossierAuthor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->bio, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->given, g_free);
  g_clear_pointer (&self->particle, g_free);
  g_clear_pointer (&self->suffix, g_free);

  G_OBJECT_CLASS (dossier_author_parent_class)->finalize (object);
}

static void
dossier_author_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierAuthor *self = DOSSIER_AUTHOR (object);

  if (prop_id == PROP_ORGANISATION)
    g_value_set_boolean (value, self->organisation);
  else if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, *field_for_prop (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dossier_author_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierAuthor *self = DOSSIER_AUTHOR (object);

  if (prop_id == PROP_ORGANISATION)
    dossier_author_set_organisation (self, g_value_get_boolean (value));
  else if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_string_prop (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dossier_author_class_init (DossierAuthorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_author_finalize;
  object_class->get_property = dossier_author_get_property;
  object_class->set_property = dossier_author_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_string ("position", NULL, NULL, NULL, flags);
  properties[PROP_AFFILIATION] = g_param_spec_string ("affiliation", NULL, NULL, NULL, flags);
  properties[PROP_BIO] = g_param_spec_string ("bio", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY] = g_param_spec_string ("family", NULL, NULL, NULL, flags);
  properties[PROP_GIVEN] = g_param_spec_string ("given", NULL, NULL, NULL, flags);
  /* "van" in "Ludwig van Beethoven": sorted under B, printed before the family name. */
  properties[PROP_PARTICLE] = g_param_spec_string ("particle", NULL, NULL, NULL, flags);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, NULL, flags);
  properties[PROP_ORGANISATION] = g_param_spec_boolean ("organisation", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_author_init (DossierAuthor *self)
{
}

DossierAuthor *
dossier_author_new (const char *name)
{
  return g_object_new (DOSSIER_TYPE_AUTHOR, "name", name, NULL);
}

/**
 * dossier_author_copy:
 *
 * Returns: (transfer full): a new author with all of @self's fields
 */
DossierAuthor *
dossier_author_copy (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);

  return g_object_new (DOSSIER_TYPE_AUTHOR,
                       "name", self->name,
                       "position", self->position,
                       "affiliation", self->affiliation,
                       "bio", self->bio,
                       "family", self->family,
                       "given", self->given,
                       "particle", self->particle,
                       "suffix", self->suffix,
                       "organisation", self->organisation,
                       NULL);
}

const char *
dossier_author_get_name (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->name;
}

void
dossier_author_set_name (DossierAuthor *self,
                         const char    *name)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_NAME, name);
}

const char *
dossier_author_get_position (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->position;
}

void
dossier_author_set_position (DossierAuthor *self,
                             const char    *position)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_POSITION, position);
}

const char *
dossier_author_get_affiliation (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->affiliation;
}

void
dossier_author_set_affiliation (DossierAuthor *self,
                                const char    *affiliation)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_AFFILIATION, affiliation);
}

const char *
dossier_author_get_bio (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->bio;
}

void
dossier_author_set_bio (DossierAuthor *self,
                        const char    *bio)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_BIO, bio);
}

const char *
dossier_author_get_family (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->family;
}

void
dossier_author_set_family (DossierAuthor *self,
                           const char    *family)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_FAMILY, family);
}

const char *
dossier_author_get_given (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->given;
}

void
dossier_author_set_given (DossierAuthor *self,
                          const char    *given)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_GIVEN, given);
}

const char *
dossier_author_get_particle (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->particle;
}

void
dossier_author_set_particle (DossierAuthor *self,
                             const char    *particle)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_PARTICLE, particle);
}

const char *
dossier_author_get_suffix (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), NULL);
  return self->suffix;
}

void
dossier_author_set_suffix (DossierAuthor *self,
                           const char    *suffix)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));
  set_string_prop (self, PROP_SUFFIX, suffix);
}

gboolean
dossier_author_get_organisation (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), FALSE);
  return self->organisation;
}

void
dossier_author_set_organisation (DossierAuthor *self,
                                 gboolean       organisation)
{
  g_return_if_fail (DOSSIER_IS_AUTHOR (self));

  organisation = !!organisation;
  if (self->organisation == organisation)
    return;
  self->organisation = organisation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

/**
 * dossier_author_has_parts:
 *
 * Returns: whether any part of the name (family, given, particle, suffix)
 *   is known
 */
gboolean
dossier_author_has_parts (DossierAuthor *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (self), FALSE);
  return self->family != NULL || self->given != NULL || self->particle != NULL || self->suffix != NULL;
}

gboolean
dossier_author_equal (DossierAuthor *a,
                      DossierAuthor *b)
{
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (a), FALSE);
  g_return_val_if_fail (DOSSIER_IS_AUTHOR (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->position, b->position) == 0 &&
         g_strcmp0 (a->affiliation, b->affiliation) == 0 &&
         g_strcmp0 (a->bio, b->bio) == 0 &&
         g_strcmp0 (a->family, b->family) == 0 &&
         g_strcmp0 (a->given, b->given) == 0 &&
         g_strcmp0 (a->particle, b->particle) == 0 &&
         g_strcmp0 (a->suffix, b->suffix) == 0 &&
         a->organisation == b->organisation;
}
