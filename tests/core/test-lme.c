/* test-lme.c — the mixed-effects model and repeated-measures ANOVA against nlme::lme and aov
 * (tests/reference/lme.R → lme.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-lme.h"

/* Iterative fits: 1e-4 relative as nlme's own convergence allows. */
#define TOL 1e-4

static JsonParser *fixture;

typedef struct
{
  guint n_subjects, n_arms, reference;
  gsize n;
  guint32 *subject;
  guint32 *arm;
  double *day;
  double *y;
  char **arm_names;
} Case;

static void
case_clear (Case *c)
{
  g_free (c->subject);
  g_free (c->arm);
  g_free (c->day);
  g_free (c->y);
  g_strfreev (c->arm_names);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Case, case_clear)

static double
get_num (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static JsonObject *
find_case (const char *name)
{
  JsonArray *cases = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (fixture)), "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), name))
        return item;
    }
  g_assert_not_reached ();
}

static void
load_case (JsonObject *item,
           Case       *c)
{
  JsonArray *subject = json_object_get_array_member (item, "subject");
  JsonArray *arm = json_object_get_array_member (item, "arm");
  JsonArray *day = json_object_get_array_member (item, "day");
  JsonArray *y = json_object_get_array_member (item, "y");
  JsonArray *names = json_object_get_array_member (item, "arm_names");

  c->n = json_array_get_length (y);
  g_assert_cmpuint (json_array_get_length (subject), ==, c->n);
  c->n_subjects = json_object_get_int_member (item, "n_subjects");
  c->reference = json_object_get_int_member (item, "reference");
  c->n_arms = json_array_get_length (names);
  c->arm_names = g_new0 (char *, c->n_arms + 1);
  for (guint a = 0; a < c->n_arms; a++)
    c->arm_names[a] = g_strdup (json_array_get_string_element (names, a));
  c->subject = g_new (guint32, c->n);
  c->arm = g_new (guint32, c->n);
  c->day = g_new (double, c->n);
  c->y = g_new (double, c->n);
  for (gsize i = 0; i < c->n; i++)
    {
      c->subject[i] = json_array_get_int_element (subject, i);
      c->arm[i] = json_array_get_int_element (arm, i);
      c->day[i] = json_array_get_double_element (day, i);
      c->y[i] = json_array_get_double_element (y, i);
    }
}

/* Relative tolerance; p-values R prints as 0 (nlme's 1 − pf) must just be negligible. */
static void
assert_close (double      got,
              double      want,
              double      tol,
              const char *what)
{
  if (isnan (want))
    {
      if (!isnan (got))
        g_error ("%s: expected NaN, got %.10g", what, got);
      return;
    }
  if (want == 0)
    {
      if (!(fabs (got) < 1e-12))
        g_error ("%s: expected 0, got %.10g", what, got);
      return;
    }
  g_test_message ("%s: %.12g vs R %.12g (relative error %.2g)", what, got, want,
                  fabs (got - want) / fabs (want));
  if (!(fabs (got - want) <= tol * fabs (want)))
    g_error ("%s: expected %.12g, got %.12g (relative error %.3g)", what, want, got,
             fabs (got - want) / fabs (want));
}

/* A p-value far in the tail moves by t² times any error of t: there compare log p. */
static void
assert_close_p (double      got,
                double      want,
                const char *what)
{
  if (want > 0 && want < 1e-8)
    assert_close (log (got), log (want), TOL, what);
  else
    assert_close (got, want, TOL, what);
}

