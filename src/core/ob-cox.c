/* ob-cox.c — Cox proportional hazards, as R's coxph (survival 3.5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cox"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "ob-cox.h"

/* Cholesky pivots below this fraction of the largest diagonal count as zero, as coxph's
 * toler.chol = .Machine$double.eps^0.75. */
#define CHOL_TOLER 1.818989403545856e-12

/* A coefficient beyond this many log-units per typical deviation of its covariate is a
 * hazard ratio no data can support: the likelihood is monotone in it. */
#define DIVERGENT_SCALED_COEF 20.0

#define FIRTH_MIN_ITER 50
#define FIRTH_MAX_STEP 0.5

/* The rows in stratum-then-time order, covariates centred and scaled, as coxfit6 works;
 * centring keeps exp() in range and scaling keeps the information matrix well conditioned,
 * neither changes the estimates. */
typedef struct
{
  gsize n;
  guint p;
  ObTies ties;
  double *time;
  guint8 *status;
  guint32 *stratum;
  double *x;                    /* n × p */
  double *mean, *scale;

  /* One pass over the rows fills these. */
  double *u;                    /* p */
  double *imat;                 /* p × p */
  double *dimat;                /* p × p × p: derivative of imat, Firth only */

  /* Running sums over the risk set (a, cmat, c3) and over the deaths at one time. */
  double *a, *a2, *cmat, *cmat2, *c3, *c32;
} CoxWork;

static void
cox_work_free (CoxWork *w)
{
  g_free (w->time);
  g_free (w->status);
  g_free (w->stratum);
  g_free (w->x);
  g_free (w->mean);
  g_free (w->scale);
  g_free (w->u);
  g_free (w->imat);
  g_free (w->dimat);
  g_free (w->a);
  g_free (w->cmat);
  g_free (w->c3);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoxWork, cox_work_free)

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

/* Copies the data in stratum order (a stable counting sort keeps time order inside each
 * stratum), then centres and scales every column. */
static CoxWork *
cox_work_new (const ObSurvData *data, gboolean stratified, ObTies ties, gboolean third,
              GError **error)
{
  g_autoptr(CoxWork) w = g_new0 (CoxWork, 1);
  gsize n = data->n;
  guint p = data->p;
  gboolean use_strata = stratified && data->strata != NULL && data->n_strata > 1;
  g_autofree gsize *start = NULL;
  gsize n_events = 0;

  if (p == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   "A Cox model needs at least one group or covariate term.");
      return NULL;
    }
  if (stratified && data->strata == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   "A stratified Cox model needs a strata column (--strata).");
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      n_events += data->status[i] != 0;
      if (i > 0 && data->time[i] < data->time[i - 1])
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       "Survival rows must be sorted by time before a Cox fit.");
          return NULL;
        }
    }
  if (n == 0 || n_events == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   "A Cox model needs at least one event; the data have none.");
      return NULL;
    }

  w->n = n;
  w->p = p;
  w->ties = ties;
  w->time = g_new (double, n);
  w->status = g_new (guint8, n);
  w->stratum = g_new0 (guint32, n);
  w->x = g_new (double, n * p);
  w->mean = g_new0 (double, p);
  w->scale = g_new (double, p);
  w->u = g_new (double, p);
  w->imat = g_new (double, p * p);
  w->a = g_new (double, 2 * p);
  w->a2 = w->a + p;
  w->cmat = g_new (double, 2 * p * p);
  w->cmat2 = w->cmat + p * p;
  if (third)
    {
      w->dimat = g_new (double, p * p * p);
      w->c3 = g_new (double, 2 * p * p * p);
      w->c32 = w->c3 + p * p * p;
    }

  start = g_new0 (gsize, (use_strata ? data->n_strata : 1) + 1);
  if (use_strata)
    {
      for (gsize i = 0; i < n; i++)
        start[data->strata[i] + 1]++;
      for (guint s = 0; s < data->n_strata; s++)
        start[s + 1] += start[s];
    }
  for (gsize i = 0; i < n; i++)
    {
      guint32 s = use_strata ? data->strata[i] : 0;
      gsize k = start[s]++;
      const double *xi = data->x + i * p;

      w->time[k] = data->time[i];
      w->status[k] = data->status[i] != 0;
      w->stratum[k] = s;
      for (guint j = 0; j < p; j++)
        {
          if (!isfinite (xi[j]))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           "The Cox term “%s” has a missing or infinite value.",
                           data->term_names ? data->term_names[j] : "?");
              return NULL;
            }
          w->x[k * p + j] = xi[j];
          w->mean[j] += xi[j];
        }
    }

  for (guint j = 0; j < p; j++)
    {
      double dev = 0;

      w->mean[j] /= (double) n;
      for (gsize k = 0; k < n; k++)
        {
          w->x[k * p + j] -= w->mean[j];
          dev += fabs (w->x[k * p + j]);
        }
      w->scale[j] = dev > 0 ? (double) n / dev : 1.0;
      for (gsize k = 0; k < n; k++)
        w->x[k * p + j] *= w->scale[j];
    }

  return g_steal_pointer (&w);
}

