/* ob-group-plot.c: statistics and layout of the group-comparison figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-group-plot.h"
#include "ob-group-plot-private.h"
#include "ob-plot-legend.h"

/* Past this many values in one group a swarm is a smear and costs quadratic time: the
 * summary is drawn without points. */
#define MAX_POINTS 2000
/* Points a new one is checked against: enough for any swarm that fits a slot; pathological
 * ties beyond it would only make the swarm wider than the page, in quadratic time. */
#define MAX_WINDOW 128

static const char *const chart_names[] = { "dot", "bar", "box", "violin" };
static const char *const error_names[] = { "sd", "sem", "ci" };

gboolean
ob_group_chart_from_string (const char *str, ObGroupChart *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (chart_names); i++)
    if (g_ascii_strcasecmp (str, chart_names[i]) == 0)
      {
        *out = (ObGroupChart) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_group_error_from_string (const char *str, ObGroupError *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (error_names); i++)
    if (g_ascii_strcasecmp (str, error_names[i]) == 0)
      {
        *out = (ObGroupError) i;
        return TRUE;
      }
  return FALSE;
}

void
ob_group_plot_init (ObGroupPlot *plot, const ObGroupData *data)
{
  memset (plot, 0, sizeof *plot);
  plot->data = data;
  plot->chart = OB_GROUP_CHART_DOT;
  plot->error = OB_GROUP_ERROR_SD;
  plot->lloq = plot->uloq = NAN;
  ob_plot_style_init (&plot->plot_style);
}

/* R's fivenum: the median of each half, the middle value counted in both when n is odd. */
static double
fivenum_at (const double *sorted, double d)
{
  gsize lo = (gsize) floor (d) - 1, hi = (gsize) ceil (d) - 1;

  return 0.5 * (sorted[lo] + sorted[hi]);
}

void
ob_box_stats (const double *sorted, gsize n, ObBoxStats *out)
{
  double n4 = floor ((n + 3) / 2.0) / 2.0;
  double iqr, lo_fence, hi_fence;
  gsize i, j;

  out->stats[0] = sorted[0];
  out->stats[1] = fivenum_at (sorted, n4);
  out->stats[2] = fivenum_at (sorted, (n + 1) / 2.0);
  out->stats[3] = fivenum_at (sorted, n + 1 - n4);
  out->stats[4] = sorted[n - 1];
  iqr = out->stats[3] - out->stats[1];
  lo_fence = out->stats[1] - 1.5 * iqr;
  hi_fence = out->stats[3] + 1.5 * iqr;
  for (i = 0; i < n && sorted[i] < lo_fence; i++)
    ;
  for (j = n; j > i && sorted[j - 1] > hi_fence; j--)
    ;
  out->n_out = i + (n - j);
  if (j > i)
    {
      out->stats[0] = sorted[i];
      out->stats[4] = sorted[j - 1];
    }
}

static double
quantile7 (const double *sorted, gsize n, double p)
{
  double h = (n - 1) * p;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

double
ob_bw_nrd0 (const double *sorted, gsize n)
{
  double mean = 0, ss = 0, hi, lo;

  if (n < 2)
    return n == 1 && sorted[0] != 0 ? 0.9 * fabs (sorted[0]) : 0.9;
  for (gsize i = 0; i < n; i++)
    mean += sorted[i];
  mean /= n;
  for (gsize i = 0; i < n; i++)
    ss += (sorted[i] - mean) * (sorted[i] - mean);
  hi = sqrt (ss / (n - 1));
  lo = MIN (hi, (quantile7 (sorted, n, 0.75) - quantile7 (sorted, n, 0.25)) / 1.34);
  if (!(lo > 0))
    lo = hi;
  if (!(lo > 0))
    lo = fabs (sorted[0]);
  if (!(lo > 0))
    lo = 1;
  return 0.9 * lo * pow ((double) n, -0.2);
}

double
ob_kde (const double *x, gsize n, double bw, double t)
{
  double sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      double z = (t - x[i]) / bw;

      sum += exp (-0.5 * z * z);
    }
  return sum / (n * bw * sqrt (2 * G_PI));
}

