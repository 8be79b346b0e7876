/* ob-row-id.h — naming a row of a table, to leave it out of an analysis by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-dataset.h"

G_BEGIN_DECLS

/* A row's identifier: its cell in id_column, or with id_column < 0 its number counted from 1
 * under the header ("17").  Missing cells give "". */
char     *ob_row_id_get        (const ObDataset *dataset,
                                int              id_column,
                                gsize            row);

/* Clears keep[r] for each row r whose identifier is id (an id column's value, or a row
 * number without one) and adds r to matched (may be NULL).  Returns how many rows carry the
 * identifier, whether or not keep already left them out; 0 with an error when none does. */
gsize     ob_row_id_exclude    (const ObDataset  *dataset,
                                int               id_column,
                                const char       *id,
                                guint8           *keep,
                                GArray           *matched,
                                GError          **error);

/* "P-017:sample swap" → id "P-017", reason "sample swap" (NULL without a colon). */
void      ob_row_id_split      (const char       *spec,
                                char            **id,
                                char            **reason);

G_END_DECLS
