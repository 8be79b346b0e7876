/* ob-presentation.h: the project's figures full screen, in slide type, one after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-analysis-page.h"

G_BEGIN_DECLS

#define OB_TYPE_PRESENTATION (ob_presentation_get_type ())
G_DECLARE_FINAL_TYPE (ObPresentation, ob_presentation, OB, PRESENTATION, AdwWindow)

/* Shows pages (ObAnalysisPage *, in order) starting at index; the window is fullscreened
 * when presented.  Left/Right, Page Up/Down and Space step; Escape or F5 close. */
GtkWidget      *ob_presentation_new         (GtkWindow *parent,
                                             GPtrArray *pages,
                                             guint      index);
guint           ob_presentation_get_index   (ObPresentation *self);
ObAnalysisPage *ob_presentation_get_page    (ObPresentation *self);
/* Steps by delta figures, staying within the first and the last. */
void            ob_presentation_step        (ObPresentation *self,
                                             int             delta);
/* Where the figure lies in the window, and the scale from figure points to pixels. */
void            ob_presentation_get_figure_geometry (ObPresentation  *self,
                                                     graphene_rect_t *bounds,
                                                     double          *scale);

/* Dark slides: the figure light on a dark background, for a dark room; off at first. */
void            ob_presentation_set_dark    (ObPresentation *self,
                                             gboolean        dark);
gboolean        ob_presentation_get_dark    (ObPresentation *self);
/* Draws the slide as the window shows it, on width × height points of cr, at scale_factor
 * pixels per point. */
void            ob_presentation_render      (ObPresentation *self,
                                             cairo_t        *cr,
                                             int             width,
                                             int             height,
                                             int             scale_factor);

G_END_DECLS
