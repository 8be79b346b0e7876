/* ob-cli.h — subcommands of oncobench-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes argv with argv[0] = the subcommand name; returns EXIT_SUCCESS / EXIT_FAILURE. */
int ob_cli_info     (int argc, char **argv);
int ob_cli_survival (int argc, char **argv);
int ob_cli_compare  (int argc, char **argv);
int ob_cli_elisa    (int argc, char **argv);
int ob_cli_render   (int argc, char **argv);
int ob_cli_recipe   (int argc, char **argv);
int ob_cli_growth   (int argc, char **argv);
int ob_cli_crosstab (int argc, char **argv);
int ob_cli_table1   (int argc, char **argv);
int ob_cli_subgroups (int argc, char **argv);
int ob_cli_landscape (int argc, char **argv);

G_END_DECLS
