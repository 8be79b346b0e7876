/* ob-km-plot-draw.c: drawing the Kaplan–Meier figure from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-km-plot-private.h"

#define CI_ALPHA 0.18

/* Steps closer than eps (in user units) are drawn as one: a 100k-row curve has far more
 * steps than the page has pixels. */
static double
merge_eps (cairo_t *cr, const ObKmLayout *layout)
{
  double dx = 1, dy = 0, scale;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = hypot (dx, dy);
  if (!(scale > 0))
    scale = 1;
  /* Half a device pixel, and never coarser than the layout allows on paper. */
  return MIN (0.5 / scale, layout->line_eps);
}

static void
path_curve (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps)
{
  double f = layout->y_factor;
  double x_end = ob_plot_scale_map (&layout->x, MIN (ob_km_curve_last_time (curve),
                                                     layout->x.hi));
  double lx = ob_plot_scale_map (&layout->x, 0);
  double ly = ob_plot_scale_map (&layout->y, f);
  double py = ly;

  cairo_move_to (cr, lx, ly);
  for (gsize i = 0; i < curve->n_steps; i++)
    {
      const ObKmStep *st = &curve->steps[i];
      double xi;

      if (st->n_event == 0)
        continue;
      if (st->time > layout->x.hi)
        break;
      xi = ob_plot_scale_map (&layout->x, st->time);
      if (xi - lx >= eps)
        {
          if (py != ly)
            cairo_line_to (cr, lx, py);
          cairo_line_to (cr, xi, py);
          lx = xi;
          ly = py;
        }
      py = ob_plot_scale_map (&layout->y, st->surv * f);
    }
  if (py != ly)
    cairo_line_to (cr, lx, py);
  if (x_end > lx)
    cairo_line_to (cr, x_end, py);
}

/* The band as a union of rectangles, one per step (merged per pixel column); one fill keeps
 * the overlaps from darkening. */
static void
path_band (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps)
{
  double f = layout->y_factor;
  double end = MIN (ob_km_curve_last_time (curve), layout->x.hi);
  double x0 = -1, lo = 0, hi = 0;
  gboolean open = FALSE;

  for (gsize i = 0; i < curve->n_steps; i++)
    {
      const ObKmStep *st = &curve->steps[i];
      double t1 = i + 1 < curve->n_steps ? MIN (curve->steps[i + 1].time, end) : end;
      double xa, xb;

      if (st->time >= end)
        break;
      if (!isfinite (st->lower) || !isfinite (st->upper) || st->upper <= st->lower)
        {
          if (open)
            {
              double xc = ob_plot_scale_map (&layout->x, st->time);
              cairo_rectangle (cr, x0, hi, xc - x0, lo - hi);
              open = FALSE;
            }
          continue;
        }
      xa = ob_plot_scale_map (&layout->x, st->time);
      xb = ob_plot_scale_map (&layout->x, t1);
      if (!open)
        {
          x0 = xa;
          lo = ob_plot_scale_map (&layout->y, st->lower * f);
          hi = ob_plot_scale_map (&layout->y, st->upper * f);
          open = TRUE;
        }
      else
        {
          /* y grows downwards: the lower bound has the larger page y. */
          lo = MAX (lo, ob_plot_scale_map (&layout->y, st->lower * f));
          hi = MIN (hi, ob_plot_scale_map (&layout->y, st->upper * f));
        }
      if (xb - x0 >= eps || t1 >= end)
        {
          cairo_rectangle (cr, x0, hi, xb - x0, lo - hi);
          open = FALSE;
        }
    }
  if (open)
    cairo_rectangle (cr, x0, hi, ob_plot_scale_map (&layout->x, end) - x0, lo - hi);
}

static void
path_censor_ticks (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps,
                   double half)
{
  double lx = -INFINITY, ly = -INFINITY;

  for (gsize i = 0; i < curve->n_steps; i++)
    {
      const ObKmStep *st = &curve->steps[i];
      double x, y;

      if (st->n_censor == 0)
        continue;
      if (st->time > layout->x.hi)
        break;
      x = ob_plot_scale_map (&layout->x, st->time);
      y = ob_plot_scale_map (&layout->y, st->surv * layout->y_factor);
      if (fabs (x - lx) < eps && fabs (y - ly) < eps)
        continue;
      cairo_move_to (cr, x, y - half);
      cairo_line_to (cr, x, y + half);
      lx = x;
      ly = y;
    }
}

