/* test-group-plot.c: the group-comparison figure against R and its geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-group-plot.h"
#include "ob-plot-export.h"

static ObGroupData *
load_sample (const char *file, const char *value, const char *group, const char *factor2)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file,
                                                 NULL);
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ObGroupData *data;

  dataset = ob_csv_read_file (path, NULL, &error);
  g_assert_no_error (error);
  data = ob_group_data_new (dataset, value, group, factor2, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
assert_rel (double got, double want, double tol)
{
  if (!(fabs (got - want) <= tol * MAX (fabs (want), 1e-300)))
    g_error ("got %.17g, R says %.17g", got, want);
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* tests/reference/group-plot.csv, written by group-plot.R. */
static void
test_box_stats_r (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "group-plot.csv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 1; lines[l] != NULL && *lines[l]; l++)
    {
      g_auto(GStrv) f = g_strsplit (lines[l], ",", -1);
      g_autoptr(ObGroupData) data = NULL;
      g_autofree char *set = g_strndup (f[0] + 1, strlen (f[0]) - 2);
      g_autofree char *name = g_strndup (f[1] + 1, strlen (f[1]) - 2);
      g_autofree double *x = NULL;
      ObBoxStats box;
      int g;
      gsize n;

      g_assert_cmpuint (g_strv_length (f), ==, 14);
      if (g_str_equal (set, "csf"))
        data = load_sample ("csf-areg.csv", "areg_pg_ml", "group", NULL);
      else if (g_str_equal (set, "lung-age"))
        data = load_sample ("lung.csv", "age", "ph.ecog", NULL);
      else
        data = load_sample ("dnase.csv", "density", "run", NULL);
      g = ob_group_data_find (data, name);
      g_assert_cmpint (g, >=, 0);
      n = data->offsets[g + 1] - data->offsets[g];
      g_assert_cmpuint (n, ==, g_ascii_strtoull (f[2], NULL, 10));
      x = g_memdup2 (data->values + data->offsets[g], n * sizeof (double));
      qsort (x, n, sizeof (double), cmp_double);

      ob_box_stats (x, n, &box);
      for (int k = 0; k < 5; k++)
        assert_rel (box.stats[k], g_ascii_strtod (f[3 + k], NULL), 1e-12);
      g_assert_cmpuint (box.n_out, ==, g_ascii_strtoull (f[8], NULL, 10));
      assert_rel (ob_bw_nrd0 (x, n), g_ascii_strtod (f[9], NULL), 1e-12);
      assert_rel (ob_kde (x, n, g_ascii_strtod (f[9], NULL), g_ascii_strtod (f[10], NULL)),
                  g_ascii_strtod (f[11], NULL), 1e-9);
      assert_rel (ob_kde (x, n, g_ascii_strtod (f[9], NULL), g_ascii_strtod (f[12], NULL)),
                  g_ascii_strtod (f[13], NULL), 1e-9);
      checked++;
    }
  /* 3 CSF groups, 3 ECOG scores with two or more patients, 11 DNase runs. */
  g_assert_cmpuint (checked, ==, 17);
}

static void
test_stars (void)
{
  g_assert_cmpstr (ob_p_stars (0.2), ==, "ns");
  g_assert_cmpstr (ob_p_stars (0.05), ==, "ns");
  g_assert_cmpstr (ob_p_stars (0.0499), ==, "*");
  g_assert_cmpstr (ob_p_stars (0.01), ==, "*");
  g_assert_cmpstr (ob_p_stars (0.005), ==, "**");
  g_assert_cmpstr (ob_p_stars (0.0005), ==, "***");
  g_assert_cmpstr (ob_p_stars (0.0001), ==, "***");
  g_assert_cmpstr (ob_p_stars (4e-8), ==, "****");
}

typedef struct
{
  ObGroupData *data;
  ObPairwise *pairs;
  gsize n_pairs;
  ObGroupPlot plot;
} Figure;

