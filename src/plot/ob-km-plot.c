/* ob-km-plot.c: Kaplan–Meier figure geometry: plot area, scales, at-risk table, hit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-km-plot-private.h"
#include "ob-plot-legend.h"

#define MAX_TICKS 64
#define N_CORNERS 4
#define BLOCK_LEGEND 1u
#define BLOCK_ANNOTATION 2u

void
ob_km_layout_free (ObKmLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->ticks);
  g_free (layout->cells);
  g_free (layout->x_title);
  g_free (layout->y_title);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_free (layout);
}

static void
add_box (ObKmLayout *layout, ObPlotRect box)
{
  g_array_append_val (layout->text_boxes, box);
}

/* How much of the curves (and bands) a rectangle in the plot would cover, sampled every
 * point across it; a drop between two samples counts too. */
static double
corner_cost (const ObKmPlot *plot, const ObKmLayout *layout, const ObPlotRect *r)
{
  double cost = 0, top = r->y - layout->margin, bottom = r->y + r->height + layout->margin;
  int samples = (int) CLAMP (r->width, 8, 2000);

  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      const ObKmCurve *curve = &plot->fit->curves[c];
      double end = MIN (ob_km_curve_last_time (curve), layout->x.hi);
      double y_prev = NAN;

      if (!ob_km_plot_is_visible (plot, c))
        continue;
      for (int k = 0; k <= samples; k++)
        {
          double px = r->x - layout->margin + (r->width + 2 * layout->margin) * k / samples;
          double t = ob_plot_scale_unmap (&layout->x, px);
          gsize i;
          double s, ys, y0, y1;

          if (t > end || t < 0)
            continue;
          i = ob_km_steps_upto (curve, t);
          s = i > 0 ? curve->steps[i - 1].surv : 1;
          ys = ob_plot_scale_map (&layout->y, s * layout->y_factor);
          y0 = isnan (y_prev) ? ys : MIN (ys, y_prev);
          y1 = isnan (y_prev) ? ys : MAX (ys, y_prev);
          y_prev = ys;
          if (y1 >= top && y0 <= bottom)
            cost += 10;   /* a curve under text is worse than a band */
          else if (plot->style.show_ci && i > 0 && isfinite (curve->steps[i - 1].lower)
                   && isfinite (curve->steps[i - 1].upper))
            {
              double ylo = ob_plot_scale_map (&layout->y, curve->steps[i - 1].lower
                                                          * layout->y_factor);
              double yhi = ob_plot_scale_map (&layout->y, curve->steps[i - 1].upper
                                                          * layout->y_factor);
              if (yhi <= bottom && ylo >= top)
                cost += 1;
            }
        }
    }
  return cost;
}

static ObPlotRect
corner_rect (const ObKmLayout *layout, ObKmPlace place, double w, double h)
{
  const ObPlotRect *p = &layout->plot;
  double inset = layout->margin * 2;
  ObPlotRect r = { 0, 0, w, h };

  switch (place)
    {
    case OB_KM_PLACE_TOP_LEFT:
      r.x = p->x + inset * 3;  /* clear of the curves' start at 1 */
      r.y = p->y + inset;
      break;
    case OB_KM_PLACE_BOTTOM_LEFT:
      r.x = p->x + inset;
      r.y = p->y + p->height - h - inset;
      break;
    case OB_KM_PLACE_BOTTOM_RIGHT:
      r.x = p->x + p->width - w - inset;
      r.y = p->y + p->height - h - inset;
      break;
    case OB_KM_PLACE_TOP_RIGHT:
    default:
      r.x = p->x + p->width - w - inset;
      r.y = p->y + inset;
      break;
    }
  /* A block wider than the plot keeps clear of the y axis, and on the page if it can. */
  r.x = MAX (r.x, p->x + inset);
  r.x = MAX (MIN (r.x, layout->width - layout->margin - w), layout->margin);
  return r;
}

/* The emptiest place for a w × h block: a corner, or next to the legend when the legend holds
 * that corner.  Ties go to the order top right, bottom left, bottom right, top left. */
