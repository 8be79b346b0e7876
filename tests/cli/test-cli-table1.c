/* test-cli-table1.c — `oncobench-cli table1` against R (tests/reference/table1.R)
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
r_double (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static double
r_element (JsonObject *object,
           const char *member,
           guint       index)
{
  JsonNode *node = json_array_get_element (json_object_get_array_member (object, member), index);

  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static char *
join_member (JsonObject *item,
             const char *member)
{
  JsonArray *array = json_object_get_array_member (item, member);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            json_array_get_string_element (array, i));
  return g_string_free (out, FALSE);
}

static CliResult *
run_case (JsonObject *item,
          const char *extra_flag,
          const char *extra_value)
{
  g_autofree char *path = cli_sample_path (json_object_get_string_member (item, "file"));
  g_autofree char *vars = join_member (item, "variables");
  g_autofree char *nonnormal = join_member (item, "nonnormal");
  g_autofree char *categorical = join_member (item, "categorical");
  const char *argv[16] = { "table1", path, "--group", json_object_get_string_member (item, "group"),
                           "--vars", vars };
  guint n = 6;

  if (*nonnormal != '\0')
    {
      argv[n++] = "--nonnormal";
      argv[n++] = nonnormal;
    }
  if (*categorical != '\0')
    {
      argv[n++] = "--categorical";
      argv[n++] = categorical;
    }
  if (extra_flag != NULL)
    {
      argv[n++] = extra_flag;
      argv[n++] = extra_value;
    }
  return cli_runv (argv);
}

/* The variable's own row, then one row per level. */
static void
check_variable (JsonArray  *rows,
                guint      *at,
                JsonObject *expected,
                guint       n_groups)
{
  JsonObject *row = json_array_get_object_element (rows, (*at)++);
  const char *name = json_object_get_string_member (expected, "name");
  gboolean categorical = json_object_get_boolean_member (expected, "categorical");
  JsonArray *groups = cli_get_array (row, "groups");

  g_assert_cmpstr (cli_get_string (row, "variable"), ==, name);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "level")));
  g_assert_cmpstr (cli_get_string (row, "type"), ==, categorical ? "categorical" : "continuous");
  g_assert_cmpstr (cli_get_string (row, "test"), ==,
                   json_object_get_string_member (expected, "test"));
  cli_assert_close (cli_get_double (row, "p"), r_double (expected, "p"), 1e-6, "p");
  cli_assert_close (cli_get_double (row, "statistic"), r_double (expected, "statistic"), 1e-8,
                    "statistic");
  cli_assert_close (cli_get_double (row, "smd"), r_double (expected, "smd"), 1e-9, "SMD");
  g_assert_cmpuint (json_array_get_length (groups), ==, n_groups);
  for (guint g = 0; g <= n_groups; g++)
    {
      JsonObject *s = g < n_groups ? json_array_get_object_element (groups, g)
                                   : cli_get_object (row, "overall");

      g_assert_cmpint (cli_get_int (s, "n"), ==, (gint64) r_element (expected, "n", g));
      g_assert_cmpint (cli_get_int (s, "missing"), ==,
                       (gint64) r_element (expected, "missing", g));
      if (!categorical)
        {
          cli_assert_close (cli_get_double (s, "mean"), r_element (expected, "mean", g), 1e-12,
                            "mean");
          cli_assert_close (cli_get_double (s, "sd"), r_element (expected, "sd", g), 1e-10, "SD");
          cli_assert_close (cli_get_double (s, "q3"), r_element (expected, "q3", g), 1e-12, "Q3");
        }
    }
  if (!categorical)
    {
      g_assert_cmpstr (cli_get_string (row, "summary"), ==,
                       json_object_get_boolean_member (expected, "nonnormal") ? "median [IQR]"
                                                                              : "mean (SD)");
      return;
    }
  for (guint l = 0; l < json_array_get_length (json_object_get_array_member (expected, "levels"));
       l++)
    {
      JsonObject *level = json_array_get_object_element (rows, (*at)++);
      JsonArray *cells = cli_get_array (level, "groups");

      g_assert_cmpstr (cli_get_string (level, "variable"), ==, name);
      g_assert_cmpstr (cli_get_string (level, "level"), ==,
                       json_array_get_string_element (json_object_get_array_member (expected,
                                                                                    "levels"),
                                                      l));
      for (guint g = 0; g <= n_groups; g++)
        {
          JsonObject *cell = g < n_groups ? json_array_get_object_element (cells, g)
                                          : cli_get_object (level, "overall");
          guint k = l * (n_groups + 1) + g;

          g_assert_cmpint (cli_get_int (cell, "count"), ==,
                           (gint64) r_element (expected, "counts", k));
          cli_assert_close (cli_get_double (cell, "percent"),
                            r_element (expected, "percent", k), 1e-12, "percent");
        }
    }
}