/* Adds one death (or one Efron fraction of tied deaths) of weight wt to the score, the
 * information and, for Firth, the information's derivative: the weighted mean, covariance
 * and third central moment of x over the current risk set. */
static void
add_death (CoxWork *w, double wt, double denom)
{
  guint p = w->p;

  for (guint i = 0; i < p; i++)
    {
      double mi = w->a[i] / denom;

      w->u[i] -= wt * mi;
      for (guint j = 0; j <= i; j++)
        w->imat[i * p + j] += wt * (w->cmat[i * p + j] - mi * w->a[j]) / denom;
    }

  if (w->dimat == NULL)
    return;

  for (guint r = 0; r < p; r++)
    {
      double mr = w->a[r] / denom;

      for (guint s = 0; s < p; s++)
        {
          double ms = w->a[s] / denom;

          for (guint t = 0; t < p; t++)
            {
              double mt = w->a[t] / denom;
              double k3 = w->c3[(r * p + s) * p + t] / denom
                          - mr * w->cmat[s * p + t] / denom
                          - ms * w->cmat[r * p + t] / denom
                          - mt * w->cmat[r * p + s] / denom
                          + 2 * mr * ms * mt;

              w->dimat[(r * p + s) * p + t] += wt * k3;
            }
        }
    }
}

static void
add_row (double *a, double *cmat, double *c3, guint p, const double *xi, double risk)
{
  for (guint i = 0; i < p; i++)
    {
      double rx = risk * xi[i];

      a[i] += rx;
      for (guint j = 0; j <= i; j++)
        cmat[i * p + j] += rx * xi[j];
    }
  if (c3 == NULL)
    return;
  for (guint r = 0; r < p; r++)
    for (guint s = 0; s < p; s++)
      for (guint t = 0; t < p; t++)
        c3[(r * p + s) * p + t] += risk * xi[r] * xi[s] * xi[t];
}

/* cmat is kept lower-triangular while summing; the moments need it whole. */
static void
symmetrize (double *m, guint p)
{
  for (guint i = 0; i < p; i++)
    for (guint j = 0; j < i; j++)
      m[j * p + i] = m[i * p + j];
}

/* One backward pass over the sorted rows: the log partial likelihood at beta, and its score
 * and information in w.  Risk sets grow as time runs backwards, so each row is added once. */
