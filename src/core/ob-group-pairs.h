/* ob-group-pairs.h — the values of two groups paired by a subject ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"
#include "ob-group-tests.h"

G_BEGIN_DECLS

/* Pairs the values of groups which[0] (a) and which[1] (b) of @data whose rows share a cell of
 * @id_column, in a's row order, as R's match() does: *x and *y (newly allocated) hold a's and
 * b's values, *n_pairs long.  IDs in one group only, or missing, are left out and counted in
 * *n_unpaired; an ID twice in b is an error. */
gboolean ob_group_data_pair_by_id (const ObDataset    *dataset,
                                   const ObGroupData  *data,
                                   const char         *id_column,
                                   const guint        *which,
                                   double            **x,
                                   double            **y,
                                   gsize              *n_pairs,
                                   gsize              *n_unpaired,
                                   GError            **error);

/* Groups which[0] and which[1] of @data alone, in that order, with their values, rows and
 * names (newly allocated; no second factor): a figure of what a two-group test compared. */
ObGroupData *ob_group_data_subset_pair (const ObGroupData *data,
                                        const guint       *which);

G_END_DECLS
