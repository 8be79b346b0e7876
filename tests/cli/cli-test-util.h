/* cli-test-util.h — running oncobench-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  int exit_status;
  char *out;
  char *err;
} CliResult;

/* Runs $OB_CLI with the arguments (NULL-terminated) and collects its output. */
CliResult  *cli_run              (const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
CliResult  *cli_runv             (const char * const *args);
void        cli_result_free      (CliResult *result);

/* Asserts exit 0 and returns stdout parsed as a JSON object (owned by the returned parser). */
JsonParser *cli_result_parse     (const CliResult *result);

/* A file under data/samples of the source tree. */
char       *cli_sample_path      (const char *name);

/* Asserts that stderr holds exactly one line, and returns it without the newline. */
char       *cli_result_error_line (const CliResult *result);

/* Member lookups that fail the test when absent or of the wrong type. */
JsonObject *cli_get_object       (JsonObject *object, const char *member);
JsonArray  *cli_get_array        (JsonObject *object, const char *member);
const char *cli_get_string       (JsonObject *object, const char *member);
gint64      cli_get_int          (JsonObject *object, const char *member);
/* NAN for null. */
double      cli_get_double       (JsonObject *object, const char *member);

/* Relative comparison; both NAN (null) counts as equal. */
void        cli_assert_close     (double actual, double expected, double rel_tol,
                                  const char *what);

/* A new directory under the temporary directory, named after tmpl ("ob-render-XXXXXX"). */
char       *cli_make_temp_dir    (const char *tmpl);
/* Removes path and, for a directory, everything below it. */
void        cli_remove_tree      (const char *path);
/* The whole file; fails the test when it cannot be read. */
GBytes     *cli_read_bytes       (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

G_END_DECLS