static double
cox_pass (CoxWork *w, const double *beta)
{
  guint p = w->p;
  gsize pp = (gsize) p * p, ppp = pp * p;
  double loglik = 0, denom = 0;
  gsize i = w->n;
  guint32 current = G_MAXUINT32;
  gboolean third = w->dimat != NULL;

  memset (w->u, 0, p * sizeof (double));
  memset (w->imat, 0, pp * sizeof (double));
  memset (w->a2, 0, p * sizeof (double));
  memset (w->cmat2, 0, pp * sizeof (double));
  if (third)
    {
      memset (w->dimat, 0, ppp * sizeof (double));
      memset (w->c32, 0, ppp * sizeof (double));
    }

  while (i > 0)
    {
      double dtime = w->time[i - 1];
      double denom2 = 0;
      guint ndead = 0;

      if (w->stratum[i - 1] != current)
        {
          current = w->stratum[i - 1];
          denom = 0;
          memset (w->a, 0, p * sizeof (double));
          memset (w->cmat, 0, pp * sizeof (double));
          if (third)
            memset (w->c3, 0, ppp * sizeof (double));
        }

      while (i > 0 && w->time[i - 1] == dtime && w->stratum[i - 1] == current)
        {
          const double *xi;
          double zbeta = 0, risk;

          i--;
          xi = w->x + i * p;
          for (guint j = 0; j < p; j++)
            zbeta += beta[j] * xi[j];
          risk = exp (zbeta);
          if (w->status[i] == 0)
            {
              denom += risk;
              add_row (w->a, w->cmat, third ? w->c3 : NULL, p, xi, risk);
            }
          else
            {
              ndead++;
              denom2 += risk;
              loglik += zbeta;
              for (guint j = 0; j < p; j++)
                w->u[j] += xi[j];
              add_row (w->a2, w->cmat2, third ? w->c32 : NULL, p, xi, risk);
            }
        }

      if (ndead == 0)
        continue;

      if (w->ties == OB_TIES_BRESLOW || ndead == 1)
        {
          denom += denom2;
          loglik -= ndead * log (denom);
          for (guint j = 0; j < p; j++)
            w->a[j] += w->a2[j];
          for (gsize j = 0; j < pp; j++)
            w->cmat[j] += w->cmat2[j];
          if (third)
            {
              for (gsize j = 0; j < ppp; j++)
                w->c3[j] += w->c32[j];
              symmetrize (w->cmat, p);
            }
          add_death (w, ndead, denom);
        }
      else
        {
          /* Efron: the k-th of d tied deaths sees the deaths' share of the risk set reduced
           * to (d - k) / d; summing the fractions up from 1/d gives the same terms. */
          for (guint k = 0; k < ndead; k++)
            {
              denom += denom2 / ndead;
              loglik -= log (denom);
              for (guint j = 0; j < p; j++)
                w->a[j] += w->a2[j] / ndead;
              for (gsize j = 0; j < pp; j++)
                w->cmat[j] += w->cmat2[j] / ndead;
              if (third)
                {
                  for (gsize j = 0; j < ppp; j++)
                    w->c3[j] += w->c32[j] / ndead;
                  symmetrize (w->cmat, p);
                }
              add_death (w, 1.0, denom);
            }
        }

      memset (w->a2, 0, p * sizeof (double));
      memset (w->cmat2, 0, pp * sizeof (double));
      if (third)
        memset (w->c32, 0, ppp * sizeof (double));
    }

  symmetrize (w->imat, p);
  return loglik;
}

/* In-place LDLᵀ decomposition as survival's cholesky2: pivots below toler × the largest
 * diagonal are set to zero.  Returns the rank. */
static guint
chol_decomp (double *m, guint n)
{
  double eps = 0;
  guint rank = 0;

  for (guint i = 0; i < n; i++)
    eps = MAX (eps, fabs (m[i * n + i]));
  eps *= CHOL_TOLER;

  for (guint i = 0; i < n; i++)
    {
      double pivot = m[i * n + i];

      if (!isfinite (pivot) || pivot < eps)
        {
          m[i * n + i] = 0;
          continue;
        }
      rank++;
      for (guint j = i + 1; j < n; j++)
        {
          double temp = m[j * n + i] / pivot;

          m[j * n + i] = temp;
          m[j * n + j] -= temp * temp * pivot;
          for (guint k = j + 1; k < n; k++)
            m[k * n + j] -= temp * m[k * n + i];
        }
    }
  return rank;
}

/* Solves m y = b in place, m from chol_decomp; directions with a zero pivot get zero. */
static void
chol_solve (const double *m, guint n, double *y)
{
  for (guint i = 0; i < n; i++)
    {
      double temp = y[i];

      for (guint j = 0; j < i; j++)
        temp -= y[j] * m[i * n + j];
      y[i] = temp;
    }
  for (guint i = n; i-- > 0;)
    {
      if (m[i * n + i] == 0)
        {
          y[i] = 0;
          continue;
        }
      y[i] /= m[i * n + i];
      for (guint j = i + 1; j < n; j++)
        y[i] -= y[j] * m[j * n + i];
    }
}

static void
chol_inverse (const double *m, guint n, double *inv)
{
  g_autofree double *col = g_new (double, n);

  for (guint j = 0; j < n; j++)
    {
      memset (col, 0, n * sizeof (double));
      col[j] = 1;
      chol_solve (m, n, col);
      for (guint i = 0; i < n; i++)
        inv[i * n + j] = col[i];
    }
}

