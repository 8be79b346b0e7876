/* ob-growth-plot-model.c: what the growth figures draw where, shared by layout and renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-growth-plot-private.h"

gboolean
ob_growth_plot_draws_subjects (const ObGrowthPlot *plot)
{
  switch (plot->chart)
    {
    case OB_GROWTH_CHART_CURVES:
    case OB_GROWTH_CHART_WEIGHT:
      return plot->show_subjects;
    case OB_GROWTH_CHART_SPAGHETTI:
    case OB_GROWTH_CHART_FLUX:
      return TRUE;
    case OB_GROWTH_CHART_WATERFALL:
    default:
      return FALSE;
    }
}

gboolean
ob_growth_plot_draws_summaries (const ObGrowthPlot *plot)
{
  return plot->chart == OB_GROWTH_CHART_CURVES || plot->chart == OB_GROWTH_CHART_WEIGHT
         || plot->chart == OB_GROWTH_CHART_FLUX;
}

gboolean
ob_growth_plot_is_log (const ObGrowthPlot *plot)
{
  return plot->chart != OB_GROWTH_CHART_WATERFALL
         && (plot->log_y || plot->chart == OB_GROWTH_CHART_FLUX);
}

gboolean
ob_growth_plot_has_dosing (const ObGrowthPlot *plot)
{
  return plot->chart != OB_GROWTH_CHART_WATERFALL && isfinite (plot->dosing_start)
         && isfinite (plot->dosing_end) && plot->dosing_end > plot->dosing_start;
}

gboolean
ob_growth_plot_has_endpoint (const ObGrowthPlot *plot)
{
  return plot->chart != OB_GROWTH_CHART_WATERFALL && plot->chart != OB_GROWTH_CHART_FLUX
         && isfinite (plot->endpoint) && plot->endpoint > 0;
}

gboolean
ob_growth_plot_has_background (const ObGrowthPlot *plot)
{
  return plot->chart == OB_GROWTH_CHART_FLUX && isfinite (plot->background)
         && plot->background > 0;
}

double
ob_growth_plot_point_y (const ObGrowthPlot *plot, double value, gboolean censored)
{
  if (censored && ob_growth_plot_has_background (plot))
    value = plot->background;
  if (!isfinite (value) || (value <= 0 && ob_growth_plot_is_log (plot)))
    return NAN;
  return value;
}

const ObGrowthPanel *
ob_growth_layout_panel (const ObGrowthLayout *layout, guint arm)
{
  for (guint i = 0; i < layout->n_panels; i++)
    if (layout->panels[i].arm == arm || layout->panels[i].arm == G_MAXUINT)
      return &layout->panels[i];
  return NULL;
}

const char *
ob_growth_dosing_text (void)
{
  return _("Dosing");
}

const char *
ob_growth_endpoint_text (void)
{
  return _("endpoint");
}

const char *
ob_growth_background_text (void)
{
  return _("background");
}

const char *
ob_growth_default_y_title (ObGrowthChart chart)
{
  switch (chart)
    {
    case OB_GROWTH_CHART_WATERFALL:
      return _("Best change in volume (%)");
    case OB_GROWTH_CHART_WEIGHT:
      return _("Body weight (g)");
    case OB_GROWTH_CHART_FLUX:
      return _("Photon flux (p/s)");
    case OB_GROWTH_CHART_CURVES:
    case OB_GROWTH_CHART_SPAGHETTI:
    default:
      return _("Tumour volume (mm³)");
    }
}

ObPlotRect
ob_growth_category_box (const ObGrowthLayout *layout, ObPlotText *text, const ObGrowthBar *bar)
{
  const ObGrowthData *data = layout->source->data;
  const ObGrowthWaterfall *w = &g_array_index (data->waterfall, ObGrowthWaterfall, bar->entry);
  double tw, th, gap = layout->source->plot_style.font_size * 0.25;
  double xc = (bar->x0 + bar->x1) / 2;

  if (!layout->source->show_categories || w->category == NULL)
    return (ObPlotRect) { 0 };
  ob_plot_text_measure (text, w->category, &tw, &th);
  /* Set vertically, a label needs the bar's pitch to be about one line. */
  if ((bar->x1 - bar->x0) * 1.25 < th * 0.8)
    return (ObPlotRect) { 0 };
  if (bar->y1 <= bar->y0)
    return (ObPlotRect) { xc - th / 2, bar->y1 - gap - tw, th, tw };
  return (ObPlotRect) { xc - th / 2, bar->y1 + gap, th, tw };
}

