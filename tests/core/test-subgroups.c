/* test-subgroups.c — subgroup hazard ratios and interaction tests against R
 * (tests/reference/subgroups.R)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-subgroups.h"
#include "surv-test-util.h"

/* Cox fits are iterative. */
#define TOL 1e-5

static GHashTable *expected;

static void
load_expected (void)
{
  g_autofree char *path = g_build_filename (OB_SOURCE_DIR, "tests", "reference",
                                            "subgroups.out", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strstr (lines[i], " = ");

      if (eq != NULL)
        g_hash_table_insert (expected, g_strndup (lines[i], eq - lines[i]), g_strdup (eq + 3));
    }
}

static double
want (const char *prefix,
      const char *field)
{
  g_autofree char *key = g_strdup_printf ("%s.%s", prefix, field);
  const char *value = g_hash_table_lookup (expected, key);

  if (value == NULL)
    g_error ("%s is missing from subgroups.out", key);
  return strcmp (value, "NA") == 0 ? NAN : g_ascii_strtod (value, NULL);
}

static void
check_row (const char          *prefix,
           const ObSubgroupRow *row)
{
  g_autofree char *what = g_strdup_printf ("%s HR", prefix);

  g_assert_cmpuint (row->n, ==, (gsize) want (prefix, "n"));
  g_assert_cmpuint (row->events, ==, (gsize) want (prefix, "events"));
  g_assert_cmpuint (row->n_arm[0] + row->n_arm[1], ==, row->n);
  g_assert_cmpuint (row->events_arm[0] + row->events_arm[1], ==, row->events);
  surv_test_check (what, row->hr, want (prefix, "hr"), TOL);
  surv_test_check (what, row->hr_lower, want (prefix, "hr_lower"), TOL);
  surv_test_check (what, row->hr_upper, want (prefix, "hr_upper"), TOL);
  surv_test_check (what, row->p, want (prefix, "p"), TOL);
  /* a row without an estimate says why */
  g_assert_true (isnan (row->hr) == (row->reason != NULL));
}

static void
check_all (const char         *name,
           const ObSubgroups  *sg)
{
  g_autofree char *overall = g_strdup_printf ("%s.overall", name);

  check_row (overall, &sg->overall);
  for (guint i = 0; i < sg->n_rows; i++)
    {
      const ObSubgroupRow *row = &sg->rows[i];
      g_autofree char *prefix = g_strdup_printf ("%s.%s=%s", name, row->variable,
                                                 row->subgroup);

      check_row (prefix, row);
      g_assert_cmpstr (row->variable, ==, sg->interactions[row->block].variable);
    }
  for (guint b = 0; b < sg->n_interactions; b++)
    {
      const ObSubgroupInteraction *inter = &sg->interactions[b];
      g_autofree char *prefix = g_strdup_printf ("%s.%s.interaction", name, inter->variable);

      surv_test_check (prefix, inter->chisq, want (prefix, "chisq"), TOL);
      surv_test_check (prefix, inter->p, want (prefix, "p"), TOL);
      g_assert_cmpuint (inter->df, ==, (guint) want (prefix, "df"));
      g_assert_null (inter->reason);
    }
}

static ObSubgroups *
run (const char         *file,
     const char         *time,
     const char         *event,
     const char         *group,
     const char         *reference,
     const char * const *by)
{
  g_autoptr(ObDataset) dataset = surv_test_load_csv (file);
  g_autoptr(GError) error = NULL;
  ObSurvSpec spec = { 0 };
  ObSubgroups *sg;

  spec.time_column = time;
  spec.event_column = event;
  spec.group_column = group;
  spec.reference = reference;
  sg = ob_subgroups_new (dataset, &spec, by, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sg);
  return sg;
}

static void
test_alk (void)
{
  const char *by[] = { "sex", "stage", "line_of_therapy", NULL };
  g_autoptr(ObSubgroups) sg = run ("alk-cohort.csv", "pfs_months", "pfs_event", "tp53_status",
                                   "wild-type", by);

  g_assert_cmpstr (sg->arm_names[0], ==, "wild-type");
  g_assert_cmpstr (sg->arm_names[1], ==, "mutant");
  g_assert_cmpuint (sg->n_interactions, ==, 3);
  /* sex 2 + stage 5 + line 3 */
  g_assert_cmpuint (sg->n_rows, ==, 10);
  /* levels in sorted order, numbers by value */
  g_assert_cmpstr (sg->rows[0].subgroup, ==, "female");
  g_assert_cmpstr (sg->rows[7].subgroup, ==, "1");
  g_assert_cmpuint (sg->interactions[1].first_row, ==, 2);
  g_assert_cmpuint (sg->interactions[1].n_rows, ==, 5);
  check_all ("alk", sg);
}

