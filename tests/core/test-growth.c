/* test-growth.c — tumour growth statistics against R (tests/reference/growth.R → growth.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ob-csv-reader.h"
#include "ob-growth.h"
#include "ob-logrank.h"

static JsonParser *fixture;

static JsonObject *
root (void)
{
  return json_node_get_object (json_parser_get_root (fixture));
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static void
assert_close (double      actual,
              double      expected,
              double      rel_tol,
              const char *what)
{
  double scale = MAX (fabs (expected), 1e-300);

  if (isnan (expected) && isnan (actual))
    return;
  if (!(fabs (actual - expected) <= rel_tol * scale))
    g_error ("%s: got %.17g, expected %.17g (relative error %.3g)", what, actual, expected,
             fabs (actual - expected) / scale);
}

static ObDataset *
load_sample (const char *name)
{
  const char *source = g_getenv ("OB_SOURCE_DIR");
  g_autofree char *path = source != NULL
                          ? g_build_filename (source, "data", "samples", name, NULL)
                          : g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name,
                                                   NULL);
  g_autoptr(GError) error = NULL;
  ObDataset *dataset = ob_csv_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static ObGrowthStudy *
xenograft_study (const ObDataset *dataset,
                 ObGrowthFormula  formula)
{
  ObGrowthSpec spec;
  g_autoptr(GError) error = NULL;
  ObGrowthStudy *study;

  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.time_column = "day";
  spec.length_column = "length_mm";
  spec.width_column = "width_mm";
  spec.formula = formula;
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  return study;
}

/* Every row of the fixture array `member` has its arm-day row in rows, with equal values;
 * and rows holds nothing else.  scale multiplies the expected means, SDs and medians. */
static void
check_summary (const ObGrowthStudy  *study,
               const ObGrowthArmDay *rows,
               gsize                 n_rows,
               const char           *member,
               double                scale)
{
  JsonArray *expected = json_object_get_array_member (root (), member);

  g_assert_cmpuint (n_rows, ==, json_array_get_length (expected));
  for (guint i = 0; i < n_rows; i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const ObGrowthArmDay *r = &rows[i];
      g_autofree char *what = g_strdup_printf ("%s %s day %g", member,
                                               study->arm_names[r->arm], r->time);

      g_assert_cmpstr (study->arm_names[r->arm], ==, json_object_get_string_member (e, "group"));
      g_assert_cmpfloat (r->time, ==, member_double (e, "time"));
      g_assert_cmpuint (r->n, ==, json_object_get_int_member (e, "n"));
      if (json_object_has_member (e, "n_censored"))
        g_assert_cmpuint (r->n_censored, ==, json_object_get_int_member (e, "n_censored"));
      assert_close (r->mean, scale * member_double (e, "mean"), 1e-9, what);
      assert_close (r->sd, scale * member_double (e, "sd"), 1e-9, what);
      assert_close (r->sem, scale * member_double (e, "sem"), 1e-9, what);
      assert_close (r->median, scale * member_double (e, "median"), 1e-9, what);
      if (r->n < 2)
        g_assert_true (isnan (r->sd) && isnan (r->sem));
    }
}

static void
test_summary (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  g_autofree ObGrowthArmDay *rows = NULL;
  g_autofree ObGrowthArmDay *relative = NULL;
  gsize n_rows, n_relative;

  g_assert_cmpuint (study->n_arms, ==, 4);
  g_assert_cmpstr (study->arm_names[study->control], ==,
                   json_object_get_string_member (root (), "control"));
  g_assert_cmpuint (study->n_mice, ==, 32);
  g_assert_cmpuint (study->n_obs, ==, 285);
  rows = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_rows);
  check_summary (study, rows, n_rows, "summary", 1);
  relative = ob_growth_summarise (study, OB_GROWTH_RELATIVE_VOLUME, &n_relative);
  check_summary (study, relative, n_relative, "relative", 1);
}

/* π/6 · L · W² is the half-ellipsoid volume times π/3, so every summary scales by π/3. */
static void
test_formula (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_ELLIPSOID);
  g_autofree ObGrowthArmDay *rows = NULL;
  gsize n_rows;

  rows = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_rows);
  check_summary (study, rows, n_rows, "summary", G_PI / 3);
}

static void
check_tgi (const ObGrowthStudy *study,
           const ObGrowthTgi   *tgi,
           const char          *member)
{
  JsonObject *e = json_object_get_object_member (root (), member);
  JsonArray *groups = json_object_get_array_member (e, "groups");

  g_assert_cmpfloat (tgi->time, ==, member_double (e, "time"));
  g_assert_cmpuint (tgi->n_arms, ==, json_array_get_length (groups));
  for (guint a = 0; a < tgi->n_arms; a++)
    {
      JsonObject *g = json_array_get_object_element (groups, a);

      g_assert_cmpstr (study->arm_names[tgi->arms[a].arm], ==,
                       json_object_get_string_member (g, "group"));
      assert_close (tgi->arms[a].tgi_pct, member_double (g, "tgi_pct"), 1e-9, "tgi");
      assert_close (tgi->arms[a].tc_pct, member_double (g, "tc_pct"), 1e-9, "t/c");
    }
}