static void
test_lme_case (gconstpointer data)
{
  JsonObject *item = find_case (data);
  JsonObject *lme = json_object_get_object_member (item, "lme");
  JsonObject *lrt = json_object_get_object_member (lme, "lrt");
  JsonArray *coef = json_object_get_array_member (lme, "coef");
  JsonArray *anova = json_object_get_array_member (lme, "anova");
  JsonArray *vcov = json_object_get_array_member (lme, "vcov");
  g_auto (Case) c = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ObLmeResult) res = NULL;

  load_case (item, &c);
  res = ob_lme_growth_fit (c.subject, c.n_subjects, c.arm, (const char *const *) c.arm_names,
                           c.n_arms, c.reference, c.day, c.y, c.n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (res);
  g_assert_cmpuint (res->n_obs, ==, c.n);
  g_test_message ("loglik %.14g vs R %.14g", res->loglik, get_num (lme, "loglik"));

  g_assert_cmpuint (res->n_coef, ==, json_array_get_length (coef));
  for (guint j = 0; j < res->n_coef; j++)
    {
      JsonObject *want = json_array_get_object_element (coef, j);
      const ObLmeCoef *got = &res->coef[j];

      g_assert_cmpstr (got->name, ==, json_object_get_string_member (want, "name"));
      assert_close (got->estimate, get_num (want, "estimate"), TOL, got->name);
      assert_close (got->se, get_num (want, "se"), TOL, "se");
      g_assert_cmpfloat (got->df, ==, get_num (want, "df"));
      assert_close (got->t, get_num (want, "t"), TOL, "t");
      assert_close_p (got->p, get_num (want, "p"), "p");
    }
  for (guint j = 0; j < res->n_coef * res->n_coef; j++)
    assert_close (res->vcov[j], json_array_get_double_element (vcov, j), TOL, "vcov");

  g_assert_cmpuint (res->n_anova, ==, json_array_get_length (anova));
  for (guint t = 0; t < res->n_anova; t++)
    {
      JsonObject *want = json_array_get_object_element (anova, t);
      const ObLmeAnovaRow *got = &res->anova[t];

      g_assert_cmpstr (got->name, ==, json_object_get_string_member (want, "name"));
      g_assert_cmpuint (got->num_df, ==, json_object_get_int_member (want, "num_df"));
      g_assert_cmpfloat (got->den_df, ==, get_num (want, "den_df"));
      assert_close (got->f, get_num (want, "f"), TOL, got->name);
      assert_close_p (got->p, get_num (want, "p"), "anova p");
    }

  assert_close (res->sd_intercept, get_num (lme, "sd_intercept"), TOL, "sd_intercept");
  assert_close (res->sd_slope, get_num (lme, "sd_slope"), TOL, "sd_slope");
  /* A correlation near 0 has no relative precision: compare it on its [−1, 1] scale. */
  g_assert_cmpfloat_with_epsilon (res->corr, get_num (lme, "corr"), TOL);
  assert_close (res->sigma, get_num (lme, "sigma"), TOL, "sigma");
  assert_close (res->loglik, get_num (lme, "loglik"), 1e-6, "loglik");
  assert_close (res->aic, get_num (lme, "aic"), 1e-6, "aic");
  assert_close (res->bic, get_num (lme, "bic"), 1e-6, "bic");

  assert_close (res->lrt_loglik_full, get_num (lrt, "loglik_full"), 1e-6, "ML loglik");
  assert_close (res->lrt_loglik_reduced, get_num (lrt, "loglik_reduced"), 1e-6, "ML loglik0");
  assert_close (res->lrt_statistic, get_num (lrt, "statistic"), TOL, "L.Ratio");
  g_assert_cmpuint (res->lrt_df, ==, json_object_get_int_member (lrt, "df"));
  assert_close_p (res->lrt_p, get_num (lrt, "p"), "LRT p");
}

/* The general entry with an explicit design: Orthodont's distance ~ Sex * age, with the
 * columns in another order than R's, gives R's estimates under their own names. */
static void
test_lme_general (void)
{
  JsonObject *item = find_case ("orthodont");
  JsonObject *lme = json_object_get_object_member (item, "lme");
  JsonArray *coef = json_object_get_array_member (lme, "coef");
  /* Columns: (Intercept), day, armFemale, armFemale:day; R's order is 0, 2, 1, 3. */
  const char *const names[] = { "(Intercept)", "day", "armFemale", "armFemale:day" };
  const guint from_r[] = { 0, 2, 1, 3 };
  const char *const term_names[] = { "(Intercept)", "day", "arm", "arm:day" };
  const guint term_start[] = { 0, 1, 2, 3, 4 };
  g_auto (Case) c = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ObLmeResult) res = NULL;
  g_autofree double *x = NULL;
  ObLmeModel model = { 0 };

  load_case (item, &c);
  x = g_new (double, c.n * 4);
  for (gsize i = 0; i < c.n; i++)
    {
      x[i * 4] = 1;
      x[i * 4 + 1] = c.day[i];
      x[i * 4 + 2] = c.arm[i] == c.reference ? 0 : 1;
      x[i * 4 + 3] = x[i * 4 + 2] * c.day[i];
    }
  model.n = c.n;
  model.p = 4;
  model.y = c.y;
  model.x = x;
  model.time = c.day;
  model.subject = c.subject;
  model.n_subjects = c.n_subjects;
  model.coef_names = names;
  model.n_terms = 4;
  model.term_start = term_start;
  model.term_names = term_names;
  res = ob_lme_fit (&model, OB_LME_REML, &error);
  g_assert_no_error (error);
  for (guint j = 0; j < 4; j++)
    {
      JsonObject *want = json_array_get_object_element (coef, from_r[j]);

      g_assert_cmpstr (res->coef[j].name, ==, json_object_get_string_member (want, "name"));
      assert_close (res->coef[j].estimate, get_num (want, "estimate"), TOL, names[j]);
      assert_close (res->coef[j].se, get_num (want, "se"), TOL, "se");
      g_assert_cmpfloat (res->coef[j].df, ==, get_num (want, "df"));
    }
  assert_close (res->loglik, get_num (lme, "loglik"), 1e-6, "loglik");
  assert_close (res->sd_slope, get_num (lme, "sd_slope"), TOL, "sd_slope");
  /* Sequential F depends on the order; the last term is the marginal test either way. */
  assert_close (res->anova[3].f,
                get_num (json_array_get_object_element (
                           json_object_get_array_member (lme, "anova"), 3), "f"),
                TOL, "arm:day F");
}

