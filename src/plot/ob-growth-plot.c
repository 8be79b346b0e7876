/* ob-growth-plot.c: geometry of the tumour growth figures: panels, scales, legend, hit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-growth-plot-private.h"

#define MAX_TICKS 64

/* Study days read best in weeks: 7, 14, 28 before 5, 10, 20. */
static const double day_steps[] = {
  1, 2, 3, 5, 7, 14, 21, 28, 42, 56, 84, 100, 140, 200, 365, 500, 1000,
};

void
ob_growth_layout_free (ObGrowthLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->panels);
  g_free (layout->x_ticks);
  g_free (layout->y_ticks);
  g_free (layout->point_order);
  g_free (layout->summary_order);
  g_free (layout->bars);
  g_free (layout->legend_arms);
  g_free (layout->x_title);
  g_free (layout->y_title);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_free (layout);
}

static void
add_box (ObGrowthLayout *layout, ObPlotRect box)
{
  if (box.width > 0)
    g_array_append_val (layout->text_boxes, box);
}

/* Sorting ---------------------------------------------------------------------------------- */

static int
cmp_point (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const double *time = user_data;
  double x = time[*(const gsize *) a], y = time[*(const gsize *) b];

  return (x > y) - (x < y);
}

static int
cmp_summary (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const ObGrowthSummary *s = user_data;
  const ObGrowthSummary *x = &s[*(const gsize *) a], *y = &s[*(const gsize *) b];

  if (x->arm != y->arm)
    return x->arm < y->arm ? -1 : 1;
  return (x->time > y->time) - (x->time < y->time);
}

static int
cmp_bar (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const ObGrowthWaterfall *w = user_data;
  double x = w[((const ObGrowthBar *) a)->entry].best_change;
  double y = w[((const ObGrowthBar *) b)->entry].best_change;

  return (x < y) - (x > y);
}

/* Points usually arrive in time order: sorting is skipped where they do. */
static void
sort_orders (const ObGrowthData *data, ObGrowthLayout *layout)
{
  const double *time = (const double *) (void *) data->time->data;
  const ObGrowthSummary *sum = (const ObGrowthSummary *) (void *) data->summaries->data;
  gboolean sorted = TRUE;

  layout->point_order = g_new (gsize, MAX (data->time->len, 1));
  for (gsize i = 0; i < data->time->len; i++)
    layout->point_order[i] = i;
  for (guint s = 0; s < data->subjects->len; s++)
    {
      const ObGrowthSubject *subj = &g_array_index (data->subjects, ObGrowthSubject, s);
      gboolean in_order = TRUE;

      for (gsize i = subj->first + 1; i < subj->first + subj->n && in_order; i++)
        in_order = !(time[i] < time[i - 1]);
      if (!in_order)
        g_qsort_with_data (layout->point_order + subj->first, (gint) subj->n, sizeof (gsize),
                           cmp_point, (gpointer) time);
    }

  layout->summary_order = g_new (gsize, MAX (data->summaries->len, 1));
  for (gsize i = 0; i < data->summaries->len; i++)
    {
      layout->summary_order[i] = i;
      if (i > 0 && cmp_summary (&layout->summary_order[i - 1], &layout->summary_order[i],
                                (gpointer) sum) > 0)
        sorted = FALSE;
    }
  if (!sorted)
    g_qsort_with_data (layout->summary_order, (gint) data->summaries->len, sizeof (gsize),
                       cmp_summary, (gpointer) sum);
}

/* Data ranges ------------------------------------------------------------------------------ */

typedef struct
{
  double x_lo, x_hi, y_lo, y_hi;
  double y_min_pos;         /* smallest value above zero, for a log axis */
} Ranges;

static void
grow (Ranges *r, double x, double y)
{
  if (isfinite (x))
    {
      r->x_lo = MIN (r->x_lo, x);
      r->x_hi = MAX (r->x_hi, x);
    }
  if (isfinite (y))
    {
      r->y_lo = MIN (r->y_lo, y);
      r->y_hi = MAX (r->y_hi, y);
      if (y > 0)
        r->y_min_pos = MIN (r->y_min_pos, y);
    }
}

