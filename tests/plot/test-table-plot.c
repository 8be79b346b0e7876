/* test-table-plot.c — the typeset Table 1 and the cross-tabulation's stacked bars: geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-stacked-bar.h"
#include "ob-table-plot.h"

#define TOL 1e-6

static ObDataset *
load_sample (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "data", "samples", file,
                                            NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static ObTable1 *
make_table (const char         *file,
            const char         *group,
            const char * const *vars)
{
  g_autoptr(ObDataset) dataset = load_sample (file);
  g_autoptr(GError) error = NULL;
  ObTable1 *table = ob_table1_new (dataset, group, vars, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return table;
}

/* Columns side by side inside the page, rows one under the other, footnotes under the last. */
static void
check_table_layout (const ObTablePlot *plot,
                    double             width,
                    ObTablePlotLayout *layout)
{
  const ObTable1Grid *grid = plot->grid;

  ob_table_plot_layout (plot, width, layout);
  g_assert_cmpfloat (layout->col_x[0], >=, 0);
  for (guint c = 1; c < grid->n_cols; c++)
    g_assert_cmpfloat_with_epsilon (layout->col_x[c],
                                    layout->col_x[c - 1] + layout->col_width[c - 1], TOL);
  g_assert_cmpfloat (layout->col_x[grid->n_cols - 1] + layout->col_width[grid->n_cols - 1], <=,
                     width + TOL);
  for (guint r = 1; r < grid->n_rows; r++)
    g_assert_cmpfloat (layout->row_y[r], >=, layout->row_y[r - 1] + layout->row_height[r - 1]);
  g_assert_cmpfloat (layout->footnote_y, >,
                     layout->row_y[grid->n_rows - 1] + layout->row_height[grid->n_rows - 1]);
  g_assert_cmpfloat (layout->height, >, layout->footnote_y);
  g_assert_cmpfloat_with_epsilon (ob_table_plot_height (plot, width), layout->height, TOL);
}

static void
test_table_fits (void)
{
  const char *alk_vars[] = { "age", "sex", "stage", "smoking", "line_of_therapy", "treatment",
                             NULL };
  const char *vet_vars[] = { "age", "karno", "diagtime", "trt", "prior", "time", NULL };
  g_autoptr(ObTable1) alk = make_table ("alk-cohort.csv", "tp53_status", alk_vars);
  g_autoptr(ObTable1) vet = make_table ("veteran.csv", "celltype", vet_vars);
  g_autoptr(ObTable1Grid) alk_grid = ob_table1_grid_new (alk);
  g_autoptr(ObTable1Grid) vet_grid = ob_table1_grid_new (vet);
  ObTablePlot plot;
  ObTablePlotLayout layout;

  /* Two groups at full page width: nothing shrinks, the data columns share the extra room. */
  ob_table_plot_init (&plot, alk_grid);
  plot.title = "Table 1. Characteristics by tp53_status";
  check_table_layout (&plot, OB_MM_TO_PT (183), &layout);
  g_assert_cmpfloat (layout.font_scale, ==, 1);
  g_assert_cmpuint (layout.stacked, ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.table_width, OB_MM_TO_PT (183) - 4, TOL);
  ob_table_plot_layout_clear (&layout);

  /* Four groups in one column (89 mm): smaller type and two-line summaries, but the p and
   * SMD columns stay on the page, and type never falls below 5 pt. */
  ob_table_plot_init (&plot, vet_grid);
  check_table_layout (&plot, OB_MM_TO_PT (89), &layout);
  g_assert_cmpfloat (layout.font_scale, <, 1);
  g_assert_cmpfloat (layout.font_scale * plot.plot_style.font_size, >=, 5 - TOL);
  g_assert_cmpuint (layout.stacked, >=, 1);
  ob_table_plot_layout_clear (&layout);
}

/* The three rules are drawn where the layout says, across the table's width. */
static void
test_table_rules (void)
{
  const char *vars[] = { "age", "sex", NULL };
  g_autoptr(ObTable1) table = make_table ("alk-cohort.csv", "tp53_status", vars);
  g_autoptr(ObTable1Grid) grid = ob_table1_grid_new (table);
  ObTablePlot plot;
  ObTablePlotLayout layout;
  double width = OB_MM_TO_PT (89), height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint8 *data;
  int stride, dark_rows = 0, prev_dark = FALSE;

  ob_table_plot_init (&plot, grid);
  ob_table_plot_layout (&plot, width, &layout);
  height = layout.height;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width),
                                        (int) ceil (height));
  cr = cairo_create (surface);
  ob_table_plot_draw (&plot, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Rows of pixels dark over 90% of the table's width are rules; there are three runs. */
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      int dark = 0;

      for (int x = (int) layout.col_x[0]; x < (int) (layout.col_x[0] + layout.table_width); x++)
        {
          guint32 px = *(guint32 *) (data + y * stride + 4 * x);

          dark += (px & 0xff) < 128;
        }
      if (dark > 0.9 * layout.table_width && !prev_dark)
        dark_rows++;
      prev_dark = dark > 0.9 * layout.table_width;
    }
  g_assert_cmpint (dark_rows, ==, 3);
  cairo_surface_destroy (surface);
  ob_table_plot_layout_clear (&layout);
}

