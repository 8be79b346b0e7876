/* ob-cox-firth.c — Firth-penalised Cox (Heinze & Schemper 2001), as R's coxphf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cox"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "ob-cox-private.h"

#define FIRTH_MIN_ITER 50
#define FIRTH_MAX_STEP 0.5
#define FIRTH_STEP_TOL 1e-8
#define PROFILE_TOL 1e-10

/* The penalised partial likelihood l(β) + ½ log|I(β)| at beta, and its score
 * U + ½ tr(I⁻¹ ∂I/∂β_r) in ustar; -inf where I is singular.  work holds 2p² doubles. */
static double
firth_pass (ObCoxWork *w, const double *beta, double *ustar, double *work)
{
  guint p = w->p;
  double loglik = ob_cox_work_pass (w, beta);
  double *ichol = work, *iinv = work + p * p;

  memcpy (ichol, w->imat, (gsize) p * p * sizeof (double));
  if (!isfinite (loglik) || ob_chol_decomp (ichol, p) < p)
    return -INFINITY;
  ob_chol_inverse (ichol, p, iinv);
  for (guint r = 0; r < p; r++)
    {
      double tr = 0;

      for (guint s = 0; s < p; s++)
        for (guint t = 0; t < p; t++)
          tr += iinv[s * p + t] * w->dimat[(r * p + t) * p + s];
      ustar[r] = w->u[r] + 0.5 * tr;
    }
  return loglik + 0.5 * ob_chol_logdet (ichol, p);
}

/* Maximises the penalised loglik over the coefficients whose fixed[] is zero (all when fixed
 * is NULL), from the values in beta.  Steps use I as coxphf does, capped in length and halved
 * while the penalised loglik drops.  Returns whether it converged; *pl is the maximum. */
gboolean
ob_cox_firth_maximise (ObCoxWork *w, const ObCoxOptions *options, double *beta,
                       const guint8 *fixed, double *pl, guint *iterations)
{
  guint p = w->p, m = 0;
  guint max_iter = MAX (options->max_iter, FIRTH_MIN_ITER);
  g_autofree double *ustar = g_new (double, p);
  g_autofree double *step = g_new0 (double, p);
  g_autofree double *trial = g_new (double, p);
  g_autofree double *work = g_new (double, 2 * p * p);
  g_autofree double *sub = g_new (double, (gsize) p * p);
  g_autofree guint *free_idx = g_new (guint, p);
  double current;

  for (guint i = 0; i < p; i++)
    if (fixed == NULL || !fixed[i])
      free_idx[m++] = i;

  *iterations = 0;
  current = *pl = firth_pass (w, beta, ustar, work);
  if (!isfinite (current))
    return FALSE;
  if (m == 0)
    return TRUE;

  for (guint iter = 1; iter <= max_iter; iter++)
    {
      double biggest = 0, newpl = -INFINITY;

      *iterations = iter;
      /* w->imat still holds I at beta from the last accepted pass. */
      for (guint a = 0; a < m; a++)
        {
          for (guint b = 0; b < m; b++)
            sub[a * m + b] = w->imat[free_idx[a] * p + free_idx[b]];
          trial[a] = ustar[free_idx[a]];
        }
      ob_chol_decomp (sub, m);
      ob_chol_solve (sub, m, trial);
      for (guint a = 0; a < m; a++)
        {
          step[free_idx[a]] = trial[a];
          biggest = MAX (biggest, fabs (trial[a]));
        }
      if (biggest > FIRTH_MAX_STEP)
        for (guint i = 0; i < p; i++)
          step[i] *= FIRTH_MAX_STEP / biggest;

      for (guint half = 0; half < 30; half++)
        {
          for (guint i = 0; i < p; i++)
            trial[i] = beta[i] + step[i];
          newpl = firth_pass (w, trial, ustar, work);
          if (isfinite (newpl) && newpl >= current - 1e-12 * fabs (current))
            break;
          for (guint i = 0; i < p; i++)
            step[i] /= 2;
        }
      if (!isfinite (newpl))
        {
          /* Leave w at beta for the caller. */
          firth_pass (w, beta, ustar, work);
          return FALSE;
        }

      memcpy (beta, trial, p * sizeof (double));
      biggest = 0;
      for (guint i = 0; i < p; i++)
        biggest = MAX (biggest, fabs (step[i]));
      if (fabs (1 - current / newpl) <= options->eps && biggest < FIRTH_STEP_TOL)
        {
          *pl = newpl;
          return TRUE;
        }
      current = *pl = newpl;
    }
  return FALSE;
}

