/* ob-standard-curve.c — fitting and inverting ELISA standard curves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-standard-curve.h"

typedef struct
{
  const double *x;
  const double *y;
  gboolean five;
} LogisticData;

static const char * const logistic_names[] = { "bottom", "top", "ec50", "hill", "asymmetry" };
static const char * const line_names[] = { "intercept", "slope" };

/* The logistic curve and its gradient in (bottom, top, ec50, hill, asymmetry).  Below
 * x = 0 (a zero standard) the curve sits on its lower asymptote. */
static double
logistic_eval (const double *p,
               gboolean      five,
               double        x,
               double       *grad)
{
  double b = p[0], t = p[1], e = p[2], h = p[3], g = five ? p[4] : 1.0;
  double lr, u, dg, common, f;

  if (grad != NULL)
    memset (grad, 0, sizeof (double) * OB_CURVE_MAX_PARAMS);
  if (x <= 0.0 || e <= 0.0)
    {
      if (grad != NULL)
        grad[h > 0 ? 0 : 1] = 1.0;
      return h > 0 ? b : t;
    }
  lr = log (x / e);
  u = exp (-h * lr);
  if (!isfinite (u))
    {
      if (grad != NULL)
        grad[0] = 1.0;
      return b;
    }
  dg = exp (-g * log1p (u));
  f = b + (t - b) * dg;
  if (grad != NULL)
    {
      common = (t - b) * g * dg / (1.0 + u) * u;
      grad[0] = 1.0 - dg;
      grad[1] = dg;
      grad[2] = -common * h / e;
      grad[3] = common * lr;
      if (five)
        grad[4] = -(t - b) * dg * log1p (u);
    }
  return f;
}

/* The solver works on log ec50 and log asymmetry so that both stay positive. */
static void
to_natural (const gsl_vector *q,
            gboolean          five,
            double           *p)
{
  p[0] = gsl_vector_get (q, 0);
  p[1] = gsl_vector_get (q, 1);
  p[2] = exp (gsl_vector_get (q, 2));
  p[3] = gsl_vector_get (q, 3);
  p[4] = five ? exp (gsl_vector_get (q, 4)) : 1.0;
}

static int
logistic_f (const gsl_vector *q,
            void             *data,
            gsl_vector       *f)
{
  const LogisticData *d = data;
  double p[OB_CURVE_MAX_PARAMS];

  to_natural (q, d->five, p);
  for (gsize i = 0; i < f->size; i++)
    gsl_vector_set (f, i, logistic_eval (p, d->five, d->x[i], NULL) - d->y[i]);
  return GSL_SUCCESS;
}

static int
logistic_df (const gsl_vector *q,
             void             *data,
             gsl_matrix       *jac)
{
  const LogisticData *d = data;
  double p[OB_CURVE_MAX_PARAMS], grad[OB_CURVE_MAX_PARAMS];

  to_natural (q, d->five, p);
  for (gsize i = 0; i < jac->size1; i++)
    {
      logistic_eval (p, d->five, d->x[i], grad);
      gsl_matrix_set (jac, i, 0, grad[0]);
      gsl_matrix_set (jac, i, 1, grad[1]);
      gsl_matrix_set (jac, i, 2, grad[2] * p[2]);
      gsl_matrix_set (jac, i, 3, grad[3]);
      if (d->five)
        gsl_matrix_set (jac, i, 4, grad[4] * p[4]);
    }
  return GSL_SUCCESS;
}

static double
weight_of (ObCurveWeight weight,
           double        y)
{
  switch (weight)
    {
    case OB_CURVE_WEIGHT_INV_Y:
      return 1.0 / y;
    case OB_CURVE_WEIGHT_INV_Y2:
      return 1.0 / (y * y);
    case OB_CURVE_WEIGHT_NONE:
    default:
      return 1.0;
    }
}