const char *
ob_p_stars (double p)
{
  return p < 0.0001 ? "****" : p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "ns";
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
ob_group_layout_free (ObGroupLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->sorted);
  g_free (layout->slots);
  g_free (layout->px);
  g_free (layout->py);
  for (gsize i = 0; i < layout->n_brackets; i++)
    g_free (layout->brackets[i].text);
  g_free (layout->brackets);
  g_free (layout->y_title);
  g_free (layout->legend_col_x);
  g_free (layout->whisker_lo);
  g_free (layout->whisker_hi);
  g_free (layout->open_x);
  g_free (layout->open_y);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_clear_pointer (&layout->x_lines, g_ptr_array_unref);
  g_clear_pointer (&layout->x_line_boxes, g_array_unref);
  g_free (layout);
}

static gboolean
has_levels (const ObGroupPlot *plot)
{
  return plot->data->factor2 != NULL && plot->data->n_levels2 > 0;
}

/* One slot per group, or per non-empty group × level cell; values copied slot by slot. */
static void
build_slots (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  const ObGroupData *data = plot->data;
  guint levels = has_levels (plot) ? data->n_levels2 : 1;
  g_autofree gsize *counts = g_new0 (gsize, (gsize) data->n_groups * levels);
  g_autofree gsize *fill = NULL;
  g_autofree double *scratch = g_new (double, MAX (data->n, 1));
  guint s = 0;

  for (guint g = 0; g < data->n_groups; g++)
    for (gsize i = data->offsets[g]; i < data->offsets[g + 1]; i++)
      if (!plot->log_y || data->values[i] > 0)
        counts[g * levels + (levels > 1 ? data->factor2[i] : 0)]++;

  layout->slots = g_new0 (ObGroupSlot, (gsize) data->n_groups * levels);
  fill = g_new (gsize, (gsize) data->n_groups * levels);
  layout->sorted = g_new (double, MAX (data->n, 1));
  {
    gsize at = 0;

    for (guint c = 0; c < data->n_groups * levels; c++)
      {
        /* One-way groups stay even when the log axis empties them, so brackets line up. */
        if (counts[c] == 0 && levels > 1)
          {
            fill[c] = G_MAXSIZE;
            continue;
          }
        layout->slots[s].group = c / levels;
        layout->slots[s].level = levels > 1 ? c % levels : G_MAXUINT;
        layout->slots[s].color = levels > 1 ? c % levels : c;
        layout->slots[s].first = at;
        fill[c] = s;
        at += counts[c];
        s++;
      }
  }
  layout->n_slots = s;
  for (guint g = 0; g < data->n_groups; g++)
    for (gsize i = data->offsets[g]; i < data->offsets[g + 1]; i++)
      if (!plot->log_y || data->values[i] > 0)
        {
          ObGroupSlot *slot = &layout->slots[fill[g * levels + (levels > 1 ? data->factor2[i]
                                                                             : 0)]];

          layout->sorted[slot->first + slot->n++] = data->values[i];
        }
  for (guint k = 0; k < layout->n_slots; k++)
    {
      ObGroupSlot *slot = &layout->slots[k];
      double *x = layout->sorted + slot->first;

      if (slot->n == 0)
        continue;
      qsort (x, slot->n, sizeof (double), cmp_double);
      ob_describe (x, slot->n, scratch, &slot->desc);
      ob_box_stats (x, slot->n, &slot->box);
    }
}

void
ob_group_slot_error (const ObGroupPlot *plot, const ObGroupSlot *slot, double *lo, double *hi)
{
  const ObDescriptives *d = &slot->desc;
  double e = plot->error == OB_GROUP_ERROR_SEM ? d->sem : d->sd;

  if (plot->error == OB_GROUP_ERROR_CI)
    {
      *lo = d->ci_lower;
      *hi = d->ci_upper;
    }
  else
    {
      *lo = d->mean - e;
      *hi = d->mean + e;
    }
}

static gboolean
shows_error (const ObGroupPlot *plot)
{
  return plot->chart == OB_GROUP_CHART_BAR
         || (plot->chart == OB_GROUP_CHART_DOT && !plot->median);
}

/* Is value i of the slot drawn as a point? */
static gboolean
draws_point (const ObGroupPlot *plot, const ObGroupSlot *slot, double v)
{
  switch (plot->chart)
    {
    case OB_GROUP_CHART_DOT:
    case OB_GROUP_CHART_BAR:
      return slot->n <= MAX_POINTS;
    case OB_GROUP_CHART_BOX:
      return v < slot->box.stats[0] || v > slot->box.stats[4];
    case OB_GROUP_CHART_VIOLIN:
    default:
      return FALSE;
    }
}

