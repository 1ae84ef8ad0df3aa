/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "model/dossier-limits.h"
#include "dossier-document-json.h"
#include "dossier-ris.h"

/*
 * RIS: tagged lines, "TY  - JOUR" to "ER  - ", one field a line, as Zotero,
 * EndNote and most databases export. Names are "Family, Given, Suffix";
 * dates "YYYY/MM/DD/other" (PY, DA) or, from Zotero, "YYYY-MM-DD" (Y2, the
 * date accessed).
 */

static const struct { const char *ris; const char *csl; } types[] = {
  /* The first of each CSL type is what it is written as. */
  { "JOUR", "article-journal" },
  { "MGZN", "article-magazine" },
  { "NEWS", "article-newspaper" },
  { "BOOK", "book" },
  { "CHAP", "chapter" },
  { "RPRT", "report" },
  { "ELEC", "webpage" },
  { "WEB", "webpage" },
  { "BLOG", "post-weblog" },
  { "THES", "thesis" },
  { "CPAPER", "paper-conference" },
  { "CONF", "paper-conference" },
  { "STAT", "legislation" },
  { "BILL", "bill" },
  { "CASE", "legal_case" },
  { "HEAR", "hearing" },
  { "PAT", "patent" },
  { "DATA", "dataset" },
  { "COMP", "software" },
  { "MAP", "map" },
  { "PCOMM", "personal_communication" },
  { "ICOMM", "post" },
  { "SLIDE", "speech" },
  { "ENCYC", "entry-encyclopedia" },
  { "DICT", "entry-dictionary" },
  { "MPCT", "motion_picture" },
  { "SOUND", "song" },
  { "GEN", "document" },
  { "JFULL", "periodical" },
  { "MANSCPT", "manuscript" },
  { "PAMP", "pamphlet" },
  { "STAND", "standard" },
  { "TREATY", "treaty" },
};

static const char *
csl_for_ris (const char *ris)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].ris, ris))
      return types[i].csl;
  return NULL;
}

static const char *
ris_for_csl (const char *csl)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].csl, csl))
      return types[i].ris;
  return "GEN";
}

/* "2019/11/04/", "2019/11//", "2019///Spring", "2019", Zotero's
 * "2019-11-04" and "2024-05-02 10:21:13": the most precise date that
 * is whole. */
static char *
parse_date (const char *value)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = g_strdup (value);
  guint year = 0, month = 0, day = 0;
  char *date = NULL;

  g_strdelimit (copy, "-", '/');
  parts = g_strsplit (copy, "/", 4);
  for (guint i = 0; parts[i] != NULL && i < 3; i++)
    g_strstrip (parts[i]);

  if (parts[0] == NULL || strlen (parts[0]) != 4 || sscanf (parts[0], "%4u", &year) != 1)
    return NULL;
  if (parts[1] != NULL && strlen (parts[1]) > 0 && strlen (parts[1]) <= 2)
    sscanf (parts[1], "%2u", &month);
  if (month > 0 && parts[2] != NULL && strlen (parts[2]) >= 1)
    sscanf (parts[2], "%2u", &day);

  if (day > 0)
    date = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  else if (month > 0)
    date = g_strdup_printf ("%04u-%02u", year, month);
  else
    date = g_strdup_printf ("%04u", year);

  /* The day may be wrong where the month is not. */
  while (date != NULL && !dossier_is_valid_partial_date (date))
    {
      gsize length = strlen (date);
      char *shorter = length > 4 ? g_strndup (date, length == 10 ? 7 : 4) : NULL;

      g_free (date);
      date = shorter;
    }
  return date;
}

/* "van Beethoven, Ludwig", "King, Martin Luther, Jr.", "World Bank". */
static DossierAuthor *
parse_name (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", 3);
  g_autoptr(GString) particle = g_string_new (NULL);
  const char *family;

  if (parts[0] == NULL)
    return NULL;
  if (parts[1] == NULL)
    /* One field: Zotero writes an organisation so. */
    return dossier_reference_organisation_new (parts[0]);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);

  /* RIS has no field for a particle: it leads the family name in lower
   * case, as BibTeX's "von" part does. */
  family = parts[0];
  while (g_ascii_islower (*family) && strchr (family, ' ') != NULL)
    {
      const char *space = strchr (family, ' ');

      if (particle->len > 0)
        g_string_append_c (particle, ' ');
      g_string_append_len (particle, family, space - family);
      family = space + 1;
      while (*family == ' ')
        family++;
    }

  return dossier_reference_author_new (parts[1], particle->len > 0 ? particle->str : NULL, family,
                                       parts[1] != NULL ? parts[2] : NULL);
}

