/* ob-contingency.c — chi-square and Fisher's exact test on count tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <string.h>

#include "ob-crosstab.h"

static gboolean
check_counts (const double  *counts,
              guint          n,
              GError       **error)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!(counts[i] >= 0) || counts[i] != floor (counts[i]))
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("A contingency table holds counts: whole numbers ≥ 0"));
          return FALSE;
        }
      total += counts[i];
    }
  if (total == 0)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA, _("The table is empty"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ob_chisq_test (const double  *counts,
               guint          n_rows,
               guint          n_cols,
               ObTableTest   *out,
               GError       **error)
{
  g_autofree double *row_sums = NULL;
  g_autofree double *col_sums = NULL;
  double total = 0, yates = 0, x2 = 0;

  memset (out, 0, sizeof *out);
  out->odds_ratio = NAN;
  if (n_rows < 2 || n_cols < 2)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("A chi-square test needs at least two rows and two columns"));
      return FALSE;
    }
  if (!check_counts (counts, n_rows * n_cols, error))
    return FALSE;

  row_sums = g_new0 (double, n_rows);
  col_sums = g_new0 (double, n_cols);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        row_sums[r] += counts[r * n_cols + c];
        col_sums[c] += counts[r * n_cols + c];
        total += counts[r * n_cols + c];
      }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      if (row_sums[r] == 0 || col_sums[c] == 0)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                               _("A row or column of the table is empty: its expected counts "
                                 "are zero"));
          return FALSE;
        }

  /* chisq.test's default: Yates' correction on 2 × 2 tables, never more than any |O − E|. */
  if (n_rows == 2 && n_cols == 2)
    {
      yates = 0.5;
      for (guint i = 0; i < 4; i++)
        {
          double e = row_sums[i / 2] * col_sums[i % 2] / total;

          yates = MIN (yates, fabs (counts[i] - e));
        }
      out->yates = TRUE;
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        double e = row_sums[r] * col_sums[c] / total;
        double d = fabs (counts[r * n_cols + c] - e) - yates;

        x2 += d * d / e;
      }
  out->statistic = x2;
  out->df = (double) ((n_rows - 1) * (n_cols - 1));
  out->p = gsl_cdf_chisq_Q (x2, out->df);
  return TRUE;
}

/* The conditional distribution of the top-left cell given the margins, under odds ratio
 * psi: P(x) ∝ C(m, x) C(n, k − x) psi^x on lo … hi. */
typedef struct
{
  double m, n, k;
  int lo, hi;
  double *log_base;
} Hyper;

static void
hyper_density (const Hyper *h,
               double       psi,
               double      *d)
{
  int len = h->hi - h->lo + 1;
  double top = -INFINITY, sum = 0;

  for (int i = 0; i < len; i++)
    {
      d[i] = h->log_base[i] + log (psi) * (double) (h->lo + i);
      top = MAX (top, d[i]);
    }
  /* Far in the tails exp() underflows anyway; skipping it keeps a table of a million
   * patients, whose support spans half a million values, to a few milliseconds per psi. */
  for (int i = 0; i < len; i++)
    sum += d[i] = d[i] - top < -745 ? 0 : exp (d[i] - top);
  for (int i = 0; i < len; i++)
    d[i] /= sum;
}

static double
hyper_mean (const Hyper *h,
            double       psi,
            double      *d)
{
  double mean = 0;

  hyper_density (h, psi, d);
  for (int i = 0; i <= h->hi - h->lo; i++)
    mean += (double) (h->lo + i) * d[i];
  return mean;
}

/* The odds ratio whose conditional mean equals the observed cell, by bisection on
 * log(psi): the mean rises monotonically with psi. */
static double
conditional_mle (const Hyper *h,
                 double       x,
                 double      *d)
{
  double lo = -50, hi = 50;

  if (x <= h->lo)
    return 0;
  if (x >= h->hi)
    return INFINITY;
  for (int it = 0; it < 200 && hi - lo > 1e-13; it++)
    {
      double mid = (lo + hi) / 2;

      if (hyper_mean (h, exp (mid), d) < x)
        lo = mid;
      else
        hi = mid;
    }
  return exp ((lo + hi) / 2);
}

