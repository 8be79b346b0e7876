/* ob-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-application.h"
#include "ob-window.h"

struct _ObApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ObApplication, ob_application, ADW_TYPE_APPLICATION)

static void
ob_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ob_window_new (ADW_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ob_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  ob_application_activate (app);
}

static void
ob_application_class_init (ObApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ob_application_activate;
  app_class->open = ob_application_open;
}

static void
ob_application_init (ObApplication *self)
{
}

ObApplication *
ob_application_new (void)
{
  return g_object_new (OB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
