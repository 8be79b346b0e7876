/* test-surv-order.c — survival data from the cached time order equal those built afresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset keeps its rows sorted by time once, and a later filter or grouping only selects
 * from that order.  Any landmark takes the full path (sort and all), and a landmark far
 * below the first time changes no time, so each case is built both ways and compared field
 * by field, through a sequence of masks and specs that reuses and replaces the cached order.
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-surv-data.h"
#include "surv-test-util.h"

#define TINY_LANDMARK 1e-300

static void
assert_same (const ObSurvData *a,
             const ObSurvData *b)
{
  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpuint (a->n_groups, ==, b->n_groups);
  g_assert_cmpuint (a->reference, ==, b->reference);
  g_assert_cmpuint (a->p, ==, b->p);
  g_assert_cmpuint (a->n_excluded, ==, b->n_excluded);
  g_assert_cmpuint (a->exclusions->len, ==, b->exclusions->len);
  for (guint k = 0; k < a->exclusions->len; k++)
    g_assert_cmpstr (g_ptr_array_index (a->exclusions, k), ==,
                     g_ptr_array_index (b->exclusions, k));
  for (guint l = 0; l <= a->n_groups; l++)
    g_assert_cmpstr (a->group_names[l], ==, b->group_names[l]);
  for (guint t = 0; t <= a->p; t++)
    g_assert_cmpstr (a->term_names[t], ==, b->term_names[t]);
  g_assert_cmpuint (a->strata != NULL, ==, b->strata != NULL);
  for (gsize i = 0; i < a->n; i++)
    {
      g_assert_cmpfloat (a->time[i], ==, b->time[i]);
      g_assert_cmpuint (a->status[i], ==, b->status[i]);
      g_assert_cmpuint (a->group[i], ==, b->group[i]);
      g_assert_cmpuint (a->row_index[i], ==, b->row_index[i]);
      if (a->strata != NULL)
        g_assert_cmpuint (a->strata[i], ==, b->strata[i]);
      for (guint j = 0; j < a->p; j++)
        g_assert_cmpfloat (a->x[i * a->p + j], ==, b->x[i * b->p + j]);
    }
}

/* Builds spec on dataset with mask both ways; both must agree, on the data or on the error.
 * Returns the number of rows. */
static gsize
check_case (const ObDataset *dataset,
            ObSurvSpec       spec,
            const guint8    *mask)
{
  g_autoptr(GError) error_cached = NULL;
  g_autoptr(GError) error_full = NULL;
  g_autoptr(ObSurvData) cached = ob_surv_data_new (dataset, &spec, mask, &error_cached);
  g_autoptr(ObSurvData) full = NULL;
  ObSurvSpec full_spec = spec;

  full_spec.landmark = TINY_LANDMARK;
  full = ob_surv_data_new (dataset, &full_spec, mask, &error_full);
  if (full == NULL)
    {
      g_assert_null (cached);
      g_assert_nonnull (error_cached);
      g_assert_error (error_cached, error_full->domain, error_full->code);
      /* With no row left the full path's message names its landmark. */
      if (error_full->code != OB_ERROR_NO_DATA)
        g_assert_cmpstr (error_cached->message, ==, error_full->message);
      return 0;
    }
  g_assert_no_error (error_cached);
  assert_same (cached, full);
  return cached->n;
}

static void
test_lung_masks (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  gsize n_rows = ob_dataset_get_n_rows (lung);
  const ObColumn *status = ob_dataset_lookup_column (lung, "status");
  const ObColumn *sex = ob_dataset_lookup_column (lung, "sex");
  g_autofree guint8 *thirds = g_new (guint8, n_rows);
  g_autofree guint8 *censored = g_new (guint8, n_rows);
  g_autofree guint8 *women = g_new (guint8, n_rows);
  g_autofree guint8 *none = g_new0 (guint8, n_rows);
  const char * const covariates[] = { "age", "ph.karno", "ph.ecog", NULL };
  const char * const dead[] = { "2", NULL };
  ObSurvSpec by_sex = { .time_column = "time", .event_column = "status",
                        .group_column = "sex" };
  ObSurvSpec by_ecog = { .time_column = "time", .event_column = "status",
                         .group_column = "ph.ecog", .covariates = covariates };
  ObSurvSpec months = by_sex;
  ObSurvSpec with_values = by_ecog;
  ObSurvSpec stratified = by_sex;
  ObSurvSpec by_age = { .time_column = "age", .event_column = "status",
                        .group_column = "sex", .reference = "2" };

  for (gsize i = 0; i < n_rows; i++)
    {
      thirds[i] = i % 3 != 0;
      /* Only status 1 kept: R's default coding then reads 1 as the event. */
      censored[i] = status->num[i] == 1;
      women[i] = sex->num[i] == 2;
    }
  months.time_scale = 1 / 30.4375;
  with_values.event_values = dead;
  stratified.strata_column = "ph.ecog";

  g_assert_cmpuint (check_case (lung, by_sex, NULL), ==, n_rows);
  g_assert_cmpuint (check_case (lung, by_sex, thirds), >, 0);
  g_assert_cmpuint (check_case (lung, by_ecog, NULL), <, n_rows);   /* missing cells */
  g_assert_cmpuint (check_case (lung, by_ecog, thirds), >, 0);
  g_assert_cmpuint (check_case (lung, by_sex, censored), >, 0);
  g_assert_cmpuint (check_case (lung, by_sex, women), >, 0);
  g_assert_cmpuint (check_case (lung, by_sex, none), ==, 0);
  g_assert_cmpuint (check_case (lung, months, thirds), >, 0);
  g_assert_cmpuint (check_case (lung, with_values, women), >, 0);
  g_assert_cmpuint (check_case (lung, with_values, censored), >, 0);   /* no event kept */
  g_assert_cmpuint (check_case (lung, stratified, thirds), >, 0);
  g_assert_cmpuint (check_case (lung, by_age, thirds), >, 0);
  /* Back to the first order after others replaced it. */
  g_assert_cmpuint (check_case (lung, by_sex, women), >, 0);
}

/* A negative time outside the filter must not stop an analysis of the rest, and inside it
 * must be reported as before. */
static void
test_bad_time (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  double *time = g_new (double, 6);
  double *event = g_new (double, 6);
  double *arm = g_new (double, 6);
  const double times[] = { 5, 3, -1, 3, 8, 2 };
  const double events[] = { 1, 0, 1, 1, 0, 1 };
  guint8 without_bad[] = { 1, 1, 0, 1, 1, 1 };
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .group_column = "arm" };

  for (guint i = 0; i < 6; i++)
    {
      time[i] = times[i];
      event[i] = events[i];
      arm[i] = i % 2;
    }
  ob_dataset_set_n_rows (dataset, 6);
  ob_dataset_add_numeric (dataset, "t", time);
  ob_dataset_add_numeric (dataset, "e", event);
  ob_dataset_add_numeric (dataset, "arm", arm);
  g_assert_cmpuint (check_case (dataset, spec, without_bad), ==, 5);
  g_assert_cmpuint (check_case (dataset, spec, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/surv-order/lung-masks", test_lung_masks);
  g_test_add_func ("/core/surv-order/bad-time", test_bad_time);
  return g_test_run ();
}
