/* test-standard-curve.c — standard-curve fits against R's nls and lm
 * (tests/reference/elisa.R → elisa.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "ob-dataset.h"
#include "ob-standard-curve.h"

static JsonParser *fixture;

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static double *
member_vector (JsonObject *object,
               const char *name,
               gsize      *n)
{
  JsonArray *array = json_object_get_array_member (object, name);
  double *v;

  *n = json_array_get_length (array);
  v = g_new (double, *n);
  for (guint i = 0; i < *n; i++)
    v[i] = json_array_get_double_element (array, i);
  return v;
}

static void
assert_close (double      actual,
              double      expected,
              double      rel_tol,
              const char *what)
{
  double scale = MAX (fabs (expected), 1e-300);

  if (isnan (expected) && isnan (actual))
    return;
  if (!(fabs (actual - expected) <= rel_tol * scale))
    g_error ("%s: got %.17g, expected %.17g (relative error %.3g)", what, actual, expected,
             fabs (actual - expected) / scale);
}

static JsonObject *
find_fit (const char *name)
{
  JsonArray *fits = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (fixture)), "fits");

  for (guint i = 0; i < json_array_get_length (fits); i++)
    {
      JsonObject *item = json_array_get_object_element (fits, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), name))
        return item;
    }
  g_error ("no fixture %s", name);
  return NULL;
}

static ObCurveFit *
fit_fixture (JsonObject *item)
{
  gsize n, ny;
  g_autofree double *x = member_vector (item, "x", &n);
  g_autofree double *y = member_vector (item, "y", &ny);
  ObCurveModel model;
  ObCurveWeight weight;
  g_autoptr(GError) error = NULL;
  ObCurveFit *fit;

  g_assert_cmpuint (n, ==, ny);
  g_assert_true (ob_curve_model_from_string (json_object_get_string_member (item, "model"),
                                             &model));
  g_assert_true (ob_curve_weight_from_string (json_object_get_string_member (item, "weight"),
                                              &weight));
  fit = ob_curve_fit (model, weight, x, y, n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fit);
  return fit;
}

/* DNase's conc column is already sorted, so R's residuals line up with ours. */
static void
check_fit (gconstpointer data)
{
  JsonObject *item = find_fit (data);
  g_autoptr(ObCurveFit) fit = fit_fixture (item);
  gsize np, nres;
  g_autofree double *params = member_vector (item, "params", &np);
  g_autofree double *se = member_vector (item, "se", &np);
  g_autofree double *lower = member_vector (item, "ci_lower", &np);
  g_autofree double *upper = member_vector (item, "ci_upper", &np);
  g_autofree double *residuals = member_vector (item, "residuals", &nres);
  /* An iterative fit agrees with nls to its convergence tolerance; lm is exact. */
  double tol = fit->model == OB_CURVE_4PL || fit->model == OB_CURVE_5PL ? 1e-5 : 1e-9;

  g_assert_cmpuint (fit->n_params, ==, np);
  for (guint j = 0; j < np; j++)
    {
      g_autofree char *what = g_strdup_printf ("%s %s", (const char *) data,
                                               ob_curve_param_name (fit, j));

      assert_close (fit->params[j], params[j], tol, what);
      assert_close (fit->se[j], se[j], tol, what);
      assert_close (fit->ci_lower[j], lower[j], tol, what);
      assert_close (fit->ci_upper[j], upper[j], tol, what);
    }
  assert_close (fit->rss, member_double (item, "rss"), tol, "rss");
  assert_close (fit->sigma, member_double (item, "sigma"), tol, "sigma");
  assert_close (fit->r2, member_double (item, "r2"), tol, "r2");
  assert_close (fit->aic, member_double (item, "aic"), tol, "aic");
  g_assert_cmpfloat (fit->df, ==, member_double (item, "df"));
  g_assert_cmpuint (nres, ==, fit->n);
  for (gsize i = 0; i < nres; i++)
    g_assert_cmpfloat (fabs (fit->residuals[i] - residuals[i]), <, 1e-5 * fit->sigma + 1e-12);
}

