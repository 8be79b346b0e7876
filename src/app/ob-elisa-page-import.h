/* ob-elisa-page-import.h: a plate reader's grid and its plate map opened as an ELISA analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-window.h"

G_BEGIN_DECLS

/* Reads the first block of responses in grid_path with the plate map in map_path (as
 * `oncobench-cli elisa --grid --map`), adds the wells in long form to the window as a
 * dataset (a project saved then holds it), and opens an ELISA analysis on it.  Returns the
 * page, owned by the window, or NULL with an error that names file, line and column. */
GtkWidget *ob_elisa_page_import_grid        (ObWindow   *window,
                                             const char *grid_path,
                                             const char *map_path,
                                             GError    **error);

/* "win.import-plate-grid": asks for the grid file, then for its plate map. */
void       ob_elisa_page_import_grid_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

G_END_DECLS