static ObPlotRect
place_block (const ObKmPlot *plot, const ObKmLayout *layout, ObKmPlace wanted, double w,
             double h, const ObPlotRect *legend, double *out_cost)
{
  static const ObKmPlace order[N_CORNERS] = {
    OB_KM_PLACE_TOP_RIGHT, OB_KM_PLACE_BOTTOM_LEFT, OB_KM_PLACE_BOTTOM_RIGHT,
    OB_KM_PLACE_TOP_LEFT,
  };
  ObPlotRect best = corner_rect (layout, OB_KM_PLACE_TOP_RIGHT, w, h);
  double best_cost = INFINITY;
  double gap = layout->margin * 1.5;

  /* Should no corner work, at least not on top of the legend. */
  if (legend != NULL && legend->width > 0)
    best = (ObPlotRect) { legend->x, legend->y + legend->height + gap, w, h };

  for (guint i = 0; i < N_CORNERS; i++)
    {
      ObPlotRect r;
      double cost;

      if (wanted != OB_KM_PLACE_AUTO && wanted != order[i])
        continue;
      r = corner_rect (layout, order[i], w, h);
      if (legend != NULL && legend->width > 0)
        {
          ObPlotRect grown = { legend->x - gap, legend->y - gap, legend->width + 2 * gap,
                               legend->height + 2 * gap };

          if (ob_plot_rect_intersects (&r, &grown))
            {
              if (order[i] == OB_KM_PLACE_TOP_LEFT || order[i] == OB_KM_PLACE_TOP_RIGHT)
                r.y = legend->y + legend->height + gap;
              else
                r.y = legend->y - gap - h;
            }
          if (ob_plot_rect_intersects (&r, &grown))
            continue;
        }
      cost = corner_cost (plot, layout, &r);
      if (r.y < layout->plot.y || r.y + r.height > layout->plot.y + layout->plot.height)
        cost = INFINITY;
      if (cost < best_cost || (best_cost == INFINITY && i == 0 && legend == NULL))
        {
          best_cost = cost;
          best = r;
        }
    }
  *out_cost = best_cost;
  return best;
}

static void
measure_legend (const ObKmPlot *plot, ObPlotText *text, double *w, double *h)
{
  g_autofree guint *curves = g_new (guint, plot->fit->n_curves + 1);
  g_auto (GStrv) labels = ob_km_plot_legend_labels (plot, curves);

  const char *group = ob_km_plot_group_label (plot);

  ob_plot_legend_measure (text, &plot->style.plot_style, (const char *const *) labels,
                          g_strv_length (labels), w, h);
  if (group != NULL && *w > 0)
    {
      double tw;

      ob_plot_text_set_font (text, 1, TRUE);
      ob_plot_text_measure (text, group, &tw, NULL);
      *w = MAX (*w, tw);
      *h += ob_plot_text_advance (text, group);
      ob_plot_text_set_font (text, 1, FALSE);
    }
}

static void
measure_annotation (const ObKmPlot *plot, ObPlotText *text, double *w, double *h)
{
  g_autoptr (GPtrArray) lines = ob_km_plot_annotation_lines (plot);

  *w = *h = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      double tw;

      ob_plot_text_measure (text, g_ptr_array_index (lines, i), &tw, NULL);
      *w = MAX (*w, tw);
      *h += ob_plot_text_advance (text, g_ptr_array_index (lines, i));
    }
}

/* KMunicate heads each group's three rows with its name, or in compact form puts the name
 * beside the first row. */
static guint
table_rows_per_curve (ObKmRiskTable table, gboolean compact)
{
  if (table == OB_KM_RISK_TABLE_KMUNICATE)
    return compact ? 3 : 4;
  return table == OB_KM_RISK_TABLE_CLASSIC ? 1 : 0;
}

static void
add_row_labels (const ObKmPlot *plot, ObKmLayout *layout, ObPlotText *text,
                const ObKmRiskCell *cell)
{
  const char *name = plot->fit->curves[cell->curve].name;

  if (plot->style.risk_table != OB_KM_RISK_TABLE_KMUNICATE)
    {
      add_box (layout, ob_plot_text_box (text, name, layout->row_label_right, cell->y, 1, 0.5));
      return;
    }
  add_box (layout, ob_plot_text_box (text, ob_km_plot_row_label (cell->row),
                                     layout->row_label_right, cell->y, 1, 0.5));
  if (cell->row == 0)
    {
      ob_plot_text_set_font (text, 1, TRUE);
      add_box (layout, ob_plot_text_box (text, name, layout->margin,
                                         layout->compact_table ? cell->y
                                                               : cell->y - layout->row_height,
                                         0, 0.5));
      ob_plot_text_set_font (text, 1, FALSE);
    }
}

