/* test-curve-plot.c — the standard-curve figure and the plate map: geometry and hit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-curve-plot.h"
#include "ob-plot-export.h"
#include "ob-surv-data.h"

typedef struct
{
  ObDataset *dataset;
  GPtrArray *plates;
} Assay;

static void
assay_clear (Assay *a)
{
  g_clear_pointer (&a->plates, g_ptr_array_unref);
  g_clear_pointer (&a->dataset, ob_dataset_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Assay, assay_clear)

/* A sample file read as the elisa command reads it; where picks one DNase run. */
static ObAssayPlate *
load (Assay *a, const char *file, const char *response, const char *where,
      const guint8 *excluded, gboolean exclude_failing)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file,
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *mask = NULL;
  ObAssayColumns columns = { .response = response };
  ObAssaySettings settings;

  a->dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  if (where != NULL)
    {
      const char *filters[] = { where, NULL };

      mask = ob_dataset_where_mask (a->dataset, filters, &error);
      g_assert_no_error (error);
    }
  ob_assay_settings_init (&settings);
  settings.exclude_failing = exclude_failing;
  a->plates = ob_assay_analyse_excluding (a->dataset, &columns, mask, excluded, &settings,
                                          &error);
  g_assert_no_error (error);
  return g_ptr_array_index (a->plates, 0);
}

/* Optional pictures to look at: OB_TEST_SHOTS=DIR writes each figure there as PNG. */
static void
maybe_write (const char *name, ObPlotDrawFunc draw, gconstpointer plot, double w_mm,
             double h_mm)
{
  const char *dir = g_getenv ("OB_TEST_SHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  ob_plot_export (OB_PLOT_FORMAT_PNG, path, w_mm, h_mm, 300, draw, (gpointer) plot, &error);
  g_assert_no_error (error);
}

static gboolean
rect_inside (const ObPlotRect *r, double w, double h)
{
  return r->x >= -0.01 && r->y >= -0.01 && r->x + r->width <= w + 0.01
         && r->y + r->height <= h + 0.01;
}

/* Nothing written runs off the page, and no two pieces of text cover each other. */
static void
assert_text_clear (const ObCurveLayout *layout)
{
  const GArray *boxes = layout->text_boxes;

  for (guint i = 0; i < boxes->len; i++)
    {
      const ObPlotRect *a = &g_array_index (boxes, ObPlotRect, i);

      if (a->width <= 0)
        continue;
      if (!rect_inside (a, layout->width, layout->height))
        g_error ("text box %u (%g, %g, %g × %g) leaves the %g × %g figure", i, a->x, a->y,
                 a->width, a->height, layout->width, layout->height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const ObPlotRect *b = &g_array_index (boxes, ObPlotRect, j);

          if (b->width > 0 && ob_plot_rect_intersects (a, b))
            g_error ("text boxes %u and %u overlap", i, j);
        }
    }
}

/* The model's text stays clear of every point, band and curve it could hide. */
static void
assert_info_clear (const ObCurveLayout *layout)
{
  const ObCurveFit *fit = layout->source->plate->fit;
  const ObPlotRect *info = &layout->info;

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);
      ObPlotRect dot = { m->x - layout->radius, m->y - layout->radius, 2 * layout->radius,
                         2 * layout->radius };

      g_assert_false (ob_plot_rect_intersects (&dot, info));
    }
  for (double x = info->x; x <= info->x + info->width; x += 0.5)
    {
      double v = ob_plot_scale_unmap (&layout->x, x);
      double y = ob_plot_scale_map (&layout->y, ob_curve_fit_predict (fit, v));

      g_assert_true (isnan (y) || y < info->y || y > info->y + info->height);
    }
}

static void
check_layout (const ObCurvePlot *plot, const char *shot)
{
  static const double sizes[][2] = { { 89, 70 }, { 60, 50 }, { 183, 120 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(ObCurveLayout) layout = ob_curve_plot_layout (plot, OB_MM_TO_PT (sizes[s][0]),
                                                              OB_MM_TO_PT (sizes[s][1]));
      const ObAssayPlate *plate = plot->plate;

      assert_text_clear (layout);
      assert_info_clear (layout);
      /* Every mark inside the data area. */
      for (guint i = 0; i < layout->marks->len; i++)
        {
          const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);

          g_assert_cmpfloat (m->x, >=, layout->plot.x);
          g_assert_cmpfloat (m->x, <=, layout->plot.x + layout->plot.width);
          g_assert_cmpfloat (m->y, >=, layout->plot.y);
          g_assert_cmpfloat (m->y, <=, layout->plot.y + layout->plot.height);
        }
      /* The concentration axis is logarithmic with decade ticks. */
      g_assert_cmpint (layout->x.kind, ==, OB_PLOT_SCALE_LOG10);
      g_assert_cmpuint (layout->n_x_ticks, >=, 2);
      for (guint i = 0; i < layout->n_x_ticks; i++)
        g_assert_cmpfloat (fabs (log10 (layout->x_ticks[i]) - round (log10 (layout->x_ticks[i]))),
                           <, 1e-9);
      /* LLOQ and ULOQ sit over their concentrations. */
      if (!isnan (plate->lloq))
        {
          g_assert_cmpfloat (fabs (layout->lloq_x - ob_plot_scale_map (&layout->x, plate->lloq)),
                             <, 1e-9);
          g_assert_cmpfloat (layout->lloq_label.width, >, 0);
        }
    }
  maybe_write (shot, ob_curve_plot_draw_func, plot, 89, 70);
}

