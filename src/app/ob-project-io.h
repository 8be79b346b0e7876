/* ob-project-io.h: the window's work as a project, and back; saved and read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ob-project.h"
#include "ob-window.h"

G_BEGIN_DECLS

/* The datasets (embedded) and analyses (settings and figure size) the window shows, plus
 * analyses of a loaded project that no page here could show. */
ObProject  *ob_project_io_collect      (ObWindow    *window);
/* Adds the project's datasets and analyses to the window.  Analyses that cannot be shown (an
 * unknown kind, settings that do not fit) are kept to be saved again and described in the
 * returned text, one per line; NULL when everything was restored. */
char       *ob_project_io_restore      (ObWindow    *window,
                                        ObProject   *project);

/* Saves in a worker thread; the project is taken over. */
void        ob_project_io_save_async   (ObProject           *project,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    ob_project_io_save_finish  (GAsyncResult        *result,
                                        GError             **error);
void        ob_project_io_load_async   (const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
ObProject  *ob_project_io_load_finish  (GAsyncResult        *result,
                                        GError             **error);

/* A copy of an analysis record, for keeping one beyond its project. */
ObProjectAnalysis *ob_project_analysis_copy (const ObProjectAnalysis *analysis);
void               ob_project_analysis_free (ObProjectAnalysis       *analysis);

G_END_DECLS