/* At risk at t = subjects with time >= t; censored and events counted strictly before t, so
 * that the three add up to n at every tick (KMunicate). */
static void
fill_cells (const ObKmPlot *plot, ObKmLayout *layout, ObPlotText *text, double table_top)
{
  ObKmRiskTable table = plot->style.risk_table;
  guint per_curve = table_rows_per_curve (table, layout->compact_table);
  guint data_rows = table == OB_KM_RISK_TABLE_KMUNICATE ? 3 : 1;
  guint vis = 0;
  gsize k = 0;

  layout->n_cells = (gsize) ob_km_plot_n_visible (plot) * data_rows * layout->n_ticks;
  layout->cells = g_new0 (ObKmRiskCell, MAX (layout->n_cells, 1));

  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      const ObKmCurve *curve = &plot->fit->curves[c];
      gsize i = 0, events = 0, censored = 0;

      if (!ob_km_plot_is_visible (plot, c))
        continue;
      for (guint t = 0; t < layout->n_ticks; t++)
        {
          double time = layout->ticks[t];
          gsize at_risk;

          /* Ticks ascend, so one walk over the steps serves the whole row. */
          for (; i < curve->n_steps && curve->steps[i].time < time; i++)
            {
              events += curve->steps[i].n_event;
              censored += curve->steps[i].n_censor;
            }
          at_risk = i < curve->n_steps ? curve->steps[i].n_risk : 0;
          for (guint r = 0; r < data_rows; r++)
            {
              ObKmRiskCell *cell = &layout->cells[k++];
              guint row_index = vis * per_curve + (per_curve == 4 ? 1 + r : r);
              g_autofree char *str = NULL;

              cell->curve = c;
              cell->row = r;
              cell->time = time;
              cell->value = r == 0 ? at_risk : r == 1 ? censored : events;
              cell->x = ob_plot_scale_map (&layout->x, time);
              cell->y = table_top + (row_index + 0.5) * layout->row_height;
              str = g_strdup_printf ("%" G_GSIZE_FORMAT, cell->value);
              cell->box = ob_plot_text_box (text, str, cell->x, cell->y, 0.5, 0.5);
              add_box (layout, cell->box);
              if (t == 0)
                {
                  ob_plot_text_set_max_width (text, layout->label_max_width);
                  add_row_labels (plot, layout, text, cell);
                  ob_plot_text_set_max_width (text, 0);
                }
            }
        }
      vis++;
    }
}

static double
widest_count (const ObKmPlot *plot, ObPlotText *text)
{
  gsize max_n = 0;
  g_autofree char *str = NULL;
  double w;

  for (guint c = 0; c < plot->fit->n_curves; c++)
    max_n = MAX (max_n, plot->fit->curves[c].n);
  str = g_strdup_printf ("%" G_GSIZE_FORMAT, max_n);
  ob_plot_text_measure (text, str, &w, NULL);
  return w;
}

static gboolean
is_months (const char *unit)
{
  g_autofree char *lower = unit ? g_utf8_strdown (unit, -1) : NULL;

  return lower != NULL && (g_str_has_prefix (lower, "month") || strstr (lower, "月") != NULL);
}

/* Oncologists read follow-up in quarters, half-years and years: 6 months rather than 5. */
static const double month_steps[] = { 1, 2, 3, 6, 12, 24, 36, 48, 60, 120 };

static double
month_step (double nice)
{
  double best = nice, best_d = INFINITY;

  for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
    {
      double d = fabs (log (month_steps[i] / nice));

      if (d < best_d)
        {
          best_d = d;
          best = month_steps[i];
        }
    }
  return best;
}

