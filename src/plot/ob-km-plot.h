/* ob-km-plot.h: the Kaplan–Meier figure, with its number-at-risk table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-cox.h"
#include "ob-kaplan-meier.h"
#include "ob-logrank.h"
#include "ob-plot-axis.h"
#include "ob-plot-scale.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  OB_KM_RISK_TABLE_NONE,
  OB_KM_RISK_TABLE_CLASSIC,     /* number at risk, one row per group */
  OB_KM_RISK_TABLE_KMUNICATE,   /* at risk, censored, events per group (Morris et al. 2019) */
} ObKmRiskTable;

/* "none", "classic", "kmunicate" */
const char *ob_km_risk_table_to_string   (ObKmRiskTable table);
gboolean    ob_km_risk_table_from_string (const char *str, ObKmRiskTable *out);

typedef enum
{
  OB_KM_PLACE_AUTO,             /* the emptiest corner, or above the plot if none is free */
  OB_KM_PLACE_TOP_RIGHT,
  OB_KM_PLACE_BOTTOM_LEFT,
  OB_KM_PLACE_BOTTOM_RIGHT,
  OB_KM_PLACE_TOP_LEFT,
  OB_KM_PLACE_NONE,
} ObKmPlace;

typedef struct
{
  gboolean show_ci;
  gboolean show_censor;
  gboolean show_median;      /* dashed lines at S = 0.5, medians and CIs in the legend */
  ObKmRiskTable risk_table;
  gboolean y_percent;
  /* "months", "days"…; NULL or "" leaves the unit out of the x title. */
  const char *time_unit;
  double x_max;             /* <= 0: the last time of the visible curves */
  double x_step;            /* <= 0: a nice step (3, 6, 12… for months) */
  guint64 hidden_groups;    /* bit i hides curve i */
  const char *title;        /* NULL: none */
  const char *x_label;      /* NULL: "Time (<unit>)" */
  const char *y_label;      /* NULL: "Survival probability" or "Survival (%)" */
  /* The grouping column ("sex"): titles the legend and the number-at-risk table, since group
   * values alone may be bare codes (1, 2).  NULL or "": no title. */
  const char *group_label;
  ObKmPlace legend;
  gboolean show_annotation;
  ObKmPlace annotation;
  ObPlotStyle plot_style;
} ObKmPlotStyle;

typedef struct
{
  const ObKmFit *fit;
  const ObSurvTest *test;   /* NULL: no p value */
  const ObCox *cox;         /* NULL: no hazard ratio */
  ObKmPlotStyle style;
} ObKmPlot;

/* CI bands, censor ticks, classic table, probability axis, legend and annotation placed
 * automatically, journal style. */
void ob_km_plot_style_init (ObKmPlotStyle *style);

typedef struct
{
  guint curve;              /* index in fit->curves */
  guint row;                /* 0 at risk, 1 censored, 2 events (kmunicate) */
  double time;
  gsize value;
  double x, y;              /* centre of the number, pt */
  ObPlotRect box;
} ObKmRiskCell;

typedef struct
{
  double width, height;
  ObPlotRect plot;          /* the data area */
  ObPlotScale x, y;
  double *ticks;            /* x tick times */
  guint n_ticks;
  ObPlotRect x_axis;        /* tick labels and axis title under the plot */
  ObPlotRect risk_table;    /* empty without a table */
  ObKmRiskCell *cells;
  gsize n_cells;
  ObPlotRect legend;        /* width 0 when not drawn */
  ObPlotRect annotation;
  /* Every piece of text the figure draws, for checking nothing is clipped or overlaps. */
  GArray *text_boxes;       /* ObPlotRect */
  /* Kept for hit testing; the plot must outlive the layout. */
  const ObKmPlot *source;
  double y_factor;          /* 1, or 100 for % */
  /* Where the renderer puts the rest. */
  ObPlotRect title_box;
  ObPlotRect y_title_box;
  ObPlotRect x_title_box;
  ObPlotRect table_header_box;
  double row_height;
  double row_label_right;   /* row labels end here, right-aligned */
  double margin;
  double line_eps;          /* merge steps closer than this, pt */
  ObPlotAxis axis_x, axis_y;
  char *x_title, *y_title;
  /* TRUE when every corner covered a curve and legend or statistics went above the plot. */
  gboolean blocks_outside;
  /* Bit 0 the legend, bit 1 the statistics: still over a curve, having found no better place. */
  guint crowded_blocks;
  /* KMunicate rows named beside the first row of each group instead of above it. */
  gboolean compact_table;
  /* Longer group names end in an ellipsis: in the table, and in legend and statistics. */
  double label_max_width, block_max_width;
} ObKmLayout;

ObKmLayout *ob_km_plot_layout      (const ObKmPlot *plot, double width_pt, double height_pt);
void        ob_km_layout_free      (ObKmLayout *layout);

typedef struct
{
  guint curve;
  double time;
  double surv;
  double lower, upper;
  gsize n_risk;
} ObKmHit;

/* The visible curve nearest (x, y) within a few points, as S(t) at the time under x. */
gboolean    ob_km_plot_hit_test    (const ObKmLayout *layout, double x, double y, ObKmHit *hit);

/* The event drop or censoring tick of a visible curve nearest (x, y) within a few points:
 * its curve and the time of that step, where patients can be found. */
gboolean    ob_km_plot_hit_mark    (const ObKmLayout *layout, double x, double y,
                                    guint *curve, double *time);
void        ob_km_plot_render      (cairo_t *cr, double width_pt, double height_pt,
                                    const ObKmPlot *plot);
/* Same, reusing a layout computed for this plot and size. */
void        ob_km_plot_render_layout (cairo_t *cr, const ObKmLayout *layout);

/* Adapter for ob_plot_export(): user_data is a const ObKmPlot *. */
void        ob_km_plot_draw_func   (cairo_t *cr, double width_pt, double height_pt,
                                    gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObKmLayout, ob_km_layout_free)

G_END_DECLS
