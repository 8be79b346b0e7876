/* ob-cox-zph.c — the proportional-hazards test of R's cox.zph (transform "km")
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
zph_pass (ObCoxWork *w, const double *beta, const double *gtime, double *u, double *imat)
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
              ob_cox_add_row (w->a, w->cmat, NULL, p, xi, risk);
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
              ob_cox_add_row (w->a2, w->cmat2, NULL, p, xi, risk);
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
  return ob_chol_quad_inverse (sub, m, v);
}

ObCoxZph *
ob_cox_zph (const ObSurvData *data, const ObCox *cox, GError **error)
{
  g_autoptr(ObCoxWork) w = NULL;
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
                   _("The proportional-hazards test needs the data the Cox model was "
                     "fitted to."));
      return NULL;
    }
  w = ob_cox_work_new (data, cox->stratified, cox->ties, FALSE, FALSE, error);
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
