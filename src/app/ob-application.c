/* ob-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-application.h"
#include "ob-autosave.h"
#include "ob-preferences.h"
#include "ob-window.h"

struct _ObApplication
{
  AdwApplication parent_instance;

  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (ObApplication, ob_application, ADW_TYPE_APPLICATION)

static ObWindow *
get_window (ObApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ob_window_new (ADW_APPLICATION (self)));
  return OB_WINDOW (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ObApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Oncobench"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Oncobench developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Survival curves, ELISA standard curves and tumour growth, "
                                      "computed as R computes them and drawn for publication."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Each window closes as if its close button were pressed, so unsaved work is asked about;
 * the application ends with its last window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Once per run, at the first window: work a crash left behind. */
static void
offer_recovery (ObApplication *self,
                ObWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  ob_autosave_offer_recovery (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *preferences = ob_preferences_new (parent);

  if (preferences != NULL)
    gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

static void
ob_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.rename-analysis", { "F2", NULL } },
    { "win.duplicate-analysis", { "<Control>d", NULL } },
    { "win.delete-analysis", { "<Control>Delete", NULL } },
    { "win.new-survival", { "<Control><Shift>n", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.export-figure", { "<Control>e", NULL } },
    { "win.copy-figure", { "<Control><Shift>c", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (ob_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
ob_application_activate (GApplication *app)
{
  ObWindow *window = get_window (OB_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (OB_APPLICATION (app), window);
}

static void
ob_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  ObWindow *window = get_window (OB_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    ob_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (OB_APPLICATION (app), window);
}

static void
ob_application_class_init (ObApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ob_application_startup;
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
                       "resource-base-path", "/io/github/oncobench/Oncobench",
                       NULL);
}
