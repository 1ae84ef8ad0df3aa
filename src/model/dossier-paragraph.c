/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-paragraph"

#include "dossier-paragraph.h"
#include "dossier-model-enums.h"
#include "dossier-util.h"

/**
 * DossierParagraph:
 *
 * A block of an article's body: its clean text (footnote markers removed)
 * and, for each marker, the note number and the code-point offset where it
 * stood, so views can put superscripts back in the right place.
 *
 * A quote paragraph (%DOSSIER_PARAGRAPH_QUOTE) may carry the attribution
 * the markup gave it ("Kim Jong-un" from a `<footer>` or `<cite>`), kept
 * apart from the text so citations can name the person quoted.
 *
 * A paragraph from a paginated source knows the physical page it starts
 * on (1-based; 0 when the source has no pages), the label the document
 * prints for that page when it is not the page's number, and where each
 * further page begins when it runs onto the next.
 */
struct _DossierParagraph
{
  GObject parent_instance;

  char *text;
  DossierParagraphKind kind;
  char *attribution;
  GArray *refs;
  guint page;
  char *page_label;
  GArray *page_breaks;  /* DossierPageBreak, by offset; NULL while empty */
};

G_DEFINE_FINAL_TYPE (DossierParagraph, dossier_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_ATTRIBUTION,
  PROP_PAGE,
  PROP_PAGE_LABEL,
  N_PROPS
};

enum {
  REFS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
dossier_paragraph_finalize (GObject *object)
{
  DossierParagraph *self = (DossierParagraph *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->page_label, g_free);
  g_clear_pointer (&self->page_breaks, g_array_unref);

  G_OBJECT_CLASS (dossier_paragraph_parent_class)->finalize (object);
}

static void
dossier_paragraph_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierParagraph *self = DOSSIER_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ATTRIBUTION:
      g_value_set_string (value, self->attribution);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_PAGE_LABEL:
      g_value_set_string (value, self->page_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_paragraph_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierParagraph *self = DOSSIER_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dossier_paragraph_set_text (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      dossier_paragraph_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_ATTRIBUTION:
      dossier_paragraph_set_attribution (self, g_value_get_string (value));
      break;
    case PROP_PAGE:
      dossier_paragraph_set_page (self, g_value_get_uint (value));
      break;
    case PROP_PAGE_LABEL:
      dossier_paragraph_set_page_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_paragraph_class_init (DossierParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_paragraph_finalize;
  object_class->get_property = dossier_paragraph_get_property;
  object_class->set_property = dossier_paragraph_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL,
                                             DOSSIER_TYPE_PARAGRAPH_KIND,
                                             DOSSIER_PARAGRAPH_BODY, flags);
  /**
   * DossierParagraph:attribution: (nullable)
   *
   * Who said a quote paragraph's words, as the article credits them
   * ("Choi Min-jun, Minister of Unification"), or %NULL.
   */
  properties[PROP_ATTRIBUTION] = g_param_spec_string ("attribution", NULL, NULL, NULL, flags);
  /**
   * DossierParagraph:page:
   *
   * The physical page (1-based) the paragraph starts on in a paginated
   * source such as a PDF, or 0 when the source has no pages.
   */
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * DossierParagraph:page-label: (nullable)
   *
   * The label the document prints for #DossierParagraph:page ("xii",
   * "A-3", "12" on the 14th sheet), or %NULL when it is the page's number.
   */
  properties[PROP_PAGE_LABEL] = g_param_spec_string ("page-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierParagraph::refs-changed:
   *
   * Emitted when footnote references are added or cleared.
   */
  signals[REFS_CHANGED] = g_signal_new ("refs-changed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
dossier_paragraph_init (DossierParagraph *self)
{
  self->text = g_strdup ("");
  self->refs = g_array_new (FALSE, FALSE, sizeof (DossierFootnoteRef));
}

DossierParagraph *
dossier_paragraph_new (const char *text)
{
  return g_object_new (DOSSIER_TYPE_PARAGRAPH, "text", text ? text : "", NULL);
}

const char *
dossier_paragraph_get_text (DossierParagraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), NULL);
  return self->text;
}

void
dossier_paragraph_set_text (DossierParagraph *self,
                            const char       *text)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (dossier_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

DossierParagraphKind
dossier_paragraph_get_kind (DossierParagraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), DOSSIER_PARAGRAPH_BODY);
  return self->kind;
}

void
dossier_paragraph_set_kind (DossierParagraph     *self,
                            DossierParagraphKind  kind)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * dossier_paragraph_get_attribution:
 *
 * Returns: (nullable): who the quoted words are credited to, or %NULL
 */
const char *
dossier_paragraph_get_attribution (DossierParagraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), NULL);
  return self->attribution;
}

/**
 * dossier_paragraph_set_attribution:
 * @attribution: (nullable): a name, or %NULL (an empty string counts as %NULL)
 */
void
dossier_paragraph_set_attribution (DossierParagraph *self,
                                   const char       *attribution)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (attribution != NULL && *attribution == '\0')
    attribution = NULL;
  if (dossier_set_str (&self->attribution, attribution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTION]);
}

/**
 * dossier_paragraph_get_refs:
 * @n_refs: (out): the number of references
 *
 * Returns: (transfer none) (array length=n_refs): the references in the order
 *   they were added (importers add them in reading order)
 */