static Ranges
data_ranges (const ObGrowthPlot *plot)
{
  const ObGrowthData *data = plot->data;
  Ranges r = { INFINITY, -INFINITY, INFINITY, -INFINITY, INFINITY };

  if (plot->chart == OB_GROWTH_CHART_WATERFALL)
    {
      for (guint i = 0; i < data->waterfall->len; i++)
        grow (&r, NAN, g_array_index (data->waterfall, ObGrowthWaterfall, i).best_change);
      grow (&r, NAN, 0);
      if (plot->reference_lines)
        {
          grow (&r, NAN, OB_GROWTH_WATERFALL_PD_LINE);
          grow (&r, NAN, OB_GROWTH_WATERFALL_PR_LINE);
        }
      return r;
    }
  if (ob_growth_plot_draws_summaries (plot))
    for (guint i = 0; i < data->summaries->len; i++)
      {
        const ObGrowthSummary *s = &g_array_index (data->summaries, ObGrowthSummary, i);
        double e = isfinite (s->sem) ? s->sem : 0;

        if (!isfinite (s->mean))
          continue;
        grow (&r, s->time, s->mean + e);
        /* On a log axis a bar reaching below zero is cut, not the axis stretched to it. */
        if (s->mean - e > 0 || !ob_growth_plot_is_log (plot))
          grow (&r, s->time, s->mean - e);
        else
          grow (&r, s->time, s->mean);
      }
  if (ob_growth_plot_draws_subjects (plot))
    for (gsize i = 0; i < data->time->len; i++)
      grow (&r, g_array_index (data->time, double, i),
            ob_growth_plot_point_y (plot, g_array_index (data->value, double, i),
                                    g_array_index (data->censored, guint8, i)));
  if (ob_growth_plot_has_endpoint (plot))
    grow (&r, NAN, plot->endpoint);
  if (ob_growth_plot_has_background (plot))
    /* Room under the line for its label. */
    grow (&r, NAN, plot->background / 3);
  if (ob_growth_plot_has_dosing (plot))
    {
      grow (&r, plot->dosing_start, NAN);
      grow (&r, plot->dosing_end, NAN);
    }
  return r;
}

static void
init_y_scale (const ObGrowthPlot *plot, const Ranges *r, ObPlotScale *y, guint n)
{
  double lo = r->y_lo, hi = r->y_hi;

  if (ob_growth_plot_is_log (plot))
    {
      lo = isfinite (r->y_min_pos) ? r->y_min_pos : 1;
      hi = hi > lo ? hi : lo * 10;
      ob_plot_scale_init_log10 (y, lo, hi);
      return;
    }
  if (!isfinite (lo))
    {
      lo = 0;
      hi = 1;
    }
  if (hi <= lo)
    hi = lo + (lo != 0 ? fabs (lo) : 1);
  /* Volumes start from zero; body weight and % change use the range they have. */
  if (plot->chart == OB_GROWTH_CHART_CURVES || plot->chart == OB_GROWTH_CHART_SPAGHETTI)
    ob_plot_scale_init_covering (y, MIN (lo, 0), hi, NULL, 0, n);
  else
    ob_plot_scale_init_linear (y, lo, hi, n);
}

static void
init_x_scale_steps (const Ranges *r, ObPlotScale *x, guint n, const double *steps,
                    guint n_steps)
{
  double lo = r->x_lo, hi = r->x_hi;

  if (!isfinite (lo))
    {
      lo = 0;
      hi = 1;
    }
  /* From day 0 when the study started near it; a late start keeps its own origin. */
  if (lo >= 0 && lo <= (hi - lo) * 0.5)
    lo = 0;
  if (hi <= lo)
    hi = lo + 1;
  ob_plot_scale_init_covering (x, lo, hi, steps, n_steps, n);
}

static void
init_x_scale (const Ranges *r, ObPlotScale *x, guint n)
{
  guint first = 0;

  /* Three weeks or more: whole weeks, as dosing and measuring are scheduled. */
  if (isfinite (r->x_lo) && r->x_hi - MIN (r->x_lo, 0) >= 21)
    while (day_steps[first] < 7)
      first++;
  init_x_scale_steps (r, x, n, day_steps + first, G_N_ELEMENTS (day_steps) - first);
}

/* Layout ---------------------------------------------------------------------------------- */

