/* ob-forest-plot.c: layout of the subgroup forest plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-forest-plot-private.h"

/* Interval limits beyond this factor of the most extreme estimate would squeeze every other
 * row into a corner of the axis; they end in an arrow instead. */
#define MAX_REACH 6.0

void
ob_forest_plot_init (ObForestPlot       *plot,
                     const ObSubgroups  *subgroups)
{
  memset (plot, 0, sizeof *plot);
  plot->subgroups = subgroups;
  plot->show_interaction = TRUE;
  ob_plot_style_init (&plot->style);
}

char *
ob_forest_format_hr (const ObSubgroupRow *row)
{
  g_autofree char *hr = NULL, *lo = NULL, *hi = NULL;

  if (!isfinite (row->hr) || !isfinite (row->hr_lower) || !isfinite (row->hr_upper))
    return g_strdup (C_("hazard ratio", "NE"));
  hr = ob_forest_format_number (row->hr);
  lo = ob_forest_format_number (row->hr_lower);
  hi = ob_forest_format_number (row->hr_upper);
  return g_strdup_printf ("%s (%s\u2013%s)", hr, lo, hi);
}

/* Two decimals, as hazard ratios are printed in clinical papers; more below 0.01 so that a
 * small limit does not read as zero. */
char *
ob_forest_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value >= 0.01 || value == 0)
    g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  else
    g_ascii_formatd (buf, sizeof buf, "%.2g", value);
  return g_strdup (buf);
}

char *
ob_forest_format_interaction (double p)
{
  g_autofree char *text = NULL;

  if (!isfinite (p))
    return g_strdup ("");
  text = ob_plot_format_p (p);
  /* "p = 0.36" → "0.36", "p < 0.0001" → "<0.0001": the column heading says what it is */
  if (g_str_has_prefix (text, "p = "))
    return g_strdup (text + 4);
  if (g_str_has_prefix (text, "p "))
    return g_strdup (text + 2);
  return g_steal_pointer (&text);
}

/* "line_of_therapy" → "Line of therapy": column names as a table in a paper shows them. */
char *
ob_forest_pretty_name (const char *name)
{
  char *pretty = g_strdup (name);

  if (strchr (pretty, '.') != NULL)
    return pretty;
  g_strdelimit (pretty, "_", ' ');
  if (g_ascii_islower (pretty[0]))
    pretty[0] = g_ascii_toupper (pretty[0]);
  return pretty;
}

ObPlotText *
ob_forest_text_new (const ObForestPlot *plot)
{
  return ob_plot_text_new (&plot->style);
}

static gboolean
row_estimated (const ObSubgroupRow *row)
{
  return isfinite (row->hr) && isfinite (row->hr_lower) && isfinite (row->hr_upper)
         && row->hr > 0;
}

static double
text_width (ObPlotText *text,
            const char *str)
{
  double w, h;

  ob_plot_text_measure (text, str, &w, &h);
  return w;
}

char *
ob_forest_format_tick (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.3g", value);
  return g_strdup (buf);
}

/* Whether the tick labels stand at least half an em apart over a panel this wide. */
static gboolean
ticks_fit (GArray     *ticks,
           ObPlotText *text,
           double      width,
           double      em)
{
  double widest = 0;

  if (ticks->len < 2)
    return TRUE;
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *label = ob_forest_format_tick (g_array_index (ticks, double, i));

      widest = MAX (widest, text_width (text, label));
    }
  return width / (ticks->len - 1) >= widest + em * 0.5;
}

/* Ticks at doublings for narrow ranges, at 1-2-5 for wide ones, at decades for very wide
 * (whichever first fits the panel); the axis ends on the ticks that cover [lo, hi], or
 * exactly at lo and hi when the user fixed them. */
