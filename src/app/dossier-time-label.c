/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-time-label"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "dossier-time-label.h"

/*
 * When something happened, as GNOME Files says it: "Today at 12:23",
 * "Yesterday at 09:05", "Monday at 17:40", "March 4 at 08:00", "March 4,
 * 2025 at 08:00" — in the local time zone, with the clock the desktop
 * is set to (24 or 12 hours).
 */

static gint64
days_between (GDateTime *earlier,
              GDateTime *later)
{
  int y1, m1, d1, y2, m2, d2;
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;

  g_date_time_get_ymd (earlier, &y1, &m1, &d1);
  g_date_time_get_ymd (later, &y2, &m2, &d2);
  a = g_date_new_dmy (d1, m1, y1);
  b = g_date_new_dmy (d2, m2, y2);
  return (gint64) g_date_get_julian (b) - (gint64) g_date_get_julian (a);
}

/**
 * dossier_time_label_format:
 * @when: the time to name
 * @now: the time it is
 * @twelve_hour: a 12-hour clock ("12:23 PM") rather than 24 hours
 *
 * Returns: (transfer full): @when in words relative to @now, in the
 *   local time zone
 */
char *
dossier_time_label_format (GDateTime *when,
                           GDateTime *now,
                           gboolean   twelve_hour)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  gint64 days;

  g_return_val_if_fail (when != NULL && now != NULL, NULL);

  local = g_date_time_to_local (when);
  local_now = g_date_time_to_local (now);
  /* TRANSLATORS: a time of day, see strftime(3); "%-l:%M %p" is "2:05 PM" */
  time = g_date_time_format (local, twelve_hour ? _("%-l:%M %p") : _("%H:%M"));
  g_strstrip (time);
  days = days_between (local, local_now);

  if (days == 0)
    /* TRANSLATORS: %s is a time of day */
    return g_strdup_printf (_("Today at %s"), time);
  if (days == 1)
    /* TRANSLATORS: %s is a time of day */
    return g_strdup_printf (_("Yesterday at %s"), time);
  if (days > 1 && days < 7)
    day = g_date_time_format (local, "%A");
  else if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* TRANSLATORS: a day of this year, see strftime(3): "March 4" */
    day = g_date_time_format (local, _("%B %-d"));
  else
    /* TRANSLATORS: a day of another year, see strftime(3): "March 4, 2025" */
    day = g_date_time_format (local, _("%B %-d, %Y"));

  /* TRANSLATORS: a day ("Monday", "March 4") and a time of day */
  return g_strdup_printf (_("%s at %s"), day, time);
}

/**
 * dossier_time_label_format_now:
 * @when: the time to name
 *
 * dossier_time_label_format() relative to now, with the desktop's clock
 * format (org.gnome.desktop.interface clock-format, where installed).
 *
 * Returns: (transfer full): @when in words
 */
char *
dossier_time_label_format_now (GDateTime *when)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean twelve_hour = FALSE;

  g_return_val_if_fail (when != NULL, NULL);

  schema = source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autoptr(GSettings) settings = g_settings_new ("org.gnome.desktop.interface");
      g_autofree char *format = g_settings_get_string (settings, "clock-format");

      twelve_hour = g_strcmp0 (format, "12h") == 0;
    }
  return dossier_time_label_format (when, now, twelve_hour);
}
