/* test-crosstab.c — cross-tabulations against R (tests/reference/crosstab.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-crosstab.h"
#include "ob-csv-reader.h"

static JsonParser *fixture;

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

/* Null entries (R's Inf, NaN) come back as NAN. */
static double *
member_vector (JsonObject *object,
               const char *name,
               guint      *n)
{
  JsonArray *array = json_object_get_array_member (object, name);
  double *v;

  *n = json_array_get_length (array);
  v = g_new (double, *n);
  for (guint i = 0; i < *n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      v[i] = JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
    }
  return v;
}

static void
assert_close (double      actual,
              double      expected,
              double      rel_tol,
              const char *case_name,
              const char *what)
{
  /* R's Inf is written as null. */
  if (isnan (expected) && (isnan (actual) || isinf (actual)))
    return;
  if (expected == 0 && fabs (actual) < 1e-12)
    return;
  if (!(fabs (actual - expected) <= rel_tol * fabs (expected)))
    g_error ("%s, %s: got %.17g, R gives %.17g (relative difference %.3g)", case_name, what,
             actual, expected, fabs (actual - expected) / fabs (expected));
}

static void
test_against_r (void)
{
  JsonArray *list = json_node_get_array (json_parser_get_root (fixture));

  g_assert_cmpuint (json_array_get_length (list), >=, 8);
  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      JsonObject *item = json_array_get_object_element (list, c);
      const char *name = json_object_get_string_member (item, "name");
      guint n_rows = (guint) json_object_get_int_member (item, "n_rows");
      guint n_cols = (guint) json_object_get_int_member (item, "n_cols");
      guint n, n_pct;
      g_autofree double *counts = member_vector (item, "counts", &n);
      g_autofree double *row_pct = NULL;
      g_autofree double *col_pct = NULL;
      g_autoptr(ObCrosstab) chisq = NULL;
      g_autoptr(ObCrosstab) fisher = NULL;
      g_autoptr(ObCrosstab) automatic = NULL;
      g_autoptr(GError) error = NULL;
      double p;

      g_test_message ("%s", name);
      g_assert_cmpuint (n, ==, n_rows * n_cols);
      chisq = ob_crosstab_new (counts, n_rows, n_cols, OB_CROSSTAB_CHISQ, 0.95, &error);
      g_assert_no_error (error);
      g_assert_cmpint (chisq->test, ==, OB_CROSSTAB_CHISQ);
      assert_close (chisq->statistic, member_double (item, "chisq_statistic"), 1e-9, name,
                    "X-squared");
      assert_close (chisq->df, member_double (item, "chisq_df"), 1e-12, name, "df");
      assert_close (chisq->p, member_double (item, "chisq_p"), 1e-6, name, "chi-square p");
      g_assert_cmpint (chisq->yates, ==, n_rows == 2 && n_cols == 2);
      assert_close (chisq->min_expected, member_double (item, "min_expected"), 1e-12, name,
                    "least expected count");

      row_pct = member_vector (item, "row_percent", &n_pct);
      g_assert_cmpuint (n_pct, ==, n);
      col_pct = member_vector (item, "col_percent", &n_pct);
      for (guint i = 0; i < n; i++)
        {
          assert_close (chisq->row_percent[i], row_pct[i], 1e-12, name, "row %");
          assert_close (chisq->col_percent[i], col_pct[i], 1e-12, name, "column %");
        }

      fisher = ob_crosstab_new (counts, n_rows, n_cols, OB_CROSSTAB_FISHER, 0.95, &error);
      g_assert_no_error (error);
      g_assert_true (isnan (fisher->statistic));
      assert_close (fisher->p, member_double (item, "fisher_p"), 1e-6, name, "Fisher p");
      /* The r × c enumeration on its own, also for 2 × 2 tables. */
      g_assert_true (ob_fisher_test_rxc (counts, n_rows, n_cols, &p, &error));
      g_assert_no_error (error);
      assert_close (p, member_double (item, "fisher_p"), 1e-6, name, "r × c Fisher p");

      automatic = ob_crosstab_new (counts, n_rows, n_cols, OB_CROSSTAB_AUTO, 0.95, &error);
      g_assert_no_error (error);
      g_assert_cmpint (automatic->test, ==,
                       member_double (item, "min_expected") < 5 ? OB_CROSSTAB_FISHER
                                                                : OB_CROSSTAB_CHISQ);

      if (n_rows == 2 && n_cols == 2)
        {
          guint n_ci;
          g_autofree double *r_ci = member_vector (item, "R_fisher_conf_int", &n_ci);

          assert_close (fisher->odds_ratio, member_double (item, "odds_ratio"), 1e-9, name,
                        "odds ratio");
          assert_close (fisher->or_lower, member_double (item, "or_lower"), 1e-9, name,
                        "odds ratio lower");
          assert_close (fisher->or_upper, member_double (item, "or_upper"), 1e-9, name,
                        "odds ratio upper");
          /* fisher.test itself solves to uniroot's default tolerance. */
          assert_close (fisher->or_lower, r_ci[0], 1e-3, name, "fisher.test lower");
          assert_close (fisher->or_upper, r_ci[1], 1e-3, name, "fisher.test upper");
          assert_close (fisher->risk_difference, member_double (item, "risk_difference"), 1e-12,
                        name, "risk difference");
          assert_close (fisher->rd_lower, member_double (item, "rd_lower"), 1e-9, name,
                        "risk difference lower");
          assert_close (fisher->rd_upper, member_double (item, "rd_upper"), 1e-9, name,
                        "risk difference upper");
          assert_close (fisher->risk_ratio, member_double (item, "risk_ratio"), 1e-12, name,
                        "risk ratio");
          assert_close (fisher->rr_lower, member_double (item, "rr_lower"), 1e-9, name,
                        "risk ratio lower");
          assert_close (fisher->rr_upper, member_double (item, "rr_upper"), 1e-9, name,
                        "risk ratio upper");
          /* The chi-square run reports the same effect sizes. */
          g_assert_cmpfloat (chisq->odds_ratio, ==, fisher->odds_ratio);
        }
      else
        {
          g_assert_true (isnan (fisher->odds_ratio));
          g_assert_true (isnan (fisher->risk_difference));
        }
    }
}

