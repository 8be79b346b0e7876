/* test-cli-survival.c — `oncobench-cli survival` against R's survival package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

#define REL_TOL 1e-6
/* Cox fits are iterative: R stops at its own tolerance. */
#define REL_TOL_ITERATIVE 1e-5

static void compare_node (JsonNode *actual, JsonNode *expected, const char *path, double tol);

static double
node_number (JsonNode   *node,
             const char *path)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  if (!JSON_NODE_HOLDS_VALUE (node))
    g_error ("%s: expected a number", path);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    default:
      g_error ("%s: expected a number", path);
    }
  return NAN;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* R's per-time columns against our array of step objects. */
static void
compare_columns (JsonArray  *actual_rows,
                 JsonObject *expected_columns,
                 const char *path,
                 double      tol)
{
  g_autoptr(GList) keys = json_object_get_members (expected_columns);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonArray *column = json_object_get_array_member (expected_columns, key);

      g_assert_nonnull (column);
      if (json_array_get_length (column) != json_array_get_length (actual_rows))
        g_error ("%s: %u rows, R has %u", path, json_array_get_length (actual_rows),
                 json_array_get_length (column));
      for (guint i = 0; i < json_array_get_length (column); i++)
        {
          JsonObject *row = json_array_get_object_element (actual_rows, i);
          g_autofree char *where = g_strdup_printf ("%s[%u].%s", path, i, key);

          if (!json_object_has_member (row, key))
            g_error ("%s: missing", where);
          compare_node (json_object_get_member (row, key), json_array_get_element (column, i),
                        where, tol);
        }
    }
}

static void
compare_object (JsonObject *actual,
                JsonObject *expected,
                const char *path,
                double      tol)
{
  g_autoptr(GList) keys = json_object_get_members (expected);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      double member_tol = g_str_equal (key, "cox") ? REL_TOL_ITERATIVE : tol;

      if (g_str_has_suffix (key, "_by_column"))
        {
          g_autofree char *name = g_strndup (key, strlen (key) - strlen ("_by_column"));

          if (!json_object_has_member (actual, name))
            g_error ("%s.%s: missing", path, name);
          compare_columns (json_object_get_array_member (actual, name),
                           json_object_get_object_member (expected, key), where, member_tol);
          continue;
        }
      if (!json_object_has_member (actual, key))
        g_error ("%s: missing", where);
      compare_node (json_object_get_member (actual, key), json_object_get_member (expected, key),
                    where, member_tol);
    }
}

static void
compare_node (JsonNode   *actual,
              JsonNode   *expected,
              const char *path,
              double      tol)
{
  if (JSON_NODE_HOLDS_NULL (expected))
    {
      if (!JSON_NODE_HOLDS_NULL (actual))
        g_error ("%s: expected null", path);
    }
  else if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      if (!JSON_NODE_HOLDS_OBJECT (actual))
        g_error ("%s: expected an object", path);
      compare_object (json_node_get_object (actual), json_node_get_object (expected), path,
                      tol);
    }
  else if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *a = JSON_NODE_HOLDS_ARRAY (actual) ? json_node_get_array (actual) : NULL;
      JsonArray *e = json_node_get_array (expected);

      if (a == NULL)
        g_error ("%s: expected an array", path);
      if (json_array_get_length (a) != json_array_get_length (e))
        g_error ("%s: %u elements, R has %u", path, json_array_get_length (a),
                 json_array_get_length (e));
      for (guint i = 0; i < json_array_get_length (e); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

          compare_node (json_array_get_element (a, i), json_array_get_element (e, i), where,
                        tol);
        }
    }
  else if (node_is_number (expected))
    {
      cli_assert_close (node_number (actual, path), node_number (expected, path), tol, path);
    }
  else if (json_node_get_value_type (expected) == G_TYPE_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (actual) ||
          json_node_get_value_type (actual) != G_TYPE_BOOLEAN ||
          json_node_get_boolean (actual) != json_node_get_boolean (expected))
        g_error ("%s: boolean differs", path);
    }
  else
    {
      if (!JSON_NODE_HOLDS_VALUE (actual) ||
          json_node_get_value_type (actual) != G_TYPE_STRING)
        g_error ("%s: expected a string", path);
      g_assert_cmpstr (json_node_get_string (actual), ==, json_node_get_string (expected));
    }
}