static void
test_compare (void)
{
  JsonObject *expected = json_object_get_object_member (
    json_node_get_object (json_parser_get_root (fixture)), "compare");
  g_autoptr(ObCurveFit) fit4 = fit_fixture (find_fit ("dnase-run1-4pl-none"));
  g_autoptr(ObCurveFit) fit5 = fit_fixture (find_fit ("dnase-run1-5pl-none"));
  g_autoptr(ObCurveFit) line = fit_fixture (find_fit ("dnase-run1-linear-none"));
  g_autoptr(GError) error = NULL;
  ObCurveComparison cmp;

  g_assert_true (ob_curve_compare_4pl_5pl (fit4, fit5, &cmp, &error));
  g_assert_no_error (error);
  assert_close (cmp.f, member_double (expected, "f"), 1e-4, "F");
  assert_close (cmp.p, member_double (expected, "p"), 1e-5, "p");
  assert_close (cmp.df1, member_double (expected, "df1"), 0, "df1");
  assert_close (cmp.df2, member_double (expected, "df2"), 0, "df2");
  assert_close (cmp.aic4, member_double (expected, "aic4"), 1e-5, "aic4");
  assert_close (cmp.aic5, member_double (expected, "aic5"), 1e-5, "aic5");

  g_assert_false (ob_curve_compare_4pl_5pl (fit4, line, &cmp, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

/* The inverse undoes the curve for every model, inside the fitted range. */
static void
test_inverse_roundtrip (void)
{
  static const char * const names[] = {
    "dnase-run1-4pl-none", "dnase-run1-5pl-1y2", "dnase-run1-linear-none",
    "dnase-run1-loglog-none",
  };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr(ObCurveFit) fit = fit_fixture (find_fit (names[k]));

      for (double x = 0.1; x <= 12.0; x *= 1.7)
        {
          double y = ob_curve_fit_predict (fit, x);

          assert_close (ob_curve_fit_inverse (fit, y), x, 1e-9, names[k]);
          g_assert_cmpfloat (ob_curve_fit_inverse_log_se (fit, y, 2), >, 0.0);
          /* More replicates, less uncertainty about the mean response. */
          g_assert_cmpfloat (ob_curve_fit_inverse_log_se (fit, y, 4), <,
                             ob_curve_fit_inverse_log_se (fit, y, 2));
        }
    }
}

static void
test_inverse_beyond_plateau (void)
{
  g_autoptr(ObCurveFit) fit = fit_fixture (find_fit ("dnase-run1-4pl-none"));

  g_assert_true (isnan (ob_curve_fit_inverse (fit, fit->params[1] + 0.1)));
  g_assert_true (isnan (ob_curve_fit_inverse (fit, fit->params[0] - 0.1)));
  g_assert_true (isnan (ob_curve_fit_inverse_log_se (fit, fit->params[1] + 0.1, 2)));
}

/* A falling curve (competitive ELISA) is the same data mirrored: hill stays positive and
 * top < bottom, ec50 unchanged. */
static void
test_falling_curve (void)
{
  JsonObject *item = find_fit ("dnase-run1-4pl-none");
  gsize n, ny;
  g_autofree double *x = member_vector (item, "x", &n);
  g_autofree double *y = member_vector (item, "y", &ny);
  g_autofree double *params = member_vector (item, "params", &ny);
  g_autoptr(ObCurveFit) fit = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < n; i++)
    y[i] = 3.0 - y[i];
  fit = ob_curve_fit (OB_CURVE_4PL, OB_CURVE_WEIGHT_NONE, x, y, n, &error);
  g_assert_no_error (error);
  assert_close (fit->params[0], 3.0 - params[0], 1e-5, "bottom");
  assert_close (fit->params[1], 3.0 - params[1], 1e-5, "top");
  assert_close (fit->params[2], params[2], 1e-5, "ec50");
  assert_close (fit->params[3], params[3], 1e-5, "hill");
}

/* Only the lower half of the curve: no top plateau among the standards. */
static void
test_missing_top_plateau (void)
{
  JsonObject *item = find_fit ("dnase-run1-4pl-none");
  gsize n, ny, np;
  g_autofree double *x = member_vector (item, "x", &n);
  g_autofree double *y = member_vector (item, "y", &ny);
  g_autofree double *params = member_vector (item, "params", &np);
  g_autoptr(ObCurveFit) fit = NULL;
  g_autoptr(GError) error = NULL;
  gsize keep = 0;

  /* Noise-free points on R's curve up to twice ec50, where the response is ~2/3 of top. */
  for (gsize i = 0; i < n; i++)
    if (x[i] <= 2 * params[2])
      {
        x[keep] = x[i];
        y[keep] = params[0] + (params[1] - params[0]) / (1 + pow (x[i] / params[2], -params[3]));
        keep++;
      }
  fit = ob_curve_fit (OB_CURVE_4PL, OB_CURVE_WEIGHT_NONE, x, y, keep, &error);
  g_assert_no_error (error);
  for (guint j = 0; j < 4; j++)
    assert_close (fit->params[j], params[j], 1e-6, "half curve");
}

static void
test_errors (void)
{
  static const double x[] = { 1, 2, 4, 8 };
  static const double y[] = { 0.1, 0.2, 0.4, 0.8 };
  static const double flat_x[] = { 2, 2, 2, 2, 2, 2 };
  static const double neg_y[] = { -0.1, 0.2, 0.4, 0.8 };
  g_autoptr(GError) error = NULL;
  ObCurveModel model;
  ObCurveWeight weight;

  g_assert_null (ob_curve_fit (OB_CURVE_4PL, OB_CURVE_WEIGHT_NONE, x, y, 4, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (ob_curve_fit (OB_CURVE_4PL, OB_CURVE_WEIGHT_NONE, flat_x, flat_x, 6, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (ob_curve_fit (OB_CURVE_LINEAR, OB_CURVE_WEIGHT_INV_Y, x, neg_y, 4, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_curve_fit (OB_CURVE_LOGLOG, OB_CURVE_WEIGHT_NONE, x, neg_y, 4, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  g_assert_false (ob_curve_model_from_string ("6pl", &model));
  g_assert_true (ob_curve_model_from_string ("4PL", &model));
  g_assert_cmpint (model, ==, OB_CURVE_4PL);
  g_assert_false (ob_curve_weight_from_string ("1/x", &weight));
  g_assert_true (ob_curve_weight_from_string ("1/y^2", &weight));
  g_assert_cmpint (weight, ==, OB_CURVE_WEIGHT_INV_Y2);
}

/* Point-to-point passes through the standards' mean responses. */
static void
test_p2p (void)
{
  static const double x[] = { 0, 0, 10, 10, 40, 40 };
  static const double y[] = { 0.1, 0.3, 1.0, 1.2, 2.0, 2.2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObCurveFit) fit = ob_curve_fit (OB_CURVE_P2P, OB_CURVE_WEIGHT_NONE, x, y, 6, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fit->n_knots, ==, 3);
  assert_close (ob_curve_fit_predict (fit, 10), 1.1, 1e-12, "knot");
  assert_close (ob_curve_fit_predict (fit, 25), 1.6, 1e-12, "between knots");
  assert_close (ob_curve_fit_inverse (fit, 0.65), 5, 1e-12, "inverse");
  g_assert_true (isnan (ob_curve_fit_inverse (fit, 2.5)));
  g_assert_true (isnan (ob_curve_fit_predict (fit, 50)));
  assert_close (fit->rss, 6 * 0.01, 1e-9, "rss around the means");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *fits;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "elisa.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s: %s", path, error->message);

  fits = json_object_get_array_member (json_node_get_object (json_parser_get_root (fixture)),
                                       "fits");
  for (guint i = 0; i < json_array_get_length (fits); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (fits, i),
                                                        "name");
      g_autofree char *test_path = g_strdup_printf ("/core/standard-curve/%s", name);

      g_test_add_data_func (test_path, name, check_fit);
    }
  g_test_add_func ("/core/standard-curve/compare-4pl-5pl", test_compare);
  g_test_add_func ("/core/standard-curve/inverse-roundtrip", test_inverse_roundtrip);
  g_test_add_func ("/core/standard-curve/inverse-beyond-plateau", test_inverse_beyond_plateau);
  g_test_add_func ("/core/standard-curve/falling", test_falling_curve);
  g_test_add_func ("/core/standard-curve/missing-top-plateau", test_missing_top_plateau);
  g_test_add_func ("/core/standard-curve/errors", test_errors);
  g_test_add_func ("/core/standard-curve/p2p", test_p2p);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
