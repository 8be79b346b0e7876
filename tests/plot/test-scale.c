/* test-scale.c: nice tick scales against R's pretty()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>

#include "ob-plot-scale.h"

static void
assert_close (double actual, double expected, double rel)
{
  double tol = rel * MAX (fabs (expected), 1e-300);

  if (expected == 0)
    tol = 1e-12;
  if (!(fabs (actual - expected) <= tol))
    g_error ("%.17g differs from %.17g by more than %g relative", actual, expected, rel);
}

static void
test_pretty_vs_r (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "plot-pretty.csv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      double lo, hi, unit, plo, phi, got_lo, got_hi, got_unit;
      guint n, count;
      ObPlotScale scale = { 0 };
      double ticks[64];

      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 7);
      lo = g_ascii_strtod (f[0], NULL);
      hi = g_ascii_strtod (f[1], NULL);
      n = (guint) g_ascii_strtoull (f[2], NULL, 10);
      unit = g_ascii_strtod (f[3], NULL);
      plo = g_ascii_strtod (f[4], NULL);
      phi = g_ascii_strtod (f[5], NULL);
      count = (guint) g_ascii_strtoull (f[6], NULL, 10);

      g_test_message ("pretty(c(%g, %g), n = %u)", lo, hi, n);
      got_unit = ob_plot_pretty (lo, hi, n, &got_lo, &got_hi);
      assert_close (got_unit, unit, 1e-6);
      assert_close (got_lo, plo, 1e-6);
      assert_close (got_hi, phi, 1e-6);

      ob_plot_scale_init_linear (&scale, lo, hi, n);
      g_assert_cmpuint (ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks)), ==, count);
      assert_close (ticks[0], plo, 1e-6);
      assert_close (ticks[count - 1], phi, 1e-6);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);
}

static void
test_fixed_range (void)
{
  ObPlotScale scale = { 0 };
  double ticks[64];
  guint n;

  /* A time axis ending at the last observation: ticks stay inside it. */
  ob_plot_scale_init_fixed (&scale, 0, 1022, 0, 5);
  g_assert_cmpfloat (scale.step, ==, 200);
  n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat (ticks[5], ==, 1000);

  ob_plot_scale_init_fixed (&scale, 0, 36, 6, 5);
  n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (ticks[6], ==, 36);

  /* Steps that are not exact in binary still give exact ticks. */
  ob_plot_scale_init_fixed (&scale, 0, 1, 0.1, 5);
  n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpfloat (fabs (ticks[3] - 0.3), <, 1e-15);
  g_assert_cmpfloat (ticks[10], ==, 1);

  /* A silly step falls back to a nice one instead of a million ticks. */
  ob_plot_scale_init_fixed (&scale, 0, 1000, 1e-6, 5);
  g_assert_cmpfloat (scale.step, ==, 200);
}

/* Axes that run on to the first tick at or past the data, whatever its range. */
static void
test_covering_range (void)
{
  static const double his[] = { 1022, 999, 35.1, 0.73, 1e-4, 3.3e6, 161, 12.5, 1, 7 };
  static const double months[] = { 1, 2, 3, 6, 12, 24 };
  ObPlotScale scale = { 0 };
  double ticks[64];
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (his); i++)
    for (guint want = 4; want <= 10; want += 3)
      {
        ob_plot_scale_init_covering (&scale, 0, his[i], NULL, 0, want);
        n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
        g_test_message ("0–%g, %u wanted: step %g to %g", his[i], want, scale.step, scale.hi);
        g_assert_cmpfloat (scale.lo, ==, 0);
        g_assert_cmpfloat (scale.hi, >=, his[i]);
        /* The last tick is the end of the axis, and the one before it is short of the data. */
        g_assert_cmpuint (n, >=, 3);
        g_assert_cmpfloat (fabs (ticks[n - 1] - scale.hi), <=, 1e-9 * scale.hi);
        g_assert_cmpfloat (ticks[n - 2], <, his[i]);
        g_assert_cmpfloat (n - 1, <=, ceil (1.4 * want));
        g_assert_cmpuint (2 * (n - 1) + 1, >=, want);
      }

  /* Without a step the nicest end wins: survival::lung's 1022 days end at 1050 by 150. */
  ob_plot_scale_init_covering (&scale, 0, 1022, NULL, 0, 6);
  g_assert_cmpfloat (scale.step, ==, 150);
  g_assert_cmpfloat (scale.hi, ==, 1050);
  ob_plot_scale_init_covering (&scale, 0, 999, NULL, 0, 5);
  g_assert_cmpfloat (scale.step, ==, 200);
  g_assert_cmpfloat (scale.hi, ==, 1000);

  /* Steps given: the best of them, here months to 36 rather than 48. */
  ob_plot_scale_init_covering (&scale, 0, 35.1, months, G_N_ELEMENTS (months), 6);
  g_assert_cmpfloat (scale.step, ==, 6);
  g_assert_cmpfloat (scale.hi, ==, 36);
  /* Data ending exactly on a tick end there. */
  ob_plot_scale_init_covering (&scale, 0, 36, months, G_N_ELEMENTS (months), 6);
  g_assert_cmpfloat (scale.hi, ==, 36);
  /* Unusable steps are ignored, and an empty range still gets an axis. */
  {
    const double bad[] = { 0, -1, 1e-9 };

    ob_plot_scale_init_covering (&scale, 0, 100, bad, G_N_ELEMENTS (bad), 5);
    g_assert_cmpfloat (scale.step, >, 1);
    g_assert_cmpfloat (scale.hi, >=, 100);
  }
  ob_plot_scale_init_covering (&scale, 0, 0, NULL, 0, 5);
  g_assert_cmpfloat (scale.hi, >, 0);
}