/* Mean responses at the distinct concentrations of x (sorted); returns how many. */
static gsize
distinct_means (const double *x,
                const double *y,
                gsize         n,
                double       *ux,
                double       *uy)
{
  gsize k = 0;

  for (gsize i = 0; i < n;)
    {
      gsize j = i;
      double sum = 0.0;

      while (j < n && x[j] == x[i])
        sum += y[j++];
      ux[k] = x[i];
      uy[k] = sum / (double) (j - i);
      k++;
      i = j;
    }
  return k;
}

/* Starting values from the shape of the data: asymptotes at the responses of the lowest
 * and highest standards, pushed a little outwards because a plate rarely reaches either
 * plateau, and ec50 where the mean response crosses halfway, interpolated in log x. */
static void
logistic_start (const ObCurveFit *fit,
                double           *p)
{
  g_autofree double *ux = g_new (double, fit->n);
  g_autofree double *uy = g_new (double, fit->n);
  gsize k = distinct_means (fit->x, fit->y, fit->n, ux, uy);
  gsize first = 0;
  double lo, hi, mid, span;

  while (first + 1 < k && ux[first] <= 0.0)
    first++;
  lo = uy[0];
  hi = uy[k - 1];
  span = hi - lo;
  p[0] = lo - 0.05 * span;
  p[1] = hi + 0.05 * span;
  p[2] = sqrt (ux[first] * ux[k - 1]);
  p[3] = 1.0;
  p[4] = 1.0;
  mid = 0.5 * (lo + hi);
  for (gsize i = first; i + 1 < k; i++)
    {
      double a = uy[i] - mid, c = uy[i + 1] - mid;

      if (a == 0.0 || a * c < 0.0)
        {
          double frac = a == 0.0 ? 0.0 : a / (a - c);

          p[2] = exp (log (ux[i]) + frac * (log (ux[i + 1]) - log (ux[i])));
          break;
        }
    }
}

static double
weighted_rss (const ObCurveFit *fit,
              const double     *w)
{
  double rss = 0.0;

  for (gsize i = 0; i < fit->n; i++)
    rss += w[i] * fit->residuals[i] * fit->residuals[i];
  return rss;
}

/* One Levenberg–Marquardt run from start; returns the weighted RSS (infinite on failure)
 * and leaves the solution in p. */
static double
run_lm (const LogisticData *data,
        gsize               n,
        const double       *w,
        double             *p,
        guint              *iterations)
{
  gsize np = data->five ? 5 : 4;
  gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters ();
  gsl_multifit_nlinear_fdf fdf = { 0 };
  gsl_multifit_nlinear_workspace *ws;
  gsl_vector_const_view wv = gsl_vector_const_view_array (w, n);
  double q[OB_CURVE_MAX_PARAMS];
  gsl_vector_view qv;
  double chisq = INFINITY;
  int info = 0, status;

  q[0] = p[0];
  q[1] = p[1];
  q[2] = log (p[2]);
  q[3] = p[3];
  q[4] = log (p[4]);
  qv = gsl_vector_view_array (q, np);
  fdf.f = logistic_f;
  fdf.df = logistic_df;
  fdf.n = n;
  fdf.p = np;
  fdf.params = (void *) data;
  params.scale = gsl_multifit_nlinear_scale_more;
  ws = gsl_multifit_nlinear_alloc (gsl_multifit_nlinear_trust, &params, n, np);
  gsl_multifit_nlinear_winit (&qv.vector, &wv.vector, &fdf, ws);
  status = gsl_multifit_nlinear_driver (1000, 1e-14, 1e-14, 1e-14, NULL, NULL, &info, ws);
  if (status == GSL_SUCCESS || status == GSL_EMAXITER || status == GSL_ENOPROG)
    {
      gsl_vector *r = gsl_multifit_nlinear_residual (ws);

      gsl_blas_ddot (r, r, &chisq);
      to_natural (gsl_multifit_nlinear_position (ws), data->five, p);
      *iterations = (guint) gsl_multifit_nlinear_niter (ws);
    }
  gsl_multifit_nlinear_free (ws);
  return isfinite (chisq) ? chisq : INFINITY;
}

