/* ob-plot-style.c: colours, lines and type for figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <string.h>

#include "ob-plot-style.h"

static const char *const palette_names[] = { "okabe-ito", "grey", "viridis" };

const char *
ob_plot_palette_to_string (ObPlotPalette palette)
{
  g_return_val_if_fail (palette < G_N_ELEMENTS (palette_names), NULL);
  return palette_names[palette];
}

gboolean
ob_plot_palette_from_string (const char *str, ObPlotPalette *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette_names); i++)
    if (g_strcmp0 (str, palette_names[i]) == 0)
      {
        *out = (ObPlotPalette) i;
        return TRUE;
      }
  if (g_strcmp0 (str, "greyscale") == 0 || g_strcmp0 (str, "gray") == 0)
    {
      *out = OB_PLOT_PALETTE_GREYSCALE;
      return TRUE;
    }
  return FALSE;
}

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

ObPlotColor
ob_plot_palette_greyscale (guint index, guint n)
{
  double v;

  /* Lighter than about 0.55 fades in print, and the at-risk numbers share the colour. */
  v = n > 1 ? 0.55 * (double) (index % n) / (double) (n - 1) : 0;
  return (ObPlotColor) { v, v, v };
}

ObPlotColor
ob_plot_palette_viridis (guint index, guint n)
{
  /* viridis at 0, 1/8, … 1 (matplotlib's table); interpolated linearly. */
  static const ObPlotColor stops[] = {
    { 0.267004, 0.004874, 0.329415 },
    { 0.282327, 0.140926, 0.457517 },
    { 0.253935, 0.265254, 0.529983 },
    { 0.206756, 0.371758, 0.553117 },
    { 0.163625, 0.471133, 0.558148 },
    { 0.127568, 0.566949, 0.550556 },
    { 0.134692, 0.658636, 0.517649 },
    { 0.266941, 0.748751, 0.440573 },
    { 0.477504, 0.821444, 0.318195 },
  };
  double f, pos;
  guint i;

  f = n > 1 ? 0.85 * (double) (index % n) / (double) (n - 1) : 0;
  pos = f * (G_N_ELEMENTS (stops) - 1);
  i = MIN ((guint) pos, G_N_ELEMENTS (stops) - 2);
  pos -= i;
  return (ObPlotColor) {
    stops[i].r + pos * (stops[i + 1].r - stops[i].r),
    stops[i].g + pos * (stops[i + 1].g - stops[i].g),
    stops[i].b + pos * (stops[i + 1].b - stops[i].b),
  };
}

void
ob_plot_style_init (ObPlotStyle *style)
{
  memset (style, 0, sizeof *style);
  style->palette = OB_PLOT_PALETTE_OKABE_ITO;
  style->dashes = FALSE;
  /* Helvetica's metrics where it or a clone (Nimbus Sans, Arial) exists, as journals ask. */
  g_strlcpy (style->font_family, "Helvetica, Arial, Sans", sizeof style->font_family);
  style->font_size = 7;
  style->line_width = 0.75;
  style->axis_width = 0.5;
  style->tick_length = 3;
  style->vector = TRUE;
}

void
ob_plot_style_init_slide (ObPlotStyle *style)
{
  ob_plot_style_init (style);
  style->font_size = 16;
  style->line_width = 2.5;
  style->axis_width = 1.25;
  style->tick_length = 6;
  style->vector = FALSE;
}

/* A slate rather than black, so a projector's glow does not wash the figure out. */
static const ObPlotColor dark_background = { 0.11, 0.12, 0.14 };
static const ObPlotColor dark_foreground = { 0.95, 0.95, 0.95 };

void
ob_plot_style_init_dark_slide (ObPlotStyle *style)
{
  ob_plot_style_init_slide (style);
  style->dark = TRUE;
}

ObPlotColor
ob_plot_style_background (const ObPlotStyle *style)
{
  return style->dark ? dark_background : (ObPlotColor) { 1, 1, 1 };
}

static guint32
remap_pixel (guint32     pixel,
             const float bg[3],
             const float fg[3])
{
  float a = (float) (pixel >> 24);
  float c[3] = {
    (float) ((pixel >> 16) & 0xff), (float) ((pixel >> 8) & 0xff), (float) (pixel & 0xff)
  };
  float lo = MIN (MIN (c[0], c[1]), c[2]);
  float hi = MAX (MAX (c[0], c[1]), c[2]);
  guint32 out = pixel & 0xff000000u;

  /* Premultiplied: the pixel is lo of white, a - hi of black and c - lo of pure colour. */
  for (int k = 0; k < 3; k++)
    {
      float v = lo * bg[k] + (a - hi) * fg[k] + (c[k] - lo) + 0.5f;

      out |= (guint32) CLAMP (v, 0.0f, a) << (16 - 8 * k);
    }
  return out;
}

