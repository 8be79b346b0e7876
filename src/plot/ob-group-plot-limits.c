/* ob-group-plot-limits.c: each value's interval as a whisker, and the values beyond the
 * limits of quantification as open markers on the limit's line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-group-plot-private.h"

#define LABEL_SCALE 0.85

static gboolean
usable (const ObGroupPlot *plot, double v)
{
  return isfinite (v) && (!plot->log_y || v > 0);
}

static gsize
total (const ObGroupPlot *plot, const gsize *counts)
{
  gsize n = 0;

  for (guint g = 0; counts != NULL && g < plot->data->n_groups; g++)
    n += counts[g];
  return n;
}

void
ob_group_limits_range (const ObGroupPlot *plot, double *lo, double *hi)
{
  const ObGroupData *data = plot->data;

  if (plot->chart != OB_GROUP_CHART_DOT)
    return;
  for (gsize i = 0; plot->lower != NULL && plot->upper != NULL && i < data->n; i++)
    if (!plot->log_y || data->values[i] > 0)
      {
        if (usable (plot, plot->lower[i]))
          *lo = MIN (*lo, plot->lower[i]);
        if (usable (plot, plot->upper[i]))
          *hi = MAX (*hi, plot->upper[i]);
      }
  if (total (plot, plot->n_below) > 0 && usable (plot, plot->lloq))
    {
      *lo = MIN (*lo, plot->lloq);
      *hi = MAX (*hi, plot->lloq);
    }
  if (total (plot, plot->n_above) > 0 && usable (plot, plot->uloq))
    {
      *lo = MIN (*lo, plot->uloq);
      *hi = MAX (*hi, plot->uloq);
    }
}

void
ob_group_limits_tops (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  const ObGroupData *data = plot->data;
  double above_all = layout->y.pos0;

  if (plot->chart != OB_GROUP_CHART_DOT)
    return;
  if (total (plot, plot->n_above) > 0)
    {
      double y = usable (plot, plot->uloq) ? ob_plot_scale_map (&layout->y, plot->uloq)
                                           : layout->plot.y + layout->radius;

      above_all = y - layout->radius - plot->plot_style.font_size * 0.3;
    }
  for (guint k = 0; k < layout->n_slots; k++)
    {
      ObGroupSlot *slot = &layout->slots[k];

      slot->top = MIN (slot->top, above_all);
      if (plot->upper == NULL || plot->lower == NULL)
        continue;
      /* Per group: with a second factor a cell's whiskers count for every cell of its group,
       * which at worst lifts a bracket a little higher than needed. */
      for (gsize i = data->offsets[slot->group]; i < data->offsets[slot->group + 1]; i++)
        if (usable (plot, plot->upper[i]) && usable (plot, data->values[i]))
          slot->top = MIN (slot->top, ob_plot_scale_map (&layout->y, plot->upper[i]));
    }
}

typedef struct
{
  const double *values;
  const double *lower;
} SortBy;

static int
cmp_index (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const SortBy *by = user_data;
  gsize i = *(const gsize *) a, j = *(const gsize *) b;
  double x = by->values[i], y = by->values[j];

  /* Ties keep a fixed order, so equal values get their own intervals every time. */
  if (x == y)
    {
      x = by->lower[i];
      y = by->lower[j];
      if (x == y || isnan (x) || isnan (y))
        return (i > j) - (i < j);
    }
  return (x > y) - (x < y);
}

/* The slots' values are sorted copies: sort the value indices the same way, slot by slot, so
 * that each point finds its own interval. */
static void
place_whiskers (ObGroupLayout *layout, const ObGroupPlot *plot)
{
  const ObGroupData *data = plot->data;
  gboolean levels = data->factor2 != NULL && data->n_levels2 > 0;
  guint n_cells = data->n_groups * (levels ? data->n_levels2 : 1);
  g_autofree guint *cell_slot = g_new (guint, MAX (n_cells, 1));
  g_autofree gsize *fill = g_new0 (gsize, MAX (layout->n_slots, 1));
  g_autofree gsize *index = g_new (gsize, MAX (data->n, 1));
  SortBy by = { data->values, plot->lower };

  layout->whisker_lo = g_new (double, MAX (data->n, 1));
  layout->whisker_hi = g_new (double, MAX (data->n, 1));
  for (gsize i = 0; i < data->n; i++)
    layout->whisker_lo[i] = layout->whisker_hi[i] = NAN;
  memset (cell_slot, 0xff, MAX (n_cells, 1) * sizeof (guint));
  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];

      cell_slot[levels ? slot->group * data->n_levels2 + slot->level : slot->group] = k;
    }
  for (guint g = 0; g < data->n_groups; g++)
    for (gsize i = data->offsets[g]; i < data->offsets[g + 1]; i++)
      if (!plot->log_y || data->values[i] > 0)
        {
          guint k = cell_slot[levels ? g * data->n_levels2 + data->factor2[i] : g];

          if (k != G_MAXUINT)
            index[layout->slots[k].first + fill[k]++] = i;
        }
  for (guint k = 0; k < layout->n_slots; k++)
    {
      const ObGroupSlot *slot = &layout->slots[k];

      g_qsort_with_data (index + slot->first, (gint) fill[k], sizeof (gsize), cmp_index, &by);
      for (gsize j = 0; j < fill[k]; j++)
        {
          gsize i = index[slot->first + j];

          if (usable (plot, plot->lower[i]) && usable (plot, plot->upper[i]))
            {
              layout->whisker_lo[slot->first + j] = ob_plot_scale_map (&layout->y,
                                                                       plot->lower[i]);
              layout->whisker_hi[slot->first + j] = ob_plot_scale_map (&layout->y,
                                                                       plot->upper[i]);
            }
        }
    }
}

