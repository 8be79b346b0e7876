/* ob-growth-plot.h: tumour growth figures — arm curves, small multiples per arm, waterfall of
 * best response, body weight, and bioluminescence flux on a log axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-axis.h"
#include "ob-plot-scale.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  OB_GROWTH_CHART_CURVES,     /* mean ± SEM per arm, lines with markers */
  OB_GROWTH_CHART_SPAGHETTI,  /* one panel per arm, each mouse a line, shared axes */
  OB_GROWTH_CHART_WATERFALL,  /* best % change per mouse, sorted descending */
  OB_GROWTH_CHART_WEIGHT,     /* body weight, drawn as the curves */
  OB_GROWTH_CHART_FLUX,       /* each mouse's photon flux on a log axis */
} ObGrowthChart;

/* "curves", "spaghetti", "waterfall", "weight", "flux" */
const char *ob_growth_chart_to_string   (ObGrowthChart chart);
gboolean    ob_growth_chart_from_string (const char *str, ObGrowthChart *out);

typedef enum
{
  OB_GROWTH_LEGEND_AUTO,      /* a free corner inside the plot, else to the right of it */
  OB_GROWTH_LEGEND_TOP_LEFT,
  OB_GROWTH_LEGEND_TOP_RIGHT,
  OB_GROWTH_LEGEND_BOTTOM_LEFT,
  OB_GROWTH_LEGEND_BOTTOM_RIGHT,
  OB_GROWTH_LEGEND_RIGHT,     /* outside, right of the plot */
  OB_GROWTH_LEGEND_NONE,
} ObGrowthLegend;

/* "auto", "top-left", "top-right", "bottom-left", "bottom-right", "right", "none" */
gboolean    ob_growth_legend_from_string (const char *str, ObGrowthLegend *out);

/* One arm on one day. */
typedef struct
{
  guint arm;
  double time;
  guint n;
  double mean;
  double sem;               /* NAN when n < 2: no error bar */
} ObGrowthSummary;

/* One mouse: its points are data->time/value/censored[first … first + n - 1]. */
typedef struct
{
  char *id;
  guint arm;
  gsize first;
  gsize n;
} ObGrowthSubject;

typedef struct
{
  char *id;
  guint arm;
  double best_change;       /* % of the starting volume; NAN: not drawn */
  char *category;           /* "mCR", "mPR", "mSD", "mPD" or NULL */
} ObGrowthWaterfall;

/* What to draw, copied in: the arms in order (arm index = palette colour everywhere), the
 * per-arm summaries, the mice and the waterfall entries.  Summaries and a mouse's points may
 * come in any order; they are sorted by time when the figure is laid out. */
typedef struct
{
  GPtrArray *arms;          /* char * */
  GArray *summaries;        /* ObGrowthSummary */
  GArray *subjects;         /* ObGrowthSubject */
  GArray *time;             /* double, all mice's points end to end */
  GArray *value;            /* double */
  GArray *censored;         /* guint8: 1 = at or below background (flux) */
  GArray *waterfall;        /* ObGrowthWaterfall */
} ObGrowthData;

ObGrowthData *ob_growth_data_new          (void);
void          ob_growth_data_free         (ObGrowthData *data);
/* Returns the arm's index. */
guint         ob_growth_data_add_arm      (ObGrowthData *data, const char *name);
void          ob_growth_data_add_summary  (ObGrowthData *data, guint arm, double time, guint n,
                                           double mean, double sem);
/* Starts a mouse with no points; returns its index. */
guint         ob_growth_data_add_subject  (ObGrowthData *data, const char *id, guint arm);
/* Appends a point to the last mouse added. */
void          ob_growth_data_add_point    (ObGrowthData *data, double time, double value,
                                           gboolean censored);
void          ob_growth_data_add_waterfall (ObGrowthData *data, const char *id, guint arm,
                                            double best_change, const char *category);
guint         ob_growth_data_n_arms       (const ObGrowthData *data);
const char   *ob_growth_data_arm_name     (const ObGrowthData *data, guint arm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthData, ob_growth_data_free)

/* The waterfall's dotted lines: the mRECIST best-response limits, +35% (progression above)
 * and −50% (partial response below), as the categories are read (Gao et al. 2015). */
#define OB_GROWTH_WATERFALL_PD_LINE 35.0
#define OB_GROWTH_WATERFALL_PR_LINE (-50.0)

