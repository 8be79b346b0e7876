/* ob-plot-text.c: measuring and placing text in figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "ob-plot-text.h"

struct _ObPlotText
{
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *font;
  double base_size;
};

gboolean
ob_plot_rect_intersects (const ObPlotRect *a, const ObPlotRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
ob_plot_rect_contains (const ObPlotRect *outer, const ObPlotRect *inner, double tol)
{
  return inner->x >= outer->x - tol && inner->y >= outer->y - tol
         && inner->x + inner->width <= outer->x + outer->width + tol
         && inner->y + inner->height <= outer->y + outer->height + tol;
}

ObPlotText *
ob_plot_text_new (const ObPlotStyle *style)
{
  ObPlotText *text = g_new0 (ObPlotText, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  text->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (text->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);

  text->layout = pango_layout_new (text->context);
  text->font = pango_font_description_new ();
  pango_font_description_set_family (text->font, style->font_family[0] ? style->font_family
                                                                       : "Sans");
  text->base_size = style->font_size > 0 ? style->font_size : 7;
  ob_plot_text_set_font (text, 1, FALSE);
  return text;
}

void
ob_plot_text_free (ObPlotText *text)
{
  if (text == NULL)
    return;
  g_clear_object (&text->layout);
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
  g_free (text);
}

void
ob_plot_text_set_font (ObPlotText *text, double scale, gboolean bold)
{
  pango_font_description_set_absolute_size (text->font, text->base_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (text->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text->layout, text->font);
}

void
ob_plot_text_set_italic (ObPlotText *text, gboolean italic)
{
  pango_font_description_set_style (text->font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (text->layout, text->font);
}

void
ob_plot_text_set_max_width (ObPlotText *text, double width)
{
  if (width > 0)
    {
      pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (text->layout, -1);
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_NONE);
    }
}

double
ob_plot_text_line_height (ObPlotText *text)
{
  double h;

  /* Digits and capitals set the height of every label we draw. */
  ob_plot_text_measure (text, "0Ag", NULL, &h);
  return h;
}

void
ob_plot_text_measure (ObPlotText *text, const char *str, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_extents (text->layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
ob_plot_text_advance (ObPlotText *text, const char *str)
{
  double h;

  ob_plot_text_measure (text, str, NULL, &h);
  return MAX (h, ob_plot_text_line_height (text));
}

ObPlotRect
ob_plot_text_box (ObPlotText *text, const char *str, double x, double y, double xalign,
                  double yalign)
{
  double w, h;

  ob_plot_text_measure (text, str, &w, &h);
  return (ObPlotRect) { x - xalign * w, y - yalign * h, w, h };
}

/* EPS goes to print shops and older layout tools that substitute fonts they lack; outlines
 * look the same everywhere (and journals ask for them). */
static void
show_layout (cairo_t *cr, PangoLayout *layout)
{
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PS)
    {
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
    }
  else
    pango_cairo_show_layout (cr, layout);
}

ObPlotRect
ob_plot_text_draw (ObPlotText *text, cairo_t *cr, const char *str, double x, double y,
                   double xalign, double yalign)
{
  ObPlotRect box = ob_plot_text_box (text, str, x, y, xalign, yalign);

  cairo_move_to (cr, box.x, box.y);
  show_layout (cr, text->layout);
  cairo_new_path (cr);
  return box;
}

ObPlotRect
ob_plot_text_draw_vertical (ObPlotText *text, cairo_t *cr, const char *str, double x, double y)
{
  double w, h;

  ob_plot_text_measure (text, str, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -w / 2, -h / 2);
  show_layout (cr, text->layout);
  cairo_new_path (cr);
  cairo_restore (cr);
  return (ObPlotRect) { x - h / 2, y - w / 2, h, w };
}

char *
ob_plot_format_p (double p)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *fmt;

  if (!isfinite (p))
    return g_strdup ("p = NA");
  if (p < 0.0001)
    return g_strdup ("p < 0.0001");
  if (p > 0.99)
    return g_strdup ("p > 0.99");
  /* Two decimals above 0.01, except near 0.05 where rounding would mislead; four below
   * (0.0013, 0.0008), where the next cut-off is 0.0001. */
  if (p >= 0.01)
    fmt = (p >= 0.045 && p < 0.055) ? "%.3f" : "%.2f";
  else
    fmt = "%.4f";
  g_ascii_formatd (buf, sizeof buf, fmt, p);
  return g_strconcat ("p = ", buf, NULL);
}

char *
ob_plot_format_number (double value, int significant)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[16];
  int mag, d;

  if (!isfinite (value))
    return g_strdup ("NA");
  if (value == 0)
    return g_strdup ("0");
  mag = (int) floor (log10 (fabs (value)));
  d = CLAMP (significant - 1 - mag, 0, 10);
  g_snprintf (fmt, sizeof fmt, "%%.%df", d);
  g_ascii_formatd (buf, sizeof buf, fmt, fabs (value));
  return g_strconcat (value < 0 ? "\u2212" : "", buf, NULL);
}
