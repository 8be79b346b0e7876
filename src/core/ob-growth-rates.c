/* ob-growth-rates.c — growth rate and AUC per mouse, arms compared; time to endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-growth"

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "ob-anova.h"
#include "ob-growth.h"
#include "ob-logrank.h"

void
ob_growth_rates_free (ObGrowthRates *rates)
{
  if (rates == NULL)
    return;
  g_free (rates->rate);
  g_free (rates->auc);
  g_free (rates->vs_control);
  g_free (rates);
}

/* Least-squares slope of ln V on day, centred so that large day numbers lose no precision. */
static double
mouse_rate (const ObGrowthStudy *study,
            const ObGrowthMouse *mouse)
{
  double st = 0, sy = 0, sxx = 0, sxy = 0;
  gsize n = 0;

  for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
    if (study->volume[i] > 0)
      {
        st += study->time[i];
        sy += log (study->volume[i]);
        n++;
      }
  if (n < 2)
    return NAN;
  st /= (double) n;
  sy /= (double) n;
  for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
    if (study->volume[i] > 0)
      {
        double dx = study->time[i] - st;

        sxx += dx * dx;
        sxy += dx * (log (study->volume[i]) - sy);
      }
  return sxx > 0 ? sxy / sxx : NAN;
}

static double
mouse_auc (const ObGrowthStudy *study,
           const ObGrowthMouse *mouse)
{
  double auc = 0, t_prev = NAN, v_prev = NAN;

  for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
    {
      if (isnan (study->volume[i]))
        continue;
      if (!isnan (t_prev))
        auc += (study->time[i] - t_prev) * (study->volume[i] + v_prev) / 2;
      t_prev = study->time[i];
      v_prev = study->volume[i];
    }
  return isnan (t_prev) ? NAN : auc;
}

ObGrowthRates *
ob_growth_rates (const ObGrowthStudy *study,
                 GError             **error)
{
  g_autoptr(ObGrowthRates) rates = g_new0 (ObGrowthRates, 1);
  g_autofree double *values = g_new (double, MAX (study->n_mice, 1));
  g_autofree gsize *offsets = g_new0 (gsize, study->n_arms + 1);
  g_autofree guint *group_arm = g_new (guint, study->n_arms);
  g_autofree double *p = NULL;
  guint n_groups = 0, control_group = G_MAXUINT;
  ObOneway anova;
  double pooled_sd;

  if (!study->has_volume)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("Growth rates need tumour volumes"));
      return NULL;
    }
  rates->method = _("Growth rate: least-squares slope of ln(volume) on day per mouse; one-way "
                    "ANOVA on the rates; each arm against the control by t with the pooled SD "
                    "(as pairwise.t.test, pool.sd = TRUE), Holm-adjusted");
  rates->rate = g_new (double, MAX (study->n_mice, 1));
  rates->auc = g_new (double, MAX (study->n_mice, 1));
  rates->f = rates->df1 = rates->df2 = rates->p = NAN;
  for (guint m = 0; m < study->n_mice; m++)
    {
      rates->rate[m] = mouse_rate (study, &study->mice[m]);
      rates->auc[m] = mouse_auc (study, &study->mice[m]);
    }

  /* Arms without a single rate drop out of the comparison, as they would from aov(). */
  for (guint a = 0; a < study->n_arms; a++)
    {
      gsize before = offsets[n_groups];

      offsets[n_groups + 1] = before;
      for (guint m = study->arm_first[a]; m < study->arm_first[a + 1]; m++)
        if (!study->excluded[m] && isfinite (rates->rate[m]))
          values[offsets[n_groups + 1]++] = rates->rate[m];
      if (offsets[n_groups + 1] > before)
        {
          if (a == study->control)
            control_group = n_groups;
          group_arm[n_groups++] = a;
        }
    }
  rates->n_used = offsets[n_groups];
  if (n_groups < 2 || rates->n_used <= n_groups)
    return g_steal_pointer (&rates);
  if (!ob_oneway_test (values, offsets, n_groups, OB_ONEWAY_ANOVA, &anova, error))
    return NULL;
  rates->f = anova.statistic;
  rates->df1 = anova.df1;
  rates->df2 = anova.df2;
  rates->p = anova.p;
  if (control_group == G_MAXUINT)
    return g_steal_pointer (&rates);

  pooled_sd = sqrt (anova.ms_within);
  rates->vs_control = g_new0 (ObGrowthRateTest, n_groups - 1);
  p = g_new (double, n_groups - 1);
  {
    gsize nc = offsets[control_group + 1] - offsets[control_group];
    double mc = 0;

    for (gsize i = offsets[control_group]; i < offsets[control_group + 1]; i++)
      mc += values[i];
    mc /= (double) nc;
    for (guint g = 0; g < n_groups; g++)
      {
        gsize na = offsets[g + 1] - offsets[g];
        double ma = 0;
        guint k = rates->n_vs_control;

        if (g == control_group)
          continue;
        for (gsize i = offsets[g]; i < offsets[g + 1]; i++)
          ma += values[i];
        ma /= (double) na;
        rates->vs_control[k].arm = group_arm[g];
        rates->vs_control[k].diff = ma - mc;
        rates->vs_control[k].se = pooled_sd * sqrt (1.0 / (double) na + 1.0 / (double) nc);
        rates->vs_control[k].df = anova.df2;
        rates->vs_control[k].t = rates->vs_control[k].diff / rates->vs_control[k].se;
        rates->vs_control[k].p = isfinite (rates->vs_control[k].t)
                                 ? 2 * gsl_cdf_tdist_Q (fabs (rates->vs_control[k].t), anova.df2)
                                 : NAN;
        p[k] = rates->vs_control[k].p;
        rates->n_vs_control++;
      }
    ob_p_adjust (p, rates->n_vs_control, OB_P_ADJUST_HOLM);
    for (guint k = 0; k < rates->n_vs_control; k++)
      rates->vs_control[k].p_adj = p[k];
  }
  return g_steal_pointer (&rates);
}

