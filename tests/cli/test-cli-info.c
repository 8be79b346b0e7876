/* test-cli-info.c — `oncobench-cli info` as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

static JsonObject *
find_column (JsonObject *root,
             const char *name)
{
  JsonArray *columns = cli_get_array (root, "columns");

  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);

      if (g_str_equal (cli_get_string (column, "name"), name))
        return column;
    }
  g_error ("no column “%s” in the info output", name);
  return NULL;
}

static void
assert_levels (JsonObject         *column,
               const char * const *expected)
{
  JsonArray *levels = cli_get_array (column, "levels");
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (json_array_get_length (levels), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (levels, i), ==, expected[i]);
}

/* Writes text to a temporary file with the given suffix; returns its path. */
static char *
write_temp (const char *suffix,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat ("oncobench-cli-XXXXXX", suffix, NULL);
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_info_cohort (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  g_autoptr(CliResult) result = cli_run ("info", path, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char * const sex_levels[] = { "female", "male", NULL };
  const char * const tp53_levels[] = { "mutant", "wild-type", NULL };
  const char * const type_levels[] = { "frameshift", "missense", "none", "nonsense", NULL };
  JsonObject *column;

  g_assert_cmpstr (cli_get_string (root, "file"), ==, path);
  g_assert_cmpstr (cli_get_string (root, "encoding"), ==, "UTF-8");
  g_assert_cmpstr (cli_get_string (root, "delimiter"), ==, ",");
  g_assert_cmpint (cli_get_int (root, "rows"), ==, 124);
  /* 13 clinical columns, then the five co-altered genes of make-alk-alterations.R. */
  g_assert_cmpuint (json_array_get_length (cli_get_array (root, "columns")), ==, 18);
  g_assert_cmpuint (json_array_get_length (cli_get_array (root, "warnings")), ==, 0);

  column = find_column (root, "kras");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  g_assert_cmpint (cli_get_int (column, "missing"), ==, 0);

  column = find_column (root, "age");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "numeric");
  g_assert_cmpint (cli_get_int (column, "missing"), ==, 0);
  g_assert_false (json_object_has_member (column, "levels"));

  column = find_column (root, "pfs_months");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "numeric");

  column = find_column (root, "sex");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  assert_levels (column, sex_levels);

  column = find_column (root, "tp53_status");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  assert_levels (column, tp53_levels);

  column = find_column (root, "tp53_mutation_type");
  assert_levels (column, type_levels);

  /* The sample script blanks three smoking histories. */
  column = find_column (root, "smoking");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  g_assert_cmpint (cli_get_int (column, "missing"), ==, 3);
}

static void
test_info_cp932 (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort-ja.csv");
  g_autoptr(CliResult) result = cli_run ("info", path, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char * const sex_levels[] = { "女", "男", NULL };
  JsonObject *column;
  JsonArray *levels;

  g_assert_cmpstr (cli_get_string (root, "encoding"), ==, "CP932");
  g_assert_cmpint (cli_get_int (root, "rows"), ==, 124);

  column = find_column (root, "患者ID");
  g_assert_cmpint (cli_get_int (column, "missing"), ==, 0);
  column = find_column (root, "年齢");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "numeric");
  column = find_column (root, "無増悪生存期間_月");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "numeric");

  column = find_column (root, "性別");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  levels = cli_get_array (column, "levels");
  g_assert_cmpuint (json_array_get_length (levels), ==, 2);
  /* Whatever the collation, both labels come through as UTF-8. */
  g_assert_true ((g_str_equal (json_array_get_string_element (levels, 0), sex_levels[0]) &&
                  g_str_equal (json_array_get_string_element (levels, 1), sex_levels[1])) ||
                 (g_str_equal (json_array_get_string_element (levels, 0), sex_levels[1]) &&
                  g_str_equal (json_array_get_string_element (levels, 1), sex_levels[0])));

  column = find_column (root, "TP53状態");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  levels = cli_get_array (column, "levels");
  g_assert_cmpuint (json_array_get_length (levels), ==, 2);
}

