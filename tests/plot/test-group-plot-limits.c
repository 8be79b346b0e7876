/* test-group-plot-limits.c: each value's interval as a whisker on its dot, and the values
 * beyond the limits of quantification as open markers on the dashed limit line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-group-plot.h"
#include "ob-plot-export.h"

/* Shaped like the samples table of elisa --samples-csv: distinct values, asymmetric CIs. */
static const char table[] =
  "group,conc,conc_lower,conc_upper\n"
  "ALK-TKI-resistant LMC,134.8,118.2,152.9\n"
  "ALK-TKI-resistant LMC,88.1,74.5,104.0\n"
  "ALK-TKI-resistant LMC,210.4,188.0,236.1\n"
  "ALK-TKI-resistant LMC,61.3,50.2,74.9\n"
  "EGFR-TKI-resistant LMC,11.2,7.9,15.8\n"
  "EGFR-TKI-resistant LMC,19.3,15.1,24.6\n"
  "EGFR-TKI-resistant LMC,14.7,10.8,19.9\n"
  "no LMC,6.6,3.9,11.1\n"
  "no LMC,8.4,5.6,12.7\n"
  "no LMC,9.9,6.9,14.2\n";

typedef struct
{
  ObDataset *dataset;
  ObGroupData *data;
  double *lower, *upper;
  gsize below[3], above[3];
  ObGroupPlot plot;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (table, strlen (table));
  g_autoptr(GError) error = NULL;
  const ObColumn *lo, *hi;

  f->dataset = ob_csv_read_bytes (bytes, "samples.csv", NULL, &error);
  g_assert_no_error (error);
  f->data = ob_group_data_new (f->dataset, "conc", "group", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->data->n_groups, ==, 3);
  lo = ob_dataset_lookup_column (f->dataset, "conc_lower");
  hi = ob_dataset_lookup_column (f->dataset, "conc_upper");
  f->lower = g_new (double, f->data->n);
  f->upper = g_new (double, f->data->n);
  for (gsize i = 0; i < f->data->n; i++)
    {
      f->lower[i] = ob_column_get_double (lo, f->data->row_index[i]);
      f->upper[i] = ob_column_get_double (hi, f->data->row_index[i]);
    }
  /* Two samples of "no LMC" under the LLOQ, one of the ALK group over the ULOQ. */
  memset (f->below, 0, sizeof f->below);
  memset (f->above, 0, sizeof f->above);
  f->below[ob_group_data_find (f->data, "no LMC")] = 2;
  f->above[ob_group_data_find (f->data, "ALK-TKI-resistant LMC")] = 1;
  ob_group_plot_init (&f->plot, f->data);
  f->plot.y_label = "AREG (pg/mL)";
  f->plot.log_y = TRUE;
  f->plot.lower = f->lower;
  f->plot.upper = f->upper;
  f->plot.n_below = f->below;
  f->plot.n_above = f->above;
  f->plot.lloq = 3.125;
  f->plot.uloq = 400;
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  g_free (f->lower);
  g_free (f->upper);
  ob_group_data_free (f->data);
  ob_dataset_unref (f->dataset);
}

static gboolean
inside (const ObPlotRect *r, double x, double y)
{
  double tol = 0.01;

  return x >= r->x - tol && x <= r->x + r->width + tol && y >= r->y - tol
         && y <= r->y + r->height + tol;
}

/* Every drawn point has its own interval around it, inside the data area. */
static void
test_whiskers (Fixture *f, gconstpointer user_data)
{
  g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&f->plot, OB_MM_TO_PT (89),
                                                          OB_MM_TO_PT (70));
  guint drawn = 0;

  g_assert_nonnull (layout->whisker_lo);
  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];

      for (gsize j = slot->first; j < slot->first + slot->n; j++)
        {
          double v = layout->sorted[j];
          gsize i;

          if (isnan (layout->px[j]))
            continue;
          /* The values are distinct: find the point's own row. */
          for (i = 0; i < f->data->n && f->data->values[i] != v; i++)
            ;
          g_assert_cmpuint (i, <, f->data->n);
          g_assert_cmpfloat_with_epsilon (layout->whisker_lo[j],
                                          ob_plot_scale_map (&layout->y, f->lower[i]), 1e-9);
          g_assert_cmpfloat_with_epsilon (layout->whisker_hi[j],
                                          ob_plot_scale_map (&layout->y, f->upper[i]), 1e-9);
          /* Page y grows downwards: the lower bound sits under the point. */
          g_assert_cmpfloat (layout->whisker_lo[j], >, layout->py[j]);
          g_assert_cmpfloat (layout->whisker_hi[j], <, layout->py[j]);
          g_assert_true (inside (&layout->plot, layout->px[j], layout->whisker_lo[j]));
          g_assert_true (inside (&layout->plot, layout->px[j], layout->whisker_hi[j]));
          drawn++;
        }
    }
  g_assert_cmpuint (drawn, ==, f->data->n);
}

