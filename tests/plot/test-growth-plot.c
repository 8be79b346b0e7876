/* test-growth-plot.c: the tumour growth figures on the xenograft and bioluminescence samples:
 * geometry, legend and labels clear of data, hit tests, log axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-plot-export.h"
#include "test-growth-plot-fixture.h"

static const double sizes[][2] = { { 89, 70 }, { 183, 90 }, { 60, 50 }, { 89, 110 } };

static void
test_names (void)
{
  ObGrowthChart chart;
  ObGrowthLegend legend;

  for (ObGrowthChart c = OB_GROWTH_CHART_CURVES; c <= OB_GROWTH_CHART_FLUX; c++)
    {
      g_assert_true (ob_growth_chart_from_string (ob_growth_chart_to_string (c), &chart));
      g_assert_cmpint (chart, ==, c);
    }
  g_assert_true (ob_growth_chart_from_string ("Waterfall", &chart));
  g_assert_cmpint (chart, ==, OB_GROWTH_CHART_WATERFALL);
  g_assert_false (ob_growth_chart_from_string ("pie", &chart));
  g_assert_false (ob_growth_chart_from_string (NULL, &chart));
  g_assert_true (ob_growth_legend_from_string ("bottom-right", &legend));
  g_assert_cmpint (legend, ==, OB_GROWTH_LEGEND_BOTTOM_RIGHT);
  g_assert_false (ob_growth_legend_from_string ("middle", &legend));
}

static void
test_model (void)
{
  const ObGrowthData *x = samples.xeno, *b = samples.bli;
  guint at_day0 = 0, single = 0;

  /* README: M01–M32 in four arms of 8, days 0–28; L01–L24 in three groups. */
  g_assert_cmpuint (ob_growth_data_n_arms (x), ==, 4);
  g_assert_cmpstr (ob_growth_data_arm_name (x, 0), ==, "vehicle");
  g_assert_cmpuint (x->subjects->len, ==, 32);
  g_assert_cmpuint (x->time->len, ==, 285);
  g_assert_cmpuint (x->waterfall->len, ==, 32);
  g_assert_cmpuint (ob_growth_data_n_arms (b), ==, 3);
  g_assert_cmpuint (b->subjects->len, ==, 24);
  g_assert_cmpuint (b->time->len, ==, 285);
  for (guint i = 0; i < x->summaries->len; i++)
    {
      const ObGrowthSummary *s = &g_array_index (x->summaries, ObGrowthSummary, i);

      at_day0 += s->time == 0 && s->n == 8;
      single += s->n == 1;
      g_assert_true ((s->n < 2) == isnan (s->sem));
    }
  g_assert_cmpuint (at_day0, ==, 4);
  g_assert_cmpuint (single, ==, 0);
  {
    guint n_cens = 0;

    for (guint i = 0; i < b->censored->len; i++)
      n_cens += g_array_index (b->censored, guint8, i);
    g_assert_cmpuint (n_cens, >, 0);
    g_assert_cmpuint (n_cens, <, b->censored->len / 4);
  }
  /* A mouse of one measurement has no error bar. */
  {
    g_autoptr (ObGrowthData) d = ob_growth_data_new ();
    guint a = ob_growth_data_add_arm (d, "only");

    ob_growth_data_add_summary (d, a, 0, 1, 100, 3);
    g_assert_true (isnan (g_array_index (d->summaries, ObGrowthSummary, 0).sem));
  }
}

static void
assert_text_clear (const ObGrowthLayout *layout, const char *what)
{
  ObPlotRect page = { 0, 0, layout->width, layout->height };

  g_assert_cmpuint (layout->text_boxes->len, >, 4);
  for (guint i = 0; i < layout->text_boxes->len; i++)
    {
      const ObPlotRect *a = &g_array_index (layout->text_boxes, ObPlotRect, i);

      if (!ob_plot_rect_contains (&page, a, 0.01))
        g_error ("%s: text %u at %.1f,%.1f %.1f×%.1f leaves the %.0f×%.0f page", what, i, a->x,
                 a->y, a->width, a->height, page.width, page.height);
      for (guint j = i + 1; j < layout->text_boxes->len; j++)
        {
          const ObPlotRect *b = &g_array_index (layout->text_boxes, ObPlotRect, j);
          ObPlotRect shrunk = { b->x + 0.2, b->y + 0.2, b->width - 0.4, b->height - 0.4 };

          if (ob_plot_rect_intersects (a, &shrunk))
            g_error ("%s: text %u (%.1f,%.1f %.1f×%.1f) overlaps text %u (%.1f,%.1f %.1f×%.1f)",
                     what, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width,
                     b->height);
        }
    }
}