static void
test_map (void)
{
  ObPlotScale scale = { 0 };

  ob_plot_scale_init_linear (&scale, 0, 1, 5);
  ob_plot_scale_set_range (&scale, 200, 10);   /* y grows upwards */
  g_assert_cmpfloat (ob_plot_scale_map (&scale, 0), ==, 200);
  g_assert_cmpfloat (ob_plot_scale_map (&scale, 1), ==, 10);
  g_assert_cmpfloat (fabs (ob_plot_scale_map (&scale, 0.5) - 105), <, 1e-12);
  g_assert_cmpfloat (fabs (ob_plot_scale_unmap (&scale, 105) - 0.5), <, 1e-12);

  ob_plot_scale_init_log10 (&scale, 3.2e4, 7.7e8);
  g_assert_cmpfloat (scale.lo, ==, 1e4);
  g_assert_cmpfloat (scale.hi, ==, 1e9);
  ob_plot_scale_set_range (&scale, 0, 500);
  g_assert_cmpfloat (fabs (ob_plot_scale_map (&scale, 1e6) - 200), <, 1e-9);
  g_assert_cmpfloat (fabs (ob_plot_scale_unmap (&scale, 300) - 1e7) / 1e7, <, 1e-12);
}

static void
test_log_ticks (void)
{
  ObPlotScale scale = { 0 };
  double ticks[64];
  guint n;

  ob_plot_scale_init_log10 (&scale, 5e3, 2e9);
  n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpfloat (ticks[0], ==, 1e3);
  g_assert_cmpfloat (fabs (ticks[7] - 1e10) / 1e10, <, 1e-12);

  /* Twenty decades: every third labelled, so labels do not crowd. */
  ob_plot_scale_init_log10 (&scale, 1e-10, 1e10);
  n = ob_plot_scale_ticks (&scale, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (fabs (ticks[1] - 1e-7) / 1e-7, <, 1e-12);
}

static void
test_format (void)
{
  ObPlotScale scale = { 0 };
  struct { double lo, hi, value, factor; const char *expected; } cases[] = {
    { 0, 1, 0.4, 1, "0.4" },
    { 0, 1, 1, 1, "1.0" },
    { 0, 1, 0, 1, "0.0" },
    { 0, 1, 0.6, 100, "60" },
    { 0, 1022, 800, 1, "800" },
    { -3.7, 12.2, -5, 1, "\u22125" },
    { 0.001, 0.0013, 0.00115, 1, "0.00115" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = NULL;

      ob_plot_scale_init_linear (&scale, cases[i].lo, cases[i].hi, 5);
      s = ob_plot_scale_format (&scale, cases[i].value, cases[i].factor);
      g_assert_cmpstr (s, ==, cases[i].expected);
    }

  ob_plot_scale_init_log10 (&scale, 1, 1e8);
  {
    g_autofree char *a = ob_plot_scale_format (&scale, 1000, 1);
    g_autofree char *b = ob_plot_scale_format (&scale, 1e7, 1);
    g_autofree char *c = ob_plot_scale_format (&scale, 0.01, 1);

    g_assert_cmpstr (a, ==, "1000");
    g_assert_cmpstr (b, ==, "10\u2077");
    g_assert_cmpstr (c, ==, "0.01");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/scale/pretty-vs-r", test_pretty_vs_r);
  g_test_add_func ("/plot/scale/fixed-range", test_fixed_range);
  g_test_add_func ("/plot/scale/covering-range", test_covering_range);
  g_test_add_func ("/plot/scale/map", test_map);
  g_test_add_func ("/plot/scale/log-ticks", test_log_ticks);
  g_test_add_func ("/plot/scale/format", test_format);
  return g_test_run ();
}
