/* ob-km-plot-private.h: what the layout and the renderer of the Kaplan–Meier figure share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-km-plot.h"

G_BEGIN_DECLS

/* Number of steps at or before t (binary search). */
gsize     ob_km_steps_upto        (const ObKmCurve *curve, double t);
/* Number of steps strictly before t. */
gsize     ob_km_steps_before      (const ObKmCurve *curve, double t);
double    ob_km_curve_last_time   (const ObKmCurve *curve);
gboolean  ob_km_plot_is_visible   (const ObKmPlot *plot, guint curve);
guint     ob_km_plot_n_visible    (const ObKmPlot *plot);
char     *ob_km_plot_legend_label (const ObKmPlot *plot, const ObKmCurve *curve);
/* Labels of the visible curves (NULL-terminated); curves[] receives their indices. */
GStrv     ob_km_plot_legend_labels (const ObKmPlot *plot, guint *curves);
/* The lines of the statistics block: test and p, hazard ratios, CI transform. */
GPtrArray *ob_km_plot_annotation_lines (const ObKmPlot *plot);
const char *ob_km_plot_row_label  (guint row);
/* The grouping column's name, or NULL when none is set. */
const char *ob_km_plot_group_label (const ObKmPlot *plot);
/* "Number at risk", naming the grouping column when there is one. */
char     *ob_km_plot_table_header (const ObKmPlot *plot);
ObPlotText *ob_km_plot_text_new   (const ObKmPlot *plot);

G_END_DECLS