static ObKmLayout *
layout_pass (const ObKmPlot *plot, double width_pt, double height_pt, guint outside,
             gboolean compact)
{
  const ObKmPlotStyle *style = &plot->style;
  const ObPlotStyle *ps = &style->plot_style;
  g_autoptr (ObPlotText) text = ob_km_plot_text_new (plot);
  ObKmLayout *layout = g_new0 (ObKmLayout, 1);
  double fs = ps->font_size > 0 ? ps->font_size : 7;
  double lh, m, gap, label_gap, left, right, top, bottom, x_max = 0;
  double label_w = 0, table_h = 0, count_w = 0, axis_h, leg_w = 0, leg_h = 0, ann_w = 0;
  double ann_h = 0, blocks_top = 0, cost;
  guint n_rows, n_x_ticks;
  gboolean with_legend, with_annotation, out_legend, out_annotation, side_by_side = FALSE;

  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  layout->y_factor = style->y_percent ? 100 : 1;

  lh = ob_plot_text_line_height (text);
  m = MAX (fs * 0.3, 1);
  gap = fs * 0.35;
  /* A short label ("1") right against its first count would read as one number ("1 138"). */
  label_gap = fs;
  layout->margin = m;
  layout->row_height = lh * 1.1;
  layout->label_max_width = 0.3 * width_pt;
  layout->block_max_width = 0.6 * width_pt;
  /* Group names in a fallback font (CJK) can stand taller than the Latin line. */
  for (guint c = 0; c < plot->fit->n_curves; c++)
    if (ob_km_plot_is_visible (plot, c) && plot->fit->curves[c].name != NULL)
      {
        ob_plot_text_set_font (text, 1, TRUE);
        layout->row_height = MAX (layout->row_height,
                                  ob_plot_text_advance (text, plot->fit->curves[c].name));
        ob_plot_text_set_font (text, 1, FALSE);
      }
  layout->compact_table = compact;

  /* Top: optional title. */
  top = m;
  if (style->title != NULL && *style->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      layout->title_box = ob_plot_text_box (text, style->title, m, top, 0, 0);
      add_box (layout, layout->title_box);
      top += layout->title_box.height + gap;
      ob_plot_text_set_font (text, 1, FALSE);
    }
  with_legend = style->legend != OB_KM_PLACE_NONE && ob_km_plot_n_visible (plot) > 1;
  with_annotation = style->show_annotation && style->annotation != OB_KM_PLACE_NONE;
  ob_plot_text_set_max_width (text, layout->block_max_width);
  if (with_legend)
    measure_legend (plot, text, &leg_w, &leg_h);
  if (with_annotation)
    measure_annotation (plot, text, &ann_w, &ann_h);
  ob_plot_text_set_max_width (text, 0);
  with_legend = with_legend && leg_w > 0;
  out_legend = with_legend && (outside & BLOCK_LEGEND);
  out_annotation = with_annotation && (outside & BLOCK_ANNOTATION);
  if (out_legend || out_annotation)
    {
      /* No free corner: key and statistics go above the plot, side by side if they fit. */
      double lw = out_legend ? leg_w : 0, lh_ = out_legend ? leg_h : 0;
      double aw = out_annotation ? ann_w : 0, ah = out_annotation ? ann_h : 0;

      blocks_top = top;
      side_by_side = lw + aw + 3 * gap <= width_pt * 0.75;
      top += side_by_side ? MAX (lh_, ah) : lh_ + ah + (lh_ > 0 && ah > 0 ? gap : 0);
      top += gap;
    }

  /* Half a line so the top tick label (1.0) is not cut. */
  top += lh / 2;

  /* Scales. */
  for (guint c = 0; c < plot->fit->n_curves; c++)
    if (ob_km_plot_is_visible (plot, c))
      x_max = MAX (x_max, ob_km_curve_last_time (&plot->fit->curves[c]));
  if (style->x_max > 0)
    x_max = style->x_max;
  if (!(x_max > 0))
    x_max = 1;
  n_x_ticks = (guint) CLAMP (width_pt / (fs * 6), 4, 10);
  if (style->x_max > 0)
    {
      /* A limit the user set is where the axis stops, on a tick when the step allows. */
      ob_plot_scale_init_fixed (&layout->x, 0, x_max, style->x_step, n_x_ticks);
      if (!(style->x_step > 0) && is_months (style->time_unit))
        ob_plot_scale_init_fixed (&layout->x, 0, x_max, month_step (layout->x.step), n_x_ticks);
    }
  else if (style->x_step > 0)
    ob_plot_scale_init_covering (&layout->x, 0, x_max, &style->x_step, 1, n_x_ticks);
  else if (is_months (style->time_unit) && x_max >= 3)
    ob_plot_scale_init_covering (&layout->x, 0, x_max, month_steps, G_N_ELEMENTS (month_steps),
                                 n_x_ticks);
  else
    ob_plot_scale_init_covering (&layout->x, 0, x_max, NULL, 0, n_x_ticks);
  ob_plot_scale_init_fixed (&layout->y, 0, layout->y_factor, layout->y_factor * 0.2, 5);
  layout->ticks = g_new (double, MAX_TICKS);
  layout->n_ticks = ob_plot_scale_ticks (&layout->x, layout->ticks, MAX_TICKS);
  if (style->x_label != NULL)
    layout->x_title = g_strdup (style->x_label);
  else if (style->time_unit != NULL && *style->time_unit)
    layout->x_title = g_strdup_printf (_("Time (%s)"), style->time_unit);
  else
    layout->x_title = g_strdup (_("Time"));
  layout->y_title = g_strdup (style->y_label ? style->y_label
                              : style->y_percent ? _("Survival (%)")
                                                 : _("Survival probability"));
  layout->axis_x = (ObPlotAxis) { OB_PLOT_AXIS_BOTTOM, &layout->x, layout->ticks,
                                  layout->n_ticks, 1, 0, layout->x_title };
  layout->axis_y = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &layout->y, NULL, 0, 1, 0,
                                  layout->y_title };

  left = m + ob_plot_axis_extent (&layout->axis_y, text, ps);

  n_rows = ob_km_plot_n_visible (plot) * table_rows_per_curve (style->risk_table, compact);
  if (n_rows > 0)
    {
      ob_plot_text_set_max_width (text, layout->label_max_width);
      for (guint c = 0; c < plot->fit->n_curves; c++)
        {
          double w = 0;

          if (!ob_km_plot_is_visible (plot, c))
            continue;
          if (style->risk_table == OB_KM_RISK_TABLE_CLASSIC)
            ob_plot_text_measure (text, plot->fit->curves[c].name, &w, NULL);
          label_w = MAX (label_w, w);
        }
      if (style->risk_table == OB_KM_RISK_TABLE_KMUNICATE)
        {
          double names_w = 0, rows_w = 0;

          for (guint r = 0; r < 3; r++)
            {
              double w;

              ob_plot_text_measure (text, ob_km_plot_row_label (r), &w, NULL);
              rows_w = MAX (rows_w, w);
            }
          /* Side by side, name and row label share the label column. */
          if (compact)
            {
              layout->label_max_width = MAX (layout->label_max_width - rows_w - gap * 2, fs * 4);
              ob_plot_text_set_max_width (text, layout->label_max_width);
            }
          ob_plot_text_set_font (text, 1, TRUE);
          for (guint c = 0; c < plot->fit->n_curves; c++)
            {
              double w;

              ob_plot_text_measure (text, plot->fit->curves[c].name, &w, NULL);
              names_w = MAX (names_w, w);
            }
          ob_plot_text_set_font (text, 1, FALSE);
          label_w = compact ? names_w + gap * 2 + rows_w : rows_w + fs;
        }
      ob_plot_text_set_max_width (text, 0);
      count_w = widest_count (plot, text);
      left = MAX (left, m + label_w + label_gap + count_w / 2);
      table_h = layout->row_height * (n_rows + (style->risk_table == OB_KM_RISK_TABLE_CLASSIC));
    }

  /* Bottom: ticks, tick labels, x title, then the table. */
  axis_h = ob_plot_axis_extent (&layout->axis_x, text, ps);
  bottom = m + table_h + (n_rows > 0 ? lh * 0.6 : 0) + axis_h;

  /* Right: room for half of the widest label centred on the last tick. */
  right = m;
  layout->plot.x = left;
  layout->plot.y = top;
  for (int pass = 0; pass < 2; pass++)
    {
      double overflow = 0;

      layout->plot.width = MAX (width_pt - left - right, fs);
      ob_plot_scale_set_range (&layout->x, layout->plot.x, layout->plot.x + layout->plot.width);
      for (guint i = 0; i < layout->n_ticks; i++)
        {
          g_autofree char *s = ob_plot_scale_format (&layout->x, layout->ticks[i], 1);
          double w, xr;

          ob_plot_text_measure (text, s, &w, NULL);
          xr = ob_plot_scale_map (&layout->x, layout->ticks[i]) + MAX (w, count_w) / 2;
          overflow = MAX (overflow, xr - (width_pt - m));
        }
      if (overflow <= 0)
        break;
      right += overflow + 0.5;
    }
  layout->plot.height = MAX (height_pt - top - bottom, fs);
  ob_plot_scale_set_range (&layout->y, layout->plot.y + layout->plot.height, layout->plot.y);
  /* A short plot (a big table on a small page) labels fewer probabilities rather than
   * letting them collide. */
  if (layout->plot.height / 5 < lh * 1.2)
    layout->y.step = layout->y_factor * (layout->plot.height / 2 < lh * 1.2 ? 1 : 0.5);

  /* Axis label boxes. */
  layout->axis_x.position = layout->plot.y + layout->plot.height;
  layout->axis_y.position = layout->plot.x;
  layout->x_title_box = ob_plot_axis_layout (&layout->axis_x, text, ps, layout->text_boxes);
  layout->y_title_box = ob_plot_axis_layout (&layout->axis_y, text, ps, layout->text_boxes);
  layout->x_axis = (ObPlotRect) { layout->plot.x, layout->axis_x.position, layout->plot.width,
                                  axis_h };

  /* The table, under the axis, in the plot's x coordinates. */
  if (n_rows > 0)
    {
      double table_top = layout->x_axis.y + layout->x_axis.height + lh * 0.6;
      double rows_top = table_top;

      /* The first column is centred on the plot's left edge and no count is wider than
       * count_w, so this leaves label_gap before any of them. */
      layout->row_label_right = layout->plot.x - count_w / 2 - label_gap;
      if (style->risk_table == OB_KM_RISK_TABLE_CLASSIC)
        {
          g_autofree char *header = ob_km_plot_table_header (plot);

          ob_plot_text_set_font (text, 1, TRUE);
          ob_plot_text_set_max_width (text, width_pt - 2 * m);
          layout->table_header_box = ob_plot_text_box (text, header, m,
                                                       table_top + (layout->row_height - lh) / 2,
                                                       0, 0);
          add_box (layout, layout->table_header_box);
          ob_plot_text_set_max_width (text, 0);
          ob_plot_text_set_font (text, 1, FALSE);
          rows_top += layout->row_height;
        }
      layout->risk_table = (ObPlotRect) { m, table_top, width_pt - 2 * m, table_h };
      fill_cells (plot, layout, text, rows_top);
    }

  /* Legend and statistics in the emptiest corners, or above the plot. */
  if (out_legend)
    layout->legend = (ObPlotRect) { MAX (MIN (layout->plot.x, width_pt - m - leg_w), m),
                                    blocks_top, leg_w, leg_h };
  else if (with_legend)
    {
      layout->legend = place_block (plot, layout, style->legend, leg_w, leg_h, NULL, &cost);
      if (cost >= 10)
        layout->crowded_blocks |= BLOCK_LEGEND;
    }
  if (out_annotation)
    {
      double right_edge = layout->plot.x + layout->plot.width;
      gboolean beside = side_by_side && out_legend;

      layout->annotation = (ObPlotRect) {
        beside ? MAX (right_edge - ann_w, m) : MAX (MIN (layout->plot.x, width_pt - m - ann_w), m),
        out_legend && !side_by_side ? blocks_top + leg_h + gap : blocks_top, ann_w, ann_h };
    }
  else if (with_annotation)
    {
      layout->annotation = place_block (plot, layout, style->annotation, ann_w, ann_h,
                                        &layout->legend, &cost);
      if (cost >= 10)
        layout->crowded_blocks |= BLOCK_ANNOTATION;
    }
  layout->blocks_outside = out_legend || out_annotation;
  if (with_legend)
    add_box (layout, layout->legend);
  if (with_annotation)
    add_box (layout, layout->annotation);

  /* Steps closer than a hair are invisible; merging them is what keeps 100k rows fast. */
  layout->line_eps = ps->vector ? 0.05 : 1;
  return layout;
}

