/* ob-growth-summary.c — per arm and day summaries, %TGI and T/C, mRECIST
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-growth"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ob-growth.h"
#include "ob-group-tests.h"

double
ob_growth_study_value (const ObGrowthStudy *study,
                       ObGrowthMeasure      measure,
                       guint                mouse,
                       gsize                i)
{
  const ObGrowthMouse *m = &study->mice[mouse];

  switch (measure)
    {
    case OB_GROWTH_VOLUME:
      return study->volume[i];
    case OB_GROWTH_RELATIVE_VOLUME:
      return m->volume0 > 0 ? study->volume[i] / m->volume0 : NAN;
    case OB_GROWTH_VOLUME_CHANGE:
      return m->volume0 > 0 ? 100 * (study->volume[i] - m->volume0) / m->volume0 : NAN;
    case OB_GROWTH_WEIGHT:
      return study->weight[i];
    case OB_GROWTH_WEIGHT_CHANGE:
      return m->weight0 > 0 ? 100 * (study->weight[i] - m->weight0) / m->weight0 : NAN;
    case OB_GROWTH_LOG10_FLUX:
      return study->log10_flux[i];
    default:
      return NAN;
    }
}

ObGrowthArmDay *
ob_growth_summarise (const ObGrowthStudy *study,
                     ObGrowthMeasure      measure,
                     gsize               *n_rows)
{
  guint n_days = study->n_days;
  g_autofree gsize *start = g_new (gsize, n_days + 1);
  g_autofree gsize *censored = g_new (gsize, n_days);
  g_autofree double *values = g_new (double, MAX (study->n_obs, 1));
  g_autofree double *scratch = g_new (double, MAX (study->n_obs, 1));
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ObGrowthArmDay));

  for (guint a = 0; a < study->n_arms; a++)
    {
      /* Counting sort of the arm's values by day: one pass to count, one to place. */
      memset (start, 0, sizeof (gsize) * (n_days + 1));
      memset (censored, 0, sizeof (gsize) * n_days);
      for (guint m = study->arm_first[a]; m < study->arm_first[a + 1]; m++)
        {
          const ObGrowthMouse *mouse = &study->mice[m];

          if (study->excluded[m])
            continue;
          for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
            if (!isnan (ob_growth_study_value (study, measure, m, i)))
              start[study->day_index[i] + 1]++;
            else if (measure == OB_GROWTH_LOG10_FLUX && study->flux_censored[i])
              censored[study->day_index[i]]++;
        }
      for (guint d = 0; d < n_days; d++)
        start[d + 1] += start[d];
      {
        g_autofree gsize *next = g_memdup2 (start, sizeof (gsize) * (n_days + 1));

        for (guint m = study->arm_first[a]; m < study->arm_first[a + 1]; m++)
          {
            const ObGrowthMouse *mouse = &study->mice[m];

            if (study->excluded[m])
              continue;
            for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
              {
                double v = ob_growth_study_value (study, measure, m, i);

                if (!isnan (v))
                  values[next[study->day_index[i]]++] = v;
              }
          }
      }
      for (guint d = 0; d < n_days; d++)
        {
          gsize n = start[d + 1] - start[d];
          ObDescriptives desc;
          ObGrowthArmDay row = { 0 };

          if (n == 0 && censored[d] == 0)
            continue;
          ob_describe (values + start[d], n, scratch, &desc);
          row.arm = a;
          row.time = study->days[d];
          row.n = n;
          row.n_censored = censored[d];
          row.mean = desc.mean;
          row.sd = n > 1 ? desc.sd : NAN;
          row.sem = n > 1 ? desc.sem : NAN;
          row.median = desc.median;
          g_array_append_val (rows, row);
        }
    }
  *n_rows = rows->len;
  return (ObGrowthArmDay *) g_array_free (rows, FALSE);
}

void
ob_growth_tgi_free (ObGrowthTgi *tgi)
{
  if (tgi == NULL)
    return;
  g_free (tgi->arms);
  g_free (tgi);
}

/* Sum and number of volumes of every arm on every day, in one pass: row a, column d. */
static void
arm_day_sums (const ObGrowthStudy *study,
              double              *sum,
              gsize               *n)
{
  memset (sum, 0, sizeof (double) * study->n_arms * study->n_days);
  memset (n, 0, sizeof (gsize) * study->n_arms * study->n_days);
  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];
      gsize base = (gsize) mouse->arm * study->n_days;

      if (study->excluded[m])
        continue;
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        if (!isnan (study->volume[i]))
          {
            sum[base + study->day_index[i]] += study->volume[i];
            n[base + study->day_index[i]]++;
          }
    }
}

static guint
arm_size (const ObGrowthStudy *study,
          guint                a)
{
  guint n = 0;

  for (guint m = study->arm_first[a]; m < study->arm_first[a + 1]; m++)
    n += study->excluded[m] ? 0 : 1;
  return n;
}

