/* ob-plot-text.h: measuring and placing text in figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} ObPlotRect;

gboolean ob_plot_rect_intersects (const ObPlotRect *a, const ObPlotRect *b);
gboolean ob_plot_rect_contains   (const ObPlotRect *outer, const ObPlotRect *inner, double tol);

/* Text set in points at 72 per inch with metric hinting off, so that a layout measured once
 * is the same on screen, in PDF and in a 600 dpi PNG. */
typedef struct _ObPlotText ObPlotText;

ObPlotText *ob_plot_text_new        (const ObPlotStyle *style);
void        ob_plot_text_free       (ObPlotText *text);

/* Relative size (1 = the style's base size) and weight for what follows. */
void        ob_plot_text_set_font   (ObPlotText *text, double scale, gboolean bold);
/* Upright or italic for what follows (gene symbols are set in italic, as HGNC asks). */
void        ob_plot_text_set_italic (ObPlotText *text, gboolean italic);
/* Text wider than width (pt) ends in an ellipsis; <= 0 lets it run. */
void        ob_plot_text_set_max_width (ObPlotText *text, double width);
/* Logical line height at the current font. */
double      ob_plot_text_line_height (ObPlotText *text);
void        ob_plot_text_measure    (ObPlotText *text, const char *str, double *width,
                                     double *height);
/* The advance from this line to the next: the line height, or more where a fallback font
 * (CJK group names) sets the line taller. */
double      ob_plot_text_advance    (ObPlotText *text, const char *str);
/* Draws str with its logical box aligned on (x, y): xalign 0 = left edge at x, 0.5 = centred,
 * 1 = right edge; same for yalign from the top.  Returns the box it covers. */
ObPlotRect  ob_plot_text_draw       (ObPlotText *text, cairo_t *cr, const char *str, double x,
                                     double y, double xalign, double yalign);
/* The box ob_plot_text_draw() would cover, without drawing. */
ObPlotRect  ob_plot_text_box        (ObPlotText *text, const char *str, double x, double y,
                                     double xalign, double yalign);
/* Same, rotated a quarter turn anticlockwise (a y axis title); (x, y) is the centre. */
ObPlotRect  ob_plot_text_draw_vertical (ObPlotText *text, cairo_t *cr, const char *str,
                                        double x, double y);

/* "p = 0.0008", "p < 0.0001", "p = 0.03", "p > 0.99", as journals print them. */
char       *ob_plot_format_p        (double p);
/* A number with decimals chosen for its size (0.59, 12.3, 270), true minus sign. */
char       *ob_plot_format_number   (double value, int significant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObPlotText, ob_plot_text_free)

G_END_DECLS