static void
data_range (const ObGroupLayout *layout, const ObGroupPlot *plot, double *lo, double *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];
      double elo, ehi;

      if (slot->n == 0)
        continue;
      *lo = MIN (*lo, layout->sorted[slot->first]);
      *hi = MAX (*hi, layout->sorted[slot->first + slot->n - 1]);
      ob_group_slot_error (plot, slot, &elo, &ehi);
      if (shows_error (plot) && isfinite (elo) && isfinite (ehi))
        {
          if (!plot->log_y || elo > 0)
            *lo = MIN (*lo, elo);
          *hi = MAX (*hi, ehi);
        }
    }
  if (plot->chart == OB_GROUP_CHART_BAR && !plot->log_y)
    {
      *lo = MIN (*lo, 0);
      *hi = MAX (*hi, 0);
    }
  if (!isfinite (*lo))
    {
      *lo = plot->log_y ? 1 : 0;
      *hi = plot->log_y ? 10 : 1;
    }
  if (*lo == *hi)
    {
      double d = plot->log_y ? 0 : MAX (fabs (*lo) * 0.1, 1);

      *lo = plot->log_y ? *lo / 2 : *lo - d;
      *hi = plot->log_y ? *hi * 2 : *hi + d;
    }
}

/* A beeswarm: points taken from the lowest value up, each at the offset nearest the centre
 * where it touches none placed before.  Only points within a diameter in y can touch, and
 * in this order they are the last ones placed. */
static double
swarm (const double *py, double *px, gsize n, double r)
{
  double d2 = 4 * r * r, widest = 0;
  g_autofree double *cand = g_new (double, 2 * n + 1);
  gsize lo = 0;

  for (gsize i = 0; i < n; i++)
    {
      gsize n_cand = 0;
      double best = 0;
      gboolean found = FALSE;

      while (lo < i && (fabs (py[lo] - py[i]) >= 2 * r || i - lo > MAX_WINDOW))
        lo++;
      cand[n_cand++] = 0;
      for (gsize j = lo; j < i; j++)
        {
          double dy = py[i] - py[j];
          double dx = sqrt (MAX (d2 - dy * dy, 0)) * (1 + 1e-9) + 1e-9;

          cand[n_cand++] = px[j] + dx;
          cand[n_cand++] = px[j] - dx;
        }
      for (gsize c = 0; c < n_cand; c++)
        {
          gboolean ok = TRUE;

          if (found && (fabs (cand[c]) > fabs (best)
                        || (fabs (cand[c]) == fabs (best) && (i % 2 == 0) != (cand[c] < 0))))
            continue;
          for (gsize j = lo; j < i && ok; j++)
            {
              double dx = cand[c] - px[j], dy = py[i] - py[j];

              ok = dx * dx + dy * dy >= d2 * (1 - 1e-12);
            }
          if (ok)
            {
              best = cand[c];
              found = TRUE;
            }
        }
      px[i] = best;
      widest = MAX (widest, fabs (best));
    }
  return widest;
}

/* Page positions of the points, the radius shrunk until each swarm fits its slot. */
static void
place_points (ObGroupLayout *layout, const ObGroupPlot *plot, double radius)
{
  const ObPlotStyle *ps = &plot->plot_style;
  double floor_r = MAX (0.5, ps->font_size * 0.06);
  double r = radius;

  for (int attempt = 0; attempt < 12; attempt++)
    {
      gboolean fits = TRUE;

      for (guint k = 0; k < layout->n_slots; k++)
        {
          const ObGroupSlot *slot = &layout->slots[k];
          double *px = layout->px + slot->first, *py = layout->py + slot->first;
          gsize m = 0;
          g_autofree double *sy = NULL, *sx = NULL;

          for (gsize i = 0; i < slot->n; i++)
            if (draws_point (plot, slot, layout->sorted[slot->first + i]))
              m++;
          sy = g_new (double, MAX (m, 1));
          sx = g_new (double, MAX (m, 1));
          m = 0;
          for (gsize i = 0; i < slot->n; i++)
            if (draws_point (plot, slot, layout->sorted[slot->first + i]))
              sy[m++] = ob_plot_scale_map (&layout->y, layout->sorted[slot->first + i]);
          /* Thousands of box-plot outliers stay on the centre line, as R draws them. */
          if (m > MAX_POINTS)
            memset (sx, 0, m * sizeof (double));
          else if (swarm (sy, sx, m, r) + r > slot->half_width && r > floor_r)
            fits = FALSE;
          {
            gsize total = m;
            double last = INFINITY;

            m = 0;
            for (gsize i = 0; i < slot->n; i++)
              if (draws_point (plot, slot, layout->sorted[slot->first + i]))
                {
                  /* On the centre line a point within a quarter radius of the last adds
                   * nothing but drawing time. */
                  if (total > MAX_POINTS && fabs (sy[m] - last) < r * 0.25)
                    px[i] = py[i] = NAN;
                  else
                    {
                      px[i] = slot->x + sx[m];
                      py[i] = last = sy[m];
                    }
                  m++;
                }
              else
                px[i] = py[i] = NAN;
          }
        }
      layout->radius = r;
      if (fits)
        return;
      r = MAX (r * 0.85, floor_r);
    }
}