static void
test_table_export (void)
{
  const char *vars[] = { "age", "sex", NULL };
  g_autoptr(ObTable1) table = make_table ("alk-cohort.csv", "tp53_status", vars);
  g_autoptr(ObTable1Grid) grid = ob_table1_grid_new (table);
  g_autofree char *dir = g_dir_make_tmp ("oncobench-table-plot-XXXXXX", NULL);
  const char *names[] = { "t.pdf", "t.svg", "t.png" };
  ObPlotFormat formats[] = { OB_PLOT_FORMAT_PDF, OB_PLOT_FORMAT_SVG, OB_PLOT_FORMAT_PNG };
  ObTablePlot plot;

  ob_table_plot_init (&plot, grid);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (ob_table_plot_export (&plot, formats[i], path, 89, 0, 150, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 500);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static ObCrosstab *
make_crosstab (ObCountTable **table_out)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  g_autoptr(GError) error = NULL;
  ObCountTable *table = ob_count_table_new (dataset, "tp53_status", "stage", NULL, &error);
  ObCrosstab *ct;

  g_assert_no_error (error);
  ct = ob_crosstab_new (table->counts, table->n_rows, table->n_cols, OB_CROSSTAB_AUTO, 0.95,
                        &error);
  g_assert_no_error (error);
  *table_out = table;
  return ct;
}

/* Each bar fills the 0–100% frame exactly, segments stacked without gap or overlap, the first
 * level at the bottom; labels apart, the key beside the plot and on the page. */
static void
test_stacked_bar_geometry (void)
{
  g_autoptr(ObCountTable) table = NULL;
  g_autoptr(ObCrosstab) ct = make_crosstab (&table);
  const double sizes[][2] = { { 89, 70 }, { 183, 80 }, { 60, 50 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      double w = OB_MM_TO_PT (sizes[k][0]), h = OB_MM_TO_PT (sizes[k][1]);
      ObStackedBar bar;
      ObStackedBarLayout layout;
      ObPlotRect page = { 0, 0, w, h };

      ob_stacked_bar_init (&bar, ct, (const char * const *) table->row_names,
                           (const char * const *) table->col_names);
      bar.row_title = "tp53_status";
      bar.col_title = "stage";
      ob_stacked_bar_layout (&bar, w, h, &layout);
      g_assert_true (ob_plot_rect_contains (&page, &layout.plot, TOL));
      g_assert_true (ob_plot_rect_contains (&page, &layout.legend, TOL));
      g_assert_false (ob_plot_rect_intersects (&layout.plot, &layout.legend));
      for (guint r = 0; r < ct->n_rows; r++)
        {
          const ObPlotRect *first = &layout.segments[r * ct->n_cols];
          const ObPlotRect *last = &layout.segments[r * ct->n_cols + ct->n_cols - 1];

          g_assert_cmpfloat_with_epsilon (first->y + first->height,
                                          layout.plot.y + layout.plot.height, 1e-6);
          g_assert_cmpfloat_with_epsilon (last->y, layout.plot.y, 1e-6);
          for (guint c = 1; c < ct->n_cols; c++)
            {
              const ObPlotRect *s = &layout.segments[r * ct->n_cols + c];
              const ObPlotRect *below = &layout.segments[r * ct->n_cols + c - 1];

              g_assert_cmpfloat_with_epsilon (s->y + s->height, below->y, 1e-6);
              g_assert_cmpfloat_with_epsilon (s->height / layout.plot.height * 100,
                                              ct->row_percent[r * ct->n_cols + c], 1e-6);
            }
          if (r > 0)
            g_assert_cmpfloat (layout.bar_labels[r].x, >=,
                               layout.bar_labels[r - 1].x + layout.bar_labels[r - 1].width - TOL);
          g_assert_cmpfloat (layout.bar_labels[r].y, >=, layout.plot.y + layout.plot.height);
          g_assert_cmpfloat (layout.bar_labels[r].y + layout.bar_labels[r].height, <=, h);
        }
      if (bar.show_test)
        g_assert_false (ob_plot_rect_intersects (&layout.header, &layout.plot));
      ob_stacked_bar_layout_clear (&layout);
    }
}

static void
test_stacked_bar_export (void)
{
  g_autoptr(ObCountTable) table = NULL;
  g_autoptr(ObCrosstab) ct = make_crosstab (&table);
  g_autofree char *dir = g_dir_make_tmp ("oncobench-stacked-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bar.svg", NULL);
  g_autoptr(GError) error = NULL;
  ObStackedBar bar;
  GStatBuf st;

  ob_stacked_bar_init (&bar, ct, (const char * const *) table->row_names,
                       (const char * const *) table->col_names);
  g_assert_true (ob_stacked_bar_export (&bar, OB_PLOT_FORMAT_SVG, path, 89, 70, 300, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/table-plot/fits", test_table_fits);
  g_test_add_func ("/plot/table-plot/rules", test_table_rules);
  g_test_add_func ("/plot/table-plot/export", test_table_export);
  g_test_add_func ("/plot/stacked-bar/geometry", test_stacked_bar_geometry);
  g_test_add_func ("/plot/stacked-bar/export", test_stacked_bar_export);
  return g_test_run ();
}