static void
test_sample_plate (void)
{
  g_auto (Assay) a = { 0 };
  ObAssayPlate *plate = load (&a, "elisa-plate.csv", NULL, NULL, NULL, FALSE);
  ObCurvePlot plot;

  ob_curve_plot_init (&plot, plate);
  plot.x_label = "Amphiregulin (pg/mL)";
  plot.y_label = "Optical density";
  check_layout (&plot, "curve-sample-plate.png");
}

static void
test_dnase (void)
{
  g_auto (Assay) a = { 0 };
  ObAssayPlate *plate = load (&a, "dnase.csv", "density", "run=1", NULL, FALSE);
  ObCurvePlot plot;

  ob_curve_plot_init (&plot, plate);
  plot.x_label = "DNase (ng/mL)";
  plot.y_label = "Optical density";
  check_layout (&plot, "curve-dnase-run1.png");
}

/* A competitive assay: the signal falls as the concentration rises.  Built from the sample
 * plate's standards mirrored, so the curve is the same shape upside down. */
static void
test_falling (void)
{
  static const char csv[] =
    "well,sample,type,conc,response\n"
    "A1,S1,standard,1000,0.21\nA2,S1,standard,1000,0.20\nB1,S2,standard,500,0.40\n"
    "B2,S2,standard,500,0.42\nC1,S3,standard,250,0.85\nC2,S3,standard,250,0.80\n"
    "D1,S4,standard,125,1.38\nD2,S4,standard,125,1.44\nE1,S5,standard,62.5,1.86\n"
    "E2,S5,standard,62.5,1.83\nF1,S6,standard,31.25,2.10\nF2,S6,standard,31.25,2.13\n"
    "G1,S7,standard,15.625,2.24\nG2,S7,standard,15.625,2.25\nA3,U1,sample,,1.10\n"
    "A4,U1,sample,,1.15\nB3,U2,sample,,0.30\nB4,U2,sample,,0.33\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "falling.csv", NULL, &error);
  g_autoptr(GPtrArray) plates = NULL;
  ObAssayColumns columns = { 0 };
  ObAssaySettings settings;
  ObAssayPlate *plate;
  ObCurvePlot plot;
  g_autoptr(ObCurveLayout) layout = NULL;

  g_assert_no_error (error);
  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  plate = g_ptr_array_index (plates, 0);
  g_assert_cmpfloat (plate->fit->params[1], <, plate->fit->params[0]);
  ob_curve_plot_init (&plot, plate);
  check_layout (&plot, "curve-falling.png");
  /* The model's text moves to the left, where a falling curve leaves room. */
  layout = ob_curve_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
  g_assert_cmpfloat (layout->info.x, <, layout->plot.x + layout->plot.width / 2);
}