static void
test_rm_anova_case (gconstpointer data)
{
  JsonObject *item = find_case (data);
  JsonObject *want = json_object_get_object_member (item, "rm_anova");
  JsonArray *rows = json_object_get_array_member (want, "rows");
  JsonArray *days = json_object_get_array_member (want, "days");
  JsonArray *dropped = json_object_get_array_member (want, "dropped_subjects");
  g_auto (Case) c = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ObRmAnova) res = NULL;

  load_case (item, &c);
  res = ob_rm_anova_growth (c.subject, c.n_subjects, c.arm, c.n_arms, c.day, c.y, c.n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (res);

  g_assert_cmpuint (res->n_subjects, ==, json_object_get_int_member (want, "n_subjects"));
  g_assert_cmpuint (res->n_days, ==, json_array_get_length (days));
  for (guint j = 0; j < res->n_days; j++)
    g_assert_cmpfloat (res->days[j], ==, json_array_get_double_element (days, j));
  g_assert_cmpuint (res->n_dropped_subjects, ==, json_array_get_length (dropped));
  for (guint j = 0; j < res->n_dropped_subjects; j++)
    g_assert_cmpuint (res->dropped_subjects[j], ==, json_array_get_int_element (dropped, j));
  g_assert_nonnull (res->warning);
  g_assert_nonnull (strstr (res->warning, "biases"));

  assert_close (res->gg_epsilon, get_num (want, "gg_epsilon"), 1e-6, "G-G epsilon");
  g_assert_cmpuint (json_array_get_length (rows), ==, G_N_ELEMENTS (res->rows));
  for (guint r = 0; r < G_N_ELEMENTS (res->rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const ObRmAnovaRow *got = &res->rows[r];

      g_assert_cmpstr (got->name, ==, json_object_get_string_member (row, "name"));
      g_assert_cmpuint (got->stratum, ==, json_object_get_int_member (row, "stratum"));
      g_assert_cmpfloat (got->df, ==, get_num (row, "df"));
      assert_close (got->ss, get_num (row, "ss"), 1e-6, "SS");
      assert_close (got->ms, get_num (row, "ms"), 1e-6, "MS");
      assert_close (got->f, get_num (row, "f"), 1e-6, "F");
      assert_close_p (got->p, get_num (row, "p"), "p");
      assert_close_p (got->p_gg, get_num (row, "p_gg"), "G-G p");
    }
}

/* 1000 mice, 4 arms, 10 days with dropouts: the fit must stay well under a second. */
static void
test_lme_speed (void)
{
  const guint mice = 1000, n_days = 10;
  const char *const arms[] = { "control", "a", "b", "c" };
  g_autofree guint32 *subject = g_new (guint32, mice * n_days);
  g_autofree guint32 *arm = g_new (guint32, mice * n_days);
  g_autofree double *day = g_new (double, mice * n_days);
  g_autofree double *y = g_new (double, mice * n_days);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr (GError) error = NULL;
  g_autoptr (ObLmeResult) res = NULL;
  gsize n = 0;
  gint64 t0;
  double seconds;

  for (guint m = 0; m < mice; m++)
    {
      double intercept = 4.5 + 0.3 * g_rand_double_range (rand, -1, 1);
      double rate = 0.02 * (m % 4) + 0.08 + 0.02 * g_rand_double_range (rand, -1, 1);
      guint last = m % 7 == 0 ? 5 + m % 5 : n_days;

      for (guint d = 0; d < last; d++)
        {
          subject[n] = m;
          arm[n] = m % 4;
          day[n] = 3.5 * d;
          y[n] = intercept + rate * day[n] + 0.2 * g_rand_double_range (rand, -1, 1);
          n++;
        }
    }
  t0 = g_get_monotonic_time ();
  res = ob_lme_growth_fit (subject, mice, arm, arms, 4, 0, day, y, n, &error);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_no_error (error);
  g_test_message ("%u mice, %" G_GSIZE_FORMAT " rows: REML fit and ML likelihood-ratio test in "
                  "%.3f s", mice, n, seconds);
  g_test_message ("Nelder–Mead iterations: %u", res->iterations);
  g_assert_cmpuint (res->n_subjects, ==, mice);
  /* Simulated: rates 0.08 + 0.02 · arm, so arm c grows 0.06 per day faster than control. */
  g_assert_cmpfloat_with_epsilon (res->coef[7].estimate, 0.06, 0.005);
  g_assert_cmpfloat (seconds, <, 1.0);
}

static void
test_lme_refusals (void)
{
  const guint32 subject[] = { 0, 0, 1, 1, 1 };
  const guint32 arm[] = { 0, 1, 1, 1, 1 };
  const double day[] = { 0, 3, 0, 3, 7 };
  const double y[] = { 4, 4.2, 4.1, 4.5, 4.9 };
  const char *const arms[] = { "vehicle", "treated" };
  g_autoptr (GError) error = NULL;
  ObLmeResult *res;
  ObRmAnova *rm;

  res = ob_lme_growth_fit (subject, 2, arm, arms, 2, 0, day, y, G_N_ELEMENTS (y), &error);
  g_assert_null (res);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  rm = ob_rm_anova_growth (subject, 2, arm, 2, day, y, G_N_ELEMENTS (y), &error);
  g_assert_null (rm);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  /* The control arm has no usable row: its volumes are missing. */
  {
    const guint32 arm2[] = { 0, 0, 1, 1, 1 };
    const double y2[] = { NAN, NAN, 4.1, 4.5, 4.9 };

    res = ob_lme_growth_fit (subject, 2, arm2, arms, 2, 0, day, y2, G_N_ELEMENTS (y2), &error);
    g_assert_null (res);
    g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  }
}

/* Every mouse grows at exactly the same rate around the same wiggle: the slope variance is
 * zero, which must come back as a fit with a warning rather than as an error or a made-up
 * variance. */
static void
test_lme_boundary (void)
{
  const guint mice = 12, n_days = 6;
  const char *const arms[] = { "vehicle", "treated" };
  const double wiggle[] = { 0.1, -0.05, 0.08, -0.12, 0.02, 0.07 };
  guint32 subject[12 * 6], arm[12 * 6];
  double day[12 * 6], y[12 * 6];
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autoptr (GError) error = NULL;
  g_autoptr (ObLmeResult) res = NULL;
  gsize n = 0;

  for (guint m = 0; m < mice; m++)
    {
      double intercept = 4 + 0.5 * g_rand_double_range (rand, -1, 1);

      for (guint d = 0; d < n_days; d++, n++)
        {
          subject[n] = m;
          arm[n] = m % 2;
          day[n] = 3 * d;
          y[n] = intercept + (m % 2 ? 0.05 : 0.1) * day[n] + wiggle[d];
        }
    }
  res = ob_lme_growth_fit (subject, mice, arm, arms, 2, 0, day, y, n, &error);
  g_assert_no_error (error);
  g_test_message ("sd intercept %g slope %g sigma %g", res->sd_intercept, res->sd_slope,
                  res->sigma);
  g_assert_cmpfloat (res->sd_slope, <, 1e-4 * res->sigma);
  g_assert_nonnull (res->warning);
  g_assert_nonnull (strstr (res->warning, "boundary"));
  g_assert_cmpfloat_with_epsilon (res->coef[3].estimate, -0.05, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *cases[] = { "xenograft", "orthodont", "xenograft-unbalanced", "xenograft-hours" };
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "lme.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s: %s", path, error->message);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test = g_strdup_printf ("/core/lme/nlme/%s", cases[i]);

      g_autofree char *rm = g_strdup_printf ("/core/lme/rm-anova/%s", cases[i]);

      g_test_add_data_func (test, cases[i], test_lme_case);
      g_test_add_data_func (rm, cases[i], test_rm_anova_case);
    }
  g_test_add_func ("/core/lme/speed", test_lme_speed);
  g_test_add_func ("/core/lme/general", test_lme_general);
  g_test_add_func ("/core/lme/refusals", test_lme_refusals);
  g_test_add_func ("/core/lme/boundary", test_lme_boundary);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