static void
slot_tops (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  for (guint k = 0; k < layout->n_slots; k++)
    {
      ObGroupSlot *slot = &layout->slots[k];
      double top = layout->y.pos0, elo, ehi;

      if (slot->n == 0)
        {
          slot->top = top;
          continue;
        }
      top = MIN (top, ob_plot_scale_map (&layout->y, layout->sorted[slot->first + slot->n - 1]));
      for (gsize i = 0; i < slot->n; i++)
        if (!isnan (layout->py[slot->first + i]))
          top = MIN (top, layout->py[slot->first + i] - layout->radius);
      ob_group_slot_error (plot, slot, &elo, &ehi);
      if (shows_error (plot) && isfinite (ehi))
        top = MIN (top, ob_plot_scale_map (&layout->y, ehi));
      slot->top = top;
    }
}

static gboolean
bracket_slots (const ObGroupLayout *layout, const ObGroupPlot *plot, const ObPairwise *pair,
               guint *sa, guint *sb)
{
  gboolean two = has_levels (plot);
  int found_a = -1, found_b = -1;

  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];
      guint id = two ? slot->level : slot->group;

      if (two && slot->group != pair->within)
        continue;
      if (id == pair->a)
        found_a = (int) k;
      if (id == pair->b)
        found_b = (int) k;
    }
  if (found_a < 0 || found_b < 0 || layout->slots[found_a].n == 0
      || layout->slots[found_b].n == 0)
    return FALSE;
  *sa = (guint) found_a;
  *sb = (guint) found_b;
  return TRUE;
}

static ObPlotRect
bracket_extent (const ObGroupBracket *b)
{
  double x0 = MIN (b->x0, b->label.x), x1 = MAX (b->x1, b->label.x + b->label.width);

  return (ObPlotRect) { x0, b->label.y, x1 - x0, b->y + b->leg - b->label.y };
}

