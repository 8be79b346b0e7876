/* test-growth-plot-fixture.c: growth figure models built from the xenograft and
 * bioluminescence samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ob-csv-reader.h"
#include "test-growth-plot-fixture.h"

static ObDataset *
load_sample (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file,
                                                 NULL);
  g_autoptr (GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static guint
arm_of (ObGrowthData *data, const char *name)
{
  for (guint a = 0; a < data->arms->len; a++)
    if (g_str_equal (g_ptr_array_index (data->arms, a), name))
      return a;
  return ob_growth_data_add_arm (data, name);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Per arm and day: n, mean, SEM of the mice measured that day (DOMAIN's definition; the
 * statistics themselves are checked against R with the growth analysis). */
static void
add_summaries (ObGrowthData *data)
{
  g_autofree double *days = g_memdup2 (data->time->data, data->time->len * sizeof (double));
  gsize n_days = 0;

  qsort (days, data->time->len, sizeof (double), cmp_double);
  for (gsize i = 0; i < data->time->len; i++)
    if (n_days == 0 || days[i] != days[n_days - 1])
      days[n_days++] = days[i];
  for (guint a = 0; a < data->arms->len; a++)
    for (gsize d = 0; d < n_days; d++)
      {
        double sum = 0, ss = 0, mean;
        guint n = 0;

        for (guint s = 0; s < data->subjects->len; s++)
          {
            const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);

            for (gsize k = subj->first; k < subj->first + subj->n && subj->arm == a; k++)
              if (g_array_index (data->time, double, k) == days[d])
                {
                  sum += g_array_index (data->value, double, k);
                  n++;
                }
          }
        if (n == 0)
          continue;
        mean = sum / n;
        for (guint s = 0; s < data->subjects->len; s++)
          {
            const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);

            for (gsize k = subj->first; k < subj->first + subj->n && subj->arm == a; k++)
              if (g_array_index (data->time, double, k) == days[d])
                ss += pow (g_array_index (data->value, double, k) - mean, 2);
          }
        ob_growth_data_add_summary (data, a, days[d], n, mean,
                                    n > 1 ? sqrt (ss / (n - 1)) / sqrt (n) : NAN);
      }
}

/* mRECIST (Gao et al. 2015) from day 10, for the labels over the bars. */
static void
add_waterfall (ObGrowthData *data)
{
  for (guint s = 0; s < data->subjects->len; s++)
    {
      const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
      double v0 = g_array_index (data->value, double, subj->first);
      double br = INFINITY, bar = INFINITY, run = 0;
      const char *cat;

      for (gsize k = subj->first; k < subj->first + subj->n; k++)
        {
          double change = 100 * (g_array_index (data->value, double, k) - v0) / v0;

          run += change;
          if (g_array_index (data->time, double, k) < 10)
            continue;
          br = MIN (br, change);
          bar = MIN (bar, run / (k - subj->first + 1));
        }
      if (br < -95 && bar < -40)
        cat = "mCR";
      else if (br < -50 && bar < -20)
        cat = "mPR";
      else if (br < 35 && bar < 30)
        cat = "mSD";
      else
        cat = "mPD";
      ob_growth_data_add_waterfall (data, subj->id, subj->arm, isfinite (br) ? br : NAN, cat);
    }
}

/* xenograft.csv: volume = L × W² / 2, one mouse after another. */
ObGrowthData *
growth_load_xenograft (void)
{
  g_autoptr (ObDataset) ds = load_sample ("xenograft.csv");
  const ObColumn *mouse = ob_dataset_lookup_column (ds, "mouse");
  const ObColumn *arm = ob_dataset_lookup_column (ds, "arm");
  const ObColumn *day = ob_dataset_lookup_column (ds, "day");
  const ObColumn *len = ob_dataset_lookup_column (ds, "length_mm");
  const ObColumn *wid = ob_dataset_lookup_column (ds, "width_mm");
  ObGrowthData *data = ob_growth_data_new ();
  const char *last = NULL;

  g_assert_true (mouse && arm && day && len && wid);
  for (gsize r = 0; r < ob_dataset_get_n_rows (ds); r++)
    {
      const char *id = ob_column_get_string (mouse, r);
      double l = ob_column_get_double (len, r), w = ob_column_get_double (wid, r);

      if (last == NULL || !g_str_equal (last, id))
        ob_growth_data_add_subject (data, id, arm_of (data, ob_column_get_string (arm, r)));
      last = id;
      ob_growth_data_add_point (data, ob_column_get_double (day, r), l * w * w / 2, FALSE);
    }
  add_summaries (data);
  add_waterfall (data);
  return data;
}

