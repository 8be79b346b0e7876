/* test-growth-plot-export.c: the growth figures written to PNG, PDF and SVG, and their speed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ob-plot-export.h"
#include "test-growth-plot-fixture.h"

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  return png;
}

/* Share of pixels that are not white, and whether the arm colours appear in them. */
static double
ink (cairo_surface_t *png, const ObPlotStyle *style, guint n_arms, guint *arms_seen)
{
  int w = cairo_image_surface_get_width (png), h = cairo_image_surface_get_height (png);
  int stride = cairo_image_surface_get_stride (png);
  const guint8 *px;
  gsize inked = 0;
  guint64 seen = 0;

  cairo_surface_flush (png);
  px = cairo_image_surface_get_data (png);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (const void *) (px + y * stride + x * 4);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (r > 250 && g > 250 && b > 250)
          continue;
        inked++;
        for (guint a = 0; a < n_arms; a++)
          {
            ObPlotColor c = ob_plot_style_color (style, a, n_arms);

            if (abs (r - (int) lround (c.r * 255)) <= 2 && abs (g - (int) lround (c.g * 255)) <= 2
                && abs (b - (int) lround (c.b * 255)) <= 2)
              seen |= G_GUINT64_CONSTANT (1) << a;
          }
      }
  *arms_seen = (guint) __builtin_popcountll (seen);
  return (double) inked / ((double) w * h);
}

/* Every kind at a single column and a full page, in PNG, PDF and SVG.  OB_GROWTH_PLOT_OUT
 * keeps the files there to look at. */
static void
test_export (void)
{
  static const struct { const char *ext; const char *magic; gsize len; } formats[] = {
    { "png", "\x89PNG\r\n\x1a\n", 8 },
    { "pdf", "%PDF-", 5 },
    { "svg", "<?xml", 5 },
  };
  static const double widths[][2] = { { 89, 70 }, { 183, 100 } };
  const char *out = g_getenv ("OB_GROWTH_PLOT_OUT");
  g_autofree char *dir = out ? g_strdup (out) : g_dir_make_tmp ("ob-growth-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_strdup_printf ("growth-%s-%.0fmm.%s", kinds[k].name,
                                                   widths[w][0], formats[f].ext);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr (GError) error = NULL;
          ObGrowthPlot plot;
          gsize len = 0;

          init_kind (&plot, &kinds[k]);
          plot.width_mm = widths[w][0];
          plot.height_mm = widths[w][1];
          g_assert_true (ob_growth_plot_export (&plot, path, 300, &error));
          g_assert_no_error (error);
          g_file_get_contents (path, &contents, &len, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (len, >, 1000);
          g_assert_cmpmem (contents, formats[f].len, formats[f].magic, formats[f].len);
          if (f == 0)
            {
              cairo_surface_t *png = read_png (path);
              guint seen = 0;
              double share = ink (png, &plot.plot_style, plot.data->arms->len, &seen);

              /* 300 dpi at the size asked for. */
              g_assert_cmpint (abs (cairo_image_surface_get_width (png)
                                    - (int) lround (widths[w][0] / 25.4 * 300)), <=, 1);
              g_assert_cmpfloat (share, >, 0.01);
              g_assert_cmpfloat (share, <, 0.6);
              /* Each arm drawn in its own colour. */
              g_assert_cmpuint (seen, ==, plot.data->arms->len);
              cairo_surface_destroy (png);
            }
          if (out == NULL)
            g_remove (path);
        }
  if (out == NULL)
    g_rmdir (dir);

  /* A path the format cannot be told from is an error, not a crash. */
  {
    g_autoptr (GError) error = NULL;
    ObGrowthPlot plot;

    init_kind (&plot, &kinds[0]);
    g_assert_false (ob_growth_plot_export (&plot, "/nonexistent/figure.xyz", 300, &error));
    g_assert_nonnull (error);
  }
}

static double
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* A million measurements (50 000 mice × 20 days) lay out, draw and hit-test in linear time. */
static void
test_million_points (void)
{
  g_autoptr (ObGrowthData) data = ob_growth_data_new ();
  g_autoptr (ObGrowthLayout) layout = NULL;
  GRand *rand = g_rand_new_with_seed (5);
  cairo_surface_t *surface;
  cairo_t *cr;
  ObGrowthPlot plot;
  ObGrowthHit hit;
  double start, spent;
#if defined(__SANITIZE_ADDRESS__)
  const double limit = 20;
#else
  const double limit = 4;
#endif

  for (guint a = 0; a < 4; a++)
    {
      g_autofree char *name = g_strdup_printf ("arm %u", a + 1);

      ob_growth_data_add_arm (data, name);
    }
  for (guint m = 0; m < 50000; m++)
    {
      g_autofree char *id = g_strdup_printf ("M%05u", m);
      double rate = g_rand_double_range (rand, 0.05, 0.2);

      ob_growth_data_add_subject (data, id, m % 4);
      /* Backwards, so the layout has to sort each mouse. */
      for (int d = 19; d >= 0; d--)
        ob_growth_data_add_point (data, d * 3.5, 100 * exp (rate * d * 3.5), FALSE);
    }
  g_rand_free (rand);
  ob_growth_plot_init (&plot, data, OB_GROWTH_CHART_SPAGHETTI);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 450);
  cr = cairo_create (surface);
  start = thread_seconds ();
  layout = ob_growth_plot_layout (&plot, 400, 300);
  ob_growth_plot_render_layout (cr, layout);
  g_assert_true (ob_growth_plot_hit_test (layout, layout->panels[0].area.x + 1,
                                          ob_plot_scale_map (&layout->panels[0].y, 100), &hit));
  spent = thread_seconds () - start;
  g_assert_cmpuint (hit.arm, ==, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (gsize k = 1; k < 20; k++)
    g_assert_cmpfloat (g_array_index (data->time, double, layout->point_order[k]), >,
                       g_array_index (data->time, double, layout->point_order[k - 1]));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_test_message ("1M points: %.2f s", spent);
  g_assert_cmpfloat (spent, <, limit);
}

void
growth_add_export_tests (void)
{
  g_test_add_func ("/plot/growth/export", test_export);
  g_test_add_func ("/plot/growth/million-points", test_million_points);
}
