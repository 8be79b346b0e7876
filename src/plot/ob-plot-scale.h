/* ob-plot-scale.h: "nice" tick scales and the mapping from data to page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OB_PLOT_SCALE_LINEAR,
  OB_PLOT_SCALE_LOG10,
} ObPlotScaleKind;

/* Ticks at lo, lo + step, … up to hi (linear), or at the powers of ten between lo and hi
 * (log10; step is then the exponent step).  pos0/pos1 are the page positions of lo/hi in
 * points; pos1 < pos0 is fine (a y axis grows upwards). */
typedef struct
{
  ObPlotScaleKind kind;
  double lo, hi;
  double step;
  double pos0, pos1;
} ObPlotScale;

/* R's pretty(c(lo, hi), n): the nice range covering [lo, hi] and its unit.  Returns the
 * unit; *out_lo and *out_hi receive the covering bounds (multiples of the unit). */
double   ob_plot_pretty          (double lo, double hi, guint n, double *out_lo, double *out_hi);

/* A linear scale whose ends are nice (the pretty() bounds around [lo, hi]). */
void     ob_plot_scale_init_linear (ObPlotScale *scale, double lo, double hi, guint n);
/* A linear scale that ends exactly at lo and hi with nice ticks inside (a time axis that
 * stops at the last observation).  step <= 0 picks a nice step. */
void     ob_plot_scale_init_fixed  (ObPlotScale *scale, double lo, double hi, double step, guint n);
/* A linear scale from lo to the first tick at or beyond hi, so that the axis ends on a tick
 * and nothing runs past it.  The step is steps[i] for the best i (NULL: 1, 2, 2.5, 5 × 10^k,
 * and 1.5, 3 × 10^k when they end much closer to hi), weighing about n intervals against
 * empty room after hi. */
void     ob_plot_scale_init_covering (ObPlotScale *scale, double lo, double hi,
                                      const double *steps, guint n_steps, guint n);
/* Decades covering [lo, hi] (both > 0). */
void     ob_plot_scale_init_log10  (ObPlotScale *scale, double lo, double hi);

void     ob_plot_scale_set_range   (ObPlotScale *scale, double pos0, double pos1);

double   ob_plot_scale_map         (const ObPlotScale *scale, double value);
double   ob_plot_scale_unmap       (const ObPlotScale *scale, double pos);

/* Tick values; fills at most max_ticks entries and returns how many there are. */
guint    ob_plot_scale_ticks       (const ObPlotScale *scale, double *ticks, guint max_ticks);

/* A tick label with as many decimals as the step needs, a true minus sign, and the values
 * multiplied by factor first (1 for plain, 100 for a probability shown as %). */
char    *ob_plot_scale_format      (const ObPlotScale *scale, double value, double factor);

G_END_DECLS