static int
cmp_span (const void *a, const void *b)
{
  const ObGroupBracket *x = a, *y = b;
  double dx = x->x1 - x->x0, dy = y->x1 - y->x0;

  if (dx != dy)
    return (dx > dy) - (dx < dy);
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Narrow brackets first, each resting on whatever is under it: data, then brackets placed
 * before.  Returns the highest page y reached. */
static double
stack_brackets (ObGroupLayout *layout, const ObGroupPlot *plot, ObPlotText *text)
{
  double fs = plot->plot_style.font_size, gap = fs * 0.3, leg = fs * 0.35;
  double top = layout->plot.y + layout->plot.height;

  for (gsize i = 0; i < layout->n_brackets; i++)
    {
      ObGroupBracket *b = &layout->brackets[i];
      double base = layout->y.pos0;
      ObPlotRect ext;

      b->leg = leg;
      b->label = ob_plot_text_box (text, b->text, (b->x0 + b->x1) / 2, 0, 0.5, 1);
      ext = bracket_extent (b);
      for (guint k = 0; k < layout->n_slots; k++)
        {
          const ObGroupSlot *slot = &layout->slots[k];
          double half = MAX (slot->half_width, layout->radius);

          if (slot->x + half >= ext.x && slot->x - half <= ext.x + ext.width)
            base = MIN (base, slot->top);
        }
      for (gsize j = 0; j < i; j++)
        {
          ObPlotRect other = bracket_extent (&layout->brackets[j]);

          if (other.x <= ext.x + ext.width + gap && ext.x <= other.x + other.width + gap)
            base = MIN (base, other.y);
        }
      b->y = base - gap - leg;
      b->label = ob_plot_text_box (text, b->text, (b->x0 + b->x1) / 2, b->y - fs * 0.1, 0.5,
                                   plot->exact_p ? 1 : 0.85);
      top = MIN (top, b->label.y);
    }
  return top;
}

static void
collect_brackets (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  layout->brackets = g_new0 (ObGroupBracket, MAX (plot->n_pairs, 1));
  for (gsize i = 0; plot->pairs != NULL && i < plot->n_pairs; i++)
    {
      const ObPairwise *pair = &plot->pairs[i];
      ObGroupBracket *b = &layout->brackets[layout->n_brackets];
      guint sa, sb;

      if (!(pair->p_adj < 0.05) && !plot->show_ns)
        continue;
      if (isnan (pair->p_adj) || !bracket_slots (layout, plot, pair, &sa, &sb))
        continue;
      b->pair = i;
      b->x0 = MIN (layout->slots[sa].x, layout->slots[sb].x);
      b->x1 = MAX (layout->slots[sa].x, layout->slots[sb].x);
      b->text = plot->exact_p ? ob_plot_format_p (pair->p_adj)
                              : g_strdup (ob_p_stars (pair->p_adj));
      layout->n_brackets++;
    }
  qsort (layout->brackets, layout->n_brackets, sizeof (ObGroupBracket), cmp_span);
}

/* The second factor's key above the plot, in as many columns as fit across it, so that the
 * bars keep the whole width. */
static void
place_legend (ObGroupLayout *layout, const ObGroupPlot *plot, ObPlotText *text, double left,
              double right, double top, double *out_w, double *out_h)
{
  const ObPlotStyle *ps = &plot->plot_style;
  const char *const *names = (const char *const *) plot->data->factor2_names;
  guint n = plot->data->n_levels2, cols, rows = 1;
  double gap = ps->font_size * 1.2, total = 0, height = 0;
  g_autofree double *widths = g_new0 (double, n);

  for (cols = n; cols >= 1; cols--)
    {
      rows = (n + cols - 1) / cols;
      total = 0;
      height = 0;
      for (guint c = 0; c < cols; c++)
        {
          guint first = c * rows, count = MIN (rows, n - MIN (n, first));
          double w = 0, h = 0;

          if (count > 0)
            ob_plot_legend_measure (text, ps, names + first, count, &w, &h);
          widths[c] = w;
          total += w + (c > 0 ? gap : 0);
          height = MAX (height, h);
        }
      if (total <= right - left || cols == 1)
        break;
    }
  layout->legend_rows = rows;
  layout->legend_cols = cols;
  layout->legend_col_x = g_new (double, cols);
  for (guint c = 0; c < cols; c++)
    {
      layout->legend_col_x[c] = left + (c > 0 ? layout->legend_col_x[c - 1] - left
                                                  + widths[c - 1] + gap : 0);
    }
  layout->legend = (ObPlotRect) { left, top, total, height };
  g_array_append_val (layout->text_boxes, layout->legend);
  *out_w = total;
  *out_h = height;
}

/* Greedy word wrap of a group name into lines no wider than width. */
static void
wrap_label (ObGroupLayout *layout, ObPlotText *text, const char *name, double width,
            GPtrArray *out)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  (void) layout;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *trial = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL)
                                             : g_strdup (words[i]);
      double w;

      ob_plot_text_measure (text, trial, &w, NULL);
      if (w > width && line->len > 0)
        {
          g_ptr_array_add (out, g_strdup (line->str));
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, trial);
    }
  g_ptr_array_add (out, g_strdup (line->str));
}

static void
position_slots (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  const ObGroupData *data = plot->data;
  double band = layout->plot.width / MAX (data->n_groups, 1);

  for (guint k = 0; k < layout->n_slots; k++)
    {
      ObGroupSlot *slot = &layout->slots[k];
      double left = layout->plot.x + band * slot->group;

      if (has_levels (plot))
        {
          double sub = band * 0.84 / data->n_levels2;

          slot->x = left + band * 0.08 + sub * (slot->level + 0.5);
          slot->half_width = sub * 0.42;
        }
      else
        {
          slot->x = left + band / 2;
          slot->half_width = band * 0.32;
        }
    }
}