static void
test_tgi (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  g_autoptr(ObGrowthTgi) by_default = NULL;
  g_autoptr(ObGrowthTgi) day14 = NULL;
  g_autoptr(ObGrowthTgi) none = NULL;
  g_autoptr(GError) error = NULL;

  by_default = ob_growth_tgi (study, NAN, &error);
  g_assert_no_error (error);
  g_assert_true (by_default->default_time);
  check_tgi (study, by_default, "tgi_default");
  g_assert_nonnull (strstr (by_default->formula, "TGI"));

  day14 = ob_growth_tgi (study, 14, &error);
  g_assert_no_error (error);
  g_assert_false (day14->default_time);
  check_tgi (study, day14, "tgi_day14");

  none = ob_growth_tgi (study, 15, &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (none);
}

static JsonObject *
fixture_mouse (const char *id)
{
  JsonArray *mice = json_object_get_array_member (root (), "mice");

  for (guint i = 0; i < json_array_get_length (mice); i++)
    {
      JsonObject *m = json_array_get_object_element (mice, i);

      if (g_str_equal (json_object_get_string_member (m, "subject"), id))
        return m;
    }
  g_error ("no mouse %s in the fixture", id);
  return NULL;
}

static void
test_mrecist (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  g_autofree ObGrowthResponse *responses = ob_growth_mrecist (study, 10);

  for (guint m = 0; m < study->n_mice; m++)
    {
      JsonObject *e = fixture_mouse (study->mice[m].id);
      JsonNode *category = json_object_get_member (e, "category");

      g_assert_cmpstr (study->arm_names[study->mice[m].arm], ==,
                       json_object_get_string_member (e, "group"));
      assert_close (responses[m].best_response, member_double (e, "best_response"), 1e-9,
                    study->mice[m].id);
      assert_close (responses[m].best_avg_response, member_double (e, "best_avg_response"),
                    1e-9, study->mice[m].id);
      g_assert_cmpstr (ob_mrecist_to_string (responses[m].category), ==,
                       JSON_NODE_HOLDS_NULL (category) ? NULL : json_node_get_string (category));
    }
}

static void
test_rates (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  g_autoptr(ObGrowthRates) rates = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *anova = json_object_get_object_member (root (), "anova");
  JsonArray *vs = json_object_get_array_member (root (), "vs_control");

  rates = ob_growth_rates (study, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->n_used, ==, 32);
  for (guint m = 0; m < study->n_mice; m++)
    {
      JsonObject *e = fixture_mouse (study->mice[m].id);

      assert_close (rates->rate[m], member_double (e, "rate"), 1e-9, "rate");
      assert_close (rates->auc[m], member_double (e, "auc"), 1e-9, "auc");
    }
  assert_close (rates->f, member_double (anova, "F"), 1e-9, "F");
  assert_close (rates->df1, member_double (anova, "df1"), 1e-12, "df1");
  assert_close (rates->df2, member_double (anova, "df2"), 1e-12, "df2");
  assert_close (rates->p, member_double (anova, "p"), 1e-6, "p");
  g_assert_cmpuint (rates->n_vs_control, ==, json_array_get_length (vs));
  for (guint k = 0; k < rates->n_vs_control; k++)
    {
      JsonObject *e = json_array_get_object_element (vs, k);
      const ObGrowthRateTest *t = &rates->vs_control[k];

      g_assert_cmpstr (study->arm_names[t->arm], ==, json_object_get_string_member (e, "group"));
      assert_close (t->diff, member_double (e, "diff"), 1e-9, "diff");
      assert_close (t->se, member_double (e, "se"), 1e-9, "se");
      assert_close (t->t, member_double (e, "t"), 1e-9, "t");
      assert_close (t->df, member_double (e, "df"), 1e-12, "df");
      assert_close (t->p, member_double (e, "p"), 1e-6, "p");
      assert_close (t->p_adj, member_double (e, "p_adj"), 1e-6, "p_adj");
    }
}

static void
test_endpoint (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  JsonObject *e = json_object_get_object_member (root (), "endpoint");
  ObGrowthEndpointSpec spec = { .volume = member_double (e, "volume") };
  g_autoptr(ObSurvData) data = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  g_autoptr(GError) error = NULL;
  gsize events = 0;

  data = ob_growth_endpoint_data (study, dataset, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n, ==, 32);
  g_assert_cmpstr (data->group_names[data->reference], ==, "vehicle");
  for (gsize i = 0; i < data->n; i++)
    events += data->status[i];
  g_assert_cmpuint (events, ==, json_object_get_int_member (e, "events"));
  test = ob_surv_test (data, OB_SURV_TEST_LOGRANK, FALSE, &error);
  g_assert_no_error (error);
  assert_close (test->chisq, member_double (e, "chisq"), 1e-9, "chisq");
  g_assert_cmpuint (test->df, ==, json_object_get_int_member (e, "df"));
  assert_close (test->p, member_double (e, "p"), 1e-6, "p");
}

static void
test_bli (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("bli.csv");
  g_autoptr(ObGrowthStudy) study = NULL;
  g_autoptr(ObSurvData) data = NULL;
  g_autoptr(ObSurvTest) test = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree ObGrowthArmDay *rows = NULL;
  JsonObject *e = json_object_get_object_member (root (), "bli_endpoint");
  ObGrowthEndpointSpec endpoint = { .time_column = "death_day", .event_column = "event" };
  ObGrowthSpec spec;
  gsize n_rows, events = 0;

  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "group";
  spec.time_column = "day";
  spec.flux_column = "flux";
  spec.flux_background = member_double (root (), "bli_background");
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (study->has_flux);
  g_assert_false (study->has_volume);
  g_assert_cmpstr (study->arm_names[study->control], ==, "vehicle");
  rows = ob_growth_summarise (study, OB_GROWTH_LOG10_FLUX, &n_rows);
  check_summary (study, rows, n_rows, "bli_summary", 1);

  data = ob_growth_endpoint_data (study, dataset, &endpoint, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < data->n; i++)
    events += data->status[i];
  g_assert_cmpuint (events, ==, json_object_get_int_member (e, "events"));
  test = ob_surv_test (data, OB_SURV_TEST_LOGRANK, FALSE, &error);
  g_assert_no_error (error);
  assert_close (test->chisq, member_double (e, "chisq"), 1e-9, "chisq");
  assert_close (test->p, member_double (e, "p"), 1e-6, "p");
}

/* The same calipers as one row per mouse and one column per day give the same numbers. */
static void
test_wide (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "growth",
                                                 "xenograft-wide.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  g_autoptr(ObGrowthStudy) study = NULL;
  g_autoptr(ObGrowthTgi) tgi = NULL;
  g_autofree ObGrowthArmDay *rows = NULL;
  const char * const columns[] = { "day 0", "day 3", "day 7", "day 10", "day 14", "day 17",
                                   "day 21", "day 24", "day 28", NULL };
  ObGrowthSpec spec;
  gsize n_rows;

  g_assert_no_error (error);
  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.wide_columns = columns;
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (study->n_obs, ==, 285);
  rows = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_rows);
  check_summary (study, rows, n_rows, "summary", 1);
  tgi = ob_growth_tgi (study, NAN, &error);
  g_assert_no_error (error);
  check_tgi (study, tgi, "tgi_default");
}

