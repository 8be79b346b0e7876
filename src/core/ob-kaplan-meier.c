/* ob-kaplan-meier.c — Kaplan–Meier estimates as R's survfit computes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ob-kaplan-meier.h"

/* quantile.survfit compares survival with 1 - p within this tolerance, so a curve that is
 * flat at exactly 0.5 is recognised despite rounding. */
#define QUANTILE_TOLERANCE 1.4901161193847656e-08   /* sqrt (DBL_EPSILON) */

static const char *const ci_names[] = { "log-log", "log", "plain" };

const char *
ob_ci_transform_to_string (ObCiTransform ci)
{
  g_return_val_if_fail ((guint) ci < G_N_ELEMENTS (ci_names), "log-log");
  return ci_names[ci];
}

gboolean
ob_ci_transform_from_string (const char    *str,
                             ObCiTransform *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ci_names); i++)
    if (g_ascii_strcasecmp (str, ci_names[i]) == 0)
      {
        *out = (ObCiTransform) i;
        return TRUE;
      }
  /* R's spellings */
  if (g_ascii_strcasecmp (str, "loglog") == 0 || g_ascii_strcasecmp (str, "log_log") == 0)
    {
      *out = OB_CI_LOG_LOG;
      return TRUE;
    }
  return FALSE;
}

void
ob_km_options_init (ObKmOptions *options)
{
  options->ci = OB_CI_LOG_LOG;
  options->conf_level = 0.95;
}

/* Pointwise band of S(t) from the SE of the cumulative hazard, as survfit_confint: NAN where
 * R gives NA (log of 0, log-log at 0 and 1) or NaN (an infinite Greenwood term). */
static void
confint (ObCiTransform  ci,
         double         z,
         double         surv,
         double         se_cumhaz,
         double        *lower,
         double        *upper)
{
  switch (ci)
    {
    case OB_CI_PLAIN:
      {
        double half = se_cumhaz * surv * z;

        if (isnan (half))
          *lower = *upper = NAN;
        else
          {
            *lower = MAX (surv - half, 0.0);
            *upper = MIN (surv + half, 1.0);
          }
        break;
      }
    case OB_CI_LOG:
      if (surv == 0 || isnan (se_cumhaz) || isinf (se_cumhaz))
        *lower = *upper = NAN;
      else
        {
          *lower = exp (log (surv) - z * se_cumhaz);
          *upper = MIN (exp (log (surv) + z * se_cumhaz), 1.0);
        }
      break;
    case OB_CI_LOG_LOG:
    default:
      if (surv == 0 || surv == 1 || isnan (se_cumhaz) || isinf (se_cumhaz))
        *lower = *upper = NAN;
      else
        {
          double ll = log (-log (surv));
          double half = z * se_cumhaz / log (surv);

          *lower = exp (-exp (ll - half));
          *upper = exp (-exp (ll + half));
        }
      break;
    }
}

/* findq() of R's quantile.survfit over the points (0, 0) and (t_i, 1 - s_i): the time where
 * 1 - s first reaches p, the midpoint to the next drop where the curve is flat at exactly
 * 1 - p, NAN when never reached.  `which` selects the estimate (0), lower (1) or upper (2)
 * band; NAN band values are skipped as approx() drops them. */
static double
step_value (const ObKmStep *step,
            int             which)
{
  return which == 0 ? step->surv : which == 1 ? step->lower : step->upper;
}

