/* test-cli-compare.c — `oncobench-cli compare` as a user runs it, against R
 * (tests/reference/group-tests.R → group-tests-cli.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

static JsonParser *fixture;

static double
expected_double (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static CliResult *
run_case (JsonObject *item)
{
  JsonArray *args = json_object_get_array_member (item, "args");
  g_autofree char *path = cli_sample_path (json_object_get_string_member (item, "file"));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "compare");
  g_ptr_array_add (argv, path);
  for (guint i = 0; i < json_array_get_length (args); i++)
    g_ptr_array_add (argv, (gpointer) json_array_get_string_element (args, i));
  g_ptr_array_add (argv, NULL);
  return cli_runv ((const char * const *) argv->pdata);
}

static void
check_case (JsonObject *item)
{
  g_autoptr(CliResult) result = run_case (item);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");
  JsonArray *expected_groups = json_object_get_array_member (item, "groups");
  JsonArray *posthoc = cli_get_array (root, "posthoc");
  JsonArray *expected_posthoc = json_object_get_array_member (item, "posthoc");

  g_assert_cmpstr (cli_get_string (root, "test"), ==, json_object_get_string_member (item, "test"));
  cli_assert_close (cli_get_double (root, "statistic"), expected_double (item, "statistic"), 1e-9,
                    "statistic");
  cli_assert_close (cli_get_double (root, "df"), expected_double (item, "df"), 1e-9, "df");
  if (json_object_has_member (root, "df2"))
    cli_assert_close (cli_get_double (root, "df2"), expected_double (item, "df2"), 1e-9, "df2");
  else
    g_assert_true (isnan (expected_double (item, "df2")));
  cli_assert_close (cli_get_double (root, "p"), expected_double (item, "p"), 1e-6, "p");
  g_assert_cmpint (cli_get_int (root, "excluded"), ==, 0);

  g_assert_cmpuint (json_array_get_length (groups), ==, json_array_get_length (expected_groups));
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *got = json_array_get_object_element (groups, g);
      JsonObject *want = json_array_get_object_element (expected_groups, g);
      static const char * const members[] = { "mean", "sd", "sem", "median", "q1", "q3" };
      JsonNode *normality = json_object_get_member (got, "normality");

      g_assert_cmpstr (cli_get_string (got, "name"), ==,
                       json_object_get_string_member (want, "name"));
      g_assert_cmpint (cli_get_int (got, "n"), ==, (gint64) expected_double (want, "n"));
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        cli_assert_close (cli_get_double (got, members[m]), expected_double (want, members[m]),
                          1e-9, members[m]);
      if (isnan (expected_double (want, "normality_p")))
        g_assert_true (JSON_NODE_HOLDS_NULL (normality));
      else
        cli_assert_close (cli_get_double (json_node_get_object (normality), "p"),
                          expected_double (want, "normality_p"), 1e-6, "Shapiro–Wilk p");
    }

  g_assert_cmpuint (json_array_get_length (posthoc), ==, json_array_get_length (expected_posthoc));
  for (guint i = 0; i < json_array_get_length (posthoc); i++)
    {
      JsonObject *got = json_array_get_object_element (posthoc, i);
      JsonObject *want = json_array_get_object_element (expected_posthoc, i);

      if (json_object_has_member (want, "within"))
        g_assert_cmpstr (cli_get_string (got, "within"), ==,
                         json_object_get_string_member (want, "within"));
      g_assert_cmpstr (cli_get_string (got, "a"), ==, json_object_get_string_member (want, "a"));
      g_assert_cmpstr (cli_get_string (got, "b"), ==, json_object_get_string_member (want, "b"));
      cli_assert_close (cli_get_double (got, "diff"), expected_double (want, "diff"), 1e-9, "diff");
      cli_assert_close (cli_get_double (got, "p_adj"), expected_double (want, "p_adj"), 1e-6,
                        "p_adj");
    }

  if (json_object_has_member (item, "terms"))
    {
      JsonArray *terms = cli_get_array (root, "terms");
      JsonArray *want = json_object_get_array_member (item, "terms");

      g_assert_cmpuint (json_array_get_length (terms), ==, 4);
      for (guint t = 0; t < 4; t++)
        {
          JsonObject *got_term = json_array_get_object_element (terms, t);
          JsonObject *want_term = json_array_get_object_element (want, t);

          cli_assert_close (cli_get_double (got_term, "df"), expected_double (want_term, "df"),
                            0, "term df");
          cli_assert_close (cli_get_double (got_term, "ss"), expected_double (want_term, "ss"),
                            1e-9, "term SS");
          cli_assert_close (cli_get_double (got_term, "F"),
                            expected_double (want_term, "statistic"), 1e-9, "term F");
          cli_assert_close (cli_get_double (got_term, "p"), expected_double (want_term, "p"),
                            1e-6, "term p");
        }
    }
}

static void
test_compare_cases (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));

  for (guint c = 0; c < json_array_get_length (list); c++)
    check_case (json_array_get_object_element (list, c));
}

static void
test_compare_tables (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "group-tests-cli-tables.json", NULL);
  g_autoptr(JsonParser) tables = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *list;

  json_parser_load_from_file (tables, path, &error);
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (tables));
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      g_autoptr(CliResult) result = run_case (item);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonArray *columns = cli_get_array (root, "columns");
      JsonArray *groups = cli_get_array (root, "groups");
      JsonArray *want_counts = json_object_get_array_member (item, "counts");
      JsonArray *want_columns = json_object_get_array_member (item, "columns");
      JsonArray *want_rows = json_object_get_array_member (item, "rows");
      guint n_cols = json_array_get_length (want_columns);

      g_assert_cmpstr (cli_get_string (root, "test"), ==,
                       json_object_get_string_member (item, "test"));
      g_assert_cmpint (cli_get_int (root, "n"), ==, (gint64) expected_double (item, "n"));
      g_assert_cmpint (cli_get_int (root, "excluded"), ==,
                       (gint64) expected_double (item, "excluded"));
      cli_assert_close (cli_get_double (root, "statistic"), expected_double (item, "statistic"),
                        1e-9, "X-squared");
      cli_assert_close (cli_get_double (root, "df"), expected_double (item, "df"), 0, "df");
      cli_assert_close (cli_get_double (root, "p"), expected_double (item, "p"), 1e-6, "p");
      if (!isnan (expected_double (item, "odds_ratio")))
        cli_assert_close (cli_get_double (root, "odds_ratio"),
                          expected_double (item, "odds_ratio"), 1e-6, "odds ratio");

      g_assert_cmpuint (json_array_get_length (columns), ==, n_cols);
      for (guint k = 0; k < n_cols; k++)
        g_assert_cmpstr (json_array_get_string_element (columns, k), ==,
                         json_array_get_string_element (want_columns, k));
      g_assert_cmpuint (json_array_get_length (groups), ==, json_array_get_length (want_rows));
      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonObject *group = json_array_get_object_element (groups, g);
          JsonArray *counts = cli_get_array (group, "counts");

          g_assert_cmpstr (cli_get_string (group, "name"), ==,
                           json_array_get_string_element (want_rows, g));
          for (guint k = 0; k < n_cols; k++)
            g_assert_cmpint (json_array_get_int_element (counts, k), ==,
                             json_array_get_int_element (want_counts, g * n_cols + k));
        }
    }
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("oncobench-compare-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Rows without a value or a group are left out, counted and described. */
static void
test_compare_excluded (void)
{
  g_autofree char *path = write_temp ("value,arm\n1.5,a\nNA,a\n2.5,a\n3,b\n,b\n4,b\n6,\n5.5,b\n");
  g_autoptr(CliResult) result = cli_run ("compare", path, "--value", "value", "--group", "arm",
                                         NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");

  /* Two groups: Welch by default; a = 1.5, 2.5 and b = 3, 4, 5.5 as t.test(a, b). */
  g_assert_cmpstr (cli_get_string (root, "test"), ==, "welch");
  g_assert_cmpint (cli_get_int (root, "n"), ==, 5);
  g_assert_cmpint (cli_get_int (root, "excluded"), ==, 3);
  g_assert_cmpuint (json_array_get_length (cli_get_array (root, "exclusions")), ==, 2);
  g_assert_cmpint (cli_get_int (json_array_get_object_element (groups, 0), "n"), ==, 2);
  g_assert_cmpint (cli_get_int (json_array_get_object_element (groups, 1), "n"), ==, 3);
  /* Two values are too few for Shapiro–Wilk: reported as null. */
  g_assert_true (JSON_NODE_HOLDS_NULL (
    json_object_get_member (json_array_get_object_element (groups, 0), "normality")));
  g_assert_cmpfloat (cli_get_double (root, "statistic"), <, 0);
  g_unlink (path);
}

static void
expect_error (const char *contains,
              const char *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(CliResult) result = NULL;
  g_autofree char *line = NULL;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  result = cli_runv ((const char * const *) argv->pdata);
  g_assert_cmpint (result->exit_status, !=, 0);
  g_assert_cmpstr (result->out, ==, "");
  line = cli_result_error_line (result);
  if (strstr (line, contains) == NULL)
    g_error ("expected “%s” in the error “%s”", contains, line);
}

/* Rows shuffled and one partner missing: --id pairs them as R's match() does. */
static void
test_compare_paired_id (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference",
                                                 "group-tests-cli-paired.json", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "groups",
                                                 "sleep-shuffled.csv", NULL);
  g_autoptr(JsonParser) expected = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *item, *root, *ci;

  json_parser_load_from_file (expected, path, &error);
  g_assert_no_error (error);
  item = json_array_get_object_element (json_node_get_array (json_parser_get_root (expected)), 0);
  result = cli_run ("compare", data, "--value", "extra", "--group", "group", "--test", "paired",
                    "--id", "ID", NULL);
  parser = cli_result_parse (result);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (cli_get_int (root, "pairs"), ==, (gint64) expected_double (item, "pairs"));
  g_assert_cmpint (cli_get_int (root, "unpaired"), ==,
                   (gint64) expected_double (item, "unpaired"));
  cli_assert_close (cli_get_double (root, "statistic"), expected_double (item, "statistic"), 1e-9,
                    "t");
  cli_assert_close (cli_get_double (root, "df"), expected_double (item, "df"), 0, "df");
  cli_assert_close (cli_get_double (root, "p"), expected_double (item, "p"), 1e-6, "p");
  ci = cli_get_object (root, "ci");
  cli_assert_close (cli_get_double (ci, "estimate"), expected_double (item, "estimate"), 1e-9,
                    "mean difference");
  cli_assert_close (cli_get_double (ci, "lower"), expected_double (item, "lower"), 1e-6, "lower");
  cli_assert_close (cli_get_double (ci, "upper"), expected_double (item, "upper"), 1e-6, "upper");

  expect_error ("occurs twice", "compare", data, "--value", "extra", "--group", "group",
                "--test", "paired", "--id", "group", NULL);
  expect_error ("--id pairs", "compare", data, "--value", "extra", "--group", "group",
                "--id", "ID", NULL);
  expect_error ("“patient” is not in the table", "compare", data, "--value", "extra", "--group",
                "group", "--test", "paired", "--id", "patient", NULL);
}

