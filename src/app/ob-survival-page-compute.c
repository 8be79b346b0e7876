/* ob-survival-page-compute.c: the survival page's computations, curves first, Cox after
 *
 * A change must show its curves within a frame.  The survival data, the Kaplan–Meier fit and
 * the test are what the figure draws, so they are computed and installed first; the Cox
 * model (the slow part on a large cohort, and the only one that grows with covariates)
 * follows in a thread and fills in its table and the figure's hazard ratios when it is ready.
 * A newer change cancels a stale model between its Newton steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include "ob-survival-page-private.h"

/* Smaller cohorts are fitted in the calling thread.  Lower than for the curves: a model
 * with covariates costs several times the curves of the same rows. */
#define THREAD_MIN_ROWS 20000

/* Helpers */

static ObCox *
fit_cox (const ObSurvData  *data,
         GCancellable      *cancellable,
         GError           **error)
{
  ObCoxOptions options;

  ob_cox_options_init (&options);
  options.cancellable = cancellable;
  return ob_cox_fit (data, &options, error);
}

static void
cox_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  const ObSurvivalResults *results = task_data;
  GError *error = NULL;
  ObCox *cox = fit_cox (results->data, cancellable, &error);

  if (cox == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cox, (GDestroyNotify) ob_cox_free);
}

static void
install_cox (ObSurvivalPage *self,
             ObCox          *cox,
             const GError   *error)
{
  ObSurvivalResults *results = self->results;
  guint n_group_terms = results->data->n_groups > 0 ? results->data->n_groups - 1 : 0;

  results->cox = cox;
  results->cox_pending = FALSE;
  if (cox == NULL)
    results->cox_error = g_strdup (error->message);

  /* The figure's hazard ratio is the unadjusted one; adjusted models belong in the table. */
  self->plot.cox = cox != NULL && cox->n_terms == n_group_terms ? cox : NULL;
  ob_survival_results_show (results, self->results_box);
  if (self->plot.cox != NULL)
    {
      /* The layout points into the figure's text, which now has hazard ratios. */
      g_clear_pointer (&self->layout, ob_km_layout_free);
      gtk_widget_queue_draw (GTK_WIDGET (self->plot_view));
    }
}

/* Signal callbacks */

static void
cox_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ObSurvivalPage *self = OB_SURVIVAL_PAGE (object);
  ObSurvivalResults *fitted = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ObCox *cox = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer change replaced these results; their own model is on its way. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->results != fitted)
    {
      g_clear_pointer (&cox, ob_cox_free);
      return;
    }
  g_clear_object (&self->cancellable);
  install_cox (self, cox, error);
}

/* Public */

ObSurvivalResults *
ob_survival_results_ref (ObSurvivalResults *results)
{
  g_atomic_ref_count_inc (&results->ref_count);
  return results;
}

void
ob_survival_results_free (ObSurvivalResults *results)
{
  if (results == NULL || !g_atomic_ref_count_dec (&results->ref_count))
    return;
  g_clear_pointer (&results->data, ob_surv_data_free);
  g_clear_pointer (&results->fit, ob_km_fit_free);
  g_clear_pointer (&results->test, ob_surv_test_free);
  g_clear_pointer (&results->cox, ob_cox_free);
  g_free (results->cox_error);
  g_free (results->test_error);
  g_free (results->time_unit);
  g_free (results);
}

void
ob_survival_job_free (ObSurvivalJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->dataset, ob_dataset_unref);
  g_free (job->time_column);
  g_free (job->event_column);
  g_free (job->group_column);
  g_strfreev (job->event_values);
  g_strfreev (job->covariates);
  g_free (job->mask);
  g_free (job->time_unit);
  g_free (job);
}

ObSurvivalResults *
ob_survival_job_run (const ObSurvivalJob *job,
                     GError             **error)
{
  g_autoptr(ObSurvivalResults) results = g_new0 (ObSurvivalResults, 1);
  g_autoptr(GError) local_error = NULL;
  ObSurvSpec spec = { 0 };
  ObKmOptions km_options;

  g_atomic_ref_count_init (&results->ref_count);
  spec.time_column = job->time_column;
  spec.event_column = job->event_column;
  spec.event_values = (const char * const *) job->event_values;
  spec.group_column = job->group_column;
  spec.covariates = (const char * const *) job->covariates;
  spec.landmark = job->landmark;

  results->n_rows = ob_dataset_get_n_rows (job->dataset);
  results->n_filtered = job->n_filtered;
  results->method = job->method;
  results->conventions = job->conventions;
  results->time_unit = g_strdup (job->time_unit);

  results->data = ob_surv_data_new (job->dataset, &spec, job->mask, error);
  if (results->data == NULL)
    return NULL;
  results->response_warning = ob_surv_data_response_warning (results->data, &spec);

  ob_km_options_init (&km_options);
  km_options.ci = job->ci;
  results->fit = ob_km_fit (results->data, &km_options, error);
  if (results->fit == NULL)
    return NULL;

  if (results->data->n_groups >= 2)
    {
      results->test = ob_surv_test (results->data, job->method, FALSE, &local_error);
      if (results->test == NULL)
        results->test_error = g_strdup (local_error->message);
      g_clear_error (&local_error);
    }
  results->cox_pending = results->data->p > 0;

  return g_steal_pointer (&results);
}

void
ob_survival_page_start_cox (ObSurvivalPage *self)
{
  g_autoptr(GTask) task = NULL;
  ObSurvivalResults *results = self->results;

  if (results == NULL || !results->cox_pending)
    return;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (ob_dataset_get_n_rows (self->dataset) < THREAD_MIN_ROWS || self->synchronous)
    {
      g_autoptr(GError) error = NULL;
      ObCox *cox = fit_cox (results->data, NULL, &error);

      install_cox (self, cox, error);
      return;
    }

  /* The page's cancellable, so that a newer change or the page's end stops the fit. */
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, cox_done_cb, NULL);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, ob_survival_results_ref (results),
                        (GDestroyNotify) ob_survival_results_free);
  g_task_run_in_thread (task, cox_thread);
}
