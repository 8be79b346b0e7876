/* ob-standard-curve-private.h — checks on a plate's curve shared by the assay analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-standard-curve.h"

G_BEGIN_DECLS

/* Fails when a flat line fits the standards as well as the curve: nothing can be read off
 * such a curve, however well the fit converged. */
gboolean ob_assay_check_dose_response (const ObAssayPlate *plate,
                                       GError            **error);
/* Adds a warning per standard level whose mean response goes against the curve's direction
 * (a hook effect, a mislabelled well), and flags the plate's samples, whose interpolation
 * then rests on a curve the standards do not follow. */
void     ob_assay_check_monotone      (ObAssayPlate       *plate);

G_END_DECLS
