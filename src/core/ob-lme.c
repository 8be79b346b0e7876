/* ob-lme.c — REML / ML fit of a linear mixed-effects model with a random intercept and slope
 * per subject, as nlme::lme(…, random = ~ time | subject)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With Ψ = σ² L Lᵀ (L lower triangular, relative to σ) the marginal covariance of subject i
 * is σ² (I + Z_i L Lᵀ Z_iᵀ), and by Woodbury everything the profiled criterion needs comes from
 * per-subject cross-products Z_iᵀZ_i, Z_iᵀX_i, Z_iᵀy_i (Z_i = [1, time]) accumulated in one
 * pass, with no sorting.  Subjects with the same Z_iᵀZ_i and Z_iᵀX_i (mice of one arm measured
 * on the same days) contribute alike but for their Z_iᵀy_i, whose sums and sums of squares
 * suffice: an evaluation costs O(distinct patterns · p²) whatever the number of rows or mice.
 * σ² and β are profiled out; the three numbers of L (log-diagonal, as pdLogChol) are found in
 * ob-lme-optim.c.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "ob-dataset.h"
#include "ob-lme-private.h"

/* A relative standard deviation below e^−12 is a variance component on its boundary (zero). */
#define BOUNDARY_LOG -12.0

typedef struct
{
  gsize n;                 /* observations used */
  guint p;                 /* fixed-effect columns in use */
  guint stride;            /* columns of the model's x */
  guint m;                 /* subjects with at least one observation */
  gboolean reml;
  /* Per subject: n_i, Σt, Σt², Σx_j (stride), Σt x_j (stride), Σy, Σty. */
  double *subj;
  guint rec;
  /* Per pattern (the first 3 + 2 stride numbers above): subject count, the pattern, then the
   * sums of Σy, Σty and of their squares and product over its subjects. */
  double *grp;
  guint n_groups;
  guint grec;
  double *xx;              /* stride × stride, upper triangle */
  double *xy;              /* stride */
  double yy;
  /* Work space of an evaluation. */
  double *a;               /* p × p: Xᵀ Ṽ⁻¹ X, then its upper Cholesky factor R */
  double *b;               /* p: Xᵀ Ṽ⁻¹ y, then R⁻ᵀ b */
  double *w;               /* 2 × p */
  double *g;               /* 2 × p */
  /* Outputs of the last evaluation. */
  double rss;
  double logdet_m;
  double logdet_r;
} Stats;