ObKmLayout *
ob_km_plot_layout (const ObKmPlot *plot, double width_pt, double height_pt)
{
  ObKmLayout *layout;
  gboolean automatic;

  g_return_val_if_fail (plot != NULL && plot->fit != NULL, NULL);

  layout = layout_pass (plot, width_pt, height_pt, 0, FALSE);
  if (plot->style.risk_table == OB_KM_RISK_TABLE_KMUNICATE
      && layout->plot.height < 0.4 * height_pt)
    {
      /* Many groups on a small page: name each group beside its rows, not above them. */
      ObKmLayout *compact = layout_pass (plot, width_pt, height_pt, 0, TRUE);

      if (compact->plot.height > layout->plot.height)
        {
          ob_km_layout_free (layout);
          layout = compact;
        }
      else
        ob_km_layout_free (compact);
    }
  /* Only when placed automatically: a corner the user chose is kept even over a curve. */
  automatic = plot->style.legend == OB_KM_PLACE_AUTO
              && plot->style.annotation == OB_KM_PLACE_AUTO;
  if (layout->crowded_blocks != 0 && automatic)
    {
      /* First only the blocks that found no free corner, then both: a legend that fits in
       * a corner costs the plot no height. */
      guint tries[] = { layout->crowded_blocks, BLOCK_LEGEND | BLOCK_ANNOTATION };

      for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
        {
          ObKmLayout *above;

          if (i > 0 && tries[i] == tries[0])
            break;
          above = layout_pass (plot, width_pt, height_pt, tries[i], layout->compact_table);
          /* Above the plot only while the curves keep a fair share of the page; a crushed
           * plot is worse than text over a curve.  A big KMunicate table already took most
           * of the page, hence a floor lower than a third. */
          if (above->crowded_blocks == 0
              && above->plot.height >= MAX (0.28 * height_pt, 0.6 * layout->plot.height))
            {
              ob_km_layout_free (layout);
              return above;
            }
          ob_km_layout_free (above);
        }
    }
  layout->blocks_outside = FALSE;
  return layout;
}

