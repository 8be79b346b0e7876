/* test-cox.c — Cox models against R's coxph and cox.zph (tests/reference/survival-cox.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-cox.h"
#include "ob-csv-reader.h"

/* Iterative fits agree with R to this relative tolerance. */
#define TOL 1e-5

static GHashTable *expected;

static void
load_expected (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "survival-cox.out",
                                                 NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *eq = strstr (lines[i], " = ");

      /* "# KEY R warns: …" records that coxph warned on that fit. */
      if (g_str_has_prefix (lines[i], "# ") && strstr (lines[i], " R warns: ") != NULL)
        {
          char *end = strstr (lines[i], " R warns: ");

          g_hash_table_insert (expected, g_strdup_printf ("%.*s.r_warning",
                                                          (int) (end - lines[i] - 2),
                                                          lines[i] + 2),
                               g_strdup (end + 10));
          continue;
        }
      if (lines[i][0] == '#' || eq == NULL)
        continue;
      g_hash_table_insert (expected, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 3));
    }
}

static double
want (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static double
want (const char *fmt, ...)
{
  va_list args;
  g_autofree char *key = NULL;
  const char *value;

  va_start (args, fmt);
  key = g_strdup_vprintf (fmt, args);
  va_end (args);
  value = g_hash_table_lookup (expected, key);
  if (value == NULL)
    g_error ("no reference value %s", key);
  return g_ascii_strtod (value, NULL);
}

static void
assert_close (double got, double ref, double tol, const char *what)
{
  if (isinf (ref) && got == ref)
    return;
  if (!(fabs (got - ref) <= tol * fabs (ref) + 1e-12))
    g_error ("%s: got %.12g, R gives %.12g", what, got, ref);
}

/* A hand-built ObSurvData read from a design the R script wrote. */
typedef ObSurvData Design;

static void
design_free (Design *d)
{
  g_free (d->time);
  g_free (d->status);
  g_free (d->strata);
  g_free (d->x);
  g_strfreev (d->term_names);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Design, design_free)

static Design *
load_design (const char *model)
{
  g_autofree char *name = g_strdup_printf ("cox-data-%s.csv", model);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  Design *d = g_new0 (Design, 1);
  guint n_lines;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strstrip (text), "\n", -1);
  n_lines = g_strv_length (lines);
  header = g_strsplit (lines[0], ",", -1);
  d->p = g_strv_length (header) - 3;
  d->n = n_lines - 1;
  d->term_names = g_new0 (char *, d->p + 1);
  for (guint j = 0; j < d->p; j++)
    d->term_names[j] = g_strdup (header[j + 3]);
  d->time = g_new (double, d->n);
  d->status = g_new (guint8, d->n);
  d->strata = g_new (guint32, d->n);
  d->x = g_new (double, d->n * d->p);
  for (gsize i = 0; i < d->n; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (f), ==, d->p + 3);
      d->time[i] = g_ascii_strtod (f[0], NULL);
      d->status[i] = atoi (f[1]);
      d->strata[i] = atoi (f[2]);
      d->n_strata = MAX (d->n_strata, d->strata[i] + 1);
      for (guint j = 0; j < d->p; j++)
        d->x[i * d->p + j] = g_ascii_strtod (f[j + 3], NULL);
    }
  return d;
}

static ObCox *
fit (const ObSurvData *d, ObTies ties, gboolean stratified, gboolean firth)
{
  ObCoxOptions options;
  g_autoptr(GError) error = NULL;
  ObCox *cox;

  ob_cox_options_init (&options);
  options.ties = ties;
  options.stratified = stratified;
  options.firth = firth;
  cox = ob_cox_fit (d, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cox);
  return cox;
}