static void
stats_clear (Stats *s)
{
  g_clear_pointer (&s->subj, g_free);
  g_clear_pointer (&s->grp, g_free);
  g_clear_pointer (&s->xx, g_free);
  g_clear_pointer (&s->xy, g_free);
  g_clear_pointer (&s->a, g_free);
  g_clear_pointer (&s->b, g_free);
  g_clear_pointer (&s->w, g_free);
  g_clear_pointer (&s->g, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stats, stats_clear)

/* In place: a (p × p, upper triangle used) = Rᵀ R with R upper triangular in the upper
 * triangle.  FALSE when a is not numerically positive definite. */
static gboolean
cholesky_upper (double *a,
                guint   p)
{
  double scale = 0;

  for (guint j = 0; j < p; j++)
    scale = MAX (scale, fabs (a[j * p + j]));
  for (guint j = 0; j < p; j++)
    {
      double d = a[j * p + j];

      for (guint k = 0; k < j; k++)
        d -= a[k * p + j] * a[k * p + j];
      if (!(d > 1e-13 * scale))
        return FALSE;
      d = sqrt (d);
      a[j * p + j] = d;
      for (guint c = j + 1; c < p; c++)
        {
          double v = a[j * p + c];

          for (guint k = 0; k < j; k++)
            v -= a[k * p + j] * a[k * p + c];
          a[j * p + c] = v / d;
        }
    }
  return TRUE;
}

/* Solves Rᵀ u = b in place. */
static void
forward_solve (const double *r,
               guint         p,
               double       *b)
{
  for (guint j = 0; j < p; j++)
    {
      double v = b[j];

      for (guint k = 0; k < j; k++)
        v -= r[k * p + j] * b[k];
      b[j] = v / r[j * p + j];
    }
}

/* Solves R x = u in place. */
static void
back_solve (const double *r,
            guint         p,
            double       *u)
{
  for (guint j = p; j-- > 0;)
    {
      double v = u[j];

      for (guint k = j + 1; k < p; k++)
        v -= r[j * p + k] * u[k];
      u[j] = v / r[j * p + j];
    }
}

/* The profiled −2 log-likelihood up to a constant; leaves R in s->a and R⁻ᵀ XᵀṼ⁻¹y in s->b. */
static double
evaluate (Stats        *s,
          const double *theta)
{
  const guint p = s->p;
  const double l11 = exp (theta[0]), l21 = theta[1], l22 = exp (theta[2]);
  double yty = s->yy, logdet_m = 0, df, rss, logdet_r = 0;

  if (!isfinite (l11) || !isfinite (l21) || !isfinite (l22))
    return OB_LME_BAD_CRITERION;
  for (guint j = 0; j < p; j++)
    {
      memcpy (s->a + j * p, s->xx + j * s->stride, p * sizeof (double));
      s->b[j] = s->xy[j];
    }

  for (guint i = 0; i < s->n_groups; i++)
    {
      const double *rec = s->grp + (gsize) i * s->grec;
      const double count = rec[0], *zz = rec + 1, *zx0 = rec + 4, *zx1 = rec + 4 + s->stride;
      const double *zy = rec + 4 + 2 * s->stride;
      /* M = I + Lᵀ ZᵀZ L */
      double c0 = zz[0] * l11 + zz[1] * l21, c1 = zz[1] * l11 + zz[2] * l21;
      double m00 = 1 + l11 * c0 + l21 * c1;
      double m01 = l22 * c1;
      double m11 = 1 + l22 * l22 * zz[2];
      double det = m00 * m11 - m01 * m01;
      double i00, i01, i11, wy0, wy1, q00, q01, q11;

      if (!(det > 0))
        return OB_LME_BAD_CRITERION;
      logdet_m += count * log (det);
      i00 = m11 / det;
      i01 = -m01 / det;
      i11 = m00 / det;
      for (guint j = 0; j < p; j++)
        {
          double w0 = l11 * zx0[j] + l21 * zx1[j], w1 = l22 * zx1[j];

          s->w[j] = count * w0;
          s->w[p + j] = count * w1;
          s->g[j] = i00 * w0 + i01 * w1;
          s->g[p + j] = i01 * w0 + i11 * w1;
        }
      for (guint j = 0; j < p; j++)
        {
          const double w0 = s->w[j], w1 = s->w[p + j];
          double *row = s->a + j * p;

          for (guint k = j; k < p; k++)
            row[k] -= w0 * s->g[k] + w1 * s->g[p + k];
        }
      /* Lᵀ Σ Zᵀy, and Σ (Lᵀ Zᵀy)ᵀ M⁻¹ (Lᵀ Zᵀy) from the sums of squares of Zᵀy. */
      wy0 = l11 * zy[0] + l21 * zy[1];
      wy1 = l22 * zy[1];
      for (guint j = 0; j < p; j++)
        s->b[j] -= s->g[j] * wy0 + s->g[p + j] * wy1;
      q00 = l11 * l11 * zy[2] + 2 * l11 * l21 * zy[3] + l21 * l21 * zy[4];
      q01 = l22 * (l11 * zy[3] + l21 * zy[4]);
      q11 = l22 * l22 * zy[4];
      yty -= i00 * q00 + 2 * i01 * q01 + i11 * q11;
    }

  if (!cholesky_upper (s->a, p))
    return OB_LME_BAD_CRITERION;
  forward_solve (s->a, p, s->b);
  rss = yty;
  for (guint j = 0; j < p; j++)
    {
      rss -= s->b[j] * s->b[j];
      logdet_r += log (s->a[j * p + j]);
    }
  if (!(rss > 0))
    return OB_LME_BAD_CRITERION;
  s->rss = rss;
  s->logdet_m = logdet_m;
  s->logdet_r = logdet_r;
  df = s->reml ? (double) (s->n - p) : (double) s->n;
  return df * log (rss) + logdet_m + (s->reml ? 2 * logdet_r : 0);
}

static guint
pattern_hash (gconstpointer key)
{
  const double *v = key;
  const gsize len = (gsize) v[-1];
  guint h = 5381;

  for (gsize i = 0; i < len; i++)
    h = h * 33 + g_double_hash (&v[i]);
  return h;
}

static gboolean
pattern_equal (gconstpointer a,
               gconstpointer b)
{
  const double *u = a, *v = b;

  return memcmp (u - 1, v - 1, ((gsize) u[-1] + 1) * sizeof (double)) == 0;
}

/* Collapses subjects sharing Z_iᵀZ_i and Z_iᵀX_i into one record each. */
static void
build_groups (Stats *s)
{
  const guint key = 3 + 2 * s->stride;
  g_autoptr (GHashTable) seen = g_hash_table_new (pattern_hash, pattern_equal);
  /* Each key is preceded by its length so the hash functions need no context. */
  g_autofree double *keys = g_new (double, (gsize) s->m * (key + 1));

  s->grec = 1 + key + 5;
  s->grp = g_new0 (double, (gsize) s->m * s->grec);
  s->n_groups = 0;
  for (guint i = 0; i < s->m; i++)
    {
      const double *rec = s->subj + (gsize) i * s->rec;
      double *k = keys + (gsize) i * (key + 1), *grp, zy0 = rec[key], zy1 = rec[key + 1];
      gpointer found;

      k[0] = key;
      memcpy (k + 1, rec, key * sizeof (double));
      found = g_hash_table_lookup (seen, k + 1);
      if (found == NULL)
        {
          grp = s->grp + (gsize) s->n_groups++ * s->grec;
          memcpy (grp + 1, rec, key * sizeof (double));
          g_hash_table_insert (seen, k + 1, grp);
        }
      else
        grp = found;
      grp[0] += 1;
      grp[1 + key] += zy0;
      grp[2 + key] += zy1;
      grp[3 + key] += zy0 * zy0;
      grp[4 + key] += zy0 * zy1;
      grp[5 + key] += zy1 * zy1;
    }
}

static double
criterion (gpointer      data,
           const double *theta)
{
  return evaluate (data, theta);
}

/* One pass over the rows; also classifies each column as constant, between-subject (constant
 * within every subject) or within-subject, for nlme's degrees of freedom. */
static gboolean
stats_init (Stats             *s,
            const ObLmeModel  *model,
            ObLmeRowFunc       row_func,
            gpointer           row_data,
            guint8            *column_level,
            GError           **error)
{
  const guint stride = model->p;
  g_autofree guint32 *index = NULL;
  g_autofree double *first = NULL;
  g_autofree gboolean *varies = NULL;
  g_autofree gboolean *constant = NULL;
  g_autofree double *x0 = g_new (double, stride);
  g_autofree double *buffer = g_new (double, stride);
  gsize n = 0;

  memset (s, 0, sizeof *s);
  s->stride = stride;
  s->rec = 5 + 2 * stride;
  index = g_new (guint32, MAX (model->n_subjects, 1));
  memset (index, 0xff, MAX (model->n_subjects, 1) * sizeof (guint32));
  s->subj = g_new0 (double, (gsize) MAX (model->n_subjects, 1) * s->rec);
  first = g_new (double, (gsize) MAX (model->n_subjects, 1) * stride);
  s->xx = g_new0 (double, (gsize) stride * stride);
  s->xy = g_new0 (double, stride);
  varies = g_new0 (gboolean, stride);
  constant = g_new (gboolean, stride);
  for (guint j = 0; j < stride; j++)
    constant[j] = TRUE;

  for (gsize r = 0; r < model->n; r++)
    {
      const double *x = row_func == NULL ? model->x + r * stride : buffer;
      const double y = model->y[r], t = model->time[r];
      const guint32 code = model->subject[r];
      double *rec;

      if (row_func != NULL)
        row_func (row_data, r, buffer);
      if (code >= model->n_subjects)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Row %zu has no valid subject"), r + 1);
          return FALSE;
        }
      if (!isfinite (y) || !isfinite (t))
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("Row %zu has a missing response or time"), r + 1);
          return FALSE;
        }
      if (index[code] == G_MAXUINT32)
        {
          index[code] = s->m;
          memcpy (first + (gsize) s->m * stride, x, stride * sizeof (double));
          s->m++;
        }
      rec = s->subj + (gsize) index[code] * s->rec;
      if (r == 0)
        memcpy (x0, x, stride * sizeof (double));
      rec[0] += 1;
      rec[1] += t;
      rec[2] += t * t;
      rec[3 + 2 * stride] += y;
      rec[4 + 2 * stride] += t * y;
      for (guint j = 0; j < stride; j++)
        {
          const double xj = x[j];

          if (!isfinite (xj))
            {
              g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Row %zu has a missing covariate"), r + 1);
              return FALSE;
            }
          rec[3 + j] += xj;
          rec[3 + stride + j] += t * xj;
          s->xy[j] += xj * y;
          for (guint k = j; k < stride; k++)
            s->xx[j * stride + k] += xj * x[k];
          if (xj != first[(gsize) index[code] * stride + j])
            varies[j] = TRUE;
          if (xj != x0[j])
            constant[j] = FALSE;
        }
      s->yy += y * y;
      n++;
    }
  s->n = n;
  for (guint j = 0; j < stride; j++)
    column_level[j] = constant[j] ? 0 : varies[j] ? 2 : 1;

  if (n <= (gsize) stride + 1 || s->m < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("Too few observations or subjects for a mixed-effects model"));
      return FALSE;
    }
  build_groups (s);
  s->a = g_new (double, (gsize) stride * stride);
  s->b = g_new (double, stride);
  s->w = g_new (double, 2 * (gsize) stride);
  s->g = g_new (double, 2 * (gsize) stride);
  return TRUE;
}

