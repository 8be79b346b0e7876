/* ob-plot-axis.c: axis lines, ticks, tick labels and titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include "ob-plot-axis.h"

#define MAX_TICKS 64

/* Gaps as fractions of the type size, so the slide preset spreads out with its type. */
#define LABEL_GAP 0.2
#define TITLE_GAP 0.2

static guint
axis_ticks (const ObPlotAxis *axis, double *buf, const double **ticks)
{
  if (axis->ticks != NULL)
    {
      *ticks = axis->ticks;
      return axis->n_ticks;
    }
  *ticks = buf;
  return ob_plot_scale_ticks (axis->scale, buf, MAX_TICKS);
}

static double
widest_label (const ObPlotAxis *axis, ObPlotText *text, const double *ticks, guint n)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = ob_plot_scale_format (axis->scale, ticks[i], axis->factor);
      double w;

      ob_plot_text_measure (text, s, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

double
ob_plot_axis_extent (const ObPlotAxis *axis, ObPlotText *text, const ObPlotStyle *style)
{
  double buf[MAX_TICKS];
  const double *ticks;
  guint n = axis_ticks (axis, buf, &ticks);
  double lh = ob_plot_text_line_height (text);
  double fs = style->font_size;
  double extent = style->tick_length + fs * LABEL_GAP;

  extent += axis->side == OB_PLOT_AXIS_BOTTOM ? lh : widest_label (axis, text, ticks, n);
  if (axis->title != NULL && *axis->title)
    extent += fs * TITLE_GAP + lh;
  return extent;
}

ObPlotRect
ob_plot_axis_layout (const ObPlotAxis *axis, ObPlotText *text, const ObPlotStyle *style,
                     GArray *boxes)
{
  double buf[MAX_TICKS];
  const double *ticks;
  guint n = axis_ticks (axis, buf, &ticks);
  double fs = style->font_size, lh = ob_plot_text_line_height (text);
  double label_at = style->tick_length + fs * LABEL_GAP;
  double mid = (axis->scale->pos0 + axis->scale->pos1) / 2;
  ObPlotRect title = { 0 };

  for (guint i = 0; i < n && boxes != NULL; i++)
    {
      g_autofree char *s = ob_plot_scale_format (axis->scale, ticks[i], axis->factor);
      double p = ob_plot_scale_map (axis->scale, ticks[i]);
      ObPlotRect box = axis->side == OB_PLOT_AXIS_BOTTOM
                         ? ob_plot_text_box (text, s, p, axis->position + label_at, 0.5, 0)
                         : ob_plot_text_box (text, s, axis->position - label_at, p, 1, 0.5);

      g_array_append_val (boxes, box);
    }

  if (axis->title != NULL && *axis->title)
    {
      double w;

      ob_plot_text_measure (text, axis->title, &w, NULL);
      if (axis->side == OB_PLOT_AXIS_BOTTOM)
        title = (ObPlotRect) { mid - w / 2, axis->position + label_at + lh + fs * TITLE_GAP,
                               w, lh };
      else
        /* Next to the labels, however wide the margin beyond them. */
        title = (ObPlotRect) { axis->position - label_at - widest_label (axis, text, ticks, n)
                                 - fs * TITLE_GAP - lh,
                               mid - w / 2, lh, w };
      if (boxes != NULL)
        g_array_append_val (boxes, title);
    }
  return title;
}

void
ob_plot_axis_draw (const ObPlotAxis *axis, cairo_t *cr, ObPlotText *text,
                   const ObPlotStyle *style)
{
  double buf[MAX_TICKS];
  const double *ticks;
  guint n = axis_ticks (axis, buf, &ticks);
  double label_at = style->tick_length + style->font_size * LABEL_GAP;
  double a = axis->scale->pos0, b = axis->scale->pos1;
  ObPlotRect title;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, style->axis_width);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Square caps close the corner where a left and a bottom axis meet. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  if (axis->side == OB_PLOT_AXIS_BOTTOM)
    {
      cairo_move_to (cr, a, axis->position);
      cairo_line_to (cr, b, axis->position);
    }
  else
    {
      cairo_move_to (cr, axis->position, a);
      cairo_line_to (cr, axis->position, b);
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < n; i++)
    {
      double p = ob_plot_scale_map (axis->scale, ticks[i]);
      g_autofree char *s = ob_plot_scale_format (axis->scale, ticks[i], axis->factor);

      if (axis->side == OB_PLOT_AXIS_BOTTOM)
        {
          cairo_move_to (cr, p, axis->position);
          cairo_line_to (cr, p, axis->position + style->tick_length);
          cairo_stroke (cr);
          ob_plot_text_draw (text, cr, s, p, axis->position + label_at, 0.5, 0);
        }
      else
        {
          cairo_move_to (cr, axis->position, p);
          cairo_line_to (cr, axis->position - style->tick_length, p);
          cairo_stroke (cr);
          ob_plot_text_draw (text, cr, s, axis->position - label_at, p, 1, 0.5);
        }
    }

  title = ob_plot_axis_layout (axis, text, style, NULL);
  if (title.width > 0 && axis->side == OB_PLOT_AXIS_BOTTOM)
    ob_plot_text_draw (text, cr, axis->title, title.x, title.y, 0, 0);
  else if (title.width > 0)
    ob_plot_text_draw_vertical (text, cr, axis->title, title.x + title.width / 2,
                                title.y + title.height / 2);
  cairo_restore (cr);
}