static double
find_quantile (const ObKmStep *steps,
               gsize           n_steps,
               int             which,
               double          p)
{
  /* approx(y ± tol, index, p, "constant", f = 1) over de-duplicated y picks, among the
   * points with y >= p ∓ tol, the one with the smallest y, earliest on ties. */
  double best1_y = INFINITY, best2_y = INFINITY;
  double x1 = NAN, x2 = NAN;
  double last_new_y = 0.0;
  double prev_y = 0.0;
  gboolean monotone = TRUE;
  gboolean seen_nan = FALSE;
  gboolean last_is_nan = FALSE;

  if (p == 0)
    return 0.0;   /* quant[p == 0] <- x[1], the start of the curve */
  if (0.0 >= p - QUANTILE_TOLERANCE)
    best1_y = 0.0, x1 = 0.0;
  if (0.0 >= p + QUANTILE_TOLERANCE)
    best2_y = 0.0, x2 = 0.0;

  for (gsize i = 0; i < n_steps; i++)
    {
      double y = 1.0 - step_value (&steps[i], which);

      if (isnan (y))
        {
          if (!seen_nan)
            last_is_nan = TRUE;
          seen_nan = TRUE;
          continue;
        }
      if (y < prev_y)
        monotone = FALSE;
      if (y > prev_y)
        {
          last_new_y = y;
          last_is_nan = FALSE;
        }
      prev_y = MAX (prev_y, y);
      if (y >= p - QUANTILE_TOLERANCE && y < best1_y)
        best1_y = y, x1 = steps[i].time;
      if (y >= p + QUANTILE_TOLERANCE && y < best2_y)
        best2_y = y, x2 = steps[i].time;
    }

  if (!monotone)
    {
      /* A band that turns back up: the last first-seen value needs a real duplicate check.
       * Rare, and only for the short lists of band values, so a quadratic scan is fine. */
      last_is_nan = FALSE;
      last_new_y = 0.0;
      for (gsize i = 0; i < n_steps; i++)
        {
          double y = 1.0 - step_value (&steps[i], which);
          gboolean dup = isnan (y) ? FALSE : y == 0.0;

          for (gsize k = 0; k < i && !dup; k++)
            {
              double yk = 1.0 - step_value (&steps[k], which);
              dup = (isnan (y) && isnan (yk)) || y == yk;
            }
          if (!dup)
            {
              last_new_y = y;
              last_is_nan = isnan (y);
            }
        }
    }

  if (isnan (x1))
    return NAN;
  if (!last_is_nan && fabs (p - last_new_y) < QUANTILE_TOLERANCE && n_steps > 0)
    return (x1 + steps[n_steps - 1].time) / 2;
  return (x1 + x2) / 2;
}

void
ob_km_curve_quantile (const ObKmCurve *curve,
                      double           p,
                      double          *quantile,
                      double          *lower,
                      double          *upper)
{
  *quantile = find_quantile (curve->steps, curve->n_steps, 0, p);
  if (lower != NULL)
    *lower = find_quantile (curve->steps, curve->n_steps, 1, p);
  if (upper != NULL)
    *upper = find_quantile (curve->steps, curve->n_steps, 2, p);
}

static double
z_value (double conf_level)
{
  return gsl_cdf_ugaussian_Pinv (1.0 - (1.0 - conf_level) / 2.0);
}

/* Product-limit estimate over one group's distinct times.  se_cumhaz is the Greenwood SE of
 * the cumulative hazard, which survfit keeps as its std.err. */
static void
finish_curve (ObKmCurve     *curve,
              ObCiTransform  ci,
              double         z)
{
  double surv = 1.0;
  double greenwood = 0.0;
  gsize at_risk = curve->n;

  for (gsize k = 0; k < curve->n_steps; k++)
    {
      ObKmStep *step = &curve->steps[k];
      double d = (double) step->n_event;
      double r = (double) at_risk;
      double se;

      step->n_risk = at_risk;
      if (step->n_event > 0)
        {
          surv *= (r - d) / r;
          greenwood += step->n_event < at_risk ? d / (r * (r - d)) : INFINITY;
        }
      se = sqrt (greenwood);
      step->surv = surv;
      step->std_err = surv * se;
      if (isinf (se))
        step->std_err = NAN;
      confint (ci, z, surv, se, &step->lower, &step->upper);
      at_risk -= step->n_event + step->n_censor;
    }

  ob_km_curve_quantile (curve, 0.5, &curve->median, &curve->median_lower,
                        &curve->median_upper);
  ob_km_curve_quantile (curve, 0.25, &curve->q25, &curve->q25_lower, &curve->q25_upper);
  ob_km_curve_quantile (curve, 0.75, &curve->q75, &curve->q75_lower, &curve->q75_upper);
}