static void
check_terms (const ObCox *cox, const char *key)
{
  /* Firth fits take their limits and p-values from the profile penalised likelihood. */
  static const char *wald[] = { "coef", "se", "hr", "hr_lower", "hr_upper", "z", "p" };
  static const char *profile[] = { "coef", "se", "hr", "pl_hr_lower", "pl_hr_upper", "z",
                                   "pl_p" };
  const char **fields = cox->firth ? profile : wald;

  for (guint j = 0; j < cox->n_terms; j++)
    {
      const ObCoxTerm *t = &cox->terms[j];
      double got[] = { t->coef, t->se, t->hr, t->hr_lower, t->hr_upper, t->z, t->p };

      for (guint f = 0; f < G_N_ELEMENTS (wald); f++)
        {
          g_autofree char *what = g_strdup_printf ("%s %s %s", key, t->name, fields[f]);

          assert_close (got[f], want ("%s.term.%s.%s", key, t->name, fields[f]), TOL, what);
        }
    }
  for (guint i = 0; i < cox->n_terms; i++)
    for (guint j = 0; j < cox->n_terms; j++)
      assert_close (cox->var[i * cox->n_terms + j], want ("%s.var.%u.%u", key, i, j), TOL,
                    "covariance");
}

/* Checks everything summary(coxph) prints, and cox.zph when R computed it. */
static void
check_fit (const ObSurvData *d, const char *model, ObTies ties, gboolean stratified)
{
  g_autoptr(ObCox) cox = fit (d, ties, stratified, FALSE);
  g_autofree char *key = g_strdup_printf ("%s.%s", model, ob_ties_to_string (ties));
  g_autofree char *zkey = g_strdup_printf ("%s.zph.GLOBAL.chisq", key);
  g_autofree char *rwarn = g_strdup_printf ("%s.r_warning", key);
  g_autoptr(GError) error = NULL;

  g_assert_true (cox->converged);
  g_assert_null (cox->warning);
  g_assert_false (g_hash_table_contains (expected, rwarn));
  g_assert_cmpuint (cox->n, ==, (gsize) want ("%s.n", key));
  g_assert_cmpuint (cox->events, ==, (gsize) want ("%s.events", key));
  g_assert_cmpuint (cox->iterations, ==, (guint) want ("%s.iter", key));
  assert_close (cox->loglik_null, want ("%s.loglik_null", key), 1e-9, "loglik null");
  assert_close (cox->loglik, want ("%s.loglik", key), TOL, "loglik");
  assert_close (cox->lr.chisq, want ("%s.lr", key), TOL, "LR test");
  assert_close (cox->lr.p, want ("%s.lr_p", key), TOL, "LR p");
  assert_close (cox->wald.chisq, want ("%s.wald", key), TOL, "Wald test");
  assert_close (cox->wald.p, want ("%s.wald_p", key), TOL, "Wald p");
  assert_close (cox->score.chisq, want ("%s.score", key), 1e-9, "score test");
  assert_close (cox->score.p, want ("%s.score_p", key), 1e-9, "score p");
  g_assert_cmpuint (cox->lr.df, ==, (guint) want ("%s.df", key));
  g_assert_cmpuint (cox->wald.df, ==, cox->n_terms);
  g_assert_cmpuint (cox->score.df, ==, cox->n_terms);
  check_terms (cox, key);

  if (g_hash_table_contains (expected, zkey))
    {
      g_autoptr(ObCoxZph) zph = ob_cox_zph (d, cox, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (zph->terms[zph->n_terms - 1].name, ==, "GLOBAL");
      for (guint k = 0; k < zph->n_terms; k++)
        {
          const ObCoxZphTerm *t = &zph->terms[k];

          assert_close (t->chisq, want ("%s.zph.%s.chisq", key, t->name), TOL, t->name);
          assert_close (t->p, want ("%s.zph.%s.p", key, t->name), TOL, t->name);
          g_assert_cmpuint (t->df, ==, (guint) want ("%s.zph.%s.df", key, t->name));
        }
    }
}

static void
check_model (const char *model, ObTies ties, gboolean stratified)
{
  g_autoptr(Design) d = load_design (model);

  check_fit (d, model, ties, stratified);
}

static void
test_lung_sex (void)
{
  check_model ("lung-sex", OB_TIES_EFRON, FALSE);
  check_model ("lung-sex", OB_TIES_BRESLOW, FALSE);
}

static void
test_lung_multi (void)
{
  check_model ("lung-multi", OB_TIES_EFRON, FALSE);
  check_model ("lung-multi", OB_TIES_BRESLOW, FALSE);
}

static void
test_lung_ecog_factor (void)
{
  check_model ("lung-ecogf", OB_TIES_EFRON, FALSE);
  check_model ("lung-ecogf", OB_TIES_BRESLOW, FALSE);
}

static void
test_veteran (void)
{
  check_model ("veteran", OB_TIES_EFRON, FALSE);
  check_model ("veteran", OB_TIES_BRESLOW, FALSE);
}

static void
test_veteran_strata (void)
{
  check_model ("veteran-strata", OB_TIES_EFRON, TRUE);
  check_model ("veteran-strata", OB_TIES_BRESLOW, TRUE);
}

static void
test_aml (void)
{
  check_model ("aml", OB_TIES_EFRON, FALSE);
  check_model ("aml", OB_TIES_BRESLOW, FALSE);
}

/* Every event is in one arm: R warns that the coefficient may be infinite; we must say so
 * and not present the fit as valid. */
static void
check_separation (const char *model)
{
  g_autoptr(Design) d = load_design (model);

  for (ObTies ties = OB_TIES_EFRON; ties <= OB_TIES_BRESLOW; ties++)
    {
      g_autoptr(ObCox) cox = fit (d, ties, FALSE, FALSE);
      g_autofree char *key = g_strdup_printf ("%s.%s", model, ob_ties_to_string (ties));

      g_autofree char *rwarn = g_strdup_printf ("%s.r_warning", key);

      /* R warns "coefficient may be infinite" on the same fit. */
      g_assert_nonnull (strstr (g_hash_table_lookup (expected, rwarn) ?: "", "infinite"));
      g_assert_false (cox->converged);
      g_assert_nonnull (cox->warning);
      g_test_message ("%s", cox->warning);
      g_assert_nonnull (strstr (cox->warning, "arm=b is infinite"));
      g_assert_nonnull (strstr (cox->warning, "--firth"));
      g_assert_null (strstr (cox->warning, "age"));
      g_assert_cmpfloat (cox->terms[0].coef, >, 10);
      /* The score (log-rank) test at β = 0 is still valid. */
      assert_close (cox->score.chisq, want ("%s.score", key), 1e-9, "score test");
    }
}

static void
test_separation (void)
{
  check_separation ("separation");
  check_separation ("separation-age");
}

/* Out of iterations, coxph keeps the last step that raised the loglik and warns; so do we,
 * and the numbers must say they are not a converged fit. */
static void
test_out_of_iterations (void)
{
  g_autoptr(Design) d = load_design ("lung-multi");

  for (ObTies ties = OB_TIES_EFRON; ties <= OB_TIES_BRESLOW; ties++)
    {
      g_autofree char *key = g_strdup_printf ("lung-multi.%s.iter2", ob_ties_to_string (ties));
      g_autofree char *rwarn = g_strdup_printf ("%s.r_warning", key);
      g_autoptr(GError) error = NULL;
      g_autoptr(ObCox) cox = NULL;
      ObCoxOptions options;

      ob_cox_options_init (&options);
      options.ties = ties;
      options.max_iter = 2;
      cox = ob_cox_fit (d, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (g_hash_table_lookup (expected, rwarn) ?: "",
                                "Ran out of iterations"));
      g_assert_false (cox->converged);
      g_assert_nonnull (cox->warning);
      g_assert_nonnull (strstr (cox->warning, "did not converge in 2 iterations"));
      assert_close (cox->loglik_null, want ("%s.loglik_null", key), 1e-9, "loglik null");
      assert_close (cox->loglik, want ("%s.loglik", key), 1e-9, "loglik");
      assert_close (cox->lr.chisq, want ("%s.lr", key), 1e-9, "LR test");
      assert_close (cox->wald.chisq, want ("%s.wald", key), TOL, "Wald test");
      assert_close (cox->score.chisq, want ("%s.score", key), 1e-9, "score test");
      check_terms (cox, key);
    }
}

static void
check_firth (const char *model, ObTies ties)
{
  g_autoptr(Design) d = load_design (model);
  g_autoptr(ObCox) cox = fit (d, ties, FALSE, TRUE);
  g_autofree char *key = g_strdup_printf ("%s.%s.firth", model, ob_ties_to_string (ties));

  g_assert_true (cox->converged);
  g_assert_null (cox->warning);
  g_assert_true (cox->firth);
  assert_close (cox->loglik_null, want ("%s.loglik_null", key), 1e-9, "penalised loglik null");
  assert_close (cox->loglik, want ("%s.loglik", key), TOL, "penalised loglik");
  assert_close (cox->lr.chisq, want ("%s.lr", key), TOL, "penalised LR test");
  assert_close (cox->lr.p, want ("%s.lr_p", key), TOL, "penalised LR p");
  check_terms (cox, key);
}

static void
test_firth (void)
{
  check_firth ("separation", OB_TIES_EFRON);
  check_firth ("separation", OB_TIES_BRESLOW);
  check_firth ("separation-age", OB_TIES_EFRON);
  check_firth ("separation-age", OB_TIES_BRESLOW);
  check_firth ("aml", OB_TIES_EFRON);
  check_firth ("aml", OB_TIES_BRESLOW);
  check_firth ("lung-multi", OB_TIES_EFRON);
  check_firth ("lung-multi", OB_TIES_BRESLOW);
}

/* The same models from the shipped samples, through the CSV importer and ObSurvData. */
static void
check_sample (const char *file, const char *group, const char * const *covariates,
              const char *strata, const char *categorical, const char *model)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "data", "samples", file, NULL);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = NULL;
  g_autoptr(ObSurvData) data = NULL;
  ObCsvOptions options;
  ObSurvSpec spec = {
    .time_column = "time",
    .event_column = "status",
    .group_column = group,
    .covariates = covariates,
    .strata_column = strata,
  };

  ob_csv_options_init (&options);
  if (categorical != NULL)
    {
      g_hash_table_insert (types, (gpointer) categorical,
                           GINT_TO_POINTER (OB_COLUMN_CATEGORICAL + 1));
      options.column_types = types;
    }
  dataset = ob_csv_read_file (path, &options, &error);
  g_assert_no_error (error);
  data = ob_surv_data_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  check_fit (data, model, OB_TIES_EFRON, strata != NULL);
  check_fit (data, model, OB_TIES_BRESLOW, strata != NULL);
}