/* Each fixture holds cases computed by the R script of the same name. */
static const char * const fixtures[] = { "cli-survival.json", "survival-landmark.json",
                                         "survival-edge.json", "survival-exclude.json" };

static JsonParser *
load_fixture (guint which)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OB_SOURCE_DIR"), "tests", "reference",
                                            fixtures[which], NULL);
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return parser;
}

static void
test_survival_case (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data) & 0xffff;
  g_autoptr(JsonParser) fixture = load_fixture (GPOINTER_TO_UINT (data) >> 16);
  JsonArray *cases = json_node_get_array (json_parser_get_root (fixture));
  JsonObject *c = json_array_get_object_element (cases, index);
  JsonArray *args = json_object_get_array_member (c, "args");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(JsonParser) parser = NULL;

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      /* The input file is named relative to the source tree. */
      if (i == 1)
        g_ptr_array_add (argv, g_build_filename (g_getenv ("OB_SOURCE_DIR"), arg, NULL));
      else
        g_ptr_array_add (argv, g_strdup (arg));
    }
  g_ptr_array_add (argv, NULL);

  result = cli_runv ((const char * const *) argv->pdata);
  parser = cli_result_parse (result);
  compare_node (json_parser_get_root (parser), json_object_get_member (c, "expect"),
                json_object_get_string_member (c, "name"), REL_TOL);
}

