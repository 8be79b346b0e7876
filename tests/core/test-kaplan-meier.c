/* test-kaplan-meier.c — Kaplan–Meier against R's survfit, quantile, summary and survmean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-kaplan-meier.h"
#include "surv-test-util.h"

#define TOL 1e-6

typedef struct
{
  const char *name;      /* key in survival-km.out */
  const char *csv;       /* NULL: data written into the reference file */
  const char *group;
  const char *event_column;
} KmCase;

static const KmCase cases[] = {
  { "lung-sex", "lung.csv", "sex", "status" },
  { "lung-ecog", "lung.csv", "ph.ecog", "status" },
  { "lung-all", "lung.csv", NULL, "status" },
  { "veteran-trt", "veteran.csv", "trt", "status" },
  { "veteran-celltype", "veteran.csv", "celltype", "status" },
  { "aml-x", "aml.csv", "x", "status" },
  { "edge", NULL, "group", "status" },
  { "sim", NULL, "group", "status" },
};

static ObSurvData *
case_data (const KmCase *kc)
{
  g_autoptr(ObDataset) dataset = kc->csv != NULL ? surv_test_load_csv (kc->csv)
                                                 : surv_test_reference_dataset (kc->name);
  const char *ones[] = { "1", NULL };
  ObSurvSpec spec = { .time_column = "time", .event_column = kc->event_column,
                      .group_column = kc->group };
  g_autoptr(GError) error = NULL;
  ObSurvData *data;

  /* simulated data are 0/1 and may be all 1 in a group: name the coding, do not guess */
  if (kc->csv == NULL)
    spec.event_values = ones;
  data = ob_surv_data_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
check_array (const char *key,
             const char *field,
             guint       index,
             double      got)
{
  g_autofree char *full = field[0] != '\0' ? g_strdup_printf ("%s.%s", key, field)
                                            : g_strdup (key);
  g_autofree char *what = g_strdup_printf ("%s[%u]", full, index);

  surv_test_check (what, got, surv_test_ref1 (full, index), TOL);
}

static void
check_curve (const char      *name,
             ObCiTransform    ci,
             guint            g,
             const ObKmCurve *curve)
{
  g_autofree char *key = g_strdup_printf ("km.%s.%s.%u", name, ob_ci_transform_to_string (ci),
                                          g);
  g_autofree char *key_ll = g_strdup_printf ("km.%s.log-log.%u", name, g);
  g_autofree char *at_key = g_strdup_printf ("km.%s.at", name);
  g_autofree char *tau_key = g_strdup_printf ("km.%s.tau", name);
  g_autofree char *steps_key = g_strdup_printf ("%s.time", key_ll);
  g_autofree char *n_key = g_strdup_printf ("%s.n", key_ll);
  const GArray *at = surv_test_ref (at_key);
  double quantiles[3][3] = {
    { curve->q25, curve->median, curve->q75 },
    { curve->q25_lower, curve->median_lower, curve->q75_lower },
    { curve->q25_upper, curve->median_upper, curve->q75_upper },
  };
  double rmst, rmst_se;

  g_assert_cmpuint (curve->n, ==, (gsize) surv_test_ref1 (n_key, 0));
  g_assert_cmpuint (curve->n_steps, ==, surv_test_ref (steps_key)->len);
  for (guint k = 0; k < curve->n_steps; k++)
    {
      const ObKmStep *step = &curve->steps[k];

      check_array (key_ll, "time", k, step->time);
      check_array (key_ll, "n_risk", k, (double) step->n_risk);
      check_array (key_ll, "n_event", k, (double) step->n_event);
      check_array (key_ll, "n_censor", k, (double) step->n_censor);
      check_array (key_ll, "surv", k, step->surv);
      check_array (key_ll, "std_err", k, step->std_err);
      check_array (key, "lower", k, step->lower);
      check_array (key, "upper", k, step->upper);
    }

  for (guint q = 0; q < 3; q++)
    {
      check_array (key, "quantile", q, quantiles[0][q]);
      check_array (key, "quantile_lower", q, quantiles[1][q]);
      check_array (key, "quantile_upper", q, quantiles[2][q]);
    }

  for (guint i = 0; i < at->len; i++)
    {
      ObKmSurvAt s;

      ob_km_curve_surv_at (curve, g_array_index (at, double, i), &s);
      check_array (key, "at.surv", i, s.surv);
      check_array (key, "at.std_err", i, s.std_err);
      check_array (key, "at.lower", i, s.lower);
      check_array (key, "at.upper", i, s.upper);
      check_array (key, "at.n_risk", i, (double) s.n_risk);
      g_assert_cmpuint (ob_km_curve_n_risk_at (curve, g_array_index (at, double, i)), ==,
                        s.n_risk);
    }

  ob_km_curve_rmst (curve, surv_test_ref1 (tau_key, 0), &rmst, &rmst_se);
  check_array (key, "rmst", 0, rmst);
  check_array (key, "rmst", 1, rmst_se);
}

static void
test_case (gconstpointer user_data)
{
  const KmCase *kc = user_data;
  g_autoptr(ObSurvData) data = case_data (kc);
  g_autofree char *groups_key = g_strdup_printf ("km.%s.n_groups", kc->name);

  g_assert_cmpuint (data->n_groups, ==, (guint) surv_test_ref1 (groups_key, 0));
  for (ObCiTransform ci = OB_CI_LOG_LOG; ci <= OB_CI_PLAIN; ci++)
    {
      ObKmOptions options;
      g_autoptr(ObKmFit) fit = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *fu_key = g_strdup_printf ("km.%s.%s.followup", kc->name,
                                                 ob_ci_transform_to_string (ci));
      double fu[3];

      ob_km_options_init (&options);
      options.ci = ci;
      fit = ob_km_fit (data, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fit->n_curves, ==, data->n_groups);
      for (guint g = 0; g < fit->n_curves; g++)
        check_curve (kc->name, ci, g, &fit->curves[g]);

      ob_km_median_followup (data, &options, &fu[0], &fu[1], &fu[2]);
      for (guint i = 0; i < 3; i++)
        check_array (fu_key, "", i, fu[i]);
    }
}

/* print(survfit) and quantile() agree except where a curve ends flat at exactly 0.5; the
 * median Oncobench reports is quantile()'s. */
static void
test_print_median (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(ObSurvData) data = case_data (&cases[c]);
      g_autoptr(ObKmFit) fit = ob_km_fit (data, NULL, NULL);

      for (guint g = 0; g < fit->n_curves; g++)
        {
          g_autofree char *key = g_strdup_printf ("km.%s.log-log.%u.print_median",
                                                  cases[c].name, g);
          g_autofree char *qkey = g_strdup_printf ("km.%s.log-log.%u.quantile",
                                                   cases[c].name, g);
          double r_print = surv_test_ref1 (key, 0);
          double r_quantile = surv_test_ref1 (qkey, 1);

          if (r_print == r_quantile || (isnan (r_print) && isnan (r_quantile)))
            surv_test_check (key, fit->curves[g].median, r_print, TOL);
        }
    }
}