typedef struct {
  DossierDocument *document;
  char *key;
  char *start_page;
  char *end_page;
  GPtrArray *files;
  GError *error;
} Record;

static void
record_clear (Record *record)
{
  g_clear_object (&record->document);
  g_clear_pointer (&record->key, g_free);
  g_clear_pointer (&record->start_page, g_free);
  g_clear_pointer (&record->end_page, g_free);
  g_clear_pointer (&record->files, g_ptr_array_unref);
  g_clear_error (&record->error);
}

static void
set_once (DossierDocument      *document,
          DossierDocumentField  field,
          const char           *value)
{
  if (dossier_document_get_field (document, field) == NULL)
    dossier_document_set_field (document, field, value);
}

static void
record_field (Record     *record,
              const char *tag,
              const char *value)
{
  DossierDocument *document = record->document;

  if (*value == '\0')
    return;

  if (g_str_equal (tag, "AU") || g_str_equal (tag, "A1"))
    {
      g_autoptr(DossierAuthor) author = parse_name (value);

      /* Past the limit the record is refused; the names are not kept. */
      if (author != NULL && g_list_model_get_n_items (dossier_document_get_authors (document)) < DOSSIER_LIMIT_AUTHORS)
        dossier_document_add_author (document, author);
      else if (author != NULL && record->error == NULL)
        {
          g_autofree char *message = dossier_limit_dup_too_many (_("authors"), DOSSIER_LIMIT_AUTHORS + 1,
                                                                 DOSSIER_LIMIT_AUTHORS);
          record->error = g_error_new_literal (DOSSIER_LIMIT_ERROR, DOSSIER_LIMIT_ERROR_TOO_MANY, message);
        }
    }
  else if ((g_str_equal (tag, "TI") || g_str_equal (tag, "T1")) && dossier_document_get_title (document) == NULL)
    dossier_document_set_title (document, value);
  else if (g_str_equal (tag, "T2") || g_str_equal (tag, "JO") || g_str_equal (tag, "JF") ||
           g_str_equal (tag, "BT"))
    set_once (document, DOSSIER_FIELD_CONTAINER_TITLE, value);
  else if ((g_str_equal (tag, "PY") || g_str_equal (tag, "DA") || g_str_equal (tag, "Y1")))
    {
      g_autofree char *date = parse_date (value);
      const char *known = dossier_document_get_issued (document);

      /* PY is the year, DA the full date: the more precise one wins. */
      if (date != NULL && (known == NULL || strlen (date) > strlen (known)))
        dossier_document_set_issued (document, date);
    }
  else if (g_str_equal (tag, "Y2"))
    {
      g_autofree char *date = parse_date (value);
      set_once (document, DOSSIER_FIELD_ACCESSED, date);
    }
  else if (g_str_equal (tag, "PB") && dossier_document_get_publisher (document) == NULL)
    dossier_document_set_publisher (document, value);
  else if (g_str_equal (tag, "CY"))
    set_once (document, DOSSIER_FIELD_PLACE, value);
  else if (g_str_equal (tag, "UR") && dossier_document_get_source_url (document) == NULL)
    dossier_document_set_source_url (document, value);
  else if (g_str_equal (tag, "DO"))
    set_once (document, DOSSIER_FIELD_DOI, value);
  else if (g_str_equal (tag, "VL"))
    set_once (document, DOSSIER_FIELD_VOLUME, value);
  else if (g_str_equal (tag, "IS"))
    set_once (document, DOSSIER_FIELD_ISSUE, value);
  else if (g_str_equal (tag, "ET"))
    set_once (document, DOSSIER_FIELD_EDITION, value);
  else if (g_str_equal (tag, "SP") && record->start_page == NULL)
    record->start_page = g_strdup (value);
  else if (g_str_equal (tag, "EP") && record->end_page == NULL)
    record->end_page = g_strdup (value);
  else if (g_str_equal (tag, "ID") && record->key == NULL)
    record->key = g_strdup (value);
  else if (g_str_equal (tag, "L1") || g_str_equal (tag, "L4"))
    {
      /* Zotero's "Export Files": the attachment's path in the export. */
      if (record->files == NULL)
        record->files = g_ptr_array_new_with_free_func (g_free);
      if (record->files->len < 64)
        g_ptr_array_add (record->files, g_strdup (value));
    }
}

