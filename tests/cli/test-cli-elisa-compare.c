/* test-cli-elisa-compare.c — an ELISA's samples carried into a group comparison: elisa
 * --samples-csv, then compare on the same groups, against R
 * (tests/reference/elisa-compare.R → elisa-compare.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static JsonParser *fixture;

/* Concentrations come from an iterative fit; the rank test from them is exact. */
#define TOL_FIT 1e-5
#define TOL 1e-6

static double
cell_number (const char *cell)
{
  char *end;
  double v;

  if (*cell == '\0')
    return NAN;
  v = g_ascii_strtod (cell, &end);
  g_assert_cmpstr (end, ==, "");
  return v;
}

/* Runs elisa on the case's plate and returns the samples table it wrote, one row a line. */
static char **
write_samples (JsonObject *item,
               const char *dir,
               char      **csv_path)
{
  g_autofree char *file = g_build_filename (g_getenv ("OB_SOURCE_DIR"),
                                            json_object_get_string_member (item, "file"), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CliResult) r = NULL;
  g_autoptr(JsonParser) parser = NULL;

  *csv_path = g_build_filename (dir, "samples.csv", NULL);
  r = cli_run ("elisa", file, "--samples-csv", *csv_path, NULL);
  parser = cli_result_parse (r);
  g_assert_true (g_file_get_contents (*csv_path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "\n"));
  text[strlen (text) - 1] = '\0';
  return g_strsplit (text, "\n", -1);
}

static void
check_samples_table (JsonObject         *item,
                     const char * const *lines)
{
  JsonArray *samples = json_object_get_array_member (item, "samples");

  g_assert_cmpstr (lines[0], ==, "id,group,dilution,conc,conc_lower,conc_upper,flag,lloq,uloq");
  g_assert_cmpuint (g_strv_length ((char **) lines), ==, json_array_get_length (samples) + 1);
  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *s = json_array_get_object_element (samples, i);
      g_auto(GStrv) cells = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 9);
      g_assert_cmpstr (cells[0], ==, cli_get_string (s, "id"));
      g_assert_cmpstr (cells[1], ==, cli_get_string (s, "group"));
      cli_assert_close (cell_number (cells[3]), cli_get_double (s, "conc"), TOL_FIT, "conc");
      cli_assert_close (cell_number (cells[4]), cli_get_double (s, "conc_lower"), TOL_FIT,
                        "conc_lower");
      cli_assert_close (cell_number (cells[5]), cli_get_double (s, "conc_upper"), TOL_FIT,
                        "conc_upper");
      g_assert_cmpstr (cells[6], ==, cli_get_string (s, "flag"));
      /* A flagged sample has no number: a limit, not a measurement. */
      if (isnan (cli_get_double (s, "conc")))
        g_assert_cmpstr (cells[3], ==, "");
      g_assert_true (cell_number (cells[7]) > 0 && cell_number (cells[8]) > cell_number (cells[7]));
    }
}

static JsonObject *
find_group (JsonArray  *groups,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);

      if (strcmp (cli_get_string (g, "name"), name) == 0)
        return g;
    }
  g_assert_not_reached ();
}

/* The samples table read back by compare: the Kruskal–Wallis test on the numeric values. */
static void
check_compare (JsonObject *item,
               const char *csv,
               const char *figure)
{
  JsonArray *groups = json_object_get_array_member (item, "groups");
  g_autoptr(CliResult) r = cli_run ("compare", csv, "--value", "conc", "--group", "group",
                                    "--test", "kruskal", "--flag", "flag", "--lower",
                                    "conc_lower", "--upper", "conc_upper", "--figure", figure,
                                    "--log", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (r);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *got_groups = cli_get_array (root, "groups");
  JsonObject *limits = cli_get_object (root, "limits");
  JsonArray *limit_groups = cli_get_array (limits, "groups");
  JsonArray *warnings = cli_get_array (root, "warnings");
  gint64 below = 0, above = 0;
  gboolean told = FALSE;

  cli_assert_close (cli_get_double (root, "statistic"),
                    json_object_get_double_member (item, "statistic"), TOL, "statistic");
  cli_assert_close (cli_get_double (root, "df"), json_object_get_double_member (item, "df"), TOL,
                    "df");
  cli_assert_close (cli_get_double (root, "p"), json_object_get_double_member (item, "p"), TOL,
                    "p");
  g_assert_cmpint (cli_get_int (root, "n"), ==, json_object_get_int_member (item, "n"));
  g_assert_cmpuint (json_array_get_length (got_groups), ==, json_array_get_length (groups));
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *want = json_array_get_object_element (groups, i);
      JsonObject *got = find_group (got_groups, cli_get_string (want, "name"));

      JsonObject *counted = find_group (limit_groups, cli_get_string (want, "name"));

      g_assert_cmpint (cli_get_int (got, "n"), ==, cli_get_int (want, "n"));
      g_assert_cmpint (cli_get_int (counted, "below_lloq"), ==, cli_get_int (want, "below_lloq"));
      g_assert_cmpint (cli_get_int (counted, "above_uloq"), ==, cli_get_int (want, "above_uloq"));
      below += cli_get_int (want, "below_lloq");
      above += cli_get_int (want, "above_uloq");
    }
  g_assert_cmpint (cli_get_int (limits, "below_lloq"), ==, below);
  g_assert_cmpint (cli_get_int (limits, "above_uloq"), ==, above);
  g_assert_cmpint (cli_get_int (limits, "in_groups_without_values"), ==, 0);
  /* Never left out silently: a warning in the JSON and on stderr says how many and why. */
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    told |= strstr (json_array_get_string_element (warnings, i), "LLOQ") != NULL;
  g_assert_true (told == (below + above > 0));
  g_assert_true ((strstr (r->err, "left out") != NULL || strstr (r->err, "Left out") != NULL)
                 == (below + above > 0));
  g_assert_true (g_file_test (figure, G_FILE_TEST_IS_REGULAR));
}