static void
figure_clear (Figure *fig)
{
  g_clear_pointer (&fig->data, ob_group_data_free);
  g_clear_pointer (&fig->pairs, g_free);
}

static void
figure_csf (Figure *fig, ObGroupChart chart)
{
  g_autoptr(GError) error = NULL;

  fig->data = load_sample ("csf-areg.csv", "areg_pg_ml", "group", NULL);
  fig->pairs = ob_posthoc_oneway (fig->data->values, fig->data->offsets, fig->data->n_groups,
                                  OB_POSTHOC_DUNN, &fig->n_pairs, &error);
  g_assert_no_error (error);
  ob_group_plot_init (&fig->plot, fig->data);
  fig->plot.chart = chart;
  fig->plot.pairs = fig->pairs;
  fig->plot.n_pairs = fig->n_pairs;
  fig->plot.y_label = "AREG (pg/mL)";
}

static void
figure_apoptosis (Figure *fig)
{
  g_autoptr(GError) error = NULL;
  ObTwoway fit;

  fig->data = load_sample ("apoptosis.csv", "apoptosis_pct", "cell_line", "treatment");
  g_assert_true (ob_anova_twoway (fig->data, &fit, &error));
  g_assert_no_error (error);
  fig->pairs = ob_twoway_sidak (fig->data, &fit, &fig->n_pairs, &error);
  g_assert_no_error (error);
  ob_group_plot_init (&fig->plot, fig->data);
  fig->plot.chart = OB_GROUP_CHART_BAR;
  fig->plot.pairs = fig->pairs;
  fig->plot.n_pairs = fig->n_pairs;
  fig->plot.y_label = "Apoptosis (%)";
}

static void
assert_no_overlap (const ObGroupLayout *layout)
{
  double d = 2 * layout->radius;
  gsize drawn = 0;

  g_assert_cmpfloat (layout->radius, >, 0);
  for (gsize i = 0; i < layout->source->data->n; i++)
    {
      if (isnan (layout->px[i]))
        continue;
      drawn++;
      for (gsize j = i + 1; j < layout->source->data->n; j++)
        if (!isnan (layout->px[j]))
          g_assert_cmpfloat (hypot (layout->px[i] - layout->px[j],
                                    layout->py[i] - layout->py[j]), >=, d - 1e-9);
    }
  g_assert_cmpuint (drawn, >, 0);
}

static void
test_beeswarm (void)
{
  static const double sizes[][2] = { { 89, 70 }, { 60, 45 }, { 40, 30 }, { 180, 120 } };
  Figure fig = { 0 };

  figure_csf (&fig, OB_GROUP_CHART_DOT);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot,
                                                              OB_MM_TO_PT (sizes[s][0]),
                                                              OB_MM_TO_PT (sizes[s][1]));

      assert_no_overlap (layout);
      /* Every point stays within its own slot, so groups never mix. */
      for (guint k = 0; k < layout->n_slots; k++)
        {
          const ObGroupSlot *slot = &layout->slots[k];

          for (gsize i = slot->first; i < slot->first + slot->n; i++)
            g_assert_cmpfloat (fabs (layout->px[i] - slot->x), <=,
                               slot->half_width + 1e-9);
        }
    }
  fig.plot.chart = OB_GROUP_CHART_BAR;
  {
    g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 250, 200);

    assert_no_overlap (layout);
  }
  figure_clear (&fig);
}

static gboolean
circle_hits_rect (double x, double y, double r, const ObPlotRect *rect)
{
  double cx = CLAMP (x, rect->x, rect->x + rect->width);
  double cy = CLAMP (y, rect->y, rect->y + rect->height);

  return hypot (x - cx, y - cy) < r;
}

static ObPlotRect
extent (const ObGroupBracket *b)
{
  double x0 = MIN (b->x0, b->label.x), x1 = MAX (b->x1, b->label.x + b->label.width);

  return (ObPlotRect) { x0, b->label.y, x1 - x0, b->y + b->leg - b->label.y };
}

