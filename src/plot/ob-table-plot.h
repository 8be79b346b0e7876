/* ob-table-plot.h: Table 1 typeset as a publication table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three rules (above and below the header, under the last row), no vertical lines, level rows
 * indented under their variable, the numbers centred in their columns, the footnotes that
 * name the tests below.  Type shrinks (to 5 pt at the least), then summaries
 * break onto two lines, before a table spills over the page width; extra width is shared by
 * the data columns.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-export.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"
#include "ob-table1.h"

G_BEGIN_DECLS

typedef struct
{
  const ObTable1Grid *grid;
  const char *title;       /* above the table, bold; NULL: none */
  ObPlotStyle plot_style;
} ObTablePlot;

void     ob_table_plot_init    (ObTablePlot        *plot,
                                const ObTable1Grid *grid);

typedef struct
{
  double font_scale;       /* 1, or less where the table had to shrink to fit */
  guint stacked;           /* 0; 1: medians [IQR] on two lines to fit; 2: n (%) too */
  double *col_x;           /* n_cols: left edge of each column */
  double *col_width;
  double *row_y;           /* n_rows: top of each row */
  double *row_height;
  double table_width;
  double title_height;
  double footnote_y;       /* top of the first footnote */
  double height;           /* everything, pt: the page height the table needs */
} ObTablePlotLayout;

void     ob_table_plot_layout       (const ObTablePlot *plot,
                                     double             width,
                                     ObTablePlotLayout *out);
void     ob_table_plot_layout_clear (ObTablePlotLayout *layout);
/* The page height (pt) the table takes at this width. */
double   ob_table_plot_height       (const ObTablePlot *plot,
                                     double             width);
void     ob_table_plot_draw         (const ObTablePlot *plot,
                                     cairo_t           *cr,
                                     double             width,
                                     double             height);
/* height_mm <= 0: as tall as the table needs. */
gboolean ob_table_plot_export       (const ObTablePlot *plot,
                                     ObPlotFormat       format,
                                     const char        *path,
                                     double             width_mm,
                                     double             height_mm,
                                     double             dpi,
                                     GError           **error);

G_END_DECLS