ObGroupLayout *
ob_group_plot_layout (const ObGroupPlot *plot, double width_pt, double height_pt)
{
  const ObPlotStyle *ps = &plot->plot_style;
  g_autoptr(ObGroupLayout) layout = g_new0 (ObGroupLayout, 1);
  g_autoptr(ObPlotText) text = ob_plot_text_new (ps);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  double fs = ps->font_size, m = fs * 0.6, lh, lo, hi, top, left, right, bottom, band;
  double legend_w = 0, legend_h = 0, extra = 0;
  guint max_lines = 1;

  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->margin = m;
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  layout->x_lines = g_ptr_array_new_with_free_func (g_free);
  layout->x_line_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  lh = ob_plot_text_line_height (text);

  build_slots (layout, plot);
  layout->px = g_new (double, MAX (plot->data->n, 1));
  layout->py = g_new (double, MAX (plot->data->n, 1));
  data_range (layout, plot, &lo, &hi);
  ob_group_limits_range (plot, &lo, &hi);
  if (plot->log_y)
    ob_plot_scale_init_log10 (&layout->y, lo, hi);
  else
    ob_plot_scale_init_linear (&layout->y, lo, hi, 5);

  top = m;
  if (plot->title != NULL && *plot->title)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      layout->title_box = ob_plot_text_box (text, plot->title, m, m, 0, 0);
      ob_plot_text_set_font (text, 1, FALSE);
      g_array_append_val (layout->text_boxes, layout->title_box);
      top += layout->title_box.height + fs * 0.4;
    }
  right = width_pt - m;
  layout->y_title = g_strdup (plot->y_label);
  layout->axis_y = (ObPlotAxis) { OB_PLOT_AXIS_LEFT, &layout->y, NULL, 0, 1, 0,
                                  layout->y_title };
  left = m + ob_plot_axis_extent (&layout->axis_y, text, ps);
  if (has_levels (plot))
    {
      place_legend (layout, plot, text, left, right, top, &legend_w, &legend_h);
      top += legend_h + fs * 0.5;
    }
  band = (right - left) / MAX (plot->data->n_groups, 1);

  /* Names wrap to their band; the tallest sets the room under the axis. */
  for (guint g = 0; g < plot->data->n_groups; g++)
    {
      g_ptr_array_set_size (lines, 0);
      wrap_label (layout, text, plot->data->group_names[g], band * 0.96, lines);
      max_lines = MAX (max_lines, lines->len);
    }
  bottom = height_pt - m - ps->tick_length - fs * 0.3 - max_lines * lh;
  layout->plot = (ObPlotRect) { left, top + fs * 0.3, right - left, bottom - top - fs * 0.3 };
  position_slots (layout, plot);

  for (guint g = 0; g < plot->data->n_groups; g++)
    {
      double cx = layout->plot.x + band * (g + 0.5);
      double y = bottom + ps->tick_length + fs * 0.3;

      g_ptr_array_set_size (lines, 0);
      ob_plot_text_set_max_width (text, band * 0.98);
      wrap_label (layout, text, plot->data->group_names[g], band * 0.96, lines);
      for (guint i = 0; i < lines->len; i++)
        {
          ObPlotRect box = ob_plot_text_box (text, g_ptr_array_index (lines, i), cx, y, 0.5, 0);

          g_ptr_array_add (layout->x_lines, g_strdup (g_ptr_array_index (lines, i)));
          g_array_append_val (layout->x_line_boxes, box);
          g_array_append_val (layout->text_boxes, box);
          y += lh;
        }
      ob_plot_text_set_max_width (text, -1);
    }

  collect_brackets (layout, plot);
  /* Room above the data for the brackets: squeeze the scale until the stack fits. */
  for (int pass = 0; pass < 8; pass++)
    {
      double reached;

      ob_plot_scale_set_range (&layout->y, bottom, layout->plot.y + extra);
      place_points (layout, plot, plot->chart == OB_GROUP_CHART_DOT ? fs * 0.3 : fs * 0.22);
      slot_tops (layout, plot);
      ob_group_limits_tops (layout, plot);
      reached = stack_brackets (layout, plot, text);
      if (reached >= layout->plot.y - 0.01 || extra > layout->plot.height * 0.6)
        break;
      extra += layout->plot.y - reached;
    }
  for (gsize i = 0; i < layout->n_brackets; i++)
    g_array_append_val (layout->text_boxes, layout->brackets[i].label);
  ob_group_limits_place (layout, plot, text);

  layout->axis_y.position = layout->plot.x;
  ob_plot_axis_layout (&layout->axis_y, text, ps, layout->text_boxes);
  return g_steal_pointer (&layout);
}

void
ob_group_plot_draw_func (cairo_t *cr, double width_pt, double height_pt, gpointer user_data)
{
  ob_group_plot_render (cr, width_pt, height_pt, user_data);
}

void
ob_group_plot_render (cairo_t *cr, double width_pt, double height_pt, const ObGroupPlot *plot)
{
  g_autoptr(ObGroupLayout) layout = ob_group_plot_layout (plot, width_pt, height_pt);

  ob_group_plot_render_layout (cr, layout);
}