static DossierReferenceEntry *
record_finish (Record  *record,
               GError **error)
{
  DossierReferenceEntry *entry;

  if (record->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&record->error));
      return NULL;
    }

  if (record->start_page != NULL)
    {
      g_autofree char *pages = NULL;

      if (record->end_page != NULL && g_strcmp0 (record->start_page, record->end_page) != 0)
        pages = g_strdup_printf ("%s–%s", record->start_page, record->end_page);
      else
        pages = g_strdup (record->start_page);
      dossier_document_set_field (record->document, DOSSIER_FIELD_PAGES, pages);
    }

  if (!dossier_reference_check_entry (record->document, error))
    return NULL;

  entry = dossier_reference_entry_new (record->document);
  entry->key = g_steal_pointer (&record->key);
  if (record->files != NULL)
    {
      g_ptr_array_add (record->files, NULL);
      entry->files = (char **) g_ptr_array_free (g_steal_pointer (&record->files), FALSE);
    }
  return entry;
}

/* "TY  - JOUR": two letters or a letter and a digit, two spaces, a
 * hyphen, and a space before the value (missing when the value is). */
static gboolean
split_line (char        *line,
            char       **tag,
            const char **value)
{
  gsize length = strlen (line);

  if (length < 5 || !g_ascii_isupper (line[0]) || !(g_ascii_isupper (line[1]) || g_ascii_isdigit (line[1])) ||
      line[2] != ' ' || line[3] != ' ' || line[4] != '-' || (length > 5 && line[5] != ' '))
    return FALSE;
  line[2] = '\0';
  *tag = line;
  *value = length > 6 ? g_strstrip (line + 6) : "";
  return TRUE;
}

/**
 * dossier_ris_read:
 * @text: a RIS file, UTF-8 (untrusted)
 * @problems: an array of #GError to add to, one for each record that
 *   could not be read (naming it); the other records are read
 *
 * Returns: (transfer full) (element-type DossierReferenceEntry): the
 *   records, or %NULL with @error set when the file holds none
 */