static gboolean
fit_logistic (ObCurveFit  *fit,
              const double *w,
              GError      **error)
{
  gboolean five = fit->model == OB_CURVE_5PL;
  LogisticData data = { fit->x, fit->y, five };
  double start[OB_CURVE_MAX_PARAMS], best[OB_CURVE_MAX_PARAMS];
  /* A few slopes, since LM from a poor hill can stall on a flat ridge. */
  static const double hills[] = { 1.0, 2.0, 0.5 };
  double best_rss = INFINITY;

  logistic_start (fit, start);
  if (five)
    {
      g_autoptr(ObCurveFit) fit4 = ob_curve_fit (OB_CURVE_4PL, fit->weight, fit->x, fit->y,
                                                 fit->n, NULL);

      if (fit4 != NULL)
        {
          double p[OB_CURVE_MAX_PARAMS];
          guint it = 0;
          double rss;

          memcpy (p, fit4->params, sizeof (double) * 4);
          p[4] = 1.0;
          rss = run_lm (&data, fit->n, w, p, &it);
          if (rss < best_rss)
            {
              best_rss = rss;
              memcpy (best, p, sizeof best);
              fit->iterations = it;
            }
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (hills); s++)
    {
      double p[OB_CURVE_MAX_PARAMS];
      guint it = 0;
      double rss;

      memcpy (p, start, sizeof p);
      p[3] = hills[s];
      rss = run_lm (&data, fit->n, w, p, &it);
      if (rss < best_rss * (1.0 - 1e-12))
        {
          best_rss = rss;
          memcpy (best, p, sizeof best);
          fit->iterations = it;
        }
    }
  if (!isfinite (best_rss) || best[3] <= 0.0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                   _("The %s curve did not converge on these standards; try another model "
                     "or check the standards’ concentrations"),
                   ob_curve_model_to_string (fit->model));
      return FALSE;
    }
  fit->n_params = five ? 5 : 4;
  memcpy (fit->params, best, sizeof (double) * fit->n_params);
  return TRUE;
}

/* (JᵀWJ)⁻¹ at the solution, in the natural parameters, so the standard errors are those
 * of nls whatever the solver's own parametrisation. */
static gboolean
logistic_covariance (ObCurveFit   *fit,
                     const double *w,
                     GError      **error)
{
  gsize np = fit->n_params;
  gboolean five = fit->model == OB_CURVE_5PL;
  gsl_matrix *jac = gsl_matrix_alloc (fit->n, np);
  gsl_matrix *cov = gsl_matrix_alloc (np, np);
  double grad[OB_CURVE_MAX_PARAMS];
  gboolean ok = TRUE;

  for (gsize i = 0; i < fit->n; i++)
    {
      double sw = sqrt (w[i]);

      logistic_eval (fit->params, five, fit->x[i], grad);
      for (gsize j = 0; j < np; j++)
        gsl_matrix_set (jac, i, j, sw * grad[j]);
    }
  gsl_multifit_nlinear_covar (jac, 0.0, cov);
  for (gsize j = 0; j < np; j++)
    {
      if (!(gsl_matrix_get (cov, j, j) > 0.0) || !isfinite (gsl_matrix_get (cov, j, j)))
        ok = FALSE;
      for (gsize k = 0; k < np; k++)
        fit->vcov[j * np + k] = gsl_matrix_get (cov, j, k);
    }
  gsl_matrix_free (jac);
  gsl_matrix_free (cov);
  if (!ok)
    g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                 _("The %s curve’s parameters cannot all be estimated from these standards "
                   "(too few concentrations on one side of the midpoint?)"),
                 ob_curve_model_to_string (fit->model));
  return ok;
}