/* A start from per-subject least squares on the residuals of the pooled fit: the spread of the
 * subjects' intercepts and slopes relative to the within-subject residual variance. */
static gboolean
start_values (Stats   *s,
              double  *theta,
              GError **error)
{
  const guint p = s->p;
  double rss, within, sum[2] = { 0, 0 }, cross[3] = { 0, 0, 0 }, d00, d11, c, df_within = 0;
  double tmean = 0, tvar = 0, ntot = 0;
  guint k = 0;
  g_autofree double *beta = g_new (double, p);

  for (guint j = 0; j < p; j++)
    {
      memcpy (s->a + j * p, s->xx + j * s->stride, p * sizeof (double));
      s->b[j] = s->xy[j];
    }
  if (!cholesky_upper (s->a, p))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The fixed effects cannot be estimated: a column of the design is "
                             "constant or a combination of others (an arm without data?)"));
      return FALSE;
    }
  forward_solve (s->a, p, s->b);
  memcpy (beta, s->b, p * sizeof (double));
  back_solve (s->a, p, beta);
  rss = s->yy;
  for (guint j = 0; j < p; j++)
    rss -= s->b[j] * s->b[j];
  within = rss;

  for (guint i = 0; i < s->m; i++)
    {
      const double *rec = s->subj + (gsize) i * s->rec;
      double r0 = rec[3 + 2 * s->stride], r1 = rec[4 + 2 * s->stride], det, b0, b1;

      for (guint j = 0; j < p; j++)
        {
          r0 -= rec[3 + j] * beta[j];
          r1 -= rec[3 + s->stride + j] * beta[j];
        }
      ntot += rec[0];
      tmean += rec[1];
      tvar += rec[2];
      det = rec[0] * rec[2] - rec[1] * rec[1];
      if (rec[0] >= 3 && det > 1e-10 * rec[0] * rec[2])
        {
          b0 = (rec[2] * r0 - rec[1] * r1) / det;
          b1 = (rec[0] * r1 - rec[1] * r0) / det;
          within -= b0 * r0 + b1 * r1;
          df_within += rec[0] - 2;
          sum[0] += b0;
          sum[1] += b1;
          cross[0] += b0 * b0;
          cross[1] += b0 * b1;
          cross[2] += b1 * b1;
          k++;
        }
      else
        {
          within -= r0 * r0 / rec[0];
          df_within += rec[0] - 1;
        }
    }
  tmean /= ntot;
  tvar = tvar / ntot - tmean * tmean;

  within = df_within > 0 && within > 0 ? within / df_within : rss / (double) s->n;
  if (!(within > 0))
    within = 1;
  d00 = d11 = c = NAN;
  if (k >= 3)
    {
      double v00 = (cross[0] - sum[0] * sum[0] / k) / (k - 1);
      double v11 = (cross[2] - sum[1] * sum[1] / k) / (k - 1);
      double v01 = (cross[1] - sum[0] * sum[1] / k) / (k - 1);

      d00 = v00 / within;
      d11 = v11 / within;
      c = v01 / sqrt (v00 * v11);
    }
  if (!(d00 > 1e-6) || !isfinite (d00))
    d00 = 1;
  if (!(d11 > 1e-6 * d00 / MAX (tvar, 1e-12)) || !isfinite (d11))
    d11 = d00 / (tvar > 0 ? tvar : 1);
  if (!isfinite (c))
    c = 0;
  c = CLAMP (c, -0.9, 0.9);
  theta[0] = 0.5 * log (d00);
  theta[1] = c * sqrt (d11);
  theta[2] = 0.5 * log (d11 * (1 - c * c));
  return TRUE;
}

