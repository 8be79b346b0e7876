/* ob-lme-optim.c — minimising the mixed model's profiled criterion over the three numbers of
 * the relative covariance factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nelder–Mead (GSL's nmsimplex2) finds the basin from a rough start without derivatives and is
 * restarted until it stops improving; Newton steps on finite-difference derivatives then
 * finish the job, which Nelder–Mead does slowly.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <gsl/gsl_multimin.h>
#include <math.h>
#include <string.h>

#include "ob-lme-private.h"

#define SIMPLEX_TOL 1e-6
#define MAX_ITER 4000
#define MAX_RESTARTS 8

typedef struct
{
  ObLmeCriterionFunc func;
  gpointer data;
} Criterion;

static double
criterion_cb (const gsl_vector *v,
              void             *data)
{
  Criterion *c = data;

  return c->func (c->data, v->data);
}

/* Nelder–Mead from theta until a restart no longer improves; returns whether it converged. */
static gboolean
minimise (Criterion *c,
          double    *theta,
          guint     *iterations)
{
  const gsl_multimin_fminimizer_type *type = gsl_multimin_fminimizer_nmsimplex2;
  gsl_multimin_function fn = { criterion_cb, 3, c };
  double best = c->func (c->data, theta);
  gboolean converged = FALSE;

  *iterations = 0;
  for (guint restart = 0; restart < MAX_RESTARTS; restart++)
    {
      gsl_multimin_fminimizer *nm = gsl_multimin_fminimizer_alloc (type, 3);
      gsl_vector_view x = gsl_vector_view_array (theta, 3);
      double step[3] = { 0.5, 0.5 * MAX (fabs (theta[1]), exp (theta[2])), 0.5 };
      gsl_vector_view steps = gsl_vector_view_array (step, 3);
      int status = GSL_CONTINUE;
      guint iter = 0;
      double value;

      gsl_multimin_fminimizer_set (nm, &fn, &x.vector, &steps.vector);
      while (status == GSL_CONTINUE && iter < MAX_ITER)
        {
          iter++;
          if (gsl_multimin_fminimizer_iterate (nm) != GSL_SUCCESS)
            break;
          status = gsl_multimin_test_size (gsl_multimin_fminimizer_size (nm), SIMPLEX_TOL);
        }
      *iterations += iter;
      value = gsl_multimin_fminimizer_minimum (nm);
      if (value <= best)
        memcpy (theta, gsl_multimin_fminimizer_x (nm)->data, 3 * sizeof (double));
      converged = status == GSL_SUCCESS;
      gsl_multimin_fminimizer_free (nm);
      if (converged && best - value < 1e-8 * (1 + fabs (value)))
        {
          best = MIN (best, value);
          break;
        }
      best = MIN (best, value);
    }
  return converged;
}

/* Newton steps on finite-difference derivatives after Nelder–Mead: the criterion is flat
 * along the variance parameters, and the standard errors follow them more closely than the
 * log-likelihood does. */
static void
polish (Criterion *c,
        double    *theta)
{
  const double h = 1e-4;
  double best = c->func (c->data, theta);

  for (guint iter = 0; iter < 10 && best < OB_LME_BAD_CRITERION; iter++)
    {
      double g[3], hs[3][3], step[3], trial[3], e[3] = { 0, 0, 0 }, a00, a01, a02, a11, a12, a22;
      double det, size = 0, value = OB_LME_BAD_CRITERION, scale = 1;
      gboolean ok = TRUE;

      for (guint i = 0; i < 3 && ok; i++)
        {
          double fp, fm;

          memcpy (e, theta, sizeof e);
          e[i] += h;
          fp = c->func (c->data, e);
          e[i] -= 2 * h;
          fm = c->func (c->data, e);
          ok = fp < OB_LME_BAD_CRITERION && fm < OB_LME_BAD_CRITERION;
          g[i] = (fp - fm) / (2 * h);
          hs[i][i] = (fp - 2 * best + fm) / (h * h);
          for (guint j = 0; j < i && ok; j++)
            {
              double fpp, fpm, fmp, fmm;

              memcpy (e, theta, sizeof e);
              e[i] += h, e[j] += h;
              fpp = c->func (c->data, e);
              e[j] -= 2 * h;
              fpm = c->func (c->data, e);
              e[i] -= 2 * h;
              fmm = c->func (c->data, e);
              e[j] += 2 * h;
              fmp = c->func (c->data, e);
              ok = MAX (MAX (fpp, fpm), MAX (fmp, fmm)) < OB_LME_BAD_CRITERION;
              hs[i][j] = hs[j][i] = (fpp - fpm - fmp + fmm) / (4 * h * h);
            }
        }
      if (!ok)
        return;
      /* Solve H step = −g by the adjugate; a Hessian that is not positive definite means we
       * are not in the basin Newton needs, so Nelder–Mead's answer stands. */
      a00 = hs[1][1] * hs[2][2] - hs[1][2] * hs[1][2];
      a01 = hs[0][2] * hs[1][2] - hs[0][1] * hs[2][2];
      a02 = hs[0][1] * hs[1][2] - hs[0][2] * hs[1][1];
      a11 = hs[0][0] * hs[2][2] - hs[0][2] * hs[0][2];
      a12 = hs[0][1] * hs[0][2] - hs[0][0] * hs[1][2];
      a22 = hs[0][0] * hs[1][1] - hs[0][1] * hs[0][1];
      det = hs[0][0] * a00 + hs[0][1] * a01 + hs[0][2] * a02;
      if (!(hs[0][0] > 0 && a22 > 0 && det > 0))
        return;
      step[0] = -(a00 * g[0] + a01 * g[1] + a02 * g[2]) / det;
      step[1] = -(a01 * g[0] + a11 * g[1] + a12 * g[2]) / det;
      step[2] = -(a02 * g[0] + a12 * g[1] + a22 * g[2]) / det;
      for (guint i = 0; i < 3; i++)
        size = MAX (size, fabs (step[i]));
      for (guint halve = 0; halve < 20; halve++, scale /= 2)
        {
          for (guint i = 0; i < 3; i++)
            trial[i] = theta[i] + scale * step[i];
          value = c->func (c->data, trial);
          if (value <= best)
            break;
        }
      if (!(value <= best))
        return;
      memcpy (theta, trial, sizeof trial);
      best = value;
      if (size * scale < 1e-10)
        return;
    }
}

gboolean
ob_lme_minimise (ObLmeCriterionFunc  func,
                 gpointer            data,
                 double             *theta,
                 guint              *iterations)
{
  Criterion c = { func, data };

  if (!minimise (&c, theta, iterations))
    return FALSE;
  polish (&c, theta);
  return TRUE;
}