static void
test_samples (void)
{
  const char *lung[] = { "age", "ph.ecog", NULL };
  const char *veteran[] = { "trt", "celltype", NULL };
  const char *veteran_strata[] = { "trt", "karno", NULL };

  check_sample ("lung.csv", "sex", NULL, NULL, NULL, "lung-sex");
  check_sample ("lung.csv", "sex", lung, NULL, NULL, "lung-multi");
  check_sample ("lung.csv", "sex", lung, NULL, "ph.ecog", "lung-ecogf");
  check_sample ("veteran.csv", NULL, veteran, NULL, NULL, "veteran");
  check_sample ("veteran.csv", NULL, veteran_strata, "celltype", NULL, "veteran-strata");
  check_sample ("aml.csv", "x", NULL, NULL, NULL, "aml");
}

static void
test_errors (void)
{
  g_autoptr(Design) d = load_design ("aml");
  g_autoptr(GError) error = NULL;
  ObCoxOptions options;
  ObCox *cox;
  ObTies ties;

  ob_cox_options_init (&options);
  g_assert_cmpuint (options.max_iter, ==, 20);
  g_assert_cmpfloat (options.eps, ==, 1e-9);
  g_assert_true (ob_ties_from_string ("Breslow", &ties));
  g_assert_cmpint (ties, ==, OB_TIES_BRESLOW);
  g_assert_false (ob_ties_from_string ("exact", &ties));

  memset (d->status, 0, d->n);
  cox = ob_cox_fit (d, &options, &error);
  g_assert_null (cox);
  g_assert_error (error, OB_ERROR, OB_ERROR_NO_DATA);
  g_clear_error (&error);

  d->status[0] = 1;
  d->time[0] = 1e6;
  cox = ob_cox_fit (d, &options, &error);
  g_assert_null (cox);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  /* A constant term cannot be estimated. */
  d->time[0] = 0;
  for (gsize i = 0; i < d->n; i++)
    d->x[i] = 1;
  cox = ob_cox_fit (d, &options, &error);
  g_assert_null (cox);
  g_assert_error (error, OB_ERROR, OB_ERROR_NUMERIC);
}

