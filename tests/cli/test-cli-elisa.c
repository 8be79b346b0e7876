/* test-cli-elisa.c — `oncobench-cli elisa` as a user runs it, against R
 * (tests/reference/elisa-cli.R → elisa-cli.json)
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

/* Matched by concentration: a level left out by --exclude-failing is in the output (marked
 * excluded) but not in R's fit. */
static void
check_standards (JsonObject *actual,
                 JsonObject *expected)
{
  static const char * const members[] = { "conc", "mean_response", "back_calc",
                                          "recovery_pct" };
  JsonArray *got = cli_get_array (actual, "standards");
  JsonArray *want = json_object_get_array_member (expected, "standards");
  JsonArray *dropped = json_object_has_member (expected, "excluded_levels")
                       ? json_object_get_array_member (expected, "excluded_levels") : NULL;
  guint n_dropped = dropped != NULL ? json_array_get_length (dropped) : 0, n_excluded = 0;
  guint j = 0;

  for (guint i = 0; i < json_array_get_length (got); i++)
    {
      JsonObject *g = json_array_get_object_element (got, i);
      JsonObject *w;

      if (json_object_get_boolean_member (g, "excluded"))
        {
          g_assert_cmpuint (n_excluded, <, n_dropped);
          cli_assert_close (cli_get_double (g, "conc"),
                            json_array_get_double_element (dropped, n_excluded), 1e-12,
                            "excluded level");
          g_assert_false (json_object_get_boolean_member (g, "passes"));
          n_excluded++;
          continue;
        }
      g_assert_cmpuint (j, <, json_array_get_length (want));
      w = json_array_get_object_element (want, j++);
      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        cli_assert_close (cli_get_double (g, members[k]), expected_double (w, members[k]), TOL,
                          members[k]);
    }
  g_assert_cmpuint (j, ==, json_array_get_length (want));
  g_assert_cmpuint (n_excluded, ==, n_dropped);
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

  /* Every run's curve as nls fits it, run 10 included, which nls only reaches from a
   * hand-picked start. */
  {
    static const char * const names[] = { "bottom", "top", "ec50", "hill" };
    JsonArray *runs = json_object_get_array_member (
      json_node_get_object (json_parser_get_root (fixture)), "dnase_runs");

    g_assert_cmpuint (json_array_get_length (runs), ==, json_array_get_length (plates));
    for (guint i = 0; i < json_array_get_length (runs); i++)
      {
        JsonObject *want = json_array_get_object_element (runs, i);
        JsonArray *params = json_object_get_array_member (want, "params");
        JsonArray *se = json_object_get_array_member (want, "se");
        JsonObject *got = NULL;

        for (guint k = 0; k < json_array_get_length (plates); k++)
          {
            JsonObject *plate = json_array_get_object_element (plates, k);

            if (g_str_equal (cli_get_string (plate, "plate"),
                             json_object_get_string_member (want, "run")))
              got = plate;
          }
        g_assert_nonnull (got);
        for (guint j = 0; j < G_N_ELEMENTS (names); j++)
          {
            g_autofree char *what = g_strdup_printf ("run %s %s",
                                                     json_object_get_string_member (want, "run"),
                                                     names[j]);

            cli_assert_close (cli_get_double (cli_get_object (got, "params"), names[j]),
                              json_array_get_double_element (params, j), TOL, what);
            cli_assert_close (cli_get_double (cli_get_object (got, "param_se"), names[j]),
                              json_array_get_double_element (se, j), TOL, what);
          }
      }
  }
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

static char *
source_path (const char *file)
{
  return g_build_filename (g_getenv ("OB_SOURCE_DIR"), file, NULL);
}

/* The plate reader's export and its map read exactly as the long form (the plate-4pl case). */
static void
test_grid (void)
{
  g_autofree char *grid = source_path ("data/samples/elisa-plate-grid.txt");
  g_autofree char *map = source_path ("data/samples/elisa-plate-map.txt");
  JsonObject *item = find_case ("plate-4pl");
  g_autoptr(CliResult) result = cli_run ("elisa", "--grid", grid, "--map", map, NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (cli_get_string (root, "file"), ==, grid);
  g_assert_cmpstr (cli_get_string (root, "map"), ==, map);
  check_params (root, item, "grid");
  check_standards (root, item);
  check_samples (root, item);
}

/* Every block as a plate: the 450 nm read and the 570 nm reference each get a curve. */
static void
test_grid_all_blocks (void)
{
  g_autofree char *grid = source_path ("data/samples/elisa-plate-grid.txt");
  g_autofree char *map = source_path ("data/samples/elisa-plate-map.txt");
  g_autoptr(CliResult) result = cli_run ("elisa", "--grid", grid, "--map", map,
                                         "--plate-block", "1", NULL);
  g_autoptr(CliResult) reference = cli_run ("elisa", "--grid", grid, "--map", map,
                                            "--plate-block", "2", NULL);
  g_autoptr(JsonParser) parser = cli_result_parse (result);
  g_autoptr(CliResult) bad = cli_run ("elisa", "--grid", grid, "--map", map,
                                      "--plate-block", "3", NULL);
  g_autofree char *line = NULL;

  g_assert_cmpuint (json_array_get_length (cli_get_array (
    json_node_get_object (json_parser_get_root (parser)), "samples")), ==, 7);
  /* The reference wavelength is flat: whatever it gives, it is a result or a clear error. */
  if (reference->exit_status != 0)
    g_free (cli_result_error_line (reference));
  g_assert_cmpint (bad->exit_status, !=, 0);
  line = cli_result_error_line (bad);
  g_assert_nonnull (strstr (line, "has 2 plates; there is no plate 3"));
}

static void
test_grid_errors (void)
{
  g_autofree char *grid = source_path ("data/samples/elisa-plate-grid.txt");
  g_autofree char *map = source_path ("data/samples/elisa-plate-map.txt");
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-XXXXXX", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.txt", NULL);
  g_autofree char *text = NULL;
  char *p;

  g_assert_true (g_file_get_contents (grid, &text, NULL, NULL));
  p = strstr (text, "0.414");
  memcpy (p, "0.4x4", 5);
  g_assert_true (g_file_set_contents (broken, text, -1, NULL));
  {
    g_autoptr(CliResult) result = cli_run ("elisa", "--grid", broken, "--map", map, NULL);
    g_autofree char *line = cli_result_error_line (result);
    g_autofree char *want = g_strdup_printf ("%s:11:15: “0.4x4” in well B3 is not a number",
                                             broken);

    g_assert_cmpint (result->exit_status, !=, 0);
    g_assert_cmpstr (line, ==, want);
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", "--grid", grid, NULL);
    g_autofree char *line = cli_result_error_line (result);

    g_assert_nonnull (strstr (line, "--grid and --map go together"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", "--grid", grid, "--map", map,
                                           "--plate-block", "two", NULL);
    g_autofree char *line = cli_result_error_line (result);

    g_assert_nonnull (strstr (line, "--plate-block “two”"));
  }
  {
    g_autofree char *long_form = source_path ("data/samples/elisa-plate.csv");
    g_autoptr(CliResult) result = cli_run ("elisa", long_form, "--exclude", "Z9", NULL);
    g_autofree char *line = cli_result_error_line (result);

    g_assert_nonnull (strstr (line, "--exclude “Z9”: no such well"));
  }
  g_unlink (broken);
  g_rmdir (dir);
}

static guint32
png_width (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data + 1, 3, "PNG", 3);
  return (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8
         | data[19];
}

/* --figure writes the curve in the format its name asks for, 89 mm wide at 300 dpi by
 * default; --plate-figure the map; several plates one file each. */
static void
test_figure (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ob-elisa-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "curve.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "curve.pdf", NULL);
  g_autofree char *map_png = g_build_filename (dir, "plate.png", NULL);
  g_autofree char *long_form = source_path ("data/samples/elisa-plate.csv");
  g_autofree char *dnase = source_path ("data/samples/dnase.csv");
  g_autofree char *run2 = g_build_filename (dir, "curve-2.pdf", NULL);
  g_autofree char *run11 = g_build_filename (dir, "curve-11.pdf", NULL);
  g_autofree char *pdf_head = NULL;

  {
    g_autoptr(CliResult) result = cli_run ("elisa", long_form, "--figure", png,
                                           "--plate-figure", map_png, NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);

    /* 89 mm at 300 dpi, the last part of a pixel taken whole. */
    g_assert_cmpuint (png_width (png), ==, (guint32) ceil (89 / 25.4 * 300));
    g_assert_cmpuint (png_width (map_png), ==, (guint32) ceil (89 / 25.4 * 300));
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", long_form, "--figure", pdf, "--size",
                                           "60x50", "--x-label", "AREG (pg/mL)", NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);

    g_assert_true (g_file_get_contents (pdf, &pdf_head, NULL, NULL));
    g_assert_true (g_str_has_prefix (pdf_head, "%PDF"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", dnase, "--response", "density", "--plate",
                                           "run", "--figure", pdf, NULL);
    g_autoptr(JsonParser) parser = cli_result_parse (result);

    g_assert_true (g_file_test (run2, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (run11, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", long_form, "--figure", "curve.ps", NULL);
    g_autofree char *line = cli_result_error_line (result);

    g_assert_cmpint (result->exit_status, !=, 0);
    g_assert_nonnull (strstr (line, "curve.ps"));
  }
  {
    g_autoptr(CliResult) result = cli_run ("elisa", long_form, "--size", "89x70", NULL);
    g_autofree char *line = cli_result_error_line (result);

    g_assert_nonnull (strstr (line, "--figure FILE"));
  }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
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
  g_test_add_func ("/cli/elisa/grid", test_grid);
  g_test_add_func ("/cli/elisa/grid-blocks", test_grid_all_blocks);
  g_test_add_func ("/cli/elisa/grid-errors", test_grid_errors);
  g_test_add_func ("/cli/elisa/figure", test_figure);
  status = g_test_run ();
  g_object_unref (fixture);
  return status;
}
