/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-layout-document"

#include "config.h"

#include <string.h>

#include "dossier-layout-document.h"
#include "dossier-util.h"

/* A hostile memo must not make Pango shape megabytes in one paragraph
 * nor a header block taller than the page. */
#define MAX_BLOCK_TEXT   (256 * 1024)
#define MAX_HEADER_VALUE 600

/**
 * DossierLayoutDocument:
 *
 * What the PDF layout engine lays out: a neutral description of a memo
 * (handling marking, header fields, blocks of styled runs and numbered
 * footnotes) with no GTK and no memo file format in it, so the engine can
 * be tested on documents built in code and fed by any source.
 *
 * Build it on one thread and then only read it; dossier_layout_document_copy()
 * hands a private copy to a worker thread.
 */
struct _DossierLayoutBlock
{
  DossierLayoutBlockKind kind;
  guint level;
  guint number;
  gboolean numbered;
  GString *text;
  GArray *runs;          /* DossierLayoutRun */
  char *attribution;
  char **choices;
};

typedef struct {
  char *label;
  char *value;
} HeaderField;

struct _DossierLayoutDocument
{
  GObject parent_instance;

  char *marking;
  char *language;
  char *title;
  char *author;
  char *subject;
  char *heading_line;
  GArray *fields;        /* HeaderField */
  GPtrArray *blocks;     /* DossierLayoutBlock */
  GPtrArray *notes;      /* DossierLayoutBlock of kind NOTE */
};

G_DEFINE_FINAL_TYPE (DossierLayoutDocument, dossier_layout_document, G_TYPE_OBJECT)

static void
run_clear (gpointer data)
{
  DossierLayoutRun *run = data;

  g_clear_pointer (&run->uri, g_free);
}

static void
header_field_clear (gpointer data)
{
  HeaderField *field = data;

  g_clear_pointer (&field->label, g_free);
  g_clear_pointer (&field->value, g_free);
}

static DossierLayoutBlock *
block_new (DossierLayoutBlockKind kind)
{
  DossierLayoutBlock *block = g_new0 (DossierLayoutBlock, 1);

  block->kind = kind;
  block->text = g_string_new (NULL);
  block->runs = g_array_new (FALSE, TRUE, sizeof (DossierLayoutRun));
  g_array_set_clear_func (block->runs, run_clear);
  return block;
}

static void
block_free (gpointer data)
{
  DossierLayoutBlock *block = data;

  g_string_free (block->text, TRUE);
  g_array_unref (block->runs);
  g_free (block->attribution);
  g_strfreev (block->choices);
  g_free (block);
}

static DossierLayoutBlock *
block_copy (const DossierLayoutBlock *block)
{
  DossierLayoutBlock *copy = block_new (block->kind);

  copy->level = block->level;
  copy->number = block->number;
  copy->numbered = block->numbered;
  g_string_append_len (copy->text, block->text->str, block->text->len);
  for (guint i = 0; i < block->runs->len; i++)
    {
      DossierLayoutRun run = g_array_index (block->runs, DossierLayoutRun, i);

      run.uri = g_strdup (run.uri);
      g_array_append_val (copy->runs, run);
    }
  copy->attribution = g_strdup (block->attribution);
  copy->choices = g_strdupv (block->choices);
  return copy;
}

static void
dossier_layout_document_finalize (GObject *object)
{
  DossierLayoutDocument *self = (DossierLayoutDocument *)object;

  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->heading_line, g_free);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_layout_document_parent_class)->finalize (object);
}

static void
dossier_layout_document_class_init (DossierLayoutDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_layout_document_finalize;
}

static void
dossier_layout_document_init (DossierLayoutDocument *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (HeaderField));
  g_array_set_clear_func (self->fields, header_field_clear);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->notes = g_ptr_array_new_with_free_func (block_free);
}

DossierLayoutDocument *
dossier_layout_document_new (void)
{
  return g_object_new (DOSSIER_TYPE_LAYOUT_DOCUMENT, NULL);
}

/**
 * dossier_layout_document_copy:
 * @self: a layout document
 *
 * A deep copy, for handing the document to a thread while the caller
 * goes on editing its own.
 *
 * Returns: (transfer full): the copy
 */