static double
t_two_sided (double t,
             double df)
{
  return isfinite (t) ? 2 * gsl_cdf_tdist_Q (fabs (t), df) : NAN;
}

/* nlme's degrees of freedom (getFixDF): a column or term is estimated in the between-subject
 * stratum when constant within every subject, else within; the intercept takes the larger. */
static void
fixed_df (const ObLmeModel *model,
          guint             n_terms,
          const guint8     *level,
          gsize             n,
          guint             m,
          ObLmeResult      *res)
{
  const guint p = model->term_start[n_terms];
  double between = m, within = (double) n - m, t_between = m, t_within = (double) n - m;
  gboolean intercept = FALSE;

  for (guint j = 0; j < p; j++)
    {
      if (level[j] == 0)
        intercept = TRUE;
      else if (level[j] == 1)
        between--;
      else
        within--;
    }
  for (guint t = 0; t < n_terms; t++)
    {
      guint lev = 0;
      guint width = model->term_start[t + 1] - model->term_start[t];

      for (guint j = model->term_start[t]; j < model->term_start[t + 1]; j++)
        lev = MAX (lev, level[j]);
      if (lev == 1)
        t_between -= width;
      else if (lev == 2)
        t_within -= width;
    }
  if (intercept)
    {
      between--;
      t_between--;
    }
  else
    {
      within++;
      t_within++;
    }
  for (guint j = 0; j < p; j++)
    res->coef[j].df = level[j] == 0 ? MAX (between, within) : level[j] == 1 ? between : within;
  for (guint t = 0; t < n_terms; t++)
    {
      guint lev = 0;

      for (guint j = model->term_start[t]; j < model->term_start[t + 1]; j++)
        lev = MAX (lev, level[j]);
      res->anova[t].den_df = lev == 0 ? MAX (t_between, t_within)
                             : lev == 1 ? t_between : t_within;
    }
}

