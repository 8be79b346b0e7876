/* ob-cox-work.c — risk-set sums for Cox models: one backward pass over sorted rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cox"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-cox-private.h"
#include "ob-csv-columns.h"

/* Cholesky pivots below this fraction of the largest diagonal count as zero, as coxph's
 * toler.chol = .Machine$double.eps^0.75. */
#define CHOL_TOLER 1.818989403545856e-12

void
ob_cox_work_free (ObCoxWork *w)
{
  g_free (w->time);
  g_free (w->status);
  g_free (w->stratum);
  g_free (w->x);
  g_free (w->weight);
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

/* Copies the data in stratum order (a stable counting sort keeps time order inside each
 * stratum), then centres and scales every column. */
/* Registry cohorts put hundreds of subjects at each day, and with group terms only most of
 * them look alike: one weighted row per distinct (stratum, time, status, x) lets every Newton
 * pass work on a few thousand rows instead of a million.  Only the last few distinct rows of
 * a run are searched, so continuous covariates cost a handful of comparisons per row. */
#define MERGE_WINDOW 8

static gboolean
merges_with (ObCoxWork *w, gsize run, gsize m, const double *xi)
{
  gsize lo = MAX (run, m > MERGE_WINDOW ? m - MERGE_WINDOW : 0);
  guint p = w->p;

  for (gsize k = m; k > lo; k--)
    {
      const double *xk = w->x + (k - 1) * p;
      guint j = 0;

      while (j < p && xk[j] == xi[j])
        j++;
      if (j == p)
        {
          w->weight[k - 1] += 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* In place, for rows already copied in stratum order. */
static void
merge_rows (ObCoxWork *w)
{
  guint p = w->p;
  gsize n = w->n, m = 0, run = 0;

  for (gsize i = 0; i < n; i++)
    {
      const double *xi = w->x + i * p;

      if (m == 0 || w->time[m - 1] != w->time[i] || w->status[m - 1] != w->status[i]
          || w->stratum[m - 1] != w->stratum[i])
        run = m;
      if (merges_with (w, run, m, xi))
        continue;
      if (m != i)
        {
          memcpy (w->x + m * p, xi, p * sizeof (double));
          w->time[m] = w->time[i];
          w->status[m] = w->status[i];
          w->stratum[m] = w->stratum[i];
        }
      w->weight[m++] = 1;
    }
  w->n = m;
}

/* Without strata the rows stay in the data's order and are read once: merged as they come,
 * then centred and scaled where they landed, the means and scales taken from the data. */
static gboolean
centre_and_copy (ObCoxWork *w, const ObSurvData *data, gboolean merge, GError **error)
{
  guint p = w->p;
  gsize n = data->n, m = 0, run = 0;

  for (gsize i = 0; i < n; i++)
    {
      const double *xi = data->x + i * p;
      double time = data->time[i];
      guint8 status = data->status[i] != 0;

      for (guint j = 0; j < p; j++)
        {
          if (!isfinite (xi[j]))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The Cox term “%s” has a missing or infinite value."),
                           data->term_names ? data->term_names[j] : "?");
              return FALSE;
            }
          w->mean[j] += xi[j];
        }
      if (m == 0 || w->time[m - 1] != time || w->status[m - 1] != status)
        run = m;
      if (merge && merges_with (w, run, m, xi))
        continue;
      w->time[m] = time;
      w->status[m] = status;
      memcpy (w->x + m * p, xi, p * sizeof (double));
      if (merge)
        w->weight[m] = 1;
      m++;
    }
  w->n = m;

  for (guint j = 0; j < p; j++)
    {
      w->mean[j] /= (double) n;
      w->scale[j] = 0;
    }
  for (gsize k = 0; k < m; k++)
    for (guint j = 0; j < p; j++)
      w->scale[j] += (merge ? w->weight[k] : 1.0) * fabs (w->x[k * p + j] - w->mean[j]);
  for (guint j = 0; j < p; j++)
    w->scale[j] = w->scale[j] > 0 ? (double) n / w->scale[j] : 1.0;
  for (gsize k = 0; k < m; k++)
    for (guint j = 0; j < p; j++)
      w->x[k * p + j] = (w->x[k * p + j] - w->mean[j]) * w->scale[j];
  return TRUE;
}

ObCoxWork *
ob_cox_work_new (const ObSurvData *data, gboolean stratified, ObTies ties, gboolean third,
                 gboolean merge, GError **error)
{
  g_autoptr(ObCoxWork) w = g_new0 (ObCoxWork, 1);
  gsize n = data->n;
  guint p = data->p;
  gboolean use_strata = stratified && data->strata != NULL && data->n_strata > 1;
  g_autofree gsize *start = NULL;
  gsize n_events = 0;

  if (p == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A Cox model needs at least one group or covariate term."));
      return NULL;
    }
  if (stratified && data->strata == NULL)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("A stratified Cox model needs a strata column (--strata)."));
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      n_events += data->status[i] != 0;
      if (i > 0 && data->time[i] < data->time[i - 1])
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Survival rows must be sorted by time before a Cox fit."));
          return NULL;
        }
    }
  if (n == 0 || n_events == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("A Cox model needs at least one event; the data have none."));
      return NULL;
    }

  w->n = n;
  w->n_subjects = n;
  w->p = p;
  w->ties = ties;
  w->time = ob_csv_alloc_array (n, sizeof (double));
  w->status = ob_csv_alloc_array (n, sizeof (guint8));
  /* Fresh pages cost a fault on first touch: rows that merge never touch theirs. */
  w->stratum = g_new0 (guint32, n);
  w->x = ob_csv_alloc_array (n, p * sizeof (double));
  w->weight = merge ? ob_csv_alloc_array (n, sizeof (double)) : NULL;
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

  if (!use_strata)
    {
      if (!centre_and_copy (w, data, merge, error))
        return NULL;
      return g_steal_pointer (&w);
    }

  start = g_new0 (gsize, data->n_strata + 1);
  for (gsize i = 0; i < n; i++)
    {
      if (data->strata[i] >= data->n_strata)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("A row has no stratum; stratified Cox needs one for every row."));
          return NULL;
        }
      start[data->strata[i] + 1]++;
    }
  for (guint s = 0; s < data->n_strata; s++)
    start[s + 1] += start[s];
  for (gsize i = 0; i < n; i++)
    {
      guint32 s = data->strata[i];
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
                           _("The Cox term “%s” has a missing or infinite value."),
                           data->term_names ? data->term_names[j] : "?");
              return NULL;
            }
          w->x[k * p + j] = xi[j];
          w->mean[j] += xi[j];
        }
    }

  /* Row by row, so that each pass reads the matrix in memory order. */
  for (guint j = 0; j < p; j++)
    {
      w->mean[j] /= (double) n;
      w->scale[j] = 0;
    }
  for (gsize k = 0; k < n; k++)
    for (guint j = 0; j < p; j++)
      {
        w->x[k * p + j] -= w->mean[j];
        w->scale[j] += fabs (w->x[k * p + j]);
      }
  for (guint j = 0; j < p; j++)
    w->scale[j] = w->scale[j] > 0 ? (double) n / w->scale[j] : 1.0;
  for (gsize k = 0; k < n; k++)
    for (guint j = 0; j < p; j++)
      w->x[k * p + j] *= w->scale[j];

  if (merge)
    merge_rows (w);
  return g_steal_pointer (&w);
}

