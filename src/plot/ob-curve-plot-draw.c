/* ob-curve-plot-draw.c: drawing the standard curve figure from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-curve-plot.h"

#define CURVE_STEPS 240
#define CURVE_COLOR 0
#define SAMPLE_COLOR 1
#define N_COLORS 3

static void
set_color (cairo_t *cr, const ObCurvePlot *plot, guint index, double alpha)
{
  ObPlotColor c = ob_plot_style_color (&plot->plot_style, index, N_COLORS);

  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

static void
set_ink (cairo_t *cr, double width)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, width);
}

static double
curve_x (const ObCurveLayout *layout, int k)
{
  return exp (log (layout->x.lo) + (log (layout->x.hi) - log (layout->x.lo)) * k / CURVE_STEPS);
}

static void
draw_band (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;
  const ObCurveFit *fit = plot->plate->fit;
  gboolean open = FALSE;
  int first = -1, last = -1;
  double lo, hi;

  /* The band where the curve is supported by standards: beyond them it means little. */
  for (int k = 0; k <= CURVE_STEPS; k++)
    {
      double x = curve_x (layout, k);

      if (x < fit->x_min || x > fit->x_max || !ob_curve_fit_band (fit, x, &lo, &hi))
        continue;
      if (first < 0)
        first = k;
      last = k;
    }
  if (first < 0)
    return;
  for (int k = first; k <= last + 1; k++)
    {
      double x = k > last ? fit->x_max : k == first ? fit->x_min : curve_x (layout, k);

      ob_curve_fit_band (fit, x, &lo, &hi);
      if (!open)
        cairo_move_to (cr, ob_plot_scale_map (&layout->x, x), ob_plot_scale_map (&layout->y, hi));
      else
        cairo_line_to (cr, ob_plot_scale_map (&layout->x, x), ob_plot_scale_map (&layout->y, hi));
      open = TRUE;
    }
  for (int k = last + 1; k >= first; k--)
    {
      double x = k > last ? fit->x_max : k == first ? fit->x_min : curve_x (layout, k);

      ob_curve_fit_band (fit, x, &lo, &hi);
      cairo_line_to (cr, ob_plot_scale_map (&layout->x, x), ob_plot_scale_map (&layout->y, lo));
    }
  cairo_close_path (cr);
  set_color (cr, plot, CURVE_COLOR, 0.2);
  cairo_fill (cr);
}