/* A volume column with body weights: the same volumes, and weights and their % change as R. */
static void
test_weight (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "growth",
                                                 "xenograft-weight.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_file (path, NULL, &error);
  g_autoptr(ObGrowthStudy) study = NULL;
  g_autofree ObGrowthArmDay *volume = NULL;
  g_autofree ObGrowthArmDay *weight = NULL;
  g_autofree ObGrowthArmDay *change = NULL;
  ObGrowthSpec spec;
  gsize n_volume, n_weight, n_change;

  g_assert_no_error (error);
  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.time_column = "day";
  spec.volume_column = "volume";
  spec.weight_column = "weight_g";
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (study->has_weight);
  volume = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_volume);
  check_summary (study, volume, n_volume, "summary", 1);
  weight = ob_growth_summarise (study, OB_GROWTH_WEIGHT, &n_weight);
  check_summary (study, weight, n_weight, "weight", 1);
  change = ob_growth_summarise (study, OB_GROWTH_WEIGHT_CHANGE, &n_change);
  check_summary (study, change, n_change, "weight_change", 1);
}

static ObGrowthStudy *
study_from_text (const char  *text,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "mice.csv", NULL, NULL);
  ObGrowthSpec spec;

  g_assert_nonnull (dataset);
  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.time_column = "day";
  spec.volume_column = "volume";
  return ob_growth_study_new (dataset, &spec, NULL, error);
}