static void
assert_brackets_clear (const ObGroupLayout *layout, gsize expected)
{
  const ObGroupPlot *plot = layout->source;

  g_assert_cmpuint (layout->n_brackets, ==, expected);
  for (gsize i = 0; i < layout->n_brackets; i++)
    {
      ObPlotRect a = extent (&layout->brackets[i]);

      g_assert_true (ob_plot_rect_contains (&layout->plot, &a, 0.01));
      for (gsize j = i + 1; j < layout->n_brackets; j++)
        {
          ObPlotRect b = extent (&layout->brackets[j]);

          g_assert_false (ob_plot_rect_intersects (&a, &b));
        }
      for (gsize p = 0; p < plot->data->n; p++)
        if (!isnan (layout->px[p]))
          g_assert_false (circle_hits_rect (layout->px[p], layout->py[p], layout->radius, &a));
      for (guint k = 0; k < layout->n_slots; k++)
        {
          const ObGroupSlot *slot = &layout->slots[k];
          double lo, hi;

          if (slot->x + slot->half_width < a.x || slot->x - slot->half_width > a.x + a.width)
            continue;
          /* Error bars and the highest value or whisker end below the bracket. */
          ob_group_slot_error (plot, slot, &lo, &hi);
          if (isfinite (hi) && plot->chart != OB_GROUP_CHART_BOX)
            g_assert_cmpfloat (ob_plot_scale_map (&layout->y, hi), >, a.y + a.height);
          g_assert_cmpfloat (ob_plot_scale_map (&layout->y, slot->box.stats[4]), >,
                             a.y + a.height);
        }
    }
}

static void
test_brackets (void)
{
  for (ObGroupChart chart = OB_GROUP_CHART_DOT; chart <= OB_GROUP_CHART_VIOLIN; chart++)
    {
      Figure fig = { 0 };

      figure_csf (&fig, chart);
      /* Dunn: all three pairs are below 0.05 on the CSF sample. */
      for (gsize i = 0; i < fig.n_pairs; i++)
        g_assert_cmpfloat (fig.pairs[i].p_adj, <, 0.05);
      {
        g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 252, 198);

        assert_brackets_clear (layout, 3);
        for (gsize i = 0; i < layout->n_brackets; i++)
          g_assert_cmpstr (layout->brackets[i].text, ==,
                           ob_p_stars (fig.pairs[layout->brackets[i].pair].p_adj));
      }
      fig.plot.exact_p = TRUE;
      {
        g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 150, 120);

        assert_brackets_clear (layout, 3);
        g_assert_true (g_str_has_prefix (layout->brackets[0].text, "p "));
      }
      figure_clear (&fig);
    }

  {
    Figure fig = { 0 };
    gsize significant = 0;

    figure_apoptosis (&fig);
    for (gsize i = 0; i < fig.n_pairs; i++)
      significant += fig.pairs[i].p_adj < 0.05;
    {
      g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 252, 198);

      g_assert_cmpuint (layout->n_slots, ==, 8);
      g_assert_cmpfloat (layout->legend.width, >, 0);
      assert_brackets_clear (layout, significant);
      assert_no_overlap (layout);
    }
    fig.plot.show_ns = TRUE;
    {
      g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 400, 300);

      assert_brackets_clear (layout, fig.n_pairs);
    }
    figure_clear (&fig);
  }
}