DossierLayoutDocument *
dossier_layout_document_copy (DossierLayoutDocument *self)
{
  DossierLayoutDocument *copy;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  copy = dossier_layout_document_new ();
  copy->marking = g_strdup (self->marking);
  copy->language = g_strdup (self->language);
  copy->title = g_strdup (self->title);
  copy->author = g_strdup (self->author);
  copy->subject = g_strdup (self->subject);
  copy->heading_line = g_strdup (self->heading_line);
  for (guint i = 0; i < self->fields->len; i++)
    {
      const HeaderField *field = &g_array_index (self->fields, HeaderField, i);
      HeaderField field_copy = { g_strdup (field->label), g_strdup (field->value) };

      g_array_append_val (copy->fields, field_copy);
    }
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (copy->blocks, block_copy (g_ptr_array_index (self->blocks, i)));
  for (guint i = 0; i < self->notes->len; i++)
    g_ptr_array_add (copy->notes, block_copy (g_ptr_array_index (self->notes, i)));

  return copy;
}

static char *
dup_bounded (const char *text,
             gsize       max)
{
  g_autofree char *head = NULL;
  const char *end;

  if (text == NULL)
    return NULL;
  if (strlen (text) <= max)
    return g_strdup (text);

  /* Cut on a character boundary. */
  end = g_utf8_find_prev_char (text, text + max + 1);
  head = g_strndup (text, end - text);
  return g_strconcat (head, "…", NULL);
}

/**
 * dossier_layout_document_set_language:
 * @self: a layout document
 * @language: (nullable): the language of the text ("en-US", "en_GB"), or
 *   %NULL for the user's locale
 *
 * Chooses the hyphenation dictionary (see #DossierHyphenator).
 */
void
dossier_layout_document_set_language (DossierLayoutDocument *self,
                                      const char            *language)
{
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));

  g_free (self->language);
  self->language = (language != NULL && *language != '\0') ? dup_bounded (language, 40) : NULL;
}

const char *
dossier_layout_document_get_language (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->language;
}

/**
 * dossier_layout_document_set_marking:
 * @self: a layout document
 * @marking: (nullable): the handling marking, e.g. "UNCLASSIFIED"
 *
 * The marking is printed centred at the top and bottom of every page.
 */
void
dossier_layout_document_set_marking (DossierLayoutDocument *self,
                                     const char            *marking)
{
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));

  g_free (self->marking);
  self->marking = (marking != NULL && *marking != '\0') ? dup_bounded (marking, 200) : NULL;
}

const char *
dossier_layout_document_get_marking (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->marking;
}

/**
 * dossier_layout_document_set_metadata:
 * @self: a layout document
 * @title: (nullable): the PDF title
 * @author: (nullable): the PDF author
 * @subject: (nullable): the PDF subject
 */
void
dossier_layout_document_set_metadata (DossierLayoutDocument *self,
                                      const char            *title,
                                      const char            *author,
                                      const char            *subject)
{
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));

  dossier_set_str (&self->title, title);
  dossier_set_str (&self->author, author);
  dossier_set_str (&self->subject, subject);
}

const char *
dossier_layout_document_get_title (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->title;
}

const char *
dossier_layout_document_get_author (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->author;
}

const char *
dossier_layout_document_get_subject (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->subject;
}

/**
 * dossier_layout_document_set_heading_line:
 * @self: a layout document
 * @line: (nullable): a title above the header fields, e.g. "INFORMATION MEMO"
 */
void
dossier_layout_document_set_heading_line (DossierLayoutDocument *self,
                                          const char            *line)
{
  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));

  g_free (self->heading_line);
  self->heading_line = (line != NULL && *line != '\0') ? dup_bounded (line, 200) : NULL;
}

const char *
dossier_layout_document_get_heading_line (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return self->heading_line;
}

/**
 * dossier_layout_document_add_header_field:
 * @self: a layout document
 * @label: the label, e.g. "MEMORANDUM FOR", "FROM", "SUBJECT"
 * @value: the value
 *
 * Adds a row to the header block printed on the first page.
 */
void
dossier_layout_document_add_header_field (DossierLayoutDocument *self,
                                          const char            *label,
                                          const char            *value)
{
  HeaderField field;

  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));
  g_return_if_fail (label != NULL);

  if (self->fields->len >= 16)
    return;

  field.label = dup_bounded (label, 60);
  field.value = dup_bounded (value != NULL ? value : "", MAX_HEADER_VALUE);
  g_array_append_val (self->fields, field);
}

guint
dossier_layout_document_get_n_header_fields (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), 0);
  return self->fields->len;
}

