/* ob-plot-axis.h: axis lines, ticks, tick labels and titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-scale.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  OB_PLOT_AXIS_BOTTOM,
  OB_PLOT_AXIS_LEFT,
} ObPlotAxisSide;

/* An axis along its scale's page range (pos0 to pos1), ticks pointing out of the plot. */
typedef struct
{
  ObPlotAxisSide side;
  const ObPlotScale *scale;
  const double *ticks;      /* NULL: the scale's own ticks */
  guint n_ticks;
  double factor;            /* labels show value × factor (100 for a probability as %) */
  double position;          /* page y of a bottom axis, page x of a left one */
  const char *title;        /* NULL: none */
} ObPlotAxis;

/* How far ticks, labels and title reach out from the axis line, pt.  For a left axis the
 * widest label counts, so call it once the tick values are known. */
double     ob_plot_axis_extent (const ObPlotAxis *axis, ObPlotText *text,
                                const ObPlotStyle *style);
/* Appends the boxes of the tick labels and the title to boxes (of ObPlotRect) and returns
 * the title's box (empty without a title). */
ObPlotRect ob_plot_axis_layout (const ObPlotAxis *axis, ObPlotText *text,
                                const ObPlotStyle *style, GArray *boxes);
void       ob_plot_axis_draw   (const ObPlotAxis *axis, cairo_t *cr, ObPlotText *text,
                                const ObPlotStyle *style);

G_END_DECLS
