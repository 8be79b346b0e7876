/* ob-curve-plot.h: an ELISA standard curve, and the plate map it was read from
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
#include "ob-standard-curve.h"

G_BEGIN_DECLS

/* The standard curve of one plate: standards as mean ± SD of their replicates on a log
 * concentration axis, the fitted curve with its 95% confidence band (delta method on the
 * parameters' covariance), samples as open symbols on the curve with their horizontal 95% CI,
 * LLOQ and ULOQ as dashed lines, wells left out as crosses. */
typedef struct
{
  const ObAssayPlate *plate;
  const char *x_label;      /* NULL: "Concentration" */
  const char *y_label;      /* NULL: "Response" */
  const char *title;        /* NULL: none */
  gboolean show_band;       /* default TRUE */
  gboolean show_samples;    /* default TRUE */
  gboolean show_limits;     /* default TRUE */
  gboolean show_legend;     /* default TRUE */
  int highlight;            /* index in plate->wells drawn ringed; -1 for none */
  ObPlotStyle plot_style;
} ObCurvePlot;

/* Everything shown, journal style. */
void ob_curve_plot_init (ObCurvePlot *plot, const ObAssayPlate *plate);

/* Where a mark is: a standard well (kind STANDARD), a sample (by its mean) or a left-out well. */
typedef struct
{
  int well;                 /* index in plate->wells; -1 for a sample's mean */
  int sample;               /* index in plate->samples; -1 otherwise */
  double x, y;              /* centre, pt */
} ObCurveMark;

typedef struct
{
  double width, height;
  ObPlotRect plot;          /* the data area */
  ObPlotScale x;            /* log10 */
  ObPlotScale y;            /* linear */
  ObPlotAxis axis_x, axis_y;
  char *x_title, *y_title;
  double radius;            /* of a point, pt */
  GArray *marks;            /* ObCurveMark: every point drawn, for hit tests */
  GArray *text_boxes;       /* ObPlotRect: every piece of text the figure draws */
  ObPlotRect title_box;
  ObPlotRect legend;        /* width 0 without one */
  ObPlotRect info;          /* the model and R² */
  char *info_text;
  ObPlotRect lloq_label, uloq_label;  /* width 0 when not drawn */
  double lloq_x, uloq_x;    /* page x of the limits; NAN when not drawn */
  double margin;
  double *x_ticks;          /* decades on the concentration axis */
  guint n_x_ticks;
  /* The key's entries: standards, curve, samples, excluded wells, samples drawn but not
   * quantified. */
  gboolean key_shown[5];
  const char *key_label[5];
  guint key_order[5];
  double key_x[5], key_y[5];
  guint legend_rows;
  const ObCurvePlot *source;
} ObCurveLayout;

ObCurveLayout *ob_curve_plot_layout (const ObCurvePlot *plot, double width_pt, double height_pt);
void           ob_curve_layout_free (ObCurveLayout *layout);

void ob_curve_plot_render        (cairo_t *cr, double width_pt, double height_pt,
                                  const ObCurvePlot *plot);
void ob_curve_plot_render_layout (cairo_t *cr, const ObCurveLayout *layout);
/* Adapter for ob_plot_export(): user_data is a const ObCurvePlot *. */
void ob_curve_plot_draw_func     (cairo_t *cr, double width_pt, double height_pt,
                                  gpointer user_data);

/* The mark nearest (x, y), in page points, within a few points of its centre: its index in
 * layout->marks, or -1. */
int  ob_curve_layout_hit_test    (const ObCurveLayout *layout, double x, double y);

/* The plate as the reader saw it: 8 × 12 wells (16 × 24 when any well name needs it), rows
 * A–H down the side, columns 1–12 across, each well a circle coloured by type with its
 * response as the intensity of the fill; excluded wells crossed, empty positions faint. */
typedef struct
{
  const ObAssayPlate *plate;
  int highlight;            /* index in plate->wells drawn ringed; -1 for none */
  gboolean show_legend;     /* default TRUE: the colour of each type under the plate */
  ObPlotStyle plot_style;
} ObPlatePlot;

void ob_plate_plot_init      (ObPlatePlot *plot, const ObAssayPlate *plate);
void ob_plate_plot_draw      (cairo_t *cr, double width_pt, double height_pt,
                              const ObPlatePlot *plot);
/* Adapter for ob_plot_export(): user_data is a const ObPlatePlot *. */
void ob_plate_plot_draw_func (cairo_t *cr, double width_pt, double height_pt,
                              gpointer user_data);
/* The well under (x, y) for a drawing of that size: its index in plate->wells, or -1. */
int  ob_plate_plot_hit_test  (const ObPlatePlot *plot, double width_pt, double height_pt,
                              double x, double y);
/* Rows and columns the drawing has (8 × 12 or 16 × 24). */
void ob_plate_plot_dimensions (const ObPlatePlot *plot, guint *rows, guint *cols);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObCurveLayout, ob_curve_layout_free)

G_END_DECLS