gboolean
ob_fisher_test (const double  *counts,
                ObTableTest   *out,
                GError       **error)
{
  Hyper h;
  int x, len;
  g_autofree double *d = NULL;
  double observed, p = 0;

  memset (out, 0, sizeof *out);
  out->statistic = NAN;
  out->df = NAN;
  if (!check_counts (counts, 4, error))
    return FALSE;

  h.m = counts[0] + counts[2];
  h.n = counts[1] + counts[3];
  h.k = counts[0] + counts[1];
  x = (int) counts[0];
  h.lo = (int) MAX (0.0, h.k - h.n);
  h.hi = (int) MIN (h.k, h.m);
  len = h.hi - h.lo + 1;
  h.log_base = g_new (double, len);
  d = g_new (double, len);
  for (int i = 0; i < len; i++)
    {
      double v = (double) (h.lo + i);

      h.log_base[i] = gsl_sf_lnchoose ((unsigned) h.m, (unsigned) v)
                      + gsl_sf_lnchoose ((unsigned) h.n, (unsigned) (h.k - v));
    }

  /* fisher.test: tables at most as likely as the observed one, with R's relative slack. */
  hyper_density (&h, 1, d);
  observed = d[x - h.lo] * (1 + 1e-7);
  for (int i = 0; i < len; i++)
    if (d[i] <= observed)
      p += d[i];
  out->p = MIN (p, 1.0);
  out->odds_ratio = conditional_mle (&h, (double) x, d);
  g_free (h.log_base);
  return TRUE;
}

/* P(X ≤ x) or P(X ≥ x) under odds ratio psi. */
static double
hyper_tail (const Hyper *h,
            double       psi,
            int          x,
            gboolean     upper,
            double      *d)
{
  double sum = 0;

  hyper_density (h, psi, d);
  for (int v = h->lo; v <= h->hi; v++)
    if (upper ? v >= x : v <= x)
      sum += d[v - h->lo];
  return sum;
}

/* The psi where the tail probability equals alpha, by bisection on log(psi); the lower tail
 * falls and the upper tail rises as psi grows. */
static double
tail_root (const Hyper *h,
           int          x,
           gboolean     upper,
           double       alpha,
           double      *d)
{
  double lo = -60, hi = 60;

  for (int it = 0; it < 300 && hi - lo > 1e-14; it++)
    {
      double mid = (lo + hi) / 2;
      double tail = hyper_tail (h, exp (mid), x, upper, d);

      if ((tail > alpha) == !upper)
        lo = mid;
      else
        hi = mid;
    }
  return exp ((lo + hi) / 2);
}

gboolean
ob_fisher_odds_ratio_ci (const double  *counts,
                         double         conf_level,
                         double        *lower,
                         double        *upper,
                         GError       **error)
{
  Hyper h;
  int x, len;
  g_autofree double *d = NULL;
  g_autofree double *log_base = NULL;
  double alpha = (1 - conf_level) / 2;

  *lower = *upper = NAN;
  if (!(conf_level > 0 && conf_level < 1))
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("The confidence level must lie between 0 and 1"));
      return FALSE;
    }
  if (!check_counts (counts, 4, error))
    return FALSE;

  h.m = counts[0] + counts[2];
  h.n = counts[1] + counts[3];
  h.k = counts[0] + counts[1];
  x = (int) counts[0];
  h.lo = (int) MAX (0.0, h.k - h.n);
  h.hi = (int) MIN (h.k, h.m);
  len = h.hi - h.lo + 1;
  h.log_base = log_base = g_new (double, len);
  d = g_new (double, len);
  for (int i = 0; i < len; i++)
    {
      double v = (double) (h.lo + i);

      log_base[i] = gsl_sf_lnchoose ((unsigned) h.m, (unsigned) v)
                    + gsl_sf_lnchoose ((unsigned) h.n, (unsigned) (h.k - v));
    }

  /* As fisher.test: the interval runs to 0 or infinity when x sits at an end of its range. */
  *lower = x == h.lo ? 0 : tail_root (&h, x, TRUE, alpha, d);
  *upper = x == h.hi ? INFINITY : tail_root (&h, x, FALSE, alpha, d);
  return TRUE;
}