/* Weighted least-squares line through (u, v); fills params and (XᵀWX)⁻¹. */
static gboolean
fit_line (ObCurveFit   *fit,
          const double *u,
          const double *v,
          const double *w,
          GError      **error)
{
  double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0, det;

  for (gsize i = 0; i < fit->n; i++)
    {
      sw += w[i];
      swx += w[i] * u[i];
      swy += w[i] * v[i];
    }
  /* Centred sums: the raw ones lose digits when x is large (pg/mL in the thousands). */
  for (gsize i = 0; i < fit->n; i++)
    {
      double dx = u[i] - swx / sw, dy = v[i] - swy / sw;

      swxx += w[i] * dx * dx;
      swxy += w[i] * dx * dy;
    }
  if (!(swxx > 0.0))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
                   _("A straight line needs standards at two or more concentrations"));
      return FALSE;
    }
  fit->n_params = 2;
  fit->params[1] = swxy / swxx;
  fit->params[0] = swy / sw - fit->params[1] * swx / sw;
  det = sw * swxx;
  fit->vcov[0] = (swxx + sw * (swx / sw) * (swx / sw)) / det;
  fit->vcov[1] = fit->vcov[2] = -swx / det;
  fit->vcov[3] = sw / det;
  return TRUE;
}

static int
compare_points (const void *a,
                const void *b)
{
  const double *pa = a, *pb = b;

  return (pa[0] > pb[0]) - (pa[0] < pb[0]);
}

ObCurveFit *
ob_curve_fit (ObCurveModel   model,
              ObCurveWeight  weight,
              const double  *x,
              const double  *y,
              gsize          n,
              GError       **error)
{
  g_autoptr(ObCurveFit) fit = g_new0 (ObCurveFit, 1);
  g_autofree double *pairs = NULL;
  g_autofree double *w = NULL;
  g_autofree double *u = NULL;
  g_autofree double *v = NULL;
  gboolean logy = model == OB_CURVE_LOGLOG;
  double sw = 0.0, swy = 0.0, tss = 0.0, sumlogw = 0.0;
  guint min_n;

  fit->model = model;
  fit->weight = weight;
  fit->n = n;
  min_n = model == OB_CURVE_5PL ? 6 : model == OB_CURVE_4PL ? 5 : 2;
  if (n < min_n)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("A %s curve needs at least %u standard wells with a concentration and a "
                     "response; %zu found"),
                   ob_curve_model_to_string (model), min_n, n);
      return NULL;
    }
  pairs = g_new (double, 2 * n);
  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (x[i]) || !isfinite (y[i]) || x[i] < 0.0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Standard %zu has no usable concentration or response"),
                       i + 1);
          return NULL;
        }
      if ((weight != OB_CURVE_WEIGHT_NONE || logy) && y[i] <= 0.0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Weighting by the response or a log–log fit needs positive responses; "
                         "a standard has %g"), y[i]);
          return NULL;
        }
      if (logy && x[i] <= 0.0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("A log–log fit needs positive concentrations; a standard has %g"), x[i]);
          return NULL;
        }
      pairs[2 * i] = x[i];
      pairs[2 * i + 1] = y[i];
    }
  qsort (pairs, n, 2 * sizeof (double), compare_points);
  fit->x = g_new (double, n);
  fit->y = g_new (double, n);
  fit->residuals = g_new (double, n);
  w = g_new (double, n);
  u = g_new (double, n);
  v = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      fit->x[i] = pairs[2 * i];
      fit->y[i] = pairs[2 * i + 1];
      w[i] = weight_of (weight, fit->y[i]);
      u[i] = logy ? log10 (fit->x[i]) : fit->x[i];
      v[i] = logy ? log10 (fit->y[i]) : fit->y[i];
      sumlogw += log (w[i]);
    }
  fit->x_min = fit->x[0];
  fit->x_max = fit->x[n - 1];
  if (fit->x_min == fit->x_max)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("All standards have the same concentration; a curve needs several"));
      return NULL;
    }

  switch (model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      if (!fit_logistic (fit, w, error))
        return NULL;
      break;
    case OB_CURVE_LINEAR:
    case OB_CURVE_LOGLOG:
      if (!fit_line (fit, u, v, w, error))
        return NULL;
      break;
    case OB_CURVE_P2P:
    default:
      fit->knot_x = g_new (double, n);
      fit->knot_y = g_new (double, n);
      fit->n_knots = distinct_means (fit->x, fit->y, n, fit->knot_x, fit->knot_y);
      break;
    }

  for (gsize i = 0; i < n; i++)
    {
      double fitted = ob_curve_fit_predict (fit, fit->x[i]);

      fit->residuals[i] = v[i] - (logy ? log10 (fitted) : fitted);
      sw += w[i];
      swy += w[i] * v[i];
    }
  for (gsize i = 0; i < n; i++)
    tss += w[i] * (v[i] - swy / sw) * (v[i] - swy / sw);
  fit->rss = weighted_rss (fit, w);
  fit->df = (double) n - (double) (model == OB_CURVE_P2P ? fit->n_knots : fit->n_params);
  fit->sigma = fit->df > 0 ? sqrt (fit->rss / fit->df) : NAN;
  fit->r2 = tss > 0.0 ? 1.0 - fit->rss / tss : NAN;
  fit->aic = NAN;
  fit->flat_f = fit->flat_p = NAN;
  if (model == OB_CURVE_P2P)
    return g_steal_pointer (&fit);
  if (fit->df > 0 && fit->n_params > 1)
    {
      double df1 = fit->n_params - 1.0;

      fit->flat_f = fit->rss > 0.0 ? ((tss - fit->rss) / df1) / (fit->rss / fit->df) : INFINITY;
      fit->flat_p = isfinite (fit->flat_f) ? gsl_cdf_fdist_Q (MAX (fit->flat_f, 0.0), df1, fit->df)
                                           : 0.0;
    }

  if ((model == OB_CURVE_4PL || model == OB_CURVE_5PL) && !logistic_covariance (fit, w, error))
    return NULL;
  fit->aic = (double) n * (log (2.0 * G_PI) + 1.0 - log ((double) n) + log (fit->rss))
             - sumlogw + 2.0 * (fit->n_params + 1);
  {
    double tq = fit->df > 0 ? gsl_cdf_tdist_Qinv (0.025, fit->df) : NAN;
    double s2 = fit->df > 0 ? fit->rss / fit->df : NAN;

    for (guint j = 0; j < fit->n_params; j++)
      {
        for (guint k = 0; k < fit->n_params; k++)
          fit->vcov[j * fit->n_params + k] *= s2;
        fit->se[j] = sqrt (fit->vcov[j * fit->n_params + j]);
        fit->ci_lower[j] = fit->params[j] - tq * fit->se[j];
        fit->ci_upper[j] = fit->params[j] + tq * fit->se[j];
      }
  }
  return g_steal_pointer (&fit);
}

