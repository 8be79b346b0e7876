/* ob-growth-page-job.c: the growth page's analysis, run on a copy of its settings so that a
 * large study may be analysed in a thread
 *
 * The same steps as `oncobench-cli growth`, so that the page and a project re-made by
 * `oncobench-cli render` agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ob-growth-page-private.h"

void
ob_growth_job_free (ObGrowthJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->dataset, ob_dataset_unref);
  for (guint r = 0; r < OB_GROWTH_N_ROLES; r++)
    g_free (job->columns[r]);
  g_free (job->control);
  g_strfreev (job->excluded);
  g_free (job);
}

void
ob_growth_results_free (ObGrowthResults *results)
{
  if (results == NULL)
    return;
  g_clear_pointer (&results->study, ob_growth_study_free);
  g_clear_pointer (&results->tgi, ob_growth_tgi_free);
  g_clear_pointer (&results->rates, ob_growth_rates_free);
  g_clear_pointer (&results->responses, g_free);
  g_clear_pointer (&results->lme, ob_lme_result_free);
  g_clear_pointer (&results->rm, ob_rm_anova_free);
  g_clear_pointer (&results->logrank, ob_surv_test_free);
  g_clear_pointer (&results->km, ob_km_fit_free);
  g_clear_pointer (&results->endpoint, ob_surv_data_free);
  g_clear_pointer (&results->notes, g_ptr_array_unref);
  g_free (results);
}

/* Every observed volume of the mice kept: the models use all observed data, nothing carried
 * forward. */
static void
fit_models (ObGrowthResults *r)
{
  const ObGrowthStudy *study = r->study;
  gsize size = MAX (study->n_obs, 1), n = 0;
  g_autofree guint32 *subject = g_new (guint32, size);
  g_autofree guint32 *arm = g_new (guint32, size);
  g_autofree double *day = g_new (double, size);
  g_autofree double *log_volume = g_new (double, size);
  g_autofree double *volume = g_new (double, size);
  g_autoptr(GError) error = NULL;

  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];

      if (study->excluded[m])
        continue;
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        if (study->volume[i] > 0)
          {
            subject[n] = m;
            arm[n] = mouse->arm;
            day[n] = study->time[i];
            volume[n] = study->volume[i];
            log_volume[n++] = log (study->volume[i]);
          }
    }
  r->lme = ob_lme_growth_fit (subject, study->n_mice, arm,
                              (const char * const *) study->arm_names, study->n_arms,
                              study->control, day, log_volume, n, &error);
  if (r->lme == NULL)
    {
      g_ptr_array_add (r->notes, g_strdup_printf (_("Mixed model: %s"), error->message));
      g_clear_error (&error);
    }
  r->rm = ob_rm_anova_growth (subject, study->n_mice, arm, study->n_arms, day, volume, n,
                              &error);
  if (r->rm == NULL)
    g_ptr_array_add (r->notes, g_strdup_printf (_("Repeated-measures ANOVA: %s"),
                                                error->message));
}

static void
fit_endpoint (ObGrowthResults   *r,
              const ObGrowthJob *job)
{
  ObGrowthEndpointSpec spec = { 0 };
  ObKmOptions km;
  g_autoptr(GError) error = NULL;
  gsize events = 0;

  spec.volume = job->endpoint > 0 ? job->endpoint : 0;
  if (spec.volume <= 0)
    {
      spec.time_column = job->columns[OB_GROWTH_ROLE_ENDPOINT_TIME];
      spec.event_column = job->columns[OB_GROWTH_ROLE_ENDPOINT_EVENT];
      if (spec.time_column == NULL || spec.event_column == NULL)
        return;
    }
  else if (!r->study->has_volume)
    return;
  r->endpoint = ob_growth_endpoint_data (r->study, job->dataset, &spec, &error);
  ob_km_options_init (&km);
  if (r->endpoint != NULL)
    r->km = ob_km_fit (r->endpoint, &km, &error);
  if (r->km != NULL)
    {
      for (gsize i = 0; i < r->endpoint->n; i++)
        events += r->endpoint->status[i];
      if (r->endpoint->n_groups > 1 && events > 0)
        r->logrank = ob_surv_test (r->endpoint, OB_SURV_TEST_LOGRANK, FALSE, &error);
    }
  if (error != NULL)
    g_ptr_array_add (r->notes, g_strdup_printf (_("Time to endpoint: %s"), error->message));
}

ObGrowthResults *
ob_growth_job_run (const ObGrowthJob *job,
                   GError           **error)
{
  g_autoptr(ObGrowthResults) r = g_new0 (ObGrowthResults, 1);
  g_autoptr(GError) local_error = NULL;
  const GPtrArray *warnings;
  ObGrowthSpec spec;

  ob_growth_spec_init (&spec);
  spec.subject_column = job->columns[OB_GROWTH_ROLE_SUBJECT];
  spec.group_column = job->columns[OB_GROWTH_ROLE_GROUP];
  spec.time_column = job->columns[OB_GROWTH_ROLE_TIME];
  spec.volume_column = job->columns[OB_GROWTH_ROLE_VOLUME];
  if (spec.volume_column == NULL)
    {
      spec.length_column = job->columns[OB_GROWTH_ROLE_LENGTH];
      spec.width_column = job->columns[OB_GROWTH_ROLE_WIDTH];
    }
  spec.formula = job->formula;
  spec.weight_column = job->columns[OB_GROWTH_ROLE_WEIGHT];
  spec.flux_column = job->columns[OB_GROWTH_ROLE_FLUX];
  spec.flux_background = job->background;
  spec.control = job->control;

  if (spec.subject_column == NULL || spec.group_column == NULL || spec.time_column == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Choose the columns of the mouse, the arm and the day."));
      return NULL;
    }
  if (spec.volume_column == NULL && (spec.length_column == NULL || spec.width_column == NULL)
      && spec.weight_column == NULL && spec.flux_column == NULL)
    {
      g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                           _("Choose a column of tumour volumes, of caliper length and width, "
                             "of body weights or of bioluminescence flux."));
      return NULL;
    }
  if ((r->study = ob_growth_study_new (job->dataset, &spec, NULL, error)) == NULL)
    return NULL;
  r->notes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; job->excluded != NULL && job->excluded[i] != NULL; i++)
    {
      int m = ob_growth_study_find_mouse (r->study, job->excluded[i]);

      if (m >= 0)
        r->study->excluded[m] = 1;
    }

  warnings = ob_dataset_get_warnings (job->dataset);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (r->notes, g_strdup (g_ptr_array_index (warnings, i)));
  for (guint i = 0; i < r->study->warnings->len; i++)
    g_ptr_array_add (r->notes, g_strdup (g_ptr_array_index (r->study->warnings, i)));

  if (r->study->has_volume)
    {
      r->tgi = ob_growth_tgi (r->study, job->tgi_day, &local_error);
      if (r->tgi == NULL)
        {
          g_ptr_array_add (r->notes, g_strdup (local_error->message));
          g_clear_error (&local_error);
        }
      r->responses = ob_growth_mrecist (r->study, job->mrecist_start);
      r->rates = ob_growth_rates (r->study, &local_error);
      if (r->rates == NULL)
        {
          g_ptr_array_add (r->notes, g_strdup (local_error->message));
          g_clear_error (&local_error);
        }
      fit_models (r);
    }
  fit_endpoint (r, job);
  return g_steal_pointer (&r);
}