/* A well left out by hand: crossed in both drawings, a key entry, the fit without it. */
static void
test_excluded_and_hits (void)
{
  g_auto (Assay) a = { 0 };
  g_autofree guint8 *excluded = g_new0 (guint8, 32);
  ObAssayPlate *plate;
  ObCurvePlot plot;
  ObPlatePlot map;
  g_autoptr(ObCurveLayout) layout = NULL;
  double w = OB_MM_TO_PT (89), h = OB_MM_TO_PT (70);
  int hit_b3 = -1, d2 = -1, crosses = 0;

  excluded[7] = 1;   /* D2, a replicate of the 125 pg/mL standard */
  plate = load (&a, "elisa-plate.csv", NULL, NULL, excluded, FALSE);
  g_assert_cmpuint (plate->fit->n, ==, 15);
  g_assert_cmpstr (g_ptr_array_index (plate->exclusions, 0), ==, "Well D2: excluded by hand");

  ob_curve_plot_init (&plot, plate);
  layout = ob_curve_plot_layout (&plot, w, h);
  g_assert_true (layout->key_shown[3]);
  /* Every sample on this plate is quantified: no key for unquantified ones. */
  g_assert_false (layout->key_shown[4]);
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);

      if (m->well >= 0 && g_array_index (plate->wells, ObAssayWell, m->well).excluded)
        {
          crosses++;
          d2 = m->well;
          /* Clicking the cross finds that well again. */
          g_assert_cmpint (ob_curve_layout_hit_test (layout, m->x + 0.5, m->y - 0.5), ==, (int) i);
        }
    }
  g_assert_cmpint (crosses, ==, 1);
  g_assert_cmpstr (g_array_index (plate->wells, ObAssayWell, d2).name, ==, "D2");
  g_assert_cmpint (ob_curve_layout_hit_test (layout, 0, 0), ==, -1);
  plot.highlight = d2;
  maybe_write ("curve-excluded.png", ob_curve_plot_draw_func, &plot, 89, 70);

  /* The plate map: scanning the drawing finds every well, each under its own row and
   * column, and nothing between the circles. */
  ob_plate_plot_init (&map, plate);
  {
    g_autofree double *sum_x = g_new0 (double, plate->wells->len);
    g_autofree double *sum_y = g_new0 (double, plate->wells->len);
    g_autofree guint *count = g_new0 (guint, plate->wells->len);
    guint rows, cols, misses = 0;

    ob_plate_plot_dimensions (&map, &rows, &cols);
    g_assert_cmpuint (rows, ==, 8);
    g_assert_cmpuint (cols, ==, 12);
    for (double y = 0.5; y < h; y += 1.5)
      for (double x = 0.5; x < w; x += 1.5)
        {
          int i = ob_plate_plot_hit_test (&map, w, h, x, y);

          if (i < 0)
            {
              misses++;
              continue;
            }
          sum_x[i] += x;
          sum_y[i] += y;
          count[i]++;
        }
    g_assert_cmpuint (misses, >, 0);
    for (guint i = 0; i < plate->wells->len; i++)
      {
        const ObAssayWell *well = &g_array_index (plate->wells, ObAssayWell, i);

        g_assert_cmpuint (count[i], >, 0);
        if (g_str_equal (well->name, "B3"))
          hit_b3 = (int) i;
        /* Down the rows and across the columns in order: A1 top left. */
        for (guint j = 0; j < plate->wells->len; j++)
          {
            const ObAssayWell *other = &g_array_index (plate->wells, ObAssayWell, j);

            if (other->plate_col > well->plate_col)
              g_assert_cmpfloat (sum_x[j] / count[j], >, sum_x[i] / count[i]);
            if (other->plate_row > well->plate_row)
              g_assert_cmpfloat (sum_y[j] / count[j], >, sum_y[i] / count[i]);
          }
      }
  }
  g_assert_cmpint (hit_b3, >=, 0);
  map.highlight = d2;
  maybe_write ("plate-map.png", ob_plate_plot_draw_func, &map, 89, 60);
}

/* A well past H12 makes it a 384-well plate; its last well is drawn at the bottom right. */
static void
test_plate_384 (void)
{
  static const char csv[] =
    "well,type,conc,response\nA1,standard,1000,2.3\nA2,standard,500,1.85\n"
    "A3,standard,250,1.35\nA4,standard,125,0.8\nA5,standard,62.5,0.45\n"
    "A6,standard,31.25,0.25\nA7,standard,15.625,0.14\nP24,sample,,0.6\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "384.csv", NULL, &error);
  g_autoptr(GPtrArray) plates = NULL;
  ObAssayColumns columns = { 0 };
  ObAssaySettings settings;
  ObPlatePlot map;
  double w = OB_MM_TO_PT (89), h = OB_MM_TO_PT (60);
  int last = -1;
  guint rows, cols;

  g_assert_no_error (error);
  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  ob_plate_plot_init (&map, g_ptr_array_index (plates, 0));
  ob_plate_plot_dimensions (&map, &rows, &cols);
  g_assert_cmpuint (rows, ==, 16);
  g_assert_cmpuint (cols, ==, 24);
  for (double y = h; y > h / 2 && last < 0; y -= 0.5)
    for (double x = w; x > w / 2 && last < 0; x -= 0.5)
      last = ob_plate_plot_hit_test (&map, w, h, x, y);
  g_assert_cmpint (last, ==, 7);
  maybe_write ("plate-384.png", ob_plate_plot_draw_func, &map, 89, 60);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/curve-plot/sample-plate", test_sample_plate);
  g_test_add_func ("/plot/curve-plot/dnase", test_dnase);
  g_test_add_func ("/plot/curve-plot/falling", test_falling);
  g_test_add_func ("/plot/curve-plot/excluded-and-hits", test_excluded_and_hits);
  g_test_add_func ("/plot/curve-plot/plate-384", test_plate_384);
  return g_test_run ();
}