typedef struct
{
  double fs, lh, gap;
  double title_h;           /* a panel title and its gap */
  double hgap, vgap;        /* between panels */
  /* Day 0 a little off the y axis, so its markers and error bars stand clear of it. */
  double x_pad;
  guint cols, rows;
} Metrics;

static void
place_panels (ObGrowthLayout *layout, const Metrics *mt, const ObPlotRect *grid)
{
  double pw = (grid->width - (mt->cols - 1) * mt->hgap) / mt->cols;
  double ph = (grid->height - mt->rows * mt->title_h - (mt->rows - 1) * mt->vgap) / mt->rows;

  pw = MAX (pw, mt->fs);
  ph = MAX (ph, mt->fs);
  for (guint i = 0; i < layout->n_panels; i++)
    {
      ObGrowthPanel *p = &layout->panels[i];
      guint col = i % mt->cols, row = i / mt->cols;

      p->area = (ObPlotRect) { grid->x + col * (pw + mt->hgap),
                               grid->y + mt->title_h + row * (ph + mt->title_h + mt->vgap),
                               pw, ph };
      p->x_labels = i + mt->cols >= layout->n_panels;
      p->y_labels = col == 0;
      ob_plot_scale_set_range (&p->x, p->area.x + mt->x_pad, p->area.x + p->area.width);
      ob_plot_scale_set_range (&p->y, p->area.y + p->area.height, p->area.y);
    }
}

static void
set_scales (ObGrowthLayout *layout, const ObPlotScale *x, const ObPlotScale *y)
{
  for (guint i = 0; i < layout->n_panels; i++)
    {
      layout->panels[i].x = *x;
      layout->panels[i].y = *y;
    }
}

static void
set_x_scale (ObGrowthLayout *layout, const ObPlotScale *x)
{
  for (guint i = 0; i < layout->n_panels; i++)
    {
      ObGrowthPanel *p = &layout->panels[i];
      double pos0 = p->x.pos0, pos1 = p->x.pos1;

      p->x = *x;
      ob_plot_scale_set_range (&p->x, pos0, pos1);
    }
}

/* Whether two neighbouring day labels would come closer than an em. */
static gboolean
crowded_x_labels (const ObGrowthLayout *layout, ObPlotText *text, double fs)
{
  const ObGrowthPanel *p = &layout->panels[0];
  double prev_right = -INFINITY;

  for (guint t = 0; t < layout->n_x_ticks; t++)
    {
      g_autofree char *str = ob_plot_scale_format (&p->x, layout->x_ticks[t], 1);
      double w, x = ob_plot_scale_map (&p->x, layout->x_ticks[t]);

      ob_plot_text_measure (text, str, &w, NULL);
      if (x - w / 2 < prev_right + fs * 0.8)
        return TRUE;
      prev_right = x + w / 2;
    }
  return FALSE;
}

static void
fill_ticks (ObGrowthLayout *layout)
{
  g_free (layout->x_ticks);
  g_free (layout->y_ticks);
  layout->x_ticks = g_new (double, MAX_TICKS);
  layout->y_ticks = g_new (double, MAX_TICKS);
  layout->n_x_ticks = ob_plot_scale_ticks (&layout->panels[0].x, layout->x_ticks, MAX_TICKS);
  layout->n_y_ticks = ob_plot_scale_ticks (&layout->panels[0].y, layout->y_ticks, MAX_TICKS);
}

static void
layout_bars (const ObGrowthPlot *plot, ObGrowthLayout *layout)
{
  const ObGrowthData *data = plot->data;
  const ObGrowthPanel *panel = &layout->panels[0];
  double pitch;

  g_free (layout->bars);
  layout->bars = g_new0 (ObGrowthBar, MAX (data->waterfall->len, 1));
  layout->n_bars = 0;
  for (guint i = 0; i < data->waterfall->len; i++)
    if (isfinite (g_array_index (data->waterfall, ObGrowthWaterfall, i).best_change))
      layout->bars[layout->n_bars++].entry = i;
  g_qsort_with_data (layout->bars, (gint) layout->n_bars, sizeof (ObGrowthBar), cmp_bar,
                     data->waterfall->data);
  pitch = panel->area.width / MAX (layout->n_bars, 1);
  for (gsize b = 0; b < layout->n_bars; b++)
    {
      ObGrowthBar *bar = &layout->bars[b];
      double v = g_array_index (data->waterfall, ObGrowthWaterfall, bar->entry).best_change;

      /* A hair of white between bars keeps them countable even when they are thin. */
      bar->x0 = panel->area.x + b * pitch + pitch * 0.1;
      bar->x1 = bar->x0 + pitch * 0.8;
      bar->y0 = ob_plot_scale_map (&panel->y, 0);
      bar->y1 = ob_plot_scale_map (&panel->y, v);
    }
}

