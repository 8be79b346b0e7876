/* ob-plot-scale.c: "nice" tick scales and the mapping from data to page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-plot"

#include "config.h"

#include <float.h>
#include <math.h>

#include "ob-plot-scale.h"

#define ROUNDING_EPS 1e-10
#define MAX_TICKS 1000

/* R_pretty() from R 4.2 (src/appl/pretty.c) with pretty.default()'s arguments: min.n = n %/% 3,
 * shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 + 1.5 * high.u.bias, eps.correct = 0,
 * so that axes agree with what R users see. */
double
ob_plot_pretty (double lo, double hi, guint n, double *out_lo, double *out_hi)
{
  const double h = 1.5, h5 = 0.5 + 1.5 * h, shrink = 0.75;
  int ndiv = (int) MAX (n, 1);
  int min_n = (int) n / 3;
  double dx, cell, unit, base, ns, nu, u;
  gboolean i_small;

  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  dx = hi - lo;
  if (dx == 0 && hi == 0)
    {
      cell = 1;
      i_small = TRUE;
    }
  else
    {
      cell = MAX (fabs (lo), fabs (hi));
      u = 1 + ((h5 >= 1.5 * h + .5) ? 1 / (1 + h) : 1.5 / (1 + h5));
      u *= MAX (1, ndiv) * DBL_EPSILON;
      i_small = dx < cell * u * 3;
    }

  if (i_small)
    {
      if (cell > 10)
        cell = 9 + cell / 10;
      cell *= shrink;
      if (min_n > 1)
        cell /= min_n;
    }
  else
    {
      cell = dx;
      if (ndiv > 1)
        cell /= ndiv;
    }
  if (cell < 20 * DBL_MIN)
    cell = 20 * DBL_MIN;
  else if (cell * 10 > DBL_MAX)
    cell = .1 * DBL_MAX;

  base = pow (10.0, floor (log10 (cell)));
  unit = base;
  if ((ns = 2 * base) - cell < h * (cell - unit))
    {
      unit = ns;
      if ((ns = 5 * base) - cell < h5 * (cell - unit))
        {
          unit = ns;
          if ((ns = 10 * base) - cell < h * (cell - unit))
            unit = ns;
        }
    }

  ns = floor (lo / unit + ROUNDING_EPS);
  nu = ceil (hi / unit - ROUNDING_EPS);
  while (ns * unit > lo + ROUNDING_EPS * unit)
    ns--;
  while (nu * unit < hi - ROUNDING_EPS * unit)
    nu++;

  {
    int k = (int) (0.5 + nu - ns);
    if (k < min_n)
      {
        k = min_n - k;
        if (ns >= 0.)
          {
            nu += k / 2;
            ns -= k / 2 + k % 2;
          }
        else
          {
            ns -= k / 2;
            nu += k / 2 + k % 2;
          }
      }
  }

  if (out_lo)
    *out_lo = ns * unit;
  if (out_hi)
    *out_hi = nu * unit;
  return unit;
}

void
ob_plot_scale_init_linear (ObPlotScale *scale, double lo, double hi, guint n)
{
  scale->kind = OB_PLOT_SCALE_LINEAR;
  scale->step = ob_plot_pretty (lo, hi, n, &scale->lo, &scale->hi);
  if (scale->hi <= scale->lo)
    scale->hi = scale->lo + scale->step;
  if (scale->pos0 == scale->pos1)
    ob_plot_scale_set_range (scale, 0, 1);
}

void
ob_plot_scale_init_fixed (ObPlotScale *scale, double lo, double hi, double step, guint n)
{
  scale->kind = OB_PLOT_SCALE_LINEAR;
  if (!(hi > lo))
    hi = lo + 1;
  if (!(step > 0) || (hi - lo) / step > MAX_TICKS)
    step = ob_plot_pretty (lo, hi, n, NULL, NULL);
  scale->lo = lo;
  scale->hi = hi;
  scale->step = step;
  if (scale->pos0 == scale->pos1)
    ob_plot_scale_set_range (scale, 0, 1);
}

/* How badly a step fits: intervals away from n (by ratio) plus the share of the axis left
 * empty after hi, which reads as missing follow-up and so weighs more. */
static double
covering_cost (double lo, double hi, double step, guint n, double *out_end)
{
  double k = MAX (ceil ((hi - lo) / step - ROUNDING_EPS), 1);
  double end = lo + k * step;

  *out_end = end;
  return 0.5 * fabs (log (k / MAX (n, 1))) + 3 * (end - hi) / (end - lo);
}

void
ob_plot_scale_init_covering (ObPlotScale *scale, double lo, double hi, const double *steps,
                             guint n_steps, guint n)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 1.5, 3 };
  double best_cost = INFINITY, best_step = 0, best_end = hi;

  if (!(hi > lo))
    hi = lo + 1;
  if (steps != NULL)
    for (guint i = 0; i < n_steps; i++)
      {
        double end, cost;

        if (!(steps[i] > 0) || (hi - lo) / steps[i] > MAX_TICKS)
          continue;
        cost = covering_cost (lo, hi, steps[i], n, &end);
        if (cost < best_cost)
          {
            best_cost = cost;
            best_step = steps[i];
            best_end = end;
          }
      }
  if (best_step == 0)
    {
      double base = floor (log10 ((hi - lo) / MAX (n, 1)));

      for (double e = base - 1; e <= base + 1; e++)
        for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
          {
            /* Dividing by an exact power of ten keeps 0.15 from becoming 0.15000000000000002. */
            double step = e >= 0 ? mantissas[i] * pow (10, e) : mantissas[i] / pow (10, -e);
            double end;
            /* 1.5 and 3 only where they save a clearly emptier end. */
            double cost = covering_cost (lo, hi, step, n, &end) + (i >= 4 ? 0.1 : 0);

            /* n is what the width holds: far more labels would collide. */
            if ((end - lo) / step > ceil (1.4 * MAX (n, 1)) + ROUNDING_EPS)
              continue;

            if (cost < best_cost)
              {
                best_cost = cost;
                best_step = step;
                best_end = end;
              }
          }
    }
  scale->kind = OB_PLOT_SCALE_LINEAR;
  scale->lo = lo;
  scale->hi = best_end;
  scale->step = best_step;
  if (scale->pos0 == scale->pos1)
    ob_plot_scale_set_range (scale, 0, 1);
}