static double
chol_logdet (const double *m, guint n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += log (m[i * n + i]);
  return sum;
}

/* x' m⁻¹ x for a symmetric positive definite m (m is not modified). */
static double
quad_inverse (const double *m, guint n, const double *x)
{
  g_autofree double *c = g_memdup2 (m, (gsize) n * n * sizeof (double));
  g_autofree double *y = g_memdup2 (x, n * sizeof (double));
  double sum = 0;

  chol_decomp (c, n);
  chol_solve (c, n, y);
  for (guint i = 0; i < n; i++)
    sum += x[i] * y[i];
  return sum;
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
fit_newton (CoxWork *w, const ObCoxOptions *options, double *beta, double *var,
            double *loglik0, double *loglik1, double *sctest, guint *iterations)
{
  guint p = w->p;
  g_autofree double *newbeta = g_new0 (double, p);
  g_autofree double *step = g_new (double, p);
  double halving = 0;

  memset (beta, 0, p * sizeof (double));
  *loglik0 = cox_pass (w, beta);
  *loglik1 = *loglik0;
  memcpy (step, w->u, p * sizeof (double));
  chol_decomp (w->imat, p);
  chol_solve (w->imat, p, step);
  *sctest = 0;
  for (guint i = 0; i < p; i++)
    {
      *sctest += w->u[i] * step[i];
      newbeta[i] = step[i];
    }

  for (guint iter = 1; iter <= options->max_iter; iter++)
    {
      double newlk = cox_pass (w, newbeta);
      gboolean finite;

      chol_decomp (w->imat, p);
      finite = isfinite (newlk) && all_finite (w->u, p) && all_finite (w->imat, (gsize) p * p);
      *iterations = iter;

      if (finite && fabs (1 - *loglik1 / newlk) <= options->eps)
        {
          *loglik1 = newlk;
          memcpy (beta, newbeta, p * sizeof (double));
          chol_inverse (w->imat, p, var);
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
          chol_solve (w->imat, p, step);
          for (guint i = 0; i < p; i++)
            {
              beta[i] = newbeta[i];
              newbeta[i] += step[i];
            }
        }
    }

  /* Out of iterations: report the last point that was accepted. */
  *loglik1 = cox_pass (w, beta);
  chol_decomp (w->imat, p);
  chol_inverse (w->imat, p, var);
  return FALSE;
}

/* Firth's penalised partial likelihood l(β) + ½ log|I(β)| (Heinze & Schemper 2001).  Its
 * score is U + ½ tr(I⁻¹ ∂I/∂β_r); steps use I as coxphf does, are capped in length and
 * halved while the penalised loglik drops. */
static double
firth_pass (CoxWork *w, const double *beta, double *ustar, double *work)
{
  guint p = w->p;
  double loglik = cox_pass (w, beta);
  double *ichol = work, *iinv = work + p * p;

  memcpy (ichol, w->imat, (gsize) p * p * sizeof (double));
  if (chol_decomp (ichol, p) < p)
    return -INFINITY;
  chol_inverse (ichol, p, iinv);
  for (guint r = 0; r < p; r++)
    {
      double tr = 0;

      for (guint s = 0; s < p; s++)
        for (guint t = 0; t < p; t++)
          tr += iinv[s * p + t] * w->dimat[(r * p + t) * p + s];
      ustar[r] = w->u[r] + 0.5 * tr;
    }
  return loglik + 0.5 * chol_logdet (ichol, p);
}

static gboolean
fit_firth (CoxWork *w, const ObCoxOptions *options, double *beta, double *var,
           double *pl0, double *pl1, guint *iterations)
{
  guint p = w->p;
  guint max_iter = MAX (options->max_iter, FIRTH_MIN_ITER);
  g_autofree double *ustar = g_new (double, p);
  g_autofree double *step = g_new (double, p);
  g_autofree double *trial = g_new (double, p);
  g_autofree double *work = g_new (double, 2 * p * p);
  double pl;

  memset (beta, 0, p * sizeof (double));
  pl = *pl0 = firth_pass (w, beta, ustar, work);
  if (!isfinite (pl))
    return FALSE;

  for (guint iter = 1; iter <= max_iter; iter++)
    {
      double biggest = 0, newpl = -INFINITY;

      *iterations = iter;
      /* w->imat still holds I at beta from the last pass. */
      memcpy (work, w->imat, (gsize) p * p * sizeof (double));
      chol_decomp (work, p);
      memcpy (step, ustar, p * sizeof (double));
      chol_solve (work, p, step);
      for (guint i = 0; i < p; i++)
        biggest = MAX (biggest, fabs (step[i]));
      if (biggest > FIRTH_MAX_STEP)
        for (guint i = 0; i < p; i++)
          step[i] *= FIRTH_MAX_STEP / biggest;

      for (guint half = 0; half < 30; half++)
        {
          for (guint i = 0; i < p; i++)
            trial[i] = beta[i] + step[i];
          newpl = firth_pass (w, trial, ustar, work);
          if (isfinite (newpl) && newpl >= pl - 1e-12 * fabs (pl))
            break;
          for (guint i = 0; i < p; i++)
            step[i] /= 2;
        }
      if (!isfinite (newpl))
        break;

      memcpy (beta, trial, p * sizeof (double));
      biggest = 0;
      for (guint i = 0; i < p; i++)
        biggest = MAX (biggest, fabs (step[i]));
      if (fabs (1 - pl / newpl) <= options->eps && biggest < 1e-8)
        {
          pl = newpl;
          break;
        }
      pl = newpl;
    }

  *pl1 = firth_pass (w, beta, ustar, work);
  memcpy (work, w->imat, (gsize) p * p * sizeof (double));
  chol_decomp (work, p);
  chol_inverse (work, p, var);

  /* The penalty was taken on the scaled covariates, whose information is scale² times
   * larger; report the penalised loglik in the covariates' own units. */
  for (guint j = 0; j < p; j++)
    {
      *pl0 -= log (w->scale[j]);
      *pl1 -= log (w->scale[j]);
    }
  return *iterations < max_iter;
}

static gboolean
is_indicator (const CoxWork *w, guint j, double *lo, double *hi)
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
monotone_warning (const CoxWork *w, guint j, const char *name)
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
      if (in_lo == 0 || in_hi == 0)
        return g_strdup_printf ("The hazard ratio for %s is %s: every event is in one group "
                                "(monotone likelihood). Use Firth's penalised Cox (--firth) "
                                "or report the log-rank test instead.",
                                name, in_lo == 0 ? "infinite" : "zero");
    }
  return g_strdup_printf ("The hazard ratio for %s cannot be estimated: the likelihood keeps "
                          "rising as its coefficient grows (monotone likelihood). Use Firth's "
                          "penalised Cox (--firth) or drop the term.", name);
}

