/* ob-curve-plot.c: the standard curve figure, laid out once and drawn from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-curve-plot.h"

#define MAX_DECADES 32
#define CURVE_STEPS 160

typedef enum
{
  KEY_STANDARD,
  KEY_CURVE,
  KEY_SAMPLE,
  KEY_EXCLUDED,
  KEY_UNQUANTIFIED,
  N_KEYS,
} KeyKind;

void
ob_curve_plot_init (ObCurvePlot *plot, const ObAssayPlate *plate)
{
  memset (plot, 0, sizeof *plot);
  plot->plate = plate;
  plot->show_band = TRUE;
  plot->show_samples = TRUE;
  plot->show_limits = TRUE;
  plot->show_legend = TRUE;
  plot->highlight = -1;
  ob_plot_style_init (&plot->plot_style);
}

void
ob_curve_layout_free (ObCurveLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->x_title);
  g_free (layout->y_title);
  g_free (layout->x_ticks);
  g_free (layout->info_text);
  g_clear_pointer (&layout->marks, g_array_unref);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_free (layout);
}

/* Where a sample sits on the concentration axis: its interpolated value before dilution. */
static double
sample_x (const ObCurveFit *fit, const ObAssaySample *s)
{
  double x = ob_curve_fit_inverse (fit, s->mean_response);

  return x > 0 && x >= fit->x_min * 0.999999 && x <= fit->x_max * 1.000001 ? x : NAN;
}

static void
data_range (const ObCurvePlot *plot, double *xlo, double *xhi, double *ylo, double *yhi)
{
  double band_lo = INFINITY, band_hi = -INFINITY, span;
  const ObAssayPlate *plate = plot->plate;
  const ObCurveFit *fit = plate->fit;

  *xlo = INFINITY;
  *xhi = -INFINITY;
  *ylo = 0;
  *yhi = -INFINITY;
  for (guint i = 0; i < plate->wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell, i);
      double y = w->response - plate->blank;

      if (w->kind != OB_ASSAY_WELL_STANDARD || !(w->conc > 0) || !isfinite (y))
        continue;
      *xlo = MIN (*xlo, w->conc);
      *xhi = MAX (*xhi, w->conc);
      *ylo = MIN (*ylo, y);
      *yhi = MAX (*yhi, y);
    }
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      if (s->conc > 0 && isfinite (s->sd))
        {
          *ylo = MIN (*ylo, s->mean_response - s->sd);
          *yhi = MAX (*yhi, s->mean_response + s->sd);
        }
    }
  if (!isfinite (*xlo))
    {
      *xlo = 1;
      *xhi = 10;
    }
  /* A little room beyond the outer standards, so their points sit clear of the frame. */
  *xlo /= 1.35;
  *xhi *= 1.35;
  /* The curve and band count where standards support them; beyond, they may run off. */
  for (int k = 0; k <= CURVE_STEPS; k++)
    {
      double a = fit->x_min > 0 ? fit->x_min : *xlo * 1.35, b = MAX (fit->x_max, a);
      double x = exp (log (a) + (log (b) - log (a)) * k / CURVE_STEPS);
      double f = ob_curve_fit_predict (fit, x), lo = NAN, hi = NAN;

      if (!(x > 0))
        continue;
      if (isfinite (f))
        {
          *ylo = MIN (*ylo, f);
          *yhi = MAX (*yhi, f);
        }
      if (plot->show_band && ob_curve_fit_band (fit, x, &lo, &hi))
        {
          band_lo = MIN (band_lo, lo);
          band_hi = MAX (band_hi, hi);
        }
    }
  for (guint i = 0; plot->show_samples && i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

      if (isfinite (sample_x (fit, s)))
        {
          *ylo = MIN (*ylo, s->mean_response);
          *yhi = MAX (*yhi, s->mean_response);
        }
    }
  if (!isfinite (*yhi) || *yhi <= *ylo)
    *yhi = *ylo + 1;
  /* The band widens the axis a little at most: a fit that explains nothing (a flat reference
   * wavelength) has a band as wide as it likes, and the points must stay readable. */
  span = *yhi - *ylo;
  if (band_lo < *ylo)
    *ylo = MAX (band_lo, *ylo - 0.1 * span);
  if (band_hi > *yhi)
    *yhi = MIN (band_hi, *yhi + 0.1 * span);
  /* A band dipping a hair under zero would buy a whole negative step of axis. */
  if (*ylo < 0 && *ylo > -0.04 * (*yhi - *ylo))
    *ylo = 0;
}