ObGrowthTgi *
ob_growth_tgi (const ObGrowthStudy *study,
               double               time,
               GError             **error)
{
  g_autoptr(ObGrowthTgi) tgi = g_new0 (ObGrowthTgi, 1);
  gsize cells = (gsize) study->n_arms * study->n_days;
  g_autofree double *sum = g_new (double, cells);
  g_autofree gsize *n = g_new (gsize, cells);
  guint day = G_MAXUINT;
  guint c = study->control;
  guint nd = study->n_days;

  if (!study->has_volume)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("Tumour growth inhibition needs tumour volumes"));
      return NULL;
    }
  tgi->formula = _("%TGI = 100 × (1 − (mean T(t) − mean T(0)) / (mean C(t) − mean C(0))); "
                   "T/C = 100 × mean T(t) / mean C(t); means of the mice measured on the day");
  tgi->control = c;
  tgi->n_arms = study->n_arms;
  tgi->baseline = study->days[0];
  arm_day_sums (study, sum, n);

  if (isnan (time))
    {
      /* The last day at which no arm has lost a mouse: later means are biased by dropouts. */
      for (guint d = study->n_days; d-- > 1 && day == G_MAXUINT;)
        {
          gboolean complete = TRUE;

          for (guint a = 0; a < study->n_arms && complete; a++)
            complete = n[a * nd + d] == arm_size (study, a);
          if (complete)
            day = d;
        }
      if (day == G_MAXUINT)
        {
          g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                               _("No day after the first has every mouse of every arm "
                                 "measured; choose the day for tumour growth inhibition"));
          return NULL;
        }
      tgi->default_time = TRUE;
    }
  else
    {
      for (guint d = 0; d < study->n_days; d++)
        if (study->days[d] == time)
          day = d;
      if (day == G_MAXUINT)
        {
          g_autoptr(GString) days = g_string_new (NULL);

          for (guint d = 0; d < study->n_days; d++)
            g_string_append_printf (days, "%s%g", d > 0 ? ", " : "", study->days[d]);
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("No mouse was measured on day %g; the days are: %s"), time, days->str);
          return NULL;
        }
    }
  tgi->time = study->days[day];
  tgi->arms = g_new0 (ObGrowthTgiArm, study->n_arms);
  for (guint a = 0; a < study->n_arms; a++)
    {
      ObGrowthTgiArm *arm = &tgi->arms[a];

      arm->arm = a;
      arm->n0 = n[a * nd];
      arm->n = n[a * nd + day];
      arm->mean0 = arm->n0 > 0 ? sum[a * nd] / (double) arm->n0 : NAN;
      arm->mean = arm->n > 0 ? sum[a * nd + day] / (double) arm->n : NAN;
    }
  for (guint a = 0; a < study->n_arms; a++)
    {
      ObGrowthTgiArm *arm = &tgi->arms[a];
      const ObGrowthTgiArm *control = &tgi->arms[c];
      double dc = control->mean - control->mean0;

      arm->tgi_pct = a != c && dc != 0 ? 100 * (1 - (arm->mean - arm->mean0) / dc) : NAN;
      arm->tc_pct = a != c && control->mean != 0 ? 100 * arm->mean / control->mean : NAN;
    }
  return g_steal_pointer (&tgi);
}

const char *
ob_mrecist_to_string (ObMrecist category)
{
  switch (category)
    {
    case OB_MRECIST_CR:
      return "mCR";
    case OB_MRECIST_PR:
      return "mPR";
    case OB_MRECIST_SD:
      return "mSD";
    case OB_MRECIST_PD:
      return "mPD";
    case OB_MRECIST_NONE:
    default:
      return NULL;
    }
}

ObGrowthResponse *
ob_growth_mrecist (const ObGrowthStudy *study,
                   double               start_day)
{
  ObGrowthResponse *out = g_new (ObGrowthResponse, MAX (study->n_mice, 1));

  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];
      ObGrowthResponse *r = &out[m];
      double t0 = NAN, sum = 0;
      gsize k = 0;

      r->best_response = r->best_avg_response = NAN;
      r->category = OB_MRECIST_NONE;
      if (!(mouse->volume0 > 0))
        continue;
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        {
          double dv;

          if (isnan (study->volume[i]))
            continue;
          if (isnan (t0))
            t0 = study->time[i];
          dv = 100 * (study->volume[i] - mouse->volume0) / mouse->volume0;
          sum += dv;
          k++;
          if (study->time[i] - t0 >= start_day)
            {
              double avg = sum / (double) k;

              if (isnan (r->best_response) || dv < r->best_response)
                r->best_response = dv;
              if (isnan (r->best_avg_response) || avg < r->best_avg_response)
                r->best_avg_response = avg;
            }
        }
      if (isnan (r->best_response))
        continue;
      if (r->best_response < -95 && r->best_avg_response < -40)
        r->category = OB_MRECIST_CR;
      else if (r->best_response < -50 && r->best_avg_response < -20)
        r->category = OB_MRECIST_PR;
      else if (r->best_response < 35 && r->best_avg_response < 30)
        r->category = OB_MRECIST_SD;
      else
        r->category = OB_MRECIST_PD;
    }
  return out;
}
