/* ob-group-plot-draw.c: drawing the group-comparison figure from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-group-plot.h"
#include "ob-group-plot-private.h"
#include "ob-plot-legend.h"

#define VIOLIN_STEPS 96
#define N_BINS 1024
#define BIN_ABOVE 20000

static void
set_color (cairo_t *cr, const ObGroupPlot *plot, const ObGroupSlot *slot, double alpha)
{
  guint n = plot->data->factor2 != NULL ? plot->data->n_levels2 : plot->data->n_groups;

  ob_plot_style_set_source (&plot->plot_style, cr, slot->color, n, alpha);
}

static void
set_ink (cairo_t *cr, double width)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, width);
}

static double
map (const ObGroupLayout *layout, double v)
{
  return ob_plot_scale_map (&layout->y, v);
}

/* A vertical bar from lo to hi with caps of half-width cap. */
static void
draw_error (cairo_t *cr, double x, double y_lo, double y_hi, double cap)
{
  cairo_move_to (cr, x, y_lo);
  cairo_line_to (cr, x, y_hi);
  cairo_move_to (cr, x - cap, y_lo);
  cairo_line_to (cr, x + cap, y_lo);
  cairo_move_to (cr, x - cap, y_hi);
  cairo_line_to (cr, x + cap, y_hi);
  cairo_stroke (cr);
}

static void
draw_mean_error (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot,
                 double cap)
{
  const ObGroupPlot *plot = layout->source;
  double lo, hi;

  ob_group_slot_error (plot, slot, &lo, &hi);
  if (!isfinite (lo) || !isfinite (hi))
    return;
  if (plot->log_y && lo <= layout->y.lo)
    lo = layout->y.lo;
  draw_error (cr, slot->x, map (layout, lo), map (layout, hi), cap);
}

static void
draw_bar (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  double base = plot->log_y ? layout->y.lo : CLAMP (0, layout->y.lo, layout->y.hi);
  double y0 = map (layout, base), y1 = map (layout, slot->desc.mean);
  double w = slot->half_width * 0.9;

  cairo_rectangle (cr, slot->x - w, MIN (y0, y1), 2 * w, fabs (y1 - y0));
  /* Full colour, as the legend's swatches; the points over it are white. */
  set_color (cr, plot, slot, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, ps->line_width);
  cairo_stroke (cr);
  draw_mean_error (cr, layout, slot, w * 0.35);
}

static void
draw_dot_summary (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  double centre = plot->median ? slot->desc.median : slot->desc.mean;
  double w = slot->half_width * 0.75, y = map (layout, centre);

  set_ink (cr, ps->line_width * 1.6);
  cairo_move_to (cr, slot->x - w, y);
  cairo_line_to (cr, slot->x + w, y);
  cairo_stroke (cr);
  if (!plot->median)
    {
      set_ink (cr, ps->line_width);
      draw_mean_error (cr, layout, slot, w * 0.45);
    }
}

static void
draw_box (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  const double *s = slot->box.stats;
  double w = slot->half_width * 0.8;
  double q1 = map (layout, s[1]), q3 = map (layout, s[3]), med = map (layout, s[2]);

  cairo_rectangle (cr, slot->x - w, q3, 2 * w, q1 - q3);
  set_color (cr, plot, slot, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, ps->line_width);
  cairo_stroke (cr);
  cairo_move_to (cr, slot->x, q3);
  cairo_line_to (cr, slot->x, map (layout, s[4]));
  cairo_move_to (cr, slot->x, q1);
  cairo_line_to (cr, slot->x, map (layout, s[0]));
  cairo_move_to (cr, slot->x - w * 0.4, map (layout, s[4]));
  cairo_line_to (cr, slot->x + w * 0.4, map (layout, s[4]));
  cairo_move_to (cr, slot->x - w * 0.4, map (layout, s[0]));
  cairo_line_to (cr, slot->x + w * 0.4, map (layout, s[0]));
  cairo_stroke (cr);
  set_ink (cr, ps->line_width * 1.8);
  cairo_move_to (cr, slot->x - w, med);
  cairo_line_to (cr, slot->x + w, med);
  cairo_stroke (cr);
}