/* Decades inside [lo, hi]; with fewer than two, the 2 and 5 steps between them too. */
static guint
log_ticks (double lo, double hi, double *ticks, guint max)
{
  guint n = 0;
  int e0 = (int) floor (log10 (lo)), e1 = (int) ceil (log10 (hi));

  for (int e = e0; e <= e1 && n < max; e++)
    {
      double t = pow (10, e);

      if (t >= lo * 0.9999 && t <= hi * 1.0001)
        ticks[n++] = t;
    }
  if (n >= 2)
    return n;
  n = 0;
  for (int e = e0; e <= e1; e++)
    for (int m = 1; m <= 5 && n < max; m *= (m == 1 ? 2 : 5))
      {
        double t = m * pow (10, e);

        if (t >= lo * 0.9999 && t <= hi * 1.0001)
          ticks[n++] = t;
        if (m == 5)
          break;
      }
  return n;
}

static const char *
key_label (KeyKind kind, const ObCurvePlot *plot)
{
  switch (kind)
    {
    case KEY_STANDARD:
      return _("Standards (mean ± SD)");
    case KEY_CURVE:
      return plot->show_band ? _("Fit with 95% CI") : _("Fit");
    case KEY_SAMPLE:
      return _("Samples (95% CI)");
    case KEY_UNQUANTIFIED:
      return _("Below LLOQ or above ULOQ");
    case KEY_EXCLUDED:
    default:
      return _("Excluded");
    }
}

static gboolean
key_shown (KeyKind kind, const ObCurvePlot *plot)
{
  const ObAssayPlate *plate = plot->plate;

  if (kind == KEY_SAMPLE || kind == KEY_UNQUANTIFIED)
    {
      if (!plot->show_samples)
        return FALSE;
      for (guint i = 0; i < plate->samples->len; i++)
        {
          const ObAssaySample *s = g_ptr_array_index (plate->samples, i);

          /* Drawn, and quantified or not as the entry says. */
          if (isfinite (sample_x (plate->fit, s))
              && isfinite (s->conc) == (kind == KEY_SAMPLE))
            return TRUE;
        }
      return FALSE;
    }
  if (kind == KEY_EXCLUDED)
    {
      for (guint i = 0; i < plate->wells->len; i++)
        {
          const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell, i);

          if (w->excluded && w->kind == OB_ASSAY_WELL_STANDARD && w->conc > 0
              && isfinite (w->response))
            return TRUE;
        }
      return FALSE;
    }
  return TRUE;
}

/* The key at the foot of the figure: one row when it fits across, else two. */
static double
place_legend (ObCurveLayout *layout, const ObCurvePlot *plot, ObPlotText *text, double left,
              double right, double bottom)
{
  const ObPlotStyle *ps = &plot->plot_style;
  double sym = ps->font_size * 1.6, gap = ps->font_size * 1.2, lh = ob_plot_text_line_height (text);
  double widths[N_KEYS] = { 0 }, x = left;
  guint n = 0, rows;

  for (guint k = 0; k < N_KEYS; k++)
    {
      double w;

      layout->key_shown[k] = key_shown (k, plot);
      layout->key_label[k] = key_label (k, plot);
      if (!layout->key_shown[k])
        continue;
      ob_plot_text_measure (text, key_label (k, plot), &w, NULL);
      widths[n] = sym + w;
      layout->key_order[n] = k;
      n++;
    }
  /* As few rows as fit across: entries fill columns top to bottom. */
  for (rows = 1; rows < n; rows++)
    {
      double across = 0;

      for (guint i = 0; i < n; i += rows)
        {
          double col_w = 0;

          for (guint r = 0; r < rows && i + r < n; r++)
            col_w = MAX (col_w, widths[i + r]);
          across += col_w + (i > 0 ? gap : 0);
        }
      if (across <= right - left)
        break;
    }
  layout->legend_rows = rows;
  layout->legend = (ObPlotRect) { left, bottom - rows * lh, 0, rows * lh };
  for (guint i = 0; i < n; i += rows)
    {
      double col_w = 0;

      for (guint r = 0; r < rows && i + r < n; r++)
        {
          guint k = layout->key_order[i + r];

          layout->key_x[k] = x;
          layout->key_y[k] = layout->legend.y + r * lh;
          col_w = MAX (col_w, widths[i + r]);
        }
      layout->legend.width = x + col_w - left;
      x += col_w + gap;
    }
  g_array_append_val (layout->text_boxes, layout->legend);
  return rows * lh;
}

