/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-monitor.h"

/*
 * Tells when a library file may have been changed, by this process or by
 * another program (dossier-cli library add, a second window): the window's
 * article list and the reader's tags re-read it then. SQLite commits into
 * the -wal file, and the database file itself changes only at checkpoints,
 * so both are watched. ::changed comes once per burst of writes, a quarter
 * second after the first, and again every quarter second while they go on;
 * whoever re-reads finds nothing new when the write was its own.
 */

#define SETTLE_MS 250

struct _DossierLibraryMonitor
{
  GObject parent_instance;

  GFileMonitor *db_monitor;
  GFileMonitor *wal_monitor;
  guint settle_timeout;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierLibraryMonitor, dossier_library_monitor, G_TYPE_OBJECT)

static gboolean
settle_timeout_cb (gpointer data)
{
  DossierLibraryMonitor *self = data;

  self->settle_timeout = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor          *monitor,
                 GFile                 *file,
                 GFile                 *other_file,
                 GFileMonitorEvent      event,
                 DossierLibraryMonitor *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || self->settle_timeout != 0)
    return;
  self->settle_timeout = g_timeout_add (SETTLE_MS, settle_timeout_cb, self);
}

static GFileMonitor *
watch_file (DossierLibraryMonitor *self,
            const char            *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      /* Not fatal: what the library shows is re-read on other occasions
       * (focusing the window, opening an article). */
      g_debug ("Cannot watch %s: %s", path, error->message);
      return NULL;
    }
  g_signal_connect_object (monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
  return monitor;
}

static void
stop_watching (GFileMonitor **monitor)
{
  if (*monitor != NULL)
    g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

static void
dossier_library_monitor_dispose (GObject *object)
{
  DossierLibraryMonitor *self = DOSSIER_LIBRARY_MONITOR (object);

  g_clear_handle_id (&self->settle_timeout, g_source_remove);
  stop_watching (&self->db_monitor);
  stop_watching (&self->wal_monitor);

  G_OBJECT_CLASS (dossier_library_monitor_parent_class)->dispose (object);
}

static void
dossier_library_monitor_class_init (DossierLibraryMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_library_monitor_dispose;

  /**
   * DossierLibraryMonitor::changed:
   *
   * The library file or its write-ahead log was written.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_library_monitor_init (DossierLibraryMonitor *self)
{
}

/**
 * dossier_library_monitor_new:
 * @path: the library's database file
 *
 * Returns: (transfer full): a monitor of @path and its -wal file
 */
DossierLibraryMonitor *
dossier_library_monitor_new (const char *path)
{
  DossierLibraryMonitor *self;
  g_autofree char *wal = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_MONITOR, NULL);
  wal = g_strconcat (path, "-wal", NULL);
  self->db_monitor = watch_file (self, path);
  self->wal_monitor = watch_file (self, wal);
  return self;
}
