/* ob-shapiro.c — Shapiro–Wilk normality test (Royston 1995, AS R94), as shapiro.test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Royston, P. (1995) Remark AS R94: a remark on algorithm AS 181, the W-test for normality.
 * Applied Statistics 44, 547–551.  The polynomial coefficients below are the paper's.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-group-sort.h"
#include "ob-group-tests.h"

/* c[0] + c[1] x + … + c[order - 1] x^(order - 1) */
static double
polynomial (const double *c,
            int           order,
            double        x)
{
  double value = c[order - 1];

  for (int k = order - 2; k >= 0; k--)
    value = value * x + c[k];
  return value;
}

/* Royston's approximation to the coefficients of the normal order statistics: a[k] for the
 * k-th value from the top (k = 1 … n/2); the bottom half takes −a[k]. */
static void
coefficients (gsize   n,
              double *a)
{
  static const double c1[6] = { 0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056 };
  static const double c2[6] = { 0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633 };
  gsize half = n / 2;
  double dn = (double) n, sum2 = 0, root, rsn, a1, a2, scale;
  gsize first;

  if (n == 3)
    {
      a[1] = sqrt (0.5);
      return;
    }
  for (gsize k = 1; k <= half; k++)
    {
      a[k] = gsl_cdf_ugaussian_Pinv (((double) k - 0.375) / (dn + 0.25));
      sum2 += a[k] * a[k];
    }
  sum2 *= 2;
  root = sqrt (sum2);
  rsn = 1 / sqrt (dn);
  a1 = polynomial (c1, 6, rsn) - a[1] / root;
  if (n > 5)
    {
      a2 = -a[2] / root + polynomial (c2, 6, rsn);
      scale = sqrt ((sum2 - 2 * a[1] * a[1] - 2 * a[2] * a[2]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[2] = a2;
      first = 3;
    }
  else
    {
      scale = sqrt ((sum2 - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1));
      first = 2;
    }
  a[1] = a1;
  for (gsize k = first; k <= half; k++)
    a[k] = -a[k] / scale;
}

/* Coefficient of the i-th smallest value (0-based). */
static double
coefficient_at (const double *a,
                gsize         n,
                gsize         i)
{
  gsize j = n - 1 - i;

  if (i == j)
    return 0;
  return i < j ? -a[i + 1] : a[j + 1];
}

static double
significance (double w1,
              double w,
              gsize  n)
{
  static const double g[2] = { -2.273, 0.459 };
  static const double c3[4] = { 0.544, -0.39978, 0.025054, -6.714e-4 };
  static const double c4[4] = { 1.3822, -0.77857, 0.062767, -0.0020322 };
  static const double c5[4] = { -1.5861, -0.31082, -0.083751, 0.0038915 };
  static const double c6[3] = { -0.4803, -0.082676, 0.0030302 };
  double dn = (double) n, y = log (w1), m, s;

  if (n == 3)
    {
      /* Exact for three values. */
      double p = 6 / G_PI * (asin (sqrt (w)) - asin (sqrt (0.75)));

      return MAX (p, 0.0);
    }
  if (n <= 11)
    {
      double gamma = polynomial (g, 2, dn);

      if (y >= gamma)
        return 1e-99;
      y = -log (gamma - y);
      m = polynomial (c3, 4, dn);
      s = exp (polynomial (c4, 4, dn));
    }
  else
    {
      m = polynomial (c5, 4, log (dn));
      s = exp (polynomial (c6, 3, log (dn)));
    }
  return gsl_cdf_ugaussian_Q ((y - m) / s);
}

gboolean
ob_shapiro_wilk (const double   *x,
                 gsize           n,
                 ObShapiroWilk  *out,
                 GError        **error)
{
  g_autofree double *sorted = NULL;
  g_autofree double *a = NULL;
  double range, mean_c = 0, mean_x = 0, ssa = 0, ssx = 0, sax = 0, root, w1;

  out->statistic = out->p = NAN;
  if (n < 3 || n > 5000)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("The Shapiro–Wilk test needs between 3 and 5000 values (this group has %zu)"),
                   n);
      return FALSE;
    }
  sorted = g_memdup2 (x, n * sizeof (double));
  ob_sort_doubles (sorted, NULL, n);
  range = sorted[n - 1] - sorted[0];
  if (range < 1e-10)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NUMERIC,
                           _("All values are identical: the Shapiro–Wilk test needs spread"));
      return FALSE;
    }

  a = g_new (double, n / 2 + 1);
  coefficients (n, a);

  /* W is the squared correlation between the scaled data and the coefficients; 1 − W is
   * formed directly so that W near 1 keeps its precision in large samples. */
  for (gsize i = 0; i < n; i++)
    {
      mean_c += coefficient_at (a, n, i);
      mean_x += sorted[i] / range;
    }
  mean_c /= (double) n;
  mean_x /= (double) n;
  for (gsize i = 0; i < n; i++)
    {
      double dc = coefficient_at (a, n, i) - mean_c;
      double dx = sorted[i] / range - mean_x;

      ssa += dc * dc;
      ssx += dx * dx;
      sax += dc * dx;
    }
  root = sqrt (ssa * ssx);
  w1 = (root - sax) * (root + sax) / (ssa * ssx);
  out->statistic = 1 - w1;
  out->p = significance (w1, out->statistic, n);
  return TRUE;
}
