/* ob-ptukey.c — the studentized range distribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copenhaver, M. D. & Holland, B. S. (1988) Multiple comparisons of simple effects in the
 * two-way analysis of variance with fixed effects.  J. Statist. Comput. Simul. 30, 1–15:
 * the probability of the range of k normal means is integrated by Gauss–Legendre quadrature
 * (Hartley's form), then over the chi distribution of the standard error.  The quantile is
 * found by the secant method from the Odeh & Evans (AS 70) starting value.  Quadrature
 * orders, cut-offs and interval lengths are the published ones, so that the values agree
 * with R's ptukey/qtukey, which implement the same algorithm.
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>

#include "ob-anova.h"

/* Gauss–Legendre nodes and weights on [−1, 1], the positive half. */
static const double legendre12_x[6] = {
  0.981560634246719250690549090149, 0.904117256370474856678465866119,
  0.769902674194304687036893833213, 0.587317954286617447296702418941,
  0.367831498998180193752691536644, 0.125233408511468915472441369464,
};
static const double legendre12_w[6] = {
  0.047175336386511827194615961485, 0.106939325995318430960254718194,
  0.160078328543346226334652529543, 0.203167426723065921749064455810,
  0.233492536538354808760849898925, 0.249147045813402785000562436043,
};
static const double legendre16_x[8] = {
  0.989400934991649932596154173450, 0.944575023073232576077988415535,
  0.865631202387831743880467897712, 0.755404408355003033895101194847,
  0.617876244402643748446671764049, 0.458016777657227386342419442984,
  0.281603550779258913230460501460, 0.950125098376374401853193354250e-1,
};
static const double legendre16_w[8] = {
  0.271524594117540948517805724560e-1, 0.622535239386478928628438369944e-1,
  0.951585116824927848099251076022e-1, 0.124628971255533872052476282192,
  0.149595988816576732081501730547, 0.169156519395002538189312079030,
  0.182603415044923588866763667969, 0.189450610455068496285396723208,
};

/* P(range of k standard normal values < w), Hartley's form; the integral over the position
 * of the smallest value runs from w/2 to 8 in two or three pieces. */
static double
range_probability (double w,
                   double k)
{
  double half = w / 2, first, sum = 0, pieces, width, lo;

  if (half >= 8)
    return 1;

  first = 2 * gsl_cdf_ugaussian_P (half) - 1;
  first = first >= exp (-50 / k) ? pow (first, k) : 0;

  pieces = w > 3 ? 2 : 3;
  width = (8 - half) / pieces;
  lo = half;
  for (int piece = 0; piece < (int) pieces; piece++, lo += width)
    {
      double centre = lo + width / 2, radius = width / 2, part = 0;

      /* Nodes from −1 to +1; past a node whose density is negligible the rest are too. */
      for (int node = 0; node < 12; node++)
        {
          int idx = node < 6 ? node : 11 - node;
          double u = centre + radius * (node < 6 ? -legendre12_x[idx] : legendre12_x[idx]);
          double u2 = u * u, inside;

          if (u2 > 60)
            break;
          inside = gsl_cdf_ugaussian_P (u) - gsl_cdf_ugaussian_P (u - w);
          if (inside >= exp (-30 / (k - 1)))
            part += legendre12_w[idx] * exp (-u2 / 2) * pow (inside, k - 1);
        }
      sum += part * 2 * radius * k / sqrt (2 * G_PI);
    }

  sum += first;
  if (sum <= exp (-30.0))
    return 0;
  return MIN (sum, 1.0);
}

double
ob_ptukey (double   q,
           double   n_means,
           double   df,
           gboolean lower_tail)
{
  double half_df, log_const, step, total = 0, part = 0;

  if (isnan (q) || isnan (n_means) || isnan (df) || df < 2 || n_means < 2)
    return NAN;
  if (q <= 0)
    return lower_tail ? 0 : 1;
  if (isinf (q))
    return lower_tail ? 1 : 0;
  if (df > 25000)
    {
      double p = range_probability (q, n_means);

      return lower_tail ? p : 1 - p;
    }

  /* Density of s² ~ χ²_df / df written for the integration variable; the step shrinks as df
   * grows and the density narrows. */
  half_df = df / 2;
  log_const = half_df * log (df) - df * G_LN2 - gsl_sf_lngamma (half_df);
  step = df <= 100 ? 1 : df <= 800 ? 0.5 : df <= 5000 ? 0.25 : 0.125;
  log_const += log (step);

  for (int i = 1; i <= 50; i++)
    {
      double mid = (2 * i - 1) * step;

      part = 0;
      for (int node = 0; node < 16; node++)
        {
          int idx = node < 8 ? node : node - 8;
          double offset = legendre16_x[idx] * step;
          double x = node < 8 ? mid - offset : mid + offset;
          double t = log_const + (half_df - 1) * log (x) - x * df / 4;

          if (t >= -30)
            part += range_probability (q * sqrt (x / 2), n_means) * legendre16_w[idx] * exp (t);
        }
      /* Stop once a piece adds nothing, but never before covering [0, 1]: the left tail
       * holds mass for small df. */
      if (i * step >= 1 && part <= 1e-14)
        break;
      total += part;
    }
  total = MIN (total, 1.0);
  return lower_tail ? total : 1 - total;
}

/* Odeh & Evans (1974) approximation, the secant method's first guess. */
static double
initial_quantile (double p,
                  double k,
                  double df)
{
  double ps = 0.5 - 0.5 * p;
  double y = sqrt (log (1 / (ps * ps)));
  double t = y + ((((y * -0.453642210148e-4 - 0.204231210125) * y - 0.342242088547) * y - 1) * y
                  + 0.322232421088)
                 / ((((y * 0.38560700634e-2 + 0.103537752850) * y + 0.531103462366) * y
                     + 0.588581570495) * y + 0.993484626060e-1);
  double q;

  if (df < 120)
    t += (t * t * t + t) / df / 4;
  q = 0.8832 - 0.2368 * t;
  if (df < 120)
    q += -1.214 / df + 1.208 * t / df;
  return t * (q * log (k - 1) + 1.4142);
}

double
ob_qtukey (double p,
           double n_means,
           double df)
{
  double x0, x1, f0, f1, next = 0;

  if (isnan (p) || p < 0 || p >= 1 || df < 2 || n_means < 2)
    return NAN;
  if (p == 0)
    return 0;

  x0 = initial_quantile (p, n_means, df);
  f0 = ob_ptukey (x0, n_means, df, TRUE) - p;
  x1 = f0 > 0 ? MAX (0.0, x0 - 1) : x0 + 1;
  f1 = ob_ptukey (x1, n_means, df, TRUE) - p;
  for (int it = 1; it < 50; it++)
    {
      next = x1 - f1 * (x1 - x0) / (f1 - f0);
      f0 = f1;
      x0 = x1;
      if (next < 0)
        next = 0;
      f1 = ob_ptukey (next, n_means, df, TRUE) - p;
      x1 = next;
      if (fabs (x1 - x0) < 1e-4)
        break;
    }
  return next;
}