typedef struct
{
  double time;
  int status;
  double x[3];
} SimRow;

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const SimRow *ra = a, *rb = b;

  if (ra->time != rb->time)
    return ra->time < rb->time ? -1 : 1;
  return rb->status - ra->status;
}

/* A million rows with three terms, simulated with known hazard ratios: the fit must be quick
 * and land on them. */
static void
test_large (void)
{
  static const double truth[] = { 0.5, -0.3, 0.02 };
  const gsize n = 1000000;
  g_autoptr(Design) d = g_new0 (Design, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree SimRow *rows = g_new (SimRow, n);
  g_autoptr(ObCox) cox = NULL;
  g_autoptr(GTimer) timer = NULL;

  for (gsize i = 0; i < n; i++)
    {
      SimRow *r = &rows[i];
      double lp, t, c;

      r->x[0] = g_rand_boolean (rand);
      r->x[1] = g_rand_double_range (rand, -1, 1);
      r->x[2] = g_rand_double_range (rand, 40, 80);
      lp = truth[0] * r->x[0] + truth[1] * r->x[1] + truth[2] * (r->x[2] - 60);
      /* Whole-day times make many ties, which Efron has to handle. */
      t = ceil (-log (g_rand_double (rand)) / (0.01 * exp (lp)));
      c = ceil (g_rand_double_range (rand, 0, 200));
      r->time = MIN (t, c);
      r->status = t <= c;
    }
  qsort (rows, n, sizeof (SimRow), compare_rows);

  d->n = n;
  d->p = 3;
  d->time = g_new (double, n);
  d->status = g_new (guint8, n);
  d->x = g_new (double, 3 * n);
  d->term_names = g_strsplit ("arm=b,score,age", ",", -1);
  for (gsize i = 0; i < n; i++)
    {
      d->time[i] = rows[i].time;
      d->status[i] = rows[i].status;
      memcpy (d->x + 3 * i, rows[i].x, sizeof rows[i].x);
    }

  timer = g_timer_new ();
  cox = fit (d, OB_TIES_EFRON, FALSE, FALSE);
  g_test_message ("1M rows, 3 terms: %.3f s, %u iterations", g_timer_elapsed (timer, NULL),
                  cox->iterations);
  g_assert_true (cox->converged);
  for (guint j = 0; j < 3; j++)
    g_assert_cmpfloat (fabs (cox->terms[j].coef - truth[j]), <, 5 * cox->terms[j].se);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_expected ();

  g_test_add_func ("/core/cox/lung-sex", test_lung_sex);
  g_test_add_func ("/core/cox/lung-multi", test_lung_multi);
  g_test_add_func ("/core/cox/lung-ecog-factor", test_lung_ecog_factor);
  g_test_add_func ("/core/cox/veteran", test_veteran);
  g_test_add_func ("/core/cox/veteran-strata", test_veteran_strata);
  g_test_add_func ("/core/cox/aml", test_aml);
  g_test_add_func ("/core/cox/separation", test_separation);
  g_test_add_func ("/core/cox/out-of-iterations", test_out_of_iterations);
  g_test_add_func ("/core/cox/firth", test_firth);
  g_test_add_func ("/core/cox/samples", test_samples);
  g_test_add_func ("/core/cox/errors", test_errors);
  g_test_add_func ("/core/cox/large", test_large);

  status = g_test_run ();
  g_hash_table_unref (expected);
  return status;
}
