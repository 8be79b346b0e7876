/* test-table1.c — Table 1 against R (tests/reference/table1.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-table1.h"

static JsonParser *fixture;

static double
node_double (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return node_double (node);
}

static double
element_double (JsonObject *object,
                const char *name,
                guint       index)
{
  JsonArray *array = json_object_get_array_member (object, name);

  g_assert_cmpuint (index, <, json_array_get_length (array));
  return node_double (json_array_get_element (array, index));
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  JsonArray *array = json_object_get_array_member (object, name);
  char **v = g_new0 (char *, json_array_get_length (array) + 1);

  for (guint i = 0; i < json_array_get_length (array); i++)
    v[i] = g_strdup (json_array_get_string_element (array, i));
  return v;
}

static void
assert_close (double      actual,
              double      expected,
              double      rel_tol,
              const char *variable,
              const char *what)
{
  if (isnan (expected) && isnan (actual))
    return;
  if (expected == 0 && fabs (actual) < 1e-12)
    return;
  if (!(fabs (actual - expected) <= rel_tol * fabs (expected)))
    g_error ("%s, %s: got %.17g, R gives %.17g (relative difference %.3g)", variable, what,
             actual, expected, fabs (actual - expected) / fabs (expected));
}

static ObDataset *
load_sample (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "data", "samples", file,
                                            NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
check_variable (const ObTable1Variable *var,
                JsonObject             *row,
                guint                   n_groups)
{
  const char *name = json_object_get_string_member (row, "name");
  const char *test = json_object_get_string_member (row, "test");

  g_assert_cmpstr (var->name, ==, name);
  g_assert_cmpint (var->categorical, ==, json_object_get_boolean_member (row, "categorical"));
  for (guint g = 0; g <= n_groups; g++)
    {
      g_assert_cmpfloat (var->n[g], ==, element_double (row, "n", g));
      g_assert_cmpfloat (var->n_missing[g], ==, element_double (row, "missing", g));
    }
  if (var->categorical)
    {
      g_auto(GStrv) levels = member_strv (row, "levels");

      g_assert_cmpuint (var->n_levels, ==, g_strv_length (levels));
      for (guint l = 0; l < var->n_levels; l++)
        {
          g_assert_cmpstr (var->levels[l], ==, levels[l]);
          for (guint g = 0; g <= n_groups; g++)
            {
              guint at = l * (n_groups + 1) + g;

              g_assert_cmpfloat (var->counts[at], ==, element_double (row, "counts", at));
              assert_close (var->percent[at], element_double (row, "percent", at), 1e-12, name,
                            "percent");
            }
        }
    }
  else
    {
      g_assert_cmpint (var->nonnormal, ==, json_object_get_boolean_member (row, "nonnormal"));
      assert_close (var->skewness, member_double (row, "skewness"), 1e-9, name, "skewness");
      for (guint g = 0; g <= n_groups; g++)
        {
          assert_close (var->desc[g].mean, element_double (row, "mean", g), 1e-12, name, "mean");
          assert_close (var->desc[g].sd, element_double (row, "sd", g), 1e-10, name, "SD");
          assert_close (var->desc[g].median, element_double (row, "median", g), 1e-12, name,
                        "median");
          assert_close (var->desc[g].q1, element_double (row, "q1", g), 1e-12, name, "Q1");
          assert_close (var->desc[g].q3, element_double (row, "q3", g), 1e-12, name, "Q3");
        }
    }
  g_assert_cmpstr (ob_table1_test_to_string (var->test), ==, test);
  /* chisq.test corrects 2 × 2 tables only. */
  g_assert_cmpint (var->yates, ==,
                   g_str_equal (test, "chisq") && var->n_levels == 2
                   && json_array_get_length (json_object_get_array_member (row, "n")) == 3);
  g_assert_nonnull (ob_table1_test_describe (var->test));
  assert_close (var->statistic, member_double (row, "statistic"), 1e-8, name, "statistic");
  assert_close (var->df, member_double (row, "df"), 1e-9, name, "df");
  assert_close (var->df2, member_double (row, "df2"), 1e-9, name, "df2");
  assert_close (var->p, member_double (row, "p"), 1e-6, name, "p");
  assert_close (var->smd, member_double (row, "smd"), 1e-9, name, "SMD");
}

