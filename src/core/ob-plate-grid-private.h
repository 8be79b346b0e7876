/* ob-plate-grid-private.h — shared between the grid reader and the plate map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-plate-grid.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;             /* trimmed, quotes removed */
  guint column;           /* 1-based character column where the cell starts */
} ObGridCell;

/* numeric: every cell must be a number, empty or an overflow word; otherwise text only. */
ObPlateGrid *ob_plate_grid_parse_full  (GBytes      *bytes,
                                        const char  *display_name,
                                        gboolean     numeric,
                                        GError     **error);
/* A decimal comma is read unless the cells were separated by commas. */
gboolean     ob_plate_grid_parse_number (const char *text,
                                         char        delimiter,
                                         double     *out);
GBytes      *ob_plate_grid_load        (const char  *path,
                                        GError     **error);

G_END_DECLS