static double *
choose_ticks (double      lo,
              double      hi,
              gboolean    fixed,
              ObPlotText *text,
              double      width,
              double      em,
              guint      *n_ticks)
{
  static const double one_two_five[] = { 1, 2, 5 };
  GArray *ticks = NULL;

  for (guint kind = 0; kind < 3; kind++)
    {
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
      guint first = 0, last;

      if (kind == 0)
        {
          /* past 1/8 and 8 doublings print as 0.0625 and 16: leave them to 1-2-5 */
          if (lo < 0.125 * (1 - 1e-9) || hi > 8 * (1 + 1e-9))
            continue;
          for (int e = (int) floor (log2 (lo)) - 1; e <= (int) ceil (log2 (hi)) + 1; e++)
            {
              double v = ldexp (1, e);

              g_array_append_val (all, v);
            }
        }
      else
        for (int d = (int) floor (log10 (lo)) - 1; d <= (int) ceil (log10 (hi)) + 1; d++)
          for (guint k = 0; k < (kind == 1 ? 3 : 1); k++)
            {
              double v = one_two_five[k] * pow (10, d);

              g_array_append_val (all, v);
            }
      last = all->len - 1;
      for (guint i = 0; i < all->len; i++)
        {
          double v = g_array_index (all, double, i);

          if (fixed ? v < lo * (1 - 1e-9) : v <= lo * (1 + 1e-9))
            first = fixed ? i + 1 : i;
        }
      for (guint i = all->len; i-- > 0;)
        {
          double v = g_array_index (all, double, i);

          if (fixed ? v > hi * (1 + 1e-9) : v >= hi * (1 - 1e-9))
            last = fixed ? i - 1 : i;
        }
      g_clear_pointer (&ticks, g_array_unref);
      ticks = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = first; i <= last && i < all->len; i++)
        g_array_append_val (ticks, g_array_index (all, double, i));
      if (ticks_fit (ticks, text, width, em))
        break;
    }
  *n_ticks = ticks->len;
  return (double *) (void *) g_array_free (ticks, FALSE);
}

static void
choose_range (const ObForestPlot *plot,
              double             *lo,
              double             *hi)
{
  const ObSubgroups *sg = plot->subgroups;
  double est_lo = 1, est_hi = 1, ci_lo = 1, ci_hi = 1;

  for (guint i = 0; i <= sg->n_rows; i++)
    {
      const ObSubgroupRow *row = i < sg->n_rows ? &sg->rows[i] : &sg->overall;

      if (!row_estimated (row))
        continue;
      est_lo = MIN (est_lo, row->hr);
      est_hi = MAX (est_hi, row->hr);
      ci_lo = MIN (ci_lo, row->hr_lower);
      ci_hi = MAX (ci_hi, row->hr_upper);
    }
  *lo = MAX (ci_lo, est_lo / MAX_REACH);
  *hi = MIN (ci_hi, est_hi * MAX_REACH);
  *lo = MAX (*lo, 1e-4);
  *hi = MIN (*hi, 1e4);
  if (plot->x_min > 0)
    *lo = plot->x_min;
  if (plot->x_max > 0)
    *hi = plot->x_max;
  if (!(*hi > *lo))
    *lo = 0.5, *hi = 2;
}

char *
ob_forest_count_text (const ObForestPlot     *plot,
                      const ObSubgroupRow    *row,
                      guint                   column)
{
  if (plot->per_arm)
    {
      /* comparison arm first, as it is named first under the axis */
      guint arm = column == 0 ? 1 : 0;

      return g_strdup_printf ("%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT, row->events_arm[arm],
                              row->n_arm[arm]);
    }
  return g_strdup_printf ("%" G_GSIZE_FORMAT, column == 0 ? row->n : row->events);
}