static void
draw_medians (cairo_t *cr, const ObKmLayout *layout, const ObKmPlot *plot)
{
  const ObPlotStyle *ps = &plot->style.plot_style;
  double y_half = ob_plot_scale_map (&layout->y, 0.5 * layout->y_factor);
  double y0 = ob_plot_scale_map (&layout->y, 0);
  double x_far = -1;
  double dash[] = { 2 * ps->axis_width * 2, 2 * ps->axis_width * 2 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, ps->axis_width);
  cairo_set_dash (cr, dash, 2, 0);
  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      double med = plot->fit->curves[c].median, x;

      if (!ob_km_plot_is_visible (plot, c) || !isfinite (med) || med > layout->x.hi)
        continue;
      x = ob_plot_scale_map (&layout->x, med);
      cairo_move_to (cr, x, y_half);
      cairo_line_to (cr, x, y0);
      x_far = MAX (x_far, x);
    }
  if (x_far > 0)
    {
      cairo_move_to (cr, layout->plot.x, y_half);
      cairo_line_to (cr, x_far, y_half);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_axes (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  const ObPlotStyle *ps = &plot->style.plot_style;
  double fs = ps->font_size, gap = fs * 0.35;
  double x0 = layout->plot.x, y0 = layout->plot.y + layout->plot.height;
  double x1 = x0 + layout->plot.width, y1 = layout->plot.y;
  double yticks[16];
  guint n_yticks = ob_plot_scale_ticks (&layout->y, yticks, G_N_ELEMENTS (yticks));

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, ps->axis_width);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_move_to (cr, x0, y1);
  cairo_line_to (cr, x0, y0);
  cairo_line_to (cr, x1, y0);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < layout->n_ticks; i++)
    {
      double x = ob_plot_scale_map (&layout->x, layout->ticks[i]);
      g_autofree char *s = ob_plot_scale_format (&layout->x, layout->ticks[i], 1);

      cairo_move_to (cr, x, y0);
      cairo_line_to (cr, x, y0 + ps->tick_length);
      cairo_stroke (cr);
      ob_plot_text_draw (text, cr, s, x, y0 + ps->tick_length + gap * 0.6, 0.5, 0);
    }
  for (guint i = 0; i < n_yticks; i++)
    {
      double y = ob_plot_scale_map (&layout->y, yticks[i]);
      g_autofree char *s = ob_plot_scale_format (&layout->y, yticks[i], 1);

      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 - ps->tick_length, y);
      cairo_stroke (cr);
      ob_plot_text_draw (text, cr, s, x0 - ps->tick_length - gap * 0.6, y, 1, 0.5);
    }
}

static void
draw_titles (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  const ObKmPlotStyle *style = &plot->style;
  g_autofree char *x_title = NULL;
  const char *y_title;

  if (style->title != NULL && *style->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      ob_plot_text_draw (text, cr, style->title, layout->title_box.x, layout->title_box.y, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }
  if (style->x_label != NULL)
    x_title = g_strdup (style->x_label);
  else if (style->time_unit != NULL && *style->time_unit)
    x_title = g_strdup_printf (_("Time (%s)"), style->time_unit);
  else
    x_title = g_strdup (_("Time"));
  ob_plot_text_draw (text, cr, x_title, layout->x_title_box.x, layout->x_title_box.y, 0, 0);

  y_title = style->y_label ? style->y_label
            : style->y_percent ? _("Survival (%)") : _("Survival probability");
  ob_plot_text_draw_vertical (text, cr, y_title,
                              layout->y_title_box.x + layout->y_title_box.width / 2,
                              layout->y_title_box.y + layout->y_title_box.height / 2);
}

static void
draw_table (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  const ObPlotStyle *ps = &plot->style.plot_style;
  guint n = plot->fit->n_curves;
  gboolean kmunicate = plot->style.risk_table == OB_KM_RISK_TABLE_KMUNICATE;
  guint last_curve = G_MAXUINT, last_row = G_MAXUINT;

  if (layout->n_cells == 0)
    return;
  if (!kmunicate)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_set_font (text, 1, TRUE);
      ob_plot_text_draw (text, cr, _("Number at risk"), layout->table_header_box.x,
                         layout->table_header_box.y, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }

  for (gsize k = 0; k < layout->n_cells; k++)
    {
      const ObKmRiskCell *cell = &layout->cells[k];
      char buf[32];

      if (cell->curve != last_curve || cell->row != last_row)
        {
          /* First cell of a row: its label. */
          if (kmunicate && cell->row == 0)
            {
              ob_plot_style_set_source (ps, cr, cell->curve, n, 1);
              ob_plot_text_set_font (text, 1, TRUE);
              ob_plot_text_draw (text, cr, plot->fit->curves[cell->curve].name,
                                 layout->margin, cell->y - layout->row_height, 0, 0.5);
              ob_plot_text_set_font (text, 1, FALSE);
            }
          if (kmunicate)
            {
              cairo_set_source_rgb (cr, 0, 0, 0);
              ob_plot_text_draw (text, cr, ob_km_plot_row_label (cell->row),
                                 layout->row_label_right, cell->y, 1, 0.5);
            }
          else
            {
              ob_plot_style_set_source (ps, cr, cell->curve, n, 1);
              ob_plot_text_draw (text, cr, plot->fit->curves[cell->curve].name,
                                 layout->row_label_right, cell->y, 1, 0.5);
            }
          last_curve = cell->curve;
          last_row = cell->row;
          ob_plot_style_set_source (ps, cr, cell->curve, n, 1);
        }
      g_snprintf (buf, sizeof buf, "%" G_GSIZE_FORMAT, cell->value);
      ob_plot_text_draw (text, cr, buf, cell->x, cell->y, 0.5, 0.5);
    }
}

static void
draw_legend (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  const ObPlotStyle *ps = &plot->style.plot_style;
  double lh = ob_plot_text_line_height (text);
  double sample = ps->font_size * 1.6;
  double y = layout->legend.y;

  if (layout->legend.width <= 0)
    return;
  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      g_autofree char *label = NULL;

      if (!ob_km_plot_is_visible (plot, c))
        continue;
      label = ob_km_plot_legend_label (&plot->fit->curves[c]);
      ob_plot_style_set_source (ps, cr, c, plot->fit->n_curves, 1);
      ob_plot_style_set_dash (ps, cr, c);
      cairo_set_line_width (cr, ps->line_width);
      cairo_move_to (cr, layout->legend.x, y + lh / 2);
      cairo_line_to (cr, layout->legend.x + sample, y + lh / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, label, layout->legend.x + sample + ps->font_size * 0.4, y, 0,
                         0);
      y += lh;
    }
}