/* Large groups: the values counted into fine bins first, as R's density() does, so that the
 * curve costs bins × steps rather than values × steps. */
static void
binned_density (const double *t, gsize n, double bw, double lo, double hi, double *dens)
{
  double counts[N_BINS], step = (hi - lo) / (N_BINS - 1);

  memset (counts, 0, sizeof counts);
  for (gsize i = 0; i < n; i++)
    counts[(int) CLAMP (lround ((t[i] - lo) / step), 0, N_BINS - 1)] += 1;
  for (int k = 0; k <= VIOLIN_STEPS; k++)
    {
      double at = lo + (hi - lo) * k / VIOLIN_STEPS, sum = 0;

      for (int b = 0; b < N_BINS; b++)
        if (counts[b] > 0)
          {
            double z = (at - (lo + b * step)) / bw;

            sum += counts[b] * exp (-0.5 * z * z);
          }
      dens[k] = sum / (n * bw * sqrt (2 * G_PI));
    }
}

/* The density of the values on the axis's own terms: of log10 values on a log axis. */
static void
draw_violin (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  const double *x = layout->sorted + slot->first;
  g_autofree double *t = g_new (double, slot->n);
  double dens[VIOLIN_STEPS + 1], peak = 0, bw, lo, hi;

  for (gsize i = 0; i < slot->n; i++)
    t[i] = plot->log_y ? log10 (x[i]) : x[i];
  bw = ob_bw_nrd0 (t, slot->n);
  lo = t[0];
  hi = t[slot->n - 1];
  if (slot->n < 2 || hi <= lo)
    {
      set_ink (cr, ps->line_width * 1.6);
      cairo_move_to (cr, slot->x - slot->half_width, map (layout, x[0]));
      cairo_line_to (cr, slot->x + slot->half_width, map (layout, x[0]));
      cairo_stroke (cr);
      return;
    }
  if (slot->n > BIN_ABOVE)
    binned_density (t, slot->n, bw, lo, hi, dens);
  else
    for (int k = 0; k <= VIOLIN_STEPS; k++)
      dens[k] = ob_kde (t, slot->n, bw, lo + (hi - lo) * k / VIOLIN_STEPS);
  for (int k = 0; k <= VIOLIN_STEPS; k++)
    peak = MAX (peak, dens[k]);
  for (int side = 0; side < 2; side++)
    for (int k = 0; k <= VIOLIN_STEPS; k++)
      {
        int j = side == 0 ? k : VIOLIN_STEPS - k;
        double v = lo + (hi - lo) * j / VIOLIN_STEPS;
        double dx = slot->half_width * dens[j] / peak * (side == 0 ? -1 : 1);

        cairo_line_to (cr, slot->x + dx, map (layout, plot->log_y ? pow (10, v) : v));
      }
  cairo_close_path (cr);
  set_color (cr, plot, slot, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, ps->line_width);
  cairo_stroke (cr);
  /* Quartiles as a thin bar and the median as a white dot, as most violins are read. */
  set_ink (cr, ps->line_width * 2.5);
  cairo_move_to (cr, slot->x, map (layout, slot->desc.q1));
  cairo_line_to (cr, slot->x, map (layout, slot->desc.q3));
  cairo_stroke (cr);
  cairo_arc (cr, slot->x, map (layout, slot->desc.median), ps->line_width * 1.3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
}

static void
draw_points (cairo_t *cr, const ObGroupLayout *layout, const ObGroupSlot *slot)
{
  const ObGroupPlot *plot = layout->source;
  gboolean open = plot->chart == OB_GROUP_CHART_BOX;
  double r = layout->radius;

  for (gsize i = 0; i < slot->n; i++)
    {
      double x = layout->px[slot->first + i], y = layout->py[slot->first + i];

      if (isnan (x))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * (open ? 0.8 : 0.86), 0, 2 * G_PI);
    }
  if (open)
    {
      set_ink (cr, MIN (r * 0.3, plot->plot_style.line_width));
      cairo_stroke (cr);
      return;
    }
  if (plot->chart == OB_GROUP_CHART_BAR)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    set_color (cr, plot, slot, 0.85);
  cairo_fill_preserve (cr);
  set_ink (cr, MIN (r * 0.28, 0.5));
  cairo_stroke (cr);
}

