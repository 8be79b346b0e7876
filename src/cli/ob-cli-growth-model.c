/* ob-cli-growth-model.c — the longitudinal tests of `oncobench-cli growth`: the mixed model on
 * ln volume (the main test of arm × day) and the repeated-measures ANOVA Prism users expect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ob-cli-growth-private.h"
#include "ob-lme.h"

/* Every observed volume of the mice kept, as codes the model takes: nothing carried forward. */
typedef struct
{
  gsize n;
  guint32 *subject;
  guint32 *arm;
  double *day;
  double *log_volume;
  double *volume;
} Observations;

static void
observations_clear (Observations *obs)
{
  g_free (obs->subject);
  g_free (obs->arm);
  g_free (obs->day);
  g_free (obs->log_volume);
  g_free (obs->volume);
}

static void
collect (const ObGrowthStudy *study,
         Observations        *obs)
{
  gsize size = MAX (study->n_obs, 1);

  obs->n = 0;
  obs->subject = g_new (guint32, size);
  obs->arm = g_new (guint32, size);
  obs->day = g_new (double, size);
  obs->log_volume = g_new (double, size);
  obs->volume = g_new (double, size);
  for (guint m = 0; m < study->n_mice; m++)
    {
      const ObGrowthMouse *mouse = &study->mice[m];

      if (study->excluded[m])
        continue;
      for (gsize i = mouse->first; i < mouse->first + mouse->n_obs; i++)
        if (study->volume[i] > 0)
          {
            obs->subject[obs->n] = m;
            obs->arm[obs->n] = mouse->arm;
            obs->day[obs->n] = study->time[i];
            obs->volume[obs->n] = study->volume[i];
            obs->log_volume[obs->n++] = log (study->volume[i]);
          }
    }
}

static void
add_mixed_model (JsonBuilder       *b,
                 const ObLmeResult *fit)
{
  json_builder_set_member_name (b, "mixed_model");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "model", "lme(log(volume) ~ arm * day, random = ~ day | subject)");
  ob_cli_json_add_string (b, "method", fit->method == OB_LME_REML ? "REML" : "ML");
  ob_cli_json_add_int (b, "n_observations", fit->n_obs);
  ob_cli_json_add_int (b, "n_subjects", fit->n_subjects);
  json_builder_set_member_name (b, "coefficients");
  json_builder_begin_array (b);
  for (guint j = 0; j < fit->n_coef; j++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", fit->coef[j].name);
      ob_cli_json_add_double (b, "estimate", fit->coef[j].estimate);
      ob_cli_json_add_double (b, "se", fit->coef[j].se);
      ob_cli_json_add_double (b, "df", fit->coef[j].df);
      ob_cli_json_add_double (b, "t", fit->coef[j].t);
      ob_cli_json_add_double (b, "p", fit->coef[j].p);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "anova");
  json_builder_begin_array (b);
  for (guint j = 0; j < fit->n_anova; j++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "term", fit->anova[j].name);
      ob_cli_json_add_int (b, "num_df", fit->anova[j].num_df);
      ob_cli_json_add_double (b, "den_df", fit->anova[j].den_df);
      ob_cli_json_add_double (b, "F", fit->anova[j].f);
      ob_cli_json_add_double (b, "p", fit->anova[j].p);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "random");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "sd_intercept", fit->sd_intercept);
  ob_cli_json_add_double (b, "sd_slope", fit->sd_slope);
  ob_cli_json_add_double (b, "corr", fit->corr);
  ob_cli_json_add_double (b, "sigma", fit->sigma);
  json_builder_end_object (b);
  ob_cli_json_add_double (b, "loglik", fit->loglik);
  ob_cli_json_add_double (b, "aic", fit->aic);
  ob_cli_json_add_double (b, "bic", fit->bic);
  json_builder_set_member_name (b, "interaction_lrt");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "statistic", fit->lrt_statistic);
  ob_cli_json_add_int (b, "df", fit->lrt_df);
  ob_cli_json_add_double (b, "p", fit->lrt_p);
  json_builder_end_object (b);
  ob_cli_json_add_string (b, "warning", fit->warning);
  json_builder_end_object (b);
}

static void
add_rm_anova (JsonBuilder         *b,
              const ObGrowthStudy *study,
              const ObRmAnova     *rm)
{
  json_builder_set_member_name (b, "rm_anova");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "model", "aov(volume ~ arm * factor(day) + "
                                      "Error(subject / factor(day)))");
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < G_N_ELEMENTS (rm->rows); r++)
    {
      const ObRmAnovaRow *row = &rm->rows[r];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "term", row->name);
      ob_cli_json_add_string (b, "stratum", row->stratum == 0 ? "between" : "within");
      ob_cli_json_add_double (b, "df", row->df);
      ob_cli_json_add_double (b, "ss", row->ss);
      ob_cli_json_add_double (b, "ms", row->ms);
      ob_cli_json_add_double (b, "F", row->f);
      ob_cli_json_add_double (b, "p", row->p);
      ob_cli_json_add_double (b, "p_gg", row->p_gg);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  ob_cli_json_add_double (b, "gg_epsilon", rm->gg_epsilon);
  ob_cli_json_add_int (b, "n_subjects", rm->n_subjects);
  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint d = 0; d < rm->n_days; d++)
    ob_cli_json_add_double_value (b, rm->days[d]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "dropped_subjects");
  json_builder_begin_array (b);
  for (guint k = 0; k < rm->n_dropped_subjects; k++)
    json_builder_add_string_value (b, study->mice[rm->dropped_subjects[k]].id);
  json_builder_end_array (b);
  ob_cli_json_add_string (b, "warning", rm->warning);
  json_builder_end_object (b);
}

/* A model that cannot be fitted (too few mice, no convergence) is reported as null with the
 * reason among the warnings; the other results stand. */
void
ob_cli_growth_add_models (JsonBuilder         *b,
                          const ObGrowthStudy *study,
                          GPtrArray           *warnings)
{
  Observations obs = { 0 };
  g_autoptr(ObLmeResult) fit = NULL;
  g_autoptr(ObRmAnova) rm = NULL;
  g_autoptr(GError) error = NULL;

  collect (study, &obs);
  fit = ob_lme_growth_fit (obs.subject, study->n_mice, obs.arm,
                           (const char * const *) study->arm_names, study->n_arms,
                           study->control, obs.day, obs.log_volume, obs.n, &error);
  if (fit != NULL)
    add_mixed_model (b, fit);
  else
    {
      json_builder_set_member_name (b, "mixed_model");
      json_builder_add_null_value (b);
      g_ptr_array_add (warnings, g_strdup_printf (_("Mixed model: %s"), error->message));
      g_clear_error (&error);
    }

  rm = ob_rm_anova_growth (obs.subject, study->n_mice, obs.arm, study->n_arms, obs.day,
                           obs.volume, obs.n, &error);
  if (rm != NULL)
    {
      add_rm_anova (b, study, rm);
      /* Prism users read this table first: say beside it that dropouts left it. */
      if (rm->n_dropped_subjects > 0 && rm->warning != NULL)
        g_ptr_array_add (warnings, g_strdup (rm->warning));
    }
  else
    {
      json_builder_set_member_name (b, "rm_anova");
      json_builder_add_null_value (b);
      g_ptr_array_add (warnings, g_strdup_printf (_("Repeated-measures ANOVA: %s"),
                                                  error->message));
    }
  observations_clear (&obs);
}