void
ob_curve_fit_free (ObCurveFit *fit)
{
  if (fit == NULL)
    return;
  g_free (fit->residuals);
  g_free (fit->x);
  g_free (fit->y);
  g_free (fit->knot_x);
  g_free (fit->knot_y);
  g_free (fit);
}

double
ob_curve_fit_predict (const ObCurveFit *fit,
                      double            x)
{
  switch (fit->model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      return logistic_eval (fit->params, fit->model == OB_CURVE_5PL, x, NULL);
    case OB_CURVE_LINEAR:
      return fit->params[0] + fit->params[1] * x;
    case OB_CURVE_LOGLOG:
      return x > 0.0 ? pow (10.0, fit->params[0] + fit->params[1] * log10 (x)) : NAN;
    case OB_CURVE_P2P:
    default:
      if (fit->n_knots == 0 || x < fit->knot_x[0] || x > fit->knot_x[fit->n_knots - 1])
        return NAN;
      for (gsize i = 0; i + 1 < fit->n_knots; i++)
        if (x <= fit->knot_x[i + 1])
          return fit->knot_y[i] + (fit->knot_y[i + 1] - fit->knot_y[i])
                 * (x - fit->knot_x[i]) / (fit->knot_x[i + 1] - fit->knot_x[i]);
      return fit->knot_y[fit->n_knots - 1];
    }
}