gboolean
ob_km_plot_hit_test (const ObKmLayout *layout, double x, double y, ObKmHit *hit)
{
  const ObKmPlot *plot = layout->source;
  double tol = MAX (plot->style.plot_style.font_size * 0.8, 4);
  double t, best = INFINITY;
  gboolean found = FALSE;

  if (x < layout->plot.x - 1 || x > layout->plot.x + layout->plot.width + 1)
    return FALSE;
  t = CLAMP (ob_plot_scale_unmap (&layout->x, x), 0, layout->x.hi);

  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      const ObKmCurve *curve = &plot->fit->curves[c];
      gsize i, j;
      double s, d;

      if (!ob_km_plot_is_visible (plot, c) || t > ob_km_curve_last_time (curve))
        continue;
      i = ob_km_steps_upto (curve, t);
      s = i > 0 ? curve->steps[i - 1].surv : 1;
      d = fabs (ob_plot_scale_map (&layout->y, s * layout->y_factor) - y);
      if (d > tol || d >= best)
        continue;
      best = d;
      found = TRUE;
      if (hit)
        {
          j = ob_km_steps_before (curve, t);
          hit->curve = c;
          hit->time = t;
          hit->surv = s;
          hit->lower = i > 0 ? curve->steps[i - 1].lower : 1;
          hit->upper = i > 0 ? curve->steps[i - 1].upper : 1;
          hit->n_risk = j < curve->n_steps ? curve->steps[j].n_risk : 0;
        }
    }
  return found;
}

