/* ob-plot-style.h: colours, lines and type for figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} ObPlotColor;

/* Okabe–Ito: distinguishable with the common colour-vision deficiencies. Index wraps. */
ObPlotColor ob_plot_palette_okabe_ito (guint index);

G_END_DECLS