static void
test_text_clear (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int titled = 0; titled < 2; titled++)
        {
          g_autofree char *what = g_strdup_printf ("%s %.0f×%.0f mm%s", kinds[k].name,
                                                   sizes[s][0], sizes[s][1],
                                                   titled ? " titled" : "");
          g_autoptr (ObGrowthLayout) layout = NULL;
          ObGrowthPlot plot;

          init_kind (&plot, &kinds[k]);
          plot.title = titled ? "Subcutaneous H3122 xenografts" : NULL;
          layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (sizes[s][0]),
                                          OB_MM_TO_PT (sizes[s][1]));
          assert_text_clear (layout, what);
        }
}

/* No marker, error bar, trace or bar under the key (checked every half point along lines). */
static void
assert_legend_clear (const ObGrowthLayout *layout, const char *what)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthData *data = plot->data;
  const ObGrowthPanel *panel = &layout->panels[0];
  const ObPlotRect *key = &layout->legend;
  double r = layout->marker;

  g_assert_cmpfloat (key->width, >, 0);
  for (gsize b = 0; b < layout->n_bars; b++)
    {
      const ObGrowthBar *bar = &layout->bars[b];
      ObPlotRect br = { bar->x0, MIN (bar->y0, bar->y1), bar->x1 - bar->x0,
                        fabs (bar->y1 - bar->y0) };

      if (ob_plot_rect_intersects (key, &br))
        g_error ("%s: the key covers bar %" G_GSIZE_FORMAT, what, b);
    }
  for (guint i = 0; i < data->summaries->len && ob_growth_plot_draws_summaries (plot); i++)
    {
      const ObGrowthSummary *s = &g_array_index (data->summaries, ObGrowthSummary, i);
      double x = ob_plot_scale_map (&panel->x, s->time);
      double e = isfinite (s->sem) ? s->sem : 0;

      for (double v = s->mean - e; v <= s->mean + e + 1e-9; v += MAX (e / 20, 1e-9))
        if (near_rect (x, ob_plot_scale_map (&panel->y, v), r, key))
          g_error ("%s: the key covers the mean of arm %u on day %g", what, s->arm, s->time);
    }
  for (guint s = 0; s < data->subjects->len && ob_growth_plot_draws_subjects (plot); s++)
    {
      const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
      double lx = NAN, ly = NAN;

      for (gsize k = subj->first; k < subj->first + subj->n; k++)
        {
          double x, y;

          if (!point_at (layout, panel, layout->point_order[k], &x, &y))
            continue;
          for (int t = 0; !isnan (lx) && t <= 200; t++)
            if (near_rect (lx + (x - lx) * t / 200, ly + (y - ly) * t / 200, 0.3, key))
              g_error ("%s: the key covers mouse %s", what, subj->id);
          if (near_rect (x, y, r, key))
            g_error ("%s: the key covers a point of mouse %s", what, subj->id);
          lx = x;
          ly = y;
        }
    }
}