/* Widens the % axis until every category label fits inside the plot. */
static void
fit_categories (const ObGrowthPlot *plot, ObGrowthLayout *layout, ObPlotText *text, guint n_y)
{
  ObGrowthPanel *panel = &layout->panels[0];

  for (int pass = 0; pass < 3 && plot->show_categories; pass++)
    {
      double need_hi = 0, need_lo = 0, per_pt, lo, hi;

      layout_bars (plot, layout);
      for (gsize b = 0; b < layout->n_bars; b++)
        {
          ObPlotRect box = ob_growth_category_box (layout, text, &layout->bars[b]);

          if (box.width <= 0)
            continue;
          need_hi = MAX (need_hi, panel->area.y - box.y);
          need_lo = MAX (need_lo, box.y + box.height - (panel->area.y + panel->area.height));
        }
      if (need_hi <= 0 && need_lo <= 0)
        break;
      per_pt = (panel->y.hi - panel->y.lo) / panel->area.height;
      lo = panel->y.lo - MAX (need_lo, 0) * per_pt * 1.05;
      hi = panel->y.hi + MAX (need_hi, 0) * per_pt * 1.05;
      ob_plot_scale_init_linear (&panel->y, lo, hi, n_y);
      ob_plot_scale_set_range (&panel->y, panel->area.y + panel->area.height, panel->area.y);
    }
  layout_bars (plot, layout);
}

static void
place_background_label (const ObGrowthPlot *plot, ObGrowthLayout *layout, ObPlotText *text)
{
  const ObGrowthPanel *panel = &layout->panels[0];
  double y, w, h, x;

  layout->background_label = (ObPlotRect) { 0 };
  if (!ob_growth_plot_has_background (plot))
    return;
  y = ob_plot_scale_map (&panel->y, plot->background);
  ob_plot_text_measure (text, ob_growth_background_text (), &w, &h);
  /* At the right end, clear of the censored marks of the first scans. */
  x = panel->area.x + panel->area.width - layout->margin - w;
  /* Under the line, where nothing else is drawn, unless the axis ends too close below it. */
  if (y + 0.5 + h <= panel->area.y + panel->area.height)
    layout->background_label = (ObPlotRect) { x, y + 0.5, w, h };
  else
    layout->background_label = (ObPlotRect) { x, y - 0.5 - h, w, h };
}