static void
add_mark (ObCurveLayout *layout, int well, int sample, double x, double y)
{
  ObCurveMark m = { well, sample, x, y };

  g_array_append_val (layout->marks, m);
}

static void
place_marks (ObCurveLayout *layout, const ObCurvePlot *plot)
{
  const ObAssayPlate *plate = plot->plate;

  for (guint i = 0; i < plate->wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell, i);
      double y = w->response - plate->blank;

      if (w->kind != OB_ASSAY_WELL_STANDARD || !(w->conc > 0) || !isfinite (y))
        continue;
      add_mark (layout, (int) i, -1, ob_plot_scale_map (&layout->x, w->conc),
                ob_plot_scale_map (&layout->y, y));
    }
  for (guint i = 0; plot->show_samples && i < plate->samples->len; i++)
    {
      const ObAssaySample *s = g_ptr_array_index (plate->samples, i);
      double x = sample_x (plate->fit, s);

      if (isfinite (x))
        add_mark (layout, -1, (int) i, ob_plot_scale_map (&layout->x, x),
                  ob_plot_scale_map (&layout->y, s->mean_response));
    }
}

/* Whether a box inside the plot leaves every point, interval, limit line and the curve
 * itself uncovered. */
static gboolean
box_clear (const ObCurveLayout *layout, const ObCurvePlot *plot, const ObPlotRect *box)
{
  const ObCurveFit *fit = plot->plate->fit;
  double r = layout->radius * 1.5;
  ObPlotRect grown = { box->x - r, box->y - r, box->width + 2 * r, box->height + 2 * r };

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);
      ObPlotRect reach = { m->x, m->y, 0, 0 };

      if (m->sample >= 0)
        {
          const ObAssaySample *s = g_ptr_array_index (plot->plate->samples, m->sample);

          if (isfinite (s->conc_lower) && isfinite (s->conc_upper))
            {
              double x0 = ob_plot_scale_map (&layout->x, s->conc_lower / s->dilution);
              double x1 = ob_plot_scale_map (&layout->x, s->conc_upper / s->dilution);

              reach.x = MIN (x0, m->x);
              reach.width = MAX (x1, m->x) - reach.x;
            }
        }
      if (reach.x <= grown.x + grown.width && reach.x + reach.width >= grown.x
          && m->y >= grown.y && m->y <= grown.y + grown.height)
        return FALSE;
    }
  for (int i = 0; i < 2; i++)
    {
      double x = i == 0 ? layout->lloq_x : layout->uloq_x;

      if (isfinite (x) && x >= grown.x && x <= grown.x + grown.width)
        return FALSE;
    }
  for (double x = grown.x; x <= grown.x + grown.width; x += 0.5)
    {
      double v = ob_plot_scale_unmap (&layout->x, x);
      double lo, hi, y = ob_plot_scale_map (&layout->y, ob_curve_fit_predict (fit, v));

      if (isfinite (y) && y >= grown.y && y <= grown.y + grown.height)
        return FALSE;
      if (plot->show_band && ob_curve_fit_band (fit, v, &lo, &hi))
        {
          double a = ob_plot_scale_map (&layout->y, hi), b = ob_plot_scale_map (&layout->y, lo);

          if (a <= grown.y + grown.height && b >= grown.y)
            return FALSE;
        }
    }
  return TRUE;
}

/* The model and fit quality, in a corner of the plot that data leave empty (bottom right
 * first for a rising curve, bottom left for a falling one), else over the plot between the
 * limits' names. */