static void
test_legend_clear (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *what = g_strdup_printf ("%s %.0f×%.0f mm", kinds[k].name, sizes[s][0],
                                                 sizes[s][1]);
        g_autoptr (ObGrowthLayout) layout = NULL;
        ObGrowthPlot plot;

        init_kind (&plot, &kinds[k]);
        layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (sizes[s][0]),
                                        OB_MM_TO_PT (sizes[s][1]));
        if (kinds[k].chart == OB_GROWTH_CHART_SPAGHETTI)
          {
            /* Panel titles name the arms instead. */
            g_assert_cmpfloat (layout->legend.width, <=, 0);
            continue;
          }
        assert_legend_clear (layout, what);
      }

  /* No free corner on a narrow page: the key goes above the plot, in one row when it fits. */
  {
    g_autoptr (ObGrowthLayout) layout = NULL;
    g_autoptr (ObPlotText) text = NULL;
    ObGrowthPlot plot;

    init_kind (&plot, &kinds[5]);
    layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
    text = ob_plot_text_new (&plot.plot_style);
    g_assert_true (layout->legend_horizontal);
    g_assert_cmpfloat (layout->legend.y + layout->legend.height, <=, layout->panels[0].area.y);
    g_assert_cmpfloat (layout->legend.height, <, 1.5 * ob_plot_text_line_height (text));
  }
  {
    g_autoptr (ObGrowthLayout) layout = NULL;
    g_autoptr (ObPlotText) text = NULL;
    ObGrowthPlot plot;
    double xs[4], ys[4], w, h;
    const char *labels[4];

    init_kind (&plot, &kinds[1]);
    layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (60), OB_MM_TO_PT (50));
    text = ob_plot_text_new (&plot.plot_style);
    g_assert_true (layout->legend_horizontal);
    /* Wrapped, the entries stand in columns. */
    for (guint i = 0; i < 4; i++)
      labels[i] = ob_growth_data_arm_name (plot.data, i);
    ob_growth_legend_flow (text, &plot.plot_style, labels, 4, TRUE, layout->legend.width + 0.01,
                           xs, ys, &w, &h);
    g_assert_cmpfloat (ys[3], >, ys[0]);
    for (guint i = 0; i < 4; i++)
      for (guint j = 0; j < 4; j++)
        if (ys[i] != ys[j])
          g_assert_true (xs[i] == xs[j] || fabs (xs[i] - xs[j]) > 10);
    g_assert_cmpfloat (fabs (w - layout->legend.width), <, 0.02);
  }

  /* A corner asked for is kept; "none" draws no key. */
  {
    ObGrowthPlot plot;

    init_kind (&plot, &kinds[0]);
    plot.legend = OB_GROWTH_LEGEND_BOTTOM_RIGHT;
    {
      g_autoptr (ObGrowthLayout) layout = ob_growth_plot_layout (&plot, 252, 198);
      const ObPlotRect *a = &layout->panels[0].area;

      g_assert_cmpfloat (layout->legend.x + layout->legend.width, >, a->x + a->width * 0.5);
      g_assert_cmpfloat (layout->legend.y, >, a->y + a->height * 0.5);
    }
    plot.legend = OB_GROWTH_LEGEND_RIGHT;
    {
      g_autoptr (ObGrowthLayout) layout = ob_growth_plot_layout (&plot, 252, 198);
      const ObPlotRect *a = &layout->panels[0].area;

      g_assert_cmpfloat (layout->legend.x, >=, a->x + a->width);
      assert_text_clear (layout, "legend right");
    }
    plot.legend = OB_GROWTH_LEGEND_NONE;
    {
      g_autoptr (ObGrowthLayout) layout = ob_growth_plot_layout (&plot, 252, 198);

      g_assert_cmpfloat (layout->legend.width, <=, 0);
    }
  }
}

/* Every vertex of every drawn trace hits a mouse; nearly always its own, and always one of the
 * panel's arm.  Between traces and outside the plot, nothing. */
