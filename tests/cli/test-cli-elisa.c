/* test-cli-elisa.c — `oncobench-cli elisa` as a user runs it, against R
 * (tests/reference/elisa-cli.R → elisa-cli.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-test-util.h"

static JsonParser *fixture;

/* Iterative fits agree with nls to its convergence tolerance. */
#define TOL 1e-5

static double
expected_double (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static CliResult *
run_with (const char         *file,
          JsonArray          *args,
          const char * const *extra)
{
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), file, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "elisa");
  g_ptr_array_add (argv, path);
  for (guint i = 0; args != NULL && i < json_array_get_length (args); i++)
    g_ptr_array_add (argv, (gpointer) json_array_get_string_element (args, i));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, NULL);
  return cli_runv ((const char * const *) argv->pdata);
}

static void
check_params (JsonObject *actual,
              JsonObject *expected,
              const char *name)
{
  static const char * const names[] = { "bottom", "top", "ec50", "hill", "asymmetry" };
  JsonArray *params = json_object_get_array_member (expected, "params");
  JsonArray *se = json_object_get_array_member (expected, "se");
  JsonObject *got = cli_get_object (actual, "params");
  JsonObject *got_se = cli_get_object (actual, "param_se");
  guint np = json_array_get_length (params);

  g_assert_cmpuint (json_object_get_size (got), ==, np);
  for (guint j = 0; j < np; j++)
    {
      g_autofree char *what = g_strdup_printf ("%s %s", name, names[j]);

      cli_assert_close (cli_get_double (got, names[j]),
                        json_array_get_double_element (params, j), TOL, what);
      cli_assert_close (cli_get_double (got_se, names[j]),
                        json_array_get_double_element (se, j), TOL, what);
    }
  cli_assert_close (cli_get_double (actual, "rss"), expected_double (expected, "rss"), TOL,
                    "rss");
  cli_assert_close (cli_get_double (actual, "lloq"), expected_double (expected, "lloq"), 1e-12,
                    "lloq");
  cli_assert_close (cli_get_double (actual, "uloq"), expected_double (expected, "uloq"), 1e-12,
                    "uloq");
}

static void
check_standards (JsonObject *actual,
                 JsonObject *expected)
{
  static const char * const members[] = { "conc", "mean_response", "back_calc",
                                          "recovery_pct" };
  JsonArray *got = cli_get_array (actual, "standards");
  JsonArray *want = json_object_get_array_member (expected, "standards");

  g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (want));
  for (guint i = 0; i < json_array_get_length (want); i++)
    for (guint k = 0; k < G_N_ELEMENTS (members); k++)
      cli_assert_close (cli_get_double (json_array_get_object_element (got, i), members[k]),
                        expected_double (json_array_get_object_element (want, i), members[k]),
                        TOL, members[k]);
}

static void
check_samples (JsonObject *actual,
               JsonObject *expected)
{
  static const char * const members[] = { "mean_response", "cv_pct", "conc", "conc_lower",
                                          "conc_upper" };
  JsonArray *got = cli_get_array (actual, "samples");
  JsonArray *want = json_object_get_array_member (expected, "samples");

  g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (want));
  for (guint i = 0; i < json_array_get_length (want); i++)
    {
      JsonObject *g = json_array_get_object_element (got, i);
      JsonObject *w = json_array_get_object_element (want, i);
      JsonArray *flags = cli_get_array (g, "flags");
      JsonArray *want_flags = json_object_get_array_member (w, "flags");

      g_assert_cmpstr (cli_get_string (g, "id"), ==, json_object_get_string_member (w, "id"));
      g_assert_cmpint (cli_get_int (g, "n"), ==, json_object_get_int_member (w, "n"));
      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        cli_assert_close (cli_get_double (g, members[k]), expected_double (w, members[k]), TOL,
                          members[k]);
      g_assert_cmpuint (json_array_get_length (flags), ==, json_array_get_length (want_flags));
      for (guint k = 0; k < json_array_get_length (want_flags); k++)
        g_assert_cmpstr (json_array_get_string_element (flags, k), ==,
                         json_array_get_string_element (want_flags, k));
      /* Never extrapolated: a flagged range means no concentration. */
      if (json_array_get_length (want_flags) > 0
          && strchr (json_array_get_string_element (want_flags, 0), 'L') != NULL)
        g_assert_true (isnan (cli_get_double (g, "conc")));
    }
}

