/* test-cli-growth.c — `oncobench-cli growth` as a user runs it, against R
 * (tests/reference/growth.R → growth.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

static JsonParser *fixture;

static JsonObject *
expected (void)
{
  return json_node_get_object (json_parser_get_root (fixture));
}

static double
expected_double (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static CliResult *
run_xenograft (const char *first_extra,
               ...) G_GNUC_NULL_TERMINATED;

static CliResult *
run_xenograft (const char *first_extra,
               ...)
{
  g_autofree char *path = cli_sample_path ("xenograft.csv");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "growth");
  g_ptr_array_add (argv, path);
  for (const char *a = "--subject=mouse\0--group=arm\0--time=day\0--length=length_mm\0"
                       "--width=width_mm\0"; *a != '\0'; a += strlen (a) + 1)
    g_ptr_array_add (argv, (gpointer) a);
  va_start (ap, first_extra);
  for (arg = first_extra; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return cli_runv ((const char * const *) argv->pdata);
}

/* The arm-day rows equal R's, in the same order; SD and SEM are null where n = 1. */
static void
check_rows (JsonArray  *got,
            JsonArray  *want,
            const char *what)
{
  g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (want));
  for (guint i = 0; i < json_array_get_length (want); i++)
    {
      JsonObject *g = json_array_get_object_element (got, i);
      JsonObject *w = json_array_get_object_element (want, i);
      g_autofree char *label = g_strdup_printf ("%s %s day %g", what,
                                                cli_get_string (w, "group"),
                                                expected_double (w, "time"));

      g_assert_cmpstr (cli_get_string (g, "group"), ==, cli_get_string (w, "group"));
      g_assert_cmpfloat (cli_get_double (g, "time"), ==, expected_double (w, "time"));
      g_assert_cmpint (cli_get_int (g, "n"), ==, cli_get_int (w, "n"));
      if (json_object_has_member (w, "n_censored"))
        g_assert_cmpint (cli_get_int (g, "n_censored"), ==, cli_get_int (w, "n_censored"));
      cli_assert_close (cli_get_double (g, "mean"), expected_double (w, "mean"), 1e-9, label);
      cli_assert_close (cli_get_double (g, "sd"), expected_double (w, "sd"), 1e-9, label);
      cli_assert_close (cli_get_double (g, "sem"), expected_double (w, "sem"), 1e-9, label);
      cli_assert_close (cli_get_double (g, "median"), expected_double (w, "median"), 1e-9,
                        label);
      if (cli_get_int (g, "n") == 1)
        {
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (g, "sd")));
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (g, "sem")));
        }
    }
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (cli_get_string (o, member), value) == 0)
        return o;
    }
  g_error ("no %s = %s", member, value);
  return NULL;
}