ObCox *
ob_cox_fit (const ObSurvData *data, const ObCoxOptions *options, GError **error)
{
  ObCoxOptions defaults;
  g_autoptr(CoxWork) w = NULL;
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

  w = cox_work_new (data, options->stratified, options->ties, options->firth, error);
  if (w == NULL)
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

        cox_pass (w, zero);
        sctest = quad_inverse (w->imat, p, w->u);
      }
    }
  else
    converged = fit_newton (w, options, beta, var, &loglik0, &loglik1, &sctest, &iterations);

  cox = g_new0 (ObCox, 1);
  cox->n_terms = p;
  cox->terms = g_new0 (ObCoxTerm, p);
  cox->ties = options->ties;
  cox->firth = options->firth;
  cox->stratified = options->stratified;
  cox->iterations = iterations;
  cox->loglik_null = loglik0;
  cox->loglik = loglik1;
  cox->n = w->n;
  for (gsize k = 0; k < w->n; k++)
    cox->events += w->status[k];

  for (guint j = 0; j < p; j++)
    if (var[j * p + j] <= 0 || !isfinite (var[j * p + j]))
      {
        g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                     "The Cox term “%s” is constant or a combination of other terms; "
                     "remove it and fit again.",
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
    cox->wald = make_chisq (quad_inverse (info, p, coef), p);
  }
  cox->lr = make_chisq (2 * (loglik1 - loglik0), p);
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
    cox->warning = g_strdup_printf ("The Cox model did not converge in %u iterations; its "
                                    "estimates are not reliable.", iterations);
  cox->converged = converged;

  return g_steal_pointer (&cox);
}

