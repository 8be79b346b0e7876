/* ob-plot-style.c: colours, lines and type for figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include "ob-plot-style.h"

ObPlotColor
ob_plot_palette_okabe_ito (guint index)
{
  /* Black first would read as an axis; start with the blue/orange pair that survives greyscale. */
  static const ObPlotColor colors[] = {
    { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 }, /* blue */
    { 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0 }, /* orange */
    { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 }, /* bluish green */
    { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 }, /* reddish purple */
    { 0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0 }, /* sky blue */
    { 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0 }, /* vermillion */
    { 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0 }, /* yellow */
    { 0x00 / 255.0, 0x00 / 255.0, 0x00 / 255.0 }, /* black */
  };

  return colors[index % G_N_ELEMENTS (colors)];
}