static void
test_xenograft (void)
{
  g_autoptr(CliResult) result = run_xenograft ("--endpoint", "1000", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *tgi = cli_get_object (root, "tgi");
  JsonObject *want_tgi = json_object_get_object_member (expected (), "tgi_default");
  JsonObject *rates = cli_get_object (root, "growth_rate");
  JsonObject *anova = cli_get_object (rates, "anova");
  JsonObject *want_anova = json_object_get_object_member (expected (), "anova");
  JsonArray *vs = cli_get_array (rates, "vs_control");
  JsonArray *want_vs = json_object_get_array_member (expected (), "vs_control");
  JsonArray *mice = json_object_get_array_member (expected (), "mice");
  JsonArray *subjects = cli_get_array (rates, "subjects");
  JsonArray *mrecist = cli_get_array (cli_get_object (root, "mrecist"), "subjects");
  JsonObject *endpoint = cli_get_object (root, "endpoint");
  JsonObject *logrank = cli_get_object (endpoint, "logrank");
  JsonObject *want_endpoint = json_object_get_object_member (expected (), "endpoint");

  g_assert_cmpstr (cli_get_string (root, "control"), ==, "vehicle");
  g_assert_cmpstr (cli_get_string (root, "volume_formula"), ==, "L * W^2 / 2");
  check_rows (cli_get_array (root, "summary"), json_object_get_array_member (expected (),
                                                                             "summary"),
              "summary");
  check_rows (cli_get_array (root, "relative_volume"),
              json_object_get_array_member (expected (), "relative"), "relative");

  cli_assert_close (cli_get_double (tgi, "time"), expected_double (want_tgi, "time"), 0, "day");
  g_assert_true (json_object_get_boolean_member (tgi, "default_time"));
  g_assert_nonnull (strstr (cli_get_string (tgi, "formula"), "TGI"));
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *w = json_array_get_object_element (
        json_object_get_array_member (want_tgi, "groups"), i);
      JsonObject *g = find_by (cli_get_array (tgi, "groups"), "group", cli_get_string (w, "group"));

      cli_assert_close (cli_get_double (g, "tgi_pct"), expected_double (w, "tgi_pct"), 1e-9,
                        "tgi");
      cli_assert_close (cli_get_double (g, "tc_pct"), expected_double (w, "tc_pct"), 1e-9,
                        "t/c");
    }

  g_assert_cmpuint (json_array_get_length (subjects), ==, json_array_get_length (mice));
  for (guint i = 0; i < json_array_get_length (mice); i++)
    {
      JsonObject *w = json_array_get_object_element (mice, i);
      const char *id = cli_get_string (w, "subject");
      JsonObject *g = find_by (subjects, "subject", id);
      JsonObject *r = find_by (mrecist, "subject", id);
      JsonNode *category = json_object_get_member (w, "category");

      g_assert_cmpstr (cli_get_string (g, "group"), ==, cli_get_string (w, "group"));
      cli_assert_close (cli_get_double (g, "rate"), expected_double (w, "rate"), 1e-9, id);
      cli_assert_close (cli_get_double (g, "auc"), expected_double (w, "auc"), 1e-9, id);
      cli_assert_close (cli_get_double (r, "best_response"), expected_double (w, "best_response"),
                        1e-9, id);
      cli_assert_close (cli_get_double (r, "best_avg_response"),
                        expected_double (w, "best_avg_response"), 1e-9, id);
      g_assert_cmpstr (json_object_get_string_member (r, "category"), ==,
                       JSON_NODE_HOLDS_NULL (category) ? NULL : json_node_get_string (category));
    }

  cli_assert_close (cli_get_double (anova, "F"), expected_double (want_anova, "F"), 1e-9, "F");
  cli_assert_close (cli_get_double (anova, "df1"), expected_double (want_anova, "df1"), 0, "df1");
  cli_assert_close (cli_get_double (anova, "df2"), expected_double (want_anova, "df2"), 0, "df2");
  cli_assert_close (cli_get_double (anova, "p"), expected_double (want_anova, "p"), 1e-6, "p");
  g_assert_cmpuint (json_array_get_length (vs), ==, json_array_get_length (want_vs));
  for (guint i = 0; i < json_array_get_length (want_vs); i++)
    {
      JsonObject *w = json_array_get_object_element (want_vs, i);
      JsonObject *g = json_array_get_object_element (vs, i);

      g_assert_cmpstr (cli_get_string (g, "group"), ==, cli_get_string (w, "group"));
      cli_assert_close (cli_get_double (g, "diff"), expected_double (w, "diff"), 1e-9, "diff");
      cli_assert_close (cli_get_double (g, "t"), expected_double (w, "t"), 1e-9, "t");
      cli_assert_close (cli_get_double (g, "p"), expected_double (w, "p"), 1e-6, "p");
      cli_assert_close (cli_get_double (g, "p_adj"), expected_double (w, "p_adj"), 1e-6, "p_adj");
    }

  cli_assert_close (cli_get_double (endpoint, "volume"), 1000, 0, "endpoint");
  g_assert_cmpint (cli_get_int (endpoint, "events"), ==, cli_get_int (want_endpoint, "events"));
  cli_assert_close (cli_get_double (logrank, "chisq"), expected_double (want_endpoint, "chisq"),
                    1e-9, "chisq");
  g_assert_cmpint (cli_get_int (logrank, "df"), ==, cli_get_int (want_endpoint, "df"));
  cli_assert_close (cli_get_double (logrank, "p"), expected_double (want_endpoint, "p"), 1e-6,
                    "p");
}