/* A dashed line across the data area at the limit, named at its right end. */
static double
place_line (ObGroupLayout *layout, const ObGroupPlot *plot, ObPlotText *text, double limit,
            gboolean below, ObPlotRect *label)
{
  double y, gap = plot->plot_style.font_size * 0.1;

  if (!usable (plot, limit))
    return NAN;
  y = ob_plot_scale_map (&layout->y, limit);
  ob_plot_text_set_font (text, LABEL_SCALE, FALSE);
  /* LLOQ above its line and ULOQ under its own: both stay inside the data area. */
  *label = ob_plot_text_box (text, below ? "LLOQ" : "ULOQ",
                             layout->plot.x + layout->plot.width - gap,
                             below ? y - gap : y + gap, 1, below ? 1 : 0);
  ob_plot_text_set_font (text, 1, FALSE);
  g_array_append_val (layout->text_boxes, *label);
  return y;
}

/* A row of markers centred in the group's band, closer together when many must fit. */
static void
place_open (ObGroupLayout *layout, const ObGroupPlot *plot, const gsize *counts, double y)
{
  double band = layout->plot.width / MAX (plot->data->n_groups, 1);
  double r = layout->radius;

  if (isnan (y))
    y = layout->y.pos0 - r;
  for (guint g = 0; counts != NULL && g < plot->data->n_groups; g++)
    {
      gsize n = counts[g];
      double step = n > 1 ? MIN (2.2 * r, (band * 0.64 - 2 * r) / (double) (n - 1)) : 0;
      double x0 = layout->plot.x + band * (g + 0.5) - step * (double) (n - 1) / 2;

      for (gsize i = 0; i < n; i++)
        {
          layout->open_x[layout->n_open] = x0 + step * (double) i;
          layout->open_y[layout->n_open] = y;
          layout->n_open++;
        }
    }
}

void
ob_group_limits_place (ObGroupLayout *layout, const ObGroupPlot *plot, ObPlotText *text)
{
  gsize below = total (plot, plot->n_below), above = total (plot, plot->n_above);

  layout->lloq_y = layout->uloq_y = NAN;
  if (plot->chart != OB_GROUP_CHART_DOT)
    return;
  if (plot->lower != NULL && plot->upper != NULL)
    place_whiskers (layout, plot);
  if (below > 0)
    layout->lloq_y = place_line (layout, plot, text, plot->lloq, TRUE, &layout->lloq_label);
  if (above > 0)
    layout->uloq_y = place_line (layout, plot, text, plot->uloq, FALSE, &layout->uloq_label);
  layout->open_x = g_new (double, MAX (below + above, 1));
  layout->open_y = g_new (double, MAX (below + above, 1));
  place_open (layout, plot, plot->n_below, layout->lloq_y);
  place_open (layout, plot, plot->n_above,
              isnan (layout->uloq_y) ? layout->plot.y + layout->radius : layout->uloq_y);
}

void
ob_group_limits_draw_whiskers (cairo_t *cr, const ObGroupLayout *layout,
                               const ObGroupSlot *slot)
{
  const ObPlotStyle *ps = &layout->source->plot_style;
  gboolean any = FALSE;

  if (layout->whisker_lo == NULL)
    return;
  for (gsize i = 0; i < slot->n; i++)
    {
      gsize j = slot->first + i;

      if (isnan (layout->px[j]) || isnan (layout->whisker_lo[j]))
        continue;
      cairo_move_to (cr, layout->px[j], layout->whisker_lo[j]);
      cairo_line_to (cr, layout->px[j], layout->whisker_hi[j]);
      any = TRUE;
    }
  if (!any)
    return;
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, MIN (ps->line_width * 0.6, 0.5));
  cairo_stroke (cr);
}

static void
draw_line (cairo_t *cr, const ObGroupLayout *layout, ObPlotText *text, double y,
           const char *name, const ObPlotRect *label)
{
  const ObPlotStyle *ps = &layout->source->plot_style;
  double dash[] = { ps->line_width * 3, ps->line_width * 2 };

  if (isnan (y))
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, ps->axis_width);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, layout->plot.x, y);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  ob_plot_text_set_font (text, LABEL_SCALE, FALSE);
  ob_plot_text_draw (text, cr, name, label->x, label->y, 0, 0);
  ob_plot_text_set_font (text, 1, FALSE);
}

void
ob_group_limits_draw (cairo_t *cr, const ObGroupLayout *layout, ObPlotText *text)
{
  const ObPlotStyle *ps = &layout->source->plot_style;
  double r = layout->radius * 0.86;

  draw_line (cr, layout, text, layout->lloq_y, "LLOQ", &layout->lloq_label);
  draw_line (cr, layout, text, layout->uloq_y, "ULOQ", &layout->uloq_label);
  if (layout->n_open == 0)
    return;
  for (gsize i = 0; i < layout->n_open; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, layout->open_x[i], layout->open_y[i], r, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, MIN (r * 0.35, ps->line_width));
  cairo_stroke (cr);
}
