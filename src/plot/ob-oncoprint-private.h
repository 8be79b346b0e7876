/* ob-oncoprint-private.h: pieces of the oncoprint shared by its layout and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-oncoprint.h"

G_BEGIN_DECLS

ObPlotText *ob_oncoprint_text_new    (const ObOncoprint *plot);
/* "25%", "0.4%" */
char       *ob_oncoprint_format_pct  (double pct);

/* One entry of a key: index G_MAXUINT is the heading (swatch 0), set in bold. */
typedef void (*ObOncoprintKeyFunc) (gpointer    user_data,
                                    guint       index,
                                    const char *label,
                                    double      x,
                                    double      y,
                                    double      swatch);

/* Lays a key out in rows from x0 to x1, starting at y, calling func (if not NULL) for each
 * entry; returns the y under it. */
double      ob_oncoprint_legend_flow (ObPlotText         *text,
                                      const char         *heading,
                                      const char * const *labels,
                                      guint               n,
                                      double              x0,
                                      double              x1,
                                      double              y,
                                      ObOncoprintKeyFunc  func,
                                      gpointer            user_data);

/* Every text of the figure: drawn into cr, or with cr NULL only placed; boxes (if not NULL)
 * receive where each went. */
void        ob_oncoprint_layout_texts (const ObOncoprintLayout *layout,
                                       ObPlotText              *text,
                                       cairo_t                 *cr,
                                       GArray                  *boxes);

G_END_DECLS
