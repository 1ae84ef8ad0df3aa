/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-document-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-document-row.h"

/* One document in the library sidebar: title, authors, publisher and date. */
struct _DossierDocumentRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *authors_label;
  GtkLabel *meta_label;
  GtkLabel *reference_label;
  GtkLabel *snippet_label;

  DossierDocument *document;
  gulong notify_handler;
  gboolean full;
};

G_DEFINE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FULL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_short_date (const char *iso)
{
  guint year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return NULL;
  /* Translators: a date in the library list, see strftime(3): "Apr 12, 2024" */
  return g_date_time_format (date, _("%b %-d, %Y"));
}

static void
update (DossierDocumentRow *self)
{
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;
  const char *publisher = NULL;
  const char *title = NULL;
  gboolean reference = FALSE;

  if (self->document != NULL)
    {
      title = dossier_document_get_title (self->document);
      authors = dossier_document_dup_author_names (self->document);
      publisher = dossier_document_get_publisher (self->document);
      date = format_short_date (dossier_document_get_published (self->document));
      reference = dossier_document_get_reference_only (self->document);
    }

  if (publisher != NULL && *publisher != '\0' && date != NULL)
    meta = g_strdup_printf ("%s · %s", publisher, date);
  else if (publisher != NULL && *publisher != '\0')
    meta = g_strdup (publisher);
  else
    meta = g_strdup (date);

  gtk_label_set_text (self->title_label, title ?: _("Untitled"));
  gtk_label_set_text (self->authors_label, authors ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->authors_label), authors != NULL);
  gtk_label_set_text (self->meta_label, meta ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_label), reference);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->meta_label)), meta != NULL || reference);

  accessible = g_strjoin (", ", title ?: _("Untitled"), authors ?: "", meta ?: "",
                          /* Translators: read out after a library entry without text */
                          reference ? _("reference without text") : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
dossier_document_row_dispose (GObject *object)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->notify_handler, self->document);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENT_ROW);

  G_OBJECT_CLASS (dossier_document_row_parent_class)->dispose (object);
}

static void
dossier_document_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FULL:
      g_value_set_boolean (value, self->full);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_document_row_set_document (self, g_value_get_object (value));
      break;
    case PROP_FULL:
      dossier_document_row_set_full (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_row_class_init (DossierDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_document_row_dispose;
  object_class->get_property = dossier_document_row_get_property;
  object_class->set_property = dossier_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierDocumentRow:full:
   *
   * Whether every line is shown, however long (where the analyst picks
   * one article among versions whose titles differ only at the end),
   * rather than the title's first lines as in the library list.
   */
  properties[PROP_FULL] =
    g_param_spec_boolean ("full", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, box);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, authors_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, snippet_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossierdocumentrow");
}

static void
dossier_document_row_init (DossierDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_document_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT_ROW, NULL);
}

DossierDocument *
dossier_document_row_get_document (DossierDocumentRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

void
dossier_document_row_set_document (DossierDocumentRow *self,
                                   DossierDocument    *document)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_ROW (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->notify_handler, self->document);
  g_set_object (&self->document, document);
  /* Metadata edits show up at once. */
  if (document != NULL)
    self->notify_handler = g_signal_connect_object (document, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * dossier_document_row_set_snippet:
 * @snippet: (nullable): plain text in which the matched words stand between
 *   @mark_start and @mark_end, or %NULL to hide the snippet
 *
 * Shows where a search matched the document's text.
 */
void
dossier_document_row_set_snippet (DossierDocumentRow *self,
                                  const char         *snippet,
                                  const char         *mark_start,
                                  const char         *mark_end)
{
  g_autoptr(GString) markup = NULL;
  const char *p;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_ROW (self));

  if (snippet == NULL || *snippet == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);
      return;
    }

  /* Document text goes into markup escaped; only our <b> is markup. */
  markup = g_string_new (NULL);
  p = snippet;
  while (*p != '\0')
    {
      const char *start = strstr (p, mark_start);
      const char *end = start ? strstr (start + strlen (mark_start), mark_end) : NULL;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start == NULL || end == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }
      before = g_markup_escape_text (p, start - p);
      match = g_markup_escape_text (start + strlen (mark_start), end - start - strlen (mark_start));
      g_string_append_printf (markup, "%s<b>%s</b>", before, match);
      p = end + strlen (mark_end);
    }

  gtk_label_set_markup (self->snippet_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), TRUE);
}

void
dossier_document_row_set_full (DossierDocumentRow *self,
                               gboolean            full)
{
  GtkLabel *labels[] = { self->title_label, self->authors_label, self->meta_label };

  g_return_if_fail (DOSSIER_IS_DOCUMENT_ROW (self));

  full = !!full;
  if (self->full == full)
    return;
  self->full = full;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (full)
        {
          gtk_label_set_wrap (labels[i], TRUE);
          gtk_label_set_wrap_mode (labels[i], PANGO_WRAP_WORD_CHAR);
        }
      gtk_label_set_ellipsize (labels[i], full ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (labels[i], full ? -1 : labels[i] == self->title_label ? 3 : -1);
      if (!full && labels[i] != self->title_label)
        gtk_label_set_wrap (labels[i], FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL]);
}
