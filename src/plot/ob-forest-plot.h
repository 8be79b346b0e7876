/* ob-forest-plot.h: the subgroup forest plot of clinical papers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-scale.h"
#include "ob-plot-export.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"
#include "ob-subgroups.h"

G_BEGIN_DECLS

typedef struct
{
  const ObSubgroups *subgroups;
  const char *title;            /* NULL: none */
  /* Under the axis: "Favours …" on each side of the line of no effect.  NULL: the arm with
   * the lower hazard on that side (the comparison arm left, the reference right). */
  const char *favours_left;
  const char *favours_right;
  /* Events/patients per arm (two columns headed by the arm names) instead of n and events. */
  gboolean per_arm;
  gboolean show_interaction;    /* the P-for-interaction column */
  /* Axis limits (hazard ratios); <= 0 picks them from the data.  Intervals reaching beyond
   * end in an arrow. */
  double x_min, x_max;
  ObPlotStyle style;
} ObForestPlot;

/* Journal style, n and events, interaction p shown. */
void ob_forest_plot_init (ObForestPlot *plot, const ObSubgroups *subgroups);

typedef enum
{
  OB_FOREST_ROW_OVERALL,
  OB_FOREST_ROW_VARIABLE,       /* the heading of a block: the subgroup column's name */
  OB_FOREST_ROW_SUBGROUP,
} ObForestRowKind;

typedef struct
{
  ObForestRowKind kind;
  const ObSubgroupRow *row;     /* NULL for a heading */
  guint block;                  /* index of the interaction; G_MAXUINT for overall */
  double y;                     /* the row's centre line, pt */
  double top, bottom;           /* the band it owns, for hit tests */
  double x_hr, x_lo, x_hi;      /* page x of HR and the drawn ends of its interval */
  gboolean clip_lo, clip_hi;    /* the interval runs beyond the axis: an arrow */
  double marker;                /* side of the square (width of the diamond), pt; 0: none */
} ObForestRowLayout;

typedef struct
{
  double width, height;
  double margin;
  ObPlotRect panel;             /* where the intervals are drawn */
  ObPlotScale x;                /* log10 scale over the panel */
  double *ticks;
  guint n_ticks;
  double axis_y;                /* page y of the axis line */
  double tick_label_y;          /* top of the tick labels */
  double favours_y;             /* top of the "favours" line */
  double header_y;              /* bottom of the column headings */
  double rule_y;                /* the line under the headings */
  double bottom;                /* lowest point drawn, margin included */
  gboolean compact;             /* one-line headings for a single journal column */
  double label_width;           /* subgroup names longer than this are ellipsised */
  double row_pitch;
  ObForestRowLayout *rows;
  guint n_rows;
  /* Left edges (labels) and right edges (numbers) of the text columns. */
  double col_label, col_indent, col_n, col_events, col_hr, col_p;
  char *headers[4];             /* n / events (or the two arms), HR, interaction */
  ObPlotRect title_box;
  GArray *text_boxes;           /* every text drawn, ObPlotRect */
  const ObForestPlot *source;
} ObForestLayout;

ObForestLayout *ob_forest_plot_layout (const ObForestPlot *plot, double width_pt,
                                       double height_pt);
void            ob_forest_layout_free (ObForestLayout *layout);

/* The height (pt) at which rows sit at their natural pitch for this width. */
double          ob_forest_plot_natural_height (const ObForestPlot *plot, double width_pt);

/* The row under page point (x, y), or NULL. */
const ObForestRowLayout *ob_forest_layout_hit (const ObForestLayout *layout, double x,
                                               double y);

/* "3.13 (1.84–5.33)", or "NE" when not estimable. */
char *ob_forest_format_hr (const ObSubgroupRow *row);

void ob_forest_plot_render        (cairo_t *cr, double width_pt, double height_pt,
                                   const ObForestPlot *plot);
void ob_forest_plot_render_layout (cairo_t *cr, const ObForestLayout *layout);
/* Adapter for ob_plot_export(): user_data is a const ObForestPlot *. */
void ob_forest_plot_draw_func     (cairo_t *cr, double width_pt, double height_pt,
                                   gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObForestLayout, ob_forest_layout_free)

G_END_DECLS