/* bli.csv: photon flux, censored at or below the background. */
ObGrowthData *
growth_load_bli (void)
{
  g_autoptr (ObDataset) ds = load_sample ("bli.csv");
  const ObColumn *mouse = ob_dataset_lookup_column (ds, "mouse");
  const ObColumn *group = ob_dataset_lookup_column (ds, "group");
  const ObColumn *day = ob_dataset_lookup_column (ds, "day");
  const ObColumn *flux = ob_dataset_lookup_column (ds, "flux");
  ObGrowthData *data = ob_growth_data_new ();
  const char *last = NULL;

  g_assert_true (mouse && group && day && flux);
  for (gsize r = 0; r < ob_dataset_get_n_rows (ds); r++)
    {
      const char *id = ob_column_get_string (mouse, r);
      double f = ob_column_get_double (flux, r);

      if (last == NULL || !g_str_equal (last, id))
        ob_growth_data_add_subject (data, id, arm_of (data, ob_column_get_string (group, r)));
      last = id;
      ob_growth_data_add_point (data, ob_column_get_double (day, r), f, f <= BLI_BACKGROUND);
    }
  return data;
}

const Kind kinds[N_KINDS] = {
  { "curves", OB_GROWTH_CHART_CURVES },
  { "curves-mice", OB_GROWTH_CHART_CURVES },
  { "spaghetti", OB_GROWTH_CHART_SPAGHETTI },
  { "waterfall", OB_GROWTH_CHART_WATERFALL },
  { "weight", OB_GROWTH_CHART_WEIGHT },
  { "flux", OB_GROWTH_CHART_FLUX },
};

Samples samples;

/* Each kind as a study would show it: dosing days 0–14, the 1500 mm³ limit, the background. */
void
init_kind (ObGrowthPlot *plot, const Kind *kind)
{
  gboolean flux = kind->chart == OB_GROWTH_CHART_FLUX;

  ob_growth_plot_init (plot, flux ? samples.bli : samples.xeno, kind->chart);
  plot->show_subjects = g_str_equal (kind->name, "curves-mice");
  if (kind->chart == OB_GROWTH_CHART_CURVES || kind->chart == OB_GROWTH_CHART_SPAGHETTI)
    {
      plot->dosing_start = 0;
      plot->dosing_end = 14;
      plot->endpoint = ENDPOINT;
    }
  if (kind->chart == OB_GROWTH_CHART_WEIGHT)
    /* The sample has no body weights: the volumes stand in, labelled for what they are. */
    plot->y_label = "Tumour volume (mm³)";
  if (kind->chart == OB_GROWTH_CHART_WATERFALL)
    plot->show_categories = TRUE;
  if (flux)
    plot->background = BLI_BACKGROUND;
}

gboolean
near_rect (double x, double y, double r, const ObPlotRect *rect)
{
  double cx = CLAMP (x, rect->x, rect->x + rect->width);
  double cy = CLAMP (y, rect->y, rect->y + rect->height);

  return hypot (x - cx, y - cy) < r;
}

/* The page position of a mouse's k-th point, or FALSE when it is not drawn. */
gboolean
point_at (const ObGrowthLayout *layout, const ObGrowthPanel *panel, gsize i, double *x,
          double *y)
{
  const ObGrowthData *data = layout->source->data;
  double v = ob_growth_plot_point_y (layout->source, g_array_index (data->value, double, i),
                                     g_array_index (data->censored, guint8, i));

  if (isnan (v))
    return FALSE;
  *x = ob_plot_scale_map (&panel->x, g_array_index (data->time, double, i));
  *y = ob_plot_scale_map (&panel->y, v);
  return TRUE;
}
