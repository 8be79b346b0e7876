/* ob-plot-view.c: a widget that shows a figure drawn by a Cairo renderer
 *
 * The same renderer draws on screen and into exported files, so what the user sees is
 * what the journal gets; this widget only supplies a Cairo context of its own size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ob-plot-view.h"

struct _ObPlotView
{
  GtkWidget parent_instance;

  ObPlotViewDrawFunc draw_func;
  gpointer draw_data;
  GDestroyNotify draw_destroy;

  ObPlotViewTooltipFunc tooltip_func;
  gpointer tooltip_data;
  GDestroyNotify tooltip_destroy;
};

G_DEFINE_FINAL_TYPE (ObPlotView, ob_plot_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_draw_func (ObPlotView *self)
{
  if (self->draw_destroy != NULL)
    self->draw_destroy (self->draw_data);
  self->draw_func = NULL;
  self->draw_data = NULL;
  self->draw_destroy = NULL;
}

static void
clear_tooltip_func (ObPlotView *self)
{
  if (self->tooltip_destroy != NULL)
    self->tooltip_destroy (self->tooltip_data);
  self->tooltip_func = NULL;
  self->tooltip_data = NULL;
  self->tooltip_destroy = NULL;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  ObPlotView *self = OB_PLOT_VIEW (widget);
  g_autofree char *markup = NULL;

  if (keyboard_mode)
    return FALSE;

  markup = ob_plot_view_query_at (self, x, y);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  /* A small area keeps the tooltip following the pointer from one step to the next. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 2, y - 2, 4, 4 });
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   ObPlotView      *self)
{
  g_signal_emit (self, signals[SIGNAL_CLICKED], 0, x, y);
}

static void
ob_plot_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ObPlotView *self = OB_PLOT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A figure is printed on paper: keep it white in the dark style too, so the colours
   * and the black text read the same as in the exported file. */
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);

  if (self->draw_func != NULL)
    {
      cairo_save (cr);
      self->draw_func (cr, width, height, self->draw_data);
      cairo_restore (cr);
    }

  cairo_destroy (cr);
}

static void
ob_plot_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  /* Below this a Kaplan–Meier plot with its at-risk table no longer has room for its text. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 520;
    }
  else
    {
      *minimum = 200;
      *natural = 460;
    }
}

static void
ob_plot_view_dispose (GObject *object)
{
  ObPlotView *self = OB_PLOT_VIEW (object);

  clear_draw_func (self);
  clear_tooltip_func (self);

  G_OBJECT_CLASS (ob_plot_view_parent_class)->dispose (object);
}

static void
ob_plot_view_class_init (ObPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ob_plot_view_dispose;
  widget_class->snapshot = ob_plot_view_snapshot;
  widget_class->measure = ob_plot_view_measure;

  /**
   * ObPlotView::clicked:
   * @x: the x coordinate in widget (and figure) units
   * @y: the y coordinate
   *
   * The primary button was released over the figure.
   */
  signals[SIGNAL_CLICKED] = g_signal_new ("clicked",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ob_plot_view_init (ObPlotView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
ob_plot_view_new (void)
{
  return g_object_new (OB_TYPE_PLOT_VIEW, NULL);
}

void
ob_plot_view_set_draw_func (ObPlotView         *self,
                            ObPlotViewDrawFunc  func,
                            gpointer            user_data,
                            GDestroyNotify      destroy)
{
  g_return_if_fail (OB_IS_PLOT_VIEW (self));

  clear_draw_func (self);
  self->draw_func = func;
  self->draw_data = user_data;
  self->draw_destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ob_plot_view_set_tooltip_func (ObPlotView            *self,
                               ObPlotViewTooltipFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  g_return_if_fail (OB_IS_PLOT_VIEW (self));

  clear_tooltip_func (self);
  self->tooltip_func = func;
  self->tooltip_data = user_data;
  self->tooltip_destroy = destroy;
}

char *
ob_plot_view_query_at (ObPlotView *self,
                       double      x,
                       double      y)
{
  int width, height;

  g_return_val_if_fail (OB_IS_PLOT_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->tooltip_func == NULL || width <= 0 || height <= 0)
    return NULL;
  if (x < 0 || y < 0 || x >= width || y >= height)
    return NULL;

  return self->tooltip_func (x, y, width, height, self->tooltip_data);
}
