/* test-cli-table1-crosstab.c — `oncobench-cli crosstab` against R (tests/reference/crosstab.R)
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

static double
expected_element (JsonObject *object,
                  const char *member,
                  guint       index)
{
  JsonNode *node = json_array_get_element (json_object_get_array_member (object, member), index);

  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static void
check_case (JsonObject *item,
            const char *test)
{
  g_autofree char *path = cli_sample_path (json_object_get_string_member (item, "file"));
  g_autofree char *order = NULL;
  g_autoptr(CliResult) result = NULL;
  const char *argv[12] = { "crosstab", path, "--rows", json_object_get_string_member (item, "rows"),
                           "--cols", json_object_get_string_member (item, "cols"), "--test",
                           test };

  /* The fixture's own level order, which is the sorted one unless the case says otherwise. */
  if (strstr (json_object_get_string_member (item, "name"), " first") != NULL)
    {
      JsonArray *levels = json_object_get_array_member (item, "row_levels");

      order = g_strdup_printf ("%s,%s", json_array_get_string_element (levels, 0),
                               json_array_get_string_element (levels, 1));
      argv[8] = "--row-order";
      argv[9] = order;
    }
  result = cli_runv (argv);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *table = cli_get_array (root, "table");
  JsonArray *row_pct = cli_get_array (root, "row_percent");
  JsonArray *row_levels = cli_get_array (root, "row_levels");
  JsonArray *col_levels = cli_get_array (root, "col_levels");
  JsonArray *expected_rows = json_object_get_array_member (item, "row_levels");
  JsonArray *expected_cols = json_object_get_array_member (item, "col_levels");
  guint n_rows = json_array_get_length (expected_rows);
  guint n_cols = json_array_get_length (expected_cols);
  gboolean fisher = g_str_equal (test, "fisher");

  g_test_message ("%s, %s", json_object_get_string_member (item, "name"), test);
  g_assert_cmpuint (json_array_get_length (row_levels), ==, n_rows);
  g_assert_cmpuint (json_array_get_length (col_levels), ==, n_cols);
  for (guint r = 0; r < n_rows; r++)
    g_assert_cmpstr (json_array_get_string_element (row_levels, r), ==,
                     json_array_get_string_element (expected_rows, r));
  for (guint c = 0; c < n_cols; c++)
    g_assert_cmpstr (json_array_get_string_element (col_levels, c), ==,
                     json_array_get_string_element (expected_cols, c));
  g_assert_cmpuint (json_array_get_length (table), ==, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      JsonArray *row = json_array_get_array_element (table, r);
      JsonArray *pct = json_array_get_array_element (row_pct, r);

      g_assert_cmpuint (json_array_get_length (row), ==, n_cols);
      for (guint c = 0; c < n_cols; c++)
        {
          g_assert_cmpint (json_array_get_int_element (row, c), ==,
                           (gint64) expected_element (item, "counts", r * n_cols + c));
          cli_assert_close (json_array_get_double_element (pct, c),
                            expected_element (item, "row_percent", r * n_cols + c), 1e-12,
                            "row %");
        }
    }
  g_assert_cmpint (cli_get_int (root, "excluded"), ==,
                   json_object_get_int_member (item, "excluded"));
  g_assert_cmpstr (cli_get_string (root, "test"), ==, test);
  cli_assert_close (cli_get_double (root, "statistic"),
                    fisher ? NAN : expected_double (item, "chisq_statistic"), 1e-9, "statistic");
  cli_assert_close (cli_get_double (root, "df"), fisher ? NAN : expected_double (item, "chisq_df"),
                    1e-12, "df");
  cli_assert_close (cli_get_double (root, "p"),
                    expected_double (item, fisher ? "fisher_p" : "chisq_p"), 1e-6, "p");
  if (n_rows == 2 && n_cols == 2)
    {
      cli_assert_close (cli_get_double (root, "odds_ratio"), expected_double (item, "odds_ratio"),
                        1e-9, "odds ratio");
      cli_assert_close (cli_get_double (root, "or_lower"), expected_double (item, "or_lower"),
                        1e-9, "odds ratio lower");
      cli_assert_close (cli_get_double (root, "or_upper"), expected_double (item, "or_upper"),
                        1e-9, "odds ratio upper");
      cli_assert_close (cli_get_double (root, "risk_difference"),
                        expected_double (item, "risk_difference"), 1e-12, "risk difference");
      cli_assert_close (cli_get_double (root, "rr_upper"), expected_double (item, "rr_upper"),
                        1e-9, "risk ratio upper");
      g_assert_cmpstr (cli_get_string (root, "risk_ci"), ==, "wald");
    }
  else
    {
      /* The keys are there, null, for tables that have no odds ratio. */
      g_assert_true (isnan (cli_get_double (root, "odds_ratio")));
      g_assert_true (isnan (cli_get_double (root, "or_lower")));
      g_assert_true (isnan (cli_get_double (root, "or_upper")));
    }
}

