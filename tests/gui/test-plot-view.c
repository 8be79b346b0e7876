/* test-plot-view.c: the figure widget draws at its own size, answers hover and clicks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <adwaita.h>

#include "ob-plot-view.h"

typedef struct
{
  guint n_draws;
  double width, height;
  guint n_destroyed;
  guint n_clicks;
  double click_x, click_y;
} Probe;

static void
draw_left_half_red (cairo_t *cr,
                    double   width,
                    double   height,
                    gpointer user_data)
{
  Probe *probe = user_data;

  probe->n_draws++;
  probe->width = width;
  probe->height = height;
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
}

static char *
tooltip_left_half (double   x,
                   double   y,
                   double   width,
                   double   height,
                   gpointer user_data)
{
  if (x < width / 2)
    return g_strdup_printf ("<b>left</b> %.0f", y);
  return NULL;
}

static void
count_destroy (gpointer user_data)
{
  Probe *probe = user_data;

  probe->n_destroyed++;
}

static void
clicked_cb (ObPlotView *view,
            double      x,
            double      y,
            Probe      *probe)
{
  probe->n_clicks++;
  probe->click_x = x;
  probe->click_y = y;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_draw (Probe *probe)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (probe->n_draws == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static GtkWidget *
make_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Reads one pixel of the widget as rendered by the window's own renderer. */
static void
read_pixel (GtkWidget *widget,
            int        x,
            int        y,
            guint8     rgba[4])
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guint8 *pixels = g_malloc (4 * width * height);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, 4 * width);
  /* gdk_texture_download() writes Cairo's ARGB32, so memory order is B, G, R, A. */
  rgba[0] = pixels[4 * (y * width + x) + 2];
  rgba[1] = pixels[4 * (y * width + x) + 1];
  rgba[2] = pixels[4 * (y * width + x) + 0];
  rgba[3] = pixels[4 * (y * width + x) + 3];
}

static void
test_draw_at_widget_size (void)
{
  Probe probe = { 0 };
  GtkWidget *view = ob_plot_view_new ();
  GtkWidget *window;
  guint8 left[4], right[4];

  g_object_ref_sink (view);
  ob_plot_view_set_draw_func (OB_PLOT_VIEW (view), draw_left_half_red, &probe, count_destroy);
  window = make_window (view);
  wait_for_draw (&probe);

  g_assert_cmpfloat (probe.width, ==, gtk_widget_get_width (view));
  g_assert_cmpfloat (probe.height, ==, gtk_widget_get_height (view));
  g_assert_cmpfloat (probe.width, >=, 240);
  g_assert_cmpfloat (probe.height, >=, 200);

  read_pixel (view, probe.width / 4, probe.height / 2, left);
  read_pixel (view, 3 * probe.width / 4, probe.height / 2, right);
  g_assert_cmpuint (left[0], ==, 255);
  g_assert_cmpuint (left[1], ==, 0);
  g_assert_cmpuint (left[2], ==, 0);
  /* The figure stands on white paper whatever the style. */
  g_assert_cmpuint (right[0], ==, 255);
  g_assert_cmpuint (right[1], ==, 255);
  g_assert_cmpuint (right[2], ==, 255);

  /* Replacing the draw function releases the old data. */
  ob_plot_view_set_draw_func (OB_PLOT_VIEW (view), NULL, NULL, NULL);
  g_assert_cmpuint (probe.n_destroyed, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

static void
test_tooltip_and_click (void)
{
  Probe probe = { 0 };
  GtkWidget *view = ob_plot_view_new ();
  GtkWidget *window;
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *click = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *off_widget = NULL;

  g_object_ref_sink (view);
  ob_plot_view_set_draw_func (OB_PLOT_VIEW (view), draw_left_half_red, &probe, NULL);
  ob_plot_view_set_tooltip_func (OB_PLOT_VIEW (view), tooltip_left_half, &probe, count_destroy);
  g_signal_connect (view, "clicked", G_CALLBACK (clicked_cb), &probe);
  window = make_window (view);
  wait_for_draw (&probe);

  g_assert_true (gtk_widget_get_has_tooltip (view));
  inside = ob_plot_view_query_at (OB_PLOT_VIEW (view), 10, 42);
  outside = ob_plot_view_query_at (OB_PLOT_VIEW (view), probe.width - 10, 42);
  off_widget = ob_plot_view_query_at (OB_PLOT_VIEW (view), -5, 42);
  g_assert_cmpstr (inside, ==, "<b>left</b> 42");
  g_assert_null (outside);
  g_assert_null (off_widget);

  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = controller;
    }
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "released", 1, 12.5, 30.0);
  g_assert_cmpuint (probe.n_clicks, ==, 1);
  g_assert_cmpfloat (probe.click_x, ==, 12.5);
  g_assert_cmpfloat (probe.click_y, ==, 30.0);

  g_clear_object (&controllers);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
  g_assert_cmpuint (probe.n_destroyed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/plot-view/draw-at-widget-size", test_draw_at_widget_size);
  g_test_add_func ("/gui/plot-view/tooltip-and-click", test_tooltip_and_click);

  return g_test_run ();
}