static void
make_headers (const ObForestPlot *plot,
              ObForestLayout     *layout)
{
  const ObSubgroups *sg = plot->subgroups;

  if (plot->per_arm)
    {
      g_autofree char *a1 = ob_forest_pretty_name (sg->arm_names[1]);
      g_autofree char *a0 = ob_forest_pretty_name (sg->arm_names[0]);

      if (layout->compact)
        {
          layout->headers[0] = g_steal_pointer (&a1);
          layout->headers[1] = g_steal_pointer (&a0);
        }
      else
        {
          /* TRANSLATORS: a column heading: the arm's name, then "events/patients" */
          layout->headers[0] = g_strdup_printf (_("%s\nevents/n"), a1);
          layout->headers[1] = g_strdup_printf (_("%s\nevents/n"), a0);
        }
    }
  else
    {
      layout->headers[0] = g_strdup (layout->compact ? _("n") : _("No. of\npatients"));
      layout->headers[1] = g_strdup (layout->compact ? _("Events") : _("No. of\nevents"));
    }
  layout->headers[2] = g_strdup (layout->compact ? _("HR (95% CI)") : _("Hazard ratio\n(95% CI)"));
  if (plot->show_interaction)
    layout->headers[3] = g_strdup (layout->compact ? _("P int.") : _("P for\ninteraction"));
}

/* Column widths from everything they will hold; returns the label column's width. */
static double
measure_columns (const ObForestPlot *plot,
                 ObForestLayout     *layout,
                 ObPlotText         *text,
                 double              widths[4])
{
  const ObSubgroups *sg = plot->subgroups;
  double label = 0, indent = plot->style.font_size;

  ob_plot_text_set_font (text, 1, TRUE);
  for (guint c = 0; c < 4; c++)
    {
      widths[c] = 0;
      if (layout->headers[c] == NULL)
        continue;
      g_auto(GStrv) lines = g_strsplit (layout->headers[c], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        widths[c] = MAX (widths[c], text_width (text, lines[l]));
    }
  label = text_width (text, _("Subgroup"));
  label = MAX (label, text_width (text, _("All patients")));
  for (guint b = 0; b < sg->n_interactions; b++)
    {
      g_autofree char *name = ob_forest_pretty_name (sg->interactions[b].variable);

      label = MAX (label, text_width (text, name));
    }
  ob_plot_text_set_font (text, 1, FALSE);
  for (guint i = 0; i <= sg->n_rows; i++)
    {
      const ObSubgroupRow *row = i < sg->n_rows ? &sg->rows[i] : &sg->overall;
      g_autofree char *hr = ob_forest_format_hr (row);

      if (i < sg->n_rows)
        label = MAX (label, indent + text_width (text, row->subgroup));
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *count = ob_forest_count_text (plot, row, c);

          widths[c] = MAX (widths[c], text_width (text, count));
        }
      widths[2] = MAX (widths[2], text_width (text, hr));
    }
  for (guint b = 0; plot->show_interaction && b < sg->n_interactions; b++)
    {
      g_autofree char *p = ob_forest_format_interaction (sg->interactions[b].p);

      widths[3] = MAX (widths[3], text_width (text, p));
    }
  return label;
}

static void
place_rows (const ObForestPlot *plot,
            ObForestLayout     *layout,
            double              y0,
            double              pitch)
{
  const ObSubgroups *sg = plot->subgroups;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ObForestRowLayout));
  double y = y0;

  {
    ObForestRowLayout r = { .kind = OB_FOREST_ROW_OVERALL, .row = &sg->overall,
                            .block = G_MAXUINT };

    r.top = y, r.y = y + pitch / 2, r.bottom = y + pitch;
    g_array_append_val (rows, r);
    y += pitch;
  }
  for (guint b = 0; b < sg->n_interactions; b++)
    {
      const ObSubgroupInteraction *inter = &sg->interactions[b];
      ObForestRowLayout head = { .kind = OB_FOREST_ROW_VARIABLE, .block = b };

      y += pitch * 0.25;
      head.top = y, head.y = y + pitch / 2, head.bottom = y + pitch;
      g_array_append_val (rows, head);
      y += pitch;
      for (guint i = 0; i < inter->n_rows; i++)
        {
          ObForestRowLayout r = { .kind = OB_FOREST_ROW_SUBGROUP,
                                  .row = &sg->rows[inter->first_row + i], .block = b };

          r.top = y, r.y = y + pitch / 2, r.bottom = y + pitch;
          g_array_append_val (rows, r);
          y += pitch;
        }
    }
  layout->n_rows = rows->len;
  layout->rows = (ObForestRowLayout *) (void *) g_array_free (rows, FALSE);
}