/* Adds one death (or one Efron fraction of tied deaths) of weight wt to the score, the
 * information and, for Firth, the information's derivative: the weighted mean, covariance
 * and third central moment of x over the current risk set. */
static void
add_death (ObCoxWork *w, double wt, double denom)
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

void
ob_cox_add_row (double *a, double *cmat, double *c3, guint p, const double *xi, double risk)
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

/* Efron's terms for d tied deaths in one sweep.  The k-th death (k = 1 … d) sees the risk
 * set D_k = denom + (k / d) denom2 with sums a + (k / d) a2 and cmat + (k / d) cmat2, so the
 * score and information terms, summed over k, only need Σ 1/D_k, Σ (k/d)/D_k, Σ 1/D_k²,
 * Σ (k/d)/D_k² and Σ (k/d)²/D_k²: O(d + p²) per time instead of O(d p²).  The logs are taken
 * of running products, one log per many deaths.  Returns Σ log D_k. */
static double
efron_deaths (ObCoxWork *w, guint d, double denom, double denom2)
{
  guint p = w->p;
  double s1 = 0, t1 = 0, s2 = 0, t2 = 0, u2 = 0, logsum = 0, product = 1;

  for (guint k = 1; k <= d; k++)
    {
      double f = (double) k / d;
      double dk = denom + f * denom2;
      double r = 1.0 / dk;

      s1 += r;
      t1 += f * r;
      r *= r;
      s2 += r;
      t2 += f * r;
      u2 += f * f * r;
      if (dk > 1e-100 && dk < 1e100)
        {
          product *= dk;
          if (product > 1e200 || product < 1e-200)
            {
              logsum += log (product);
              product = 1;
            }
        }
      else
        logsum += log (dk);
    }
  logsum += log (product);

  for (guint i = 0; i < p; i++)
    {
      const double *ci = w->cmat + i * p, *c2i = w->cmat2 + i * p;
      double ai = w->a[i], a2i = w->a2[i];
      double *imat = w->imat + i * p;

      w->u[i] -= ai * s1 + a2i * t1;
      for (guint j = 0; j <= i; j++)
        imat[j] += ci[j] * s1 + c2i[j] * t1
                   - (ai * w->a[j] * s2 + (ai * w->a2[j] + a2i * w->a[j]) * t2
                      + a2i * w->a2[j] * u2);
    }
  return logsum;
}