static void
test_against_r (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));
  guint n_checked = 0;

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);

      if (!json_object_has_member (item, "file"))
        continue;
      check_case (item, "chisq");
      check_case (item, "fisher");
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 6);
}

/* Without --test: Fisher exactly when an expected count is below 5. */
static void
test_default_test (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      g_autofree char *path = NULL;
      g_autoptr(CliResult) result = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *root;

      if (!json_object_has_member (item, "file"))
        continue;
      path = cli_sample_path (json_object_get_string_member (item, "file"));
      result = cli_run ("crosstab", path, "--rows", json_object_get_string_member (item, "rows"),
                        "--cols", json_object_get_string_member (item, "cols"), NULL);
      parser = cli_result_parse (result);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (cli_get_string (root, "test"), ==,
                       expected_double (item, "min_expected") < 5 ? "fisher" : "chisq");
    }
}

static void
test_figure (void)
{
  g_autofree char *path = cli_sample_path ("veteran.csv");
  g_autofree char *dir = g_dir_make_tmp ("oncobench-crosstab-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "bar.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bar.pdf", NULL);
  g_autoptr(CliResult) a = cli_run ("crosstab", path, "--rows", "celltype", "--cols", "prior",
                                    "--figure", png, "--size", "89x70", "--dpi", "150", NULL);
  g_autoptr(CliResult) b = cli_run ("crosstab", path, "--rows", "celltype", "--cols", "prior",
                                    "--figure", pdf, NULL);
  g_autofree char *head = NULL;
  gsize len;

  g_assert_cmpint (a->exit_status, ==, 0);
  g_assert_cmpint (b->exit_status, ==, 0);
  g_assert_true (g_file_get_contents (png, &head, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (head, "\x89PNG", 4) == 0);
  g_clear_pointer (&head, g_free);
  g_assert_true (g_file_get_contents (pdf, &head, &len, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF"));
  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autofree char *path = cli_sample_path ("veteran.csv");
  struct
  {
    const char *args[8];
    const char *needle;
  } cases[] = {
    { { "--rows", "celltype", NULL }, "--cols" },
    { { "--rows", "celltype", "--cols", "prior", "--test", "exact", NULL }, "exact" },
    { { "--rows", "celltype", "--cols", "stage", NULL }, "stage" },
    { { "--rows", "celltype", "--cols", "prior", "--size", "89", NULL }, "--size" },
    { { "--rows", "celltype", "--cols", "prior", "--dpi", "300", NULL }, "--figure" },
    { { "--rows", "celltype", "--cols", "prior", "--col-order", "10,0,0", NULL }, "--col-order" },
    { { "--rows", "celltype", "--cols", "prior", "--row-order", "adeno", NULL }, "squamous" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[12] = { "crosstab", path };
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
  path = g_test_build_filename (G_TEST_DIST, "reference", "crosstab.json", NULL);
  fixture = json_parser_new ();
  json_parser_load_from_file (fixture, path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/crosstab/against-r", test_against_r);
  g_test_add_func ("/cli/crosstab/default-test", test_default_test);
  g_test_add_func ("/cli/crosstab/figure", test_figure);
  g_test_add_func ("/cli/crosstab/errors", test_errors);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
