/* test-axis.c: axes and legends measure what they draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>

#include "ob-plot-axis.h"
#include "ob-plot-legend.h"

static void
test_bottom_axis (void)
{
  ObPlotStyle style;
  g_autoptr (ObPlotText) text = NULL;
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  ObPlotScale scale = { 0 };
  ObPlotAxis axis = { OB_PLOT_AXIS_BOTTOM, &scale, NULL, 0, 1, 200, "Time (months)" };
  double extent;
  ObPlotRect title;

  ob_plot_style_init (&style);
  text = ob_plot_text_new (&style);
  ob_plot_scale_init_fixed (&scale, 0, 34, 6, 5);
  ob_plot_scale_set_range (&scale, 40, 240);

  extent = ob_plot_axis_extent (&axis, text, &style);
  title = ob_plot_axis_layout (&axis, text, &style, boxes);
  /* 0, 6, … 30 and the title. */
  g_assert_cmpuint (boxes->len, ==, 6 + 1);
  for (guint i = 0; i < boxes->len; i++)
    {
      const ObPlotRect *b = &g_array_index (boxes, ObPlotRect, i);

      g_assert_cmpfloat (b->y, >=, axis.position + style.tick_length);
      g_assert_cmpfloat (b->y + b->height, <=, axis.position + extent + 1e-9);
      if (i + 1 < boxes->len)
        {
          /* Labels centred on their ticks. */
          g_assert_cmpfloat (fabs (b->x + b->width / 2 - ob_plot_scale_map (&scale, 6.0 * i)),
                             <, 1e-9);
          g_assert_cmpfloat (b->y + b->height, <=, title.y);
        }
    }
  g_assert_cmpfloat (fabs (title.x + title.width / 2 - 140), <, 1e-9);
}

static void
test_left_axis (void)
{
  ObPlotStyle style;
  g_autoptr (ObPlotText) text = NULL;
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  ObPlotScale scale = { 0 };
  ObPlotAxis axis = { OB_PLOT_AXIS_LEFT, &scale, NULL, 0, 100, 60, "Survival (%)" };
  double extent;
  ObPlotRect title;
  cairo_surface_t *rec;
  cairo_t *cr;
  double ix, iy, iw, ih;

  ob_plot_style_init_slide (&style);
  text = ob_plot_text_new (&style);
  ob_plot_scale_init_fixed (&scale, 0, 1, 0.2, 5);
  ob_plot_scale_set_range (&scale, 300, 20);

  extent = ob_plot_axis_extent (&axis, text, &style);
  title = ob_plot_axis_layout (&axis, text, &style, boxes);
  g_assert_cmpuint (boxes->len, ==, 6 + 1);
  g_assert_cmpfloat (title.x, >=, axis.position - extent - 1e-9);
  for (guint i = 0; i + 1 < boxes->len; i++)
    {
      const ObPlotRect *b = &g_array_index (boxes, ObPlotRect, i);

      /* Right-aligned clear of the ticks, and clear of the title. */
      g_assert_cmpfloat (b->x + b->width, <=, axis.position - style.tick_length);
      g_assert_cmpfloat (b->x, >=, title.x + title.width);
      g_assert_cmpfloat (fabs (b->y + b->height / 2 - ob_plot_scale_map (&scale, 0.2 * i)),
                         <, 1e-9);
    }

  /* The ink stays within what the axis said it needs (ink extents come whole points). */
  rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (rec);
  ob_plot_axis_draw (&axis, cr, text, &style);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (rec);
  g_assert_cmpfloat (ix, >=, floor (axis.position - extent) - 0.5);
  g_assert_cmpfloat (ix + iw, <=, ceil (axis.position + style.axis_width));
}

static void
test_legend (void)
{
  ObPlotStyle style;
  g_autoptr (ObPlotText) text = NULL;
  const char *labels[] = { "TP53 wild-type (n = 61)", "TP53 mutant (n = 29)" };
  const guint groups[] = { 0, 1 };
  double w, h, ix, iy, iw, ih;
  cairo_surface_t *rec;
  cairo_t *cr;

  ob_plot_style_init (&style);
  style.dashes = TRUE;
  text = ob_plot_text_new (&style);
  ob_plot_legend_measure (text, &style, labels, 2, &w, &h);
  g_assert_cmpfloat (h, ==, 2 * ob_plot_text_line_height (text));

  for (int key = OB_PLOT_LEGEND_LINE; key <= OB_PLOT_LEGEND_BOX; key++)
    {
      rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (rec);
      ob_plot_legend_draw (cr, text, &style, key, labels, groups, 2, 2, 10, 20);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
      cairo_surface_destroy (rec);
      g_assert_cmpfloat (ix, >=, 10 - 1);
      g_assert_cmpfloat (iy, >=, 20 - 1);
      g_assert_cmpfloat (ix + iw, <=, ceil (10 + w) + 1);
      g_assert_cmpfloat (iy + ih, <=, ceil (20 + h) + 1);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/axis/bottom", test_bottom_axis);
  g_test_add_func ("/plot/axis/left", test_left_axis);
  g_test_add_func ("/plot/legend/extent", test_legend);
  return g_test_run ();
}
