/* ob-growth-plot-draw.c: drawing the tumour growth figures from their layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include "ob-growth-plot-private.h"

#define BAND_GREY 0.92
#define GUIDE_GREY 0.45

ObPlotColor
ob_growth_light_color (ObPlotColor c)
{
  /* Mixed with white rather than transparent: overlapping mice would otherwise darken into
   * blots that read as data. */
  const double f = 0.58;

  return (ObPlotColor) { c.r + (1 - c.r) * f, c.g + (1 - c.g) * f, c.b + (1 - c.b) * f };
}

void
ob_growth_marker_path (cairo_t *cr, guint arm, double x, double y, double r)
{
  switch (arm % 5)
    {
    case 1:   /* square, of the circle's area */
      r *= 0.886;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:   /* triangle, pointing up */
      r *= 1.3;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    case 3:   /* diamond */
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case 4:   /* triangle, pointing down */
      r *= 1.3;
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + r * 0.866, y - r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y - r * 0.5);
      cairo_close_path (cr);
      break;
    case 0:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

void
ob_growth_censored_path (cairo_t *cr, double x, double y, double r)
{
  /* The apex on the line: the value is somewhere below it. */
  r *= 1.3;
  cairo_move_to (cr, x, y + r * 0.5);
  cairo_line_to (cr, x + r * 0.866, y - r);
  cairo_line_to (cr, x - r * 0.866, y - r);
  cairo_close_path (cr);
}

static void
set_color (cairo_t *cr, ObPlotColor c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

static ObPlotColor
arm_color (const ObGrowthPlot *plot, guint arm)
{
  return ob_plot_style_color (&plot->plot_style, arm, plot->data->arms->len);
}

static void
draw_guide (cairo_t *cr, const ObGrowthPlot *plot, const ObGrowthPanel *panel, double value,
            gboolean dashed)
{
  const ObPlotStyle *ps = &plot->plot_style;
  double y = ob_plot_scale_map (&panel->y, value);
  double dash[2] = { ps->axis_width * 6, ps->axis_width * 4 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, GUIDE_GREY, GUIDE_GREY, GUIDE_GREY);
  cairo_set_line_width (cr, ps->axis_width);
  if (dashed)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, panel->area.x, y);
  cairo_line_to (cr, panel->area.x + panel->area.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_guides (cairo_t *cr, const ObGrowthLayout *layout, const ObGrowthPanel *panel)
{
  const ObGrowthPlot *plot = layout->source;

  if (ob_growth_plot_has_dosing (plot))
    {
      double a = ob_plot_scale_map (&panel->x, MAX (plot->dosing_start, panel->x.lo));
      double b = ob_plot_scale_map (&panel->x, MIN (plot->dosing_end, panel->x.hi));

      cairo_set_source_rgb (cr, BAND_GREY, BAND_GREY, BAND_GREY);
      cairo_rectangle (cr, a, panel->area.y, b - a, panel->area.height);
      cairo_fill (cr);
    }
  if (plot->chart == OB_GROWTH_CHART_WATERFALL && plot->reference_lines)
    {
      const ObPlotStyle *ps = &plot->plot_style;
      double dot[2] = { 0, ps->axis_width * 3 };

      cairo_save (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dot, 2, 0);
      cairo_set_line_width (cr, ps->axis_width * 1.4);
      cairo_set_source_rgb (cr, GUIDE_GREY, GUIDE_GREY, GUIDE_GREY);
      for (int i = 0; i < 2; i++)
        {
          double y = ob_plot_scale_map (&panel->y, i == 0 ? OB_GROWTH_WATERFALL_PD_LINE
                                                        : OB_GROWTH_WATERFALL_PR_LINE);

          cairo_move_to (cr, panel->area.x, y);
          cairo_line_to (cr, panel->area.x + panel->area.width, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (ob_growth_plot_has_endpoint (plot))
    draw_guide (cr, plot, panel, plot->endpoint, TRUE);
  if (ob_growth_plot_has_background (plot))
    draw_guide (cr, plot, panel, plot->background, TRUE);
}

static void
draw_subjects (cairo_t *cr, const ObGrowthLayout *layout, const ObGrowthPanel *panel)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthData *data = plot->data;
  const ObPlotStyle *ps = &plot->plot_style;
  const double *time = (const double *) (void *) data->time->data;
  const double *value = (const double *) (void *) data->value->data;
  const guint8 *censored = (const guint8 *) data->censored->data;
  gboolean light = plot->chart == OB_GROWTH_CHART_CURVES || plot->chart == OB_GROWTH_CHART_WEIGHT
                   || (plot->chart == OB_GROWTH_CHART_FLUX && data->summaries->len > 0);
  gboolean dots = plot->chart == OB_GROWTH_CHART_FLUX;
  double r = layout->marker * 0.6;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, ps->line_width * (light ? 0.6 : 0.75));
  for (guint s = 0; s < data->subjects->len; s++)
    {
      const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
      ObPlotColor c = arm_color (plot, subj->arm);
      gboolean started = FALSE;
      gsize n_drawn = 0;

      if (panel->arm != G_MAXUINT && panel->arm != subj->arm)
        continue;
      set_color (cr, light ? ob_growth_light_color (c) : c);
      for (gsize k = subj->first; k < subj->first + subj->n; k++)
        {
          gsize i = layout->point_order[k];
          double v = ob_growth_plot_point_y (plot, value[i], censored[i]);
          double x, y;

          if (isnan (v))
            continue;
          x = ob_plot_scale_map (&panel->x, time[i]);
          y = ob_plot_scale_map (&panel->y, v);
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
          n_drawn++;
        }
      cairo_stroke (cr);
      for (gsize k = subj->first; k < subj->first + subj->n && (dots || n_drawn == 1); k++)
        {
          gsize i = layout->point_order[k];
          double v = ob_growth_plot_point_y (plot, value[i], censored[i]);
          double x = ob_plot_scale_map (&panel->x, time[i]), y;

          if (isnan (v))
            continue;
          y = ob_plot_scale_map (&panel->y, v);
          if (censored[i] && ob_growth_plot_has_background (plot))
            {
              ob_growth_censored_path (cr, x, y, layout->marker);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              set_color (cr, light ? ob_growth_light_color (c) : c);
              cairo_save (cr);
              cairo_set_line_width (cr, ps->line_width * 0.6);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, r, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        }
    }
}

static void
draw_summaries (cairo_t *cr, const ObGrowthLayout *layout, const ObGrowthPanel *panel)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthData *data = plot->data;
  const ObPlotStyle *ps = &plot->plot_style;
  const ObGrowthSummary *sum = (const ObGrowthSummary *) (void *) data->summaries->data;
  double cap = layout->marker * 1.1;
  gsize start = 0;

  while (start < data->summaries->len)
    {
      guint arm = sum[layout->summary_order[start]].arm;
      gsize end = start;
      gboolean started = FALSE;

      while (end < data->summaries->len && sum[layout->summary_order[end]].arm == arm)
        end++;
      set_color (cr, arm_color (plot, arm));

      /* Error bars under the line and the markers. */
      cairo_set_line_width (cr, ps->line_width * 0.8);
      cairo_set_dash (cr, NULL, 0, 0);
      for (gsize k = start; k < end; k++)
        {
          const ObGrowthSummary *s = &sum[layout->summary_order[k]];
          double v = ob_growth_plot_point_y (plot, s->mean, FALSE), x, lo, hi, ylo;

          if (isnan (v) || !isfinite (s->sem))
            continue;
          x = ob_plot_scale_map (&panel->x, s->time);
          lo = ob_growth_plot_point_y (plot, v - s->sem, FALSE);
          hi = ob_plot_scale_map (&panel->y, v + s->sem);
          ylo = isnan (lo) ? panel->area.y + panel->area.height
                           : ob_plot_scale_map (&panel->y, lo);
          cairo_move_to (cr, x, ylo);
          cairo_line_to (cr, x, hi);
          cairo_move_to (cr, x - cap, hi);
          cairo_line_to (cr, x + cap, hi);
          if (!isnan (lo))
            {
              cairo_move_to (cr, x - cap, ylo);
              cairo_line_to (cr, x + cap, ylo);
            }
        }
      cairo_stroke (cr);

      cairo_set_line_width (cr, ps->line_width * 1.2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      ob_plot_style_set_dash (ps, cr, arm);
      for (gsize k = start; k < end; k++)
        {
          const ObGrowthSummary *s = &sum[layout->summary_order[k]];
          double v = ob_growth_plot_point_y (plot, s->mean, FALSE);
          double x = ob_plot_scale_map (&panel->x, s->time), y;

          if (isnan (v))
            continue;
          y = ob_plot_scale_map (&panel->y, v);
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (gsize k = start; k < end; k++)
        {
          const ObGrowthSummary *s = &sum[layout->summary_order[k]];
          double v = ob_growth_plot_point_y (plot, s->mean, FALSE);

          if (isnan (v))
            continue;
          ob_growth_marker_path (cr, arm, ob_plot_scale_map (&panel->x, s->time),
                                 ob_plot_scale_map (&panel->y, v), layout->marker);
        }
      cairo_fill (cr);
      start = end;
    }
}

static void
draw_bars (cairo_t *cr, const ObGrowthLayout *layout, ObPlotText *text)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthData *data = plot->data;
  const ObGrowthPanel *panel = &layout->panels[0];

  for (gsize b = 0; b < layout->n_bars; b++)
    {
      const ObGrowthBar *bar = &layout->bars[b];
      guint arm = g_array_index (data->waterfall, ObGrowthWaterfall, bar->entry).arm;

      set_color (cr, arm_color (plot, arm));
      cairo_rectangle (cr, bar->x0, MIN (bar->y0, bar->y1), bar->x1 - bar->x0,
                       fabs (bar->y1 - bar->y0));
      cairo_fill (cr);
    }
  /* The zero line over the bars' feet. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, plot->plot_style.axis_width);
  cairo_move_to (cr, panel->area.x, ob_plot_scale_map (&panel->y, 0));
  cairo_line_to (cr, panel->area.x + panel->area.width, ob_plot_scale_map (&panel->y, 0));
  cairo_stroke (cr);

  ob_plot_text_set_font (text, 0.85, FALSE);
  for (gsize b = 0; b < layout->n_bars && plot->show_categories; b++)
    {
      const ObGrowthBar *bar = &layout->bars[b];
      ObPlotRect box = ob_growth_category_box (layout, text, bar);

      if (box.width <= 0)
        continue;
      ob_plot_text_draw_vertical (text, cr,
                                  g_array_index (data->waterfall, ObGrowthWaterfall,
                                                 bar->entry).category,
                                  box.x + box.width / 2, box.y + box.height / 2);
    }
  ob_plot_text_set_font (text, 1, FALSE);
}

static void
draw_axes (cairo_t *cr, const ObGrowthLayout *layout, const ObGrowthPanel *p, ObPlotText *text)
{
  const ObGrowthPlot *plot = layout->source;
  ObPlotAxis ay = { OB_PLOT_AXIS_LEFT, &p->y, layout->y_ticks, layout->n_y_ticks, 1, p->area.x,
                    NULL };
  ObPlotAxis ax = { OB_PLOT_AXIS_BOTTOM, &p->x, layout->x_ticks, layout->n_x_ticks, 1,
                    p->area.y + p->area.height, NULL };

  if (p->y_labels)
    ob_growth_axis_draw (&ay, cr, text, &plot->plot_style);
  else
    ob_growth_axis_draw_bare (&ay, cr, &plot->plot_style);
  if (plot->chart == OB_GROWTH_CHART_WATERFALL)
    return;
  if (p->x_labels)
    ob_growth_axis_draw (&ax, cr, text, &plot->plot_style);
  else
    ob_growth_axis_draw_bare (&ax, cr, &plot->plot_style);
  /* The stretch before day 0 closes the corner with the y axis. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, plot->plot_style.axis_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_move_to (cr, p->area.x, ax.position);
  cairo_line_to (cr, p->x.pos0, ax.position);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_legend (cairo_t *cr, const ObGrowthLayout *layout, ObPlotText *text)
{
  const ObGrowthPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  double sample = ps->font_size * OB_GROWTH_SAMPLE_EMS;
  gboolean markers = ob_growth_plot_draws_summaries (plot);
  gboolean boxes = plot->chart == OB_GROWTH_CHART_WATERFALL;
  guint n = layout->n_legend;
  const char **labels = g_newa (const char *, n + 1);
  double *xs = g_newa (double, n + 1), *ys = g_newa (double, n + 1), w, h;

  if (layout->legend.width <= 0)
    return;
  ob_plot_text_set_max_width (text, layout->width * 0.4);
  for (guint i = 0; i < n; i++)
    labels[i] = ob_growth_data_arm_name (plot->data, layout->legend_arms[i]);
  ob_growth_legend_flow (text, ps, labels, n, layout->legend_horizontal,
                         layout->legend.width + 0.01, xs, ys, &w, &h);
  for (guint i = 0; i < n; i++)
    {
      guint arm = layout->legend_arms[i];
      double lh = ob_plot_text_advance (text, labels[i]);
      double x = layout->legend.x + xs[i], y = layout->legend.y + ys[i];

      set_color (cr, arm_color (plot, arm));
      if (boxes)
        {
          double side = lh * 0.7;

          cairo_rectangle (cr, x + (sample - side) / 2, y + (lh - side) / 2, side, side);
          cairo_fill (cr);
        }
      else
        {
          cairo_set_line_width (cr, ps->line_width * (markers ? 1.2 : 0.75));
          ob_plot_style_set_dash (ps, cr, markers ? arm : 0);
          cairo_move_to (cr, x, y + lh / 2);
          cairo_line_to (cr, x + sample, y + lh / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (markers)
        {
          ob_growth_marker_path (cr, arm, x + sample / 2, y + lh / 2, layout->marker);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, labels[i],
                         x + ps->font_size * (OB_GROWTH_SAMPLE_EMS + OB_GROWTH_SAMPLE_GAP_EMS),
                         y, 0, 0);
    }
  ob_plot_text_set_max_width (text, 0);
}

static void
draw_texts (cairo_t *cr, const ObGrowthLayout *layout, ObPlotText *text)
{
  const ObGrowthPlot *plot = layout->source;
  ObPlotRect box;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (layout->title_box.width > 0)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      ob_plot_text_set_max_width (text, layout->width - 2 * layout->margin);
      ob_plot_text_draw (text, cr, plot->title, layout->title_box.x, layout->title_box.y, 0, 0);
      ob_plot_text_set_max_width (text, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }
  if (layout->y_title_box.width > 0)
    ob_plot_text_draw_vertical (text, cr, layout->y_title,
                                layout->y_title_box.x + layout->y_title_box.width / 2,
                                layout->y_title_box.y + layout->y_title_box.height / 2);
  if (layout->x_title_box.width > 0)
    ob_plot_text_draw (text, cr, layout->x_title, layout->x_title_box.x, layout->x_title_box.y,
                       0, 0);
  ob_plot_text_set_font (text, 1, TRUE);
  for (guint i = 0; i < layout->n_panels; i++)
    {
      const ObGrowthPanel *p = &layout->panels[i];

      if (p->title_box.width <= 0)
        continue;
      ob_plot_text_set_max_width (text, p->area.width);
      ob_plot_text_draw (text, cr, ob_growth_data_arm_name (plot->data, p->arm), p->title_box.x,
                         p->title_box.y, 0, 0);
    }
  ob_plot_text_set_max_width (text, 0);
  ob_plot_text_set_font (text, 1, FALSE);

  cairo_set_source_rgb (cr, GUIDE_GREY * 0.6, GUIDE_GREY * 0.6, GUIDE_GREY * 0.6);
  /* Once: the line is at the same height in every panel. */
  box = ob_growth_endpoint_label_box (layout, text, &layout->panels[0]);
  if (box.width > 0)
    ob_plot_text_draw (text, cr, ob_growth_endpoint_text (), box.x, box.y, 0, 0);
  if (layout->background_label.width > 0)
    ob_plot_text_draw (text, cr, ob_growth_background_text (), layout->background_label.x,
                       layout->background_label.y, 0, 0);
  box = ob_growth_dosing_label_box (layout, text);
  if (box.width > 0)
    ob_plot_text_draw (text, cr, ob_growth_dosing_text (), box.x, box.y, 0, 0);
}

void
ob_growth_plot_render_layout (cairo_t *cr, const ObGrowthLayout *layout)
{
  const ObGrowthPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  g_autoptr (ObPlotText) text = ob_plot_text_new (ps);

  cairo_save (cr);
  for (guint i = 0; i < layout->n_panels; i++)
    {
      const ObGrowthPanel *p = &layout->panels[i];
      double slop = layout->marker * 1.5 + ps->line_width;

      /* Data clipped to the panel, with room for a marker sitting on its edge. */
      cairo_save (cr);
      cairo_rectangle (cr, p->area.x - slop, p->area.y - slop, p->area.width + 2 * slop,
                       p->area.height + 2 * slop);
      cairo_clip (cr);
      draw_guides (cr, layout, p);
      if (ob_growth_plot_draws_subjects (plot))
        draw_subjects (cr, layout, p);
      if (ob_growth_plot_draws_summaries (plot))
        draw_summaries (cr, layout, p);
      if (plot->chart == OB_GROWTH_CHART_WATERFALL)
        draw_bars (cr, layout, text);
      cairo_restore (cr);
      draw_axes (cr, layout, p, text);
    }
  draw_texts (cr, layout, text);
  draw_legend (cr, layout, text);
  cairo_restore (cr);
}

void
ob_growth_plot_render (cairo_t *cr, double width_pt, double height_pt, const ObGrowthPlot *plot)
{
  g_autoptr (ObGrowthLayout) layout = NULL;

  g_return_if_fail (cr != NULL && plot != NULL && plot->data != NULL);

  layout = ob_growth_plot_layout (plot, width_pt, height_pt);
  ob_growth_plot_render_layout (cr, layout);
}