/* Mice numbered 1…10 stay numbers (10 after 9), and dates count as days from the first one. */
static void
test_numeric_ids_and_dates (void)
{
  static const char text[] = "mouse,arm,date,volume\n"
                             "9,vehicle,2024-03-01,100\n9,vehicle,2024-03-08,150\n"
                             "10,vehicle,2024-03-01,120\n10,vehicle,2024-03-08,170\n"
                             "2,drug,2024-03-01,110\n2,drug,2024-03-08,105\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObDataset) dataset = ob_csv_read_bytes (bytes, "dates.csv", NULL, &error);
  g_autoptr(ObGrowthStudy) study = NULL;
  ObGrowthSpec spec;

  g_assert_no_error (error);
  ob_growth_spec_init (&spec);
  spec.subject_column = "mouse";
  spec.group_column = "arm";
  spec.time_column = "date";
  spec.volume_column = "volume";
  study = ob_growth_study_new (dataset, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (study->n_days, ==, 2);
  g_assert_cmpfloat (study->days[0], ==, 0);
  g_assert_cmpfloat (study->days[1], ==, 7);
  g_assert_cmpuint (study->n_mice, ==, 3);
  g_assert_cmpstr (study->arm_names[study->control], ==, "vehicle");
  g_assert_cmpstr (study->mice[study->arm_first[study->control]].id, ==, "9");
  g_assert_cmpstr (study->mice[study->arm_first[study->control] + 1].id, ==, "10");
  g_assert_cmpfloat (study->mice[ob_growth_study_find_mouse (study, "10")].volume0, ==, 120);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObGrowthStudy) two_arms = NULL;
  g_autoptr(ObGrowthStudy) twice = NULL;

  two_arms = study_from_text ("mouse,arm,day,volume\n"
                              "A,vehicle,0,100\nB,vehicle,0,110\nA,drug,3,120\n", &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (two_arms);
  g_assert_nonnull (strstr (error->message, "“A”"));
  g_assert_nonnull (strstr (error->message, "row 1"));
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_clear_error (&error);

  twice = study_from_text ("mouse,arm,day,volume\n"
                           "A,vehicle,0,100\nA,vehicle,3,110\nB,drug,0,90\nA,vehicle,3,120\n",
                           &error);
  g_assert_error (error, OB_ERROR, OB_ERROR_INVALID_ARG);
  g_assert_null (twice);
  g_assert_nonnull (strstr (error->message, "twice on day 3"));
  g_assert_nonnull (strstr (error->message, "rows 2 and 4"));
}

/* Excluding a mouse removes it from every analysis: the arm's n drops on each of its days, and
 * the default TGI day no longer waits for it. */
static void
test_exclusion (void)
{
  g_autoptr(ObDataset) dataset = load_sample ("xenograft.csv");
  g_autoptr(ObGrowthStudy) study = xenograft_study (dataset, OB_GROWTH_FORMULA_HALF);
  g_autoptr(ObGrowthRates) rates = NULL;
  g_autofree ObGrowthArmDay *before = NULL;
  g_autofree ObGrowthArmDay *after = NULL;
  gsize n_before, n_after, shortest = G_MAXSIZE;
  guint vehicle = (guint) ob_growth_study_find_arm (study, "vehicle");
  guint gone = G_MAXUINT;

  /* The vehicle mouse that left first. */
  for (guint m = study->arm_first[vehicle]; m < study->arm_first[vehicle + 1]; m++)
    if (study->mice[m].n_obs < shortest)
      {
        shortest = study->mice[m].n_obs;
        gone = m;
      }
  g_assert_cmpuint (shortest, <, 9);
  before = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_before);
  study->excluded[gone] = 1;
  after = ob_growth_summarise (study, OB_GROWTH_VOLUME, &n_after);
  g_assert_cmpuint (n_before, ==, n_after);
  for (gsize i = 0; i < n_after; i++)
    {
      gboolean measured = FALSE;

      for (gsize k = 0; k < study->mice[gone].n_obs; k++)
        measured |= study->time[study->mice[gone].first + k] == after[i].time;
      g_assert_cmpuint (after[i].n + (after[i].arm == vehicle && measured), ==, before[i].n);
    }
  rates = ob_growth_rates (study, NULL);
  g_assert_cmpuint (rates->n_used, ==, 31);
  g_assert_cmpfloat (rates->df2, ==, 27);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "growth.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/core/growth/summary", test_summary);
  g_test_add_func ("/core/growth/formula", test_formula);
  g_test_add_func ("/core/growth/tgi", test_tgi);
  g_test_add_func ("/core/growth/mrecist", test_mrecist);
  g_test_add_func ("/core/growth/rates", test_rates);
  g_test_add_func ("/core/growth/endpoint", test_endpoint);
  g_test_add_func ("/core/growth/bli", test_bli);
  g_test_add_func ("/core/growth/wide", test_wide);
  g_test_add_func ("/core/growth/weight", test_weight);
  g_test_add_func ("/core/growth/numeric-ids-and-dates", test_numeric_ids_and_dates);
  g_test_add_func ("/core/growth/bad-input", test_bad_input);
  g_test_add_func ("/core/growth/exclusion", test_exclusion);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
