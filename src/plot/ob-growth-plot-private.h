/* ob-growth-plot-private.h: what the layout and the renderer of the growth figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-growth-plot.h"

G_BEGIN_DECLS

/* Whether the mice are drawn one by one (always, except on plain curves and weight). */
gboolean    ob_growth_plot_draws_subjects  (const ObGrowthPlot *plot);
gboolean    ob_growth_plot_draws_summaries (const ObGrowthPlot *plot);
/* The log axis, forced on for flux. */
gboolean    ob_growth_plot_is_log          (const ObGrowthPlot *plot);
/* Where a mouse's value is drawn: on the background line when censored, NAN when it cannot
 * be shown (<= 0 on a log axis). */
double      ob_growth_plot_point_y         (const ObGrowthPlot *plot, double value,
                                            gboolean censored);
gboolean    ob_growth_plot_has_dosing      (const ObGrowthPlot *plot);
gboolean    ob_growth_plot_has_endpoint    (const ObGrowthPlot *plot);
gboolean    ob_growth_plot_has_background  (const ObGrowthPlot *plot);

/* The panel that shows arm (the only panel unless small multiples). */
const ObGrowthPanel *ob_growth_layout_panel (const ObGrowthLayout *layout, guint arm);

/* The mRECIST label at the end of bar i, set vertically: its box, or an empty one when the
 * bars are too narrow for text.  text must be at the category font. */
ObPlotRect  ob_growth_category_box         (const ObGrowthLayout *layout, ObPlotText *text,
                                            const ObGrowthBar *bar);
/* "endpoint" over the line at the left of a panel, or under it when the line is at the top. */
ObPlotRect  ob_growth_endpoint_label_box   (const ObGrowthLayout *layout, ObPlotText *text,
                                            const ObGrowthPanel *panel);
/* Where "Dosing" goes above the first panel; empty without a dosing period. */
ObPlotRect  ob_growth_dosing_label_box     (const ObGrowthLayout *layout, ObPlotText *text);

/* How many drawn things (traces, means, bars, guide lines, labels) a block at r would cover:
 * 0 when it is free. */
guint       ob_growth_rect_cost            (const ObGrowthPlot *plot,
                                            const ObGrowthLayout *layout,
                                            const ObPlotRect *block);
/* A w × h block in a corner of the (single) plot, inset from its frame. */
ObPlotRect  ob_growth_corner_rect          (const ObGrowthLayout *layout, ObGrowthLegend corner,
                                            double w, double h);
/* Columns for n small multiples in w × h, panels closest to 5:4. */
guint       ob_growth_choose_columns       (guint n, double w, double h, double title_h,
                                            double hgap, double vgap);

/* A left axis: as ob-plot-axis.c draws it, except that a log axis reaching past 10⁴ (or below
 * 10⁻³) labels every decade as a power, never 10000 beside 10⁵. */
double      ob_growth_axis_extent          (const ObPlotAxis *axis, ObPlotText *text,
                                            const ObPlotStyle *style);
ObPlotRect  ob_growth_axis_layout          (const ObPlotAxis *axis, ObPlotText *text,
                                            const ObPlotStyle *style, GArray *boxes);
void        ob_growth_axis_draw            (const ObPlotAxis *axis, cairo_t *cr, ObPlotText *text,
                                            const ObPlotStyle *style);
/* Line and ticks alone, for the inner panels of the small multiples. */
void        ob_growth_axis_draw_bare       (const ObPlotAxis *axis, cairo_t *cr,
                                            const ObPlotStyle *style);

/* The key's sample stroke and the gap after it, in ems: as ob-plot-legend.c draws them. */
#define OB_GROWTH_SAMPLE_EMS 1.6
#define OB_GROWTH_SAMPLE_GAP_EMS 0.4

/* Lays the key's entries out from (0, 0): one per line, or side by side wrapping at max_width.
 * xs and ys (either may be NULL) receive each entry's corner; returns the block's size. */
void        ob_growth_legend_flow          (ObPlotText *text, const ObPlotStyle *style,
                                            const char *const *labels, guint n,
                                            gboolean horizontal, double max_width, double *xs,
                                            double *ys, double *width, double *height);

/* A light tone of an arm's colour for individual mice behind the means. */
ObPlotColor ob_growth_light_color          (ObPlotColor color);
/* Filled marker of arm (circle, square, triangle, diamond, …) at (x, y), radius r. */
void        ob_growth_marker_path          (cairo_t *cr, guint arm, double x, double y,
                                            double r);
/* The open, down-pointing triangle of a value at or below background. */
void        ob_growth_censored_path        (cairo_t *cr, double x, double y, double r);

/* Translated texts the figure prints. */
const char *ob_growth_dosing_text          (void);
const char *ob_growth_endpoint_text        (void);
const char *ob_growth_background_text      (void);
/* "Tumour volume (mm³)", "Photon flux (p/s)", … */
const char *ob_growth_default_y_title      (ObGrowthChart chart);

G_END_DECLS
