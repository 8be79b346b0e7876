/* ob-logrank.c — k-sample tests for survival curves, as R's survdiff and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-logrank.h"

static const struct
{
  const char *id;
  const char *label;
} methods[] = {
  { "logrank", N_("Log-rank (Mantel–Cox)") },
  { "peto", N_("Peto–Peto (G-rho, rho = 1)") },
  { "gehan", N_("Gehan–Breslow–Wilcoxon") },
  { "tarone-ware", N_("Tarone–Ware") },
};

const char *
ob_surv_test_method_to_string (ObSurvTestMethod m)
{
  g_return_val_if_fail ((guint) m < G_N_ELEMENTS (methods), "logrank");
  return methods[m].id;
}

const char *
ob_surv_test_method_label (ObSurvTestMethod m)
{
  g_return_val_if_fail ((guint) m < G_N_ELEMENTS (methods), "");
  return g_dgettext (GETTEXT_PACKAGE, methods[m].label);
}

gboolean
ob_surv_test_method_from_string (const char       *str,
                                 ObSurvTestMethod *out)
{
  static const struct { const char *alias; ObSurvTestMethod m; } aliases[] = {
    { "log-rank", OB_SURV_TEST_LOGRANK }, { "mantel-cox", OB_SURV_TEST_LOGRANK },
    { "peto-peto", OB_SURV_TEST_PETO }, { "wilcoxon", OB_SURV_TEST_GEHAN },
    { "gehan-breslow-wilcoxon", OB_SURV_TEST_GEHAN }, { "tarone", OB_SURV_TEST_TARONE_WARE },
  };

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_ascii_strcasecmp (str, methods[i].id) == 0)
      {
        *out = (ObSurvTestMethod) i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (str, aliases[i].alias) == 0)
      {
        *out = aliases[i].m;
        return TRUE;
      }
  return FALSE;
}

/* Sums over the distinct event times of one pass.  Groups are those of the data mapped
 * through `map` (G_MAXUINT32 = left out), so pairwise tests reuse the same walk. */
typedef struct
{
  guint k;
  double *observed, *expected;   /* unweighted */
  double *score;                 /* weighted O − E */
  double *var;                   /* k × k weighted covariance of the score */
  /* Two-group log-rank quantities of each group against the reference, for Prism's HRs */
  double *pair_expected, *pair_ref_expected, *pair_var;
} Sums;

static void
sums_init (Sums *s,
           guint k)
{
  s->k = k;
  s->observed = g_new0 (double, k);
  s->expected = g_new0 (double, k);
  s->score = g_new0 (double, k);
  s->var = g_new0 (double, (gsize) k * k);
  s->pair_expected = g_new0 (double, k);
  s->pair_ref_expected = g_new0 (double, k);
  s->pair_var = g_new0 (double, k);
}

static void
sums_clear (Sums *s)
{
  g_free (s->observed);
  g_free (s->expected);
  g_free (s->score);
  g_free (s->var);
  g_free (s->pair_expected);
  g_free (s->pair_ref_expected);
  g_free (s->pair_var);
}

static double
method_weight (ObSurvTestMethod method,
               double           n_risk,
               double           km_before)
{
  switch (method)
    {
    case OB_SURV_TEST_PETO:
      return km_before;
    case OB_SURV_TEST_GEHAN:
      return n_risk;
    case OB_SURV_TEST_TARONE_WARE:
      return sqrt (n_risk);
    case OB_SURV_TEST_LOGRANK:
    default:
      return 1.0;
    }
}