static void
check_case (gconstpointer data)
{
  JsonObject *item = (JsonObject *) data;
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-compare-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *figure = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (dir);
  lines = write_samples (item, dir, &csv);
  check_samples_table (item, (const char * const *) lines);
  figure = g_build_filename (dir, "dot.png", NULL);
  check_compare (item, csv, figure);
  g_assert_cmpint (g_remove (figure), ==, 0);
  g_assert_cmpint (g_remove (csv), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A group whose every sample is flagged has nothing to test, but its samples are still
 * counted; wrong options are refused with one line. */
static void
test_edges (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-compare-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "flags.csv", NULL);
  g_autoptr(GError) error = NULL;
  static const char text[] = "group,conc,lo,hi,flag\nA,1,0.5,1.5,\nA,2,1.5,2.5,\nB,3,2,4,"
                             "\nB,4,3,5,CV > 20%\nC,,,,<LLOQ\n";

  g_assert_true (g_file_set_contents (csv, text, -1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CliResult) r = cli_run ("compare", csv, "--value", "conc", "--group", "group",
                                      "--flag", "flag", "--lower", "lo", "--upper", "hi", NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (r);
    JsonObject *root = json_node_get_object (json_parser_get_root (parser));
    JsonObject *limits = cli_get_object (root, "limits");

    /* A flag other than a limit leaves the number in the test. */
    g_assert_cmpint (cli_get_int (root, "n"), ==, 4);
    g_assert_cmpint (cli_get_int (limits, "below_lloq"), ==, 1);
    g_assert_cmpint (cli_get_int (limits, "in_groups_without_values"), ==, 1);
    g_assert_cmpuint (json_array_get_length (cli_get_array (limits, "groups")), ==, 2);
    g_assert_nonnull (strstr (r->err, "groups without any number"));
  }
  {
    g_autoptr(CliResult) r = cli_run ("compare", csv, "--value", "conc", "--group", "group",
                                      "--lower", "lo", NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (r->exit_status, !=, 0);
    line = cli_result_error_line (r);
    g_assert_nonnull (strstr (line, "--lower and --upper"));
  }
  {
    g_autoptr(CliResult) r = cli_run ("compare", csv, "--value", "conc", "--group", "group",
                                      "--flag", "flags", NULL);
    g_autofree char *line = NULL;

    g_assert_cmpint (r->exit_status, !=, 0);
    line = cli_result_error_line (r);
    g_assert_nonnull (strstr (line, "“flags”"));
  }
  g_assert_cmpint (g_remove (csv), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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
  path = g_test_build_filename (G_TEST_DIST, "reference", "elisa-compare.json", NULL);
  fixture = json_parser_new ();
  if (!json_parser_load_from_file (fixture, path, &error))
    g_error ("%s: %s", path, error->message);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (fixture)),
                                        "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *item = json_array_get_object_element (cases, i);
      g_autofree char *test_path = g_strdup_printf ("/cli/elisa-compare/%s",
                                                    json_object_get_string_member (item,
                                                                                   "name"));

      g_test_add_data_func (test_path, item, check_case);
    }
  g_test_add_func ("/cli/elisa-compare/edges", test_edges);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