static void
test_compare_errors (void)
{
  g_autofree char *csf = cli_sample_path ("csf-areg.csv");
  g_autofree char *apoptosis = cli_sample_path ("apoptosis.csv");
  g_autofree char *alk = cli_sample_path ("alk-cohort.csv");

  expect_error ("--value COL and --group COL", "compare", csf, "--group", "group", NULL);
  expect_error ("--test “t”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--test", "t", NULL);
  expect_error ("--posthoc “holm”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--posthoc", "holm", NULL);
  expect_error ("3 groups", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--test", "welch", NULL);
  expect_error ("no group “EGFR”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--pair", "no LMC,EGFR", NULL);
  {
    g_autoptr(GString) many = g_string_new ("value,id\n");
    g_autofree char *path = NULL;

    for (guint i = 0; i < 250; i++)
      g_string_append_printf (many, "%u.5,P%u\n%u,P%u\n", i, i, i, i);
    path = write_temp (many->str);
    expect_error ("“id” has 250 different values", "compare", path, "--value", "value",
                  "--group", "id", NULL);
    g_unlink (path);
  }
  expect_error ("not numeric", "compare", csf, "--value", "group", "--group", "areg_pg_ml",
                NULL);
  expect_error ("“dose” is not in the table", "compare", csf, "--value", "areg_pg_ml",
                "--group", "dose", NULL);
  expect_error ("--pair chooses", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--test", "kruskal", "--pair", "no LMC,ALK-TKI-resistant LMC", NULL);
  expect_error ("sidak", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--posthoc", "sidak", NULL);
  expect_error ("--factor2", "compare", apoptosis, "--value", "apoptosis_pct", "--group",
                "treatment", "--test", "twoway", NULL);
  expect_error ("2 × 2 table", "compare", alk, "--value", "smoking", "--group", "tp53_status",
                "--test", "fisher", NULL);
  expect_error ("same number of values", "compare", csf, "--value", "areg_pg_ml", "--group",
                "group", "--test", "paired", "--pair", "no LMC,EGFR-TKI-resistant LMC", NULL);
}

static void
assert_file_starts (const char *path,
                    const char *magic,
                    gsize       len)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (contents, len, magic, len);
}

/* --figure writes the chart next to the JSON, which stays as without it. */
static void
test_compare_figure (void)
{
  static const char * const charts[] = { "dot", "bar", "box", "violin" };
  g_autofree char *csf = cli_sample_path ("csf-areg.csv");
  g_autofree char *apoptosis = cli_sample_path ("apoptosis.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-cli-compare-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "csf.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "apoptosis.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "pair.svg", NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(CliResult) plain = cli_run ("compare", csf, "--value", "areg_pg_ml", "--group",
                                            "group", "--test", "kruskal", NULL);
      g_autoptr(CliResult) result = cli_run ("compare", csf, "--value", "areg_pg_ml", "--group",
                                             "group", "--test", "kruskal", "--posthoc", "dunn",
                                             "--chart", charts[i], "--error", "sem",
                                             "--figure", pdf, "--size", "89x70",
                                             i % 2 ? "--log" : NULL, NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);

      g_assert_cmpstr (result->out, ==, plain->out);
      assert_file_starts (pdf, "%PDF-", 5);
      g_unlink (pdf);
    }
  {
    g_autoptr(CliResult) result = cli_run ("compare", apoptosis, "--value", "apoptosis_pct",
                                           "--group", "cell_line", "--factor2", "treatment",
                                           "--figure", png, "--size", "120x80", "--dpi", "100",
                                           NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);
    g_autofree char *contents = NULL;
    gsize size;

    g_file_get_contents (png, &contents, &size, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (size, >, 24);
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
    /* IHDR: width and height in pixels, big-endian, for 120 × 80 mm at 100 dpi. */
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 473);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 315);
    g_unlink (png);
  }
  {
    g_autoptr(CliResult) result = cli_run ("compare", csf, "--value", "areg_pg_ml", "--group",
                                           "group", "--pair", "no LMC,EGFR-TKI-resistant LMC",
                                           "--figure", svg, NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);

    assert_file_starts (svg, "<?xml", 5);
    g_unlink (svg);
  }

  expect_error ("--chart “pie”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--chart", "pie", "--figure", pdf, NULL);
  expect_error ("--error “se”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--error", "se", "--figure", pdf, NULL);
  expect_error ("--figure FILE", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--chart", "box", NULL);
  expect_error ("--size “10x10”", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--size", "10x10", "--figure", pdf, NULL);
  expect_error ("--dpi", "compare", csf, "--value", "areg_pg_ml", "--group", "group",
                "--dpi", "20", "--figure", png, NULL);
  {
    g_autofree char *path = write_temp ("value,arm\n0,a\n1,a\n2,b\n3,b\n");

    expect_error ("1 value is zero or negative", "compare", path, "--value", "value",
                  "--group", "arm", "--log", "--figure", pdf, NULL);
    g_unlink (path);
  }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "reference", "group-tests-cli.json", NULL);
  fixture = json_parser_new ();
  json_parser_load_from_file (fixture, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/compare/against-r", test_compare_cases);
  g_test_add_func ("/cli/compare/tables", test_compare_tables);
  g_test_add_func ("/cli/compare/paired-id", test_compare_paired_id);
  g_test_add_func ("/cli/compare/excluded", test_compare_excluded);
  g_test_add_func ("/cli/compare/errors", test_compare_errors);
  g_test_add_func ("/cli/compare/figure", test_compare_figure);

  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