static void
test_hit_test (void)
{
  static const guint traced[] = { 1, 2, 5 };

  for (guint t = 0; t < G_N_ELEMENTS (traced); t++)
    {
      const Kind *kind = &kinds[traced[t]];
      g_autoptr (ObGrowthLayout) layout = NULL;
      const ObGrowthData *data;
      ObGrowthPlot plot;
      ObGrowthHit hit;
      guint own = 0, total = 0;

      init_kind (&plot, kind);
      data = plot.data;
      layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (183), OB_MM_TO_PT (120));
      for (guint s = 0; s < data->subjects->len; s++)
        {
          const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
          const ObGrowthPanel *panel = ob_growth_layout_panel (layout, subj->arm);

          for (gsize k = subj->first; k < subj->first + subj->n; k++)
            {
              gsize i = layout->point_order[k];
              double x, y;

              if (!point_at (layout, panel, i, &x, &y))
                continue;
              g_assert_true (ob_growth_plot_hit_test (layout, x, y, &hit));
              g_assert_cmpuint (hit.entry, ==, G_MAXUINT);
              g_assert_cmpuint (hit.subject, <, data->subjects->len);
              if (kind->chart == OB_GROWTH_CHART_SPAGHETTI)
                g_assert_cmpuint (hit.arm, ==, subj->arm);
              if (hit.subject == s)
                {
                  own++;
                  g_assert_cmpstr (hit.id, ==, subj->id);
                  g_assert_cmpfloat (hit.time, ==, g_array_index (data->time, double, i));
                  g_assert_cmpfloat (hit.value, ==, g_array_index (data->value, double, i));
                }
              total++;
            }
        }
      g_test_message ("%s: %u of %u points hit their own mouse", kind->name, own, total);
      g_assert_cmpuint (total, >, 250);
      /* Early measurements of mice in one arm coincide on the page. */
      g_assert_cmpfloat (own, >=, 0.6 * total);

      /* The title area and the left margin hold no mouse. */
      g_assert_false (ob_growth_plot_hit_test (layout, 1, 1, &hit));
      g_assert_false (ob_growth_plot_hit_test (layout, layout->panels[0].area.x - 20,
                                               layout->panels[0].area.y + 10, &hit));
    }

  /* The last measurement of the largest vehicle tumour stands alone at the top. */
  {
    g_autoptr (ObGrowthLayout) layout = NULL;
    const ObGrowthData *data = samples.xeno;
    ObGrowthPlot plot;
    ObGrowthHit hit;
    gsize top = 0;
    double x, y;

    init_kind (&plot, &kinds[1]);
    layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
    for (gsize i = 1; i < data->value->len; i++)
      if (g_array_index (data->value, double, i) > g_array_index (data->value, double, top))
        top = i;
    g_assert_true (point_at (layout, &layout->panels[0], top, &x, &y));
    g_assert_true (ob_growth_plot_hit_test (layout, x + 0.5, y + 0.5, &hit));
    g_assert_cmpfloat (hit.value, ==, g_array_index (data->value, double, top));
    for (guint s = 0; s < data->subjects->len; s++)
      {
        const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);

        if (top >= subj->first && top < subj->first + subj->n)
          g_assert_cmpuint (hit.subject, ==, s);
      }

    /* Without individual traces there is no mouse to click. */
    plot.show_subjects = FALSE;
    {
      g_autoptr (ObGrowthLayout) means = ob_growth_plot_layout (&plot, OB_MM_TO_PT (89),
                                                                OB_MM_TO_PT (70));

      g_assert_false (ob_growth_plot_hit_test (means, x, y, &hit));
    }
  }

  /* A waterfall bar is its mouse. */
  {
    g_autoptr (ObGrowthLayout) layout = NULL;
    ObGrowthPlot plot;
    ObGrowthHit hit;

    init_kind (&plot, &kinds[3]);
    layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
    g_assert_cmpuint (layout->n_bars, ==, 32);
    for (gsize b = 0; b < layout->n_bars; b++)
      {
        const ObGrowthBar *bar = &layout->bars[b];
        const ObGrowthWaterfall *w = &g_array_index (samples.xeno->waterfall, ObGrowthWaterfall,
                                                     bar->entry);

        g_assert_true (ob_growth_plot_hit_test (layout, (bar->x0 + bar->x1) / 2,
                                                (bar->y0 + bar->y1) / 2, &hit));
        g_assert_cmpuint (hit.entry, ==, bar->entry);
        g_assert_cmpuint (hit.subject, ==, G_MAXUINT);
        g_assert_cmpstr (hit.id, ==, w->id);
        g_assert_cmpuint (hit.arm, ==, w->arm);
        g_assert_cmpfloat (hit.value, ==, w->best_change);
      }
  }
}

