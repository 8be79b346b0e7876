/* ob-plot-view.h: a widget that shows a figure drawn by a Cairo renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OB_TYPE_PLOT_VIEW (ob_plot_view_get_type ())
G_DECLARE_FINAL_TYPE (ObPlotView, ob_plot_view, OB, PLOT_VIEW, GtkWidget)

/* Draws the figure in points on @cr, which spans width × height (the widget size). */
typedef void  (*ObPlotViewDrawFunc)    (cairo_t  *cr,
                                        double    width,
                                        double    height,
                                        gpointer  user_data);
/* Pango markup describing what lies under (x, y), or NULL for nothing. */
typedef char *(*ObPlotViewTooltipFunc) (double    x,
                                        double    y,
                                        double    width,
                                        double    height,
                                        gpointer  user_data);

GtkWidget *ob_plot_view_new              (void);
void       ob_plot_view_set_draw_func    (ObPlotView            *self,
                                          ObPlotViewDrawFunc     func,
                                          gpointer               user_data,
                                          GDestroyNotify         destroy);
void       ob_plot_view_set_tooltip_func (ObPlotView            *self,
                                          ObPlotViewTooltipFunc  func,
                                          gpointer               user_data,
                                          GDestroyNotify         destroy);
/* The tooltip markup for a point, as shown on hover; NULL where there is nothing. */
char      *ob_plot_view_query_at         (ObPlotView            *self,
                                          double                 x,
                                          double                 y);

G_END_DECLS