typedef struct
{
  const ObGrowthData *data;
  ObGrowthChart chart;
  /* Curves and weight: each mouse as a thin line in a light tone of its arm. */
  gboolean show_subjects;
  gboolean log_y;           /* always on for flux; values <= 0 are left out */
  /* A shaded band over the dosing period; NAN (either end): none. */
  double dosing_start, dosing_end;
  /* A dashed line at the endpoint volume; NAN or <= 0: none. */
  double endpoint;
  /* Flux: the background level, a dashed line labelled "background"; censored points sit on
   * it as open down-pointing triangles.  NAN: none. */
  double background;
  /* Waterfall: dotted lines at the mRECIST best-response limits (see above). */
  gboolean reference_lines;
  /* Waterfall: the mRECIST category above or below each bar (on by default). */
  gboolean show_categories;
  const char *x_label;      /* NULL: "Day" (waterfall: none) */
  const char *y_label;      /* NULL: by chart ("Tumour volume (mm³)", …) */
  const char *title;        /* NULL: none */
  ObGrowthLegend legend;
  /* Size for ob_growth_plot_export(); the renderers take whatever size they are given. */
  double width_mm, height_mm;
  ObPlotStyle plot_style;
} ObGrowthPlot;

/* Defaults for the chart: journal style, 89 × 70 mm, legend placed automatically, no dosing
 * band, endpoint or background, log y for flux. */
void ob_growth_plot_init (ObGrowthPlot *plot, const ObGrowthData *data, ObGrowthChart chart);

/* One data area: the whole plot, or one arm's panel of the small multiples. */
typedef struct
{
  guint arm;                /* G_MAXUINT: all arms */
  ObPlotRect area;
  ObPlotScale x, y;         /* page ranges of this panel; the same data ranges in every panel */
  ObPlotRect title_box;     /* the arm's name over a panel; empty otherwise */
  gboolean x_labels, y_labels; /* whether this panel carries the tick labels */
} ObGrowthPanel;

/* A waterfall bar. */
typedef struct
{
  guint entry;              /* index in data->waterfall */
  double x0, x1;            /* pt */
  double y0, y1;            /* the zero line and the bar's end, pt */
} ObGrowthBar;

typedef struct
{
  double width, height;
  ObGrowthPanel *panels;
  guint n_panels;
  double *x_ticks, *y_ticks;
  guint n_x_ticks, n_y_ticks;
  /* Mice and summaries in drawing order: sorted by time within each mouse or arm. */
  gsize *point_order;       /* n_points, indices into data->time/value */
  gsize *summary_order;     /* n_summaries, indices into data->summaries, by arm then time */
  ObGrowthBar *bars;
  gsize n_bars;
  ObPlotRect legend;        /* width 0 when not drawn */
  guint *legend_arms;
  guint n_legend;
  /* Entries side by side in rows above the plot, when no corner is free and the page is
   * too narrow to give the key a column of its own. */
  gboolean legend_horizontal;
  ObPlotRect title_box, x_title_box, y_title_box;
  ObPlotRect background_label;
  char *x_title, *y_title;
  double marker;            /* marker radius, pt */
  double margin;
  /* Every piece of text the figure draws, for checking nothing is clipped or overlaps. */
  GArray *text_boxes;       /* ObPlotRect */
  const ObGrowthPlot *source; /* must outlive the layout */
} ObGrowthLayout;

ObGrowthLayout *ob_growth_plot_layout (const ObGrowthPlot *plot, double width_pt,
                                       double height_pt);
void            ob_growth_layout_free (ObGrowthLayout *layout);

typedef struct
{
  guint subject;            /* index in data->subjects, G_MAXUINT for a waterfall bar */
  guint entry;              /* index in data->waterfall, G_MAXUINT for a trace */
  const char *id;           /* the mouse */
  guint arm;
  double time, value;       /* the nearest point of the trace; for a bar, NAN and the change */
} ObGrowthHit;

/* The mouse under (x, y), pt: the trace within a few points (nearest wins) or the waterfall
 * bar that contains it.  Mean curves are not mice and are never hit. */
gboolean ob_growth_plot_hit_test (const ObGrowthLayout *layout, double x, double y,
                                  ObGrowthHit *hit);

void ob_growth_plot_render        (cairo_t *cr, double width_pt, double height_pt,
                                   const ObGrowthPlot *plot);
void ob_growth_plot_render_layout (cairo_t *cr, const ObGrowthLayout *layout);
/* Adapter for ob_plot_export(): user_data is a const ObGrowthPlot *. */
void ob_growth_plot_draw_func     (cairo_t *cr, double width_pt, double height_pt,
                                   gpointer user_data);
/* Writes the figure at plot->width_mm × plot->height_mm in the format of path's extension
 * (dpi <= 0: 300). */
gboolean ob_growth_plot_export    (const ObGrowthPlot *plot, const char *path, double dpi,
                                   GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObGrowthLayout, ob_growth_layout_free)

G_END_DECLS