void
dossier_layout_document_get_header_field (DossierLayoutDocument *self,
                                          guint                  index,
                                          const char           **label,
                                          const char           **value)
{
  const HeaderField *field;

  g_return_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self));
  g_return_if_fail (index < self->fields->len);

  field = &g_array_index (self->fields, HeaderField, index);
  if (label != NULL)
    *label = field->label;
  if (value != NULL)
    *value = field->value;
}

static DossierLayoutBlock *
add_block (DossierLayoutDocument  *self,
           DossierLayoutBlockKind  kind)
{
  DossierLayoutBlock *block = block_new (kind);

  g_ptr_array_add (self->blocks, block);
  return block;
}

/**
 * dossier_layout_document_add_heading:
 * @self: a layout document
 * @level: 1 for a section, 2 for a subsection…
 * @numbered: whether the layout numbers it ("2.", "2.1.")
 *
 * Returns: (transfer none): the new heading; add its text with
 *   dossier_layout_block_add_text()
 */
DossierLayoutBlock *
dossier_layout_document_add_heading (DossierLayoutDocument *self,
                                     guint                  level,
                                     gboolean               numbered)
{
  DossierLayoutBlock *block;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  block = add_block (self, DOSSIER_LAYOUT_BLOCK_HEADING);
  block->level = CLAMP (level, 1, 3);
  block->numbered = numbered;
  return block;
}

/**
 * dossier_layout_document_add_paragraph:
 * @self: a layout document
 *
 * Returns: (transfer none): the new, empty paragraph
 */
DossierLayoutBlock *
dossier_layout_document_add_paragraph (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  return add_block (self, DOSSIER_LAYOUT_BLOCK_PARAGRAPH);
}

/**
 * dossier_layout_document_add_bullet:
 * @self: a layout document
 * @level: nesting, 1 for a top-level item
 *
 * Consecutive bullets form one list.
 *
 * Returns: (transfer none): the new, empty list item
 */
DossierLayoutBlock *
dossier_layout_document_add_bullet (DossierLayoutDocument *self,
                                    guint                  level)
{
  DossierLayoutBlock *block;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  block = add_block (self, DOSSIER_LAYOUT_BLOCK_BULLET);
  block->level = CLAMP (level, 1, 3);
  return block;
}

/**
 * dossier_layout_document_add_quote:
 * @self: a layout document
 * @attribution: (nullable): who said it, printed under the quotation
 *
 * Returns: (transfer none): the new, empty block quotation
 */
DossierLayoutBlock *
dossier_layout_document_add_quote (DossierLayoutDocument *self,
                                   const char            *attribution)
{
  DossierLayoutBlock *block;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  block = add_block (self, DOSSIER_LAYOUT_BLOCK_QUOTE);
  if (attribution != NULL && *attribution != '\0')
    block->attribution = dup_bounded (attribution, 1000);
  return block;
}

/**
 * dossier_layout_document_add_decision:
 * @self: a layout document
 * @choices: (nullable) (array zero-terminated=1): the labels, by
 *   default "Approve" and "Disapprove"
 *
 * Adds the line on which the principal marks a decision; it is kept on
 * the page of the paragraph before it.
 *
 * Returns: (transfer none): the decision line
 */
DossierLayoutBlock *
dossier_layout_document_add_decision (DossierLayoutDocument *self,
                                      const char * const    *choices)
{
  DossierLayoutBlock *block;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  block = add_block (self, DOSSIER_LAYOUT_BLOCK_DECISION);
  if (choices != NULL && choices[0] != NULL)
    block->choices = g_strdupv ((char **)choices);
  else
    {
      const char *defaults[] = { "Approve", "Disapprove", NULL };

      block->choices = g_strdupv ((char **)defaults);
    }
  return block;
}

/**
 * dossier_layout_document_add_note:
 * @self: a layout document
 * @number: the note number that dossier_layout_block_add_note_ref() refers to
 *
 * Returns: (transfer none): the new, empty footnote
 */
DossierLayoutBlock *
dossier_layout_document_add_note (DossierLayoutDocument *self,
                                  guint                  number)
{
  DossierLayoutBlock *block;

  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);

  block = block_new (DOSSIER_LAYOUT_BLOCK_NOTE);
  block->number = number;
  g_ptr_array_add (self->notes, block);
  return block;
}

guint
dossier_layout_document_get_n_blocks (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), 0);
  return self->blocks->len;
}

/**
 * dossier_layout_document_get_block:
 * @self: a layout document
 * @index: the index of a block
 *
 * Returns: (transfer none): the block
 */