static void
assert_text_inside (const ObGroupLayout *layout)
{
  ObPlotRect page = { 0, 0, layout->width, layout->height };

  g_assert_cmpuint (layout->text_boxes->len, >, 3);
  for (guint i = 0; i < layout->text_boxes->len; i++)
    {
      const ObPlotRect *box = &g_array_index (layout->text_boxes, ObPlotRect, i);

      g_assert_true (ob_plot_rect_contains (&page, box, 0.01));
    }
  /* Group names and significance marks never collide with one another. */
  for (guint i = 0; i < layout->x_line_boxes->len; i++)
    for (guint j = i + 1; j < layout->x_line_boxes->len; j++)
      g_assert_false (ob_plot_rect_intersects (&g_array_index (layout->x_line_boxes,
                                                               ObPlotRect, i),
                                               &g_array_index (layout->x_line_boxes,
                                                               ObPlotRect, j)));
}

static void
test_text_inside (void)
{
  static const double sizes[][2] = { { 89, 70 }, { 55, 50 }, { 183, 90 } };

  for (ObGroupChart chart = OB_GROUP_CHART_DOT; chart <= OB_GROUP_CHART_VIOLIN; chart++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        Figure fig = { 0 }, two = { 0 };

        figure_csf (&fig, chart);
        fig.plot.title = "AREG in cerebrospinal fluid";
        figure_apoptosis (&two);
        two.plot.chart = chart;
        {
          g_autoptr(ObGroupLayout) a = ob_group_plot_layout (&fig.plot, OB_MM_TO_PT (sizes[s][0]),
                                                             OB_MM_TO_PT (sizes[s][1]));
          g_autoptr(ObGroupLayout) b = ob_group_plot_layout (&two.plot, OB_MM_TO_PT (sizes[s][0]),
                                                             OB_MM_TO_PT (sizes[s][1]));

          assert_text_inside (a);
          assert_text_inside (b);
        }
        figure_clear (&fig);
        figure_clear (&two);
      }
}

static void
test_log_axis (void)
{
  Figure fig = { 0 };

  figure_csf (&fig, OB_GROUP_CHART_BOX);
  fig.plot.log_y = TRUE;
  {
    g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (&fig.plot, 252, 198);

    g_assert_cmpint (layout->y.kind, ==, OB_PLOT_SCALE_LOG10);
    g_assert_cmpfloat (layout->y.lo, <=, 3.7);
    g_assert_cmpfloat (layout->y.hi, >=, 258.4);
    assert_brackets_clear (layout, 3);
  }
  figure_clear (&fig);
}

static void
test_export (void)
{
  static const struct { ObPlotFormat fmt; const char *name; const char *magic; gsize len; }
  cases[] = {
    { OB_PLOT_FORMAT_PDF, "f.pdf", "%PDF-", 5 },
    { OB_PLOT_FORMAT_SVG, "f.svg", "<?xml", 5 },
    { OB_PLOT_FORMAT_EPS, "f.eps", "%!PS-Adobe", 10 },
    { OB_PLOT_FORMAT_PNG, "f.png", "\x89PNG\r\n\x1a\n", 8 },
    { OB_PLOT_FORMAT_TIFF, "f.tif", "II*\0", 4 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-group-plot-XXXXXX", &error);
  Figure fig = { 0 };

  g_assert_no_error (error);
  figure_apoptosis (&fig);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      fig.plot.chart = (ObGroupChart) (i % 4);
      g_assert_true (ob_plot_export (cases[i].fmt, path, 89, 70, 150, ob_group_plot_draw_func,
                                     &fig.plot, &error));
      g_assert_no_error (error);
      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (len, >, 1000);
      g_assert_cmpmem (contents, cases[i].len, cases[i].magic, cases[i].len);
      g_unlink (path);
    }
  g_rmdir (dir);
  figure_clear (&fig);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plot/group/box-stats-r", test_box_stats_r);
  g_test_add_func ("/plot/group/stars", test_stars);
  g_test_add_func ("/plot/group/beeswarm", test_beeswarm);
  g_test_add_func ("/plot/group/brackets", test_brackets);
  g_test_add_func ("/plot/group/text-inside", test_text_inside);
  g_test_add_func ("/plot/group/log-axis", test_log_axis);
  g_test_add_func ("/plot/group/export", test_export);
  return g_test_run ();
}