/* Keys the output promises whatever the data. */
static void
test_survival_keys (void)
{
  g_autofree char *path = cli_sample_path ("aml.csv");
  g_autoptr(CliResult) result = cli_run ("survival", path, "--time", "time", "--event", "status",
                                         "--group", "x", "--times", "12", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  const char * const top[] = { "n", "events", "excluded", "groups", "test", "cox", NULL };
  const char * const group_keys[] = { "name", "n", "events", "median", "median_lower",
                                      "median_upper", "steps", "surv_at", NULL };
  const char * const step_keys[] = { "time", "n_risk", "n_event", "n_censor", "surv",
                                     "std_err", "lower", "upper", NULL };
  const char * const at_keys[] = { "time", "surv", "lower", "upper", "n_risk", NULL };
  const char * const test_keys[] = { "method", "chisq", "df", "p", NULL };
  const char * const term_keys[] = { "name", "coef", "se", "hr", "hr_lower", "hr_upper", "z",
                                     "p", NULL };
  const char * const cox_keys[] = { "terms", "lr", "wald", "score", "ties", "converged", NULL };
  JsonArray *groups;
  JsonObject *group;
  JsonObject *cox;

  for (guint i = 0; top[i] != NULL; i++)
    g_assert_true (json_object_has_member (root, top[i]));
  groups = cli_get_array (root, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  group = json_array_get_object_element (groups, 0);
  for (guint i = 0; group_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (group, group_keys[i]));
  g_assert_false (json_object_has_member (group, "rmst"));
  for (guint i = 0; step_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (
      json_array_get_object_element (cli_get_array (group, "steps"), 0), step_keys[i]));
  for (guint i = 0; at_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (
      json_array_get_object_element (cli_get_array (group, "surv_at"), 0), at_keys[i]));
  for (guint i = 0; test_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (cli_get_object (root, "test"), test_keys[i]));
  cox = cli_get_object (root, "cox");
  for (guint i = 0; cox_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (cox, cox_keys[i]));
  for (guint i = 0; term_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (
      json_array_get_object_element (cli_get_array (cox, "terms"), 0), term_keys[i]));
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *chisq = cli_get_object (cox, (const char *[]) { "lr", "wald", "score" }[i]);

      g_assert_true (json_object_has_member (chisq, "chisq"));
      g_assert_true (json_object_has_member (chisq, "df"));
      g_assert_true (json_object_has_member (chisq, "p"));
    }
}

/* The Japanese CP932 copy must give exactly the English file's answers. */
static void
test_survival_cp932 (void)
{
  g_autofree char *en_path = cli_sample_path ("alk-cohort.csv");
  g_autofree char *ja_path = cli_sample_path ("alk-cohort-ja.csv");
  g_autoptr(CliResult) en = cli_run ("survival", en_path, "--time", "pfs_months", "--event",
                                     "pfs_event", "--group", "tp53_status", "--reference",
                                     "wild-type", "--where", "line_of_therapy=1", NULL);
  g_autoptr(CliResult) ja = cli_run ("survival", ja_path, "--time", "無増悪生存期間_月",
                                     "--event", "増悪", "--group", "TP53状態", "--reference",
                                     "野生型", "--where", "治療ライン=1", NULL);
  g_autoptr(JsonParser) en_parser = cli_result_parse (en);
  g_autoptr(JsonParser) ja_parser = cli_result_parse (ja);
  JsonObject *en_root = json_node_get_object (json_parser_get_root (en_parser));
  JsonObject *ja_root = json_node_get_object (json_parser_get_root (ja_parser));
  JsonArray *en_groups = cli_get_array (en_root, "groups");
  JsonArray *ja_groups = cli_get_array (ja_root, "groups");
  JsonObject *ja_term;
  /* Sorted levels: "mutant" < "wild-type", and 変異型 U+5909 < 野生型 U+91CE. */
  const char * const ja_names[] = { "変異型", "野生型" };

  g_assert_cmpint (cli_get_int (ja_root, "n"), ==, cli_get_int (en_root, "n"));
  g_assert_cmpint (cli_get_int (ja_root, "events"), ==, cli_get_int (en_root, "events"));
  g_assert_cmpuint (json_array_get_length (ja_groups), ==, 2);
  for (guint g = 0; g < 2; g++)
    {
      JsonObject *e = json_array_get_object_element (en_groups, g);
      JsonObject *j = json_array_get_object_element (ja_groups, g);

      g_assert_cmpstr (cli_get_string (j, "name"), ==, ja_names[g]);
      g_assert_cmpint (cli_get_int (j, "n"), ==, cli_get_int (e, "n"));
      cli_assert_close (cli_get_double (j, "median"), cli_get_double (e, "median"), 1e-12,
                        "median");
      cli_assert_close (cli_get_double (j, "median_lower"), cli_get_double (e, "median_lower"),
                        1e-12, "median_lower");
    }
  cli_assert_close (cli_get_double (cli_get_object (ja_root, "test"), "chisq"),
                    cli_get_double (cli_get_object (en_root, "test"), "chisq"), 1e-12, "chisq");
  ja_term = json_array_get_object_element (cli_get_array (cli_get_object (ja_root, "cox"),
                                                          "terms"), 0);
  g_assert_cmpstr (cli_get_string (ja_term, "name"), ==, "TP53状態=変異型");
  cli_assert_close (cli_get_double (ja_term, "hr"),
                    cli_get_double (json_array_get_object_element (
                      cli_get_array (cli_get_object (en_root, "cox"), "terms"), 0), "hr"),
                    1e-12, "hr");
}

static char *
expect_failure (const char * const *args)
{
  g_autoptr(CliResult) result = cli_runv (args);

  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  return cli_result_error_line (result);
}

static void
test_survival_errors (void)
{
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *missing = cli_sample_path ("no-such-table.csv");

  {
    const char *args[] = { "survival", missing, "--time", "time", "--event", "status", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_true (g_str_has_prefix (line, missing));
  }
  {
    const char *args[] = { "survival", lung, "--time", "days", "--event", "status", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_true (g_str_has_prefix (line, lung));
    g_assert_nonnull (strstr (line, "days"));
  }
  {
    /* ECOG 0–3 is no event coding R would guess. */
    const char *args[] = { "survival", lung, "--time", "time", "--event", "ph.ecog", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_true (g_str_has_prefix (line, lung));
    g_assert_nonnull (strstr (line, "--event-values"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "--event"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status", "--ci",
                           "logit", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "--ci"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status", "--group",
                           "sex", "--figure", "out.doc", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "out.doc"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status", "--where",
                           "stage=IV", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "stage"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status",
                           "--risk-table", "fancy", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "--risk-table"));
  }
  {
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status",
                           "--landmark", "-30", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "--landmark"));
  }
  {
    /* Nobody in lung is followed for 5 years. */
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status",
                           "--landmark", "1826", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_nonnull (strstr (line, "landmark"));
  }
  {
    /* The table was fine: the message is about the figure and names it. */
    const char *args[] = { "survival", lung, "--time", "time", "--event", "status",
                           "--figure", "/nonexistent-dir/km.pdf", NULL };
    g_autofree char *line = expect_failure (args);

    g_assert_true (g_str_has_prefix (line, "oncobench-cli survival: "));
    g_assert_nonnull (strstr (line, "/nonexistent-dir/km.pdf"));
  }
}

/* --event-values names what counts as an event: "2" in lung is the default coding. */
static void
test_survival_event_values (void)
{
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autoptr(CliResult) a = cli_run ("survival", lung, "--time", "time", "--event", "status",
                                    "--no-steps", NULL);
  g_autoptr(CliResult) b = cli_run ("survival", lung, "--time", "time", "--event", "ph.ecog",
                                    "--event-values", "2,3", "--no-steps", NULL);
  g_autoptr(JsonParser) pa = cli_result_parse (a);
  g_autoptr(JsonParser) pb = cli_result_parse (b);
  JsonObject *ra = json_node_get_object (json_parser_get_root (pa));
  JsonObject *rb = json_node_get_object (json_parser_get_root (pb));
  JsonObject *group = json_array_get_object_element (cli_get_array (ra, "groups"), 0);

  g_assert_false (json_object_has_member (group, "steps"));
  g_assert_cmpstr (cli_get_string (group, "name"), ==, "all");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (ra, "test")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (ra, "cox")));
  /* One patient has no ECOG score: excluded, and said so. */
  g_assert_cmpint (cli_get_int (rb, "excluded"), ==, 1);
  g_assert_cmpuint (json_array_get_length (cli_get_array (rb, "exclusions")), >=, 1);
  g_assert_cmpint (cli_get_int (rb, "n") + 1, ==, cli_get_int (ra, "n"));
}

