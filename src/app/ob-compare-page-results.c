/* ob-compare-page-results.c: the compare page's computation, results panel and text copy
 *
 * The tests are those of `oncobench-cli compare`, with the same defaults and the same
 * direction of every difference, so the page and the command line always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-app"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ob-compare-page-private.h"
#include "ob-group-pairs.h"

/* An ID or a measurement picked as the group by mistake would ask for millions of pairs. */
#define MAX_GROUPS 200u

static const char * const test_names[OB_COMPARE_N_TESTS] = {
  "welch", "student", "paired", "mannwhitney", "anova", "welch-anova", "kruskal", "twoway",
};

static const char * const posthoc_names[] = { "tukey", "games-howell", "dunn", "sidak" };

const char *
ob_compare_test_to_string (ObCompareTest test)
{
  g_return_val_if_fail (test < OB_COMPARE_N_TESTS, NULL);
  return test_names[test];
}

gboolean
ob_compare_test_from_string (const char    *str,
                             ObCompareTest *out)
{
  for (guint i = 0; str != NULL && i < OB_COMPARE_N_TESTS; i++)
    if (g_ascii_strcasecmp (str, test_names[i]) == 0)
      {
        *out = (ObCompareTest) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ob_compare_test_is_two_group (ObCompareTest test)
{
  return test <= OB_COMPARE_MANN_WHITNEY;
}

ObCompareTest
ob_compare_default_test (guint    n_groups,
                         gboolean factor2)
{
  if (factor2)
    return OB_COMPARE_TWOWAY;
  return n_groups == 2 ? OB_COMPARE_WELCH : OB_COMPARE_ANOVA;
}

ObPosthoc
ob_compare_default_posthoc (ObCompareTest test)
{
  switch (test)
    {
    case OB_COMPARE_WELCH_ANOVA:
      return OB_POSTHOC_GAMES_HOWELL;
    case OB_COMPARE_KRUSKAL:
      return OB_POSTHOC_DUNN;
    case OB_COMPARE_TWOWAY:
      return OB_POSTHOC_SIDAK;
    default:
      return OB_POSTHOC_TUKEY;
    }
}

const char *
ob_compare_posthoc_to_string (ObPosthoc posthoc)
{
  g_return_val_if_fail ((guint) posthoc < G_N_ELEMENTS (posthoc_names), NULL);
  return posthoc_names[posthoc];
}

void
ob_compare_job_free (ObCompareJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->dataset, ob_dataset_unref);
  g_free (job->value_column);
  g_free (job->group_column);
  g_free (job->factor2_column);
  g_free (job->pair_a);
  g_free (job->pair_b);
  g_strfreev (job->where);
  g_free (job->id_column);
  g_free (job->flag_column);
  g_free (job->lower_column);
  g_free (job->upper_column);
  g_free (job);
}

void
ob_compare_results_free (ObCompareResults *results)
{
  if (results == NULL)
    return;
  g_clear_pointer (&results->data, ob_group_data_free);
  g_clear_pointer (&results->pair_data, ob_group_data_free);
  for (guint i = 0; i < results->n_groups; i++)
    g_free (results->groups[i].name);
  g_free (results->groups);
  g_free (results->pairs);
  g_free (results->method);
  g_free (results->value_column);
  g_free (results->group_column);
  g_free (results->factor2_column);
  g_strfreev (results->where);
  g_free (results->where_kept);
  g_free (results->lower);
  g_free (results->upper);
  g_free (results->n_below);
  g_free (results->n_above);
  g_free (results);
}

const ObGroupData *
ob_compare_results_figure_data (const ObCompareResults *results)
{
  return results->pair_data != NULL ? results->pair_data : results->data;
}

/* Computation */

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, OB_ERROR, OB_ERROR_INVALID_ARG, message);
  return FALSE;
}

static void
describe_group (ObCompareGroup *group,
                char           *name,
                const double   *x,
                gsize           n,
                double         *scratch)
{
  group->name = name;
  ob_describe (x, n, scratch, &group->desc);
  /* Reported for reading, never used to pick the test. */
  group->has_normality = ob_shapiro_wilk (x, n, &group->normality, NULL);
}