/* One backward pass over the sorted rows: the log partial likelihood at beta, and its score
 * and information in w.  Risk sets grow as time runs backwards, so each row is added once. */
double
ob_cox_work_pass (ObCoxWork *w, const double *beta)
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
          double zbeta = 0, risk, wt;

          i--;
          xi = w->x + i * p;
          wt = w->weight != NULL ? w->weight[i] : 1.0;
          for (guint j = 0; j < p; j++)
            zbeta += beta[j] * xi[j];
          risk = wt * exp (zbeta);
          if (w->status[i] == 0)
            {
              denom += risk;
              ob_cox_add_row (w->a, w->cmat, third ? w->c3 : NULL, p, xi, risk);
            }
          else
            {
              ndead += (guint) wt;
              denom2 += risk;
              loglik += wt * zbeta;
              for (guint j = 0; j < p; j++)
                w->u[j] += wt * xi[j];
              ob_cox_add_row (w->a2, w->cmat2, third ? w->c32 : NULL, p, xi, risk);
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
      else if (!third)
        {
          loglik -= efron_deaths (w, ndead, denom, denom2);
          denom += denom2;
          for (guint j = 0; j < p; j++)
            w->a[j] += w->a2[j];
          for (gsize j = 0; j < pp; j++)
            w->cmat[j] += w->cmat2[j];
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
guint
ob_chol_decomp (double *m, guint n)
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

/* Solves m y = b in place, m from ob_chol_decomp; directions with a zero pivot get zero. */
void
ob_chol_solve (const double *m, guint n, double *y)
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

void
ob_chol_inverse (const double *m, guint n, double *inv)
{
  g_autofree double *col = g_new (double, n);

  for (guint j = 0; j < n; j++)
    {
      memset (col, 0, n * sizeof (double));
      col[j] = 1;
      ob_chol_solve (m, n, col);
      for (guint i = 0; i < n; i++)
        inv[i * n + j] = col[i];
    }
}

double
ob_chol_logdet (const double *m, guint n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += log (m[i * n + i]);
  return sum;
}

/* x' m⁻¹ x for a symmetric positive definite m (m is not modified). */
double
ob_chol_quad_inverse (const double *m, guint n, const double *x)
{
  g_autofree double *c = g_memdup2 (m, (gsize) n * n * sizeof (double));
  g_autofree double *y = g_memdup2 (x, n * sizeof (double));
  double sum = 0;

  ob_chol_decomp (c, n);
  ob_chol_solve (c, n, y);
  for (guint i = 0; i < n; i++)
    sum += x[i] * y[i];
  return sum;
}