ObPlotRect
ob_growth_endpoint_label_box (const ObGrowthLayout *layout, ObPlotText *text,
                              const ObGrowthPanel *panel)
{
  const ObGrowthPlot *plot = layout->source;
  double y, x = panel->area.x + layout->margin * 2, w, h;

  if (!ob_growth_plot_has_endpoint (plot))
    return (ObPlotRect) { 0 };
  y = ob_plot_scale_map (&panel->y, plot->endpoint);
  ob_plot_text_measure (text, ob_growth_endpoint_text (), &w, &h);
  /* Above the line while it fits under the top of the panel, else below it. */
  if (y - h - 1 >= panel->area.y)
    return (ObPlotRect) { x, y - h - 0.5, w, h };
  return (ObPlotRect) { x, y + 0.5, w, h };
}

ObPlotRect
ob_growth_dosing_label_box (const ObGrowthLayout *layout, ObPlotText *text)
{
  const ObGrowthPlot *plot = layout->source;
  const ObGrowthPanel *panel = &layout->panels[0];
  double a, b, w, h, x;

  if (!ob_growth_plot_has_dosing (plot) || layout->n_panels == 0)
    return (ObPlotRect) { 0 };
  a = ob_plot_scale_map (&panel->x, MAX (plot->dosing_start, panel->x.lo));
  b = ob_plot_scale_map (&panel->x, MIN (plot->dosing_end, panel->x.hi));
  ob_plot_text_measure (text, ob_growth_dosing_text (), &w, &h);
  x = CLAMP ((a + b) / 2 - w / 2, layout->margin, layout->width - layout->margin - w);
  /* The strip above the panel titles, reserved when the layout was made. */
  return (ObPlotRect) { x, panel->area.y - h - (panel->title_box.width > 0
                                                  ? panel->title_box.height : 0)
                                         - layout->margin, w, h };
}

void
ob_growth_legend_flow (ObPlotText *text, const ObPlotStyle *style, const char *const *labels,
                       guint n, gboolean horizontal, double max_width, double *xs, double *ys,
                       double *width, double *height)
{
  double key = style->font_size * (OB_GROWTH_SAMPLE_EMS + OB_GROWTH_SAMPLE_GAP_EMS);
  double spacing = style->font_size * 1.2;
  double widest = 0, total = 0, x = 0, y = 0, row_h = 0;
  guint cols = MAX (n, 1);

  *width = *height = 0;
  for (guint i = 0; i < n; i++)
    {
      double w;

      ob_plot_text_measure (text, labels[i], &w, NULL);
      widest = MAX (widest, key + w);
      total += key + w + (i > 0 ? spacing : 0);
    }
  /* One row when it fits; else a grid of equal columns, so that the rows line up. */
  if (horizontal && total > max_width)
    cols = (guint) CLAMP (floor ((max_width + spacing) / (widest + spacing)), 1, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      double w, lh = ob_plot_text_advance (text, labels[i]);

      ob_plot_text_measure (text, labels[i], &w, NULL);
      w += key;
      if (!horizontal || (cols < n && i > 0 && i % cols == 0))
        {
          x = 0;
          y += i > 0 ? row_h : 0;
          row_h = lh;
        }
      else
        row_h = MAX (row_h, lh);
      if (xs != NULL)
        xs[i] = x;
      if (ys != NULL)
        ys[i] = y;
      *width = MAX (*width, x + w);
      *height = MAX (*height, y + row_h);
      if (horizontal)
        x += (cols < n ? widest : w) + spacing;
    }
}
