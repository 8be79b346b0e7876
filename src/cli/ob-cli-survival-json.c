/* ob-cli-survival-json.c — the results of `oncobench-cli survival` as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-cli"

#include "config.h"

#include <math.h>

#include "ob-cli-common.h"
#include "ob-cli-survival-private.h"

static void
add_zph (JsonBuilder    *b,
         const ObCoxZph *zph)
{
  json_builder_set_member_name (b, "zph");
  json_builder_begin_array (b);
  for (guint i = 0; i < zph->n_terms; i++)
    {
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", zph->terms[i].name);
      ob_cli_json_add_double (b, "chisq", zph->terms[i].chisq);
      ob_cli_json_add_int (b, "df", zph->terms[i].df);
      ob_cli_json_add_double (b, "p", zph->terms[i].p);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_chisq (JsonBuilder   *b,
           const char    *member,
           const ObChisq *chisq)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "chisq", chisq->chisq);
  ob_cli_json_add_int (b, "df", chisq->df);
  ob_cli_json_add_double (b, "p", chisq->p);
  json_builder_end_object (b);
}

static void
write_step (ObCliJsonRow  *row,
            gsize          index,
            gconstpointer  user_data)
{
  const ObKmStep *step = &((const ObKmCurve *) user_data)->steps[index];

  ob_cli_json_row_double (row, "time", step->time);
  ob_cli_json_row_int (row, "n_risk", step->n_risk);
  ob_cli_json_row_int (row, "n_event", step->n_event);
  ob_cli_json_row_int (row, "n_censor", step->n_censor);
  ob_cli_json_row_double (row, "surv", step->surv);
  ob_cli_json_row_double (row, "std_err", step->std_err);
  ob_cli_json_row_double (row, "lower", step->lower);
  ob_cli_json_row_double (row, "upper", step->upper);
}

void
ob_cli_survival_add_curve (ObCliJson       *json,
                           const ObKmCurve *curve,
                           gboolean         steps,
                           const double    *times,
                           gsize            n_times,
                           double           tau)
{
  JsonBuilder *b = ob_cli_json_get_builder (json);

  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "name", curve->name);
  ob_cli_json_add_int (b, "n", curve->n);
  ob_cli_json_add_int (b, "events", curve->events);
  ob_cli_json_add_double (b, "median", curve->median);
  ob_cli_json_add_double (b, "median_lower", curve->median_lower);
  ob_cli_json_add_double (b, "median_upper", curve->median_upper);
  ob_cli_json_add_double (b, "q25", curve->q25);
  ob_cli_json_add_double (b, "q25_lower", curve->q25_lower);
  ob_cli_json_add_double (b, "q25_upper", curve->q25_upper);
  ob_cli_json_add_double (b, "q75", curve->q75);
  ob_cli_json_add_double (b, "q75_lower", curve->q75_lower);
  ob_cli_json_add_double (b, "q75_upper", curve->q75_upper);
  if (steps)
    ob_cli_json_add_rows (json, "steps", curve->n_steps, write_step, curve);

  json_builder_set_member_name (b, "surv_at");
  json_builder_begin_array (b);
  for (gsize i = 0; i < n_times; i++)
    {
      ObKmSurvAt at;

      ob_km_curve_surv_at (curve, times[i], &at);
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "time", times[i]);
      ob_cli_json_add_double (b, "surv", at.surv);
      ob_cli_json_add_double (b, "std_err", at.std_err);
      ob_cli_json_add_double (b, "lower", at.lower);
      ob_cli_json_add_double (b, "upper", at.upper);
      ob_cli_json_add_int (b, "n_risk", at.n_risk);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (!isnan (tau))
    {
      double rmst = NAN, se = NAN;
      double z = 1.959963984540054;   /* qnorm(0.975) */

      ob_km_curve_rmst (curve, tau, &rmst, &se);
      json_builder_set_member_name (b, "rmst");
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "tau", tau);
      ob_cli_json_add_double (b, "estimate", rmst);
      ob_cli_json_add_double (b, "se", se);
      ob_cli_json_add_double (b, "lower", rmst - z * se);
      ob_cli_json_add_double (b, "upper", rmst + z * se);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