static void
draw_x_axis (cairo_t *cr, const ObGroupLayout *layout, ObPlotText *text)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  double y = layout->y.pos0;
  double band = layout->plot.width / MAX (plot->data->n_groups, 1);

  set_ink (cr, ps->axis_width);
  cairo_move_to (cr, layout->plot.x, y);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
  for (guint g = 0; g < plot->data->n_groups; g++)
    {
      cairo_move_to (cr, layout->plot.x + band * (g + 0.5), y);
      cairo_line_to (cr, layout->plot.x + band * (g + 0.5), y + ps->tick_length);
    }
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < layout->x_lines->len; i++)
    {
      const ObPlotRect *box = &g_array_index (layout->x_line_boxes, ObPlotRect, i);

      ob_plot_text_draw (text, cr, g_ptr_array_index (layout->x_lines, i), box->x, box->y, 0,
                         0);
    }
}

static void
draw_brackets (cairo_t *cr, const ObGroupLayout *layout, ObPlotText *text)
{
  const ObPlotStyle *ps = &layout->source->plot_style;

  for (gsize i = 0; i < layout->n_brackets; i++)
    {
      const ObGroupBracket *b = &layout->brackets[i];

      set_ink (cr, ps->axis_width);
      cairo_move_to (cr, b->x0, b->y + b->leg);
      cairo_line_to (cr, b->x0, b->y);
      cairo_line_to (cr, b->x1, b->y);
      cairo_line_to (cr, b->x1, b->y + b->leg);
      cairo_stroke (cr);
      ob_plot_text_draw (text, cr, b->text, b->label.x, b->label.y, 0, 0);
    }
}

void
ob_group_plot_render_layout (cairo_t *cr, const ObGroupLayout *layout)
{
  const ObGroupPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  g_autoptr(ObPlotText) text = ob_plot_text_new (ps);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  if (plot->title != NULL && *plot->title)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_set_font (text, 1.15, TRUE);
      ob_plot_text_draw (text, cr, plot->title, layout->title_box.x, layout->title_box.y, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }

  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];

      if (slot->n == 0)
        continue;
      switch (plot->chart)
        {
        case OB_GROUP_CHART_BAR:
          draw_bar (cr, layout, slot);
          break;
        case OB_GROUP_CHART_BOX:
          draw_box (cr, layout, slot);
          break;
        case OB_GROUP_CHART_VIOLIN:
          draw_violin (cr, layout, slot);
          break;
        case OB_GROUP_CHART_DOT:
        default:
          break;
        }
      if (plot->chart == OB_GROUP_CHART_DOT)
        ob_group_limits_draw_whiskers (cr, layout, slot);
      draw_points (cr, layout, slot);
      if (plot->chart == OB_GROUP_CHART_DOT)
        draw_dot_summary (cr, layout, slot);
    }

  ob_group_limits_draw (cr, layout, text);
  ob_plot_axis_draw (&layout->axis_y, cr, text, ps);
  draw_x_axis (cr, layout, text);
  draw_brackets (cr, layout, text);

  if (layout->legend.width > 0)
    {
      guint n = plot->data->n_levels2;
      g_autofree guint *groups = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        groups[i] = i;
      for (guint c = 0; c < layout->legend_cols; c++)
        {
          guint first = c * layout->legend_rows;

          if (first >= n)
            break;
          ob_plot_legend_draw (cr, text, ps, OB_PLOT_LEGEND_BOX,
                               (const char *const *) plot->data->factor2_names + first,
                               groups + first, MIN (layout->legend_rows, n - first), n,
                               layout->legend_col_x[c], layout->legend.y);
        }
    }
  cairo_restore (cr);
}
