/* ob-window-figures.c: what the window does with figures: present them, export, copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-export-dialog.h"
#include "ob-presentation.h"
#include "ob-window-private.h"

typedef struct
{
  GPtrArray *pages;
  ObAnalysisPage *current;
  guint index;
} Collect;

static void
collect_figure (ObWindow       *self,
                ObWindowEntry  *entry,
                ObAnalysisPage *page,
                const char     *title,
                gpointer        user_data)
{
  Collect *collect = user_data;

  if (!ob_analysis_page_has_figure (page))
    return;
  if (page == collect->current)
    collect->index = collect->pages->len;
  g_object_set_data_full (G_OBJECT (page), "ob-presentation-title", g_strdup (title), g_free);
  g_ptr_array_add (collect->pages, page);
}

static ObAnalysisPage *
current_analysis (ObWindow *self)
{
  return ob_window_row_get_analysis (gtk_list_box_get_selected_row (self->sidebar_list));
}

GtkWidget *
ob_window_present_figures (ObWindow *self)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  Collect collect = { pages, current_analysis (self), 0 };
  GtkWidget *presentation;

  ob_window_foreach_analysis (self, collect_figure, &collect);
  if (pages->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("There is no figure to present yet")));
      return NULL;
    }
  presentation = ob_presentation_new (GTK_WINDOW (self), pages, collect.index);
  gtk_window_present (GTK_WINDOW (presentation));
  return presentation;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ob_window_present_figures (OB_WINDOW (widget));
}

static void
export_figure_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObAnalysisPage *page = current_analysis (self);

  if (page == NULL || !ob_analysis_page_has_figure (page))
    return;
  gtk_window_present (GTK_WINDOW (ob_export_dialog_new (GTK_WINDOW (self), page)));
}

static void
copy_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObWindow *self = OB_WINDOW (widget);
  ObAnalysisPage *page = current_analysis (self);
  g_autoptr(GError) error = NULL;
  ObPlotStyle style;
  double width, height, dpi;

  if (page == NULL || !ob_analysis_page_has_figure (page))
    return;
  ob_analysis_page_get_figure_size (page, &width, &height, &dpi);
  ob_export_style_from_settings (&style);
  if (!ob_export_copy_figure (page, gtk_widget_get_clipboard (widget), width, height, dpi,
                              &style, &error))
    ob_window_show_error (self, _("Could Not Copy the Figure"), error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Figure copied as PNG and SVG")));
}

void
ob_window_update_figure_actions (ObWindow *self)
{
  ObAnalysisPage *page = current_analysis (self);
  gboolean has_figure = page != NULL && ob_analysis_page_has_figure (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-figure", page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-figure", page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present",
                                 has_figure || (self->entries != NULL && self->entries->len > 0));
}

void
ob_window_class_init_figures (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-figure", NULL,
                                   export_figure_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", NULL, copy_figure_action);
}