/* Squares' area in proportion to the inverse variance, as in meta-analyses; the overall
 * diamond spans its interval. */
static void
place_markers (ObForestLayout *layout)
{
  double w_max = 0, side_max = layout->row_pitch * 0.72;
  double side_min = MIN (side_max, layout->source->style.font_size * 0.3);
  double x0 = layout->panel.x, x1 = layout->panel.x + layout->panel.width;

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const ObSubgroupRow *row = layout->rows[i].row;

      if (layout->rows[i].kind == OB_FOREST_ROW_SUBGROUP && row_estimated (row) && row->se > 0)
        w_max = MAX (w_max, 1 / (row->se * row->se));
    }
  for (guint i = 0; i < layout->n_rows; i++)
    {
      ObForestRowLayout *r = &layout->rows[i];

      if (r->row == NULL || !row_estimated (r->row))
        continue;
      r->x_hr = ob_plot_scale_map (&layout->x, r->row->hr);
      r->x_lo = ob_plot_scale_map (&layout->x, r->row->hr_lower);
      r->x_hi = ob_plot_scale_map (&layout->x, r->row->hr_upper);
      r->clip_lo = r->x_lo < x0 - 0.01;
      r->clip_hi = r->x_hi > x1 + 0.01;
      r->x_lo = CLAMP (r->x_lo, x0, x1);
      r->x_hi = CLAMP (r->x_hi, x0, x1);
      if (r->kind == OB_FOREST_ROW_OVERALL)
        r->marker = r->x_hi - r->x_lo;
      else if (w_max > 0 && r->row->se > 0)
        r->marker = MAX (side_min, side_max * sqrt (1 / (r->row->se * r->row->se) / w_max));
      /* an estimate off the axis shows only as the arrow of its interval */
      if (r->x_hr < x0 - 0.01 || r->x_hr > x1 + 0.01)
        r->marker = 0;
    }
}

static void
layout_geometry (const ObForestPlot *plot,
                 ObForestLayout     *layout,
                 ObPlotText         *text,
                 double              pitch)
{
  const ObPlotStyle *ps = &plot->style;
  double m = layout->margin, gap = ps->font_size * (layout->compact ? 0.8 : 1.1);
  double lh = ob_plot_text_line_height (text);
  double widths[4], label, fixed, panel_w, x, y, lo, hi;

  label = measure_columns (plot, layout, text, widths);
  fixed = label + widths[0] + widths[1] + widths[2] + widths[3] + gap * (widths[3] > 0 ? 5 : 4);
  panel_w = layout->width - 2 * m - fixed;
  /* the intervals need room: long subgroup names give way first (they are ellipsised) */
  if (panel_w < layout->width * 0.28)
    {
      double want = layout->width * 0.28 - panel_w;
      double cut = MIN (want, MAX (label - ps->font_size * 6, 0));

      label -= cut;
      panel_w += cut;
    }
  layout->label_width = label;

  x = m;
  layout->col_label = x;
  layout->col_indent = x + ps->font_size;
  x += label + gap + widths[0];
  layout->col_n = x;
  x += gap + widths[1];
  layout->col_events = x;
  x += gap;
  layout->panel.x = x;
  layout->panel.width = MAX (panel_w, ps->font_size * 4);
  x += layout->panel.width + gap;
  layout->col_hr = x;
  x += widths[2];
  layout->col_p = x + gap + widths[3];

  y = m;
  if (plot->title != NULL)
    {
      ob_plot_text_set_font (text, 1.15, TRUE);
      layout->title_box = ob_plot_text_box (text, plot->title, m, y, 0, 0);
      y += layout->title_box.height + lh * 0.5;
      ob_plot_text_set_font (text, 1, FALSE);
    }
  layout->header_y = y + (layout->compact ? 1 : 2) * lh;   /* headings sit on their last line */
  y = layout->header_y + lh * 0.4;
  layout->rule_y = y;
  layout->row_pitch = pitch;
  place_rows (plot, layout, y + lh * 0.2, pitch);
  layout->panel.y = layout->rows[0].top;
  layout->axis_y = layout->rows[layout->n_rows - 1].bottom + lh * 0.3;
  layout->panel.height = layout->axis_y - layout->panel.y;

  choose_range (plot, &lo, &hi);
  layout->ticks = choose_ticks (lo, hi, plot->x_min > 0 || plot->x_max > 0, text,
                                layout->panel.width, ps->font_size, &layout->n_ticks);
  layout->x.kind = OB_PLOT_SCALE_LOG10;
  if (plot->x_min > 0 || plot->x_max > 0 || layout->n_ticks < 2)
    layout->x.lo = lo, layout->x.hi = hi;
  else
    {
      layout->x.lo = layout->ticks[0];
      layout->x.hi = layout->ticks[layout->n_ticks - 1];
    }
  layout->x.step = 1;
  ob_plot_scale_set_range (&layout->x, layout->panel.x, layout->panel.x + layout->panel.width);
  place_markers (layout);

  /* ticks, their labels, then "favours" with its arrows */
  layout->tick_label_y = layout->axis_y + ps->tick_length + lh * 0.15;
  layout->favours_y = layout->tick_label_y + lh * 1.25;
  layout->bottom = layout->favours_y + lh + m;
}

