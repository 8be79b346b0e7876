/* ob-cli-common.h — pieces every oncobench-cli subcommand shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ob-cli-json.h"
#include "ob-csv-reader.h"

G_BEGIN_DECLS

/* Options every command that reads a table accepts. */
typedef struct
{
  char **types;        /* "COL=numeric", … (--type, repeatable) */
  char *encoding;      /* --encoding */
  char *delimiter;     /* --delimiter: ",", ";", "tab", "\t", "|" */
} ObCliInputOptions;

/* Adds --type, --encoding and --delimiter to a context; the strings land in options. */
void        ob_cli_input_options_add    (GOptionContext    *context,
                                         ObCliInputOptions *options);
void        ob_cli_input_options_clear  (ObCliInputOptions *options);

/* A subcommand's option context: @entries and the input options (landing in @input), under
 * @parameter_string and above @description, both already translated. */
GOptionContext *ob_cli_context_new      (const char         *parameter_string,
                                         const GOptionEntry *entries,
                                         ObCliInputOptions  *input,
                                         const char         *description);

/* Reads FILE with the user's overrides. */
ObDataset  *ob_cli_load_dataset         (const char              *path,
                                         const ObCliInputOptions *options,
                                         GError                 **error);

/* Parses the subcommand's argv; on failure prints one line and returns FALSE. */
gboolean    ob_cli_parse_options        (GOptionContext  *context,
                                         const char      *command,
                                         int             *argc,
                                         char          ***argv);

/* Prints an error as one line on stderr.  The importer's messages already read
 * "file:line:column: what"; others get the file (or the command) as prefix. */
void        ob_cli_print_error          (const char   *prefix,
                                         const GError *error);

/* JSON: numbers that are not finite become null, as JSON has no NaN. */
void        ob_cli_json_add_double      (JsonBuilder *builder,
                                         const char  *member,
                                         double       value);
void        ob_cli_json_add_int         (JsonBuilder *builder,
                                         const char  *member,
                                         gint64       value);
void        ob_cli_json_add_string      (JsonBuilder *builder,
                                         const char  *member,
                                         const char  *value);
void        ob_cli_json_add_double_value (JsonBuilder *builder,
                                          double       value);

/* --dpi between 72 and 2400, and --size or --dpi only with --figure: FALSE with a message
 * otherwise.  dpi 0 and size NULL: not given. */
gboolean    ob_cli_check_figure_options (const char  *figure,
                                         const char  *size,
                                         double       dpi,
                                         GError     **error);

/* A command's end: @error (NULL when it ran) printed under "oncobench-cli COMMAND" when the
 * options were at fault, under @file otherwise; else the analysis kept in @save_project when
 * asked.  Returns the exit status. */
int         ob_cli_finish               (const char         *command,
                                         const char         *analysis,
                                         const char         *file,
                                         const char         *save_project,
                                         const char * const *args,
                                         const GError       *error);

/* Splits "a,b,c" into a NULL-terminated vector, dropping empty items; NULL for NULL. */
char      **ob_cli_split_list           (const char *list);

G_END_DECLS