static void
test_info_type_override (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  g_autoptr(CliResult) result = cli_run ("info", "--type", "line_of_therapy=categorical",
                                         "--type", "age=text", path, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char * const line_levels[] = { "1", "2", "3", NULL };
  JsonObject *column;

  column = find_column (root, "line_of_therapy");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "categorical");
  assert_levels (column, line_levels);

  column = find_column (root, "age");
  g_assert_cmpstr (cli_get_string (column, "type"), ==, "text");
}

/* Forcing text to numbers loses cells: the output says so rather than hiding it. */
static void
test_info_coercion_warning (void)
{
  g_autofree char *path = cli_sample_path ("aml.csv");
  g_autoptr(CliResult) result = cli_run ("info", "--type", "x=numeric", path, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *warnings = cli_get_array (root, "warnings");
  JsonObject *column = find_column (root, "x");

  g_assert_cmpstr (cli_get_string (column, "type"), ==, "numeric");
  g_assert_cmpint (cli_get_int (column, "missing"), ==, cli_get_int (root, "rows"));
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (warnings, 0), "x"));
}

static void
test_info_delimiters (void)
{
  const struct { const char *text; const char *delimiter; } cases[] = {
    { "id\tdose\tresponse\nA\t1.5\t0.2\nB\t3\t0.4\n", "\t" },
    { "id;dose;response\nA;1,5;0,2\nB;3;0,4\n", ";" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (".csv", cases[i].text, -1);
      g_autoptr(CliResult) result = cli_run ("info", path, NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));

      g_assert_cmpstr (cli_get_string (root, "delimiter"), ==, cases[i].delimiter);
      g_assert_cmpint (cli_get_int (root, "rows"), ==, 2);
      g_assert_cmpstr (cli_get_string (find_column (root, "dose"), "type"), ==, "numeric");
      g_assert_cmpstr (cli_get_string (find_column (root, "response"), "type"), ==, "numeric");
      g_unlink (path);
    }

  /* Told the delimiter, the reader splits there even where detection would not. */
  {
    g_autofree char *path = write_temp (".txt", "id|dose\nA,1|2\n", -1);
    g_autoptr(CliResult) result = cli_run ("info", "--delimiter", "|", path, NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);
    JsonObject *root = json_node_get_object (json_parser_get_root (parser));

    g_assert_cmpstr (cli_get_string (root, "delimiter"), ==, "|");
    g_assert_cmpuint (json_array_get_length (cli_get_array (root, "columns")), ==, 2);
    g_assert_cmpstr (cli_get_string (find_column (root, "id"), "type"), !=, "numeric");
    g_unlink (path);
  }
  {
    g_autofree char *path = cli_sample_path ("aml.csv");
    g_autoptr(CliResult) result = cli_run ("info", "--delimiter", "#", path, NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (result->exit_status, ==, 1);
    line = cli_result_error_line (result);
    g_assert_nonnull (strstr (line, "--delimiter"));
  }
}

static void
test_info_missing_file (void)
{
  g_autofree char *path = cli_sample_path ("no-such-table.csv");
  g_autoptr(CliResult) result = cli_run ("info", path, NULL);
  g_autofree char *line = NULL;

  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  line = cli_result_error_line (result);
  g_assert_true (g_str_has_prefix (line, path));
}

static void
test_info_bad_encoding (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort-ja.csv");
  g_autoptr(CliResult) result = cli_run ("info", "--encoding", "UTF-8", path, NULL);
  g_autofree char *line = NULL;
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:1:[0-9]+: .+", escaped);

  g_assert_cmpint (result->exit_status, ==, 1);
  line = cli_result_error_line (result);
  /* file:line:column: what — the first non-UTF-8 byte is in the header row. */
  g_assert_true (g_regex_match_simple (pattern, line, 0, 0));
}

static void
test_info_bad_quote (void)
{
  g_autofree char *path = write_temp (".csv", "id,dose\nA,1\nB,\"2\n", -1);
  g_autoptr(CliResult) result = cli_run ("info", path, NULL);
  g_autofree char *line = NULL;
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: .+", escaped);

  g_assert_cmpint (result->exit_status, ==, 1);
  line = cli_result_error_line (result);
  g_assert_true (g_regex_match_simple (pattern, line, 0, 0));
  g_unlink (path);
}

static void
test_info_bad_options (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");

  {
    g_autoptr(CliResult) result = cli_run ("info", "--type", "age=complex", path, NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (result->exit_status, ==, 1);
    line = cli_result_error_line (result);
    g_assert_nonnull (strstr (line, "--type"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("info", "--type", "nosuch=numeric", path, NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (result->exit_status, ==, 1);
    line = cli_result_error_line (result);
    g_assert_nonnull (strstr (line, "nosuch"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("info", "--no-such-option", path, NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (result->exit_status, ==, 1);
    line = cli_result_error_line (result);
    g_assert_nonnull (strstr (line, "--no-such-option"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("info", NULL);

    g_assert_cmpint (result->exit_status, ==, 1);
    g_free (cli_result_error_line (result));
  }
}

/* Every shipped sample must open cleanly: one row per line after the header, no warnings. */
static void
test_info_samples (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = cli_sample_path ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(CliResult) result = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *root;
      gsize len = 0;
      gint64 lines = 0;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      for (gsize i = 0; i < len; i++)
        lines += contents[i] == '\n';

      result = cli_run ("info", path, NULL);
      parser = cli_result_parse (result);
      root = json_node_get_object (json_parser_get_root (parser));
      g_test_message ("%s: %" G_GINT64_FORMAT " rows", name, cli_get_int (root, "rows"));
      g_assert_cmpint (cli_get_int (root, "rows"), ==, lines - 1);
      g_assert_cmpuint (json_array_get_length (cli_get_array (root, "warnings")), ==, 0);
      n_files++;
    }
  /* Seven synthetic sets with the Japanese copy, DNase, and the survival package's three. */
  g_assert_cmpuint (n_files, >=, 11);
}

static void
test_info_help (void)
{
  g_autoptr(CliResult) result = cli_run ("info", "--help", NULL);

  g_assert_cmpint (result->exit_status, ==, 0);
  g_assert_nonnull (strstr (result->out, "--type"));
  g_assert_nonnull (strstr (result->out, "--encoding"));
}

/* The command table itself: usage, unknown commands, version. */
static void
test_main_commands (void)
{
  {
    g_autoptr(CliResult) result = cli_run ("--help", NULL);

    g_assert_cmpint (result->exit_status, ==, 0);
    g_assert_nonnull (strstr (result->out, "info"));
    g_assert_nonnull (strstr (result->out, "survival"));
  }
  {
    const char *no_args[] = { NULL };
    g_autoptr(CliResult) result = cli_runv (no_args);

    g_assert_cmpint (result->exit_status, ==, 1);
    g_assert_nonnull (strstr (result->err, "info"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("frobnicate", NULL);

    g_assert_cmpint (result->exit_status, ==, 1);
    g_assert_nonnull (strstr (result->err, "frobnicate"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("--version", NULL);

    g_assert_cmpint (result->exit_status, ==, 0);
    g_assert_true (g_str_has_prefix (result->out, "oncobench-cli " PACKAGE_VERSION "\n"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/info/cohort", test_info_cohort);
  g_test_add_func ("/cli/info/cp932", test_info_cp932);
  g_test_add_func ("/cli/info/type-override", test_info_type_override);
  g_test_add_func ("/cli/info/coercion-warning", test_info_coercion_warning);
  g_test_add_func ("/cli/info/delimiters", test_info_delimiters);
  g_test_add_func ("/cli/info/missing-file", test_info_missing_file);
  g_test_add_func ("/cli/info/bad-encoding", test_info_bad_encoding);
  g_test_add_func ("/cli/info/bad-quote", test_info_bad_quote);
  g_test_add_func ("/cli/info/bad-options", test_info_bad_options);
  g_test_add_func ("/cli/info/samples", test_info_samples);
  g_test_add_func ("/cli/main/commands", test_main_commands);
  g_test_add_func ("/cli/info/help", test_info_help);

  return g_test_run ();
}