/* One pass over the time-sorted rows fills every group's steps at once. */
static void
fill_curves (const double  *time,
             const guint8  *event,
             const guint32 *group,
             gsize          n,
             ObKmCurve     *curves,
             guint          n_curves)
{
  g_autofree double *last = g_new (double, n_curves);

  for (guint g = 0; g < n_curves; g++)
    last[g] = NAN;
  for (gsize i = 0; i < n; i++)
    {
      guint g = group != NULL ? group[i] : 0;

      curves[g].n++;
      if (time[i] != last[g])
        {
          curves[g].n_steps++;
          last[g] = time[i];
        }
    }
  for (guint g = 0; g < n_curves; g++)
    {
      curves[g].steps = g_new0 (ObKmStep, MAX (curves[g].n_steps, 1));
      curves[g].n_steps = 0;
      last[g] = NAN;
    }
  for (gsize i = 0; i < n; i++)
    {
      guint g = group != NULL ? group[i] : 0;
      ObKmCurve *curve = &curves[g];
      ObKmStep *step;

      if (time[i] != last[g])
        {
          curve->steps[curve->n_steps++].time = time[i];
          last[g] = time[i];
        }
      step = &curve->steps[curve->n_steps - 1];
      if (event[i])
        {
          step->n_event++;
          curve->events++;
        }
      else
        step->n_censor++;
    }
}

ObKmFit *
ob_km_fit (const ObSurvData  *data,
           const ObKmOptions *options,
           GError           **error)
{
  ObKmOptions defaults;
  ObKmFit *fit;
  double z;

  g_return_val_if_fail (data != NULL, NULL);
  if (options == NULL)
    {
      ob_km_options_init (&defaults);
      options = &defaults;
    }
  if (!(options->conf_level > 0 && options->conf_level < 1))
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("The confidence level must lie between 0 and 1 (for example 0.95)"));
      return NULL;
    }
  if (data->n == 0 || data->n_groups == 0)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA, _("There are no rows to analyse"));
      return NULL;
    }

  z = z_value (options->conf_level);
  fit = g_new0 (ObKmFit, 1);
  fit->ci = options->ci;
  fit->conf_level = options->conf_level;
  fit->n_curves = data->n_groups;
  fit->curves = g_new0 (ObKmCurve, data->n_groups);
  for (guint g = 0; g < data->n_groups; g++)
    fit->curves[g].name = g_strdup (data->group_names[g]);
  fill_curves (data->time, data->status, data->group, data->n, fit->curves, fit->n_curves);
  for (guint g = 0; g < fit->n_curves; g++)
    finish_curve (&fit->curves[g], options->ci, z);
  return fit;
}

void
ob_km_fit_free (ObKmFit *fit)
{
  if (fit == NULL)
    return;
  for (guint g = 0; g < fit->n_curves; g++)
    {
      g_free (fit->curves[g].name);
      g_free (fit->curves[g].steps);
    }
  g_free (fit->curves);
  g_free (fit);
}