static void
test_defaults_and_names (void)
{
  ObKmOptions options;
  ObCiTransform ci;

  ob_km_options_init (&options);
  g_assert_cmpint (options.ci, ==, OB_CI_LOG_LOG);
  g_assert_cmpfloat (options.conf_level, ==, 0.95);
  for (ObCiTransform c = OB_CI_LOG_LOG; c <= OB_CI_PLAIN; c++)
    {
      g_assert_true (ob_ci_transform_from_string (ob_ci_transform_to_string (c), &ci));
      g_assert_cmpint (ci, ==, c);
    }
  g_assert_false (ob_ci_transform_from_string ("logit", &ci));
}

static void
test_rmst_diff (void)
{
  g_autoptr(ObSurvData) data = case_data (&cases[0]);
  g_autoptr(ObKmFit) fit = ob_km_fit (data, NULL, NULL);
  ObKmRmstDiff d;
  double tau = surv_test_ref1 ("km.lung-sex.tau", 0);

  ob_km_rmst_diff (&fit->curves[1], &fit->curves[0], tau, 0.95, &d);
  surv_test_check ("rmst1", d.rmst1, surv_test_ref1 ("km.lung-sex.log-log.1.rmst", 0), TOL);
  surv_test_check ("rmst0", d.rmst0, surv_test_ref1 ("km.lung-sex.log-log.0.rmst", 0), TOL);
  surv_test_check ("rmst diff", d.diff, surv_test_ref1 ("rmst.lung-sex", 0), TOL);
  surv_test_check ("rmst diff se", d.se, surv_test_ref1 ("rmst.lung-sex", 1), TOL);
  surv_test_check ("rmst diff lower", d.lower, surv_test_ref1 ("rmst.lung-sex", 2), TOL);
  surv_test_check ("rmst diff upper", d.upper, surv_test_ref1 ("rmst.lung-sex", 3), TOL);
  surv_test_check ("rmst diff p", d.p, surv_test_ref1 ("rmst.lung-sex", 4), TOL);
}