GPtrArray *
dossier_ris_read (const char  *text,
                  GPtrArray   *problems,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_reference_entry_free);
  g_auto(GStrv) lines = NULL;
  Record record = { 0 };
  g_autofree char *last_tag = NULL;
  guint index = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                           _("The RIS file is not UTF-8 text"));
      return NULL;
    }

  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *tag;
      const char *value;
      gsize length = strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';

      if (!split_line (line, &tag, &value))
        {
          /* EndNote wraps long values onto lines of their own. */
          if (record.document != NULL && last_tag != NULL && *g_strstrip (line) != '\0' &&
              (g_str_equal (last_tag, "TI") || g_str_equal (last_tag, "T1")) &&
              dossier_document_get_title (record.document) != NULL &&
              strlen (dossier_document_get_title (record.document)) <= DOSSIER_LIMIT_TITLE)
            {
              g_autofree char *joined = g_strdup_printf ("%s %s", dossier_document_get_title (record.document), line);

              dossier_document_set_title (record.document, joined);
            }
          continue;
        }

      g_free (last_tag);
      last_tag = g_strdup (tag);

      if (g_str_equal (tag, "TY"))
        {
          if (record.document != NULL)
            {
              /* A record without its ER: the next one begins anyway. */
              g_autoptr(GError) missing = g_error_new_literal (DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                                                                _("it does not end with an “ER” line"));
              g_ptr_array_add (problems, dossier_reference_entry_error (index++, record.key, missing));
              record_clear (&record);
            }
          if (index + entries->len >= DOSSIER_REFERENCE_MAX_ENTRIES)
            {
              g_autofree char *message = dossier_limit_dup_too_many (_("entries"), index + entries->len + 1,
                                                                     DOSSIER_REFERENCE_MAX_ENTRIES);
              g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_TOO_LARGE, message);
              return NULL;
            }
          any = TRUE;
          record.document = dossier_document_new ();
          if (csl_for_ris (value) != NULL)
            dossier_document_set_field (record.document, DOSSIER_FIELD_ITEM_TYPE, csl_for_ris (value));
          continue;
        }

      if (record.document == NULL)
        continue;

      if (g_str_equal (tag, "ER"))
        {
          g_autoptr(GError) local_error = NULL;
          DossierReferenceEntry *entry = record_finish (&record, &local_error);

          if (entry != NULL)
            {
              entry->position = index;
              g_ptr_array_add (entries, entry);
            }
          else
            g_ptr_array_add (problems, dossier_reference_entry_error (index, record.key, local_error));
          index++;
          record_clear (&record);
          continue;
        }

      record_field (&record, tag, value);
    }

  if (record.document != NULL)
    {
      /* Cut short: the last record is not whole, so it is not kept. */
      g_autoptr(GError) missing = g_error_new_literal (DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                                                        _("the file ends before its “ER” line"));
      g_ptr_array_add (problems, dossier_reference_entry_error (index, record.key, missing));
      record_clear (&record);
    }

  if (!any)
    {
      g_set_error_literal (error, DOSSIER_FORMAT_ERROR, DOSSIER_FORMAT_ERROR_INVALID,
                           _("The file holds no RIS records (“TY  - ” lines)"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static void
add_line (GString    *out,
          const char *tag,
          const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL)
    return;
  /* A value is one line. */
  flat = g_strdup (value);
  g_strdelimit (flat, "\r\n", ' ');
  g_string_append_printf (out, "%s  - %s\r\n", tag, flat);
}

static char *
ris_date (const char *date)
{
  guint year = 0, month = 0, day = 0;
  int n = sscanf (date, "%4u-%2u-%2u", &year, &month, &day);

  if (n == 3)
    return g_strdup_printf ("%04u/%02u/%02u/", year, month, day);
  if (n == 2)
    return g_strdup_printf ("%04u/%02u//", year, month);
  return g_strdup_printf ("%04u///", year);
}

/**
 * dossier_ris_write:
 * @documents: (element-type DossierDocument): what to write
 *
 * Writes the documents as RIS with CRLF line ends, as EndNote and Zotero
 * do. A page range "12–34" is SP and EP; a particle leads the family name
 * ("van Beethoven, Ludwig"), which is where readers look for it.
 *
 * Returns: (transfer full): the file's text
 */
char *
dossier_ris_write (GPtrArray *documents,
                   gsize     *length)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = documents->pdata[i];
      GListModel *authors = dossier_document_get_authors (document);
      g_autofree char *key = dossier_reference_make_key (document, keys);
      g_autofree char *title = NULL;
      const char *pages = dossier_document_get_field (document, DOSSIER_FIELD_PAGES);

      add_line (out, "TY", ris_for_csl (dossier_reference_default_type (document)));
      add_line (out, "ID", key);
      if (dossier_document_get_subtitle (document) != NULL)
        title = g_strdup_printf ("%s: %s", dossier_document_get_title (document) ?: "",
                                 dossier_document_get_subtitle (document));
      add_line (out, "TI", title ?: dossier_document_get_title (document));
      for (guint a = 0; a < g_list_model_get_n_items (authors); a++)
        {
          g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, a);
          g_autoptr(GString) name = g_string_new (NULL);

          if (dossier_author_get_organisation (author) || !dossier_author_has_parts (author))
            g_string_append (name, dossier_author_get_name (author));
          else
            {
              if (dossier_author_get_particle (author) != NULL)
                g_string_append_printf (name, "%s ", dossier_author_get_particle (author));
              g_string_append (name, dossier_author_get_family (author) ?: "");
              if (dossier_author_get_given (author) != NULL || dossier_author_get_suffix (author) != NULL)
                g_string_append_printf (name, ", %s", dossier_author_get_given (author) ?: "");
              if (dossier_author_get_suffix (author) != NULL)
                g_string_append_printf (name, ", %s", dossier_author_get_suffix (author));
            }
          add_line (out, "AU", name->str);
        }
      add_line (out, "T2", dossier_document_get_field (document, DOSSIER_FIELD_CONTAINER_TITLE));
      if (dossier_document_get_issued (document) != NULL)
        {
          g_autofree char *year = g_strndup (dossier_document_get_issued (document), 4);
          g_autofree char *date = ris_date (dossier_document_get_issued (document));

          add_line (out, "PY", year);
          add_line (out, "DA", date);
        }
      add_line (out, "PB", dossier_document_get_publisher (document));
      add_line (out, "CY", dossier_document_get_field (document, DOSSIER_FIELD_PLACE));
      add_line (out, "ET", dossier_document_get_field (document, DOSSIER_FIELD_EDITION));
      add_line (out, "VL", dossier_document_get_field (document, DOSSIER_FIELD_VOLUME));
      add_line (out, "IS", dossier_document_get_field (document, DOSSIER_FIELD_ISSUE));
      if (pages != NULL)
        {
          const char *dash = strstr (pages, "–");
          gsize dash_length = 3;

          if (dash == NULL)
            {
              dash = strchr (pages, '-');
              dash_length = 1;
              while (dash != NULL && dash[dash_length] == '-')
                dash_length++;
            }
          if (dash != NULL)
            {
              g_autofree char *start = g_strndup (pages, dash - pages);
              add_line (out, "SP", g_strstrip (start));
              add_line (out, "EP", dash + dash_length);
            }
          else
            add_line (out, "SP", pages);
        }
      add_line (out, "DO", dossier_document_get_field (document, DOSSIER_FIELD_DOI));
      add_line (out, "UR", dossier_document_get_source_url (document));
      add_line (out, "Y2", dossier_document_get_field (document, DOSSIER_FIELD_ACCESSED));
      g_string_append (out, "ER  - \r\n\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