static void
test_lung_one_arm (void)
{
  const char *by[] = { "ph.ecog", NULL };
  g_autoptr(ObSubgroups) sg = run ("lung.csv", "time", "status", "sex", "1", by);

  check_all ("lung", sg);
  /* ph.ecog 3 is one patient: no HR, and its interaction term is aliased (df 2, not 3) */
  g_assert_cmpstr (sg->rows[3].subgroup, ==, "3");
  g_assert_nonnull (sg->rows[3].reason);
  g_assert_cmpuint (sg->interactions[0].n, ==, 227);
}

static void
test_veteran (void)
{
  const char *by[] = { "celltype", "prior", NULL };
  g_autoptr(ObSubgroups) sg = run ("veteran.csv", "time", "status", "trt", "1", by);

  check_all ("veteran", sg);
}

static void
test_no_events (void)
{
  g_autoptr(ObDataset) dataset = ob_dataset_new ();
  const double time[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const double status[] = { 0, 0, 0, 0, 1, 1, 0, 1, 1, 0 };
  const double arm[] = { 0, 1, 0, 1, 0, 1, 0, 1, 1, 1 };
  const double by[] = { 1, 1, 1, 1, 2, 2, 2, 2, 3, 3 };
  const char *by_columns[] = { "by", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ObSubgroups) sg = NULL;
  ObSurvSpec spec = { .time_column = "t", .event_column = "e", .group_column = "arm" };

  ob_dataset_set_n_rows (dataset, G_N_ELEMENTS (time));
  ob_dataset_add_numeric (dataset, "t", g_memdup2 (time, sizeof time));
  ob_dataset_add_numeric (dataset, "e", g_memdup2 (status, sizeof status));
  ob_dataset_add_numeric (dataset, "arm", g_memdup2 (arm, sizeof arm));
  ob_dataset_add_numeric (dataset, "by", g_memdup2 (by, sizeof by));
  sg = ob_subgroups_new (dataset, &spec, by_columns, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sg->n_rows, ==, 3);
  /* by = 1: no events; by = 3: one arm only */
  g_assert_true (isnan (sg->rows[0].hr) && sg->rows[0].reason != NULL);
  g_assert_true (isfinite (sg->rows[1].hr) && sg->rows[1].reason == NULL);
  g_assert_true (isnan (sg->rows[2].hr) && sg->rows[2].reason != NULL);
  g_assert_cmpuint (sg->rows[2].n_arm[0], ==, 0);
  g_assert_cmpuint (sg->rows[2].n_arm[1], ==, 2);
}

static void
test_bad_input (void)
{
  g_autoptr(ObDataset) dataset = surv_test_load_csv ("veteran.csv");
  const char *by[] = { "prior", NULL };
  const char *missing[] = { "nonexistent", NULL };
  g_autoptr(GError) error = NULL;
  ObSurvSpec spec = { .time_column = "time", .event_column = "status",
                      .group_column = "celltype" };
  ObSubgroups *sg;

  /* four cell types are not two arms */
  sg = ob_subgroups_new (dataset, &spec, by, NULL, NULL, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (sg);
  g_clear_error (&error);

  spec.group_column = "trt";
  sg = ob_subgroups_new (dataset, &spec, missing, NULL, NULL, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (sg);
  g_clear_error (&error);

  sg = ob_subgroups_new (dataset, &spec, NULL, NULL, NULL, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (sg);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_expected ();
  g_test_add_func ("/core/subgroups/alk-tp53", test_alk);
  g_test_add_func ("/core/subgroups/lung-one-arm", test_lung_one_arm);
  g_test_add_func ("/core/subgroups/veteran", test_veteran);
  g_test_add_func ("/core/subgroups/no-events", test_no_events);
  g_test_add_func ("/core/subgroups/bad-input", test_bad_input);
  status = g_test_run ();
  g_hash_table_unref (expected);
  return status;
}