static void
draw_annotation (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  g_autoptr (GPtrArray) lines = NULL;
  double lh, y;

  if (layout->annotation.width <= 0)
    return;
  lines = ob_km_plot_annotation_lines (plot);
  lh = ob_plot_text_line_height (text);
  y = layout->annotation.y;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < lines->len; i++, y += lh)
    ob_plot_text_draw (text, cr, g_ptr_array_index (lines, i), layout->annotation.x, y, 0, 0);
}

void
ob_km_plot_render_layout (cairo_t *cr, const ObKmLayout *layout)
{
  const ObKmPlot *plot = layout->source;
  const ObPlotStyle *ps = &plot->style.plot_style;
  g_autoptr (ObPlotText) text = ob_km_plot_text_new (plot);
  guint n = plot->fit->n_curves;
  double eps = merge_eps (cr, layout);
  double slop = ps->line_width;

  cairo_save (cr);

  /* Data, clipped to the plot (with room for a line sitting on the frame). */
  cairo_save (cr);
  cairo_rectangle (cr, layout->plot.x - slop, layout->plot.y - slop,
                   layout->plot.width + 2 * slop, layout->plot.height + 2 * slop);
  cairo_clip (cr);
  if (plot->style.show_ci)
    for (guint c = 0; c < n; c++)
      {
        if (!ob_km_plot_is_visible (plot, c))
          continue;
        path_band (cr, layout, &plot->fit->curves[c], eps);
        ob_plot_style_set_source (ps, cr, c, n, CI_ALPHA);
        cairo_fill (cr);
      }
  if (plot->style.show_median)
    draw_medians (cr, layout, plot);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_width (cr, ps->line_width);
  for (guint c = 0; c < n; c++)
    {
      if (!ob_km_plot_is_visible (plot, c))
        continue;
      path_curve (cr, layout, &plot->fit->curves[c], eps);
      ob_plot_style_set_source (ps, cr, c, n, 1);
      ob_plot_style_set_dash (ps, cr, c);
      cairo_stroke (cr);
      if (plot->style.show_censor)
        {
          path_censor_ticks (cr, layout, &plot->fit->curves[c], eps, ps->font_size * 0.3);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, MAX (ps->line_width * 0.8, ps->axis_width));
          cairo_stroke (cr);
          cairo_set_line_width (cr, ps->line_width);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_restore (cr);

  draw_axes (cr, layout, text, plot);
  draw_titles (cr, layout, text, plot);
  draw_table (cr, layout, text, plot);
  draw_legend (cr, layout, text, plot);
  draw_annotation (cr, layout, text, plot);

  cairo_restore (cr);
}

void
ob_km_plot_render (cairo_t *cr, double width_pt, double height_pt, const ObKmPlot *plot)
{
  g_autoptr (ObKmLayout) layout = NULL;

  g_return_if_fail (cr != NULL && plot != NULL && plot->fit != NULL);

  layout = ob_km_plot_layout (plot, width_pt, height_pt);
  ob_km_plot_render_layout (cr, layout);
}

void
ob_km_plot_draw_func (cairo_t *cr, double width_pt, double height_pt, gpointer user_data)
{
  ob_km_plot_render (cr, width_pt, height_pt, user_data);
}
