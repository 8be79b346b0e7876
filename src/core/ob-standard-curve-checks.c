/* ob-standard-curve-checks.c — does a plate's curve deserve to be read at all?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-dataset.h"
#include "ob-standard-curve-private.h"

/* Conventional: a curve that a flat line explains as well at the 5% level has no slope to
 * read concentrations from. */
#define FLAT_P_LIMIT 0.05
/* A reversal must exceed replicate noise (two SDs of the noisier level) and a small share of
 * the curve's span, so plateau jitter between replicates is not called a hook. */
#define REVERSAL_SDS 2.0
#define REVERSAL_SPAN 0.02
#define MAX_REVERSALS 3

gboolean
ob_assay_check_dose_response (const ObAssayPlate *plate,
                              GError            **error)
{
  const ObCurveFit *fit = plate->fit;

  if (fit == NULL || !(fit->flat_p > FLAT_P_LIMIT))
    return TRUE;
  g_set_error (error, OB_ERROR, OB_ERROR_NUMERIC,
               _("The standards show no dose response: a flat line fits them as well as the %s "
                 "curve (F-test, p > 0.05), so no concentration can be read from it. Check the "
                 "plate map and the standards’ concentrations."),
               ob_curve_model_to_string (fit->model));
  return FALSE;
}

/* +1 when the curve rises with concentration, −1 when it falls, 0 when it cannot say. */
static int
direction (const ObCurveFit *fit)
{
  double d = 0.0;

  switch (fit->model)
    {
    case OB_CURVE_4PL:
    case OB_CURVE_5PL:
      d = (fit->params[1] - fit->params[0]) * fit->params[3];
      break;
    case OB_CURVE_LINEAR:
    case OB_CURVE_LOGLOG:
      d = fit->params[1];
      break;
    case OB_CURVE_P2P:
    default:
      d = fit->n_knots > 1 ? fit->knot_y[fit->n_knots - 1] - fit->knot_y[0] : 0.0;
      break;
    }
  return (d > 0.0) - (d < 0.0);
}

void
ob_assay_check_monotone (ObAssayPlate *plate)
{
  const ObAssayStandard *prev = NULL;
  double lo = INFINITY, hi = -INFINITY;
  guint found = 0;
  int dir;

  if (plate->fit == NULL || (dir = direction (plate->fit)) == 0)
    return;
  for (guint i = 0; i < plate->standards->len; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);

      if (!s->excluded && isfinite (s->mean_response))
        {
          lo = MIN (lo, s->mean_response);
          hi = MAX (hi, s->mean_response);
        }
    }
  for (guint i = 0; i < plate->standards->len && found < MAX_REVERSALS; i++)
    {
      const ObAssayStandard *s = &g_array_index (plate->standards, ObAssayStandard, i);
      double step, noise;

      if (s->excluded || !isfinite (s->mean_response))
        continue;
      if (prev == NULL)
        {
          prev = s;
          continue;
        }
      step = (s->mean_response - prev->mean_response) * dir;
      noise = REVERSAL_SDS * MAX (isfinite (s->sd) ? s->sd : 0.0,
                                  isfinite (prev->sd) ? prev->sd : 0.0);
      if (step < 0.0 && -step > noise && -step > REVERSAL_SPAN * (hi - lo))
        {
          g_ptr_array_add (plate->warnings,
                           g_strdup_printf (dir > 0
                                            ? _("The standards do not rise with concentration: "
                                                "the standard at %g responds %.4g, less than "
                                                "%.4g at %g. A hook effect or a mislabelled "
                                                "well? Check the plate map, or exclude the "
                                                "level.")
                                            : _("The standards do not fall with concentration: "
                                                "the standard at %g responds %.4g, more than "
                                                "%.4g at %g. A mislabelled well? Check the "
                                                "plate map, or exclude the level."),
                                            s->conc, s->mean_response, prev->mean_response,
                                            prev->conc));
          found++;
        }
      prev = s;
    }
  if (found == 0)
    return;
  for (guint i = 0; i < plate->samples->len; i++)
    {
      ObAssaySample *sample = g_ptr_array_index (plate->samples, i);

      g_ptr_array_add (sample->flags, g_strdup (_("standards not monotone")));
    }
}
