/* test-cli-bad-input.c — hostile and broken files given to `oncobench-cli`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file in tests/data/bad/ (and two too large to keep there, written here) must give
 * either exit status 1 with one exact error line naming the file, or a correct result whose
 * warnings say what was skipped.  Never a crash, a hang or a row dropped without a word.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

#define NOT_UTF8 "the file is neither UTF-8 nor Shift_JIS (CP932); save the file as UTF-8 " \
                 "(in Excel: “CSV UTF-8”) and import it again"

static char *
bad_path (const char *name)
{
  const char *srcdir = g_getenv ("OB_SOURCE_DIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "tests", "data", "bad", name, NULL);
}

/* Runs the command on the file and requires exit 1 and exactly "PATH<suffix>" on stderr. */
static void
assert_error (const char *command,
              const char *name,
              const char *suffix,
              const char *extra_arg)
{
  g_autofree char *path = bad_path (name);
  g_autofree char *expected = g_strconcat (path, suffix, NULL);
  const char *args[] = {
    command, path,
    "--time=time", "--event=status", "--group=group", extra_arg, NULL
  };
  g_autoptr(CliResult) result = NULL;
  g_autofree char *line = NULL;

  /* info takes no survival options. */
  if (g_str_equal (command, "info"))
    args[2] = NULL;
  result = cli_runv (args);
  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  line = cli_result_error_line (result);
  g_assert_cmpstr (line, ==, expected);
}

static JsonParser *
run_ok (const char *first_arg,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliResult) result = NULL;
  const char *arg;
  va_list ap;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  result = cli_runv ((const char * const *) args->pdata);
  g_assert_cmpstr (result->err, ==, "");
  return cli_result_parse (result);
}

static gboolean
has_string (JsonArray  *array,
            const char *str)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_array_get_string_element (array, i), str))
      return TRUE;
  return FALSE;
}

static void
test_empty (void)
{
  assert_error ("info", "empty.csv",
                ": the file is empty; choose a file with a header line and data rows", NULL);
  assert_error ("survival", "empty.csv",
                ": the file is empty; choose a file with a header line and data rows", NULL);
}

static void
test_header_only (void)
{
  assert_error ("info", "header-only.csv", ": the file has a header line but no data rows", NULL);
  assert_error ("survival", "header-only.csv", ": the file has a header line but no data rows",
                NULL);
}

static void
test_unterminated_quote (void)
{
  const char *suffix = ":3:5: unterminated quoted field; close the quote or re-export the file";

  assert_error ("info", "unterminated-quote.csv", suffix, NULL);
  assert_error ("survival", "unterminated-quote.csv", suffix, NULL);
}

static void
test_invalid_utf8 (void)
{
  assert_error ("info", "invalid-utf8.csv", ":3:6: " NOT_UTF8, NULL);
  assert_error ("survival", "invalid-utf8.csv", ":3:6: " NOT_UTF8, NULL);
}

static void
test_binary_garbage (void)
{
  assert_error ("info", "binary-garbage.bin", ":1:1: " NOT_UTF8, NULL);
  assert_error ("survival", "binary-garbage.bin", ":1:1: " NOT_UTF8, NULL);
}

/* Rows 3 and 5 have two and four fields: both are skipped and named, the rest is analysed. */
static void
test_ragged (void)
{
  g_autofree char *path = bad_path ("ragged.csv");
  const char *warning = "Skipped 2 rows whose number of fields differs from the header’s 3; "
                        "lines (fields): 3 (2), 5 (4).";
  g_autoptr(JsonParser) info = run_ok ("info", path, NULL);
  g_autoptr(JsonParser) surv = run_ok ("survival", path, "--time=time", "--event=status",
                                       "--group=group", "--no-steps", NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (info));

  g_assert_cmpint (cli_get_int (root, "rows"), ==, 3);
  g_assert_true (has_string (cli_get_array (root, "warnings"), warning));
  root = json_node_get_object (json_parser_get_root (surv));
  g_assert_cmpint (cli_get_int (root, "n"), ==, 3);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 2);
  g_assert_true (has_string (cli_get_array (root, "warnings"), warning));
}

