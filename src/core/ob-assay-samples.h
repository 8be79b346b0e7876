/* ob-assay-samples.h — an ELISA's samples as a table that the CSV importer reads back and a
 * comparison of their groups takes as it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-standard-curve.h"

G_BEGIN_DECLS

/* One row per sample of @plates (ObAssayPlate *): id, group, dilution, conc, conc_lower,
 * conc_upper, flag ("<LLOQ", ">ULOQ" first, the others after, joined by ";"), lloq, uloq in
 * the sample's own units; a plate column first when any plate is named.  Numbers read back
 * as the same doubles; a number that is not finite is an empty cell. */
GBytes *ob_assay_samples_to_csv (GPtrArray *plates);

G_END_DECLS