void
ob_plot_scale_init_log10 (ObPlotScale *scale, double lo, double hi)
{
  double elo, ehi;

  g_return_if_fail (lo > 0 && hi > 0);

  scale->kind = OB_PLOT_SCALE_LOG10;
  elo = floor (log10 (MIN (lo, hi)) + ROUNDING_EPS);
  ehi = ceil (log10 (MAX (lo, hi)) - ROUNDING_EPS);
  if (ehi <= elo)
    ehi = elo + 1;
  scale->lo = pow (10, elo);
  scale->hi = pow (10, ehi);
  /* More than about eight decade labels crowd an axis; label every other one. */
  scale->step = ceil ((ehi - elo) / 8);
  if (scale->pos0 == scale->pos1)
    ob_plot_scale_set_range (scale, 0, 1);
}

void
ob_plot_scale_set_range (ObPlotScale *scale, double pos0, double pos1)
{
  scale->pos0 = pos0;
  scale->pos1 = pos1;
}

double
ob_plot_scale_map (const ObPlotScale *scale, double value)
{
  double f;

  if (scale->kind == OB_PLOT_SCALE_LOG10)
    f = (log10 (value) - log10 (scale->lo)) / (log10 (scale->hi) - log10 (scale->lo));
  else
    f = (value - scale->lo) / (scale->hi - scale->lo);
  return scale->pos0 + f * (scale->pos1 - scale->pos0);
}

double
ob_plot_scale_unmap (const ObPlotScale *scale, double pos)
{
  double f = (pos - scale->pos0) / (scale->pos1 - scale->pos0);

  if (scale->kind == OB_PLOT_SCALE_LOG10)
    return pow (10, log10 (scale->lo) + f * (log10 (scale->hi) - log10 (scale->lo)));
  return scale->lo + f * (scale->hi - scale->lo);
}

guint
ob_plot_scale_ticks (const ObPlotScale *scale, double *ticks, guint max_ticks)
{
  guint n = 0;

  if (scale->kind == OB_PLOT_SCALE_LOG10)
    {
      double elo = round (log10 (scale->lo)), ehi = round (log10 (scale->hi));

      for (double e = elo; e <= ehi + ROUNDING_EPS && n < MAX_TICKS; e += scale->step)
        {
          if (n < max_ticks)
            ticks[n] = pow (10, e);
          n++;
        }
      return MIN (n, max_ticks);
    }

  {
    /* Multiples of the step, so a fixed range starting off a multiple still gets round ticks. */
    double first = ceil (scale->lo / scale->step - ROUNDING_EPS);
    double last = floor (scale->hi / scale->step + ROUNDING_EPS);

    for (double k = first; k <= last && n < MAX_TICKS; k++)
      {
        double v = k * scale->step;

        /* Snap the rounding noise of k * step (0.30000000000000004) and of zero. */
        if (fabs (v) < 1e-14 * scale->step)
          v = 0;
        if (n < max_ticks)
          ticks[n] = v;
        n++;
      }
  }
  return MIN (n, max_ticks);
}

static int
decimals_for (double step)
{
  int d = 0;

  while (d < 15 && fabs (step * pow (10, d) - round (step * pow (10, d))) > 1e-9 * pow (10, d))
    d++;
  return d;
}

static char *
format_power (double e)
{
  static const char *const sup[] = {
    "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
    "\u2075", "\u2076", "\u2077", "\u2078", "\u2079",
  };
  GString *s = g_string_new ("10");
  g_autofree char *digits = g_strdup_printf ("%d", (int) fabs (e));

  if (e < 0)
    g_string_append (s, "\u207b");
  for (const char *c = digits; *c; c++)
    g_string_append (s, sup[*c - '0']);
  return g_string_free (s, FALSE);
}

char *
ob_plot_scale_format (const ObPlotScale *scale, double value, double factor)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int d;

  value *= factor;
  if (scale->kind == OB_PLOT_SCALE_LOG10)
    {
      double e = round (log10 (value));

      /* Plain numbers read faster than powers for the first few decades. */
      if (e >= -3 && e <= 4)
        d = e < 0 ? (int) -e : 0;
      else
        return format_power (e);
    }
  else
    d = decimals_for (scale->step * factor);

  if (fabs (value) < 0.5 * pow (10, -d))
    value = 0;
  {
    char fmt[16];

    /* Figures use the point whatever the locale: journals ask for it. */
    g_snprintf (fmt, sizeof fmt, "%%.%df", d);
    g_ascii_formatd (buf, sizeof buf, fmt, fabs (value));
  }
  return g_strconcat (value < 0 ? "\u2212" : "", buf, NULL);
}
