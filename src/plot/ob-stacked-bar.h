/* ob-stacked-bar.h: a cross-tabulation as 100% stacked bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar per row level (its n under it), split by the column levels in palette colours,
 * percentages written inside the segments tall enough to hold them, the key to the right
 * headed by the column variable, and the test with its p above.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-crosstab.h"
#include "ob-plot-export.h"
#include "ob-plot-style.h"
#include "ob-plot-text.h"

G_BEGIN_DECLS

typedef struct
{
  const ObCrosstab *crosstab;
  const char * const *row_names;   /* n_rows */
  const char * const *col_names;   /* n_cols */
  const char *row_title;           /* under the bars; NULL: none */
  const char *col_title;           /* heads the key; NULL: none */
  gboolean show_test;              /* the test and its p above the bars */
  ObPlotStyle plot_style;
} ObStackedBar;

/* Journal style, test shown. */
void     ob_stacked_bar_init     (ObStackedBar       *bar,
                                  const ObCrosstab   *crosstab,
                                  const char * const *row_names,
                                  const char * const *col_names);

/* Where everything goes on a page of width × height pt; segments are row-major
 * n_rows × n_cols, each bar from the first column level at the bottom upwards. */
typedef struct
{
  ObPlotRect plot;                 /* the 0–100% frame */
  ObPlotRect *segments;
  ObPlotRect *bar_labels;          /* level names under the bars */
  ObPlotRect legend;
  ObPlotRect header;               /* the test line; empty when not shown */
  double label_scale;              /* < 1 when long level names were set smaller */
} ObStackedBarLayout;

void     ob_stacked_bar_layout        (const ObStackedBar *bar,
                                       double              width,
                                       double              height,
                                       ObStackedBarLayout *out);
void     ob_stacked_bar_layout_clear  (ObStackedBarLayout *layout);
void     ob_stacked_bar_draw          (const ObStackedBar *bar,
                                       cairo_t            *cr,
                                       double              width,
                                       double              height);
gboolean ob_stacked_bar_export        (const ObStackedBar *bar,
                                       ObPlotFormat        format,
                                       const char         *path,
                                       double              width_mm,
                                       double              height_mm,
                                       double              dpi,
                                       GError            **error);

G_END_DECLS
