/* ob-growth-plot-hit.c: which mouse lies under a point of a growth figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include "ob-growth-plot-private.h"

static double
segment_distance (double px, double py, double x0, double y0, double x1, double y1, double *t)
{
  double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
  double u = len2 > 0 ? CLAMP (((px - x0) * dx + (py - y0) * dy) / len2, 0, 1) : 0;

  *t = u;
  return hypot (px - (x0 + u * dx), py - (y0 + u * dy));
}

gboolean
ob_growth_plot_hit_test (const ObGrowthLayout *layout, double x, double y, ObGrowthHit *hit)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthData *data = plot->data;
  double tol = MAX (plot->plot_style.font_size * 0.5, 3);
  double best = INFINITY;
  gboolean found = FALSE;

  for (gsize b = 0; b < layout->n_bars; b++)
    {
      const ObGrowthBar *bar = &layout->bars[b];
      const ObGrowthWaterfall *w;

      /* The gap between two bars belongs to neither; a stub near zero is easy to miss. */
      if (x < bar->x0 || x > bar->x1 || y < MIN (bar->y0, bar->y1) - 1
          || y > MAX (bar->y0, bar->y1) + 1)
        continue;
      w = &g_array_index (data->waterfall, ObGrowthWaterfall, bar->entry);
      if (hit)
        *hit = (ObGrowthHit) { G_MAXUINT, bar->entry, w->id, w->arm, NAN, w->best_change };
      return TRUE;
    }
  if (!ob_growth_plot_draws_subjects (plot))
    return FALSE;

  for (guint s = 0; s < data->subjects->len; s++)
    {
      const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
      const ObGrowthPanel *panel = ob_growth_layout_panel (layout, subj->arm);
      double lx = NAN, ly = NAN;
      gsize last = G_MAXSIZE;

      if (panel == NULL || x < panel->area.x - tol || x > panel->area.x + panel->area.width + tol
          || y < panel->area.y - tol || y > panel->area.y + panel->area.height + tol)
        continue;
      for (gsize k = subj->first; k < subj->first + subj->n; k++)
        {
          gsize i = layout->point_order[k];
          double v = ob_growth_plot_point_y (plot, g_array_index (data->value, double, i),
                                             g_array_index (data->censored, guint8, i));
          double px, py, d, t;

          if (isnan (v))
            continue;
          px = ob_plot_scale_map (&panel->x, g_array_index (data->time, double, i));
          py = ob_plot_scale_map (&panel->y, v);
          d = isnan (lx) ? hypot (x - px, y - py) : segment_distance (x, y, lx, ly, px, py, &t);
          if (isnan (lx))
            t = 1;
          if (d <= tol && d < best)
            {
              gsize near = t < 0.5 && last != G_MAXSIZE ? last : i;

              best = d;
              found = TRUE;
              if (hit)
                *hit = (ObGrowthHit) { s, G_MAXUINT, subj->id, subj->arm,
                                       g_array_index (data->time, double, near),
                                       g_array_index (data->value, double, near) };
            }
          lx = px;
          ly = py;
          last = i;
        }
    }
  return found;
}