static void
test_conf_level (void)
{
  g_autoptr(ObSurvData) data = case_data (&cases[5]);
  ObKmOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObKmFit) fit = NULL;

  ob_km_options_init (&options);
  options.conf_level = 0.9;
  fit = ob_km_fit (data, &options, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      const ObKmCurve *curve = &fit->curves[g];
      g_autofree char *key = g_strdup_printf ("km90.aml-x.%u", g);
      double ql[3] = { curve->q25_lower, curve->median_lower, curve->q75_lower };
      double qu[3] = { curve->q25_upper, curve->median_upper, curve->q75_upper };

      for (guint k = 0; k < curve->n_steps; k++)
        {
          check_array (key, "lower", k, curve->steps[k].lower);
          check_array (key, "upper", k, curve->steps[k].upper);
        }
      for (guint q = 0; q < 3; q++)
        {
          check_array (key, "quantile_lower", q, ql[q]);
          check_array (key, "quantile_upper", q, qu[q]);
        }
    }
}

static void
test_other_quantiles (void)
{
  g_autoptr(ObSurvData) data = case_data (&cases[2]);
  g_autoptr(ObKmFit) fit = ob_km_fit (data, NULL, NULL);
  const double probs[] = { 0, 0.1, 0.9 };

  for (guint i = 0; i < G_N_ELEMENTS (probs); i++)
    {
      double q, lower, upper;

      ob_km_curve_quantile (&fit->curves[0], probs[i], &q, &lower, &upper);
      check_array ("quantile.lung-all", "", i, q);
      check_array ("quantile.lung-all", "", 3 + i, lower);
      check_array ("quantile.lung-all", "", 6 + i, upper);
    }
}

static void
test_bad_conf_level (void)
{
  g_autoptr(ObSurvData) data = case_data (&cases[5]);
  ObKmOptions options;
  g_autoptr(GError) error = NULL;

  ob_km_options_init (&options);
  options.conf_level = 95;
  g_assert_null (ob_km_fit (data, &options, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  surv_test_load_reference ();
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = g_strdup_printf ("/core/kaplan-meier/r/%s", cases[c].name);
      g_test_add_data_func (path, &cases[c], test_case);
    }
  g_test_add_func ("/core/kaplan-meier/print-median", test_print_median);
  g_test_add_func ("/core/kaplan-meier/defaults", test_defaults_and_names);
  g_test_add_func ("/core/kaplan-meier/rmst-diff", test_rmst_diff);
  g_test_add_func ("/core/kaplan-meier/conf-level", test_conf_level);
  g_test_add_func ("/core/kaplan-meier/other-quantiles", test_other_quantiles);
  g_test_add_func ("/core/kaplan-meier/bad-conf-level", test_bad_conf_level);
  status = g_test_run ();
  surv_test_free_reference ();
  return status;
}