double
ob_curve_fit_inverse (const ObCurveFit *fit,
                      double            y)
{
  const double *p = fit->params;

  if (!isfinite (y))
    return NAN;
  switch (fit->model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      {
        double g = fit->model == OB_CURVE_5PL ? p[4] : 1.0;
        double r = (y - p[0]) / (p[1] - p[0]);
        double uu;

        if (!(r > 0.0 && r < 1.0) || p[3] == 0.0)
          return NAN;
        uu = expm1 (-log (r) / g);
        return uu > 0.0 ? p[2] * exp (-log (uu) / p[3]) : NAN;
      }
    case OB_CURVE_LINEAR:
      return p[1] != 0.0 ? (y - p[0]) / p[1] : NAN;
    case OB_CURVE_LOGLOG:
      return y > 0.0 && p[1] != 0.0 ? pow (10.0, (log10 (y) - p[0]) / p[1]) : NAN;
    case OB_CURVE_P2P:
    default:
      for (gsize i = 0; i + 1 < fit->n_knots; i++)
        {
          double a = fit->knot_y[i], b = fit->knot_y[i + 1];

          if ((y >= a && y <= b) || (y <= a && y >= b))
            return a == b ? fit->knot_x[i]
                          : fit->knot_x[i] + (y - a) / (b - a)
                            * (fit->knot_x[i + 1] - fit->knot_x[i]);
        }
      return NAN;
    }
}

gboolean
ob_curve_fit_band (const ObCurveFit *fit,
                   double            x,
                   double           *lo,
                   double           *hi)
{
  double grad[OB_CURVE_MAX_PARAMS] = { 0 };
  double var = 0.0, centre, tq;
  guint np = fit->n_params;

  *lo = *hi = NAN;
  if (fit->model == OB_CURVE_P2P || !(fit->df > 0) || !isfinite (x))
    return FALSE;
  switch (fit->model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      if (x < 0.0)
        return FALSE;
      centre = logistic_eval (fit->params, fit->model == OB_CURVE_5PL, x, grad);
      break;
    case OB_CURVE_LINEAR:
      centre = fit->params[0] + fit->params[1] * x;
      grad[0] = 1.0;
      grad[1] = x;
      break;
    case OB_CURVE_LOGLOG:
    default:
      if (!(x > 0.0))
        return FALSE;
      centre = fit->params[0] + fit->params[1] * log10 (x);
      grad[0] = 1.0;
      grad[1] = log10 (x);
      break;
    }
  for (guint j = 0; j < np; j++)
    for (guint k = 0; k < np; k++)
      var += grad[j] * fit->vcov[j * np + k] * grad[k];
  if (!isfinite (centre) || !(var >= 0.0))
    return FALSE;
  tq = gsl_cdf_tdist_Qinv (0.025, fit->df);
  *lo = centre - tq * sqrt (var);
  *hi = centre + tq * sqrt (var);
  if (fit->model == OB_CURVE_LOGLOG)
    {
      *lo = pow (10.0, *lo);
      *hi = pow (10.0, *hi);
    }
  return TRUE;
}