static void
place_info (ObCurveLayout *layout, const ObCurvePlot *plot, ObPlotText *text)
{
  const ObCurveFit *fit = plot->plate->fit;
  gboolean rising = ob_curve_fit_predict (fit, fit->x_max) >= ob_curve_fit_predict (fit, fit->x_min);
  double pad = plot->plot_style.font_size * 0.4;
  const ObPlotRect *p = &layout->plot;
  /* Corners as (x align, y align): right/left, bottom/top. */
  const double corners[4][2] = { { rising ? 1 : 0, 1 }, { rising ? 0 : 1, 0 },
                                 { rising ? 0 : 1, 1 }, { rising ? 1 : 0, 0 } };
  g_autofree char *r2 = ob_plot_format_number (fit->r2, 4);
  /* "4PL" reads as the model's name; the lower-case string is the option's. */
  g_autofree char *model = g_ascii_strup (ob_curve_model_to_string (fit->model), -1);
  gboolean placed = FALSE;

  g_free (layout->info_text);
  if (fit->model == OB_CURVE_P2P)
    layout->info_text = g_strdup (_("Point to point"));
  else if (fit->model == OB_CURVE_LOGLOG)
    layout->info_text = g_strdup_printf (_("Log–log linear, R² = %s"), r2);
  else if (fit->model == OB_CURVE_LINEAR)
    layout->info_text = g_strdup_printf (_("Linear, R² = %s"), r2);
  else
    layout->info_text = g_strdup_printf (_("%s, R² = %s"), model, r2);
  for (guint c = 0; c < G_N_ELEMENTS (corners) && !placed; c++)
    {
      double x = corners[c][0] > 0 ? p->x + p->width - pad : p->x + pad;
      double y = corners[c][1] > 0 ? p->y + p->height - pad : p->y + pad;

      layout->info = ob_plot_text_box (text, layout->info_text, x, y, corners[c][0],
                                       corners[c][1]);
      placed = box_clear (layout, plot, &layout->info);
    }
  if (!placed)
    {
      ObPlotRect above = ob_plot_text_box (text, layout->info_text, p->x + p->width / 2,
                                           layout->lloq_label.y, 0.5, 0);

      if (layout->lloq_label.width > 0
          && above.x > layout->lloq_label.x + layout->lloq_label.width + 2
          && above.x + above.width < layout->uloq_label.x - 2)
        layout->info = above;
      else
        layout->info = ob_plot_text_box (text, layout->info_text, p->x + p->width - pad,
                                         p->y + p->height - pad, 1, 1);
    }
  g_array_append_val (layout->text_boxes, layout->info);
}

/* LLOQ and ULOQ named above the plot over their dashed lines, pushed apart when close. */
static void
place_limits (ObCurveLayout *layout, const ObCurvePlot *plot, ObPlotText *text)
{
  const ObAssayPlate *plate = plot->plate;
  double y = layout->plot.y - plot->plot_style.font_size * 0.15;

  layout->lloq_x = layout->uloq_x = NAN;
  layout->lloq_label = layout->uloq_label = (ObPlotRect) { 0 };
  if (!plot->show_limits || isnan (plate->lloq))
    return;
  layout->lloq_x = ob_plot_scale_map (&layout->x, plate->lloq);
  layout->uloq_x = ob_plot_scale_map (&layout->x, plate->uloq);
  layout->lloq_label = ob_plot_text_box (text, _("LLOQ"), layout->lloq_x, y, 0.5, 1);
  layout->uloq_label = ob_plot_text_box (text, _("ULOQ"), layout->uloq_x, y, 0.5, 1);
  if (layout->lloq_label.x + layout->lloq_label.width + 2 > layout->uloq_label.x)
    {
      double mid = (layout->lloq_x + layout->uloq_x) / 2;

      layout->lloq_label.x = mid - 1 - layout->lloq_label.width;
      layout->uloq_label.x = mid + 1;
    }
  layout->lloq_label.x = MAX (layout->lloq_label.x, layout->plot.x);
  layout->uloq_label.x = MIN (layout->uloq_label.x,
                              layout->width - layout->margin - layout->uloq_label.width);
  g_array_append_val (layout->text_boxes, layout->lloq_label);
  g_array_append_val (layout->text_boxes, layout->uloq_label);
}

