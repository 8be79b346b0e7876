/* test-standard-curve.c — standard-curve fits against R's nls and lm
 * (tests/reference/elisa.R → elisa.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
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

  /* The curve's pointwise 95% band, as the figure draws it. */
  {
    gsize nb;
    g_autofree double *bx = member_vector (item, "band_x", &nb);
    g_autofree double *blo = member_vector (item, "band_lo", &nb);
    g_autofree double *bhi = member_vector (item, "band_hi", &nb);

    for (gsize i = 0; i < nb; i++)
      {
        double lo, hi;

        g_assert_true (ob_curve_fit_band (fit, bx[i], &lo, &hi));
        assert_close (lo, blo[i], tol, "band lower");
        assert_close (hi, bhi[i], tol, "band upper");
      }
  }
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

/* The wells the analysis leaves out are logged with their reason, blanks are subtracted,
 * and each plate gets its own curve. */
static void
test_assay_plates (void)
{
  static const char csv[] =
    "Well,Sample,Type,Conc,OD,Plate\n"
    "A1,S1,standard,1000,2.30,p1\nA2,S2,standard,500,1.85,p1\nA3,S3,standard,250,1.35,p1\n"
    "A4,S4,standard,125,0.80,p1\nA5,S5,standard,62.5,0.45,p1\nA6,S6,standard,31.25,0.25,p1\n"
    "A7,S7,standard,15.625,0.14,p1\nA8,S8,standard,,0.10,p1\nA9,bl,blank,,0.04,p1\n"
    "A10,x,sample,,0.80,p1\nA11,x,sample,,,p1\nA12,y,mystery,,0.5,p1\n"
    "B1,S1,standard,1000,4.60,p2\nB2,S2,standard,500,3.70,p2\nB3,S3,standard,250,2.70,p2\n"
    "B4,S4,standard,125,1.60,p2\nB5,S5,standard,62.5,0.90,p2\nB6,S6,standard,31.25,0.50,p2\n"
    "B7,S7,standard,15.625,0.28,p2\nB8,x,sample,,1.60,p2\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "plates.csv", NULL, &error);
  ObAssayColumns columns = { .response = "od" };
  ObAssaySettings settings;
  g_autoptr(GPtrArray) plates = NULL;
  ObAssayPlate *p1, *p2;
  ObAssaySample *x1, *x2;

  g_assert_no_error (error);
  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plates->len, ==, 2);
  p1 = g_ptr_array_index (plates, 0);
  p2 = g_ptr_array_index (plates, 1);
  g_assert_cmpstr (p1->plate, ==, "p1");
  g_assert_cmpstr (p2->plate, ==, "p2");

  g_assert_cmpuint (p1->exclusions->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (p1->exclusions, 0), ==,
                   "Well A8: a standard without a concentration");
  g_assert_cmpstr (g_ptr_array_index (p1->exclusions, 1), ==, "Well A11: no response");
  g_assert_nonnull (strstr (g_ptr_array_index (p1->exclusions, 2), "mystery"));
  g_assert_cmpuint (p2->exclusions->len, ==, 0);

  g_assert_cmpuint (p1->n_blanks, ==, 1);
  assert_close (p1->blank, 0.04, 1e-12, "blank");
  g_assert_cmpfloat (p2->blank, ==, 0.0);
  g_assert_cmpuint (p1->fit->n, ==, 7);
  g_assert_cmpuint (p1->standards->len, ==, 7);

  /* Plate 2 reads twice the signal: the same sample, read on each plate's own curve, comes
   * out at about the same concentration. */
  g_assert_cmpuint (p1->samples->len, ==, 1);
  x1 = g_ptr_array_index (p1->samples, 0);
  x2 = g_ptr_array_index (p2->samples, 0);
  g_assert_cmpuint (x1->n, ==, 1);
  assert_close (x1->mean_response, 0.76, 1e-12, "blank-subtracted mean");
  assert_close (ob_curve_fit_predict (p1->fit, x1->conc), x1->mean_response, 1e-9, "inverse");
  g_assert_cmpfloat (fabs (x1->conc - x2->conc) / x2->conc, <, 0.1);
  g_assert_cmpfloat (x1->conc_lower, <, x1->conc);
  g_assert_cmpfloat (x1->conc_upper, >, x1->conc);
  g_assert_true (isnan (x1->cv_pct));
}

/* Without a type column, wells with a concentration are standards; a sample above the
 * highest passing standard is flagged, not extrapolated. */
static void
test_assay_no_type_column (void)
{
  static const char csv[] =
    "conc,response\n1000,2.30\n500,1.85\n250,1.35\n125,0.80\n62.5,0.45\n31.25,0.25\n"
    "15.625,0.14\n,2.5\n,0.6\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "plain.csv", NULL, &error);
  ObAssayColumns columns = { 0 };
  ObAssaySettings settings;
  g_autoptr(GPtrArray) plates = NULL;
  ObAssayPlate *plate;
  ObAssaySample *high, *mid;

  g_assert_no_error (error);
  ob_assay_settings_init (&settings);
  plates = ob_assay_analyse (dataset, &columns, NULL, &settings, &error);
  g_assert_no_error (error);
  plate = g_ptr_array_index (plates, 0);
  g_assert_null (plate->plate);
  g_assert_cmpuint (plate->fit->n, ==, 7);
  g_assert_cmpuint (plate->samples->len, ==, 2);
  high = g_ptr_array_index (plate->samples, 0);
  mid = g_ptr_array_index (plate->samples, 1);
  g_assert_cmpstr (high->id, ==, "Row 8");   /* the eighth row of data */
  g_assert_true (isnan (high->conc));
  g_assert_cmpuint (high->flags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (high->flags, 1), ==, ">ULOQ");
  g_assert_cmpuint (mid->flags->len, ==, 0);
  g_assert_cmpfloat (mid->conc, >, 62.5);
  g_assert_cmpfloat (mid->conc, <, 250);
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
  g_test_add_func ("/core/standard-curve/assay-plates", test_assay_plates);
  g_test_add_func ("/core/standard-curve/assay-no-type-column", test_assay_no_type_column);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