static void
test_against_r (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      g_autoptr(CliResult) result = run_case (item, NULL, NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonArray *groups = cli_get_array (root, "groups");
      JsonArray *expected = json_object_get_array_member (item, "rows");
      JsonArray *rows = cli_get_array (root, "rows");
      guint n_groups = json_array_get_length (json_object_get_array_member (item, "groups"));
      guint at = 0;

      g_test_message ("%s", json_object_get_string_member (item, "name"));
      g_assert_cmpuint (json_array_get_length (groups), ==, n_groups);
      for (guint g = 0; g < n_groups; g++)
        {
          JsonObject *group = json_array_get_object_element (groups, g);

          g_assert_cmpstr (cli_get_string (group, "name"), ==,
                           json_array_get_string_element (
                             json_object_get_array_member (item, "groups"), g));
          g_assert_cmpint (cli_get_int (group, "n"), ==, (gint64) r_element (item, "group_n", g));
        }
      g_assert_cmpint (cli_get_int (root, "n"), ==, (gint64) r_element (item, "group_n", n_groups));
      for (guint v = 0; v < json_array_get_length (expected); v++)
        check_variable (rows, &at, json_array_get_object_element (expected, v), n_groups);
      g_assert_cmpuint (at, ==, json_array_get_length (rows));
    }
}

static char *
read_output (const char *flag,
             const char *name)
{
  JsonObject *item = json_array_get_object_element (
    json_node_get_array (json_parser_get_root (fixture)), 0);
  g_autofree char *dir = g_dir_make_tmp ("oncobench-table1-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CliResult) result = run_case (item, flag, path);
  char *contents = NULL;
  gsize len;

  g_assert_cmpint (result->exit_status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

/* CSV and HTML carry the same formatted cells: the header with each group's n, p with the
 * mark of its test, and the footnote that names the test. */
static void
test_exports (void)
{
  g_autofree char *csv = read_output ("--csv", "t.csv");
  g_autofree char *html = read_output ("--html", "t.html");
  g_autofree char *pdf = read_output ("--figure", "t.pdf");
  g_autofree char *png = read_output ("--figure", "t.png");

  g_assert_true (g_str_has_prefix (csv, "\"Characteristic\",\"mutant (n = 31)\","
                                        "\"wild-type (n = 93)\",\"Overall (n = 124)\",\"p\","
                                        "\"SMD\"\r\n"));
  g_assert_nonnull (strstr (csv, "\"age, mean (SD)\",\"60.6 (10.5)\",\"60.1 (11.9)\","));
  g_assert_nonnull (strstr (csv, "\"  female\",\"17 (54.8)\",\"41 (44.1)\",\"58 (46.8)\""));
  g_assert_nonnull (strstr (csv, "\"  Missing\",\"1\",\"2\",\"3\""));
  g_assert_nonnull (strstr (csv, "\"ᵃ Welch two-sample t test\""));
  g_assert_nonnull (strstr (csv, "\"ᵇ Pearson’s chi-square test with Yates’ continuity "
                                 "correction\""));
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, "mutant<br>(n = 31)"));
  g_assert_nonnull (strstr (html, "Fisher’s exact test"));
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  g_assert_true (memcmp (png, "\x89PNG", 4) == 0);
}

static void
test_errors (void)
{
  g_autofree char *path = cli_sample_path ("alk-cohort.csv");
  struct
  {
    const char *args[8];
    const char *needle;
  } cases[] = {
    { { "--group", "tp53_status", NULL }, "--vars" },
    { { "--group", "arm", "--vars", "age", NULL }, "arm" },
    { { "--group", "tp53_status", "--vars", "age,weight", NULL }, "weight" },
    { { "--group", "tp53_status", "--vars", "age", "--nonnormal", "sex", NULL }, "sex" },
    { { "--group", "tp53_status", "--vars", "age", "--size", "10", NULL }, "--size" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[12] = { "table1", path };
      g_autoptr(CliResult) result = NULL;
      g_autofree char *line = NULL;
      guint n = 2;

      for (guint k = 0; cases[i].args[k] != NULL; k++)
        argv[n++] = cases[i].args[k];
      result = cli_runv (argv);
      g_assert_cmpint (result->exit_status, !=, 0);
      line = cli_result_error_line (result);
      g_assert_nonnull (strstr (line, cases[i].needle));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "table1.json", NULL);
  fixture = json_parser_new ();
  json_parser_load_from_file (fixture, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/table1/against-r", test_against_r);
  g_test_add_func ("/cli/table1/exports", test_exports);
  g_test_add_func ("/cli/table1/errors", test_errors);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