const DossierFootnoteRef *
dossier_paragraph_get_refs (DossierParagraph *self,
                            guint            *n_refs)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), NULL);
  g_return_val_if_fail (n_refs != NULL, NULL);

  *n_refs = self->refs->len;
  return (const DossierFootnoteRef *)(gpointer)self->refs->data;
}

void
dossier_paragraph_add_ref (DossierParagraph *self,
                           guint             number,
                           guint             offset)
{
  DossierFootnoteRef ref = { number, offset };

  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  g_array_append_val (self->refs, ref);
  g_signal_emit (self, signals[REFS_CHANGED], 0);
}

void
dossier_paragraph_clear_refs (DossierParagraph *self)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (self->refs->len == 0)
    return;

  g_array_set_size (self->refs, 0);
  g_signal_emit (self, signals[REFS_CHANGED], 0);
}

gboolean
dossier_paragraph_references (DossierParagraph *self,
                              guint             number)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), FALSE);

  for (guint i = 0; i < self->refs->len; i++)
    if (g_array_index (self->refs, DossierFootnoteRef, i).number == number)
      return TRUE;

  return FALSE;
}

/**
 * dossier_paragraph_get_page:
 *
 * Returns: the physical page (1-based) the paragraph starts on, or 0 when
 *   its source has no pages
 */
guint
dossier_paragraph_get_page (DossierParagraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), 0);
  return self->page;
}

void
dossier_paragraph_set_page (DossierParagraph *self,
                            guint             page)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (self->page == page)
    return;

  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * dossier_paragraph_get_page_label:
 *
 * Returns: (nullable): the printed label of the paragraph's first page,
 *   or %NULL when it is the page's number
 */
const char *
dossier_paragraph_get_page_label (DossierParagraph *self)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), NULL);
  return self->page_label;
}

/**
 * dossier_paragraph_set_page_label:
 * @label: (nullable): a label, or %NULL (an empty string counts as %NULL)
 */
void
dossier_paragraph_set_page_label (DossierParagraph *self,
                                  const char       *label)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (label != NULL && *label == '\0')
    label = NULL;
  if (dossier_set_str (&self->page_label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_LABEL]);
}

static void
clear_page_break (gpointer data)
{
  DossierPageBreak *page_break = data;

  g_clear_pointer (&page_break->label, g_free);
}

/**
 * dossier_paragraph_get_page_breaks:
 * @n_breaks: (out): the number of page breaks
 *
 * Returns: (transfer none) (array length=n_breaks) (nullable): where each
 *   page after the first begins, by offset, or %NULL when the paragraph
 *   lies on one page
 */
const DossierPageBreak *
dossier_paragraph_get_page_breaks (DossierParagraph *self,
                                   guint            *n_breaks)
{
  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), NULL);
  g_return_val_if_fail (n_breaks != NULL, NULL);

  if (self->page_breaks == NULL)
    {
      *n_breaks = 0;
      return NULL;
    }

  *n_breaks = self->page_breaks->len;
  return (const DossierPageBreak *)(gpointer)self->page_breaks->data;
}

/**
 * dossier_paragraph_add_page_break:
 * @offset: the code point where @page begins
 * @page: the physical page (1-based)
 * @label: (nullable): its printed label, or %NULL when it is its number
 *
 * Records that the text from @offset on lies on @page. Breaks are added
 * in the order of the text.
 */
void
dossier_paragraph_add_page_break (DossierParagraph *self,
                                  guint             offset,
                                  guint             page,
                                  const char       *label)
{
  DossierPageBreak page_break = { offset, page, NULL };

  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  if (self->page_breaks == NULL)
    {
      self->page_breaks = g_array_new (FALSE, FALSE, sizeof (DossierPageBreak));
      g_array_set_clear_func (self->page_breaks, clear_page_break);
    }

  page_break.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  g_array_append_val (self->page_breaks, page_break);
}

void
dossier_paragraph_clear_page_breaks (DossierParagraph *self)
{
  g_return_if_fail (DOSSIER_IS_PARAGRAPH (self));

  g_clear_pointer (&self->page_breaks, g_array_unref);
}

/**
 * dossier_paragraph_get_page_at:
 * @offset: a code point offset into the text
 * @label: (out) (optional) (transfer none) (nullable): the page's label,
 *   %NULL when it is its number
 *
 * Returns: the physical page (1-based) the text at @offset lies on, or 0
 *   when the paragraph has no page
 */
guint
dossier_paragraph_get_page_at (DossierParagraph  *self,
                               guint              offset,
                               const char       **label)
{
  guint page;
  const char *page_label;

  g_return_val_if_fail (DOSSIER_IS_PARAGRAPH (self), 0);

  page = self->page;
  page_label = self->page_label;
  for (guint i = 0; self->page_breaks != NULL && i < self->page_breaks->len; i++)
    {
      const DossierPageBreak *page_break = &g_array_index (self->page_breaks, DossierPageBreak, i);

      if (page_break->offset > offset)
        break;
      page = page_break->page;
      page_label = page_break->label;
    }

  if (label != NULL)
    *label = page != 0 ? page_label : NULL;
  return page;
}
