/* ob-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-window.h"

struct _ObWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar *header_bar;
  AdwToastOverlay *toast_overlay;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (ObWindow, ob_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ob_window_class_init (ObWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/oncobench/Oncobench/ob-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ObWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ObWindow, empty_page);
}

static void
ob_window_init (ObWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ObWindow *
ob_window_new (AdwApplication *application)
{
  return g_object_new (OB_TYPE_WINDOW, "application", application, NULL);
}