double
ob_curve_fit_inverse_log_se (const ObCurveFit *fit,
                             double            y,
                             guint             n_replicates)
{
  double x = ob_curve_fit_inverse (fit, y);
  double grad[OB_CURVE_MAX_PARAMS] = { 0 };
  double dlogx[OB_CURVE_MAX_PARAMS] = { 0 };
  double dy, var = 0.0, wy, s2;
  guint np = fit->n_params;

  if (!isfinite (x) || x <= 0.0 || fit->model == OB_CURVE_P2P || n_replicates == 0
      || !(fit->df > 0))
    return NAN;
  s2 = fit->sigma * fit->sigma;
  wy = weight_of (fit->weight, y);
  switch (fit->model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      {
        /* Implicit differentiation of f(x, θ) = y: d log x / dθ = −(∂f/∂θ) / (x ∂f/∂x). */
        double eps = 1e-6 * x, fx;

        logistic_eval (fit->params, fit->model == OB_CURVE_5PL, x, grad);
        fx = (logistic_eval (fit->params, fit->model == OB_CURVE_5PL, x + eps, NULL)
              - logistic_eval (fit->params, fit->model == OB_CURVE_5PL, x - eps, NULL))
             / (2.0 * eps);
        if (fx == 0.0)
          return NAN;
        for (guint j = 0; j < np; j++)
          dlogx[j] = -grad[j] / (x * fx);
        dy = 1.0 / (x * fx);
        break;
      }
    case OB_CURVE_LINEAR:
      /* x = (y − a) / b */
      dlogx[0] = -1.0 / (fit->params[1] * x);
      dlogx[1] = -1.0 / fit->params[1];
      dy = 1.0 / (fit->params[1] * x);
      break;
    case OB_CURVE_LOGLOG:
    default:
      {
        /* ln x = ln 10 · (log10 y − a) / b, the response's variance on the log10 scale. */
        double l = log10 (x);

        dlogx[0] = -G_LN10 / fit->params[1];
        dlogx[1] = -G_LN10 * l / fit->params[1];
        dy = G_LN10 / fit->params[1];
        break;
      }
    }
  for (guint j = 0; j < np; j++)
    for (guint k = 0; k < np; k++)
      var += dlogx[j] * fit->vcov[j * np + k] * dlogx[k];
  var += dy * dy * s2 / ((double) n_replicates * wy);
  return sqrt (var);
}

gboolean
ob_curve_compare_4pl_5pl (const ObCurveFit  *fit4,
                          const ObCurveFit  *fit5,
                          ObCurveComparison *out,
                          GError           **error)
{
  if (fit4->model != OB_CURVE_4PL || fit5->model != OB_CURVE_5PL || fit4->n != fit5->n
      || fit4->weight != fit5->weight)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("Only a 4PL and a 5PL fit to the same standards can be compared"));
      return FALSE;
    }
  out->df1 = fit4->df - fit5->df;
  out->df2 = fit5->df;
  out->f = ((fit4->rss - fit5->rss) / out->df1) / (fit5->rss / fit5->df);
  out->p = out->f > 0.0 ? gsl_cdf_fdist_Q (out->f, out->df1, out->df2) : 1.0;
  out->aic4 = fit4->aic;
  out->aic5 = fit5->aic;
  return TRUE;
}

static const char * const model_names[] = { "4pl", "5pl", "linear", "loglog", "p2p" };
static const char * const weight_names[] = { "none", "1/y", "1/y2" };

const char *
ob_curve_model_to_string (ObCurveModel model)
{
  g_return_val_if_fail ((guint) model < G_N_ELEMENTS (model_names), NULL);
  return model_names[model];
}

gboolean
ob_curve_model_from_string (const char   *str,
                            ObCurveModel *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_names); i++)
    if (g_ascii_strcasecmp (str, model_names[i]) == 0)
      {
        *out = (ObCurveModel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ob_curve_weight_to_string (ObCurveWeight weight)
{
  g_return_val_if_fail ((guint) weight < G_N_ELEMENTS (weight_names), NULL);
  return weight_names[weight];
}

gboolean
ob_curve_weight_from_string (const char    *str,
                             ObCurveWeight *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (weight_names); i++)
    if (g_ascii_strcasecmp (str, weight_names[i]) == 0)
      {
        *out = (ObCurveWeight) i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (str, "1/y^2") == 0 || g_ascii_strcasecmp (str, "1/y²") == 0)
    {
      *out = OB_CURVE_WEIGHT_INV_Y2;
      return TRUE;
    }
  return FALSE;
}

const char *
ob_curve_param_name (const ObCurveFit *fit,
                     guint             i)
{
  if (fit->model == OB_CURVE_4PL || fit->model == OB_CURVE_5PL)
    return i < fit->n_params ? logistic_names[i] : NULL;
  return i < fit->n_params ? line_names[i] : NULL;
}
