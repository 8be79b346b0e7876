/* test-forest-plot.c: the subgroup forest plot's geometry, hit tests and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-forest-plot.h"
#include "ob-plot-export.h"

static ObSubgroups *
alk_subgroups (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "alk-cohort.csv", NULL);
  const char *by[] = { "sex", "stage", "line_of_therapy", NULL };
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObSurvSpec spec = { .time_column = "pfs_months", .event_column = "pfs_event",
                      .group_column = "tp53_status", .reference = "wild-type" };
  ObSubgroups *sg;

  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  sg = ob_subgroups_new (dataset, &spec, by, NULL, NULL, &error);
  g_assert_no_error (error);
  return sg;
}

/* Every text inside the figure, none on another, none on the intervals' panel. */
static void
check_texts (const ObForestLayout *layout)
{
  GArray *boxes = layout->text_boxes;
  ObPlotRect page = { 0, 0, layout->width, layout->height };
  ObPlotRect panel = layout->panel;

  g_assert_cmpuint (boxes->len, >, 40);
  /* the panel minus its bottom edge, where tick labels hang */
  panel.height -= 0.5;
  for (guint i = 0; i < boxes->len; i++)
    {
      const ObPlotRect *a = &g_array_index (boxes, ObPlotRect, i);

      if (!ob_plot_rect_contains (&page, a, 0.01))
        g_error ("text box %u (%.1f, %.1f, %.1f × %.1f) leaves the %.0f × %.0f figure", i,
                 a->x, a->y, a->width, a->height, layout->width, layout->height);
      if (ob_plot_rect_intersects (a, &panel))
        g_error ("text box %u lies on the intervals", i);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const ObPlotRect *b = &g_array_index (boxes, ObPlotRect, j);
          ObPlotRect shrunk = { b->x + 0.2, b->y + 0.2, b->width - 0.4, b->height - 0.4 };

          if (ob_plot_rect_intersects (a, &shrunk))
            g_error ("text boxes %u and %u overlap", i, j);
        }
    }
}

static void
check_layout (const ObForestPlot *plot,
              double              width_mm)
{
  double width = OB_MM_TO_PT (width_mm);
  double height = ob_forest_plot_natural_height (plot, width);
  g_autoptr(ObForestLayout) layout = ob_forest_plot_layout (plot, width, height);
  const ObSubgroups *sg = plot->subgroups;
  double x0 = layout->panel.x, x1 = layout->panel.x + layout->panel.width;
  double w_ref = 0, side_ref = 0;
  guint n_subgroups = 0;

  g_assert_cmpfloat (layout->bottom, <=, height + 0.01);
  /* overall, three headings, ten subgroups */
  g_assert_cmpuint (layout->n_rows, ==, 1 + sg->n_interactions + sg->n_rows);
  g_assert_cmpint (layout->rows[0].kind, ==, OB_FOREST_ROW_OVERALL);
  check_texts (layout);

  /* the axis ends on ticks, and covers the line of no effect */
  g_assert_cmpuint (layout->n_ticks, >=, 3);
  g_assert_cmpfloat_with_epsilon (ob_plot_scale_map (&layout->x, layout->ticks[0]), x0, 1e-6);
  g_assert_cmpfloat_with_epsilon (ob_plot_scale_map (&layout->x,
                                                     layout->ticks[layout->n_ticks - 1]),
                                  x1, 1e-6);
  g_assert_cmpfloat (layout->x.lo, <, 1);
  g_assert_cmpfloat (layout->x.hi, >, 1);

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const ObForestRowLayout *r = &layout->rows[i];
      const ObForestRowLayout *hit = ob_forest_layout_hit (layout, layout->width / 2, r->y);

      g_assert_true (hit == r);
      if (i > 0)
        g_assert_cmpfloat (r->top, >=, layout->rows[i - 1].bottom - 1e-9);
      if (r->kind != OB_FOREST_ROW_SUBGROUP)
        continue;
      n_subgroups++;
      if (!isfinite (r->row->hr))
        {
          /* stage IIIC: one arm only; nothing drawn */
          g_assert_nonnull (r->row->reason);
          g_assert_cmpfloat (r->marker, ==, 0);
          continue;
        }
      g_assert_cmpfloat_with_epsilon (r->x_hr, ob_plot_scale_map (&layout->x, r->row->hr),
                                      1e-9);
      g_assert_cmpfloat (r->x_lo, >=, x0 - 1e-9);
      g_assert_cmpfloat (r->x_hi, <=, x1 + 1e-9);
      g_assert_true (r->clip_lo == (r->row->hr_lower < layout->x.lo));
      g_assert_true (r->clip_hi == (r->row->hr_upper > layout->x.hi));
      g_assert_cmpfloat (r->marker, <, layout->row_pitch);
      /* square areas in proportion to inverse variance */
      if (w_ref == 0)
        {
          w_ref = 1 / (r->row->se * r->row->se);
          side_ref = r->marker;
        }
      else if (r->marker > plot->style.font_size * 0.3 + 1e-9 && side_ref > 0)
        g_assert_cmpfloat_with_epsilon (r->marker * r->marker / (side_ref * side_ref),
                                        1 / (r->row->se * r->row->se) / w_ref, 1e-6);
    }
  g_assert_cmpuint (n_subgroups, ==, sg->n_rows);
  /* the overall diamond spans its interval */
  g_assert_cmpfloat_with_epsilon (layout->rows[0].marker,
                                  layout->rows[0].x_hi - layout->rows[0].x_lo, 1e-9);
  g_assert_null (ob_forest_layout_hit (layout, layout->width / 2, layout->axis_y + 2));
}

