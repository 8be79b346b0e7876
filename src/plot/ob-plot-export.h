/* ob-plot-export.h: one figure renderer, written to PDF, SVG, EPS, PNG or TIFF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ob-plot-recipe.h"

G_BEGIN_DECLS

typedef enum
{
  OB_PLOT_FORMAT_PDF,
  OB_PLOT_FORMAT_SVG,
  OB_PLOT_FORMAT_EPS,
  OB_PLOT_FORMAT_PNG,
  OB_PLOT_FORMAT_TIFF,
} ObPlotFormat;

/* Draws a figure of width_pt × height_pt points into cr, whose user space is in points. */
typedef void (*ObPlotDrawFunc) (cairo_t *cr, double width_pt, double height_pt,
                                gpointer user_data);

/* "pdf", "svg", "eps", "png", "tiff" */
const char *ob_plot_format_to_string   (ObPlotFormat fmt);
gboolean    ob_plot_format_from_string (const char *str, ObPlotFormat *out);
/* From the file name's extension, case-insensitive (".PDF", ".tif"; ".ps" is not accepted). */
gboolean    ob_plot_format_from_path   (const char *path, ObPlotFormat *out, GError **error);
gboolean    ob_plot_format_is_vector   (ObPlotFormat fmt);

#define OB_PLOT_DEFAULT_DPI 300.0
#define OB_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* dpi matters for PNG and TIFF only (<= 0: 300).  The PDF carries title (the file's base name) and
 * creator metadata. */
gboolean    ob_plot_export        (ObPlotFormat     fmt,
                                   const char      *path,
                                   double           width_mm,
                                   double           height_mm,
                                   double           dpi,
                                   ObPlotDrawFunc   draw,
                                   gpointer         user_data,
                                   GError         **error);
/* Same, with the title for the document metadata (NULL: the file's base name). */
gboolean    ob_plot_export_titled (ObPlotFormat     fmt,
                                   const char      *path,
                                   double           width_mm,
                                   double           height_mm,
                                   double           dpi,
                                   const char      *title,
                                   ObPlotDrawFunc   draw,
                                   gpointer         user_data,
                                   GError         **error);

/* Same, carrying recipe in the file's metadata (see ob-plot-recipe.h), so that a figure found
 * on disk says how it was made.  recipe's figure members (format, size, dpi) are set from the
 * arguments first; NULL recipe: as ob_plot_export_titled().  SVG and EPS files are written
 * whole, once the recipe is in, so a failure never leaves half a file. */
gboolean    ob_plot_export_with_recipe (ObPlotFormat     fmt,
                                        const char      *path,
                                        double           width_mm,
                                        double           height_mm,
                                        double           dpi,
                                        const char      *title,
                                        ObPlotRecipe    *recipe,
                                        ObPlotDrawFunc   draw,
                                        gpointer         user_data,
                                        GError         **error);

G_END_DECLS
