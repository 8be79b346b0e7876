/* ob-stacked-bar.c: a cross-tabulation as 100% stacked bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-plot-axis.h"
#include "ob-plot-legend.h"
#include "ob-stacked-bar.h"

#define PAD 2.0
#define GAP 6.0            /* between the bars and the key */
#define BAR_SHARE 0.62     /* of each bar's slot */
#define MAX_BAR 56.0       /* pt: wide pages get more room between bars, not slabs */

void
ob_stacked_bar_init (ObStackedBar       *bar,
                     const ObCrosstab   *crosstab,
                     const char * const *row_names,
                     const char * const *col_names)
{
  memset (bar, 0, sizeof *bar);
  bar->crosstab = crosstab;
  bar->row_names = row_names;
  bar->col_names = col_names;
  bar->show_test = TRUE;
  ob_plot_style_init (&bar->plot_style);
}

static char *
test_line (const ObCrosstab *ct)
{
  g_autofree char *p = ob_plot_format_p (ct->p);

  if (ct->test == OB_CROSSTAB_FISHER)
    return g_strdup_printf (_("Fisher’s exact test, %s"), p);
  return g_strdup_printf (_("χ² test, %s"), p);
}

static void
setup_y (ObPlotScale *y,
         ObPlotAxis  *axis,
         double       bottom,
         double       top)
{
  ob_plot_scale_init_fixed (y, 0, 100, 25, 4);
  ob_plot_scale_set_range (y, bottom, top);
  memset (axis, 0, sizeof *axis);
  axis->side = OB_PLOT_AXIS_LEFT;
  axis->scale = y;
  axis->factor = 1;
  axis->title = _("Percent");
}

/* Everything is measured with the text object the drawing will use, so that the layout the
 * tests check is the one on the page. */
static void
layout_with (const ObStackedBar *bar,
             ObPlotText         *text,
             double              width,
             double              height,
             ObStackedBarLayout *out,
             ObPlotScale        *y,
             ObPlotAxis         *axis)
{
  const ObCrosstab *ct = bar->crosstab;
  const ObPlotStyle *ps = &bar->plot_style;
  double line = ob_plot_text_line_height (text);
  double legend_w = 0, legend_h = 0, title_w = 0, left, right, top, bottom, slot, widest = 0;
  double under;

  memset (out, 0, sizeof *out);
  out->segments = g_new0 (ObPlotRect, ct->n_rows * ct->n_cols);
  out->bar_labels = g_new0 (ObPlotRect, ct->n_rows);
  out->label_scale = 1;

  ob_plot_legend_measure (text, ps, bar->col_names, ct->n_cols, &legend_w, &legend_h);
  if (bar->col_title != NULL)
    {
      ob_plot_text_set_font (text, 1, TRUE);
      ob_plot_text_measure (text, bar->col_title, &title_w, NULL);
      ob_plot_text_set_font (text, 1, FALSE);
      legend_h += line;
    }
  legend_w = MIN (MAX (legend_w, title_w), width * 0.4);

  top = PAD;
  if (bar->show_test)
    {
      g_autofree char *str = test_line (ct);

      out->header = ob_plot_text_box (text, str, 0, top, 0, 0);
      top += line + 3;
    }
  top += line * 0.5;       /* room for the top tick label */

  /* Under the bars: the level, "n = …", and the row variable's name. */
  under = ps->tick_length + 2 + 2 * line + (bar->row_title != NULL ? line + 2 : 0);
  bottom = height - PAD - under;
  setup_y (y, axis, bottom, top);
  left = PAD + ob_plot_axis_extent (axis, text, ps);
  axis->position = left;
  right = width - PAD - legend_w - GAP;
  if (bar->show_test)
    out->header.x = left;

  out->plot = (ObPlotRect) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  slot = out->plot.width / MAX (ct->n_rows, 1);

  /* Long level names are set smaller, then cut with an ellipsis, never left to overlap. */
  for (guint r = 0; r < ct->n_rows; r++)
    {
      double w;

      ob_plot_text_measure (text, bar->row_names[r], &w, NULL);
      widest = MAX (widest, w);
    }
  if (widest > slot * 0.95)
    out->label_scale = MAX (0.8, slot * 0.95 / widest);

  for (guint r = 0; r < ct->n_rows; r++)
    {
      double cx = left + slot * (r + 0.5), bw = MIN (slot * BAR_SHARE, MAX_BAR), acc = 0;

      for (guint c = 0; c < ct->n_cols; c++)
        {
          double share = ct->row_percent[r * ct->n_cols + c];
          double y0 = ob_plot_scale_map (y, acc), y1 = ob_plot_scale_map (y, acc + share);

          out->segments[r * ct->n_cols + c] = (ObPlotRect) { cx - bw / 2, y1, bw, y0 - y1 };
          acc += share;
        }
      out->bar_labels[r] = (ObPlotRect) { cx - slot / 2, bottom + ps->tick_length + 2, slot,
                                          2 * line };
    }
  out->legend = (ObPlotRect) { width - PAD - legend_w, top, legend_w, legend_h };
}

void
ob_stacked_bar_layout (const ObStackedBar *bar,
                       double              width,
                       double              height,
                       ObStackedBarLayout *out)
{
  g_autoptr(ObPlotText) text = ob_plot_text_new (&bar->plot_style);
  ObPlotScale y;
  ObPlotAxis axis;

  layout_with (bar, text, width, height, out, &y, &axis);
}