/* One stratum: `rows` lists its rows in time order (NULL: every row of the data). */
static void
accumulate (const ObSurvData *data,
            ObSurvTestMethod  method,
            const guint32    *map,
            guint             reference,
            const gsize      *rows,
            gsize             n_rows,
            Sums             *s,
            double           *risk,
            double           *deaths)
{
  guint k = s->k;
  double n_total = 0;
  double km = 1.0;
  gsize i = 0;

#define ROW(x) (rows != NULL ? rows[x] : (x))
  memset (risk, 0, k * sizeof (double));
  for (gsize r = 0; r < n_rows; r++)
    {
      guint32 g = map[data->group[ROW (r)]];

      if (g == G_MAXUINT32)
        continue;
      risk[g] += 1;
      n_total += 1;
    }

  while (i < n_rows)
    {
      double t = data->time[ROW (i)];
      double d_total = 0, left = 0;
      double w;
      gsize j;

      memset (deaths, 0, k * sizeof (double));
      for (j = i; j < n_rows && data->time[ROW (j)] == t; j++)
        {
          gsize row = ROW (j);
          guint32 g = map[data->group[row]];

          if (g == G_MAXUINT32)
            continue;
          deaths[g] += data->status[row];
          d_total += data->status[row];
          left += 1;
        }

      if (d_total > 0)
        {
          double n = n_total;
          double factor = n > 1 ? d_total * (n - d_total) / (n - 1) : 0.0;

          w = method_weight (method, n, km);
          for (guint a = 0; a < k; a++)
            {
              double e = d_total * risk[a] / n;

              s->observed[a] += deaths[a];
              s->expected[a] += e;
              s->score[a] += w * (deaths[a] - e);
              if (factor > 0)
                for (guint b = 0; b < k; b++)
                  s->var[a * k + b] += w * w * factor * risk[a]
                                       * ((a == b ? 1.0 : 0.0) - risk[b] / n) / n;
            }

          /* Prism's HRs compare each group with the reference alone. */
          if (reference != G_MAXUINT32)
            for (guint a = 0; a < k; a++)
              {
                double n2 = risk[a] + risk[reference];
                double d2 = deaths[a] + deaths[reference];

                if (a == reference || n2 <= 0 || d2 <= 0)
                  continue;
                s->pair_expected[a] += d2 * risk[a] / n2;
                s->pair_ref_expected[a] += d2 * risk[reference] / n2;
                if (n2 > 1)
                  s->pair_var[a] += d2 * (n2 - d2) / (n2 - 1) * risk[a] * risk[reference]
                                    / (n2 * n2);
              }
          km *= (n - d_total) / n;
        }

      for (gsize r = i; r < j; r++)
        {
          guint32 g = map[data->group[ROW (r)]];

          if (g != G_MAXUINT32)
            risk[g] -= 1;
        }
      n_total -= left;
      i = j;
    }
#undef ROW
}

static void
run_sums (const ObSurvData *data,
          ObSurvTestMethod  method,
          gboolean          stratified,
          const guint32    *map,
          guint             k,
          guint             reference,
          Sums             *s)
{
  g_autofree double *risk = g_new (double, k);
  g_autofree double *deaths = g_new (double, k);

  sums_init (s, k);
  if (!stratified || data->strata == NULL)
    {
      accumulate (data, method, map, reference, NULL, data->n, s, risk, deaths);
      return;
    }

  /* A stable counting sort by stratum keeps each stratum's rows in time order. */
  {
    guint n_strata = data->n_strata;
    g_autofree gsize *start = g_new0 (gsize, n_strata + 1);
    g_autofree gsize *fill = g_new (gsize, n_strata);
    g_autofree gsize *rows = g_new (gsize, MAX (data->n, 1));

    for (gsize r = 0; r < data->n; r++)
      start[data->strata[r] + 1]++;
    for (guint st = 0; st < n_strata; st++)
      start[st + 1] += start[st];
    memcpy (fill, start, n_strata * sizeof (gsize));
    for (gsize r = 0; r < data->n; r++)
      rows[fill[data->strata[r]]++] = r;
    for (guint st = 0; st < n_strata; st++)
      accumulate (data, method, map, reference, rows + start[st], start[st + 1] - start[st],
                  s, risk, deaths);
  }
}

/* survdiff's statistic: groups with E > 0, the first dropped, U' V⁻¹ U. */
static gboolean
chisq_from_sums (const Sums  *s,
                 double      *chisq,
                 guint       *df,
                 GError     **error)
{
  g_autofree guint *used = g_new (guint, s->k);
  guint m = 0;
  gsl_matrix *v;
  gsl_vector *u, *x;
  gsl_permutation *perm;
  int signum;
  int status;
  double sum = 0;
  gsl_error_handler_t *old_handler;

  for (guint a = 0; a < s->k; a++)
    if (s->expected[a] > 0)
      used[m++] = a;
  *df = m > 0 ? m - 1 : 0;
  if (m < 2)
    {
      *chisq = 0;
      return TRUE;
    }

  v = gsl_matrix_alloc (m - 1, m - 1);
  u = gsl_vector_alloc (m - 1);
  x = gsl_vector_alloc (m - 1);
  perm = gsl_permutation_alloc (m - 1);
  for (guint a = 1; a < m; a++)
    {
      gsl_vector_set (u, a - 1, s->score[used[a]]);
      for (guint b = 1; b < m; b++)
        gsl_matrix_set (v, a - 1, b - 1, s->var[used[a] * s->k + used[b]]);
    }
  old_handler = gsl_set_error_handler_off ();
  status = gsl_linalg_LU_decomp (v, perm, &signum);
  if (status == GSL_SUCCESS && fabs (gsl_linalg_LU_det (v, signum)) > 0)
    status = gsl_linalg_LU_solve (v, perm, u, x);
  else
    status = GSL_ESING;
  gsl_set_error_handler (old_handler);
  if (status == GSL_SUCCESS)
    for (guint a = 0; a + 1 < m; a++)
      sum += gsl_vector_get (u, a) * gsl_vector_get (x, a);

  gsl_matrix_free (v);
  gsl_vector_free (u);
  gsl_vector_free (x);
  gsl_permutation_free (perm);
  if (status != GSL_SUCCESS || !isfinite (sum))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                   _("The groups cannot be compared: their variance matrix is singular "
                     "(a group may have nobody at risk at any event time)"));
      return FALSE;
    }
  *chisq = sum;
  return TRUE;
}

