/* ob-growth-plot-axis.c: the growth figures' value axis, decades as powers on a wide log axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include "ob-growth-plot-private.h"

/* As ob-plot-axis.c, so that these axes match the other figures'. */
#define LABEL_GAP 0.2
#define TITLE_GAP 0.2

/* Photon flux spans 10⁴ to 10¹⁰: one notation for the whole axis reads as one scale. */
static gboolean
powers (const ObPlotScale *scale)
{
  return scale->kind == OB_PLOT_SCALE_LOG10
         && (MAX (scale->lo, scale->hi) > 1.5e4 || MIN (scale->lo, scale->hi) < 0.9e-3);
}

static char *
tick_label (double value)
{
  static const char *const sup[] = {
    "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
    "\u2075", "\u2076", "\u2077", "\u2078", "\u2079",
  };
  int e = (int) lround (log10 (value));
  g_autofree char *digits = g_strdup_printf ("%d", ABS (e));
  GString *s = g_string_new ("10");

  if (e < 0)
    g_string_append (s, "\u207b");
  for (const char *c = digits; *c; c++)
    g_string_append (s, sup[*c - '0']);
  return g_string_free (s, FALSE);
}

static double
widest_label (const ObPlotAxis *axis, ObPlotText *text)
{
  double widest = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *s = tick_label (axis->ticks[i]);
      double w;

      ob_plot_text_measure (text, s, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

double
ob_growth_axis_extent (const ObPlotAxis *axis, ObPlotText *text, const ObPlotStyle *style)
{
  double extent;

  if (axis->side != OB_PLOT_AXIS_LEFT || !powers (axis->scale) || axis->ticks == NULL)
    return ob_plot_axis_extent (axis, text, style);
  extent = style->tick_length + style->font_size * LABEL_GAP + widest_label (axis, text);
  if (axis->title != NULL && *axis->title)
    extent += style->font_size * TITLE_GAP + ob_plot_text_line_height (text);
  return extent;
}

ObPlotRect
ob_growth_axis_layout (const ObPlotAxis *axis, ObPlotText *text, const ObPlotStyle *style,
                       GArray *boxes)
{
  double fs = style->font_size, lh = ob_plot_text_line_height (text);
  double label_at = style->tick_length + fs * LABEL_GAP;
  double mid = (axis->scale->pos0 + axis->scale->pos1) / 2;
  ObPlotRect title = { 0 };

  if (axis->side != OB_PLOT_AXIS_LEFT || !powers (axis->scale) || axis->ticks == NULL)
    return ob_plot_axis_layout (axis, text, style, boxes);
  for (guint i = 0; i < axis->n_ticks && boxes != NULL; i++)
    {
      g_autofree char *s = tick_label (axis->ticks[i]);
      ObPlotRect box = ob_plot_text_box (text, s, axis->position - label_at,
                                         ob_plot_scale_map (axis->scale, axis->ticks[i]), 1, 0.5);

      g_array_append_val (boxes, box);
    }
  if (axis->title != NULL && *axis->title)
    {
      double w;

      ob_plot_text_measure (text, axis->title, &w, NULL);
      title = (ObPlotRect) { axis->position - label_at - widest_label (axis, text)
                               - fs * TITLE_GAP - lh,
                             mid - w / 2, lh, w };
      if (boxes != NULL)
        g_array_append_val (boxes, title);
    }
  return title;
}

void
ob_growth_axis_draw_bare (const ObPlotAxis *axis, cairo_t *cr, const ObPlotStyle *style)
{
  const ObPlotScale *s = axis->scale;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, style->axis_width);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  if (axis->side == OB_PLOT_AXIS_BOTTOM)
    {
      cairo_move_to (cr, s->pos0, axis->position);
      cairo_line_to (cr, s->pos1, axis->position);
    }
  else
    {
      cairo_move_to (cr, axis->position, s->pos0);
      cairo_line_to (cr, axis->position, s->pos1);
    }
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double p = ob_plot_scale_map (s, axis->ticks[i]);

      if (axis->side == OB_PLOT_AXIS_BOTTOM)
        {
          cairo_move_to (cr, p, axis->position);
          cairo_line_to (cr, p, axis->position + style->tick_length);
        }
      else
        {
          cairo_move_to (cr, axis->position, p);
          cairo_line_to (cr, axis->position - style->tick_length, p);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ob_growth_axis_draw (const ObPlotAxis *axis, cairo_t *cr, ObPlotText *text,
                     const ObPlotStyle *style)
{
  double label_at = style->tick_length + style->font_size * LABEL_GAP;
  ObPlotRect title;

  if (axis->side != OB_PLOT_AXIS_LEFT || !powers (axis->scale) || axis->ticks == NULL)
    {
      ob_plot_axis_draw (axis, cr, text, style);
      return;
    }
  ob_growth_axis_draw_bare (axis, cr, style);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *s = tick_label (axis->ticks[i]);

      ob_plot_text_draw (text, cr, s, axis->position - label_at,
                         ob_plot_scale_map (axis->scale, axis->ticks[i]), 1, 0.5);
    }
  title = ob_growth_axis_layout (axis, text, style, NULL);
  if (title.width > 0)
    ob_plot_text_draw_vertical (text, cr, axis->title, title.x + title.width / 2,
                                title.y + title.height / 2);
  cairo_restore (cr);
}
