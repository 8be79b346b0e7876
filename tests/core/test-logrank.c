/* test-logrank.c — survival-curve tests against survdiff and the weighted log-rank formula
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include "ob-logrank.h"
#include "surv-test-util.h"

#define TOL 1e-6

typedef struct
{
  const char *name;
  const char *csv;        /* NULL: data written into the reference file under `data` */
  const char *data;
  const char *group;
  const char *strata;
  gboolean prism;         /* reference has hr.<name>.* */
} TestCase;

static const TestCase cases[] = {
  { "lung-sex", "lung.csv", NULL, "sex", NULL, TRUE },
  { "lung-ecog", "lung.csv", NULL, "ph.ecog", NULL, TRUE },
  { "veteran-trt", "veteran.csv", NULL, "trt", NULL, TRUE },
  { "veteran-celltype", "veteran.csv", NULL, "celltype", NULL, TRUE },
  { "aml-x", "aml.csv", NULL, "x", NULL, TRUE },
  { "edge", NULL, "edge", "group", NULL, FALSE },
  { "veteran-trt-strata", "veteran.csv", NULL, "trt", "celltype", TRUE },
  { "lung-sex-strata", "lung.csv", NULL, "sex", "ph.ecog", FALSE },
  { "sim", NULL, "sim", "group", NULL, TRUE },
  { "sim-strata", NULL, "sim", "group", "stratum", TRUE },
};

static ObSurvData *
case_data (const TestCase *tc)
{
  g_autoptr(ObDataset) dataset = tc->csv != NULL ? surv_test_load_csv (tc->csv)
                                                 : surv_test_reference_dataset (tc->data);
  const char *ones[] = { "1", NULL };
  ObSurvSpec spec = { .time_column = "time", .event_column = "status",
                      .group_column = tc->group, .strata_column = tc->strata };
  g_autoptr(GError) error = NULL;
  ObSurvData *data;

  if (tc->csv == NULL)
    spec.event_values = ones;
  data = ob_surv_data_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
check (const char *key,
       guint       index,
       double      got)
{
  g_autofree char *what = g_strdup_printf ("%s[%u]", key, index);

  surv_test_check (what, got, surv_test_ref1 (key, index), TOL);
}

static void
test_case (gconstpointer user_data)
{
  const TestCase *tc = user_data;
  g_autoptr(ObSurvData) data = case_data (tc);

  for (ObSurvTestMethod m = OB_SURV_TEST_LOGRANK; m <= OB_SURV_TEST_TARONE_WARE; m++)
    {
      g_autofree char *key = g_strdup_printf ("lr.%s.%s", tc->name,
                                              ob_surv_test_method_to_string (m));
      g_autofree char *k_chisq = g_strconcat (key, ".chisq", NULL);
      g_autofree char *k_df = g_strconcat (key, ".df", NULL);
      g_autofree char *k_p = g_strconcat (key, ".p", NULL);
      g_autofree char *k_obs = g_strconcat (key, ".observed", NULL);
      g_autofree char *k_exp = g_strconcat (key, ".expected", NULL);
      g_autofree char *k_score = g_strconcat (key, ".score", NULL);
      g_autofree char *k_var = g_strconcat (key, ".var", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ObSurvTest) test = ob_surv_test (data, m, tc->strata != NULL, &error);
      guint k;

      g_assert_no_error (error);
      k = test->n_groups;
      g_assert_cmpint (test->method, ==, m);
      g_assert_cmpint (test->stratified, ==, tc->strata != NULL);
      g_assert_cmpuint (k, ==, surv_test_ref (k_obs)->len);
      check (k_chisq, 0, test->chisq);
      g_assert_cmpuint (test->df, ==, (guint) surv_test_ref1 (k_df, 0));
      check (k_p, 0, test->p);
      for (guint a = 0; a < k; a++)
        {
          check (k_obs, a, test->observed[a]);
          check (k_exp, a, test->expected[a]);
          check (k_score, a, test->score[a]);
          for (guint b = 0; b < k; b++)
            /* R stores the matrix by column; it is symmetric, so the order does not matter */
            check (k_var, a * k + b, test->variance[a * k + b]);
        }

      if (tc->prism)
        {
          g_autofree char *k_lr = g_strdup_printf ("hr.%s.logrank", tc->name);
          g_autofree char *k_mh = g_strdup_printf ("hr.%s.mh", tc->name);

          for (guint a = 0; a < k; a++)
            {
              check (k_lr, 3 * a, test->hr_logrank[a]);
              check (k_lr, 3 * a + 1, test->hr_logrank_lower[a]);
              check (k_lr, 3 * a + 2, test->hr_logrank_upper[a]);
              check (k_mh, 3 * a, test->hr_mh[a]);
              check (k_mh, 3 * a + 1, test->hr_mh_lower[a]);
              check (k_mh, 3 * a + 2, test->hr_mh_upper[a]);
            }
        }
    }
}

static void
test_trend (void)
{
  g_autoptr(ObSurvData) lung = case_data (&cases[1]);
  g_autoptr(ObSurvData) veteran = case_data (&cases[3]);
  g_autoptr(GError) error = NULL;
  const GArray *scores = surv_test_ref ("trend.lung-ecog.scores");
  g_autoptr(ObSurvTest) a = ob_surv_test_trend (lung, NULL, &error);
  g_autoptr(ObSurvTest) b = NULL;
  g_autoptr(ObSurvTest) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (a->df, ==, 1);
  check ("trend.lung-ecog", 0, a->chisq);
  check ("trend.lung-ecog", 1, a->p);
  b = ob_surv_test_trend (lung, (const double *) scores->data, &error);
  g_assert_no_error (error);
  check ("trend.lung-ecog.custom", 0, b->chisq);
  check ("trend.lung-ecog.custom", 1, b->p);
  c = ob_surv_test_trend (veteran, NULL, &error);
  g_assert_no_error (error);
  check ("trend.veteran-celltype", 0, c->chisq);
  check ("trend.veteran-celltype", 1, c->p);
}

static void
test_pairwise (void)
{
  g_autoptr(ObSurvData) data = case_data (&cases[3]);
  const ObPAdjust adjust[] = { OB_P_ADJUST_HOLM, OB_P_ADJUST_BONFERRONI, OB_P_ADJUST_BH };
  const char *adjust_names[] = { "holm", "bonferroni", "BH" };

  for (ObSurvTestMethod m = OB_SURV_TEST_LOGRANK; m <= OB_SURV_TEST_PETO; m++)
    for (guint j = 0; j < G_N_ELEMENTS (adjust); j++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) pairs = ob_surv_test_pairwise (data, m, adjust[j], &error);
        g_autofree char *key = g_strdup_printf ("pairwise.veteran-celltype.%s",
                                                ob_surv_test_method_to_string (m));
        g_autofree char *k_chisq = g_strconcat (key, ".chisq", NULL);
        g_autofree char *k_p = g_strconcat (key, ".p", NULL);
        g_autofree char *k_adj = g_strconcat (key, ".", adjust_names[j], NULL);
        guint i = 0;

        g_assert_no_error (error);
        g_assert_cmpuint (pairs->len, ==, surv_test_ref (k_p)->len);
        for (guint a = 0; a < data->n_groups; a++)
          for (guint b = a + 1; b < data->n_groups; b++, i++)
            {
              const ObSurvPairwise *pair = &g_array_index (pairs, ObSurvPairwise, i);

              g_assert_cmpuint (pair->a, ==, a);
              g_assert_cmpuint (pair->b, ==, b);
              check (k_chisq, i, pair->chisq);
              check (k_p, i, pair->p);
              check (k_adj, i, pair->p_adj);
            }
      }
}