double
ob_forest_plot_natural_height (const ObForestPlot *plot,
                               double              width_pt)
{
  g_autoptr(ObForestLayout) layout = ob_forest_plot_layout (plot, width_pt, 0);

  return layout->bottom;
}

ObForestLayout *
ob_forest_plot_layout (const ObForestPlot *plot,
                       double              width_pt,
                       double              height_pt)
{
  g_autoptr(ObPlotText) text = NULL;
  ObForestLayout *layout;
  double lh, natural, pitch;
  guint n_lines;

  g_return_val_if_fail (plot != NULL && plot->subgroups != NULL, NULL);

  text = ob_forest_text_new (plot);
  lh = ob_plot_text_line_height (text);
  layout = g_new0 (ObForestLayout, 1);
  layout->source = plot;
  layout->width = width_pt;
  layout->height = height_pt;
  layout->margin = plot->style.font_size * 0.6;
  layout->col_indent = plot->style.font_size;
  layout->text_boxes = g_array_new (FALSE, FALSE, sizeof (ObPlotRect));
  /* a single column of a journal page: one-line headings, tighter gaps */
  layout->compact = width_pt < OB_MM_TO_PT (140);
  make_headers (plot, layout);

  /* Lay out at the natural pitch, then stretch or squeeze the rows into the height. */
  pitch = lh * 1.45;
  layout_geometry (plot, layout, text, pitch);
  natural = layout->bottom;
  n_lines = layout->n_rows;
  if (height_pt > 0 && fabs (height_pt - natural) > 0.5 && n_lines > 0)
    {
      double budget = layout->row_pitch * (n_lines + 0.25 * plot->subgroups->n_interactions)
                      + height_pt - natural;

      pitch = CLAMP (budget / (n_lines + 0.25 * plot->subgroups->n_interactions),
                     lh * 1.05, lh * 2.4);
      g_clear_pointer (&layout->rows, g_free);
      g_clear_pointer (&layout->ticks, g_free);
      layout_geometry (plot, layout, text, pitch);
    }
  ob_forest_layout_texts (layout, text, NULL, layout->text_boxes);
  return layout;
}

void
ob_forest_layout_free (ObForestLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->rows);
  g_free (layout->ticks);
  for (guint c = 0; c < G_N_ELEMENTS (layout->headers); c++)
    g_free (layout->headers[c]);
  g_clear_pointer (&layout->text_boxes, g_array_unref);
  g_free (layout);
}

const ObForestRowLayout *
ob_forest_layout_hit (const ObForestLayout *layout,
                      double                x,
                      double                y)
{
  if (x < 0 || x > layout->width)
    return NULL;
  for (guint i = 0; i < layout->n_rows; i++)
    if (y >= layout->rows[i].top && y < layout->rows[i].bottom)
      return &layout->rows[i];
  return NULL;
}