ObCurveLayout *
ob_curve_plot_layout (const ObCurvePlot *plot, double width_pt, double height_pt)
{
  const ObPlotStyle *ps = &plot->plot_style;
  g_autoptr(ObCurveLayout) layout = g_new0 (ObCurveLayout, 1);
  g_autoptr(ObPlotText) text = ob_plot_text_new (ps);
  double fs = ps->font_size, m = fs * 0.6, lh, xlo, xhi, ylo, yhi;
  double top, left, right, bottom, legend_h = 0;

  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->margin = m;
  layout->marks = g_array_new (FALSE, FALSE, sizeof (ObCurveMark));
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  layout->radius = fs * 0.28;
  lh = ob_plot_text_line_height (text);

  data_range (plot, &xlo, &xhi, &ylo, &yhi);
  layout->x.kind = OB_PLOT_SCALE_LOG10;
  layout->x.lo = xlo;
  layout->x.hi = xhi;
  layout->x.step = 1;
  layout->x_ticks = g_new (double, MAX_DECADES);
  layout->n_x_ticks = log_ticks (xlo, xhi, layout->x_ticks, MAX_DECADES);
  ob_plot_scale_init_linear (&layout->y, ylo, yhi, 5);

  top = m;
  if (plot->title != NULL && *plot->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      layout->title_box = ob_plot_text_box (text, plot->title, m, m, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
      g_array_append_val (layout->text_boxes, layout->title_box);
      top += layout->title_box.height + fs * 0.4;
    }
  /* Room for the LLOQ / ULOQ names over the plot. */
  if (plot->show_limits && !isnan (plot->plate->lloq))
    top += lh + fs * 0.2;

  layout->x_title = g_strdup (plot->x_label != NULL ? plot->x_label : _("Concentration"));
  layout->y_title = g_strdup (plot->y_label != NULL ? plot->y_label : _("Response"));
  layout->axis_x = (ObPlotAxis) { OB_PLOT_AXIS_BOTTOM, &layout->x, layout->x_ticks,
                                  layout->n_x_ticks, 1, 0, layout->x_title };
  layout->axis_y = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &layout->y, NULL, 0, 1, 0,
                                  layout->y_title };
  left = m + ob_plot_axis_extent (&layout->axis_y, text, ps);
  right = width_pt - m - fs * 0.8;
  bottom = height_pt - m;
  if (plot->show_legend)
    {
      legend_h = place_legend (layout, plot, text, left, right, bottom);
      bottom -= legend_h + fs * 0.5;
    }
  bottom -= ob_plot_axis_extent (&layout->axis_x, text, ps);
  layout->plot = (ObPlotRect) { left, top, right - left, bottom - top };
  ob_plot_scale_set_range (&layout->x, left, right);
  ob_plot_scale_set_range (&layout->y, bottom, top);
  layout->axis_x.position = bottom;
  layout->axis_y.position = left;
  ob_plot_axis_layout (&layout->axis_x, text, ps, layout->text_boxes);
  ob_plot_axis_layout (&layout->axis_y, text, ps, layout->text_boxes);

  place_marks (layout, plot);
  place_limits (layout, plot, text);
  place_info (layout, plot, text);
  return g_steal_pointer (&layout);
}

int
ob_curve_layout_hit_test (const ObCurveLayout *layout, double x, double y)
{
  double best = pow (MAX (layout->radius * 2.5, 4.0), 2);
  int found = -1;

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const ObCurveMark *m = &g_array_index (layout->marks, ObCurveMark, i);
      double d = (m->x - x) * (m->x - x) + (m->y - y) * (m->y - y);

      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

void
ob_curve_plot_draw_func (cairo_t *cr, double width_pt, double height_pt, gpointer user_data)
{
  ob_curve_plot_render (cr, width_pt, height_pt, user_data);
}

void
ob_curve_plot_render (cairo_t *cr, double width_pt, double height_pt, const ObCurvePlot *plot)
{
  g_autoptr(ObCurveLayout) layout = ob_curve_plot_layout (plot, width_pt, height_pt);

  ob_curve_plot_render_layout (cr, layout);
}