static void
test_log_axis (void)
{
  const ObGrowthData *data = samples.bli;
  double max_flux = 0;

  for (gsize i = 0; i < data->value->len; i++)
    max_flux = MAX (max_flux, g_array_index (data->value, double, i));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (ObGrowthLayout) layout = NULL;
      const ObGrowthPanel *panel;
      ObGrowthPlot plot;
      double y_bg;

      init_kind (&plot, &kinds[5]);
      layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (sizes[s][0]),
                                      OB_MM_TO_PT (sizes[s][1]));
      panel = &layout->panels[0];
      g_assert_cmpint (panel->y.kind, ==, OB_PLOT_SCALE_LOG10);
      g_assert_cmpuint (layout->n_y_ticks, >=, 3);
      for (guint t = 0; t < layout->n_y_ticks; t++)
        {
          double e = log10 (layout->y_ticks[t]);

          g_assert_cmpfloat (fabs (e - round (e)), <, 1e-9);
          if (t > 0)
            g_assert_cmpfloat (layout->y_ticks[t], >, layout->y_ticks[t - 1]);
        }
      g_assert_cmpfloat (panel->y.lo, <, BLI_BACKGROUND);
      g_assert_cmpfloat (panel->y.hi, >=, max_flux);

      /* Censored scans sit on the background line; its label is inside the plot, under it. */
      for (gsize i = 0; i < data->value->len; i++)
        if (g_array_index (data->censored, guint8, i))
          g_assert_cmpfloat (ob_growth_plot_point_y (&plot, g_array_index (data->value, double, i),
                                                     TRUE), ==, BLI_BACKGROUND);
      y_bg = ob_plot_scale_map (&panel->y, BLI_BACKGROUND);
      if (!ob_plot_rect_contains (&panel->area, &layout->background_label, 0.01))
        g_error ("%.0f mm: the background label (%.1f,%.1f %.1f×%.1f) leaves the plot "
                 "(%.1f,%.1f %.1f×%.1f)", sizes[s][0], layout->background_label.x,
                 layout->background_label.y, layout->background_label.width,
                 layout->background_label.height, panel->area.x, panel->area.y,
                 panel->area.width, panel->area.height);
      g_assert_cmpfloat (layout->background_label.y, >=, y_bg);
    }

  /* Log volumes leave out what cannot be shown instead of failing. */
  {
    g_autoptr (ObGrowthData) d = ob_growth_data_new ();
    g_autoptr (ObGrowthLayout) layout = NULL;
    guint a = ob_growth_data_add_arm (d, "vehicle");
    ObGrowthPlot plot;

    ob_growth_data_add_subject (d, "M1", a);
    ob_growth_data_add_point (d, 0, 0, FALSE);
    ob_growth_data_add_point (d, 7, 120, FALSE);
    ob_growth_data_add_point (d, 14, 900, FALSE);
    ob_growth_data_add_summary (d, a, 7, 3, 50, 80);
    ob_growth_plot_init (&plot, d, OB_GROWTH_CHART_CURVES);
    plot.log_y = TRUE;
    plot.show_subjects = TRUE;
    layout = ob_growth_plot_layout (&plot, 252, 198);
    g_assert_cmpint (layout->panels[0].y.kind, ==, OB_PLOT_SCALE_LOG10);
    g_assert_cmpfloat (layout->panels[0].y.lo, >, 0);
    g_assert_cmpfloat (layout->panels[0].y.lo, <=, 50);
    g_assert_true (isnan (ob_growth_plot_point_y (&plot, 0, FALSE)));
  }
}

static void
test_waterfall (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (ObGrowthLayout) layout = NULL;
      const ObGrowthData *data = samples.xeno;
      const ObGrowthPanel *panel;
      ObGrowthPlot plot;
      double pitch_min = INFINITY;
      guint labelled = 0;
      g_autoptr (ObPlotText) text = NULL;

      init_kind (&plot, &kinds[3]);
      layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (sizes[s][0]),
                                      OB_MM_TO_PT (sizes[s][1]));
      panel = &layout->panels[0];
      text = ob_plot_text_new (&plot.plot_style);
      ob_plot_text_set_font (text, 0.85, FALSE);
      g_assert_cmpuint (layout->n_bars, ==, data->waterfall->len);
      for (gsize b = 0; b < layout->n_bars; b++)
        {
          const ObGrowthBar *bar = &layout->bars[b];
          const ObGrowthWaterfall *w = &g_array_index (data->waterfall, ObGrowthWaterfall,
                                                       bar->entry);
          ObPlotRect box = ob_growth_category_box (layout, text, bar);

          /* Sorted descending, left to right, growth upwards. */
          if (b > 0)
            {
              const ObGrowthBar *prev = &layout->bars[b - 1];

              g_assert_cmpfloat (g_array_index (data->waterfall, ObGrowthWaterfall,
                                                prev->entry).best_change, >=, w->best_change);
              g_assert_cmpfloat (bar->x0, >, prev->x1);
              pitch_min = MIN (pitch_min, bar->x0 - prev->x0);
            }
          g_assert_cmpfloat (bar->y0, ==, ob_plot_scale_map (&panel->y, 0));
          g_assert_true ((w->best_change > 0) == (bar->y1 < bar->y0));
          g_assert_cmpfloat (bar->x0, >=, panel->area.x);
          g_assert_cmpfloat (bar->x1, <=, panel->area.x + panel->area.width + 1e-9);
          if (box.width > 0)
            {
              labelled++;
              g_assert_true (ob_plot_rect_contains (&panel->area, &box, 0.01));
            }
        }
      /* With the reference lines, +20% and −30% are on the axis. */
      g_assert_cmpfloat (panel->y.lo, <=, -30);
      g_assert_cmpfloat (panel->y.hi, >=, 20);
      g_test_message ("%.0f mm: %u of %" G_GSIZE_FORMAT " bars labelled", sizes[s][0], labelled,
                      layout->n_bars);
      if (sizes[s][0] >= 89)
        g_assert_cmpuint (labelled, ==, layout->n_bars);
    }
}