static void
test_p_adjust (void)
{
  const GArray *in = surv_test_ref ("padjust.in");
  const ObPAdjust adjust[] = { OB_P_ADJUST_HOLM, OB_P_ADJUST_BONFERRONI, OB_P_ADJUST_BH };
  const char *keys[] = { "padjust.holm", "padjust.bonferroni", "padjust.BH" };

  for (guint j = 0; j < G_N_ELEMENTS (adjust); j++)
    {
      g_autofree double *p = g_memdup2 (in->data, in->len * sizeof (double));

      ob_p_adjust (p, in->len, adjust[j]);
      for (guint i = 0; i < in->len; i++)
        check (keys[j], i, p[i]);
    }
}

static void
test_errors_and_names (void)
{
  g_autoptr(ObDataset) lung = surv_test_load_csv ("lung.csv");
  ObSurvSpec spec = { .time_column = "time", .event_column = "status" };
  g_autoptr(ObSurvData) single = ob_surv_data_new (lung, &spec, NULL, NULL);
  g_autoptr(ObSurvData) two = case_data (&cases[0]);
  g_autoptr(GError) error = NULL;
  ObSurvTestMethod m;

  g_assert_null (ob_surv_test (single, OB_SURV_TEST_LOGRANK, FALSE, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_null (ob_surv_test (two, OB_SURV_TEST_LOGRANK, TRUE, &error));
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_clear_error (&error);

  for (ObSurvTestMethod i = OB_SURV_TEST_LOGRANK; i <= OB_SURV_TEST_TARONE_WARE; i++)
    {
      g_assert_true (ob_surv_test_method_from_string (ob_surv_test_method_to_string (i), &m));
      g_assert_cmpint (m, ==, i);
      g_assert_cmpstr (ob_surv_test_method_label (i), !=, "");
    }
  g_assert_false (ob_surv_test_method_from_string ("fleming", &m));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  surv_test_load_reference ();
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = g_strdup_printf ("/core/logrank/r/%s", cases[c].name);
      g_test_add_data_func (path, &cases[c], test_case);
    }
  g_test_add_func ("/core/logrank/trend", test_trend);
  g_test_add_func ("/core/logrank/pairwise", test_pairwise);
  g_test_add_func ("/core/logrank/p-adjust", test_p_adjust);
  g_test_add_func ("/core/logrank/errors", test_errors_and_names);
  status = g_test_run ();
  surv_test_free_reference ();
  return status;
}
