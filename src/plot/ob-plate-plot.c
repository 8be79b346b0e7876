/* ob-plate-plot.c: the plate map, wells coloured by type with the response as intensity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-curve-plot.h"

#define N_KINDS 5

/* Where the drawing puts the grid: one cell per well, the labels outside it. */
typedef struct
{
  guint rows, cols;
  double x0, y0;            /* top left of well A1's cell */
  double cell;              /* square cells */
  double radius;
  double legend_y;          /* top of the key; NAN without */
} PlateGeometry;

void
ob_plate_plot_init (ObPlatePlot *plot, const ObAssayPlate *plate)
{
  memset (plot, 0, sizeof *plot);
  plot->plate = plate;
  plot->highlight = -1;
  plot->show_legend = TRUE;
  ob_plot_style_init (&plot->plot_style);
}

void
ob_plate_plot_dimensions (const ObPlatePlot *plot, guint *rows, guint *cols)
{
  const GArray *wells = plot->plate->wells;

  *rows = 8;
  *cols = 12;
  for (guint i = 0; i < wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (wells, ObAssayWell, i);

      if (w->plate_row >= 8 || w->plate_col >= 12)
        {
          *rows = 16;
          *cols = 24;
          return;
        }
    }
}

static const char *
kind_label (ObAssayWellKind kind)
{
  switch (kind)
    {
    case OB_ASSAY_WELL_STANDARD:
      return _("Standard");
    case OB_ASSAY_WELL_BLANK:
      return _("Blank");
    case OB_ASSAY_WELL_SAMPLE:
      return _("Sample");
    case OB_ASSAY_WELL_CONTROL:
      return _("Control");
    case OB_ASSAY_WELL_UNKNOWN:
    default:
      return _("Other");
    }
}

static ObPlotColor
kind_color (const ObPlatePlot *plot, ObAssayWellKind kind)
{
  /* Okabe–Ito blue, orange, bluish green for the types that carry the assay; grey for the
   * blanks and anything unknown. */
  static const guint index[N_KINDS] = { 0, 7, 1, 2, 7 };

  if (kind == OB_ASSAY_WELL_BLANK || kind == OB_ASSAY_WELL_UNKNOWN)
    return (ObPlotColor) { 0.45, 0.45, 0.45 };
  return ob_plot_style_color (&plot->plot_style, index[kind], 3);
}

static void
geometry (const ObPlatePlot *plot, ObPlotText *text, double width, double height,
          PlateGeometry *g)
{
  const ObPlotStyle *ps = &plot->plot_style;
  double m = ps->font_size * 0.6, lh = ob_plot_text_line_height (text), label_w;
  double legend_h = plot->show_legend ? lh + ps->font_size * 0.5 : 0;

  ob_plate_plot_dimensions (plot, &g->rows, &g->cols);
  ob_plot_text_measure (text, "M", &label_w, NULL);
  label_w += ps->font_size * 0.4;
  g->cell = MIN ((width - 2 * m - label_w) / g->cols,
                 (height - 2 * m - lh - ps->font_size * 0.2 - legend_h) / g->rows);
  g->cell = MAX (g->cell, 1.0);
  g->radius = g->cell * 0.42;
  /* Centred across, so the map sits in the middle of a wide pane. */
  g->x0 = m + label_w + MAX (0, (width - 2 * m - label_w - g->cell * g->cols) / 2);
  g->y0 = m + lh + ps->font_size * 0.2;
  g->legend_y = plot->show_legend ? g->y0 + g->cell * g->rows + ps->font_size * 0.5 : NAN;
}

/* The plate's responses as read, for the intensity scale. */
static void
response_range (const ObAssayPlate *plate, double *lo, double *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < plate->wells->len; i++)
    {
      double r = g_array_index (plate->wells, ObAssayWell, i).response;

      if (isfinite (r))
        {
          *lo = MIN (*lo, r);
          *hi = MAX (*hi, r);
        }
    }
}

static void
draw_legend (cairo_t *cr, const ObPlatePlot *plot, ObPlotText *text, const PlateGeometry *g)
{
  gboolean present[N_KINDS] = { FALSE };
  gboolean any_excluded = FALSE;
  double x = g->x0, lh = ob_plot_text_line_height (text), r = lh * 0.32;
  double gap = plot->plot_style.font_size * 1.2;

  for (guint i = 0; i < plot->plate->wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plot->plate->wells, ObAssayWell, i);

      present[w->kind] = TRUE;
      any_excluded = any_excluded || w->excluded;
    }
  for (guint k = 0; k <= N_KINDS; k++)
    {
      const char *label = k < N_KINDS ? kind_label (k) : _("Excluded");
      double cy = g->legend_y + lh / 2, w;

      if (k < N_KINDS ? !present[k] : !any_excluded)
        continue;
      cairo_set_line_width (cr, plot->plot_style.line_width);
      if (k < N_KINDS)
        {
          ObPlotColor c = kind_color (plot, k);

          cairo_arc (cr, x + r, cy, r, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, c.r, c.g, c.b, 0.6);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, c.r, c.g, c.b);
          cairo_stroke (cr);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, x, cy - r);
          cairo_line_to (cr, x + 2 * r, cy + r);
          cairo_move_to (cr, x, cy + r);
          cairo_line_to (cr, x + 2 * r, cy - r);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      ob_plot_text_draw (text, cr, label, x + 2 * r + lh * 0.3, g->legend_y, 0, 0);
      ob_plot_text_measure (text, label, &w, NULL);
      x += 2 * r + lh * 0.3 + w + gap;
    }
}

