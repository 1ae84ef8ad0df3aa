/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window.h"

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-window.ui");
}

static void
dossier_window_init (DossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Window geometry is state the user expects us to remember. */
  self->settings = g_settings_new ("io.github.dossier.Dossier");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}