static void
describe_groups (ObCompareResults *results)
{
  const ObGroupData *data = results->data;
  gsize largest = 1;
  g_autofree double *scratch = NULL;
  g_autofree double *cell = NULL;

  for (guint g = 0; g < data->n_groups; g++)
    largest = MAX (largest, data->offsets[g + 1] - data->offsets[g]);
  scratch = g_new (double, largest);

  if (results->test == OB_COMPARE_TWOWAY)
    {
      cell = g_new (double, largest);
      results->groups = g_new0 (ObCompareGroup, data->n_groups * data->n_levels2);
      for (guint g = 0; g < data->n_groups; g++)
        for (guint l = 0; l < data->n_levels2; l++)
          {
            gsize n = 0;

            for (gsize i = data->offsets[g]; i < data->offsets[g + 1]; i++)
              if (data->factor2[i] == l)
                cell[n++] = data->values[i];
            if (n == 0)
              continue;
            describe_group (&results->groups[results->n_groups++],
                            g_strdup_printf ("%s / %s", data->group_names[g],
                                             data->factor2_names[l]),
                            cell, n, scratch);
          }
      return;
    }

  if (ob_compare_test_is_two_group (results->test))
    {
      results->groups = g_new0 (ObCompareGroup, 2);
      for (guint k = 0; k < 2; k++)
        {
          guint g = results->which[k];

          describe_group (&results->groups[results->n_groups++],
                          g_strdup (data->group_names[g]), data->values + data->offsets[g],
                          data->offsets[g + 1] - data->offsets[g], scratch);
        }
      return;
    }

  results->groups = g_new0 (ObCompareGroup, data->n_groups);
  for (guint g = 0; g < data->n_groups; g++)
    describe_group (&results->groups[results->n_groups++], g_strdup (data->group_names[g]),
                    data->values + data->offsets[g], data->offsets[g + 1] - data->offsets[g],
                    scratch);
}

static gboolean
pick_pair (const ObCompareJob *job,
           const ObGroupData  *data,
           guint              *which,
           GError            **error)
{
  const char *names[2] = { job->pair_a, job->pair_b };

  which[0] = 0;
  which[1] = 1;
  for (guint k = 0; k < 2; k++)
    {
      int g;

      if (names[k] == NULL)
        continue;
      g = ob_group_data_find (data, names[k]);
      if (g < 0)
        {
          g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                       _("There is no group “%s” with values"), names[k]);
          return FALSE;
        }
      which[k] = (guint) g;
    }
  if (which[0] == which[1])
    return fail (error, _("Choose two different groups to compare."));
  return TRUE;
}

static gboolean
run_two_group (ObCompareResults   *r,
               const ObCompareJob *job,
               GError            **error)
{
  const ObGroupData *data = r->data;
  const double *x, *y;
  g_autofree double *paired_x = NULL;
  g_autofree double *paired_y = NULL;
  gsize nx, ny;

  if (!pick_pair (job, data, r->which, error))
    return FALSE;
  x = data->values + data->offsets[r->which[0]];
  nx = data->offsets[r->which[0] + 1] - data->offsets[r->which[0]];
  y = data->values + data->offsets[r->which[1]];
  ny = data->offsets[r->which[1] + 1] - data->offsets[r->which[1]];
  /* Subjects are matched by their ID, not by where their rows happen to be. */
  if (r->test == OB_COMPARE_PAIRED && job->id_column != NULL)
    {
      if (!ob_group_data_pair_by_id (job->dataset, data, job->id_column, r->which, &paired_x,
                                     &paired_y, &r->n_paired, &r->n_unpaired, error))
        return FALSE;
      x = paired_x;
      y = paired_y;
      nx = ny = r->n_paired;
      r->by_id = TRUE;
    }

  if (r->test == OB_COMPARE_MANN_WHITNEY)
    {
      ObWilcoxTest w;

      if (!ob_wilcox_test (x, nx, y, ny, &w, error))
        return FALSE;
      r->method = g_strdup (w.exact ? _("Mann–Whitney U test (exact)")
                                    : _("Mann–Whitney U test (normal approximation with "
                                        "continuity and tie corrections)"));
      r->statistic = w.statistic;
      r->df = NAN;
      r->p = w.p;
      r->exact = w.exact;
    }
  else
    {
      ObTTestKind kind = r->test == OB_COMPARE_PAIRED ? OB_T_PAIRED
                         : r->test == OB_COMPARE_STUDENT ? OB_T_STUDENT : OB_T_WELCH;

      if (!ob_t_test (x, nx, y, ny, kind, 0.95, &r->t, error))
        return FALSE;
      r->method = g_strdup (r->test == OB_COMPARE_PAIRED
                            ? (r->by_id ? _("Paired t test (pairs by ID)")
                                        : _("Paired t test (pairs in row order)"))
                            : r->test == OB_COMPARE_STUDENT
                            ? _("Student’s t test (equal variances)") : _("Welch’s t test"));
      r->statistic = r->t.statistic;
      r->df = r->t.df;
      r->p = r->t.p;
    }

  r->pairs = g_new0 (ObPairwise, 1);
  r->pairs[0] = (ObPairwise) { .a = r->which[0], .b = r->which[1], .within = G_MAXUINT,
                               .diff = NAN, .rank_diff = NAN, .lower = NAN, .upper = NAN,
                               .statistic = r->statistic, .df = r->df, .p = r->p,
                               .p_adj = r->p };
  r->n_pairs = 1;
  r->figure_pair = r->pairs[0];
  if (data->n_groups > 2)
    {
      r->pair_data = ob_group_data_subset_pair (data, r->which);
      r->figure_pair.a = 0;
      r->figure_pair.b = 1;
    }
  return TRUE;
}

