/* ob-table-plot.c: Table 1 typeset as a publication table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-table-plot.h"

#define PAD 2.0            /* page margin, pt */
#define CELL_PAD_X 3.0     /* each side of a cell */
#define CELL_PAD_Y 1.2
#define INDENT 7.0         /* level rows under their variable */
#define TOP_RULE 1.0       /* pt, as booktabs' heavy rules */
#define MID_RULE 0.5
#define MIN_FONT_PT 5.0   /* journals' smallest type */
#define FOOTNOTE_SCALE 0.85

void
ob_table_plot_init (ObTablePlot        *plot,
                    const ObTable1Grid *grid)
{
  memset (plot, 0, sizeof *plot);
  plot->grid = grid;
  ob_plot_style_init (&plot->plot_style);
}

/* A cell as set: in a narrow table, summaries break before their bracket ("156.0" over
 * "[76.5, 223.5]") and variable labels after their comma, so columns get narrower and rows
 * taller rather than the table running off the page. */
static char *
cell_text (const ObTable1Grid *grid,
           guint               r,
           guint               c,
           guint               stacked)
{
  const char *str = ob_table1_grid_cell (grid, r, c);
  const char *at;
  GString *out;

  if (!stacked || r == 0)
    return g_strdup (str);
  /* Short labels ("sex, n (%)") gain nothing from a second line and cost the table height. */
  if (c == 0 && g_utf8_strlen (str, -1) <= 16)
    return g_strdup (str);
  at = c == 0 ? strstr (str, ", ") : strstr (str, " [");
  /* Counts with their percentage break only when medians with their IQR were not enough. */
  if (at == NULL && c > 0 && stacked > 1)
    at = strstr (str, " (");
  if (at == NULL)
    return g_strdup (str);
  out = g_string_new_len (str, at - str);
  if (c == 0)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
  g_string_append (out, at + (c == 0 ? 2 : 1));
  return g_string_free (out, FALSE);
}

/* Natural column widths at the text object's current font. */
static double
measure_columns (const ObTable1Grid *grid,
                 ObPlotText         *text,
                 guint               stacked,
                 double             *widths)
{
  double total = 0;

  for (guint c = 0; c < grid->n_cols; c++)
    {
      widths[c] = 0;
      for (guint r = 0; r < grid->n_rows; r++)
        {
          g_autofree char *str = cell_text (grid, r, c, stacked);
          double w;

          ob_plot_text_set_font (text, 1, r == 0);
          ob_plot_text_measure (text, str, &w, NULL);
          if (c == 0 && grid->level[r])
            w += INDENT;
          widths[c] = MAX (widths[c], w + 2 * CELL_PAD_X);
        }
      total += widths[c];
    }
  ob_plot_text_set_font (text, 1, FALSE);
  return total;
}

static ObPlotText *
layout_with (const ObTablePlot *plot,
             double             width,
             ObTablePlotLayout *out)
{
  const ObTable1Grid *grid = plot->grid;
  ObPlotStyle style = plot->plot_style;
  ObPlotText *text = ob_plot_text_new (&style);
  double avail = MAX (width - 2 * PAD, 10), natural, y, extra;

  memset (out, 0, sizeof *out);
  out->col_x = g_new0 (double, grid->n_cols);
  out->col_width = g_new0 (double, grid->n_cols);
  out->row_y = g_new0 (double, grid->n_rows);
  out->row_height = g_new0 (double, grid->n_rows);
  out->font_scale = 1;

  natural = measure_columns (grid, text, 0, out->col_width);
  if (natural > avail)
    {
      /* Smaller type first, then cells on two lines, then the first column is cut with an
       * ellipsis. */
      out->font_scale = MAX (MIN (1, MIN_FONT_PT / plot->plot_style.font_size),
                             avail / natural * 0.98);
      style.font_size = plot->plot_style.font_size * out->font_scale;
      ob_plot_text_free (text);
      text = ob_plot_text_new (&style);
      natural = measure_columns (grid, text, 0, out->col_width);
      if (natural > avail)
        {
          out->stacked = TRUE;
          natural = measure_columns (grid, text, TRUE, out->col_width);
        }
      if (natural > avail)
        {
          out->col_width[0] = MAX (out->col_width[0] - (natural - avail), 24);
          natural = avail;
        }
    }
  /* A journal table spans its column: the data columns share what is left. */
  extra = MAX (avail - natural, 0) / MAX (grid->n_cols - 1, 1);
  out->col_x[0] = PAD;
  for (guint c = 1; c < grid->n_cols; c++)
    {
      out->col_width[c] += extra;
      out->col_x[c] = out->col_x[c - 1] + out->col_width[c - 1];
    }
  out->table_width = out->col_x[grid->n_cols - 1] + out->col_width[grid->n_cols - 1] - PAD;

  y = PAD;
  if (plot->title != NULL)
    {
      double h;

      ob_plot_text_set_font (text, 1.1, TRUE);
      ob_plot_text_set_max_width (text, out->table_width);
      ob_plot_text_measure (text, plot->title, NULL, &h);
      ob_plot_text_set_max_width (text, 0);
      out->title_height = h + 3;
      y += out->title_height;
    }
  y += TOP_RULE;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      double h = 0;

      for (guint c = 0; c < grid->n_cols; c++)
        {
          g_autofree char *str = cell_text (grid, r, c, out->stacked);
          double ch;

          ob_plot_text_set_font (text, 1, r == 0);
          ob_plot_text_measure (text, str, NULL, &ch);
          h = MAX (h, ch);
        }
      out->row_y[r] = y;
      out->row_height[r] = h + 2 * CELL_PAD_Y;
      y += out->row_height[r] + (r == 0 ? MID_RULE : 0);
    }
  y += TOP_RULE + 2;
  out->footnote_y = y;
  ob_plot_text_set_font (text, FOOTNOTE_SCALE, FALSE);
  for (guint i = 0; grid->footnotes[i] != NULL; i++)
    y += ob_plot_text_advance (text, grid->footnotes[i]);
  ob_plot_text_set_font (text, 1, FALSE);
  out->height = y + PAD;
  return text;
}

