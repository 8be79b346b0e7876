/* test-lme.c — the mixed-effects model and repeated-measures ANOVA against nlme::lme and aov
 * (tests/reference/lme.R → lme.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

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

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *cases[] = { "xenograft", "orthodont", "xenograft-unbalanced" };
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "lme.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s: %s", path, error->message);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test = g_strdup_printf ("/core/lme/nlme/%s", cases[i]);

      g_test_add_data_func (test, cases[i], test_lme_case);
    }
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
