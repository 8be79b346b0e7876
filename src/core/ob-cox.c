/* ob-cox.c — Cox proportional hazards, as R's coxph (survival 3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cox"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "ob-cox-private.h"

/* A coefficient beyond this many log-units per typical deviation of its covariate is a
 * hazard ratio no data can support: the likelihood is monotone in it. */
#define DIVERGENT_SCALED_COEF 20.0

const char *
ob_ties_to_string (ObTies ties)
{
  return ties == OB_TIES_BRESLOW ? "breslow" : "efron";
}

gboolean
ob_ties_from_string (const char *str, ObTies *out)
{
  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "efron") == 0)
    *out = OB_TIES_EFRON;
  else if (g_ascii_strcasecmp (str, "breslow") == 0)
    *out = OB_TIES_BRESLOW;
  else
    return FALSE;
  return TRUE;
}

void
ob_cox_options_init (ObCoxOptions *options)
{
  memset (options, 0, sizeof *options);
  options->ties = OB_TIES_EFRON;
  options->stratified = FALSE;
  options->firth = FALSE;
  options->max_iter = 20;
  options->eps = 1e-9;
}

static gboolean
all_finite (const double *v, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!isfinite (v[i]))
      return FALSE;
  return TRUE;
}

static ObChisq
make_chisq (double chisq, guint df)
{
  ObChisq c = { chisq, df, NAN };

  if (isfinite (chisq))
    c.p = gsl_cdf_chisq_Q (MAX (chisq, 0), df);
  return c;
}

void
ob_cox_free (ObCox *cox)
{
  if (cox == NULL)
    return;
  for (guint i = 0; i < cox->n_terms; i++)
    g_free (cox->terms[i].name);
  g_free (cox->terms);
  g_free (cox->var);
  g_free (cox->warning);
  g_free (cox);
}

/* Newton–Raphson exactly as coxfit6: start at 0, accept a step when the loglik does not
 * drop, otherwise pull the new point back towards the last good one; stop when the relative
 * change in loglik is at most eps.  On return beta, w->u and var belong to the same point. */
static gboolean
fit_newton (ObCoxWork *w, const ObCoxOptions *options, double *beta, double *var,
            double *loglik0, double *loglik1, double *sctest, guint *iterations)
{
  guint p = w->p;
  g_autofree double *newbeta = g_new0 (double, p);
  g_autofree double *step = g_new (double, p);
  double halving = 0;

  memset (beta, 0, p * sizeof (double));
  *loglik0 = ob_cox_work_pass (w, beta);
  *loglik1 = *loglik0;
  memcpy (step, w->u, p * sizeof (double));
  ob_chol_decomp (w->imat, p);
  ob_chol_solve (w->imat, p, step);
  *sctest = 0;
  for (guint i = 0; i < p; i++)
    {
      *sctest += w->u[i] * step[i];
      newbeta[i] = step[i];
    }

  for (guint iter = 1; iter <= options->max_iter; iter++)
    {
      double newlk;
      gboolean finite;

      if (g_cancellable_is_cancelled (options->cancellable))
        return FALSE;
      newlk = ob_cox_work_pass (w, newbeta);

      ob_chol_decomp (w->imat, p);
      finite = isfinite (newlk) && all_finite (w->u, p) && all_finite (w->imat, (gsize) p * p);
      *iterations = iter;

      if (finite && fabs (1 - *loglik1 / newlk) <= options->eps)
        {
          *loglik1 = newlk;
          memcpy (beta, newbeta, p * sizeof (double));
          ob_chol_inverse (w->imat, p, var);
          return TRUE;
        }

      if (!finite || newlk < *loglik1)
        {
          halving++;
          for (guint i = 0; i < p; i++)
            newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1.0);
        }
      else
        {
          halving = 0;
          *loglik1 = newlk;
          memcpy (step, w->u, p * sizeof (double));
          ob_chol_solve (w->imat, p, step);
          for (guint i = 0; i < p; i++)
            {
              beta[i] = newbeta[i];
              newbeta[i] += step[i];
            }
        }
    }

  /* Out of iterations: report the last point that was accepted. */
  *loglik1 = ob_cox_work_pass (w, beta);
  ob_chol_decomp (w->imat, p);
  ob_chol_inverse (w->imat, p, var);
  return FALSE;
}