static double
chisq_p (double chisq,
         guint  df)
{
  if (df == 0)
    return chisq > 0 ? 0.0 : 1.0;
  return gsl_cdf_chisq_Q (chisq, df);
}

static ObSurvTest *
test_new (ObSurvTestMethod method,
          gboolean         stratified,
          guint            k)
{
  ObSurvTest *test = g_new0 (ObSurvTest, 1);

  test->method = method;
  test->stratified = stratified;
  test->n_groups = k;
  test->observed = g_new0 (double, k);
  test->expected = g_new0 (double, k);
  test->score = g_new0 (double, k);
  test->variance = g_new0 (double, (gsize) k * k);
  test->hr_logrank = g_new (double, k);
  test->hr_logrank_lower = g_new (double, k);
  test->hr_logrank_upper = g_new (double, k);
  test->hr_mh = g_new (double, k);
  test->hr_mh_lower = g_new (double, k);
  test->hr_mh_upper = g_new (double, k);
  for (guint a = 0; a < k; a++)
    test->hr_logrank[a] = test->hr_logrank_lower[a] = test->hr_logrank_upper[a]
      = test->hr_mh[a] = test->hr_mh_lower[a] = test->hr_mh_upper[a] = NAN;
  return test;
}

void
ob_surv_test_free (ObSurvTest *test)
{
  if (test == NULL)
    return;
  g_free (test->observed);
  g_free (test->expected);
  g_free (test->score);
  g_free (test->variance);
  g_free (test->hr_logrank);
  g_free (test->hr_logrank_lower);
  g_free (test->hr_logrank_upper);
  g_free (test->hr_mh);
  g_free (test->hr_mh_lower);
  g_free (test->hr_mh_upper);
  g_free (test);
}

static gboolean
check_groups (const ObSurvData  *data,
              gboolean           stratified,
              GError           **error)
{
  if (data->n_groups < 2)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A test needs at least two groups; choose a group column"));
      return FALSE;
    }
  if (stratified && data->strata == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A stratified test needs a strata column"));
      return FALSE;
    }
  return TRUE;
}

/* Prism's two hazard ratios of each group against the reference. */
static void
prism_hazard_ratios (ObSurvTest *test,
                     const Sums *s,
                     guint       reference)
{
  double z = gsl_cdf_ugaussian_Pinv (0.975);

  for (guint a = 0; a < s->k; a++)
    {
      double o1 = s->observed[a], e1 = s->pair_expected[a];
      double o2 = s->observed[reference], e2 = s->pair_ref_expected[a];
      double v = s->pair_var[a];

      if (a == reference)
        continue;
      if (o1 > 0 && o2 > 0 && e1 > 0 && e2 > 0)
        {
          double log_hr = log ((o1 / e1) / (o2 / e2));
          double half = z * sqrt (1 / e1 + 1 / e2);

          test->hr_logrank[a] = exp (log_hr);
          test->hr_logrank_lower[a] = exp (log_hr - half);
          test->hr_logrank_upper[a] = exp (log_hr + half);
        }
      if (v > 0)
        {
          double log_hr = (o1 - e1) / v;
          double half = z / sqrt (v);

          test->hr_mh[a] = exp (log_hr);
          test->hr_mh_lower[a] = exp (log_hr - half);
          test->hr_mh_upper[a] = exp (log_hr + half);
        }
    }
}

ObSurvTest *
ob_surv_test (const ObSurvData  *data,
              ObSurvTestMethod   method,
              gboolean           stratified,
              GError           **error)
{
  g_autofree guint32 *map = NULL;
  ObSurvTest *test;
  Sums s;
  guint k;

  g_return_val_if_fail (data != NULL, NULL);
  if (!check_groups (data, stratified, error))
    return NULL;
  k = data->n_groups;
  map = g_new (guint32, k);
  for (guint a = 0; a < k; a++)
    map[a] = a;

  run_sums (data, method, stratified, map, k, data->reference, &s);
  test = test_new (method, stratified, k);
  if (!chisq_from_sums (&s, &test->chisq, &test->df, error))
    {
      sums_clear (&s);
      ob_surv_test_free (test);
      return NULL;
    }
  test->p = chisq_p (test->chisq, test->df);
  memcpy (test->observed, s.observed, k * sizeof (double));
  memcpy (test->expected, s.expected, k * sizeof (double));
  memcpy (test->score, s.score, k * sizeof (double));
  memcpy (test->variance, s.var, (gsize) k * k * sizeof (double));
  prism_hazard_ratios (test, &s, data->reference);
  sums_clear (&s);
  return test;
}