/* The mixed model on ln volume, vehicle as the reference, as nlme::lme fits it (REML). */
static void
test_mixed_model (void)
{
  g_autoptr(CliResult) result = run_xenograft ("--control", "vehicle", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *got = cli_get_object (json_node_get_object (json_parser_get_root (parser)),
                                    "mixed_model");
  JsonObject *want = json_object_get_object_member (expected (), "mixed_model");
  JsonArray *coef = cli_get_array (got, "coefficients");
  JsonArray *want_coef = json_object_get_array_member (want, "coefficients");
  JsonArray *anova = cli_get_array (got, "anova");
  JsonArray *want_anova = json_object_get_array_member (want, "anova");
  JsonObject *random = cli_get_object (got, "random");

  g_assert_cmpstr (cli_get_string (got, "method"), ==, "REML");
  g_assert_cmpint (cli_get_int (got, "n_observations"), ==, 285);
  g_assert_cmpuint (json_array_get_length (coef), ==, json_array_get_length (want_coef));
  for (guint i = 0; i < json_array_get_length (want_coef); i++)
    {
      JsonObject *g = json_array_get_object_element (coef, i);
      JsonObject *w = json_array_get_object_element (want_coef, i);
      const char *name = cli_get_string (w, "name");

      g_assert_cmpstr (cli_get_string (g, "name"), ==, name);
      cli_assert_close (cli_get_double (g, "estimate"), expected_double (w, "estimate"), 1e-4,
                        name);
      cli_assert_close (cli_get_double (g, "se"), expected_double (w, "se"), 1e-4, name);
      cli_assert_close (cli_get_double (g, "df"), expected_double (w, "df"), 0, name);
      cli_assert_close (cli_get_double (g, "t"), expected_double (w, "t"), 1e-4, name);
      cli_assert_close (cli_get_double (g, "p"), expected_double (w, "p"), 1e-3, name);
    }
  g_assert_cmpuint (json_array_get_length (anova), ==, json_array_get_length (want_anova));
  for (guint i = 0; i < json_array_get_length (want_anova); i++)
    {
      JsonObject *g = json_array_get_object_element (anova, i);
      JsonObject *w = json_array_get_object_element (want_anova, i);
      const char *term = cli_get_string (w, "term");

      g_assert_cmpstr (cli_get_string (g, "term"), ==, term);
      cli_assert_close (cli_get_double (g, "den_df"), expected_double (w, "den_df"), 0, term);
      cli_assert_close (cli_get_double (g, "F"), expected_double (w, "F"), 1e-4, term);
    }
  cli_assert_close (cli_get_double (random, "sigma"), expected_double (want, "sigma"), 1e-4,
                    "sigma");
  cli_assert_close (cli_get_double (random, "sd_intercept"), expected_double (want, "sd_intercept"),
                    1e-4, "sd_intercept");
  cli_assert_close (cli_get_double (random, "sd_slope"), expected_double (want, "sd_slope"), 1e-4,
                    "sd_slope");
  cli_assert_close (cli_get_double (got, "loglik"), expected_double (want, "loglik"), 1e-6,
                    "loglik");
}

/* The repeated-measures ANOVA sees only the mice measured on every day, and says so. */
static void
test_rm_anova (void)
{
  g_autoptr(CliResult) result = run_xenograft ("--control", "vehicle", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *got = cli_get_object (root, "rm_anova");
  JsonObject *want = json_object_get_object_member (expected (), "rm_anova");
  JsonArray *rows = cli_get_array (got, "rows");
  JsonArray *want_rows = json_object_get_array_member (want, "rows");
  JsonArray *warnings = cli_get_array (root, "warnings");
  gboolean caveat = FALSE;

  g_assert_cmpint (cli_get_int (got, "n_subjects"), ==, cli_get_int (want, "n_subjects"));
  g_assert_cmpuint (json_array_get_length (cli_get_array (got, "dropped_subjects")), ==,
                    cli_get_int (want, "dropped"));
  g_assert_cmpuint (json_array_get_length (rows), ==, json_array_get_length (want_rows));
  for (guint i = 0; i < json_array_get_length (want_rows); i++)
    {
      JsonObject *g = json_array_get_object_element (rows, i);
      JsonObject *w = json_array_get_object_element (want_rows, i);
      const char *term = cli_get_string (w, "term");

      g_assert_cmpstr (cli_get_string (g, "term"), ==, term);
      cli_assert_close (cli_get_double (g, "df"), expected_double (w, "df"), 0, term);
      cli_assert_close (cli_get_double (g, "ss"), expected_double (w, "ss"), 1e-9, term);
      cli_assert_close (cli_get_double (g, "F"), expected_double (w, "F"), 1e-9, term);
      cli_assert_close (cli_get_double (g, "p"), expected_double (w, "p"), 1e-6, term);
    }
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    caveat |= strstr (json_array_get_string_element (warnings, i), "mixed model") != NULL;
  g_assert_true (caveat);
}

static void
test_tgi_day (void)
{
  g_autoptr(CliResult) result = run_xenograft ("--tgi-day", "14", "--control", "vehicle", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *tgi = cli_get_object (json_node_get_object (json_parser_get_root (parser)), "tgi");
  JsonObject *want = json_object_get_object_member (expected (), "tgi_day14");
  JsonArray *groups = json_object_get_array_member (want, "groups");
  g_autoptr(CliResult) bad = run_xenograft ("--tgi-day", "15", NULL);
  g_autofree char *line = cli_result_error_line (bad);

  g_assert_false (json_object_get_boolean_member (tgi, "default_time"));
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *w = json_array_get_object_element (groups, i);
      JsonObject *g = find_by (cli_get_array (tgi, "groups"), "group", cli_get_string (w, "group"));

      cli_assert_close (cli_get_double (g, "tgi_pct"), expected_double (w, "tgi_pct"), 1e-9,
                        "tgi");
    }
  g_assert_cmpint (bad->exit_status, !=, 0);
  g_assert_nonnull (strstr (line, "day 15"));
}

static void
test_bli (void)
{
  g_autofree char *path = cli_sample_path ("bli.csv");
  g_autoptr(CliResult) result = cli_run ("growth", path, "--subject", "mouse", "--group", "group",
                                         "--time", "day", "--flux", "flux", "--background",
                                         "1e5", "--endpoint-time", "death_day",
                                         "--endpoint-event", "event", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *flux = cli_get_object (root, "flux");
  JsonObject *logrank = cli_get_object (cli_get_object (root, "endpoint"), "logrank");
  JsonObject *want = json_object_get_object_member (expected (), "bli_endpoint");

  g_assert_false (json_object_has_member (root, "summary"));
  check_rows (cli_get_array (flux, "summary"),
              json_object_get_array_member (expected (), "bli_summary"), "flux");
  g_assert_cmpint (cli_get_int (cli_get_object (root, "endpoint"), "events"), ==,
                   cli_get_int (want, "events"));
  cli_assert_close (cli_get_double (logrank, "chisq"), expected_double (want, "chisq"), 1e-9,
                    "chisq");
  cli_assert_close (cli_get_double (logrank, "p"), expected_double (want, "p"), 1e-6, "p");
}

static void
test_weight (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "data",
                                            "growth", "xenograft-weight.csv", NULL);
  g_autoptr(CliResult) result = cli_run ("growth", path, "--subject", "mouse", "--group", "arm",
                                         "--time", "day", "--volume", "volume", "--weight",
                                         "weight_g", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  g_assert_false (json_object_has_member (root, "volume_formula"));
  check_rows (cli_get_array (root, "summary"),
              json_object_get_array_member (expected (), "summary"), "summary");
  check_rows (cli_get_array (root, "weight"),
              json_object_get_array_member (expected (), "weight"), "weight");
  check_rows (cli_get_array (root, "weight_change"),
              json_object_get_array_member (expected (), "weight_change"), "weight change");
}

/* The calipers as Prism keeps them, one column per day, give the same numbers. */
static void
test_wide (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "data",
                                            "growth", "xenograft-wide.csv", NULL);
  g_autoptr(CliResult) result = cli_run ("growth", path, "--subject", "mouse", "--group", "arm",
                                         "--wide", "day 0,day 3,day 7,day 10,day 14,day 17,"
                                         "day 21,day 24,day 28", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *want = json_object_get_object_member (expected (), "anova");
  g_autoptr(CliResult) both = cli_run ("growth", path, "--subject", "mouse", "--group", "arm",
                                       "--wide", "day 0,day 3", "--time", "day", NULL);
  g_autofree char *line = cli_result_error_line (both);

  check_rows (cli_get_array (root, "summary"),
              json_object_get_array_member (expected (), "summary"), "summary");
  cli_assert_close (cli_get_double (cli_get_object (cli_get_object (root, "growth_rate"), "anova"),
                                    "F"), expected_double (want, "F"), 1e-9, "F");
  g_assert_nonnull (strstr (line, "--wide"));
}

/* Two mice per arm, one measured once: no default TGI day, no rate for it, SD null at n = 1. */
static void
test_few (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "data",
                                            "growth", "few.csv", NULL);
  g_autoptr(CliResult) result = cli_run ("growth", path, "--subject", "mouse", "--group", "arm",
                                         "--time", "day", "--volume", "volume", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *summary = cli_get_array (root, "summary");
  JsonArray *warnings = cli_get_array (root, "warnings");
  guint n_singles = 0;
  gboolean tgi_warned = FALSE, rate_warned = FALSE;

  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (root, "tgi")));
  for (guint i = 0; i < json_array_get_length (summary); i++)
    {
      JsonObject *row = json_array_get_object_element (summary, i);

      if (cli_get_int (row, "n") == 1)
        {
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "sd")));
          g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (row, "sem")));
          n_singles++;
        }
    }
  g_assert_cmpuint (n_singles, ==, 2);
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      const char *w = json_array_get_string_element (warnings, i);

      tgi_warned |= strstr (w, "tumour growth inhibition") != NULL;
      rate_warned |= strstr (w, "2 mice have fewer than two days") != NULL;
    }
  g_assert_true (tgi_warned);
  g_assert_true (rate_warned);
}

