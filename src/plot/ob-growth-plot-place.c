/* ob-growth-plot-place.c: where the growth figures' key and panels go: free corners, grids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include "ob-growth-plot-private.h"

/* Liang–Barsky: whether the segment (x0, y0)–(x1, y1) crosses the rectangle. */
static gboolean
segment_hits_rect (double x0, double y0, double x1, double y1, const ObPlotRect *r)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };
  double t0 = 0, t1 = 1;

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* How much of what the figure draws a block at r would cover: 0 when it is free. */
guint
ob_growth_rect_cost (const ObGrowthPlot *plot, const ObGrowthLayout *layout, const ObPlotRect *block)
{
  const ObGrowthData *data = plot->data;
  const ObGrowthPanel *panel = &layout->panels[0];
  double pad = layout->margin + layout->marker;
  ObPlotRect r = { block->x - pad, block->y - pad, block->width + 2 * pad,
                   block->height + 2 * pad };
  guint cost = 0;

  for (gsize b = 0; b < layout->n_bars; b++)
    {
      const ObGrowthBar *bar = &layout->bars[b];
      ObPlotRect br = { bar->x0, MIN (bar->y0, bar->y1), bar->x1 - bar->x0,
                        fabs (bar->y1 - bar->y0) };

      cost += ob_plot_rect_intersects (&r, &br);
    }
  if (plot->chart == OB_GROWTH_CHART_WATERFALL)
    {
      double ys[3] = { 0, OB_GROWTH_WATERFALL_PD_LINE, OB_GROWTH_WATERFALL_PR_LINE };

      for (guint i = 0; i < (plot->reference_lines ? 3u : 1u); i++)
        {
          double y = ob_plot_scale_map (&panel->y, ys[i]);

          cost += segment_hits_rect (panel->area.x, y, panel->area.x + panel->area.width, y, &r);
        }
    }
  if (ob_growth_plot_draws_subjects (plot))
    for (guint s = 0; s < data->subjects->len; s++)
      {
        const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
        double lx = NAN, ly = NAN;

        for (gsize k = subj->first; k < subj->first + subj->n; k++)
          {
            gsize i = layout->point_order[k];
            double v = ob_growth_plot_point_y (plot, g_array_index (data->value, double, i),
                                               g_array_index (data->censored, guint8, i));
            double x = ob_plot_scale_map (&panel->x, g_array_index (data->time, double, i));
            double y = ob_plot_scale_map (&panel->y, v);

            if (isnan (v))
              continue;
            if (isnan (lx) ? segment_hits_rect (x, y, x, y, &r)
                           : segment_hits_rect (lx, ly, x, y, &r))
              cost++;
            lx = x;
            ly = y;
          }
      }
  if (ob_growth_plot_draws_summaries (plot))
    {
      double lx = NAN, ly = NAN;
      guint arm = G_MAXUINT;

      for (gsize k = 0; k < data->summaries->len; k++)
        {
          const ObGrowthSummary *s = &g_array_index (data->summaries, ObGrowthSummary,
                                                     layout->summary_order[k]);
          double v = ob_growth_plot_point_y (plot, s->mean, FALSE);
          double x = ob_plot_scale_map (&panel->x, s->time), y, lo, hi;

          if (s->arm != arm)
            lx = ly = NAN;
          arm = s->arm;
          if (isnan (v))
            continue;
          y = ob_plot_scale_map (&panel->y, v);
          lo = isfinite (s->sem) ? ob_growth_plot_point_y (plot, v - s->sem, FALSE) : v;
          hi = isfinite (s->sem) ? v + s->sem : v;
          lo = isnan (lo) ? panel->area.y + panel->area.height
                          : ob_plot_scale_map (&panel->y, lo);
          hi = ob_plot_scale_map (&panel->y, hi);
          cost += segment_hits_rect (x, lo, x, hi, &r);
          if (!isnan (lx))
            cost += segment_hits_rect (lx, ly, x, y, &r);
          lx = x;
          ly = y;
        }
    }
  if (ob_growth_plot_has_endpoint (plot))
    {
      double y = ob_plot_scale_map (&panel->y, plot->endpoint);

      cost += segment_hits_rect (panel->area.x, y, panel->area.x + panel->area.width, y, &r);
    }
  if (ob_growth_plot_has_background (plot))
    {
      double y = ob_plot_scale_map (&panel->y, plot->background);

      cost += segment_hits_rect (panel->area.x, y, panel->area.x + panel->area.width, y, &r);
      cost += ob_plot_rect_intersects (&r, &layout->background_label);
    }
  for (guint i = 0; i < layout->text_boxes->len; i++)
    cost += ob_plot_rect_intersects (block, &g_array_index (layout->text_boxes, ObPlotRect, i));
  return cost;
}

ObPlotRect
ob_growth_corner_rect (const ObGrowthLayout *layout, ObGrowthLegend corner, double w, double h)
{
  const ObPlotRect *a = &layout->panels[0].area;
  double inset = layout->margin * 2;
  ObPlotRect r = { 0, 0, w, h };

  r.x = corner == OB_GROWTH_LEGEND_TOP_LEFT || corner == OB_GROWTH_LEGEND_BOTTOM_LEFT
          ? a->x + inset * 2
          : a->x + a->width - w - inset;
  r.y = corner == OB_GROWTH_LEGEND_TOP_LEFT || corner == OB_GROWTH_LEGEND_TOP_RIGHT
          ? a->y + inset
          : a->y + a->height - h - inset * 2;
  r.x = MAX (r.x, a->x + inset);
  return r;
}

/* Small multiples: the column count whose panels come closest to 5:4, empty slots counting
 * against a grid. */
guint
ob_growth_choose_columns (guint n, double w, double h, double title_h, double hgap, double vgap)
{
  guint best = MIN (n, 2);
  double best_score = INFINITY;

  for (guint c = 1; c <= n; c++)
    {
      guint rows = (n + c - 1) / c;
      double pw = (w - (c - 1) * hgap) / c;
      double ph = (h - rows * title_h - (rows - 1) * vgap) / rows;
      double score;

      if (pw <= 0 || ph <= 0)
        continue;
      score = fabs (log (pw / ph / 1.25)) + 0.5 * (rows * c - n);
      if (score < best_score)
        {
          best_score = score;
          best = c;
        }
    }
  return MAX (best, 1);
}
