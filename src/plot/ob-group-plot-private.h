/* ob-group-plot-private.h: the group figure's pieces across files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-group-plot.h"

G_BEGIN_DECLS

/* Widens [lo, hi] to the values' own intervals and to the limits of quantification in use. */
void ob_group_limits_range          (const ObGroupPlot *plot, double *lo, double *hi);
/* Raises the slots' tops over the whiskers and, with values above the ULOQ, over its line
 * and label: the brackets go above them. */
void ob_group_limits_tops           (ObGroupLayout *layout, const ObGroupPlot *plot);
/* Once the points are placed: whisker ends, the dashed limit lines with their labels (added
 * to layout->text_boxes) and the open markers of the values beyond them. */
void ob_group_limits_place          (ObGroupLayout *layout, const ObGroupPlot *plot,
                                     ObPlotText *text);
void ob_group_limits_draw_whiskers  (cairo_t *cr, const ObGroupLayout *layout,
                                     const ObGroupSlot *slot);
void ob_group_limits_draw           (cairo_t *cr, const ObGroupLayout *layout, ObPlotText *text);

G_END_DECLS
