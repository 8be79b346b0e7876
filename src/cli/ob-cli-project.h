/* ob-cli-project.h — analyses of oncobench-cli kept in, and re-run from, a project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ob-cli-common.h"
#include "ob-plot-export.h"
#include "ob-project.h"

G_BEGIN_DECLS

/* The table an analysis command works on: FILE read with the user's overrides, or the
 * project's embedded dataset while `render` re-runs an analysis.  The last table read is
 * kept for ob_cli_project_save_analysis(). */
ObDataset  *ob_cli_project_open_dataset    (const char              *path,
                                            const ObCliInputOptions *input,
                                            GError                 **error);
/* For a table read another way (a plate reader's grid): kept as if opened above. */
void        ob_cli_project_keep_dataset    (ObDataset               *dataset);
/* Makes ob_cli_project_open_dataset() return dataset, whatever the path; NULL ends it. */
void        ob_cli_project_use_dataset     (ObDataset               *dataset);
/* While a project's analysis is re-run: the file its dataset was read from and that file's
 * SHA-256, as the project recorded them (either may be NULL), for the figure's recipe. */
void        ob_cli_project_use_source      (const char              *source_path,
                                            const char              *sha256);

/* The running command's arguments as typed (args[0] = the command), NULL-terminated: what
 * a figure's recipe records.  NULL forgets them. */
void        ob_cli_project_set_command     (const char * const      *args);
/* Writes a command's figure as ob_plot_export() does, carrying its recipe: kind, the
 * options as --save-project records them, and the data file read with the SHA-256 of its
 * bytes (while render re-runs a project: the file and checksum the project recorded for the
 * embedded table). */
gboolean    ob_cli_project_export_figure   (const char              *kind,
                                            ObPlotFormat             format,
                                            const char              *path,
                                            double                   width_mm,
                                            double                   height_mm,
                                            double                   dpi,
                                            ObPlotDrawFunc           draw,
                                            gpointer                 user_data,
                                            GError                 **error);

/* Adds the analysis just run to the project at project_path, creating the file if needed:
 * the table read from data_path (embedded once per file and checksum) and the command's
 * options as given in args (the subcommand's argv before parsing, NULL-terminated). */
gboolean    ob_cli_project_save_analysis   (const char          *project_path,
                                            const char          *kind,
                                            const char          *data_path,
                                            const char * const  *args,
                                            GError             **error);

/* The arguments that re-run an analysis on its dataset (argv[0] = kind, argv[1] = the
 * dataset's name), writing its figure to figure_path with the analysis' figure style, the
 * format taken from figure_path. */
char      **ob_cli_project_analysis_argv   (const ObProjectAnalysis *analysis,
                                            const char              *figure_path);

G_END_DECLS