void
ob_stacked_bar_layout_clear (ObStackedBarLayout *layout)
{
  g_clear_pointer (&layout->segments, g_free);
  g_clear_pointer (&layout->bar_labels, g_free);
}

/* Dark text on light fills, white on dark ones. */
static gboolean
is_dark (ObPlotColor c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 0.5;
}

void
ob_stacked_bar_draw (const ObStackedBar *bar,
                     cairo_t            *cr,
                     double              width,
                     double              height)
{
  const ObCrosstab *ct = bar->crosstab;
  const ObPlotStyle *ps = &bar->plot_style;
  g_autoptr(ObPlotText) text = ob_plot_text_new (ps);
  ObStackedBarLayout layout;
  ObPlotScale y;
  ObPlotAxis axis;
  double line = ob_plot_text_line_height (text);
  g_autofree const char **labels = g_new0 (const char *, ct->n_cols + 1);
  g_autofree guint *groups = g_new0 (guint, ct->n_cols);

  layout_with (bar, text, width, height, &layout, &y, &axis);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint r = 0; r < ct->n_rows; r++)
    for (guint c = 0; c < ct->n_cols; c++)
      {
        const ObPlotRect *s = &layout.segments[r * ct->n_cols + c];
        ObPlotColor color = ob_plot_style_color (ps, c, ct->n_cols);
        g_autofree char *pct = NULL;
        double tw, th;

        if (s->height <= 0)
          continue;
        cairo_rectangle (cr, s->x, s->y, s->width, s->height);
        cairo_set_source_rgb (cr, color.r, color.g, color.b);
        cairo_fill_preserve (cr);
        /* A hairline of white keeps neighbouring segments apart in greyscale print. */
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_set_line_width (cr, ps->axis_width * 0.6);
        cairo_stroke (cr);

        pct = g_strdup_printf ("%.0f%%", ct->row_percent[r * ct->n_cols + c]);
        ob_plot_text_set_font (text, 0.85, FALSE);
        ob_plot_text_measure (text, pct, &tw, &th);
        if (th * 1.05 <= s->height && tw + 2 <= s->width)
          {
            if (is_dark (color))
              cairo_set_source_rgb (cr, 1, 1, 1);
            else
              cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
            ob_plot_text_draw (text, cr, pct, s->x + s->width / 2, s->y + s->height / 2, 0.5,
                               0.5);
          }
        ob_plot_text_set_font (text, 1, FALSE);
      }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  ob_plot_axis_draw (&axis, cr, text, ps);
  /* The bars stand on a baseline that runs the width of the plot. */
  cairo_set_line_width (cr, ps->axis_width);
  cairo_move_to (cr, layout.plot.x, layout.plot.y + layout.plot.height);
  cairo_line_to (cr, layout.plot.x + layout.plot.width, layout.plot.y + layout.plot.height);
  cairo_stroke (cr);

  for (guint r = 0; r < ct->n_rows; r++)
    {
      const ObPlotRect *l = &layout.bar_labels[r];
      g_autofree char *n = g_strdup_printf ("n = %.0f", ct->row_totals[r]);

      ob_plot_text_set_max_width (text, l->width * 0.98);
      ob_plot_text_set_font (text, layout.label_scale, FALSE);
      ob_plot_text_draw (text, cr, bar->row_names[r], l->x + l->width / 2, l->y, 0.5, 0);
      ob_plot_text_set_font (text, 0.85, FALSE);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      ob_plot_text_draw (text, cr, n, l->x + l->width / 2, l->y + line, 0.5, 0);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    }
  ob_plot_text_set_max_width (text, 0);
  ob_plot_text_set_font (text, 1, FALSE);
  if (bar->row_title != NULL)
    ob_plot_text_draw (text, cr, bar->row_title, layout.plot.x + layout.plot.width / 2,
                       layout.bar_labels[0].y + 2 * line + 2, 0.5, 0);
  if (bar->show_test)
    {
      g_autofree char *str = test_line (ct);

      ob_plot_text_draw (text, cr, str, layout.header.x, layout.header.y, 0, 0);
    }

  /* The key lists the levels top-down in the order they are stacked on the page. */
  {
    double ky = layout.legend.y;

    if (bar->col_title != NULL)
      {
        ob_plot_text_set_font (text, 1, TRUE);
        ob_plot_text_set_max_width (text, layout.legend.width);
        ob_plot_text_draw (text, cr, bar->col_title, layout.legend.x, ky, 0, 0);
        ob_plot_text_set_font (text, 1, FALSE);
        ky += line;
      }
    for (guint c = 0; c < ct->n_cols; c++)
      {
        labels[c] = bar->col_names[ct->n_cols - 1 - c];
        groups[c] = ct->n_cols - 1 - c;
      }
    ob_plot_text_set_max_width (text, 0);
    ob_plot_legend_draw (cr, text, ps, OB_PLOT_LEGEND_BOX, labels, groups, ct->n_cols,
                         ct->n_cols, layout.legend.x, ky);
  }
  cairo_restore (cr);
  ob_stacked_bar_layout_clear (&layout);
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  ob_stacked_bar_draw (user_data, cr, width, height);
}

gboolean
ob_stacked_bar_export (const ObStackedBar *bar,
                       ObPlotFormat        format,
                       const char         *path,
                       double              width_mm,
                       double              height_mm,
                       double              dpi,
                       GError            **error)
{
  ObStackedBar copy = *bar;

  copy.plot_style.vector = ob_plot_format_is_vector (format);
  return ob_plot_export (format, path, width_mm, height_mm, dpi, draw_cb, &copy, error);
}