static gboolean
endpoint_from_volume (const ObGrowthStudy *study,
                      guint                m,
                      double               threshold,
                      double              *time,
                      double              *event)
{
  const ObGrowthMouse *mouse = &study->mice[m];

  *time = NAN;
  *event = 0;
  for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
    {
      if (isnan (study->volume[i]))
        continue;
      *time = study->time[i];
      if (study->volume[i] >= threshold)
        {
          *event = 1;
          break;
        }
    }
  return !isnan (*time);
}

ObSurvData *
ob_growth_endpoint_data (const ObGrowthStudy        *study,
                         const ObDataset            *dataset,
                         const ObGrowthEndpointSpec *spec,
                         GError                    **error)
{
  g_autoptr(ObDataset) table = ob_dataset_new ();
  g_autofree double *time = g_new (double, MAX (study->n_mice, 1));
  g_autofree double *event = g_new (double, MAX (study->n_mice, 1));
  g_autofree guint32 *arm = g_new (guint32, MAX (study->n_mice, 1));
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  const ObColumn *time_col = NULL, *event_col = NULL;
  ObSurvSpec surv = { 0 };
  gsize n = 0;

  for (guint a = 0; a < study->n_arms; a++)
    g_ptr_array_add (levels, g_strdup (study->arm_names[a]));
  if (!(spec->volume > 0))
    {
      if (spec->time_column == NULL || spec->event_column == NULL)
        {
          g_ptr_array_unref (levels);
          g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                               _("Time to endpoint needs an endpoint volume, or a column of "
                                 "endpoint days and a column saying whether it was reached"));
          return NULL;
        }
      time_col = ob_dataset_lookup_column (dataset, spec->time_column);
      event_col = ob_dataset_lookup_column (dataset, spec->event_column);
      if (time_col == NULL || event_col == NULL)
        {
          g_ptr_array_unref (levels);
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG, _("There is no column “%s”"),
                       time_col == NULL ? spec->time_column : spec->event_column);
          return NULL;
        }
    }
  else if (!study->has_volume)
    {
      g_ptr_array_unref (levels);
      g_set_error_literal (error, OB_ERROR, OB_ERROR_NO_DATA,
                           _("An endpoint volume needs tumour volumes"));
      return NULL;
    }

  for (guint m = 0; m < study->n_mice; m++)
    {
      if (study->excluded[m])
        continue;
      if (time_col != NULL)
        {
          time[n] = ob_column_get_double (time_col, study->mice[m].row);
          event[n] = ob_column_get_double (event_col, study->mice[m].row);
          if (isnan (time[n]) || isnan (event[n]))
            continue;
        }
      else if (!endpoint_from_volume (study, m, spec->volume, &time[n], &event[n]))
        continue;
      arm[n++] = study->mice[m].arm;
    }
  ob_dataset_set_n_rows (table, n);
  ob_dataset_add_numeric (table, "time", g_steal_pointer (&time));
  ob_dataset_add_numeric (table, "event", g_steal_pointer (&event));
  ob_dataset_add_categorical (table, "arm", g_steal_pointer (&arm), levels);

  surv.time_column = "time";
  surv.event_column = "event";
  surv.group_column = "arm";
  surv.reference = study->arm_names[study->control];
  return ob_surv_data_new (table, &surv, NULL, error);
}
