/* ob-elisa-page.h: an ELISA plate read against its standard curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"
#include "ob-standard-curve.h"

G_BEGIN_DECLS

#define OB_TYPE_ELISA_PAGE (ob_elisa_page_get_type ())
G_DECLARE_FINAL_TYPE (ObElisaPage, ob_elisa_page, OB, ELISA_PAGE, AdwBin)

GtkWidget          *ob_elisa_page_new              (ObDataset   *dataset);

/* Runs a pending recomputation now instead of at the next idle moment. */
void                ob_elisa_page_update           (ObElisaPage *self);
/* The plate shown (the first, or the one picked above the figure), NULL without a fit. */
const ObAssayPlate *ob_elisa_page_get_plate        (ObElisaPage *self);
guint               ob_elisa_page_get_n_plates     (ObElisaPage *self);
void                ob_elisa_page_set_plate_index  (ObElisaPage *self,
                                                    guint        index);
/* Maps a role ("sample", "type", "conc", "response", "dilution", "group", "plate", "well")
 * to a column by name, or to none with NULL. */
gboolean            ob_elisa_page_set_column       (ObElisaPage *self,
                                                    const char  *role,
                                                    const char  *column);
/* "4pl", "5pl", "linear", "loglog", "p2p". */
gboolean            ob_elisa_page_set_model        (ObElisaPage *self,
                                                    const char  *model);
/* Leaves the well in dataset row @row out of the fit, logged with @reason; the curve is
 * refitted.  FALSE when the row is no well of the analysis or is out already. */
gboolean            ob_elisa_page_exclude_row      (ObElisaPage *self,
                                                    gsize        row,
                                                    const char  *reason);
/* Undoes an exclusion made by hand. */
gboolean            ob_elisa_page_include_row      (ObElisaPage *self,
                                                    gsize        row);
guint               ob_elisa_page_get_n_exclusions (ObElisaPage *self);
/* The results as tab-separated text (what Copy puts on the clipboard), or NULL. */
char               *ob_elisa_page_get_results_text (ObElisaPage *self);
/* The samples' concentrations, 95% CIs and flags as a new dataset of the window the page is
 * in (the table elisa --samples-csv writes), compared between their groups in a new compare
 * page that draws each interval and the samples beyond the limits.  Returns that page, owned
 * by the window, or NULL with an error outside a window or without samples. */
GtkWidget          *ob_elisa_page_compare_samples  (ObElisaPage *self,
                                                    GError     **error);
/* Writes the standard curve, or with plate_map the plate, at the export size chosen in the
 * page; the format follows the extension (.pdf, .svg, .eps, .png, .tif). */
gboolean            ob_elisa_page_export           (ObElisaPage *self,
                                                    const char  *path,
                                                    gboolean     plate_map,
                                                    GError     **error);

G_END_DECLS