/* Each conventions says which it is, with the interval actually used, and why another
 * program's numbers differ. */
static void
test_survival_conventions_note (void)
{
  static const struct
  {
    const char *conventions;
    const char *ci;
    const char *starts, *ci_named, *mentions;
  } cases[] = {
    { NULL, NULL, "Oncobench conventions", "log-log confidence", "--conventions r" },
    { "r", NULL, "R conventions", "log confidence", "survfit" },
    { "prism", NULL, "Prism conventions", "log-log (Prism", "log-rank (O/E)" },
    { "r", "plain", "R conventions", "plain confidence", "coxph" },
  };
  g_autofree char *aml = cli_sample_path ("aml.csv");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[14] = { "survival", aml, "--time", "time", "--event", "status",
                               "--group", "x", "--no-steps" };
      guint n = 9;
      g_autoptr(CliResult) result = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *root;
      const char *note;

      if (cases[i].conventions != NULL)
        {
          args[n++] = "--conventions";
          args[n++] = cases[i].conventions;
        }
      if (cases[i].ci != NULL)
        {
          args[n++] = "--ci";
          args[n++] = cases[i].ci;
        }
      result = cli_runv (args);
      parser = cli_result_parse (result);
      root = json_node_get_object (json_parser_get_root (parser));
      note = cli_get_string (root, "conventions_note");
      g_assert_true (g_str_has_prefix (note, cases[i].starts));
      g_assert_nonnull (strstr (note, cases[i].ci_named));
      g_assert_nonnull (strstr (note, cases[i].mentions));
      g_assert_cmpint (json_object_has_member (root, "prism_hazard_ratios"), ==,
                       g_strcmp0 (cases[i].conventions, "prism") == 0);
    }
}

static gboolean
has_response_warning (JsonObject *root)
{
  JsonArray *warnings = cli_get_array (root, "warnings");

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    if (strstr (json_array_get_string_element (warnings, i), "immortal-time bias") != NULL)
      return TRUE;
  return FALSE;
}

/* Groups by response are warned about, and the landmark answers the warning. */
static void
test_survival_response_warning (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-survival-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "response.csv", NULL);
  const char *csv = "months,event,best_response\n3,1,PD\n5,0,SD\n7,1,PR\n9,1,CR\n"
                    "11,0,PR\n13,1,SD\n";
  g_autoptr(CliResult) plain = NULL;
  g_autoptr(CliResult) landmark = NULL;
  g_autoptr(CliResult) other = NULL;
  g_autoptr(JsonParser) p1 = NULL;
  g_autoptr(JsonParser) p2 = NULL;
  g_autoptr(JsonParser) p3 = NULL;
  g_autofree char *lung = cli_sample_path ("lung.csv");

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  plain = cli_run ("survival", path, "--time", "months", "--event", "event", "--group",
                   "best_response", "--no-steps", NULL);
  landmark = cli_run ("survival", path, "--time", "months", "--event", "event", "--group",
                      "best_response", "--landmark", "4", "--no-steps", NULL);
  other = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "sex",
                   "--no-steps", NULL);
  p1 = cli_result_parse (plain);
  p2 = cli_result_parse (landmark);
  p3 = cli_result_parse (other);
  g_assert_true (has_response_warning (json_node_get_object (json_parser_get_root (p1))));
  g_assert_false (has_response_warning (json_node_get_object (json_parser_get_root (p2))));
  g_assert_false (has_response_warning (json_node_get_object (json_parser_get_root (p3))));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