static void
fill_result (Stats             *s,
             const ObLmeModel  *model,
             guint              n_terms,
             const guint8      *level,
             const double      *theta,
             ObLmeResult       *res)
{
  const guint p = s->p;
  const double l11 = exp (theta[0]), l21 = theta[1], l22 = exp (theta[2]);
  const double n = (double) s->n, df_resid = s->reml ? n - p : n;
  double sigma2, loglik, npar;
  g_autofree double *beta = NULL;
  g_autofree double *rinv = g_new0 (double, (gsize) p * p);

  evaluate (s, theta);
  sigma2 = s->rss / df_resid;
  beta = g_memdup2 (s->b, p * sizeof (double));
  back_solve (s->a, p, beta);

  /* R⁻¹ column by column, then vcov = σ² R⁻¹ R⁻ᵀ. */
  for (guint j = 0; j < p; j++)
    {
      double *col = g_new0 (double, p);

      col[j] = 1;
      back_solve (s->a, p, col);
      for (guint k = 0; k < p; k++)
        rinv[k * p + j] = col[k];
      g_free (col);
    }
  res->n_coef = p;
  res->coef = g_new0 (ObLmeCoef, p);
  res->vcov = g_new0 (double, (gsize) p * p);
  for (guint j = 0; j < p; j++)
    for (guint k = 0; k < p; k++)
      {
        double v = 0;

        for (guint c = MAX (j, k); c < p; c++)
          v += rinv[j * p + c] * rinv[k * p + c];
        res->vcov[j * p + k] = sigma2 * v;
      }
  res->n_anova = n_terms;
  res->anova = g_new0 (ObLmeAnovaRow, n_terms);
  fixed_df (model, n_terms, level, s->n, s->m, res);
  for (guint j = 0; j < p; j++)
    {
      ObLmeCoef *c = &res->coef[j];

      c->name = g_strdup (model->coef_names[j]);
      c->estimate = beta[j];
      c->se = sqrt (res->vcov[j * p + j]);
      c->t = c->estimate / c->se;
      c->p = t_two_sided (c->t, c->df);
    }
  /* Sequential F: R β / σ are independent standard normals under the null, in column order. */
  for (guint t = 0; t < n_terms; t++)
    {
      ObLmeAnovaRow *row = &res->anova[t];
      double ss = 0;

      row->name = g_strdup (model->term_names[t]);
      row->num_df = model->term_start[t + 1] - model->term_start[t];
      for (guint j = model->term_start[t]; j < model->term_start[t + 1]; j++)
        ss += s->b[j] * s->b[j];
      row->f = ss / sigma2 / row->num_df;
      row->p = gsl_cdf_fdist_Q (row->f, row->num_df, row->den_df);
    }

  res->sigma = sqrt (sigma2);
  res->sd_intercept = res->sigma * l11;
  res->sd_slope = res->sigma * sqrt (l21 * l21 + l22 * l22);
  res->corr = l21 / sqrt (l21 * l21 + l22 * l22);
  loglik = -0.5 * (df_resid * (log (2 * G_PI * sigma2) + 1) + s->logdet_m);
  if (s->reml)
    loglik -= s->logdet_r;
  res->loglik = loglik;
  npar = p + 4;
  res->aic = -2 * loglik + 2 * npar;
  res->bic = -2 * loglik + npar * log (df_resid);
  res->n_obs = s->n;
  res->n_subjects = s->m;
}