/* The term a design column belongs to: "celltype=large" → "celltype", so a categorical
 * covariate is tested as one term with as many df as it has indicators, as cox.zph does. */
static char *
term_of (const char *name)
{
  const char *eq = strchr (name, '=');

  return eq ? g_strndup (name, eq - name) : g_strdup (name);
}

/* g(t) = 1 − S(t−), the left-continuous Kaplan–Meier over all rows (strata ignored), centred
 * on its mean over the events: cox.zph's "km" transform. */
static double *
km_transform (const ObSurvData *data)
{
  double *g = g_new (double, data->n);
  double surv = 1, sum = 0;
  gsize i = 0, events = 0;

  while (i < data->n)
    {
      double t = data->time[i];
      gsize at_risk = data->n - i, dead = 0, j;

      for (j = i; j < data->n && data->time[j] == t; j++)
        {
          g[j] = 1 - surv;
          if (data->status[j])
            {
              dead++;
              sum += g[j];
            }
        }
      events += dead;
      surv *= 1 - (double) dead / (double) at_risk;
      i = j;
    }
  for (i = 0; i < data->n; i++)
    g[i] -= sum / (double) events;
  return g;
}

/* The score test of β(t) = β + θ g(t): score for θ at θ = 0 and the 2p × 2p information
 * over (β, θ), from one backward pass at the fitted β (survival's zph1). */
static void
zph_pass (CoxWork *w, const double *beta, const double *gtime, double *u, double *imat)
{
  guint p = w->p, q = 2 * p;
  gsize pp = (gsize) p * p;
  double denom = 0;
  gsize i = w->n;
  guint32 current = G_MAXUINT32;

  memset (u, 0, q * sizeof (double));
  memset (imat, 0, (gsize) q * q * sizeof (double));
  memset (w->a2, 0, p * sizeof (double));
  memset (w->cmat2, 0, pp * sizeof (double));

  while (i > 0)
    {
      double dtime = w->time[i - 1];
      double denom2 = 0, g = gtime[i - 1];
      guint ndead = 0, steps;

      if (w->stratum[i - 1] != current)
        {
          current = w->stratum[i - 1];
          denom = 0;
          memset (w->a, 0, p * sizeof (double));
          memset (w->cmat, 0, pp * sizeof (double));
        }
      while (i > 0 && w->time[i - 1] == dtime && w->stratum[i - 1] == current)
        {
          const double *xi;
          double zbeta = 0, risk;

          i--;
          xi = w->x + i * p;
          for (guint j = 0; j < p; j++)
            zbeta += beta[j] * xi[j];
          risk = exp (zbeta);
          if (w->status[i] == 0)
            {
              denom += risk;
              add_row (w->a, w->cmat, NULL, p, xi, risk);
            }
          else
            {
              ndead++;
              denom2 += risk;
              for (guint j = 0; j < p; j++)
                {
                  u[j] += xi[j];
                  u[p + j] += g * xi[j];
                }
              add_row (w->a2, w->cmat2, NULL, p, xi, risk);
            }
        }
      if (ndead == 0)
        continue;

      steps = w->ties == OB_TIES_BRESLOW ? 1 : ndead;
      for (guint k = 0; k < steps; k++)
        {
          double wt = (double) ndead / steps;

          denom += denom2 / steps;
          for (guint j = 0; j < p; j++)
            w->a[j] += w->a2[j] / steps;
          for (gsize j = 0; j < pp; j++)
            w->cmat[j] += w->cmat2[j] / steps;
          for (guint r = 0; r < p; r++)
            {
              double mr = w->a[r] / denom;

              u[r] -= wt * mr;
              u[p + r] -= g * wt * mr;
              for (guint s = 0; s <= r; s++)
                {
                  double v = wt * (w->cmat[r * p + s] - mr * w->a[s]) / denom;

                  imat[r * q + s] += v;
                  imat[(p + r) * q + s] += g * v;
                  imat[r * q + p + s] += g * v;
                  imat[(p + r) * q + p + s] += g * g * v;
                }
            }
        }
      memset (w->a2, 0, p * sizeof (double));
      memset (w->cmat2, 0, pp * sizeof (double));
    }

  /* Each p × p block was summed over its lower triangle only. */
  for (guint bi = 0; bi < 2; bi++)
    for (guint bj = 0; bj < 2; bj++)
      for (guint r = 0; r < p; r++)
        for (guint s = 0; s < r; s++)
          imat[(bi * p + s) * q + bj * p + r] = imat[(bi * p + r) * q + bj * p + s];
}