typedef struct
{
  ObCoxWork *w;
  const ObCoxOptions *options;
  const double *beta_hat;
  double *beta;                 /* warm start, carried from one evaluation to the next */
  guint8 *fixed;
  guint j;
  double pl_hat, crit;
} Profile;

/* 2 (pl(β̂) − max pl with β_j = b) − crit: zero at the profile confidence limits. */
static double
profile_excess (Profile *prof, double b)
{
  guint iterations;
  double pl;

  prof->beta[prof->j] = b;
  if (!ob_cox_firth_maximise (prof->w, prof->options, prof->beta, prof->fixed, &pl,
                              &iterations))
    {
      /* Start the others afresh from the estimate and try once more. */
      memcpy (prof->beta, prof->beta_hat, prof->w->p * sizeof (double));
      prof->beta[prof->j] = b;
      if (!ob_cox_firth_maximise (prof->w, prof->options, prof->beta, prof->fixed, &pl,
                                  &iterations))
        return NAN;
    }
  return 2 * (prof->pl_hat - pl) - prof->crit;
}

/* The limit on one side (direction ±1) of β̂_j: the excess is −crit at β̂ and rises away
 * from it.  Brackets by doubling, then Illinois regula falsi.  ±inf when the profile never
 * drops far enough (the penalised likelihood flattens out), NAN on failure. */
static double
profile_limit (Profile *prof, double se, int direction)
{
  double b0 = prof->beta_hat[prof->j], f0 = -prof->crit;
  double width = 2 * se, b1 = b0, f1 = f0;
  int side = 0;

  memcpy (prof->beta, prof->beta_hat, prof->w->p * sizeof (double));
  for (guint k = 0; k < 12; k++)
    {
      b1 = prof->beta_hat[prof->j] + direction * width;
      f1 = profile_excess (prof, b1);
      if (isnan (f1))
        return NAN;
      if (f1 > 0)
        break;
      b0 = b1;
      f0 = f1;
      width *= 2;
    }
  if (f1 <= 0)
    return direction * INFINITY;

  for (guint iter = 0; iter < 100; iter++)
    {
      double b = (b0 * f1 - b1 * f0) / (f1 - f0);
      double f = profile_excess (prof, b);

      if (isnan (f))
        return NAN;
      if (fabs (b1 - b0) < PROFILE_TOL * (1 + fabs (b)) || f == 0)
        return b;
      if ((f > 0) == (f1 > 0))
        {
          b1 = b;
          f1 = f;
          if (side == 1)
            f0 /= 2;
          side = 1;
        }
      else
        {
          b0 = b;
          f0 = f;
          if (side == -1)
            f1 /= 2;
          side = -1;
        }
    }
  return (b0 + b1) / 2;
}

/* coxphf's default per-term inference: the 95% limits where twice the drop in the profile
 * penalised loglik reaches χ²₁(0.95), and the p-value of its drop at β_j = 0.  All in the
 * work copy's scaled units. */
void
ob_cox_firth_profile (ObCoxWork *w, const ObCoxOptions *options, const double *beta_hat,
                      double pl_hat, guint j, double se, double *lower, double *upper,
                      double *p_value)
{
  g_autofree double *beta = g_new (double, w->p);
  g_autofree guint8 *fixed = g_new0 (guint8, w->p);
  Profile prof = { w, options, beta_hat, beta, fixed, j, pl_hat,
                   gsl_cdf_chisq_Qinv (0.05, 1) };
  double lr0;

  fixed[j] = 1;
  *lower = profile_limit (&prof, se, -1);
  *upper = profile_limit (&prof, se, +1);

  memcpy (beta, beta_hat, w->p * sizeof (double));
  lr0 = profile_excess (&prof, 0) + prof.crit;
  *p_value = isfinite (lr0) ? gsl_cdf_chisq_Q (MAX (lr0, 0), 1) : NAN;
}