/* Open markers sit on their limit's line, in their group's band, inside the data area; the
 * lines' labels overlap no other text. */
static void
test_open_markers (Fixture *f, gconstpointer user_data)
{
  g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&f->plot, OB_MM_TO_PT (89),
                                                          OB_MM_TO_PT (70));
  double band = layout->plot.width / f->data->n_groups;
  int no_lmc = ob_group_data_find (f->data, "no LMC");
  int alk = ob_group_data_find (f->data, "ALK-TKI-resistant LMC");
  guint on_lloq = 0, on_uloq = 0;

  g_assert_cmpuint (layout->n_open, ==, 3);
  g_assert_cmpfloat_with_epsilon (layout->lloq_y, ob_plot_scale_map (&layout->y, 3.125), 1e-9);
  g_assert_cmpfloat_with_epsilon (layout->uloq_y, ob_plot_scale_map (&layout->y, 400), 1e-9);
  for (gsize i = 0; i < layout->n_open; i++)
    {
      double x = layout->open_x[i], y = layout->open_y[i];
      int g = (int) floor ((x - layout->plot.x) / band);

      g_assert_true (inside (&layout->plot, x, y));
      if (y == layout->lloq_y)
        {
          g_assert_cmpint (g, ==, no_lmc);
          on_lloq++;
        }
      else
        {
          g_assert_cmpfloat (y, ==, layout->uloq_y);
          g_assert_cmpint (g, ==, alk);
          on_uloq++;
        }
    }
  g_assert_cmpuint (on_lloq, ==, 2);
  g_assert_cmpuint (on_uloq, ==, 1);
  /* Two markers of one group do not sit on each other. */
  for (gsize i = 0; i + 1 < layout->n_open; i++)
    if (layout->open_y[i] == layout->open_y[i + 1])
      g_assert_cmpfloat (fabs (layout->open_x[i] - layout->open_x[i + 1]), >=,
                         2 * layout->radius * 0.86);
  g_assert_true (ob_plot_rect_contains (&layout->plot, &layout->lloq_label, 0.01));
  g_assert_true (ob_plot_rect_contains (&layout->plot, &layout->uloq_label, 0.01));
  for (guint i = 0; i < layout->text_boxes->len; i++)
    {
      const ObPlotRect *box = &g_array_index (layout->text_boxes, ObPlotRect, i);

      if (memcmp (box, &layout->lloq_label, sizeof *box) != 0)
        g_assert_false (ob_plot_rect_intersects (box, &layout->lloq_label)
                        && memcmp (box, &layout->uloq_label, sizeof *box) != 0);
    }
}

/* Whiskers belong to the dot chart; a box plot summarises and draws none. */
static void
test_other_charts (Fixture *f, gconstpointer user_data)
{
  g_autoptr(ObGroupLayout) layout = NULL;

  f->plot.chart = OB_GROUP_CHART_BOX;
  layout = ob_group_plot_layout (&f->plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
  g_assert_null (layout->whisker_lo);
  g_assert_cmpuint (layout->n_open, ==, 0);
  g_assert_true (isnan (layout->lloq_y));
}

static void
test_export (Fixture *f, gconstpointer user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-group-limits-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "dot.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "dot.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ob_plot_export (OB_PLOT_FORMAT_PNG, png, 89, 70, 300, ob_group_plot_draw_func,
                                 &f->plot, &error));
  g_assert_no_error (error);
  g_assert_true (ob_plot_export (OB_PLOT_FORMAT_PDF, pdf, 89, 70, 300, ob_group_plot_draw_func,
                                 &f->plot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_remove (png), ==, 0);
  g_assert_cmpint (g_remove (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/plot/group-limits/whiskers", Fixture, NULL, fixture_set_up, test_whiskers,
              fixture_tear_down);
  g_test_add ("/plot/group-limits/open-markers", Fixture, NULL, fixture_set_up,
              test_open_markers, fixture_tear_down);
  g_test_add ("/plot/group-limits/other-charts", Fixture, NULL, fixture_set_up,
              test_other_charts, fixture_tear_down);
  g_test_add ("/plot/group-limits/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  return g_test_run ();
}
