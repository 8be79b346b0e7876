/* ob-plot-legend.c: a key of coloured samples and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include "ob-plot-legend.h"

/* Long enough for two periods of the longest dash pattern. */
#define SAMPLE_EMS 1.6
#define SAMPLE_GAP_EMS 0.4

void
ob_plot_legend_measure (ObPlotText *text, const ObPlotStyle *style, const char *const *labels,
                        guint n, double *width, double *height)
{
  double widest = 0;

  *height = 0;
  for (guint i = 0; i < n; i++)
    {
      double w;

      ob_plot_text_measure (text, labels[i], &w, NULL);
      widest = MAX (widest, w);
      *height += ob_plot_text_advance (text, labels[i]);
    }
  *width = n > 0 ? style->font_size * (SAMPLE_EMS + SAMPLE_GAP_EMS) + widest : 0;
}

void
ob_plot_legend_draw (cairo_t *cr, ObPlotText *text, const ObPlotStyle *style,
                     ObPlotLegendKey key, const char *const *labels, const guint *groups,
                     guint n, guint n_groups, double x, double y)
{
  double sample = style->font_size * SAMPLE_EMS;

  cairo_save (cr);
  for (guint i = 0; i < n; i++)
    {
      double lh = ob_plot_text_advance (text, labels[i]);

      ob_plot_style_set_source (style, cr, groups[i], n_groups, 1);
      if (key == OB_PLOT_LEGEND_BOX)
        {
          double side = lh * 0.7;

          cairo_rectangle (cr, x + (sample - side) / 2, y + (lh - side) / 2, side, side);
          cairo_fill (cr);
        }
      else
        {
          ob_plot_style_set_dash (style, cr, groups[i]);
          cairo_set_line_width (cr, style->line_width);
          cairo_move_to (cr, x, y + lh / 2);
          cairo_line_to (cr, x + sample, y + lh / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, labels[i], x + style->font_size * (SAMPLE_EMS + SAMPLE_GAP_EMS),
                         y, 0, 0);
      y += lh;
    }
  cairo_restore (cr);
}
