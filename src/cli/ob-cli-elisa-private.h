/* ob-cli-elisa-private.h — the elisa command's pieces across files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ob-standard-curve.h"

G_BEGIN_DECLS

typedef struct
{
  char *figure;           /* --figure: the standard curve */
  char *plate_figure;     /* --plate-figure: the plate map */
  char *size;             /* --size WxH in mm */
  int dpi;
  char *x_label;
  char *y_label;
} ObCliElisaFigure;

void     ob_cli_elisa_figure_clear (ObCliElisaFigure *f);
/* Checks the options before any work: formats from the extensions, size, dpi. */
gboolean ob_cli_elisa_figure_check (const ObCliElisaFigure *f,
                                    GError                **error);
/* One figure per plate (ObAssayPlate *); several plates add the plate's name to the file. */
gboolean ob_cli_elisa_figure_write (const ObCliElisaFigure *f,
                                    GPtrArray              *plates,
                                    GError                **error);

/* --samples-csv: id, group, dilution, conc, conc_lower, conc_upper, flag ("<LLOQ", ">ULOQ",
 * others joined by ";"), lloq, uloq, one row per sample; a plate column first with several
 * plates.  Does nothing when path is NULL. */
gboolean ob_cli_elisa_samples_write (const char *path,
                                     GPtrArray  *plates,
                                     GError    **error);

G_END_DECLS