check_png_size (const char *path,
                guint32     width,
                guint32     height)
{
  g_autofree guint8 *contents = NULL;
  gsize len = 0;
  guint32 w, h;

  g_assert_true (g_file_get_contents (path, (char **) &contents, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (contents, 8, "\211PNG\r\n\032\n", 8);
  w = (guint32) contents[16] << 24 | contents[17] << 16 | contents[18] << 8 | contents[19];
  h = (guint32) contents[20] << 24 | contents[21] << 16 | contents[22] << 8 | contents[23];
  g_assert_cmpuint (w, ==, width);
  g_assert_cmpuint (h, ==, height);
}

static void
test_survival_figure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("oncobench-cli-XXXXXX", &error);
  g_autofree char *alk = cli_sample_path ("alk-cohort.csv");
  const char *names[] = { "km.pdf", "km.svg", "km.eps", "km.png" };
  const char *magic[] = { "%PDF", "<?xml", "%!PS", "\211PNG" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_autoptr(CliResult) result = cli_run ("survival", alk, "--time", "pfs_months", "--event",
                                             "pfs_event", "--group", "tp53_status",
                                             "--figure", out, "--size", "89x80", "--dpi", "300",
                                             "--risk-table", i % 2 ? "kmunicate" : "classic",
                                             "--no-steps", NULL);
      g_autoptr(JsonParser) parser = cli_result_parse (result);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_cmpstr (cli_get_string (root, "figure"), ==, out);
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      if (g_str_has_suffix (out, ".png"))
        /* 89 × 80 mm at 300 dpi, partial pixels rounded up so nothing is cut off. */
        check_png_size (out, (guint32) ceil (89 / 25.4 * 300), (guint32) ceil (80 / 25.4 * 300));
      g_unlink (out);
    }
  g_rmdir (dir);
}

/* More steps than the printer buffers at once: the streamed array must still parse, in
 * order, with every row complete. */
static void
test_survival_long_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("time,status\n");
  g_autofree char *path = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *steps;
  const guint n = 3000;
  int fd;

  /* Distinct times, given in reverse so the sort matters; every third censored. */
  for (guint i = n; i > 0; i--)
    g_string_append_printf (csv, "%u.5,%d\n", i, i % 3 != 0);
  fd = g_file_open_tmp ("oncobench-cli-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  result = cli_run ("survival", path, "--time", "time", "--event", "status", NULL);
  g_assert_cmpuint (strlen (result->out), >, 256 * 1024);
  parser = cli_result_parse (result);
  steps = cli_get_array (json_array_get_object_element (
    cli_get_array (json_node_get_object (json_parser_get_root (parser)), "groups"), 0), "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      g_assert_cmpuint (json_object_get_size (step), ==, 8);
      cli_assert_close (cli_get_double (step, "time"), i + 1.5, 1e-15, "time");
      g_assert_cmpint (cli_get_int (step, "n_risk"), ==, n - i);
      g_assert_cmpint (cli_get_int (step, "n_event") + cli_get_int (step, "n_censor"), ==, 1);
    }
  g_unlink (path);
}

static void
test_survival_help (void)
{
  g_autoptr(CliResult) result = cli_run ("survival", "--help", NULL);

  g_assert_cmpint (result->exit_status, ==, 0);
  g_assert_nonnull (strstr (result->out, "--event-values"));
  g_assert_nonnull (strstr (result->out, "--covariates"));
  g_assert_nonnull (strstr (result->out, "--figure"));
  g_assert_nonnull (strstr (result->out, "--landmark"));
  g_assert_nonnull (strstr (result->out, "prism: GraphPad Prism"));
}

/* Numbers of the output that do not depend on how the excluded rows were named. */
static JsonNode *
estimates_of (const CliResult *result)
{
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *kept = json_object_new ();
  static const char * const members[] = { "n", "events", "excluded", "groups", "test", "cox",
                                          NULL };

  for (guint i = 0; members[i] != NULL; i++)
    json_object_set_member (kept, members[i],
                            json_node_copy (json_object_get_member (root, members[i])));
  return json_node_init_object (json_node_alloc (), kept);
}

/* --id names patients by a column: the same rows left out as by their numbers (checked
 * against R in survival-exclude.json), whichever way they are named; unknown ones fail. */
static void
test_survival_exclude_by_id (void)
{
  g_autofree char *lung = cli_sample_path ("lung.csv");
  g_autofree char *dir = g_dir_make_tmp ("ob-exclude-XXXXXX", NULL);
  g_autofree char *with_id = g_build_filename (dir, "lung-id.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(CliResult) by_row = NULL;
  g_autoptr(CliResult) by_id = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) no_column = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autofree char *line = NULL;
  g_autofree char *line2 = NULL;
  JsonArray *hand;

  g_assert_true (g_file_get_contents (lung, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      if (i == 0)
        g_string_append_printf (csv, "\"patient\",%s\n", lines[i]);
      else
        g_string_append_printf (csv, "P%03u,%s\n", i, lines[i]);
    }
  g_assert_true (g_file_set_contents (with_id, csv->str, -1, NULL));

  by_row = cli_run ("survival", lung, "--time", "time", "--event", "status", "--group", "sex",
                    "--exclude", "3:wrong date of birth", "--exclude", "17", "--exclude", "50",
                    "--exclude", "120", NULL);
  by_id = cli_run ("survival", with_id, "--time", "time", "--event", "status", "--group",
                   "sex", "--id", "patient", "--exclude", "P003:wrong date of birth",
                   "--exclude", "P017", "--exclude", "P050", "--exclude", "P120", NULL);
  a = estimates_of (by_row);
  b = estimates_of (by_id);
  g_assert_true (json_node_equal (a, b));

  parser = cli_result_parse (by_id);
  hand = cli_get_array (json_node_get_object (json_parser_get_root (parser)),
                        "excluded_by_hand");
  g_assert_cmpuint (json_array_get_length (hand), ==, 4);
  g_assert_cmpstr (cli_get_string (json_array_get_object_element (hand, 0), "id"), ==, "P003");
  g_assert_cmpstr (cli_get_string (json_array_get_object_element (hand, 0), "reason"), ==,
                   "wrong date of birth");

  unknown = cli_run ("survival", with_id, "--time", "time", "--event", "status", "--id",
                     "patient", "--exclude", "P999", NULL);
  g_assert_cmpint (unknown->exit_status, ==, 1);
  line = cli_result_error_line (unknown);
  g_assert_nonnull (strstr (line, "“P999”"));
  g_assert_nonnull (strstr (line, "patient"));

  no_column = cli_run ("survival", lung, "--time", "time", "--event", "status", "--id",
                       "patient", "--exclude", "P001", NULL);
  g_assert_cmpint (no_column->exit_status, ==, 1);
  line2 = cli_result_error_line (no_column);
  g_assert_nonnull (strstr (line2, "--id"));

  g_unlink (with_id);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(JsonParser) fixture = load_fixture (f);
      JsonArray *cases = json_node_get_array (json_parser_get_root (fixture));

      for (guint i = 0; i < json_array_get_length (cases); i++)
        {
          JsonObject *c = json_array_get_object_element (cases, i);
          g_autofree char *path = g_strdup_printf ("/cli/survival/r/%s",
                                                   json_object_get_string_member (c, "name"));

          g_test_add_data_func (path, GUINT_TO_POINTER (f << 16 | i), test_survival_case);
        }
    }
  g_test_add_func ("/cli/survival/keys", test_survival_keys);
  g_test_add_func ("/cli/survival/cp932", test_survival_cp932);
  g_test_add_func ("/cli/survival/errors", test_survival_errors);
  g_test_add_func ("/cli/survival/event-values", test_survival_event_values);
  g_test_add_func ("/cli/survival/figure", test_survival_figure);
  g_test_add_func ("/cli/survival/long-output", test_survival_long_output);
  g_test_add_func ("/cli/survival/help", test_survival_help);
  g_test_add_func ("/cli/survival/conventions-note", test_survival_conventions_note);
  g_test_add_func ("/cli/survival/response-warning", test_survival_response_warning);
  g_test_add_func ("/cli/survival/exclude-by-id", test_survival_exclude_by_id);

  return g_test_run ();
}