void
ob_table_plot_layout (const ObTablePlot *plot,
                      double             width,
                      ObTablePlotLayout *out)
{
  ob_plot_text_free (layout_with (plot, width, out));
}

void
ob_table_plot_layout_clear (ObTablePlotLayout *layout)
{
  g_clear_pointer (&layout->col_x, g_free);
  g_clear_pointer (&layout->col_width, g_free);
  g_clear_pointer (&layout->row_y, g_free);
  g_clear_pointer (&layout->row_height, g_free);
}

double
ob_table_plot_height (const ObTablePlot *plot,
                      double             width)
{
  ObTablePlotLayout layout;
  double height;

  ob_table_plot_layout (plot, width, &layout);
  height = layout.height;
  ob_table_plot_layout_clear (&layout);
  return height;
}

static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y,
      double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

void
ob_table_plot_draw (const ObTablePlot *plot,
                    cairo_t           *cr,
                    double             width,
                    double             height)
{
  const ObTable1Grid *grid = plot->grid;
  ObTablePlotLayout layout;
  g_autoptr(ObPlotText) text = layout_with (plot, width, &layout);
  double x0 = PAD, x1 = PAD + layout.table_width, top, bottom, y;

  (void) height;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (plot->title != NULL)
    {
      ob_plot_text_set_font (text, 1.1, TRUE);
      ob_plot_text_set_max_width (text, layout.table_width);
      ob_plot_text_draw (text, cr, plot->title, x0, PAD, 0, 0);
      ob_plot_text_set_max_width (text, 0);
    }
  top = layout.row_y[0] - TOP_RULE / 2;
  rule (cr, x0, x1, top, TOP_RULE);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      double cy = layout.row_y[r] + layout.row_height[r] / 2;

      ob_plot_text_set_font (text, 1, r == 0);
      for (guint c = 0; c < grid->n_cols; c++)
        {
          g_autofree char *str = cell_text (grid, r, c, layout.stacked);

          if (*str == '\0')
            continue;
          if (c == 0)
            {
              double indent = grid->level[r] ? INDENT : 0;

              ob_plot_text_set_max_width (text, layout.col_width[0] - 2 * CELL_PAD_X - indent);
              /* The header's first cell and the variable names sit on the baseline of the
               * row's last line, as the group names above their n do. */
              ob_plot_text_draw (text, cr, str, layout.col_x[0] + CELL_PAD_X + indent,
                                 r == 0 ? layout.row_y[r] + layout.row_height[r] - CELL_PAD_Y
                                        : cy, 0, r == 0 ? 1 : 0.5);
              ob_plot_text_set_max_width (text, 0);
            }
          else
            {
              /* Line by line, so that every line is centred, not just the block. */
              g_auto(GStrv) lines = g_strsplit (str, "\n", -1);
              guint n_lines = g_strv_length (lines);
              double lh = ob_plot_text_line_height (text);
              double ly = cy - lh * n_lines / 2;

              for (guint i = 0; i < n_lines; i++, ly += lh)
                ob_plot_text_draw (text, cr, lines[i], layout.col_x[c] + layout.col_width[c] / 2,
                                   ly, 0.5, 0);
            }
        }
      if (r == 0)
        rule (cr, x0, x1, layout.row_y[0] + layout.row_height[0] + MID_RULE / 2, MID_RULE);
    }
  bottom = layout.row_y[grid->n_rows - 1] + layout.row_height[grid->n_rows - 1] + TOP_RULE / 2;
  rule (cr, x0, x1, bottom, TOP_RULE);

  y = layout.footnote_y;
  ob_plot_text_set_font (text, FOOTNOTE_SCALE, FALSE);
  ob_plot_text_set_max_width (text, layout.table_width);
  for (guint i = 0; grid->footnotes[i] != NULL; i++)
    {
      ob_plot_text_draw (text, cr, grid->footnotes[i], x0, y, 0, 0);
      y += ob_plot_text_advance (text, grid->footnotes[i]);
    }
  cairo_restore (cr);
  ob_table_plot_layout_clear (&layout);
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  ob_table_plot_draw (user_data, cr, width, height);
}

gboolean
ob_table_plot_export (const ObTablePlot *plot,
                      ObPlotFormat       format,
                      const char        *path,
                      double             width_mm,
                      double             height_mm,
                      double             dpi,
                      GError           **error)
{
  ObTablePlot copy = *plot;

  copy.plot_style.vector = ob_plot_format_is_vector (format);
  if (height_mm <= 0)
    height_mm = ceil (ob_table_plot_height (&copy, OB_MM_TO_PT (width_mm)) * 25.4 / 72.0);
  return ob_plot_export (format, path, width_mm, height_mm, dpi, draw_cb, &copy, error);
}