static void
test_against_r (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));

  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      JsonArray *rows = json_object_get_array_member (item, "rows");
      g_autoptr(ObDataset) dataset = load_sample (json_object_get_string_member (item, "file"));
      g_auto(GStrv) variables = member_strv (item, "variables");
      g_auto(GStrv) nonnormal = member_strv (item, "nonnormal");
      g_auto(GStrv) categorical = member_strv (item, "categorical");
      g_auto(GStrv) groups = member_strv (item, "groups");
      g_autoptr(ObTable1) table = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", json_object_get_string_member (item, "name"));
      table = ob_table1_new (dataset, json_object_get_string_member (item, "group"),
                             (const char * const *) variables, (const char * const *) nonnormal,
                             (const char * const *) categorical, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (table->n_groups, ==, g_strv_length (groups));
      for (guint g = 0; g < table->n_groups; g++)
        g_assert_cmpstr (table->group_names[g], ==, groups[g]);
      for (guint g = 0; g <= table->n_groups; g++)
        g_assert_cmpfloat (table->group_n[g], ==, element_double (item, "group_n", g));
      g_assert_cmpuint (table->n_variables, ==, json_array_get_length (rows));
      for (guint v = 0; v < table->n_variables; v++)
        check_variable (&table->variables[v], json_array_get_object_element (rows, v),
                        table->n_groups);
    }
}

/* Yang & Dalton's SMD reduces to |p1 − p2| / sqrt((p1 q1 + p2 q2) / 2) for two levels, and a
 * level empty in both groups (a singular S) is ignored as MASS::ginv ignores it. */
static void
test_smd_categorical (void)
{
  const double a[] = { 0.3, 0.7 }, b[] = { 0.5, 0.5 };
  const double a3[] = { 0.3, 0.7, 0 }, b3[] = { 0.5, 0.5, 0 };
  double expected = 0.2 / sqrt ((0.21 + 0.25) / 2);

  g_assert_cmpfloat_with_epsilon (ob_table1_smd_categorical (a, b, 2), expected, 1e-14);
  g_assert_cmpfloat_with_epsilon (ob_table1_smd_categorical (a3, b3, 3), expected, 1e-12);
  g_assert_cmpfloat (ob_table1_smd_categorical (a, b, 1), ==, 0);
}

static void
test_refusals (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  const char *ok[] = { "age", NULL };
  const char *missing[] = { "age", "weight", NULL };
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (ob_table1_new (dataset, "arm", ok, NULL, NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "arm"));
  g_clear_error (&error);
  g_assert_null (ob_table1_new (dataset, "tp53_status", missing, NULL, NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "weight"));
  g_clear_error (&error);
  g_assert_null (ob_table1_new (dataset, "tp53_status", none, NULL, NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  /* A numeric column of many values, or identifiers, are no grouping. */
  g_assert_null (ob_table1_new (dataset, "pfs_months", ok, NULL, NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_table1_new (dataset, "patient_id", ok, NULL, NULL, NULL, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "124"));
}

/* One group only: summaries but no test, no SMD; a mask picks the rows. */
static void
test_single_group_mask (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("alk-cohort.csv");
  const ObColumn *status = ob_dataset_lookup_column (dataset, "tp53_status");
  gsize n = ob_dataset_get_n_rows (dataset);
  g_autofree guint8 *mask = g_new0 (guint8, n);
  const char *vars[] = { "age", "sex", NULL };
  g_autoptr(ObTable1) table = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < n; i++)
    mask[i] = g_strcmp0 (ob_column_get_string (status, i), "mutant") == 0;
  table = ob_table1_new (dataset, "tp53_status", vars, NULL, NULL, mask, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_groups, ==, 1);
  g_assert_cmpuint (table->group_n[0], ==, 31);
  for (guint v = 0; v < 2; v++)
    {
      g_assert_cmpint (table->variables[v].test, ==, OB_TABLE1_TEST_NONE);
      g_assert_true (isnan (table->variables[v].p));
      g_assert_true (isnan (table->variables[v].smd));
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

  g_test_add_func ("/core/table1/against-r", test_against_r);
  g_test_add_func ("/core/table1/smd-categorical", test_smd_categorical);
  g_test_add_func ("/core/table1/refusals", test_refusals);
  g_test_add_func ("/core/table1/single-group-mask", test_single_group_mask);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
