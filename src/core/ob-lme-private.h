/* ob-lme-private.h — pieces of the mixed-effects model shared between its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-lme.h"

G_BEGIN_DECLS

/* ob_lme_fit restricted to the first n_terms terms of model (the columns they span), so that
 * nested models share one design. */
ObLmeResult *ob_lme_fit_terms (const ObLmeModel  *model,
                               guint              n_terms,
                               ObLmeMethod        method,
                               GError           **error);

G_END_DECLS