/* Index of the last step with time <= t, or -1. */
static gssize
step_at (const ObKmCurve *curve,
         double           t)
{
  gsize lo = 0, hi = curve->n_steps;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (curve->steps[mid].time <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (gssize) lo - 1;
}

gsize
ob_km_curve_n_risk_at (const ObKmCurve *curve,
                       double           time)
{
  gssize k = step_at (curve, time);

  /* the first step at or after time holds the count of subjects with time >= t */
  if (k >= 0 && curve->steps[k].time == time)
    return curve->steps[k].n_risk;
  if ((gsize) (k + 1) < curve->n_steps)
    return curve->steps[k + 1].n_risk;
  return 0;
}

void
ob_km_curve_surv_at (const ObKmCurve *curve,
                     double           time,
                     ObKmSurvAt      *out)
{
  gssize k = step_at (curve, time);

  out->time = time;
  out->n_risk = ob_km_curve_n_risk_at (curve, time);
  if (k < 0)
    {
      /* before the first time summary.survfit reports S = 1 with a zero-width band */
      out->surv = 1.0;
      out->std_err = 0.0;
      out->lower = 1.0;
      out->upper = 1.0;
      return;
    }
  out->surv = curve->steps[k].surv;
  out->std_err = curve->steps[k].std_err;
  out->lower = curve->steps[k].lower;
  out->upper = curve->steps[k].upper;
}

void
ob_km_curve_rmst (const ObKmCurve *curve,
                  double           tau,
                  double          *rmst,
                  double          *se)
{
  double area = 0.0;
  double tail = 0.0;     /* area from the current step to tau */
  double var = 0.0;
  double prev_time = 0.0, prev_surv = 1.0;
  gsize n_keep = 0;

  while (n_keep < curve->n_steps && curve->steps[n_keep].time <= tau)
    n_keep++;

  for (gsize k = 0; k < n_keep; k++)
    {
      area += (curve->steps[k].time - prev_time) * prev_surv;
      prev_time = curve->steps[k].time;
      prev_surv = curve->steps[k].surv;
    }
  area += (tau - prev_time) * prev_surv;
  *rmst = area;

  /* survmean: each event time's Greenwood term times the squared area beyond it */
  tail = (tau - prev_time) * prev_surv;
  for (gsize k = n_keep; k-- > 0;)
    {
      const ObKmStep *step = &curve->steps[k];
      double r = (double) step->n_risk;
      double d = (double) step->n_event;

      if (step->n_risk > step->n_event)
        var += tail * tail * d / (r * (r - d));
      if (k > 0)
        tail += (step->time - curve->steps[k - 1].time) * curve->steps[k - 1].surv;
    }
  *se = sqrt (var);
}

void
ob_km_rmst_diff (const ObKmCurve *curve1,
                 const ObKmCurve *curve0,
                 double           tau,
                 double           conf_level,
                 ObKmRmstDiff    *out)
{
  double z = z_value (conf_level);

  ob_km_curve_rmst (curve1, tau, &out->rmst1, &out->se1);
  ob_km_curve_rmst (curve0, tau, &out->rmst0, &out->se0);
  out->diff = out->rmst1 - out->rmst0;
  out->se = sqrt (out->se1 * out->se1 + out->se0 * out->se0);
  out->lower = out->diff - z * out->se;
  out->upper = out->diff + z * out->se;
  out->p = out->se > 0 ? 2 * gsl_cdf_ugaussian_Q (fabs (out->diff) / out->se) : NAN;
}

void
ob_km_median_followup (const ObSurvData  *data,
                       const ObKmOptions *options,
                       double            *median,
                       double            *lower,
                       double            *upper)
{
  ObKmOptions defaults;
  g_autofree guint8 *reversed = g_new (guint8, MAX (data->n, 1));
  ObKmCurve curve = { 0 };

  if (options == NULL)
    {
      ob_km_options_init (&defaults);
      options = &defaults;
    }
  for (gsize i = 0; i < data->n; i++)
    reversed[i] = !data->status[i];
  /* Counts are per distinct time, so the order of ties within a time does not matter. */
  fill_curves (data->time, reversed, NULL, data->n, &curve, 1);
  finish_curve (&curve, options->ci, z_value (options->conf_level));
  *median = curve.median;
  *lower = curve.median_lower;
  *upper = curve.median_upper;
  g_free (curve.steps);
}