/* NaN is a missing marker: the row is left out and counted. */
static void
test_nan_time (void)
{
  g_autofree char *path = bad_path ("nan-times.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--no-steps", NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *exclusions = cli_get_array (root, "exclusions");

  g_assert_cmpint (cli_get_int (root, "n"), ==, 5);
  g_assert_cmpint (cli_get_int (root, "excluded"), ==, 1);
  g_assert_cmpuint (json_array_get_length (exclusions), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (exclusions, 0), ==,
                   "1 row with a missing time");
}

static void
test_inf_time (void)
{
  assert_error ("survival", "inf-times.csv",
                ": The time column “time” holds text, not numbers; choose a numeric column",
                NULL);
}

/* Read as numeric on request, "Inf" becomes a missing cell that is reported, then excluded. */
static void
test_inf_time_numeric (void)
{
  g_autofree char *path = bad_path ("inf-times.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--type=time=numeric", "--no-steps",
                                         NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (cli_get_int (root, "n"), ==, 5);
  g_assert_cmpint (cli_get_int (root, "excluded"), ==, 1);
  g_assert_true (has_string (cli_get_array (root, "warnings"),
                             "Column “time” is numeric: 1 cell could not be read as such and is "
                             "missing (line 3, column 1: “Inf”)."));
}

static void
test_negative_time (void)
{
  assert_error ("survival", "negative-times.csv",
                ": Row 2 has the time -3 in column “time”; survival times must be finite and "
                "not negative", NULL);
}

/* 1e999 overflows to an infinite number, as R's read.csv reads it, and is refused as a time. */
static void
test_overflow_time (void)
{
  assert_error ("survival", "overflow-times.csv",
                ": Row 2 has the time inf in column “time”; survival times must be finite and "
                "not negative", NULL);
}

/* Status 3 and 2 are neither 0/1 nor 1/2 coding. */
static void
test_event_codes (void)
{
  assert_error ("survival", "event-codes.csv",
                ": The event column “status” is neither 0/1 nor 1/2 coded (row 2 holds 3); name "
                "the values that mean an event with --event-values", NULL);
  assert_error ("survival", "event-codes.csv",
                ": The event value “4” does not occur in column “status”; check --event-values",
                "--event-values=4");
}

/* Named event values: everything else is censored, and every row is still counted. */
static void
test_event_codes_named (void)
{
  g_autofree char *path = bad_path ("event-codes.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--event-values=1,3", "--no-steps",
                                         NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");

  g_assert_cmpint (cli_get_int (root, "n"), ==, 6);
  g_assert_cmpint (cli_get_int (root, "excluded"), ==, 0);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 3);
  g_assert_cmpint (cli_get_int (json_array_get_object_element (groups, 0), "events"), ==, 3);
  g_assert_cmpint (cli_get_int (json_array_get_object_element (groups, 1), "events"), ==, 0);
}

/* Group b has no events: its median is not reached and the Cox model says it is unreliable. */
static void
test_group_without_events (void)
{
  g_autofree char *path = bad_path ("group-no-events.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--no-steps", NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *b = json_array_get_object_element (cli_get_array (root, "groups"), 1);
  JsonObject *cox = cli_get_object (root, "cox");

  g_assert_cmpstr (cli_get_string (b, "name"), ==, "b");
  g_assert_cmpint (cli_get_int (b, "events"), ==, 0);
  g_assert_true (isnan (cli_get_double (b, "median")));
  g_assert_false (json_object_get_boolean_member (cox, "converged"));
  g_assert_true (has_string (cli_get_array (root, "warnings"), cli_get_string (cox, "warning")));
}

static void
test_single_group (void)
{
  g_autofree char *path = bad_path ("single-group.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--no-steps", NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");

  g_assert_cmpuint (json_array_get_length (groups), ==, 1);
  g_assert_cmpint (cli_get_int (json_array_get_object_element (groups, 0), "n"), ==, 5);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 3);
  g_assert_true (!json_object_has_member (root, "test")
                 || JSON_NODE_HOLDS_NULL (json_object_get_member (root, "test")));
}

/* As R's survfit: flat curves, no median; survdiff and coxph would give NA, so neither the test
 * nor the Cox model is reported, and a warning says why. */
static void
test_all_censored (void)
{
  g_autofree char *path = bad_path ("all-censored.csv");
  g_autoptr(JsonParser) parser = run_ok ("survival", path, "--time=time", "--event=status",
                                         "--group=group", "--no-steps", NULL);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");

  g_assert_cmpint (cli_get_int (root, "n"), ==, 5);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 0);
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  for (guint g = 0; g < 2; g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);

      g_assert_cmpint (cli_get_int (group, "events"), ==, 0);
      g_assert_true (isnan (cli_get_double (group, "median")));
    }
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "test")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "cox")));
  g_assert_true (has_string (cli_get_array (root, "warnings"),
                             "No row has an event: every curve stays at 1 and there is nothing "
                             "to test or to fit a Cox model to."));
}

/* Writes a generated file to a temporary path. */
static char *
write_temp (const char *suffix,
            const char *contents,
            gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat ("oncobench-bad-XXXXXX", suffix, NULL);
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, (gssize) len, &error);
  g_assert_no_error (error);
  return path;
}

