/* ob-surv-data-private.h — pieces of the survival data shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

/* status[i] = 1 where kept row i had the event: the cells equal to one of event_values, or
 * with NULL R's default 0/1 or 1/2 coding (TRUE/FALSE too).  Rows not kept are left alone. */
gboolean ob_surv_decode_events (const ObColumn     *column,
                                gsize               n_rows,
                                const guint8       *keep,
                                const char * const *event_values,
                                guint8             *status,
                                GError            **error);

G_END_DECLS