static void
draw_fit (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;
  const ObCurveFit *fit = plot->plate->fit;
  gboolean open = FALSE;

  if (fit->model == OB_CURVE_P2P)
    {
      for (gsize i = 0; i < fit->n_knots; i++)
        {
          double x = fit->knot_x[i], y = fit->knot_y[i];

          if (!(x > 0))
            continue;
          if (!open)
            cairo_move_to (cr, ob_plot_scale_map (&layout->x, x),
                           ob_plot_scale_map (&layout->y, y));
          else
            cairo_line_to (cr, ob_plot_scale_map (&layout->x, x),
                           ob_plot_scale_map (&layout->y, y));
          open = TRUE;
        }
    }
  else
    for (int k = 0; k <= CURVE_STEPS; k++)
      {
        double x = curve_x (layout, k), y = ob_curve_fit_predict (fit, x);

        if (!isfinite (y))
          {
            open = FALSE;
            continue;
          }
        if (!open)
          cairo_move_to (cr, ob_plot_scale_map (&layout->x, x), ob_plot_scale_map (&layout->y, y));
        else
          cairo_line_to (cr, ob_plot_scale_map (&layout->x, x), ob_plot_scale_map (&layout->y, y));
        open = TRUE;
      }
  set_color (cr, plot, CURVE_COLOR, 1);
  cairo_set_line_width (cr, plot->plot_style.line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_limits (cairo_t *cr, const ObCurveLayout *layout, ObPlotText *text)
{
  const ObCurvePlot *plot = layout->source;
  const double dash[] = { 2.5, 1.5 };

  if (isnan (layout->lloq_x))
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, plot->plot_style.axis_width);
  cairo_set_dash (cr, dash, 2, 0);
  for (int i = 0; i < 2; i++)
    {
      double x = i == 0 ? layout->lloq_x : layout->uloq_x;

      cairo_move_to (cr, x, layout->plot.y);
      cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  ob_plot_text_draw (text, cr, _("LLOQ"), layout->lloq_label.x, layout->lloq_label.y, 0, 0);
  ob_plot_text_draw (text, cr, _("ULOQ"), layout->uloq_label.x, layout->uloq_label.y, 0, 0);
}

static void
draw_cross (cairo_t *cr, double x, double y, double r)
{
  cairo_move_to (cr, x - r, y - r);
  cairo_line_to (cr, x + r, y + r);
  cairo_move_to (cr, x - r, y + r);
  cairo_line_to (cr, x + r, y - r);
  cairo_stroke (cr);
}

static void
draw_standards (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;
  const ObAssayPlate *plate = plot->plate;
  double r = layout->radius, cap = r * 1.1;

  /* Each replicate faintly behind its mean, so that an outlying well shows. */
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);
      const ObAssayWell *w;

      if (m->well < 0)
        continue;
      w = &g_array_index (plate->wells, ObAssayWell, m->well);
      if (w->excluded)
        {
          set_ink (cr, plot->plot_style.line_width);
          cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
          draw_cross (cr, m->x, m->y, r * 0.95);
          continue;
        }
      cairo_arc (cr, m->x, m->y, r * 0.6, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.62, 0.62, 0.62);
      cairo_fill (cr);
    }

  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      double x, y;

      if (s->excluded || !(s->conc > 0))
        continue;
      x = ob_plot_scale_map (&layout->x, s->conc);
      y = ob_plot_scale_map (&layout->y, s->mean_response);
      set_ink (cr, plot->plot_style.line_width);
      if (isfinite (s->sd) && s->sd > 0)
        {
          double y0 = ob_plot_scale_map (&layout->y, s->mean_response - s->sd);
          double y1 = ob_plot_scale_map (&layout->y, s->mean_response + s->sd);

          /* Bars shorter than the point would vanish under it: leave them out. */
          if (fabs (y0 - y1) > 2 * r)
            {
              cairo_move_to (cr, x, y0);
              cairo_line_to (cr, x, y1);
              cairo_move_to (cr, x - cap, y0);
              cairo_line_to (cr, x + cap, y0);
              cairo_move_to (cr, x - cap, y1);
              cairo_line_to (cr, x + cap, y1);
              cairo_stroke (cr);
            }
        }
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_samples (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;
  const ObAssayPlate *plate = plot->plate;
  double r = layout->radius * 1.1, cap = layout->radius * 0.9;

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);
      const ObAssaySample *s;

      if (m->sample < 0)
        continue;
      s = g_ptr_array_index (plate->samples, m->sample);
      cairo_set_line_width (cr, plot->plot_style.line_width);
      if (isfinite (s->conc_lower) && isfinite (s->conc_upper))
        {
          double x0 = ob_plot_scale_map (&layout->x, s->conc_lower / s->dilution);
          double x1 = ob_plot_scale_map (&layout->x, s->conc_upper / s->dilution);
          double left = layout->plot.x, right = layout->plot.x + layout->plot.width;

          /* An interval running off the axis stops at its end, without a cap: it goes on. */
          set_color (cr, plot, SAMPLE_COLOR, 1);
          if (x0 < m->x - r)
            {
              cairo_move_to (cr, MAX (x0, left), m->y);
              cairo_line_to (cr, m->x - r, m->y);
              if (x0 >= left)
                {
                  cairo_move_to (cr, x0, m->y - cap);
                  cairo_line_to (cr, x0, m->y + cap);
                }
            }
          if (x1 > m->x + r)
            {
              cairo_move_to (cr, m->x + r, m->y);
              cairo_line_to (cr, MIN (x1, right), m->y);
              if (x1 <= right)
                {
                  cairo_move_to (cr, x1, m->y - cap);
                  cairo_line_to (cr, x1, m->y + cap);
                }
            }
          cairo_stroke (cr);
        }
      /* Unquantified (below LLOQ, above ULOQ): grey, so no one reads a value off it. */
      if (isfinite (s->conc))
        set_color (cr, plot, SAMPLE_COLOR, 1);
      else
        cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_new_sub_path (cr);
      cairo_arc (cr, m->x, m->y, r, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
draw_highlight (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;

  if (plot->highlight < 0)
    return;
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);

      if (m->well != plot->highlight)
        continue;
      cairo_set_source_rgb (cr, 0.84, 0.37, 0.0);
      cairo_set_line_width (cr, plot->plot_style.line_width * 1.5);
      cairo_new_sub_path (cr);
      cairo_arc (cr, m->x, m->y, layout->radius * 2.2, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

/* Unlabelled ticks at 2…9 × each decade: a log axis reads as one only with them. */
static void
draw_minor_ticks (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObPlotStyle *ps = &layout->source->plot_style;
  int e0 = (int) floor (log10 (layout->x.lo)), e1 = (int) ceil (log10 (layout->x.hi));

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, ps->axis_width);
  for (int e = e0; e <= e1; e++)
    for (int k = 2; k <= 9; k++)
      {
        double v = k * pow (10, e), x;

        if (v < layout->x.lo || v > layout->x.hi)
          continue;
        x = ob_plot_scale_map (&layout->x, v);
        cairo_move_to (cr, x, layout->axis_x.position);
        cairo_line_to (cr, x, layout->axis_x.position + ps->tick_length * 0.55);
      }
  cairo_stroke (cr);
}

static void
draw_key_symbol (cairo_t *cr, const ObCurveLayout *layout, guint kind, double x, double y)
{
  const ObCurvePlot *plot = layout->source;
  double r = layout->radius, w = plot->plot_style.font_size * 1.2, cx = x + w / 2;

  cairo_set_line_width (cr, plot->plot_style.line_width);
  switch (kind)
    {
    case 0:
      set_ink (cr, plot->plot_style.line_width);
      cairo_move_to (cr, cx, y - r * 2.2);
      cairo_line_to (cr, cx, y + r * 2.2);
      cairo_stroke (cr);
      cairo_arc (cr, cx, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 1:
      if (plot->show_band)
        {
          set_color (cr, plot, CURVE_COLOR, 0.2);
          cairo_rectangle (cr, x, y - r * 1.6, w, r * 3.2);
          cairo_fill (cr);
        }
      set_color (cr, plot, CURVE_COLOR, 1);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      break;
    case 2:
      set_color (cr, plot, SAMPLE_COLOR, 1);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, cx - r * 1.1, y);
      cairo_move_to (cr, cx + r * 1.1, y);
      cairo_line_to (cr, x + w, y);
      cairo_stroke (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, y, r * 1.1, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case 4:
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, y, r * 1.1, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    default:
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      draw_cross (cr, cx, y, r * 0.95);
      break;
    }
}

static void
draw_legend (cairo_t *cr, const ObCurveLayout *layout, ObPlotText *text)
{
  const ObCurvePlot *plot = layout->source;
  double sym = plot->plot_style.font_size * 1.6, lh = ob_plot_text_line_height (text);

  if (!plot->show_legend)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (layout->key_shown); k++)
    {
      if (!layout->key_shown[k])
        continue;
      draw_key_symbol (cr, layout, k, layout->key_x[k], layout->key_y[k] + lh / 2);
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, layout->key_label[k], layout->key_x[k] + sym, layout->key_y[k], 0, 0);
    }
}

void
ob_curve_plot_render_layout (cairo_t *cr, const ObCurveLayout *layout)
{
  const ObCurvePlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->plot_style;
  g_autoptr(ObPlotText) text = ob_plot_text_new (ps);
  const ObPlotRect *p = &layout->plot;

  cairo_save (cr);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_clip (cr);
  if (plot->show_band)
    draw_band (cr, layout);
  draw_fit (cr, layout);
  cairo_restore (cr);

  cairo_save (cr);
  draw_limits (cr, layout, text);
  draw_standards (cr, layout);
  draw_samples (cr, layout);
  draw_highlight (cr, layout);
  cairo_restore (cr);

  cairo_save (cr);
  ob_plot_axis_draw (&layout->axis_x, cr, text, ps);
  draw_minor_ticks (cr, layout);
  ob_plot_axis_draw (&layout->axis_y, cr, text, ps);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  ob_plot_text_draw (text, cr, layout->info_text, layout->info.x, layout->info.y, 0, 0);
  if (plot->title != NULL && *plot->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, plot->title, layout->title_box.x, layout->title_box.y, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }
  draw_legend (cr, layout, text);
  cairo_restore (cr);
}
