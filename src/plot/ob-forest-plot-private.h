/* ob-forest-plot-private.h: pieces of the forest plot shared by its layout and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-forest-plot.h"

G_BEGIN_DECLS

ObPlotText *ob_forest_text_new           (const ObForestPlot *plot);
char       *ob_forest_format_number      (double value);
char       *ob_forest_format_tick        (double value);
/* The interaction p as its column shows it ("0.36", "<0.0001"); "" when there is none. */
char       *ob_forest_format_interaction (double p);
char       *ob_forest_pretty_name        (const char *name);
/* Column 0: n (or the comparison arm's events/n), column 1: events (or the reference's). */
char       *ob_forest_count_text         (const ObForestPlot  *plot,
                                          const ObSubgroupRow *row,
                                          guint                column);
/* Every text of the figure: drawn into cr, or with cr NULL only measured; the boxes are
 * appended to boxes when it is not NULL. */
void        ob_forest_layout_texts       (const ObForestLayout *layout,
                                          ObPlotText           *text,
                                          cairo_t              *cr,
                                          GArray               *boxes);

G_END_DECLS