static gboolean
run_oneway (ObCompareResults *r,
            GError          **error)
{
  const ObGroupData *data = r->data;
  ObOnewayKind kind = r->test == OB_COMPARE_ANOVA ? OB_ONEWAY_ANOVA
                      : r->test == OB_COMPARE_WELCH_ANOVA ? OB_ONEWAY_WELCH : OB_ONEWAY_KRUSKAL;
  ObOneway oneway;

  if (r->posthoc == OB_POSTHOC_SIDAK)
    return fail (error, _("Šidák comparisons follow a two-way ANOVA; choose Tukey, "
                          "Games–Howell or Dunn."));
  if (!ob_oneway_test (data->values, data->offsets, data->n_groups, kind, &oneway, error))
    return FALSE;
  r->pairs = ob_posthoc_oneway (data->values, data->offsets, data->n_groups, r->posthoc,
                                &r->n_pairs, error);
  if (r->pairs == NULL)
    return FALSE;
  r->method = g_strdup (kind == OB_ONEWAY_ANOVA ? _("One-way ANOVA")
                        : kind == OB_ONEWAY_WELCH ? _("Welch’s ANOVA (unequal variances)")
                        : _("Kruskal–Wallis test (tie-corrected)"));
  r->statistic = oneway.statistic;
  r->df = oneway.df1;
  r->df2 = oneway.df2;
  r->p = oneway.p;
  r->has_posthoc = TRUE;
  return TRUE;
}

static gboolean
run_twoway (ObCompareResults *r,
            GError          **error)
{
  if (r->data->factor2 == NULL)
    return fail (error, _("A two-way ANOVA needs a second factor."));
  if (r->posthoc != OB_POSTHOC_SIDAK)
    return fail (error, _("After a two-way ANOVA the comparisons are Šidák’s."));
  if (!ob_anova_twoway (r->data, &r->twoway, error))
    return FALSE;
  r->pairs = ob_twoway_sidak (r->data, &r->twoway, &r->n_pairs, error);
  if (r->pairs == NULL)
    return FALSE;
  /* The headline test is the interaction: does the second factor act alike in every group? */
  r->method = g_strdup (_("Two-way ANOVA with interaction (type I sums of squares)"));
  r->statistic = r->twoway.interaction.statistic;
  r->df = r->twoway.interaction.df;
  r->df2 = r->twoway.residual.df;
  r->p = r->twoway.interaction.p;
  r->has_posthoc = TRUE;
  return TRUE;
}

ObCompareResults *
ob_compare_job_run (const ObCompareJob *job,
                    GError            **error)
{
  g_autoptr(ObCompareResults) r = g_new0 (ObCompareResults, 1);
  g_autofree guint8 *mask = NULL;
  g_autofree guint8 *flagged = NULL;
  gboolean ok;

  r->df2 = NAN;
  r->value_column = g_strdup (job->value_column);
  r->group_column = g_strdup (job->group_column);
  r->factor2_column = g_strdup (job->factor2_column);
  if (!ob_compare_job_mask (job, r, &mask, &flagged, error))
    return NULL;
  r->data = ob_group_data_new (job->dataset, job->value_column, job->group_column,
                               job->factor2_column, mask, error);
  if (r->data == NULL)
    return NULL;
  if (r->data->n_groups > MAX_GROUPS || r->data->n_levels2 > MAX_GROUPS)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_INVALID_ARG,
                   _("“%s” has %u different values: comparisons take at most %u groups; is it "
                     "the right column?"),
                   r->data->n_groups > MAX_GROUPS ? job->group_column : job->factor2_column,
                   MAX (r->data->n_groups, r->data->n_levels2), MAX_GROUPS);
      return NULL;
    }
  if (r->data->n_groups < 2)
    {
      g_set_error (error, OB_ERROR, OB_ERROR_NO_DATA,
                   _("“%s” holds a single group with values: a comparison needs two or more."),
                   job->group_column);
      return NULL;
    }

  r->test = job->test_chosen ? job->test
            : ob_compare_default_test (r->data->n_groups, r->data->factor2 != NULL);
  r->posthoc = job->posthoc_chosen ? job->posthoc : ob_compare_default_posthoc (r->test);
  if (r->data->factor2 != NULL && r->test != OB_COMPARE_TWOWAY)
    {
      fail (error, _("A second factor goes with a two-way ANOVA: set Second Factor to None "
                     "for this test."));
      return NULL;
    }

  if (ob_compare_test_is_two_group (r->test))
    ok = run_two_group (r, job, error);
  else if (r->test == OB_COMPARE_TWOWAY)
    ok = run_twoway (r, error);
  else
    ok = run_oneway (r, error);
  if (!ok)
    return NULL;
  describe_groups (r);
  ob_compare_results_limits (job, r, flagged);
  return g_steal_pointer (&r);
}