static double
luminance (ObPlotColor c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/* What remap_pixel() makes of an opaque colour. */
static ObPlotColor
remap_color (ObPlotColor c)
{
  double lo = MIN (MIN (c.r, c.g), c.b);
  double hi = MAX (MAX (c.r, c.g), c.b);

  return (ObPlotColor) {
    c.r - lo + lo * dark_background.r + (1 - hi) * dark_foreground.r,
    c.g - lo + lo * dark_background.g + (1 - hi) * dark_foreground.g,
    c.b - lo + lo * dark_background.b + (1 - hi) * dark_foreground.b,
  };
}

/* A pale colour is mostly white, which the remapping darkens: draw such a colour so that it
 * comes out as itself on the dark slide. Dark and saturated colours come out lighter as they
 * are, which reads better on the dark background; keep whichever ends brighter. */
static ObPlotColor
color_for_dark (ObPlotColor c)
{
  double bg = (dark_background.r + dark_background.g + dark_background.b) / 3;
  double fg = (dark_foreground.r + dark_foreground.g + dark_foreground.b) / 3;
  double lo = MIN (MIN (c.r, c.g), c.b);
  double hi = MAX (MAX (c.r, c.g), c.b);
  /* remap_color() adds one shift to every channel; solve for the colour it takes to c. */
  double shift = (lo * (1 - bg) - (1 - hi) * fg) / (fg - bg);
  ObPlotColor drawn = {
    CLAMP (c.r - shift, 0, 1), CLAMP (c.g - shift, 0, 1), CLAMP (c.b - shift, 0, 1)
  };

  if (luminance (remap_color (drawn)) > luminance (remap_color (c)))
    return drawn;
  return c;
}

void
ob_plot_style_apply_dark (const ObPlotStyle *style,
                          cairo_surface_t   *image)
{
  const float bg[3] = { (float) dark_background.r, (float) dark_background.g,
                        (float) dark_background.b };
  const float fg[3] = { (float) dark_foreground.r, (float) dark_foreground.g,
                        (float) dark_foreground.b };
  unsigned char *data;
  int width, height, stride;

  g_return_if_fail (style != NULL && image != NULL);
  g_return_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32);

  if (!style->dark)
    return;
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < width; x++)
        row[x] = remap_pixel (row[x], bg, fg);
    }
  cairo_surface_mark_dirty (image);
}

static ObPlotColor
palette_color (const ObPlotStyle *style, guint index, guint n)
{
  switch (style->palette)
    {
    case OB_PLOT_PALETTE_GREYSCALE:
      return ob_plot_palette_greyscale (index, n);
    case OB_PLOT_PALETTE_VIRIDIS:
      return ob_plot_palette_viridis (index, n);
    case OB_PLOT_PALETTE_OKABE_ITO:
    default:
      return ob_plot_palette_okabe_ito (index);
    }
}

ObPlotColor
ob_plot_style_color (const ObPlotStyle *style, guint index, guint n)
{
  ObPlotColor c = palette_color (style, index, n);

  return style->dark ? color_for_dark (c) : c;
}

void
ob_plot_style_set_source (const ObPlotStyle *style, cairo_t *cr, guint index, guint n,
                          double alpha)
{
  ObPlotColor c = ob_plot_style_color (style, index, n);

  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

void
ob_plot_style_set_dash (const ObPlotStyle *style, cairo_t *cr, guint index)
{
  /* In units of the line width, so the pattern scales with the slide preset. */
  static const double patterns[][4] = {
    { 0, 0, 0, 0 },
    { 4, 2, 0, 0 },
    { 1, 1.5, 0, 0 },
    { 5, 1.5, 1, 1.5 },
    { 8, 2, 0, 0 },
  };
  static const int lengths[] = { 0, 2, 2, 4, 2 };
  guint k;
  double dash[4];

  /* Greys alone do not tell more than two groups apart; greyscale always varies the dash. */
  if ((!style->dashes && style->palette != OB_PLOT_PALETTE_GREYSCALE) || index == 0)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  k = index % G_N_ELEMENTS (patterns);
  for (int i = 0; i < lengths[k]; i++)
    dash[i] = patterns[k][i] * MAX (style->line_width, 0.5) * 2;
  cairo_set_dash (cr, dash, lengths[k], 0);
}
