/* ob-plot-style.h: colours, lines and type for figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} ObPlotColor;

typedef enum
{
  OB_PLOT_PALETTE_OKABE_ITO,
  OB_PLOT_PALETTE_GREYSCALE,
  OB_PLOT_PALETTE_VIRIDIS,
} ObPlotPalette;

/* "okabe-ito", "grey", "viridis" */
const char *ob_plot_palette_to_string   (ObPlotPalette palette);
gboolean    ob_plot_palette_from_string (const char *str, ObPlotPalette *out);

/* Okabe–Ito: distinguishable with the common colour-vision deficiencies. Index wraps. */
ObPlotColor ob_plot_palette_okabe_ito (guint index);
/* n colours from black to light grey, so that greyscale print keeps the order. */
ObPlotColor ob_plot_palette_greyscale (guint index, guint n);
/* n colours along viridis, stopping before the pale yellow end that vanishes on white. */
ObPlotColor ob_plot_palette_viridis   (guint index, guint n);

typedef struct
{
  ObPlotPalette palette;
  /* Vary the dash pattern by group so curves differ without colour (always in greyscale). */
  gboolean dashes;
  char font_family[64];
  double font_size;        /* pt; titles and labels are derived from it */
  double line_width;       /* data lines, pt */
  double axis_width;       /* axes and ticks, pt */
  double tick_length;      /* pt */
  /* Vector targets keep every detail; raster ones may merge what falls in one pixel. */
  gboolean vector;
  /* A slide for a dark room: renderers still draw on white, and ob_plot_style_apply_dark()
   * turns the result light-on-dark. */
  gboolean dark;
} ObPlotStyle;

/* Journal defaults: Sans 7 pt, 0.75 pt lines, Okabe–Ito. */
void        ob_plot_style_init        (ObPlotStyle *style);
/* Presentation: large type and thick lines, readable from the back of a seminar room. */
void        ob_plot_style_init_slide  (ObPlotStyle *style);
/* The slide style, light on a dark background. */
void        ob_plot_style_init_dark_slide (ObPlotStyle *style);
/* What the figure is drawn on: white paper, or the dark slide's background. */
ObPlotColor ob_plot_style_background  (const ObPlotStyle *style);
/* Remaps an ARGB32 image of a figure drawn on white for a dark style: white becomes the
 * background, black the foreground, greys in between, and colours keep their hue, lifted by
 * as much as they lacked of full brightness. Linear in each pixel's mix of white, black and
 * colour, so antialiased edges and translucent bands stay right. Does nothing when the
 * style is not dark. */
void        ob_plot_style_apply_dark  (const ObPlotStyle *style,
                                       cairo_surface_t   *image);

ObPlotColor ob_plot_style_color       (const ObPlotStyle *style, guint index, guint n);
/* Sets colour (with alpha) and, for lines, the dash pattern of group index. */
void        ob_plot_style_set_source  (const ObPlotStyle *style, cairo_t *cr, guint index,
                                       guint n, double alpha);
void        ob_plot_style_set_dash    (const ObPlotStyle *style, cairo_t *cr, guint index);

G_END_DECLS
