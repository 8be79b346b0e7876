/* ob-group-plot.h: a measurement by group as dots, bars, boxes or violins, with significance
 * brackets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-anova.h"
#include "ob-group-tests.h"
#include "ob-plot-axis.h"
#include "ob-plot-scale.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  OB_GROUP_CHART_DOT,       /* beeswarm with a line at the centre */
  OB_GROUP_CHART_BAR,       /* mean ± error, the points over it */
  OB_GROUP_CHART_BOX,       /* Tukey box and whiskers, outliers as points */
  OB_GROUP_CHART_VIOLIN,    /* Gaussian kernel density, quartiles inside */
} ObGroupChart;

typedef enum
{
  OB_GROUP_ERROR_SD,
  OB_GROUP_ERROR_SEM,
  OB_GROUP_ERROR_CI,        /* 95% t interval of the mean */
} ObGroupError;

/* "dot", "bar", "box", "violin" and "sd", "sem", "ci" */
gboolean ob_group_chart_from_string (const char *str, ObGroupChart *out);
gboolean ob_group_error_from_string (const char *str, ObGroupError *out);

typedef struct
{
  const ObGroupData *data;
  /* Post-hoc comparisons drawn as brackets; NULL for none.  With a second factor they are
   * Šidák pairs: levels a and b within group `within`. */
  const ObPairwise *pairs;
  gsize n_pairs;
  ObGroupChart chart;
  ObGroupError error;
  gboolean median;          /* dot plots: the line at the median instead of the mean */
  gboolean log_y;           /* values <= 0 cannot be shown and are left out */
  gboolean exact_p;         /* "p = 0.003" instead of stars */
  gboolean show_ns;         /* brackets for comparisons with p >= 0.05 too */
  const char *y_label;      /* NULL: none */
  const char *title;        /* NULL: none */
  ObPlotStyle plot_style;
  /* Each value's own interval (an ELISA sample's 95% CI), aligned with data->values; NULL
   * for none.  Dot charts draw it as a thin whisker through the point. */
  const double *lower;
  const double *upper;
  /* Per group (data->n_groups entries; NULL for none): samples beyond the limits of
   * quantification, which have no number.  Dot charts draw them as open markers on a dashed
   * line at lloq or uloq (NAN: no line, the markers sit at the edge of the data). */
  const gsize *n_below;
  const gsize *n_above;
  double lloq;
  double uloq;
} ObGroupPlot;

/* Dot plot with the mean, SD, no brackets, journal style. */
void ob_group_plot_init (ObGroupPlot *plot, const ObGroupData *data);

/* R's boxplot.stats(x): hinges from fivenum, whiskers at the most extreme values within
 * 1.5 IQR of the hinges. */
typedef struct
{
  double stats[5];          /* lower whisker, lower hinge, median, upper hinge, upper whisker */
  gsize n_out;
} ObBoxStats;

/* sorted: n >= 1 values in ascending order. */
void   ob_box_stats   (const double *sorted, gsize n, ObBoxStats *out);
/* R's bw.nrd0: 0.9 min(sd, IQR / 1.34) n^-1/5, with its fallbacks for constant data. */
double ob_bw_nrd0     (const double *sorted, gsize n);
/* Gaussian kernel density estimate at t with bandwidth bw. */
double ob_kde         (const double *x, gsize n, double bw, double t);
/* "ns", "*", "**", "***", "****" at 0.05, 0.01, 0.001, 0.0001. */
const char *ob_p_stars (double p);

/* One box, bar, swarm or violin: a group, or a cell of group × second-factor level. */
typedef struct
{
  guint group;
  guint level;              /* G_MAXUINT without a second factor */
  guint color;              /* palette index */
  double x;                 /* centre, pt */
  double half_width;
  gsize first;              /* its values are sorted[first] … sorted[first + n - 1] */
  gsize n;
  ObDescriptives desc;
  ObBoxStats box;
  double top;               /* highest page point of what is drawn (smallest y), pt */
} ObGroupSlot;

/* The ends of the slot's error bar (mean ± SD or SEM, or the 95% CI); NAN for one value. */
void ob_group_slot_error (const ObGroupPlot *plot, const ObGroupSlot *slot, double *lo,
                          double *hi);

typedef struct
{
  gsize pair;               /* index in plot->pairs */
  double x0, x1;            /* ends of the bracket, pt */
  double y;                 /* the horizontal line, pt */
  double leg;               /* how far the ends reach down, pt */
  ObPlotRect label;
  char *text;
} ObGroupBracket;

typedef struct
{
  double width, height;
  ObPlotRect plot;          /* the data area, brackets included */
  ObPlotScale y;
  double *sorted;           /* the values, slot by slot, ascending */
  ObGroupSlot *slots;
  guint n_slots;
  /* Point centres, aligned with sorted; NAN where a point is not drawn. */
  double *px, *py;
  double radius;
  ObGroupBracket *brackets;
  gsize n_brackets;
  ObPlotAxis axis_y;
  char *y_title;
  ObPlotRect title_box;
  ObPlotRect legend;        /* width 0 without a second factor */
  guint legend_rows, legend_cols;
  double *legend_col_x;     /* left edge of each column of the key */
  /* Every piece of text the figure draws. */
  GArray *text_boxes;       /* ObPlotRect */
  /* Group names under the axis: one box per line, in text_boxes too. */
  GPtrArray *x_lines;       /* char * */
  GArray *x_line_boxes;     /* ObPlotRect */
  double margin;
  const ObGroupPlot *source;
  /* Whisker ends (page y) aligned with sorted; NAN where a value has no interval. */
  double *whisker_lo, *whisker_hi;
  /* Open markers for the values beyond a limit: n_open centres. */
  double *open_x, *open_y;
  gsize n_open;
  double lloq_y, uloq_y;    /* page y of the dashed lines; NAN without */
  ObPlotRect lloq_label, uloq_label;
} ObGroupLayout;

ObGroupLayout *ob_group_plot_layout (const ObGroupPlot *plot, double width_pt, double height_pt);
void           ob_group_layout_free (ObGroupLayout *layout);

void ob_group_plot_render        (cairo_t *cr, double width_pt, double height_pt,
                                  const ObGroupPlot *plot);
void ob_group_plot_render_layout (cairo_t *cr, const ObGroupLayout *layout);
/* Adapter for ob_plot_export(): user_data is a const ObGroupPlot *. */
void ob_group_plot_draw_func     (cairo_t *cr, double width_pt, double height_pt,
                                  gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGroupLayout, ob_group_layout_free)

G_END_DECLS