ObSurvTest *
ob_surv_test_trend (const ObSurvData  *data,
                    const double      *scores,
                    GError           **error)
{
  g_autoptr(ObSurvTest) test = ob_surv_test (data, OB_SURV_TEST_LOGRANK, FALSE, error);
  double num = 0, den = 0;
  guint k;

  if (test == NULL)
    return NULL;
  k = test->n_groups;
  /* (c'U)² / c'Vc with U = O − E and V its covariance, one degree of freedom */
  for (guint a = 0; a < k; a++)
    {
      double ca = scores != NULL ? scores[a] : a + 1.0;

      num += ca * test->score[a];
      for (guint b = 0; b < k; b++)
        {
          double cb = scores != NULL ? scores[b] : b + 1.0;
          den += ca * cb * test->variance[a * k + b];
        }
    }
  if (!(den > 0))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                   _("The trend test is undefined: the scores do not vary over the groups "
                     "that have events"));
      return NULL;
    }
  test->chisq = num * num / den;
  test->df = 1;
  test->p = chisq_p (test->chisq, 1);
  return g_steal_pointer (&test);
}

static int
compare_p (const void *a,
           const void *b,
           gpointer    user_data)
{
  const double *p = user_data;
  double x = p[*(const gsize *) a];
  double y = p[*(const gsize *) b];

  if (x != y)
    return (x > y) - (x < y);
  return (*(const gsize *) a > *(const gsize *) b) - (*(const gsize *) a < *(const gsize *) b);
}

void
ob_p_adjust (double     *p,
             gsize       n,
             ObPAdjust   method)
{
  g_autofree gsize *order = NULL;
  g_autofree double *adjusted = NULL;
  gsize m = 0;

  if (method == OB_P_ADJUST_NONE || n == 0)
    return;
  /* As p.adjust: NA stays NA and does not count towards n. */
  order = g_new (gsize, n);
  for (gsize i = 0; i < n; i++)
    if (!isnan (p[i]))
      order[m++] = i;
  if (method == OB_P_ADJUST_BONFERRONI)
    {
      for (gsize i = 0; i < m; i++)
        p[order[i]] = MIN (1.0, p[order[i]] * m);
      return;
    }
  g_qsort_with_data (order, (gint) m, sizeof (gsize), compare_p, p);
  adjusted = g_new (double, MAX (m, 1));
  if (method == OB_P_ADJUST_HOLM)
    {
      double running = 0;

      for (gsize i = 0; i < m; i++)
        {
          running = MAX (running, (double) (m - i) * p[order[i]]);
          adjusted[i] = MIN (1.0, running);
        }
    }
  else
    {
      double running = INFINITY;

      for (gsize i = m; i-- > 0;)
        {
          running = MIN (running, (double) m / (double) (i + 1) * p[order[i]]);
          adjusted[i] = MIN (1.0, running);
        }
    }
  for (gsize i = 0; i < m; i++)
    p[order[i]] = adjusted[i];
}

GArray *
ob_surv_test_pairwise (const ObSurvData  *data,
                       ObSurvTestMethod   method,
                       ObPAdjust          adjust,
                       GError           **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, TRUE, sizeof (ObSurvPairwise));
  g_autofree guint32 *map = NULL;
  g_autofree double *p = NULL;
  guint k;

  g_return_val_if_fail (data != NULL, NULL);
  if (!check_groups (data, FALSE, error))
    return NULL;
  k = data->n_groups;
  map = g_new (guint32, k);
  for (guint a = 0; a < k; a++)
    for (guint b = a + 1; b < k; b++)
      {
        ObSurvPairwise pair = { .a = a, .b = b };
        Sums s;
        guint df;
        gboolean ok;

        for (guint g = 0; g < k; g++)
          map[g] = g == a ? 0 : g == b ? 1 : G_MAXUINT32;
        run_sums (data, method, FALSE, map, 2, G_MAXUINT32, &s);
        ok = chisq_from_sums (&s, &pair.chisq, &df, NULL);
        sums_clear (&s);
        if (ok && df > 0)
          pair.p = chisq_p (pair.chisq, df);
        else
          pair.chisq = pair.p = NAN;
        g_array_append_val (pairs, pair);
      }

  p = g_new (double, MAX (pairs->len, 1));
  for (guint i = 0; i < pairs->len; i++)
    p[i] = g_array_index (pairs, ObSurvPairwise, i).p;
  ob_p_adjust (p, pairs->len, adjust);
  for (guint i = 0; i < pairs->len; i++)
    g_array_index (pairs, ObSurvPairwise, i).p_adj = p[i];
  return g_steal_pointer (&pairs);
}