static void
test_panels (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (ObGrowthLayout) layout = NULL;
      ObGrowthPlot plot;
      guint with_y = 0, with_x = 0;

      init_kind (&plot, &kinds[2]);
      layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (sizes[s][0]),
                                      OB_MM_TO_PT (sizes[s][1]));
      g_assert_cmpuint (layout->n_panels, ==, 4);
      for (guint i = 0; i < layout->n_panels; i++)
        {
          const ObGrowthPanel *p = &layout->panels[i];

          g_assert_cmpuint (p->arm, ==, i);
          /* Shared axes: the same ranges everywhere. */
          g_assert_cmpfloat (p->x.lo, ==, layout->panels[0].x.lo);
          g_assert_cmpfloat (p->x.hi, ==, layout->panels[0].x.hi);
          g_assert_cmpfloat (p->y.lo, ==, layout->panels[0].y.lo);
          g_assert_cmpfloat (p->y.hi, ==, layout->panels[0].y.hi);
          g_assert_cmpfloat (p->area.width, ==, layout->panels[0].area.width);
          g_assert_cmpfloat (p->area.height, ==, layout->panels[0].area.height);
          /* The title sits over its own panel. */
          g_assert_cmpfloat (p->title_box.width, >, 0);
          g_assert_cmpfloat (p->title_box.y + p->title_box.height, <=, p->area.y);
          g_assert_cmpfloat (p->title_box.x, >=, p->area.x - 1e-9);
          g_assert_cmpfloat (p->title_box.x + p->title_box.width, <=,
                             p->area.x + p->area.width + 1e-9);
          with_y += p->y_labels;
          with_x += p->x_labels;
          for (guint j = i + 1; j < layout->n_panels; j++)
            g_assert_false (ob_plot_rect_intersects (&p->area, &layout->panels[j].area));
        }
      /* Labels only on the outer panels: y on the first column, x under each column. */
      {
        guint cols = 0, rows = 0;

        for (guint i = 0; i < layout->n_panels; i++)
          {
            rows += layout->panels[i].area.x == layout->panels[0].area.x;
            cols += layout->panels[i].area.y == layout->panels[0].area.y;
          }
        g_assert_cmpuint (with_y, ==, rows);
        g_assert_cmpuint (with_x, ==, cols);
        g_assert_cmpuint (rows * cols, >=, 4);
      }
      /* Panels readable: none squashed flat or thin. */
      g_assert_cmpfloat (layout->panels[0].area.width / layout->panels[0].area.height, >, 0.5);
      g_assert_cmpfloat (layout->panels[0].area.width / layout->panels[0].area.height, <, 2.5);
    }
}

