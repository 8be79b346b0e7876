/* ob-plot-tiff.h: baseline TIFF from a cairo image, for journals that ask for TIFF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* RGB, PackBits-compressed, with the resolution in pixels per inch.  image must be an
 * RGB24 or ARGB32 image surface (alpha is dropped: figures go on white). */
gboolean ob_plot_write_tiff (cairo_surface_t  *image,
                             const char       *path,
                             double            dpi,
                             GError          **error);

/* Same, with an ImageDescription (NUL-free text; NULL: none). */
gboolean ob_plot_write_tiff_described (cairo_surface_t  *image,
                                       const char       *path,
                                       double            dpi,
                                       const char       *description,
                                       GError          **error);

G_END_DECLS