static void
test_layout (void)
{
  g_autoptr(ObSubgroups) sg = alk_subgroups ();
  ObForestPlot plot;

  ob_forest_plot_init (&plot, sg);
  check_layout (&plot, 89);
  check_layout (&plot, 183);
  plot.per_arm = TRUE;
  plot.title = "PFS by TP53 status";
  check_layout (&plot, 89);
  check_layout (&plot, 183);
}

static void
test_fixed_range (void)
{
  g_autoptr(ObSubgroups) sg = alk_subgroups ();
  g_autoptr(ObForestLayout) layout = NULL;
  ObForestPlot plot;
  guint clipped = 0;

  ob_forest_plot_init (&plot, sg);
  plot.x_min = 0.5;
  plot.x_max = 8;
  layout = ob_forest_plot_layout (&plot, OB_MM_TO_PT (120), OB_MM_TO_PT (90));
  g_assert_cmpfloat (layout->x.lo, ==, 0.5);
  g_assert_cmpfloat (layout->x.hi, ==, 8);
  for (guint t = 0; t < layout->n_ticks; t++)
    g_assert_true (layout->ticks[t] >= 0.5 && layout->ticks[t] <= 8);
  for (guint i = 0; i < layout->n_rows; i++)
    clipped += layout->rows[i].clip_lo + layout->rows[i].clip_hi;
  /* IIIB, IVB, recurrent, lines 2 and 3 reach beyond 0.5–8 */
  g_assert_cmpuint (clipped, >=, 5);
  check_texts (layout);
}

static void
test_format (void)
{
  ObSubgroupRow row = { .hr = 3.1345, .hr_lower = 1.8424, .hr_upper = 5.3329 };
  g_autofree char *a = ob_forest_format_hr (&row);
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "3.13 (1.84\u20135.33)");
  row.hr = NAN;
  b = ob_forest_format_hr (&row);
  g_assert_cmpstr (b, ==, "NE");
}

static void
test_export (void)
{
  g_autoptr(ObSubgroups) sg = alk_subgroups ();
  g_autofree char *dir = g_dir_make_tmp ("forest-XXXXXX", NULL);
  const char *names[] = { "forest.pdf", "forest.svg", "forest.png" };
  ObForestPlot plot;

  ob_forest_plot_init (&plot, sg);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      ObPlotFormat format;
      GStatBuf st;

      g_assert_true (ob_plot_format_from_path (path, &format, &error));
      g_assert_true (ob_plot_export (format, path, 89, 70, 150, ob_forest_plot_draw_func, &plot,
                                     &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/forest/layout", test_layout);
  g_test_add_func ("/plot/forest/fixed-range", test_fixed_range);
  g_test_add_func ("/plot/forest/format", test_format);
  g_test_add_func ("/plot/forest/export", test_export);
  return g_test_run ();
}