void
ob_plate_plot_draw (cairo_t *cr, double width_pt, double height_pt, const ObPlatePlot *plot)
{
  const ObAssayPlate *plate = plot->plate;
  g_autoptr(ObPlotText) text = ob_plot_text_new (&plot->plot_style);
  PlateGeometry g;
  double lo, hi;

  geometry (plot, text, width_pt, height_pt, &g);
  response_range (plate, &lo, &hi);
  cairo_save (cr);
  /* Column numbers shrink to stay apart over small wells; the letters follow suit. */
  {
    g_autofree char *widest = g_strdup_printf ("%u", g.cols);
    double w;

    ob_plot_text_measure (text, widest, &w, NULL);
    if (w > g.cell * 0.7)
      ob_plot_text_set_font (text, MAX (g.cell * 0.7 / w, 0.5), FALSE);
  }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < g.cols; c++)
    {
      g_autofree char *s = g_strdup_printf ("%u", c + 1);

      ob_plot_text_draw (text, cr, s, g.x0 + g.cell * (c + 0.5),
                         g.y0 - plot->plot_style.font_size * 0.2, 0.5, 1);
    }
  for (guint r = 0; r < g.rows; r++)
    {
      char s[2] = { (char) ('A' + r), '\0' };

      ob_plot_text_draw (text, cr, s, g.x0 - plot->plot_style.font_size * 0.4,
                         g.y0 + g.cell * (r + 0.5), 1, 0.5);
    }
  ob_plot_text_set_font (text, 1, FALSE);

  /* Every position faint first; the plate's wells over them. */
  cairo_set_line_width (cr, plot->plot_style.axis_width);
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  for (guint r = 0; r < g.rows; r++)
    for (guint c = 0; c < g.cols; c++)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, g.x0 + g.cell * (c + 0.5), g.y0 + g.cell * (r + 0.5), g.radius, 0,
                   2 * G_PI);
      }
  cairo_stroke (cr);

  for (guint i = 0; i < plate->wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plate->wells, ObAssayWell, i);
      ObPlotColor col = kind_color (plot, w->kind);
      double cx, cy, f;

      if (w->plate_row < 0 || (guint) w->plate_row >= g.rows || (guint) w->plate_col >= g.cols)
        continue;
      cx = g.x0 + g.cell * (w->plate_col + 0.5);
      cy = g.y0 + g.cell * (w->plate_row + 0.5);
      /* Intensity follows the response, never fading out so the type stays legible. */
      f = isfinite (w->response) && hi > lo ? (w->response - lo) / (hi - lo) : 0;
      cairo_arc (cr, cx, cy, g.radius, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, col.r, col.g, col.b, 0.12 + 0.88 * f);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, col.r, col.g, col.b);
      cairo_set_line_width (cr, plot->plot_style.line_width);
      cairo_stroke (cr);
      if (w->excluded)
        {
          double d = g.radius * 0.72;

          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          cairo_set_line_width (cr, plot->plot_style.line_width * 1.3);
          cairo_move_to (cr, cx - d, cy - d);
          cairo_line_to (cr, cx + d, cy + d);
          cairo_move_to (cr, cx - d, cy + d);
          cairo_line_to (cr, cx + d, cy - d);
          cairo_stroke (cr);
        }
      if ((int) i == plot->highlight)
        {
          cairo_set_source_rgb (cr, 0.84, 0.37, 0.0);
          cairo_set_line_width (cr, MAX (plot->plot_style.line_width * 2, g.cell * 0.06));
          cairo_arc (cr, cx, cy, g.radius + g.cell * 0.04, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  if (plot->show_legend)
    draw_legend (cr, plot, text, &g);
  cairo_restore (cr);
}

void
ob_plate_plot_draw_func (cairo_t *cr, double width_pt, double height_pt, gpointer user_data)
{
  ob_plate_plot_draw (cr, width_pt, height_pt, user_data);
}

int
ob_plate_plot_hit_test (const ObPlatePlot *plot, double width_pt, double height_pt, double x,
                        double y)
{
  g_autoptr(ObPlotText) text = ob_plot_text_new (&plot->plot_style);
  PlateGeometry g;
  double col, row, cx, cy;

  geometry (plot, text, width_pt, height_pt, &g);
  col = floor ((x - g.x0) / g.cell);
  row = floor ((y - g.y0) / g.cell);
  if (col < 0 || row < 0 || col >= g.cols || row >= g.rows)
    return -1;
  cx = g.x0 + g.cell * (col + 0.5);
  cy = g.y0 + g.cell * (row + 0.5);
  if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > g.radius * g.radius)
    return -1;
  for (guint i = 0; i < plot->plate->wells->len; i++)
    {
      const ObAssayWell *w = &g_array_index (plot->plate->wells, ObAssayWell, i);

      if (w->plate_row == (int) row && w->plate_col == (int) col)
        return (int) i;
    }
  return -1;
}