/* Firth's penalised partial likelihood l(β) + ½ log|I(β)| (Heinze & Schemper 2001), from
 * β = 0.  Its loglik values are in the work copy's scaled units; var is I⁻¹ at the estimate,
 * as coxphf reports it. */
static gboolean
fit_firth (ObCoxWork *w, const ObCoxOptions *options, double *beta, double *var,
           double *pl0, double *pl1, guint *iterations)
{
  guint p = w->p;
  g_autofree guint8 *all = g_new (guint8, p);
  g_autofree double *ichol = g_new (double, (gsize) p * p);
  gboolean converged;
  guint unused;

  memset (all, 1, p);
  memset (beta, 0, p * sizeof (double));
  ob_cox_firth_maximise (w, options, beta, all, pl0, &unused);
  converged = ob_cox_firth_maximise (w, options, beta, NULL, pl1, iterations);

  ob_cox_work_pass (w, beta);
  memcpy (ichol, w->imat, (gsize) p * p * sizeof (double));
  ob_chol_decomp (ichol, p);
  ob_chol_inverse (ichol, p, var);
  return converged && isfinite (*pl1);
}

static gboolean
is_indicator (const ObCoxWork *w, guint j, double *lo, double *hi)
{
  gboolean have_second = FALSE;

  *lo = *hi = w->x[j];
  for (gsize k = 1; k < w->n; k++)
    {
      double v = w->x[k * w->p + j];

      if (v == *lo || v == *hi)
        continue;
      if (have_second)
        return FALSE;
      have_second = TRUE;
      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
  return have_second;
}

/* The user-facing sentence for a coefficient that runs off to infinity. */
static char *
monotone_warning (const ObCoxWork *w, guint j, const char *name)
{
  double lo, hi;

  if (is_indicator (w, j, &lo, &hi))
    {
      gsize in_lo = 0, in_hi = 0;

      for (gsize k = 0; k < w->n; k++)
        if (w->status[k])
          {
            if (w->x[k * w->p + j] == hi)
              in_hi++;
            else
              in_lo++;
          }
      if (in_lo == 0)
        return g_strdup_printf (_("The hazard ratio for %s is infinite: every event is in one "
                                  "group (monotone likelihood). Use Firth's penalised Cox "
                                  "(--firth) or report the log-rank test instead."), name);
      if (in_hi == 0)
        return g_strdup_printf (_("The hazard ratio for %s is zero: every event is in one "
                                  "group (monotone likelihood). Use Firth's penalised Cox "
                                  "(--firth) or report the log-rank test instead."), name);
    }
  return g_strdup_printf (_("The hazard ratio for %s cannot be estimated: the likelihood "
                            "keeps rising as its coefficient grows (monotone likelihood). Use "
                            "Firth's penalised Cox (--firth) or drop the term."), name);
}

ObCox *
ob_cox_fit (const ObSurvData *data, const ObCoxOptions *options, GError **error)
{
  ObCoxOptions defaults;
  g_autoptr(ObCoxWork) w = NULL;
  g_autoptr(ObCox) cox = NULL;
  g_autofree double *beta = NULL;
  g_autofree double *var = NULL;
  double loglik0 = 0, loglik1 = 0, sctest = NAN;
  double z975 = gsl_cdf_ugaussian_Pinv (0.975);
  guint iterations = 0, p;
  gboolean converged;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      ob_cox_options_init (&defaults);
      options = &defaults;
    }

  w = ob_cox_work_new (data, options->stratified, options->ties, options->firth, TRUE,
                       error);
  if (w == NULL || g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return NULL;
  p = w->p;
  beta = g_new0 (double, p);
  var = g_new0 (double, (gsize) p * p);

  if (options->firth)
    {
      converged = fit_firth (w, options, beta, var, &loglik0, &loglik1, &iterations);
      /* The score test is the ordinary one at β = 0. */
      {
        g_autofree double *zero = g_new0 (double, p);

        ob_cox_work_pass (w, zero);
        sctest = ob_chol_quad_inverse (w->imat, p, w->u);
      }
    }
  else
    converged = fit_newton (w, options, beta, var, &loglik0, &loglik1, &sctest, &iterations);
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return NULL;

  cox = g_new0 (ObCox, 1);
  cox->n_terms = p;
  cox->terms = g_new0 (ObCoxTerm, p);
  cox->ties = options->ties;
  cox->firth = options->firth;
  cox->stratified = options->stratified;
  cox->iterations = iterations;
  cox->loglik_null = loglik0;
  cox->loglik = loglik1;
  cox->n = data->n;
  for (gsize k = 0; k < data->n; k++)
    cox->events += data->status[k] != 0;

  for (guint j = 0; j < p; j++)
    if (var[j * p + j] <= 0 || !isfinite (var[j * p + j]))
      {
        g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                     _("The Cox term “%s” is constant or a combination of other "
                       "terms; remove it and fit again."),
                     data->term_names ? data->term_names[j] : "?");
        return NULL;
      }

  /* Back to the covariates' own units. */
  cox->var = g_new (double, (gsize) p * p);
  for (guint i = 0; i < p; i++)
    for (guint j = 0; j < p; j++)
      cox->var[i * p + j] = var[i * p + j] * w->scale[i] * w->scale[j];

  for (guint j = 0; j < p; j++)
    {
      ObCoxTerm *t = &cox->terms[j];

      t->name = g_strdup (data->term_names && data->term_names[j] ? data->term_names[j] : "x");
      t->coef = beta[j] * w->scale[j];
      t->se = sqrt (cox->var[j * p + j]);
      t->hr = exp (t->coef);
      t->hr_lower = exp (t->coef - z975 * t->se);
      t->hr_upper = exp (t->coef + z975 * t->se);
      t->z = t->coef / t->se;
      t->p = 2 * gsl_cdf_ugaussian_Q (fabs (t->z));
    }

  {
    g_autofree double *coef = g_new (double, p);
    g_autofree double *info = g_new (double, (gsize) p * p);

    for (guint j = 0; j < p; j++)
      coef[j] = cox->terms[j].coef;
    memcpy (info, cox->var, (gsize) p * p * sizeof (double));
    cox->wald = make_chisq (ob_chol_quad_inverse (info, p, coef), p);
  }
  cox->lr = make_chisq (2 * (loglik1 - loglik0), p);

  if (options->firth)
    {
      /* Wald limits are poor exactly where Firth is needed; coxphf's default is the profile
       * penalised likelihood. */
      for (guint j = 0; j < p; j++)
        {
          ObCoxTerm *t = &cox->terms[j];
          double lo, hi, pv;

          ob_cox_firth_profile (w, options, beta, loglik1, j, sqrt (var[j * p + j]),
                                &lo, &hi, &pv);
          t->hr_lower = exp (lo * w->scale[j]);
          t->hr_upper = exp (hi * w->scale[j]);
          t->p = pv;
        }
      /* The penalty was taken on the scaled covariates, whose information is scale² times
       * larger; report the penalised loglik in the covariates' own units. */
      for (guint j = 0; j < p; j++)
        {
          cox->loglik_null -= log (w->scale[j]);
          cox->loglik -= log (w->scale[j]);
        }
    }
  cox->score = make_chisq (sctest, p);

  /* coxph's test: at convergence, one more Newton step that is still large relative to the
   * coefficient means the likelihood is still rising along it. */
  for (guint j = 0; j < p && cox->warning == NULL; j++)
    {
      double next = 0;
      gboolean diverging;

      if (options->firth)
        break;
      for (guint i = 0; i < p; i++)
        next += w->u[i] * var[i * p + j];
      next = fabs (next * w->scale[j]);
      diverging = !isfinite (next)
                  || (converged && next > options->eps
                      && next > sqrt (options->eps) * fabs (cox->terms[j].coef))
                  || fabs (beta[j]) > DIVERGENT_SCALED_COEF;
      if (diverging)
        {
          cox->warning = monotone_warning (w, j, cox->terms[j].name);
          converged = FALSE;
        }
    }
  if (!converged && cox->warning == NULL)
    cox->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The Cox model did not converge in %u "
                                                 "iteration; its estimates are not reliable.",
                                                 "The Cox model did not converge in %u "
                                                 "iterations; its estimates are not reliable.",
                                                 iterations),
                                    iterations);
  cox->converged = converged;

  return g_steal_pointer (&cox);
}
