/* ob-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ob-dataset.h"

G_BEGIN_DECLS

#define OB_TYPE_WINDOW (ob_window_get_type ())
G_DECLARE_FINAL_TYPE (ObWindow, ob_window, OB, WINDOW, AdwApplicationWindow)

ObWindow  *ob_window_new             (AdwApplication *application);
/* Reads @file in a worker thread; errors and import warnings are shown in the window. */
void       ob_window_open_file       (ObWindow       *self,
                                      GFile          *file);
/* Reads @file in the calling thread and shows it; for tests and scripted use. */
gboolean   ob_window_load_file_sync  (ObWindow       *self,
                                      GFile          *file,
                                      GError        **error);
/* The dataset shown or analysed in the selected page, or NULL when nothing is open. */
ObDataset *ob_window_get_dataset     (ObWindow       *self);
/* The folder of bundled sample datasets: installed, else the source tree; NULL if neither. */
char      *ob_window_find_samples_dir (void);

/* The .oncobench file the window's work was last saved to or read from, or NULL. */
const char *ob_window_get_project_path    (ObWindow       *self);
/* Analyses (or a project) changed since the last save: closing would ask. */
gboolean    ob_window_has_unsaved_changes (ObWindow       *self);
/* Save and open in the calling thread; for tests and scripted use.  A failed save keeps the
 * window's work and its unsaved state. */
gboolean    ob_window_save_project_sync   (ObWindow       *self,
                                           const char     *path,
                                           GError        **error);
/* Shows the project in this window, whatever it held. */
gboolean    ob_window_load_project_sync   (ObWindow       *self,
                                           const char     *path,
                                           GError        **error);

/* F5: the project's figures full screen, from the selected analysis; NULL without figures. */
GtkWidget  *ob_window_present_figures     (ObWindow       *self);

/* Linked selection: the analyses of dataset that take filters (survival, subgroups, compare)
 * keep only the rows where column holds level, in place of any filter they had on that
 * column.  Returns how many analyses took it. */
guint       ob_window_apply_filter        (ObWindow       *self,
                                           ObDataset      *dataset,
                                           const char     *column,
                                           const char     *level);

G_END_DECLS