/* u' M⁻¹ u over the rows/columns in idx, with the β part of u set to zero (the fit is at
 * the maximum, so its score is zero up to convergence). */
static double
zph_test (const double *u, const double *imat, guint q, const guint *idx, guint m, guint p)
{
  g_autofree double *sub = g_new (double, (gsize) m * m);
  g_autofree double *v = g_new (double, m);

  for (guint a = 0; a < m; a++)
    {
      v[a] = idx[a] < p ? 0 : u[idx[a]];
      for (guint b = 0; b < m; b++)
        sub[a * m + b] = imat[idx[a] * q + idx[b]];
    }
  return quad_inverse (sub, m, v);
}

ObCoxZph *
ob_cox_zph (const ObSurvData *data, const ObCox *cox, GError **error)
{
  g_autoptr(CoxWork) w = NULL;
  g_autoptr(ObCoxZph) zph = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *gtime = NULL, *gsorted = NULL, *beta = NULL, *u = NULL, *imat = NULL;
  g_autofree guint *group = NULL, *idx = NULL;
  guint p, q;

  g_return_val_if_fail (data != NULL && cox != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cox->n_terms != data->p || cox->n != data->n)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   "The proportional-hazards test needs the data the Cox model was fitted to.");
      return NULL;
    }
  w = cox_work_new (data, cox->stratified, cox->ties, FALSE, error);
  if (w == NULL)
    return NULL;
  p = w->p;
  q = 2 * p;

  /* g(t) follows the rows into the work copy's stratum order. */
  gtime = km_transform (data);
  gsorted = g_new (double, data->n);
  {
    g_autofree gsize *start = g_new0 (gsize, data->n_strata + 2);
    gboolean use_strata = cox->stratified && data->strata != NULL && data->n_strata > 1;

    for (gsize i = 0; use_strata && i < data->n; i++)
      start[data->strata[i] + 1]++;
    for (guint s = 0; use_strata && s < data->n_strata; s++)
      start[s + 1] += start[s];
    for (gsize i = 0; i < data->n; i++)
      gsorted[start[use_strata ? data->strata[i] : 0]++] = gtime[i];
  }

  beta = g_new (double, p);
  for (guint j = 0; j < p; j++)
    beta[j] = cox->terms[j].coef / w->scale[j];
  u = g_new (double, q);
  imat = g_new (double, (gsize) q * q);
  zph_pass (w, beta, gsorted, u, imat);

  group = g_new (guint, p);
  for (guint j = 0; j < p; j++)
    {
      g_autofree char *t = term_of (cox->terms[j].name);
      guint k;

      for (k = 0; k < names->len; k++)
        if (g_str_equal (t, g_ptr_array_index (names, k)))
          break;
      if (k == names->len)
        g_ptr_array_add (names, g_steal_pointer (&t));
      group[j] = k;
    }

  zph = g_new0 (ObCoxZph, 1);
  zph->n_terms = names->len + 1;
  zph->terms = g_new0 (ObCoxZphTerm, zph->n_terms);
  idx = g_new (guint, q);
  for (guint k = 0; k <= names->len; k++)
    {
      ObCoxZphTerm *t = &zph->terms[k];
      guint m = p;

      for (guint j = 0; j < p; j++)
        idx[j] = j;
      for (guint j = 0; j < p; j++)
        if (k == names->len || group[j] == k)
          idx[m++] = p + j;
      t->name = g_strdup (k < names->len ? g_ptr_array_index (names, k) : "GLOBAL");
      t->df = m - p;
      t->chisq = zph_test (u, imat, q, idx, m, p);
      t->p = isfinite (t->chisq) ? gsl_cdf_chisq_Q (MAX (t->chisq, 0), t->df) : NAN;
    }

  return g_steal_pointer (&zph);
}

void
ob_cox_zph_free (ObCoxZph *zph)
{
  if (zph == NULL)
    return;
  for (guint i = 0; i < zph->n_terms; i++)
    g_free (zph->terms[i].name);
  g_free (zph->terms);
  g_free (zph);
}
