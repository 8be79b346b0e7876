/* test-plot-style.c: the dark slide remapping of figures drawn on white
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>

#include "ob-plot-style.h"

#define SIZE 8

typedef struct
{
  double r, g, b, a;
} Pixel;

/* An image of SIZE × SIZE pixels of one colour painted with alpha over white. */
static cairo_surface_t *
paint_over_white (ObPlotColor color,
                  double      alpha)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, color.r, color.g, color.b, alpha);
  cairo_paint (cr);
  cairo_destroy (cr);
  return image;
}

static Pixel
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const unsigned char *data;
  guint32 p;
  double a;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  p = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (image) + 4 * x);
  a = (p >> 24) / 255.0;
  if (a == 0)
    return (Pixel) { 0, 0, 0, 0 };
  return (Pixel) {
    ((p >> 16) & 0xff) / 255.0 / a, ((p >> 8) & 0xff) / 255.0 / a, (p & 0xff) / 255.0 / a, a
  };
}

static void
assert_pixel (Pixel       actual,
              ObPlotColor expected)
{
  /* One step of eight bits, and the rounding of two premultiplications. */
  g_assert_cmpfloat_with_epsilon (actual.r, expected.r, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (actual.g, expected.g, 2.5 / 255);
  g_assert_cmpfloat_with_epsilon (actual.b, expected.b, 2.5 / 255);
}

static ObPlotColor
remapped (const ObPlotStyle *style,
          ObPlotColor        color,
          double             alpha)
{
  cairo_surface_t *image = paint_over_white (color, alpha);
  Pixel p;

  ob_plot_style_apply_dark (style, image);
  p = pixel_at (image, SIZE / 2, SIZE / 2);
  g_assert_cmpfloat (p.a, ==, 1);
  cairo_surface_destroy (image);
  return (ObPlotColor) { p.r, p.g, p.b };
}

static ObPlotColor
mix (ObPlotColor a,
     ObPlotColor b,
     double      t)
{
  return (ObPlotColor) {
    a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b)
  };
}

/* Paper turns into the background, ink into the foreground, greys in between. */
static void
test_dark_neutrals (void)
{
  ObPlotStyle style;
  ObPlotColor bg, fg;

  ob_plot_style_init_dark_slide (&style);
  g_assert_true (style.dark);
  g_assert_cmpfloat (style.font_size, >, 10);
  bg = ob_plot_style_background (&style);
  g_assert_cmpfloat (bg.r + bg.g + bg.b, <, 0.6);

  {
    ObPlotColor white = remapped (&style, (ObPlotColor) { 1, 1, 1 }, 1);
    ObPlotColor black = remapped (&style, (ObPlotColor) { 0, 0, 0 }, 1);
    ObPlotColor grey = remapped (&style, (ObPlotColor) { 0.5, 0.5, 0.5 }, 1);

    assert_pixel ((Pixel) { white.r, white.g, white.b, 1 }, bg);
    fg = black;
    g_assert_cmpfloat (fg.r + fg.g + fg.b, >, 2.7);
    assert_pixel ((Pixel) { grey.r, grey.g, grey.b, 1 }, mix (bg, fg, 0.5));
  }
}

/* A palette colour keeps its hue (the spread of its channels), gains the brightness it
 * lacked, and a half-covered pixel is half the remapped colour over the background. */
static void
test_dark_colours (void)
{
  ObPlotStyle style;
  ObPlotColor bg, fg;

  ob_plot_style_init_dark_slide (&style);
  bg = ob_plot_style_background (&style);
  fg = remapped (&style, (ObPlotColor) { 0, 0, 0 }, 1);
  for (guint i = 0; i < 7; i++)
    {
      ObPlotColor c = ob_plot_palette_okabe_ito (i);
      double lo = MIN (MIN (c.r, c.g), c.b);
      double hi = MAX (MAX (c.r, c.g), c.b);
      ObPlotColor expected = {
        c.r - lo + lo * bg.r + (1 - hi) * fg.r,
        c.g - lo + lo * bg.g + (1 - hi) * fg.g,
        c.b - lo + lo * bg.b + (1 - hi) * fg.b,
      };
      ObPlotColor full = remapped (&style, c, 1);
      ObPlotColor half = remapped (&style, c, 0.5);

      assert_pixel ((Pixel) { full.r, full.g, full.b, 1 }, expected);
      assert_pixel ((Pixel) { half.r, half.g, half.b, 1 }, mix (bg, expected, 0.5));
    }
}

static double
luminance (ObPlotColor c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/* Every group colour of every palette reads on the dark slide: what the renderers are given
 * comes out brighter than the background by a clear margin, and a pale colour comes out as
 * the paper figure has it. The paper style's colours are the palettes' own. */
static void
test_dark_group_colours (void)
{
  static const ObPlotPalette palettes[] = {
    OB_PLOT_PALETTE_OKABE_ITO, OB_PLOT_PALETTE_GREYSCALE, OB_PLOT_PALETTE_VIRIDIS
  };
  ObPlotStyle dark, light;
  ObPlotColor bg;

  ob_plot_style_init_dark_slide (&dark);
  ob_plot_style_init_slide (&light);
  bg = ob_plot_style_background (&dark);
  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    for (guint i = 0; i < 8; i++)
      {
        ObPlotColor paper, drawn, shown;

        dark.palette = light.palette = palettes[p];
        paper = ob_plot_style_color (&light, i, 8);
        drawn = ob_plot_style_color (&dark, i, 8);
        shown = remapped (&dark, drawn, 1);
        g_assert_cmpfloat (luminance (shown), >, luminance (bg) + 0.25);
        if (palettes[p] == OB_PLOT_PALETTE_OKABE_ITO && i == 3)
          assert_pixel ((Pixel) { shown.r, shown.g, shown.b, 1 }, paper);
      }
}

/* The paper style and transparent pixels are left alone. */
static void
test_light_untouched (void)
{
  ObPlotStyle style;
  cairo_surface_t *image;
  cairo_t *cr;
  Pixel p;

  ob_plot_style_init_slide (&style);
  g_assert_false (style.dark);
  image = paint_over_white (ob_plot_palette_okabe_ito (1), 1);
  ob_plot_style_apply_dark (&style, image);
  p = pixel_at (image, 0, 0);
  assert_pixel (p, ob_plot_palette_okabe_ito (1));
  cairo_surface_destroy (image);

  ob_plot_style_init_dark_slide (&style);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cr = cairo_create (image);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_rectangle (cr, 0, 0, SIZE / 2, SIZE);
  cairo_fill (cr);
  cairo_destroy (cr);
  ob_plot_style_apply_dark (&style, image);
  p = pixel_at (image, SIZE - 1, 0);
  g_assert_cmpfloat (p.a, ==, 0);
  /* Half-transparent black ink is half-transparent light ink. */
  p = pixel_at (image, 0, 0);
  g_assert_cmpfloat_with_epsilon (p.a, 0.5, 1.0 / 255);
  g_assert_cmpfloat (p.r, >, 0.9);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/style/dark-neutrals", test_dark_neutrals);
  g_test_add_func ("/plot/style/dark-colours", test_dark_colours);
  g_test_add_func ("/plot/style/dark-group-colours", test_dark_group_colours);
  g_test_add_func ("/plot/style/light-untouched", test_light_untouched);

  return g_test_run ();
}