/* A 5 MB field is a level like any other. */
static void
test_huge_field (void)
{
  const gsize field = 5 * 1024 * 1024;
  g_autoptr(GString) text = g_string_new ("time,status,note\n5,1,");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) info = NULL;
  g_autoptr(JsonParser) surv = NULL;
  JsonObject *root;

  for (gsize i = 0; i < field; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n6,0,short\n7,1,short\n");
  path = write_temp (".csv", text->str, text->len);

  info = run_ok ("info", path, NULL);
  root = json_node_get_object (json_parser_get_root (info));
  g_assert_cmpint (cli_get_int (root, "rows"), ==, 3);
  g_assert_cmpuint (json_array_get_length (cli_get_array (root, "warnings")), ==, 0);

  surv = run_ok ("survival", path, "--time=time", "--event=status", "--no-steps", NULL);
  root = json_node_get_object (json_parser_get_root (surv));
  g_assert_cmpint (cli_get_int (root, "n"), ==, 3);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 2);
  g_unlink (path);
}

/* 10,000 columns, read in one go; the last one is as complete as the first. */
static void
test_many_columns (void)
{
  const guint n_columns = 10000;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) info = NULL;
  g_autoptr(JsonParser) surv = NULL;
  JsonObject *root;
  JsonArray *columns;
  JsonObject *last;

  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (text, c == 0 ? "c%u" : ",c%u", c);
  g_string_append_c (text, '\n');
  for (guint r = 0; r < 6; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (text, c == 0 ? "%u" : ",%u", (r * 7 + c) % 13);
      g_string_append_c (text, '\n');
    }
  path = write_temp (".csv", text->str, text->len);

  info = run_ok ("info", path, NULL);
  root = json_node_get_object (json_parser_get_root (info));
  columns = cli_get_array (root, "columns");
  g_assert_cmpint (cli_get_int (root, "rows"), ==, 6);
  g_assert_cmpuint (json_array_get_length (columns), ==, n_columns);
  last = json_array_get_object_element (columns, n_columns - 1);
  g_assert_cmpstr (cli_get_string (last, "name"), ==, "c9999");
  g_assert_cmpstr (cli_get_string (last, "type"), ==, "numeric");
  g_assert_cmpint (cli_get_int (last, "missing"), ==, 0);

  /* The last column holds the times 2, 9, 3, 10, 4, 11; the first is 0 in the first row only. */
  surv = run_ok ("survival", path, "--time=c9999", "--event=c0", "--event-values=0",
                 "--no-steps", NULL);
  root = json_node_get_object (json_parser_get_root (surv));
  g_assert_cmpint (cli_get_int (root, "n"), ==, 6);
  g_assert_cmpint (cli_get_int (root, "events"), ==, 1);
  g_unlink (path);
}

/* Every group holds one value over and over: no test on the variance can be computed, and R
 * says so too (t.test: "data are essentially constant"; aov: an F of 4e31). */
static void
test_zero_variance (void)
{
  static const struct
  {
    const char *test;
    const char *message;
  } cases[] = {
    { "anova", ": The values do not vary within the groups: the test cannot be computed" },
    { "welch", ": The data are essentially constant: a t test cannot be computed" },
    { "student", ": The data are essentially constant: a t test cannot be computed" },
  };
  g_autofree char *path = bad_path ("zero-variance.csv");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test = g_strconcat ("--test=", cases[i].test, NULL);
      g_autofree char *expected = g_strconcat (path, cases[i].message, NULL);
      const char *args[] = {
        "compare", path, "--value=value", "--group=group", test,
        g_str_equal (cases[i].test, "anova") ? NULL : "--pair=a,b", NULL
      };
      g_autoptr(CliResult) result = cli_runv (args);
      g_autofree char *line = NULL;

      g_assert_cmpint (result->exit_status, ==, 1);
      g_assert_cmpstr (result->out, ==, "");
      line = cli_result_error_line (result);
      g_assert_cmpstr (line, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/bad-input/empty", test_empty);
  g_test_add_func ("/cli/bad-input/header-only", test_header_only);
  g_test_add_func ("/cli/bad-input/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/cli/bad-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/cli/bad-input/binary-garbage", test_binary_garbage);
  g_test_add_func ("/cli/bad-input/ragged", test_ragged);
  g_test_add_func ("/cli/bad-input/nan-time", test_nan_time);
  g_test_add_func ("/cli/bad-input/inf-time", test_inf_time);
  g_test_add_func ("/cli/bad-input/inf-time-numeric", test_inf_time_numeric);
  g_test_add_func ("/cli/bad-input/negative-time", test_negative_time);
  g_test_add_func ("/cli/bad-input/overflow-time", test_overflow_time);
  g_test_add_func ("/cli/bad-input/event-codes", test_event_codes);
  g_test_add_func ("/cli/bad-input/event-codes-named", test_event_codes_named);
  g_test_add_func ("/cli/bad-input/group-without-events", test_group_without_events);
  g_test_add_func ("/cli/bad-input/single-group", test_single_group);
  g_test_add_func ("/cli/bad-input/all-censored", test_all_censored);
  g_test_add_func ("/cli/bad-input/huge-field", test_huge_field);
  g_test_add_func ("/cli/bad-input/many-columns", test_many_columns);
  g_test_add_func ("/cli/bad-input/zero-variance", test_zero_variance);
  return g_test_run ();
}
