/* ob-km-plot-draw.c: drawing the Kaplan–Meier figure from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-km-plot-private.h"
#include "ob-plot-legend.h"

#define CI_ALPHA 0.18

/* Steps closer than eps (in user units) are drawn as one: a 100k-row curve has far more
 * steps than the page has pixels. */
static double
merge_eps (cairo_t *cr, const ObKmLayout *layout)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  gboolean paper = type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG
                   || type == CAIRO_SURFACE_TYPE_PS;
  double dx = 1, dy = 0, scale;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = hypot (dx, dy);
  if (!(scale > 0))
    scale = 1;
  /* On screen and in PNG, under a device pixel; on paper, as fine as the layout asks. */
  return paper ? MIN (0.75 / scale, layout->line_eps) : 0.75 / scale;
}

/* The axes of this figure are linear; mapping inline matters at 100k steps. */
static inline double
map_lin (const ObPlotScale *scale, double v)
{
  return scale->pos0 + (v - scale->lo) / (scale->hi - scale->lo) * (scale->pos1 - scale->pos0);
}

/* Index past the last step that falls in the column starting at page x. */
static gsize
column_end (const ObKmLayout *layout, const ObKmCurve *curve, double x, double eps, gsize i,
            gsize n)
{
  gsize j = ob_km_steps_upto (curve, ob_plot_scale_unmap (&layout->x, x + eps));

  return CLAMP (j, i + 1, n);
}

static void
path_curve (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps)
{
  double f = layout->y_factor;
  double x_end = map_lin (&layout->x, MIN (ob_km_curve_last_time (curve), layout->x.hi));
  double lx = map_lin (&layout->x, 0);
  double ly = map_lin (&layout->y, f);
  double py = ly;
  gsize n = ob_km_steps_upto (curve, layout->x.hi);

  cairo_move_to (cr, lx, ly);
  for (gsize i = 0; i < n;)
    {
      double xi = map_lin (&layout->x, curve->steps[i].time);

      if (xi - lx >= eps)
        {
          if (py != ly)
            cairo_line_to (cr, lx, py);
          cairo_line_to (cr, xi, py);
          lx = xi;
          ly = py;
        }
      /* Everything else in this column drops at lx: jump to its last step. */
      i = column_end (layout, curve, lx, eps, i, n);
      py = map_lin (&layout->y, curve->steps[i - 1].surv * f);
    }
  if (py != ly)
    cairo_line_to (cr, lx, py);
  if (x_end > lx)
    cairo_line_to (cr, x_end, py);
}

typedef struct
{
  double *xy;
  gsize n, cap;
} Points;

static void
push_point (Points *pts, double x, double y)
{
  if (pts->n < pts->cap)
    {
      pts->xy[2 * pts->n] = x;
      pts->xy[2 * pts->n + 1] = y;
      pts->n++;
    }
}

/* Ends one stretch of band: the upper edge was drawn forwards, the lower edge is replayed
 * backwards from the points kept on the way. */
static void
close_band (cairo_t *cr, Points *lower, double lx, double x_end, double pu, double eu,
            double pl)
{
  if (lower->n == 0)
    return;
  if (pu != eu)
    cairo_line_to (cr, lx, pu);
  cairo_line_to (cr, x_end, pu);
  push_point (lower, lx, pl);
  push_point (lower, x_end, pl);
  for (gsize k = lower->n; k-- > 0;)
    cairo_line_to (cr, lower->xy[2 * k], lower->xy[2 * k + 1]);
  cairo_close_path (cr);
  lower->n = 0;
}

/* The band as one polygon per stretch where the limits are defined (they are not before the
 * first event nor once S reaches 0), merged per pixel column like the curve. */
static void
path_band (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps)
{
  double f = layout->y_factor;
  double end = MIN (ob_km_curve_last_time (curve), layout->x.hi);
  gsize columns = MIN (curve->n_steps, (gsize) (layout->plot.width / eps) + 2);
  g_autofree double *buf = g_new (double, 2 * (2 * columns + 8));
  Points lower = { buf, 0, 2 * columns + 8 };
  double lx = 0, pu = 0, pl = 0, eu = 0, el = 0;

  gsize n = ob_km_steps_before (curve, end);

  for (gsize i = 0; i < n;)
    {
      const ObKmStep *st = &curve->steps[i];
      double xi = map_lin (&layout->x, st->time);
      gsize j;

      if (!isfinite (st->lower) || !isfinite (st->upper))
        {
          close_band (cr, &lower, lx, xi, pu, eu, pl);
          i++;
          continue;
        }
      if (lower.n == 0)
        {
          lx = xi;
          eu = pu = map_lin (&layout->y, st->upper * f);
          el = pl = map_lin (&layout->y, st->lower * f);
          cairo_move_to (cr, xi, pu);
          push_point (&lower, xi, pl);
          i++;
          continue;
        }
      if (xi - lx >= eps)
        {
          if (pu != eu)
            cairo_line_to (cr, lx, pu);
          if (pl != el)
            push_point (&lower, lx, pl);
          cairo_line_to (cr, xi, pu);
          push_point (&lower, xi, pl);
          lx = xi;
          eu = pu;
          el = pl;
        }
      /* Jump to the column's last step, unless the limits end inside the column. */
      j = column_end (layout, curve, lx, eps, i, n);
      if (!isfinite (curve->steps[j - 1].lower) || !isfinite (curve->steps[j - 1].upper))
        j = i + 1;
      pu = map_lin (&layout->y, curve->steps[j - 1].upper * f);
      pl = map_lin (&layout->y, curve->steps[j - 1].lower * f);
      i = j;
    }
  close_band (cr, &lower, lx, ob_plot_scale_map (&layout->x, end), pu, eu, pl);
}

