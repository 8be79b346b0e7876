/* ob-plot-legend.h: a key of coloured samples and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  OB_PLOT_LEGEND_LINE,     /* a stroke in the group's colour and dash */
  OB_PLOT_LEGEND_BOX,      /* a filled square, for bars */
} ObPlotLegendKey;

/* labels[i] is drawn with the colour and dash of group groups[i] out of n_groups (the
 * palette spreads over all groups, shown or not). */
void ob_plot_legend_measure (ObPlotText *text, const ObPlotStyle *style,
                             const char *const *labels, guint n, double *width,
                             double *height);
void ob_plot_legend_draw    (cairo_t *cr, ObPlotText *text, const ObPlotStyle *style,
                             ObPlotLegendKey key, const char *const *labels,
                             const guint *groups, guint n, guint n_groups, double x, double y);

G_END_DECLS