gboolean
ob_km_plot_hit_mark (const ObKmLayout *layout, double x, double y, guint *curve, double *time)
{
  const ObKmPlot *plot = layout->source;
  double tol = MAX (plot->style.plot_style.font_size * 0.6, 3);
  double best = INFINITY;
  gboolean found = FALSE;

  if (x < layout->plot.x - tol || x > layout->plot.x + layout->plot.width + tol)
    return FALSE;
  for (guint c = 0; c < plot->fit->n_curves; c++)
    {
      const ObKmCurve *kc = &plot->fit->curves[c];
      double before = 1;

      if (!ob_km_plot_is_visible (plot, c))
        continue;
      for (gsize i = 0; i < kc->n_steps; i++)
        {
          const ObKmStep *st = &kc->steps[i];
          double sx = ob_plot_scale_map (&layout->x, st->time);
          double y0 = ob_plot_scale_map (&layout->y, before * layout->y_factor);
          double y1 = ob_plot_scale_map (&layout->y, st->surv * layout->y_factor);
          double dx = fabs (x - sx), dy;

          before = st->surv;
          if (dx > tol || (st->n_event == 0 && st->n_censor == 0))
            continue;
          /* A drop is a vertical segment; a censoring tick sits on the level after it. */
          if (st->n_event > 0)
            dy = y < MIN (y0, y1) ? MIN (y0, y1) - y : y > MAX (y0, y1) ? y - MAX (y0, y1) : 0;
          else
            dy = fabs (y - y1);
          if (dy > tol || hypot (dx, dy) >= best)
            continue;
          best = hypot (dx, dy);
          found = TRUE;
          if (curve != NULL)
            *curve = c;
          if (time != NULL)
            *time = st->time;
        }
    }
  return found;
}