void
ob_cli_survival_add_test (JsonBuilder      *b,
                          const ObSurvTest *test)
{
  json_builder_set_member_name (b, "test");
  if (test == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "method", ob_surv_test_method_to_string (test->method));
  ob_cli_json_add_string (b, "label", ob_surv_test_method_label (test->method));
  json_builder_set_member_name (b, "stratified");
  json_builder_add_boolean_value (b, test->stratified);
  ob_cli_json_add_double (b, "chisq", test->chisq);
  ob_cli_json_add_int (b, "df", test->df);
  ob_cli_json_add_double (b, "p", test->p);
  json_builder_set_member_name (b, "observed");
  json_builder_begin_array (b);
  for (guint g = 0; g < test->n_groups; g++)
    ob_cli_json_add_double_value (b, test->observed[g]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "expected");
  json_builder_begin_array (b);
  for (guint g = 0; g < test->n_groups; g++)
    ob_cli_json_add_double_value (b, test->expected[g]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Prism reports a hazard ratio per group against the reference by two methods. */
void
ob_cli_survival_add_prism_hazard_ratios (JsonBuilder      *b,
                                         const ObSurvData *data,
                                         const ObSurvTest *test)
{
  json_builder_set_member_name (b, "prism_hazard_ratios");
  json_builder_begin_array (b);
  for (guint g = 0; test != NULL && g < test->n_groups; g++)
    {
      if (g == data->reference)
        continue;
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", data->group_names[g]);
      ob_cli_json_add_string (b, "reference", data->group_names[data->reference]);
      json_builder_set_member_name (b, "logrank");
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "hr", test->hr_logrank[g]);
      ob_cli_json_add_double (b, "lower", test->hr_logrank_lower[g]);
      ob_cli_json_add_double (b, "upper", test->hr_logrank_upper[g]);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "mantel_haenszel");
      json_builder_begin_object (b);
      ob_cli_json_add_double (b, "hr", test->hr_mh[g]);
      ob_cli_json_add_double (b, "lower", test->hr_mh_lower[g]);
      ob_cli_json_add_double (b, "upper", test->hr_mh_upper[g]);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Each group's RMST minus the reference's, as survRM2 reports it. */
void
ob_cli_survival_add_rmst_differences (JsonBuilder      *b,
                                      const ObSurvData *data,
                                      const ObKmFit    *fit,
                                      double            tau)
{
  const ObKmCurve *reference = &fit->curves[data->reference];

  json_builder_set_member_name (b, "rmst_difference");
  json_builder_begin_array (b);
  for (guint g = 0; g < fit->n_curves; g++)
    {
      ObKmRmstDiff diff;

      if (g == data->reference)
        continue;
      ob_km_rmst_diff (&fit->curves[g], reference, tau, fit->conf_level, &diff);
      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "group", fit->curves[g].name);
      ob_cli_json_add_string (b, "reference", reference->name);
      ob_cli_json_add_double (b, "tau", tau);
      ob_cli_json_add_double (b, "difference", diff.diff);
      ob_cli_json_add_double (b, "se", diff.se);
      ob_cli_json_add_double (b, "lower", diff.lower);
      ob_cli_json_add_double (b, "upper", diff.upper);
      ob_cli_json_add_double (b, "p", diff.p);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
ob_cli_survival_add_cox (JsonBuilder    *b,
                         const ObCox    *cox,
                         const ObCoxZph *zph)
{
  json_builder_set_member_name (b, "cox");
  if (cox == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "terms");
  json_builder_begin_array (b);
  for (guint i = 0; i < cox->n_terms; i++)
    {
      const ObCoxTerm *t = &cox->terms[i];

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "name", t->name);
      ob_cli_json_add_double (b, "coef", t->coef);
      ob_cli_json_add_double (b, "se", t->se);
      ob_cli_json_add_double (b, "hr", t->hr);
      ob_cli_json_add_double (b, "hr_lower", t->hr_lower);
      ob_cli_json_add_double (b, "hr_upper", t->hr_upper);
      ob_cli_json_add_double (b, "z", t->z);
      ob_cli_json_add_double (b, "p", t->p);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_chisq (b, "lr", &cox->lr);
  add_chisq (b, "wald", &cox->wald);
  add_chisq (b, "score", &cox->score);
  ob_cli_json_add_string (b, "ties", ob_ties_to_string (cox->ties));
  json_builder_set_member_name (b, "firth");
  json_builder_add_boolean_value (b, cox->firth);
  json_builder_set_member_name (b, "converged");
  json_builder_add_boolean_value (b, cox->converged);
  ob_cli_json_add_int (b, "iterations", cox->iterations);
  ob_cli_json_add_double (b, "loglik_null", cox->loglik_null);
  ob_cli_json_add_double (b, "loglik", cox->loglik);
  ob_cli_json_add_int (b, "n", cox->n);
  ob_cli_json_add_int (b, "events", cox->events);
  ob_cli_json_add_string (b, "warning", cox->warning);
  if (zph != NULL)
    add_zph (b, zph);
  json_builder_end_object (b);
}

void
ob_cli_survival_add_pairwise (JsonBuilder      *b,
                              const ObSurvData *data,
                              const GArray     *pairs,
                              ObSurvTestMethod  method,
                              const char       *adjust)
{
  json_builder_set_member_name (b, "pairwise");
  json_builder_begin_object (b);
  ob_cli_json_add_string (b, "method", ob_surv_test_method_to_string (method));
  ob_cli_json_add_string (b, "adjust", adjust);
  json_builder_set_member_name (b, "comparisons");
  json_builder_begin_array (b);
  for (guint i = 0; i < pairs->len; i++)
    {
      const ObSurvPairwise *pair = &g_array_index (pairs, ObSurvPairwise, i);

      json_builder_begin_object (b);
      ob_cli_json_add_string (b, "a", data->group_names[pair->a]);
      ob_cli_json_add_string (b, "b", data->group_names[pair->b]);
      ob_cli_json_add_double (b, "chisq", pair->chisq);
      ob_cli_json_add_double (b, "p", pair->p);
      ob_cli_json_add_double (b, "p_adj", pair->p_adj);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

void
ob_cli_survival_add_followup (JsonBuilder       *b,
                              const ObSurvData  *data,
                              const ObKmOptions *km_options)
{
  double median = NAN, lower = NAN, upper = NAN;

  ob_km_median_followup (data, km_options, &median, &lower, &upper);
  json_builder_set_member_name (b, "followup");
  json_builder_begin_object (b);
  ob_cli_json_add_double (b, "median", median);
  ob_cli_json_add_double (b, "lower", lower);
  ob_cli_json_add_double (b, "upper", upper);
  json_builder_end_object (b);
}