static ObGrowthLayout *
layout_pass (const ObGrowthPlot *plot, double width_pt, double height_pt,
             gboolean legend_outside)
{
  const ObPlotStyle *ps = &plot->plot_style;
  const ObGrowthData *data = plot->data;
  g_autoptr (ObPlotText) text = ob_plot_text_new (ps);
  ObGrowthLayout *layout = g_new0 (ObGrowthLayout, 1);
  gboolean panels = plot->chart == OB_GROWTH_CHART_SPAGHETTI;
  gboolean waterfall = plot->chart == OB_GROWTH_CHART_WATERFALL;
  guint n_arms = data->arms->len;
  g_autofree const char **labels = g_new0 (const char *, n_arms + 1);
  Metrics mt = { 0 };
  Ranges ranges;
  ObPlotScale xs, ys;
  ObPlotAxis ay, ax;
  ObPlotRect grid;
  double m, top, bottom, left, right, leg_w = 0, leg_h = 0;
  guint n_y, n_x;
  gboolean with_legend;

  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  mt.fs = ps->font_size > 0 ? ps->font_size : 7;
  mt.lh = ob_plot_text_line_height (text);
  mt.gap = mt.fs * 0.35;
  m = layout->margin = MAX (mt.fs * 0.3, 1);
  layout->marker = MAX (mt.fs * 0.25, 1);
  sort_orders (data, layout);
  mt.x_pad = waterfall ? 0 : layout->marker * 2.5;

  layout->n_panels = panels ? MAX (n_arms, 1) : 1;
  layout->panels = g_new0 (ObGrowthPanel, layout->n_panels);
  for (guint i = 0; i < layout->n_panels; i++)
    layout->panels[i].arm = panels ? i : G_MAXUINT;

  /* Top: title, the dosing label, and half a line for the top tick label. */
  top = m;
  if (plot->title != NULL && *plot->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      ob_plot_text_set_max_width (text, width_pt - 2 * m);
      layout->title_box = ob_plot_text_box (text, plot->title, m, top, 0, 0);
      add_box (layout, layout->title_box);
      top += layout->title_box.height + mt.gap;
      ob_plot_text_set_max_width (text, 0);
      ob_plot_text_set_font (text, 1, FALSE);
    }
  /* Legend: the arms in order, each in its palette colour.  Outside the plot it takes a
   * column on the right while the plot keeps most of the page, else rows above it. */
  with_legend = !panels && plot->legend != OB_GROWTH_LEGEND_NONE && n_arms > 1;
  layout->legend_arms = g_new0 (guint, MAX (n_arms, 1));
  for (guint i = 0; i < n_arms; i++)
    {
      labels[i] = g_ptr_array_index (data->arms, i);
      layout->legend_arms[i] = i;
    }
  if (with_legend)
    {
      ob_plot_text_set_max_width (text, width_pt * 0.4);
      ob_growth_legend_flow (text, ps, labels, n_arms, FALSE, 0, NULL, NULL, &leg_w, &leg_h);
      layout->n_legend = n_arms;
      legend_outside = legend_outside || plot->legend == OB_GROWTH_LEGEND_RIGHT;
      if (legend_outside && plot->legend != OB_GROWTH_LEGEND_RIGHT
          && leg_w + mt.gap * 2 > width_pt * 0.3)
        {
          layout->legend_horizontal = TRUE;
          legend_outside = FALSE;
          ob_growth_legend_flow (text, ps, labels, n_arms, TRUE, width_pt - 2 * m, NULL, NULL,
                                 &leg_w, &leg_h);
          layout->legend = (ObPlotRect) { m, top, leg_w, leg_h };
          top += leg_h + mt.gap;
        }
      ob_plot_text_set_max_width (text, 0);
    }
  legend_outside = with_legend && legend_outside;

  if (ob_growth_plot_has_dosing (plot))
    top += mt.lh + m;
  top += mt.lh / 2;

  if (panels)
    {
      ob_plot_text_set_font (text, 1, TRUE);
      mt.title_h = ob_plot_text_line_height (text) + mt.gap * 0.5;
      ob_plot_text_set_font (text, 1, FALSE);
      /* Wide enough that the last day of one panel and day 0 of the next read apart. */
      mt.hgap = ps->tick_length + mt.fs * 2.4;
      mt.vgap = ps->tick_length + mt.gap + mt.lh * 0.5;
    }

  /* Scales: the data ranges, then ticks for the room a panel will have. */
  ranges = data_ranges (plot);
  layout->x_title = g_strdup (plot->x_label != NULL ? plot->x_label
                                                    : waterfall ? "" : _("Day"));
  layout->y_title = g_strdup (plot->y_label != NULL ? plot->y_label
                                                    : ob_growth_default_y_title (plot->chart));
  mt.cols = panels ? ob_growth_choose_columns (layout->n_panels, width_pt * 0.85, height_pt - top - mt.lh * 3,
                                     mt.title_h, mt.hgap, mt.vgap)
                   : 1;
  mt.rows = (layout->n_panels + mt.cols - 1) / mt.cols;
  n_y = (guint) CLAMP ((height_pt - top - mt.lh * 3) / mt.rows / (mt.lh * 2.6), 2, 7);
  init_y_scale (plot, &ranges, &ys, n_y);
  n_x = (guint) CLAMP ((width_pt * 0.8) / mt.cols / (mt.fs * 5), 2, 10);
  init_x_scale (&ranges, &xs, n_x);
  set_scales (layout, &xs, &ys);
  fill_ticks (layout);

  ay = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &ys, layout->y_ticks, layout->n_y_ticks, 1, 0,
                      layout->y_title };
  ax = (ObPlotAxis) { OB_PLOT_AXIS_BOTTOM, &xs, layout->x_ticks, layout->n_x_ticks, 1, 0,
                      layout->x_title };
  left = m + ob_growth_axis_extent (&ay, text, ps);
  if (waterfall)
    /* No x axis: room for half the lowest tick label, and the title if one was given. */
    bottom = m + mt.lh / 2 + (*layout->x_title ? mt.lh + mt.gap : 0);
  else
    bottom = m + ob_growth_axis_extent (&ax, text, ps);
  right = m + (legend_outside ? leg_w + mt.gap * 2 : 0);

  /* The last tick label is centred on its tick: room for its right half. */
  for (int pass = 0; pass < 8; pass++)
    {
      double overflow = 0;

      grid = (ObPlotRect) { left, top, MAX (width_pt - left - right, mt.fs),
                            MAX (height_pt - top - bottom, mt.fs) };
      place_panels (layout, &mt, &grid);
      if (waterfall)
        break;
      for (guint i = 0; i < layout->n_panels; i++)
        {
          const ObGrowthPanel *p = &layout->panels[i];

          for (guint t = 0; t < layout->n_x_ticks && p->x_labels; t++)
            {
              g_autofree char *s = ob_plot_scale_format (&p->x, layout->x_ticks[t], 1);
              double w;

              ob_plot_text_measure (text, s, &w, NULL);
              overflow = MAX (overflow, ob_plot_scale_map (&p->x, layout->x_ticks[t]) + w / 2
                                        - (width_pt - m - (legend_outside ? leg_w + mt.gap
                                                                             : 0)));
            }
        }
      if (crowded_x_labels (layout, text, mt.fs))
        {
          /* The next coarser step of the same series, until neighbours stand apart. */
          guint next = 0;

          while (next < G_N_ELEMENTS (day_steps) && day_steps[next] <= xs.step)
            next++;
          if (next < G_N_ELEMENTS (day_steps))
            {
              init_x_scale_steps (&ranges, &xs, n_x, day_steps + next,
                                  G_N_ELEMENTS (day_steps) - next);
              set_x_scale (layout, &xs);
              fill_ticks (layout);
              continue;
            }
        }
      if (overflow <= 0)
        break;
      right = MAX (right, m + (legend_outside ? leg_w + mt.gap * 2 : 0)) + overflow + 0.5;
    }

  if (waterfall)
    {
      /* Room made for the labels changes the ticks, and so the width of their labels. */
      for (int pass = 0; pass < 3; pass++)
        {
          double wider;

          ob_plot_text_set_font (text, 0.85, FALSE);
          fit_categories (plot, layout, text, n_y);
          ob_plot_text_set_font (text, 1, FALSE);
          fill_ticks (layout);
          ay = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &layout->panels[0].y, layout->y_ticks,
                              layout->n_y_ticks, 1, 0, layout->y_title };
          wider = m + ob_growth_axis_extent (&ay, text, ps);
          if (wider <= left)
            break;
          left = wider;
          grid = (ObPlotRect) { left, top, MAX (width_pt - left - right, mt.fs),
                                MAX (height_pt - top - bottom, mt.fs) };
          place_panels (layout, &mt, &grid);
        }
      ob_plot_text_set_font (text, 0.85, FALSE);
      for (gsize b = 0; b < layout->n_bars; b++)
        add_box (layout, ob_growth_category_box (layout, text, &layout->bars[b]));
      ob_plot_text_set_font (text, 1, FALSE);
      fill_ticks (layout);
    }

  /* Tick labels of the outer panels, panel titles, and the axis titles once for the grid. */
  for (guint i = 0; i < layout->n_panels; i++)
    {
      ObGrowthPanel *p = &layout->panels[i];
      ObPlotAxis a = { OB_PLOT_AXIS_LEFT, &p->y, layout->y_ticks, layout->n_y_ticks, 1,
                       p->area.x, NULL };

      if (p->y_labels)
        ob_growth_axis_layout (&a, text, ps, layout->text_boxes);
      a = (ObPlotAxis) { OB_PLOT_AXIS_BOTTOM, &p->x, layout->x_ticks, layout->n_x_ticks, 1,
                         p->area.y + p->area.height, NULL };
      if (p->x_labels && !waterfall)
        ob_growth_axis_layout (&a, text, ps, layout->text_boxes);
      if (panels && p->arm < n_arms)
        {
          ob_plot_text_set_font (text, 1, TRUE);
          ob_plot_text_set_max_width (text, p->area.width);
          p->title_box = ob_plot_text_box (text, labels[p->arm], p->area.x,
                                           p->area.y - mt.gap * 0.5, 0, 1);
          add_box (layout, p->title_box);
          ob_plot_text_set_max_width (text, 0);
          ob_plot_text_set_font (text, 1, FALSE);
        }
      if (i == 0)
        add_box (layout, ob_growth_endpoint_label_box (layout, text, p));
    }
  {
    const ObGrowthPanel *first = &layout->panels[0];
    const ObGrowthPanel *last = &layout->panels[layout->n_panels - 1];
    ObPlotScale span_y = first->y, span_x = first->x;
    double grid_bottom = last->area.y + last->area.height;

    ob_plot_scale_set_range (&span_y, grid_bottom, first->area.y);
    ob_plot_scale_set_range (&span_x, grid.x, grid.x + grid.width);
    ay = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &span_y, layout->y_ticks, layout->n_y_ticks, 1,
                        first->area.x, layout->y_title };
    layout->y_title_box = ob_growth_axis_layout (&ay, text, ps, NULL);
    add_box (layout, layout->y_title_box);
    if (waterfall && *layout->x_title)
      layout->x_title_box = ob_plot_text_box (text, layout->x_title,
                                              grid.x + grid.width / 2, grid_bottom + mt.gap,
                                              0.5, 0);
    else if (!waterfall)
      {
        ax = (ObPlotAxis) { OB_PLOT_AXIS_BOTTOM, &span_x, layout->x_ticks, layout->n_x_ticks, 1,
                            grid_bottom, layout->x_title };
        layout->x_title_box = ob_growth_axis_layout (&ax, text, ps, NULL);
      }
    add_box (layout, layout->x_title_box);
  }
  place_background_label (plot, layout, text);
  add_box (layout, layout->background_label);
  add_box (layout, ob_growth_dosing_label_box (layout, text));

  if (layout->legend_horizontal)
    /* Over the plot's left edge when the rows fit there. */
    layout->legend.x = MIN (layout->panels[0].area.x, width_pt - m - layout->legend.width);
  else if (with_legend && legend_outside)
    layout->legend = (ObPlotRect) { width_pt - m - leg_w, layout->panels[0].area.y, leg_w,
                                    leg_h };
  else if (with_legend)
    {
      static const ObGrowthLegend order[] = {
        OB_GROWTH_LEGEND_TOP_LEFT, OB_GROWTH_LEGEND_TOP_RIGHT, OB_GROWTH_LEGEND_BOTTOM_RIGHT,
        OB_GROWTH_LEGEND_BOTTOM_LEFT,
      };
      guint best = G_MAXUINT;

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          ObPlotRect r = ob_growth_corner_rect (layout, order[i], leg_w, leg_h);
          guint cost;

          if (plot->legend != OB_GROWTH_LEGEND_AUTO && plot->legend != order[i])
            continue;
          cost = ob_growth_rect_cost (plot, layout, &r);
          if (cost < best)
            {
              best = cost;
              layout->legend = r;
            }
          if (cost == 0)
            break;
        }
      /* Automatic placement never puts the key over data: the caller moves it outside. */
      if (best > 0 && plot->legend == OB_GROWTH_LEGEND_AUTO)
        layout->legend.width = -1;
    }
  if (layout->legend.width > 0)
    add_box (layout, layout->legend);
  return layout;
}

ObGrowthLayout *
ob_growth_plot_layout (const ObGrowthPlot *plot, double width_pt, double height_pt)
{
  ObGrowthLayout *layout;

  g_return_val_if_fail (plot != NULL && plot->data != NULL, NULL);

  layout = layout_pass (plot, width_pt, height_pt, FALSE);
  if (layout->legend.width < 0)
    {
      ob_growth_layout_free (layout);
      layout = layout_pass (plot, width_pt, height_pt, TRUE);
    }
  return layout;
}