struct _ObLmeWork
{
  Stats s;
  const ObLmeModel *model;
  guint8 *level;
};

ObLmeWork *
ob_lme_work_new (const ObLmeModel  *model,
                 ObLmeRowFunc       row_func,
                 gpointer           row_data,
                 GError           **error)
{
  g_autoptr (ObLmeWork) work = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (model->n_terms >= 1 && model->term_start[0] == 0 &&
                        model->term_start[model->n_terms] == model->p, NULL);

  work = g_new0 (ObLmeWork, 1);
  work->model = model;
  work->level = g_new0 (guint8, model->p);
  if (!stats_init (&work->s, model, row_func, row_data, work->level, error))
    return NULL;
  return g_steal_pointer (&work);
}

void
ob_lme_work_free (ObLmeWork *work)
{
  if (work == NULL)
    return;
  stats_clear (&work->s);
  g_free (work->level);
  g_free (work);
}

ObLmeResult *
ob_lme_work_fit (ObLmeWork    *work,
                 guint         n_terms,
                 ObLmeMethod   method,
                 GError      **error)
{
  Stats *s = &work->s;
  const ObLmeModel *model = work->model;
  const guint8 *level = work->level;
  g_autoptr (ObLmeResult) res = NULL;
  double theta[3];
  guint singles = 0;
  gboolean converged, boundary;

  g_return_val_if_fail (n_terms >= 1 && n_terms <= model->n_terms, NULL);

  s->p = model->term_start[n_terms];
  s->reml = method == OB_LME_REML;
  if (!start_values (s, theta, error))
    return NULL;

  res = g_new0 (ObLmeResult, 1);
  res->method = method;
  res->lrt_loglik_full = res->lrt_loglik_reduced = res->lrt_statistic = res->lrt_p = NAN;
  converged = ob_lme_minimise (criterion, s, theta, &res->iterations);
  boundary = theta[0] < BOUNDARY_LOG || theta[2] < BOUNDARY_LOG;
  if (!converged && !boundary)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The mixed-effects model did not converge; the data may not "
                             "support a random slope per subject"));
      return NULL;
    }
  if (evaluate (s, theta) >= OB_LME_BAD_CRITERION)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("The mixed-effects model has no finite likelihood; check that "
                             "the fixed effects can be estimated"));
      return NULL;
    }
  fill_result (s, model, n_terms, level, theta, res);

  for (guint i = 0; i < s->m; i++)
    if (s->subj[(gsize) i * s->rec] < 2)
      singles++;
  if (boundary)
    res->warning = g_strdup (_("A variance of the random effects is estimated as zero (on its "
                               "boundary): the random intercept or slope is not supported by "
                               "the data."));
  else if (singles > 0)
    res->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u subject has a single observation; it "
                                                 "informs the intercepts only.",
                                                 "%u subjects have a single observation; they "
                                                 "inform the intercepts only.", singles),
                                    singles);
  return g_steal_pointer (&res);
}

ObLmeResult *
ob_lme_fit (const ObLmeModel  *model,
            ObLmeMethod        method,
            GError           **error)
{
  g_return_val_if_fail (model != NULL, NULL);

  g_autoptr (ObLmeWork) work = ob_lme_work_new (model, NULL, NULL, error);

  return work != NULL ? ob_lme_work_fit (work, model->n_terms, method, error) : NULL;
}

void
ob_lme_result_free (ObLmeResult *result)
{
  if (result == NULL)
    return;
  for (guint j = 0; j < result->n_coef; j++)
    g_free (result->coef[j].name);
  for (guint t = 0; t < result->n_anova; t++)
    g_free (result->anova[t].name);
  g_free (result->coef);
  g_free (result->anova);
  g_free (result->vcov);
  g_free (result->warning);
  g_free (result);
}
