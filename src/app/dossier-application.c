/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication parent_instance;

  GFile *comparison;   /* --comparison FILE, shown once the window is up */
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

/**
 * dossier_application_setup_i18n:
 *
 * Sets the locale and binds the message catalogue: the installed one, or
 * the one `DOSSIER_LOCALEDIR` names (tests and `make run` use the
 * catalogues built in the build tree). Call before GTK is initialised.
 */
void
dossier_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("DOSSIER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static DossierWindow *
ensure_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (dossier_window_new (self));

  return DOSSIER_WINDOW (window);
}

static gboolean
has_suffix (GFile      *file,
            const char *suffix)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, suffix);
}

static void
dossier_application_activate (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  DossierWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (self->comparison != NULL)
    {
      g_autoptr(GFile) comparison = g_steal_pointer (&self->comparison);
      dossier_window_open_comparison (window, comparison);
    }
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierWindow *window = ensure_window (DOSSIER_APPLICATION (app));

  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  /* Opening files (command line, file manager): memos open in the memo
   * page, comparisons in the comparison view, anything else is imported
   * into the library. */
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    {
      if (has_suffix (files[i], ".dossier-memo"))
        dossier_window_open_memo (window, files[i]);
      else if (has_suffix (files[i], ".dossier-comparison") || g_strcmp0 (hint, "comparison") == 0)
        dossier_window_open_comparison (window, files[i]);
      else
        g_ptr_array_add (articles, files[i]);
    }
  if (articles->len > 0)
    dossier_window_import_files (window, (GFile **) articles->pdata, articles->len);
}

static int
dossier_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autofree char *comparison = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Dossier %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "comparison", "^ay", &comparison))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (comparison);

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* A running instance shows it; else this one does at activation. */
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, &file, 1, "comparison");
          return 0;
        }
      g_set_object (&self->comparison, file);
    }
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Dossier developers", NULL };
  GtkApplication *app = user_data;

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Dossier"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Dossier developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Dossier developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Read, compare and brief on policy articles"),
                         "website", "https://github.com/dossier/dossier",
                         "issue-url", "https://github.com/dossier/dossier/issues",
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing the windows lets each ask about an unsaved memo; the
   * application ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
dossier_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  g_clear_object (&self->comparison);
  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_application_finalize;

  app_class->activate = dossier_application_activate;
  app_class->startup = dossier_application_startup;
  app_class->open = dossier_application_open;
  app_class->handle_local_options = dossier_application_handle_local_options;
}

static void
dossier_application_init (DossierApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "comparison", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open a saved comparison"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read, compare and brief on policy articles. "
                                              "Articles given are imported into the library; "
                                              "memos (.dossier-memo) are opened."));
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