static void
check_case (gconstpointer data)
{
  JsonObject *item = (JsonObject *) data;
  g_autoptr(CliResult) result = run_with (json_object_get_string_member (item, "file"),
                                          json_object_get_array_member (item, "args"), NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char *name = json_object_get_string_member (item, "name");

  g_assert_cmpstr (cli_get_string (root, "model"), ==,
                   json_array_get_length (json_object_get_array_member (item, "params")) == 5
                   ? "5pl" : "4pl");
  check_params (root, item, name);
  check_standards (root, item);
  check_samples (root, item);
  /* A 5PL comes with the 4PL it is weighed against: anova(fit4, fit5) and AIC(). */
  g_assert_cmpint (json_object_has_member (root, "versus_4pl"), ==,
                   json_object_has_member (item, "versus_4pl"));
  if (json_object_has_member (item, "versus_4pl"))
    {
      static const char * const members[] = { "f", "df1", "df2", "p", "aic_4pl", "aic_5pl" };
      JsonObject *got = cli_get_object (root, "versus_4pl");
      JsonObject *want = json_object_get_object_member (item, "versus_4pl");

      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        cli_assert_close (cli_get_double (got, members[k]), expected_double (want, members[k]),
                          1e-4, members[k]);
    }
}

static JsonObject *
find_case (const char *name)
{
  JsonArray *cases = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (fixture)), "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (item, "name"), name))
        return item;
    }
  g_error ("no case %s", name);
  return NULL;
}

/* One curve per plate: DNase's eleven runs, the first of which is the --run 1 case. */
static void
test_plates (void)
{
  static const char * const extra[] = { "--response", "density", "--plate", "RUN", NULL };
  JsonObject *item = find_case ("dnase-run1");
  g_autoptr(CliResult) result = run_with ("data/samples/dnase.csv", NULL, extra);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *plates = cli_get_array (root, "plates");
  JsonObject *first = NULL;

  g_assert_cmpuint (json_array_get_length (plates), ==, 11);
  for (guint i = 0; i < json_array_get_length (plates); i++)
    {
      JsonObject *plate = json_array_get_object_element (plates, i);

      if (g_str_equal (cli_get_string (plate, "plate"), "1"))
        first = plate;
    }
  g_assert_nonnull (first);
  check_params (first, item, "plate 1");
  check_standards (first, item);
}

static void
test_cv_limit (void)
{
  static const char * const extra[] = { "--cv-limit", "5", NULL };
  g_autoptr(CliResult) result = run_with ("data/samples/elisa-plate.csv", NULL, extra);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonArray *samples = cli_get_array (json_node_get_object (json_parser_get_root (parser)),
                                      "samples");
  guint flagged = 0;

  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *s = json_array_get_object_element (samples, i);
      JsonArray *flags = cli_get_array (s, "flags");
      gboolean high = cli_get_double (s, "cv_pct") > 5;

      g_assert_cmpuint (json_array_get_length (flags), ==, high ? 1 : 0);
      if (high)
        {
          g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "CV > 5%");
          flagged++;
        }
    }
  g_assert_cmpuint (flagged, >, 0);
}

static void
test_other_models (void)
{
  static const char * const models[] = { "linear", "loglog", "p2p" };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      const char * const extra[] = { "--model", models[i], NULL };
      g_autoptr(CliResult) result = run_with ("data/samples/elisa-plate.csv", NULL, extra);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));

      g_assert_cmpstr (cli_get_string (root, "model"), ==, models[i]);
      g_assert_cmpuint (json_array_get_length (cli_get_array (root, "samples")), ==, 7);
    }
}

static void
test_errors (void)
{
  static const struct
  {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "--model", "6pl", NULL }, "6pl" },
    { { "--weight", "1/x", NULL }, "1/x" },
    { { "--response", "od", NULL }, "“od”" },
    { { "--cv-limit", "-1", NULL }, "--cv-limit" },
    { { "--where", "type=blank", NULL }, "standard" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliResult) result = run_with ("data/samples/elisa-plate.csv", NULL,
                                              cases[i].args);
      g_autofree char *line = NULL;

      g_assert_cmpint (result->exit_status, !=, 0);
      line = cli_result_error_line (result);
      if (strstr (line, cases[i].message) == NULL)
        g_error ("“%s” does not mention %s", line, cases[i].message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonArray *cases;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "reference", "elisa-cli.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s: %s", path, error->message);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (fixture)),
                                        "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      g_autofree char *test_path = g_strdup_printf ("/cli/elisa/%s",
                                                    json_object_get_string_member (item,
                                                                                   "name"));

      g_test_add_data_func (test_path, item, check_case);
    }
  g_test_add_func ("/cli/elisa/plates", test_plates);
  g_test_add_func ("/cli/elisa/cv-limit", test_cv_limit);
  g_test_add_func ("/cli/elisa/other-models", test_other_models);
  g_test_add_func ("/cli/elisa/errors", test_errors);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