static gboolean
is_png (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &data, &length, NULL) && length > 1000
         && memcmp (data, "\x89PNG", 4) == 0;
}

static void
test_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-growth-XXXXXX", &error);
  static const char * const charts[] = { "curves", "spaghetti", "waterfall", "endpoint" };
  g_autofree char *bli = cli_sample_path ("bli.csv");
  g_autofree char *flux_png = g_build_filename (dir, "flux.png", NULL);
  g_autoptr(CliResult) flux = NULL;
  g_autoptr(CliResult) no_weight = NULL;
  g_autoptr(CliResult) weight = NULL;
  g_autofree char *weight_csv = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "data",
                                                  "growth", "xenograft-weight.csv", NULL);
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.png", charts[i]);
      g_autofree char *png = g_build_filename (dir, name, NULL);
      g_autoptr(CliResult) result = run_xenograft ("--endpoint", "1000", "--chart", charts[i],
                                                   "--figure", png, "--dpi", "100", "--traces",
                                                   "--dosing", "0,14", NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);

      g_assert_cmpstr (cli_get_string (json_node_get_object (json_parser_get_root (parser)),
                                       "figure"), ==, png);
      g_assert_true (is_png (png));
      g_unlink (png);
    }

  flux = cli_run ("growth", bli, "--subject", "mouse", "--group", "group", "--time", "day",
                  "--flux", "flux", "--background", "1e5", "--chart", "flux", "--figure",
                  flux_png, "--dpi", "100", NULL);
  g_assert_cmpint (flux->exit_status, ==, 0);
  g_assert_true (is_png (flux_png));
  g_unlink (flux_png);

  weight = cli_run ("growth", weight_csv, "--subject", "mouse", "--group", "arm", "--time", "day",
                    "--volume", "volume", "--weight", "weight_g", "--chart", "weight", "--figure",
                    flux_png, "--dpi", "100", NULL);
  g_assert_cmpint (weight->exit_status, ==, 0);
  g_assert_true (is_png (flux_png));
  g_unlink (flux_png);

  no_weight = run_xenograft ("--chart", "weight", "--figure", flux_png, NULL);
  line = cli_result_error_line (no_weight);
  g_assert_cmpint (no_weight->exit_status, !=, 0);
  g_assert_nonnull (strstr (line, "--weight"));
  g_assert_false (g_file_test (flux_png, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_exclude (void)
{
  g_autoptr(CliResult) all = run_xenograft ("--control", "vehicle", NULL);
  g_autoptr(CliResult) fewer = run_xenograft ("--exclude", "M01,M02", NULL);
  g_autoptr(JsonParser) p_all = cli_result_parse (all);
  g_autoptr(JsonParser) p_fewer = cli_result_parse (fewer);
  JsonObject *r_all = json_node_get_object (json_parser_get_root (p_all));
  JsonObject *r_fewer = json_node_get_object (json_parser_get_root (p_fewer));
  JsonArray *excluded = cli_get_array (r_fewer, "excluded");
  JsonObject *day0_all = json_array_get_object_element (cli_get_array (r_all, "summary"), 0);
  JsonObject *vehicle0 = NULL;
  g_autoptr(CliResult) unknown = run_xenograft ("--exclude", "M99", NULL);
  g_autofree char *line = cli_result_error_line (unknown);

  g_assert_cmpuint (json_array_get_length (excluded), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (excluded, 0), ==, "M01");
  g_assert_cmpuint (json_array_get_length (cli_get_array (cli_get_object (r_fewer, "growth_rate"),
                                                          "subjects")), ==, 30);
  for (guint i = 0; i < json_array_get_length (cli_get_array (r_fewer, "summary")); i++)
    {
      JsonObject *row = json_array_get_object_element (cli_get_array (r_fewer, "summary"), i);

      if (g_str_equal (cli_get_string (row, "group"), "vehicle")
          && cli_get_double (row, "time") == 0)
        vehicle0 = row;
    }
  g_assert_nonnull (vehicle0);
  g_assert_cmpint (cli_get_int (vehicle0, "n"), ==, 6);
  g_assert_cmpint (cli_get_int (day0_all, "n"), ==, 8);
  g_assert_nonnull (strstr (line, "M99"));
}

/* --where keeps the rows of two arms: two arms, their 16 mice, and the control among them. */
static void
test_where (void)
{
  g_autoptr(CliResult) result = run_xenograft ("--where", "arm=vehicle", "--where",
                                               "arm=combination", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *groups = cli_get_array (root, "groups");
  JsonArray *vs = cli_get_array (cli_get_object (root, "growth_rate"), "vs_control");

  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  g_assert_cmpint (cli_get_int (root, "n_subjects"), ==, 16);
  g_assert_cmpstr (cli_get_string (root, "control"), ==, "vehicle");
  g_assert_cmpuint (json_array_get_length (vs), ==, 1);
  g_assert_cmpstr (cli_get_string (json_array_get_object_element (vs, 0), "group"), ==,
                   "combination");
}

static void
test_bad_input (void)
{
  g_autofree char *twice = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "data",
                                             "growth", "twice.csv", NULL);
  g_autoptr(CliResult) dup = cli_run ("growth", twice, "--subject", "mouse", "--group", "arm",
                                      "--time", "day", "--volume", "volume", NULL);
  g_autofree char *dup_line = cli_result_error_line (dup);
  g_autoptr(CliResult) no_subject = run_xenograft ("--subject", "", NULL);
  g_autoptr(CliResult) control = run_xenograft ("--control", "saline", NULL);
  g_autofree char *control_line = cli_result_error_line (control);
  g_autoptr(CliResult) both = run_xenograft ("--volume", "length_mm", NULL);
  g_autoptr(CliResult) two_endpoints = run_xenograft ("--endpoint", "1000", "--endpoint-time",
                                                      "day", "--endpoint-event", "day", NULL);
  g_autofree char *endpoint_line = cli_result_error_line (two_endpoints);
  g_autofree char *both_line = cli_result_error_line (both);

  g_assert_cmpint (dup->exit_status, !=, 0);
  g_assert_nonnull (strstr (dup_line, "twice.csv"));
  g_assert_nonnull (strstr (dup_line, "“A”"));
  g_assert_nonnull (strstr (dup_line, "rows 2 and 5"));
  g_assert_cmpint (no_subject->exit_status, !=, 0);
  g_assert_cmpint (control->exit_status, !=, 0);
  g_assert_nonnull (strstr (control_line, "saline"));
  g_assert_nonnull (strstr (control_line, "vehicle"));
  g_assert_cmpint (both->exit_status, !=, 0);
  g_assert_nonnull (strstr (both_line, "--volume"));
  g_assert_cmpint (two_endpoints->exit_status, !=, 0);
  g_assert_nonnull (strstr (endpoint_line, "--endpoint-time"));
}

/* Saved with --save-project, the analysis is made again by `render`. */
static void
test_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ob-growth-XXXXXX", &error);
  g_autofree char *project = g_build_filename (dir, "mice.oncobench", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(CliResult) save = run_xenograft ("--endpoint", "1000", "--log", "--traces",
                                             "--save-project", project, NULL);
  g_autoptr(CliResult) render = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_png = 0, n_json = 0;

  g_assert_no_error (error);
  g_assert_cmpint (save->exit_status, ==, 0);
  render = cli_run ("render", project, "--out", out, "--format", "png", NULL);
  g_assert_cmpint (render->exit_status, ==, 0);
  listing = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (out, name, NULL);

      if (g_str_has_suffix (name, ".png"))
        {
          g_assert_true (is_png (path));
          n_png++;
        }
      else if (g_str_has_suffix (name, ".json"))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          g_assert_true (json_parser_load_from_file (parser, path, &error));
          g_assert_true (json_object_has_member (
            json_node_get_object (json_parser_get_root (parser)), "tgi"));
          n_json++;
        }
      g_unlink (path);
    }
  g_assert_cmpuint (n_png, ==, 1);
  g_assert_cmpuint (n_json, ==, 1);
  g_rmdir (out);
  g_unlink (project);
  g_rmdir (dir);
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

  g_test_add_func ("/cli/growth/xenograft", test_xenograft);
  g_test_add_func ("/cli/growth/mixed-model", test_mixed_model);
  g_test_add_func ("/cli/growth/rm-anova", test_rm_anova);
  g_test_add_func ("/cli/growth/tgi-day", test_tgi_day);
  g_test_add_func ("/cli/growth/bli", test_bli);
  g_test_add_func ("/cli/growth/weight", test_weight);
  g_test_add_func ("/cli/growth/wide", test_wide);
  g_test_add_func ("/cli/growth/few", test_few);
  g_test_add_func ("/cli/growth/figures", test_figures);
  g_test_add_func ("/cli/growth/exclude", test_exclude);
  g_test_add_func ("/cli/growth/where", test_where);
  g_test_add_func ("/cli/growth/bad-input", test_bad_input);
  g_test_add_func ("/cli/growth/project", test_project);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