static void
path_censor_ticks (cairo_t *cr, const ObKmLayout *layout, const ObKmCurve *curve, double eps,
                   double half)
{
  double lx = -INFINITY, ly = -INFINITY;

  gsize n = ob_km_steps_upto (curve, layout->x.hi);
  double gap = MAX (eps, 0.3);
  double min_sep;
  gsize n_censored_times = 0;

  /* Where censoring happens at nearly every time (registries, daily follow-up) ticks closer
   * along the curve than their own height fuse into a band as thick as a CI: there they stay
   * a tick's height apart, which still shows where patients were censored.  A trial's few
   * dozen ticks are each a patient and are only kept from landing on one another. */
  for (gsize i = 0; i < n; i++)
    n_censored_times += curve->steps[i].n_censor > 0;
  min_sep = n_censored_times > 100 ? 2.0 * half : 0.5 * half;

  for (gsize i = 0; i < n; i++)
    {
      const ObKmStep *st = &curve->steps[i];
      double x, y;

      if (st->n_censor == 0)
        continue;
      x = map_lin (&layout->x, st->time);
      y = map_lin (&layout->y, st->surv * layout->y_factor);
      /* A tick on top of the last one adds ink, not information. */
      if (fabs (x - lx) < gap && fabs (y - ly) < half * 0.5)
        {
          /* Skip the rest of its column at once. */
          i = column_end (layout, curve, lx, gap, i, n) - 1;
          continue;
        }
      if (hypot (x - lx, y - ly) < min_sep)
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
draw_title (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  const char *title = plot->style.title;

  if (title == NULL || *title == '\0')
    return;
  cairo_set_source_rgb (cr, 0, 0, 0);
  ob_plot_text_set_font (text, 1.15, TRUE);
  ob_plot_text_draw (text, cr, title, layout->title_box.x, layout->title_box.y, 0, 0);
  ob_plot_text_set_font (text, 1, FALSE);
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
      g_autofree char *header = ob_km_plot_table_header (plot);

      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_set_font (text, 1, TRUE);
      ob_plot_text_set_max_width (text, layout->width - 2 * layout->margin);
      ob_plot_text_draw (text, cr, header, layout->table_header_box.x,
                         layout->table_header_box.y, 0, 0);
      ob_plot_text_set_max_width (text, layout->label_max_width);
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
                                 layout->margin,
                                 layout->compact_table ? cell->y : cell->y - layout->row_height,
                                 0, 0.5);
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
  g_autofree guint *curves = NULL;
  g_auto (GStrv) labels = NULL;
  const char *group = ob_km_plot_group_label (plot);
  double y = layout->legend.y;

  if (layout->legend.width <= 0)
    return;
  curves = g_new (guint, plot->fit->n_curves + 1);
  labels = ob_km_plot_legend_labels (plot, curves);
  if (group != NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_set_font (text, 1, TRUE);
      ob_plot_text_draw (text, cr, group, layout->legend.x, y, 0, 0);
      y += ob_plot_text_advance (text, group);
      ob_plot_text_set_font (text, 1, FALSE);
    }
  ob_plot_legend_draw (cr, text, &plot->style.plot_style, OB_PLOT_LEGEND_LINE,
                       (const char *const *) labels, curves, g_strv_length (labels),
                       plot->fit->n_curves, layout->legend.x, y);
}

static void
draw_annotation (cairo_t *cr, const ObKmLayout *layout, ObPlotText *text, const ObKmPlot *plot)
{
  g_autoptr (GPtrArray) lines = NULL;
  double y;

  if (layout->annotation.width <= 0)
    return;
  lines = ob_km_plot_annotation_lines (plot);
  y = layout->annotation.y;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      ob_plot_text_draw (text, cr, line, layout->annotation.x, y, 0, 0);
      y += ob_plot_text_advance (text, line);
    }
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

  ob_plot_axis_draw (&layout->axis_x, cr, text, ps);
  ob_plot_axis_draw (&layout->axis_y, cr, text, ps);
  draw_title (cr, layout, text, plot);
  ob_plot_text_set_max_width (text, layout->label_max_width);
  draw_table (cr, layout, text, plot);
  ob_plot_text_set_max_width (text, layout->block_max_width);
  draw_legend (cr, layout, text, plot);
  draw_annotation (cr, layout, text, plot);
  ob_plot_text_set_max_width (text, 0);

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