static void
test_guides (void)
{
  g_autoptr (ObGrowthLayout) layout = NULL;
  g_autoptr (ObPlotText) text = NULL;
  const ObGrowthPanel *panel;
  ObGrowthPlot plot;
  ObPlotRect dose, ep;
  double a, b;

  init_kind (&plot, &kinds[0]);
  layout = ob_growth_plot_layout (&plot, OB_MM_TO_PT (89), OB_MM_TO_PT (70));
  panel = &layout->panels[0];
  text = ob_plot_text_new (&plot.plot_style);
  /* The endpoint is on the axis and labelled inside the plot. */
  g_assert_cmpfloat (panel->y.hi, >=, ENDPOINT);
  ep = ob_growth_endpoint_label_box (layout, text, panel);
  g_assert_true (ob_plot_rect_contains (&panel->area, &ep, 0.01));
  /* "Dosing" above the plot, centred over the band. */
  dose = ob_growth_dosing_label_box (layout, text);
  a = ob_plot_scale_map (&panel->x, 0);
  b = ob_plot_scale_map (&panel->x, 14);
  g_assert_cmpfloat (dose.y + dose.height, <=, panel->area.y);
  g_assert_cmpfloat (fabs (dose.x + dose.width / 2 - (a + b) / 2), <, 0.5);
  /* Volumes start at zero; days at 0 on a weekly grid. */
  g_assert_cmpfloat (panel->y.lo, ==, 0);
  g_assert_cmpfloat (panel->x.lo, ==, 0);
  g_assert_cmpfloat (fmod (panel->x.step, 7), ==, 0);

  /* Weekly ticks on a full page too, where room alone would allow every other day. */
  {
    g_autoptr (ObGrowthLayout) wide = ob_growth_plot_layout (&plot, OB_MM_TO_PT (183),
                                                              OB_MM_TO_PT (100));

    g_assert_cmpfloat (fmod (wide->panels[0].x.step, 7), ==, 0);
  }

  /* Nothing to shade or mark when the study sets nothing. */
  plot.dosing_start = plot.endpoint = NAN;
  {
    g_autoptr (ObGrowthLayout) bare = ob_growth_plot_layout (&plot, 252, 198);

    g_assert_cmpfloat (ob_growth_dosing_label_box (bare, text).width, ==, 0);
    g_assert_cmpfloat (ob_growth_endpoint_label_box (bare, text, &bare->panels[0]).width, ==, 0);
  }
}

/* Figures of nothing, one mouse, or values that cannot be drawn lay out and render. */
static void
test_edge_cases (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);

  for (ObGrowthChart chart = OB_GROWTH_CHART_CURVES; chart <= OB_GROWTH_CHART_FLUX; chart++)
    for (int variant = 0; variant < 4; variant++)
      {
        g_autoptr (ObGrowthData) d = ob_growth_data_new ();
        g_autoptr (ObGrowthLayout) layout = NULL;
        ObGrowthPlot plot;
        ObGrowthHit hit;

        if (variant >= 1)
          {
            guint a = ob_growth_data_add_arm (d, "vehicle");

            ob_growth_data_add_arm (d, "no mice");
            ob_growth_data_add_subject (d, "M1", a);
            ob_growth_data_add_point (d, 3, variant == 2 ? NAN : 120, variant == 3);
            ob_growth_data_add_summary (d, a, 3, 1, variant == 2 ? NAN : 120, NAN);
            ob_growth_data_add_waterfall (d, "M1", a, variant == 2 ? NAN : -12, NULL);
          }
        ob_growth_plot_init (&plot, d, chart);
        plot.show_subjects = TRUE;
        plot.dosing_start = 5;
        plot.dosing_end = 2;    /* backwards: no band */
        plot.endpoint = variant == 3 ? 1500 : NAN;
        plot.background = variant == 3 ? 1e5 : NAN;
        plot.title = variant == 1 ? "一匹のマウス" : NULL;
        layout = ob_growth_plot_layout (&plot, 216, 144);
        g_assert_cmpuint (layout->n_panels, >=, 1);
        g_assert_cmpfloat (layout->panels[0].area.width, >, 0);
        g_assert_cmpfloat (layout->panels[0].area.height, >, 0);
        g_assert_true (isfinite (layout->panels[0].y.lo) && isfinite (layout->panels[0].y.hi));
        g_assert_cmpfloat (layout->panels[0].y.hi, >, layout->panels[0].y.lo);
        g_assert_false (ob_growth_plot_hit_test (layout, 0, 0, &hit));
        ob_growth_plot_render_layout (cr, layout);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  samples.xeno = growth_load_xenograft ();
  samples.bli = growth_load_bli ();
  g_test_add_func ("/plot/growth/names", test_names);
  g_test_add_func ("/plot/growth/model", test_model);
  g_test_add_func ("/plot/growth/text-clear", test_text_clear);
  g_test_add_func ("/plot/growth/legend-clear", test_legend_clear);
  g_test_add_func ("/plot/growth/hit-test", test_hit_test);
  g_test_add_func ("/plot/growth/log-axis", test_log_axis);
  g_test_add_func ("/plot/growth/waterfall", test_waterfall);
  g_test_add_func ("/plot/growth/panels", test_panels);
  g_test_add_func ("/plot/growth/guides", test_guides);
  g_test_add_func ("/plot/growth/edge-cases", test_edge_cases);
  growth_add_export_tests ();
  status = g_test_run ();
  ob_growth_data_free (samples.xeno);
  ob_growth_data_free (samples.bli);
  return status;
}