static void
test_refusals (void)
{
  const double one_row[] = { 3, 4 };
  const double fractional[] = { 1.5, 2, 3, 4 };
  const double empty_col[] = { 3, 0, 4, 0 };
  g_autoptr(GError) error = NULL;
  double p;

  g_assert_null (ob_crosstab_new (one_row, 1, 2, OB_CROSSTAB_AUTO, 0.95, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_crosstab_new (fractional, 2, 2, OB_CROSSTAB_AUTO, 0.95, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_crosstab_new (empty_col, 2, 2, OB_CROSSTAB_AUTO, 0.95, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (ob_crosstab_new (fractional + 1, 1, 3, OB_CROSSTAB_AUTO, 1.5, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_false (ob_fisher_test_rxc (fractional, 2, 2, &p, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_true (isnan (p));
}

/* A table far beyond exact enumeration is refused with a message naming the way out, in
 * bounded time rather than hanging. */
static void
test_too_large (void)
{
  double counts[6 * 6];
  g_autoptr(GError) error = NULL;
  double p;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = 40 + (double) ((i * 7) % 11);
  g_assert_false (ob_fisher_test_rxc (counts, 6, 6, &p, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NUMERIC);
  g_assert_nonnull (strstr (error->message, "chi-square"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

/* Counts from the sample file, as the CLI builds them, equal R's table(). */
static void
test_count_table (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "data", "samples",
                                            "veteran.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  g_autoptr(ObCountTable) table = NULL;
  JsonObject *item;
  guint n;
  g_autofree double *counts = NULL;

  g_assert_no_error (error);
  table = ob_count_table_new (dataset, "celltype", "prior", NULL, &error);
  g_assert_no_error (error);
  item = json_array_get_object_element (json_node_get_array (json_parser_get_root (fixture)), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "veteran celltype x prior");
  counts = member_vector (item, "counts", &n);
  g_assert_cmpuint (table->n_rows * table->n_cols, ==, n);
  g_assert_cmpstr (table->row_names[0], ==, "adeno");
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (table->counts[i], ==, counts[i]);
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

  g_test_add_func ("/core/crosstab/against-r", test_against_r);
  g_test_add_func ("/core/crosstab/refusals", test_refusals);
  g_test_add_func ("/core/crosstab/too-large", test_too_large);
  g_test_add_func ("/core/crosstab/count-table", test_count_table);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