DossierLayoutBlock *
dossier_layout_document_get_block (DossierLayoutDocument *self,
                                   guint                  index)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

guint
dossier_layout_document_get_n_notes (DossierLayoutDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), 0);
  return self->notes->len;
}

/**
 * dossier_layout_document_get_note:
 * @self: a layout document
 * @index: the index of a note (not its number)
 *
 * Returns: (transfer none): the note
 */
DossierLayoutBlock *
dossier_layout_document_get_note (DossierLayoutDocument *self,
                                  guint                  index)
{
  g_return_val_if_fail (DOSSIER_IS_LAYOUT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return g_ptr_array_index (self->notes, index);
}

static void
append_run (DossierLayoutBlock *block,
            const char         *text,
            DossierLayoutStyle  style,
            const char         *uri,
            guint               note)
{
  DossierLayoutRun run = { 0 };
  gsize length = strlen (text);
  const char *end;

  if (block->text->len >= MAX_BLOCK_TEXT || length == 0)
    return;
  if (block->text->len + length > MAX_BLOCK_TEXT)
    length = MAX_BLOCK_TEXT - block->text->len;

  /* Keep the text valid UTF-8 so Pango never sees a broken sequence. */
  g_utf8_validate_len (text, length, &end);
  length = end - text;
  if (length == 0)
    return;

  run.start = block->text->len;
  g_string_append_len (block->text, text, length);
  run.end = block->text->len;
  run.style = style;
  run.uri = (uri != NULL && *uri != '\0') ? g_strdup (uri) : NULL;
  run.note = note;
  g_array_append_val (block->runs, run);
}

/**
 * dossier_layout_block_add_text:
 * @block: a block
 * @text: UTF-8 text; newlines break the line
 * @style: bold, italic or both
 *
 * Appends a run of text.
 */
void
dossier_layout_block_add_text (DossierLayoutBlock *block,
                               const char         *text,
                               DossierLayoutStyle  style)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (text != NULL);

  append_run (block, text, style, NULL, 0);
}

/**
 * dossier_layout_block_add_link:
 * @block: a block
 * @text: the visible text
 * @uri: where the link goes
 * @style: bold, italic or both
 *
 * Appends a run that becomes a link annotation in the PDF.
 */
void
dossier_layout_block_add_link (DossierLayoutBlock *block,
                               const char         *text,
                               const char         *uri,
                               DossierLayoutStyle  style)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (text != NULL);

  append_run (block, text, style, uri, 0);
}

/**
 * dossier_layout_block_add_note_ref:
 * @block: a block
 * @number: the number of a note added with dossier_layout_document_add_note()
 *
 * Appends a superscript reference to footnote @number; the layout puts
 * the note at the foot of the page on which the reference lands.
 */
void
dossier_layout_block_add_note_ref (DossierLayoutBlock *block,
                                   guint               number)
{
  char digits[16];

  g_return_if_fail (block != NULL);
  g_return_if_fail (number > 0);

  g_snprintf (digits, sizeof digits, "%u", number);
  append_run (block, digits, DOSSIER_LAYOUT_STYLE_NONE, NULL, number);
}

DossierLayoutBlockKind
dossier_layout_block_get_kind (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, DOSSIER_LAYOUT_BLOCK_PARAGRAPH);
  return block->kind;
}

guint
dossier_layout_block_get_level (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  return block->level;
}

gboolean
dossier_layout_block_get_numbered (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, FALSE);
  return block->numbered;
}

/**
 * dossier_layout_block_get_number:
 * @block: a note
 *
 * Returns: the number of a note, 0 for other blocks
 */
guint
dossier_layout_block_get_number (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  return block->number;
}

const char *
dossier_layout_block_get_text (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->text->str;
}

const char *
dossier_layout_block_get_attribution (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->attribution;
}

const char * const *
dossier_layout_block_get_choices (const DossierLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return (const char * const *)block->choices;
}

/**
 * dossier_layout_block_get_runs:
 * @block: a block
 * @n_runs: (out): the number of runs
 *
 * Returns: (array length=n_runs) (transfer none): the runs, in text order
 */
const DossierLayoutRun *
dossier_layout_block_get_runs (const DossierLayoutBlock *block,
                               guint                    *n_runs)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (n_runs != NULL, NULL);

  *n_runs = block->runs->len;
  return (const DossierLayoutRun *)(gpointer)block->runs->data;
}
